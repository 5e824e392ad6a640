//! `wex build`: check and pack every bundle of a content folder into a site's
//! bundles folder, with its index. The web build runs this, so a broken bundle
//! fails the build with its diagnostics.

use super::help::{Help, Opt};
use super::Exit;
use crate::folder;
use std::path::PathBuf;

pub const HELP: Help = Help {
    name: "build",
    summary: "check and pack every bundle in a folder, with an index",
    usage: &["<content-folder> -o <folder>"],
    about: "Checks every bundle folder inside <content-folder> and, if none has an error,\n\
            packs each into <folder> and writes its index.json. The site's build runs this,\n\
            so a broken bundle fails the build with its diagnostics.",
    options: &[Opt { key: "output", flag: "-o, --output <folder>", text: "where to write the packed files and index.json" }],
    examples: &[("wex build content -o public/bundles", "pack every placement in content/")],
};

pub struct Args {
    content: PathBuf,
    output: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &HELP)?;
        let output = parsed.output.take().ok_or("say where to write the bundles with -o <folder>")?;
        Ok(Args { content: super::one_value(&mut parsed, "content folder")?, output })
    }
}

pub fn run(args: Args) -> Exit {
    let folders = match folder::bundle_folders(&args.content) {
        Ok(folders) => folders,
        Err(error) => {
            eprintln!("wex: {error}");
            return Exit::CouldNotRun;
        }
    };
    let mut bundles = Vec::new();
    let mut worst = Exit::Ok;
    for folder in &folders {
        match super::load_bundle(folder) {
            Ok(bundle) => bundles.push(bundle),
            Err(exit) => worst = worst.max_with(exit),
        }
    }
    if worst != Exit::Ok {
        eprintln!("wex: nothing was written to {}", args.output.display());
        return worst;
    }
    if let Err(error) = std::fs::create_dir_all(&args.output) {
        eprintln!("wex: could not create {}: {error}", args.output.display());
        return Exit::CouldNotRun;
    }
    for bundle in &bundles {
        let path = args.output.join(wex_core::pack::file_name(bundle));
        if let Err(error) = std::fs::write(&path, wex_core::pack::pack(bundle)) {
            eprintln!("wex: could not write {}: {error}", path.display());
            return Exit::CouldNotRun;
        }
    }
    match super::index::write_index(&args.output) {
        Ok(count) => {
            println!("wex: packed {} into {} ({count} listed)", wex_core::words::plural(bundles.len(), "bundle"), args.output.display());
            Exit::Ok
        }
        Err(exit) => exit,
    }
}
