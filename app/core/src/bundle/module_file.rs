//! One module file: `+++` TOML front matter, then Markdown in which every `## `
//! heading starts a step.

use super::manifest::FrontMatter;
use super::markdown::{self, Origin};
use super::model::{is_valid_id, slug, Module, Page, Step};
use super::toml_file::TomlSource;
use crate::diagnostic::{Code, Diagnostic, Severity};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;

/// The id of the step made from text before the first `## ` heading.
pub const INTRODUCTION_ID: &str = "introduction";

/// Parses a module file. Returns `None` only when there is no usable front matter;
/// every other mistake is reported and the rest of the module still parsed.
pub fn parse_module(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Module> {
    let Some((front, body_offset)) = split_front_matter(text) else {
        diagnostics.push(
            Diagnostic::at(Code::MissingFrontMatter, Severity::Error, file, text, 0..0, "a module file must start with front matter between `+++` lines")
                .with_help("begin the file with:\n+++\nid = \"my-module\"\ntitle = \"My module\"\nminutes = 20\n+++"),
        );
        return None;
    };
    let source = TomlSource { file, file_text: text, offset: front.start, toml: &text[front.clone()] };
    let front: FrontMatter = match source.parse() {
        Ok(front) => front,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    if !is_valid_id(&front.id) {
        let at = text[..body_offset].find(&front.id).map_or(0..0, |i| i..i + front.id.len());
        diagnostics.push(bad_id(file, text, at, &front.id));
    }

    let body = &text[body_offset..];
    let origin = Origin { file, file_text: text, offset: body_offset };
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, markdown::options()).into_offset_iter().collect();
    let mut steps: Vec<Step> = Vec::new();
    let mut seen: Vec<(String, Range<usize>)> = Vec::new();
    for section in sections(&events) {
        let (id, title, content, id_range) = match section.heading {
            Some(heading) => {
                let title_inlines = markdown::inlines(&origin, &events[heading.content.clone()], diagnostics);
                let title = crate::doc::plain_text(&title_inlines).trim().to_string();
                let id = heading.id.unwrap_or_else(|| slug(&title));
                (id, title, section.content, heading.range)
            }
            None => {
                let blocks = markdown::blocks(&origin, &events[section.content.clone()], diagnostics);
                if blocks.is_empty() {
                    continue;
                }
                (INTRODUCTION_ID.to_string(), front.title.clone(), section.content, 0..0)
            }
        };
        let at = id_range.start + body_offset..id_range.end + body_offset;
        if !is_valid_id(&id) {
            diagnostics.push(bad_id(file, text, at.clone(), &id));
        }
        if let Some((_, first)) = seen.iter().find(|(other, _)| *other == id) {
            let first_line = crate::source::LineIndex::new(text).line_col(first.start).line;
            diagnostics.push(
                Diagnostic::at(Code::DuplicateId, Severity::Error, file, text, at.clone(), format!("two steps in this module have the id `{id}`"))
                    .with_help(format!("the first is on line {first_line}; give this one its own id with `## Title {{#another-id}}`")),
            );
        }
        seen.push((id.clone(), at));
        let body = markdown::blocks(&origin, &events[content], diagnostics);
        steps.push(Step::Page(Page { id, title, body }));
    }
    if steps.is_empty() {
        diagnostics.push(
            Diagnostic::at(Code::EmptyModule, Severity::Error, file, text, front_end(text, body_offset), "this module has no steps")
                .with_help("add a step: a line starting `## ` followed by its text"),
        );
    }
    Some(Module { id: front.id, title: front.title, minutes: front.minutes, steps })
}

fn bad_id(file: &str, text: &str, at: Range<usize>, id: &str) -> Diagnostic {
    Diagnostic::at(Code::InvalidValue, Severity::Error, file, text, at, format!("`{id}` is not a valid id"))
        .with_help("use lowercase letters, digits and single hyphens, for example `first-shift`")
}

fn front_end(text: &str, body_offset: usize) -> Range<usize> {
    let start = text[..body_offset].trim_end().len().saturating_sub(3);
    start..start + 3
}

/// Finds the TOML between the opening and closing `+++` lines. Returns its byte
/// range and the offset where the Markdown body starts.
fn split_front_matter(text: &str) -> Option<(Range<usize>, usize)> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[text_start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "+++" {
        return None;
    }
    let toml_start = text_start + first_line_end + 1;
    let mut line_start = toml_start;
    for line in text[toml_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((toml_start..line_start, line_start + line.len()));
        }
        line_start += line.len();
    }
    None
}

struct Heading {
    /// The heading's events without its start and end tags.
    content: Range<usize>,
    /// Byte range of the heading line in the body.
    range: Range<usize>,
    id: Option<String>,
}

struct Section {
    heading: Option<Heading>,
    /// The events of the section's content, after its heading.
    content: Range<usize>,
}

/// Splits a module body into the part before the first `## ` and one section per
/// `## ` heading. A `# ` title at the very top is left out: it repeats the front matter.
fn sections(events: &[(Event, Range<usize>)]) -> Vec<Section> {
    let mut out = Vec::new();
    let mut at = 0;
    let heading_end = |from: usize, level: HeadingLevel| {
        let found = events[from..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(l)) if *l == level));
        from + found.unwrap_or(events.len() - from)
    };
    if let Some((Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }), _)) = events.first() {
        at = (heading_end(0, HeadingLevel::H1) + 1).min(events.len());
    }
    let mut current = Section { heading: None, content: at..at };
    while at < events.len() {
        if let (Event::Start(Tag::Heading { level: HeadingLevel::H2, id, .. }), range) = &events[at] {
            let end = heading_end(at, HeadingLevel::H2).min(events.len() - 1);
            current.content.end = at;
            out.push(current);
            current = Section {
                heading: Some(Heading { content: at + 1..end, range: range.clone(), id: id.as_ref().map(|id| id.to_string()) }),
                content: end + 1..end + 1,
            };
            at = end + 1;
            continue;
        }
        at += 1;
    }
    current.content.end = events.len();
    out.push(current);
    out
}
