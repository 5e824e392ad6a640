//! `wex new`: a new bundle folder holding the complete example from
//! docs/authoring.md (core's `author::example`, which the studio zips too).

use super::help::{Help};
use super::Exit;
use std::path::{Path, PathBuf};

pub const HELP: Help = Help {
    name: "new",
    summary: "start a new bundle from a working example",
    usage: &["<folder>"],
    about: "Makes <folder> (which must not exist, or be empty) holding the complete example from\n\
            docs/authoring.md: a bundle.toml and two modules with every kind of activity,\n\
            which checks clean. Change it into your own placement.",
    options: &[],
    examples: &[("wex new my-placement", "make my-placement/ from the example, then edit its bundle.toml")],
};

pub struct Args {
    folder: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        Ok(Args { folder: super::one_folder(parser, &HELP, "folder to create")? })
    }
}

pub fn run(args: Args) -> Exit {
    if args.folder.exists() && std::fs::read_dir(&args.folder).map_or(true, |mut d| d.next().is_some()) {
        eprintln!("wex: {} already exists and is not empty; choose a new folder", args.folder.display());
        return Exit::CouldNotRun;
    }
    for (path, bytes) in wex_core::author::example::files() {
        if let Err(error) = write(&args.folder.join(&path), &bytes) {
            eprintln!("wex: could not write {}: {error}", args.folder.join(&path).display());
            return Exit::CouldNotRun;
        }
    }
    println!("Made a new placement in {}.", args.folder.display());
    println!("Next: change bundle.toml (start with its id and title), then run `wex check {}`.", args.folder.display());
    println!("docs/authoring.md explains every file.");
    Exit::Ok
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
