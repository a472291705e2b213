//! Attribution: who said what.
//!
//! An attribution links a **source** (the speaker or holder of a view), a
//! **cue** (the words that report: "said", "according to", "voted for", a
//! colon) and a **content** (what is attributed, quoted or paraphrased).
//! Statements are found in two layers:
//!
//! 1. hand-written rules (below), precise but blind to the long tail of
//!    cues;
//! 2. the trained sequence tagger of [`crate::tagger`], which labels every
//!    token as source, cue, content or nothing, reading the rules' spans as
//!    features among many others. Its labels are turned into statements by
//!    [`decode`]: each content span goes to the nearest cue of the
//!    sentence, each cue takes the nearest source, a content that runs on
//!    from the previous sentence continues that sentence's statement.
//!    Where the tagger finds nothing in a sentence, the rules' statements
//!    stand. Speakers are resolved to the article's names as before;
//! 3. the source ranker of [`sources`], which gives each cue its source
//!    by scoring whole candidate phrases (and "no source") rather than
//!    taking the nearest run of source labels;
//! 4. attributions told by layout ([`layout`]): transcript and headline
//!    speaker labels ("STROM: ..."), a dash signing a quotation.
//!
//! The rules, over tokens, the way English news reports speech:
//!
//! * `SOURCE CUE [that] CONTENT` — "Mayor Corin Ashdown said buses had been sent ...";
//! * `CONTENT, SOURCE CUE.` — "..., emergency officials said.";
//! * `CONTENT, CUE SOURCE.` — "..., said Haldis Brennock, 58.";
//! * `according to SOURCE, CONTENT` and `CONTENT, according to SOURCE`;
//! * quotations: `“QUOTE,” SOURCE CUE ...` (curly, straight or newswire
//!   `''` marks) and a following all-quote sentence continuing the same
//!   speaker;
//! * `SOURCE STANCE-VERB OBJECT` — "critics blasted the plan", "polls show
//!   ...", "he wants ...": verbs of stance, support and belief count right
//!   after their subject, with the rest of the clause as content;
//! * relative and coordinated speakers: "voters who said ...", "... and
//!   said ...", "..., saying ..." take the clause's speaker.

use std::sync::OnceLock;

use crosscheck_model::Span;

use crate::lexicon::{CUES_WITH_OBJECT, CUE_PHRASES, CUE_WORDS, SPEAKER_PRONOUNS};
use crate::tagger;
use crate::token::{tokenize, Lower, TokKind, Token};
use crate::{EntityKind, Mention, Statement};

mod layout;
pub mod sources;

/// Carries a quotation's speaker to the next sentence.
#[derive(Debug, Default, Clone)]
pub struct QuoteState {
    /// Speaker span and name of the last direct quotation, if the previous
    /// sentence ended in one (the rules' own continuation).
    last: Option<(Option<Span>, Option<String>, usize)>,
    /// Speaker span and name of the tagger's last statement, if its content
    /// ran to the end of its sentence, that sentence's index, and whether
    /// only a quotation may go on with it (the statement was a quotation
    /// its source and cue closed: "“…,” the envoy said.").
    tagged_last: Option<(Option<Span>, Option<String>, usize, bool)>,
    /// Whether a quotation is open at the end of the previous sentence.
    open_quote: bool,
    /// Whether one was open at the start of the sentence being read.
    open_at_start: bool,
    /// Index of the last sentence in which the rules found a statement.
    rules_last: Option<usize>,
    /// A content span the tagger found with no cue in its sentence, running
    /// to that sentence's end, whether it is quoted, and the sentence's
    /// index: the cue and source may follow in the next sentence
    /// ("“… right?” Trump said.").
    orphan: Option<(Span, bool, usize)>,
    /// The quotation closing the previous sentence and that sentence's
    /// index, for a dash signing it at the start of the next.
    last_quotation: Option<(Span, usize)>,
    /// The speaker span and name of a transcript turn ("STROM: ...") and
    /// where its paragraph ends: the turn's later sentences are the same
    /// speaker's.
    turn: Option<(Span, Option<String>, usize)>,
}

impl QuoteState {
    /// Whether the sentence last read opened inside a quotation (one that
    /// ran on from a sentence before).
    pub(crate) fn opened_inside_quote(&self) -> bool {
        self.open_at_start
    }
}

fn is_open_quote(t: &Token<'_>) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "“" | "\"" | "‘" | "''" | "``")
}
fn is_close_quote(t: &Token<'_>) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "”" | "\"" | "’" | "''")
}

/// Quoted regions of a sentence as token index ranges `(open, close)`,
/// inclusive of the quote marks. An unclosed quote runs to the end.
fn quote_regions(toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        match open {
            None if matches!(t.text, "“" | "\"" | "''" | "``") => open = Some(i),
            Some(o)
                if t.text == "”"
                    || (t.text == "\"" && toks[o].text == "\"")
                    || (t.text == "''" && matches!(toks[o].text, "''" | "``")) =>
            {
                out.push((o, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, toks.len().saturating_sub(1)));
    }
    out
}

/// Words that end a noun phrase when scanning for a speaker.
fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "because"
            | "when"
            | "while"
            | "if"
            | "as"
            | "than"
            | "so"
            | "said"
            | "says"
            | "told"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "where"
            | "what"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "not"
            | "to"
            | "in"
            | "on"
            | "with"
            | "by"
            | "from"
            | "into"
            | "about"
            | "over"
            | "under"
            | "against"
            | "also"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "then"
            | "later"
            | "yesterday"
            | "today"
            | "there"
            | "here"
    ) || is_cue_word(w)
}

/// Whether `w` (lower case) is one of [`CUE_WORDS`] (a hash lookup: this
/// runs for every word of every sentence).
fn is_cue_word(w: &str) -> bool {
    static SET: OnceLock<tagger::FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| CUE_WORDS.iter().copied().collect())
        .contains(w)
}

/// Adverbs and auxiliaries allowed between a speaker and the cue ("has
/// also said", "later told").
fn skippable_before_cue(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && !matches!(w, "family" | "ally" | "rally" | "italy"))
        || matches!(
            w,
            "now"
                | "still"
                | "too"
                | "even"
                | "long"
                | "first"
                | "originally"
                | "all"
                | "both"
                | "never"
                | "always"
                | "frequently"
                | "just"
                | "also"
                | "later"
                | "previously"
                | "has"
                | "had"
                | "have"
                | "was"
                | "is"
                | "would"
                | "will"
                | "did"
                | "recently"
                | "then"
                | "further"
                | "again"
                | "repeatedly"
                | "publicly"
                | "once"
                | "privately"
                | "separately"
                | "earlier"
                | "often"
                | "already"
                | "reportedly"
                | "himself"
                | "herself"
                | "themselves"
                | "quickly"
        )
}

/// Speech verbs: a cue on their own. Every other cue word (belief, finding,
/// "-ing" forms) needs a named or pronoun speaker and content opening with
/// "that" or a quotation, because such words are far more often not
/// reporting anything ("is expected to", "found no gases").
const STRONG_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "announced",
    "confirmed",
    "confirms",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "warned",
    "warns",
    "noted",
    "explained",
    "wrote",
    "writes",
    "asked",
    "declared",
    "acknowledged",
    "admitted",
    "argued",
    "argues",
    "according",
    "denied",
    "testified",
    "tweeted",
    "stressed",
    "replied",
    "responded",
    "conceded",
    "alleged",
    "maintained",
    "vowed",
    "pledged",
    "promised",
    "urged",
    "recalled",
    "reiterated",
    "estimated",
    "predicted",
    "suggested",
    "reported",
    "reports",
    "complained",
    "described",
    "countered",
    "emphasized",
    "emphasised",
    "cautioned",
    "pointed",
    "remarked",
    "commented",
    "revealed",
    "disclosed",
    "assured",
    "continued",
    "accused",
    "praised",
    "criticized",
    "criticised",
    "endorsed",
    "defended",
    "called",
    "calls",
];

/// Participles that report speech after a comma ("..., saying the plan
/// had failed"): their speaker is the subject of the clause.
const PARTICIPLE_CUES: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "arguing",
    "calling",
    "noting",
    "warning",
    "insisting",
    "claiming",
    "suggesting",
    "explaining",
    "asking",
    "accusing",
    "describing",
    "urging",
];

/// Cues that can follow the content with the speaker after them ("...,
/// said Haldis Brennock").
const INVERTING_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "asked",
    "wrote",
    "continued",
    "explained",
    "recalled",
    "insisted",
    "warned",
];

/// Verbs of stance, support, perception, intent and finding ("endorsed",
/// "polls show", "he wants", "critics attacked"), in their base form; their
/// inflections are generated by [`verb_forms`]. They count as cues only
/// right after their subject, with their object as the content. Verbs that
/// more often do something else in news text ("campaign", "plan", "sign")
/// are left out.
const STANCE_VERBS: &[&str] = &[
    "support",
    "show",
    "endorse",
    "want",
    "see",
    "decline",
    "cite",
    "defend",
    "propose",
    "oppose",
    "seek",
    "argue",
    "refuse",
    "offer",
    "suggest",
    "back",
    "discuss",
    "mention",
    "hope",
    "denounce",
    "decide",
    "express",
    "dismiss",
    "blame",
    "insist",
    "promise",
    "fear",
    "blast",
    "criticize",
    "criticise",
    "acknowledge",
    "echo",
    "explain",
    "mock",
    "worry",
    "agree",
    "urge",
    "predict",
    "praise",
    "reject",
    "accuse",
    "slam",
    "condemn",
    "applaud",
    "welcome",
    "tout",
    "celebrate",
    "lament",
    "concede",
    "deny",
    "doubt",
    "dispute",
    "describe",
    "recall",
    "assert",
    "contend",
    "reveal",
    "prefer",
    "favor",
    "favour",
    "recommend",
    "believe",
    "think",
    "know",
    "ask",
    "demand",
    "call",
    "label",
    "dub",
    "characterize",
    "portray",
    "refer",
    "reply",
    "vow",
    "threaten",
    "announce",
    "declare",
    "confirm",
    "claim",
    "testify",
    "tweet",
    "write",
    "note",
    "emphasize",
    "stress",
    "highlight",
    "imply",
    "indicate",
    "conclude",
    "report",
    "find",
    "learn",
    "realize",
    "recognize",
    "admit",
    "regret",
    "apologize",
    "complain",
    "joke",
    "boast",
    "brag",
    "quip",
    "muse",
    "wonder",
    "anticipate",
    "advocate",
    "embrace",
    "veto",
    "warn",
    "caution",
    "advise",
    "tell",
    "inform",
    "remind",
    "assure",
    "convince",
    "persuade",
    "reassure",
    "disavow",
    "disagree",
    "object",
    "pan",
    "rip",
    "bash",
    "knock",
    "chide",
    "scold",
    "rebuke",
    "fault",
    "hail",
    "laud",
    "commend",
    "congratulate",
    "compliment",
    "justify",
];

/// Base forms that are far more often a noun or an infinitive than a
/// finite verb ("their support", "a show", "calls for a call").
const STANCE_NOT_BASE: &[&str] = &[
    "support", "want", "back", "call", "offer", "endorse", "seek", "promise", "report", "object",
    "knock", "welcome", "pan", "rip", "doubt", "fear", "hail", "echo", "favor", "dispute",
];

/// Irregular past forms of [`STANCE_VERBS`].
const IRREGULAR_PAST: &[(&str, &[&str])] = &[
    ("see", &["saw", "seen", "sees", "seeing"]),
    ("think", &["thought"]),
    ("know", &["knew", "known"]),
    ("find", &["found"]),
    ("write", &["wrote", "written"]),
    ("tell", &["told"]),
    ("seek", &["sought"]),
    ("learn", &["learnt"]),
];

/// The inflections of a regular English verb: base, third person, past and
/// "-ing" form ("praise": praises, praised, praising; "slam": slammed).
fn verb_forms(base: &str) -> Vec<String> {
    let b = base.as_bytes();
    let last = *b.last().unwrap_or(&b'a');
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let cvc = b.len() >= 3
        && b.len() <= 4
        && !vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && vowel(b[b.len() - 2])
        && !vowel(b[b.len() - 3]);
    let doubled = cvc || matches!(base, "admit" | "regret" | "compel" | "veto");
    let stem = if base.ends_with('e') && !base.ends_with("ee") {
        &base[..base.len() - 1]
    } else {
        base
    };
    let third = if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        format!("{base}es")
    } else if base.ends_with('y') && !vowel(b[b.len() - 2]) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if base.ends_with('y') && !vowel(b[b.len() - 2]) {
        format!("{}ied", &base[..base.len() - 1])
    } else if doubled && base != "veto" {
        format!("{base}{}ed", last as char)
    } else {
        format!("{base}ed")
    };
    let ing = if doubled && base != "veto" {
        format!("{base}{}ing", last as char)
    } else {
        format!("{stem}ing")
    };
    let mut v = vec![third, past, ing];
    if !STANCE_NOT_BASE.contains(&base) {
        v.push(base.to_string());
    }
    if let Some((_, irr)) = IRREGULAR_PAST.iter().find(|(k, _)| *k == base) {
        v.extend(irr.iter().map(|s| s.to_string()));
    }
    v
}

fn stance_forms() -> &'static tagger::FastSet<String> {
    static FORMS: OnceLock<tagger::FastSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| STANCE_VERBS.iter().flat_map(|b| verb_forms(b)).collect())
}

/// Every word [`is_stance`] accepts (for the tagger's lexicon features).
pub(crate) fn stance_vocabulary() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = stance_forms()
        .iter()
        .map(String::as_str)
        .filter(|w| is_stance(w))
        .collect();
    v.sort_unstable();
    v
}

/// Whether a lower-case word is an inflection of a [`STANCE_VERBS`] verb.
fn is_stance(w: &str) -> bool {
    stance_forms().contains(w)
        && !UNRELIABLE_CUES.contains(&w)
        && !matches!(
            w,
            "saw"
                | "seen"
                | "known"
                | "find"
                | "showing"
                | "writing"
                | "written"
                | "reporting"
                | "thinking"
                | "celebrating"
                | "celebrated"
                | "favored"
                | "favors"
                | "tweet"
        )
}

/// A cue at token `i`: its length in tokens.
fn cue_at(lows: &[&str], i: usize) -> Option<usize> {
    for phrase in CUE_PHRASES {
        if phrase
            .iter()
            .enumerate()
            .all(|(k, w)| lows.get(i + k).is_some_and(|x| x == w))
        {
            return Some(phrase.len());
        }
    }
    let w = lows[i];
    (is_cue_word(w) && !UNRELIABLE_CUES.contains(&w)).then_some(1)
}

/// Cue words that, in news text, far more often do something else ("the
/// United States", "pledged delegates", "is expected", "he knew"): measured
/// on the PolNeAR train split, fewer than two in five of their uses report
/// anything.
const UNRELIABLE_CUES: &[&str] = &[
    "states",
    "pledged",
    "thought",
    "believed",
    "maintained",
    "maintains",
    "heard",
    "expects",
    "expected",
    "understands",
    "understand",
    "warning",
    "fears",
    "feared",
    "demanded",
    "demands",
    "alleged",
    "knew",
    "estimated",
    "agrees",
];

/// Noun phrase ending just before token `end` (exclusive), scanning left:
/// token range, or `None` if empty.
fn np_left(toks: &[Token<'_>], lows: &[&str], end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    let mut n = 0;
    while s > 0 && n < 9 {
        let t = &toks[s - 1];
        let w = lows[s - 1];
        let ok = match t.kind {
            TokKind::Word => !np_stop(w) || (w == "for" || w == "of" || w == "at"),
            TokKind::Number => true,
            TokKind::Punct => matches!(t.text, "’" | "'" | "."),
        };
        if !ok {
            break;
        }
        s -= 1;
        n += 1;
    }
    // Do not start or end on a preposition, nor on a sentence adverb or a
    // day ("Now Jeb Bush", "Saturday Sanders").
    while s < end
        && (matches!(lows[s], "for" | "of" | "at" | "." | "-")
            || (s + 1 < end && NOT_SPEAKER_START.contains(&lows[s])))
    {
        s += 1;
    }
    (s < end).then_some((s, end))
}

/// Words that open a sentence but never a speaker's name.
const NOT_SPEAKER_START: &[&str] = &[
    "now",
    "but",
    "and",
    "so",
    "yet",
    "still",
    "then",
    "meanwhile",
    "also",
    "however",
    "instead",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "regardless",
    "why",
    "how",
    "when",
];

/// Noun phrase starting at `start`, scanning right, for inverted speakers
/// ("said Haldis Brennock, 58") and "according to X".
fn np_right(toks: &[Token<'_>], lows: &[&str], start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    let mut n = 0;
    while e < toks.len() && n < 10 {
        let t = &toks[e];
        let w = lows[e];
        let ok = match t.kind {
            TokKind::Word => !np_stop(w) || (e > start && matches!(w, "for" | "of" | "at")),
            TokKind::Number => e > start,
            // The full stop of a title or an initial inside a name ("Rep.
            // Mira Holm", "Jonas K. Ekvall").
            TokKind::Punct => {
                matches!(t.text, "-" | "’" | "'")
                    || (t.text == "."
                        && e > start
                        && is_name_abbreviation(toks[e - 1].text)
                        && toks.get(e + 1).is_some_and(Token::is_capitalised))
            }
        };
        if !ok {
            break;
        }
        e += 1;
        n += 1;
    }
    while e > start && matches!(lows[e - 1], "for" | "of" | "at" | "-") {
        e -= 1;
    }
    (e > start).then_some((start, e))
}

/// Whether `w` (before a full stop) is a title's abbreviation or an
/// initial, which a name goes on after ("Sen.", "Gov.", "J.").
fn is_name_abbreviation(w: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr", "mrs", "ms", "dr", "rep", "sen", "gov", "gen", "lt", "col", "sgt", "capt", "prof",
        "rev", "pres", "adm", "maj", "cmdr",
    ];
    crate::entities::is_initial_letter(w) || TITLES.iter().any(|t| w.eq_ignore_ascii_case(t))
}

/// An inverted speaker followed by an apposition to the end of the sentence
/// ("said Jon Doggett, executive vice president of the association."):
/// the whole description is the speaker.
fn extend_apposition(toks: &[Token<'_>], (s, e): (usize, usize)) -> (usize, usize) {
    if !toks.get(e).is_some_and(|t| t.is_punct(',')) {
        return (s, e);
    }
    let mut end = e;
    for (k, t) in toks.iter().enumerate().skip(e + 1) {
        if is_open_quote(t) || is_close_quote(t) || t.is_punct(';') || t.is_punct(':') {
            return (s, e);
        }
        end = k + 1;
    }
    match trim_content(toks, s, end) {
        Some((a, b)) if b - a <= 40 => (a, b),
        _ => (s, e),
    }
}

/// Span between token indices (inclusive start, exclusive end).
fn tspan(toks: &[Token<'_>], s: usize, e: usize) -> Span {
    Span::new(toks[s].start, toks[e - 1].end)
}

/// Trim final sentence punctuation and surrounding commas from a content range.
fn trim_content(toks: &[Token<'_>], mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    while e > s
        && toks[e - 1].kind == TokKind::Punct
        && matches!(toks[e - 1].text, "." | "," | ";" | ":" | "—" | "–")
    {
        e -= 1;
    }
    while s < e && toks[s].kind == TokKind::Punct && matches!(toks[s].text, "," | ":" | "—" | "–")
    {
        s += 1;
    }
    (e > s).then_some((s, e))
}

/// Resolve a speaker phrase to a name: a mention inside it, else for a
/// pronoun or a common noun ("the agency") the latest fitting mention.
fn resolve(
    text: &str,
    span: Span,
    mentions: &[Mention],
    first_in_sentence: usize,
) -> Option<String> {
    // A person named in the phrase ("Orsolya Pränk, chief economist at
    // Harlow Vane Securities"), else a name that is the phrase's head (not
    // "Haletsky’s office").
    let inside: Vec<&Mention> = mentions[first_in_sentence..]
        .iter()
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .collect();
    // A name after a preposition is not the speaker but what the speaker
    // is of, or who they spoke to: "the Ostrian embassy in Varn",
    // "an aide to Mira Holm", "Speaking to Strom and …, Varga urged".
    let after_preposition = |m: &Mention| {
        let before = text.get(span.start..m.span.start).unwrap_or("");
        // "Minister of Finance Ana Lind": the "of" is the title's; what
        // comes before the title still counts ("chief of President …").
        let before = m
            .title
            .as_deref()
            .and_then(|t| before.trim_end().strip_suffix(t))
            .unwrap_or(before);
        let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        words.iter().take(2).any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "in" | "of" | "at" | "for" | "from" | "to" | "with" | "on" | "near" | "by"
            )
        }) || (words.first().is_some_and(|w| w.eq_ignore_ascii_case("and"))
            && words.iter().skip(1).any(|w| w.eq_ignore_ascii_case("to")))
    };
    // "The Ostrian government on Monday said …": a time after the name is not
    // part of the speaker.
    let only_time = |rest: &str| {
        rest.split_whitespace().all(|w| {
            let w = w.trim_matches(',').to_lowercase();
            crate::lexicon::WEEKDAYS.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "on" | "late"
                        | "early"
                        | "last"
                        | "this"
                        | "earlier"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                )
        })
    };
    // Names joined by "and" (or commas) speak together: "Ostria and
    // Tarvenia have not admitted …" is said by both, not by the last.
    if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
        let lead = text.get(span.start..first.span.start).unwrap_or("x").trim();
        let joined = inside.len() >= 2
            && inside.windows(2).all(|w| {
                let between = text.get(w[0].span.end..w[1].span.start).unwrap_or("x");
                matches!(between.trim(), "and" | "," | ", and")
            });
        let tail = text.get(last.span.end..span.end).unwrap_or("x");
        if joined
            && (lead.is_empty() || lead.eq_ignore_ascii_case("both"))
            && only_time(tail)
            && !inside.iter().any(|m| after_preposition(m))
        {
            return text
                .get(first.span.start..last.span.end)
                .map(str::to_string);
        }
    }
    // A person named inside a relative clause of the phrase is not the one
    // the phrase names: "Mira Holm of Tarvik, whose son, Arlo Holm, …".
    let in_relative_clause = |m: &Mention| {
        let before = text.get(span.start..m.span.start).unwrap_or("");
        [", whose ", ", who ", ", whom "]
            .iter()
            .any(|r| before.contains(r))
    };
    // A person owning what the phrase names ("Prime Minister Halvard
    // Strøm's office") is not the speaker.
    let owner = |m: &Mention| {
        let rest = text.get(m.span.end..span.end).unwrap_or("");
        (rest.starts_with("'s ") || rest.starts_with("’s "))
            && rest[rest.find(' ').unwrap_or(0)..]
                .trim_start()
                .starts_with(char::is_lowercase)
    };
    // Of several people, the last one not after a preposition (nor an
    // owner): the one the cue follows. People named only after one ("an
    // aide to Mira Holm") leave the phrase as written.
    if let Some(m) = inside
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .rfind(|m| !after_preposition(m) && !in_relative_clause(m) && !owner(m))
    {
        return Some(m.text.clone());
    }
    if let Some(m) = inside.iter().find(|m| {
        let rest = text.get(m.span.end..span.end).unwrap_or("");
        (only_time(rest) || rest.starts_with(" (")) && !after_preposition(m)
    }) {
        return Some(m.text.clone());
    }
    if let Some(name) = described_in_article(text, span, mentions, &inside) {
        return Some(name);
    }
    // A name that opens the phrase and is placed by what follows ("The
    // Harlow Vane Institute in Tarvik, Mass.", "Varga of the Tourism
    // Board"): the name.
    if let Some(m) = inside.first() {
        let lead = text.get(span.start..m.span.start).unwrap_or("x").trim();
        let rest = text.get(m.span.end..span.end).unwrap_or("");
        // "of" only after a surname with nothing before it ("the Star of
        // Varn" is a newspaper's whole name).
        let surname_of = lead.is_empty() && !m.text.contains(' ') && rest.starts_with(" of ");
        if (lead.is_empty() || lead.eq_ignore_ascii_case("the"))
            && (rest.starts_with(" in ") || rest.starts_with(" at ") || surname_of)
        {
            return Some(m.text.clone());
        }
    }
    if !inside.is_empty() {
        return text.get(span.start..span.end).map(str::to_string);
    }
    let phrase = text.get(span.start..span.end)?.to_lowercase();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let head = *words.last()?;
    let mut before = mentions.iter().filter(|m| m.span.end <= span.start);
    if words.len() == 1 && SPEAKER_PRONOUNS.contains(&head) {
        let want = match head {
            "he" | "she" => Some(EntityKind::Person),
            "it" => Some(EntityKind::Organization),
            _ => None,
        };
        let want = want?;
        return before.rfind(|m| m.kind == want).map(|m| m.text.clone());
    }
    // "the company", "the agency", "the bank": the latest organisation
    // whose name ends in that word, else the latest organisation. Public
    // bodies are called agency, service or bureau alike ("the spy service
    // … The agency said"), so for these the latest body named with any of
    // the three is meant, not an older one that happens to end in the very
    // word (a news agency named paragraphs before).
    // "the mayor's office" is the office of someone named by a common
    // noun, no organisation of the article.
    let someones = words[..words.len() - 1]
        .iter()
        .any(|w| w.ends_with("'s") || w.ends_with("’s"));
    if words.len() <= 3 && matches!(words[0], "the" | "its" | "their") && !someones {
        let orgs: Vec<&Mention> = before
            .filter(|m| m.kind == EntityKind::Organization)
            .collect();
        let single = [head];
        let heads: &[&str] = if BODY_WORDS.contains(&head) {
            BODY_WORDS
        } else {
            &single
        };
        // The head may open the name too ("the ministry": the Ministry of
        // Finance). Any latest body stands for the bare word alone: "the
        // finance ministry" is no statistics office.
        if let Some(m) = orgs
            .iter()
            .rev()
            .find(|m| {
                let name = m.text.to_lowercase();
                heads.iter().any(|h| {
                    name.ends_with(h)
                        || name
                            .strip_prefix(h)
                            .is_some_and(|rest| rest.starts_with(" of "))
                })
            })
            .or(orgs.last().filter(|_| {
                // A modifier the body's name need not hold may stand
                // before the word ("the British company"), not one that
                // names its field ("the finance ministry").
                (words.len() == 2 || !word_in_lower_case(text, span, 1))
                    && matches!(
                        head,
                        "company"
                            | "agency"
                            | "firm"
                            | "group"
                            | "ministry"
                            | "board"
                            | "bank"
                            | "club"
                            | "union"
                            | "office"
                            | "trust"
                            | "department"
                            | "service"
                    )
            }))
        {
            return Some(m.text.clone());
        }
    }
    None
}

/// Whether word `k` (0 = the first) of the phrase at `span` is written in
/// lower case.
fn word_in_lower_case(text: &str, span: Span, k: usize) -> bool {
    text.get(span.start..span.end)
        .and_then(|p| p.split_whitespace().nth(k))
        .is_some_and(|w| w.starts_with(char::is_lowercase))
}

/// Words for a public body that outlets use interchangeably.
const BODY_WORDS: &[&str] = &["agency", "service", "bureau"];

/// Head nouns of descriptions that stand for an organisation ("the spy
/// agency", "the city's fire service").
const ORG_DESCRIPTIONS: &[&str] = &[
    "agency",
    "service",
    "ministry",
    "bank",
    "office",
    "board",
    "company",
    "firm",
    "department",
    "police",
    "council",
    "committee",
    "commission",
    "court",
    "authority",
    "force",
    "trust",
    "union",
    "institute",
];

/// Words a description uses for a word of the name it stands for: a spy
/// agency is an intelligence service.
fn name_words_for(word: &str) -> &[&str] {
    match word {
        "spy" | "intelligence" => &["intelligence"],
        "defence" | "defense" | "military" => &["defence", "defense"],
        "weather" => &["meteorological", "weather"],
        _ => &[],
    }
}

/// The words of a description of an organisation ("Ostria's spy agency"
/// → "spy agency"): lower-case words after an optional article or
/// owner in the possessive, ending in a word of [`ORG_DESCRIPTIONS`], with
/// the byte offset in `phrase` where they start. `None` for anything else
/// (a name, a person's description).
fn description(phrase: &str) -> Option<(usize, Vec<&str>)> {
    // Each word with its offset in the phrase.
    let mut words: Vec<(usize, &str)> = phrase
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - phrase.as_ptr() as usize, w))
        .collect();
    if let Some(p) = words
        .iter()
        .position(|(_, w)| w.ends_with("'s") || w.ends_with("’s"))
    {
        words.drain(..=p);
    } else if words
        .first()
        .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "the" | "its" | "their"))
    {
        words.remove(0);
    }
    let (from, _) = *words.first()?;
    let words: Vec<&str> = words
        .into_iter()
        .map(|(_, w)| w.trim_end_matches([',', '.']))
        .collect();
    let head = *words.last()?;
    (words.len() >= 2
        && words.len() <= 3
        && words.iter().all(|w| w.starts_with(char::is_lowercase))
        && ORG_DESCRIPTIONS.contains(&head))
    .then_some((from, words))
}

/// Whether the description `words` (from [`description`]) can stand for the
/// organisation `name`: the name holds one of its words before the head, or
/// what a description says for it ([`name_words_for`]).
fn describes(words: &[&str], name: &str) -> bool {
    // The body the name makes it must be the one the description names,
    // or one of the interchangeable public bodies: "the labor
    // department" is no labour organisation.
    let head = words[words.len() - 1];
    let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
    let same_body = last == head
        || (BODY_WORDS.contains(&head) && BODY_WORDS.contains(&last.as_str()))
        || !crate::lexicon::ORG_SUFFIXES.contains(&last.as_str());
    if !same_body {
        return false;
    }
    let modifiers: Vec<&str> = words[..words.len() - 1]
        .iter()
        .flat_map(|w| {
            let mut v = name_words_for(w).to_vec();
            v.push(w);
            v
        })
        .collect();
    name.split_whitespace()
        .any(|w| modifiers.contains(&w.to_lowercase().as_str()))
}

/// The organisation `names` (in order of mention) holds that the speaker
/// phrase `phrase` describes, the latest if several: "Ostria's spy agency"
/// is the Ostrian Intelligence Service, "the city's fire service" the
/// Port Aldery Fire and Rescue Service. Written here rather than
/// learned: which descriptions stand for which names is news usage, and
/// the training data marks spans, not who they are.
pub fn described_organisation<'n>(
    phrase: &str,
    names: impl DoubleEndedIterator<Item = &'n str>,
) -> Option<&'n str> {
    let (_, words) = description(phrase)?;
    names.rev().find(|n| describes(&words, n))
}

/// [`described_organisation`] for a speaker span: among the organisations
/// named before it in the article. A name inside the description other
/// than its owner ("the ministry of Varn") rules it out.
fn described_in_article(
    text: &str,
    span: Span,
    mentions: &[Mention],
    inside: &[&Mention],
) -> Option<String> {
    let phrase = text.get(span.start..span.end)?;
    let (from, _) = description(phrase)?;
    if inside.iter().any(|m| m.span.end > span.start + from) {
        return None;
    }
    described_organisation(
        phrase,
        mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Organization && m.span.end <= span.start)
            .map(|m| m.text.as_str()),
    )
    .map(str::to_string)
}

/// Statements of one sentence found by the hand-written rules alone
/// (`lows`: its tokens lower-cased).
#[allow(clippy::too_many_arguments)]
fn rule_statements(
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    sentence_span: Span,
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
    state: &mut QuoteState,
) -> Vec<Statement> {
    let mut out = Vec::new();
    if toks.is_empty() {
        return out;
    }
    let quotes = quote_regions(toks);
    let in_quote = |k: usize| quotes.iter().any(|&(o, c)| k > o && k < c);
    let n = toks.len();
    let mut i = 0;
    // Token range of the latest speaker found in this sentence, for "...,
    // saying" and "and said".
    let mut prev_src: Option<(usize, usize)> = None;
    while i < n {
        if in_quote(i) || toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        let (mut len, stance) = match cue_at(lows, i) {
            Some(len) => (len, false),
            None if is_stance(lows[i]) => (1, true),
            None => {
                i += 1;
                continue;
            }
        };
        if stance {
            let prev = if i > 0 { lows[i - 1] } else { "" };
            // A noun, not a verb: "the support", "Trump's plans", "to see".
            if i == 0
                || matches!(
                    prev,
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                        | "to"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "of"
                        | "for"
                        | "no"
                        | "any"
                        | "whose"
                )
                || prev.ends_with("'s")
                || prev.ends_with("’s")
                || toks[i - 1].kind != TokKind::Word
                || singular_before_base(&toks[i - 1], prev, lows[i])
            {
                i += 1;
                continue;
            }
            if lows.get(i + 1).is_some_and(|w| {
                matches!(
                    *w,
                    "about" | "of" | "for" | "on" | "against" | "over" | "with"
                )
            }) {
                len += 1;
            }
        }
        let cue = (i, i + len);
        let according = lows[i] == "according";
        let strong = STRONG_CUES.contains(&lows[i]);
        let prev_w = if i > 0 { lows[i - 1] } else { "" };
        // Passive or instruction: "was told", "were told to leave", "is
        // expected to".
        if matches!(
            prev_w,
            "be" | "is" | "are" | "was" | "were" | "been" | "being"
        ) || (lows[i] == "told" && lows.get(i + 1).is_some_and(|w| *w == "to"))
        {
            i += 1;
            continue;
        }
        let mut source: Option<(usize, usize)>;
        let mut content: Option<(usize, usize)> = None;
        if according {
            source = np_right(toks, lows, cue.1);
            if let Some((_, se)) = source {
                if i > 0 && toks[i - 1].is_punct(',') {
                    content = trim_content(toks, 0, i - 1);
                    source = source.map(|sp| extend_apposition(toks, sp));
                } else if toks.get(se).is_some_and(|t| t.is_punct(',')) {
                    content = trim_content(toks, se + 1, n);
                } else if i == 0 {
                    content = trim_content(toks, se, n);
                }
            }
        } else if i > 1 && toks[i - 1].is_punct(',') && PARTICIPLE_CUES.contains(&lows[i]) {
            // "..., saying ...": the speaker is the subject of the clause.
            source = prev_src.or_else(|| {
                np_right(toks, lows, 0).filter(|&(s, e)| {
                    e < i && (toks[s].is_capitalised() || SPEAKER_PRONOUNS.contains(&lows[s]))
                })
            });
            let mut c = cue.1;
            if CUES_WITH_OBJECT.contains(&lows[i]) || lows[i] == "telling" {
                if let Some((_, e)) = np_right(toks, lows, c) {
                    c = e;
                }
            }
            content = trim_content(toks, c, n);
        } else {
            // Speaker to the left, skipping auxiliaries and adverbs.
            let mut b = i;
            while b > 0 && skippable_before_cue(lows[b - 1]) {
                b -= 1;
            }
            // "who said", "which found": the relative pronoun is the
            // speaker; "... and said": the speaker of the first verb.
            let forced = if b > 0 && matches!(lows[b - 1], "who" | "which") {
                Some((b - 1, b))
            } else if b > 0 && matches!(lows[b - 1], "and" | "but") {
                prev_src.filter(|&(_, e)| e < b)
            } else {
                None
            };
            source = forced.or_else(|| np_left(toks, lows, b));
            // "Its operations director, Oleksii Hordiienko, said" and "Lida
            // Korvenko, an opposition member ..., said": an appositive
            // between commas after the speaker; "The Board (NPSB), which
            // investigates ..., said": a relative clause after it.
            if source.is_none() && b > 1 && toks[b - 1].is_punct(',') {
                if let Some(p) = (0..b - 1).rev().find(|&k| toks[k].is_punct(',')) {
                    let seg_first = lows.get(p + 1).copied().unwrap_or("");
                    let outer = np_left(toks, lows, p).or_else(|| {
                        // "(NPSB)" before the comma.
                        (p > 0 && toks[p - 1].is_punct(')'))
                            .then(|| (0..p).rev().find(|&k| toks[k].is_punct('(')))
                            .flatten()
                            .and_then(|o| np_left(toks, lows, o).map(|(s, _)| (s, p)))
                    });
                    let outer =
                        outer.filter(|&(os, _)| os == 0 || toks[os - 1].kind == TokKind::Punct);
                    if let Some((os, oe)) = outer {
                        if matches!(seg_first, "which" | "who" | "whose") {
                            source = Some((os, oe));
                        } else if np_left(toks, lows, b - 1).is_some_and(|(s, _)| s == p + 1) {
                            source = Some((os, b - 1));
                        }
                    }
                }
            }
            // "..., he explained that ...": the content is on the right.
            let right_opens = toks
                .get(cue.1)
                .is_some_and(|t| lows[cue.1] == "that" || is_open_quote(t) || t.is_punct(':'));
            let left_is_content = forced.is_none()
                && !stance
                && !right_opens
                && source.is_some_and(|(s, _)| {
                    s > 0 && (toks[s - 1].is_punct(',') || is_close_quote(&toks[s - 1]))
                });
            if stance {
                // The object of the verb, up to a following "..., saying".
                let end = (cue.1..n)
                    .find(|&k| {
                        toks[k].is_punct(';')
                            || (toks[k].is_punct(',')
                                && lows.get(k + 1).is_some_and(|w| PARTICIPLE_CUES.contains(w)))
                    })
                    .unwrap_or(n);
                content = source.and_then(|_| trim_content(toks, cue.1, end));
            } else if source.is_none() {
                // Inverted: "..., said Haldis Brennock".
                let named = toks.get(cue.1).is_some_and(|t| {
                    t.is_capitalised() || matches!(t.text, "the" | "a" | "an" | "one")
                });
                if i > 0
                    && (toks[i - 1].is_punct(',') || is_close_quote(&toks[i - 1]))
                    && INVERTING_CUES.contains(&lows[i])
                    && named
                {
                    source = np_right(toks, lows, cue.1).map(|sp| extend_apposition(toks, sp));
                    if source.is_some() {
                        content = trim_content(toks, 0, i);
                    }
                }
            } else if left_is_content {
                let (s, _) = source.unwrap_or((0, 0));
                content = trim_content(toks, 0, s);
            }
            if source.is_some() && content.is_none() {
                // Content to the right, after a hearer object and "that".
                let mut c = cue.1;
                if CUES_WITH_OBJECT.contains(&lows[i]) {
                    if let Some((_, e)) = np_right(toks, lows, c) {
                        c = e;
                    }
                }
                let that = (c..n.min(c + 10)).find(|&k| lows[k] == "that" && !in_quote(k));
                let quote = (c..n.min(c + 12)).find(|&k| is_open_quote(&toks[k]));
                if let Some(k) = that {
                    c = k;
                } else if let Some(k) = quote {
                    c = k;
                } else if toks
                    .get(c)
                    .is_some_and(|t| t.is_punct(',') || t.is_punct(':'))
                {
                    c += 1;
                }
                content = trim_content(toks, c, n);
                // A cue with nothing after it ("... , she said.") and no
                // comma before: content is what precedes.
                if content.is_none() {
                    let (s, _) = source.unwrap_or((0, 0));
                    content = trim_content(toks, 0, s);
                }
            }
        }
        if let (Some((ss, se)), Some((cs, ce))) = (source, content) {
            let sspan = tspan(toks, ss, se);
            let head = lows[se - 1];
            let pronoun = se - ss == 1 && SPEAKER_PRONOUNS.contains(&head);
            if !strong {
                let named = pronoun
                    || (ss..se)
                        .any(|k| toks[k].is_capitalised() && k > 0 && !is_open_quote(&toks[k - 1]))
                    || (ss..se).any(|k| toks[k].is_capitalised()) && ss > 0;
                let opens = lows[cs] == "that" || is_open_quote(&toks[cs]) || ce <= ss;
                // A belief or finding verb right after its subject ("polls
                // show", "critics who believe") may take any object.
                let subject_first = se <= cue.0;
                let plain = se - ss == 1 && matches!(head, "who" | "which")
                    || matches!(
                        lows[ss],
                        "the"
                            | "a"
                            | "an"
                            | "many"
                            | "some"
                            | "most"
                            | "both"
                            | "several"
                            | "other"
                    );
                if !(named || plain) || !(opens || subject_first) {
                    i += 1;
                    continue;
                }
            }
            let speaker_name = resolve(text, sspan, mentions, first_mention)
                .or_else(|| (!pronoun).then(|| text[sspan.start..sspan.end].to_string()));
            let cspan = tspan(toks, cs, ce);
            let direct = quotes
                .iter()
                .any(|&(o, c)| toks[o].start <= cspan.start + 3 && toks[c].end + 3 >= cspan.end)
                || quotes.iter().any(|&(o, c)| o >= cs && c < ce && c - o > 3);
            out.push(Statement {
                sentence,
                speaker: Some(sspan),
                speaker_name,
                cue: tspan(toks, cue.0, cue.1),
                content: cspan,
                direct,
            });
            prev_src = Some((ss, se));
            // Cues inside the content may report further speech.
            i = cue.1;
            continue;
        }
        i += 1;
    }
    // A sentence that is wholly a quotation continues the last speaker.
    let whole_quote =
        quotes.len() == 1 && quotes[0].0 == 0 && quotes[0].1 + 2 >= n && out.is_empty();
    if whole_quote {
        if let Some((sp, name, prev)) = state.last.clone() {
            if prev + 1 == sentence {
                let (o, c) = quotes[0];
                if let Some((cs, ce)) = trim_content(toks, o + 1, c) {
                    out.push(Statement {
                        sentence,
                        speaker: sp,
                        speaker_name: name.clone(),
                        cue: Span::new(sentence_span.start, sentence_span.start),
                        content: tspan(toks, cs, ce),
                        direct: true,
                    });
                    state.last = Some((sp, name, sentence));
                    return out;
                }
            }
        }
    }
    state.last = out
        .iter()
        .rev()
        .find(|s| s.direct)
        .map(|s| (s.speaker, s.speaker_name.clone(), sentence));
    out
}

/// Statements of a plain text, split into sentences by a simple rule
/// (terminal punctuation followed by a space and a capital or quote, or a
/// blank line). For evaluation and for callers without a [`Document`](crosscheck_model::Document).
pub fn find_statements(text: &str) -> Vec<Statement> {
    find_statements_with(tagger::bundled(), text)
}

/// [`find_statements`] with a given tagger model (`None`: the rules alone),
/// for training and comparison.
pub fn find_statements_with(model: Option<&tagger::Model>, text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    each_sentence(text, |v| {
        out.extend(statements_with(
            model, text, v.toks, v.lows, v.span, v.index, v.mentions, v.first, v.state,
        ));
    });
    out
}

/// One sentence of a plain text as the text-level entry points see it.
struct SentenceView<'a, 't> {
    toks: &'a [Token<'t>],
    /// The tokens lower-cased.
    lows: &'a [&'a str],
    span: Span,
    index: usize,
    /// The mentions found so far; this sentence's start at `first`.
    mentions: &'a [Mention],
    first: usize,
    state: &'a mut QuoteState,
}

/// Split a plain text into sentences (as [`find_statements`] does), find
/// each one's entity mentions, and hand each sentence to `f` in order with
/// the running quotation state.
fn each_sentence<'t>(text: &'t str, mut f: impl FnMut(SentenceView<'_, 't>)) {
    let spans = crosscheck_text::sentences(text);
    let sentence_tokens: Vec<Vec<Token<'t>>> = spans
        .iter()
        .map(|(s, _)| tokenize(&text[s.start..s.end], s.start))
        .collect();
    let inside = crate::entities::capitalised_inside(&sentence_tokens);
    let mut mentions = Vec::new();
    let mut state = QuoteState::default();
    for (i, toks) in sentence_tokens.iter().enumerate() {
        let first = mentions.len();
        let mut buf = String::new();
        let low = Lower::new(toks, &mut buf);
        crate::entities::find(text, toks, &low, i, &inside, &mut mentions);
        f(SentenceView {
            toks,
            lows: &low.words,
            span: spans[i].0,
            index: i,
            mentions: &mentions,
            first,
            state: &mut state,
        });
    }
}

/// Statements of a plain text decoded from labels given by `label` for
/// each sentence's tokens (e.g. gold labels, to measure how much of the
/// annotation the label scheme and [`decode`] can express).
pub fn statements_from_labels(
    text: &str,
    mut label: impl FnMut(&[Token<'_>]) -> Vec<u8>,
) -> Vec<Statement> {
    let mut out = Vec::new();
    each_sentence(text, |v| {
        let labels = label(v.toks);
        out.extend(decode(
            text, v.toks, v.span, v.index, v.mentions, v.first, &labels, None, v.state,
        ));
    });
    out
}

/// What the tagger reads of one sentence: the rules' statements and the
/// hashed features built on them.
struct Prepared {
    rules: Vec<Statement>,
    /// `None` for a sentence with nothing to attribute from
    /// ([`tagger::TokenReading::quiet`]): every token is outside.
    features: Option<tagger::SentenceFeatures>,
    /// What the features read of each token's word.
    words: Vec<tagger::WordInfo>,
}

/// Run the rules on a sentence and compute the tagger's features (none
/// when `skip_quiet` and [`tagger::TokenReading::quiet`] finds nothing to
/// attribute from); updates the quote and rule parts of `state`.
#[allow(clippy::too_many_arguments)]
fn prepare(
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    sentence_span: Span,
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
    state: &mut QuoteState,
    bits: u32,
    lexicon: &tagger::CueLexicon,
    skip_quiet: bool,
) -> Prepared {
    let rules = rule_statements(
        text,
        toks,
        lows,
        sentence_span,
        sentence,
        mentions,
        first_mention,
        state,
    );
    let mut roles = vec![tagger::ROLE_NONE; toks.len()];
    // Where the rules' spans overlap, a cue wins over a source and a
    // source over a content: mark contents first, cues last.
    let spans = |role: u8| -> Vec<Span> {
        rules
            .iter()
            .filter_map(|st| match role {
                tagger::ROLE_CONTENT => Some(st.content),
                tagger::ROLE_SOURCE => st.speaker,
                _ => (!st.cue.is_empty()).then_some(st.cue),
            })
            .collect()
    };
    for role in [tagger::ROLE_CONTENT, tagger::ROLE_SOURCE, tagger::ROLE_CUE] {
        for span in spans(role) {
            for (k, t) in toks.iter().enumerate() {
                if t.start >= span.start && t.end <= span.end {
                    roles[k] = role;
                }
            }
        }
    }
    let open_at_start = state.open_quote;
    state.open_at_start = open_at_start;
    let quoted = tagger::quote_states(toks, &mut state.open_quote);
    let prev_rules = sentence > 0 && state.rules_last == Some(sentence - 1);
    if !rules.is_empty() {
        state.rules_last = Some(sentence);
    }
    let reading = tagger::TokenReading::new(toks, lexicon);
    if skip_quiet && rules.is_empty() && !open_at_start && reading.quiet(toks) {
        return Prepared {
            rules,
            features: None,
            words: reading.into_words(),
        };
    }
    let mut entities = vec![0u8; toks.len()];
    for m in mentions.get(first_mention..).unwrap_or_default() {
        let kind = match m.kind {
            EntityKind::Person => 1,
            EntityKind::Organization => 2,
            EntityKind::Place => 3,
            EntityKind::Other => 4,
        };
        let mut first = true;
        for (k, t) in toks.iter().enumerate() {
            if t.start >= m.span.start && t.end <= m.span.end {
                entities[k] = tagger::entity_code(kind, first);
                first = false;
            }
        }
    }
    let features = tagger::features_of(
        &reading,
        toks,
        &roles,
        &quoted,
        open_at_start,
        prev_rules,
        bits,
        &entities,
    );
    Prepared {
        rules,
        features: Some(features),
        words: reading.into_words(),
    }
}

/// A labelled span of tokens `s..e`.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    kind: u8,
    s: usize,
    e: usize,
    /// A content span running on from the previous sentence.
    runs_on: bool,
}

fn chunks(labels: &[u8]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open = false;
    for (i, &l) in labels.iter().enumerate() {
        if l == tagger::O {
            open = false;
            continue;
        }
        let k = tagger::kind(l);
        match out.last_mut() {
            Some(c) if open && !tagger::is_begin(l) && c.kind == k && c.e == i => c.e = i + 1,
            _ => {
                out.push(Chunk {
                    kind: k,
                    s: i,
                    e: i + 1,
                    runs_on: i == 0 && !tagger::is_begin(l),
                });
                open = true;
            }
        }
    }
    out
}

/// [`trim_content`], then quote marks at either end (and the punctuation
/// they enclosed): "“We will not back down,”" reads "We will not back down".
fn trim_quoted(toks: &[Token<'_>], s: usize, e: usize) -> Option<(usize, usize)> {
    let (mut s, mut e) = trim_content(toks, s, e)?;
    loop {
        let before = (s, e);
        if is_open_quote(&toks[s]) {
            s += 1;
        }
        if e > s && is_close_quote(&toks[e - 1]) {
            e -= 1;
        }
        (s, e) = trim_content(toks, s, e)?;
        if (s, e) == before {
            return Some((s, e));
        }
    }
}

/// Token gap between two chunks (0 if they touch or overlap).
fn gap(a: &Chunk, b: &Chunk) -> usize {
    if a.e <= b.s {
        b.s - a.e
    } else {
        a.s.saturating_sub(b.e)
    }
}

/// Turn the tagger's labels into statements: each content span goes to the
/// nearest cue of the sentence (or continues the previous sentence's
/// statement), each cue takes the nearest source; a cue without content is
/// dropped. `words`: the tokens' word keys and classes, if the tagger's
/// features already read them.
#[allow(clippy::too_many_arguments)]
fn decode(
    text: &str,
    toks: &[Token<'_>],
    sentence_span: Span,
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
    labels: &[u8],
    words: Option<&[tagger::WordInfo]>,
    state: &mut QuoteState,
) -> Vec<Statement> {
    // A content of punctuation alone (the tagger sometimes opens one on a
    // sentence's full stop) says nothing and would stretch the content it
    // is joined to over the source; a source of punctuation alone (a
    // stray closing quote before "said Yair Cohen") names no one and
    // would stand nearer the cue than the speaker.
    let mut cs = chunks(labels);
    cs.retain(|c| {
        !matches!(c.kind, 1 | 3) || toks[c.s..c.e].iter().any(|t| t.kind != TokKind::Punct)
    });
    let cues: Vec<&Chunk> = cs.iter().filter(|c| c.kind == 2).collect();
    let sources: Vec<&Chunk> = cs.iter().filter(|c| c.kind == 1).collect();
    let quotes = quote_regions(toks);
    let source_chunks: Vec<(usize, usize)> = sources.iter().map(|c| (c.s, c.e)).collect();
    let mention_ranges: Vec<(usize, usize)> = if cues.is_empty() {
        Vec::new()
    } else {
        mentions
            .get(first_mention..)
            .unwrap_or_default()
            .iter()
            .filter_map(|m| {
                let s = toks.iter().position(|t| t.start >= m.span.start)?;
                let e = toks.iter().rposition(|t| t.end <= m.span.end)? + 1;
                (s < e).then_some((s, e))
            })
            .collect()
    };
    let dateline = crate::entities::dateline_end(toks);
    // Built on the first cue that needs a source.
    let view = std::cell::OnceCell::new();
    let source_of = |q: &Chunk| {
        let nearest = sources
            .iter()
            .min_by_key(|src| (gap(src, q), src.s > q.s))
            .map(|src| cut_after_comma(toks, src.s, src.e, q));
        let view = view.get_or_init(|| {
            sources::Sentence::new(toks, labels, &source_chunks, &mention_ranges, words)
        });
        // A dateline's place and wire ("TARVIK, Ostria (AP) —") say
        // where the report was filed, not who spoke.
        sources::choose(view, (q.s, q.e), nearest, dateline)
            .map(|src| with_coordinated(toks, src))
            .map(|src| before_relative_clause(toks, src, q))
            .map(|src| with_bracketed_name(toks, src))
    };
    let carried = state
        .tagged_last
        .clone()
        .filter(|(_, _, s, _)| s + 1 == sentence);
    // Content chunks per cue (index into `cues`), and run-on content.
    let mut assigned: Vec<Vec<Chunk>> = vec![Vec::new(); cues.len()];
    let mut run_on: Option<&Chunk> = None;
    for c in cs.iter().filter(|c| c.kind == 3) {
        let goes_on = carried.as_ref().is_some_and(|(_, _, _, quote_only)| {
            !quote_only || state.open_at_start || is_open_quote(&toks[c.s])
        });
        if c.runs_on && goes_on {
            run_on = Some(c);
            continue;
        }
        if let Some((k, _)) = cues
            .iter()
            .enumerate()
            .min_by_key(|(_, q)| (gap(q, c), q.s < c.s))
        {
            assigned[k].push(*c);
        }
    }
    let direct_of = |cspan: Span, cs: usize, ce: usize| {
        quotes
            .iter()
            .any(|&(o, c)| toks[o].start <= cspan.start + 3 && toks[c].end + 3 >= cspan.end)
            || quotes.iter().any(|&(o, c)| o >= cs && c < ce && c - o > 3)
    };
    let mut out = Vec::new();
    let mut last_end = 0usize;
    let mut tail_end = 0usize;
    if let (Some(c), Some((sp, name, _, _))) = (run_on, carried.clone()) {
        if let Some((s, e)) = trim_quoted(toks, c.s, c.e) {
            let cspan = tspan(toks, s, e);
            out.push(Statement {
                sentence,
                speaker: sp,
                speaker_name: name,
                cue: Span::new(sentence_span.start, sentence_span.start),
                content: cspan,
                direct: direct_of(cspan, s, e),
            });
            last_end = e;
        }
    }
    let contents: Vec<&Chunk> = cs.iter().filter(|c| c.kind == 3).collect();
    let orphan = state
        .orphan
        .take()
        .filter(|&(_, _, s)| s + 1 == sentence && contents.is_empty() && run_on.is_none());
    for (k, q) in cues.iter().enumerate() {
        if assigned[k].is_empty() {
            // A cue with no content of its own shares the nearest one.
            // When that lies after another cue, the other statement is
            // inside this one's content ("the agency believes the two
            // countries will discuss the deployment"): this content runs
            // from the cue over it.
            // One before this cue that another cue has taken is that
            // cue's: when words follow this one ("Organisers said 100,000
            // took part, while police estimated the crowd at 20,000"),
            // they are what it says (the rest of the sentence, below).
            if let Some(c) = contents.iter().min_by_key(|c| gap(q, c)) {
                let nested = c.s > q.e && cues.iter().any(|o| o.s >= q.e && o.e <= c.s);
                let anothers = c.e <= q.s
                    && assigned
                        .iter()
                        .any(|a| a.iter().any(|x| x.s == c.s && x.e == c.e))
                    && toks.get(q.e).is_some_and(|t| t.kind != TokKind::Punct)
                    && toks[c.e..q.s].iter().any(|t| {
                        matches!(
                            t.text.to_ascii_lowercase().as_str(),
                            "while" | "whereas" | "but" | "although" | "though"
                        )
                    });
                if !anothers {
                    assigned[k].push(if nested { Chunk { s: q.e, ..**c } } else { **c });
                }
            }
        }
        // A sentence of source and cue alone, after a sentence whose
        // content found no cue: that content is this cue's.
        if assigned[k].is_empty() && k == 0 && q.s <= 4 {
            if let Some((cspan, direct, _)) = orphan {
                let source = source_of(q);
                out.push(statement_of(
                    text,
                    toks,
                    sentence,
                    source,
                    q,
                    cspan,
                    direct,
                    mentions,
                    first_mention,
                ));
                continue;
            }
        }
        let rest = Chunk {
            kind: 3,
            s: q.e,
            e: toks.len(),
            runs_on: false,
        };
        // Still none: the rest of the sentence after the cue.
        if assigned[k].is_empty() && toks.len() > q.e + 1 {
            assigned[k].push(rest);
        }
        if assigned[k].is_empty() {
            continue;
        }
        let source = source_of(q).or_else(|| according_to_source(toks, q, &assigned[k]));
        // The source is no part of what it said: content chunks the source
        // overlaps ("“…,” said witness Mira Holm." with the name tagged as
        // content too) are dropped, when others remain.
        if let Some((a, b)) = source {
            let clear = |c: &Chunk| c.e <= a || c.s >= b;
            if assigned[k].iter().any(clear) {
                assigned[k].retain(clear);
            }
        }
        // Content on both sides of the source and cue: a quotation before
        // them is what was said when the clause after the cue sets the
        // scene ("“We ran for the doors,” spokesman Jonas Ekvall said, with
        // smoke filling the hall …"); one span over both would hold the
        // speaker.
        let (lo, hi) = source.map_or((q.s, q.e), |(a, b)| (a.min(q.s), b.max(q.e)));
        let left = |c: &Chunk| c.e <= lo;
        let right = |c: &Chunk| c.s >= hi;
        if assigned[k].iter().any(left) && assigned[k].iter().any(right) {
            let quoted_left = assigned[k].iter().filter(|c| left(c)).any(|c| {
                toks[c.s..c.e]
                    .iter()
                    .any(|t| is_open_quote(t) || is_close_quote(t))
            });
            // The clause after the cue sets the scene when it opens with a
            // preposition ("…, with youths …", "…, at the church …").
            let scene = assigned[k].iter().filter(|c| right(c)).all(|c| {
                let first = (c.s..c.e).find(|&j| !toks[j].is_punct(','));
                first.is_some_and(|j| {
                    matches!(
                        toks[j].text.to_ascii_lowercase().as_str(),
                        "with" | "at" | "in" | "as" | "outside" | "inside" | "near" | "during"
                    )
                })
            });
            if quoted_left && scene {
                assigned[k].retain(left);
            }
        }
        let Some(s) = assigned[k].iter().map(|c| c.s).min() else {
            continue;
        };
        let e = assigned[k].iter().map(|c| c.e).max().unwrap_or(s);
        let (s, e) = fronted(toks, (s, e), (lo, hi), dateline);
        // A dateline is where the report was filed, never what was said.
        let s = if s < dateline && e > dateline {
            dateline
        } else {
            s
        };
        let Some((s, e)) = trim_quoted(toks, s, e) else {
            continue;
        };
        let cspan = tspan(toks, s, e);
        out.push(statement_of(
            text,
            toks,
            sentence,
            source,
            q,
            cspan,
            direct_of(cspan, s, e),
            mentions,
            first_mention,
        ));
        last_end = last_end.max(e);
        // A quotation followed by its source and cue ("“…,” the envoy
        // said.") reaches the sentence end too: the next sentence's
        // quotation may go on with it.
        tail_end = tail_end.max(e).max(q.e).max(source.map_or(0, |(_, b)| b));
    }
    // A cue without a source straight after another statement's content
    // ("the ministry said troops were sent to Varn, who are expected to
    // arrive …") goes on with what was said: that content runs over it.
    for k in 1..out.len() {
        let (done, rest) = out.split_at_mut(k);
        let (a, b) = (&mut done[k - 1], &rest[0]);
        // Or with its source at the end of that content ("… another sign of
        // its ties as rival Ostria and its allies say the North has sent
        // troops"): a statement inside the statement.
        let inside = |sp: Span| sp.start >= a.content.start && sp.end <= a.content.end;
        if a.speaker.is_some()
            && b.speaker.is_none_or(inside)
            && !b.cue.is_empty()
            && b.cue.start >= a.content.end
            && text[a.content.end..b.cue.start].trim().is_empty()
        {
            a.content.end = a.content.end.max(b.content.end);
        }
    }
    // Content without a cue that reaches the sentence end: its cue may
    // come in the next sentence.
    state.orphan = if cues.is_empty() && run_on.is_none() {
        contents.last().and_then(|c| {
            let (s, e) = trim_quoted(toks, c.s, c.e)?;
            let ends = (c.e..toks.len()).all(|k| toks[k].kind == TokKind::Punct);
            let cspan = tspan(toks, s, e);
            ends.then(|| (cspan, direct_of(cspan, s, e), sentence))
        })
    } else {
        None
    };
    // A statement whose content reaches the sentence end may run on.
    let to_end = |from: usize| (from..toks.len()).all(|k| toks[k].kind == TokKind::Punct);
    let reaches_end = to_end(last_end);
    let quote_closed = !reaches_end && to_end(tail_end) && out.last().is_some_and(|s| s.direct);
    // A quotation that went on from one closed by its source goes on
    // under the same terms.
    let only_run_on = out.len() == 1 && run_on.is_some();
    let quote_closed =
        quote_closed || (reaches_end && only_run_on && carried.as_ref().is_some_and(|c| c.3));
    state.tagged_last = if reaches_end || quote_closed {
        out.last()
            .map(|s| (s.speaker, s.speaker_name.clone(), sentence, quote_closed))
    } else {
        None
    };
    out
}

/// The content of a source and cue that follow a clause after a comma
/// ("A ferry capsized on Lake Varn on Monday, killing at least nine
/// people, the coast guard said."): what was said is the whole clause
/// before them, from the sentence's start (after a dateline), not only its
/// last part after a comma. `content` and `said` (the source and cue
/// together) are token ranges.
///
/// That holds when the content found lies before them and nothing but a
/// short time or place ("on Tuesday", "in a statement") follows the cue
/// (content found from the sentence's start but stopping short of the
/// comma runs on to it);
/// and when the content found lies after the cue but is its time and an
/// aside after a comma ("…, the commission said early on Monday, but fell
/// short …"), the clause before them being one of four words or more.
/// (An aside right after the cue, "…, the commission said, up from 54
/// percent", stays with what was said: PolNeAR's annotators join both
/// parts, and content scores fell on its train split when it was cut.)
/// Quotations keep their own bounds.
fn fronted(
    toks: &[Token<'_>],
    (s, e): (usize, usize),
    (lo, hi): (usize, usize),
    dateline: usize,
) -> (usize, usize) {
    let start = (dateline..toks.len())
        .find(|&k| toks[k].kind != TokKind::Punct)
        .unwrap_or(dateline);
    if s < start || lo <= start || !toks[lo - 1].is_punct(',') {
        return (s, e);
    }
    if toks[start..lo]
        .iter()
        .any(|t| is_open_quote(t) || is_close_quote(t))
    {
        return (s, e);
    }
    let words_after = |from: usize, to: usize| {
        toks[from..to]
            .iter()
            .filter(|t| t.kind != TokKind::Punct)
            .count()
    };
    let time_or_place = |t: &Token<'_>| {
        let w = t.text.to_ascii_lowercase();
        matches!(
            w.as_str(),
            "on" | "in" | "at" | "late" | "early" | "earlier" | "last"
        ) || crate::lexicon::WEEKDAYS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(&w))
    };
    let first_word_after = toks[hi..].iter().find(|t| t.kind != TokKind::Punct);
    if e <= lo {
        // Content cut short inside the clause ("The death toll from the
        // collapse of the bridge | rose to eight …, the fire service
        // said") runs on to the comma when it opens the sentence.
        let e = if s == start { lo - 1 } else { e };
        if (e..lo - 1).any(|k| toks[k].kind != TokKind::Punct) {
            return (s, e);
        }
        let after = words_after(hi, toks.len());
        // "…, coast guard spokeswoman Ilse Maartens told reporters on
        // Monday."
        let told = toks[lo..hi]
            .iter()
            .any(|t| matches!(t.text, "told" | "tells" | "tell"));
        let short_adverbial = (after <= 4 || (told && after <= 6))
            && first_word_after.is_some_and(|t| told || time_or_place(t))
            && !toks[hi..].iter().any(|t| t.is_punct(','));
        return if after == 0 || short_adverbial {
            (start, e)
        } else {
            (s, e)
        };
    }
    if s < hi || words_after(start, lo) < 4 {
        return (s, e);
    }
    // The aside: a comma after a short time.
    let comma = (hi..toks.len().min(hi + 6)).find(|&k| toks[k].is_punct(','));
    let set_off = comma.is_some_and(|c| {
        c > hi && first_word_after.is_some_and(time_or_place) && words_after(hi, c) <= 4
    });
    if set_off {
        (start, lo - 1)
    } else {
        (s, e)
    }
}

/// A named source joined by "and" to a name before it speaks with it:
/// "Ostria and Tarvenia have taken a vaguer stance, claiming …" (the
/// ranker scores a sentence's names one by one and may take only the one
/// nearer the cue). Extended over "Name and" (also "Name, Name and") when
/// both sides are runs of capitalised words.
fn with_coordinated(toks: &[Token<'_>], (s, e): (usize, usize)) -> (usize, usize) {
    if !toks.get(s).is_some_and(Token::is_capitalised) {
        return (s, e);
    }
    // The start of the run of capitalised words (and initials' full
    // stops: "Donald J. Trump") that ends just before `end`, if any.
    let run_start = |end: usize| {
        let mut k = end;
        while k > 0
            && (toks[k - 1].is_capitalised()
                || (toks[k - 1].is_punct('.')
                    && k >= 2
                    && toks[k - 2].is_capitalised()
                    && toks[k - 2].text.chars().count() == 1))
        {
            k -= 1;
        }
        (k < end && toks[k].is_capitalised()).then_some(k)
    };
    let mut start = s;
    if start >= 2 && toks[start - 1].text == "and" {
        if let Some(k) = run_start(start - 1) {
            start = k;
            // "Name, Name and Name".
            while start >= 2 && toks[start - 1].is_punct(',') {
                match run_start(start - 1) {
                    Some(k) => start = k,
                    None => break,
                }
            }
        }
    }
    // Names after a preposition are what something is of, or where it
    // is ("lived in Sudan and Kenya, called him …", "the Center of Human
    // Rights and Democracy reported"): not a joint source.
    let after_preposition = start
        .checked_sub(1)
        .is_some_and(|k| PREPOSITIONS_BEFORE_NAMES.contains(&toks[k].text));
    if after_preposition {
        return (s, e);
    }
    (start, e)
}

/// A source chosen inside a relative clause that ends just before the
/// The source of "according to" when none was chosen and what was said
/// comes before it: the words after the cue to the end of the clause
/// ("…, according to figures released on Tuesday by the statistics
/// office."), longer than the source candidates reach.
fn according_to_source(toks: &[Token<'_>], q: &Chunk, content: &[Chunk]) -> Option<(usize, usize)> {
    let cue: Vec<&str> = toks[q.s..q.e].iter().map(|t| t.text).collect();
    if !(cue.len() == 2
        && cue[0].eq_ignore_ascii_case("according")
        && cue[1].eq_ignore_ascii_case("to"))
        || content.iter().any(|c| c.e > q.s)
    {
        return None;
    }
    let end = (q.e..toks.len())
        .find(|&k| {
            toks[k].kind == TokKind::Punct && matches!(toks[k].text, "," | ";" | ":" | "." | "—")
        })
        .unwrap_or(toks.len());
    (end > q.e).then_some((q.e, end))
}

/// A source that is the acronym in brackets after a name ("the Central
/// Election Commission (CEC) said", chosen as "CEC)"): the name, its
/// article and the brackets.
fn with_bracketed_name(toks: &[Token<'_>], (s, e): (usize, usize)) -> (usize, usize) {
    let closes = e > s && toks[e - 1].is_punct(')');
    if !(closes && s > 0 && toks[s - 1].is_punct('(')) {
        return (s, e);
    }
    let mut start = s - 1;
    while start > 0 && toks[start - 1].is_capitalised() {
        start -= 1;
    }
    if start == s - 1 {
        return (s, e);
    }
    if start > 0 && toks[start - 1].text.eq_ignore_ascii_case("the") {
        start -= 1;
    }
    (start, e)
}

/// cue ("Brimstead Polymers, which makes resins for the paint industry,
/// said …": not "the paint industry") is the noun phrase the clause
/// describes.
fn before_relative_clause(toks: &[Token<'_>], (s, e): (usize, usize), q: &Chunk) -> (usize, usize) {
    // Source, then the clause's closing comma, then the cue.
    let mut end = e;
    while end > s && toks[end - 1].is_punct(',') {
        end -= 1;
    }
    let closes = end < q.s && e <= q.s && toks[end..q.s].iter().all(|t| t.is_punct(','));
    if !closes {
        return (s, e);
    }
    let Some(rel) = (1..s)
        .rev()
        .find(|&k| matches!(toks[k].text, "which" | "who") && toks[k - 1].is_punct(','))
    else {
        return (s, e);
    };
    // No other comma between the relative pronoun and the source: one
    // clause.
    if toks[rel + 1..s].iter().any(|t| t.is_punct(',')) {
        return (s, e);
    }
    antecedent(toks, rel).unwrap_or((s, e))
}

/// The noun phrase a relative clause opening at token `rel` ("…, which" /
/// "…, who") describes: back from the comma before it to the previous
/// punctuation, if only words lie between.
fn antecedent(toks: &[Token<'_>], rel: usize) -> Option<(usize, usize)> {
    let np_end = rel.checked_sub(1)?;
    let boundary = |end: usize| {
        toks[..end]
            .iter()
            .rposition(|t| {
                t.kind == TokKind::Punct && matches!(t.text, "," | ";" | ":" | "—" | "–")
            })
            .map_or(0, |k| k + 1)
    };
    let mut np_start = boundary(np_end);
    // "The Institute in Tarvik, Mass., which …": a place's state or
    // country after a comma ("Tarvik, Mass.") belongs to the noun phrase
    // before it, which the clause describes.
    let place_comma = if np_start >= 2
        && np_end - np_start <= 3
        && toks[np_start..np_end]
            .iter()
            .all(|t| t.is_capitalised() || t.is_punct('.'))
        && toks[np_start - 2].is_capitalised()
    {
        let comma = np_start - 1;
        np_start = boundary(comma);
        Some(comma)
    } else {
        None
    };
    (np_start < np_end
        && toks[np_start..np_end].iter().enumerate().all(|(k, t)| {
            t.kind != TokKind::Punct
                || matches!(t.text, "'" | "’" | "-" | ".")
                || Some(np_start + k) == place_comma
        }))
    .then_some((np_start, np_end))
}

/// Prepositions whose object is never the speaker (nor, for the claims,
/// the thing that opened or was founded).
pub(crate) const PREPOSITIONS_BEFORE_NAMES: &[&str] = &[
    "in", "of", "at", "for", "from", "to", "with", "on", "near", "by", "between", "into",
];

/// A source after its cue that runs over a comma into the rest of the
/// clause ("According to the Associated Press, 571 of the 714 ...") ends
/// at the comma; one that runs to the sentence end keeps its apposition
/// ("said Jon Doggett, executive vice president of the association"), and
/// so does a party-and-state tag ("Scott Brown, R-Mass.").
fn cut_after_comma(toks: &[Token<'_>], s: usize, e: usize, q: &Chunk) -> (usize, usize) {
    if s < q.e {
        return (s, e);
    }
    let Some(c) = (s + 1..e).find(|&k| toks[k].kind == TokKind::Punct && toks[k].text == ",")
    else {
        return (s, e);
    };
    let runs_to_end = (e..toks.len()).all(|k| toks[k].kind == TokKind::Punct);
    let party_tag = toks.get(c + 1).is_some_and(|t| {
        let b = t.text.as_bytes();
        b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-'
    });
    if runs_to_end || party_tag {
        return (s, e);
    }
    (s, c)
}

/// A statement of the tagger's: the source chunk `source` (token range,
/// if any) with its resolved name, the cue chunk `q`, the content span.
#[allow(clippy::too_many_arguments)]
fn statement_of(
    text: &str,
    toks: &[Token<'_>],
    sentence: usize,
    source: Option<(usize, usize)>,
    q: &Chunk,
    content: Span,
    direct: bool,
    mentions: &[Mention],
    first_mention: usize,
) -> Statement {
    let speaker = source.map(|(a, b)| tspan(toks, a, b));
    let speaker_name = source.and_then(|(a, b)| {
        let sspan = tspan(toks, a, b);
        let low = toks[a].text.to_lowercase();
        // A relative pronoun ("The Board, which investigates accidents,
        // said ...") names the noun phrase before it ("The Institute in
        // Tarvik, Mass., which …": the institute), else the latest
        // mention of the sentence before it.
        if b - a == 1 && matches!(low.as_str(), "who" | "which" | "that") {
            // Only a name: a phrase as written may run over a whole clause
            // ("Several of these moves angered Tarvik's councillors, who").
            let described = (a > 0 && toks[a - 1].is_punct(','))
                .then(|| antecedent(toks, a))
                .flatten()
                .and_then(|(s, e)| resolve(text, tspan(toks, s, e), mentions, first_mention))
                .filter(|name| mentions.iter().any(|m| &m.text == name));
            if described.is_some() {
                return described;
            }
            return mentions
                .get(first_mention..)
                .unwrap_or_default()
                .iter()
                .rfind(|m| m.span.end <= sspan.start)
                .map(|m| m.text.clone());
        }
        let pronoun = b - a == 1 && SPEAKER_PRONOUNS.contains(&low.as_str());
        resolve(text, sspan, mentions, first_mention)
            .or_else(|| (!pronoun).then(|| text[sspan.start..sspan.end].to_string()))
    });
    Statement {
        sentence,
        speaker,
        speaker_name,
        cue: tspan(toks, q.s, q.e),
        content,
        direct,
    }
}

/// Statements of one sentence: the tagger's labels (with the rules' spans
/// among its features) turned into statements. Falls back to the rules
/// alone if the bundled weights cannot be read. `lows`: the tokens
/// lower-cased.
#[allow(clippy::too_many_arguments)]
pub fn statements_in_sentence(
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    sentence_span: Span,
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
    state: &mut QuoteState,
) -> Vec<Statement> {
    statements_with(
        tagger::bundled(),
        text,
        toks,
        lows,
        sentence_span,
        sentence,
        mentions,
        first_mention,
        state,
    )
}

/// [`statements_in_sentence`] with a given model (`None`: the rules alone).
#[allow(clippy::too_many_arguments)]
fn statements_with(
    model: Option<&tagger::Model>,
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    sentence_span: Span,
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
    state: &mut QuoteState,
) -> Vec<Statement> {
    let Some(model) = model else {
        return rule_statements(
            text,
            toks,
            lows,
            sentence_span,
            sentence,
            mentions,
            first_mention,
            state,
        );
    };
    let p = prepare(
        text,
        toks,
        lows,
        sentence_span,
        sentence,
        mentions,
        first_mention,
        state,
        model.bits(),
        model.lexicon(),
        true,
    );
    let labels = match p.features {
        Some(f) => {
            let labels = model.tag(&f);
            tagger::recycle(f);
            labels
        }
        None => vec![tagger::O; toks.len()],
    };
    let laid_out = layout::statements(
        text,
        toks,
        sentence_span,
        sentence,
        mentions,
        first_mention,
        state,
    );
    let mut found = decode(
        text,
        toks,
        sentence_span,
        sentence,
        mentions,
        first_mention,
        &labels,
        Some(&p.words),
        state,
    );
    if found.is_empty() {
        found = p.rules;
    }
    found.retain(|st| !cue_in_disguise(toks, st.cue));
    if let Some(st) = poll_statement(text, toks, sentence, mentions, first_mention) {
        if !found
            .iter()
            .any(|f| f.cue.start <= st.cue.start && st.cue.end <= f.cue.end.max(f.cue.start + 1))
        {
            found.insert(0, st);
        }
    }
    let mut found = layout::combine(text, toks, sentence_span, sentence, laid_out, found, state);
    for st in &mut found {
        without_opening_adverb(text, toks, st);
        without_addressee(toks, lows, st);
        // A day is no speaker ("Rescuers on Tuesday found …").
        if st.speaker.is_some_and(|sp| is_a_weekday(sp.slice(text))) {
            st.speaker = None;
            st.speaker_name = None;
        }
    }
    found
}

/// Whether `words` name a weekday and nothing else ("Tuesday",
/// "Tuesday's").
fn is_a_weekday(words: &str) -> bool {
    let w = crate::fold::strip_possessive(words.trim());
    crate::lexicon::WEEKDAYS
        .iter()
        .any(|d| d.eq_ignore_ascii_case(w))
}

/// Whom a "told" cue's speaker told, when the content runs on right after
/// them with no "that" ("told reporters the union wanted …", "told the
/// Varn Courier on Monday she would resign"): the addressee (and a day
/// after it) is not what was said. One noun phrase is dropped: a listed
/// audience ("reporters", "the crowd", "him"), or a run of capitalised
/// words naming an outlet or person ("Reuters", "The Varn Courier").
/// Hand-written: the audiences news reports speech to are few.
fn without_addressee(toks: &[Token<'_>], lows: &[&str], st: &mut Statement) {
    const AUDIENCES: &[&str] = &[
        "reporters",
        "journalists",
        "correspondents",
        "the newspaper",
        "the paper",
        "the station",
        "the broadcaster",
        "the magazine",
        "the agency",
        "the crowd",
        "the audience",
        "an audience",
        "a crowd",
        "supporters",
        "lawmakers",
        "legislators",
        "parliament",
        "the court",
        "the jury",
        "the committee",
        "the panel",
        "the meeting",
        "delegates",
        "students",
        "voters",
        "me",
        "him",
        "her",
        "us",
        "them",
        "you",
    ];
    if st.direct {
        return;
    }
    let Some(cue_end) = toks.iter().position(|t| t.start >= st.cue.end) else {
        return;
    };
    let told = toks[..cue_end]
        .last()
        .is_some_and(|t| matches!(t.text, "told" | "tells" | "tell" | "telling"));
    if !told || toks[cue_end].start != st.content.start {
        return;
    }
    let at = |i: usize| lows.get(i).copied().unwrap_or("");
    let mut i = cue_end;
    let listed = AUDIENCES.iter().find_map(|a| {
        let words: Vec<&str> = a.split(' ').collect();
        (0..words.len())
            .all(|k| at(i + k) == words[k])
            .then_some(words.len())
    });
    if let Some(n) = listed {
        i += n;
    } else {
        // "The Varn Courier", "Reuters": capitalised words, and "the"
        // opening them.
        if at(i) == "the" {
            i += 1;
        }
        let start = i;
        while toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase))
        {
            i += 1;
        }
        if i == start {
            return;
        }
        // The kind of outlet after its name ("the Korvel news agency").
        while matches!(
            at(i),
            "news"
                | "agency"
                | "newspaper"
                | "daily"
                | "paper"
                | "magazine"
                | "television"
                | "radio"
                | "station"
                | "channel"
                | "network"
                | "website"
        ) {
            i += 1;
        }
    }
    // Where and when, after the addressee ("told reporters in Varn on
    // Tuesday …").
    let weekday = |w: &str| {
        crate::lexicon::WEEKDAYS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w))
    };
    let capitalised = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind == TokKind::Word && t.text.starts_with(char::is_uppercase))
    };
    loop {
        if at(i) == "on" && weekday(at(i + 1)) {
            i += 2;
        } else if weekday(at(i)) || matches!(at(i), "yesterday" | "today") {
            i += 1;
        } else if matches!(at(i), "in" | "at") && capitalised(i + 1) {
            i += 1;
            while capitalised(i) {
                i += 1;
            }
        } else {
            break;
        }
    }
    // What is left must read as a clause of its own: a few words, opened
    // by a word (not a comma or full stop: "told reporters." has no
    // content after it).
    let rest = toks[i..]
        .iter()
        .take_while(|t| t.end <= st.content.end)
        .count();
    if rest < 3 || toks[i].kind != TokKind::Word {
        return;
    }
    st.content = Span::new(toks[i].start, st.content.end);
}

/// Sentence adverbs that open a sentence before its speaker with no comma
/// ("Earlier police said …", "Meanwhile the ministry said …"): not part
/// of who spoke. Hand-written: a short closed list of English usage.
const OPENING_ADVERBS: &[&str] = &[
    "earlier",
    "later",
    "meanwhile",
    "separately",
    "previously",
    "also",
    "now",
    "then",
    "yesterday",
    "today",
    "instead",
    "still",
];

/// `st` with an [`OPENING_ADVERBS`] word dropped from the start of its
/// speaker span (and its resolved name, when that was the span as written).
fn without_opening_adverb(text: &str, toks: &[Token<'_>], st: &mut Statement) {
    let Some(sp) = st.speaker else { return };
    let Some(i) = toks.iter().position(|t| t.start == sp.start) else {
        return;
    };
    let adverb = OPENING_ADVERBS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(toks[i].text));
    let Some(next) = toks.get(i + 1).filter(|t| adverb && t.end <= sp.end) else {
        return;
    };
    let trimmed = Span::new(next.start, sp.end);
    if st.speaker_name.as_deref() == Some(sp.slice(text)) {
        st.speaker_name = Some(trimmed.slice(text).to_string());
    }
    st.speaker = Some(trimmed);
}

/// Words before a stance verb's base form that may be its subject or
/// stand between it and its subject: plural pronouns and nouns that do not
/// end in "s", relative pronouns, auxiliaries, negations and adverbs.
const BEFORE_BASE_FORM: &[&str] = &[
    "i",
    "we",
    "you",
    "they",
    "who",
    "people",
    "police",
    "children",
    "men",
    "women",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "do",
    "did",
    "not",
    "n't",
    "also",
    "still",
    "now",
    "never",
    "all",
    "both",
    "often",
    "else",
    "really",
    "just",
    "even",
    "too",
    "largely",
    "generally",
    "strongly",
];

/// Whether the word before a stance verb's base form ("blast", "back",
/// "fear") shows the verb to be a noun: a lower-case singular word ("the
/// morning blast in Varn", "a massive show of force") cannot be the
/// subject of a base form, which takes a plural or "I", "we", "you",
/// "they" ("critics blast", "officials fear"; a final "s" of "-ous" or
/// "-ss" is no plural's). Capitalised words are left alone ("Ostria and
/// Tarvenia back the plan").
fn singular_before_base(prev_tok: &Token<'_>, prev: &str, verb: &str) -> bool {
    STANCE_VERBS.contains(&verb)
        && !prev_tok.is_capitalised()
        && (!prev.ends_with('s') || prev.ends_with("ous") || prev.ends_with("ss"))
        && !prev.ends_with("ly")
        && !BEFORE_BASE_FORM.contains(&prev)
}

/// Whether a statement's cue is a word that reports nothing here: "Said"
/// inside a name ("Port Said", "Amira Said argued": capitalised after a
/// capitalised word, before a lower-case one), a participle describing a
/// noun before its clause's verb ("the largest figure reported was 40"),
/// or "claim" taking lives ("the fever claims hundreds of lives each
/// year"). The tagger and the rules read them as reporting verbs.
fn cue_in_disguise(toks: &[Token<'_>], cue: Span) -> bool {
    // A quotation running on from the sentence before has no cue word.
    if cue.is_empty() {
        return false;
    }
    let Some(i) = toks.iter().position(|t| t.start == cue.start) else {
        return false;
    };
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word);
    if toks[i].text == "Said" {
        return i > 0
            && word(i - 1).is_some_and(|t| t.is_capitalised())
            && word(i + 1).is_some_and(|t| !t.is_capitalised());
    }
    let low = toks[i].text.to_ascii_lowercase();
    // A participle describing a noun, followed by the clause's verb:
    // "the largest figure reported was 40".
    if low.len() > 4
        && low.ends_with("ed")
        && cue.end == toks[i].end
        && word(i + 1).is_some_and(|t| {
            matches!(
                t.text.to_ascii_lowercase().as_str(),
                "was" | "were" | "is" | "are"
            )
        })
    {
        return true;
    }
    matches!(low.as_str(), "claim" | "claims" | "claimed" | "claiming")
        && toks[i + 1..]
            .iter()
            .take(5)
            .any(|t| t.text.eq_ignore_ascii_case("lives") || t.text.eq_ignore_ascii_case("life"))
}

/// "In a Harbour Times poll released Monday, Holm led Ekvall 48 to 41
/// percent": a poll or survey that opens the sentence is the source of
/// what follows the comma, "In" its cue. The tagger rarely sees the
/// pattern (no reporting verb) and finds nothing.
fn poll_statement(
    text: &str,
    toks: &[Token<'_>],
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
) -> Option<Statement> {
    const POLL_WORDS: &[&str] = &["poll", "polls", "survey", "surveys", "polling"];
    if !toks.first()?.text.eq_ignore_ascii_case("in") {
        return None;
    }
    let comma = (1..toks.len().min(16)).find(|&k| toks[k].is_punct(','))?;
    if !toks[1..comma]
        .iter()
        .any(|t| POLL_WORDS.iter().any(|w| t.text.eq_ignore_ascii_case(w)))
    {
        return None;
    }
    let mut end = toks.len();
    while end > comma + 1 && toks[end - 1].kind == TokKind::Punct {
        end -= 1;
    }
    (end > comma + 3).then(|| {
        let cue = Chunk {
            kind: 2,
            s: 0,
            e: 1,
            runs_on: false,
        };
        let content = tspan(toks, comma + 1, end);
        statement_of(
            text,
            toks,
            sentence,
            Some((1, comma)),
            &cue,
            content,
            false,
            mentions,
            first_mention,
        )
    })
}

/// The tagger's input for every sentence of a plain text, split as in
/// [`find_statements`]: tokens and hashed features into `2^bits` buckets,
/// computed with the cue lexicon `lexicon`. For training.
pub fn tagger_inputs<'t>(
    text: &'t str,
    bits: u32,
    lexicon: &tagger::CueLexicon,
) -> Vec<(Vec<Token<'t>>, tagger::SentenceFeatures)> {
    let mut out = Vec::new();
    each_sentence(text, |v| {
        let p = prepare(
            text, v.toks, v.lows, v.span, v.index, v.mentions, v.first, v.state, bits, lexicon,
            false,
        );
        out.push((
            v.toks.to_vec(),
            p.features.expect("computed when not skipping"),
        ));
    });
    out
}

#[cfg(test)]
mod decode_tests {
    use super::*;

    #[test]
    fn datelines_are_found_and_only_datelines() {
        let end = |text: &str| {
            let toks = tokenize(text, 0);
            toks[..crate::entities::dateline_end(&toks)]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            end("PORT ALDERY, Varesia (AP) — Ostria said it would go."),
            "PORT ALDERY , Varesia ( AP ) —"
        );
        assert_eq!(
            end("LINDHAVEN (Meridian Press) — The board said so."),
            "LINDHAVEN ( Meridian Press ) —"
        );
        assert_eq!(end("TARVIK — Officials said so."), "TARVIK —");
        // Not datelines: a sentence, an acronym as subject, a bracket
        // never closed.
        assert_eq!(end("Ostria said it would go."), "");
        assert_eq!(end("NATO said the patrols would stay."), "");
        assert_eq!(end("UPDATE (a long note without an end"), "");
    }

    #[test]
    fn a_source_after_its_cue_ends_at_a_comma() {
        let toks = tokenize(
            "According to the Associated Press, 571 of them back her.",
            0,
        );
        let cue = Chunk {
            kind: 2,
            s: 0,
            e: 2,
            runs_on: false,
        };
        // "the Associated Press , 571 of them" → "the Associated Press".
        assert_eq!(cut_after_comma(&toks, 2, 9, &cue), (2, 5));
        // A party tag stays: "Scott Brown, R-Mass".
        let toks = tokenize("according to Scott Brown, R-Mass, it is over.", 0);
        let end = toks.iter().position(|t| t.text == "R-Mass").unwrap() + 1;
        assert_eq!(cut_after_comma(&toks, 2, end, &cue), (2, end));
        // An apposition running to the sentence end stays.
        let toks = tokenize("said Jon Doggett, a farmer.", 0);
        let cue = Chunk {
            kind: 2,
            s: 0,
            e: 1,
            runs_on: false,
        };
        assert_eq!(cut_after_comma(&toks, 1, 6, &cue), (1, 6));
        // A source before its cue is left alone.
        let toks = tokenize("Doggett, a farmer, said so.", 0);
        let cue = Chunk {
            kind: 2,
            s: 5,
            e: 6,
            runs_on: false,
        };
        assert_eq!(cut_after_comma(&toks, 0, 4, &cue), (0, 4));
    }
}
