//! Reading TOML (bundle.toml and front matter) into the manifest structs, turning
//! every error into a diagnostic with the position and a suggested fix.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::nesting::{too_deep_message, TOML_MAX_DEPTH};
use serde::de::DeserializeOwned;
use std::ops::Range;
use toml::de::{DeTable, DeValue, Deserializer};
use toml::Spanned;

/// At most this many problems are reported from one piece of TOML.
const MAX_PROBLEMS: usize = 50;

/// How far text in `"..."` wrapped onto more lines is followed to its closing quote.
const MAX_WRAPPED_LINES: usize = 10;

/// A piece of TOML inside a file: the whole of bundle.toml, or the front matter of a
/// module, which starts `offset` bytes into the file's `file_text`.
pub struct TomlSource<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub offset: usize,
    pub toml: &'a str,
}

impl TomlSource<'_> {
    /// Deserializes the TOML, or reports every problem in it: each syntax error (the
    /// parser carries on past one), then each unknown field and bad value, found by
    /// setting aside what was wrong and reading the rest again.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Vec<Diagnostic>> {
        // Most TOML has no mistake: read once, and only look further when it fails.
        if let Ok(value) = toml::from_str::<T>(self.toml) {
            return Ok(value);
        }
        let (readable, syntax) = without_syntax_errors(self.toml);
        if let Some(error) = syntax.iter().find(|e| is_too_deep(e)) {
            return Err(vec![self.too_deep(error)]);
        }
        let mut problems: Vec<Diagnostic> = syntax.iter().map(|error| self.syntax_error(error)).collect();
        let syntax_at: Vec<usize> = syntax.iter().filter_map(|e| e.span().map(|span| span.start)).collect();
        let mut table = DeTable::parse_recoverable(&readable).0;
        // Keys set aside for a bad value or as unknown, with the span of their table:
        // a table that then lacks them, or lacks the name one was misspelt from, has
        // no second mistake.
        let mut set_aside: Vec<SetAside> = Vec::new();
        let root = table.span();
        for _ in 0..MAX_PROBLEMS {
            let error = match T::deserialize(Deserializer::from(table.clone())) {
                Ok(value) if problems.is_empty() => return Ok(value),
                Ok(_) => break,
                Err(error) => error,
            };
            let Some(span) = error.span() else {
                problems.push(self.diagnostic(Code::InvalidValue, &error));
                break;
            };
            let message = error.message();
            if let Some(field) = backticked(message).first().filter(|_| message.starts_with("missing field")) {
                // A table missing a field is left out as a whole so the rest can be
                // read; it is only reported if nothing else explains it.
                // A key set aside there with a bad value or a misspelt name, or a
                // syntax error inside the table (anywhere, for the whole file, whose
                // span may be empty), already says why.
                let extent = table_extent(self.toml, &span);
                let explained = set_aside.iter().any(|aside| aside.table == span && aside.key.as_deref().is_some_and(|key| closest(key, &[field]).is_some()))
                    || syntax_at.iter().any(|at| extent.contains(at))
                    || (span == root && !syntax_at.is_empty());
                if !explained {
                    problems.push(self.diagnostic(Code::MissingField, &error).with_help(format!("add a line `{field} = ...` to this table")));
                }
                if span == root || set_aside_entry(table.get_mut(), root.clone(), &span).is_none() {
                    break;
                }
                continue;
            }
            let entry = set_aside_entry(table.get_mut(), root.clone(), &span);
            problems.push(self.value_error(&error, message, entry.as_ref().and_then(|aside| aside.key.as_deref())));
            match entry {
                Some(entry) => set_aside.push(entry),
                None => break,
            }
        }
        if problems.is_empty() {
            // Unreachable in practice: a value that could not be read always names why.
            problems.push(Diagnostic::file(Code::InvalidValue, Severity::Error, self.file, "this TOML could not be read"));
        }
        Err(problems)
    }

    fn syntax_error(&self, error: &toml::de::Error) -> Diagnostic {
        // Lines of the file before the TOML, so that the help can name a file line.
        let lines_before = self.file_text[..self.offset.min(self.file_text.len())].matches('\n').count();
        let help = syntax_help(self.toml, lines_before, error.span().map(|span| span.start), error.message());
        self.diagnostic(Code::TomlSyntax, error).with_help(help)
    }

    /// An unknown field (with the known name it is near) or a value of the wrong kind.
    fn value_error(&self, error: &toml::de::Error, message: &str, key: Option<&str>) -> Diagnostic {
        match backticked(message).first().filter(|_| message.starts_with("unknown field")) {
            Some(field) => {
                let expected = backticked(message.split_once("expected").map_or("", |(_, rest)| rest));
                let help = match closest(field, &expected) {
                    Some(near) => format!("did you mean `{near}`? Known fields here: {}", expected.join(", ")),
                    None => format!("remove it; known fields here: {}", expected.join(", ")),
                };
                self.diagnostic(Code::UnknownField, error).with_help(help)
            }
            None => {
                let diagnostic = self.diagnostic(Code::InvalidValue, error);
                match value_help(message, key) {
                    Some(help) => diagnostic.with_help(help),
                    None => diagnostic,
                }
            }
        }
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

/// What was taken out of the TOML to read the rest again: a key of the table at
/// `table`, or (`key` None) an item of the list there.
struct SetAside {
    table: Range<usize>,
    key: Option<String>,
}

/// Takes out the key or list item whose key or value is at `span` (the deepest
/// such; a table missing a field is a value too), so the rest of the TOML can be
/// read again.
fn set_aside_entry(table: &mut DeTable<'_>, table_span: Range<usize>, span: &Range<usize>) -> Option<SetAside> {
    let mut found = None;
    for (key, value) in table.iter_mut() {
        if let Some(inner) = set_aside_in_value(value, span) {
            return Some(inner);
        }
        if key.span() == *span || value.span() == *span {
            found = Some(key.clone());
            break;
        }
    }
    let key = found?;
    table.remove(&key);
    Some(SetAside { table: table_span, key: Some(key.get_ref().to_string()) })
}

fn set_aside_in_value(value: &mut Spanned<DeValue<'_>>, span: &Range<usize>) -> Option<SetAside> {
    let value_span = value.span();
    match value.get_mut() {
        DeValue::Table(table) => set_aside_entry(table, value_span, span),
        DeValue::Array(items) => {
            for item in items.iter_mut() {
                if let Some(inner) = set_aside_in_value(item, span) {
                    return Some(inner);
                }
            }
            let index = items.iter().position(|item| item.span() == *span)?;
            *items = std::mem::replace(items, toml::de::DeArray::new()).into_iter().enumerate().filter(|(i, _)| *i != index).map(|(_, item)| item).collect();
            Some(SetAside { table: value_span, key: None })
        }
        _ => None,
    }
}

/// The TOML with each line that has a syntax error blanked, and those errors in
/// order. The parser gives up on the rest of the TOML at some mistakes, so each line
/// with one is blanked in a copy (keeping every position) and the copy read again,
/// until it has none: what is left can be read for further mistakes.
pub fn without_syntax_errors(toml: &str) -> (String, Vec<toml::de::Error>) {
    let mut readable = toml.to_string();
    let mut found = Vec::new();
    while found.len() < MAX_PROBLEMS {
        let (_, errors) = DeTable::parse_recoverable(&readable);
        let Some(first) = errors.into_iter().min_by_key(|e| e.span().map_or(usize::MAX, |span| span.start)) else { break };
        let at = first.span().map(|span| span.start).filter(|_| !is_too_deep(&first));
        found.push(first);
        if !at.is_some_and(|at| blank_lines(&mut readable, at)) {
            break;
        }
    }
    (readable, found)
}

/// How to write the kind of value serde expected (its message ends "expected ..."),
/// for the key it belongs to.
fn value_help(message: &str, key: Option<&str>) -> Option<String> {
    let expected = message.rsplit_once("expected ")?.1.trim();
    let key = key.unwrap_or("name");
    let how = if ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize", "an integer"].contains(&expected) {
        format!("write a whole number with no quotes, for example `{key} = 2`")
    } else if expected == "a boolean" {
        format!("write `true` or `false` with no quotes, for example `{key} = true`")
    } else if expected.contains("string") {
        format!("put the text in double quotes, for example `{key} = \"...\"`")
    } else if expected.contains("sequence") {
        format!("write a list in square brackets, for example `{key} = [\"...\", \"...\"]`")
    } else if expected.contains("map") || expected.starts_with("struct") {
        format!("write a table: `{key} = {{ name = value }}`, or a `[{key}]` heading with its lines under it")
    } else {
        return None;
    };
    Some(how)
}

/// Where a table's keys can be: a `[table]` heading's span covers only the heading,
/// so its keys run on to the next heading.
fn table_extent(toml: &str, span: &Range<usize>) -> Range<usize> {
    let from = span.end.min(toml.len());
    let mut offset = from;
    for line in toml[from..].split_inclusive('\n') {
        if offset > from && line.trim_start().starts_with('[') {
            return span.start..offset;
        }
        offset += line.len();
    }
    span.start..toml.len()
}

/// Blanks the line holding byte `at` (and, if it leaves a `"..."` string open, the
/// lines up to the one that closes it) with spaces, keeping every byte position and
/// line number; false if there was nothing left to blank.
fn blank_lines(text: &mut String, at: usize) -> bool {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    if opens_a_string(&text[start..end]) {
        for _ in 0..MAX_WRAPPED_LINES {
            let Some(next) = text[end..].strip_prefix('\n') else { break };
            let line_end = next.find('\n').map_or(text.len(), |i| end + 1 + i);
            let closes = opens_a_string(&text[end + 1..line_end]);
            end = line_end;
            if closes {
                break;
            }
        }
    }
    if text[start..end].trim().is_empty() {
        return false;
    }
    let blanked: String = text[start..end].chars().map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) }).collect();
    text.replace_range(start..end, &blanked);
    true
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
        let after = lines.get(n + 1).copied().unwrap_or("");
        if here.contains(['“', '”', '‘', '’']) || (before.contains(['“', '”', '‘', '’']) && opens_a_string(before)) {
            return "this line has curly quotes (“ ” or ‘ ’), as word processors type them: TOML needs straight quotes, `\"`, around text. Replace them, or type the text in a plain text editor".into();
        }
        // The parser stops at the end of the line that opens the text, or at the next.
        let opened_on = if opens_a_string(here) && opens_a_string(after) {
            Some(n)
        } else if opens_a_string(before) && opens_a_string(here) {
            Some(n - 1)
        } else {
            None
        };
        if let Some(line) = opened_on {
            return format!(
                "the text in \"...\" on line {} goes on to the next line, which TOML does not allow: put it on one line, or use three quotes for text over several lines: `text = \"\"\"` on the first line and `\"\"\"` after the last",
                lines_before + line + 1
            );
        }
    }
    if message.contains("inline table") {
        return "a table written in braces, `{ ... }`, must be complete where it is written: add this key inside those braces, for example `publisher = { name = \"...\", key = \"did:key:...\" }`".into();
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
