//! The author studio (`/author`), an app of its own with the author's parsers: an
//! author on a locked-down laptop chooses their bundle folder, and the same core
//! code as `wex check` lists every problem with its file, line and column; each
//! scenario is drawn as a map; the placement can be previewed exactly as a learner
//! sees it, by a preview learner whose answers are never stored; and the packed
//! file downloaded here has the same bytes as `wex pack` makes.

mod choose_again;
mod folder;
mod lms_package;
mod map;

use crate::components::drop_zone::DropZone;
use crate::components::nhs::{Button, ButtonVariant, ErrorItem, ErrorSummary, InsetText, Tag, TagColour};
use crate::components::page_heading::PageHeading;
use crate::files::download_bytes;
use crate::placements::Placements;
use crate::router::{use_router, Link, Route};
use crate::pages::elsewhere::ElsewhereInWex;
use crate::platform::{mark, measure};
use choose_again::{folder_picker, ChooseAgain};
use folder::{Folder, Unread};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::sync::Arc;
use wex_core::author::parse_bundle;
use wex_core::bundle::Bundle;
use wex_core::Diagnostic;

thread_local! {
    /// The folder being worked on, kept while the author moves between the studio
    /// and the preview.
    static FOLDER: RefCell<Option<Folder>> = const { RefCell::new(None) };
}

/// The studio's pages: the studio itself, and the learner's pages for the preview.
pub fn studio_pages(route: Route) -> AnyView {
    match route {
        Route::Author => view! { <StudioPage /> }.into_any(),
        Route::Placement { .. } | Route::Module { .. } => view! { <PreviewBar />{crate::pages::learner_pages(route)} }.into_any(),
        Route::Certificate { .. } => view! {
            <PreviewBar />
            <PageHeading text="No certificates in a preview" />
            <p class="nhsuk-body">"The preview shows the placement as a learner sees it. Certificates are made only for real learners."</p>
        }
        .into_any(),
        Route::Catalogue | Route::Profile | Route::Reflections | Route::Applications { .. } | Route::Verify | Route::Join | Route::AddPlacement | Route::Tutor | Route::NewAssignment | Route::TutorAssignment { .. } | Route::NotFound { .. } => view! { <ElsewhereInWex /> }.into_any(),
    }
}

/// A checked folder: the bundle (if bundle.toml could be read) and every diagnostic.
#[derive(Clone, Debug)]
struct Checked {
    bundle: Option<Arc<Bundle>>,
    diagnostics: Vec<Diagnostic>,
    files: usize,
    ms: f64,
}

impl Checked {
    fn errors(&self) -> usize {
        wex_core::diagnostic::errors(&self.diagnostics)
    }
}

/// Reads and checks the folder kept in [`FOLDER`].
async fn check_folder() -> Result<Checked, Unread> {
    let folder = FOLDER.with(|f| f.borrow().clone()).ok_or_else(|| Unread::new("Choose your bundle folder first."))?;
    mark("wex-studio-read-start");
    let source = folder::read(&folder).await?;
    let now = || window().performance().map_or(0.0, |p| p.now());
    let start = now();
    mark("wex-studio-check-start");
    let parsed = parse_bundle(&source);
    let ms = now() - start;
    // For the re-check benchmark in docs/benchmarks.md: checking alone, and reading
    // the folder plus checking.
    measure("wex-studio-check", "wex-studio-check-start");
    measure("wex-studio-recheck", "wex-studio-read-start");
    Ok(Checked { bundle: parsed.bundle.map(Arc::new), diagnostics: parsed.diagnostics, files: source.files.len(), ms })
}

#[component]
fn StudioPage() -> impl IntoView {
    let placements = Placements::get();
    let router = use_router();
    let checked = RwSignal::new(None::<Checked>);
    let error = RwSignal::new(None::<Unread>);
    let working = RwSignal::new(false);
    let folder_input = folder_picker();
    let run = move || {
        working.set(true);
        spawn_local(async move {
            match check_folder().await {
                Ok(c) => {
                    error.set(None);
                    checked.set(Some(c));
                }
                Err(why) => {
                    checked.set(None);
                    error.set(Some(why));
                }
            }
            working.set(false);
        });
    };
    // Coming back from the preview: check the same folder again.
    if FOLDER.with(|f| f.borrow().is_some()) {
        run();
    }
    let use_folder = move |folder: Folder| {
        FOLDER.with(|f| *f.borrow_mut() = Some(folder));
        run();
    };
    let open = move |_| {
        spawn_local(async move {
            if let Some(folder) = folder::open_folder().await {
                use_folder(folder);
            }
        });
    };
    let preview = move |bundle: Arc<Bundle>| {
        let id = bundle.id.clone();
        placements.set_preview(bundle);
        router.navigate(Route::Placement { bundle: id });
    };
    view! {
        <PageHeading text="Author studio" />
        <p class="nhsuk-body-l">"Check and preview a placement you are writing, in this browser, with nothing to install."</p>
        <p class="nhsuk-body">"Choose the folder that holds your bundle.toml. Wex reads it on this computer and sends nothing anywhere. The checks are the same as the " <code>"wex check"</code> " command's, with the same messages."</p>
        {move || error.get().map(|unread| view! {
            <ErrorSummary title="The folder could not be checked" items=vec![ErrorItem::field(unread.why, "bundle-folder")] />
            {unread.choose_again.then(|| view! { <div class="wex-button-group"><ChooseAgain on_chosen=use_folder /></div> })}
        })}
        <DropZone on_drop=move |transfer| use_folder(folder::from_drop(folder::dropped(&transfer)))>
            {folder::can_open_folders().then(|| view! {
                <Button on_click=open>"Open your bundle folder"</Button>
                <p class="nhsuk-body">"Wex can then read the folder again each time you choose “Check again”."</p>
            })}
            <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-label--s" for="bundle-folder">"Bundle folder"</label>
                <div class="nhsuk-hint" id="bundle-folder-hint">"Choose the folder, or drag it here."</div>
                <input class="nhsuk-file-upload__input" id="bundle-folder" type="file" node_ref=folder_input multiple aria-describedby="bundle-folder-hint"
                    on:change=move |ev| use_folder(folder::from_input(&event_target::<web_sys::HtmlInputElement>(&ev))) />
            </div>
        </DropZone>
        <StartNew />
        {move || working.get().then(|| view! { <p class="nhsuk-body" role="status">"Checking…"</p> })}
        {move || checked.get().map(|c| view! { <Report checked=c on_reload=run on_preview=preview /> })}
    }
}

#[component]
fn Report(checked: Checked, on_reload: impl Fn() + Copy + Send + Sync + 'static, on_preview: impl Fn(Arc<Bundle>) + Copy + Send + Sync + 'static) -> impl IntoView {
    let errors = checked.errors();
    let items: Vec<ErrorItem> = checked
        .diagnostics
        .iter()
        .enumerate()
        .map(|(n, d)| ErrorItem::field(format!("{}: {}", d.location(), d.message), format!("problem-{n}")))
        .collect();
    let summary = wex_core::diagnostic::count(&checked.diagnostics).map_or_else(|| "No problems found.".to_string(), |count| format!("{count}."));
    let bundle = checked.bundle.clone();
    let clean = errors == 0;
    view! {
        <h2 class="nhsuk-heading-m">{bundle.as_ref().map_or_else(|| "Your bundle".to_string(), |b| format!("{} (version {})", b.title, b.version))}</h2>
        <p class="nhsuk-body" role="status">{format!("{} files checked in {:.0} ms. {summary}", checked.files, checked.ms)}</p>
        <div class="wex-button-group">
            <Button variant=ButtonVariant::Secondary on_click=move |_| on_reload()>"Check again"</Button>
            {bundle.clone().filter(|_| clean).map(|b| {
                let preview = b.clone();
                view! {
                    <Button on_click=move |_| on_preview(preview.clone())>"Preview as a learner"</Button>
                    <Button variant=ButtonVariant::Secondary on_click=move |_| {
                        download_bytes(&wex_core::pack::file_name(&b), &wex_core::pack::pack(&b), "application/json")
                    }>"Download packed bundle"</Button>
                }
            })}
        </div>
        {bundle.clone().filter(|_| clean).map(|b| view! { <lms_package::LmsPackage bundle=b /> })}
        {(!items.is_empty()).then(|| view! {
            <ErrorSummary title=if clean { "There are warnings" } else { "There is a problem" } items=items />
            {checked.diagnostics.iter().enumerate().map(|(n, d)| view! { <Problem n=n diagnostic=d.clone() /> }).collect_view()}
        })}
        {(!clean).then(|| view! {
            <InsetText><p>"Fix the errors in your files, save them, and choose “Check again”. Preview and download come when there are no errors."</p></InsetText>
        })}
        {bundle.map(|b| {
            let maps: Vec<(String, wex_core::scenario_map::ScenarioMap)> =
                wex_core::scenario_map::maps(&b).into_iter().map(|(module, step, map)| (format!("{}: {}", module.title, step.title), map)).collect();
            (!maps.is_empty()).then(|| view! {
                <h2 class="nhsuk-heading-m">"Scenario maps"</h2>
                <p class="nhsuk-body">"Each scenario, from its start at the top. Endings are green; nodes that cannot be reached, dead ends and loops with no way out are red. " <code>"wex graph"</code> " prints the same maps as Mermaid for a README."</p>
                {maps.into_iter().map(|(title, m)| view! {
                    <h3 class="nhsuk-heading-s">{title.clone()}</h3>
                    <map::ScenarioMapSvg map=m title=title />
                }).collect_view()}
            })
        })}
    }
}

/// One diagnostic as `wex check` prints it: code, message, place, the source line
/// with the problem marked, and what to do.
#[component]
fn Problem(n: usize, diagnostic: Diagnostic) -> impl IntoView {
    let d = diagnostic;
    let (colour, kind) = if d.is_error() { (TagColour::Red, "Error") } else { (TagColour::Yellow, "Warning") };
    let source = d.snippet();
    view! {
        <div class="wex-problem" id=format!("problem-{n}") tabindex="-1">
            <h3 class="nhsuk-heading-s"><Tag colour=colour text=format!("{kind} {}", d.code.as_str()) />" "{d.message.clone()}</h3>
            <p class="nhsuk-body-s wex-problem__place"><code>{d.location()}</code></p>
            {source.map(|s| view! { <pre class="wex-problem__source" aria-label="The line with the problem, marked"><code>{s}</code></pre> })}
            {d.help.clone().map(|h| view! { <p class="nhsuk-body-s"><strong>"What to do: "</strong>{h}</p> })}
        </div>
    }
}

/// "Start a new placement": the example `wex new` writes, as a zip, for an author
/// with no command line.
#[component]
fn StartNew() -> impl IntoView {
    let name = format!("{}.zip", wex_core::author::example::FOLDER);
    view! {
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Start a new placement"</span></summary>
            <div class="nhsuk-details__text">
                <p class="nhsuk-body">"Download a complete example placement to change into your own: a bundle.toml, two modules using every kind of step, a picture and a short sound file. It is the same example as the authoring guide's, and " <code>"wex new"</code> " makes the same files."</p>
                <p class="nhsuk-body">"Unzip it, open the " <code>{wex_core::author::example::FOLDER}</code> " folder here, then change its files in a plain text editor and choose “Check again”."</p>
                <Button variant=ButtonVariant::Secondary on_click=move |_| download_bytes(&name, &wex_core::author::example::zip(), "application/zip")>"Download the example placement"</Button>
            </div>
        </details>
    }
}

/// Above every page of the preview: whose view it is, reloading the folder on the
/// same step, and the way back to the studio.
#[component]
fn PreviewBar() -> impl IntoView {
    let placements = Placements::get();
    let router = use_router();
    let problem = RwSignal::new(None::<Unread>);
    let reload = move || {
        spawn_local(async move {
            match check_folder().await {
                Ok(c) if c.errors() == 0 => {
                    problem.set(None);
                    if let Some(bundle) = c.bundle {
                        placements.set_preview(bundle);
                        // The same address again: the page is drawn afresh from the new files.
                        router.replace(router.route.get_untracked());
                    }
                }
                Ok(c) => problem.set(Some(Unread::new(format!("The folder now has {}: fix them in the studio.", wex_core::words::plural(c.errors(), "error"))))),
                Err(unread) => problem.set(Some(unread)),
            }
        });
    };
    let chosen = move |folder: Folder| {
        FOLDER.with(|f| *f.borrow_mut() = Some(folder));
        reload();
    };
    view! {
        <div class="wex-preview-bar" role="region" aria-label="Preview">
            <p class="nhsuk-body-s"><strong>"Preview. "</strong>"This is how learners see the placement. Nothing you do here is saved."</p>
            <div class="wex-button-group">
                <Button variant=ButtonVariant::Secondary on_click=move |_| reload()>"Reload from the folder"</Button>
                {move || problem.get().filter(|p| p.choose_again).map(|_| view! { <ChooseAgain on_chosen=chosen /> })}
                <Link to=Route::Author class="nhsuk-link wex-button-group__link">"Back to the studio"</Link>
            </div>
            {move || problem.get().map(|p| view! { <p class="nhsuk-body-s" role="alert">{p.why}</p> })}
        </div>
    }
}
