//! The database migrates from schema version 1 (no profiles) to the current one
//! (through every step),
//! and records written under version 1 are kept and given to the first profile.
//! A test binary of its own, so it starts from an empty database of its own origin.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;
use wasm_bindgen_test::*;
use wex_core::progress::{Action, Progress};
use wex_web::storage;

wasm_bindgen_test_configure!(run_in_browser);

/// A record exactly as version 1 of Wex stored it.
#[derive(serde::Serialize)]
struct V1Record {
    bundle: &'static str,
    item: &'static str,
    at_ms: f64,
    action: &'static str,
}

async fn write_version_1() {
    let db = Database::open(storage::DB_NAME)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            let store = db.create_object_store("records").with_auto_increment(true).build()?;
            store.create_index("by-bundle", KeyPath::One("bundle")).build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db.transaction("records").with_mode(TransactionMode::Readwrite).build().unwrap();
    let store = tx.object_store("records").unwrap();
    for (item, at_ms, action) in [("m/a", 1.0, "page-done"), ("m/b", 2.0, "page-done"), ("m/b", 3.0, "page-undone")] {
        store.add(V1Record { bundle: "first-look", item, at_ms, action }).serde().unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn version_1_progress_survives_the_upgrade_and_joins_the_first_profile() {
    write_version_1().await;
    let db = storage::open().await.unwrap();
    assert_eq!(db.version() as u32, storage::DB_VERSION);
    // Before a profile adopts them, version 1 records belong to nobody.
    assert!(storage::records::for_bundle("sam", "first-look").await.unwrap().is_empty());
    assert_eq!(storage::records::adopt_unowned("sam").await.unwrap(), 3);
    let records = storage::records::for_bundle("sam", "first-look").await.unwrap();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0].action, Action::Done);
    let progress = Progress::replay(&records);
    assert!(progress.step("m", "a").done);
    assert!(!progress.step("m", "b").done);
    // Adopting again finds nothing more: every record now has a profile.
    assert_eq!(storage::records::adopt_unowned("alex").await.unwrap(), 0);
    // Version 3's index covers records written before it existed.
    assert_eq!(storage::records::standing("sam", "first-look").await.unwrap(), (true, false));
}
