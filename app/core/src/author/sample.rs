//! Generated bundles and played-through learners, for benchmarks and tests: the same folder for `cargo bench` and for the
//! studio's re-check in the browser (`cargo run -p wex-cli --example large-bundle`).

use crate::bundle::Bundle;
use crate::source::SourceFiles;

/// A bundle folder of `modules` modules of `steps` steps each: reading pages, and in
/// every ten steps a quiz, a reflection and a 12-node scenario with counters and
/// conditions. For benchmarks (`cargo bench`, the studio's re-check in the browser).
pub fn large(modules: usize, steps: usize) -> SourceFiles {
    let mut files = SourceFiles::new();
    let module_paths: Vec<String> = (0..modules).map(|m| format!("\"modules/m{m}.md\"")).collect();
    files.insert(
        "bundle.toml",
        format!(
            "id = \"bench\"\nversion = \"1.0.0\"\ntitle = \"Benchmark\"\nsummary = \"A large bundle.\"\nlicence = \"CC BY 4.0\"\n\
             publisher = {{ name = \"Bench\" }}\naudience = {{ min-age = 14 }}\ncareer-areas = [\"nursing\"]\n\
             learning-outcomes = [\"Be fast.\"]\nmodules = [{}]\nnation = \"england\"\n\n\
             [[sources]]\nabout = \"None needed\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://example.org/\"\nchecked = \"2026-12-06\"\n",
            module_paths.join(", ")
        ),
    );
    for m in 0..modules {
        let mut text = format!("+++\nid = \"m{m}\"\ntitle = \"Module {m}\"\nkind = \"reading\"\nminutes = 30\n+++\n\n");
        for s in 0..steps {
            text.push_str(&format!("## Step {s} {{#s{s}}}\n\n"));
            text.push_str("A paragraph of *reading* with a [link](https://www.nhs.uk/) and **bold** words, long enough to be realistic for a learner.\n\n- one\n- two\n- three\n\n");
            match s % 10 {
                3 => text.push_str(
                    "```quiz\n[[questions]]\nid = \"q\"\ntext = \"Which?\"\n\n[[questions.options]]\ntext = \"This\"\ncorrect = true\nfeedback = \"Yes.\"\n\n[[questions.options]]\ntext = \"That\"\nfeedback = \"No.\"\n```\n\n",
                ),
                6 => text.push_str("```reflection\nmin-words = 10\n\n[[prompts]]\nid = \"what\"\ntext = \"What happened?\"\n```\n\n"),
                9 => {
                    text.push_str("```scenario\nstart = \"n0\"\ncounters = { trust = 0 }\n\n");
                    for n in 0..11 {
                        text.push_str(&format!(
                            "[[nodes]]\nid = \"n{n}\"\nspeaker = \"Nurse\"\nrole = \"Staff nurse\"\ntext = \"Node {n}.\"\n\n\
                             [[nodes.choices]]\ntext = \"On\"\nto = \"n{}\"\nadd = {{ trust = 1 }}\n\n\
                             [[nodes.choices]]\ntext = \"Finish\"\nto = \"end\"\nif = \"trust >= 1\"\n\n",
                            n + 1
                        ));
                    }
                    text.push_str("[[nodes]]\nid = \"n11\"\ntext = \"Last.\"\n\n[[nodes.choices]]\ntext = \"End\"\nto = \"end\"\n\n");
                    text.push_str("[[nodes]]\nid = \"end\"\ntext = \"Done.\"\n\n[nodes.ending]\noutcome = \"Done\"\nscore = 1\n```\n\n");
                }
                _ => {}
            }
        }
        files.insert(format!("modules/m{m}.md"), text);
    }
    files
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_large_bundle_checks_clean() {
        let parsed = crate::author::parse_bundle(&super::large(2, 20));
        assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics.first());
        assert_eq!(parsed.bundle.unwrap().modules.iter().map(|m| m.steps.len()).sum::<usize>(), 40);
    }
}

/// Which options a played-through learner picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answers {
    /// The first option of each question and need, every intervention in the order
    /// written: right or wrong as it falls.
    First,
    /// The right ones, and the model plan: a learner who earns the certificate.
    Right,
}

/// A learner who visits and finishes every step, answers every activity (each
/// written field at length) and plays each scenario to an ending by its first
/// choices, a few seconds between actions: for tests, benchmarks and the
/// `played-through` example.
pub fn played(bundle: &Bundle, words_each: usize, answers: Answers) -> Vec<crate::progress::Record> {
    use crate::bundle::{Activity, Answer};
    use crate::progress::{Action, Field, ItemId, Record};
    let mut records = Vec::new();
    let mut at = 1_765_000_000_000u64;
    let mut push = |item: &ItemId, action: Action| {
        at += 4_321;
        records.push(Record { bundle: bundle.id.clone(), item: item.clone(), at_ms: at, action });
    };
    let pick = |q: &crate::bundle::Question| match (answers, &q.answer) {
        (Answers::Right, Answer::Choice { options, .. }) => options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i).collect(),
        _ => vec![0],
    };
    let essay: String = (0..words_each).map(|i| if i % 12 == 0 { "Reflecting, " } else { "word " }).collect();
    for module in &bundle.modules {
        for step in &module.steps {
            let item = ItemId::step(&module.id, &step.id);
            push(&item, Action::Visit);
            match &step.activity {
                Some(Activity::Quiz(quiz)) => {
                    for q in &quiz.questions {
                        push(&item, Action::Pick { question: q.id.clone(), chosen: pick(q) });
                    }
                    push(&item, Action::QuizSubmit { answers: quiz.questions.iter().map(|q| (q.id.clone(), pick(q))).collect() });
                }
                Some(Activity::CaseStudy(case)) => {
                    for q in &case.questions {
                        match q.answer {
                            Answer::Choice { .. } => push(&item, Action::CaseAnswer { question: q.id.clone(), chosen: pick(q) }),
                            Answer::Text { .. } => push(&item, Action::Written { field: q.answer_field(), text: essay.clone() }),
                        }
                    }
                }
                Some(Activity::CarePlan(plan)) => {
                    let (needs, order) = match answers {
                        Answers::First => (vec![0, 1], plan.interventions.iter().map(|i| i.id.clone()).collect()),
                        Answers::Right => {
                            let mut model: Vec<_> = plan.interventions.iter().filter(|i| i.order.is_some()).collect();
                            model.sort_by_key(|i| i.order);
                            (plan.needs.iter().enumerate().filter(|(_, n)| n.correct).map(|(i, _)| i).collect(), model.iter().map(|i| i.id.clone()).collect())
                        }
                    };
                    push(&item, Action::Needs { chosen: needs });
                    push(&item, Action::Written { field: Field::Goal, text: essay.clone() });
                    push(&item, Action::Interventions { order });
                    push(&item, Action::Written { field: Field::Rationale, text: essay.clone() });
                    push(&item, Action::PlanSubmit);
                    for criterion in 0..plan.rubric.len() {
                        push(&item, Action::SelfMark { criterion, mark: crate::progress::SelfMark::Yes });
                    }
                }
                Some(Activity::Scenario(scenario)) => {
                    let mut play = crate::scenario::Play::start(scenario);
                    while play.ended(scenario).is_none() {
                        let node = play.current(scenario).unwrap().id.clone();
                        let choice = play.available(scenario)[0];
                        play.choose(scenario, choice).unwrap();
                        push(&item, Action::Choose { node, choice });
                    }
                }
                Some(Activity::Reflection(reflection)) => {
                    for prompt in &reflection.prompts {
                        push(&item, Action::Written { field: prompt.field(), text: essay.clone() });
                    }
                }
                Some(Activity::Media(_)) | None => {}
            }
            push(&item, Action::Done);
        }
    }
    records
}
