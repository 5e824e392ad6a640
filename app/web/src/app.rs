//! The app shell and the route tree, in one place.

use crate::components::nhs::{Footer, Header, SkipLink};
use crate::library::Library;
use crate::pages::{catalogue::Catalogue, module::ModulePage, not_found::NotFound, placement::Placement};
use crate::router::{provide_router, Route};
use crate::state::StorageProblem;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let router = provide_router();
    Library::provide();
    let problem = StorageProblem::provide();
    view! {
        <SkipLink target="maincontent" />
        <Header service_name="Wex virtual work experience" />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main" tabindex="-1">
                {move || problem.0.get().map(|message| view! {
                    <div class="nhsuk-card nhsuk-card--warning" role="alert">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading">"Your progress is not being saved"</h2>
                            <p class="nhsuk-card__description">{message}</p>
                        </div>
                    </div>
                })}
                {move || match router.route.get() {
                    Route::Catalogue => view! { <Catalogue /> }.into_any(),
                    Route::Placement { bundle } => view! { <Placement bundle=bundle /> }.into_any(),
                    Route::Module { bundle, module, step } => {
                        view! { <ModulePage bundle=bundle module=module step=step /> }.into_any()
                    }
                    Route::NotFound { .. } => {
                        view! { <NotFound message="Check the address, or go to the list of placements." /> }.into_any()
                    }
                }}
            </main>
        </div>
        <Footer>
            <p class="nhsuk-body-s">
                "Wex is virtual work experience for young people. It is not an NHS.UK service. "
                "Your answers are kept on this device and are not sent anywhere."
            </p>
        </Footer>
    }
}
