//! Browser tests of the storage layer against the real IndexedDB of headless Chromium.

use wasm_bindgen_test::*;
use wex_core::progress::{Action, Progress, Record};
use wex_web::storage;

wasm_bindgen_test_configure!(run_in_browser);

fn record(bundle: &str, item: &str, at_ms: u64, action: Action) -> Record {
    Record { bundle: bundle.into(), item: item.into(), at_ms, action }
}

#[wasm_bindgen_test]
async fn records_come_back_per_bundle_in_the_order_written() {
    let written = [
        record("storage-order", "m/a", 1, Action::PageDone),
        record("storage-other", "m/a", 2, Action::PageDone),
        record("storage-order", "m/b", 3, Action::PageDone),
        record("storage-order", "m/a", 4, Action::PageUndone),
    ];
    for r in &written {
        storage::records::append(r).await.unwrap();
    }
    let read = storage::records::for_bundle("storage-order").await.unwrap();
    assert_eq!(read, vec![written[0].clone(), written[2].clone(), written[3].clone()]);
    let progress = Progress::replay(&read);
    assert!(!progress.is_done("m", "a"));
    assert!(progress.is_done("m", "b"));
    assert!(storage::records::for_bundle("storage-nothing").await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn records_survive_closing_and_reopening_the_database() {
    let r = record("storage-reopen", "m/a", 10, Action::PageDone);
    storage::records::append(&r).await.unwrap();
    storage::close();
    let read = storage::records::for_bundle("storage-reopen").await.unwrap();
    assert_eq!(read, vec![r]);
}

#[wasm_bindgen_test]
async fn the_schema_is_at_the_current_version() {
    let db = storage::open().await.unwrap();
    assert_eq!(db.version() as u32, storage::DB_VERSION);
    let stores: Vec<String> = db.object_store_names().collect();
    assert_eq!(stores, vec!["records".to_string()]);
}
