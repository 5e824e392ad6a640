//! Makes many completion records for the tracker's import benchmark
//! (docs/benchmarks.md): the attempt log of one real handed-in record, re-issued as
//! the certificates of `count` different learners, each with a device key and a
//! name of its own, for the same assignment and placement.
//!
//!     cargo run --release -p wex-cli --example handins -- \
//!         <template record.json> <packed placement.json> <count> <out dir>

use std::path::PathBuf;
use wex_core::credential::badge::{issue, Issue};
use wex_core::credential::record::CompletionRecord;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, packed, count, out] = args.as_slice() else {
        return Err("usage: handins <template record.json> <packed placement.json> <count> <out dir>".into());
    };
    let template = CompletionRecord::parse(&std::fs::read(template).map_err(|e| e.to_string())?)?;
    let packed_bytes = std::fs::read(packed).map_err(|e| e.to_string())?;
    let packed = wex_core::pack::unpack(&packed_bytes).map_err(|e| e.to_string())?;
    let count: usize = count.parse().map_err(|_| "count must be a number")?;
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    for n in 0..count {
        // Deterministic keys: the same run makes the same files.
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&(n as u64 + 1).to_le_bytes());
        seed[31] = 0x5e;
        let name = format!("Learner {:04}", n + 1);
        let issued_at = format!("2026-11-{:02}T{:02}:{:02}:00Z", 20 + n % 5, 8 + n % 10, n % 60);
        let id = format!("urn:uuid:00000000-0000-4000-8000-{:012}", n);
        let input = Issue { learner_name: &name, bundle: &packed.bundle, bundle_sha256: &packed.sha256, records: &template.records, issued_at: &issued_at, credential_id: &id };
        let credential = issue(&input, &seed)?;
        let record = CompletionRecord { credential, ..template.clone() };
        let text = serde_json::to_string(&record).map_err(|e| e.to_string())?;
        std::fs::write(out.join(format!("record-{:04}.json", n + 1)), text).map_err(|e| e.to_string())?;
    }
    println!("{count} completion records in {}", out.display());
    Ok(())
}
