//! The completion record: what a learner hands in to a tutor. It carries the
//! certificate and the attempt log it was issued from, so the tutor can score the
//! log again with the same code and compare (the "re-score" check).

use super::badge::{verify, Check};
use crate::bundle::Bundle;
use crate::progress::Record;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The largest completion record Wex will read (8 MiB).
pub const MAX_RECORD_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletionRecord {
    pub wex: String,
    pub format: u32,
    /// The signed certificate.
    pub credential: Value,
    /// The attempt log the certificate names (its SHA-256 is in the certificate).
    pub records: Vec<Record>,
    /// The assignment (cohort) this record is handed in for, if the learner joined one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<String>,
}

impl CompletionRecord {
    pub fn new(credential: Value, records: Vec<Record>) -> CompletionRecord {
        CompletionRecord { wex: "completion-record".into(), format: 1, credential, records, assignment: None }
    }

    pub fn parse(bytes: &[u8]) -> Result<CompletionRecord, String> {
        if bytes.len() > MAX_RECORD_BYTES {
            return Err("This file is too large to be a Wex completion record.".into());
        }
        let record: CompletionRecord = serde_json::from_slice(bytes).map_err(|_| "This is not a Wex completion record.".to_string())?;
        if record.wex != "completion-record" {
            return Err("This is not a Wex completion record.".into());
        }
        if record.format > 1 {
            return Err("This completion record was made by a newer version of Wex.".into());
        }
        Ok(record)
    }

    /// Every check of the certificate, with the log scored again when the placement
    /// (and its content hash) is at hand.
    pub fn check(&self, bundle: Option<(&Bundle, &str)>) -> Vec<Check> {
        verify(&self.credential, bundle, Some(&self.records))
    }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;

    #[test]
    fn a_completion_record_round_trips_and_refuses_other_files() {
        let record = CompletionRecord::new(serde_json::json!({"id": "x"}), vec![]);
        let text = serde_json::to_vec(&record).unwrap();
        assert_eq!(CompletionRecord::parse(&text).unwrap(), record);
        assert!(CompletionRecord::parse(b"{}").is_err());
        assert!(CompletionRecord::parse(br#"{"wex":"progress","format":1,"credential":{},"records":[]}"#).is_err());
    }
}
