//! "Listen": reads the step aloud with the browser's own speech synthesis, where
//! the browser has it (nothing is sent anywhere). Hidden where it does not.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ListenButton(#[prop(into)] target: String) -> impl IntoView {
    let synth = window().speech_synthesis().ok();
    let speaking = RwSignal::new(false);
    let Some(synth) = synth else { return ().into_any() };
    let toggle = {
        let synth = synth.clone();
        move |_| {
            if speaking.get_untracked() {
                synth.cancel();
                speaking.set(false);
                return;
            }
            let text = document()
                .get_element_by_id(&target)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                .map(|e| e.inner_text())
                .unwrap_or_default();
            if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) {
                utterance.set_lang("en-GB");
                let done = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || speaking.set(false));
                utterance.set_onend(Some(done.as_ref().unchecked_ref()));
                done.forget();
                synth.cancel();
                synth.speak(&utterance);
                speaking.set(true);
            }
        }
    };
    on_cleanup(move || synth.cancel());
    view! {
        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small wex-listen" aria-pressed=move || if speaking.get() { "true" } else { "false" } on:click=toggle>
            {move || if speaking.get() { "Stop reading aloud" } else { "Listen to this page" }}
        </button>
    }
    .into_any()
}
