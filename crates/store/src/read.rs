//! Queries: listings, single items, search and consistency checks.

use std::collections::BTreeSet;

use crosscheck_model::{Article, Removed};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{
    ArticleHit, ArticleMeta, Error, Page, Result, SearchResults, Stats, StoredArticle, StoryHit,
    StoryPage, StorySummary,
};

/// Marks the start of a matched word in a search snippet (U+0002).
pub const MARK_START: char = '\u{2}';
/// Marks the end of a matched word in a search snippet (U+0003).
pub const MARK_END: char = '\u{3}';

/// Most words of a search query used.
const MAX_QUERY_WORDS: usize = 32;

pub(crate) fn stories(c: &Connection, page: Page) -> Result<StoryPage> {
    let total: i64 = c.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
    let mut stmt = c.prepare_cached(
        "SELECT seq, title, articles, sources, independent, first_published, last_published \
         FROM stories ORDER BY updated DESC, seq DESC LIMIT ?1 OFFSET ?2",
    )?;
    let offset = (page.page - 1).saturating_mul(page.per_page);
    let rows = stmt.query_map(params![page.per_page as i64, offset as i64], |r| {
        Ok(StorySummary {
            id: format!("story-{}", r.get::<_, i64>(0)?),
            title: r.get(1)?,
            articles: r.get::<_, i64>(2)? as usize,
            sources: r.get::<_, i64>(3)? as usize,
            independent_sources: r.get::<_, i64>(4)? as usize,
            first_published: r.get(5)?,
            last_published: r.get(6)?,
        })
    })?;
    Ok(StoryPage {
        page: page.page,
        per_page: page.per_page,
        total: total as usize,
        stories: rows.collect::<rusqlite::Result<_>>()?,
    })
}

pub(crate) fn story_json(c: &Connection, n: i64) -> Result<Option<(String, bool)>> {
    // A story merged into another is found under the one it joined.
    Ok(c.prepare_cached(
        "SELECT j.json, s.dirty > 0 FROM stories s JOIN story_json j ON j.story = s.seq \
             WHERE s.seq = coalesce((SELECT into_story FROM story_merges WHERE story = ?1), ?1)",
    )?
    .query_row([n], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()?)
}

pub(crate) fn article(c: &Connection, id: &str) -> Result<Option<StoredArticle>> {
    let row = c
        .prepare_cached(
            "SELECT id, source, title, url, published, text, removed, story, dup_root, seq \
             FROM articles WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                Article {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    title: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                    text: r.get(5)?,
                    removed: Vec::new(),
                },
                r.get::<_, String>(6)?,
                r.get::<_, i64>(7)?,
                r.get::<_, Option<i64>>(8)?,
            ))
        })
        .optional()?;
    let Some((mut article, removed, story, root)) = row else {
        return Ok(None);
    };
    article.removed = serde_json::from_str::<Vec<Removed>>(&removed)
        .map_err(|e| Error::Corrupt(format!("article {id}: removed lines: {e}")))?;
    let mut copies = Vec::new();
    if let Some(root) = root {
        let mut stmt = c.prepare_cached(
            "SELECT id FROM articles WHERE (dup_root = ?1 OR seq = ?1) AND id != ?2 ORDER BY id",
        )?;
        let rows = stmt.query_map(params![root, id], |r| r.get::<_, String>(0))?;
        copies = rows.collect::<rusqlite::Result<_>>()?;
    }
    Ok(Some(StoredArticle {
        article,
        story: format!("story-{story}"),
        copies,
    }))
}

pub(crate) fn article_metas(c: &Connection, ids: &[String]) -> Result<Vec<ArticleMeta>> {
    let mut stmt =
        c.prepare_cached("SELECT id, source, title, url, published FROM articles WHERE id = ?1")?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(m) = stmt
            .query_row([id], |r| {
                Ok(ArticleMeta {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    title: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                })
            })
            .optional()?
        {
            out.push(m);
        }
    }
    Ok(out)
}

/// The FTS5 query for free text: every word (alphanumeric run) quoted, so
/// operators and syntax in the input are plain words; `None` when there
/// are no words.
pub(crate) fn fts_query(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_QUERY_WORDS)
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A date filter bound in Unix seconds: the start of `s`, or for an end
/// bound the first second after it (the day after a bare date).
pub(crate) fn date_bound(s: &str, end: bool) -> Option<i64> {
    let t = crosscheck_cluster::parse_iso8601(s)?;
    Some(match (end, s.trim().len() == 10) {
        (false, _) => t,
        (true, true) => t + 86_400,
        (true, false) => t + 1,
    })
}

pub(crate) fn search(
    c: &Connection,
    query: &str,
    fts: Option<&str>,
    source: Option<&str>,
    from: Option<i64>,
    to: Option<i64>,
    limit: usize,
) -> Result<SearchResults> {
    let mut out = SearchResults {
        query: query.to_owned(),
        stories: Vec::new(),
        articles: Vec::new(),
    };
    let Some(fts) = fts else {
        return Ok(out);
    };
    let mut stmt = c.prepare_cached(
        "SELECT a.id, a.story, a.title, a.source, a.published, \
                snippet(articles_fts, -1, char(2), char(3), '…', 16) \
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid \
         WHERE articles_fts MATCH ?1 \
           AND (?2 IS NULL OR a.source = ?2) \
           AND (?3 IS NULL OR a.published_ts >= ?3) \
           AND (?4 IS NULL OR a.published_ts < ?4) \
         ORDER BY bm25(articles_fts, 2.0, 1.0), a.seq LIMIT ?5",
    )?;
    let rows = stmt.query_map(params![fts, source, from, to, limit as i64], |r| {
        Ok(ArticleHit {
            id: r.get(0)?,
            story: format!("story-{}", r.get::<_, i64>(1)?),
            title: r.get(2)?,
            source: r.get(3)?,
            published: r.get(4)?,
            snippet: r.get(5)?,
        })
    })?;
    out.articles = rows.collect::<rusqlite::Result<_>>()?;
    let mut stmt = c.prepare_cached(
        "SELECT s.seq, s.title, s.articles, snippet(stories_fts, -1, char(2), char(3), '…', 16) \
         FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid \
         WHERE stories_fts MATCH ?1 \
           AND ((?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL) OR EXISTS ( \
                SELECT 1 FROM articles a WHERE a.story = s.seq \
                  AND (?2 IS NULL OR a.source = ?2) \
                  AND (?3 IS NULL OR a.published_ts >= ?3) \
                  AND (?4 IS NULL OR a.published_ts < ?4))) \
         ORDER BY bm25(stories_fts, 2.0, 1.0), s.seq LIMIT ?5",
    )?;
    let rows = stmt.query_map(params![fts, source, from, to, limit as i64], |r| {
        Ok(StoryHit {
            id: format!("story-{}", r.get::<_, i64>(0)?),
            title: r.get(1)?,
            articles: r.get::<_, i64>(2)? as usize,
            snippet: r.get(3)?,
        })
    })?;
    out.stories = rows.collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

pub(crate) fn stats(c: &Connection) -> Result<Stats> {
    let (articles, copies): (i64, i64) =
        c.query_row("SELECT count(*), count(dup_root) FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let stories: i64 = c.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
    Ok(Stats {
        articles: articles as usize,
        stories: stories as usize,
        copies: copies as usize,
    })
}

pub(crate) fn check(c: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if ok != "ok" {
        problems.push(format!("integrity_check: {ok}"));
    }
    let orphans: i64 = c.query_row(
        "SELECT count(*) FROM articles WHERE story NOT IN (SELECT seq FROM stories)",
        [],
        |r| r.get(0),
    )?;
    if orphans > 0 {
        problems.push(format!("{orphans} article(s) in a missing story"));
    }
    let fts: i64 = c.query_row("SELECT count(*) FROM articles_fts_docsize", [], |r| {
        r.get(0)
    })?;
    let articles: i64 = c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    if fts != articles {
        problems.push(format!("{articles} articles but {fts} indexed for search"));
    }
    let mut stmt = c.prepare(
        "SELECT s.seq, s.articles, coalesce(j.json, ''), s.dirty \
         FROM stories s LEFT JOIN story_json j ON j.story = s.seq ORDER BY s.seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut member_stmt = c.prepare("SELECT id FROM articles WHERE story = ?1")?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let n: i64 = r.get(1)?;
        let json: String = r.get(2)?;
        let dirty: i64 = r.get(3)?;
        let members: BTreeSet<String> = member_stmt
            .query_map([seq], |x| x.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if members.len() as i64 != n || n == 0 {
            problems.push(format!(
                "story-{seq}: {n} articles counted, {} stored",
                members.len()
            ));
        }
        match serde_json::from_str::<crosscheck_model::Story>(&json) {
            Ok(story) => {
                let listed: BTreeSet<String> = story.articles.into_iter().collect();
                // A dirty story serves its last built JSON, which lists the
                // members it had then (all of them still stored).
                if (dirty == 0 && listed != members) || (dirty > 0 && !listed.is_subset(&members)) {
                    problems.push(format!("story-{seq}: member list differs from articles"));
                }
            }
            Err(e) => problems.push(format!("story-{seq}: bad story JSON: {e}")),
        }
    }
    problems.extend(crate::index::check(c)?);
    Ok(problems)
}
