//! The crosscheck store: an embedded SQLite database of articles, duplicate
//! groups, stories and briefs that grows incrementally as articles arrive.
//!
//! The batch pipeline ([`crosscheck::Pipeline`]) analyses a closed set of
//! articles at once. A newsroom instead feeds articles in all day, so the
//! store runs the same stages *one article at a time* against what it
//! already holds:
//!
//! ```text
//! RawArticle ─prepare─▶ Article ─analyse─▶ Document ─┬─ exact copy?   (hash of the normalised text)
//!                                                    ├─ story?        (TF-IDF average link to stories)
//!                                                    ├─ near / contained copy? (MinHash, then verified)
//!                                                    └─▶ row in `articles`, story marked dirty
//!                                                        (rebuilt later: facts, cross-check, brief)
//! end of each transaction: stories opened in it ─▶ merged with coherent neighbours
//! ```
//!
//! * **Idempotent ingest.** An article is identified by its `id`. Sending
//!   the same article again changes nothing (it is reported `unchanged`);
//!   sending different content under a stored id is refused and reported in
//!   `skipped` (stored articles are immutable, so citations never move).
//! * **Incremental stories.** Stories are built by the batch clusterer's
//!   two stages, incrementally. Each new article joins the story it is most
//!   similar to by average link (TF-IDF vectors with the cluster stage's
//!   weighting and IDF over everything stored so far, halved across a gap
//!   of more than seven days) if that reaches the strict seed bar, or opens
//!   a new story; at the end of each transaction the stories opened in it
//!   are merged with coherent neighbours, as in the batch, and an instalment of
//!   a standing column never joins another instalment's story. A copy of
//!   a stored article (exact, near or contained, as the dedup stage defines
//!   them) joins its original's story and duplicate group and does not move
//!   the centroid, so a wire story reprinted ten times counts once. A story
//!   that receives articles is marked *dirty* in the same transaction (its
//!   list columns are updated there); its facts, cross-check and brief are
//!   rebuilt afterwards, once for all the articles that joined it meanwhile
//!   ([`Store::rebuild_dirty`]; [`Store::ingest`] does it before returning,
//!   the server on a background thread). Stories are merged, never split:
//!   when two merge, the smaller number (`story-N`) stays, and the other
//!   number still finds the story (`story_merges`).
//! * **Crash consistency.** Each chunk of a batch (article rows, search
//!   index, vocabulary, story assignment and dirty marks) is one SQLite
//!   transaction, and so is each round of rebuilds, in a WAL-mode database
//!   with `synchronous=FULL`. An article is reported stored
//!   only after its transaction committed; a process killed at any moment
//!   leaves either all or none of a chunk. The in-memory clustering state is
//!   derived data, rebuilt from the database on open (and after a failed
//!   transaction).
//! * **Bounded memory.** The stories' clustering state (centroids, lookup
//!   terms) is held to a budget ([`StoreOptions::max_index_bytes`]): the
//!   least recently used stories are checkpointed to the database and read
//!   back, exactly, when an article may join them, so memory stays level
//!   as the store grows ([`Store::index_stats`] reports the sizes).
//! * **Search** uses SQLite's FTS5 (see [`Store::search`] for why not
//!   tantivy).
//!
//! ```no_run
//! use crosscheck_store::{Page, SearchFilters, Store};
//! let store = Store::open("crosscheck.db")?;
//! let summary = store.ingest_paths(&["articles/"])?;
//! println!("{} stored, {} unchanged", summary.stored.len(), summary.unchanged.len());
//! for s in store.stories(Page::first(20))?.stories {
//!     println!("{} {} ({} articles)", s.id, s.title, s.articles);
//! }
//! let hits = store.search("harbour strike", &SearchFilters::default())?;
//! # Ok::<(), crosscheck_store::Error>(())
//! ```

mod index;
mod read;
mod schema;
pub mod synth;
mod write;

pub use index::IndexStats;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crosscheck::incremental::StoryBuilder;
use crosscheck_ingest::{Batch, Ingestor};
use crosscheck_model::{Article, Skipped};
use crosscheck_text::Analyzer;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

pub use read::{MARK_END, MARK_START};

/// Memory SQLite has allocated, for every connection of the process
/// together (page caches, prepared statements, schemas, the WAL index's
/// heap part), in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SqliteMemory {
    /// Bytes in use now (`sqlite3_memory_used`).
    pub used: u64,
    /// Most bytes in use at once since the process started
    /// (`sqlite3_memory_highwater`, not reset).
    pub highwater: u64,
}

/// SQLite's own memory use, process-wide. rusqlite has no safe wrapper for
/// these counters and no PRAGMA reports them (`PRAGMA soft_heap_limit`
/// reports the limit, not the use), hence the FFI calls.
pub fn sqlite_memory() -> SqliteMemory {
    // SAFETY: both functions take only plain integers (or nothing), touch
    // no memory of ours and only read SQLite's global memory counters,
    // which SQLite guards with its own mutex (this build is threadsafe,
    // SQLITE_THREADSAFE=1); they may be called at any time, even before
    // `sqlite3_initialize` (they then report 0). `resetFlag` 0 leaves the
    // high-water mark as it is.
    let (used, highwater) = unsafe {
        (
            rusqlite::ffi::sqlite3_memory_used(),
            rusqlite::ffi::sqlite3_memory_highwater(0),
        )
    };
    SqliteMemory {
        used: used.max(0) as u64,
        highwater: highwater.max(0) as u64,
    }
}

/// What can go wrong in the store.
#[derive(Debug)]
pub enum Error {
    /// The database reported an error.
    Sqlite(rusqlite::Error),
    /// The database holds something this version cannot read.
    Corrupt(String),
    /// A caller's argument was not acceptable (the message says why).
    Invalid(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Sqlite(e) => write!(f, "database error: {e}"),
            Error::Corrupt(m) => write!(f, "database content not understood: {m}"),
            Error::Invalid(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Options for [`Store::open_with`]; defaults match the batch pipeline.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Most sentences in one story's brief (default 10).
    pub brief_sentences: usize,
    /// Most words in one story's brief (default 250).
    pub brief_words: usize,
    /// The clustering threshold (default: the cluster stage's
    /// [`crosscheck_cluster::DEFAULT_THRESHOLD`]). As in batch clustering,
    /// an article joins a story at [`crosscheck_cluster::JOIN_FACTOR`]
    /// times it, and at the end of each transaction the stories opened in it
    /// merge with coherent neighbours down to
    /// [`crosscheck_cluster::MERGE_FACTOR`] times it (the smaller story
    /// number stays; the other still finds the story).
    pub cluster_threshold: f64,
    /// Articles per transaction in [`Store::ingest`] (default 500).
    pub chunk_size: usize,
    /// Most articles of one story read to write its brief: the most
    /// recently stored ones, in reading order (default 64). Bounds the cost
    /// of adding to a very large story.
    pub max_brief_articles: usize,
    /// Largest single input file or JSON Lines record accepted by
    /// [`Store::ingest_paths`] (default 16 MiB).
    pub max_file_bytes: u64,
    /// Budget, in heap bytes, of the stories' clustering state kept in
    /// memory (centroids, lookup terms, posting lists and common-term
    /// bitsets, tables at their capacity; default 16 MiB). Past
    /// it, the least recently used stories are checkpointed to the
    /// database and read back when an article may join them; assignments
    /// are the same as with no budget, so this trades writer time for
    /// memory. See [`Store::index_stats`].
    pub max_index_bytes: usize,
    /// Page cache of the writer's SQLite connection, in KiB (SQLite's
    /// `PRAGMA cache_size = -N`).
    pub writer_cache_kib: usize,
    /// Page cache of each read connection, in KiB (up to 8 are kept open).
    pub reader_cache_kib: usize,
    /// Write-ahead log size, in pages, past which the writer empties the
    /// log after its next transaction (default 65,536: 256 MiB of 4 KiB
    /// pages). See [`Store::checkpoint`].
    pub max_log_pages: usize,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            brief_sentences: 10,
            brief_words: 250,
            cluster_threshold: crosscheck_cluster::DEFAULT_THRESHOLD,
            chunk_size: 500,
            max_brief_articles: 64,
            max_file_bytes: 16 * 1024 * 1024,
            max_index_bytes: 16 << 20,
            writer_cache_kib: 32_000,
            reader_cache_kib: 2_000,
            max_log_pages: 65_536,
        }
    }
}

/// What one ingest did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IngestSummary {
    /// Ids of articles newly stored (committed), in input order.
    pub stored: Vec<String>,
    /// Ids of articles already stored with the same content (nothing changed).
    pub unchanged: Vec<String>,
    /// Inputs not stored, with the reason (unreadable input, no text left
    /// after cleaning, a stored id with different content).
    pub skipped: Vec<Skipped>,
    /// Ids of the stories created or updated, sorted by number.
    pub stories: Vec<String>,
}

impl IngestSummary {
    /// Append another summary (stories merged and kept sorted).
    pub fn extend(&mut self, other: IngestSummary) {
        self.stored.extend(other.stored);
        self.unchanged.extend(other.unchanged);
        self.skipped.extend(other.skipped);
        self.stories.extend(other.stories);
        self.stories
            .sort_by_key(|s| story_number(s).unwrap_or(i64::MAX));
        self.stories.dedup();
    }
}

/// A page of a listing: `page` counts from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based page number.
    pub page: usize,
    /// Items per page (1..=[`Page::MAX_PER_PAGE`]).
    pub per_page: usize,
}

impl Page {
    /// Largest accepted page size.
    pub const MAX_PER_PAGE: usize = 200;

    /// The first page of `per_page` items.
    pub fn first(per_page: usize) -> Self {
        Page { page: 1, per_page }
    }
}

/// One entry of the story list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorySummary {
    /// `story-N`.
    pub id: String,
    pub title: String,
    /// Number of articles in the story.
    pub articles: usize,
    /// Number of distinct named outlets among them.
    pub sources: usize,
    /// Number of independent sources (a duplicate group counts once).
    pub independent_sources: usize,
    /// Earliest and latest `published` among the articles (ISO 8601).
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// A page of stories, most recently updated first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryPage {
    pub page: usize,
    pub per_page: usize,
    /// Number of stories in the store.
    pub total: usize,
    pub stories: Vec<StorySummary>,
}

/// A stored article: the cleaned article of the JSON contract, its story,
/// and the article it copies, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredArticle {
    #[serde(flatten)]
    pub article: Article,
    /// The story it belongs to (`story-N`).
    pub story: String,
    /// The ids of the other articles in its duplicate group, sorted.
    pub copies: Vec<String>,
}

/// An article's metadata (no text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// Filters for [`Store::search`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFilters {
    /// Only articles from this outlet (exact name); stories with one.
    pub source: Option<String>,
    /// Only articles published on or after this date (`YYYY-MM-DD` or a
    /// full ISO 8601 time); undated articles are then excluded.
    pub from: Option<String>,
    /// Only articles published on or before this date (a bare date includes
    /// that whole day).
    pub to: Option<String>,
    /// Most hits of each kind (default 20, at most 100).
    pub limit: Option<usize>,
}

/// An article that matched a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleHit {
    pub id: String,
    pub story: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    /// A few words around the match; matched words are between
    /// [`MARK_START`] and [`MARK_END`] (control characters, never in text).
    pub snippet: String,
}

/// A story that matched a search (on its title or brief).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryHit {
    pub id: String,
    pub title: String,
    pub articles: usize,
    /// As in [`ArticleHit::snippet`].
    pub snippet: String,
}

/// The result of [`Store::search`], best matches first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub stories: Vec<StoryHit>,
    pub articles: Vec<ArticleHit>,
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub articles: usize,
    pub stories: usize,
    /// Articles that are in a duplicate group.
    pub copies: usize,
}

/// An open store. `Send + Sync`: share it behind an `Arc`; writes are
/// serialised internally, reads run concurrently (WAL mode).
pub struct Store {
    path: PathBuf,
    options: StoreOptions,
    writer: Mutex<write::Writer>,
    readers: Mutex<Vec<Connection>>,
    /// Held for a whole rebuild round (read, build, write), so rounds never
    /// overlap; the writer lock is taken only for the round's write.
    rebuild: Mutex<()>,
    /// The connection that runs [`Store::checkpoint`] (opened on first use).
    checkpointer: Mutex<Option<Connection>>,
    /// Shared with the writer (see [`Store::checkpoint`]).
    log_full: std::sync::Arc<std::sync::atomic::AtomicBool>,
    builder: StoryBuilder,
    analyzer: Analyzer,
}

/// A batch of articles prepared for storing ([`Store::prepare`]): cleaned,
/// analysed, hashed and vectorised, with nothing yet read from or written
/// to the database. Store it with [`Store::ingest_prepared`].
pub struct PreparedBatch {
    articles: Vec<write::Prepared>,
    skipped: Vec<Skipped>,
}

impl PreparedBatch {
    /// Inputs in the batch (articles prepared, or refused by cleaning).
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the batch holds no input.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// About how many bytes of heap the batch holds (for a caller that
    /// bounds the memory of what waits to be stored).
    pub fn heap_bytes(&self) -> usize {
        self.articles
            .iter()
            .map(write::Prepared::heap_bytes)
            .sum::<usize>()
            + self
                .skipped
                .iter()
                .map(|s| std::mem::size_of::<Skipped>() + s.path.len() + s.reason.len())
                .sum::<usize>()
    }
}

/// Stories rebuilt per transaction by [`Store::rebuild_all`].
const REBUILD_BATCH: usize = 64;

/// Most idle read connections kept open.
const MAX_IDLE_READERS: usize = 8;

impl Store {
    /// Open (or create) the database at `path` with default options.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_with(path, StoreOptions::default())
    }

    /// Open (or create) the database at `path`.
    pub fn open_with(path: impl AsRef<Path>, options: StoreOptions) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path)?;
        schema::configure(&conn, options.writer_cache_kib)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::SCHEMA_VERSION {
            return Err(Error::Corrupt(format!(
                "schema version {version} is newer than this program's ({})",
                schema::SCHEMA_VERSION
            )));
        }
        conn.execute_batch(schema::SCHEMA)?;
        schema::migrate(&conn)?;
        conn.pragma_update(None, "user_version", schema::SCHEMA_VERSION)?;
        let writer = write::Writer::new(conn, &options)?;
        let log_full = writer.log_full.clone();
        Ok(Store {
            path,
            builder: StoryBuilder::new(options.brief_sentences, options.brief_words),
            analyzer: Analyzer::english(),
            options,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            rebuild: Mutex::new(()),
            checkpointer: Mutex::new(None),
            log_full,
        })
    }

    /// Whether a commit copies the write-ahead log back into the database
    /// once it has grown past 1,000 pages (SQLite's automatic checkpoint,
    /// on by default), in the committing thread. A server that commits
    /// continuously turns it off and calls [`Store::checkpoint`] from
    /// another thread, so the copy (a sixth of the writer's time at
    /// 100,000 articles) runs beside the writer instead of inside it.
    /// With it off and no one checkpointing, the log only grows.
    pub fn set_auto_checkpoint(&self, on: bool) -> Result<()> {
        let w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        w.set_auto_checkpoint(on)
    }

    /// Copy what the write-ahead log holds back into the database, as far
    /// as readers allow, without blocking the writer (SQLite's passive
    /// checkpoint, on a connection of its own); the log restarts from its
    /// beginning at the next commit once all of it is copied. Returns the
    /// log's size and how much of it is copied, in pages.
    ///
    /// **The log is bounded.** Under continuous commits a passive
    /// checkpoint alone almost never lets the log restart: SQLite restarts
    /// it only when a write begins with every frame copied and no reader
    /// on an older snapshot, and a commit (or a reader) always comes in
    /// between. Measured with the load generator (100,000 stored articles,
    /// POST at ~1,200 articles/s): the log grew by ~70 MB/s to 5.6 GB in
    /// 90 s, and its index (`-shm`, 32 KiB mapped per 4,096 frames,
    /// counted in the process's resident file pages) to 11 MiB. So when
    /// the log is longer than [`StoreOptions::max_log_pages`], this marks
    /// it, and the writer empties it after its next transaction (a
    /// `TRUNCATE` checkpoint, which waits a moment for the readers on
    /// older snapshots).
    pub fn checkpoint(&self) -> Result<(usize, usize)> {
        let mut c = self.checkpointer.lock().unwrap_or_else(|p| p.into_inner());
        if c.is_none() {
            let conn = Connection::open(&self.path)?;
            schema::configure(&conn, 256)?;
            *c = Some(conn);
        }
        let conn = c.as_ref().expect("opened above");
        let (log, done): (i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })?;
        let (log, done) = (log.max(0) as usize, done.max(0) as usize);
        if log > self.options.max_log_pages {
            self.log_full
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        Ok((log, done))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The options the store was opened with.
    pub fn options(&self) -> &StoreOptions {
        &self.options
    }

    /// Read `paths` (files or folders, any format ingest reads) and store
    /// every article; see [`Store::ingest`].
    pub fn ingest_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Result<IngestSummary> {
        let batch = Ingestor::new()
            .max_file_bytes(self.options.max_file_bytes)
            .read_paths(paths);
        self.ingest(batch)
    }

    /// Store a batch of raw articles, in order, and update their stories.
    ///
    /// Commits every [`StoreOptions::chunk_size`] articles. The summary
    /// lists only committed work; on an error, the chunks committed before
    /// it stay stored (use [`Store::ingest_with`] to learn about them as
    /// they commit).
    pub fn ingest(&self, batch: Batch) -> Result<IngestSummary> {
        let mut all = IngestSummary::default();
        self.ingest_with(batch, &mut |chunk| all.extend(chunk.clone()))?;
        Ok(all)
    }

    /// [`Store::ingest`], calling `on_commit` with each chunk's summary once
    /// that chunk's transaction committed (the batch's skipped inputs come
    /// with the first call). The next chunk is prepared while a chunk is
    /// written.
    pub fn ingest_with(
        &self,
        batch: Batch,
        on_commit: &mut dyn FnMut(&IngestSummary),
    ) -> Result<()> {
        let Batch {
            articles,
            mut skipped,
        } = batch;
        let size = self.options.chunk_size.max(1);
        let mut first = true;
        let mut it = articles.into_iter();
        // Pipelined: the next chunk is prepared (on other threads) while
        // this one is written, so the CPU-heavy preparation overlaps the
        // single-threaded transaction.
        let mut next = Some(write::prepare_all(it.by_ref().take(size).collect()));
        while let Some(prepared) = next.take() {
            let chunk: Vec<_> = it.by_ref().take(size).collect();
            let (written, upcoming) = std::thread::scope(|s| {
                let preparing =
                    (!chunk.is_empty()).then(|| s.spawn(move || write::prepare_all(chunk)));
                let written = {
                    let mut w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
                    w.ingest(vec![prepared])
                };
                let upcoming = preparing.map(|h| match h.join() {
                    Ok(p) => p,
                    Err(panic) => std::panic::resume_unwind(panic),
                });
                (written, upcoming)
            });
            let mut summary = written?.pop().unwrap_or_default();
            next = upcoming;
            if first {
                skipped.append(&mut summary.skipped);
                summary.skipped = std::mem::take(&mut skipped);
                first = false;
            }
            on_commit(&summary);
        }
        self.rebuild_all()
    }

    /// Rebuild every dirty story (see [`Store::rebuild_dirty`]).
    pub fn rebuild_all(&self) -> Result<()> {
        while self.rebuild_dirty(REBUILD_BATCH)? > 0 {}
        Ok(())
    }

    /// Rebuild up to `max_stories` dirty stories — facts, cross-check and
    /// brief, the expensive part of adding articles — those dirty longest
    /// first, in parallel, written in one transaction; returns how many
    /// (0: none is dirty).
    ///
    /// The stories are read on a read connection (one snapshot) and built
    /// without holding the write lock, which is taken only to write them,
    /// so ingest (on another thread) goes on meanwhile. A story that
    /// received articles after it was read is written as built but stays
    /// dirty, first in line for the next round. Rounds are serialised.
    ///
    /// Storing articles ([`Store::ingest_many`]) commits them with their
    /// story assignment, the story's list columns (counts, dates, order)
    /// and a *dirty* mark, but does not rebuild the story: a story that
    /// receives many articles in a row is then rebuilt once for all of
    /// them. Until it is, [`Store::story_json_state`] serves its last built
    /// object and says it is stale. [`Store::ingest`] rebuilds before it
    /// returns; the server calls this on a background thread.
    pub fn rebuild_dirty(&self, max_stories: usize) -> Result<usize> {
        let _round = self.rebuild.lock().unwrap_or_else(|p| p.into_inner());
        let max_articles = self.options.max_brief_articles.max(1);
        let loaded = self.read(|c| write::load_dirty(c, max_stories, max_articles))?;
        if loaded.is_empty() {
            return Ok(0);
        }
        let built = write::build_all(loaded, &self.builder, &self.analyzer);
        let mut w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        w.write_built(&built)
    }

    /// How many stories wait for a rebuild.
    pub fn dirty_stories(&self) -> Result<usize> {
        self.read(|c| {
            let n: i64 = c.query_row("SELECT count(*) FROM stories WHERE dirty > 0", [], |r| {
                r.get(0)
            })?;
            Ok(n as usize)
        })
    }

    /// Store several batches in one transaction (group commit), one summary
    /// per batch, in order. Each batch's own skipped inputs are in its
    /// summary. All or nothing: on an error no batch is stored. Meant for a
    /// server that collects concurrent requests into one write; callers
    /// should keep the total size moderate (a few thousand articles).
    pub fn ingest_many(&self, batches: Vec<Batch>) -> Result<Vec<IngestSummary>> {
        let mut skipped = Vec::with_capacity(batches.len());
        let mut sizes = Vec::with_capacity(batches.len());
        let mut all = Vec::new();
        for b in batches {
            sizes.push(b.articles.len());
            all.extend(b.articles);
            skipped.push(b.skipped);
        }
        let mut prepared = write::prepare_all(all).into_iter();
        let batches = sizes
            .into_iter()
            .zip(skipped)
            .map(|(n, skipped)| PreparedBatch {
                articles: prepared.by_ref().take(n).collect(),
                skipped,
            })
            .collect();
        self.ingest_prepared(batches)
    }

    /// Prepare `batch` for storing on the calling thread — cleaning,
    /// analysis, MinHash, term weights: the CPU-heavy part of ingest, which
    /// needs neither the database nor the write lock, so callers can run it
    /// on many threads and hand the results to one writer
    /// ([`Store::ingest_prepared`]).
    pub fn prepare(&self, batch: Batch) -> PreparedBatch {
        PreparedBatch {
            articles: batch.articles.into_iter().map(write::prepare).collect(),
            skipped: batch.skipped,
        }
    }

    /// [`Store::ingest_many`] for batches already prepared
    /// ([`Store::prepare`]): one transaction, all or nothing, one summary
    /// per batch (with its skipped inputs), in order.
    pub fn ingest_prepared(&self, batches: Vec<PreparedBatch>) -> Result<Vec<IngestSummary>> {
        let mut skipped = Vec::with_capacity(batches.len());
        let mut groups = Vec::with_capacity(batches.len());
        for b in batches {
            groups.push(b.articles);
            skipped.push(b.skipped);
        }
        let mut summaries = {
            let mut w = self.writer.lock().unwrap_or_else(|p| p.into_inner());
            w.ingest(groups)?
        };
        for (s, mut sk) in summaries.iter_mut().zip(skipped) {
            sk.append(&mut s.skipped);
            s.skipped = sk;
        }
        Ok(summaries)
    }

    /// A new read-only connection.
    fn open_reader(&self) -> Result<Connection> {
        let c = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        c.busy_timeout(std::time::Duration::from_secs(10))?;
        c.pragma_update(None, "cache_size", -(self.options.reader_cache_kib as i64))?;
        Ok(c)
    }

    /// Run `f` on a pooled read-only connection.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match conn {
            Some(c) => c,
            None => self.open_reader()?,
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if pool.len() < MAX_IDLE_READERS {
            pool.push(conn);
        }
        out
    }

    /// A page of stories, most recently updated first (the story that
    /// received the latest stored article leads).
    pub fn stories(&self, page: Page) -> Result<StoryPage> {
        if page.page == 0 || page.per_page == 0 || page.per_page > Page::MAX_PER_PAGE {
            return Err(Error::Invalid(format!(
                "page must be at least 1 and per_page between 1 and {}",
                Page::MAX_PER_PAGE
            )));
        }
        self.read(|c| read::stories(c, page))
    }

    /// The story object of the JSON contract, as JSON text (what the HTTP
    /// API serves, without re-encoding), or `None` for an unknown id.
    /// Served as last built: see [`Store::story_json_state`].
    pub fn story_json(&self, id: &str) -> Result<Option<String>> {
        Ok(self.story_json_state(id)?.map(|(json, _)| json))
    }

    /// [`Store::story_json`] and whether the story is *stale*: articles
    /// joined it since it was last built (they are stored and counted in
    /// the story list; its brief, facts and member list do not show them
    /// yet, see [`Store::rebuild_dirty`]).
    pub fn story_json_state(&self, id: &str) -> Result<Option<(String, bool)>> {
        let Some(n) = story_number(id) else {
            return Ok(None);
        };
        self.read(|c| read::story_json(c, n))
    }

    /// The story object of the JSON contract, or `None` for an unknown id.
    pub fn story(&self, id: &str) -> Result<Option<crosscheck_model::Story>> {
        match self.story_json(id)? {
            None => Ok(None),
            Some(j) => serde_json::from_str(&j)
                .map(Some)
                .map_err(|e| Error::Corrupt(format!("story {id}: {e}"))),
        }
    }

    /// Metadata of a story's articles, in the story's reading order.
    pub fn story_articles(&self, id: &str) -> Result<Option<Vec<ArticleMeta>>> {
        let Some(story) = self.story(id)? else {
            return Ok(None);
        };
        self.read(|c| read::article_metas(c, &story.articles))
            .map(Some)
    }

    /// A stored article, or `None` for an unknown id.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.read(|c| read::article(c, id))
    }

    /// Full-text search over articles (title and text) and stories (title
    /// and brief), best matches first, with optional source and date
    /// filters.
    ///
    /// Every word of `query` must occur (after Porter stemming); words are
    /// matched as plain terms, so FTS5 operators in the query have no
    /// effect and any input is a valid query. A query with no words returns
    /// nothing.
    ///
    /// **Why SQLite FTS5 and not tantivy.** The index lives in the same
    /// database file and is written in the same transaction as the articles,
    /// so crash consistency comes for free: there is no second index
    /// directory to commit, repair or re-sync after a `kill -9`, and a
    /// search can never return an article that is not stored (or miss one
    /// that is). FTS5 ranks with BM25, stems with Porter, makes snippets,
    /// and answers in well under a millisecond at the scale of one
    /// newsroom's archive (10⁵–10⁶ articles). tantivy is faster at bulk
    /// indexing and offers richer analyzers and faceting, but it would mean
    /// a second storage engine with its own commit protocol and a bigger
    /// dependency; worth revisiting past tens of millions of articles.
    pub fn search(&self, query: &str, filters: &SearchFilters) -> Result<SearchResults> {
        let limit = filters.limit.unwrap_or(20).clamp(1, 100);
        let from =
            match &filters.from {
                Some(s) => Some(read::date_bound(s, false).ok_or_else(|| {
                    Error::Invalid(format!("`from` is not an ISO 8601 date: {s:?}"))
                })?),
                None => None,
            };
        let to =
            match &filters.to {
                Some(s) => Some(read::date_bound(s, true).ok_or_else(|| {
                    Error::Invalid(format!("`to` is not an ISO 8601 date: {s:?}"))
                })?),
                None => None,
            };
        let fts = read::fts_query(query);
        self.read(|c| {
            read::search(
                c,
                query,
                fts.as_deref(),
                filters.source.as_deref(),
                from,
                to,
                limit,
            )
        })
    }

    /// Sizes of the in-memory clustering state (vocabulary, resident and
    /// cold stories, centroid and posting entries, estimated bytes): what
    /// the store holds in memory besides SQLite's page caches. Waits for
    /// the write lock.
    pub fn index_stats(&self) -> IndexStats {
        self.writer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .index_stats()
    }

    /// How many articles, stories and copies the store holds.
    pub fn stats(&self) -> Result<Stats> {
        self.read(read::stats)
    }

    /// Check the database: SQLite's integrity check, the full-text index
    /// against its content, and the store's own invariants (every article in
    /// an existing story, every story's counts and member list matching
    /// its articles). Returns the problems found (empty when consistent).
    pub fn check(&self) -> Result<Vec<String>> {
        // On a new connection: FTS5's integrity check can use the index
        // structure a pooled connection cached before the last write to a
        // table (seen with SQLite 3.54 after a write that touched only
        // `stories_fts`) and report a checksum mismatch that a fresh
        // connection does not.
        read::check(&self.open_reader()?)
    }
}

/// The number in `story-N`.
pub fn story_number(id: &str) -> Option<i64> {
    let n = id.strip_prefix("story-")?;
    if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

#[cfg(test)]
mod tests;
