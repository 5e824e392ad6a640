//! The tracker of one assignment: completion records dropped in (many at once),
//! each checked by core (signature, cohort, placement hash, re-score), an import
//! report, the cohort table, a learner's detail view, CSV export and countersigning.

use crate::components::drop_zone::DropZone;
use crate::components::field::FileField;
use crate::components::nhs::{Button, ButtonVariant, Tag, TagColour, WarningCallout};
use crate::files::{chosen_files, download, read_bytes};
use crate::placements::Placements;
use crate::load::Load;
use crate::notices::StorageProblem;
use crate::platform::{let_the_page_update, local_day, mark, measure, now_iso, uuid_v4};
use crate::session::TutorSession;
use crate::storage;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use wex_core::assignment::Assignment;
use wex_core::bundle::{file_safe, Bundle};
use wex_core::credential::record::MAX_RECORD_BYTES;
use wex_core::progress::Progress;
use wex_core::scoring::stated_score;
use wex_core::tracker::{Entry, EntryKey, HandBack, Imported, Signer, Tracker as Records};
use wex_core::words::plural;

/// How many files are checked between updates of the progress bar.
const FILES_PER_UPDATE: usize = 20;

/// One line of the import report.
#[derive(Clone, Debug, PartialEq)]
struct ReportLine {
    file: String,
    /// `None` when the file could not be imported; `text` says why.
    outcome: Option<Imported>,
    text: String,
}

/// The placements an assignment names, by id: each bundle and its content hash.
type CheckAgainst = HashMap<String, (Arc<Bundle>, String)>;

#[component]
pub fn Tracker(assignment: Assignment) -> impl IntoView {
    let site = Placements::get();
    let problem = StorageProblem::get();
    let session = TutorSession::get();
    let records = RwSignal::new(Records::default());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let report = RwSignal::new(Vec::<ReportLine>::new());
    let selected = RwSignal::new(BTreeSet::<EntryKey>::new());
    let detail = RwSignal::new(None::<EntryKey>);
    let handback = RwSignal::new(Vec::<HandBack>::new());
    let not_countersigned = RwSignal::new(Vec::<String>::new());
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
            let mut lines = Vec::with_capacity(total);
            let mut changed = BTreeSet::new();
            let this = assignment.get_value();
            for (n, file) in files.iter().enumerate() {
                let too_large = format!(
                    "This file is too large to be a Wex completion record ({}; a record is at most {}).",
                    wex_core::words::file_size(file.size() as u64),
                    wex_core::words::file_size(MAX_RECORD_BYTES as u64)
                );
                let outcome = match read_bytes(file, MAX_RECORD_BYTES, &too_large).await {
                    Ok(bytes) => {
                        let find = |id: &str, version: &str| placements.get(id).filter(|(b, _)| b.version == version).map(|(b, sha)| (b.as_ref(), sha.as_str()));
                        working.import(&bytes, &this, &find)
                    }
                    Err(why) => Err(why),
                };
                lines.push(match outcome {
                    Ok(done) => {
                        if matches!(done.outcome, Imported::Added | Imported::Updated) {
                            changed.insert(done.key.clone());
                        }
                        ReportLine { file: file.name(), text: format!("{}: {}, {}.", done.outcome.label(), done.learner, done.placement), outcome: Some(done.outcome) }
                    }
                    Err(why) => ReportLine { file: file.name(), outcome: None, text: why },
                });
                if (n + 1) % FILES_PER_UPDATE == 0 {
                    progress.set(Some((n + 1, total)));
                    let_the_page_update().await;
                }
            }
            let to_save: Vec<&Entry> = changed.iter().filter_map(|k| working.get(k)).collect();
            let saved = storage::tutor::save_handins(&this.id, &to_save).await;
            problem.report(&saved);
            records.set(working);
            report.set(lines);
            progress.set(None);
            // For the import benchmark in docs/benchmarks.md.
            measure("wex-import", "wex-import-start");
        });
    };

    let countersign_selected = move |_| {
        let Some(unlocked) = session.unlocked_untracked() else { return };
        let signer = Signer { tutor: &unlocked.identity.name, organisation: &unlocked.identity.organisation, seed: &unlocked.seed };
        let keys = selected.get_untracked();
        let mut working = records.get_untracked();
        let done = working.countersign_each(&keys, &signer, &now_iso(), uuid_v4);
        let id = assignment.with_value(|a| a.id.clone());
        let entries: Vec<Entry> = keys.iter().filter_map(|k| working.get(k).cloned()).collect();
        records.set(working);
        selected.set(BTreeSet::new());
        handback.set(done.handed_back);
        not_countersigned.set(done.refused);
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
        <ImportReport report=report />
        {move || (!handback.get().is_empty()).then(|| view! { <HandBackList files=handback /> })}
        {move || (!not_countersigned.get().is_empty()).then(|| view! {
            <WarningCallout heading="Some certificates were not countersigned">
                <ul class="nhsuk-list" role="alert">{not_countersigned.get().into_iter().map(|why| view! { <li>{why}</li> }).collect_view()}</ul>
            </WarningCallout>
        })}
        {move || {
            let all = records.get();
            if all.is_empty() {
                return view! { <p class="nhsuk-body">"No completion records yet."</p> }.into_any();
            }
            let keys: Vec<EntryKey> = all.entries().into_iter().map(Entry::key).collect();
            let count = keys.len();
            let csv = all.csv();
            let csv_name = csv_name.clone();
            view! {
                <table class="nhsuk-table-responsive wex-tracker">
                    <caption class="nhsuk-table__caption">{format!("Handed in: {}", plural(count, "record"))}</caption>
                    <thead class="nhsuk-table__head">
                        <tr role="row">
                            <th scope="col" class="nhsuk-table__header">
                                <div class="nhsuk-checkboxes nhsuk-checkboxes--small"><div class="nhsuk-checkboxes__item">
                                    <input class="nhsuk-checkboxes__input" id="select-all" type="checkbox"
                                        prop:checked=move || selected.with(|s| s.len() == count)
                                        on:change={ let keys = keys.clone(); move |ev| selected.set(if event_target_checked(&ev) { keys.iter().cloned().collect() } else { BTreeSet::new() }) } />
                                    <label class="nhsuk-label nhsuk-checkboxes__label" for="select-all"><span class="nhsuk-u-visually-hidden">"Select all"</span></label>
                                </div></div>
                            </th>
                            <th scope="col" class="nhsuk-table__header">"Learner"</th>
                            <th scope="col" class="nhsuk-table__header">"Placement"</th>
                            <th scope="col" class="nhsuk-table__header">"Status"</th>
                            <th scope="col" class="nhsuk-table__header">"Score"</th>
                            <th scope="col" class="nhsuk-table__header">"Completed"</th>
                            <th scope="col" class="nhsuk-table__header"><span class="nhsuk-u-visually-hidden">"Details"</span></th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        // Keyed: a row is redrawn only when its entry changes (countersigned, or
                        // replaced by a newer record), not for every file imported.
                        <For
                            each=move || records.with(|r| r.entries().into_iter().cloned().collect::<Vec<_>>())
                            key=|entry: &Entry| (entry.key(), entry.completed_at.clone(), entry.countersigned_at.clone())
                            let:entry
                        >
                            <Row entry=entry selected=selected detail=detail />
                        </For>
                    </tbody>
                </table>
                <div class="wex-button-group">
                    <Button on_click=countersign_selected disabled=Signal::derive(move || selected.with(BTreeSet::is_empty))>
                        {move || match selected.with(BTreeSet::len) { 0 => "Countersign selected".to_string(), n => format!("Countersign selected ({n})") }}
                    </Button>
                    <Button variant=ButtonVariant::Secondary on_click=move |_| download(&csv_name, &csv, "text/csv")>"Download the table (CSV)"</Button>
                </div>
            }
            .into_any()
        }}
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

#[component]
fn Row(entry: Entry, selected: RwSignal<BTreeSet<EntryKey>>, detail: RwSignal<Option<EntryKey>>) -> impl IntoView {
    let key = entry.key();
    // An id that stays the row's own however the rows around it change.
    let field = format!("select-{}-{}", file_safe(&key.learner_key), key.bundle);
    let (toggle, is_selected, open) = (key.clone(), key.clone(), key);
    let status = match &entry.countersigned_at {
        Some(at) => view! { <Tag colour=TagColour::Blue text=format!("Countersigned {}", local_day(at)) /> }.into_any(),
        None => view! { <Tag colour=TagColour::Green text="Checked" /> }.into_any(),
    };
    let label = format!("Select {} ({})", entry.learner, entry.placement);
    let completed = local_day(&entry.completed_at);
    let score = stated_score(&entry.score).unwrap_or("Not scored").to_string();
    view! {
        <tr role="row" class="nhsuk-table__row">
            <td class="nhsuk-table__cell">
                <div class="nhsuk-checkboxes nhsuk-checkboxes--small"><div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=field.clone() type="checkbox"
                        prop:checked=move || selected.with(|s| s.contains(&is_selected))
                        on:change=move |ev| { let on = event_target_checked(&ev); selected.update(|s| { if on { s.insert(toggle.clone()); } else { s.remove(&toggle); } }) } />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=field><span class="nhsuk-u-visually-hidden">{label}</span></label>
                </div></div>
            </td>
            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">"Learner "</span>{entry.learner.clone()}</td>
            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">"Placement "</span>{format!("{} ({})", entry.placement, entry.version)}</td>
            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">"Status "</span>{status}</td>
            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">"Score "</span>{score}</td>
            <td class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading" aria-hidden="true">"Completed "</span>{completed}</td>
            <td class="nhsuk-table__cell">
                <button type="button" class="wex-link-button" on:click=move |_| detail.set(Some(open.clone()))>
                    "View"<span class="nhsuk-u-visually-hidden">{format!(" {}'s answers", entry.learner)}</span>
                </button>
            </td>
        </tr>
    }
}

#[component]
fn ImportReport(report: RwSignal<Vec<ReportLine>>) -> impl IntoView {
    move || {
        let lines = report.get();
        if lines.is_empty() {
            return ().into_any();
        }
        let refused = lines.iter().filter(|l| l.outcome.is_none()).count();
        let count = |kind: Imported| lines.iter().filter(|l| l.outcome.as_ref() == Some(&kind)).count();
        let parts: Vec<String> = [
            (count(Imported::Added), "added"),
            (count(Imported::Updated), "updated with a newer record"),
            (count(Imported::Duplicate), "already imported"),
            (count(Imported::Older), "older than the record already imported"),
            (refused, "could not be imported"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let n = lines.len();
        let summary = format!("{} checked: {}.", plural(n, "file"), parts.join(", "));
        view! {
            <div class={if refused > 0 { "nhsuk-card nhsuk-card--feature wex-import-report wex-import-report--problems" } else { "nhsuk-card nhsuk-card--feature wex-import-report" }}>
                <div class="nhsuk-card__content nhsuk-card__content--feature">
                    <h3 class="nhsuk-card__heading nhsuk-card__heading--feature">"Import report"</h3>
                    <p class="nhsuk-body" role="status">{summary}</p>
                    <ul class="nhsuk-list wex-import-report__list">
                        {lines.into_iter().filter(|l| l.outcome.is_none()).map(|line| view! {
                            <li><Tag colour=TagColour::Red text="Not imported" />" "<strong>{line.file}</strong>": "{line.text}</li>
                        }).collect_view()}
                    </ul>
                    {(refused > 0).then(|| view! { <p class="nhsuk-body-s">"Nothing already in the table was changed by the files that could not be imported."</p> })}
                </div>
            </div>
        }
        .into_any()
    }
}

#[component]
fn HandBackList(files: RwSignal<Vec<HandBack>>) -> impl IntoView {
    let all = move |_| {
        for file in files.get_untracked() {
            download(&file.file, &file.json, "application/json");
        }
    };
    view! {
        <div class="nhsuk-card nhsuk-card--feature">
            <div class="nhsuk-card__content nhsuk-card__content--feature">
                <h3 class="nhsuk-card__heading nhsuk-card__heading--feature" tabindex="-1">"Countersigned certificates to hand back"</h3>
                <p class="nhsuk-body">"Send each learner their file. When they add it on their certificate page, their certificate says it is verified by your school or college."</p>
                <ul class="nhsuk-list">
                    {move || files.get().into_iter().map(|f| {
                        let (name, json) = (f.file.clone(), f.json.clone());
                        view! { <li><button type="button" class="wex-link-button" on:click=move |_| download(&name, &json, "application/json")>{format!("Download for {}", f.label)}</button></li> }
                    }).collect_view()}
                </ul>
                <Button variant=ButtonVariant::Secondary on_click=all>"Download all"</Button>
            </div>
        </div>
    }
}

/// One learner's record: the checks, their answers, their shared reflections.
#[component]
fn Detail(
    entry: Entry,
    bundle: Option<Arc<Bundle>>,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
    on_remove: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let confirm = RwSignal::new(false);
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let answers = bundle.as_ref().map(|b| wex_core::answers::answers(b, &Progress::replay(&entry.record.records), &entry.record.reflections));
    let fingerprint = wex_core::keys::did_fingerprint(&entry.learner_key).unwrap_or_default();
    view! {
        <section class="wex-record-detail" aria-labelledby="record-detail">
            <h2 class="nhsuk-heading-m" id="record-detail" tabindex="-1" node_ref=heading>{format!("{}: {}", entry.learner, entry.placement)}</h2>
            <dl class="nhsuk-summary-list">
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Score"</dt><dd class="nhsuk-summary-list__value">{entry.score.clone()}</dd></div>
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Completed"</dt><dd class="nhsuk-summary-list__value">{format!("{} (by the learner's device clock)", entry.completed_at)}</dd></div>
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Checks"</dt><dd class="nhsuk-summary-list__value">"Signature, this placement's content (version "{entry.version.clone()}") and the scores, worked out again from the learner's attempt log: all passed."</dd></div>
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Learner's device key"</dt><dd class="nhsuk-summary-list__value"><code>{fingerprint}</code></dd></div>
            </dl>
            <h3 class="nhsuk-heading-s">"What they answered"</h3>
            {match answers {
                None => view! { <p class="nhsuk-body">"This placement is not on this site any more, so the answers cannot be shown."</p> }.into_any(),
                Some(answers) if answers.is_empty() => view! { <p class="nhsuk-body">"This placement has reading only: there are no questions or tasks to show."</p> }.into_any(),
                Some(answers) => answers.into_iter().map(|step| view! {
                    <div class="wex-step-answers">
                        <h4 class="nhsuk-heading-xs">
                            {format!("{}: {}", step.module, step.step)}
                            {step.score.map(|s| format!(" ({}/{})", s.points, s.max))}
                        </h4>
                        <dl class="nhsuk-summary-list nhsuk-summary-list--no-border">
                            {step.lines.into_iter().map(|(q, a)| view! {
                                <div class="nhsuk-summary-list__row">
                                    <dt class="nhsuk-summary-list__key">{q}</dt>
                                    <dd class="nhsuk-summary-list__value wex-pre-line">{a}</dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    </div>
                }).collect_view().into_any(),
            }}
            <div class="wex-button-group">
                <Button variant=ButtonVariant::Secondary on_click=move |_| on_close()>"Close"</Button>
                {move || if confirm.get() {
                    let remove = on_remove.clone();
                    view! {
                        <span class="nhsuk-body">"Remove it from the tracker? The learner can hand it in again."</span>
                        <Button variant=ButtonVariant::Secondary on_click=move |_| remove()>"Yes, remove this record"</Button>
                    }.into_any()
                } else {
                    view! { <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| confirm.set(true)>"Remove this record"</button> }.into_any()
                }}
            </div>
        </section>
    }
}
