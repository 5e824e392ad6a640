//! Habits of the codebase, checked: every Rust file starts with a `//!` line saying
//! what it holds, and only `app/web` touches the browser.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() && name != "target" && !name.starts_with('.') {
            rust_files(&path, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

fn app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn every_rust_file_says_what_it_holds() {
    let mut files = Vec::new();
    rust_files(&app(), &mut files);
    assert!(files.len() > 40);
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(missing.is_empty(), "start these files with a `//!` line: {missing:?}");
}

#[test]
fn only_the_web_crate_touches_the_browser() {
    for krate in ["core", "cli"] {
        let mut files = Vec::new();
        rust_files(&app().join(krate), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for browser in ["web_sys", "wasm_bindgen", "js_sys", "leptos"] {
                assert!(!text.contains(&format!("{browser}::")), "{} uses {browser}; browser code belongs in app/web", file.display());
            }
        }
    }
}
