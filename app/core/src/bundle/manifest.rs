//! `bundle.toml` and module front matter as an author writes them.
//!
//! These structs mirror the files field for field, with `deny_unknown_fields`, so a
//! misspelt field is reported (with the closest known name) instead of ignored.

use serde::Deserialize;
use toml::Spanned;

/// The top of a bundle folder: `bundle.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Manifest {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub publisher: PublisherTable,
    /// Module files in the order a learner takes them, relative to the bundle folder.
    pub modules: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PublisherTable {
    pub name: String,
}

/// The `+++` front matter at the top of a module file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub minutes: Option<u32>,
}

