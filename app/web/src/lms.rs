//! LMS mode: Wex inside a SCORM package (`wex scorm`), opened by a learning
//! platform. The launch page names the package's placement; when the platform's
//! SCORM API is found (in a parent frame, or the window that opened this one), the
//! platform's learner is the learner (no "Who is learning?", no PIN), they land on
//! the placement or where they left off, and after each thing they do the platform
//! is told their status, score and progress (core's `scorm::Report`, the
//! certificate's own rules) and keeps their records (`scorm::suspend`) so they can
//! carry on from another computer. When the platform refuses a call, the learner is
//! told, nothing is lost (it is all on this device too) and Wex tries again.

use crate::placements::Placements;
use crate::router::{Route, Router};
use crate::session::ActiveProfile;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wex_core::bundle::Bundle;
use wex_core::progress::Record;
use wex_core::scorm::interactions::{self, Sent};
use wex_core::scorm::{Report, Standard, PLACEMENT_META, SUSPEND_DATA};

#[wasm_bindgen(module = "/js/scorm.js")]
extern "C" {
    fn find_api(name: &str) -> JsValue;
    fn call(api: &JsValue, method: &str, a: JsValue, b: JsValue) -> String;
}

/// LMS mode, for the app that has it: the learner's app passes [`LMS_MODE`] to the
/// frame (`App`). The shell does not, so none of this reaches the first download.
#[derive(Clone, Copy)]
pub struct LmsMode {
    pub start: fn() -> Option<Learner>,
    #[allow(clippy::type_complexity)]
    pub enter: fn(Learner, ActiveProfile, Router, Placements) -> Pin<Box<dyn Future<Output = ()>>>,
}

pub const LMS_MODE: LmsMode = LmsMode { start, enter: |learner, active, router, placements| Box::pin(enter(learner, active, router, placements)) };

/// The placement the package holds, if this page is a package's launch page.
pub fn packaged_placement() -> Option<String> {
    document().query_selector(&format!("meta[name=\"{PLACEMENT_META}\"]")).ok().flatten()?.get_attribute("content").filter(|id| !id.is_empty())
}

/// The learning platform's learner, and what it kept from their last session.
pub struct Learner {
    pub id: String,
    pub name: String,
    /// Where they were (`lesson_location`), as a route.
    pub location: Option<Route>,
    pub suspend_data: String,
}

struct Session {
    api: JsValue,
    standard: Standard,
    bundle: Option<Arc<Bundle>>,
    started_ms: f64,
    complete: bool,
    finished: bool,
    commit_due: bool,
    /// The interactions the platform holds.
    sent: Sent,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    /// What the learner is shown about the platform (see [`LmsProblem`]); set from
    /// timers too, where there is no reactive context.
    static MESSAGE: RefCell<Option<RwSignal<Option<String>>>> = const { RefCell::new(None) };
}

/// What the learner is told when the platform refuses a call (shown by the app).
#[derive(Clone, Copy)]
pub struct LmsProblem(RwSignal<Option<String>>);

impl LmsProblem {
    pub fn message(&self) -> Option<String> {
        self.0.get()
    }
}

/// Whether this tab is in LMS mode.
pub fn active() -> bool {
    SESSION.with(|s| s.borrow().is_some())
}

fn method(standard: Standard, name: &str) -> &'static str {
    match (standard, name) {
        (Standard::Scorm12, "initialize") => "LMSInitialize",
        (Standard::Scorm12, "get") => "LMSGetValue",
        (Standard::Scorm12, "set") => "LMSSetValue",
        (Standard::Scorm12, "commit") => "LMSCommit",
        (Standard::Scorm12, "finish") => "LMSFinish",
        (Standard::Scorm12, _) => "LMSGetLastError",
        (Standard::Scorm2004, "initialize") => "Initialize",
        (Standard::Scorm2004, "get") => "GetValue",
        (Standard::Scorm2004, "set") => "SetValue",
        (Standard::Scorm2004, "commit") => "Commit",
        (Standard::Scorm2004, "finish") => "Terminate",
        (Standard::Scorm2004, _) => "GetLastError",
    }
}

fn get(api: &JsValue, standard: Standard, element: &str) -> String {
    call(api, method(standard, "get"), element.into(), JsValue::UNDEFINED)
}

/// Finds the platform and starts a session with it, if this is a package and the
/// platform is there. Call once, before the router reads the address.
pub fn start() -> Option<Learner> {
    packaged_placement()?;
    let (api, standard) = [("API_1484_11", Standard::Scorm2004), ("API", Standard::Scorm12)]
        .into_iter()
        .find_map(|(name, standard)| Some(find_api(name)).filter(|api| !api.is_null() && !api.is_undefined()).map(|api| (api, standard)))?;
    let message = RwSignal::new(None);
    MESSAGE.with(|m| *m.borrow_mut() = Some(message));
    provide_context(LmsProblem(message));
    let learner = if call(&api, method(standard, "initialize"), JsValue::UNDEFINED, JsValue::UNDEFINED) == "true" {
        let (id_element, name_element) = standard.learner_elements();
        let learner = Learner {
            id: get(&api, standard, id_element),
            name: wex_core::scorm::display_name(&get(&api, standard, name_element)),
            location: Some(get(&api, standard, standard.location_element())).filter(|l| !l.is_empty()).map(|l| Route::parse(&l)),
            suspend_data: get(&api, standard, SUSPEND_DATA),
        };
        remember(&learner);
        let sent = held_interactions(&api, standard);
        SESSION.with(|s| {
            *s.borrow_mut() = Some(Session { api, standard, bundle: None, started_ms: js_sys::Date::now(), complete: false, finished: false, commit_due: false, sent })
        });
        learner
    } else {
        // The platform ended this attempt (the page was reloaded after it was told
        // the learner left): the same learner carries on, on this computer, until
        // the placement is opened from the platform again.
        let learner = remembered()?;
        SESSION.with(|s| {
            *s.borrow_mut() = Some(Session { api, standard, bundle: None, started_ms: js_sys::Date::now(), complete: false, finished: true, commit_due: false, sent: Sent::default() })
        });
        set_message(Some(
            "Your learning platform has closed this visit, so it cannot take your progress now. Carry on: everything you do is kept on this computer. To send it to your platform, open the placement from your platform again.".into(),
        ));
        learner
    };
    // Tell the platform everything before the page goes; try again every half a
    // minute while it refuses.
    let _ = window_event_listener_untyped("pagehide", |_| finish());
    let _ = window_event_listener_untyped("visibilitychange", |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            commit_now();
        }
    });
    set_interval(commit_now, Duration::from_secs(30));
    Some(learner)
}

/// The interactions the platform already holds for this learner: how many, and in
/// 2004 their ids.
fn held_interactions(api: &JsValue, standard: Standard) -> Sent {
    let count = get(api, standard, interactions::COUNT).parse::<usize>().unwrap_or(0);
    let ids = (standard == Standard::Scorm2004).then(|| (0..count).map(|n| get(api, standard, &interactions::id_element(n))).collect());
    Sent::at_start(count, ids)
}

/// The key in sessionStorage that keeps the platform's learner for this tab, for a
/// reload after the platform has ended the attempt.
const LEARNER_KEY: &str = "wex-lms-learner";

fn remember(learner: &Learner) {
    if let Ok(Some(session)) = window().session_storage() {
        let _ = session.set_item(LEARNER_KEY, &serde_json::json!([learner.id, learner.name]).to_string());
    }
}

fn remembered() -> Option<Learner> {
    let text = window().session_storage().ok()??.get_item(LEARNER_KEY).ok()??;
    let (id, name): (String, String) = serde_json::from_str(&text).ok()?;
    Some(Learner { id, name, location: None, suspend_data: String::new() })
}

/// The package's placement, once loaded: reports are worked out from it.
pub fn set_bundle(bundle: Arc<Bundle>) {
    SESSION.with(|s| {
        if let Some(session) = s.borrow_mut().as_mut() {
            session.bundle = Some(bundle);
        }
    });
}

/// The standard of this session's platform.
pub fn standard() -> Option<Standard> {
    SESSION.with(|s| s.borrow().as_ref().map(|s| s.standard))
}

/// After each thing the learner does in the journal of `journal_bundle`: tells the
/// platform their status, score, place and records, and commits a moment later
/// (several actions, one commit). Only the packaged placement's own journal is
/// reported; any other (a learner's application drafts) stays on the computer.
pub fn report(journal_bundle: &str, records: &[Record], location: &Route) {
    // For docs/benchmarks.md: working out and setting the values, per action.
    crate::platform::mark("wex-lms-report-start");
    let refused = SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let session = s.as_mut().filter(|s| !s.finished)?;
        let bundle = session.bundle.clone().filter(|b| b.id == journal_bundle)?;
        let standard = session.standard;
        let report = Report::of(&bundle, records);
        session.complete = report.complete;
        let suspended = wex_core::scorm::suspend(&bundle, records, standard.suspend_limit());
        let mut values: Vec<(String, String)> = report.values(standard).into_iter().map(|(element, value)| (element.to_string(), value)).collect();
        values.push((standard.location_element().into(), location.path()));
        values.push((SUSPEND_DATA.into(), suspended.data));
        let (answers, sent) = session.sent.update(standard, &interactions::list(&bundle, records));
        values.extend(answers);
        let api = session.api.clone();
        let refused = values.into_iter().find(|(element, value)| call(&api, method(standard, "set"), element.as_str().into(), value.as_str().into()) != "true");
        if refused.is_none() {
            session.sent = sent;
        }
        session.commit_due = true;
        Some((refused.map(|(element, _)| element), suspended.left_out))
    });
    crate::platform::measure("wex-lms-report", "wex-lms-report-start");
    let Some((refused, left_out)) = refused else { return };
    if let Some(element) = refused {
        show_problem(format!("Your learning platform did not accept {element}."));
    } else if left_out > 0 {
        set_message(Some(format!(
            "Your learning platform can keep only part of what you have written here ({left_out} of your longer answers are kept on this computer only). Your progress and scores are all with your platform; finish on this computer to keep every word."
        )));
    }
    set_timeout(commit_now, Duration::from_secs(1));
}

/// Commits what was set, if anything is waiting.
fn commit_now() {
    let outcome = SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let session = s.as_mut().filter(|s| s.commit_due && !s.finished)?;
        let ok = call(&session.api, method(session.standard, "commit"), JsValue::UNDEFINED, JsValue::UNDEFINED) == "true";
        if ok {
            session.commit_due = false;
        }
        Some(ok)
    });
    match outcome {
        Some(true) => clear_refusal(),
        Some(false) => show_problem("Your learning platform did not save your progress just now.".into()),
        None => {}
    }
}

/// The session's end: how long it lasted, whether the learner will be back, a last
/// commit, and finish.
pub fn finish() {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let Some(session) = s.as_mut().filter(|s| !s.finished) else { return };
        let standard = session.standard;
        let ms = (js_sys::Date::now() - session.started_ms).max(0.0) as u64;
        for (element, value) in standard.session_end(ms, session.complete) {
            call(&session.api, method(standard, "set"), element.into(), value.into());
        }
        call(&session.api, method(standard, "commit"), JsValue::UNDEFINED, JsValue::UNDEFINED);
        call(&session.api, method(standard, "finish"), JsValue::UNDEFINED, JsValue::UNDEFINED);
        session.finished = true;
    });
}

fn last_error() -> String {
    SESSION.with(|s| {
        s.borrow().as_ref().map_or_else(String::new, |session| {
            let code = call(&session.api, method(session.standard, "error"), JsValue::UNDEFINED, JsValue::UNDEFINED);
            if code.is_empty() || code == "0" { String::new() } else { format!(" (error {code})") }
        })
    })
}

fn show_problem(what: String) {
    set_message(Some(format!(
        "{what}{} Everything you do is kept on this computer, and Wex will try again. If this goes on, tell your teacher.",
        last_error()
    )));
}

/// After a successful commit, a refusal shown earlier is over.
fn clear_refusal() {
    MESSAGE.with(|m| {
        if let Some(message) = *m.borrow() {
            if message.get_untracked().is_some_and(|text| text.contains("did not")) {
                message.set(None);
            }
        }
    });
}

fn set_message(text: Option<String>) {
    MESSAGE.with(|m| {
        if let Some(message) = *m.borrow() {
            message.set(text);
        }
    });
}

/// Makes the platform's learner the learner in this tab (their own profile on this
/// computer, kept apart from every other learner's), adds what the platform kept
/// that this computer does not have, and goes to where they were, or the placement.
pub async fn enter(learner: Learner, active: ActiveProfile, router: Router, placements: Placements) {
    use crate::storage;
    let Some(placement) = packaged_placement() else { return };
    let id = format!("lms-{}", &wex_core::hash::sha256_hex(learner.id.as_bytes())[..16]);
    let known = storage::profiles::list().await.ok().and_then(|list| list.into_iter().find(|p| p.id == id));
    let profile = match known {
        Some(profile) => profile,
        None => {
            let profile = crate::storage::profiles::Profile::new(id, learner.name.clone(), None, crate::platform::now_ms());
            // Where the browser refuses storage, the learner carries on for this
            // visit (the storage banner says so); the platform still keeps it all.
            let _ = storage::profiles::save(&profile).await;
            profile
        }
    };
    let profile_id = profile.id.clone();
    crate::session::activate(active, router, profile);
    let mut records = storage::records::for_bundle(&profile_id, &placement).await.unwrap_or_default();
    if let Ok(bundle) = placements.bundle(placement.clone()).await {
        set_bundle(bundle.clone());
        // Another computer's work, from the platform: only what is not here yet.
        if let Ok(kept) = wex_core::scorm::resume(&bundle, &learner.suspend_data) {
            let missing: Vec<Record> = kept.into_iter().filter(|r| !records.contains(r)).collect();
            if !missing.is_empty() && storage::records::append(&profile_id, &missing).await.is_ok() {
                records = wex_core::progress::merge(&records, &missing);
            }
        }
    }
    let here = router.route.get_untracked();
    let belongs = |route: &Route| matches!(route, Route::Placement { bundle } | Route::Module { bundle, .. } | Route::Certificate { bundle } if *bundle == placement);
    if !belongs(&here) {
        router.replace(learner.location.filter(belongs).unwrap_or(Route::Placement { bundle: placement.clone() }));
    }
    report(&placement, &records, &router.route.get_untracked());
}
