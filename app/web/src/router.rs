//! A small router of our own: the URL path as a [`Route`], `history.pushState` to
//! move, `popstate` to follow the back button. It is a fraction of leptos_router's
//! size in the learner's download (see docs/size.md), and it keeps every URL relative
//! to the page's `<base href>`, so the app works from any sub-path of a site.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wex_core::applications::Document;

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Catalogue,
    Placement { bundle: String },
    /// A module, showing the step with the given id, or its first unfinished step.
    Module { bundle: String, module: String, step: Option<String> },
    /// The active learner's profile: switch, move progress, delete.
    Profile,
    /// All the active learner's reflections, to read, print or download.
    Reflections,
    /// My applications: the learner's notes and certificates turned towards an
    /// application; the three documents' overview, or one of them.
    Applications { document: Option<Document> },
    /// The learner's certificate for a placement.
    Certificate { bundle: String },
    /// Checking a certificate: from a file, pasted text, or the address's fragment.
    Verify,
    /// Adding a placement from a packed file.
    AddPlacement,
    /// The author studio: check, map and preview a bundle folder in the browser.
    Author,
    /// Joining a tutor's cohort: the assignment in the address's fragment, or a file.
    Join,
    /// The tutor's area: identity, and the assignments they made.
    Tutor,
    /// A new assignment for a cohort.
    NewAssignment,
    /// One assignment: sharing it, and the tracker of records handed in for it.
    TutorAssignment { id: String },
    NotFound { path: String },
}

/// The apps Wex is built as (docs/size.md): each serves the routes
/// [`Route::owner`] gives it, and hands any other address over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppKind {
    /// The learner's first download: the catalogue and "Who is learning?".
    Shell,
    /// Every learner's page (the shell's too, once it is running).
    Learner,
    /// The tutor's area: learners never download it.
    Tutor,
    /// The author studio, with the author's parsers and a preview of learner pages.
    Studio,
}

impl AppKind {
    /// Whether this app shows a route itself rather than handing it over.
    pub fn serves(self, route: &Route) -> bool {
        let owner = route.owner();
        match self {
            AppKind::Shell | AppKind::Tutor => owner == self,
            AppKind::Learner => matches!(owner, AppKind::Shell | AppKind::Learner),
            AppKind::Studio => owner == self || matches!(route, Route::Placement { .. } | Route::Module { .. } | Route::Certificate { .. }),
        }
    }
}

impl Route {
    /// Parses a path relative to the app's base (no leading slash).
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let decoded: Option<Vec<String>> = parts.iter().map(|p| decode(p)).collect();
        let Some(parts) = decoded else { return Route::NotFound { path: path.to_string() } };
        match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            [] | ["index.html"] => Route::Catalogue,
            ["profile"] => Route::Profile,
            ["reflections"] => Route::Reflections,
            ["applications"] => Route::Applications { document: None },
            ["applications", slug] => match Document::from_slug(slug) {
                Some(document) => Route::Applications { document: Some(document) },
                None => Route::NotFound { path: path.to_string() },
            },
            ["verify"] => Route::Verify,
            ["join"] => Route::Join,
            ["add-placement"] => Route::AddPlacement,
            ["author"] => Route::Author,
            ["tutor"] => Route::Tutor,
            ["tutor", "assignments", "new"] => Route::NewAssignment,
            ["tutor", "assignments", id] => Route::TutorAssignment { id: id.to_string() },
            ["certificates", bundle] => Route::Certificate { bundle: bundle.to_string() },
            ["placements", bundle] => Route::Placement { bundle: bundle.to_string() },
            ["placements", bundle, module] => Route::Module { bundle: bundle.to_string(), module: module.to_string(), step: None },
            ["placements", bundle, module, step] => {
                Route::Module { bundle: bundle.to_string(), module: module.to_string(), step: Some(step.to_string()) }
            }
            _ => Route::NotFound { path: path.to_string() },
        }
    }

    /// The path of this route relative to the app's base.
    pub fn path(&self) -> String {
        match self {
            Route::Catalogue => String::new(),
            Route::Profile => "profile".into(),
            Route::Reflections => "reflections".into(),
            Route::Applications { document: None } => "applications".into(),
            Route::Applications { document: Some(document) } => format!("applications/{}", document.slug()),
            Route::Verify => "verify".into(),
            Route::Join => "join".into(),
            Route::AddPlacement => "add-placement".into(),
            Route::Author => "author".into(),
            Route::Tutor => "tutor".into(),
            Route::NewAssignment => "tutor/assignments/new".into(),
            Route::TutorAssignment { id } => format!("tutor/assignments/{}", encode(id)),
            Route::Certificate { bundle } => format!("certificates/{}", encode(bundle)),
            Route::Placement { bundle } => format!("placements/{}", encode(bundle)),
            Route::Module { bundle, module, step: None } => format!("placements/{}/{}", encode(bundle), encode(module)),
            Route::Module { bundle, module, step: Some(step) } => {
                format!("placements/{}/{}/{}", encode(bundle), encode(module), encode(step))
            }
            Route::NotFound { path } => path.clone(),
        }
    }

    /// Whether the page needs a learner: the tutor's area and the check page do not.
    pub fn for_learners(&self) -> bool {
        !(self.owner() == AppKind::Tutor || matches!(self, Route::Verify | Route::Author))
    }

    /// The route table: the one app that serves each page when its address is opened
    /// (docs/size.md). Every route is named here, so a new route does not compile
    /// until it is given to an app.
    pub fn owner(&self) -> AppKind {
        match self {
            Route::Catalogue => AppKind::Shell,
            Route::Placement { .. }
            | Route::Module { .. }
            | Route::Profile
            | Route::Reflections
            | Route::Applications { .. }
            | Route::Certificate { .. }
            | Route::Verify
            | Route::Join
            | Route::AddPlacement
            | Route::NotFound { .. } => AppKind::Learner,
            Route::Tutor | Route::NewAssignment | Route::TutorAssignment { .. } => AppKind::Tutor,
            Route::Author => AppKind::Studio,
        }
    }

    /// One route of every kind, for tests of the table (keep one of each variant).
    pub fn examples() -> Vec<Route> {
        vec![
            Route::Catalogue,
            Route::Placement { bundle: "first-look".into() },
            Route::Module { bundle: "first-look".into(), module: "what-is-the-nhs".into(), step: None },
            Route::Module { bundle: "first-look".into(), module: "what-is-the-nhs".into(), step: Some("where-care-happens".into()) },
            Route::Profile,
            Route::Reflections,
            Route::Applications { document: None },
            Route::Applications { document: Some(Document::TrustPlacement) },
            Route::Certificate { bundle: "first-look".into() },
            Route::Verify,
            Route::AddPlacement,
            Route::Author,
            Route::Join,
            Route::Tutor,
            Route::NewAssignment,
            Route::TutorAssignment { id: "a1b2".into() },
            Route::NotFound { path: "no/such/page".into() },
        ]
    }

    /// The full href of this route, for `<a href>`: a path under the site's base,
    /// or in a SCORM package, the launch page's fragment (the platform serves only
    /// the package's own files, so a reload must land on the launch page).
    pub fn href(&self) -> String {
        if in_a_package() {
            format!("#{}", self.path())
        } else {
            format!("{}{}", base_path(), self.path())
        }
    }
}

fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).into()
}

fn decode(part: &str) -> Option<String> {
    js_sys::decode_uri_component(part).ok().map(Into::into)
}

/// The path of the page's base URL, always ending in `/`: `/` at a site's root, or
/// for example `/work-experience/` under a sub-path.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_else(|| "/".into());
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_else(|_| "/".into());
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    if dir.is_empty() {
        "/".into()
    } else {
        dir.to_string()
    }
}

/// Whether this page is a SCORM package's launch page, whose routes are kept in the
/// address's fragment.
pub fn in_a_package() -> bool {
    thread_local! {
        static PACKAGED: bool = crate::lms::packaged_placement().is_some();
    }
    PACKAGED.with(|p| *p)
}

/// The route of the browser's current location.
pub fn current_route() -> Route {
    if in_a_package() {
        let hash = window().location().hash().unwrap_or_default();
        return Route::parse(hash.trim_start_matches('#'));
    }
    let pathname = window().location().pathname().unwrap_or_default();
    let base = base_path();
    let relative = pathname.strip_prefix(&base).or_else(|| pathname.strip_prefix(base.trim_end_matches('/'))).unwrap_or(&pathname);
    Route::parse(relative)
}

/// The key in sessionStorage that asks the next app to focus its first heading, as
/// after any move to a new page: set when one app hands over to another.
pub const FOCUS_AFTER_HANDOVER: &str = "wex-focus-after-handover";

/// The current route, shared through context; set it only with [`navigate`].
#[derive(Clone, Copy)]
pub struct Router {
    pub route: ReadSignal<Route>,
    set_route: WriteSignal<Route>,
    /// Set when the app moved to a new page, so that the page's heading takes focus
    /// once it renders (screen readers then announce the new page).
    focus_pending: StoredValue<bool>,
}

/// Creates the router, follows the back and forward buttons, and provides it.
pub fn provide_router() -> Router {
    let (route, set_route) = signal(current_route());
    // After the shell hands over, the full app's first heading takes focus, as it
    // would have after any move to a new page.
    let handed_over = window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(FOCUS_AFTER_HANDOVER).ok().flatten().inspect(|_| {
            let _ = s.remove_item(FOCUS_AFTER_HANDOVER);
        }))
        .is_some();
    let router = Router { route, set_route, focus_pending: StoredValue::new(handed_over) };
    let on_popstate = window_event_listener_untyped("popstate", move |_| {
        router.focus_pending.set_value(true);
        set_route.set(current_route());
    });
    // In a SCORM package the route is the fragment, which the learner can also
    // change; a change popstate has already followed is not drawn twice.
    let on_hashchange = in_a_package().then(|| {
        window_event_listener_untyped("hashchange", move |_| {
            let now = current_route();
            if route.get_untracked() != now {
                router.focus_pending.set_value(true);
                set_route.set(now);
            }
        })
    });
    // Until the app leaves the page (the shell, when it hands over).
    crate::platform::stop_when_leaving(move || {
        on_popstate.remove();
        if let Some(listener) = on_hashchange {
            listener.remove();
        }
    });
    provide_context(router);
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Router {
    /// Goes to a route, adding it to the browser's history.
    pub fn navigate(&self, to: Route) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&to.href()));
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
        self.focus_pending.set_value(true);
        self.set_route.set(to);
    }

    /// For a new page drawn without moving (a learner chosen, a form opened): it
    /// starts at the top, and its heading takes focus, as after a move.
    pub fn focus_next_heading(&self) {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        self.focus_pending.set_value(true);
    }

    /// True once after each navigation: the first page heading to render takes focus.
    pub fn take_focus(&self) -> bool {
        let pending = self.focus_pending.get_value();
        self.focus_pending.set_value(false);
        pending
    }

    /// Replaces the current history entry, for redirects.
    pub fn replace(&self, to: Route) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&to.href()));
        }
        self.focus_pending.set_value(true);
        self.set_route.set(to);
    }
}

/// An `<a>` to a route: a real link (open in new tab, copy address), followed in the
/// app without reloading the page.
#[component]
pub fn Link(
    to: Route,
    #[prop(optional, into)] class: Option<String>,
    #[prop(optional, into)] rel: Option<String>,
    #[prop(optional, into)] described_by: Option<String>,
    /// Runs before the app follows the link (not when it opens in a new tab).
    #[prop(optional)]
    on_click: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let router = use_router();
    let href = to.href();
    let on_click = move |ev: web_sys::MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            if let Some(before) = on_click {
                before.run(());
            }
            router.navigate(to.clone());
        }
    };
    view! {
        <a href=href class=class rel=rel aria-describedby=described_by on:click=on_click>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn parses_every_route_and_back() {
        for route in Route::examples() {
            assert_eq!(Route::parse(&route.path()), route);
        }
        // Names that need escaping survive the trip.
        let odd = Route::TutorAssignment { id: "a b/c".into() };
        assert_eq!(Route::parse(&odd.path()), odd);
        assert_eq!(Route::parse("index.html"), Route::Catalogue);
        assert_eq!(Route::parse("placements/a/b/c?x=1#top"), Route::Module { bundle: "a".into(), module: "b".into(), step: Some("c".into()) });
        assert!(matches!(Route::parse("nowhere/at/all/really/deep"), Route::NotFound { .. }));
    }
}
