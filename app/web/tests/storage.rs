//! Browser tests of the storage layer against the real IndexedDB of headless Chromium.

use wasm_bindgen_test::*;
use wex_core::pin::hash_pin;
use wex_core::progress::{Action, Field, Progress, Record};
use wex_web::storage::{self, profiles::Profile};

wasm_bindgen_test_configure!(run_in_browser);

fn record(bundle: &str, item: &str, at_ms: u64, action: Action) -> Record {
    Record { bundle: bundle.into(), item: wex_core::progress::ItemId::parse(item), at_ms, action }
}

#[wasm_bindgen_test]
async fn records_come_back_per_profile_and_bundle_in_time_order() {
    let written = [
        record("order", "m/a", 1, Action::Done),
        record("other", "m/a", 2, Action::Done),
        record("order", "m/b", 3, Action::Written { field: Field::Goal, text: "Walk to the shop".into() }),
        record("order", "m/a", 4, Action::Undone),
    ];
    storage::records::append("sam", &written).await.unwrap();
    storage::records::append("alex", &[record("order", "m/z", 5, Action::Done)]).await.unwrap();
    let read = storage::records::for_bundle("sam", "order").await.unwrap();
    assert_eq!(read, vec![written[0].clone(), written[2].clone(), written[3].clone()]);
    let progress = Progress::replay(&read);
    assert!(!progress.step("m", "a").done);
    assert_eq!(progress.step("m", "b").text(&Field::Goal), "Walk to the shop");
    assert!(storage::records::for_bundle("sam", "nothing").await.unwrap().is_empty());
    // One profile never sees another's records.
    assert_eq!(storage::records::for_bundle("alex", "order").await.unwrap().len(), 1);
    assert_eq!(storage::records::for_profile("sam").await.unwrap().len(), 4);
}

#[wasm_bindgen_test]
async fn records_survive_closing_and_reopening_the_database() {
    let r = record("reopen", "m/a", 10, Action::Visit);
    storage::records::append("robin", std::slice::from_ref(&r)).await.unwrap();
    storage::close();
    assert_eq!(storage::records::for_bundle("robin", "reopen").await.unwrap(), vec![r]);
}

#[wasm_bindgen_test]
async fn profiles_keep_their_pin_hash_and_deleting_one_deletes_its_records() {
    let profile = Profile { id: "p-delete".into(), name: "Jo".into(), pin: Some(hash_pin("2468", [5; 16])), created_ms: 7, device_key: Some([9; 32]), pin_tries: wex_core::pin::Tries { failures: 6, last_failure_ms: 1234 } };
    storage::profiles::save(&profile).await.unwrap();
    storage::records::append("p-delete", &[record("b", "m/a", 1, Action::Done)]).await.unwrap();
    storage::records::append("p-keep", &[record("b", "m/a", 1, Action::Done)]).await.unwrap();
    let listed = storage::profiles::list().await.unwrap();
    assert_eq!(listed.iter().find(|p| p.id == "p-delete"), Some(&profile));
    storage::profiles::delete("p-delete").await.unwrap();
    assert!(storage::profiles::list().await.unwrap().iter().all(|p| p.id != "p-delete"));
    assert!(storage::records::for_profile("p-delete").await.unwrap().is_empty());
    assert_eq!(storage::records::for_profile("p-keep").await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn the_schema_is_at_the_current_version() {
    let db = storage::open().await.unwrap();
    assert_eq!(db.version() as u32, storage::DB_VERSION);
    let mut stores: Vec<String> = db.object_store_names().collect();
    stores.sort();
    assert_eq!(stores, ["assignments", "cohorts", "handins", "library", "library-files", "profiles", "records", "tutor"]);
}

fn assignment(id: &str, due: &str) -> wex_core::assignment::SignedAssignment {
    let assignment = wex_core::assignment::Assignment {
        id: id.into(),
        cohort: format!("Cohort {id}"),
        tutor: "Ms Okafor".into(),
        organisation: "Riverside".into(),
        placements: vec![wex_core::assignment::AssignedPlacement { bundle: "first-look".into(), version: "1.0.0".into() }],
        due: due.into(),
        instructions: String::new(),
    };
    wex_core::assignment::SignedAssignment { assignment, tutor_key: "did:key:z6Mktest".into() }
}

#[wasm_bindgen_test]
async fn cohorts_are_kept_per_profile_soonest_due_first_and_go_with_the_profile() {
    storage::cohorts::join("c-sam", &assignment("late", "2027-03-01"), 1).await.unwrap();
    storage::cohorts::join("c-sam", &assignment("soon", "2026-12-18"), 2).await.unwrap();
    storage::cohorts::join("c-alex", &assignment("soon", "2026-12-18"), 3).await.unwrap();
    let joined = storage::cohorts::for_profile("c-sam").await.unwrap();
    let ids: Vec<&str> = joined.iter().map(|j| j.assignment.id.as_str()).collect();
    assert_eq!(ids, ["soon", "late"]);
    assert_eq!(joined[0].tutor_key, "did:key:z6Mktest");
    // Joining again (a newer copy) replaces, never duplicates.
    storage::cohorts::join("c-sam", &assignment("soon", "2026-12-18"), 4).await.unwrap();
    assert_eq!(storage::cohorts::for_profile("c-sam").await.unwrap().len(), 2);
    storage::cohorts::leave("c-sam", "late").await.unwrap();
    assert_eq!(storage::cohorts::for_profile("c-sam").await.unwrap().len(), 1);
    storage::profiles::delete("c-sam").await.unwrap();
    assert!(storage::cohorts::for_profile("c-sam").await.unwrap().is_empty());
    assert_eq!(storage::cohorts::for_profile("c-alex").await.unwrap().len(), 1, "another profile's cohorts stay");
}

#[wasm_bindgen_test]
async fn standing_counts_started_and_certified_placements() {
    assert_eq!(storage::records::standing("s-jo", "b").await.unwrap(), (false, false));
    storage::records::append("s-jo", &[record("b", "m/a", 1, Action::Visit)]).await.unwrap();
    assert_eq!(storage::records::standing("s-jo", "b").await.unwrap(), (true, false));
    storage::records::append("s-jo", &[record("b", "certificate", 2, Action::Certified { credential: "{}".into() })]).await.unwrap();
    assert_eq!(storage::records::standing("s-jo", "b").await.unwrap(), (true, true));
    assert_eq!(storage::records::standing("s-other", "b").await.unwrap(), (false, false));
}

#[wasm_bindgen_test]
async fn the_tutor_identity_assignments_and_handins_round_trip() {
    // Storage keeps the sealed key as it is (sealing and opening are tested in core).
    let key = wex_core::tutor::SealedKey { kdf: "pbkdf2-sha256".into(), iterations: 600_000, salt: "c2FsdA==".into(), nonce: "bm9uY2U=".into(), sealed: "c2VhbGVk".into() };
    let identity = wex_core::tutor::Identity { name: "Ms Okafor".into(), organisation: "Riverside".into(), did: "did:key:z6Mktest".into(), key };
    assert_eq!(storage::tutor::identity().await.unwrap(), None);
    storage::tutor::save_identity(&identity).await.unwrap();
    assert_eq!(storage::tutor::identity().await.unwrap(), Some(identity));
    storage::tutor::forget_identity().await.unwrap();
    assert_eq!(storage::tutor::identity().await.unwrap(), None);

    let signed = assignment("t1", "2026-12-18").assignment;
    let made = storage::tutor::Made { document: serde_json::json!({ "assignment": signed }), assignment: signed, created_ms: 5 };
    storage::tutor::save_assignment(&made).await.unwrap();
    assert_eq!(storage::tutor::assignments().await.unwrap(), vec![made]);

    // Hand-ins are kept per assignment; a newer one for the same learner and
    // placement replaces the older; removing one leaves the others.
    assert!(storage::tutor::handins("t1").await.unwrap().is_empty());
    let entry = |learner: &str, completed_at: &str| wex_core::tracker::Entry {
        learner: learner.into(),
        learner_key: format!("did:key:{learner}"),
        bundle: "first-look".into(),
        version: "1.0.0".into(),
        placement: "A first look".into(),
        score: "12/14".into(),
        completed_at: completed_at.into(),
        record: wex_core::credential::record::CompletionRecord::new(serde_json::json!({ "id": "urn:uuid:1" }), vec![record("first-look", "m/a", 1, Action::Done)]),
        countersigned_at: None,
    };
    let (sam, alex) = (entry("sam", "2026-11-25T10:00:00Z"), entry("alex", "2026-11-25T11:00:00Z"));
    storage::tutor::save_handins("t1", &[&sam, &alex]).await.unwrap();
    storage::tutor::save_handins("t2", &[&alex]).await.unwrap();
    let newer = entry("sam", "2026-11-26T09:00:00Z");
    storage::tutor::save_handins("t1", &[&newer]).await.unwrap();
    let mut kept = storage::tutor::handins("t1").await.unwrap();
    kept.sort_by(|a, b| a.learner.cmp(&b.learner));
    assert_eq!(kept, vec![alex.clone(), newer.clone()]);
    storage::tutor::remove_handin("t1", &alex.key()).await.unwrap();
    assert_eq!(storage::tutor::handins("t1").await.unwrap(), vec![newer]);
    assert_eq!(storage::tutor::handins("t2").await.unwrap(), vec![alex]);
}

#[wasm_bindgen_test]
async fn answers_kept_while_typing_are_saved_by_the_next_read_once_and_only_if_unsaved() {
    let written = |at_ms, text: &str| record("typing", "m/r", at_ms, Action::Written { field: Field::Prompt("what".into()), text: text.into() });
    let goal = |at_ms, text: &str| record("typing", "m/p", at_ms, Action::Written { field: Field::Goal, text: text.into() });
    storage::records::append("kit", &[written(10, "I saw")]).await.unwrap();
    // Each key press replaces the box's kept text; the tab closes before any save.
    storage::typing::keep("kit", written(20, "I saw the"));
    storage::typing::keep("kit", written(21, "I saw the nurse"));
    storage::typing::keep("kit", goal(22, "Walk again"));
    // A save IndexedDB confirmed forgets that box's kept text, and only that box's.
    storage::records::append("kit", &[goal(23, "Walk again")]).await.unwrap();
    storage::typing::saved("kit", &[goal(23, "Walk again")]);
    let read = storage::records::for_bundle("kit", "typing").await.unwrap();
    assert_eq!(read, vec![written(10, "I saw"), written(21, "I saw the nurse"), goal(23, "Walk again")]);
    // Saved once: the next read finds nothing left to save.
    assert_eq!(storage::records::for_profile("kit").await.unwrap().len(), 3);
    assert!(storage::typing::take("kit").is_empty());
    // Deleting the profile forgets what it was typing.
    storage::typing::keep("kit-gone", written(30, "Never saved"));
    storage::profiles::delete("kit-gone").await.unwrap();
    assert!(storage::typing::take("kit-gone").is_empty());
}
