//! What every bundle-parsing target asserts of its input, shared through
//! `#[path]` (a file in `fuzz_targets/` that no `[[bin]]` names is not a target).

use wex_core::source::SourceFiles;

/// Parses the files without a panic and renders every diagnostic; a bundle that
/// parses without errors must pack and unpack to the same bundle, and have stats.
pub fn parses_and_round_trips(files: &SourceFiles) {
    let parsed = wex_core::author::parse_bundle(files);
    for d in &parsed.diagnostics {
        let _ = d.render();
    }
    if let Some(bundle) = parsed.ok() {
        let packed = wex_core::pack::pack(bundle);
        assert_eq!(&wex_core::pack::unpack(&packed).expect("packed bundles unpack").bundle, bundle);
        let _ = wex_core::stats::stats(bundle);
    }
}
