//! The learner's certificate: issued (and signed by this profile's device key) once
//! the completion rules are met, printable on one A4 landscape page, and
//! downloadable as an Open Badges 3.0 credential file.

use crate::components::nhs::{BackLink, Button, ButtonVariant, InsetText, WarningCallout};
use crate::components::page_heading::PageHeading;
use crate::files::download;
use crate::load::Load;
use crate::pages::not_found::NotFound;
use crate::router::{Link, Route};
use crate::journal::{Journal, open_placement};
use crate::notices::StorageProblem;
use crate::platform::{local_day, now_iso, random_bytes, uuid_v4};
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wex_core::bundle::{file_safe, Bundle};
use wex_core::credential::badge::{issue, Issue};
use wex_core::credential::certificate_log;
use wex_core::progress::{Action, ItemId, Progress};
use wex_core::scoring::{bundle_result, stated_score};
use wex_core::time_spent;

#[component]
pub fn CertificatePage(bundle: String) -> impl IntoView {
    let loaded = open_placement(bundle);
    move || match loaded.get() {
        None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
        Some(Err(why)) => view! { <NotFound message=why /> }.into_any(),
        Some(Ok(open)) => view! { <Certificate bundle=open.bundle sha256=open.sha256 journal=open.journal /> }.into_any(),
    }
}

#[component]
fn Certificate(bundle: Arc<Bundle>, sha256: String, journal: Journal) -> impl IntoView {
    let active = ActiveProfile::get();
    let problem = StorageProblem::get();
    let certificate = Memo::new(move |_| journal.records.with(|r| Progress::replay(r.iter()).certificate().map(str::to_string)));
    let result = journal.records.with_untracked(|r| bundle_result(&bundle, &Progress::replay(r.iter())));
    let back = Route::Placement { bundle: bundle.id.clone() };
    let issuing = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let issue_bundle = bundle.clone();
    let get_certificate = move |_| {
        let Some(mut profile) = active.profile_untracked() else { return };
        issuing.set(true);
        failed.set(None);
        let bundle = issue_bundle.clone();
        let sha256 = sha256.clone();
        spawn_local(async move {
            let seed = match profile.device_key {
                Some(seed) => seed,
                None => {
                    let seed = random_bytes::<32>();
                    profile.device_key = Some(seed);
                    let saved = storage::profiles::save(&profile).await;
                    problem.report(&saved);
                    active.update(profile.clone());
                    seed
                }
            };
            let records = journal.records.with_untracked(|r| certificate_log(&bundle, r));
            let issued_at = now_iso();
            let id = uuid_v4();
            let input = Issue { learner_name: &profile.name, bundle: &bundle, bundle_sha256: &sha256, records: &records, issued_at: &issued_at, credential_id: &id };
            match issue(&input, &seed) {
                Ok(credential) => journal.record(&ItemId::certificate(), Action::Certified { credential: credential.to_string() }),
                // Not a storage problem: the banner for those says progress is not saved.
                Err(why) => failed.set(Some(why)),
            }
            issuing.set(false);
        });
    };
    view! {
        <div class="wex-no-print"><BackLink to=back.clone() text="Back to the placement" /></div>
        {move || match certificate.get() {
            Some(json) => view! { <IssuedCertificate bundle=bundle.clone() json=json journal=journal /> }.into_any(),
            None if result.complete => view! {
                <PageHeading text="Your certificate" caption=bundle.title.clone() />
                <p class="nhsuk-body">"You have met this placement's completion rules. Your certificate is made and signed on this device."</p>
                {move || failed.get().map(|why| view! { <WarningCallout heading="Your certificate could not be made"><p role="alert">{why}</p></WarningCallout> })}
                <Button on_click=get_certificate.clone() disabled=issuing>"Get my certificate"</Button>
            }.into_any(),
            None => view! {
                <PageHeading text="Your certificate" caption=bundle.title.clone() />
                <p class="nhsuk-body">"To earn the certificate for this placement:"</p>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {result.still_to_do.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                </ul>
                <p class="nhsuk-body"><Link to=back.clone() class="nhsuk-link">"Back to the placement"</Link></p>
            }.into_any(),
        }}
    }
}

/// The printable certificate, from the signed credential.
#[component]
fn IssuedCertificate(bundle: Arc<Bundle>, json: String, journal: Journal) -> impl IntoView {
    let credential: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let stated = wex_core::credential::badge::summary(&credential);
    let (learner, issued, id) = (stated.learner, stated.issued_at, stated.id);
    let day = local_day(&issued);
    let overall = stated.score;
    let spent = stated.time_spent_ms;
    let file = format!("wex-certificate-{}-{}.json", bundle.id, file_safe(&learner));
    let verified_file = format!("wex-verified-certificate-{}-{}.json", bundle.id, file_safe(&learner));
    // A tutor's countersignature, accepted earlier on this device (see hand_in.rs).
    let countersigned = Memo::new(move |_| journal.records.with(|r| Progress::replay(r.iter()).countersigned().map(str::to_string)));
    let verified = Memo::new(move |_| {
        let value: serde_json::Value = serde_json::from_str(&countersigned.get()?).ok()?;
        let stated = wex_core::credential::badge::summary(&value);
        Some((stated.verified_by?, local_day(&stated.issued_at)))
    });
    let download_json = json.clone();
    let verify_href = Route::Verify.href();
    // The QR code opens this site's check page with the certificate in the link's
    // fragment, which browsers never send to a server.
    let packed_json = json.clone();
    let check_link = Load::new(move || {
        let json = packed_json.clone();
        async move {
            let data = crate::components::qr::pack_text(&json).await?;
            let origin = window().location().origin().ok()?;
            Some(format!("{origin}{}#z={data}", Route::Verify.href()))
        }
    });
    view! {
        <div class="wex-certificate">
            <p class="wex-certificate__kicker">"Certificate of completion"</p>
            <h1 class="nhsuk-heading-xl wex-certificate__name" tabindex="-1">{learner.clone()}</h1>
            <p class="nhsuk-body-l">"has completed the virtual work experience placement"</p>
            <h2 class="nhsuk-heading-l">{bundle.title.clone()}</h2>
            <p class="nhsuk-body">
                {format!("Published by {}. {}", bundle.publisher.name, time_spent::certificate_line(bundle.minutes, spent))}
                {stated_score(&overall).map_or_else(|| ".".to_string(), |score| format!("; overall score {score}."))}
            </p>
            <div class="wex-certificate__columns">
                <div>
                    <h3 class="nhsuk-heading-s">"Modules completed"</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{bundle.modules.iter().filter(|m| bundle.completion.required_modules.contains(&m.id)).map(|m| view! { <li>{m.title.clone()}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h3 class="nhsuk-heading-s">"Learning outcomes"</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{bundle.learning_outcomes.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
                </div>
            </div>
            <p class="nhsuk-body-s">{format!("Completed on {day}. Credential {id}.")}</p>
            {move || check_link.get().flatten().map(|link| view! {
                <div class="wex-certificate__check">
                    <crate::components::qr::QrCodeSvg text=link.clone() label="QR code: opens the page that checks this certificate" />
                    <p class="nhsuk-body-s">
                        "Scan the code to check this certificate"
                        <span class="wex-no-print">", or open "<a class="nhsuk-link" href=link>"its check page"</a></span>
                        "."
                    </p>
                </div>
            })}
            {move || match verified.get() {
                Some((organisation, day)) => view! {
                    <p class="nhsuk-body-s wex-certificate__trust wex-certificate__trust--verified">
                        <strong>{format!("Verified by {organisation}.")}</strong>
                        {format!(" A tutor checked the learner's record of this placement and countersigned this certificate on {day}.")}
                    </p>
                }.into_any(),
                None => view! {
                    <p class="nhsuk-body-s wex-certificate__trust">
                        <strong>"Self-declared."</strong>
                        " Issued by the learner's own device: it shows what was recorded on that device, not who the learner is. A tutor's countersignature makes it verified."
                    </p>
                }.into_any(),
            }}
        </div>
        <div class="wex-button-group wex-no-print">
            <Button on_click=move |_| { let _ = window().print(); }>"Print"</Button>
            <Button variant=ButtonVariant::Secondary on_click=move |_| download(&file, &download_json, "application/json")>"Download the credential file"</Button>
            <a class="nhsuk-link wex-button-group__link" href=verify_href>"Check a certificate"</a>
        </div>
        <div class="wex-no-print">
            <InsetText>
                <p>"The credential file is an Open Badges 3.0 certificate. Anyone can check it on the “Check a certificate” page of this site, with no account and no internet connection needed."</p>
            </InsetText>
            {move || verified.get().map(|_| {
                let verified_file = verified_file.clone();
                view! {
                <Button variant=ButtonVariant::Secondary on_click=move |_| {
                    if let Some(json) = countersigned.get_untracked() { download(&verified_file, &json, "application/json") }
                }>"Download the verified credential file"</Button>
            }})}
            <crate::pages::hand_in::HandIn bundle=bundle.clone() credential=credential.clone() journal=journal />
            <crate::pages::hand_in::AddVerification credential=credential.clone() journal=journal />
        </div>
    }
}
