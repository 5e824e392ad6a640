//! "Check a certificate": anyone (a tutor, an admissions tutor) can check a Wex
//! credential file here, offline: the signature, the issuer, and whether it was
//! issued for a placement this site has, in the same version.

use crate::components::field::FileField;
use crate::components::nhs::{ErrorItem, ErrorSummary, Tag, TagColour};
use crate::components::page_heading::PageHeading;
use crate::placements::Placements;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use wex_core::credential::badge::{verify, Check};
use wex_core::credential::record::CompletionRecord;

/// The largest credential file the page reads.
const MAX_BYTES: f64 = 1024.0 * 1024.0;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Unreadable(String),
    Checked { learner: String, placement: String, checks: Vec<Check>, compared: bool, verified_by: Option<String> },
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    let placements = Placements::get();
    let outcome = RwSignal::new(None::<Outcome>);
    let pasted = RwSignal::new(String::new());
    let check_text = move |text: String| {
        spawn_local(async move {
            outcome.set(Some(check(placements, &text).await));
        });
    };
    // A link (or the certificate's QR code) can carry the credential in its
    // fragment, which never reaches a server: #z= compressed, #c= as it is.
    let fragment = window().location().hash().unwrap_or_default();
    if let Some(packed) = fragment.strip_prefix("#z=").map(str::to_string) {
        spawn_local(async move {
            match crate::components::qr::unpack_text(&packed).await {
                Some(text) => outcome.set(Some(check(placements, &text).await)),
                None => outcome.set(Some(Outcome::Unreadable("This link does not hold a readable certificate. Ask for the credential file instead.".into()))),
            }
        });
    } else if let Some(text) = from_fragment() {
        check_text(text);
    }
    let on_file = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else { return };
        if file.size() > MAX_BYTES {
            outcome.set(Some(Outcome::Unreadable("This file is too large to be a Wex certificate.".into())));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            outcome.set(Some(check(placements, &text).await));
        });
    };
    view! {
        <PageHeading text="Check a certificate" />
        <p class="nhsuk-body">"Choose a Wex certificate file or a completion record, or paste its text. Checking happens in this browser: nothing is sent anywhere. A completion record's scores are worked out again from what the learner did."</p>
        <FileField id="credential-file" label="Certificate file" on_files=on_file />
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="credential-text">"Or paste the certificate's text"</label>
            <textarea class="nhsuk-textarea" id="credential-text" rows="5" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        </div>
        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| check_text(pasted.get_untracked())>"Check the pasted text"</button>
        <div aria-live="polite">
            {move || outcome.get().map(|o| match o {
                Outcome::Unreadable(why) => view! {
                    <ErrorSummary title="This is not a certificate Wex can check" items=vec![ErrorItem::field(why, "credential-file")] />
                }.into_any(),
                Outcome::Checked { learner, placement, checks, compared, verified_by } => {
                    let failed: Vec<&Check> = checks.iter().filter(|c| !c.passed).collect();
                    let summary = if let (true, Some(organisation)) = (failed.is_empty(), verified_by) {
                        view! {
                            <div class="nhsuk-card wex-result wex-result--valid">
                                <div class="nhsuk-card__content">
                                    <h2 class="nhsuk-card__heading">{format!("Valid (verified by {organisation})")}</h2>
                                    <p class="nhsuk-card__description">{format!("{learner}: {placement}. A tutor checked the learner's record and countersigned it with a key that calls itself “{organisation}”. To be sure the key is theirs, compare its fingerprint with the organisation.")}</p>
                                </div>
                            </div>
                        }.into_any()
                    } else if failed.is_empty() {
                        view! {
                            <div class="nhsuk-card wex-result wex-result--valid">
                                <div class="nhsuk-card__content">
                                    <h2 class="nhsuk-card__heading">"Valid (self-declared)"</h2>
                                    <p class="nhsuk-card__description">{format!("{learner}: {placement}. The certificate is unchanged since it was issued by the learner's own device. That device's key proves nothing about who the learner is; a tutor's countersignature does.")}</p>
                                </div>
                            </div>
                        }.into_any()
                    } else {
                        let reasons: Vec<String> = failed.iter().map(|c| c.detail.clone()).collect();
                        view! {
                            <div class="nhsuk-card nhsuk-card--warning wex-result">
                                <div class="nhsuk-card__content">
                                    <h2 class="nhsuk-card__heading">"Not valid"</h2>
                                    <ul class="nhsuk-list nhsuk-list--bullet">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                                </div>
                            </div>
                        }.into_any()
                    };
                    view! {
                        {summary}
                        <h2 class="nhsuk-heading-m">"Each check"</h2>
                        {(!compared).then(|| view! {
                            <p class="nhsuk-body">"This site does not have the version of the placement the certificate names, so its content and scores were not compared."</p>
                        })}
                        <dl class="nhsuk-summary-list">
                            {checks.into_iter().map(|c| view! {
                                <div class="nhsuk-summary-list__row">
                                    <dt class="nhsuk-summary-list__key">{c.name.label()}</dt>
                                    <dd class="nhsuk-summary-list__value">
                                        {if c.passed { view! { <Tag colour=TagColour::Green text="Passed" /> }.into_any() } else { view! { <Tag colour=TagColour::Red text="Failed" /> }.into_any() }}
                                        " " {c.detail}
                                    </dd>
                                </div>
                            }).collect_view()}
                        </dl>
                    }.into_any()
                }
            })}
        </div>
    }
}

async fn check(placements: Placements, text: &str) -> Outcome {
    let (credential, records) = match CompletionRecord::read_certificate(text) {
        Ok(Some(read)) => read,
        Ok(None) => return Outcome::Unreadable("This is not a Wex certificate: it is not readable as a credential file.".into()),
        Err(why) => return Outcome::Unreadable(why),
    };
    let stated = wex_core::credential::badge::summary(&credential);
    let bundle = match &stated.placement {
        Some(named) => match placements.bundle(named.bundle.clone()).await {
            Ok(bundle) => placements.sha256(&named.bundle).await.filter(|s| *s == named.sha256).map(|s| (bundle, s)),
            Err(_) => None,
        },
        None => None,
    };
    let checks = verify(&credential, bundle.as_ref().map(|(b, s)| (b.as_ref(), s.as_str())), records.as_deref());
    let learner = if stated.learner.is_empty() { "A learner".to_string() } else { stated.learner };
    let placement = if stated.placement_title.is_empty() { "an unnamed placement".to_string() } else { stated.placement_title };
    Outcome::Checked { learner, placement, checks, compared: bundle.is_some(), verified_by: stated.verified_by }
}

fn from_fragment() -> Option<String> {
    use base64::Engine as _;
    let hash = window().location().hash().ok()?;
    let encoded = hash.strip_prefix("#c=")?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(encoded).ok()?;
    String::from_utf8(bytes).ok()
}
