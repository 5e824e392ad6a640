//! The malformed-bundle corpus: every folder in tests/bundles/ is a bundle with one
//! kind of mistake (its bundle.toml starts with a comment saying which), and
//! `expected.txt` beside it holds exactly what `wex check` prints for it.
//! `UPDATE_EXPECT=1 cargo test -p wex-cli --test corpus` rewrites the expectations.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bundles")
}

fn cases() -> Vec<String> {
    common::bundle_folders(&corpus())
}

/// What `wex check` prints for a case, run from the corpus folder so that paths
/// read `<case>/modules/one.md`, with its exit code on the last line.
fn check(case: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_wex")).args(["check", case]).current_dir(corpus()).env("NO_COLOR", "1").output().unwrap();
    format!(
        "{}{}exit code: {}\n",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout),
        output.status.code().unwrap_or(-1)
    )
}

#[test]
fn every_case_prints_what_it_expects() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut wrong = Vec::new();
    for case in cases() {
        let actual = check(&case);
        let path = corpus().join(&case).join("expected.txt");
        if update {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if actual != expected {
            wrong.push(format!("--- {case}: expected\n{expected}--- {case}: actual\n{actual}"));
        }
    }
    assert!(wrong.is_empty(), "{} case(s) differ (UPDATE_EXPECT=1 to accept):\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn every_case_says_what_it_checks() {
    for case in cases() {
        let manifest = std::fs::read_to_string(corpus().join(&case).join("bundle.toml")).unwrap_or_default();
        assert!(manifest.starts_with("# checks "), "{case}/bundle.toml must start with `# checks ...`");
    }
}

#[test]
fn the_corpus_covers_every_diagnostic_code() {
    let all: String = cases().iter().map(|case| std::fs::read_to_string(corpus().join(case).join("expected.txt")).unwrap_or_default()).collect();
    let missing: Vec<&str> = wex_core::Code::ALL.iter().map(|c| c.as_str()).filter(|code| !all.contains(&format!("[{code}]"))).collect();
    assert!(missing.is_empty(), "no case in tests/bundles shows {missing:?}");
}
