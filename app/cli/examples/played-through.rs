//! Prints a progress file (the kind "Add progress from a file" takes) of a learner
//! who has done the whole of a shipped placement with every right answer, for the
//! end-to-end test that every placement's certificate prints on one page.
//!
//!     cargo run -p wex-cli --example played-through -- <packed placement> <learner name>

use wex_core::author::sample::{played, Answers};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (packed, learner) = match (args.next(), args.next()) {
        (Some(packed), Some(learner)) => (packed, learner),
        _ => return Err("usage: played-through <packed placement> <learner name>".into()),
    };
    let bytes = std::fs::read(&packed).map_err(|e| format!("{packed}: {e}"))?;
    let bundle = wex_core::pack::unpack(&bytes).map_err(|why| format!("{packed}: {why}"))?.bundle;
    let records = played(&bundle, 60, Answers::Right);
    let file = wex_core::transfer::ProgressFile::new(&learner, "played-through", 1_765_000_000_000, records);
    println!("{}", file.to_json());
    Ok(())
}
