//! `wex finish-site`: the build's last step, run by Trunk's post-build hook on the
//! site it staged (see ARCHITECTURE.md). Gives the apps Trunk built into `app/`
//! content-hashed names and lists them in `app/app.json`, keeps only the snippets
//! each folder's scripts import, writes `sw.js` from the service worker template,
//! adds the Content-Security-Policy to `index.html`, and writes a gzip copy beside
//! each text and wasm file for servers that send it as it is. Every step fails loudly
//! when its input is not what it expects.

use super::help::Help;
use super::Exit;
use std::path::{Path, PathBuf};
use wex_core::site::{imported_snippets, precached, precompressed, service_worker, unused_snippets, with_content_security_policy, without_preloads_of, AppFiles, AppManifest, APP_BINARIES, APP_FOLDER, APP_MANIFEST, GZIP_SUFFIX};

pub const HELP: Help = Help {
    name: "finish-site",
    summary: "finish a site Trunk has built: app manifest, service worker, CSP, gzip copies",
    usage: &["<site-folder> <service-worker-template>"],
    about: "The last step of `trunk build` (its post-build hook runs it on the staged site).\n\
            Renames the learner's, tutor's and studio apps in app/ to content-hashed names\n\
            and lists them in app/app.json, removes JavaScript snippets no script imports,\n\
            writes sw.js from the template with the files\n\
            every learner's device keeps offline, adds the Content-Security-Policy to\n\
            index.html, and writes <file>.gz beside each text and wasm file (not in\n\
            bundles/) for servers that send precompressed files. Changes nothing if any\n\
            file it needs is missing.",
    options: &[],
    examples: &[("wex finish-site \"$TRUNK_STAGING_DIR\" app/web/sw/service-worker.js", "what Trunk's post-build hook runs")],
};

pub struct Args {
    site: PathBuf,
    worker: PathBuf,
}

impl Args {
    pub fn parse(parser: &mut lexopt::Parser) -> Result<Args, String> {
        let parsed = super::parse_args(parser, &HELP)?;
        match <[PathBuf; 2]>::try_from(parsed.values) {
            Ok([site, worker]) => Ok(Args { site, worker }),
            Err(_) => Err("name the built site's folder and the service worker template".into()),
        }
    }
}

pub fn run(args: Args) -> Exit {
    match finish(&args.site, &args.worker) {
        Ok(summary) => {
            println!("{summary}");
            Exit::Ok
        }
        Err(why) => {
            eprintln!("wex finish-site: {why}");
            Exit::Problems
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("could not read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// Does the three steps; reads everything before it changes anything.
pub fn finish(site: &Path, worker_template: &Path) -> Result<String, String> {
    let apps = site.join(APP_FOLDER);
    // 1. The apps, each `<bin>.js` and `<bin>_bg.wasm` as Trunk wrote them.
    let mut built = Vec::new();
    for bin in APP_BINARIES {
        let (js, wasm) = (apps.join(format!("{bin}.js")), apps.join(format!("{bin}_bg.wasm")));
        let (js_bytes, wasm_bytes) = (read(&js)?, read(&wasm)?);
        built.push((js, wasm, AppFiles::hashed(bin, &js_bytes, &wasm_bytes)));
    }
    let template = String::from_utf8(read(worker_template)?).map_err(|_| format!("{} is not text", worker_template.display()))?;
    let index_path = site.join("index.html");
    let index = String::from_utf8(read(&index_path)?).map_err(|_| "index.html is not text".to_string())?;
    // 2. The snippets: the page preloads, and the site keeps, only those imported.
    let unused_here = unused_snippets_in(site)?;
    let (page, preloads) = without_preloads_of(&index, &unused_here);
    let (page, scripts) = with_content_security_policy(&page)?;
    let mut unused: Vec<PathBuf> = unused_here.iter().map(|path| site.join(path)).collect();
    unused.extend(unused_snippets_in(&apps)?.into_iter().map(|path| apps.join(path)));
    for (js, wasm, names) in &built {
        std::fs::rename(js, apps.join(&names.js)).map_err(|e| format!("could not rename {}: {e}", js.display()))?;
        std::fs::rename(wasm, apps.join(&names.wasm)).map_err(|e| format!("could not rename {}: {e}", wasm.display()))?;
    }
    let manifest = AppManifest::new(built.into_iter().map(|(_, _, names)| names).collect::<Vec<_>>().try_into().expect("one entry per app"));
    write(&apps.join(APP_MANIFEST), manifest.to_json().as_bytes())?;
    for path in &unused {
        std::fs::remove_file(path).map_err(|e| format!("could not remove {}: {e}", path.display()))?;
    }
    // 3. The page with its CSP, before the worker's version is worked out.
    write(&index_path, page.as_bytes())?;
    // 4. The service worker, over the files every learner's device keeps.
    let mut paths = Vec::new();
    collect(site, "", &mut paths)?;
    paths.retain(|path| precached(path));
    paths.sort();
    let files = paths.into_iter().map(|path| Ok((path.clone(), read(&site.join(&path))?))).collect::<Result<Vec<_>, String>>()?;
    let (worker, version) = service_worker(&template, &files)?;
    write(&site.join("sw.js"), worker.as_bytes())?;
    // 5. Last, once every file is as it will be served: a gzip copy beside each of
    // the build's text and wasm files, for servers that send it as it is.
    let mut all = Vec::new();
    collect(site, "", &mut all)?;
    let mut copies = 0;
    for path in all.iter().filter(|path| precompressed(path)) {
        let bytes = read(&site.join(path))?;
        write(&site.join(format!("{path}{GZIP_SUFFIX}")), &wex_core::archive::gzip(&bytes))?;
        copies += 1;
    }
    Ok(format!(
        "finish-site: app/app.json lists {} apps; {} unused snippet(s) removed ({preloads} preload(s) of them); sw.js version {version}, {} shell files; CSP allows {scripts} inline script(s); {copies} gzip copies",
        APP_BINARIES.len(),
        unused.len(),
        files.len()
    ))
}

/// The snippet files in `folder/snippets/` that none of the folder's own scripts
/// import, relative to `folder`.
fn unused_snippets_in(folder: &Path) -> Result<Vec<String>, String> {
    let mut imported = Vec::new();
    let entries = std::fs::read_dir(folder).map_err(|e| format!("could not read {}: {e}", folder.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|ext| ext == "js") {
            let script = String::from_utf8(read(&path)?).map_err(|_| format!("{} is not text", path.display()))?;
            imported.extend(imported_snippets(&script));
        }
    }
    let mut present = Vec::new();
    if folder.join("snippets").is_dir() {
        let mut paths = Vec::new();
        collect(&folder.join("snippets"), "snippets/", &mut paths)?;
        for path in paths {
            let size = std::fs::metadata(folder.join(&path)).map_err(|e| format!("could not read {path}: {e}"))?.len();
            present.push((path, size));
        }
    }
    unused_snippets(&imported, &present)
}

/// Every file under `dir`, as its path relative to the site, with `/`.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("could not read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            collect(&entry.path(), &format!("{rel}/"), out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}
