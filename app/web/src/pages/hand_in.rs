//! Handing in: the learner's completion record for their tutor (for a cohort they
//! joined, with the reflections they choose to share), as a download or through
//! the device's share sheet; and adding the countersigned certificate the tutor
//! hands back.

use crate::components::field::FileField;
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary};
use crate::files::{can_share, download, read_bytes, share};
use crate::load::Load;
use crate::journal::Journal;
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::sync::Arc;
use wex_core::bundle::{file_safe, Bundle};
use wex_core::credential::countersign::accept;
use wex_core::credential::record::{reflection_choices, CompletionRecord};
use wex_core::progress::{Action, ItemId};

/// The largest countersigned certificate file read.
const MAX_VERIFIED_BYTES: usize = 1024 * 1024;

#[component]
pub fn HandIn(bundle: Arc<Bundle>, credential: serde_json::Value, journal: Journal) -> impl IntoView {
    let active = ActiveProfile::get();
    let bundle_id = bundle.id.clone();
    let cohorts = Load::new(move || {
        let profile = active.id();
        let bundle_id = bundle_id.clone();
        async move {
            let joined = storage::cohorts::for_profile(&profile).await.unwrap_or_default();
            joined.into_iter().filter(|j| j.assignment.placements.iter().any(|p| p.bundle == bundle_id)).collect::<Vec<_>>()
        }
    });
    let choices = journal.records.with_untracked(|r| reflection_choices(&bundle, r));
    let shared = RwSignal::new(choices.iter().filter(|c| c.shared).map(|c| c.item.clone()).collect::<BTreeSet<_>>());
    let cohort = RwSignal::new(None::<String>);
    let shared_out = RwSignal::new(None::<String>);
    let learner = active.profile_untracked().map(|p| p.name).unwrap_or_default();
    let file_name = format!("wex-completion-record-{}-{}.json", bundle.id, file_safe(&learner));
    let record_bundle = bundle.clone();
    let credential = StoredValue::new(credential);
    let record_bundle = StoredValue::new(record_bundle);
    let make_record = move || {
        let joined = cohorts.get_untracked().unwrap_or_default();
        // With one cohort for this placement, it is the one; with several, the chosen one.
        let assignment = cohort.get_untracked().or_else(|| (joined.len() == 1).then(|| joined[0].assignment.id.clone()));
        let share: Vec<ItemId> = shared.get_untracked().into_iter().collect();
        let record = journal.records.with_untracked(|r| CompletionRecord::hand_in(credential.get_value(), r, assignment, &record_bundle.get_value(), &share));
        serde_json::to_string(&record).unwrap_or_default()
    };
    let shareable = can_share(&file_name, "{}");
    let (download_name, share_name) = (file_name.clone(), file_name);
    let title = format!("My completion record: {}", bundle.title);
    view! {
        <h2 class="nhsuk-heading-m">"Hand in to your tutor"</h2>
        <p class="nhsuk-body">"Your completion record lets your tutor check your certificate and see your answers and scores. Send it to them the way they asked, for example by email or Google Classroom."</p>
        {move || {
            let joined = cohorts.get().unwrap_or_default();
            match joined.len() {
                0 => view! { <p class="nhsuk-body">"You have not joined a cohort for this placement. You can still hand in the record; your tutor can add it to any assignment for this placement."</p> }.into_any(),
                1 => view! { <p class="nhsuk-body">{format!("It will be handed in for “{}” ({}).", joined[0].assignment.cohort, joined[0].assignment.organisation)}</p> }.into_any(),
                _ => view! {
                    <div class="nhsuk-form-group">
                        <fieldset class="nhsuk-fieldset">
                            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which cohort is this for?"</legend>
                            <div class="nhsuk-radios">
                                {joined.into_iter().enumerate().map(|(n, j)| {
                                    let id = format!("handin-cohort-{n}");
                                    let value = j.assignment.id.clone();
                                    let picked = value.clone();
                                    view! {
                                        <div class="nhsuk-radios__item">
                                            <input class="nhsuk-radios__input" id=id.clone() type="radio" name="handin-cohort"
                                                prop:checked=move || cohort.with(|c| c.as_deref() == Some(picked.as_str()))
                                                on:change=move |_| cohort.set(Some(value.clone())) />
                                            <label class="nhsuk-label nhsuk-radios__label" for=id>{format!("{} ({})", j.assignment.cohort, j.assignment.organisation)}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    </div>
                }.into_any(),
            }
        }}
        {(!choices.is_empty()).then(|| view! {
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset" aria-describedby="handin-reflections-hint">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which reflections do you want to share?"</legend>
                    <div class="nhsuk-hint" id="handin-reflections-hint">"Your reflections are yours. Your tutor sees the words only of those you tick; for the others, only how many words you wrote."</div>
                    <div class="nhsuk-checkboxes">
                        {choices.iter().enumerate().map(|(n, c)| {
                            let id = format!("handin-reflection-{n}");
                            let (item, toggle) = (c.item.clone(), c.item.clone());
                            view! {
                                <div class="nhsuk-checkboxes__item">
                                    <input class="nhsuk-checkboxes__input" id=id.clone() type="checkbox"
                                        prop:checked=move || shared.with(|s| s.contains(&item))
                                        on:change=move |ev| { let on = event_target_checked(&ev); shared.update(|s| { if on { s.insert(toggle.clone()); } else { s.remove(&toggle); } }) } />
                                    <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{format!("{}: {}", c.module, c.step)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        })}
        <div class="wex-button-group">
            <Button on_click=move |_| download(&download_name, &make_record(), "application/json")>"Download your completion record"</Button>
            {shareable.then(|| {
                let (name, title) = (share_name.clone(), title.clone());
                view! {
                    <Button variant=ButtonVariant::Secondary on_click=move |_| {
                        let (name, title, text) = (name.clone(), title.clone(), make_record());
                        spawn_local(async move {
                            if share(&name, &text, &title).await { shared_out.set(Some("Shared.".into())); }
                        });
                    }>"Share it"</Button>
                }
            })}
        </div>
        <p class="nhsuk-body" role="status">{move || shared_out.get()}</p>
    }
}

#[component]
pub fn AddVerification(credential: serde_json::Value, journal: Journal) -> impl IntoView {
    let active = ActiveProfile::get();
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let credential = StoredValue::new(credential);
    let on_file = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        let profile = active.id();
        spawn_local(async move {
            let outcome = async {
                let bytes = read_bytes(&file, MAX_VERIFIED_BYTES, "This file is too large to be a verified certificate.").await?;
                let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| "This is not a verified certificate from a tutor.".to_string())?;
                let tutors: Vec<String> = storage::cohorts::for_profile(&profile).await.map_err(|e| e.to_string())?.into_iter().map(|j| j.tutor_key).collect();
                let verification = credential.with_value(|c| accept(&value, c, &tutors))?;
                Ok::<_, String>((verification, value.to_string()))
            }
            .await;
            match outcome {
                Ok((verification, json)) => {
                    journal.record(&ItemId::certificate(), Action::Countersigned { credential: json });
                    error.set(None);
                    done.set(Some(format!("Added. Your certificate now says it is verified by {}.", verification.organisation)));
                }
                Err(why) => {
                    done.set(None);
                    error.set(Some(why));
                }
            }
        });
    };
    view! {
        <h2 class="nhsuk-heading-m">"Add your tutor's verification"</h2>
        <p class="nhsuk-body">"When your tutor has checked your completion record, they can send you back a verified certificate file. Add it here and your certificate will say who verified it."</p>
        {move || error.get().map(|why| view! { <ErrorSummary title="The verification was not added" items=vec![ErrorItem::field(why, "verification-file")] /> })}
        <FileField id="verification-file" label="Verified certificate file" error=error on_files=on_file />
        <p class="nhsuk-body" role="status">{move || done.get()}</p>
    }
}
