//! A dashed area that takes files (or a folder) dragged onto it, around the file
//! input that does the same for keyboard and screen reader users.

use leptos::prelude::*;

#[component]
pub fn DropZone(on_drop: impl Fn(web_sys::DataTransfer) + 'static, children: Children) -> impl IntoView {
    let dragging = RwSignal::new(false);
    view! {
        <div
            class=move || if dragging.get() { "wex-drop-zone wex-drop-zone--active" } else { "wex-drop-zone" }
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(transfer) = ev.data_transfer() {
                    on_drop(transfer);
                }
            }
        >
            {children()}
        </div>
    }
}
