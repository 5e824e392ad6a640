//! A textarea whose text is saved as it is typed (after a short pause, and when
//! the learner leaves the box), with an optional word count.

use super::StepCtx;
use leptos::prelude::*;
use std::time::Duration;
use wex_core::progress::{word_count, Action};

/// How long after the last key press a draft is saved.
const DRAFT_PAUSE: Duration = Duration::from_millis(700);

#[component]
pub fn WrittenAnswer(
    ctx: StepCtx,
    /// The field the text is saved under (see `Action::Written`).
    #[prop(into)]
    field: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] hint: Option<String>,
    /// Show a word count, and this target if above zero.
    #[prop(optional)]
    min_words: Option<u32>,
    #[prop(optional)] label_class: Option<&'static str>,
) -> impl IntoView {
    let state = ctx.state();
    let saved_field = field.clone();
    let initial = state.with_untracked(|s| s.text(&saved_field).to_string());
    let text = RwSignal::new(initial.clone());
    let last_saved = StoredValue::new(initial);
    let generation = StoredValue::new(0u64);
    let id = ctx.id(&field.replace(':', "-"));
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let save_ctx = ctx.clone();
    let save_field = field.clone();
    let save = move || {
        let now = text.get_untracked();
        if last_saved.with_value(|s| *s != now) {
            last_saved.set_value(now.clone());
            save_ctx.record(Action::Written { field: save_field.clone(), text: now });
        }
    };
    let save_later = save.clone();
    let on_input = move |ev: web_sys::Event| {
        text.set(event_target_value(&ev));
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let save = save_later.clone();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    save();
                }
            },
            DRAFT_PAUSE,
        );
    };
    let described_by = [hint.as_ref().map(|_| hint_id.clone()), min_words.map(|_| count_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <div class="nhsuk-form-group">
            <label class=format!("nhsuk-label {}", label_class.unwrap_or("")) for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id>{hint}</div> })}
            <textarea
                class="nhsuk-textarea"
                id=id
                name=field
                rows="5"
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
                prop:value=move || text.get()
                on:input=on_input
                on:blur=move |_| save()
            ></textarea>
            {min_words.map(|min| view! {
                <div class="nhsuk-hint wex-word-count" id=count_id aria-live="polite">
                    {move || {
                        let n = word_count(&text.get());
                        if min == 0 { format!("{n} words") } else { format!("{n} words (at least {min})") }
                    }}
                </div>
            })}
        </div>
    }
}
