//! Takes the example placement out of docs/authoring.md at build time (its
//! `<!-- example-file: path -->` blocks), so that `author::example` carries only the
//! example's files, not the whole guide, and a broken example stops the build.

use std::path::Path;

fn main() {
    let guide_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/authoring.md");
    println!("cargo::rerun-if-changed={}", guide_path.display());
    if std::env::var_os("CARGO_FEATURE_AUTHOR").is_none() {
        return;
    }
    let guide = std::fs::read_to_string(&guide_path).expect("docs/authoring.md, which holds the example placement");
    let mut files = Vec::new();
    let mut rest = guide.as_str();
    while let Some(at) = rest.find("<!-- example-file: ") {
        rest = &rest[at + "<!-- example-file: ".len()..];
        let (path, after) = rest.split_once(" -->\n").expect("an example-file marker ends ` -->` on its line");
        let (fence_line, body) = after.split_once('\n').expect("a fenced block follows each example-file marker");
        let fence: String = fence_line.chars().take_while(|c| *c == '`' || *c == '~').collect();
        assert!(fence.len() >= 3, "the line after `<!-- example-file: {path} -->` must open a fenced block");
        let end = body.find(&format!("\n{fence}\n")).unwrap_or_else(|| panic!("the fenced block of example file {path} is never closed"));
        files.push(format!("    ({path:?}, {:?}),\n", &body[..end + 1]));
        rest = &body[end..];
    }
    assert!(files.len() >= 3, "docs/authoring.md should hold the example placement's files");
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("example_files.rs");
    std::fs::write(out, format!("/// The example's text files, from docs/authoring.md.\nconst TEXT_FILES: &[(&str, &str)] = &[\n{}];\n", files.concat())).expect("writing example_files.rs");
}
