//! Clean: remove page junk from already-extracted article text, recording
//! every removed line with its reason.
//!
//! Page junk is whatever a copied or scraped web page carries besides the
//! story: button labels, ad markers, teasers, captions, share and newsletter
//! prompts, link lists, tags, bylines and time stamps, editor's notes, legal
//! boilerplate, the headline and section headings, stray fragments and
//! repeated lines. The cleaner works line by line:
//!
//! 1. normalise the text (line endings, BOM, zero-width characters) and join
//!    hard-wrapped lines of one paragraph;
//! 2. classify each line with the context-free rules of [`rules`] (labels,
//!    prefixes, credit shapes), and mark the run of short link-like lines that
//!    follows a "Most read"/"Related stories" heading;
//! 3. walk the remaining lines in order with what follows them in view, to
//!    find repeated lines, the headline (and a standfirst that repeats the
//!    lead), subheadings and fragments.
//!
//! Precision comes first: a rule that could match a sentence of the story
//! demands the shape of junk (whole-line labels, a colon after a prefix, no
//! sentence punctuation), so uncertain lines are kept.

#![warn(missing_docs)]

mod dateline;
mod rules;

use std::collections::HashSet;

use crosscheck_model::{RemovalReason, Removed};
use rules::Line;

/// A headline has at most this many words.
const MAX_HEADLINE_WORDS: usize = 30;
/// A subheading has at most this many words; an unpunctuated line longer
/// than this is kept as a sentence missing its period.
const MAX_SUBHEADING_WORDS: usize = 12;
/// A fragment has at most this many words.
const MAX_FRAGMENT_WORDS: usize = 3;
/// Items of a link list have at most this many words.
const MAX_LINK_ITEM_WORDS: usize = 20;
/// Share of a standfirst's words found in the next sentence for it to count
/// as a near repeat of the lead.
const STANDFIRST_OVERLAP: f64 = 0.6;

/// The cleaned text and what was taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Kept paragraphs, each on its own, separated by one blank line.
    pub text: String,
    /// The headline, when the text opened with one (the known title when the
    /// first line repeats it).
    pub title: Option<String>,
    /// The publication time read from a removed "Published …" line, as
    /// ISO 8601 (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, no zone).
    pub published: Option<String>,
    /// Every removed line, in input order, with its reason.
    pub removed: Vec<Removed>,
}

/// The junk cleaner. Stateless apart from its options.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    _private: (),
}

impl Cleaner {
    /// A cleaner with the default rules.
    pub fn new() -> Self {
        Self::default()
    }

    /// Clean `text`. `known_title` is the title from metadata, if any: a
    /// first line repeating it is removed as the headline.
    pub fn clean(&self, text: &str, known_title: Option<&str>) -> Cleaned {
        let normalised = normalise(text);
        let lines: Vec<Line> = join_wrapped(&normalised)
            .iter()
            .map(|l| Line::new(l))
            .collect();
        let mut reasons: Vec<Option<RemovalReason>> = lines.iter().map(rules::classify).collect();
        mark_link_lists(&lines, &mut reasons);
        let title = classify_in_context(&lines, &mut reasons, known_title);

        let mut kept: Vec<&str> = Vec::new();
        let mut removed = Vec::new();
        for (line, reason) in lines.iter().zip(&reasons) {
            match reason {
                Some(reason) => removed.push(Removed {
                    text: line.text.clone(),
                    reason: *reason,
                }),
                None => kept.push(&line.text),
            }
        }
        let published = removed
            .iter()
            .filter(|r| r.reason == RemovalReason::Byline)
            .find_map(|r| dateline::published(&r.text));
        Cleaned {
            text: kept.join("\n\n"),
            title,
            published,
            removed,
        }
    }
}

/// Unify line endings to `\n` and drop a byte-order mark and zero-width
/// characters (which would otherwise defeat label matching).
fn normalise(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}'
            )
        })
        .collect()
}

/// Non-blank lines, with hard-wrapped prose joined: a line of six or more
/// words that does not end a sentence and is not junk itself continues on
/// the next line (when no blank line separates them) if that line starts in
/// lower case or the first ends with a word such as "the" or "of".
fn join_wrapped(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut can_continue = false;
    for raw in text.split('\n') {
        let line = raw.trim();
        if line.is_empty() {
            can_continue = false;
            continue;
        }
        let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
        let runs_on = out
            .last()
            .is_some_and(|l| rules::ends_with_continuation_word(&Line::new(l)));
        if can_continue && (starts_lower || runs_on) {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            out.push(line.to_string());
        }
        let current = Line::new(out.last().map(String::as_str).unwrap_or(""));
        can_continue =
            current.words >= 6 && !current.terminal && rules::classify(&current).is_none();
    }
    out
}

/// Mark the run of short link-like lines after each link-list heading as
/// [`RemovalReason::LinkList`], up to the first real paragraph.
fn mark_link_lists(lines: &[Line], reasons: &mut [Option<RemovalReason>]) {
    let mut in_list = false;
    for (line, reason) in lines.iter().zip(reasons.iter_mut()) {
        if rules::is_link_list_heading(line) {
            in_list = true;
            continue;
        }
        if !in_list {
            continue;
        }
        let link_like = (!line.terminal && line.words <= MAX_LINK_ITEM_WORDS)
            || (line.words <= 15 && (line.text.ends_with('?') || line.text.ends_with('!')));
        if reason.is_some() {
            continue; // junk of its own kind inside the list (a time stamp)
        }
        if link_like {
            *reason = Some(RemovalReason::LinkList);
        } else {
            in_list = false;
        }
    }
}

/// Fold a line for comparison: lower case, straight quotes, single spaces.
fn fold(text: &str) -> String {
    Line::new(text).folded
}

/// Second pass over the lines not yet removed: repeated lines, the headline
/// and standfirst, subheadings and fragments. Returns the title.
fn classify_in_context(
    lines: &[Line],
    reasons: &mut [Option<RemovalReason>],
    known_title: Option<&str>,
) -> Option<String> {
    use RemovalReason::*;
    let known_title = known_title.map(str::trim).filter(|t| !t.is_empty());
    let candidates: Vec<usize> = (0..lines.len()).filter(|&i| reasons[i].is_none()).collect();
    // Headings and fragments only exist around prose. Text without a single
    // sentence-like line (a table, a terse wire brief) is all content.
    let has_prose = candidates.iter().any(|&i| is_paragraph(&lines[i]));
    let mut seen: HashSet<String> = HashSet::new();
    let mut title = None;
    let mut body_started = false;
    for (pos, &i) in candidates.iter().enumerate() {
        let line = &lines[i];
        let next = candidates.get(pos + 1).map(|&j| &lines[j]);
        let folded = line.folded.clone();
        let first = pos == 0;

        if first {
            if let Some(known) = known_title {
                if fold(known) == folded {
                    reasons[i] = Some(Headline);
                    title = Some(known.to_string());
                    seen.insert(folded);
                    continue;
                }
            }
        }
        if seen.contains(&folded) {
            reasons[i] = Some(Repeated);
            continue;
        }
        if first && has_prose && next.is_some() && is_headline_shaped(line) {
            reasons[i] = Some(Headline);
            title = Some(known_title.map_or_else(|| line.text.clone(), str::to_string));
            seen.insert(folded);
            continue;
        }
        if !body_started && title.is_some() && !line.terminal && line.words <= 60 {
            if let Some(next) = next {
                if near_repeat(line, next) {
                    reasons[i] = Some(Headline);
                    seen.insert(folded);
                    continue;
                }
            }
        }
        if !has_prose {
            seen.insert(folded);
            continue;
        }
        if !line.terminal && !line.ends_open() && !line.is_bullet() {
            let heading = next.is_some_and(is_paragraph);
            if heading && line.words <= MAX_SUBHEADING_WORDS && !reads_as_sentence(line) {
                reasons[i] = Some(Subheading);
                continue;
            }
            if !heading && line.words <= MAX_FRAGMENT_WORDS {
                reasons[i] = Some(Fragment);
                continue;
            }
        }
        if line.words <= MAX_FRAGMENT_WORDS && !line.has_letters() && !line.terminal {
            reasons[i] = Some(Fragment);
            continue;
        }
        body_started = true;
        seen.insert(folded);
    }
    title
}

/// Past-tense reporting and auxiliary verbs: common in sentences, rare in
/// headline-style headings (which use the present tense: "Minister says …").
const SENTENCE_VERBS: &[&str] = &[
    "said", "told", "had", "was", "were", "would", "been", "could", "should", "did",
];

/// Whether an unpunctuated line of seven or more words reads like a sentence
/// that lost its period, judged by its verbs.
fn reads_as_sentence(line: &Line) -> bool {
    line.words >= 7 && line.key.split(' ').any(|w| SENTENCE_VERBS.contains(&w))
}

/// A headline: no sentence punctuation, not too long, not running on.
fn is_headline_shaped(line: &Line) -> bool {
    !line.terminal && !line.ends_open() && line.words <= MAX_HEADLINE_WORDS && line.has_letters()
}

/// A real paragraph: ends a sentence, or is too long to be a heading.
fn is_paragraph(line: &Line) -> bool {
    line.terminal || line.words > MAX_SUBHEADING_WORDS
}

/// Whether most words of `line` appear in the opening of `next` (a
/// standfirst that restates the lead sentence).
fn near_repeat(line: &Line, next: &Line) -> bool {
    let words: Vec<&str> = line.key.split(' ').collect();
    if words.len() < 4 {
        return false;
    }
    let window: HashSet<&str> = next.key.split(' ').take(words.len() * 2 + 10).collect();
    let shared = words.iter().filter(|w| window.contains(*w)).count();
    shared as f64 / words.len() as f64 >= STANDFIRST_OVERLAP
}

#[cfg(test)]
mod tests;
