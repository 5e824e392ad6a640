//! Placement bundles: the model every part of Wex shares, and (with the `author`
//! feature) the parser that builds it from a folder of Markdown + TOML.

mod model;
pub use model::*;
mod condition;
pub use condition::{Condition, Effect, Op};

#[cfg(feature = "author")]
pub mod manifest;
#[cfg(feature = "author")]
mod markdown;
#[cfg(feature = "author")]
mod toml_file;
#[cfg(feature = "author")]
mod module_file;
#[cfg(feature = "author")]
mod activity;
#[cfg(feature = "author")]
mod ctx;
#[cfg(feature = "author")]
mod parse;
#[cfg(feature = "author")]
pub mod sample;
#[cfg(feature = "author")]
pub use parse::{parse_bundle, Parsed, MANIFEST_FILE, MAX_TEXT_FILE_BYTES};
#[cfg(feature = "author")]
pub use toml_file::closest;
#[cfg(all(test, feature = "author"))]
mod tests;
