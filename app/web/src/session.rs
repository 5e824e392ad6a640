//! Who is using this tab: the active learner (kept in sessionStorage, so a reload or
//! the shell's hand-over keeps them) and the tutor's unlocked identity.

use crate::router::Router;
use crate::storage::{self, profiles::Profile};
use leptos::prelude::*;

/// The profile that is learning now; `None` shows "Who is learning?".
#[derive(Clone, Copy)]
pub struct ActiveProfile(RwSignal<Option<Profile>>);

impl ActiveProfile {
    pub fn provide() -> ActiveProfile {
        let active = ActiveProfile(RwSignal::new(None));
        provide_context(active);
        active
    }

    pub fn get() -> ActiveProfile {
        expect_context::<ActiveProfile>()
    }

    /// The active profile's id. Pages that need it are only shown while there is one.
    pub fn id(&self) -> String {
        self.0.with_untracked(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default())
    }

    /// The learner now (tracked): the frame and pages follow a switch of learner.
    pub fn profile(&self) -> Option<Profile> {
        self.0.get()
    }

    /// The learner now, read once.
    pub fn profile_untracked(&self) -> Option<Profile> {
        self.0.get_untracked()
    }

    /// Whether a learner is chosen (tracked).
    pub fn is_chosen(&self) -> bool {
        self.0.with(Option::is_some)
    }

    /// Replaces the learner's profile with a changed copy of it (a key added).
    pub fn update(&self, profile: Profile) {
        self.0.set(Some(profile));
    }
}

/// The tutor's identity while it is unlocked with their passphrase: its signing key
/// is held in this tab's memory only, until they lock it, leave the tab idle too
/// long, or close it.
#[derive(Clone, Copy)]
pub struct TutorSession(RwSignal<Option<Unlocked>>);

#[derive(Clone, Debug, PartialEq)]
pub struct Unlocked {
    pub identity: wex_core::tutor::Identity,
    pub seed: [u8; 32],
}

impl TutorSession {
    pub fn provide() -> TutorSession {
        let session = TutorSession(RwSignal::new(None));
        provide_context(session);
        session
    }

    pub fn get() -> TutorSession {
        expect_context::<TutorSession>()
    }

    pub fn lock(&self) {
        self.0.set(None);
    }

    pub fn unlock(&self, unlocked: Unlocked) {
        self.0.set(Some(unlocked));
    }

    /// The unlocked identity, if any (tracked).
    pub fn unlocked(&self) -> Option<Unlocked> {
        self.0.get()
    }

    /// The unlocked identity, if any, read once.
    pub fn unlocked_untracked(&self) -> Option<Unlocked> {
        self.0.get_untracked()
    }

    pub fn is_unlocked(&self) -> bool {
        self.0.with(Option::is_some)
    }
}

/// The author studio's preview learner (whose journals are in memory only: see
/// [`Journals::provide`]).
pub fn preview_profile() -> Profile {
    Profile::new("preview".into(), "Preview".into(), None, 0)
}

/// The keys in sessionStorage that keep the learner chosen in this tab.
const SESSION_KEY: &str = "wex-active-profile";
const SESSION_NAME_KEY: &str = "wex-active-profile-name";

/// Makes a profile active in this tab; the page they see starts at the top, with
/// focus on its heading.
pub fn activate(active: ActiveProfile, router: Router, profile: Profile) {
    router.focus_next_heading();
    if let Ok(Some(session)) = window().session_storage() {
        let _ = session.set_item(SESSION_KEY, &profile.id);
        let _ = session.set_item(SESSION_NAME_KEY, &profile.name);
    }
    active.0.set(Some(profile));
}

/// Forgets the active profile (switching learner, or locking after inactivity).
pub fn deactivate(active: ActiveProfile) {
    if let Ok(Some(session)) = window().session_storage() {
        let _ = session.remove_item(SESSION_KEY);
        let _ = session.remove_item(SESSION_NAME_KEY);
    }
    active.0.set(None);
}

/// The profile this tab had active before a reload (or before the shell handed
/// over to the full app), if it still exists. Where the browser refuses storage,
/// the learner of this visit carries on with the name they gave.
pub async fn restore(active: ActiveProfile) {
    let session = window().session_storage().ok().flatten();
    let get = |key: &str| session.as_ref().and_then(|s| s.get_item(key).ok().flatten());
    let Some(id) = get(SESSION_KEY) else { return };
    match storage::profiles::list().await {
        Ok(profiles) => {
            if let Some(profile) = profiles.into_iter().find(|p| p.id == id) {
                active.0.set(Some(profile));
            }
        }
        Err(_) => {
            let name = get(SESSION_NAME_KEY).unwrap_or_default();
            active.0.set(Some(Profile::new(id, name, None, 0)));
        }
    }
}
