//! One button to choose the folder again, for when the browser will not read a
//! folder chosen with the file box after its files change: it opens the same file
//! box, for the same folder.

use super::folder::{self, Folder};
use crate::components::nhs::{Button, ButtonVariant};
use leptos::prelude::*;

#[component]
pub fn ChooseAgain(on_chosen: impl Fn(Folder) + Copy + Send + Sync + 'static) -> impl IntoView {
    let input = folder_picker();
    let open = move |_| {
        if let Some(input) = input.get_untracked() {
            // Cleared first, so that choosing the same folder again is a change.
            input.set_value("");
            input.click();
        }
    };
    view! {
        <input type="file" hidden multiple node_ref=input
            on:change=move |ev| on_chosen(folder::from_input(&event_target::<web_sys::HtmlInputElement>(&ev))) />
        <Button variant=ButtonVariant::Secondary on_click=open>"Choose the folder again"</Button>
    }
}

/// A file input that chooses folders. Leptos has no typed attribute for that, so it
/// is set on the element once it exists.
pub fn folder_picker() -> NodeRef<leptos::html::Input> {
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = input.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    input
}
