//! My applications: what a learner did and wrote in their placements, turned
//! towards an application. An overview, and one page for each document (core's
//! `applications::Document`): a UCAS personal statement, the NHS values for an
//! apprenticeship or NHS job, and work experience at a trust. Core holds the rules
//! (the questions, counts, values, drafts and documents); these pages place the
//! words. Drafts are saved as the learner's answers are (core's
//! `applications::drafts`); nothing leaves the device unless they download it.

mod nhs_values;
mod trust_placement;
mod ucas;

use crate::components::nhs::{BackLink, Button, ButtonVariant, Card, InsetText};
use crate::components::page_heading::PageHeading;
use crate::components::player::StepCtx;
use crate::files::download;
use crate::journal::{Journal, Journals};
use crate::load::Load;
use crate::notices::StorageProblem;
use crate::placements::Placements;
use crate::platform::{local_ymd, now_ms};
use crate::router::{Link, Route};
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use wex_core::applications::documents::Author;
use wex_core::applications::drafts::{Draft, DRAFTS_BUNDLE};
use wex_core::applications::evidence::{standing, Standing};
use wex_core::applications::{notes, Document, Note};
use wex_core::bundle::file_safe;
use wex_core::progress::{Action, Progress};
use wex_core::words::plural;

/// The page for a route: the overview, or one document.
pub fn page(document: Option<Document>) -> AnyView {
    match document {
        None => view! { <Overview /> }.into_any(),
        Some(Document::Ucas) => view! { <ucas::UcasStatement /> }.into_any(),
        Some(Document::NhsValues) => view! { <nhs_values::NhsValues /> }.into_any(),
        Some(Document::TrustPlacement) => view! { <trust_placement::TrustPlacement /> }.into_any(),
    }
}

/// What the pages build on: the learner's notes, where they stand with each
/// placement they started, and the journal their drafts are saved in.
#[derive(Clone)]
struct Gathered {
    notes: Vec<Note>,
    standings: Vec<Standing>,
    drafts: Journal,
}

impl Gathered {
    fn certified(&self) -> Vec<&wex_core::applications::evidence::Certified> {
        self.standings
            .iter()
            .filter_map(|s| match s {
                Standing::Certified(c) => Some(c),
                _ => None,
            })
            .collect()
    }
}

fn gather() -> Load<Gathered> {
    let placements = Placements::get();
    let problem = StorageProblem::get();
    let journals = Journals::get();
    let profile = ActiveProfile::get().id();
    Load::new(move || {
        let (profile, journals) = (profile.clone(), journals.clone());
        async move {
            let records = storage::records::for_profile(&profile).await;
            problem.report(&records);
            // Placements only: `with_progress` passes over the drafts' records.
            let records = records.unwrap_or_default();
            let mut found = Vec::new();
            let mut standings = Vec::new();
            for (bundle, progress) in placements.with_progress(&records).await {
                found.extend(notes(&bundle, &progress));
                standings.push(standing(&bundle, &progress));
            }
            Gathered { notes: found, standings, drafts: journals.open(profile, DRAFTS_BUNDLE.to_string()).await }
        }
    })
}

/// A page of My applications: its heading, and its body once the learner's notes
/// are read.
fn document_page(document: Document, body: impl Fn(Gathered) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let gathered = gather();
    view! {
        <div class="wex-no-print"><BackLink to=Route::Applications { document: None } text="My applications" /></div>
        <PageHeading text=document.title() caption="My applications" />
        {move || match gathered.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading your notes…"</p> }.into_any(),
            Some(gathered) => body(gathered),
        }}
    }
}

#[component]
fn Overview() -> impl IntoView {
    let gathered = gather();
    view! {
        <PageHeading text="My applications" />
        <p class="nhsuk-body-l">"Use what you did and wrote in your placements when you apply for a university course, an apprenticeship, an NHS job or work experience at a hospital or other NHS trust."</p>
        <InsetText>
            <p>"Wex never writes a statement for you. Admissions tutors and employers want to hear about you, in your own words: here you find your notes, prompts and the rules each application has, and you write."</p>
            <p>"Nothing here leaves this device unless you download it. What you write is saved as you type, like your answers in a placement."</p>
        </InsetText>
        {move || gathered.get().map(|g| view! { <Standings gathered=g /> })}
        <h2 class="nhsuk-heading-m">"Choose what you are applying for"</h2>
        <div class="nhsuk-grid-row nhsuk-card-group">
            {Document::ALL.into_iter().map(|document| view! {
                <div class="nhsuk-grid-column-one-third nhsuk-card-group__item">
                    <Card heading=document.title() to=Route::Applications { document: Some(document) }>
                        <p class="nhsuk-card__description">{document.summary()}</p>
                    </Card>
                </div>
            }).collect_view()}
        </div>
        <p class="nhsuk-body">"All your reflections, as you wrote them, are on " <Link to=Route::Reflections class="nhsuk-link">"My reflections"</Link> "."</p>
    }
}

/// Where the learner stands: their notes and placements, with a kind word for what
/// is not there yet.
#[component]
fn Standings(gathered: Gathered) -> impl IntoView {
    let notes = gathered.notes.len();
    let certified = gathered.certified().len();
    view! {
        <h2 class="nhsuk-heading-m">"What you have to work with"</h2>
        {if gathered.standings.is_empty() {
            view! { <NothingYet /> }.into_any()
        } else {
            view! {
                <p class="nhsuk-body">{format!(
                    "{} from your reflections, and {} you can name.",
                    plural(notes, "note"),
                    plural(certified, "certificate"),
                )}</p>
                {(notes == 0).then(|| view! { <NoReflections /> })}
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {gathered.standings.iter().map(|s| view! { <li><StandingLine standing=s.clone() /></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// One placement the learner started, and what to do next with it.
#[component]
fn StandingLine(standing: Standing) -> impl IntoView {
    match standing {
        Standing::Certified(c) => view! {
            <strong>{c.title.clone()}</strong>{format!(": certificate issued {}. ", wex_core::words::long_date(&c.issued_at))}
            <Link to=Route::Certificate { bundle: c.placement.clone() } class="nhsuk-link">"See the certificate"<span class="nhsuk-u-visually-hidden">{format!(" for {}", c.title)}</span></Link>
        }.into_any(),
        Standing::ReadyForCertificate { placement, title } => view! {
            <strong>{title.clone()}</strong>": finished. Get its certificate to name it as evidence. "
            <Link to=Route::Certificate { bundle: placement } class="nhsuk-link">"Get the certificate"<span class="nhsuk-u-visually-hidden">{format!(" for {title}")}</span></Link>
        }.into_any(),
        Standing::Unfinished { placement, title, still_to_do } => view! {
            <strong>{title.clone()}</strong>{format!(": not finished yet ({} to do). You can still use what you wrote; finish it for a certificate. ", plural(still_to_do, "thing"))}
            <Link to=Route::Placement { bundle: placement } class="nhsuk-link">"Carry on"<span class="nhsuk-u-visually-hidden">{format!(" with {title}")}</span></Link>
        }.into_any(),
    }
}

#[component]
fn NothingYet() -> impl IntoView {
    view! {
        <InsetText>
            <p>"You have not started a placement yet. Do one first: it ends with a reflection and interview practice, and what you write there appears here, ready to use."</p>
            <p><Link to=Route::Catalogue class="nhsuk-link">"Choose a placement"</Link></p>
        </InsetText>
    }
}

#[component]
fn NoReflections() -> impl IntoView {
    view! {
        <InsetText>
            <p>"You have not written a reflection yet. Each placement ends with one (what happened, what it meant to you, what you will do next), and your answers appear on these pages as notes to build on. You can still start writing here."</p>
        </InsetText>
    }
}

/// A draft box's place for the journal's players: the draft's page and name.
fn draft_ctx(drafts: Journal, draft: Draft) -> StepCtx {
    let (module, step) = draft.module_and_step();
    StepCtx { journal: drafts, module: module.to_string(), step, media: Arc::default() }
}

/// A draft as a printed page shows it, followed as it is saved: its words, or that
/// it is not written yet (core's `Draft::shown`).
fn printed(drafts: Journal, draft: Draft) -> impl Fn() -> String + Copy {
    let saved = saved_drafts(drafts);
    move || draft.shown(&saved.get()).unwrap_or_else(|| draft.not_yet().to_string())
}

/// The drafts as saved, followed as they change.
fn saved_drafts(drafts: Journal) -> Memo<Progress> {
    Memo::new(move |_| drafts.records.with(|r| Progress::replay(r.iter())))
}

/// A one-line draft (an area of work, or with `date` a day as `YYYY-MM-DD`), saved when
/// it changes and kept safe from a closing tab at every key press.
#[component]
fn DraftLine(drafts: Journal, draft: Draft, #[prop(into)] label: String, #[prop(optional)] date: bool) -> impl IntoView {
    let id = format!("draft-{}", draft.item().as_str().replace('/', "-"));
    let saved = saved_drafts(drafts);
    let save = move |value: String| {
        if draft.text(&saved.get_untracked()) != value {
            drafts.record(&draft.item(), Action::Written { field: Draft::field(), text: value });
        }
    };
    view! {
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            <input
                class=if date { "nhsuk-input nhsuk-input--width-10" } else { "nhsuk-input nhsuk-u-width-two-thirds" }
                id=id
                type=if date { "date" } else { "text" }
                autocomplete="off"
                prop:value=move || draft.text(&saved.get())
                on:input=move |ev| drafts.keep_typing(&draft.item(), &Draft::field(), &event_target_value(&ev))
                on:change=move |ev| save(event_target_value(&ev))
            />
        </div>
    }
}

/// A note the learner can choose to add to a download: its words, where it came
/// from, and a word when it is too long to use whole.
#[component]
fn NoteChoice(note: Note, chosen: RwSignal<BTreeSet<String>>, #[prop(into)] key: String) -> impl IntoView {
    let id = format!("use-{}", key.replace(['/', ':'], "-"));
    view! {
        <div class="wex-note">
            <p class="nhsuk-caption-m">{note.source()}</p>
            <p class="nhsuk-body wex-answer">{note.text.clone()}</p>
            {note.too_long().map(|why| view! { <p class="nhsuk-hint">{why}</p> })}
            <div class="wex-no-print">
                <ChoiceBox chosen=chosen key=key id=id label="Add this note to my download" />
            </div>
        </div>
    }
}

/// A checkbox that puts `key` in, or takes it out of, the learner's choice of what a
/// download names (a note, a certificate).
#[component]
fn ChoiceBox(chosen: RwSignal<BTreeSet<String>>, key: String, id: String, #[prop(into)] label: String, #[prop(optional, into)] hint: Option<String>) -> impl IntoView {
    let checked_key = key.clone();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="nhsuk-checkboxes__item">
            <input class="nhsuk-checkboxes__input" id=id.clone() type="checkbox" aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                prop:checked=move || chosen.with(|c| c.contains(&checked_key))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    chosen.update(|c| { if on { c.insert(key.clone()); } else { c.remove(&key); } });
                } />
            <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint nhsuk-checkboxes__hint" id=hint_id>{hint}</div> })}
        </div>
    }
}

/// Who is writing, and today, for a document's first lines.
fn author_today() -> (String, String) {
    let name = ActiveProfile::get().profile_untracked().map(|p| p.name).unwrap_or_default();
    (name, local_ymd(now_ms()))
}

/// The download and print buttons under a document: `markdown` makes the file
/// when the learner asks, from what is on the page then.
#[component]
fn Export(document: Document, markdown: impl Fn(Author) -> String + 'static) -> impl IntoView {
    let save = move |_| {
        let (learner, today) = author_today();
        let text = markdown(Author { learner: &learner, today: &today });
        download(&format!("wex-{}-{}.md", document.slug(), file_safe(&learner)), &text, "text/markdown");
    };
    view! {
        <h2 class="nhsuk-heading-m wex-no-print">"Keep a copy"</h2>
        <p class="nhsuk-body wex-no-print">"The download is a Markdown file, plain text you can open in any editor or paste into a form. It holds what you wrote and the notes you chose, nothing else. Printing prints this page without the buttons."</p>
        <div class="wex-button-group wex-no-print">
            <Button variant=ButtonVariant::Secondary on_click=save>"Download as Markdown"</Button>
            <Button variant=ButtonVariant::Secondary on_click=move |_| { let _ = window().print(); }>"Print"</Button>
        </div>
    }
}
