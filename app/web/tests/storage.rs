//! Browser tests of the storage layer against the real IndexedDB of headless Chromium.

use wasm_bindgen_test::*;
use wex_core::pin::hash_pin;
use wex_core::progress::{Action, Progress, Record};
use wex_web::storage::{self, profiles::Profile};

wasm_bindgen_test_configure!(run_in_browser);

fn record(bundle: &str, item: &str, at_ms: u64, action: Action) -> Record {
    Record { bundle: bundle.into(), item: item.into(), at_ms, action }
}

#[wasm_bindgen_test]
async fn records_come_back_per_profile_and_bundle_in_time_order() {
    let written = [
        record("order", "m/a", 1, Action::Done),
        record("other", "m/a", 2, Action::Done),
        record("order", "m/b", 3, Action::Written { field: "goal".into(), text: "Walk to the shop".into() }),
        record("order", "m/a", 4, Action::Undone),
    ];
    storage::records::append("sam", &written).await.unwrap();
    storage::records::append("alex", &[record("order", "m/z", 5, Action::Done)]).await.unwrap();
    let read = storage::records::for_bundle("sam", "order").await.unwrap();
    assert_eq!(read, vec![written[0].clone(), written[2].clone(), written[3].clone()]);
    let progress = Progress::replay(&read);
    assert!(!progress.is_done("m", "a"));
    assert_eq!(progress.step("m", "b").text("goal"), "Walk to the shop");
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
    let profile = Profile { id: "p-delete".into(), name: "Jo".into(), pin: Some(hash_pin("2468", [5; 16])), created_ms: 7, device_key: Some([9; 32]) };
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
    assert_eq!(stores, vec!["profiles".to_string(), "records".into()]);
}
