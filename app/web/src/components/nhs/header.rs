//! The header, with the service name and no NHS logo: Wex is not an NHS.UK service.

use crate::router::{Link, Route};
use leptos::prelude::*;

#[component]
pub fn Header(#[prop(into)] service_name: String) -> impl IntoView {
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <Link to=Route::Catalogue class="nhsuk-header__service-name">
                        {service_name}
                    </Link>
                </div>
            </div>
        </header>
    }
}
