//! From placement to application: what a learner already wrote in Wex, sorted under
//! the questions of a UCAS personal statement and the NHS values an apprenticeship or
//! NHS job asks about, with UCAS's character rules. Wex never writes a statement for
//! anyone: it places the learner's own words beside the question they could answer,
//! with prompts to turn them into sentences. Nothing here leaves the device.
//!
//! - this file: the questions, the values, and the learner's notes;
//! - [`drafts`]: where what the learner writes on the My applications pages is kept;
//! - [`evidence`]: the placements a learner can name, with their certificates;
//! - [`documents`]: the three documents a learner downloads.

pub mod documents;
pub mod drafts;
pub mod evidence;

use crate::bundle::Bundle;
use crate::progress::Progress;

/// The three documents of My applications, each a page of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Document {
    /// A UCAS undergraduate personal statement.
    Ucas,
    /// Supporting information for an apprenticeship or NHS job, by the NHS values.
    NhsValues,
    /// An application for in-person work experience at an NHS trust.
    TrustPlacement,
}

impl Document {
    pub const ALL: [Document; 3] = [Document::Ucas, Document::NhsValues, Document::TrustPlacement];

    /// The document's part of an address, and of the file it downloads as.
    pub fn slug(self) -> &'static str {
        match self {
            Document::Ucas => "ucas",
            Document::NhsValues => "nhs-values",
            Document::TrustPlacement => "work-experience",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Document::Ucas => "UCAS personal statement",
            Document::NhsValues => "Apprenticeship or NHS job: the NHS values",
            Document::TrustPlacement => "Work experience at an NHS trust",
        }
    }

    /// What the page helps with, in a line.
    pub fn summary(self) -> &'static str {
        match self {
            Document::Ucas => "Your notes under UCAS's three questions, with a character count for each answer.",
            Document::NhsValues => "Your notes under the six NHS values that application forms and interviews ask about.",
            Document::TrustPlacement => "Three areas, three dates and a short statement for a trust's form, with your certificates as evidence.",
        }
    }
}

/// The three questions of the UCAS undergraduate personal statement from 2026 entry,
/// answered in one statement of at most [`UCAS_MAX_CHARS`] characters, each answer at
/// least [`UCAS_MIN_CHARS`] (UCAS, "How to write your personal statement" for 2026
/// entry; the same rules in every guide checked on 2026-12-06).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UcasQuestion {
    WhyThisCourse,
    StudiesPrepared,
    OutsideEducation,
}

/// The fewest characters, spaces included, in each answer.
pub const UCAS_MIN_CHARS: usize = 350;
/// The most characters, spaces included, in the three answers together.
pub const UCAS_MAX_CHARS: usize = 4000;

impl UcasQuestion {
    pub const ALL: [UcasQuestion; 3] = [UcasQuestion::WhyThisCourse, UcasQuestion::StudiesPrepared, UcasQuestion::OutsideEducation];

    /// The question as UCAS asks it.
    pub fn text(self) -> &'static str {
        match self {
            UcasQuestion::WhyThisCourse => "Why do you want to study this course or subject?",
            UcasQuestion::StudiesPrepared => "How have your qualifications and studies helped you to prepare for this course or subject?",
            UcasQuestion::OutsideEducation => "What else have you done to prepare outside of education, and why are these experiences useful?",
        }
    }

    /// Prompts that help a learner turn their notes into sentences of their own.
    pub fn prompts(self) -> &'static [&'static str] {
        match self {
            UcasQuestion::WhyThisCourse => &[
                "Which moment in a placement made you think “this is the work for me”? Say what happened and what it showed you.",
                "What do you now know about the job that you did not know before, and why does it draw you in?",
            ],
            UcasQuestion::StudiesPrepared => &[
                "Which of your subjects helped you understand something in a placement (biology for a blood test, psychology for a mental health team)?",
                "Which skill from your studies (writing up an experiment, weighing up arguments) would you use in this course?",
            ],
            UcasQuestion::OutsideEducation => &[
                "Name the virtual work experience honestly: which placement, who published it, and about how long it took.",
                "What did you do in it (a care plan, a team meeting, a hard choice), and what did you learn about yourself?",
            ],
        }
    }
}

/// Which UCAS question a reflection prompt's answer most likely helps with, from the
/// "What? So what? Now what?" shape the authoring guide recommends: what happened is
/// experience outside education; what it meant and what comes next is motivation.
/// A prompt of any other shape is experience too.
pub fn ucas_question_for(prompt_id: &str) -> UcasQuestion {
    match prompt_id {
        "so-what" | "now-what" | "why" | "next" => UcasQuestion::WhyThisCourse,
        _ => UcasQuestion::OutsideEducation,
    }
}

/// One reflection answer a learner wrote, with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Which answer box it is (placement, module, step and prompt): the same for
    /// the same box whatever its text.
    pub id: String,
    pub placement: String,
    pub step: String,
    pub prompt: String,
    pub text: String,
    /// The prompt's id, which says which question it helps with.
    pub prompt_id: String,
}

/// Every reflection answer in `bundle` the learner has written (private ones too:
/// this is their own page, and nothing leaves the device unless they export it).
pub fn notes(bundle: &Bundle, progress: &Progress) -> Vec<Note> {
    crate::reflections::answered(bundle, progress)
        .into_iter()
        .flat_map(|answered| {
            answered.answers.iter().map(move |(prompt, text)| Note {
                id: format!("{}/{}/{}/{}", bundle.id, answered.module.id, answered.step.id, prompt.id),
                placement: bundle.title.clone(),
                step: answered.step.title.clone(),
                prompt: prompt.text.clone(),
                text: text.to_string(),
                prompt_id: prompt.id.clone(),
            }).collect::<Vec<_>>()
        })
        .collect()
}

/// A note longer than this is longer than one of the three answers can be on
/// average (a third of [`UCAS_MAX_CHARS`]).
pub const LONG_NOTE_CHARS: usize = UCAS_MAX_CHARS / 3;

impl Note {
    /// The UCAS question this note most likely helps with.
    pub fn question(&self) -> UcasQuestion {
        ucas_question_for(&self.prompt_id)
    }

    /// Where it came from, as a line above it: "Hospice placement, Your reflection:
    /// “What happened?”".
    pub fn source(&self) -> String {
        format!("{}, {}: “{}”", self.placement, self.step, self.prompt)
    }

    /// Whether the note is longer than an answer can be ([`LONG_NOTE_CHARS`]), so
    /// the learner needs to choose from it rather than use all of it.
    pub fn is_long(&self) -> bool {
        self.text.chars().count() > LONG_NOTE_CHARS
    }

    /// What the page says under a note too long to use whole.
    pub fn too_long(&self) -> Option<String> {
        self.is_long().then(|| {
            format!(
                "This note is long ({} characters): more than one answer can hold. Choose the sentence or two that matter most and say them in a fresh way.",
                crate::words::number(self.text.chars().count())
            )
        })
    }
}

/// How a learner's three answers stand against UCAS's rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UcasCount {
    /// Characters in each answer, spaces and line breaks included, as UCAS counts.
    pub each: [usize; 3],
    pub total: usize,
}

/// The count under one answer box as the learner types: "88 characters: at least
/// 262 more to go", then "400 characters: enough for this answer".
pub fn answer_count(text: &str) -> String {
    let n = text.chars().count();
    let counted = crate::words::plural(n, "character");
    match UCAS_MIN_CHARS.checked_sub(n).filter(|&more| more > 0) {
        Some(more) => format!("{counted}: at least {more} more to go"),
        None => format!("{counted}: enough for this answer"),
    }
}

impl UcasCount {
    pub fn of(answers: [&str; 3]) -> UcasCount {
        let each = answers.map(|a| a.chars().count());
        UcasCount { each, total: each.iter().sum() }
    }

    /// What still stands between the answers and UCAS's rules, in plain words; empty
    /// when they meet them.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (question, &n) in UcasQuestion::ALL.iter().zip(&self.each) {
            if n < UCAS_MIN_CHARS {
                out.push(format!("Question {}: write at least {} more characters (UCAS asks for {UCAS_MIN_CHARS} or more).", *question as usize + 1, UCAS_MIN_CHARS - n));
            }
        }
        if self.total > UCAS_MAX_CHARS {
            out.push(format!("Cut {} characters: the three answers together can have {} at most.", self.total - UCAS_MAX_CHARS, crate::words::number(UCAS_MAX_CHARS)));
        }
        out
    }
}

/// The six NHS values (the NHS Constitution for England), which NHS job adverts,
/// apprenticeship interviews and values-based recruitment ask about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NhsValue {
    WorkingTogether,
    RespectAndDignity,
    QualityOfCare,
    Compassion,
    ImprovingLives,
    EveryoneCounts,
}

impl NhsValue {
    pub const ALL: [NhsValue; 6] = [
        NhsValue::WorkingTogether,
        NhsValue::RespectAndDignity,
        NhsValue::QualityOfCare,
        NhsValue::Compassion,
        NhsValue::ImprovingLives,
        NhsValue::EveryoneCounts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            NhsValue::WorkingTogether => "Working together for patients",
            NhsValue::RespectAndDignity => "Respect and dignity",
            NhsValue::QualityOfCare => "Commitment to quality of care",
            NhsValue::Compassion => "Compassion",
            NhsValue::ImprovingLives => "Improving lives",
            NhsValue::EveryoneCounts => "Everyone counts",
        }
    }

    /// What the value means, in a sentence of Wex's own (after the NHS
    /// Constitution for England).
    pub fn meaning(self) -> &'static str {
        match self {
            NhsValue::WorkingTogether => "Patients come first: staff work with each other, with patients and families, and with other services.",
            NhsValue::RespectAndDignity => "Every person is treated as an individual, listened to, and told honestly what is happening.",
            NhsValue::QualityOfCare => "Care is safe and as good as it can be; people speak up when something is wrong and learn from mistakes.",
            NhsValue::Compassion => "Staff notice when someone is in pain, worried or upset, and do what they can to help, however small.",
            NhsValue::ImprovingLives => "The NHS tries to make people's health, wellbeing and lives better, not only to treat illness.",
            NhsValue::EveryoneCounts => "Nobody is left out or treated unfairly, and resources are used for the good of the whole community.",
        }
    }

    /// Word beginnings that suggest a note shows this value. A suggestion for the
    /// learner to accept or not, never a judgement.
    fn signs(self) -> &'static [&'static str] {
        match self {
            NhsValue::WorkingTogether => &["team", "together", "colleague", "handover", "mdt", "listen", "shared"],
            NhsValue::RespectAndDignity => &["respect", "dignity", "privacy", "consent", "choice", "wishes", "confidential"],
            NhsValue::QualityOfCare => &["safe", "safety", "check", "quality", "careful", "mistake", "speak up", "escalat"],
            NhsValue::Compassion => &["kind", "compassion", "comfort", "worried", "upset", "scared", "feel", "empath", "calm"],
            NhsValue::ImprovingLives => &["improv", "recover", "better", "independen", "help", "home"],
            NhsValue::EveryoneCounts => &["everyone", "fair", "equal", "disab", "language", "carer", "family", "families"],
        }
    }

    /// The values a note's words suggest, in the Constitution's order.
    pub fn suggested_by(text: &str) -> Vec<NhsValue> {
        let words: Vec<String> = text.to_lowercase().split(|c: char| !c.is_alphanumeric() && c != ' ').map(str::to_string).collect();
        let joined = format!(" {} ", words.join(" "));
        NhsValue::ALL.into_iter().filter(|v| v.signs().iter().any(|sign| joined.contains(&format!(" {sign}")))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_counts_follow_ucas_rules() {
        let short = "I want to be a nurse.";
        let count = UcasCount::of([short, &"a".repeat(350), &"é".repeat(400)]);
        assert_eq!(count.each, [21, 350, 400], "characters, not bytes");
        assert_eq!(count.problems(), ["Question 1: write at least 329 more characters (UCAS asks for 350 or more)."]);
        let long = "word ".repeat(300);
        let count = UcasCount::of([&long, &long, &long]);
        assert_eq!(count.total, 4500);
        assert_eq!(count.problems(), ["Cut 500 characters: the three answers together can have 4,000 at most."]);
        assert!(UcasCount::of([&"x".repeat(1300); 3].map(String::as_str)).problems().is_empty());
    }

    #[test]
    fn a_note_longer_than_an_answer_says_so() {
        let note = |chars: usize| Note { id: "p/m/s/what".into(), placement: "P".into(), step: "S".into(), prompt: "What?".into(), text: "é".repeat(chars), prompt_id: "what".into() };
        assert_eq!(note(LONG_NOTE_CHARS).too_long(), None);
        assert!(note(LONG_NOTE_CHARS + 1).too_long().unwrap().starts_with("This note is long (1,334 characters)"));
        assert_eq!(note(3).source(), "P, S: “What?”");
    }

    #[test]
    fn each_answer_says_how_far_it_is_from_ucas_minimum() {
        assert_eq!(answer_count(""), "0 characters: at least 350 more to go");
        assert_eq!(answer_count(&"é".repeat(349)), "349 characters: at least 1 more to go");
        assert_eq!(answer_count(&"a".repeat(350)), "350 characters: enough for this answer");
    }

    #[test]
    fn what_happened_is_experience_and_what_it_meant_is_motivation() {
        assert_eq!(ucas_question_for("what"), UcasQuestion::OutsideEducation);
        assert_eq!(ucas_question_for("so-what"), UcasQuestion::WhyThisCourse);
        assert_eq!(ucas_question_for("now-what"), UcasQuestion::WhyThisCourse);
        assert_eq!(ucas_question_for("anything-else"), UcasQuestion::OutsideEducation);
    }

    #[test]
    fn notes_are_the_learners_own_reflections_with_their_place() {
        let bundle = crate::testing::bundle_with_reflection();
        let item = crate::progress::ItemId::step("m", "r");
        let record = crate::progress::Record {
            bundle: bundle.id.clone(),
            item,
            at_ms: 1,
            action: crate::progress::Action::Written { field: crate::field::Field::Prompt("what".into()), text: "  I saw the team plan together.  ".into() },
        };
        let notes = notes(&bundle, &Progress::replay(&[record]));
        assert_eq!(notes.len(), 1);
        assert_eq!((notes[0].prompt.as_str(), notes[0].text.as_str(), notes[0].prompt_id.as_str()), ("What happened?", "I saw the team plan together.", "what"));
        assert!(super::notes(&bundle, &Progress::default()).is_empty(), "no reflections yet");
    }

    #[test]
    fn values_are_suggested_by_the_learners_words() {
        assert_eq!(
            NhsValue::suggested_by("The team listened to Jo's wishes and kept her comfortable."),
            [NhsValue::WorkingTogether, NhsValue::RespectAndDignity, NhsValue::Compassion]
        );
        assert!(NhsValue::suggested_by("I read about blood tests.").is_empty());
        assert!(!NhsValue::suggested_by("A steam engine").contains(&NhsValue::WorkingTogether), "only at the start of a word");
    }
}
