//! The same-claim decision: do two sentences say the same thing?
//!
//! Lexical evidence only (no downloaded model): overlap of stemmed content
//! words (both ways), of all words, of stem pairs (order), of character
//! 4-grams (spelling variants, inflections the stemmer misses), the longest
//! common subsequence of words, agreement of the numbers, of the
//! capitalised names and of negation, and relative length. They are combined
//! by a logistic model whose weights were fitted on the MSRP *train* split
//! (`eval::fit_paraphrase`) and written in below.
//!
//! Every set is kept as a sorted vector of 64-bit hashes, so that comparing
//! two sentences is a handful of linear merges without allocation: the
//! reconcile stage compares many pairs.

use std::hash::{Hash, Hasher};

use crosscheck_text::Analyzer;

/// Number of features of a pair, bias included.
pub const N_FEATURES: usize = 18;

/// A deterministic 64-bit hash (FNV-1a).
fn h64<T: Hash + ?Sized>(x: &T) -> u64 {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    x.hash(&mut h);
    h.finish()
}

fn sorted_set(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Size of the intersection of two sorted, deduplicated vectors.
fn inter(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * inter(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Shares of the smaller and of the larger set covered by the intersection.
fn covers(a: &[u64], b: &[u64]) -> (f64, f64) {
    let (lo, hi) = (a.len().min(b.len()), a.len().max(b.len()));
    if lo == 0 {
        return (1.0, if hi == 0 { 1.0 } else { 0.0 });
    }
    let n = inter(a, b) as f64;
    (n / lo as f64, n / hi as f64)
}

/// Words that negate a statement.
fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "nor" | "none" | "nobody" | "nothing" | "neither" | "without"
    ) || w.ends_with("n't")
}

/// Features of one sentence, computed once.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Stems of the content words (set).
    stems: Vec<u64>,
    words: Vec<u64>,
    /// Words in order, for the longest common subsequence.
    seq: Vec<u64>,
    bigrams: Vec<u64>,
    grams: Vec<u64>,
    numbers: Vec<u64>,
    names: Vec<u64>,
    negated: bool,
}

impl SentenceFeatures {
    /// Analyse one sentence.
    pub fn new(analyzer: &Analyzer, text: &str) -> Self {
        let raw = crosscheck_text::words(text);
        let lower: Vec<String> = raw
            .iter()
            .map(|(_, w)| w.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        let numbers = lower
            .iter()
            .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .map(|w| h64(w.replace(',', "").trim_end_matches('.')))
            .collect();
        let names = raw
            .iter()
            .skip(1)
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
            .map(|(_, w)| h64(&w.to_lowercase()))
            .collect();
        let stems = analyzer.terms(text);
        let bigrams = stems.windows(2).map(|w| h64(&(&w[0], &w[1]))).collect();
        let seq: Vec<u64> = lower.iter().map(h64).collect();
        // Character 4-grams of the lower-cased text with runs of
        // non-alphanumerics folded to one space.
        let mut folded: Vec<char> = Vec::with_capacity(text.len() + 2);
        folded.push(' ');
        for c in text.chars().flat_map(char::to_lowercase) {
            let c = if c.is_alphanumeric() { c } else { ' ' };
            if !(c == ' ' && folded.last() == Some(&' ')) {
                folded.push(c);
            }
        }
        let grams = folded.windows(4).map(h64).collect();
        SentenceFeatures {
            negated: lower.iter().any(|w| is_negation(w)),
            stems: sorted_set(stems.iter().map(h64).collect()),
            words: sorted_set(seq.clone()),
            seq,
            bigrams: sorted_set(bigrams),
            grams: sorted_set(grams),
            numbers: sorted_set(numbers),
            names: sorted_set(names),
        }
    }

    /// The hashed stems of the content words, sorted.
    pub fn stems(&self) -> &[u64] {
        &self.stems
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.seq.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.seq.is_empty()
    }
}

/// Length of the longest common subsequence of two word sequences.
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// The feature vector of a pair (see [`WEIGHTS`]).
pub fn pair_features(a: &SentenceFeatures, b: &SentenceFeatures) -> [f64; N_FEATURES] {
    let (stem_lo, stem_hi) = covers(&a.stems, &b.stems);
    let (la, lb) = (a.len().max(1) as f64, b.len().max(1) as f64);
    // Content words of each side that the other lacks.
    let shared = inter(&a.stems, &b.stems);
    let (ua, ub) = (
        (a.stems.len() - shared) as f64,
        (b.stems.len() - shared) as f64,
    );
    let (unmatched_lo, unmatched_hi) = (ua.min(ub), ua.max(ub));
    // Numbers: one side's figures missing from the other is strong evidence
    // of two different statements.
    let shared_n = inter(&a.numbers, &b.numbers);
    let numbers_differ = if a.numbers.is_empty() && b.numbers.is_empty() {
        0.0
    } else {
        let extra = a.numbers.len() + b.numbers.len() - 2 * shared_n;
        extra as f64 / (a.numbers.len() + b.numbers.len()) as f64
    };
    let only_one_numbered = (a.numbers.is_empty() != b.numbers.is_empty()) as u8 as f64;
    let names_extra = {
        let n = inter(&a.names, &b.names);
        (a.names.len() + b.names.len() - 2 * n) as f64
    };
    [
        1.0,
        dice(&a.stems, &b.stems),
        stem_lo,
        stem_hi,
        dice(&a.words, &b.words),
        dice(&a.bigrams, &b.bigrams),
        dice(&a.grams, &b.grams),
        lcs(&a.seq, &b.seq) as f64 / la.max(lb),
        numbers_differ,
        only_one_numbered,
        dice(&a.names, &b.names),
        (names_extra / 4.0).min(1.0),
        (a.negated != b.negated) as u8 as f64,
        la.min(lb) / la.max(lb),
        ((la - lb).abs() / 10.0).min(2.0),
        (unmatched_lo / 5.0).min(2.0),
        (unmatched_hi / 5.0).min(2.0),
        stem_lo * stem_hi,
    ]
}

/// Logistic weights for [`pair_features`], fitted on MSRP train.
pub const WEIGHTS: [f64; N_FEATURES] = [
    2.117887, -6.052616, -2.111623, 6.772652, -0.690907, -5.319565, 3.433160, 5.542985, -0.932891,
    0.706793, -0.068632, -0.035047, -1.180607, -5.312097, -3.854102, -1.220061, 1.327569, 6.780651,
];

/// Probability-like score that two sentences state the same claim.
pub fn score_with(weights: &[f64; N_FEATURES], a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    let f = pair_features(a, b);
    let z: f64 = f.iter().zip(weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Score with the built-in weights.
pub fn score(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    score_with(&WEIGHTS, a, b)
}

/// Decision threshold on [`score`], chosen on MSRP train.
pub const THRESHOLD: f64 = 0.52;

/// Share of the shorter sentence's content stems that a pair must have in
/// common before it is scored at all (the reconcile stage's pre-filter). Of
/// the MSRP train pairs the decision accepts, 1 in 2 954 falls below it (0
/// of 1 221 on test); see `eval::prefilter_misses`.
pub const MIN_SHARED_STEMS: f64 = 0.3;

/// The pre-filter: whether a pair shares enough content stems to be worth
/// scoring ([`MIN_SHARED_STEMS`]).
pub fn may_match(a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    may_match_count(inter(&a.stems, &b.stems), a, b)
}

/// [`may_match`] given the number of shared stems.
pub fn may_match_count(shared: usize, a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    let smaller = a.stems.len().min(b.stems.len());
    shared >= 2 && shared as f64 >= MIN_SHARED_STEMS * smaller as f64
}
