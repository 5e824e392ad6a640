//! What an app shows for an address another app serves ([`crate::router::Route::owner`]).

use leptos::prelude::*;

/// Shown by an app for a route another app owns: the page loads again from the
/// shell, which starts the right app for the new address (already in the history).
#[component]
pub fn ElsewhereInWex() -> impl IntoView {
    let _ = window().location().reload();
    view! { <p class="nhsuk-body" role="status">"Opening…"</p> }
}
