//! Helpers shared by the reconcile integration tests: invented articles
//! analysed as the pipeline would, and the facts + reconcile steps on them.

use crosscheck_facts::{ArticleFacts, Extractor};
use crosscheck_model::{Article, Document, Duplicate};
use crosscheck_reconcile::{Reconciler, StoryFacts};
use crosscheck_text::Analyzer;

/// An invented article (text written for the tests), analysed.
pub fn invented(id: &str, source: &str, published: &str, text: &str) -> Document {
    Analyzer::english().analyse(Article {
        id: id.into(),
        source: Some(source.into()),
        title: None,
        url: None,
        published: Some(published.into()),
        text: text.into(),
        removed: vec![],
    })
}

/// Facts of each document, cross-checked as one story.
pub fn run(docs: &[Document], dups: &[Duplicate]) -> StoryFacts {
    let ex = Extractor::new();
    let facts: Vec<ArticleFacts> = docs.iter().map(|d| ex.extract(d)).collect();
    let refs: Vec<&Document> = docs.iter().collect();
    Reconciler::new().reconcile(&refs, &facts, dups)
}
