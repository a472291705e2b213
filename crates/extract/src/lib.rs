//! Extract: the main text of an HTML document, as plain paragraphs.

use crosscheck_model::Removed;

/// What extraction produced from one HTML document.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Paragraphs separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub removed: Vec<Removed>,
}

/// Extract the article text from an HTML document or fragment.
pub fn html_to_text(html: &str) -> Extracted {
    let _ = html;
    todo!()
}
