//! The bundle model: what a placement is once parsed, and what a packed file holds.

use crate::doc::Block;
use serde::{Deserialize, Serialize};

/// One placement, as the learner's app plays it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub id: String,
    /// Semantic version, for example `1.2.0`.
    pub version: String,
    pub title: String,
    pub summary: String,
    pub publisher: Publisher,
    pub modules: Vec<Module>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
}

/// One module: a sequence of steps the learner works through in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub minutes: Option<u32>,
    pub steps: Vec<Step>,
}

/// One screen of a module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Step {
    /// Reading: the learner reads it and marks it done.
    Page(Page),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub id: String,
    pub title: String,
    pub body: Vec<Block>,
}

impl Step {
    pub fn id(&self) -> &str {
        match self {
            Step::Page(page) => &page.id,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Step::Page(page) => &page.title,
        }
    }
}

impl Bundle {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The catalogue entry for this bundle.
    pub fn listing(&self) -> Listing {
        Listing {
            id: self.id.clone(),
            version: self.version.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            publisher: self.publisher.name.clone(),
            modules: self.modules.len() as u32,
            minutes: self.modules.iter().filter_map(|m| m.minutes).sum(),
        }
    }
}

/// What the catalogue shows of a placement before its file is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    pub modules: u32,
    pub minutes: u32,
}

/// True for ids made of lowercase ASCII letters, digits and single hyphens, starting
/// with a letter or digit: safe in URLs, file names and storage keys alike.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// Makes an id from a title: "Your first shift!" becomes `your-first-shift`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(64);
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_slugs() {
        assert!(is_valid_id("ward-round-2"));
        for bad in ["", "Ward", "ward round", "-ward", "ward-", "ward--round", "wärd"] {
            assert!(!is_valid_id(bad), "{bad:?} should be rejected");
        }
        assert_eq!(slug("Your first shift!"), "your-first-shift");
        assert_eq!(slug("  Blood pressure & pulse  "), "blood-pressure-pulse");
        assert_eq!(slug("Café"), "caf");
        assert!(is_valid_id(&slug("What does a HCSW do? (Part 2)")));
    }
}
