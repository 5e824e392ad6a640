//! Writes a generated bundle folder of 1,000 steps (10 modules of 100) for the
//! studio's re-check benchmark (docs/benchmarks.md): the same folder that
//! `cargo bench -p wex-core --bench parse` checks.
//!
//!     cargo run -p wex-cli --example large-bundle -- <out folder>

fn main() -> Result<(), String> {
    let out = std::env::args().nth(1).ok_or("usage: large-bundle <out folder>")?;
    let files = wex_core::author::sample::large(10, 100);
    for (path, bytes) in &files.files {
        let target = std::path::Path::new(&out).join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&target, bytes).map_err(|e| e.to_string())?;
    }
    println!("{} files in {out}", files.files.len());
    Ok(())
}
