//! The tutor's tracker: completion records handed in by a cohort, each checked,
//! merged per learner and placement, shown as a table and exported as CSV.

use crate::assignment::Assignment;
use crate::bundle::Bundle;
use crate::bundle::file_safe;
use crate::credential::badge::summary;
use crate::credential::countersign::{countersign, Countersign};
use crate::credential::record::CompletionRecord;
use serde::{Deserialize, Serialize};
use crate::words::plural;
use std::collections::{BTreeMap, BTreeSet};

/// One learner's latest record for one placement. Only records that pass every
/// check (signature, issuer, placement hash, re-score) become entries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub learner: String,
    /// The learner's device key: two learners with one name stay apart.
    pub learner_key: String,
    pub bundle: String,
    pub version: String,
    pub placement: String,
    /// The overall score as the certificate states it, for example `14/14`.
    pub score: String,
    /// When the certificate was issued, by the learner's device clock.
    pub completed_at: String,
    pub record: CompletionRecord,
    /// When the tutor countersigned this record's certificate (tutor's clock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countersigned_at: Option<String>,
}

impl Entry {
    /// What identifies an entry: the learner's device key and the placement.
    pub fn key(&self) -> EntryKey {
        EntryKey { learner_key: self.learner_key.clone(), bundle: self.bundle.clone() }
    }
}

/// What identifies a tracker entry: one learner (by device key, so two learners
/// with one name stay apart) and one placement. Ordered by learner, then placement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryKey {
    pub learner_key: String,
    pub bundle: String,
}

/// What countersigning several entries gave (see [`Tracker::countersign_each`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Countersigned {
    /// The tutor's credentials, as files to hand back to learners.
    pub handed_back: Vec<HandBack>,
    /// Each entry not countersigned, as "learner (placement): why".
    pub refused: Vec<String>,
}

/// One file's outcome, for the import report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub outcome: Imported,
    pub learner: String,
    pub placement: String,
    pub key: EntryKey,
}

/// What happened to one file of an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    Added,
    /// A newer record replaced this learner's older one.
    Updated,
    /// The same record was already there.
    Duplicate,
    /// An older record than the one already there: kept out.
    Older,
}

impl Imported {
    pub fn label(&self) -> &'static str {
        match self {
            Imported::Added => "Added",
            Imported::Updated => "Updated with a newer record",
            Imported::Duplicate => "Already imported",
            Imported::Older => "Kept the newer record already imported",
        }
    }
}

/// What one import of several files did, file by file: the summary the tutor reads
/// first, the files refused and why, and the entries that changed (to be saved).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Each file's name and outcome, in the order the files were read.
    files: Vec<(String, Result<Imported, String>)>,
    changed: BTreeSet<EntryKey>,
}

impl ImportReport {
    /// Notes one file's result from [`Tracker::import`].
    pub fn add(&mut self, file: String, result: Result<Import, String>) {
        let outcome = result.map(|done| {
            if matches!(done.outcome, Imported::Added | Imported::Updated) {
                self.changed.insert(done.key);
            }
            done.outcome
        });
        self.files.push((file, outcome));
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The entries added or replaced: what must be saved.
    pub fn changed(&self) -> &BTreeSet<EntryKey> {
        &self.changed
    }

    /// The files that could not be imported, each with why.
    pub fn refused(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|(file, outcome)| outcome.as_ref().err().map(|why| (file.as_str(), why.as_str())))
    }

    /// "3 files checked: 1 added, 2 could not be imported."
    pub fn summary(&self) -> String {
        let count = |kind: Imported| self.files.iter().filter(|(_, outcome)| outcome.as_ref() == Ok(&kind)).count();
        let parts: Vec<String> = [
            (count(Imported::Added), "added"),
            (count(Imported::Updated), "updated with a newer record"),
            (count(Imported::Duplicate), "already imported"),
            (count(Imported::Older), "older than the record already imported"),
            (self.refused().count(), "could not be imported"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        format!("{} checked: {}.", plural(self.files.len(), "file"), parts.join(", "))
    }
}

/// A countersigned certificate for one learner, ready to hand back as a file.
#[derive(Clone, Debug, PartialEq)]
pub struct HandBack {
    /// Whose it is, for the download link: "Sam Patel (Hospice care)".
    pub label: String,
    pub file: String,
    pub json: String,
}

/// Who countersigns: the tutor, their organisation and their signing key.
pub struct Signer<'a> {
    pub tutor: &'a str,
    pub organisation: &'a str,
    pub seed: &'a [u8; 32],
}

#[derive(Clone, Debug, Default)]
pub struct Tracker {
    entries: BTreeMap<EntryKey, Entry>,
}

/// Finds a placement this site (or tutor) has, by id and version, with its hash.
pub type Placements<'a> = &'a dyn Fn(&str, &str) -> Option<(&'a Bundle, &'a str)>;

impl Tracker {
    /// Entries checked before (by an earlier import on this device).
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Tracker {
        Tracker { entries: entries.into_iter().map(|e| (e.key(), e)).collect() }
    }

    pub fn get(&self, key: &EntryKey) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// Countersigns an entry's certificate with the tutor's key, dated `issued_at` by
    /// the tutor's clock, and marks the entry countersigned.
    pub fn countersign(&mut self, key: &EntryKey, signer: &Signer, issued_at: &str, credential_id: &str) -> Result<HandBack, String> {
        let entry = self.entries.get_mut(key).ok_or("This record is no longer in the tracker.")?;
        let input = Countersign {
            learner_credential: &entry.record.credential,
            organisation: signer.organisation,
            tutor: signer.tutor,
            issued_at,
            credential_id,
        };
        let credential = countersign(&input, signer.seed)?;
        entry.countersigned_at = Some(issued_at.to_string());
        Ok(HandBack {
            label: format!("{} ({})", entry.learner, entry.placement),
            file: format!("wex-verified-{}-{}.json", entry.bundle, file_safe(&entry.learner)),
            json: serde_json::to_string_pretty(&credential).expect("a JSON value always serialises"),
        })
    }

    /// Countersigns each chosen entry (see [`Tracker::countersign`]), each with a new
    /// credential id from `new_id`: the files to hand back, and for each refusal
    /// whose record it was and why.
    pub fn countersign_each<'k>(&mut self, keys: impl IntoIterator<Item = &'k EntryKey>, signer: &Signer, issued_at: &str, mut new_id: impl FnMut() -> String) -> Countersigned {
        let mut done = Countersigned::default();
        for key in keys {
            match self.countersign(key, signer, issued_at, &new_id()) {
                Ok(file) => done.handed_back.push(file),
                Err(why) => done.refused.push(match self.get(key) {
                    Some(entry) => format!("{} ({}): {why}", entry.learner, entry.placement),
                    None => why,
                }),
            }
        }
        done
    }

    /// Takes an entry out of the tracker; `false` when there was none.
    pub fn remove(&mut self, key: &EntryKey) -> bool {
        self.entries.remove(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Checks and adds one handed-in file. Errors are sentences for the import report;
    /// nothing already imported changes when a file is refused.
    pub fn import(&mut self, bytes: &[u8], assignment: &Assignment, placements: Placements) -> Result<Import, String> {
        let record = CompletionRecord::parse(bytes)?;
        if record.assignment.as_deref().is_some_and(|id| id != assignment.id) {
            return Err(format!("This record was handed in for another cohort, not “{}”.", assignment.cohort));
        }
        let stated = summary(&record.credential);
        let Some(placement) = stated.placement else {
            return Err("This record's certificate does not name a Wex placement.".into());
        };
        if !assignment.placements.iter().any(|p| p.bundle == placement.bundle) {
            return Err(format!("This record is for “{}”, which this assignment does not include.", placement.bundle));
        }
        let Some((bundle, sha256)) = placements(&placement.bundle, &placement.version) else {
            return Err(format!(
                "This record is for version {} of “{}”, which you do not have, so its scores cannot be checked. Add that version of the placement first.",
                placement.version, placement.bundle
            ));
        };
        let checks = record.check(Some((bundle, sha256)));
        if let Some(failed) = checks.iter().find(|c| !c.passed) {
            return Err(format!("This record fails the {} check: {}.", failed.name, failed.detail));
        }
        let entry = Entry {
            learner: stated.learner,
            learner_key: stated.issuer_key,
            bundle: placement.bundle,
            version: placement.version,
            placement: bundle.title.clone(),
            score: stated.score,
            completed_at: stated.issued_at,
            record,
            countersigned_at: None,
        };
        let key = entry.key();
        let outcome = match self.entries.get(&key) {
            Some(existing) if existing.record == entry.record => Imported::Duplicate,
            Some(existing) if existing.completed_at > entry.completed_at => Imported::Older,
            Some(_) => Imported::Updated,
            None => Imported::Added,
        };
        let report = Import { outcome: outcome.clone(), learner: entry.learner.clone(), placement: entry.placement.clone(), key: key.clone() };
        if matches!(outcome, Imported::Added | Imported::Updated) {
            self.entries.insert(key, entry);
        }
        Ok(report)
    }

    /// Every entry, by learner then placement.
    pub fn entries(&self) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self.entries.values().collect();
        entries.sort_by(|a, b| (a.learner.to_lowercase(), &a.placement).cmp(&(b.learner.to_lowercase(), &b.placement)));
        entries
    }

    /// The table as CSV (RFC 4180), for evidence of Gatsby benchmarks 5 and 6.
    pub fn csv(&self) -> String {
        let mut out = String::from("Learner,Placement,Version,Status,Score,Completed (learner's device clock),Countersigned (tutor's clock)\r\n");
        for e in self.entries() {
            let status = if e.countersigned_at.is_some() { "Completed (checked, countersigned)" } else { "Completed (checked)" };
            let countersigned = e.countersigned_at.as_deref().unwrap_or("");
            let row = [e.learner.as_str(), &e.placement, &e.version, status, &e.score, &e.completed_at, countersigned];
            out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(field: &str) -> String {
    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
    let safe = if field.starts_with(['=', '+', '-', '@']) { format!("'{field}") } else { field.to_string() };
    if safe.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::assignment::AssignedPlacement;
    use crate::credential::badge::{issue, Issue};

    fn assignment() -> Assignment {
        Assignment {
            id: "a1".into(),
            cohort: "Year 12".into(),
            tutor: "Ms Patel".into(),
            organisation: "Riverside College".into(),
            placements: vec![AssignedPlacement { bundle: "t".into(), version: "1.0.0".into() }],
            due: "2026-12-18".into(),
            instructions: String::new(),
        }
    }

    fn record_for(name: &str, seed: u8, issued_at: &str) -> Vec<u8> {
        let bundle = crate::testing::bundle();
        let records = crate::testing::completed_records(1);
        let input = Issue { learner_name: name, bundle: &bundle, bundle_sha256: "ab12", records: &records, issued_at, credential_id: "urn:uuid:1" };
        let credential = issue(&input, &[seed; 32]).unwrap();
        let mut record = CompletionRecord::new(credential, records);
        record.assignment = Some("a1".into());
        serde_json::to_vec(&record).unwrap()
    }

    #[test]
    fn records_import_merge_and_export() {
        let bundle = crate::testing::bundle();
        let find = |id: &str, version: &str| (id == "t" && version == "1.0.0").then_some((&bundle, "ab12"));
        let mut tracker = Tracker::default();
        let a = record_for("Sam, \"the\" learner", 1, "2026-11-25T10:00:00Z");
        let mut outcome = |bytes: &[u8]| tracker.import(bytes, &assignment(), &find).map(|i| i.outcome);
        assert_eq!(outcome(&a), Ok(Imported::Added));
        assert_eq!(outcome(&a), Ok(Imported::Duplicate));
        let newer = record_for("Sam, \"the\" learner", 1, "2026-11-26T10:00:00Z");
        assert_eq!(outcome(&newer), Ok(Imported::Updated));
        assert_eq!(outcome(&a), Ok(Imported::Older));
        assert_eq!(outcome(&record_for("=Alex", 2, "2026-11-25T11:00:00Z")), Ok(Imported::Added));
        assert_eq!(tracker.entries().len(), 2);
        assert_eq!(tracker.entries()[1].completed_at, "2026-11-26T10:00:00Z");
        let alex = tracker.entries()[0].key();
        let signer = Signer { tutor: "Ms Patel", organisation: "Riverside College", seed: &[9; 32] };
        let handed = tracker.countersign(&alex, &signer, "2026-11-28T09:00:00Z", "urn:uuid:2").unwrap();
        assert_eq!((handed.label.as_str(), handed.file.as_str()), ("=Alex (T)", "wex-verified-t-alex.json"));
        // The file is a countersignature the learner's device accepts from this tutor.
        let countersigned: serde_json::Value = serde_json::from_str(&handed.json).unwrap();
        let certificate = &tracker.get(&alex).unwrap().record.credential;
        let tutor = crate::keys::did_key(&crate::keys::public_key(&[9; 32]));
        let accepted = crate::credential::countersign::accept(&countersigned, certificate, &[tutor]).unwrap();
        assert_eq!((accepted.organisation.as_str(), accepted.issued_at.as_str()), ("Riverside College", "2026-11-28T09:00:00Z"));
        let gone = EntryKey { learner_key: "nobody".into(), bundle: "t".into() };
        assert!(tracker.countersign(&gone, &signer, "2026-11-28T09:00:00Z", "urn:uuid:3").is_err());
        // Several at once: each gets its own credential id; a missing one is named.
        let mut ids = (4..).map(|n| format!("urn:uuid:{n}"));
        let both = tracker.countersign_each([&alex, &gone], &signer, "2026-11-28T09:00:00Z", || ids.next().unwrap());
        assert_eq!(both.handed_back.len(), 1);
        assert!(both.handed_back[0].json.contains("urn:uuid:4"));
        assert_eq!(both.refused, ["This record is no longer in the tracker."]);
        let restored = Tracker::from_entries(tracker.entries().into_iter().cloned());
        assert_eq!(restored.get(&alex), tracker.get(&alex));
        let sam = tracker.entries()[1].key();
        assert!(tracker.remove(&sam) && !tracker.remove(&sam));
        assert_eq!(tracker.len(), 1);
        let csv = restored.csv();
        let expected = [
            "Learner,Placement,Version,Status,Score,Completed (learner's device clock),Countersigned (tutor's clock)",
            "'=Alex,T,1.0.0,\"Completed (checked, countersigned)\",12/14,2026-11-25T11:00:00Z,2026-11-28T09:00:00Z",
            r#""Sam, ""the"" learner",T,1.0.0,Completed (checked),12/14,2026-11-26T10:00:00Z,"#,
        ];
        assert_eq!(csv, expected.iter().map(|line| format!("{line}\r\n")).collect::<String>());
    }

    #[test]
    fn every_kind_of_bad_file_has_its_own_message_and_changes_nothing() {
        let bundle = crate::testing::bundle();
        let find = |id: &str, version: &str| (id == "t" && version == "1.0.0").then_some((&bundle, "ab12"));
        let nothing = |_: &str, _: &str| None;
        let mut tracker = Tracker::default();
        let good = record_for("Sam", 1, "2026-11-25T10:00:00Z");
        tracker.import(&good, &assignment(), &find).unwrap();
        let other_cohort = String::from_utf8(good.clone()).unwrap().replace("\"assignment\":\"a1\"", "\"assignment\":\"b7\"");
        let tampered = String::from_utf8(good.clone()).unwrap().replace("12/14", "14/14");
        let cases: [(&[u8], Placements, &str); 5] = [
            (b"just some notes", &find, "not a Wex completion record"),
            (other_cohort.as_bytes(), &find, "another cohort"),
            (tampered.as_bytes(), &find, "fails the signature check"),
            (&good, &nothing, "which you do not have"),
            (&vec![b' '; crate::credential::record::MAX_RECORD_BYTES + 1], &find, "too large"),
        ];
        for (bytes, placements, message) in cases {
            let error = tracker.import(bytes, &assignment(), placements).unwrap_err();
            assert!(error.contains(message), "{message}: {error}");
        }
        assert_eq!(tracker.entries().len(), 1);
    }

    #[test]
    fn an_import_report_counts_each_outcome_and_names_what_changed_and_what_was_refused() {
        let bundle = crate::testing::bundle();
        let find = |id: &str, version: &str| (id == "t" && version == "1.0.0").then_some((&bundle, "ab12"));
        let mut tracker = Tracker::default();
        let mut report = ImportReport::default();
        assert!(report.is_empty());
        let sam = record_for("Sam", 1, "2026-11-25T10:00:00Z");
        for (file, bytes) in [("sam.json", &sam), ("sam-again.json", &sam), ("notes.txt", &b"notes".to_vec()), ("alex.json", &record_for("Alex", 2, "2026-11-25T11:00:00Z"))] {
            report.add(file.into(), tracker.import(bytes, &assignment(), &find));
        }
        assert_eq!(report.summary(), "4 files checked: 2 added, 1 already imported, 1 could not be imported.");
        let refused: Vec<(&str, &str)> = report.refused().collect();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, "notes.txt");
        assert!(refused[0].1.contains("not a Wex completion record"), "{}", refused[0].1);
        let changed: Vec<&EntryKey> = report.changed().iter().collect();
        assert_eq!(changed, tracker.entries().into_iter().map(|e| e.key()).collect::<BTreeSet<_>>().iter().collect::<Vec<_>>());
        let mut one = ImportReport::default();
        one.add("alex.json".into(), tracker.import(&record_for("Alex", 2, "2026-11-25T11:00:00Z"), &assignment(), &find));
        assert_eq!(one.summary(), "1 file checked: 1 already imported.");
        assert!(one.changed().is_empty());
    }
}
