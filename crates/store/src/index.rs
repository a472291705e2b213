//! The in-memory side of incremental clustering: global document
//! frequencies, article vectors and story centroids, with the stories'
//! part held to a memory budget.
//!
//! Everything here is derived from the database and rebuilt from it when a
//! store is opened ([`StoryIndex::load`]), so the database stays the single
//! source of truth: a crash can lose this state but never make it disagree
//! with what was committed. The stories that do not fit the budget live
//! only in the database (checkpoints written in the same transactions as
//! the articles, see [`StoryIndex`]) and are read back when an article may
//! join them, with the same floats, so the budget changes memory and
//! writer time, never an assignment.

use ahash::{AHashMap, AHashSet};
use crosscheck_cluster::{time_factor as span_factor, Vectorizer};
use crosscheck_model::Document;
use rusqlite::{Connection, OptionalExtension};

/// Terms kept per article vector (the heaviest, after IDF).
pub(crate) const VECTOR_TERMS: usize = 48;
/// Terms of a vector used to look up candidate stories.
const LOOKUP_TERMS: usize = 20;
// A story's shared lookup terms are a bit mask (`u32`).
const _: () = assert!(LOOKUP_TERMS <= 32);
/// Stories listed under a term (resident and cold together) past which the
/// term gets a bitset of its stories ([`StoryIndex::common`]).
const COMMON_MIN_STORIES: usize = 1024;
/// Candidate stories scored exactly for each addition.
const MAX_CANDIDATES: usize = 8;
/// Heap bytes of a hash table that holds up to `capacity` entries of
/// `slot` bytes: hashbrown's buckets (a power of two, at most 7/8 full)
/// with a control byte each.
fn table_bytes(capacity: usize, slot: usize) -> usize {
    if capacity == 0 {
        0
    } else {
        (capacity * 8 / 7).next_power_of_two() * (slot + 1)
    }
}

/// Give back a hash table's room past twice its length, once the unused
/// slots cost more than about 2 KiB: counted in slots, a fixed slack of 64
/// slots of story state (some 440 bytes each) was most of a small budget,
/// and whether a table kept it depended on the hash seed.
fn shrink_table<K: std::hash::Hash + Eq, V>(map: &mut AHashMap<K, V>) {
    let slack = (2048 / std::mem::size_of::<(K, V)>().max(1)).max(4);
    if map.capacity() > 2 * map.len() + slack {
        let n = map.len();
        map.shrink_to(n + n / 4);
    }
}

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

/// A story's clustering state: the sum of its members' vectors (the
/// centroid, unnormalised) and its squared norm, the span of its
/// publication times, the terms under which it is posted (`indexed`), the
/// latest article it reflects (`upto`, an article `seq`) and when it was
/// last used (`used`, the index's clock), for eviction.
#[derive(Debug, Default, Clone, PartialEq)]
struct StoryState {
    centroid: AHashMap<u32, f32>,
    norm_sq: f64,
    first: Option<i64>,
    last: Option<i64>,
    indexed: AHashSet<u32>,
    upto: i64,
    used: u64,
    /// Article vectors summed into the centroid: the mean cosine with the
    /// members (average link, as in batch clustering) is the dot product
    /// with the centroid divided by this.
    members: u32,
}

impl StoryState {
    /// Heap bytes this state frees when it leaves memory: its tables, its
    /// entries in the posting lists and its slot in the story table.
    fn evict_bytes(&self) -> usize {
        self.heap_bytes()
            + self.indexed.len() * std::mem::size_of::<i64>()
            + std::mem::size_of::<(i64, StoryState)>()
    }

    /// Average link, as in batch clustering (`crosscheck_cluster`): the
    /// mean cosine between `v` and the story's members, all unit vectors,
    /// which is their dot product with the centroid (the members' sum)
    /// divided by their number, scaled down across a long time gap. (The
    /// cosine with the centroid instead grows with a story's size relative
    /// to the mean, so a large story kept absorbing articles at the
    /// average-link threshold.) `None` for a story with no vector yet.
    fn similarity(&self, v: &[(u32, f32)], time: Option<i64>) -> Option<f64> {
        if self.members == 0 || self.norm_sq <= 0.0 {
            return None;
        }
        Some(self.dot(v) / f64::from(self.members) * time_factor((self.first, self.last), time))
    }

    /// The mean cosine between the story's members (unit vectors: the
    /// squared norm of their sum is `n + 2 * (sum of the pair cosines)`),
    /// shrunk towards [`crosscheck_cluster::COHESION_PRIOR`] as batch
    /// clustering does; `None` for fewer than two members.
    fn cohesion(&self) -> Option<f64> {
        use crosscheck_cluster::{COHESION_PRIOR, COHESION_PRIOR_PAIRS};
        if self.members < 2 {
            return None;
        }
        let n = f64::from(self.members);
        let pairs = n * (n - 1.0) / 2.0;
        let mean = ((self.norm_sq - n) / (2.0 * pairs)).max(0.0);
        Some(
            (pairs * mean + COHESION_PRIOR_PAIRS * COHESION_PRIOR) / (pairs + COHESION_PRIOR_PAIRS),
        )
    }

    fn dot(&self, v: &[(u32, f32)]) -> f64 {
        v.iter()
            .map(|&(t, w)| f64::from(w) * f64::from(self.centroid.get(&t).copied().unwrap_or(0.0)))
            .sum()
    }

    /// About how many bytes of heap the state holds (hash tables at their
    /// capacity: a slot per bucket plus a control byte).
    fn heap_bytes(&self) -> usize {
        table_bytes(self.centroid.capacity(), std::mem::size_of::<(u32, f32)>())
            + table_bytes(self.indexed.capacity(), std::mem::size_of::<u32>())
    }

    /// The checkpoint columns of `story_state`: centroid (sorted by term)
    /// and indexed terms (sorted) as blobs.
    fn encode(&self) -> (Vec<u8>, Vec<u8>) {
        let mut centroid: Vector = self.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        centroid.sort_unstable_by_key(|e| e.0);
        let mut indexed: Vec<u32> = self.indexed.iter().copied().collect();
        indexed.sort_unstable();
        (
            encode_vector(&centroid),
            indexed.iter().flat_map(|t| t.to_le_bytes()).collect(),
        )
    }

    /// A checkpoint read from a `story_state` row whose columns from `at`
    /// on are, in order, `upto, first, last, norm_sq, centroid, indexed,
    /// members`.
    fn from_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        let centroid: Vec<u8> = r.get(at + 4)?;
        let indexed: Vec<u8> = r.get(at + 5)?;
        Ok(StoryState {
            centroid: decode_vector(&centroid).into_iter().collect(),
            norm_sq: r.get(at + 3)?,
            first: r.get(at + 1)?,
            last: r.get(at + 2)?,
            indexed: indexed
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            upto: r.get(at)?,
            used: 0,
            members: r.get(at + 6)?,
        })
    }
}

/// Sizes of the in-memory clustering state ([`crate::Store::index_stats`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexStats {
    /// Vocabulary entries (each with its document frequency).
    pub terms: usize,
    /// Articles counted in the document frequencies.
    pub docs: u64,
    /// Stories whose state is in memory.
    pub resident_stories: usize,
    /// Stories whose state is only in the database (`story_state`).
    pub cold_stories: usize,
    /// Centroid entries of the resident stories.
    pub centroid_entries: usize,
    /// Posting entries (resident story, lookup term); equal to the
    /// resident stories' indexed terms.
    pub postings: usize,
    /// Terms with a posting list.
    pub posting_lists: usize,
    /// Stories moved out of memory since the index was loaded.
    pub evictions: u64,
    /// Stories brought back into memory since the index was loaded.
    pub reloads: u64,
    /// Estimated heap bytes of each part: vocabulary and document
    /// frequencies, story states, posting lists, scratch space.
    pub vocab_bytes: usize,
    pub story_bytes: usize,
    pub posting_bytes: usize,
    pub scratch_bytes: usize,
    /// Terms with a bitset of their stories (most stories are listed
    /// under them) and the bitsets' heap bytes.
    pub common_terms: usize,
    pub common_bytes: usize,
    /// Lookups that shared a common term with a story, and those of them
    /// that found their candidates without reading a bitset in full.
    pub common_lookups: u64,
    pub pruned_lookups: u64,
}

/// Vocabulary, document frequencies and story centroids, with the memory
/// of the story states bounded by `max_bytes`.
///
/// **Bounded residency.** Every story's state used to stay in memory for
/// the life of the process, so memory grew with every story and every
/// article (a centroid gains the new terms of each member). Now, when the
/// heap bytes of the resident stories and what is derived from them (their
/// tables, the posting lists, the common terms' bitsets:
/// [`StoryIndex::resident_bytes`]) pass `max_bytes`
/// at the end of a transaction, the least recently used ones (by the
/// index's clock: a story is used when an article joins it or it is scored
/// as a candidate) are *evicted*: their exact state is written to
/// `story_state` (a checkpoint, `cold = 1`) and their number added to the
/// `cold_postings` list of each of their lookup terms, in the same
/// transaction as the articles, and both leave memory. A lookup also
/// reads the `cold_postings` of its terms (only while some story is
/// cold), skipping the stories that are resident, so a cold story is found
/// exactly as a resident one would be; when it is among the candidates
/// scored, its checkpoint is read back (`cold = 0`). The checkpoint holds
/// the same floats that were in memory, so eviction never changes an
/// assignment (a test checks this against an index that never evicts).
///
/// A `cold_postings` list is one row per term (a blob of story numbers),
/// so a lookup reads at most [`LOOKUP_TERMS`] rows; it may also name
/// stories that have since been read back (resident: skipped; a story's
/// lookup terms only ever grow, so it never lacks one of a cold story's).
/// Entries are never removed, so a story evicted again costs a write only
/// for the terms it gained meanwhile. An earlier version kept a row per
/// (term, story) and deleted a story's rows when it was read back:
/// stepping through those rows cut ingest throughput about in half at
/// 100,000 articles (one measurement on the shared machine).
#[derive(Debug)]
pub(crate) struct StoryIndex {
    pub(crate) threshold: f64,
    max_bytes: usize,
    /// Heap bytes of the resident stories' tables
    /// ([`StoryState::heap_bytes`]) and of the posting lists (their
    /// capacity), kept as running totals for the budget.
    story_heap: usize,
    posting_heap: usize,
    vocab: AHashMap<String, u32>,
    /// Document frequency per term id.
    pub(crate) df: Vec<u32>,
    /// Articles counted in `df`.
    pub(crate) docs: u64,
    stories: AHashMap<i64, StoryState>,
    postings: AHashMap<u32, Vec<i64>>,
    /// Stories in `story_state` with `cold = 1`.
    cold: usize,
    /// Whether each story number is resident (dense, like `masks`: the
    /// cold-posting scan asks this for every story number it reads, so it
    /// should cost no more than the accumulation itself).
    resident: Vec<bool>,
    /// Ticks once per lookup: the recency of [`StoryState::used`].
    clock: u64,
    evictions: u64,
    reloads: u64,
    /// Scratch space of [`StoryIndex::best`], kept between calls: the
    /// lookup terms each story shares, as a bit mask per story number
    /// (dense: stories are numbered from 1), and the stories with one.
    masks: Vec<u32>,
    scored: Vec<i64>,
    /// Terms under which most stories are listed (`common_min` or more,
    /// resident and cold together), with the set of every story indexed
    /// under them, resident or cold, as a bitset: a lookup reads them
    /// last and only when they can change its candidates, instead of
    /// stepping through lists that grow with the number of stories (at
    /// 100,000 synthetic articles a lookup stepped through ~80,000 list
    /// entries, most under a few dozen common words, and read their cold
    /// lists from the database: half of the writer's time). Made when a
    /// lookup finds a term's lists that long; kept while their bytes fit
    /// an eighth of `max_bytes` (the shortest go first). A story's lookup
    /// terms only ever grow, so a bitset changes only when a story gains
    /// the term ([`StoryIndex::add_to`]).
    common: AHashMap<u32, Bits>,
    common_min: usize,
    /// Lookups with a common term, and those of them that read no bitset
    /// in full.
    common_lookups: u64,
    pruned_lookups: u64,
}

/// A sparse vector: `(term id, weight)` sorted by term id, L2-normalised.
pub(crate) type Vector = Vec<(u32, f32)>;

impl StoryIndex {
    /// An empty index.
    pub(crate) fn new(threshold: f64, max_bytes: usize) -> Self {
        StoryIndex {
            threshold,
            max_bytes,
            story_heap: 0,
            posting_heap: 0,
            vocab: AHashMap::new(),
            df: Vec::new(),
            docs: 0,
            stories: AHashMap::new(),
            postings: AHashMap::new(),
            cold: 0,
            resident: Vec::new(),
            clock: 0,
            evictions: 0,
            reloads: 0,
            masks: Vec::new(),
            scored: Vec::new(),
            common: AHashMap::new(),
            common_min: COMMON_MIN_STORIES,
            common_lookups: 0,
            pruned_lookups: 0,
        }
    }

    /// The budget of [`StoryIndex::resident_bytes`].
    pub(crate) fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// What the budget bounds: the heap bytes of the story table, the
    /// resident stories' centroids and lookup terms, the posting lists
    /// (at their capacity) and the common terms' bitsets. Not counted: the
    /// vocabulary and the dense per-story-number flags and scratch, which
    /// grow with the number of distinct terms and stories whatever is
    /// resident (evicting cannot shrink them; [`StoryIndex::stats`]
    /// reports them).
    ///
    /// Until this counted only entries (a fixed estimate per centroid
    /// entry, lookup term and story), posting lists and tables kept the
    /// capacity of their largest size after evictions and the bitsets
    /// were outside the budget: with a 16 MiB budget the measured total
    /// grew from 15 to 21 MiB over 180 s of ingest while the resident
    /// stories fell from 3,557 to 1,814.
    pub(crate) fn resident_bytes(&self) -> usize {
        self.story_table_bytes()
            + self.story_heap
            + self.posting_table_bytes()
            + self.posting_heap
            + self.common_bytes()
    }

    fn story_table_bytes(&self) -> usize {
        table_bytes(
            self.stories.capacity(),
            std::mem::size_of::<(i64, StoryState)>(),
        )
    }

    fn posting_table_bytes(&self) -> usize {
        table_bytes(
            self.postings.capacity(),
            std::mem::size_of::<(u32, Vec<i64>)>(),
        )
    }

    /// Add story `s` to the posting list of term `t`.
    fn post(&mut self, t: u32, s: i64) {
        let list = self.postings.entry(t).or_default();
        let before = list.capacity();
        list.push(s);
        self.posting_heap += (list.capacity() - before) * std::mem::size_of::<i64>();
    }

    /// Rebuild from the database: vocabulary and document frequencies from
    /// `terms`; each story not cold from its checkpoint, if any, and then
    /// from the stored vectors of the articles after it that were added to
    /// a centroid, in ingest order (the same float sums as when they were
    /// first added). Cold stories stay in the database. More than
    /// `max_bytes` may be loaded; the next transaction evicts the excess.
    pub(crate) fn load(
        conn: &Connection,
        threshold: f64,
        max_bytes: usize,
    ) -> rusqlite::Result<Self> {
        let mut ix = StoryIndex::new(threshold, max_bytes);
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
        // Checkpoints: resident ones are loaded, cold ones remembered (by
        // the article they reach) only for the scan below.
        let mut cold_upto: AHashMap<i64, i64> = AHashMap::new();
        let mut stmt = conn.prepare(
            "SELECT story, cold, upto, first, last, norm_sq, centroid, indexed, members FROM story_state",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let story: i64 = r.get(0)?;
            if r.get::<_, bool>(1)? {
                cold_upto.insert(story, r.get(2)?);
            } else {
                ix.stories.insert(story, StoryState::from_row(r, 2)?);
            }
        }
        let mut stmt = conn.prepare(
            "SELECT seq, story, published_ts, in_centroid, vector FROM articles ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            let story: i64 = r.get(1)?;
            match ix.stories.get(&story) {
                Some(st) if seq <= st.upto => continue,
                Some(_) => {}
                None => match cold_upto.get(&story) {
                    Some(&upto) if seq <= upto => continue,
                    // An article after a cold story's checkpoint (never
                    // written so, but be safe): the story is resident from
                    // its checkpoint on.
                    Some(_) => {
                        let st = read_checkpoint(conn, story)?.unwrap_or_default();
                        ix.stories.insert(story, st);
                        cold_upto.remove(&story);
                    }
                    None => {}
                },
            }
            let ts: Option<i64> = r.get(2)?;
            let in_centroid: bool = r.get(3)?;
            if in_centroid {
                let v = decode_vector(&r.get::<_, Vec<u8>>(4)?);
                ix.add_to(story, &v, ts, seq);
            } else {
                ix.touch_time(story, ts, seq);
            }
        }
        ix.cold = cold_upto.len();
        for st in ix.stories.values_mut() {
            st.used = st.upto.max(0) as u64;
        }
        ix.clock = ix.stories.values().map(|s| s.used).max().unwrap_or(0);
        let stories: Vec<(i64, Vec<u32>)> = ix
            .stories
            .iter()
            .map(|(&s, st)| (s, st.indexed.iter().copied().collect()))
            .collect();
        ix.postings.clear();
        ix.posting_heap = 0;
        let numbers: Vec<i64> = ix.stories.keys().copied().collect();
        for s in numbers {
            ix.mark(s, true);
        }
        ix.story_heap = ix.stories.values().map(StoryState::heap_bytes).sum();
        for (s, terms) in stories {
            for t in terms {
                ix.post(t, s);
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

    /// The story `v` (published at `time`) should join: the story with the
    /// highest centroid cosine (halved across a gap of more than seven
    /// days) when it reaches the threshold, among the stories that share
    /// one of its strongest terms, resident or cold (cold candidates are
    /// read back into memory; `conn` sees the current transaction).
    pub(crate) fn best(
        &mut self,
        conn: &Connection,
        v: &Vector,
        time: Option<i64>,
    ) -> rusqlite::Result<Option<(i64, f64)>> {
        self.best_where(conn, v, time, |_, _| Ok(true))
    }

    /// [`StoryIndex::best`] among the candidate stories `keep` accepts.
    pub(crate) fn best_where(
        &mut self,
        conn: &Connection,
        v: &Vector,
        time: Option<i64>,
        mut keep: impl FnMut(&Connection, i64) -> rusqlite::Result<bool>,
    ) -> rusqlite::Result<Option<(i64, f64)>> {
        if v.is_empty() {
            return Ok(None);
        }
        self.clock += 1;
        let mut top = v.clone();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(LOOKUP_TERMS);
        let cands = self.lookup(conn, &top)?;
        let mut best: Option<(i64, f64)> = None;
        for s in cands {
            if !keep(conn, s)? {
                continue;
            }
            if !self.stories.contains_key(&s) {
                self.reload(conn, s)?;
            }
            let Some(st) = self.stories.get_mut(&s) else {
                continue;
            };
            st.used = self.clock;
            let Some(sim) = st.similarity(v, time) else {
                continue;
            };
            if best.is_none_or(|(bs, bsim)| sim > bsim || (sim == bsim && s < bs)) {
                best = Some((s, sim));
            }
        }
        Ok(best.filter(|&(_, sim)| sim >= self.threshold))
    }

    /// Up to [`MAX_CANDIDATES`] stories, resident or cold, sharing the most
    /// weight with the lookup terms `top` (heaviest first), in no
    /// particular order.
    fn lookup(&mut self, conn: &Connection, top: &[(u32, f32)]) -> rusqlite::Result<Vec<i64>> {
        // Which lookup terms each story shares, as a bit mask per story in
        // a dense array (this runs for every stored article, over posting
        // lists that grow with the number of stories: a hash map here was
        // a sixth of the writer's time at 100,000 articles). A story's
        // score is the sum of the weights of its shared terms, taken in
        // the order of `top` whether the story is resident or cold and
        // whichever way its terms were found (the same float).
        let ws: Vec<f32> = top.iter().map(|e| e.1.max(f32::MIN_POSITIVE)).collect();
        // Lookup terms with a bitset (`common`): most stories' lists hold
        // them, so they are read last, and only if they can matter.
        let mut common: Vec<usize> = Vec::new();
        let mut cold_list: Vec<i64> = Vec::new();
        for (i, &(t, _)) in top.iter().enumerate() {
            if self.common.contains_key(&t) {
                common.push(i);
                continue;
            }
            let resident_len = self.postings.get(&t).map_or(0, Vec::len);
            if let Some(list) = self.postings.get(&t) {
                for &s in list {
                    set_mask(&mut self.masks, &mut self.scored, s, i);
                }
            }
            cold_list.clear();
            if self.cold > 0 {
                read_cold_postings(conn, t, &mut cold_list)?;
                for &s in &cold_list {
                    if !self.resident.get(s as usize).copied().unwrap_or(false) {
                        set_mask(&mut self.masks, &mut self.scored, s, i);
                    }
                }
            }
            if resident_len + cold_list.len() >= self.common_min {
                self.make_common(t, &cold_list);
            }
        }
        let score = |mask: u32| -> f32 {
            let (mut m, mut sum) = (mask, 0.0f32);
            while m != 0 {
                sum += ws[m.trailing_zeros() as usize];
                m &= m - 1;
            }
            sum
        };
        let mut cands: Vec<(i64, f32)>;
        if common.is_empty() {
            cands = self
                .scored
                .iter()
                .map(|&s| (s, score(self.masks[s as usize])))
                .collect();
        } else {
            // First only the stories found under the other terms, with
            // their common terms looked up in the bitsets. A story that
            // shares only common terms scores at most their total weight
            // (a sum of fewer of the same positive floats, in the same
            // order, is no larger), so when the eighth best of the first
            // group scores more, the best candidates are all in it.
            // Otherwise every story under the common terms is added.
            let mut bound = 0.0f32;
            for &i in &common {
                bound += ws[i];
            }
            let bitsets: Vec<(u32, &Bits)> = common
                .iter()
                .map(|&i| (1u32 << i, &self.common[&top[i].0]))
                .collect();
            for &s in &self.scored {
                let m = &mut self.masks[s as usize];
                for &(bit, bits) in &bitsets {
                    if bits.get(s) {
                        *m |= bit;
                    }
                }
            }
            cands = self
                .scored
                .iter()
                .map(|&s| (s, score(self.masks[s as usize])))
                .collect();
            let enough = cands.len() >= MAX_CANDIDATES && {
                let mut sc: Vec<f32> = cands.iter().map(|c| c.1).collect();
                let (_, eighth, _) =
                    sc.select_nth_unstable_by(MAX_CANDIDATES - 1, |a, b| b.total_cmp(a));
                *eighth > bound
            };
            self.common_lookups += 1;
            self.pruned_lookups += u64::from(enough);
            if !enough {
                for &i in &common {
                    let bits = &self.common[&top[i].0];
                    bits.for_each(|s| set_mask(&mut self.masks, &mut self.scored, s, i));
                }
                cands = self
                    .scored
                    .iter()
                    .map(|&s| (s, score(self.masks[s as usize])))
                    .collect();
            }
        }
        for s in self.scored.drain(..) {
            self.masks[s as usize] = 0;
        }
        // The `MAX_CANDIDATES` best-scoring (ties: lowest number first);
        // their order does not matter below.
        let by_score = |a: &(i64, f32), b: &(i64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES - 1, by_score);
            cands.truncate(MAX_CANDIDATES);
        }
        Ok(cands.into_iter().map(|c| c.0).collect())
    }

    /// Give term `t` a bitset of its stories: the resident ones under it
    /// and `cold` (its whole `cold_postings` list), if the bitsets then
    /// fit their budget.
    fn make_common(&mut self, t: u32, cold: &[i64]) {
        // Sized first: a term that does not fit stays a list, without a
        // bitset built and dropped at each lookup.
        let last = self
            .postings
            .get(&t)
            .into_iter()
            .flatten()
            .chain(cold)
            .copied()
            .max()
            .unwrap_or(0)
            .max(0) as usize;
        if (last / 64 + 1) * 8 + self.common_bytes() > self.common_budget() {
            return;
        }
        let mut bits = Bits {
            words: vec![0; last / 64 + 1],
            len: 0,
        };
        for &s in self.postings.get(&t).into_iter().flatten().chain(cold) {
            bits.insert(s);
        }
        let bytes = bits.heap_bytes() + self.common_bytes();
        if bytes <= self.common_budget() {
            self.common.insert(t, bits);
        }
    }

    /// Heap bytes of the common terms' bitsets.
    fn common_bytes(&self) -> usize {
        self.common.values().map(Bits::heap_bytes).sum::<usize>()
            + table_bytes(self.common.capacity(), std::mem::size_of::<(u32, Bits)>())
    }

    fn common_budget(&self) -> usize {
        self.max_bytes / 8
    }

    /// Drop the bitsets of the terms with the fewest stories until the
    /// rest fit their budget (bitsets grow with the number of stories).
    fn trim_common(&mut self) {
        while !self.common.is_empty() && self.common_bytes() > self.common_budget() {
            let (&t, _) = self
                .common
                .iter()
                .min_by_key(|(&t, b)| (b.len, t))
                .expect("not empty");
            self.common.remove(&t);
        }
    }

    /// Set whether `story` is resident in the dense flags.
    fn mark(&mut self, story: i64, resident: bool) {
        let i = story.max(0) as usize;
        if i >= self.resident.len() {
            self.resident.resize((i + 1).next_power_of_two(), false);
        }
        self.resident[i] = resident;
    }

    /// Make `story` resident before an article joins it: read back its
    /// checkpoint if it is cold; a story with neither state nor checkpoint
    /// is new.
    pub(crate) fn ensure_resident(
        &mut self,
        conn: &Connection,
        story: i64,
    ) -> rusqlite::Result<()> {
        if !self.stories.contains_key(&story) && self.cold > 0 {
            self.reload(conn, story)?;
        }
        Ok(())
    }

    /// Bring cold `story` back into memory (no-op when it has no cold
    /// checkpoint) and mark it resident in the database.
    fn reload(&mut self, conn: &Connection, story: i64) -> rusqlite::Result<()> {
        let Some(mut st) = read_cold_checkpoint(conn, story)? else {
            return Ok(());
        };
        conn.prepare_cached("UPDATE story_state SET cold = 0 WHERE story = ?1")?
            .execute([story])?;
        for &t in &st.indexed {
            self.post(t, story);
        }
        st.used = self.clock;
        self.story_heap += st.heap_bytes();
        self.stories.insert(story, st);
        self.mark(story, true);
        self.cold -= 1;
        self.reloads += 1;
        Ok(())
    }

    /// Record that article `seq`, published at `time`, is in `story`.
    pub(crate) fn touch_time(&mut self, story: i64, time: Option<i64>, seq: i64) {
        let clock = self.clock;
        if !self.stories.contains_key(&story) {
            self.mark(story, true);
        }
        let st = self.stories.entry(story).or_default();
        if let Some(t) = time {
            st.first = Some(st.first.map_or(t, |f| f.min(t)));
            st.last = Some(st.last.map_or(t, |l| l.max(t)));
        }
        st.upto = st.upto.max(seq);
        st.used = st.used.max(clock);
    }

    /// Add `v` (of article `seq`) to the centroid of `story` (created if
    /// new).
    pub(crate) fn add_to(&mut self, story: i64, v: &Vector, time: Option<i64>, seq: i64) {
        self.touch_time(story, time, seq);
        let st = self.stories.get_mut(&story).expect("story just touched");
        let heap_before = st.heap_bytes();
        st.members += 1;
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
        let mut new_terms = Vec::new();
        for (t, _) in top {
            if st.indexed.insert(t) {
                new_terms.push(t);
            }
        }
        self.story_heap += st.heap_bytes() - heap_before;
        for t in new_terms {
            self.post(t, story);
            if let Some(bits) = self.common.get_mut(&t) {
                bits.insert(story);
            }
        }
    }

    /// The stories that story `s` may merge with (the second stage of
    /// batch clustering, see `crosscheck_cluster`): the candidates of its
    /// centroid's strongest terms, found as an article's are, made
    /// resident; `s` itself is left out.
    pub(crate) fn merge_candidates(
        &mut self,
        conn: &Connection,
        s: i64,
    ) -> rusqlite::Result<Vec<i64>> {
        self.ensure_resident(conn, s)?;
        let Some(st) = self.stories.get(&s) else {
            return Ok(Vec::new());
        };
        let norm = st.norm_sq.sqrt();
        if norm <= 0.0 {
            return Ok(Vec::new());
        }
        let mut top: Vector = st
            .centroid
            .iter()
            .filter(|e| *e.1 != 0.0)
            .map(|(&t, &w)| (t, (f64::from(w) / norm) as f32))
            .collect();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(LOOKUP_TERMS);
        self.clock += 1;
        let mut out = Vec::new();
        for o in self.lookup(conn, &top)? {
            if o == s {
                continue;
            }
            self.ensure_resident(conn, o)?;
            if let Some(st) = self.stories.get_mut(&o) {
                st.used = self.clock;
                out.push(o);
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// Article vectors in resident story `s`'s centroid (0 when it is not
    /// resident).
    pub(crate) fn members(&self, s: i64) -> u32 {
        self.stories.get(&s).map_or(0, |st| st.members)
    }

    /// Average link between two resident stories (the mean cosine between
    /// their members) with the time penalty, and each story's cohesion
    /// (the mean cosine between its own members, shrunk towards a prior;
    /// `None` for one member): what the merge stage of batch clustering
    /// reads (`crosscheck_cluster::StoryIndex::merge_coherent`).
    pub(crate) fn link(&self, s: i64, o: i64) -> Option<(f64, Option<f64>, Option<f64>)> {
        let (a, b) = (self.stories.get(&s)?, self.stories.get(&o)?);
        if a.members == 0 || b.members == 0 {
            return None;
        }
        let (small, large) = if a.centroid.len() <= b.centroid.len() {
            (a, b)
        } else {
            (b, a)
        };
        let mut terms: Vec<(u32, f32)> = small.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        terms.sort_unstable_by_key(|e| e.0);
        let dot = large.dot(&terms);
        let sim = dot / (f64::from(a.members) * f64::from(b.members))
            * span_factor((a.first, a.last), (b.first, b.last));
        Some((sim, a.cohesion(), b.cohesion()))
    }

    /// Merge resident story `o` into resident story `s`: centroids summed
    /// (in term order), spans and lookup terms joined, `o` gone from
    /// memory, its posting entries and its checkpoint; `s` gets a resident
    /// checkpoint of the merged state, so that loading the store starts
    /// from these floats (its articles are the two stories' articles; the
    /// caller moves them).
    pub(crate) fn absorb(&mut self, conn: &Connection, s: i64, o: i64) -> rusqlite::Result<()> {
        // Both were made resident when the merge stage looked them up;
        // read them back all the same rather than rely on it.
        self.ensure_resident(conn, s)?;
        self.ensure_resident(conn, o)?;
        let Some(gone) = self.stories.remove(&o) else {
            return Ok(());
        };
        self.mark(o, false);
        self.story_heap -= gone.heap_bytes();
        let mut terms: Vec<u32> = gone.indexed.iter().copied().collect();
        terms.sort_unstable();
        let mut list = Vec::new();
        for &t in &terms {
            if let Some(l) = self.postings.get_mut(&t) {
                let before = l.capacity();
                l.retain(|&x| x != o);
                if l.is_empty() {
                    self.postings.remove(&t);
                    self.posting_heap -= before * std::mem::size_of::<i64>();
                }
            }
            if let Some(bits) = self.common.get_mut(&t) {
                bits.remove(o);
            }
            // A story read back from the database is still listed in the
            // cold lists of its terms; `o` no longer exists.
            list.clear();
            read_cold_postings(conn, t, &mut list)?;
            if let Ok(k) = list.binary_search(&o) {
                list.remove(k);
                let blob: Vec<u8> = list.iter().flat_map(|x| x.to_le_bytes()).collect();
                conn.prepare_cached(
                    "INSERT OR REPLACE INTO cold_postings(term, stories) VALUES (?1, ?2)",
                )?
                .execute(rusqlite::params![t, blob])?;
            }
        }
        conn.prepare_cached("DELETE FROM story_state WHERE story = ?1")?
            .execute([o])?;
        let st = self.stories.get_mut(&s).expect("a resident story absorbs");
        let heap_before = st.heap_bytes();
        let mut centroid: Vector = gone.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        centroid.sort_unstable_by_key(|e| e.0);
        for (t, w) in centroid {
            *st.centroid.entry(t).or_insert(0.0) += w;
        }
        let mut merged: Vector = st.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        merged.sort_unstable_by_key(|e| e.0);
        st.norm_sq = merged
            .iter()
            .map(|&(_, w)| f64::from(w) * f64::from(w))
            .sum();
        st.members += gone.members;
        for t in [gone.first, gone.last].into_iter().flatten() {
            st.first = Some(st.first.map_or(t, |f| f.min(t)));
            st.last = Some(st.last.map_or(t, |l| l.max(t)));
        }
        st.upto = st.upto.max(gone.upto);
        st.used = st.used.max(gone.used);
        let mut new_terms = Vec::new();
        for t in terms {
            if st.indexed.insert(t) {
                new_terms.push(t);
            }
        }
        self.story_heap += st.heap_bytes();
        self.story_heap -= heap_before;
        write_checkpoint(conn, s, st, false)?;
        for t in new_terms {
            self.post(t, s);
            if let Some(bits) = self.common.get_mut(&t) {
                bits.insert(s);
            }
        }
        Ok(())
    }

    /// When [`StoryIndex::resident_bytes`] passes `max_bytes`, write
    /// the least recently used stories to the database (in `conn`'s transaction)
    /// and drop them from memory, down to seven eighths of the budget (so
    /// this runs once every many additions, not at each). The most
    /// recently used story always stays. Returns how many left.
    pub(crate) fn evict(&mut self, conn: &Connection) -> rusqlite::Result<usize> {
        // A round picks victims by each story's own share of the budget;
        // the tables they leave keep some capacity (shrunk only past twice
        // their length, and a hash table's growth depends on its random
        // seed), so the total is measured again and another round runs
        // while it is still over the budget.
        let mut total = 0;
        loop {
            let n = self.evict_round(conn)?;
            total += n;
            if n == 0 || self.resident_bytes() <= self.max_bytes {
                return Ok(total);
            }
        }
    }

    /// One round of [`StoryIndex::evict`].
    fn evict_round(&mut self, conn: &Connection) -> rusqlite::Result<usize> {
        self.trim_common();
        if self.resident_bytes() <= self.max_bytes {
            return Ok(0);
        }
        let target = self.max_bytes - self.max_bytes / 8;
        let mut by_use: Vec<(u64, i64)> =
            self.stories.iter().map(|(&s, st)| (st.used, s)).collect();
        by_use.sort_unstable();
        by_use.pop();
        let mut excess = self.resident_bytes() - target.min(self.resident_bytes());
        let mut victims = Vec::new();
        for &(_, s) in &by_use {
            if excess == 0 {
                break;
            }
            let b = self.stories[&s].evict_bytes();
            excess = excess.saturating_sub(b);
            victims.push(s);
        }
        let n = victims.len();
        let mut gone: AHashSet<i64> = AHashSet::with_capacity(n);
        // The victims per lookup term, for `cold_postings` and the
        // resident posting lists.
        let mut terms: AHashMap<u32, Vec<i64>> = AHashMap::new();
        for &s in &victims {
            let st = self.stories.remove(&s).expect("resident story");
            self.mark(s, false);
            self.story_heap -= st.heap_bytes();
            write_checkpoint(conn, s, &st, true)?;
            for &t in &st.indexed {
                terms.entry(t).or_default().push(s);
            }
            gone.insert(s);
        }
        // In term order, so the writes are the same from run to run.
        let mut terms: Vec<(u32, Vec<i64>)> = terms.into_iter().collect();
        terms.sort_unstable_by_key(|e| e.0);
        let mut list = Vec::new();
        for (t, mut add) in terms {
            list.clear();
            read_cold_postings(conn, t, &mut list)?;
            // A story evicted before is still listed under the terms it
            // had then (lists are sorted): only new pairs cost a write,
            // so stories that come and go do not rewrite the lists of
            // common terms at every round.
            add.retain(|s| list.binary_search(s).is_err());
            if !add.is_empty() {
                list.append(&mut add);
                list.sort_unstable();
                let blob: Vec<u8> = list.iter().flat_map(|s| s.to_le_bytes()).collect();
                conn.prepare_cached(
                    "INSERT OR REPLACE INTO cold_postings(term, stories) VALUES (?1, ?2)",
                )?
                .execute(rusqlite::params![t, blob])?;
            }
            if let Some(list) = self.postings.get_mut(&t) {
                let before = list.capacity();
                list.retain(|s| !gone.contains(s));
                // A list keeps its capacity when emptied in part: give back
                // what is more than twice its length.
                if list.capacity() > 2 * list.len() + 4 {
                    list.shrink_to(list.len() + list.len() / 4);
                }
                let after = if list.is_empty() { 0 } else { list.capacity() };
                if list.is_empty() {
                    self.postings.remove(&t);
                }
                self.posting_heap -= (before - after) * std::mem::size_of::<i64>();
            }
        }
        // Likewise the tables (with room to grow back without rehashing
        // at once).
        shrink_table(&mut self.postings);
        shrink_table(&mut self.stories);
        self.cold += n;
        self.evictions += n as u64;
        Ok(n)
    }

    /// Sizes of the in-memory state.
    pub(crate) fn stats(&self) -> IndexStats {
        IndexStats {
            terms: self.vocab.len(),
            docs: self.docs,
            resident_stories: self.stories.len(),
            cold_stories: self.cold,
            centroid_entries: self.stories.values().map(|s| s.centroid.len()).sum(),
            postings: self.postings.values().map(Vec::len).sum(),
            posting_lists: self.postings.len(),
            evictions: self.evictions,
            reloads: self.reloads,
            vocab_bytes: self.vocab.capacity() * (std::mem::size_of::<(String, u32)>() + 1)
                + self.vocab.keys().map(String::capacity).sum::<usize>()
                + self.df.capacity() * 4,
            story_bytes: self.story_table_bytes()
                + self
                    .stories
                    .values()
                    .map(StoryState::heap_bytes)
                    .sum::<usize>(),
            posting_bytes: self.posting_table_bytes()
                + self
                    .postings
                    .values()
                    .map(|l| l.capacity() * 8)
                    .sum::<usize>(),
            scratch_bytes: self.masks.capacity() * 4
                + self.scored.capacity() * 8
                + self.resident.capacity(),
            common_terms: self.common.len(),
            common_bytes: self.common_bytes(),
            common_lookups: self.common_lookups,
            pruned_lookups: self.pruned_lookups,
        }
    }
}

/// Note that story `s` shares lookup term `i`, listing `s` the first time
/// it shares one.
fn set_mask(masks: &mut Vec<u32>, scored: &mut Vec<i64>, s: i64, i: usize) {
    let k = s as usize;
    if k >= masks.len() {
        masks.resize((k + 1).next_power_of_two(), 0);
    }
    if masks[k] == 0 {
        scored.push(s);
    }
    masks[k] |= 1 << i;
}

/// A set of story numbers as a bitset (for a term most stories share).
#[derive(Debug, Default, Clone)]
struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    fn insert(&mut self, s: i64) {
        let k = s.max(0) as usize;
        if k / 64 >= self.words.len() {
            self.words.resize(k / 64 + 1, 0);
        }
        let bit = 1u64 << (k % 64);
        if self.words[k / 64] & bit == 0 {
            self.words[k / 64] |= bit;
            self.len += 1;
        }
    }

    fn remove(&mut self, s: i64) {
        let k = s.max(0) as usize;
        let bit = 1u64 << (k % 64);
        if let Some(w) = self.words.get_mut(k / 64) {
            if *w & bit != 0 {
                *w &= !bit;
                self.len -= 1;
            }
        }
    }

    fn get(&self, s: i64) -> bool {
        let k = s.max(0) as usize;
        self.words
            .get(k / 64)
            .is_some_and(|w| w & (1u64 << (k % 64)) != 0)
    }

    /// Call `f` with every member, in increasing order.
    fn for_each(&self, mut f: impl FnMut(i64)) {
        for (j, &w) in self.words.iter().enumerate() {
            let mut w = w;
            while w != 0 {
                f((j * 64 + w.trailing_zeros() as usize) as i64);
                w &= w - 1;
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}

/// Check the checkpoints against the articles: each must hold exactly the
/// state its story's articles up to `upto` give (replayed in ingest
/// order), a cold story must have no article after its checkpoint, and
/// each of a cold story's lookup terms must list it in `cold_postings`.
/// Returns the problems found.
pub(crate) fn check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut saved: AHashMap<i64, (bool, StoryState)> = AHashMap::new();
    let mut stmt = conn.prepare(
        "SELECT story, cold, upto, first, last, norm_sq, centroid, indexed, members FROM story_state",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let st = StoryState::from_row(r, 2)?;
        saved.insert(r.get(0)?, (r.get(1)?, st));
    }
    if saved.is_empty() {
        return Ok(problems);
    }
    let mut replay = StoryIndex::new(0.0, usize::MAX);
    let mut stmt = conn.prepare(
        "SELECT seq, story, published_ts, in_centroid, vector FROM articles ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let story: i64 = r.get(1)?;
        let Some((cold, st)) = saved.get(&story) else {
            continue;
        };
        if seq > st.upto {
            if *cold {
                problems.push(format!(
                    "story-{story}: cold, but article {seq} is after its checkpoint"
                ));
            }
            continue;
        }
        let ts: Option<i64> = r.get(2)?;
        if r.get::<_, bool>(3)? {
            let v = decode_vector(&r.get::<_, Vec<u8>>(4)?);
            replay.add_to(story, &v, ts, seq);
        } else {
            replay.touch_time(story, ts, seq);
        }
    }
    let mut stories: Vec<&i64> = saved.keys().collect();
    stories.sort_unstable();
    let mut list = Vec::new();
    for s in stories {
        let (cold, st) = &saved[s];
        let want = replay.stories.remove(s).unwrap_or_default();
        if !same_state(&StoryState { used: 0, ..want }, st) {
            problems.push(format!("story-{s}: checkpoint differs from its articles"));
        }
        if *cold {
            let mut terms: Vec<u32> = st.indexed.iter().copied().collect();
            terms.sort_unstable();
            for t in terms {
                list.clear();
                read_cold_postings(conn, t, &mut list)?;
                if !list.contains(s) {
                    problems.push(format!("story-{s}: cold, but not listed under term {t}"));
                    break;
                }
            }
        }
    }
    Ok(problems)
}

/// Whether a checkpoint matches the replay of its story's articles. A
/// story that merged another holds the same vectors summed in another
/// order (two stories' sums added together), so floats are compared to a
/// relative tolerance; everything else exactly.
fn same_state(replayed: &StoryState, saved: &StoryState) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-5 * a.abs().max(b.abs()).max(1.0);
    replayed.first == saved.first
        && replayed.last == saved.last
        && replayed.upto == saved.upto
        && replayed.members == saved.members
        && replayed.indexed == saved.indexed
        && close(replayed.norm_sq, saved.norm_sq)
        && replayed.centroid.len() == saved.centroid.len()
        && replayed.centroid.iter().all(|(t, &w)| {
            saved
                .centroid
                .get(t)
                .is_some_and(|&v| close(f64::from(w), f64::from(v)))
        })
}

/// Append the story numbers of term `t`'s `cold_postings` list to `out`.
fn read_cold_postings(conn: &Connection, t: u32, out: &mut Vec<i64>) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached("SELECT stories FROM cold_postings WHERE term = ?1")?;
    let mut rows = stmt.query([t])?;
    if let Some(r) = rows.next()? {
        if let rusqlite::types::ValueRef::Blob(b) = r.get_ref(0)? {
            out.extend(
                b.chunks_exact(8)
                    .map(|c| i64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])),
            );
        }
    }
    Ok(())
}

/// The checkpoint of `story`, if it has one (cold or not).
fn read_checkpoint(conn: &Connection, story: i64) -> rusqlite::Result<Option<StoryState>> {
    checkpoint_query(
        conn,
        "SELECT upto, first, last, norm_sq, centroid, indexed, members FROM story_state WHERE story = ?1",
        story,
    )
}

/// The checkpoint of `story` if it is cold.
fn read_cold_checkpoint(conn: &Connection, story: i64) -> rusqlite::Result<Option<StoryState>> {
    checkpoint_query(
        conn,
        "SELECT upto, first, last, norm_sq, centroid, indexed, members FROM story_state \
         WHERE story = ?1 AND cold = 1",
        story,
    )
}

fn checkpoint_query(
    conn: &Connection,
    sql: &str,
    story: i64,
) -> rusqlite::Result<Option<StoryState>> {
    conn.prepare_cached(sql)?
        .query_row([story], |r| StoryState::from_row(r, 0))
        .optional()
}

/// Write `st` as story `story`'s checkpoint, `cold` or resident.
fn write_checkpoint(
    conn: &Connection,
    story: i64,
    st: &StoryState,
    cold: bool,
) -> rusqlite::Result<()> {
    let (centroid, indexed) = st.encode();
    conn.prepare_cached(
        "INSERT OR REPLACE INTO story_state(story, upto, cold, first, last, norm_sq, \
         centroid, indexed, members) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(rusqlite::params![
        story, st.upto, cold, st.first, st.last, st.norm_sq, centroid, indexed, st.members
    ])?;
    Ok(())
}

/// The batch clusterer's time penalty between a story's span and one time.
fn time_factor(story: (Option<i64>, Option<i64>), time: Option<i64>) -> f64 {
    span_factor(story, (time, time))
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
            let Some(sim) = st.similarity(v, time) else {
                continue;
            };
            if best.is_none_or(|(bs, bsim)| sim > bsim || (sim == bsim && s < bs)) {
                best = Some((s, sim));
            }
        }
        best.filter(|&(_, sim)| sim >= ix.threshold)
    }

    /// An in-memory database with the store's schema.
    fn db() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(crate::schema::SCHEMA).unwrap();
        c
    }

    /// Pre-IDF weights of 30 random terms out of `vocab`, counted in `ix`'s
    /// document frequencies.
    fn random_weights(
        rng: &mut crate::synth::Rng,
        ix: &mut StoryIndex,
        vocab: u64,
    ) -> Vec<(u32, f32)> {
        let mut w: Vec<(u32, f32)> = (0..30)
            .map(|_| {
                let (id, _) = ix.intern(&format!("t{}", rng.next_u64() % vocab));
                (id, 1.0 + (rng.next_u64() % 4) as f32)
            })
            .collect();
        w.sort_by_key(|e| e.0);
        w.dedup_by_key(|e| e.0);
        let ids: Vec<u32> = w.iter().map(|e| e.0).collect();
        ix.count_doc(&ids);
        w
    }

    #[test]
    fn best_matches_the_reference_selection() {
        // Small vocabulary, many stories: long posting lists, many ties.
        // With the default bitset threshold no term gets one here; with
        // a low one most lookups use bitsets, some pruned, some not; with
        // a small budget (an eighth of 4,000 bytes) only a few terms get
        // one, and the others stay lists.
        for (common_min, max_bytes) in [
            (COMMON_MIN_STORIES, usize::MAX),
            (40, usize::MAX),
            (120, usize::MAX),
            (40, 4_000),
        ] {
            let conn = db();
            let mut rng = crate::synth::Rng::new(7);
            let mut ix = StoryIndex::new(0.2, max_bytes);
            ix.common_min = common_min;
            let mut agreed = 0;
            for i in 0..3_000i64 {
                let w = random_weights(&mut rng, &mut ix, 300);
                let v = ix.vector(&w);
                let time = Some(i * 3_600);
                let want = best_reference(&ix, &v, time);
                assert_eq!(
                    ix.best(&conn, &v, time).unwrap(),
                    want,
                    "article {i}, common_min {common_min}"
                );
                agreed += usize::from(want.is_some());
                match want {
                    Some((s, _)) if i % 3 != 0 => ix.add_to(s, &v, time, i + 1),
                    _ => ix.add_to(1 + (rng.next_u64() % 500) as i64, &v, time, i + 1),
                }
            }
            assert!(agreed > 100, "{agreed}");
            // The budget is held at the end of each transaction (bitsets
            // and their table grow in between).
            ix.trim_common();
            let st = ix.stats();
            if max_bytes < usize::MAX {
                assert!(st.common_terms > 0 && st.common_terms < 10, "{st:?}");
                assert!(st.common_bytes <= max_bytes / 8, "{st:?}");
            } else if common_min < COMMON_MIN_STORIES {
                assert!(st.common_terms > 10, "{st:?}");
                // Both ways of finding the candidates were taken.
                assert!(st.pruned_lookups > 50, "{st:?}");
                assert!(st.common_lookups > st.pruned_lookups + 100, "{st:?}");
            } else {
                assert_eq!(st.common_terms, 0);
            }
        }
    }

    #[test]
    fn bitsets_hold_every_story_of_their_term() {
        let mut b = Bits::default();
        for s in [1, 64, 63, 1000, 64, 2] {
            b.insert(s);
        }
        assert_eq!(b.len, 5);
        let mut got = Vec::new();
        b.for_each(|s| got.push(s));
        assert_eq!(got, vec![1, 2, 63, 64, 1000]);
        assert!(b.get(63) && b.get(1000) && !b.get(65) && !b.get(100_000));
    }

    /// A story's state as the unbounded index holds it, from the capped
    /// one: resident, or its checkpoint.
    fn state_of(ix: &StoryIndex, conn: &Connection, s: i64) -> StoryState {
        match ix.stories.get(&s) {
            Some(st) => StoryState {
                used: 0,
                ..st.clone()
            },
            None => read_cold_checkpoint(conn, s)
                .unwrap()
                .expect("cold checkpoint"),
        }
    }

    #[test]
    fn eviction_keeps_every_assignment() {
        // The same stream of articles through an index that never evicts
        // and one that keeps ~30 kB of ~400 stories in memory
        // (evicting at the end of every 10-article "transaction"): every
        // lookup must return the same story and the same similarity
        // (bit for bit), and every story end in the same state.
        let conn = db();
        let mut rng = crate::synth::Rng::new(11);
        let mut full = StoryIndex::new(0.25, usize::MAX);
        full.common_min = usize::MAX;
        let mut capped = StoryIndex::new(0.25, 30_000);
        // The capped index gives terms bitsets early (from resident and
        // cold lists), within its budget of 30,000 / 8 bytes.
        capped.common_min = 30;
        let (mut joined, mut cold_picks) = (0, 0);
        let mut next_story = 1i64;
        for i in 0..4_000i64 {
            // A topic's articles share most of their terms: a vocabulary
            // slice per topic, plus noise from the whole vocabulary.
            let topic = rng.next_u64() % 400;
            let mut w = random_weights(&mut rng, &mut full, 5_000);
            for e in w.iter_mut().take(20) {
                let (id, _) = full.intern(&format!("t{}", topic * 12 + e.0 as u64 % 12));
                e.0 = id;
            }
            w.sort_by_key(|e| e.0);
            w.dedup_by_key(|e| e.0);
            // The capped index sees the same vocabulary and frequencies.
            capped.vocab.clone_from(&full.vocab);
            capped.df.clone_from(&full.df);
            capped.docs = full.docs;
            let v = full.vector(&w);
            let time = Some(i * 600 + (topic as i64) * 86_400);
            let want = full.best(&conn, &v, time).unwrap();
            let was_cold = want.is_some_and(|(s, _)| !capped.stories.contains_key(&s));
            let got = capped.best(&conn, &v, time).unwrap();
            assert_eq!(got, want, "article {i}");
            let seq = i + 1;
            let (story, copy) = match want {
                Some((s, _)) => {
                    joined += 1;
                    cold_picks += usize::from(was_cold);
                    (s, i % 7 == 0)
                }
                None => {
                    next_story += 1;
                    (next_story - 1, false)
                }
            };
            // Every seventh joining article is a "copy" (time only).
            capped.ensure_resident(&conn, story).unwrap();
            if copy {
                full.touch_time(story, time, seq);
                capped.touch_time(story, time, seq);
            } else {
                full.add_to(story, &v, time, seq);
                capped.add_to(story, &v, time, seq);
            }
            if i % 10 == 9 {
                capped.evict(&conn).unwrap();
                assert!(capped.resident_bytes() <= 30_000);
                // The running totals agree with the tables themselves.
                let st = capped.stats();
                assert_eq!(
                    st.story_bytes + st.posting_bytes + st.common_bytes,
                    capped.resident_bytes()
                );
                assert!(capped.stories.len() < 40, "{}", capped.stories.len());
            }
        }
        let st = capped.stats();
        assert!(st.common_terms > 0 && st.pruned_lookups > 0, "{st:?}");
        assert!(st.common_bytes <= 30_000 / 8, "{st:?}");
        assert!(joined > 1_000 && cold_picks > 100, "{joined} {cold_picks}");
        assert!(st.evictions > 1_000 && st.reloads > 100, "{st:?}");
        assert_eq!(st.resident_stories + st.cold_stories, full.stories.len());
        assert!(st.postings < full.stats().postings / 4, "{st:?}");
        for (&s, want) in &full.stories {
            let got = state_of(&capped, &conn, s);
            assert_eq!(
                got,
                StoryState {
                    used: 0,
                    ..want.clone()
                },
                "story {s}"
            );
        }
        // Each cold story is listed under each of its lookup terms.
        let mut cold_terms = 0;
        for (s, st) in full
            .stories
            .iter()
            .filter(|(s, _)| !capped.stories.contains_key(s))
        {
            for &t in &st.indexed {
                let mut list = Vec::new();
                read_cold_postings(&conn, t, &mut list).unwrap();
                assert!(list.contains(s), "story {s} term {t}");
                cold_terms += 1;
            }
        }
        assert!(cold_terms > 1_000, "{cold_terms}");
    }

    #[test]
    fn time_penalty_applies_beyond_a_week() {
        let day = 86_400;
        assert_eq!(time_factor((Some(0), Some(day)), Some(3 * day)), 1.0);
        assert_eq!(
            time_factor((Some(0), Some(day)), Some(30 * day)),
            crosscheck_cluster::GAP_PENALTY
        );
        assert_eq!(time_factor((None, None), Some(30 * day)), 1.0);
    }
}
