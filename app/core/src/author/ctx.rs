//! The state of one parse: the bundle's files, the diagnostics found so far, and the
//! media files referenced (which packing then carries along).

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source::SourceFiles;
use std::collections::BTreeSet;
use std::ops::Range;

pub struct Ctx<'a> {
    pub files: &'a SourceFiles,
    pub diagnostics: Vec<Diagnostic>,
    /// Bundle paths of every file referenced from content.
    pub media: BTreeSet<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(files: &'a SourceFiles) -> Self {
        Ctx { files, diagnostics: Vec::new(), media: BTreeSet::new() }
    }

    pub fn in_file<'c>(&'c mut self, file: &'c str, text: &'c str) -> FileCtx<'c, 'a> {
        FileCtx { ctx: self, file, text }
    }
}

/// A [`Ctx`] while reading one text file: diagnostics are positioned in it.
pub struct FileCtx<'c, 'a> {
    pub ctx: &'c mut Ctx<'a>,
    pub file: &'c str,
    pub text: &'c str,
}

impl FileCtx<'_, '_> {
    pub fn error(&mut self, code: Code, at: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        self.push(Severity::Error, code, at, message.into(), help.into());
    }

    pub fn warning(&mut self, code: Code, at: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        self.push(Severity::Warning, code, at, message.into(), help.into());
    }

    pub fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.ctx.diagnostics.push(diagnostic);
    }

    fn push(&mut self, severity: Severity, code: Code, at: Range<usize>, message: String, help: String) {
        let diagnostic = Diagnostic::at(code, severity, self.file, self.text, at, message);
        self.ctx.diagnostics.push(if help.is_empty() { diagnostic } else { diagnostic.with_help(help) });
    }

    /// The folder of the current file inside the bundle, for resolving relative paths.
    pub fn folder(&self) -> &str {
        self.file.rfind('/').map_or("", |i| &self.file[..i])
    }
}

/// Resolves a relative path from a folder of the bundle (`modules` and
/// `../media/a.svg` give `media/a.svg`); `None` when it leaves the bundle.
pub fn resolve(folder: &str, relative: &str) -> Option<String> {
    let relative = relative.split(['?', '#']).next().unwrap_or("");
    let mut parts: Vec<String> = folder.split('/').filter(|p| !p.is_empty()).map(String::from).collect();
    for part in relative.split('/') {
        // `ward%20plan.svg` names the file `ward plan.svg`, as in a browser.
        let part = percent_decoded(part)?;
        match part.as_str() {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// A path part with each `%XX` turned into its byte; `None` if that gives a
/// separator or is not UTF-8 text. A `%` not followed by two hex digits stays.
fn percent_decoded(part: &str) -> Option<String> {
    if !part.contains('%') {
        return Some(part.to_string());
    }
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    (!decoded.contains(['/', '\\'])).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn resolves_inside_the_bundle_only() {
        assert_eq!(resolve("modules", "../media/a.svg").as_deref(), Some("media/a.svg"));
        assert_eq!(resolve("", "media/./a.svg").as_deref(), Some("media/a.svg"));
        assert_eq!(resolve("modules", "b.md#x").as_deref(), Some("modules/b.md"));
        assert_eq!(resolve("modules", "../../etc/passwd"), None);
        assert_eq!(resolve("", "../a"), None);
        assert_eq!(resolve("modules", "../media/ward%20plan.svg").as_deref(), Some("media/ward plan.svg"));
        assert_eq!(resolve("modules", "../media/100%.svg").as_deref(), Some("media/100%.svg"));
        assert_eq!(resolve("modules", "%2E%2E/%2E%2E/etc"), None, "an encoded .. is still ..");
        assert_eq!(resolve("modules", "a%2Fb.svg"), None);
    }
}
