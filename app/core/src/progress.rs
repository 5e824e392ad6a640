//! A learner's progress: append-only records of what they did, and the state of
//! each step derived by replaying them in order.
//!
//! Records are keyed by bundle id and item id (`module/step`), never by position,
//! so progress survives a new version of a bundle that adds, removes or reorders
//! steps; records for steps that no longer exist are kept and simply not shown.

pub use crate::field::Field;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a record is about: a step (stored as `module-id/step-id`) or the placement's
/// certificate (stored as `certificate`). Stored and exported as that text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(String);

impl ItemId {
    /// The item of a step.
    pub fn step(module: &str, step: &str) -> ItemId {
        ItemId(format!("{module}/{step}"))
    }

    /// The item certificates are recorded under.
    pub fn certificate() -> ItemId {
        ItemId(CERTIFICATE_ITEM.to_string())
    }

    /// Reads an item as stored.
    pub fn parse(stored: &str) -> ItemId {
        ItemId(stored.to_string())
    }

    /// As stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The module and step ids of a step's item.
    pub fn module_and_step(&self) -> Option<(&str, &str)> {
        self.0.split_once('/')
    }

    pub fn is_certificate(&self) -> bool {
        self.0 == CERTIFICATE_ITEM
    }
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One thing a learner did, at a time the device's clock gave (milliseconds since
/// the Unix epoch; shared devices' clocks can be wrong, so nothing depends on it
/// being right except which of two copies of an answer is newer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub bundle: String,
    pub item: ItemId,
    pub at_ms: u64,
    pub action: Action,
}

/// What the learner did at a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Opened the step: where "continue" brings them back to.
    Visit,
    /// Finished the step.
    Done,
    /// Took back "finished" (for example to answer again).
    Undone,
    /// Chose options in a quiz question, before checking the answers.
    Pick { question: String, chosen: Vec<usize> },
    /// Submitted a quiz: the chosen option indices for each question id.
    QuizSubmit { answers: BTreeMap<String, Vec<usize>> },
    /// Free text, saved as typed.
    Written { field: Field, text: String },
    /// Opened a case study's reveal.
    Reveal { index: usize },
    /// Answered a case study's choice question.
    CaseAnswer { question: String, chosen: Vec<usize> },
    /// Chose a care plan's needs (option indices).
    Needs { chosen: Vec<usize> },
    /// Chose and ordered a care plan's interventions (ids, first to last).
    Interventions { order: Vec<String> },
    /// Submitted a care plan to see the model answer.
    PlanSubmit,
    /// Marked their care plan against one rubric criterion.
    SelfMark { criterion: usize, mark: SelfMark },
    /// Took a choice in a scenario.
    Choose { node: String, choice: usize },
    /// Went back one choice in a scenario.
    Back,
    /// Started a scenario again.
    Restart,
    /// Shared or unshared their reflections on this step with their tutor.
    Share { shared: bool },
    /// Received a certificate for the placement (item [`CERTIFICATE_ITEM`]): the
    /// signed credential, as JSON.
    Certified { credential: String },
    /// Received a tutor's countersigned credential for the certificate (item
    /// [`CERTIFICATE_ITEM`]), as JSON.
    Countersigned { credential: String },
    /// A reflection answer left out of a handed-in attempt log: only how many words
    /// it had, so the log still scores the same. Never written on the device itself.
    Withheld { field: Field, words: usize },
}

/// How the certificate's item is stored (see [`ItemId::certificate`]).
const CERTIFICATE_ITEM: &str = "certificate";

/// The records that make up the attempt log a certificate is issued from and a tutor
/// receives: everything but certificates, with the words of reflections withheld
/// (their word counts stay, so the log scores the same). Reflections are the
/// learner's own thoughts; they share chosen ones separately when they hand in.
pub fn attempt_log(records: &[Record]) -> Vec<Record> {
    records
        .iter()
        .filter(|r| !matches!(r.action, Action::Certified { .. } | Action::Countersigned { .. }))
        .map(|r| match &r.action {
            Action::Written { field, text } if field.is_reflection() => {
                Record { action: Action::Withheld { field: field.clone(), words: word_count(text) }, ..r.clone() }
            }
            _ => r.clone(),
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelfMark {
    Yes,
    Partly,
    No,
}

impl SelfMark {
    pub fn label(self) -> &'static str {
        match self {
            SelfMark::Yes => "Yes",
            SelfMark::Partly => "Partly",
            SelfMark::No => "Not yet",
        }
    }
}

/// Where a learner is in a module, as the NHS task list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }
}

/// Everything derived about one step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepState {
    pub visited: bool,
    pub done: bool,
    /// Options chosen but not yet checked, by question id.
    pub picks: BTreeMap<String, Vec<usize>>,
    pub quiz_attempts: Vec<BTreeMap<String, Vec<usize>>>,
    pub written: BTreeMap<Field, String>,
    /// Word counts of answers withheld from a handed-in log, by field.
    pub withheld: BTreeMap<Field, usize>,
    pub revealed: BTreeSet<usize>,
    pub case_answers: BTreeMap<String, Vec<usize>>,
    pub needs: Vec<usize>,
    pub interventions: Vec<String>,
    pub plan_submitted: bool,
    pub self_marks: BTreeMap<usize, SelfMark>,
    /// Scenario choices from the start, as (node, choice index).
    pub path: Vec<(String, usize)>,
    pub shared: bool,
    /// When the learner last did anything here.
    pub last_at: u64,
}

impl StepState {
    fn apply(&mut self, record: &Record) {
        self.last_at = self.last_at.max(record.at_ms);
        match &record.action {
            Action::Visit => self.visited = true,
            Action::Done => {
                self.visited = true;
                self.done = true;
            }
            Action::Undone => self.done = false,
            Action::Pick { question, chosen } => {
                self.picks.insert(question.clone(), chosen.clone());
            }
            Action::QuizSubmit { answers } => self.quiz_attempts.push(answers.clone()),
            Action::Written { field, text } => {
                self.withheld.remove(field);
                self.written.insert(field.clone(), text.clone());
            }
            Action::Withheld { field, words } => {
                self.written.remove(field);
                self.withheld.insert(field.clone(), *words);
            }
            Action::Reveal { index } => {
                self.revealed.insert(*index);
            }
            Action::CaseAnswer { question, chosen } => {
                self.case_answers.insert(question.clone(), chosen.clone());
            }
            Action::Needs { chosen } => self.needs = chosen.clone(),
            Action::Interventions { order } => self.interventions = order.clone(),
            Action::PlanSubmit => self.plan_submitted = true,
            Action::SelfMark { criterion, mark } => {
                self.self_marks.insert(*criterion, *mark);
            }
            Action::Choose { node, choice } => self.path.push((node.clone(), *choice)),
            Action::Back => {
                self.path.pop();
            }
            Action::Restart => {
                self.path.clear();
                self.done = false;
            }
            Action::Share { shared } => self.shared = *shared,
            Action::Certified { .. } | Action::Countersigned { .. } => {}
        }
    }

    /// A written answer, or "" when there is none.
    pub fn text(&self, field: &Field) -> &str {
        self.written.get(field).map_or("", String::as_str)
    }

    /// How many words a written answer has, whether its words are here or withheld.
    pub fn words(&self, field: &Field) -> usize {
        self.withheld.get(field).copied().unwrap_or_else(|| word_count(self.text(field)))
    }

    /// Whether a written answer has any words, here or withheld.
    pub fn answered(&self, field: &Field) -> bool {
        self.withheld.get(field).is_some_and(|&w| w > 0) || !self.text(field).trim().is_empty()
    }
}

/// The state of one bundle derived from its records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    steps: BTreeMap<ItemId, StepState>,
    /// The item visited last, for "continue where you left off".
    last_visit: Option<(u64, ItemId)>,
    /// The newest certificate, as credential JSON.
    certificate: Option<String>,
    /// The newest countersigned credential, as JSON.
    countersigned: Option<String>,
}

static EMPTY: std::sync::OnceLock<StepState> = std::sync::OnceLock::new();

impl Progress {
    /// Replays records in the order given (the order they were stored).
    pub fn replay<'a>(records: impl IntoIterator<Item = &'a Record>) -> Progress {
        let mut progress = Progress::default();
        for record in records {
            progress.apply(record);
        }
        progress
    }

    pub fn apply(&mut self, record: &Record) {
        match &record.action {
            Action::Certified { credential } => {
                self.certificate = Some(credential.clone());
                // A new certificate has not been countersigned.
                self.countersigned = None;
                return;
            }
            Action::Countersigned { credential } => {
                self.countersigned = Some(credential.clone());
                return;
            }
            _ => {}
        }
        self.steps.entry(record.item.clone()).or_default().apply(record);
        if matches!(record.action, Action::Visit) && self.last_visit.as_ref().is_none_or(|(at, _)| record.at_ms >= *at) {
            self.last_visit = Some((record.at_ms, record.item.clone()));
        }
    }

    pub fn step(&self, module: &str, step: &str) -> &StepState {
        self.steps.get(&ItemId::step(module, step)).unwrap_or_else(|| EMPTY.get_or_init(StepState::default))
    }

    /// The newest certificate for the placement, as credential JSON.
    pub fn certificate(&self) -> Option<&str> {
        self.certificate.as_deref()
    }

    /// The tutor's countersignature of the newest certificate, as credential JSON.
    pub fn countersigned(&self) -> Option<&str> {
        self.countersigned.as_deref()
    }

    /// The module and step visited last, if any.
    pub fn last_visit(&self) -> Option<(&str, &str)> {
        self.last_visit.as_ref().and_then(|(_, item)| item.module_and_step())
    }
}

/// Merges two copies of a learner's records (from an export file and this device):
/// keeps every record once, ordered by time, so replaying gives the newest answer
/// for everything and nothing is lost.
pub fn merge(ours: &[Record], theirs: &[Record]) -> Vec<Record> {
    let mut all: Vec<Record> = ours.to_vec();
    for record in theirs {
        if !ours.contains(record) {
            all.push(record.clone());
        }
    }
    // A stable sort keeps the stored order of records written in the same millisecond.
    all.sort_by_key(|r| r.at_ms);
    all
}

/// Of the answers kept as they were typed but perhaps never saved (the web app keeps
/// each keystroke's text where a closing tab cannot lose it), the ones to save now:
/// every `Written` record whose field's last saved text is different and older. A
/// saved answer written after the typed copy (in another tab, or imported) wins.
pub fn unsaved_answers(saved: &[Record], typed: Vec<Record>) -> Vec<Record> {
    let last_saved = |typed: &Record, field: &Field| {
        saved
            .iter()
            .filter(|r| r.bundle == typed.bundle && r.item == typed.item)
            .filter_map(|r| match &r.action {
                Action::Written { field: f, text } if f == field => Some((r.at_ms, text.as_str())),
                _ => None,
            })
            .max_by_key(|(at_ms, _)| *at_ms)
    };
    typed
        .into_iter()
        .filter(|record| match &record.action {
            Action::Written { field, text } => match last_saved(record, field) {
                Some((at_ms, saved)) => saved != text && at_ms < record.at_ms,
                None => true,
            },
            _ => false,
        })
        .collect()
}

/// How many words a piece of writing has.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(item: &str, at_ms: u64, action: Action) -> Record {
        Record { bundle: "demo".into(), item: crate::progress::ItemId::parse(item), at_ms, action }
    }

    #[test]
    fn the_last_visit_is_where_to_resume() {
        let records = [record("m/a", 5, Action::Visit), record("m/b", 9, Action::Visit), record("m/a", 7, Action::Done)];
        assert_eq!(Progress::replay(&records).last_visit(), Some(("m", "b")));
    }

    #[test]
    fn scenario_paths_and_written_answers_replay() {
        let records = [
            record("m/s", 1, Action::Choose { node: "a".into(), choice: 0 }),
            record("m/s", 2, Action::Choose { node: "b".into(), choice: 1 }),
            record("m/s", 3, Action::Back),
            record("m/s", 4, Action::Written { field: Field::Prompt("what".into()), text: "first".into() }),
            record("m/s", 5, Action::Written { field: Field::Prompt("what".into()), text: "second draft".into() }),
        ];
        let progress = Progress::replay(&records);
        let state = progress.step("m", "s");
        assert_eq!(state.path, vec![("a".to_string(), 0)]);
        assert_eq!(state.text(&Field::Prompt("what".into())), "second draft");
        assert_eq!(state.text(&Field::Prompt("other".into())), "");
    }

    #[test]
    fn merging_keeps_everything_once_and_the_newest_answer_wins() {
        let here = [record("m/s", 1, Action::Written { field: Field::Goal, text: "old".into() }), record("m/a", 2, Action::Done)];
        let there = [record("m/s", 3, Action::Written { field: Field::Goal, text: "new".into() }), record("m/a", 2, Action::Done)];
        let merged = merge(&here, &there);
        assert_eq!(merged.len(), 3);
        assert_eq!(Progress::replay(&merged).step("m", "s").text(&Field::Goal), "new");
        assert_eq!(merge(&there, &here), merged, "merging is symmetric");
    }

    #[test]
    fn the_attempt_log_withholds_reflection_words_but_scores_the_same() {
        let records = [
            record("m/r", 1, Action::Written { field: Field::Prompt("what".into()), text: "I felt nervous at first".into() }),
            record("m/p", 2, Action::Written { field: Field::Rationale, text: "Safety first".into() }),
            record("certificate", 3, Action::Certified { credential: "{}".into() }),
            record("certificate", 4, Action::Countersigned { credential: "{}".into() }),
        ];
        let log = attempt_log(&records);
        assert_eq!(log.len(), 2, "certificates are not part of the log");
        assert_eq!(log[0].action, Action::Withheld { field: Field::Prompt("what".into()), words: 5 });
        assert_eq!(log[1].action, records[1].action, "other written answers are evidence");
        let state = Progress::replay(&log);
        assert_eq!(state.step("m", "r").words(&Field::Prompt("what".into())), 5);
        assert!(state.step("m", "r").answered(&Field::Prompt("what".into())));
        assert_eq!(state.step("m", "r").text(&Field::Prompt("what".into())), "");
        let mine = Progress::replay(&records);
        assert_eq!(mine.step("m", "r").words(&Field::Prompt("what".into())), 5);
        assert_eq!(mine.countersigned(), Some("{}"));
    }

    #[test]
    fn words_are_counted_like_a_person_would() {
        assert_eq!(word_count("  I helped a patient -- today!  "), 5);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn typed_answers_are_saved_only_where_they_are_newer_and_different() {
        let written = |item: &str, at_ms, field: Field, text: &str| record(item, at_ms, Action::Written { field, text: text.into() });
        let saved = [
            written("m/r", 10, Field::Prompt("what".into()), "I saw"),
            written("m/r", 20, Field::Prompt("why".into()), "Because it mattered"),
            written("m/r", 30, Field::Prompt("what".into()), "I saw the nurse"),
        ];
        let typed = vec![
            // Typed after the last save: the closing tab's words.
            written("m/r", 40, Field::Prompt("what".into()), "I saw the nurse listen"),
            // Already saved, word for word.
            written("m/r", 25, Field::Prompt("why".into()), "Because it mattered"),
            // Older than a save made since (in another tab): the save wins.
            written("m/r", 15, Field::Prompt("why".into()), "Because"),
            // Never saved at all, even as an empty box.
            written("m/p", 5, Field::Goal, ""),
            // Not an answer: never restored from a typed copy.
            record("m/r", 50, Action::Done),
        ];
        let restore = unsaved_answers(&saved, typed);
        assert_eq!(restore, vec![written("m/r", 40, Field::Prompt("what".into()), "I saw the nurse listen"), written("m/p", 5, Field::Goal, "")]);
        // Another placement's answer with the same item and field is not the same answer.
        let other = Record { bundle: "other".into(), ..written("m/r", 1, Field::Prompt("what".into()), "Elsewhere") };
        assert_eq!(unsaved_answers(&saved, vec![other.clone()]), vec![other]);
    }
}
