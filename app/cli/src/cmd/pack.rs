//! `wex pack`: check one bundle folder and write its packed file.

use super::help::{Help, Opt};
use super::Exit;
use std::path::PathBuf;

pub const HELP: Help = Help {
    name: "pack",
    summary: "pack one bundle into a .wex.json file",
    usage: &["<folder> -o <file>"],
    about: "Checks a bundle folder and, if it has no errors, writes it as one packed file\n\
            (.wex.json) with its media and a content hash. Packing is deterministic: the\n\
            same folder always gives the same bytes.",
    options: &[Opt { key: "output", flag: "-o, --output <file>", text: "where to write the packed file" }],
    examples: &[("wex pack content/first-look -o first-look.wex.json", "pack the first-look placement")],
};

pub struct Args {
    folder: PathBuf,
    output: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &HELP)?;
        let output = parsed.output.take().ok_or("say where to write the packed file with -o <file>")?;
        Ok(Args { folder: super::one_value(&mut parsed, "bundle folder")?, output })
    }
}

pub fn run(args: Args) -> Exit {
    let bundle = match super::load_bundle(&args.folder) {
        Ok(bundle) => bundle,
        Err(exit) => return exit,
    };
    let bytes = wex_core::pack::pack(&bundle);
    if let Err(error) = std::fs::write(&args.output, &bytes) {
        eprintln!("wex: could not write {}: {error}", args.output.display());
        return Exit::CouldNotRun;
    }
    println!("{}: packed {} {} into {} ({} bytes)", args.folder.display(), bundle.id, bundle.version, args.output.display(), bytes.len());
    Exit::Ok
}
