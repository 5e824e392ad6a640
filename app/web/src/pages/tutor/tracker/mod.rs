//! The tracker of one assignment: completion records dropped in (many at once),
//! each checked by core (signature, cohort, placement hash, re-score), an import
//! report, the cohort table, a learner's detail view, CSV export and countersigning.
//! Core's `Tracker` holds the records and decides every outcome; the components here
//! only place them.

mod countersigned;
mod detail;
mod import_report;
mod table;

use crate::components::drop_zone::DropZone;
use crate::components::field::FileField;
use crate::files::{chosen_files, read_bytes};
use crate::load::Load;
use crate::notices::StorageProblem;
use crate::placements::Placements;
use crate::platform::{let_the_page_update, mark, measure, now_iso, uuid_v4};
use crate::session::TutorSession;
use crate::storage;
use countersigned::CountersignResult;
use detail::Detail;
use import_report::ImportReportCard;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use table::RecordsTable;
use wex_core::assignment::Assignment;
use wex_core::bundle::{file_safe, Bundle};
use wex_core::credential::record::MAX_RECORD_BYTES;
use wex_core::tracker::{Countersigned, Entry, EntryKey, ImportReport, Signer, Tracker as Records};

/// How many files are checked between updates of the progress bar.
const FILES_PER_UPDATE: usize = 20;

/// The placements an assignment names, by id: each bundle and its content hash.
type CheckAgainst = HashMap<String, (Arc<Bundle>, String)>;

#[component]
pub fn Tracker(assignment: Assignment) -> impl IntoView {
    let site = Placements::get();
    let problem = StorageProblem::get();
    let session = TutorSession::get();
    let records = RwSignal::new(Records::default());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let report = RwSignal::new(ImportReport::default());
    let selected = RwSignal::new(BTreeSet::<EntryKey>::new());
    let detail = RwSignal::new(None::<EntryKey>);
    let countersigned = RwSignal::new(Countersigned::default());
    let assignment = StoredValue::new(assignment);

    // The records already handed in, and the placements this assignment names to
    // check new ones against. Files dropped in before both are here wait for them.
    let ready: Load<Arc<CheckAgainst>> = Load::new(move || async move {
        let stored = storage::tutor::handins(&assignment.with_value(|a| a.id.clone())).await;
        problem.report(&stored);
        records.set(Records::from_entries(stored.unwrap_or_default()));
        let mut placements = CheckAgainst::new();
        for placement in assignment.with_value(|a| a.placements.clone()) {
            if let (Ok(bundle), Some(sha256)) = (site.bundle(placement.bundle.clone()).await, site.sha256(&placement.bundle).await) {
                placements.insert(placement.bundle, (bundle, sha256));
            }
        }
        Arc::new(placements)
    });

    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() || progress.get_untracked().is_some() {
            return;
        }
        mark("wex-import-start");
        spawn_local(async move {
            let total = files.len();
            progress.set(Some((0, total)));
            let Some(placements) = ready.wait().await else { return };
            let_the_page_update().await;
            let mut working = records.get_untracked();
            let mut done = ImportReport::default();
            let this = assignment.get_value();
            for (n, file) in files.iter().enumerate() {
                let too_large = format!(
                    "This file is too large to be a Wex completion record ({}; a record is at most {}).",
                    wex_core::words::file_size(file.size() as u64),
                    wex_core::words::file_size(MAX_RECORD_BYTES as u64)
                );
                let result = match read_bytes(file, MAX_RECORD_BYTES, &too_large).await {
                    Ok(bytes) => {
                        let find = |id: &str, version: &str| placements.get(id).filter(|(b, _)| b.version == version).map(|(b, sha)| (b.as_ref(), sha.as_str()));
                        working.import(&bytes, &this, &find)
                    }
                    Err(why) => Err(why),
                };
                done.add(file.name(), result);
                if (n + 1) % FILES_PER_UPDATE == 0 {
                    progress.set(Some((n + 1, total)));
                    let_the_page_update().await;
                }
            }
            let to_save: Vec<&Entry> = done.changed().iter().filter_map(|k| working.get(k)).collect();
            let saved = storage::tutor::save_handins(&this.id, &to_save).await;
            problem.report(&saved);
            records.set(working);
            report.set(done);
            progress.set(None);
            // For the import benchmark in docs/benchmarks.md.
            measure("wex-import", "wex-import-start");
        });
    };

    let countersign_selected = move || {
        let Some(unlocked) = session.unlocked_untracked() else { return };
        let signer = Signer { tutor: &unlocked.identity.name, organisation: &unlocked.identity.organisation, seed: &unlocked.seed };
        let keys = selected.get_untracked();
        let mut working = records.get_untracked();
        let done = working.countersign_each(&keys, &signer, &now_iso(), uuid_v4);
        let id = assignment.with_value(|a| a.id.clone());
        let entries: Vec<Entry> = keys.iter().filter_map(|k| working.get(k).cloned()).collect();
        records.set(working);
        selected.set(BTreeSet::new());
        countersigned.set(done);
        spawn_local(async move {
            let refs: Vec<&Entry> = entries.iter().collect();
            problem.report(&storage::tutor::save_handins(&id, &refs).await);
        });
    };

    let csv_name = assignment.with_value(|a| format!("wex-{}-completion.csv", file_safe(&a.cohort)));
    view! {
        <h2 class="nhsuk-heading-m" id="records">"Completion records"</h2>
        <p class="nhsuk-body">"Learners hand in a completion record file when they finish a placement. Add them here, as many at once as you like: each is checked in this browser (the learner's signature, this assignment, the placement's content and the scores, worked out again from what the learner did)."</p>
        <DropZone on_drop=move |transfer| import(chosen_files(transfer.files()))>
            <FileField id="records-upload" label="Add completion records" bold=true multiple=true
                hint="Choose files, or drag them here from a folder." on_files=import />
        </DropZone>
        <div role="status" aria-live="polite">
            {move || progress.get().map(|(done, total)| view! {
                <label class="nhsuk-label" for="import-progress">{format!("Checking files: {done} of {total}")}</label>
                <progress id="import-progress" class="wex-import-progress" max=total value=done>{format!("{done} of {total}")}</progress>
            })}
        </div>
        <ImportReportCard report=report />
        <CountersignResult done=countersigned />
        <RecordsTable records=records selected=selected detail=detail on_countersign=countersign_selected csv_name=csv_name />
        {move || detail.get().and_then(|key| records.with(|r| r.get(&key).cloned())).map(|entry| {
            let bundle = ready.get().and_then(|p| p.get(&entry.bundle).map(|(b, _)| b.clone()));
            let key = entry.key();
            let remove = move || {
                let key = key.clone();
                records.update(|r| {
                    r.remove(&key);
                });
                selected.update(|s| {
                    s.remove(&key);
                });
                detail.set(None);
                let id = assignment.with_value(|a| a.id.clone());
                spawn_local(async move { problem.report(&storage::tutor::remove_handin(&id, &key).await) });
            };
            view! { <Detail entry=entry bundle=bundle on_close=move || detail.set(None) on_remove=remove /> }
        })}
    }
}
