//! The store's incremental stories on real newswire: the 30 DUC 2003 event
//! clusters ingested in order of publication, scored against the gold
//! clusters and against the batch pipeline's stories on the same input.
//! Skipped (with a notice) when `../shared/data/duc2003` is absent.

use std::collections::HashMap;

use crosscheck::{Batch, NoProgress, Pipeline};
use crosscheck_eval::{clustering, datasets::duc, default_dataset, metrics::bcubed_overlapping};
use crosscheck_store::{Page, Store, StoreOptions};

#[test]
fn duc_event_clusters_ingested_in_time_order_group_like_the_batch() {
    let path = default_dataset("duc2003");
    if !path.exists() {
        println!("skipped: {} is absent", path.display());
        return;
    }
    let clusters = duc::load(&path).expect("DUC 2003");
    let events: Vec<&duc::Cluster> = clusters.iter().filter(|c| c.is_event()).collect();
    let (mut docs, gold) = clustering::articles(&events);
    docs.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("duc.db")).unwrap();
    let summary = store
        .ingest(Batch {
            articles: docs.clone(),
            skipped: vec![],
        })
        .unwrap();
    assert_eq!(summary.stored.len(), docs.len(), "{:?}", summary.skipped);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let mut store_story: HashMap<String, usize> = HashMap::new();
    let page = store.stories(Page::first(Page::MAX_PER_PAGE)).unwrap();
    for (k, s) in page.stories.iter().enumerate() {
        for id in store.story(&s.id).unwrap().unwrap().articles {
            store_story.insert(id, k);
        }
    }

    // In three ingests, with a memory budget that sends most stories to
    // the database between them (merges read them back): the same stories.
    let small = Store::open_with(
        dir.path().join("small.db"),
        StoreOptions {
            max_index_bytes: 64 << 10,
            ..StoreOptions::default()
        },
    )
    .unwrap();
    for part in docs.chunks(docs.len().div_ceil(3)) {
        small
            .ingest(Batch {
                articles: part.to_vec(),
                skipped: vec![],
            })
            .unwrap();
    }
    assert!(small.index_stats().evictions > 0);
    assert_eq!(small.check().unwrap(), Vec::<String>::new());
    let whole = Store::open_with(dir.path().join("whole.db"), StoreOptions::default()).unwrap();
    for part in docs.chunks(docs.len().div_ceil(3)) {
        whole
            .ingest(Batch {
                articles: part.to_vec(),
                skipped: vec![],
            })
            .unwrap();
    }
    let sets = |s: &Store| {
        let mut v: Vec<Vec<String>> = s
            .stories(Page::first(Page::MAX_PER_PAGE))
            .unwrap()
            .stories
            .iter()
            .map(|x| {
                let mut a = s.story(&x.id).unwrap().unwrap().articles;
                a.sort();
                a
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(sets(&small), sets(&whole));

    let grouping = Pipeline::default().group(
        Batch {
            articles: docs,
            skipped: vec![],
        },
        &mut NoProgress,
    );
    let mut ids = Vec::new();
    let mut batch_story = Vec::new();
    for (k, c) in grouping.clusters.iter().enumerate() {
        for &i in c {
            ids.push(grouping.docs[i].article.id.clone());
            batch_story.push(vec![k]);
        }
    }
    let predicted: Vec<usize> = ids.iter().map(|id| store_story[id]).collect();
    let labels: Vec<Vec<usize>> = ids.iter().map(|id| gold[id].clone()).collect();
    let vs_gold = bcubed_overlapping(&predicted, &labels);
    let vs_batch = bcubed_overlapping(&predicted, &batch_story);
    println!(
        "store: {} stories, B-cubed F1 vs gold {:.3} (P {:.3} R {:.3}); vs the batch's {} stories {:.3}",
        page.stories.len(),
        vs_gold.f1,
        vs_gold.precision,
        vs_gold.recall,
        grouping.clusters.len(),
        vs_batch.f1
    );
    assert!(vs_gold.f1 >= 0.93, "{vs_gold:?}");
    assert!(vs_batch.f1 >= 0.95, "{vs_batch:?}");
    let mut in_three: HashMap<String, usize> = HashMap::new();
    for (k, members) in sets(&whole).into_iter().enumerate() {
        for id in members {
            in_three.insert(id, k);
        }
    }
    let three: Vec<usize> = ids.iter().map(|id| in_three[id]).collect();
    let three_vs_gold = bcubed_overlapping(&three, &labels);
    println!(
        "store, three ingests: {} stories, B-cubed F1 vs gold {:.3}",
        sets(&whole).len(),
        three_vs_gold.f1
    );
    assert!(three_vs_gold.f1 >= 0.9, "{three_vs_gold:?}");
}
