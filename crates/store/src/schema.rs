//! The database schema and connection settings.

use crosscheck_cluster::Column;
use rusqlite::Connection;

/// Schema version kept in `PRAGMA user_version`.
pub(crate) const SCHEMA_VERSION: i64 = 4;

/// Tables, indexes and full-text indexes (idempotent).
///
/// * `articles` — one row per stored article, `seq` in ingest order. Holds
///   the cleaned article of the JSON contract, its story, its link to the
///   article it copies (`dup_root` is the first article of its duplicate
///   group, `dup_kind`/`dup_similarity`/`dup_original` describe the link),
///   the hashes used for idempotency (`content_hash`, of the input) and
///   exact-copy detection (`norm_hash`), its MinHash signature, its
///   clustering vector, and `column_key`, the
///   [`Column::heading`](crosscheck_cluster::Column::heading) of its outlet
///   and title (version 4), so that an instalment of a standing column does
///   not join a story holding another instalment of it.
/// * `stories` — one row per story (`story-{seq}`): its list columns.
///   `dirty` is 0 when its story object is up to date, otherwise the `seq`
///   of its latest article when it became dirty (the story's list columns
///   are always current; its brief and facts are rebuilt later, see
///   `Store::rebuild_dirty`). Its `json` column is no longer used (empty
///   since version 3).
/// * `story_json` — the story object of the JSON contract, as last built,
///   one row per story. Kept apart from `stories` (version 3) because a
///   story's list columns change at every commit that adds to it, and
///   SQLite rewrites a whole row, with its overflow pages, to change one
///   column: with the JSON (15 kB on average at 100,000 synthetic
///   articles) in the row, each commit copied every touched story's
///   object.
/// * `story_merges` — stories merged into another by the merge stage
///   (version 4): the number that was merged and the story it is now part
///   of, so that an old story id still finds its articles.
/// * `terms` — vocabulary and document frequencies for TF-IDF.
/// * `story_state` — checkpoints of stories' clustering state (centroid,
///   its squared norm, publication span, lookup terms) as of article
///   `upto`; `cold = 1` when the story is not in memory (see
///   `index::StoryIndex`). `cold_postings` — per lookup term, the stories
///   that were cold when it was written (a blob of little-endian `i64`
///   story numbers, sorted), for candidate lookup.
/// * `articles_fts` (external content over `articles`) and `stories_fts`
///   (title and brief text) — FTS5 indexes.
pub(crate) const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS articles (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL,
    norm_hash      INTEGER NOT NULL,
    source         TEXT,
    title          TEXT,
    url            TEXT,
    published      TEXT,
    published_ts   INTEGER,
    text           TEXT NOT NULL,
    removed        TEXT NOT NULL,
    story          INTEGER NOT NULL,
    in_centroid    INTEGER NOT NULL,
    dup_root       INTEGER,
    dup_kind       TEXT,
    dup_similarity REAL,
    dup_original   TEXT,
    shingles       INTEGER NOT NULL,
    signature      BLOB NOT NULL,
    vector         BLOB NOT NULL,
    column_key     TEXT
);
CREATE INDEX IF NOT EXISTS articles_norm ON articles(norm_hash);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, published_ts);
CREATE TABLE IF NOT EXISTS stories (
    seq              INTEGER PRIMARY KEY,
    title            TEXT NOT NULL,
    articles         INTEGER NOT NULL,
    sources          INTEGER NOT NULL,
    independent      INTEGER NOT NULL,
    first_published  TEXT,
    last_published   TEXT,
    updated          INTEGER NOT NULL,
    json             TEXT NOT NULL,
    dirty            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS stories_updated ON stories(updated);
CREATE TABLE IF NOT EXISTS story_json (
    story  INTEGER PRIMARY KEY,
    json   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_merges (
    story       INTEGER PRIMARY KEY,
    into_story  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS terms (
    id    INTEGER PRIMARY KEY,
    term  TEXT NOT NULL UNIQUE,
    df    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS story_state (
    story     INTEGER PRIMARY KEY,
    upto      INTEGER NOT NULL,
    cold      INTEGER NOT NULL,
    first     INTEGER,
    last      INTEGER,
    norm_sq   REAL NOT NULL,
    centroid  BLOB NOT NULL,
    indexed   BLOB NOT NULL,
    members   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS cold_postings (
    term     INTEGER PRIMARY KEY,
    stories  BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='porter unicode61'
);
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
    title, brief, tokenize='porter unicode61'
);
"#;

/// Upgrades of databases written by earlier versions, then indexes that
/// depend on them (idempotent; run after [`SCHEMA`]).
pub(crate) fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    // Version 1 had no `dirty` column: every story was built at commit.
    let has_dirty: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('stories') WHERE name = 'dirty'",
        [],
        |r| r.get(0),
    )?;
    if has_dirty == 0 {
        conn.execute_batch("ALTER TABLE stories ADD COLUMN dirty INTEGER NOT NULL DEFAULT 0")?;
    }
    // Checkpoints written before stories kept their member count cannot be
    // scored by average link; they are only a cache of what the articles
    // give, so they are dropped (the table is re-created from `SCHEMA`) and
    // the index is rebuilt from the articles.
    let has_members: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('story_state') WHERE name = 'members'",
        [],
        |r| r.get(0),
    )?;
    if has_members == 0 {
        conn.execute_batch("DROP TABLE story_state; DELETE FROM cold_postings;")?;
        conn.execute_batch(SCHEMA)?;
    }
    // Up to version 2 the story object was kept in `stories.json`.
    conn.execute_batch(
        "INSERT OR REPLACE INTO story_json(story, json) \
             SELECT seq, json FROM stories WHERE json != '';
         UPDATE stories SET json = '' WHERE json != '';",
    )?;
    // Version 4 keeps each article's column heading; older rows get it
    // from their outlet and title.
    let has_column: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'column_key'",
        [],
        |r| r.get(0),
    )?;
    if has_column == 0 {
        // One transaction: row by row, every update would be its own
        // synchronous commit.
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch("ALTER TABLE articles ADD COLUMN column_key TEXT")?;
        let rows: Vec<(i64, String, String)> = tx
            .prepare(
                "SELECT seq, source, title FROM articles \
                 WHERE source IS NOT NULL AND title IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        {
            let mut update = tx.prepare("UPDATE articles SET column_key = ?1 WHERE seq = ?2")?;
            for (seq, source, title) in rows {
                if let Some(h) = Column::heading(Some(&source), Some(&title)) {
                    update.execute(rusqlite::params![h, seq])?;
                }
            }
        }
        tx.commit()?;
    }
    // Version 1 indexed articles by (story, seq) only; the list columns of
    // a story are now recomputed at every commit that touches it, from
    // this covering index, without reading the (large) article rows.
    conn.execute_batch(
        "CREATE INDEX IF NOT EXISTS stories_dirty ON stories(dirty, seq) WHERE dirty > 0;
         CREATE INDEX IF NOT EXISTS articles_story_meta
             ON articles(story, seq, source, published, dup_root);
         DROP INDEX IF EXISTS articles_story;
         CREATE INDEX IF NOT EXISTS articles_column
             ON articles(column_key, story, published_ts) WHERE column_key IS NOT NULL;
         CREATE INDEX IF NOT EXISTS articles_story_column
             ON articles(story, column_key, published_ts) WHERE column_key IS NOT NULL;",
    )
}

/// Connection settings: WAL journal (readers never block the writer),
/// `synchronous=FULL` (a commit is on disk before it is reported, so
/// neither a killed process nor a power cut loses a reported article),
/// a busy timeout instead of immediate `SQLITE_BUSY` errors.
/// How long a connection waits for a lock before `SQLITE_BUSY`.
pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

pub(crate) fn configure(conn: &Connection, cache_kib: usize) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -(cache_kib as i64))?;
    Ok(())
}
