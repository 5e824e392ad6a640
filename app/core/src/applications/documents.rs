//! The three documents a learner downloads from My applications, as Markdown: their
//! own drafts, the notes and certificates they chose to add, and nothing else.
//! Each says that the words are the learner's own.

use super::drafts::{Choice, Draft};
use super::evidence::Certified;
use super::{NhsValue, Note, UcasCount, UcasQuestion, UCAS_MAX_CHARS};
use crate::progress::{word_count, Progress};
use crate::words::{long_date, number, plural};

/// Who a document is by, and the day it was made (`YYYY-MM-DD`).
#[derive(Clone, Copy, Debug)]
pub struct Author<'a> {
    pub learner: &'a str,
    pub today: &'a str,
}

impl Author<'_> {
    fn byline(&self) -> String {
        format!(
            "Written by {} on {}, from their virtual work experience in Wex. The words are {}'s own: Wex gives prompts and keeps notes, but does not write statements.\n",
            self.learner,
            long_date(self.today),
            self.learner
        )
    }
}

/// A draft as a document shows it: its words, or that it is not written yet.
fn shown(draft: Draft, drafts: &Progress) -> String {
    draft.shown(drafts).unwrap_or_else(|| format!("*{}*", draft.not_yet()))
}

/// The UCAS personal statement: the learner's three answers with their character
/// counts against UCAS's rules, and the notes they chose, under the question each
/// helps with.
pub fn ucas(author: Author, drafts: &Progress, chosen: &[&Note]) -> String {
    let answers = UcasQuestion::ALL.map(|q| Draft::Ucas(q).text(drafts));
    let count = UcasCount::of([&answers[0], &answers[1], &answers[2]].map(|a| a.as_str()));
    let mut out = format!("# UCAS personal statement: {}'s draft\n\n{}", author.learner, author.byline());
    for (i, question) in UcasQuestion::ALL.into_iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n{}\n\n*{}.*\n", i + 1, question.text(), shown(Draft::Ucas(question), drafts), plural(count.each[i], "character")));
    }
    out.push_str(&format!("\n**Altogether: {} of {} characters, spaces included.**\n", number(count.total), number(UCAS_MAX_CHARS)));
    for problem in count.problems() {
        out.push_str(&format!("\n- {problem}"));
    }
    if !count.problems().is_empty() {
        out.push('\n');
    }
    if !chosen.is_empty() {
        out.push_str("\n## Notes from my reflections\n");
        for question in UcasQuestion::ALL {
            for note in chosen.iter().filter(|n| n.question() == question) {
                out.push_str(&format!("\n### For question {}: {}\n\n{}\n", question as usize + 1, note.source(), note.text));
            }
        }
    }
    out
}

/// Supporting information for an apprenticeship or NHS job: the learner's own
/// statement, then the notes they chose under each NHS value.
pub fn nhs_values(author: Author, drafts: &Progress, chosen: &[(NhsValue, &Note)]) -> String {
    let statement = Draft::SupportingInformation.text(drafts);
    let mut out = format!("# Supporting information: {}'s draft\n\n{}", author.learner, author.byline());
    out.push_str(&format!("\n## My supporting information\n\n{}\n\n*{}.*\n", shown(Draft::SupportingInformation, drafts), plural(word_count(&statement), "word")));
    if !chosen.is_empty() {
        out.push_str("\n## Evidence for the NHS values\n");
        for value in NhsValue::ALL {
            let notes: Vec<&Note> = chosen.iter().filter(|(v, _)| *v == value).map(|(_, n)| *n).collect();
            if notes.is_empty() {
                continue;
            }
            out.push_str(&format!("\n### {}\n\n*{}*\n", value.label(), value.meaning()));
            for note in notes {
                out.push_str(&format!("\nFrom {}:\n\n{}\n", note.source(), note.text));
            }
        }
    }
    out
}

/// An application for in-person work experience at a trust: three areas, three
/// dates, the two parts of the supporting statement, and the certificates chosen as
/// evidence, with where anyone can check them (`check_page`).
pub fn trust_placement(author: Author, drafts: &Progress, chosen: &[&Certified], check_page: &str) -> String {
    let mut out = format!("# Application for work experience at an NHS trust: {}\n\n{}", author.learner, author.byline());
    out.push_str("\n## The areas I would like\n\n");
    for choice in Choice::ALL {
        out.push_str(&format!("{}. {}\n", choice.number(), shown(Draft::TrustArea(choice), drafts)));
    }
    out.push_str("\n## Dates I can come\n\n");
    for choice in Choice::ALL {
        out.push_str(&format!("{}. {}\n", choice.number(), shown(Draft::TrustDate(choice), drafts)));
    }
    out.push_str(&format!("\n## What I hope to get from work experience\n\n{}\n", shown(Draft::TrustHopes, drafts)));
    out.push_str(&format!("\n## What I have done so far\n\n{}\n", shown(Draft::TrustSoFar, drafts)));
    if !chosen.is_empty() {
        out.push_str("\n## Virtual work experience I have completed\n");
        for placement in chosen {
            out.push_str(&format!(
                "\n- **{}**, published by {}. {}. Certificate {}, issued {}.\n",
                placement.title,
                placement.publisher,
                placement.time,
                placement.certificate_id,
                long_date(&placement.issued_at)
            ));
        }
        out.push_str(&format!("\nAnyone can check these certificates at {check_page}, with the certificate file I can send.\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applications::drafts::DRAFTS_BUNDLE;
    use crate::progress::{Action, Record};

    const AUTHOR: Author = Author { learner: "Sam", today: "2026-12-06" };

    fn drafts(written: &[(Draft, &str)]) -> Progress {
        let records: Vec<Record> = written
            .iter()
            .enumerate()
            .map(|(i, (draft, text))| Record { bundle: DRAFTS_BUNDLE.into(), item: draft.item(), at_ms: i as u64, action: Action::Written { field: Draft::field(), text: text.to_string() } })
            .collect();
        Progress::replay(&records)
    }

    fn note(prompt_id: &str, text: &str) -> Note {
        Note {
            id: format!("hospice/m/r/{prompt_id}"),
            placement: "Hospice placement".into(),
            step: "Your reflection".into(),
            prompt: "What happened?".into(),
            text: text.into(),
            prompt_id: prompt_id.into(),
        }
    }

    #[test]
    fn ucas_has_the_answers_their_counts_and_the_chosen_notes() {
        let drafts = drafts(&[(Draft::Ucas(UcasQuestion::WhyThisCourse), "I want to be a nurse because I saw how a team cared for Jo.")]);
        let why = note("so-what", "The nurse knelt to talk to Jo.");
        expect_test::expect![[r#"
            # UCAS personal statement: Sam's draft

            Written by Sam on 6 December 2026, from their virtual work experience in Wex. The words are Sam's own: Wex gives prompts and keeps notes, but does not write statements.

            ## 1. Why do you want to study this course or subject?

            I want to be a nurse because I saw how a team cared for Jo.

            *59 characters.*

            ## 2. How have your qualifications and studies helped you to prepare for this course or subject?

            *Not written yet.*

            *0 characters.*

            ## 3. What else have you done to prepare outside of education, and why are these experiences useful?

            *Not written yet.*

            *0 characters.*

            **Altogether: 59 of 4,000 characters, spaces included.**

            - Question 1: write at least 291 more characters (UCAS asks for 350 or more).
            - Question 2: write at least 350 more characters (UCAS asks for 350 or more).
            - Question 3: write at least 350 more characters (UCAS asks for 350 or more).

            ## Notes from my reflections

            ### For question 1: Hospice placement, Your reflection: “What happened?”

            The nurse knelt to talk to Jo.
        "#]]
        .assert_eq(&ucas(AUTHOR, &drafts, &[&why]));
        assert!(!ucas(AUTHOR, &Progress::default(), &[]).contains("Notes from my reflections"), "only what the learner chose");
    }

    #[test]
    fn values_group_the_chosen_notes_by_value() {
        let drafts = drafts(&[(Draft::SupportingInformation, "In my placement I learned to listen.")]);
        let team = note("what", "The team listened to Jo's wishes.");
        let text = nhs_values(AUTHOR, &drafts, &[(NhsValue::RespectAndDignity, &team), (NhsValue::WorkingTogether, &team)]);
        assert!(text.contains("In my placement I learned to listen.\n\n*7 words.*"), "{text}");
        let together = text.find("### Working together for patients").unwrap();
        let respect = text.find("### Respect and dignity").unwrap();
        assert!(together < respect, "in the Constitution's order");
        assert!(!text.contains("### Compassion"), "no empty values");
    }

    #[test]
    fn a_trust_application_is_ready_to_paste() {
        let drafts = drafts(&[
            (Draft::TrustArea(Choice::First), "Radiography"),
            (Draft::TrustArea(Choice::Second), "Physiotherapy "),
            (Draft::TrustDate(Choice::First), "2027-02-15"),
            (Draft::TrustHopes, "To see how a scan is planned."),
        ]);
        let certified = Certified {
            placement: "first-look".into(),
            title: "First look at the NHS".into(),
            publisher: "Wex".into(),
            certificate_id: "urn:uuid:1".into(),
            issued_at: "2026-12-06T09:00:00Z".into(),
            time: "About 40 minutes of virtual work experience (planned: about 40 minutes)".into(),
        };
        expect_test::expect![[r#"
            # Application for work experience at an NHS trust: Sam

            Written by Sam on 6 December 2026, from their virtual work experience in Wex. The words are Sam's own: Wex gives prompts and keeps notes, but does not write statements.

            ## The areas I would like

            1. Radiography
            2. Physiotherapy
            3. *Not chosen yet.*

            ## Dates I can come

            1. 15 February 2027
            2. *Not chosen yet.*
            3. *Not chosen yet.*

            ## What I hope to get from work experience

            To see how a scan is planned.

            ## What I have done so far

            *Not written yet.*

            ## Virtual work experience I have completed

            - **First look at the NHS**, published by Wex. About 40 minutes of virtual work experience (planned: about 40 minutes). Certificate urn:uuid:1, issued 6 December 2026.

            Anyone can check these certificates at https://example.org/verify, with the certificate file I can send.
        "#]]
        .assert_eq(&trust_placement(AUTHOR, &drafts, &[&certified], "https://example.org/verify"));
    }
}
