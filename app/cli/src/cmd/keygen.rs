//! `wex keygen`: a new Ed25519 signing key for a publisher, written to a key file
//! that only its owner can read.

use super::help::{Help, Opt};
use super::Exit;
use base64::Engine as _;
use std::path::PathBuf;

pub const HELP: Help = Help {
    name: "keygen",
    summary: "make a publisher signing key",
    usage: &["-o <key-file>"],
    about: "Makes a new Ed25519 signing key for a publisher and writes it to a key file that\n\
            only you can read. Prints its public key (did:key:z6Mk...): put that in\n\
            bundle.toml, inside the publisher's braces: publisher = { name = \"...\", key = \"did:key:...\" }.\n\
            Keep the key file secret and backed up.",
    options: &[Opt { key: "output", flag: "-o, --output <key-file>", text: "where to write the key file (it must not exist)" }],
    examples: &[("wex keygen -o ~/keys/our-trust.key", "make a key for your trust")],
};

pub struct Args {
    output: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let parsed = super::parse_args(parser, &HELP)?;
        if !parsed.values.is_empty() {
            return Err("keygen takes no folder; say where to write the key with -o <key-file>".into());
        }
        Ok(Args { output: parsed.output.ok_or("say where to write the key with -o <key-file>")? })
    }
}

/// The key file: the secret seed and, for convenience, the public key.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct KeyFile {
    pub wex: String,
    pub did: String,
    /// The 32-byte secret seed, base64.
    pub seed: String,
}

impl KeyFile {
    pub fn read(path: &std::path::Path) -> Result<[u8; 32], String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
        let file: KeyFile = serde_json::from_str(&text).map_err(|_| format!("{} is not a Wex key file", path.display()))?;
        let seed = base64::engine::general_purpose::STANDARD.decode(&file.seed).ok().and_then(|s| s.try_into().ok());
        match seed {
            Some(seed) if file.wex == "signing-key" => Ok(seed),
            _ => Err(format!("{} is not a Wex key file", path.display())),
        }
    }
}

pub fn run(args: Args) -> Exit {
    if args.output.exists() {
        eprintln!("wex: {} already exists; keygen never overwrites a key", args.output.display());
        return Exit::CouldNotRun;
    }
    let mut seed = [0u8; 32];
    if let Err(error) = getrandom::getrandom(&mut seed) {
        eprintln!("wex: could not get random bytes from the system: {error}");
        return Exit::CouldNotRun;
    }
    let public = wex_core::keys::public_key(&seed);
    let did = wex_core::keys::did_key(&public);
    let file = KeyFile { wex: "signing-key".into(), did: did.clone(), seed: base64::engine::general_purpose::STANDARD.encode(seed) };
    let text = serde_json::to_string_pretty(&file).expect("a key file serializes") + "\n";
    if let Err(error) = write_private(&args.output, text.as_bytes()) {
        eprintln!("wex: could not write {}: {error}", args.output.display());
        return Exit::CouldNotRun;
    }
    println!("Wrote a new signing key to {}. Keep it secret: anyone with it can sign as you.", args.output.display());
    println!("Public key: {did}\nPut it in bundle.toml, inside the publisher's braces:\n  publisher = {{ name = \"...\", key = \"{did}\" }}");
    println!("Fingerprint: {}", wex_core::keys::fingerprint(&public));
    Exit::Ok
}

fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}
