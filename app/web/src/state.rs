//! App-wide state shared through context: the storage problem banner and the clock.

use leptos::prelude::*;

/// The message of the latest storage failure, shown as a banner on every page until
/// a later write succeeds. `None` while storage works.
#[derive(Clone, Copy)]
pub struct StorageProblem(pub RwSignal<Option<String>>);

impl StorageProblem {
    pub fn provide() -> StorageProblem {
        let problem = StorageProblem(RwSignal::new(None));
        provide_context(problem);
        problem
    }

    pub fn get() -> StorageProblem {
        expect_context::<StorageProblem>()
    }

    /// Records the outcome of a storage call: shows its error, or clears the banner.
    pub fn report<T>(&self, result: &Result<T, crate::storage::StorageError>) {
        self.0.set(result.as_ref().err().map(ToString::to_string));
    }
}

/// The device's clock in milliseconds since the Unix epoch. It may be wrong on a
/// shared device; Wex only uses it to order and show times.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
