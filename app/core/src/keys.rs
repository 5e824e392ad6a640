//! Ed25519 keys as `did:key` identifiers, fingerprints, signing and verifying.
//! Randomness comes from the caller: key generation takes the 32 seed bytes.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// The multicodec prefix of an Ed25519 public key (0xed, as a varint).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// A public key as `did:key:z6Mk…` (multibase base58btc of multicodec + key).
pub fn did_key(public: &[u8; 32]) -> String {
    let mut bytes = ED25519_PUB.to_vec();
    bytes.extend_from_slice(public);
    format!("did:key:z{}", bs58::encode(bytes).into_string())
}

/// The public key in a `did:key`, or why it is not one.
pub fn parse_did_key(did: &str) -> Result<[u8; 32], String> {
    let encoded = did.strip_prefix("did:key:z").ok_or("it does not start with `did:key:z`")?;
    let encoded = encoded.split('#').next().unwrap_or("");
    let bytes = bs58::decode(encoded).into_vec().map_err(|_| "it is not valid base58".to_string())?;
    let key = bytes.strip_prefix(&ED25519_PUB[..]).ok_or("it is not an Ed25519 key")?;
    let key: [u8; 32] = key.try_into().map_err(|_| "the key has the wrong length".to_string())?;
    VerifyingKey::from_bytes(&key).map_err(|_| "it is not a valid Ed25519 public key".to_string())?;
    Ok(key)
}

/// A short, readable fingerprint of a public key for people to compare:
/// the first 16 hex digits of its SHA-256, in groups of four.
pub fn fingerprint(public: &[u8; 32]) -> String {
    let hex = crate::hash::sha256_hex(public);
    hex.as_bytes()[..16].chunks(4).map(|c| std::str::from_utf8(c).unwrap_or("")).collect::<Vec<_>>().join(" ")
}

/// The fingerprint of the key in a `did:key`, or `None` when it is not one.
pub fn did_fingerprint(did: &str) -> Option<String> {
    parse_did_key(did).ok().map(|key| fingerprint(&key))
}

/// The public key of a secret seed.
pub fn public_key(seed: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(seed).verifying_key().to_bytes()
}

/// Signs a message with a secret seed (Ed25519 is deterministic: same input, same signature).
pub fn sign(seed: &[u8; 32], message: &[u8]) -> [u8; 64] {
    SigningKey::from_bytes(seed).sign(message).to_bytes()
}

/// Whether `signature` is the key's signature of `message`.
pub fn verify(public: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public) else { return false };
    key.verify(message, &Signature::from_bytes(signature)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_key_round_trips_and_matches_the_spec_prefix() {
        let public = public_key(&[7; 32]);
        let did = did_key(&public);
        assert!(did.starts_with("did:key:z6Mk"), "{did}");
        assert_eq!(parse_did_key(&did), Ok(public));
        assert!(parse_did_key("did:key:zQ3s").is_err());
        assert!(parse_did_key("did:web:example.org").is_err());
        assert_eq!(fingerprint(&public).len(), 19);
        assert_eq!(did_fingerprint(&did), Some(fingerprint(&public)));
        assert_eq!(did_fingerprint("did:web:example.org"), None);
    }

    #[test]
    fn signatures_verify_only_for_their_message_and_key() {
        let seed = [9; 32];
        let public = public_key(&seed);
        let signature = sign(&seed, b"hello");
        assert!(verify(&public, b"hello", &signature));
        assert!(!verify(&public, b"hellp", &signature));
        assert!(!verify(&public_key(&[8; 32]), b"hello", &signature));
    }
}
