//! One file per page of the app.

pub mod catalogue;
pub mod certificate;
pub mod join;
pub mod module;
pub mod not_found;
pub mod placement;
pub mod profile;
pub mod profiles;
pub mod reflections;
pub mod tutor;
pub mod verify;
