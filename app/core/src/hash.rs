//! Content hashes: a leaf module, so that packing, keys and credentials can all hash
//! without depending on each other.

use sha2::{Digest, Sha256};

/// Lowercase hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of `bytes` in standard base64, as a Content-Security-Policy hash
/// source (`'sha256-...'`) writes it.
pub fn sha256_base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
}
