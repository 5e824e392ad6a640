//! What a learner writes on the My applications pages: their UCAS answers, their
//! supporting information, and their application for work experience at a trust.
//!
//! Drafts are kept as the learner's other answers are, as `Written` records, under
//! [`DRAFTS_BUNDLE`] instead of a placement. So they are saved as they are typed,
//! survive a tab closed mid-sentence, move with "Move my progress", and are deleted
//! with the learner's profile, with no storage of their own. No placement can have
//! that id (an id is lowercase letters, digits and hyphens), and no certificate,
//! hand-in or learning platform reads it: each of those reads one placement's
//! records.

use super::{Document, UcasQuestion};
use crate::field::Field;
use crate::progress::{ItemId, Progress};

/// The "placement" a learner's drafts are recorded under.
pub const DRAFTS_BUNDLE: &str = "wex:applications";

/// Which of the three areas or dates a trust's form asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    First,
    Second,
    Third,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::First, Choice::Second, Choice::Third];

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn word(self) -> &'static str {
        match self {
            Choice::First => "First",
            Choice::Second => "Second",
            Choice::Third => "Third",
        }
    }
}

/// One box on the My applications pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Draft {
    /// The answer to one of UCAS's questions.
    Ucas(UcasQuestion),
    /// Supporting information for an apprenticeship or NHS job.
    SupportingInformation,
    /// For a trust: the areas of work the learner would like.
    TrustArea(Choice),
    /// For a trust: dates the learner can come, as `YYYY-MM-DD`.
    TrustDate(Choice),
    /// For a trust: what they hope to get from work experience.
    TrustHopes,
    /// For a trust: what they have done so far.
    TrustSoFar,
}

impl Draft {
    /// Every draft, for tests and for a file that lists them all.
    pub fn all() -> Vec<Draft> {
        let mut all: Vec<Draft> = UcasQuestion::ALL.into_iter().map(Draft::Ucas).collect();
        all.push(Draft::SupportingInformation);
        all.extend(Choice::ALL.map(Draft::TrustArea));
        all.extend(Choice::ALL.map(Draft::TrustDate));
        all.extend([Draft::TrustHopes, Draft::TrustSoFar]);
        all
    }

    /// The page the draft is on.
    pub fn document(self) -> Document {
        match self {
            Draft::Ucas(_) => Document::Ucas,
            Draft::SupportingInformation => Document::NhsValues,
            Draft::TrustArea(_) | Draft::TrustDate(_) | Draft::TrustHopes | Draft::TrustSoFar => Document::TrustPlacement,
        }
    }

    /// The draft's name within its page, as stored.
    fn key(self) -> String {
        match self {
            Draft::Ucas(UcasQuestion::WhyThisCourse) => "why-this-course".into(),
            Draft::Ucas(UcasQuestion::StudiesPrepared) => "studies".into(),
            Draft::Ucas(UcasQuestion::OutsideEducation) => "outside-education".into(),
            Draft::SupportingInformation => "supporting-information".into(),
            Draft::TrustArea(n) => format!("area-{}", n.number()),
            Draft::TrustDate(n) => format!("date-{}", n.number()),
            Draft::TrustHopes => "hopes".into(),
            Draft::TrustSoFar => "so-far".into(),
        }
    }

    /// The module and step it is recorded under, as a placement's answer is: the
    /// page and the draft.
    pub fn module_and_step(self) -> (&'static str, String) {
        (self.document().slug(), self.key())
    }

    pub fn item(self) -> ItemId {
        let (module, step) = self.module_and_step();
        ItemId::step(module, &step)
    }

    /// The field its text is recorded in.
    pub fn field() -> Field {
        Field::Answer("text".into())
    }

    /// The draft's text as last saved, from the records under [`DRAFTS_BUNDLE`].
    pub fn text(self, drafts: &Progress) -> String {
        let (module, step) = self.module_and_step();
        drafts.step(module, &step).text(&Draft::field()).to_string()
    }

    /// What a download or a printed page says in place of a draft not written yet.
    pub fn not_yet(self) -> &'static str {
        match self {
            Draft::TrustArea(_) | Draft::TrustDate(_) => "Not chosen yet.",
            _ => "Not written yet.",
        }
    }

    /// The draft as a reader sees it, in a download or on paper: trimmed, a date
    /// in words ("15 February 2027"); `None` while nothing is written.
    pub fn shown(self, drafts: &Progress) -> Option<String> {
        let text = self.text(drafts);
        let text = text.trim();
        match self {
            _ if text.is_empty() => None,
            Draft::TrustDate(_) => Some(crate::words::long_date(text)),
            _ => Some(text.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Action, Record};

    #[test]
    fn every_draft_has_a_place_of_its_own() {
        let all = Draft::all();
        let mut items: Vec<String> = all.iter().map(|d| d.item().to_string()).collect();
        items.sort();
        items.dedup();
        assert_eq!(items.len(), all.len(), "{items:?}");
        assert_eq!(Draft::Ucas(UcasQuestion::StudiesPrepared).item().as_str(), "ucas/studies");
        assert_eq!(Draft::TrustDate(Choice::Third).item().as_str(), "work-experience/date-3");
    }

    #[test]
    fn a_draft_reads_back_its_last_saved_text() {
        let draft = Draft::TrustArea(Choice::Second);
        let write = |at_ms, text: &str| Record {
            bundle: DRAFTS_BUNDLE.into(),
            item: draft.item(),
            at_ms,
            action: Action::Written { field: Draft::field(), text: text.into() },
        };
        let progress = Progress::replay(&[write(1, "Radiography"), write(2, "Radiography and physiotherapy")]);
        assert_eq!(draft.text(&progress), "Radiography and physiotherapy");
        assert_eq!(Draft::TrustArea(Choice::First).text(&progress), "", "nothing written yet");
        assert_eq!(Draft::TrustArea(Choice::First).shown(&progress), None);
        let date = Record { item: Draft::TrustDate(Choice::First).item(), action: Action::Written { field: Draft::field(), text: " 2027-02-15 ".into() }, ..write(3, "") };
        assert_eq!(Draft::TrustDate(Choice::First).shown(&Progress::replay(&[date])).as_deref(), Some("15 February 2027"));
    }

    #[test]
    fn no_placement_can_have_the_drafts_id() {
        assert_ne!(crate::bundle::slug(DRAFTS_BUNDLE), DRAFTS_BUNDLE);
    }
}
