//! The activity players: one component per activity type, each saving every
//! interaction through the [`Journal`] and reading its state back from the records.

mod care_plan;
mod choices;
mod case_study;
mod media;
mod quiz;
mod reflection;
mod scenario;
mod written;

use crate::journal::Journal;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use wex_core::bundle::{Activity, Media};
use wex_core::progress::{Action, Field, ItemId, Progress, StepState};

pub use written::WrittenAnswer;

/// What every player needs: where it is, and how to save and read.
#[derive(Clone)]
pub struct StepCtx {
    pub journal: Journal,
    pub module: String,
    pub step: String,
    pub media: Arc<BTreeMap<String, Media>>,
}

impl StepCtx {
    pub fn item(&self) -> ItemId {
        ItemId::step(&self.module, &self.step)
    }

    pub fn record(&self, action: Action) {
        self.journal.record(&self.item(), action);
    }

    /// Keeps an answer as typed so far, safe from a closing tab, until it is recorded.
    pub fn keep_typing(&self, field: &Field, text: &str) {
        self.journal.keep_typing(&self.item(), field, text);
    }

    /// The step's state, recomputed whenever its records change.
    pub fn state(&self) -> Memo<StepState> {
        let (records, item, module, step) = (self.journal.records, self.item(), self.module.clone(), self.step.clone());
        Memo::new(move |_| records.with(|all| Progress::replay(all.iter().filter(|r| r.item == item)).step(&module, &step).clone()))
    }

    /// An id for an element of this step, unique on the page.
    pub fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.step)
    }

    /// The id of the box an answer field is written in, for links to it.
    pub fn field_id(&self, field: &Field) -> String {
        self.id(&field.key().replace(':', "-"))
    }

    /// The order this learner sees a list of `len` options in (`part` names the
    /// list within the step, for example a question's id): see
    /// [`wex_core::shuffle`].
    pub fn order(&self, part: &str, len: usize, keep: bool) -> Vec<usize> {
        let seed = wex_core::shuffle::seed(&self.journal.profile(), &self.journal.bundle(), &self.item(), part);
        wex_core::shuffle::order(&seed, len, keep)
    }
}

/// Plays an activity.
#[component]
pub fn ActivityPlayer(ctx: StepCtx, activity: Activity) -> impl IntoView {
    match activity {
        Activity::Quiz(quiz) => view! { <quiz::QuizPlayer ctx=ctx quiz=quiz /> }.into_any(),
        Activity::CaseStudy(case) => view! { <case_study::CaseStudyPlayer ctx=ctx case=case /> }.into_any(),
        Activity::CarePlan(plan) => view! { <care_plan::CarePlanPlayer ctx=ctx plan=plan /> }.into_any(),
        Activity::Scenario(scenario) => view! { <scenario::ScenarioPlayer ctx=ctx scenario=scenario /> }.into_any(),
        Activity::Reflection(reflection) => view! { <reflection::ReflectionPlayer ctx=ctx reflection=reflection /> }.into_any(),
        Activity::Media(media) => view! { <media::MediaPlayer ctx=ctx media=media /> }.into_any(),
    }
}
