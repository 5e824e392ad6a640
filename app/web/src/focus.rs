//! Moving focus where the learner's attention goes after an action, as the NHS
//! design system and WCAG 2.4.3 ask: to a result that has just appeared, to the
//! field that needs them, or back to a control that was redrawn.

use leptos::prelude::*;

/// Moves focus to the element with this id once the page has drawn it (after the
/// current update): for a result that has just appeared (`to_top`: scrolled to the
/// top of the window, so it is read from its start), or a control redrawn in a new
/// place (the browser scrolls just enough to show it).
pub fn focus_soon(id: String, to_top: bool) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            if to_top {
                // A field is shown with its question (its form group) above it.
                match el.closest(".nhsuk-form-group").ok().flatten() {
                    Some(group) => group.scroll_into_view_with_bool(true),
                    None => el.scroll_into_view_with_bool(true),
                }
            }
        }
    });
}
