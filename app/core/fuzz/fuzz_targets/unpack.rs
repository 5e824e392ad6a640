//! Any bytes given as a packed bundle or index must be refused cleanly, never panic.
//! The bytes are also tried as a packed file's `bundle` value under its correct
//! hash, which takes them past the hash check into the bundle's own parsing and the
//! depth check (a hand-made file deeper than Wex allows).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wex_core::pack::unpack(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = wex_core::pack::Index::parse(text);
        let _ = wex_core::scenario::parse_condition(text);
        let hash = wex_core::pack::sha256_hex(text.as_bytes());
        let packed = format!(r#"{{"wex":"bundle","format":1,"sha256":"{hash}","bundle":{text}}}"#);
        if let Ok(unpacked) = wex_core::pack::unpack(packed.as_bytes()) {
            // Whatever opens must pack again and open to the same bundle.
            let again = wex_core::pack::unpack(&wex_core::pack::pack(&unpacked.bundle)).expect("a repacked bundle opens");
            assert_eq!(again.bundle, unpacked.bundle);
        }
    }
});
