//! Speed benchmarks that need real text: MinHash signature throughput on
//! the Reuters-21578 bodies (`crosscheck bench dedup`).

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use crosscheck::dedup::MinHasher;
use crosscheck::ingest::Ingestor;
use crosscheck::model::Body;

/// Signature throughput on one core.
#[derive(Debug, Clone)]
pub struct DedupBench {
    pub documents: usize,
    pub bytes: usize,
    pub passes: usize,
    pub seconds: f64,
}

impl DedupBench {
    /// Megabytes (10^6 bytes) of text signed per second.
    pub fn mb_per_sec(&self) -> f64 {
        (self.bytes * self.passes) as f64 / 1e6 / self.seconds
    }
}

impl fmt::Display for DedupBench {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "MinHash signatures (128 values, word 5-shingles), one thread: {} documents, {:.2} MB of text, {} passes in {:.2} s",
            self.documents,
            self.bytes as f64 / 1e6,
            self.passes,
            self.seconds
        )?;
        writeln!(
            f,
            "throughput: {:.1} MB/s, {:.0} documents/s",
            self.mb_per_sec(),
            (self.documents * self.passes) as f64 / self.seconds
        )
    }
}

/// The article bodies under `dataset` (any format ingest reads).
pub fn texts(dataset: &Path) -> Vec<String> {
    Ingestor::new()
        .read_paths(&[dataset])
        .articles
        .into_iter()
        .map(|a| match a.body {
            Body::Text(t) | Body::Html(t) => t,
        })
        .collect()
}

/// Sign every text repeatedly for at least `min_time`, one thread.
pub fn dedup(texts: &[String], min_time: Duration) -> DedupBench {
    let hasher = MinHasher::default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut passes = 0;
    let mut checksum = 0u64;
    let start = Instant::now();
    while passes == 0 || start.elapsed() < min_time {
        for t in texts {
            checksum ^= hasher.signature_of_text(t)[0];
        }
        passes += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    std::hint::black_box(checksum);
    DedupBench {
        documents: texts.len(),
        bytes,
        passes,
        seconds,
    }
}
