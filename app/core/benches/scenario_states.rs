//! Playing every state of a scenario (`scenario_states::explore`, run by `wex check`
//! and the studio for each scenario): the largest shipped scenario, a generated one
//! of 1,000 nodes with a counter and a flag, and one whose counter goes up and down
//! without limit, so the walk stops at MAX_STATES.
//! Run: `cargo bench -p wex-core --bench scenario_states`. Figures go in
//! docs/benchmarks.md.

use std::collections::BTreeMap;
use std::path::Path;
use wex_core::bundle::{Activity, Ending, Node, Scenario, ScenarioChoice};
use wex_core::scenario::{parse_condition, Effect};
use wex_core::scenario_states::{explore, MAX_STATES};
use wex_core::source::SourceFiles;

fn main() {
    let (name, shipped) = largest_shipped();
    let report = explore(&shipped, MAX_STATES);
    println!("Largest shipped scenario: {name}, {} nodes, {} states, complete: {}", shipped.nodes.len(), report.states, report.complete);
    let generated = generated(1_000);
    let report = explore(&generated, MAX_STATES);
    println!("Generated scenario: {} nodes, {} states, complete: {}", generated.nodes.len(), report.states, report.complete);
    divan::main();
}

fn read_folder(root: &Path, dir: &Path, files: &mut SourceFiles) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_folder(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

/// The shipped scenario with the most nodes, and where it is.
fn largest_shipped() -> (String, Scenario) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let mut best: Option<(String, Scenario)> = None;
    for entry in std::fs::read_dir(&content).unwrap() {
        let folder = entry.unwrap().path();
        let mut files = SourceFiles::new();
        read_folder(&folder, &folder, &mut files);
        let Some(bundle) = wex_core::author::parse_bundle(&files).bundle else { continue };
        for module in &bundle.modules {
            for step in &module.steps {
                if let Some(Activity::Scenario(scenario)) = &step.activity {
                    if best.as_ref().is_none_or(|(_, b)| scenario.nodes.len() > b.nodes.len()) {
                        best = Some((format!("{}/{}/{}", bundle.id, module.id, step.id), scenario.clone()));
                    }
                }
            }
        }
    }
    best.expect("the shipped content has a scenario")
}

/// `n` nodes in a line with side branches: each goes on (building trust), skips
/// one (noting a worry), or, once trust is built and the worry noted, goes back
/// three to talk again; the last node leads to the ending.
fn generated(n: usize) -> Scenario {
    let choice = |text: &str, to: String, condition: Option<&str>, effects: Vec<Effect>| ScenarioChoice {
        text: text.into(),
        to,
        condition: condition.map(|c| parse_condition(c).unwrap()),
        effects,
        feedback: vec![],
    };
    let node = |id: String, choices: Vec<ScenarioChoice>, ending: Option<Ending>| Node { id, speaker: None, role: None, text: vec![], notes: vec![], choices, ending, keep_order: false };
    let id = |i: usize| if i >= n { "end".to_string() } else { format!("n{i}") };
    let mut nodes: Vec<Node> = (0..n)
        .map(|i| {
            node(
                id(i),
                vec![
                    choice("Listen", id(i + 1), None, vec![Effect::Add { counter: "trust".into(), amount: 1 }]),
                    choice("Note the worry", id(i + 2), None, vec![Effect::Set("worried".into())]),
                    choice("Talk again", id(i.saturating_sub(3)), Some("worried and trust >= 3"), vec![Effect::Unset("worried".into())]),
                ],
                None,
            )
        })
        .collect();
    nodes.push(node("end".into(), vec![], Some(Ending { outcome: "Done".into(), feedback: vec![], score: 1 })));
    Scenario { start: "n0".into(), allow_back: true, counters: BTreeMap::from([("trust".to_string(), 0)]), flags: vec!["worried".into()], nodes }
}

/// A counter that goes up by 1 and down by 3 at will: endless states.
fn unbounded() -> Scenario {
    let mut scenario = generated(1);
    scenario.counters = BTreeMap::from([("mood".to_string(), 0)]);
    let node = &mut scenario.nodes[0];
    node.choices[0].to = "n0".into();
    node.choices[0].effects = vec![Effect::Add { counter: "mood".into(), amount: 1 }];
    node.choices[1].to = "n0".into();
    node.choices[1].effects = vec![Effect::Add { counter: "mood".into(), amount: -3 }];
    node.choices[2].to = "end".into();
    node.choices[2].condition = Some(parse_condition("mood == 7").unwrap());
    node.choices[2].effects = vec![];
    scenario
}

#[divan::bench(sample_count = 10)]
fn stopping_at_the_limit(bencher: divan::Bencher) {
    let scenario = unbounded();
    assert!(!explore(&scenario, MAX_STATES).complete);
    bencher.bench(|| explore(divan::black_box(&scenario), MAX_STATES));
}

#[divan::bench(sample_count = 30)]
fn largest_shipped_scenario(bencher: divan::Bencher) {
    let (_, scenario) = largest_shipped();
    bencher.bench(|| explore(divan::black_box(&scenario), MAX_STATES));
}

#[divan::bench(sample_count = 30)]
fn generated_1000_nodes(bencher: divan::Bencher) {
    let scenario = generated(1_000);
    bencher.bench(|| explore(divan::black_box(&scenario), MAX_STATES));
}
