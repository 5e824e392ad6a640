//! What a SCORM package holds, and where: only what a learner needs for the one
//! placement, so no tutor's area, studio or other placements.
//!
//! ```text
//! imsmanifest.xml
//! index.html                  the launch page, which says which placement it is
//! start.js                    starts the learner's app (no inline script: the CSP stays strict)
//! wex-<hash>.css, assets/     the site's styles and the images they use
//! app/wex-learner-<hash>.js   the learner's app, its wasm, and the snippets it imports
//! bundles/index.json          an index of the one placement
//! bundles/<id>-<version>.wex.json
//! ```
//!
//! Every path is relative, so the package works from whatever address the LMS
//! serves it under, whatever `--public-url` the site was built with.

use super::{manifest, xml_text, Standard};
use crate::pack::{self, Index, IndexEntry, Location};
use crate::site::{imported_snippets, AppManifest, APP_FOLDER, APP_MANIFEST};

/// The page an LMS launches.
pub const LAUNCH_PAGE: &str = "index.html";

/// The launch page's `<meta name=...>` naming the placement the package holds:
/// the app opens it, rather than a catalogue.
pub const PLACEMENT_META: &str = "wex-placement";

/// The files of a package of the packed placement `packed`, taking the learner's
/// app and styles from a built site through `site` (which reads a file by its path
/// inside the site). Sorted, with `imsmanifest.xml` first; the same inputs always
/// give the same files.
pub fn package(packed: &[u8], site: impl Fn(&str) -> Result<Vec<u8>, String>, standard: Standard) -> Result<Vec<(String, Vec<u8>)>, String> {
    let unpacked = pack::unpack(packed).map_err(|why| format!("the placement file cannot be used: {why}"))?;
    let bundle = &unpacked.bundle;
    let text = |path: &str| -> Result<String, String> { String::from_utf8(site(path)?).map_err(|_| format!("{path} in the site is not text")) };

    let apps: AppManifest = serde_json::from_str(&text(&format!("{APP_FOLDER}/{APP_MANIFEST}"))?)
        .map_err(|why| format!("{APP_FOLDER}/{APP_MANIFEST} in the site cannot be read ({why}): build the site again"))?;
    let learner_js = format!("{APP_FOLDER}/{}", apps.learner.js);
    let learner_wasm = format!("{APP_FOLDER}/{}", apps.learner.wasm);
    let script = text(&learner_js)?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for snippet in imported_snippets(&script) {
        let path = format!("{APP_FOLDER}/{snippet}");
        files.push((path.clone(), site(&path)?));
    }
    files.push((learner_wasm.clone(), site(&learner_wasm)?));
    files.push((learner_js.clone(), script.into_bytes()));

    let site_page = text("index.html")?;
    let stylesheet = stylesheet_of(&site_page).ok_or("the site's index.html links no stylesheet: build the site again")?;
    let css = text(&stylesheet)?;
    for url in css_urls(&css) {
        files.push((url.clone(), site(&url)?));
    }
    files.push((stylesheet.clone(), css.into_bytes()));

    let file_name = pack::file_name(bundle);
    let entry = IndexEntry { file: Location::Site(file_name.clone()), sha256: unpacked.sha256.clone(), listing: bundle.listing() };
    files.push((format!("bundles/{}", pack::INDEX_FILE), Index::new(vec![entry]).to_json().into_bytes()));
    files.push((format!("bundles/{file_name}"), packed.to_vec()));
    files.push((LAUNCH_PAGE.to_string(), launch_page(&bundle.title, &bundle.id, &stylesheet).into_bytes()));
    files.push(("start.js".to_string(), start_script(&learner_js, &learner_wasm).into_bytes()));

    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    let paths: Vec<String> = files.iter().map(|(path, _)| path.clone()).collect();
    files.insert(0, ("imsmanifest.xml".to_string(), manifest(bundle, &paths, LAUNCH_PAGE, standard).into_bytes()));
    Ok(files)
}

/// The launch page: the site's styles, the placement named for the app, and a line
/// saying it is opening, in the blue bar of the app's header, until the app has
/// rendered the placement (the app removes the element with id `wex-loading`; the
/// site's own first screen, "Who is learning?", is not what a platform's learner
/// sees). Its Content-Security-Policy is the site's (`site::content_security_policy`),
/// with no inline script at all.
fn launch_page(title: &str, placement: &str, stylesheet: &str) -> String {
    let policy = crate::site::content_security_policy(&[]);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />\n    \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    <meta name=\"{PLACEMENT_META}\" content=\"{placement}\" />\n    \
         <title>{title}</title>\n    <link rel=\"stylesheet\" href=\"{stylesheet}\" />\n    <script type=\"module\" src=\"start.js\"></script>\n  </head>\n  \
         <body class=\"nhsuk-frontend-supported\">\n    <div class=\"wex-prerendered\" id=\"wex-loading\">\n      \
         <header class=\"nhsuk-header\" role=\"banner\"><div class=\"nhsuk-header__container nhsuk-width-container\"><div class=\"nhsuk-header__service\"><span class=\"nhsuk-header__service-name\">Wex virtual work experience</span></div></div></header>\n      \
         <div class=\"nhsuk-width-container\"><main class=\"nhsuk-main-wrapper\" role=\"main\"><p class=\"nhsuk-body-l\" role=\"status\">Opening {title}…</p></main></div>\n    </div>\n  </body>\n</html>\n",
        placement = xml_text(placement),
        title = xml_text(title),
        stylesheet = xml_text(stylesheet),
    )
}

fn start_script(js: &str, wasm: &str) -> String {
    format!(
        "// Starts the learner's app in a SCORM package (made by `wex scorm`).\n\
         import init from './{js}';\n\
         init({{ module_or_path: new URL('./{wasm}', import.meta.url) }});\n"
    )
}

/// The site's stylesheet, from its `index.html`, as a path inside the site (Trunk
/// writes it from the site's `--public-url`, for example `/wex-<hash>.css`).
fn stylesheet_of(html: &str) -> Option<String> {
    let at = html.find("rel=\"stylesheet\"")?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let href = tag.split("href=\"").nth(1)?.split('"').next()?;
    Some(href.rsplit('/').next()?.to_string()).filter(|name| name.ends_with(".css"))
}

/// The files a stylesheet uses (`url(...)`), as paths beside it; not `data:` URLs.
fn css_urls(css: &str) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    for (at, _) in css.match_indices("url(") {
        let rest = &css[at + 4..];
        let Some(end) = rest.find(')') else { continue };
        let url = rest[..end].trim().trim_matches(['"', '\'']);
        let url = url.split(['?', '#']).next().unwrap_or("");
        if url.is_empty() || url.starts_with("data:") || url.contains("://") || url.starts_with('/') || url.split('/').any(|p| p == "..") {
            continue;
        }
        if !urls.iter().any(|u| u == url) {
            urls.push(url.to_string());
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_stylesheet_whatever_the_public_url() {
        assert_eq!(stylesheet_of(r#"<link rel="stylesheet" href="/wex-39cd.css" integrity="x"/>"#).as_deref(), Some("wex-39cd.css"));
        assert_eq!(stylesheet_of(r#"<link rel="stylesheet" href="/work-experience/wex-1.css"/>"#).as_deref(), Some("wex-1.css"));
        assert_eq!(stylesheet_of(r#"<link rel="manifest" href="m.json" />"#), None);
    }

    #[test]
    fn takes_the_stylesheets_own_files_only() {
        let css = r#"a{background:url("assets/images/a.svg")} b{background:url(assets/images/b.svg?x)} c{background:url(data:image/png;base64,AA)} d{background:url("https://x.example/e.png")} e{background:url(assets/images/a.svg)} f{background:url(../up.png)}"#;
        assert_eq!(css_urls(css), ["assets/images/a.svg", "assets/images/b.svg"]);
    }
}
