//! Placement bundles: the model every part of Wex shares (the learner's app, the
//! tutor's area, the studio and the CLI). Building it from a folder of Markdown +
//! TOML is `crate::author`'s job, with the `author` feature.

mod model;
pub use model::*;
mod condition;
pub use condition::{Condition, Effect, Op};
