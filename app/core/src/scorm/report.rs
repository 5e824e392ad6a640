//! What an LMS is told about a learner's placement: completion and success by the
//! same rules as the certificate (`scoring::bundle_result`), the score, and how far
//! through they are, as the data-model values of each standard.

use super::Standard;
use crate::bundle::Bundle;
use crate::progress::{Progress, Record, Status};
use crate::scoring::{bundle_result, Score};

/// A learner's standing in a placement, for the LMS.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Report {
    /// Every required module is complete.
    pub complete: bool,
    /// Once complete, whether the score reaches the pass mark; `None` before, or
    /// when the placement has no pass mark.
    pub passed: Option<bool>,
    /// Over the required modules, as on the certificate.
    pub score: Score,
    /// Required modules complete, from 0 to 1.
    pub progress: f64,
}

impl Report {
    pub fn of(bundle: &Bundle, records: &[Record]) -> Report {
        let progress = Progress::replay(records);
        let result = bundle_result(bundle, &progress);
        let required = &bundle.completion.required_modules;
        let done = result.modules.iter().filter(|m| required.contains(&m.id) && m.status == Status::Completed).count();
        let complete = done == required.len();
        let passed = (complete && bundle.completion.pass_mark > 0).then_some(result.complete);
        Report { complete, passed, score: result.score, progress: if required.is_empty() { 1.0 } else { done as f64 / required.len() as f64 } }
    }

    /// The data-model elements to set, in order, for `standard`.
    pub fn values(&self, standard: Standard) -> Vec<(&'static str, String)> {
        let Score { points, max } = self.score;
        match standard {
            Standard::Scorm12 => {
                // 1.2's raw score is compared with the mastery score, a percent.
                let status = match (self.complete, self.passed) {
                    (false, _) => "incomplete",
                    (true, None) => "completed",
                    (true, Some(true)) => "passed",
                    (true, Some(false)) => "failed",
                };
                vec![
                    ("cmi.core.lesson_status", status.into()),
                    ("cmi.core.score.min", "0".into()),
                    ("cmi.core.score.max", "100".into()),
                    ("cmi.core.score.raw", self.score.percent().to_string()),
                ]
            }
            Standard::Scorm2004 => {
                let success = match self.passed {
                    None => "unknown",
                    Some(true) => "passed",
                    Some(false) => "failed",
                };
                let mut values = vec![
                    ("cmi.completion_status", if self.complete { "completed" } else { "incomplete" }.into()),
                    ("cmi.success_status", success.into()),
                    ("cmi.progress_measure", decimal(self.progress)),
                ];
                if max > 0 {
                    values.push(("cmi.score.min", "0".into()));
                    values.push(("cmi.score.max", max.to_string()));
                    values.push(("cmi.score.raw", points.to_string()));
                    values.push(("cmi.score.scaled", decimal(f64::from(points) / f64::from(max))));
                }
                values
            }
        }
    }
}

/// The data-model elements Wex reads and writes besides the report's, by standard.
impl Standard {
    /// Who the learner is: their id and their name as the platform gives it.
    pub fn learner_elements(self) -> (&'static str, &'static str) {
        match self {
            Standard::Scorm12 => ("cmi.core.student_id", "cmi.core.student_name"),
            Standard::Scorm2004 => ("cmi.learner_id", "cmi.learner_name"),
        }
    }

    /// Where the learner is (`lesson_location` or `location`).
    pub fn location_element(self) -> &'static str {
        match self {
            Standard::Scorm12 => "cmi.core.lesson_location",
            Standard::Scorm2004 => "cmi.location",
        }
    }

    /// What to set as a session ends after `ms`: its length, and whether the
    /// learner will be back (suspended until the placement is complete).
    pub fn session_end(self, ms: u64, complete: bool) -> Vec<(&'static str, String)> {
        match self {
            Standard::Scorm12 => vec![
                ("cmi.core.session_time", session_time(self, ms)),
                ("cmi.core.exit", if complete { String::new() } else { "suspend".into() }),
            ],
            Standard::Scorm2004 => vec![
                ("cmi.session_time", session_time(self, ms)),
                ("cmi.exit", if complete { "normal".into() } else { "suspend".into() }),
            ],
        }
    }
}

/// Where the learner keeps what `suspend` makes.
pub const SUSPEND_DATA: &str = "cmi.suspend_data";

/// A number from 0 to 1 with at most four decimals, as SCORM's real types take it.
fn decimal(value: f64) -> String {
    let text = format!("{:.4}", value.clamp(0.0, 1.0));
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// How long a session lasted, in each standard's form: `HHHH:MM:SS.SS` for 1.2,
/// an ISO 8601 duration (`PT1H2M3S`) for 2004.
pub fn session_time(standard: Standard, ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    match standard {
        Standard::Scorm12 => format!("{:04}:{m:02}:{s:02}", h.min(9999)),
        Standard::Scorm2004 => format!("PT{h}H{m}M{s}S"),
    }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;

    fn example() -> Bundle {
        let mut source = crate::source::SourceFiles::new();
        for (path, bytes) in crate::author::example::files() {
            source.insert(path, bytes);
        }
        crate::author::parse_bundle(&source).bundle.unwrap()
    }

    #[test]
    fn nothing_done_is_incomplete_with_no_verdict() {
        let bundle = example();
        let report = Report::of(&bundle, &[]);
        assert_eq!((report.complete, report.passed, report.progress), (false, None, 0.0));
        assert_eq!(report.values(Standard::Scorm12)[0], ("cmi.core.lesson_status", "incomplete".to_string()));
        let values = report.values(Standard::Scorm2004);
        assert!(values.contains(&("cmi.completion_status", "incomplete".to_string())));
        assert!(values.contains(&("cmi.success_status", "unknown".to_string())));
    }

    #[test]
    fn a_played_through_placement_is_passed_or_failed_by_the_certificate_and_one_step_less_is_incomplete() {
        for name in ["gp-to-diagnosis", "hospice-placement", "first-look"] {
            let bundle = crate::testing::placement(name);
            // Every step done, every activity answered with its first option.
            let records = crate::testing::everything(&bundle, 20);
            let report = Report::of(&bundle, &records);
            let certificate = bundle_result(&bundle, &Progress::replay(&records));
            assert!(report.complete, "{name}: {:?}", certificate.still_to_do);
            assert_eq!(report.progress, 1.0);
            assert_eq!(report.score, certificate.score);
            let (status, success) = match (bundle.completion.pass_mark, certificate.complete) {
                (0, _) => ("completed", "unknown"),
                (_, true) => ("passed", "passed"),
                (_, false) => ("failed", "failed"),
            };
            assert_eq!(report.values(Standard::Scorm12)[0], ("cmi.core.lesson_status", status.to_string()), "{name}");
            assert!(report.values(Standard::Scorm2004).contains(&("cmi.success_status", success.to_string())), "{name}");
            // The last step never opened: incomplete, with no verdict yet.
            let last = records.last().unwrap().item.clone();
            let fewer: Vec<Record> = records.iter().filter(|r| r.item != last).cloned().collect();
            let report = Report::of(&bundle, &fewer);
            assert_eq!((report.complete, report.passed), (false, None), "{name}");
            assert!(report.progress < 1.0);
            assert_eq!(report.values(Standard::Scorm12)[0].1, "incomplete");
        }
    }

    #[test]
    fn a_session_ends_suspended_until_complete() {
        assert_eq!(Standard::Scorm12.session_end(3_723_400, false), [("cmi.core.session_time", "0001:02:03".to_string()), ("cmi.core.exit", "suspend".to_string())]);
        assert_eq!(Standard::Scorm12.session_end(0, true)[1], ("cmi.core.exit", String::new()));
        assert_eq!(Standard::Scorm2004.session_end(1_000, true), [("cmi.session_time", "PT0H0M1S".to_string()), ("cmi.exit", "normal".to_string())]);
    }

    #[test]
    fn session_times_in_both_forms() {
        assert_eq!(session_time(Standard::Scorm12, 3_723_400), "0001:02:03");
        assert_eq!(session_time(Standard::Scorm2004, 3_723_400), "PT1H2M3S");
        assert_eq!(decimal(2.0 / 3.0), "0.6667");
        assert_eq!(decimal(1.0), "1");
    }
}
