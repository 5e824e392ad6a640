//! Every state a scenario can be in as it is played: the node, and the counters and
//! flags the choices so far have changed. The graph checks in `scenario` ignore
//! conditions; this walk plays every choice that is open in each state, from the
//! start, so it finds what only conditions cause: a node reached with no choice
//! open (the learner is stuck), a choice that is never offered, a node or ending
//! no way through reaches, and a loop a learner can enter but never leave.
//!
//! The walk is breadth first, so the way it gives to each problem is a shortest
//! one. It stops after [`MAX_STATES`] states and says so ([`StateReport::complete`]).
//! A counter is kept exactly where its value matters: one that only ever rises
//! is held at one more than the largest number a condition compares it with (every
//! larger value passes and fails the same tests, and it cannot come back down), and
//! one that only falls likewise; one no condition reads is not tracked at all.

use crate::bundle::Scenario;
use crate::scenario::{Condition, Effect, Variables};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// How many states the walk visits before it gives up on checking fully.
pub const MAX_STATES: usize = 50_000;

/// A way through a scenario: each choice taken from the start, as (node id, choice
/// index).
pub type Way = Vec<(String, usize)>;

/// What playing every state of a scenario found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateReport {
    /// Nodes with choices that can be reached with none of them open, each with the
    /// shortest way there.
    pub stuck: Vec<(String, Way)>,
    /// Nodes that can be reached in a state from which every way on goes round a
    /// loop for ever, with the shortest way there. Only when the walk is complete.
    pub no_way_out: Vec<(String, Way)>,
    /// Choices (node id, index) at a reached node whose condition is false every
    /// time the node is reached, except at nodes in `stuck` (which says it all).
    /// Only when the walk is complete.
    pub never_open: Vec<(String, usize)>,
    /// Nodes no way through reaches (whatever the graph alone would allow). Only
    /// when the walk is complete.
    pub never_reached: Vec<String>,
    /// How many states the walk visited.
    pub states: usize,
    /// Whether it visited every state (false: it stopped at the limit).
    pub complete: bool,
}

/// A way through in words, for a diagnostic: "after “Listen” (at `a`) → “Ask
/// again” (at `talk`)", or "at the start". Long choice texts are shortened.
pub fn describe(scenario: &Scenario, way: &[(String, usize)]) -> String {
    if way.is_empty() {
        return "at the start".into();
    }
    let steps: Vec<String> = way
        .iter()
        .map(|(node, index)| {
            let text = scenario.nodes.iter().find(|n| &n.id == node).and_then(|n| n.choices.get(*index)).map(|c| c.text.as_str()).unwrap_or("?");
            let short: String = if text.chars().count() > 40 { text.chars().take(39).collect::<String>() + "…" } else { text.to_string() };
            format!("“{short}” (at `{node}`)")
        })
        .collect();
    format!("after {}", steps.join(" → "))
}

/// Where a counter's value stops mattering: values beyond are held at the bound.
#[derive(Clone, Copy, Debug, Default)]
struct Hold {
    /// The counter is never read: it stays at 0 in the walk.
    unread: bool,
    at_most: Option<i32>,
    at_least: Option<i32>,
}

/// How each counter may be held (see the module's notes).
fn holds_for(scenario: &Scenario) -> BTreeMap<String, Hold> {
    let mut compared: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    let mut amounts: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for node in &scenario.nodes {
        for choice in &node.choices {
            for test in choice.condition.iter().flat_map(Condition::tests) {
                if let Condition::Compare { counter, value, .. } = test {
                    compared.entry(counter.as_str()).or_default().push(*value);
                }
            }
            for effect in &choice.effects {
                if let Effect::Add { counter, amount } = effect {
                    amounts.entry(counter).or_default().push(*amount);
                }
            }
        }
    }
    let names = scenario.counters.keys().map(String::as_str).chain(amounts.keys().copied());
    names
        .map(|name| {
            let hold = match compared.get(name) {
                None => Hold { unread: true, ..Hold::default() },
                Some(values) => {
                    let steps = amounts.get(name).map(Vec::as_slice).unwrap_or_default();
                    let (min, max) = (values.iter().min().copied().unwrap_or(0), values.iter().max().copied().unwrap_or(0));
                    Hold {
                        unread: false,
                        at_most: steps.iter().all(|a| *a >= 0).then(|| max.saturating_add(1)),
                        at_least: steps.iter().all(|a| *a <= 0).then(|| min.saturating_sub(1)),
                    }
                }
            };
            (name.to_string(), hold)
        })
        .collect()
}

fn hold(vars: &mut Variables, holds: &BTreeMap<String, Hold>) {
    for (name, value) in vars.counters.iter_mut() {
        let Some(hold) = holds.get(name) else { continue };
        if hold.unread {
            *value = 0;
        }
        if let Some(most) = hold.at_most {
            *value = (*value).min(most);
        }
        if let Some(least) = hold.at_least {
            *value = (*value).max(least);
        }
    }
}

/// Plays every state of a scenario reachable from its start, up to `max_states`.
pub fn explore(scenario: &Scenario, max_states: usize) -> StateReport {
    let index: HashMap<&str, usize> = scenario.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let Some(&start) = index.get(scenario.start.as_str()) else {
        return StateReport { complete: true, ..StateReport::default() };
    };
    let holds = holds_for(scenario);
    let mut first = Variables { counters: scenario.counters.clone(), flags: Default::default() };
    hold(&mut first, &holds);

    // Every state: its node, variables, and the state and choice it was first reached by.
    let mut states: Vec<(usize, Variables, Option<(usize, usize)>)> = vec![(start, first.clone(), None)];
    let mut seen: HashMap<(usize, Variables), usize> = HashMap::from([((start, first), 0)]);
    let mut next: Vec<Vec<usize>> = vec![Vec::new()];
    let mut open: Vec<Vec<bool>> = scenario.nodes.iter().map(|n| vec![false; n.choices.len()]).collect();
    let mut stuck_at: Vec<Option<usize>> = vec![None; scenario.nodes.len()];
    let mut complete = true;
    let mut queue = VecDeque::from([0]);
    while let Some(state) = queue.pop_front() {
        let (at, vars) = (states[state].0, states[state].1.clone());
        let node = &scenario.nodes[at];
        if node.ending.is_some() {
            continue;
        }
        let mut any_open = false;
        for (i, choice) in node.choices.iter().enumerate() {
            if !choice.condition.as_ref().is_none_or(|c| c.holds(&vars)) {
                continue;
            }
            any_open = true;
            open[at][i] = true;
            // A choice to a missing node is reported by the graph checks.
            let Some(&to) = index.get(choice.to.as_str()) else { continue };
            let mut after = vars.clone();
            for effect in &choice.effects {
                effect.apply(&mut after);
            }
            hold(&mut after, &holds);
            let key = (to, after);
            let reached = match seen.get(&key) {
                Some(&known) => known,
                None if states.len() >= max_states => {
                    complete = false;
                    continue;
                }
                None => {
                    let id = states.len();
                    states.push((to, key.1.clone(), Some((state, i))));
                    next.push(Vec::new());
                    seen.insert(key, id);
                    queue.push_back(id);
                    id
                }
            };
            next[state].push(reached);
        }
        if !any_open && !node.choices.is_empty() && stuck_at[at].is_none() {
            stuck_at[at] = Some(state);
        }
    }

    let way_to = |mut state: usize| -> Way {
        let mut way = Vec::new();
        while let Some((from, choice)) = states[state].2 {
            way.push((scenario.nodes[states[from].0].id.clone(), choice));
            state = from;
        }
        way.reverse();
        way
    };
    let mut report = StateReport { states: states.len(), complete, ..StateReport::default() };
    report.stuck = stuck_at.iter().enumerate().filter_map(|(node, state)| state.map(|s| (scenario.nodes[node].id.clone(), way_to(s)))).collect();
    if !complete {
        return report;
    }

    // States that can come to an end of any kind (an ending, or a node where the
    // learner is stuck, reported above): the others go round for ever.
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); states.len()];
    for (state, nexts) in next.iter().enumerate() {
        for &n in nexts {
            before[n].push(state);
        }
    }
    let mut ends = vec![false; states.len()];
    let mut queue: VecDeque<usize> = (0..states.len()).filter(|&s| next[s].is_empty()).collect();
    for &s in &queue {
        ends[s] = true;
    }
    while let Some(s) = queue.pop_front() {
        for &b in &before[s] {
            if !ends[b] {
                ends[b] = true;
                queue.push_back(b);
            }
        }
    }
    let mut reported = vec![false; scenario.nodes.len()];
    for (state, (at, _, _)) in states.iter().enumerate() {
        if !ends[state] && !reported[*at] {
            reported[*at] = true;
            report.no_way_out.push((scenario.nodes[*at].id.clone(), way_to(state)));
        }
    }
    report.no_way_out.sort_by_key(|(id, _)| index[id.as_str()]);

    let mut reached = vec![false; scenario.nodes.len()];
    for (at, _, _) in &states {
        reached[*at] = true;
    }
    for (i, node) in scenario.nodes.iter().enumerate() {
        if !reached[i] {
            report.never_reached.push(node.id.clone());
        } else if node.ending.is_none() && stuck_at[i].is_none() {
            report.never_open.extend(open[i].iter().enumerate().filter(|(_, o)| !**o).map(|(c, _)| (node.id.clone(), c)));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Node, ScenarioChoice};
    use crate::scenario::parse_condition;

    /// A node; each choice is (to, condition, effects as "trust 2", "set kind", "unset kind").
    fn node(id: &str, choices: &[(&str, &str, &[&str])]) -> Node {
        let choice = |(to, condition, effects): &(&str, &str, &[&str])| ScenarioChoice {
            text: format!("to {to}"),
            condition: (!condition.is_empty()).then(|| parse_condition(condition).unwrap()),
            effects: effects
                .iter()
                .map(|e| match e.split_whitespace().collect::<Vec<_>>()[..] {
                    ["set", flag] => Effect::Set(flag.into()),
                    ["unset", flag] => Effect::Unset(flag.into()),
                    [counter, amount] => Effect::Add { counter: counter.into(), amount: amount.parse().unwrap() },
                    _ => panic!("{e}"),
                })
                .collect(),
            ..crate::testing::scenario_choice(to)
        };
        crate::testing::scenario_node(id, choices.iter().map(choice).collect(), false)
    }

    fn ending(id: &str) -> Node {
        crate::testing::scenario_node(id, vec![], true)
    }

    fn scenario(counters: &[(&str, i32)], nodes: Vec<Node>) -> Scenario {
        Scenario { start: nodes[0].id.clone(), allow_back: true, counters: counters.iter().map(|(k, v)| (k.to_string(), *v)).collect(), flags: vec![], nodes }
    }

    #[test]
    fn a_node_whose_only_choice_needs_more_than_the_counter_can_reach_is_stuck() {
        let s = scenario(
            &[("trust", 0)],
            vec![
                node("a", &[("b", "", &["trust 1"]), ("b", "", &["trust 2"])]),
                node("b", &[("end", "trust >= 5", &[])]),
                ending("end"),
            ],
        );
        let report = explore(&s, MAX_STATES);
        assert!(report.complete);
        assert_eq!(report.stuck, vec![("b".to_string(), vec![("a".to_string(), 0)])]);
        assert!(report.never_open.is_empty(), "b's closed choice is part of b being stuck: {:?}", report.never_open);
        assert_eq!(report.never_reached, vec!["end".to_string()]);
        assert!(report.no_way_out.is_empty(), "stuck is not a loop: {:?}", report.no_way_out);
    }

    #[test]
    fn a_way_reads_as_the_choices_to_make() {
        let s = scenario(&[], vec![node("a", &[("b", "", &[])]), node("b", &[("end", "", &[])]), ending("end")]);
        assert_eq!(describe(&s, &[]), "at the start");
        assert_eq!(describe(&s, &[("a".into(), 0), ("b".into(), 0)]), "after “to b” (at `a`) → “to end” (at `b`)");
    }

    #[test]
    fn an_ending_behind_a_flag_no_choice_sets_is_never_reached() {
        let s = scenario(
            &[],
            vec![
                node("a", &[("good", "kind", &[]), ("other", "", &["set rushed"])]),
                ending("good"),
                ending("other"),
            ],
        );
        let report = explore(&s, MAX_STATES);
        assert_eq!(report.never_reached, vec!["good".to_string()]);
        assert_eq!(report.never_open, vec![("a".to_string(), 0)]);
        assert!(report.stuck.is_empty());
    }

    #[test]
    fn a_loop_that_can_only_be_left_on_a_condition_never_met_has_no_way_out() {
        // Asking again and again lowers trust; leaving needs trust to be high.
        let s = scenario(
            &[("trust", 1)],
            vec![
                node("a", &[("talk", "", &[]), ("end", "", &[])]),
                node("talk", &[("again", "", &["trust -1"]), ("end", "trust >= 3", &[])]),
                node("again", &[("talk", "", &[])]),
                ending("end"),
            ],
        );
        let report = explore(&s, MAX_STATES);
        assert!(report.complete, "the falling counter is held at 2 below its test");
        assert!(report.states < 20, "{}", report.states);
        assert_eq!(report.no_way_out.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["talk", "again"]);
        assert_eq!(report.no_way_out[0].1, vec![("a".to_string(), 0)]);
        assert_eq!(report.never_open, vec![("talk".to_string(), 1)]);
    }

    #[test]
    fn a_counter_that_only_rises_is_held_once_past_every_test_so_an_endless_loop_is_finite() {
        let s = scenario(
            &[("asked", 0)],
            vec![node("a", &[("a", "", &["asked 1"]), ("end", "asked >= 3", &[])]), ending("end")],
        );
        let report = explore(&s, MAX_STATES);
        assert!(report.complete);
        assert_eq!(report.states, 7, "asked 0 to 4 at a, and the ending reached with 3 and with 4");
        assert!(report.stuck.is_empty() && report.no_way_out.is_empty() && report.never_open.is_empty() && report.never_reached.is_empty());
    }

    #[test]
    fn a_counter_that_rises_and_falls_without_bound_stops_the_walk_at_the_limit() {
        let s = scenario(
            &[("mood", 0)],
            vec![node("a", &[("a", "", &["mood 1"]), ("b", "", &["mood -2"])]), node("b", &[("a", "", &[]), ("end", "mood == 7", &[])]), ending("end")],
        );
        let report = explore(&s, 500);
        assert!(!report.complete);
        assert_eq!(report.states, 500);
        assert!(report.no_way_out.is_empty() && report.never_open.is_empty(), "nothing is claimed from a partial walk");
    }

    #[test]
    fn flags_set_and_unset_open_and_close_choices() {
        let s = scenario(
            &[],
            vec![
                node("a", &[("b", "", &["set asked"])]),
                node("b", &[("c", "asked", &["unset asked"])]),
                node("c", &[("end", "not asked", &[]), ("b", "asked", &[])]),
                ending("end"),
            ],
        );
        let report = explore(&s, MAX_STATES);
        assert_eq!(report.never_open, vec![("c".to_string(), 1)]);
        assert!(report.stuck.is_empty() && report.never_reached.is_empty() && report.no_way_out.is_empty());
    }
}
