//! `wex new`: a new bundle folder holding the complete example from
//! docs/authoring.md, so the guide and the starting point can never disagree.

use super::help::{Help};
use super::Exit;
use std::path::{Path, PathBuf};

/// The authoring guide; its `<!-- example-file: path -->` blocks are the example.
const GUIDE: &str = include_str!("../../../../docs/authoring.md");

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
    for (path, bytes) in example_files() {
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

/// The example's files: each fenced block after an `example-file` marker in the
/// guide, plus a short silent MP3 for its media step.
pub fn example_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut rest = GUIDE;
    while let Some(at) = rest.find("<!-- example-file: ") {
        rest = &rest[at + "<!-- example-file: ".len()..];
        let Some((path, after)) = rest.split_once(" -->\n") else { break };
        let Some((fence_line, body)) = after.split_once('\n') else { break };
        let fence: String = fence_line.chars().take_while(|c| *c == '`' || *c == '~').collect();
        let Some(end) = body.find(&format!("\n{fence}\n")) else { break };
        files.push((path.to_string(), body[..end + 1].as_bytes().to_vec()));
        rest = &body[end..];
    }
    files.push(("media/huddle.mp3".to_string(), silent_mp3()));
    files
}

/// About a second of silence: MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) whose
/// audio data is all zeros. A placeholder for authors to replace.
fn silent_mp3() -> Vec<u8> {
    const FRAME_BYTES: usize = 417;
    let mut bytes = Vec::with_capacity(FRAME_BYTES * 38);
    for _ in 0..38 {
        bytes.extend_from_slice(&[0xff, 0xfb, 0x90, 0x64]);
        bytes.resize(bytes.len() + FRAME_BYTES - 4, 0);
    }
    bytes
}
