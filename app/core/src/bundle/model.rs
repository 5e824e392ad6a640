//! The bundle model: what a placement is once parsed, and what a packed file holds.
//! docs/authoring.md describes the files an author writes to make one.

use crate::doc::Block;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Formatted text from a bundle: Markdown turned into blocks at pack time.
pub type Rich = Vec<Block>;

/// One placement, as the learner's app plays it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    pub id: String,
    /// Semantic version, for example `1.2.0`.
    pub version: String,
    pub title: String,
    pub summary: String,
    pub publisher: Publisher,
    pub licence: String,
    pub audience: Audience,
    pub career_areas: Vec<CareerArea>,
    /// The estimated time for the whole placement.
    pub minutes: u32,
    /// Plain sentences shown before starting, for example "Talks about death and dying."
    pub content_warnings: Vec<String>,
    pub learning_outcomes: Vec<String>,
    pub completion: Completion,
    pub modules: Vec<Module>,
    /// Images, audio and video, by their path in the bundle (`media/ward.svg`).
    pub media: BTreeMap<String, Media>,
    /// Which UK nation's health service the placement describes.
    #[serde(default)]
    pub nation: Option<Nation>,
    /// Where its legal, clinical, pay and entry facts come from, each with the date
    /// the author checked it.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The four nations organise their health services differently (and the laws
/// differ), so a placement says which one it describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    England,
    Scotland,
    Wales,
    NorthernIreland,
    /// Every nation alike.
    Uk,
}

impl Nation {
    pub const ALL: &'static [Nation] = &[Nation::England, Nation::Scotland, Nation::Wales, Nation::NorthernIreland, Nation::Uk];

    /// The name an author writes in bundle.toml.
    pub fn key(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Scotland => "scotland",
            Nation::Wales => "wales",
            Nation::NorthernIreland => "northern-ireland",
            Nation::Uk => "uk",
        }
    }

    pub fn from_key(key: &str) -> Option<Nation> {
        Nation::ALL.iter().copied().find(|n| n.key() == key)
    }

    /// What a learner reads, for example "The NHS in England".
    pub fn label(self) -> &'static str {
        match self {
            Nation::England => "The NHS in England",
            Nation::Scotland => "NHS Scotland",
            Nation::Wales => "NHS Wales",
            Nation::NorthernIreland => "Health and social care in Northern Ireland",
            Nation::Uk => "Health services across the UK",
        }
    }
}

/// A public source for facts in a placement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The facts it supports, in a line.
    pub about: String,
    /// The page's own title.
    pub title: String,
    pub publisher: String,
    /// An `https://` address.
    pub url: String,
    /// The date the author checked it, `YYYY-MM-DD`.
    pub checked: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    pub name: String,
    /// The publisher's Ed25519 public key as a `did:key`, when they sign their bundles.
    pub key: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    pub min_age: u8,
    pub max_age: Option<u8>,
}

/// The career areas the catalogue can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CareerArea {
    Nursing,
    Midwifery,
    Medicine,
    AlliedHealth,
    HealthcareScience,
    MentalHealth,
    LearningDisability,
    Pharmacy,
    Dentistry,
    PalliativeCare,
    SocialCare,
    NonClinical,
}

impl CareerArea {
    pub const ALL: &'static [CareerArea] = &[
        CareerArea::Nursing,
        CareerArea::Midwifery,
        CareerArea::Medicine,
        CareerArea::AlliedHealth,
        CareerArea::HealthcareScience,
        CareerArea::MentalHealth,
        CareerArea::LearningDisability,
        CareerArea::Pharmacy,
        CareerArea::Dentistry,
        CareerArea::PalliativeCare,
        CareerArea::SocialCare,
        CareerArea::NonClinical,
    ];

    /// The name an author writes in bundle.toml.
    pub fn key(self) -> &'static str {
        match self {
            CareerArea::Nursing => "nursing",
            CareerArea::Midwifery => "midwifery",
            CareerArea::Medicine => "medicine",
            CareerArea::AlliedHealth => "allied-health",
            CareerArea::HealthcareScience => "healthcare-science",
            CareerArea::MentalHealth => "mental-health",
            CareerArea::LearningDisability => "learning-disability",
            CareerArea::Pharmacy => "pharmacy",
            CareerArea::Dentistry => "dentistry",
            CareerArea::PalliativeCare => "palliative-care",
            CareerArea::SocialCare => "social-care",
            CareerArea::NonClinical => "non-clinical",
        }
    }

    /// The name a learner reads.
    pub fn label(self) -> &'static str {
        match self {
            CareerArea::Nursing => "Nursing",
            CareerArea::Midwifery => "Midwifery",
            CareerArea::Medicine => "Medicine",
            CareerArea::AlliedHealth => "Allied health professions",
            CareerArea::HealthcareScience => "Healthcare science",
            CareerArea::MentalHealth => "Mental health",
            CareerArea::LearningDisability => "Learning disability",
            CareerArea::Pharmacy => "Pharmacy",
            CareerArea::Dentistry => "Dentistry",
            CareerArea::PalliativeCare => "Palliative and end of life care",
            CareerArea::SocialCare => "Social care",
            CareerArea::NonClinical => "Non-clinical roles",
        }
    }

    pub fn from_key(key: &str) -> Option<CareerArea> {
        CareerArea::ALL.iter().copied().find(|a| a.key() == key)
    }
}

/// What a learner must do for the placement's certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    /// Module ids that must be completed; every module when the author names none.
    pub required_modules: Vec<String>,
    /// The lowest overall score, in percent of the points available in the required
    /// modules, that passes. 0 when there is no pass mark.
    pub pass_mark: u8,
}

/// One module: a sequence of steps the learner works through in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub id: String,
    pub title: String,
    pub kind: ModuleKind,
    pub minutes: u32,
    pub summary: String,
    /// Shown in an NHS warning callout before the module starts, with "Continue",
    /// "Not now" and where to find support; every step then offers "Take a break".
    pub content_warnings: Vec<String>,
    pub steps: Vec<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModuleKind {
    Reading,
    CaseStudy,
    CarePlanning,
    Mdt,
    Hospice,
    Careers,
    Lab,
    Reflection,
}

impl ModuleKind {
    pub const ALL: &'static [ModuleKind] = &[
        ModuleKind::Reading,
        ModuleKind::CaseStudy,
        ModuleKind::CarePlanning,
        ModuleKind::Mdt,
        ModuleKind::Hospice,
        ModuleKind::Careers,
        ModuleKind::Lab,
        ModuleKind::Reflection,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ModuleKind::Reading => "reading",
            ModuleKind::CaseStudy => "case-study",
            ModuleKind::CarePlanning => "care-planning",
            ModuleKind::Mdt => "mdt",
            ModuleKind::Hospice => "hospice",
            ModuleKind::Careers => "careers",
            ModuleKind::Lab => "lab",
            ModuleKind::Reflection => "reflection",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ModuleKind::Reading => "Reading",
            ModuleKind::CaseStudy => "Case study",
            ModuleKind::CarePlanning => "Care planning",
            ModuleKind::Mdt => "Team scenario",
            ModuleKind::Hospice => "Hospice",
            ModuleKind::Careers => "Careers",
            ModuleKind::Lab => "Virtual lab",
            ModuleKind::Reflection => "Reflection",
        }
    }

    /// The activity a module of this kind must hold for its label to be true
    /// (its block name), if any.
    pub fn promises(self) -> Option<&'static str> {
        match self {
            ModuleKind::CaseStudy => Some("case-study"),
            ModuleKind::CarePlanning => Some("care-plan"),
            ModuleKind::Mdt => Some("scenario"),
            ModuleKind::Reflection => Some("reflection"),
            ModuleKind::Reading | ModuleKind::Hospice | ModuleKind::Careers | ModuleKind::Lab => None,
        }
    }

    pub fn from_key(key: &str) -> Option<ModuleKind> {
        ModuleKind::ALL.iter().copied().find(|k| k.key() == key)
    }
}

/// One screen of a module: reading, then at most one activity, then more reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable: progress is kept under it. From `## Title {#id}`, else from the title.
    pub id: String,
    pub title: String,
    pub before: Rich,
    pub activity: Option<Activity>,
    pub after: Rich,
}

/// The interactive part of a step, written as a fenced block with a TOML body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    Quiz(Quiz),
    CaseStudy(CaseStudy),
    CarePlan(CarePlan),
    Scenario(Scenario),
    Reflection(Reflection),
    Media(MediaActivity),
}

impl Activity {
    /// The fenced block's name, as authors write it.
    pub fn key(&self) -> &'static str {
        match self {
            Activity::Quiz(_) => "quiz",
            Activity::CaseStudy(_) => "case-study",
            Activity::CarePlan(_) => "care-plan",
            Activity::Scenario(_) => "scenario",
            Activity::Reflection(_) => "reflection",
            Activity::Media(_) => "media",
        }
    }

    /// Every piece of rich text the activity holds: questions, stories, feedback,
    /// model answers, scenario nodes and notes, transcripts.
    pub fn rich_texts(&self) -> Vec<&Rich> {
        match self {
            Activity::Quiz(quiz) => questions_rich_texts(&quiz.questions),
            Activity::CaseStudy(case) => {
                let mut texts = vec![&case.story];
                texts.extend(case.reveals.iter().map(|r| &r.content));
                texts.extend(questions_rich_texts(&case.questions));
                texts
            }
            Activity::CarePlan(plan) => {
                let mut texts = vec![&plan.model_answer];
                texts.extend(plan.needs.iter().map(|n| &n.feedback));
                texts.extend(plan.interventions.iter().map(|i| &i.feedback));
                texts
            }
            Activity::Scenario(scenario) => scenario
                .nodes
                .iter()
                .flat_map(|node| {
                    [&node.text, &node.notes]
                        .into_iter()
                        .chain(node.ending.iter().map(|e| &e.feedback))
                        .chain(node.choices.iter().map(|c| &c.feedback))
                })
                .collect(),
            Activity::Reflection(_) => Vec::new(),
            Activity::Media(media) => vec![&media.transcript],
        }
    }

    /// Every condition on a scenario's choices (other activities have none).
    pub fn conditions(&self) -> Vec<&super::Condition> {
        match self {
            Activity::Scenario(scenario) => scenario.nodes.iter().flat_map(|n| &n.choices).filter_map(|c| c.condition.as_ref()).collect(),
            _ => Vec::new(),
        }
    }
}

/// The rich text of questions: each question and its feedback or model answer.
fn questions_rich_texts(questions: &[Question]) -> Vec<&Rich> {
    let mut texts = Vec::new();
    for question in questions {
        texts.push(&question.text);
        match &question.answer {
            Answer::Choice { options, .. } => texts.extend(options.iter().map(|o| &o.feedback)),
            Answer::Text { model_answer, .. } => texts.push(model_answer),
        }
    }
    texts
}

/// Questions with choices and feedback on each choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    pub questions: Vec<Question>,
    /// How many questions must be answered correctly to pass.
    pub pass_mark: u32,
    /// How many tries a learner has; `None` for as many as they like.
    pub attempts: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: Rich,
    pub hint: Option<String>,
    pub answer: Answer,
    /// An optional "explain your answer" prompt, answered in free text.
    pub explain: Option<String>,
    /// Show the options in the order written (the author's `keep-order = true`),
    /// not shuffled for each learner: for scales and "All of the above".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_order: bool,
}

impl Question {
    /// The field a free-text answer to this question is recorded under.
    pub fn answer_field(&self) -> crate::field::Field {
        crate::field::Field::Answer(self.id.clone())
    }

    /// The field of the "explain your answer" box under a choice question.
    pub fn explain_field(&self) -> crate::field::Field {
        crate::field::Field::Explain(self.id.clone())
    }
}

/// How a question is answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// Choose one (exactly one option is correct) or several (more than one is).
    Choice { options: Vec<Choice>, multiple: bool },
    /// Free text, compared by the learner with a model answer; not scored.
    Text {
        model_answer: Rich,
        /// The fewest words that count as an answer; 0 for any.
        #[serde(default)]
        min_words: u32,
        /// What a good answer does, shown beside the model answer.
        #[serde(default)]
        rubric: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    pub feedback: Rich,
}

/// A person's story with details revealed one at a time, then questions on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseStudy {
    pub person: String,
    pub story: Rich,
    pub reveals: Vec<Reveal>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reveal {
    /// What the button reveals, for example "Observations".
    pub label: String,
    pub content: Rich,
}

/// Identify needs, set a goal, choose and order interventions, explain why; then
/// compare with the model answer and mark yourself against the rubric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarePlan {
    pub needs_prompt: String,
    pub needs: Vec<CarePlanNeed>,
    pub goal_prompt: String,
    pub interventions_prompt: String,
    pub interventions: Vec<Intervention>,
    pub rationale_prompt: String,
    pub min_words: u32,
    pub model_answer: Rich,
    pub rubric: Vec<String>,
    /// Show the needs and interventions in the order written (the author's `keep-order = true`),
    /// not shuffled for each learner: for scales and "All of the above".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_order: bool,
}

/// A need the learner may pick: `correct` for a real need in the case, false for a
/// distractor. The same shape as a question's option.
pub type CarePlanNeed = Choice;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: String,
    pub text: String,
    /// Its place in the model plan (1 first); `None` when it does not belong in it.
    pub order: Option<u32>,
    pub feedback: Rich,
}

/// A branching scenario: people speak, the learner chooses, counters and flags
/// change, and the story reaches one of several endings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub start: String,
    pub allow_back: bool,
    /// Counters and their starting values.
    pub counters: BTreeMap<String, i32>,
    /// Flag names; every flag starts unset.
    pub flags: Vec<String>,
    pub nodes: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub text: Rich,
    /// Facts added to the learner's case notes when they reach this node.
    pub notes: Rich,
    pub choices: Vec<ScenarioChoice>,
    pub ending: Option<Ending>,
    /// Show the choices in the order written (the author's `keep-order = true`),
    /// not shuffled for each learner: for scales and "All of the above".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keep_order: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioChoice {
    pub text: String,
    pub to: String,
    /// Shown only when this holds.
    pub condition: Option<super::Condition>,
    pub effects: Vec<super::Effect>,
    /// Said to the learner straight after choosing.
    pub feedback: Rich,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    /// A short name for the outcome, for example "Diagnosed early".
    pub outcome: String,
    pub feedback: Rich,
    pub score: u32,
}

/// Prompts answered in free text, for the learner's reflective log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub prompts: Vec<Prompt>,
    /// The fewest words the answers must have together.
    pub min_words: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    pub hint: Option<String>,
}

impl Prompt {
    /// The field the learner's answer to this prompt is recorded under.
    pub fn field(&self) -> crate::field::Field {
        crate::field::Field::Prompt(self.id.clone())
    }
}

/// Audio or video from the media folder, with its transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaActivity {
    pub src: String,
    pub title: String,
    pub transcript: Rich,
}

/// A media file carried in the packed bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    /// MIME type, for example `image/svg+xml`.
    pub mime: String,
    /// The file's bytes, base64-encoded (standard alphabet, padded).
    pub base64: String,
}

impl Step {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    /// Whether the step has something for the learner to answer or do: any activity
    /// but a recording (which, with its transcript, is there to watch or read).
    pub fn asks_for_answers(&self) -> bool {
        self.activity.as_ref().is_some_and(|a| !matches!(a, Activity::Media(_)))
    }

    /// Every piece of rich text the step holds: its reading and its activity's.
    pub fn rich_texts(&self) -> Vec<&Rich> {
        let mut texts = vec![&self.before, &self.after];
        texts.extend(self.activity.iter().flat_map(Activity::rich_texts));
        texts
    }
}

impl Bundle {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The catalogue entry for this bundle.
    pub fn listing(&self) -> Listing {
        Listing {
            id: self.id.clone(),
            version: self.version.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            publisher: self.publisher.name.clone(),
            audience: self.audience,
            career_areas: self.career_areas.clone(),
            modules: self.modules.len() as u32,
            minutes: self.minutes,
            content_warnings: !self.content_warnings.is_empty() || self.modules.iter().any(|m| !m.content_warnings.is_empty()),
        }
    }
}

/// What the catalogue shows of a placement before its file is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: String,
    pub publisher: String,
    pub audience: Audience,
    pub career_areas: Vec<CareerArea>,
    pub modules: u32,
    pub minutes: u32,
    /// Whether the placement or any module has content warnings.
    pub content_warnings: bool,
}

/// True for ids made of lowercase ASCII letters, digits and single hyphens, starting
/// with a letter or digit: safe in URLs, file names and storage keys alike.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// Makes an id from a title: "Your first shift!" becomes `your-first-shift`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(64);
    out.trim_end_matches('-').to_string()
}

/// A person's or placement's name made safe for a file name: "Zoë O'Neil" becomes
/// `zoë-o-neil`. Unlike [`slug`], it keeps letters of every script, so a name
/// written only in Arabic or Chinese still names its file.
pub fn file_safe(name: &str) -> String {
    let safe: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    safe.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_safe_names() {
        assert_eq!(file_safe("Sam Patel"), "sam-patel");
        assert_eq!(file_safe("Zoë O'Neil"), "zoë-o-neil");
        assert_eq!(file_safe("محمد"), "محمد");
        assert_eq!(file_safe("../etc/passwd"), "etc-passwd");
        assert_eq!(file_safe("  "), "");
    }

    #[test]
    fn ids_and_slugs() {
        assert!(is_valid_id("ward-round-2"));
        for bad in ["", "Ward", "ward round", "-ward", "ward-", "ward--round", "wärd"] {
            assert!(!is_valid_id(bad), "{bad:?} should be rejected");
        }
        assert_eq!(slug("Your first shift!"), "your-first-shift");
        assert_eq!(slug("  Blood pressure & pulse  "), "blood-pressure-pulse");
        assert!(is_valid_id(&slug("What does a HCSW do? (Part 2)")));
    }

    #[test]
    fn career_area_keys_round_trip() {
        for area in CareerArea::ALL {
            assert_eq!(CareerArea::from_key(area.key()), Some(*area));
            let json = serde_json::to_string(area).unwrap();
            assert_eq!(json, format!("\"{}\"", area.key()));
        }
        for kind in ModuleKind::ALL {
            assert_eq!(ModuleKind::from_key(kind.key()), Some(*kind));
        }
    }
}
