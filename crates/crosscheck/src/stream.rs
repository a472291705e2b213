//! Streaming grouping: copies and stories for streams too long to hold in
//! memory.
//!
//! [`Pipeline::group`](crate::Pipeline::group) keeps every analysed document
//! until clustering ends, which is right for a batch and impossible for a
//! million articles. A [`StreamGrouper`] takes articles in chunks, cleans
//! and analyses each chunk in parallel, and keeps per article only what
//! later articles are compared against:
//!
//! * a [`Sketch`](crosscheck_dedup::Sketch) for the streaming dedup index
//!   (a 1/8 consistent sample of its shingles, see
//!   [`crosscheck_dedup::StreamDedup`]);
//! * its contribution to the story index: the article's TF-IDF vector,
//!   weighed with the document frequencies seen so far and cut to its
//!   [`STREAM_TERMS`] heaviest terms, added to the centroid of the story it
//!   joins ([`crosscheck_cluster::StoryIndex`], the same incremental index
//!   the batch clusterer runs), reading at most the [`STREAM_POSTINGS_SCAN`]
//!   newest stories under each term so the cost per article stays flat.
//!
//! Stories are built by the batch clusterer's two stages: articles join
//! stories at its strict seed bar ([`Clusterer::seed_index`](crosscheck_cluster::Clusterer::seed_index)), and after
//! each chunk the stories opened in it are merged with their
//! coherent neighbours ([`Clusterer::merge`](crosscheck_cluster::Clusterer::merge)). A stream given in one chunk,
//! in the batch's order (by publication time), so goes through the same
//! rule as [`Pipeline::group`](crate::Pipeline::group); what still differs
//! is that each vector is weighed with the document frequencies seen so
//! far and cut to its strongest terms, and that a chunk's merges happen
//! before the next chunk is seen. A story id given in a [`Placement`] is
//! the story as of the end of its chunk; [`StreamGrouper::story`] follows
//! later merges.
//!
//! A copy of an earlier article joins that article's story without adding
//! its vector again (copies count once, as in the batch). The text,
//! sentences and terms of a chunk are dropped once it is placed. The
//! result depends only on the order of the stream and the chunk contents,
//! not on the number of threads.

use crosscheck_cluster::{parse_iso8601, Column, StoryIndex, Vectorizer};
use crosscheck_dedup::{Sketch, StreamDedup, StreamMatch};
use crosscheck_model::{Document, RawArticle, Skipped};
use rayon::prelude::*;

use crate::Pipeline;

/// Terms kept of each article's vector in streaming mode.
pub const STREAM_TERMS: usize = 48;

/// Stories read per term when an article looks for its story (the newest;
/// see [`StoryIndex::max_postings_scan`]).
pub const STREAM_POSTINGS_SCAN: usize = 1024;

/// Where one article of the stream went.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The article's id.
    pub id: String,
    /// Its position among the placed (not skipped) articles, from 0.
    pub index: u32,
    /// The earlier article (by `index`) it copies, if any.
    pub copy_of: Option<StreamMatch>,
    /// The story it is in at the end of its chunk (story ids count from 0
    /// in order of creation; a merged story takes the smaller id).
    pub story: usize,
}

/// Groups a stream of articles chunk by chunk; see the module documentation.
pub struct StreamGrouper<'p> {
    pipeline: &'p Pipeline,
    dedup: StreamDedup,
    vectorizer: Vectorizer,
    stories: StoryIndex,
    /// Story of every placed article (to send copies to their original's).
    story_of: Vec<u32>,
}

impl<'p> StreamGrouper<'p> {
    /// A grouper using `pipeline`'s cleaning, analysis and thresholds.
    pub fn new(pipeline: &'p Pipeline) -> Self {
        StreamGrouper {
            pipeline,
            dedup: pipeline.dedup.stream(),
            vectorizer: Vectorizer::default(),
            stories: pipeline
                .clusterer
                .seed_index()
                .max_postings_scan(STREAM_POSTINGS_SCAN),
            story_of: Vec::new(),
        }
    }

    /// Clean, analyse and place the next chunk of the stream, in order.
    /// Each article gets its [`Placement`], or the reason it was skipped.
    pub fn push(&mut self, chunk: Vec<RawArticle>) -> Vec<Result<Placement, Skipped>> {
        let prepared: Vec<Result<(Document, Sketch), Skipped>> = chunk
            .into_par_iter()
            .map(|raw| {
                let article = self.pipeline.prepare(raw)?;
                let sketch = Sketch::of_text(&article.text);
                Ok((self.pipeline.analyzer.analyse(article), sketch))
            })
            .collect();
        let mut placed: Vec<Result<Placement, Skipped>> = prepared
            .into_iter()
            .map(|p| p.map(|(doc, sketch)| self.place(doc, sketch)))
            .collect();
        self.pipeline.clusterer.merge(&mut self.stories);
        for p in placed.iter_mut().flatten() {
            p.story = self.stories.story_of(p.story);
        }
        placed
    }

    fn place(&mut self, doc: Document, sketch: Sketch) -> Placement {
        let index = self.dedup.len() as u32;
        let copy_of = self.dedup.insert(sketch);
        // Every article counts in the document frequencies, copies too (as
        // in the batch vectorizer).
        let vector = self.vectorizer.add(&doc).truncated(STREAM_TERMS);
        let story = match copy_of {
            Some(m) => self.stories.story_of(self.story_of[m.of as usize] as usize),
            None => {
                let time = doc.article.published.as_deref().and_then(parse_iso8601);
                self.stories
                    .add_in_column(&vector, time, Column::of(&doc.article))
            }
        };
        self.story_of.push(story as u32);
        Placement {
            id: doc.article.id,
            index,
            copy_of,
            story,
        }
    }

    /// Number of articles placed.
    pub fn len(&self) -> usize {
        self.story_of.len()
    }

    /// Whether nothing was placed.
    pub fn is_empty(&self) -> bool {
        self.story_of.is_empty()
    }

    /// Number of stories (merged stories counted once).
    pub fn stories(&self) -> usize {
        self.stories.len()
    }

    /// The story that story id `story` (from a [`Placement`]) is now part
    /// of, after the merges of later chunks.
    pub fn story(&self, story: usize) -> usize {
        self.stories.story_of(story)
    }

    /// The duplicate group (its earliest member's index) of placed article
    /// `index`.
    pub fn group_of(&mut self, index: u32) -> u32 {
        self.dedup.group_of(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::Body;

    fn raw(id: &str, text: &str) -> RawArticle {
        RawArticle {
            id: id.into(),
            origin: id.into(),
            source: None,
            title: None,
            url: None,
            published: None,
            body: Body::Text(text.into()),
        }
    }

    #[test]
    fn copies_join_their_original_and_stories_form() {
        let docs: Vec<RawArticle> = crate::demo::files()
            .into_iter()
            .flat_map(|(name, bytes)| {
                crosscheck_ingest::Ingestor::new()
                    .read_bytes(name, bytes)
                    .articles
            })
            .collect();
        let pipeline = Pipeline::default();
        let mut g = StreamGrouper::new(&pipeline);
        let mut placed = Vec::new();
        for chunk in docs.chunks(5) {
            placed.extend(g.push(chunk.to_vec()));
        }
        let placed: Vec<Placement> = placed.into_iter().map(Result::unwrap).collect();
        assert_eq!(placed.len(), docs.len());
        // The demo corpus has one wire reprint: it is the only copy.
        let copies: Vec<&Placement> = placed.iter().filter(|p| p.copy_of.is_some()).collect();
        assert_eq!(copies.len(), 1, "{copies:?}");
        let original = &placed[copies[0].copy_of.unwrap().of as usize];
        assert_eq!(copies[0].story, original.story);
        // Four invented events; the stream may split one more than the batch.
        assert!((4..=5).contains(&g.stories()), "{}", g.stories());

        // Bad input is reported, not dropped.
        let out = g.push(vec![raw("empty", "   ")]);
        assert!(out[0].is_err());
    }

    #[test]
    fn instalments_of_a_column_open_their_own_stories() {
        // Each day's forecast in its own words, all about the same lakes
        // and plateau: alike enough to be one story, not copies.
        let instalments =
            |title: Option<&str>| -> Vec<RawArticle> {
                [
                ("f1", "2031-01-05T18:00:00Z",
                 "Low pressure over the Harrow Lakes will bring snow to the northern valleys \
                  on Monday. Cold air behind the front keeps the Tamsin plateau below freezing. \
                  Winds will ease by evening."),
                ("f2", "2031-01-06T18:30:00Z",
                 "Snow showers will drift south from the Harrow Lakes on Tuesday as the low \
                  weakens. The Tamsin plateau stays frozen under clear skies, and fog will \
                  linger in the valleys until noon."),
                ("f3", "2031-01-06T21:30:00Z",
                 "Fog and freezing drizzle are expected in the valleys south of the Harrow \
                  Lakes on Tuesday, with the Tamsin plateau again the coldest place in the \
                  region after a night of snow."),
            ]
            .into_iter()
            .map(|(id, at, text)| RawArticle {
                source: Some("Harrow Daily Courier".into()),
                title: title.map(str::to_string),
                published: Some(at.into()),
                ..raw(id, text)
            })
            .collect()
            };
        let pipeline = Pipeline::default();
        let placed = |articles: Vec<RawArticle>| -> Vec<(bool, usize)> {
            let mut g = StreamGrouper::new(&pipeline);
            g.push(articles)
                .into_iter()
                .map(|p| p.map(|p| (p.copy_of.is_some(), p.story)).unwrap())
                .collect()
        };
        let titled = placed(instalments(Some("NATIONAL FORECAST")));
        assert_eq!(titled, vec![(false, 0), (false, 1), (false, 1)]);
        let untitled = placed(instalments(None));
        assert_eq!(untitled, vec![(false, 0), (false, 0), (false, 0)]);
    }

    fn demo_articles() -> Vec<RawArticle> {
        crate::demo::files()
            .into_iter()
            .flat_map(|(name, bytes)| {
                crosscheck_ingest::Ingestor::new()
                    .read_bytes(name, bytes)
                    .articles
            })
            .collect()
    }

    /// The partition as sorted sets of article ids.
    fn partition(groups: impl IntoIterator<Item = (usize, String)>) -> Vec<Vec<String>> {
        let mut by: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
        for (story, id) in groups {
            by.entry(story).or_default().push(id);
        }
        let mut out: Vec<Vec<String>> = by
            .into_values()
            .map(|mut v| {
                v.sort();
                v
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn one_chunk_in_time_order_groups_like_the_batch() {
        let mut docs = demo_articles();
        docs.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
        let pipeline = Pipeline::default();
        let batch = pipeline.group(
            crate::Batch {
                articles: docs.clone(),
                skipped: vec![],
            },
            &mut crate::NoProgress,
        );
        let docs_of = &batch.docs;
        let expected = partition(
            batch
                .clusters
                .iter()
                .enumerate()
                .flat_map(|(k, c)| c.iter().map(move |&i| (k, docs_of[i].article.id.clone()))),
        );
        let mut g = StreamGrouper::new(&pipeline);
        let placed = g.push(docs).into_iter().map(Result::unwrap);
        assert_eq!(partition(placed.map(|p| (p.story, p.id))), expected);
        assert_eq!(g.stories(), expected.len());
    }
}
