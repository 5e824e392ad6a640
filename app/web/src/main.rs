//! The full Wex app: every page. The shell (`bin/shell.rs`) starts this when a
//! learner opens a placement; it can also run on its own.

use leptos::prelude::*;
use wex_web::app::{full_pages, App};

fn main() {
    leptos::mount::mount_to_body(|| view! { <App pages=full_pages /> });
}
