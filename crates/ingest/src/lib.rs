//! Ingest: turn paths (files or folders) into [`RawArticle`]s, and every input
//! that cannot be read into a [`Skipped`] entry naming the file and the reason.

use crosscheck_model::{RawArticle, Skipped};
use std::path::Path;

/// What one ingest run produced.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub articles: Vec<RawArticle>,
    pub skipped: Vec<Skipped>,
}

/// Reads articles from files; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Ingestor {
    max_file_bytes: u64,
}

impl Default for Ingestor {
    fn default() -> Self {
        Ingestor {
            max_file_bytes: 16 * 1024 * 1024,
        }
    }
}

impl Ingestor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Largest single-article file accepted (bytes).
    pub fn max_file_bytes(mut self, n: u64) -> Self {
        self.max_file_bytes = n;
        self
    }

    /// Read every file and folder (recursively) in `paths`.
    pub fn read_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Batch {
        let _ = paths;
        todo!()
    }

    /// Read one in-memory file as if it were at `name` (a relative path
    /// whose extension picks the format); ids derive from `name`.
    pub fn read_bytes(&self, name: &str, bytes: &[u8]) -> Batch {
        let _ = (name, bytes);
        todo!()
    }
}
