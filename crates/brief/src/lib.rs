//! Brief: a short extractive summary of one story in which every sentence
//! cites the exact source spans it comes from.
//!
//! The model: a story is a set of *independent sources* (an article together
//! with its syndicated copies counts once). A term that many independent
//! sources use is what the story is about; a sentence is worth including when
//! it carries such terms. Selection is SumBasic-style greedy: pick the best
//! sentence, then square the weights of the terms it covered so the next pick
//! brings something new, and refuse any sentence that overlaps a chosen one
//! too much. The chosen sentences are then put back in reading order.
//!
//! Every brief sentence is an unaltered sentence of a cleaned article, so its
//! first citation is the span it was taken from; verbatim copies of it in
//! other articles of the story are cited as well.

use ahash::{AHashMap, AHashSet};
use crosscheck_model::{BriefSentence, Citation, Document, Duplicate};
use crosscheck_text::fold_whitespace;

/// A story's brief and title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brief {
    pub title: String,
    pub sentences: Vec<BriefSentence>,
}

/// Writes briefs; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Briefer {
    max_sentences: usize,
    max_words: usize,
    redundancy: f64,
}

impl Default for Briefer {
    fn default() -> Self {
        Briefer {
            max_sentences: 10,
            max_words: 250,
            redundancy: 0.5,
        }
    }
}

/// Sentences shorter than this (in words) are rarely self-contained facts.
const MIN_WORDS: usize = 7;
/// Sentences longer than this are usually run-ons from bad extraction.
const MAX_WORDS: usize = 80;

/// Openers that point back to a sentence the reader has not seen. Extracted
/// on their own they dangle ("He added that…"), so they are only used when the
/// sentence before them in the same article is in the brief too.
const DANGLING_OPENERS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "but",
    "and",
    "so",
    "also",
    "however",
    "meanwhile",
    "still",
    "yet",
    "instead",
    "such",
    "there",
    "then",
    "both",
    "another",
    "others",
    "the two",
];

impl Briefer {
    pub fn new() -> Self {
        Self::default()
    }
    /// Most sentences in a brief.
    pub fn max_sentences(mut self, n: usize) -> Self {
        self.max_sentences = n;
        self
    }
    /// Most words in a brief (a sentence that would pass it is not taken).
    pub fn max_words(mut self, n: usize) -> Self {
        self.max_words = n;
        self
    }
    /// Term overlap (shared stems over the smaller sentence's stems) above
    /// which a candidate is considered to repeat a sentence already chosen.
    pub fn redundancy(mut self, t: f64) -> Self {
        self.redundancy = t;
        self
    }

    /// Brief the story made of `docs` (in the story's reading order);
    /// `duplicates` says which articles are copies of each other (they count
    /// as one source). Duplicate groups that involve articles outside `docs`
    /// are fine: only members inside the story matter.
    pub fn brief(&self, docs: &[&Document], duplicates: &[Duplicate]) -> Brief {
        let sources = source_groups(docs, duplicates);
        let candidates = self.candidates(docs);
        let weights = term_weights(docs, &sources);
        let chosen = self.select(&candidates, weights);

        // Reading order: by article order in the story, then position.
        let mut chosen: Vec<&Candidate> = chosen.into_iter().map(|i| &candidates[i]).collect();
        chosen.sort_by_key(|c| (c.doc, c.sentence));
        let copies = verbatim_index(docs);
        let sentences = chosen
            .iter()
            .map(|c| {
                let doc = docs[c.doc];
                let span = doc.sentences[c.sentence].span;
                let text = span.slice(&doc.article.text);
                let mut citations = vec![Citation {
                    article: doc.article.id.clone(),
                    start: span.start,
                    end: span.end,
                }];
                if let Some(others) = copies.get(&fold_whitespace(text)) {
                    for &(d, s) in others {
                        if d != c.doc {
                            let sp = docs[d].sentences[s].span;
                            citations.push(Citation {
                                article: docs[d].article.id.clone(),
                                start: sp.start,
                                end: sp.end,
                            });
                        }
                    }
                }
                citations[1..].sort();
                citations.dedup();
                BriefSentence {
                    text: fold_whitespace(text),
                    citations,
                }
            })
            .collect();
        Brief {
            title: story_title(docs, &candidates, &chosen),
            sentences,
        }
    }

    /// Sentences that may appear in a brief: complete, of reasonable length,
    /// not questions, and taken from one member of each syndication group
    /// only (the copies are cited, not re-selected).
    fn candidates(&self, docs: &[&Document]) -> Vec<Candidate> {
        let mut seen_text: AHashSet<String> = AHashSet::new();
        let mut out = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for (i, s) in doc.sentences.iter().enumerate() {
                let text = s.span.slice(&doc.article.text);
                let words = text.split_whitespace().count();
                if !(MIN_WORDS..=MAX_WORDS).contains(&words) || s.terms.len() < 3 {
                    continue;
                }
                if !ends_like_sentence(text)
                    || text.trim_end_matches(['"', '”', '’']).ends_with('?')
                {
                    continue;
                }
                if !seen_text.insert(fold_whitespace(text).to_lowercase()) {
                    continue; // verbatim repeat (a wire copy): cited later, not re-chosen
                }
                let dangling = starts_dangling(text);
                let terms: AHashSet<&str> = s.terms.iter().map(String::as_str).collect();
                let mut terms: Vec<String> = terms.into_iter().map(str::to_owned).collect();
                terms.sort();
                // Lead sentences of news copy carry the who/what/when; the
                // weight decays gently with position in the article.
                let position = 1.0 / (1.0 + 0.08 * i as f64) + if i == 0 { 0.15 } else { 0.0 };
                out.push(Candidate {
                    doc: d,
                    sentence: i,
                    words,
                    terms,
                    position,
                    dangling,
                });
            }
        }
        out
    }

    /// Greedy SumBasic-style selection with a hard redundancy check.
    fn select(&self, candidates: &[Candidate], mut weights: AHashMap<String, f64>) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::new();
        let mut used = vec![false; candidates.len()];
        let mut words = 0usize;
        let mut chosen_key: AHashSet<(usize, usize)> = AHashSet::new();
        while chosen.len() < self.max_sentences {
            let mut best: Option<(f64, usize)> = None;
            for (ci, c) in candidates.iter().enumerate() {
                if used[ci] || words + c.words > self.max_words {
                    continue;
                }
                // A dangling opener is only allowed right after its antecedent.
                if c.dangling && (c.sentence == 0 || !chosen_key.contains(&(c.doc, c.sentence - 1)))
                {
                    continue;
                }
                if chosen
                    .iter()
                    .any(|&o| overlap(&candidates[o].terms, &c.terms) > self.redundancy)
                {
                    continue;
                }
                let mean: f64 = c
                    .terms
                    .iter()
                    .map(|t| weights.get(t).copied().unwrap_or(0.0))
                    .sum::<f64>()
                    / c.terms.len() as f64;
                // Prefer informative sentences of moderate length.
                let length = (c.words as f64 / 20.0).min(1.0).sqrt();
                let score = mean * c.position * length;
                let better = match best {
                    None => true,
                    Some((b, bi)) => score > b || (score == b && ci < bi),
                };
                if better {
                    best = Some((score, ci));
                }
            }
            let Some((score, ci)) = best else { break };
            if score <= 0.0 {
                break;
            }
            used[ci] = true;
            chosen.push(ci);
            chosen_key.insert((candidates[ci].doc, candidates[ci].sentence));
            words += candidates[ci].words;
            for t in &candidates[ci].terms {
                if let Some(w) = weights.get_mut(t) {
                    *w *= *w;
                }
            }
        }
        chosen
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    doc: usize,
    sentence: usize,
    words: usize,
    /// Unique stems, sorted.
    terms: Vec<String>,
    position: f64,
    dangling: bool,
}

/// For each doc, the index of its independent source: docs in one duplicate
/// group share an index.
fn source_groups(docs: &[&Document], duplicates: &[Duplicate]) -> Vec<usize> {
    let index: AHashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.article.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for dup in duplicates {
        let members: Vec<usize> = dup
            .articles
            .iter()
            .filter_map(|a| index.get(a.as_str()).copied())
            .collect();
        for w in members.windows(2) {
            let (a, b) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    (0..docs.len()).map(|i| find(&mut parent, i)).collect()
}

/// Term weights: a term's share of all term occurrences in the story, boosted
/// by the share of independent sources that use it (corroboration).
fn term_weights(docs: &[&Document], sources: &[usize]) -> AHashMap<String, f64> {
    let mut tf: AHashMap<&str, f64> = AHashMap::new();
    let mut by_source: AHashMap<&str, AHashSet<usize>> = AHashMap::new();
    let mut total = 0.0f64;
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sentences {
            for t in &s.terms {
                *tf.entry(t).or_default() += 1.0;
                by_source.entry(t).or_default().insert(sources[d]);
                total += 1.0;
            }
        }
    }
    let n_sources = sources.iter().collect::<AHashSet<_>>().len().max(1) as f64;
    tf.into_iter()
        .map(|(t, f)| {
            let df = by_source[t].len() as f64 / n_sources;
            (t.to_owned(), (f / total.max(1.0)) * (0.25 + df))
        })
        .collect()
}

/// Folded sentence text → every (doc, sentence) holding it verbatim.
fn verbatim_index(docs: &[&Document]) -> AHashMap<String, Vec<(usize, usize)>> {
    let mut map: AHashMap<String, Vec<(usize, usize)>> = AHashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            map.entry(fold_whitespace(s.span.slice(&doc.article.text)))
                .or_default()
                .push((d, i));
        }
    }
    map
}

/// Overlap coefficient |A∩B| / min(|A|, |B|): a short sentence whose facts
/// are all inside a longer one repeats it even though their Jaccard is low.
fn overlap(a: &[String], b: &[String]) -> f64 {
    // Both sorted and unique: merge-count the intersection.
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        0.0
    } else {
        inter as f64 / smaller as f64
    }
}

fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', '…'])
}

fn starts_dangling(text: &str) -> bool {
    let lower = text
        .trim_start_matches(['"', '“', '‘', '\''])
        .to_lowercase();
    DANGLING_OPENERS.iter().any(|o| {
        lower.starts_with(o)
            && lower[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The story title: the metadata title of the article whose chosen sentences
/// lead the brief, else of any article, else the first brief sentence cut to
/// a headline's length.
fn story_title(docs: &[&Document], _candidates: &[Candidate], chosen: &[&Candidate]) -> String {
    let from = |d: usize| {
        docs[d]
            .article
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    if let Some(t) = chosen.first().and_then(|c| from(c.doc)) {
        return t.to_owned();
    }
    if let Some(t) = (0..docs.len()).find_map(from) {
        return t.to_owned();
    }
    let first = chosen
        .first()
        .map(|c| docs[c.doc].sentence_text(c.sentence))
        .or_else(|| {
            docs.iter()
                .find(|d| !d.sentences.is_empty())
                .map(|d| d.sentence_text(0))
        })
        .unwrap_or("Untitled story");
    let words: Vec<&str> = first.split_whitespace().collect();
    if words.len() <= 14 {
        words.join(" ")
    } else {
        format!("{} …", words[..12].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::{Article, DuplicateKind, Sentence, Span};

    /// A tiny stand-in analyser for tests: sentences split on ". ", terms are
    /// lower-cased words of 4+ letters (enough to exercise selection).
    fn doc(id: &str, text: &str) -> Document {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, ch) in text.char_indices() {
            let end = i + ch.len_utf8();
            if ch == '.' && (end == text.len() || text[end..].starts_with(' ')) {
                let raw = &text[start..end];
                let lead = raw.len() - raw.trim_start().len();
                let span = Span::new(start + lead, end);
                let terms = span
                    .slice(text)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() >= 4)
                    .map(|w| w.to_lowercase().chars().take(6).collect())
                    .collect();
                sentences.push(Sentence {
                    span,
                    paragraph: 0,
                    terms,
                });
                start = end;
            }
        }
        Document {
            article: Article {
                id: id.into(),
                source: None,
                title: None,
                url: None,
                published: None,
                text: text.into(),
                removed: vec![],
            },
            sentences,
        }
    }

    const A: &str = "Flooding forced the evacuation of four thousand residents from Lowmarsh on Friday evening. The river Tarn rose three metres above its normal level overnight. He added that more rain was expected. Emergency crews from Kestrel County opened two shelters at local schools. Officials said the bridge on the northern road remained closed to traffic.";
    const B: &str = "Four thousand residents of Lowmarsh were evacuated on Friday as the river Tarn burst its banks. Kestrel County emergency crews opened shelters in two schools overnight. The northern road bridge stayed closed, officials said, while engineers inspected the damage to its supports.";

    #[test]
    fn every_citation_holds_its_sentence() {
        let (a, b) = (doc("a", A), doc("b", B));
        let brief = Briefer::new().brief(&[&a, &b], &[]);
        assert!(!brief.sentences.is_empty());
        for s in &brief.sentences {
            assert!(!s.citations.is_empty());
            for c in &s.citations {
                let d = if c.article == "a" { &a } else { &b };
                assert_eq!(fold_whitespace(&d.article.text[c.start..c.end]), s.text);
            }
        }
    }

    #[test]
    fn dangling_opener_needs_its_antecedent() {
        let a = doc("a", A);
        let brief = Briefer::new().max_sentences(2).brief(&[&a], &[]);
        assert!(brief
            .sentences
            .iter()
            .all(|s| !s.text.starts_with("He added")));
    }

    #[test]
    fn respects_word_and_sentence_limits() {
        let (a, b) = (doc("a", A), doc("b", B));
        let brief = Briefer::new().max_words(40).brief(&[&a, &b], &[]);
        let words: usize = brief
            .sentences
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum();
        assert!(words <= 40, "{words} words");
        let brief = Briefer::new().max_sentences(1).brief(&[&a, &b], &[]);
        assert_eq!(brief.sentences.len(), 1);
    }

    #[test]
    fn does_not_repeat_paraphrases() {
        let (a, b) = (doc("a", A), doc("b", B));
        let brief = Briefer::new().brief(&[&a, &b], &[]);
        let evac = brief
            .sentences
            .iter()
            .filter(|s| s.text.contains("evacuat"))
            .count();
        assert_eq!(evac, 1, "{:#?}", brief.sentences);
    }

    #[test]
    fn wire_copy_is_cited_not_repeated() {
        let a = doc("wire", A);
        let copy = doc("reprint", &A.replace("Friday evening", "Friday night"));
        let dup = Duplicate {
            articles: vec!["reprint".into(), "wire".into()],
            kind: DuplicateKind::Near,
            similarity: 0.9,
            original: None,
        };
        let brief = Briefer::new().brief(&[&a, &copy], &[dup]);
        let texts: Vec<&str> = brief.sentences.iter().map(|s| s.text.as_str()).collect();
        let unique: AHashSet<&str> = texts.iter().copied().collect();
        assert_eq!(unique.len(), texts.len());
        assert!(brief
            .sentences
            .iter()
            .any(|s| s.citations.iter().any(|c| c.article == "reprint")
                && s.citations.iter().any(|c| c.article == "wire")));
    }

    #[test]
    fn deterministic() {
        let (a, b) = (doc("a", A), doc("b", B));
        let x = Briefer::new().brief(&[&a, &b], &[]);
        let y = Briefer::new().brief(&[&a, &b], &[]);
        assert_eq!(x, y);
    }
}
