//! The answer boxes a learner writes in, named by type rather than by string.
//!
//! Stored records, exported progress, completion records and the attempt logs that
//! certificates sign all name a field by its text (`goal`, `answer:why`,
//! `prompt:what`); [`Field`] reads and writes exactly that text
//! (tests/fixtures/formats pins it), so no stored or signed byte changes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// Where a written answer is kept.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A care plan's goal.
    Goal,
    /// A care plan's "why this plan".
    Rationale,
    /// The answer to a free-text question (quiz or case study), by question id.
    Answer(String),
    /// The "explain your answer" box under a quiz question, by question id.
    Explain(String),
    /// A reflection prompt's answer, by prompt id: the learner's own thoughts,
    /// withheld from attempt logs and shared only when they choose.
    Prompt(String),
    /// A field this version does not know (written by a newer one): kept as it is.
    Other(String),
}

const GOAL: &str = "goal";
const RATIONALE: &str = "rationale";
const ANSWER: &str = "answer:";
const EXPLAIN: &str = "explain:";
const PROMPT: &str = "prompt:";

impl Field {
    /// The field as stored.
    pub fn key(&self) -> Cow<'_, str> {
        match self {
            Field::Goal => Cow::Borrowed(GOAL),
            Field::Rationale => Cow::Borrowed(RATIONALE),
            Field::Answer(id) => Cow::Owned(format!("{ANSWER}{id}")),
            Field::Explain(id) => Cow::Owned(format!("{EXPLAIN}{id}")),
            Field::Prompt(id) => Cow::Owned(format!("{PROMPT}{id}")),
            Field::Other(key) => Cow::Borrowed(key),
        }
    }

    /// Reads a stored field. Never fails: what it does not know stays [`Field::Other`].
    pub fn parse(key: &str) -> Field {
        if key == GOAL {
            Field::Goal
        } else if key == RATIONALE {
            Field::Rationale
        } else if let Some(id) = key.strip_prefix(ANSWER) {
            Field::Answer(id.to_string())
        } else if let Some(id) = key.strip_prefix(EXPLAIN) {
            Field::Explain(id.to_string())
        } else if let Some(id) = key.strip_prefix(PROMPT) {
            Field::Prompt(id.to_string())
        } else {
            Field::Other(key.to_string())
        }
    }

    /// Whether this is a reflection's answer (see [`Field::Prompt`]).
    pub fn is_reflection(&self) -> bool {
        matches!(self, Field::Prompt(_))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// Ordered by the stored text, as the string keys were, so every list and map of
/// answers keeps its order.
impl Ord for Field {
    fn cmp(&self, other: &Field) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Field {
    fn partial_cmp(&self, other: &Field) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        let key = Cow::<str>::deserialize(deserializer)?;
        Ok(Field::parse(&key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_from_its_stored_text() {
        let fields = [
            Field::Goal,
            Field::Rationale,
            Field::Answer("why".into()),
            Field::Explain("first".into()),
            Field::Prompt("what".into()),
            Field::Other("checklist:3".into()),
            // An id may itself hold the separator.
            Field::Prompt("a:b".into()),
        ];
        for field in fields {
            assert_eq!(Field::parse(&field.key()), field);
            let json = serde_json::to_string(&field).unwrap();
            assert_eq!(json, format!("\"{}\"", field.key()));
            assert_eq!(serde_json::from_str::<Field>(&json).unwrap(), field);
        }
        assert_eq!(Field::Answer("why".into()).to_string(), "answer:why");
    }

    #[test]
    fn fields_sort_as_their_stored_text() {
        let mut fields = vec![Field::Prompt("a".into()), Field::Goal, Field::Answer("z".into()), Field::Rationale, Field::Explain("b".into())];
        fields.sort();
        let keys: Vec<String> = fields.iter().map(Field::to_string).collect();
        assert_eq!(keys, ["answer:z", "explain:b", "goal", "prompt:a", "rationale"]);
    }
}
