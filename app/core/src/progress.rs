//! A learner's progress: append-only records of what they did, and the state derived
//! from them (which steps are done, each module's status).
//!
//! Records are keyed by bundle id and item id, never by position, so progress
//! survives a new version of a bundle that adds, removes or reorders steps.

use crate::bundle::{Bundle, Module};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The id under which progress on a step is kept: `module-id/step-id`.
pub fn item_id(module: &str, step: &str) -> String {
    format!("{module}/{step}")
}

/// One thing a learner did, at a time the device's clock gave (milliseconds since
/// the Unix epoch; shared devices' clocks can be wrong, so nothing depends on it
/// being right).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub bundle: String,
    pub item: String,
    pub at_ms: u64,
    pub action: Action,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Action {
    /// The learner marked a reading step as done.
    PageDone,
    /// The learner took back a "done" mark.
    PageUndone,
}

/// Where a learner is in a module, as the NHS task list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
        }
    }
}

/// The state of one bundle derived from its records, replayed in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    done: BTreeSet<String>,
}

impl Progress {
    /// Replays records in the order given (the order they were stored).
    pub fn replay<'a>(records: impl IntoIterator<Item = &'a Record>) -> Progress {
        let mut progress = Progress::default();
        for record in records {
            progress.apply(record);
        }
        progress
    }

    pub fn apply(&mut self, record: &Record) {
        match record.action {
            Action::PageDone => {
                self.done.insert(record.item.clone());
            }
            Action::PageUndone => {
                self.done.remove(&record.item);
            }
        }
    }

    pub fn is_done(&self, module: &str, step: &str) -> bool {
        self.done.contains(&item_id(module, step))
    }

    pub fn module_status(&self, module: &Module) -> Status {
        let done = module.steps.iter().filter(|s| self.is_done(&module.id, s.id())).count();
        match done {
            0 => Status::NotStarted,
            n if n == module.steps.len() => Status::Completed,
            _ => Status::InProgress,
        }
    }

    /// How many of the bundle's modules are completed.
    pub fn completed_modules(&self, bundle: &Bundle) -> usize {
        bundle.modules.iter().filter(|m| self.module_status(m) == Status::Completed).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{ModuleKind, Step};

    fn module() -> Module {
        let page = |id: &str| Step { id: id.into(), title: id.into(), before: vec![], activity: None, after: vec![] };
        Module {
            id: "m".into(),
            title: "M".into(),
            kind: ModuleKind::Reading,
            minutes: 5,
            summary: String::new(),
            content_warnings: vec![],
            steps: vec![page("a"), page("b")],
        }
    }

    fn record(item: &str, action: Action) -> Record {
        Record { bundle: "demo".into(), item: item.into(), at_ms: 0, action }
    }

    #[test]
    fn status_follows_replayed_records() {
        let m = module();
        assert_eq!(Progress::replay(&[]).module_status(&m), Status::NotStarted);
        let half = [record("m/a", Action::PageDone)];
        assert_eq!(Progress::replay(&half).module_status(&m), Status::InProgress);
        let all = [record("m/a", Action::PageDone), record("m/b", Action::PageDone)];
        assert_eq!(Progress::replay(&all).module_status(&m), Status::Completed);
        let undone = [record("m/a", Action::PageDone), record("m/b", Action::PageDone), record("m/b", Action::PageUndone)];
        assert_eq!(Progress::replay(&undone).module_status(&m), Status::InProgress);
        // Records for steps that no longer exist are kept but do not count.
        let stale = [record("m/gone", Action::PageDone)];
        assert_eq!(Progress::replay(&stale).module_status(&m), Status::NotStarted);
    }
}
