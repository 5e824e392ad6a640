//! A case study: a person's story, details revealed one at a time, and questions.

use super::choices::{toggle, ChoiceOptions};
use super::{StepCtx, WrittenAnswer};
use crate::components::doc::DocBlocks;
use crate::components::nhs::{Button, ButtonVariant, Tag, TagColour};
use leptos::prelude::*;
use wex_core::bundle::{Answer, CaseStudy, Question};
use wex_core::progress::{word_count, Action};
use wex_core::scoring::is_correct;

#[component]
pub fn CaseStudyPlayer(ctx: StepCtx, case: CaseStudy) -> impl IntoView {
    let state = ctx.state();
    let reveals = case
        .reveals
        .iter()
        .enumerate()
        .map(|(i, reveal)| {
            let panel = ctx.id(&format!("reveal-{i}"));
            let open = Memo::new(move |_| state.with(|s| s.revealed.contains(&i)));
            let reveal_ctx = ctx.clone();
            let content = reveal.content.clone();
            let media = ctx.media.clone();
            let label = reveal.label.clone();
            view! {
                <div class="wex-reveal">
                    <h2 class="nhsuk-heading-s">
                        <button
                            type="button"
                            class="nhsuk-button nhsuk-button--secondary nhsuk-button--small wex-reveal__button"
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            aria-controls=panel.clone()
                            on:click=move |_| if !open.get_untracked() { reveal_ctx.record(Action::Reveal { index: i }) }
                        >
                            {move || if open.get() { label.clone() } else { format!("Show: {label}") }}
                        </button>
                    </h2>
                    <div id=panel hidden=move || !open.get()>
                        {move || open.get().then(|| view! { <DocBlocks blocks=content.clone() media=media.clone() /> })}
                    </div>
                </div>
            }
        })
        .collect_view();
    let questions = case.questions.into_iter().map(|q| view! { <CaseQuestion ctx=ctx.clone() question=q /> }).collect_view();
    view! {
        <div class="nhsuk-card wex-case">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">{case.person.clone()}</h2>
                <DocBlocks blocks=case.story.clone() media=ctx.media.clone() />
            </div>
        </div>
        {reveals}
        {questions}
    }
}

#[component]
fn CaseQuestion(ctx: StepCtx, question: Question) -> impl IntoView {
    let state = ctx.state();
    let title = wex_core::doc::first_paragraph_text(&question.text);
    match question.answer.clone() {
        Answer::Text { model_answer, min_words, rubric } => {
            let field = question.answer_field();
            // As typed, not as saved: the button then appears as the learner reaches
            // the words asked for, not when the box loses focus, which would move the
            // page under a click on "Next" and lose it.
            let typed = RwSignal::new(String::new());
            let answered = Memo::new(move |_| typed.with(|t| !t.trim().is_empty() && word_count(t) >= min_words as usize));
            let show = RwSignal::new(false);
            let media = ctx.media.clone();
            let rubric = StoredValue::new(rubric);
            view! {
                <WrittenAnswer ctx=ctx.clone() field=field label=title label_class="nhsuk-label--m" text=typed min_words=min_words />
                {move || if show.get() {
                    view! {
                        <div class="nhsuk-inset-text">
                            <h3 class="nhsuk-heading-s">"A model answer"</h3>
                            <DocBlocks blocks=model_answer.clone() media=media.clone() />
                            {rubric.with_value(|points| (!points.is_empty()).then(|| view! {
                                <h3 class="nhsuk-heading-s">"A good answer"</h3>
                                <ul class="nhsuk-list nhsuk-list--bullet">{points.iter().map(|point| view! { <li>{point.clone()}</li> }).collect_view()}</ul>
                            }))}
                        </div>
                    }.into_any()
                } else if answered.get() {
                    view! { <Button variant=ButtonVariant::Secondary on_click=move |_| show.set(true)>"Compare with a model answer"</Button> }.into_any()
                } else {
                    ().into_any()
                }}
            }
            .into_any()
        }
        Answer::Choice { options, multiple } => {
            let qid = question.id.clone();
            let answer = {
                let qid = qid.clone();
                Memo::new(move |_| state.with(|s| s.case_answers.get(&qid).cloned()))
            };
            let picked = RwSignal::new(answer.get_untracked().unwrap_or_default());
            let order = ctx.order(&qid, options.len(), question.keep_order);
            let feedback_order = order.clone();
            let option_views = view! {
                <ChoiceOptions name=ctx.id(&qid) multiple=multiple options=options.iter().map(|o| o.text.clone()).collect() order=order
                    chosen=picked on_change=Callback::new(move |(i, checked)| picked.update(|p| *p = toggle(std::mem::take(p), i, checked, multiple))) />
            };
            let check_ctx = ctx.clone();
            let feedback_question = question.clone();
            view! {
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{title}</legend>
                        {option_views}
                    </fieldset>
                    <Button variant=ButtonVariant::Secondary on_click=move |_| {
                        if !picked.get_untracked().is_empty() {
                            check_ctx.record(Action::CaseAnswer { question: qid.clone(), chosen: picked.get_untracked() });
                        }
                    }>"Check my answer"</Button>
                    <div aria-live="polite">
                        {move || answer.get().map(|chosen| {
                            let right = is_correct(&feedback_question, &chosen);
                            view! {
                                <p class="nhsuk-body">
                                    {if right { view! { <Tag colour=TagColour::Green text="Correct" /> }.into_any() } else { view! { <Tag colour=TagColour::Red text="Not quite" /> }.into_any() }}
                                </p>
                                {feedback_order.iter().filter(|i| chosen.contains(i)).filter_map(|i| options.get(*i)).filter(|o| !o.feedback.is_empty()).map(|o| view! {
                                    <div class="nhsuk-inset-text"><p><strong>{o.text.clone()}</strong></p><DocBlocks blocks=o.feedback.clone() /></div>
                                }).collect_view()}
                            }
                        })}
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
