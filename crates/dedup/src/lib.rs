//! Dedup: exact, near-duplicate and contained (trimmed reprint) copies.

use crosscheck_model::{Document, Duplicate};

/// Finds copies among documents; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Deduplicator {
    near_threshold: f64,
    containment_threshold: f64,
}

impl Default for Deduplicator {
    fn default() -> Self {
        Deduplicator {
            near_threshold: 0.8,
            containment_threshold: 0.8,
        }
    }
}

impl Deduplicator {
    pub fn new() -> Self {
        Self::default()
    }
    /// Word-shingle Jaccard at or above which two articles are near copies.
    pub fn near_threshold(mut self, t: f64) -> Self {
        self.near_threshold = t;
        self
    }
    /// Share of the shorter article's shingles inside the longer at or above
    /// which the shorter is a contained copy.
    pub fn containment_threshold(mut self, t: f64) -> Self {
        self.containment_threshold = t;
        self
    }

    /// Duplicate groups among `docs`, deterministic for the same input.
    pub fn find(&self, docs: &[Document]) -> Vec<Duplicate> {
        let _ = docs;
        todo!()
    }
}
