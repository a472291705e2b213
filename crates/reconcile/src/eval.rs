//! Evaluation of the same-claim decision on the Microsoft Research
//! Paraphrase Corpus (Dolan & Brockett 2005), read from disk, never bundled.

use std::fmt;
use std::fs;
use std::path::Path;

use crosscheck_text::Analyzer;

use crate::paraphrase::{pair_features, SentenceFeatures, N_FEATURES, THRESHOLD, WEIGHTS};

/// Scores of the same-claim decision on one MSRP split.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParaphraseScores {
    /// "test" or "train".
    pub split: String,
    pub pairs: usize,
    /// Share of the pairs whose label the decision gets right.
    pub accuracy: f64,
    /// Precision, recall and F1 of the "paraphrase" (same claim) class.
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Accuracy of always answering "same claim", for scale.
    pub majority_accuracy: f64,
    pub threshold: f64,
}

impl fmt::Display for ParaphraseScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "MSRP {} split, {} pairs", self.split, self.pairs)?;
        writeln!(f, "| metric | value |")?;
        writeln!(f, "|---|---:|")?;
        writeln!(f, "| accuracy | {:.3} |", self.accuracy)?;
        writeln!(f, "| precision (same claim) | {:.3} |", self.precision)?;
        writeln!(f, "| recall (same claim) | {:.3} |", self.recall)?;
        writeln!(f, "| F1 (same claim) | {:.3} |", self.f1)?;
        writeln!(
            f,
            "| majority baseline accuracy | {:.3} |",
            self.majority_accuracy
        )?;
        writeln!(f, "| threshold | {:.2} |", self.threshold)
    }
}

/// Labelled pairs of a split file: (label, features).
fn load(dataset_dir: &Path, split: &str) -> Option<Vec<(bool, [f64; N_FEATURES])>> {
    let path = dataset_dir.join(format!("msr_paraphrase_{split}.txt"));
    let text = fs::read_to_string(path).ok()?;
    let analyzer = Analyzer::english();
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            continue;
        }
        let label = cols[0].trim_start_matches('\u{feff}').trim() == "1";
        let a = SentenceFeatures::new(&analyzer, cols[3]);
        let b = SentenceFeatures::new(&analyzer, cols[4]);
        out.push((label, pair_features(&a, &b)));
    }
    Some(out)
}

fn decide(weights: &[f64; N_FEATURES], f: &[f64; N_FEATURES]) -> f64 {
    let z: f64 = f.iter().zip(weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

fn scores(
    split: &str,
    data: &[(bool, [f64; N_FEATURES])],
    weights: &[f64; N_FEATURES],
    threshold: f64,
) -> ParaphraseScores {
    let (mut tp, mut fp, mut tn, mut fneg) = (0usize, 0usize, 0usize, 0usize);
    for (label, f) in data {
        let yes = decide(weights, f) >= threshold;
        match (yes, *label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, false) => tn += 1,
            (false, true) => fneg += 1,
        }
    }
    let n = data.len().max(1) as f64;
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    ParaphraseScores {
        split: split.to_string(),
        pairs: data.len(),
        accuracy: (tp + tn) as f64 / n,
        precision: p,
        recall: r,
        f1: if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        },
        majority_accuracy: (tp + fneg) as f64 / n,
        threshold,
    }
}

/// Score the built-in same-claim decision ([`crate::paraphrase::score`] ≥
/// [`THRESHOLD`]) on the MSRP **test** pairs in `dataset_dir` (the folder
/// holding `msr_paraphrase_test.txt`). `None` when the file is absent.
pub fn paraphrase(dataset_dir: &Path) -> Option<ParaphraseScores> {
    let data = load(dataset_dir, "test")?;
    Some(scores("test", &data, &WEIGHTS, THRESHOLD))
}

/// Fit the logistic weights and the threshold on the MSRP **train** pairs
/// (Newton's method on the log-loss with a small ridge penalty, then the
/// accuracy-maximising threshold), and report their train scores. This is
/// how [`WEIGHTS`] and [`THRESHOLD`] were chosen; the test split is never read.
pub fn fit_paraphrase(dataset_dir: &Path) -> Option<([f64; N_FEATURES], ParaphraseScores)> {
    let data = load(dataset_dir, "train")?;
    let w = fit(&data);
    let mut best = (0.0, 0.5);
    for t in (20..=80).map(|x| x as f64 / 100.0) {
        let s = scores("train", &data, &w, t);
        if s.accuracy > best.0 {
            best = (s.accuracy, t);
        }
    }
    let s = scores("train", &data, &w, best.1);
    Some((w, s))
}

/// Logistic regression by Newton's method (iteratively reweighted least
/// squares) with ridge penalty `1e-2` on all weights but the bias.
fn fit(data: &[(bool, [f64; N_FEATURES])]) -> [f64; N_FEATURES] {
    const N: usize = N_FEATURES;
    let mut w = [0.0f64; N];
    for _ in 0..30 {
        let mut grad = [0.0f64; N];
        let mut hess = [[0.0f64; N]; N];
        for (label, f) in data {
            let p = decide(&w, f);
            let err = p - if *label { 1.0 } else { 0.0 };
            let v = (p * (1.0 - p)).max(1e-9);
            for k in 0..N {
                grad[k] += err * f[k];
                for l in 0..N {
                    hess[k][l] += v * f[k] * f[l];
                }
            }
        }
        for k in 1..N {
            grad[k] += 1e-2 * w[k];
            hess[k][k] += 1e-2;
        }
        let step = solve(hess, grad);
        for k in 0..N {
            w[k] -= step[k];
        }
    }
    w
}

/// Solve `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for c in 0..N {
        let p = (c..N)
            .max_by(|&x, &y| a[x][c].abs().total_cmp(&a[y][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        let d = a[c][c];
        if d.abs() < 1e-12 {
            continue;
        }
        let pivot = a[c];
        for r in c + 1..N {
            let m = a[r][c] / d;
            for (x, p) in a[r].iter_mut().zip(pivot).skip(c) {
                *x -= m * p;
            }
            b[r] -= m * b[c];
        }
    }
    let mut x = [0.0f64; N];
    for c in (0..N).rev() {
        let s: f64 = (c + 1..N).map(|k| a[c][k] * x[k]).sum();
        x[c] = if a[c][c].abs() < 1e-12 {
            0.0
        } else {
            (b[c] - s) / a[c][c]
        };
    }
    x
}

/// Score a given model on a split (for tuning experiments on "train").
pub fn paraphrase_with(
    dataset_dir: &Path,
    split: &str,
    weights: &[f64; N_FEATURES],
    threshold: f64,
) -> Option<ParaphraseScores> {
    let data = load(dataset_dir, split)?;
    Some(scores(split, &data, weights, threshold))
}

/// Check of the reconcile stage's pre-filter on a split: the number of
/// pairs the built-in decision accepts, and how many of those the filter
/// (fewer than two shared content stems, or a share of the shorter
/// sentence's stems below [`crate::paraphrase::MIN_SHARED_STEMS`]) would
/// never have scored.
pub fn prefilter_misses(dataset_dir: &Path, split: &str) -> Option<(usize, usize)> {
    let path = dataset_dir.join(format!("msr_paraphrase_{split}.txt"));
    let text = fs::read_to_string(path).ok()?;
    let analyzer = Analyzer::english();
    let (mut accepted, mut missed) = (0, 0);
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            continue;
        }
        let a = SentenceFeatures::new(&analyzer, cols[3]);
        let b = SentenceFeatures::new(&analyzer, cols[4]);
        if crate::paraphrase::score(&a, &b) < THRESHOLD {
            continue;
        }
        accepted += 1;
        if !crate::paraphrase::may_match(&a, &b) {
            missed += 1;
        }
    }
    Some((accepted, missed))
}
