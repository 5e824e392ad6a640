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
    let did = crate::keys::did_key(&crate::keys::public_key(seed));
    let options = ProofOptions { created: created.into(), verification_method: format!("{did}#{}", &did["did:key:".len()..]), proof_purpose: "assertionMethod".into() };
    add_proof(&document, &options, seed).expect("an assignment document is an object")
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
    fn due_dates() {
        assert!(is_overdue("2026-12-18", "2026-12-19"));
        assert!(!is_overdue("2026-12-18", "2026-12-18"));
        assert!(!is_overdue("soon", "2026-12-19"));
    }
}
