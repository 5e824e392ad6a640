//! `wex check`: parse and check bundle folders, reporting every problem, as text
//! for people or as JSON (`--format json`) for tools.

use super::Exit;
use std::path::PathBuf;

pub struct Args {
    folders: Vec<PathBuf>,
    json: bool,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let parsed = super::parse_args(parser, &["format"])?;
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
