//! A small typed document tree for the reading parts of a placement.
//!
//! Packing turns each module's Markdown into this tree, so the learner's app renders
//! plain data with its own elements: there is no Markdown parser in its download and
//! no way for a bundle to inject HTML. The short serde names keep packed files small.

use serde::{Deserialize, Serialize};

/// A block of reading content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    #[serde(rename = "p")]
    Paragraph(Vec<Inline>),
    /// Levels 3 to 6 as written (`###` is 3): level 1 is the module and level 2 the
    /// step. The app shows a step as a page of its own, one level up.
    #[serde(rename = "h")]
    Heading(u8, Vec<Inline>),
    #[serde(rename = "ul")]
    BulletList(Vec<Vec<Block>>),
    /// A numbered list and the number it starts from.
    #[serde(rename = "ol")]
    NumberedList(u64, Vec<Vec<Block>>),
    #[serde(rename = "q")]
    Quote(Vec<Block>),
    #[serde(rename = "pre")]
    Preformatted(String),
    #[serde(rename = "hr")]
    Rule,
    #[serde(rename = "table")]
    Table(Table),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub head: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Text-level content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    #[serde(rename = "t")]
    Text(String),
    #[serde(rename = "em")]
    Emphasis(Vec<Inline>),
    #[serde(rename = "b")]
    Strong(Vec<Inline>),
    #[serde(rename = "code")]
    Code(String),
    #[serde(rename = "a")]
    Link(Link),
    #[serde(rename = "img")]
    Image(Image),
    #[serde(rename = "br")]
    Break,
}

/// A link; `href` has been checked to be http(s), a phone number (`tel:`) or
/// relative to the bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub href: String,
    pub content: Vec<Inline>,
}

/// Where a link leads, which decides how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// Another website (`https://`, `http://`).
    External,
    /// A place on the same page (`#id`).
    Anchor,
    /// A phone number to call (`tel:08001111`): on a phone, a tap dials it.
    Phone,
    /// A file of the bundle, offered as a download.
    File,
}

impl Link {
    pub fn kind(&self) -> LinkKind {
        link_kind(&self.href)
    }
}

/// Where an address leads (see [`LinkKind`]).
pub fn link_kind(href: &str) -> LinkKind {
    let lower = href.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        LinkKind::External
    } else if lower.starts_with("tel:") {
        LinkKind::Phone
    } else if lower.starts_with('#') {
        LinkKind::Anchor
    } else {
        LinkKind::File
    }
}

/// Whether `tel:` is followed by a phone number and nothing else: digits, with an
/// optional leading `+` and spaces or hyphens between groups.
pub fn is_phone_link(href: &str) -> bool {
    let Some(number) = href.trim().get(4..).filter(|_| href.trim().to_ascii_lowercase().starts_with("tel:")) else { return false };
    let number = number.strip_prefix('+').unwrap_or(number);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (3..=15).contains(&digits) && number.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-') && number.starts_with(|c: char| c.is_ascii_digit())
}

/// An image from the bundle's media folder, with its alternative text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// The words of the first paragraph of some blocks (a question's text, say), for a
/// one-line label; empty when they do not start with a paragraph.
pub fn first_paragraph_text(blocks: &[Block]) -> String {
    match blocks.first() {
        Some(Block::Paragraph(inlines)) => plain_text(inlines),
        _ => String::new(),
    }
}

/// The words of a run of inlines, without formatting: for headings, ids, alt text
/// and reading-level estimates.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(inlines, &mut out);
    out
}

fn push_plain_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(inner) | Inline::Strong(inner) => push_plain_text(inner, out),
            Inline::Link(link) => push_plain_text(&link.content, out),
            Inline::Image(image) => out.push_str(&image.alt),
            Inline::Break => out.push(' '),
        }
    }
}
