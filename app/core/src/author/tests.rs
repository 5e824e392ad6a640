//! Data-driven tests of the bundle parser: small inline bundles and the diagnostics
//! they give, rendered as text. Refresh expectations with `UPDATE_EXPECT=1`.

use super::parse_bundle;
use crate::source::SourceFiles;
use expect_test::{expect, Expect};

const MANIFEST: &str = r#"id = "demo"
version = "1.0.0"
title = "Demo placement"
summary = "A placement for tests."
licence = "CC BY 4.0"
publisher = { name = "Example NHS Trust" }
audience = { min-age = 14 }
career-areas = ["nursing"]
learning-outcomes = ["Describe a ward."]
modules = ["modules/one.md"]
nation = "england"

[[sources]]
about = "Nothing here needs a source; the checker asks every placement for one"
title = "Writing a Wex placement"
publisher = "Wex"
url = "https://example.org/wex/authoring"
checked = "2026-12-06"
"#;

const MODULE: &str = "+++\nid = \"one\"\ntitle = \"One\"\nkind = \"reading\"\nminutes = 5\n+++\n\n## Hello\n\nSome *text*.\n";

fn files(pairs: &[(&str, &str)]) -> SourceFiles {
    let mut files = SourceFiles::new();
    for (path, text) in pairs {
        files.insert(*path, text.as_bytes().to_vec());
    }
    files
}

/// Parses the files and compares every rendered diagnostic with `expected`.
fn check(pairs: &[(&str, &str)], expected: Expect) {
    let parsed = parse_bundle(&files(pairs));
    let rendered: String = parsed.diagnostics.iter().map(|d| d.render()).collect::<Vec<_>>().join("\n");
    expected.assert_eq(&rendered);
}

#[test]
fn a_good_bundle_has_no_diagnostics() {
    check(&[("bundle.toml", MANIFEST), ("modules/one.md", MODULE)], expect![[""]]);
    let parsed = parse_bundle(&files(&[("bundle.toml", MANIFEST), ("modules/one.md", MODULE)]));
    let bundle = parsed.ok().unwrap();
    assert_eq!(bundle.modules[0].steps[0].id(), "hello");
}

#[test]
fn a_module_kind_must_match_what_the_module_holds() {
    let team = MODULE.replace("kind = \"reading\"", "kind = \"mdt\"");
    check(
        &[("bundle.toml", MANIFEST), ("modules/one.md", &team)],
        expect![[r#"
            warning[WEX029]: this module is shown to learners as “Team scenario”, but it has no ```scenario step
             --> modules/one.md:4:8
              |
            4 | kind = "mdt"
              |        ^^^^^
              = help: add a ```scenario block, or choose the kind that fits what it holds (for reading and a quiz, `reading`)
        "#]],
    );
}

#[test]
fn toml_syntax_error_names_file_line_and_column() {
    check(
        &[("bundle.toml", "id = \"demo\"\ntitle \"Demo\"\n")],
        expect![[r#"
            error[WEX001]: key with no value, expected `=`
             --> bundle.toml:2:7
              |
            2 | title "Demo"
              |       ^
              = help: each line is `name = value`; text goes in double quotes and lists in [ ]
        "#]],
    );
}

#[test]
fn misspelt_field_suggests_the_closest() {
    let manifest = MANIFEST.replace("title =", "titel =");
    check(
        &[("bundle.toml", &manifest), ("modules/one.md", MODULE)],
        expect![[r#"
            error[WEX002]: unknown field `titel`, expected one of `id`, `version`, `title`, `summary`, `licence`, `publisher`, `audience`, `career-areas`, `minutes`, `content-warnings`, `learning-outcomes`, `completion`, `modules`, `nation`, `sources`
             --> bundle.toml:3:1
              |
            3 | titel = "Demo placement"
              | ^^^^^
              = help: did you mean `title`? Known fields here: id, version, title, summary, licence, publisher, audience, career-areas, minutes, content-warnings, learning-outcomes, completion, modules, nation, sources

            error[WEX002]: unknown field `titel`, expected one of `about`, `title`, `publisher`, `url`, `checked`
              --> bundle.toml:15:1
               |
            15 | titel = "Writing a Wex placement"
               | ^^^^^
               = help: did you mean `title`? Known fields here: about, title, publisher, url, checked
        "#]],
    );
}

#[test]
fn missing_module_file_points_at_its_name() {
    check(
        &[("bundle.toml", MANIFEST)],
        expect![[r#"
            error[WEX005]: module file `modules/one.md` is not in the bundle
              --> bundle.toml:10:12
               |
            10 | modules = ["modules/one.md"]
               |            ^^^^^^^^^^^^^^^^
               = help: check the spelling and that the path is relative to the folder holding bundle.toml
        "#]],
    );
}

#[test]
fn raw_html_and_script_links_are_refused() {
    let module = format!("{MODULE}\n<div>hi\nthere</div>\n\nA [link](javascript:alert(1)) and <b>bold</b>.\n");
    check(
        &[("bundle.toml", MANIFEST), ("modules/one.md", &module)],
        expect![[r#"
            error[WEX008]: raw HTML is not allowed in a bundle
              --> modules/one.md:12:1
               |
            12 | <div>hi
               | ^
               = help: write it in Markdown instead: **bold**, *italic*, [link text](https://...), ![alt text](media/picture.svg)

            error[WEX009]: this link is not allowed: only http(s) links, tel: phone numbers and paths inside the bundle are allowed
              --> modules/one.md:15:3
               |
            15 | A [link](javascript:alert(1)) and <b>bold</b>.
               |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^
               = help: link to https://... or to a file inside the bundle

            error[WEX008]: raw HTML is not allowed in a bundle
              --> modules/one.md:15:35
               |
            15 | A [link](javascript:alert(1)) and <b>bold</b>.
               |                                   ^^^
               = help: write it in Markdown instead: **bold**, *italic*, [link text](https://...), ![alt text](media/picture.svg)

            error[WEX008]: raw HTML is not allowed in a bundle
              --> modules/one.md:15:42
               |
            15 | A [link](javascript:alert(1)) and <b>bold</b>.
               |                                          ^^^^
               = help: write it in Markdown instead: **bold**, *italic*, [link text](https://...), ![alt text](media/picture.svg)
        "#]],
    );
}

#[test]
fn duplicate_step_ids_and_bad_versions() {
    let manifest = MANIFEST.replace("1.0.0", "1.0");
    let module = format!("{MODULE}\n## Hello again {{#hello}}\n\nMore.\n");
    check(
        &[("bundle.toml", &manifest), ("modules/one.md", &module)],
        expect![[r#"
            error[WEX004]: `1.0` is not a version number
             --> bundle.toml:2:11
              |
            2 | version = "1.0"
              |           ^^^^^
              = help: write three numbers separated by dots, for example `1.0.0`

            error[WEX010]: two steps in this module have the id `hello`
              --> modules/one.md:12:1
               |
            12 | ## Hello again {#hello}
               | ^
               = help: the first is on line 8; give this one its own id with `## Title {#another-id}`
        "#]],
    );
}

#[test]
fn front_matter_and_utf8_problems() {
    check(
        &[("bundle.toml", MANIFEST), ("modules/one.md", "## No front matter\n")],
        expect![[r#"
            error[WEX007]: a module file must start with front matter between `+++` lines
             --> modules/one.md:1:1
              |
            1 | ## No front matter
              | ^
              = help: begin the file with:
            +++
            id = "my-module"
            title = "My module"
            kind = "reading"
            minutes = 20
            +++
        "#]],
    );
    let mut bad = files(&[("bundle.toml", MANIFEST)]);
    bad.insert("modules/one.md", b"+++\nid = \"one\"\n\xff\n".to_vec());
    let parsed = parse_bundle(&bad);
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].code.as_str(), "WEX006");
    assert_eq!(parsed.diagnostics[0].location(), "modules/one.md:3:1");
}

#[test]
fn intro_text_and_top_heading() {
    let module = "+++\nid = \"one\"\ntitle = \"One\"\nkind = \"reading\"\nminutes = 5\n+++\n# One\n\nBefore the steps.\n\n## Step\n\n- tight\n- list\n";
    let parsed = parse_bundle(&files(&[("bundle.toml", MANIFEST), ("modules/one.md", module)]));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let steps = &parsed.bundle.unwrap().modules[0].steps;
    let ids: Vec<&str> = steps.iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["introduction", "step"]);
    let json = serde_json::to_string(&steps[1]).unwrap();
    assert_eq!(json, r#"{"id":"step","title":"Step","before":[{"ul":[[{"p":[{"t":"tight"}]}],[{"p":[{"t":"list"}]}]]}],"activity":null,"after":[]}"#);
}

#[test]
fn every_unknown_field_and_bad_value_in_a_block_is_reported_at_once() {
    let module = "+++\nid = \"one\"\ntitle = \"One\"\nkind = \"reading\"\nminutes = 5\n+++\n\n## Check {#check}\n\n```quiz\npass-mark = \"one\"\natempts = 2\n\n\
                  [[questions]]\nid = \"a\"\ntext = \"Q?\"\nhnt = \"h\"\n\n[[questions.options]]\ntext = \"Yes\"\ncorrect = \"yes\"\n\n\
                  [[questions.options]]\ntext = \"No\"\n```\n";
    let parsed = parse_bundle(&files(&[("bundle.toml", MANIFEST), ("modules/one.md", module)]));
    let found: Vec<(String, u32)> = parsed.diagnostics.iter().map(|d| (d.code.as_str().to_string(), d.line.unwrap_or(0))).collect();
    assert_eq!(
        found,
        [("WEX004", 11), ("WEX002", 12), ("WEX002", 17), ("WEX004", 21)].map(|(c, l)| (c.to_string(), l)),
        "{:#?}",
        parsed.diagnostics
    );
}

#[test]
fn a_misspelt_or_bad_required_field_is_one_mistake_not_two() {
    let manifest = MANIFEST.replacen("title =", "titel =", 1).replace("version = \"1.0.0\"", "version = 1").replace("licence =", "lisence =");
    let parsed = parse_bundle(&files(&[("bundle.toml", &manifest), ("modules/one.md", MODULE)]));
    let codes: Vec<&str> = parsed.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["WEX004", "WEX002", "WEX002"], "{:#?}", parsed.diagnostics);
    // A required field that is simply missing is still reported.
    let manifest = MANIFEST.replace("summary = \"A placement for tests.\"\n", "").replace("titel", "title");
    let parsed = parse_bundle(&files(&[("bundle.toml", &manifest), ("modules/one.md", MODULE)]));
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    assert_eq!(parsed.diagnostics[0].message, "missing field `summary`");
}

#[test]
fn checking_carries_on_after_a_syntax_error() {
    // Two syntax errors in bundle.toml, and a mistake in a module it lists: all three
    // at once.
    let manifest = MANIFEST.replace("title = \"Demo placement\"", "title = “Demo placement”").replace("licence = \"CC BY 4.0\"", "licence \"CC BY 4.0\"");
    let module = MODULE.replace("kind = \"reading\"", "kind = \"readng\"");
    let parsed = parse_bundle(&files(&[("bundle.toml", &manifest), ("modules/one.md", &module)]));
    let found: Vec<(&str, &str, u32)> = parsed.diagnostics.iter().map(|d| (d.file.as_str(), d.code.as_str(), d.line.unwrap_or(0))).collect();
    assert_eq!(found, [("bundle.toml", "WEX001", 3), ("bundle.toml", "WEX001", 5), ("modules/one.md", "WEX004", 4)], "{:#?}", parsed.diagnostics);
    assert!(parsed.diagnostics[0].help.as_deref().unwrap_or("").contains("curly quotes"), "{:#?}", parsed.diagnostics[0]);

    // Front matter that cannot be read: the steps below it are still checked.
    let module = MODULE.replace("minutes = 5", "minutes = five").replace("Some *text*.", "![](missing.png)");
    let parsed = parse_bundle(&files(&[("bundle.toml", MANIFEST), ("modules/one.md", &module)]));
    let codes: Vec<&str> = parsed.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["WEX001", "WEX023", "WEX024"], "{:#?}", parsed.diagnostics);
}

#[test]
fn a_case_study_question_warns_about_a_hint_or_explain_it_never_shows() {
    let module = "+++\nid = \"one\"\ntitle = \"One\"\nkind = \"case-study\"\nminutes = 5\n+++\n\n## Meet Sam {#meet-sam}\n\n```case-study\nperson = \"Sam, 15\"\nstory = \"Sam has a cough.\"\n\n\
                  [[questions]]\nid = \"next\"\ntext = \"What next?\"\nhint = \"Think.\"\nexplain = \"Why?\"\nmodel-answer = \"See the GP.\"\n```\n";
    let parsed = parse_bundle(&files(&[("bundle.toml", MANIFEST), ("modules/one.md", module)]));
    let messages: Vec<&str> = parsed.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["a case study's question does not show `explain`", "a case study's question does not show `hint`"]);
    assert!(parsed.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn a_phone_number_with_spaces_gets_help_for_phone_numbers() {
    let module = MODULE.replace("Some *text*.", "Call [Samaritans](tel:116 123) any time.");
    let parsed = parse_bundle(&files(&[("bundle.toml", MANIFEST), ("modules/one.md", &module)]));
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    assert!(parsed.diagnostics[0].help.as_deref().unwrap().contains("tel:116-123"), "{:#?}", parsed.diagnostics);
}

#[test]
fn a_dotted_key_added_to_a_table_in_braces_says_to_put_it_inside() {
    let manifest = MANIFEST.replace("nation =", "publisher.key = \"did:key:z6Mk\"\nnation =");
    let parsed = parse_bundle(&files(&[("bundle.toml", &manifest), ("modules/one.md", MODULE)]));
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    assert!(parsed.diagnostics[0].help.as_deref().unwrap().contains("add this key inside those braces"), "{:#?}", parsed.diagnostics);
}
