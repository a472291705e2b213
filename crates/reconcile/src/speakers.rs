//! "Who said it" conflicts: one statement, different speakers.
//!
//! Outlets sometimes put the same words in different mouths: one reports
//! "'We will rebuild the bridge by spring,' Mayor Ilse Varga said", another
//! gives the very same quotation to the deputy mayor. Such a pair is a
//! conflict about the statement's *speaker*: the subject is the statement,
//! the attribute `speaker`, and each side a speaker with the sentences that
//! credit them.
//!
//! The rule is deliberately narrow (a false conflict costs more than a
//! missed one):
//!
//! * **the same statement** — two attributed statements of *different
//!   articles* whose contents are the same quotation (the same words, or one
//!   quotation inside the other) or a quotation and its report in indirect
//!   speech ("the city would rebuild the bridge by spring"), judged by the
//!   same-claim model of [`crate::paraphrase`] at the stricter
//!   [`PARAPHRASE_THRESHOLD`]. Two reports in indirect speech are not
//!   compared: that model scores "the pumps arrived this morning" and "more
//!   pumps will arrive this morning" alike, and two officials saying similar
//!   things is common. Contents shorter than
//!   [`MIN_WORDS`] words ("It is a tragedy") are ignored: short lines are
//!   said by many people. Two speakers in one article repeating each other
//!   is usually an echo, not a slip, so pairs inside one article are not
//!   compared;
//! * **named people only** — a side is a person (by the story's merged
//!   entities) named in the statement's own sentence. Generic speakers
//!   ("officials said", "a spokesman"), organisations ("the ministry") and
//!   pronouns are compatible with anyone and never form a side;
//! * **really different people** — speakers that are one merged entity
//!   ("Varga", "Mayor Varga", "Ilse Varga"), or whose names share a word
//!   (an unmerged short form), are the same side;
//! * **no proxy, echo or joint statement** — a sentence that says someone
//!   speaks for someone else, repeats them or speaks with them
//!   ("spokesman", "aide", "lawyer", "on behalf of", "echoed", "repeated",
//!   "quoting", "joint", "both") is left out, and so is a pair where either
//!   sentence names the other speaker.
//!
//! The content compared is the statement's content without its speaker and
//! cue, should the attribution stage's span include them; a content opened
//! by a quotation mark counts as a quotation.

use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::collections::BTreeMap;

use crosscheck_facts::fold::{strip_possessive, variant_key};
use crosscheck_facts::ArticleFacts;
use crosscheck_model::{Conflict, ConflictSide, Document, Entity, Span};
use crosscheck_text::Analyzer;

use crate::paraphrase::{self, SentenceFeatures};

/// Fewest words a statement's content needs to be compared.
pub const MIN_WORDS: usize = 5;

/// Same-claim score from which reported speech counts as the same
/// statement (stricter than the corroboration threshold: two people often
/// say similar things about one event).
pub const PARAPHRASE_THRESHOLD: f64 = 0.8;

/// Words marking a speaker who speaks for, or repeats, someone else.
const PROXY_WORDS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "aide",
    "aides",
    "adviser",
    "advisor",
    "lawyer",
    "lawyers",
    "attorney",
    "representative",
    "behalf",
    "echoed",
    "echoing",
    "repeated",
    "repeating",
    "quoted",
    "quoting",
    "citing",
    "paraphrasing",
    "joint",
    "both",
];

/// One attributed statement with a named person as speaker.
struct Said<'a> {
    article: &'a str,
    /// Index of the article in the story.
    doc: usize,
    /// The sentence holding the statement (the side's citation).
    sentence: Span,
    /// The sentence's text, for the echo check.
    sentence_text: &'a str,
    /// The speaker's merged entity (index into the story's entities).
    entity: usize,
    /// Index of what was said among the distinct contents.
    content: usize,
    published: Option<&'a str>,
    /// Position of the article in the story, then of the sentence.
    order: (usize, usize),
}

/// A distinct content (reprints and repeated quotations share one).
struct Content {
    /// As written, whitespace folded.
    text: String,
    /// Hashes of the lower-case words, in order.
    words: Vec<u64>,
    /// The same hashes sorted and deduplicated (the cheap pre-filter).
    word_set: Vec<u64>,
    /// One bit of 256 per word ([`signature`]), the cheaper pre-filter.
    sig: [u64; 4],
    /// Quoted by at least one of its statements.
    direct: bool,
}

/// A set of word hashes as 256 bits, one per word (several words may
/// share a bit). A bit of one signature missing from another's stands for
/// at least one word the other does not hold, so [`words_missing`] bounds,
/// in four instructions, what a merge of the two word lists counts; most
/// pairs of a story's contents are told apart by it alone.
fn signature(words: &[u64]) -> [u64; 4] {
    let mut sig = [0u64; 4];
    for &w in words {
        let bit = (w.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize;
        sig[bit / 64] |= 1 << (bit % 64);
    }
    sig
}

/// At least how many distinct words of the first signature's set the
/// second's lacks.
fn words_missing(a: &[u64; 4], b: &[u64; 4]) -> usize {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x & !y).count_ones() as usize)
        .sum()
}

/// The words of a text: runs of letters and digits (inner apostrophes
/// kept).
pub(crate) fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
}

/// A hash of a word's lower-case form (FNV-1a over its characters: only
/// equality matters, and it is cheap).
pub(crate) fn hash_word(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in w.chars().flat_map(char::to_lowercase) {
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether `short` occurs as a contiguous run inside `long`.
pub(crate) fn contains_run(long: &[u64], short: &[u64]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// Whether two contents are one statement: one quotation inside the other,
/// or a quotation and a close paraphrase of it (`features` are made on
/// first use).
fn same_content(
    contents: &[Content],
    features: &mut [Option<SentenceFeatures>],
    analyzer: &Analyzer,
    i: usize,
    j: usize,
) -> bool {
    let (a, b) = (&contents[i], &contents[j]);
    // Two reports of speech are too loose to tell one statement from two
    // people saying alike: only a quotation is matched.
    if !a.direct && !b.direct {
        return false;
    }
    if i == j {
        return true;
    }
    let (long, short) = if a.words.len() >= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    // A word of the shorter one missing from the longer one: no run, and
    // fewer words in common.
    let missing = words_missing(&short.sig, &long.sig);
    if a.direct && b.direct {
        return missing == 0 && contains_run(&long.words, &short.words);
    }
    // Pre-filter: half the shorter one's distinct words in common.
    if 2 * (short.word_set.len() - missing) < short.word_set.len()
        || 2 * paraphrase::inter(&short.word_set, &long.word_set) < short.word_set.len()
    {
        return false;
    }
    for k in [i, j] {
        if features[k].is_none() {
            features[k] = Some(SentenceFeatures::new(analyzer, &contents[k].text));
        }
    }
    let (Some(fa), Some(fb)) = (&features[i], &features[j]) else {
        return false;
    };
    paraphrase::may_match(fa, fb) && paraphrase::same_claim(fa, fb, PARAPHRASE_THRESHOLD)
}

/// Whether `before` (the text up to a content) ends with an opening
/// quotation mark: a curly opening mark, or a straight one at the start or
/// after a space or bracket, with nothing between it and the content.
pub(crate) fn opened_by_quote(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        Some('“' | '‘') => true,
        Some('"' | '\'') => rev
            .next()
            .is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p)),
        _ => false,
    }
}

/// What was said: the statement's content without its speaker and cue,
/// should the content span hold them (`“...,” Varga said, standing ...`
/// keeps the quotation, the longer part).
pub(crate) fn said_content(content: Span, speaker: Span, cue: Span) -> Span {
    let mut cut: Option<(usize, usize)> = None;
    for s in [speaker, cue] {
        if s.is_empty() || s.end <= content.start || s.start >= content.end {
            continue;
        }
        cut = Some(match cut {
            Some((a, b)) => (a.min(s.start), b.max(s.end)),
            None => (s.start, s.end),
        });
    }
    let Some((a, b)) = cut else {
        return content;
    };
    let (a, b) = (a.max(content.start), b.min(content.end));
    if a - content.start >= content.end - b {
        Span::new(content.start, a)
    } else {
        Span::new(b, content.end)
    }
}

/// Name-word keys of an entity (every variant's words).
fn name_keys(e: &Entity) -> Vec<String> {
    let mut keys: Vec<String> = e
        .variants
        .iter()
        .flat_map(|v| {
            v.split_whitespace()
                .map(|w| variant_key(strip_possessive(w)))
        })
        .filter(|k| k.chars().count() >= 2)
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Whether two people could be one: a shared or near-identical name word.
fn names_overlap(a: &[String], b: &[String]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| crate::same_name_key(x, y)))
}

/// [`variant_key`]s of a sentence's words, sorted.
fn sentence_keys(sentence: &str) -> Vec<String> {
    let mut keys: Vec<String> = crosscheck_text::words(sentence)
        .into_iter()
        .map(|(_, w)| variant_key(strip_possessive(w)))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Whether a sentence (its sorted word keys) names any word of these keys.
fn names_any(sentence_keys: &[String], keys: &[String]) -> bool {
    keys.iter().any(|k| sentence_keys.binary_search(k).is_ok())
}

/// The speaker conflicts of one story.
pub(crate) fn find(
    docs: &[&Document],
    facts: &[ArticleFacts],
    entities: &[Entity],
    published: &HashMap<&str, Option<&str>>,
) -> Vec<Conflict> {
    let by_variant = crate::variant_index(entities);
    let mut said: Vec<Said<'_>> = Vec::new();
    let mut contents: Vec<Content> = Vec::new();
    let mut content_ids: HashMap<String, usize> = HashMap::new();
    for (di, doc) in docs.iter().enumerate() {
        let Some(f) = facts.iter().find(|f| f.article == doc.article.id) else {
            continue;
        };
        let text = &doc.article.text;
        for st in &f.statements {
            let (Some(speaker), Some(name)) = (st.speaker, st.speaker_name.as_deref()) else {
                continue;
            };
            let Some(sentence) = doc.sentences.get(st.sentence).map(|s| s.span) else {
                continue;
            };
            // Named in the statement's own sentence, by a cue of its own.
            if st.cue.is_empty()
                || speaker.start < sentence.start
                || speaker.end > sentence.end
                || !text
                    .get(speaker.start..speaker.end)
                    .is_some_and(|s| s.contains(name))
            {
                continue;
            }
            let Some(&entity) = by_variant.get(strip_possessive(name)) else {
                continue;
            };
            if entities[entity].kind != "person" {
                continue;
            }
            let span = said_content(st.content, speaker, st.cue);
            let Some(content) = text.get(span.start..span.end) else {
                continue;
            };
            // A quotation: marked so, or opened by a quotation mark right
            // before it (not one closing the previous paragraph's quotation:
            // `…was closed."` then `The inquiry …`).
            let direct = st.direct || opened_by_quote(&text[..span.start]);
            let content = crosscheck_text::fold_whitespace(content);
            let content = content.trim_matches(|c: char| !c.is_alphanumeric());
            if split_words(content).nth(MIN_WORDS - 1).is_none()
                || split_words(sentence.slice(text)).any(|w| {
                    PROXY_WORDS
                        .iter()
                        .any(|p| p.len() == w.len() && p.eq_ignore_ascii_case(w))
                })
            {
                continue;
            }
            let next = contents.len();
            let ci = *content_ids.entry(content.to_string()).or_insert(next);
            if ci == next {
                let words: Vec<u64> = split_words(content).map(hash_word).collect();
                let mut word_set = words.clone();
                word_set.sort_unstable();
                word_set.dedup();
                contents.push(Content {
                    text: content.to_string(),
                    sig: signature(&word_set),
                    words,
                    word_set,
                    direct,
                });
            }
            contents[ci].direct |= direct;
            said.push(Said {
                article: doc.article.id.as_str(),
                doc: di,
                sentence,
                sentence_text: sentence.slice(text),
                entity,
                content: ci,
                published: published.get(doc.article.id.as_str()).copied().flatten(),
                order: (di, sentence.start),
            });
        }
    }
    let n = said.len();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); contents.len()];
    for (k, x) in said.iter().enumerate() {
        members[x.content].push(k);
    }
    let analyzer = Analyzer::english();
    let mut features: Vec<Option<SentenceFeatures>> = vec![None; contents.len()];
    // Name-word keys of the speakers, made when a pair needs them.
    let mut keys: Vec<Option<Vec<String>>> = vec![None; entities.len()];
    // Pairs of contents that are one statement, and the pairs of statements
    // of different articles that disagree on who made it.
    let mut matched: HashSet<(usize, usize)> = HashSet::new();
    let mut disputed: Vec<(usize, usize)> = Vec::new();
    for ci in 0..contents.len() {
        for cj in ci..contents.len() {
            if !same_content(&contents, &mut features, &analyzer, ci, cj) {
                continue;
            }
            matched.insert((ci, cj));
            for &i in &members[ci] {
                for &j in &members[cj] {
                    let (a, b) = (&said[i], &said[j]);
                    if (ci == cj && j <= i) || a.doc == b.doc || a.entity == b.entity {
                        continue;
                    }
                    for e in [a.entity, b.entity] {
                        if keys[e].is_none() {
                            keys[e] = Some(name_keys(&entities[e]));
                        }
                    }
                    let (Some(ka), Some(kb)) = (&keys[a.entity], &keys[b.entity]) else {
                        continue;
                    };
                    if !names_overlap(ka, kb)
                        && !names_any(&sentence_keys(a.sentence_text), kb)
                        && !names_any(&sentence_keys(b.sentence_text), ka)
                    {
                        disputed.push((i.min(j), i.max(j)));
                    }
                }
            }
        }
    }
    if disputed.is_empty() {
        return Vec::new();
    }
    // Groups of disputed statements, then every statement of a disputed
    // speaker that is the same as one of the group's.
    let mut parent: Vec<usize> = (0..n).collect();
    for &(i, j) in &disputed {
        let (ri, rj) = (crate::find(&mut parent, i), crate::find(&mut parent, j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(i, j) in &disputed {
        for m in [i, j] {
            let r = crate::find(&mut parent, m);
            let g = groups.entry(r).or_default();
            if !g.contains(&m) {
                g.push(m);
            }
        }
    }
    for members in groups.values_mut() {
        let speakers: Vec<usize> = members.iter().map(|&m| said[m].entity).collect();
        for k in 0..n {
            if members.contains(&k) || !speakers.contains(&said[k].entity) {
                continue;
            }
            let ck = said[k].content;
            let same = members.iter().any(|&m| {
                let cm = said[m].content;
                matched.contains(&(ck.min(cm), ck.max(cm)))
            });
            if same {
                members.push(k);
            }
        }
    }
    let mut out = Vec::new();
    for members in groups.values() {
        let mut speakers: Vec<usize> = members.iter().map(|&m| said[m].entity).collect();
        speakers.sort_unstable();
        speakers.dedup();
        let first = members
            .iter()
            .min_by_key(|&&m| said[m].order)
            .map(|&m| &said[m])
            .expect("non-empty group");
        // Sides: the speakers, each with every sentence crediting them.
        let mut sides: Vec<(Option<&str>, ConflictSide)> = speakers
            .iter()
            .map(|&e| {
                let mine: Vec<&Said<'_>> = members
                    .iter()
                    .map(|&m| &said[m])
                    .filter(|s| s.entity == e)
                    .collect();
                let when = mine.iter().filter_map(|s| s.published).min();
                (
                    when,
                    ConflictSide {
                        value: entities[e].name.clone(),
                        citations: crate::cite(mine.iter().map(|s| (s.article, s.sentence))),
                        // The sides are the speakers.
                        speakers: Vec::new(),
                    },
                )
            })
            .collect();
        sides.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.value.cmp(&b.1.value)));
        let content = &contents[first.content];
        let subject = if content.direct {
            format!("“{}”", content.text)
        } else {
            content.text.clone()
        };
        out.push(Conflict {
            subject,
            attribute: "speaker".to_string(),
            sides: sides.into_iter().map(|s| s.1).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_never_count_a_shared_word_as_missing() {
        // Word lists drawn from a small vocabulary, so that pairs share
        // words and bits collide; the bound must hold on every pair.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let vocab: Vec<u64> = (0..300).map(|_| next()).collect();
        let (mut found, mut all) = (0, 0);
        for _ in 0..2000 {
            let mut sets = [Vec::new(), Vec::new()];
            for s in &mut sets {
                let n = next() % 40;
                *s = (0..n).map(|_| vocab[(next() % 300) as usize]).collect();
                s.sort_unstable();
                s.dedup();
            }
            let [a, b] = sets;
            let truly = a.iter().filter(|w| b.binary_search(w).is_err()).count();
            let bound = words_missing(&signature(&a), &signature(&b));
            assert!(bound <= truly, "{bound} > {truly}");
            (found, all) = (found + bound, all + truly);
        }
        // Not a vacuous bound: it finds most of the missing words.
        assert!(found * 10 > all * 8, "{found} of {all}");
    }

    #[test]
    fn only_an_opening_mark_makes_a_quotation() {
        assert!(opened_by_quote("He said: “"));
        assert!(opened_by_quote("He said: \""));
        assert!(opened_by_quote("\""));
        assert!(!opened_by_quote("the harbour was closed.\"\n\n"));
        assert!(!opened_by_quote("the harbour was closed.\""));
        assert!(!opened_by_quote("He said “ "));
    }

    #[test]
    fn content_drops_a_speaker_and_cue_inside_it() {
        // Content bytes 3..30: a quotation (3..15), the speaker (15..20),
        // the cue (21..25), then a short tail; the quotation is kept.
        let content = Span::new(3, 30);
        let said = said_content(content, Span::new(15, 20), Span::new(21, 25));
        assert_eq!(said, Span::new(3, 15));
        // Not inside: unchanged.
        assert_eq!(
            said_content(content, Span::new(40, 45), Span::new(46, 50)),
            content
        );
    }

    #[test]
    fn quotations_match_inside_one_another() {
        let h = |t: &str| split_words(t).map(hash_word).collect::<Vec<u64>>();
        assert!(contains_run(
            &h("We will rebuild the bridge by spring, whatever it costs"),
            &h("we will rebuild the Bridge by spring")
        ));
        assert!(!contains_run(
            &h("We will rebuild the bridge by spring"),
            &h("We will rebuild the bridge by summer")
        ));
    }

    #[test]
    fn name_overlap_joins_short_forms() {
        let keys = |v: &[&str]| {
            name_keys(&Entity {
                name: v[0].into(),
                kind: "person".into(),
                variants: v.iter().map(|s| s.to_string()).collect(),
                articles: vec![],
                mentions: 1,
            })
        };
        assert!(names_overlap(&keys(&["Ilse Varga"]), &keys(&["Varga"])));
        assert!(!names_overlap(
            &keys(&["Ilse Varga"]),
            &keys(&["Tomas Brenn"])
        ));
    }
}
