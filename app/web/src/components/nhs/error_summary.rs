//! The error summary: what must be fixed, as links to each field. It takes focus
//! when it appears, as nhsuk-frontend's JavaScript would do.

use crate::router::{Link, Route};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One thing to put right, and where to put it right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorItem {
    pub text: String,
    pub link: ErrorLink,
}

/// Where an error summary's item leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorLink {
    /// Nowhere: the item is plain text.
    None,
    /// The field with this id, on this page.
    Field(String),
    /// Another page, for something to do elsewhere (a step of a module).
    Page(Route),
}

impl ErrorItem {
    /// A problem with the field whose id is `id`.
    pub fn field(text: impl Into<String>, id: impl Into<String>) -> ErrorItem {
        ErrorItem { text: text.into(), link: ErrorLink::Field(id.into()) }
    }

    /// Something to do on another page.
    pub fn page(text: impl Into<String>, to: Route) -> ErrorItem {
        ErrorItem { text: text.into(), link: ErrorLink::Page(to) }
    }

    /// A problem with no one place to fix it.
    pub fn text(text: impl Into<String>) -> ErrorItem {
        ErrorItem { text: text.into(), link: ErrorLink::None }
    }

    /// The id of the field this item names, if it names one.
    pub fn field_id(&self) -> Option<&str> {
        match &self.link {
            ErrorLink::Field(id) => Some(id),
            _ => None,
        }
    }
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
                        {move || items.get().into_iter().map(|item| match item.link {
                            ErrorLink::Page(page) => view! { <li><Link to=page>{item.text}</Link></li> }.into_any(),
                            ErrorLink::Field(id) => {
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
                            ErrorLink::None => view! { <li>{item.text}</li> }.into_any(),
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </div>
    }
}
