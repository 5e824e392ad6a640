//! The cohort table: one row per learner and placement, keyed so that a row is
//! redrawn only when its own entry changes; selecting rows, countersigning them and
//! the CSV download.

use crate::components::nhs::{Button, ButtonVariant, Tag, TagColour};
use crate::files::download;
use crate::platform::local_day;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wex_core::bundle::file_safe;
use wex_core::scoring::stated_score;
use wex_core::tracker::{Entry, EntryKey, Tracker as Records};
use wex_core::words::plural;

#[component]
pub fn RecordsTable(
    records: RwSignal<Records>,
    selected: RwSignal<BTreeSet<EntryKey>>,
    detail: RwSignal<Option<EntryKey>>,
    on_countersign: impl Fn() + Copy + Send + Sync + 'static,
    csv_name: String,
) -> impl IntoView {
    move || {
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
                <Button on_click=move |_| on_countersign() disabled=Signal::derive(move || selected.with(BTreeSet::is_empty))>
                    {move || match selected.with(BTreeSet::len) { 0 => "Countersign selected".to_string(), n => format!("Countersign selected ({n})") }}
                </Button>
                <Button variant=ButtonVariant::Secondary on_click=move |_| download(&csv_name, &csv, "text/csv")>"Download the table (CSV)"</Button>
            </div>
        }
        .into_any()
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
