//! The UCAS personal statement: the learner's notes under the question each helps
//! with, prompts, an answer box per question with UCAS's character count, and the
//! statement's download and print.

use super::{document_page, draft_ctx, saved_drafts, Export, Gathered, NoReflections, NoteChoice};
use crate::components::nhs::InsetText;
use crate::components::player::WrittenAnswer;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wex_core::applications::documents::{ucas, Author};
use wex_core::applications::drafts::Draft;
use wex_core::applications::{answer_count, Document, Note, UcasCount, UcasQuestion, UCAS_MAX_CHARS, UCAS_MIN_CHARS};
use wex_core::words::number;

#[component]
pub fn UcasStatement() -> impl IntoView {
    document_page(Document::Ucas, |gathered| view! { <Statement gathered=gathered /> }.into_any())
}

#[component]
fn Statement(gathered: Gathered) -> impl IntoView {
    let drafts = gathered.drafts;
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let texts = UcasQuestion::ALL.map(|_| RwSignal::new(String::new()));
    let count = Memo::new(move |_| {
        let answers = texts.map(|t| t.get());
        UcasCount::of([&answers[0], &answers[1], &answers[2]].map(|a| a.as_str()))
    });
    let all_notes = StoredValue::new(gathered.notes.clone());
    let saved = saved_drafts(drafts);
    let markdown = move |author: Author<'_>| {
        all_notes.with_value(|notes| {
            let picked: Vec<&Note> = chosen.with_untracked(|c| notes.iter().filter(|n| c.contains(&n.id)).collect());
            ucas(author, &saved.get_untracked(), &picked)
        })
    };
    view! {
        <div class="wex-applications">
            <p class="nhsuk-body">{format!(
                "From 2026 entry, UCAS asks three questions in one personal statement. Each answer needs at least {UCAS_MIN_CHARS} characters, and the three together can have {} at most, spaces included.",
                number(UCAS_MAX_CHARS),
            )}</p>
            <p class="nhsuk-body wex-no-print">
                "The rules are UCAS's, from its guide to the personal statement on "
                <a href="https://www.ucas.com" rel="noopener noreferrer" target="_blank">"ucas.com"<span class="nhsuk-u-visually-hidden">" (opens in a new tab)"</span></a>
                " (checked 6 December 2026). Check them there before you apply."
            </p>
            <InsetText class="wex-no-print">
                <p>"Under each question are the notes from your reflections that most likely help with it: what happened goes with question 3, and what it meant and what you will do next with question 1. They are your words, not an answer: use them to remember, then write sentences of your own."</p>
            </InsetText>
            {gathered.notes.is_empty().then(|| view! { <NoReflections /> })}
            {UcasQuestion::ALL.into_iter().enumerate().map(|(i, question)| {
                let notes: Vec<Note> = gathered.notes.iter().filter(|n| n.question() == question).cloned().collect();
                view! {
                    <section class="wex-application-question" aria-labelledby=format!("question-{}", i + 1)>
                        <h2 class="nhsuk-heading-m" id=format!("question-{}", i + 1)>{format!("{}. {}", i + 1, question.text())}</h2>
                        <div class="wex-no-print">
                            {if notes.is_empty() {
                                view! { <p class="nhsuk-body">{no_notes_for(question)}</p> }.into_any()
                            } else {
                                view! {
                                    <h3 class="nhsuk-heading-s">{format!("Your notes that may help ({})", notes.len())}</h3>
                                    {notes.into_iter().map(|note| { let key = note.id.clone(); view! { <NoteChoice note=note chosen=chosen key=key /> } }).collect_view()}
                                }.into_any()
                            }}
                            <details class="nhsuk-details">
                                <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Prompts to get you started"</span></summary>
                                <div class="nhsuk-details__text">
                                    <ul class="nhsuk-list nhsuk-list--bullet">{question.prompts().iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                                </div>
                            </details>
                        </div>
                        <WrittenAnswer
                            ctx=draft_ctx(drafts, Draft::Ucas(question))
                            field=Draft::field()
                            label=format!("Your answer to question {}", i + 1)
                            label_class="nhsuk-label--s"
                            text=texts[i]
                            rows=8
                            count=|text: String| answer_count(&text)
                        />
                        <p class="nhsuk-body wex-answer wex-print-only">{move || texts[i].get()}</p>
                    </section>
                }
            }).collect_view()}
            <div class="wex-application-total" role="status" aria-live="polite">
                <p class="nhsuk-body"><strong>{move || format!("Altogether: {} of {} characters.", number(count.get().total), number(UCAS_MAX_CHARS))}</strong></p>
                {move || {
                    let problems = count.get().problems();
                    (!problems.is_empty()).then(|| view! {
                        <ul class="nhsuk-list nhsuk-list--bullet">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    })
                }}
            </div>
            <Export document=Document::Ucas markdown=markdown />
        </div>
    }
}

/// What to say under a question none of the learner's notes is placed under.
fn no_notes_for(question: UcasQuestion) -> &'static str {
    match question {
        UcasQuestion::StudiesPrepared => {
            "Your reflections are about the placements, so none is placed here: this question is about your subjects. Think of a topic you studied that came up in a placement."
        }
        _ => "None of your notes is placed here yet. The prompts below may help; a note under another question may fit here too.",
    }
}
