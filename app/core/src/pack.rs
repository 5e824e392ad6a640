//! Packed bundles and the bundle index: the files a site serves and a school is sent.
//!
//! A packed bundle is one JSON file:
//! `{"wex":"bundle","format":1,"sha256":"…","bundle":{…}}`. The hash is the SHA-256
//! of the `bundle` value's bytes exactly as they stand in the file, so checking it
//! needs no re-serialization, and packing the same bundle twice gives the same bytes.

use crate::bundle::{Bundle, Listing};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
pub use crate::hash::sha256_hex;
use std::fmt;

/// The packed format this build of Wex writes and the newest it reads.
pub const FORMAT: u32 = 1;

/// The largest packed file Wex will open (32 MiB).
pub const MAX_PACKED_BYTES: usize = 32 * 1024 * 1024;

/// The file name of the index in a folder of packed bundles.
pub const INDEX_FILE: &str = "index.json";

/// A packed bundle whose hash (and signature, if it has one) has been checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    /// Lowercase hex SHA-256 of the bundle's bytes.
    pub sha256: String,
    /// The `did:key` of the publisher key whose signature over the bundle verified.
    pub signed_by: Option<String>,
    pub bundle: Bundle,
}

/// A publisher's Ed25519 signature over the bundle's bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackSignature {
    /// The signing key, as a `did:key`.
    pub key: String,
    /// The signature, base64url without padding.
    pub value: String,
}

/// Why a file could not be opened as a packed bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnpackError {
    TooLarge { bytes: usize },
    NotWex,
    NewerFormat { format: u32 },
    HashMismatch { stated: String, actual: String },
    BadSignature(String),
    /// Nested deeper than [`crate::nesting::MAX_DEPTH`] (a checked bundle never is):
    /// the page where it does, when known.
    TooDeep(Option<String>),
    Malformed(String),
}

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnpackError::TooLarge { bytes } => write!(
                f,
                "this file is {} MB; a placement file can be at most {} MB",
                bytes / (1024 * 1024),
                MAX_PACKED_BYTES / (1024 * 1024)
            ),
            UnpackError::NotWex => write!(f, "this is not a Wex placement file"),
            UnpackError::NewerFormat { format } => write!(
                f,
                "this placement needs a newer version of Wex (it uses format {format}; this version reads up to format {FORMAT})"
            ),
            UnpackError::HashMismatch { .. } => {
                write!(f, "this placement file has been changed or damaged since it was packed (its content hash does not match)")
            }
            UnpackError::BadSignature(why) => write!(f, "this placement file's publisher signature is not valid: {why}"),
            UnpackError::TooDeep(place) => {
                write!(f, "this placement file nests its content more than {} levels deep", crate::nesting::MAX_DEPTH)?;
                if let Some(place) = place {
                    write!(f, " (in \"{place}\")")?;
                }
                write!(f, ", which Wex does not open; `wex check` would have refused it")
            }
            UnpackError::Malformed(why) => write!(f, "this placement file is damaged: {why}"),
        }
    }
}

impl std::error::Error for UnpackError {}

#[derive(Serialize)]
struct PackedOut<'a> {
    wex: &'static str,
    format: u32,
    sha256: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    signature: Option<&'a PackSignature>,
    bundle: &'a RawValue,
}

#[derive(Deserialize)]
struct Header {
    wex: String,
    format: u32,
}

#[derive(Deserialize)]
struct PackedIn<'a> {
    sha256: String,
    signature: Option<PackSignature>,
    #[serde(borrow)]
    bundle: &'a RawValue,
}

/// Packs a bundle into its file bytes. Deterministic: the same bundle always gives
/// the same bytes.
pub fn pack(bundle: &Bundle) -> Vec<u8> {
    let body = serde_json::to_string(bundle).expect("a Bundle always serializes");
    write_packed(&body, None)
}

fn write_packed(body: &str, signature: Option<&PackSignature>) -> Vec<u8> {
    let sha256 = sha256_hex(body.as_bytes());
    let raw = RawValue::from_string(body.to_string()).expect("serde_json output is valid JSON");
    let out = PackedOut { wex: "bundle", format: FORMAT, sha256: &sha256, signature, bundle: &raw };
    let mut bytes = serde_json::to_vec(&out).expect("a packed bundle always serializes");
    bytes.push(b'\n');
    bytes
}

/// Adds (or replaces) the publisher's signature on a packed file, after checking it.
pub fn sign(bytes: &[u8], seed: &[u8; 32]) -> Result<Vec<u8>, UnpackError> {
    unpack(bytes)?;
    let packed: PackedIn = serde_json::from_slice(bytes).map_err(|e| UnpackError::Malformed(e.to_string()))?;
    let body = packed.bundle.get();
    let public = crate::keys::public_key(seed);
    let value = crate::keys::sign(seed, body.as_bytes());
    let signature = PackSignature { key: crate::keys::did_key(&public), value: base64url(&value) };
    Ok(write_packed(body, Some(&signature)))
}

fn base64url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Opens a packed file, checking its size, format and hash.
pub fn unpack(bytes: &[u8]) -> Result<Packed, UnpackError> {
    if bytes.len() > MAX_PACKED_BYTES {
        return Err(UnpackError::TooLarge { bytes: bytes.len() });
    }
    // From text, like every other parse in the app (one copy of each deserializer).
    let text = std::str::from_utf8(bytes).map_err(|_| UnpackError::NotWex)?;
    let header: Header = serde_json::from_str(text).map_err(|_| UnpackError::NotWex)?;
    if header.wex != "bundle" {
        return Err(UnpackError::NotWex);
    }
    if header.format > FORMAT {
        return Err(UnpackError::NewerFormat { format: header.format });
    }
    // Measured first, so that a file serde_json would refuse for its depth is called
    // too deep rather than damaged.
    if crate::nesting::json_depth(text) >= crate::nesting::JSON_MAX_DEPTH {
        return Err(UnpackError::TooDeep(None));
    }
    let packed: PackedIn = serde_json::from_str(text).map_err(|e| UnpackError::Malformed(e.to_string()))?;
    let actual = sha256_hex(packed.bundle.get().as_bytes());
    if actual != packed.sha256 {
        return Err(UnpackError::HashMismatch { stated: packed.sha256, actual });
    }
    let signed_by = match &packed.signature {
        None => None,
        Some(signature) => {
            use base64::Engine as _;
            let key = crate::keys::parse_did_key(&signature.key).map_err(UnpackError::BadSignature)?;
            let value: [u8; 64] = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(&signature.value)
                .ok()
                .and_then(|v| v.try_into().ok())
                .ok_or_else(|| UnpackError::BadSignature("the signature is not 64 bytes of base64url".into()))?;
            if !crate::keys::verify(&key, packed.bundle.get().as_bytes(), &value) {
                return Err(UnpackError::BadSignature("it does not match the content, or was made with another key".into()));
            }
            Some(signature.key.clone())
        }
    };
    let bundle: Bundle = serde_json::from_str(packed.bundle.get()).map_err(|e| UnpackError::Malformed(e.to_string()))?;
    if let Some(place) = crate::nesting::bundle_too_deep(&bundle) {
        return Err(UnpackError::TooDeep(Some(place)));
    }
    // The id becomes an address, a storage key and a file name: a hand-made file
    // must not smuggle in one that `wex check` would have refused.
    if !crate::bundle::is_valid_id(&bundle.id) {
        return Err(UnpackError::Malformed("its id is not one Wex can use".into()));
    }
    Ok(Packed { sha256: actual, signed_by, bundle })
}

/// The file name a packed bundle gets in a bundles folder.
pub fn file_name(bundle: &Bundle) -> String {
    format!("{}-{}.wex.json", bundle.id, bundle.version)
}

/// `index.json` of a bundles folder: what the catalogue lists, and where each file is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub wex: String,
    pub format: u32,
    pub bundles: Vec<IndexEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// Where the packed file is.
    pub file: Location,
    pub sha256: String,
    pub listing: Listing,
}

/// Where an index entry's packed file is. Written in `index.json` as the file's
/// name, or as `device:<id>` for a placement added on the device (which only the
/// device's own index, never a site's file, holds).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// A file beside the index, by name.
    Site(String),
    /// A placement added on this device, kept in its storage, by id.
    Device(String),
}

const ON_THIS_DEVICE: &str = "device:";

impl Location {
    /// As written in an index.
    pub fn key(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Location::Site(file) => std::borrow::Cow::Borrowed(file),
            Location::Device(id) => std::borrow::Cow::Owned(format!("{ON_THIS_DEVICE}{id}")),
        }
    }

    /// Reads a location as written in an index.
    pub fn parse(key: &str) -> Location {
        match key.strip_prefix(ON_THIS_DEVICE) {
            Some(id) => Location::Device(id.to_string()),
            None => Location::Site(key.to_string()),
        }
    }

    pub fn is_on_device(&self) -> bool {
        matches!(self, Location::Device(_))
    }
}

/// Ordered as written, so an index sorts as it always has.
impl Ord for Location {
    fn cmp(&self, other: &Location) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Location {
    fn partial_cmp(&self, other: &Location) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Location, D::Error> {
        Ok(Location::parse(&std::borrow::Cow::<str>::deserialize(deserializer)?))
    }
}

impl Index {
    /// An index of packed bundles, sorted by id then version so it is deterministic.
    pub fn new(mut bundles: Vec<IndexEntry>) -> Index {
        bundles.sort_by(|a, b| (&a.listing.id, &a.listing.version, &a.file).cmp(&(&b.listing.id, &b.listing.version, &b.file)));
        Index { wex: "index".into(), format: FORMAT, bundles }
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("an index always serializes");
        text.push('\n');
        text
    }

    pub fn parse(text: &str) -> Result<Index, String> {
        let index: Index = serde_json::from_str(text).map_err(|e| format!("the placement index is damaged: {e}"))?;
        if index.wex != "index" {
            return Err("the placement index is not a Wex index".into());
        }
        Ok(index)
    }
}


#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bundle::*;
    use crate::doc::{Block, Inline};

    pub(crate) fn sample() -> Bundle {
        Bundle {
            id: "demo".into(),
            version: "1.0.0".into(),
            title: "Demo".into(),
            summary: "A demo".into(),
            publisher: Publisher { name: "Example Trust".into(), key: None },
            licence: "CC BY 4.0".into(),
            audience: Audience { min_age: 14, max_age: None },
            career_areas: vec![CareerArea::Nursing],
            minutes: 5,
            content_warnings: vec![],
            learning_outcomes: vec!["Know things".into()],
            completion: Completion { required_modules: vec!["one".into()], pass_mark: 0 },
            modules: vec![Module {
                id: "one".into(),
                title: "One".into(),
                kind: ModuleKind::Reading,
                minutes: 5,
                summary: String::new(),
                content_warnings: vec![],
                steps: vec![Step {
                    id: "hello".into(),
                    title: "Hello".into(),
                    before: vec![Block::Paragraph(vec![Inline::Text("Hi \"there\" é".into())])],
                    activity: None,
                    after: vec![],
                }],
            }],
            media: Default::default(),
            nation: Some(Nation::England),
            sources: vec![],
        }
    }

    #[test]
    fn signatures_are_checked_against_the_content() {
        let seed = [3; 32];
        let signed = sign(&pack(&sample()), &seed).unwrap();
        assert_eq!(signed, sign(&pack(&sample()), &seed).unwrap(), "signing is deterministic");
        let packed = unpack(&signed).unwrap();
        assert_eq!(packed.signed_by, Some(crate::keys::did_key(&crate::keys::public_key(&seed))));
        // Change the content and fix the hash: the signature no longer matches.
        let mut other = sample();
        other.title = "Changed".into();
        let body = serde_json::to_string(&other).unwrap();
        let text = String::from_utf8(signed).unwrap();
        let header_end = text.find("\"bundle\":").unwrap();
        let forged = format!("{}\"bundle\":{}}}\n", text[..header_end].replace(&packed.sha256, &sha256_hex(body.as_bytes())), body);
        assert!(matches!(unpack(forged.as_bytes()), Err(UnpackError::BadSignature(_))), "{forged}");
    }

    #[test]
    fn round_trip_is_deterministic() {
        let bytes = pack(&sample());
        assert_eq!(bytes, pack(&sample()));
        let packed = unpack(&bytes).unwrap();
        assert_eq!(packed.bundle, sample());
        assert_eq!(packed.sha256.len(), 64);
    }

    #[test]
    fn any_changed_content_byte_is_caught() {
        let bytes = pack(&sample());
        let text = String::from_utf8(bytes.clone()).unwrap();
        let start = text.find("\"bundle\":").unwrap() + 9;
        for at in start..bytes.len() - 2 {
            let mut tampered = bytes.clone();
            tampered[at] ^= 0x01;
            assert!(unpack(&tampered).is_err(), "flipping byte {at} went unnoticed");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(unpack(b"hello"), Err(UnpackError::NotWex));
        assert_eq!(unpack(b"{\"wex\":\"index\",\"format\":1}"), Err(UnpackError::NotWex));
        let newer = String::from_utf8(pack(&sample())).unwrap().replace("\"format\":1", "\"format\":2");
        assert_eq!(unpack(newer.as_bytes()), Err(UnpackError::NewerFormat { format: 2 }));
        assert!(unpack(&vec![b' '; MAX_PACKED_BYTES + 1]).unwrap_err().to_string().contains("at most 32 MB"));
        let truncated = pack(&sample());
        assert!(unpack(&truncated[..truncated.len() / 2]).is_err());
        // Hash and all correct, but an id no bundle folder could have.
        let mut odd = sample();
        odd.id = "../settings".into();
        assert_eq!(unpack(&pack(&odd)), Err(UnpackError::Malformed("its id is not one Wex can use".into())));
    }
}
