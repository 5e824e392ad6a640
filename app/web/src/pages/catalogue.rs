//! The catalogue: every placement this site offers.

use crate::components::nhs::Card;
use crate::components::page_heading::PageHeading;
use crate::placements::Placements;
use crate::load::Load;
use crate::router::Route;
use leptos::prelude::*;
use wex_core::bundle::{CareerArea, Listing};
use wex_core::words::duration;

/// What the learner has chosen in the filters.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    area: Option<CareerArea>,
    age: Option<u8>,
    /// Longest length in minutes.
    max_minutes: Option<u32>,
}

impl Filters {
    fn keeps(&self, listing: &Listing) -> bool {
        self.area.is_none_or(|a| listing.career_areas.contains(&a))
            && self.age.is_none_or(|age| listing.audience.min_age <= age && listing.audience.max_age.is_none_or(|max| age <= max))
            && self.max_minutes.is_none_or(|max| listing.minutes <= max)
    }
}

#[component]
pub fn Catalogue() -> impl IntoView {
    let placements = Placements::get();
    let index = Load::new(move || placements.index());
    let filters = RwSignal::new(Filters::default());
    let select = |label: &'static str, id: &'static str, options: Vec<(String, String)>, set: fn(&mut Filters, &str)| {
        view! {
            <div class="nhsuk-form-group wex-filter">
                <label class="nhsuk-label" for=id>{label}</label>
                <select class="nhsuk-select" id=id on:change=move |ev| { let v = event_target_value(&ev); filters.update(|f| set(f, &v)) }>
                    {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let areas = std::iter::once((String::new(), "All career areas".to_string())).chain(CareerArea::ALL.iter().map(|a| (a.key().to_string(), a.label().to_string()))).collect();
    let ages = std::iter::once((String::new(), "Any age".to_string())).chain((14..=19).map(|a| (a.to_string(), format!("I am {a}")))).collect();
    let lengths = vec![
        (String::new(), "Any length".to_string()),
        ("120".into(), "Up to 2 hours".to_string()),
        ("240".into(), "Up to 4 hours".to_string()),
        ("360".into(), "Up to 6 hours".to_string()),
    ];
    view! {
        <PageHeading text="Virtual work experience" />
        <p class="nhsuk-body-l">
            "Try out jobs in the NHS through case studies, tasks and scenarios. Your answers stay on this device."
        </p>
        <crate::pages::my_assignments::MyAssignments />
        <h2 class="nhsuk-heading-m">"Placements"</h2>
        <p class="nhsuk-body"><crate::router::Link to=Route::AddPlacement class="nhsuk-link">"Add a placement from a file"</crate::router::Link></p>
        <div class="wex-filters" role="group" aria-label="Filter placements">
            {select("Career area", "filter-area", areas, |f, v| f.area = CareerArea::from_key(v))}
            {select("Your age", "filter-age", ages, |f, v| f.age = v.parse().ok())}
            {select("Length", "filter-length", lengths, |f, v| f.max_minutes = v.parse().ok())}
        </div>
        {move || match index.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading placements…"</p> }.into_any(),
            Some(Err(why)) => view! { <p class="nhsuk-body" role="alert">{why}</p> }.into_any(),
            Some(Ok(index)) if index.bundles.is_empty() => {
                view! { <p class="nhsuk-body">"There are no placements on this site yet."</p> }.into_any()
            }
            Some(Ok(index)) => {
                let chosen = filters.get();
                let shown: Vec<(Listing, bool)> = index
                    .bundles
                    .into_iter()
                    .map(|e| (e.listing, e.file.is_on_device()))
                    .filter(|(l, _)| chosen.keeps(l))
                    .collect();
                view! {
                    <p class="nhsuk-body" role="status">
                        {match shown.len() { 0 => "No placements match. Try other filters.".to_string(), 1 => "Showing 1 placement".to_string(), n => format!("Showing {n} placements") }}
                    </p>
                    <ul class="nhsuk-grid-row nhsuk-card-group">
                        {shown.into_iter().map(|(listing, added)| view! {
                            <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
                                <PlacementCard listing=listing added=added />
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn PlacementCard(listing: Listing, added: bool) -> impl IntoView {
    let to = Route::Placement { bundle: listing.id.clone() };
    view! {
        <Card heading=listing.title to=to>
            <p class="nhsuk-card__description">{listing.summary}</p>
            <p class="nhsuk-body-s wex-card-meta">
                {format!("{} modules, about {}. For ages {}+.", listing.modules, duration(listing.minutes), listing.audience.min_age)}
                <br />
                {format!("From {}", listing.publisher)}
                {listing.content_warnings.then(|| view! { <br /><strong>"Has content warnings"</strong> })}
                {added.then(|| view! { <br />"Added on this device" })}
            </p>
        </Card>
    }
}
