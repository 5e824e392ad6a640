//! Markdown events to the typed document tree, refusing raw HTML and unsafe links.

use super::ctx::{resolve, FileCtx};
use crate::diagnostic::{Code, Diagnostic};
use crate::doc::{Block, Image, Inline, Link, Table};
use crate::nesting::{too_deep_message, MAX_DEPTH};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;

/// Image files a page may show.
pub const IMAGE_TYPES: &[&str] = &["svg", "png", "jpg", "jpeg", "webp", "gif"];

/// The Markdown extensions Wex accepts.
pub fn options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
}

/// Converts a run of events that holds whole blocks. The events' ranges start
/// `offset` bytes into the file `fc` is reading.
pub fn blocks(fc: &mut FileCtx, offset: usize, events: &[(Event, Range<usize>)]) -> Vec<Block> {
    Converter::new(fc, offset, events).blocks(None)
}

/// Converts a run of inline events, for example a heading's content.
pub fn inlines(fc: &mut FileCtx, offset: usize, events: &[(Event, Range<usize>)]) -> Vec<Inline> {
    Converter::new(fc, offset, events).inlines(None)
}

/// Converts Markdown written inside a TOML string (feedback, a story, a model
/// answer). Problems in it are reported at `at`, the place of the string's block.
pub fn rich(fc: &mut FileCtx, markdown: &str, at: Range<usize>) -> Vec<Block> {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(markdown, options()).into_offset_iter().collect();
    let before = fc.ctx.diagnostics.len();
    let (file, text) = (fc.file, fc.text);
    let mut inner = FileCtx { ctx: &mut *fc.ctx, file, text: markdown };
    let blocks = Converter::new(&mut inner, 0, &events).blocks(None);
    for diagnostic in &mut fc.ctx.diagnostics[before..] {
        let mut moved = Diagnostic::at(diagnostic.code, diagnostic.severity, file, text, at.clone(), diagnostic.message.clone());
        moved.help = diagnostic.help.take();
        *diagnostic = moved;
    }
    blocks
}

/// Checks a link or image target: http(s), a phone number or a path inside the
/// bundle.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Ok(());
    }
    if lower.starts_with("tel:") {
        return if crate::doc::is_phone_link(url) { Ok(()) } else { Err("a tel: link must be a phone number, for example tel:08001111") };
    }
    if lower.starts_with("//") {
        return Err("links to other sites must start with https://");
    }
    let before_path = lower.split(['/', '?', '#']).next().unwrap_or("");
    if before_path.contains(':') {
        return Err("only http(s) links, tel: phone numbers and paths inside the bundle are allowed");
    }
    Ok(())
}

struct Converter<'f, 'c, 'a, 'e> {
    fc: &'f mut FileCtx<'c, 'a>,
    offset: usize,
    events: &'e [(Event<'e>, Range<usize>)],
    at: usize,
    /// How many containers (quotes, list items, emphasis, links) enclose the event
    /// being read; never more than [`MAX_DEPTH`].
    depth: usize,
    /// Whether this run of events has already been told it nests too deeply.
    told_too_deep: bool,
}

impl<'f, 'c, 'a, 'e> Converter<'f, 'c, 'a, 'e> {
    fn new(fc: &'f mut FileCtx<'c, 'a>, offset: usize, events: &'e [(Event<'e>, Range<usize>)]) -> Self {
        Converter { fc, offset, events, at: 0, depth: 0, told_too_deep: false }
    }

    /// Steps into the container whose start event (at `range`) was just read. When
    /// that would nest deeper than [`MAX_DEPTH`], says so (once) and skips the whole
    /// container instead, so nothing recurses further: returns false.
    fn enter(&mut self, range: Range<usize>) -> bool {
        if self.depth < MAX_DEPTH {
            self.depth += 1;
            return true;
        }
        if !self.told_too_deep {
            self.told_too_deep = true;
            self.error(
                Code::TooDeep,
                range.start..range.start + 1,
                &too_deep_message("quotes, lists, emphasis or links are", MAX_DEPTH),
                "take out levels that add nothing, or split the text into separate paragraphs and lists",
            );
        }
        let mut open = 1;
        while let Some((event, _)) = self.events.get(self.at) {
            self.at += 1;
            match event {
                Event::Start(_) => open += 1,
                Event::End(_) => open -= 1,
                _ => {}
            }
            if open == 0 {
                break;
            }
        }
        false
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn shift(&self, range: Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }

    fn error(&mut self, code: Code, range: Range<usize>, message: &str, help: &str) {
        let range = self.shift(range);
        self.fc.error(code, range, message, help);
    }

    /// Resolves a link or image target inside the bundle and checks the file is there.
    /// External links pass through unchanged.
    fn target(&mut self, url: &str, range: Range<usize>, image: bool) -> Option<String> {
        if url.trim().is_empty() {
            let (what, example) = if image { ("image", "![what it shows](../media/name.svg)") } else { ("link", "[link text](https://www.nhs.uk/)") };
            self.error(Code::UnsafeLink, range, &format!("this {what} has no address between its ( )"), &format!("write where it leads, for example {example}"));
            return None;
        }
        if let Err(why) = check_url(url) {
            let help = if image {
                "put the image in the bundle's media/ folder and write ![what it shows](../media/name.svg)"
            } else {
                "link to https://... or to a file inside the bundle"
            };
            self.error(Code::UnsafeLink, range, &format!("this {} is not allowed: {why}", if image { "image" } else { "link" }), help);
            return None;
        }
        match crate::doc::link_kind(url) {
            crate::doc::LinkKind::External | crate::doc::LinkKind::Phone if image => {
                self.error(Code::UnsafeLink, range, "images must come from the bundle, not another website", "save the image in the bundle's media/ folder and point to it there");
                return None;
            }
            crate::doc::LinkKind::External | crate::doc::LinkKind::Phone | crate::doc::LinkKind::Anchor => return Some(url.trim().to_string()),
            crate::doc::LinkKind::File => {}
        }
        let Some(path) = resolve(self.fc.folder(), url) else {
            self.error(Code::UnsafeLink, range, "this path leads out of the bundle folder", "point to a file inside the bundle, for example ../media/name.svg");
            return None;
        };
        if self.fc.ctx.files.get(&path).is_none() {
            self.error(Code::MissingMedia, range, &format!("`{path}` is not in the bundle"), "check the file name and that the path is relative to this file");
            return None;
        }
        let extension = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        if image && !IMAGE_TYPES.contains(&extension.as_str()) {
            self.error(Code::MissingMedia, range, &format!("`{path}` is not an image Wex can show"), "use an SVG, PNG, JPEG, WebP or GIF file");
            return None;
        }
        self.fc.ctx.media.insert(path.clone());
        Some(path)
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
                            let at = self.shift(range.start..range.start + 1);
                            self.fc.warning(
                                Code::InvalidValue,
                                at,
                                "a level 1 heading inside a step",
                                "start each step with `## `, and use `### ` for headings inside a step",
                            );
                            3
                        }
                        other => other as u8,
                    };
                    out.push(Block::Heading(level, content));
                }
                Event::Start(Tag::BlockQuote(kind)) => {
                    self.at += 1;
                    if self.enter(range) {
                        out.push(Block::Quote(self.blocks(Some(TagEnd::BlockQuote(kind)))));
                        self.leave();
                    }
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
                    while let Some((event, range)) = self.events.get(self.at).cloned() {
                        self.at += 1;
                        match event {
                            Event::Start(Tag::Item) => {
                                if self.enter(range) {
                                    items.push(self.blocks(Some(TagEnd::Item)));
                                    self.leave();
                                }
                            }
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
        // Where each piece of plain text came from: (the text's index in `out`, the
        // piece's start in that text, its start in the source), to place a link
        // Markdown did not read as one.
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        while let Some((event, range)) = self.events.get(self.at).cloned() {
            match &event {
                Event::End(tag) if Some(*tag) == end => {
                    self.at += 1;
                    break;
                }
                _ if end.is_none() && !is_inline(&event) => break,
                _ => self.at += 1,
            }
            let container = matches!(event, Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. }));
            if container && !self.enter(range.clone()) {
                continue;
            }
            match event {
                Event::Text(text) => {
                    let (index, at) = match out.last() {
                        Some(Inline::Text(last)) => (out.len() - 1, last.len()),
                        _ => (out.len(), 0),
                    };
                    pieces.push((index, at, range.start));
                    push_text(&mut out, &text);
                }
                Event::SoftBreak => push_text(&mut out, " "),
                Event::HardBreak => out.push(Inline::Break),
                Event::Code(code) => out.push(Inline::Code(code.to_string())),
                Event::Start(Tag::Emphasis) => {
                    out.push(Inline::Emphasis(self.inlines(Some(TagEnd::Emphasis))));
                    self.leave();
                }
                Event::Start(Tag::Strong) => {
                    out.push(Inline::Strong(self.inlines(Some(TagEnd::Strong))));
                    self.leave();
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let content = self.inlines(Some(TagEnd::Link));
                    self.leave();
                    match self.target(&dest_url, range, false) {
                        Some(href) => out.push(Inline::Link(Link { href, content })),
                        None => out.extend(content),
                    }
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    let alt = crate::doc::plain_text(&self.inlines(Some(TagEnd::Image))).trim().to_string();
                    self.leave();
                    if alt.is_empty() {
                        self.error(
                            Code::MissingAltText,
                            range.clone(),
                            "this image has no alternative text",
                            "say what the image shows between the brackets: ![A nurse taking a pulse](../media/pulse.svg)",
                        );
                    }
                    if let Some(src) = self.target(&dest_url, range, true) {
                        out.push(Inline::Image(Image { src, alt }));
                    }
                }
                Event::InlineHtml(_) | Event::Html(_) => self.raw_html(range),
                _ => {}
            }
        }
        for (index, inline) in out.iter().enumerate() {
            if let Inline::Text(text) = inline {
                let here: Vec<(usize, usize)> = pieces.iter().filter(|(i, _, _)| *i == index).map(|(_, at, source)| (*at, *source)).collect();
                self.unread_link(text, &here);
            }
        }
        out
    }

    /// A link or image that Markdown left as text because its address has a space
    /// in it (`![A ward](media/ward plan.png)`): the learner would see the brackets.
    /// `pieces` are where parts of `text` start, in it and in the source.
    fn unread_link(&mut self, text: &str, pieces: &[(usize, usize)]) {
        let Some((at, fragment)) = link_with_a_space(text) else { return };
        let Some((piece, source)) = pieces.iter().rev().find(|(start, _)| *start <= at) else { return };
        let start = source + (at - piece);
        let image = fragment.starts_with('!');
        let address = fragment.split_once("](").map_or("", |(_, rest)| rest.trim_start());
        let help = if address.to_ascii_lowercase().starts_with("tel:") {
            "write the number with hyphens instead of spaces, `[Samaritans](tel:116-123)`, or put the address in angle brackets, `[Samaritans](<tel:116 123>)`".to_string()
        } else {
            let example = if image { "![A ward](<../media/ward plan.png>)" } else { "[the leaflet](<../media/our leaflet.pdf>)" };
            format!("put the address in angle brackets, {example}, or write each space as %20, or rename the file without spaces")
        };
        let what = if image { "image" } else { "link" };
        self.error(
            Code::UnsafeLink,
            start..start + fragment.len(),
            &format!("this {what} is not read as one, because its address has a space in it, so learners would see the brackets"),
            &help,
        );
    }
}

/// The first `[text](address)` or `![alt](address)` in plain text whose address has
/// a space that does not start a title (`"..."`, `'...'` or `(...)`): where it
/// starts, and the fragment.
fn link_with_a_space(text: &str) -> Option<(usize, &str)> {
    let mut from = 0;
    while let Some(found) = text[from..].find("](") {
        let middle = from + found;
        from = middle + 2;
        let Some(open) = text[..middle].rfind('[') else { continue };
        let start = if open > 0 && text[..open].ends_with('!') { open - 1 } else { open };
        let Some(close) = text[middle + 2..].find(')') else { continue };
        let address = &text[middle + 2..middle + 2 + close];
        let Some((_, after)) = address.trim().split_once(char::is_whitespace) else { continue };
        if address.trim_start().starts_with('<') || after.trim_start().starts_with(['"', '\'', '(']) {
            continue;
        }
        return Some((start, &text[start..middle + 2 + close + 1]));
    }
    None
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
    fn a_link_left_as_text_because_of_a_space_is_found() {
        assert_eq!(super::link_with_a_space("See ![A ward](media/ward plan.png) here"), Some((4, "![A ward](media/ward plan.png)")));
        assert_eq!(super::link_with_a_space("[the leaflet](our leaflet.pdf)"), Some((0, "[the leaflet](our leaflet.pdf)")));
        for fine in ["[a](b.md \"title\")", "[a](<b c.md>)", "no links [here] (at all)", "f(x) = [1](2)"] {
            assert_eq!(super::link_with_a_space(fine), None, "{fine}");
        }
    }

    #[test]
    fn urls() {
        for ok in ["https://www.nhs.uk/", "http://example.org", "media/ward.svg", "#top", "other.md", "../media/a.svg", "tel:08001111", "tel:116 123", "TEL:+44-20-7946-0000"] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
        for bad in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "vbscript:x", "tel:", "tel:12", "tel:0800;x", "tel:+", "tel:0800 1111?call=1", "sms:85258"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
