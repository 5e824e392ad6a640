//! Audio or video with its transcript.

use super::StepCtx;
use crate::components::doc::DocBlocks;
use leptos::prelude::*;
use wex_core::bundle::MediaActivity;

#[component]
pub fn MediaPlayer(ctx: StepCtx, media: MediaActivity) -> impl IntoView {
    let src = ctx.media.get(&media.src).map(|m| (m.mime.clone(), format!("data:{};base64,{}", m.mime, m.base64)));
    let player = match src {
        Some((mime, url)) if mime.starts_with("video/") => view! { <video class="wex-media" controls preload="metadata" src=url aria-label=media.title.clone()></video> }.into_any(),
        Some((_, url)) => view! { <audio class="wex-media" controls preload="metadata" src=url aria-label=media.title.clone()></audio> }.into_any(),
        None => view! { <p class="nhsuk-body">"This recording is missing from the placement file."</p> }.into_any(),
    };
    view! {
        <figure class="wex-figure">
            <figcaption class="nhsuk-heading-s">{media.title.clone()}</figcaption>
            {player}
        </figure>
        <h2 class="nhsuk-heading-s">"Transcript"</h2>
        <div class="wex-transcript"><DocBlocks blocks=media.transcript media=ctx.media.clone() /></div>
    }
}
