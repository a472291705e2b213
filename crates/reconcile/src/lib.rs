//! Reconcile: cross-checking what the articles of one story say.
//!
//! The facts stage reads each article alone. This stage puts the articles
//! of a story side by side:
//!
//! * **entities** — mentions merged across articles: spelling and
//!   romanisation variants ("Pyon Sol-hwa" / "Byeon Sol-hwa" / "Pyon Sol
//!   Hwa"), dropped diacritics, short forms ("Pyon", "Wrześniewski") and
//!   acronyms with their expansions ("NPSB" / "National Process Safety
//!   Board");
//! * **claims** — equal statements grouped across articles, each with
//!   `independent_sources`: the number of distinct outlets stating it, where
//!   the copies of one duplicate group (a wire story and its reprints) and
//!   articles of the same named outlet count once;
//! * **conflicts** — claims about the same subject and attribute whose
//!   values cannot both be true. Values are intervals ("at least 12" is
//!   12..∞, "more than 5 million" is above 5 000 000, "5.3 million" is
//!   5.25..5.35 million), so hedged and rounded figures that overlap agree.
//!   Counts that only grow (deaths, injuries) are read in publication order:
//!   a later, larger figure is an *update*, reported in
//!   [`StoryFacts::updates`], not a conflict; a later, smaller one is.
//!   Two more kinds of conflict are not about figures: **who said it**
//!   ([`speakers`]: one quotation given to different people, attribute
//!   `speaker`) and **where** ([`places`]: one event placed in towns that
//!   do not contain one another, attribute `place`);
//! * **timeline** — dated events in order, each cited;
//! * **statements** — who said what ([`statements`]): speech with a known
//!   speaker, one entry per statement however many outlets report it.
//!
//! Every claim, conflict side and event cites the sentences that state it:
//! byte offsets into the article's cleaned text, spans that contain the
//! stated value.

mod denials;
pub mod eval;
pub mod paraphrase;
pub mod places;
pub mod speakers;
pub mod statements;

use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crosscheck_facts::fold::{same_name_key, strip_possessive, variant_key};
use crosscheck_facts::{
    concept, Approx, ArticleClaim, ArticleFacts, ClaimValue, DateValue, EntityKind, Unit,
    PLAIN_COUNT,
};
use crosscheck_model::{
    AttributedStatement, Citation, Claim, Conflict, ConflictSide, Document, Duplicate, Entity,
    Span, TimelineEvent,
};
use crosscheck_text::Analyzer;

use paraphrase::SentenceFeatures;

/// Claims of several articles grouped together, with their article ids.
type ClaimMembers<'a> = Vec<(&'a str, &'a ArticleClaim)>;

/// A figure that changed as the story developed: earlier values, then the
/// latest one (e.g. deaths "at least 12" on the first day, 17 the next).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureUpdate {
    pub subject: String,
    pub attribute: String,
    /// Values in publication order, oldest first, each with its citations.
    pub values: Vec<ConflictSide>,
}

/// The cross-checked facts of one story, in the shapes of the JSON contract.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoryFacts {
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
    pub timeline: Vec<TimelineEvent>,
    /// Figures that rose (or were revised) over time without conflicting.
    pub updates: Vec<FigureUpdate>,
    /// Who said what ([`statements`]).
    pub statements: Vec<AttributedStatement>,
}

/// The reconcile stage.
#[derive(Debug, Clone)]
pub struct Reconciler {
    corroboration_threshold: f64,
    min_sentence_sources: usize,
}

impl Default for Reconciler {
    fn default() -> Self {
        Reconciler {
            corroboration_threshold: paraphrase::THRESHOLD,
            min_sentence_sources: 2,
        }
    }
}

impl Reconciler {
    /// A reconciler with default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Score (0..1) from which two sentences of different outlets count as
    /// the same claim (default: the MSRP-tuned threshold).
    pub fn corroboration_threshold(mut self, t: f64) -> Self {
        self.corroboration_threshold = t;
        self
    }

    /// Reconcile one story: `docs` and `facts` are parallel (the facts of
    /// `docs[i]` at `facts[i]`); `duplicates` may list groups from the whole
    /// run — only members of this story matter.
    pub fn reconcile(
        &self,
        docs: &[&Document],
        facts: &[ArticleFacts],
        duplicates: &[Duplicate],
    ) -> StoryFacts {
        let outlets = Outlets::new(docs, duplicates);
        let mut entities = merge_entities(facts);
        drop_common_words(&mut entities, docs);
        // A figure's speaker as "Who said what" names it: the entity, and
        // never the channel ("the embassy in a radio message") nor the day
        // ("the ministry on Friday").
        let canon = |name: &str| -> String {
            let name = statements::without_when_or_how(statements::without_channel(name));
            entities
                .iter()
                .find(|e| e.variants.iter().any(|v| v == name))
                .map_or_else(|| name.to_string(), |e| e.name.clone())
        };
        let names = EntityNames::new(&entities);
        let order: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.article.id.as_str(), i))
            .collect();
        let published: HashMap<&str, Option<&str>> = facts
            .iter()
            .map(|f| (f.article.as_str(), f.published_at.as_deref()))
            .collect();

        // Figure and date claims grouped by subject, attribute and value,
        // then groups that state one figure in other words merged.
        let mut groups: BTreeMap<(String, String, String), ClaimMembers<'_>> = BTreeMap::new();
        for f in facts {
            for c in &f.claims {
                let subject = c.subject.as_deref().unwrap_or_default();
                let subject = match c.concept {
                    Some(_) => names.of(subject).to_lowercase(),
                    None => counted_noun_key(&subject.to_lowercase()),
                };
                let key = (subject, c.attribute.clone(), c.value.key());
                groups.entry(key).or_default().push((f.article.as_str(), c));
            }
        }
        let position = |(article, c): &(&str, &ArticleClaim)| {
            (
                order.get(article).copied().unwrap_or(usize::MAX),
                c.span.start,
            )
        };
        let mut claims: Vec<(usize, usize, Claim)> = Vec::new();
        for mut members in agreeing_groups(groups.into_values().collect()) {
            // A person's age one outlet gives is no fact of the story (a
            // passer-by's, a witness's): listed when outlets agree on it.
            // It still counts where they disagree (a conflict).
            if members[0].1.concept == Some("age")
                && outlets.count(members.iter().map(|(a, _)| *a)) < 2
            {
                continue;
            }
            members.sort_by_key(position);
            let (first_position, first_start) = position(&members[0]);
            let first = members[0].1;
            // The figure as its most precise statement gives it ("5.3
            // million" over "more than 5 million").
            let shown = members
                .iter()
                .map(|(_, c)| c)
                .min_by(|a, b| width(&a.value).total_cmp(&width(&b.value)))
                .unwrap_or(&first);
            let citations = cite(members.iter().map(|(a, c)| (*a, c.span)));
            // The speaker of the sentence shown: another member's could be
            // someone else's figure ("a witness put the crowd at about
            // 5,000" beside the police's 5,000).
            let speaker = first.speaker.as_deref().map(&canon);
            claims.push((
                first_position,
                first_start,
                Claim {
                    text: first.text.clone(),
                    subject: shown_subject(&members, &names),
                    value: Some(shown.value_text.clone()),
                    speaker,
                    independent_sources: outlets.count(members.iter().map(|(a, _)| *a)),
                    citations,
                },
            ));
        }

        // Sentences stated by several independent outlets. The sentence
        // features computed there (the costly part) are kept, keyed by
        // (document, sentence start), for the timeline.
        let mut features: HashMap<(usize, usize), Rc<SentenceFeatures>> = HashMap::new();
        claims.extend(self.corroborated_sentences(docs, facts, &outlets, &order, &mut features));

        claims.sort_by(|a, b| {
            b.2.independent_sources
                .cmp(&a.2.independent_sources)
                .then(a.0.cmp(&b.0))
                .then(a.1.cmp(&b.1))
        });
        let claims: Vec<Claim> = claims.into_iter().map(|c| c.2).collect();

        let statements = statements::collect(docs, facts, &entities, &outlets);
        let entity_names: HashSet<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        let claims = speakers_as_listed(claims, &statements, &entity_names);
        let speaker_names = SpeakerNames {
            canon: &canon,
            statements: &statements,
            entity_names: &entity_names,
            written: written_speakers(&statements, &claims),
        };
        let (mut conflicts, updates) =
            find_conflicts(docs, facts, &published, &names, &speaker_names, &outlets);
        conflicts.extend(speakers::find(docs, facts, &entities, &published));
        conflicts.extend(places::find(docs, facts, &entities, &published));
        conflicts.extend(denials::find(docs, facts, &outlets, &speaker_names));
        let timeline = build_timeline(docs, facts, &order, &mut features);
        StoryFacts {
            entities,
            claims,
            conflicts,
            timeline,
            updates,
            statements,
        }
    }

    /// Groups of sentences from different outlets that say the same thing.
    fn corroborated_sentences(
        &self,
        docs: &[&Document],
        facts: &[ArticleFacts],
        outlets: &Outlets,
        order: &HashMap<&str, usize>,
        features: &mut HashMap<(usize, usize), Rc<SentenceFeatures>>,
    ) -> Vec<(usize, usize, Claim)> {
        let analyzer = Analyzer::english();
        // Each item: document, sentence span, features, and which distinct
        // sentence text it is. Wire copies repeat sentences word for word,
        // so features are made once per distinct text and a pair of texts
        // is scored once (`decided`), however many outlets carry them.
        let mut items: Vec<(usize, Span, Rc<SentenceFeatures>, usize)> = Vec::new();
        let mut distinct: HashMap<&str, (usize, Rc<SentenceFeatures>)> = HashMap::new();
        // The figures of each item's sentence, with the values they allow.
        let mut figures: Vec<Vec<Figure<'_>>> = Vec::new();
        for (di, d) in docs.iter().enumerate() {
            for (si, s) in d.sentences.iter().enumerate() {
                let t = s.span.slice(&d.article.text);
                // Short lines (datelines, fragments) say nothing checkable:
                // fewer than six words (counted no further than the sixth).
                if t.split_whitespace().nth(5).is_none() {
                    continue;
                }
                let n = distinct.len();
                let (text_id, f) = distinct
                    .entry(t)
                    .or_insert_with(|| (n, Rc::new(SentenceFeatures::new(&analyzer, t))));
                items.push((di, s.span, Rc::clone(f), *text_id));
                // Ages and clock times are figures too ("Arvid Kessler,
                // 61," is not "Arvid Kessler, 63,"; a blast "at 6:40 a.m."
                // is not one "at 9:15 a.m.").
                let ages = facts[di].claims.iter().filter_map(|c| match &c.value {
                    ClaimValue::Number {
                        value,
                        precision,
                        approx,
                        unit,
                    } if c.sentence == si && matches!(c.concept, Some("age" | "incident_time")) => {
                        Some(Figure {
                            unit,
                            noun: c.concept,
                            allows: crosscheck_facts::interval(*value, *precision, *approx),
                        })
                    }
                    _ => None,
                });
                figures.push(
                    facts[di]
                        .quantities
                        .iter()
                        .filter(|q| q.sentence == si)
                        .map(|q| Figure {
                            unit: &q.unit,
                            noun: q.noun.as_deref(),
                            allows: q.interval(),
                        })
                        .chain(ages)
                        .collect(),
                );
            }
        }
        drop(distinct);
        let mut decided: HashMap<(usize, usize), bool> = HashMap::new();
        let weekdays: Vec<u8> = items
            .iter()
            .map(|(di, span, _, _)| event_weekdays(&docs[*di].article.text, *span))
            .collect();
        let mut parent: Vec<usize> = (0..items.len()).collect();
        // Pre-filter: only pairs sharing enough content stems are scored,
        // found through an inverted index (stem → sentences holding it).
        let outlet: Vec<usize> = items
            .iter()
            .map(|(di, _, _, _)| outlets.of(&docs[*di].article.id))
            .collect();
        // The postings, flat: each distinct stem gets an id, `ids` holds the
        // id of each item's stems in order (item `k`'s from `first[k]`),
        // and stem `id`'s items are `flat[start[id]..start[id + 1]]`, in
        // item order (a counting sort: one allocation, not one per stem).
        let mut stem_id: HashMap<u64, u32> = HashMap::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut first: Vec<usize> = Vec::with_capacity(items.len() + 1);
        let mut count: Vec<usize> = Vec::new();
        for (_, _, f, _) in &items {
            first.push(ids.len());
            for &st in f.stems() {
                let next = stem_id.len() as u32;
                let id = *stem_id.entry(st).or_insert(next);
                if id == next {
                    count.push(0);
                }
                count[id as usize] += 1;
                ids.push(id);
            }
        }
        first.push(ids.len());
        drop(stem_id);
        let mut start: Vec<usize> = Vec::with_capacity(count.len() + 1);
        start.push(0);
        for c in &count {
            start.push(start.last().copied().unwrap_or(0) + c);
        }
        let mut fill = start.clone();
        // Per stem: how many of its items the scan below has passed (item
        // `i` holds each of its stems, so its place in a stem's postings is
        // this count; the later items follow it).
        let mut passed = vec![0usize; count.len()];
        let mut flat = vec![0usize; ids.len()];
        for k in 0..items.len() {
            for &id in &ids[first[k]..first[k + 1]] {
                flat[fill[id as usize]] = k;
                fill[id as usize] += 1;
            }
        }
        let mut shared = vec![0u32; items.len()];
        // One bit per item touched by item `i`'s stems, read back in order
        // (a common stem touches most of the story: no sort, no scan of
        // every later item).
        let mut marks = vec![0u64; items.len().div_ceil(64)];
        let mut touched: Vec<usize> = Vec::new();
        for i in 0..items.len() {
            for &id in &ids[first[i]..first[i + 1]] {
                // Postings are in item order: only the later items count.
                let id = id as usize;
                passed[id] += 1;
                for &j in &flat[start[id] + passed[id]..start[id + 1]] {
                    if outlet[j] != outlet[i] {
                        marks[j / 64] |= 1 << (j % 64);
                        shared[j] += 1;
                    }
                }
            }
            for (w, word) in marks.iter_mut().enumerate().skip((i + 1) / 64) {
                let mut bits = std::mem::take(word);
                while bits != 0 {
                    touched.push(w * 64 + bits.trailing_zeros() as usize);
                    bits &= bits - 1;
                }
            }
            for j in touched.drain(..) {
                let n = std::mem::take(&mut shared[j]) as usize;
                if !paraphrase::may_match_count(n, &items[i].2, &items[j].2) {
                    continue;
                }
                // Events on different weekdays are different events ("Pyon
                // arrived … on Wednesday" is not "Pyon left … on Monday").
                if weekdays[i] & weekdays[j] == 0 && weekdays[i] != 0 && weekdays[j] != 0 {
                    continue;
                }
                // Sentences that put different figures on the same kind of
                // thing say different things, however alike their words
                // ("Some 40 people were taken to hospital" is no second
                // source for "About 400 people were injured").
                if figures_disagree(&figures[i], &figures[j]) {
                    continue;
                }
                // Already grouped (through other pairs): scoring the pair
                // could not change the groups, and scoring is the cost.
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a == b {
                    continue;
                }
                // The score depends on the two texts only (and, for rare
                // pairs of equal length, on their order, which is kept).
                let same = *decided.entry((items[i].3, items[j].3)).or_insert_with(|| {
                    paraphrase::same_claim(&items[i].2, &items[j].2, self.corroboration_threshold)
                });
                if same {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..items.len() {
            let r = find(&mut parent, i);
            comps.entry(r).or_default().push(i);
        }
        let mut out = Vec::new();
        for members in comps.values() {
            let arts: Vec<&str> = members
                .iter()
                .map(|&m| docs[items[m].0].article.id.as_str())
                .collect();
            let n = outlets.count(arts.iter().copied());
            if n < self.min_sentence_sources {
                continue;
            }
            let (d0, s0, _, _) = &items[members[0]];
            let doc = docs[*d0];
            out.push((
                order
                    .get(doc.article.id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
                s0.start,
                Claim {
                    text: crosscheck_text::fold_whitespace(s0.slice(&doc.article.text)),
                    subject: None,
                    value: None,
                    speaker: None,
                    independent_sources: n,
                    citations: cite(
                        members
                            .iter()
                            .map(|&m| (docs[items[m].0].article.id.as_str(), items[m].1)),
                    ),
                },
            ));
        }
        features.extend(
            items
                .into_iter()
                .map(|(di, span, f, _)| ((di, span.start), f)),
        );
        out
    }
}

/// Claims whose speaker is a description ("the embassy", "the city's fire
/// service") take the speaker "Who said what" lists for what is said
/// there: of the statements of the claim's first article that overlap its
/// first citation, one whose speaker ends in the same word or holds it
/// ("the Ostrian embassy in Varn", "Varn Fire and Rescue Service",
/// resolved there from the article's earlier sentences). Other
/// descriptions are written as "Who said what" writes them
/// ([`statements::as_in_a_sentence`]).
fn speakers_as_listed(
    mut claims: Vec<Claim>,
    statements: &[AttributedStatement],
    entity_names: &HashSet<&str>,
) -> Vec<Claim> {
    for c in &mut claims {
        let (Some(speaker), Some(at)) = (&c.speaker, c.citations.first()) else {
            continue;
        };
        if let Some(listed) = described_as_listed(speaker, at, statements, entity_names) {
            c.speaker = Some(listed.to_string());
        }
    }
    // Descriptions read as inside a sentence, as in who said what ("The
    // military" → "the military"; "Police" → "police" where the story
    // writes it so); a lone function word ("The": a source cut short)
    // names no one.
    let renamed: Vec<Option<Option<String>>> = {
        let written = written_speakers(statements, &claims);
        claims
            .iter()
            .map(|c| as_written(c.speaker.as_deref()?, entity_names, &written))
            .collect()
    };
    for (c, speaker) in claims.iter_mut().zip(renamed) {
        if let Some(speaker) = speaker {
            c.speaker = speaker;
        }
    }
    claims
}

/// The speaker "Who said what" lists for a description ("the embassy")
/// that is no entity's name, stated at `at`: of the statements overlapping
/// `at`, one whose speaker ends in the description's last word or holds
/// it ("the Ostrian embassy in Varn").
fn described_as_listed<'s>(
    speaker: &str,
    at: &Citation,
    statements: &'s [AttributedStatement],
    entity_names: &HashSet<&str>,
) -> Option<&'s str> {
    let described = speaker.starts_with("the ") || speaker.starts_with("The ");
    if !described || entity_names.contains(speaker) {
        return None;
    }
    let head = speaker.rsplit(' ').next().unwrap_or("").to_lowercase();
    statements.iter().find_map(|st| {
        let overlaps = || {
            st.citations
                .iter()
                .any(|s| s.article == at.article && s.start < at.end && at.start < s.end)
        };
        let holds_head = || {
            st.speaker
                .split([' ', ','])
                .any(|w| w.eq_ignore_ascii_case(&head))
        };
        (overlaps() && holds_head() && st.speaker != *speaker).then_some(st.speaker.as_str())
    })
}

/// Every speaker as the story's statements and claims write it.
fn written_speakers<'a>(
    statements: &'a [AttributedStatement],
    claims: &'a [Claim],
) -> HashSet<&'a str> {
    statements
        .iter()
        .map(|s| s.speaker.as_str())
        .chain(claims.iter().filter_map(|c| c.speaker.as_deref()))
        .collect()
}

/// A speaker as it reads inside a sentence, if that differs (`Some`): a
/// description in lower case where the story writes it so
/// ([`statements::as_in_a_sentence`]), and `Some(None)` for a lone
/// function word (a source cut short, a pronoun), which names no one.
/// `None`: keep it as it is (an entity's name).
fn as_written(
    speaker: &str,
    entity_names: &HashSet<&str>,
    written: &HashSet<&str>,
) -> Option<Option<String>> {
    if entity_names.contains(speaker) {
        None
    } else if crosscheck_text::is_function_word(&speaker.to_lowercase()) {
        Some(None)
    } else {
        statements::as_in_a_sentence(speaker, |s| written.contains(s)).map(Some)
    }
}

/// How the speakers of a conflict's sides are named: as the story's
/// claims name theirs (the entity's name, "Who said what"'s name for a
/// description, in lower case where the story writes it so).
struct SpeakerNames<'a> {
    canon: &'a dyn Fn(&str) -> String,
    statements: &'a [AttributedStatement],
    /// The story's entity names.
    entity_names: &'a HashSet<&'a str>,
    written: HashSet<&'a str>,
}

impl SpeakerNames<'_> {
    /// The name of the speaker `raw` of a figure stated at `at`, if it
    /// names someone.
    fn name(&self, raw: &str, at: &Citation) -> Option<String> {
        let speaker = (self.canon)(raw);
        let speaker = described_as_listed(&speaker, at, self.statements, self.entity_names)
            .map_or(speaker, str::to_string);
        match as_written(&speaker, self.entity_names, &self.written) {
            None => Some(speaker),
            Some(renamed) => renamed,
        }
    }
}

/// Groups of figure claims that state one figure in different words
/// merged: the same measure of the same thing ([`thing_key`], and for a
/// figure of a named thing, subjects that may be one: [`subjects_fit`]),
/// with values that agree closely ([`close_figures`]). "Some 5.3 million
/// households" and "more than 5 million households" are one figure stated
/// by two outlets; "at least 12" dead and 17 are not (that is a toll that
/// rose, reported as an update), nor are 43 and 430. Every two figures of
/// a merged group agree, not only neighbours in a chain: "more than 150"
/// agrees with 151 and with 156, which do not agree with each other, so it
/// joins one of them only. The groups keep their order, a merged group
/// standing where its first part stood.
fn agreeing_groups(groups: Vec<ClaimMembers<'_>>) -> Vec<ClaimMembers<'_>> {
    let mut by_thing: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, g) in groups.iter().enumerate() {
        if let Some(key) = thing_key(g[0].1) {
            by_thing.entry(key).or_default().push(i);
        }
    }
    // Each group's component: the groups merged with it, under the
    // smallest index.
    let mut root: Vec<usize> = (0..groups.len()).collect();
    let mut parts: Vec<Vec<usize>> = (0..groups.len()).map(|i| vec![i]).collect();
    let agree = |i: usize, j: usize| {
        let (a, b) = (groups[i][0].1, groups[j][0].1);
        close_figures(&a.value, &b.value) && subjects_fit(a, b)
    };
    for idx in by_thing.values() {
        for (k, &i) in idx.iter().enumerate() {
            for &j in &idx[k + 1..] {
                let (ri, rj) = (root[i], root[j]);
                if ri == rj
                    || !parts[ri]
                        .iter()
                        .all(|&x| parts[rj].iter().all(|&y| agree(x, y)))
                {
                    continue;
                }
                let (keep, gone) = (ri.min(rj), ri.max(rj));
                let moved = std::mem::take(&mut parts[gone]);
                for &m in &moved {
                    root[m] = keep;
                }
                parts[keep].extend(moved);
            }
        }
    }
    let mut merged: BTreeMap<usize, ClaimMembers<'_>> = BTreeMap::new();
    for (i, g) in groups.into_iter().enumerate() {
        merged.entry(root[i]).or_default().extend(g);
    }
    merged.into_values().collect()
}

/// What a figure claim measures, for merging agreeing figures: the concept
/// (and its subject, unless the concept's figures belong to a named thing,
/// whose names [`subjects_fit`] compares), or the counted noun and unit.
/// Dates have none: only equal dates group; nor have figures without a
/// subject.
fn thing_key(c: &ArticleClaim) -> Option<String> {
    if !matches!(c.value, ClaimValue::Number { .. }) {
        return None;
    }
    // A figure without a subject ("at least two years") says too little of
    // what it measures to be merged with another.
    let subject = c
        .subject
        .as_deref()
        .filter(|s| !s.is_empty())?
        .to_lowercase();
    Some(match c.concept.and_then(concept) {
        Some(con) if con.per_subject => con.id.to_string(),
        Some(con) => format!("{}|{subject}", con.id),
        None => format!("|{}|{}", counted_noun_key(&subject), c.attribute),
    })
}

/// Whether two figure claims of one measure may be about one thing: the
/// same subject, or at least one of them a common noun ("the ground") or
/// unlocated rather than a name. "Fenmoor Road would cost an estimated 185
/// million crowns" and "the cost of the new ground at 185 million crowns"
/// may be one cost; the costs of two named places are not.
fn subjects_fit(a: &ArticleClaim, b: &ArticleClaim) -> bool {
    fn named(c: &ArticleClaim) -> Option<&str> {
        c.subject.as_deref().filter(|s| {
            s.starts_with(char::is_uppercase)
                && c.concept
                    .and_then(concept)
                    .is_none_or(|con| *s != con.subject)
        })
    }
    match (named(a), named(b)) {
        (Some(x), Some(y)) => x.to_lowercase() == y.to_lowercase(),
        _ => true,
    }
}

/// Whether two figures agree closely enough to be one figure written two
/// ways: the same unit, values within a tenth of the larger, and either a
/// bound the other figure meets ("more than 5 million" and 5.3 million;
/// not "more than two" and two) or two figures whose roundings overlap
/// ("about 400" and 400). Two different bounds ("at least 74", "at least
/// 82") are two reports, not one figure.
fn close_figures(a: &ClaimValue, b: &ClaimValue) -> bool {
    let (
        ClaimValue::Number {
            value: x,
            approx: ax,
            unit: ua,
            ..
        },
        ClaimValue::Number {
            value: y,
            approx: ay,
            unit: ub,
            ..
        },
    ) = (a, b)
    else {
        return false;
    };
    if ua != ub || (x - y).abs() > 0.1 * x.abs().max(y.abs()) {
        return false;
    }
    // Whether `v` meets the bound `approx` puts on `bound`.
    let meets = |bound: f64, approx: Approx, v: f64| match approx {
        Approx::AtLeast => v >= bound,
        Approx::MoreThan => v > bound,
        Approx::AtMost => v <= bound,
        Approx::LessThan => v < bound,
        Approx::Exact | Approx::About | Approx::JustOver | Approx::JustUnder => true,
    };
    let is_bound = |approx: Approx| {
        matches!(
            approx,
            Approx::AtLeast | Approx::MoreThan | Approx::AtMost | Approx::LessThan
        )
    };
    match (is_bound(*ax), is_bound(*ay)) {
        (true, true) => false,
        (true, false) => meets(*x, *ax, *y),
        (false, true) => meets(*y, *ay, *x),
        (false, false) => a.compatible(b),
    }
}

/// How wide a figure's interval is (an open bound is infinitely wide), to
/// show a merged figure as its most precise statement.
fn width(v: &ClaimValue) -> f64 {
    match v {
        ClaimValue::Number {
            value,
            precision,
            approx,
            unit,
        } => {
            let (lo, hi) = crosscheck_facts::interval_in(*value, *precision, *approx, unit);
            hi - lo
        }
        ClaimValue::Date(_) => 0.0,
    }
}

/// Each spelling of a person's name → the name the story lists the person
/// under, so that figures about one person written several ways ("Jürgen
/// Vöss, 52," / "Juergen Voess, 55,") are figures about one subject,
/// compared and shown under one name. Only people: the names of
/// companies and bodies merge more loosely ("Kestrel" with "Kestrel
/// Systems" and with its product "Kestrel X"), and their figures (a
/// price, a product's cost) would then meet figures about other things.
/// A first name alone is left as it is: features name a family's members
/// by first name ("his cousins Mira, 17, and …"), and the person a lone
/// first name was merged with may be a relative of the same name.
struct EntityNames<'e>(HashMap<&'e str, &'e str>);

impl<'e> EntityNames<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let mut names = HashMap::new();
        for e in entities.iter().filter(|e| e.kind == "person") {
            let surname = e.name.rsplit(' ').next().map(variant_key);
            for v in &e.variants {
                let first_name_alone =
                    !v.contains(' ') && surname.as_deref() != Some(variant_key(v).as_str());
                if !first_name_alone {
                    names.insert(v.as_str(), e.name.as_str());
                }
            }
        }
        Self(names)
    }

    /// The entity's name for `subject`, or `subject` when it names none.
    fn of<'a>(&'a self, subject: &'a str) -> &'a str {
        self.0.get(subject).copied().unwrap_or(subject)
    }
}

/// A claim's subject as the facts list shows it: the measure with what it
/// is of ("interest rate change", "previous interest rate", "capacity of
/// the stadium"), and "(expected or proposed)" when every statement of it
/// is a forecast, plan or option ("analysts expected a quarter-point
/// rise"), so that it does not read as what happened.
fn shown_subject(members: &ClaimMembers<'_>, names: &EntityNames<'_>) -> Option<String> {
    let first = members[0].1;
    let mut shown = match first.concept.and_then(concept) {
        Some(con) if con.per_subject => {
            let located: Vec<&str> = members
                .iter()
                .filter_map(|(_, c)| c.subject.as_deref())
                .filter(|s| *s != con.subject)
                .map(|s| names.of(s))
                .collect();
            let common = located.iter().find(|s| s.starts_with(char::is_lowercase));
            match common.or(located.first()) {
                Some(s) if s.starts_with(char::is_lowercase) => {
                    format!("{} of the {s}", con.subject)
                }
                Some(s) => format!("{} of {s}", con.subject),
                None => con.subject.to_string(),
            }
        }
        Some(con) => {
            let subject = first
                .subject
                .as_deref()
                .map_or(con.subject, |s| names.of(s));
            match con.attribute {
                "change" => format!("{subject} change"),
                "previous level" => format!("previous {subject}"),
                _ => subject.to_string(),
            }
        }
        None => first.subject.clone()?,
    };
    if members.iter().all(|(_, c)| c.hedged) {
        shown.push_str(" (expected or proposed)");
    }
    Some(shown)
}

/// Counted nouns that outlets use for the same people or things, each with
/// the name its family is grouped under. "about 10,000 troops" in one
/// report and "around 10,000 soldiers" in another are one figure stated by
/// two outlets; without this table each would stand as a single-source
/// fact. Only interchangeable words belong here (not "people" and
/// "residents", which count different sets); hand-written because it is a
/// matter of news usage, not of spelling.
const COUNTED_NOUN_FAMILIES: &[(&str, &[&str])] = &[
    (
        "troops",
        &[
            "troop",
            "soldiers",
            "soldier",
            "servicemen",
            "service members",
        ],
    ),
    ("people", &["persons"]),
    ("homes", &["houses", "dwellings"]),
    ("vehicles", &["cars"]),
    ("children", &["kids"]),
    ("jobs", &["positions", "posts"]),
];

/// The grouping key of a claim about a plain counted noun: its words, with
/// an interchangeable noun ("soldiers") replaced by its family's name
/// ("troops"), so "North Korean soldiers" and "North Korean troops" group.
fn counted_noun_key(subject: &str) -> String {
    for (name, members) in COUNTED_NOUN_FAMILIES {
        for m in *members {
            if let Some(head) = subject.strip_suffix(m) {
                if head.is_empty() || head.ends_with(' ') {
                    return format!("{head}{name}");
                }
            }
        }
    }
    subject.to_string()
}

/// Counted nouns too wide to say what they count: a story counts people,
/// or years, in many ways at once.
const TOO_WIDE_NOUNS: &[&str] = &[
    "people", "persons", "men", "women", "children", "others", "times", "years", "months", "weeks",
    "days", "hours", "minutes", "seconds", "percent", "pct", "members", "points",
];

/// The key of a claim's plain count (its counted noun, a family's name for
/// interchangeable nouns, see [`counted_noun_key`]) when the claim may be
/// a side of a plain-count conflict: a count no concept reads, of one noun
/// ("11 vehicles") not too wide to say what it counts, and no standing
/// total ([`standing_total`]).
fn plain_count(c: &ArticleClaim, text: &str) -> Option<String> {
    if c.concept.is_some()
        || c.attribute != "count"
        || !matches!(c.value, ClaimValue::Number { .. })
        || standing_total(text, c.value_span, c.span.end)
    {
        return None;
    }
    plain_noun_key(c.subject.as_deref()?)
}

/// The key of a counted noun for plain counts, unless it is too wide.
fn plain_noun_key(noun: &str) -> Option<String> {
    let noun = noun.to_lowercase();
    // One word: a subject of several ("people killed") is a concept's.
    if noun.is_empty() || !noun.chars().all(char::is_alphabetic) {
        return None;
    }
    let key = counted_noun_key(&noun);
    (!TOO_WIDE_NOUNS.contains(&key.as_str())).then_some(key)
}

/// Whether the figure at `value` of `text` is a standing total, not a
/// count of what happened: after a verb of having ("Kestrel has 4.1
/// million customers") or followed by "in all" or "in total" before the
/// sentence ends at `end`.
fn standing_total(text: &str, value: Span, end: usize) -> bool {
    let before = text.get(..value.start).unwrap_or("");
    let after = text.get(value.end..end.max(value.end)).unwrap_or("");
    let words: Vec<&str> = after.split_whitespace().take(6).collect();
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| STANDING_VERBS.contains(&w.to_lowercase().as_str()))
        || words.windows(2).any(|w| {
            w[0] == "in" && matches!(w[1].trim_end_matches(['.', ',', ';']), "all" | "total")
        })
}

/// Verbs before a standing total rather than a count of what happened
/// ("Kestrel has 4.1 million customers", a ship "carrying about 4,000
/// containers").
const STANDING_VERBS: &[&str] = &[
    "has", "have", "had", "employs", "employed", "serves", "served", "totals", "numbers",
    "carrying", "carries", "carried", "holds", "holding",
];

/// The publication day of an article (the date part of its timestamp).
fn published_day<'a>(published: &HashMap<&str, Option<&'a str>>, article: &str) -> Option<&'a str> {
    published
        .get(article)
        .copied()
        .flatten()
        .map(|p| p.get(..10).unwrap_or(p))
}

/// Concepts whose figures are of one vehicle, vote or deal: the places a
/// sentence names (where a ferry sailed from, where a buyer is based) do
/// not make two of them two things, as they do two tolls.
const OF_ONE_THING: &[&str] = &["aboard", "votes_for", "deal_value", "share_price"];

/// Per article, the values (low, high) its figures of one noun allow.
type Allowed<'a> = HashMap<&'a str, Vec<(f64, f64)>>;

/// The figures of one plain counted noun that may conflict, by value.
/// Without a concept, nothing says which thing a noun counts, so the rule
/// is narrow (a false conflict costs more than a missed one): a figure
/// counts only from an article that is dated and counts the noun one way
/// (`counted` holds the values each article's figures of the noun allow,
/// sides or not, standing totals aside: an article counting "vehicles"
/// twice, differently, counts two things), and
/// two figures conflict only when two outlets give them on one day (a
/// later figure may be a change: see the caller).
fn plain_count_members<'a>(
    values: &BTreeMap<String, Vec<(&'a str, &'a ArticleClaim)>>,
    counted: &Allowed<'_>,
    published: &HashMap<&str, Option<&str>>,
) -> Vec<Vec<(&'a str, &'a ArticleClaim)>> {
    let one_way = |a: &str| {
        counted
            .get(a)
            .is_none_or(|vs| vs.iter().all(|&(lo, hi)| lo <= vs[0].1 && vs[0].0 <= hi))
    };
    values
        .values()
        .map(|m| {
            m.iter()
                .filter(|(a, _)| published_day(published, a).is_some() && one_way(a))
                .copied()
                .collect::<Vec<_>>()
        })
        .filter(|m| !m.is_empty())
        .collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Citations for (article, span) pairs, sorted and deduplicated.
fn cite<'a>(items: impl Iterator<Item = (&'a str, Span)>) -> Vec<Citation> {
    let mut v: Vec<Citation> = items
        .map(|(a, s)| Citation {
            article: a.to_string(),
            start: s.start,
            end: s.end,
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Which articles are one independent source: a duplicate group, or the
/// same named outlet.
struct Outlets {
    group: HashMap<String, usize>,
}

impl Outlets {
    fn new(docs: &[&Document], duplicates: &[Duplicate]) -> Self {
        let ids: Vec<&str> = docs.iter().map(|d| d.article.id.as_str()).collect();
        let mut parent: Vec<usize> = (0..ids.len()).collect();
        let idx = |id: &str| ids.iter().position(|x| *x == id);
        let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
            let (ra, rb) = (find(parent, a), find(parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        };
        for d in duplicates {
            let members: Vec<usize> = d.articles.iter().filter_map(|a| idx(a)).collect();
            for w in members.windows(2) {
                union(&mut parent, w[0], w[1]);
            }
        }
        for i in 0..docs.len() {
            for j in i + 1..docs.len() {
                let (a, b) = (&docs[i].article.source, &docs[j].article.source);
                if let (Some(a), Some(b)) = (a, b) {
                    if a.trim().eq_ignore_ascii_case(b.trim()) {
                        union(&mut parent, i, j);
                    }
                }
            }
        }
        let group = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.to_string(), find(&mut parent, i)))
            .collect();
        Outlets { group }
    }

    fn of(&self, article: &str) -> usize {
        self.group.get(article).copied().unwrap_or(usize::MAX)
    }

    fn count<'a>(&self, articles: impl Iterator<Item = &'a str>) -> usize {
        let mut g: Vec<usize> = articles.map(|a| self.of(a)).collect();
        g.sort_unstable();
        g.dedup();
        g.len()
    }
}

/// Every [`EntityKind`], in declaration order (the index of each).
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Other,
];

/// A cluster of mentions being merged into one entity.
#[derive(Default)]
struct EntityBuilder {
    variants: Vec<(String, usize)>,
    /// [`variant_key`] of each variant, computed once.
    keys: Vec<String>,
    /// Keys of the first and last word of each multi-word variant.
    ends: Vec<(String, String)>,
    /// Votes for each kind, indexed by [`EntityKind`] in [`KINDS`] order.
    kinds: [usize; 4],
    articles: Vec<String>,
    /// The articles (by their place in the story) that write one of the
    /// multi-word variants out, each with the byte offset of its first such
    /// mention.
    named_in: Vec<(usize, usize)>,
    mentions: usize,
    acronyms: Vec<String>,
}

impl EntityBuilder {
    fn add(&mut self, text: &str, key: &str, kind: EntityKind, article: &str, weight: usize) {
        match self.variants.iter_mut().find(|(v, _)| v == text) {
            Some((_, n)) => *n += 1,
            None => {
                self.variants.push((text.to_string(), 1));
                self.keys.push(key.to_string());
                let ws: Vec<&str> = without_legal_form(text).split_whitespace().collect();
                if ws.len() > 1 {
                    self.ends
                        .push((variant_key(ws[0]), variant_key(ws[ws.len() - 1])));
                }
            }
        }
        self.kinds[kind as usize] += weight;
        if !self.articles.iter().any(|a| a == article) {
            self.articles.push(article.to_string());
        }
        self.mentions += 1;
    }
    /// Whether `name` (with its [`variant_key`] `key`) names this entity:
    /// [`crosscheck_facts::fold::same_name`] against a variant, or an acronym.
    fn matches(&self, name: &str, key: &str) -> bool {
        self.keys.iter().any(|k| same_name_key(k, key)) || self.acronyms.iter().any(|a| a == name)
    }
    /// Take in every mention of `other`, another name for this entity.
    fn absorb(&mut self, other: EntityBuilder) {
        for ((v, n), k) in other.variants.into_iter().zip(other.keys) {
            match self.variants.iter_mut().find(|(w, _)| *w == v) {
                Some((_, m)) => *m += n,
                None => {
                    self.variants.push((v, n));
                    self.keys.push(k);
                }
            }
        }
        self.ends.extend(other.ends);
        for (mine, votes) in self.kinds.iter_mut().zip(other.kinds) {
            *mine += votes;
        }
        for a in other.articles {
            if !self.articles.contains(&a) {
                self.articles.push(a);
            }
        }
        for (a, at) in other.named_in {
            match self.named_in.iter_mut().find(|(b, _)| *b == a) {
                Some((_, first)) => *first = (*first).min(at),
                None => self.named_in.push((a, at)),
            }
        }
        self.mentions += other.mentions;
        for a in other.acronyms {
            if !self.acronyms.contains(&a) {
                self.acronyms.push(a);
            }
        }
    }
    /// Whether `kind` has most of the votes so far.
    fn mostly(&self, kind: EntityKind) -> bool {
        let votes = self.kinds[kind as usize];
        votes > 0 && self.kinds.iter().all(|&v| v <= votes)
    }
    fn multiword(&self) -> impl Iterator<Item = &str> {
        self.variants
            .iter()
            .map(|(v, _)| v.as_str())
            .filter(|v| v.split_whitespace().count() > 1)
    }
}

/// Company legal forms that outlets write or leave out at will
/// ("Kestrel Systems Corp." / "Kestrel Systems").
const LEGAL_FORMS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "co",
    "ltd",
    "limited",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
];

/// Words closing a company's full name that its short name leaves out when
/// two words remain ("Kestrel Pacific Airways" is "Kestrel Pacific"; not
/// "Ostrian Airlines", whose first word alone is a country's adjective).
const BUSINESS_TAILS: &[&str] = &["airways", "airlines", "holdings", "group"];

/// A name without a closing legal form, when words remain, or a business
/// word of [`BUSINESS_TAILS`], when two remain: the part of a company's
/// name that every variant shares.
fn without_legal_form(name: &str) -> &str {
    let trimmed = name.trim_end_matches(['.', ',']).trim_end();
    match trimmed.rsplit_once(' ') {
        Some((head, last)) => {
            let last = last.trim_end_matches('.').to_lowercase();
            let head = head.trim_end_matches(',').trim_end();
            if LEGAL_FORMS.contains(&last.as_str())
                || (BUSINESS_TAILS.contains(&last.as_str()) && head.contains(' '))
            {
                head
            } else {
                name
            }
        }
        _ => name,
    }
}

/// [`is_acronym`], full stops aside ("U.N.", "NATO").
fn is_dotted_acronym(w: &str) -> bool {
    let n = w.chars().filter(|&c| c != '.').count();
    (2..=6).contains(&n)
        && w.chars()
            .all(|c| c == '.' || c.is_uppercase() || c.is_ascii_digit())
}

fn is_acronym(w: &str) -> bool {
    !w.contains('.') && is_dotted_acronym(w)
}

/// Initials of a name's capitalised words ("Central Bank of Varesia" → "CBV").
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
}

/// Where to look for the entity a name belongs to, so that each mention is
/// compared with a few candidates rather than every entity built so far (a
/// 50-article story has thousands of mentions and hundreds of entities).
/// Gives the same answer as asking every builder in order.
#[derive(Default)]
struct BuilderIndex {
    /// Variant key → builders holding it.
    exact: HashMap<String, Vec<usize>>,
    /// (first letter, length in letters) of keys long enough for
    /// [`same_name_key`]'s one-edit rule → builders and the key.
    near: HashMap<(char, usize), Vec<(usize, String)>>,
    /// Acronym → builders it was defined for.
    acronyms: HashMap<String, Vec<usize>>,
    /// Key of a multi-word variant's first or last word → builders, each
    /// once.
    ends: HashMap<String, Vec<usize>>,
}

impl BuilderIndex {
    fn add(&mut self, i: usize, keys: &[String], ends: &[(String, String)], acronyms: &[String]) {
        for k in keys {
            self.exact.entry(k.clone()).or_default().push(i);
            let n = k.chars().count();
            if let Some(c) = k.chars().next().filter(|_| n >= 8) {
                self.near.entry((c, n)).or_default().push((i, k.clone()));
            }
        }
        for a in acronyms {
            self.acronyms.entry(a.clone()).or_default().push(i);
        }
        for (first, last) in ends {
            for e in [first, last] {
                let v = self.ends.entry(e.clone()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
    }

    /// The first builder that [`EntityBuilder::matches`] `name`.
    fn matching(&self, builders: &[EntityBuilder], name: &str, key: &str) -> Option<usize> {
        self.matching_but(builders, name, key, &[])
    }

    /// The first builder, not one of `but`, that [`EntityBuilder::matches`]
    /// `name`.
    fn matching_but(
        &self,
        builders: &[EntityBuilder],
        name: &str,
        key: &str,
        but: &[usize],
    ) -> Option<usize> {
        let mut best = (self.exact.get(key).into_iter().flatten())
            .chain(self.acronyms.get(name).into_iter().flatten())
            .copied()
            .filter(|i| !but.contains(i))
            .min();
        let n = key.chars().count();
        if let Some(c) = key.chars().next().filter(|_| n >= 8) {
            for len in n - 1..=n + 1 {
                for (i, k) in self.near.get(&(c, len)).into_iter().flatten() {
                    if best.is_none_or(|b| *i < b) && !but.contains(i) && same_name_key(k, key) {
                        best = Some(*i);
                    }
                }
            }
        }
        debug_assert_eq!(
            best,
            (0..builders.len()).find(|i| !but.contains(i) && builders[*i].matches(name, key))
        );
        best
    }
}

/// What a lone word ("Lind") may stand for.
enum ShortForm {
    /// The one full name its article wrote out before first using the
    /// word alone.
    Read(usize),
    /// Several full names end or open with the word, and its article does
    /// not say which (these are their entities).
    Unsettled(Vec<usize>),
    /// The word is the first or last word of this full name alone, or of
    /// none (`None`).
    Of(Option<usize>),
}

/// Which entity a lone word is the short form of: the first or last word
/// of exactly one multi-word name ("Pyon", "Wrześniewski", "Brimstead").
/// Where several full names end or open with the word ("Tarvo Lind", "Ana
/// Lind"), the person its own article wrote out before first using the
/// word alone (`first_alone`), if that is the only such name, as a reader
/// takes it. A word used alone before any full name stands for someone the
/// article takes as known ("President Lind … his wife, Ana Lind"), and a
/// word the article's evidence makes a body ("the House") for no person.
#[allow(clippy::too_many_arguments)]
fn short_form(
    builders: &[EntityBuilder],
    index: &BuilderIndex,
    m: &crosscheck_facts::Mention,
    article: usize,
    name: &str,
    key: &str,
    country: bool,
    first_alone: Option<usize>,
) -> ShortForm {
    // A country or a listed place is no short form of a body or a region
    // named after it ("the Port Authority of Norway", "Chile Air", "the
    // Oslo Tribune", "North Africa"). Nor is a listed place in capitals, a
    // dateline's ("OSLO —" is not the "Oslo Tribune").
    let capitals = !name.chars().any(char::is_lowercase);
    if country
        || crosscheck_facts::is_place_not_name(name)
        || (capitals && crosscheck_facts::is_gazetteer_place(name))
    {
        return ShortForm::Of(None);
    }
    // Names joined by "and" ("Kestrel and Varn Air"), and names that hold
    // another candidate's name ("Mira Holm Holm", a slip), are no full
    // name of a short form beside a real one.
    let of: &[usize] = index.ends.get(key).map_or(&[], Vec::as_slice);
    let holds_other = |i: usize| {
        of.iter().any(|&j| {
            j != i
                && builders[i].variants.iter().all(|(v, _)| {
                    builders[j]
                        .variants
                        .iter()
                        // (Its full names: not a short form it took in.)
                        .any(|(w, _)| {
                            v.len() > w.len() && w.contains(' ') && v.contains(w.as_str())
                        })
                })
        })
    };
    let no_full_name = |i: usize| {
        builders[i]
            .variants
            .iter()
            .all(|(v, _)| v.contains(" and "))
            || (of.len() <= 4 && holds_other(i))
    };
    // A thing named by its maker and a code ("Kestrel KX-9") is no full name
    // of the maker's name alone (the code alone, "KX-9", still stands for it).
    let coded = |v: &str| {
        v.split_whitespace()
            .next_back()
            .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()))
    };
    let of: Vec<usize> = if name.bytes().any(|b| b.is_ascii_digit()) {
        of.to_vec()
    } else {
        (of.iter().copied())
            .filter(|&i| !builders[i].variants.iter().all(|(v, _)| coded(v)))
            .collect()
    };
    let full: Vec<usize> = match of[..] {
        [] | [_] => return ShortForm::Of(of.first().copied()),
        _ => of.iter().copied().filter(|&i| !no_full_name(i)).collect(),
    };
    if full.len() <= 1 {
        return ShortForm::Of(full.first().copied());
    }
    let introduced = |i: &usize| {
        builders[*i]
            .named_in
            .iter()
            .any(|&(a, at)| a == article && Some(at) < first_alone)
    };
    let mut here = full.iter().copied().filter(introduced);
    match (here.next(), here.next()) {
        (Some(one), None)
            if (m.kind == EntityKind::Person || m.guessed)
                && builders[one].mostly(EntityKind::Person) =>
        {
            ShortForm::Read(one)
        }
        _ => ShortForm::Unsettled(full),
    }
}

fn merge_entities(facts: &[ArticleFacts]) -> Vec<Entity> {
    let mut builders: Vec<EntityBuilder> = Vec::new();
    let mut index = BuilderIndex::default();
    let all: Vec<(&str, &crosscheck_facts::Mention)> = facts
        .iter()
        .flat_map(|f| f.mentions.iter().map(move |m| (f.article.as_str(), m)))
        .collect();
    // Each mention's article by its place in the story.
    let article_nos: Vec<usize> = (facts.iter().enumerate())
        .flat_map(|(k, f)| std::iter::repeat_n(k, f.mentions.len()))
        .collect();
    // Votes for an entity's kind: a title counts most, then evidence (a
    // gazetteer entry, an organisation word), far above a guess from the
    // word before a name, so that guesses decide only when nothing else
    // does; "other" for want of a kind only when no mention suggests one,
    // and "other" by evidence (a storm, an event, a law) as any evidence.
    let weight = |m: &crosscheck_facts::Mention| match m.kind {
        EntityKind::Other if m.guessed => 1,
        _ if m.title.is_some() => 400,
        _ if m.guessed => 2,
        _ => 100,
    };
    // Each mention's name and key, made once for the three passes and once
    // for each name however often the story writes it (a country's
    // other names are looked up in the country table).
    type Prepared<'a> = (String, String, usize, bool, Option<&'a str>);
    let prepare = |name: &str| -> Prepared<'_> {
        let name = name.to_string();
        // A country under another of its names ("the Russian
        // Federation", "DPRK") meets the country's common name.
        let country = crosscheck_facts::country_named(&name);
        // A surname with its particle ("bin Varsi") is matched as the
        // surname: the short form of a longer name ending with it.
        let surname = crosscheck_facts::fold::without_surname_particle(&name);
        let key = variant_key(without_legal_form(country.or(surname).unwrap_or(&name)));
        let words = surname.map_or(name.split_whitespace().count(), |s| {
            s.split_whitespace().count()
        });
        // Initials with full stops ("U.N.") are an acronym too.
        let acro = words == 1 && is_dotted_acronym(&name) && country.is_none();
        (name, key, words, acro, country)
    };
    let mut distinct: Vec<Prepared<'_>> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let prepared: Vec<usize> = all
        .iter()
        .map(|(_, m)| {
            let name = strip_possessive(&m.text);
            *seen.entry(name).or_insert_with(|| {
                distinct.push(prepare(name));
                distinct.len() - 1
            })
        })
        .collect();
    let prepared: Vec<&Prepared<'_>> = prepared.into_iter().map(|i| &distinct[i]).collect();
    // Where each article first uses each lone word that several full names
    // share (filled once the full names are all known, before pass 3).
    let mut first_alone: HashMap<(&str, &str), usize> = HashMap::new();
    // Pass 1: multi-word names; pass 2: acronyms; pass 3: single words.
    for pass in 0..3 {
        if pass == 2 {
            for ((article, m), &(_, key, words, acro, _)) in all.iter().zip(&prepared) {
                if *words == 1 && !acro && index.ends.get(key).is_some_and(|of| of.len() > 1) {
                    let at = first_alone
                        .entry((*article, key.as_str()))
                        .or_insert(m.span.start);
                    *at = (*at).min(m.span.start);
                }
            }
        }
        for (((article, m), &(name, key, words, acro, country)), article_no) in
            all.iter().zip(&prepared).zip(&article_nos)
        {
            let (name, key, words, acro) = (name.as_str(), key.as_str(), *words, *acro);
            let this_pass = match pass {
                0 => words > 1,
                1 => acro,
                _ => words == 1 && !acro,
            };
            if !this_pass {
                continue;
            }
            let target = match pass {
                0 => index.matching(&builders, name, key).or_else(|| {
                    (m.kind == EntityKind::Person)
                        .then(|| same_person(&builders, &index, name))
                        .flatten()
                }),
                1 => builders
                    .iter()
                    .position(|b| {
                        b.acronyms.iter().any(|a| a == name)
                            || b.variants.iter().any(|(v, _)| v == name)
                    })
                    .or_else(|| {
                        // Defined here, or the initials of a known name.
                        let expansion = m.defines.as_deref();
                        // People are not written by their initials in the
                        // news ("AP" after a dateline is the wire, not
                        // an Arlo Prentiss), unless the article says so.
                        builders.iter().position(|b| {
                            b.multiword().any(|v| {
                                Some(v) == expansion
                                    || (initials(v).eq(name.chars().filter(|&c| c != '.'))
                                        && !b.mostly(EntityKind::Person))
                            })
                        })
                    }),
                _ => {
                    // (A word no two full names share is looked up first:
                    // most are, and the short-form search is dearer.)
                    let shared = index.ends.get(key).is_some_and(|of| of.len() > 1);
                    let found = (!shared)
                        .then(|| index.matching(&builders, name, key))
                        .flatten();
                    let first_alone = || first_alone.get(&(*article, key)).copied();
                    found.or_else(|| {
                        let country = country.is_some();
                        match short_form(
                            &builders,
                            &index,
                            m,
                            *article_no,
                            name,
                            key,
                            country,
                            first_alone(),
                        ) {
                            ShortForm::Read(one) => Some(one),
                            // A word several full names share, which its
                            // article does not settle: only an entity of
                            // the word alone (another article's reading is
                            // not this one's).
                            ShortForm::Unsettled(several) => {
                                index.matching_but(&builders, name, key, &several)
                            }
                            ShortForm::Of(full) => if shared {
                                index.matching(&builders, name, key)
                            } else {
                                None
                            }
                            .or(full),
                        }
                    })
                }
            };
            let i = target.unwrap_or_else(|| {
                builders.push(EntityBuilder::default());
                builders.len() - 1
            });
            let b = &mut builders[i];
            let (keys, ends, acronyms) = (b.keys.len(), b.ends.len(), b.acronyms.len());
            // A short form's guess ("sent to Brennholm", read as a place)
            // counts half when the full name it stands for is known: the
            // words around a surname say less of what it names than the
            // words around the whole name.
            let vote = if pass == 2 && m.guessed && b.multiword().next().is_some() {
                (weight(m) / 2).max(1)
            } else {
                weight(m)
            };
            b.add(name, key, m.kind, article, vote);
            if pass == 0 && !b.named_in.iter().any(|&(a, _)| a == *article_no) {
                b.named_in.push((*article_no, m.span.start));
            }
            if pass == 0 {
                if let Some(a) = &m.defines {
                    if !b.acronyms.contains(a) {
                        b.acronyms.push(a.clone());
                    }
                }
            }
            index.add(i, &b.keys[keys..], &b.ends[ends..], &b.acronyms[acronyms..]);
        }
    }
    let builders = merge_qualified(builders);
    let mut out: Vec<Entity> = builders
        .into_iter()
        .map(|b| {
            // The name: a country's common name when it is among the
            // variants ("Russia" over "Russian Federation"), else the most
            // used multi-word, non-acronym variant (an expansion over its
            // acronym), ties to the one whose short forms are used most
            // ("Pyon Sol-hwa" over "Byeon Sol-hwa" when the articles go on
            // with "Pyon"), then the longer, then the first alphabetically.
            let short_uses = |name: &str| -> usize {
                let ws: Vec<&str> = name.split_whitespace().collect();
                let ends = [ws[0], ws[ws.len() - 1]];
                b.variants
                    .iter()
                    .filter(|(v, _)| ws.len() > 1 && ends.contains(&v.as_str()))
                    .map(|(_, n)| n)
                    .sum()
            };
            // A qualified name over its bare tail ("U.N. Security Council"
            // over "Security Council"), however often each is used.
            let qualified = |v: &str| !b.variants.iter().any(|(w, _)| qualifier_of(w, v).is_some());
            let score = |v: &str, n: usize| {
                (
                    crosscheck_facts::country_named(v) == Some(v),
                    !is_acronym(v),
                    // "bin Varsi" is a surname, no full name.
                    crosscheck_facts::fold::without_surname_particle(v)
                        .unwrap_or(v)
                        .contains(' '),
                    v.chars().any(char::is_lowercase),
                    qualified(v),
                    n,
                    short_uses(v),
                    v.chars().count(),
                )
            };
            // (Each variant scored once; one variant is the name.)
            let name = match &b.variants[..] {
                [(only, _)] => only.clone(),
                vs => vs
                    .iter()
                    .map(|(v, n)| (score(v, *n), v))
                    .min_by(|(sx, x), (sy, y)| sy.cmp(sx).then(x.cmp(y)))
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            };
            let mut kinds: Vec<(EntityKind, usize)> = KINDS
                .into_iter()
                .zip(b.kinds)
                .filter(|&(_, votes)| votes > 0)
                .collect();
            kinds.sort_by(|x, y| {
                // Votes of 100 and more hold evidence.
                let rank = |k: &(EntityKind, usize)| (k.0 != EntityKind::Other || k.1 >= 100, k.1);
                rank(y).cmp(&rank(x)).then(x.0.cmp(&y.0))
            });
            let mut variants: Vec<String> = b.variants.into_iter().map(|v| v.0).collect();
            variants.sort();
            let mut articles = b.articles;
            articles.sort();
            // A listed place the story only writes in a dateline's
            // capitals ("PORT ALDERY") is named as a sentence would write it.
            let listed = |n: &str| {
                crosscheck_facts::is_gazetteer_place(n) || crosscheck_facts::is_place_not_name(n)
            };
            let name = if kinds[0].0 == EntityKind::Place && listed(&name) {
                capitals_as_written(name)
            } else {
                name
            };
            Entity {
                name,
                kind: kinds[0].0.as_str().to_string(),
                variants,
                articles,
                mentions: b.mentions,
            }
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    out
}

/// A name in capitals ("PORT ALDERY", "RIO DE JANEIRO") with each word
/// capitalised and its particles in lower case ("Port Aldery", "Rio de
/// Janeiro"); any other name (an acronym, "U.S.", a name with lower-case
/// letters) as it is.
fn capitals_as_written(name: String) -> String {
    if name.chars().any(char::is_lowercase) || is_acronym(&name) || name.contains('.') {
        return name;
    }
    let words: Vec<String> = name
        .split(' ')
        .enumerate()
        .map(|(k, w)| {
            let lower = w.to_lowercase();
            let particle = matches!(
                lower.as_str(),
                "de" | "del"
                    | "da"
                    | "do"
                    | "dos"
                    | "das"
                    | "di"
                    | "du"
                    | "la"
                    | "le"
                    | "es"
                    | "of"
                    | "and"
                    | "the"
                    | "von"
                    | "van"
                    | "der"
                    | "al"
            );
            if k > 0 && particle {
                return lower;
            }
            // Each part of a hyphenated word ("Port-au-Prince").
            let parts: Vec<String> = lower
                .split('-')
                .enumerate()
                .map(|(j, p)| {
                    if j > 0 && matches!(p, "au" | "aux" | "en" | "sur" | "de" | "la") {
                        return p.to_string();
                    }
                    let mut cs = p.chars();
                    cs.next()
                        .map(|c| c.to_uppercase().chain(cs).collect())
                        .unwrap_or_default()
                })
                .collect();
            parts.join("-")
        })
        .collect();
    words.join(" ")
}

/// Drop the entities that are ordinary words capitalised once ("abides
/// by International law", a headline's "Detained", "Obviously" opening a
/// sentence): a single word of no known kind, mentioned once, that the
/// story's articles also write in lower case. The articles are read once
/// for all such words (a 50-article story has hundreds of candidates).
fn drop_common_words(entities: &mut Vec<Entity>, docs: &[&Document]) {
    let candidate = |e: &Entity| {
        e.kind == "other"
            && e.mentions == 1
            && e.variants.len() == 1
            && !e.name.contains(' ')
            && e.name.to_lowercase() != e.name
    };
    // Lower-case form → whether an article writes it so, as a whole word
    // (not inside a longer word or a hyphenated one).
    let mut lower: HashMap<String, bool> = entities
        .iter()
        .filter(|e| candidate(e))
        .map(|e| (e.name.to_lowercase(), false))
        .collect();
    if lower.is_empty() {
        return;
    }
    let in_word = |c: char| c.is_alphanumeric() || c == '-';
    // Words of letters, digits and hyphens are whole runs of such
    // characters; any other (an apostrophe, a full stop) is looked for.
    let odd: Vec<String> = lower
        .keys()
        .filter(|w| !w.chars().all(in_word))
        .cloned()
        .collect();
    // The first byte and length (31: longer) of each word, so that most
    // runs of the text are turned away without a lookup.
    let mut shapes = [0u32; 256];
    for w in lower.keys() {
        shapes[usize::from(w.as_bytes()[0])] |= 1 << w.len().min(31);
    }
    let apart = |c: Option<char>| c.is_none_or(|c| !in_word(c));
    for d in docs {
        let text = &d.article.text;
        // The runs of word characters, by bytes (ASCII) and by characters
        // only where a byte opens a multi-byte one.
        let bytes = text.as_bytes();
        let (mut k, mut start) = (0, 0);
        while k <= bytes.len() {
            let (inside, width) = match bytes.get(k) {
                None => (false, 1),
                Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric() || b == b'-', 1),
                Some(_) => {
                    let c = text[k..].chars().next().expect("at a character");
                    (in_word(c), c.len_utf8())
                }
            };
            if !inside {
                let run = &text[start..k];
                if let Some(&b) = run.as_bytes().first() {
                    if shapes[usize::from(b)] & (1 << run.len().min(31)) != 0 {
                        if let Some(found) = lower.get_mut(run) {
                            *found = true;
                        }
                    }
                }
                start = k + width;
            }
            k += width;
        }
        for w in &odd {
            if lower[w] {
                continue;
            }
            let here = text.match_indices(w.as_str()).any(|(at, m)| {
                apart(text[..at].chars().next_back()) && apart(text[at + m.len()..].chars().next())
            });
            if here {
                lower.insert(w.clone(), true);
            }
        }
    }
    entities.retain(|e| !(candidate(e) && lower[&e.name.to_lowercase()]));
}

/// The one-word qualifier that `long` puts before `short`, when `long` is
/// `short` named as a body of an organisation or a country: "U.N." in "U.N.
/// Security Council", "EU" in "EU Commission", "Ostrian" in "Ostrian
/// Foreign Ministry". `short` must have two or more words (one word is a
/// short form, merged when the entities are built).
fn qualifier_of<'a>(long: &'a str, short: &str) -> Option<&'a str> {
    if short.split_whitespace().count() < 2 {
        return None;
    }
    let head = long.strip_suffix(short)?.strip_suffix(' ')?;
    let bare = head.replace('.', "");
    (!head.contains(' ') && (is_acronym(&bare) || crosscheck_facts::country_named(head).is_some()))
        .then_some(head)
}

/// Familiar forms of first names that are not the start of the full
/// form ("Bob" for "Robert"; "Don" for "Donald" is found as a start).
/// Hand-written: a short, stable list of English usage that no crate here
/// carries.
const FAMILIAR_NAMES: &[(&str, &str)] = &[
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("chuck", "charles"),
    ("dick", "richard"),
    ("hank", "henry"),
    ("harry", "henry"),
    ("jack", "john"),
    ("jerry", "gerald"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("mike", "michael"),
    ("peggy", "margaret"),
    ("rick", "richard"),
    ("steve", "stephen"),
    ("steve", "steven"),
    ("ted", "edward"),
    ("tom", "thomas"),
    ("tony", "anthony"),
];

/// Whether two people's names may name one person: the same last word,
/// first names that agree (equal, one the start of the other in three
/// letters or more, "Don" / "Donald", or a familiar form, "Bob" / "Robert"),
/// and the middle words of one among the other's ("Halvard Strom" /
/// "Halvard Eirik Strom"). (A middle initial alone was joined before, by
/// [`same_name_key`]'s one edit: a father and a son of one name and
/// surname, told apart by an initial, are one entity.)
fn one_person_names(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (Some((la, fa)), Some((lb, fb))) = (wa.split_last(), wb.split_last()) else {
        return false;
    };
    if fa.is_empty() || fb.is_empty() || variant_key(la) != variant_key(lb) {
        return false;
    }
    let first = |w: &str| w.trim_end_matches('.').to_lowercase();
    let (x, y) = (first(fa[0]), first(fb[0]));
    let same_first = variant_key(&x) == variant_key(&y);
    let familiar = |x: &str, y: &str| {
        (x.len() >= 3 && y.len() > x.len() && y.starts_with(x)) || FAMILIAR_NAMES.contains(&(x, y))
    };
    if !same_first && !familiar(&x, &y) && !familiar(&y, &x) {
        return false;
    }
    let (short, long) = if fa.len() <= fb.len() {
        (&fa[1..], &fb[1..])
    } else {
        (&fb[1..], &fa[1..])
    };
    // The shorter's middle words, in order, among the longer's.
    let mut rest = long.iter();
    short
        .iter()
        .all(|w| rest.any(|v| variant_key(v) == variant_key(w)))
}

/// The one person's entity built so far that a multi-word person's name
/// belongs to by [`one_person_names`] ("Halvard Eirik Strom" after
/// "Halvard Strom"), found among the entities with a multi-word name of
/// the same last word; none when two would do.
fn same_person(builders: &[EntityBuilder], index: &BuilderIndex, name: &str) -> Option<usize> {
    let last = name
        .split_whitespace()
        .nth(1)
        .and(name.split_whitespace().last())?;
    let candidates = index.ends.get(&variant_key(last))?;
    let mut found = candidates.iter().copied().filter(|&i| {
        builders[i].mostly(EntityKind::Person)
            && builders[i].multiword().any(|v| one_person_names(name, v))
    });
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// Entities named by a multi-word name that is, in exactly one other
/// entity, qualified by an organisation or country ("Security Council" and
/// "U.N. Security Council") are that entity: a story that names one
/// qualified body calls it by its bare name too. With two candidates ("the
/// Foreign Ministry" when two countries' ministries are named) the bare
/// name stays apart, and so does one qualified by a country, unless every
/// article using it names the qualified body too. People are left alone.
fn merge_qualified(mut builders: Vec<EntityBuilder>) -> Vec<EntityBuilder> {
    let person: Vec<bool> = builders
        .iter()
        .map(|b| b.mostly(EntityKind::Person))
        .collect();
    // Bare name → (entity, qualifier) of each qualified variant, so that
    // each name is looked up rather than compared with every entity.
    let mut qualified: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
    for (j, long) in builders.iter().enumerate() {
        if person[j] {
            continue;
        }
        for (l, _) in &long.variants {
            let Some((_, tail)) = l.split_once(' ') else {
                continue;
            };
            if let Some(q) = qualifier_of(l, tail) {
                qualified.entry(tail).or_default().push((j, q));
            }
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; builders.len()];
    for (i, short) in builders.iter().enumerate() {
        if person[i] || short.variants.iter().any(|(v, _)| !v.contains(' ')) {
            continue;
        }
        // A country's body named bare in another article may be another
        // country's ("the Defense Ministry" in a story of two countries):
        // only an organisation's body ("U.N.") is taken across articles.
        let within =
            |long: &EntityBuilder| short.articles.iter().all(|a| long.articles.contains(a));
        let mut targets: Vec<usize> = short
            .variants
            .iter()
            .filter_map(|(v, _)| qualified.get(v.as_str()))
            .flatten()
            .filter(|&&(j, q)| {
                j != i && (crosscheck_facts::country_named(q).is_none() || within(&builders[j]))
            })
            .map(|&(j, _)| j)
            .collect();
        targets.sort_unstable();
        targets.dedup();
        if let [j] = targets[..] {
            into[i] = Some(j);
        }
    }
    // Merged into entities that are not themselves merged away, in order.
    let mut taken: Vec<Option<EntityBuilder>> = builders.drain(..).map(Some).collect();
    for i in 0..taken.len() {
        let Some(j) = into[i].filter(|&j| into[j].is_none()) else {
            continue;
        };
        let short = taken[i].take().expect("merged once");
        let long = taken[j].as_mut().expect("a target is never merged away");
        long.absorb(short);
    }
    taken.into_iter().flatten().collect()
}

/// Conflicts and updates among the recognised-concept claims.
fn find_conflicts(
    docs: &[&Document],
    facts: &[ArticleFacts],
    published: &HashMap<&str, Option<&str>>,
    names: &EntityNames<'_>,
    speakers: &SpeakerNames<'_>,
    outlets: &Outlets,
) -> (Vec<Conflict>, Vec<FigureUpdate>) {
    // (concept, subject) → value key → members
    type Member<'a> = (&'a str, &'a ArticleClaim);
    type Members<'a> = Vec<Member<'a>>;
    let mut by_thing: BTreeMap<(&str, String), BTreeMap<String, Members<'_>>> = BTreeMap::new();
    // Where each article's dateline ends, if it has one.
    let datelines: Vec<Option<usize>> = docs
        .iter()
        .map(|doc| {
            doc.sentences.first().and_then(|s| {
                let len = crosscheck_facts::dateline_len(s.span.slice(&doc.article.text));
                (len > 0).then_some(s.span.start + len)
            })
        })
        .collect();
    let own_places = named_places(&datelines, facts);
    let places = located_sentences(docs, facts, &datelines, own_places.clone());
    // Sentences dated in an earlier year than their article ("after the
    // 1996 election the Unity party held 75 seats", "an attack 16 months
    // ago"): their figures are history, not this story's reports.
    // A sentence that also dates something recent ("the worst since 1990,
    // killing 40 on Tuesday") is this story's.
    let mut past: HashSet<(&str, usize)> = HashSet::new();
    let mut recent: HashSet<(&str, usize)> = HashSet::new();
    for (doc, f) in docs.iter().zip(facts) {
        let Some(now) = f.published else { continue };
        let text = doc.article.text.as_str();
        for d in &f.dates {
            if matches!(d.value, DateValue::Relative(_)) || dates_an_origin(text, d.span) {
                continue;
            }
            let (year, month, _) = d.value.sort_key();
            let months_back = (now.year - year) * 12 + now.month as i32 - month.max(1) as i32;
            let key = (f.article.as_str(), d.sentence);
            if year < now.year && months_back > 12 {
                past.insert(key);
            } else {
                recent.insert(key);
            }
        }
    }
    past.retain(|k| !recent.contains(k));
    past.extend(other_storms(facts));
    // A sentence that goes on, in the same paragraph, about the event the
    // one before it dated in an earlier year ("… the explosion aboard the
    // Kestrel ferry in 1996. The blast, which killed 30, …") is history
    // too, unless it dates something itself.
    let mut goes_on: Vec<(&str, usize)> = Vec::new();
    for &(article, i) in &past {
        let Some(doc) = docs.iter().find(|d| d.article.id == article) else {
            continue;
        };
        let (Some(this), Some(next)) = (doc.sentences.get(i), doc.sentences.get(i + 1)) else {
            continue;
        };
        // "That typhoon …" points back over a paragraph's end too.
        let next_text = doc.sentence_text(i + 1);
        let pointing = next_text.starts_with("That ") || next_text.starts_with("This ");
        let between = doc.article.text.get(this.span.end..next.span.start);
        if recent.contains(&(article, i + 1))
            || between.is_none_or(|b| b.contains('\n') && !pointing)
        {
            continue;
        }
        if refers_to_an_event_before(next_text) {
            goes_on.push((article, i + 1));
        }
    }
    past.extend(goes_on);
    let elsewhere = |(aa, ca): (&str, &ArticleClaim), (ab, cb): (&str, &ArticleClaim)| match (
        places.get(&(aa, ca.sentence)),
        places.get(&(ab, cb.sentence)),
    ) {
        (Some(pa), Some(pb)) => !pa.iter().any(|p| pb.contains(p)),
        _ => false,
    };
    // Two counts that need not agree: for different places, or a total of
    // several attacks against one attack's count (the larger stated of
    // "the explosions", the smaller of "the blast").
    // Where the story's figures of one thing are given for several places
    // (sentences that name them: "In Varn, 18 died"; "in Lenk, at least
    // 9"), a figure placed nowhere may be another place's or the whole:
    // it is compared only with others placed nowhere. (Not so where the
    // places only come from the sentences before: "The train derailed near
    // Osterby. 14 were hurt" against "… near Kalmstad. 41 were hurt" is
    // one event placed in two places.)
    let unplaced = |(a, c): (&str, &ArticleClaim)| !places.contains_key(&(a, c.sentence));
    let separable = |x: (&str, &ArticleClaim), y: (&str, &ArticleClaim), several_places: bool| {
        let (small, large) = if number(&x.1.value) <= number(&y.1.value) {
            (x, y)
        } else {
            (y, x)
        };
        let counts = matches!(x.1.value, ClaimValue::Number { .. });
        elsewhere(x, y)
            || (counts && several_places && unplaced(x) != unplaced(y))
            || (counts && of_several_events(&large.1.text) && !of_several_events(&small.1.text))
    };
    for (doc, f) in docs.iter().zip(facts) {
        let text = doc.article.text.as_str();
        for c in &f.claims {
            if c.hedged || past.contains(&(f.article.as_str(), c.sentence)) {
                continue;
            }
            let Some(cid) = c.concept else {
                if let Some(noun) = plain_count(c, text) {
                    by_thing
                        .entry((PLAIN_COUNT.id, noun))
                        .or_default()
                        .entry(c.value.key())
                        .or_default()
                        .push((f.article.as_str(), c));
                }
                continue;
            };
            let Some(con) = concept(cid) else { continue };
            let subject = names.of(c.subject.as_deref().unwrap_or_default());
            // A per-subject figure without a located subject is not compared.
            if con.per_subject && subject == con.subject {
                continue;
            }
            // An unresolved relative date is compared only when it names
            // a month ("in July" can be no day of June, whatever the year).
            if let ClaimValue::Date(v @ DateValue::Relative(_)) = &c.value {
                if v.month_named().is_none() {
                    continue;
                }
            }
            by_thing
                .entry((cid, subject.to_lowercase()))
                .or_default()
                .entry(c.value.key())
                .or_default()
                .push((f.article.as_str(), c));
        }
    }
    // Per plain counted noun given two values or more, the values each
    // article's figures of it allow (see `plain_count_members`).
    let mut plain_counted: BTreeMap<String, Allowed<'_>> = BTreeMap::new();
    let contested: HashSet<&str> = by_thing
        .iter()
        .filter(|((cid, _), values)| *cid == PLAIN_COUNT.id && values.len() >= 2)
        .map(|((_, noun), _)| noun.as_str())
        .collect();
    if !contested.is_empty() {
        for (doc, f) in docs.iter().zip(facts) {
            for q in &f.quantities {
                let Some(noun) = q.noun.as_deref().filter(|_| q.unit == Unit::Count) else {
                    continue;
                };
                let Some(key) = plain_noun_key(noun).filter(|k| contested.contains(k.as_str()))
                else {
                    continue;
                };
                let Some(end) = doc.sentences.get(q.sentence).map(|s| s.span.end) else {
                    continue;
                };
                if !standing_total(&doc.article.text, q.span, end) {
                    plain_counted
                        .entry(key)
                        .or_default()
                        .entry(f.article.as_str())
                        .or_default()
                        .push(q.interval());
                }
            }
        }
    }
    // The number of voters of each vote tally ("voted 5-2": seven), by
    // article and span.
    let tally_voters: HashMap<(&str, Span), f64> = facts
        .iter()
        .flat_map(|f| {
            f.quantities.iter().filter_map(move |q| {
                q.against
                    .map(|no| ((f.article.as_str(), q.span), q.value + no))
            })
        })
        .collect();
    let voters = |(a, c): &Member<'_>| tally_voters.get(&(*a, c.value_span)).copied();
    // Whether two outlets give the two figures on one day, for a pair of
    // their statements that `fits`.
    let one_day_two_outlets =
        |x: &Members<'_>, y: &Members<'_>, fits: &dyn Fn(&Member<'_>, &Member<'_>) -> bool| {
            x.iter().any(|xm| {
                y.iter().any(|ym| {
                    outlets.of(xm.0) != outlets.of(ym.0)
                        && published_day(published, xm.0) == published_day(published, ym.0)
                        && fits(xm, ym)
                })
            })
        };
    let mut conflicts = Vec::new();
    let mut updates = Vec::new();
    let no_counts = HashMap::new();
    for ((cid, noun), values) in &by_thing {
        let plain = *cid == PLAIN_COUNT.id;
        let con = if plain {
            &PLAIN_COUNT
        } else {
            concept(cid).expect("known concept")
        };
        let kept;
        let vals: Vec<&Members<'_>> = if plain {
            let counted = plain_counted.get(noun).unwrap_or(&no_counts);
            kept = plain_count_members(values, counted, published);
            kept.iter().collect()
        } else {
            values.values().collect()
        };
        if vals.len() < 2 {
            continue;
        }
        let time = |m: &Members<'_>| -> (Option<String>, Option<String>) {
            let ts: Vec<String> = m
                .iter()
                .filter_map(|(a, _)| published.get(a).copied().flatten().map(str::to_string))
                .collect();
            (ts.iter().min().cloned(), ts.iter().max().cloned())
        };
        let located: Vec<&Vec<String>> = vals
            .iter()
            .flat_map(|m| m.iter())
            .filter_map(|(a, c)| own_places.get(&(*a, c.sentence)))
            .collect();
        let several_places = located.iter().enumerate().any(|(i, p)| {
            located[i + 1..]
                .iter()
                .any(|q| !p.iter().any(|x| q.contains(x)))
        });
        let mut involved = vec![false; vals.len()];
        for i in 0..vals.len() {
            for j in i + 1..vals.len() {
                let (a, b) = (vals[i][0].1, vals[j][0].1);
                // Values written side by side in one sentence are two
                // different things ("from 2.75 to 3.25 percent"), unless
                // two speakers give them ("organisers said 100,000 took
                // part, while police estimated the crowd at 20,000").
                let same_sentence = vals[i].iter().any(|(ai, ci)| {
                    vals[j].iter().any(|(aj, cj)| {
                        ai == aj
                            && ci.sentence == cj.sentence
                            && (ci.speaker.is_none()
                                || cj.speaker.is_none()
                                || ci.speaker == cj.speaker)
                    })
                });
                // Sums in two currencies ("2.4 billion euros ($2.6
                // billion)") cannot be compared without a rate.
                let other_units = matches!(
                    (&a.value, &b.value),
                    (ClaimValue::Number { unit: ua, .. }, ClaimValue::Number { unit: ub, .. })
                        if ua != ub
                );
                if same_sentence
                    || other_units
                    || a.value.compatible(&b.value)
                    || same_weekday_a_week_apart(vals[i], vals[j])
                {
                    continue;
                }
                // A plain count is contradicted only by another outlet's
                // count of the same day (see `plain_count_members`).
                if plain && !one_day_two_outlets(vals[i], vals[j], &|_, _| true) {
                    continue;
                }
                // So is a vote's tally, and only by one of as many voters
                // give or take an absence (a board's 5-2 against 4-3, not
                // a chamber's two votes of one week, 231 to 198 and 88-4).
                let tally = |m: &Members<'_>| m.iter().any(|x| voters(x).is_some());
                if (tally(vals[i]) || tally(vals[j]))
                    && !one_day_two_outlets(
                        vals[i],
                        vals[j],
                        &|x, y| match (voters(x), voters(y)) {
                            (Some(n), Some(m)) => (n - m).abs() <= (0.05 * n.max(m)).max(1.0),
                            _ => true,
                        },
                    )
                {
                    continue;
                }
                // Events that recur once a year or so (a summit of two
                // countries): dates in two different years are two events.
                if con.recurs_yearly && in_different_years(&a.value, &b.value) {
                    continue;
                }
                // Tolls for different places ("at least 40 in Ormand",
                // "12 in Varn"): every statement of one value names
                // places the statements of the other do not. (A recurring
                // event's subject names its places already.)
                let apart = !con.recurs_yearly
                    && !OF_ONE_THING.contains(cid)
                    && vals[i].iter().all(|x| {
                        vals[j]
                            .iter()
                            .all(|y| separable((x.0, x.1), (y.0, y.1), several_places))
                    });
                if apart {
                    continue;
                }
                if con.in_steps && next_step((&a.value, time(vals[i])), (&b.value, time(vals[j]))) {
                    continue;
                }
                if *cid == "age"
                    && older_later(
                        (number(&a.value), time(vals[i])),
                        (number(&b.value), time(vals[j])),
                    )
                {
                    continue;
                }
                if con.monotone || con.falls || con.drifts {
                    // A rise over time is an update: every statement of the
                    // smaller value precedes every statement of the larger
                    // (for a count that falls, follows; for one that
                    // drifts, either).
                    let (small, large) = if number(&a.value) <= number(&b.value) {
                        (vals[i], vals[j])
                    } else {
                        (vals[j], vals[i])
                    };
                    let (before, after) = if con.falls {
                        (large, small)
                    } else {
                        (small, large)
                    };
                    let precedes = |x: &Members<'_>, y: &Members<'_>| match (time(x).1, time(y).0) {
                        (Some(s), Some(l)) => s < l,
                        _ => false,
                    };
                    if precedes(before, after) || (con.drifts && precedes(after, before)) {
                        continue;
                    }
                }
                involved[i] = true;
                involved[j] = true;
            }
        }
        let side = |ms: &[&Members<'_>]| {
            let all = || ms.iter().flat_map(|m| m.iter());
            // A side of several agreeing values ("20,000" and "About
            // 20,000") shows each as written, the one most statements give
            // first, then the most precise: "20,000 / About 20,000".
            let mut shown: Vec<&&Members<'_>> = ms.iter().collect();
            shown.sort_by(|a, b| {
                b.len()
                    .cmp(&a.len())
                    .then(width(&a[0].1.value).total_cmp(&width(&b[0].1.value)))
            });
            let mut written: Vec<&str> = Vec::new();
            for m in shown {
                if !written.contains(&m[0].1.value_text.as_str()) {
                    written.push(&m[0].1.value_text);
                }
            }
            let mut named: Vec<String> = Vec::new();
            for (a, c) in all() {
                let at = Citation {
                    article: (*a).to_string(),
                    start: c.span.start,
                    end: c.span.end,
                };
                let name = c.speaker.as_deref().and_then(|r| speakers.name(r, &at));
                if let Some(name) = name.filter(|n| !named.contains(n)) {
                    named.push(name);
                }
            }
            ConflictSide {
                value: written.join(" / "),
                citations: cite(all().map(|(a, c)| (*a, c.span))),
                speakers: named,
            }
        };
        let subject = if plain {
            noun.clone()
        } else {
            values
                .values()
                .next()
                .and_then(|m| m[0].1.subject.as_deref())
                .map_or_else(|| con.subject.to_string(), |s| names.of(s).to_string())
        };
        let first_time = |ms: &[&Members<'_>]| ms.iter().filter_map(|m| time(m).0).min();
        if involved.iter().filter(|x| **x).count() >= 2 {
            let groups = one_figure_groups(
                vals.iter()
                    .zip(&involved)
                    .filter(|(_, inv)| **inv)
                    .map(|(m, _)| *m),
            );
            if groups.len() >= 2 {
                let mut sides: Vec<(Option<String>, ConflictSide)> =
                    groups.iter().map(|g| (first_time(g), side(g))).collect();
                sides.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.value.cmp(&b.1.value)));
                conflicts.push(Conflict {
                    subject,
                    attribute: con.attribute.to_string(),
                    sides: sides.into_iter().map(|s| s.1).collect(),
                });
            }
        } else if con.monotone || con.falls || con.drifts {
            // Oldest first; of one time, in the direction the count moves.
            let mut seq: Vec<(Option<String>, f64, &Members<'_>)> = vals
                .iter()
                .map(|m| {
                    let n = number(&m[0].1.value);
                    (time(m).0, if con.falls { -n } else { n }, *m)
                })
                .collect();
            seq.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(a.1.total_cmp(&b.1))
                    .then(a.2[0].1.value_text.cmp(&b.2[0].1.value_text))
            });
            // One figure written twice in a row ("About 3,500", 3,500) is
            // one step, and a change needs two.
            let mut steps: Vec<Vec<&Members<'_>>> = Vec::new();
            for (_, _, m) in seq {
                match steps.last_mut() {
                    Some(last)
                        if last
                            .iter()
                            .all(|o| one_figure(&o[0].1.value, &m[0].1.value)) =>
                    {
                        last.push(m)
                    }
                    _ => steps.push(vec![m]),
                }
            }
            if steps.len() < 2 {
                continue;
            }
            updates.push(FigureUpdate {
                subject,
                attribute: con.attribute.to_string(),
                values: steps.iter().map(|g| side(g)).collect(),
            });
        }
    }
    (conflicts, updates)
}

/// Whether two figures of one thing state one figure: they agree closely
/// ("20,000" and "about 20,000"; not "at least 74" and 129, which agree
/// but are two reports), or are calendar dates one within the other
/// ("June 2024", "June 19, 2024"; not a week and a month, which only
/// cannot be told apart).
fn one_figure(a: &ClaimValue, b: &ClaimValue) -> bool {
    let calendar = |d: &DateValue| {
        matches!(
            d,
            DateValue::Day(_) | DateValue::Month { .. } | DateValue::Year(_)
        )
    };
    match (a, b) {
        (ClaimValue::Date(x), ClaimValue::Date(y)) => calendar(x) && calendar(y) && x.compatible(y),
        _ => close_figures(a, b),
    }
}

/// Figures of one thing grouped by the figure they state ([`one_figure`]
/// between every two of a group): one figure written two ways makes one
/// side of a conflict.
fn one_figure_groups<'m, 'a: 'm>(
    members: impl Iterator<Item = &'m Vec<(&'a str, &'a ArticleClaim)>>,
) -> Vec<Vec<&'m Vec<(&'a str, &'a ArticleClaim)>>> {
    let mut groups: Vec<Vec<&Vec<(&str, &ArticleClaim)>>> = Vec::new();
    for m in members {
        let fits = |g: &Vec<&Vec<(&str, &ArticleClaim)>>| {
            g.iter().all(|o| one_figure(&o[0].1.value, &m[0].1.value))
        };
        match groups.iter_mut().find(|g| fits(g)) {
            Some(g) => g.push(m),
            None => groups.push(vec![m]),
        }
    }
    groups
}

/// Whether the date at `span` of `text` says when something began ("the
/// plant, which opened in 1978, employs 640", "founded in 1920", "has
/// employed 640 since 1978"): it describes a thing the story is about
/// now, and puts none of its sentence's figures in the past.
fn dates_an_origin(text: &str, span: Span) -> bool {
    const ORIGIN: &[&str] = &[
        "opened",
        "built",
        "founded",
        "established",
        "constructed",
        "completed",
        "inaugurated",
        "launched",
        "created",
        "formed",
        "since",
        // "which entered service in 2011", "commissioned in 1999", "the
        // pilot, born in 1971, …".
        "service",
        "commissioned",
        "delivered",
        "born",
    ];
    let before = text.get(..span.start).unwrap_or_default();
    let mut words = before.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let (Some(last), second) = (words.next(), words.next()) else {
        return false;
    };
    let origin = |w: &str| ORIGIN.contains(&w);
    origin(&last) || (matches!(last.as_str(), "in" | "on") && second.is_some_and(|w| origin(&w)))
}

/// An age and the first and last publication times of its statements.
type Dated = (f64, (Option<String>, Option<String>));

/// Whether two ages of one person agree with the time between their
/// reports, each given as the age and the first and last publication
/// times of its statements: every statement of the larger comes after
/// every statement of the smaller, by no fewer whole years than it is
/// larger, less one (a birthday may fall in between: 62 in March, 63 in
/// June).
fn older_later(a: Dated, b: Dated) -> bool {
    let ((young, (_, young_last)), (old, (old_first, _))) =
        if a.0 <= b.0 { (a, b) } else { (b, a) };
    let (Some(young_last), Some(old_first)) = (young_last, old_first) else {
        return false;
    };
    let year = |t: &str| t.get(..4).and_then(|y| y.parse::<f64>().ok());
    let (Some(y0), Some(y1)) = (year(&young_last), year(&old_first)) else {
        return false;
    };
    young_last < old_first && old - young <= y1 - y0 + 1.0
}

/// The places each sentence of a story's articles names, as lower-case
/// names keyed by (article, sentence): a figure for another place is
/// another count. Guessed places count ("in Varn" locates a figure whatever
/// the name turns out to be). A sentence saying "here" is at the place of
/// its article's dateline ("TARVIK, Ostria —"); one naming no place, right
/// after one that names or means one, is at that place ("… a faulty valve
/// caused the blast here. It set off the fire, which killed 6 workers.").
/// `places` holds the places each sentence names itself ([`named_places`]).
fn located_sentences<'f>(
    docs: &[&Document],
    facts: &'f [ArticleFacts],
    datelines: &[Option<usize>],
    mut places: HashMap<(&'f str, usize), Vec<String>>,
) -> HashMap<(&'f str, usize), Vec<String>> {
    for ((doc, f), dateline_end) in docs.iter().zip(facts).zip(datelines) {
        // The dateline's places ("PORT ALDERY, Varesia —" gives both).
        let dateline: Vec<String> = f
            .mentions
            .iter()
            .filter(|m| {
                m.sentence == 0
                    && m.kind == EntityKind::Place
                    && dateline_end.is_some_and(|end| m.span.end <= end)
            })
            .map(|m| strip_possessive(&m.text).to_lowercase())
            .collect();
        let here = |i: usize| {
            let t = doc.sentence_text(i);
            (t.contains("here") || t.contains("Here"))
                && crosscheck_text::words(t)
                    .iter()
                    .any(|(_, w)| w.eq_ignore_ascii_case("here"))
        };
        let article = f.article.as_str();
        if !dateline.is_empty() {
            for i in 1..doc.sentences.len() {
                if !places.contains_key(&(article, i)) && here(i) {
                    places.insert((article, i), dateline.clone());
                }
            }
        }
        // One sentence on, from a sentence that names or means a place
        // (not from one that only took it over).
        let inherited: Vec<(usize, Vec<String>)> = (1..doc.sentences.len())
            .filter(|&i| !places.contains_key(&(article, i)))
            .filter_map(|i| places.get(&(article, i - 1)).map(|p| (i, p.clone())))
            .collect();
        for (i, p) in inherited {
            places.insert((article, i), p);
        }
    }
    places
}

/// Titles a storm's name follows ("Typhoon Lenka", "Tropical Storm
/// Orin").
const STORM_TITLES: &[&str] = &[
    "Hurricane",
    "Typhoon",
    "Super Typhoon",
    "Supertyphoon",
    "Cyclone",
    "Tropical Storm",
    "Storm",
];

/// The name of a storm a mention names with its title ("Hurricane Lenk"
/// gives "Lenk"; "Hurricane Bay Marina" is no storm).
fn storm_name(mention: &str) -> Option<&str> {
    let name = strip_possessive(mention);
    STORM_TITLES
        .iter()
        .find_map(|t| name.strip_prefix(t)?.strip_prefix(' '))
        .filter(|n| !n.is_empty() && !n.contains(' '))
}

/// The sentences that name only storms other than the story's own (the
/// one most often named in the articles' first sentences, then anywhere:
/// "Typhoon Lenka" or "Lenka"): "Typhoon Orin, a month earlier, left 31
/// dead" gives that storm's toll, not this one's. None when no storm
/// is named more often than every other.
fn other_storms(facts: &[ArticleFacts]) -> Vec<(&str, usize)> {
    let named: BTreeSet<&str> = facts
        .iter()
        .flat_map(|f| &f.mentions)
        .filter_map(|m| storm_name(&m.text))
        .collect();
    if named.len() < 2 {
        return Vec::new();
    }
    // Each mention by title or by the name alone.
    let storm_of = |text: &str| {
        let name = storm_name(text).unwrap_or_else(|| strip_possessive(text));
        named.get(name).copied()
    };
    // How often each is named: in first sentences, then anywhere.
    let mut times: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for m in facts.iter().flat_map(|f| &f.mentions) {
        if let Some(name) = storm_of(&m.text) {
            let t = times.entry(name).or_default();
            t.0 += usize::from(m.sentence == 0);
            t.1 += 1;
        }
    }
    let most = times.values().copied().max().unwrap_or_default();
    let mut top = times.iter().filter(|(_, n)| **n == most);
    let (Some((main, _)), None) = (top.next(), top.next()) else {
        return Vec::new();
    };
    let mut sentences: BTreeMap<(&str, usize), bool> = BTreeMap::new();
    for f in facts {
        for m in &f.mentions {
            if let Some(name) = storm_of(&m.text) {
                *sentences
                    .entry((f.article.as_str(), m.sentence))
                    .or_default() |= name == *main;
            }
        }
    }
    sentences
        .into_iter()
        .filter(|(_, main_named)| !main_named)
        .map(|(k, _)| k)
        .collect()
}

/// The places each sentence names itself (not its dateline's), as
/// lower-case names keyed by (article, sentence).
fn named_places<'f>(
    datelines: &[Option<usize>],
    facts: &'f [ArticleFacts],
) -> HashMap<(&'f str, usize), Vec<String>> {
    let mut places: HashMap<(&str, usize), Vec<String>> = HashMap::new();
    for (dateline_end, f) in datelines.iter().zip(facts) {
        // Where the reporter files from ("LENK (Northern Courier) —") is
        // no place of what the sentence counts.
        let in_dateline =
            |m: &crosscheck_facts::Mention| dateline_end.is_some_and(|end| m.span.end <= end);
        for m in &f.mentions {
            if m.kind == EntityKind::Place && !in_dateline(m) {
                places
                    .entry((f.article.as_str(), m.sentence))
                    .or_default()
                    .push(strip_possessive(&m.text).to_lowercase());
            }
        }
    }
    places
}

/// Words for attacks and accidents in the plural: a figure stated of them
/// ("the explosions at two depots, which killed 31") totals several
/// events, and one event's figure ("the blast at the east depot killed 6")
/// may be part of it.
const SEVERAL_EVENTS: &[&str] = &[
    "attacks",
    "bombings",
    "blasts",
    "explosions",
    "shootings",
    "crashes",
    "raids",
    "massacres",
];

/// Nouns of one event that a sentence opening with "The", "That" or
/// "This" refers back to ("The blast, which killed 30, …").
const ONE_EVENT: &[&str] = &[
    "attack",
    "bombing",
    "blast",
    "explosion",
    "crash",
    "shooting",
    "fire",
    "disaster",
    "massacre",
    "earthquake",
    "quake",
    "accident",
    "hijacking",
    "tragedy",
    "collapse",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
];

/// Whether a sentence opens by referring back to an event ("The crash",
/// "That attack").
fn refers_to_an_event_before(sentence: &str) -> bool {
    let words = crosscheck_text::words(sentence);
    match &words[..] {
        [(_, det), (_, noun), ..] => {
            ["the", "that", "this"]
                .iter()
                .any(|d| det.eq_ignore_ascii_case(d))
                && ONE_EVENT.iter().any(|e| noun.eq_ignore_ascii_case(e))
        }
        _ => false,
    }
}

/// Whether a sentence states its figure of several events
/// ([`SEVERAL_EVENTS`]).
fn of_several_events(sentence: &str) -> bool {
    crosscheck_text::words(sentence)
        .iter()
        .any(|(_, w)| SEVERAL_EVENTS.iter().any(|e| w.eq_ignore_ascii_case(e)))
}

/// The weekday a date claim was written as, if only that ("Friday",
/// "Friday's", "last Friday"): lower case.
fn written_weekday(c: &ArticleClaim) -> Option<String> {
    let written = c.value_text.split(" (").next()?;
    let last = strip_possessive(written.split_whitespace().next_back()?).to_lowercase();
    crosscheck_model::WEEKDAY_NAMES
        .contains(&last.as_str())
        .then_some(last)
}

/// Whether two dates disagree only in which week a weekday was read in:
/// every report of both wrote the same weekday and nothing else, and the
/// days are seven apart. A weekday is resolved against its article's
/// publication date, past unless the sentence looks ahead, so "a key
/// election Friday" in a Thursday preview lands a week before the
/// Friday of the reports that follow: the reports agree on the day they
/// name.
fn same_weekday_a_week_apart(a: &[(&str, &ArticleClaim)], b: &[(&str, &ArticleClaim)]) -> bool {
    let (Some(x), Some(y)) = (a.first(), b.first()) else {
        return false;
    };
    let (ClaimValue::Date(DateValue::Day(da)), ClaimValue::Date(DateValue::Day(db))) =
        (&x.1.value, &y.1.value)
    else {
        return false;
    };
    if (da.to_days() - db.to_days()).abs() != 7 {
        return false;
    }
    let Some(day) = written_weekday(x.1) else {
        return false;
    };
    a.iter()
        .chain(b)
        .all(|(_, c)| written_weekday(c).as_deref() == Some(day.as_str()))
}

/// Whether the later of two dates is of a step taken after every report of
/// the earlier one was published, and reported as done: those reports
/// could not know of it, so it dates a next step of the event (a bill
/// passed by a committee, then by the chamber), not another account of
/// the same one. Dates announced ahead (a ballot "will be held on 14
/// June" or "on 14 July") are accounts of one step. `(value, (first,
/// last publication))` of each.
fn next_step(
    a: (&ClaimValue, (Option<String>, Option<String>)),
    b: (&ClaimValue, (Option<String>, Option<String>)),
) -> bool {
    let day = |v: &ClaimValue| match v {
        ClaimValue::Date(DateValue::Day(d)) => Some(d.to_string()),
        _ => None,
    };
    let (Some(da), Some(db)) = (day(a.0), day(b.0)) else {
        return false;
    };
    // The earlier date's last report, the later date and its first report.
    let (early_last, late, late_first) = if da <= db {
        (&a.1 .1, db, &b.1 .0)
    } else {
        (&b.1 .1, da, &a.1 .0)
    };
    fn day_of(p: &Option<String>) -> Option<&str> {
        p.as_deref().and_then(|p| p.get(..10))
    }
    match (day_of(early_last), day_of(late_first)) {
        (Some(early_last), Some(late_first)) => {
            late.as_str() > early_last && late.as_str() <= late_first
        }
        _ => false,
    }
}

/// Whether two date values lie in two different years, both known.
fn in_different_years(a: &ClaimValue, b: &ClaimValue) -> bool {
    let year = |v: &ClaimValue| match v {
        ClaimValue::Date(DateValue::Relative(_)) | ClaimValue::Number { .. } => None,
        ClaimValue::Date(d) => Some(d.sort_key().0),
    };
    matches!((year(a), year(b)), (Some(x), Some(y)) if x != y)
}

fn number(v: &ClaimValue) -> f64 {
    match v {
        ClaimValue::Number { value, .. } => *value,
        ClaimValue::Date(_) => 0.0,
    }
}

/// Dated events in order: each resolved date with the sentences that give
/// it, sentences saying the same thing on the same date merged.
/// Each variant of the story's merged entities, with its entity's index.
fn variant_index(entities: &[Entity]) -> HashMap<&str, usize> {
    entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.variants.iter().map(move |v| (v.as_str(), i)))
        .collect()
}

/// What a date mention dates in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateRole {
    /// When something happened (or will).
    Event,
    /// When it was reported, in an attribution closing the sentence: "Choe
    /// left on Monday, KCNA said on Tuesday."
    Report,
    /// A date naming an event the sentence only refers to: "Tuesday's
    /// explosion".
    Reference,
    /// The start of a state: "its home since 1911".
    Anchor,
}

/// A figure of a sentence, for telling sentences that state different
/// figures apart.
struct Figure<'a> {
    unit: &'a Unit,
    /// The counted noun, if any ("people").
    noun: Option<&'a str>,
    /// The values the figure allows.
    allows: (f64, f64),
}

impl Figure<'_> {
    fn allows_any_of(&self, other: &Figure<'_>) -> bool {
        self.allows.0 <= other.allows.1 && other.allows.0 <= self.allows.1
    }
}

/// Whether two sentences' figures differ: in some unit both sentences use,
/// no figure of one allows a value of the other; or a figure of one has
/// figures of the same unit and counted noun in the other, none of which it
/// allows ("rose to 7.9 percent from 6.8 percent" is not "rose to 7.2%
/// from 6.8%"). Figures in a unit, or of a noun, only one of them uses do
/// not count (one sentence may add the crew to the passengers both count).
fn figures_disagree(a: &[Figure<'_>], b: &[Figure<'_>]) -> bool {
    let no_pair_in_some_unit = a.iter().any(|x| {
        let mut shared = false;
        for y in a.iter().filter(|y| y.unit == x.unit) {
            for z in b.iter().filter(|z| z.unit == x.unit) {
                shared = true;
                if y.allows_any_of(z) {
                    return false;
                }
            }
        }
        shared
    });
    let contradicted = |xs: &[Figure<'_>], ys: &[Figure<'_>]| {
        xs.iter().any(|x| {
            let mut like = ys
                .iter()
                .filter(|y| y.unit == x.unit && y.noun == x.noun)
                .peekable();
            like.peek().is_some() && !like.any(|y| x.allows_any_of(y))
        })
    };
    no_pair_in_some_unit || contradicted(a, b) || contradicted(b, a)
}

/// The weekdays a sentence (`span` of `text`) dates its events on, as a bit
/// set (Monday = bit 0): weekday names in the event role, not those of a
/// closing attribution ("…, the agency said on Tuesday") or of a referred-to
/// event ("Tuesday's explosion").
fn event_weekdays(text: &str, span: Span) -> u8 {
    let mut set = 0u8;
    let sentence = &text[span.start..span.end];
    // Every weekday name ends in "day": most sentences have none. (`| 0x20`
    // lower-cases an ASCII letter, and turns no other byte into one of
    // these three.)
    let b = sentence.as_bytes();
    if !(2..b.len())
        .any(|i| b[i] | 0x20 == b'y' && b[i - 1] | 0x20 == b'a' && b[i - 2] | 0x20 == b'd')
    {
        return set;
    }
    for word in sentence.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        // The word's offset in `text` (it is a slice of it).
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        // A weekday name is six to nine letters, and its possessive up to
        // four bytes more ("Wednesday’s"): most words are not.
        if !(6..=13).contains(&word.len()) {
            continue;
        }
        let bare = strip_possessive(word);
        let Some(k) = crosscheck_model::WEEKDAY_NAMES
            .iter()
            .position(|d| d.eq_ignore_ascii_case(bare))
        else {
            continue;
        };
        if date_role(text, Span::new(start, start + word.len())) == DateRole::Event {
            set |= 1 << k;
        }
    }
    set
}

/// The role of the date at `span` in `text`, from the words around it.
fn date_role(text: &str, span: Span) -> DateRole {
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "told",
        "announced",
        "reported",
        "confirmed",
        "added",
        "stated",
    ];
    // The words compared are ASCII, and no other letter lower-cases to
    // theirs: ASCII case-folding, without a lower-cased copy of each word.
    fn bare(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric())
    }
    let dated = &text[span.start..span.end];
    let rest = &text[span.end..];
    if dated
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
        || text[..span.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| bare(w).eq_ignore_ascii_case("since"))
    {
        return DateRole::Anchor;
    }
    if dated.ends_with("'s")
        || dated.ends_with("’s")
        || rest.starts_with("'s")
        || rest.starts_with("’s")
    {
        return DateRole::Reference;
    }
    // The sentence ends with the date, a speech verb stands not far before
    // it with no clause break in between, and a comma closes the clause
    // before the attribution ("…, the agency said on Tuesday."; not "The
    // mayor said the bridge would reopen on 4 May.").
    let ends_sentence = rest
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?'));
    if !ends_sentence {
        return DateRole::Event;
    }
    let before: Vec<&str> = text[..span.start]
        .split_whitespace()
        .rev()
        .take(16)
        .collect();
    let verb = before
        .iter()
        .take(10)
        .take_while(|w| !w.ends_with(',') && !w.eq_ignore_ascii_case("that"))
        .position(|w| {
            let w = bare(w);
            SPEECH.iter().any(|s| s.eq_ignore_ascii_case(w))
        });
    let closing = verb.is_some_and(|v| before[v + 1..].iter().take(6).any(|w| w.ends_with(',')));
    if closing {
        DateRole::Report
    } else {
        DateRole::Event
    }
}

/// Whether `fine` is a date inside the longer period `coarse` (a day or
/// month of that year, a day of that month).
fn within(coarse: &DateValue, fine: &DateValue) -> bool {
    match (coarse, fine) {
        (DateValue::Year(y), DateValue::Day(d)) => d.year == *y,
        (DateValue::Year(y), DateValue::Month { year, .. }) => year == y,
        (DateValue::Month { year, month }, DateValue::Day(d)) => {
            d.year == *year && d.month == *month
        }
        _ => false,
    }
}

fn build_timeline(
    docs: &[&Document],
    facts: &[ArticleFacts],
    order: &HashMap<&str, usize>,
    features: &mut HashMap<(usize, usize), Rc<SentenceFeatures>>,
) -> Vec<TimelineEvent> {
    let analyzer = Analyzer::english();
    struct Ev {
        date: DateValue,
        text: String,
        feats: Rc<SentenceFeatures>,
        cites: Vec<(String, Span)>,
        first: (usize, usize),
    }
    let mut events: Vec<Ev> = Vec::new();
    for (di, f) in facts.iter().enumerate() {
        let Some(doc_index) = docs.iter().position(|d| d.article.id == f.article) else {
            continue;
        };
        let doc = docs[doc_index];
        let mut seen: Vec<(usize, DateValue)> = Vec::new();
        // A date inside an opening participle's phrase ("Doubling the
        // count it gave last week, the ministry on Monday said …") dates
        // what the phrase refers to, not what the sentence reports.
        let in_opener = |d: &crosscheck_facts::DateMention| {
            let sentence = doc.sentences[d.sentence].span;
            let text = sentence.slice(&doc.article.text);
            // "Doubling the …", "Citing a …": a participle and a
            // lower-case word (not "HARLING —", not "Fleming said").
            let mut words = text.split_whitespace();
            let first = words.next().unwrap_or("");
            let second = words.next().unwrap_or("");
            first.len() > 4
                && first.ends_with("ing")
                && first.chars().skip(1).all(char::is_lowercase)
                && second.starts_with(char::is_lowercase)
                && !matches!(second, "said" | "says" | "told")
                && text
                    .find(',')
                    .is_some_and(|comma| d.span.end <= sentence.start + comma)
        };
        let role = |d: &crosscheck_facts::DateMention| {
            if in_opener(d) {
                DateRole::Reference
            } else {
                date_role(&doc.article.text, d.span)
            }
        };
        for d in &f.dates {
            if matches!(d.value, DateValue::Week(_)) {
                continue;
            }
            if seen.iter().any(|(s, v)| *s == d.sentence && *v == d.value) {
                continue;
            }
            // "Its home since 1911" dates a state, not an event; "…,
            // KCNA said on Tuesday." dates the report of an event the same
            // sentence dates otherwise ("left on Monday"), and "Tuesday's
            // explosion" an event the sentence only refers to while it
            // reports another ("bodies were recovered on Wednesday"): the
            // sentence is listed once, under the date of what it reports.
            match role(d) {
                DateRole::Anchor => continue,
                r @ (DateRole::Report | DateRole::Reference)
                    if f.dates.iter().any(|o| {
                        o.sentence == d.sentence
                            && o.value != d.value
                            && !matches!(o.value, DateValue::Week(_))
                            && match role(o) {
                                DateRole::Event => true,
                                // A referred-to event gives way to the
                                // report's date too.
                                DateRole::Report => r == DateRole::Reference,
                                _ => false,
                            }
                    }) =>
                {
                    continue
                }
                _ => {}
            }
            // "Pyon, who arrived on Wednesday, was on her second visit this
            // year, having last come on 22 January": the year holds the
            // sentence's days, which date it better; it is listed under
            // those only.
            if f.dates.iter().any(|o| {
                o.sentence == d.sentence
                    && within(&d.value, &o.value)
                    && role(o) != DateRole::Anchor
            }) {
                continue;
            }
            seen.push((d.sentence, d.value.clone()));
            let span = doc.sentences[d.sentence].span;
            let text = crosscheck_text::fold_whitespace(span.slice(&doc.article.text));
            // Features of the sentence: made once per sentence (by the
            // corroboration step, or here for short ones), shared by its
            // dates. Folding whitespace does not change a sentence's words.
            let feats = features
                .entry((doc_index, span.start))
                .or_insert_with(|| Rc::new(SentenceFeatures::new(&analyzer, &text)))
                .clone();
            let pos = (
                order.get(f.article.as_str()).copied().unwrap_or(di),
                span.start,
            );
            // Scored only past the same pre-filter as corroboration (pairs
            // sharing too few stems are all but never the same claim).
            if let Some(e) = events.iter_mut().find(|e| {
                e.date == d.value
                    && paraphrase::may_match(&e.feats, &feats)
                    && paraphrase::same_claim(&e.feats, &feats, paraphrase::THRESHOLD)
            }) {
                e.cites.push((f.article.clone(), span));
                continue;
            }
            events.push(Ev {
                date: d.value.clone(),
                text,
                feats,
                cites: vec![(f.article.clone(), span)],
                first: pos,
            });
        }
    }
    // A copy of a sentence in an article without a publication date (a
    // reprint, a page saved without its byline) leaves its weekday or
    // month unresolved; where another article has the same sentence with
    // that day or month resolved, the copy is one more citation of it,
    // not an event of its own at the end of the timeline.
    let mut k = 0;
    while k < events.len() {
        let resolved = match &events[k].date {
            DateValue::Relative(written) => events.iter().position(|o| {
                !matches!(o.date, DateValue::Relative(_))
                    && o.text == events[k].text
                    && resolves(written, &o.date)
            }),
            _ => None,
        };
        match resolved {
            Some(o) => {
                let copy = events.remove(k);
                let o = if o > k { o - 1 } else { o };
                events[o].cites.extend(copy.cites);
                events[o].first = events[o].first.min(copy.first);
            }
            None => k += 1,
        }
    }
    events.sort_by(|a, b| {
        a.date
            .sort_key()
            .cmp(&b.date.sort_key())
            .then(a.first.cmp(&b.first))
    });
    events
        .into_iter()
        .map(|e| TimelineEvent {
            date: e.date.to_string(),
            text: e.text,
            citations: cite(e.cites.iter().map(|(a, s)| (a.as_str(), *s))),
        })
        .collect()
}

/// Whether an unresolved date as written (lower case: "monday", "late
/// sunday", "july") is what `date` resolved it to elsewhere: a weekday
/// the day falls on, or a month the day or month is in. Other expressions
/// ("last week") are not compared.
fn resolves(written: &str, date: &DateValue) -> bool {
    let weekday = written.split(' ').find_map(|w| {
        crosscheck_model::WEEKDAY_NAMES
            .iter()
            .position(|d| d.eq_ignore_ascii_case(w))
    });
    // As `DateValue::month_named` reads it: the month is written last.
    let month = written
        .split(' ')
        .next_back()
        .and_then(crosscheck_model::month_number);
    match (weekday, month, date) {
        (Some(k), None, DateValue::Day(d)) => d.weekday() as usize == k,
        (None, Some(m), DateValue::Day(d)) => d.month == m,
        (None, Some(m), DateValue::Month { month, .. }) => *month == m,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
