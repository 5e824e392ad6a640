//! The author studio: checking, mapping and previewing a bundle folder in the
//! browser. The shell starts it for `/author`; only it carries the author's parsers.

use leptos::prelude::*;
use wex_web::app::App;
use wex_web::pages::studio::studio_pages;

fn main() {
    // The studio's styles come with it (app/studio.css), not in every learner's download.
    if let Some(head) = document().head() {
        if let Ok(link) = document().create_element("link") {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &format!("{}app/studio.css", wex_web::router::base_path()));
            let _ = head.append_child(&link);
        }
    }
    leptos::mount::mount_to_body(|| view! { <App pages=studio_pages preview=true /> });
}
