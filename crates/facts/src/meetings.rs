//! Summits: when the leaders of two countries met.
//!
//! A state visit is a summit. "Chilean President Marta Olave visited Norway
//! in July" and "the June summit of our two countries" tell one event two
//! ways, and reports (or one report, in two places) can date it
//! differently. The dates of other claims are tied to an event word beside
//! them ([`crate::claims`]); a summit also needs to know *whose* summit it
//! is, or every meeting of every pair of countries in a story would be
//! compared. Each summit claim therefore names its two countries, in a
//! fixed order ("summit of Chile and Norway"), and the reconcile stage
//! compares the dates of one pair's summits only, within one year (pairs of
//! leaders meet again in later years).
//!
//! Two ways of telling a summit are read:
//!
//! * the noun "summit" in a sentence that names exactly two countries
//!   (by name, official name, acronym, capital or adjective: "the Russian
//!   Federation", "DPRK", "Chilean", "Oslo"; [`crate::lexicon::COUNTRY_ALIASES`]),
//!   dated by a date in its clause;
//! * a visit by a head of state or government — a person whose title is a
//!   leader's ("President", "Prime Minister", "leader") and names a country
//!   ("Chilean President Marta Olave", or an earlier mention of the same
//!   person in the article) — to another country: "Olave visited Norway",
//!   "Olave had visited Norway's port of Bergen".
//!
//! A summit marked as another one ("a second summit", "their previous
//! summit", "the first visit") is left out: it is known to differ.

use crosscheck_model::Span;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{CAPITALS, COUNTRY_ALIASES, LEADER_TITLES, NOT_LEADER_WORDS};
use crate::token::{TokKind, Token};
use crate::{ArticleClaim, ClaimValue, DateMention, EntityKind, Mention};

/// The id of the summit-date concept ([`crate::claims::CONCEPTS`]).
pub(crate) const CONCEPT: &str = "summit_date";

/// Words before a summit or visit that mark it as another occurrence than
/// the one a report is about.
const OTHER_OCCURRENCE: &[&str] = &[
    "previous", "last", "first", "second", "third", "another", "earlier", "next", "future",
    "planned", "upcoming", "possible", "proposed", "prior",
];

/// Forms of "visit" that tell a visit that happened or happens (not "to
/// visit", a plan).
const VISIT_VERBS: &[&str] = &["visited", "visits", "visiting"];

/// A country named in a sentence: its name as reported and the token it
/// starts at.
#[derive(Debug, Clone, PartialEq)]
struct CountryRef {
    name: &'static str,
    start: usize,
}

/// The summit claims of one sentence, appended to `out`.
///
/// `text` is the article's text, `toks` the sentence's tokens, `lower`
/// their lower-case forms without a possessive (`token::Lower::bare`),
/// `dates` its dates, `mentions` the article's mentions so far (this
/// sentence's last), `speaker_for` the speaker of a span of the sentence
/// (as for other claims).
#[allow(clippy::too_many_arguments)]
pub(crate) fn find(
    text: &str,
    sentence: usize,
    sentence_span: Span,
    toks: &[Token<'_>],
    lower: &[&str],
    dates: &[DateMention],
    mentions: &[Mention],
    speaker_for: &dyn Fn(Span) -> Option<String>,
    out: &mut Vec<ArticleClaim>,
) {
    let tells = |t: &Token<'_>| {
        t.kind == TokKind::Word
            && (t.text.eq_ignore_ascii_case("summit")
                || t.text.eq_ignore_ascii_case("summits")
                || VISIT_VERBS.iter().any(|v| t.text.eq_ignore_ascii_case(v)))
    };
    if dates.is_empty() || !toks.iter().any(tells) {
        return;
    }
    let anchors = summits(toks, lower, sentence, mentions);
    let mut folded = None;
    for (anchor, pair) in anchors {
        if other_occurrence(toks, lower, anchor) {
            continue;
        }
        let Some(d) = date_of(toks, dates, anchor) else {
            continue;
        };
        let value_text = crate::claims::date_value_text(d);
        out.push(ArticleClaim {
            sentence,
            span: sentence_span,
            value_span: d.span,
            subject: Some(format!("summit of {} and {}", pair.0, pair.1)),
            attribute: "date".to_string(),
            concept: Some(CONCEPT),
            value: ClaimValue::Date(d.value.clone()),
            value_text,
            speaker: speaker_for(d.span),
            hedged: d.hedged,
            text: folded
                .get_or_insert_with(|| crosscheck_text::fold_whitespace(sentence_span.slice(text)))
                .clone(),
        });
    }
}

/// Summits told in the sentence: the token of the word telling each
/// ("summit", "visited") and its two countries in alphabetical order.
fn summits(
    toks: &[Token<'_>],
    lower: &[&str],
    sentence: usize,
    mentions: &[Mention],
) -> Vec<(usize, (&'static str, &'static str))> {
    let countries = countries_in(toks, lower);
    let mut out = Vec::new();
    for (i, &w) in lower.iter().enumerate() {
        if toks[i].kind != TokKind::Word {
            continue;
        }
        if w == "summit" || w == "summits" {
            if named_summit(toks, lower, i) {
                continue;
            }
            let mut names: Vec<&'static str> = countries.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            if let [a, b] = names[..] {
                out.push((i, (a, b)));
            }
        } else if VISIT_VERBS.contains(&w) {
            let Some(home) = visitor_country(toks, lower, i, sentence, mentions) else {
                continue;
            };
            // The country visited: named within three words after the verb
            // ("visited Norway", "visited Norway's port of Bergen").
            let Some(host) = countries
                .iter()
                .find(|c| c.start > i && words_between(toks, i + 1, c.start) <= 2)
            else {
                continue;
            };
            if host.name != home {
                let pair = if home < host.name {
                    (home, host.name)
                } else {
                    (host.name, home)
                };
                out.push((i, pair));
            }
        }
    }
    out
}

/// Whether the summit at token `i` is named for a body or a gathering of
/// many countries ("the NATO Madrid summit", "the G20 summit", "an EU
/// summit"): a capitalised word right before it that is neither a country
/// nor part of a date.
fn named_summit(toks: &[Token<'_>], lower: &[&str], i: usize) -> bool {
    (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&k| toks[k].kind != TokKind::Punct)
        .any(|k| {
            let t = &toks[k];
            (t.is_capitalised()
                || t.kind == TokKind::Number && t.text.contains(char::is_alphabetic))
                && k > 0
                && longest_alias(&[lower[k]]).is_none()
                && crosscheck_model::month_number(lower[k]).is_none()
        })
}

/// The country of the leader who visits: the person named just before the
/// verb (past "had", "also" and the like), when a title of theirs — in this
/// mention, or an earlier mention of the same person in the article — is a
/// leader's and names the country ("Chilean President").
fn visitor_country(
    toks: &[Token<'_>],
    lower: &[&str],
    verb: usize,
    sentence: usize,
    mentions: &[Mention],
) -> Option<&'static str> {
    // Up to two lower-case words between the name and the verb ("had",
    // "also", "has now").
    let mut k = verb;
    let mut skipped = 0;
    while k > 0 && toks[k - 1].kind == TokKind::Word && !toks[k - 1].is_capitalised() {
        skipped += 1;
        if skipped > 2 {
            return None;
        }
        k -= 1;
    }
    let name_end = toks.get(k.checked_sub(1)?)?.end;
    let visitor = mentions
        .iter()
        .rev()
        .find(|m| m.sentence == sentence && m.span.end == name_end)?;
    if visitor.kind == EntityKind::Place || visitor.kind == EntityKind::Organization {
        return None;
    }
    let surname = visitor.text.split_whitespace().last()?;
    let surname = crate::fold::strip_possessive(surname);
    let titles = std::iter::once(visitor).chain(mentions.iter().rev().filter(|m| {
        m.text
            .split_whitespace()
            .last()
            .is_some_and(|w| crate::fold::strip_possessive(w) == surname)
    }));
    let mut leader = false;
    for title in titles.filter_map(|m| m.title.as_deref()) {
        match leader_title(title) {
            Some(Some(country)) => return Some(country),
            Some(None) => leader = true,
            None => {}
        }
    }
    if !leader {
        return None;
    }
    // "Chile's President Olave": a country in the possessive before the
    // title, within four words and no punctuation.
    let first = toks.iter().position(|t| t.start >= visitor.span.start)?;
    (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&k| toks[k].kind == TokKind::Word)
        .find(|&k| toks[k].text.ends_with("'s") || toks[k].text.ends_with("\u{2019}s"))
        .and_then(|k| longest_alias(&[lower[k]]))
        .map(|(name, _)| name)
}

/// Whether a title is a leader's ("Chilean President", "Prime Minister of
/// Norway", "leader"): `Some` with the country it names, if any.
fn leader_title(title: &str) -> Option<Option<&'static str>> {
    let lower = title.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.'))
        .filter(|w| !w.is_empty())
        .map(crate::fold::strip_possessive)
        .collect();
    let is_leader = LEADER_TITLES.iter().any(|t| {
        let t: Vec<&str> = t.split(' ').collect();
        words.windows(t.len()).any(|w| w == t.as_slice())
    });
    if !is_leader || words.iter().any(|w| NOT_LEADER_WORDS.contains(w)) {
        return None;
    }
    Some((0..words.len()).find_map(|i| longest_alias(&words[i..]).map(|(name, _)| name)))
}

/// The country whose alias or capital the words start with, longest first,
/// and how many words it takes.
fn longest_alias(words: &[&str]) -> Option<(&'static str, usize)> {
    static ALIASES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let aliases = ALIASES.get_or_init(|| COUNTRY_ALIASES.iter().chain(CAPITALS).copied().collect());
    (1..=words.len().min(7)).rev().find_map(|n| {
        let phrase = words[..n].join(" ");
        aliases.get(phrase.as_str()).map(|name| (*name, n))
    })
}

/// Countries named in the sentence, each at its longest alias ("the
/// Russian Federation" once, not also "Russian"). Only capitalised words
/// start a name ("us" in running text is not read).
fn countries_in(toks: &[Token<'_>], lower: &[&str]) -> Vec<CountryRef> {
    let to = toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < to {
        if !(toks[i].is_capitalised() || toks[i].text.chars().all(|c| c.is_uppercase() || c == '.'))
            || toks[i].kind != TokKind::Word
        {
            i += 1;
            continue;
        }
        // Words from here to the next punctuation other than an apostrophe.
        let run: Vec<&str> = (i..to.min(i + 7))
            .take_while(|&k| toks[k].kind == TokKind::Word)
            .map(|k| lower[k])
            .collect();
        match longest_alias(&run) {
            Some((name, n)) => {
                out.push(CountryRef { name, start: i });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Word tokens between token indices `a` (inclusive) and `b` (exclusive).
fn words_between(toks: &[Token<'_>], a: usize, b: usize) -> usize {
    toks[a.min(b)..b]
        .iter()
        .filter(|t| t.kind != TokKind::Punct)
        .count()
}

/// Whether the summit at `anchor` is marked as another one: one of
/// [`OTHER_OCCURRENCE`] among the three words before it, or an ordinal
/// ("third summit", "2nd visit").
fn other_occurrence(toks: &[Token<'_>], lower: &[&str], anchor: usize) -> bool {
    (anchor.saturating_sub(3)..anchor).any(|k| {
        toks[k].kind != TokKind::Punct
            && (OTHER_OCCURRENCE.contains(&lower[k])
                || lower[k].ends_with("th") && lower[k].starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// The date of the summit told at token `anchor`: a date right before the
/// word ("the March 2025 summit"), else the nearest date in its clause
/// (after it first: "visited Norway in July"), else a date opening the
/// sentence before a comma ("In July, Olave visited Norway").
fn date_of<'d>(
    toks: &[Token<'_>],
    dates: &'d [DateMention],
    anchor: usize,
) -> Option<&'d DateMention> {
    let range = |d: &DateMention| {
        let s = toks
            .iter()
            .position(|t| t.start >= d.span.start)
            .unwrap_or(toks.len());
        let e = toks
            .iter()
            .rposition(|t| t.end <= d.span.end)
            .map_or(s, |e| e + 1);
        (s, e.max(s))
    };
    let boundary = |a: usize, b: usize| {
        toks[a.min(b)..a.max(b)].iter().any(|t| {
            t.kind == TokKind::Punct && matches!(t.text, "," | ";" | ":" | "—" | "–" | "(" | ")")
        }) || toks[a.min(b)..a.max(b)]
            .iter()
            .any(|t| t.kind == TokKind::Word && matches!(t.text, "and" | "but" | "while"))
    };
    // Right before the word, past an article: "the March 2025 summit".
    if let Some(d) = dates.iter().find(|d| range(d).1 == anchor) {
        return Some(d);
    }
    let in_clause = |d: &&DateMention| {
        let (s, e) = range(d);
        if s >= anchor {
            !boundary(anchor, s) && words_between(toks, anchor + 1, s) <= 8
        } else {
            !boundary(e, anchor) && words_between(toks, e, anchor) <= 8
        }
    };
    let after = dates
        .iter()
        .filter(in_clause)
        .filter(|d| range(d).0 > anchor)
        .min_by_key(|d| range(d).0);
    if after.is_some() {
        return after;
    }
    let before = dates
        .iter()
        .filter(in_clause)
        .filter(|d| range(d).1 <= anchor)
        .max_by_key(|d| range(d).1);
    if before.is_some() {
        return before;
    }
    // "In July, …": a date opening the sentence, closed by a comma, with no
    // other event of the sentence between it and the summit.
    dates.iter().find(|d| {
        let (s, e) = range(d);
        s <= 1
            && toks.get(e).is_some_and(|t| t.is_punct(','))
            && e < anchor
            && !toks[e + 1..anchor]
                .iter()
                .any(|t| t.kind == TokKind::Punct && matches!(t.text, ";" | ":" | "—"))
    })
}

/// The country a name is ("the Russian Federation", "DPRK", "Russian"), by
/// its common or official name, acronym or adjective, or its people
/// ("Ostrians": the plural of an adjective); not by its capital.
pub fn country_named(name: &str) -> Option<&'static str> {
    country_by_name(name).or_else(|| {
        let singular = name.strip_suffix('s')?;
        country_by_name(singular).filter(|c| !c.eq_ignore_ascii_case(singular))
    })
}

/// [`country_named`] without plurals.
fn country_by_name(name: &str) -> Option<&'static str> {
    static NAMES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    static LAST_WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    // Asked of every name of a story, and most are no country: those are
    // turned away by their last word before any string is built.
    let last_words = LAST_WORDS.get_or_init(|| {
        COUNTRY_ALIASES
            .iter()
            .filter_map(|(alias, _)| alias.rsplit(' ').next())
            .collect()
    });
    let last = crate::fold::strip_possessive(name.split_whitespace().next_back().unwrap_or(""));
    let mut buf = [0u8; 24];
    let known_last = match buf.get_mut(..last.len()) {
        Some(b) if last.is_ascii() => {
            b.copy_from_slice(last.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).is_ok_and(|w| last_words.contains(w))
        }
        _ => true,
    };
    if !known_last {
        return None;
    }
    let names = NAMES.get_or_init(|| COUNTRY_ALIASES.iter().copied().collect());
    let lower = name.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(crate::fold::strip_possessive)
        .collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    names.get(words.join(" ").as_str()).copied()
}
