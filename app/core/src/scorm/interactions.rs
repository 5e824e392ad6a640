//! What an LMS's report shows a tutor of the learner's answers: SCORM interactions.
//! Every quiz answer and case-study choice (each try), every scenario choice, and
//! the written answers of finished steps (a case study's, a care plan's goal and
//! reasons, a quiz's "why", and reflections only when the learner shares them), in
//! the modules the certificate depends on.
//!
//! The list is worked out again from the learner's records each time, in the order
//! each interaction first happened, so it comes out the same on any computer with
//! the same records: the browser sends only what is new or changed since it last did.

use super::report::session_time;
use super::Standard;
use crate::bundle::{Activity, Answer, Bundle, Question, Step};
use crate::doc::first_paragraph_text;
use crate::field::Field;
use crate::progress::{Action, Progress, Record};
use crate::scoring::{is_correct, is_finished};
use std::collections::BTreeMap;

/// One answer, as an LMS records it.
#[derive(Clone, Debug, PartialEq)]
pub struct Interaction {
    /// Unique within the placement, the same on every computer: the step, the
    /// question or node, and which try (`module.step.question.2`).
    pub id: String,
    pub kind: Kind,
    /// The question or prompt, as the learner read it.
    pub description: String,
    pub response: Response,
    /// The learner's first try at it, to when they answered.
    pub latency_ms: Option<u64>,
    /// When they answered (ms since 1970).
    pub at_ms: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A question with options.
    Choice,
    /// A choice in a scenario: its text, neither right nor wrong.
    ScenarioChoice,
    /// Words the learner wrote.
    Written,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// Options chosen and the right ones, as indices in the author's order, and
    /// whether the choice was right (by the quiz's own rule).
    Options { chosen: Vec<usize>, correct: Vec<usize>, right: bool },
    /// Text, neither right nor wrong.
    Text(String),
}

/// Every interaction in `records`, in the order each first happened.
pub fn list(bundle: &Bundle, records: &[Record]) -> Vec<Interaction> {
    // Optional modules are the learner's own (`scoring::counted`).
    let records = crate::scoring::counted(bundle, records);
    let records = records.as_slice();
    let mut sorted: Vec<&Record> = records.iter().filter(|r| r.bundle == bundle.id).collect();
    sorted.sort_by_key(|r| r.at_ms);
    let mut out: Vec<Interaction> = Vec::new();
    // When each step was last opened, and how often each question or node was answered.
    let mut opened: BTreeMap<&str, u64> = BTreeMap::new();
    let mut tries: BTreeMap<String, usize> = BTreeMap::new();
    let mut written: BTreeMap<String, usize> = BTreeMap::new();
    let progress = Progress::replay(records.iter().filter(|r| r.bundle == bundle.id));
    for record in sorted {
        let Some((module, step_id)) = record.item.module_and_step() else { continue };
        let Some(step) = find_step(bundle, module, step_id) else { continue };
        let at = record.at_ms;
        let latency = opened.get(record.item.as_str()).map(|&from| at.saturating_sub(from));
        let mut numbered = |key: String| {
            let n = tries.entry(key.clone()).or_insert(0);
            *n += 1;
            format!("{key}.{n}")
        };
        match (&record.action, &step.activity) {
            (Action::Visit, _) => {
                opened.insert(record.item.as_str(), at);
            }
            (Action::QuizSubmit { answers }, Some(Activity::Quiz(quiz))) => {
                for question in &quiz.questions {
                    let Some(chosen) = answers.get(&question.id) else { continue };
                    let id = numbered(format!("{module}.{step_id}.{}", question.id));
                    out.extend(chose(id, question, chosen, latency, at));
                }
            }
            (Action::CaseAnswer { question, chosen }, Some(Activity::CaseStudy(case))) => {
                let Some(q) = case.questions.iter().find(|q| &q.id == question) else { continue };
                let id = numbered(format!("{module}.{step_id}.{question}"));
                out.extend(chose(id, q, chosen, latency, at));
            }
            (Action::Choose { node, choice }, Some(Activity::Scenario(scenario))) => {
                let Some(n) = scenario.nodes.iter().find(|n| &n.id == node) else { continue };
                let Some(c) = n.choices.get(*choice) else { continue };
                let said = match &n.speaker {
                    Some(speaker) => format!("{speaker}: {}", first_paragraph_text(&n.text)),
                    None => first_paragraph_text(&n.text),
                };
                out.push(Interaction {
                    id: numbered(format!("{module}.{step_id}.{node}")),
                    kind: Kind::ScenarioChoice,
                    description: said,
                    response: Response::Text(c.text.clone()),
                    latency_ms: latency,
                    at_ms: at,
                });
                opened.insert(record.item.as_str(), at);
            }
            (Action::Written { field, .. }, _) => {
                let state = progress.step(module, step_id);
                let shared_if_private = !field.is_reflection() || state.shared;
                let text = state.text(field).trim();
                if !is_finished(step, state) || !shared_if_private || text.is_empty() {
                    continue;
                }
                let Some(description) = asked(step, field) else { continue };
                let id = format!("{module}.{step_id}.{}", field.key().replace(':', "."));
                // One interaction per answer, with its latest words, in the place it first took.
                let interaction = Interaction { id: id.clone(), kind: Kind::Written, description, response: Response::Text(text.to_string()), latency_ms: None, at_ms: state.last_at };
                match written.get(&id) {
                    Some(&i) => out[i] = interaction,
                    None => {
                        written.insert(id, out.len());
                        out.push(interaction);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// How many interactions the platform holds (both standards).
pub const COUNT: &str = "cmi.interactions._count";

/// The element that holds the id of the platform's `n`th interaction (readable in
/// SCORM 2004 only).
pub fn id_element(n: usize) -> String {
    format!("cmi.interactions.{n}.id")
}

/// Which interactions the platform already holds, so that each action sends only
/// what is new or changed. SCORM 2004 lets every interaction's id be read back; 1.2
/// gives only how many there are, so there the first that many of [`list`] are taken
/// as sent and left alone (on another computer whose records are not all the same,
/// rewriting them could put one answer over another).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sent {
    next: usize,
    by_id: BTreeMap<String, (usize, Held)>,
    /// 1.2: how many the platform held at the start, ids unknown.
    unnamed: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Held {
    /// Sent in this visit, with these values.
    Values(Vec<(String, String)>),
    /// There from an earlier visit, values unknown: sent again once (2004).
    Unknown,
    /// There from an earlier visit on 1.2: never rewritten.
    Fixed,
}

impl Sent {
    /// What the platform holds at the start of a visit: `count` interactions
    /// (`cmi.interactions._count`) and, where they can be read, their ids in order.
    pub fn at_start(count: usize, ids: Option<Vec<String>>) -> Sent {
        match ids {
            Some(ids) => Sent { next: count.max(ids.len()), by_id: ids.into_iter().enumerate().map(|(i, id)| (id, (i, Held::Unknown))).collect(), unnamed: 0 },
            None => Sent { next: count, by_id: BTreeMap::new(), unnamed: count },
        }
    }

    /// The elements to set for what is new or changed in `list`, and what is held
    /// once they are all accepted (keep `self` if the platform refuses one).
    pub fn update(&self, standard: Standard, list: &[Interaction]) -> (Vec<(String, String)>, Sent) {
        let mut after = self.clone();
        let mut out = Vec::new();
        for (position, interaction) in list.iter().enumerate() {
            let id = identifier(&interaction.id, usize::MAX);
            if position < after.unnamed && !after.by_id.contains_key(&id) {
                after.by_id.insert(id.clone(), (position, Held::Fixed));
            }
            let index = match after.by_id.get(&id) {
                Some((_, Held::Fixed)) => continue,
                Some((index, _)) => *index,
                None => {
                    after.next += 1;
                    after.next - 1
                }
            };
            let values = interaction.values(standard, index);
            if after.by_id.get(&id).is_some_and(|(_, held)| *held == Held::Values(values.clone())) {
                continue;
            }
            out.extend(values.iter().cloned());
            after.by_id.insert(id, (index, Held::Values(values)));
        }
        (out, after)
    }
}

/// A choice question answered: `None` for a written one.
fn chose(id: String, question: &Question, chosen: &[usize], latency_ms: Option<u64>, at_ms: u64) -> Option<Interaction> {
    let Answer::Choice { options, .. } = &question.answer else { return None };
    let correct = options.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i).collect();
    Some(Interaction {
        id,
        kind: Kind::Choice,
        description: first_paragraph_text(&question.text),
        response: Response::Options { chosen: chosen.to_vec(), correct, right: is_correct(question, chosen) },
        latency_ms,
        at_ms,
    })
}

fn find_step<'b>(bundle: &'b Bundle, module: &str, step: &str) -> Option<&'b Step> {
    bundle.modules.iter().find(|m| m.id == module)?.steps.iter().find(|s| s.id == step)
}

/// What the learner was asked, for a written answer's field.
fn asked(step: &Step, field: &Field) -> Option<String> {
    let questions = match &step.activity {
        Some(Activity::Quiz(quiz)) => &quiz.questions,
        Some(Activity::CaseStudy(case)) => &case.questions,
        Some(Activity::CarePlan(plan)) => {
            return match field {
                Field::Goal => Some(plan.goal_prompt.clone()),
                Field::Rationale => Some(plan.rationale_prompt.clone()),
                _ => None,
            }
        }
        Some(Activity::Reflection(reflection)) => {
            return match field {
                Field::Prompt(id) => reflection.prompts.iter().find(|p| &p.id == id).map(|p| p.text.clone()),
                _ => None,
            }
        }
        _ => return None,
    };
    match field {
        Field::Answer(id) => questions.iter().find(|q| &q.id == id).map(|q| first_paragraph_text(&q.text)),
        Field::Explain(id) => questions.iter().find(|q| &q.id == id).and_then(|q| q.explain.clone()),
        _ => None,
    }
}

impl Interaction {
    /// The data-model elements for this interaction at `index`, in the order a
    /// platform accepts them (the id, then the type, then the rest).
    pub fn values(&self, standard: Standard, index: usize) -> Vec<(String, String)> {
        let at = |name: &str| format!("cmi.interactions.{index}.{name}");
        let id = identifier(&self.id, if standard == Standard::Scorm12 { 255 } else { 4000 });
        let mut values = vec![(at("id"), id)];
        let (kind, response, correct, result) = match (&self.response, standard) {
            (Response::Options { chosen, correct, right }, _) => {
                let join = if standard == Standard::Scorm12 { "," } else { "[,]" };
                let letters = |list: &[usize]| list.iter().map(|&i| option_letter(i)).collect::<Vec<_>>().join(join);
                let result = match (*right, standard) {
                    (true, _) => "correct",
                    (false, Standard::Scorm12) => "wrong",
                    (false, Standard::Scorm2004) => "incorrect",
                };
                ("choice", letters(chosen), Some(letters(correct)), result)
            }
            // 1.2 has no long text: its fill-in takes 255 characters.
            (Response::Text(text), Standard::Scorm12) => ("fill-in", cut(text, 255), None, "neutral"),
            (Response::Text(text), Standard::Scorm2004) => {
                let kind = if self.kind == Kind::Written { "long-fill-in" } else { "other" };
                (kind, cut(text, 4000), None, "neutral")
            }
        };
        values.push((at("type"), kind.into()));
        if standard == Standard::Scorm2004 {
            values.push((at("description"), cut(&self.description, 250)));
        }
        let response_name = if standard == Standard::Scorm12 { "student_response" } else { "learner_response" };
        values.push((at(response_name), response));
        if let Some(pattern) = correct {
            values.push((at("correct_responses.0.pattern"), pattern));
        }
        values.push((at("result"), result.into()));
        if let Some(ms) = self.latency_ms {
            values.push((at("latency"), session_time(standard, ms)));
        }
        let (date, time) = utc_date_time(self.at_ms);
        match standard {
            Standard::Scorm12 => values.push((at("time"), time)),
            Standard::Scorm2004 => values.push((at("timestamp"), format!("{date}T{time}.0Z"))),
        }
        values
    }
}

/// `("2026-12-06", "05:12:00")` for a time in ms since 1970, in UTC.
fn utc_date_time(ms: u64) -> (String, String) {
    let seconds = ms / 1000;
    let (days, rest) = ((seconds / 86_400) as i64, seconds % 86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (format!("{year:04}-{month:02}-{day:02}"), format!("{:02}:{:02}:{:02}", rest / 3600, (rest / 60) % 60, rest % 60))
}

/// An option's short identifier: `a` to `z`, then digits (a question has far fewer).
fn option_letter(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    LETTERS.get(index).map_or_else(|| format!("o{index}"), |&b| (b as char).to_string())
}

/// An id a platform accepts: letters, digits, `.`, `-` and `_` only, within `max`.
fn identifier(id: &str, max: usize) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).take(max).collect()
}

/// `text` within `max` characters, ending "…" when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::testing::{everything, placement};

    #[test]
    fn a_played_placement_gives_every_kind_of_interaction_with_unique_ids() {
        let bundle = placement("gp-to-diagnosis");
        let records = everything(&bundle, 60);
        let list = list(&bundle, &records);
        let kinds = |k: Kind| list.iter().filter(|i| i.kind == k).count();
        assert!(kinds(Kind::Choice) > 5 && kinds(Kind::ScenarioChoice) > 0 && kinds(Kind::Written) > 0, "{list:#?}");
        let mut ids: Vec<&str> = list.iter().map(|i| i.id.as_str()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "ids repeat");
        // The same records in another order (another computer's merge) give the same list.
        let mut reversed = records.clone();
        reversed.reverse();
        assert_eq!(super::list(&bundle, &reversed), list);
    }

    #[test]
    fn values_follow_each_standard() {
        let quiz = Interaction {
            id: "m.s.q 1.1".into(),
            kind: Kind::Choice,
            description: "Which?".into(),
            response: Response::Options { chosen: vec![2, 0], correct: vec![0, 2], right: true },
            latency_ms: Some(65_000),
            at_ms: 1_765_000_000_000,
        };
        let v12 = quiz.values(Standard::Scorm12, 3);
        assert_eq!(v12[0], ("cmi.interactions.3.id".into(), "m.s.q_1.1".into()));
        assert_eq!(v12[1].1, "choice");
        assert!(v12.contains(&("cmi.interactions.3.student_response".into(), "c,a".into())));
        assert!(v12.contains(&("cmi.interactions.3.correct_responses.0.pattern".into(), "a,c".into())));
        assert!(v12.contains(&("cmi.interactions.3.result".into(), "correct".into())));
        assert!(v12.contains(&("cmi.interactions.3.latency".into(), "0000:01:05".into())));
        let v04 = quiz.values(Standard::Scorm2004, 0);
        assert!(v04.contains(&("cmi.interactions.0.learner_response".into(), "c[,]a".into())));
        assert!(v04.contains(&("cmi.interactions.0.latency".into(), "PT0H1M5S".into())));
        assert!(v04.iter().any(|(k, v)| k == "cmi.interactions.0.timestamp" && v.ends_with(".0Z") && v.contains('T')));

        let long = "word ".repeat(200);
        let written = Interaction { kind: Kind::Written, response: Response::Text(long.clone()), latency_ms: None, ..quiz };
        let v12 = written.values(Standard::Scorm12, 0);
        let response = &v12.iter().find(|(k, _)| k.ends_with("student_response")).unwrap().1;
        assert_eq!(response.chars().count(), 255);
        assert!(response.ends_with('…'));
        assert!(v12.contains(&("cmi.interactions.0.result".into(), "neutral".into())));
        let v04 = written.values(Standard::Scorm2004, 0);
        assert!(v04.contains(&("cmi.interactions.0.type".into(), "long-fill-in".into())));
        assert!(v04.contains(&("cmi.interactions.0.learner_response".into(), long)));
    }

    fn answers(n: usize) -> Vec<Interaction> {
        (0..n)
            .map(|i| Interaction {
                id: format!("m.s.q{i}.1"),
                kind: Kind::Written,
                description: "Why?".into(),
                response: Response::Text(format!("answer {i}")),
                latency_ms: None,
                at_ms: 1_765_000_000_000,
            })
            .collect()
    }

    fn indices(values: &[(String, String)]) -> Vec<usize> {
        values.iter().filter(|(k, _)| k.ends_with(".id")).map(|(k, _)| k.split('.').nth(2).unwrap().parse().unwrap()).collect()
    }

    #[test]
    fn only_what_is_new_or_changed_is_sent() {
        let mut list = answers(2);
        let (values, sent) = Sent::at_start(0, Some(vec![])).update(Standard::Scorm2004, &list);
        assert_eq!(indices(&values), [0, 1]);
        let (values, sent) = sent.update(Standard::Scorm2004, &list);
        assert!(values.is_empty(), "nothing changed");
        list[0].response = Response::Text("a better answer".into());
        list.extend(answers(3).pop());
        let (values, _) = sent.update(Standard::Scorm2004, &list);
        assert_eq!(indices(&values), [0, 2], "the changed one where it was, the new one after");
    }

    #[test]
    fn an_earlier_visit_is_rewritten_by_id_in_2004_and_left_alone_in_1_2() {
        let list = answers(3);
        // 2004: the platform holds q1 and q0 (in that order) from another computer.
        let (values, after) = Sent::at_start(2, Some(vec!["m.s.q1.1".into(), "m.s.q0.1".into()])).update(Standard::Scorm2004, &list);
        assert_eq!(indices(&values), [1, 0, 2]);
        assert!(values.contains(&("cmi.interactions.1.learner_response".into(), "answer 0".into())));
        assert!(after.update(Standard::Scorm2004, &list).0.is_empty());
        // 1.2: two held, ids unknown: only the third is sent.
        let (values, after) = Sent::at_start(2, None).update(Standard::Scorm12, &list);
        assert_eq!(indices(&values), [2]);
        assert!(after.update(Standard::Scorm12, &list).0.is_empty());
    }

    #[test]
    fn times_are_utc_dates_and_times() {
        assert_eq!(utc_date_time(0), ("1970-01-01".into(), "00:00:00".into()));
        // 2024-02-29T23:59:59Z, a leap day.
        assert_eq!(utc_date_time(1_709_251_199_000), ("2024-02-29".into(), "23:59:59".into()));
        assert_eq!(utc_date_time(1_796_533_920_000), ("2026-12-06".into(), "05:12:00".into()));
    }

    #[test]
    fn private_reflections_and_unfinished_steps_are_not_sent() {
        let bundle = crate::testing::bundle_with_reflection();
        let item = crate::progress::ItemId::step("m", "r");
        let record = |at_ms, action| Record { bundle: bundle.id.clone(), item: item.clone(), at_ms, action };
        // Words kept from a closing tab before the step was ever counted as opened.
        let mut records = vec![record(2, Action::Written { field: Field::Prompt("what".into()), text: "My own thoughts".into() })];
        assert!(list(&bundle, &records).is_empty(), "a draft on an unfinished step");
        records.push(record(3, Action::Visit));
        assert!(list(&bundle, &records).is_empty(), "a private reflection");
        records.push(record(4, Action::Share { shared: true }));
        let shared = list(&bundle, &records);
        assert_eq!(shared.len(), 1);
        assert_eq!((shared[0].description.as_str(), &shared[0].response), ("What happened?", &Response::Text("My own thoughts".into())));
    }
}
