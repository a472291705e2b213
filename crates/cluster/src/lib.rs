//! Cluster: group articles into stories (events).

use crosscheck_model::{Document, Duplicate};

/// Groups documents into stories; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Clusterer {
    threshold: f64,
}

impl Default for Clusterer {
    fn default() -> Self {
        Clusterer { threshold: 0.2 }
    }
}

impl Clusterer {
    pub fn new() -> Self {
        Self::default()
    }
    /// Similarity at or above which an article joins a story.
    pub fn threshold(mut self, t: f64) -> Self {
        self.threshold = t;
        self
    }

    /// Stories as lists of indices into `docs`. Articles in one duplicate
    /// group always share a story. Each list is sorted; lists are ordered by
    /// their first index. Deterministic for the same input order.
    pub fn cluster(&self, docs: &[Document], duplicates: &[Duplicate]) -> Vec<Vec<usize>> {
        let _ = (docs, duplicates);
        todo!()
    }
}
