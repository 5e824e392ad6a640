//! Markdown events to the typed document tree, refusing raw HTML and unsafe links.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::doc::{Block, Image, Inline, Link, Table};
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use std::ops::Range;

/// The Markdown extensions Wex accepts.
pub fn options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
}

/// Where the events came from, for diagnostics: `file_text` is the whole file and the
/// events' ranges start `offset` bytes into it.
pub struct Origin<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub offset: usize,
}

/// Converts a run of events that holds whole blocks.
pub fn blocks(origin: &Origin, events: &[(Event, Range<usize>)], diagnostics: &mut Vec<Diagnostic>) -> Vec<Block> {
    let mut converter = Converter { origin, events, at: 0, diagnostics };
    converter.blocks(None)
}

/// Converts a run of inline events, for example a heading's content.
pub fn inlines(origin: &Origin, events: &[(Event, Range<usize>)], diagnostics: &mut Vec<Diagnostic>) -> Vec<Inline> {
    let mut converter = Converter { origin, events, at: 0, diagnostics };
    converter.inlines(None)
}

/// Checks a link or image target: http(s) or a path inside the bundle.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Ok(());
    }
    if lower.starts_with("//") {
        return Err("links to other sites must start with https://");
    }
    let before_path = lower.split(['/', '?', '#']).next().unwrap_or("");
    if before_path.contains(':') {
        return Err("only http(s) links and paths inside the bundle are allowed");
    }
    if lower.split('/').any(|part| part == "..") {
        return Err("paths may not leave the bundle folder with `..`");
    }
    Ok(())
}

struct Converter<'e, 'a, 'd> {
    origin: &'e Origin<'a>,
    events: &'e [(Event<'e>, Range<usize>)],
    at: usize,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Converter<'_, '_, '_> {
    fn error(&mut self, code: Code, range: Range<usize>, message: &str, help: &str) {
        let range = range.start + self.origin.offset..range.end + self.origin.offset;
        self.diagnostics.push(
            Diagnostic::at(code, Severity::Error, self.origin.file, self.origin.file_text, range, message)
                .with_help(help),
        );
    }

    fn raw_html(&mut self, range: Range<usize>) {
        self.error(
            Code::RawHtml,
            range,
            "raw HTML is not allowed in a bundle",
            "write it in Markdown instead: **bold**, *italic*, [link text](https://...), ![alt text](media/picture.svg)",
        );
    }

    /// Reads blocks until the end tag `end` (consumed) or the end of the events.
    fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some((event, range)) = self.events.get(self.at).cloned() {
            match event {
                Event::End(tag) if Some(tag) == end => {
                    self.at += 1;
                    break;
                }
                Event::Start(Tag::Paragraph) => {
                    self.at += 1;
                    out.push(Block::Paragraph(self.inlines(Some(TagEnd::Paragraph))));
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    self.at += 1;
                    let content = self.inlines(Some(TagEnd::Heading(level)));
                    let level = match level {
                        HeadingLevel::H1 | HeadingLevel::H2 => {
                            self.diagnostics.push(
                                Diagnostic::at(
                                    Code::InvalidValue,
                                    Severity::Warning,
                                    self.origin.file,
                                    self.origin.file_text,
                                    range.start + self.origin.offset..range.start + self.origin.offset + 2,
                                    "a level 1 heading inside a step",
                                )
                                .with_help("start each step with `## `, and use `### ` for headings inside a step"),
                            );
                            3
                        }
                        other => other as u8,
                    };
                    out.push(Block::Heading(level, content));
                }
                Event::Start(Tag::BlockQuote(kind)) => {
                    self.at += 1;
                    out.push(Block::Quote(self.blocks(Some(TagEnd::BlockQuote(kind)))));
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    self.at += 1;
                    let mut text = String::new();
                    while let Some((event, _)) = self.events.get(self.at) {
                        self.at += 1;
                        match event {
                            Event::End(TagEnd::CodeBlock) => break,
                            Event::Text(t) => text.push_str(t),
                            _ => {}
                        }
                    }
                    out.push(Block::Preformatted(text.trim_end_matches('\n').to_string()));
                }
                Event::Start(Tag::List(start)) => {
                    self.at += 1;
                    let ordered = start.is_some();
                    let mut items = Vec::new();
                    while let Some((event, _)) = self.events.get(self.at) {
                        self.at += 1;
                        match event {
                            Event::Start(Tag::Item) => items.push(self.blocks(Some(TagEnd::Item))),
                            Event::End(TagEnd::List(_)) => break,
                            _ => {}
                        }
                    }
                    out.push(match start {
                        Some(first) if ordered => Block::NumberedList(first, items),
                        _ => Block::BulletList(items),
                    });
                }
                Event::Start(Tag::Table(_)) => {
                    self.at += 1;
                    out.push(Block::Table(self.table()));
                }
                Event::Rule => {
                    self.at += 1;
                    out.push(Block::Rule);
                }
                Event::Html(_) => {
                    self.at += 1;
                    self.raw_html(range);
                }
                Event::Start(Tag::HtmlBlock) => {
                    // One diagnostic for the whole block, not one per line of it.
                    while let Some((event, _)) = self.events.get(self.at) {
                        self.at += 1;
                        if matches!(event, Event::End(TagEnd::HtmlBlock)) {
                            break;
                        }
                    }
                    self.raw_html(range);
                }
                Event::End(_) => {
                    // An end tag we do not model (or a stray one): skip it.
                    self.at += 1;
                }
                _ if is_inline(&event) => {
                    // Tight list items hold inline content with no paragraph around it.
                    let content = self.inlines(None);
                    if !content.is_empty() {
                        out.push(Block::Paragraph(content));
                    }
                }
                _ => self.at += 1,
            }
        }
        out
    }

    fn table(&mut self) -> Table {
        let mut table = Table { head: Vec::new(), rows: Vec::new() };
        let mut row: Vec<Vec<Inline>> = Vec::new();
        while let Some((event, _)) = self.events.get(self.at).cloned() {
            self.at += 1;
            match event {
                Event::Start(Tag::TableCell) => row.push(self.inlines(Some(TagEnd::TableCell))),
                Event::End(TagEnd::TableHead) => table.head = std::mem::take(&mut row),
                Event::End(TagEnd::TableRow) => table.rows.push(std::mem::take(&mut row)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        table
    }

    /// Reads inlines until the end tag `end` (consumed); with `None`, until the next
    /// event that is not inline (not consumed).
    fn inlines(&mut self, end: Option<TagEnd>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        while let Some((event, range)) = self.events.get(self.at).cloned() {
            match &event {
                Event::End(tag) if Some(*tag) == end => {
                    self.at += 1;
                    break;
                }
                _ if end.is_none() && !is_inline(&event) => break,
                _ => self.at += 1,
            }
            match event {
                Event::Text(text) => push_text(&mut out, &text),
                Event::SoftBreak => push_text(&mut out, " "),
                Event::HardBreak => out.push(Inline::Break),
                Event::Code(code) => out.push(Inline::Code(code.to_string())),
                Event::Start(Tag::Emphasis) => out.push(Inline::Emphasis(self.inlines(Some(TagEnd::Emphasis)))),
                Event::Start(Tag::Strong) => out.push(Inline::Strong(self.inlines(Some(TagEnd::Strong)))),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let content = self.inlines(Some(TagEnd::Link));
                    match check_url(&dest_url) {
                        Ok(()) => out.push(Inline::Link(Link { href: dest_url.to_string(), content })),
                        Err(why) => {
                            self.error(Code::UnsafeLink, range, &format!("this link is not allowed: {why}"), "link to https://... or to a file inside the bundle");
                            out.extend(content);
                        }
                    }
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    let alt = crate::doc::plain_text(&self.inlines(Some(TagEnd::Image)));
                    match check_url(&dest_url) {
                        Ok(()) => out.push(Inline::Image(Image { src: dest_url.to_string(), alt })),
                        Err(why) => self.error(Code::UnsafeLink, range, &format!("this image is not allowed: {why}"), "put the image in the bundle's media/ folder and write ![alt text](media/name.svg)"),
                    }
                }
                Event::InlineHtml(_) | Event::Html(_) => self.raw_html(range),
                _ => {}
            }
        }
        out
    }
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_string()));
    }
}

fn is_inline(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineHtml(_)
            | Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. })
    )
}

#[cfg(test)]
mod tests {
    use super::check_url;

    #[test]
    fn urls() {
        for ok in ["https://www.nhs.uk/", "http://example.org", "media/ward.svg", "#top", "other.md"] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "../secret", "vbscript:x"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
