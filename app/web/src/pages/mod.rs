//! One file per page of the app.

pub mod add_placement;
pub mod catalogue;
pub mod hand_in;
pub mod certificate;
pub mod join;
pub mod module;
pub mod my_assignments;
pub mod not_found;
pub mod placement;
pub mod profile;
pub mod profiles;
pub mod reflections;
#[cfg(feature = "studio")]
pub mod studio;
pub mod tutor;
pub mod verify;
