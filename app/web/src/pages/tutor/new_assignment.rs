//! A new assignment: which placements a cohort should complete, by when, with the
//! tutor's instructions; signed with the tutor's key and kept in this browser.

use crate::load::Load;
use super::identity::TutorGate;
use crate::components::field::{error_for, TextField};
use crate::components::nhs::{BackLink, Button, ErrorItem, ErrorSummary};
use crate::components::page_heading::PageHeading;
use crate::placements::Placements;
use crate::router::{use_router, Route};
use crate::notices::StorageProblem;
use crate::platform::{now_iso, now_ms, today};
use crate::session::TutorSession;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use wex_core::assignment::{sign, AssignedPlacement, Draft, Field};

#[component]
pub fn NewAssignment() -> impl IntoView {
    view! {
        <BackLink to=Route::Tutor text="Back to your cohorts" />
        <TutorGate><AssignmentForm /></TutorGate>
    }
}

#[component]
fn AssignmentForm() -> impl IntoView {
    let session = TutorSession::get();
    let problem = StorageProblem::get();
    let router = use_router();
    let placements = Placements::get();
    let index = Load::new(move || placements.index());
    let cohort = RwSignal::new(String::new());
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let (day, month, year) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let instructions = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<ErrorItem>::new());
    let saving = RwSignal::new(false);
    let submit = move |_| {
        let (Some(Ok(index)), Some(unlocked)) = (index.get_untracked(), session.unlocked_untracked()) else { return };
        let picked = chosen.get_untracked();
        let placements: Vec<AssignedPlacement> = index
            .bundles
            .iter()
            .filter(|e| picked.contains(&e.listing.id))
            .map(|e| AssignedPlacement { bundle: e.listing.id.clone(), version: e.listing.version.clone() })
            .collect();
        let (cohort_text, d, m, y, text) = (cohort.get_untracked(), day.get_untracked(), month.get_untracked(), year.get_untracked(), instructions.get_untracked());
        let draft = Draft { cohort: &cohort_text, placements, day: &d, month: &m, year: &y, instructions: &text };
        let id = crate::platform::random_id();
        let assignment = match draft.into_assignment(&id, &unlocked.identity.name, &unlocked.identity.organisation, &today()) {
            Ok(assignment) => {
                errors.set(Vec::new());
                assignment
            }
            Err(problems) => {
                let first_placement = format!("placement-{}", index.bundles.first().map_or("", |e| e.listing.id.as_str()));
                errors.set(
                    problems
                        .into_iter()
                        .map(|(field, text)| {
                            let href = match field {
                                Field::Cohort => "cohort-name".to_string(),
                                Field::Placements => first_placement.clone(),
                                Field::Due => "due-day".to_string(),
                                Field::Instructions => "instructions".to_string(),
                            };
                            ErrorItem::field(text, href)
                        })
                        .collect(),
                );
                return;
            }
        };
        let document = sign(&assignment, &now_iso(), &unlocked.seed);
        saving.set(true);
        spawn_local(async move {
            let saved = storage::tutor::save_assignment(&storage::tutor::Made { assignment, document, created_ms: now_ms() }).await;
            problem.report(&saved);
            saving.set(false);
            if saved.is_ok() {
                router.navigate(Route::TutorAssignment { id });
            }
        });
    };
    let date_error = error_for(errors, "due-day");
    let placement_error = Signal::derive(move || errors.with(|e| e.iter().find(|i| i.field_id().is_some_and(|h| h.starts_with("placement-"))).map(|i| i.text.clone())));
    view! {
        <PageHeading text="Create an assignment" />
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary title="There is a problem" items=errors /> })}
        <TextField id="cohort-name" label="Cohort" hint="The group you are setting this for, for example Year 12 health and social care." value=cohort error=error_for(errors, "cohort-name") />
        <div class=move || if placement_error.with(Option::is_some) { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <fieldset class="nhsuk-fieldset" aria-describedby="placements-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Placements"</legend>
                <div class="nhsuk-hint" id="placements-hint">"Choose every placement this cohort should complete. Learners get the version this site has now."</div>
                {move || placement_error.get().map(|e| view! { <span class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Error: "</span>{e}</span> })}
                <div class="nhsuk-checkboxes">
                    {move || match index.get() {
                        Some(Ok(index)) => index.bundles.into_iter().map(|entry| {
                            let id = entry.listing.id.clone();
                            let field = format!("placement-{id}");
                            let toggle = id.clone();
                            view! {
                                <div class="nhsuk-checkboxes__item">
                                    <input class="nhsuk-checkboxes__input" id=field.clone() type="checkbox"
                                        prop:checked=move || chosen.with(|c| c.contains(&id))
                                        on:change=move |ev| { let on = event_target_checked(&ev); chosen.update(|c| { if on { c.insert(toggle.clone()); } else { c.remove(&toggle); } }) } />
                                    <label class="nhsuk-label nhsuk-checkboxes__label" for=field>{format!("{} (version {})", entry.listing.title, entry.listing.version)}</label>
                                </div>
                            }
                        }).collect_view().into_any(),
                        Some(Err(why)) => view! { <p class="nhsuk-body" role="alert">{why}</p> }.into_any(),
                        None => view! { <p class="nhsuk-body" role="status">"Loading placements…"</p> }.into_any(),
                    }}
                </div>
            </fieldset>
        </div>
        <div class=move || if date_error.with(Option::is_some) { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }>
            <fieldset class="nhsuk-fieldset" role="group" aria-describedby=move || if date_error.with(Option::is_some) { "due-hint due-error" } else { "due-hint" }>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Due date"</legend>
                <div class="nhsuk-hint" id="due-hint">"For example, 18 12 2026"</div>
                {move || date_error.get().map(|e| view! { <span class="nhsuk-error-message" id="due-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>{e}</span> })}
                <div class="nhsuk-date-input">
                    {[("due-day", "Day", day, "nhsuk-input--width-2"), ("due-month", "Month", month, "nhsuk-input--width-2"), ("due-year", "Year", year, "nhsuk-input--width-4")].into_iter().map(|(id, label, value, width)| view! {
                        <div class="nhsuk-date-input__item">
                            <div class="nhsuk-form-group">
                                <label class="nhsuk-label nhsuk-date-input__label" for=id>{label}</label>
                                <input class=move || format!("nhsuk-input nhsuk-date-input__input {width}{}", if date_error.with(Option::is_some) { " nhsuk-input--error" } else { "" })
                                    id=id type="text" inputmode="numeric"
                                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                            </div>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="instructions">"Instructions (optional)"</label>
            <div class="nhsuk-hint" id="instructions-hint">"What learners should know, for example how to hand in their completion record."</div>
            <textarea class="nhsuk-textarea" id="instructions" rows="4" aria-describedby="instructions-hint"
                prop:value=move || instructions.get() on:input=move |ev| instructions.set(event_target_value(&ev))></textarea>
        </div>
        <Button on_click=submit disabled=saving>"Create and sign the assignment"</Button>
    }
}
