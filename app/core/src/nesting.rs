//! How deeply author input may nest, and how deep a finished tree is.
//!
//! Rendering a page, reading its words and playing a scenario all walk trees by
//! recursion. A bundle that nests quotes, lists or emphasis thousands of levels deep
//! would overflow the stack: `wex check` would abort, and a browser tab (whose stack
//! is 1 MB) would die. So every parser of author input stops at a stated depth with a
//! diagnostic, and a packed file deeper than a checked bundle can be is refused.
//!
//! | what | limit | where it is enforced |
//! | --- | --- | --- |
//! | a page's Markdown: quotes, list items, emphasis, links inside each other | [`MAX_DEPTH`] | `bundle::markdown`, and [`bundle_too_deep`] on unpacking |
//! | a scenario condition: brackets and `not` | [`MAX_DEPTH`] | `scenario::parse_condition`, and [`bundle_too_deep`] |
//! | TOML arrays, inline tables and dotted keys | [`TOML_MAX_DEPTH`] | the `toml` crate |
//! | JSON anywhere (packed files, progress files, records, indexes) | [`JSON_MAX_DEPTH`] | `serde_json`, and [`json_depth`] before a packed file is read |

use crate::bundle::{Activity, Bundle, Condition, Step};
use crate::doc::{Block, Inline};

/// The deepest a page's Markdown or a scenario condition may nest. Real placements
/// nest three or four levels at most (a list in a quote, bold inside it); 20 leaves
/// room for any real page while keeping a packed page's JSON well inside
/// [`JSON_MAX_DEPTH`] (a list level takes three JSON levels).
pub const MAX_DEPTH: usize = 20;

/// The `toml` crate's own limit on arrays and tables inside each other.
pub const TOML_MAX_DEPTH: usize = 80;

/// `serde_json`'s own limit on arrays and objects inside each other.
pub const JSON_MAX_DEPTH: usize = 128;

/// What a diagnostic says when something nests deeper than `limit`.
pub fn too_deep_message(what: &str, limit: usize) -> String {
    format!("{what} nested more than {limit} levels deep; flatten it")
}

/// How many containers (quotes, list items, emphasis, strong text, links) are
/// nested inside each other at the deepest point of some blocks. Plain paragraphs
/// are depth 0. Iterative, so any tree can be measured.
pub fn blocks_depth(blocks: &[Block]) -> usize {
    enum Item<'a> {
        Block(&'a Block),
        Inline(&'a Inline),
    }
    let mut deepest = 0;
    let mut stack: Vec<(Item, usize)> = blocks.iter().map(|b| (Item::Block(b), 0)).collect();
    while let Some((item, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match item {
            Item::Block(Block::Paragraph(inlines) | Block::Heading(_, inlines)) => {
                stack.extend(inlines.iter().map(|i| (Item::Inline(i), depth)));
            }
            Item::Block(Block::Quote(inner)) => {
                deepest = deepest.max(depth + 1);
                stack.extend(inner.iter().map(|b| (Item::Block(b), depth + 1)));
            }
            Item::Block(Block::BulletList(items) | Block::NumberedList(_, items)) => {
                stack.extend(items.iter().flatten().map(|b| (Item::Block(b), depth + 1)));
                if !items.is_empty() {
                    deepest = deepest.max(depth + 1);
                }
            }
            Item::Block(Block::Table(table)) => {
                let cells = table.head.iter().chain(table.rows.iter().flatten());
                stack.extend(cells.flatten().map(|i| (Item::Inline(i), depth)));
            }
            Item::Block(Block::Preformatted(_) | Block::Rule) => {}
            Item::Inline(Inline::Emphasis(inner) | Inline::Strong(inner)) => {
                deepest = deepest.max(depth + 1);
                stack.extend(inner.iter().map(|i| (Item::Inline(i), depth + 1)));
            }
            Item::Inline(Inline::Link(link)) => {
                deepest = deepest.max(depth + 1);
                stack.extend(link.content.iter().map(|i| (Item::Inline(i), depth + 1)));
            }
            Item::Inline(Inline::Text(_) | Inline::Code(_) | Inline::Image(_) | Inline::Break) => {}
        }
    }
    deepest
}

/// How many `not`, `and` and `or` are nested inside each other in a condition (a
/// single flag or comparison is depth 0). Iterative.
pub fn condition_depth(condition: &Condition) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(condition, 0)];
    while let Some((condition, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        match condition {
            Condition::Flag(_) | Condition::Compare { .. } => {}
            Condition::Not(inner) => stack.push((inner, depth + 1)),
            Condition::All(parts) | Condition::Any(parts) => stack.extend(parts.iter().map(|c| (c, depth + 1))),
        }
    }
    deepest
}

/// How many arrays and objects are nested inside each other at the deepest point of
/// some JSON text (brackets inside strings do not count). Iterative, and it reads
/// well-formed and damaged text alike, so a file can be refused as too deep before
/// `serde_json` reaches its own limit.
pub fn json_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Where a bundle nests deeper than [`MAX_DEPTH`]: the first page or condition that
/// does, as "module title, step title". `None` when every one is within the limit,
/// as in every bundle `wex check` passes.
pub fn bundle_too_deep(bundle: &Bundle) -> Option<String> {
    let too_deep = |step: &Step| {
        step.rich_texts().into_iter().any(|rich| blocks_depth(rich) > MAX_DEPTH)
            || step.activity.iter().flat_map(Activity::conditions).any(|c| condition_depth(c) > MAX_DEPTH)
    };
    let steps = bundle.modules.iter().flat_map(|module| module.steps.iter().map(move |step| (module, step)));
    steps.filter(|(_, step)| too_deep(step)).map(|(module, step)| format!("{}, {}", module.title, step.title)).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(levels: usize) -> Vec<Block> {
        let mut blocks = vec![Block::Paragraph(vec![Inline::Text("deep".into())])];
        for _ in 0..levels {
            blocks = vec![Block::Quote(blocks)];
        }
        blocks
    }

    #[test]
    fn measures_each_kind_of_container() {
        assert_eq!(blocks_depth(&quotes(0)), 0);
        assert_eq!(blocks_depth(&quotes(3)), 3);
        let text = || vec![Inline::Text("x".into())];
        let list = Block::BulletList(vec![vec![Block::Paragraph(vec![Inline::Strong(vec![Inline::Emphasis(text())])])]]);
        assert_eq!(blocks_depth(&[list]), 3);
        let link = Inline::Link(crate::doc::Link { href: "https://www.nhs.uk/".into(), content: text() });
        let table = Block::Table(crate::doc::Table { head: vec![vec![link]], rows: vec![] });
        assert_eq!(blocks_depth(&[table]), 1);
        assert_eq!(blocks_depth(&[Block::BulletList(vec![vec![]])]), 1);
    }

    #[test]
    fn measures_a_very_deep_tree_without_recursion() {
        let mut deep = quotes(200_000);
        assert_eq!(blocks_depth(&deep), 200_000);
        // Dropping the tree would recurse too: take it apart a level at a time.
        while let Some(Block::Quote(inner)) = deep.pop() {
            deep = inner;
        }
    }

    #[test]
    fn measures_json_outside_its_strings() {
        assert_eq!(json_depth("1"), 0);
        assert_eq!(json_depth(r#"{"a":[1,{"b":[]}],"c":{}}"#), 4);
        assert_eq!(json_depth(r#"{"t":"[[[{{{ \" ]]] \\"}"#), 1);
        assert_eq!(json_depth(&"[".repeat(100_000)), 100_000);
    }

    #[test]
    fn measures_conditions() {
        let flag = || Condition::Flag("calm".into());
        assert_eq!(condition_depth(&flag()), 0);
        let nested = Condition::Any(vec![flag(), Condition::All(vec![flag(), Condition::Not(Box::new(flag()))])]);
        assert_eq!(condition_depth(&nested), 3);
    }
}
