//! The subcommands: arguments are parsed and checked first, without touching the
//! system; then `run` does the work and returns an exit code.

mod build;
mod check;
mod index;
mod pack;

use std::ffi::OsString;

pub const USAGE: &str = "\
Usage:
  wex check <bundle-folder>...             check bundles and report every problem
  wex pack <bundle-folder> -o <file>       pack one bundle into a .wex.json file
  wex index <bundles-folder>               (re)write index.json for the packed files in a folder
  wex build <content-folder> -o <folder>   check and pack every bundle in a folder, with an index

Exit codes: 0 all good, 1 problems found, 2 could not run.";

/// The process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Problems = 1,
    CouldNotRun = 2,
}

pub enum Command {
    Check(check::Args),
    Pack(pack::Args),
    Index(index::Args),
    Build(build::Args),
    Help,
}

impl Command {
    pub fn from_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
        let mut parser = lexopt::Parser::from_args(args);
        let name = match parser.next().map_err(|e| e.to_string())? {
            Some(lexopt::Arg::Value(name)) => name.to_string_lossy().into_owned(),
            Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h')) | None => return Ok(Command::Help),
            Some(other) => return Err(other.unexpected().to_string()),
        };
        match name.as_str() {
            "check" => check::Args::parse(&mut parser).map(Command::Check),
            "pack" => pack::Args::parse(&mut parser).map(Command::Pack),
            "index" => index::Args::parse(&mut parser).map(Command::Index),
            "build" => build::Args::parse(&mut parser).map(Command::Build),
            "help" => Ok(Command::Help),
            other => Err(format!("unknown command `{other}`")),
        }
        .map_err(|e| format!("{name}: {e}"))
    }

    pub fn run(self) -> Exit {
        match self {
            Command::Check(args) => check::run(args),
            Command::Pack(args) => pack::run(args),
            Command::Index(args) => index::run(args),
            Command::Build(args) => build::run(args),
            Command::Help => {
                println!("wex: check, pack and publish Wex placement bundles.\n\n{USAGE}");
                Exit::Ok
            }
        }
    }
}

/// Reads the positional values and an optional `-o/--output`, refusing anything else.
fn values_and_output(parser: &mut lexopt::Parser) -> Result<(Vec<std::path::PathBuf>, Option<std::path::PathBuf>), String> {
    let mut values = Vec::new();
    let mut output = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            lexopt::Arg::Short('o') | lexopt::Arg::Long("output") => {
                output = Some(parser.value().map_err(|e| e.to_string())?.into());
            }
            lexopt::Arg::Value(value) => values.push(value.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok((values, output))
}

/// Parses and checks one bundle folder, printing what is wrong with paths that
/// start at the folder. Returns the bundle when it has no errors.
fn load_bundle(folder: &std::path::Path) -> Result<wex_core::bundle::Bundle, Exit> {
    let files = match crate::folder::read_bundle_folder(folder) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("wex: {error}");
            return Err(Exit::CouldNotRun);
        }
    };
    let parsed = wex_core::bundle::parse_bundle(&files);
    let shown: Vec<_> = parsed
        .diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            d.file = folder.join(&d.file).display().to_string();
            d
        })
        .collect();
    crate::output::print_diagnostics(&shown);
    match parsed.ok() {
        Some(bundle) => Ok(bundle.clone()),
        None => {
            let count = crate::output::count(&shown).unwrap_or_default();
            eprintln!("wex: {} has {count}", folder.display());
            Err(Exit::Problems)
        }
    }
}
