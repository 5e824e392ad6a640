//! "Skip to main content". A plain `#maincontent` href would resolve against the
//! page's `<base href>` and leave the app, so the click moves focus itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn SkipLink(#[prop(into)] target: String) -> impl IntoView {
    let href = format!("#{target}");
    let on_click = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id(&target).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = main.focus();
        }
    };
    view! {
        <a class="nhsuk-skip-link" href=href on:click=on_click>
            "Skip to main content"
        </a>
    }
}
