//! Figures about a bundle for its author: size, activities, time and an estimate of
//! how hard its text is to read.

use crate::bundle::{Activity, Answer, Bundle, Rich};
use crate::doc::{plain_text, Block};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    pub modules: usize,
    pub steps: usize,
    /// Steps by activity (`page` for reading only).
    pub activities: BTreeMap<&'static str, usize>,
    pub minutes: u32,
    pub words: usize,
    pub sentences: usize,
    /// The Flesch-Kincaid grade of all the learner-facing text.
    pub grade: f64,
    /// The same as a UK reading age in years (grade + 5).
    pub reading_age: f64,
}

pub fn stats(bundle: &Bundle) -> Stats {
    let mut activities = BTreeMap::new();
    let mut text = String::new();
    let mut steps = 0;
    for module in &bundle.modules {
        for step in &module.steps {
            steps += 1;
            *activities.entry(step.activity.as_ref().map_or("page", Activity::key)).or_insert(0) += 1;
            push_rich(&step.before, &mut text);
            push_rich(&step.after, &mut text);
            if let Some(activity) = &step.activity {
                push_activity(activity, &mut text);
            }
        }
    }
    let reading = Readability::of(&text);
    Stats {
        modules: bundle.modules.len(),
        steps,
        activities,
        minutes: bundle.minutes,
        words: reading.words,
        sentences: reading.sentences,
        grade: round1(reading.grade()),
        reading_age: round1(reading.grade() + 5.0),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn push_activity(activity: &Activity, out: &mut String) {
    let mut line = |s: &str| {
        out.push_str(s);
        out.push_str(".\n");
    };
    match activity {
        Activity::Quiz(quiz) => {
            for q in &quiz.questions {
                push_rich(&q.text, out);
                if let Answer::Choice { options, .. } = &q.answer {
                    for o in options {
                        push_rich(&o.feedback, out);
                    }
                }
            }
        }
        Activity::CaseStudy(case) => {
            push_rich(&case.story, out);
            for r in &case.reveals {
                push_rich(&r.content, out);
            }
        }
        Activity::CarePlan(plan) => {
            line(&plan.goal_prompt);
            line(&plan.rationale_prompt);
            push_rich(&plan.model_answer, out);
        }
        Activity::Scenario(s) => {
            for node in &s.nodes {
                push_rich(&node.text, out);
                for c in &node.choices {
                    push_rich(&c.feedback, out);
                }
            }
        }
        Activity::Reflection(r) => {
            for p in &r.prompts {
                line(&p.text);
            }
        }
        Activity::Media(m) => push_rich(&m.transcript, out),
    }
}

fn push_rich(blocks: &Rich, out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
                out.push_str(&plain_text(inlines));
                out.push_str(".\n");
            }
            Block::BulletList(items) | Block::NumberedList(_, items) => items.iter().for_each(|item| push_rich(item, out)),
            Block::Quote(inner) => push_rich(inner, out),
            Block::Table(_) | Block::Preformatted(_) | Block::Rule => {}
        }
    }
}

/// Counts for the Flesch-Kincaid formula.
struct Readability {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Readability {
    fn of(text: &str) -> Readability {
        let mut r = Readability { words: 0, sentences: 0, syllables: 0 };
        for sentence in sentences(text) {
            let words: Vec<&str> = sentence.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| w.chars().any(char::is_alphabetic)).collect();
            if words.is_empty() {
                continue;
            }
            r.sentences += 1;
            r.words += words.len();
            r.syllables += words.iter().map(|w| syllables(w)).sum::<usize>();
        }
        r
    }

    fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.words as f64 / self.sentences as f64 + 11.8 * self.syllables as f64 / self.words as f64 - 15.59
    }
}

/// Sentences as Flesch-Kincaid counts them: ended by `.`, `!` or `?` (or a line
/// break, which ends every paragraph and list item here), but not by a colon or a
/// semicolon, nor by the point in a number such as 3.3 or 10.30.
fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (n, &(i, c)) in chars.iter().enumerate() {
        let digit = |k: Option<&(usize, char)>| k.is_some_and(|(_, c)| c.is_ascii_digit());
        let in_a_number = c == '.' && n > 0 && digit(chars.get(n - 1)) && digit(chars.get(n + 1));
        if matches!(c, '.' | '!' | '?' | '\n') && !in_a_number {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}

/// A syllable count good enough for a readability estimate: vowel groups, less a
/// silent final "e", at least one.
pub fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut count = 0;
    let mut previous = false;
    for &c in &letters {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = letters.len();
    if n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]) && !(letters[n - 2] == 'l' && !vowel(letters[n - 3])) {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_estimates() {
        for (word, n) in [("cat", 1), ("nurse", 1), ("table", 2), ("hospital", 3), ("the", 1), ("physiotherapy", 5), ("care", 1)] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn simple_text_reads_younger_than_dense_text() {
        let simple = Readability::of("The nurse is kind. She helps the man. He can go home.");
        let dense = Readability::of("Multidisciplinary collaboration facilitates comprehensive individualised rehabilitation planning.");
        assert!(simple.grade() < 3.0, "{}", simple.grade());
        assert!(dense.grade() > 16.0, "{}", dense.grade());
    }

    #[test]
    fn colons_semicolons_and_numbers_do_not_end_sentences() {
        let one = Readability::of("At 10.30 the nurse checks three things: his pulse, his breathing; and his pain score of 3.5.");
        assert_eq!((one.sentences, one.words), (1, 15), "numbers are not words");
        assert_eq!(Readability::of("Wait. Is it safe? Yes!\nGo on").sentences, 4);
    }

    #[test]
    fn counts_steps_by_activity() {
        let s = stats(&crate::pack::tests::sample());
        assert_eq!((s.modules, s.steps, s.minutes), (1, 1, 5));
        assert_eq!(s.activities.get("page"), Some(&1));
    }
}
