//! Timing: facts for a 50-article story (the demo corpus cycled) on one
//! core: `cargo run --release -p crosscheck-facts --example bench`.

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
                source: None,
                title: c.title,
                url: None,
                published: None,
                text: c.text,
                removed: c.removed,
            })
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.article.text.len()).sum();
    let ex = crosscheck_facts::Extractor::new();
    let mut best = f64::MAX;
    for _ in 0..20 {
        let t = std::time::Instant::now();
        let facts: Vec<_> = docs.iter().map(|d| ex.extract(d)).collect();
        std::hint::black_box(&facts);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "facts: 50 articles, {} KB, best of 20: {:.2} ms",
        bytes / 1024,
        best * 1e3
    );
}
