//! Adding a placement to a device from a packed file: whether it may be
//! added, said honestly. Who signed it (a publisher this site trusts, a key it does
//! not know, or nobody), and what adding it would change (a new placement, a newer
//! or older version, or the same id from another publisher).

use crate::keys::{did_fingerprint, parse_did_key};
use crate::pack::Packed;
use crate::progress::{Action, Record};
use crate::version::Version;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The file next to a site's index that lists the publishers it trusts.
pub const PUBLISHERS_FILE: &str = "publishers.json";

/// A publisher a site trusts: a name and its key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustedPublisher {
    pub name: String,
    /// The publisher's `did:key`, as `wex keygen` prints it.
    pub key: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublisherList {
    pub wex: String,
    pub format: u32,
    pub publishers: Vec<TrustedPublisher>,
}

impl PublisherList {
    /// Reads `publishers.json`; a site without one trusts no publisher.
    pub fn parse(text: &str) -> Result<Vec<TrustedPublisher>, String> {
        let list: PublisherList = serde_json::from_str(text).map_err(|e| format!("the site's list of publishers is damaged: {e}"))?;
        if list.wex != "publishers" {
            return Err("the site's list of publishers is not a Wex publisher list".into());
        }
        if let Some(bad) = list.publishers.iter().find(|p| parse_did_key(&p.key).is_err()) {
            return Err(format!("the site's list of publishers has a key for “{}” that is not a did:key", bad.name));
        }
        Ok(list.publishers)
    }
}

/// Who signed a placement, as the learner is told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Signature {
    /// Signed with a key on the site's list.
    Trusted { publisher: String },
    /// Signed, with a key the site does not list.
    Unknown { fingerprint: String },
    Unsigned,
}

impl Signature {
    pub fn of(packed: &Packed, trusted: &[TrustedPublisher]) -> Signature {
        match &packed.signed_by {
            None => Signature::Unsigned,
            Some(key) => match trusted.iter().find(|p| &p.key == key) {
                Some(p) => Signature::Trusted { publisher: p.name.clone() },
                None => Signature::Unknown { fingerprint: did_fingerprint(key).unwrap_or_default() },
            },
        }
    }

    pub fn label(&self) -> String {
        match self {
            Signature::Trusted { publisher } => format!("Signed by {publisher}"),
            Signature::Unknown { fingerprint } => format!("Signed, publisher key not on this site's list (key {fingerprint})"),
            Signature::Unsigned => "Not signed".into(),
        }
    }

    pub fn trusted(&self) -> bool {
        matches!(self, Signature::Trusted { .. })
    }
}

/// The version of a placement already on the device (or the site).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Installed {
    pub version: String,
    pub sha256: String,
    /// The key that signed it, if any.
    pub signed_by: Option<String>,
}

/// What adding a packed file would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    New,
    /// This exact file is already there: nothing to do.
    AlreadyThere,
    Newer { from: String },
    /// The same version number with different content.
    SameVersionDifferent,
    Older { installed: String },
}

/// The verdict on a packed file, before the learner decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub signature: Signature,
    pub change: Change,
    /// Why the learner must confirm before it is added; empty when it may simply be added.
    pub confirm: Vec<String>,
}

/// Decides what adding `packed` means, given the trusted publishers and the version
/// already there.
pub fn assess(packed: &Packed, trusted: &[TrustedPublisher], installed: Option<&Installed>) -> Assessment {
    let signature = Signature::of(packed, trusted);
    let mut confirm = Vec::new();
    match &signature {
        Signature::Trusted { .. } => {}
        Signature::Unknown { fingerprint } => confirm.push(format!(
            "It is signed with a key that is not on this site's list of publishers (key {fingerprint}). Add it only if you know it comes from “{}”.",
            packed.bundle.publisher.name
        )),
        Signature::Unsigned => confirm.push(format!(
            "It is not signed, so nothing shows it comes from “{}”. Add it only if you trust where you got the file.",
            packed.bundle.publisher.name
        )),
    }
    let version = &packed.bundle.version;
    let change = match installed {
        None => Change::New,
        Some(there) if there.sha256 == packed.sha256 => Change::AlreadyThere,
        Some(there) => {
            if there.signed_by.is_some() && there.signed_by != packed.signed_by {
                confirm.push(format!(
                    "The version you have now was signed by a different publisher key. This file may not come from the same publisher as “{}” {}.",
                    packed.bundle.title, there.version
                ));
            }
            match (Version::parse(version), Version::parse(&there.version)) {
                (Some(new), Some(old)) => match new.cmp(&old) {
                    Ordering::Greater => Change::Newer { from: there.version.clone() },
                    Ordering::Equal => Change::SameVersionDifferent,
                    Ordering::Less => Change::Older { installed: there.version.clone() },
                },
                _ => Change::SameVersionDifferent,
            }
        }
    };
    match &change {
        Change::Older { installed } => confirm.push(format!("This is version {version}, older than version {installed}, which you have now. Adding it replaces the newer version.")),
        Change::SameVersionDifferent => confirm.push(format!("You already have version {version} with different content. Adding it replaces the one you have.")),
        _ => {}
    }
    Assessment { signature, change, confirm }
}

/// The site's index with the placements added on this device (each a listing and
/// its content hash). A device placement replaces the site's placement of the same
/// id, unless the site's is a newer version.
pub fn with_device_placements(mut index: crate::pack::Index, added: Vec<(crate::bundle::Listing, String)>) -> crate::pack::Index {
    for (listing, sha256) in added {
        let entry = crate::pack::IndexEntry { file: crate::pack::Location::Device(listing.id.clone()), sha256, listing };
        match index.bundles.iter().position(|e| e.listing.id == entry.listing.id) {
            Some(i) if is_newer(&index.bundles[i].listing.version, &entry.listing.version) => {}
            Some(i) => index.bundles[i] = entry,
            None => index.bundles.push(entry),
        }
    }
    index
}

fn is_newer(a: &str, b: &str) -> bool {
    matches!((Version::parse(a), Version::parse(b)), (Some(a), Some(b)) if a > b)
}

/// How many of a learner's answered steps are not in this version of the placement:
/// their answers are kept (and exported), but no step shows them. Only visiting or
/// finishing a step is not an answer.
pub fn answers_without_a_step(bundle: &crate::bundle::Bundle, records: &[Record]) -> usize {
    let steps: std::collections::HashSet<crate::progress::ItemId> =
        bundle.modules.iter().flat_map(|m| m.steps.iter().map(move |s| crate::progress::ItemId::step(&m.id, &s.id))).collect();
    let mut orphans: Vec<&str> = records
        .iter()
        .filter(|r| !matches!(r.action, Action::Visit | Action::Done | Action::Undone))
        .filter(|r| !r.item.is_certificate() && !steps.contains(&r.item))
        .map(|r| r.item.as_str())
        .collect();
    orphans.sort_unstable();
    orphans.dedup();
    orphans.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{pack, sign, unpack};

    fn packed(version: &str, seed: Option<u8>) -> Packed {
        let mut bundle = crate::pack::tests::sample();
        bundle.version = version.into();
        let bytes = pack(&bundle);
        let bytes = match seed {
            Some(s) => sign(&bytes, &[s; 32]).unwrap(),
            None => bytes,
        };
        unpack(&bytes).unwrap()
    }

    fn key(seed: u8) -> String {
        crate::keys::did_key(&crate::keys::public_key(&[seed; 32]))
    }

    fn installed(p: &Packed) -> Installed {
        Installed { version: p.bundle.version.clone(), sha256: p.sha256.clone(), signed_by: p.signed_by.clone() }
    }

    #[test]
    fn signatures_are_labelled_honestly() {
        let trusted = [TrustedPublisher { name: "Example Trust".into(), key: key(1) }];
        assert_eq!(Signature::of(&packed("1.0.0", Some(1)), &trusted).label(), "Signed by Example Trust");
        let unknown = Signature::of(&packed("1.0.0", Some(2)), &trusted).label();
        assert!(unknown.starts_with("Signed, publisher key not on this site's list (key "), "{unknown}");
        assert_eq!(Signature::of(&packed("1.0.0", None), &trusted).label(), "Not signed");
    }

    #[test]
    fn what_needs_confirming() {
        let trusted = [TrustedPublisher { name: "Example Trust".into(), key: key(1) }];
        let v1 = packed("1.0.0", Some(1));
        let v2 = packed("2.0.0", Some(1));
        let new = assess(&v1, &trusted, None);
        assert_eq!((new.change, new.confirm.len()), (Change::New, 0));
        let update = assess(&v2, &trusted, Some(&installed(&v1)));
        assert_eq!(update.change, Change::Newer { from: "1.0.0".into() });
        assert!(update.confirm.is_empty());
        assert_eq!(assess(&v1, &trusted, Some(&installed(&v1))).change, Change::AlreadyThere);

        let older = assess(&v1, &trusted, Some(&installed(&v2)));
        assert_eq!(older.change, Change::Older { installed: "2.0.0".into() });
        assert!(older.confirm[0].contains("older than version 2.0.0"));

        let other_key = assess(&packed("2.0.0", Some(3)), &trusted, Some(&installed(&v1)));
        assert_eq!(other_key.confirm.len(), 2, "unknown key and a different publisher: {:?}", other_key.confirm);
        assert!(other_key.confirm[1].contains("different publisher key"));

        let unsigned = assess(&packed("1.0.0", None), &trusted, None);
        assert!(unsigned.confirm[0].contains("not signed"));
    }

    #[test]
    fn publisher_lists_are_checked() {
        let good = format!(r#"{{"wex":"publishers","format":1,"publishers":[{{"name":"Example Trust","key":"{}"}}]}}"#, key(1));
        assert_eq!(PublisherList::parse(&good).unwrap()[0].name, "Example Trust");
        assert!(PublisherList::parse(r#"{"wex":"publishers","format":1,"publishers":[{"name":"X","key":"nope"}]}"#).unwrap_err().contains("not a did:key"));
        assert!(PublisherList::parse("[]").is_err());
    }

    #[test]
    fn answers_to_steps_that_went_away_are_counted() {
        let bundle = crate::pack::tests::sample();
        let at = |item: &str, action: Action| Record { bundle: "demo".into(), item: crate::progress::ItemId::parse(item), at_ms: 1, action };
        let reveal = || Action::Reveal { index: 0 };
        let records = [
            at("one/hello", reveal()),
            at("one/gone", reveal()),
            at("one/gone", Action::Share { shared: true }),
            at("old/step", reveal()),
            at("old/visited", Action::Visit),
            at("certificate", Action::Certified { credential: "{}".into() }),
        ];
        assert_eq!(answers_without_a_step(&bundle, &records), 2);
    }

    #[test]
    fn placements_added_here_join_the_site_index() {
        let listing = |id: &str, version: &str| {
            let mut bundle = crate::pack::tests::sample();
            (bundle.id, bundle.version) = (id.into(), version.into());
            bundle.listing()
        };
        let site = |id: &str, version: &str| crate::pack::IndexEntry { file: crate::pack::Location::Site(format!("{id}-{version}.wex.json")), sha256: "site".into(), listing: listing(id, version) };
        let index = crate::pack::Index::new(vec![site("kept", "2.0.0"), site("replaced", "1.0.0")]);
        let added = vec![
            (listing("kept", "1.5.0"), "older".to_string()),
            (listing("replaced", "1.1.0"), "newer".to_string()),
            (listing("only-here", "1.0.0"), "mine".to_string()),
        ];
        let merged = with_device_placements(index, added);
        let files: Vec<(&str, String, &str)> = merged.bundles.iter().map(|e| (e.listing.id.as_str(), e.file.key().into_owned(), e.sha256.as_str())).collect();
        assert_eq!(
            files,
            [("kept", "kept-2.0.0.wex.json".to_string(), "site"), ("replaced", "device:replaced".into(), "newer"), ("only-here", "device:only-here".into(), "mine")]
        );
    }
}
