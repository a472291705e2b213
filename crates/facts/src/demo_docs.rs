//! The invented demo corpus (`demo/`, see `demo/MANIFEST.md`) as analysed
//! documents, for tests. Shared by the facts crate's unit tests and the
//! reconcile crate's demo tests (included there with `#[path]`), so both
//! read the corpus the same way.

use std::path::Path;

use crosscheck_clean::Cleaner;
use crosscheck_model::{Article, Document};
use crosscheck_text::Analyzer;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo");

/// The demo corpus as analysed documents: `.txt` files cleaned like the
/// pipeline does, JSON Lines records with their metadata.
pub fn demo_docs() -> Vec<Document> {
    let cleaner = Cleaner::new();
    let analyzer = Analyzer::english();
    let mut docs = Vec::new();
    let mut paths = Vec::new();
    for dir in std::fs::read_dir(DEMO).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() && !dir.ends_with("feeds") {
            for f in std::fs::read_dir(&dir).unwrap() {
                paths.push(f.unwrap().path());
            }
        }
    }
    paths.sort();
    for p in paths {
        let raw = std::fs::read_to_string(&p).unwrap();
        let id = p
            .strip_prefix(DEMO)
            .unwrap()
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/");
        let c = cleaner.clean(&raw, None);
        docs.push(analyzer.analyse(Article {
            id,
            source: None,
            title: c.title,
            url: None,
            published: None,
            text: c.text,
            removed: c.removed,
        }));
    }
    let jsonl = std::fs::read_to_string(Path::new(DEMO).join("feeds/export.jsonl")).unwrap();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let c = cleaner.clean(&s("text").unwrap(), s("title").as_deref());
        docs.push(analyzer.analyse(Article {
            id: s("id").unwrap(),
            source: s("source"),
            title: s("title"),
            url: s("url"),
            published: s("published"),
            text: c.text,
            removed: c.removed,
        }));
    }
    docs
}
