//! "Download for a learning platform": the checked placement as a SCORM package,
//! with the learner's app from this very site, the same bytes as `wex scorm` makes
//! from the same folder and built site (core's `scorm::package` chooses the files,
//! `archive::zip_compressed` writes the zip).

use crate::components::nhs::{Button, InsetText};
use crate::files::download_bytes;
use crate::placements::fetch_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use wex_core::bundle::Bundle;
use wex_core::scorm::{self, Standard};

/// The most site files a package takes (the app, its snippets, the stylesheet and
/// its images): a guard against a site that never stops naming more.
const MOST_SITE_FILES: usize = 200;

#[component]
pub fn LmsPackage(bundle: Arc<Bundle>) -> impl IntoView {
    let standard = RwSignal::new(Standard::Scorm12);
    let state = RwSignal::new(State::Ready);
    let radios = Standard::ALL
        .into_iter()
        .map(|choice| {
            let id = format!("lms-standard-{}", choice.key().replace('.', "-"));
            let hint = match choice {
                Standard::Scorm12 => "Most platforms take it: Moodle, Canvas, Blackboard, Totara.",
                Standard::Scorm2004 => "Choose it if your platform asks for 2004: it keeps longer written answers.",
            };
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=id.clone() name="lms-standard" type="radio" aria-describedby=format!("{id}-hint")
                        prop:checked=move || standard.get() == choice on:change=move |_| standard.set(choice) />
                    <label class="nhsuk-label nhsuk-radios__label" for=id.clone()>{choice.label()}</label>
                    <div class="nhsuk-hint nhsuk-radios__hint" id=format!("{id}-hint")>{hint}</div>
                </div>
            }
        })
        .collect_view();
    let make = move |_| {
        if state.get_untracked() == State::Making {
            return;
        }
        state.set(State::Making);
        let bundle = bundle.clone();
        let chosen = standard.get_untracked();
        spawn_local(async move {
            match package(&bundle, chosen).await {
                Ok(zip) => {
                    download_bytes(&file_name(&bundle, chosen), &zip, "application/zip");
                    state.set(State::Made(file_name(&bundle, chosen)));
                }
                Err(why) => state.set(State::Failed(why)),
            }
        });
    };
    view! {
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Download for a learning platform (SCORM)"</span></summary>
            <div class="nhsuk-details__text">
                <p class="nhsuk-body">"A zip to add to Moodle, Canvas, Blackboard, Totara or another learning platform as a SCORM activity: this placement and the learner's app, nothing else. The platform's learners use it as themselves, and its gradebook shows their completion, score and answers. " <code>"wex scorm"</code> " makes the same file."</p>
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which SCORM version does your platform take?"</legend>
                        <div class="nhsuk-radios">{radios}</div>
                    </fieldset>
                </div>
                <Button on_click=make>"Download the SCORM package"</Button>
                <div role="status">
                    {move || match state.get() {
                        State::Ready => ().into_any(),
                        State::Making => view! { <p class="nhsuk-body">"Making the package…"</p> }.into_any(),
                        State::Made(name) => view! { <p class="nhsuk-body">{format!("Downloaded {name}.")}</p> }.into_any(),
                        State::Failed(why) => view! { <InsetText><p>{format!("The package could not be made: {why}")}</p></InsetText> }.into_any(),
                    }}
                </div>
            </div>
        </details>
    }
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    Ready,
    Making,
    Made(String),
    Failed(String),
}

/// `<placement>-<version>-scorm12.zip` or `...-scorm2004.zip`.
fn file_name(bundle: &Bundle, standard: Standard) -> String {
    format!("{}-{}-scorm{}.zip", bundle.id, bundle.version, standard.key().replace('.', ""))
}

/// The package's zip. `scorm::package` reads site files as it goes. In each round
/// a file that is not here yet reads as empty and is noted; the files noted are
/// fetched from this site and the package is made again, until a round notes
/// none (five rounds: the app list; the app, its wasm and the page; the snippets
/// and the stylesheet; the stylesheet's images). So exactly the files `wex scorm`
/// would read are read, each fetched once, and only the last round's package is
/// kept.
async fn package(bundle: &Bundle, standard: Standard) -> Result<Vec<u8>, String> {
    let packed = wex_core::pack::pack(bundle);
    let mut site: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    while site.len() <= MOST_SITE_FILES {
        let wanted = RefCell::new(BTreeSet::new());
        let made = scorm::package(
            &packed,
            |path| {
                Ok(site.get(path).cloned().unwrap_or_else(|| {
                    wanted.borrow_mut().insert(path.to_string());
                    Vec::new()
                }))
            },
            standard,
        );
        let wanted = wanted.into_inner();
        if wanted.is_empty() {
            return match made {
                Ok(files) => wex_core::archive::zip_compressed(&files).map_err(|_| "the package is too large for a zip file".to_string()),
                Err(why) => Err(why),
            };
        }
        for path in wanted {
            let bytes = fetch_bytes(&path).await.map_err(|why| format!("{why}. The studio takes the learner's app from the site it runs on, which must be a release build."))?;
            site.insert(path, bytes);
        }
    }
    Err(format!("the site names more than {MOST_SITE_FILES} files for the learner's app"))
}
