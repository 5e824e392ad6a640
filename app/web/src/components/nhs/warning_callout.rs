//! The warning callout (in nhsuk-frontend 10, a warning card).

use leptos::prelude::*;

#[component]
pub fn WarningCallout(#[prop(into)] heading: String, children: Children) -> impl IntoView {
    view! {
        <div class="nhsuk-card nhsuk-card--warning">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{heading}</span>
                </h2>
                {children()}
            </div>
        </div>
    }
}
