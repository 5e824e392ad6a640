//! The learner's reflective log as a file to keep: plain text to paste into a
//! personal statement or an application form, or Markdown for people who use it.

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
