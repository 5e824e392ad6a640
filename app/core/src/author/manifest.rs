//! The TOML an author writes, struct for struct: `bundle.toml`, module front matter
//! and the bodies of activity blocks. `deny_unknown_fields` everywhere, so a
//! misspelt field is reported (with the closest known name) instead of ignored.
//! `Spanned` marks values that diagnostics point at.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// `bundle.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Manifest {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    pub title: String,
    pub summary: String,
    pub licence: String,
    pub publisher: PublisherTable,
    pub audience: AudienceTable,
    pub career_areas: Spanned<Vec<Spanned<String>>>,
    /// The estimated time for the whole placement; the modules' minutes added up
    /// when left out.
    pub minutes: Option<u32>,
    #[serde(default)]
    pub content_warnings: Vec<String>,
    pub learning_outcomes: Spanned<Vec<String>>,
    #[serde(default)]
    pub completion: CompletionTable,
    pub modules: Spanned<Vec<Spanned<String>>>,
    /// Which UK nation the placement describes (`england`, ...).
    pub nation: Option<Spanned<String>>,
    /// `[[sources]]`: where the placement's facts come from.
    #[serde(default)]
    pub sources: Vec<SourceToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SourceToml {
    pub about: Spanned<String>,
    pub title: Spanned<String>,
    pub publisher: Spanned<String>,
    pub url: Spanned<String>,
    pub checked: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PublisherTable {
    pub name: String,
    pub key: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AudienceTable {
    pub min_age: Spanned<u8>,
    pub max_age: Option<Spanned<u8>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CompletionTable {
    #[serde(default)]
    pub required_modules: Vec<Spanned<String>>,
    pub pass_mark: Option<Spanned<u8>>,
}

/// The `+++` front matter at the top of a module file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatter {
    pub id: Spanned<String>,
    pub title: String,
    pub kind: Spanned<String>,
    pub minutes: u32,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub content_warnings: Vec<String>,
}

impl FrontMatter {
    /// Stands in for front matter that could not be read, so that the module's steps
    /// can still be checked.
    pub fn unread() -> Self {
        FrontMatter {
            id: Spanned::new(0..0, String::new()),
            title: String::new(),
            kind: Spanned::new(0..0, String::new()),
            minutes: 0,
            summary: String::new(),
            content_warnings: Vec::new(),
        }
    }
}

/// ```` ```quiz ````
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuizToml {
    pub questions: Vec<QuestionToml>,
    pub pass_mark: Option<Spanned<u32>>,
    pub attempts: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuestionToml {
    pub id: Spanned<String>,
    pub text: String,
    pub hint: Option<String>,
    pub explain: Option<String>,
    #[serde(default)]
    pub options: Vec<OptionToml>,
    pub model_answer: Option<String>,
    /// A written question's fewest words (case studies).
    pub min_words: Option<Spanned<u32>>,
    /// What a good written answer does (case studies).
    pub rubric: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub keep_order: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OptionToml {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    #[serde(default)]
    pub feedback: String,
}

/// ```` ```case-study ````
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CaseStudyToml {
    pub person: String,
    pub story: String,
    #[serde(default)]
    pub reveal: Vec<RevealToml>,
    #[serde(default)]
    pub questions: Vec<QuestionToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RevealToml {
    pub label: String,
    pub content: String,
}

/// ```` ```care-plan ````
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CarePlanToml {
    pub needs_prompt: Option<String>,
    pub needs: Vec<NeedToml>,
    pub goal_prompt: String,
    pub interventions_prompt: Option<String>,
    pub interventions: Vec<InterventionToml>,
    pub rationale_prompt: String,
    #[serde(default)]
    pub min_words: u32,
    pub model_answer: String,
    pub rubric: Vec<String>,
    #[serde(default)]
    pub keep_order: bool,
}

/// A care plan's need: the same fields as a question's option.
pub type NeedToml = OptionToml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InterventionToml {
    pub id: Spanned<String>,
    pub text: String,
    pub order: Option<Spanned<u32>>,
    #[serde(default)]
    pub feedback: String,
}

/// ```` ```scenario ````
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScenarioToml {
    pub start: Spanned<String>,
    #[serde(default)]
    pub allow_back: bool,
    #[serde(default)]
    pub counters: BTreeMap<String, i32>,
    #[serde(default)]
    pub flags: Vec<String>,
    pub nodes: Vec<NodeToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NodeToml {
    pub id: Spanned<String>,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub text: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub choices: Vec<ChoiceToml>,
    pub ending: Option<Spanned<EndingToml>>,
    #[serde(default)]
    pub keep_order: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ChoiceToml {
    pub text: String,
    pub to: Spanned<String>,
    #[serde(rename = "if")]
    pub condition: Option<Spanned<String>>,
    pub add: Option<Spanned<BTreeMap<String, i32>>>,
    pub set: Option<Spanned<Vec<String>>>,
    pub unset: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub feedback: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EndingToml {
    pub outcome: Option<String>,
    #[serde(default)]
    pub feedback: String,
    #[serde(default)]
    pub score: u32,
}

/// ```` ```reflection ````
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReflectionToml {
    pub prompts: Vec<PromptToml>,
    #[serde(default)]
    pub min_words: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PromptToml {
    pub id: Spanned<String>,
    pub text: String,
    pub hint: Option<String>,
}

/// ```` ```media ````
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MediaToml {
    pub src: Spanned<String>,
    pub title: String,
    pub transcript: Option<String>,
}
