//! Facts: what one article asserts, as typed data with byte spans.
//!
//! The facts stage reads one cleaned, sentence-split article
//! ([`Document`]) and finds, without any downloaded model:
//!
//! * **entity mentions** — people, organisations, places and other names,
//!   from capitalisation, titles ("Foreign Minister", "spokeswoman"), name
//!   endings ("Board", "Quay"), a compiled-in gazetteer of countries and
//!   capitals, and the article itself (a sentence-initial word is a name only
//!   if the article also capitalises it mid-sentence). Acronyms defined in
//!   parentheses — "National Process Safety Board (NPSB)" — are recorded;
//! * **statements** — who said what: speaker, cue ("said", "told",
//!   "according to"), content, direct (quoted) or indirect;
//! * **quantities** — numbers with units and approximations: "at least 30
//!   dead", "about 10,000 troops", "3.25 percent", "half a percentage
//!   point", "5.3 million", money;
//! * **dates** — absolute ("14 June") and relative ("on Monday", "last
//!   week", "in six weeks"), resolved against the publication date when it
//!   is known and kept relative (and marked so) when it is not;
//! * **claims** — atomic statements "subject · attribute = value (speaker)",
//!   e.g. *people injured · count = 43*, each with the span of its value and
//!   of its sentence, ready to be compared across articles by the reconcile
//!   stage.
//!
//! Every span is a byte range into `doc.article.text`, end exclusive.
//!
//! ```
//! use crosscheck_facts::Extractor;
//! use crosscheck_model::{Article, Document, Sentence, Span};
//! let text = "At least 12 people were killed on Tuesday, police said.".to_string();
//! let doc = Document {
//!     sentences: vec![Sentence { span: Span::new(0, text.len()), paragraph: 0, terms: vec![] }],
//!     article: Article { id: "a".into(), source: None, title: None, url: None,
//!         published: Some("2026-03-04".into()), text, removed: vec![] },
//! };
//! let facts = Extractor::new().extract(&doc);
//! assert_eq!(facts.claims[0].attribute, "count");
//! assert_eq!(facts.claims[0].subject.as_deref(), Some("people killed"));
//! assert_eq!(facts.dates[0].value.to_string(), "2026-03-03");
//! ```

mod attribution;
mod claims;
mod date;
mod entities;
pub mod eval;
pub mod fold;
mod lexicon;
mod meetings;
mod numbers;
pub mod tagger;
mod token;
mod when;

use std::fmt;

use crosscheck_model::{Document, RemovalReason, Span};

pub use attribution::described_organisation;
pub use attribution::find_statements;
pub use attribution::find_statements_with;
pub use attribution::sources;
pub use attribution::statements_from_labels;
pub use attribution::tagger_inputs;
pub use claims::{concept, Concept, ConceptKind, Reach, CONCEPTS, PLAIN_COUNT};
pub use date::Day;
pub use entities::{dateline_len, is_gazetteer_place, is_place_not_name};
pub use meetings::country_named;

/// Whether `word` (lower case) is a reporting word of the hand-written
/// attribution rules ("said", "told", "warned", "according"): what tells
/// speech apart from the wider attributions the tagger also finds
/// (beliefs, plans, support).
pub fn is_reporting_word(word: &str) -> bool {
    word == "according" || lexicon::CUE_WORDS.contains(&word)
}

/// Whether `word` (lower case) is a number or scale word ("two", "dozen",
/// "million"), or the plural of one ("dozens", "thousands").
pub fn is_number_word(word: &str) -> bool {
    let known = |w: &str| {
        lexicon::NUMBER_WORDS.iter().any(|(n, _)| *n == w)
            || lexicon::SCALES.iter().any(|(n, _)| n.len() > 2 && *n == w)
    };
    known(word) || word.strip_suffix('s').is_some_and(known)
}

/// Whether `word` (lower case) is a pronoun that can stand for a speaker
/// ("he", "they"), or a relative one ("who").
pub fn is_pronoun_speaker(word: &str) -> bool {
    matches!(word, "who" | "which" | "that") || lexicon::SPEAKER_PRONOUNS.contains(&word)
}
pub use token::{tokenize, TokKind, Token};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    /// The name used in the JSON contract: `person`, `organization`, `place`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// One mention of a name in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name as written, without a possessive ending or leading title.
    pub span: Span,
    /// `doc.article.text[span]`.
    pub text: String,
    /// Best guess from this article's evidence; the reconcile stage votes
    /// across mentions.
    pub kind: EntityKind,
    /// Index of the sentence in `doc.sentences`.
    pub sentence: usize,
    /// For an acronym defined in this article ("... Board (NPSB)"): its
    /// expansion; for the expansion itself: the acronym.
    pub defines: Option<String>,
    /// A title or role written before the name ("Mayor", "Foreign Minister").
    pub title: Option<String>,
    /// Whether `kind` is only a guess from the word before the name ("in
    /// Velmar") or from its shape (two or three capitalised words), not
    /// evidence such as a title, a gazetteer entry or an organisation word
    /// ("Corp.", "Ministry"). The reconcile stage lets evidence outvote any
    /// number of guesses: "from Kestrel" must not make the company a place.
    /// Of an [`EntityKind::Other`]: whether no kind is known (not a storm,
    /// an event or a law, which are "other" by evidence).
    pub guessed: bool,
}

/// Who said what.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Index of the sentence holding the cue.
    pub sentence: usize,
    /// The speaker as written ("Tomasz Wrześniewski", "he", "a hospital
    /// spokeswoman"), if the sentence names one.
    pub speaker: Option<Span>,
    /// The speaker resolved to a name of this article (a pronoun or "the
    /// agency" replaced by the latest fitting mention), if possible.
    pub speaker_name: Option<String>,
    /// The cue: "said", "told", "according to", ... Empty (at the sentence
    /// start) for a quotation that continues the previous sentence's speaker.
    pub cue: Span,
    /// What was said.
    pub content: Span,
    /// Whether the content is a direct quotation.
    pub direct: bool,
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Approx {
    Exact,
    /// "about", "around", "some", "roughly", "nearly".
    About,
    /// "at least".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "at most", "up to".
    AtMost,
    /// "less than", "under".
    LessThan,
    /// "just over": above the figure by less than its last written digit
    /// ("just over 52 percent" is 52–53).
    JustOver,
    /// "just under": below the figure by less than its last written digit.
    JustUnder,
}

/// What a figure measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A plain count ("43 people").
    Count,
    /// A percentage ("3.25 percent", "3.25%").
    Percent,
    /// A difference of percentages ("half a percentage point", "50 basis
    /// points" = 0.5).
    PercentagePoints,
    /// Money in the named currency ("185 million crowns").
    Money(String),
    /// A measure in the named unit ("11 days", "140 kilometres").
    Measure(String),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Count => f.write_str("count"),
            Unit::Percent => f.write_str("percent"),
            Unit::PercentagePoints => f.write_str("percentage points"),
            Unit::Money(c) => write!(f, "{c}"),
            Unit::Measure(u) => write!(f, "{u}"),
        }
    }
}

/// A figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The whole expression, hedge included ("at least 12").
    pub span: Span,
    pub text: String,
    /// The value in the unit's base (percentage points for basis points,
    /// scale words applied: "5.3 million" = 5 300 000).
    pub value: f64,
    /// Half-width of the rounding the written form implies ("5.3 million":
    /// 50 000).
    pub precision: f64,
    pub unit: Unit,
    pub approx: Approx,
    /// The counted noun after the figure ("people", "households"), lower case.
    pub noun: Option<String>,
    pub sentence: usize,
    /// "Nine of the injured": a part of another count.
    pub partitive: bool,
    /// "Five more bodies": an increment, not a total.
    pub increment: bool,
    /// The sentence presents the figure as a wish, forecast or option.
    pub hedged: bool,
    /// A vote's tally ("voted 5-2"): the votes against; the value is the
    /// votes in favour.
    pub against: Option<f64>,
}

impl Quantity {
    /// The values the expression allows, `(low, high)`, inclusive.
    pub fn interval(&self) -> (f64, f64) {
        interval_in(self.value, self.precision, self.approx, &self.unit)
    }
}

/// The values a hedged figure allows. "About" allows 10% either way:
/// reporters round to one or two significant digits.
pub fn interval(value: f64, precision: f64, approx: Approx) -> (f64, f64) {
    let (lo, hi) = (value - precision, value + precision);
    match approx {
        Approx::Exact => (lo, hi),
        Approx::About => (lo - value.abs() * 0.1, hi + value.abs() * 0.1),
        Approx::AtLeast => (lo, f64::INFINITY),
        Approx::MoreThan => (value, f64::INFINITY),
        Approx::AtMost => (f64::NEG_INFINITY, hi),
        Approx::LessThan => (f64::NEG_INFINITY, value),
        Approx::JustOver => (value, value + last_place(value, precision)),
        Approx::JustUnder => (value - last_place(value, precision), value),
    }
}

/// The place of a figure's last written digit: twice a decimal's rounding
/// ("4.5": 0.1), else the lowest non-zero place of the whole number
/// ("5,000": 1,000; "52": 1).
fn last_place(value: f64, precision: f64) -> f64 {
    if precision > 0.0 {
        return 2.0 * precision;
    }
    let mut place = 1.0;
    let mut v = value.abs().round();
    while v >= 10.0 && v % 10.0 == 0.0 {
        v /= 10.0;
        place *= 10.0;
    }
    place
}

/// [`interval`] of a figure in `unit`. A percentage hedged with "about"
/// allows no more than its last written digit either way: "about 67%" is
/// 66–68%, not 60–74% (a rate is written to the digit it is known to);
/// a round one keeps the tenth ("about 60%": 54–66%).
pub fn interval_in(value: f64, precision: f64, approx: Approx, unit: &Unit) -> (f64, f64) {
    // A whole percentage of twenty or more is a share rounded to the point
    // ("turnout was 48%" of 48.2%); a lower one is more often a rate,
    // written to the digit it is known to ("3%" is not 3.25%, inflation
    // "down from 10 percent" is not 9.6).
    let whole_share = approx == Approx::Exact
        && *unit == Unit::Percent
        && precision == 0.0
        && value >= 20.0
        && value.fract() == 0.0;
    if whole_share {
        return interval(value, 0.5, approx);
    }
    if approx != Approx::About || *unit != Unit::Percent {
        return interval(value, precision, approx);
    }
    let play = (value.abs() * 0.1).min(last_place(value, precision));
    (value - precision - play, value + precision + play)
}

/// The value of a date expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateValue {
    /// A calendar day.
    Day(Day),
    /// The week starting on this Monday ("last week", "this week").
    Week(Day),
    /// A month of a year ("in April", "late January", "next month").
    Month { year: i32, month: u32 },
    /// A year ("in 1998", "next year").
    Year(i32),
    /// A relative expression that could not be resolved (no publication
    /// date): kept as written, lower case ("on monday", "last week").
    Relative(String),
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Week(d) => write!(f, "week of {d}"),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Relative(s) => f.write_str(s),
        }
    }
}

/// A date expression with its weekday and month names capitalised, for
/// display: the facts stage keeps unresolved relative dates lower-cased
/// ("last monday" → "last Monday").
pub fn calendar_case(expr: &str) -> String {
    expr.split(' ')
        .map(|w| {
            let known = lexicon::WEEKDAYS.contains(&w)
                // Full month names only ("may" is one, "mar" and "jun" are not).
                || crosscheck_model::MONTH_NAMES.contains(&w);
            let mut c = w.chars();
            match c.next() {
                Some(f) if known => f.to_uppercase().chain(c).collect(),
                _ => w.to_owned(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

impl DateValue {
    /// Whether two date values can describe the same day: equal days, or a
    /// day inside a month or year given by the other. Unresolved relative
    /// expressions are compatible with the same expression, and one that
    /// names a month ([`DateValue::month_named`]) with dates in that month.
    pub fn compatible(&self, other: &DateValue) -> bool {
        use DateValue::*;
        match (self, other) {
            (Day(a), Day(b)) => a == b,
            (Day(d), Month { year, month }) | (Month { year, month }, Day(d)) => {
                d.year == *year && d.month == *month
            }
            (
                Month {
                    year: y1,
                    month: m1,
                },
                Month {
                    year: y2,
                    month: m2,
                },
            ) => y1 == y2 && m1 == m2,
            (Year(y), Day(d)) | (Day(d), Year(y)) => d.year == *y,
            (Year(y), Month { year, .. }) | (Month { year, .. }, Year(y)) => year == y,
            (Year(a), Year(b)) => a == b,
            // "july" and "last july" may be one month; "july" and "june"
            // are not, nor are "monday" and "tuesday".
            (Relative(a), Relative(b)) => {
                a == b
                    || matches!((self.month_named(), other.month_named()), (Some(x), Some(y)) if x == y)
            }
            (r @ Relative(_), Month { month, .. }) | (Month { month, .. }, r @ Relative(_)) => {
                r.month_named().is_none_or(|m| m == *month)
            }
            (r @ Relative(_), Day(d)) | (Day(d), r @ Relative(_)) => {
                r.month_named().is_none_or(|m| m == d.month)
            }
            // A week runs Monday to Sunday here, but American reports
            // count it from Sunday ("Ostrians who will vote next week",
            // written on a Thursday of the Sunday three days later): the
            // Sunday before is in it too.
            (Week(w), Day(d)) | (Day(d), Week(w)) => (-1..7).contains(&(d.to_days() - w.to_days())),
            (Week(a), Week(b)) => a == b,
            _ => true,
        }
    }

    /// The month an unresolved relative date names ("july", "early july",
    /// "last july" → 7): whatever its year, it is no day of another month.
    pub fn month_named(&self) -> Option<u32> {
        match self {
            // The date reader writes the month last ("19 june", "early
            // july"); a weekday or "last week" names none.
            DateValue::Relative(s) => s
                .split(' ')
                .next_back()
                .and_then(crosscheck_model::month_number),
            _ => None,
        }
    }

    /// Sort key for a timeline: the first day the value covers.
    pub fn sort_key(&self) -> (i32, u32, u32) {
        match self {
            DateValue::Day(d) | DateValue::Week(d) => (d.year, d.month, d.day),
            DateValue::Month { year, month } => (*year, *month, 0),
            DateValue::Year(y) => (*y, 0, 0),
            DateValue::Relative(_) => (i32::MAX, 0, 0),
        }
    }
}

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub text: String,
    pub value: DateValue,
    /// Written relative to the publication date ("on Monday", "last week"),
    /// whether or not it could be resolved.
    pub relative: bool,
    pub sentence: usize,
    /// The sentence presents the date as an expectation or option.
    pub hedged: bool,
}

/// The value of a claim.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimValue {
    /// A figure: value, rounding, hedge and unit.
    Number {
        value: f64,
        precision: f64,
        approx: Approx,
        unit: Unit,
    },
    /// A date.
    Date(DateValue),
}

impl ClaimValue {
    /// Whether two values can both be true of the same thing (overlapping
    /// intervals for figures of the same unit, [`DateValue::compatible`]
    /// for dates). Values of different kinds or units are never compatible.
    pub fn compatible(&self, other: &ClaimValue) -> bool {
        match (self, other) {
            (
                ClaimValue::Number {
                    value: v1,
                    precision: p1,
                    approx: a1,
                    unit: u1,
                },
                ClaimValue::Number {
                    value: v2,
                    precision: p2,
                    approx: a2,
                    unit: u2,
                },
            ) => {
                let (l1, h1) = interval_in(*v1, *p1, *a1, u1);
                let (l2, h2) = interval_in(*v2, *p2, *a2, u2);
                u1 == u2 && l1 <= h2 + 1e-9 && l2 <= h1 + 1e-9
            }
            (ClaimValue::Date(a), ClaimValue::Date(b)) => a.compatible(b),
            _ => false,
        }
    }

    /// A canonical form for grouping equal values: "count:43",
    /// "percentage points:0.5", "date:2026-06-14", "count:>=12".
    pub fn key(&self) -> String {
        match self {
            ClaimValue::Number {
                value,
                approx,
                unit,
                ..
            } => {
                let hedge = match approx {
                    Approx::Exact => "",
                    Approx::About => "~",
                    Approx::AtLeast => ">=",
                    Approx::MoreThan => ">",
                    Approx::AtMost => "<=",
                    Approx::LessThan => "<",
                    Approx::JustOver => ">~",
                    Approx::JustUnder => "<~",
                };
                format!("{unit}:{hedge}{}", format_number(*value))
            }
            ClaimValue::Date(d) => format!("date:{d}"),
        }
    }
}

/// A number without a needless fraction: 43.0 → "43", 0.5 → "0.5".
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// An atomic claim of one article: *subject · attribute = value*.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleClaim {
    /// Index of the sentence.
    pub sentence: usize,
    /// The sentence's span (the claim's citation).
    pub span: Span,
    /// The span of the value expression inside the sentence.
    pub value_span: Span,
    /// What the claim is about ("people injured", "main interest rate").
    pub subject: Option<String>,
    /// Which property of the subject ("count", "level", "date").
    pub attribute: String,
    /// The id of the concept in [`CONCEPTS`] when the claim's measure was
    /// recognised; `None` for figures counted by a plain noun.
    pub concept: Option<&'static str>,
    pub value: ClaimValue,
    /// The value as written ("at least 12", "50 basis points").
    pub value_text: String,
    /// Who the article says made the claim, if anyone.
    pub speaker: Option<String>,
    /// The figure or date is presented as a wish, forecast or option.
    pub hedged: bool,
    /// The sentence, whitespace folded.
    pub text: String,
}

/// Everything the facts stage found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleFacts {
    /// The article id.
    pub article: String,
    /// The publication day used to resolve relative dates, if known.
    pub published: Option<Day>,
    /// A sortable publication time (`YYYY-MM-DDTHH:MM` or `YYYY-MM-DD`), if known.
    pub published_at: Option<String>,
    pub mentions: Vec<Mention>,
    pub statements: Vec<Statement>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub claims: Vec<ArticleClaim>,
}

/// The facts extractor. Stateless apart from its options; cheap to build.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    fallback_published: Option<Day>,
}

impl Extractor {
    /// An extractor with default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Resolve relative dates against this day when an article gives no
    /// publication date of its own (neither metadata nor a removed
    /// "Published ..." byline). Without it such dates stay relative.
    pub fn fallback_published(mut self, day: Option<Day>) -> Self {
        self.fallback_published = day;
        self
    }

    /// Extract the facts of one article.
    pub fn extract(&self, doc: &Document) -> ArticleFacts {
        let (published_at, published) = publication(doc);
        let published = published.or(self.fallback_published);
        let text = &doc.article.text;
        let mut mentions = Vec::new();
        let mut statements = Vec::new();
        let mut quantities = Vec::new();
        let mut dates = Vec::new();
        let mut claims = Vec::new();
        let sentence_tokens: Vec<Vec<Token<'_>>> = doc
            .sentences
            .iter()
            .map(|s| tokenize(s.span.slice(text), s.span.start))
            .collect();
        let capitalised_inside = entities::capitalised_inside(&sentence_tokens);
        let mut quote_state = attribution::QuoteState::default();
        // The latest named speaker, where the speaker was named, and the
        // sentence of the statement (a quotation running on is the
        // speaker's though the name stood sentences before).
        let mut last_speaker: Option<(String, usize, usize)> = None;
        // The sentences' lower-case forms, one buffer for them all.
        let mut lower_buf = String::new();
        for (i, toks) in sentence_tokens.iter().enumerate() {
            let span = doc.sentences[i].span;
            let first_mention = mentions.len();
            let low = token::Lower::new(toks, &mut lower_buf);
            entities::find(text, toks, &low, i, &capitalised_inside, &mut mentions);
            let (found_dates, used) = when::find(text, toks, &low.words, i, published);
            let found_q = numbers::find(text, toks, &low.words, i, &used);
            let mut found_s = attribution::statements_in_sentence(
                text,
                toks,
                &low.words,
                span,
                i,
                &mentions,
                first_mention,
                &mut quote_state,
            );
            // "Varga told reporters … She added that …": a "he" or "she"
            // no mention of a person resolves is the last named speaker
            // (names without a title or context word are not known to be
            // people).
            // A person named before that speaker yields to the speaker too:
            // "The second boat was a Harlow Vane, a ferry. …, Varga said.
            // He did not say who had sailed it" is Varga's, though
            // "Harlow Vane" reads as a person's name and "Varga" alone as
            // nobody's — if the speaker is a name of the article and not
            // known as a body or a place.
            for st in &mut found_s {
                let Some(sp) = st.speaker else { continue };
                if !matches!(sp.slice(text).to_lowercase().as_str(), "he" | "she") {
                    continue;
                }
                let Some((name, at, said_in)) = &last_speaker else {
                    continue;
                };
                let resolved_at = st.speaker_name.as_ref().and_then(|n| {
                    mentions
                        .iter()
                        .rfind(|m| &m.text == n && m.span.end <= sp.start)
                        .map(|m| m.span.start)
                });
                // The speaker as a name the article gives (not "the
                // president", "a U.N. source": those stay with the names).
                let named_by = doc.sentences[*said_in].span.end.max(*at);
                let speaker_kind = mentions
                    .iter()
                    .rfind(|m| &m.text == name && m.span.start <= named_by)
                    .map(|m| (m.kind, m.guessed));
                let a_name = !matches!(
                    speaker_kind,
                    None | Some((EntityKind::Organization | EntityKind::Place, false))
                );
                // A speaker of the sentence before is who "he" goes on
                // about, whoever their statement named: "Holm said
                // Ekvall's plan had failed. He added …" is Holm's.
                // Not when the name "he" resolves to opens its own
                // sentence: "Ekvall — who … — denied it, though he said …".
                let opens_sentence = st.speaker_name.as_ref().is_some_and(|n| {
                    mentions[first_mention..].first().is_some_and(|m| {
                        let lead = text.get(span.start..m.span.start).unwrap_or("x");
                        lead.chars().all(|c| !c.is_alphanumeric())
                            && n.strip_suffix(m.text.as_str())
                                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
                    })
                });
                let just_before = i > 0 && *said_in + 1 == i && !opens_sentence;
                if st.speaker_name.is_none()
                    || ((just_before || resolved_at.is_some_and(|r| r < *at)) && a_name)
                {
                    st.speaker_name = Some(name.clone());
                }
            }
            if let Some(st) = found_s.iter().rev().find(|s| s.speaker_name.is_some()) {
                let at = st.speaker.map_or(st.cue.start, |s| s.start);
                last_speaker = st.speaker_name.clone().map(|n| (n, at, i));
            } else if quote_state.opened_inside_quote() {
                // A quotation running on (the sentence opens inside it):
                // its speaker goes on speaking.
                if let Some(last) = &mut last_speaker {
                    last.2 = i;
                }
            }
            claims::build(
                text,
                span,
                i,
                toks,
                &low,
                &found_q,
                &found_dates,
                &found_s,
                &mentions[first_mention..],
                &mut claims,
            );
            meetings::find(
                text,
                i,
                span,
                toks,
                &low.bare,
                &found_dates,
                &mentions,
                &|at| claims::speaker_of(text, &found_s, span, at),
                &mut claims,
            );
            quantities.extend(found_q);
            dates.extend(found_dates);
            statements.extend(found_s);
        }
        claims::full_names_of_people(&mut claims, &mentions);
        claims::deal_targets_of_article(&mut claims);
        claims::profits_of_article(&mut claims, text, &mentions);
        ArticleFacts {
            article: doc.article.id.clone(),
            published,
            published_at,
            mentions,
            statements,
            quantities,
            dates,
            claims,
        }
    }
}

/// The article's publication time: the `published` metadata, else a
/// "Published 09:14, 3 March 2026" byline the cleaner removed (plain-text
/// articles carry their date only there).
fn publication(doc: &Document) -> (Option<String>, Option<Day>) {
    if let Some(p) = &doc.article.published {
        if let Some(day) = Day::parse_iso(p) {
            let at = if p.len() >= 16 && p.as_bytes()[10] == b'T' {
                p[..16].to_string()
            } else {
                day.to_string()
            };
            return (Some(at), Some(day));
        }
    }
    for r in &doc.article.removed {
        if r.reason != RemovalReason::Byline {
            continue;
        }
        let lower = r.text.to_lowercase();
        if !(lower.contains("published") || lower.contains("updated")) {
            continue;
        }
        let toks = tokenize(&r.text, 0);
        if let Some((DateValue::Day(day), _)) = when::absolute_in(&toks) {
            let time = toks
                .iter()
                .find(|t| t.kind == TokKind::Number && t.text.contains(':'))
                .map(|t| t.text);
            let at = match time {
                Some(t) if t.len() == 5 => format!("{day}T{t}"),
                Some(t) if t.len() == 4 => format!("{day}T0{t}"),
                _ => day.to_string(),
            };
            return (Some(at), Some(day));
        }
    }
    (None, None)
}

/// The text of `span` in `text` (empty if the span is not on character boundaries).
pub(crate) fn span_text(text: &str, span: Span) -> String {
    text.get(span.start..span.end)
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod demo_docs;
#[cfg(test)]
mod tests;
