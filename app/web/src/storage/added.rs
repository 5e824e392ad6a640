//! Placements added on this device from a file: what the catalogue lists (small, read
//! on every visit) and the packed files themselves (read when one opens), in two
//! stores written together.

use super::db::{open, StorageError, LIBRARY, LIBRARY_FILES};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wex_core::bundle::Listing;
use wex_core::adding::Signature;

/// A placement added on this device, as the catalogue lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub listing: Listing,
    pub sha256: String,
    /// The key that signed the file, if any.
    pub signed_by: Option<String>,
    /// How its signature was judged when it was added.
    pub signature: Signature,
    pub added_ms: u64,
}

#[derive(Serialize, Deserialize)]
struct StoredListing {
    id: String,
    /// The core listing, as JSON.
    listing: String,
    sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signed_by: Option<String>,
    /// The core signature verdict, as JSON.
    signature: String,
    added_ms: f64,
}

#[derive(Serialize, Deserialize)]
struct StoredFile {
    id: String,
    /// The packed file's text, exactly as it was received.
    packed: String,
}

/// Every placement added on this device.
pub async fn list() -> Result<Vec<Added>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(LIBRARY).build()?;
    let stored: Vec<StoredListing> = tx.object_store(LIBRARY)?.get_all().serde()?.await?.collect::<Result<_, _>>()?;
    Ok(stored
        .into_iter()
        .filter_map(|s| {
            Some(Added {
                listing: serde_json::from_str(&s.listing).ok()?,
                sha256: s.sha256,
                signed_by: s.signed_by,
                signature: serde_json::from_str(&s.signature).ok()?,
                added_ms: s.added_ms as u64,
            })
        })
        .collect())
}

/// What the catalogue lists of each added placement: its listing and content hash.
/// (Lighter than [`list`]: the learner's first download carries this one.)
pub async fn listings() -> Result<Vec<(Listing, String)>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(LIBRARY).build()?;
    let stored: Vec<StoredListing> = tx.object_store(LIBRARY)?.get_all().serde()?.await?.collect::<Result<_, _>>()?;
    Ok(stored.into_iter().filter_map(|s| Some((serde_json::from_str(&s.listing).ok()?, s.sha256))).collect())
}

/// The packed file of an added placement.
pub async fn file(id: &str) -> Result<Option<String>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(LIBRARY_FILES).build()?;
    let stored: Option<StoredFile> = tx.object_store(LIBRARY_FILES)?.get(id.to_string()).serde()?.await?;
    Ok(stored.map(|s| s.packed))
}

/// Adds a placement, or replaces the version on this device, in one transaction.
pub async fn add(added: &Added, packed: String) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction([LIBRARY, LIBRARY_FILES]).with_mode(TransactionMode::Readwrite).build()?;
    let id = added.listing.id.clone();
    tx.object_store(LIBRARY)?
        .put(StoredListing {
            id: id.clone(),
            listing: serde_json::to_string(&added.listing).expect("listings serialise"),
            sha256: added.sha256.clone(),
            signed_by: added.signed_by.clone(),
            signature: serde_json::to_string(&added.signature).expect("signatures serialise"),
            added_ms: added.added_ms as f64,
        })
        .serde()?;
    tx.object_store(LIBRARY_FILES)?.put(StoredFile { id, packed }).serde()?;
    tx.commit().await?;
    Ok(())
}

/// Removes an added placement; learners' progress on it stays.
pub async fn remove(id: &str) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction([LIBRARY, LIBRARY_FILES]).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(LIBRARY)?.delete(id.to_string()).primitive()?;
    tx.object_store(LIBRARY_FILES)?.delete(id.to_string()).primitive()?;
    tx.commit().await?;
    Ok(())
}
