//! The completion record: what a learner hands in to a tutor. It carries the
//! certificate and the attempt log it was issued from, so the tutor can score the
//! log again with the same code and compare (the "re-score" check).

use super::badge::{verify, Check};
use crate::bundle::Bundle;
use crate::progress::{ItemId, Progress, Record};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The largest completion record Wex will read (8 MiB).
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletionRecord {
    pub wex: String,
    pub format: u32,
    /// The signed certificate.
    pub credential: Value,
    /// The attempt log the certificate names (its SHA-256 is in the certificate).
    pub records: Vec<Record>,
    /// The assignment (cohort) this record is handed in for, if the learner joined one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<String>,
    /// Reflection answers the learner chose to share with their tutor. They are not
    /// part of the signed attempt log, which holds only their word counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reflections: Vec<SharedReflection>,
}

/// One reflection answer, shared at hand-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedReflection {
    /// The step.
    pub item: ItemId,
    /// The prompt's field ([`crate::field::Field::Prompt`]).
    pub field: crate::field::Field,
    pub text: String,
}

/// A reflection step a learner may choose to share at hand-in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReflectionChoice {
    pub item: ItemId,
    pub module: String,
    pub step: String,
    /// Whether the learner ticked "include these answers" on the step.
    pub shared: bool,
}

/// The reflection steps of a placement that have answers in the learner's records.
pub fn reflection_choices(bundle: &Bundle, records: &[Record]) -> Vec<ReflectionChoice> {
    let progress = Progress::replay(records);
    crate::reflections::answered(bundle, &progress)
        .iter()
        .map(|a| ReflectionChoice { item: a.item(), module: a.module.title.clone(), step: a.step.title.clone(), shared: progress.step(&a.module.id, &a.step.id).shared })
        .collect()
}

impl CompletionRecord {
    pub fn new(credential: Value, records: Vec<Record>) -> CompletionRecord {
        CompletionRecord { wex: "completion-record".into(), format: 1, credential, records, assignment: None, reflections: Vec::new() }
    }

    /// What a learner hands in: the certificate, the attempt log it was issued from
    /// (the required modules' records, reflection words withheld), for which assignment, and the answers of the
    /// reflection steps (`share`, as `module/step`) they chose to include.
    pub fn hand_in(credential: Value, records: &[Record], assignment: Option<String>, bundle: &Bundle, share: &[ItemId]) -> CompletionRecord {
        let progress = Progress::replay(records);
        let reflections = crate::reflections::answered(bundle, &progress)
            .iter()
            .filter(|a| share.contains(&a.item()))
            .flat_map(|a| a.answers.iter().map(|(prompt, text)| SharedReflection { item: a.item(), field: prompt.field(), text: text.to_string() }))
            .collect();
        CompletionRecord { assignment, reflections, ..CompletionRecord::new(credential, super::certificate_log(bundle, records)) }
    }

    pub fn parse(bytes: &[u8]) -> Result<CompletionRecord, String> {
        if bytes.len() > MAX_RECORD_BYTES {
            return Err("This file is too large to be a Wex completion record.".into());
        }
        // From text, as storage parses records: one copy of each deserializer in the
        // app's download instead of one per input kind.
        let text = std::str::from_utf8(bytes).map_err(|_| "This is not a Wex completion record.".to_string())?;
        let record: CompletionRecord = serde_json::from_str(text).map_err(|_| "This is not a Wex completion record.".to_string())?;
        if record.wex != "completion-record" {
            return Err("This is not a Wex completion record.".into());
        }
        if record.format > 1 {
            return Err("This completion record was made by a newer version of Wex.".into());
        }
        Ok(record)
    }

    /// A file given to the check page or `wex verify`: an Open Badges credential on
    /// its own, or a completion record (the credential with the attempt log to score
    /// again). `Ok(None)` when the text is neither; `Err` for a damaged record.
    pub fn read_certificate(text: &str) -> Result<Option<(Value, Option<Vec<Record>>)>, String> {
        let Ok(value) = serde_json::from_str::<Value>(text) else { return Ok(None) };
        if value["wex"] == "completion-record" {
            let record = CompletionRecord::parse(text.as_bytes())?;
            return Ok(Some((record.credential, Some(record.records))));
        }
        let is_badge = value["type"].as_array().is_some_and(|t| t.iter().any(|t| t == "OpenBadgeCredential"));
        Ok(is_badge.then_some((value, None)))
    }

    /// Every check of the certificate, with the log scored again when the placement
    /// (and its content hash) is at hand.
    pub fn check(&self, bundle: Option<(&Bundle, &str)>) -> Vec<Check> {
        verify(&self.credential, bundle, Some(&self.records))
    }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use crate::field::Field;
    use super::*;

    #[test]
    fn a_completion_record_round_trips_and_refuses_other_files() {
        let record = CompletionRecord::new(serde_json::json!({"id": "x"}), vec![]);
        let text = serde_json::to_vec(&record).unwrap();
        assert_eq!(CompletionRecord::parse(&text).unwrap(), record);
        assert!(CompletionRecord::parse(b"{}").is_err());
        assert!(CompletionRecord::parse(br#"{"wex":"progress","format":1,"credential":{},"records":[]}"#).is_err());
    }

    #[test]
    fn a_certificate_file_is_a_badge_or_a_completion_record() {
        let badge = serde_json::json!({"type": ["VerifiableCredential", "OpenBadgeCredential"], "id": "urn:uuid:1"});
        assert_eq!(CompletionRecord::read_certificate(&badge.to_string()), Ok(Some((badge.clone(), None))));
        let record = CompletionRecord::new(badge.clone(), crate::testing::completed_records(1));
        let (credential, records) = CompletionRecord::read_certificate(&serde_json::to_string(&record).unwrap()).unwrap().unwrap();
        assert_eq!((credential, records), (badge, Some(record.records)));
        // Neither: left for the caller (wex verify then tries a packed placement).
        assert_eq!(CompletionRecord::read_certificate("just notes"), Ok(None));
        assert_eq!(CompletionRecord::read_certificate(r#"{"type": ["VerifiableCredential"]}"#), Ok(None));
        let newer = r#"{"wex":"completion-record","format":2,"credential":{},"records":[]}"#;
        assert_eq!(CompletionRecord::read_certificate(newer), Err("This completion record was made by a newer version of Wex.".into()));
    }

    #[test]
    fn handing_in_withholds_reflections_unless_chosen() {
        let bundle = crate::testing::bundle_with_reflection();
        let at = |ms, action| Record { bundle: "t".into(), item: crate::progress::ItemId::parse("m/r"), at_ms: ms, action };
        let records = [at(1, crate::progress::Action::Written { field: Field::Prompt("what".into()), text: " My own words ".into() }), at(2, crate::progress::Action::Share { shared: true })];
        let choices = reflection_choices(&bundle, &records);
        assert_eq!(choices, [ReflectionChoice { item: crate::progress::ItemId::parse("m/r"), module: "M".into(), step: "Reflect".into(), shared: true }]);
        let private = CompletionRecord::hand_in(serde_json::json!({}), &records, Some("a1".into()), &bundle, &[]);
        assert!(!serde_json::to_string(&private).unwrap().contains("My own words"));
        assert_eq!(private.assignment.as_deref(), Some("a1"));
        let shared = CompletionRecord::hand_in(serde_json::json!({}), &records, None, &bundle, &[crate::progress::ItemId::parse("m/r")]);
        assert_eq!(shared.reflections, [SharedReflection { item: crate::progress::ItemId::parse("m/r"), field: Field::Prompt("what".into()), text: "My own words".into() }]);
        assert_eq!(shared.records, private.records, "the signed log is the same either way");
    }
}
