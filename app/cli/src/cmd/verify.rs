//! `wex verify`: check a packed bundle's content hash and publisher signature and
//! say who signed it; or check a certificate (an Open Badges credential): its
//! signature, its issuer and, given the placement with `--bundle`, that it was
//! issued for that placement and version.

use super::help::{Help, Opt};
use super::Exit;
use std::path::PathBuf;
use wex_core::credential::record::CompletionRecord;
use wex_core::keys;

pub const HELP: Help = Help {
    name: "verify",
    summary: "check a packed bundle, or a certificate",
    usage: &["<packed-file>", "<certificate> [--bundle <packed-file>]"],
    about: "Given a packed bundle, checks its content hash and publisher signature and says\n\
            who signed it. Given a certificate (an Open Badges credential a learner\n\
            downloaded), checks its signature and issuer and, with --bundle, that it was\n\
            issued for that placement and version. Exits 1 if anything does not check.",
    options: &[Opt { key: "bundle", flag: "--bundle <packed-file>", text: "the placement the certificate should be for" }],
    examples: &[
        ("wex verify first-look.wex.json", "check a packed placement's hash and signature"),
        ("wex verify certificate.json --bundle first-look.wex.json", "check a learner's certificate for that placement"),
    ],
};

pub struct Args {
    file: PathBuf,
    /// The packed placement a certificate should have been issued for.
    bundle: Option<PathBuf>,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &HELP)?;
        let bundle = parsed.bundle.take();
        Ok(Args { file: super::one_value(&mut parsed, "packed bundle or certificate file")?, bundle })
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
    match CompletionRecord::read_certificate(&String::from_utf8_lossy(&bytes)) {
        Ok(Some((credential, records))) => return verify_credential(&args, &credential, records.as_deref()),
        Err(why) => {
            println!("{}: NOT VALID: {why}", args.file.display());
            return Exit::Problems;
        }
        // Not a certificate: a packed placement, then.
        Ok(None) => {}
    }
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
            let fingerprint = keys::did_fingerprint(did).unwrap_or_default();
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

fn verify_credential(args: &Args, credential: &serde_json::Value, records: Option<&[wex_core::progress::Record]>) -> Exit {
    let packed = match &args.bundle {
        None => None,
        Some(path) => match std::fs::read(path).map_err(|e| e.to_string()).and_then(|b| wex_core::pack::unpack(&b).map_err(|e| e.to_string())) {
            Ok(packed) => Some(packed),
            Err(why) => {
                eprintln!("wex: {}: {why}", path.display());
                return Exit::CouldNotRun;
            }
        },
    };
    let checks = wex_core::credential::badge::verify(credential, packed.as_ref().map(|p| (&p.bundle, p.sha256.as_str())), records);
    let valid = checks.iter().all(|c| c.passed);
    let stated = wex_core::credential::badge::summary(credential);
    let name = if stated.placement_title.is_empty() { "?" } else { stated.placement_title.as_str() };
    let verdict = match (valid, stated.verified_by.as_deref()) {
        (false, _) => "NOT VALID".to_string(),
        (true, None) => "VALID (self-declared)".to_string(),
        (true, Some(organisation)) => format!("VALID (verified by {organisation})"),
    };
    println!("{}: {verdict} certificate for {name}", args.file.display());
    for check in &checks {
        println!("  {}: {} ({})", check.name, if check.passed { "ok" } else { "FAILED" }, check.detail);
    }
    if packed.is_none() {
        println!("  placement: not compared (give the packed placement with --bundle <file>)");
    }
    if valid {
        Exit::Ok
    } else {
        Exit::Problems
    }
}
