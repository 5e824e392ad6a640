//! The subcommands: arguments are parsed and checked first, without touching the
//! system; then `run` does the work and returns an exit code.

mod build;
mod check;
mod graph;
mod index;
mod keygen;
mod new;
mod pack;
mod sign;
mod stats;
mod verify;

use std::ffi::OsString;

pub const USAGE: &str = "\
Usage:
  wex new <folder>                         start a new bundle from a working example
  wex check [--format json] <folder>...    check bundles and report every problem
  wex stats <folder>                       modules, steps, minutes and reading age
  wex graph <folder>                       every scenario as a Mermaid flowchart (Markdown)
  wex pack <folder> -o <file>              pack one bundle into a .wex.json file
  wex keygen -o <key-file>                 make a publisher signing key
  wex sign <packed-file> --key <key-file>  sign a packed bundle
  wex verify <packed-file>                 check a packed bundle's hash and signature
  wex verify <certificate> [--bundle <f>]  check a certificate (and that it is for that placement)
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
    New(new::Args),
    Check(check::Args),
    Stats(stats::Args),
    Graph(graph::Args),
    Pack(pack::Args),
    Keygen(keygen::Args),
    Sign(sign::Args),
    Verify(verify::Args),
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
            "new" => new::Args::parse(&mut parser).map(Command::New),
            "check" => check::Args::parse(&mut parser).map(Command::Check),
            "stats" => stats::Args::parse(&mut parser).map(Command::Stats),
            "graph" => graph::Args::parse(&mut parser).map(Command::Graph),
            "pack" => pack::Args::parse(&mut parser).map(Command::Pack),
            "keygen" => keygen::Args::parse(&mut parser).map(Command::Keygen),
            "sign" => sign::Args::parse(&mut parser).map(Command::Sign),
            "verify" => verify::Args::parse(&mut parser).map(Command::Verify),
            "index" => index::Args::parse(&mut parser).map(Command::Index),
            "build" => build::Args::parse(&mut parser).map(Command::Build),
            "help" => Ok(Command::Help),
            other => Err(format!("unknown command `{other}`")),
        }
        .map_err(|e| format!("{name}: {e}"))
    }

    pub fn run(self) -> Exit {
        match self {
            Command::New(args) => new::run(args),
            Command::Check(args) => check::run(args),
            Command::Stats(args) => stats::run(args),
            Command::Graph(args) => graph::run(args),
            Command::Pack(args) => pack::run(args),
            Command::Keygen(args) => keygen::run(args),
            Command::Sign(args) => sign::run(args),
            Command::Verify(args) => verify::run(args),
            Command::Index(args) => index::run(args),
            Command::Build(args) => build::run(args),
            Command::Help => {
                println!("wex: check, pack and publish Wex placement bundles.\n\n{USAGE}");
                Exit::Ok
            }
        }
    }
}

/// A subcommand's arguments: its positional values and the options it accepts.
#[derive(Default)]
struct Parsed {
    values: Vec<std::path::PathBuf>,
    output: Option<std::path::PathBuf>,
    key: Option<std::path::PathBuf>,
    bundle: Option<std::path::PathBuf>,
    format: Option<String>,
}

/// Reads positional values and the named options (`output`, `key`, `format`);
/// any other option is a usage error.
fn parse_args(parser: &mut lexopt::Parser, options: &[&str]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let name = match &arg {
            lexopt::Arg::Short('o') | lexopt::Arg::Long("output") => "output",
            lexopt::Arg::Long("key") => "key",
            lexopt::Arg::Long("bundle") => "bundle",
            lexopt::Arg::Long("format") => "format",
            lexopt::Arg::Value(value) => {
                parsed.values.push(value.into());
                continue;
            }
            _ => return Err(arg.unexpected().to_string()),
        };
        if !options.contains(&name) {
            return Err(arg.unexpected().to_string());
        }
        let value = parser.value().map_err(|e| e.to_string())?;
        match name {
            "output" => parsed.output = Some(value.into()),
            "key" => parsed.key = Some(value.into()),
            "bundle" => parsed.bundle = Some(value.into()),
            _ => parsed.format = Some(value.to_string_lossy().into_owned()),
        }
    }
    Ok(parsed)
}

/// Exactly one positional value, or a usage error naming what it should be.
/// The arguments of a command that takes one folder and no options.
fn one_folder(parser: &mut lexopt::Parser, what: &str) -> Result<std::path::PathBuf, String> {
    let mut parsed = parse_args(parser, &[])?;
    one_value(&mut parsed, what)
}

fn one_value(parsed: &mut Parsed, what: &str) -> Result<std::path::PathBuf, String> {
    if parsed.values.len() != 1 {
        return Err(format!("name exactly one {what}"));
    }
    Ok(parsed.values.remove(0))
}

/// Parses one bundle folder; the diagnostics come back with paths that start at it.
fn parse_folder(folder: &std::path::Path) -> Result<(wex_core::bundle::Parsed, Vec<wex_core::Diagnostic>), Exit> {
    let files = crate::folder::read_bundle_folder(folder).map_err(|error| {
        eprintln!("wex: {error}");
        Exit::CouldNotRun
    })?;
    let parsed = wex_core::bundle::parse_bundle(&files);
    let shown = parsed
        .diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            d.file = folder.join(&d.file).display().to_string();
            d
        })
        .collect();
    Ok((parsed, shown))
}

/// Parses and checks one bundle folder, printing what is wrong with paths that
/// start at the folder. Returns the bundle when it has no errors.
fn load_bundle(folder: &std::path::Path) -> Result<wex_core::bundle::Bundle, Exit> {
    let (parsed, shown) = parse_folder(folder)?;
    crate::output::print_diagnostics(&shown);
    match parsed.ok() {
        Some(bundle) => Ok(bundle.clone()),
        None => {
            let count = wex_core::diagnostic::count(&shown).unwrap_or_default();
            eprintln!("wex: {} has {count}", folder.display());
            Err(Exit::Problems)
        }
    }
}
