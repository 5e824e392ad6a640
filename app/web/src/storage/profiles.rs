//! Learner profiles on a shared device: a display name and an optional PIN hash.

use super::db::{open, StorageError, COHORTS, COHORTS_BY_PROFILE, PROFILES, RECORDS};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wex_core::pin::PinHash;

/// A profile as the app uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub pin: Option<PinHash>,
    pub created_ms: u64,
    /// The secret seed of this profile's device key, which signs its certificates
    /// (made when the first one is issued). It proves nothing about the person.
    pub device_key: Option<[u8; 32]>,
    /// Wrong PINs typed in a row: after five, each try has to wait.
    pub pin_tries: wex_core::pin::Tries,
}

impl Profile {
    /// A new profile: no device key until its first certificate, no wrong PINs yet.
    pub fn new(id: String, name: String, pin: Option<PinHash>, created_ms: u64) -> Profile {
        Profile { id, name, pin, created_ms, device_key: None, pin_tries: Default::default() }
    }
}

/// A profile as stored: byte arrays as hex, so the schema reads plainly in the
/// browser's storage tools.
#[derive(Serialize, Deserialize)]
struct StoredProfile {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pin: Option<StoredPin>,
    created_ms: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device_key: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pin_failures: u32,
    #[serde(default, skip_serializing_if = "is_zero_f64")]
    last_pin_failure_ms: f64,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_zero_f64(n: &f64) -> bool {
    *n == 0.0
}

#[derive(Serialize, Deserialize)]
struct StoredPin {
    salt: String,
    hash: String,
    iterations: u32,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let bytes: Option<Vec<u8>> = (0..text.len()).step_by(2).map(|i| text.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect();
    bytes?.try_into().ok()
}

impl From<&Profile> for StoredProfile {
    fn from(p: &Profile) -> Self {
        StoredProfile {
            id: p.id.clone(),
            name: p.name.clone(),
            pin: p.pin.as_ref().map(|pin| StoredPin { salt: hex(&pin.salt), hash: hex(&pin.hash), iterations: pin.iterations }),
            created_ms: p.created_ms as f64,
            device_key: p.device_key.as_ref().map(|k| hex(k)),
            pin_failures: p.pin_tries.failures,
            last_pin_failure_ms: p.pin_tries.last_failure_ms as f64,
        }
    }
}

impl StoredProfile {
    fn into_profile(self) -> Profile {
        let pin = self.pin.and_then(|p| Some(PinHash { salt: unhex(&p.salt)?, hash: unhex(&p.hash)?, iterations: p.iterations }));
        let device_key = self.device_key.as_deref().and_then(unhex::<32>);
        let pin_tries = wex_core::pin::Tries { failures: self.pin_failures, last_failure_ms: self.last_pin_failure_ms as u64 };
        Profile { id: self.id, name: self.name, pin, created_ms: self.created_ms as u64, device_key, pin_tries }
    }
}

/// Every profile on this device, oldest first.
pub async fn list() -> Result<Vec<Profile>, StorageError> {
    let db = open().await?;
    let tx = db.transaction(PROFILES).build()?;
    let store = tx.object_store(PROFILES)?;
    let stored: Vec<StoredProfile> = store.get_all().serde()?.await?.collect::<Result<_, _>>()?;
    let mut profiles: Vec<Profile> = stored.into_iter().map(StoredProfile::into_profile).collect();
    profiles.sort_by_key(|p| p.created_ms);
    Ok(profiles)
}

/// Adds or updates a profile.
pub async fn save(profile: &Profile) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction(PROFILES).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(PROFILES)?.put(StoredProfile::from(profile)).serde()?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a profile, every record of it and the cohorts it joined, in one
/// transaction, and any answer it left unsaved.
pub async fn delete(id: &str) -> Result<(), StorageError> {
    super::typing::forget(id);
    let db = open().await?;
    let tx = db.transaction([PROFILES, RECORDS, COHORTS]).with_mode(TransactionMode::Readwrite).build()?;
    tx.object_store(PROFILES)?.delete(id.to_string()).primitive()?;
    let records = tx.object_store(RECORDS)?;
    let index = records.index(super::db::RECORDS_BY_PROFILE)?;
    let keys: Vec<f64> = index.get_all_keys().with_query(id.to_string()).primitive()?.await?.collect::<Result<_, _>>()?;
    for key in keys {
        records.delete(key).primitive()?;
    }
    let cohorts = tx.object_store(COHORTS)?;
    let joined: Vec<String> = cohorts.index(COHORTS_BY_PROFILE)?.get_all_keys().with_query(id.to_string()).primitive()?.await?.collect::<Result<_, _>>()?;
    for key in joined {
        cohorts.delete(key).primitive()?;
    }
    tx.commit().await?;
    Ok(())
}
