//! Messages every page of an app can show: the storage problem banner, and a
//! notice for the next page.

use crate::storage;
use leptos::prelude::*;

/// The message of the latest storage failure, shown as a banner on every page until
/// a later write succeeds. `None` while storage works.
#[derive(Clone, Copy)]
pub struct StorageProblem(RwSignal<Option<String>>);

impl StorageProblem {
    pub fn provide() -> StorageProblem {
        let problem = StorageProblem(RwSignal::new(None));
        provide_context(problem);
        problem
    }

    pub fn get() -> StorageProblem {
        expect_context::<StorageProblem>()
    }

    /// The latest storage failure, if storage is failing now (tracked).
    pub fn message(&self) -> Option<String> {
        self.0.get()
    }

    /// Records the outcome of a storage call: shows its error, or clears the banner.
    pub fn report<T>(&self, result: &Result<T, storage::StorageError>) {
        self.0.set(result.as_ref().err().map(ToString::to_string));
    }
}

/// A message for the next page to show once, such as "Your place is saved" after
/// "Take a break".
#[derive(Clone, Copy)]
pub struct Notice(RwSignal<Option<String>>);

impl Notice {
    pub fn provide() {
        provide_context(Notice(RwSignal::new(None)));
    }

    pub fn get() -> Notice {
        expect_context::<Notice>()
    }

    pub fn show(&self, message: String) {
        self.0.set(Some(message));
    }

    /// The message, if there is one, which is then gone.
    pub fn take(&self) -> Option<String> {
        let message = self.0.get_untracked();
        if message.is_some() {
            self.0.set(None);
        }
        message
    }
}
