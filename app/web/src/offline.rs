//! Working offline: registering the service worker (public `sw.js`, written at
//! build time), telling the learner when a new version is ready, and asking the
//! browser to keep Wex's data.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// True when a new version of Wex is installed and waiting for the learner to reload.
#[derive(Clone, Copy)]
pub struct UpdateReady(RwSignal<bool>);

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: RefCell<bool> = const { RefCell::new(false) };
}

/// Registers the service worker and watches for new versions. Browsers without
/// service workers (or pages not served over http(s)) simply skip it.
pub fn register() -> UpdateReady {
    let ready = UpdateReady(RwSignal::new(false));
    provide_context(ready);
    let navigator = window().navigator();
    // A SCORM package has no service worker: the learning platform serves it.
    if crate::router::in_a_package() || !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return ready;
    }
    let container = navigator.service_worker();
    let on_change = Closure::<dyn FnMut()>::new(|| {
        if RELOAD_ON_CHANGE.with(|r| *r.borrow()) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else { return };
        // A browser that blocks service workers may answer with nothing at all.
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        let controlled = move || window().navigator().service_worker().controller().is_some();
        if registration.waiting().is_some() && controlled() {
            ready.0.set(true);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else { return };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    ready.0.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
    ready
}

/// Lets the waiting version take over; the page reloads when it has.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(worker) => {
            RELOAD_ON_CHANGE.with(|r| *r.borrow_mut() = true);
            let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
        }
        None => {
            let _ = window().location().reload();
        }
    }
}

/// Asks the browser not to clear Wex's data when space runs low. Returns whether it
/// agreed (browsers decide for themselves, often by how much the site is used).
pub async fn ask_to_persist() -> bool {
    let Ok(storage) = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("storage")) else { return false };
    if storage.is_undefined() {
        return false;
    }
    let storage: web_sys::StorageManager = storage.unchecked_into();
    let Ok(promise) = storage.persist() else { return false };
    JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Storage used and available to Wex, in bytes, where the browser says.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() {
        return None;
    }
    let storage: web_sys::StorageManager = storage.unchecked_into();
    let estimate: web_sys::StorageEstimate = JsFuture::from(storage.estimate().ok()?).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// The banner shown when a new version is ready: the learner chooses when to reload.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>();
    move || {
        ready.0.get().then(|| {
            view! {
                <div class="nhsuk-card wex-update" role="status">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading nhsuk-heading-s">"A new version of Wex is ready"</h2>
                        <p class="nhsuk-card__description">"Your answers are saved. Reload when you are ready to use the new version."</p>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=|_| apply_update()>"Reload"</button>
                    </div>
                </div>
            }
        })
    }
}
