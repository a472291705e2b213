//! Attribution: who said what.
//!
//! Rules over tokens, the way English news reports speech:
//!
//! * `SOURCE CUE [that] CONTENT` — "Mayor Corin Ashdown said buses had been sent ...";
//! * `CONTENT, SOURCE CUE.` — "..., emergency officials said.";
//! * `CONTENT, CUE SOURCE.` — "..., said Haldis Brennock, 58.";
//! * `according to SOURCE, CONTENT` and `CONTENT, according to SOURCE`;
//! * quotations: `“QUOTE,” SOURCE CUE ...` and a following all-quote
//!   sentence continuing the same speaker.

use crosscheck_model::Span;

use crate::fold::strip_possessive;
use crate::lexicon::{CUES_WITH_OBJECT, CUE_PHRASES, CUE_WORDS, SPEAKER_PRONOUNS};
use crate::token::{tokenize, TokKind, Token};
use crate::{EntityKind, Mention, Statement};

/// Carries a quotation's speaker to the next sentence.
#[derive(Debug, Default, Clone)]
pub struct QuoteState {
    /// Speaker span and name of the last direct quotation, if the previous
    /// sentence ended in one.
    last: Option<(Option<Span>, Option<String>, usize)>,
}

fn is_open_quote(t: &Token<'_>) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "“" | "\"" | "‘")
}
fn is_close_quote(t: &Token<'_>) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "”" | "\"" | "’")
}

/// Quoted regions of a sentence as token index ranges `(open, close)`,
/// inclusive of the quote marks. An unclosed quote runs to the end.
fn quote_regions(toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        match open {
            None if t.text == "“" || t.text == "\"" => open = Some(i),
            Some(o) if t.text == "”" || (t.text == "\"" && toks[o].text == "\"") => {
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
    ) || CUE_WORDS.contains(&w)
}

/// Adverbs and auxiliaries allowed between a speaker and the cue ("has
/// also said", "later told").
fn skippable_before_cue(w: &str) -> bool {
    matches!(
        w,
        "also"
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

/// A cue at token `i`: its length in tokens.
fn cue_at(lows: &[String], i: usize) -> Option<usize> {
    for phrase in CUE_PHRASES {
        if phrase
            .iter()
            .enumerate()
            .all(|(k, w)| lows.get(i + k).is_some_and(|x| x == w))
        {
            return Some(phrase.len());
        }
    }
    CUE_WORDS.contains(&lows[i].as_str()).then_some(1)
}

/// Noun phrase ending just before token `end` (exclusive), scanning left:
/// token range, or `None` if empty.
fn np_left(toks: &[Token<'_>], lows: &[String], end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    let mut n = 0;
    while s > 0 && n < 9 {
        let t = &toks[s - 1];
        let w = lows[s - 1].as_str();
        let ok = match t.kind {
            TokKind::Word => !np_stop(w) || (w == "for" || w == "of" || w == "at"),
            TokKind::Number => true,
            TokKind::Punct => matches!(t.text, "-" | "’" | "'" | "."),
        };
        if !ok {
            break;
        }
        s -= 1;
        n += 1;
    }
    // Do not start or end on a preposition.
    while s < end && matches!(lows[s].as_str(), "for" | "of" | "at" | "." | "-") {
        s += 1;
    }
    (s < end).then_some((s, end))
}

/// Noun phrase starting at `start`, scanning right, for inverted speakers
/// ("said Haldis Brennock, 58") and "according to X".
fn np_right(toks: &[Token<'_>], lows: &[String], start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    let mut n = 0;
    while e < toks.len() && n < 10 {
        let t = &toks[e];
        let w = lows[e].as_str();
        let ok = match t.kind {
            TokKind::Word => !np_stop(w) || (e > start && matches!(w, "for" | "of" | "at")),
            TokKind::Number => e > start,
            TokKind::Punct => matches!(t.text, "-" | "’" | "'"),
        };
        if !ok {
            break;
        }
        e += 1;
        n += 1;
    }
    while e > start && matches!(lows[e - 1].as_str(), "for" | "of" | "at" | "-") {
        e -= 1;
    }
    (e > start).then_some((start, e))
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
    if let Some(m) = inside.iter().find(|m| m.kind == EntityKind::Person) {
        return Some(m.text.clone());
    }
    if let Some(m) = inside.iter().find(|m| {
        let rest = text.get(m.span.end..span.end).unwrap_or("");
        rest.trim().is_empty() || rest.starts_with(" (")
    }) {
        return Some(m.text.clone());
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
    // whose name ends in that word, else the latest organisation.
    if words.len() <= 3 && matches!(words[0], "the" | "its" | "their") {
        let orgs: Vec<&Mention> = before
            .filter(|m| m.kind == EntityKind::Organization)
            .collect();
        if let Some(m) = orgs
            .iter()
            .rev()
            .find(|m| m.text.to_lowercase().ends_with(head))
            .or(orgs.last().filter(|_| {
                matches!(
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

/// Statements of one sentence.
pub fn statements_in_sentence(
    text: &str,
    toks: &[Token<'_>],
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
    let lows: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    let quotes = quote_regions(toks);
    let in_quote = |k: usize| quotes.iter().any(|&(o, c)| k > o && k < c);
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if in_quote(i) || toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        let Some(len) = cue_at(&lows, i) else {
            i += 1;
            continue;
        };
        let cue = (i, i + len);
        let according = lows[i] == "according";
        let strong = STRONG_CUES.contains(&lows[i].as_str());
        let prev_w = if i > 0 { lows[i - 1].as_str() } else { "" };
        // Passive or instruction: "was told", "were told to leave", "is
        // expected to".
        if matches!(
            prev_w,
            "be" | "is" | "are" | "was" | "were" | "been" | "being"
        ) || (lows[i] == "told" && lows.get(i + 1).is_some_and(|w| w == "to"))
        {
            i += 1;
            continue;
        }
        let mut source: Option<(usize, usize)>;
        let mut content: Option<(usize, usize)> = None;
        if according {
            source = np_right(toks, &lows, cue.1);
            if let Some((_, se)) = source {
                if i > 0 && toks[i - 1].is_punct(',') {
                    content = trim_content(toks, 0, i - 1);
                } else if toks.get(se).is_some_and(|t| t.is_punct(',')) {
                    content = trim_content(toks, se + 1, n);
                } else if i == 0 {
                    content = trim_content(toks, se, n);
                }
            }
        } else if i > 1 && toks[i - 1].is_punct(',') && PARTICIPLE_CUES.contains(&lows[i].as_str())
        {
            // "..., saying ...": the speaker is the subject of the clause.
            source = np_right(toks, &lows, 0).filter(|&(s, e)| {
                e < i && (toks[s].is_capitalised() || SPEAKER_PRONOUNS.contains(&lows[s].as_str()))
            });
            let mut c = cue.1;
            if CUES_WITH_OBJECT.contains(&lows[i].as_str()) || lows[i] == "telling" {
                if let Some((_, e)) = np_right(toks, &lows, c) {
                    c = e;
                }
            }
            content = trim_content(toks, c, n);
        } else {
            // Speaker to the left, skipping auxiliaries and adverbs.
            let mut b = i;
            while b > 0 && skippable_before_cue(&lows[b - 1]) {
                b -= 1;
            }
            source = np_left(toks, &lows, b);
            // "Its operations director, Oleksii Hordiienko, said" and "Lida
            // Korvenko, an opposition member ..., said": an appositive
            // between commas after the speaker; "The Board (NPSB), which
            // investigates ..., said": a relative clause after it.
            if source.is_none() && b > 1 && toks[b - 1].is_punct(',') {
                if let Some(p) = (0..b - 1).rev().find(|&k| toks[k].is_punct(',')) {
                    let seg_first = lows.get(p + 1).map(String::as_str).unwrap_or("");
                    let outer = np_left(toks, &lows, p).or_else(|| {
                        // "(NPSB)" before the comma.
                        (p > 0 && toks[p - 1].is_punct(')'))
                            .then(|| (0..p).rev().find(|&k| toks[k].is_punct('(')))
                            .flatten()
                            .and_then(|o| np_left(toks, &lows, o).map(|(s, _)| (s, p)))
                    });
                    let outer =
                        outer.filter(|&(os, _)| os == 0 || toks[os - 1].kind == TokKind::Punct);
                    if let Some((os, oe)) = outer {
                        if matches!(seg_first, "which" | "who" | "whose") {
                            source = Some((os, oe));
                        } else if np_left(toks, &lows, b - 1).is_some_and(|(s, _)| s == p + 1) {
                            source = Some((os, b - 1));
                        }
                    }
                }
            }
            let left_is_content = source.is_some_and(|(s, _)| {
                s > 0 && (toks[s - 1].is_punct(',') || is_close_quote(&toks[s - 1]))
            });
            if source.is_none() {
                // Inverted: "..., said Haldis Brennock".
                let named = toks.get(cue.1).is_some_and(|t| {
                    t.is_capitalised() || matches!(t.text, "the" | "a" | "an" | "one")
                });
                if i > 0
                    && (toks[i - 1].is_punct(',') || is_close_quote(&toks[i - 1]))
                    && INVERTING_CUES.contains(&lows[i].as_str())
                    && named
                {
                    source = np_right(toks, &lows, cue.1);
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
                if CUES_WITH_OBJECT.contains(&lows[i].as_str()) {
                    if let Some((_, e)) = np_right(toks, &lows, c) {
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
            let head = lows[se - 1].as_str();
            let pronoun = se - ss == 1 && SPEAKER_PRONOUNS.contains(&head);
            if !strong {
                let named = pronoun
                    || (ss..se)
                        .any(|k| toks[k].is_capitalised() && k > 0 && !is_open_quote(&toks[k - 1]))
                    || (ss..se).any(|k| toks[k].is_capitalised()) && ss > 0;
                let opens = lows[cs] == "that" || is_open_quote(&toks[cs]) || ce <= ss;
                if !named || !opens {
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
            // Cues inside the content belong to the reported speech.
            i = if cs >= cue.1 { ce.max(cue.1) } else { cue.1 };
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
    let _ = strip_possessive;
    out
}

/// Statements of a plain text, split into sentences by a simple rule
/// (terminal punctuation followed by a space and a capital or quote, or a
/// blank line). For evaluation and for callers without a [`Document`](crosscheck_model::Document).
pub fn find_statements(text: &str) -> Vec<Statement> {
    let spans = crosscheck_text::sentences(text);
    let sentence_tokens: Vec<Vec<Token<'_>>> = spans
        .iter()
        .map(|(s, _)| tokenize(&text[s.start..s.end], s.start))
        .collect();
    let inside = crate::entities::capitalised_inside(&sentence_tokens);
    let mut mentions = Vec::new();
    let mut out = Vec::new();
    let mut state = QuoteState::default();
    for (i, toks) in sentence_tokens.iter().enumerate() {
        let first = mentions.len();
        crate::entities::find(text, toks, i, &inside, &mut mentions);
        out.extend(statements_in_sentence(
            text, toks, spans[i].0, i, &mentions, first, &mut state,
        ));
    }
    out
}
