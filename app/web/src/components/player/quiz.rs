//! A quiz: choose, check, read the feedback on each choice, and try again if the
//! quiz allows it. Once it is passed (or out of tries), each missed question shows
//! its right answer.

use super::choices::{first_option_id, toggle, ChoiceOptions};
use super::{StepCtx, WrittenAnswer};
use crate::focus::focus_soon;
use crate::components::doc::DocBlocks;
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary, Tag, TagColour};
use leptos::prelude::*;
use std::collections::BTreeMap;
use wex_core::bundle::{Answer, Question, Quiz};
use wex_core::progress::Action;
use wex_core::scoring::{is_correct, quiz_attempt_score, quiz_standing};

#[component]
pub fn QuizPlayer(ctx: StepCtx, quiz: Quiz) -> impl IntoView {
    let state = ctx.state();
    let quiz = StoredValue::new(quiz);
    // Answering again after a failed attempt, until the next check.
    let retrying = RwSignal::new(false);
    let missing = RwSignal::new(Vec::<ErrorItem>::new());
    let standing = Memo::new(move |_| quiz.with_value(|q| state.with(|s| quiz_standing(q, s))));
    let answering = move || standing.get().attempts_used == 0 || retrying.get();
    // The right answers are shown once the quiz is settled: passed, or out of tries.
    let settled = Signal::derive(move || standing.get().shows_answers());
    let result_id = ctx.id("result");
    // Where each question's first option is shown, for the error summary and for
    // "Try again", which starts the learner at the first question.
    let first_ids: Vec<(String, String)> = quiz.with_value(|q| {
        q.questions
            .iter()
            .filter_map(|question| match &question.answer {
                Answer::Choice { options, .. } => {
                    let order = ctx.order(&question.id, options.len(), question.keep_order);
                    Some((question.id.clone(), first_option_id(&ctx.id(&question.id), &order)))
                }
                Answer::Text { .. } => None,
            })
            .collect()
    });
    let first_ids = StoredValue::new(first_ids);

    let check_ctx = ctx.clone();
    let focus_result = result_id.clone();
    let check = move |_| {
        let picks = state.with_untracked(|s| s.picks.clone());
        let unanswered: Vec<ErrorItem> = quiz.with_value(|q| {
            q.questions
                .iter()
                .filter(|question| matches!(question.answer, Answer::Choice { .. }))
                .filter(|question| picks.get(&question.id).is_none_or(Vec::is_empty))
                .filter_map(|question| {
                    let first = first_ids.with_value(|ids| ids.iter().find(|(id, _)| *id == question.id).map(|(_, first)| first.clone()))?;
                    Some(ErrorItem::field(format!("Answer: {}", wex_core::doc::first_paragraph_text(&question.text)), first))
                })
                .collect()
        });
        if !unanswered.is_empty() {
            missing.set(unanswered);
            return;
        }
        missing.set(Vec::new());
        let answers: BTreeMap<String, Vec<usize>> = quiz.with_value(|q| {
            q.questions.iter().filter_map(|question| picks.get(&question.id).map(|c| (question.id.clone(), c.clone()))).collect()
        });
        check_ctx.record(Action::QuizSubmit { answers });
        retrying.set(false);
        focus_soon(focus_result.clone(), true);
    };
    let try_again = move |_| {
        retrying.set(true);
        if let Some(first) = first_ids.with_value(|ids| ids.first().map(|(_, first)| first.clone())) {
            focus_soon(first, true);
        }
    };

    let questions = quiz.with_value(|q| q.questions.clone());
    let question_views = questions
        .into_iter()
        .map(|question| view! { <QuestionView ctx=ctx.clone() question=question answering=Signal::derive(answering) settled=settled /> })
        .collect_view();

    view! {
        {move || (!missing.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=missing.get() /> })}
        <div aria-live="polite">
            {move || (!answering()).then(|| {
                let s = standing.get();
                let (last, pass_mark) = quiz.with_value(|q| (state.with(|st| st.quiz_attempts.last().map(|a| quiz_attempt_score(q, a))), q.pass_mark));
                let last = last.unwrap_or(s.best);
                view! {
                    <div class="nhsuk-card wex-result" id=result_id.clone() tabindex="-1">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading">{format!("You got {} out of {}", last.points, last.max)}</h2>
                            <p class="nhsuk-card__description">
                                {if s.passed {
                                    "You passed this quiz. Read the feedback under each question: any you missed show the right answer.".to_string()
                                } else if s.can_retry {
                                    format!("You need {pass_mark} right to pass. Read the feedback under each question, then try again at the end of the quiz.")
                                } else {
                                    "You have used all your tries. Read the feedback and the right answers under each question, then carry on: you can still finish the module.".to_string()
                                }}
                            </p>
                        </div>
                    </div>
                }
            })}
        </div>
        {question_views}
        {move || if answering() {
            view! { <Button variant=ButtonVariant::Secondary on_click=check.clone()>"Check my answers"</Button> }.into_any()
        } else if standing.get().can_retry {
            view! { <Button variant=ButtonVariant::Secondary on_click=try_again>"Try again"</Button> }.into_any()
        } else {
            ().into_any()
        }}
    }
}

/// One choice question: radios (one answer) or checkboxes (several), then the
/// feedback on each option the learner chose, and the right answer once `settled`.
#[component]
fn QuestionView(ctx: StepCtx, question: Question, answering: Signal<bool>, settled: Signal<bool>) -> impl IntoView {
    let state = ctx.state();
    let Answer::Choice { options, multiple } = question.answer.clone() else {
        return view! {
            <div class="nhsuk-form-group">
                <DocBlocks blocks=question.text.clone() media=ctx.media.clone() />
                <WrittenAnswer ctx=ctx.clone() field=question.answer_field() label="Your answer" />
            </div>
        }
        .into_any();
    };
    let qid = question.id.clone();
    let picked = {
        let qid = qid.clone();
        Memo::new(move |_| state.with(|s| s.picks.get(&qid).cloned().unwrap_or_default()))
    };
    let submitted = {
        let qid = qid.clone();
        Memo::new(move |_| state.with(|s| s.quiz_attempts.last().and_then(|a| a.get(&qid).cloned())))
    };
    let name = ctx.id(&qid);
    let order = ctx.order(&qid, options.len(), question.keep_order);
    let hint_id = format!("{name}-hint");
    let hint = question.hint.clone().or_else(|| multiple.then(|| "Choose all that apply.".to_string()));
    let described_by = hint.as_ref().map(|_| hint_id.clone());
    let pick_ctx = ctx.clone();
    let pick_id = qid.clone();
    let on_change = Callback::new(move |(i, checked): (usize, bool)| {
        let chosen = toggle(picked.get_untracked(), i, checked, multiple);
        pick_ctx.record(Action::Pick { question: pick_id.clone(), chosen });
    });
    let option_views = view! {
        <ChoiceOptions name=name multiple=multiple options=options.iter().map(|o| o.text.clone()).collect() order=order.clone()
            chosen=picked disabled=Signal::derive(move || !answering.get()) on_change=on_change />
    };
    let feedback_options = options.clone();
    let feedback_question = question.clone();
    view! {
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    {wex_core::doc::first_paragraph_text(&question.text)}
                </legend>
                {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id>{hint}</div> })}
                {option_views}
            </fieldset>
            {move || (!answering.get()).then(|| submitted.get()).flatten().map(|chosen| {
                let right = is_correct(&feedback_question, &chosen);
                // The right options, in the order shown.
                let answers: Vec<_> = order.iter().filter_map(|i| feedback_options.get(*i).filter(|o| o.correct)).cloned().collect();
                view! {
                    <div class="wex-feedback">
                        <p class="nhsuk-body">
                            {if right {
                                view! { <Tag colour=TagColour::Green text="Correct" /> }.into_any()
                            } else {
                                view! { <Tag colour=TagColour::Red text="Not quite" /> }.into_any()
                            }}
                        </p>
                        {order.iter().filter(|i| chosen.contains(i)).filter_map(|i| feedback_options.get(*i)).filter(|o| !o.feedback.is_empty()).map(|o| view! {
                            <div class="nhsuk-inset-text">
                                <p><strong>{o.text.clone()}</strong></p>
                                <DocBlocks blocks=o.feedback.clone() />
                            </div>
                        }).collect_view()}
                        {(!right && settled.get()).then(|| view! {
                            <div class="nhsuk-inset-text wex-right-answer">
                                <p><strong>{if answers.len() > 1 { "The right answers" } else { "The right answer" }}</strong></p>
                                {answers.into_iter().map(|o| view! {
                                    <p>{o.text.clone()}</p>
                                    <DocBlocks blocks=o.feedback.clone() />
                                }).collect_view()}
                            </div>
                        })}
                    </div>
                }
            })}
            {question.explain.clone().map(|prompt| view! {
                <WrittenAnswer ctx=ctx.clone() field=question.explain_field() label=prompt />
            })}
        </div>
    }
    .into_any()
}
