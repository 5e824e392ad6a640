//! Runs the real `wex` binary on fixture folders and checks its exit codes, output
//! and files.

mod common;

use common::{repo, scratch, text, wex};
use std::path::PathBuf;

/// first-look's version, as its bundle.toml says: it changes as the content is revised.
fn first_look_version() -> String {
    let manifest = std::fs::read_to_string(repo().join("content/first-look/bundle.toml")).unwrap();
    let line = manifest.lines().find(|l| l.starts_with("version = ")).unwrap();
    line.trim_start_matches("version = ").trim_matches('"').to_string()
}

#[test]
fn check_passes_the_shipped_content() {
    let output = wex(&["check", "content/first-look"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let expected = format!("content/first-look: ok (first-look {}, 3 modules)", first_look_version());
    assert!(text(&output).contains(&expected), "{}", text(&output));
}

#[test]
fn check_reports_a_broken_bundle_with_exit_code_1() {
    let output = wex(&["check", "tests/fixtures/content-with-broken-bundle/broken-toml"]);
    assert_eq!(output.status.code(), Some(1));
    let shown = text(&output);
    assert!(shown.contains("error[WEX001]: key with no value, expected `=`"), "{shown}");
    assert!(shown.contains("tests/fixtures/content-with-broken-bundle/broken-toml/bundle.toml:3:7"), "{shown}");
    assert!(shown.contains("has 1 error"), "{shown}");
}

const COMMANDS: [&str; 12] = ["new", "check", "stats", "graph", "pack", "keygen", "sign", "verify", "index", "build", "scorm", "finish-site"];

#[test]
fn every_command_explains_itself_and_exits_0() {
    let overview = text(&wex(&["--help"]));
    for command in COMMANDS {
        assert!(overview.contains(&format!("\n  {command} ")), "wex --help lists {command}: {overview}");
        for args in [vec![command, "--help"], vec![command, "-h"], vec!["help", command], vec![command, "some/folder", "--help"]] {
            let output = wex(&args);
            assert_eq!(output.status.code(), Some(0), "{args:?}: {}", text(&output));
            let page = String::from_utf8_lossy(&output.stdout).into_owned();
            assert!(page.starts_with(&format!("wex {command}: ")), "{args:?}: {page}");
            for part in ["Usage:\n", "Options:\n", "Examples:\n", &format!("  wex {command} ")] {
                assert!(page.contains(part), "{args:?} shows {part:?}: {page}");
            }
        }
    }
    let version = wex(&["--version"]);
    assert_eq!((version.status.code(), text(&version).trim()), (Some(0), concat!("wex ", env!("CARGO_PKG_VERSION"))));
    assert_eq!(text(&wex(&["-V"])), text(&version));
}

#[test]
fn an_unknown_option_names_the_valid_ones_for_that_command() {
    let output = wex(&["pack", "content/first-look", "--out", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    let shown = text(&output);
    assert!(shown.contains("`--out` is not an option of `wex pack`; it takes -o, --output <file>, -h, --help"), "{shown}");
    assert!(shown.contains("Usage:\n  wex pack <folder> -o <file>\n"), "{shown}");
    let output = wex(&["index", "-x", "dist/bundles"]);
    assert!(text(&output).contains("`-x` is not an option of `wex index`; it takes -h, --help"), "{}", text(&output));
    assert!(text(&wex(&["chek", "x"])).contains("there is no command `chek`; did you mean `check`?"));
    assert!(text(&wex(&["help", "pak"])).contains("did you mean `pack`?"));
}

#[test]
fn a_closed_pipe_ends_wex_quietly() {
    use std::io::Read as _;
    // A bundle whose JSON report is far larger than a pipe's buffer: the report
    // carries the 300 KB line with the control character in it.
    let folder = scratch("closed-pipe");
    let case = repo().join("tests/bundles/control-character");
    std::fs::create_dir_all(folder.join("modules")).unwrap();
    std::fs::copy(case.join("bundle.toml"), folder.join("bundle.toml")).unwrap();
    let module = std::fs::read_to_string(case.join("modules/one.md")).unwrap().replace(['\u{0}', '\u{7}'], "");
    std::fs::write(folder.join("modules/one.md"), format!("{module}\n{}\u{7}\n", "word ".repeat(60_000))).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wex"))
        .args(["check", "--format", "json"])
        .arg(&folder)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, as `| head -c 1` would, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut [0u8; 1]).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn usage_mistakes_exit_with_code_2() {
    for args in [&["frobnicate"][..], &["pack", "content/first-look"], &["check"], &["check", "--bogus", "x"]] {
        let output = wex(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", text(&output));
        assert!(text(&output).contains("Usage:"), "{args:?}");
    }
    assert_eq!(wex(&["check", "no/such/folder"]).status.code(), Some(2));
}

#[test]
fn build_packs_deterministically_and_index_refuses_tampered_files() {
    let out = scratch("build");
    let out_arg = out.to_str().unwrap();
    let output = wex(&["build", "content", "-o", out_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let file = format!("first-look-{}.wex.json", first_look_version());
    let packed = out.join(&file);
    let first = std::fs::read(&packed).unwrap();
    let index = std::fs::read_to_string(out.join("index.json")).unwrap();
    assert!(index.contains(&format!("\"file\": \"{file}\"")), "{index}");

    // Packing again gives the same bytes.
    let again = out.join("again.wex.json");
    assert_eq!(wex(&["pack", "content/first-look", "-o", again.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(std::fs::read(&again).unwrap(), first);
    std::fs::remove_file(&again).unwrap();

    // A changed byte in a packed file: `wex index` refuses and leaves index.json as it was.
    let tampered = String::from_utf8(first).unwrap().replacen("Healthcare for everyone", "Healthcare for everybody", 1);
    std::fs::write(&packed, tampered).unwrap();
    let output = wex(&["index", out_arg]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("has been changed or damaged since it was packed"), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(out.join("index.json")).unwrap(), index);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn build_with_a_broken_bundle_writes_nothing() {
    let out = scratch("broken");
    let target = out.join("bundles");
    let output = wex(&["build", "tests/fixtures/content-with-broken-bundle", "-o", target.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("nothing was written"));
    assert!(!target.exists());
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn new_makes_the_guide_example_and_it_checks_clean() {
    let dir = scratch("new");
    let folder = dir.join("placement");
    let output = wex(&["new", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let output = wex(&["check", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(!text(&output).contains("warning"), "the example must have no warnings:\n{}", text(&output));
    let stats = text(&wex(&["stats", folder.to_str().unwrap()]));
    for kind in ["care-plan 1", "case-study 1", "media 1", "page 1", "quiz 1", "reflection 1", "scenario 1"] {
        assert!(stats.contains(kind), "the example must use every step type; stats say:\n{stats}");
    }
    // It never overwrites.
    assert_eq!(wex(&["new", folder.to_str().unwrap()]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keygen_sign_and_verify() {
    let dir = scratch("sign");
    let key = dir.join("key.json");
    let packed = dir.join("p.wex.json");
    assert_eq!(wex(&["keygen", "-o", key.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(wex(&["keygen", "-o", key.to_str().unwrap()]).status.code(), Some(2), "keygen never overwrites");
    assert_eq!(wex(&["pack", "content/first-look", "-o", packed.to_str().unwrap()]).status.code(), Some(0));
    let unsigned = text(&wex(&["verify", packed.to_str().unwrap()]));
    assert!(unsigned.contains("signature: not signed"), "{unsigned}");
    let output = wex(&["sign", packed.to_str().unwrap(), "--key", key.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let output = wex(&["verify", packed.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(text(&output).contains("signature: valid, by key"), "{}", text(&output));

    // One changed character in the content: the hash check fails first.
    let signed = std::fs::read_to_string(&packed).unwrap();
    std::fs::write(&packed, signed.replacen("Healthcare for everyone", "Healthcare for everybody", 1)).unwrap();
    let output = wex(&["verify", packed.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("NOT VALID"), "{}", text(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_shipped_placement_checks_with_no_errors_and_no_warnings() {
    let content = repo().join("content");
    let mut folders: Vec<_> = std::fs::read_dir(&content).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("bundle.toml").is_file()).collect();
    folders.sort();
    assert!(folders.len() >= 8, "content/ should hold the seven placements and the first look");
    for folder in folders {
        let output = wex(&["check", folder.to_str().unwrap()]);
        let shown = text(&output);
        assert_eq!(output.status.code(), Some(0), "{shown}");
        assert!(!shown.contains("warning["), "{} has warnings:\n{shown}", folder.display());
    }
}

#[test]
fn verify_checks_certificates_and_names_each_check() {
    use wex_core::progress::{Action, Record};
    let dir = scratch("certificate");
    let packed_path = dir.join("first-look.wex.json");
    assert_eq!(wex(&["pack", "content/first-look", "-o", packed_path.to_str().unwrap()]).status.code(), Some(0));
    let packed = wex_core::pack::unpack(&std::fs::read(&packed_path).unwrap()).unwrap();
    let bundle = &packed.bundle;
    let records: Vec<Record> = bundle
        .modules
        .iter()
        .flat_map(|m| m.steps.iter().map(move |s| Record { bundle: bundle.id.clone(), item: wex_core::progress::ItemId::parse(&format!("{}/{}", m.id, s.id)), at_ms: 1, action: Action::Done }))
        .collect();
    let input = wex_core::credential::badge::Issue {
        learner_name: "Sam",
        bundle,
        bundle_sha256: &packed.sha256,
        records: &records,
        issued_at: "2026-11-25T10:00:00Z",
        credential_id: "urn:uuid:00000000-0000-4000-8000-000000000002",
    };
    let credential = wex_core::credential::badge::issue(&input, &[5; 32]).unwrap();
    let path = dir.join("certificate.json");
    std::fs::write(&path, credential.to_string()).unwrap();

    let output = wex(&["verify", path.to_str().unwrap(), "--bundle", packed_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let placement = format!("placement: ok (first-look {} with the same content hash)", first_look_version());
    for line in ["VALID (self-declared)", "signature: ok", "issuer: ok", placement.as_str()] {
        assert!(text(&output).contains(line), "{line}:\n{}", text(&output));
    }
    // A completion record: the log is scored again.
    let record_path = dir.join("record.json");
    let record = wex_core::credential::record::CompletionRecord::new(credential.clone(), records.clone());
    std::fs::write(&record_path, serde_json::to_string(&record).unwrap()).unwrap();
    let output = wex(&["verify", record_path.to_str().unwrap(), "--bundle", packed_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(text(&output).contains("re-score: ok"), "{}", text(&output));

    std::fs::write(&path, credential.to_string().replace("\"Sam\"", "\"Sal\"")).unwrap();
    let output = wex(&["verify", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("signature: FAILED (the signature does not match"), "{}", text(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn graph_draws_scenarios_as_mermaid_and_marks_problems_even_with_errors() {
    let output = wex(&["graph", "content/gp-to-diagnosis"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let out = text(&output);
    assert!(out.contains("```mermaid\nflowchart TD\n"), "{out}");
    assert!(out.contains("35 nodes, 52 choices, 5 endings."), "{out}");
    // A dead end is an error for `wex check`, and exactly what the map should show.
    let broken = wex(&["graph", "tests/bundles/dead-end"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("⚠ dead end"), "{}", text(&broken));
    assert_eq!(wex(&["graph", "tests/bundles/no-nation-or-sources"]).status.code(), Some(0), "no scenarios is not a failure");
}

/// A site as Trunk stages it before the post-build hook: the shell at the top, the
/// other apps in app/ under their binary names, and every app's snippets copied
/// beside each folder's scripts.
fn staged_site(name: &str) -> PathBuf {
    let site = scratch(name);
    let put = |path: &str, text: &str| {
        let path = site.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let preloads = ["start_app", "files", "folder"].map(|s| format!("<link rel=\"modulepreload\" href=\"/snippets/wex-web-1/js/{s}.js\">\n")).concat();
    put("index.html", &format!("<html><head>\n    <meta charset=\"utf-8\" />\n{preloads}<script type=\"module\">import init from '/wex-shell-1.js';</script></head></html>"));
    put("wex-shell-1.js", "import { load_module } from './snippets/wex-web-1/js/start_app.js';");
    put("wex-shell-1_bg.wasm", "shell");
    put("app/studio.css", "body{}");
    for (bin, imports) in [("wex-learner", "files"), ("wex-tutor", "files"), ("wex-studio", "folder")] {
        put(&format!("app/{bin}.js"), &format!("import {{ x }} from './snippets/wex-web-1/js/{imports}.js';"));
        put(&format!("app/{bin}_bg.wasm"), bin);
    }
    for folder in ["", "app/"] {
        for snippet in ["start_app", "files", "folder"] {
            put(&format!("{folder}snippets/wex-web-1/js/{snippet}.js"), "export function x() {}");
        }
    }
    put("bundles/index.json", "{}");
    site
}

#[test]
fn finish_site_names_the_apps_keeps_used_snippets_and_writes_the_worker_and_csp() {
    let site = staged_site("finish");
    let output = wex(&["finish-site", site.to_str().unwrap(), "app/web/sw/service-worker.js"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(text(&output).contains("app/app.json lists 3 apps; 3 unused snippet(s) removed (2 preload(s) of them)"), "{}", text(&output));

    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(site.join("app/app.json")).unwrap()).unwrap();
    for (app, bin) in [("learner", "wex-learner"), ("tutor", "wex-tutor"), ("studio", "wex-studio")] {
        let js = manifest[app]["js"].as_str().unwrap();
        assert!(js.starts_with(&format!("{bin}-")) && site.join("app").join(js).is_file(), "{manifest}");
        assert_eq!(std::fs::read_to_string(site.join("app").join(manifest[app]["wasm"].as_str().unwrap())).unwrap(), bin);
        assert!(!site.join(format!("app/{bin}.js")).exists(), "the unhashed name is gone");
    }
    let kept = |path: &str| site.join(path).exists();
    assert!(kept("snippets/wex-web-1/js/start_app.js") && !kept("snippets/wex-web-1/js/files.js") && !kept("snippets/wex-web-1/js/folder.js"));
    assert!(kept("app/snippets/wex-web-1/js/files.js") && kept("app/snippets/wex-web-1/js/folder.js") && !kept("app/snippets/wex-web-1/js/start_app.js"));

    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(page.contains("http-equiv=\"Content-Security-Policy\"") && page.contains("'sha256-"), "{page}");
    assert!(page.contains("js/start_app.js\"") && !page.contains("js/files.js") && !page.contains("js/folder.js"), "only the shell's snippet is preloaded: {page}");
    let worker = std::fs::read_to_string(site.join("sw.js")).unwrap();
    assert!(!worker.contains("__WEX_SHELL__") && !worker.contains("__WEX_VERSION__"), "{worker}");
    let listed = |path: &str| worker.contains(&format!("\"{path}\""));
    let in_app = |app: &str, file: &str| format!("app/{}", manifest[app][file].as_str().unwrap());
    assert!(listed("index.html") && listed("app/app.json") && listed(&in_app("learner", "wasm")) && listed("snippets/wex-web-1/js/start_app.js"));
    assert!(!listed("bundles/index.json") && !listed("app/studio.css") && !listed(&in_app("tutor", "js")) && !listed(&in_app("studio", "wasm")));
    std::fs::remove_dir_all(&site).unwrap();
}

#[test]
fn finish_site_changes_nothing_when_an_app_or_snippet_is_missing() {
    for (what, remove, says) in [
        ("app", "app/wex-tutor_bg.wasm", "wex-tutor_bg.wasm"),
        ("snippet", "app/snippets/wex-web-1/js/folder.js", "imports snippets/wex-web-1/js/folder.js, which the build did not write"),
    ] {
        let site = staged_site(&format!("finish-missing-{what}"));
        std::fs::remove_file(site.join(remove)).unwrap();
        let before = std::fs::read_to_string(site.join("index.html")).unwrap();
        let output = wex(&["finish-site", site.to_str().unwrap(), "app/web/sw/service-worker.js"]);
        assert_eq!(output.status.code(), Some(1), "{}", text(&output));
        assert!(text(&output).contains(says), "{}", text(&output));
        assert_eq!(std::fs::read_to_string(site.join("index.html")).unwrap(), before, "index.html unchanged");
        assert!(site.join("app/wex-learner.js").exists() && !site.join("app/app.json").exists() && !site.join("sw.js").exists());
        std::fs::remove_dir_all(&site).unwrap();
    }
}
