//! Verifiable credentials: the W3C Data Integrity proof `eddsa-jcs-2022` (Ed25519
//! over JSON Canonicalization Scheme), on which Wex's Open Badges 3.0 certificates
//! are built: JCS needs no JSON-LD processing, so a credential verifies offline with
//! nothing but the file and this code.

pub mod badge;
pub mod countersign;
mod proof;
pub mod record;

pub use proof::{add_proof, verify_proof, ProofError, ProofOptions};

use crate::bundle::Bundle;
use crate::progress::{attempt_log, Record};
use crate::scoring::counted;

/// The attempt log a certificate is issued from and handed in with: the records
/// of the placement's required modules and the certificate's own
/// ([`counted`]), with the words of reflections withheld ([`attempt_log`]).
pub fn certificate_log(bundle: &Bundle, records: &[Record]) -> Vec<Record> {
    attempt_log(&counted(bundle, records))
}
