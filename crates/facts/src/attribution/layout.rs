//! Attributions told by layout rather than by a verb: the speaker labels of
//! an interview transcript or a headline ("STROM: Well, the barriers were
//! tested", "Mayor Strom: Barriers Will Hold") and a quotation signed with a
//! dash ("“Nobody warned us.” ― Mira Holm"). Written by hand: the tagger
//! reads one sentence at a time and sees too few of these in its training
//! data to learn them, while the conventions themselves are fixed
//! typography.

use crosscheck_model::Span;

use super::{tspan, QuoteState};
use crate::token::{TokKind, Token};
use crate::{EntityKind, Mention, Statement};

/// Words that head a label which is not a speaker ("UPDATE:", "The Latest:",
/// "Poll:", "Watch:"): section and format markers of news pages.
const NOT_SPEAKER_LABELS: &[&str] = &[
    "update",
    "updated",
    "breaking",
    "latest",
    "watch",
    "video",
    "photos",
    "photo",
    "exclusive",
    "poll",
    "polls",
    "report",
    "read",
    "related",
    "note",
    "editor",
    "correction",
    "source",
    "sources",
    "byline",
    "contributing",
    "listen",
    "live",
    "analysis",
    "opinion",
    "review",
    "transcript",
    "q",
    "a",
    "question",
    "answer",
    "warning",
    "wow",
    "boom",
    "revealed",
    "see",
    "more",
    "also",
    "advertisement",
    "sponsored",
    "tags",
    "filed",
    "posted",
    "caption",
];

/// Whether the sentence `span` begins a line of `text` (after an optional
/// opening quote mark).
fn starts_line(text: &str, span: Span) -> bool {
    // Read back from the sentence to the line break: the first other
    // character settles it (usually the previous sentence's full stop,
    // right there), so the scan never runs over the text before it.
    for c in text[..span.start].chars().rev() {
        if c == '\n' {
            return true;
        }
        if !(c.is_whitespace() || "\"“'‘".contains(c)) {
            return false;
        }
    }
    true
}

/// Whether a label token is written in capitals throughout ("STROM").
fn all_caps(t: &Token<'_>) -> bool {
    t.text.chars().any(char::is_alphabetic)
        && t.text
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The speaker label opening a sentence: the name's first token and the
/// index of the colon ending it. A label is one to four capitalised words at the
/// start of a line followed by a colon and at least two words; it names a
/// speaker if it is one of the article's people or organisations: a
/// mention found in the label itself, or, for a label in capitals, an
/// earlier mention of a person that holds its words ("STROM" after
/// "Halvard Strom").
fn speaker_label(
    text: &str,
    toks: &[Token<'_>],
    sentence_span: Span,
    mentions: &[Mention],
    first_mention: usize,
) -> Option<(usize, usize)> {
    if !starts_line(text, sentence_span) {
        return None;
    }
    let start = toks.iter().position(|t| t.kind == TokKind::Word)?;
    if start > 1 {
        return None;
    }
    let colon = (start + 1..toks.len().min(start + 5)).find(|&k| toks[k].text == ":")?;
    let label = &toks[start..colon];
    let words_after = toks[colon + 1..]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count();
    if words_after < 2
        || !label.iter().all(|t| {
            t.kind == TokKind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        })
        || NOT_SPEAKER_LABELS.contains(&label[0].text.to_lowercase().as_str())
    {
        return None;
    }
    let (ls, le) = (label[0].start, label[label.len() - 1].end);
    let speaker_kind =
        |m: &Mention| matches!(m.kind, EntityKind::Person | EntityKind::Organization);
    let current = mentions.get(first_mention..).unwrap_or_default();
    let named_here = current
        .iter()
        .any(|m| speaker_kind(m) && m.span.start >= ls && m.span.end <= le);
    let named_before = label.iter().all(all_caps)
        && label.iter().all(|t| {
            let low = t.text.to_lowercase();
            mentions[..first_mention.min(mentions.len())]
                .iter()
                .filter(|m| m.kind == EntityKind::Person)
                .any(|m| m.text.split_whitespace().any(|w| w.to_lowercase() == low))
        });
    (named_here || named_before).then_some((start, colon))
}

/// A dash signing a quotation at token `at`: the token range of the name
/// after it. The name is up to six capitalised words and initials (an
/// apposition after a comma may follow: "― Mira Holm, 44") running to the
/// end of the sentence or to the next quotation.
fn dash_signature(toks: &[Token<'_>], at: usize) -> Option<(usize, usize)> {
    let dash = toks.get(at)?;
    if dash.kind != TokKind::Punct || !matches!(dash.text, "―" | "—" | "--" | "–") {
        return None;
    }
    let s = at + 1;
    let mut e = s;
    // Capitalised words, and the full stops of initials after the first
    // ("Edwin G. Monroy").
    while e < toks.len() && e - s < 6 {
        let t = &toks[e];
        let initial = t.kind == TokKind::Punct && t.text == "." && e > s;
        let capital =
            t.kind == TokKind::Word && t.text.chars().next().is_some_and(char::is_uppercase);
        if !(initial || capital) {
            break;
        }
        e += 1;
    }
    // A full stop after a whole word ends the sentence, not an initial.
    if e > s + 1 && toks[e - 1].text == "." && toks[e - 2].text.chars().count() > 1 {
        e -= 1;
    }
    if e == s {
        return None;
    }
    let ends = toks
        .get(e)
        .is_none_or(|t| t.kind == TokKind::Punct && matches!(t.text, "," | "." | "“" | "\"" | "("));
    ends.then_some((s, e))
}

/// The quotation that closes the sentence, as a content span (inside the
/// marks), if the sentence ends with one.
pub(super) fn closing_quotation(toks: &[Token<'_>]) -> Option<Span> {
    let regions = super::quote_regions(toks);
    let &(o, c) = regions.last()?;
    let closed = c > o + 1 && super::is_close_quote(&toks[c]);
    let tail = (c + 1..toks.len()).all(|k| toks[k].kind == TokKind::Punct);
    (closed && tail).then(|| tspan(toks, o + 1, c))
}

/// What a sentence says by layout.
pub(super) struct Laid {
    /// The statement of a speaker label opening the sentence.
    label: Option<Statement>,
    /// Quotations signed with a dash.
    signed: Vec<Statement>,
}

/// Statements a sentence makes by layout: a speaker label opening it, or a
/// dash signing the quotation just before (in this sentence or closing the
/// previous one, kept in `state`).
pub(super) fn statements(
    text: &str,
    toks: &[Token<'_>],
    sentence_span: Span,
    sentence: usize,
    mentions: &[Mention],
    first_mention: usize,
    state: &QuoteState,
) -> Laid {
    let mut label = None;
    let mut signed = Vec::new();
    let name_of = |s: usize, e: usize| {
        let span = tspan(toks, s, e);
        Some(text[span.start..span.end].to_string())
    };
    if let Some((s, colon)) = speaker_label(text, toks, sentence_span, mentions, first_mention) {
        let e = colon;
        let rest = super::trim_content(toks, colon + 1, toks.len());
        if let Some((cs, ce)) = rest {
            let quoted = super::quote_regions(toks)
                .iter()
                .any(|&(o, c)| o <= cs + 1 && c + 2 >= ce);
            label = Some(Statement {
                sentence,
                speaker: Some(tspan(toks, s, e)),
                speaker_name: name_of(s, e),
                cue: tspan(toks, colon, colon + 1),
                content: tspan(toks, cs, ce),
                direct: quoted,
            });
        }
    }
    for at in 0..toks.len() {
        let Some((s, e)) = dash_signature(toks, at) else {
            continue;
        };
        // The quotation signed: closing the text before the dash in this
        // sentence, or closing the previous sentence.
        let before = closing_quotation(&toks[..at]).or_else(|| {
            let only_punct = toks[..at].iter().all(|t| t.kind == TokKind::Punct);
            state
                .last_quotation
                .filter(|&(_, k)| only_punct && k + 1 == sentence)
                .map(|(span, _)| span)
        });
        if let Some(content) = before {
            signed.push(Statement {
                sentence,
                speaker: Some(tspan(toks, s, e)),
                speaker_name: name_of(s, e),
                cue: tspan(toks, at, at + 1),
                content,
                direct: true,
            });
        }
    }
    Laid { label, signed }
}

/// The sentence's statements: those told by layout first, then the
/// tagger's (or the rules') that do not claim the same cue or speaker; a
/// sentence inside a transcript turn's paragraph continues the turn.
/// Updates the layout parts of `state`.
pub(super) fn combine(
    text: &str,
    toks: &[Token<'_>],
    sentence_span: Span,
    sentence: usize,
    laid: Laid,
    found: Vec<Statement>,
    state: &mut QuoteState,
) -> Vec<Statement> {
    state.last_quotation = closing_quotation(toks).map(|span| (span, sentence));
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let labelled = laid.label.is_some();
    state.turn = match &laid.label {
        Some(st) => {
            let end = text[sentence_span.end..]
                .find('\n')
                .map_or(text.len(), |k| sentence_span.end + k);
            st.speaker.map(|sp| (sp, st.speaker_name.clone(), end))
        }
        None => state
            .turn
            .take()
            .filter(|&(_, _, end)| sentence_span.start < end),
    };
    let mut out: Vec<Statement> = laid.label.into_iter().chain(laid.signed).collect();
    if !labelled {
        if let Some((speaker, name, _)) = &state.turn {
            if let Some((s, e)) = super::trim_content(toks, 0, toks.len()) {
                out.push(Statement {
                    sentence,
                    speaker: Some(*speaker),
                    speaker_name: name.clone(),
                    cue: Span::new(sentence_span.start, sentence_span.start),
                    content: tspan(toks, s, e),
                    direct: false,
                });
            }
        }
    }
    let claimed: Vec<(Span, Option<Span>)> = out.iter().map(|st| (st.cue, st.speaker)).collect();
    out.extend(found.into_iter().filter(|st| {
        !claimed.iter().any(|&(cue, speaker)| {
            (!cue.is_empty() && !st.cue.is_empty() && overlaps(cue, st.cue))
                || speaker.zip(st.speaker).is_some_and(|(a, b)| overlaps(a, b))
        })
    }));
    out
}

#[cfg(test)]
mod tests {
    use crate::find_statements;

    /// `(speaker, cue, content)` of every statement of `text`.
    fn triples(text: &str) -> Vec<(String, String, String)> {
        find_statements(text)
            .into_iter()
            .map(|s| {
                (
                    s.speaker
                        .map_or(String::new(), |sp| text[sp.start..sp.end].to_string()),
                    text[s.cue.start..s.cue.end].to_string(),
                    text[s.content.start..s.content.end].to_string(),
                )
            })
            .collect()
    }

    fn has(found: &[(String, String, String)], speaker: &str, cue: &str, content: &str) -> bool {
        found
            .iter()
            .any(|(s, c, n)| s == speaker && c == cue && n == content)
    }

    #[test]
    fn transcript_turns_are_their_speakers_statements() {
        let text = "Channel 4 host Dana Okafor asked Mayor Halvard Strom about the barriers on Sunday.\n\n\
                    OKAFOR: Mayor, will the barriers hold this week? Many residents are worried.\n\n\
                    STROM: Well, look, the barriers were tested in March. They will hold.\n\n\
                    UPDATE: The council met on Monday.\n";
        let found = triples(text);
        assert!(
            has(
                &found,
                "OKAFOR",
                ":",
                "Mayor, will the barriers hold this week?"
            ),
            "{found:?}"
        );
        assert!(
            has(
                &found,
                "STROM",
                ":",
                "Well, look, the barriers were tested in March"
            ),
            "{found:?}"
        );
        // The turn's next sentence is the same speaker's, with no cue of its own.
        assert!(has(&found, "STROM", "", "They will hold"), "{found:?}");
        // A section marker is not a speaker, nor is a name nobody was introduced by.
        assert!(!found.iter().any(|(s, _, _)| s == "UPDATE"), "{found:?}");
        let unknown =
            triples("Residents met on Sunday.\n\nHARBOUR: Boats will be moved on Monday.\n");
        assert!(
            !unknown.iter().any(|(s, _, _)| s == "HARBOUR"),
            "{unknown:?}"
        );
    }

    #[test]
    fn a_headline_label_names_its_speaker() {
        let found =
            triples("Halvard Strom: Flood Barriers Will Hold\n\nThe mayor spoke on Sunday.\n");
        assert!(
            has(&found, "Halvard Strom", ":", "Flood Barriers Will Hold"),
            "{found:?}"
        );
    }

    #[test]
    fn a_dash_signs_the_quotation_before_it() {
        let text = "Residents of Varn spoke to us.\n\n\
                    “The water came up to the second floor. We lost everything.” ― Mira Holm, 44\n\n\
                    “Nobody warned us.” — Jonas Ekvall\n\n\
                    “The sirens never sounded.” ― Edwin G. Talmadge.\n\n\
                    The jet was 30 minutes away ― Strom declined, even so.\n";
        let found = triples(text);
        assert!(
            has(
                &found,
                "Mira Holm",
                "―",
                "The water came up to the second floor. We lost everything."
            ),
            "{found:?}"
        );
        assert!(
            has(&found, "Jonas Ekvall", "—", "Nobody warned us."),
            "{found:?}"
        );
        // Initials stay in the name; the closing full stop does not.
        assert!(
            has(
                &found,
                "Edwin G. Talmadge",
                "―",
                "The sirens never sounded."
            ),
            "{found:?}"
        );
        // A dash inside a sentence, before a verb, signs nothing.
        assert!(
            !found.iter().any(|(s, c, _)| s == "Strom" && c == "―"),
            "{found:?}"
        );
    }
}
