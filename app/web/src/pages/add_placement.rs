//! "Add a placement": a packed file received from a trust (by email, a USB stick, a
//! shared drive) is checked exactly as `wex verify` would (format, content hash,
//! publisher signature, size), labelled honestly, and stored on this device, where
//! it works offline. Newer versions replace older ones; progress carries over.

use crate::components::drop_zone::DropZone;
use crate::components::field::FileField;
use crate::components::nhs::{Button, ErrorItem, ErrorSummary, Tag, TagColour, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::files::{chosen_files, read_bytes};
use crate::placements::{fetch_text, Placements, BUNDLES_FOLDER};
use crate::load::Load;
use crate::router::{Link, Route};
use crate::notices::StorageProblem;
use crate::platform::{mark, measure, now_ms};
use crate::session::ActiveProfile;
use crate::storage;
use crate::storage::added::Added;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wex_core::adding::{answers_without_a_step, assess, Assessment, Change, Installed, PublisherList, TrustedPublisher, PUBLISHERS_FILE};
use wex_core::pack::{unpack, Packed, MAX_PACKED_BYTES};
use wex_core::words::{capitalised, file_size};

/// A file that passed every check, waiting for the learner's decision.
#[derive(Clone, Debug, PartialEq)]
struct Checked {
    packed: Packed,
    text: String,
    assessment: Assessment,
}

#[component]
pub fn AddPlacement() -> impl IntoView {
    let placements = Placements::get();
    let problem = StorageProblem::get();
    let active = ActiveProfile::get();
    let checked = RwSignal::new(None::<Checked>);
    let error = RwSignal::new(None::<String>);
    let confirmed = RwSignal::new(false);
    let working = RwSignal::new(false);
    let done = RwSignal::new(None::<(String, String, String)>);

    let check = move |file: web_sys::File| {
        mark("wex-add-check-start");
        working.set(true);
        // A new file: the last file's message no longer applies.
        error.set(None);
        checked.set(None);
        done.set(None);
        confirmed.set(false);
        spawn_local(async move {
            let outcome = async {
                let too_large = format!(
                    "This file is {}. A placement file can be at most {}: ask the trust for a smaller one.",
                    file_size(file.size() as u64),
                    file_size(MAX_PACKED_BYTES as u64)
                );
                let bytes = read_bytes(&file, MAX_PACKED_BYTES, &too_large).await?;
                let packed = unpack(&bytes).map_err(|e| capitalised(&e.to_string()) + ".")?;
                let text = String::from_utf8(bytes).map_err(|_| "This is not a Wex placement file.".to_string())?;
                let trusted = trusted_publishers().await;
                let index = placements.index().await.ok();
                let mut installed = index.as_ref().and_then(|i| i.bundles.iter().find(|e| e.listing.id == packed.bundle.id)).map(|e| Installed {
                    version: e.listing.version.clone(),
                    sha256: e.sha256.clone(),
                    signed_by: None,
                });
                if let Some(there) = installed.as_mut() {
                    // The signature of what is there now, to spot a different publisher.
                    there.signed_by = storage::added::list().await.ok().and_then(|all| all.into_iter().find(|a| a.listing.id == packed.bundle.id)).and_then(|a| a.signed_by);
                }
                let assessment = assess(&packed, &trusted, installed.as_ref());
                Ok(Checked { packed, text, assessment })
            }
            .await;
            match outcome {
                Ok(c) => {
                    error.set(None);
                    checked.set(Some(c));
                }
                Err(why) => error.set(Some(why)),
            }
            measure("wex-add-check", "wex-add-check-start");
            working.set(false);
        });
    };

    let add = move |_| {
        let Some(c) = checked.get_untracked() else { return };
        if !c.assessment.confirm.is_empty() && !confirmed.get_untracked() {
            error.set(Some("Confirm that you want to add this placement, or choose another file.".into()));
            return;
        }
        working.set(true);
        mark("wex-add-store-start");
        let profile = active.id();
        spawn_local(async move {
            let bundle = &c.packed.bundle;
            let added = Added {
                listing: bundle.listing(),
                sha256: c.packed.sha256.clone(),
                signed_by: c.packed.signed_by.clone(),
                signature: c.assessment.signature.clone(),
                added_ms: now_ms(),
            };
            let saved = storage::added::add(&added, c.text.clone()).await;
            measure("wex-add-store", "wex-add-store-start");
            problem.report(&saved);
            working.set(false);
            if saved.is_err() {
                return;
            }
            placements.reload();
            let records = storage::records::for_bundle(&profile, &bundle.id).await.unwrap_or_default();
            let kept = answers_without_a_step(bundle, &records);
            let note = match (&c.assessment.change, kept) {
                (Change::New, _) => String::new(),
                (_, 0) => "Your progress carries over.".into(),
                (_, 1) => "Your progress carries over. 1 of your answers is for a step that is not in this version: it is kept, and included when you download your progress.".into(),
                (_, n) => format!("Your progress carries over. {n} of your answers are for steps that are not in this version: they are kept, and included when you download your progress."),
            };
            checked.set(None);
            done.set(Some((bundle.id.clone(), format!("Added “{}” (version {}).", bundle.title, bundle.version), note)));
        });
    };

    view! {
        <crate::components::nhs::BackLink to=Route::Catalogue text="All placements" />
        <PageHeading text="Add a placement" />
        <p class="nhsuk-body">"A trust or your school can send you a placement as a file (it ends in .wex.json). Add it here to use it on this device, even offline. Wex checks the file first: that it is a complete Wex placement, that nothing in it has changed since it was packed, and who signed it."</p>
        {move || error.get().map(|why| view! {
            <ErrorSummary title="This placement was not added" items=vec![ErrorItem::field(why, "placement-file")] />
        })}
        {move || done.get().map(|(id, text, note)| view! {
            <div class="nhsuk-card nhsuk-card--feature">
                <div class="nhsuk-card__content nhsuk-card__content--feature">
                    <h2 class="nhsuk-card__heading nhsuk-card__heading--feature" role="status">{text}</h2>
                    {(!note.is_empty()).then(|| view! { <p class="nhsuk-body">{note.clone()}</p> })}
                    <p class="nhsuk-body"><Link to=Route::Placement { bundle: id.clone() } class="nhsuk-link">"Open the placement"</Link></p>
                </div>
            </div>
        })}
        <DropZone on_drop=move |transfer| {
            if let Some(file) = chosen_files(transfer.files()).into_iter().next() {
                check(file)
            }
        }>
            <FileField id="placement-file" label="Placement file" bold=true hint="Choose the file, or drag it here." error=error
                on_files={move |files: Vec<web_sys::File>| if let Some(file) = files.into_iter().next() { check(file) }} />
        </DropZone>
        {move || working.get().then(|| view! { <p class="nhsuk-body" role="status">"Checking…"</p> })}
        {move || checked.get().map(|c| {
            let b = &c.packed.bundle;
            let colour = if c.assessment.signature.trusted() { TagColour::Green } else { TagColour::Yellow };
            let change = match &c.assessment.change {
                Change::New => "A new placement on this device.".to_string(),
                Change::AlreadyThere => "You already have this exact placement: there is nothing to add.".to_string(),
                Change::Newer { from } => format!("A newer version: it replaces version {from}. Your progress carries over."),
                Change::SameVersionDifferent => format!("Another file for version {}.", b.version),
                Change::Older { installed } => format!("An older version than the one you have ({installed})."),
            };
            let needs_confirm = !c.assessment.confirm.is_empty();
            let already = c.assessment.change == Change::AlreadyThere;
            view! {
                <h2 class="nhsuk-heading-m">{b.title.clone()}</h2>
                <dl class="nhsuk-summary-list">
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Publisher"</dt><dd class="nhsuk-summary-list__value">{b.publisher.name.clone()}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Signature"</dt><dd class="nhsuk-summary-list__value"><Tag colour=colour text=c.assessment.signature.label() /></dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Version"</dt><dd class="nhsuk-summary-list__value">{b.version.clone()}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"What adding it does"</dt><dd class="nhsuk-summary-list__value">{change}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Modules"</dt><dd class="nhsuk-summary-list__value">{b.modules.len()}</dd></div>
                </dl>
                {needs_confirm.then(|| view! {
                    <WarningCallout heading="Check before you add it">
                        <ul class="nhsuk-list nhsuk-list--bullet">{c.assessment.confirm.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                        <div class="nhsuk-checkboxes">
                            <div class="nhsuk-checkboxes__item">
                                <input class="nhsuk-checkboxes__input" id="confirm-add" type="checkbox" prop:checked=move || confirmed.get() on:change=move |ev| confirmed.set(event_target_checked(&ev)) />
                                <label class="nhsuk-label nhsuk-checkboxes__label" for="confirm-add">"I understand, add it anyway"</label>
                            </div>
                        </div>
                    </WarningCallout>
                })}
                {(!already).then(|| view! { <Button on_click=add disabled=working>"Add this placement"</Button> })}
            }
        })}
    }
}

/// The publishers this site trusts (`bundles/publishers.json`); none if it has no list.
async fn trusted_publishers() -> Vec<TrustedPublisher> {
    match fetch_text(&format!("{BUNDLES_FOLDER}{PUBLISHERS_FILE}")).await {
        Ok(text) => PublisherList::parse(&text).unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// On a placement added on this device: what it is, and removing it.
#[component]
pub fn AddedHere(id: String) -> impl IntoView {
    let placements = Placements::get();
    let problem = StorageProblem::get();
    let router = crate::router::use_router();
    let id = StoredValue::new(id);
    let added = Load::new(move || async move {
        let id = id.get_value();
        if !placements.added_here(&id).await {
            return None;
        }
        storage::added::list().await.ok()?.into_iter().find(|a| a.listing.id == id)
    });
    let confirm = RwSignal::new(false);
    let remove = move |_| {
        spawn_local(async move {
            let removed = storage::added::remove(&id.get_value()).await;
            problem.report(&removed);
            if removed.is_ok() {
                placements.reload();
                router.navigate(Route::Catalogue);
            }
        });
    };
    move || {
        added.get().flatten().map(|a| {
            view! {
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>{format!("Added on this device from a file. {}.", a.signature.label())}</p>
                    {move || if confirm.get() {
                        view! {
                            <p>"Remove it from this device? Your progress on it is kept, and comes back if you add it again."</p>
                            <div class="wex-button-group">
                                <Button variant=crate::components::nhs::ButtonVariant::Secondary on_click=remove>"Yes, remove it"</Button>
                                <button type="button" class="wex-link-button wex-button-group__link" on:click=move |_| confirm.set(false)>"Keep it"</button>
                            </div>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="wex-link-button" on:click=move |_| confirm.set(true)>"Remove this placement from this device"</button> }.into_any()
                    }}
                </div>
            }
        })
    }
}
