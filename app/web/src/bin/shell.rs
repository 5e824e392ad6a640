//! The learner's first download: the catalogue and "Who is learning?" only. It
//! hands over to the full app when a learner goes anywhere else (`wex_web::shell`).

use leptos::prelude::*;
use wex_web::app::App;
use wex_web::shell::{keep_mounted, prefetch_learner_app, shell_pages};

fn main() {
    let handle = leptos::mount::mount_to(document().body().expect("the page has a body"), || view! { <App pages=shell_pages /> });
    keep_mounted(Box::new(handle));
    prefetch_learner_app();
}
