//! The back link, to a route of the app.

use crate::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub fn BackLink(to: Route, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <Link to=to class="nhsuk-back-link">
            {text}
        </Link>
    }
}
