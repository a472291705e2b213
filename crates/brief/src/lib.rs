//! Brief: a short extractive summary of one story in which every sentence
//! cites the exact source spans it comes from.
//!
//! # The model
//!
//! A story is a set of *independent sources*: an article together with its
//! syndicated copies counts once. What the story is about is what many
//! independent sources say, so the brief is built from **concepts** — content
//! words and pairs of adjacent content words ("police arrest", "4,000
//! people") — each worth the number of independent sources that use it, more
//! when they use it early (news copy puts the who/what/when first). A
//! sentence is worth what it adds: the value of the concepts it carries that
//! the brief does not cover yet, per word, so a long sentence must bring
//! proportionally more. This is the concept-coverage model of Gillick and
//! Favre (2009), solved greedily.
//!
//! On top of coverage, what the other stages know:
//!
//! * **corroboration** — a sentence stating a claim that several independent
//!   sources make ([`Evidence::claims`]) is worth more; a sentence carrying
//!   the minority side of a conflicting figure ([`Evidence::conflicts`]) is
//!   worth less and never leads the brief;
//! * **key entities** — people, places and organisations many sources name
//!   ([`Evidence::entities`]) are concepts of their own;
//! * **position** — lead sentences of an article carry the essentials.
//!
//! And what a reader expects of a brief:
//!
//! * no **junk**: fragments, headlines and teasers, questions, sentences
//!   without a full stop, page furniture ("click here", "sign up");
//! * no **repetition**: a candidate that mostly repeats a chosen sentence (a
//!   near-paraphrase from another outlet) is refused, and so is one that
//!   states the same figures ("from 11 days to four" / "down to four days"),
//!   however differently worded, or one that a paraphrase judge
//!   ([`Evidence::same_statement`], the reconcile stage's same-claim model
//!   when the pipeline runs) takes for the same statement ("will face
//!   questions from legislators on Wednesday" / "will take questions from
//!   parliament's finance committee on Wednesday");
//! * **asides** ("Separately, …") are worth less than the main story, and so
//!   are **enumerations** ("along with timber, coal, machine parts, building
//!   stone, and farm tools"): background whose list items would otherwise
//!   pass for many facts;
//! * no **dangling openers**: "He added that…" or `"…," she said` is used only
//!   right after the sentence it points back to; a sentence that is nothing
//!   but a quotation (its speaker named elsewhere) is not used;
//! * **datelines** ("LONDON (AP) —") are left out of the cited span;
//! * **coherent order**: articles in the story's reading order (oldest
//!   first), sentences in their order within an article.
//!
//! Every brief sentence is an unaltered sentence (or the sentence without
//! its dateline) of a cleaned article, so its first citation is the span it
//! was taken from; verbatim copies in other articles of the story are cited
//! as well.
//!
//! An *update* brief ([`Briefer::known_sentences`]) treats the sentences of
//! an earlier brief as already read: their concepts count as covered and
//! sentences repeating them are refused, so only what is new is briefed.

use std::sync::LazyLock;

use ahash::{AHashMap, AHashSet};
use crosscheck_model::{
    BriefSentence, Citation, Claim, Conflict, Document, Duplicate, Entity, Span,
};
use crosscheck_text::{fold_whitespace, Analyzer};

/// A story's brief and title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brief {
    pub title: String,
    pub sentences: Vec<BriefSentence>,
}

/// Share of the smaller sentence's terms two candidates must have in common
/// before a [`SameStatement`] judge is asked about them.
const JUDGE_MIN_SHARED: f64 = 0.3;

/// Decides whether two sentences state the same thing in different words.
///
/// This is the seam through which a trained paraphrase model (the reconcile
/// stage's same-claim model, wired in by the `crosscheck` crate) tells the
/// brief which candidates repeat a chosen sentence, without the brief
/// depending on that stage. The brief asks only about pairs its own word and
/// figure tests do not already call repeats.
pub trait SameStatement {
    /// Whether `a` and `b` (two sentences, as cited) say the same thing.
    fn same(&self, a: &str, b: &str) -> bool;
}

/// What the facts and reconcile stages found in a story, used to weigh
/// sentences. Every field may be empty.
#[derive(Clone, Copy, Default)]
pub struct Evidence<'a> {
    /// Claims with their independent-source counts and citations.
    pub claims: &'a [Claim],
    /// Conflicting values, each side with its citations.
    pub conflicts: &'a [Conflict],
    /// Named entities merged across the story's articles.
    pub entities: &'a [Entity],
    /// A paraphrase judge: candidates it takes for the same statement as a
    /// chosen sentence are left out, like word-level repeats.
    pub same_statement: Option<&'a dyn SameStatement>,
}

impl std::fmt::Debug for Evidence<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evidence")
            .field("claims", &self.claims)
            .field("conflicts", &self.conflicts)
            .field("entities", &self.entities)
            .field("same_statement", &self.same_statement.is_some())
            .finish()
    }
}

/// Writes briefs; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Briefer {
    max_sentences: usize,
    max_words: usize,
    redundancy: f64,
    overflow: bool,
    /// Terms of sentences already briefed (update mode), each sorted, unique.
    known: Vec<Vec<String>>,
    /// Folded, lower-cased texts of the sentences already briefed.
    known_text: AHashSet<String>,
    /// Ids of articles already briefed (update mode): not briefed again.
    known_articles: AHashSet<String>,
}

impl Default for Briefer {
    fn default() -> Self {
        Briefer {
            max_sentences: 10,
            max_words: 250,
            redundancy: 0.5,
            overflow: false,
            known: Vec::new(),
            known_text: AHashSet::new(),
            known_articles: AHashSet::new(),
        }
    }
}

/// Sentences shorter than this (in words) are rarely self-contained facts.
const MIN_WORDS: usize = 8;
/// Sentences longer than this are usually run-ons from bad extraction.
const MAX_WORDS: usize = 70;
/// Length normalisation of the greedy choice: value added / words^power.
/// Below 1, so a long sentence that carries much is not passed over for a
/// short one that carries little.
const LENGTH_POWER: f64 = 0.6;
/// Weight of a single content word relative to a pair of adjacent words.
const UNIGRAM_WEIGHT: f64 = 0.25;
/// Weight of a key entity (per independent source naming it) relative to a
/// pair of adjacent words.
const ENTITY_WEIGHT: f64 = 1.0;
/// Extra value per additional independent source of a claim a sentence
/// states (up to three).
const CORROBORATION_BONUS: f64 = 0.1;
/// How fast an occurrence's weight decays with its sentence's position.
const POSITION_DECAY: f64 = 0.1;
/// What a sentence opening as an aside ("Separately, …") is worth relative
/// to one on the main story.
const ASIDE_FACTOR: f64 = 0.7;
/// Words either side of a number that say what it counts ("43 people
/// injured", "from 11 days to four").
const FIGURE_WINDOW: usize = 3;
/// How much less a sentence is worth when it is all quotation.
const QUOTE_PENALTY: f64 = 0.4;
/// What a sentence that enumerates ([`enumerates`]) is worth relative to
/// one that states a fact.
const LIST_FACTOR: f64 = 0.5;
/// Overflow mode: the budget is no longer filled with a sentence that fits
/// when it is worth less than this share of the best one that would run past
/// the budget (which then ends the brief instead).
const FILL_RATIO: f64 = 0.8;

/// Openers that point back to a sentence the reader has not seen. Extracted
/// on their own they dangle ("He added that…"), so they are only used when the
/// sentence before them in the same article is in the brief too.
const DANGLING_OPENERS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "but",
    "and",
    "so",
    "also",
    "however",
    "meanwhile",
    "still",
    "yet",
    "instead",
    "such",
    "there",
    "then",
    "both",
    "another",
    "others",
    "the two",
    "in addition",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "likewise",
    "similarly",
    "besides",
    "thus",
    "hence",
    "therefore",
    "as a result",
    "in turn",
    "even so",
    "for his part",
    "for her part",
    "for their part",
    "at the same time",
    "the latter",
    "the former",
    "him",
    "them",
    "later",
    "earlier",
    "here",
];

/// Pronouns that, as the speaker of a quotation, leave it unattributed
/// (`"…," he said.`).
const PRONOUN_SPEAKERS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Page furniture and promotional text that a cleaner may have missed.
const JUNK_MARKERS: &[&str] = &[
    "click here",
    "sign up",
    "subscribe",
    "newsletter",
    "all rights reserved",
    "copyright",
    "read more",
    "follow us",
    "download our app",
    "this article",
    "this story has been",
    "contributed to this report",
    "contributed reporting",
    "is a correspondent",
    "for more information",
    "terms of use",
    "privacy policy",
];

impl Briefer {
    pub fn new() -> Self {
        Self::default()
    }
    /// Most sentences in a brief.
    pub fn max_sentences(mut self, n: usize) -> Self {
        self.max_sentences = n;
        self
    }
    /// Most words in a brief (a sentence that would pass it is not taken).
    pub fn max_words(mut self, n: usize) -> Self {
        self.max_words = n;
        self
    }
    /// Term overlap (shared stems over the smaller sentence's stems) above
    /// which a candidate is considered to repeat a sentence already chosen.
    pub fn redundancy(mut self, t: f64) -> Self {
        self.redundancy = t;
        self
    }
    /// Let one last sentence run past the word budget, placed at the end of
    /// the brief, for callers that cut the text at the word count themselves
    /// (ROUGE evaluations at a fixed length). The last sentence stands on its
    /// own (no dangling opener), and the budget is not topped up with a weak
    /// short sentence when a much stronger one can end the brief instead
    /// (worth less than 0.8 of it). Off by default: a brief then never exceeds
    /// its budget.
    pub fn overflow(mut self, yes: bool) -> Self {
        self.overflow = yes;
        self
    }
    /// Update mode: sentences the reader has already seen (the brief of an
    /// earlier run). Their content counts as covered and candidates that
    /// repeat them are refused, so the brief says only what is new. A story
    /// with nothing new gets an empty brief.
    pub fn known_sentences<I, S>(mut self, texts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for t in texts {
            let text = t.as_ref();
            let mut terms = ANALYZER.terms(text);
            terms.sort();
            terms.dedup();
            self.known.push(terms);
            self.known_text.insert(fold_whitespace(text).to_lowercase());
        }
        self
    }

    /// Update mode: articles the reader has already had briefed. Their
    /// sentences are not briefed again (what is new comes from the other
    /// articles), though they still count as sources when weighing what the
    /// story is about.
    pub fn known_articles<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.known_articles
            .extend(ids.into_iter().map(|s| s.as_ref().to_owned()));
        self
    }

    /// Brief the story made of `docs` (in the story's reading order);
    /// `duplicates` says which articles are copies of each other (they count
    /// as one source). Duplicate groups that involve articles outside `docs`
    /// are fine: only members inside the story matter.
    pub fn brief(&self, docs: &[&Document], duplicates: &[Duplicate]) -> Brief {
        self.brief_with(docs, duplicates, Evidence::default())
    }

    /// [`Briefer::brief`] using what the facts and reconcile stages found:
    /// corroborated claims weigh more, minority sides of conflicts less, key
    /// entities are concepts to cover.
    pub fn brief_with(
        &self,
        docs: &[&Document],
        duplicates: &[Duplicate],
        evidence: Evidence<'_>,
    ) -> Brief {
        let sources = source_groups(docs, duplicates);
        let mut story = Story::build(docs, &sources);
        story.weigh_evidence(docs, &sources, &evidence);
        let selection = self.select(&story, docs, evidence.same_statement);
        let chosen = order(&story, docs, selection);
        let copies = verbatim_index(docs);
        let sentences = chosen
            .iter()
            .map(|&ci| {
                let c = &story.candidates[ci];
                let doc = docs[c.doc];
                let text = c.span.slice(&doc.article.text);
                let mut citations = vec![Citation {
                    article: doc.article.id.clone(),
                    start: c.span.start,
                    end: c.span.end,
                }];
                let full = doc.sentences[c.sentence].span;
                let key = fold_whitespace(full.slice(&doc.article.text));
                if let Some(others) = copies.get(&key) {
                    for &(d, s) in others {
                        if d == c.doc {
                            continue;
                        }
                        // The same cut applies to the verbatim copy.
                        let sp = docs[d].sentences[s].span;
                        let cut = c.span.start - full.start;
                        let tail = full.end - c.span.end;
                        citations.push(Citation {
                            article: docs[d].article.id.clone(),
                            start: sp.start + cut,
                            end: sp.end - tail,
                        });
                    }
                }
                citations[1..].sort();
                citations.dedup();
                BriefSentence {
                    text: fold_whitespace(text),
                    citations,
                }
            })
            .collect();
        let lead = chosen.first().map(|&ci| &story.candidates[ci]);
        Brief {
            title: story_title(docs, &sources, lead),
            sentences,
        }
    }

    /// Greedy concept coverage: repeatedly take the candidate that adds the
    /// most uncovered concept value per word (scaled by its position and
    /// evidence factors), within the word and sentence budgets.
    fn select(
        &self,
        story: &Story,
        docs: &[&Document],
        judge: Option<&dyn SameStatement>,
    ) -> Selection {
        // Word and figure repeats are excluded as soon as a sentence is
        // chosen; the (costlier) judge is asked only about the sentence about
        // to be chosen, so it sees a few dozen pairs, not every candidate.
        let repeats = |a: usize, b: usize| self.repeats(story, docs, None, a, b);
        let judged = |ci: usize, chosen: &[usize]| {
            judge.is_some()
                && chosen
                    .iter()
                    .any(|&o| self.repeats(story, docs, judge, ci, o))
        };
        let cands = &story.candidates;
        let mut covered = vec![false; story.weights.len()];
        let mut excluded = vec![false; cands.len()];
        // Update mode: what the reader knows is covered; repeats are out.
        if !self.known.is_empty() || !self.known_articles.is_empty() {
            for k in &self.known {
                for t in k {
                    if let Some(&id) = story.term_ids.get(t.as_str()) {
                        covered[id as usize] = true;
                    }
                }
            }
            for (ci, c) in cands.iter().enumerate() {
                if self.known_articles.contains(&docs[c.doc].article.id) {
                    excluded[ci] = true;
                    continue;
                }
                let text = fold_whitespace(c.span.slice(&docs[c.doc].article.text)).to_lowercase();
                if self.known_text.contains(&text)
                    || self
                        .known
                        .iter()
                        .any(|k| overlap_str(&c.term_strs, k) > self.redundancy)
                {
                    excluded[ci] = true;
                }
            }
            // Pairs of known adjacent terms: mark their bigram concepts.
            for k in &self.known {
                let set: AHashSet<&str> = k.iter().map(String::as_str).collect();
                for c in cands {
                    for &cid in &c.concepts {
                        if let Some(&(a, b)) = story.bigram_of.get(&cid) {
                            if set.contains(story.term_names[a as usize].as_str())
                                && set.contains(story.term_names[b as usize].as_str())
                            {
                                covered[cid as usize] = true;
                            }
                        }
                    }
                }
            }
        }
        let blocked = excluded.clone();
        let mut sel = Search::new(story, covered);
        // Greedy: the best value added per word, within the budget.
        while sel.chosen.len() < self.max_sentences {
            let mut best: Option<(f64, usize)> = None;
            for (ci, c) in cands.iter().enumerate() {
                if excluded[ci] || sel.words + c.words > self.max_words || !sel.anchored(ci) {
                    continue;
                }
                let score = sel.score(ci);
                if score <= 0.0 {
                    continue;
                }
                if best.is_none_or(|(b, bi)| score > b || (score == b && ci < bi)) {
                    best = Some((score, ci));
                }
            }
            let Some((score, ci)) = best else { break };
            // At the end of an overflow brief, a short filler that fits is
            // worth less than the opening of a strong sentence that runs
            // past the budget (the reader of a fixed-length brief gets the
            // words up to the cut): leave the rest to the overflow.
            if self.overflow && score < FILL_RATIO * self.best_past_budget(&sel, &excluded) {
                break;
            }
            excluded[ci] = true;
            if judged(ci, &sel.chosen) {
                continue;
            }
            sel.add(ci);
            // Near-paraphrases of the chosen sentence are out.
            for (oi, out) in excluded.iter_mut().enumerate() {
                if !*out && repeats(oi, ci) {
                    *out = true;
                }
            }
        }
        // Overflow: one more sentence past the budget, placed last.
        let mut tail = None;
        if self.overflow && sel.chosen.len() < self.max_sentences {
            let mut ranked: Vec<(f64, usize)> = Vec::new();
            for (ci, &out) in blocked.iter().enumerate() {
                // Placed last, a sentence that leans on the one before it
                // would follow the wrong sentence: the tail must stand alone.
                if out || sel.chosen.contains(&ci) || story.candidates[ci].dangling {
                    continue;
                }
                if sel.chosen.iter().any(|&o| repeats(ci, o)) {
                    continue;
                }
                let score = sel.score(ci);
                if score > 0.0 {
                    ranked.push((score, ci));
                }
            }
            // Best first (ties: earlier candidate), skipping judged repeats.
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            if let Some(&(_, ci)) = ranked.iter().find(|&&(_, ci)| !judged(ci, &sel.chosen)) {
                sel.add(ci);
                tail = Some(ci);
            }
        }
        Selection {
            chosen: sel.chosen,
            tail,
        }
    }

    /// The best score among candidates that would run past the word budget
    /// and could end an overflow brief (not excluded, not dangling).
    fn best_past_budget(&self, sel: &Search<'_>, excluded: &[bool]) -> f64 {
        sel.story
            .candidates
            .iter()
            .enumerate()
            .filter(|&(i, c)| !excluded[i] && !c.dangling && sel.words + c.words > self.max_words)
            .map(|(i, _)| sel.score(i))
            .fold(0.0, f64::max)
    }

    /// Whether candidate `a` says again what candidate `b` says: most of the
    /// smaller one's terms are shared, they state the same figures, or the
    /// paraphrase judge (when there is one) takes them for the same statement.
    fn repeats(
        &self,
        story: &Story,
        docs: &[&Document],
        judge: Option<&dyn SameStatement>,
        a: usize,
        b: usize,
    ) -> bool {
        let (ca, cb) = (&story.candidates[a], &story.candidates[b]);
        let shared = overlap(&ca.terms, &cb.terms);
        if shared > self.redundancy || same_figures(&ca.figures, &cb.figures) {
            return true;
        }
        // The judge is asked only about pairs sharing enough terms to be
        // paraphrases at all (the trained model's own pre-filter asks for
        // 40% of the shorter sentence's stems); most pairs of a story are
        // settled here without it.
        shared >= JUDGE_MIN_SHARED
            && judge.is_some_and(|j| {
                let text = |c: &Candidate| c.span.slice(&docs[c.doc].article.text);
                j.same(text(ca), text(cb))
            })
    }
}

/// The state of the selection: the chosen sentences and the concepts they
/// (or the sentences the reader already knows) cover.
struct Search<'a> {
    story: &'a Story,
    chosen: Vec<usize>,
    words: usize,
    covered: Vec<bool>,
}

impl<'a> Search<'a> {
    fn new(story: &'a Story, covered: Vec<bool>) -> Self {
        Search {
            story,
            chosen: Vec::new(),
            words: 0,
            covered,
        }
    }

    /// What choosing `ci` would add, per word^[`LENGTH_POWER`]: the value of
    /// the concepts it covers that are not covered yet, times its position
    /// and evidence factor.
    fn score(&self, ci: usize) -> f64 {
        let c = &self.story.candidates[ci];
        let uncovered: f64 = c
            .concepts
            .iter()
            .filter(|&&k| !self.covered[k as usize])
            .map(|&k| self.story.weights[k as usize])
            .sum();
        uncovered * c.factor / (c.words as f64).powf(LENGTH_POWER)
    }

    /// A dangling sentence may only follow its antecedent.
    fn anchored(&self, ci: usize) -> bool {
        let c = &self.story.candidates[ci];
        !c.dangling
            || c.sentence > 0
                && self
                    .story
                    .by_sentence
                    .get(&(c.doc, c.sentence - 1))
                    .is_some_and(|i| self.chosen.contains(i))
    }

    fn add(&mut self, ci: usize) {
        let c = &self.story.candidates[ci];
        self.chosen.push(ci);
        self.words += c.words;
        for &k in &c.concepts {
            self.covered[k as usize] = true;
        }
    }
}

/// What selection chose: the sentences within the budget and, in overflow
/// mode, the one that runs past it (placed last).
struct Selection {
    chosen: Vec<usize>,
    tail: Option<usize>,
}

/// The shared English analyser (terms of known sentences, dateline cuts).
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::english);

/// One sentence that may appear in the brief.
#[derive(Debug, Clone)]
struct Candidate {
    doc: usize,
    sentence: usize,
    /// The cited span: the sentence, without a leading dateline.
    span: Span,
    words: usize,
    /// Unique term ids, sorted (for the redundancy check).
    terms: Vec<u32>,
    /// The same terms as strings, sorted (for update mode).
    term_strs: Vec<String>,
    /// The figures it states: each number term with the content terms
    /// around it, sorted by number.
    figures: Vec<(u32, Vec<u32>)>,
    /// Concept ids (terms, adjacent term pairs, entities), unique.
    concepts: Vec<u32>,
    /// Position and evidence multiplier.
    factor: f64,
    dangling: bool,
    /// States the minority side of a conflicting figure.
    disputed: bool,
}

/// Everything selection needs about one story.
struct Story {
    candidates: Vec<Candidate>,
    /// Concept values, indexed by concept id.
    weights: Vec<f64>,
    term_ids: AHashMap<String, u32>,
    term_names: Vec<String>,
    bigram_of: AHashMap<u32, (u32, u32)>,
    /// (doc, sentence) → candidate index.
    by_sentence: AHashMap<(usize, usize), usize>,
    n_sources: usize,
}

/// How much an occurrence in sentence `i` of an article says the concept
/// matters: leads count fully, later sentences less.
fn position_weight(i: usize) -> f64 {
    1.0 / (1.0 + POSITION_DECAY * i as f64)
}

impl Story {
    fn build(docs: &[&Document], sources: &[usize]) -> Story {
        let n_sources = sources.iter().collect::<AHashSet<_>>().len().max(1);
        let mut term_ids: AHashMap<String, u32> = AHashMap::new();
        let mut term_names: Vec<String> = Vec::new();
        let mut intern = |t: &str| -> u32 {
            if let Some(&id) = term_ids.get(t) {
                return id;
            }
            let id = term_names.len() as u32;
            term_names.push(t.to_owned());
            term_ids.insert(t.to_owned(), id);
            id
        };
        // Term ids of every sentence (in order), computed once.
        let mut seq: Vec<Vec<Vec<u32>>> = Vec::with_capacity(docs.len());
        for doc in docs {
            seq.push(
                doc.sentences
                    .iter()
                    .map(|s| s.terms.iter().map(|t| intern(t)).collect())
                    .collect(),
            );
        }
        // Every word of every sentence, stop words included (marked with a
        // leading \u{1}), for the word-pair concepts: "arrested in London"
        // gives "arrest in" and "in london", as a reader would quote it.
        // Their byte offsets in the sentence, parallel: the figures a
        // sentence states are read from its words.
        let mut words_seq: Vec<Vec<Vec<u32>>> = Vec::with_capacity(docs.len());
        let mut offsets_seq: Vec<Vec<Vec<usize>>> = Vec::with_capacity(docs.len());
        for (d, doc) in docs.iter().enumerate() {
            let mut per = Vec::with_capacity(doc.sentences.len());
            let mut per_offsets = Vec::with_capacity(doc.sentences.len());
            for (i, s) in doc.sentences.iter().enumerate() {
                let text = s.span.slice(&doc.article.text);
                let words = crosscheck_text::words(text);
                // The sentence's terms are its non-stop words, in order: pair
                // them up without re-stemming when the counts agree.
                let stop: Vec<bool> = words.iter().map(|(_, w)| is_stop(w)).collect();
                let mut ids = Vec::with_capacity(words.len());
                let mut offsets = Vec::with_capacity(words.len());
                if stop.iter().filter(|x| !**x).count() == s.terms.len() {
                    let mut next = seq[d][i].iter();
                    for ((o, w), is) in words.iter().zip(&stop) {
                        if *is {
                            ids.push(intern(&stop_key(w)));
                            offsets.push(*o);
                        } else if let Some(&t) = next.next() {
                            ids.push(t);
                            offsets.push(*o);
                        }
                    }
                } else {
                    for (o, w) in &words {
                        let t = ANALYZER.terms(w);
                        if t.is_empty() {
                            ids.push(intern(&stop_key(w)));
                            offsets.push(*o);
                        }
                        for x in &t {
                            ids.push(intern(x));
                            offsets.push(*o);
                        }
                    }
                }
                per.push(ids);
                per_offsets.push(offsets);
            }
            words_seq.push(per);
            offsets_seq.push(per_offsets);
        }
        let n_terms = term_names.len() as u32;
        let is_stop: Vec<bool> = term_names.iter().map(|t| t.starts_with('\u{1}')).collect();
        // Concept ids: unigram = term id; bigram = n_terms + k.
        let mut bigram_ids: AHashMap<(u32, u32), u32> = AHashMap::new();
        let mut bigram_of: AHashMap<u32, (u32, u32)> = AHashMap::new();
        // Per concept: best position weight per source.
        // Per concept id: (source, best position weight) pairs, and the
        // number of sentences using it.
        let mut by_source: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n_terms as usize];
        let mut tf: Vec<f64> = vec![0.0; n_terms as usize];
        let mut sentence_concepts: Vec<Vec<Vec<u32>>> = Vec::with_capacity(docs.len());
        for (d, doc_seq) in seq.iter().enumerate() {
            let mut per_doc = Vec::with_capacity(doc_seq.len());
            for (i, terms) in doc_seq.iter().enumerate() {
                let mut concepts: Vec<u32> = terms.clone();
                for w in words_seq[d][i].windows(2) {
                    if w[0] == w[1] || (is_stop[w[0] as usize] && is_stop[w[1] as usize]) {
                        continue;
                    }
                    let next = n_terms + bigram_ids.len() as u32;
                    let id = *bigram_ids.entry((w[0], w[1])).or_insert_with(|| {
                        bigram_of.insert(next, (w[0], w[1]));
                        by_source.push(Vec::new());
                        tf.push(0.0);
                        next
                    });
                    concepts.push(id);
                }
                concepts.sort_unstable();
                concepts.dedup();
                let pw = position_weight(i);
                for &c in &concepts {
                    let per = &mut by_source[c as usize];
                    match per.iter_mut().find(|(src, _)| *src == sources[d]) {
                        Some((_, w)) => *w = w.max(pw),
                        None => per.push((sources[d], pw)),
                    }
                    tf[c as usize] += 1.0;
                }
                per_doc.push(concepts);
            }
            sentence_concepts.push(per_doc);
        }
        let n_concepts = n_terms as usize + bigram_ids.len();
        let mut weights = vec![0.0; n_concepts];
        // A concept is worth the independent sources that use it, each
        // counted by its earliest use. With one or two sources, repetition
        // inside the text stands in for agreement.
        for (c, per) in by_source.iter().enumerate() {
            if per.is_empty() {
                continue;
            }
            let df = per.len();
            let f = tf[c];
            let mut w: f64 = per.iter().map(|(_, w)| w).sum();
            if n_sources < 3 {
                // What only one of two outlets says keeps its full value: it
                // is still often what the story is about (halving it favoured
                // long background sentences stuffed with one-off terms).
                w += 0.5 * (f - 1.0).min(4.0);
            } else {
                // With several sources a concept must be shared to count:
                // what one outlet alone says is not what the story is about.
                if df < 2 {
                    continue;
                }
            }
            if w <= 0.0 {
                continue;
            }
            if c < n_terms as usize {
                w *= UNIGRAM_WEIGHT;
            }
            weights[c] = w;
        }

        let mut candidates = Vec::new();
        let mut by_sentence = AHashMap::new();
        let mut seen_text: AHashSet<String> = AHashSet::new();
        for (d, doc) in docs.iter().enumerate() {
            let text = &doc.article.text;
            for (i, s) in doc.sentences.iter().enumerate() {
                let full = s.span.slice(text);
                if !seen_text.insert(fold_whitespace(full).to_lowercase()) {
                    continue; // verbatim repeat (a wire copy): cited, not re-chosen
                }
                let Some(cut) = usable(full) else { continue };
                let span = Span::new(s.span.start + cut, s.span.end);
                let body = span.slice(text);
                let words = body.split_whitespace().count();
                if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
                    continue;
                }
                let mut concepts = sentence_concepts[d][i].clone();
                let mut terms = seq[d][i].clone();
                if cut > 0 {
                    // Drop the dateline's own terms ("london", "ap").
                    let head: AHashSet<u32> = ANALYZER
                        .terms(&full[..cut])
                        .iter()
                        .filter_map(|t| term_ids.get(t.as_str()).copied())
                        .collect();
                    let body_terms: AHashSet<u32> = ANALYZER
                        .terms(body)
                        .iter()
                        .filter_map(|t| term_ids.get(t.as_str()).copied())
                        .collect();
                    let gone: AHashSet<u32> = head.difference(&body_terms).copied().collect();
                    terms.retain(|t| !gone.contains(t));
                    concepts.retain(|k| {
                        if *k < n_terms {
                            !gone.contains(k)
                        } else {
                            let (a, b) = bigram_of[k];
                            !gone.contains(&a) && !gone.contains(&b)
                        }
                    });
                }
                terms.sort_unstable();
                terms.dedup();
                if terms.len() < 3 {
                    continue;
                }
                let mut term_strs: Vec<String> = terms
                    .iter()
                    .map(|&t| term_names[t as usize].clone())
                    .collect();
                term_strs.sort();
                // The words of the cited span (the dateline's are not).
                let body_words: Vec<u32> = offsets_seq[d][i]
                    .iter()
                    .zip(&words_seq[d][i])
                    .filter(|(&o, _)| o >= cut)
                    .map(|(_, &id)| id)
                    .collect();
                let figures = figures(&body_words, &is_stop, &term_names);
                by_sentence.insert((d, i), candidates.len());
                candidates.push(Candidate {
                    figures,
                    doc: d,
                    sentence: i,
                    span,
                    words,
                    terms,
                    term_strs,
                    concepts,
                    factor: position_factor(i)
                        * quote_factor(body)
                        * aside_factor(body)
                        * list_factor(body),
                    dangling: dangling(body),
                    disputed: false,
                });
            }
        }
        Story {
            candidates,
            weights,
            term_ids,
            term_names,
            bigram_of,
            by_sentence,
            n_sources,
        }
    }

    /// Fold the facts and reconcile stages' findings into the candidates.
    fn weigh_evidence(&mut self, docs: &[&Document], sources: &[usize], ev: &Evidence<'_>) {
        let index: AHashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.article.id.as_str(), i))
            .collect();
        let locate = |c: &Citation| -> Option<(usize, usize)> {
            let d = *index.get(c.article.as_str())?;
            let s = docs[d]
                .sentences
                .iter()
                .position(|s| s.span.start <= c.start && c.end <= s.span.end)?;
            Some((d, s))
        };
        // Corroboration: the best-supported claim a sentence states.
        let mut support: AHashMap<usize, usize> = AHashMap::new();
        for claim in ev.claims {
            for cit in &claim.citations {
                if let Some(&ci) = locate(cit).and_then(|k| self.by_sentence.get(&k)) {
                    let e = support.entry(ci).or_default();
                    *e = (*e).max(claim.independent_sources);
                }
            }
        }
        for (ci, n) in support {
            let extra = (n.saturating_sub(1)).min(3) as f64;
            self.candidates[ci].factor *= 1.0 + CORROBORATION_BONUS * extra;
        }
        // Conflicts: a side stated by fewer independent sources than another
        // side is disputed.
        for conflict in ev.conflicts {
            let counts: Vec<usize> = conflict
                .sides
                .iter()
                .map(|side| {
                    side.citations
                        .iter()
                        .filter_map(|c| index.get(c.article.as_str()).map(|&d| sources[d]))
                        .collect::<AHashSet<_>>()
                        .len()
                })
                .collect();
            let most = counts.iter().copied().max().unwrap_or(0);
            for (side, &n) in conflict.sides.iter().zip(&counts) {
                if n >= most {
                    continue;
                }
                for cit in &side.citations {
                    if let Some(&ci) = locate(cit).and_then(|k| self.by_sentence.get(&k)) {
                        self.candidates[ci].disputed = true;
                        self.candidates[ci].factor *= 0.5;
                    }
                }
            }
        }
        // Key entities named by several independent sources: concepts.
        if self.n_sources >= 2 {
            for e in ev.entities {
                let n = e
                    .articles
                    .iter()
                    .filter_map(|a| index.get(a.as_str()).map(|&d| sources[d]))
                    .collect::<AHashSet<_>>()
                    .len();
                // Places are mostly datelines; "other" holds abbreviations.
                let clean = matches!(e.kind.as_str(), "person" | "organization")
                    && e.name.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && e.name.chars().any(char::is_lowercase);
                if n < 2 || !clean {
                    continue;
                }
                // An entity is recognised by the last word of any variant.
                let keys: AHashSet<u32> = e
                    .variants
                    .iter()
                    .chain(std::iter::once(&e.name))
                    .filter_map(|v| ANALYZER.terms(v).pop())
                    .filter_map(|t| self.term_ids.get(t.as_str()).copied())
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                let id = self.weights.len() as u32;
                self.weights.push(ENTITY_WEIGHT * n as f64);
                for c in self.candidates.iter_mut() {
                    if c.terms.iter().any(|t| keys.contains(t)) {
                        c.concepts.push(id);
                    }
                }
            }
        }
    }
}

/// Whether the analyser drops `word` as a stop word (numbers, acronyms and
/// "US" are always terms).
fn is_stop(word: &str) -> bool {
    !word.starts_with(|c: char| c.is_ascii_digit())
        && !word.contains('.')
        && word != "US"
        && ANALYZER.is_stop_word(word)
}

/// Number words (as stemmed) and digits.
fn is_number_term(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelv", "twenti", "thirti", "forti", "fifti", "hundr", "thousand", "million", "billion",
        "dozen", "half", "quarter",
    ];
    t.starts_with(|c: char| c.is_ascii_digit()) || WORDS.contains(&t)
}

/// The figures a sentence states, from its words in order (stop words
/// included): each number term with the content terms within
/// [`FIGURE_WINDOW`] words of it (other numbers excluded).
fn figures(words: &[u32], is_stop: &[bool], names: &[String]) -> Vec<(u32, Vec<u32>)> {
    let number = |id: u32| !is_stop[id as usize] && is_number_term(&names[id as usize]);
    let mut out: Vec<(u32, Vec<u32>)> = Vec::new();
    for (p, &id) in words.iter().enumerate() {
        if !number(id) {
            continue;
        }
        let lo = p.saturating_sub(FIGURE_WINDOW);
        let hi = (p + FIGURE_WINDOW + 1).min(words.len());
        let mut around: Vec<u32> = words[lo..hi]
            .iter()
            .copied()
            .filter(|&t| !is_stop[t as usize] && !number(t))
            .collect();
        match out.iter_mut().find(|(n, _)| *n == id) {
            Some((_, units)) => units.append(&mut around),
            None => out.push((id, around)),
        }
    }
    for (_, units) in &mut out {
        units.sort_unstable();
        units.dedup();
    }
    out.sort_unstable_by_key(|(n, _)| *n);
    out
}

/// Two sentences state the same figures: every number of the one with
/// fewer numbers is in the other, each time with a word in common around it
/// ("from 11 days to four" / "down to four days"; "two dissenting members" /
/// "two members … voted against"). A shared number alone is not enough
/// (twelve injured / twelve schools closed), nor is one shared figure when
/// the sentence also states a figure the other does not ("at least 12 killed
/// and 43 injured" / "17 killed and 43 injured").
fn same_figures(a: &[(u32, Vec<u32>)], b: &[(u32, Vec<u32>)]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !small.is_empty()
        && small.iter().all(|(n, units)| {
            large
                .iter()
                .find(|(m, _)| m == n)
                .is_some_and(|(_, other)| overlap(units, other) > 0.0)
        })
}

/// The interned key of a stop word: marked so it never equals a stem.
fn stop_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len() + 1);
    key.push('\u{1}');
    key.extend(word.chars().flat_map(char::to_lowercase));
    key
}

/// Lead sentences of news copy carry the who/what/when.
fn position_factor(i: usize) -> f64 {
    match i {
        0 => 1.3,
        1 => 1.1,
        2 => 1.05,
        _ => 1.0,
    }
}

/// Openers with which news copy turns to a side matter ("Separately, …").
/// Hand-listed: they are a fixed convention of news writing, not something
/// a story's statistics reveal.
const ASIDE_OPENERS: &[&str] = &[
    "separately",
    "elsewhere",
    "in other news",
    "in a separate",
    "in an unrelated",
    "in other developments",
];

/// A sentence that opens as an aside is worth less: a brief tells the main
/// story first.
fn aside_factor(text: &str) -> f64 {
    let lower = text
        .trim_start_matches(['"', '“', '‘', '\''])
        .to_lowercase();
    let aside = ASIDE_OPENERS.iter().any(|o| {
        lower.starts_with(o)
            && lower[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    if aside {
        ASIDE_FACTOR
    } else {
        1.0
    }
}

/// Whether a sentence enumerates: at least two of the items between its
/// commas are a common noun phrase of a word or two ("along with timber,
/// coal, machine parts, building stone, and farm tools"). Names in apposition ("Hanmor's minister, Pyon Sol-hwa, met her
/// counterpart, Radomir Haletsky, …") and items holding a figure (ages and
/// dates: "Smith, 45, and Jones, 43,"; "Monday, Jan. 5, 1998,") are not
/// list items.
fn enumerates(text: &str) -> bool {
    let items: Vec<&str> = text.split(", ").collect();
    items.len() >= 4
        && items[1..items.len() - 1]
            .iter()
            .filter(|item| {
                item.split_whitespace().count() <= 2
                    && item.starts_with(|c: char| c.is_lowercase())
                    && !item.contains(|c: char| c.is_ascii_digit())
            })
            .count()
            >= 2
}

/// A sentence that enumerates is background or a roll-call, not the news:
/// each item adds fresh word pairs, so concept coverage would take a list
/// for many facts when it is one.
fn list_factor(text: &str) -> f64 {
    if enumerates(text) {
        LIST_FACTOR
    } else {
        1.0
    }
}

/// Reported facts read better in a brief than long quotations: the more of
/// a sentence is inside quotation marks, the less it is worth.
fn quote_factor(text: &str) -> f64 {
    let (mut inside, mut quoted, mut total) = (false, 0usize, 0usize);
    for ch in text.chars() {
        match ch {
            '"' => inside = !inside,
            '“' => inside = true,
            '”' => inside = false,
            _ => {}
        }
        if !ch.is_whitespace() {
            total += 1;
            if inside {
                quoted += 1;
            }
        }
    }
    let share = quoted as f64 / total.max(1) as f64;
    1.0 - QUOTE_PENALTY * share
}

/// If the sentence may appear in a brief, the byte length of a leading
/// dateline to cut (0 when there is none); `None` for junk.
fn usable(text: &str) -> Option<usize> {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    if !trimmed.ends_with(['.', '!', '…', '।', '。']) {
        return None; // a question, a headline, a label, a cut-off fragment
    }
    let lower = text.to_lowercase();
    if JUNK_MARKERS.iter().any(|m| lower.contains(m)) {
        return None;
    }
    let cut = dateline_len(text);
    let body = &text[cut..];
    let first = body
        .trim_start_matches(['"', '“', '‘', '\'', '('])
        .chars()
        .next()?;
    if first.is_lowercase() {
        return None; // a fragment cut out of a longer sentence
    }
    if only_quote(body) {
        return None; // its speaker is named elsewhere
    }
    // Mostly capitals: a headline or label that happens to end in a stop.
    let letters: Vec<char> = body.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 10 && upper * 2 > letters.len() {
        return None;
    }
    Some(cut)
}

/// The length of a dateline that opens `text` ("LONDON (AP) — ",
/// "ST. PETERSBURG, Fla. - "), 0 if none.
fn dateline_len(text: &str) -> usize {
    const SEPARATORS: &[&str] = &["—", "–", "--", " - ", " _ ", ": "];
    let mut end = text.len().min(60);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let Some((at, sep)) = SEPARATORS
        .iter()
        .filter_map(|s| head.find(s).map(|i| (i, *s)))
        .min()
    else {
        return 0;
    };
    let prefix = text[..at].trim_end();
    let tokens: Vec<&str> = prefix.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 6 {
        return 0;
    }
    let first: Vec<char> = tokens[0].chars().filter(|c| c.is_alphabetic()).collect();
    if first.len() < 2 || first.iter().any(|c| c.is_lowercase()) {
        return 0;
    }
    // Place names, state abbreviations, a date, the agency in brackets.
    let ok = tokens.iter().all(|t| {
        t.trim_start_matches('(')
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    if !ok {
        return 0;
    }
    let rest = &text[at + sep.len()..];
    let lead_ws = rest.len() - rest.trim_start().len();
    at + sep.len() + lead_ws
}

/// The sentence is a quotation and nothing else.
fn only_quote(text: &str) -> bool {
    let t = text.trim();
    let opens = t.starts_with(['"', '“']);
    let closes = t.ends_with(['"', '”']);
    if !(opens && closes) {
        return false;
    }
    // No closing mark before the end: the quote spans the whole sentence.
    let mut inner = t.chars();
    inner.next();
    inner.next_back();
    let inner = inner.as_str();
    !inner.contains(['"', '”', '“'])
}

fn dangling(text: &str) -> bool {
    let lower = text
        .trim_start_matches(['"', '“', '‘', '\''])
        .to_lowercase();
    let opener = DANGLING_OPENERS.iter().any(|o| {
        lower.starts_with(o)
            && lower[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    if opener {
        return true;
    }
    // A quotation attributed to a pronoun: `"…," he said.`
    let t = lower.trim_end_matches(['.', '"', '”']).trim_end();
    if let Some(tail) = t.rsplit(['"', '”', ',']).next() {
        let words: Vec<&str> = tail.split_whitespace().collect();
        if words.len() >= 2
            && PRONOUN_SPEAKERS.contains(&words[0])
            && words[1..words.len().min(3)]
                .iter()
                .any(|w| is_speech_verb(w))
        {
            return text.contains(['"', '“', '”']);
        }
        if words.len() == 2 && is_speech_verb(words[0]) && PRONOUN_SPEAKERS.contains(&words[1]) {
            return text.contains(['"', '“', '”']);
        }
    }
    false
}

fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "added"
            | "told"
            | "asked"
            | "noted"
            | "explained"
            | "stated"
            | "wrote"
            | "insisted"
            | "argued"
            | "warned"
            | "continued"
    )
}

/// Brief order: articles in the story's reading order (oldest first), then
/// position in the article. The brief opens with a sound sentence (not a
/// disputed figure, not one that needs its antecedent) and, where time
/// allows, with a lead: when another chosen sentence stands earlier in its
/// own article than the opener does in its own, and time does not order the
/// two articles (either is undated, or both appeared on the same day), that
/// sentence opens the brief instead. Undated articles come in input order,
/// which says nothing about which one tells the news first.
fn order(story: &Story, docs: &[&Document], selection: Selection) -> Vec<usize> {
    let c = &story.candidates;
    let Selection { mut chosen, tail } = selection;
    chosen.retain(|&i| Some(i) != tail);
    chosen.sort_by_key(|&i| (c[i].doc, c[i].sentence));
    let sound = |i: usize| !c[i].disputed && !c[i].dangling;
    let day = |d: usize| {
        let p = docs[d].article.published.as_deref()?;
        Some(p.get(..10).unwrap_or(p))
    };
    let untimed = |a: usize, b: usize| match (day(a), day(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    if let Some(first) = chosen.iter().position(|&i| sound(i)) {
        let opener = c[chosen[first]].doc;
        let mut p = first;
        for (k, &i) in chosen.iter().enumerate().skip(first + 1) {
            if sound(i) && c[i].sentence < c[chosen[p]].sentence && untimed(opener, c[i].doc) {
                p = k;
            }
        }
        if p > 0 {
            // Move it (with the sentences that lean on it) to the front.
            let mut end = p + 1;
            while end < chosen.len()
                && c[chosen[end]].dangling
                && c[chosen[end]].doc == c[chosen[end - 1]].doc
                && c[chosen[end]].sentence == c[chosen[end - 1]].sentence + 1
            {
                end += 1;
            }
            let block: Vec<usize> = chosen.drain(p..end).collect();
            chosen.splice(0..0, block);
        }
    }
    chosen.extend(tail);
    chosen
}

/// For each doc, the index of its independent source: docs in one duplicate
/// group share an index.
fn source_groups(docs: &[&Document], duplicates: &[Duplicate]) -> Vec<usize> {
    let index: AHashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.article.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..docs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for dup in duplicates {
        let members: Vec<usize> = dup
            .articles
            .iter()
            .filter_map(|a| index.get(a.as_str()).copied())
            .collect();
        for w in members.windows(2) {
            let (a, b) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    (0..docs.len()).map(|i| find(&mut parent, i)).collect()
}

/// Folded sentence text → every (doc, sentence) holding it verbatim.
fn verbatim_index(docs: &[&Document]) -> AHashMap<String, Vec<(usize, usize)>> {
    let mut map: AHashMap<String, Vec<(usize, usize)>> = AHashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            map.entry(fold_whitespace(s.span.slice(&doc.article.text)))
                .or_default()
                .push((d, i));
        }
    }
    map
}

/// Overlap coefficient |A∩B| / min(|A|, |B|) of two sorted, unique lists: a
/// short sentence whose facts are all inside a longer one repeats it even
/// though their Jaccard is low.
fn overlap<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        0.0
    } else {
        inter as f64 / smaller as f64
    }
}

fn overlap_str(a: &[String], b: &[String]) -> f64 {
    overlap(a, b)
}

/// The story title: the metadata title of the article whose sentence leads
/// the brief, else of any article, else a lead sentence ([`lead_title`]),
/// else the first brief sentence, cut to a headline's length
/// ([`headline_cut`]).
fn story_title(docs: &[&Document], sources: &[usize], lead: Option<&Candidate>) -> String {
    let from = |d: usize| {
        docs[d]
            .article
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    };
    if let Some(t) = lead.and_then(|c| from(c.doc)) {
        return t.to_owned();
    }
    if let Some(t) = (0..docs.len()).find_map(from) {
        return t.to_owned();
    }
    if let Some(t) = lead_title(docs, sources) {
        return headline_cut(t);
    }
    let first = lead
        .map(|c| c.span.slice(&docs[c.doc].article.text))
        .or_else(|| {
            docs.iter()
                .find(|d| !d.sentences.is_empty())
                .map(|d| d.sentence_text(0))
        })
        .unwrap_or("Untitled story");
    headline_cut(first)
}

/// Without any headline, the opening sentence of an article is the one a
/// news writer meant to say what happened ("A landslide buried the Varn
/// road, killing 14 people"); the brief's best sentence often is not
/// ("Although the road had been closed twice before, …"). Of
/// the articles' openings (a dateline cut off, quotations and very short
/// ones passed over), the one sharing the most terms with the other
/// articles' openings: the event most of them lead with (a wire's updates
/// repeating their lead count: the lead they keep is the event). Ties go
/// to the earlier article in the story's order. `sources` gives each
/// document's group of copies. This is the product's own rule, not a
/// general summariser's, hence written here.
fn lead_title<'d>(docs: &[&'d Document], sources: &[usize]) -> Option<&'d str> {
    let leads: Vec<(&str, &[String], usize)> = docs
        .iter()
        .zip(sources)
        .filter_map(|(d, &group)| {
            let s = d.sentences.first()?;
            let sentence = s.span.slice(&d.article.text);
            let text = &sentence[dateline_len(sentence)..];
            let words = text.split_whitespace().count();
            let quoted = text.starts_with(['"', '“', '‘', '\'']);
            (words >= 6 && !quoted).then_some((text, s.terms.as_slice(), group))
        })
        .collect();
    let sets: Vec<std::collections::BTreeSet<&str>> = leads
        .iter()
        .map(|(_, terms, _)| terms.iter().map(String::as_str).collect())
        .collect();
    let score = |i: usize| -> usize {
        (0..sets.len())
            .filter(|&j| j != i)
            .map(|j| sets[i].intersection(&sets[j]).count())
            .sum()
    };
    let one_source = leads.windows(2).all(|w| w[0].2 == w[1].2);
    // An opening that shares hardly a term with the others (fewer than
    // two) is a feature's hook ("Nobody saw it coming."), not the event;
    // so is a short one that only its own copies repeat. A lone source's
    // opening serves if it is a full sentence.
    (0..leads.len())
        .map(|i| (score(i), std::cmp::Reverse(i)))
        .max()
        .filter(|&(best, std::cmp::Reverse(i))| {
            let full = leads[i].0.split_whitespace().count() >= 8;
            if one_source {
                full
            } else {
                best >= 2
            }
        })
        .map(|(_, std::cmp::Reverse(i))| leads[i].0)
}

/// A sentence cut to a headline's length: whole up to 16 words; else up
/// to a comma among words 7 to 18 that closes the main clause, the rest
/// being a trailing modifier ("…buried the Varn road, killing 14 people"
/// → "…buried the Varn road"), when the sentence does not open with an
/// introductory phrase ("Naming her the best of her year, …", "At a
/// shelter, …");
/// else its first 12 words and an ellipsis.
fn headline_cut(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 16 {
        return words.join(" ");
    }
    let first = words[0].to_lowercase();
    let introduced = first.ends_with("ing")
        || INTRODUCERS.contains(&first.as_str())
        || words[..7].iter().any(|w| w.ends_with(','));
    let trailing = |w: &str| {
        let w = w.to_lowercase();
        (w.len() > 4 && w.ends_with("ing")) || TRAILING.contains(&w.as_str())
    };
    if !introduced {
        if let Some(k) = (6..17.min(words.len() - 1))
            .find(|&k| words[k].ends_with(',') && trailing(words[k + 1]))
        {
            return words[..=k].join(" ").trim_end_matches(',').to_string();
        }
    }
    format!("{} …", words[..12].join(" "))
}

/// First words of an introductory phrase: prepositions, subordinators and
/// time words ("After months of delay, …", "Although …", "Several months
/// after …").
const INTRODUCERS: &[&str] = &[
    "after",
    "although",
    "amid",
    "as",
    "at",
    "because",
    "before",
    "by",
    "despite",
    "during",
    "for",
    "following",
    "from",
    "if",
    "in",
    "on",
    "once",
    "over",
    "several",
    "since",
    "though",
    "to",
    "under",
    "unlike",
    "until",
    "when",
    "while",
    "with",
    "within",
    "without",
];

/// Words opening a trailing modifier after a comma: what precedes is the
/// main clause. Not "which" or "who": their clause often sits inside the
/// subject ("A storm as strong as Hurricane Ilse, which …, would …").
const TRAILING: &[&str] = &[
    "after",
    "while",
    "but",
    "amid",
    "despite",
    "as",
    "when",
    "where",
    "according",
    "officials",
    "police",
    "authorities",
];

#[cfg(test)]
mod tests;
