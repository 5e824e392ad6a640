//! Profile PINs, stored only as a salted, slow hash (PBKDF2-HMAC-SHA256).
//!
//! What this protects against, honestly: another person on a shared device opening
//! a learner's profile in Wex. It does not encrypt the learner's answers; someone
//! with access to the browser's storage tools can still read them.

use serde::{Deserialize, Serialize};

/// Enough rounds to make guessing every 4-digit PIN take noticeable time, few
/// enough that checking one PIN on a school Chromebook takes well under a second.
pub const ITERATIONS: u32 = 60_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: [u8; 16],
    pub hash: [u8; 32],
    pub iterations: u32,
}

/// Hashes a PIN with a fresh salt the caller got from a secure random source.
pub fn hash_pin(pin: &str, salt: [u8; 16]) -> PinHash {
    PinHash { salt, hash: derive(pin, &salt, ITERATIONS), iterations: ITERATIONS }
}

/// Whether a PIN matches a stored hash (in constant time over the hash bytes).
pub fn check_pin(pin: &str, stored: &PinHash) -> bool {
    let derived = derive(pin, &stored.salt, stored.iterations);
    derived.iter().zip(stored.hash.iter()).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0
}

/// A PIN is 4 to 8 digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

fn derive(pin: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pin.as_bytes(), salt, iterations, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_pin_matches_and_wrong_ones_do_not() {
        let stored = hash_pin("4821", [1; 16]);
        assert!(check_pin("4821", &stored));
        assert!(!check_pin("4822", &stored));
        assert_ne!(hash_pin("4821", [2; 16]).hash, stored.hash, "the salt changes the hash");
        assert!(is_valid_pin("0000") && is_valid_pin("12345678"));
        assert!(!is_valid_pin("123") && !is_valid_pin("12a4") && !is_valid_pin("123456789"));
    }

    #[test]
    fn matches_a_known_pbkdf2_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first 32 bytes.
        let got = derive("passwd", b"salt", 1);
        let hex: String = got.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }
}
