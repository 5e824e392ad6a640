//! Previous and next links between the steps of a module.

use crate::router::{Link, Route};
use leptos::prelude::*;

#[derive(Clone, Debug)]
pub struct PaginationLink {
    pub to: Route,
    pub title: String,
}

#[component]
pub fn Pagination(previous: Option<PaginationLink>, next: Option<PaginationLink>) -> impl IntoView {
    view! {
        <nav class="nhsuk-pagination" role="navigation" aria-label="Pagination">
            <ul class="nhsuk-list nhsuk-pagination__list">
                {previous.map(|link| view! {
                    <li class="nhsuk-pagination-item--previous">
                        <Link to=link.to class="nhsuk-pagination__link nhsuk-pagination__link--prev" rel="prev">
                            <span class="nhsuk-pagination__title">"Previous"<span class="nhsuk-u-visually-hidden">" step"</span></span>
                            <span class="nhsuk-u-visually-hidden">":"</span>
                            <span class="nhsuk-pagination__page">{link.title}</span>
                            <svg class="nhsuk-icon nhsuk-icon--arrow-left" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                                <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z"></path>
                            </svg>
                        </Link>
                    </li>
                })}
                {next.map(|link| view! {
                    <li class="nhsuk-pagination-item--next">
                        <Link to=link.to class="nhsuk-pagination__link nhsuk-pagination__link--next" rel="next">
                            <span class="nhsuk-pagination__title">"Next"<span class="nhsuk-u-visually-hidden">" step"</span></span>
                            <span class="nhsuk-u-visually-hidden">":"</span>
                            <span class="nhsuk-pagination__page">{link.title}</span>
                            <svg class="nhsuk-icon nhsuk-icon--arrow-right" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                                <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z"></path>
                            </svg>
                        </Link>
                    </li>
                })}
            </ul>
        </nav>
    }
}
