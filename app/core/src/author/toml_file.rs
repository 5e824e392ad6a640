//! Reading TOML (bundle.toml and front matter) into the manifest structs, turning
//! every error into a diagnostic with the position and a suggested fix.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::nesting::{too_deep_message, TOML_MAX_DEPTH};
use serde::de::DeserializeOwned;

/// A piece of TOML inside a file: the whole of bundle.toml, or the front matter of a
/// module, which starts `offset` bytes into the file's `file_text`.
pub struct TomlSource<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub offset: usize,
    pub toml: &'a str,
}

impl TomlSource<'_> {
    /// Deserializes the TOML, or explains in one diagnostic why it could not.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        if let Err(error) = toml::from_str::<toml::Table>(self.toml) {
            if is_too_deep(&error) {
                return Err(self.too_deep(&error));
            }
            // Lines of the file before the TOML, so that the help can name a file line.
            let lines_before = self.file_text[..self.offset.min(self.file_text.len())].matches('\n').count();
            let help = syntax_help(self.toml, lines_before, error.span().map(|span| span.start), error.message());
            return Err(self.diagnostic(Code::TomlSyntax, &error).with_help(help));
        }
        toml::from_str::<T>(self.toml).map_err(|error| {
            let message = error.message();
            if let Some(field) = backticked(message).first().filter(|_| message.starts_with("unknown field")) {
                let expected = backticked(message.split_once("expected").map_or("", |(_, rest)| rest));
                let help = match closest(field, &expected) {
                    Some(near) => format!("did you mean `{near}`? Known fields here: {}", expected.join(", ")),
                    None => format!("remove it; known fields here: {}", expected.join(", ")),
                };
                self.diagnostic(Code::UnknownField, &error).with_help(help)
            } else if let Some(field) = backticked(message).first().filter(|_| message.starts_with("missing field")) {
                self.diagnostic(Code::MissingField, &error)
                    .with_help(format!("add a line `{field} = ...` to this table"))
            } else {
                self.diagnostic(Code::InvalidValue, &error)
            }
        })
    }

    /// Lists or tables inside each other deeper than the `toml` crate goes. Its
    /// message for a long dotted key has no position, so the first line with that
    /// many dots stands in.
    fn too_deep(&self, error: &toml::de::Error) -> Diagnostic {
        let message = too_deep_message("lists, tables or dotted keys are", TOML_MAX_DEPTH);
        let help = "TOML in a bundle needs two or three levels at most: a list of tables, or a table in a table";
        let at = error.span().map(|span| span.start).or_else(|| {
            let mut offset = 0;
            self.toml.split_inclusive('\n').find_map(|line| {
                let found = (line.matches('.').count() + 1 >= TOML_MAX_DEPTH).then_some(offset);
                offset += line.len();
                found
            })
        });
        match at {
            Some(at) => Diagnostic::at(Code::TooDeep, Severity::Error, self.file, self.file_text, at + self.offset..at + self.offset + 1, message),
            None => Diagnostic::file(Code::TooDeep, Severity::Error, self.file, message),
        }
        .with_help(help)
    }

    fn diagnostic(&self, code: Code, error: &toml::de::Error) -> Diagnostic {
        let message = error.message().trim_end_matches('\n').to_string();
        match error.span() {
            // A span over the whole of a file (a missing top-level field) has no better
            // place to point at than the file itself.
            Some(span) if self.offset == 0 && span.start == 0 && (span.end == 0 || span.end >= self.toml.trim_end().len()) => {
                Diagnostic::file(code, Severity::Error, self.file, message)
            }
            Some(span) => Diagnostic::at(
                code,
                Severity::Error,
                self.file,
                self.file_text,
                span.start + self.offset..span.end + self.offset,
                message,
            ),
            None => Diagnostic::file(code, Severity::Error, self.file, message),
        }
    }
}

/// Whether the `toml` crate stopped at its nesting limit ([`TOML_MAX_DEPTH`]).
fn is_too_deep(error: &toml::de::Error) -> bool {
    let message = error.message();
    message.contains("max recursion depth") || message.contains("recursion limit")
}

/// What to do about a TOML syntax error, from the line it is on and the one
/// before: the toml crate's own message names what it expected, not the two
/// mistakes authors make most, curly quotes from a word processor and text in
/// `"..."` wrapped onto a second line.
fn syntax_help(toml: &str, lines_before: usize, at: Option<usize>, message: &str) -> String {
    let lines: Vec<&str> = toml.lines().collect();
    if let Some(n) = at.map(|at| toml[..at.min(toml.len())].matches('\n').count()) {
        let here = lines.get(n).copied().unwrap_or("");
        let before = n.checked_sub(1).and_then(|b| lines.get(b)).copied().unwrap_or("");
        if here.contains(['“', '”', '‘', '’']) || (before.contains(['“', '”', '‘', '’']) && opens_a_string(before)) {
            return "this line has curly quotes (“ ” or ‘ ’), as word processors type them: TOML needs straight quotes, `\"`, around text. Replace them, or type the text in a plain text editor".into();
        }
        if opens_a_string(before) && opens_a_string(here) {
            return format!(
                "the text in \"...\" on line {} goes on to the next line, which TOML does not allow: put it on one line, or use three quotes for text over several lines: `text = \"\"\"` on the first line and `\"\"\"` after the last",
                lines_before + n
            );
        }
    }
    if message.contains("string") || message.contains("quote") {
        "text values need double quotes at both ends, for example `title = \"Welcome\"`".into()
    } else {
        "each line is `name = value`; text goes in double quotes and lists in [ ]".into()
    }
}

/// Whether a line leaves a `"..."` string open: an odd number of unescaped double
/// quotes, on a line that is not part of a `"""` block.
fn opens_a_string(line: &str) -> bool {
    if line.contains("\"\"\"") {
        return false;
    }
    let mut quotes = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => quotes += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    quotes % 2 == 1
}

/// The words between backticks in a message, in order.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// The known name nearest to a misspelt one, if it is near enough to be a typo.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(1) + 1)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let known = ["title", "summary", "version"];
        assert_eq!(closest("titel", &known), Some("title"));
        assert_eq!(closest("sumary", &known), Some("summary"));
        assert_eq!(closest("colour", &known), None);
    }
}
