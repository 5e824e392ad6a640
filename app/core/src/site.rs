//! Finishing a built site (the last step of the one build; see ARCHITECTURE.md):
//! the app manifest the shell reads to start the other apps, content-hashed names
//! for their files, the JavaScript snippets each app imports, the service worker's
//! file list and version, and the Content-Security-Policy. Pure: the CLI's
//! `finish-site` reads and writes the files.

use crate::hash::{sha256_base64, sha256_hex};
use serde::{Deserialize, Serialize};

/// The folder of the site the apps other than the shell are built into.
pub const APP_FOLDER: &str = "app";

/// The app manifest's name inside [`APP_FOLDER`].
pub const APP_MANIFEST: &str = "app.json";

/// `app/app.json`: where each app the shell can start is. The one definition of
/// the format, written by the build and read by the shell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppManifest {
    pub learner: AppFiles,
    pub tutor: AppFiles,
    pub studio: AppFiles,
}

/// An app's script and wasm, by name inside [`APP_FOLDER`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppFiles {
    pub js: String,
    pub wasm: String,
}

/// The apps in [`AppManifest`], by the binary Trunk builds each from (the name of
/// its files before they are hashed: `<bin>.js` and `<bin>_bg.wasm`).
pub const APP_BINARIES: [&str; 3] = ["wex-learner", "wex-tutor", "wex-studio"];

impl AppManifest {
    /// The manifest for apps built from [`APP_BINARIES`], in that order.
    pub fn new([learner, tutor, studio]: [AppFiles; 3]) -> AppManifest {
        AppManifest { learner, tutor, studio }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a manifest always serializes") + "\n"
    }
}

impl AppFiles {
    /// Names for an app's files that change whenever either file does, so a browser
    /// never mixes one build's script with another's wasm.
    pub fn hashed(bin: &str, js: &[u8], wasm: &[u8]) -> AppFiles {
        let hash = sha256_hex(&[sha256_hex(js), sha256_hex(wasm)].concat().into_bytes());
        AppFiles { js: format!("{bin}-{}.js", &hash[..16]), wasm: format!("{bin}-{}_bg.wasm", &hash[16..32]) }
    }
}

/// The snippets a script imports (wasm-bindgen's `./snippets/...` modules), as paths
/// relative to the script's folder, each once.
pub fn imported_snippets(script: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (at, _) in script.match_indices("./snippets/") {
        let Some(quote) = script[..at].chars().next_back().filter(|c| *c == '\'' || *c == '"') else { continue };
        let rest = &script[at + 2..];
        let Some(end) = rest.find(quote) else { continue };
        let path = &rest[..end];
        if !found.iter().any(|known| known == path) {
            found.push(path.to_string());
        }
    }
    found
}

/// Which snippet files of a folder to delete: wasm-bindgen writes every app's
/// snippets into one shared folder, and Trunk copies all of them beside each app,
/// so a folder holds files no script there imports. Fails if a script imports a
/// snippet that is missing or empty (two builds writing the same file at once).
/// `present` are the folder's snippet files with their sizes.
pub fn unused_snippets(imported: &[String], present: &[(String, u64)]) -> Result<Vec<String>, String> {
    for path in imported {
        match present.iter().find(|(file, _)| file == path) {
            None => return Err(format!("a script imports {path}, which the build did not write")),
            Some((_, 0)) => return Err(format!("{path} is empty: build again")),
            Some(_) => {}
        }
    }
    Ok(present.iter().filter(|(file, _)| !imported.contains(file)).map(|(file, _)| file.clone()).collect())
}

/// `index.html` without the `<link rel="modulepreload">` elements Trunk wrote for
/// `removed` snippets (paths relative to the page's folder, whatever public URL
/// the site was built with): Trunk preloads every snippet it copied, even those the
/// page's script never imports. Returns the page and how many links went.
pub fn without_preloads_of(html: &str, removed: &[String]) -> (String, usize) {
    let mut page = String::with_capacity(html.len());
    let mut dropped = 0;
    let mut rest = html;
    while let Some(start) = rest.find("<link ") {
        let Some(len) = rest[start..].find('>') else { break };
        let tag = &rest[start..start + len + 1];
        let href = tag.split("href=\"").nth(1).and_then(|after| after.split('"').next()).unwrap_or("");
        let unused = tag.contains("rel=\"modulepreload\"") && removed.iter().any(|path| href == path || href.ends_with(&format!("/{path}")));
        page.push_str(&rest[..start]);
        if unused {
            dropped += 1;
            page.truncate(page.trim_end_matches([' ', '\t']).len());
            rest = rest[start + tag.len()..].strip_prefix('\n').unwrap_or(&rest[start + tag.len()..]);
        } else {
            page.push_str(tag);
            rest = &rest[start + tag.len()..];
        }
    }
    page.push_str(rest);
    (page, dropped)
}

/// Whether a file of the site belongs to the app shell the service worker
/// precaches for every learner: not the placements (the worker caches those from
/// the index), not the worker itself, and not the tutor's area or the studio, which
/// are cached the first time they are opened.
pub fn precached(path: &str) -> bool {
    let hidden = path.split('/').any(|part| part.starts_with('.'));
    let copy = path.ends_with(GZIP_SUFFIX);
    let later_only = path.starts_with("app/wex-tutor-") || path.starts_with("app/wex-studio-") || path == "app/studio.css";
    !(hidden || copy || later_only || path == "sw.js" || path.starts_with("bundles/"))
}

/// The name a precompressed copy of a site file has beside it.
pub const GZIP_SUFFIX: &str = ".gz";

/// Whether the build keeps a precompressed copy of a site file (`<path>.gz`), for
/// servers that send it as it is (nginx's `gzip_static`): the page, scripts, styles,
/// wasm and the other text the build writes. Not images that are compressed already,
/// and not `bundles/`, whose files a site owner adds and indexes by hand after the
/// build (a copy there could go stale and be sent instead of the new file).
pub fn precompressed(path: &str) -> bool {
    const KINDS: [&str; 7] = [".html", ".js", ".css", ".wasm", ".json", ".svg", ".webmanifest"];
    !path.starts_with("bundles/") && !path.split('/').any(|part| part.starts_with('.')) && KINDS.iter().any(|kind| path.ends_with(kind))
}

/// The service worker from its template: the shell's files (with `./`) where the
/// template says `__WEX_SHELL__`, and a version that changes whenever any of them
/// does where it says `'__WEX_VERSION__'`. `files` are (path, contents), sorted.
pub fn service_worker(template: &str, files: &[(String, Vec<u8>)]) -> Result<(String, String), String> {
    let mut hashed = Vec::new();
    for (path, bytes) in files {
        hashed.extend_from_slice(path.as_bytes());
        hashed.extend_from_slice(sha256_hex(bytes).as_bytes());
    }
    let version = sha256_hex(&hashed)[..16].to_string();
    let listed: Vec<&str> = std::iter::once("./").chain(files.iter().map(|(path, _)| path.as_str())).collect();
    let worker = replace_once(template, "'__WEX_VERSION__'", &format!("\"{version}\""), "version the service worker")?;
    let worker = replace_once(&worker, "__WEX_SHELL__", &serde_json::to_string(&listed).expect("paths serialize"), "list the shell in the service worker")?;
    Ok((worker, version))
}

/// `index.html` with a strict Content-Security-Policy: scripts only from the site
/// itself and the page's own inline start-up scripts (allowed by their hashes),
/// nothing from any other origin. Returns the page and how many scripts it allows.
pub fn with_content_security_policy(html: &str) -> Result<(String, usize), String> {
    let hashes: Vec<String> = inline_scripts(html).iter().map(|code| format!("'sha256-{}'", sha256_base64(code.as_bytes()))).collect();
    let policy = content_security_policy(&hashes);
    let charset = "<meta charset=\"utf-8\" />";
    let page = replace_once(html, charset, &format!("{charset}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"), "add the CSP to index.html")?;
    Ok((page, hashes.len()))
}

/// Wex's Content-Security-Policy: everything from the page's own origin only, and
/// scripts from files there plus the inline scripts whose `'sha256-...'` hashes are
/// given. The site's pages and a SCORM package's launch page (no inline script) use it.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval' {}", script_hashes.join(" ")).trim_end().to_string(),
        "style-src 'self'".into(),
        "img-src 'self' data: blob:".into(),
        "media-src 'self' data: blob:".into(),
        "connect-src 'self'".into(),
        "worker-src 'self'".into(),
        "manifest-src 'self'".into(),
        "font-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'self'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// The text of each inline `<script>` (or `<script type="module">`) of a page.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else { break };
        if tag == "<script" || tag == "<script type=\"module\"" {
            scripts.push(&body[..close]);
        }
        rest = &body[close..];
    }
    scripts
}

/// Replaces `search` once, or says what could not be done: a Trunk or template
/// change must fail the build, not leave a page without its CSP or a worker without
/// its file list.
fn replace_once(text: &str, search: &str, replacement: &str, what: &str) -> Result<String, String> {
    if !text.contains(search) {
        return Err(format!("could not {what}: `{search}` is not in the file any more"));
    }
    Ok(text.replacen(search, replacement, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_files_get_names_that_change_with_either_file() {
        let one = AppFiles::hashed("wex-learner", b"js", b"wasm");
        assert!(one.js.starts_with("wex-learner-") && one.js.ends_with(".js") && one.wasm.ends_with("_bg.wasm"));
        assert_eq!(one, AppFiles::hashed("wex-learner", b"js", b"wasm"));
        let changed = AppFiles::hashed("wex-learner", b"js", b"wasm!");
        assert_ne!((&one.js, &one.wasm), (&changed.js, &changed.wasm));
        assert_ne!(one.js, changed.js, "the script names the wasm it loads, so it changes too");
        let manifest = AppManifest::new([one.clone(), one.clone(), one]);
        assert_eq!(serde_json::from_str::<AppManifest>(&manifest.to_json()).unwrap(), manifest);
    }

    #[test]
    fn the_learner_precaches_the_shell_and_learner_app_only() {
        for path in ["index.html", "wex-shell-1a.js", "app/wex-learner-2b_bg.wasm", "app/app.json", "app/snippets/x/js/files.js", "icons/icon.svg"] {
            assert!(precached(path), "{path}");
        }
        for path in ["sw.js", "bundles/index.json", "app/wex-tutor-3c.js", "app/wex-studio-4d_bg.wasm", "app/studio.css", ".stage/x", "wex-shell-1a.js.gz"] {
            assert!(!precached(path), "{path}");
        }
    }

    #[test]
    fn the_builds_own_text_and_wasm_get_a_precompressed_copy() {
        for path in ["index.html", "sw.js", "wex-shell-1a_bg.wasm", "app/app.json", "wex-1.css", "manifest.webmanifest", "assets/images/a.svg"] {
            assert!(precompressed(path), "{path}");
        }
        for path in ["bundles/index.json", "bundles/first-look-1.2.0.wex.json", "icons/icon-192.png", "index.html.gz", ".stage/a.js"] {
            assert!(!precompressed(path), "{path}");
        }
    }

    #[test]
    fn only_the_snippets_a_folders_scripts_import_are_kept() {
        let learner = "import { copy } from './snippets/wex-web-1/js/files.js';\nimport * as a from \"./snippets/wex-web-1/js/files.js\"\nconst x = '../snippets/no';";
        let studio = "import { pick } from './snippets/wex-web-1/js/folder.js';";
        let mut imported = imported_snippets(learner);
        assert_eq!(imported, ["snippets/wex-web-1/js/files.js"]);
        imported.extend(imported_snippets(studio));
        let present = |files: &[(&str, u64)]| files.iter().map(|(f, n)| (f.to_string(), *n)).collect::<Vec<_>>();
        let all = present(&[("snippets/wex-web-1/js/files.js", 9), ("snippets/wex-web-1/js/folder.js", 9), ("snippets/wex-web-1/js/start_app.js", 9)]);
        assert_eq!(unused_snippets(&imported, &all).unwrap(), ["snippets/wex-web-1/js/start_app.js"]);
        let missing = present(&[("snippets/wex-web-1/js/files.js", 9)]);
        assert!(unused_snippets(&imported, &missing).unwrap_err().contains("folder.js, which the build did not write"));
        let empty = present(&[("snippets/wex-web-1/js/files.js", 0), ("snippets/wex-web-1/js/folder.js", 9)]);
        assert!(unused_snippets(&imported, &empty).unwrap_err().contains("files.js is empty"));
    }

    #[test]
    fn preloads_of_removed_snippets_leave_the_page_and_nothing_else_does() {
        let html = "<head>\n<link rel=\"stylesheet\" href=\"/w/wex.css\"/>\n<link rel=\"modulepreload\" href=\"/w/snippets/c/js/folder.js\" crossorigin=\"anonymous\">\n<link rel=\"modulepreload\" href=\"/w/snippets/c/js/start_app.js\">\n</head>";
        let (page, dropped) = without_preloads_of(html, &["snippets/c/js/folder.js".into(), "snippets/c/js/files.js".into()]);
        assert_eq!(dropped, 1);
        assert_eq!(page, "<head>\n<link rel=\"stylesheet\" href=\"/w/wex.css\"/>\n<link rel=\"modulepreload\" href=\"/w/snippets/c/js/start_app.js\">\n</head>");
        assert_eq!(without_preloads_of(html, &[]), (html.to_string(), 0));
    }

    #[test]
    fn the_worker_lists_its_files_and_its_version_follows_them() {
        let template = "const VERSION = '__WEX_VERSION__';\nconst SHELL = __WEX_SHELL__;\n";
        let files = vec![("index.html".to_string(), b"<html>".to_vec())];
        let (worker, version) = service_worker(template, &files).unwrap();
        assert_eq!(worker, format!("const VERSION = \"{version}\";\nconst SHELL = [\"./\",\"index.html\"];\n"));
        let (_, other) = service_worker(template, &[("index.html".to_string(), b"<html >".to_vec())]).unwrap();
        assert_ne!(version, other);
        assert!(service_worker("no placeholders", &files).unwrap_err().contains("version the service worker"));
    }

    #[test]
    fn the_page_allows_its_own_inline_scripts_by_hash_and_nothing_else() {
        let html = "<head>\n    <meta charset=\"utf-8\" />\n<script type=\"module\">start()</script><script src=\"x.js\"></script></head>";
        let (page, scripts) = with_content_security_policy(html).unwrap();
        assert_eq!(scripts, 1);
        assert!(page.contains(&format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{}';", sha256_base64(b"start()"))));
        assert!(page.contains("default-src 'self'") && page.contains("form-action 'none'"));
        assert!(with_content_security_policy("<html></html>").unwrap_err().contains("add the CSP"));
    }
}
