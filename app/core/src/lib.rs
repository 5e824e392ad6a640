//! Wex's pure logic, shared by the CLI, the learner's app and the tutor's tracker.
//!
//! Nothing here touches the browser, the file system, the network or the clock:
//! inputs are plain data (paths and bytes, timestamps passed in) and outputs are
//! plain data plus [`Diagnostic`]s. The author's parsers (TOML and Markdown) sit
//! behind the `author` feature so that the learner's download never carries them.

pub mod adding;
pub mod answers;
pub mod archive;
pub mod applications;
pub mod assignment;
#[cfg(feature = "author")]
pub mod author;
pub mod bundle;
pub mod diagnostic;
pub mod credential;
pub mod doc;
pub mod field;
pub mod hash;
pub mod keys;
pub mod nesting;
pub mod pin;
pub mod pack;
pub mod progress;
pub mod reflections;
pub mod scenario;
pub mod scorm;
pub mod scenario_map;
pub mod scenario_states;
pub mod scoring;
#[cfg(all(test, feature = "author"))]
mod shipped_content;
pub mod shuffle;
pub mod site;
pub mod source;
pub mod stats;
pub mod time_spent;
pub mod tracker;
pub mod transfer;
pub mod tutor;
#[cfg(all(test, feature = "author"))]
pub(crate) mod testing;
pub mod version;
pub mod words;

pub use diagnostic::{Code, Diagnostic, Severity};
