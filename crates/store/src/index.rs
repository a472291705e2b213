//! The in-memory side of incremental clustering: global document
//! frequencies, article vectors and story centroids.
//!
//! Everything here is derived from the database and rebuilt from it when a
//! store is opened ([`StoryIndex::load`]), so the database stays the single
//! source of truth: a crash can lose this state but never make it disagree
//! with what was committed.

use ahash::{AHashMap, AHashSet};
use crosscheck_cluster::Vectorizer;
use crosscheck_model::Document;
use rusqlite::Connection;

/// Terms kept per article vector (the heaviest, after IDF).
pub(crate) const VECTOR_TERMS: usize = 48;
/// Terms of a vector used to look up candidate stories.
const LOOKUP_TERMS: usize = 20;
/// Candidate stories scored exactly for each addition.
const MAX_CANDIDATES: usize = 8;
/// Time gap beyond which similarity is penalised: seven days, in seconds.
const MAX_GAP_SECS: i64 = 7 * 86_400;
/// Factor applied to similarity across a gap longer than seven days.
const GAP_PENALTY: f64 = 0.5;

/// Term frequencies (with the cluster stage's title, name, number and
/// generic-word adjustments) of one document, before IDF: `(term, weight)`.
pub(crate) fn tf_weights(doc: &Document) -> Vec<(String, f32)> {
    // A vectorizer fitted on the document alone has idf = 1 for every term,
    // so its vector carries exactly the per-document part of the weight.
    let (vz, vectors) = Vectorizer::fit_transform(std::slice::from_ref(doc));
    let mut by_id: AHashMap<u32, &str> = AHashMap::new();
    for t in doc.sentences.iter().flat_map(|s| &s.terms) {
        if let Some(id) = vz.term_id(t) {
            by_id.entry(id).or_insert(t.as_str());
        }
    }
    let mut out: Vec<(String, f32)> = vectors[0]
        .entries()
        .iter()
        .filter_map(|&(id, w)| by_id.get(&id).map(|t| ((*t).to_owned(), w)))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A story's clustering state.
#[derive(Debug, Default)]
struct StoryState {
    centroid: AHashMap<u32, f32>,
    norm_sq: f64,
    first: Option<i64>,
    last: Option<i64>,
    indexed: AHashSet<u32>,
}

impl StoryState {
    fn dot(&self, v: &[(u32, f32)]) -> f64 {
        v.iter()
            .map(|&(t, w)| f64::from(w) * f64::from(self.centroid.get(&t).copied().unwrap_or(0.0)))
            .sum()
    }
}

/// Vocabulary, document frequencies and story centroids.
#[derive(Debug, Default)]
pub(crate) struct StoryIndex {
    pub(crate) threshold: f64,
    vocab: AHashMap<String, u32>,
    /// Document frequency per term id.
    pub(crate) df: Vec<u32>,
    /// Articles counted in `df`.
    pub(crate) docs: u64,
    stories: AHashMap<i64, StoryState>,
    postings: AHashMap<u32, Vec<i64>>,
    /// Scratch space of [`StoryIndex::best`], kept between calls: a
    /// candidate score per story number (dense: stories are numbered from
    /// 1) and the stories scored so far.
    scores: Vec<f32>,
    scored: Vec<i64>,
}

/// A sparse vector: `(term id, weight)` sorted by term id, L2-normalised.
pub(crate) type Vector = Vec<(u32, f32)>;

impl StoryIndex {
    /// Rebuild from the database: vocabulary and document frequencies from
    /// `terms`, centroids from the stored vectors of the articles that were
    /// added to a centroid, in ingest order (the same float sums as when
    /// they were first added).
    pub(crate) fn load(conn: &Connection, threshold: f64) -> rusqlite::Result<Self> {
        let mut ix = StoryIndex {
            threshold,
            ..Default::default()
        };
        let mut stmt = conn.prepare("SELECT id, term, df FROM terms ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let term: String = r.get(1)?;
            let df: i64 = r.get(2)?;
            let id = id as u32;
            if ix.df.len() <= id as usize {
                ix.df.resize(id as usize + 1, 0);
            }
            ix.df[id as usize] = df as u32;
            ix.vocab.insert(term, id);
        }
        ix.docs =
            conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as u64;
        let mut stmt = conn.prepare(
            "SELECT story, published_ts, in_centroid, vector FROM articles ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let story: i64 = r.get(0)?;
            let ts: Option<i64> = r.get(1)?;
            let in_centroid: bool = r.get(2)?;
            let blob: Vec<u8> = r.get(3)?;
            ix.touch_time(story, ts);
            if in_centroid {
                ix.add_to(story, &decode_vector(&blob), ts);
            }
        }
        Ok(ix)
    }

    /// The id of `term`, creating it (df 0) when new. Returns the id and
    /// whether it was created.
    pub(crate) fn intern(&mut self, term: &str) -> (u32, bool) {
        if let Some(&id) = self.vocab.get(term) {
            return (id, false);
        }
        let id = self.df.len() as u32;
        self.vocab.insert(term.to_owned(), id);
        self.df.push(0);
        (id, true)
    }

    /// Count one more article containing `ids` (distinct term ids).
    pub(crate) fn count_doc(&mut self, ids: &[u32]) {
        self.docs += 1;
        for &id in ids {
            self.df[id as usize] += 1;
        }
    }

    /// The article vector: pre-IDF weights times the current IDF, the
    /// [`VECTOR_TERMS`] heaviest kept, L2-normalised, sorted by term id.
    pub(crate) fn vector(&self, weights: &[(u32, f32)]) -> Vector {
        let n = self.docs as f64;
        let mut v: Vec<(u32, f32)> = weights
            .iter()
            .map(|&(id, w)| {
                let df = f64::from(self.df[id as usize]);
                let idf = ((1.0 + n) / (1.0 + df)).ln() + 1.0;
                (id, (f64::from(w) * idf) as f32)
            })
            .filter(|e| e.1 > 0.0)
            .collect();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(VECTOR_TERMS);
        let norm = v
            .iter()
            .map(|&(_, w)| f64::from(w) * f64::from(w))
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for e in &mut v {
                e.1 = (f64::from(e.1) / norm) as f32;
            }
        }
        v.sort_unstable_by_key(|e| e.0);
        v
    }

    /// The story `v` (published at `time`) should join: the live story
    /// with the highest centroid cosine (halved across a gap of more than
    /// seven days) when it reaches the threshold, among the stories that
    /// share one of its strongest terms.
    pub(crate) fn best(&mut self, v: &Vector, time: Option<i64>) -> Option<(i64, f64)> {
        if v.is_empty() {
            return None;
        }
        let mut top = v.clone();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(LOOKUP_TERMS);
        // Sum the weights of the shared lookup terms per story, in a dense
        // array (this runs for every stored article, over posting lists
        // that grow with the number of stories: a hash map here was a
        // sixth of the writer's time at 100,000 articles).
        let (scores, scored) = (&mut self.scores, &mut self.scored);
        for &(t, w) in &top {
            if let Some(list) = self.postings.get(&t) {
                for &s in list {
                    let i = s as usize;
                    if i >= scores.len() {
                        scores.resize((i + 1).next_power_of_two(), 0.0);
                    }
                    if scores[i] == 0.0 {
                        scored.push(s);
                    }
                    scores[i] += w.max(f32::MIN_POSITIVE);
                }
            }
        }
        let mut cands: Vec<(i64, f32)> =
            scored.drain(..).map(|s| (s, scores[s as usize])).collect();
        for &(s, _) in &cands {
            scores[s as usize] = 0.0;
        }
        // The `MAX_CANDIDATES` best-scoring (ties: lowest number first);
        // their order does not matter below.
        let by_score = |a: &(i64, f32), b: &(i64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES - 1, by_score);
            cands.truncate(MAX_CANDIDATES);
        }
        let mut best: Option<(i64, f64)> = None;
        for (s, _) in cands {
            let st = &self.stories[&s];
            if st.norm_sq <= 0.0 {
                continue;
            }
            let sim = st.dot(v) / st.norm_sq.sqrt() * time_factor((st.first, st.last), time);
            if best.is_none_or(|(bs, bsim)| sim > bsim || (sim == bsim && s < bs)) {
                best = Some((s, sim));
            }
        }
        best.filter(|&(_, sim)| sim >= self.threshold)
    }

    /// Record that an article published at `time` is in `story`.
    pub(crate) fn touch_time(&mut self, story: i64, time: Option<i64>) {
        let st = self.stories.entry(story).or_default();
        if let Some(t) = time {
            st.first = Some(st.first.map_or(t, |f| f.min(t)));
            st.last = Some(st.last.map_or(t, |l| l.max(t)));
        }
    }

    /// Add `v` to the centroid of `story` (created if new).
    pub(crate) fn add_to(&mut self, story: i64, v: &Vector, time: Option<i64>) {
        self.touch_time(story, time);
        let st = self.stories.get_mut(&story).expect("story just touched");
        let dot = st.dot(v);
        for &(t, w) in v {
            *st.centroid.entry(t).or_insert(0.0) += w;
        }
        st.norm_sq += 2.0 * dot
            + v.iter()
                .map(|&(_, w)| f64::from(w) * f64::from(w))
                .sum::<f64>();
        let mut top = v.clone();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(LOOKUP_TERMS);
        for (t, _) in top {
            if st.indexed.insert(t) {
                self.postings.entry(t).or_default().push(story);
            }
        }
    }
}

fn time_factor(story: (Option<i64>, Option<i64>), time: Option<i64>) -> f64 {
    match (story, time) {
        ((Some(first), Some(last)), Some(t)) => {
            let gap = if t > last {
                t - last
            } else if t < first {
                first - t
            } else {
                0
            };
            if gap > MAX_GAP_SECS {
                GAP_PENALTY
            } else {
                1.0
            }
        }
        _ => 1.0,
    }
}

/// A vector as bytes: `(u32 term id, f32 weight)` little-endian pairs.
pub(crate) fn encode_vector(v: &Vector) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * 8);
    for &(t, w) in v {
        out.extend_from_slice(&t.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// The inverse of [`encode_vector`] (a trailing partial pair is ignored).
pub(crate) fn decode_vector(b: &[u8]) -> Vector {
    b.chunks_exact(8)
        .map(|c| {
            (
                u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                f32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            )
        })
        .collect()
}

/// A MinHash signature as bytes (little-endian u64s).
pub(crate) fn encode_signature(s: &[u64]) -> Vec<u8> {
    s.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// The inverse of [`encode_signature`].
pub(crate) fn decode_signature(b: &[u8]) -> Option<crosscheck_dedup::Signature> {
    let mut sig = [0u64; crosscheck_dedup::SIGNATURE_LEN];
    if b.len() != sig.len() * 8 {
        return None;
    }
    for (i, c) in b.chunks_exact(8).enumerate() {
        sig[i] = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip() {
        let v = vec![(1, 0.5), (7, -0.25), (90_000, 1.0)];
        assert_eq!(decode_vector(&encode_vector(&v)), v);
        let s = [3u64; crosscheck_dedup::SIGNATURE_LEN];
        assert_eq!(decode_signature(&encode_signature(&s)), Some(s));
    }

    /// `best` as first written: a hash map of candidate scores, fully
    /// sorted. The dense scratch array and partial selection must pick the
    /// same story.
    fn best_reference(ix: &StoryIndex, v: &Vector, time: Option<i64>) -> Option<(i64, f64)> {
        let mut top = v.clone();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(LOOKUP_TERMS);
        let mut acc: AHashMap<i64, f32> = AHashMap::new();
        for &(t, w) in &top {
            for &s in ix.postings.get(&t).into_iter().flatten() {
                *acc.entry(s).or_insert(0.0) += w.max(f32::MIN_POSITIVE);
            }
        }
        let mut cands: Vec<(i64, f32)> = acc.into_iter().collect();
        cands.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(MAX_CANDIDATES);
        let mut best: Option<(i64, f64)> = None;
        for (s, _) in cands {
            let st = &ix.stories[&s];
            if st.norm_sq <= 0.0 {
                continue;
            }
            let sim = st.dot(v) / st.norm_sq.sqrt() * time_factor((st.first, st.last), time);
            if best.is_none_or(|(bs, bsim)| sim > bsim || (sim == bsim && s < bs)) {
                best = Some((s, sim));
            }
        }
        best.filter(|&(_, sim)| sim >= ix.threshold)
    }

    #[test]
    fn best_matches_the_reference_selection() {
        // Small vocabulary, many stories: long posting lists, many ties.
        let mut rng = crate::synth::Rng::new(7);
        let mut ix = StoryIndex {
            threshold: 0.2,
            ..Default::default()
        };
        let random_vector = |rng: &mut crate::synth::Rng, ix: &mut StoryIndex| {
            let mut w: Vec<(u32, f32)> = (0..30)
                .map(|_| {
                    let (id, _) = ix.intern(&format!("t{}", rng.next_u64() % 300));
                    (id, 1.0 + (rng.next_u64() % 4) as f32)
                })
                .collect();
            w.sort_by_key(|e| e.0);
            w.dedup_by_key(|e| e.0);
            let ids: Vec<u32> = w.iter().map(|e| e.0).collect();
            ix.count_doc(&ids);
            ix.vector(&w)
        };
        let mut agreed = 0;
        for i in 0..3_000i64 {
            let v = random_vector(&mut rng, &mut ix);
            let time = Some(i * 3_600);
            let want = best_reference(&ix, &v, time);
            assert_eq!(ix.best(&v, time), want, "article {i}");
            agreed += usize::from(want.is_some());
            match want {
                Some((s, _)) if i % 3 != 0 => ix.add_to(s, &v, time),
                _ => ix.add_to(1 + (rng.next_u64() % 500) as i64, &v, time),
            }
        }
        assert!(agreed > 100, "{agreed}");
    }

    #[test]
    fn time_penalty_applies_beyond_a_week() {
        let day = 86_400;
        assert_eq!(time_factor((Some(0), Some(day)), Some(3 * day)), 1.0);
        assert_eq!(
            time_factor((Some(0), Some(day)), Some(30 * day)),
            GAP_PENALTY
        );
        assert_eq!(time_factor((None, None), Some(30 * day)), 1.0);
    }
}
