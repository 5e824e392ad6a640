//! The page for addresses the app does not know.

use crate::components::page_heading::PageHeading;
use crate::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub fn NotFound(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <PageHeading text="Page not found" />
        <p class="nhsuk-body">{message}</p>
        <p class="nhsuk-body">
            <Link to=Route::Catalogue class="nhsuk-link">"See all placements"</Link>
        </p>
    }
}
