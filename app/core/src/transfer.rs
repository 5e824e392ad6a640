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
    pub exported_at_ms: u64,
    pub records: Vec<Record>,
}

impl ProgressFile {
    pub fn new(profile: &str, exported_at_ms: u64, records: Vec<Record>) -> ProgressFile {
        ProgressFile { wex: "progress".into(), format: 1, profile: profile.into(), exported_at_ms, records }
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
        let file = ProgressFile::new("Sam", 5, vec![Record { bundle: "b".into(), item: "m/s".into(), at_ms: 1, action: Action::Done }]);
        assert_eq!(ProgressFile::parse(file.to_json().as_bytes()), Ok(file));
        assert!(ProgressFile::parse(b"hello").unwrap_err().contains("not a Wex progress file"));
        assert!(ProgressFile::parse(br#"{"wex":"bundle","format":1}"#).unwrap_err().contains("not a progress file"));
        assert!(ProgressFile::parse(br#"{"wex":"progress","format":9}"#).unwrap_err().contains("newer version"));
        assert!(ProgressFile::parse(br#"{"wex":"progress","format":1,"records":7}"#).unwrap_err().contains("damaged"));
    }
}
