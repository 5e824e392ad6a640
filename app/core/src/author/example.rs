//! The example placement: the files `wex new` writes and the studio's "Start a new
//! placement" downloads, taken from docs/authoring.md (by build.rs) so that the
//! guide and the starting point can never disagree.

include!(concat!(env!("OUT_DIR"), "/example_files.rs"));

/// The folder name the example is offered under.
pub const FOLDER: &str = "my-placement";

/// The example's files: each fenced block after an `example-file` marker in the
/// guide (taken out by build.rs), plus a short silent MP3 for its media step.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = TEXT_FILES.iter().map(|(path, text)| (path.to_string(), text.as_bytes().to_vec())).collect();
    files.push(("media/huddle.mp3".to_string(), silent_mp3()));
    files
}

/// The example as a zip of one folder, [`FOLDER`], for the studio to download.
pub fn zip() -> Vec<u8> {
    let files: Vec<(String, Vec<u8>)> = files().into_iter().map(|(path, bytes)| (format!("{FOLDER}/{path}"), bytes)).collect();
    crate::archive::zip(&files).expect("the example is a few small files")
}

/// About a second of silence: MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) whose
/// audio data is all zeros. A placeholder for authors to replace.
fn silent_mp3() -> Vec<u8> {
    const FRAME_BYTES: usize = 417;
    let mut bytes = Vec::with_capacity(FRAME_BYTES * 38);
    for _ in 0..38 {
        bytes.extend_from_slice(&[0xff, 0xfb, 0x90, 0x64]);
        bytes.resize(bytes.len() + FRAME_BYTES - 4, 0);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Activity, Answer, Effect};
    use crate::source::SourceFiles;

    /// The guide promises that the example uses every setting at least once and
    /// checks clean: a newcomer copies from it.
    #[test]
    fn the_example_uses_every_setting_and_checks_clean() {
        let mut source = SourceFiles::new();
        for (path, bytes) in files() {
            source.insert(path, bytes);
        }
        let parsed = crate::author::parse_bundle(&source);
        assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
        let bundle = parsed.bundle.expect("the example parses");
        let activities: Vec<&Activity> = bundle.modules.iter().flat_map(|m| &m.steps).filter_map(|s| s.activity.as_ref()).collect();
        let kinds: Vec<&str> = activities.iter().map(|a| a.key()).collect();
        for kind in super::super::activity::ACTIVITY_NAMES {
            assert!(kinds.contains(kind), "no {kind} step");
        }
        let mut seen = Vec::new();
        let mut saw = |what: &'static str, yes: bool| {
            if yes && !seen.contains(&what) {
                seen.push(what);
            }
        };
        saw("required modules", !bundle.completion.required_modules.is_empty());
        saw("a pass mark", bundle.completion.pass_mark > 0);
        saw("a module summary", bundle.modules.iter().any(|m| !m.summary.is_empty()));
        saw("a content warning", bundle.modules.iter().any(|m| !m.content_warnings.is_empty()));
        saw("a nation", bundle.nation.is_some());
        saw("a source", !bundle.sources.is_empty());
        for activity in activities {
            match activity {
                Activity::Quiz(quiz) => {
                    saw("quiz attempts", quiz.attempts.is_some());
                    saw("a question hint", quiz.questions.iter().any(|q| q.hint.is_some()));
                    saw("a question's explain", quiz.questions.iter().any(|q| q.explain.is_some()));
                }
                Activity::CaseStudy(case) => {
                    saw("a written question", case.questions.iter().any(|q| matches!(q.answer, Answer::Text { .. })));
                    saw("a written question's min-words and rubric", case.questions.iter().any(|q| matches!(&q.answer, Answer::Text { min_words, rubric, .. } if *min_words > 0 && !rubric.is_empty())));
                    saw("a reveal", !case.reveals.is_empty());
                }
                Activity::Scenario(s) => {
                    let choices: Vec<_> = s.nodes.iter().flat_map(|n| &n.choices).collect();
                    let conditions: Vec<String> = choices.iter().filter_map(|c| c.condition.as_ref()).map(|c| c.to_string()).collect();
                    saw("a condition with `and`", conditions.iter().any(|c| c.contains(" and ")));
                    saw("a condition with `or`", conditions.iter().any(|c| c.contains(" or ")));
                    saw("a condition with `not`", conditions.iter().any(|c| c.starts_with("not ") || c.contains(" not ") || c.contains("(not ")));
                    saw("set", choices.iter().any(|c| c.effects.iter().any(|e| matches!(e, Effect::Set(_)))));
                    saw("unset", choices.iter().any(|c| c.effects.iter().any(|e| matches!(e, Effect::Unset(_)))));
                    saw("add", choices.iter().any(|c| c.effects.iter().any(|e| matches!(e, Effect::Add { .. }))));
                    saw("allow-back", s.allow_back);
                    saw("keep-order", s.nodes.iter().any(|n| n.keep_order));
                    saw("case notes", s.nodes.iter().any(|n| !n.notes.is_empty()));
                    saw("two endings with different scores", {
                        let mut scores: Vec<u32> = s.nodes.iter().filter_map(|n| n.ending.as_ref()).map(|e| e.score).collect();
                        scores.sort();
                        scores.dedup();
                        scores.len() > 1
                    });
                }
                Activity::Reflection(r) => {
                    saw("a prompt hint", r.prompts.iter().any(|p| p.hint.is_some()));
                    saw("min-words", r.min_words > 0);
                }
                Activity::CarePlan(plan) => saw("a care plan rubric", !plan.rubric.is_empty()),
                Activity::Media(media) => saw("a transcript", !media.transcript.is_empty()),
            }
        }
        let expected = [
            "required modules", "a pass mark", "a module summary", "a content warning", "quiz attempts", "a question hint", "a question's explain",
            "a nation", "a source", "a written question", "a written question's min-words and rubric", "a reveal", "a condition with `and`", "a condition with `or`", "a condition with `not`", "set", "unset", "add",
            "allow-back", "keep-order", "case notes", "two endings with different scores", "a prompt hint", "min-words", "a care plan rubric", "a transcript",
        ];
        let missing: Vec<&&str> = expected.iter().filter(|e| !seen.contains(e)).collect();
        assert!(missing.is_empty(), "the example never uses: {missing:?}");
    }

    #[test]
    fn the_zip_holds_the_example_in_one_folder() {
        let bytes = zip();
        assert_eq!(bytes, zip(), "the same bytes every time");
        let archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(names.len(), files().len());
        assert!(names.iter().all(|n| n.starts_with("my-placement/")), "{names:?}");
        for file in ["my-placement/bundle.toml", "my-placement/media/huddle.mp3"] {
            assert!(names.iter().any(|n| n == file), "{file} missing from {names:?}");
        }
    }
}
