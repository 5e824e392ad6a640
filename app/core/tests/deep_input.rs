//! Input nested far beyond the limits ([`wex_core::nesting`]) gives a diagnostic or a
//! refusal, never a stack overflow. Each case runs on a 1 MiB stack, the size of a
//! browser tab's WebAssembly stack, so what passes here cannot crash the studio or a
//! learner's device either.

use wex_core::author::{parse_bundle, Parsed};
use wex_core::nesting::{MAX_DEPTH, TOML_MAX_DEPTH};
use wex_core::pack::{pack, sha256_hex, unpack, UnpackError};
use wex_core::source::SourceFiles;
use wex_core::Code;

const MANIFEST: &str = "id = \"deep\"\nversion = \"1.0.0\"\ntitle = \"Deep\"\nsummary = \"Nested input.\"\n\
    licence = \"CC BY 4.0\"\npublisher = { name = \"Tests\" }\naudience = { min-age = 14 }\n\
    career-areas = [\"nursing\"]\nlearning-outcomes = [\"Stay up.\"]\nmodules = [\"modules/one.md\"]\n";

const FRONT: &str = "+++\nid = \"one\"\ntitle = \"One\"\nkind = \"reading\"\nminutes = 5\n+++\n\n";

/// Ten times the limit: the depth the done-when of the hardening issue names.
const TEN_TIMES: usize = 10 * MAX_DEPTH;

/// Runs `f` on a thread with a 1 MiB stack and returns what it returns; a stack
/// overflow aborts the whole test binary, which fails the run.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 20).spawn(f).expect("a thread starts").join().expect("no panic")
}

fn parse(manifest: &str, module: &str) -> Parsed {
    let mut files = SourceFiles::new();
    files.insert("bundle.toml", manifest.as_bytes().to_vec());
    files.insert("modules/one.md", module.as_bytes().to_vec());
    parse_bundle(&files)
}

/// The too-deep diagnostics of a parse, as `file:line:column message`.
fn too_deep(parsed: &Parsed) -> Vec<String> {
    parsed.diagnostics.iter().filter(|d| d.code == Code::TooDeep).map(|d| format!("{} {}", d.location(), d.message)).collect()
}

/// A module with one step whose body is `body`.
fn module(body: &str) -> String {
    format!("{FRONT}## Deep {{#deep}}\n\nBefore.\n\n{body}\n")
}

fn markdown_cases(levels: usize) -> Vec<(&'static str, String)> {
    vec![
        ("quotes", format!("{} deep", ">".repeat(levels))),
        ("quotes on lines of their own", (1..=levels).map(|n| format!("{} level {n}\n", ">".repeat(n))).collect()),
        ("bullet lists", format!("{}deep", "- ".repeat(levels))),
        ("numbered lists", format!("{}deep", "1. ".repeat(levels))),
        ("emphasis", format!("{}deep{}", "*".repeat(levels), "*".repeat(levels))),
        ("strong", format!("{}deep{}", "**".repeat(levels), "**".repeat(levels))),
        ("emphasis in words", format!("{}deep{}", "*a ".repeat(levels), " b*".repeat(levels))),
        // Links cannot hold links, but images can hold images in their alt text.
        ("images", format!("{}deep{}", "![".repeat(levels), "](https://www.nhs.uk/a.png)".repeat(levels))),
        ("links around emphasis", format!("[{}deep{}](https://www.nhs.uk/)", "*".repeat(levels), "*".repeat(levels))),
        ("quotes and lists", format!("{}deep", "> - ".repeat(levels))),
    ]
}

#[test]
fn markdown_at_ten_times_the_limit_is_one_diagnostic_per_step() {
    for (kind, body) in markdown_cases(TEN_TIMES) {
        let text = module(&body);
        let found = on_small_stack(move || too_deep(&parse(MANIFEST, &text)));
        assert_eq!(found.len(), 1, "{kind}: {found:?}");
        let line = if kind.contains("lines of their own") { 12 + MAX_DEPTH } else { 12 };
        assert!(found[0].starts_with(&format!("modules/one.md:{line}:")), "{kind}: {found:?}");
        assert!(found[0].ends_with(&format!("nested more than {MAX_DEPTH} levels deep; flatten it")), "{kind}: {found:?}");
    }
}

#[test]
fn markdown_as_deep_as_the_issue_found_does_not_crash() {
    // The sizes that overflowed the stack of `wex check` (8 MiB) before the limit.
    let cases = [("block quotes", ">".repeat(5_000) + " deep"), ("emphasis", "*".repeat(50_000) + "deep" + &"*".repeat(50_000))];
    for (kind, body) in cases {
        let text = module(&body);
        let found = on_small_stack(move || too_deep(&parse(MANIFEST, &text)));
        assert_eq!(found.len(), 1, "{kind}: {found:?}");
    }
}

#[test]
fn markdown_at_the_limit_passes_and_round_trips_through_a_packed_file() {
    // Twenty levels of the kind that costs most JSON (a list level is three), in the
    // deepest place a page can be: a scenario choice's feedback.
    let deep_list = "- ".repeat(MAX_DEPTH) + "deep";
    let feedback = deep_list.replace('"', "\\\"");
    let scenario = format!(
        "```scenario\nstart = \"a\"\n\n[[nodes]]\nid = \"a\"\ntext = \"Start.\"\n[[nodes.choices]]\ntext = \"Go\"\nto = \"b\"\n\
         feedback = \"\"\"\n{feedback}\n\"\"\"\n\n[[nodes]]\nid = \"b\"\ntext = \"End.\"\nending = {{ outcome = \"Done\", score = 1 }}\n```\n"
    );
    let quotes = format!("{} deep", ">".repeat(MAX_DEPTH));
    let text = format!("{FRONT}## Quotes {{#quotes}}\n\n{quotes}\n\n## Scenario {{#scenario}}\n\n{scenario}");
    let unpacked = on_small_stack(move || {
        let parsed = parse(MANIFEST, &text);
        assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
        let bundle = parsed.ok().expect("no errors").clone();
        assert_eq!(unpack(&pack(&bundle)).map(|p| p.bundle), Ok(bundle));
    });
    unpacked
}

#[test]
fn markdown_inside_toml_strings_is_limited_too() {
    let story = "> ".repeat(TEN_TIMES) + "deep";
    let text = format!(
        "{FRONT}## Case {{#case}}\n\n```case-study\nperson = \"Sam\"\nstory = \"\"\"\n{story}\n\"\"\"\n\n[[questions]]\nid = \"q\"\ntext = \"Why?\"\n```\n"
    );
    let found = on_small_stack(move || too_deep(&parse(MANIFEST, &text)));
    assert_eq!(found.len(), 1, "{found:?}");
    // Markdown in a TOML string is reported at the string's block.
    assert!(found[0].starts_with("modules/one.md:"), "{found:?}");
}

#[test]
fn scenario_conditions_at_ten_times_the_limit() {
    let cases = [
        ("brackets", format!("{}calm{}", "(".repeat(TEN_TIMES), ")".repeat(TEN_TIMES))),
        ("not", format!("{}calm", "not ".repeat(TEN_TIMES))),
        ("brackets with and", format!("{}calm{}", "(calm and ".repeat(TEN_TIMES), ")".repeat(TEN_TIMES))),
        ("brackets that never close", "(".repeat(100_000)),
    ];
    for (kind, condition) in cases {
        let text = format!(
            "{FRONT}## Scenario {{#scenario}}\n\n```scenario\nstart = \"a\"\nflags = [\"calm\"]\n\n[[nodes]]\nid = \"a\"\ntext = \"Start.\"\n\
             [[nodes.choices]]\ntext = \"Go\"\nto = \"b\"\nif = \"{condition}\"\n[[nodes.choices]]\ntext = \"Stay\"\nto = \"b\"\n\n\
             [[nodes]]\nid = \"b\"\ntext = \"End.\"\nending = {{ outcome = \"Done\", score = 1 }}\n```\n"
        );
        let found = on_small_stack(move || too_deep(&parse(MANIFEST, &text)));
        assert_eq!(found.len(), 1, "{kind}: {found:?}");
        assert!(found[0].contains(&format!("nested more than {MAX_DEPTH} levels")), "{kind}: {found:?}");
    }
}

#[test]
fn toml_at_ten_times_its_limit() {
    let levels = 10 * TOML_MAX_DEPTH;
    let values = [
        ("arrays", format!("x = {}{}", "[".repeat(levels), "]".repeat(levels))),
        ("inline tables", format!("x = {}1{}", "{a = ".repeat(levels), "}".repeat(levels))),
        ("dotted keys", format!("x{} = 1", ".a".repeat(levels))),
        ("table headers", format!("[x{}]", ".a".repeat(levels))),
    ];
    for (kind, value) in values {
        // In bundle.toml, in a module's front matter and in an activity block.
        let manifest = format!("{MANIFEST}{value}\n");
        let found = on_small_stack(move || too_deep(&parse(&manifest, &module("Text."))));
        assert_eq!(found.len(), 1, "bundle.toml, {kind}: {found:?}");
        assert!(found[0].starts_with("bundle.toml:11:"), "bundle.toml, {kind}: {found:?}");

        let front = FRONT.replace("minutes = 5\n", &format!("minutes = 5\n{value}\n"));
        let text = format!("{front}## Hello\n\nText.\n");
        let found = on_small_stack(move || too_deep(&parse(MANIFEST, &text)));
        assert_eq!(found.len(), 1, "front matter, {kind}: {found:?}");
        assert!(found[0].starts_with("modules/one.md:6:"), "front matter, {kind}: {found:?}");

        let text = module(&format!("```reflection\n{value}\n```"));
        let found = on_small_stack(move || too_deep(&parse(MANIFEST, &text)));
        assert_eq!(found.len(), 1, "activity, {kind}: {found:?}");
    }
}

/// A packed file whose first step starts with `deep` in place of its first
/// paragraph, with a correct content hash (as a hand-made file would have).
fn packed_with(deep: impl Fn(&str) -> String) -> Vec<u8> {
    let parsed = parse(MANIFEST, &module("Text."));
    let bundle = parsed.ok().expect("the plain module checks").clone();
    let body = serde_json::to_string(&bundle).unwrap();
    let paragraph = r#"{"p":[{"t":"Before."}]}"#;
    assert!(body.contains(paragraph));
    let body = body.replacen(paragraph, &deep(paragraph), 1);
    format!(r#"{{"wex":"bundle","format":1,"sha256":"{}","bundle":{body}}}"#, sha256_hex(body.as_bytes())).into_bytes()
}

fn wrap(levels: usize, open: &str, close: &str) -> impl Fn(&str) -> String {
    let (open, close) = (open.repeat(levels), close.repeat(levels));
    move |inner: &str| format!("{open}{inner}{close}")
}

/// Makes a packed page's JSON from the JSON of the paragraph at its heart.
type Shape = Box<dyn Fn(&str) -> String>;

#[test]
fn a_packed_file_nested_too_deeply_is_refused_with_a_reason() {
    let cases: Vec<(&str, Shape)> = vec![
        ("quotes just over the limit", Box::new(wrap(MAX_DEPTH + 1, r#"{"q":["#, "]}"))),
        ("lists just over the limit", Box::new(wrap(MAX_DEPTH + 1, r#"{"ul":[["#, "]]}"))),
        ("quotes at ten times the limit", Box::new(wrap(TEN_TIMES, r#"{"q":["#, "]}"))),
        ("emphasis at ten times the limit", Box::new(|_: &str| format!(r#"{{"p":[{}{{"t":"x"}}{}]}}"#, r#"{"em":["#.repeat(TEN_TIMES), "]}".repeat(TEN_TIMES)))),
        ("quotes a hundred thousand deep", Box::new(wrap(100_000, r#"{"q":["#, "]}"))),
        ("arrays that never close", Box::new(|_: &str| "[".repeat(100_000))),
    ];
    for (kind, deep) in cases {
        let bytes = packed_with(deep);
        let refused = on_small_stack(move || unpack(&bytes).map(|_| ()));
        match refused {
            Err(error @ UnpackError::TooDeep(_)) => {
                assert!(error.to_string().contains(&format!("more than {MAX_DEPTH} levels deep")), "{kind}: {error}");
            }
            // A file that does not even close its brackets is damaged, not deep.
            Err(UnpackError::NotWex) if kind.contains("never close") => {}
            other => panic!("{kind}: {other:?}"),
        }
    }
    // Just over the limit, the reason names the page.
    let bytes = packed_with(wrap(MAX_DEPTH + 1, r#"{"q":["#, "]}"));
    assert_eq!(unpack(&bytes), Err(UnpackError::TooDeep(Some("One, Deep".into()))));
}

#[test]
fn a_packed_condition_nested_too_deeply_is_refused() {
    let text = format!(
        "{FRONT}## Scenario {{#scenario}}\n\n```scenario\nstart = \"a\"\nflags = [\"calm\"]\n\n[[nodes]]\nid = \"a\"\ntext = \"Start.\"\n\
         [[nodes.choices]]\ntext = \"Go\"\nto = \"b\"\nif = \"not calm\"\n[[nodes.choices]]\ntext = \"Stay\"\nto = \"b\"\n\n\
         [[nodes]]\nid = \"b\"\ntext = \"End.\"\nending = {{ outcome = \"Done\", score = 1 }}\n```\n"
    );
    let bundle = parse(MANIFEST, &text).ok().expect("checks").clone();
    let body = serde_json::to_string(&bundle).unwrap();
    let condition = r#"{"not":{"flag":"calm"}}"#;
    assert!(body.contains(condition), "{body}");
    let deep = format!("{}{condition}{}", r#"{"not":"#.repeat(MAX_DEPTH), "}".repeat(MAX_DEPTH));
    let body = body.replacen(condition, &deep, 1);
    let bytes = format!(r#"{{"wex":"bundle","format":1,"sha256":"{}","bundle":{body}}}"#, sha256_hex(body.as_bytes())).into_bytes();
    assert_eq!(unpack(&bytes), Err(UnpackError::TooDeep(Some("One, Scenario".into()))));
}
