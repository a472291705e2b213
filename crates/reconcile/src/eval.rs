//! Evaluation and training of the same-claim decision on the Microsoft
//! Research Paraphrase Corpus (Dolan & Brockett 2005), read from disk, never
//! bundled.

use std::fmt;
use std::fs;
use std::path::Path;

use crosscheck_text::Analyzer;

use crate::paraphrase::{pair_features, SentenceFeatures, N_FEATURES, THRESHOLD, WEIGHTS};

/// One labelled pair: (same claim?, features).
pub type Example = (bool, [f64; N_FEATURES]);

/// Scores of the same-claim decision on one MSRP split.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParaphraseScores {
    /// "test", "train" or "train, k-fold cross-validation".
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

/// The labelled pairs of a split file (`msr_paraphrase_{split}.txt`) as
/// (label, sentence, sentence).
fn read_pairs(dataset_dir: &Path, split: &str) -> Option<Vec<(bool, String, String)>> {
    let path = dataset_dir.join(format!("msr_paraphrase_{split}.txt"));
    let text = fs::read_to_string(path).ok()?;
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            continue;
        }
        let label = cols[0].trim_start_matches('\u{feff}').trim() == "1";
        out.push((label, cols[3].to_string(), cols[4].to_string()));
    }
    Some(out)
}

/// Checks [`crate::paraphrase::same_claim`] against its definition
/// ([`crate::paraphrase::score`] `>= threshold`) on every pair of a split,
/// both ways round: (decisions compared, disagreements).
pub fn same_claim_agrees(
    dataset_dir: &Path,
    split: &str,
    threshold: f64,
) -> Option<(usize, usize)> {
    let analyzer = Analyzer::english();
    let pairs = read_pairs(dataset_dir, split)?;
    let (mut n, mut differ) = (0, 0);
    for (_, a, b) in &pairs {
        let a = SentenceFeatures::new(&analyzer, a);
        let b = SentenceFeatures::new(&analyzer, b);
        for (x, y) in [(&a, &b), (&b, &a)] {
            n += 1;
            let want = crate::paraphrase::score(x, y) >= threshold;
            differ += usize::from(crate::paraphrase::same_claim(x, y, threshold) != want);
        }
    }
    Some((n, differ))
}

/// Labelled feature vectors of a split ("train" or "test").
pub fn load(dataset_dir: &Path, split: &str) -> Option<Vec<Example>> {
    let analyzer = Analyzer::english();
    let pairs = read_pairs(dataset_dir, split)?;
    Some(
        pairs
            .iter()
            .map(|(label, a, b)| {
                let a = SentenceFeatures::new(&analyzer, a);
                let b = SentenceFeatures::new(&analyzer, b);
                (*label, pair_features(&a, &b))
            })
            .collect(),
    )
}

fn decide(weights: &[f64; N_FEATURES], f: &[f64; N_FEATURES]) -> f64 {
    let z: f64 = f.iter().zip(weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Scores of (label, decision) pairs.
fn tally(
    split: &str,
    outcomes: impl Iterator<Item = (bool, bool)>,
    threshold: f64,
) -> ParaphraseScores {
    let (mut tp, mut fp, mut tn, mut fneg) = (0usize, 0usize, 0usize, 0usize);
    for (label, yes) in outcomes {
        match (yes, label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, false) => tn += 1,
            (false, true) => fneg += 1,
        }
    }
    let total = tp + fp + tn + fneg;
    let n = total.max(1) as f64;
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    ParaphraseScores {
        split: split.to_string(),
        pairs: total,
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

fn scores(
    split: &str,
    data: &[Example],
    weights: &[f64; N_FEATURES],
    threshold: f64,
) -> ParaphraseScores {
    tally(
        split,
        data.iter()
            .map(|(l, f)| (*l, decide(weights, f) >= threshold)),
        threshold,
    )
}

/// Score the built-in same-claim decision ([`crate::paraphrase::score`] ≥
/// [`THRESHOLD`]) on the MSRP **test** pairs in `dataset_dir` (the folder
/// holding `msr_paraphrase_test.txt`). `None` when the file is absent.
pub fn paraphrase(dataset_dir: &Path) -> Option<ParaphraseScores> {
    let data = load(dataset_dir, "test")?;
    Some(scores("test", &data, &WEIGHTS, THRESHOLD))
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

/// A fitted model and how it was chosen.
#[derive(Debug, Clone)]
pub struct Trained {
    pub weights: [f64; N_FEATURES],
    pub threshold: f64,
    /// The ridge penalty picked by cross-validation.
    pub ridge: f64,
    /// Held-out scores of cross-validation with the picked penalty.
    pub cross_validation: CrossValidation,
    /// Scores of the final model on the whole train split (optimistic).
    pub train: ParaphraseScores,
}

/// Held-out results of repeated k-fold cross-validation.
#[derive(Debug, Clone)]
pub struct CrossValidation {
    /// Decisions of all repeats pooled (threshold chosen on the training
    /// folds each time; `threshold` is their mean).
    pub scores: ParaphraseScores,
    /// Mean held-out log-loss: steadier than accuracy, so it picks the
    /// ridge penalty.
    pub log_loss: f64,
}

/// Ridge penalties tried by [`train_paraphrase`].
pub const RIDGE_GRID: [f64; 5] = [0.3, 1.0, 3.0, 10.0, 30.0];

/// Number of cross-validation folds.
pub const FOLDS: usize = 10;

/// Number of differently shuffled repeats of the cross-validation.
pub const REPEATS: u64 = 3;

/// Fit the logistic weights and the threshold on the MSRP **train** pairs;
/// the test split is never read. The ridge penalty is the one of
/// [`RIDGE_GRID`] with the lowest held-out log-loss in [`REPEATS`] ×
/// [`FOLDS`]-fold cross-validation; the model is then refitted on all of
/// train and the threshold set to the accuracy-maximising one there. This
/// is how [`WEIGHTS`] and [`THRESHOLD`] were chosen.
pub fn train_paraphrase(dataset_dir: &Path) -> Option<Trained> {
    let data = load(dataset_dir, "train")?;
    Some(train_on(&data))
}

/// [`train_paraphrase`] on given examples.
pub fn train_on(data: &[Example]) -> Trained {
    let mut best: Option<(f64, CrossValidation)> = None;
    for &ridge in &RIDGE_GRID {
        let cv = cross_validate(data, FOLDS, ridge);
        if best.as_ref().is_none_or(|(_, b)| cv.log_loss < b.log_loss) {
            best = Some((ridge, cv));
        }
    }
    let (ridge, cross_validation) = best.expect("non-empty grid");
    let weights = fit(data, ridge);
    let threshold = best_threshold(data, &weights);
    Trained {
        weights,
        threshold,
        ridge,
        cross_validation,
        train: scores("train", data, &weights, threshold),
    }
}

/// Held-out results of [`REPEATS`] × `folds`-fold cross-validation with
/// the given ridge penalty. Each repeat shuffles the pairs with a fixed
/// seed, so the result is reproducible.
pub fn cross_validate(data: &[Example], folds: usize, ridge: f64) -> CrossValidation {
    let mut outcomes = Vec::with_capacity(data.len() * REPEATS as usize);
    let (mut thresholds, mut loss) = (0.0, 0.0);
    for seed in 0..REPEATS {
        let order = shuffled(data.len(), seed);
        for k in 0..folds {
            let (mut train, mut held) = (Vec::new(), Vec::new());
            for (i, &ix) in order.iter().enumerate() {
                if i % folds == k {
                    held.push(data[ix]);
                } else {
                    train.push(data[ix]);
                }
            }
            let w = fit(&train, ridge);
            let t = best_threshold(&train, &w);
            thresholds += t;
            for (l, f) in &held {
                let p = decide(&w, f);
                loss -= (if *l { p } else { 1.0 - p }).max(1e-12).ln();
                outcomes.push((*l, p >= t));
            }
        }
    }
    let split = format!("train, {REPEATS} x {folds}-fold cross-validation,");
    let runs = (REPEATS as usize * folds) as f64;
    let n = outcomes.len().max(1) as f64;
    CrossValidation {
        scores: tally(&split, outcomes.into_iter(), thresholds / runs),
        log_loss: loss / n,
    }
}

/// `0..n` in a pseudo-random order fixed by `seed` (a linear congruential
/// generator driving Fisher-Yates).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

/// The threshold in 0.20..0.80 (step 0.01) with the best accuracy on `data`.
fn best_threshold(data: &[Example], weights: &[f64; N_FEATURES]) -> f64 {
    let mut best = (f64::MIN, 0.5);
    for t in (20..=80).map(|x| x as f64 / 100.0) {
        let s = scores("", data, weights, t);
        if s.accuracy > best.0 {
            best = (s.accuracy, t);
        }
    }
    best.1
}

/// Logistic regression by Newton's method (iteratively reweighted least
/// squares) on standardised features, with ridge penalty `ridge` on all
/// weights but the bias; returned as weights of the raw features.
fn fit(data: &[Example], ridge: f64) -> [f64; N_FEATURES] {
    const N: usize = N_FEATURES;
    let n = data.len().max(1) as f64;
    let mut mean = [0.0f64; N];
    let mut sd = [0.0f64; N];
    for (_, f) in data {
        for k in 1..N {
            mean[k] += f[k] / n;
        }
    }
    for (_, f) in data {
        for k in 1..N {
            sd[k] += (f[k] - mean[k]).powi(2) / n;
        }
    }
    for s in sd.iter_mut() {
        *s = s.sqrt();
    }
    let z: Vec<(bool, [f64; N])> = data
        .iter()
        .map(|(l, f)| {
            let mut x = [1.0f64; N];
            for k in 1..N {
                x[k] = if sd[k] > 1e-12 {
                    (f[k] - mean[k]) / sd[k]
                } else {
                    0.0
                };
            }
            (*l, x)
        })
        .collect();
    let mut w = [0.0f64; N];
    for _ in 0..50 {
        let mut grad = [0.0f64; N];
        let mut hess = [[0.0f64; N]; N];
        for (label, f) in &z {
            let p = decide(&w, f);
            let err = p - if *label { 1.0 } else { 0.0 };
            let v = (p * (1.0 - p)).max(1e-9);
            for k in 0..N {
                grad[k] += err * f[k];
                let vf = v * f[k];
                for l in k..N {
                    hess[k][l] += vf * f[l];
                }
            }
        }
        // Mirror the upper triangle accumulated above.
        for k in 1..N {
            let (upper, rest) = hess.split_at_mut(k);
            for (l, row) in upper.iter().enumerate() {
                rest[0][l] = row[k];
            }
        }
        for k in 1..N {
            grad[k] += ridge * w[k];
            hess[k][k] += ridge;
        }
        let step = solve(hess, grad);
        let mut moved = 0.0f64;
        for k in 0..N {
            w[k] -= step[k];
            moved = moved.max(step[k].abs());
        }
        if moved < 1e-9 {
            break;
        }
    }
    // Back to raw features: w·z = Σ w_k (x_k − m_k)/s_k + w_0.
    let mut raw = [0.0f64; N];
    raw[0] = w[0];
    for k in 1..N {
        if sd[k] > 1e-12 {
            raw[k] = w[k] / sd[k];
            raw[0] -= w[k] * mean[k] / sd[k];
        }
    }
    raw
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

/// Check of the reconcile stage's pre-filter on a split: the number of
/// pairs the built-in decision accepts, and how many of those the filter
/// (fewer than two shared content stems, or a share of the shorter
/// sentence's stems below [`crate::paraphrase::MIN_SHARED_STEMS`]) would
/// never have scored.
pub fn prefilter_misses(dataset_dir: &Path, split: &str) -> Option<(usize, usize)> {
    let analyzer = Analyzer::english();
    let (mut accepted, mut missed) = (0, 0);
    for (_, a, b) in read_pairs(dataset_dir, split)? {
        let a = SentenceFeatures::new(&analyzer, &a);
        let b = SentenceFeatures::new(&analyzer, &b);
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
