//! The tutor's area: identity, assignments and the tracker. The shell starts it for
//! the tutor's addresses, so learners never download it (docs/size.md).

use leptos::prelude::*;
use wex_web::app::App;
use wex_web::pages::tutor_pages;

fn main() {
    leptos::mount::mount_to_body(|| view! { <App pages=tutor_pages /> });
}
