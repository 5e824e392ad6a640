//! One learner's record in the tracker: the checks it passed, what they answered,
//! and removing it.

use crate::components::nhs::{Button, ButtonVariant};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wex_core::bundle::Bundle;
use wex_core::progress::Progress;
use wex_core::tracker::Entry;

/// One learner's record: the checks, their answers, their shared reflections.
#[component]
pub fn Detail(
    entry: Entry,
    bundle: Option<Arc<Bundle>>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
    on_remove: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let confirm = RwSignal::new(false);
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let answers = bundle.as_ref().map(|b| wex_core::answers::answers(b, &Progress::replay(&entry.record.records), &entry.record.reflections));
    let fingerprint = wex_core::keys::did_fingerprint(&entry.learner_key).unwrap_or_default();
    view! {
        <section class="wex-record-detail" aria-labelledby="record-detail">
            <h2 class="nhsuk-heading-m" id="record-detail" tabindex="-1" node_ref=heading>{format!("{}: {}", entry.learner, entry.placement)}</h2>
            <dl class="nhsuk-summary-list">
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Score"</dt><dd class="nhsuk-summary-list__value">{entry.score.clone()}</dd></div>
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Completed"</dt><dd class="nhsuk-summary-list__value">{format!("{} (by the learner's device clock)", entry.completed_at)}</dd></div>
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Checks"</dt><dd class="nhsuk-summary-list__value">"Signature, this placement's content (version "{entry.version.clone()}") and the scores, worked out again from the learner's attempt log: all passed."</dd></div>
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Learner's device key"</dt><dd class="nhsuk-summary-list__value"><code>{fingerprint}</code></dd></div>
            </dl>
            <h3 class="nhsuk-heading-s">"What they answered"</h3>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>"If anything a learner has written makes you worried about their safety or someone else's, follow your school or college's safeguarding policy and tell your designated safeguarding lead the same day. Learners are told their reflections are private unless they share them, so tell the learner what you will do next; do not promise to keep it to yourself."</p>
            </div>
            {match answers {
                None => view! { <p class="nhsuk-body">"This placement is not on this site any more, so the answers cannot be shown."</p> }.into_any(),
                Some(answers) if answers.is_empty() => view! { <p class="nhsuk-body">"This placement has reading only: there are no questions or tasks to show."</p> }.into_any(),
                Some(answers) => answers.into_iter().map(|step| view! {
                    <div class="wex-step-answers">
                        <h4 class="nhsuk-heading-xs">
                            {format!("{}: {}", step.module, step.step)}
                            {step.score.map(|s| format!(" ({}/{})", s.points, s.max))}
                        </h4>
                        <dl class="nhsuk-summary-list nhsuk-summary-list--no-border">
                            {step.lines.into_iter().map(|(q, a)| view! {
                                <div class="nhsuk-summary-list__row">
                                    <dt class="nhsuk-summary-list__key">{q}</dt>
                                    <dd class="nhsuk-summary-list__value wex-pre-line">{a}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    </div>
                }).collect_view().into_any(),
            }}
            <div class="wex-button-group">
                <Button variant=ButtonVariant::Secondary on_click=move |_| on_close()>"Close"</Button>
                {move || if confirm.get() {
                    let remove = on_remove.clone();
                    view! {
                        <span class="nhsuk-body">"Remove it from the tracker? The learner can hand it in again."</span>
                        <Button variant=ButtonVariant::Secondary on_click=move |_| remove()>"Yes, remove this record"</Button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| confirm.set(true)>"Remove this record"</button> }.into_any()
                }}
            </div>
        </section>
    }
}
