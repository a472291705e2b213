//! Who said what: the story's attributed statements, as a reader wants
//! them — one entry per thing someone said, however many outlets report
//! it.
//!
//! The facts stage finds attributions in the wide sense the PolNeAR
//! annotation gives them (beliefs, plans, support, "is speculation"). This
//! list keeps **speech**: statements whose reporting words include one of
//! the attribution rules' reporting verbs ("said", "told reporters",
//! "warned", "according to") or that continue a quotation, and whose
//! speaker is known — a name, or a description such as "the hospital
//! trust" — not a pronoun left unresolved. A resolved speaker is shown as
//! the story's entity list names them ("Mira Holm" for "Holm" or "she").
//!
//! **One statement, several outlets.** Statements of one speaker are one
//! statement when their words are the same (one quotation inside the
//! other) or when one restates the other closely (the same-claim model of
//! [`crate::paraphrase`] at the strict [`crate::speakers::PARAPHRASE_THRESHOLD`]).
//! The entry shows the first report's words, or the first quotation if an
//! outlet quotes what others report, cites the content in every article
//! that reports it, and counts the independent outlets as claims do (a
//! wire story and its reprints once).

use ahash::AHashMap as HashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;

use crosscheck_facts::fold::strip_possessive;
use crosscheck_facts::{
    described_organisation, is_number_word, is_pronoun_speaker, is_reporting_word, ArticleFacts,
};
use crosscheck_model::{AttributedStatement, Document, Entity, Span};
use crosscheck_text::Analyzer;

use crate::paraphrase::{self, SentenceFeatures};
use crate::speakers::{
    contains_run, hash_word, opened_by_quote, said_content, split_words, PARAPHRASE_THRESHOLD,
};
use crate::Outlets;

/// Fewest words a statement needs to be listed ("It is", "No" say nothing
/// on their own).
const MIN_WORDS: usize = 3;

/// One statement of one article.
struct Said {
    speaker: String,
    article: usize,
    /// The content, tidied for display.
    content: String,
    /// Where the content is in its article's text.
    span: Span,
    cue: String,
    direct: bool,
    /// Where the speaker and the cue are, and the sentence (to find
    /// statements reported second hand).
    speaker_at: Option<Span>,
    cue_at: Span,
    sentence: usize,
    /// The outer attribution's speaker of a statement reported second hand.
    via: Option<String>,
    /// Hashes of the content's lower-case words, in order, and the same
    /// sorted and deduplicated (the cheap pre-filter): made only for
    /// speakers reported by several articles, whose statements are compared.
    words: Vec<u64>,
    word_set: Vec<u64>,
    /// The content's figures, sorted (made with the hashes).
    figures: Vec<String>,
    /// Hashes of its runs of [`SHARED_RUN`] words, sorted (made with the
    /// hashes).
    runs: Vec<u64>,
}

/// The statements of a story: `docs` and `facts` as given to
/// [`crate::Reconciler::reconcile`], `entities` the story's merged ones.
pub(crate) fn collect(
    docs: &[&Document],
    facts: &[ArticleFacts],
    entities: &[Entity],
    outlets: &Outlets,
) -> Vec<AttributedStatement> {
    let by_variant = crate::variant_index(entities);
    let surnames = surnames(entities);
    let analyzer = Analyzer::english();
    let mut said: Vec<Said> = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let Some(f) = facts.iter().find(|f| f.article == doc.article.id) else {
            continue;
        };
        let text = &doc.article.text;
        // This article's statements start here.
        let first = said.len();
        for st in &f.statements {
            let cue = st.cue.slice(text);
            let cue_words: Vec<String> = split_words(cue).map(str::to_lowercase).collect();
            // A continued quotation has no cue of its own; any other
            // statement needs a reporting word.
            if !st.cue.is_empty() && !cue_words.iter().any(|w| is_reporting_word(w)) {
                continue;
            }
            // "X has been accused of …", "Y was believed to …": the one
            // named is spoken of, not speaking.
            let passive = cue_words.windows(2).any(|w| {
                matches!(
                    w[0].as_str(),
                    "been" | "was" | "were" | "is" | "are" | "being"
                ) && (w[1].ends_with("ed")
                    || matches!(
                        w[1].as_str(),
                        "told" | "said" | "thought" | "known" | "seen"
                    ))
            });
            // "Thousands told to leave homes" (a headline's passive): a
            // telling verb straight before "to" has lost its addressee, so
            // the one named is told, not telling.
            let told_to = cue_words.last().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "told" | "asked" | "ordered" | "advised" | "urged" | "instructed"
                )
            }) && st.content.slice(text).trim_start().starts_with("to ");
            if passive || told_to {
                continue;
            }
            let written = st.speaker.map(|s| s.slice(text).trim());
            // "he" or "she" stands for a person: resolved to a name the
            // story knows as something else (a company, a country), it was
            // resolved wrongly, and the statement is left out rather than
            // credited to it.
            let personal = written
                .is_some_and(|w| w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"));
            let speaker = match (st.speaker_name.as_deref(), written) {
                (Some(name), _) => match by_variant
                    .get(strip_possessive(name))
                    .copied()
                    .or_else(|| by_surname(&surnames, strip_possessive(name)))
                {
                    Some(e) if personal && entities[e].kind != "person" => continue,
                    Some(e) => entities[e].name.clone(),
                    None => crosscheck_text::fold_whitespace(name),
                },
                (None, Some(w)) if !w.is_empty() && !is_pronoun_speaker(&w.to_lowercase()) => {
                    crosscheck_text::fold_whitespace(w)
                }
                _ => continue,
            };
            // A description the article could not resolve may name an
            // organisation another article names ("Ostria's spy
            // service" before any article's "Ostrian Intelligence
            // Service").
            let speaker = if by_variant.contains_key(speaker.as_str()) {
                speaker
            } else {
                described_organisation(
                    &speaker,
                    entities
                        .iter()
                        .filter(|e| e.kind == "organization")
                        .map(|e| e.name.as_str()),
                )
                .map_or(speaker.clone(), str::to_string)
            };
            let speaker =
                without_when_or_how(without_channel(speaker.trim_end_matches([',', ':', ' '])));
            let Some(speaker) = without_relative_pronoun(speaker) else {
                continue;
            };
            let speaker = speaker.to_string();
            // "the embassy" after "the Ostrian embassy in Varn said" in the
            // same article is that body: a bare description takes the
            // latest named speaker of the article that it describes.
            let speaker = match speaker
                .strip_prefix("the ")
                .or(speaker.strip_prefix("The "))
            {
                Some(rest)
                    if split_words(rest).count() <= 2 && !rest.chars().any(char::is_uppercase) =>
                {
                    let head = split_words(rest).last().unwrap_or("");
                    // Named: its first word (after "the") capitalised and
                    // no function word ("Some insurers", "The latest poll"
                    // are not).
                    let named = |s: &str| {
                        let s = s
                            .strip_prefix("the ")
                            .or(s.strip_prefix("The "))
                            .unwrap_or(s);
                        split_words(s).next().is_some_and(|w| {
                            w.starts_with(|c: char| c.is_uppercase())
                                && !analyzer.is_stop_word(&w.to_lowercase())
                        })
                    };
                    said[first..]
                        .iter()
                        .rev()
                        .find(|s| {
                            named(&s.speaker)
                                && split_words(&s.speaker).count() > split_words(rest).count() + 1
                                && split_words(&s.speaker).any(|w| w.eq_ignore_ascii_case(head))
                        })
                        .map_or(speaker.clone(), |s| s.speaker.clone())
                }
                _ => speaker,
            };
            // "its partners", "their lawyers": someone's, unresolved.
            let owned = split_words(&speaker).next().is_some_and(|first| {
                matches!(
                    first.to_lowercase().as_str(),
                    "its" | "their" | "his" | "her" | "our" | "my" | "your"
                )
            });
            // A figure is no speaker ("70 billion posted at …"), nor is a
            // lone function word ("the", "both", "whose": the tagger's
            // source cut short) or a possessor without what it owns ("The
            // center's stated purpose was …").
            let lone_function_word = split_words(&speaker).nth(1).is_none()
                && analyzer.is_stop_word(&speaker.to_lowercase());
            let possessor = speaker.ends_with("'s") || speaker.ends_with("’s");
            let noun_cue = ends_in_determiner(&speaker);
            if owned
                || lone_function_word
                || possessor
                || noun_cue
                || no_subject(&speaker)
                || speaker.starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            // "The president", "A spokesman": a description opened by a
            // determiner is shown in lower case, as it reads inside a
            // sentence ("the president" elsewhere is the same speaker).
            let speaker = if by_variant.contains_key(speaker.as_str()) {
                speaker
            } else {
                lower_determiner(speaker)
            };
            let span = said_content(st.content, st.speaker.unwrap_or(Span::new(0, 0)), st.cue);
            let (span, content) = tidy(text, span);
            if split_words(&content).nth(MIN_WORDS - 1).is_none()
                || !tells_what(&cue_words, &content, st.direct)
            {
                continue;
            }
            // A quotation: opened by a quotation mark right before it, or
            // marked so by the facts stage with no quotation marks of its
            // own inside (a report that quotes a few words, "urged closer
            // ties to “keep the corridor open …”", is reported speech).
            let direct = opened_by_quote(&text[..span.start])
                || (st.direct && !content.contains(['“', '"', '”']));
            said.push(Said {
                speaker,
                article: di,
                content,
                span,
                cue: crosscheck_text::fold_whitespace(cue.trim_end_matches([':', ','])),
                direct,
                speaker_at: st.speaker,
                cue_at: st.cue,
                sentence: st.sentence,
                via: None,
                words: Vec::new(),
                word_set: Vec::new(),
                figures: Vec::new(),
                runs: Vec::new(),
            });
        }
        second_hand(&mut said, first, text);
    }

    // A description capitalised only because it opens its sentence
    // ("Police said …") is shown as the story writes it elsewhere ("…,
    // police said", "the police said"), so that one speaker reads one way.
    let renamed: Vec<Option<String>> = {
        let written: std::collections::HashSet<&str> =
            said.iter().map(|s| s.speaker.as_str()).collect();
        said.iter()
            .map(|s| {
                if by_variant.contains_key(s.speaker.as_str()) {
                    return None;
                }
                as_in_a_sentence(&s.speaker, |w| written.contains(w))
            })
            .collect()
    };
    for (s, name) in said.iter_mut().zip(renamed) {
        if let Some(name) = name {
            s.speaker = name;
        }
    }
    // One speaker written with and without "the" ("Ostrian embassy in
    // Varn", "the Ostrian embassy in Varn") reads one way: a name of the
    // entity list if one is, else as the story writes it most ("officials"
    // said more often than "the officials" stay so), "the" on a tie.
    let speaker_key = |s: &str| {
        let lower = s.to_lowercase();
        lower.strip_prefix("the ").unwrap_or(&lower).to_string()
    };
    let keys: Vec<String> = said.iter().map(|s| speaker_key(&s.speaker)).collect();
    let mut forms: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for (s, key) in said.iter().zip(&keys) {
        *forms
            .entry(key.as_str())
            .or_default()
            .entry(s.speaker.as_str())
            .or_default() += 1;
    }
    let shown: HashMap<String, String> = forms
        .into_iter()
        .filter(|(_, f)| f.len() > 1)
        .filter_map(|(key, f)| {
            let best = f
                .into_iter()
                .max_by_key(|(form, n)| {
                    (
                        by_variant.contains_key(*form),
                        *n,
                        form.to_lowercase().starts_with("the "),
                        std::cmp::Reverse(*form),
                    )
                })
                .map(|(form, _)| form.to_string())?;
            Some((key.to_string(), best))
        })
        .collect();
    if !shown.is_empty() {
        for (s, key) in said.iter_mut().zip(&keys) {
            if let Some(form) = shown.get(key) {
                s.speaker.clone_from(form);
            }
        }
    }

    // Statements of one speaker that are one statement, grouped.
    let mut parent: Vec<usize> = (0..said.len()).collect();
    // Speakers written alike ("the Ostrian embassy", "Ostrian embassy")
    // are one.
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // (The keys made above: a form chosen there has its statement's key.)
    for (i, key) in keys.into_iter().enumerate() {
        by_speaker.entry(key).or_default().push(i);
    }
    let mut features: HashMap<usize, SentenceFeatures> = HashMap::new();
    for members in by_speaker.values() {
        if members
            .iter()
            .all(|&m| said[m].article == said[members[0]].article)
        {
            continue;
        }
        for &m in members {
            let words: Vec<u64> = split_words(&said[m].content).map(hash_word).collect();
            let mut word_set = words.clone();
            word_set.sort_unstable();
            word_set.dedup();
            said[m].figures = figures(&said[m].content);
            said[m].runs = runs(&words);
            said[m].words = words;
            said[m].word_set = word_set;
        }
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                // One article does not report one statement twice: its
                // statements by one speaker are different things said.
                if said[i].article == said[j].article {
                    continue;
                }
                let (ri, rj) = (crate::find(&mut parent, i), crate::find(&mut parent, j));
                if ri != rj && same_statement(&said, &analyzer, &mut features, i, j) {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..said.len() {
        let root = crate::find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }

    let mut out: Vec<(usize, AttributedStatement)> = groups
        .into_values()
        .map(|members| {
            // Shown: the first quotation, else the first report.
            let shown = members
                .iter()
                .copied()
                .find(|&m| said[m].direct)
                .unwrap_or(members[0]);
            let s = &said[shown];
            let citations = crate::cite(
                members
                    .iter()
                    .map(|&m| (docs[said[m].article].article.id.as_str(), said[m].span)),
            );
            let independent_sources = outlets.count(
                members
                    .iter()
                    .map(|&m| docs[said[m].article].article.id.as_str()),
            );
            (
                members[0],
                AttributedStatement {
                    speaker: s.speaker.clone(),
                    cue: s.cue.clone(),
                    content: s.content.clone(),
                    direct: s.direct,
                    via: s.via.clone(),
                    independent_sources,
                    citations,
                },
            )
        })
        .collect();
    // Most widely reported first, then in reading order.
    out.sort_by(|a, b| {
        b.1.independent_sources
            .cmp(&a.1.independent_sources)
            .then(a.0.cmp(&b.0))
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// `speaker` with its first letter in lower case, if it is an upper-case
/// letter opening a word of lower-case letters ("Police" → "police"; not
/// "NATO", "U.N. officials" or "McKinsey").
fn lower_first(speaker: &str) -> Option<String> {
    let first = speaker.split_whitespace().next()?;
    let mut chars = first.chars();
    let head = chars.next()?;
    if !speaker.starts_with(first) || !head.is_uppercase() || !chars.all(char::is_lowercase) {
        return None;
    }
    Some(
        head.to_lowercase()
            .chain(speaker[head.len_utf8()..].chars())
            .collect(),
    )
}

/// A description `speaker` (no name of the story's entities) as it reads
/// inside a sentence, if that differs: a capitalised determiner in lower
/// case ("The president" → "the president"), and a first word capitalised
/// only by its place in lower case where the story writes it so
/// (`written`: whether a speaker is written so, "police" or "the police"
/// for "Police").
pub(crate) fn as_in_a_sentence(speaker: &str, written: impl Fn(&str) -> bool) -> Option<String> {
    let lower = lower_first(speaker)?;
    (opens_with_determiner(speaker) || written(&lower) || written(&format!("the {lower}")))
        .then_some(lower)
}

/// Whether a description opens with a determiner or quantifier ("The
/// president", "A spokesman", "Many residents").
fn opens_with_determiner(speaker: &str) -> bool {
    // Not pronouns: "He" may be a surname ("He Lin said").
    const DETERMINERS: [&str; 18] = [
        "a", "all", "an", "another", "any", "both", "each", "few", "many", "most", "other",
        "several", "some", "that", "the", "these", "this", "those",
    ];
    split_words(speaker)
        .next()
        .is_some_and(|w| DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// A description opened by a determiner or quantifier in capitals ("The
/// president") with that word in lower case; any other speaker as it is.
fn lower_determiner(speaker: String) -> String {
    match lower_first(&speaker) {
        Some(lower) if opens_with_determiner(&speaker) => lower,
        _ => speaker,
    }
}

/// Whether a speaker of two words or more ends in a determiner or a
/// number, as written in lower case ("they filed two" of "they filed two
/// reports", "a draft of those" of "a draft of those notes"): its cue is a
/// noun. Not "Kestrel Am" (capitalised), "no one" or "earlier ones"
/// (someone), nor "the two" (people counted).
fn ends_in_determiner(speaker: &str) -> bool {
    const DETERMINERS: [&str; 14] = [
        "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this",
        "those", "your",
    ];
    let words: Vec<&str> = split_words(speaker).collect();
    let [.., before, last] = words[..] else {
        return false;
    };
    // "the two", "all three": people counted, not a count of things.
    let counted = matches!(
        before.to_lowercase().as_str(),
        "the" | "these" | "those" | "all"
    );
    // (A year is no count: "the accord of 1961".)
    let year = last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit());
    let number = (!last.starts_with("one") && is_number_word(last))
        || (!year && last.bytes().all(|b| b.is_ascii_digit() || b == b','));
    DETERMINERS.contains(&last) || (number && !counted)
}

/// Whether a statement with the (lower-case) cue words `cue` and the
/// content `content` reports what someone said: verbs of finding, showing
/// and knowing do so with a clause opened by "that" ("the inquiry found
/// that …") or a quotation, and not with an object ("the survey found
/// a crack", "the camera showed a boat", "knew the route"); "charged"
/// with any clause ("leaders charged the vote was rigged"), not with a
/// charge ("charged with fraud", "charged him with fraud", "was
/// charged").
fn tells_what(cue: &[String], content: &str, direct: bool) -> bool {
    const CLAUSE_ONLY: [&str; 11] = [
        "charged", "charges", "find", "finds", "found", "knew", "know", "knows", "show", "showed",
        "shows",
    ];
    // The cue's last verb ("charged" of "charged with", "shows" of "said
    // last week, shows").
    let Some(verb) = cue
        .iter()
        .rev()
        .find(|w| CLAUSE_ONLY.contains(&w.as_str()) || is_reporting_word(w))
    else {
        return true;
    };
    let first = split_words(content).next().unwrap_or("");
    if direct || !CLAUSE_ONLY.contains(&verb.as_str()) {
        return true;
    }
    // "charged the attack was planned abroad": a clause without "that",
    // told from "charged X with Y" by the "with".
    if verb.starts_with("charge") {
        return !first.eq_ignore_ascii_case("with")
            && !split_words(content).take(12).any(|w| w == "with")
            && !cue
                .iter()
                .any(|w| matches!(w.as_str(), "is" | "was" | "were" | "been"));
    }
    first.eq_ignore_ascii_case("that")
}

/// A speaker as written without the day or the manner of speaking the
/// facts stage's source ran into: "a council statement Saturday", "the
/// state radio on Friday", "On Friday Varn" (a day opening the
/// sentence), "the crowd jubilantly" (a closing lower-case word in "-ly";
/// "the assembly", "the family" and the like excepted). A speaker that is
/// nothing else is kept, and so is a day after a participle ("a poll
/// completed on Saturday"). (The facts stage keeps such spans: PolNeAR's
/// annotators include the day in some sources, and cutting it there
/// lowered the train split's exact source F1.)
pub(crate) fn without_when_or_how(speaker: &str) -> &str {
    // Nouns and adjectives in "-ly" that close a description.
    const LY_NOUNS: [&str; 10] = [
        "ally",
        "assembly",
        "daily",
        "family",
        "monthly",
        "quarterly",
        "rally",
        "supply",
        "weekly",
        "yearly",
    ];
    let day = |w: &str| {
        crosscheck_model::WEEKDAY_NAMES
            .iter()
            .chain(&["today", "yesterday", "tonight"])
            .any(|d| d.eq_ignore_ascii_case(w))
    };
    let manner = |w: &str| {
        w.len() > 4
            && w.ends_with("ly")
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !LY_NOUNS.contains(&w)
    };
    // The words are single-spaced (speakers are folded).
    let mut kept = speaker;
    if let Some((on, rest)) = kept.split_once(' ') {
        if on.eq_ignore_ascii_case("on") {
            if let Some((d, rest)) = rest.split_once(' ') {
                if day(d) {
                    kept = rest;
                }
            }
        }
    }
    let Some((head, last)) = kept.rsplit_once(' ') else {
        return kept;
    };
    if !(day(last) || manner(last)) {
        return kept;
    }
    let head = match head.rsplit_once(' ') {
        Some((before, "on" | "late" | "early" | "last")) => before,
        _ => head,
    };
    // "a poll completed on Saturday": the day belongs to a participle,
    // which would be left dangling.
    let w = head.rsplit(' ').next().unwrap_or(head);
    if w.ends_with("ed") && w.bytes().all(|c| c.is_ascii_lowercase()) {
        return speaker;
    }
    head.trim_end_matches(',')
}

/// Whether a speaker cannot be a sentence's subject: it opens with a
/// preposition ("of the council", "about five kilometres east of Varn":
/// the tagger's source began inside a phrase), or with a personal pronoun
/// that more words follow ("it hears [reports]": the pronoun's verb, the
/// cue a noun).
fn no_subject(speaker: &str) -> bool {
    let mut words = split_words(speaker);
    let first = words.next().unwrap_or("");
    let more = words.next().is_some();
    PREPOSITIONS.contains(&first)
        || (more && matches!(first, "it" | "he" | "she" | "they" | "we" | "you" | "i"))
}

/// Prepositions that open no speaker ([`no_subject`],
/// [`without_relative_pronoun`]).
const PREPOSITIONS: [&str; 16] = [
    "about", "among", "at", "between", "by", "for", "from", "in", "into", "of", "on", "over",
    "than", "to", "under", "with",
];

/// A speaker read inside a relative clause, without its pronoun: "who
/// port officials" ("Varn, who port officials say left …") is "port
/// officials". `None` when what follows the pronoun is the clause's verb
/// or a preposition ("who voted in Tarvik", "who has the last [say]",
/// "who of the council"): the speaker is the one the clause is about, whom
/// the source does not hold.
fn without_relative_pronoun(speaker: &str) -> Option<&str> {
    let Some(rest) = ["who ", "whom ", "what ", "which "]
        .iter()
        .find_map(|p| speaker.strip_prefix(p))
    else {
        return Some(speaker);
    };
    let first = split_words(rest).next().unwrap_or("");
    let verb_or_preposition = first.ends_with("ed")
        || first.ends_with("ing")
        || PREPOSITIONS.contains(&first)
        || matches!(
            first,
            "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "were"
                | "are"
                | "be"
                | "does"
                | "did"
                | "do"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "should"
                | "must"
                | "says"
                | "said"
                | "say"
                | "not"
                | "also"
        );
    (!verb_or_preposition && !first.is_empty()).then_some(rest)
}

/// A speaker as written without the way they spoke ("the consulate in a
/// radio message", "the minister in an interview") or the occasion
/// ("the minister during a visit to Varn"): a place after "in" stays ("the
/// embassy in Varn"), an article or owner after it does not.
pub(crate) fn without_channel(speaker: &str) -> &str {
    let speaker = match speaker.find(" during ") {
        Some(at) if at > 0 => &speaker[..at],
        _ => speaker,
    };
    // The first " in " followed by one of these words (each " in " tried,
    // overlapping ones too, as a search for each phrase would).
    const AFTER: [&str; 6] = ["a ", "an ", "its ", "their ", "his ", "her "];
    let mut from = 0;
    while let Some(k) = speaker[from..].find(" in ") {
        let at = from + k;
        if AFTER.iter().any(|w| speaker[at + 4..].starts_with(w)) {
            return if at > 0 { &speaker[..at] } else { speaker };
        }
        from = at + 1;
    }
    speaker
}

/// Whether a cue passes on what someone said ("said", "according to",
/// "reported"), rather than answering it ("a charge Varn denies").
fn relays_speech(cue: &str) -> bool {
    split_words(cue).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "said"
                | "says"
                | "say"
                | "added"
                | "adds"
                | "according"
                | "reported"
                | "reports"
                | "announced"
                | "told"
                | "stated"
                | "wrote"
                | "quoted"
                | "citing"
        )
    })
}

/// Statements reported second hand, among one article's (`said[from..]`,
/// `text` the article's): two attributions of one content in one sentence
/// by different speakers are one statement and the one it came through
/// ("the agency said X, according to Lena Holm"; "the agency also said X,
/// Holm said"; "According to Holm, the agency said X"). The statement is
/// the attribution nearest before its content; it came through one after
/// the content, or before the statement's own speaker. Those are dropped,
/// and the nearest is kept as the statement's `via`. Not when the two
/// speakers may be one person written two ways ("Ambassador to Varn, Lena
/// Holm, said … — "…," Holm said"), nor when the statement's speaker is a
/// figure ("Only 15 argued …, he said" is the outer speaker's count).
/// Written by hand: the training data marks each attribution apart and
/// says nothing of which one reports the other.
fn second_hand(said: &mut Vec<Said>, from: usize, text: &str) {
    // Where an attribution stands: its speaker and cue together.
    let at = |s: &Said| -> Span {
        let sp = s.speaker_at.unwrap_or(s.cue_at);
        Span::new(sp.start.min(s.cue_at.start), sp.end.max(s.cue_at.end))
    };
    // Whether the last word of one's speaker is written in the other's.
    let one_person = |x: &Said, y: &Said| -> bool {
        let written = |s: &Said| s.speaker_at.map_or("", |sp| sp.slice(text)).to_lowercase();
        let last = |s: &Said| split_words(&s.speaker).last().unwrap_or("").to_lowercase();
        let (lx, ly) = (last(x), last(y));
        (lx.len() > 2 && written(y).contains(&lx)) || (ly.len() > 2 && written(x).contains(&ly))
    };
    let n = said.len();
    let mut dropped = vec![false; n];
    for i in from..n {
        if dropped[i] || said[i].cue_at.is_empty() {
            continue;
        }
        let content = said[i].span;
        // "… shows X, suggesting Y, scholars say": a participle's subject
        // is no speaker the outer one reports.
        if at(&said[i]).end > content.start
            || said[i].speaker.contains(|c: char| c.is_ascii_digit())
            || split_words(&said[i].cue).any(|w| w.ends_with("ing"))
        {
            continue;
        }
        // Attributions of this content in this sentence (i among them).
        let same = |j: usize| {
            !dropped[j]
                && !said[j].cue_at.is_empty()
                && said[j].sentence == said[i].sentence
                && said[j].span.start < content.end
                && content.start < said[j].span.end
        };
        // i must be the nearest before the content.
        if (from..n).any(|j| {
            j != i
                && same(j)
                && at(&said[j]).end <= content.start
                && at(&said[j]).end > at(&said[i]).end
        }) {
            continue;
        }
        let own = at(&said[i]);
        let mut relays: Vec<(usize, usize)> = (from..n)
            .filter(|&j| {
                j != i
                    && same(j)
                    && said[j].speaker != said[i].speaker
                    && relays_speech(&said[j].cue)
            })
            .filter_map(|j| {
                let o = at(&said[j]);
                let distance = if o.start >= content.end {
                    o.start - content.end
                } else if o.end <= own.start {
                    own.start - o.end
                } else {
                    return None;
                };
                Some((distance, j))
            })
            .collect();
        if relays.is_empty() || relays.iter().any(|&(_, j)| one_person(&said[i], &said[j])) {
            continue;
        }
        relays.sort_unstable();
        said[i].via = Some(said[relays[0].1].speaker.clone());
        for (_, j) in relays {
            dropped[j] = true;
        }
    }
    let mut k = 0;
    said.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

/// The people of `entities` by the last word of each of their names of
/// several words, each person once per word (for [`by_surname`]).
fn surnames(entities: &[Entity]) -> HashMap<&str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != "person" {
            continue;
        }
        for v in &e.variants {
            let mut words = v.split_whitespace();
            if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
                let people = out.entry(last).or_default();
                if people.last() != Some(&i) {
                    people.push(i);
                }
            }
        }
    }
    out
}

/// The one person of `entities` whose name ends with `name` when `name` is
/// a single word ("Prentiss" opening a sentence is no mention of its own,
/// so it is no variant of "Arlo Prentiss"). `surnames`: [`surnames`] of
/// the entities.
fn by_surname(surnames: &HashMap<&str, Vec<usize>>, name: &str) -> Option<usize> {
    if name.contains(char::is_whitespace) {
        return None;
    }
    match surnames.get(name).map(Vec::as_slice) {
        Some(&[one]) => Some(one),
        _ => None,
    }
}

/// Whether statements `i` and `j` (of one speaker) say one thing: the same
/// words, one quotation inside the other, or a close restatement.
fn same_statement(
    said: &[Said],
    analyzer: &Analyzer,
    features: &mut HashMap<usize, SentenceFeatures>,
    i: usize,
    j: usize,
) -> bool {
    let (a, b) = (&said[i], &said[j]);
    let (long, short) = if a.words.len() >= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    if contains_run(&long.words, &short.words) {
        return true;
    }
    // Otherwise the figures must be the same: "two people hit by falling
    // trees" is not "three people hit by …", however alike the rest.
    let common = paraphrase::inter(&short.word_set, &long.word_set);
    // Two excerpts of one longer remark share a run of words ("what we
    // must do is make clear that …").
    if common >= SHARED_RUN && paraphrase::inter(&a.runs, &b.runs) > 0 {
        return a.figures == b.figures;
    }
    // Pre-filter: half the shorter one's distinct words in common.
    if 2 * common < short.word_set.len() || a.figures != b.figures {
        return false;
    }
    for k in [i, j] {
        features
            .entry(k)
            .or_insert_with(|| SentenceFeatures::new(analyzer, &said[k].content));
    }
    let (fa, fb) = (&features[&i], &features[&j]);
    paraphrase::may_match(fa, fb) && paraphrase::same_claim(fa, fb, PARAPHRASE_THRESHOLD)
}

/// Words in a row two excerpts of one remark share.
const SHARED_RUN: usize = 6;

/// Hashes of the runs of [`SHARED_RUN`] words of `words`, sorted and
/// deduplicated.
fn runs(words: &[u64]) -> Vec<u64> {
    let mut v: Vec<u64> = words
        .windows(SHARED_RUN)
        .map(|w| {
            w.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, x| {
                (h ^ x).wrapping_mul(0x0000_0100_0000_01b3)
            })
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// A content's figures (digits and number words), sorted: two statements
/// giving different ones are different statements.
fn figures(text: &str) -> Vec<String> {
    let mut v: Vec<String> = split_words(text)
        .filter_map(|w| {
            // Lower-cased only when it has capitals.
            let low: Cow<'_, str> = if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            };
            (low.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(&low))
                .then(|| low.into_owned())
        })
        .collect();
    v.sort();
    v
}

/// A content span as shown: whitespace folded, without the punctuation
/// that joined it to its attribution (", he said", "said: ", a quotation's
/// closing `,"` when its opening mark is outside the span), and with the
/// closing quotation mark right after it when it opens a quotation it does
/// not close ("… “undermines peace and security”").
fn tidy(text: &str, span: Span) -> (Span, String) {
    let joiner = |c: char| c.is_whitespace() || ",;:—–-".contains(c);
    let raw = span.slice(text);
    let body = raw.trim_start_matches(joiner);
    let start = span.start + (raw.len() - body.len());
    let mut end = start + body.trim_end_matches(joiner).len();
    let marks = |b: &str| {
        (
            b.matches('“').count(),
            b.matches('”').count(),
            b.matches('"').count(),
        )
    };
    // A closing mark without its opening one: `accounted for,"`.
    let (open, close, straight) = marks(&text[start..end]);
    let trailing = text[start..end].chars().next_back();
    if (trailing == Some('”') && close > open) || (trailing == Some('"') && straight % 2 == 1) {
        end -= trailing.map_or(0, char::len_utf8);
        end = start + text[start..end].trim_end_matches(joiner).len();
    }
    let (open, close, straight) = marks(&text[start..end]);
    // The closing mark may follow the sentence's own full stop or comma
    // (`… between Tarvik and Vysna.”`).
    let after = &text[end..];
    let next = after.trim_start().trim_start_matches(['.', ',', '!', '?']);
    if (open > close && next.starts_with('”')) || (straight % 2 == 1 && next.starts_with('"')) {
        end += (after.len() - next.len()) + next.chars().next().map_or(0, char::len_utf8);
    }
    let span = Span::new(start, end);
    (span, crosscheck_text::fold_whitespace(span.slice(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_ending_in_a_determiner_has_a_noun_for_its_cue() {
        for noun in [
            "they filed two",
            "a draft of those",
            "beyond its",
            "only 40",
        ] {
            assert!(ends_in_determiner(noun), "{noun}");
        }
        for speaker in [
            "Kestrel Am",
            "no one",
            "earlier ones",
            "Mira Holm",
            "the",
            "The two",
            "all three",
            "the Tarvik accord of 1961",
        ] {
            assert!(!ends_in_determiner(speaker), "{speaker}");
        }
    }

    #[test]
    fn a_speaker_loses_the_day_and_the_manner_only() {
        for (written, speaker) in [
            ("a council statement Saturday", "a council statement"),
            ("the state radio on Friday", "the state radio"),
            ("On Friday Varn", "Varn"),
            ("the crowd jubilantly", "the crowd"),
            ("Holm, speaking late Tuesday", "Holm, speaking"),
            ("the assembly", "the assembly"),
            ("the Holm family", "the Holm family"),
            ("Ms. Kelly", "Ms. Kelly"),
            ("Friday", "Friday"),
            (
                "a poll completed on Saturday",
                "a poll completed on Saturday",
            ),
            ("Mira Holm", "Mira Holm"),
        ] {
            assert_eq!(without_when_or_how(written), speaker, "{written}");
        }
    }

    #[test]
    fn only_a_capitalised_determiner_or_word_is_lowered() {
        assert_eq!(lower_first("Police").as_deref(), Some("police"));
        assert_eq!(lower_first("Exit polls").as_deref(), Some("exit polls"));
        assert_eq!(lower_first("A spokesman").as_deref(), Some("a spokesman"));
        for kept in [
            "NATO",
            "U.N. officials",
            "McKinsey",
            "police",
            "“Police",
            "O'Neill",
        ] {
            assert_eq!(lower_first(kept), None, "{kept}");
        }
        assert_eq!(lower_determiner("The president".into()), "the president");
        assert_eq!(lower_determiner("Many residents".into()), "many residents");
        // A pronoun opens no description: "He" may be a surname.
        assert_eq!(lower_determiner("He Lin".into()), "He Lin");
        assert_eq!(lower_determiner("Police".into()), "Police");
    }

    #[test]
    fn a_phrase_opened_by_a_preposition_or_a_pronoun_s_verb_is_no_subject() {
        for not_one in [
            "of the council",
            "about five kilometres east of Varn",
            "it hears",
        ] {
            assert!(no_subject(not_one), "{not_one}");
        }
        for one in [
            "the council",
            "officials in Varn",
            "it",
            "Mira Holm",
            "investors",
        ] {
            assert!(!no_subject(one), "{one}");
        }
    }

    #[test]
    fn a_relative_pronoun_opens_no_speaker() {
        assert_eq!(
            without_relative_pronoun("who port officials"),
            Some("port officials")
        );
        assert_eq!(
            without_relative_pronoun("what port officials"),
            Some("port officials")
        );
        assert_eq!(without_relative_pronoun("the council"), Some("the council"));
        for clause in [
            "who voted in Tarvik",
            "who has the last",
            "who of the council",
        ] {
            assert_eq!(without_relative_pronoun(clause), None, "{clause}");
        }
    }

    #[test]
    fn a_channel_after_in_is_cut_a_place_is_not() {
        assert_eq!(
            without_channel("the consulate in a radio message"),
            "the consulate"
        );
        assert_eq!(
            without_channel("the minister in an interview"),
            "the minister"
        );
        assert_eq!(
            without_channel("the embassy in Varn"),
            "the embassy in Varn"
        );
        // The first of the phrases wins, also where two " in " overlap.
        assert_eq!(
            without_channel("the envoy in in a letter in his reply"),
            "the envoy in"
        );
        assert_eq!(without_channel(" in a post"), " in a post");
        // The occasion goes too.
        assert_eq!(
            without_channel("Prentiss during a visit to Varn"),
            "Prentiss"
        );
    }

    #[test]
    fn a_surname_names_the_one_person_who_bears_it() {
        let person = |name: &str, variants: &[&str]| Entity {
            name: name.into(),
            kind: "person".into(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
            articles: vec!["a".into()],
            mentions: 1,
        };
        let mut entities = vec![
            person("Arlo Prentiss", &["Arlo Prentiss", "Prentiss"]),
            person("Mira Holm", &["Mira Holm", "Ms. Mira Holm"]),
        ];
        let index = surnames(&entities);
        assert_eq!(by_surname(&index, "Prentiss"), Some(0));
        assert_eq!(by_surname(&index, "Holm"), Some(1));
        assert_eq!(by_surname(&index, "Arlo"), None);
        assert_eq!(by_surname(&index, "Mira Holm"), None);
        // Two people of one surname: neither.
        entities.push(person("Sven Holm", &["Sven Holm"]));
        assert_eq!(by_surname(&surnames(&entities), "Holm"), None);
        // Not a person.
        entities[0].kind = "organization".into();
        assert_eq!(by_surname(&surnames(&entities), "Prentiss"), None);
    }

    #[test]
    fn figures_are_digits_and_number_words_in_lower_case() {
        assert_eq!(
            figures("Two ministers said 40 people, not Dozens, saw the Ferry"),
            vec!["40", "dozens", "two"]
        );
    }
}
