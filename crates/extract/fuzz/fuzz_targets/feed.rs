//! Any bytes read as an RSS/Atom feed: articles or skips, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let b = crosscheck_ingest::Ingestor::new().read_bytes("fuzz.rss", data);
    assert!(!b.articles.is_empty() || !b.skipped.is_empty());
});
