//! Inset text: information to set apart from the text around it.

use leptos::prelude::*;

#[component]
pub fn InsetText(
    /// Classes of Wex's own beside the NHS one (`wex-no-print`).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=if class.is_empty() { "nhsuk-inset-text".to_string() } else { format!("nhsuk-inset-text {class}") }>
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            {children()}
        </div>
    }
}
