//! A textarea whose text is saved as it is typed (after a short pause, when the
//! learner leaves the box, when the page is hidden or closed, and when the step is
//! left), with an optional word count that follows every key press. Each key press
//! is also kept at once where a closing browser cannot lose it
//! ([`crate::storage::typing`]).

use super::StepCtx;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wex_core::progress::{word_count, Action, Field};

/// How long after the last key press a draft is saved.
const DRAFT_PAUSE: Duration = Duration::from_millis(700);

/// What has been typed and what has been saved, kept outside the reactive system so
/// that a save can still run after the step's page is gone (a timer firing after
/// "Finish", or the tab closing).
struct Draft {
    ctx: StepCtx,
    field: Field,
    typed: Mutex<Option<String>>,
    saved: Mutex<String>,
    generation: AtomicU64,
}

impl Draft {
    /// Saves what was typed, if it differs from what was saved last.
    fn save(&self) {
        let Some(text) = self.typed.lock().ok().and_then(|mut t| t.take()) else { return };
        let Ok(mut saved) = self.saved.lock() else { return };
        if *saved != text {
            saved.clone_from(&text);
            drop(saved);
            self.ctx.record(Action::Written { field: self.field.clone(), text });
        }
    }
}

#[component]
pub fn WrittenAnswer(
    ctx: StepCtx,
    /// The field the text is saved under (see `Action::Written`).
    field: Field,
    #[prop(into)] label: String,
    #[prop(into, optional)] hint: Option<String>,
    /// Show a word count, and this target if above zero.
    #[prop(optional)]
    min_words: Option<u32>,
    #[prop(optional)] label_class: Option<&'static str>,
    /// The text as typed, for a parent that counts words across several answers.
    #[prop(optional)]
    text: Option<RwSignal<String>>,
    /// A count of its own under the box instead of words (UCAS counts characters),
    /// worked out from the text after every key press.
    #[prop(optional, into)]
    count: Option<Callback<String, String>>,
    /// Rows the box shows before it scrolls.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let state = ctx.state();
    let initial = state.with_untracked(|s| s.text(&field).to_string());
    let text = text.unwrap_or_else(|| RwSignal::new(String::new()));
    text.set(initial.clone());
    let id = ctx.field_id(&field);
    let draft = Arc::new(Draft { ctx, field: field.clone(), typed: Mutex::new(None), saved: Mutex::new(initial), generation: AtomicU64::new(0) });
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");

    let on_input = {
        let draft = draft.clone();
        move |ev: web_sys::Event| {
            let value = event_target_value(&ev);
            draft.ctx.keep_typing(&draft.field, &value);
            if let Ok(mut typed) = draft.typed.lock() {
                *typed = Some(value.clone());
            }
            text.set(value);
            let mine = draft.generation.fetch_add(1, Ordering::Relaxed) + 1;
            let draft = draft.clone();
            set_timeout(
                move || {
                    if draft.generation.load(Ordering::Relaxed) == mine {
                        draft.save();
                    }
                },
                DRAFT_PAUSE,
            );
        }
    };
    // The page hidden (another tab, the lid closed) or closed: save what is typed now.
    let hidden = {
        let draft = draft.clone();
        window_event_listener_untyped("pagehide", move |_| draft.save())
    };
    let visibility = {
        let draft = draft.clone();
        window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                draft.save();
            }
        })
    };
    {
        let draft = draft.clone();
        on_cleanup(move || {
            hidden.remove();
            visibility.remove();
            draft.save();
        });
    }
    let on_blur = move |_| draft.save();
    let counted = min_words.is_some() || count.is_some();
    let described_by = [hint.as_ref().map(|_| hint_id.clone()), counted.then(|| count_id.clone())]
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
                name=field.to_string()
                rows=rows.unwrap_or(5).to_string()
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
                prop:value=move || text.get()
                on:input=on_input
                on:blur=on_blur
            ></textarea>
            {counted.then(|| view! {
                <div class="nhsuk-hint wex-word-count" id=count_id aria-live="polite">
                    {move || match (count, min_words) {
                        (Some(count), _) => count.run(text.get()),
                        (None, min) => {
                            let words = wex_core::words::plural(word_count(&text.get()), "word");
                            match min {
                                Some(min) if min > 0 => format!("{words} (at least {min})"),
                                _ => words,
                            }
                        }
                    }}
                </div>
            })}
        </div>
    }
}
