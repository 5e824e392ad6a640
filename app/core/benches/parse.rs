//! Parse + check, and pack, of a generated bundle of 1,000 steps (10 modules of 100
//! steps: reading pages, quizzes, reflections and a 12-node scenario in each).
//! Run: `cargo bench -p wex-core --bench parse`. Figures go in docs/benchmarks.md.

use wex_core::source::SourceFiles;

fn main() {
    let packed = wex_core::pack::pack(&wex_core::bundle::parse_bundle(&generated_bundle()).bundle.unwrap());
    println!("Packed size of the generated 1,000-step bundle: {} bytes", packed.len());
    divan::main();
}

const MODULES: usize = 10;
const STEPS_PER_MODULE: usize = 100;

fn generated_bundle() -> SourceFiles {
    let mut files = SourceFiles::new();
    let module_paths: Vec<String> = (0..MODULES).map(|m| format!("\"modules/m{m}.md\"")).collect();
    files.insert(
        "bundle.toml",
        format!(
            "id = \"bench\"\nversion = \"1.0.0\"\ntitle = \"Benchmark\"\nsummary = \"A large bundle.\"\nlicence = \"CC BY 4.0\"\n\
             publisher = {{ name = \"Bench\" }}\naudience = {{ min-age = 14 }}\ncareer-areas = [\"nursing\"]\n\
             learning-outcomes = [\"Be fast.\"]\nmodules = [{}]\n",
            module_paths.join(", ")
        ),
    );
    for m in 0..MODULES {
        let mut text = format!("+++\nid = \"m{m}\"\ntitle = \"Module {m}\"\nkind = \"reading\"\nminutes = 30\n+++\n\n");
        for s in 0..STEPS_PER_MODULE {
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

#[divan::bench(sample_count = 30)]
fn parse_and_check_1000_steps(bencher: divan::Bencher) {
    let files = generated_bundle();
    bencher.bench(|| {
        let parsed = wex_core::bundle::parse_bundle(divan::black_box(&files));
        assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics.first());
        parsed
    });
}

#[divan::bench(sample_count = 30)]
fn pack_1000_steps(bencher: divan::Bencher) {
    let bundle = wex_core::bundle::parse_bundle(&generated_bundle()).bundle.unwrap();
    bencher.bench(|| wex_core::pack::pack(divan::black_box(&bundle)));
}

#[divan::bench(sample_count = 30)]
fn unpack_1000_steps(bencher: divan::Bencher) {
    let bytes = wex_core::pack::pack(&wex_core::bundle::parse_bundle(&generated_bundle()).bundle.unwrap());
    bencher.bench(|| wex_core::pack::unpack(divan::black_box(&bytes)).unwrap());
}
