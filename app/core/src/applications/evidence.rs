//! The placements a learner can name in an application: those with a certificate
//! (its id lets anyone check it), and those still to finish or to get the
//! certificate for, which the pages mention kindly instead of leaving out.

use crate::bundle::Bundle;
use crate::credential::badge::summary;
use crate::progress::Progress;
use crate::scoring::bundle_result;
use crate::time_spent::certificate_line;
use serde_json::Value;

/// A placement with a certificate: what an application can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certified {
    /// The placement's id, which also names it in the learner's choice of evidence.
    pub placement: String,
    pub title: String,
    pub publisher: String,
    /// The certificate's id (`urn:uuid:…`), which a reader checks it by.
    pub certificate_id: String,
    /// When it was issued, as the certificate states it.
    pub issued_at: String,
    /// The certificate's line on time: "About 3 hours of virtual work experience
    /// (planned: about 4 hours)".
    pub time: String,
}

/// Where a learner stands with one placement they have started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    Certified(Certified),
    /// Complete, but the learner has not yet asked for the certificate.
    ReadyForCertificate { placement: String, title: String },
    /// Started, with this many things still to do.
    Unfinished { placement: String, title: String, still_to_do: usize },
}

/// Where the learner stands with `bundle`, from their progress in it.
pub fn standing(bundle: &Bundle, progress: &Progress) -> Standing {
    let placement = bundle.id.clone();
    if let Some(credential) = progress.certificate().and_then(|json| serde_json::from_str::<Value>(json).ok()) {
        let stated = summary(&credential);
        return Standing::Certified(Certified {
            placement,
            title: bundle.title.clone(),
            publisher: bundle.publisher.name.clone(),
            certificate_id: stated.id,
            issued_at: stated.issued_at,
            time: certificate_line(bundle.minutes, stated.time_spent_ms),
        });
    }
    let result = bundle_result(bundle, progress);
    if result.complete {
        Standing::ReadyForCertificate { placement, title: bundle.title.clone() }
    } else {
        Standing::Unfinished { placement, title: bundle.title.clone(), still_to_do: result.still_to_do.len() }
    }
}

#[cfg(all(test, feature = "author"))]
mod tests {
    use super::*;
    use crate::author::sample::{played, Answers};
    use crate::credential::badge::{issue, Issue};
    use crate::progress::{Action, ItemId, Record};

    #[test]
    fn a_certified_placement_names_its_certificate_and_time() {
        let bundle = crate::testing::placement("first-look");
        let mut records = played(&bundle, 45, Answers::Right);
        let input = Issue {
            learner_name: "Sam",
            bundle: &bundle,
            bundle_sha256: "00",
            records: &crate::credential::certificate_log(&bundle, &records),
            issued_at: "2026-12-06T09:00:00Z",
            credential_id: "urn:uuid:7b1c0a52-8f3e-4d7a-9a61-2f0c7f1e9b10",
        };
        let before = standing(&bundle, &Progress::replay(&records));
        assert!(matches!(before, Standing::ReadyForCertificate { .. }), "{before:?}");
        let credential = issue(&input, &[7; 32]).unwrap();
        records.push(Record { bundle: bundle.id.clone(), item: ItemId::certificate(), at_ms: u64::MAX, action: Action::Certified { credential: credential.to_string() } });
        let Standing::Certified(certified) = standing(&bundle, &Progress::replay(&records)) else { panic!("certified") };
        assert_eq!(certified.certificate_id, "urn:uuid:7b1c0a52-8f3e-4d7a-9a61-2f0c7f1e9b10");
        assert_eq!(certified.issued_at, "2026-12-06T09:00:00Z");
        assert!(certified.time.ends_with(&format!("(planned: {})", crate::time_spent::about(u64::from(bundle.minutes) * 60_000))), "{}", certified.time);
    }

    #[test]
    fn an_unfinished_placement_says_how_much_is_left() {
        let bundle = crate::testing::placement("first-look");
        let Standing::Unfinished { still_to_do, .. } = standing(&bundle, &Progress::default()) else { panic!("unfinished") };
        assert_eq!(still_to_do, bundle.completion.required_modules.len());
    }
}
