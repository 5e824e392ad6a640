//! The learner's progress records: appended, never edited, read back per profile
//! and bundle.

use super::db::{open, StorageError, RECORDS, RECORDS_BY_PROFILE, RECORDS_BY_PROFILE_BUNDLE, RECORDS_BY_PROFILE_BUNDLE_ITEM};
use super::typing;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wex_core::progress::{Action, ItemId, Record};

/// A progress record as stored. `action` is the core action as JSON; schema 1
/// records have no profile and the actions `page-done` and `page-undone`.
#[derive(Serialize, Deserialize)]
struct StoredRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    profile: Option<String>,
    bundle: String,
    item: String,
    at_ms: f64,
    action: String,
}

impl StoredRecord {
    fn new(profile: &str, record: &Record) -> StoredRecord {
        StoredRecord {
            profile: Some(profile.to_string()),
            bundle: record.bundle.clone(),
            item: record.item.to_string(),
            at_ms: record.at_ms as f64,
            action: serde_json::to_string(&record.action).expect("actions serialize"),
        }
    }

    /// The core record, or `None` for an action this version does not know (written
    /// by a newer version of Wex in another tab): kept on disk, left out here.
    fn into_record(self) -> Option<Record> {
        let action = match self.action.as_str() {
            "page-done" => Action::Done,
            "page-undone" => Action::Undone,
            json => serde_json::from_str(json).ok()?,
        };
        Some(Record { bundle: self.bundle, item: ItemId::parse(&self.item), at_ms: self.at_ms as u64, action })
    }
}

/// Appends records for a profile in one transaction, and waits until the browser
/// has committed them.
pub async fn append(profile: &str, records: &[Record]) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(RECORDS).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(RECORDS)?;
    for record in records {
        store.add(StoredRecord::new(profile, record)).serde()?;
    }
    tx.commit().await?;
    Ok(())
}

/// Every record of one profile in one bundle, in the order they were written.
pub async fn for_bundle(profile: &str, bundle: &str) -> Result<Vec<Record>, StorageError> {
    save_typed(profile).await?;
    let db = open().await?;
    let tx = db.transaction(RECORDS).build()?;
    let store = tx.object_store(RECORDS)?;
    let index = store.index(RECORDS_BY_PROFILE_BUNDLE)?;
    let key = vec![profile.to_string(), bundle.to_string()];
    let stored: Vec<StoredRecord> = index.get_all().with_query(key).serde()?.await?.collect::<Result<_, _>>()?;
    Ok(in_time_order(stored.into_iter().filter_map(StoredRecord::into_record).collect()))
}

/// Whether a profile has started a placement, and whether it has a certificate for
/// it: counted through indexes, without reading (or parsing) the records.
///
/// Answers left unsaved in localStorage are not saved here: they change neither
/// (their step's visit is already a record), and reading them would put the record
/// parser into the first download, where "Your assignments" calls this.
pub async fn standing(profile: &str, bundle: &str) -> Result<(bool, bool), StorageError> {
    let db = open().await?;
    let tx = db.transaction(RECORDS).build()?;
    let store = tx.object_store(RECORDS)?;
    let started = store.index(RECORDS_BY_PROFILE_BUNDLE)?.count().with_query(vec![profile.to_string(), bundle.to_string()]).primitive()?.await?;
    let item = vec![profile.to_string(), bundle.to_string(), wex_core::progress::ItemId::certificate().to_string()];
    let certified = store.index(RECORDS_BY_PROFILE_BUNDLE_ITEM)?.count().with_query(item).primitive()?.await?;
    Ok((started > 0, certified > 0))
}

/// Records as written, put in time order (stably, so records of the same moment
/// keep their order): records imported from another device slot in where they
/// happened, and the newest answer wins when they are replayed.
fn in_time_order(mut records: Vec<Record>) -> Vec<Record> {
    records.sort_by_key(|r| r.at_ms);
    records
}

/// Every record of one profile, in the order they were written.
pub async fn for_profile(profile: &str) -> Result<Vec<Record>, StorageError> {
    save_typed(profile).await?;
    read_profile(profile).await
}

/// Saves the answers a closed tab left unsaved (see [`typing`]), so that whatever
/// reads a learner's records next finds them there. Kept for the next try if
/// IndexedDB refuses them.
async fn save_typed(profile: &str) -> Result<(), StorageError> {
    let typed = typing::take(profile);
    if typed.is_empty() {
        return Ok(());
    }
    let saved = async {
        let unsaved = wex_core::progress::unsaved_answers(&read_profile(profile).await?, typed.clone());
        if !unsaved.is_empty() {
            append(profile, &unsaved).await?;
        }
        Ok(())
    }
    .await;
    if saved.is_err() {
        typing::put_back(profile, typed);
    }
    saved
}

async fn read_profile(profile: &str) -> Result<Vec<Record>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(RECORDS).build()?;
    let store = tx.object_store(RECORDS)?;
    let index = store.index(RECORDS_BY_PROFILE)?;
    let keys: Vec<f64> = index.get_all_keys().with_query(profile.to_string()).primitive()?.await?.collect::<Result<_, _>>()?;
    let stored: Vec<StoredRecord> = index.get_all().with_query(profile.to_string()).serde()?.await?.collect::<Result<_, _>>()?;
    // The index orders by profile, then primary key: the order written.
    let mut pairs: Vec<(f64, StoredRecord)> = keys.into_iter().zip(stored).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(in_time_order(pairs.into_iter().filter_map(|(_, r)| r.into_record()).collect()))
}

/// Gives records written before profiles existed (schema 1) to a profile. Returns
/// how many there were.
pub async fn adopt_unowned(profile: &str) -> Result<usize, StorageError> {
    let db = open().await?;
    let tx = db.transaction(RECORDS).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(RECORDS)?;
    let keys: Vec<f64> = store.get_all_keys().primitive()?.await?.collect::<Result<_, _>>()?;
    let all: Vec<StoredRecord> = store.get_all().serde()?.await?.collect::<Result<_, _>>()?;
    let mut adopted = 0;
    for (key, mut record) in keys.into_iter().zip(all) {
        if record.profile.is_none() {
            record.profile = Some(profile.to_string());
            store.put(record).with_key(key).serde()?;
            adopted += 1;
        }
    }
    tx.commit().await?;
    Ok(adopted)
}
