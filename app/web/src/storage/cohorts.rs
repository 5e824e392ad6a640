//! The cohorts a learner joined: their tutors' signed assignments, checked when
//! they were joined and kept per profile.

use super::db::{open, StorageError, COHORTS, COHORTS_BY_PROFILE};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wex_core::assignment::{Assignment, SignedAssignment};

/// An assignment a profile joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    pub assignment: Assignment,
    /// The tutor's `did:key`, from the signature checked on joining.
    pub tutor_key: String,
    pub joined_ms: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredCohort {
    key: String,
    profile: String,
    id: String,
    /// The core assignment, as JSON.
    assignment: String,
    tutor_key: String,
    joined_ms: f64,
}

fn key(profile: &str, id: &str) -> String {
    format!("{profile}\n{id}")
}

/// Joins (or re-joins, with a newer copy of) a checked assignment.
pub async fn join(profile: &str, signed: &SignedAssignment, now_ms: u64) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(COHORTS).with_mode(TransactionMode::Readwrite).build()?;
    let id = &signed.assignment.id;
    tx.object_store(COHORTS)?
        .put(StoredCohort {
            key: key(profile, id),
            profile: profile.to_string(),
            id: id.clone(),
            assignment: serde_json::to_string(&signed.assignment).expect("assignments serialise"),
            tutor_key: signed.tutor_key.clone(),
            joined_ms: now_ms as f64,
        })
        .serde()?;
    tx.commit().await?;
    Ok(())
}

/// The cohorts a profile joined, soonest due first.
pub async fn for_profile(profile: &str) -> Result<Vec<Joined>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(COHORTS).build()?;
    let store = tx.object_store(COHORTS)?;
    let index = store.index(COHORTS_BY_PROFILE)?;
    let stored: Vec<StoredCohort> = index.get_all().with_query(profile.to_string()).serde()?.await?.collect::<Result<_, _>>()?;
    let mut joined: Vec<Joined> = stored
        .into_iter()
        .filter_map(|s| Some(Joined { assignment: serde_json::from_str(&s.assignment).ok()?, tutor_key: s.tutor_key, joined_ms: s.joined_ms as u64 }))
        .collect();
    joined.sort_by(|a, b| (&a.assignment.due, &a.assignment.cohort).cmp(&(&b.assignment.due, &b.assignment.cohort)));
    Ok(joined)
}

/// Leaves a cohort; progress on its placements stays.
pub async fn leave(profile: &str, id: &str) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(COHORTS).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(COHORTS)?.delete(key(profile, id)).primitive()?;
    tx.commit().await?;
    Ok(())
}
