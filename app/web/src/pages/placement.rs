//! A placement's page: what it is, and its modules as an NHS task list.

use crate::components::nhs::{BackLink, TagColour, TaskList, TaskListItem};
use crate::components::page_heading::PageHeading;
use crate::library::Library;
use crate::pages::catalogue::duration;
use crate::pages::not_found::NotFound;
use crate::router::Route;
use crate::state::StorageProblem;
use crate::storage;
use leptos::prelude::*;
use std::sync::Arc;
use wex_core::bundle::Bundle;
use wex_core::progress::{Progress, Status};

#[component]
pub fn Placement(bundle: String) -> impl IntoView {
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
        <BackLink to=Route::Catalogue text="All placements" />
        {move || match (loaded.get(), records.get()) {
            (Some(Err(why)), _) => view! { <NotFound message=why /> }.into_any(),
            (Some(Ok(bundle)), Some(records)) => {
                view! { <PlacementDetails bundle=bundle progress=Progress::replay(&records) /> }.into_any()
            }
            _ => view! { <p class="nhsuk-body" role="status">"Loading the placement…"</p> }.into_any(),
        }}
    }
}

#[component]
fn PlacementDetails(bundle: Arc<Bundle>, progress: Progress) -> impl IntoView {
    let minutes = bundle.minutes;
    let done = progress.completed_modules(&bundle);
    let items: Vec<TaskListItem> = bundle
        .modules
        .iter()
        .map(|module| {
            let status = progress.module_status(module);
            let colour = match status {
                Status::Completed => TagColour::Plain,
                Status::InProgress => TagColour::Blue,
                Status::NotStarted => TagColour::Grey,
            };
            TaskListItem {
                title: module.title.clone(),
                hint: Some(format!("About {}", duration(module.minutes))),
                to: Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: None },
                status: status.label().to_string(),
                colour,
            }
        })
        .collect();
    view! {
        <PageHeading text=bundle.title.clone() />
        <p class="nhsuk-body-l">{bundle.summary.clone()}</p>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Published by"</dt>
                <dd class="nhsuk-summary-list__value">{bundle.publisher.name.clone()}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Time"</dt>
                <dd class="nhsuk-summary-list__value">{format!("About {}", duration(minutes))}</dd>
            </div>
        </dl>
        <h2 class="nhsuk-heading-m">"Modules"</h2>
        <p class="nhsuk-body">{format!("You have completed {done} of {} modules.", bundle.modules.len())}</p>
        <TaskList id_prefix="modules" items=items />
    }
}
