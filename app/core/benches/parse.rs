//! Parse + check, and pack, of a generated bundle of 1,000 steps (10 modules of 100
//! steps: reading pages, quizzes, reflections and a 12-node scenario in each).
//! Run: `cargo bench -p wex-core --bench parse`. Figures go in docs/benchmarks.md.

use wex_core::source::SourceFiles;

fn main() {
    let packed = wex_core::pack::pack(&wex_core::author::parse_bundle(&generated_bundle()).bundle.unwrap());
    println!("Packed size of the generated 1,000-step bundle: {} bytes", packed.len());
    divan::main();
}

fn generated_bundle() -> SourceFiles {
    wex_core::author::sample::large(10, 100)
}

#[divan::bench(sample_count = 30)]
fn parse_and_check_1000_steps(bencher: divan::Bencher) {
    let files = generated_bundle();
    bencher.bench(|| {
        let parsed = wex_core::author::parse_bundle(divan::black_box(&files));
        assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics.first());
        parsed
    });
}

#[divan::bench(sample_count = 30)]
fn pack_1000_steps(bencher: divan::Bencher) {
    let bundle = wex_core::author::parse_bundle(&generated_bundle()).bundle.unwrap();
    bencher.bench(|| wex_core::pack::pack(divan::black_box(&bundle)));
}

#[divan::bench(sample_count = 30)]
fn unpack_1000_steps(bencher: divan::Bencher) {
    let bytes = wex_core::pack::pack(&wex_core::author::parse_bundle(&generated_bundle()).bundle.unwrap());
    bencher.bench(|| wex_core::pack::unpack(divan::black_box(&bytes)).unwrap());
}
