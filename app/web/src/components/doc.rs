//! Renders core's document tree with Leptos elements and NHS typography classes.
//! Text always becomes text nodes: a bundle cannot put HTML on the page.

use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use wex_core::bundle::Media;
use wex_core::doc::{Block, Inline, LinkKind, Table};

/// The bundle's media files, for images and links inside the document tree.
pub type MediaFiles = Arc<BTreeMap<String, Media>>;

/// A run of blocks, such as the body of a reading step. Images and links to files
/// of the bundle are served from `media` as `data:` URLs: nothing is fetched.
#[component]
pub fn DocBlocks(blocks: Vec<Block>, #[prop(optional)] media: Option<MediaFiles>) -> impl IntoView {
    let media = media.unwrap_or_default();
    blocks.into_iter().map(|b| render_block(b, &media)).collect_view()
}

fn media_url(media: &MediaFiles, path: &str) -> Option<String> {
    media.get(path).map(|f| format!("data:{};base64,{}", f.mime, f.base64))
}

fn render_block(block: Block, media: &MediaFiles) -> AnyView {
    match block {
        Block::Paragraph(content) => view! { <p>{inlines(content, media)}</p> }.into_any(),
        // The step's title is the page's h1, so an author's `###` is the page's h2.
        Block::Heading(level, content) => match level {
            0..=3 => view! { <h2 class="nhsuk-heading-m">{inlines(content, media)}</h2> }.into_any(),
            4 => view! { <h3 class="nhsuk-heading-s">{inlines(content, media)}</h3> }.into_any(),
            5 => view! { <h4>{inlines(content, media)}</h4> }.into_any(),
            _ => view! { <h5>{inlines(content, media)}</h5> }.into_any(),
        },
        Block::BulletList(items) => view! { <ul class="nhsuk-list nhsuk-list--bullet">{list_items(items, media)}</ul> }.into_any(),
        Block::NumberedList(start, items) => {
            view! { <ol class="nhsuk-list nhsuk-list--number" start=start.to_string()>{list_items(items, media)}</ol> }.into_any()
        }
        Block::Quote(content) => view! { <div class="nhsuk-inset-text">{content.into_iter().map(|b| render_block(b, media)).collect_view()}</div> }.into_any(),
        Block::Preformatted(text) => view! { <pre class="wex-pre"><code>{text}</code></pre> }.into_any(),
        Block::Rule => view! { <hr class="nhsuk-section-break nhsuk-section-break--m nhsuk-section-break--visible" /> }.into_any(),
        Block::Table(table) => table_view(table, media),
    }
}

fn list_items(items: Vec<Vec<Block>>, media: &MediaFiles) -> impl IntoView {
    items.into_iter().map(|item| view! { <li>{item.into_iter().map(|b| render_block(b, media)).collect_view()}</li> }).collect_view()
}

/// A table as the NHS responsive table: columns on a wide screen; on a phone, each
/// row becomes a block with each cell labelled by its column's heading, so nothing
/// is cut off at the side.
fn table_view(table: Table, media: &MediaFiles) -> AnyView {
    let Table { head, rows } = table;
    let headings: Vec<String> = head.iter().map(|cell| wex_core::doc::plain_text(cell)).collect();
    view! {
        <table class="nhsuk-table-responsive" role="table">
            <thead class="nhsuk-table__head" role="rowgroup">
                <tr class="nhsuk-table__row" role="row">
                    {head.into_iter().map(|cell| view! { <th class="nhsuk-table__header" scope="col" role="columnheader">{inlines(cell, media)}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                {rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr class="nhsuk-table__row" role="row">
                                {row.into_iter().enumerate().map(|(i, cell)| {
                                    let heading = headings.get(i).cloned().unwrap_or_default();
                                    view! {
                                        <td class="nhsuk-table__cell" role="cell">
                                            <span class="nhsuk-table-responsive__heading" aria-hidden="true">{heading}" "</span>
                                            {inlines(cell, media)}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

fn inlines(content: Vec<Inline>, media: &MediaFiles) -> impl IntoView {
    content.into_iter().map(|i| inline(i, media)).collect_view()
}

fn inline(inline: Inline, media: &MediaFiles) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(content) => view! { <em>{inlines(content, media)}</em> }.into_any(),
        Inline::Strong(content) => view! { <strong>{inlines(content, media)}</strong> }.into_any(),
        Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
        Inline::Link(link) => {
            let kind = link.kind();
            // A phone number: on a phone, a tap dials it (checked again here, as a
            // packed file may come from anywhere).
            if kind == LinkKind::Phone {
                return if wex_core::doc::is_phone_link(&link.href) {
                    view! { <a class="nhsuk-link" href=link.href>{inlines(link.content, media)}</a> }.into_any()
                } else {
                    view! { <span>{inlines(link.content, media)}</span> }.into_any()
                };
            }
            let external = kind == LinkKind::External;
            if external || kind == LinkKind::Anchor {
                return view! {
                    <a class="nhsuk-link" href=link.href rel=external.then_some("noopener noreferrer")>
                        {inlines(link.content, media)}
                        {external.then(|| view! { <span class="nhsuk-u-visually-hidden">" (another website)"</span> })}
                    </a>
                }
                .into_any();
            }
            // A file of the bundle: offered as a download from the placement itself.
            let name = link.href.rsplit('/').next().unwrap_or("file").to_string();
            match media_url(media, &link.href) {
                Some(url) => view! { <a class="nhsuk-link" href=url download=name>{inlines(link.content, media)}</a> }.into_any(),
                None => view! { <span>{inlines(link.content, media)}</span> }.into_any(),
            }
        }
        Inline::Image(image) => match media_url(media, &image.src) {
            Some(url) => view! { <img class="wex-image" src=url alt=image.alt /> }.into_any(),
            None => view! { <span class="wex-missing-image">{format!("[Image: {}]", image.alt)}</span> }.into_any(),
        },
        Inline::Break => view! { <br /> }.into_any(),
    }
}
