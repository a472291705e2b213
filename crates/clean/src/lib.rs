//! Clean: remove page junk from already-extracted article text, recording
//! every removed line with its reason.

use crosscheck_model::Removed;

/// The cleaned text and what was taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Kept paragraphs, each on its own, separated by one blank line.
    pub text: String,
    /// The headline, when the text opened with one.
    pub title: Option<String>,
    pub removed: Vec<Removed>,
}

/// The junk cleaner. Stateless apart from its options.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    _private: (),
}

impl Cleaner {
    pub fn new() -> Self {
        Self::default()
    }

    /// Clean `text`. `known_title` is the title from metadata, if any: a
    /// first line repeating it is removed as the headline.
    pub fn clean(&self, text: &str, known_title: Option<&str>) -> Cleaned {
        let _ = (text, known_title);
        todo!()
    }
}
