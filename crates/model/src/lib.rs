//! The data model of crosscheck: every type that crosses a stage boundary.
//!
//! crosscheck is a pipeline over typed data:
//!
//! ```text
//! paths ──ingest──▶ RawArticle ──extract/clean──▶ Article ──analyse──▶ Document
//!                      │                                                  │
//!                      └──▶ Skipped                dedup ◀────────────────┤
//!                                                 cluster ◀───────────────┤
//!                                                   brief ◀───────────────┘
//!                                                     │
//!                                                     ▼
//!                                         Report { articles, duplicates, stories, skipped }
//! ```
//!
//! The serialisable types here *are* the JSON contract (`docs/json-contract.md`,
//! `docs/report.schema.json`), version [`REPORT_VERSION`]. Stages own their
//! algorithms; this crate owns only the shapes they exchange, so that a stage
//! can be replaced without any other stage noticing.

use serde::{Deserialize, Serialize};

mod time;
pub use time::{month_number, parse_iso8601, MONTH_NAMES, WEEKDAY_NAMES};

/// Version of the JSON report contract written by `crosscheck analyze --format json`.
pub const REPORT_VERSION: u32 = 1;

/// What an input file or record held before extraction and cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "content")]
pub enum Body {
    /// Plain text, possibly with page junk left in (copied or scraped from the web).
    Text(String),
    /// An HTML document or fragment.
    Html(String),
}

/// One article as read by ingest: identity, metadata and an uncleaned body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawArticle {
    /// Stable identifier: for files, the path relative to the folder given
    /// (without extension); for JSON Lines, the record's `id`.
    pub id: String,
    /// Where it was read from (`path` or `path:line`), for error messages.
    pub origin: String,
    /// Outlet, if known.
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publication time as ISO 8601 (already normalised by ingest), if known.
    pub published: Option<String>,
    pub body: Body,
}

/// Why a piece of input text was removed by extraction or cleaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// A user-interface label: "close", "share", "print", "menu".
    ButtonLabel,
    /// "Advertisement", "Sponsored", ad slot markers.
    Advertisement,
    /// A teaser linking elsewhere: "READ MORE: …", "RELATED: …", "Watch: …".
    Teaser,
    /// A photo or video caption, or an image credit.
    Caption,
    /// Share bars, newsletter sign-ups, follow-us prompts.
    Promotion,
    /// "Most read", "Related stories", "Recommended" link lists.
    LinkList,
    /// Tag and topic lists.
    TagList,
    /// Author bylines and "Published/Updated" timestamps.
    Byline,
    /// Correction and editor's notes.
    CorrectionNote,
    /// Copyright and legal boilerplate.
    Boilerplate,
    /// The headline, moved to the article's `title`.
    Headline,
    /// A section heading inside the article body (not a sentence of the story).
    Subheading,
    /// A short fragment that is not a sentence (stray word, dangling link text).
    Fragment,
    /// A line repeated verbatim inside the same article.
    Repeated,
    /// Markup the HTML extractor discarded (navigation, scripts, footers).
    Markup,
}

impl RemovalReason {
    /// Every reason, in declaration order (for documentation and schema tests).
    pub const ALL: [RemovalReason; 15] = [
        RemovalReason::ButtonLabel,
        RemovalReason::Advertisement,
        RemovalReason::Teaser,
        RemovalReason::Caption,
        RemovalReason::Promotion,
        RemovalReason::LinkList,
        RemovalReason::TagList,
        RemovalReason::Byline,
        RemovalReason::CorrectionNote,
        RemovalReason::Boilerplate,
        RemovalReason::Headline,
        RemovalReason::Subheading,
        RemovalReason::Fragment,
        RemovalReason::Repeated,
        RemovalReason::Markup,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::ButtonLabel => "button_label",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::Teaser => "teaser",
            RemovalReason::Caption => "caption",
            RemovalReason::Promotion => "promotion",
            RemovalReason::LinkList => "link_list",
            RemovalReason::TagList => "tag_list",
            RemovalReason::Byline => "byline",
            RemovalReason::CorrectionNote => "correction_note",
            RemovalReason::Boilerplate => "boilerplate",
            RemovalReason::Headline => "headline",
            RemovalReason::Subheading => "subheading",
            RemovalReason::Fragment => "fragment",
            RemovalReason::Repeated => "repeated",
            RemovalReason::Markup => "markup",
        }
    }
}

/// A piece of input text that is not in the cleaned article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
}

/// A cleaned article: the unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub source: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub published: Option<String>,
    /// The cleaned text: kept paragraphs separated by a blank line. Citations
    /// are byte offsets into this string.
    pub text: String,
    pub removed: Vec<Removed>,
}

/// A byte range `[start, end)` in an article's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text of this span in `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence of a cleaned article with its analysed terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the article's cleaned text (trimmed of surrounding whitespace).
    pub span: Span,
    /// Index of the paragraph the sentence belongs to (0-based).
    pub paragraph: usize,
    /// Lower-cased, stemmed content terms (stop words removed), in order.
    pub terms: Vec<String>,
}

/// An article prepared for analysis: the article and its sentences.
///
/// Built once by the pipeline (see `crosscheck_text::analyse`) and shared by
/// dedup, cluster and brief so that no stage re-splits or re-stems text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub article: Article,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].span.slice(&self.article.text)
    }
}

/// How two or more articles are copies of each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DuplicateKind {
    /// Identical after normalising whitespace, case and punctuation.
    Exact,
    /// Mostly the same text with edits (a re-issued or lightly edited copy).
    Near,
    /// One article's text is (almost) wholly inside another's: a trimmed or
    /// re-headlined reprint. `original` names the containing article.
    Contained,
}

/// A group of articles that are copies of each other: they count as one
/// independent source in later stages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Two or more article ids, sorted.
    pub articles: Vec<String>,
    pub kind: DuplicateKind,
    /// Similarity in `0..=1`: 1 for exact copies, word-shingle Jaccard for
    /// near copies, containment of the shorter in the longer for contained.
    pub similarity: f64,
    /// For `contained`: the id of the article the others were cut from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
}

/// A pointer to the exact source text a statement comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Citation {
    /// Article id.
    pub article: String,
    /// Byte offset into that article's cleaned `text` (inclusive).
    pub start: usize,
    /// Byte offset into that article's cleaned `text` (exclusive).
    pub end: usize,
}

/// One sentence of a story's brief with the spans it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefSentence {
    pub text: String,
    /// Non-empty: the first is the span the sentence was taken from; the
    /// others are verbatim copies of it in other articles (syndicated text).
    pub citations: Vec<Citation>,
}

/// A named thing mentioned in a story (filled by the facts stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: String,
    pub variants: Vec<String>,
    pub articles: Vec<String>,
    pub mentions: usize,
}

/// Who said what: a statement the story's articles attribute to someone,
/// stated by one or more outlets (filled by the reconcile stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributedStatement {
    /// The speaker, as the story's entity list names them when the
    /// attribution resolves to an entity ("Mira Holm" for "Holm" or
    /// "she"), else as written ("officials", "the hospital trust").
    pub speaker: String,
    /// The reporting words as written in the first article stating it
    /// ("said", "told reporters", "according to").
    pub cue: String,
    /// What is attributed, as written in the first article stating it.
    pub content: String,
    /// A quotation in the speaker's own words, not reported speech.
    pub direct: bool,
    /// Whom the article has the statement from, when it reports it second
    /// hand ("the agency said …, according to a lawmaker who attended the
    /// briefing"): the speaker of the outer attribution, named as
    /// `speaker` is. Absent when the statement is reported first hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Distinct outlets reporting the statement (a duplicate group counts
    /// once).
    pub independent_sources: usize,
    /// The content in each article that reports it.
    pub citations: Vec<Citation>,
}

/// An atomic statement found in one or more articles (filled by the facts stage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub text: String,
    pub subject: Option<String>,
    pub value: Option<String>,
    pub speaker: Option<String>,
    pub independent_sources: usize,
    pub citations: Vec<Citation>,
}

/// One side of a conflict: a value and where it is stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: String,
    pub citations: Vec<Citation>,
    /// Who gives the value, where the articles say ("police", "Mira
    /// Holm"), named as `statements[].speaker` names them, in the order
    /// of the citations; absent when no statement of it is attributed.
    /// Two sides often differ by who is counting, not by outlet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
}

/// Incompatible values for the same thing (filled by the reconcile stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub subject: String,
    pub attribute: String,
    pub sides: Vec<ConflictSide>,
}

/// A figure that changed as the story developed without conflicting (a toll
/// that rose from "at least 12" to 17): its values oldest first, each cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    pub subject: String,
    pub attribute: String,
    pub values: Vec<ConflictSide>,
}

/// A dated event of a story (filled by the facts stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// ISO 8601 date, or a relative expression when it cannot be resolved.
    pub date: String,
    pub text: String,
    pub citations: Vec<Citation>,
}

/// A group of articles about the same event, with its brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub title: String,
    /// Article ids, in the story's reading order.
    pub articles: Vec<String>,
    pub brief: Vec<BriefSentence>,
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
    /// Figures that changed over time (not conflicts).
    #[serde(default)]
    pub updates: Vec<Update>,
    /// Who said what, most widely reported first. Optional for readers of
    /// older reports (absent means none).
    #[serde(default)]
    pub statements: Vec<AttributedStatement>,
    pub entities: Vec<Entity>,
    pub timeline: Vec<TimelineEvent>,
}

/// An input that could not be analysed, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Skipped {
    /// The file (or `file:line` for one JSON Lines record).
    pub path: String,
    pub reason: String,
}

impl Skipped {
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        Skipped {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

/// The whole output of `crosscheck analyze`: the JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub articles: Vec<Article>,
    pub duplicates: Vec<Duplicate>,
    pub stories: Vec<Story>,
    pub skipped: Vec<Skipped>,
}

impl Report {
    /// The article with this id, if present.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removal_reason_names_match_serde() {
        for r in RemovalReason::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }

    #[test]
    fn duplicate_omits_absent_original() {
        let d = Duplicate {
            articles: vec!["a".into(), "b".into()],
            kind: DuplicateKind::Near,
            similarity: 0.9,
            original: None,
        };
        let v = serde_json::to_value(&d).unwrap();
        assert!(v.get("original").is_none());
        assert_eq!(v["kind"], "near");
    }

    #[test]
    fn span_slices_text() {
        let s = Span::new(6, 11);
        assert_eq!(s.slice("hello world!"), "world");
        assert_eq!(s.len(), 5);
    }
}
