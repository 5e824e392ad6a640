//! A bundle folder to a [`Bundle`] plus every diagnostic found on the way.

use super::manifest::Manifest;
use super::model::{is_valid_id, Bundle, Module, Publisher};
use super::module_file::parse_module;
use super::toml_file::TomlSource;
use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::source::SourceFiles;
use crate::version::Version;
use toml::Spanned;

/// The largest text file a bundle may hold (1 MiB): far more than any module needs,
/// small enough that a mistaken or hostile file cannot stall a learner's browser.
pub const MAX_TEXT_FILE_BYTES: usize = 1024 * 1024;

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
    let mut diagnostics = Vec::new();
    let bundle = parse_into(files, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    Parsed { bundle, diagnostics }
}

fn parse_into(files: &SourceFiles, diagnostics: &mut Vec<Diagnostic>) -> Option<Bundle> {
    let Some(text) = read_text(files, MANIFEST_FILE, diagnostics) else {
        if files.get(MANIFEST_FILE).is_none() {
            diagnostics.push(
                Diagnostic::file(Code::MissingFile, Severity::Error, MANIFEST_FILE, "this folder has no bundle.toml")
                    .with_help("a bundle folder needs a bundle.toml at its top; `wex new <folder>` makes one to start from"),
            );
        }
        return None;
    };
    let source = TomlSource { file: MANIFEST_FILE, file_text: text, offset: 0, toml: text };
    let manifest: Manifest = match source.parse() {
        Ok(manifest) => manifest,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let error_at = |value: &Spanned<String>, code: Code, message: String, help: &str| {
        Diagnostic::at(code, Severity::Error, MANIFEST_FILE, text, value.span(), message).with_help(help)
    };
    if !is_valid_id(manifest.id.get_ref()) {
        diagnostics.push(error_at(
            &manifest.id,
            Code::InvalidValue,
            format!("`{}` is not a valid bundle id", manifest.id.get_ref()),
            "use lowercase letters, digits and single hyphens, for example `hospice-placement`",
        ));
    }
    if Version::parse(manifest.version.get_ref()).is_none() {
        diagnostics.push(error_at(
            &manifest.version,
            Code::InvalidValue,
            format!("`{}` is not a version number", manifest.version.get_ref()),
            "write three numbers separated by dots, for example `1.0.0`; raise the first when progress will not carry over",
        ));
    }

    let mut modules: Vec<Module> = Vec::new();
    for path in &manifest.modules {
        if files.get(path.get_ref()).is_none() {
            diagnostics.push(error_at(
                path,
                Code::MissingFile,
                format!("module file `{}` is not in the bundle", path.get_ref()),
                "check the spelling and that the path is relative to the folder holding bundle.toml",
            ));
            continue;
        }
        let Some(module_text) = read_text(files, path.get_ref(), diagnostics) else { continue };
        let Some(module) = parse_module(path.get_ref(), module_text, diagnostics) else { continue };
        if let Some(first) = modules.iter().find(|m| m.id == module.id) {
            diagnostics.push(error_at(
                path,
                Code::DuplicateId,
                format!("two modules have the id `{}`", module.id),
                &format!("module `{}` is already used by another file; give each module its own id in its front matter", first.id),
            ));
            continue;
        }
        modules.push(module);
    }
    if manifest.modules.is_empty() {
        diagnostics.push(
            Diagnostic::file(Code::MissingField, Severity::Error, MANIFEST_FILE, "the bundle lists no modules")
                .with_help("add `modules = [\"modules/welcome.md\"]` listing the module files in order"),
        );
    }

    Some(Bundle {
        id: manifest.id.into_inner(),
        version: manifest.version.into_inner(),
        title: manifest.title,
        summary: manifest.summary,
        publisher: Publisher { name: manifest.publisher.name },
        modules,
    })
}

/// A file's text, or `None` with a diagnostic when it is too large or not UTF-8.
fn read_text<'a>(files: &'a SourceFiles, path: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let bytes = files.get(path)?;
    if bytes.len() > MAX_TEXT_FILE_BYTES {
        diagnostics.push(
            Diagnostic::file(Code::FileTooLarge, Severity::Error, path, format!("this file is {} KB; the most a text file may hold is 1024 KB", bytes.len() / 1024))
                .with_help("split the module into two smaller modules"),
        );
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let text = std::str::from_utf8(valid).unwrap_or_default();
            diagnostics.push(
                Diagnostic::at(Code::NotUtf8, Severity::Error, path, text, text.len()..text.len(), "this file is not UTF-8 text")
                    .with_help("save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")"),
            );
            None
        }
    }
}
