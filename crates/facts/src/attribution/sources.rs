//! Choosing the source of a cue.
//!
//! The tagger labels tokens one by one, so the source it gives a cue is
//! whatever run of source labels lies nearest, cut by a rule at a comma;
//! it often has the wrong boundaries ("Strom, speaking of the flood
//! barriers" for "Strom"), or is missing where the subject was labelled
//! part of the content ("Ashdown is stressing that ..."). This stage ranks
//! whole spans instead: every phrase that ends just before the cue or
//! starts just after it (up to [`MAX_LEN`] tokens), the tagger's source
//! chunks, and the names and pronouns of the sentence, plus the choice of
//! no source at all. Each is scored by a linear model over features of the
//! whole span (its first and last words and their neighbours, length,
//! distance and side of the cue, word classes, how much of it the tagger
//! labelled source or content, whether it is exactly a name), and the best
//! wins. The weights are trained on the PolNeAR train split by
//! `crates/facts/examples/train_attribution.rs --sources` against the tagger's
//! cross-fitted labels, and bundled like the tagger's (numbers only).
//! Written here for the same reason as the tagger: it is the product's own
//! reading of attribution, and small.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::lexicon::SPEAKER_PRONOUNS;
use crate::tagger::{self, word_classes};
use crate::token::{TokKind, Token};

/// Longest candidate phrase, in tokens.
pub const MAX_LEN: usize = 10;
/// How far past the cue a phrase may begin or end (lower-case words such
/// as "also", "has", "privately" between a subject and its cue).
const MAX_GAP: usize = 2;

/// Pronouns that may stand for a source besides [`SPEAKER_PRONOUNS`].
const OTHER_PRONOUNS: [&str; 3] = ["you", "who", "which"];

/// [`tagger::word_key`]s of the pronouns that may stand for a source,
/// sorted.
fn pronoun_keys() -> &'static [u32] {
    static KEYS: OnceLock<Vec<u32>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut v: Vec<u32> = SPEAKER_PRONOUNS
            .iter()
            .chain(&OTHER_PRONOUNS)
            .map(|p| tagger::word_key(p))
            .collect();
        v.sort_unstable();
        v
    })
}

/// The tokens of a sentence with the tagger's view of them.
pub(super) struct Sentence<'a, 't> {
    toks: &'a [Token<'t>],
    labels: &'a [u8],
    /// Token ranges of the tagger's source chunks.
    chunks: &'a [(usize, usize)],
    /// Token ranges of the sentence's entity mentions.
    mentions: &'a [(usize, usize)],
    /// Per token: hash of the lower-cased word, fine and coarse word
    /// class, whether it is a pronoun that may speak.
    keys: Vec<u64>,
    fine: Vec<u16>,
    coarse: Vec<u8>,
    pronoun: Vec<bool>,
    /// Counts over the first `k` tokens, at `k` (`0..=n`): tokens the
    /// tagger labelled source, labelled content, commas, and "and". A
    /// candidate's counts are differences of two entries rather than a
    /// scan of its tokens (the ranker scores dozens of candidates a cue).
    before: Vec<[u32; 4]>,
    /// Per token boundary `k` (`0..=n`): whether a mention starts at `k`,
    /// whether one ends at `k`.
    mention_at: Vec<(bool, bool)>,
}

impl<'a, 't> Sentence<'a, 't> {
    /// `words`: the tokens' word keys and classes, if already read (by
    /// the tagger's features); else they are looked up here.
    pub fn new(
        toks: &'a [Token<'t>],
        labels: &'a [u8],
        chunks: &'a [(usize, usize)],
        mentions: &'a [(usize, usize)],
        words: Option<&[tagger::WordInfo]>,
    ) -> Self {
        let classes = word_classes();
        let n = toks.len();
        let (mut keys, mut fine, mut coarse, mut pronoun) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for (k, t) in toks.iter().enumerate() {
            let (key, f, c) = match words.and_then(|w| w.get(k)) {
                Some(w) => (w.key, w.fine, w.coarse),
                None => {
                    let key = tagger::word_key(t.text);
                    let (f, c) = if t.kind == TokKind::Word {
                        classes.get_key(key)
                    } else {
                        (0, 0)
                    };
                    (key, f, c)
                }
            };
            keys.push(key as u64);
            fine.push(f);
            coarse.push(c);
            // The word's key first (the pronouns' keys are few, and most
            // words miss them), then the words themselves: two plain scans
            // rather than one over a chained iterator, which does not
            // compile to a tight loop.
            let is = |p: &&str| t.text.eq_ignore_ascii_case(p);
            pronoun.push(
                t.kind == TokKind::Word
                    && pronoun_keys().binary_search(&key).is_ok()
                    && (SPEAKER_PRONOUNS.iter().any(is) || OTHER_PRONOUNS.iter().any(is)),
            );
        }
        let mut before = Vec::with_capacity(n + 1);
        let mut count = [0u32; 4];
        before.push(count);
        for (t, &l) in toks.iter().zip(labels) {
            count[0] += (tagger::kind(l) == 1) as u32;
            count[1] += (tagger::kind(l) == 3) as u32;
            count[2] += (t.text == ",") as u32;
            count[3] += (t.text == "and") as u32;
            before.push(count);
        }
        let mut mention_at = vec![(false, false); n + 1];
        for &(ms, me) in mentions {
            if let Some(at) = mention_at.get_mut(ms) {
                at.0 = true;
            }
            if let Some(at) = mention_at.get_mut(me) {
                at.1 = true;
            }
        }
        Sentence {
            toks,
            labels,
            chunks,
            mentions,
            keys,
            fine,
            coarse,
            pronoun,
            before,
            mention_at,
        }
    }
}

/// Candidate spans (token ranges) for the cue at tokens `q`, sorted,
/// without repeats.
fn candidates(st: &Sentence<'_, '_>, q: (usize, usize)) -> Vec<(usize, usize)> {
    let toks = st.toks;
    let n = toks.len();
    let wordy = |k: usize| matches!(toks[k].kind, TokKind::Word | TokKind::Number);
    let quote = |k: usize| {
        toks[k].kind == TokKind::Punct && matches!(toks[k].text, "“" | "”" | "\"" | "''" | "``")
    };
    // Room for the phrases on both sides, the chunks and the mentions.
    let mut out =
        Vec::with_capacity(2 * (MAX_GAP + 1) * MAX_LEN + st.chunks.len() + st.mentions.len());
    // Phrases ending before the cue, past at most MAX_GAP lower-case words.
    for g in 0..=MAX_GAP.min(q.0) {
        let end = q.0 - g;
        if (end..q.0).any(|k| {
            toks[k].kind != TokKind::Word
                || toks[k].text.chars().next().is_some_and(char::is_uppercase)
        }) {
            break;
        }
        if end == 0 || !wordy(end - 1) {
            continue;
        }
        for start in (end.saturating_sub(MAX_LEN)..end).rev() {
            if quote(start) || matches!(toks[start].text, "." | ";" | ":" | "?" | "!") {
                break;
            }
            if wordy(start) {
                out.push((start, end));
            }
        }
    }
    // Phrases starting after the cue.
    for start in q.1..(q.1 + MAX_GAP + 1).min(n) {
        if !wordy(start) {
            continue;
        }
        for end in start + 1..=(start + MAX_LEN).min(n) {
            if quote(end - 1) || matches!(toks[end - 1].text, "." | ";" | ":" | "?" | "!") {
                break;
            }
            if wordy(end - 1) {
                out.push((start, end));
            }
        }
    }
    // The tagger's chunks, names and pronouns anywhere in the sentence.
    out.extend(st.chunks.iter().copied());
    out.extend(st.mentions.iter().copied());
    for (k, &p) in st.pronoun.iter().enumerate() {
        if p {
            out.push((k, k + 1));
        }
    }
    out.retain(|&(s, e)| e <= q.0 || s >= q.1);
    out.sort_unstable();
    out.dedup();
    out
}

/// Hash of a token's lower-cased text (or of a padding symbol).
fn word(st: &Sentence<'_, '_>, k: Option<usize>) -> u64 {
    k.and_then(|k| st.keys.get(k)).copied().unwrap_or(0x5151)
}

fn bucket(x: usize) -> u64 {
    match x {
        0..=3 => x as u64,
        4..=5 => 4,
        6..=9 => 5,
        _ => 6,
    }
}

/// Side of the cue a candidate `s..e` lies on, and whether next to it:
/// 1 just before, 2 just after, 3 further before, 4 further after.
fn side(q: (usize, usize), s: usize, e: usize) -> u64 {
    match (
        e <= q.0,
        e <= q.0 && q.0 - e <= MAX_GAP,
        s >= q.1 && s - q.1 <= MAX_GAP,
    ) {
        (true, true, _) => 1,
        (true, false, _) => 3,
        (false, _, true) => 2,
        _ => 4,
    }
}

/// A sink of one feature: template and up to three values.
type Push<'p> = &'p mut dyn FnMut(u64, u64, u64, u64);

/// Features of choosing no source for the cue `q`.
fn none_features(
    st: &Sentence<'_, '_>,
    q: (usize, usize),
    fallback: Option<(usize, usize)>,
    push: Push<'_>,
) {
    let cue_w = word(st, Some(q.0));
    let has_chunk = !st.chunks.is_empty() as u64;
    push(100, cue_w, 0, 0);
    push(101, cue_w, word(st, Some(q.1 - 1)), has_chunk);
    push(102, word(st, q.0.checked_sub(1)), has_chunk, 0);
    push(103, bucket(q.0), has_chunk, 0);
    push(104, word(st, Some(q.1)), 0, 0);
    push(105, fallback.is_some() as u64, cue_w, 0);
}

/// Shape of token `k`: number, punctuation, capitalised or lower-case word.
fn shape(st: &Sentence<'_, '_>, k: usize) -> u64 {
    let t = &st.toks[k];
    match t.kind {
        TokKind::Number => 1,
        TokKind::Punct => 2,
        TokKind::Word if t.text.chars().next().is_some_and(char::is_uppercase) => 3,
        TokKind::Word => 4,
    }
}

/// Features of a candidate that read only where it starts (and its side).
fn start_features(st: &Sentence<'_, '_>, s: usize, dir: u64, push: Push<'_>) {
    let (first, before) = (word(st, Some(s)), word(st, s.checked_sub(1)));
    push(2, dir, first, 0);
    push(4, dir, before, 0);
    push(16, before, first, 0);
}

/// Features of a candidate that read only where it ends (and its side).
fn end_features(st: &Sentence<'_, '_>, e: usize, dir: u64, push: Push<'_>) {
    let (last, after) = (word(st, Some(e - 1)), word(st, Some(e)));
    push(3, dir, last, 0);
    push(5, dir, after, 0);
    push(13, st.fine[e - 1] as u64, dir, 0);
    push(15, last, after, 0);
}

/// The word class of each token of a candidate.
const INNER: u64 = 21;

/// Features of the candidate `s..e` for the cue `q` that read both ends
/// or the whole span.
fn span_features(
    st: &Sentence<'_, '_>,
    q: (usize, usize),
    (s, e): (usize, usize),
    dir: u64,
    fallback: Option<(usize, usize)>,
    push: Push<'_>,
) {
    let cue_w = word(st, Some(q.0));
    let gap = if e <= q.0 { q.0 - e } else { s - q.1 };
    let len = e - s;
    let (first, past) = (st.before[s], st.before[e]);
    let within = |c: usize| (past[c] - first[c]) as usize;
    let src_labels = within(0);
    let con_labels = within(1);
    let frac = |c: usize| -> u64 {
        if c == 0 {
            0
        } else if c == len {
            2
        } else {
            1
        }
    };
    let lab = |k: Option<usize>| -> u64 {
        k.and_then(|k| st.labels.get(k))
            .map_or(9, |&l| tagger::kind(l) as u64)
    };
    let exact_chunk = st.chunks.contains(&(s, e)) as u64;
    let mention = st.mentions.contains(&(s, e)) as u64
        | (st.mention_at[e].1 as u64) << 1
        | (st.mention_at[s].0 as u64) << 2;
    let comma = (within(2) > 0) as u64 | ((within(3) > 0) as u64) << 1;
    push(1, dir, bucket(len), 0);
    push(6, dir, shape(st, s), shape(st, e - 1));
    push(7, dir, bucket(gap), cue_w);
    push(8, exact_chunk, frac(src_labels), frac(con_labels));
    push(9, lab(s.checked_sub(1)), lab(Some(e)), dir);
    push(10, mention, dir, bucket(len));
    push(11, comma, dir, 0);
    push(12, st.coarse[s] as u64, st.coarse[e - 1] as u64, dir);
    push(14, cue_w, word(st, Some(q.1 - 1)), dir);
    push(17, exact_chunk, dir, bucket(gap));
    push(18, dir, 0, 0);
    let is_fallback = (fallback == Some((s, e))) as u64
        | (fallback.is_some_and(|f| f.0 < e && s < f.1) as u64) << 1;
    push(19, is_fallback, dir, exact_chunk);
    push(20, is_fallback, cue_w, 0);
}

/// Hashed features of choosing `cand` (`None`: no source) for the cue `q`,
/// into `2^bits` buckets.
fn features(
    st: &Sentence<'_, '_>,
    q: (usize, usize),
    cand: Option<(usize, usize)>,
    fallback: Option<(usize, usize)>,
    bits: u32,
    out: &mut Vec<u32>,
) {
    let shift = 64 - bits;
    let mut push = |t: u64, a: u64, b: u64, c: u64| {
        out.push((tagger::feature_hash(t, a, b, c) >> shift) as u32);
    };
    let Some((s, e)) = cand else {
        none_features(st, q, fallback, &mut push);
        return;
    };
    let dir = side(q, s, e);
    span_features(st, q, (s, e), dir, fallback, &mut push);
    start_features(st, s, dir, &mut push);
    end_features(st, e, dir, &mut push);
    for &c in &st.coarse[s..e] {
        push(INNER, c as u64, dir, 0);
    }
}

/// Whether the candidate `s..e` is one lower-case past form ("X prompted
/// calls from …"): a verb, never who speaks. Training sees these
/// candidates (and no gold source is one); choosing one is vetoed.
fn lone_past_form(st: &Sentence<'_, '_>, s: usize, e: usize) -> bool {
    let t = &st.toks[s];
    let w = t.text;
    e == s + 1
        && t.kind == TokKind::Word
        && w.chars().next().is_some_and(char::is_lowercase)
        // A past form, not a noun in -ed ("speed", "hundred", "bloodshed").
        && w.len() > 4
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !w.ends_with("shed")
        && w != "hundred"
}

/// The ranker's best candidate: [`features`] scored, with the parts that
/// read one end of a span (or its words one by one) summed once per end
/// and side rather than once per candidate: left phrases share their end,
/// right phrases their start.
fn best_candidate(
    ranker: &Ranker,
    st: &Sentence<'_, '_>,
    q: (usize, usize),
    cands: &[Option<(usize, usize)>],
    fallback: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let shift = 64 - ranker.bits;
    let w = |t: u64, a: u64, b: u64, c: u64| -> f32 {
        let bucket = (tagger::feature_hash(t, a, b, c) >> shift) as usize;
        ranker.weights.get(bucket).copied().unwrap_or(0.0)
    };
    let n = st.toks.len();
    // Per side (1–4) and token: the start and end parts, NaN until needed,
    // and prefix sums of the inner word classes.
    let mut starts = vec![f32::NAN; 5 * n];
    let mut ends = vec![f32::NAN; 5 * (n + 1)];
    let mut inner: [Option<Vec<f32>>; 5] = Default::default();
    let mut best = (f32::MIN, None);
    for &c in cands {
        if c.is_some_and(|(s, e)| lone_past_form(st, s, e)) {
            continue;
        }
        let score = match c {
            None => {
                let mut sum = 0.0;
                none_features(st, q, fallback, &mut |t, a, b, c| sum += w(t, a, b, c));
                sum - ranker.none_bias
            }
            Some((s, e)) => {
                let dir = side(q, s, e);
                let d = dir as usize;
                let mut sum = 0.0;
                span_features(st, q, (s, e), dir, fallback, &mut |t, a, b, c| {
                    sum += w(t, a, b, c)
                });
                if starts[d * n + s].is_nan() {
                    let mut part = 0.0;
                    start_features(st, s, dir, &mut |t, a, b, c| part += w(t, a, b, c));
                    starts[d * n + s] = part;
                }
                if ends[d * (n + 1) + e].is_nan() {
                    let mut part = 0.0;
                    end_features(st, e, dir, &mut |t, a, b, c| part += w(t, a, b, c));
                    ends[d * (n + 1) + e] = part;
                }
                let prefix = inner[d].get_or_insert_with(|| {
                    let mut v = Vec::with_capacity(n + 1);
                    let mut acc = 0.0f32;
                    v.push(acc);
                    for &k in &st.coarse {
                        acc += w(INNER, k as u64, dir, 0);
                        v.push(acc);
                    }
                    v
                });
                sum + starts[d * n + s] + ends[d * (n + 1) + e] + (prefix[e] - prefix[s])
            }
        };
        if score > best.0 {
            best = (score, c);
        }
    }
    best.1
}

/// The trained weights: one per hashed feature.
pub struct Ranker {
    bits: u32,
    /// Subtracted from the score of choosing no source (chosen by the
    /// trainer's cross-validation: the perceptron alone says "none" too
    /// readily, costing recall).
    none_bias: f32,
    weights: Vec<f32>,
}

const MAGIC: &[u8; 4] = b"CCSR";

impl Ranker {
    /// Hash bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    #[cfg(test)]
    fn score(&self, f: &[u32]) -> f32 {
        f.iter()
            .map(|&b| self.weights.get(b as usize).copied().unwrap_or(0.0))
            .sum()
    }

    /// Read [`RankerWeights::to_bytes`]; `None` if malformed.
    pub fn from_bytes(b: &[u8]) -> Option<Ranker> {
        if b.get(..4)? != MAGIC {
            return None;
        }
        let bits = u32::from_le_bytes(b.get(4..8)?.try_into().ok()?);
        if !(8..=24).contains(&bits) {
            return None;
        }
        let none_bias = f32::from_le_bytes(b.get(8..12)?.try_into().ok()?);
        let mut weights = vec![0f32; 1 << bits];
        let mut at = 12;
        let mut bucket = 0usize;
        while at < b.len() {
            let gap = u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize;
            let w = f32::from_le_bytes(b.get(at + 4..at + 8)?.try_into().ok()?);
            bucket += gap;
            *weights.get_mut(bucket)? = w;
            at += 8;
        }
        // A file with no weights would choose no source for every cue.
        weights.iter().any(|&w| w != 0.0).then_some(Ranker {
            bits,
            none_bias,
            weights,
        })
    }
}

/// The bundled ranker, decoded on first use.
pub fn bundled() -> Option<&'static Ranker> {
    static R: OnceLock<Option<Ranker>> = OnceLock::new();
    R.get_or_init(|| Ranker::from_bytes(include_bytes!("../../data/source_ranker.weights")))
        .as_ref()
}

/// One cue's choice as the trainer sees it: the cue (byte range), each
/// candidate (byte range; `None` for no source) and its features.
#[derive(Debug, Clone)]
pub struct Choice {
    pub cue: (usize, usize),
    pub candidates: Vec<Option<(usize, usize)>>,
    pub features: Vec<Vec<u32>>,
}

thread_local! {
    /// A ranker to use instead of the bundled one (`Some(None)`: none),
    /// for training and evaluation.
    static OVERRIDE: RefCell<Option<Option<Arc<Ranker>>>> = const { RefCell::new(None) };
    /// Where to record every choice made, for training.
    static RECORD: RefCell<Option<Vec<Choice>>> = const { RefCell::new(None) };
}

/// Run `f` with `ranker` in place of the bundled one on this thread
/// (`None`: the nearest tagger chunk, as without a ranker).
pub fn with_ranker<T>(ranker: Option<Arc<Ranker>>, f: impl FnOnce() -> T) -> T {
    let old = OVERRIDE.with(|o| o.replace(Some(ranker)));
    let out = f();
    OVERRIDE.with(|o| *o.borrow_mut() = old);
    out
}

/// Run `f` and return, with its result, every choice of source made on
/// this thread meanwhile (features hashed into the ranker's buckets, or
/// [`RECORD_BITS`] without one).
pub fn recording<T>(f: impl FnOnce() -> T) -> (T, Vec<Choice>) {
    RECORD.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = f();
    let rec = RECORD.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (out, rec)
}

/// Hash bits of the recorded features when no ranker is in use.
pub const RECORD_BITS: u32 = 16;

/// The source of the cue at tokens `q`: the ranker's choice, or, without
/// a ranker, `fallback`. Records the choice when [`recording`].
///
/// Phrases starting before token `from` (the end of a dateline: the place
/// a report was filed from speaks for no one) are no candidates.
pub(super) fn choose(
    st: &Sentence<'_, '_>,
    q: (usize, usize),
    fallback: Option<(usize, usize)>,
    from: usize,
) -> Option<(usize, usize)> {
    let fallback = fallback.filter(|c| c.0 >= from);
    let over = OVERRIDE.with(|o| o.borrow().clone());
    let ranker: Option<&Ranker> = match &over {
        Some(r) => r.as_deref(),
        None => bundled(),
    };
    let recording = RECORD.with(|r| r.borrow().is_some());
    if ranker.is_none() && !recording {
        return fallback;
    }
    let bits = ranker.map_or(RECORD_BITS, Ranker::bits);
    let mut cands: Vec<Option<(usize, usize)>> = vec![None];
    cands.extend(candidates(st, q).into_iter().map(Some));
    if from > 0 {
        cands.retain(|c| c.is_none_or(|c| c.0 >= from));
    }
    if recording {
        let span = |(s, e): (usize, usize)| (st.toks[s].start, st.toks[e - 1].end);
        let features = cands
            .iter()
            .map(|&c| {
                let mut buf = Vec::new();
                features(st, q, c, fallback, bits, &mut buf);
                buf
            })
            .collect();
        RECORD.with(|r| {
            if let Some(v) = r.borrow_mut().as_mut() {
                v.push(Choice {
                    cue: span(q),
                    candidates: cands.iter().map(|c| c.map(span)).collect(),
                    features,
                });
            }
        });
    }
    match ranker {
        Some(ranker) => best_candidate(ranker, st, q, &cands, fallback),
        None => fallback,
    }
}

/// Weights being trained: an averaged perceptron over the choices.
pub struct RankerWeights {
    bits: u32,
    w: Vec<f32>,
    u: Vec<f32>,
    step: f32,
}

impl RankerWeights {
    pub fn new(bits: u32) -> RankerWeights {
        RankerWeights {
            bits,
            w: vec![0.0; 1 << bits],
            u: vec![0.0; 1 << bits],
            step: 1.0,
        }
    }

    /// One pass over `(choice, index of the right candidate)` pairs in the
    /// given order; returns the number chosen wrongly.
    pub fn epoch(&mut self, examples: &[(&Choice, usize)], order: &[usize]) -> usize {
        let mut wrong = 0;
        for &k in order {
            let (ch, gold) = examples[k];
            let score = |f: &[u32]| f.iter().map(|&b| self.w[b as usize]).sum::<f32>();
            let mut best = (f32::MIN, 0usize);
            for (i, f) in ch.features.iter().enumerate() {
                let s = score(f);
                if s > best.0 {
                    best = (s, i);
                }
            }
            if best.1 != gold {
                wrong += 1;
                let c = self.step;
                for (idx, d) in [(gold, 1.0f32), (best.1, -1.0)] {
                    for &b in &ch.features[idx] {
                        self.w[b as usize] += d;
                        self.u[b as usize] += c * d;
                    }
                }
            }
            self.step += 1.0;
        }
        wrong
    }

    /// The averaged weights as the bundled format: magic, bits, the bias
    /// against no source (`f32`), then each non-zero weight as a `u32`
    /// gap from the previous one and an `f32`.
    pub fn to_bytes(&self, none_bias: f32) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&none_bias.to_le_bytes());
        let mut prev = 0usize;
        for (k, (w, u)) in self.w.iter().zip(&self.u).enumerate() {
            let avg = w - u / self.step;
            if avg != 0.0 {
                out.extend_from_slice(&((k - prev) as u32).to_le_bytes());
                out.extend_from_slice(&avg.to_le_bytes());
                prev = k;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn weights_round_trip_and_an_empty_file_is_no_ranker() {
        let mut w = RankerWeights::new(8);
        let ch = Choice {
            cue: (0, 1),
            candidates: vec![None, Some((2, 3))],
            features: vec![vec![1, 2], vec![3, 4]],
        };
        let examples = [(&ch, 1usize)];
        assert_eq!(w.epoch(&examples, &[0]), 1);
        assert_eq!(w.epoch(&examples, &[0]), 0);
        let r = Ranker::from_bytes(&w.to_bytes(1.5)).unwrap();
        assert_eq!(r.bits(), 8);
        assert!(r.score(&[3, 4]) > r.score(&[1, 2]));
        assert_eq!(r.none_bias, 1.5);
        assert!(Ranker::from_bytes(&RankerWeights::new(8).to_bytes(0.0)).is_none());
        assert!(Ranker::from_bytes(b"CCSR").is_none());
        assert!(bundled().is_some());
    }

    #[test]
    fn candidates_are_phrases_beside_the_cue_and_names() {
        let toks = tokenize(
            "The city council also said on Monday that it would vote.",
            0,
        );
        let labels = vec![0u8; toks.len()];
        let st = Sentence::new(&toks, &labels, &[], &[], None);
        // "said" is token 4.
        let c = candidates(&st, (4, 5));
        let text = |(s, e): (usize, usize)| {
            toks[s..e]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let all: Vec<String> = c.iter().map(|&x| text(x)).collect();
        for want in [
            "The city council",
            "city council",
            "council",
            "on Monday",
            "it",
        ] {
            assert!(all.iter().any(|x| x == want), "{want}: {all:?}");
        }
        // Never the cue itself, nor a phrase across it.
        assert!(c.iter().all(|&(s, e)| e <= 4 || s >= 5), "{all:?}");
    }
}
