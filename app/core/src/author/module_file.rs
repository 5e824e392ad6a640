//! One module file: `+++` TOML front matter, then Markdown in which every `## `
//! heading starts a step, and a fenced block named after an activity (```` ```quiz ````)
//! makes the step interactive.

use super::activity::{parse_activity, ACTIVITY_NAMES};
use super::ctx::FileCtx;
use super::manifest::FrontMatter;
use super::markdown;
use crate::bundle::{is_valid_id, slug, Module, ModuleKind, Step};
use super::toml_file::{closest, TomlSource};
use crate::diagnostic::Code;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;

/// The id of the step made from text before the first `## ` heading.
pub const INTRODUCTION_ID: &str = "introduction";

/// Parses a module file. Returns `None` only when there is no usable front matter;
/// every mistake is reported, and the rest of the module still checked.
pub fn parse_module(fc: &mut FileCtx) -> Option<Module> {
    let text = fc.text;
    let Some((front, body_offset)) = split_front_matter(text) else {
        fc.error(
            Code::MissingFrontMatter,
            0..0,
            "a module file must start with front matter between `+++` lines",
            "begin the file with:\n+++\nid = \"my-module\"\ntitle = \"My module\"\nkind = \"reading\"\nminutes = 20\n+++",
        );
        return None;
    };
    let source = TomlSource { file: fc.file, file_text: text, offset: front.start, toml: &text[front.clone()] };
    // Front matter that cannot be read is reported, and the steps are still checked
    // so that every mistake in the file shows at once; the module itself is `None`.
    let (front, front_read) = match source.parse::<FrontMatter>() {
        Ok(front) => (front, true),
        Err(problems) => {
            problems.into_iter().for_each(|d| fc.push_diagnostic(d));
            (FrontMatter::unread(), false)
        }
    };
    let span = |s: Range<usize>| s.start + front_offset(&source)..s.end + front_offset(&source);
    if front_read && !is_valid_id(front.id.get_ref()) {
        bad_id(fc, span(front.id.span()), front.id.get_ref());
    }
    let kind = match ModuleKind::from_key(front.kind.get_ref()) {
        Some(kind) => kind,
        None if !front_read => ModuleKind::Reading,
        None => {
            let known: Vec<&str> = ModuleKind::ALL.iter().map(|k| k.key()).collect();
            let help = match closest(front.kind.get_ref(), &known) {
                Some(near) => format!("did you mean `{near}`? Kinds: {}", known.join(", ")),
                None => format!("use one of: {}", known.join(", ")),
            };
            fc.error(Code::InvalidValue, span(front.kind.span()), format!("`{}` is not a kind of module", front.kind.get_ref()), help);
            ModuleKind::Reading
        }
    };

    let body = &text[body_offset..];
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, markdown::options()).into_offset_iter().collect();
    let mut steps: Vec<Step> = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for section in sections(&events) {
        let (id, title, heading_at, explicit_id) = match &section.heading {
            Some(heading) => {
                let title_inlines = markdown::inlines(fc, body_offset, &events[heading.content.clone()]);
                let title = crate::doc::plain_text(&title_inlines).trim().to_string();
                let explicit = heading.id.is_some();
                let id = heading.id.clone().unwrap_or_else(|| slug(&title));
                (id, title, heading.range.start + body_offset..heading.range.end + body_offset, explicit)
            }
            None => (INTRODUCTION_ID.to_string(), front.title.clone(), body_offset..body_offset, true),
        };
        let step = parse_step(fc, body_offset, &events[section.content.clone()], id, title, heading_at.clone(), explicit_id);
        let Some(step) = step else { continue };
        if !is_valid_id(&step.id) {
            bad_id(fc, heading_at.clone(), &step.id);
        }
        if let Some((_, first)) = seen.iter().find(|(other, _)| *other == step.id) {
            let first_line = crate::source::LineIndex::new(text).line_col(*first).line;
            fc.error(
                Code::DuplicateId,
                heading_at.clone(),
                format!("two steps in this module have the id `{}`", step.id),
                format!("the first is on line {first_line}; give this one its own id with `## Title {{#another-id}}`"),
            );
        }
        seen.push((step.id.clone(), heading_at.start));
        steps.push(step);
    }
    if let Some(block) = kind.promises().filter(|block| front_read && !steps.is_empty() && !steps.iter().any(|s| s.activity.as_ref().is_some_and(|a| a.key() == *block))) {
        fc.warning(
            Code::KindMismatch,
            span(front.kind.span()),
            format!("this module is shown to learners as “{}”, but it has no ```{block} step", kind.label()),
            format!("add a ```{block} block, or choose the kind that fits what it holds (for reading and a quiz, `reading`)"),
        );
    }
    if steps.is_empty() {
        let end = text[..body_offset].trim_end().len();
        fc.error(Code::EmptyModule, end.saturating_sub(3)..end, "this module has no steps", "add a step: a line starting `## ` followed by its text");
    }
    front_read.then(|| Module {
        id: front.id.into_inner(),
        title: front.title,
        kind,
        minutes: front.minutes,
        summary: front.summary,
        content_warnings: front.content_warnings,
        steps,
    })
}

fn front_offset(source: &TomlSource) -> usize {
    source.offset
}

/// Builds one step from the events after its heading. `None` for an empty
/// introduction (nothing before the first heading).
fn parse_step(
    fc: &mut FileCtx,
    body_offset: usize,
    events: &[(Event, Range<usize>)],
    id: String,
    title: String,
    heading_at: Range<usize>,
    explicit_id: bool,
) -> Option<Step> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut activity = None;
    let mut run_start = 0;
    let mut i = 0;
    while i < events.len() {
        let (Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))), fence_range) = &events[i] else {
            i += 1;
            continue;
        };
        let name = info.split_whitespace().next().unwrap_or("").to_string();
        let end = i + events[i..].iter().position(|(e, _)| matches!(e, Event::End(TagEnd::CodeBlock))).unwrap_or(events.len() - i - 1);
        let fence_at = fence_range.start + body_offset..fence_range.start + body_offset + 3 + name.len();
        if !ACTIVITY_NAMES.contains(&name.as_str()) {
            if let Some(near) = closest(&name, ACTIVITY_NAMES).filter(|_| !name.is_empty()) {
                fc.warning(
                    Code::UnknownActivity,
                    fence_at,
                    format!("`{name}` is not an activity, so this block is shown as plain text"),
                    format!("did you mean ```{near}?"),
                );
            }
            i = end + 1;
            continue;
        }
        let content: String = events[i + 1..end].iter().filter_map(|(e, _)| if let Event::Text(t) = e { Some(t.as_ref()) } else { None }).collect();
        let content_offset = events[i + 1..end].first().map_or(fence_at.end, |(_, r)| r.start + body_offset);
        let blocks = markdown::blocks(fc, body_offset, &events[run_start..i]);
        if activity.is_some() {
            fc.error(
                Code::TwoActivities,
                fence_at,
                "a step can hold only one activity, and this step already has one",
                "start a new step for this activity with a `## ` heading above it",
            );
            after.extend(blocks);
        } else {
            before = blocks;
            if !explicit_id {
                fc.warning(
                    Code::UnstableId,
                    heading_at.clone(),
                    format!("this step's id `{id}` comes from its title, so changing the title would lose learners' answers"),
                    format!("fix the id by adding it to the heading: `## {title} {{#{id}}}`"),
                );
            }
            activity = Some(parse_activity(fc, &name, &content, content_offset, fence_at));
        }
        run_start = end + 1;
        i = end + 1;
    }
    let rest = markdown::blocks(fc, body_offset, &events[run_start.min(events.len())..]);
    match &activity {
        Some(_) => after.extend(rest),
        None => before = rest,
    }
    if heading_at.is_empty() && before.is_empty() && activity.is_none() {
        return None;
    }
    Some(Step { id, title, before, activity: activity.flatten(), after })
}

fn bad_id(fc: &mut FileCtx, at: Range<usize>, id: &str) {
    fc.error(Code::InvalidValue, at, format!("`{id}` is not a valid id"), "use lowercase letters, digits and single hyphens, for example `first-shift`");
}

/// Finds the TOML between the opening and closing `+++` lines. Returns its byte
/// range and the offset where the Markdown body starts.
fn split_front_matter(text: &str) -> Option<(Range<usize>, usize)> {
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
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
