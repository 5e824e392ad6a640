//! Test fixtures shared by core's tests: a small bundle with a quiz (2 questions,
//! pass mark 2, 2 attempts), a care plan and a two-ending scenario.

use crate::bundle::Bundle;
use crate::source::SourceFiles;

const MANIFEST: &str = "id = \"t\"\nversion = \"1.0.0\"\ntitle = \"T\"\nsummary = \"S\"\nlicence = \"CC BY 4.0\"\n\
    publisher = { name = \"P\" }\naudience = { min-age = 14 }\ncareer-areas = [\"nursing\"]\nlearning-outcomes = [\"L\"]\n\
    modules = [\"m.md\"]\nnation = \"england\"\n\n[completion]\npass-mark = 60\n\n\
    [[sources]]\nabout = \"None needed\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://example.org/\"\nchecked = \"2026-12-06\"\n";

const MODULE: &str = r#"+++
id = "m"
title = "M"
kind = "reading"
minutes = 10
+++

## Quiz {#quiz}

```quiz
pass-mark = 2
attempts = 2

[[questions]]
id = "one"
text = "One?"
[[questions.options]]
text = "Yes"
correct = true
[[questions.options]]
text = "No"

[[questions]]
id = "many"
text = "Which?"
[[questions.options]]
text = "A"
correct = true
[[questions.options]]
text = "B"
correct = true
[[questions.options]]
text = "C"
```

## Plan {#plan}

```care-plan
goal-prompt = "Goal?"
rationale-prompt = "Why?"
min-words = 3
model-answer = "Model."
rubric = ["Safe", "Kind"]

[[needs]]
text = "Real"
correct = true
[[needs]]
text = "Distractor"

[[interventions]]
id = "first"
text = "First"
order = 1
[[interventions]]
id = "second"
text = "Second"
order = 2
[[interventions]]
id = "third"
text = "Third"
order = 3
[[interventions]]
id = "wrong"
text = "Wrong"
```

## Scenario {#story}

```scenario
start = "a"

[[nodes]]
id = "a"
text = "Start"
[[nodes.choices]]
text = "Good"
to = "good"
[[nodes.choices]]
text = "Bad"
to = "bad"

[[nodes]]
id = "good"
text = "Good end"
[nodes.ending]
outcome = "Good"
score = 3

[[nodes]]
id = "bad"
text = "Bad end"
[nodes.ending]
outcome = "Bad"
score = 1
```
"#;

pub fn bundle() -> Bundle {
    let parsed = parse_with_module(MODULE);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.bundle.unwrap()
}

/// [`bundle`] with a reflection step `m/r` added at the end: one prompt, `what`,
/// asking "What happened?".
pub fn bundle_with_reflection() -> Bundle {
    use crate::bundle::{Activity, Prompt, Reflection, Step};
    let mut bundle = bundle();
    let prompt = Prompt { id: "what".into(), text: "What happened?".into(), hint: None };
    bundle.modules[0].steps.push(Step {
        id: "r".into(),
        title: "Reflect".into(),
        before: vec![],
        activity: Some(Activity::Reflection(Reflection { prompts: vec![prompt], min_words: 0 })),
        after: vec![],
    });
    bundle
}

/// A one-module bundle around `module` (the text of `m.md`), parsed with whatever
/// diagnostics it has: tests of broken shapes need the bundle all the same.
pub fn parse_with_module(module: &str) -> crate::author::Parsed {
    let mut files = SourceFiles::new();
    files.insert("bundle.toml", MANIFEST);
    files.insert("m.md", module);
    crate::author::parse_bundle(&files)
}


/// The records of a learner who completed [`bundle`]: quiz 2/2, care plan 9/9, and
/// the scenario's `ending` (0 leads to the score-3 ending, 1 to the score-1 one).
pub fn completed_records(ending: usize) -> Vec<crate::progress::Record> {
    use crate::progress::{Action, Record};
    let at = |step: &str, ms: u64, action: Action| Record { bundle: "t".into(), item: crate::progress::ItemId::parse(&format!("m/{step}")), at_ms: ms, action };
    let answers = [("one".to_string(), vec![0]), ("many".to_string(), vec![0, 1])].into_iter().collect();
    vec![
        at("quiz", 1, Action::QuizSubmit { answers }),
        at("quiz", 2, Action::Done),
        at("plan", 3, Action::Needs { chosen: vec![0] }),
        at("plan", 4, Action::Interventions { order: vec!["first".into(), "second".into(), "third".into()] }),
        at("plan", 5, Action::Done),
        at("story", 6, Action::Choose { node: "a".into(), choice: ending }),
        at("story", 7, Action::Done),
    ]
}

/// A scenario node for tests: its id, its choices and, for an ending, an ending
/// worth 1 point.
pub fn scenario_node(id: &str, choices: Vec<crate::bundle::ScenarioChoice>, ending: bool) -> crate::bundle::Node {
    crate::bundle::Node {
        id: id.into(),
        speaker: None,
        role: None,
        text: vec![],
        notes: vec![],
        choices,
        ending: ending.then(|| crate::bundle::Ending { outcome: "End".into(), feedback: vec![], score: 1 }),
        keep_order: false,
    }
}

/// A plain choice for tests: its text is where it leads.
pub fn scenario_choice(to: &str) -> crate::bundle::ScenarioChoice {
    crate::bundle::ScenarioChoice { text: to.into(), to: to.into(), condition: None, effects: vec![], feedback: vec![] }
}

/// A shipped placement from content/, parsed.
pub fn placement(name: &str) -> Bundle {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content").join(name);
    let mut source = crate::source::SourceFiles::new();
    for entry in walk(&folder) {
        let path = entry.strip_prefix(&folder).unwrap().to_string_lossy().replace('\\', "/");
        source.insert(path, std::fs::read(&entry).unwrap());
    }
    crate::author::parse_bundle(&source).bundle.expect("a shipped placement parses")
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A learner who visits and finishes every step, answers every activity (each
/// written field at length, each choice the first option) and plays each scenario
/// to an ending (`author::sample::played`).
pub fn everything(bundle: &Bundle, words_each: usize) -> Vec<crate::progress::Record> {
    crate::author::sample::played(bundle, words_each, crate::author::sample::Answers::First)
}

/// The shipped placement with the most steps.
pub fn largest_placement() -> Bundle {
    ["hospice-placement", "allied-health-professions", "mental-health-and-learning-disability", "gp-to-diagnosis", "healthcare-science", "taste-of-healthcare", "more-than-doctors-and-nurses", "first-look"]
        .iter()
        .map(|name| placement(name))
        .max_by_key(|b| b.modules.iter().map(|m| m.steps.len()).sum::<usize>())
        .unwrap()
}
