//! A tutor's identity: name, organisation and an Ed25519 signing key, kept on their
//! device encrypted with a passphrase, and backed up as a file that is just as
//! locked. Randomness (the seed, salt and nonce) comes from the caller.
//!
//! The key is sealed with XChaCha20-Poly1305 under a key derived from the
//! passphrase by PBKDF2-HMAC-SHA256. A wrong passphrase, or a file changed by a
//! single byte, fails the Poly1305 tag, so it is told apart from a damaged file.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256. The tutor types the passphrase once
/// a session; slowing down someone guessing at a copied backup file matters more.
pub const ITERATIONS: u32 = 600_000;

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// The tutor's signing key, sealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedKey {
    /// How the sealing key is derived: always `pbkdf2-sha256` for now.
    pub kdf: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
    /// Base64, 24 bytes.
    pub nonce: String,
    /// Base64: the 32-byte seed and the 16-byte tag.
    pub sealed: String,
}

/// Who the tutor is, with their sealed key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub name: String,
    pub organisation: String,
    /// The public key as a `did:key`, readable without the passphrase.
    pub did: String,
    pub key: SealedKey,
}

/// A field of the tutor's set-up form, for placing its error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetUpField {
    Name,
    Organisation,
    Passphrase,
    Confirm,
}

/// What a tutor typed to set up their area, before it is checked.
pub struct SetUp<'a> {
    pub name: &'a str,
    pub organisation: &'a str,
    pub passphrase: &'a str,
    pub confirm: &'a str,
}

impl SetUp<'_> {
    /// Every problem with the form, each with the field it belongs to, in the
    /// order the fields appear; empty when the identity can be made.
    pub fn problems(&self) -> Vec<(SetUpField, String)> {
        let mut problems = Vec::new();
        let (name, organisation) = (self.name.trim(), self.organisation.trim());
        if name.is_empty() {
            problems.push((SetUpField::Name, "Enter your name".to_string()));
        } else if name.chars().count() > 80 {
            problems.push((SetUpField::Name, "Your name must be 80 characters or fewer".to_string()));
        }
        if organisation.is_empty() {
            problems.push((SetUpField::Organisation, "Enter your school or college".to_string()));
        } else if organisation.chars().count() > 120 {
            problems.push((SetUpField::Organisation, "The name of your school or college must be 120 characters or fewer".to_string()));
        }
        if self.passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            problems.push((
                SetUpField::Passphrase,
                format!("Your passphrase must be at least {MIN_PASSPHRASE_CHARS} characters. Three random words make a strong one."),
            ));
        } else if self.passphrase != self.confirm {
            problems.push((SetUpField::Confirm, "The two passphrases do not match.".to_string()));
        }
        problems
    }
}

impl Identity {
    /// A new identity for `seed`, sealed with `passphrase`.
    pub fn create(name: &str, organisation: &str, seed: &[u8; 32], passphrase: &str, salt: [u8; 16], nonce: [u8; 24]) -> Identity {
        Identity {
            name: name.trim().to_string(),
            organisation: organisation.trim().to_string(),
            did: crate::keys::did_key(&crate::keys::public_key(seed)),
            key: seal(seed, passphrase, salt, nonce, ITERATIONS),
        }
    }

    /// The signing key, if `passphrase` is right.
    pub fn unlock(&self, passphrase: &str) -> Result<[u8; 32], String> {
        let seed = open(&self.key, passphrase)?;
        if crate::keys::did_key(&crate::keys::public_key(&seed)) != self.did {
            return Err("This key does not belong to this identity: the file has been changed.".into());
        }
        Ok(seed)
    }

    /// A short fingerprint of the public key, for learners to compare.
    pub fn fingerprint(&self) -> String {
        crate::keys::did_fingerprint(&self.did).unwrap_or_default()
    }
}

fn sealing_key(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// Associated data naming what the sealed bytes are. (The public key is not sealed
/// with them; [`Identity::unlock`] checks it against the opened seed instead.)
const AAD: &[u8] = b"wex tutor key v1";

fn seal(seed: &[u8; 32], passphrase: &str, salt: [u8; 16], nonce: [u8; 24], iterations: u32) -> SealedKey {
    let cipher = XChaCha20Poly1305::new(&sealing_key(passphrase, &salt, iterations).into());
    let sealed = cipher.encrypt(XNonce::from_slice(&nonce), Payload { msg: seed, aad: AAD }).expect("sealing 32 bytes cannot fail");
    SealedKey { kdf: "pbkdf2-sha256".into(), iterations, salt: B64.encode(salt), nonce: B64.encode(nonce), sealed: B64.encode(sealed) }
}

fn open(key: &SealedKey, passphrase: &str) -> Result<[u8; 32], String> {
    let damaged = || "This key is damaged and cannot be opened.".to_string();
    if key.kdf != "pbkdf2-sha256" || !(1_000..=10_000_000).contains(&key.iterations) {
        return Err("This key was locked by a newer version of Wex.".into());
    }
    let salt = B64.decode(&key.salt).map_err(|_| damaged())?;
    let nonce = B64.decode(&key.nonce).map_err(|_| damaged())?;
    let sealed = B64.decode(&key.sealed).map_err(|_| damaged())?;
    if nonce.len() != 24 || sealed.len() != 48 {
        return Err(damaged());
    }
    let cipher = XChaCha20Poly1305::new(&sealing_key(passphrase, &salt, key.iterations).into());
    let seed = cipher
        .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad: AAD })
        .map_err(|_| "The passphrase is not right. Check it and try again.".to_string())?;
    seed.try_into().map_err(|_| damaged())
}

/// The backup file: the identity with its key still sealed.
#[derive(Serialize, Deserialize)]
struct Backup {
    wex: String,
    format: u32,
    identity: Identity,
}

/// The largest backup file Wex will read.
pub const MAX_BACKUP_BYTES: usize = 64 * 1024;

/// The identity as a backup file's text.
pub fn backup(identity: &Identity) -> String {
    serde_json::to_string_pretty(&Backup { wex: "tutor-key".into(), format: 1, identity: identity.clone() }).expect("identities serialise")
}

/// Reads a backup file; the passphrase is checked when it is unlocked.
pub fn restore(bytes: &[u8]) -> Result<Identity, String> {
    let not_backup = || "This is not a Wex tutor key backup. Choose the file you saved with “Back up your key”.".to_string();
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(not_backup());
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| not_backup())?;
    if value["wex"] != "tutor-key" {
        return Err(not_backup());
    }
    if value["format"].as_u64().unwrap_or(0) > 1 {
        return Err("This backup was made by a newer version of Wex.".into());
    }
    let backup: Backup = serde_json::from_value(value).map_err(|_| "This backup is damaged.".to_string())?;
    crate::keys::parse_did_key(&backup.identity.did).map_err(|_| "This backup is damaged.".to_string())?;
    Ok(backup.identity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Identity {
        // Few rounds keep the test quick; the format records the count used.
        let seed = [5; 32];
        Identity {
            name: "Ms Patel".into(),
            organisation: "Riverside College".into(),
            did: crate::keys::did_key(&crate::keys::public_key(&seed)),
            key: seal(&seed, "three random words", [1; 16], [2; 24], 1_000),
        }
    }

    #[test]
    fn the_right_passphrase_unlocks_and_a_wrong_one_does_not() {
        let identity = sample();
        assert_eq!(identity.unlock("three random words"), Ok([5; 32]));
        assert!(identity.unlock("three random word").unwrap_err().contains("not right"));
        assert!(!identity.key.sealed.contains(&B64.encode([5; 32])[..10]), "the seed is not stored in the clear");
    }

    #[test]
    fn a_backup_round_trips_and_changes_are_caught() {
        let identity = sample();
        let restored = restore(backup(&identity).as_bytes()).unwrap();
        assert_eq!(restored, identity);
        assert_eq!(restored.unlock("three random words"), Ok([5; 32]));

        let mut swapped = identity.clone();
        swapped.did = crate::keys::did_key(&crate::keys::public_key(&[6; 32]));
        assert!(swapped.unlock("three random words").unwrap_err().contains("changed"));

        let mut flipped = identity.clone();
        let mut bytes = B64.decode(&flipped.key.sealed).unwrap();
        bytes[0] ^= 1;
        flipped.key.sealed = B64.encode(bytes);
        assert!(flipped.unlock("three random words").is_err());

        assert!(restore(b"{\"wex\":\"bundle\"}").unwrap_err().contains("not a Wex tutor key"));
        assert!(restore(b"not json").unwrap_err().contains("not a Wex tutor key"));
        let newer = backup(&identity).replace("\"format\": 1", "\"format\": 2");
        assert!(restore(newer.as_bytes()).unwrap_err().contains("newer version"));
    }

    #[test]
    fn create_uses_the_full_iteration_count() {
        let identity = Identity::create(" Ms Patel ", "Riverside", &[5; 32], "three random words", [1; 16], [2; 24]);
        assert_eq!(identity.key.iterations, ITERATIONS);
        assert_eq!(identity.name, "Ms Patel");
        assert_eq!(identity.fingerprint().len(), 19);
    }

    #[test]
    fn set_up_names_each_problem_at_its_field() {
        use SetUpField::*;
        let form = |name, organisation, passphrase, confirm| SetUp { name, organisation, passphrase, confirm }.problems();
        assert_eq!(form("Ms Patel", "Northgate College", "three random words", "three random words"), vec![]);
        assert_eq!(
            form("  ", "", "short", "short"),
            vec![
                (Name, "Enter your name".to_string()),
                (Organisation, "Enter your school or college".to_string()),
                (Passphrase, "Your passphrase must be at least 12 characters. Three random words make a strong one.".to_string()),
            ]
        );
        assert_eq!(form("Ms Patel", "Northgate College", "three random words", "three random wordz"), vec![(Confirm, "The two passphrases do not match.".to_string())]);
        // Twelve characters, counted as characters and not bytes.
        assert_eq!(form("Ms Patel", "Northgate College", "ééééééééééé", "ééééééééééé").len(), 1);
        assert_eq!(form("Ms Patel", "Northgate College", "éééééééééééé", "éééééééééééé"), vec![]);
        let long_name = "a".repeat(81);
        let long_place = "b".repeat(121);
        assert_eq!(
            form(&long_name, &long_place, "three random words", "three random words"),
            vec![
                (Name, "Your name must be 80 characters or fewer".to_string()),
                (Organisation, "The name of your school or college must be 120 characters or fewer".to_string()),
            ]
        );
    }
}
