//! The Wex learner's app: a Leptos client-side app compiled to WebAssembly.
//!
//! `router` holds the routes and which app serves each, `app` the frame every app
//! shares, `pages/` one file per route and the page tables, `components/` the NHS
//! design-system pieces and Wex's own widgets, `session` who is using the tab,
//! `journal` the learner's records as they are made, `notices` the banners,
//! `platform` the clock, random ids and performance marks, `storage/` the only code
//! that touches IndexedDB, `placements` the only code that fetches placements, and
//! `lms` a learning platform's SCORM API when Wex runs as a package.

pub mod app;
pub mod components;
pub mod files;
pub mod focus;
pub mod journal;
pub mod lms;
pub mod load;
pub mod notices;
pub mod offline;
pub mod pages;
pub mod placements;
pub mod platform;
pub mod router;
pub mod session;
pub mod shell;
pub mod storage;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
