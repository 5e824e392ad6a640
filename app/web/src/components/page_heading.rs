//! The `<h1>` of every page: sets the document title, and takes focus after the
//! app moves to a new page so that screen readers announce where the learner is.

use crate::router::use_router;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn PageHeading(#[prop(into)] text: String, #[prop(into, optional)] caption: Option<String>) -> impl IntoView {
    let router = use_router();
    let heading = NodeRef::<html::H1>::new();
    document().set_title(&match &caption {
        Some(caption) => format!("{text} - {caption} - Wex"),
        None => format!("{text} - Wex"),
    });
    Effect::new(move || {
        if let Some(h1) = heading.get() {
            if router.take_focus() {
                let _ = h1.focus();
            }
        }
    });
    view! {
        <h1 class="nhsuk-heading-l" tabindex="-1" node_ref=heading>
            {caption.map(|caption| view! { <span class="nhsuk-caption-l">{caption}<span class="nhsuk-u-visually-hidden">" - "</span></span> })}
            {text}
        </h1>
    }
}
