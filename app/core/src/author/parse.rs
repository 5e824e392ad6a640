//! A bundle folder to a [`Bundle`] plus every diagnostic found on the way.

use super::ctx::Ctx;
use super::manifest::{Manifest, SourceToml};
use crate::bundle::*;
use super::module_file::parse_module;
use super::toml_file::{closest, TomlSource};
use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::source::SourceFiles;
use crate::version::Version;
use base64::Engine as _;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// The largest text file a bundle may hold (1 MiB): far more than any module needs,
/// small enough that a mistaken or hostile file cannot stall a learner's browser.
pub const MAX_TEXT_FILE_BYTES: usize = 1024 * 1024;
/// The largest media file (8 MiB), and all media together (20 MiB).
pub const MAX_MEDIA_FILE_BYTES: usize = 8 * 1024 * 1024;
pub const MAX_MEDIA_TOTAL_BYTES: usize = 20 * 1024 * 1024;

pub const MANIFEST_FILE: &str = "bundle.toml";

/// The result of parsing: the best bundle that could be built, and what is wrong.
#[derive(Debug)]
pub struct Parsed {
    /// `None` only when bundle.toml itself could not be read.
    pub bundle: Option<Bundle>,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The bundle, if it has no errors (warnings are allowed).
    pub fn ok(&self) -> Option<&Bundle> {
        if self.has_errors() {
            None
        } else {
            self.bundle.as_ref()
        }
    }
}

/// Parses and checks a bundle folder. Never panics, whatever the input.
pub fn parse_bundle(files: &SourceFiles) -> Parsed {
    let mut ctx = Ctx::new(files);
    let bundle = parse_into(&mut ctx);
    let mut diagnostics = ctx.diagnostics;
    diagnostic::sort(&mut diagnostics);
    Parsed { bundle, diagnostics }
}

fn parse_into(ctx: &mut Ctx) -> Option<Bundle> {
    let Some(text) = read_text(ctx, MANIFEST_FILE) else {
        if ctx.files.get(MANIFEST_FILE).is_none() {
            ctx.diagnostics.push(
                Diagnostic::file(Code::MissingFile, Severity::Error, MANIFEST_FILE, "this folder has no bundle.toml")
                    .with_help("a bundle folder needs a bundle.toml at its top; `wex new <folder>` makes one to start from"),
            );
        }
        return None;
    };
    let source = TomlSource { file: MANIFEST_FILE, file_text: text, offset: 0, toml: text };
    let manifest: Manifest = match source.parse() {
        Ok(manifest) => manifest,
        Err(problems) => {
            ctx.diagnostics.extend(problems);
            // The module files are still checked, so that every mistake shows at once.
            for path in modules_listed(text) {
                if let Some(module_text) = read_text(ctx, &path) {
                    parse_module(&mut ctx.in_file(&path, module_text));
                }
            }
            return None;
        }
    };
    let mut fc = ctx.in_file(MANIFEST_FILE, text);
    if !is_valid_id(manifest.id.get_ref()) {
        fc.error(
            Code::InvalidValue,
            manifest.id.span(),
            format!("`{}` is not a valid bundle id", manifest.id.get_ref()),
            "use lowercase letters, digits and single hyphens, for example `hospice-placement`",
        );
    }
    if Version::parse(manifest.version.get_ref()).is_none() {
        fc.error(
            Code::InvalidValue,
            manifest.version.span(),
            format!("`{}` is not a version number", manifest.version.get_ref()),
            "write three numbers separated by dots, for example `1.0.0`",
        );
    }
    if let Some(key) = &manifest.publisher.key {
        if let Err(why) = crate::keys::parse_did_key(key.get_ref()) {
            fc.error(Code::InvalidValue, key.span(), format!("this is not a publisher key: {why}"), "paste the key `wex keygen` printed, starting `did:key:z6Mk`");
        }
    }
    let audience = audience(&mut fc, &manifest);
    let career_areas = career_areas(&mut fc, &manifest.career_areas);
    if manifest.learning_outcomes.get_ref().is_empty() {
        fc.warning(Code::MissingField, manifest.learning_outcomes.span(), "this placement lists no learning outcomes", "say what a learner will know or be able to do afterwards, one sentence each");
    }
    if manifest.modules.get_ref().is_empty() {
        fc.error(Code::MissingField, manifest.modules.span(), "the bundle lists no modules", "list the module files in order: `modules = [\"modules/welcome.md\"]`");
    }

    let mut modules: Vec<Module> = Vec::new();
    for path in manifest.modules.get_ref() {
        if ctx.files.get(path.get_ref()).is_none() {
            // A near name among the Markdown files the bundle does not already list.
            let listed = |p: &str| manifest.modules.get_ref().iter().any(|m| m.get_ref() == p);
            let markdown: Vec<&str> = ctx.files.files.keys().map(String::as_str).filter(|p| p.ends_with(".md") && !listed(p)).collect();
            let help = match closest(path.get_ref(), &markdown) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "check the spelling and that the path is relative to the folder holding bundle.toml".into(),
            };
            ctx.in_file(MANIFEST_FILE, text).error(Code::MissingFile, path.span(), format!("module file `{}` is not in the bundle", path.get_ref()), help);
            continue;
        }
        let Some(module_text) = read_text(ctx, path.get_ref()) else { continue };
        let Some(module) = parse_module(&mut ctx.in_file(path.get_ref(), module_text)) else { continue };
        if modules.iter().any(|m| m.id == module.id) {
            ctx.in_file(MANIFEST_FILE, text).error(
                Code::DuplicateId,
                path.span(),
                format!("two modules have the id `{}`", module.id),
                "give each module its own id in its front matter",
            );
            continue;
        }
        modules.push(module);
    }

    let mut fc = ctx.in_file(MANIFEST_FILE, text);
    let completion = completion(&mut fc, &manifest, &modules);
    let nation = nation(&mut fc, manifest.nation.as_ref(), manifest.id.span());
    let sources = sources(&mut fc, manifest.sources, manifest.id.span());
    let listed: Vec<&str> = manifest.modules.get_ref().iter().map(|m| m.get_ref().as_str()).collect();
    unused_files(ctx, &listed);
    let media = media(ctx);
    Some(Bundle {
        id: manifest.id.into_inner(),
        version: manifest.version.into_inner(),
        title: manifest.title,
        summary: manifest.summary,
        publisher: Publisher { name: manifest.publisher.name, key: manifest.publisher.key.map(Spanned::into_inner) },
        licence: manifest.licence,
        audience,
        career_areas,
        minutes: manifest.minutes.unwrap_or_else(|| modules.iter().map(|m| m.minutes).sum()),
        content_warnings: manifest.content_warnings,
        learning_outcomes: manifest.learning_outcomes.into_inner(),
        completion,
        modules,
        media,
        nation,
        sources,
    })
}

fn nation(fc: &mut super::ctx::FileCtx, nation: Option<&Spanned<String>>, id_at: Range<usize>) -> Option<Nation> {
    let known: Vec<&str> = Nation::ALL.iter().map(|n| n.key()).collect();
    let Some(nation) = nation else {
        fc.warning(
            Code::MissingField,
            id_at,
            "this placement does not say which UK nation it describes",
            "the four nations run their health services differently: add `nation = \"england\"` (or scotland, wales, northern-ireland, uk)",
        );
        return None;
    };
    let found = Nation::from_key(nation.get_ref());
    if found.is_none() {
        let help = match closest(nation.get_ref(), &known) {
            Some(near) => format!("did you mean `{near}`? Write one of: {}", known.join(", ")),
            None => format!("write one of: {}", known.join(", ")),
        };
        fc.error(Code::InvalidValue, nation.span(), format!("`{}` is not a UK nation Wex knows", nation.get_ref()), help);
    }
    found
}

/// Each source needs every field, an `https://` address and a real date; a
/// placement with none gets a warning, since its facts cannot be checked.
fn sources(fc: &mut super::ctx::FileCtx, sources: Vec<SourceToml>, id_at: Range<usize>) -> Vec<Source> {
    if sources.is_empty() {
        fc.warning(
            Code::MissingField,
            id_at,
            "this placement lists no sources",
            "add a [[sources]] table for each public source of a legal, clinical, pay or entry-requirement fact, with `about`, `title`, `publisher`, `url` and `checked`",
        );
    }
    let mut out = Vec::new();
    for source in sources {
        for (field, value) in [("about", &source.about), ("title", &source.title), ("publisher", &source.publisher)] {
            if value.get_ref().trim().is_empty() {
                fc.error(Code::MissingField, value.span(), format!("this source's `{field}` is empty"), "say what it is in a few words");
            }
        }
        let url = source.url.get_ref();
        let host = url.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
        if !host.is_some_and(|h| h.contains('.') && !h.contains(char::is_whitespace)) {
            fc.error(Code::InvalidValue, source.url.span(), format!("`{url}` is not a web address a reader can open"), "give the page's full address, starting `https://`");
        }
        if !is_date(source.checked.get_ref()) {
            fc.error(
                Code::InvalidValue,
                source.checked.span(),
                format!("`{}` is not a date", source.checked.get_ref()),
                "write the day you checked the source as year-month-day, for example `checked = \"2026-12-06\"`",
            );
        }
        out.push(Source {
            about: source.about.into_inner(),
            title: source.title.into_inner(),
            publisher: source.publisher.into_inner(),
            url: source.url.into_inner(),
            checked: source.checked.into_inner(),
        });
    }
    out
}

/// `YYYY-MM-DD`, a day that exists (leap years included), from the year 2000.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return false };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (year.parse::<u32>(), month.parse::<u32>(), day.parse::<u32>()) else { return false };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 2000 && (1..=days).contains(&day)
}

/// The module files a bundle.toml lists, each once, read from what of it can be
/// read, for when the whole of it cannot.
fn modules_listed(text: &str) -> Vec<String> {
    let readable = super::toml_file::without_syntax_errors(text).0;
    let (table, _) = toml::de::DeTable::parse_recoverable(&readable);
    let mut paths = Vec::new();
    if let Some((_, modules)) = table.get_ref().iter().find(|(key, _)| key.get_ref() == "modules") {
        if let toml::de::DeValue::Array(items) = modules.get_ref() {
            for item in items.iter() {
                if let toml::de::DeValue::String(path) = item.get_ref() {
                    if !paths.iter().any(|p: &String| p == path) {
                        paths.push(path.to_string());
                    }
                }
            }
        }
    }
    paths
}

fn audience(fc: &mut super::ctx::FileCtx, manifest: &Manifest) -> Audience {
    let min = &manifest.audience.min_age;
    if !(11..=25).contains(min.get_ref()) {
        fc.error(Code::InvalidValue, min.span(), format!("a minimum age of {} is outside what Wex is for", min.get_ref()), "Wex is for learners from 11 to 25; most placements are 14+ or 16+");
    }
    if let Some(max) = &manifest.audience.max_age {
        if max.get_ref() < min.get_ref() {
            fc.error(Code::InvalidValue, max.span(), "the maximum age is below the minimum age", "raise `max-age`, or leave it out");
        }
    }
    Audience { min_age: *min.get_ref(), max_age: manifest.audience.max_age.as_ref().map(|m| *m.get_ref()) }
}

fn career_areas(fc: &mut super::ctx::FileCtx, areas: &Spanned<Vec<Spanned<String>>>) -> Vec<CareerArea> {
    let known: Vec<&str> = CareerArea::ALL.iter().map(|a| a.key()).collect();
    if areas.get_ref().is_empty() {
        fc.error(Code::MissingField, areas.span(), "name at least one career area", format!("career areas: {}", known.join(", ")));
    }
    let mut out = Vec::new();
    for area in areas.get_ref() {
        match CareerArea::from_key(area.get_ref()) {
            Some(a) if !out.contains(&a) => out.push(a),
            Some(_) => {}
            None => {
                let help = match closest(area.get_ref(), &known) {
                    Some(near) => format!("did you mean `{near}`? Career areas: {}", known.join(", ")),
                    None => format!("use one of: {}", known.join(", ")),
                };
                fc.error(Code::UnknownCareArea, area.span(), format!("`{}` is not a career area Wex knows", area.get_ref()), help);
            }
        }
    }
    out
}

fn completion(fc: &mut super::ctx::FileCtx, manifest: &Manifest, modules: &[Module]) -> Completion {
    let mut required = Vec::new();
    for id in &manifest.completion.required_modules {
        if modules.iter().any(|m| &m.id == id.get_ref()) {
            required.push(id.get_ref().clone());
        } else {
            fc.error(Code::InvalidValue, id.span(), format!("there is no module `{}` in this bundle", id.get_ref()), "use the ids from the modules' front matter");
        }
    }
    if manifest.completion.required_modules.is_empty() {
        required = modules.iter().map(|m| m.id.clone()).collect();
    }
    let pass_mark = match &manifest.completion.pass_mark {
        Some(mark) if *mark.get_ref() > 100 => {
            fc.error(Code::InvalidValue, mark.span(), "a pass mark is a percentage, from 0 to 100", "set `pass-mark` to 100 or less");
            100
        }
        Some(mark) => *mark.get_ref(),
        None => 0,
    };
    Completion { required_modules: required, pass_mark }
}

/// Warns about files a placement could use but does not: a Markdown file
/// bundle.toml does not list (not a README, licence or changelog), and an image,
/// audio, video or PDF file no module shows or links to. Both are left out of the
/// packed placement, which is seldom what the author meant.
fn unused_files(ctx: &mut Ctx, listed: &[&str]) {
    let usable = |path: &str| {
        let extension = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        super::markdown::IMAGE_TYPES.contains(&extension.as_str()) || super::activity::MEDIA_TYPES.contains(&extension.as_str()) || extension == "pdf"
    };
    let beside = |path: &str| {
        let name = path.to_ascii_uppercase();
        !path.contains('/') && ["README", "LICENSE", "LICENCE", "CHANGELOG"].iter().any(|doc| name.starts_with(doc))
    };
    let mut found = Vec::new();
    for path in ctx.files.files.keys().map(String::as_str) {
        if path.ends_with(".md") && !listed.contains(&path) && !beside(path) {
            found.push((path, "this Markdown file is not listed in bundle.toml's `modules`, so it is not part of the placement", "add it to `modules` where it belongs in the order, or remove it"));
        } else if usable(path) && !ctx.media.contains(path) {
            found.push((path, "no module shows or links to this file, so it is left out of the placement", "show it with ![what it shows](path) or link to it, or remove it"));
        }
    }
    for (path, message, help) in found {
        ctx.diagnostics.push(Diagnostic::file(Code::UnusedFile, Severity::Warning, path, message).with_help(help));
    }
}

/// Reads every referenced media file into the bundle, within the size limits.
fn media(ctx: &mut Ctx) -> BTreeMap<String, Media> {
    let mut out = BTreeMap::new();
    let mut total = 0;
    for path in std::mem::take(&mut ctx.media) {
        let Some(bytes) = ctx.files.get(&path) else { continue };
        total += bytes.len();
        if bytes.len() > MAX_MEDIA_FILE_BYTES || total > MAX_MEDIA_TOTAL_BYTES {
            ctx.diagnostics.push(
                Diagnostic::file(Code::FileTooLarge, Severity::Error, &path, format!("this file is {} KB; a media file may be at most 8 MB, and all media together 20 MB", bytes.len() / 1024))
                    .with_help("make the file smaller (a lower resolution or bit rate), or leave it out"),
            );
            continue;
        }
        let mime = mime_type(&path);
        out.insert(path, Media { mime: mime.into(), base64: base64::engine::general_purpose::STANDARD.encode(bytes) });
    }
    out
}

fn mime_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("").to_ascii_lowercase().as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" => "audio/ogg",
        "wav" => "audio/wav",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "pdf" => "application/pdf",
        "txt" | "md" => "text/plain",
        _ => "application/octet-stream",
    }
}

/// A file's text, or `None` with a diagnostic when it is too large or not UTF-8.
fn read_text<'a>(ctx: &mut Ctx<'a>, path: &str) -> Option<&'a str> {
    let bytes = ctx.files.get(path)?;
    if bytes.len() > MAX_TEXT_FILE_BYTES {
        ctx.diagnostics.push(
            Diagnostic::file(Code::FileTooLarge, Severity::Error, path, format!("this file is {} KB; the most a text file may hold is 1024 KB", bytes.len() / 1024))
                .with_help("split the module into two smaller modules"),
        );
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            control_characters(ctx, path, text);
            Some(text)
        }
        Err(error) => {
            let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            ctx.diagnostics.push(
                Diagnostic::at(Code::NotUtf8, Severity::Error, path, valid, valid.len()..valid.len(), "this file is not UTF-8 text")
                    .with_help("save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")"),
            );
            None
        }
    }
}

/// Reports the control characters in a text file (NUL, bell, escape, form feed, the
/// rest of C0 and DEL, but not tab, line feed or carriage return): one diagnostic at the
/// first, counting the others. They are invisible in an editor and never meant; they
/// usually come from text pasted out of another program.
fn control_characters(ctx: &mut Ctx, path: &str, text: &str) {
    let is_control = |c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r');
    let mut found = text.char_indices().filter(|(_, c)| is_control(*c));
    let Some((at, first)) = found.next() else { return };
    let others = found.count();
    let name = match first {
        '\0' => "NUL",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        _ => "control",
    };
    let more = match others {
        0 => String::new(),
        n => format!(", and {n} more in this file"),
    };
    ctx.diagnostics.push(
        Diagnostic::at(
            Code::ControlCharacter,
            Severity::Error,
            path,
            text,
            at..at + 1,
            format!("an invisible {name} character (U+{:04X}) is here{more}", first as u32),
        )
        .with_help("delete it: it often comes with text pasted from another program; search for it with your editor's \"show invisibles\" option"),
    );
}
