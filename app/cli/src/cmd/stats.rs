//! `wex stats`: figures about a bundle for its author.

use super::help::{Help};
use super::Exit;
use std::path::PathBuf;

pub const HELP: Help = Help {
    name: "stats",
    summary: "modules, steps, minutes and reading age",
    usage: &["<folder>"],
    about: "Counts a bundle's modules, steps and kinds of step, adds up its minutes and\n\
            words, and estimates the reading age of its text, so you can see at a glance\n\
            whether it suits learners aged 14 to 19.",
    options: &[],
    examples: &[("wex stats content/first-look", "the figures for the first-look placement")],
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
    let bundle = match super::load_bundle(&args.folder) {
        Ok(bundle) => bundle,
        Err(exit) => return exit,
    };
    let s = wex_core::stats::stats(&bundle);
    println!("{} {}: {}", bundle.id, bundle.version, bundle.title);
    println!("  modules:     {}", s.modules);
    println!("  steps:       {}", s.steps);
    let kinds: Vec<String> = s.activities.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!("  step types:  {}", kinds.join(", "));
    println!("  minutes:     {} ({:.1} hours)", s.minutes, s.minutes as f64 / 60.0);
    println!("  words:       {} in {} sentences", s.words, s.sentences);
    println!("  reading age: about {:.0} (Flesch-Kincaid grade {:.1})", s.reading_age, s.grade);
    Exit::Ok
}
