//! "My reflections": every reflection the learner has written, by placement, to
//! read, print, or download (plain text or Markdown) for a personal statement.

use crate::components::nhs::{Button, ButtonVariant, InsetText};
use crate::components::page_heading::PageHeading;
use crate::files::download;
use crate::placements::Placements;
use crate::load::Load;
use crate::notices::StorageProblem;
use crate::platform::local_ymd;
use crate::session::ActiveProfile;
use crate::storage;
use leptos::prelude::*;
use wex_core::bundle::file_safe;
use wex_core::progress::Record;
use wex_core::reflections::{answered, to_markdown, to_text, Entry};

#[component]
pub fn Reflections() -> impl IntoView {
    let placements = Placements::get();
    let problem = StorageProblem::get();
    let profile = ActiveProfile::get().profile_untracked().expect("shown only to a learner");
    let id = profile.id.clone();
    let entries = Load::new(move || {
        let id = id.clone();
        async move {
            let records = storage::records::for_profile(&id).await;
            problem.report(&records);
            collect(placements, records.unwrap_or_default()).await
        }
    });
    let name = profile.name.clone();
    view! {
        <PageHeading text="My reflections" />
        <p class="nhsuk-body">"What you wrote in each placement's reflections. To use them in a personal statement for UCAS, an apprenticeship, an NHS job or work experience at a trust, go to "
            <crate::router::Link to=crate::router::Route::Applications { document: None } class="nhsuk-link">"My applications"</crate::router::Link>
            ": it sorts them under each application's questions."</p>
        {move || match entries.get() {
            None => view! { <p class="nhsuk-body" role="status">"Loading…"</p> }.into_any(),
            Some(list) if list.is_empty() => view! { <InsetText><p>"You have not written any reflections yet. They are part of each placement."</p></InsetText> }.into_any(),
            Some(list) => {
                let (text, markdown) = (to_text(&name, &list), to_markdown(&name, &list));
                let file = format!("wex-reflections-{}", file_safe(&name));
                let md_file = format!("{file}.md");
                view! {
                    <div class="wex-button-group wex-no-print">
                        <Button variant=ButtonVariant::Secondary on_click=move |_| download(&format!("{file}.txt"), &text, "text/plain")>"Download as a text file"</Button>
                        <Button variant=ButtonVariant::Secondary on_click=move |_| download(&md_file, &markdown, "text/markdown")>"Download as Markdown"</Button>
                        <Button variant=ButtonVariant::Secondary on_click=move |_| { let _ = window().print(); }>"Print"</Button>
                    </div>
                    {list.into_iter().map(|entry| view! {
                        <section class="wex-reflection">
                            <h2 class="nhsuk-heading-m">{entry.step.clone()}</h2>
                            <p class="nhsuk-caption-m">{format!("{}: {}", entry.placement, entry.module)}</p>
                            {entry.answers.into_iter().map(|(prompt, answer)| view! {
                                <h3 class="nhsuk-heading-s">{prompt}</h3>
                                <p class="nhsuk-body wex-answer">{answer}</p>
                            }).collect_view()}
                        </section>
                    }).collect_view()}
                }.into_any()
            }
        }}
    }
}

/// Every reflection step with an answer (core's `reflections::answered`), across the
/// placements the learner has records for.
async fn collect(placements: Placements, records: Vec<Record>) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (bundle, progress) in placements.with_progress(&records).await {
        entries.extend(answered(&bundle, &progress).into_iter().map(|a| Entry {
            placement: bundle.title.clone(),
            module: a.module.title.clone(),
            step: a.step.title.clone(),
            answers: a.answers.iter().map(|(prompt, text)| (prompt.text.clone(), text.to_string())).collect(),
            day: local_ymd(progress.step(&a.module.id, &a.step.id).last_at),
        }));
    }
    entries
}
