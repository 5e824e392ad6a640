//! What a learner answered, step by step and in words, read back from an attempt
//! log: the tutor's detail view of a handed-in completion record. Reflections show
//! only when the learner chose to share them.

use crate::bundle::{Activity, Answer, Bundle, Question, Step};
use crate::credential::record::SharedReflection;
use crate::doc::first_paragraph_text;
use crate::field::Field;
use crate::progress::{ItemId, Progress, StepState};
use crate::scenario::Play;
use crate::scoring::{quiz_standing, step_score, Score};

/// One answered step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepAnswers {
    pub module: String,
    pub step: String,
    pub score: Option<Score>,
    /// Question or prompt, then what the learner gave.
    pub lines: Vec<(String, String)>,
}

/// Every step with an activity in the modules the certificate depends on, in the
/// placement's order.
pub fn answers(bundle: &Bundle, progress: &Progress, shared: &[SharedReflection]) -> Vec<StepAnswers> {
    let mut out = Vec::new();
    // Only what the certificate depends on: optional modules are the learner's own.
    for module in bundle.modules.iter().filter(|m| bundle.completion.required_modules.contains(&m.id)) {
        for step in &module.steps {
            let state = progress.step(&module.id, &step.id);
            let item = crate::progress::ItemId::step(&module.id, &step.id);
            let lines = step_lines(step, state, &item, shared);
            if lines.is_empty() {
                continue;
            }
            out.push(StepAnswers { module: module.title.clone(), step: step.title.clone(), score: step_score(step, state), lines });
        }
    }
    out
}

const NOTHING: &str = "(no answer)";

fn step_lines(step: &Step, state: &StepState, item: &ItemId, shared: &[SharedReflection]) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let written = |field: &Field| {
        let text = state.text(field).trim();
        if text.is_empty() { NOTHING.to_string() } else { text.to_string() }
    };
    match &step.activity {
        None | Some(Activity::Media(_)) => {}
        Some(Activity::Quiz(quiz)) => {
            let standing = quiz_standing(quiz, state);
            lines.push(("Attempts".into(), standing.attempts_used.to_string()));
            let last = state.quiz_attempts.last();
            for question in &quiz.questions {
                let chosen = last.and_then(|a| a.get(&question.id)).map(Vec::as_slice).unwrap_or(&[]);
                lines.extend(question_lines(question, chosen, state));
            }
        }
        Some(Activity::CaseStudy(case)) => {
            lines.push(("Details opened".into(), format!("{} of {}", state.revealed.len(), case.reveals.len())));
            for question in &case.questions {
                let chosen = state.case_answers.get(&question.id).map(Vec::as_slice).unwrap_or(&[]);
                lines.extend(question_lines(question, chosen, state));
            }
        }
        Some(Activity::CarePlan(plan)) => {
            let needs: Vec<&str> = state.needs.iter().filter_map(|&i| plan.needs.get(i)).map(|n| n.text.as_str()).collect();
            lines.push((plan.needs_prompt.clone(), list_or_nothing(&needs)));
            lines.push((plan.goal_prompt.clone(), written(&Field::Goal)));
            let order: Vec<String> = state
                .interventions
                .iter()
                .enumerate()
                .filter_map(|(n, id)| plan.interventions.iter().find(|i| &i.id == id).map(|i| format!("{}. {}", n + 1, i.text)))
                .collect();
            lines.push((plan.interventions_prompt.clone(), if order.is_empty() { NOTHING.into() } else { order.join("\n") }));
            lines.push((plan.rationale_prompt.clone(), written(&Field::Rationale)));
            for (i, criterion) in plan.rubric.iter().enumerate() {
                let mark = state.self_marks.get(&i).map_or("not marked", |m| m.label());
                lines.push((format!("Self-marked: {criterion}"), mark.into()));
            }
        }
        Some(Activity::Scenario(scenario)) => {
            let mut play = Play::start(scenario);
            for (n, (_, choice)) in state.path.iter().enumerate() {
                let Some(node) = play.current(scenario) else { break };
                let text = node.choices.get(*choice).map_or("(a choice no longer in the scenario)", |c| c.text.as_str());
                lines.push((format!("Choice {}", n + 1), text.to_string()));
                if play.choose(scenario, *choice).is_err() {
                    break;
                }
            }
            let ending = play.ended(scenario).map_or("Not reached".to_string(), |e| e.outcome.clone());
            lines.push(("Ending".into(), ending));
        }
        Some(Activity::Reflection(reflection)) => {
            for prompt in &reflection.prompts {
                let field = prompt.field();
                let answer = match shared.iter().find(|s| &s.item == item && s.field == field) {
                    Some(s) => s.text.clone(),
                    None => format!("Not shared ({})", crate::words::plural(state.words(&field), "word")),
                };
                lines.push((prompt.text.clone(), answer));
            }
        }
    }
    lines
}

fn question_lines(question: &Question, chosen: &[usize], state: &StepState) -> Vec<(String, String)> {
    let asked = first_paragraph_text(&question.text);
    let mut lines = Vec::new();
    match &question.answer {
        Answer::Choice { options, .. } => {
            let picked: Vec<&str> = chosen.iter().filter_map(|&i| options.get(i)).map(|o| o.text.as_str()).collect();
            let verdict = if picked.is_empty() { "" } else if crate::scoring::is_correct(question, chosen) { " (correct)" } else { " (not correct)" };
            lines.push((asked, format!("{}{verdict}", list_or_nothing(&picked))));
            if let Some(explain) = &question.explain {
                let text = state.text(&question.explain_field()).trim();
                lines.push((explain.clone(), if text.is_empty() { NOTHING.into() } else { text.into() }));
            }
        }
        Answer::Text { .. } => {
            let text = state.text(&question.answer_field()).trim();
            lines.push((asked, if text.is_empty() { NOTHING.into() } else { text.into() }));
        }
    }
    lines
}

fn list_or_nothing(items: &[&str]) -> String {
    if items.is_empty() { NOTHING.into() } else { items.join("; ") }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::progress::{attempt_log, Action, Record};

    #[test]
    fn a_tutor_reads_choices_plans_and_endings_but_only_shared_reflections() {
        let bundle = crate::testing::bundle();
        let records = crate::testing::completed_records(0);
        let progress = Progress::replay(&records);
        let steps = answers(&bundle, &progress, &[]);
        let titles: Vec<&str> = steps.iter().map(|s| s.step.as_str()).collect();
        assert_eq!(titles, ["Quiz", "Plan", "Scenario"]);
        assert_eq!(steps[0].lines[1], ("One?".to_string(), "Yes (correct)".to_string()));
        assert_eq!(steps[1].lines[0].1, "Real");
        assert!(steps[1].lines[2].1.starts_with("1. First\n2. Second"), "{:?}", steps[1].lines[2]);
        assert_eq!(steps[2].lines.last().unwrap(), &("Ending".to_string(), "Good".to_string()));
        assert_eq!(steps[2].lines[0], ("Choice 1".to_string(), "Good".to_string()));
        assert_eq!(steps[2].score, Some(Score { points: 3, max: 3 }));

        // A reflection step, answered: withheld in the log, shown only when shared.
        let with_reflection = crate::testing::bundle_with_reflection();
        let mine = [Record { bundle: "t".into(), item: crate::progress::ItemId::parse("m/r"), at_ms: 1, action: Action::Written { field: Field::Prompt("what".into()), text: "I listened to the nurse".into() } }];
        let log = Progress::replay(&attempt_log(&mine));
        let reflect = |shared: &[SharedReflection]| answers(&with_reflection, &log, shared).into_iter().find(|s| s.step == "Reflect").unwrap();
        assert_eq!(reflect(&[]).lines, [("What happened?".to_string(), "Not shared (5 words)".to_string())]);
        let shared = [SharedReflection { item: crate::progress::ItemId::parse("m/r"), field: Field::Prompt("what".into()), text: "I listened to the nurse".into() }];
        assert_eq!(reflect(&shared).lines[0].1, "I listened to the nurse");
        let one = [Record { bundle: "t".into(), item: crate::progress::ItemId::parse("m/r"), at_ms: 1, action: Action::Written { field: Field::Prompt("what".into()), text: "Fine".into() } }];
        let one_word = answers(&with_reflection, &Progress::replay(&attempt_log(&one)), &[]).into_iter().find(|s| s.step == "Reflect").unwrap();
        assert_eq!(one_word.lines[0].1, "Not shared (1 word)");
    }
}
