//! The learner's reflections: which steps they answered ([`answered`], the one walk
//! over a placement's reflection steps that My reflections, My applications, the
//! hand-in and its choices all use), and the reflective log as a file to keep:
//! plain text to paste into a personal statement or an application form, or
//! Markdown for people who use it.

use crate::bundle::{Activity, Bundle, Module, Prompt, Step};
use crate::progress::Progress;

/// A reflection step the learner has written in, with each prompt they answered
/// and the answer, trimmed.
#[derive(Clone, Debug)]
pub struct Answered<'b> {
    pub module: &'b Module,
    pub step: &'b Step,
    pub answers: Vec<(&'b Prompt, &'b str)>,
}

impl Answered<'_> {
    pub fn item(&self) -> crate::progress::ItemId {
        crate::progress::ItemId::step(&self.module.id, &self.step.id)
    }
}

/// Every reflection step of `bundle` with at least one answer in `progress`, in the
/// placement's order; prompts left empty are left out.
pub fn answered<'b>(bundle: &'b Bundle, progress: &'b Progress) -> Vec<Answered<'b>> {
    let mut out = Vec::new();
    for module in &bundle.modules {
        for step in &module.steps {
            let Some(Activity::Reflection(reflection)) = &step.activity else { continue };
            let state = progress.step(&module.id, &step.id);
            let answers: Vec<(&Prompt, &str)> = reflection.prompts.iter().map(|p| (p, state.text(&p.field()).trim())).filter(|(_, text)| !text.is_empty()).collect();
            if !answers.is_empty() {
                out.push(Answered { module, step, answers });
            }
        }
    }
    out
}

/// One answered reflection step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub placement: String,
    pub module: String,
    pub step: String,
    /// Each prompt with the learner's answer.
    pub answers: Vec<(String, String)>,
    /// The day it was last changed, as `YYYY-MM-DD` in the learner's time zone.
    pub day: String,
}

/// The title both files start with.
fn title(name: &str) -> String {
    format!("{name}'s reflections from Wex virtual work experience")
}

/// Plain text: no Markdown symbols, headings underlined, dates in words.
pub fn to_text(name: &str, entries: &[Entry]) -> String {
    let heading = title(name);
    let mut out = format!("{heading}\n{}\n", "=".repeat(heading.chars().count()));
    for entry in entries {
        out.push_str(&format!("\n{}\n{}\n", entry.step, "-".repeat(entry.step.chars().count())));
        out.push_str(&format!("{}: {}. Last changed {}.\n", entry.placement, entry.module, crate::words::long_date(&entry.day)));
        for (prompt, answer) in &entry.answers {
            out.push_str(&format!("\n{prompt}\n\n{answer}\n"));
        }
    }
    out
}

/// Markdown, for people who keep notes in it; dates in words too.
pub fn to_markdown(name: &str, entries: &[Entry]) -> String {
    let mut out = format!("# {}\n", title(name));
    for entry in entries {
        out.push_str(&format!("\n## {}\n\n*{}: {}. Last changed {}.*\n", entry.step, entry.placement, entry.module, crate::words::long_date(&entry.day)));
        for (prompt, answer) in &entry.answers {
            out.push_str(&format!("\n### {prompt}\n\n{answer}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Entry> {
        vec![Entry {
            placement: "Hospice placement".into(),
            module: "Looking after yourself".into(),
            step: "Your reflection".into(),
            answers: vec![("What surprised you?".into(), "How much the team laughed together.".into())],
            day: "2026-12-05".into(),
        }]
    }

    #[test]
    fn plain_text_has_no_markdown_and_dates_in_words() {
        expect_test::expect![[r#"
            Sam's reflections from Wex virtual work experience
            ==================================================

            Your reflection
            ---------------
            Hospice placement: Looking after yourself. Last changed 5 December 2026.

            What surprised you?

            How much the team laughed together.
        "#]]
        .assert_eq(&to_text("Sam", &entries()));
        assert!(!to_text("Sam", &entries()).contains(['#', '*']));
    }

    #[test]
    fn markdown_keeps_its_headings() {
        let md = to_markdown("Sam", &entries());
        assert!(md.starts_with("# Sam's reflections"));
        assert!(md.contains("## Your reflection\n\n*Hospice placement: Looking after yourself. Last changed 5 December 2026.*"));
        assert!(md.contains("### What surprised you?"));
    }
}
