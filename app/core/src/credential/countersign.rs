//! A tutor's countersignature: a new Open Badges credential, issued by the tutor's
//! organisation key, for the achievement a learner's self-declared certificate
//! states, after the tutor has checked the learner's completion record.

use super::proof::sign_credential;
use serde_json::{json, Value};

pub struct Countersign<'a> {
    /// The learner's (checked) self-declared certificate.
    pub learner_credential: &'a Value,
    pub organisation: &'a str,
    pub tutor: &'a str,
    /// By the tutor's device clock: the tutor's clock dates a countersignature.
    pub issued_at: &'a str,
    pub credential_id: &'a str,
}

/// A countersignature a learner's device accepted for its certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    pub organisation: String,
    /// By the tutor's clock.
    pub issued_at: String,
}

/// Checks a countersigned credential a tutor handed back against the learner's own
/// certificate. `tutor_keys` are the `did:key`s of the tutors who set this learner
/// an assignment on this device: only they are trusted to countersign.
pub fn accept(countersigned: &Value, certificate: &Value, tutor_keys: &[String]) -> Result<Verification, String> {
    if countersigned["type"].as_array().is_none_or(|t| !t.iter().any(|t| t == "OpenBadgeCredential")) {
        return Err("This is not a verified certificate from a tutor.".into());
    }
    let checks = super::badge::verify(countersigned, None, None);
    if let Some(failed) = checks.iter().find(|c| !c.passed) {
        return Err(format!("This file has been changed since your tutor signed it ({}).", failed.detail));
    }
    if countersigned["evidence"][0]["id"] != certificate["id"] || countersigned["credentialSubject"] != certificate["credentialSubject"] {
        return Err("This verification is for another certificate: another learner, placement or attempt.".into());
    }
    let issuer = countersigned["issuer"]["id"].as_str().unwrap_or("");
    let organisation = countersigned["issuer"]["name"].as_str().unwrap_or("").to_string();
    if !tutor_keys.iter().any(|k| k == issuer) {
        return Err(format!(
            "This verification is signed by “{organisation}”, but not with the key of a tutor who set you an assignment on this device. Join your tutor's cohort with their link first, then add the file again."
        ));
    }
    Ok(Verification { organisation, issued_at: countersigned["validFrom"].as_str().unwrap_or("").to_string() })
}

/// Issues the countersigned credential with the tutor's key.
pub fn countersign(input: &Countersign, seed: &[u8; 32]) -> Result<Value, String> {
    let learner = input.learner_credential;
    let learner_id = learner["id"].as_str().ok_or("The learner's certificate has no id.")?;
    let did = crate::keys::did_key(&crate::keys::public_key(seed));
    let mut evidence = vec![json!({
        "id": learner_id,
        "type": ["Evidence"],
        "name": "The learner's self-declared certificate",
        "description": format!("Checked by {}: signature, placement and scores worked out again from the learner's attempt log.", input.tutor),
    })];
    if let Some(items) = learner["evidence"].as_array() {
        evidence.extend(items.iter().cloned());
    }
    let unsigned = json!({
        "@context": learner["@context"],
        "id": input.credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": learner["name"],
        "description": format!("Verified by {}.", input.organisation),
        "issuer": { "id": did, "type": ["Profile"], "name": input.organisation },
        "validFrom": input.issued_at,
        "credentialSubject": learner["credentialSubject"],
        "evidence": evidence,
    });
    sign_credential(&unsigned, input.issued_at, seed)
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::credential::badge::verify;

    #[test]
    fn a_countersigned_credential_verifies_and_names_the_organisation() {
        let learner = crate::credential::add_proof(
            &json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:l", "name": "T", "issuer": {"id": "x"}, "credentialSubject": {"type": ["AchievementSubject"]}, "evidence": [{"id": "urn:wex:attempt-log:sha256:00", "type": ["Evidence"]}]}),
            &crate::credential::ProofOptions { created: "2026-11-25T10:00:00Z".into(), verification_method: format!("{}#k", crate::keys::did_key(&crate::keys::public_key(&[1; 32]))), proof_purpose: "assertionMethod".into() },
            &[1; 32],
        )
        .unwrap();
        let input = Countersign { learner_credential: &learner, organisation: "Riverside College", tutor: "Ms Patel", issued_at: "2026-11-28T09:00:00Z", credential_id: "urn:uuid:c" };
        let signed = countersign(&input, &[2; 32]).unwrap();
        assert_eq!(signed["issuer"]["name"], "Riverside College");
        assert_eq!(crate::credential::badge::summary(&signed).verified_by.as_deref(), Some("Riverside College"));
        assert_eq!(crate::credential::badge::summary(&learner).verified_by, None);
        assert_eq!(signed["evidence"][0]["id"], "urn:uuid:l");
        assert_eq!(signed["evidence"].as_array().unwrap().len(), 2);
        let checks = verify(&signed, None, None);
        assert!(checks.iter().all(|c| c.passed), "{checks:?}");
        let mut changed = signed.clone();
        changed["description"] = "Verified by Somewhere Else.".into();
        assert!(!verify(&changed, None, None)[0].passed);

        // The learner's device accepts it only for its own certificate, from its tutor.
        let tutor = crate::keys::did_key(&crate::keys::public_key(&[2; 32]));
        let accepted = accept(&signed, &learner, std::slice::from_ref(&tutor)).unwrap();
        assert_eq!(accepted, Verification { organisation: "Riverside College".into(), issued_at: "2026-11-28T09:00:00Z".into() });
        assert!(accept(&signed, &learner, &[]).unwrap_err().contains("not with the key of a tutor"));
        assert!(accept(&changed, &learner, std::slice::from_ref(&tutor)).unwrap_err().contains("changed"));
        let mut other = learner.clone();
        other["id"] = "urn:uuid:other".into();
        assert!(accept(&signed, &other, std::slice::from_ref(&tutor)).unwrap_err().contains("another certificate"));
        assert!(accept(&json!({"wex": "bundle"}), &learner, &[tutor]).unwrap_err().contains("not a verified certificate"));
    }
}
