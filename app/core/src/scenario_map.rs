//! The map of a branching scenario: nodes in layers by how many choices from the
//! start they are, choices as edges with their conditions and effects, and what is
//! wrong marked on both: what `wex check` reports from the graph (nodes that cannot
//! be reached, dead ends, loops with no way out, choices to missing nodes) and from
//! playing every state (`scenario_states`: nodes where a learner is stuck, choices
//! never offered). The author studio draws it as SVG; `wex graph` prints it as
//! Mermaid.

use crate::bundle::{Activity, Bundle, Module, Scenario, Step};
use crate::scenario::check_graph;
use crate::scenario_states::{describe, explore, MAX_STATES};
use crate::words::plural;
use std::collections::{BTreeMap, VecDeque};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapNode {
    pub id: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    /// The ending's outcome, for endings.
    pub ending: Option<String>,
    pub start: bool,
    /// No path from the start leads here, or only through choices never offered.
    pub unreachable: bool,
    /// Not an ending, and no choices.
    pub dead_end: bool,
    /// Reachable, but no ending can be reached from it (in some state).
    pub no_way_out: bool,
    /// Can be reached with none of its choices open: the shortest way there, in words.
    pub stuck: Option<String>,
    /// How many choices from the start (unreachable nodes get the layer after the last).
    pub layer: usize,
    /// Its place within the layer, from 0.
    pub slot: usize,
}

impl MapNode {
    pub fn has_problem(&self) -> bool {
        self.unreachable || self.dead_end || self.no_way_out || self.stuck.is_some()
    }

    /// Who speaks: "Dr Shah (GP)", if the node says.
    pub fn who(&self) -> Option<String> {
        match (&self.speaker, &self.role) {
            (Some(s), Some(r)) => Some(format!("{s} ({r})")),
            (Some(s), None) => Some(s.clone()),
            (None, Some(r)) => Some(r.clone()),
            (None, None) => None,
        }
    }

    /// What is wrong with it, in words; empty when nothing is.
    pub fn problems(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.stuck.is_some() {
            out.push("stuck: can be reached with no choice open");
        }
        if self.unreachable {
            out.push("cannot be reached from the start");
        }
        if self.dead_end {
            out.push("dead end: no choices and not an ending");
        }
        if self.no_way_out {
            out.push("no way out: no ending can be reached from here");
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapEdge {
    /// Index into [`ScenarioMap::nodes`].
    pub from: usize,
    /// `None` when the choice leads to a node that does not exist.
    pub to: Option<usize>,
    /// The missing node's id, when `to` is `None`.
    pub missing: Option<String>,
    pub label: String,
    /// The choice's condition, as the author wrote it: `trust >= 2`.
    pub condition: Option<String>,
    /// What the choice changes, in words: "adds 1 to trust".
    pub effects: Vec<String>,
    /// Its condition is false every time its node is reached.
    pub never_offered: bool,
}

impl MapEdge {
    pub fn conditional(&self) -> bool {
        self.condition.is_some()
    }

    /// Its condition and effects in words, for a label: "if trust >= 2; adds 1 to
    /// trust"; `None` for a plain choice.
    pub fn note(&self) -> Option<String> {
        let parts: Vec<String> = self.condition.iter().map(|c| format!("if {c}")).chain(self.effects.iter().cloned()).collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioMap {
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    pub layers: usize,
    /// The most nodes in one layer.
    pub widest: usize,
}

impl ScenarioMap {
    pub fn endings(&self) -> usize {
        self.nodes.iter().filter(|n| n.ending.is_some()).count()
    }

    /// "9 nodes, 11 choices, 3 endings".
    pub fn counts(&self) -> String {
        format!("{}, {}, {}", plural(self.nodes.len(), "node"), plural(self.edges.len(), "choice"), plural(self.endings(), "ending"))
    }

    /// Every problem with the scenario, in words: one line for each node with
    /// something wrong (with the way to a node where learners are stuck), and one for
    /// each choice that leads nowhere or is never offered.
    pub fn problems(&self) -> Vec<String> {
        let nodes = self.nodes.iter().filter(|n| n.has_problem()).map(|n| {
            let line = format!("{}: {}", n.id, n.problems().join("; "));
            match &n.stuck {
                Some(way) => format!("{line} ({way})"),
                None => line,
            }
        });
        let edges = self.edges.iter().filter_map(|e| {
            let from = &self.nodes[e.from].id;
            match (&e.missing, e.never_offered) {
                (Some(m), _) => Some(format!("{from}: a choice leads to “{m}”, which does not exist")),
                (None, true) => Some(format!("{from}: the choice “{}” is never offered (if {})", e.label, e.condition.as_deref().unwrap_or(""))),
                (None, false) => None,
            }
        });
        nodes.chain(edges).collect()
    }
}

/// The map of every scenario in a bundle, in order, with the module and step it is in.
pub fn maps(bundle: &Bundle) -> Vec<(&Module, &Step, ScenarioMap)> {
    bundle
        .modules
        .iter()
        .flat_map(|module| {
            module.steps.iter().filter_map(move |step| match &step.activity {
                Some(Activity::Scenario(scenario)) => Some((module, step, map(scenario))),
                _ => None,
            })
        })
        .collect()
}

/// Lays out a scenario's map.
pub fn map(scenario: &Scenario) -> ScenarioMap {
    let report = check_graph(scenario);
    let states = explore(scenario, MAX_STATES);
    let index: BTreeMap<&str, usize> = scenario.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    // Breadth-first from the start: a node's layer is its fewest choices from it.
    let mut layer: Vec<Option<usize>> = vec![None; scenario.nodes.len()];
    let mut queue = VecDeque::new();
    if let Some(&start) = index.get(scenario.start.as_str()) {
        layer[start] = Some(0);
        queue.push_back(start);
    }
    while let Some(i) = queue.pop_front() {
        let depth = layer[i].unwrap_or(0);
        for choice in &scenario.nodes[i].choices {
            if let Some(&j) = index.get(choice.to.as_str()) {
                if layer[j].is_none() {
                    layer[j] = Some(depth + 1);
                    queue.push_back(j);
                }
            }
        }
    }
    let last = layer.iter().flatten().max().map_or(0, |l| l + 1);
    let mut per_layer: BTreeMap<usize, usize> = BTreeMap::new();
    let nodes: Vec<MapNode> = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let l = layer[i].unwrap_or(last);
            let slot = per_layer.entry(l).or_default();
            let node = MapNode {
                id: n.id.clone(),
                speaker: n.speaker.clone(),
                role: n.role.clone(),
                ending: n.ending.as_ref().map(|e| e.outcome.clone()),
                start: n.id == scenario.start,
                unreachable: report.unreachable.contains(&n.id) || states.never_reached.contains(&n.id),
                dead_end: report.dead_ends.contains(&n.id),
                no_way_out: report.no_way_out.contains(&n.id) || (report.has_ending && states.no_way_out.iter().any(|(id, _)| id == &n.id)),
                stuck: states.stuck.iter().find(|(id, _)| id == &n.id).map(|(_, way)| describe(scenario, way)),
                layer: l,
                slot: *slot,
            };
            *slot += 1;
            node
        })
        .collect();
    let edges = scenario
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(i, n)| {
            let (index, states) = (&index, &states);
            n.choices.iter().enumerate().map(move |(k, c)| {
                let to = index.get(c.to.as_str()).copied();
                MapEdge {
                    from: i,
                    to,
                    missing: to.is_none().then(|| c.to.clone()),
                    label: c.text.clone(),
                    condition: c.condition.as_ref().map(|c| c.to_string()),
                    effects: c.effects.iter().map(|e| e.to_string()).collect(),
                    never_offered: states.never_open.iter().any(|(id, index)| id == &n.id && *index == k),
                }
            })
        })
        .collect();
    ScenarioMap { nodes, edges, layers: per_layer.keys().max().map_or(0, |l| l + 1), widest: per_layer.values().copied().max().unwrap_or(0) }
}

/// The map as a Mermaid flowchart, for a README or a pull request.
pub fn mermaid(map: &ScenarioMap) -> String {
    let text = |s: &str| s.replace('"', "#quot;").replace('\n', " ");
    let mut out = String::from("flowchart TD\n");
    for (i, node) in map.nodes.iter().enumerate() {
        let mut label = text(&node.id);
        if let Some(who) = node.who() {
            label.push_str(&format!(": {}", text(&who)));
        }
        if let Some(outcome) = &node.ending {
            label.push_str(&format!("<br/>Ending: {}", text(outcome)));
        }
        for problem in node.problems() {
            label.push_str(&format!("<br/>⚠ {problem}"));
        }
        let shape = if node.ending.is_some() { ("([\"", "\"])") } else { ("[\"", "\"]") };
        out.push_str(&format!("  n{i}{}{label}{}\n", shape.0, shape.1));
    }
    for (m, edge) in map.edges.iter().enumerate() {
        let label = match edge.note() {
            Some(note) => format!("{}<br/>{}", text(&edge.label), text(&note)),
            None => text(&edge.label),
        };
        let arrow = if edge.conditional() { "-.->" } else { "-->" };
        match edge.to {
            Some(to) => out.push_str(&format!("  n{} {arrow}|\"{label}\"| n{to}\n", edge.from)),
            None => out.push_str(&format!(
                "  n{} {arrow}|\"{label}\"| missing{m}[\"⚠ missing node: {}\"]\n  class missing{m} problem\n",
                edge.from,
                text(edge.missing.as_deref().unwrap_or(""))
            )),
        }
    }
    out.push_str("  classDef start stroke-width:4px\n  classDef ending fill:#e6f4ea,stroke:#007f3b\n  classDef problem fill:#fde8e6,stroke:#d5281b,stroke-dasharray:4 3\n");
    for (class, wanted) in [("start", &(|n: &MapNode| n.start) as &dyn Fn(&MapNode) -> bool), ("ending", &|n: &MapNode| n.ending.is_some()), ("problem", &MapNode::has_problem)] {
        let ids: Vec<String> = map.nodes.iter().enumerate().filter(|(_, n)| wanted(n)).map(|(i, _)| format!("n{i}")).collect();
        if !ids.is_empty() {
            out.push_str(&format!("  class {} {class}\n", ids.join(",")));
        }
    }
    out
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::bundle::Activity;

    fn scenario(toml_nodes: &str) -> Scenario {
        let module = format!("+++\nid = \"m\"\ntitle = \"M\"\nkind = \"mdt\"\nminutes = 5\n+++\n\n## S {{#s}}\n\n```scenario\n{toml_nodes}```\n");
        match crate::testing::parse_with_module(&module).bundle.unwrap().modules[0].steps[0].activity.clone() {
            Some(Activity::Scenario(s)) => s,
            other => panic!("not a scenario: {other:?}"),
        }
    }

    const SHAPE: &str = r#"start = "a"

[[nodes]]
id = "a"
speaker = "Dr Shah"
role = "GP"
text = "Start"
[[nodes.choices]]
text = "Say \"hello\""
to = "b"
[[nodes.choices]]
text = "Loop"
to = "loop"

[[nodes]]
id = "b"
text = "End"
[nodes.ending]
outcome = "Good"
score = 1

[[nodes]]
id = "loop"
text = "Round and round"
[[nodes.choices]]
text = "Again"
to = "loop"

[[nodes]]
id = "island"
text = "Nobody comes here"
[nodes.ending]
outcome = "Lonely"
score = 0
"#;

    #[test]
    fn layers_and_problems() {
        let m = map(&scenario(SHAPE));
        let by_id = |id: &str| m.nodes.iter().find(|n| n.id == id).unwrap().clone();
        assert_eq!((by_id("a").layer, by_id("b").layer, by_id("loop").layer, by_id("island").layer), (0, 1, 1, 2));
        assert_eq!((by_id("b").slot, by_id("loop").slot), (0, 1));
        assert!(by_id("a").start && !by_id("a").has_problem());
        assert!(by_id("loop").no_way_out);
        assert!(by_id("island").unreachable);
        assert_eq!(by_id("a").who().as_deref(), Some("Dr Shah (GP)"));
        assert_eq!((m.layers, m.widest, m.edges.len()), (3, 2, 3));
        assert_eq!(m.counts(), "4 nodes, 3 choices, 2 endings");
        assert_eq!(
            m.problems(),
            ["loop: no way out: no ending can be reached from here", "island: cannot be reached from the start"]
        );
    }

    #[test]
    fn conditions_and_effects_label_choices_and_what_only_conditions_cause_is_marked() {
        let m = map(&scenario(
            r#"start = "a"
counters = { trust = 0 }
flags = ["kind"]

[[nodes]]
id = "a"
text = "Start"
[[nodes.choices]]
text = "Listen"
to = "b"
add = { trust = 1 }
[[nodes.choices]]
text = "Be kind"
to = "end"
if = "kind"

[[nodes]]
id = "b"
text = "Decide"
[[nodes.choices]]
text = "Finish"
to = "end"
if = "trust >= 5"
set = ["kind"]

[[nodes]]
id = "end"
text = "End"
[nodes.ending]
outcome = "Done"
score = 1
"#,
        ));
        let notes: Vec<Option<String>> = m.edges.iter().map(MapEdge::note).collect();
        assert_eq!(notes, [Some("adds 1 to trust".into()), Some("if kind".into()), Some("if trust >= 5; sets kind".into())]);
        assert!(m.edges[1].never_offered && !m.edges[2].never_offered, "b's choice is covered by b being stuck");
        assert_eq!(
            m.problems(),
            [
                "b: stuck: can be reached with no choice open (after “Listen” (at `a`))",
                "end: cannot be reached from the start",
                "a: the choice “Be kind” is never offered (if kind)",
            ]
        );
        assert!(mermaid(&m).contains(r#"n0 -.->|"Be kind<br/>if kind"| n2"#), "{}", mermaid(&m));
    }

    #[test]
    fn every_scenario_of_a_bundle_with_where_it_is() {
        let bundle = crate::testing::bundle();
        let found: Vec<(&str, &str, usize)> = maps(&bundle).iter().map(|(m, s, map)| (m.id.as_str(), s.id.as_str(), map.nodes.len())).collect();
        assert_eq!(found, [("m", "story", 3)]);
    }

    #[test]
    fn a_choice_to_a_missing_node_is_a_problem_of_its_own() {
        let m = map(&scenario(&SHAPE.replace("to = \"b\"", "to = \"bee\"")));
        assert!(m.problems().contains(&"a: a choice leads to “bee”, which does not exist".to_string()), "{:?}", m.problems());
        assert_eq!(m.counts(), "4 nodes, 3 choices, 2 endings");
    }

    #[test]
    fn mermaid_text() {
        let text = mermaid(&map(&scenario(SHAPE)));
        expect_test::expect![[r#"
            flowchart TD
              n0["a: Dr Shah (GP)"]
              n1(["b<br/>Ending: Good"])
              n2["loop<br/>⚠ no way out: no ending can be reached from here"]
              n3(["island<br/>Ending: Lonely<br/>⚠ cannot be reached from the start"])
              n0 -->|"Say #quot;hello#quot;"| n1
              n0 -->|"Loop"| n2
              n2 -->|"Again"| n2
              classDef start stroke-width:4px
              classDef ending fill:#e6f4ea,stroke:#007f3b
              classDef problem fill:#fde8e6,stroke:#d5281b,stroke-dasharray:4 3
              class n0 start
              class n1,n3 ending
              class n2,n3 problem
        "#]]
        .assert_eq(&text);
    }
}
