//! Labelled inputs with their hint and error message, as the NHS design system's
//! text input and file upload: the hint and error are linked to the field for
//! screen readers, and the error shows at the field as well as in the summary.

use leptos::prelude::*;

/// The form group's classes, red-edged while there is an error.
fn group_class(error: Signal<Option<String>>) -> impl Fn() -> &'static str + Copy {
    move || if error.with(Option::is_some) { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }
}

/// The field's `aria-describedby`: its hint, then its error while there is one.
fn described_by(id: &str, has_hint: bool, error: Signal<Option<String>>) -> impl Fn() -> Option<String> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
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
}

/// The hint under the label, and the error message while there is one.
fn hint_and_error(id: &str, hint: Option<String>, error: Signal<Option<String>>) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    view! {
        {hint.map(|h| view! { <div class="nhsuk-hint" id=hint_id>{h}</div> })}
        {move || error.get().map(|e| view! {
            <span class="nhsuk-error-message" id=error_id.clone()><span class="nhsuk-u-visually-hidden">"Error: "</span>{e}</span>
        })}
    }
}

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
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <div class=group_class(error)>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint_and_error(&id, hint, error)}
            <input
                class=move || format!("nhsuk-input {width}{}", if error.with(Option::is_some) { " nhsuk-input--error" } else { "" })
                id=id.clone() type=kind autocomplete=autocomplete spellcheck="false" inputmode=inputmode
                aria-describedby=described
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A file input (the NHS file upload), for one file or many. The input is
/// emptied after each choice, so choosing the same file again, once it has been
/// put right, counts as a new choice.
#[component]
pub fn FileField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    /// Takes several files at once.
    #[prop(optional)]
    multiple: bool,
    /// A bold label, for a field that is the page's main question.
    #[prop(optional)]
    bold: bool,
    #[prop(into)] on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <div class=group_class(error)>
            <label class=if bold { "nhsuk-label nhsuk-label--s" } else { "nhsuk-label" } for=id.clone()>{label}</label>
            {hint_and_error(&id, hint, error)}
            <input class="nhsuk-file-upload__input" id=id type="file" multiple=multiple accept=".json,application/json"
                aria-describedby=described
                on:change=move |ev| {
                    on_files.run(crate::files::input_files(&ev));
                    event_target::<web_sys::HtmlInputElement>(&ev).set_value("");
                } />
        </div>
    }
}

/// The error for field `id` among the error summary's items.
pub fn error_for(items: RwSignal<Vec<crate::components::nhs::ErrorItem>>, id: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || items.with(|items| items.iter().find(|i| i.field_id() == Some(id)).map(|i| i.text.clone())))
}
