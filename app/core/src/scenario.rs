//! Branching scenarios: conditions and effects on counters and flags, playing a
//! scenario, and the graph checks the validator and the author studio's map share.

pub use crate::bundle::{Condition, Effect, Op};
use crate::bundle::{Node, Scenario};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Counters and flags as a scenario is played.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Variables {
    pub counters: BTreeMap<String, i32>,
    pub flags: BTreeSet<String>,
}

impl Condition {
    pub fn holds(&self, vars: &Variables) -> bool {
        match self {
            Condition::Flag(flag) => vars.flags.contains(flag),
            Condition::Compare { counter, op, value } => {
                let have = vars.counters.get(counter).copied().unwrap_or(0);
                match op {
                    Op::AtLeast => have >= *value,
                    Op::AtMost => have <= *value,
                    Op::Above => have > *value,
                    Op::Below => have < *value,
                    Op::Equal => have == *value,
                    Op::NotEqual => have != *value,
                }
            }
            Condition::Not(inner) => !inner.holds(vars),
            Condition::All(all) => all.iter().all(|c| c.holds(vars)),
            Condition::Any(any) => any.iter().any(|c| c.holds(vars)),
        }
    }

    /// Every flag and comparison the condition tests, in order (the leaves under
    /// its `not`, `and` and `or`).
    pub fn tests(&self) -> Vec<&Condition> {
        match self {
            Condition::Flag(_) | Condition::Compare { .. } => vec![self],
            Condition::Not(inner) => inner.tests(),
            Condition::All(all) | Condition::Any(all) => all.iter().flat_map(Condition::tests).collect(),
        }
    }

    /// Every counter and flag name the condition reads, as (name, is_counter).
    pub fn names(&self) -> Vec<(&str, bool)> {
        self.tests()
            .into_iter()
            .filter_map(|test| match test {
                Condition::Compare { counter, .. } => Some((counter.as_str(), true)),
                Condition::Flag(name) => Some((name.as_str(), false)),
                Condition::Not(_) | Condition::All(_) | Condition::Any(_) => None,
            })
            .collect()
    }
}

/// Written as an author writes it, with brackets only where they are needed:
/// `trust >= 2 and not (rushed or late)`. [`parse_condition`] reads it back.
impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Flag(flag) => f.write_str(flag),
            Condition::Compare { counter, op, value } => write!(f, "{counter} {} {value}", op.symbol()),
            Condition::Not(inner) => match **inner {
                Condition::All(_) | Condition::Any(_) => write!(f, "not ({inner})"),
                _ => write!(f, "not {inner}"),
            },
            Condition::All(all) => {
                for (i, c) in all.iter().enumerate() {
                    f.write_str(if i == 0 { "" } else { " and " })?;
                    match c {
                        Condition::Any(_) => write!(f, "({c})")?,
                        _ => write!(f, "{c}")?,
                    }
                }
                Ok(())
            }
            Condition::Any(any) => {
                for (i, c) in any.iter().enumerate() {
                    write!(f, "{}{c}", if i == 0 { "" } else { " or " })?;
                }
                Ok(())
            }
        }
    }
}

impl Op {
    /// As written in a condition: `>=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtLeast => ">=",
            Op::AtMost => "<=",
            Op::Above => ">",
            Op::Below => "<",
            Op::Equal => "==",
            Op::NotEqual => "!=",
        }
    }
}

/// In words, for the studio's map: "adds 2 to trust", "takes 1 from trust",
/// "sets rushed", "unsets rushed".
impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effect::Add { counter, amount } if *amount < 0 => write!(f, "takes {} from {counter}", amount.unsigned_abs()),
            Effect::Add { counter, amount } => write!(f, "adds {amount} to {counter}"),
            Effect::Set(flag) => write!(f, "sets {flag}"),
            Effect::Unset(flag) => write!(f, "unsets {flag}"),
        }
    }
}

impl Effect {
    pub fn apply(&self, vars: &mut Variables) {
        match self {
            Effect::Add { counter, amount } => *vars.counters.entry(counter.clone()).or_insert(0) += amount,
            Effect::Set(flag) => {
                vars.flags.insert(flag.clone());
            }
            Effect::Unset(flag) => {
                vars.flags.remove(flag);
            }
        }
    }
}

/// A condition that could not be read, with the byte offset in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionError {
    pub at: usize,
    pub message: String,
    /// The condition nests more deeply than [`crate::nesting::MAX_DEPTH`].
    pub too_deep: bool,
}

impl ConditionError {
    fn new(at: usize, message: impl Into<String>) -> Self {
        ConditionError { at, message: message.into(), too_deep: false }
    }

    fn too_deep(at: usize) -> Self {
        let message = crate::nesting::too_deep_message("brackets, `not`, `and` and `or` are", crate::nesting::MAX_DEPTH);
        ConditionError { at, message, too_deep: true }
    }
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses a condition such as `trust >= 2 and not rushed`.
///
/// ```text
/// condition := all ("or" all)*
/// all       := unary ("and" unary)*
/// unary     := "not" unary | "(" condition ")" | name [op integer]
/// op        := ">=" | "<=" | ">" | "<" | "==" | "!="
/// ```
/// A bare name is a flag; a name with a comparison is a counter.
pub fn parse_condition(text: &str) -> Result<Condition, ConditionError> {
    let tokens = tokenize(text)?;
    let mut parser = ConditionParser { tokens, at: 0, end: text.len(), depth: 0 };
    // Two checks, one limit: the parser stops at brackets and `not` too deep to read
    // without risking the stack (with their position); the tree's depth, which also
    // counts `and` and `or` and is what an unpacked file is held to, decides the rest.
    let condition = parser.any()?;
    match parser.tokens.get(parser.at) {
        None if crate::nesting::condition_depth(&condition) > crate::nesting::MAX_DEPTH => Err(ConditionError::too_deep(0)),
        None => Ok(condition),
        Some((offset, token)) => Err(ConditionError::new(*offset, format!("unexpected `{token}`; join conditions with `and` or `or`"))),
    }
}

fn tokenize(text: &str) -> Result<Vec<(usize, String)>, ConditionError> {
    let mut tokens = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'(' || c == b')' {
            tokens.push((i, (c as char).to_string()));
            i += 1;
        } else if matches!(c, b'>' | b'<' | b'=' | b'!') {
            let two = text.get(i..i + 2).unwrap_or("");
            let op = if matches!(two, ">=" | "<=" | "==" | "!=") { two } else { &text[i..i + 1] };
            if op == "=" || op == "!" {
                return Err(ConditionError::new(i, format!("`{op}` is not a comparison; use `==`, `!=`, `>=`, `<=`, `>` or `<`")));
            }
            tokens.push((i, op.to_string()));
            i += op.len();
        } else if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b'_') {
                i += 1;
            }
            tokens.push((start, text[start..i].to_string()));
        } else {
            let ch = text[i..].chars().next().unwrap_or('?');
            return Err(ConditionError::new(i, format!("`{ch}` cannot be used in a condition")));
        }
    }
    Ok(tokens)
}

struct ConditionParser {
    tokens: Vec<(usize, String)>,
    at: usize,
    end: usize,
    /// How many `not` and `(` enclose the token being read.
    depth: usize,
}

impl ConditionParser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(|(_, t)| t.as_str())
    }

    fn offset(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |(o, _)| *o)
    }

    fn any(&mut self) -> Result<Condition, ConditionError> {
        let mut parts = vec![self.all()?];
        while self.peek() == Some("or") {
            self.at += 1;
            parts.push(self.all()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Condition::Any(parts) })
    }

    fn all(&mut self) -> Result<Condition, ConditionError> {
        let mut parts = vec![self.unary()?];
        while self.peek() == Some("and") {
            self.at += 1;
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Condition::All(parts) })
    }

    fn unary(&mut self) -> Result<Condition, ConditionError> {
        let offset = self.offset();
        match self.peek() {
            Some("not" | "(") if self.depth >= crate::nesting::MAX_DEPTH => Err(ConditionError::too_deep(offset)),
            Some("not") => {
                self.at += 1;
                self.depth += 1;
                let inner = self.unary()?;
                self.depth -= 1;
                Ok(Condition::Not(Box::new(inner)))
            }
            Some("(") => {
                self.at += 1;
                self.depth += 1;
                let inner = self.any()?;
                self.depth -= 1;
                if self.peek() != Some(")") {
                    return Err(ConditionError::new(self.offset(), "a `(` is not closed with `)`"));
                }
                self.at += 1;
                Ok(inner)
            }
            Some(name) if is_name(name) => {
                let name = name.to_string();
                self.at += 1;
                let op = match self.peek() {
                    Some(">=") => Op::AtLeast,
                    Some("<=") => Op::AtMost,
                    Some(">") => Op::Above,
                    Some("<") => Op::Below,
                    Some("==") => Op::Equal,
                    Some("!=") => Op::NotEqual,
                    _ => return Ok(Condition::Flag(name)),
                };
                self.at += 1;
                let value_at = self.offset();
                let value = self.peek().and_then(|v| v.parse::<i32>().ok()).ok_or_else(|| {
                    ConditionError::new(value_at, format!("compare the counter `{name}` with a whole number, for example `{name} >= 2`"))
                })?;
                self.at += 1;
                Ok(Condition::Compare { counter: name, op, value })
            }
            Some(other) => Err(ConditionError::new(offset, format!("expected a flag or counter name, found `{other}`"))),
            None => Err(ConditionError::new(offset, "the condition ends too early")),
        }
    }
}

fn is_name(token: &str) -> bool {
    !matches!(token, "and" | "or" | "not") && token.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
}

/// A learner's way through a scenario: where they are, the variables, and the path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    pub node: String,
    pub vars: Variables,
    /// Each choice made, as (node id, choice index), in order.
    pub path: Vec<(String, usize)>,
}

impl Play {
    pub fn start(scenario: &Scenario) -> Play {
        Play {
            node: scenario.start.clone(),
            vars: Variables { counters: scenario.counters.clone(), flags: BTreeSet::new() },
            path: Vec::new(),
        }
    }

    /// Replays choices from the start; stops at the first choice that is not
    /// available (after a content update), keeping what came before.
    pub fn replay(scenario: &Scenario, path: &[(String, usize)]) -> Play {
        let mut play = Play::start(scenario);
        for (node, choice) in path {
            if *node != play.node || play.choose(scenario, *choice).is_err() {
                break;
            }
        }
        play
    }

    pub fn current<'a>(&self, scenario: &'a Scenario) -> Option<&'a Node> {
        scenario.nodes.iter().find(|n| n.id == self.node)
    }

    /// The indices of the choices offered at the current node.
    pub fn available(&self, scenario: &Scenario) -> Vec<usize> {
        let Some(node) = self.current(scenario) else { return Vec::new() };
        node.choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.condition.as_ref().is_none_or(|cond| cond.holds(&self.vars)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Takes a choice at the current node.
    pub fn choose(&mut self, scenario: &Scenario, index: usize) -> Result<(), &'static str> {
        if !self.available(scenario).contains(&index) {
            return Err("that choice is not available here");
        }
        let node = self.current(scenario).ok_or("the scenario has no such node")?;
        let choice = &node.choices[index];
        for effect in &choice.effects {
            effect.apply(&mut self.vars);
        }
        self.path.push((self.node.clone(), index));
        self.node = choice.to.clone();
        Ok(())
    }

    /// Goes back one choice, by replaying the path without its last step.
    pub fn back(&mut self, scenario: &Scenario) {
        let mut path = std::mem::take(&mut self.path);
        path.pop();
        *self = Play::replay(scenario, &path);
    }

    pub fn ended<'a>(&self, scenario: &'a Scenario) -> Option<&'a crate::bundle::Ending> {
        self.current(scenario).and_then(|n| n.ending.as_ref())
    }
}

/// What is wrong with a scenario's shape.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphReport {
    /// (node, choice index, missing target)
    pub missing_targets: Vec<(String, usize, String)>,
    pub unreachable: Vec<String>,
    /// Nodes with no choices that are not endings.
    pub dead_ends: Vec<String>,
    /// Reachable nodes from which no ending can be reached (loops with no way out).
    pub no_way_out: Vec<String>,
    pub has_ending: bool,
}

/// Checks a scenario's graph, ignoring conditions (a choice counts as a way on).
pub fn check_graph(scenario: &Scenario) -> GraphReport {
    let ids: BTreeSet<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut report = GraphReport { has_ending: scenario.nodes.iter().any(|n| n.ending.is_some()), ..GraphReport::default() };
    for node in &scenario.nodes {
        for (i, choice) in node.choices.iter().enumerate() {
            if !ids.contains(choice.to.as_str()) {
                report.missing_targets.push((node.id.clone(), i, choice.to.clone()));
            }
        }
        if node.choices.is_empty() && node.ending.is_none() {
            report.dead_ends.push(node.id.clone());
        }
    }
    let next = |id: &str| -> Vec<&str> {
        scenario.nodes.iter().find(|n| n.id == id).map(|n| n.choices.iter().map(|c| c.to.as_str()).filter(|t| ids.contains(t)).collect()).unwrap_or_default()
    };
    // Forward: what the start reaches.
    let mut reached: BTreeSet<&str> = BTreeSet::new();
    let mut queue: Vec<&str> = ids.get(scenario.start.as_str()).copied().into_iter().collect();
    while let Some(id) = queue.pop() {
        if reached.insert(id) {
            queue.extend(next(id));
        }
    }
    report.unreachable = scenario.nodes.iter().filter(|n| !reached.contains(n.id.as_str())).map(|n| n.id.clone()).collect();
    // Backward: what can reach an ending.
    let mut finishes: BTreeSet<&str> = scenario.nodes.iter().filter(|n| n.ending.is_some()).map(|n| n.id.as_str()).collect();
    loop {
        let before = finishes.len();
        for node in &scenario.nodes {
            if node.choices.iter().any(|c| finishes.contains(c.to.as_str())) {
                finishes.insert(node.id.as_str());
            }
        }
        if finishes.len() == before {
            break;
        }
    }
    report.no_way_out = scenario
        .nodes
        .iter()
        .filter(|n| reached.contains(n.id.as_str()) && !finishes.contains(n.id.as_str()) && !report.dead_ends.contains(&n.id))
        .map(|n| n.id.clone())
        .collect();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(counters: &[(&str, i32)], flags: &[&str]) -> Variables {
        Variables {
            counters: counters.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            flags: flags.iter().map(|f| f.to_string()).collect(),
        }
    }

    #[test]
    fn conditions_parse_and_evaluate() {
        let c = parse_condition("trust >= 2 and not rushed or (asked-about-pain and worry < 1)").unwrap();
        assert!(c.holds(&vars(&[("trust", 2)], &[])));
        assert!(!c.holds(&vars(&[("trust", 2)], &["rushed"])));
        assert!(c.holds(&vars(&[("worry", 0)], &["rushed", "asked-about-pain"])));
        assert!(!c.holds(&vars(&[("worry", 1)], &["asked-about-pain"])));
        let names: Vec<_> = c.names();
        assert_eq!(names, vec![("trust", true), ("rushed", false), ("asked-about-pain", false), ("worry", true)]);
    }

    #[test]
    fn conditions_and_effects_are_written_back_as_authors_write_them() {
        for text in ["trust >= 2 and not rushed or asked-about-pain and worry < 1", "a and (b or c)", "not (a and b) or c != 3", "not not a", "(a or b) and (c or d)"] {
            let condition = parse_condition(text).unwrap();
            assert_eq!(condition.to_string(), text);
            assert_eq!(parse_condition(&condition.to_string()).unwrap(), condition);
        }
        assert_eq!(parse_condition("((a))").unwrap().to_string(), "a");
        let effects = [Effect::Add { counter: "trust".into(), amount: 2 }, Effect::Add { counter: "trust".into(), amount: -1 }, Effect::Set("kind".into()), Effect::Unset("kind".into())];
        assert_eq!(effects.map(|e| e.to_string()), ["adds 2 to trust", "takes 1 from trust", "sets kind", "unsets kind"]);
    }

    #[test]
    fn condition_errors_point_at_the_problem() {
        let cases = [
            ("trust = 2", 6, "`=` is not a comparison"),
            ("trust >= high", 9, "whole number"),
            ("(a and b", 8, "not closed"),
            ("a b", 2, "unexpected `b`"),
            ("a and", 5, "ends too early"),
            ("a & b", 2, "`&` cannot be used"),
        ];
        for (text, at, message) in cases {
            let error = parse_condition(text).unwrap_err();
            assert_eq!(error.at, at, "{text}");
            assert!(error.message.contains(message), "{text}: {}", error.message);
        }
    }

    fn node(id: &str, to: &[&str], ending: bool) -> Node {
        crate::testing::scenario_node(id, to.iter().map(|t| crate::testing::scenario_choice(t)).collect(), ending)
    }

    fn scenario(nodes: Vec<Node>) -> Scenario {
        Scenario { start: "a".into(), allow_back: true, counters: BTreeMap::new(), flags: vec![], nodes }
    }

    #[test]
    fn graph_checks_find_every_kind_of_problem() {
        let s = scenario(vec![
            node("a", &["b", "loop1", "nowhere"], false),
            node("b", &["end"], false),
            node("end", &[], true),
            node("loop1", &["loop2"], false),
            node("loop2", &["loop1"], false),
            node("stuck", &[], false),
            node("island", &["end"], false),
        ]);
        let report = check_graph(&s);
        assert_eq!(report.missing_targets, vec![("a".into(), 2, "nowhere".into())]);
        assert_eq!(report.unreachable, vec!["stuck".to_string(), "island".into()]);
        assert_eq!(report.dead_ends, vec!["stuck".to_string()]);
        assert_eq!(report.no_way_out, vec!["loop1".to_string(), "loop2".into()]);
        assert!(report.has_ending);
    }

    #[test]
    fn playing_applies_effects_and_conditions_and_goes_back() {
        let mut s = scenario(vec![node("a", &["b", "end"], false), node("b", &["end", "end"], false), node("end", &[], true)]);
        s.counters.insert("trust".into(), 0);
        s.nodes[0].choices[0].effects = vec![Effect::Add { counter: "trust".into(), amount: 2 }, Effect::Set("kind".into())];
        s.nodes[1].choices[1].condition = Some(parse_condition("trust >= 2 and kind").unwrap());
        s.nodes[1].choices[0].condition = Some(parse_condition("trust < 2").unwrap());
        let mut play = Play::start(&s);
        play.choose(&s, 0).unwrap();
        assert_eq!(play.node, "b");
        assert_eq!(play.available(&s), vec![1]);
        assert!(play.choose(&s, 0).is_err());
        play.choose(&s, 1).unwrap();
        assert!(play.ended(&s).is_some());
        assert_eq!(Play::replay(&s, &play.path), play);
        play.back(&s);
        assert_eq!(play.node, "b");
        assert_eq!(play.vars.counters["trust"], 2);
        assert_eq!(play.path.len(), 1);
    }
}
