//! A reflection: prompts answered in the learner's own words, kept in their log,
//! private unless they choose to share them.

use super::{StepCtx, WrittenAnswer};
use leptos::prelude::*;
use wex_core::bundle::Reflection;
use wex_core::progress::{word_count, Action};

#[component]
pub fn ReflectionPlayer(ctx: StepCtx, reflection: Reflection) -> impl IntoView {
    let state = ctx.state();
    // The answers as typed, so the total follows every key press (not each save).
    let texts: Vec<RwSignal<String>> = reflection.prompts.iter().map(|_| RwSignal::new(String::new())).collect();
    let min = reflection.min_words;
    let counted = texts.clone();
    let total = Memo::new(move |_| counted.iter().map(|t| t.with(|t| word_count(t))).sum::<usize>());
    let share_id = ctx.id("share");
    let share_ctx = ctx.clone();
    view! {
        <p class="nhsuk-body">
            "Your answers are saved in "<strong>"My reflections"</strong>" as you type. They stay private on this device unless you choose to share them."
        </p>
        {reflection.prompts.iter().zip(texts).map(|(prompt, text)| view! {
            <WrittenAnswer ctx=ctx.clone() field=prompt.field() label=prompt.text.clone() hint=prompt.hint.clone().unwrap_or_default() label_class="nhsuk-label--s" text=text />
        }).collect_view()}
        <p class="nhsuk-body wex-word-total">
            {move || {
                let words = wex_core::words::plural(total.get(), "word");
                if min > 0 { format!("You have written {words}. Write at least {min} in all.") } else { format!("You have written {words}.") }
            }}
        </p>
        <div class="nhsuk-form-group">
            <div class="nhsuk-checkboxes">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=share_id.clone() type="checkbox"
                        prop:checked=move || state.with(|s| s.shared)
                        on:change=move |ev| share_ctx.record(Action::Share { shared: event_target_checked(&ev) })
                    />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=share_id>"Include these answers when I hand in my completion record to my tutor"</label>
                </div>
            </div>
        </div>
    }
}
