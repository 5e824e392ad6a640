//! Golden files: the formats Wex writes and reads back on another device, in a
//! tutor's tracker or in a verifier. They were written by Wex 0.1 before its keys
//! became types (tests/fixtures/formats/README.md), and must not change by one byte:
//! a learner's stored records, exported progress, handed-in completion records, the
//! hash of the attempt log a certificate signs, a tutor's tracker and a site's index.
//!
//! Each file is checked both ways: what the code writes today equals the file, and
//! the file read and written again is unchanged.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use wex_core::credential::badge::attempt_log_sha256;
use wex_core::credential::record::{CompletionRecord, SharedReflection};
use wex_core::field::Field;
use wex_core::pack::Index;
use wex_core::progress::{attempt_log, Action, ItemId, Record, SelfMark};
use wex_core::tracker::Entry;
use wex_core::transfer::ProgressFile;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/formats").join(name)
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(path(name)).unwrap_or_else(|e| panic!("tests/fixtures/formats/{name}: {e}"))
}

/// What the code writes today equals the golden file. `WEX_WRITE_GOLDEN=1` wrote the
/// files once, from the version named in the README there; never to make a test pass.
fn expect_golden(name: &str, actual: &str) {
    if std::env::var_os("WEX_WRITE_GOLDEN").is_some() {
        std::fs::write(path(name), actual).unwrap();
    }
    assert_eq!(actual, golden(name), "tests/fixtures/formats/{name}");
}

/// Reads a golden JSON file as `T` and writes it again: the same bytes.
fn round_trips<T: Serialize + DeserializeOwned>(name: &str) -> T {
    let text = golden(name);
    let value: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(serde_json::to_string_pretty(&value).unwrap() + "\n", text, "{name} read and written again");
    value
}

fn written(at_ms: u64, item: &str, field: Field, text: &str) -> Record {
    Record { bundle: "golden".into(), item: ItemId::parse(item), at_ms, action: Action::Written { field, text: text.into() } }
}

/// One record of every action, and a written answer in every kind of field.
fn every_action() -> Vec<Record> {
    let at = |at_ms: u64, item: &str, action: Action| Record { bundle: "golden".into(), item: ItemId::parse(item), at_ms, action };
    vec![
        at(1, "intro/welcome", Action::Visit),
        at(2, "intro/welcome", Action::Done),
        at(3, "intro/welcome", Action::Undone),
        at(4, "intro/quiz", Action::Pick { question: "first".into(), chosen: vec![1] }),
        at(5, "intro/quiz", Action::QuizSubmit { answers: BTreeMap::from([("first".into(), vec![1]), ("second".into(), vec![0, 2])]) }),
        written(6, "intro/quiz", Field::Explain("first".into()), "Because it keeps people safe."),
        written(7, "intro/quiz", Field::Answer("third".into()), "Ask the nurse in charge."),
        at(8, "case/story", Action::Reveal { index: 0 }),
        at(9, "case/story", Action::CaseAnswer { question: "next".into(), chosen: vec![2] }),
        written(10, "case/story", Field::Answer("why".into()), "She was worried about her dog."),
        at(11, "plan/care", Action::Needs { chosen: vec![0, 3] }),
        at(12, "plan/care", Action::Interventions { order: vec!["walk".into(), "fluids".into()] }),
        written(13, "plan/care", Field::Goal, "Walk to the day room by Friday."),
        written(14, "plan/care", Field::Rationale, "Moving keeps her strong; \"small steps\" first."),
        at(15, "plan/care", Action::PlanSubmit),
        at(16, "plan/care", Action::SelfMark { criterion: 0, mark: SelfMark::Yes }),
        at(17, "plan/care", Action::SelfMark { criterion: 1, mark: SelfMark::Partly }),
        at(18, "plan/care", Action::SelfMark { criterion: 2, mark: SelfMark::No }),
        at(19, "ward/call", Action::Choose { node: "start".into(), choice: 1 }),
        at(20, "ward/call", Action::Back),
        at(21, "ward/call", Action::Restart),
        written(22, "end/reflect", Field::Prompt("what".into()), "I noticed how calm the nurse stayed — and kind."),
        at(23, "end/reflect", Action::Share { shared: true }),
        at(24, "certificate", Action::Certified { credential: "{\"id\":\"urn:uuid:golden\"}".into() }),
        at(25, "certificate", Action::Countersigned { credential: "{\"id\":\"urn:uuid:golden-2\"}".into() }),
        at(26, "end/reflect", Action::Withheld { field: Field::Prompt("why".into()), words: 12 }),
    ]
}

#[test]
fn stored_actions_are_unchanged() {
    // IndexedDB keeps each record's action as this JSON text.
    let lines: String = every_action().iter().map(|r| serde_json::to_string(&r.action).unwrap() + "\n").collect();
    expect_golden("actions.jsonl", &lines);
    for line in golden("actions.jsonl").lines() {
        let action: Action = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_string(&action).unwrap(), line);
    }
}

#[test]
fn exported_progress_is_unchanged() {
    let file = ProgressFile::new("learner-7f3a", "Kit", 1_764_950_400_000, every_action());
    expect_golden("progress-file.json", &(file.to_json() + "\n"));
    let read = ProgressFile::parse(golden("progress-file.json").as_bytes()).unwrap();
    assert_eq!(read, file);
}

#[test]
fn the_attempt_log_and_its_signed_hash_are_unchanged() {
    let log = attempt_log(&every_action());
    expect_golden("attempt-log.json", &(serde_json::to_string_pretty(&log).unwrap() + "\n"));
    // The hash a certificate's evidence names: one byte more and it no longer verifies.
    expect_golden("attempt-log.sha256", &format!("{}\n", attempt_log_sha256(&log)));
}

fn completion_record() -> CompletionRecord {
    let credential = serde_json::json!({ "id": "urn:uuid:golden", "type": ["VerifiableCredential", "OpenBadgeCredential"] });
    let shared = SharedReflection { item: ItemId::parse("end/reflect"), field: Field::Prompt("what".into()), text: "I noticed how calm the nurse stayed.".into() };
    CompletionRecord { assignment: Some("assignment-1".into()), reflections: vec![shared], ..CompletionRecord::new(credential, attempt_log(&every_action())) }
}

#[test]
fn completion_records_and_tracker_entries_are_unchanged() {
    expect_golden("completion-record.json", &(serde_json::to_string_pretty(&completion_record()).unwrap() + "\n"));
    assert_eq!(round_trips::<CompletionRecord>("completion-record.json"), completion_record());
    let entry = Entry {
        learner: "Kit".into(),
        learner_key: "z6MkgoldenKey".into(),
        bundle: "golden".into(),
        version: "1.0.0".into(),
        placement: "Golden placement".into(),
        score: "14/14".into(),
        completed_at: "2026-12-05T10:00:00Z".into(),
        record: completion_record(),
        countersigned_at: Some("2026-12-06T09:00:00Z".into()),
    };
    expect_golden("tracker-entry.json", &(serde_json::to_string_pretty(&entry).unwrap() + "\n"));
    assert_eq!(round_trips::<Entry>("tracker-entry.json").key(), entry.key());
}

#[test]
fn an_index_with_placements_added_on_the_device_is_unchanged() {
    let site: Index = round_trips("index-site.json");
    let added = site.bundles.iter().map(|e| (wex_core::bundle::Listing { id: "added-here".into(), ..e.listing.clone() }, "ab".repeat(32))).collect();
    let merged = wex_core::adding::with_device_placements(site, added);
    expect_golden("index-with-device.json", &(serde_json::to_string_pretty(&merged).unwrap() + "\n"));
    round_trips::<Index>("index-with-device.json");
}
