//! The Open Badges 3.0 `OpenBadgeCredential` for a completed placement, and its
//! checks. The evidence is the per-module results, the placement's content hash and
//! the SHA-256 of the learner's attempt log, so a verifier holding the placement
//! and the log can score it again and get the same numbers.

use super::proof::{sign_credential, verify_proof};
use crate::bundle::Bundle;
use crate::progress::{Progress, Record};
use crate::scoring::{bundle_result, BundleResult};
use crate::time_spent::{about, iso_duration, time_spent_ms};
use crate::words::capitalised;
use serde_json::{json, Value};

pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// What a certificate is issued from. Times and ids come from the caller.
pub struct Issue<'a> {
    pub learner_name: &'a str,
    pub bundle: &'a Bundle,
    pub bundle_sha256: &'a str,
    /// The learner's records for this placement, as stored.
    pub records: &'a [Record],
    /// When, by the issuing device's clock: an XML Schema date-time.
    pub issued_at: &'a str,
    /// A fresh `urn:uuid:…`.
    pub credential_id: &'a str,
}

/// The SHA-256 (hex) of the canonical JSON of an attempt log.
pub fn attempt_log_sha256(records: &[Record]) -> String {
    let canonical = serde_jcs::to_vec(records).expect("records always serialise");
    crate::hash::sha256_hex(&canonical)
}

/// The achievement's id names the placement, its version and its content hash.
pub fn achievement_id(bundle: &Bundle, sha256: &str) -> String {
    format!("urn:wex:placement:{}:{}:sha256:{sha256}", bundle.id, bundle.version)
}

/// The placement a certificate was issued for, read back from its achievement id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementRef {
    pub bundle: String,
    pub version: String,
    pub sha256: String,
}

/// What a person reads off a certificate, whether or not it is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub learner: String,
    /// The issuer's `did:key`: the learner's device, or a tutor's organisation.
    pub issuer_key: String,
    pub placement_title: String,
    /// `None` when the achievement is not a Wex placement.
    pub placement: Option<PlacementRef>,
    /// The overall score as stated, for example `14/14`.
    pub score: String,
    pub issued_at: String,
    /// The organisation named as issuer when it is not the learner's own device (a
    /// tutor's countersignature); `None` for a self-declared certificate.
    pub verified_by: Option<String>,
    /// The time the learner spent, in milliseconds ([`TIME_SPENT`]); `None` on a
    /// certificate from before the time was stated.
    pub time_spent_ms: Option<u64>,
}

/// Reads the parts of a certificate that pages and reports show.
pub fn summary(credential: &Value) -> Summary {
    let text = |pointer: &str| credential.pointer(pointer).and_then(Value::as_str).unwrap_or("").to_string();
    let achievement = text("/credentialSubject/achievement/id");
    let placement = match achievement.split(':').collect::<Vec<_>>().as_slice() {
        ["urn", "wex", "placement", bundle, version, "sha256", sha256] => {
            Some(PlacementRef { bundle: bundle.to_string(), version: version.to_string(), sha256: sha256.to_string() })
        }
        _ => None,
    };
    Summary {
        id: text("/id"),
        learner: text("/credentialSubject/identifier/0/identityHash"),
        issuer_key: text("/issuer/id"),
        placement_title: text("/credentialSubject/achievement/name"),
        placement,
        score: text("/credentialSubject/result/0/value"),
        issued_at: text("/validFrom"),
        verified_by: Some(text("/issuer/name")).filter(|name| !name.is_empty() && !name.ends_with(SELF_DECLARED)),
        time_spent_ms: stated_result(credential, TIME_SPENT).and_then(crate::time_spent::from_iso_duration),
    }
}

/// How the issuer of a learner's own certificate is named: `<learner> (self-declared)`.
pub const SELF_DECLARED: &str = "(self-declared)";

/// Builds and signs the credential, or says why the placement is not complete.
pub fn issue(input: &Issue, seed: &[u8; 32]) -> Result<Value, String> {
    let result = bundle_result(input.bundle, &Progress::replay(input.records));
    if !result.complete {
        return Err(format!("The placement is not complete yet: {}", result.still_to_do.join("; ")));
    }
    let did = crate::keys::did_key(&crate::keys::public_key(seed));
    sign_credential(&unsigned_credential(input, &result, &did), input.issued_at, seed)
}

fn unsigned_credential(input: &Issue, result: &BundleResult, did: &str) -> Value {
    let bundle = input.bundle;
    let modules: Vec<Value> = result
        .modules
        .iter()
        // Only the modules the certificate depends on: an optional one is the
        // learner's own choice (`scoring::counted`).
        .filter(|m| bundle.completion.required_modules.contains(&m.id))
        .filter_map(|m| bundle.module(&m.id).map(|module| (m, module)))
        .map(|(m, module)| {
            json!({
                "type": ["Result"],
                "resultDescription": format!("urn:wex:module:{}", m.id),
                "status": if m.status == crate::progress::Status::Completed { "Completed" } else { "InProgress" },
                "value": format!("{}/{}", m.score.points, m.score.max),
                "achievedLevel": module.title,
            })
        })
        .collect();
    let mut results = vec![json!({
        "type": ["Result"],
        "resultDescription": "urn:wex:overall",
        "status": "Completed",
        "value": format!("{}/{}", result.score.points, result.score.max),
    })];
    results.extend(modules);
    // Hours, honestly stated: the placement's planned length, and the time this
    // learner spent, worked out from the attempt log (`time_spent`).
    let spent = time_spent_ms(input.records);
    let planned = u64::from(bundle.minutes) * 60_000;
    results.push(json!({ "type": ["Result"], "resultDescription": PLANNED_TIME, "value": iso_duration(planned) }));
    results.push(json!({ "type": ["Result"], "resultDescription": TIME_SPENT, "value": iso_duration(spent) }));
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": input.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("{}: virtual work experience", bundle.title),
        "description": format!(
            "{} of virtual work experience, {} planned; the time the learner spent, recorded on their device with breaks over 5 minutes left out. Issued by the learner's own device: self-declared. A tutor's countersignature makes it verified.",
            capitalised(&about(spent)),
            about(planned)
        ),
        "issuer": { "id": did, "type": ["Profile"], "name": format!("{} {SELF_DECLARED}", input.learner_name) },
        "validFrom": input.issued_at,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "hashed": false,
                "identityHash": input.learner_name,
                "identityType": "name",
            }],
            "achievement": {
                "id": achievement_id(bundle, input.bundle_sha256),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": bundle.title,
                "description": bundle.summary,
                "criteria": { "narrative": criteria(bundle) },
                "creator": { "id": format!("urn:wex:publisher:{}", crate::bundle::slug(&bundle.publisher.name)), "type": ["Profile"], "name": bundle.publisher.name },
                "version": bundle.version,
                "tag": bundle.learning_outcomes,
            },
            "result": results,
        },
        "evidence": [{
            "id": format!("urn:wex:attempt-log:sha256:{}", attempt_log_sha256(input.records)),
            "type": ["Evidence"],
            "name": "Attempt log",
            "description": format!("The SHA-256 of the canonical JSON of the learner's {} recorded actions in this placement.", input.records.len()),
            "genre": "attempt-log",
        }],
    })
}

/// The results that state the placement's planned length and the learner's time.
pub const PLANNED_TIME: &str = "urn:wex:planned-time";
pub const TIME_SPENT: &str = "urn:wex:time-spent";

/// The value of the result with `description`, if the credential states one.
pub fn stated_result<'c>(credential: &'c Value, description: &str) -> Option<&'c str> {
    credential["credentialSubject"]["result"].as_array()?.iter().find(|r| r["resultDescription"] == description)?["value"].as_str()
}

fn criteria(bundle: &Bundle) -> String {
    let titles: Vec<&str> = bundle.completion.required_modules.iter().filter_map(|id| bundle.module(id)).map(|m| m.title.as_str()).collect();
    let mut text = format!("Complete the modules: {}.", titles.join(", "));
    if bundle.completion.pass_mark > 0 {
        text.push_str(&format!(" Score at least {}% across their activities.", bundle.completion.pass_mark));
    }
    text
}

/// One check of a credential, for showing each separately.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub name: CheckName,
    pub passed: bool,
    pub detail: String,
}

/// What a [`Check`] checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckName {
    /// The proof verifies against the issuer's key.
    Signature,
    /// The issuer is a learner's self-declared key, as Wex issues.
    Issuer,
    /// The placement's content hash matches the one the credential names.
    Placement,
    /// Scoring the attempt log again gives the scores the credential states.
    Rescore,
}

impl CheckName {
    /// Its name as `wex verify` and the verify page show it.
    pub fn label(self) -> &'static str {
        match self {
            CheckName::Signature => "signature",
            CheckName::Issuer => "issuer",
            CheckName::Placement => "placement",
            CheckName::Rescore => "re-score",
        }
    }
}

impl std::fmt::Display for CheckName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Checks a credential: its signature, its issuer, and, when the placement and the
/// attempt log are at hand, the placement's hash and the scores recomputed from the log.
pub fn verify(credential: &Value, bundle: Option<(&Bundle, &str)>, records: Option<&[Record]>) -> Vec<Check> {
    let mut checks = Vec::new();
    let signer = verify_proof(credential);
    checks.push(Check { name: CheckName::Signature, passed: signer.is_ok(), detail: signer.as_ref().map_or_else(|e| e.to_string(), |did| format!("signed by {did}")) });
    let issuer = credential["issuer"]["id"].as_str().unwrap_or("");
    let issuer_ok = signer.as_ref().is_ok_and(|did| did == issuer);
    let issuer_name = credential["issuer"]["name"].as_str().unwrap_or("");
    checks.push(Check {
        name: CheckName::Issuer,
        passed: issuer_ok,
        detail: match (issuer_ok, issuer_name.ends_with(SELF_DECLARED)) {
            (false, _) => "the signing key is not the issuer's".into(),
            (true, true) => "the issuer signed it: the learner's own device, so self-declared".into(),
            (true, false) => format!("the issuer signed it: a key that calls itself “{issuer_name}”"),
        },
    });
    if let Some((bundle, sha256)) = bundle {
        let claimed = credential["credentialSubject"]["achievement"]["id"].as_str().unwrap_or("");
        let same = claimed == achievement_id(bundle, sha256);
        checks.push(Check {
            name: CheckName::Placement,
            passed: same,
            detail: if same { format!("{} {} with the same content hash", bundle.id, bundle.version) } else { "issued for another placement, or another version of it".into() },
        });
        if let Some(records) = records {
            let log_ok = credential["evidence"][0]["id"].as_str() == Some(&format!("urn:wex:attempt-log:sha256:{}", attempt_log_sha256(records)));
            let result = bundle_result(bundle, &Progress::replay(records));
            let stated = summary(credential).score;
            let claimed_score = stated.as_str();
            let rescored = format!("{}/{}", result.score.points, result.score.max);
            // Credentials from before the time was stated have none to compare.
            let time_ok = stated_result(credential, TIME_SPENT).is_none_or(|stated| stated == iso_duration(time_spent_ms(records)));
            checks.push(Check {
                name: CheckName::Rescore,
                passed: log_ok && result.complete && claimed_score == rescored && time_ok,
                detail: if !log_ok {
                    "the attempt log is not the one the certificate was issued from".into()
                } else if !time_ok {
                    "the time spent it states is not the attempt log's".into()
                } else if claimed_score != rescored {
                    format!("the certificate says {claimed_score}, scoring the attempt log gives {rescored}")
                } else if !result.complete {
                    "the attempt log does not meet the completion rules".into()
                } else {
                    format!("scoring the attempt log again gives {rescored}, as stated")
                },
            });
        }
    }
    checks
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::progress::{Action, Record};
    use std::path::PathBuf;

    const SEED: [u8; 32] = [42; 32];

    fn at(step: &str, ms: u64, action: Action) -> Record {
        Record { bundle: "t".into(), item: crate::progress::ItemId::parse(&format!("m/{step}")), at_ms: ms, action }
    }

    /// A learner who passed: quiz 2/2, care plan 9/9, scenario 3/3.
    fn completed() -> Vec<Record> {
        crate::testing::completed_records(0)
    }

    fn issue_for(records: &[Record]) -> Result<Value, String> {
        let bundle = crate::testing::bundle();
        let input = Issue { learner_name: "Sam", bundle: &bundle, bundle_sha256: "ab12", records, issued_at: "2026-11-25T10:00:00Z", credential_id: "urn:uuid:00000000-0000-4000-8000-000000000001" };
        issue(&input, &SEED)
    }

    #[test]
    fn a_completed_placement_gets_a_valid_open_badge() {
        let credential = issue_for(&completed()).unwrap();
        let schema_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/credentials/1edtech/ob_v3p0_achievementcredential_schema.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource("wex:ob3", schema).unwrap();
        let id = compiler.compile("wex:ob3", &mut schemas).unwrap();
        if let Err(error) = schemas.validate(&credential, id) {
            panic!("not a valid OpenBadgeCredential: {error:#}");
        }
        assert_eq!(credential["credentialSubject"]["result"][0]["value"], "14/14");
        assert_eq!(credential["issuer"]["name"], "Sam (self-declared)");

        let bundle = crate::testing::bundle();
        let checks = verify(&credential, Some((&bundle, "ab12")), Some(&completed()));
        assert!(checks.iter().all(|c| c.passed), "{checks:?}");
        assert_eq!(checks.iter().map(|c| c.name.label()).collect::<Vec<_>>(), ["signature", "issuer", "placement", "re-score"]);
    }

    #[test]
    fn an_unfinished_placement_gets_no_credential() {
        let error = issue_for(&completed()[..3]).unwrap_err();
        assert!(error.contains("not complete"), "{error}");
    }

    #[test]
    fn tampering_and_mismatches_are_each_reported() {
        let bundle = crate::testing::bundle();
        let credential = issue_for(&completed()).unwrap();
        let failed = |credential: &Value, records: &[Record]| -> Vec<&'static str> {
            verify(credential, Some((&bundle, "ab12")), Some(records)).into_iter().filter(|c| !c.passed).map(|c| c.name.label()).collect()
        };
        // A changed score, name or date breaks the signature.
        for (path, value, expected) in [
            ("/credentialSubject/result/0/value", "15/14", &["signature", "issuer", "re-score"][..]),
            ("/issuer/name", "Someone else", &["signature", "issuer"][..]),
            ("/validFrom", "2020-01-01T00:00:00Z", &["signature", "issuer"][..]),
        ] {
            let mut changed = credential.clone();
            *changed.pointer_mut(path).unwrap() = value.into();
            assert_eq!(failed(&changed, &completed()), expected, "{path}");
        }
        // Another version of the placement.
        let checks = verify(&credential, Some((&bundle, "ffff")), None);
        assert_eq!(checks.iter().filter(|c| !c.passed).map(|c| c.name).collect::<Vec<_>>(), [CheckName::Placement]);
        // A different attempt log.
        let mut other = completed();
        other[0].at_ms = 99;
        assert_eq!(failed(&credential, &other), ["re-score"]);
        // Signed correctly, but claiming a score the log does not give.
        let mut inflated = unsigned_credential(
            &Issue { learner_name: "Sam", bundle: &bundle, bundle_sha256: "ab12", records: &completed(), issued_at: "2026-11-25T10:00:00Z", credential_id: "urn:uuid:x" },
            &bundle_result(&bundle, &Progress::replay(&completed())),
            &crate::keys::did_key(&crate::keys::public_key(&SEED)),
        );
        inflated["credentialSubject"]["result"][0]["value"] = "20/14".into();
        let signed = sign_credential(&inflated, "2026-11-25T10:00:00Z", &SEED).unwrap();
        assert_eq!(failed(&signed, &completed()), ["re-score"]);
        // Or more time than the log shows.
        let results = inflated["credentialSubject"]["result"].as_array_mut().unwrap();
        results[0]["value"] = credential["credentialSubject"]["result"][0]["value"].clone();
        results.iter_mut().find(|r| r["resultDescription"] == TIME_SPENT).unwrap()["value"] = "PT40H0M".into();
        let signed = sign_credential(&inflated, "2026-11-25T10:00:00Z", &SEED).unwrap();
        let checks = verify(&signed, Some((&bundle, "ab12")), Some(&completed()));
        let rescore = checks.iter().find(|c| c.name == CheckName::Rescore).unwrap();
        assert!(!rescore.passed && rescore.detail.contains("time spent"), "{rescore:?}");
    }

    #[test]
    fn the_credential_states_planned_and_spent_time_from_the_log() {
        let records = completed();
        let credential = issue_for(&records).unwrap();
        let bundle = crate::testing::bundle();
        assert_eq!(stated_result(&credential, PLANNED_TIME), Some(iso_duration(u64::from(bundle.minutes) * 60_000).as_str()));
        assert_eq!(stated_result(&credential, TIME_SPENT), Some(iso_duration(time_spent_ms(&records)).as_str()));
        assert_eq!(summary(&credential).time_spent_ms, Some(time_spent_ms(&records) / 60_000 * 60_000), "read back to the minute");
        let mut older = credential.clone();
        older["credentialSubject"]["result"].as_array_mut().unwrap().retain(|r| r["resultDescription"] != TIME_SPENT);
        assert_eq!(summary(&older).time_spent_ms, None);
        let description = credential["description"].as_str().unwrap();
        assert!(description.starts_with("About ") && description.contains(" of virtual work experience, about "), "{description}");
    }

    #[test]
    fn a_completion_record_is_scored_again() {
        let bundle = crate::testing::bundle();
        let credential = issue_for(&completed()).unwrap();
        let record = crate::credential::record::CompletionRecord::new(credential.clone(), completed());
        assert!(record.check(Some((&bundle, "ab12"))).iter().all(|c| c.passed));
        // A log with one answer changed no longer matches the certificate.
        let mut changed = completed();
        changed[5] = at("story", 6, Action::Choose { node: "a".into(), choice: 1 });
        let record = crate::credential::record::CompletionRecord::new(credential, changed);
        let failed: Vec<_> = record.check(Some((&bundle, "ab12"))).into_iter().filter(|c| !c.passed).map(|c| c.name.label()).collect();
        assert_eq!(failed, ["re-score"]);
    }

    #[test]
    fn the_summary_reads_back_what_was_issued() {
        let credential = issue_for(&completed()).unwrap();
        let s = summary(&credential);
        assert_eq!((s.learner.as_str(), s.score.as_str(), s.issued_at.as_str()), ("Sam", "14/14", "2026-11-25T10:00:00Z"));
        assert_eq!(s.placement, Some(PlacementRef { bundle: "t".into(), version: "1.0.0".into(), sha256: "ab12".into() }));
        assert_eq!(summary(&serde_json::json!({"credentialSubject": {"achievement": {"id": "urn:other:x"}}})).placement, None);
    }

    #[test]
    fn the_attempt_log_hash_is_stable() {
        let a = attempt_log_sha256(&completed());
        assert_eq!(a, attempt_log_sha256(&completed()));
        let json = serde_json::to_string(&completed()).unwrap();
        let reparsed: Vec<Record> = serde_json::from_str(&json).unwrap();
        assert_eq!(a, attempt_log_sha256(&reparsed));
        assert_eq!(a.len(), 64);
    }
}
