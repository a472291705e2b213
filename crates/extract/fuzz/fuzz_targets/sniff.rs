//! Any bytes in a file without an extension (told by content: TREC `<DOC>`
//! collections, Reuters, HTML, feeds, WARC, JSON Lines) and as `.sgml`:
//! articles or skips, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ingestor = crosscheck_ingest::Ingestor::new();
    for name in ["d1/NYT19981018.0102", "collection.sgml"] {
        let b = ingestor.read_bytes(name, data);
        assert!(!b.articles.is_empty() || !b.skipped.is_empty());
    }
});
