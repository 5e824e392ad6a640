//! SCORM: a placement as a package an LMS (Moodle, Canvas, Blackboard, Totara)
//! accepts, for SCORM 1.2 and SCORM 2004 4th Edition. `manifest` writes
//! `imsmanifest.xml`; `package` chooses the files (the learner's app, the one
//! placement, a launch page) and lays them out; `report` is what the LMS is told
//! (status, score, progress); `suspend` is what it keeps so a learner can resume on
//! another computer. Pure: the CLI's `wex scorm` reads
//! the built site and writes the zip.

pub mod interactions;
mod manifest;
mod package;
mod report;
mod suspend;

pub use manifest::manifest;
pub use package::{package, LAUNCH_PAGE, PLACEMENT_META};
pub use report::{session_time, Report, SUSPEND_DATA};
pub use suspend::{resume, suspend, Suspended};

/// The two versions of SCORM Wex packages for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    /// SCORM 1.2: the most widely supported.
    Scorm12,
    /// SCORM 2004 4th Edition.
    Scorm2004,
}

impl Standard {
    pub const ALL: [Standard; 2] = [Standard::Scorm12, Standard::Scorm2004];

    /// As `--standard` takes it: `1.2` or `2004`.
    pub fn from_key(key: &str) -> Option<Standard> {
        match key {
            "1.2" => Some(Standard::Scorm12),
            "2004" => Some(Standard::Scorm2004),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Standard::Scorm12 => "1.2",
            Standard::Scorm2004 => "2004",
        }
    }

    /// How an LMS names it.
    pub fn label(self) -> &'static str {
        match self {
            Standard::Scorm12 => "SCORM 1.2",
            Standard::Scorm2004 => "SCORM 2004 4th Edition",
        }
    }
}

/// A learner's name as an LMS gives it, for showing: SCORM 1.2 platforms give
/// "Surname, Forename", shown as "Forename Surname".
pub fn display_name(name: &str) -> String {
    let name = name.trim();
    match name.split_once(", ") {
        Some((surname, forenames)) if !surname.is_empty() && !forenames.is_empty() && !forenames.contains(',') => format!("{forenames} {surname}"),
        _ if name.is_empty() => "Learner".into(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
#[test]
fn names_read_forename_first() {
    assert_eq!(display_name("Okafor, Ada"), "Ada Okafor");
    assert_eq!(display_name("Ada Okafor"), "Ada Okafor");
    assert_eq!(display_name(" "), "Learner");
    assert_eq!(display_name("Smith, Jones, Ann"), "Smith, Jones, Ann");
}

/// Text made safe to put in XML, between tags or in a quoted attribute.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
