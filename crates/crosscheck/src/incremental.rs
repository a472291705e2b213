//! Incremental pipeline support: build one story from its documents.
//!
//! The batch [`Pipeline`](crate::Pipeline) turns every cluster into a
//! [`Story`] at the end of a run. A store that grows article by article
//! (`crosscheck-store`) instead rebuilds only the stories that changed, each
//! time an article joins one. [`StoryBuilder`] is that per-story step —
//! facts, cross-checking and the cited brief — so both paths produce the
//! same story object from the same documents.

use std::cell::RefCell;
use std::collections::HashMap;

use crosscheck_brief::{Briefer, Evidence, SameStatement};
use crosscheck_facts::Extractor;
use crosscheck_model::{Document, Duplicate, Story, Update};
use crosscheck_reconcile::paraphrase::{self, SentenceFeatures};
use crosscheck_reconcile::Reconciler;
use crosscheck_text::Analyzer;

/// The reconcile stage's same-claim model (`crosscheck_reconcile::paraphrase`)
/// as the brief's paraphrase judge: two sentences state the same thing when
/// they pass the model's shared-stem pre-filter and score at or above its
/// decision threshold. Sentence features are made once per sentence and kept
/// for the life of the judge (one story's brief).
pub struct ParaphraseJudge {
    analyzer: Analyzer,
    features: RefCell<HashMap<String, SentenceFeatures>>,
}

impl Default for ParaphraseJudge {
    fn default() -> Self {
        ParaphraseJudge {
            analyzer: Analyzer::english(),
            features: RefCell::new(HashMap::new()),
        }
    }
}

impl SameStatement for ParaphraseJudge {
    fn same(&self, a: &str, b: &str) -> bool {
        let mut cache = self.features.borrow_mut();
        for s in [a, b] {
            if !cache.contains_key(s) {
                let f = SentenceFeatures::new(&self.analyzer, s);
                cache.insert(s.to_owned(), f);
            }
        }
        let (fa, fb) = (&cache[a], &cache[b]);
        paraphrase::may_match(fa, fb) && paraphrase::same_claim(fa, fb, paraphrase::THRESHOLD)
    }
}

/// Builds the story object of the JSON contract for one story's documents.
#[derive(Debug, Clone)]
pub struct StoryBuilder {
    facts: Extractor,
    reconciler: Reconciler,
    briefer: Briefer,
}

impl Default for StoryBuilder {
    fn default() -> Self {
        Self::new(10, 250)
    }
}

impl StoryBuilder {
    /// A builder whose briefs have at most `brief_sentences` sentences and
    /// `brief_words` words (the pipeline's defaults are 10 and 250).
    pub fn new(brief_sentences: usize, brief_words: usize) -> Self {
        StoryBuilder {
            facts: Extractor::new(),
            reconciler: Reconciler::new(),
            briefer: Briefer::new()
                .max_sentences(brief_sentences)
                .max_words(brief_words),
        }
    }

    /// Update mode: the sentences of an earlier report's briefs and the ids
    /// of the articles it covered; briefs then say only what is new (see
    /// `crosscheck_brief::Briefer::known_sentences` and `known_articles`).
    pub fn since(mut self, sentences: &[String], articles: &[String]) -> Self {
        self.briefer = self
            .briefer
            .known_sentences(sentences)
            .known_articles(articles);
        self
    }

    /// Let each brief's last sentence run past the word budget (placed
    /// last), for evaluations that cut briefs at a word count themselves.
    pub fn brief_overflow(mut self, yes: bool) -> Self {
        self.briefer = self.briefer.overflow(yes);
        self
    }

    /// The story `id` made of `docs`, which must be in the story's reading
    /// order (dated oldest first, then undated). `duplicates` may include
    /// groups from outside the story; only its members matter. `articles`
    /// lists the ids of `docs` unless `members` gives the full member list
    /// (when the brief reads only some of a large story's articles).
    pub fn build(
        &self,
        id: String,
        docs: &[&Document],
        duplicates: &[Duplicate],
        members: Option<Vec<String>>,
    ) -> Story {
        let facts: Vec<_> = docs.iter().map(|d| self.facts.extract(d)).collect();
        let checked = self.reconciler.reconcile(docs, &facts, duplicates);
        let judge = ParaphraseJudge::default();
        let evidence = Evidence {
            claims: &checked.claims,
            conflicts: &checked.conflicts,
            entities: &checked.entities,
            same_statement: Some(&judge),
        };
        let brief = self.briefer.brief_with(docs, duplicates, evidence);
        Story {
            id,
            title: brief.title,
            articles: members
                .unwrap_or_else(|| docs.iter().map(|d| d.article.id.clone()).collect()),
            brief: brief.sentences,
            claims: checked.claims,
            conflicts: checked.conflicts,
            updates: checked
                .updates
                .into_iter()
                .map(|u| Update {
                    subject: u.subject,
                    attribute: u.attribute,
                    values: u.values,
                })
                .collect(),
            statements: checked.statements,
            entities: checked.entities,
            timeline: checked.timeline,
        }
    }
}
