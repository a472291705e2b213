//! The pipeline: configuration (a builder) and the run that turns inputs into
//! a [`Report`].

use std::path::Path;
use std::time::Instant;

use crosscheck_clean::Cleaner;
use crosscheck_cluster::Clusterer;
use crosscheck_dedup::Deduplicator;
use crosscheck_ingest::{Batch, Ingestor};
use crosscheck_model::{
    Article, Body, Document, Duplicate, RawArticle, Removed, Report, Skipped, Story, REPORT_VERSION,
};
use crosscheck_text::Analyzer;

use crate::incremental::StoryBuilder;
use rayon::prelude::*;

/// Where the pipeline reports what it is doing (the CLI prints to stderr).
pub trait Progress {
    /// A stage finished: its name, how many items it produced, and how long
    /// it took.
    fn stage(&mut self, name: &str, items: usize, seconds: f64);
}

/// A [`Progress`] that says nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn stage(&mut self, _: &str, _: usize, _: f64) {}
}

/// Configures a [`Pipeline`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    max_file_bytes: u64,
    brief_sentences: usize,
    brief_words: usize,
    cluster_threshold: Option<f64>,
    near_threshold: Option<f64>,
    containment_threshold: Option<f64>,
    single_story: bool,
    known_sentences: Vec<String>,
    known_articles: Vec<String>,
    brief_overflow: bool,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            max_file_bytes: 16 * 1024 * 1024,
            brief_sentences: 10,
            brief_words: 250,
            cluster_threshold: None,
            near_threshold: None,
            containment_threshold: None,
            single_story: false,
            known_sentences: Vec::new(),
            known_articles: Vec::new(),
            brief_overflow: false,
        }
    }
}

impl PipelineBuilder {
    /// Largest single input file (or JSON Lines record) accepted, in bytes.
    pub fn max_file_bytes(mut self, n: u64) -> Self {
        self.max_file_bytes = n;
        self
    }
    /// Most sentences in one story's brief.
    pub fn brief_sentences(mut self, n: usize) -> Self {
        self.brief_sentences = n;
        self
    }
    /// Most words in one story's brief.
    pub fn brief_words(mut self, n: usize) -> Self {
        self.brief_words = n;
        self
    }
    /// Similarity at which an article joins a story (default: the cluster
    /// stage's own).
    pub fn cluster_threshold(mut self, t: f64) -> Self {
        self.cluster_threshold = Some(t);
        self
    }
    /// Word-shingle Jaccard at which two articles are near copies.
    pub fn near_threshold(mut self, t: f64) -> Self {
        self.near_threshold = Some(t);
        self
    }
    /// Containment at which a shorter article is a copy cut from a longer one.
    pub fn containment_threshold(mut self, t: f64) -> Self {
        self.containment_threshold = Some(t);
        self
    }

    /// Treat all input as one story (no clustering), as when briefing a
    /// known set of articles or evaluating against reference summaries.
    pub fn single_story(mut self, yes: bool) -> Self {
        self.single_story = yes;
        self
    }

    /// Let the last sentence of each brief run past `brief_words` (placed
    /// last), for evaluations that cut briefs at a word count themselves.
    pub fn brief_overflow(mut self, yes: bool) -> Self {
        self.brief_overflow = yes;
        self
    }

    /// Update mode: `previous` is an earlier report. Its articles are not
    /// briefed again and what its briefs said counts as known, so every
    /// brief says only what is new (a story with nothing new gets an empty
    /// brief).
    pub fn since(mut self, previous: &Report) -> Self {
        self.known_sentences = previous
            .stories
            .iter()
            .flat_map(|s| s.brief.iter().map(|b| b.text.clone()))
            .collect();
        self.known_articles = previous.articles.iter().map(|a| a.id.clone()).collect();
        self
    }

    pub fn build(self) -> Pipeline {
        let mut dedup = Deduplicator::new();
        if let Some(t) = self.near_threshold {
            dedup = dedup.near_threshold(t);
        }
        if let Some(t) = self.containment_threshold {
            dedup = dedup.containment_threshold(t);
        }
        let mut clusterer = Clusterer::new();
        if let Some(t) = self.cluster_threshold {
            clusterer = clusterer.threshold(t);
        }
        Pipeline {
            ingestor: Ingestor::new().max_file_bytes(self.max_file_bytes),
            cleaner: Cleaner::new(),
            analyzer: Analyzer::english(),
            dedup,
            clusterer,
            stories: StoryBuilder::new(self.brief_sentences, self.brief_words)
                .since(&self.known_sentences, &self.known_articles)
                .brief_overflow(self.brief_overflow),
            single_story: self.single_story,
        }
    }
}

/// What [`Pipeline::group`] produces: analysed documents, their duplicate
/// groups and stories (as indices into `docs`), and what was skipped.
pub struct Grouping {
    pub docs: Vec<Document>,
    pub duplicates: Vec<Duplicate>,
    /// Stories as sorted indices into `docs`.
    pub clusters: Vec<Vec<usize>>,
    pub skipped: Vec<Skipped>,
}

/// The whole crosscheck pipeline, configured once and run on any input.
pub struct Pipeline {
    ingestor: Ingestor,
    cleaner: Cleaner,
    pub(crate) analyzer: Analyzer,
    pub(crate) dedup: Deduplicator,
    pub(crate) clusterer: Clusterer,
    stories: StoryBuilder,
    single_story: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        PipelineBuilder::default().build()
    }
}

impl Pipeline {
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Ingest `paths` (files or folders) and analyse everything readable.
    pub fn analyze_paths<P: AsRef<Path>>(
        &self,
        paths: &[P],
        progress: &mut dyn Progress,
    ) -> Report {
        let t = Instant::now();
        let batch = self.ingestor.read_paths(paths);
        progress.stage("ingest", batch.articles.len(), t.elapsed().as_secs_f64());
        self.analyze_batch(batch, progress)
    }

    /// Analyse in-memory files, each named by a relative path whose extension
    /// picks the format (as if read from a folder).
    pub fn analyze_files(&self, files: &[(&str, &[u8])], progress: &mut dyn Progress) -> Report {
        let t = Instant::now();
        let mut batch = Batch::default();
        let mut seen: std::collections::HashMap<String, String> = Default::default();
        for (name, bytes) in files {
            let b = self.ingestor.read_bytes(name, bytes);
            // Ids must be unique across files too (ingest checks within one).
            for a in b.articles {
                match seen.get(&a.id) {
                    Some(first) => batch.skipped.push(Skipped::new(
                        a.origin.clone(),
                        format!("duplicate id {} (first seen in {first})", a.id),
                    )),
                    None => {
                        seen.insert(a.id.clone(), a.origin.clone());
                        batch.articles.push(a);
                    }
                }
            }
            batch.skipped.extend(b.skipped);
        }
        progress.stage("ingest", batch.articles.len(), t.elapsed().as_secs_f64());
        self.analyze_batch(batch, progress)
    }

    /// Run every stage after ingest.
    pub fn analyze_batch(&self, batch: Batch, progress: &mut dyn Progress) -> Report {
        let Grouping {
            docs,
            duplicates,
            clusters,
            skipped,
        } = self.group(batch, progress);

        let t = Instant::now();
        let stories = self.stories(&docs, clusters, &duplicates);
        progress.stage("stories", stories.len(), t.elapsed().as_secs_f64());

        Report {
            version: REPORT_VERSION,
            articles: docs.into_iter().map(|d| d.article).collect(),
            duplicates,
            stories,
            skipped,
        }
    }

    /// The stages up to clustering: clean and analyse, find duplicates,
    /// group into stories (without facts or briefs).
    pub fn group(&self, batch: Batch, progress: &mut dyn Progress) -> Grouping {
        let mut skipped = batch.skipped;

        let t = Instant::now();
        let prepared: Vec<Result<Document, Skipped>> = batch
            .articles
            .into_par_iter()
            .map(|raw| self.prepare(raw).map(|a| self.analyzer.analyse(a)))
            .collect();
        let mut docs = Vec::with_capacity(prepared.len());
        for p in prepared {
            match p {
                Ok(d) => docs.push(d),
                Err(s) => skipped.push(s),
            }
        }
        progress.stage("clean", docs.len(), t.elapsed().as_secs_f64());

        let t = Instant::now();
        let duplicates = self.dedup.find(&docs);
        progress.stage("dedup", duplicates.len(), t.elapsed().as_secs_f64());

        let t = Instant::now();
        let clusters = if !self.single_story {
            self.clusterer.cluster(&docs, &duplicates)
        } else if docs.is_empty() {
            Vec::new()
        } else {
            vec![(0..docs.len()).collect()]
        };
        progress.stage("cluster", clusters.len(), t.elapsed().as_secs_f64());
        Grouping {
            docs,
            duplicates,
            clusters,
            skipped,
        }
    }

    /// Extract and clean one raw article. An article left with no text is
    /// skipped, with the reason.
    pub fn prepare(&self, raw: RawArticle) -> Result<Article, Skipped> {
        let RawArticle {
            id,
            origin,
            mut source,
            title,
            mut url,
            published,
            body,
        } = raw;
        let (text, mut removed, title, published): (String, Vec<Removed>, _, _) = match body {
            Body::Text(t) => (t, Vec::new(), title, published),
            Body::Html(h) => {
                let e = crosscheck_extract::Extractor::new()
                    .url(url.as_deref())
                    .extract(&h);
                source = source.or(e.site_name);
                url = url.or(e.canonical_url);
                (
                    e.text,
                    e.removed,
                    title.or(e.title),
                    published.or(e.published),
                )
            }
        };
        let cleaned = self.cleaner.clean(&text, title.as_deref());
        removed.extend(cleaned.removed);
        if cleaned.text.trim().is_empty() {
            let why = if removed.is_empty() {
                "no article text".to_owned()
            } else {
                format!(
                    "no article text left after removing {} junk line(s)",
                    removed.len()
                )
            };
            return Err(Skipped::new(origin, why));
        }
        Ok(Article {
            id,
            source,
            title: title.or(cleaned.title),
            url,
            published: published.or(cleaned.published),
            text: cleaned.text,
            removed,
        })
    }

    /// Order each cluster's articles for reading, cross-check its facts and
    /// brief it. Stories come largest first, ties by their first article's
    /// position in the input.
    fn stories(
        &self,
        docs: &[Document],
        mut clusters: Vec<Vec<usize>>,
        duplicates: &[Duplicate],
    ) -> Vec<Story> {
        for c in clusters.iter_mut() {
            // Reading order: dated articles oldest first, then undated, each
            // in input order (ISO 8601 strings sort chronologically).
            c.sort_by(|&a, &b| {
                let (pa, pb) = (&docs[a].article.published, &docs[b].article.published);
                match (pa, pb) {
                    (Some(x), Some(y)) => x.cmp(y).then(a.cmp(&b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.cmp(&b),
                }
            });
        }
        clusters.sort_by_key(|c| (std::cmp::Reverse(c.len()), c.iter().min().copied()));
        clusters
            .par_iter()
            .enumerate()
            .map(|(n, members)| {
                let story_docs: Vec<&Document> = members.iter().map(|&i| &docs[i]).collect();
                self.stories
                    .build(format!("story-{}", n + 1), &story_docs, duplicates, None)
            })
            .collect()
    }
}
