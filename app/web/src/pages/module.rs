//! The module player: one step at a time, with previous and next links and a
//! "mark as done" that is saved the moment it is pressed.

use crate::components::doc::DocBlocks;
use crate::components::nhs::{BackLink, Button, Pagination, PaginationLink, Tag, TagColour};
use crate::components::page_heading::PageHeading;
use crate::library::Library;
use crate::pages::not_found::NotFound;
use crate::router::{use_router, Route};
use crate::state::{now_ms, StorageProblem};
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wex_core::bundle::Bundle;
use wex_core::progress::{item_id, Action, Progress, Record};

#[component]
pub fn ModulePage(bundle: String, module: String, step: Option<String>) -> impl IntoView {
    let library = Library::get();
    let problem = StorageProblem::get();
    let id = bundle.clone();
    let loaded = LocalResource::new(move || library.bundle(id.clone()));
    let id = bundle.clone();
    let records = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let result = storage::records::for_bundle(&id).await;
            problem.report(&result);
            result.unwrap_or_default()
        }
    });
    view! {
        <BackLink to=Route::Placement { bundle: bundle.clone() } text="Back to the placement" />
        {move || match (loaded.get(), records.get()) {
            (Some(Err(why)), _) => view! { <NotFound message=why /> }.into_any(),
            (Some(Ok(loaded_bundle)), Some(records_now)) => {
                let progress = Progress::replay(&records_now);
                view! {
                    <StepView
                        bundle=loaded_bundle
                        module=module.clone()
                        step=step.clone()
                        progress=progress
                        on_saved=move || records.refetch()
                    />
                }
                .into_any()
            }
            _ => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
        }}
    }
}

#[component]
fn StepView(
    bundle: Arc<Bundle>,
    module: String,
    step: Option<String>,
    progress: Progress,
    on_saved: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let router = use_router();
    let problem = StorageProblem::get();
    let Some(module) = bundle.module(&module).cloned() else {
        return view! { <NotFound message=format!("The placement “{}” has no module called “{module}”.", bundle.title) /> }.into_any();
    };
    let position = match &step {
        Some(step) => module.steps.iter().position(|s| s.id() == step),
        // With no step named, resume at the first step not yet done.
        None => Some(module.steps.iter().position(|s| !progress.is_done(&module.id, s.id())).unwrap_or(0)),
    };
    let Some(position) = position else {
        return view! { <NotFound message=format!("The module “{}” has no step called “{}”.", module.title, step.unwrap_or_default()) /> }.into_any();
    };
    let step_at = |i: usize| {
        module.steps.get(i).map(|s| PaginationLink {
            to: Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: Some(s.id().to_string()) },
            title: s.title().to_string(),
        })
    };
    let previous = position.checked_sub(1).and_then(step_at);
    let next = step_at(position + 1);
    let current = module.steps[position].clone();
    let done = progress.is_done(&module.id, current.id());
    let after_done = next.as_ref().map_or(Route::Placement { bundle: bundle.id.clone() }, |n| n.to.clone());
    let record = Record {
        bundle: bundle.id.clone(),
        item: item_id(&module.id, current.id()),
        at_ms: 0,
        action: Action::PageDone,
    };
    let saving = RwSignal::new(false);
    let mark_done = move |_| {
        let record = Record { at_ms: now_ms(), ..record.clone() };
        let after_done = after_done.clone();
        saving.set(true);
        spawn_local(async move {
            let result = storage::records::append(&record).await;
            problem.report(&result);
            saving.set(false);
            if result.is_ok() {
                on_saved();
                router.navigate(after_done);
            }
        });
    };
    let total = module.steps.len();
    let title = current.title().to_string();
    let finish_label = if next.is_some() { "Mark as done and continue" } else { "Mark as done and finish the module" };
    let before = current.before.clone();
    let after = current.after.clone();
    let activity = current.activity.as_ref().map(|a| a.key());
    view! {
        <PageHeading text=title caption=module.title.clone() />
        <p class="nhsuk-body-s">{format!("Step {} of {total}", position + 1)}</p>
        <div class="wex-step">
            <DocBlocks blocks=before />
            {activity.map(|name| view! {
                <div class="nhsuk-inset-text">
                    <p>{format!("This step has a {name} activity, which this version of Wex cannot show yet.")}</p>
                </div>
            })}
            <DocBlocks blocks=after />
        </div>
        {if done {
            view! { <p class="nhsuk-body"><Tag colour=TagColour::Green text="Done" /></p> }.into_any()
        } else {
            view! {
                <Button on_click=mark_done disabled=saving>
                    {finish_label}
                </Button>
            }
            .into_any()
        }}
        <Pagination previous=previous next=next />
    }
    .into_any()
}
