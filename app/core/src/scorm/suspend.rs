//! `suspend_data`: what the LMS keeps of a learner's records, so that they can carry
//! on from another computer. It must fit the standard's limit (4,096 characters in
//! SCORM 1.2, 64,000 in 2004), so it is compact text, and when a learner has written
//! more than fits, what completion needs goes first and the rest stays on the device
//! (`left_out` says how much, for the learner to be told).
//!
//! ```text
//! wex1 <version> <steps hash> <first time, base 36>
//! <step number> <ms after the first time> <action>      one line per record
//! ```
//!
//! Steps are numbered in the placement's order, which is why the header names the
//! version and a hash of the step list: data from another version is not read.
//! An action is one letter for the common ones (`v` visited, `d` done, ...) and the
//! record's JSON otherwise.

use super::Standard;
use crate::bundle::Bundle;
use crate::progress::{Action, ItemId, Record};

/// What to store, and how many of the learner's records did not fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspended {
    pub data: String,
    pub left_out: usize,
}

const FORMAT: &str = "wex1";

impl Standard {
    /// The most characters `suspend_data` may hold.
    pub fn suspend_limit(self) -> usize {
        match self {
            Standard::Scorm12 => 4096,
            Standard::Scorm2004 => 64_000,
        }
    }
}

/// Every step of the placement, in order: a record's step is stored as its place here.
fn steps(bundle: &Bundle) -> Vec<ItemId> {
    bundle.modules.iter().flat_map(|m| m.steps.iter().map(|s| ItemId::step(&m.id, &s.id))).collect()
}

fn header(bundle: &Bundle, base: u64) -> String {
    let list: Vec<String> = steps(bundle).iter().map(|s| s.to_string()).collect();
    let hash = crate::hash::sha256_hex(list.join("\n").as_bytes());
    format!("{FORMAT} {} {} {}", bundle.version, &hash[..8], base36(base))
}

/// The records worth keeping, in groups, most needed first; a group is kept whole
/// or not at all. First what finishes a step (each `done`, and the last visit of
/// each step, since a page counts as read once visited); then each step's answers
/// together (a scenario's choices make sense only as a whole path); then the latest
/// of each written answer and unchecked choice, newest first. Certificates are left
/// out: a new one is made where the learner finishes.
fn by_need(records: &[Record]) -> Vec<Vec<usize>> {
    use std::collections::HashSet;
    // Walking back from the newest, what a later record already covers: a step's
    // visit, a written field, a question's unchecked choice (or a checked quiz).
    let mut visited: HashSet<&ItemId> = HashSet::new();
    let mut written: HashSet<(&ItemId, &crate::field::Field)> = HashSet::new();
    let mut chosen: HashSet<(&ItemId, &str)> = HashSet::new();
    let mut checked: HashSet<&ItemId> = HashSet::new();
    let mut finishing = Vec::new();
    let mut answers: Vec<(&ItemId, Vec<usize>)> = Vec::new();
    let mut texts = Vec::new();
    for (i, record) in records.iter().enumerate().rev() {
        let item = &record.item;
        match &record.action {
            Action::Certified { .. } | Action::Countersigned { .. } | Action::Withheld { .. } => {}
            Action::Visit => {
                if visited.insert(item) {
                    finishing.push(vec![i]);
                }
            }
            Action::Done | Action::Undone => finishing.push(vec![i]),
            Action::Written { field, .. } => {
                if written.insert((item, field)) {
                    texts.push(vec![i]);
                }
            }
            Action::Pick { question, .. } => {
                if !checked.contains(item) && chosen.insert((item, question)) {
                    texts.push(vec![i]);
                }
            }
            action => {
                match action {
                    Action::QuizSubmit { .. } => {
                        checked.insert(item);
                    }
                    Action::CaseAnswer { question, .. } => {
                        chosen.insert((item, question));
                    }
                    _ => {}
                }
                match answers.iter_mut().find(|(step, _)| *step == item) {
                    Some((_, group)) => group.push(i),
                    None => answers.push((item, vec![i])),
                }
            }
        }
    }
    finishing.into_iter().chain(answers.into_iter().map(|(_, group)| group)).chain(texts).collect()
}

fn line(index: usize, delta: u64, action: &Action) -> String {
    let action = match action {
        Action::Visit => "v".to_string(),
        Action::Done => "d".to_string(),
        Action::Undone => "u".to_string(),
        Action::PlanSubmit => "p".to_string(),
        Action::Back => "b".to_string(),
        Action::Restart => "r".to_string(),
        other => serde_json::to_string(other).expect("an action always serializes"),
    };
    format!("{} {} {action}", base36(index as u64), base36(delta))
}

/// The learner's records for `bundle` as `suspend_data`, within `limit` characters.
pub fn suspend(bundle: &Bundle, records: &[Record], limit: usize) -> Suspended {
    let steps = steps(bundle);
    let base = records.iter().map(|r| r.at_ms).min().unwrap_or(0);
    let mut data = header(bundle, base);
    let mut chosen: Vec<(usize, String)> = Vec::new();
    let mut length = data.len();
    let mut left_out = 0;
    for group in by_need(records) {
        let lines: Vec<(usize, String)> = group
            .into_iter()
            .filter_map(|i| {
                let record = &records[i];
                let step = steps.iter().position(|s| *s == record.item)?;
                Some((i, line(step, record.at_ms - base, &record.action)))
            })
            .collect();
        // Counted in characters, as the LMS counts them.
        let size: usize = lines.iter().map(|(_, text)| text.chars().count() + 1).sum();
        if length + size > limit {
            left_out += lines.len();
            continue;
        }
        length += size;
        chosen.extend(lines);
    }
    chosen.sort_by_key(|(i, _)| *i);
    for (_, text) in chosen {
        data.push('\n');
        data.push_str(&text);
    }
    Suspended { data, left_out }
}

/// The records in `suspend_data` written by [`suspend`] for this version of `bundle`.
pub fn resume(bundle: &Bundle, data: &str) -> Result<Vec<Record>, String> {
    let mut lines = data.lines();
    let head = lines.next().unwrap_or("");
    let base_text = head.rsplit(' ').next().unwrap_or("");
    let base = from_base36(base_text).ok_or("the saved progress is not Wex's")?;
    if head != header(bundle, base) {
        return Err(if head.starts_with(FORMAT) { "the saved progress is for another version of this placement".into() } else { "the saved progress is not Wex's".into() });
    }
    let steps = steps(bundle);
    let mut records = Vec::new();
    for text in lines {
        let mut parts = text.splitn(3, ' ');
        let (Some(step), Some(delta), Some(action)) = (parts.next(), parts.next(), parts.next()) else { return Err(format!("a line of the saved progress cannot be read: {text}")) };
        let item = from_base36(step).and_then(|i| steps.get(i as usize)).ok_or_else(|| format!("the saved progress names a step this placement does not have: {text}"))?;
        let at_ms = from_base36(delta).and_then(|d| base.checked_add(d)).ok_or_else(|| format!("a time in the saved progress cannot be read: {text}"))?;
        let action = match action {
            "v" => Action::Visit,
            "d" => Action::Done,
            "u" => Action::Undone,
            "p" => Action::PlanSubmit,
            "b" => Action::Back,
            "r" => Action::Restart,
            json => serde_json::from_str(json).map_err(|_| format!("an answer in the saved progress cannot be read: {text}"))?,
        };
        records.push(Record { bundle: bundle.id.clone(), item: item.clone(), at_ms, action });
    }
    Ok(records)
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

fn from_base36(text: &str) -> Option<u64> {
    (!text.is_empty() && text.len() <= 13).then_some(())?;
    u64::from_str_radix(text, 36).ok()
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::progress::Progress;
    use crate::scorm::Report;
    use crate::testing::{everything, placement};

    #[test]
    fn round_trips_and_fits_both_limits_on_the_largest_placement() {
        let bundle = crate::testing::largest_placement();
        let records = everything(&bundle, 250);
        for standard in Standard::ALL {
            let limit = standard.suspend_limit();
            let suspended = suspend(&bundle, &records, limit);
            assert!(suspended.data.chars().count() <= limit, "{standard:?}: {} characters", suspended.data.chars().count());
            let back = resume(&bundle, &suspended.data).unwrap();
            // Everything that finishes a step fits even in 1.2; some essays may not.
            let report = |r: &[Record]| Report::of(&bundle, r);
            let done = |r: &[Record]| r.iter().filter(|x| matches!(x.action, Action::Done)).count();
            assert_eq!(done(&back), done(&records), "{standard:?}");
            assert_eq!(report(&back).progress, report(&records).progress, "{standard:?}");
            // What came back is exactly the records that went in, times and all.
            for record in &back {
                assert!(records.contains(record), "{record:?}");
            }
            // Every answer that scores fits too, and is scored the same.
            assert_eq!(report(&back).score, report(&records).score, "{standard:?}");
            assert_eq!(report(&back), report(&records), "{standard:?}");
            // (Each field is written once here, and every unchecked choice was checked,
            // so the written answers are the whole of what may not fit.)
            let written = records.iter().filter(|r| matches!(r.action, Action::Written { .. })).count();
            let kept = back.iter().filter(|r| matches!(r.action, Action::Written { .. })).count();
            assert_eq!(kept + suspended.left_out, written, "{standard:?}: what is left out is counted");
            assert!(suspended.left_out > 0 || standard == Standard::Scorm2004, "essays this long do not all fit in 1.2");
            // Replaying the records from the LMS and the device's own gives the same
            // answers as the device alone: merging never duplicates.
            let merged = crate::progress::merge(&records, &back);
            assert_eq!(merged.len(), records.len());
            assert_eq!(Progress::replay(&merged).last_visit(), Progress::replay(&records).last_visit());
        }
    }

    #[test]
    fn short_progress_fits_whole_and_another_version_is_refused() {
        let bundle = placement("first-look");
        let records = everything(&bundle, 20);
        let suspended = suspend(&bundle, &records, Standard::Scorm12.suspend_limit());
        assert_eq!(suspended.left_out, 0, "{} characters", suspended.data.len());
        // Whole, but for the choices a quiz's submission already holds.
        let unpicked = |records: &[Record]| records.iter().filter(|r| !matches!(r.action, Action::Pick { .. })).cloned().collect::<Vec<_>>();
        assert_eq!(unpicked(&resume(&bundle, &suspended.data).unwrap()), unpicked(&records));
        let mut newer = bundle.clone();
        newer.version = "9.0.0".into();
        assert_eq!(resume(&newer, &suspended.data).unwrap_err(), "the saved progress is for another version of this placement");
        assert_eq!(resume(&bundle, "").unwrap_err(), "the saved progress is not Wex's");
        assert!(resume(&bundle, &format!("{}\nzz 1 v", suspended.data.lines().next().unwrap())).is_err());
    }
}
