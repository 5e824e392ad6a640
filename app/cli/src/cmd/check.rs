//! `wex check`: parse and check bundle folders, reporting every problem, as text
//! for people or as JSON (`--format json`) for tools.

use super::help::{Help, Opt};
use super::Exit;
use std::path::PathBuf;

pub const HELP: Help = Help {
    name: "check",
    summary: "check bundles and report every problem",
    usage: &["[--format human|json] <folder>..."],
    about: "Reads each bundle folder (bundle.toml, its modules and media) and reports every\n\
            problem found, with the file, line and column, a code (WEX001...) and what to do.\n\
            Errors stop a bundle from being packed; warnings do not. Exits 1 if any folder\n\
            has an error.",
    options: &[Opt { key: "format", flag: "--format <human|json>", text: "human-readable text (the default) or JSON for tools" }],
    examples: &[
        ("wex check content/hospice-placement", "check one placement"),
        ("wex check content/*", "check every placement in a folder"),
        ("wex check --format json my-placement", "the same diagnostics as JSON, for an editor or CI"),
    ],
};

pub struct Args {
    folders: Vec<PathBuf>,
    json: bool,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let parsed = super::parse_args(parser, &HELP)?;
        let json = match parsed.format.as_deref() {
            None | Some("human") => false,
            Some("json") => true,
            Some(other) => return Err(format!("unknown format `{other}`; use `human` or `json`")),
        };
        if parsed.values.is_empty() {
            return Err("name at least one bundle folder".into());
        }
        Ok(Args { folders: parsed.values, json })
    }
}

pub fn run(args: Args) -> Exit {
    let mut worst = Exit::Ok;
    let mut report = Vec::new();
    for folder in &args.folders {
        if args.json {
            match super::parse_folder(folder) {
                Ok((parsed, shown)) => {
                    if parsed.has_errors() {
                        worst = worst.max_with(Exit::Problems);
                    }
                    report.push(serde_json::json!({ "folder": folder.display().to_string(), "ok": !parsed.has_errors(), "diagnostics": shown }));
                }
                Err(exit) => worst = worst.max_with(exit),
            }
            continue;
        }
        match super::load_bundle(folder) {
            Ok(bundle) => {
                let modules = bundle.modules.len();
                println!("{}: ok ({} {}, {})", folder.display(), bundle.id, bundle.version, wex_core::words::plural(modules, "module"));
            }
            Err(exit) => worst = worst.max_with(exit),
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).expect("diagnostics serialize"));
    }
    worst
}

impl Exit {
    /// The worse of two exit codes.
    pub fn max_with(self, other: Exit) -> Exit {
        if other as u8 > self as u8 {
            other
        } else {
            self
        }
    }
}
