//! The learner's progress records: appended, never edited, read back per bundle.

use super::db::{open, StorageError, RECORDS, RECORDS_BY_BUNDLE};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wex_core::progress::{Action, Record};

/// A progress record as stored (schema version 1).
#[derive(Serialize, Deserialize)]
struct StoredRecord {
    bundle: String,
    item: String,
    at_ms: f64,
    action: String,
}

impl From<&Record> for StoredRecord {
    fn from(record: &Record) -> Self {
        let action = match record.action {
            Action::PageDone => "page-done",
            Action::PageUndone => "page-undone",
        };
        StoredRecord { bundle: record.bundle.clone(), item: record.item.clone(), at_ms: record.at_ms as f64, action: action.into() }
    }
}

impl StoredRecord {
    /// The core record, or `None` for an action this version does not know (written
    /// by a newer version of Wex in another tab): kept on disk, left out here.
    fn into_record(self) -> Option<Record> {
        let action = match self.action.as_str() {
            "page-done" => Action::PageDone,
            "page-undone" => Action::PageUndone,
            _ => return None,
        };
        Some(Record { bundle: self.bundle, item: self.item, at_ms: self.at_ms as u64, action })
    }
}

/// Appends one record and waits until the browser has committed it.
pub async fn append(record: &Record) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(RECORDS).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(RECORDS)?;
    store.add(StoredRecord::from(record)).serde()?.await?;
    tx.commit().await?;
    Ok(())
}

/// Every record of one bundle, in the order they were written.
pub async fn for_bundle(bundle: &str) -> Result<Vec<Record>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(RECORDS).build()?;
    let store = tx.object_store(RECORDS)?;
    let index = store.index(RECORDS_BY_BUNDLE)?;
    let stored: Vec<StoredRecord> = index.get_all().with_query(bundle.to_string()).serde()?.await?.collect::<Result<_, _>>()?;
    Ok(stored.into_iter().filter_map(StoredRecord::into_record).collect())
}
