//! Tests of the placements shipped in `content/`, for what a trust would check
//! before publishing them and the checker cannot know about every placement: no
//! throwaway questions, written work that suits 16 to 19 year olds, sources and a
//! nation, and each named person in one placement only (docs/content.md).

use crate::bundle::{Activity, Answer, Bundle};
use crate::testing::placement;
use std::collections::BTreeMap;

const SHIPPED: [&str; 8] = [
    "allied-health-professions",
    "first-look",
    "gp-to-diagnosis",
    "healthcare-science",
    "hospice-placement",
    "mental-health-and-learning-disability",
    "more-than-doctors-and-nurses",
    "taste-of-healthcare",
];

fn shipped() -> Vec<Bundle> {
    SHIPPED.iter().map(|name| placement(name)).collect()
}

fn activities(bundle: &Bundle) -> impl Iterator<Item = (String, &Activity)> {
    bundle.modules.iter().flat_map(move |m| m.steps.iter().filter_map(move |s| s.activity.as_ref().map(|a| (format!("{}/{}/{}", bundle.id, m.id, s.id), a))))
}

#[test]
fn every_choice_question_has_three_options_or_more_and_says_why_each_wrong_one_is_wrong() {
    let mut problems = Vec::new();
    for bundle in shipped() {
        for (at, activity) in activities(&bundle) {
            let questions = match activity {
                Activity::Quiz(quiz) => &quiz.questions,
                Activity::CaseStudy(case) => &case.questions,
                _ => continue,
            };
            for q in questions {
                let Answer::Choice { options, .. } = &q.answer else { continue };
                if options.len() < 3 {
                    problems.push(format!("{at}: `{}` has {} options", q.id, options.len()));
                }
                for wrong in options.iter().filter(|o| !o.correct && o.feedback.is_empty()) {
                    problems.push(format!("{at}: `{}`: no feedback on “{}”", q.id, wrong.text));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn written_work_asks_for_more_than_40_words_with_a_model_answer_and_a_rubric() {
    let mut problems = Vec::new();
    for bundle in shipped() {
        for (at, activity) in activities(&bundle) {
            match activity {
                Activity::CarePlan(plan) if plan.min_words <= 40 || plan.rubric.is_empty() => problems.push(format!("{at}: care plan asks for {} words, rubric of {}", plan.min_words, plan.rubric.len())),
                Activity::CaseStudy(case) => {
                    for q in &case.questions {
                        if let Answer::Text { min_words, rubric, model_answer } = &q.answer {
                            if *min_words <= 40 || rubric.is_empty() || model_answer.is_empty() {
                                problems.push(format!("{at}: `{}` asks for {min_words} words, rubric of {}", q.id, rubric.len()));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_placement_names_its_nation_and_dated_sources() {
    for bundle in shipped() {
        assert!(bundle.nation.is_some(), "{} names no nation", bundle.id);
        assert!(bundle.sources.len() >= 10, "{} lists {} sources", bundle.id, bundle.sources.len());
    }
}

/// Titles and roles that are not names.
const NOT_NAMES: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Dr", "Doctor", "Nurse", "Sister", "Staff", "Professor", "Prof", "The", "You", "Your", "Mum", "Dad", "Nan", "Grandad"];

/// The words of the names in case-study people and scenario speakers, by placement.
fn names(bundle: &Bundle) -> Vec<String> {
    let mut people: Vec<&str> = Vec::new();
    for (_, activity) in activities(bundle) {
        match activity {
            Activity::CaseStudy(case) => people.push(case.person.split(',').next().unwrap_or("")),
            Activity::Scenario(scenario) => people.extend(scenario.nodes.iter().filter_map(|n| n.speaker.as_deref())),
            _ => {}
        }
    }
    let mut words: Vec<String> = people
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1 && !NOT_NAMES.contains(w))
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn each_named_person_belongs_to_one_placement() {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for bundle in shipped() {
        for name in names(&bundle) {
            seen.entry(name).or_default().push(bundle.id.clone());
        }
    }
    let shared: Vec<_> = seen.into_iter().filter(|(_, placements)| placements.len() > 1).collect();
    assert!(shared.is_empty(), "names in more than one placement: {shared:#?}");
}

#[test]
fn a_bereaved_learner_and_one_who_prefers_easy_read_choose_freely() {
    // Left out of `required-modules`: the certificate does not depend on them, and
    // nothing of them reaches a tutor (`scoring::counted`).
    for bundle in shipped() {
        let optional: Vec<&str> = bundle.modules.iter().map(|m| m.id.as_str()).filter(|id| !bundle.completion.required_modules.iter().any(|r| r == id)).collect();
        match bundle.id.as_str() {
            "hospice-placement" => assert_eq!(optional, ["team-meeting", "supporting-families"], "Jo's story, with its alternative"),
            "mental-health-and-learning-disability" => assert!(optional.len() == 1 && optional[0].starts_with("easy-read"), "{optional:?}"),
            _ => assert!(optional.is_empty(), "{}: {optional:?}", bundle.id),
        }
    }
}
