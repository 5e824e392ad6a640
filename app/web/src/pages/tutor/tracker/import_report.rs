//! The import report: what the files just added did, in one sentence, and each file
//! refused with why (core's `ImportReport` decides both).

use crate::components::nhs::{Tag, TagColour};
use leptos::prelude::*;
use wex_core::tracker::ImportReport;

#[component]
pub fn ImportReportCard(report: RwSignal<ImportReport>) -> impl IntoView {
    move || {
        report.with(|report| {
            if report.is_empty() {
                return ().into_any();
            }
            let refused: Vec<(String, String)> = report.refused().map(|(file, why)| (file.to_string(), why.to_string())).collect();
            let problems = !refused.is_empty();
            view! {
                <div class={if problems { "nhsuk-card nhsuk-card--feature wex-import-report wex-import-report--problems" } else { "nhsuk-card nhsuk-card--feature wex-import-report" }}>
                    <div class="nhsuk-card__content nhsuk-card__content--feature">
                        <h3 class="nhsuk-card__heading nhsuk-card__heading--feature">"Import report"</h3>
                        <p class="nhsuk-body" role="status">{report.summary()}</p>
                        <ul class="nhsuk-list wex-import-report__list">
                            {refused.into_iter().map(|(file, why)| view! {
                                <li><Tag colour=TagColour::Red text="Not imported" />" "<strong>{file}</strong>": "{why}</li>
                            }).collect_view()}
                        </ul>
                        {problems.then(|| view! { <p class="nhsuk-body-s">"Nothing already in the table was changed by the files that could not be imported."</p> })}
                    </div>
                </div>
            }
            .into_any()
        })
    }
}
