//! The catalogue: every placement this site offers.

use crate::components::nhs::Card;
use crate::components::page_heading::PageHeading;
use crate::library::Library;
use crate::router::Route;
use leptos::prelude::*;
use wex_core::bundle::Listing;

#[component]
pub fn Catalogue() -> impl IntoView {
    let library = Library::get();
    let index = LocalResource::new(move || library.index());
    view! {
        <PageHeading text="Virtual work experience" />
        <p class="nhsuk-body-l">
            "Try out jobs in the NHS through case studies, tasks and scenarios. Your answers stay on this device."
        </p>
        <h2 class="nhsuk-heading-m">"Placements"</h2>
        {move || match index.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading placements…"</p> }.into_any(),
            Some(Err(why)) => view! { <p class="nhsuk-body" role="alert">{why}</p> }.into_any(),
            Some(Ok(index)) if index.bundles.is_empty() => {
                view! { <p class="nhsuk-body">"There are no placements on this site yet."</p> }.into_any()
            }
            Some(Ok(index)) => view! {
                <ul class="nhsuk-grid-row nhsuk-card-group">
                    {index.bundles.into_iter().map(|entry| view! {
                        <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
                            <PlacementCard listing=entry.listing />
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        }}
    }
}

#[component]
fn PlacementCard(listing: Listing) -> impl IntoView {
    let to = Route::Placement { bundle: listing.id.clone() };
    view! {
        <Card heading=listing.title to=to>
            <p class="nhsuk-card__description">{listing.summary}</p>
            <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                {format!("{} modules, about {}", listing.modules, duration(listing.minutes))}
                <br />
                {format!("From {}", listing.publisher)}
            </p>
        </Card>
    }
}

/// "35 minutes", "1 hour 10 minutes", "2 hours".
pub fn duration(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (hours, rest) {
        (0, m) => plural(m, "minute"),
        (h, 0) => plural(h, "hour"),
        (h, m) => format!("{} {}", plural(h, "hour"), plural(m, "minute")),
    }
}
