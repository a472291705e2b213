//! Brief: a short extractive summary of one story in which every sentence
//! cites the exact source spans it comes from.

use crosscheck_model::{BriefSentence, Document, Duplicate};

/// A story's brief and title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brief {
    pub title: String,
    pub sentences: Vec<BriefSentence>,
}

/// Writes briefs; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Briefer {
    max_sentences: usize,
    max_words: usize,
}

impl Default for Briefer {
    fn default() -> Self {
        Briefer {
            max_sentences: 10,
            max_words: 250,
        }
    }
}

impl Briefer {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn max_sentences(mut self, n: usize) -> Self {
        self.max_sentences = n;
        self
    }
    pub fn max_words(mut self, n: usize) -> Self {
        self.max_words = n;
        self
    }

    /// Brief the story made of `docs`; `duplicates` says which of them are
    /// copies of each other (they count as one source).
    pub fn brief(&self, docs: &[&Document], duplicates: &[Duplicate]) -> Brief {
        let _ = (docs, duplicates);
        todo!()
    }
}
