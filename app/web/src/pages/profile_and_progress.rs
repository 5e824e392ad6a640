//! The learner's own page: switch learner, move progress to another device, and
//! delete the profile with everything in it.

use crate::components::field::FileField;
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary, InsetText, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::files::download;
use crate::load::Load;
use crate::session::deactivate;
use crate::router::{Link, Route};
use crate::journal::Journals;
use crate::notices::StorageProblem;
use crate::platform::now_ms;
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use wex_core::bundle::file_safe;
use wex_core::progress::{merge, Record};
use wex_core::scoring::bundle_result;
use wex_core::transfer::{Owner, ProgressFile};
use wex_core::words::long_date;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let active = ActiveProfile::get();
    let profile = active.profile_untracked().expect("the profile page is shown only to a learner");
    let problem = StorageProblem::get();
    let journals = Journals::get();
    let import_result = RwSignal::new(None::<Result<String, String>>);
    // Another learner's progress file, waiting for this learner to say what to do.
    let asking = RwSignal::new(None::<ProgressFile>);
    let confirming_delete = RwSignal::new(false);

    let export_profile = profile.clone();
    let export = move |_| {
        let profile = export_profile.clone();
        spawn_local(async move {
            let records = storage::records::for_profile(&profile.id).await;
            problem.report(&records);
            if let Ok(records) = records {
                let file = ProgressFile::new(&profile.id, &profile.name, now_ms(), records);
                let date = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
                download(&format!("wex-progress-{}-{}.json", file_safe(&profile.name), &date[..10]), &file.to_json(), "application/json");
            }
        });
    };

    let import_profile = profile.clone();
    let import_journals = journals.clone();
    let import = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        let profile = import_profile.clone();
        let journals = import_journals.clone();
        asking.set(None);
        import_result.set(None);
        spawn_local(async move {
            let incoming = match read_progress_file(file).await {
                Ok(incoming) => incoming,
                Err(why) => return import_result.set(Some(Err(why))),
            };
            match incoming.owner(&profile.id, &profile.name) {
                Owner::Same => {
                    let result = merge_into(&profile.id, &incoming).await.map(|added| added_message(added, "your progress file", "Everything you had here is kept."));
                    if result.is_ok() {
                        journals.clear();
                    }
                    import_result.set(Some(result));
                }
                // Nothing is merged until the learner has chosen.
                Owner::Other { .. } => asking.set(Some(incoming)),
            }
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
    let profile_for_question = profile.clone();
    view! {
        <PageHeading text=format!("{}'s profile", profile.name) />
        <p class="nhsuk-body">
            <Button variant=ButtonVariant::Secondary on_click=move |_| deactivate(active)>"Switch learner"</Button>
        </p>
        <p class="nhsuk-body"><Link to=Route::Reflections class="nhsuk-link">"My reflections"</Link></p>
        <MyPlacements profile=profile.id.clone() />

        <h2 class="nhsuk-heading-m">"Move my progress"</h2>
        <p class="nhsuk-body">"Your progress is kept in this browser on this device only. Download it to keep a copy safe, or to carry on on another device: there, add a learner, open this page and choose the file."</p>
        <p class="nhsuk-body">
            <Button variant=ButtonVariant::Secondary on_click=export>"Download my progress"</Button>
        </p>
        <FileField id="import-progress" label="Add progress from a file"
            hint="A file downloaded with “Download my progress”. Nothing is lost: where both have an answer, the newest is kept."
            error=Signal::derive(move || import_result.get().and_then(Result::err)) on_files=import />
        {move || asking.get().map(|incoming| view! {
            <OtherLearnersFile incoming=incoming profile=profile_for_question.clone() asking=asking import_result=import_result />
        })}
        {move || import_result.get().map(|result| match result {
            Ok(message) => view! { <InsetText><p role="status">{message}</p></InsetText> }.into_any(),
            Err(message) => view! { <ErrorSummary title="The progress file could not be added" items=vec![ErrorItem::field(message, "import-progress")] /> }.into_any(),
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

/// Reads a progress file someone chose.
async fn read_progress_file(file: web_sys::File) -> Result<ProgressFile, String> {
    if file.size() > wex_core::transfer::MAX_PROGRESS_FILE_BYTES as f64 {
        return Err("This file is too large to be a Wex progress file.".into());
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| "The file could not be read.".to_string())?;
    ProgressFile::parse(text.as_string().unwrap_or_default().as_bytes())
}

/// Merges a progress file into a profile's records; how many records were new.
async fn merge_into(profile: &str, incoming: &ProgressFile) -> Result<usize, String> {
    let here = storage::records::for_profile(profile).await.map_err(|e| e.to_string())?;
    let merged = merge(&here, &incoming.records);
    let new: Vec<Record> = merged.into_iter().filter(|r| !here.contains(r)).collect();
    storage::records::append(profile, &new).await.map_err(|e| e.to_string())?;
    Ok(new.len())
}

fn added_message(added: usize, from: &str, after: &str) -> String {
    format!("Added {} from {from}. {after}", records_in_words(added))
}

fn records_in_words(n: usize) -> String {
    if n == 1 {
        "1 answer or action".into()
    } else {
        format!("{n} answers and actions")
    }
}

/// Another learner's progress file: nothing goes in until the learner chooses to
/// add it to their own profile, or to add its learner to this device.
#[component]
fn OtherLearnersFile(
    incoming: ProgressFile,
    profile: crate::storage::profiles::Profile,
    asking: RwSignal<Option<ProgressFile>>,
    import_result: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let journals = Journals::get();
    let owner = incoming.profile.clone();
    let existing = Load::new({
        let learner = incoming.learner.clone();
        move || {
            let learner = learner.clone();
            async move {
                let profiles = storage::profiles::list().await.unwrap_or_default();
                learner.and_then(|id| profiles.into_iter().find(|p| p.id == id)).map(|p| p.name)
            }
        }
    });
    crate::focus::focus_soon("other-learners-file".into(), true);
    let file = StoredValue::new(incoming);
    let (here_id, here_name) = (profile.id.clone(), profile.name.clone());
    let add_here = move |_| {
        let (id, name) = (here_id.clone(), here_name.clone());
        let journals = journals.clone();
        spawn_local(async move {
            let incoming = file.get_value();
            let result = merge_into(&id, &incoming).await.map(|added| added_message(added, &format!("{}'s progress file", incoming.profile), &format!("It is now part of {name}'s progress.")));
            if result.is_ok() {
                journals.clear();
            }
            asking.set(None);
            import_result.set(Some(result));
        });
    };
    let add_new = move |_| {
        spawn_local(async move {
            let incoming = file.get_value();
            let id = incoming.learner.clone().unwrap_or_else(crate::platform::random_id);
            let learner = crate::storage::profiles::Profile::new(id.clone(), incoming.profile.clone(), None, now_ms());
            let result = match storage::profiles::save(&learner).await {
                Ok(()) => merge_into(&id, &incoming).await.map(|added| {
                    format!("Added {} as a new learner on this device, with {}. They can choose their name on “Who is learning?” (switch learner). Add a PIN by making a new profile if they want one.", incoming.profile, records_in_words(added))
                }),
                Err(e) => Err(e.to_string()),
            };
            asking.set(None);
            import_result.set(Some(result));
        });
    };
    let question = format!("This file is {owner}'s progress. Add it to {}'s profile?", profile.name);
    view! {
        <div class="nhsuk-warning-callout" id="other-learners-file" tabindex="-1">
            <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{question}</span></h3>
            <p>{format!("It was downloaded from {owner}'s profile, not from yours. If you add it, {owner}'s answers, reflections and certificates become part of your progress, and anyone using your profile will see them.")}</p>
            {let owner = owner.clone(); move || match existing.get() {
                Some(Some(name)) => view! { <p>{format!("{name} already has a profile on this device: switch learner to {name} and add the file there.")}</p> }.into_any(),
                Some(None) => view! {
                    <p>{format!("If this is {owner}'s progress for {owner} to carry on with, add {owner} as a new learner on this device instead.")}</p>
                }.into_any(),
                None => ().into_any(),
            }}
            <div class="wex-button-group">
                <Button on_click=add_here.clone()>{format!("Yes, add it to {}'s profile", profile.name)}</Button>
                {move || matches!(existing.get(), Some(None)).then(|| view! {
                    <Button variant=ButtonVariant::Secondary on_click=add_new>{format!("Add {owner} as a new learner on this device")}</Button>
                })}
                <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| asking.set(None)>"Cancel: add nothing"</button>
            </div>
        </div>
    }
}

/// Each placement this learner has started, with how far they are: what "Profile
/// and progress" promises.
#[component]
fn MyPlacements(profile: String) -> impl IntoView {
    let placements = crate::placements::Placements::get();
    let rows = Load::new(move || {
        let profile = profile.clone();
        async move {
            let records = storage::records::for_profile(&profile).await.unwrap_or_default();
            let mut rows = Vec::new();
            for (bundle, progress) in placements.with_progress(&records).await {
                let result = bundle_result(&bundle, &progress);
                let state = if progress.certificate().is_some() {
                    "Certificate received".to_string()
                } else if result.complete {
                    "Ready for your certificate".to_string()
                } else {
                    format!("{} of {} modules completed", result.completed_modules(), bundle.modules.len())
                };
                rows.push((bundle.id.clone(), bundle.title.clone(), state));
            }
            rows
        }
    });
    view! {
        <h2 class="nhsuk-heading-m">"Your progress"</h2>
        {move || match rows.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
            Some(rows) if rows.is_empty() => view! { <p class="nhsuk-body">"You have not started a placement yet."</p> }.into_any(),
            Some(rows) => view! {
                <dl class="nhsuk-summary-list">
                    {rows.into_iter().map(|(id, title, state)| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{title.clone()}</dt>
                            <dd class="nhsuk-summary-list__value">{state}</dd>
                            <dd class="nhsuk-summary-list__actions">
                                <Link to=Route::Placement { bundle: id } class="nhsuk-link">"Open"<span class="nhsuk-u-visually-hidden">{format!(" {title}")}</span></Link>
                            </dd>
                        </div>
                    }).collect_view()}
                </dl>
            }.into_any(),
        }}
    }
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
