//! Any bytes given as a packed bundle or index must be refused cleanly, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wex_core::pack::unpack(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = wex_core::pack::Index::parse(text);
        let _ = wex_core::scenario::parse_condition(text);
    }
});
