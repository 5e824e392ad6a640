//! `wex check`: parse and check bundle folders, reporting every problem.

use super::Exit;
use std::path::PathBuf;

pub struct Args {
    folders: Vec<PathBuf>,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let (folders, output) = super::values_and_output(parser)?;
        if output.is_some() {
            return Err("check writes no file; leave out -o".into());
        }
        if folders.is_empty() {
            return Err("name at least one bundle folder".into());
        }
        Ok(Args { folders })
    }
}

pub fn run(args: Args) -> Exit {
    let mut worst = Exit::Ok;
    for folder in &args.folders {
        match super::load_bundle(folder) {
            Ok(bundle) => println!("{}: ok ({} {}, {} modules)", folder.display(), bundle.id, bundle.version, bundle.modules.len()),
            Err(exit) => worst = worst.max_with(exit),
        }
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
