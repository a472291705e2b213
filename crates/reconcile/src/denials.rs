//! "Reported or denied" conflicts: one outlet states what someone denies.
//!
//! Not every disagreement is a figure. One outlet reports "the government
//! paid a ransom of 2 million crowns", another that "the government denied
//! paying a ransom". Such a pair is a conflict about whether the thing
//! happened: the subject is what was denied, as the denial words it
//! ("paying a ransom"), the attribute `reported or denied`, one side the
//! sentences that state it and the other the denial.
//!
//! The rule is narrow, as a false conflict costs more than a missed one:
//!
//! * **a denial of a fact** — an attributed statement whose cue is a verb
//!   of denial ("denied", "denies", "refuted") with a content that is a
//!   fact: a "that" clause or a verb in "-ing" ("denied paying a ransom",
//!   "denied that troops had crossed"), or whose cue names what is denied
//!   ("rejected claims that …", "dismissed reports that …"). A plan or an
//!   offer rejected ("rejected the proposal"), a person denied entry or
//!   bail, are no denials of a fact;
//! * **what was denied** — the content's words up to the first
//!   preposition after its second content word ("paying a ransom", not
//!   "… for the release of the engineers"), at least two content words;
//! * **stated elsewhere** — a sentence of an article of *another outlet*
//!   (a syndicated copy is the same outlet) that holds every one of those
//!   words (verbs compared by their stem, and irregular past forms by their
//!   base: "paid" is "pay") and no negation, denial or refusal ("refused to
//!   pay a ransom" agrees with the denial), nor a condition ("whether",
//!   "if").

use crosscheck_facts::{ArticleFacts, Statement};
use crosscheck_model::{Citation, Conflict, ConflictSide, Document, Span};
use crosscheck_text::Analyzer;

use crate::{Outlets, SpeakerNames};

/// Verbs of denial that deny a fact with any content of the right form.
const DENIALS: &[&str] = &["denied", "denies", "deny", "denying", "refuted", "refutes"];

/// Verbs that deny a fact only with what they deny named in the cue
/// ("rejected claims that …"): alone they refuse plans and offers.
const REJECTIONS: &[&str] = &[
    "rejected",
    "rejects",
    "rejecting",
    "dismissed",
    "dismisses",
    "dismissing",
];

/// What a rejection names when it denies a fact.
const CLAIM_NOUNS: &[&str] = &[
    "reports",
    "report",
    "claims",
    "claim",
    "allegations",
    "allegation",
    "accusations",
    "accusation",
    "suggestions",
    "rumours",
    "rumors",
    "charges",
];

/// Words of a sentence that does not state the denied thing: a negation,
/// a denial or refusal of it, or a condition.
const NOT_STATED: &[&str] = &[
    "not",
    "no",
    "never",
    "nor",
    "n't",
    "denied",
    "denies",
    "deny",
    "denying",
    "refused",
    "refuses",
    "refusing",
    "declined",
    "rejected",
    "dismissed",
    "refuted",
    "without",
    "whether",
    "if",
    "false",
    "untrue",
];

/// Prepositions that end what was denied once it has two content words.
const PREPOSITIONS: &[&str] = &[
    "for", "of", "in", "to", "at", "on", "with", "from", "by", "after", "before", "during", "into",
    "over", "as",
];

/// Irregular past forms of verbs news reports deny, by their base: a
/// stemmer leaves "paid" and "paying" apart. The product's own list: no
/// English lemmatiser among the crates we use.
const IRREGULAR: &[(&str, &str)] = &[
    ("paid", "pay"),
    ("sent", "send"),
    ("held", "hold"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("met", "meet"),
    ("fled", "flee"),
    ("shot", "shoot"),
    ("struck", "strike"),
    ("sold", "sell"),
    ("bought", "buy"),
    ("led", "lead"),
    ("left", "leave"),
    ("made", "make"),
    ("won", "win"),
    ("lost", "lose"),
    ("kept", "keep"),
    ("brought", "bring"),
    ("began", "begin"),
    ("begun", "begin"),
    ("fought", "fight"),
    ("spent", "spend"),
    ("built", "build"),
    ("knew", "know"),
    ("known", "know"),
    ("saw", "see"),
    ("seen", "see"),
    ("told", "tell"),
    ("ran", "run"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("broke", "break"),
    ("broken", "break"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("wrote", "write"),
    ("written", "write"),
    ("caught", "catch"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("sought", "seek"),
    ("forced", "force"),
];

/// The stemmed content terms of `text`, irregular past forms as their base.
fn terms(analyzer: &Analyzer, text: &str) -> Vec<String> {
    crosscheck_text::words(text)
        .into_iter()
        .flat_map(|(_, w)| {
            let low = w.to_lowercase();
            let base = IRREGULAR
                .iter()
                .find(|(form, _)| *form == low)
                .map_or(w, |(_, base)| base);
            analyzer.terms(base)
        })
        .collect()
}

/// What a denial statement denies, as written and as terms, if it denies
/// a fact (see the module's rules).
fn denied(
    analyzer: &Analyzer,
    text: &str,
    cue: Span,
    content: Span,
) -> Option<(String, Vec<String>)> {
    let cue_words: Vec<String> = cue
        .slice(text)
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let denies = cue_words.iter().any(|w| DENIALS.contains(&w.as_str()));
    let names_claim = cue_words.iter().any(|w| CLAIM_NOUNS.contains(&w.as_str()));
    let rejects = cue_words.iter().any(|w| REJECTIONS.contains(&w.as_str()));
    if !(denies || (rejects && names_claim)) {
        return None;
    }
    let written = content.slice(text).trim();
    let words = crosscheck_text::words(written);
    let mut k = 0;
    // "denied reports that …": the claim's noun may open the content.
    while words
        .get(k)
        .is_some_and(|(_, w)| CLAIM_NOUNS.contains(&w.to_lowercase().as_str()))
    {
        k += 1;
    }
    let that = words
        .get(k)
        .is_some_and(|(_, w)| w.eq_ignore_ascii_case("that"));
    let gerund = words.get(k).is_some_and(|(_, w)| w.ends_with("ing"));
    if !(that || gerund || names_claim) {
        return None;
    }
    if that {
        k += 1;
    }
    let start = words.get(k)?.0;
    // Up to the first preposition after two content words.
    let mut content_words = 0;
    let mut end = written.len();
    for &(off, w) in &words[k..] {
        let low = w.to_lowercase();
        if content_words >= 2 && PREPOSITIONS.contains(&low.as_str()) {
            end = off;
            break;
        }
        if !analyzer.terms(w).is_empty() {
            content_words += 1;
        }
    }
    let core = crosscheck_text::fold_whitespace(written[start..end].trim_end_matches([',', ' ']));
    let core_terms = terms(analyzer, &core);
    // Names alone ("that Kessler was in Varn") say nothing a sentence
    // naming both would state: a verb or a common noun must be denied.
    let common = crosscheck_text::words(&core)
        .iter()
        .any(|(_, w)| w.starts_with(char::is_lowercase) && !analyzer.terms(w).is_empty());
    (core_terms.len() >= 2 && common).then_some((core, core_terms))
}

/// Whether a sentence states what `core` holds: every term, and none of
/// [`NOT_STATED`].
fn states(analyzer: &Analyzer, sentence: &str, core: &[String]) -> bool {
    let lower = sentence.to_lowercase();
    let negated = crosscheck_text::words(&lower)
        .iter()
        .any(|(_, w)| NOT_STATED.contains(w) || w.ends_with("n't"));
    if negated {
        return false;
    }
    let have = terms(analyzer, sentence);
    // Every term, close together: within twice the denied words and three
    // more ("Ostria is supporting Varn rebels" states "supporting Varn
    // rebels"; a sentence naming Ostria at its start and rebels at its end
    // does not).
    let at: Vec<Vec<usize>> = core
        .iter()
        .map(|t| (0..have.len()).filter(|&i| have[i] == *t).collect())
        .collect();
    if at.iter().any(Vec::is_empty) {
        return false;
    }
    let span = 2 * core.len() + 3;
    at[0].iter().any(|&first| {
        at.iter()
            .all(|ps| ps.iter().any(|&p| p + span >= first && p <= first + span))
    })
}

/// A citation of sentence `i` of `doc`, whole.
fn cite_sentence(doc: &Document, i: usize) -> Citation {
    let span = doc.sentences[i].span;
    Citation {
        article: doc.article.id.clone(),
        start: span.start,
        end: span.end,
    }
}

/// A statement's speaker: its resolved name, else as written.
fn written_speaker(s: &Statement, text: &str) -> Option<String> {
    s.speaker_name
        .clone()
        .or_else(|| s.speaker.map(|sp| sp.slice(text).to_string()))
}

/// The story's "reported or denied" conflicts.
pub(crate) fn find(
    docs: &[&Document],
    facts: &[ArticleFacts],
    outlets: &Outlets,
    speakers: &SpeakerNames<'_>,
) -> Vec<Conflict> {
    let analyzer = Analyzer::english();
    let mut out: Vec<Conflict> = Vec::new();
    for (doc, f) in docs.iter().zip(facts) {
        let text = doc.article.text.as_str();
        for s in &f.statements {
            let Some((core, core_terms)) = denied(&analyzer, text, s.cue, s.content) else {
                continue;
            };
            if out.iter().any(|c| c.subject == core) {
                continue;
            }
            let outlet = outlets.of(&doc.article.id);
            // A cheap look first: sentences holding every term as stemmed
            // already, or an irregular past form of it ("paid" for "pay").
            let accepted: Vec<Vec<String>> = core_terms
                .iter()
                .map(|t| {
                    let mut forms = vec![t.clone()];
                    for (form, base) in IRREGULAR {
                        if analyzer.terms(base).first() == Some(t) {
                            forms.extend(analyzer.terms(form));
                        }
                    }
                    forms
                })
                .collect();
            let mut stated: Vec<Citation> = Vec::new();
            let mut stated_by: Vec<String> = Vec::new();
            for (other, of) in docs.iter().zip(facts) {
                if outlets.of(&other.article.id) == outlet {
                    continue;
                }
                for (i, sentence) in other.sentences.iter().enumerate() {
                    let may_state = accepted
                        .iter()
                        .all(|forms| forms.iter().any(|f| sentence.terms.contains(f)));
                    if !may_state {
                        continue;
                    }
                    let written = other.sentence_text(i);
                    if !states(&analyzer, written, &core_terms) {
                        continue;
                    }
                    let at = cite_sentence(other, i);
                    // Who reports it: a reporting cue's speaker in that
                    // sentence (not a stance the tagger read there).
                    let reports = |st: &&Statement| {
                        st.sentence == i
                            && st
                                .cue
                                .slice(&other.article.text)
                                .split_whitespace()
                                .any(|w| crosscheck_facts::is_reporting_word(&w.to_lowercase()))
                    };
                    for st in of.statements.iter().filter(reports) {
                        let raw = written_speaker(st, &other.article.text);
                        if let Some(name) = raw.and_then(|r| speakers.name(&r, &at)) {
                            if !stated_by.contains(&name) {
                                stated_by.push(name);
                            }
                        }
                    }
                    stated.push(at);
                }
            }
            if stated.is_empty() {
                continue;
            }
            let sentence = &doc.sentences[s.sentence];
            let at = cite_sentence(doc, s.sentence);
            // The words before the cue when the tagger named no speaker
            // ("The Ostrian government on Tuesday denied …").
            let before_cue = text
                .get(sentence.span.start..s.cue.start)
                .map(str::trim)
                .filter(|b| {
                    !b.is_empty()
                        && b.split_whitespace().count() <= 8
                        && b.starts_with(char::is_uppercase)
                        && !b.contains(['"', ',', '\u{201C}', '\u{201D}'])
                });
            let raw = written_speaker(s, text).or_else(|| before_cue.map(str::to_string));
            let denied_by: Vec<String> = raw
                .and_then(|r| speakers.name(&r, &at))
                .into_iter()
                .collect();
            out.push(Conflict {
                subject: core,
                attribute: "reported or denied".to_string(),
                sides: vec![
                    ConflictSide {
                        value: "reported".to_string(),
                        citations: stated,
                        speakers: stated_by,
                    },
                    ConflictSide {
                        value: "denied".to_string(),
                        citations: vec![at],
                        speakers: denied_by,
                    },
                ],
            });
        }
    }
    out
}
