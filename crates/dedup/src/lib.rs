//! Dedup: finding articles that are copies of one another.
//!
//! A *copy* is an article whose text was taken from another rather than
//! written independently: the same wire story printed by several outlets, a
//! lightly edited re-issue, or a reprint trimmed to fit. Copies must count as
//! one source in later stages, so this crate groups them. Three kinds are told
//! apart (see [`DuplicateKind`]):
//!
//! * **exact** — identical after lower-casing and removing punctuation and
//!   whitespace differences (an xxh3 hash of the [`normalize`]d text);
//! * **near** — word 5-shingle Jaccard similarity at or above
//!   [`Deduplicator::near_threshold`];
//! * **contained** — not near, but at least
//!   [`Deduplicator::containment_threshold`] of the shorter article's
//!   shingles are in the longer one (and the shorter has at least
//!   [`MIN_CONTAINED_SHINGLES`] shingles).
//!
//! Pairs are never compared all against all. Exact copies are collapsed
//! first; every remaining article gets a 128-value MinHash [`Signature`], and
//! candidate pairs come from two cheap indexes: LSH banding of the signatures
//! (64 bands of 2 rows, which finds pairs with Jaccard down to about 0.2) and
//! an inverted index over a fixed quarter of the shingle hashes, which finds
//! short excerpts of long articles (high containment, low Jaccard). Every
//! candidate is then verified exactly on the shingle sets, and accepted pairs
//! are joined into groups with union-find.

mod minhash;
mod stream;

pub use crosscheck_model::DuplicateKind;
use crosscheck_model::{parse_iso8601, Document, Duplicate};
pub use minhash::{
    estimate_jaccard, normalize, shingles, signature, text_shingles, MinHasher, Signature,
    SHINGLE_WORDS, SIGNATURE_LEN,
};
pub use stream::{Sketch, StreamDedup, StreamMatch, MAX_CHAIN};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64_with_seed};

/// Fewest shingles the shorter article needs to be reported as contained in
/// another (a handful of words is "contained" in almost anything).
pub const MIN_CONTAINED_SHINGLES: usize = 20;

/// LSH: number of bands and rows per band (`BANDS * ROWS == SIGNATURE_LEN`).
const BANDS: usize = 64;
const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Buckets larger than this are linked as a star plus a chain instead of
/// all pairs, so one huge bucket cannot make the run quadratic.
const MAX_BUCKET_PAIRS: usize = 64;
/// Containment index: a shingle is indexed when `hash % SAMPLE_MOD == 0`.
const SAMPLE_MOD: u64 = 4;
/// Containment index: shingles in more articles than this are boilerplate
/// and are not used to propose pairs.
const MAX_POSTING: usize = 64;

/// Finds copies among documents; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Deduplicator {
    near_threshold: f64,
    containment_threshold: f64,
}

impl Default for Deduplicator {
    fn default() -> Self {
        Deduplicator {
            near_threshold: 0.8,
            containment_threshold: 0.8,
        }
    }
}

/// One verified pair (indices into the documents).
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    kind: DuplicateKind,
    similarity: f64,
}

impl Deduplicator {
    /// A deduplicator with the default thresholds (0.8 and 0.8).
    pub fn new() -> Self {
        Self::default()
    }
    /// Word-shingle Jaccard at or above which two articles are near copies.
    pub fn near_threshold(mut self, t: f64) -> Self {
        self.near_threshold = t;
        self
    }
    /// Share of the shorter article's shingles inside the longer at or above
    /// which the shorter is a contained copy.
    pub fn containment_threshold(mut self, t: f64) -> Self {
        self.containment_threshold = t;
        self
    }

    /// A [`StreamDedup`] with this deduplicator's thresholds, for streams
    /// too large to hold in memory.
    pub fn stream(&self) -> StreamDedup {
        StreamDedup::new(self.near_threshold, self.containment_threshold)
    }

    /// Duplicate groups among `docs`, deterministic for the same input.
    ///
    /// Each returned group has two or more article ids, sorted; groups are
    /// sorted by their first id. Articles with no words are never reported.
    ///
    /// * `kind` is `Exact` when every accepted pair in the group is an exact
    ///   copy, `Contained` when any accepted pair is a containment, and
    ///   `Near` otherwise.
    /// * `similarity` is the *smallest* verified similarity over the accepted
    ///   pairs that joined the group (1 for exact pairs, Jaccard for near
    ///   pairs, containment for contained pairs): every link in the group is
    ///   at least this strong.
    /// * `original` (contained groups only) is the article published first
    ///   when every article in the group has a parseable `published` date,
    ///   and otherwise the longest article (most words); ties go to the
    ///   longer article, then the smaller id. A trimmed reprint is cut from
    ///   the longer article; a wire story that an outlet padded with its own
    ///   paragraphs is the shorter one but was published first.
    pub fn find(&self, docs: &[Document]) -> Vec<Duplicate> {
        let normalized: Vec<String> = docs.iter().map(|d| normalize(&d.article.text)).collect();
        let word_counts: Vec<usize> = normalized
            .iter()
            .map(|t| {
                if t.is_empty() {
                    0
                } else {
                    t.split(' ').count()
                }
            })
            .collect();

        let mut edges: Vec<Edge> = Vec::new();

        // 1. Exact copies: sort by hash of the normalised text, link runs to
        //    their first (lowest index) member, which represents the run.
        let mut by_hash: Vec<(u128, usize)> = normalized
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, t)| (xxh3_128(t.as_bytes()), i))
            .collect();
        by_hash.sort_unstable();
        let mut reps: Vec<usize> = Vec::new();
        for run in by_hash.chunk_by(|x, y| x.0 == y.0) {
            let rep = run[0].1;
            reps.push(rep);
            for &(_, other) in &run[1..] {
                edges.push(Edge {
                    a: rep,
                    b: other,
                    kind: DuplicateKind::Exact,
                    similarity: 1.0,
                });
            }
        }
        reps.sort_unstable();

        // 2. Shingles and signatures of the representatives.
        let sets: Vec<Vec<u64>> = reps.iter().map(|&i| shingles(&normalized[i])).collect();
        let sigs: Vec<Signature> = sets
            .iter()
            .map(|s| minhash::DEFAULT_HASHER.signature(s))
            .collect();

        // 3. Candidate pairs (positions in `reps`), then exact verification.
        let mut pairs = lsh_candidates(&sigs);
        pairs.extend(containment_candidates(&sets));
        pairs.sort_unstable();
        pairs.dedup();
        for (x, y) in pairs {
            if let Some((kind, similarity)) = self.verify(&sets[x], &sets[y]) {
                edges.push(Edge {
                    a: reps[x],
                    b: reps[y],
                    kind,
                    similarity,
                });
            }
        }

        self.groups(docs, &word_counts, &edges)
    }

    /// Classify a candidate pair from its shingle sets.
    fn verify(&self, a: &[u64], b: &[u64]) -> Option<(DuplicateKind, f64)> {
        let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if small.is_empty() {
            return None;
        }
        let ratio = small.len() as f64 / large.len() as f64;
        if ratio < self.near_threshold && small.len() < MIN_CONTAINED_SHINGLES {
            return None;
        }
        let common = intersection_len(small, large);
        let union = small.len() + large.len() - common;
        let jaccard = common as f64 / union as f64;
        if jaccard >= self.near_threshold {
            return Some((DuplicateKind::Near, jaccard));
        }
        let containment = common as f64 / small.len() as f64;
        if small.len() >= MIN_CONTAINED_SHINGLES && containment >= self.containment_threshold {
            return Some((DuplicateKind::Contained, containment));
        }
        None
    }

    fn groups(&self, docs: &[Document], word_counts: &[usize], edges: &[Edge]) -> Vec<Duplicate> {
        let mut uf = UnionFind::new(docs.len());
        for e in edges {
            uf.union(e.a, e.b);
        }
        // Per root: (all exact, any contained, min similarity).
        let mut stats: Vec<Option<(bool, bool, f64)>> = vec![None; docs.len()];
        for e in edges {
            let r = uf.find(e.a);
            let s = stats[r].get_or_insert((true, false, f64::INFINITY));
            s.0 &= e.kind == DuplicateKind::Exact;
            s.1 |= e.kind == DuplicateKind::Contained;
            s.2 = s.2.min(e.similarity);
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
        for i in 0..docs.len() {
            let r = uf.find(i);
            members[r].push(i);
        }
        let mut out = Vec::new();
        for (root, group) in members.into_iter().enumerate() {
            if group.len() < 2 {
                continue;
            }
            let Some((all_exact, any_contained, min_sim)) = stats[root] else {
                continue;
            };
            let (kind, original) = if all_exact {
                (DuplicateKind::Exact, None)
            } else if any_contained {
                (
                    DuplicateKind::Contained,
                    Some(original_of(docs, word_counts, &group)),
                )
            } else {
                (DuplicateKind::Near, None)
            };
            let mut articles: Vec<String> =
                group.iter().map(|&i| docs[i].article.id.clone()).collect();
            articles.sort();
            out.push(Duplicate {
                articles,
                kind,
                similarity: if all_exact { 1.0 } else { min_sim },
                original,
            });
        }
        out.sort_by(|a, b| a.articles.cmp(&b.articles));
        out
    }
}

/// The `original` of a contained group: see [`Deduplicator::find`].
fn original_of(docs: &[Document], word_counts: &[usize], group: &[usize]) -> String {
    let dates: Option<Vec<i64>> = group
        .iter()
        .map(|&i| docs[i].article.published.as_deref().and_then(parse_iso8601))
        .collect();
    let best = group
        .iter()
        .enumerate()
        .min_by(|&(x, &i), &(y, &j)| {
            let by_date = match &dates {
                Some(d) => d[x].cmp(&d[y]),
                None => std::cmp::Ordering::Equal,
            };
            by_date
                .then(word_counts[j].cmp(&word_counts[i]))
                .then(docs[i].article.id.cmp(&docs[j].article.id))
        })
        .map(|(_, &i)| i)
        .expect("group is not empty");
    docs[best].article.id.clone()
}

/// Number of common elements of two sorted, de-duplicated slices.
fn intersection_len<T: Ord>(a: &[T], b: &[T]) -> usize {
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

/// Pairs `(x, y)`, `x < y`, that share at least one LSH band.
fn lsh_candidates(sigs: &[Signature]) -> Vec<(usize, usize)> {
    let mut keys: Vec<(u64, usize)> = Vec::with_capacity(sigs.len() * BANDS);
    for (i, sig) in sigs.iter().enumerate() {
        for (band, rows) in sig.chunks_exact(ROWS).enumerate() {
            let mut buf = [0u8; 8 * ROWS];
            for (chunk, v) in buf.chunks_exact_mut(8).zip(rows) {
                chunk.copy_from_slice(&v.to_le_bytes());
            }
            keys.push((xxh3_64_with_seed(&buf, band as u64), i));
        }
    }
    keys.sort_unstable();
    let mut pairs = Vec::new();
    for run in keys.chunk_by(|x, y| x.0 == y.0) {
        let mut ids: Vec<usize> = run.iter().map(|&(_, i)| i).collect();
        ids.dedup();
        bucket_pairs(&ids, &mut pairs);
    }
    pairs
}

/// Pairs of articles (each with at least [`MIN_CONTAINED_SHINGLES`]
/// shingles on the shorter side) that share at least half of the shorter
/// one's sampled shingles.
fn containment_candidates(sets: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let sampled: Vec<usize> = sets
        .iter()
        .map(|s| s.iter().filter(|&&h| h % SAMPLE_MOD == 0).count())
        .collect();
    let mut postings: Vec<(u64, usize)> = Vec::new();
    for (i, set) in sets.iter().enumerate() {
        if set.len() < MIN_CONTAINED_SHINGLES {
            continue;
        }
        postings.extend(
            set.iter()
                .filter(|&&h| h % SAMPLE_MOD == 0)
                .map(|&h| (h, i)),
        );
    }
    postings.sort_unstable();
    let mut shared: Vec<(usize, usize)> = Vec::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < 2 || run.len() > MAX_POSTING {
            continue;
        }
        for (k, &(_, x)) in run.iter().enumerate() {
            for &(_, y) in &run[k + 1..] {
                shared.push((x, y));
            }
        }
    }
    shared.sort_unstable();
    let mut out = Vec::new();
    for run in shared.chunk_by(|p, q| p == q) {
        let (x, y) = run[0];
        let smaller = sampled[x].min(sampled[y]);
        if run.len() >= 2 && 2 * run.len() >= smaller {
            out.push((x, y));
        }
    }
    out
}

/// Pairs to verify for one LSH bucket (sorted ids): all pairs for small
/// buckets; for large ones, every member with the first and with the next.
fn bucket_pairs(ids: &[usize], out: &mut Vec<(usize, usize)>) {
    if ids.len() <= MAX_BUCKET_PAIRS {
        for (k, &x) in ids.iter().enumerate() {
            for &y in &ids[k + 1..] {
                out.push((x, y));
            }
        }
    } else {
        for w in ids.windows(2) {
            out.push((ids[0], w[1]));
            out.push((w[0], w[1]));
        }
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // Smaller index becomes the root: deterministic.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests;
