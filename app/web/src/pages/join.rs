//! Joining a cohort: a tutor's signed assignment arrives in the link's fragment
//! (from a link or QR code) or as a file. Its signature is checked, the learner
//! sees who set it and what it asks, and joins with their profile.

use crate::components::field::FileField;
use crate::components::nhs::{Button, ErrorItem, ErrorSummary, InsetText, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::files::read_bytes;
use crate::placements::Placements;
use crate::load::Load;
use crate::pages::tutor::assignment::JOIN_FRAGMENT;
use crate::router::{use_router, Link, Route};
use crate::notices::StorageProblem;
use crate::platform::now_ms;
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wex_core::assignment::{open, SignedAssignment};
use wex_core::words::long_date;

/// The largest assignment file the page reads.
const MAX_ASSIGNMENT_BYTES: usize = 64 * 1024;

#[component]
pub fn JoinPage() -> impl IntoView {
    let opened = RwSignal::new(None::<Result<SignedAssignment, String>>);
    let read = move |text: &str| {
        let document: Result<serde_json::Value, _> = serde_json::from_str(text);
        opened.set(Some(document.map_err(|_| "This is not a Wex assignment.".to_string()).and_then(|d| open(&d))));
    };
    let fragment = window().location().hash().unwrap_or_default();
    if let Some(packed) = fragment.strip_prefix(JOIN_FRAGMENT).map(str::to_string) {
        spawn_local(async move {
            match crate::components::qr::unpack_text(&packed).await {
                Some(text) => read(&text),
                None => opened.set(Some(Err("This link does not hold a readable assignment: it may have been cut short when it was copied. Ask your tutor for the link again, or for the assignment file.".into()))),
            }
        });
    }
    let on_file = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        spawn_local(async move {
            match read_bytes(&file, MAX_ASSIGNMENT_BYTES, "This file is too large to be a Wex assignment.").await {
                Ok(bytes) => read(&String::from_utf8_lossy(&bytes)),
                Err(why) => opened.set(Some(Err(why))),
            }
        });
    };
    view! {
        <PageHeading text="Join a cohort" />
        {move || match opened.get() {
            Some(Ok(signed)) => view! { <Assignment signed=signed /> }.into_any(),
            other => {
                let error = other.and_then(Result::err);
                view! {
                    {error.clone().map(|why| view! {
                        <ErrorSummary title="This assignment cannot be used" items=vec![ErrorItem::field(why, "assignment-file")] />
                    })}
                    <p class="nhsuk-body">"Your tutor shares an assignment as a link, a QR code or a file. Open the link or scan the code on this device, or choose the file here."</p>
                    <FileField id="assignment-file" label="Assignment file" error=Signal::stored(error) on_files=on_file />
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn Assignment(signed: SignedAssignment) -> impl IntoView {
    let site = Placements::get();
    let active = ActiveProfile::get();
    let problem = StorageProblem::get();
    let router = use_router();
    let a = signed.assignment.clone();
    let placements = a.placements.clone();
    let listed = Load::new(move || async move { site.index().await.map(|i| i.bundles.into_iter().map(|e| e.listing).collect::<Vec<_>>()).unwrap_or_default() });
    let fingerprint = wex_core::keys::did_fingerprint(&signed.tutor_key).unwrap_or_default();
    let joining = RwSignal::new(false);
    let signed = StoredValue::new(signed);
    let join = move |_| {
        joining.set(true);
        let profile = active.id();
        spawn_local(async move {
            let saved = storage::cohorts::join(&profile, &signed.get_value(), now_ms()).await;
            problem.report(&saved);
            joining.set(false);
            if saved.is_ok() {
                router.navigate(Route::Catalogue);
            }
        });
    };
    view! {
        <p class="nhsuk-body-l">{format!("{} at {} has set you an assignment.", a.tutor, a.organisation)}</p>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Cohort"</dt><dd class="nhsuk-summary-list__value">{a.cohort.clone()}</dd></div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Placements"</dt>
                <dd class="nhsuk-summary-list__value">
                    <ul class="nhsuk-list">
                        {move || {
                            let listed = listed.get().unwrap_or_default();
                            placements.iter().map(|p| match listed.iter().find(|l| l.id == p.bundle).cloned() {
                                Some(l) if l.version == p.version => view! { <li><Link to=Route::Placement { bundle: l.id.clone() } class="nhsuk-link">{l.title.clone()}</Link></li> }.into_any(),
                                Some(l) => view! { <li>{format!("{} (your tutor set version {}; this site has version {})", l.title, p.version, l.version)}</li> }.into_any(),
                                None => view! { <li>{format!("“{}”, which is not on this site. Ask your tutor where to find it.", p.bundle)}</li> }.into_any(),
                            }).collect_view()
                        }}
                    </ul>
                </dd>
            </div>
            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Due"</dt><dd class="nhsuk-summary-list__value">{long_date(&a.due)}</dd></div>
            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Instructions"</dt><dd class="nhsuk-summary-list__value wex-pre-line">{if a.instructions.is_empty() { "None".to_string() } else { a.instructions.clone() }}</dd></div>
            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Tutor's key"</dt><dd class="nhsuk-summary-list__value"><code>{fingerprint}</code></dd></div>
        </dl>
        <InsetText>
            <p>"The assignment is signed with your tutor's key, and the signature checks out. If you are not sure it came from your tutor, ask them whether their key's fingerprint matches the one above."</p>
        </InsetText>
        <WarningCallout heading="What your tutor will see">
            <p>"Nothing is sent to your tutor by joining. When you finish a placement, you choose whether to hand in a completion record. It shows your answers and scores, and only the reflections you choose to share."</p>
        </WarningCallout>
        <Button on_click=join disabled=joining>"Join this cohort"</Button>
    }
}
