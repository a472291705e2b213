//! Streaming dedup: copies found one article at a time, in bounded memory
//! per article.
//!
//! [`Deduplicator::find`](crate::Deduplicator::find) holds every article's
//! full shingle set and verifies candidates exactly; that is the right tool
//! for a batch that fits in memory. A stream of millions of articles does
//! not: [`StreamDedup`] keeps, per article, only a *consistent sample* of
//! its shingles — the shingles whose mixed hash falls in a fixed 1/4 of the
//! hash space ([`Sketch`]). Because the same shingle is sampled in every
//! article, the sample of `A ∩ B` is the intersection of the samples, so
//! Jaccard similarity and containment are estimated from the samples
//! without bias (a ~450-word article keeps about 112 values, 448 bytes).
//!
//! Candidates come from an inverted index over a sparser 1/8 sub-sample of
//! the same shingles (both a near copy and an excerpt share most of their
//! sub-sample with the original), walked through per-key chains capped at
//! [`MAX_CHAIN`] articles so boilerplate shingles cannot make a lookup
//! quadratic. Exact copies (same normalised text) are recognised by hash and
//! not indexed again.
//!
//! Decisions follow the batch rules with estimated values: `Near` when the
//! estimated Jaccard reaches the near threshold, `Contained` when the
//! shorter article has at least [`MIN_CONTAINED_SHINGLES`] shingles and the
//! estimated share of its shingles inside the other reaches the containment
//! threshold. Each new article is linked to its best match among earlier
//! articles, and links are joined into groups with union-find, so the result
//! depends only on the order of the stream.

use ahash::AHashMap;
use crosscheck_model::DuplicateKind;
use xxhash_rust::xxh3::xxh3_64;

use crate::{normalize, shingles, MIN_CONTAINED_SHINGLES};

/// A shingle is kept in a [`Sketch`]'s sample when the top three bits of its
/// mixed hash are zero (1/4 of shingles).
const SAMPLE_SHIFT: u32 = 62;
/// A sampled shingle is also an index key when the next bit is zero too
/// (1/8 of shingles).
const KEY_SHIFT: u32 = 61;
/// Articles followed per index key (newest first) when looking up
/// candidates.
pub const MAX_CHAIN: usize = 64;
/// Candidates (most shared keys first) whose samples are compared.
const MAX_VERIFIED: usize = 16;
/// Fewest sampled shingles for an estimated containment to count.
const MIN_SAMPLE_FOR_CONTAINMENT: usize = 3;

/// What [`StreamDedup`] keeps of one article: computed from its text alone,
/// so sketches can be made in parallel and inserted in stream order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    /// Hash of the normalised text (exact copies).
    exact: u64,
    /// Number of distinct word 5-shingles.
    shingles: u32,
    /// The sampled shingles (32-bit values of their mixed hashes), sorted,
    /// distinct.
    sample: Vec<u32>,
    /// The index keys: the part of `sample` in the sparser sub-sample.
    keys: Vec<u32>,
}

impl Sketch {
    /// The sketch of an article's text.
    pub fn of_text(text: &str) -> Sketch {
        let normalized = normalize(text);
        let set = shingles(&normalized);
        let mut sample = Vec::new();
        let mut keys = Vec::new();
        for &h in &set {
            // The shingle hashes are XORs of word hashes; one multiply
            // spreads them over the top bits that pick the sample.
            let m = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            if m >> SAMPLE_SHIFT == 0 {
                let v = m as u32;
                sample.push(v);
                if m >> KEY_SHIFT == 0 {
                    keys.push(v);
                }
            }
        }
        sample.sort_unstable();
        sample.dedup();
        keys.sort_unstable();
        keys.dedup();
        Sketch {
            exact: if normalized.is_empty() {
                0
            } else {
                xxh3_64(normalized.as_bytes())
            },
            shingles: set.len() as u32,
            sample,
            keys,
        }
    }

    /// Whether the text had no words.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }
}

/// An earlier article that a new one copies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StreamMatch {
    /// Position of the earlier article in the stream.
    pub of: u32,
    pub kind: DuplicateKind,
    /// 1 for an exact copy, else the estimated Jaccard (near) or
    /// containment (contained).
    pub similarity: f64,
}

/// Finds copies in a stream of [`Sketch`]es; see the module documentation.
#[derive(Debug, Clone)]
pub struct StreamDedup {
    near_threshold: f64,
    containment_threshold: f64,
    /// Exact-text hash → first article with it.
    exact: AHashMap<u64, u32>,
    /// Per article: its shingle count and sample.
    shingles: Vec<u32>,
    samples: Vec<Box<[u32]>>,
    /// Index key → newest posting; postings are `(article, previous
    /// posting)`, `u32::MAX` ending a chain.
    heads: AHashMap<u32, u32>,
    postings: Vec<(u32, u32)>,
    /// Union-find parents over articles.
    parent: Vec<u32>,
    /// Scratch: shared keys per candidate.
    counts: AHashMap<u32, u32>,
}

impl Default for StreamDedup {
    fn default() -> Self {
        StreamDedup::new(0.8, 0.8)
    }
}

impl StreamDedup {
    /// A streaming deduplicator with the given near (Jaccard) and
    /// containment thresholds (the batch defaults are 0.8 and 0.8).
    pub fn new(near_threshold: f64, containment_threshold: f64) -> Self {
        StreamDedup {
            near_threshold,
            containment_threshold,
            exact: AHashMap::new(),
            shingles: Vec::new(),
            samples: Vec::new(),
            heads: AHashMap::new(),
            postings: Vec::new(),
            parent: Vec::new(),
            counts: AHashMap::new(),
        }
    }

    /// Number of articles inserted.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// Add the next article of the stream (its position is [`Self::len`]
    /// before the call) and return the earlier article it copies, if any.
    pub fn insert(&mut self, sketch: Sketch) -> Option<StreamMatch> {
        let id = self.parent.len() as u32;
        self.parent.push(id);
        let found = self.best_match(&sketch);
        if let Some(m) = found {
            self.union(id, m.of);
        }
        let exact_copy = found.is_some_and(|m| m.kind == DuplicateKind::Exact);
        if !sketch.is_empty() && !exact_copy {
            self.exact.entry(sketch.exact).or_insert(id);
            for &k in &sketch.keys {
                let next = self.heads.get(&k).copied().unwrap_or(u32::MAX);
                self.heads.insert(k, self.postings.len() as u32);
                self.postings.push((id, next));
            }
        }
        self.shingles.push(sketch.shingles);
        // An exact copy is never a candidate itself (its original is), so
        // its sample is not needed.
        self.samples.push(if exact_copy {
            Box::default()
        } else {
            sketch.sample.into_boxed_slice()
        });
        found
    }

    /// The group (union-find root: the earliest member) of article `id`.
    pub fn group_of(&mut self, id: u32) -> u32 {
        let mut x = id;
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.group_of(a), self.group_of(b));
        if ra != rb {
            self.parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }

    fn best_match(&mut self, sketch: &Sketch) -> Option<StreamMatch> {
        if sketch.is_empty() {
            return None;
        }
        if let Some(&of) = self.exact.get(&sketch.exact) {
            return Some(StreamMatch {
                of,
                kind: DuplicateKind::Exact,
                similarity: 1.0,
            });
        }
        self.counts.clear();
        for k in &sketch.keys {
            let mut p = self.heads.get(k).copied().unwrap_or(u32::MAX);
            let mut walked = 0;
            while p != u32::MAX && walked < MAX_CHAIN {
                let (article, next) = self.postings[p as usize];
                *self.counts.entry(article).or_insert(0) += 1;
                p = next;
                walked += 1;
            }
        }
        // A short article may have a single key; otherwise two shared keys
        // are needed before the samples are compared.
        let need = sketch.keys.len().min(2) as u32;
        let mut cands: Vec<(u32, u32)> = self
            .counts
            .iter()
            .filter(|(_, &c)| c >= need)
            .map(|(&a, &c)| (a, c))
            .collect();
        cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(MAX_VERIFIED);
        let mut best: Option<StreamMatch> = None;
        for (other, _) in cands {
            let Some((kind, similarity)) = self.verify(sketch, other) else {
                continue;
            };
            let better = match best {
                None => true,
                Some(b) => {
                    similarity > b.similarity || (similarity == b.similarity && other < b.of)
                }
            };
            if better {
                best = Some(StreamMatch {
                    of: other,
                    kind,
                    similarity,
                });
            }
        }
        best
    }

    /// Classify the new article against earlier article `other` from their
    /// samples, with the batch rules.
    fn verify(&self, sketch: &Sketch, other: u32) -> Option<(DuplicateKind, f64)> {
        let (a, b) = (&sketch.sample[..], &self.samples[other as usize][..]);
        let (na, nb) = (sketch.shingles, self.shingles[other as usize]);
        let (small, n_small) = if na <= nb { (a, na) } else { (b, nb) };
        let large = if na <= nb { b } else { a };
        if small.is_empty() {
            return None;
        }
        let common = crate::intersection_len(small, large);
        let union = small.len() + large.len() - common;
        let jaccard = common as f64 / union as f64;
        if jaccard >= self.near_threshold {
            return Some((DuplicateKind::Near, jaccard));
        }
        let containment = common as f64 / small.len() as f64;
        if n_small as usize >= MIN_CONTAINED_SHINGLES
            && small.len() >= MIN_SAMPLE_FOR_CONTAINMENT
            && containment >= self.containment_threshold
        {
            return Some((DuplicateKind::Contained, containment));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invented text: `n` words from a small vocabulary, varied by `seed`.
    fn text(n: usize, seed: u64) -> String {
        let words = [
            "harbour", "strike", "dockers", "council", "vote", "pay", "offer", "union", "talks",
            "ferry", "cargo", "crane", "night", "shift", "mayor", "port", "wages", "contract",
            "delay", "ships", "tugboat", "pilots", "berth", "quay",
        ];
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                words[(x % words.len() as u64) as usize]
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn exact_near_contained_and_distinct() {
        let original = text(600, 7);
        let mut words: Vec<&str> = original.split(' ').collect();
        words[100] = "edited";
        words[300] = "changed";
        let near = words.join(" ");
        let excerpt: String = original.split(' ').take(250).collect::<Vec<_>>().join(" ");
        let other = text(600, 99);

        let mut d = StreamDedup::default();
        assert_eq!(d.insert(Sketch::of_text(&original)), None);
        let m = d.insert(Sketch::of_text(&original.to_uppercase())).unwrap();
        assert_eq!((m.of, m.kind), (0, DuplicateKind::Exact));
        let m = d.insert(Sketch::of_text(&near)).unwrap();
        assert_eq!((m.of, m.kind), (0, DuplicateKind::Near));
        assert!(m.similarity > 0.8, "{m:?}");
        let m = d.insert(Sketch::of_text(&excerpt)).unwrap();
        assert_eq!(m.kind, DuplicateKind::Contained, "{m:?}");
        assert_eq!(d.insert(Sketch::of_text(&other)), None);
        assert_eq!(d.insert(Sketch::of_text("")), None);
        assert_eq!(d.len(), 6);
        assert_eq!(
            (0..6).map(|i| d.group_of(i)).collect::<Vec<_>>(),
            [0, 0, 0, 0, 4, 5]
        );
    }

    #[test]
    fn sample_is_a_consistent_quarter() {
        let s = Sketch::of_text(&text(4000, 3));
        let ratio = s.sample.len() as f64 / f64::from(s.shingles);
        assert!((0.2..0.3).contains(&ratio), "{ratio}");
        assert!(s.keys.len() * 3 < s.sample.len() * 2 && !s.keys.is_empty());
        assert!(s.keys.iter().all(|k| s.sample.binary_search(k).is_ok()));
    }
}
