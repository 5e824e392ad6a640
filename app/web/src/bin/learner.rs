//! The learner's full app: every learner's page. The shell (`bin/shell.rs`) starts this when a
//! learner opens a placement; it can also run on its own.

use leptos::prelude::*;
use wex_web::app::App;
use wex_web::pages::learner_pages;

fn main() {
    leptos::mount::mount_to_body(|| view! { <App pages=learner_pages /> });
}
