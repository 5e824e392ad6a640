//! The learner's own page: switch learner, move progress to another device, and
//! delete the profile with everything in it.

use crate::components::field::FileField;
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary, InsetText, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::files::download;
use crate::load::Load;
use crate::pages::profiles::deactivate;
use crate::router::{Link, Route};
use crate::state::{now_ms, ActiveProfile, Journals, StorageProblem};
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use wex_core::bundle::file_safe;
use wex_core::progress::merge;
use wex_core::transfer::ProgressFile;
use wex_core::words::long_date;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let active = ActiveProfile::get();
    let profile = active.0.get_untracked().expect("the profile page is shown only to a learner");
    let problem = StorageProblem::get();
    let journals = Journals::get();
    let import_result = RwSignal::new(None::<Result<String, String>>);
    let confirming_delete = RwSignal::new(false);

    let export_profile = profile.clone();
    let export = move |_| {
        let profile = export_profile.clone();
        spawn_local(async move {
            let records = storage::records::for_profile(&profile.id).await;
            problem.report(&records);
            if let Ok(records) = records {
                let file = ProgressFile::new(&profile.name, now_ms(), records);
                let date = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
                download(&format!("wex-progress-{}-{}.json", file_safe(&profile.name), &date[..10]), &file.to_json(), "application/json");
            }
        });
    };

    let import_id = profile.id.clone();
    let import = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        let profile = import_id.clone();
        let journals = journals.clone();
        spawn_local(async move {
            let result = import_file(&profile, file).await;
            if result.is_ok() {
                journals.clear();
            }
            import_result.set(Some(result));
        });
    };

    let delete_id = profile.id.clone();
    let delete = move |_| {
        let id = delete_id.clone();
        spawn_local(async move {
            let result = storage::profiles::delete(&id).await;
            problem.report(&result);
            if result.is_ok() {
                deactivate(active);
            }
        });
    };

    let name = profile.name.clone();
    view! {
        <PageHeading text=format!("{}'s profile", profile.name) />
        <p class="nhsuk-body">
            <Button variant=ButtonVariant::Secondary on_click=move |_| deactivate(active)>"Switch learner"</Button>
        </p>
        <p class="nhsuk-body"><Link to=Route::Reflections class="nhsuk-link">"My reflections"</Link></p>

        <h2 class="nhsuk-heading-m">"Move my progress"</h2>
        <p class="nhsuk-body">"Your progress is kept in this browser on this device only. Download it to keep a copy safe, or to carry on on another device: there, add a learner, open this page and choose the file."</p>
        <p class="nhsuk-body">
            <Button variant=ButtonVariant::Secondary on_click=export>"Download my progress"</Button>
        </p>
        <FileField id="import-progress" label="Add progress from a file"
            hint="A file downloaded with “Download my progress”. Nothing is lost: where both have an answer, the newest is kept."
            error=Signal::derive(move || import_result.get().and_then(Result::err)) on_files=import />
        {move || import_result.get().map(|result| match result {
            Ok(message) => view! { <InsetText><p role="status">{message}</p></InsetText> }.into_any(),
            Err(message) => view! { <ErrorSummary title="The progress file could not be added" items=vec![ErrorItem { text: message, href: Some("import-progress".into()) }] /> }.into_any(),
        })}

        <StorageUse />

        <MyCohorts profile=profile.id.clone() />
        <h2 class="nhsuk-heading-m">"Delete this profile"</h2>
        {move || if confirming_delete.get() {
            let message = format!("This deletes {name}'s profile and every answer in it from this device. It cannot be undone. Download your progress first if you might want it later.");
            view! {
                <WarningCallout heading="Are you sure?">
                    <p>{message}</p>
                </WarningCallout>
                <div class="wex-button-group">
                    <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete.clone()>"Yes, delete everything"</button>
                    <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| confirming_delete.set(false)>"No, keep it"</button>
                </div>
            }.into_any()
        } else {
            view! {
                <p class="nhsuk-body">"This removes your profile and all your answers from this device."</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| confirming_delete.set(true)>"Delete my profile"</button>
            }.into_any()
        }}
    }
}

/// Reads a progress file and merges it into the profile's records.
async fn import_file(profile: &str, file: web_sys::File) -> Result<String, String> {
    if file.size() > wex_core::transfer::MAX_PROGRESS_FILE_BYTES as f64 {
        return Err("This file is too large to be a Wex progress file.".into());
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| "The file could not be read.".to_string())?;
    let text = text.as_string().unwrap_or_default();
    let incoming = ProgressFile::parse(text.as_bytes())?;
    let here = storage::records::for_profile(profile).await.map_err(|e| e.to_string())?;
    let merged = merge(&here, &incoming.records);
    let new: Vec<_> = merged.into_iter().filter(|r| !here.contains(r)).collect();
    storage::records::append(profile, &new).await.map_err(|e| e.to_string())?;
    Ok(format!("Added {} answers and actions from {}'s progress file. Everything you had here is kept.", new.len(), incoming.profile))
}

/// How much of this device's storage Wex uses, with a warning when it is nearly full.
#[component]
fn StorageUse() -> impl IntoView {
    let estimate = Load::new(crate::offline::storage_estimate);
    let mb = |bytes: f64| wex_core::words::file_size(bytes as u64);
    view! {
        <h2 class="nhsuk-heading-m">"Storage on this device"</h2>
        {move || match estimate.get() {
            Some(Some((used, quota))) => {
                let nearly_full = quota > 0.0 && used / quota > 0.8;
                view! {
                    <p class="nhsuk-body">{format!("Wex is using {} of the {} this browser lets it use.", mb(used), mb(quota))}</p>
                    {nearly_full.then(|| view! {
                        <WarningCallout heading="Storage is nearly full">
                            <p>"Download your progress now to keep it safe, then ask your IT team to free some space."</p>
                        </WarningCallout>
                    })}
                }.into_any()
            }
            Some(None) => view! { <p class="nhsuk-body">"This browser does not say how much storage Wex can use."</p> }.into_any(),
            None => ().into_any(),
        }}
    }
}

/// The cohorts this learner joined, each with a way to leave it (if they joined the
/// wrong one, or the course has ended). Leaving keeps their progress.
#[component]
fn MyCohorts(profile: String) -> impl IntoView {
    let problem = StorageProblem::get();
    let profile = StoredValue::new(profile);
    let joined = Load::new(move || async move { storage::cohorts::for_profile(&profile.get_value()).await.unwrap_or_default() });
    move || {
        let cohorts = joined.get().unwrap_or_default();
        if cohorts.is_empty() {
            return ().into_any();
        }
        view! {
            <h2 class="nhsuk-heading-m">"Your cohorts"</h2>
            <dl class="nhsuk-summary-list">
                {cohorts.into_iter().map(|c| {
                    let id = c.assignment.id.clone();
                    let leave = move |_| {
                        let id = id.clone();
                        spawn_local(async move {
                            let left = storage::cohorts::leave(&profile.get_value(), &id).await;
                            problem.report(&left);
                            joined.refetch();
                        });
                    };
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{c.assignment.cohort.clone()}</dt>
                            <dd class="nhsuk-summary-list__value">{format!("Set by {}, {}. Due {}.", c.assignment.tutor, c.assignment.organisation, long_date(&c.assignment.due))}</dd>
                            <dd class="nhsuk-summary-list__actions">
                                <button type="button" class="wex-link-button" on:click=leave>
                                    "Leave"<span class="nhsuk-u-visually-hidden">{format!(" {}", c.assignment.cohort)}</span>
                                </button>
                            </dd>
                        </div>
                    }
                }).collect_view()}
            </dl>
            <p class="nhsuk-body">"Leaving a cohort removes its due dates from your list of placements. Your progress and certificates stay."</p>
        }
        .into_any()
    }
}
