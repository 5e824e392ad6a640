//! The tutor's area: their identity (with its key sealed by their passphrase), the
//! assignments they made and the completion records handed in for each.

use super::db::{open, StorageError, ASSIGNMENTS, HANDINS, HANDINS_BY_ASSIGNMENT, TUTOR};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wex_core::assignment::Assignment;
use wex_core::tracker::Entry;
use wex_core::tutor::Identity;

/// The one tutor identity a device holds.
const ME: &str = "me";

#[derive(Serialize, Deserialize)]
struct StoredIdentity {
    id: String,
    /// The core identity, as JSON (its key sealed).
    identity: String,
}

pub async fn identity() -> Result<Option<Identity>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(TUTOR).build()?;
    let stored: Option<StoredIdentity> = tx.object_store(TUTOR)?.get(ME.to_string()).serde()?.await?;
    Ok(stored.and_then(|s| serde_json::from_str(&s.identity).ok()))
}

pub async fn save_identity(identity: &Identity) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(TUTOR).with_mode(TransactionMode::Readwrite).build()?;
    let stored = StoredIdentity { id: ME.into(), identity: serde_json::to_string(identity).expect("identities serialise") };
    tx.object_store(TUTOR)?.put(stored).serde()?;
    tx.commit().await?;
    Ok(())
}

/// Removes the tutor's identity from this device (their assignments and
/// hand-ins stay, readable, until the tutor removes them).
pub async fn forget_identity() -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(TUTOR).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(TUTOR)?.delete(ME.to_string()).primitive()?;
    tx.commit().await?;
    Ok(())
}

/// An assignment this tutor made, with its signed document for sharing.
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    pub assignment: Assignment,
    pub document: serde_json::Value,
    pub created_ms: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredAssignment {
    id: String,
    /// The signed document, as JSON.
    document: String,
    created_ms: f64,
}

pub async fn assignments() -> Result<Vec<Made>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(ASSIGNMENTS).build()?;
    let stored: Vec<StoredAssignment> = tx.object_store(ASSIGNMENTS)?.get_all().serde()?.await?.collect::<Result<_, _>>()?;
    let mut made: Vec<Made> = stored
        .into_iter()
        .filter_map(|s| {
            let document: serde_json::Value = serde_json::from_str(&s.document).ok()?;
            let assignment = serde_json::from_value(document["assignment"].clone()).ok()?;
            Some(Made { assignment, document, created_ms: s.created_ms as u64 })
        })
        .collect();
    made.sort_by_key(|m| std::cmp::Reverse(m.created_ms));
    Ok(made)
}

pub async fn save_assignment(made: &Made) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(ASSIGNMENTS).with_mode(TransactionMode::Readwrite).build()?;
    let stored = StoredAssignment { id: made.assignment.id.clone(), document: made.document.to_string(), created_ms: made.created_ms as f64 };
    tx.object_store(ASSIGNMENTS)?.put(stored).serde()?;
    tx.commit().await?;
    Ok(())
}

/// Deletes an assignment and every record handed in for it, in one transaction.
/// Learners who joined keep their own copy of it.
pub async fn delete_assignment(id: &str) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction([ASSIGNMENTS, HANDINS]).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(ASSIGNMENTS)?.delete(id.to_string()).primitive()?;
    let handins = tx.object_store(HANDINS)?;
    let keys: Vec<String> = handins.index(HANDINS_BY_ASSIGNMENT)?.get_all_keys().with_query(id.to_string()).primitive()?.await?.collect::<Result<_, _>>()?;
    for key in keys {
        handins.delete(key).primitive()?;
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Serialize, Deserialize)]
struct StoredHandin {
    key: String,
    assignment: String,
    /// The checked tracker entry, as JSON.
    entry: String,
}

/// The checked records handed in for an assignment.
pub async fn handins(assignment: &str) -> Result<Vec<Entry>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(HANDINS).build()?;
    let store = tx.object_store(HANDINS)?;
    let index = store.index(HANDINS_BY_ASSIGNMENT)?;
    let stored: Vec<StoredHandin> = index.get_all().with_query(assignment.to_string()).serde()?.await?.collect::<Result<_, _>>()?;
    Ok(stored.into_iter().filter_map(|s| serde_json::from_str(&s.entry).ok()).collect())
}

/// Saves entries (new or replaced) for an assignment, all in one transaction.
pub async fn save_handins(assignment: &str, entries: &[&Entry]) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(HANDINS).with_mode(TransactionMode::Readwrite).build()?;
    let store = tx.object_store(HANDINS)?;
    for entry in entries {
        let stored = StoredHandin { key: handin_key(assignment, &entry.key()), assignment: assignment.to_string(), entry: serde_json::to_string(entry).expect("entries serialise") };
        store.put(stored).serde()?;
    }
    tx.commit().await?;
    Ok(())
}

/// Removes one handed-in record from an assignment's tracker.
pub async fn remove_handin(assignment: &str, key: &wex_core::tracker::EntryKey) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(HANDINS).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(HANDINS)?.delete(handin_key(assignment, key)).primitive()?;
    tx.commit().await?;
    Ok(())
}

fn handin_key(assignment: &str, key: &wex_core::tracker::EntryKey) -> String {
    format!("{assignment}\n{}\n{}", key.learner_key, key.bundle)
}
