//! `wex scorm` on every shipped placement, for both standards: the package holds
//! exactly what a learner needs, its manifest validates against the official XSDs
//! (with xmllint, which scripts/setup.sh installs), and the same inputs give the
//! same bytes. `UPDATE_EXPECT=1` rewrites the golden manifests.

mod common;

use common::{bundle_folders, repo, scratch, text, wex};
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Output};

const SITE: &str = "tests/fixtures/site-for-scorm";

/// Every file of a zip, by name, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut contents = Vec::new();
            file.read_to_end(&mut contents).unwrap();
            (file.name().unwrap().to_string(), contents)
        })
        .collect()
}

/// xmllint's verdict on a manifest against the official schemas of its standard.
fn validate(manifest: &Path, standard: &str) -> Output {
    let schema = repo().join(format!("tests/fixtures/scorm-xsd/{standard}/wrapper.xsd"));
    Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .arg(manifest)
        .output()
        .expect("xmllint (Debian's libxml2-utils; scripts/setup.sh installs it)")
}

#[test]
fn every_placement_packages_for_both_standards_with_a_valid_manifest() {
    let out = scratch("all");
    let placements = bundle_folders(&repo().join("content"));
    assert!(placements.len() >= 7, "{placements:?}");
    for name in &placements {
        for standard in ["1.2", "2004"] {
            let zip = out.join(format!("{name}-{standard}.zip"));
            let args = ["scorm", &format!("content/{name}"), "--site", SITE, "-o", zip.to_str().unwrap(), "--standard", standard];
            let output = wex(&args);
            assert_eq!(output.status.code(), Some(0), "{}", text(&output));
            let bytes = std::fs::read(&zip).unwrap();
            let files = unzip(&bytes);
            let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
            // Exactly what a learner needs: nothing of the tutor's or the studio's,
            // and no other placement.
            let id = name.as_str();
            let packed = names.iter().find(|n| n.starts_with("bundles/") && n.ends_with(".wex.json")).copied().unwrap_or_default();
            assert!(packed.starts_with(&format!("bundles/{id}-")), "{names:?}");
            let mut expected = vec![
                "app/snippets/wex-web-0123/js/files.js",
                "app/wex-learner-0123.js",
                "app/wex-learner-4567_bg.wasm",
                "assets/images/nhsuk-icon-cross.svg",
                packed,
                "bundles/index.json",
                "index.html",
                "start.js",
                "wex-0a1b2c.css",
            ];
            expected.sort();
            expected.insert(0, "imsmanifest.xml");
            assert_eq!(names, expected, "{name} {standard}");
            let file = |path: &str| String::from_utf8(files.iter().find(|(n, _)| n == path).unwrap().1.clone()).unwrap();
            assert!(file("index.html").contains(&format!("<meta name=\"wex-placement\" content=\"{id}\" />")));
            assert!(file("index.html").contains("<link rel=\"stylesheet\" href=\"wex-0a1b2c.css\" />"), "relative, whatever the site's public URL");
            assert!(!file("index.html").contains("<script>") && !file("index.html").contains("<script type=\"module\">"), "no inline script");
            assert!(file("index.html").contains("content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "), "the site's policy, with no script hashes");
            assert!(file("start.js").contains("import init from './app/wex-learner-0123.js';"));
            // The manifest lists every other file, and validates.
            let manifest = out.join(format!("{name}-{standard}.xml"));
            std::fs::write(&manifest, file("imsmanifest.xml")).unwrap();
            for other in &names[1..] {
                assert!(file("imsmanifest.xml").contains(&format!("<file href=\"{other}\"/>")), "{other} is not in the manifest");
            }
            let verdict = validate(&manifest, standard);
            assert!(verdict.status.success(), "{name} {standard}: {}", text(&verdict));
            // The same inputs, the same bytes.
            let again = out.join("again.zip");
            let args = ["scorm", &format!("content/{name}"), "--site", SITE, "-o", again.to_str().unwrap(), "--standard", standard];
            assert_eq!(wex(&args).status.code(), Some(0));
            assert_eq!(std::fs::read(&again).unwrap(), bytes, "{name} {standard} is not deterministic");
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_manifests_are_as_expected_and_the_check_can_fail() {
    let out = scratch("golden");
    for standard in ["1.2", "2004"] {
        let zip = out.join("p.zip");
        let output = wex(&["scorm", "content/gp-to-diagnosis", "--site", SITE, "-o", zip.to_str().unwrap(), "--standard", standard]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output));
        let files = unzip(&std::fs::read(&zip).unwrap());
        let manifest = String::from_utf8(files[0].1.clone()).unwrap();
        let golden = repo().join(format!("tests/fixtures/scorm/gp-to-diagnosis-{standard}.imsmanifest.xml"));
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &manifest).unwrap();
        }
        assert_eq!(manifest, std::fs::read_to_string(&golden).unwrap(), "UPDATE_EXPECT=1 rewrites {}", golden.display());
        // A manifest the schemas refuse is refused: the validation can fail.
        let broken = out.join("broken.xml");
        let scormtype = if standard == "1.2" { "adlcp:scormtype=\"sco\"" } else { "adlcp:scormType=\"sco\"" };
        assert!(manifest.contains(scormtype));
        std::fs::write(&broken, manifest.replace(scormtype, &scormtype.replace("sco\"", "scoX\""))).unwrap();
        assert!(!validate(&broken, standard).status.success(), "xmllint accepted a bad scormtype");
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_packed_file_works_as_well_as_a_folder_and_bad_input_is_named() {
    let out = scratch("inputs");
    let packed = out.join("first-look.wex.json");
    assert_eq!(wex(&["pack", "content/first-look", "-o", packed.to_str().unwrap()]).status.code(), Some(0));
    let (from_folder, from_file) = (out.join("a.zip"), out.join("b.zip"));
    assert_eq!(wex(&["scorm", "content/first-look", "--site", SITE, "-o", from_folder.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(wex(&["scorm", packed.to_str().unwrap(), "--site", SITE, "-o", from_file.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(std::fs::read(&from_folder).unwrap(), std::fs::read(&from_file).unwrap());

    // A changed packed file, a folder that is not a site, a site missing a file, a
    // standard Wex does not make: each refused with what to do.
    let tampered = out.join("tampered.wex.json");
    std::fs::write(&tampered, String::from_utf8(std::fs::read(&packed).unwrap()).unwrap().replacen("A first look at working", "A first l00k at working", 1)).unwrap();
    let output = wex(&["scorm", tampered.to_str().unwrap(), "--site", SITE, "-o", out.join("t.zip").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("the placement file cannot be used"), "{}", text(&output));
    let output = wex(&["scorm", "content/first-look", "--site", "content", "-o", out.join("t.zip").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("is not a built site"), "{}", text(&output));
    let site = out.join("site");
    copy_dir(&repo().join(SITE), &site);
    std::fs::remove_file(site.join("app/snippets/wex-web-0123/js/files.js")).unwrap();
    let output = wex(&["scorm", "content/first-look", "--site", site.to_str().unwrap(), "-o", out.join("t.zip").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("files.js is missing from the site"), "{}", text(&output));
    assert!(!out.join("t.zip").exists(), "nothing is written when a file is missing");
    let output = wex(&["scorm", "content/first-look", "--site", SITE, "-o", out.join("t.zip").to_str().unwrap(), "--standard", "1.3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).contains("use 1.2 or 2004"), "{}", text(&output));
    let _ = std::fs::remove_dir_all(&out);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
