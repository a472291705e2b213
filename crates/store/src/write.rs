//! The write path: preparing articles (in parallel, outside the lock) and
//! storing them one transaction per chunk (under the lock).

use std::collections::BTreeSet;

use ahash::AHashMap;
use crosscheck::incremental::StoryBuilder;
use crosscheck::Pipeline;
use crosscheck_cluster::{
    Column, COHESION_RATIO, INSTALMENT_GAP_SECS, JOIN_FACTOR, MAX_MERGE_ROUNDS, MERGE_FACTOR,
};
use crosscheck_dedup::{
    estimate_jaccard, normalize, shingles, Deduplicator, DuplicateKind, MinHasher, Signature,
    MIN_CONTAINED_SHINGLES,
};
use crosscheck_model::{Article, Body, Document, Duplicate, RawArticle, Removed, Skipped, Story};
use crosscheck_text::Analyzer;
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

use crate::index::{self, StoryIndex, Vector};
use crate::{IngestSummary, Result, StoreOptions};

/// Longest an emptying of the log waits for readers on older snapshots
/// (`Writer::empty_log_if_full`).
const LOG_WAIT: std::time::Duration = std::time::Duration::from_secs(2);
/// Default near and containment thresholds of the dedup stage.
const NEAR: f64 = 0.8;
const CONTAINMENT: f64 = 0.8;
/// MinHash estimates this far below a threshold are still verified exactly.
const ESTIMATE_SLACK: f64 = 0.2;
/// Most recent members of the candidate story compared for copies.
const COPY_CANDIDATES: usize = 64;
/// Candidates verified exactly per article.
const MAX_VERIFY: usize = 3;

/// An article ready to store: everything that does not depend on the
/// database, computed in parallel.
pub(crate) struct Prepared {
    origin: String,
    outcome: std::result::Result<Ready, Skipped>,
}

struct Ready {
    content_hash: String,
    /// The cleaned article (its analysis is not kept: the writer needs only
    /// what is below, and a prepared batch may wait in a queue).
    article: Article,
    norm_hash: i64,
    shingles: usize,
    signature: Signature,
    tf: Vec<(String, f32)>,
    time: Option<i64>,
}

thread_local! {
    static PIPELINE: Pipeline = Pipeline::default();
    static ANALYZER: Analyzer = Analyzer::english();
}

/// Prepare a chunk of raw articles in parallel, keeping their order.
pub(crate) fn prepare_all(raw: Vec<RawArticle>) -> Vec<Prepared> {
    raw.into_par_iter().map(prepare).collect()
}

impl Prepared {
    /// About how many bytes of heap this prepared article holds.
    pub(crate) fn heap_bytes(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        std::mem::size_of::<Prepared>()
            + self.origin.len()
            + match &self.outcome {
                Ok(r) => {
                    let a = &r.article;
                    r.content_hash.len()
                        + a.id.len()
                        + opt(&a.source)
                        + opt(&a.title)
                        + opt(&a.url)
                        + opt(&a.published)
                        + a.text.len()
                        + a.removed
                            .iter()
                            .map(|x| std::mem::size_of_val(x) + x.text.len())
                            .sum::<usize>()
                        + r.tf
                            .iter()
                            .map(|(t, _)| std::mem::size_of::<(String, f32)>() + t.len())
                            .sum::<usize>()
                }
                Err(s) => s.path.len() + s.reason.len(),
            }
    }
}

/// Prepare one raw article (no database access; any thread).
pub(crate) fn prepare(raw: RawArticle) -> Prepared {
    let origin = raw.origin.clone();
    let content_hash = content_hash(&raw);
    let outcome = PIPELINE.with(|p| p.prepare(raw)).map(|article| {
        let doc = ANALYZER.with(|a| a.analyse(article));
        let normalized = normalize(&doc.article.text);
        let sh = shingles(&normalized);
        let signature = MinHasher::default().signature(&sh);
        let tf = index::tf_weights(&doc);
        let time = doc
            .article
            .published
            .as_deref()
            .and_then(crosscheck_cluster::parse_iso8601);
        Ready {
            content_hash,
            norm_hash: xxh3_64(normalized.as_bytes()) as i64,
            shingles: sh.len(),
            signature,
            tf,
            time,
            article: doc.article,
        }
    });
    Prepared { origin, outcome }
}

/// A hash of everything an input says about an article (not where it was
/// read from), to tell a re-send from a different article under the same id.
fn content_hash(raw: &RawArticle) -> String {
    let mut buf = Vec::new();
    for part in [&raw.source, &raw.title, &raw.url, &raw.published] {
        match part {
            Some(s) => {
                buf.push(1);
                buf.extend_from_slice(s.as_bytes());
            }
            None => buf.push(0),
        }
        buf.push(0xff);
    }
    match &raw.body {
        Body::Text(t) => {
            buf.push(b't');
            buf.extend_from_slice(t.as_bytes());
        }
        Body::Html(h) => {
            buf.push(b'h');
            buf.extend_from_slice(h.as_bytes());
        }
    }
    format!("{:032x}", xxh3_128(&buf))
}

/// The single writer: the connection used for writes and the clustering
/// state derived from the database.
pub(crate) struct Writer {
    conn: Connection,
    index: StoryIndex,
    dedup: Deduplicator,
    /// The merge stage's bar (see [`merge_opened`]).
    merge_bar: f64,
    /// Set by `Store::checkpoint` when the log has passed
    /// `StoreOptions::max_log_pages`: the next write empties it.
    pub(crate) log_full: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// A stored article that a new one copies.
struct CopyOf {
    seq: i64,
    story: i64,
    root: Option<i64>,
    kind: DuplicateKind,
    similarity: f64,
    original: Option<String>,
}

impl Writer {
    /// The write connection (for tests).
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// See [`crate::Store::set_auto_checkpoint`].
    pub(crate) fn set_auto_checkpoint(&self, on: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_autocheckpoint", if on { 1000 } else { 0 })?;
        Ok(())
    }

    /// A write transaction that holds the write lock from its start
    /// (`BEGIN IMMEDIATE`). A deferred one starts as a read and upgrades at
    /// its first write, and SQLite does not wait for a lock on an upgrade
    /// (that could deadlock): while another connection held the write lock
    /// (a `TRUNCATE` checkpoint, in a first version of
    /// `Store::checkpoint`), such a commit failed at once with "database
    /// is locked". Taken at the start, the lock is waited for.
    fn begin(conn: &mut Connection) -> Result<Transaction<'_>> {
        Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Sizes of the in-memory clustering state.
    pub(crate) fn index_stats(&self) -> index::IndexStats {
        self.index.stats()
    }

    pub(crate) fn new(conn: Connection, options: &StoreOptions) -> Result<Self> {
        // Articles join stories at the batch clusterer's seed bar; the
        // stories opened in a transaction are merged at its merge bar.
        let index = StoryIndex::load(
            &conn,
            options.cluster_threshold * JOIN_FACTOR,
            options.max_index_bytes,
        )?;
        // Every statement of the write path stays prepared.
        conn.set_prepared_statement_cache_capacity(32);
        Ok(Writer {
            conn,
            index,
            dedup: Deduplicator::new()
                .near_threshold(NEAR)
                .containment_threshold(CONTAINMENT),
            merge_bar: options.cluster_threshold * MERGE_FACTOR,
            log_full: Default::default(),
        })
    }

    /// Store groups of prepared articles in one transaction, one summary per
    /// group. On error nothing is stored and the in-memory state is rebuilt
    /// from the database.
    pub(crate) fn ingest(&mut self, groups: Vec<Vec<Prepared>>) -> Result<Vec<IngestSummary>> {
        let result = self.ingest_tx(groups);
        if result.is_err() {
            // The transaction rolled back (dropped): forget what it did.
            self.index =
                StoryIndex::load(&self.conn, self.index.threshold, self.index.max_bytes())?;
        }
        self.empty_log_if_full();
        result
    }

    /// If the log has grown too long (`log_full`), copy the rest of it and
    /// empty it (SQLite's `TRUNCATE` checkpoint), here between two write
    /// transactions: the write lock is free for it (a checkpoint on
    /// another connection rarely got it between back-to-back commits, and
    /// the log grew to 5 GB in one 180 s run), and the passive checkpoints
    /// have copied most of the log already. It waits at most
    /// [`LOG_WAIT`] for readers on older snapshots; if they stay, the log
    /// stays too, and the next write after the next checkpoint tries
    /// again. A failure here loses nothing (the log is still there), so
    /// it is not an error of the write.
    fn empty_log_if_full(&mut self) {
        use std::sync::atomic::Ordering;
        if !self.log_full.swap(false, Ordering::Relaxed) {
            return;
        }
        let _ = self.conn.busy_timeout(LOG_WAIT);
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let _ = self.conn.busy_timeout(crate::schema::BUSY_TIMEOUT);
    }

    fn ingest_tx(&mut self, groups: Vec<Vec<Prepared>>) -> Result<Vec<IngestSummary>> {
        let tx = Self::begin(&mut self.conn)?;
        let mut summaries = Vec::with_capacity(groups.len());
        let mut touched_all: BTreeSet<i64> = BTreeSet::new();
        // Stories opened in this transaction.
        let mut opened: BTreeSet<i64> = BTreeSet::new();
        let mut df_changed: BTreeSet<u32> = BTreeSet::new();
        for chunk in groups {
            let mut summary = IngestSummary::default();
            let mut touched: BTreeSet<i64> = BTreeSet::new();
            for p in chunk {
                let ready = match p.outcome {
                    Ok(r) => r,
                    Err(s) => {
                        summary.skipped.push(s);
                        continue;
                    }
                };
                let id = ready.article.id.clone();
                let existing: Option<String> = tx
                    .prepare_cached("SELECT content_hash FROM articles WHERE id = ?1")?
                    .query_row([&id], |r| r.get(0))
                    .optional()?;
                match existing {
                    Some(h) if h == ready.content_hash => {
                        summary.unchanged.push(id);
                        continue;
                    }
                    Some(_) => {
                        summary.skipped.push(Skipped::new(
                            p.origin,
                            format!(
                                "id {id} is already stored with different content \
                                 (stored articles do not change)"
                            ),
                        ));
                        continue;
                    }
                    None => {}
                }
                let (story, new) =
                    store_one(&tx, &mut self.index, &self.dedup, &ready, &mut df_changed)?;
                touched.insert(story);
                if new {
                    opened.insert(story);
                }
                summary.stored.push(id);
            }
            summary.stories = touched.iter().map(|s| format!("story-{s}")).collect();
            touched_all.extend(touched);
            summaries.push(summary);
        }
        for &t in &df_changed {
            tx.prepare_cached("UPDATE terms SET df = ?1 WHERE id = ?2")?
                .execute(params![self.index.df[t as usize], t])?;
        }
        let merges = merge_opened(&tx, &mut self.index, opened, self.merge_bar)?;
        if !merges.is_empty() {
            let into: AHashMap<i64, i64> = merges.iter().copied().collect();
            let follow = |mut s: i64| {
                while let Some(&t) = into.get(&s) {
                    s = t;
                }
                s
            };
            touched_all = touched_all.into_iter().map(follow).collect();
            for summary in &mut summaries {
                let mut numbers: Vec<i64> = summary
                    .stories
                    .iter()
                    .filter_map(|id| crate::story_number(id))
                    .map(follow)
                    .collect();
                numbers.sort_unstable();
                numbers.dedup();
                summary.stories = numbers.iter().map(|s| format!("story-{s}")).collect();
            }
        }
        for &s in &touched_all {
            mark_dirty(&tx, s)?;
        }
        // Stories beyond the memory budget leave it, checkpointed in
        // this transaction (so a rollback keeps them resident: the index
        // is reloaded from the database).
        self.index.evict(&tx)?;
        tx.commit()?;
        Ok(summaries)
    }
}

/// Insert one new article: find a copy of it, pick its story, write its
/// rows. Returns its story and whether it opened it.
fn store_one(
    tx: &Transaction,
    index: &mut StoryIndex,
    dedup: &Deduplicator,
    r: &Ready,
    df_changed: &mut BTreeSet<u32>,
) -> Result<(i64, bool)> {
    // Vocabulary and document frequencies (this article included).
    let mut weights: Vec<(u32, f32)> = Vec::with_capacity(r.tf.len());
    for (term, w) in &r.tf {
        let (id, created) = index.intern(term);
        if created {
            tx.prepare_cached("INSERT INTO terms(id, term, df) VALUES (?1, ?2, 0)")?
                .execute(params![id, term])?;
        }
        weights.push((id, *w));
    }
    let ids: Vec<u32> = weights.iter().map(|e| e.0).collect();
    index.count_doc(&ids);
    df_changed.extend(ids);
    let vector: Vector = index.vector(&weights);
    let best = index.best(tx, &vector, r.time)?;
    let heading = Column::heading(r.article.source.as_deref(), r.article.title.as_deref());

    let copy = match exact_copy(tx, r.norm_hash)? {
        Some(c) => Some(c),
        None => match best {
            Some((story, _)) => verified_copy(tx, dedup, r, story)?,
            None => None,
        },
    };

    let seq: i64 = tx
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM articles")?
        .query_row([], |x| x.get(0))?;
    let mut opened = false;
    let (story, in_centroid, root) = match &copy {
        Some(c) => {
            let root = c.root.unwrap_or(c.seq);
            if c.root.is_none() {
                tx.execute("UPDATE articles SET dup_root = ?1 WHERE seq = ?1", [c.seq])?;
            }
            (c.story, false, Some(root))
        }
        None => match joinable(tx, index, &vector, r.time, heading.as_deref(), best)? {
            Some((story, _)) => (story, true, None),
            None => {
                opened = true;
                // Numbered past every story ever made: a number merged
                // away (and still found through `story_merges`) is never
                // given to a new story, as SQLite would reuse the largest.
                tx.prepare_cached(
                    "INSERT INTO stories(seq, title, articles, sources, independent, updated, json) \
                     VALUES (1 + max(coalesce((SELECT max(seq) FROM stories), 0), \
                                     coalesce((SELECT max(story) FROM story_merges), 0)), \
                             '', 0, 0, 0, ?1, '')",
                )?
                .execute([seq])?;
                let story = tx.last_insert_rowid();
                // Served until the story is first built (it is dirty).
                let a = &r.article;
                let placeholder = Story {
                    id: format!("story-{story}"),
                    title: fallback_title(a),
                    articles: vec![a.id.clone()],
                    brief: Vec::new(),
                    claims: Vec::new(),
                    conflicts: Vec::new(),
                    updates: Vec::new(),
                    statements: Vec::new(),
                    entities: Vec::new(),
                    timeline: Vec::new(),
                };
                tx.prepare_cached("UPDATE stories SET title = ?1 WHERE seq = ?2")?
                    .execute(params![placeholder.title, story])?;
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO story_json(story, json) VALUES (?1, ?2)",
                )?
                .execute(params![
                    story,
                    serde_json::to_string(&placeholder).expect("stories serialise")
                ])?;
                (story, true, None)
            }
        },
    };
    // A copy may join a cold story (the original's): read it back first.
    index.ensure_resident(tx, story)?;
    if in_centroid {
        index.add_to(story, &vector, r.time, seq);
    } else {
        index.touch_time(story, r.time, seq);
    }

    let a = &r.article;
    let removed = serde_json::to_string(&a.removed).expect("removed lines serialise");
    tx.prepare_cached(
        "INSERT INTO articles(seq, id, content_hash, norm_hash, source, title, url, published, \
         published_ts, text, removed, story, in_centroid, dup_root, dup_kind, dup_similarity, \
         dup_original, shingles, signature, vector, column_key) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?
    .execute(params![
            seq,
            a.id,
            r.content_hash,
            r.norm_hash,
            a.source,
            a.title,
            a.url,
            a.published,
            r.time,
            a.text,
            removed,
            story,
            in_centroid,
            root,
            copy.as_ref().map(|c| kind_name(c.kind)),
            copy.as_ref().map(|c| c.similarity),
            copy.as_ref().and_then(|c| c.original.clone()),
            r.shingles as i64,
            index::encode_signature(&r.signature),
            index::encode_vector(&vector),
            heading,
    ])?;
    tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![seq, a.title, a.text])?;
    Ok((story, opened))
}

/// The second stage of batch clustering (`crosscheck_cluster`), over the
/// stories opened in this transaction: stories are merged, most similar
/// pairs first, while their average link reaches `bar` and is at least
/// [`COHESION_RATIO`] times the geometric mean of their cohesions, and
/// never when that would put two instalments of one column together;
/// each story merges at most once per round, and a story that absorbed
/// another is looked at again in the next round. The smaller story number
/// stays: the other's articles move to it, its rows go, and
/// `story_merges` sends its number on. Returns `(merged, into)` pairs in
/// order.
///
/// As in `crosscheck_cluster::StoryIndex::merge_coherent`, the stories
/// opened in the transaction look for partners, not every story that grew
/// by an article: each look-up may read stories back from the database,
/// and looking up every grown story cost a third of the ingest rate under
/// sustained load (1,521 → 999 articles/s). Into an empty store, one
/// transaction opens every story, so one ingest is still the batch rule.
fn merge_opened(
    tx: &Transaction,
    index: &mut StoryIndex,
    opened: BTreeSet<i64>,
    bar: f64,
) -> Result<Vec<(i64, i64)>> {
    let mut merges = Vec::new();
    let mut changed = opened;
    for _ in 0..MAX_MERGE_ROUNDS {
        let mut pairs: BTreeSet<(i64, i64)> = BTreeSet::new();
        for &s in &changed {
            for o in index.merge_candidates(tx, s)? {
                pairs.insert((s.min(o), s.max(o)));
            }
        }
        let mut scored: Vec<(f64, i64, i64)> = Vec::new();
        for (a, b) in pairs {
            let Some((sim, ca, cb)) = index.link(a, b) else {
                continue;
            };
            let coherent = match (ca, cb) {
                (Some(ca), Some(cb)) => sim >= COHESION_RATIO * (ca * cb).sqrt(),
                _ => true,
            };
            if sim >= bar && coherent && !share_a_column(tx, index, a, b)? {
                scored.push((sim, a, b));
            }
        }
        if scored.is_empty() {
            break;
        }
        scored.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        let mut used: BTreeSet<i64> = BTreeSet::new();
        changed = BTreeSet::new();
        for (_, s, o) in scored {
            if used.contains(&s) || used.contains(&o) {
                continue;
            }
            used.insert(s);
            used.insert(o);
            merge_story(tx, index, s, o)?;
            changed.insert(s);
            merges.push((o, s));
        }
    }
    Ok(merges)
}

/// Move story `o`'s articles to story `s` and drop `o` (see
/// [`merge_opened`]).
fn merge_story(tx: &Transaction, index: &mut StoryIndex, s: i64, o: i64) -> Result<()> {
    tx.prepare_cached("UPDATE articles SET story = ?1 WHERE story = ?2")?
        .execute([s, o])?;
    tx.prepare_cached("DELETE FROM stories WHERE seq = ?1")?
        .execute([o])?;
    tx.prepare_cached("DELETE FROM story_json WHERE story = ?1")?
        .execute([o])?;
    tx.prepare_cached("DELETE FROM stories_fts WHERE rowid = ?1")?
        .execute([o])?;
    tx.prepare_cached("UPDATE story_merges SET into_story = ?1 WHERE into_story = ?2")?
        .execute([s, o])?;
    tx.prepare_cached("INSERT OR REPLACE INTO story_merges(story, into_story) VALUES (?1, ?2)")?
        .execute([o, s])?;
    index.absorb(tx, s, o)?;
    Ok(())
}

/// Whether stories `a` and `b` hold two instalments of one column
/// (articles under one column heading published
/// [`INSTALMENT_GAP_SECS`] or more apart). Each headed article of the
/// smaller story is looked up among the other's (both through the
/// indexes on column headings).
fn share_a_column(tx: &Transaction, index: &StoryIndex, a: i64, b: i64) -> Result<bool> {
    let (small, large) = if index.members(a) <= index.members(b) {
        (a, b)
    } else {
        (b, a)
    };
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM articles x JOIN articles y \
               ON y.column_key = x.column_key AND y.story = ?2 \
             WHERE x.story = ?1 AND x.column_key IS NOT NULL \
               AND abs(x.published_ts - y.published_ts) >= ?3)",
        )?
        .query_row(params![small, large, INSTALMENT_GAP_SECS], |r| r.get(0))?)
}

/// The story a new article that copies none joins: `best` (the index's
/// choice), unless that story holds another instalment of the article's
/// column (`heading`, published at `time`); then the best story without
/// one, as the batch clusterer chooses (see [`crosscheck_cluster::Column`]).
fn joinable(
    tx: &Transaction,
    index: &mut StoryIndex,
    vector: &Vector,
    time: Option<i64>,
    heading: Option<&str>,
    best: Option<(i64, f64)>,
) -> Result<Option<(i64, f64)>> {
    let (Some(heading), Some(time), Some((story, _))) = (heading, time, best) else {
        return Ok(best);
    };
    if !other_instalment(tx, heading, story, time)? {
        return Ok(best);
    }
    Ok(index.best_where(tx, vector, Some(time), |conn, s| {
        Ok(!other_instalment(conn, heading, s, time)?)
    })?)
}

/// Whether story `story` holds an article under column `heading` published
/// [`INSTALMENT_GAP_SECS`] or more from `time`.
fn other_instalment(
    conn: &Connection,
    heading: &str,
    story: i64,
    time: i64,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS(SELECT 1 FROM articles WHERE column_key = ?1 AND story = ?2 \
         AND published_ts IS NOT NULL AND abs(published_ts - ?3) >= ?4)",
    )?
    .query_row(params![heading, story, time, INSTALMENT_GAP_SECS], |r| {
        r.get(0)
    })
}

fn kind_name(k: DuplicateKind) -> &'static str {
    match k {
        DuplicateKind::Exact => "exact",
        DuplicateKind::Near => "near",
        DuplicateKind::Contained => "contained",
    }
}

/// The first stored article with the same normalised text.
fn exact_copy(tx: &Transaction, norm_hash: i64) -> Result<Option<CopyOf>> {
    Ok(tx
        .prepare_cached(
            "SELECT seq, story, dup_root FROM articles WHERE norm_hash = ?1 ORDER BY seq LIMIT 1",
        )?
        .query_row([norm_hash], |x| {
            Ok(CopyOf {
                seq: x.get(0)?,
                story: x.get(1)?,
                root: x.get(2)?,
                kind: DuplicateKind::Exact,
                similarity: 1.0,
                original: None,
            })
        })
        .optional()?)
}

/// A near or contained copy among the latest members of `story`: MinHash
/// estimates pick a few candidates, the dedup stage verifies them on the
/// exact shingle sets.
fn verified_copy(
    tx: &Transaction,
    dedup: &Deduplicator,
    r: &Ready,
    story: i64,
) -> Result<Option<CopyOf>> {
    let mut stmt = tx.prepare_cached(
        "SELECT seq, shingles, signature FROM articles WHERE story = ?1 ORDER BY seq DESC LIMIT ?2",
    )?;
    let mut rows = stmt.query(params![story, COPY_CANDIDATES as i64])?;
    let mut cands: Vec<(f64, i64)> = Vec::new();
    let a = r.shingles as f64;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0)?;
        let b: i64 = row.get(1)?;
        let blob: Vec<u8> = row.get(2)?;
        let Some(sig) = index::decode_signature(&blob) else {
            continue;
        };
        let j = estimate_jaccard(&r.signature, &sig);
        let b = b as f64;
        let small = a.min(b);
        // |A ∩ B| = J (|A| + |B|) / (1 + J).
        let containment = if small > 0.0 {
            j * (a + b) / (1.0 + j) / small
        } else {
            0.0
        };
        let score = if j >= NEAR - ESTIMATE_SLACK {
            j
        } else if small >= MIN_CONTAINED_SHINGLES as f64
            && containment >= CONTAINMENT - ESTIMATE_SLACK
        {
            containment * 0.99
        } else {
            continue;
        };
        cands.push((score, seq));
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    cands.truncate(MAX_VERIFY);
    for (_, seq) in cands {
        let (id, text, published, story, root): (String, String, Option<String>, i64, Option<i64>) =
            tx.query_row(
                "SELECT id, text, published, story, dup_root FROM articles WHERE seq = ?1",
                [seq],
                |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?, x.get(3)?, x.get(4)?)),
            )?;
        let other = Document {
            article: Article {
                id,
                source: None,
                title: None,
                url: None,
                published,
                text,
                removed: Vec::new(),
            },
            sentences: Vec::new(),
        };
        let mine = Document {
            article: Article {
                removed: Vec::new(),
                ..r.article.clone()
            },
            sentences: Vec::new(),
        };
        if let Some(d) = dedup.find(&[other, mine]).into_iter().next() {
            return Ok(Some(CopyOf {
                seq,
                story,
                root,
                kind: d.kind,
                similarity: d.similarity,
                original: d.original,
            }));
        }
    }
    Ok(None)
}

/// The title a story shows before its first build: the article's title, or
/// the start of its text.
fn fallback_title(a: &Article) -> String {
    a.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| a.text.chars().take(80).collect())
}

/// After articles joined story `seq` (in the current transaction): bring its
/// list columns up to date and mark it dirty (with the `seq` of its latest
/// article when it became dirty, so the longest-dirty stories build first). Cheap (indexed aggregates); the
/// brief is rebuilt later by [`Writer::rebuild_dirty`].
fn mark_dirty(tx: &Transaction, seq: i64) -> Result<()> {
    // One pass over the story's rows of the covering index
    // `articles_story_meta` (no table row is read).
    tx.prepare_cached(
        "UPDATE stories SET \
           (articles, sources, independent, first_published, last_published, updated) = \
           (SELECT count(*), count(DISTINCT source), \
                   count(*) - count(dup_root) + count(DISTINCT dup_root), \
                   min(published), max(published), max(seq) \
              FROM articles WHERE story = ?1), \
           dirty = CASE WHEN dirty > 0 THEN dirty \
             ELSE (SELECT max(seq) FROM articles WHERE story = ?1) END \
         WHERE seq = ?1",
    )?
    .execute([seq])?;
    Ok(())
}

/// Read up to `limit` dirty stories, those dirty longest first, in one read
/// transaction (a consistent snapshot: each story's members and its
/// `updated` mark, the `seq` of its latest article, agree).
pub(crate) fn load_dirty(
    conn: &Connection,
    limit: usize,
    max_articles: usize,
) -> Result<Vec<Loaded>> {
    let tx = conn.unchecked_transaction()?;
    let dirty: Vec<(i64, i64)> = {
        let mut stmt = tx.prepare_cached(
            "SELECT seq, updated FROM stories WHERE dirty > 0 ORDER BY dirty, seq LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.max(1) as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let loaded = dirty
        .into_iter()
        .map(|(seq, updated)| load_story(&tx, seq, updated, max_articles))
        .collect::<Result<_>>()?;
    tx.commit()?;
    Ok(loaded)
}

/// Build loaded stories in parallel (no database access).
pub(crate) fn build_all(
    loaded: Vec<Loaded>,
    builder: &StoryBuilder,
    analyzer: &Analyzer,
) -> Vec<Built> {
    loaded
        .into_par_iter()
        .map(|l| build_story(l, builder, analyzer))
        .collect()
}

impl Writer {
    /// Write built stories in one transaction; returns how many.
    pub(crate) fn write_built(&mut self, built: &[Built]) -> Result<usize> {
        let tx = Self::begin(&mut self.conn)?;
        for b in built {
            write_story(&tx, b)?;
        }
        tx.commit()?;
        self.empty_log_if_full();
        Ok(built.len())
    }
}

/// One member of a story as read for its brief.
/// A member in a duplicate group (`dup_root` set): what the story's
/// duplicate groups are built from.
struct Member {
    seq: i64,
    id: String,
    root: i64,
    kind: Option<String>,
    similarity: Option<f64>,
    original: Option<String>,
}

/// A member as read to order the story: only what the order needs. A
/// story can hold a large share of the store (the synthetic load's
/// largest held 60% of 170,000 articles), so this is kept small: every
/// member is read at each rebuild, and the memory of a rebuild grows with
/// the largest story.
struct Ordered {
    seq: i64,
    published: Option<Box<str>>,
    id: String,
}

/// What building one story needs, read from the database.
pub(crate) struct Loaded {
    seq: i64,
    /// The story's `updated` column when read: the `seq` of its latest
    /// article.
    updated: i64,
    /// Every member's id, in reading order.
    ids: Vec<String>,
    /// The members in a duplicate group.
    dups: Vec<Member>,
    /// The members the brief reads (the most recent), in reading order.
    articles: Vec<Article>,
}

/// A built story, ready to write.
pub(crate) struct Built {
    seq: i64,
    updated: i64,
    story: Story,
}

/// Read story `seq`'s members and the articles its brief reads.
fn load_story(conn: &Connection, seq: i64, updated: i64, max_articles: usize) -> Result<Loaded> {
    // Sized first (from the covering index), so the list is allocated once
    // rather than doubled while read.
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM articles WHERE story = ?1")?
        .query_row([seq], |r| r.get(0))?;
    let mut members: Vec<Ordered> = Vec::with_capacity(n.max(0) as usize);
    {
        let mut stmt =
            conn.prepare_cached("SELECT seq, published, id FROM articles WHERE story = ?1")?;
        let mut rows = stmt.query([seq])?;
        while let Some(x) = rows.next()? {
            members.push(Ordered {
                seq: x.get(0)?,
                published: x.get::<_, Option<String>>(1)?.map(String::into_boxed_str),
                id: x.get(2)?,
            });
        }
    }
    let dups: Vec<Member> = {
        let mut stmt = conn.prepare_cached(
            "SELECT seq, id, dup_root, dup_kind, dup_similarity, dup_original \
             FROM articles WHERE story = ?1 AND dup_root IS NOT NULL ORDER BY seq",
        )?;
        let rows = stmt.query_map([seq], |x| {
            Ok(Member {
                seq: x.get(0)?,
                id: x.get(1)?,
                root: x.get(2)?,
                kind: x.get(3)?,
                similarity: x.get(4)?,
                original: x.get(5)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Reading order: dated oldest first, then undated, each in ingest order.
    members.sort_unstable_by(|a, b| match (&a.published, &b.published) {
        (Some(x), Some(y)) => x.cmp(y).then(a.seq.cmp(&b.seq)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.seq.cmp(&b.seq),
    });
    // The brief reads the most recently stored members, in reading order.
    let mut recent: Vec<i64> = members.iter().map(|m| m.seq).collect();
    recent.sort_unstable_by(|a, b| b.cmp(a));
    recent.truncate(max_articles);
    let chosen: std::collections::HashSet<i64> = recent.into_iter().collect();
    let mut articles: Vec<Article> = Vec::with_capacity(chosen.len());
    let mut stmt = conn.prepare_cached(
        "SELECT id, source, title, url, published, text, removed FROM articles WHERE seq = ?1",
    )?;
    for m in members.iter().filter(|m| chosen.contains(&m.seq)) {
        let (article, removed): (Article, String) = stmt.query_row([m.seq], |x| {
            Ok((
                Article {
                    id: x.get(0)?,
                    source: x.get(1)?,
                    title: x.get(2)?,
                    url: x.get(3)?,
                    published: x.get(4)?,
                    text: x.get(5)?,
                    removed: Vec::new(),
                },
                x.get(6)?,
            ))
        })?;
        let removed: Vec<Removed> = serde_json::from_str(&removed).unwrap_or_default();
        articles.push(Article { removed, ..article });
    }
    let ids = members.into_iter().map(|m| m.id).collect();
    Ok(Loaded {
        seq,
        updated,
        ids,
        dups,
        articles,
    })
}

/// Build a loaded story: duplicate groups, analysis, facts, cross-check,
/// brief (no database access, so stories build in parallel).
fn build_story(l: Loaded, builder: &StoryBuilder, analyzer: &Analyzer) -> Built {
    let Loaded {
        seq,
        updated,
        ids,
        dups,
        articles,
    } = l;
    // Duplicate groups, by root.
    let mut groups: AHashMap<i64, Vec<&Member>> = AHashMap::new();
    for m in &dups {
        groups.entry(m.root).or_default().push(m);
    }
    let mut duplicates: Vec<Duplicate> = groups
        .values()
        .filter(|g| g.len() >= 2)
        .map(|g| {
            let edges: Vec<&&Member> = g.iter().filter(|m| m.kind.is_some()).collect();
            let all_exact = edges.iter().all(|m| m.kind.as_deref() == Some("exact"));
            let contained = edges
                .iter()
                .filter(|m| m.kind.as_deref() == Some("contained"))
                .min_by_key(|m| m.seq);
            let kind = if all_exact {
                DuplicateKind::Exact
            } else if contained.is_some() {
                DuplicateKind::Contained
            } else {
                DuplicateKind::Near
            };
            let similarity = edges
                .iter()
                .filter_map(|m| m.similarity)
                .fold(1.0f64, f64::min);
            let mut articles: Vec<String> = g.iter().map(|m| m.id.clone()).collect();
            articles.sort();
            Duplicate {
                articles,
                kind,
                similarity,
                original: contained.and_then(|m| m.original.clone()),
            }
        })
        .collect();
    duplicates.sort_by(|a, b| a.articles.cmp(&b.articles));

    let docs: Vec<Document> = articles.into_iter().map(|a| analyzer.analyse(a)).collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let mut story = builder.build(format!("story-{seq}"), &refs, &duplicates, Some(ids));
    if story.title.trim().is_empty() {
        story.title = docs
            .iter()
            .find_map(|d| d.article.title.clone())
            .or_else(|| {
                docs.first()
                    .map(|d| d.article.text.chars().take(80).collect())
            })
            .unwrap_or_default();
    }
    Built {
        seq,
        updated,
        story,
    }
}

/// Write a built story (its JSON, title and search entry) and clear its
/// dirty mark, unless articles joined it after it was read (its `updated`
/// moved on): then the newer build is still written, but the story stays
/// dirty, at the head of the rebuild order (its mark is unchanged). Rebuilds
/// are serialised (`Store::rebuild_dirty`), so a build never overwrites a
/// later one. List columns are kept current by [`mark_dirty`].
fn write_story(tx: &Transaction, b: &Built) -> Result<()> {
    let json = serde_json::to_string(&b.story).expect("stories serialise");
    let kept = tx
        .prepare_cached(
            "UPDATE stories SET title = ?1, \
               dirty = CASE WHEN updated = ?3 THEN 0 ELSE dirty END \
             WHERE seq = ?2",
        )?
        .execute(params![b.story.title, b.seq, b.updated])?;
    if kept == 0 {
        // Merged into another story since it was read: nothing to write.
        return Ok(());
    }
    tx.prepare_cached("INSERT OR REPLACE INTO story_json(story, json) VALUES (?1, ?2)")?
        .execute(params![b.seq, json])?;
    let brief_text: Vec<&str> = b.story.brief.iter().map(|s| s.text.as_str()).collect();
    tx.prepare_cached("DELETE FROM stories_fts WHERE rowid = ?1")?
        .execute([b.seq])?;
    tx.prepare_cached("INSERT INTO stories_fts(rowid, title, brief) VALUES (?1, ?2, ?3)")?
        .execute(params![b.seq, b.story.title, brief_text.join(" ")])?;
    Ok(())
}
