//! Helpers shared by the reconcile integration tests: invented articles
//! analysed as the pipeline would, and the facts + reconcile steps on them.

use crosscheck_facts::{ArticleFacts, Extractor};
use crosscheck_model::{Article, Conflict, Document, Duplicate};
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

/// The story's conflict over `subject`, if any.
#[allow(dead_code)] // not every test file asks for conflicts by subject
pub fn conflict<'a>(facts: &'a StoryFacts, subject: &str) -> Option<&'a Conflict> {
    facts.conflicts.iter().find(|c| c.subject == subject)
}

/// A conflict's values, sorted (sides of one day are in value order).
#[allow(dead_code)] // not every test file reads conflicts' values
pub fn values(c: &Conflict) -> Vec<&str> {
    let mut v: Vec<&str> = c.sides.iter().map(|s| s.value.as_str()).collect();
    v.sort_unstable();
    v
}

/// Two outlets' reports of one story, each as (publication day, text).
#[allow(dead_code)] // not every test file compares two outlets
pub fn two_outlets(first: (&str, &str), second: (&str, &str)) -> StoryFacts {
    let docs = [
        invented("herald/a", "Harbour Herald", first.0, first.1),
        invented("observer/b", "Capital Observer", second.0, second.1),
    ];
    run(&docs, &[])
}

/// The sorted values of the story's conflict over `subject`, if any.
#[allow(dead_code)] // not every test file reads conflicts' values
pub fn sides<'a>(facts: &'a StoryFacts, subject: &str) -> Option<Vec<&'a str>> {
    conflict(facts, subject).map(values)
}

/// One story's articles, each as (id, outlet, publication day, text),
/// cross-checked.
#[allow(dead_code)] // not every test file tells whole stories
pub fn story(articles: &[(&str, &str, &str, &str)]) -> StoryFacts {
    let docs: Vec<Document> = articles
        .iter()
        .map(|(id, source, day, text)| invented(id, source, day, text))
        .collect();
    run(&docs, &[])
}

/// The subjects of the story's conflicts, sorted.
#[allow(dead_code)] // not every test file lists all conflicts
pub fn subjects(facts: &StoryFacts) -> Vec<&str> {
    let mut s: Vec<&str> = facts.conflicts.iter().map(|c| c.subject.as_str()).collect();
    s.sort_unstable();
    s
}

/// The values of the story's update of `subject`, in order (empty for
/// none).
#[allow(dead_code)] // not every test file reads updates
pub fn update<'a>(facts: &'a StoryFacts, subject: &str) -> Vec<&'a str> {
    facts
        .updates
        .iter()
        .find(|u| u.subject == subject)
        .map(|u| u.values.iter().map(|v| v.value.as_str()).collect())
        .unwrap_or_default()
}
