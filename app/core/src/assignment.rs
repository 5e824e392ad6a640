//! Assignments: a tutor's signed instruction to a cohort (which placements, by
//! when), carried in a link's fragment, a QR code or a file; no server involved.

use crate::credential::{add_proof, verify_proof, ProofError, ProofOptions};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One placement a cohort should complete.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedPlacement {
    pub bundle: String,
    pub version: String,
}

/// What the tutor writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub cohort: String,
    pub tutor: String,
    pub organisation: String,
    pub placements: Vec<AssignedPlacement>,
    /// A calendar date, `YYYY-MM-DD`.
    pub due: String,
    pub instructions: String,
}

/// An assignment with the tutor's proof, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedAssignment {
    pub assignment: Assignment,
    /// The tutor's `did:key`.
    pub tutor_key: String,
}

#[derive(Serialize, Deserialize)]
struct Document {
    wex: String,
    format: u32,
    assignment: Assignment,
}

/// Signs an assignment as a JSON document with an `eddsa-jcs-2022` proof.
pub fn sign(assignment: &Assignment, created: &str, seed: &[u8; 32]) -> Value {
    let document = serde_json::to_value(Document { wex: "assignment".into(), format: 1, assignment: assignment.clone() }).expect("assignments serialise");
    add_proof(&document, &ProofOptions::asserted_by(seed, created), seed).expect("an assignment document is an object")
}

/// Checks a signed assignment document.
pub fn open(document: &Value) -> Result<SignedAssignment, String> {
    if document["wex"] != "assignment" {
        return Err("This is not a Wex assignment.".into());
    }
    if document["format"].as_u64().unwrap_or(0) > 1 {
        return Err("This assignment was made by a newer version of Wex.".into());
    }
    let tutor_key = verify_proof(document).map_err(|e: ProofError| format!("This assignment cannot be trusted: {e}."))?;
    let mut unsigned = document.clone();
    if let Some(object) = unsigned.as_object_mut() {
        object.remove("proof");
    }
    let parsed: Document = serde_json::from_value(unsigned).map_err(|_| "This assignment is damaged.".to_string())?;
    Ok(SignedAssignment { assignment: parsed.assignment, tutor_key })
}

/// Whether a due date (`YYYY-MM-DD`) has passed on `today` (same form). Dates
/// compare as text; an unreadable date is never overdue.
pub fn is_overdue(due: &str, today: &str) -> bool {
    let valid = |d: &str| d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-';
    valid(due) && valid(today) && today > due
}

/// The fields of the tutor's assignment form, for placing error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Cohort,
    Placements,
    Due,
    Instructions,
}

/// What the tutor filled in on the assignment form, as typed.
pub struct Draft<'a> {
    pub cohort: &'a str,
    pub placements: Vec<AssignedPlacement>,
    pub day: &'a str,
    pub month: &'a str,
    pub year: &'a str,
    pub instructions: &'a str,
}

impl Draft<'_> {
    /// The assignment, or every problem with the form in the NHS design system's
    /// words, by field. `today` is `YYYY-MM-DD` on the tutor's device.
    pub fn into_assignment(self, id: &str, tutor: &str, organisation: &str, today: &str) -> Result<Assignment, Vec<(Field, String)>> {
        let mut problems = Vec::new();
        let cohort = self.cohort.trim();
        if cohort.is_empty() {
            problems.push((Field::Cohort, "Enter a name for the cohort".to_string()));
        } else if cohort.chars().count() > 80 {
            problems.push((Field::Cohort, "The cohort's name must be 80 characters or fewer".to_string()));
        }
        if self.placements.is_empty() {
            problems.push((Field::Placements, "Choose at least one placement".to_string()));
        }
        let due = due_date(self.day, self.month, self.year, today).map_err(|why| problems.push((Field::Due, why)));
        let instructions = self.instructions.trim();
        if instructions.chars().count() > 1000 {
            problems.push((Field::Instructions, "Instructions must be 1,000 characters or fewer".to_string()));
        }
        match due {
            Ok(due) if problems.is_empty() => Ok(Assignment {
                id: id.into(),
                cohort: cohort.into(),
                tutor: tutor.into(),
                organisation: organisation.into(),
                placements: self.placements,
                due,
                instructions: instructions.into(),
            }),
            _ => Err(problems),
        }
    }
}

/// The due date from the three boxes of a date input, as `YYYY-MM-DD`, or what is
/// wrong with it (in the NHS design system's words). `today` is `YYYY-MM-DD`.
pub fn due_date(day: &str, month: &str, year: &str, today: &str) -> Result<String, String> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    let missing: Vec<&str> = [("day", day), ("month", month), ("year", year)].iter().filter(|(_, v)| v.is_empty()).map(|(n, _)| *n).collect();
    match missing.len() {
        3 => return Err("Enter the due date".into()),
        0 => {}
        _ => return Err(format!("The due date must include a {}", missing.join(" and "))),
    }
    let number = |v: &str| v.parse::<u32>().ok();
    let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
        return Err("The due date must be a real date".into());
    };
    if year.len() != 4 {
        return Err("The year must include 4 numbers".into());
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if d == 0 || d > days {
        return Err("The due date must be a real date".into());
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    if date.as_str() < today {
        return Err("The due date must be today or in the future".into());
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Assignment {
        Assignment {
            id: "a1".into(),
            cohort: "Year 12 health and social care".into(),
            tutor: "Ms Patel".into(),
            organisation: "Riverside Sixth Form College (fictional)".into(),
            placements: vec![AssignedPlacement { bundle: "hospice-placement".into(), version: "1.0.0".into() }],
            due: "2026-12-18".into(),
            instructions: "Finish before the winter break.".into(),
        }
    }

    #[test]
    fn a_signed_assignment_opens_and_names_its_tutor_key() {
        let seed = [11; 32];
        let document = sign(&sample(), "2026-11-25T09:00:00Z", &seed);
        let opened = open(&document).unwrap();
        assert_eq!(opened.assignment, sample());
        assert_eq!(opened.tutor_key, crate::keys::did_key(&crate::keys::public_key(&seed)));
    }

    #[test]
    fn changed_or_foreign_documents_are_refused() {
        let document = sign(&sample(), "2026-11-25T09:00:00Z", &[11; 32]);
        let mut later = document.clone();
        later["assignment"]["due"] = "2027-01-31".into();
        assert!(open(&later).unwrap_err().contains("cannot be trusted"));
        assert!(open(&serde_json::json!({"wex": "bundle"})).unwrap_err().contains("not a Wex assignment"));
        let mut newer = document;
        newer["format"] = 2.into();
        assert!(open(&newer).unwrap_err().contains("newer version"));
    }

    #[test]
    fn the_form_becomes_an_assignment_or_says_what_is_wrong() {
        let placement = AssignedPlacement { bundle: "hospice-placement".into(), version: "1.0.0".into() };
        let draft = |cohort, placements: Vec<AssignedPlacement>, day, instructions| Draft { cohort, placements, day, month: "12", year: "2026", instructions };
        let made = draft("  Year 12  ", vec![placement.clone()], "18", " Finish it. ").into_assignment("a1", "Ms Patel", "Riverside", "2026-11-25").unwrap();
        assert_eq!((made.cohort.as_str(), made.due.as_str(), made.instructions.as_str()), ("Year 12", "2026-12-18", "Finish it."));
        let long = "x".repeat(1001);
        let problems = draft(" ", vec![], "", &long).into_assignment("a1", "Ms Patel", "Riverside", "2026-11-25").unwrap_err();
        let fields: Vec<Field> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, [Field::Cohort, Field::Placements, Field::Due, Field::Instructions]);
        assert_eq!(problems[2].1, "The due date must include a day");
        let too_long = "y".repeat(81);
        assert!(draft(&too_long, vec![placement], "18", "").into_assignment("a1", "T", "O", "2026-11-25").unwrap_err()[0].1.contains("80 characters"));
    }

    #[test]
    fn due_dates_from_a_date_input() {
        let today = "2026-11-25";
        assert_eq!(due_date("18", "12", "2026", today), Ok("2026-12-18".into()));
        assert_eq!(due_date(" 5", "1 ", "2027", today), Ok("2027-01-05".into()));
        assert_eq!(due_date("25", "11", "2026", today), Ok("2026-11-25".into()), "today is allowed");
        assert_eq!(due_date("29", "2", "2028", today), Ok("2028-02-29".into()));
        let wrong = [
            (("", "", ""), "Enter the due date"),
            (("18", "", ""), "must include a month and year"),
            (("18", "12", ""), "must include a year"),
            (("30", "2", "2027"), "real date"),
            (("29", "2", "2027"), "real date"),
            (("x", "2", "2027"), "real date"),
            (("1", "13", "2027"), "real date"),
            (("1", "1", "27"), "4 numbers"),
            (("24", "11", "2026"), "today or in the future"),
        ];
        for ((d, m, y), message) in wrong {
            let error = due_date(d, m, y, today).unwrap_err();
            assert!(error.contains(message), "{d}/{m}/{y}: {error}");
        }
    }

    #[test]
    fn due_dates() {
        assert!(is_overdue("2026-12-18", "2026-12-19"));
        assert!(!is_overdue("2026-12-18", "2026-12-18"));
        assert!(!is_overdue("soon", "2026-12-19"));
    }
}
