//! Any bytes, cut at 0xFF into bundle.toml, two module files and a media file,
//! must parse without a panic; and whatever parses without errors must pack and
//! unpack to the same bundle.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;
use wex_core::source::SourceFiles;

const PATHS: [&str; 4] = ["bundle.toml", "modules/one.md", "modules/two.md", "media/a.svg"];

fuzz_target!(|data: &[u8]| {
    let mut files = SourceFiles::new();
    for (path, chunk) in PATHS.iter().zip(data.split(|b| *b == 0xff)) {
        files.insert(*path, chunk.to_vec());
    }
    check::parses_and_round_trips(&files);
});
