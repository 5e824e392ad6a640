//! A card whose heading links to a route, as the catalogue lists placements.

use crate::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub fn Card(#[prop(into)] heading: String, to: Route, children: Children) -> impl IntoView {
    view! {
        <div class="nhsuk-card">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-m">
                    <Link to=to class="nhsuk-card__link">
                        {heading}
                    </Link>
                </h2>
                {children()}
            </div>
        </div>
    }
}
