//! Scores, what each step asks of a learner before it is finished, and whether a
//! placement's completion rules are met. The CLI, the learner's app and the
//! tutor's tracker all call these, so a score is the same number everywhere.

use crate::bundle::{Activity, Answer, Bundle, CarePlan, Module, Question, Quiz, Step};
use crate::field::Field;
use crate::progress::{Progress, Status, StepState};
use crate::scenario::Play;
use serde::{Deserialize, Serialize};

/// Points out of a maximum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub points: u32,
    pub max: u32,
}

impl Score {
    pub fn add(self, other: Score) -> Score {
        Score { points: self.points + other.points, max: self.max + other.max }
    }

    /// The score as a whole percentage (100 when there is nothing to score).
    pub fn percent(self) -> u32 {
        if self.max == 0 {
            100
        } else {
            self.points * 100 / self.max
        }
    }
}

/// A score as a certificate states it ("12/14"), or `None` when the placement has
/// nothing scored ("0/0"), so there is no score to show.
pub fn stated_score(score: &str) -> Option<&str> {
    (!score.ends_with("/0")).then_some(score)
}

/// Whether an answer to a choice question is right: exactly the correct options.
pub fn is_correct(question: &Question, chosen: &[usize]) -> bool {
    match &question.answer {
        Answer::Choice { options, .. } => {
            let mut chosen = chosen.to_vec();
            chosen.sort_unstable();
            chosen.dedup();
            let correct: Vec<usize> = options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i).collect();
            chosen == correct
        }
        Answer::Text { .. } => false,
    }
}

/// The score of one quiz attempt.
pub fn quiz_attempt_score(quiz: &Quiz, answers: &std::collections::BTreeMap<String, Vec<usize>>) -> Score {
    let scored = quiz.questions.iter().filter(|q| matches!(q.answer, Answer::Choice { .. }));
    let mut score = Score::default();
    for q in scored {
        score.max += 1;
        if answers.get(&q.id).is_some_and(|chosen| is_correct(q, chosen)) {
            score.points += 1;
        }
    }
    score
}

/// Where a learner stands in a quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizStanding {
    pub best: Score,
    pub attempts_used: u32,
    pub passed: bool,
    /// Whether they may try again: not yet passed and tries left.
    pub can_retry: bool,
}

impl QuizStanding {
    /// Whether the right answers may be shown: once the quiz is settled (passed,
    /// or out of tries), never while another try could use them.
    pub fn shows_answers(&self) -> bool {
        self.attempts_used > 0 && !self.can_retry
    }
}

pub fn quiz_standing(quiz: &Quiz, state: &StepState) -> QuizStanding {
    let best = state.quiz_attempts.iter().map(|a| quiz_attempt_score(quiz, a)).max_by_key(|s| s.points).unwrap_or(Score {
        points: 0,
        max: quiz.questions.iter().filter(|q| matches!(q.answer, Answer::Choice { .. })).count() as u32,
    });
    let attempts_used = state.quiz_attempts.len() as u32;
    let passed = attempts_used > 0 && best.points >= quiz.pass_mark.min(best.max);
    let can_retry = !passed && quiz.attempts.is_none_or(|limit| attempts_used < limit);
    QuizStanding { best, attempts_used, passed, can_retry }
}

/// How one need or intervention of a care plan compares with the model plan, in
/// words that never contradict each other: leaving out what does not belong is
/// right too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Chosen, and it belongs.
    Right,
    /// Left out, and it does not belong.
    RightToLeaveOut,
    /// Chosen, but it does not belong.
    ThinkAgain,
    /// Left out, but it belongs.
    Missed,
}

impl Verdict {
    pub fn of(chosen: bool, belongs: bool) -> Verdict {
        match (chosen, belongs) {
            (true, true) => Verdict::Right,
            (false, false) => Verdict::RightToLeaveOut,
            (true, false) => Verdict::ThinkAgain,
            (false, true) => Verdict::Missed,
        }
    }

    /// Whether the learner sorted it as the model does (a point in the score).
    pub fn is_right(self) -> bool {
        matches!(self, Verdict::Right | Verdict::RightToLeaveOut)
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Right => "Right",
            Verdict::RightToLeaveOut => "Right to leave out",
            Verdict::ThinkAgain => "Think again",
            Verdict::Missed => "Missed",
        }
    }

    /// What the learner did, said before what the model says ("…, and it is a
    /// real need").
    pub fn lead(self) -> &'static str {
        match self {
            Verdict::Right => "you chose it, and it is",
            Verdict::RightToLeaveOut => "you left it out, and it is",
            Verdict::ThinkAgain => "you chose it, but it is",
            Verdict::Missed => "you left it out, but it is",
        }
    }
}

/// The verdict on each of a care plan's needs, in the bundle's order.
pub fn need_verdicts(plan: &CarePlan, state: &StepState) -> Vec<Verdict> {
    plan.needs.iter().enumerate().map(|(i, need)| Verdict::of(state.needs.contains(&i), need.correct)).collect()
}

/// The verdict on each of a care plan's interventions, in the bundle's order.
pub fn intervention_verdicts(plan: &CarePlan, state: &StepState) -> Vec<Verdict> {
    plan.interventions.iter().map(|i| Verdict::of(state.interventions.contains(&i.id), i.order.is_some())).collect()
}

/// A care plan's score: a point for each need sorted correctly, each intervention
/// sorted correctly (chosen if in the model plan, left out if not), and each pair of
/// chosen model interventions in the model's order.
pub fn care_plan_score(plan: &CarePlan, state: &StepState) -> Score {
    let mut score = Score::default();
    for verdict in need_verdicts(plan, state).into_iter().chain(intervention_verdicts(plan, state)) {
        score.max += 1;
        if verdict.is_right() {
            score.points += 1;
        }
    }
    let model: Vec<(&str, u32)> = plan.interventions.iter().filter_map(|i| i.order.map(|o| (i.id.as_str(), o))).collect();
    let position = |id: &str| state.interventions.iter().position(|chosen| chosen == id);
    for (a, (id_a, order_a)) in model.iter().enumerate() {
        for (id_b, order_b) in &model[a + 1..] {
            score.max += 1;
            if let (Some(pa), Some(pb)) = (position(id_a), position(id_b)) {
                if (pa < pb) == (order_a < order_b) {
                    score.points += 1;
                }
            }
        }
    }
    score
}

/// The score of a step, or `None` for steps that are not scored.
pub fn step_score(step: &Step, state: &StepState) -> Option<Score> {
    match step.activity.as_ref()? {
        Activity::Quiz(quiz) => Some(quiz_standing(quiz, state).best),
        Activity::CaseStudy(case) => {
            let choice: Vec<&Question> = case.questions.iter().filter(|q| matches!(q.answer, Answer::Choice { .. })).collect();
            if choice.is_empty() {
                return None;
            }
            let points = choice.iter().filter(|q| state.case_answers.get(&q.id).is_some_and(|c| is_correct(q, c))).count();
            Some(Score { points: points as u32, max: choice.len() as u32 })
        }
        Activity::CarePlan(plan) => Some(care_plan_score(plan, state)),
        Activity::Scenario(scenario) => {
            let max = scenario.nodes.iter().filter_map(|n| n.ending.as_ref()).map(|e| e.score).max().unwrap_or(0);
            let play = Play::replay(scenario, &state.path);
            let points = play.ended(scenario).map_or(0, |e| e.score);
            Some(Score { points, max })
        }
        Activity::Reflection(_) | Activity::Media(_) => None,
    }
}

/// A part of a care plan still missing before it can be compared with the model
/// answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanGap {
    Needs,
    Goal,
    Interventions,
    /// Fewer words of explanation than the plan asks for (at least one).
    Rationale { needed: usize, written: usize },
}

impl PlanGap {
    /// What to do about it, in words for the learner.
    pub fn describe(&self) -> String {
        match self {
            PlanGap::Needs => "Choose the person's needs".into(),
            PlanGap::Goal => "Write a goal".into(),
            PlanGap::Interventions => "Choose and order the interventions".into(),
            PlanGap::Rationale { needed, written } => format!("Explain your plan in at least {needed} words (you have {written})"),
        }
    }
}

/// What a care plan still lacks before it can be compared with the model answer, in
/// the order the plan asks for it; empty when it is ready.
pub fn care_plan_gaps(plan: &CarePlan, state: &StepState) -> Vec<PlanGap> {
    let mut gaps = Vec::new();
    if state.needs.is_empty() {
        gaps.push(PlanGap::Needs);
    }
    if state.text(&Field::Goal).trim().is_empty() {
        gaps.push(PlanGap::Goal);
    }
    if state.interventions.is_empty() {
        gaps.push(PlanGap::Interventions);
    }
    let (needed, written) = ((plan.min_words as usize).max(1), state.words(&Field::Rationale));
    if written < needed {
        gaps.push(PlanGap::Rationale { needed, written });
    }
    gaps
}

/// What a learner still has to do before a step can be finished, in words for them;
/// empty when they may finish it.
pub fn still_to_do(step: &Step, state: &StepState) -> Vec<String> {
    let mut todo = Vec::new();
    match &step.activity {
        None | Some(Activity::Media(_)) => {}
        Some(Activity::Quiz(quiz)) => {
            let standing = quiz_standing(quiz, state);
            if standing.attempts_used == 0 {
                todo.push("Answer the questions and check your answers".to_string());
            } else if !standing.passed && standing.can_retry {
                todo.push(format!("Get at least {} right to pass (you have another try)", quiz.pass_mark));
            }
        }
        Some(Activity::CaseStudy(case)) => {
            for q in &case.questions {
                let asked = crate::doc::first_paragraph_text(&q.text);
                match &q.answer {
                    Answer::Choice { .. } if !state.case_answers.contains_key(&q.id) => todo.push(format!("Answer: {asked}")),
                    Answer::Choice { .. } => {}
                    Answer::Text { .. } if !state.answered(&q.answer_field()) => todo.push(format!("Answer: {asked}")),
                    Answer::Text { min_words, .. } => {
                        let words = state.words(&q.answer_field());
                        if words < *min_words as usize {
                            todo.push(format!("Write at least {min_words} words to answer: {asked} (you have {words})"));
                        }
                    }
                }
            }
        }
        Some(Activity::CarePlan(plan)) => {
            todo.extend(care_plan_gaps(plan, state).iter().map(PlanGap::describe));
            if !state.plan_submitted {
                todo.push("Compare your plan with the model answer".into());
            } else if state.self_marks.len() < plan.rubric.len() {
                todo.push("Mark your plan against each point of the rubric".into());
            }
        }
        Some(Activity::Scenario(scenario)) => {
            if Play::replay(scenario, &state.path).ended(scenario).is_none() {
                todo.push("Play the scenario to an ending".into());
            }
        }
        Some(Activity::Reflection(reflection)) => {
            let mut words = 0;
            for prompt in &reflection.prompts {
                let field = prompt.field();
                words += state.words(&field);
                if !state.answered(&field) {
                    todo.push(format!("Answer: {}", prompt.text));
                }
            }
            if words < reflection.min_words as usize {
                todo.push(format!("Write at least {} words in all (you have {words})", reflection.min_words));
            }
        }
    }
    todo
}

/// Whether a step counts as finished: the learner finished it ("Save and
/// continue"), or they opened it and it asks nothing more of them: a page to read,
/// a recording, or an activity whose every part is done. So a learner who moved on
/// with "Next" is not sent back to pages they have read, and "Next" never skips an
/// unanswered quiz.
pub fn is_finished(step: &Step, state: &StepState) -> bool {
    state.done || (state.visited && still_to_do(step, state).is_empty())
}

/// Where a learner is in a module: completed once every step is finished.
pub fn module_status(module: &Module, progress: &Progress) -> Status {
    let finished = module.steps.iter().filter(|s| is_finished(s, progress.step(&module.id, &s.id))).count();
    let touched = module.steps.iter().any(|s| progress.step(&module.id, &s.id).visited);
    match finished {
        n if n == module.steps.len() && n > 0 => Status::Completed,
        0 if !touched => Status::NotStarted,
        _ => Status::InProgress,
    }
}

/// A step of a module still to finish, and what it asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unfinished {
    pub step: String,
    pub title: String,
    /// What is left in the step's activity; empty for a page not opened yet.
    pub todo: Vec<String>,
}

impl Unfinished {
    /// One line for the learner, naming the step and the first thing to do there.
    pub fn summary(&self) -> String {
        match self.todo.first() {
            Some(first) if self.todo.len() > 1 => format!("{}: {} (and {} more)", self.title, lower_first(first), self.todo.len() - 1),
            Some(first) => format!("{}: {}", self.title, lower_first(first)),
            None => format!("{}: open this step and read it", self.title),
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The steps of a module not finished yet, in order: what "Finish the module"
/// lists when it cannot finish.
pub fn unfinished_steps(module: &Module, progress: &Progress) -> Vec<Unfinished> {
    module
        .steps
        .iter()
        .filter(|s| !is_finished(s, progress.step(&module.id, &s.id)))
        .map(|s| Unfinished { step: s.id.clone(), title: s.title.clone(), todo: still_to_do(s, progress.step(&module.id, &s.id)) })
        .collect()
}

/// The step to open when a learner comes back to a module: where they were last
/// (if it was in this module), else its first unfinished step, else its first.
pub fn resume_step<'m>(module: &'m Module, progress: &Progress) -> Option<&'m Step> {
    progress
        .last_visit()
        .filter(|(m, _)| *m == module.id)
        .and_then(|(_, s)| module.steps.iter().find(|x| x.id == s))
        .or_else(|| module.steps.iter().find(|s| !is_finished(s, progress.step(&module.id, &s.id))))
        .or_else(|| module.steps.first())
}

/// A module's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleResult {
    pub id: String,
    pub status: crate::progress::Status,
    pub score: Score,
}

/// A placement's result against its completion rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleResult {
    pub modules: Vec<ModuleResult>,
    /// The score over the required modules.
    pub score: Score,
    pub complete: bool,
    /// What is left to do, in words for the learner.
    pub still_to_do: Vec<String>,
}

impl BundleResult {
    /// How many of the placement's modules are complete.
    pub fn completed_modules(&self) -> usize {
        self.modules.iter().filter(|m| m.status == Status::Completed).count()
    }
}

pub fn module_score(module: &Module, progress: &Progress) -> Score {
    module.steps.iter().filter_map(|s| step_score(s, progress.step(&module.id, &s.id))).fold(Score::default(), Score::add)
}

/// The records of the modules a placement's certificate depends on, and the
/// certificate's own: what a certificate's attempt log and a learning platform's
/// report are made from. A module left out of `required-modules` is the learner's
/// own choice (a bereaved learner takes another module instead of one about a
/// death), so nothing of it goes to a tutor or a platform, and neither can tell
/// which was chosen.
pub fn counted(bundle: &Bundle, records: &[crate::progress::Record]) -> Vec<crate::progress::Record> {
    records
        .iter()
        .filter(|r| match r.item.module_and_step() {
            Some((module, _)) => bundle.completion.required_modules.iter().any(|m| m == module),
            None => true,
        })
        .cloned()
        .collect()
}

pub fn bundle_result(bundle: &Bundle, progress: &Progress) -> BundleResult {
    let modules: Vec<ModuleResult> = bundle
        .modules
        .iter()
        .map(|m| ModuleResult { id: m.id.clone(), status: module_status(m, progress), score: module_score(m, progress) })
        .collect();
    let mut still = Vec::new();
    let mut score = Score::default();
    for id in &bundle.completion.required_modules {
        let (Some(module), Some(result)) = (bundle.module(id), modules.iter().find(|r| &r.id == id)) else { continue };
        score = score.add(result.score);
        if result.status != crate::progress::Status::Completed {
            still.push(format!("Complete the module “{}”", module.title));
        }
    }
    if still.is_empty() && score.percent() < bundle.completion.pass_mark as u32 {
        still.push(format!("Reach an overall score of {}% (you have {}%): try the quizzes and scenarios again", bundle.completion.pass_mark, score.percent()));
    }
    BundleResult { complete: still.is_empty(), modules, score, still_to_do: still }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::progress::{Action, Record, SelfMark, Status};
    use std::collections::BTreeMap;

    use crate::testing::bundle;

    fn at(step: &str, action: Action) -> Record {
        Record { bundle: "t".into(), item: crate::progress::ItemId::parse(&format!("m/{step}")), at_ms: 0, action }
    }

    fn answers(pairs: &[(&str, &[usize])]) -> Action {
        Action::QuizSubmit { answers: pairs.iter().map(|(q, c)| (q.to_string(), c.to_vec())).collect::<BTreeMap<_, _>>() }
    }

    #[test]
    fn quizzes_score_the_best_attempt_and_limit_tries() {
        let b = bundle();
        let step = &b.modules[0].steps[0];
        let Some(Activity::Quiz(quiz)) = &step.activity else { panic!() };
        let first = Progress::replay(&[at("quiz", answers(&[("one", &[0]), ("many", &[0])]))]);
        let standing = quiz_standing(quiz, first.step("m", "quiz"));
        assert_eq!((standing.best, standing.passed, standing.can_retry), (Score { points: 1, max: 2 }, false, true));
        assert!(!standing.shows_answers(), "another try could use them");
        assert_eq!(still_to_do(step, first.step("m", "quiz")).len(), 1);
        let second = Progress::replay(&[at("quiz", answers(&[("one", &[0]), ("many", &[0])])), at("quiz", answers(&[("one", &[1]), ("many", &[1, 0])]))]);
        let standing = quiz_standing(quiz, second.step("m", "quiz"));
        assert_eq!((standing.best.points, standing.attempts_used, standing.passed, standing.can_retry), (1, 2, false, false));
        assert!(still_to_do(step, second.step("m", "quiz")).is_empty(), "out of tries: the learner may move on");
        assert!(quiz_standing(quiz, second.step("m", "quiz")).shows_answers());
        let passed = Progress::replay(&[at("quiz", answers(&[("one", &[0]), ("many", &[1, 0])]))]);
        assert!(quiz_standing(quiz, passed.step("m", "quiz")).passed);
    }

    #[test]
    fn care_plans_score_needs_interventions_and_order() {
        let b = bundle();
        let Some(Activity::CarePlan(plan)) = &b.modules[0].steps[1].activity else { panic!() };
        let perfect = Progress::replay(&[
            at("plan", Action::Needs { chosen: vec![0] }),
            at("plan", Action::Interventions { order: vec!["first".into(), "second".into(), "third".into()] }),
        ]);
        // 2 needs + 4 interventions + 3 ordered pairs.
        assert_eq!(care_plan_score(plan, perfect.step("m", "plan")), Score { points: 9, max: 9 });
        let muddled = Progress::replay(&[
            at("plan", Action::Needs { chosen: vec![0, 1] }),
            at("plan", Action::Interventions { order: vec!["third".into(), "first".into(), "wrong".into()] }),
        ]);
        // Needs 1/2; interventions: first, third, wrong(chosen, wrong), second(left out) = 2/4; pairs: only (first, third) chosen, in the wrong order = 0/3.
        assert_eq!(care_plan_score(plan, muddled.step("m", "plan")), Score { points: 3, max: 9 });
        assert_eq!(need_verdicts(plan, muddled.step("m", "plan")), vec![Verdict::Right, Verdict::ThinkAgain]);
        let verdicts = intervention_verdicts(plan, muddled.step("m", "plan"));
        assert_eq!(verdicts.iter().filter(|v| **v == Verdict::Missed).count(), 1, "{verdicts:?}");
        assert_eq!(need_verdicts(plan, Progress::replay(&[]).step("m", "plan")), vec![Verdict::Missed, Verdict::RightToLeaveOut], "leaving out a distractor is right");
    }

    #[test]
    fn care_plans_need_every_part_before_finishing() {
        let b = bundle();
        let step = &b.modules[0].steps[1];
        let mut records = vec![
            at("plan", Action::Needs { chosen: vec![0] }),
            at("plan", Action::Written { field: Field::Goal, text: "Walk again".into() }),
            at("plan", Action::Interventions { order: vec!["first".into()] }),
            at("plan", Action::Written { field: Field::Rationale, text: "Too short".into() }),
        ];
        let todo = still_to_do(step, Progress::replay(&records).step("m", "plan"));
        assert_eq!(todo, vec!["Explain your plan in at least 3 words (you have 2)".to_string(), "Compare your plan with the model answer".into()]);
        records.push(at("plan", Action::Written { field: Field::Rationale, text: "Safety comes first always".into() }));
        records.push(at("plan", Action::PlanSubmit));
        records.push(at("plan", Action::SelfMark { criterion: 0, mark: SelfMark::Yes }));
        assert_eq!(still_to_do(step, Progress::replay(&records).step("m", "plan")), vec!["Mark your plan against each point of the rubric".to_string()]);
        records.push(at("plan", Action::SelfMark { criterion: 1, mark: SelfMark::Partly }));
        assert!(still_to_do(step, Progress::replay(&records).step("m", "plan")).is_empty());
    }

    #[test]
    fn completion_needs_every_module_and_the_pass_mark() {
        let b = bundle();
        let done = |step: &str| at(step, Action::Done);
        let base = vec![
            at("plan", Action::Needs { chosen: vec![0] }),
            at("plan", Action::Interventions { order: vec!["first".into(), "second".into(), "third".into()] }),
            done("quiz"),
            done("plan"),
        ];
        let unfinished = bundle_result(&b, &Progress::replay(&base));
        assert!(!unfinished.complete);
        assert_eq!(unfinished.still_to_do, vec!["Complete the module “M”".to_string()]);

        let mut weak = base.clone();
        weak.extend([at("quiz", answers(&[("one", &[1])])), at("story", Action::Choose { node: "a".into(), choice: 1 }), done("story")]);
        let result = bundle_result(&b, &Progress::replay(&weak));
        assert_eq!(result.modules[0].status, Status::Completed);
        // Quiz 0/2, plan 9/9, scenario 1/3: 10/14 = 71%.
        assert_eq!(result.score, Score { points: 10, max: 14 });
        assert!(result.complete, "{:?}", result.still_to_do);

        let mut failing = base;
        failing.extend([at("quiz", answers(&[("one", &[1])])), at("story", Action::Choose { node: "a".into(), choice: 1 }), done("story")]);
        failing[1] = at("plan", Action::Interventions { order: vec!["wrong".into()] });
        let result = bundle_result(&b, &Progress::replay(&failing));
        assert!(!result.complete);
        assert!(result.still_to_do[0].starts_with("Reach an overall score of 60%"), "{:?}", result.still_to_do);
    }
}

#[cfg(test)]
mod finishing {
    use super::*;
    use crate::bundle::{Activity, ModuleKind, Reflection};
    use crate::progress::{Action, Record};

    fn module() -> Module {
        let page = |id: &str| Step { id: id.into(), title: format!("Page {id}"), before: vec![], activity: None, after: vec![] };
        let mut reflect = page("r");
        reflect.title = "Your thoughts".into();
        reflect.activity = Some(Activity::Reflection(Reflection { prompts: vec![crate::bundle::Prompt { id: "why".into(), text: "Why?".into(), hint: None }], min_words: 0 }));
        Module { id: "m".into(), title: "M".into(), kind: ModuleKind::Reading, minutes: 5, summary: String::new(), content_warnings: vec![], steps: vec![page("a"), reflect, page("b")] }
    }

    fn at(item: &str, at_ms: u64, action: Action) -> Record {
        Record { bundle: "demo".into(), item: crate::progress::ItemId::parse(item), at_ms, action }
    }

    #[test]
    fn status_follows_replayed_records() {
        let m = module();
        assert_eq!(module_status(&m, &Progress::replay(&[])), Status::NotStarted);
        assert_eq!(module_status(&m, &Progress::replay(&[at("m/a", 1, Action::Visit)])), Status::InProgress);
        let all = [at("m/a", 1, Action::Done), at("m/r", 2, Action::Done), at("m/b", 3, Action::Done)];
        assert_eq!(module_status(&m, &Progress::replay(&all)), Status::Completed);
        let undone = [at("m/a", 1, Action::Done), at("m/r", 2, Action::Done), at("m/b", 3, Action::Done), at("m/r", 4, Action::Undone)];
        assert_eq!(module_status(&m, &Progress::replay(&undone)), Status::InProgress, "an unanswered reflection taken back is not finished");
        assert_eq!(module_status(&m, &Progress::replay(&[at("m/gone", 1, Action::Done)])), Status::NotStarted);
    }

    #[test]
    fn next_through_a_module_finishes_the_reading_but_not_the_activities() {
        let m = module();
        let skipped = Progress::replay(&[at("m/a", 1, Action::Visit), at("m/r", 2, Action::Visit), at("m/b", 3, Action::Visit), at("m/b", 4, Action::Done)]);
        assert_eq!(module_status(&m, &skipped), Status::InProgress);
        let left = unfinished_steps(&m, &skipped);
        assert_eq!(left.iter().map(|u| u.step.as_str()).collect::<Vec<_>>(), vec!["r"]);
        assert_eq!(left[0].summary(), "Your thoughts: answer: Why?");
        assert_eq!(resume_step(&m, &skipped).map(|s| s.id.as_str()), Some("b"), "back where they were");

        // Answering the reflection, even without "Save and continue", finishes it.
        let mut answered = vec![at("m/a", 1, Action::Visit), at("m/r", 2, Action::Visit), at("m/b", 3, Action::Visit)];
        answered.push(at("m/r", 5, Action::Written { field: Field::Prompt("why".into()), text: "Because".into() }));
        assert_eq!(module_status(&m, &Progress::replay(&answered)), Status::Completed);
        assert!(unfinished_steps(&m, &Progress::replay(&answered)).is_empty());
    }

    #[test]
    fn an_unopened_page_is_listed_and_resuming_starts_at_the_first_unfinished_step() {
        let m = module();
        let progress = Progress::replay(&[at("m/a", 1, Action::Visit), at("other/x", 2, Action::Visit)]);
        let left = unfinished_steps(&m, &progress);
        assert_eq!(left.len(), 2);
        assert_eq!(left[1].summary(), "Page b: open this step and read it");
        assert_eq!(resume_step(&m, &progress).map(|s| s.id.as_str()), Some("r"));
    }
}

#[cfg(all(test, feature = "author"))]
mod optional_modules {
    use super::*;
    use crate::progress::{Action, ItemId, Record};

    /// The test bundle (module `m`, required) with a copy of it, `alternative`, that
    /// the certificate does not depend on.
    fn with_an_optional_module() -> Bundle {
        let mut bundle = crate::testing::bundle();
        let mut alternative = bundle.modules[0].clone();
        alternative.id = "alternative".into();
        bundle.modules.push(alternative);
        bundle.completion.required_modules = vec!["m".into()];
        bundle
    }

    #[test]
    fn an_optional_module_leaves_no_trace_in_what_a_tutor_or_platform_gets() {
        let bundle = with_an_optional_module();
        let mut records = crate::testing::everything(&bundle, 50);
        records.push(Record { bundle: bundle.id.clone(), item: ItemId::certificate(), at_ms: u64::MAX, action: Action::Certified { credential: "{}".into() } });
        let kept = counted(&bundle, &records);
        assert!(kept.iter().all(|r| r.item.module_and_step().is_none_or(|(module, _)| module == "m")));
        assert!(kept.iter().any(|r| r.item.is_certificate()), "the certificate's own record stays");
        assert!(kept.len() < records.len() && kept.iter().any(|r| r.item.module_and_step().is_some()));
        // The same result either way: the certificate never depended on it.
        let result = |records: &[Record]| {
            let r = bundle_result(&bundle, &Progress::replay(records));
            (r.score, r.complete)
        };
        assert_eq!(result(&kept), result(&records));
        // The tutor's view of the answers and the platform's interactions name only `m`.
        let answers = crate::answers::answers(&bundle, &Progress::replay(&records), &[]);
        assert!(!answers.is_empty() && answers.iter().all(|a| a.module == bundle.modules[0].title));
        assert_eq!(answers.len(), crate::answers::answers(&bundle, &Progress::replay(&kept), &[]).len());
        assert!(crate::scorm::interactions::list(&bundle, &records).iter().all(|i| i.id.starts_with("m.")));
    }
}

#[cfg(test)]
mod stated {
    #[test]
    fn a_placement_with_nothing_scored_states_no_score() {
        use super::stated_score;
        assert_eq!(stated_score("12/14"), Some("12/14"));
        assert_eq!(stated_score("0/10"), Some("0/10"));
        assert_eq!(stated_score("0/0"), None);
    }
}
