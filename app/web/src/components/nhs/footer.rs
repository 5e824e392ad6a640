//! The footer: a short statement of what Wex is and is not.

use leptos::prelude::*;

#[component]
pub fn Footer(children: Children) -> impl IntoView {
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">{children()}</div>
            </div>
        </footer>
    }
}
