//! The error summary: what must be fixed, as links to each field. It takes focus
//! when it appears, as nhsuk-frontend's JavaScript would do.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorItem {
    pub text: String,
    /// The id of the field to move to, if any.
    pub href: Option<String>,
    /// Or the page to go to, for something to do elsewhere (a step of a module).
    pub page: Option<crate::router::Route>,
}

/// `items` may change while the summary is shown (for example as the learner fixes
/// things); the summary takes focus only when it first appears.
#[component]
pub fn ErrorSummary(#[prop(into)] title: String, #[prop(into)] items: Signal<Vec<ErrorItem>>) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    Effect::new(move || {
        if let Some(el) = summary.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="nhsuk-error-summary" tabindex="-1" node_ref=summary>
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{title}</h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        {move || items.get().into_iter().map(|item| match (item.href, item.page) {
                            (_, Some(page)) => view! { <li><crate::router::Link to=page>{item.text}</crate::router::Link></li> }.into_any(),
                            (Some(id), None) => {
                                let target = id.clone();
                                let jump = move |ev: web_sys::MouseEvent| {
                                    // A plain #id would resolve against <base href> and leave the app.
                                    ev.prevent_default();
                                    if let Some(el) = document().get_element_by_id(&target).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                                        let _ = el.focus();
                                    }
                                };
                                view! { <li><a href=format!("#{id}") on:click=jump>{item.text}</a></li> }.into_any()
                            }
                            (None, None) => view! { <li>{item.text}</li> }.into_any(),
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </div>
    }
}
