use super::*;
use crosscheck_model::{Body, RawArticle};

fn demo_batch() -> Batch {
    let ing = Ingestor::new();
    let mut batch = Batch::default();
    for (name, bytes) in crosscheck::demo::files() {
        let b = ing.read_bytes(name, bytes);
        batch.articles.extend(b.articles);
        batch.skipped.extend(b.skipped);
    }
    batch
}

fn raw(id: &str, source: &str, published: &str, text: &str) -> RawArticle {
    RawArticle {
        id: id.into(),
        origin: format!("test:{id}"),
        source: Some(source.into()),
        title: None,
        url: None,
        published: Some(published.into()),
        body: Body::Text(text.into()),
    }
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("t.db")).unwrap();
    (dir, store)
}

fn all_story_json(store: &Store) -> Vec<String> {
    let page = store.stories(Page::first(Page::MAX_PER_PAGE)).unwrap();
    page.stories
        .iter()
        .map(|s| store.story_json(&s.id).unwrap().unwrap())
        .collect()
}

#[test]
fn reingest_is_idempotent() {
    let (_d, store) = temp_store();
    let first = store.ingest(demo_batch()).unwrap();
    assert!(first.stored.len() >= 14, "{first:?}");
    let before = (store.stats().unwrap(), all_story_json(&store));
    let again = store.ingest(demo_batch()).unwrap();
    assert!(again.stored.is_empty(), "{again:?}");
    assert_eq!(again.unchanged, first.stored);
    assert!(again.stories.is_empty());
    assert_eq!((store.stats().unwrap(), all_story_json(&store)), before);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn reopened_store_continues_identically() {
    // Ingesting in two sessions gives the same database content as one.
    let batch = demo_batch();
    let (a, b) = batch.articles.split_at(7);
    let (_d1, one) = temp_store();
    one.ingest(batch.clone()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    Store::open(&path)
        .unwrap()
        .ingest(Batch {
            articles: a.to_vec(),
            skipped: vec![],
        })
        .unwrap();
    let two = Store::open(&path).unwrap();
    two.ingest(Batch {
        articles: b.to_vec(),
        skipped: vec![],
    })
    .unwrap();
    assert_eq!(all_story_json(&one), all_story_json(&two));
}

#[test]
fn changed_content_under_a_stored_id_is_refused() {
    let (_d, store) = temp_store();
    let text = "Harbour workers in Port Ellery walked out on Tuesday over pay. The union said 400 members joined the strike at the container terminal.";
    store
        .ingest(Batch {
            articles: vec![raw("x", "Wire", "2026-01-02", text)],
            skipped: vec![],
        })
        .unwrap();
    let s = store
        .ingest(Batch {
            articles: vec![raw(
                "x",
                "Wire",
                "2026-01-02",
                "Something else entirely happened in a different town today, officials said.",
            )],
            skipped: vec![],
        })
        .unwrap();
    assert!(s.stored.is_empty());
    assert_eq!(s.skipped.len(), 1);
    assert!(s.skipped[0].reason.contains("different content"), "{s:?}");
    assert_eq!(
        store.article("x").unwrap().unwrap().article.text.len(),
        text.len()
    );
}

#[test]
fn stories_grow_incrementally_and_keep_their_ids() {
    let (_d, store) = temp_store();
    let batch = demo_batch();
    let mut story_of_first: Option<String> = None;
    let mut sizes = Vec::new();
    for raw in batch.articles.iter().cloned() {
        let id = raw.id.clone();
        let s = store
            .ingest(Batch {
                articles: vec![raw],
                skipped: vec![],
            })
            .unwrap();
        assert_eq!(s.stored, vec![id.clone()]);
        assert_eq!(s.stories.len(), 1, "one story touched per article");
        if id == "meridian/plant-blast" {
            story_of_first = Some(s.stories[0].clone());
        }
        if let Some(st) = &story_of_first {
            let story = store.story(st).unwrap().unwrap();
            sizes.push(story.articles.len());
            // The story's brief cites only its own articles.
            for b in &story.brief {
                for c in &b.citations {
                    assert!(story.articles.contains(&c.article));
                }
            }
        }
    }
    let st = story_of_first.expect("demo has meridian/plant-blast");
    assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
    let story = store.story(&st).unwrap().unwrap();
    assert!(story.articles.len() >= 4, "{:?}", story.articles);
    // The reprint is a copy in the wire story's duplicate group.
    let reprint = store
        .article("harbour-herald/plant-blast-reprint")
        .unwrap()
        .unwrap();
    assert_eq!(reprint.story, st);
    assert_eq!(reprint.copies, vec!["meridian/plant-blast".to_string()]);
    // The story list leads with the most recently updated story.
    let page = store.stories(Page::first(50)).unwrap();
    let last = &batch.articles.last().unwrap().id;
    assert_eq!(
        page.stories[0].id,
        store.article(last).unwrap().unwrap().story
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn incremental_stories_agree_with_the_batch_pipeline() {
    // Same partition of the demo corpus as `crosscheck analyze`.
    let (_d, store) = temp_store();
    let batch = demo_batch();
    store.ingest(batch.clone()).unwrap();
    assert_eq!(
        story_sets(&store),
        batch_story_sets(&crosscheck::Pipeline::default(), batch)
    );
}

use std::collections::BTreeSet;

#[test]
fn search_with_source_and_date_filters() {
    let (_d, store) = temp_store();
    let articles = vec![
        raw("a1", "Coast Post", "2026-02-01T08:00:00Z", "Dockers at the Velmar terminal began a strike over pay on Sunday. The union said the stoppage would last three days."),
        raw("a2", "Inland Times", "2026-02-03", "The Velmar strike entered its third day as talks with the port authority stalled. Ships queued outside the harbour."),
        raw("b1", "Inland Times", "2026-02-03", "A new library opened in Osterfeld with twelve thousand books and a reading garden for children."),
    ];
    store
        .ingest(Batch {
            articles,
            skipped: vec![],
        })
        .unwrap();
    let ids = |r: &SearchResults| r.articles.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
    let all = store
        .search("Velmar strike", &SearchFilters::default())
        .unwrap();
    let mut found = ids(&all);
    found.sort();
    assert_eq!(found, vec!["a1", "a2"]);
    assert!(all.articles[0].snippet.contains(MARK_START));
    assert!(!all.stories.is_empty());
    // Stemming: "strikes" finds "strike".
    assert_eq!(
        ids(&store.search("strikes", &SearchFilters::default()).unwrap()).len(),
        2
    );
    let by_source = SearchFilters {
        source: Some("Inland Times".into()),
        ..Default::default()
    };
    assert_eq!(
        ids(&store.search("Velmar", &by_source).unwrap()),
        vec!["a2"]
    );
    let by_date = SearchFilters {
        to: Some("2026-02-01".into()),
        ..Default::default()
    };
    assert_eq!(ids(&store.search("Velmar", &by_date).unwrap()), vec!["a1"]);
    let from = SearchFilters {
        from: Some("2026-02-02".into()),
        ..Default::default()
    };
    assert_eq!(ids(&store.search("Velmar", &from).unwrap()), vec!["a2"]);
    // FTS syntax in the query is harmless.
    assert!(store
        .search("\"unbalanced AND (", &SearchFilters::default())
        .is_ok());
    assert!(store
        .search("  ", &SearchFilters::default())
        .unwrap()
        .articles
        .is_empty());
    let bad = SearchFilters {
        from: Some("yesterday".into()),
        ..Default::default()
    };
    assert!(matches!(store.search("x", &bad), Err(Error::Invalid(_))));
}

#[test]
fn story_numbers_parse_strictly() {
    assert_eq!(story_number("story-12"), Some(12));
    assert_eq!(story_number("story-0"), None);
    assert_eq!(story_number("story-012"), None);
    assert_eq!(story_number("story-"), None);
    assert_eq!(story_number("12"), None);
}

#[test]
fn bad_pages_are_refused() {
    let (_d, store) = temp_store();
    assert!(store
        .stories(Page {
            page: 0,
            per_page: 10
        })
        .is_err());
    assert!(store
        .stories(Page {
            page: 1,
            per_page: 0
        })
        .is_err());
    assert!(store
        .stories(Page {
            page: 1,
            per_page: 10_000
        })
        .is_err());
    assert_eq!(store.stories(Page::first(10)).unwrap().total, 0);
}

#[test]
fn stories_are_rebuilt_lazily_after_a_group_commit() {
    // `ingest_many` commits articles and marks their stories dirty; the
    // stories serve their last built object (stale) until rebuilt, and a
    // rebuild gives exactly what `ingest` builds at once.
    let (_d1, eager) = temp_store();
    eager.ingest(demo_batch()).unwrap();
    assert_eq!(eager.dirty_stories().unwrap(), 0);

    let (_d2, lazy) = temp_store();
    let batch = demo_batch();
    let n = batch.articles.len();
    let summaries = lazy.ingest_many(vec![batch]).unwrap();
    assert_eq!(summaries[0].stored.len(), n);
    let page = lazy.stories(Page::first(Page::MAX_PER_PAGE)).unwrap();
    assert_eq!(lazy.dirty_stories().unwrap(), page.total);
    // The list is current at once (same as the eager store's but for the
    // titles, which come with the brief) ...
    let untitled = |p: StoryPage| -> Vec<StorySummary> {
        p.stories
            .into_iter()
            .map(|s| StorySummary {
                title: String::new(),
                ..s
            })
            .collect()
    };
    let eager_page = eager.stories(Page::first(Page::MAX_PER_PAGE)).unwrap();
    assert_eq!(untitled(page.clone()), untitled(eager_page.clone()));
    // ... each story is served, stale, and the database is consistent.
    for s in &page.stories {
        let (json, stale) = lazy.story_json_state(&s.id).unwrap().unwrap();
        assert!(stale);
        let story: crosscheck_model::Story = serde_json::from_str(&json).unwrap();
        assert_eq!(story.id, s.id);
        assert!(!story.articles.is_empty());
    }
    assert_eq!(lazy.check().unwrap(), Vec::<String>::new());

    assert_eq!(lazy.rebuild_dirty(1).unwrap(), 1);
    assert_eq!(lazy.dirty_stories().unwrap(), page.total - 1);
    lazy.rebuild_all().unwrap();
    assert_eq!(lazy.rebuild_dirty(10).unwrap(), 0);
    for s in &page.stories {
        assert!(!lazy.story_json_state(&s.id).unwrap().unwrap().1);
    }
    assert_eq!(all_story_json(&lazy), all_story_json(&eager));
    assert_eq!(
        lazy.stories(Page::first(Page::MAX_PER_PAGE)).unwrap(),
        eager_page
    );
    assert_eq!(
        lazy.search("explosion", &SearchFilters::default()).unwrap(),
        eager
            .search("explosion", &SearchFilters::default())
            .unwrap()
    );
    assert_eq!(lazy.check().unwrap(), Vec::<String>::new());
}

#[test]
fn version_1_databases_are_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let store = Store::open(&path).unwrap();
        store.ingest(demo_batch()).unwrap();
    }
    {
        // What version 1 wrote: no `dirty` column.
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP INDEX stories_dirty; ALTER TABLE stories DROP COLUMN dirty; \
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.dirty_stories().unwrap(), 0);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let again = store.ingest(demo_batch()).unwrap();
    assert!(again.stored.is_empty());
}

#[test]
fn checkpoints_without_member_counts_are_rebuilt_from_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old-checkpoints.db");
    let tiny = StoreOptions {
        max_index_bytes: 1,
        ..StoreOptions::default()
    };
    let before = {
        let store = Store::open_with(&path, tiny.clone()).unwrap();
        store.ingest(demo_batch()).unwrap();
        all_story_json(&store)
    };
    {
        // What the first checkpointing build wrote: no `members` column.
        let c = Connection::open(&path).unwrap();
        let cold: i64 = c
            .query_row("SELECT count(*) FROM story_state WHERE cold = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(cold > 0, "the tiny budget should have checkpointed stories");
        c.execute_batch("ALTER TABLE story_state DROP COLUMN members;")
            .unwrap();
    }
    let store = Store::open_with(&path, tiny).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    assert_eq!(all_story_json(&store), before);
    let again = store.ingest(demo_batch()).unwrap();
    assert!(again.stored.is_empty());
}

#[test]
fn prepared_batches_store_what_ingest_many_stores() {
    // Preparing on the caller's threads and storing later gives the same
    // summaries and the same database as `ingest_many`.
    let (_d1, direct) = temp_store();
    let (_d2, staged) = temp_store();
    let batch = demo_batch();
    let (a, b) = batch.articles.split_at(9);
    let halves = || {
        vec![
            Batch {
                articles: a.to_vec(),
                skipped: vec![Skipped::new("x", "unreadable")],
            },
            Batch {
                articles: b.to_vec(),
                skipped: Vec::new(),
            },
        ]
    };
    let want = direct.ingest_many(halves()).unwrap();
    let prepared: Vec<PreparedBatch> = halves().into_iter().map(|h| staged.prepare(h)).collect();
    assert_eq!(prepared[0].len(), 9);
    assert!(prepared[0].heap_bytes() > prepared[0].len() * 100);
    let got = staged.ingest_prepared(prepared).unwrap();
    assert_eq!(got, want);
    assert_eq!(got[0].skipped[0].path, "x");
    direct.rebuild_all().unwrap();
    staged.rebuild_all().unwrap();
    assert_eq!(all_story_json(&staged), all_story_json(&direct));
    assert_eq!(staged.check().unwrap(), Vec::<String>::new());
}

#[test]
fn chunked_ingest_commits_every_chunk_in_order() {
    // `ingest_with` prepares the next chunk while it writes one: every
    // chunk is still reported once, in input order, after its commit.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with(
        dir.path().join("c.db"),
        StoreOptions {
            chunk_size: 4,
            ..StoreOptions::default()
        },
    )
    .unwrap();
    let batch = demo_batch();
    let ids: Vec<String> = batch.articles.iter().map(|a| a.id.clone()).collect();
    let mut calls = Vec::new();
    store
        .ingest_with(batch, &mut |s| {
            // Committed: visible on a fresh read connection.
            for id in &s.stored {
                assert!(store.article(id).unwrap().is_some(), "{id}");
            }
            calls.push(s.stored.clone());
        })
        .unwrap();
    assert_eq!(calls.len(), ids.len().div_ceil(4));
    assert!(calls.iter().all(|c| c.len() <= 4));
    assert_eq!(calls.concat(), ids);
    assert_eq!(store.dirty_stories().unwrap(), 0);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn a_story_that_grows_while_it_is_built_stays_dirty() {
    // A rebuild reads its stories on a read connection and builds them
    // without the write lock; articles committed meanwhile keep the story
    // dirty (its newer build is still written), and the next round
    // catches up.
    let (_d, store) = temp_store();
    let first = raw(
        "s1",
        "Wire",
        "2024-03-01",
        "Dock workers at the harbour went on strike on Monday over pay, the union said. \
         The port authority said talks would resume on Wednesday.",
    );
    let second = raw(
        "s2",
        "Daily",
        "2024-03-02",
        "The harbour strike by dock workers entered its second day on Tuesday over pay, \
         the union said. Talks with the port authority resume on Wednesday.",
    );
    let summary = store
        .ingest_many(vec![Batch {
            articles: vec![first],
            skipped: Vec::new(),
        }])
        .unwrap();
    let story = summary[0].stories[0].clone();
    let max_articles = store.options.max_brief_articles;
    let loaded = store
        .read(|c| write::load_dirty(c, 10, max_articles))
        .unwrap();
    assert_eq!(loaded.len(), 1);
    // Another article joins the story before the build is written.
    let joined = store
        .ingest_many(vec![Batch {
            articles: vec![second],
            skipped: Vec::new(),
        }])
        .unwrap();
    assert_eq!(joined[0].stories, vec![story.clone()], "same story");
    let built = write::build_all(loaded, &store.builder, &store.analyzer);
    store.writer.lock().unwrap().write_built(&built).unwrap();
    let (json, stale) = store.story_json_state(&story).unwrap().unwrap();
    assert!(stale, "built before s2 joined");
    let s: crosscheck_model::Story = serde_json::from_str(&json).unwrap();
    assert_eq!(s.articles, vec!["s1".to_string()]);
    // The next round builds it with both articles and clears the mark.
    assert_eq!(store.rebuild_dirty(10).unwrap(), 1);
    let (json, stale) = store.story_json_state(&story).unwrap().unwrap();
    assert!(!stale);
    let s: crosscheck_model::Story = serde_json::from_str(&json).unwrap();
    assert_eq!(s.articles.len(), 2);
    assert_eq!(store.dirty_stories().unwrap(), 0);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// Every article's story, duplicate root and centroid flag, in ingest order.
fn assignments(path: &Path) -> Vec<(String, i64, Option<i64>, bool)> {
    let c = Connection::open(path).unwrap();
    let mut stmt = c
        .prepare("SELECT id, story, dup_root, in_centroid FROM articles ORDER BY seq")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_capped_index_assigns_every_article_as_an_uncapped_one() {
    // The same synthetic stream (with exact copies of articles stored long
    // before, so a copy joins a story that left memory) into a store that
    // keeps every story in memory and one that keeps ~6 kB of them (a few
    // stories), reopened
    // half-way (its cold stories then come from their checkpoints): the
    // same story, duplicate group and centroid membership for every
    // article.
    let dir = tempfile::tempdir().unwrap();
    // Articles of 50 topics, each with its own invented names (so each
    // topic makes a story of its own), plus names drawn at random.
    let topical = |i: usize| {
        let mut rng = synth::Rng::new(i as u64);
        let t = rng.below(50);
        let mut trng = synth::Rng::new(1_000 + t as u64);
        let names: Vec<String> = (0..8).map(|_| synth::name(&mut trng)).collect();
        let text: Vec<String> = (0..8)
            .map(|_| {
                format!(
                    "{} and {} met {} near {} after {} left.",
                    names[rng.below(8)],
                    names[rng.below(8)],
                    names[rng.below(8)],
                    synth::name(&mut rng),
                    synth::name(&mut rng)
                )
            })
            .collect();
        raw(
            &format!("a{i}"),
            &format!("Outlet {}", rng.below(5)),
            &format!("2031-{:02}-{:02}", 1 + t % 12, 1 + rng.below(28)),
            &text.join(" "),
        )
    };
    let stream: Vec<RawArticle> = (0..600)
        .map(|i| {
            if i % 25 == 24 && i >= 250 {
                let mut copy = topical(i - 200);
                copy.id = format!("copy-{i}");
                copy
            } else {
                topical(i)
            }
        })
        .collect();
    let open = |name: &str, cap: usize| {
        Store::open_with(
            dir.path().join(name),
            StoreOptions {
                max_index_bytes: cap,
                ..StoreOptions::default()
            },
        )
        .unwrap()
    };
    let feed = |store: &Store, part: &[RawArticle]| {
        for chunk in part.chunks(20) {
            store
                .ingest_many(vec![Batch {
                    articles: chunk.to_vec(),
                    skipped: Vec::new(),
                }])
                .unwrap();
        }
    };
    let full = open("full.db", usize::MAX);
    feed(&full, &stream);
    let (a, b) = stream.split_at(300);
    let capped = open("capped.db", 6_000);
    feed(&capped, a);
    let before = capped.index_stats();
    drop(capped);
    let capped = open("capped.db", 6_000);
    let reopened = capped.index_stats();
    assert_eq!(
        (reopened.resident_stories, reopened.cold_stories),
        (before.resident_stories, before.cold_stories)
    );
    feed(&capped, b);

    let want = assignments(&dir.path().join("full.db"));
    let got = assignments(&dir.path().join("capped.db"));
    assert_eq!(got.len(), 600);
    let agree = want.iter().zip(&got).filter(|(w, g)| w == g).count();
    assert_eq!(agree, want.len(), "{agree} of {} agree", want.len());
    let stats = capped.index_stats();
    let all = full.index_stats();
    assert!(
        all.resident_stories > 20 && all.cold_stories == 0,
        "{all:?}"
    );
    assert!(stats.resident_stories <= 8, "{stats:?}");
    assert_eq!(
        stats.resident_stories + stats.cold_stories,
        all.resident_stories
    );
    assert!(stats.evictions > 0 && stats.reloads > 0, "{stats:?}");
    assert!(got.iter().filter(|a| a.2.is_some()).count() >= 12);
    assert!(
        stats.centroid_entries < all.centroid_entries / 4,
        "{stats:?} {all:?}"
    );
    assert_eq!(capped.check().unwrap(), Vec::<String>::new());
    // `check` compares every checkpoint with its story's articles.
    drop(capped);
    let c = Connection::open(dir.path().join("capped.db")).unwrap();
    c.execute(
        "UPDATE story_state SET norm_sq = norm_sq * 1.5 \
         WHERE story = (SELECT min(story) FROM story_state)",
        [],
    )
    .unwrap();
    let capped = open("capped.db", 6_000);
    let problems = capped.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("checkpoint differs"), "{problems:?}");
}

#[test]
fn sqlite_memory_is_reported_and_cache_sizes_apply() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with(
        dir.path().join("m.db"),
        StoreOptions {
            writer_cache_kib: 1_024,
            reader_cache_kib: 512,
            ..StoreOptions::default()
        },
    )
    .unwrap();
    store.ingest(demo_batch()).unwrap();
    let m = sqlite_memory();
    assert!(m.used > 0 && m.highwater >= m.used, "{m:?}");
    let writer: i64 = store
        .writer
        .lock()
        .unwrap()
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(writer, -1_024);
    let reader: i64 = store
        .read(|c| Ok(c.query_row("PRAGMA cache_size", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(reader, -512);
}

#[test]
fn a_checkpoint_copies_the_log_when_commits_do_not() {
    let (dir, store) = temp_store();
    let wal = dir.path().join("t.db-wal");
    store.set_auto_checkpoint(false).unwrap();
    // Past SQLite's automatic threshold (1,000 pages): with it off, the
    // log keeps every page written.
    let mut next = 0;
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < 1_200 * 4096 {
        let articles = (next..next + 200)
            .map(|i| synth::article(5, 40, i))
            .collect();
        store
            .ingest(Batch {
                articles,
                skipped: vec![],
            })
            .unwrap();
        next += 200;
        assert!(next < 20_000, "the log does not grow");
    }
    let (log, done) = store.checkpoint().unwrap();
    assert!(log >= 1_000 && done == log, "{log} {done}");
    // Copied: the next commit starts the log again from its beginning.
    store
        .ingest(Batch {
            articles: vec![synth::article(5, 40, next)],
            skipped: vec![],
        })
        .unwrap();
    let (log, done) = store.checkpoint().unwrap();
    assert!(log < 200 && done == log, "{log} {done}");
    store.set_auto_checkpoint(true).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn version_2_databases_move_story_objects_to_their_own_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let before = {
        let store = Store::open(&path).unwrap();
        store.ingest(demo_batch()).unwrap();
        all_story_json(&store)
    };
    {
        // What version 2 wrote: the story object in `stories.json`.
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "UPDATE stories SET json = (SELECT json FROM story_json WHERE story = seq);
             DROP TABLE story_json; PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    assert_eq!(all_story_json(&store), before);
    let c = Connection::open(&path).unwrap();
    let left: i64 = c
        .query_row("SELECT count(*) FROM stories WHERE json != ''", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
    let again = store.ingest(demo_batch()).unwrap();
    assert!(again.stored.is_empty());
}

#[test]
fn a_checkpoint_empties_a_log_past_its_limit_once_readers_let_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let store = Store::open_with(
        &path,
        StoreOptions {
            max_log_pages: 300,
            ..Default::default()
        },
    )
    .unwrap();
    let wal = dir.path().join("t.db-wal");
    store.set_auto_checkpoint(false).unwrap();
    store.ingest(demo_batch()).unwrap();
    // A reader on an old snapshot: no checkpoint may copy past it, so the
    // log cannot restart (as under continuous reads and commits).
    let reader = Connection::open(&path).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    let mut next = 0;
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < 400 * 4096 {
        let articles = (next..next + 100)
            .map(|i| synth::article(5, 40, i))
            .collect();
        store
            .ingest(Batch {
                articles,
                skipped: vec![],
            })
            .unwrap();
        next += 100;
        assert!(next < 20_000, "the log does not grow");
    }
    let one_more = |i: usize| {
        store
            .ingest(Batch {
                articles: vec![synth::article(5, 40, i)],
                skipped: vec![],
            })
            .unwrap();
    };
    // Past the limit with the reader still there: the checkpoint marks the
    // log, the next write tries to empty it, waits for the reader, gives
    // up and leaves the log as it is.
    let (log, done) = store.checkpoint().unwrap();
    assert!(log > 300 && done < log, "{log} {done}");
    one_more(next);
    assert!(std::fs::metadata(&wal).unwrap().len() >= 400 * 4096);
    // Once it is gone, the next write after a checkpoint empties the log.
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    let (log, _) = store.checkpoint().unwrap();
    assert!(log > 300, "{log}");
    one_more(next + 1);
    // (What is in the log now is the story rebuild that `ingest` runs
    // after the write; without the emptying the file would keep its
    // length even if the log restarted.)
    let (log, _) = store.checkpoint().unwrap();
    assert!(log < 100, "{log}");
    assert!(std::fs::metadata(&wal).unwrap().len() < 100 * 4096);
    store.set_auto_checkpoint(true).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// Daily instalments of one outlet's standing forecast column.
fn forecast_instalments() -> Vec<RawArticle> {
    let text = |day: &str, extra: &str| {
        format!(
            "Low pressure over the Harrow Lakes will bring snow to the northern valleys on {day}. \
             Cold moist air behind the front will keep temperatures below freezing across the \
             Tamsin plateau. {extra}"
        )
    };
    let mut out: Vec<RawArticle> = [
        (
            "f1",
            "2031-01-05T18:00:00Z",
            "Monday",
            "Winds will ease by evening.",
        ),
        (
            "f2",
            "2031-01-06T18:30:00Z",
            "Tuesday",
            "Fog will linger in the valleys.",
        ),
        (
            "f3",
            "2031-01-06T21:30:00Z",
            "Tuesday",
            "Fog will linger in low ground.",
        ),
        (
            "f4",
            "2031-01-20T18:00:00Z",
            "Wednesday",
            "Sleet will mix with the snow.",
        ),
    ]
    .into_iter()
    .map(|(id, at, day, extra)| raw(id, "Harrow Daily Courier", at, &text(day, extra)))
    .collect();
    for a in &mut out {
        a.title = Some("NATIONAL FORECAST".into());
    }
    out
}

/// The batch pipeline's stories of `batch`, as sorted sets of article ids.
fn batch_story_sets(pipeline: &crosscheck::Pipeline, batch: Batch) -> Vec<BTreeSet<String>> {
    let report = pipeline.analyze_batch(batch, &mut crosscheck::NoProgress);
    let mut sets: Vec<BTreeSet<String>> = report
        .stories
        .iter()
        .map(|s| s.articles.iter().cloned().collect())
        .collect();
    sets.sort();
    sets
}

/// A set of article ids.
fn ids(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn story_sets(store: &Store) -> Vec<BTreeSet<String>> {
    let page = store.stories(Page::first(50)).unwrap();
    let mut sets: Vec<BTreeSet<String>> = page
        .stories
        .iter()
        .map(|s| {
            store
                .story(&s.id)
                .unwrap()
                .unwrap()
                .articles
                .into_iter()
                .collect()
        })
        .collect();
    sets.sort();
    sets
}

#[test]
fn instalments_of_a_column_open_their_own_stories_as_in_the_batch() {
    let batch = Batch {
        articles: forecast_instalments(),
        skipped: vec![],
    };
    let expected = vec![ids(&["f1"]), ids(&["f2", "f3"]), ids(&["f4"])];
    let (_d, store) = temp_store();
    store.ingest(batch.clone()).unwrap();
    assert_eq!(story_sets(&store), expected);
    assert_eq!(
        batch_story_sets(&crosscheck::Pipeline::default(), batch.clone()),
        expected
    );

    // Without the shared heading the same texts are one story.
    let (_d2, plain) = temp_store();
    let mut untitled = batch;
    for a in &mut untitled.articles {
        a.title = None;
    }
    plain.ingest(untitled).unwrap();
    assert_eq!(story_sets(&plain), vec![ids(&["f1", "f2", "f3", "f4"])]);
}

#[test]
fn version_3_databases_get_column_headings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    let mut articles = forecast_instalments();
    let later = articles.split_off(3);
    {
        let store = Store::open(&path).unwrap();
        store
            .ingest(Batch {
                articles,
                skipped: vec![],
            })
            .unwrap();
    }
    {
        // What version 3 wrote: no `column_key` column.
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP INDEX articles_column; DROP INDEX articles_story_column; \
             ALTER TABLE articles DROP COLUMN column_key; PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let c = Connection::open(&path).unwrap();
    let keys: Vec<Option<String>> = c
        .prepare("SELECT column_key FROM articles ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        keys,
        vec![Some("harrow daily courier\tnational forecast".to_string()); 3]
    );
    // The upgraded rows keep the next instalment out of their stories.
    store
        .ingest(Batch {
            articles: later,
            skipped: vec![],
        })
        .unwrap();
    assert_eq!(story_sets(&store).len(), 3);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// Reports of one invented event in different words, sharing its names:
/// alike enough to be one story, not enough to join one another at the
/// seed bar, and an unrelated report.
fn loosely_linked() -> Vec<RawArticle> {
    vec![
        raw("m1", "Coast Post", "2031-04-02T08:00:00Z",
            "Flooding closed the Brackwater bridge on Tuesday after the Lenne river rose two metres overnight. \
             Mayor Ilse Varga said the town hall would stay open as a shelter."),
        raw("m2", "Inland Times", "2031-04-02T15:00:00Z",
            "Residents of Brackwater spent the night in the town hall as the Lenne kept rising. \
             Ilse Varga asked volunteers to bring sandbags to the harbour wall."),
        raw("m3", "Valley Herald", "2031-04-03T09:00:00Z",
            "The Lenne crested at noon and the Brackwater bridge may reopen on Friday, engineers said. \
             Varga thanked the volunteers who filled sandbags through the night."),
        raw("x1", "Coast Post", "2031-04-02T10:00:00Z",
            "A new library opened in Osterfeld with twelve thousand books and a reading garden for children."),
    ]
}

/// A store whose seed bar (1.4 × 0.4) the reports of [`loosely_linked`]
/// do not reach, and whose merge bar (0.75 × 0.4) they do.
fn loose_options() -> StoreOptions {
    StoreOptions {
        cluster_threshold: 0.4,
        ..StoreOptions::default()
    }
}

#[test]
fn stories_that_grew_are_merged_as_in_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with(dir.path().join("t.db"), loose_options()).unwrap();
    let batch = Batch {
        articles: loosely_linked(),
        skipped: vec![],
    };
    let summary = store.ingest(batch.clone()).unwrap();
    // Seeded as four stories; the flood reports merged into the first.
    assert_eq!(summary.stories, vec!["story-1", "story-4"]);
    assert_eq!(
        story_sets(&store),
        vec![ids(&["m1", "m2", "m3"]), ids(&["x1"])]
    );
    // The batch pipeline at the same threshold: the same stories.
    let pipeline = crosscheck::Pipeline::builder()
        .cluster_threshold(0.4)
        .build();
    assert_eq!(batch_story_sets(&pipeline, batch), story_sets(&store));
    // A merged story's number finds the story it joined.
    for old in ["story-2", "story-3"] {
        assert_eq!(store.story(old).unwrap().unwrap().id, "story-1");
    }
    assert!(store.story("story-5").unwrap().is_none());
    assert_eq!(store.stats().unwrap().stories, 2);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn merges_survive_reopening_and_eviction() {
    let articles = loosely_linked();
    let calls = [&articles[..1], &articles[1..2], &articles[2..]];
    let batch = |a: &[RawArticle]| Batch {
        articles: a.to_vec(),
        skipped: vec![],
    };
    // One session, one call per slice.
    let d1 = tempfile::tempdir().unwrap();
    let one = Store::open_with(d1.path().join("t.db"), loose_options()).unwrap();
    for c in calls {
        one.ingest(batch(c)).unwrap();
    }
    // Reopened before every call.
    let d2 = tempfile::tempdir().unwrap();
    for c in calls {
        let s = Store::open_with(d2.path().join("t.db"), loose_options()).unwrap();
        s.ingest(batch(c)).unwrap();
    }
    let reopened = Store::open_with(d2.path().join("t.db"), loose_options()).unwrap();
    // Every story leaves memory after each call.
    let d3 = tempfile::tempdir().unwrap();
    let tiny = Store::open_with(
        d3.path().join("t.db"),
        StoreOptions {
            max_index_bytes: 1,
            ..loose_options()
        },
    )
    .unwrap();
    for c in calls {
        tiny.ingest(batch(c)).unwrap();
    }
    let want = vec![ids(&["m1", "m2", "m3"]), ids(&["x1"])];
    for store in [&one, &reopened, &tiny] {
        assert_eq!(story_sets(store), want);
        assert_eq!(store.check().unwrap(), Vec::<String>::new());
    }
    assert!(tiny.index_stats().evictions > 0);
    assert_eq!(all_story_json(&reopened), all_story_json(&one));
    assert_eq!(all_story_json(&tiny), all_story_json(&one));
    drop(tiny);
    let tiny_again = Store::open_with(d3.path().join("t.db"), loose_options()).unwrap();
    assert_eq!(story_sets(&tiny_again), want);
    assert_eq!(tiny_again.check().unwrap(), Vec::<String>::new());
}

#[test]
fn numbers_of_merged_stories_are_never_given_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_with(dir.path().join("t.db"), loose_options()).unwrap();
    let mut articles = loosely_linked();
    let unrelated = articles.pop().unwrap();
    // The flood reports open stories 1-3; 2 and 3 merge into 1, so the
    // highest story left is 1.
    store
        .ingest(Batch {
            articles,
            skipped: vec![],
        })
        .unwrap();
    assert_eq!(store.stats().unwrap().stories, 1);
    let summary = store
        .ingest(Batch {
            articles: vec![unrelated],
            skipped: vec![],
        })
        .unwrap();
    assert_eq!(summary.stories, vec!["story-4"]);
    assert_eq!(
        store.story("story-4").unwrap().unwrap().articles,
        vec!["x1"]
    );
    for old in ["story-2", "story-3"] {
        assert_eq!(store.story(old).unwrap().unwrap().id, "story-1");
    }
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}
