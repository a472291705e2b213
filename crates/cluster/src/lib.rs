//! Cluster: grouping articles into stories.
//!
//! A *story* is the set of articles that report the same news event — the
//! same strike, rate decision or fire — whether they were written
//! independently or copied from one another. Later stages write one brief per
//! story and count its independent sources, so clustering decides what gets
//! compared with what.
//!
//! Each article becomes a TF-IDF [`TermVector`] over its analysed terms (see
//! [`Vectorizer`]): sublinear term frequency, title words counted extra,
//! likely names (capitalised words inside a sentence) and numbers weighted
//! up, words every news report uses ("said", weekdays) weighted down, and
//! IDF taken from the batch. Stories are built by a [`StoryIndex`]: each
//! article (or duplicate group, which is never split) joins the story with
//! the highest average-link similarity (mean cosine to its members) when
//! that reaches the threshold, and otherwise starts a new story. Candidate
//! stories are found through an inverted index over each article's
//! strongest terms, so an article is compared with a handful of stories,
//! not all of them.
//!
//! Batch clustering ([`Clusterer::cluster`]) runs in two stages, because
//! one similarity bar cannot serve both kinds of story seen in news. A
//! story about one event (a bombing, a summit) is tight: its articles share
//! many specific terms. A running topic (a river's floods over a summer, a
//! census dispute over two years) is loose: its articles share fewer terms,
//! and its average link is lower than the link between two *related but
//! different* events (a Senate race and the budget vote in the same week).
//! So:
//!
//! 1. **Seeds.** Articles join stories in one pass (in order of publication)
//!    at a strict bar, [`JOIN_FACTOR`] times the threshold. An article of a
//!    neighbouring event rarely clears it, so seeds do not chain two events
//!    together.
//! 2. **Coherent merging.** Stories are merged, most similar pairs first,
//!    while their average link reaches a lower bar ([`MERGE_FACTOR`] times
//!    the threshold) *and* is at least [`COHESION_RATIO`] times the
//!    geometric mean of the two stories' own cohesions (mean cosine between
//!    a story's members). Two halves of one loose topic are about as similar
//!    to each other as within themselves and merge; two tight events that
//!    share a setting are much less similar to each other than within
//!    themselves and stay apart. A story's cohesion is read from the norm of
//!    its centroid (the members are unit vectors), so the guard costs
//!    nothing per pair, and it is shrunk towards a prior for small stories,
//!    whose mean over few pairs is noisy.
//!
//! The same two stages run incrementally: a stream (and the store) seeds
//! each new article at the strict bar as it comes, and after each chunk
//! merges the stories opened in it with their coherent neighbours, old or
//! new ([`StoryIndex::merge_coherent`] starts from the stories opened
//! since its last call). Given the articles in one chunk in the batch's
//! order, that is the batch rule.
//!
//! One rule is not about words. A heading one outlet reuses on different
//! days ("NATIONAL FORECAST", "Markets at a glance", "Lottery results")
//! marks the instalments of a standing column: each day's forecast or price
//! table is its own piece of news, yet the instalments share their whole
//! vocabulary and look more alike than any two reports of one event. So two
//! articles of the same [`Column`] published [`INSTALMENT_GAP_SECS`] or more
//! apart are never put in one story, by either stage (copies of one
//! instalment are one unit and stay together).

mod vector;

pub use crosscheck_model::parse_iso8601;
pub use vector::{TermVector, Vectorizer};

use ahash::{AHashMap, AHashSet};
use crosscheck_model::{Article, Document, Duplicate};

/// A standing heading of one outlet: the outlet and the title, compared
/// without case, punctuation or spacing (see the crate documentation).
/// Articles without a known outlet or title belong to no column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Column(u64);

impl Column {
    /// The column of `article`, if it has both an outlet and a title with a
    /// letter or digit in it.
    pub fn of(article: &Article) -> Option<Column> {
        Column::heading(article.source.as_deref(), article.title.as_deref())
            .map(|h| Column::of_heading(&h))
    }

    /// The text two articles of one column share: the outlet and the title
    /// as lower-case words separated by single spaces, joined by a tab;
    /// `None` when either has no letter or digit. For keeping in a
    /// database ([`Column::of_heading`] gives the column back).
    pub fn heading(outlet: Option<&str>, title: Option<&str>) -> Option<String> {
        let (outlet, title) = (words(outlet?), words(title?));
        (!outlet.is_empty() && !title.is_empty()).then(|| format!("{outlet}\t{title}"))
    }

    /// The column of a [`Column::heading`].
    pub fn of_heading(heading: &str) -> Column {
        // Fixed seeds: the same heading gets the same key in every run.
        let hasher = ahash::RandomState::with_seeds(0x63, 0x72, 0x6f, 0x73);
        Column(hasher.hash_one(heading))
    }
}

/// Lower-case alphanumeric words joined by single spaces.
fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The instalment of a column an article is: its column and publication
/// time. Articles with no column or no time are no instalment.
fn instalment(column: Option<Column>, time: Option<i64>) -> Option<(Column, i64)> {
    Some((column?, time?))
}

/// Terms of a vector used to look up candidate stories.
const LOOKUP_TERMS: usize = 20;
/// Candidate stories scored exactly for each addition.
const MAX_CANDIDATES: usize = 8;
/// Time gap beyond which similarity is penalised: seven days, in seconds.
pub const MAX_GAP_SECS: i64 = 7 * 86_400;
/// Factor applied to similarity across a gap longer than seven days.
pub const GAP_PENALTY: f64 = 0.5;
/// Two articles under one [`Column`] heading published at least this far
/// apart (20 hours) are different instalments. Less than a day, so that a
/// daily column filed at slightly different hours still counts; more than
/// the hours over which one report is updated under its first headline.
pub const INSTALMENT_GAP_SECS: i64 = 20 * 3600;
/// Upper bound on merge rounds after the single pass.
pub const MAX_MERGE_ROUNDS: usize = 8;
/// Batch seed stage: articles join a story at this multiple of the
/// threshold (see the crate documentation).
pub const JOIN_FACTOR: f64 = 1.4;
/// Batch merge stage: stories merge at this multiple of the threshold when
/// they are also coherent (see [`COHESION_RATIO`]).
pub const MERGE_FACTOR: f64 = 0.75;
/// Batch merge stage: two stories merge only if their average link is at
/// least this fraction of the geometric mean of their cohesions.
pub const COHESION_RATIO: f64 = 0.5;
/// Pseudo-count (in member pairs) of the prior a story's cohesion is shrunk
/// towards: a story of 6 members (15 pairs) is weighed half and half.
pub const COHESION_PRIOR_PAIRS: f64 = 15.0;
/// The prior cohesion: about the mean cosine between members of a loose
/// topic story.
pub const COHESION_PRIOR: f64 = 0.15;

/// Groups documents into stories; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Clusterer {
    threshold: f64,
}

/// The default similarity threshold (average cosine between an article and a
/// story's members). The batch clusterer, the stream and the store derive
/// their two bars from it ([`JOIN_FACTOR`], [`MERGE_FACTOR`]);
/// [`Clusterer::index`] joins at the threshold itself in one pass. Chosen
/// on DUC 2003 (`crosscheck eval clustering`, and the `cluster_sweep`
/// example): B-cubed F1 was best at 0.11 for the one-pass rule, and the
/// two-stage scores stay within a few points of their best from 0.09 to
/// 0.13.
pub const DEFAULT_THRESHOLD: f64 = 0.11;

impl Default for Clusterer {
    fn default() -> Self {
        Clusterer {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

impl Clusterer {
    /// A clusterer with the [`DEFAULT_THRESHOLD`].
    pub fn new() -> Self {
        Self::default()
    }
    /// Similarity at or above which an article joins a story in one pass
    /// ([`Clusterer::index`]); batch clustering seeds stories at
    /// [`JOIN_FACTOR`] times it and merges coherent stories down to
    /// [`MERGE_FACTOR`] times it.
    pub fn threshold(mut self, t: f64) -> Self {
        self.threshold = t;
        self
    }

    /// An empty incremental [`StoryIndex`] joining at this clusterer's
    /// threshold, for a one-pass rule without the merge stage (the stream
    /// and the store use [`Clusterer::seed_index`] and
    /// [`Clusterer::merge`], as the batch does).
    pub fn index(&self) -> StoryIndex {
        StoryIndex::new(self.threshold)
    }

    /// An empty [`StoryIndex`] for the batch rule's first stage: articles
    /// join stories at [`JOIN_FACTOR`] times the threshold. Follow with
    /// [`Clusterer::merge`].
    pub fn seed_index(&self) -> StoryIndex {
        StoryIndex::new(self.threshold * JOIN_FACTOR)
    }

    /// The batch rule's second stage on `index`: merge coherent stories
    /// down to [`MERGE_FACTOR`] times the threshold (see
    /// [`StoryIndex::merge_coherent`]). Returns the number of merges.
    pub fn merge(&self, index: &mut StoryIndex) -> usize {
        index.merge_coherent(self.threshold * MERGE_FACTOR, COHESION_RATIO)
    }

    /// Stories as lists of indices into `docs`. Articles in one duplicate
    /// group always share a story. Each list is sorted; lists are ordered by
    /// their first index. Deterministic for the same input order.
    ///
    /// Articles are taken in input order, or in order of publication when
    /// every article has a readable `published` date (ties in input order).
    /// Members of a duplicate group (matched by article id; unknown ids are
    /// ignored) are added together as one unit whose vector is the
    /// normalised sum of theirs, so copies count once in a story's centroid.
    /// Similarity between an article and a story whose articles are all more
    /// than seven days away from it is halved.
    ///
    /// Units are seeded into stories at [`JOIN_FACTOR`] times the threshold,
    /// then stories are merged by [`StoryIndex::merge_coherent`] at
    /// [`MERGE_FACTOR`] times it with the [`COHESION_RATIO`] guard (see the
    /// crate documentation).
    pub fn cluster(&self, docs: &[Document], duplicates: &[Duplicate]) -> Vec<Vec<usize>> {
        if docs.is_empty() {
            return Vec::new();
        }
        let (_, vectors) = Vectorizer::fit_transform(docs);
        let times: Vec<Option<i64>> = docs
            .iter()
            .map(|d| d.article.published.as_deref().and_then(parse_iso8601))
            .collect();
        let columns: Vec<Option<Column>> = docs.iter().map(|d| Column::of(&d.article)).collect();

        let mut units = duplicate_units(docs, duplicates);
        if times.iter().all(Option::is_some) {
            units.sort_by_key(|u| (u.iter().filter_map(|&i| times[i]).min(), u[0]));
        }

        let mut index = self.seed_index();
        let mut story_of_unit = Vec::with_capacity(units.len());
        for unit in &units {
            let members: Vec<&TermVector> = unit.iter().map(|&i| &vectors[i]).collect();
            let v = TermVector::sum(&members);
            let time = unit.iter().filter_map(|&i| times[i]).min();
            let instalments: Vec<(Column, i64)> = unit
                .iter()
                .filter_map(|&i| instalment(columns[i], times[i]))
                .collect();
            story_of_unit.push(index.add_instalments(&v, time, &instalments));
        }
        self.merge(&mut index);

        let mut by_story: AHashMap<usize, Vec<usize>> = AHashMap::new();
        for (unit, &story) in units.iter().zip(&story_of_unit) {
            by_story
                .entry(index.story_of(story))
                .or_default()
                .extend(unit.iter().copied());
        }
        let mut out: Vec<Vec<usize>> = by_story
            .into_values()
            .map(|mut v| {
                v.sort_unstable();
                v
            })
            .collect();
        out.sort_unstable_by_key(|v| v[0]);
        out
    }
}

/// Indices grouped by duplicate group (singletons for the rest), each
/// sorted, ordered by first index.
fn duplicate_units(docs: &[Document], duplicates: &[Duplicate]) -> Vec<Vec<usize>> {
    let mut by_id: AHashMap<&str, Vec<usize>> = AHashMap::new();
    for (i, d) in docs.iter().enumerate() {
        by_id.entry(d.article.id.as_str()).or_default().push(i);
    }
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for dup in duplicates {
        let mut first: Option<usize> = None;
        for id in &dup.articles {
            for &i in by_id.get(id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                match first {
                    None => first = Some(i),
                    Some(f) => {
                        let (a, b) = (find(&mut parent, f), find(&mut parent, i));
                        if a != b {
                            parent[a.max(b)] = a.min(b);
                        }
                    }
                }
            }
        }
    }
    let mut units: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for i in 0..docs.len() {
        let r = find(&mut parent, i);
        units[r].push(i);
    }
    units.retain(|u| !u.is_empty());
    units
}

/// One story under construction.
#[derive(Debug, Clone, Default)]
struct StoryState {
    /// Sum of the unit vectors added (term id → weight).
    centroid: AHashMap<u32, f32>,
    /// Squared L2 norm of `centroid`.
    norm_sq: f64,
    /// Earliest and latest known publication times.
    first: Option<i64>,
    last: Option<i64>,
    /// Terms under which this story is in the postings.
    indexed: AHashSet<u32>,
    /// Number of vectors added.
    size: usize,
    /// Per column heading among the members: the earliest and latest
    /// publication times under it, sorted by column.
    columns: Vec<(Column, i64, i64)>,
}

impl StoryState {
    fn dot(&self, v: &TermVector) -> f64 {
        v.entries()
            .iter()
            .map(|&(t, w)| f64::from(w) * f64::from(self.centroid.get(&t).copied().unwrap_or(0.0)))
            .sum()
    }

    fn add(&mut self, v: &TermVector) {
        let dot = self.dot(v);
        for &(t, w) in v.entries() {
            *self.centroid.entry(t).or_insert(0.0) += w;
        }
        self.norm_sq += 2.0 * dot + v.norm_sq();
        self.size += 1;
    }

    fn add_time(&mut self, first: Option<i64>, last: Option<i64>) {
        self.first = match (self.first, first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last = match (self.last, last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }

    /// Whether adding instalment `(column, time)` would put two articles of
    /// one column [`INSTALMENT_GAP_SECS`] or more apart in this story.
    fn other_instalment(&self, (column, time): (Column, i64)) -> bool {
        match self.columns.binary_search_by_key(&column, |e| e.0) {
            Ok(k) => {
                let (_, first, last) = self.columns[k];
                last.max(time) - first.min(time) >= INSTALMENT_GAP_SECS
            }
            Err(_) => false,
        }
    }

    /// Whether merging with `other` would put two instalments of one column
    /// in one story.
    fn shares_a_column_with(&self, other: &StoryState) -> bool {
        let (small, large) = if self.columns.len() <= other.columns.len() {
            (self, other)
        } else {
            (other, self)
        };
        small.columns.iter().any(|&(c, first, last)| {
            large.other_instalment((c, first)) || large.other_instalment((c, last))
        })
    }

    fn add_instalment(&mut self, (column, first, last): (Column, i64, i64)) {
        match self.columns.binary_search_by_key(&column, |e| e.0) {
            Ok(k) => {
                let e = &mut self.columns[k];
                e.1 = e.1.min(first);
                e.2 = e.2.max(last);
            }
            Err(k) => self.columns.insert(k, (column, first, last)),
        }
    }

    /// The story's cohesion: the mean cosine between its members, shrunk
    /// towards [`COHESION_PRIOR`] with the weight of
    /// [`COHESION_PRIOR_PAIRS`] member pairs; `None` for a story of one
    /// vector.
    ///
    /// The members are unit vectors, so the squared norm of their sum is
    /// `n + 2 * (sum of the cosines of the n(n-1)/2 pairs)`.
    fn cohesion(&self) -> Option<f64> {
        if self.size < 2 {
            return None;
        }
        let n = self.size as f64;
        let pairs = n * (n - 1.0) / 2.0;
        let mean = ((self.norm_sq - n) / (2.0 * pairs)).max(0.0);
        Some(
            (pairs * mean + COHESION_PRIOR_PAIRS * COHESION_PRIOR) / (pairs + COHESION_PRIOR_PAIRS),
        )
    }

    /// The centroid as a sorted sparse vector (deterministic iteration).
    fn sorted_centroid(&self) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = self.centroid.iter().map(|(&t, &w)| (t, w)).collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    }
}

/// The time penalty between two spans of publication times (earliest,
/// latest): [`GAP_PENALTY`] when they are more than [`MAX_GAP_SECS`]
/// apart, else 1 (also when a time is unknown). The store's index applies
/// the same penalty.
pub fn time_factor(a: (Option<i64>, Option<i64>), b: (Option<i64>, Option<i64>)) -> f64 {
    match (a, b) {
        ((Some(a0), Some(a1)), (Some(b0), Some(b1))) => {
            let gap = if b0 > a1 {
                b0 - a1
            } else if a0 > b1 {
                a0 - b1
            } else {
                0
            };
            if gap > MAX_GAP_SECS {
                GAP_PENALTY
            } else {
                1.0
            }
        }
        _ => 1.0,
    }
}

/// Incremental story building: add article vectors one at a time and get
/// back the story each joins.
///
/// A vector joins the story with the highest average-link similarity (the
/// mean cosine between it and the story's members, computed from the sum of
/// their unit vectors), provided
/// the similarity — halved when the vector's time is more than seven days
/// from every article of the story — reaches the threshold; otherwise it
/// opens a new story. Only stories that share one of the vector's
/// strongest terms are considered. Story ids are assigned from 0 in order of
/// creation; after [`StoryIndex::merge_similar`] a merged story is
/// represented by the smaller id (see [`StoryIndex::story_of`]).
#[derive(Debug, Clone)]
pub struct StoryIndex {
    threshold: f64,
    stories: Vec<StoryState>,
    /// Merged stories point to the story they were merged into.
    parent: Vec<usize>,
    postings: AHashMap<u32, Vec<usize>>,
    /// Most postings read per term when looking up candidates (the newest).
    max_scan: usize,
    /// Scratch accumulator indexed by story id.
    scratch: Vec<f32>,
    /// Per story: whether it was opened since the last merge.
    opened: Vec<bool>,
    /// Terms whose posting lists name a story merged into another since
    /// they were last compacted.
    merged_terms: AHashSet<u32>,
}

impl StoryIndex {
    /// An empty index joining at cosine similarity `threshold`.
    pub fn new(threshold: f64) -> Self {
        StoryIndex {
            threshold,
            stories: Vec::new(),
            parent: Vec::new(),
            postings: AHashMap::new(),
            max_scan: usize::MAX,
            scratch: Vec::new(),
            opened: Vec::new(),
            merged_terms: AHashSet::new(),
        }
    }

    /// Read at most the `n` newest stories listed under each term when
    /// looking up candidates (default: all). A stream of millions of
    /// articles builds term lists with tens of thousands of stories, and
    /// reading them whole makes each addition cost grow with the stream;
    /// with a cap the cost per article stays flat, and an article is still
    /// compared with the recent stories that share its strongest terms.
    pub fn max_postings_scan(mut self, n: usize) -> Self {
        self.max_scan = n.max(1);
        self
    }

    /// Number of live stories (merged ones not counted).
    pub fn len(&self) -> usize {
        (0..self.parent.len())
            .filter(|&i| self.parent[i] == i)
            .count()
    }

    /// Whether no story has been created.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// The live story that story id `story` now belongs to.
    pub fn story_of(&self, mut story: usize) -> usize {
        while self.parent[story] != story {
            story = self.parent[story];
        }
        story
    }

    /// Number of vectors added to story `story` (including merged stories).
    pub fn story_size(&self, story: usize) -> usize {
        self.stories[self.story_of(story)].size
    }

    /// The best story for `v` (published at `time`) and its similarity,
    /// if any story shares one of its strongest terms.
    pub fn best(&mut self, v: &TermVector, time: Option<i64>) -> Option<(usize, f64)> {
        self.best_for(v, time, &[])
    }

    /// [`StoryIndex::best`] for a vector that stands for the column
    /// instalments `instalments`: stories holding another instalment of one
    /// of those columns are not candidates.
    fn best_for(
        &mut self,
        v: &TermVector,
        time: Option<i64>,
        instalments: &[(Column, i64)],
    ) -> Option<(usize, f64)> {
        let cands = self.candidates(&v.top_terms(LOOKUP_TERMS));
        let mut best: Option<(usize, f64)> = None;
        for &s in &cands {
            let st = &self.stories[s];
            if st.norm_sq <= 0.0 || instalments.iter().any(|&i| st.other_instalment(i)) {
                continue;
            }
            // Average link: the mean cosine between `v` and the story's
            // members (their vectors are unit length, so the dot product with
            // their sum divided by their number). Unlike the cosine with the
            // centroid, it does not rise as a story grows loose, so stories
            // do not drift and swallow their neighbours.
            let sim = st.dot(v) / st.size.max(1) as f64 / v.norm_sq().sqrt().max(f64::MIN_POSITIVE)
                * time_factor((st.first, st.last), (time, time));
            if best.is_none_or(|(bs, bsim)| sim > bsim || (sim == bsim && s < bs)) {
                best = Some((s, sim));
            }
        }
        best
    }

    /// Up to [`MAX_CANDIDATES`] live stories sharing the most weight with
    /// `top` (a vector's strongest terms), best first (ties by story id).
    fn candidates(&mut self, top: &[(u32, f32)]) -> Vec<usize> {
        let mut touched: Vec<usize> = Vec::new();
        self.scratch.resize(self.stories.len(), 0.0);
        for &(t, w) in top {
            let Some(list) = self.postings.get(&t) else {
                continue;
            };
            for &s in &list[list.len().saturating_sub(self.max_scan)..] {
                let s = self.story_of(s);
                if self.scratch[s] == 0.0 {
                    touched.push(s);
                }
                self.scratch[s] += w.max(f32::MIN_POSITIVE);
            }
        }
        let mut cands: Vec<(usize, f32)> = touched
            .iter()
            .map(|&s| (s, std::mem::take(&mut self.scratch[s])))
            .collect();
        // The order is total (weight, then id), so selecting the best few
        // before sorting them gives the same list as sorting everything.
        let order = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES - 1, order);
            cands.truncate(MAX_CANDIDATES);
        }
        cands.sort_unstable_by(order);
        // Collected from a borrow, not `into_iter`: that would reuse the
        // buffer sized for every touched story, and merging keeps the
        // lists.
        cands.iter().map(|c| c.0).collect()
    }

    /// Add a vector published at `time` (seconds, any fixed epoch) and
    /// return the id of the story it joined or opened.
    pub fn add(&mut self, v: &TermVector, time: Option<i64>) -> usize {
        self.add_instalments(v, time, &[])
    }

    /// Add the vector of an article under a [`Column`] heading (`None`: no
    /// column, as [`StoryIndex::add`]); it does not join a story that holds
    /// another instalment of its column.
    pub fn add_in_column(
        &mut self,
        v: &TermVector,
        time: Option<i64>,
        column: Option<Column>,
    ) -> usize {
        let instalments: Vec<(Column, i64)> = instalment(column, time).into_iter().collect();
        self.add_instalments(v, time, &instalments)
    }

    /// Add a vector standing for the column instalments `instalments` (a
    /// duplicate group may hold several).
    fn add_instalments(
        &mut self,
        v: &TermVector,
        time: Option<i64>,
        instalments: &[(Column, i64)],
    ) -> usize {
        let story = match self.best_for(v, time, instalments) {
            Some((s, sim)) if sim >= self.threshold => s,
            _ => {
                self.stories.push(StoryState::default());
                self.parent.push(self.stories.len() - 1);
                self.opened.push(true);
                self.stories.len() - 1
            }
        };
        let st = &mut self.stories[story];
        st.add(v);
        st.add_time(time, time);
        for &(c, t) in instalments {
            st.add_instalment((c, t, t));
        }
        for (t, _) in v.top_terms(LOOKUP_TERMS) {
            if self.stories[story].indexed.insert(t) {
                self.postings.entry(t).or_default().push(story);
            }
        }
        story
    }

    /// Merge stories whose average link (mean cosine between their members,
    /// with the same time penalty) is at or above the index's threshold,
    /// most similar pairs first, each story merged at most once per round,
    /// until a round merges nothing. Returns the number of merges.
    pub fn merge_similar(&mut self) -> usize {
        self.merge_coherent(self.threshold, 0.0)
    }

    /// Like [`StoryIndex::merge_similar`] with the bar `threshold`, and a
    /// guard: when both stories have two or more members, their average
    /// link must also reach `ratio` times the geometric mean of their
    /// cohesions (the mean cosine between a story's own members, shrunk
    /// towards a prior for small stories). A pair of stories each much
    /// tighter than the link between them — two related events — stays
    /// apart; `ratio` 0 turns the guard off. Returns the number of merges.
    ///
    /// The stories opened since the previous call (every story, on the
    /// first call) look for partners, and then the stories that absorbed
    /// another, round after round; a story that only grew by an article
    /// since does not (that look-up would double the cost of each article
    /// in a stream). So a stream merges after each chunk without looking at
    /// all its stories again, and one call after adding a batch is the
    /// batch rule.
    pub fn merge_coherent(&mut self, threshold: f64, ratio: f64) -> usize {
        let mut merges = 0;
        // Per story: its sorted centroid, norm and strongest terms, kept
        // across rounds; only a story that absorbed another changes.
        let mut cache: AHashMap<usize, Summary> = AHashMap::new();
        // Per story that looked its candidates up: the list. A story in
        // `changed` looks up (again) this round. A pair of unchanged
        // stories was scored in the previous round and either fell short
        // (it still does) or lost to a merge of one of them (so that one
        // changed), so only pairs with a changed side are scored again.
        // Stories unchanged since the previous call have no list: they are
        // paired only from the lists of changed ones. Everything here is
        // sized by the stories that changed, not by all stories, so a
        // stream can merge after every chunk.
        let mut neighbours: AHashMap<usize, Vec<usize>> = AHashMap::new();
        let mut changed: AHashSet<usize> = self
            .opened
            .iter()
            .enumerate()
            .filter(|&(s, &g)| g && self.parent[s] == s)
            .map(|(s, _)| s)
            .collect();
        self.opened.fill(false);
        for _ in 0..MAX_MERGE_ROUNDS {
            if merges > 0 {
                self.compact_postings();
            }
            // A story whose candidates were merged away since it looked
            // them up looks up again: its list may now have room for others.
            for (&s, list) in &neighbours {
                if list.iter().any(|&o| self.parent[o] != o) {
                    changed.insert(s);
                }
            }
            let mut active: Vec<usize> = neighbours.keys().chain(&changed).copied().collect();
            active.sort_unstable();
            active.dedup();
            let mut pairs: Vec<(usize, usize)> = Vec::new();
            for s in active {
                if changed.contains(&s) {
                    let top = cache
                        .entry(s)
                        .or_insert_with(|| Summary::of(&self.stories[s]))
                        .top
                        .clone();
                    let list = self.candidates(&top);
                    neighbours.insert(s, list);
                }
                for &o in neighbours.get(&s).map(Vec::as_slice).unwrap_or(&[]) {
                    // Candidates found in an earlier round may have been
                    // merged into another story since.
                    let o = self.story_of(o);
                    if o != s && (changed.contains(&s) || changed.contains(&o)) {
                        pairs.push((s.min(o), s.max(o)));
                    }
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            let mut scored: Vec<(f64, usize, usize)> = Vec::new();
            for (s, o) in pairs {
                for x in [s, o] {
                    if !cache.contains_key(&x) {
                        cache.insert(x, Summary::of(&self.stories[x]));
                    }
                }
                let (Some(cs), Some(co)) = (cache.get(&s), cache.get(&o)) else {
                    continue;
                };
                if cs.norm <= 0.0 || co.norm <= 0.0 {
                    continue;
                }
                let (a, b) = (&self.stories[s], &self.stories[o]);
                if a.shares_a_column_with(b) {
                    continue;
                }
                // The dot product of the two centroids, walking the shorter
                // in term order and looking terms up in the other's map: the
                // same products summed in the same order as a merge walk of
                // both sorted lists, without reading a large story's
                // thousands of terms for every small neighbour.
                let dot = if cs.sorted.len() <= co.sorted.len() {
                    lookup_dot(&cs.sorted, &b.centroid)
                } else {
                    lookup_dot(&co.sorted, &a.centroid)
                };
                // Average link between the two stories' members.
                let sim = dot / (a.size.max(1) * b.size.max(1)) as f64
                    * time_factor((a.first, a.last), (b.first, b.last));
                let coherent = match (a.cohesion(), b.cohesion()) {
                    (Some(ca), Some(cb)) => sim >= ratio * (ca * cb).sqrt(),
                    _ => true,
                };
                if sim >= threshold && coherent {
                    scored.push((sim, s, o));
                }
            }
            if scored.is_empty() {
                break;
            }
            scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
            let mut used: AHashSet<usize> = AHashSet::new();
            changed.clear();
            for (_, s, o) in scored {
                if used.contains(&s) || used.contains(&o) {
                    continue;
                }
                used.insert(s);
                used.insert(o);
                let moved = cache.remove(&o).map(|c| c.sorted).unwrap_or_default();
                self.absorb(s, o, &moved);
                cache.remove(&s);
                neighbours.remove(&s);
                neighbours.remove(&o);
                changed.insert(s);
                merges += 1;
            }
        }
        merges
    }

    /// Point the posting lists of the terms of merged stories at live
    /// stories only, each listed once (at its newest position), so that
    /// lookups after many merges read short lists and no chains of merged
    /// ids. Other lists hold only live stories, each once, already. With a
    /// [`StoryIndex::max_postings_scan`] cap only the part of a list that
    /// lookups read is rewritten: a stream's lists of common words hold
    /// hundreds of thousands of stories, and rewriting them whole after
    /// every chunk made the merge stage grow with the stream.
    fn compact_postings(&mut self) {
        let mut terms: Vec<u32> = self.merged_terms.drain().collect();
        terms.sort_unstable();
        let mut seen: AHashSet<usize> = AHashSet::new();
        for t in terms {
            let Some(list) = self.postings.get_mut(&t) else {
                continue;
            };
            let start = list.len().saturating_sub(self.max_scan);
            seen.clear();
            let mut tail: Vec<usize> = Vec::with_capacity(list.len() - start);
            for &s in list[start..].iter().rev() {
                let mut r = s;
                while self.parent[r] != r {
                    r = self.parent[r];
                }
                if seen.insert(r) {
                    tail.push(r);
                }
            }
            tail.reverse();
            list.truncate(start);
            list.extend(tail);
        }
    }

    /// Merge story `o` into story `s` (`s < o`).
    fn absorb(&mut self, s: usize, o: usize, centroid_o: &[(u32, f32)]) {
        let moved = std::mem::take(&mut self.stories[o]);
        let target = &mut self.stories[s];
        for &(t, w) in centroid_o {
            *target.centroid.entry(t).or_insert(0.0) += w;
        }
        target.norm_sq = target
            .sorted_centroid()
            .iter()
            .map(|&(_, w)| f64::from(w) * f64::from(w))
            .sum();
        target.add_time(moved.first, moved.last);
        target.size += moved.size;
        for &e in &moved.columns {
            target.add_instalment(e);
        }
        let mut terms: Vec<u32> = moved.indexed.into_iter().collect();
        terms.sort_unstable();
        for t in terms {
            // The list names `o`, which is no longer a story.
            self.merged_terms.insert(t);
            if target.indexed.insert(t) {
                self.postings.entry(t).or_default().push(s);
            }
        }
        self.parent[o] = s;
    }
}

/// What [`StoryIndex::merge_similar`] reads of a story.
#[derive(Debug, Clone)]
struct Summary {
    /// The centroid sorted by term id.
    sorted: Vec<(u32, f32)>,
    /// Its L2 norm.
    norm: f64,
    /// Its strongest terms (see [`top_of_centroid`]).
    top: Vec<(u32, f32)>,
}

impl Summary {
    fn of(st: &StoryState) -> Summary {
        Summary {
            sorted: st.sorted_centroid(),
            norm: st.norm_sq.sqrt(),
            top: top_of_centroid(&st.centroid, LOOKUP_TERMS),
        }
    }
}

/// Sum of `w * other[t]` over the entries of `sorted`, in its order.
fn lookup_dot(sorted: &[(u32, f32)], other: &AHashMap<u32, f32>) -> f64 {
    sorted
        .iter()
        .filter_map(|&(t, w)| other.get(&t).map(|&v| f64::from(w) * f64::from(v)))
        .sum()
}

/// The `k` heaviest terms of a story's centroid after L2 normalisation,
/// heaviest first (ties by term id): the same list as
/// `TermVector::from_weights(centroid).top_terms(k)`, without sorting the
/// whole centroid (a large story's centroid has thousands of terms).
fn top_of_centroid(centroid: &AHashMap<u32, f32>, k: usize) -> Vec<(u32, f32)> {
    let mut v: Vec<(u32, f32)> = centroid
        .iter()
        .filter(|e| *e.1 != 0.0)
        .map(|(&t, &w)| (t, w))
        .collect();
    v.sort_unstable_by_key(|e| e.0);
    TermVector::from_weights(v).top_terms(k)
}

fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1) * f64::from(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests;
