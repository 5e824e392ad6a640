//! `wex pack`: check one bundle folder and write its packed file.

use super::Exit;
use std::path::PathBuf;

pub struct Args {
    folder: PathBuf,
    output: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let (mut folders, output) = super::values_and_output(parser)?;
        let output = output.ok_or("say where to write the packed file with -o <file>")?;
        if folders.len() != 1 {
            return Err("name exactly one bundle folder".into());
        }
        Ok(Args { folder: folders.remove(0), output })
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
