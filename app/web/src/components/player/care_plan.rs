//! A care plan: choose needs, write a goal, choose and order interventions, explain
//! why; then compare with the model answer and mark yourself against the rubric.

use super::choices::{first_option_id, toggle, ChoiceOptions};
use super::{StepCtx, WrittenAnswer};
use crate::focus::focus_soon;
use crate::components::doc::DocBlocks;
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary, Tag, TagColour};
use leptos::prelude::*;
use wex_core::bundle::CarePlan;
use wex_core::progress::{Action, Field, SelfMark};
use wex_core::scoring::{care_plan_gaps, care_plan_score, intervention_verdicts, need_verdicts, PlanGap, Verdict};

#[component]
pub fn CarePlanPlayer(ctx: StepCtx, plan: CarePlan) -> impl IntoView {
    let state = ctx.state();
    let plan = StoredValue::new(plan);
    let submitted = Memo::new(move |_| state.with(|s| s.plan_submitted));
    let problems = RwSignal::new(Vec::<ErrorItem>::new());

    // 1. Needs, shown in this learner's order (the real needs are not all first).
    let needs_name = ctx.id("needs");
    let need_texts: Vec<String> = plan.with_value(|p| p.needs.iter().map(|n| n.text.clone()).collect());
    let keep_order = plan.with_value(|p| p.keep_order);
    let needs_order = ctx.order("needs", need_texts.len(), keep_order);
    let first_need = first_option_id(&needs_name, &needs_order);
    let need_ctx = ctx.clone();
    let need_views = view! {
        <ChoiceOptions name=needs_name.clone() multiple=true options=need_texts order=needs_order
            chosen=Signal::derive(move || state.with(|s| s.needs.clone())) disabled=submitted
            on_change=Callback::new(move |(i, checked)| {
                let chosen = toggle(state.with_untracked(|s| s.needs.clone()), i, checked, true);
                need_ctx.record(Action::Needs { chosen });
            }) />
    };

    // 3. Interventions: a checkbox to include each, and buttons to move the chosen ones.
    let int_name = ctx.id("interventions");
    let ids: Vec<String> = plan.with_value(|p| p.interventions.iter().map(|i| i.id.clone()).collect());
    let texts: Vec<String> = plan.with_value(|p| p.interventions.iter().map(|i| i.text.clone()).collect());
    let chosen_ids = ids.clone();
    let chosen = Signal::derive(move || {
        state.with(|s| s.interventions.iter().filter_map(|id| chosen_ids.iter().position(|x| x == id)).collect::<Vec<usize>>())
    });
    let int_ctx = ctx.clone();
    let interventions_order = ctx.order("interventions", texts.len(), keep_order);
    let first_intervention = first_option_id(&int_name, &interventions_order);
    let move_prefix = int_name.clone();
    let choose_views = view! {
        <ChoiceOptions name=int_name multiple=true options=texts order=interventions_order chosen=chosen disabled=submitted
            on_change=Callback::new(move |(i, checked): (usize, bool)| {
                // Newly chosen interventions join the end of the learner's order.
                let mut order = state.with_untracked(|s| s.interventions.clone());
                order.retain(|o| *o != ids[i]);
                if checked {
                    order.push(ids[i].clone());
                }
                int_ctx.record(Action::Interventions { order });
            }) />
    };
    let order_ctx = ctx.clone();
    // Said by screen readers after each move, as focus stays on the item moved.
    let moved = RwSignal::new(String::new());
    let ordered = move || {
        let order = state.with(|s| s.interventions.clone());
        let count = order.len();
        order
            .iter()
            .enumerate()
            .map(|(pos, id)| {
                let text = plan.with_value(|p| p.interventions.iter().find(|i| &i.id == id).map(|i| i.text.clone()).unwrap_or_default());
                let (up_id, down_id) = (format!("{move_prefix}-up-{id}"), format!("{move_prefix}-down-{id}"));
                let mover = |delta: isize| {
                    let (ctx, id, text) = (order_ctx.clone(), id.clone(), text.clone());
                    let (up_id, down_id) = (up_id.clone(), down_id.clone());
                    move |_: web_sys::MouseEvent| {
                        // Moves this item (found by id, not by where it was drawn).
                        let mut order = state.with_untracked(|s| s.interventions.clone());
                        let Some(from) = order.iter().position(|o| *o == id) else { return };
                        let to = from as isize + delta;
                        if to < 0 || to as usize >= order.len() {
                            return;
                        }
                        let to = to as usize;
                        order.swap(from, to);
                        let count = order.len();
                        ctx.record(Action::Interventions { order });
                        moved.set(format!("“{text}” moved to number {} of {count}.", to + 1));
                        // Focus stays with the item; at the top or bottom, on the button that still works.
                        let keep = if (delta < 0 && to > 0) || to + 1 == count { up_id.clone() } else { down_id.clone() };
                        focus_soon(keep, false);
                    }
                };
                view! {
                    <li class="wex-order__item">
                        <span class="wex-order__text">{text.clone()}</span>
                        <span class="wex-order__buttons">
                            <button type="button" id=up_id.clone() class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-label=format!("Move up: {text}") disabled=pos == 0 || submitted.get() on:click=mover(-1)>
                                "Move up"
                            </button>
                            <button type="button" id=down_id.clone() class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-label=format!("Move down: {text}") disabled=pos + 1 == count || submitted.get() on:click=mover(1)>
                                "Move down"
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };

    let submit_ctx = ctx.clone();
    let submit = move |_| {
        let gaps = state.with_untracked(|s| plan.with_value(|p| care_plan_gaps(p, s)));
        // The rule and its words are core's; each gap links to where it is filled in.
        let missing: Vec<ErrorItem> = gaps
            .iter()
            .map(|gap| {
                let target = match gap {
                    PlanGap::Needs => first_need.clone(),
                    PlanGap::Interventions => first_intervention.clone(),
                    PlanGap::Goal => submit_ctx.field_id(&Field::Goal),
                    PlanGap::Rationale { .. } => submit_ctx.field_id(&Field::Rationale),
                };
                ErrorItem::field(gap.describe(), target)
            })
            .collect();
        problems.set(missing.clone());
        if missing.is_empty() {
            submit_ctx.record(Action::PlanSubmit);
            focus_soon(submit_ctx.id("plan-result"), true);
        }
    };

    let (needs_prompt, goal_prompt, interventions_prompt, rationale_prompt, min_words) =
        plan.with_value(|p| (p.needs_prompt.clone(), p.goal_prompt.clone(), p.interventions_prompt.clone(), p.rationale_prompt.clone(), p.min_words));
    let review_ctx = ctx.clone();
    view! {
        {move || (!problems.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=problems.get() /> })}
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{format!("1. {needs_prompt}")}</legend>
                <div class="nhsuk-hint">"Choose all that apply."</div>
                {need_views}
            </fieldset>
        </div>
        <WrittenAnswer ctx=ctx.clone() field=Field::Goal label=format!("2. {goal_prompt}") label_class="nhsuk-label--m" />
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{format!("3. {interventions_prompt}")}</legend>
                {choose_views}
            </fieldset>
            <h2 class="nhsuk-heading-s">"Your order"</h2>
            <ol class="nhsuk-list nhsuk-list--number wex-order">{ordered}</ol>
            <p class="nhsuk-u-visually-hidden" role="status">{move || moved.get()}</p>
        </div>
        <WrittenAnswer ctx=ctx.clone() field=Field::Rationale label=format!("4. {rationale_prompt}") label_class="nhsuk-label--m" min_words=min_words />
        {move || if submitted.get() {
            view! { <PlanReview ctx=review_ctx.clone() plan=plan.get_value() /> }.into_any()
        } else {
            view! { <Button variant=ButtonVariant::Secondary on_click=submit.clone()>"Compare with the model answer"</Button> }.into_any()
        }}
    }
}

/// After submitting: the score, feedback on each choice, the model answer and the
/// rubric to mark against.
#[component]
fn PlanReview(ctx: StepCtx, plan: CarePlan) -> impl IntoView {
    let state = ctx.state();
    let score = {
        let plan = plan.clone();
        Memo::new(move |_| state.with(|s| care_plan_score(&plan, s)))
    };
    let (needs_verdicts, interventions_verdicts) = state.with_untracked(|s| (need_verdicts(&plan, s), intervention_verdicts(&plan, s)));
    let media = ctx.media.clone();
    let result_id = ctx.id("plan-result");
    let rubric = plan
        .rubric
        .iter()
        .enumerate()
        .map(|(i, criterion)| {
            let name = ctx.id(&format!("rubric-{i}"));
            let marks = [SelfMark::Yes, SelfMark::Partly, SelfMark::No]
                .into_iter()
                .enumerate()
                .map(|(j, mark)| {
                    let id = format!("{name}-{j}");
                    let mark_ctx = ctx.clone();
                    view! {
                        <div class="nhsuk-radios__item">
                            <input class="nhsuk-radios__input" id=id.clone() name=name.clone() type="radio"
                                prop:checked=move || state.with(|s| s.self_marks.get(&i) == Some(&mark))
                                on:change=move |_| mark_ctx.record(Action::SelfMark { criterion: i, mark })
                            />
                            <label class="nhsuk-label nhsuk-radios__label" for=id>{mark.label()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{criterion.clone()}</legend>
                        <div class="nhsuk-radios nhsuk-radios--inline">{marks}</div>
                    </fieldset>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="nhsuk-card wex-result" id=result_id tabindex="-1">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">{move || format!("Your plan scored {} out of {}", score.get().points, score.get().max)}</h2>
                <p class="nhsuk-card__description">"A point for each need and intervention sorted correctly, and for each pair of interventions in the model order."</p>
            </div>
        </div>
        <h2 class="nhsuk-heading-m">"How your choices compare"</h2>
        <ul class="nhsuk-list wex-compare">
            {plan.needs.iter().zip(needs_verdicts).map(|(need, verdict)| {
                let what = if need.correct { "a real need" } else { "not a need here" };
                view! {
                    <li>
                        <Tag colour=verdict_colour(verdict) text=verdict.label() />
                        " " <strong>{need.text.clone()}</strong>{format!(": {} {what}.", verdict.lead())}
                        <DocBlocks blocks=need.feedback.clone() />
                    </li>
                }
            }).collect_view()}
            {plan.interventions.iter().zip(interventions_verdicts).map(|(i, verdict)| {
                let what = match i.order { Some(n) => format!("number {n} in the model plan"), None => "not in the model plan".into() };
                view! {
                    <li>
                        <Tag colour=verdict_colour(verdict) text=verdict.label() />
                        " " <strong>{i.text.clone()}</strong>{format!(": {} {what}.", verdict.lead())}
                        <DocBlocks blocks=i.feedback.clone() />
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2 class="nhsuk-heading-m">"The model answer"</h2>
        <div class="nhsuk-inset-text"><DocBlocks blocks=plan.model_answer.clone() media=media /></div>
        <h2 class="nhsuk-heading-m">"Mark your plan"</h2>
        <p class="nhsuk-body">"Be honest: this is for you. Did your plan do each of these?"</p>
        {rubric}
    }
}


/// Green for a choice sorted as the model does, red for one to think about again.
fn verdict_colour(verdict: Verdict) -> TagColour {
    if verdict.is_right() {
        TagColour::Green
    } else {
        TagColour::Red
    }
}
