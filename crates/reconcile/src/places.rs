//! Place conflicts: where an event happened.
//!
//! "The fire broke out at the Kessel warehouse in Dornfeld" in one report
//! and "... in Altbruck" in another cannot both be true of the same fire.
//! This module finds such pairs and reports them as conflicts whose subject
//! is the event ("fire"), whose attribute is `place`, and whose sides are
//! the places with the sentences that give them.
//!
//! **Place claims.** A sentence states where an event happened when it
//! holds an event word of a point-like event ([`EVENTS`]: fires,
//! explosions, crashes, collapses, shootings, landslides — not storms or
//! floods, which cover many places) and, in the same clause, a *locative
//! chain*: a name after "in", "at", "near", "outside" or "inside" (possibly
//! "in the town of ..."), continued by further names it lies in ("at the
//! Kessel warehouse in Dornfeld", "in Dornfeld, a suburb of Altbruck", "in
//! Dornfeld, Altbruck"), or a name right before the event word ("the
//! Dornfeld fire"). The claim's place is the last, widest name of the chain.
//! Names the story's merged entities call people or organisations are never
//! places, and the claim's place must be an entity of kind `place`.
//!
//! **Containment.** Every article of the story contributes what it says
//! about places lying in one another: chains like the above anywhere in the
//! text. Containment is closed
//! transitively. Two places are *compatible* when they are one merged
//! entity, one lies in the other, their names share a word ("Aldery",
//! "Port Aldery"), or either is a country, capital or region of the
//! compiled-in gazetteer (which may contain a town the story never places).
//!
//! **Conflicts.** Two place claims about the same kind of event conflict
//! when their places are incompatible and the claims are about the same
//! event: the two sentences share a named thing other than the places
//! themselves (a facility, a company: "the Kessel warehouse"), or they say
//! the same thing once the places are masked (the same-claim model of
//! [`crate::paraphrase`]). Sentences marking another event ("a second
//! fire", "a separate blast", "last year", "earlier", "since"), hedged ones
//! ("could", "may", "feared") and those naming several unrelated places for
//! the event are not place claims; two claims whose sentences give only
//! incompatible dates are different events. Claims of one article are
//! compared too: an article contradicting itself is a conflict.

use ahash::{AHashMap as HashMap, AHashSet as HashSet};
use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crosscheck_facts::fold::{strip_possessive, variant_key};
use crosscheck_facts::{is_gazetteer_place, ArticleFacts, DateValue, Mention};
use crosscheck_model::{Conflict, ConflictSide, Document, Entity, Span};
use crosscheck_text::Analyzer;

use crate::paraphrase::{self, SentenceFeatures};

/// Point-like events: the subject a conflict reports, and the words that
/// name the event (lower case).
pub const EVENTS: &[(&str, &[&str])] = &[
    (
        "fire",
        &[
            "fire", "fires", "blaze", "blazes", "ablaze", "inferno", "flames",
        ],
    ),
    (
        "explosion",
        &["explosion", "explosions", "blast", "exploded", "detonation"],
    ),
    (
        "crash",
        &[
            "crash",
            "crashed",
            "collision",
            "collided",
            "derailed",
            "derailment",
        ],
    ),
    ("collapse", &["collapse", "collapsed"]),
    ("shooting", &["shooting", "gunfire"]),
    ("landslide", &["landslide", "landslides", "mudslide"]),
];

/// Words after an event word that make it something else ("fire crews",
/// "fire service", "crash barrier").
const NOT_EVENT_NEXT: &[&str] = &[
    "brigade",
    "brigades",
    "service",
    "services",
    "crew",
    "crews",
    "fighters",
    "station",
    "stations",
    "chief",
    "department",
    "officials",
    "officer",
    "officers",
    "engine",
    "engines",
    "alarm",
    "alarms",
    "safety",
    "door",
    "doors",
    "exit",
    "exits",
    "risk",
    "hazard",
    "code",
    "inspectors",
    "inspection",
    "barrier",
    "barriers",
    "test",
    "tests",
    "course",
    "investigators",
];

/// Words before an event word that make it something else ("opened fire"
/// is a shooting, "under fire" a criticism, "market crash" no place).
const NOT_EVENT_PREV: &[&str] = &["opened", "open", "under", "cease", "market", "stock"];

/// Words marking another event than the story's, or an uncertain place.
const OTHER_EVENT: &[&str] = &[
    "another",
    "second",
    "third",
    "separate",
    "separately",
    "previous",
    "previously",
    "earlier",
    "similar",
    "last",
    "since",
    "former",
    "unrelated",
    "recent",
    "prior",
    "ago",
    "anniversary",
    "could",
    "may",
    "might",
    "feared",
    "fears",
    "threatened",
    "threatens",
    "risk",
    "if",
    "would",
    "spread",
    "spreading",
];

/// Prepositions that place an event.
const LOCATIVE: &[&str] = &["in", "at", "near", "outside", "inside"];

/// Prepositions that link a place to a wider one ("... in Dornfeld",
/// "district of Altbruck", "a village near Altbruck").
const LINK: &[&str] = &["in", "of", "near", "outside", "at"];

/// Nouns of settlements and areas ("the town of Velmora").
const AREA_NOUNS: &[&str] = &[
    "town",
    "village",
    "city",
    "district",
    "suburb",
    "port",
    "region",
    "province",
    "county",
    "municipality",
    "hamlet",
    "borough",
    "quarter",
    "neighbourhood",
    "neighborhood",
    "area",
    "island",
];

/// Words that end a linking phrase: a verb or conjunction between two names
/// means they are not one located place ("Dornfeld residents fled to ...").
const NOT_LINK_WORDS: &[&str] = &[
    "and", "or", "to", "from", "was", "were", "is", "are", "has", "have", "had", "said", "says",
    "told", "but", "with", "for", "by", "on", "as", "than", "while", "after", "before",
];

/// A matcher of every event word (any case), pattern `k` being
/// [`event_words`]`()[k]`.
fn event_words() -> &'static (AhoCorasick, Vec<&'static str>) {
    static WORDS: OnceLock<(AhoCorasick, Vec<&'static str>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let (words, events): (Vec<&str>, Vec<&str>) = EVENTS
            .iter()
            .flat_map(|(e, ws)| ws.iter().map(move |w| (*w, *e)))
            .unzip();
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .expect("event words form a valid matcher");
        (matcher, events)
    })
}

/// The kinds of event a sentence has a word for (a quick scan: most
/// sentences have none).
fn events_in(sentence: &str) -> Vec<&'static str> {
    let (matcher, events) = event_words();
    let bytes = sentence.as_bytes();
    let mut out: Vec<&'static str> = Vec::new();
    for m in matcher.find_iter(sentence) {
        // Whole words only ("fire" is not in "firefighters", "crash" not
        // in "crash-test").
        let joined = |b: &u8| b.is_ascii_alphabetic() || *b == b'-';
        let before = bytes[..m.start()].last().is_some_and(joined);
        let after = bytes.get(m.end()).is_some_and(joined);
        let event = events[m.pattern().as_usize()];
        if !before && !after && !out.contains(&event) {
            out.push(event);
        }
    }
    out
}

/// Runs of letters (and inner hyphens) of a text with their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphabetic() || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Lower-case words of a text fragment, punctuation trimmed.
fn words_of(text: &str) -> Vec<String> {
    word_spans(text)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .collect()
}

/// Whether the text between two names makes the first lie in the second:
/// ", " (not a list), ", a suburb of ", " warehouse in ", " district of the ".
fn is_link(between: &str, after_second: &str) -> bool {
    // A link is a few words at most.
    if between.len() > 60 {
        return false;
    }
    let t = between.trim();
    let (comma, rest) = match t.strip_prefix(',') {
        Some(r) => (true, r.trim()),
        None => (false, t),
    };
    if comma && rest.is_empty() {
        // "Dornfeld, Altbruck" unless a list follows: "Dornfeld, Altbruck
        // and Lissen".
        let next = after_second.trim_start();
        return !(next.starts_with(',') || next.starts_with("and ") || next.starts_with("or "));
    }
    if rest
        .chars()
        .any(|c| !(c.is_alphabetic() || c == ' ' || c == '-'))
    {
        return false;
    }
    let mut ws = words_of(rest);
    if ws.is_empty() {
        return false;
    }
    if ws.last().is_some_and(|w| w == "the") {
        ws.pop();
    }
    let Some(prep) = ws.pop() else { return false };
    LINK.contains(&prep.as_str())
        && ws.len() <= 4
        && ws
            .iter()
            .all(|w| !NOT_LINK_WORDS.contains(&w.as_str()) && w.chars().all(|c| c.is_lowercase()))
}

/// Whether the words before a name place it: "in", "at the", "in the town
/// of", "in the port city of".
fn after_locative(before: &str) -> bool {
    if !before.ends_with(' ') || before.trim_end().ends_with([',', ';', ':', '(', '—', '–']) {
        return false;
    }
    // The last six words, in order.
    let mut ws: Vec<String> = before
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    ws.reverse();
    // "in the (port) city of", "near the small town of".
    if ws.last().is_some_and(|w| w == "of")
        && ws.len() >= 2
        && AREA_NOUNS.contains(&ws[ws.len() - 2].as_str())
    {
        ws.truncate(ws.len() - 2);
        if ws
            .last()
            .is_some_and(|w| !matches!(w.as_str(), "the" | "a") && !LOCATIVE.contains(&w.as_str()))
        {
            ws.pop();
        }
    }
    if ws.last().is_some_and(|w| matches!(w.as_str(), "the" | "a")) {
        ws.pop();
    }
    ws.last().is_some_and(|w| LOCATIVE.contains(&w.as_str()))
}

/// One sentence's statement of where an event happened.
struct PlaceClaim<'a> {
    article: &'a str,
    event: &'static str,
    sentence: Span,
    sentence_index: usize,
    /// The place: a merged entity of kind `place`.
    place: usize,
    /// The place's mention span (masked for the same-statement check).
    place_span: Span,
    /// Other named things in the sentence (merged entities), for the
    /// same-event check.
    anchors: Vec<usize>,
    dates: Vec<&'a DateValue>,
    published: Option<&'a str>,
}

/// Places in one another, closed transitively over merged entities.
struct Containment {
    /// `up[p]`: the places `p` lies in (directly or not).
    up: HashMap<usize, HashSet<usize>>,
}

impl Containment {
    fn new(pairs: &[(usize, usize)]) -> Self {
        let mut up: HashMap<usize, HashSet<usize>> = HashMap::new();
        for &(inner, outer) in pairs {
            if inner != outer {
                up.entry(inner).or_default().insert(outer);
            }
        }
        // Transitive closure (stories hold few places).
        loop {
            let mut grew = false;
            let keys: Vec<usize> = up.keys().copied().collect();
            for k in keys {
                let direct: Vec<usize> = up[&k].iter().copied().collect();
                for o in direct {
                    let further: Vec<usize> = up
                        .get(&o)
                        .map(|s| s.iter().copied().collect())
                        .unwrap_or_default();
                    let set = up.get_mut(&k).expect("key");
                    for f in further {
                        if f != k && set.insert(f) {
                            grew = true;
                        }
                    }
                }
            }
            if !grew {
                break;
            }
        }
        Containment { up }
    }

    fn within(&self, inner: usize, outer: usize) -> bool {
        self.up.get(&inner).is_some_and(|s| s.contains(&outer))
    }
}

/// The place conflicts of one story.
pub(crate) fn find(
    docs: &[&Document],
    facts: &[ArticleFacts],
    entities: &[Entity],
    published: &HashMap<&str, Option<&str>>,
) -> Vec<Conflict> {
    let by_variant = crate::variant_index(entities);
    let entity_of = |m: &Mention| by_variant.get(strip_possessive(&m.text)).copied();
    // A name that may be a place: not a person or organisation of the story.
    let place_like = |m: &Mention| {
        entity_of(m).is_some_and(|e| matches!(entities[e].kind.as_str(), "place" | "other"))
    };

    // Containment from every article, and the place claims.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut claims: Vec<PlaceClaim<'_>> = Vec::new();
    for doc in docs {
        let Some(f) = facts.iter().find(|f| f.article == doc.article.id) else {
            continue;
        };
        let text = &doc.article.text;
        let mut by_sentence: BTreeMap<usize, Vec<&Mention>> = BTreeMap::new();
        for m in &f.mentions {
            by_sentence.entry(m.sentence).or_default().push(m);
        }
        for (&si, ms) in &mut by_sentence {
            ms.sort_by_key(|m| m.span.start);
            let Some(sentence) = doc.sentences.get(si).map(|s| s.span) else {
                continue;
            };
            for w in ms.windows(2) {
                let (a, b) = (w[0], w[1]);
                if a.span.end > b.span.start
                    || !is_link(
                        &text[a.span.end..b.span.start],
                        &text[b.span.end..sentence.end.max(b.span.end)],
                    )
                    || !place_like(a)
                    || !place_like(b)
                {
                    continue;
                }
                if let (Some(ea), Some(eb)) = (entity_of(a), entity_of(b)) {
                    pairs.push((ea, eb));
                }
            }
            claims.extend(sentence_claims(
                doc,
                f,
                si,
                sentence,
                ms,
                &entity_of,
                &place_like,
                published.get(doc.article.id.as_str()).copied().flatten(),
            ));
        }
    }
    let contain = Containment::new(&pairs);
    // The claim's place must be a place entity; anchors are the named
    // things that are neither places nor people (facilities, companies).
    claims.retain(|c| entities[c.place].kind == "place");
    if claims.len() < 2 {
        return Vec::new();
    }
    for c in &mut claims {
        c.anchors
            .retain(|&e| matches!(entities[e].kind.as_str(), "organization" | "other"));
    }
    // Name-word keys of the claimed places.
    let mut keys: HashMap<usize, Vec<String>> = HashMap::new();
    for c in &claims {
        keys.entry(c.place).or_insert_with(|| {
            entities[c.place]
                .variants
                .iter()
                .flat_map(|v| {
                    v.split_whitespace()
                        .map(|w| variant_key(strip_possessive(w)))
                })
                .filter(|k| k.chars().count() >= 3)
                .collect()
        });
    }
    let compatible = |p: usize, q: usize| {
        p == q
            || contain.within(p, q)
            || contain.within(q, p)
            || keys[&p].iter().any(|k| keys[&q].contains(k))
            || entities[p]
                .variants
                .iter()
                .chain(&entities[q].variants)
                .any(|v| is_gazetteer_place(v))
    };

    let analyzer = Analyzer::english();
    let mut masked: HashMap<usize, SentenceFeatures> = HashMap::new();
    let mut masked_features = |k: usize, c: &PlaceClaim<'_>| -> SentenceFeatures {
        masked
            .entry(k)
            .or_insert_with(|| {
                let doc = docs
                    .iter()
                    .find(|d| d.article.id == c.article)
                    .expect("claim's document");
                let t = &doc.article.text;
                let s = format!(
                    "{}Placename{}",
                    &t[c.sentence.start..c.place_span.start],
                    &t[c.place_span.end..c.sentence.end]
                );
                SentenceFeatures::new(&analyzer, &s)
            })
            .clone()
    };
    let mut out = Vec::new();
    for (event, _) in EVENTS {
        let idx: Vec<usize> = (0..claims.len())
            .filter(|&k| claims[k].event == *event)
            .collect();
        let mut disputed: Vec<(usize, usize)> = Vec::new();
        for (x, &i) in idx.iter().enumerate() {
            for &j in &idx[x + 1..] {
                let (a, b) = (&claims[i], &claims[j]);
                if (a.article == b.article && a.sentence_index == b.sentence_index)
                    || compatible(a.place, b.place)
                {
                    continue;
                }
                // Only incompatible dates: two different events.
                if !a.dates.is_empty()
                    && !b.dates.is_empty()
                    && !a
                        .dates
                        .iter()
                        .any(|da| b.dates.iter().any(|db| da.compatible(db)))
                {
                    continue;
                }
                let anchored = a.anchors.iter().any(|e| b.anchors.contains(e));
                let same = anchored || {
                    let (fa, fb) = (masked_features(i, a), masked_features(j, b));
                    paraphrase::may_match(&fa, &fb)
                        && paraphrase::same_claim(&fa, &fb, paraphrase::THRESHOLD)
                };
                if same {
                    disputed.push((i, j));
                }
            }
        }
        if disputed.is_empty() {
            continue;
        }
        let mut places: Vec<usize> = disputed
            .iter()
            .flat_map(|&(i, j)| [claims[i].place, claims[j].place])
            .collect();
        places.sort_unstable();
        places.dedup();
        let mut sides: Vec<(Option<&str>, ConflictSide)> = places
            .iter()
            .map(|&p| {
                let mine: Vec<&PlaceClaim<'_>> = idx
                    .iter()
                    .map(|&k| &claims[k])
                    .filter(|c| c.place == p)
                    .collect();
                (
                    mine.iter().filter_map(|c| c.published).min(),
                    ConflictSide {
                        value: entities[p].name.clone(),
                        citations: crate::cite(mine.iter().map(|c| (c.article, c.sentence))),
                        speakers: Vec::new(),
                    },
                )
            })
            .collect();
        sides.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.value.cmp(&b.1.value)));
        out.push(Conflict {
            subject: (*event).to_string(),
            attribute: "place".to_string(),
            sides: sides.into_iter().map(|s| s.1).collect(),
        });
    }
    out
}

/// The place claims of one sentence (at most one per kind of event).
#[allow(clippy::too_many_arguments)]
fn sentence_claims<'a>(
    doc: &'a Document,
    f: &'a ArticleFacts,
    si: usize,
    sentence: Span,
    ms: &[&'a Mention],
    entity_of: &dyn Fn(&Mention) -> Option<usize>,
    place_like: &dyn Fn(&Mention) -> bool,
    published: Option<&'a str>,
) -> Vec<PlaceClaim<'a>> {
    let text = &doc.article.text;
    let s_text = &text[sentence.start..sentence.end];
    let events = events_in(s_text);
    if events.is_empty() {
        return Vec::new();
    }
    let words = word_spans(s_text);
    let lows: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    if lows.iter().any(|w| OTHER_EVENT.contains(&w.as_str())) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (event, triggers) in EVENTS.iter().filter(|(e, _)| events.contains(e)) {
        // (place entity, its mention span) for each event word.
        let mut found: Vec<(usize, Span)> = Vec::new();
        for (k, (off, _)) in words.iter().enumerate() {
            if !triggers.contains(&lows[k].as_str())
                || lows
                    .get(k + 1)
                    .is_some_and(|n| NOT_EVENT_NEXT.contains(&n.as_str()))
                || (k > 0 && NOT_EVENT_PREV.contains(&lows[k - 1].as_str()))
            {
                continue;
            }
            let t_start = sentence.start + off;
            let t_end = t_start + words[k].1.len();
            // An event word inside a name ("Dornfeld Fire Brigade").
            if ms
                .iter()
                .any(|m| m.span.start <= t_start && m.span.end >= t_end)
            {
                continue;
            }
            // "the Dornfeld fire".
            if let Some(m) = ms.iter().find(|m| {
                m.span.end <= t_start
                    && matches!(&text[m.span.end..t_start], " " | "’s " | "'s ")
                    && place_like(m)
            }) {
                if let Some(e) = entity_of(m) {
                    found.push((e, m.span));
                }
            }
            // "... broke out at the Kessel warehouse in Dornfeld": the
            // first placed name in the clause, then its chain.
            let Some(first) = ms.iter().position(|m| {
                if m.span.start < t_end {
                    return false;
                }
                let between = &text[t_end..m.span.start];
                // At most ten words (counted no further than the 11th).
                between.split_whitespace().nth(10).is_none()
                    && !between.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
                    && !between.split_whitespace().any(|w| {
                        ["said", "says", "told", "according"]
                            .iter()
                            .any(|c| w.eq_ignore_ascii_case(c))
                    })
                    && after_locative(&text[sentence.start..m.span.start])
                    && place_like(m)
            }) else {
                continue;
            };
            let mut last = first;
            while let Some(next) = ms.get(last + 1) {
                let (a, b) = (ms[last], *next);
                if a.span.end > b.span.start
                    || !place_like(b)
                    || !is_link(
                        &text[a.span.end..b.span.start],
                        &text[b.span.end..sentence.end.max(b.span.end)],
                    )
                {
                    break;
                }
                last += 1;
            }
            if let Some(e) = entity_of(ms[last]) {
                found.push((e, ms[last].span));
            }
        }
        let mut distinct: Vec<usize> = found.iter().map(|(e, _)| *e).collect();
        distinct.sort_unstable();
        distinct.dedup();
        // Several places for one kind of event in one sentence: several
        // events, or a chain read wrongly; either way no claim.
        if distinct.len() != 1 {
            continue;
        }
        let (place, place_span) = found[0];
        let mut anchors: Vec<usize> = ms
            .iter()
            .filter_map(|m| entity_of(m))
            .filter(|&e| e != place)
            .collect();
        anchors.sort_unstable();
        anchors.dedup();
        out.push(PlaceClaim {
            article: doc.article.id.as_str(),
            event,
            sentence,
            sentence_index: si,
            place,
            place_span,
            anchors,
            dates: f
                .dates
                .iter()
                .filter(|d| d.sentence == si && !matches!(d.value, DateValue::Relative(_)))
                .map(|d| &d.value)
                .collect(),
            published,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_make_a_place_lie_in_another() {
        assert!(is_link(", a suburb of ", " shortly after midnight"));
        assert!(is_link(" warehouse in ", ""));
        assert!(is_link(" district of the ", ""));
        assert!(is_link(", ", " on Tuesday"));
        // A list, a verb, a far-away name: no containment.
        assert!(!is_link(", ", " and Lissen were evacuated"));
        assert!(!is_link(" residents fled to ", ""));
        assert!(!is_link(" was closed while crews in ", ""));
    }

    #[test]
    fn locatives_place_a_name() {
        assert!(after_locative("The fire broke out at the "));
        assert!(after_locative("A landslide hit homes in the town of "));
        assert!(!after_locative("A landslide buried part of the town of "));
        assert!(after_locative("It happened near "));
        assert!(after_locative(
            "It ripped through a plant in the port city of "
        ));
        assert!(!after_locative("Crews from "));
        assert!(!after_locative("The fire broke out, "));
        assert!(!after_locative("in"));
    }

    #[test]
    fn event_words_are_whole_words_in_any_case() {
        assert_eq!(events_in("A Blaze destroyed the barn."), ["fire"]);
        assert_eq!(
            events_in("The crash followed an explosion."),
            ["crash", "explosion"]
        );
        assert!(events_in("Firefighters and a crash-test dummy").is_empty());
    }

    #[test]
    fn containment_is_transitive() {
        let c = Containment::new(&[(0, 1), (1, 2), (3, 2)]);
        assert!(c.within(0, 2));
        assert!(c.within(3, 2));
        assert!(!c.within(2, 0));
        assert!(!c.within(0, 3));
    }
}
