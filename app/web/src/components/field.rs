//! A labelled text input with its hint and error message, as the NHS design
//! system's text input: the error is linked to the field for screen readers.

use leptos::prelude::*;

#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "nhsuk-u-width-two-thirds")] width: &'static str,
    /// The keyboard a phone shows, for example `numeric` for a PIN.
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class=move || if error.with(Option::is_some) { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id.clone()>{h}</div> })}
            {move || error.get().map(|e| view! {
                <span class="nhsuk-error-message" id=error_id.clone()><span class="nhsuk-u-visually-hidden">"Error: "</span>{e}</span>
            })}
            <input
                class=move || format!("nhsuk-input {width}{}", if error.with(Option::is_some) { " nhsuk-input--error" } else { "" })
                id=id.clone() type=kind autocomplete=autocomplete spellcheck="false" inputmode=inputmode
                aria-describedby=described
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The error for field `id` among the error summary's items.
pub fn error_for(items: RwSignal<Vec<crate::components::nhs::ErrorItem>>, id: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || items.with(|items| items.iter().find(|i| i.href.as_deref() == Some(id)).map(|i| i.text.clone())))
}
