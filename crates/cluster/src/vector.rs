//! TF-IDF term vectors of documents.

use ahash::AHashMap;
use crosscheck_model::Document;

/// Extra term frequency for each occurrence of a term in the title.
const TITLE_EXTRA: f32 = 2.0;
/// Weight factor for terms that appear as a capitalised word inside a
/// sentence (likely part of a name).
const NAME_BOOST: f32 = 2.0;
/// Weight factor for numbers (other than years).
const NUMBER_BOOST: f32 = 1.5;
/// Weight factor for words nearly every news report uses.
const GENERIC_FACTOR: f32 = 0.3;

/// Reporting verbs, weekdays and other words that say nothing about which
/// event an article is about (stemmed and unstemmed forms).
const GENERIC: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "tell",
    "report",
    "reported",
    "accord",
    "according",
    "ad",
    "added",
    "statement",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "offici",
    "official",
    "officials",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "time",
    "new",
    "also",
    "would",
    "could",
    "last",
    "first",
    "one",
    "two",
    "like",
    "includ",
    "including",
    "peopl",
    "people",
    "news",
    "press",
    "ask",
    "asked",
];

/// A sparse, L2-normalised weighted term vector (term ids from a
/// [`Vectorizer`]), sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector {
    entries: Vec<(u32, f32)>,
    norm_sq: f64,
}

impl TermVector {
    /// A vector from `(term id, weight)` pairs (summed per term, zero weights
    /// dropped), L2-normalised.
    pub fn from_weights(mut entries: Vec<(u32, f32)>) -> Self {
        entries.sort_unstable_by_key(|e| e.0);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(entries.len());
        for (t, w) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => merged.push((t, w)),
            }
        }
        merged.retain(|e| e.1 != 0.0);
        let norm: f64 = merged
            .iter()
            .map(|&(_, w)| f64::from(w) * f64::from(w))
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for e in &mut merged {
                e.1 = (f64::from(e.1) / norm) as f32;
            }
        }
        let norm_sq = merged
            .iter()
            .map(|&(_, w)| f64::from(w) * f64::from(w))
            .sum();
        TermVector {
            entries: merged,
            norm_sq,
        }
    }

    /// The normalised sum of several vectors (used for a duplicate group).
    pub fn sum(vectors: &[&TermVector]) -> Self {
        if let [one] = vectors {
            return (*one).clone();
        }
        TermVector::from_weights(
            vectors
                .iter()
                .flat_map(|v| v.entries.iter().copied())
                .collect(),
        )
    }

    /// `(term id, weight)` pairs sorted by term id.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.entries
    }

    /// Squared L2 norm: 1 for a non-empty vector (up to rounding), 0 for an
    /// empty one.
    pub fn norm_sq(&self) -> f64 {
        self.norm_sq
    }

    /// Whether the vector has no terms.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `k` highest-weighted entries, heaviest first (ties by term id).
    pub fn top_terms(&self, k: usize) -> Vec<(u32, f32)> {
        let mut v = self.entries.clone();
        // The order is total (weight, then id): selecting the best `k`
        // before sorting them gives the same list as a full sort.
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if k == 0 {
            return Vec::new();
        }
        if v.len() > k {
            v.select_nth_unstable_by(k - 1, order);
            v.truncate(k);
        }
        v.sort_unstable_by(order);
        v
    }

    /// The vector cut to its `k` heaviest terms, normalised again: a
    /// compact stand-in when millions of vectors must be kept.
    pub fn truncated(&self, k: usize) -> TermVector {
        if self.entries.len() <= k {
            return self.clone();
        }
        TermVector::from_weights(self.top_terms(k))
    }

    /// Cosine similarity with another vector of the same [`Vectorizer`].
    pub fn cosine(&self, other: &TermVector) -> f64 {
        if self.norm_sq <= 0.0 || other.norm_sq <= 0.0 {
            return 0.0;
        }
        crate::sparse_dot(&self.entries, &other.entries) / (self.norm_sq * other.norm_sq).sqrt()
    }
}

/// Builds TF-IDF [`TermVector`]s for a batch of documents.
///
/// A term's weight in a document is `(1 + ln tf) * idf * boost`, then the
/// vector is L2-normalised, where
///
/// * `tf` counts the term in the document's sentences, plus 2 for each title
///   word that maps to it (title words are mapped to the document's own
///   stems by prefix, since the title is not analysed; title words that do
///   not occur in the body are ignored);
/// * `idf = ln((1 + N) / (1 + df)) + 1` over the `N` documents of the batch
///   (smoothed so that a term shared by a whole small batch still counts);
/// * `boost` is 2 for likely names (the term occurs as a capitalised word
///   that does not start its sentence), 1.5 for numbers other than years,
///   0.3 for words every report uses ("said", weekdays, "officials"), else 1.
///
/// The same vectorizer also works online ([`Vectorizer::add`]): each new
/// document updates the document frequencies and is weighed against the
/// documents seen so far, for streams too long to hold in memory.
#[derive(Debug, Clone, Default)]
pub struct Vectorizer {
    vocab: AHashMap<String, u32>,
    /// Per term: the number of documents it occurs in.
    df: Vec<u32>,
    /// Number of documents seen.
    n: u32,
    /// Per term: [`FLAG_NUMBER`] and [`FLAG_GENERIC`] bits.
    flags: Vec<u8>,
}

const FLAG_NUMBER: u8 = 1;
const FLAG_GENERIC: u8 = 2;

impl Vectorizer {
    /// Vocabulary and IDF of a batch. Term ids follow first appearance in
    /// `docs`, so they are the same for the same input.
    pub fn fit(docs: &[Document]) -> Self {
        Self::fit_ids(docs).0
    }

    /// [`Vectorizer::fit`] and the vector of every document, in one pass
    /// over the terms.
    pub fn fit_transform(docs: &[Document]) -> (Self, Vec<TermVector>) {
        let (vz, ids) = Self::fit_ids(docs);
        let vectors = docs
            .iter()
            .zip(ids)
            .map(|(d, ids)| vz.weigh(d, ids))
            .collect();
        (vz, vectors)
    }

    fn fit_ids(docs: &[Document]) -> (Self, Vec<Vec<u32>>) {
        let mut vz = Vectorizer::default();
        let ids = docs.iter().map(|d| vz.observe(d)).collect();
        (vz, ids)
    }

    /// Online use: count `doc` into the document frequencies, then weigh it
    /// against every document seen so far (itself included). Vectors made
    /// early in a stream use fewer documents' statistics than later ones;
    /// the batch [`Vectorizer::fit_transform`] weighs all with the same.
    pub fn add(&mut self, doc: &Document) -> TermVector {
        let ids = self.observe(doc);
        self.weigh(doc, ids)
    }

    /// Number of documents seen.
    pub fn documents(&self) -> usize {
        self.n as usize
    }

    /// Assign ids to `doc`'s terms (new terms extend the vocabulary) and
    /// count the document into the document frequencies; the term ids of
    /// its terms in order.
    fn observe(&mut self, doc: &Document) -> Vec<u32> {
        let mut ids: Vec<u32> = Vec::new();
        for term in doc.sentences.iter().flat_map(|s| &s.terms) {
            let id = match self.vocab.get(term.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.df.len() as u32;
                    self.vocab.insert(term.clone(), id);
                    self.df.push(0);
                    let mut f = 0;
                    if is_number(term) {
                        f |= FLAG_NUMBER;
                    }
                    if GENERIC.contains(&term.as_str()) {
                        f |= FLAG_GENERIC;
                    }
                    self.flags.push(f);
                    id
                }
            };
            ids.push(id);
        }
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        for id in unique {
            self.df[id as usize] += 1;
        }
        self.n += 1;
        ids
    }

    /// Smoothed inverse document frequency of term `id` over the documents
    /// seen: `ln((1 + N) / (1 + df)) + 1`.
    fn idf(&self, id: u32) -> f32 {
        let (n, d) = (f64::from(self.n), f64::from(self.df[id as usize]));
        (((1.0 + n) / (1.0 + d)).ln() + 1.0) as f32
    }

    /// The id of `term`, if it occurs in the batch.
    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.vocab.get(term).copied()
    }

    /// Number of distinct terms in the batch.
    pub fn vocabulary_len(&self) -> usize {
        self.df.len()
    }

    /// The weighted vector of `doc` (terms outside the batch are ignored).
    pub fn vector(&self, doc: &Document) -> TermVector {
        let ids = doc
            .sentences
            .iter()
            .flat_map(|s| &s.terms)
            .filter_map(|t| self.term_id(t))
            .collect();
        self.weigh(doc, ids)
    }

    fn weigh(&self, doc: &Document, mut ids: Vec<u32>) -> TermVector {
        if ids.is_empty() {
            return TermVector::default();
        }
        ids.sort_unstable();
        // (term id, frequency, is a name), sorted by id.
        let mut tf: Vec<(u32, f32, bool)> = Vec::new();
        for id in ids {
            match tf.last_mut() {
                Some(last) if last.0 == id => last.1 += 1.0,
                _ => tf.push((id, 1.0, false)),
            }
        }
        let lookup = |p: &str| {
            let id = self.term_id(p)?;
            tf.binary_search_by_key(&id, |e| e.0).ok()
        };
        let mut title_hits: Vec<usize> = Vec::new();
        if let Some(title) = &doc.article.title {
            for word in raw_words(title) {
                if let Some(k) = stem_of(&word.to_lowercase(), lookup) {
                    title_hits.push(k);
                }
            }
        }
        let mut name_hits: Vec<usize> = Vec::new();
        for s in &doc.sentences {
            let Some(text) = doc.article.text.get(s.span.start..s.span.end) else {
                continue;
            };
            for word in raw_words(text).skip(1) {
                if word.chars().next().is_some_and(char::is_uppercase) {
                    if let Some(k) = stem_of(&word.to_lowercase(), lookup) {
                        name_hits.push(k);
                    }
                }
            }
        }
        for k in title_hits {
            tf[k].1 += TITLE_EXTRA;
        }
        for k in name_hits {
            tf[k].2 = true;
        }
        let weights = tf
            .into_iter()
            .map(|(id, count, name)| {
                let flags = self.flags[id as usize];
                let mut w = (1.0 + count.ln()) * self.idf(id);
                if name {
                    w *= NAME_BOOST;
                } else if flags & FLAG_NUMBER != 0 {
                    w *= NUMBER_BOOST;
                }
                if flags & FLAG_GENERIC != 0 {
                    w *= GENERIC_FACTOR;
                }
                (id, w)
            })
            .collect();
        TermVector::from_weights(weights)
    }
}

/// Alphanumeric runs of `text` (apostrophes end a word).
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a term is a number but not a year (19xx/20xx).
fn is_number(term: &str) -> bool {
    let digits = term.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let year = term.len() == 4 && digits == 4 && (term.starts_with("19") || term.starts_with("20"));
    !year
}

/// The document stem a lower-cased surface word most likely produced: the
/// longest prefix of the word (at least half of it and at least 3 bytes)
/// that is one of the document's stems, also trying a final `y` → `i`
/// ("city" → "citi").
fn stem_of(word: &str, lookup: impl Fn(&str) -> Option<usize>) -> Option<usize> {
    if let Some(k) = lookup(word) {
        return Some(k);
    }
    let min = 3.max(word.len().div_ceil(2));
    let mut buf = String::new();
    for (end, c) in word.char_indices().rev() {
        if end < min {
            break;
        }
        let prefix = &word[..end];
        if let Some(k) = lookup(prefix) {
            return Some(k);
        }
        if c == 'y' {
            buf.clear();
            buf.push_str(prefix);
            buf.push('i');
            if let Some(k) = lookup(buf.as_str()) {
                return Some(k);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_map_to_stems_by_prefix() {
        let table: AHashMap<&str, usize> =
            [("citi", 0), ("strike", 1), ("karsvik", 2), ("port", 3)]
                .into_iter()
                .collect();
        let stems = |w: &str| table.get(w).copied();
        assert_eq!(stem_of("city", stems), Some(0));
        assert_eq!(stem_of("strikes", stems), Some(1));
        assert_eq!(stem_of("karsvik", stems), Some(2));
        assert_eq!(stem_of("ports", stems), Some(3));
        assert_eq!(stem_of("portentously", stems), None);
        assert_eq!(stem_of("the", stems), None);
    }

    #[test]
    fn numbers_but_not_years() {
        assert!(is_number("1,200"));
        assert!(is_number("4.75"));
        assert!(!is_number("2031"));
        assert!(!is_number("harbour"));
    }
}
