//! Any bytes read as a WARC file (plain or gzip): articles or skips, never
//! a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ingest = crosscheck_ingest::Ingestor::new().max_file_bytes(1 << 20);
    let b = ingest.read_bytes("fuzz.warc", data);
    assert!(!b.articles.is_empty() || !b.skipped.is_empty());
    let _ = ingest.read_bytes("fuzz.warc.gz", data);
});
