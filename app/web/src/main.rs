//! Mounts the Wex app on the page; everything else is in the library.

fn main() {
    leptos::mount::mount_to_body(wex_web::app::App);
}
