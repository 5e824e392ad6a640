//! One assignment: what it asks, the ways to share it with the cohort (a link whose
//! payload is in the fragment, a QR code of that link, a file), and its tracker.

use crate::load::Load;
use super::identity::TutorGate;
use super::tracker::Tracker;
use crate::components::nhs::{BackLink, Button, ButtonVariant, InsetText};
use crate::components::page_heading::PageHeading;
use crate::components::qr::{pack_text, QrCodeSvg};
use crate::files::{copy_text, download};
use crate::placements::Placements;
use crate::router::Route;
use wex_core::bundle::file_safe;
use wex_core::words::long_date;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The fragment key that carries an assignment in a join link.
pub const JOIN_FRAGMENT: &str = "#a=";

#[component]
pub fn AssignmentPage(id: String) -> impl IntoView {
    view! {
        <BackLink to=Route::Tutor text="Back to your cohorts" />
        <TutorGate>
            {
                let id = id.clone();
                move || view! { <LoadedAssignment id=id.clone() /> }
            }
        </TutorGate>
    }
}

#[component]
fn LoadedAssignment(id: String) -> impl IntoView {
    let made = Load::new(move || {
        let id = id.clone();
        async move { storage::tutor::assignments().await.map(|all| all.into_iter().find(|m| m.assignment.id == id)) }
    });
    move || match made.get() {
        None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
        Some(Err(why)) => view! { <p class="nhsuk-body" role="alert">{why.to_string()}</p> }.into_any(),
        Some(Ok(None)) => view! { <crate::pages::not_found::NotFound message="There is no such assignment in this browser." /> }.into_any(),
        Some(Ok(Some(made))) => view! { <Assignment made=made /> }.into_any(),
    }
}

#[component]
fn Assignment(made: storage::tutor::Made) -> impl IntoView {
    let placements = Placements::get();
    let assignment = made.assignment.clone();
    let titles = Load::new(move || async move {
        let index = placements.index().await.ok();
        index.map(|i| i.bundles.into_iter().map(|e| (e.listing.id, e.listing.title)).collect::<Vec<_>>()).unwrap_or_default()
    });
    let placements = assignment.placements.clone();
    let document = made.document.to_string();
    let packed = document.clone();
    let link = Load::new(move || {
        let packed = packed.clone();
        async move {
            let data = pack_text(&packed).await?;
            let origin = window().location().origin().ok()?;
            Some(format!("{origin}{}{JOIN_FRAGMENT}{data}", Route::Join.href()))
        }
    });
    let copied = RwSignal::new(false);
    let file_name = format!("wex-assignment-{}.json", file_safe(&assignment.cohort));
    view! {
        <PageHeading text=assignment.cohort.clone() caption="Assignment" />
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Placements"</dt>
                <dd class="nhsuk-summary-list__value">
                    <ul class="nhsuk-list">
                        {move || {
                            let titles = titles.get().unwrap_or_default();
                            placements.iter().map(|p| {
                                let title = titles.iter().find(|(id, _)| id == &p.bundle).map_or(p.bundle.clone(), |(_, t)| t.clone());
                                view! { <li>{format!("{title} (version {})", p.version)}</li> }
                            }).collect_view()
                        }}
                    </ul>
                </dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Due"</dt>
                <dd class="nhsuk-summary-list__value">{long_date(&assignment.due)}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Instructions"</dt>
                <dd class="nhsuk-summary-list__value wex-pre-line">{if assignment.instructions.is_empty() { "None".to_string() } else { assignment.instructions.clone() }}</dd>
            </div>
        </dl>
        <h2 class="nhsuk-heading-m">"Share it with your cohort"</h2>
        <p class="nhsuk-body">"Send learners the link (by email, Google Classroom or Teams), show the QR code on a screen, or share the file. The assignment travels inside the link itself, after the #, which browsers never send to a server."</p>
        {move || link.get().flatten().map(|link| {
            let copy = link.clone();
            let select_all = |ev: web_sys::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();
            view! {
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="join-link">"Link to join"</label>
                    <input class="nhsuk-input" id="join-link" type="text" readonly=true prop:value=link.clone()
                        on:focus=select_all />
                </div>
                <div class="wex-button-group">
                    <Button on_click=move |_| { let copy = copy.clone(); leptos::task::spawn_local(async move { copied.set(copy_text(&copy).await); }); }>"Copy the link"</Button>
                    <Button variant=ButtonVariant::Secondary on_click={
                        let (name, text) = (file_name.clone(), document.clone());
                        move |_| download(&name, &text, "application/json")
                    }>"Download the assignment file"</Button>
                </div>
                <p class="nhsuk-body" role="status">{move || copied.get().then_some("The link is copied. Paste it where your learners will see it.")}</p>
                <div class="wex-share-qr">
                    <QrCodeSvg text=link label="QR code of the link to join this assignment" />
                </div>
            }
        })}
        <InsetText>
            <p>"Learners see your name, your school or college and your key's fingerprint when they join. Anyone with the link can see the assignment, so do not put personal details in it."</p>
        </InsetText>
        <Tracker assignment=made.assignment.clone() />
        <DeleteAssignment id=made.assignment.id.clone() />
    }
}

/// Deleting an assignment from this browser, with the records handed in for it.
#[component]
fn DeleteAssignment(id: String) -> impl IntoView {
    let problem = crate::notices::StorageProblem::get();
    let router = crate::router::use_router();
    let confirm = RwSignal::new(false);
    let id = StoredValue::new(id);
    let delete = move |_| {
        spawn_local(async move {
            let deleted = storage::tutor::delete_assignment(&id.get_value()).await;
            problem.report(&deleted);
            if deleted.is_ok() {
                router.navigate(Route::Tutor);
            }
        });
    };
    view! {
        <h2 class="nhsuk-heading-m">"Delete this assignment"</h2>
        <p class="nhsuk-body">"This deletes the assignment and the completion records imported for it from this browser. Learners who joined keep their copy of it, and their own records."</p>
        {move || if confirm.get() {
            view! {
                <div class="wex-button-group">
                    <Button variant=ButtonVariant::Secondary on_click=delete>"Yes, delete the assignment and its records"</Button>
                    <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| confirm.set(false)>"Keep it"</button>
                </div>
            }.into_any()
        } else {
            view! { <Button variant=ButtonVariant::Secondary on_click=move |_| confirm.set(true)>"Delete this assignment"</Button> }.into_any()
        }}
    }
}
