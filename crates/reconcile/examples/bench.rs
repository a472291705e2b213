//! Timing: reconcile a 50-article story on one core.
//!
//! `cargo run --release -p crosscheck-reconcile --example bench` cycles the
//! demo corpus (11 articles), so many sentences recur word for word, as in
//! wire copy. `… --example bench -- FOLDER` takes the first 50 articles
//! read from FOLDER instead (for instance five DUC 2003 clusters,
//! `../shared/data/duc2003/docs.without.headlines`): 50 different texts,
//! the case with the most distinct sentences to compare.

use crosscheck_clean::Cleaner;
use crosscheck_model::{Article, Body};
use crosscheck_text::Analyzer;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo");

/// The system allocator, counting allocations (the figure printed per
/// stage: allocation is about a sixth of the two stages' time).
struct Counting;

static ALLOCATIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator, which
// upholds `GlobalAlloc`'s contract; the counter has no effect on memory.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from `System` through `alloc` above.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: `ptr` came from `System` through `alloc` above, and the
        // caller's contract for `realloc` is passed on.
        unsafe { std::alloc::System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.load(std::sync::atomic::Ordering::Relaxed)
}

fn main() {
    let cleaner = Cleaner::new();
    let analyzer = Analyzer::english();
    let texts: Vec<String> = match std::env::args().nth(1) {
        Some(folder) => crosscheck_ingest::Ingestor::new()
            .read_paths(&[folder])
            .articles
            .into_iter()
            .take(50)
            .map(|a| match a.body {
                Body::Text(t) | Body::Html(t) => t,
            })
            .collect(),
        None => {
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
            (0..50)
                .map(|i| std::fs::read_to_string(&paths[i % paths.len()]).unwrap())
                .collect()
        }
    };
    let docs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let c = cleaner.clean(t, None);
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
    let (mut a_facts, mut a_rec) = (0, 0);
    for _ in 0..10 {
        let (t, a) = (std::time::Instant::now(), allocations());
        let facts: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
        t_facts = t_facts.min(t.elapsed().as_secs_f64());
        a_facts = allocations() - a;
        // The previous run's story is dropped outside the timing.
        drop(story.take());
        let (t, a) = (std::time::Instant::now(), allocations());
        story = Some(crosscheck_reconcile::Reconciler::new().reconcile(&refs, &facts, &[]));
        t_rec = t_rec.min(t.elapsed().as_secs_f64());
        a_rec = allocations() - a;
    }
    let story = story.expect("ran");
    println!(
        "{} articles, best of 10: facts {:.1} ms, reconcile {:.1} ms ({} entities, {} claims, {} conflicts, {} events; {} + {} allocations)",
        docs.len(),
        t_facts * 1e3,
        t_rec * 1e3,
        story.entities.len(),
        story.claims.len(),
        story.conflicts.len(),
        story.timeline.len(),
        a_facts,
        a_rec
    );
}
