//! `wex sign`: add the publisher's signature to a packed bundle.

use super::keygen::KeyFile;
use super::help::{Help, Opt};
use super::Exit;
use std::path::PathBuf;

pub const HELP: Help = Help {
    name: "sign",
    summary: "sign a packed bundle",
    usage: &["<packed-file> --key <key-file> [-o <signed-file>]"],
    about: "Adds your publisher signature to a packed bundle, so learners' devices can show\n\
            who published it and refuse a changed copy. Without -o, the file is signed in\n\
            place.",
    options: &[
        Opt { key: "key", flag: "--key <key-file>", text: "the key file `wex keygen` wrote" },
        Opt { key: "output", flag: "-o, --output <file>", text: "write the signed copy here instead of changing the file" },
    ],
    examples: &[("wex sign first-look.wex.json --key ~/keys/our-trust.key", "sign a packed placement in place")],
};

pub struct Args {
    file: PathBuf,
    key: PathBuf,
    output: Option<PathBuf>,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &HELP)?;
        let key = parsed.key.take().ok_or("say which key to sign with: --key <key-file>")?;
        Ok(Args { file: super::one_value(&mut parsed, "packed bundle")?, key, output: parsed.output })
    }
}

pub fn run(args: Args) -> Exit {
    let seed = match KeyFile::read(&args.key) {
        Ok(seed) => seed,
        Err(why) => {
            eprintln!("wex: {why}");
            return Exit::CouldNotRun;
        }
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("wex: could not read {}: {error}", args.file.display());
            return Exit::CouldNotRun;
        }
    };
    let signed = match wex_core::pack::sign(&bytes, &seed) {
        Ok(signed) => signed,
        Err(why) => {
            eprintln!("wex: {}: {why}", args.file.display());
            return Exit::Problems;
        }
    };
    let output = args.output.unwrap_or(args.file);
    if let Err(error) = std::fs::write(&output, signed) {
        eprintln!("wex: could not write {}: {error}", output.display());
        return Exit::CouldNotRun;
    }
    let did = wex_core::keys::did_key(&wex_core::keys::public_key(&seed));
    println!("{}: signed by {did}", output.display());
    Exit::Ok
}
