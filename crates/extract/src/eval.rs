//! Scoring an extractor on the article-extraction benchmark.
//!
//! The benchmark (Zyte's `article-extraction-benchmark`: 181 article pages as
//! `html/<sha256>.html.gz` and `ground-truth.json` mapping each hash to its
//! `articleBody`) scores a page by comparing *token 4-gram shingles*:
//!
//! * tokens are the runs of word characters (`\w+` in Python's Unicode
//!   regex: letters, digits, marks and `_`), case kept;
//! * a page's shingles are the multiset of its 4-token windows (a text of
//!   one to three tokens has one shingle: all of them; no tokens, none);
//! * true positives are the shingles both texts share (counting multiplicity),
//!   false positives the extra ones predicted, false negatives the missed ones;
//!   the three counts are divided by their sum so that long pages weigh no
//!   more than short ones;
//! * precision is averaged over the pages where `tp + fp > 0` (an empty
//!   prediction does not count against precision), recall over the pages
//!   where `tp + fn > 0`, and F1 is the harmonic mean of the two averages.
//!
//! This matches `evaluate.py` of the benchmark (without its bootstrap
//! confidence intervals).

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

/// How many worst pages [`ExtractionScores`] keeps and prints.
pub const WORST_SHOWN: usize = 10;

/// The shingle counts of one page, normalised to sum to 1 (all zero when
/// both texts are empty).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Matching {
    /// Shared shingles.
    pub tp: f64,
    /// Predicted shingles not in the truth.
    pub fp: f64,
    /// True shingles not predicted.
    pub fn_: f64,
}

impl Matching {
    /// Precision as the benchmark defines it (1 when both texts are empty).
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Recall as the benchmark defines it (1 when both texts are empty).
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// Harmonic mean of this page's precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The benchmark's tokens of `text`: maximal runs of word characters.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_' || is_mark(c);
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Combining marks, which Python's `\w` counts as word characters.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    const N: usize = 4;
    let toks = tokens(text);
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let windows = toks.len().saturating_sub(N) + 1;
    for i in 0..windows {
        let end = (i + N).min(toks.len());
        *out.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Compare a predicted text with the true one, as the benchmark does.
///
/// ```
/// use crosscheck_extract::eval::shingle_matching;
/// let m = shingle_matching("one two three four five", "one two three four");
/// assert_eq!((m.tp, m.fp, m.fn_), (0.5, 0.0, 0.5));
/// ```
pub fn shingle_matching(truth: &str, predicted: &str) -> Matching {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += u64::from(tc.min(pc));
        fn_ += u64::from(tc.saturating_sub(pc));
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += u64::from(pc.saturating_sub(tc));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return Matching::default();
    }
    Matching {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// The score of one page.
#[derive(Debug, Clone)]
pub struct PageScore {
    /// The page's key in `ground-truth.json` (its file name's hash).
    pub key: String,
    /// The page's URL from the ground truth.
    pub url: String,
    /// Normalised shingle counts.
    pub matching: Matching,
    /// Size of the decoded HTML, bytes.
    pub html_bytes: usize,
}

/// Precision, recall and F1 of many pages, as the benchmark computes them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    /// Mean precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean recall over pages with a non-empty truth.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
}

/// Average per-page matchings the benchmark's way.
pub fn summarize(pages: &[Matching]) -> Summary {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let precision = mean(
        pages
            .iter()
            .filter(|m| m.tp + m.fp > 0.0)
            .map(Matching::precision)
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|m| m.tp + m.fn_ > 0.0)
            .map(Matching::recall)
            .collect(),
    );
    Summary {
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// The result of [`evaluate`]: quality, speed and the worst pages.
///
/// Its `Display` prints F1, precision and recall, pages/s and MB/s, and the
/// [`WORST_SHOWN`] pages with the lowest F1.
#[derive(Debug, Clone, Default)]
pub struct ExtractionScores {
    /// Macro-averaged precision/recall and their F1.
    pub summary: Summary,
    /// Every page, in the order of `ground-truth.json` keys (sorted).
    pub pages: Vec<PageScore>,
    /// Total decoded HTML, bytes.
    pub html_bytes: usize,
    /// Time spent inside the extractor (decompression and decoding excluded).
    pub elapsed: Duration,
    /// Pages listed in the ground truth but not readable, with the reason.
    pub missing: MissingPages,
}

impl ExtractionScores {
    /// Pages per second of extractor time.
    pub fn pages_per_sec(&self) -> f64 {
        self.pages.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Megabytes (10^6 bytes) of HTML per second of extractor time.
    pub fn mb_per_sec(&self) -> f64 {
        self.html_bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `n` pages with the lowest F1, worst first (ties by key).
    pub fn worst(&self, n: usize) -> Vec<&PageScore> {
        let mut v: Vec<&PageScore> = self.pages.iter().collect();
        v.sort_by(|a, b| {
            a.matching
                .f1()
                .total_cmp(&b.matching.f1())
                .then_with(|| a.key.cmp(&b.key))
        });
        v.truncate(n);
        v
    }
}

impl fmt::Display for ExtractionScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(
            f,
            "F1 {:.4}  precision {:.4}  recall {:.4}  ({} pages)",
            s.f1,
            s.precision,
            s.recall,
            self.pages.len()
        )?;
        writeln!(
            f,
            "speed {:.1} pages/s  {:.2} MB/s  ({:.2} MB of HTML in {:.3} s, one thread)",
            self.pages_per_sec(),
            self.mb_per_sec(),
            self.html_bytes as f64 / 1e6,
            self.elapsed.as_secs_f64()
        )?;
        for (key, why) in &self.missing {
            writeln!(f, "missing {key}: {why}")?;
        }
        writeln!(f, "worst pages (F1  P  R  key  url):")?;
        for p in self.worst(WORST_SHOWN) {
            writeln!(
                f,
                "  {:.3} {:.3} {:.3}  {}  {}",
                p.matching.f1(),
                p.matching.precision(),
                p.matching.recall(),
                &p.key[..p.key.len().min(12)],
                p.url
            )?;
        }
        Ok(())
    }
}

/// Pages that could not be read: (key, reason).
pub type MissingPages = Vec<(String, String)>;

/// One page of the benchmark, loaded.
#[derive(Debug, Clone)]
pub struct BenchPage {
    /// Key in `ground-truth.json`.
    pub key: String,
    /// URL from the ground truth.
    pub url: String,
    /// The expected article body.
    pub truth: String,
    /// The page, decoded to text (see [`crate::decode_html`]).
    pub html: String,
}

/// Load the benchmark: `ground-truth.json` and `html/<key>.html.gz` under
/// `dataset_dir`. Pages whose HTML cannot be read are returned apart, with
/// the reason. Keys come sorted.
pub fn load_dataset(dataset_dir: &Path) -> Result<(Vec<BenchPage>, MissingPages), String> {
    let gt_path = dataset_dir.join("ground-truth.json");
    let raw = fs::read_to_string(&gt_path)
        .map_err(|e| format!("cannot read {}: {e}", gt_path.display()))?;
    let gt: serde_json::Value = serde_json::from_str(&raw)
        .map_err(|e| format!("{} is not JSON: {e}", gt_path.display()))?;
    let obj = gt
        .as_object()
        .ok_or_else(|| format!("{} is not a JSON object", gt_path.display()))?;
    let mut keys: Vec<&String> = obj.keys().collect();
    keys.sort();
    let mut pages = Vec::new();
    let mut missing = Vec::new();
    for key in keys {
        let entry = &obj[key];
        let truth = entry["articleBody"].as_str().unwrap_or("").to_owned();
        let url = entry["url"].as_str().unwrap_or("").to_owned();
        match read_page(dataset_dir, key) {
            Ok(bytes) => pages.push(BenchPage {
                key: key.clone(),
                url,
                truth,
                html: crate::decode_html(&bytes),
            }),
            Err(e) => missing.push((key.clone(), e)),
        }
    }
    Ok((pages, missing))
}

fn read_page(dir: &Path, key: &str) -> Result<Vec<u8>, String> {
    let gz = dir.join("html").join(format!("{key}.html.gz"));
    if let Ok(f) = fs::File::open(&gz) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(f)
            .read_to_end(&mut out)
            .map_err(|e| format!("{}: {e}", gz.display()))?;
        return Ok(out);
    }
    let plain = dir.join("html").join(format!("{key}.html"));
    fs::read(&plain).map_err(|e| format!("{}: {e}", plain.display()))
}

/// Score `extractor` over already loaded pages (one thread, timed).
pub fn evaluate_pages(pages: &[BenchPage], extractor: &dyn Fn(&str) -> String) -> ExtractionScores {
    let mut scores = ExtractionScores::default();
    let mut matchings = Vec::with_capacity(pages.len());
    for page in pages {
        let started = Instant::now();
        let predicted = extractor(&page.html);
        scores.elapsed += started.elapsed();
        let m = shingle_matching(&page.truth, &predicted);
        matchings.push(m);
        scores.html_bytes += page.html.len();
        scores.pages.push(PageScore {
            key: page.key.clone(),
            url: page.url.clone(),
            matching: m,
            html_bytes: page.html.len(),
        });
    }
    scores.summary = summarize(&matchings);
    scores
}

/// Score `extractor` (HTML in, article text out) on the benchmark in
/// `dataset_dir`, with the benchmark's own metric.
///
/// An unreadable dataset gives empty scores whose `missing` says why.
pub fn evaluate(dataset_dir: &Path, extractor: &dyn Fn(&str) -> String) -> ExtractionScores {
    match load_dataset(dataset_dir) {
        Ok((pages, missing)) => {
            let mut s = evaluate_pages(&pages, extractor);
            s.missing = missing;
            s
        }
        Err(e) => ExtractionScores {
            missing: vec![(dataset_dir.display().to_string(), e)],
            ..ExtractionScores::default()
        },
    }
}

/// Score predictions made elsewhere (e.g. by another tool): `predicted`
/// maps page keys to article text; a page without a prediction counts as
/// empty. Speed fields are left at zero.
pub fn score_predictions(
    pages: &[BenchPage],
    predicted: &HashMap<String, String>,
) -> ExtractionScores {
    let mut s = evaluate_pages(pages, &|_| String::new());
    let matchings: Vec<Matching> = pages
        .iter()
        .map(|p| {
            shingle_matching(
                &p.truth,
                predicted.get(&p.key).map(String::as_str).unwrap_or(""),
            )
        })
        .collect();
    for (ps, m) in s.pages.iter_mut().zip(&matchings) {
        ps.matching = *m;
    }
    s.summary = summarize(&matchings);
    s.elapsed = Duration::ZERO;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokens("Don't stop—it's 3.5%, naïve_x café"),
            ["Don", "t", "stop", "it", "s", "3", "5", "naïve_x", "café"]
        );
        assert!(tokens("  ... ").is_empty());
    }

    #[test]
    fn matching_like_the_benchmark() {
        // Identical texts.
        let m = shingle_matching("a b c d e", "a b c d e");
        assert_eq!((m.tp, m.fp, m.fn_), (1.0, 0.0, 0.0));
        // Short texts make one shingle of all their tokens.
        let m = shingle_matching("a b", "a b");
        assert_eq!(m.tp, 1.0);
        // Both empty: all zero, precision and recall 1.
        let m = shingle_matching("", "");
        assert_eq!((m.precision(), m.recall()), (1.0, 1.0));
        // Empty prediction: precision 0 but excluded from the precision mean.
        let m = shingle_matching("a b c d e", "");
        assert_eq!((m.tp, m.fp, m.fn_), (0.0, 0.0, 1.0));
        let s = summarize(&[m, shingle_matching("w x y z", "w x y z")]);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
        // Multiplicity counts.
        let m = shingle_matching("a b c d a b c d", "a b c d");
        // truth: abcd, bcda, cdab, dabc, abcd → 5; pred: abcd → 1
        assert!((m.tp - 1.0 / 5.0).abs() < 1e-12);
        assert!((m.fn_ - 4.0 / 5.0).abs() < 1e-12);
    }

    #[test]
    fn evaluate_reports_missing_dataset() {
        let s = evaluate(Path::new("/nonexistent/benchmark"), &|h| h.to_owned());
        assert!(s.pages.is_empty());
        assert_eq!(s.missing.len(), 1);
        assert!(s.to_string().contains("cannot read"));
    }

    #[test]
    fn benchmark_if_present() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/article-extraction-benchmark"
        ));
        if !dir.join("ground-truth.json").exists() {
            eprintln!("skipping: {} not found", dir.display());
            return;
        }
        // Scoring the truth against itself is perfect.
        let (pages, missing) = load_dataset(dir).unwrap();
        assert!(missing.is_empty());
        assert_eq!(pages.len(), 181);
        let truth: HashMap<String, String> = pages
            .iter()
            .map(|p| (p.key.clone(), p.truth.clone()))
            .collect();
        let s = score_predictions(&pages, &truth);
        assert_eq!(s.summary.f1, 1.0);
    }
}
