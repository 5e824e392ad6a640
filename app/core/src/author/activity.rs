//! Activity blocks: the TOML inside ```` ```quiz ````, ```` ```scenario ```` and the
//! rest, turned into the model with every check the format promises.

use super::ctx::{resolve, FileCtx};
use super::manifest::*;
use super::markdown::rich;
use crate::bundle::*;
use super::toml_file::TomlSource;
use crate::diagnostic::Code;
use crate::scenario::{check_graph, parse_condition, Effect};
use crate::scenario_states::{describe, explore, MAX_STATES};
use crate::words::number;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::ops::Range;
use toml::Spanned;

/// The names of the fenced blocks that make activities.
pub const ACTIVITY_NAMES: &[&str] = &["quiz", "case-study", "care-plan", "scenario", "reflection", "media"];

/// Audio and video types a media block may play.
pub const MEDIA_TYPES: &[&str] = &["mp3", "m4a", "ogg", "wav", "mp4", "webm"];

/// Parses an activity block's TOML (which starts `offset` bytes into the file).
/// `fence` is the opening fence, where whole-block problems are reported.
pub fn parse_activity(fc: &mut FileCtx, name: &str, toml: &str, offset: usize, fence: Range<usize>) -> Option<Activity> {
    let mut block = Block { fc, offset, fence, conditions_read: true };
    match name {
        "quiz" => block.toml::<QuizToml>(toml).map(|q| Activity::Quiz(block.quiz(q))),
        "case-study" => block.toml::<CaseStudyToml>(toml).map(|c| Activity::CaseStudy(block.case_study(c))),
        "care-plan" => block.toml::<CarePlanToml>(toml).map(|c| Activity::CarePlan(block.care_plan(c))),
        "scenario" => block.toml::<ScenarioToml>(toml).map(|s| Activity::Scenario(block.scenario(s))),
        "reflection" => block.toml::<ReflectionToml>(toml).map(|r| Activity::Reflection(block.reflection(r))),
        "media" => block.toml::<MediaToml>(toml).and_then(|m| block.media(m)).map(Activity::Media),
        _ => None,
    }
}

struct Block<'f, 'c, 'a> {
    fc: &'f mut FileCtx<'c, 'a>,
    /// Where the TOML starts in the file.
    offset: usize,
    fence: Range<usize>,
    /// Whether every scenario condition and effect could be read and names declared
    /// counters and flags: only then do the state checks say anything (otherwise
    /// they would repeat the same mistake as a choice never offered).
    conditions_read: bool,
}

impl Block<'_, '_, '_> {
    fn toml<T: DeserializeOwned>(&mut self, toml: &str) -> Option<T> {
        let source = TomlSource { file: self.fc.file, file_text: self.fc.text, offset: self.offset, toml };
        source.parse().map_err(|problems| problems.into_iter().for_each(|d| self.fc.push_diagnostic(d))).ok()
    }

    /// A span inside the TOML, as a range in the file.
    fn at<T>(&self, value: &Spanned<T>) -> Range<usize> {
        let span = value.span();
        span.start + self.offset..span.end + self.offset
    }

    fn rich(&mut self, markdown: &str) -> Rich {
        rich(self.fc, markdown, self.fence.clone())
    }

    /// Checks that ids are valid and unique within the block.
    fn ids<'v>(&mut self, what: &str, ids: impl IntoIterator<Item = &'v Spanned<String>>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            let at = self.at(id);
            if !is_valid_id(id.get_ref()) {
                self.fc.error(Code::InvalidValue, at, format!("`{}` is not a valid id", id.get_ref()), "use lowercase letters, digits and single hyphens");
            } else if !seen.insert(id.get_ref().clone()) {
                self.fc.error(Code::DuplicateId, at, format!("two {what} in this block have the id `{}`", id.get_ref()), format!("give each of the {what} its own id"));
            }
        }
    }

    fn questions(&mut self, questions: Vec<QuestionToml>, require_choice: bool) -> Vec<Question> {
        self.ids("questions", questions.iter().map(|q| &q.id));
        questions.into_iter().map(|q| self.question(q, require_choice)).collect()
    }

    fn question(&mut self, q: QuestionToml, require_choice: bool) -> Question {
        let at = self.at(&q.id);
        let answer = match (q.options.is_empty(), q.model_answer) {
            (true, Some(model)) if !require_choice => {
                let min_words = q.min_words.as_ref().map_or(0, |m| *m.get_ref());
                if min_words > 500 {
                    let at = self.at(q.min_words.as_ref().expect("set"));
                    self.fc.error(Code::InvalidValue, at, format!("{min_words} words is more than a learner should write for one question"), "set `min-words` to 500 or fewer; most written questions ask for 40 to 120");
                }
                Answer::Text { model_answer: self.rich(&model), min_words, rubric: q.rubric.map(Spanned::into_inner).unwrap_or_default() }
            }
            (true, _) => {
                let help = if require_choice {
                    "add at least two [[questions.options]], with `correct = true` on the right one"
                } else {
                    "add [[questions.options]] for a choice question, or `model-answer` for a written one"
                };
                self.fc.error(Code::MissingField, at.clone(), format!("question `{}` has no options", q.id.get_ref()), help);
                Answer::Choice { options: Vec::new(), multiple: false }
            }
            (false, model) => {
                if model.is_some() {
                    self.fc.warning(Code::InvalidValue, at.clone(), "a choice question's `model-answer` is never shown", "remove `model-answer`, or the options to make it a written question");
                }
                for (field, given) in [("min-words", q.min_words.is_some()), ("rubric", q.rubric.is_some())] {
                    if given {
                        self.fc.warning(Code::InvalidValue, at.clone(), format!("a choice question's `{field}` is never used"), format!("remove `{field}`: it is for a written question in a case study, one with `model-answer` and no options"));
                    }
                }
                let correct = q.options.iter().filter(|o| o.correct).count();
                if correct == 0 {
                    self.fc.error(Code::NoCorrectAnswer, at.clone(), format!("question `{}` has no correct option", q.id.get_ref()), "add `correct = true` to the right option (or to each right option)");
                }
                if q.options.len() < 2 {
                    self.fc.error(Code::InvalidValue, at.clone(), format!("question `{}` has only one option", q.id.get_ref()), "give learners at least two options to choose from");
                }
                let options = q.options.into_iter().map(|o| Choice { text: o.text, correct: o.correct, feedback: self.rich(&o.feedback) }).collect();
                Answer::Choice { options, multiple: correct > 1 }
            }
        };
        Question { id: q.id.into_inner(), text: self.rich(&q.text), hint: q.hint, answer, explain: q.explain, keep_order: q.keep_order }
    }

    fn quiz(&mut self, quiz: QuizToml) -> Quiz {
        if quiz.questions.is_empty() {
            self.fc.error(Code::MissingField, self.fence.clone(), "this quiz has no questions", "add a [[questions]] table");
        }
        let count = quiz.questions.len() as u32;
        let pass_mark = match quiz.pass_mark {
            Some(mark) if *mark.get_ref() > count || *mark.get_ref() == 0 => {
                let at = self.at(&mark);
                self.fc.error(Code::InvalidValue, at, format!("the pass mark is {} but the quiz has {count} questions", mark.get_ref()), format!("set `pass-mark` to a number from 1 to {count}: how many questions must be right"));
                count
            }
            Some(mark) => mark.into_inner(),
            None => count,
        };
        if quiz.attempts == Some(0) {
            self.fc.error(Code::InvalidValue, self.fence.clone(), "`attempts = 0` would let nobody answer", "leave `attempts` out for as many tries as a learner wants, or set it to 1 or more");
        }
        Quiz { questions: self.questions(quiz.questions, true), pass_mark, attempts: quiz.attempts }
    }

    fn case_study(&mut self, case: CaseStudyToml) -> CaseStudy {
        for q in &case.questions {
            for (field, given) in [("hint", q.hint.is_some()), ("explain", q.explain.is_some())] {
                if given {
                    let at = self.at(&q.id);
                    self.fc.warning(Code::InvalidValue, at, format!("a case study's question does not show `{field}`"), format!("remove `{field}`: it works in a quiz; in a case study, put what you would say there in the question's text"));
                }
            }
        }
        CaseStudy {
            person: case.person,
            story: self.rich(&case.story),
            reveals: case.reveal.into_iter().map(|r| Reveal { label: r.label, content: self.rich(&r.content) }).collect(),
            questions: self.questions(case.questions, false),
        }
    }

    fn care_plan(&mut self, plan: CarePlanToml) -> CarePlan {
        if !plan.needs.iter().any(|n| n.correct) {
            self.fc.error(Code::NoCorrectAnswer, self.fence.clone(), "none of this care plan's needs is marked `correct = true`", "mark the needs that are real for this person with `correct = true`");
        }
        self.ids("interventions", plan.interventions.iter().map(|i| &i.id));
        let mut orders: Vec<(u32, Range<usize>)> = plan.interventions.iter().filter_map(|i| i.order.as_ref().map(|o| (*o.get_ref(), self.at(o)))).collect();
        orders.sort_by_key(|(o, _)| *o);
        if orders.len() < 2 {
            self.fc.error(Code::InvalidValue, self.fence.clone(), "a care plan needs at least two interventions with an `order`", "give the interventions that belong in the plan `order = 1`, `order = 2`, ...");
        }
        for (expected, (order, at)) in (1..).zip(&orders) {
            if *order != expected {
                self.fc.error(Code::InvalidValue, at.clone(), format!("`order = {order}` breaks the sequence 1, 2, 3, ..."), format!("number the interventions in the plan 1 to {} with no gaps or repeats", orders.len()));
                break;
            }
        }
        if plan.rubric.is_empty() {
            self.fc.error(Code::MissingField, self.fence.clone(), "this care plan has no rubric", "add `rubric = [\"...\"]`: what a good plan does, for learners to mark themselves against");
        }
        CarePlan {
            needs_prompt: plan.needs_prompt.unwrap_or_else(|| "Which of these are needs for this person?".into()),
            needs: plan.needs.into_iter().map(|n| CarePlanNeed { text: n.text, correct: n.correct, feedback: self.rich(&n.feedback) }).collect(),
            goal_prompt: plan.goal_prompt,
            interventions_prompt: plan.interventions_prompt.unwrap_or_else(|| "Choose the interventions you would include, then put them in order.".into()),
            interventions: plan
                .interventions
                .into_iter()
                .map(|i| Intervention { id: i.id.into_inner(), text: i.text, order: i.order.map(Spanned::into_inner), feedback: self.rich(&i.feedback) })
                .collect(),
            rationale_prompt: plan.rationale_prompt,
            min_words: plan.min_words,
            model_answer: self.rich(&plan.model_answer),
            rubric: plan.rubric,
            keep_order: plan.keep_order,
        }
    }

    fn scenario(&mut self, s: ScenarioToml) -> Scenario {
        self.ids("nodes", s.nodes.iter().map(|n| &n.id));
        let flags: BTreeSet<&str> = s.flags.iter().map(String::as_str).collect();
        let declared_flags: Vec<&str> = flags.iter().copied().collect();
        let declared_counters: Vec<&str> = s.counters.keys().map(String::as_str).collect();
        let mut nodes = Vec::new();
        for node in &s.nodes {
            let node_at = self.at(&node.id);
            let mut choices = Vec::new();
            for choice in &node.choices {
                let condition = choice.condition.as_ref().and_then(|c| {
                    // The condition's text starts one byte after its span (the quote).
                    let at = self.at(c);
                    match parse_condition(c.get_ref()) {
                        Ok(condition) => {
                            for (name, counter) in condition.names() {
                                let known = if counter { s.counters.contains_key(name) } else { flags.contains(name) };
                                if !known {
                                    self.undeclared(at.clone(), name, counter, if counter { &declared_counters } else { &declared_flags });
                                }
                            }
                            Some(condition)
                        }
                        Err(error) => {
                            self.conditions_read = false;
                            let start = at.start + 1 + error.at;
                            if error.too_deep {
                                self.fc.error(Code::TooDeep, start..start + 1, error.message, "join conditions with `and` and `or` without brackets inside brackets");
                            } else {
                                self.fc.error(Code::BadCondition, start..start + 1, format!("this condition cannot be read: {error}"), "write conditions like `trust >= 2 and not rushed`");
                            }
                            None
                        }
                    }
                });
                let mut effects = Vec::new();
                if let Some(add) = &choice.add {
                    for (counter, amount) in add.get_ref() {
                        if !s.counters.contains_key(counter) {
                            let at = self.at(add);
                            self.undeclared(at, counter, true, &declared_counters);
                        }
                        effects.push(Effect::Add { counter: counter.clone(), amount: *amount });
                    }
                }
                for (list, set) in [(&choice.set, true), (&choice.unset, false)] {
                    let Some(list) = list else { continue };
                    for flag in list.get_ref() {
                        if !flags.contains(flag.as_str()) {
                            let at = self.at(list);
                            self.undeclared(at, flag, false, &declared_flags);
                        }
                        effects.push(if set { Effect::Set(flag.clone()) } else { Effect::Unset(flag.clone()) });
                    }
                }
                choices.push(ScenarioChoice {
                    text: choice.text.clone(),
                    to: choice.to.get_ref().clone(),
                    condition,
                    effects,
                    feedback: self.rich(&choice.feedback),
                });
            }
            let ending = node.ending.as_ref().map(|ending| {
                let at = self.at(ending);
                let e = ending.get_ref();
                if !node.choices.is_empty() {
                    self.fc.error(Code::InvalidValue, node_at.clone(), format!("node `{}` is an ending but also has choices", node.id.get_ref()), "an ending closes the scenario: remove its choices, or its [nodes.ending] table");
                }
                let outcome = match &e.outcome {
                    Some(outcome) if !outcome.trim().is_empty() => outcome.clone(),
                    _ => {
                        self.fc.error(Code::EndingWithoutOutcome, at, format!("the ending at node `{}` has no outcome", node.id.get_ref()), "add `outcome = \"...\"`: a few words naming how things turned out");
                        String::new()
                    }
                };
                Ending { outcome, feedback: self.rich(&e.feedback), score: e.score }
            });
            nodes.push(Node {
                id: node.id.get_ref().clone(),
                speaker: node.speaker.clone(),
                role: node.role.clone(),
                text: self.rich(&node.text),
                notes: self.rich(&node.notes),
                choices,
                ending,
                keep_order: node.keep_order,
            });
        }
        let scenario = Scenario { start: s.start.get_ref().clone(), allow_back: s.allow_back, counters: s.counters.clone(), flags: s.flags.clone(), nodes };
        self.graph(&scenario, &s);
        scenario
    }

    /// A counter or flag that is not declared: most often a typo for one that is.
    fn undeclared(&mut self, at: Range<usize>, name: &str, counter: bool, declared: &[&str]) {
        self.conditions_read = false;
        let what = if counter { "counter" } else { "flag" };
        let help = match (super::toml_file::closest(name, declared), counter) {
            (Some(near), _) => format!("did you mean the {what} `{near}`?"),
            (None, true) => format!("declare it with a starting value: `counters = {{ {name} = 0 }}`"),
            (None, false) => format!("declare it: `flags = [\"{name}\"]`"),
        };
        self.fc.error(Code::UnknownVariable, at, format!("the {what} `{name}` is not declared"), help);
    }

    /// Where node `id`'s `id = "..."` is in the file.
    fn node_at(&self, s: &ScenarioToml, id: &str) -> Range<usize> {
        s.nodes.iter().find(|n| n.id.get_ref() == id).map(|n| self.at(&n.id)).unwrap_or_default()
    }

    fn graph(&mut self, scenario: &Scenario, s: &ScenarioToml) {
        if !scenario.nodes.iter().any(|n| n.id == scenario.start) {
            let at = self.at(&s.start);
            self.fc.error(Code::MissingNode, at, format!("the scenario starts at `{}`, but there is no node with that id", scenario.start), "set `start` to the id of the first node");
            return;
        }
        let report = check_graph(scenario);
        for (node, index, target) in &report.missing_targets {
            let toml_node = s.nodes.iter().find(|n| n.id.get_ref() == node).expect("reported nodes exist");
            let at = self.at(&toml_node.choices[*index].to);
            let known: Vec<&str> = scenario.nodes.iter().map(|n| n.id.as_str()).collect();
            let help = match super::toml_file::closest(target, &known) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "add a node with this id, or point the choice at an existing node".into(),
            };
            self.fc.error(Code::MissingNode, at, format!("this choice leads to `{target}`, but there is no node with that id"), help);
        }
        if !report.has_ending {
            self.fc.error(Code::NoEnding, self.fence.clone(), "this scenario has no ending", "give at least one node an [nodes.ending] table with an outcome, feedback and score");
        }
        for id in &report.dead_ends {
            let at = self.node_at(s, id);
            self.fc.error(Code::DeadEnd, at, format!("node `{id}` has no choices and is not an ending, so learners would be stuck there"), "add [[nodes.choices]] leading on, or make it an ending with [nodes.ending]");
        }
        for id in &report.unreachable {
            let at = self.node_at(s, id);
            self.fc.warning(Code::UnreachableNode, at, format!("no path from the start reaches node `{id}`"), "add a choice that leads here, or remove the node");
        }
        if report.has_ending {
            for id in &report.no_way_out {
                let at = self.node_at(s, id);
                self.fc.error(Code::NoWayOut, at, format!("from node `{id}` no ending can be reached: the choices go round in a loop"), "add a choice on this loop that leads towards an ending");
            }
        }
        if self.conditions_read {
            self.states(scenario, s, &report);
        }
    }

    /// What only conditions cause, found by playing every state (`scenario_states`):
    /// each problem the graph checks above have not already reported.
    fn states(&mut self, scenario: &Scenario, s: &ScenarioToml, graph: &crate::scenario::GraphReport) {
        let found = explore(scenario, MAX_STATES);
        for (id, way) in &found.stuck {
            self.fc.error(
                Code::StuckScenario,
                self.node_at(s, id),
                format!("learners can reach node `{id}` with none of its choices open, so they would be stuck there ({})", describe(scenario, way)),
                format!("give `{id}` a choice with no `if`, or change the conditions so that one is true on every way here"),
            );
        }
        for (id, index) in &found.never_open {
            let choice = s.nodes.iter().find(|n| n.id.get_ref() == id).and_then(|n| n.choices.get(*index));
            let Some(condition) = choice.and_then(|c| c.condition.as_ref()) else { continue };
            let at = self.at(condition);
            self.fc.warning(
                Code::ChoiceNeverOffered,
                at,
                format!("this choice is never offered: its condition is false every time node `{id}` is reached"),
                "check the counters and flags it tests against the choices that change them, or remove the choice",
            );
        }
        for id in found.never_reached.iter().filter(|id| !graph.unreachable.contains(id)) {
            self.fc.warning(
                Code::UnreachableNode,
                self.node_at(s, id),
                format!("no way through the scenario reaches node `{id}`: the choices that lead here are never offered"),
                "check the conditions on the choices that lead here, and the choices that change what they test",
            );
        }
        if graph.has_ending {
            for (id, way) in found.no_way_out.iter().filter(|(id, _)| !graph.no_way_out.contains(id)) {
                self.fc.error(
                    Code::NoWayOut,
                    self.node_at(s, id),
                    format!("learners can reach node `{id}` in a state from which no ending can be reached, as every way on goes round a loop ({})", describe(scenario, way)),
                    "make sure a choice out of this loop is open whatever the counters and flags are, or let the loop change what that choice needs",
                );
            }
        }
        if !found.complete {
            self.fc.warning(
                Code::ScenarioTooLarge,
                self.fence.clone(),
                format!("this scenario has more than {0} combinations of node, counters and flags, so Wex checked only the first {0} for learners getting stuck", number(MAX_STATES)),
                "keep counters to the values your conditions test: compare with `>=` or `<=` rather than exact values, and avoid a counter that can go both up and down without limit",
            );
        }
    }

    fn reflection(&mut self, r: ReflectionToml) -> Reflection {
        if r.prompts.is_empty() {
            self.fc.error(Code::MissingField, self.fence.clone(), "this reflection has no prompts", "add [[prompts]] with an id and the question to answer");
        }
        self.ids("prompts", r.prompts.iter().map(|p| &p.id));
        Reflection {
            prompts: r.prompts.into_iter().map(|p| Prompt { id: p.id.into_inner(), text: p.text, hint: p.hint }).collect(),
            min_words: r.min_words,
        }
    }

    fn media(&mut self, m: MediaToml) -> Option<MediaActivity> {
        let at = self.at(&m.src);
        let transcript = match &m.transcript {
            Some(t) if !t.trim().is_empty() => self.rich(t),
            _ => {
                self.fc.error(Code::MissingTranscript, self.fence.clone(), "audio and video need a transcript", "add `transcript = \"\"\"...\"\"\"` with everything that is said and shown");
                Vec::new()
            }
        };
        let Some(path) = resolve(self.fc.folder(), m.src.get_ref()) else {
            self.fc.error(Code::UnsafeLink, at, "this path leads out of the bundle folder", "point to a file in the bundle's media/ folder");
            return None;
        };
        let extension = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        if self.fc.ctx.files.get(&path).is_none() {
            self.fc.error(Code::MissingMedia, at, format!("`{path}` is not in the bundle"), "check the file name and that the path is relative to this file");
            return None;
        }
        if !MEDIA_TYPES.contains(&extension.as_str()) {
            self.fc.error(Code::MissingMedia, at, format!("`{path}` is not audio or video Wex can play"), format!("use one of: {}", MEDIA_TYPES.join(", ")));
            return None;
        }
        self.fc.ctx.media.insert(path.clone());
        Some(MediaActivity { src: path, title: m.title, transcript })
    }
}
