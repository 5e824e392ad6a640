//! `wex index`: write index.json for the packed bundles in a folder, so a site owner
//! can add or remove placements by copying files, with no rebuild.

use super::help::{Help};
use super::Exit;
use std::path::{Path, PathBuf};
use wex_core::pack::{self, Index, IndexEntry};
use wex_core::words::plural;

pub const HELP: Help = Help {
    name: "index",
    summary: "(re)write index.json for the packed files in a folder",
    usage: &["<bundles-folder>"],
    about: "Opens every packed file (.wex.json) in a folder, checks each one's hash and\n\
            signature, and writes the folder's index.json listing them, so a site owner can\n\
            add or remove placements by copying files, with no rebuild. Writes nothing if\n\
            any file does not check.",
    options: &[],
    examples: &[("wex index dist/bundles", "list the placements of a built site after copying one in")],
};

pub struct Args {
    folder: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        Ok(Args { folder: super::one_folder(parser, &HELP, "folder of packed bundles")? })
    }
}

pub fn run(args: Args) -> Exit {
    match write_index(&args.folder) {
        Ok(count) => {
            println!("{}: index lists {}", args.folder.display(), plural(count, "placement"));
            Exit::Ok
        }
        Err(exit) => exit,
    }
}

/// Reads every `*.wex.json` in `folder`, checks it, and writes `index.json`. Writes
/// nothing if any file is bad, so a site never serves an index with broken entries.
pub fn write_index(folder: &Path) -> Result<usize, Exit> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("wex: could not read {}: {error}", folder.display());
            return Err(Exit::CouldNotRun);
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".wex.json"))
        .collect();
    names.sort();
    let mut listed = Vec::new();
    let mut bad = 0;
    for name in names {
        let path = folder.join(&name);
        let result = std::fs::read(&path).map_err(|e| e.to_string()).and_then(|bytes| pack::unpack(&bytes).map_err(|e| e.to_string()));
        match result {
            Ok(packed) => listed.push(IndexEntry { file: wex_core::pack::Location::Site(name), sha256: packed.sha256, listing: packed.bundle.listing() }),
            Err(why) => {
                eprintln!("wex: {}: {why}", path.display());
                bad += 1;
            }
        }
    }
    if bad > 0 {
        eprintln!("wex: index.json was not changed; remove or replace the file{} above", if bad == 1 { "" } else { "s" });
        return Err(Exit::Problems);
    }
    let count = listed.len();
    let index_path = folder.join(pack::INDEX_FILE);
    if let Err(error) = std::fs::write(&index_path, Index::new(listed).to_json()) {
        eprintln!("wex: could not write {}: {error}", index_path.display());
        return Err(Exit::CouldNotRun);
    }
    Ok(count)
}
