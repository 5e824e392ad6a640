//! Structure-aware: the input is read as (opener, repeat) byte pairs, so a short
//! input nests Markdown, a scenario condition or TOML thousands of levels deep,
//! mixing the kinds of nesting. The first byte says where the nesting goes. Whatever
//! is built must parse without a panic or a stack overflow, and whatever parses
//! without errors must pack and unpack to the same bundle.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;
use wex_core::source::SourceFiles;

const MANIFEST: &str = "id = \"deep\"\nversion = \"1.0.0\"\ntitle = \"Deep\"\nsummary = \"Nested.\"\nlicence = \"CC BY 4.0\"\n\
    publisher = { name = \"Fuzz\" }\naudience = { min-age = 14 }\ncareer-areas = [\"nursing\"]\nlearning-outcomes = [\"Stay up.\"]\n\
    modules = [\"modules/one.md\"]\n";
const FRONT: &str = "+++\nid = \"one\"\ntitle = \"One\"\nkind = \"reading\"\nminutes = 5\n+++\n\n## Deep {#deep}\n\n";

/// Markdown openers and what closes each.
const MARKDOWN: &[(&str, &str)] = &[
    ("> ", ""),
    (">", ""),
    ("- ", ""),
    ("1. ", ""),
    ("* ", ""),
    ("*", "*"),
    ("**", "**"),
    ("_", "_"),
    ("__", "__"),
    ("[", "](https://www.nhs.uk/)"),
    ("![", "](../media/a.svg)"),
    ("*a ", " b*"),
    ("\n> ", ""),
    ("\n  - ", ""),
    ("`", "`"),
    ("<", ">"),
];
/// Condition openers and closers.
const CONDITION: &[(&str, &str)] = &[("(", ")"), ("not ", ""), ("(calm and ", ")"), ("(calm or ", ")"), ("calm and ", ""), ("trust >= 1 or ", "")];
/// TOML value openers and closers.
const TOML: &[(&str, &str)] = &[("[", "]"), ("{a = ", "}"), ("[1, ", "]"), ("{a = 1, b = ", "}"), ("[{a = ", "}]")];

/// Opens and closes nested text from (opener, repeat) pairs.
fn nest(pairs: &[u8], alphabet: &[(&str, &str)], middle: &str) -> String {
    let (mut open, mut close) = (String::new(), Vec::new());
    for pair in pairs.chunks(2) {
        let (opener, closer) = alphabet[pair[0] as usize % alphabet.len()];
        let times = pair.get(1).map_or(1, |n| *n as usize * 2 + 1);
        for _ in 0..times {
            open.push_str(opener);
            close.push(closer);
        }
    }
    close.reverse();
    format!("{open}{middle}{}", close.concat())
}

fuzz_target!(|data: &[u8]| {
    let Some((&place, pairs)) = data.split_first() else { return };
    let (mut manifest, mut module) = (MANIFEST.to_string(), FRONT.to_string());
    match place % 5 {
        0 => module.push_str(&nest(pairs, MARKDOWN, "deep")),
        1 => {
            let story = nest(pairs, MARKDOWN, "deep").replace('\\', "\\\\").replace('"', "\\\"");
            module.push_str(&format!("```case-study\nperson = \"Sam\"\nstory = \"\"\"\n{story}\n\"\"\"\n\n[[questions]]\nid = \"q\"\ntext = \"Why?\"\n```\n"));
        }
        2 => {
            let condition = nest(pairs, CONDITION, "calm");
            module.push_str(&format!(
                "```scenario\nstart = \"a\"\nflags = [\"calm\"]\ncounters = {{ trust = 0 }}\n\n[[nodes]]\nid = \"a\"\ntext = \"Start.\"\n\
                 [[nodes.choices]]\ntext = \"Go\"\nto = \"b\"\nif = \"{condition}\"\n[[nodes.choices]]\ntext = \"Stay\"\nto = \"b\"\n\n\
                 [[nodes]]\nid = \"b\"\ntext = \"End.\"\nending = {{ outcome = \"Done\", score = 1 }}\n```\n"
            ));
        }
        3 => manifest.push_str(&format!("x = {}\n", nest(pairs, TOML, "1"))),
        _ => module = module.replacen("minutes = 5\n", &format!("minutes = 5\nx = {}\n", nest(pairs, TOML, "1")), 1),
    }
    let mut files = SourceFiles::new();
    files.insert("bundle.toml", manifest.into_bytes());
    files.insert("modules/one.md", module.into_bytes());
    files.insert("media/a.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec());
    check::parses_and_round_trips(&files);
});
