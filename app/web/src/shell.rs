//! The shell: the small first download that shows the catalogue and "Who is
//! learning?", and starts the learner's full app, the tutor's area or the studio
//! (built into `app/` and listed in `app/app.json` by the one build; see
//! ARCHITECTURE.md) when anything else is opened. Splitting keeps the first load
//! within budget (docs/size.md).

use crate::pages::catalogue::Catalogue;
use crate::router::{AppKind, Route, FOCUS_AFTER_HANDOVER};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wex_core::site::{AppManifest, APP_FOLDER, APP_MANIFEST};

#[wasm_bindgen(module = "/js/start_app.js")]
extern "C" {
    fn load_module(url: &str) -> js_sys::Promise;
    fn start_module(module: &JsValue, wasm: &str) -> js_sys::Promise;
    fn prefetch(urls: Vec<String>);
}

/// How long the shell waits, with no key pressed or pointer used, before it starts
/// the learner's app downloading anyway.
const PREFETCH_AFTER_MS: u64 = 3_000;

/// Starts downloading the learner's full app while a learner is still on the first
/// screens, so that opening their first placement does not wait for it (#20,
/// docs/benchmarks.md): nearly every learner opens one. It starts when the learner
/// first presses a key or uses the pointer (adding themselves, choosing their name),
/// or after [`PREFETCH_AFTER_MS`], so it never competes with painting the first
/// screen. The browser keeps the files (their names carry a hash; they are cached for
/// a year), and the hand-over then finds them there; not at all when the browser is
/// asked to save data. (Fetched at low priority, a download the hand-over then waited
/// on was once starved for 12 s under throttling, so it is fetched as usual.) Only
/// for a learner's page: a tutor's or an author's address hands over to their own
/// app at once.
pub fn prefetch_learner_app() {
    if !matches!(crate::router::current_route().owner(), AppKind::Shell | AppKind::Learner) {
        return;
    }
    let started = std::rc::Rc::new(std::cell::Cell::new(false));
    let start = move || {
        if started.replace(true) {
            return;
        }
        spawn_local(async {
            let Ok(text) = crate::placements::fetch_text(&format!("{APP_FOLDER}/{APP_MANIFEST}")).await else { return };
            let Ok(all) = serde_json::from_str::<AppManifest>(&text) else { return };
            prefetch(vec![format!("{APP_FOLDER}/{}", all.learner.js), format!("{APP_FOLDER}/{}", all.learner.wasm)]);
        });
    };
    let on_pointer = window_event_listener_untyped("pointerdown", {
        let start = start.clone();
        move |_| start()
    });
    let on_key = window_event_listener_untyped("keydown", {
        let start = start.clone();
        move |_| start()
    });
    let timer = set_timeout_with_handle(start, std::time::Duration::from_millis(PREFETCH_AFTER_MS));
    crate::platform::stop_when_leaving(move || {
        on_pointer.remove();
        on_key.remove();
        if let Ok(timer) = timer {
            timer.clear();
        }
    });
}

thread_local! {
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Keeps the shell on the page until it hands over.
pub fn keep_mounted(handle: Box<dyn Any>) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// The shell's pages: the catalogue here; every other address in the app that
/// owns it ([`Route::owner`]).
pub fn shell_pages(route: Route) -> AnyView {
    match route.owner() {
        AppKind::Shell => view! { <Catalogue /> }.into_any(),
        app => view! { <Handover app=app /> }.into_any(),
    }
}

#[component]
fn Handover(app: AppKind) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    spawn_local(async move {
        if let Err(why) = start_app(app).await {
            failed.set(Some(why));
        }
    });
    move || match failed.get() {
        None => view! { <p class="nhsuk-body" role="status">"Opening…"</p> }.into_any(),
        Some(why) => view! {
            <h1 class="nhsuk-heading-l">"Wex could not open this page"</h1>
            <p class="nhsuk-body">{why}</p>
        }
        .into_any(),
    }
}

async fn start_app(app: AppKind) -> Result<(), String> {
    let text = crate::placements::fetch_text(&format!("{APP_FOLDER}/{APP_MANIFEST}")).await.map_err(|why| format!("The rest of Wex could not be loaded ({why}). Check your connection and reload the page."))?;
    let all: AppManifest = serde_json::from_str(&text).map_err(|_| "The rest of Wex is damaged on this site.".to_string())?;
    let files = match app {
        AppKind::Learner => all.learner,
        AppKind::Tutor => all.tutor,
        AppKind::Studio => all.studio,
        AppKind::Shell => return Err("The shell cannot hand over to itself.".into()),
    };
    let base = crate::router::base_path();
    let origin = window().location().origin().unwrap_or_default();
    let js = format!("{origin}{base}{APP_FOLDER}/{}", files.js);
    let wasm = format!("{origin}{base}{APP_FOLDER}/{}", files.wasm);
    let module = JsFuture::from(load_module(&js)).await.map_err(|_| "The rest of Wex could not be loaded. Reload the page to try again.".to_string())?;
    if let Ok(Some(session)) = window().session_storage() {
        let _ = session.set_item(FOCUS_AFTER_HANDOVER, "1");
    }
    // The shell leaves the page before the full app mounts on it: what it started on
    // the window stops (the back-button listener, the idle lock), and its connection
    // to the database closes.
    MOUNTED.with(|m| m.borrow_mut().take());
    crate::platform::leave_the_page();
    crate::storage::close();
    JsFuture::from(start_module(&module, &wasm)).await.map_err(|_| "Wex could not start. Reload the page to try again.".to_string())?;
    Ok(())
}
