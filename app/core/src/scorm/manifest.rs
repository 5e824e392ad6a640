//! `imsmanifest.xml`: the package's one SCO (the placement), its title and
//! description, the score that passes, and every file it holds.

use super::{xml_text, Standard};
use crate::bundle::Bundle;

/// The manifest for a package of `bundle` holding `files` (paths inside the package,
/// the manifest itself left out), launched at `launch`.
pub fn manifest(bundle: &Bundle, files: &[String], launch: &str, standard: Standard) -> String {
    // Identifiers are XML ids: they must start with a letter, and a bundle id may not.
    let id = format!("wex-{}-{}", bundle.id, bundle.version);
    let title = xml_text(&bundle.title);
    let pass_mark = bundle.completion.pass_mark;
    let (header, metadata, item_extra, scorm_type) = match standard {
        Standard::Scorm12 => (
            "version=\"1.0\"\n  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n  \
             xmlns:imsmd=\"http://www.imsglobal.org/xsd/imsmd_rootv1p2p1\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  \
             xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\"",
            // SCORM 1.2 has room for the description in IMS metadata.
            format!(
                "    <schemaversion>1.2</schemaversion>\n    <imsmd:lom>\n      <imsmd:general>\n        \
                 <imsmd:title><imsmd:langstring xml:lang=\"en-GB\">{title}</imsmd:langstring></imsmd:title>\n        \
                 <imsmd:description><imsmd:langstring xml:lang=\"en-GB\">{}</imsmd:langstring></imsmd:description>\n      \
                 </imsmd:general>\n    </imsmd:lom>\n",
                xml_text(&bundle.summary)
            ),
            if pass_mark > 0 { format!("        <adlcp:masteryscore>{pass_mark}</adlcp:masteryscore>\n") } else { String::new() },
            "adlcp:scormtype",
        ),
        Standard::Scorm2004 => (
            "version=\"1\"\n  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n  \
             xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n  xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n  \
             xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  \
             xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\"",
            "    <schemaversion>2004 4th Edition</schemaversion>\n".to_string(),
            sequencing(&id, pass_mark),
            "adlcp:scormType",
        ),
    };
    let files: String = files.iter().map(|f| format!("      <file href=\"{}\"/>\n", xml_text(f))).collect();
    let launch = xml_text(launch);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"{id}\" {header}>\n  <metadata>\n    <schema>ADL SCORM</schema>\n{metadata}  </metadata>\n  \
         <organizations default=\"{id}-organisation\">\n    <organization identifier=\"{id}-organisation\">\n      <title>{title}</title>\n      \
         <item identifier=\"{id}-item\" identifierref=\"{id}-placement\" isvisible=\"true\">\n        <title>{title}</title>\n{item_extra}      </item>\n    \
         </organization>\n  </organizations>\n  <resources>\n    \
         <resource identifier=\"{id}-placement\" type=\"webcontent\" {scorm_type}=\"sco\" href=\"{launch}\">\n{files}    </resource>\n  </resources>\n</manifest>\n"
    )
}

/// SCORM 2004's sequencing for the one item: the content sets completion and
/// success, and the pass mark is the primary objective's, so an LMS works out
/// "passed" from the scaled score as the placement does.
fn sequencing(id: &str, pass_mark: u8) -> String {
    let objective = if pass_mark > 0 {
        format!(
            "          <imsss:objectives>\n            <imsss:primaryObjective objectiveID=\"{id}-pass\" satisfiedByMeasure=\"true\">\n              \
             <imsss:minNormalizedMeasure>{}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n          </imsss:objectives>\n",
            scaled(pass_mark)
        )
    } else {
        String::new()
    };
    format!("        <imsss:sequencing>\n{objective}          <imsss:deliveryControls completionSetByContent=\"true\" objectiveSetByContent=\"true\"/>\n        </imsss:sequencing>\n")
}

/// A percent as SCORM 2004's scaled score, from 0 to 1 (`50` gives `0.5`).
fn scaled(percent: u8) -> String {
    let text = format!("{:.2}", f64::from(percent.min(100)) / 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::scaled;

    #[test]
    fn percents_scale_to_one() {
        assert_eq!(scaled(50), "0.5");
        assert_eq!(scaled(75), "0.75");
        assert_eq!(scaled(100), "1");
        assert_eq!(scaled(1), "0.01");
    }
}
