//! Storage: the only code that touches IndexedDB. Everything a learner does is
//! appended here at once; pages read it back through these functions.
//!
//! Stored values are their own serde types, converted to and from core types by
//! hand, so the schema on disk can be versioned and migrated without touching the
//! model.

pub mod added;
pub mod cohorts;
mod db;
pub mod profiles;
pub mod records;
pub mod tutor;
pub mod typing;

pub use db::{close, open, StorageError, DB_NAME, DB_VERSION};
