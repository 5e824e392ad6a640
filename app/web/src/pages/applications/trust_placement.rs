//! Applying for in-person work experience at an NHS trust: the three areas and
//! three dates a trust's form asks for, the two parts of a supporting statement,
//! and the learner's certificates as evidence, with the download and print.

use super::{document_page, draft_ctx, printed, saved_drafts, ChoiceBox, DraftLine, Export, Gathered, StandingLine};
use crate::components::nhs::InsetText;
use crate::components::player::WrittenAnswer;
use crate::router::{Link, Route};
use leptos::prelude::*;
use std::collections::BTreeSet;
use wex_core::applications::documents::{trust_placement, Author};
use wex_core::applications::drafts::{Choice, Draft};
use wex_core::applications::evidence::{Certified, Standing};
use wex_core::applications::Document;
use wex_core::words::long_date;

#[component]
pub fn TrustPlacement() -> impl IntoView {
    document_page(Document::TrustPlacement, |gathered| view! { <Application gathered=gathered /> }.into_any())
}

#[component]
fn Application(gathered: Gathered) -> impl IntoView {
    let drafts = gathered.drafts;
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let certified: Vec<Certified> = gathered.certified().into_iter().cloned().collect();
    let others: Vec<Standing> = gathered.standings.iter().filter(|s| !matches!(s, Standing::Certified(_))).cloned().collect();
    let all_certified = StoredValue::new(certified.clone());
    let saved = saved_drafts(drafts);
    let markdown = move |author: Author<'_>| {
        let check_page = format!("{}{}", window().location().origin().unwrap_or_default(), Route::Verify.href());
        all_certified.with_value(|all| {
            let picked: Vec<&Certified> = chosen.with_untracked(|c| all.iter().filter(|p| c.contains(&p.placement)).collect());
            trust_placement(author, &saved.get_untracked(), &picked, &check_page)
        })
    };
    let print_line = move |draft: Draft| printed(drafts, draft);
    view! {
        <div class="wex-applications">
            <p class="nhsuk-body">"Many trusts offer in-person work experience to students, and each has its own form, ages and dates: find the work experience page on the trust's website. Most forms ask for the areas you would like to see, the dates you can come and a short supporting statement. Write yours here, then paste it into the form."</p>
            <div class="wex-no-print">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 class="nhsuk-fieldset__heading">"Three areas you would like to see"</h2></legend>
                    <div class="nhsuk-hint">"For example radiography, a children's ward, pharmacy, a pathology lab or estates. The placements you did may give you ideas."</div>
                    {Choice::ALL.map(|choice| view! { <DraftLine drafts=drafts draft=Draft::TrustArea(choice) label=format!("{} choice", choice.word()) /> }).collect_view()}
                </fieldset>
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 class="nhsuk-fieldset__heading">"Three dates you can come"</h2></legend>
                    <div class="nhsuk-hint">"Check your school or college's dates, and ask whoever signs off your time away."</div>
                    {Choice::ALL.map(|choice| view! { <DraftLine drafts=drafts draft=Draft::TrustDate(choice) label=format!("{} date", choice.word()) date=true /> }).collect_view()}
                </fieldset>
            </div>
            <div class="wex-print-only">
                <h2 class="nhsuk-heading-m">"Areas I would like"</h2>
                <ol class="nhsuk-list nhsuk-list--number">{Choice::ALL.map(|c| view! { <li>{print_line(Draft::TrustArea(c))}</li> }).collect_view()}</ol>
                <h2 class="nhsuk-heading-m">"Dates I can come"</h2>
                <ol class="nhsuk-list nhsuk-list--number">{Choice::ALL.map(|c| view! { <li>{print_line(Draft::TrustDate(c))}</li> }).collect_view()}</ol>
            </div>
            <h2 class="nhsuk-heading-m">"Your supporting statement"</h2>
            <WrittenAnswer
                ctx=draft_ctx(drafts, Draft::TrustHopes)
                field=Draft::field()
                label="What do you hope to get from work experience?"
                label_class="nhsuk-label--s"
                hint="What you want to see or find out, and why this trust or area."
                min_words=0
            />
            <p class="nhsuk-body wex-answer wex-print-only">{print_line(Draft::TrustHopes)}</p>
            <WrittenAnswer
                ctx=draft_ctx(drafts, Draft::TrustSoFar)
                field=Draft::field()
                label="What have you done so far?"
                label_class="nhsuk-label--s"
                hint="Name your virtual work experience below, and anything else: NHS Cadets, volunteering, a part-time job, looking after someone at home."
                min_words=0
            />
            <p class="nhsuk-body wex-answer wex-print-only">{print_line(Draft::TrustSoFar)}</p>
            <h2 class="nhsuk-heading-m">"Your virtual work experience"</h2>
            {if certified.is_empty() {
                view! {
                    <InsetText>
                        <p>"You have no certificates yet. A certificate shows a trust what you did and lets them check it. Finish a placement and get its certificate, and it appears here."</p>
                    </InsetText>
                }.into_any()
            } else {
                view! {
                    <fieldset class="nhsuk-fieldset wex-no-print">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Choose the certificates to name in your download"</legend>
                        <div class="nhsuk-checkboxes">
                            {certified.into_iter().map(|c| view! {
                                <ChoiceBox chosen=chosen key=c.placement.clone() id=format!("certificate-{}", c.placement) label=c.title.clone()
                                    hint=format!("{}. Certificate {}, issued {}.", c.time, c.certificate_id, long_date(&c.issued_at)) />
                            }).collect_view()}
                        </div>
                    </fieldset>
                }.into_any()
            }}
            {(!others.is_empty()).then(|| view! {
                <p class="nhsuk-body wex-no-print">"Placements you have started:"</p>
                <ul class="nhsuk-list nhsuk-list--bullet wex-no-print">{others.into_iter().map(|s| view! { <li><StandingLine standing=s /></li> }).collect_view()}</ul>
            })}
            <p class="nhsuk-body wex-no-print">"A trust can check a certificate on Wex's " <Link to=Route::Verify class="nhsuk-link">"check a certificate"</Link> " page: send them the certificate file from its page."</p>
            <Export document=Document::TrustPlacement markdown=markdown />
        </div>
    }
}
