//! `wex scorm`: a placement as a SCORM package for an LMS, with the learner's app
//! from a built site (core's `scorm` chooses the files and writes the manifest).

use super::help::{Help, Opt};
use super::Exit;
use std::path::{Path, PathBuf};
use wex_core::scorm::{self, Standard};

pub const HELP: Help = Help {
    name: "scorm",
    summary: "make a SCORM package of one placement, for an LMS",
    usage: &["<bundle folder or packed file> --site <built site> -o <file.zip> [--standard 1.2|2004]"],
    about: "Writes a zip that Moodle, Canvas, Blackboard, Totara and other learning platforms\n\
            accept as a SCORM activity: the placement, the learner's app from a site built\n\
            with `trunk build --release` (any --public-url), and imsmanifest.xml. Nothing else\n\
            from the site goes in: no tutor's area, studio or other placements. The same\n\
            inputs always give the same bytes.",
    options: &[
        Opt { key: "site", flag: "--site <folder>", text: "the built site to take the learner's app from (trunk's dist/)" },
        Opt { key: "output", flag: "-o, --output <file.zip>", text: "where to write the package" },
        Opt { key: "standard", flag: "--standard <1.2|2004>", text: "SCORM 1.2 (the default: most LMSs take it) or SCORM 2004 4th Edition" },
    ],
    examples: &[
        ("wex scorm content/first-look --site dist -o first-look-scorm12.zip", "SCORM 1.2, from the bundle folder"),
        ("wex scorm first-look-1.1.0.wex.json --site dist -o first-look-scorm2004.zip --standard 2004", "SCORM 2004, from a packed (and perhaps signed) file"),
    ],
};

pub struct Args {
    placement: PathBuf,
    site: PathBuf,
    output: PathBuf,
    standard: Standard,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let mut parsed = super::parse_args(parser, &HELP)?;
        let site = parsed.site.take().ok_or("say which built site to take the learner's app from with --site <folder>")?;
        let output = parsed.output.take().ok_or("say where to write the package with -o <file.zip>")?;
        let standard = match parsed.standard.take() {
            None => Standard::Scorm12,
            Some(key) => Standard::from_key(&key).ok_or_else(|| format!("`--standard {key}` is not a SCORM version Wex makes; use 1.2 or 2004"))?,
        };
        Ok(Args { placement: super::one_value(&mut parsed, "bundle folder or packed file")?, site, output, standard })
    }
}

pub fn run(args: Args) -> Exit {
    // A folder is checked and packed first; a packed file is used as it is (signed
    // or not), after its hash is checked.
    let packed = if args.placement.is_dir() {
        match super::load_bundle(&args.placement) {
            Ok(bundle) => wex_core::pack::pack(&bundle),
            Err(exit) => return exit,
        }
    } else {
        match std::fs::read(&args.placement) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("wex: could not read {}: {error}", args.placement.display());
                return Exit::CouldNotRun;
            }
        }
    };
    if !args.site.join("index.html").is_file() {
        eprintln!("wex: {} is not a built site (it has no index.html): build one with `trunk build --release`", args.site.display());
        return Exit::CouldNotRun;
    }
    let files = match scorm::package(&packed, |path| read_site_file(&args.site, path), args.standard) {
        Ok(files) => files,
        Err(why) => {
            eprintln!("wex: {why}");
            return Exit::Problems;
        }
    };
    let zip = match wex_core::archive::zip_compressed(&files) {
        Ok(zip) => zip,
        Err(_) => {
            eprintln!("wex: the package is too large for a zip file");
            return Exit::Problems;
        }
    };
    if let Err(error) = std::fs::write(&args.output, &zip) {
        eprintln!("wex: could not write {}: {error}", args.output.display());
        return Exit::CouldNotRun;
    }
    println!("{}: {} package, {} files, {} bytes: {}", args.placement.display(), args.standard.label(), files.len(), zip.len(), args.output.display());
    Exit::Ok
}

/// A file of the built site, by its path inside it (never outside it).
fn read_site_file(site: &Path, path: &str) -> Result<Vec<u8>, String> {
    if path.split('/').any(|part| part == ".." || part.is_empty()) {
        return Err(format!("{path} is not a path inside the site"));
    }
    std::fs::read(site.join(path)).map_err(|error| format!("{} is missing from the site ({error}): build the site again with `trunk build --release`", site.join(path).display()))
}
