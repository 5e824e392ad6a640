//! "Move my progress": one profile's records as a file, to carry to another device
//! and merge there with [`crate::progress::merge`].

use crate::progress::Record;
use serde::{Deserialize, Serialize};

/// The largest progress file Wex will read (16 MiB: years of answers).
pub const MAX_PROGRESS_FILE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressFile {
    pub wex: String,
    pub format: u32,
    /// The display name of the profile it came from.
    pub profile: String,
    /// The id of the profile it came from, which names the learner across devices
    /// (files made before Wex wrote it have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner: Option<String>,
    pub exported_at_ms: u64,
    pub records: Vec<Record>,
}

/// Whose progress a file is, compared with the learner adding it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The same learner (the same profile id; or, for an older file without one,
    /// the same name): merge it.
    Same,
    /// Someone else, by name: ask before merging anything.
    Other { name: String },
}

impl ProgressFile {
    pub fn new(learner: &str, profile: &str, exported_at_ms: u64, records: Vec<Record>) -> ProgressFile {
        ProgressFile { wex: "progress".into(), format: 1, profile: profile.into(), learner: Some(learner.into()), exported_at_ms, records }
    }

    /// Whose progress this is, for the learner `id` called `name` on this device.
    pub fn owner(&self, id: &str, name: &str) -> Owner {
        let same = match &self.learner {
            Some(learner) => learner == id,
            None => self.profile.trim().to_lowercase() == name.trim().to_lowercase(),
        };
        if same {
            Owner::Same
        } else {
            Owner::Other { name: self.profile.clone() }
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress serializes")
    }

    /// Reads a progress file, or says in plain words why it cannot.
    pub fn parse(bytes: &[u8]) -> Result<ProgressFile, String> {
        if bytes.len() > MAX_PROGRESS_FILE_BYTES {
            return Err("This file is too large to be a Wex progress file.".into());
        }
        #[derive(Deserialize)]
        struct Header {
            wex: String,
            format: u32,
        }
        // Parsed from text, as storage parses records: one copy of each deserializer
        // in the app's download instead of one per input kind.
        let text = std::str::from_utf8(bytes).map_err(|_| "This is not a Wex progress file.".to_string())?;
        let header: Header = serde_json::from_str(text).map_err(|_| "This is not a Wex progress file.".to_string())?;
        if header.wex != "progress" {
            return Err("This is a Wex file, but not a progress file.".into());
        }
        if header.format > 1 {
            return Err("This progress file was made by a newer version of Wex. Open it in the newer version.".into());
        }
        serde_json::from_str(text).map_err(|e| format!("This progress file is damaged ({e})."))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Action;

    #[test]
    fn round_trips_and_refuses_other_files() {
        let file = ProgressFile::new("a1", "Sam", 5, vec![Record { bundle: "b".into(), item: crate::progress::ItemId::parse("m/s"), at_ms: 1, action: Action::Done }]);
        assert_eq!(ProgressFile::parse(file.to_json().as_bytes()), Ok(file));
        assert!(ProgressFile::parse(b"hello").unwrap_err().contains("not a Wex progress file"));
        assert!(ProgressFile::parse(br#"{"wex":"bundle","format":1}"#).unwrap_err().contains("not a progress file"));
        assert!(ProgressFile::parse(br#"{"wex":"progress","format":9}"#).unwrap_err().contains("newer version"));
        assert!(ProgressFile::parse(br#"{"wex":"progress","format":1,"records":7}"#).unwrap_err().contains("damaged"));
    }

    #[test]
    fn a_file_names_its_learner() {
        let maya = ProgressFile::new("b2", "Maya", 5, vec![]);
        assert_eq!(maya.owner("b2", "Maya on the laptop"), Owner::Same, "the profile id decides");
        assert_eq!(maya.owner("a1", "Maya"), Owner::Other { name: "Maya".into() }, "another Maya is someone else");
        assert_eq!(maya.owner("a1", "Sam"), Owner::Other { name: "Maya".into() });
        // Files from before learner ids: the name is all there is.
        let old = ProgressFile::parse(br#"{"wex":"progress","format":1,"profile":"Sam","exported_at_ms":1,"records":[]}"#).unwrap();
        assert_eq!(old.learner, None);
        assert_eq!(old.owner("a1", " sam "), Owner::Same);
        assert_eq!(old.owner("a1", "Maya"), Owner::Other { name: "Sam".into() });
    }
}
