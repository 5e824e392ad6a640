//! "Check ok" means "renders": every shipped placement, and every corpus case that
//! checks without errors, is parsed, and the text a learner would read in every
//! document node (paragraphs, headings, lists, quotes, tables, links, alt text)
//! holds no Markdown syntax, which would mean Markdown did not read something the
//! author wrote (a link with a space in its address, say) and showed it as text.

use std::path::{Path, PathBuf};
use wex_core::author::parse_bundle;
use wex_core::doc::{Block, Inline};
use wex_core::source::SourceFiles;

fn read(root: &Path, dir: &Path, files: &mut SourceFiles) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with('.') || name == "expected.txt" {
            continue;
        }
        if path.is_dir() {
            read(root, &path, files);
        } else {
            files.insert(path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read(&path).unwrap());
        }
    }
}

fn inline_text(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push(text.clone()),
            Inline::Emphasis(inner) | Inline::Strong(inner) => inline_text(inner, out),
            Inline::Link(link) => inline_text(&link.content, out),
            Inline::Image(image) => out.push(image.alt.clone()),
            // Code is shown as written, on purpose.
            Inline::Code(_) | Inline::Break => {}
        }
    }
}

fn block_text(blocks: &[Block], out: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => inline_text(inlines, out),
            Block::BulletList(items) | Block::NumberedList(_, items) => items.iter().for_each(|item| block_text(item, out)),
            Block::Quote(inner) => block_text(inner, out),
            Block::Table(table) => table.head.iter().chain(table.rows.iter().flatten()).for_each(|cell| inline_text(cell, out)),
            Block::Preformatted(_) | Block::Rule => {}
        }
    }
}

/// Markdown a learner should never see as text.
const SYNTAX: [&str; 6] = ["](", "![", "**", "```", "{#", "<!--"];

#[test]
fn no_text_a_learner_reads_holds_markdown_syntax() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let folders = ["content", "tests/bundles"].iter().flat_map(|parent| std::fs::read_dir(repo.join(parent)).unwrap().map(|e| e.unwrap().path()));
    let (mut bundles, mut texts, mut found) = (0, 0, Vec::new());
    for folder in folders.filter(|f| f.join("bundle.toml").is_file()) {
        let mut files = SourceFiles::new();
        read(&folder, &folder, &mut files);
        let parsed = parse_bundle(&files);
        if parsed.has_errors() {
            continue;
        }
        let Some(bundle) = parsed.bundle else { continue };
        bundles += 1;
        for module in &bundle.modules {
            for step in &module.steps {
                let mut out = Vec::new();
                for rich in step.rich_texts() {
                    block_text(rich, &mut out);
                }
                texts += out.len();
                for text in out {
                    if let Some(syntax) = SYNTAX.iter().find(|s| text.contains(**s)) {
                        found.push(format!("{}: {}/{}: `{syntax}` in “{text}”", folder.display(), module.id, step.id));
                    }
                }
            }
        }
    }
    assert!(bundles >= 8, "the shipped placements were read: {bundles}");
    assert!(texts > 1000, "{texts} texts");
    assert!(found.is_empty(), "Markdown shown as text:\n{}", found.join("\n"));
}
