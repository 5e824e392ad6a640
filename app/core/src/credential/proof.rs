//! `eddsa-jcs-2022` (W3C "Data Integrity EdDSA Cryptosuites v1.0", section 3.3):
//! hash the canonical (JCS, RFC 8785) proof options and the canonical document
//! with SHA-256, sign the two hashes together with Ed25519, and write the signature
//! as a base58btc multibase `proofValue`.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;

pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";

/// What a new proof says besides its value. `created` is passed in: the core never
/// reads a clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofOptions {
    /// An XML Schema date-time, for example `2026-11-25T10:00:00Z`.
    pub created: String,
    /// The signing key as a DID URL, for example `did:key:z6Mk…#z6Mk…`.
    pub verification_method: String,
    pub proof_purpose: String,
}

impl ProofOptions {
    /// An `assertionMethod` proof by the `did:key` of `seed`, made at `created`:
    /// what every document Wex signs (certificates, countersignatures,
    /// assignments) carries.
    pub fn asserted_by(seed: &[u8; 32], created: &str) -> ProofOptions {
        let did = crate::keys::did_key(&crate::keys::public_key(seed));
        let fragment = did.trim_start_matches("did:key:");
        ProofOptions { created: created.into(), verification_method: format!("{did}#{fragment}"), proof_purpose: "assertionMethod".into() }
    }
}

/// Signs an Open Badges 3.0 credential by the key of `seed`, with the proof as a
/// one-item array, as Open Badges 3.0 asks.
pub fn sign_credential(credential: &Value, created: &str, seed: &[u8; 32]) -> Result<Value, String> {
    let mut signed = add_proof(credential, &ProofOptions::asserted_by(seed, created), seed).map_err(|e| e.to_string())?;
    let proof = signed["proof"].take();
    signed["proof"] = Value::Array(vec![proof]);
    Ok(signed)
}

/// Why a proof does not verify.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProofError {
    NotAnObject,
    NoProof,
    WrongProofType(String),
    BadProofValue,
    BadVerificationMethod(String),
    SignatureMismatch,
}

impl fmt::Display for ProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProofError::NotAnObject => write!(f, "the credential is not a JSON object"),
            ProofError::NoProof => write!(f, "the credential has no proof"),
            ProofError::WrongProofType(t) => write!(f, "the proof is of a kind Wex does not check ({t})"),
            ProofError::BadProofValue => write!(f, "the proof's signature is not readable"),
            ProofError::BadVerificationMethod(why) => write!(f, "the proof's key is not usable: {why}"),
            ProofError::SignatureMismatch => write!(f, "the signature does not match: the credential has been changed since it was signed, or was signed with another key"),
        }
    }
}

/// The bytes signed: SHA-256 of the canonical proof configuration, then SHA-256 of
/// the canonical document (without its proof).
pub fn hash_data(document: &Map<String, Value>, proof_config: &Map<String, Value>) -> [u8; 64] {
    let canonical = |value: &Map<String, Value>| serde_jcs::to_vec(value).expect("JSON values always canonicalise");
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(&Sha256::digest(canonical(proof_config)));
    out[32..].copy_from_slice(&Sha256::digest(canonical(document)));
    out
}

/// Signs a document (a JSON object without a `proof`) and returns it with the proof.
pub fn add_proof(document: &Value, options: &ProofOptions, seed: &[u8; 32]) -> Result<Value, ProofError> {
    let Value::Object(unsigned) = document else { return Err(ProofError::NotAnObject) };
    let mut unsigned = unsigned.clone();
    unsigned.remove("proof");
    let mut config = Map::new();
    config.insert("type".into(), "DataIntegrityProof".into());
    config.insert("cryptosuite".into(), CRYPTOSUITE.into());
    config.insert("created".into(), options.created.clone().into());
    config.insert("verificationMethod".into(), options.verification_method.clone().into());
    config.insert("proofPurpose".into(), options.proof_purpose.clone().into());
    if let Some(context) = unsigned.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    let signature = crate::keys::sign(seed, &hash_data(&unsigned, &config));
    config.insert("proofValue".into(), format!("z{}", bs58::encode(signature).into_string()).into());
    let mut signed = unsigned;
    signed.insert("proof".into(), Value::Object(config));
    Ok(Value::Object(signed))
}

/// Checks the `eddsa-jcs-2022` proof of a signed document (`proof` an object, or an
/// array of them, each over the document without its proofs). Returns the
/// `did:key` of the (first) signer: the verification method without its fragment.
pub fn verify_proof(signed: &Value) -> Result<String, ProofError> {
    let Value::Object(document) = signed else { return Err(ProofError::NotAnObject) };
    let mut document = document.clone();
    let proofs = match document.remove("proof") {
        Some(Value::Object(config)) => vec![config],
        Some(Value::Array(items)) if !items.is_empty() => {
            items.into_iter().map(|p| if let Value::Object(c) = p { Ok(c) } else { Err(ProofError::NoProof) }).collect::<Result<_, _>>()?
        }
        _ => return Err(ProofError::NoProof),
    };
    let mut signers = proofs.into_iter().map(|config| verify_one(&document, config)).collect::<Result<Vec<_>, _>>()?;
    Ok(signers.remove(0))
}

fn verify_one(document: &Map<String, Value>, mut config: Map<String, Value>) -> Result<String, ProofError> {
    let suite = config.get("cryptosuite").and_then(Value::as_str).unwrap_or("").to_string();
    if config.get("type").and_then(Value::as_str) != Some("DataIntegrityProof") || suite != CRYPTOSUITE {
        return Err(ProofError::WrongProofType(suite));
    }
    let Some(Value::String(value)) = config.remove("proofValue") else { return Err(ProofError::BadProofValue) };
    let signature: [u8; 64] = value
        .strip_prefix('z')
        .and_then(|v| bs58::decode(v).into_vec().ok())
        .and_then(|v| v.try_into().ok())
        .ok_or(ProofError::BadProofValue)?;
    // The proof's context must be the document's (spec, section 3.3.2).
    if let Some(context) = config.get("@context") {
        if Some(context) != document.get("@context") {
            return Err(ProofError::SignatureMismatch);
        }
    }
    let method = config.get("verificationMethod").and_then(Value::as_str).unwrap_or("");
    let did = method.split('#').next().unwrap_or("").to_string();
    let key = crate::keys::parse_did_key(&did).map_err(ProofError::BadVerificationMethod)?;
    if crate::keys::verify(&key, &hash_data(document, &config), &signature) {
        Ok(did)
    } else {
        Err(ProofError::SignatureMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The W3C test vectors, copied into tests/fixtures/credentials/ (see its README for sources and licences).
    fn vector(name: &str) -> String {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/credentials/w3c/vc-di-eddsa").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The spec's test key: multibase base58btc of the multicodec `ed25519-priv`
    /// (0x1300, varint 0x80 0x26) and the 32-byte seed.
    fn test_seed() -> [u8; 32] {
        let pair: Value = serde_json::from_str(&vector("keyPair.json")).unwrap();
        let encoded = pair["privateKeyMultibase"].as_str().unwrap().strip_prefix('z').unwrap();
        let bytes = bs58::decode(encoded).into_vec().unwrap();
        assert_eq!(&bytes[..2], &[0x80, 0x26]);
        bytes[2..].try_into().unwrap()
    }

    fn w3c_options() -> ProofOptions {
        let signed: Value = serde_json::from_str(&vector("signedJCS.json")).unwrap();
        ProofOptions {
            created: signed["proof"]["created"].as_str().unwrap().into(),
            verification_method: signed["proof"]["verificationMethod"].as_str().unwrap().into(),
            proof_purpose: "assertionMethod".into(),
        }
    }

    #[test]
    fn reproduces_the_w3c_hash_and_proof_value() {
        let unsigned: Value = serde_json::from_str(&vector("unsigned.json")).unwrap();
        let expected: Value = serde_json::from_str(&vector("signedJCS.json")).unwrap();
        let seed = test_seed();
        let pair: Value = serde_json::from_str(&vector("keyPair.json")).unwrap();
        let did = crate::keys::did_key(&crate::keys::public_key(&seed));
        assert_eq!(did, format!("did:key:{}", pair["publicKeyMultibase"].as_str().unwrap()));

        let signed = add_proof(&unsigned, &w3c_options(), &seed).unwrap();
        assert_eq!(signed["proof"]["proofValue"], expected["proof"]["proofValue"]);
        assert_eq!(signed, expected);

        let mut document = signed.as_object().unwrap().clone();
        let mut config = document.remove("proof").unwrap().as_object().unwrap().clone();
        config.remove("proofValue");
        let hex: String = hash_data(&document, &config).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, vector("combinedHashJCS.txt").trim());

        assert_eq!(verify_proof(&expected), Ok(did));
    }

    #[test]
    fn any_change_breaks_the_proof() {
        let expected: Value = serde_json::from_str(&vector("signedJCS.json")).unwrap();
        let mut changed = expected.clone();
        changed["credentialSubject"]["alumniOf"] = "Another School".into();
        assert_eq!(verify_proof(&changed), Err(ProofError::SignatureMismatch));
        let mut moved = expected.clone();
        moved["proof"]["created"] = "2024-02-24T23:36:38Z".into();
        assert_eq!(verify_proof(&moved), Err(ProofError::SignatureMismatch));
        let mut garbled = expected.clone();
        garbled["proof"]["proofValue"] = "zNotBase58!".into();
        assert_eq!(verify_proof(&garbled), Err(ProofError::BadProofValue));
        let mut other_suite = expected;
        other_suite["proof"]["cryptosuite"] = "eddsa-rdfc-2022".into();
        assert!(matches!(verify_proof(&other_suite), Err(ProofError::WrongProofType(_))));
        assert_eq!(verify_proof(&Value::Null), Err(ProofError::NotAnObject));
    }

    #[test]
    fn canonical_form_ignores_key_order_and_whitespace() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": {"y": [1, 2], "x": "é"}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":{"x":"é","y":[1,2]},"b":1}"#).unwrap();
        let (a, b) = (a.as_object().unwrap(), b.as_object().unwrap());
        assert_eq!(serde_jcs::to_string(a).unwrap(), r#"{"a":{"x":"é","y":[1,2]},"b":1}"#);
        assert_eq!(hash_data(a, &Map::new()), hash_data(b, &Map::new()));
    }
}
