//! What countersigning gave: the certificates to hand back to learners, and each
//! record that could not be countersigned, with why.

use crate::components::nhs::{Button, ButtonVariant, WarningCallout};
use crate::files::download;
use leptos::prelude::*;
use wex_core::tracker::{Countersigned, HandBack};

#[component]
pub fn CountersignResult(done: RwSignal<Countersigned>) -> impl IntoView {
    move || {
        let Countersigned { handed_back, refused } = done.get();
        view! {
            {(!handed_back.is_empty()).then(|| view! { <HandBackList files=handed_back /> })}
            {(!refused.is_empty()).then(|| view! {
                <WarningCallout heading="Some certificates were not countersigned">
                    <ul class="nhsuk-list" role="alert">{refused.into_iter().map(|why| view! { <li>{why}</li> }).collect_view()}</ul>
                </WarningCallout>
            })}
        }
    }
}

#[component]
fn HandBackList(files: Vec<HandBack>) -> impl IntoView {
    let files = StoredValue::new(files);
    let all = move |_| {
        for file in files.get_value() {
            download(&file.file, &file.json, "application/json");
        }
    };
    view! {
        <div class="nhsuk-card nhsuk-card--feature">
            <div class="nhsuk-card__content nhsuk-card__content--feature">
                <h3 class="nhsuk-card__heading nhsuk-card__heading--feature" tabindex="-1">"Countersigned certificates to hand back"</h3>
                <p class="nhsuk-body">"Send each learner their file. When they add it on their certificate page, their certificate says it is verified by your school or college."</p>
                <ul class="nhsuk-list">
                    {files.get_value().into_iter().map(|f| {
                        let (name, json) = (f.file.clone(), f.json.clone());
                        view! { <li><button type="button" class="wex-link-button" on:click=move |_| download(&name, &json, "application/json")>{format!("Download for {}", f.label)}</button></li> }
                    }).collect_view()}
                </ul>
                <Button variant=ButtonVariant::Secondary on_click=all>"Download all"</Button>
            </div>
        </div>
    }
}

