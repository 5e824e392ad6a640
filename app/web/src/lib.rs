//! The Wex learner's app: a Leptos client-side app compiled to WebAssembly.
//!
//! `app` holds the route tree, `pages/` one file per route, `components/` the NHS
//! design-system pieces and Wex's own widgets, `storage/` the only code that touches
//! IndexedDB, and `library` the only code that fetches placements from the site.

pub mod app;
pub mod components;
pub mod files;
pub mod focus;
pub mod library;
pub mod load;
pub mod offline;
pub mod pages;
pub mod router;
pub mod shell;
pub mod state;
pub mod storage;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
