//! The learner's full app: every learner's page. The shell (`bin/shell.rs`) starts this when a
//! learner opens a placement; it can also run on its own, and it is the app of a
//! SCORM package (`wex scorm`), which is why it alone has LMS mode.

use leptos::prelude::*;
use wex_web::app::App;
use wex_web::pages::learner_pages;

fn main() {
    leptos::mount::mount_to_body(|| view! { <App pages=learner_pages lms=wex_web::lms::LMS_MODE /> });
}
