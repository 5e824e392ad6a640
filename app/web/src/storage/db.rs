//! Opening the database, and its schema with one migration step per version.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

pub const DB_NAME: &str = "wex";
/// The schema version. Raise it and add a step to `migrate` for every change.
///
/// 1. `records` (auto-increment keys) with index `by-bundle`.
/// 2. `profiles` (keyed by `id`); `records` gain a `profile` field and the indexes
///    `by-profile` and `by-profile-bundle`. Version 1 records have no profile until
///    the first profile adopts them ([`super::records::adopt_unowned`]).
/// 3. Cohorts and the tutor's area: `cohorts` (assignments a learner joined, keyed
///    by `key` = profile and assignment id, index `by-profile`); `tutor` (the
///    tutor's identity, keyed by `id`); `assignments` (those the tutor made, keyed
///    by `id`); `handins` (checked completion records, keyed by `key`, index
///    `by-assignment`); `records` gain the index `by-profile-bundle-item`, so the
///    catalogue can tell started and certified placements apart by counting. The
///    placements added on this device from a file: `library` (what the catalogue
///    lists, keyed by `id`) and `library-files` (the packed files, keyed by `id`).
pub const DB_VERSION: u32 = 3;

pub(super) const RECORDS: &str = "records";
pub(super) const RECORDS_BY_BUNDLE: &str = "by-bundle";
pub(super) const RECORDS_BY_PROFILE: &str = "by-profile";
pub(super) const RECORDS_BY_PROFILE_BUNDLE: &str = "by-profile-bundle";
pub(super) const RECORDS_BY_PROFILE_BUNDLE_ITEM: &str = "by-profile-bundle-item";
pub(super) const PROFILES: &str = "profiles";
pub(super) const COHORTS: &str = "cohorts";
pub(super) const COHORTS_BY_PROFILE: &str = "by-profile";
pub(super) const TUTOR: &str = "tutor";
pub(super) const ASSIGNMENTS: &str = "assignments";
pub(super) const HANDINS: &str = "handins";
pub(super) const HANDINS_BY_ASSIGNMENT: &str = "by-assignment";
pub(super) const LIBRARY: &str = "library";
pub(super) const LIBRARY_FILES: &str = "library-files";

/// The database's name: [`DB_NAME`], or in a SCORM package one of its own for the
/// placement, its version and this schema, so that packages on one learning
/// platform (even from different Wex versions) never open each other's data.
pub fn name() -> String {
    match crate::lms::packaged_placement() {
        Some(placement) => format!("{DB_NAME}-scorm-{placement}-schema{DB_VERSION}"),
        None => DB_NAME.to_string(),
    }
}

/// Why something could not be stored or read, in words for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError(pub String);

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<indexed_db_futures::error::Error> for StorageError {
    fn from(error: indexed_db_futures::error::Error) -> Self {
        let text = format!("{error:?}");
        if text.contains("QuotaExceeded") {
            StorageError("This device has run out of storage space for Wex. Free some space (or ask your IT team), and keep this tab open: your answers are kept here until they can be saved.".into())
        } else {
            StorageError(format!("This browser did not save your last answer ({error}). Keep this tab open and try again; download your progress from “Move my progress” to be safe."))
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StorageError {
    fn from(error: indexed_db_futures::error::OpenDbError) -> Self {
        StorageError(format!(
            "This browser is not letting Wex save progress (it may be in private browsing, or storage may be turned off): {error}. You can still use Wex, but your answers will be lost when you close this tab."
        ))
    }
}

thread_local! {
    static OPEN: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// The database, opened (and migrated) on first use and kept open after that.
pub async fn open() -> Result<Rc<Database>, StorageError> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(db);
    }
    let db = Database::open(&name())
        .with_version(DB_VERSION)
        .with_on_upgrade_needed(|event, db| migrate(&db, event.old_version() as u32))
        .await?;
    close_when_another_tab_upgrades(&db);
    let db = Rc::new(db);
    OPEN.with(|open| *open.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Closes the database; the next call to [`open`] opens it again.
pub fn close() {
    if let Some(db) = OPEN.with(|open| open.borrow_mut().take()) {
        if let Ok(db) = Rc::try_unwrap(db) {
            db.close();
        }
    }
}

/// When a newer version of Wex in another tab needs to upgrade the database, this
/// tab lets go of it (and reopens it, upgraded, on its next read or write) instead
/// of blocking the upgrade.
fn close_when_another_tab_upgrades(db: &Database) {
    use indexed_db_futures::internals::SystemRepr;
    use wasm_bindgen::{closure::Closure, JsCast};
    let raw: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
    let on_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        OPEN.with(|open| open.borrow_mut().take());
    });
    raw.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

/// Brings the schema from version `old` up to [`DB_VERSION`], one step at a time.
fn migrate(db: &Database, old: u32) -> indexed_db_futures::Result<()> {
    if old < 1 {
        let store = db.create_object_store(RECORDS).with_auto_increment(true).build()?;
        store.create_index(RECORDS_BY_BUNDLE, KeyPath::One("bundle")).build()?;
    }
    if old < 2 {
        let profiles = db.create_object_store(PROFILES).with_key_path(KeyPath::One("id")).build()?;
        // The upgrade's own transaction, reached through the store it just made.
        let records = profiles.transaction().object_store(RECORDS)?;
        records.create_index(RECORDS_BY_PROFILE, KeyPath::One("profile")).build()?;
        records.create_index(RECORDS_BY_PROFILE_BUNDLE, KeyPath::Sequence(["profile", "bundle"].into_iter().collect())).build()?;
    }
    if old < 3 {
        let cohorts = db.create_object_store(COHORTS).with_key_path(KeyPath::One("key")).build()?;
        cohorts.create_index(COHORTS_BY_PROFILE, KeyPath::One("profile")).build()?;
        db.create_object_store(TUTOR).with_key_path(KeyPath::One("id")).build()?;
        db.create_object_store(ASSIGNMENTS).with_key_path(KeyPath::One("id")).build()?;
        let handins = db.create_object_store(HANDINS).with_key_path(KeyPath::One("key")).build()?;
        handins.create_index(HANDINS_BY_ASSIGNMENT, KeyPath::One("assignment")).build()?;
        db.create_object_store(LIBRARY).with_key_path(KeyPath::One("id")).build()?;
        db.create_object_store(LIBRARY_FILES).with_key_path(KeyPath::One("id")).build()?;
        let records = handins.transaction().object_store(RECORDS)?;
        records.create_index(RECORDS_BY_PROFILE_BUNDLE_ITEM, KeyPath::Sequence(["profile", "bundle", "item"].into_iter().collect())).build()?;
    }
    Ok(())
}
