//! Verifiable credentials: the W3C Data Integrity proof `eddsa-jcs-2022` (Ed25519
//! over JSON Canonicalization Scheme), on which Wex's Open Badges 3.0 certificates
//! are built: JCS needs no JSON-LD processing, so a credential verifies offline with
//! nothing but the file and this code.

pub mod badge;
pub mod countersign;
mod proof;
pub mod record;

pub use proof::{add_proof, verify_proof, ProofError, ProofOptions};
