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

/// Wrong PINs in a row that are answered at once; after these, each try waits.
pub const FREE_TRIES: u32 = 5;

/// How long (in milliseconds) a learner must wait for their next try after
/// `failures` wrong PINs in a row: nothing while fewer than [`FREE_TRIES`], then
/// 30 seconds, doubling with each wrong PIN up to 15 minutes. A 4-digit PIN then takes
/// days to guess by hand instead of minutes. The count is kept with the profile on
/// the device, so reloading the page does not reset it.
pub fn wait_after(failures: u32) -> u64 {
    const FIRST_WAIT_MS: u64 = 30_000;
    const LONGEST_WAIT_MS: u64 = 15 * 60_000;
    match failures.checked_sub(FREE_TRIES) {
        None => 0,
        Some(extra) => FIRST_WAIT_MS.saturating_mul(1u64 << extra.min(16)).min(LONGEST_WAIT_MS),
    }
}

/// How many milliseconds are left before the next try is allowed, given the wrong
/// PINs in a row and when the last one was typed (by the device's clock; a clock
/// set back never makes the wait longer than it should be).
pub fn wait_left(failures: u32, last_failure_ms: u64, now_ms: u64) -> u64 {
    let wait = wait_after(failures);
    let elapsed = now_ms.saturating_sub(last_failure_ms);
    if now_ms < last_failure_ms {
        return wait;
    }
    wait.saturating_sub(elapsed)
}

/// Wrong PINs typed in a row for one profile, and when the last one was typed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tries {
    pub failures: u32,
    pub last_failure_ms: u64,
}

impl Tries {
    /// Milliseconds to wait before the next try is allowed (0: try now).
    pub fn wait_left(&self, now_ms: u64) -> u64 {
        wait_left(self.failures, self.last_failure_ms, now_ms)
    }

    /// After a wrong PIN.
    pub fn failed(self, now_ms: u64) -> Tries {
        Tries { failures: self.failures.saturating_add(1), last_failure_ms: now_ms }
    }
}

/// "2 minutes", "30 seconds": how long a wait is, rounded up, for the learner.
pub fn wait_in_words(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    if seconds > 60 {
        crate::words::plural(seconds.div_ceil(60) as usize, "minute")
    } else {
        crate::words::plural(seconds as usize, "second")
    }
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
    fn wrong_pins_slow_down_after_five() {
        assert_eq!((0..5).map(wait_after).collect::<Vec<_>>(), vec![0; 5], "five tries at once");
        assert_eq!(wait_after(5), 30_000, "then a wait before the sixth");
        assert_eq!(wait_after(6), 60_000);
        assert_eq!(wait_after(7), 120_000);
        assert_eq!(wait_after(10), 900_000, "at most 15 minutes");
        assert_eq!(wait_after(u32::MAX), 900_000);
        assert_eq!(wait_left(6, 1_000, 31_000), 30_000);
        assert_eq!(wait_left(6, 1_000, 61_000), 0);
        assert_eq!(wait_left(6, 100_000, 5_000), 60_000, "a clock set back waits the full time");
        assert_eq!(wait_left(3, 1_000, 1_000), 0);
        let tries = (0..6).fold(Tries::default(), |t, i| t.failed(i * 10));
        assert_eq!(tries, Tries { failures: 6, last_failure_ms: 50 });
        assert_eq!(tries.wait_left(50), 60_000);
        assert_eq!(wait_in_words(60_000), "60 seconds");
        assert_eq!(wait_in_words(61_000), "2 minutes");
        assert_eq!(wait_in_words(1), "1 second");
    }

    #[test]
    fn matches_a_known_pbkdf2_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64), first 32 bytes.
        let got = derive("passwd", b"salt", 1);
        let hex: String = got.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    }
}
