//! Speed benchmarks that need real text: MinHash signature throughput on
//! the Reuters-21578 bodies (`crosscheck bench dedup`).

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use crosscheck::dedup::MinHasher;
use crosscheck::ingest::Ingestor;
use crosscheck::model::Body;

/// Signature throughput on one core.
#[derive(Debug, Clone)]
pub struct DedupBench {
    pub documents: usize,
    pub bytes: usize,
    pub passes: usize,
    pub seconds: f64,
}

impl DedupBench {
    /// Megabytes (10^6 bytes) of text signed per second.
    pub fn mb_per_sec(&self) -> f64 {
        (self.bytes * self.passes) as f64 / 1e6 / self.seconds
    }
}

impl fmt::Display for DedupBench {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "MinHash signatures (128 values, word 5-shingles), one thread: {} documents, {:.2} MB of text, {} passes in {:.2} s",
            self.documents,
            self.bytes as f64 / 1e6,
            self.passes,
            self.seconds
        )?;
        writeln!(
            f,
            "throughput: {:.1} MB/s, {:.0} documents/s",
            self.mb_per_sec(),
            (self.documents * self.passes) as f64 / self.seconds
        )
    }
}

/// The article bodies under `dataset` (any format ingest reads).
pub fn texts(dataset: &Path) -> Vec<String> {
    Ingestor::new()
        .read_paths(&[dataset])
        .articles
        .into_iter()
        .map(|a| match a.body {
            Body::Text(t) | Body::Html(t) => t,
        })
        .collect()
}

/// Sign every text repeatedly for at least `min_time`, one thread.
pub fn dedup(texts: &[String], min_time: Duration) -> DedupBench {
    let hasher = MinHasher::default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut passes = 0;
    let mut checksum = 0u64;
    let start = Instant::now();
    while passes == 0 || start.elapsed() < min_time {
        for t in texts {
            checksum ^= hasher.signature_of_text(t)[0];
        }
        passes += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    std::hint::black_box(checksum);
    DedupBench {
        documents: texts.len(),
        bytes,
        passes,
        seconds,
    }
}

/// Scale run: generated articles with known duplicate groups, through the
/// grouping stages (clean, analyse, dedup, cluster).
#[derive(Debug, Clone)]
pub struct ScaleBench {
    pub articles: usize,
    pub bytes: usize,
    pub known_pairs: usize,
    pub found_pairs: usize,
    pub true_pairs: usize,
    pub duplicate_groups: usize,
    pub stories: usize,
    pub seconds: f64,
    /// Peak resident memory of the process (kB), from /proc/self/status.
    pub peak_rss_kb: Option<u64>,
}

impl fmt::Display for ScaleBench {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let recall = self.true_pairs as f64 / self.known_pairs.max(1) as f64;
        let precision = self.true_pairs as f64 / self.found_pairs.max(1) as f64;
        writeln!(
            f,
            "{} articles ({:.1} MB): {:.2} s ({:.0} articles/s), peak RSS {} MB",
            self.articles,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.articles as f64 / self.seconds,
            self.peak_rss_kb
                .map_or("?".into(), |k| format!("{:.0}", k as f64 / 1024.0))
        )?;
        writeln!(
            f,
            "duplicates: {} groups; known pairs {}, reported pairs {}, recall {:.3}, precision {:.3}; {} stories",
            self.duplicate_groups, self.known_pairs, self.found_pairs, recall, precision, self.stories
        )
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A perturbed copy: a paragraph dropped (when there are several), a few
/// words replaced, and a new first line — a trimmed, lightly edited reprint.
fn perturb(text: &str, rng: &mut Rng) -> String {
    let mut paras: Vec<String> = text.split("\n\n").map(str::to_owned).collect();
    if paras.len() > 3 {
        let drop = 1 + rng.below(paras.len() - 1);
        paras.remove(drop);
    }
    let mut words: Vec<String> = paras.join("\n\n").split(' ').map(str::to_owned).collect();
    for _ in 0..3 {
        if !words.is_empty() {
            let k = rng.below(words.len());
            words[k] = format!("edited{}", rng.below(1000));
        }
    }
    format!(
        "Reprinted by outlet {}.\n\n{}",
        rng.below(100),
        words.join(" ")
    )
}

/// Generate `n` articles from `bases`: each new story joins two base texts
/// and three paragraphs of 40 words drawn at random from the bases'
/// vocabulary (so stories stay distinct when `n` far exceeds the bases and
/// two stories sharing a base are not copies), and has 0–3 perturbed
/// copies; returns the articles and each one's known group.
pub fn generate(
    bases: &[String],
    n: usize,
    seed: u64,
) -> (Vec<crosscheck::model::RawArticle>, Vec<usize>) {
    let mut rng = Rng(seed | 1);
    let vocabulary: Vec<&str> = bases
        .iter()
        .take(2000)
        .flat_map(|b| b.split_whitespace())
        .filter(|w| w.len() > 2)
        .collect();
    let mut out = Vec::with_capacity(n);
    let mut group = Vec::with_capacity(n);
    let mut g = 0;
    while out.len() < n && !bases.is_empty() && !vocabulary.is_empty() {
        let mut fingerprint = || {
            (0..40)
                .map(|_| vocabulary[rng.below(vocabulary.len())])
                .collect::<Vec<_>>()
                .join(" ")
                + "."
        };
        let (f1, f2, f3) = (fingerprint(), fingerprint(), fingerprint());
        let text = format!(
            "{}\n\n{f1}\n\n{}\n\n{f2}\n\n{f3}",
            bases[rng.below(bases.len())],
            bases[rng.below(bases.len())]
        );
        let copies = [0, 0, 1, 1, 2, 3][rng.below(6)];
        for c in 0..=copies {
            if out.len() == n {
                break;
            }
            let body = if c == 0 {
                text.clone()
            } else {
                perturb(&text, &mut rng)
            };
            out.push(crosscheck::model::RawArticle {
                id: format!("gen/{}", out.len()),
                origin: format!("generated #{}", out.len()),
                source: None,
                title: None,
                url: None,
                published: None,
                body: Body::Text(body),
            });
            group.push(g);
        }
        g += 1;
    }
    (out, group)
}

/// Run the grouping stages on `n` generated articles and score duplicates
/// against the known groups (pairs within a group).
pub fn scale(bases: &[String], n: usize, pipeline: &crosscheck::Pipeline) -> ScaleBench {
    use std::collections::HashMap;
    let (articles, known) = generate(bases, n, 0x5CA1E);
    let bytes = articles
        .iter()
        .map(|a| match &a.body {
            Body::Text(t) | Body::Html(t) => t.len(),
        })
        .sum();
    let group_of: HashMap<String, usize> = articles
        .iter()
        .zip(&known)
        .map(|(a, &g)| (a.id.clone(), g))
        .collect();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for &g in &known {
        *sizes.entry(g).or_default() += 1;
    }
    let known_pairs = sizes.values().map(|&s| s * (s - 1) / 2).sum();
    let count = articles.len();
    let start = Instant::now();
    let grouping = pipeline.group(
        crosscheck::Batch {
            articles,
            skipped: Vec::new(),
        },
        &mut crosscheck::NoProgress,
    );
    let seconds = start.elapsed().as_secs_f64();
    let (mut found_pairs, mut true_pairs) = (0, 0);
    for d in &grouping.duplicates {
        for (i, a) in d.articles.iter().enumerate() {
            for b in &d.articles[i + 1..] {
                found_pairs += 1;
                if group_of.get(a) == group_of.get(b) {
                    true_pairs += 1;
                }
            }
        }
    }
    ScaleBench {
        articles: count,
        bytes,
        known_pairs,
        found_pairs,
        true_pairs,
        duplicate_groups: grouping.duplicates.len(),
        stories: grouping.clusters.len(),
        seconds,
        peak_rss_kb: peak_rss_kb(),
    }
}

/// VmHWM of this process in kB (Linux), if readable.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
