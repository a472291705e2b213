//! Timing: reconcile a 50-article story (the demo corpus cycled) on one
//! core: `cargo run --release -p crosscheck-reconcile --example bench`.

use crosscheck_clean::Cleaner;
use crosscheck_model::Article;
use crosscheck_text::Analyzer;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo");

fn main() {
    let cleaner = Cleaner::new();
    let analyzer = Analyzer::english();
    let mut paths = Vec::new();
    for dir in std::fs::read_dir(DEMO).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(&dir).unwrap() {
                let p = f.unwrap().path();
                if p.extension().is_some_and(|x| x == "txt") {
                    paths.push(p);
                }
            }
        }
    }
    paths.sort();
    let docs: Vec<_> = (0..50)
        .map(|i| {
            let p = &paths[i % paths.len()];
            let c = cleaner.clean(&std::fs::read_to_string(p).unwrap(), None);
            analyzer.analyse(Article {
                id: format!("a{i}"),
                source: Some(format!("outlet {i}")),
                title: c.title,
                url: None,
                published: None,
                text: c.text,
                removed: c.removed,
            })
        })
        .collect();
    let ex = crosscheck_facts::Extractor::new();
    let refs: Vec<_> = docs.iter().collect();
    let (mut t_facts, mut t_rec) = (f64::MAX, f64::MAX);
    let mut story = None;
    // Best of 10 runs each: the first run pays for lazy tables and caches.
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let facts: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
        t_facts = t_facts.min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        story = Some(crosscheck_reconcile::Reconciler::new().reconcile(&refs, &facts, &[]));
        t_rec = t_rec.min(t.elapsed().as_secs_f64());
    }
    let story = story.expect("ran");
    println!(
        "50 articles, best of 10: facts {:.1} ms, reconcile {:.1} ms ({} entities, {} claims, {} conflicts, {} events)",
        t_facts * 1e3,
        t_rec * 1e3,
        story.entities.len(),
        story.claims.len(),
        story.conflicts.len(),
        story.timeline.len()
    );
}
