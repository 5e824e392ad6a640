//! Generated bundles, for benchmarks: the same folder for `cargo bench` and for the
//! studio's re-check in the browser (`cargo run -p wex-cli --example large-bundle`).

use crate::source::SourceFiles;

/// A bundle folder of `modules` modules of `steps` steps each: reading pages, and in
/// every ten steps a quiz, a reflection and a 12-node scenario with counters and
/// conditions. For benchmarks (`cargo bench`, the studio's re-check in the browser).
pub fn large(modules: usize, steps: usize) -> SourceFiles {
    let mut files = SourceFiles::new();
    let module_paths: Vec<String> = (0..modules).map(|m| format!("\"modules/m{m}.md\"")).collect();
    files.insert(
        "bundle.toml",
        format!(
            "id = \"bench\"\nversion = \"1.0.0\"\ntitle = \"Benchmark\"\nsummary = \"A large bundle.\"\nlicence = \"CC BY 4.0\"\n\
             publisher = {{ name = \"Bench\" }}\naudience = {{ min-age = 14 }}\ncareer-areas = [\"nursing\"]\n\
             learning-outcomes = [\"Be fast.\"]\nmodules = [{}]\nnation = \"england\"\n\n\
             [[sources]]\nabout = \"None needed\"\ntitle = \"T\"\npublisher = \"P\"\nurl = \"https://example.org/\"\nchecked = \"2026-12-06\"\n",
            module_paths.join(", ")
        ),
    );
    for m in 0..modules {
        let mut text = format!("+++\nid = \"m{m}\"\ntitle = \"Module {m}\"\nkind = \"reading\"\nminutes = 30\n+++\n\n");
        for s in 0..steps {
            text.push_str(&format!("## Step {s} {{#s{s}}}\n\n"));
            text.push_str("A paragraph of *reading* with a [link](https://www.nhs.uk/) and **bold** words, long enough to be realistic for a learner.\n\n- one\n- two\n- three\n\n");
            match s % 10 {
                3 => text.push_str(
                    "```quiz\n[[questions]]\nid = \"q\"\ntext = \"Which?\"\n\n[[questions.options]]\ntext = \"This\"\ncorrect = true\nfeedback = \"Yes.\"\n\n[[questions.options]]\ntext = \"That\"\nfeedback = \"No.\"\n```\n\n",
                ),
                6 => text.push_str("```reflection\nmin-words = 10\n\n[[prompts]]\nid = \"what\"\ntext = \"What happened?\"\n```\n\n"),
                9 => {
                    text.push_str("```scenario\nstart = \"n0\"\ncounters = { trust = 0 }\n\n");
                    for n in 0..11 {
                        text.push_str(&format!(
                            "[[nodes]]\nid = \"n{n}\"\nspeaker = \"Nurse\"\nrole = \"Staff nurse\"\ntext = \"Node {n}.\"\n\n\
                             [[nodes.choices]]\ntext = \"On\"\nto = \"n{}\"\nadd = {{ trust = 1 }}\n\n\
                             [[nodes.choices]]\ntext = \"Finish\"\nto = \"end\"\nif = \"trust >= 1\"\n\n",
                            n + 1
                        ));
                    }
                    text.push_str("[[nodes]]\nid = \"n11\"\ntext = \"Last.\"\n\n[[nodes.choices]]\ntext = \"End\"\nto = \"end\"\n\n");
                    text.push_str("[[nodes]]\nid = \"end\"\ntext = \"Done.\"\n\n[nodes.ending]\noutcome = \"Done\"\nscore = 1\n```\n\n");
                }
                _ => {}
            }
        }
        files.insert(format!("modules/m{m}.md"), text);
    }
    files
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_large_bundle_checks_clean() {
        let parsed = crate::author::parse_bundle(&super::large(2, 20));
        assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics.first());
        assert_eq!(parsed.bundle.unwrap().modules.iter().map(|m| m.steps.len()).sum::<usize>(), 40);
    }
}
