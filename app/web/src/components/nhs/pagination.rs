//! Previous and next links between the steps of a module.

use crate::router::{Link, Route};
use leptos::prelude::*;

#[derive(Clone, Debug)]
pub struct PaginationLink {
    pub to: Route,
    pub title: String,
}

#[derive(Clone, Copy)]
enum Direction {
    Previous,
    Next,
}

#[component]
pub fn Pagination(previous: Option<PaginationLink>, next: Option<PaginationLink>) -> impl IntoView {
    view! {
        <nav class="nhsuk-pagination" role="navigation" aria-label="Pagination">
            <ul class="nhsuk-list nhsuk-pagination__list">
                {previous.map(|link| item(link, Direction::Previous))}
                {next.map(|link| item(link, Direction::Next))}
            </ul>
        </nav>
    }
}

fn item(link: PaginationLink, direction: Direction) -> impl IntoView {
    let (item_class, link_class, rel, label, icon_class, path) = match direction {
        Direction::Previous => (
            "nhsuk-pagination-item--previous",
            "nhsuk-pagination__link nhsuk-pagination__link--prev",
            "prev",
            "Previous",
            "nhsuk-icon nhsuk-icon--arrow-left",
            "M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z",
        ),
        Direction::Next => (
            "nhsuk-pagination-item--next",
            "nhsuk-pagination__link nhsuk-pagination__link--next",
            "next",
            "Next",
            "nhsuk-icon nhsuk-icon--arrow-right",
            "m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z",
        ),
    };
    view! {
        <li class=item_class>
            <Link to=link.to class=link_class rel=rel>
                <span class="nhsuk-pagination__title">{label}<span class="nhsuk-u-visually-hidden">" step"</span></span>
                <span class="nhsuk-u-visually-hidden">":"</span>
                <span class="nhsuk-pagination__page">{link.title}</span>
                <svg class=icon_class xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                    <path d=path></path>
                </svg>
            </Link>
        </li>
    }
}
