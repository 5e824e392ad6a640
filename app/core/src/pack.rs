//! Packed bundles and the bundle index: the files a site serves and a school is sent.
//!
//! A packed bundle is one JSON file:
//! `{"wex":"bundle","format":1,"sha256":"…","bundle":{…}}`. The hash is the SHA-256
//! of the `bundle` value's bytes exactly as they stand in the file, so checking it
//! needs no re-serialization, and packing the same bundle twice gives the same bytes.

use crate::bundle::{Bundle, Listing};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use std::fmt;

/// The packed format this build of Wex writes and the newest it reads.
pub const FORMAT: u32 = 1;

/// The largest packed file Wex will open (32 MiB).
pub const MAX_PACKED_BYTES: usize = 32 * 1024 * 1024;

/// The file name of the index in a folder of packed bundles.
pub const INDEX_FILE: &str = "index.json";

/// A packed bundle whose hash has been checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    /// Lowercase hex SHA-256 of the bundle's bytes.
    pub sha256: String,
    pub bundle: Bundle,
}

/// Why a file could not be opened as a packed bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnpackError {
    TooLarge { bytes: usize },
    NotWex,
    NewerFormat { format: u32 },
    HashMismatch { stated: String, actual: String },
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
    #[serde(borrow)]
    bundle: &'a RawValue,
}

/// Packs a bundle into its file bytes. Deterministic: the same bundle always gives
/// the same bytes.
pub fn pack(bundle: &Bundle) -> Vec<u8> {
    let body = serde_json::to_string(bundle).expect("a Bundle always serializes");
    let sha256 = sha256_hex(body.as_bytes());
    let raw = RawValue::from_string(body).expect("serde_json output is valid JSON");
    let out = PackedOut { wex: "bundle", format: FORMAT, sha256: &sha256, bundle: &raw };
    let mut bytes = serde_json::to_vec(&out).expect("a packed bundle always serializes");
    bytes.push(b'\n');
    bytes
}

/// Opens a packed file, checking its size, format and hash.
pub fn unpack(bytes: &[u8]) -> Result<Packed, UnpackError> {
    if bytes.len() > MAX_PACKED_BYTES {
        return Err(UnpackError::TooLarge { bytes: bytes.len() });
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|_| UnpackError::NotWex)?;
    if header.wex != "bundle" {
        return Err(UnpackError::NotWex);
    }
    if header.format > FORMAT {
        return Err(UnpackError::NewerFormat { format: header.format });
    }
    let packed: PackedIn = serde_json::from_slice(bytes).map_err(|e| UnpackError::Malformed(e.to_string()))?;
    let actual = sha256_hex(packed.bundle.get().as_bytes());
    if actual != packed.sha256 {
        return Err(UnpackError::HashMismatch { stated: packed.sha256, actual });
    }
    let bundle: Bundle = serde_json::from_str(packed.bundle.get()).map_err(|e| UnpackError::Malformed(e.to_string()))?;
    Ok(Packed { sha256: actual, bundle })
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
    /// The packed file's name, relative to the index.
    pub file: String,
    pub sha256: String,
    pub listing: Listing,
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

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Module, Page, Publisher, Step};
    use crate::doc::{Block, Inline};

    fn sample() -> Bundle {
        Bundle {
            id: "demo".into(),
            version: "1.0.0".into(),
            title: "Demo".into(),
            summary: "A demo".into(),
            publisher: Publisher { name: "Example Trust".into() },
            modules: vec![Module {
                id: "one".into(),
                title: "One".into(),
                minutes: Some(5),
                steps: vec![Step::Page(Page {
                    id: "hello".into(),
                    title: "Hello".into(),
                    body: vec![Block::Paragraph(vec![Inline::Text("Hi \"there\" é".into())])],
                })],
            }],
        }
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
    }
}
