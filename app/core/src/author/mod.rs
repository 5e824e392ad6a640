//! The author's side (the `author` feature): parsing a bundle folder of Markdown +
//! TOML into the `crate::bundle` model, with a `Diagnostic` for every mistake. The
//! CLI and the studio use it; the learner's app never downloads it.

pub mod manifest;
mod markdown;
mod toml_file;
mod module_file;
mod activity;
mod ctx;
mod parse;
pub mod sample;
pub mod example;
pub use parse::{parse_bundle, Parsed, MANIFEST_FILE, MAX_TEXT_FILE_BYTES};
pub use toml_file::closest;
#[cfg(test)]
mod tests;
