//! `Load`: a value a page fetches in the background (from IndexedDB or the site),
//! `None` until it arrives.
//!
//! It does the part of Leptos's `LocalResource` that Wex uses: the fetch starts as
//! soon as the page is built, runs again when a signal it read changes (or on
//! `refetch`), and an answer that arrives after a newer fetch began is dropped. `LocalResource` builds an
//! async-derived signal for every value type, which cost about 4 KB of wasm per
//! page; this is a plain signal and a spawned task (docs/size.md).

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

pub struct Load<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    run: StoredValue<Rc<dyn Fn()>, LocalStorage>,
    /// Tasks waiting for the first value (see [`Load::wait`]).
    waiting: StoredValue<Vec<Waker>, LocalStorage>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: 'static> Load<T> {
    /// Starts `fetch` straight after the page is built, and again whenever a signal
    /// it reads before its first `.await` changes.
    pub fn new<Fut: Future<Output = T> + 'static>(fetch: impl Fn() -> Fut + 'static) -> Self {
        let value = RwSignal::new_local(None);
        let waiting = StoredValue::new_local(Vec::<Waker>::new());
        let latest = Rc::new(Cell::new(0u32));
        let run: Rc<dyn Fn()> = Rc::new(move || {
            let ticket = latest.get().wrapping_add(1);
            latest.set(ticket);
            let pending = fetch();
            let latest = latest.clone();
            spawn_local(async move {
                let answer = pending.await;
                if latest.get() == ticket {
                    // The page may have gone; then there is nobody to tell.
                    let _ = value.try_set(Some(answer));
                    if let Some(wakers) = waiting.try_update_value(std::mem::take) {
                        wakers.into_iter().for_each(Waker::wake);
                    }
                }
            });
        });
        follow(run.clone());
        Load { value, run: StoredValue::new_local(run), waiting }
    }

    /// Fetches again; the current value stays until the new one arrives.
    pub fn refetch(&self) {
        if let Some(run) = self.run.try_get_value() {
            untrack(|| run());
        }
    }
}

/// Runs `run` now and whenever a signal it read changes, until the page goes. Not
/// generic, so every `Load` shares one copy of the effect's code.
fn follow(run: Rc<dyn Fn()>) {
    Effect::new(move |_| run());
}

impl<T: Clone + 'static> Load<T> {
    /// The value, or `None` while the first fetch is under way (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// The value, without tracking it.
    pub fn get_untracked(&self) -> Option<T> {
        self.value.get_untracked()
    }

    /// The value once it has arrived, for work that must not start without it (a
    /// file dropped in while the page is still loading waits here). `None` if the
    /// page has gone.
    pub async fn wait(&self) -> Option<T> {
        let (value, waiting) = (self.value, self.waiting);
        std::future::poll_fn(move |cx| match value.try_get_untracked() {
            None => Poll::Ready(None),
            Some(Some(v)) => Poll::Ready(Some(v)),
            Some(None) => match waiting.try_update_value(|w| w.push(cx.waker().clone())) {
                Some(()) => Poll::Pending,
                None => Poll::Ready(None),
            },
        })
        .await
    }
}
