//! Supporting information for an apprenticeship or NHS job: the learner's notes
//! under the NHS values their words suggest, a box for their own statement, and
//! its download and print.

use super::{document_page, draft_ctx, printed, saved_drafts, Export, Gathered, NoReflections, NoteChoice};
use crate::components::nhs::InsetText;
use crate::components::player::WrittenAnswer;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wex_core::applications::documents::{nhs_values, Author};
use wex_core::applications::drafts::Draft;
use wex_core::applications::{Document, NhsValue, Note};

/// Where the NHS values are set out.
const CONSTITUTION: &str = "https://www.gov.uk/government/publications/the-nhs-constitution-for-england/the-nhs-constitution-for-england";

#[component]
pub fn NhsValues() -> impl IntoView {
    document_page(Document::NhsValues, |gathered| view! { <Values gathered=gathered /> }.into_any())
}

/// The choice of a note under a value, as the checkbox remembers it.
fn choice_key(value: NhsValue, note: &Note) -> String {
    format!("{value:?}:{}", note.id)
}

#[component]
fn Values(gathered: Gathered) -> impl IntoView {
    let drafts = gathered.drafts;
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let all_notes = StoredValue::new(gathered.notes.clone());
    let saved = saved_drafts(drafts);
    let markdown = move |author: Author<'_>| {
        all_notes.with_value(|notes| {
            let picked: Vec<(NhsValue, &Note)> = chosen.with_untracked(|c| {
                NhsValue::ALL.into_iter().flat_map(|v| notes.iter().filter(move |n| c.contains(&choice_key(v, n))).map(move |n| (v, n))).collect()
            });
            nhs_values(author, &saved.get_untracked(), &picked)
        })
    };
    view! {
        <div class="wex-applications">
            <p class="nhsuk-body">"NHS job adverts, apprenticeship applications and interviews ask how you show the NHS values. An application's supporting information is where you give examples."</p>
            <p class="nhsuk-body wex-no-print">
                "The six values are set out in "
                <a href=CONSTITUTION rel="noopener noreferrer" target="_blank">"the NHS Constitution for England"<span class="nhsuk-u-visually-hidden">" (opens in a new tab)"</span></a>
                " (checked 6 December 2026), which is for the NHS in England; the meanings below are a short version in our words. Check the values of the employer you apply to: many put them in their adverts."
            </p>
            <InsetText class="wex-no-print">
                <p>"Wex suggests which values a note shows from the words in it. It is a suggestion, not a judgement: you know best what your example shows."</p>
            </InsetText>
            {gathered.notes.is_empty().then(|| view! { <NoReflections /> })}
            {NhsValue::ALL.into_iter().map(|value| {
                let notes: Vec<Note> = gathered.notes.iter().filter(|n| NhsValue::suggested_by(&n.text).contains(&value)).cloned().collect();
                view! {
                    <section class="wex-no-print">
                        <h2 class="nhsuk-heading-m">{value.label()}</h2>
                        <p class="nhsuk-body">{value.meaning()}</p>
                        {if notes.is_empty() {
                            view! { <p class="nhsuk-body nhsuk-hint">"None of your notes mentions this value in words Wex recognises. Think of a moment in a placement that showed it."</p> }.into_any()
                        } else {
                            notes.into_iter().map(|note| { let key = choice_key(value, &note); view! { <NoteChoice note=note chosen=chosen key=key /> } }).collect_view().into_any()
                        }}
                    </section>
                }
            }).collect_view()}
            <h2 class="nhsuk-heading-m">"Your supporting information"</h2>
            <WrittenAnswer
                ctx=draft_ctx(drafts, Draft::SupportingInformation)
                field=Draft::field()
                label="Write about one or two values, with an example of each from your placements"
                label_class="nhsuk-label--s"
                hint="Say what happened, what you did or saw, and what it shows about how you would work. Check the advert for how long it can be."
                min_words=0
                rows=10
            />
            <p class="nhsuk-body wex-answer wex-print-only">{printed(drafts, Draft::SupportingInformation)}</p>
            <Export document=Document::NhsValues markdown=markdown />
        </div>
    }
}
