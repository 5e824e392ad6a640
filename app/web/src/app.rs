//! The frame every app shares: header, learner bar, footer, the storage banner and
//! the idle lock. Each app passes its own page table (`crate::pages`); which app
//! serves a route is decided once, in [`Route::owner`].

use crate::components::nhs::{Footer, Header, SkipLink};
use crate::placements::Placements;
use crate::pages::who_is_learning::WhoIsLearning;
use crate::session::{deactivate, restore};
use crate::router::{provide_router, Link, Route};
use crate::journal::Journals;
use crate::notices::StorageProblem;
use crate::session::{ActiveProfile, TutorSession};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// A shared device locks the learner's profile after this long without a key press,
/// click or touch.
const LOCK_AFTER: Duration = Duration::from_secs(15 * 60);

/// Which pages an app build can show. The learner's first download (the shell) has
/// only the catalogue and "Who is learning?"; the full app has every learner's page;
/// the tutor's area is an app of its own. See `shell.rs` and docs/size.md.
pub type Pages = fn(Route) -> AnyView;

/// The id of the first screen index.html shows before the app starts (and of the
/// loading message a SCORM package's launch page shows).
pub const FIRST_SCREEN: &str = "wex-loading";

#[component]
pub fn App(
    pages: Pages,
    /// The author studio's preview: a learner of its own, whose work is never stored.
    #[prop(optional)]
    preview: bool,
    /// LMS mode (`crate::lms`), for the learner's app only.
    #[prop(optional)]
    lms: Option<crate::lms::LmsMode>,
) -> impl IntoView {
    // Inside a learning platform, before the router reads the address.
    let lms_learner = lms.filter(|_| !preview).and_then(|mode| (mode.start)().map(|learner| (mode, learner)));
    let in_lms = lms_learner.is_some();
    let router = provide_router();
    let placements = Placements::provide();
    let problem = StorageProblem::provide();
    let active = ActiveProfile::provide();
    let journals = Journals::provide(preview);
    let tutor = TutorSession::provide();
    crate::notices::Notice::provide();
    crate::offline::register();
    let restored = RwSignal::new(false);
    if preview {
        active.update(crate::session::preview_profile());
        restored.set(true);
    } else if let Some((mode, learner)) = lms_learner {
        // The platform's learner: no "Who is learning?", and no idle lock (the
        // platform has its own sign-in).
        spawn_local(async move {
            (mode.enter)(learner, active, router, placements).await;
            restored.set(true);
        });
    } else {
        spawn_local(async move {
            restore(active).await;
            restored.set(true);
            crate::offline::ask_to_persist().await;
        });
        lock_when_idle(active, journals, tutor);
    }
    // Once the first page is rendered: index.html's first screen, written out so the
    // browser could paint it before this code arrived, gives way to it in one step
    // (until then the style `.wex-prerendered ~ *` keeps the app's own page hidden,
    // so nothing moves); and, for the repeat-visit timing in docs/benchmarks.md, when
    // that was.
    Effect::new(move || {
        if restored.get() {
            if let Some(first_screen) = document().get_element_by_id(FIRST_SCREEN) {
                first_screen.remove();
            }
            if let Some(performance) = window().performance() {
                let _ = performance.mark("wex-first-render");
            }
        }
    });

    view! {
        <SkipLink target="maincontent" />
        <Header service_name="Wex virtual work experience" />
        {move || active.profile().filter(|_| !preview).map(|profile| view! {
            <nav class="wex-learner-bar" aria-label="Learner">
                <div class="nhsuk-width-container">
                    <span>"Learning as "<strong>{profile.name.clone()}</strong></span>
                    <Link to=Route::Reflections class="nhsuk-link">"My reflections"</Link>
                    <Link to=Route::Applications { document: None } class="nhsuk-link">"My applications"</Link>
                    {(!in_lms).then(|| view! {
                        <Link to=Route::Profile class="nhsuk-link">"Profile and progress"</Link>
                        <button type="button" class="wex-link-button" on:click=move |_| deactivate(active)>"Switch learner"</button>
                    })}
                </div>
            </nav>
        })}
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" role="main" tabindex="-1">
                <crate::offline::UpdateBanner />
                {move || use_context::<crate::lms::LmsProblem>().and_then(|p| p.message()).map(|message| view! {
                    <Alert heading="Your learning platform" message=message />
                })}
                {move || problem.message().map(|message| view! { <Alert heading="Your progress is not being saved" message=message /> })}
                {move || {
                    if !restored.get() {
                        return view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any();
                    }
                    let route = router.route.get();
                    // Anyone may check a certificate, learner or not; tutors need no learner.
                    if !active.is_chosen() && route.for_learners() {
                        return view! { <WhoIsLearning /> }.into_any();
                    }
                    pages(route)
                }}
            </main>
        </div>
        <Footer>
            <h2 class="nhsuk-u-visually-hidden">"Support links"</h2>
            <ul class="nhsuk-footer__list">
                <li class="nhsuk-footer__list-item">
                    <Link to=Route::Verify class="nhsuk-footer__list-item-link">"Check a certificate"</Link>
                </li>
                {(!crate::router::in_a_package()).then(|| view! {
                    <li class="nhsuk-footer__list-item">
                        <Link to=Route::Tutor class="nhsuk-footer__list-item-link">"For tutors"</Link>
                    </li>
                })}
            </ul>
            <p class="nhsuk-body-s">
                "Wex is virtual work experience for young people. It is not an NHS.UK service. "
                "Your answers are kept on this device and are not sent anywhere."
            </p>
        </Footer>
    }
}

/// A warning about the whole app (storage, the learning platform), above every page.
#[component]
fn Alert(heading: &'static str, message: String) -> impl IntoView {
    view! {
        <div class="nhsuk-card nhsuk-card--warning" role="alert">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading">{heading}</h2>
                <p class="nhsuk-card__description">{message}</p>
            </div>
        </div>
    }
}

/// Locks the profile (back to "Who is learning?") and the tutor's key after
/// [`LOCK_AFTER`] idle.
fn lock_when_idle(active: ActiveProfile, journals: Journals, tutor: TutorSession) {
    let last = StoredValue::new(js_sys::Date::now());
    let touch = move |_: web_sys::Event| last.set_value(js_sys::Date::now());
    let listeners: Vec<_> = ["keydown", "pointerdown", "touchstart"].into_iter().map(|event| window_event_listener_untyped(event, touch)).collect();
    let interval = set_interval_with_handle(
        move || {
            if js_sys::Date::now() - last.get_value() > LOCK_AFTER.as_millis() as f64 {
                if active.profile_untracked().is_some() {
                    journals.clear();
                    deactivate(active);
                }
                if tutor.unlocked_untracked().is_some() {
                    tutor.lock();
                }
            }
        },
        Duration::from_secs(30),
    );
    // Until the app leaves the page (the shell, when it hands over).
    crate::platform::stop_when_leaving(move || {
        listeners.into_iter().for_each(|l| l.remove());
        if let Ok(interval) = interval {
            interval.clear();
        }
    });
}
