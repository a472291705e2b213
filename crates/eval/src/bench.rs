//! Speed benchmarks that need real text: MinHash signature throughput on
//! the Reuters-21578 bodies (`crosscheck bench dedup`), and the facts and
//! reconcile stages on a 50-article story (`crosscheck bench facts`).

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

/// Generated articles with known duplicate groups, made one at a time (a
/// million articles are never held at once).
///
/// Each new story joins the openings (at most [`OPENING_WORDS`] words) of
/// two base texts and three paragraphs of 40 words drawn at random from the
/// bases' vocabulary, and has 0–3 perturbed copies. The random paragraphs
/// keep stories distinct when far more articles are made than there are
/// bases; cutting the bases keeps two stories that share one from being
/// copies in fact (a shared 900-word base would make one story 80%
/// contained in another, and a million articles reuse each base ~100
/// times). Yields each article with its known group.
pub struct Generator<'a> {
    bases: &'a [String],
    vocabulary: Vec<&'a str>,
    rng: Rng,
    /// The current story's text, its group and copies still to make.
    story: String,
    group: usize,
    copies_left: usize,
    made: usize,
    limit: usize,
}

impl<'a> Generator<'a> {
    /// A generator of `n` articles from `bases`, deterministic for `seed`.
    pub fn new(bases: &'a [String], n: usize, seed: u64) -> Self {
        let vocabulary: Vec<&str> = bases
            .iter()
            .take(2000)
            .flat_map(|b| b.split_whitespace())
            .filter(|w| w.len() > 2)
            .collect();
        Generator {
            bases,
            vocabulary,
            rng: Rng(seed | 1),
            story: String::new(),
            group: 0,
            copies_left: 0,
            made: 0,
            limit: n,
        }
    }
}

impl Iterator for Generator<'_> {
    type Item = (crosscheck::model::RawArticle, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.made == self.limit || self.bases.is_empty() || self.vocabulary.is_empty() {
            return None;
        }
        let body = if self.copies_left > 0 {
            self.copies_left -= 1;
            perturb(&self.story, &mut self.rng)
        } else {
            if self.made > 0 {
                self.group += 1;
            }
            let (rng, vocabulary) = (&mut self.rng, &self.vocabulary);
            let mut fingerprint = || {
                (0..40)
                    .map(|_| vocabulary[rng.below(vocabulary.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
                    + "."
            };
            let (f1, f2, f3) = (fingerprint(), fingerprint(), fingerprint());
            let a = opening(&self.bases[self.rng.below(self.bases.len())]);
            let b = opening(&self.bases[self.rng.below(self.bases.len())]);
            self.story = format!("{a}\n\n{f1}\n\n{b}\n\n{f2}\n\n{f3}");
            self.copies_left = [0, 0, 1, 1, 2, 3][self.rng.below(6)];
            self.story.clone()
        };
        let n = self.made;
        self.made += 1;
        Some((
            crosscheck::model::RawArticle {
                id: format!("gen/{n}"),
                origin: format!("generated #{n}"),
                source: None,
                title: None,
                url: None,
                published: None,
                body: Body::Text(body),
            },
            self.group,
        ))
    }
}

/// Most words taken from a base text for one generated story.
pub const OPENING_WORDS: usize = 80;

/// The first [`OPENING_WORDS`] words of `text`, paragraph breaks kept.
fn opening(text: &str) -> &str {
    match text.split_whitespace().nth(OPENING_WORDS) {
        // The slice ends where the first word past the limit starts.
        Some(w) => text[..w.as_ptr() as usize - text.as_ptr() as usize].trim_end(),
        None => text,
    }
}

/// All `n` articles of a [`Generator`] and their known groups.
pub fn generate(
    bases: &[String],
    n: usize,
    seed: u64,
) -> (Vec<crosscheck::model::RawArticle>, Vec<usize>) {
    Generator::new(bases, n, seed).unzip()
}

/// Articles per chunk of the streaming scale run.
const SCALE_CHUNK: usize = 8192;

/// Stream `n` generated articles through the grouping stages
/// ([`crosscheck::stream::StreamGrouper`]: cleaning, analysis, streaming
/// dedup and incremental clustering) and score the duplicate pairs against
/// the known groups. Generation is interleaved with the run and its time
/// is excluded; nothing but the compact per-article state outlives a chunk.
pub fn scale(bases: &[String], n: usize, pipeline: &crosscheck::Pipeline) -> ScaleBench {
    use std::collections::HashMap;
    let mut generator = Generator::new(bases, n, 0x5CA1E);
    let mut grouper = crosscheck::stream::StreamGrouper::new(pipeline);
    // Known group of every placed article, by placement index.
    let mut known: Vec<u32> = Vec::with_capacity(n);
    let (mut bytes, mut count, mut seconds) = (0usize, 0usize, 0.0f64);
    loop {
        let mut chunk = Vec::with_capacity(SCALE_CHUNK);
        let mut groups = Vec::with_capacity(SCALE_CHUNK);
        for (a, g) in generator.by_ref().take(SCALE_CHUNK) {
            let (Body::Text(t) | Body::Html(t)) = &a.body;
            bytes += t.len();
            chunk.push(a);
            groups.push(g as u32);
        }
        if chunk.is_empty() {
            break;
        }
        count += chunk.len();
        let start = Instant::now();
        let placed = grouper.push(chunk);
        seconds += start.elapsed().as_secs_f64();
        for (p, g) in placed.iter().zip(groups) {
            if p.is_ok() {
                known.push(g);
            }
        }
    }
    let start = Instant::now();
    // Pairs within known groups, and within found groups (by union-find
    // root), and pairs that are both.
    let mut known_sizes: HashMap<u32, usize> = HashMap::new();
    let mut found_sizes: HashMap<u32, usize> = HashMap::new();
    let mut both_sizes: HashMap<(u32, u32), usize> = HashMap::new();
    for (i, &g) in known.iter().enumerate() {
        let root = grouper.group_of(i as u32);
        *known_sizes.entry(g).or_default() += 1;
        *found_sizes.entry(root).or_default() += 1;
        *both_sizes.entry((root, g)).or_default() += 1;
    }
    seconds += start.elapsed().as_secs_f64();
    let pairs = |sizes: &mut dyn Iterator<Item = usize>| sizes.map(|s| s * (s - 1) / 2).sum();
    ScaleBench {
        articles: count,
        bytes,
        known_pairs: pairs(&mut known_sizes.values().copied()),
        found_pairs: pairs(&mut found_sizes.values().copied()),
        true_pairs: pairs(&mut both_sizes.values().copied()),
        duplicate_groups: found_sizes.values().filter(|&&s| s > 1).count(),
        stories: grouper.stories(),
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

/// Stage times of the grouping stages (ingest, clean, dedup, cluster; no
/// facts or briefs) over a real corpus: `crosscheck bench group`.
#[derive(Debug, Clone, Default)]
pub struct GroupBench {
    /// `(stage, items, seconds)` in run order.
    pub stages: Vec<(String, usize, f64)>,
    pub articles: usize,
    pub duplicate_groups: usize,
    pub stories: usize,
    /// A hash of the duplicate groups and stories (article ids), to check
    /// that a faster version still gives the same grouping.
    pub fingerprint: u64,
    pub peak_rss_kb: Option<u64>,
}

impl crosscheck::Progress for GroupBench {
    fn stage(&mut self, name: &str, items: usize, seconds: f64) {
        self.stages.push((name.to_owned(), items, seconds));
    }
}

impl GroupBench {
    fn seconds_of(&self, names: &[&str]) -> f64 {
        self.stages
            .iter()
            .filter(|s| names.contains(&s.0.as_str()))
            .map(|s| s.2)
            .sum()
    }
}

impl fmt::Display for GroupBench {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, items, seconds) in &self.stages {
            writeln!(f, "{name:<8} {items:>8} item(s) {seconds:>8.3} s")?;
        }
        writeln!(
            f,
            "{} articles, {} duplicate groups, {} stories (grouping {:016x}); dedup + cluster {:.3} s; ingest to stories {:.3} s; peak RSS {} MB",
            self.articles,
            self.duplicate_groups,
            self.stories,
            self.fingerprint,
            self.seconds_of(&["dedup", "cluster"]),
            self.seconds_of(&["ingest", "clean", "dedup", "cluster"]),
            self.peak_rss_kb
                .map_or("?".into(), |k| format!("{:.0}", k as f64 / 1024.0))
        )
    }
}

/// Ingest `dataset` and run the grouping stages of `pipeline`, timing each.
pub fn group(dataset: &Path, pipeline: &crosscheck::Pipeline) -> GroupBench {
    let mut bench = GroupBench::default();
    let t = Instant::now();
    let batch = Ingestor::new().read_paths(&[dataset]);
    crosscheck::Progress::stage(
        &mut bench,
        "ingest",
        batch.articles.len(),
        t.elapsed().as_secs_f64(),
    );
    let grouping = pipeline.group(batch, &mut bench);
    bench.articles = grouping.docs.len();
    bench.duplicate_groups = grouping.duplicates.len();
    bench.stories = grouping.clusters.len();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for d in &grouping.duplicates {
        for id in &d.articles {
            h.update(id.as_bytes());
            h.update(b" ");
        }
        h.update(b"\n");
    }
    for c in &grouping.clusters {
        for &i in c {
            h.update(grouping.docs[i].article.id.as_bytes());
            h.update(b" ");
        }
        h.update(b"\n");
    }
    bench.fingerprint = h.digest();
    bench.peak_rss_kb = peak_rss_kb();
    bench
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_bench_runs_one_story_of_separate_outlets() {
        let texts = vec![
            "TARVIK (Meridian Press) — At least 40 people were injured when a ferry ran aground \
             near Tarvik on Monday, the harbour office said."
                .to_string(),
            "About 400 people were injured in the ferry accident near Tarvik, Mira Holm, the \
             harbour master, told reporters on Monday."
                .to_string(),
        ];
        let docs = story(&texts, 3);
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[2].article.text, docs[0].article.text);
        let outlets: Vec<_> = docs.iter().map(|d| d.article.source.clone()).collect();
        assert_eq!(outlets[0].as_deref(), Some("outlet 0"));
        assert_ne!(outlets[0], outlets[2]);
        let counter = || 7;
        let b = facts(&docs, 2, Some(&counter));
        assert_eq!((b.articles, b.runs), (3, 2));
        assert_eq!(b.allocations, Some((0, 0)));
        assert!(b.claims > 0 && b.entities > 0, "{b}");
        assert!(b.to_string().contains("3 articles, best of 2"));
        assert!(story(&[], 50).is_empty());
    }

    #[test]
    fn openings_keep_at_most_the_word_limit() {
        let long: String = (0..200).map(|i| format!("w{i} ")).collect();
        let cut = opening(&long);
        assert_eq!(cut.split_whitespace().count(), OPENING_WORDS);
        assert!(cut.ends_with(&format!("w{}", OPENING_WORDS - 1)));
        assert_eq!(opening("two words"), "two words");
    }

    #[test]
    fn generated_stream_is_deterministic_with_known_copy_groups() {
        let bases: Vec<String> = (0..50)
            .map(|b| {
                (0..120)
                    .map(|i| format!("base{b}word{i}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let (a, ga) = generate(&bases, 500, 7);
        let (b, gb) = generate(&bases, 500, 7);
        assert_eq!(a.len(), 500);
        assert_eq!(ga, gb);
        assert!(a.iter().zip(&b).all(|(x, y)| x.body == y.body));
        // Groups are consecutive runs of one original and its 0-3 copies.
        assert!(ga.windows(2).all(|w| w[1] == w[0] || w[1] == w[0] + 1));
        let mut sizes = std::collections::HashMap::new();
        for g in &ga {
            *sizes.entry(*g).or_insert(0usize) += 1;
        }
        assert!(sizes.values().all(|&s| (1..=4).contains(&s)));
        assert!(sizes.values().any(|&s| s > 1));
    }
}

/// The facts and reconcile stages on one story, best of several runs.
#[derive(Debug, Clone)]
pub struct FactsBench {
    pub articles: usize,
    pub runs: usize,
    /// Best time of the facts stage (every article), in seconds.
    pub facts: f64,
    /// Best time of the reconcile stage (the whole story), in seconds.
    pub reconcile: f64,
    /// Allocations of each stage in the last run, when counted.
    pub allocations: Option<(usize, usize)>,
    pub entities: usize,
    pub claims: usize,
    pub conflicts: usize,
    pub events: usize,
}

impl fmt::Display for FactsBench {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = (self.facts + self.reconcile) * 1e3;
        write!(
            f,
            "{} articles, best of {}: facts {:.1} ms, reconcile {:.1} ms, together {:.1} ms \
             (target: under 50 ms) ({} entities, {} claims, {} conflicts, {} events",
            self.articles,
            self.runs,
            self.facts * 1e3,
            self.reconcile * 1e3,
            total,
            self.entities,
            self.claims,
            self.conflicts,
            self.events
        )?;
        if let Some((a, b)) = self.allocations {
            write!(f, "; {a} + {b} allocations")?;
        }
        write!(f, ")")
    }
}

/// `n` articles made from `texts` (cycled when there are fewer), cleaned and
/// split as the pipeline does, each from its own outlet and undated: one
/// story of `n` independent reports.
pub fn story(texts: &[String], n: usize) -> Vec<crosscheck::model::Document> {
    let cleaner = crosscheck_clean::Cleaner::new();
    let analyzer = crosscheck_text::Analyzer::english();
    let n = if texts.is_empty() { 0 } else { n };
    (0..n)
        .map(|i| {
            let c = cleaner.clean(&texts[i % texts.len()], None);
            analyzer.analyse(crosscheck::model::Article {
                id: format!("a{i}"),
                source: Some(format!("outlet {i}")),
                title: c.title,
                url: None,
                published: None,
                text: c.text,
                removed: c.removed,
            })
        })
        .collect()
}

/// Time the facts stage on every article of `docs` and the reconcile stage
/// on all of them as one story, one thread, `runs` times each; the best
/// times are kept (the first run pays for lazily built tables).
/// `allocations` reads an allocation counter, if the caller keeps one.
pub fn facts(
    docs: &[crosscheck::model::Document],
    runs: usize,
    allocations: Option<&dyn Fn() -> usize>,
) -> FactsBench {
    let ex = crosscheck::facts::Extractor::new();
    let refs: Vec<_> = docs.iter().collect();
    let count = || allocations.map_or(0, |a| a());
    let (mut t_facts, mut t_rec) = (f64::MAX, f64::MAX);
    let (mut a_facts, mut a_rec) = (0, 0);
    let mut story = None;
    for _ in 0..runs.max(1) {
        let (t, a) = (Instant::now(), count());
        let facts: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
        t_facts = t_facts.min(t.elapsed().as_secs_f64());
        a_facts = count() - a;
        // The previous run's story is dropped outside the timing.
        drop(story.take());
        let (t, a) = (Instant::now(), count());
        story = Some(crosscheck::reconcile::Reconciler::new().reconcile(&refs, &facts, &[]));
        t_rec = t_rec.min(t.elapsed().as_secs_f64());
        a_rec = count() - a;
    }
    let story = story.expect("ran at least once");
    FactsBench {
        articles: docs.len(),
        runs: runs.max(1),
        facts: t_facts,
        reconcile: t_rec,
        allocations: allocations.map(|_| (a_facts, a_rec)),
        entities: story.entities.len(),
        claims: story.claims.len(),
        conflicts: story.conflicts.len(),
        events: story.timeline.len(),
    }
}
