//! Diagnostics: what an author is told about a mistake, and where it is.
//!
//! One `Diagnostic` type serves the terminal (rendered rustc-style by
//! [`Diagnostic::render`]), `wex check --format json`, and the browser, which shows
//! the same fields as an NHS error summary.

use crate::source::{LineCol, LineIndex};
use serde::Serialize;
use std::fmt::Write as _;

/// How bad a diagnostic is. Errors stop a bundle from being packed; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Stable diagnostic codes. A code never changes meaning once released, so authors
/// can search for it and docs/authoring.md can explain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Code {
    /// A file is not valid TOML, or front matter is not valid TOML.
    TomlSyntax,
    /// A field name that the format does not know.
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// A field has a value of the wrong type or shape.
    InvalidValue,
    /// A file named by the bundle does not exist.
    MissingFile,
    /// A file is not valid UTF-8 text.
    NotUtf8,
    /// A module file does not start with `+++` front matter.
    MissingFrontMatter,
    /// Raw HTML in Markdown.
    RawHtml,
    /// A link that is neither http(s) nor bundle-relative.
    UnsafeLink,
    /// Two things that need distinct ids share one.
    DuplicateId,
    /// A module has no steps.
    EmptyModule,
    /// A file is larger than the format allows.
    FileTooLarge,
    /// A fenced block whose name is close to an activity's, probably misspelt.
    UnknownActivity,
    /// A step with more than one activity block.
    TwoActivities,
    /// An activity step whose id comes from its title, so editing the title loses progress.
    UnstableId,
    /// A scenario choice leads to a node that does not exist.
    MissingNode,
    /// A scenario node no path from the start reaches.
    UnreachableNode,
    /// A scenario node with no choices that is not an ending.
    DeadEnd,
    /// Scenario nodes from which no ending can be reached (a loop with no way out).
    NoWayOut,
    /// A scenario ending without an outcome.
    EndingWithoutOutcome,
    /// A scenario with no ending at all.
    NoEnding,
    /// A choice question, or a care plan's needs, with no correct option.
    NoCorrectAnswer,
    /// An image, audio, video or linked file that is not in the bundle.
    MissingMedia,
    /// An image without alternative text.
    MissingAltText,
    /// Audio or video without a transcript.
    MissingTranscript,
    /// A career area the catalogue does not know.
    UnknownCareArea,
    /// A scenario condition that cannot be read.
    BadCondition,
    /// A scenario condition or effect naming an undeclared counter or flag.
    UnknownVariable,
    /// A module's kind promises an activity it does not hold ("Team scenario" with
    /// no scenario): learners would be told one thing and find another.
    KindMismatch,
    /// Quotes, lists, emphasis or links (or a condition's brackets) nested more
    /// deeply than Wex allows; see [`crate::nesting`].
    TooDeep,
    /// A control character (NUL, bell, escape...) in a text file: invisible, and
    /// never meant.
    ControlCharacter,
    /// A scenario node a learner can reach with none of its choices open.
    StuckScenario,
    /// A scenario choice whose condition is false every time its node is reached.
    ChoiceNeverOffered,
    /// A scenario with more states than the check visits (see
    /// [`crate::scenario_states::MAX_STATES`]).
    ScenarioTooLarge,
    /// A module file bundle.toml does not list, or a media file nothing uses.
    UnusedFile,
}

impl Code {
    pub const ALL: &'static [Code] = &[
        Code::TomlSyntax,
        Code::UnknownField,
        Code::MissingField,
        Code::InvalidValue,
        Code::MissingFile,
        Code::NotUtf8,
        Code::MissingFrontMatter,
        Code::RawHtml,
        Code::UnsafeLink,
        Code::DuplicateId,
        Code::EmptyModule,
        Code::FileTooLarge,
        Code::UnknownActivity,
        Code::TwoActivities,
        Code::UnstableId,
        Code::MissingNode,
        Code::UnreachableNode,
        Code::DeadEnd,
        Code::NoWayOut,
        Code::EndingWithoutOutcome,
        Code::NoEnding,
        Code::NoCorrectAnswer,
        Code::MissingMedia,
        Code::MissingAltText,
        Code::MissingTranscript,
        Code::UnknownCareArea,
        Code::BadCondition,
        Code::UnknownVariable,
        Code::KindMismatch,
        Code::TooDeep,
        Code::ControlCharacter,
        Code::StuckScenario,
        Code::ChoiceNeverOffered,
        Code::ScenarioTooLarge,
        Code::UnusedFile,
    ];

    /// The code as authors see it, for example `WEX001`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::TomlSyntax => "WEX001",
            Code::UnknownField => "WEX002",
            Code::MissingField => "WEX003",
            Code::InvalidValue => "WEX004",
            Code::MissingFile => "WEX005",
            Code::NotUtf8 => "WEX006",
            Code::MissingFrontMatter => "WEX007",
            Code::RawHtml => "WEX008",
            Code::UnsafeLink => "WEX009",
            Code::DuplicateId => "WEX010",
            Code::EmptyModule => "WEX011",
            Code::FileTooLarge => "WEX012",
            Code::UnknownActivity => "WEX013",
            Code::TwoActivities => "WEX014",
            Code::UnstableId => "WEX015",
            Code::MissingNode => "WEX016",
            Code::UnreachableNode => "WEX017",
            Code::DeadEnd => "WEX018",
            Code::NoWayOut => "WEX019",
            Code::EndingWithoutOutcome => "WEX020",
            Code::NoEnding => "WEX021",
            Code::NoCorrectAnswer => "WEX022",
            Code::MissingMedia => "WEX023",
            Code::MissingAltText => "WEX024",
            Code::MissingTranscript => "WEX025",
            Code::UnknownCareArea => "WEX026",
            Code::BadCondition => "WEX027",
            Code::UnknownVariable => "WEX028",
            Code::KindMismatch => "WEX029",
            Code::TooDeep => "WEX030",
            Code::ControlCharacter => "WEX031",
            Code::StuckScenario => "WEX032",
            Code::ChoiceNeverOffered => "WEX033",
            Code::ScenarioTooLarge => "WEX034",
            Code::UnusedFile => "WEX035",
        }
    }
}

/// The most characters of a source line a snippet shows.
const SNIPPET_CHARS: usize = 120;

/// One problem found in a bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    #[serde(serialize_with = "serialize_code")]
    pub code: Code,
    pub severity: Severity,
    /// Path of the file relative to the bundle folder, with `/` separators.
    pub file: String,
    /// Where the problem starts; `None` when it concerns the whole file.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// How many characters to underline from `column` (at least 1).
    pub width: u32,
    /// The source line at `line`, so renderers need not keep the file.
    pub source_line: Option<String>,
    pub message: String,
    /// What to do about it, in plain words.
    pub help: Option<String>,
}

fn serialize_code<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

impl Diagnostic {
    /// A diagnostic about a whole file.
    pub fn file(code: Code, severity: Severity, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            file: file.to_string(),
            line: None,
            column: None,
            width: 1,
            source_line: None,
            message: message.into(),
            help: None,
        }
    }

    /// A diagnostic at a byte range of a text file.
    pub fn at(
        code: Code,
        severity: Severity,
        file: &str,
        text: &str,
        range: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let index = LineIndex::new(text);
        let LineCol { line, column } = index.line_col(range.start);
        let source_line = index.line_text(line).to_string();
        let end = index.line_col(range.end.max(range.start));
        let width = if end.line == line && end.column > column { end.column - column } else { 1 };
        Diagnostic {
            line: Some(line),
            column: Some(column),
            width,
            source_line: Some(source_line),
            ..Diagnostic::file(code, severity, file, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just the file when there is no position.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.file),
            _ => self.file.clone(),
        }
    }

    /// Spaces as wide as the line number, for the `|` gutter.
    fn gutter(&self) -> String {
        " ".repeat(self.line.map_or(1, |l| l.to_string().len()))
    }

    /// The source line with the problem marked under it, rustc-style (the middle of
    /// [`Diagnostic::render`]); `None` without a line and column.
    pub fn snippet(&self) -> Option<String> {
        let (Some(line), Some(column), Some(source)) = (self.line, self.column, &self.source_line) else { return None };
        let pad = self.gutter();
        // A very long line (a minified file, a line of a thousand `>`) is shown as a
        // window around the column, marked with `…` where it is cut.
        let chars: Vec<char> = source.chars().collect();
        let at = (column.saturating_sub(1) as usize).min(chars.len());
        let (start, end) = if chars.len() <= SNIPPET_CHARS {
            (0, chars.len())
        } else {
            let start = at.saturating_sub(SNIPPET_CHARS / 3).min(chars.len() - SNIPPET_CHARS);
            (start, start + SNIPPET_CHARS)
        };
        let cut_before = if start > 0 { "…" } else { "" };
        let cut_after = if end < chars.len() { "…" } else { "" };
        // Control characters are invisible: show each as its symbol (NUL as ␀).
        let visible = |c: char| match c as u32 {
            0x00..=0x08 | 0x0a..=0x1f => char::from_u32(0x2400 + c as u32).unwrap_or(c),
            0x7f => '\u{2421}',
            _ => c,
        };
        let shown: String = chars[start..end].iter().map(|&c| visible(c)).collect();
        // Tabs keep their width so the marker lines up under the source.
        let lead: String = cut_before.chars().map(|_| ' ').chain(chars[start..at].iter().map(|&c| if c == '\t' { '\t' } else { ' ' })).collect();
        let width = (self.width.max(1) as usize).min(end.saturating_sub(at).max(1));
        Some(format!("{pad} |\n{line} | {cut_before}{shown}{cut_after}\n{pad} | {lead}{}\n", "^".repeat(width)))
    }

    /// Renders the diagnostic the way rustc does, as plain text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{level}[{}]: {}", self.code.as_str(), self.message);
        let pad = self.gutter();
        let _ = writeln!(out, "{pad}--> {}", self.location());
        if let Some(snippet) = self.snippet() {
            out.push_str(&snippet);
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{pad} = help: {help}");
        }
        out
    }
}

/// How many of the diagnostics are errors (the rest are warnings).
pub fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// "2 errors, 1 warning", or `None` when there are none.
pub fn count(diagnostics: &[Diagnostic]) -> Option<String> {
    use crate::words::plural;
    let errors = errors(diagnostics);
    let warnings = diagnostics.len() - errors;
    match (errors, warnings) {
        (0, 0) => None,
        (e, 0) => Some(plural(e, "error")),
        (0, w) => Some(plural(w, "warning")),
        (e, w) => Some(format!("{}, {}", plural(e, "error"), plural(w, "warning"))),
    }
}

/// Sorts diagnostics by file, then position, then code, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message).cmp(&(&b.file, b.line, b.column, b.code, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    #[test]
    fn renders_like_rustc() {
        let text = "id = \"demo\"\ntitle \"Hello\"\n";
        let d = Diagnostic::at(Code::TomlSyntax, Severity::Error, "bundle.toml", text, 18..25, "expected `=`")
            .with_help("write `key = value`");
        expect![[r#"
            error[WEX001]: expected `=`
             --> bundle.toml:2:7
              |
            2 | title "Hello"
              |       ^^^^^^^
              = help: write `key = value`
        "#]]
        .assert_eq(&d.render());
    }

    #[test]
    fn shows_a_window_of_a_very_long_line() {
        let text = format!("{}x{}", ">".repeat(5000), ">".repeat(5000));
        let d = Diagnostic::at(Code::TooDeep, Severity::Error, "m.md", &text, 5000..5001, "too deep");
        let snippet = d.snippet().unwrap();
        let lines: Vec<&str> = snippet.lines().collect();
        assert_eq!(lines[1], format!("1 | …{}x{}…", ">".repeat(40), ">".repeat(79)));
        assert_eq!(lines[2], format!("  | {}^", " ".repeat(41)));
        let start = Diagnostic::at(Code::TooDeep, Severity::Error, "m.md", &text, 0..3, "too deep").snippet().unwrap();
        assert!(start.lines().nth(1).unwrap().starts_with("1 | >>>") && start.lines().nth(2).unwrap() == "  | ^^^");
    }

    #[test]
    fn codes_are_unique() {
        let mut seen: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), Code::ALL.len());
    }
}
