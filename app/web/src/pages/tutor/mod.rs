//! The tutor's area: their identity, the assignments they set, and for each one the
//! tracker of completion records handed in. Everything is kept in this browser and
//! moves as signed links and files; see docs/cohorts.md.

pub mod assignment;
pub mod identity;
pub mod new_assignment;
pub mod tracker;

use crate::components::nhs::{Button, ButtonVariant, InsetText};
use crate::components::page_heading::PageHeading;
use crate::files::download;
use crate::load::Load;
use crate::router::{use_router, Link, Route};
use crate::session::TutorSession;
use crate::storage;
use identity::TutorGate;
use leptos::prelude::*;
use wex_core::bundle::file_safe;
use wex_core::words::long_date;

#[component]
pub fn TutorHome() -> impl IntoView {
    view! { <TutorGate><Dashboard /></TutorGate> }
}

#[component]
fn Dashboard() -> impl IntoView {
    let session = TutorSession::get();
    let router = use_router();
    let Some(unlocked) = session.unlocked_untracked() else { return ().into_any() };
    let identity = unlocked.identity;
    let made = Load::new(|| async {
        let made = storage::tutor::assignments().await?;
        let mut rows = Vec::new();
        for m in made {
            let handed_in = storage::tutor::handins(&m.assignment.id).await?.len();
            rows.push((m, handed_in));
        }
        Ok::<_, storage::StorageError>(rows)
    });
    let backup_name = format!("wex-tutor-key-{}.json", file_safe(&identity.name));
    let backup_text = wex_core::tutor::backup(&identity);
    view! {
        <PageHeading text="Your cohorts" caption=format!("{}, {}", identity.name, identity.organisation) />
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Tutor"</dt>
                <dd class="nhsuk-summary-list__value">{identity.name.clone()}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"School or college"</dt>
                <dd class="nhsuk-summary-list__value">{identity.organisation.clone()}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Key fingerprint"</dt>
                <dd class="nhsuk-summary-list__value"><code>{identity.fingerprint()}</code><br />"Learners see this when they join, to check the assignment is yours."</dd>
            </div>
        </dl>
        <div class="wex-button-group">
            <Button on_click=move |_| router.navigate(Route::NewAssignment)>"Create an assignment"</Button>
            <Button variant=ButtonVariant::Secondary on_click=move |_| download(&backup_name, &backup_text, "application/json")>"Back up your key"</Button>
            <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| session.lock()>"Lock the tutor area"</button>
        </div>
        <InsetText>
            <p>"Back up your key and keep the file somewhere safe, such as your school drive. If this browser's data is cleared, the backup and your passphrase are the only way to countersign for your assignments again. The file is locked with your passphrase."</p>
        </InsetText>
        <h2 class="nhsuk-heading-m">"Assignments"</h2>
        {move || match made.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
            Some(Err(why)) => view! { <p class="nhsuk-body" role="alert">{why.to_string()}</p> }.into_any(),
            Some(Ok(rows)) if rows.is_empty() => view! { <p class="nhsuk-body">"You have not set any assignments yet."</p> }.into_any(),
            Some(Ok(rows)) => view! {
                <table class="nhsuk-table">
                    <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">"Your assignments"</caption>
                    <thead class="nhsuk-table__head">
                        <tr>
                            <th scope="col" class="nhsuk-table__header">"Cohort"</th>
                            <th scope="col" class="nhsuk-table__header">"Placements"</th>
                            <th scope="col" class="nhsuk-table__header">"Due"</th>
                            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">"Records handed in"</th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        {rows.into_iter().map(|(m, handed_in)| view! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell"><Link to=Route::TutorAssignment { id: m.assignment.id.clone() } class="nhsuk-link">{m.assignment.cohort.clone()}</Link></td>
                                <td class="nhsuk-table__cell">{m.assignment.placements.len()}</td>
                                <td class="nhsuk-table__cell">{long_date(&m.assignment.due)}</td>
                                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{handed_in}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
    .into_any()
}
