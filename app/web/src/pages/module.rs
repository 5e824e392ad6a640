//! The module player: one step at a time, every action saved as it happens; a
//! content warning before modules that need one; and a summary at the end.

use crate::components::doc::{DocBlocks, MediaFiles};
use crate::components::listen::ListenButton;
use crate::components::nhs::{BackLink, Button, ErrorItem, ErrorSummary, InsetText, Pagination, PaginationLink, Tag, TagColour, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::components::player::{ActivityPlayer, StepCtx};
use crate::components::support::SupportList;
use crate::pages::not_found::NotFound;
use crate::router::{use_router, Link, Route};
use crate::journal::{Journal, open_placement};
use crate::notices::Notice;
use leptos::prelude::*;
use std::sync::Arc;
use wex_core::bundle::{Bundle, Module};
use wex_core::progress::{Action, ItemId, Progress, Status};
use wex_core::scoring::{module_score, module_status, resume_step, step_score, still_to_do, unfinished_steps};

#[component]
pub fn ModulePage(bundle: String, module: String, step: Option<String>) -> impl IntoView {
    let loaded = open_placement(bundle);
    view! {
        {move || match loaded.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(why)) => view! { <NotFound message=why /> }.into_any(),
            Some(Ok(open)) => {
                let (bundle, journal) = (open.bundle, open.journal);
                let Some(module) = bundle.module(&module).cloned() else {
                    return view! { <NotFound message=format!("The placement “{}” has no module called “{module}”.", bundle.title) /> }.into_any();
                };
                match step.clone() {
                    Some(step) => view! { <StepView bundle=bundle module=module step=step journal=journal /> }.into_any(),
                    None => view! { <ModuleStart bundle=bundle module=module journal=journal /> }.into_any(),
                }
            }
        }}
    }
}

/// A module's own address: the summary when it is complete, the content warning
/// before a first visit where there is one, and otherwise where the learner left off.
#[component]
fn ModuleStart(bundle: Arc<Bundle>, module: Module, journal: Journal) -> impl IntoView {
    let router = use_router();
    let progress = journal.records.with_untracked(|r| Progress::replay(r.iter()));
    let status = module_status(&module, &progress);
    if status == Status::Completed {
        return view! { <ModuleSummary bundle=bundle module=module progress=progress /> }.into_any();
    }
    let visited = module.steps.iter().any(|s| progress.step(&module.id, &s.id).visited);
    if !module.content_warnings.is_empty() && !visited {
        return view! { <ContentWarning bundle=bundle module=module /> }.into_any();
    }
    if let Some(step) = resume_step(&module, &progress) {
        router.replace(Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: Some(step.id.clone()) });
    }
    view! { <p class="nhsuk-body" role="status">"Opening…"</p> }.into_any()
}

#[component]
fn ContentWarning(bundle: Arc<Bundle>, module: Module) -> impl IntoView {
    let router = use_router();
    let first = Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: module.steps.first().map(|s| s.id.clone()) };
    let back = Route::Placement { bundle: bundle.id.clone() };
    let back_again = back.clone();
    view! {
        <BackLink to=back.clone() text="Back to the placement" />
        <PageHeading text=module.title.clone() caption=bundle.title.clone() />
        <WarningCallout heading="Before you start">
            <p>"This module contains things that some people find upsetting:"</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                {module.content_warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}
            </ul>
            <p>"You can stop at any time with “Take a break”: your place is saved."</p>
        </WarningCallout>
        <SupportList />
        <div class="wex-button-group">
            <Button on_click=move |_| router.navigate(first.clone())>"Continue"</Button>
            <Link to=back_again class="nhsuk-link wex-button-group__link">"Not now"</Link>
        </div>
    }
}

#[component]
fn StepView(bundle: Arc<Bundle>, module: Module, step: String, journal: Journal) -> impl IntoView {
    let router = use_router();
    let Some(position) = module.steps.iter().position(|s| s.id == step) else {
        return view! { <NotFound message=format!("The module “{}” has no step called “{step}”.", module.title) /> }.into_any();
    };
    let current = module.steps[position].clone();
    let item = ItemId::step(&module.id, &current.id);
    journal.record(&item, Action::Visit);

    let media: MediaFiles = Arc::new(bundle.media.clone());
    let ctx = StepCtx { journal, module: module.id.clone(), step: current.id.clone(), media: media.clone() };
    let state = ctx.state();
    let step_at = |i: usize| {
        module.steps.get(i).map(|s| PaginationLink {
            to: Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: Some(s.id.clone()) },
            title: s.title.clone(),
        })
    };
    let previous = position.checked_sub(1).and_then(step_at);
    let next = step_at(position + 1);
    let total = module.steps.len();
    let placement = Route::Placement { bundle: bundle.id.clone() };
    let module_start = Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: None };
    let after_done = next.as_ref().map_or(module_start.clone(), |n| n.to.clone());
    let finish_label = if next.is_some() { "Save and continue" } else { "Finish the module" };
    let done = Memo::new(move |_| state.with(|s| s.done));
    // What is left to do, shown once the learner has tried to move on, and kept up
    // to date as they do it (so it disappears when nothing is left).
    let tried = RwSignal::new(false);
    let todo_step = current.clone();
    let todo = Memo::new(move |_| state.with(|s| still_to_do(&todo_step, s)));
    let problems = move || {
        if tried.get() {
            todo.get().into_iter().map(ErrorItem::text).collect()
        } else {
            Vec::new()
        }
    };
    let show_problems = Memo::new(move |_| tried.get() && !todo.with(Vec::is_empty));
    // On the last step, the steps of the module still to finish (reached with
    // "Next" and left unanswered), each a link: "Finish the module" always answers.
    let module_left = RwSignal::new(Vec::<ErrorItem>::new());
    let is_last = next.is_none();
    let finish_ctx = ctx.clone();
    let finish_module = module.clone();
    let bundle_id = bundle.id.clone();
    let finish = move |_| {
        if !todo.get_untracked().is_empty() {
            tried.set(true);
            return;
        }
        if !done.get_untracked() {
            finish_ctx.record(Action::Done);
        }
        if is_last {
            let progress = journal.records.with_untracked(|r| Progress::replay(r.iter()));
            let left: Vec<ErrorItem> = unfinished_steps(&finish_module, &progress)
                .into_iter()
                .map(|u| ErrorItem::page(u.summary(), Route::Module { bundle: bundle_id.clone(), module: finish_module.id.clone(), step: Some(u.step) }))
                .collect();
            if !left.is_empty() {
                module_left.set(left);
                return;
            }
        }
        router.navigate(after_done.clone());
    };
    let saved_place = current.title.clone();
    let take_break = move || Notice::get().show(format!("Your place is saved. When you come back to this module, you will start at “{saved_place}”."));
    let has_warnings = !module.content_warnings.is_empty();
    let activity = current.activity.clone();
    view! {
        <BackLink to=placement.clone() text="Back to the placement" />
        {move || show_problems.get().then(|| view! { <ErrorSummary title="Before you carry on" items=Signal::derive(problems) /> })}
        {move || (!show_problems.get() && !module_left.with(Vec::is_empty)).then(|| view! {
            <ErrorSummary title="You have not finished every step of this module" items=Signal::derive(move || module_left.get()) />
        })}
        <PageHeading text=current.title.clone() caption=module.title.clone() />
        <div class="wex-progress">
            <label class="nhsuk-body-s" for="step-progress">{format!("Step {} of {total}", position + 1)}</label>
            <progress id="step-progress" max=total.to_string() value=(position + 1).to_string()></progress>
        </div>
        <ListenButton target="step-content" />
        <div class="wex-step" id="step-content">
            <DocBlocks blocks=current.before.clone() media=media.clone() />
            {activity.map(|activity| view! { <ActivityPlayer ctx=ctx.clone() activity=activity /> })}
            <DocBlocks blocks=current.after.clone() media=media.clone() />
        </div>
        {move || done.get().then(|| view! { <p class="nhsuk-body"><Tag colour=TagColour::Green text="Step finished" /></p> })}
        <div class="wex-button-group">
            <Button on_click=finish>{finish_label}</Button>
            <Link to=placement.clone() class="nhsuk-link wex-button-group__link" on_click=Callback::new(move |()| take_break())>
                {if has_warnings { "Take a break" } else { "Save and come back later" }}
            </Link>
        </div>
        {has_warnings.then(|| view! {
            <InsetText><p>"Your answers are saved as you go. If anything here has upset you, talk to someone you trust, or see “Where to get support” at the start of this module."</p></InsetText>
        })}
        <Pagination previous=previous next=next />
    }
    .into_any()
}

#[component]
fn ModuleSummary(bundle: Arc<Bundle>, module: Module, progress: Progress) -> impl IntoView {
    let score = module_score(&module, &progress);
    let next_module = bundle.modules.iter().skip_while(|m| m.id != module.id).nth(1).cloned();
    let rows = module
        .steps
        .clone()
        .into_iter()
        .map(|s| {
            let step_score = step_score(&s, progress.step(&module.id, &s.id));
            let to = Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: Some(s.id.clone()) };
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{s.title.clone()}</dt>
                    <dd class="nhsuk-summary-list__value">{step_score.map_or("Finished".to_string(), |sc| format!("{} out of {}", sc.points, sc.max))}</dd>
                    <dd class="nhsuk-summary-list__actions">
                        <Link to=to class="nhsuk-link">"Look again"<span class="nhsuk-u-visually-hidden">{format!(": {}", s.title)}</span></Link>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <BackLink to=Route::Placement { bundle: bundle.id.clone() } text="Back to the placement" />
        <PageHeading text=format!("You have finished “{}”", module.title) caption=bundle.title.clone() />
        <div class="nhsuk-card wex-result">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">"Module complete"</h2>
                <p class="nhsuk-card__description">
                    {if score.max > 0 { format!("You scored {} out of {} ({}%) in this module's activities.", score.points, score.max, score.percent()) } else { "Well done for working through every step.".to_string() }}
                </p>
            </div>
        </div>
        <h2 class="nhsuk-heading-m">"Your steps"</h2>
        <dl class="nhsuk-summary-list">{rows}</dl>
        {match next_module {
            Some(next) => view! {
                <p class="nhsuk-body">
                    <Link to=Route::Module { bundle: bundle.id.clone(), module: next.id.clone(), step: None } class="nhsuk-button">
                        {format!("Start the next module: {}", next.title)}
                    </Link>
                </p>
            }.into_any(),
            None => view! {
                <p class="nhsuk-body"><Link to=Route::Placement { bundle: bundle.id.clone() } class="nhsuk-button">"Back to the placement"</Link></p>
            }.into_any(),
        }}
    }
}
