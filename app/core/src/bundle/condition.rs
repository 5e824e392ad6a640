//! The plain data of a scenario's choices, part of the bundle model: when a choice
//! is offered ([`Condition`]) and what it changes ([`Effect`]). Reading them from
//! text and playing them is `crate::scenario`'s job.

use serde::{Deserialize, Serialize};

/// When a choice is offered: a test on counters and flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    Flag(String),
    Compare { counter: String, op: Op, value: i32 },
    Not(Box<Condition>),
    All(Vec<Condition>),
    Any(Vec<Condition>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "==")]
    Equal,
    #[serde(rename = "!=")]
    NotEqual,
}

/// What a choice changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    Add { counter: String, amount: i32 },
    Set(String),
    Unset(String),
}
