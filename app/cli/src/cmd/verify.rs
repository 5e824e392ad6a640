//! `wex verify`: check a packed bundle's content hash and publisher signature, and
//! say who signed it.

use super::Exit;
use std::path::PathBuf;
use wex_core::keys;

pub struct Args {
    file: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &[])?;
        Ok(Args { file: super::one_value(&mut parsed, "packed bundle")? })
    }
}

pub fn run(args: Args) -> Exit {
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("wex: could not read {}: {error}", args.file.display());
            return Exit::CouldNotRun;
        }
    };
    let packed = match wex_core::pack::unpack(&bytes) {
        Ok(packed) => packed,
        Err(why) => {
            println!("{}: NOT VALID: {why}", args.file.display());
            return Exit::Problems;
        }
    };
    let bundle = &packed.bundle;
    println!("{}: {} {} ({})", args.file.display(), bundle.id, bundle.version, bundle.title);
    println!("  content hash: ok (sha256 {})", packed.sha256);
    match &packed.signed_by {
        None => {
            println!("  signature: not signed");
            if bundle.publisher.key.is_some() {
                println!("  problem: bundle.toml names a publisher key, but the file is not signed");
                return Exit::Problems;
            }
        }
        Some(did) => {
            let fingerprint = keys::parse_did_key(did).map(|k| keys::fingerprint(&k)).unwrap_or_default();
            println!("  signature: valid, by key {fingerprint}");
            match &bundle.publisher.key {
                Some(key) if key == did => println!("  publisher: {} (the key matches the one in bundle.toml)", bundle.publisher.name),
                Some(_) => {
                    println!("  problem: signed with a different key from the publisher key in bundle.toml");
                    return Exit::Problems;
                }
                None => println!("  publisher: {} (bundle.toml names no key to compare with)", bundle.publisher.name),
            }
        }
    }
    Exit::Ok
}
