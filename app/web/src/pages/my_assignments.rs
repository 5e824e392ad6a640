//! "Your assignments", at the top of the catalogue: the cohorts the learner joined,
//! with due dates, each placement's status, and what is overdue.

use crate::components::nhs::{Tag, TagColour};
use crate::load::Load;
use crate::router::{Link, Route};
use crate::platform::today;
use crate::session::ActiveProfile;
use crate::storage;
use crate::storage::cohorts::Joined;
use leptos::prelude::*;
use wex_core::assignment::is_overdue;
use wex_core::words::long_date;

/// Where a learner is with one assigned placement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    NotStarted,
    InProgress,
    Certified,
}

#[component]
pub fn MyAssignments() -> impl IntoView {
    let active = ActiveProfile::get();
    let placements = crate::placements::Placements::get();
    let joined = Load::new(move || {
        let profile = active.profile().map(|p| p.id);
        async move {
            let Some(profile) = profile else { return Vec::new() };
            let cohorts = storage::cohorts::for_profile(&profile).await.unwrap_or_default();
            let listings: Vec<(String, String)> = match placements.index().await {
                Ok(index) => index.bundles.into_iter().map(|e| (e.listing.id, e.listing.title)).collect(),
                Err(_) => Vec::new(),
            };
            let mut out = Vec::new();
            for cohort in cohorts {
                let mut standings = Vec::new();
                for placement in &cohort.assignment.placements {
                    let title = listings.iter().find(|(id, _)| id == &placement.bundle).map_or_else(|| placement.bundle.clone(), |(_, t)| t.clone());
                    let standing = match storage::records::standing(&profile, &placement.bundle).await {
                        Ok((_, true)) => Standing::Certified,
                        Ok((true, false)) => Standing::InProgress,
                        _ => Standing::NotStarted,
                    };
                    standings.push((title, standing));
                }
                out.push((cohort, standings));
            }
            out
        }
    });
    move || {
        let cohorts = joined.get().unwrap_or_default();
        if cohorts.is_empty() {
            return ().into_any();
        }
        let today = today();
        view! {
            <h2 class="nhsuk-heading-m">"Your assignments"</h2>
            {cohorts.into_iter().map(|(cohort, standings)| view! { <Cohort cohort=cohort standings=standings today=today.clone() /> }).collect_view()}
        }
        .into_any()
    }
}

#[component]
fn Cohort(cohort: Joined, standings: Vec<(String, Standing)>, today: String) -> impl IntoView {
    let a = cohort.assignment;
    let overdue = is_overdue(&a.due, &today);
    let all_done = standings.iter().all(|(_, s)| *s == Standing::Certified);
    let due = if overdue && !all_done { format!("Was due {}", long_date(&a.due)) } else { format!("Due {}", long_date(&a.due)) };
    view! {
        <div class="nhsuk-card wex-assignment">
            <div class="nhsuk-card__content">
                <h3 class="nhsuk-card__heading nhsuk-heading-s">{a.cohort.clone()}</h3>
                <p class="nhsuk-body-s">{format!("Set by {}, {}. {due}.", a.tutor, a.organisation)}</p>
                {(!a.instructions.is_empty()).then(|| view! { <p class="nhsuk-body-s wex-pre-line">{a.instructions.clone()}</p> })}
                <ul class="nhsuk-list wex-assignment__list">
                    {a.placements.iter().zip(standings).map(|(p, (title, standing))| {
                        let (colour, text) = match standing {
                            Standing::Certified => (TagColour::Green, "Completed"),
                            _ if overdue => (TagColour::Red, "Overdue"),
                            Standing::InProgress => (TagColour::Blue, "In progress"),
                            Standing::NotStarted => (TagColour::Grey, "Not started"),
                        };
                        let to = if standing == Standing::Certified { Route::Certificate { bundle: p.bundle.clone() } } else { Route::Placement { bundle: p.bundle.clone() } };
                        view! {
                            <li class="wex-assignment__item">
                                <Link to=to class="nhsuk-link">{title}</Link>
                                " "<Tag colour=colour text=text />
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {all_done.then(|| view! { <p class="nhsuk-body-s">"All done. Hand in your completion record from each certificate page."</p> })}
            </div>
        </div>
    }
}
