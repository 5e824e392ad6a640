//! A branching scenario: who speaks, the choices, case notes that build up, going
//! back where the author allows it, and at the end the outcome and the path taken.

use super::StepCtx;
use crate::components::doc::DocBlocks;
use crate::components::nhs::{Button, ButtonVariant};
use leptos::html;
use leptos::prelude::*;
use wex_core::bundle::Scenario;
use wex_core::progress::Action;
use wex_core::scenario::Play;

#[component]
pub fn ScenarioPlayer(ctx: StepCtx, scenario: Scenario) -> impl IntoView {
    let state = ctx.state();
    let scenario = StoredValue::new(scenario);
    let play = Memo::new(move |_| scenario.with_value(|s| state.with(|st| Play::replay(s, &st.path))));
    let moment = NodeRef::<html::Div>::new();
    // After each choice, focus moves to the new moment so screen readers read it.
    let moved = StoredValue::new(false);
    Effect::new(move || {
        play.track();
        if moved.get_value() {
            if let Some(el) = moment.get_untracked() {
                let _ = el.focus();
            }
        }
    });

    let choose_ctx = ctx.clone();
    let choose = move |node: String, index: usize| {
        moved.set_value(true);
        choose_ctx.record(Action::Choose { node, choice: index });
    };
    let back_ctx = ctx.clone();
    let restart_ctx = ctx.clone();
    let order_ctx = ctx.clone();
    let media = ctx.media.clone();

    let notes = move || {
        let p = play.get();
        scenario.with_value(|s| {
            let mut seen: Vec<String> = p.path.iter().map(|(n, _)| n.clone()).collect();
            seen.push(p.node.clone());
            seen.iter().filter_map(|id| s.nodes.iter().find(|n| &n.id == id)).filter(|n| !n.notes.is_empty()).map(|n| n.notes.clone()).collect::<Vec<_>>()
        })
    };

    view! {
        <div class="wex-scenario">
            {move || {
                let notes = notes();
                (!notes.is_empty()).then(|| view! {
                    <aside class="nhsuk-card wex-notes" aria-labelledby="case-notes-heading">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading nhsuk-heading-s" id="case-notes-heading">"Case notes"</h2>
                            {notes.into_iter().map(|n| view! { <DocBlocks blocks=n /> }).collect_view()}
                        </div>
                    </aside>
                })
            }}
            <div class="wex-moment" tabindex="-1" node_ref=moment aria-live="polite">
                {move || {
                    let p = play.get();
                    let media = media.clone();
                    scenario.with_value(|s| {
                        let Some(node) = p.current(s).cloned() else {
                            return view! { <p class="nhsuk-body">"This part of the scenario has changed since you played it. Start again to play the new version."</p> }.into_any();
                        };
                        let last_feedback = p.path.last().and_then(|(n, c)| s.nodes.iter().find(|x| &x.id == n).and_then(|x| x.choices.get(*c)))
                            .filter(|c| !c.feedback.is_empty()).map(|c| (c.text.clone(), c.feedback.clone()));
                        let who = match (&node.speaker, &node.role) {
                            (Some(speaker), Some(role)) => Some(format!("{speaker}, {role}")),
                            (Some(speaker), None) => Some(speaker.clone()),
                            (None, Some(role)) => Some(role.clone()),
                            (None, None) => None,
                        };
                        view! {
                            {last_feedback.map(|(choice, feedback)| view! {
                                <div class="nhsuk-inset-text">
                                    <p><strong>{format!("You chose: {choice}")}</strong></p>
                                    <DocBlocks blocks=feedback />
                                </div>
                            })}
                            <div class="wex-speech">
                                {who.map(|who| view! { <p class="wex-speech__who">{who}</p> })}
                                <DocBlocks blocks=node.text.clone() media=media.clone() />
                            </div>
                        }
                        .into_any()
                    })
                }}
            </div>
            {move || {
                let p = play.get();
                scenario.with_value(|s| {
                    let Some(node) = p.current(s).cloned() else { return ().into_any() };
                    if let Some(ending) = node.ending.clone() {
                        let max = s.nodes.iter().filter_map(|n| n.ending.as_ref()).map(|e| e.score).max().unwrap_or(0);
                        let path: Vec<String> = p.path.iter().filter_map(|(n, c)| s.nodes.iter().find(|x| &x.id == n).and_then(|x| x.choices.get(*c)).map(|c| c.text.clone())).collect();
                        let restart_ctx = restart_ctx.clone();
                        return view! {
                            <div class="nhsuk-card wex-result">
                                <div class="nhsuk-card__content">
                                    <h2 class="nhsuk-card__heading">{format!("Outcome: {}", ending.outcome)}</h2>
                                    <DocBlocks blocks=ending.feedback.clone() />
                                    <p class="nhsuk-body">{format!("Score: {} out of {max}", ending.score)}</p>
                                </div>
                            </div>
                            <h2 class="nhsuk-heading-s">"The path you took"</h2>
                            <ol class="nhsuk-list nhsuk-list--number">{path.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ol>
                            <Button variant=ButtonVariant::Secondary on_click=move |_| restart_ctx.record(Action::Restart)>"Play the scenario again"</Button>
                        }
                        .into_any();
                    }
                    // The choices open here, in the order this learner sees them.
                    let open = p.available(s);
                    let available: Vec<usize> = order_ctx.order(&format!("node-{}", node.id), node.choices.len(), node.keep_order).into_iter().filter(|i| open.contains(i)).collect();
                    let choose = choose.clone();
                    view! {
                        <h2 class="nhsuk-heading-s" id="scenario-choices">"What do you do?"</h2>
                        <ul class="nhsuk-list wex-choices" aria-labelledby="scenario-choices">
                            {available.into_iter().map(|i| {
                                let text = node.choices[i].text.clone();
                                let node_id = node.id.clone();
                                let choose = choose.clone();
                                view! {
                                    <li>
                                        <button type="button" class="nhsuk-button nhsuk-button--secondary wex-choice" on:click=move |_| choose(node_id.clone(), i)>{text}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                })
            }}
            {move || {
                let allow = scenario.with_value(|s| s.allow_back);
                let p = play.get();
                let ended = scenario.with_value(|s| p.ended(s).is_some());
                (allow && !p.path.is_empty() && !ended).then(|| {
                    let back_ctx = back_ctx.clone();
                    view! {
                        <p class="nhsuk-body">
                            <button type="button" class="wex-link-button" on:click=move |_| { moved.set_value(true); back_ctx.record(Action::Back) }>
                                "Go back one choice"
                            </button>
                        </p>
                    }
                })
            }}
        </div>
    }
}
