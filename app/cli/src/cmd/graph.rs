//! `wex graph`: every scenario of a bundle as a Mermaid flowchart, in Markdown ready
//! for a README or a pull request, with unreachable nodes, dead ends and loops with
//! no way out marked. It draws what it can even when the bundle has errors (they go
//! to standard error), since a broken scenario is when the map helps most.

use super::help::{Help};
use super::Exit;
use std::path::PathBuf;
use wex_core::scenario_map::{maps, mermaid};

pub const HELP: Help = Help {
    name: "graph",
    summary: "every scenario as a Mermaid flowchart (Markdown)",
    usage: &["<folder>"],
    about: "Prints each scenario of a bundle as a Mermaid flowchart in Markdown, ready for a\n\
            README or a pull request, marking unreachable nodes, dead ends and loops with\n\
            no way out. It draws what it can even when the bundle has errors.",
    options: &[],
    examples: &[("wex graph content/hospice-placement > scenarios.md", "write the scenario maps to a Markdown file")],
};

pub struct Args {
    folder: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        Ok(Args { folder: super::one_folder(parser, &HELP, "bundle folder")? })
    }
}

pub fn run(args: Args) -> Exit {
    let (parsed, shown) = match super::parse_folder(&args.folder) {
        Ok(parsed) => parsed,
        Err(exit) => return exit,
    };
    crate::output::print_diagnostics(&shown);
    let Some(bundle) = parsed.bundle.as_ref() else {
        eprintln!("wex: {} has no readable bundle.toml", args.folder.display());
        return Exit::Problems;
    };
    let maps = maps(bundle);
    for (n, (module, step, scenario_map)) in maps.iter().enumerate() {
        if n > 0 {
            println!();
        }
        println!("### {}: {}\n", module.title, step.title);
        let marked = match scenario_map.problems().len() {
            0 => String::new(),
            problems => format!(", {problems} marked ⚠"),
        };
        println!("`{}/{}`: {}{marked}.\n", module.id, step.id, scenario_map.counts());
        println!("```mermaid\n{}```", mermaid(scenario_map));
    }
    if maps.is_empty() {
        eprintln!("wex: {} has no scenarios", args.folder.display());
    }
    if parsed.has_errors() { Exit::Problems } else { Exit::Ok }
}
