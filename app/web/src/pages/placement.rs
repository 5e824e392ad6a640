//! A placement's page: what it involves, its content warnings, what is left to do
//! for the certificate, and its modules as an NHS task list.

use crate::components::nhs::{BackLink, InsetText, TagColour, TaskList, TaskListItem, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::pages::not_found::NotFound;
use crate::router::Route;
use crate::journal::{Journal, open_placement};
use crate::notices::Notice;
use leptos::prelude::*;
use std::sync::Arc;
use wex_core::bundle::Bundle;
use wex_core::progress::{Progress, Status};
use wex_core::scoring::{bundle_result, module_status};
use wex_core::words::duration;

#[component]
pub fn Placement(bundle: String) -> impl IntoView {
    let loaded = open_placement(bundle);
    view! {
        <BackLink to=Route::Catalogue text="All placements" />
        {move || match loaded.get() {
            Some(Err(why)) => view! { <NotFound message=why /> }.into_any(),
            Some(Ok(open)) => view! { <PlacementDetails bundle=open.bundle journal=open.journal /> }.into_any(),
            None => view! { <p class="nhsuk-body" role="status">"Loading the placement…"</p> }.into_any(),
        }}
    }
}

#[component]
fn PlacementDetails(bundle: Arc<Bundle>, journal: Journal) -> impl IntoView {
    let progress = journal.records.with_untracked(|r| Progress::replay(r.iter()));
    let result = bundle_result(&bundle, &progress);
    let items: Vec<TaskListItem> = bundle
        .modules
        .iter()
        .map(|module| {
            let status = module_status(module, &progress);
            let colour = match status {
                Status::Completed => TagColour::Plain,
                Status::InProgress => TagColour::Blue,
                Status::NotStarted => TagColour::Grey,
            };
            // The module's own summary, as the authoring guide promises, then its kind and length.
            let summary = module.summary.trim();
            let mut hint = match summary.chars().last() {
                None => String::new(),
                Some('.' | '?' | '!') => format!("{summary} "),
                Some(_) => format!("{summary}. "),
            };
            hint.push_str(&format!("{}, about {}", module.kind.label(), duration(module.minutes)));
            if !module.content_warnings.is_empty() {
                hint.push_str(". Has a content warning");
            }
            TaskListItem {
                title: module.title.clone(),
                hint: Some(hint),
                to: Route::Module { bundle: bundle.id.clone(), module: module.id.clone(), step: None },
                status: status.label().to_string(),
                colour,
            }
        })
        .collect();
    let done = result.completed_modules();
    let areas: Vec<&str> = bundle.career_areas.iter().map(|a| a.label()).collect();
    let ages = match bundle.audience.max_age {
        Some(max) => format!("{} to {max}", bundle.audience.min_age),
        None => format!("{} and over", bundle.audience.min_age),
    };
    let warnings = bundle.content_warnings.clone();
    let notice = Notice::get().take();
    view! {
        <PageHeading text=bundle.title.clone() />
        {notice.map(|message| view! { <InsetText><p role="status">{message}</p></InsetText> })}
        <p class="nhsuk-body-l">{bundle.summary.clone()}</p>
        <crate::pages::add_placement::AddedHere id=bundle.id.clone() />
        {(!warnings.is_empty()).then(|| view! {
            <WarningCallout heading="Content warning">
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}
                </ul>
                <p>"Modules with a content warning tell you more before they start, and say where to get support."</p>
            </WarningCallout>
        })}
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Published by"</dt>
                <dd class="nhsuk-summary-list__value">{bundle.publisher.name.clone()}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Time"</dt>
                <dd class="nhsuk-summary-list__value">{format!("About {}", duration(bundle.minutes))}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"For ages"</dt>
                <dd class="nhsuk-summary-list__value">{ages}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Career areas"</dt>
                <dd class="nhsuk-summary-list__value">{areas.join(", ")}</dd>
            </div>
            {bundle.nation.map(|nation| view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Describes"</dt>
                    <dd class="nhsuk-summary-list__value">{nation.label()}</dd>
                </div>
            })}
        </dl>
        <h2 class="nhsuk-heading-m">"What you will learn"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            {bundle.learning_outcomes.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}
        </ul>
        <h2 class="nhsuk-heading-m">"Modules"</h2>
        <p class="nhsuk-body">{format!("You have completed {done} of {} modules.", bundle.modules.len())}</p>
        <TaskList id_prefix="modules" items=items />
        <h2 class="nhsuk-heading-m">"Your certificate"</h2>
        {if result.complete {
            let to = Route::Certificate { bundle: bundle.id.clone() };
            view! {
                <InsetText><p>{format!("You have met this placement's completion rules, with an overall score of {}%.", result.score.percent())}</p></InsetText>
                <p class="nhsuk-body"><crate::router::Link to=to class="nhsuk-button">"Get your certificate"</crate::router::Link></p>
            }.into_any()
        } else {
            view! {
                <p class="nhsuk-body">"To earn the certificate for this placement:"</p>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {result.still_to_do.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2 class="nhsuk-heading-m">"Use it in an application"</h2>
        <p class="nhsuk-body">"Turn what you did and wrote here into your own words for UCAS, an apprenticeship, an NHS job or work experience at a trust: "
            <crate::router::Link to=Route::Applications { document: None } class="nhsuk-link">"My applications"</crate::router::Link>"."</p>
        <Sources sources=bundle.sources.clone() />
    }
}

/// Where the placement's facts come from, each with the day it was checked.
#[component]
fn Sources(sources: Vec<wex_core::bundle::Source>) -> impl IntoView {
    let newest = sources.iter().map(|s| s.checked.as_str()).max().map(wex_core::words::long_date);
    (!sources.is_empty()).then(|| view! {
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{format!("Where the facts come from ({})", sources.len())}</span>
            </summary>
            <div class="nhsuk-details__text">
                {newest.map(|day| view! { <p>{format!("Checked up to {day}. Rules, pay and routes change: check the source before you rely on a fact.")}</p> })}
                <ul class="nhsuk-list wex-sources">
                    {sources.iter().map(|source| view! {
                        <li>
                            <a href=source.url.clone() rel="noopener noreferrer" target="_blank">{source.title.clone()}<span class="nhsuk-u-visually-hidden">" (opens in a new tab)"</span></a>
                            {format!(", {}. {} (checked {})", source.publisher, source.about, wex_core::words::long_date(&source.checked))}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </details>
    })
}
