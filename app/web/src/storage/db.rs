//! Opening the database, and its schema with one migration step per version.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

pub const DB_NAME: &str = "wex";
/// The schema version. Raise it and add a step to `migrate` for every change.
pub const DB_VERSION: u32 = 1;

pub(super) const RECORDS: &str = "records";
pub(super) const RECORDS_BY_BUNDLE: &str = "by-bundle";

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
            StorageError("This device has run out of storage space for Wex, so your last answer was not saved. Free some space, then try again.".into())
        } else {
            StorageError(format!("Your progress could not be saved on this device ({error})."))
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StorageError {
    fn from(error: indexed_db_futures::error::OpenDbError) -> Self {
        StorageError(format!(
            "This browser is not letting Wex save progress (it may be in private mode, or storage may be turned off): {error}"
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
    let db = Database::open(DB_NAME)
        .with_version(DB_VERSION)
        .with_on_upgrade_needed(|event, db| {
            let old = event.old_version() as u32;
            migrate(&db, old)
        })
        .await?;
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

/// Brings the schema from version `old` up to [`DB_VERSION`], one step at a time.
fn migrate(db: &Database, old: u32) -> indexed_db_futures::Result<()> {
    if old < 1 {
        let store = db.create_object_store(RECORDS).with_auto_increment(true).build()?;
        store.create_index(RECORDS_BY_BUNDLE, indexed_db_futures::KeyPath::One("bundle")).build()?;
    }
    Ok(())
}
