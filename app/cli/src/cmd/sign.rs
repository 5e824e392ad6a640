//! `wex sign`: add the publisher's signature to a packed bundle.

use super::keygen::KeyFile;
use super::Exit;
use std::path::PathBuf;

pub struct Args {
    file: PathBuf,
    key: PathBuf,
    output: Option<PathBuf>,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &["key", "output"])?;
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
