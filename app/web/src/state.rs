//! App-wide state shared through context: who is learning, the storage problem
//! banner, and the journal that saves a learner's every action.

use crate::load::Load;
use crate::storage::{self, profiles::Profile};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wex_core::progress::{Action, ItemId, Record};

/// The message of the latest storage failure, shown as a banner on every page until
/// a later write succeeds. `None` while storage works.
#[derive(Clone, Copy)]
pub struct StorageProblem(pub RwSignal<Option<String>>);

impl StorageProblem {
    pub fn provide() -> StorageProblem {
        let problem = StorageProblem(RwSignal::new(None));
        provide_context(problem);
        problem
    }

    pub fn get() -> StorageProblem {
        expect_context::<StorageProblem>()
    }

    /// Records the outcome of a storage call: shows its error, or clears the banner.
    pub fn report<T>(&self, result: &Result<T, storage::StorageError>) {
        self.0.set(result.as_ref().err().map(ToString::to_string));
    }
}

/// A message for the next page to show once, such as "Your place is saved" after
/// "Take a break".
#[derive(Clone, Copy)]
pub struct Notice(RwSignal<Option<String>>);

impl Notice {
    pub fn provide() {
        provide_context(Notice(RwSignal::new(None)));
    }

    pub fn get() -> Notice {
        expect_context::<Notice>()
    }

    pub fn show(&self, message: String) {
        self.0.set(Some(message));
    }

    /// The message, if there is one, which is then gone.
    pub fn take(&self) -> Option<String> {
        let message = self.0.get_untracked();
        if message.is_some() {
            self.0.set(None);
        }
        message
    }
}

/// The profile that is learning now; `None` shows "Who is learning?".
#[derive(Clone, Copy)]
pub struct ActiveProfile(pub RwSignal<Option<Profile>>);

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
}

/// The tutor's identity while it is unlocked with their passphrase: its signing key
/// is held in this tab's memory only, until they lock it, leave the tab idle too
/// long, or close it.
#[derive(Clone, Copy)]
pub struct TutorSession(pub RwSignal<Option<Unlocked>>);

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
}

/// One learner's records for one placement, and the way to add to them: each new
/// record shows at once, is written to IndexedDB straight away, and stays queued in
/// memory (with a banner) until a write succeeds, so nothing is silently dropped.
/// The author studio's preview keeps its journals in memory only.
#[derive(Clone, Copy)]
pub struct Journal {
    profile: StoredValue<String>,
    bundle: StoredValue<String>,
    pub records: RwSignal<Vec<Record>>,
    pending: StoredValue<Vec<Record>>,
    flushing: StoredValue<bool>,
    problem: StorageProblem,
    in_memory: bool,
}

impl Journal {
    pub fn new(profile: String, bundle: String, records: Vec<Record>, in_memory: bool) -> Journal {
        Journal {
            in_memory,
            profile: StoredValue::new(profile),
            bundle: StoredValue::new(bundle),
            records: RwSignal::new(records),
            pending: StoredValue::new(Vec::new()),
            flushing: StoredValue::new(false),
            problem: StorageProblem::get(),
        }
    }

    pub fn bundle(&self) -> String {
        self.bundle.get_value()
    }

    /// The id of the learner whose journal this is.
    pub fn profile(&self) -> String {
        self.profile.get_value()
    }

    /// Records an action on an item (`module/step`) now.
    pub fn record(&self, item: &ItemId, action: Action) {
        let record = Record { bundle: self.bundle.get_value(), item: item.clone(), at_ms: now_ms(), action };
        self.records.update(|r| r.push(record.clone()));
        self.pending.update_value(|p| p.push(record));
        mark("wex-save-start");
        let journal = *self;
        spawn_local(async move { journal.flush().await });
    }

    /// Keeps an answer as it stands after a key press where closing the tab cannot
    /// lose it (see [`storage::typing`]); [`Journal::record`] saves it properly.
    pub fn keep_typing(&self, item: &ItemId, field: &wex_core::progress::Field, text: &str) {
        if self.in_memory {
            return;
        }
        let action = Action::Written { field: field.clone(), text: text.to_string() };
        let record = Record { bundle: self.bundle.get_value(), item: item.clone(), at_ms: now_ms(), action };
        storage::typing::keep(&self.profile.get_value(), record);
    }

    async fn flush(self) {
        if self.flushing.get_value() {
            return;
        }
        if self.in_memory {
            self.pending.update_value(Vec::clear);
            return;
        }
        self.flushing.set_value(true);
        loop {
            let batch = self.pending.get_value();
            if batch.is_empty() {
                break;
            }
            let result = storage::records::append(&self.profile.get_value(), &batch).await;
            self.problem.report(&result);
            if result.is_err() {
                // Kept in memory; the next action tries again.
                break;
            }
            measure("wex-save", "wex-save-start");
            storage::typing::saved(&self.profile.get_value(), &batch);
            self.pending.update_value(|p| {
                p.drain(..batch.len());
            });
        }
        self.flushing.set_value(false);
    }
}

/// The author studio's preview learner (whose journals are in memory only: see
/// [`Journals::provide`]).
pub fn preview_profile() -> Profile {
    Profile::new("preview".into(), "Preview".into(), None, 0)
}

/// The device's clock in milliseconds since the Unix epoch. It may be wrong on a
/// shared device; Wex only uses it to order and show times.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Bytes from the browser's secure random source (`crypto.getRandomValues`), for
/// ids, salts and keys. Every browser Wex runs in has one; without it Wex stops
/// rather than make a key anyone could guess.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    window()
        .crypto()
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).map(|_| ()))
        .expect("the browser's secure random source (crypto.getRandomValues)");
    bytes
}

/// The device clock as an XML Schema date-time, to the second.
pub fn now_iso() -> String {
    let text = String::from(js_sys::Date::new_0().to_iso_string());
    format!("{}Z", &text[..19.min(text.len())])
}

/// Today's date on the device, as `YYYY-MM-DD` in its own time zone.
pub fn today() -> String {
    ymd(&js_sys::Date::new_0())
}

/// The day a timestamp (UTC, as `now_iso` writes it) fell on in this device's time
/// zone, in words: "25 November 2026". Something that is not a timestamp comes back
/// as it was.
pub fn local_day(timestamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    if date.get_time().is_nan() {
        return timestamp.to_string();
    }
    wex_core::words::long_date(&ymd(&date))
}

/// The day a moment (milliseconds since the Unix epoch) fell on in this device's
/// time zone, as `YYYY-MM-DD`.
pub fn local_ymd(at_ms: u64) -> String {
    ymd(&js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64)))
}

fn ymd(date: &js_sys::Date) -> String {
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// A short random id (16 hex digits), for profiles and assignments.
pub fn random_id() -> String {
    random_bytes::<8>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A random (version 4) UUID URN, for credential ids.
pub fn uuid_v4() -> String {
    let mut b = random_bytes::<16>();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// Waits for the browser to run its next task, so that a status message shows
/// before slow work (a passphrase's key derivation, a big import) starts.
pub async fn let_the_page_update() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Performance marks let the tests measure, in the browser, the time from an action
/// to its record being committed (docs/benchmarks.md).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

pub fn measure(name: &str, start: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// The journals opened in this session, one per profile and placement, created
/// under the app's owner so they outlive the page that first opened them: moving
/// between steps never reloads records that are still being written.
#[derive(Clone)]
pub struct Journals {
    owner: Owner,
    open: StoredValue<std::collections::HashMap<(String, String), Journal>>,
    /// For the studio's preview: journals start empty and are never written.
    in_memory: bool,
}

impl Journals {
    pub fn provide(in_memory: bool) -> Journals {
        let owner = Owner::current().expect("Journals are provided inside the app");
        let journals = Journals { owner, open: StoredValue::new(Default::default()), in_memory };
        provide_context(journals.clone());
        journals
    }

    pub fn get() -> Journals {
        expect_context::<Journals>()
    }

    /// The journal of a profile's progress in a placement, loading it on first use.
    pub async fn open(&self, profile: String, bundle: String) -> Journal {
        let key = (profile.clone(), bundle.clone());
        if let Some(journal) = self.open.with_value(|open| open.get(&key).copied()) {
            return journal;
        }
        let records = if self.in_memory { Ok(Vec::new()) } else { storage::records::for_bundle(&profile, &bundle).await };
        let journal = self.owner.with(|| {
            StorageProblem::get().report(&records);
            Journal::new(profile, bundle, records.unwrap_or_default(), self.in_memory)
        });
        // Another page may have opened it while this one was loading.
        let mut chosen = journal;
        self.open.update_value(|open| chosen = *open.entry(key).or_insert(journal));
        chosen
    }

    /// Forgets every journal (when the learner changes or their progress is imported).
    pub fn clear(&self) {
        self.open.update_value(|open| open.clear());
    }
}

/// A placement opened by the active learner: the bundle, its content hash as the
/// site lists it, and the learner's journal for it.
#[derive(Clone)]
pub struct OpenPlacement {
    pub bundle: std::sync::Arc<wex_core::bundle::Bundle>,
    pub sha256: String,
    pub journal: Journal,
}

/// Loads a placement and the active learner's journal for it, for a page.
pub fn open_placement(bundle: String) -> Load<Result<OpenPlacement, String>> {
    let library = crate::library::Library::get();
    let journals = Journals::get();
    let profile = ActiveProfile::get().id();
    Load::new(move || {
        let (id, profile, journals) = (bundle.clone(), profile.clone(), journals.clone());
        async move {
            let bundle = library.bundle(id.clone()).await?;
            let sha256 = library.sha256(&id).await.unwrap_or_default();
            Ok(OpenPlacement { bundle, sha256, journal: journals.open(profile, id).await })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::local_day;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn timestamps_read_as_the_day_they_fell_on() {
        // Midday UTC is the same date in every time zone from -11:00 to +11:00.
        assert_eq!(local_day("2026-11-25T12:00:00Z"), "25 November 2026");
        assert_eq!(local_day("not a time"), "not a time");
    }
}
