//! Language tools shared by every stage: sentence splitting, word
//! tokenisation, stemming and stop words.
//!
//! One concept: turning cleaned text into units the other stages compare.
//! Sentences are byte spans into the text (so citations can point at them),
//! words are byte-offset slices, and *terms* are lower-cased Porter stems with
//! stop words removed.

use crosscheck_model::{Article, Document, Span};

/// Sentences of `text` as trimmed byte spans with their paragraph index.
/// Paragraphs are separated by one or more blank lines; a sentence never
/// crosses a paragraph boundary.
pub fn sentences(text: &str) -> Vec<(Span, usize)> {
    let _ = text;
    todo!()
}

/// Words of `text` (letters/digits, with inner apostrophes, hyphens, periods
/// and commas in numbers kept) with their byte offsets.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let _ = text;
    todo!()
}

/// Collapse every run of whitespace to one space and trim.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Stemmer and stop-word list for one language (English for now).
pub struct Analyzer {
    _private: (),
}

impl Analyzer {
    /// The English analyzer (Porter2 stemmer, built-in stop-word list).
    pub fn english() -> Self {
        todo!()
    }

    /// Whether `word` (any case) is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        let _ = word;
        todo!()
    }

    /// Lower-cased stems of the non-stop words of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let _ = text;
        todo!()
    }

    /// Split an article into sentences and analyse each.
    pub fn analyse(&self, article: Article) -> Document {
        let _ = article;
        todo!()
    }
}
