//! The same-claim decision: do two sentences say the same thing?
//!
//! Lexical evidence only (no downloaded model): overlap of stemmed content
//! words, of all words, of word pairs (order), agreement of the numbers
//! and of the capitalised names, and relative length. They are combined by
//! a logistic model whose weights were fitted on the MSRP *train* split
//! (`eval::fit_paraphrase`) and written in below.

use std::collections::HashSet;

use crosscheck_text::Analyzer;

/// Features of one sentence, computed once.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    stems: HashSet<String>,
    words: HashSet<String>,
    bigrams: HashSet<(String, String)>,
    numbers: HashSet<String>,
    names: HashSet<String>,
    len: usize,
}

impl SentenceFeatures {
    /// Analyse one sentence.
    pub fn new(analyzer: &Analyzer, text: &str) -> Self {
        let words: Vec<String> = crosscheck_text::words(text)
            .into_iter()
            .map(|(_, w)| w.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        let numbers = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .map(|w| w.replace(',', ""))
            .collect();
        let names = crosscheck_text::words(text)
            .into_iter()
            .skip(1)
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
            .map(|(_, w)| w.to_lowercase())
            .collect();
        let bigrams = words
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect();
        SentenceFeatures {
            stems: analyzer.terms(text).into_iter().collect(),
            len: words.len(),
            words: words.into_iter().collect(),
            bigrams,
            numbers,
            names,
        }
    }
}

fn dice<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count() as f64;
    2.0 * inter / (a.len() + b.len()) as f64
}

fn min_cover<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let m = a.len().min(b.len());
    if m == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / m as f64
}

/// The feature vector of a pair (see [`WEIGHTS`]).
pub fn pair_features(a: &SentenceFeatures, b: &SentenceFeatures) -> [f64; 8] {
    // Equal number sets (or none on either side) agree; one contained in
    // the other half agrees; anything else disagrees.
    let numbers_agree = if a.numbers == b.numbers {
        1.0
    } else if a.numbers.is_subset(&b.numbers) || b.numbers.is_subset(&a.numbers) {
        0.5
    } else {
        0.0
    };
    let (la, lb) = (a.len.max(1) as f64, b.len.max(1) as f64);
    [
        1.0,
        dice(&a.stems, &b.stems),
        min_cover(&a.stems, &b.stems),
        dice(&a.words, &b.words),
        dice(&a.bigrams, &b.bigrams),
        numbers_agree,
        dice(&a.names, &b.names),
        (la.min(lb) / la.max(lb)),
    ]
}

/// Logistic weights for [`pair_features`], fitted on MSRP train.
pub const WEIGHTS: [f64; 8] = [
    -8.181_287, 2.895_966, -0.142_463, 7.574_537, -2.930_555, 0.602_053, -0.196_846, 3.854_965,
];

/// Probability-like score that two sentences state the same claim.
pub fn score_with(weights: &[f64; 8], a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    let f = pair_features(a, b);
    let z: f64 = f.iter().zip(weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Score with the built-in weights.
pub fn score(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    score_with(&WEIGHTS, a, b)
}

/// Decision threshold on [`score`], chosen on MSRP train.
pub const THRESHOLD: f64 = 0.49;
