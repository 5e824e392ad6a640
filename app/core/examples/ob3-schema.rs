//! Checks credential files against the 1EdTech Open Badges 3.0 JSON schema
//! (`tests/fixtures/credentials/1edtech`), with a JSON Schema validator that is not
//! Wex's own (boon). The end-to-end tests run it on the credential a learner
//! downloads from the certificate page:
//!
//! ```text
//! cargo run -q -p wex-core --example ob3-schema -- credential.json [...]
//! ```
//!
//! Exits 0 when every file is a valid `AchievementCredential`, and 1 with the
//! schema's complaint for the first file that is not.

use std::path::PathBuf;

fn main() {
    let schema_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/credentials/1edtech/ob_v3p0_achievementcredential_schema.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&schema_path).expect("the schema is in tests/fixtures")).expect("the schema is JSON");
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("wex:ob3", schema).expect("the schema loads");
    let id = compiler.compile("wex:ob3", &mut schemas).expect("the schema compiles");
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: ob3-schema <credential.json>...");
        std::process::exit(2);
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let credential: serde_json::Value = match serde_json::from_str(&text) {
            Ok(value) => value,
            Err(e) => {
                eprintln!("{file}: not JSON: {e}");
                std::process::exit(1);
            }
        };
        if let Err(error) = schemas.validate(&credential, id) {
            eprintln!("{file}: not a valid AchievementCredential: {error:#}");
            std::process::exit(1);
        }
        println!("{file}: valid against the Open Badges 3.0 AchievementCredential schema");
    }
}
