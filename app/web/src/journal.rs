//! A learner's journal for each placement: every action recorded at once, written
//! to IndexedDB straight away and kept queued until it is.

use crate::load::Load;
use crate::notices::StorageProblem;
use crate::platform::{mark, measure, now_ms};
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wex_core::progress::{Action, ItemId, Record};

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
        if crate::lms::active() {
            let bundle = self.bundle.get_value();
            self.records.with_untracked(|records| crate::lms::report(&bundle, records, &crate::router::current_route()));
        }
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
    let placements = crate::placements::Placements::get();
    let journals = Journals::get();
    let profile = ActiveProfile::get().id();
    Load::new(move || {
        let (id, profile, journals) = (bundle.clone(), profile.clone(), journals.clone());
        async move {
            let bundle = placements.bundle(id.clone()).await?;
            let sha256 = placements.sha256(&id).await.unwrap_or_default();
            Ok(OpenPlacement { bundle, sha256, journal: journals.open(profile, id).await })
        }
    })
}
