//! Inset text: information to set apart from the text around it.

use leptos::prelude::*;

#[component]
pub fn InsetText(children: Children) -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            {children()}
        </div>
    }
}
