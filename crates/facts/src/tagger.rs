//! The attribution tagger: a linear-chain sequence model over the tokens of
//! a sentence that labels each token as part of a **source** (who speaks),
//! a **cue** (the words that report: "said", "according to", "voted for")
//! or a **content** span (what is attributed), in BIO form (`B-` opens a
//! span, `I-` continues it, `O` is outside every span).
//!
//! The model is a first-order structured perceptron (Collins 2002) with
//! weight averaging: a token's score for a label is the sum of the weights
//! of its features for that label, plus a weight for the transition from
//! the previous label; Viterbi finds the best label sequence under the BIO
//! constraints. Training decodes with a cost on every wrong label
//! (cost-augmented, [`Margin`]; larger for source and cue labels), so that
//! the weights separate the right labelling by a margin. Features are
//! hashed (a fixed 64-bit mix of a template number and the hashes of the
//! words it reads) into `2^BITS` buckets, so the stored weights are
//! numbers only: no word, and no text of the training corpus, is kept.
//! The trainer is written here rather than taken from a crate: how
//! attribution is read is the product's own know-how.
//!
//! Features (46 per token) read the word and its neighbours (lower case,
//! shape, suffix, a crude stem, capitalisation, distributional word
//! classes learned from unlabelled news, [`WordClasses`]), the cue and pronoun
//! lexicons, a cue lexicon learned from the training annotation
//! ([`CueLexicon`]: how often each word, and each stem, was part of a
//! cue), the entity mentions of [`crate::entities`] (kind, first or inner
//! token), whether the token is inside a quotation (carried across
//! sentences), the distance to the nearest candidate cue on either side
//! (a hand-listed or learned cue word, or a rule's cue) with the commas
//! in between, the position in the sentence, and the roles the
//! hand-written rules of [`crate::attribution`] assign (their source, cue
//! and content spans): the rules are precise but miss the long tail of
//! cues, the model learns when to trust and when to extend them.
//!
//! The weights and the learned lexicon are trained on the PolNeAR train
//! split by `crates/facts/examples/train_attribution.rs` and bundled with
//! `include_bytes!`, the weights quantised to `i16`, the lexicon as 32-bit
//! word hashes with a class byte.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::lexicon::{CUE_WORDS, SPEAKER_PRONOUNS, TITLES};
use crate::token::{TokKind, Token};

/// Number of labels: `O`, `B-SRC`, `I-SRC`, `B-CUE`, `I-CUE`, `B-CON`, `I-CON`.
pub const LABELS: usize = 7;
/// Label `O`: outside every span.
pub const O: u8 = 0;
/// Label `B-SRC`.
pub const B_SRC: u8 = 1;
/// Label `I-SRC`.
pub const I_SRC: u8 = 2;
/// Label `B-CUE`.
pub const B_CUE: u8 = 3;
/// Label `I-CUE`.
pub const I_CUE: u8 = 4;
/// Label `B-CON`.
pub const B_CON: u8 = 5;
/// Label `I-CON`.
pub const I_CON: u8 = 6;

/// Weights stored per bucket (the seven labels padded to eight, so that a
/// bucket is 16 aligned bytes).
const STRIDE: usize = 8;
/// Row of the transition table used for the first token of a sentence.
const START: usize = LABELS;

/// What the rules said a token is (a feature of the model).
pub const ROLE_NONE: u8 = 0;
/// The rules put the token in a source span.
pub const ROLE_SOURCE: u8 = 1;
/// The rules put the token in a cue span.
pub const ROLE_CUE: u8 = 2;
/// The rules put the token in a content span.
pub const ROLE_CONTENT: u8 = 3;

/// The span kind of a label: 0 none, 1 source, 2 cue, 3 content.
pub fn kind(label: u8) -> u8 {
    label.div_ceil(2)
}

/// Whether `label` opens a span.
pub fn is_begin(label: u8) -> bool {
    label != O && label % 2 == 1
}

/// Whether `to` may follow `from` (`from == None`: the sentence start).
/// An `I-` label continues a span of its own kind; a content span may also
/// run on from the previous sentence.
fn allowed(from: Option<u8>, to: u8) -> bool {
    if to == O || is_begin(to) {
        return true;
    }
    match from {
        None => to == I_CON,
        Some(f) => kind(f) == kind(to),
    }
}

// ---------------------------------------------------------------------
// Hashing.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(FNV_PRIME)
}

fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = fnv_byte(h, b);
    }
    h
}

/// FNV-1a of the lower-cased string (no allocation).
fn hash_lower(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if s.is_ascii() {
        for &b in s.as_bytes() {
            h = fnv_byte(h, b.to_ascii_lowercase());
        }
        return h;
    }
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = fnv_char(h, normalise_char(l));
        }
    }
    h
}

/// Curly apostrophes and quotes read as straight ones.
fn normalise_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        c => c,
    }
}

/// Hash of a feature: template number and up to three value hashes, each
/// multiplied by its own odd constant, folded and multiplied once more
/// (the bucket is taken from the top bits).
pub(crate) fn feature_hash(template: u64, a: u64, b: u64, c: u64) -> u64 {
    feat(template, a, b, c)
}

fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let x = template.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ a.wrapping_mul(0xff51_afd7_ed55_8ccd)
        ^ b.wrapping_mul(0xc4ce_b9fe_1a85_ec53).rotate_left(21)
        ^ c.wrapping_mul(0x8cb9_2ba7_2f3d_8dd7).rotate_left(42);
    (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

// ---------------------------------------------------------------------
// Lexicon classes.

/// Bits of a word's lexicon class.
const LEX_CUE: u8 = 1;
const LEX_PRONOUN: u8 = 2;
const LEX_TITLE: u8 = 4;
const LEX_STANCE: u8 = 8;
const LEX_THAT: u8 = 16;

/// A hasher for keys that are already hashes (one multiplication), and
/// FNV-1a for anything else.
#[derive(Default)]
pub(crate) struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 {
            self.0 = FNV_OFFSET;
        }
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A hash set of words with the FNV hasher above (the standard SipHash is
/// several times slower on short words, and these sets are consulted for
/// every word of every sentence).
pub(crate) type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<PreHashed>>;

/// Lexicon class bits of each listed word, keyed by [`hash_lower`].
type Lexicon = HashMap<u64, u8, BuildHasherDefault<PreHashed>>;

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut m = Lexicon::default();
        let mut add = |words: &mut dyn Iterator<Item = &str>, bit: u8| {
            for w in words {
                *m.entry(hash_lower(w)).or_insert(0) |= bit;
            }
        };
        add(&mut CUE_WORDS.iter().copied(), LEX_CUE);
        add(
            &mut SPEAKER_PRONOUNS
                .iter()
                .copied()
                .chain(["they", "you", "who", "i", "we"]),
            LEX_PRONOUN,
        );
        add(&mut TITLES.iter().copied(), LEX_TITLE);
        add(
            &mut crate::attribution::stance_vocabulary().into_iter(),
            LEX_STANCE,
        );
        add(&mut ["that"].into_iter(), LEX_THAT);
        m
    })
}

/// FNV-1a of the last three characters, lower-cased, last first.
fn suffix_hash(text: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if text.is_ascii() {
        for &b in text.as_bytes().iter().rev().take(3) {
            h = fnv_byte(h, b.to_ascii_lowercase());
        }
        return h;
    }
    for c in text.chars().rev().take(3) {
        for l in c.to_lowercase() {
            h = fnv_char(h, l);
        }
    }
    h
}

/// Shape of a token: `Xx`, `x`, `X`, `d`, or the punctuation itself.
fn shape(t: &Token<'_>) -> u64 {
    match t.kind {
        TokKind::Number => 1,
        TokKind::Punct => hash_lower(t.text),
        TokKind::Word => {
            let (first_up, mut rest_up, mut rest_low);
            if let Some((first, rest)) = t
                .text
                .as_bytes()
                .split_first()
                .filter(|_| t.text.is_ascii())
            {
                // ASCII (most words): the same tests on bytes.
                first_up = first.is_ascii_uppercase();
                rest_up = rest.iter().any(u8::is_ascii_uppercase);
                rest_low = rest.iter().any(u8::is_ascii_lowercase);
            } else {
                let mut chars = t.text.chars();
                first_up = chars.next().is_some_and(|c| c.is_uppercase());
                (rest_up, rest_low) = (false, false);
                for c in chars {
                    rest_up |= c.is_uppercase();
                    rest_low |= c.is_lowercase();
                }
            }
            match (first_up, rest_up, rest_low) {
                (true, _, true) => 2,
                (true, _, false) => 3,
                (false, true, _) => 4,
                _ => 5,
            }
        }
    }
}

/// Key of a word in a [`CueLexicon`]: the top 32 bits of the hash of its
/// lower-cased form (curly apostrophes straightened).
pub fn word_key(text: &str) -> u32 {
    (hash_lower(text) >> 32) as u32
}

/// A crude stem of an ASCII word for the features: one inflectional
/// ending ("-ing", "-ed", "-es", "-s" but not "-ss") and then a final "e"
/// removed, keeping at least three letters ("mocked", "mocks", "mocking"
/// → "mock"; "criticize", "criticized" → "criticiz"). Other words as they
/// are.
fn crude_stem(w: &str) -> &str {
    if !w.is_ascii() || w.len() < 5 {
        return w;
    }
    let b = w.as_bytes();
    let low = |i: usize| b[i].to_ascii_lowercase();
    let n = b.len();
    let ends = |suf: &str| {
        suf.len() < n
            && suf
                .bytes()
                .enumerate()
                .all(|(k, c)| low(n - suf.len() + k) == c)
    };
    let mut cut = if ends("ing") {
        n - 3
    } else if ends("ed") || ends("es") {
        n - 2
    } else if ends("s") && !ends("ss") {
        n - 1
    } else {
        n
    };
    if cut > 3 && low(cut - 1) == b'e' {
        cut -= 1;
    }
    if cut < 3 {
        return w;
    }
    &w[..cut]
}

/// Key of a word's [`crude_stem`] in a [`CueLexicon`] (apart from the
/// words' own keys).
fn stem_key(text: &str) -> u32 {
    word_key(crude_stem(text)) ^ 0x5bd1_e995
}

/// Keys of source statistics: a word's key with these bits flipped.
const SOURCE_KEY: u32 = 0x2f1a_c3b7;

/// How often words served as cues in the training data, learned by the
/// trainer from the annotation (PolNeAR train) and bundled with the
/// weights: for a word's [`word_key`], a class combining the share of its
/// occurrences that fall inside a gold cue span (1: under 5%, 2: under
/// 20%, 3: under 50%, 4: half or more) and whether it was seen as a cue
/// at least three times (+8). Words never seen in a cue are absent
/// (class 0). Only 32-bit hashes are kept, no text. This carries the long
/// tail of cues ("mocked", "voiced", "listed") that the hand-written
/// lexicon misses into the features of the neighbouring words (the
/// distance to the nearest likely cue), where a word's own weights cannot
/// reach.
#[derive(Debug, Clone, Default)]
pub struct CueLexicon {
    map: HashMap<u32, u8, BuildHasherDefault<PreHashed>>,
    /// A digest of `map`, naming its content for [`WordMemo`] (0: empty).
    digest: u64,
}

impl PartialEq for CueLexicon {
    fn eq(&self, other: &CueLexicon) -> bool {
        self.map == other.map
    }
}

/// Occurrence counts per word, for building a [`CueLexicon`].
#[derive(Debug, Clone, Default)]
pub struct CueCounts {
    /// `word_key` → (occurrences inside a cue span, all occurrences).
    counts: HashMap<u32, (u32, u32)>,
}

impl CueCounts {
    /// Count the words of a sentence; `in_cue[i]`: token `i` lies inside
    /// a gold cue span, `in_source[i]`: inside a gold source span.
    pub fn add(&mut self, toks: &[Token<'_>], in_cue: &[bool], in_source: &[bool]) {
        for ((t, &c), &src) in toks.iter().zip(in_cue).zip(in_source) {
            if t.kind != TokKind::Word {
                continue;
            }
            for (key, hit) in [
                (word_key(t.text), c),
                (stem_key(t.text), c),
                (word_key(t.text) ^ SOURCE_KEY, src),
            ] {
                let e = self.counts.entry(key).or_default();
                e.0 += hit as u32;
                e.1 += 1;
            }
        }
    }

    /// Add another set of counts.
    pub fn merge(&mut self, other: &CueCounts) {
        for (&k, &(c, n)) in &other.counts {
            let e = self.counts.entry(k).or_default();
            e.0 += c;
            e.1 += n;
        }
    }

    /// The lexicon of these counts.
    pub fn lexicon(&self) -> CueLexicon {
        let mut map = HashMap::default();
        for (&k, &(c, n)) in &self.counts {
            if c == 0 {
                continue;
            }
            let rate = c as f64 / n as f64;
            let class = match rate {
                r if r < 0.05 => 1,
                r if r < 0.2 => 2,
                r if r < 0.5 => 3,
                _ => 4,
            } | if c >= 3 { 8 } else { 0 };
            map.insert(k, class);
        }
        CueLexicon::with_map(map)
    }
}

impl CueLexicon {
    fn with_map(map: HashMap<u32, u8, BuildHasherDefault<PreHashed>>) -> CueLexicon {
        // Order-free: a sum of mixed entries.
        let digest = map.iter().fold(0u64, |acc, (&k, &c)| {
            acc.wrapping_add(feat(99, k as u64, c as u64, 0))
        });
        CueLexicon { map, digest }
    }

    /// Class of a word (0: never seen in a cue).
    pub fn class(&self, text: &str) -> u8 {
        if self.map.is_empty() {
            return 0;
        }
        self.map.get(&word_key(text)).copied().unwrap_or(0)
    }

    /// Number of words listed.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word is listed.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whether a class marks a likely cue (a fifth or more of the uses).
    fn likely(class: u8) -> bool {
        class & 7 >= 3
    }

    fn write(&self, out: &mut Vec<u8>) {
        let mut v: Vec<(u32, u8)> = self.map.iter().map(|(&k, &c)| (k, c)).collect();
        v.sort_unstable();
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, c) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(c);
        }
    }

    fn read(r: &mut Reader<'_>) -> Option<CueLexicon> {
        let n = r.u32()? as usize;
        let mut map = HashMap::default();
        for _ in 0..n {
            let k = r.u32()?;
            let c = *r.take(1)?.first()?;
            map.insert(k, c);
        }
        Some(CueLexicon::with_map(map))
    }
}

/// Distributional word classes: words used alike in unlabelled news text
/// (the same neighbours one and two places either side) share a class, at
/// two granularities. Built by `crates/facts/examples/build_word_clusters.rs`
/// from PolNeAR train, Reuters-21578, DUC 2003, MultiLing and MSRP train
/// text, and bundled: 32-bit word hashes ([`word_key`]) with a fine and a
/// coarse class number, no text. The tagger reads a word's classes beside
/// the word itself, so what it learned for "urging" in training carries to
/// "imploring" when both fall in one class.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordClasses {
    map: HashMap<u32, (u16, u8), BuildHasherDefault<PreHashed>>,
}

const CLASSES_MAGIC: &[u8; 4] = b"CCWC";

impl WordClasses {
    /// Give the word with key `key` its fine and coarse class (both from 1).
    pub fn insert(&mut self, key: u32, fine: u16, coarse: u8) {
        self.map.insert(key, (fine, coarse));
    }

    /// Fine and coarse class of a word (0, 0 if unknown).
    pub fn get(&self, text: &str) -> (u16, u8) {
        self.get_key(word_key(text))
    }

    /// Fine and coarse class of the word with [`word_key`] `key`.
    pub fn get_key(&self, key: u32) -> (u16, u8) {
        self.map.get(&key).copied().unwrap_or((0, 0))
    }

    /// Number of words classed.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word is classed.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The file format: magic, count, then sorted entries of a `u32` key,
    /// a `u16` fine and a `u8` coarse class (little-endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v: Vec<(u32, (u16, u8))> = self.map.iter().map(|(&k, &c)| (k, c)).collect();
        v.sort_unstable();
        let mut out = Vec::with_capacity(8 + v.len() * 7);
        out.extend_from_slice(CLASSES_MAGIC);
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        for (k, (f, c)) in v {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&f.to_le_bytes());
            out.push(c);
        }
        out
    }

    /// Read [`WordClasses::to_bytes`]; `None` if malformed.
    pub fn from_bytes(b: &[u8]) -> Option<WordClasses> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != CLASSES_MAGIC {
            return None;
        }
        let n = r.u32()? as usize;
        let mut map = HashMap::default();
        map.reserve(n);
        for _ in 0..n {
            let k = r.u32()?;
            let f = u16::from_le_bytes(r.take(2)?.try_into().ok()?);
            let c = *r.take(1)?.first()?;
            map.insert(k, (f, c));
        }
        (r.at == b.len()).then_some(WordClasses { map })
    }
}

/// The bundled word classes (empty if the file cannot be read).
pub fn word_classes() -> &'static WordClasses {
    static C: OnceLock<WordClasses> = OnceLock::new();
    C.get_or_init(|| {
        WordClasses::from_bytes(include_bytes!("../data/word_classes.bin")).unwrap_or_default()
    })
}

/// Bucketed distance (0 = none within reach).
fn dist_bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=9 => 5,
        10..=16 => 6,
        _ => 7,
    }
}

fn is_quote_mark(t: &Token<'_>) -> bool {
    t.kind == TokKind::Punct && matches!(t.text, "“" | "”" | "\"" | "''" | "``")
}

/// Quote state of each token: whether it is inside a quotation (the marks
/// themselves count as inside). `open` is the state carried in from the
/// previous sentence and is updated to the state at the sentence end.
pub fn quote_states(toks: &[Token<'_>], open: &mut bool) -> Vec<bool> {
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        if t.kind == TokKind::Punct {
            match t.text {
                "“" | "``" => {
                    *open = true;
                    out.push(true);
                    continue;
                }
                "”" => {
                    out.push(true);
                    *open = false;
                    continue;
                }
                "\"" | "''" => {
                    out.push(true);
                    *open = !*open;
                    continue;
                }
                _ => {}
            }
        }
        out.push(*open);
    }
    out
}

/// The code of a token for the features: 0 outside every entity mention,
/// else the mention's kind (1 person, 2 organisation, 3 place, 4 other),
/// plus 4 for a token after the mention's first.
pub fn entity_code(kind: u8, first: bool) -> u8 {
    kind + if first { 0 } else { 4 }
}

/// Number of feature templates read per token.
const FEATURES: usize = 46;

/// The hashed features of one sentence: for token `i`,
/// `feats[offsets[i]..offsets[i + 1]]` are bucket numbers.
#[derive(Debug, Default, Clone)]
pub struct SentenceFeatures {
    pub feats: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl SentenceFeatures {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn token(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// Compute the features of a sentence. `roles` are the rules' roles per
/// token ([`ROLE_NONE`] ...), `quoted` the quote state per token
/// ([`quote_states`]), `open_at_start` whether the sentence opens inside a
/// quotation carried from the previous one, `prev_attributed` whether the
/// previous sentence held a statement, `learned` the cue lexicon learned
/// with the weights, `entities` the entity mention of each token
/// ([`entity_code`]).
#[allow(clippy::too_many_arguments)]
pub fn sentence_features(
    toks: &[Token<'_>],
    roles: &[u8],
    quoted: &[bool],
    open_at_start: bool,
    prev_attributed: bool,
    bits: u32,
    learned: &CueLexicon,
    entities: &[u8],
) -> SentenceFeatures {
    features_of(
        &TokenReading::new(toks, learned),
        toks,
        roles,
        quoted,
        open_at_start,
        prev_attributed,
        bits,
        entities,
    )
}

/// What the features read of each token's word, for the source ranker
/// to reuse ([`crate::attribution::sources`] reads the same): its
/// [`word_key`], and its fine and coarse [`WordClasses`] (0 for a token
/// that is not a word).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordInfo {
    pub key: u32,
    pub fine: u16,
    pub coarse: u8,
}

/// What the features read of each token on its own (two padding tokens
/// on each side): word hash, shape hash, lexicon class, learned cue
/// classes, word classes.
#[derive(Clone, Copy)]
struct Tk {
    word: u64,
    shape: u64,
    class: u8,
    learned: u8,
    learned_stem: u8,
    stem: u64,
    source: u8,
    /// Fine and coarse word class ([`WordClasses`]; 0: unknown).
    fine: u64,
    coarse: u64,
}

/// What the features read of a word that depends on its lower-cased text
/// alone: lexicon class, learned cue classes of the word and of its
/// [`crude_stem`], the stem's hash, its source statistics and word classes.
#[derive(Clone, Copy)]
struct WordRead {
    class: u8,
    learned: u8,
    learned_stem: u8,
    source: u8,
    stem: u64,
    fine: u16,
    coarse: u8,
}

/// The [`WordRead`]s of the words this thread has read with one cue
/// lexicon, keyed by the word's [`hash_lower`] (and whether it is ASCII,
/// which decides whether it is stemmed). Five table lookups and a stem per
/// word become one lookup for the words a story repeats; forgotten when
/// the lexicon changes or the memo grows past [`WordMemo::LIMIT`] words
/// (at most about 0.8 MB a thread: 32,768 slots of 25 bytes).
#[derive(Default)]
struct WordMemo {
    lexicon: u64,
    words: HashMap<u64, WordRead, BuildHasherDefault<PreHashed>>,
}

impl WordMemo {
    const LIMIT: usize = 1 << 14;

    fn read(&mut self, t: &Token<'_>, word: u64, learned: &CueLexicon) -> WordRead {
        if self.lexicon != learned.digest || self.words.len() >= Self::LIMIT {
            self.words.clear();
            self.lexicon = learned.digest;
        }
        let ascii = t.text.is_ascii();
        let key = if ascii { word } else { !word };
        *self.words.entry(key).or_insert_with(|| {
            let cut = crude_stem(t.text);
            let stem = if cut.len() == t.text.len() {
                word
            } else {
                hash_lower(cut)
            };
            let key = (word >> 32) as u32;
            let (fine, coarse) = word_classes().get_key(key);
            WordRead {
                class: lexicon().get(&word).copied().unwrap_or(0),
                learned: learned.map.get(&key).copied().unwrap_or(0),
                learned_stem: learned
                    .map
                    .get(&(((stem >> 32) as u32) ^ 0x5bd1_e995))
                    .copied()
                    .unwrap_or(0),
                source: learned.map.get(&(key ^ SOURCE_KEY)).copied().unwrap_or(0),
                stem,
                fine,
                coarse,
            }
        })
    }
}

thread_local! {
    static WORD_MEMO: std::cell::RefCell<WordMemo> = std::cell::RefCell::default();
    /// The token table of the last [`TokenReading`] read to its end
    /// ([`TokenReading::into_words`]), for the next sentence's.
    static SPARE_TK: std::cell::Cell<Vec<Tk>> = const { std::cell::Cell::new(Vec::new()) };
}

/// A sentence's tokens as the features read them, one at a time: the
/// first half of [`sentence_features`], enough to tell whether the
/// sentence may hold a statement at all ([`TokenReading::quiet`]).
pub(crate) struct TokenReading {
    tk: Vec<Tk>,
    words: Vec<WordInfo>,
}

impl TokenReading {
    /// Read each token's word (`learned`: the model's cue lexicon).
    pub(crate) fn new(toks: &[Token<'_>], learned: &CueLexicon) -> TokenReading {
        let n = toks.len();
        let mut words = Vec::with_capacity(n);
        const PAD: u64 = 0x5151;
        let pad = |k: u64| Tk {
            word: PAD + k,
            shape: PAD + k,
            class: 0,
            learned: 0,
            learned_stem: 0,
            stem: PAD + k,
            source: 0,
            fine: PAD + k,
            coarse: PAD + k,
        };
        let mut tk = SPARE_TK.take();
        tk.clear();
        tk.reserve(n + 4);
        tk.extend([pad(0), pad(1)]);
        WORD_MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            for t in toks {
                let word = hash_lower(t.text);
                let r = if t.kind == TokKind::Word {
                    memo.read(t, word, learned)
                } else {
                    WordRead {
                        class: 0,
                        learned: 0,
                        learned_stem: 0,
                        source: 0,
                        stem: word,
                        fine: 0,
                        coarse: 0,
                    }
                };
                words.push(WordInfo {
                    key: (word >> 32) as u32,
                    fine: r.fine,
                    coarse: r.coarse,
                });
                tk.push(Tk {
                    fine: r.fine as u64,
                    coarse: r.coarse as u64,
                    word,
                    shape: shape(t),
                    class: r.class,
                    learned: r.learned,
                    learned_stem: r.learned_stem,
                    stem: r.stem,
                    source: r.source,
                });
            }
        });
        tk.extend([pad(2), pad(3)]);
        TokenReading { tk, words }
    }

    /// What the features read of each token's word, for the source
    /// ranker and the decoder.
    pub(crate) fn into_words(self) -> Vec<WordInfo> {
        if self.tk.capacity() <= 1 << 12 {
            SPARE_TK.set(self.tk);
        }
        self.words
    }

    /// Whether the sentence (one whose rules found nothing and which does
    /// not open inside a quotation) has nothing the tagger attributes
    /// from: no word that is a lexicon cue or stance word or a likely
    /// learned cue, no quotation mark, no colon ("Holm: ‘We stay’" in
    /// headlines). The tagger then labels every token outside: on PolNeAR
    /// train it labelled something in 55 of the 5 242 such sentences (a
    /// fifth of all), and on dev skipping them left every score the same
    /// or up by 0.001. So the features are not computed for them (a fifth
    /// of the tagger's time on news).
    pub(crate) fn quiet(&self, toks: &[Token<'_>]) -> bool {
        toks.iter().zip(&self.tk[2..]).all(|(t, k)| {
            if t.kind == TokKind::Word {
                k.class & (LEX_CUE | LEX_STANCE) == 0
                    && !CueLexicon::likely(k.learned)
                    && !CueLexicon::likely(k.learned_stem)
            } else {
                !is_quote_mark(t) && !matches!(t.text, ":" | "‘" | "’" | "'" | "`")
            }
        })
    }
}

/// Distance to and word of the nearest candidate cue on each side of a
/// token (0: none), and whether a "that" lies between the left one and the
/// token ([`features_of`]).
#[derive(Clone, Copy, Default)]
struct Near {
    left: usize,
    left_word: u64,
    left_fine: u64,
    right: usize,
    right_word: u64,
    right_fine: u64,
    that_since: bool,
    /// Commas between the token and the nearest candidate on the
    /// left, on the right (at most 2).
    commas_left: u8,
    commas_right: u8,
    /// Learned class of the nearest candidate on the right.
    right_learned: u8,
}

thread_local! {
    /// [`Model::tag`]'s emission scores and back pointers.
    static TAG_BUFFERS: std::cell::Cell<(Vec<f32>, Vec<[u8; LABELS]>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
    /// The buffers of the last sentence's features, handed back by
    /// [`recycle`], and of its [`Near`] table, for the next sentence's
    /// [`features_of`]: a long sentence's take a few kilobytes, and
    /// allocating and freeing them for every sentence cost about 2% of the
    /// facts stage's time.
    static SPARE: std::cell::Cell<Option<SentenceFeatures>> = const { std::cell::Cell::new(None) };
    static NEAR: std::cell::Cell<Vec<Near>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Hand a sentence's features back once tagged, for [`features_of`] to
/// reuse their buffers (one per thread, and none larger than 64k
/// features: a freak sentence's buffer is freed).
pub(crate) fn recycle(f: SentenceFeatures) {
    if f.feats.capacity() <= 1 << 16 {
        SPARE.set(Some(f));
    }
}

/// [`sentence_features`] of a sentence already read.
#[allow(clippy::too_many_arguments)]
pub(crate) fn features_of(
    reading: &TokenReading,
    toks: &[Token<'_>],
    roles: &[u8],
    quoted: &[bool],
    open_at_start: bool,
    prev_attributed: bool,
    bits: u32,
    entities: &[u8],
) -> SentenceFeatures {
    let n = toks.len();
    let tk = &reading.tk;
    let shift = 64 - bits;
    let cand = |i: usize| {
        roles[i] == ROLE_CUE
            || tk[i + 2].class & (LEX_CUE | LEX_STANCE) != 0
            || CueLexicon::likely(tk[i + 2].learned)
            || CueLexicon::likely(tk[i + 2].learned_stem)
    };
    let mut near = NEAR.take();
    near.clear();
    near.resize(n, Near::default());
    let mut last: Option<usize> = None;
    let mut seen_that = false;
    let mut commas = 0u8;
    let is_comma = |i: usize| toks[i].kind == TokKind::Punct && toks[i].text == ",";
    for i in 0..n {
        if let Some(l) = last {
            near[i].left = i - l;
            near[i].left_word = tk[l + 2].word;
            near[i].left_fine = tk[l + 2].fine;
            near[i].that_since = seen_that;
            near[i].commas_left = commas;
        }
        if cand(i) {
            last = Some(i);
            seen_that = false;
            commas = 0;
        } else if tk[i + 2].class & LEX_THAT != 0 {
            seen_that = true;
        } else if is_comma(i) {
            commas = (commas + 1).min(2);
        }
    }
    last = None;
    commas = 0;
    for i in (0..n).rev() {
        if let Some(l) = last {
            near[i].right = l - i;
            near[i].right_word = tk[l + 2].word;
            near[i].right_fine = tk[l + 2].fine;
            near[i].commas_right = commas;
            near[i].right_learned = tk[l + 2].learned;
        }
        if cand(i) {
            last = Some(i);
            commas = 0;
        } else if is_comma(i) {
            commas = (commas + 1).min(2);
        }
    }
    let has_quote = quoted.iter().any(|&q| q);
    let has_rule = roles.iter().any(|&r| r != ROLE_NONE);
    let has_learned = tk.iter().any(|t| CueLexicon::likely(t.learned));
    let sent_ctx = (has_quote as u64)
        | (has_rule as u64) << 1
        | (open_at_start as u64) << 2
        | (prev_attributed as u64) << 3
        | (has_learned as u64) << 4;
    let role = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            9
        } else {
            roles[i as usize] as u64
        }
    };
    // A feature's bucket.
    let h = |template: u64, a: u64, b: u64, c: u64| (feat(template, a, b, c) >> shift) as u32;
    let mut out = SPARE.take().unwrap_or_default();
    out.feats.clear();
    out.feats.reserve(n * FEATURES);
    out.offsets.clear();
    out.offsets.reserve(n + 1);
    out.offsets.push(0);
    for i in 0..n {
        let k = i + 2;
        let (w0, wm1, wp1, wm2, wp2) = (
            tk[k].word,
            tk[k - 1].word,
            tk[k + 1].word,
            tk[k - 2].word,
            tk[k + 2].word,
        );
        let (s0, sm1, sp1) = (tk[k].shape, tk[k - 1].shape, tk[k + 1].shape);
        let (c0, cm1) = (tk[k].class as u64, tk[k - 1].class as u64);
        let q = quoted[i] as u64 | (is_quote_mark(&toks[i]) as u64) << 1;
        let r0 = role(i as isize);
        let rm = role(i as isize - 1);
        let rp = role(i as isize + 1);
        let nr = near[i];
        let dl = dist_bucket(nr.left);
        let dr = dist_bucket(nr.right);
        let pos = match i {
            0 => 0,
            1 => 1,
            2..=3 => 2,
            _ if i + 2 >= n => 3,
            _ if i * 2 < n => 4,
            _ => 5,
        };
        let suf = suffix_hash(toks[i].text);
        let (l0, lm1, lp1) = (
            tk[k].learned as u64,
            tk[k - 1].learned as u64,
            tk[k + 1].learned as u64,
        );
        let ent = |j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                15
            } else {
                entities[j as usize] as u64
            }
        };
        let (e0, em1, ep1) = (ent(i as isize), ent(i as isize - 1), ent(i as isize + 1));
        // The most source-like of the next three words ("in a new poll").
        let src_right = tk[k + 1]
            .source
            .max(tk[k + 2].source)
            .max(tk.get(k + 3).map_or(0, |t| t.source)) as u64;
        let fs: [u32; FEATURES] = [
            h(1, 0, 0, 0),
            h(2, w0, 0, 0),
            h(3, wm1, 0, 0),
            h(4, wp1, 0, 0),
            h(5, wm2, 0, 0),
            h(6, wp2, 0, 0),
            h(7, wm1, w0, 0),
            h(8, w0, wp1, 0),
            h(9, s0, 0, 0),
            h(10, suf, 0, 0),
            h(11, sm1, s0, sp1),
            h(12, c0, 0, 0),
            h(15, q, 0, 0),
            h(16, r0, 0, 0),
            h(17, rm, r0, rp),
            h(18, r0, w0, 0),
            h(21, dl, q, nr.that_since as u64),
            h(22, dr, q, 0),
            h(24, pos, sent_ctx, q),
            h(25, dl, dr, r0),
            h(26, tk[2].word, pos, 0),
            h(27, w0, q, 0),
            h(28, c0, wp1, 0),
            h(29, c0, wm1, 0),
            h(35, nr.left_word, dl, q),
            h(36, nr.right_word, dr, q),
            h(41, suf, sm1, cm1),
            h(42, sm1, cm1, w0),
            h(43, suf, sp1, 0),
            h(50, l0, 0, 0),
            h(51, lm1, l0, lp1),
            h(52, l0, sm1, q),
            h(53, e0, dr, dl),
            h(54, em1, e0, ep1),
            h(55, dr, nr.commas_right as u64, (e0 != 0) as u64),
            h(56, dl, nr.commas_left as u64, q),
            h(57, e0, nr.right_learned as u64, dr),
            h(58, tk[k].stem, 0, 0),
            h(59, tk[k].learned_stem as u64, l0, 0),
            h(60, tk[k].source as u64, dr, q),
            h(61, w0, src_right, 0),
            h(70, tk[k].fine, 0, 0),
            h(71, tk[k - 1].coarse, tk[k].coarse, tk[k + 1].coarse),
            h(72, tk[k].fine, tk[k + 1].fine, 0),
            h(73, nr.left_fine, dl, q),
            h(74, nr.right_fine, dr, q),
        ];
        out.feats.extend_from_slice(&fs);
        out.offsets.push(out.feats.len() as u32);
    }
    if near.capacity() <= 1 << 12 {
        NEAR.set(near);
    }
    out
}

// ---------------------------------------------------------------------
// Decoding.

/// Transition weights with the BIO constraints applied (forbidden moves
/// at minus infinity).
fn masked(trans: &[[f32; LABELS]; LABELS + 1]) -> [[f32; LABELS]; LABELS + 1] {
    let mut m = *trans;
    for (from, row) in m.iter_mut().enumerate() {
        let f = (from < LABELS).then_some(from as u8);
        for (to, t) in row.iter_mut().enumerate() {
            if !allowed(f, to as u8) {
                *t = f32::NEG_INFINITY;
            }
        }
    }
    m
}

/// Best label sequence by Viterbi. `emit[i * LABELS + l]` is the emission
/// score of label `l` at token `i`; `trans[from][to]` (already masked by
/// [`masked`]: the moves it forbids are not tried) with row [`START`] for
/// the first token.
fn viterbi(n: usize, emit: &[f32], trans: &[[f32; LABELS]; LABELS + 1]) -> Vec<u8> {
    viterbi_with(n, emit, trans, &mut Vec::new())
}

/// [`viterbi`] with a buffer for its back pointers.
fn viterbi_with(
    n: usize,
    emit: &[f32],
    trans: &[[f32; LABELS]; LABELS + 1],
    back: &mut Vec<[u8; LABELS]>,
) -> Vec<u8> {
    if n == 0 {
        return Vec::new();
    }
    back.clear();
    back.resize(n, [0u8; LABELS]);
    let mut score = [0f32; LABELS];
    for (l, s) in score.iter_mut().enumerate() {
        *s = trans[START][l] + emit[l];
    }
    // `O` and a `B-` label may follow any label, an `I-` label only the
    // `B-` and `I-` labels of its kind: every other move is minus infinity
    // in the masked `trans`, so it never beats the best so far (nor does a
    // NaN) and is not tried. The others are tried in label order, as all
    // would be: the first of equal scores wins.
    const ANY: [usize; LABELS] = [0, 1, 2, 3, 4, 5, 6];
    const OPEN: [u8; 4] = [O, B_SRC, B_CUE, B_CON];
    const INSIDE: [u8; 3] = [I_SRC, I_CUE, I_CON];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; LABELS];
        let mut step = |l: usize, from: &[usize]| {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for &p in from {
                let s = score[p] + trans[p][l];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[l] = best + emit[i * LABELS + l];
            back[i][l] = arg;
        };
        for l in OPEN {
            step(l as usize, &ANY);
        }
        for l in INSIDE {
            step(l as usize, &[l as usize - 1, l as usize]);
        }
        score = next;
    }
    let mut best = 0usize;
    for l in 1..LABELS {
        if score[l] > score[best] {
            best = l;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = best as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// The bundled model, quantised.
pub struct Model {
    bits: u32,
    /// `2^bits` rows of weights, one per bucket.
    weights: Vec<[i16; STRIDE]>,
    /// Transition weights, masked by the BIO constraints.
    trans: [[f32; LABELS]; LABELS + 1],
    /// The value of one weight unit.
    scale: f32,
    /// Added to every label but `O`: trades precision for recall (chosen
    /// on held-out train documents by the trainer).
    bias: [f32; LABELS],
    /// The cue words learned with the weights.
    lexicon: CueLexicon,
    /// Whether every weight lies within `QMAX` either way (true of the
    /// trainer's files), so that eight sum exactly in 16 bits.
    narrow: bool,
}

const MAGIC: &[u8; 4] = b"CCAT";

/// The largest quantised weight: 12 bits of precision, leaving headroom
/// for sums of several large weights in 16 bits.
const QMAX: f32 = 4095.0;

impl Model {
    /// Hash bits of the model.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The cue lexicon the weights were trained with.
    pub fn lexicon(&self) -> &CueLexicon {
        &self.lexicon
    }

    /// The summed weights of `buckets`, per label lane: 32-bit sums over
    /// the eight lanes of each bucket (the loops vectorise). A token reads
    /// at most `FEATURES` buckets of weights of at most `QMAX`, far from
    /// overflowing.
    // Not inlined: inlined into `tag`, which reads seven of the eight
    // lanes, the compiler drops the eighth and adds the other seven as
    // three scalars and a half vector; out of line, all eight lanes are
    // added as vectors.
    #[inline(never)]
    fn sums(&self, buckets: &[u32]) -> [i32; STRIDE] {
        let mut acc = [0i32; STRIDE];
        if self.narrow {
            // Every weight is within `QMAX` (checked on loading), so any
            // eight of them sum exactly in 16 bits: add rows eight at a
            // time in 16-bit lanes and widen once per eight, which is half
            // the work per row of widening each one. The sums are the same
            // integers.
            for chunk in buckets.chunks(8) {
                let mut part = [0i16; STRIDE];
                for &b in chunk {
                    if let Some(row) = self.weights.get(b as usize) {
                        for (p, &w) in part.iter_mut().zip(row) {
                            *p += w;
                        }
                    }
                }
                for (a, &p) in acc.iter_mut().zip(&part) {
                    *a += p as i32;
                }
            }
            return acc;
        }
        for &b in buckets {
            if let Some(row) = self.weights.get(b as usize) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
        acc
    }

    /// Labels of a sentence.
    pub fn tag(&self, f: &SentenceFeatures) -> Vec<u8> {
        let n = f.len();
        // The emission scores and back pointers of the last sentence
        // tagged on this thread, reused (two allocations fewer a sentence).
        let (mut emit, mut back) = TAG_BUFFERS.take();
        emit.clear();
        emit.resize(n * LABELS, 0.0);
        for i in 0..n {
            let acc = self.sums(f.token(i));
            for l in 0..LABELS {
                emit[i * LABELS + l] = acc[l] as f32 * self.scale + self.bias[l];
            }
        }
        let labels = viterbi_with(n, &emit, &self.trans, &mut back);
        // As the other buffers: a freak sentence's are freed.
        if back.capacity() <= 1 << 12 {
            TAG_BUFFERS.set((emit, back));
        }
        labels
    }

    /// Read a model written by [`Weights::to_bytes`]; `None` if malformed.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader { b, at: 0 };
        if r.take(4)? != MAGIC {
            return None;
        }
        let bits = r.u32()?;
        if !(10..=24).contains(&bits) {
            return None;
        }
        let scale = f32::from_bits(r.u32()?);
        let recall_bias = f32::from_bits(r.u32()?);
        let mut bias = [recall_bias; LABELS];
        bias[O as usize] = 0.0;
        let mut trans = [[0f32; LABELS]; LABELS + 1];
        for row in trans.iter_mut() {
            for t in row.iter_mut() {
                *t = f32::from_bits(r.u32()?);
            }
        }
        let count = r.u32()? as usize;
        let size = 1usize << bits;
        let mut weights = vec![[0i16; STRIDE]; size];
        let mut bucket = 0usize;
        for k in 0..count {
            let delta = r.varint()? as usize;
            bucket = if k == 0 { delta } else { bucket + delta };
            if bucket >= size {
                return None;
            }
            for w in weights[bucket].iter_mut().take(LABELS) {
                *w = r.i16()?;
            }
        }
        // Files written before the lexicon existed end here.
        let lexicon = if r.at == r.b.len() {
            CueLexicon::default()
        } else {
            CueLexicon::read(&mut r)?
        };
        let narrow = weights
            .iter()
            .flatten()
            .all(|&w| (w as i32).abs() <= QMAX as i32);
        Some(Model {
            bits,
            weights,
            trans: masked(&trans),
            scale,
            bias,
            lexicon,
            narrow,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.at..self.at + n)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(i16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.take(1)?.first()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

/// The bundled weights (trained on the PolNeAR train split).
static BUNDLED: &[u8] = include_bytes!("../data/attribution.weights");

/// The bundled model, decoded on first use.
pub fn bundled() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(BUNDLED)).as_ref()
}

// ---------------------------------------------------------------------
// Training.

/// One training sentence: features and gold labels.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: SentenceFeatures,
    pub gold: Vec<u8>,
}

/// The training margin of [`Weights::epoch`]: the cost added to a wrong
/// label of a token when decoding during training, for source and cue
/// labels (`key`) and for the others (`other`). Zero costs give the plain
/// perceptron.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margin {
    pub key: f32,
    pub other: f32,
}

/// Weights being trained (full precision, with the running sums that
/// averaging needs).
#[derive(Clone)]
pub struct Weights {
    bits: u32,
    w: Vec<f32>,
    /// Sum of `step * update` for the averaged weights `w - u / step`.
    u: Vec<f32>,
    tw: [[f32; LABELS]; LABELS + 1],
    tu: [[f32; LABELS]; LABELS + 1],
    step: f32,
    /// The cue lexicon written with the weights (the features of the
    /// training examples must have been computed with a lexicon of the
    /// same kind).
    pub lexicon: CueLexicon,
}

impl Weights {
    /// Zero weights over `2^bits` buckets.
    pub fn new(bits: u32) -> Weights {
        let size = (1usize << bits) * STRIDE;
        Weights {
            bits,
            w: vec![0.0; size],
            u: vec![0.0; size],
            tw: [[0.0; LABELS]; LABELS + 1],
            tu: [[0.0; LABELS]; LABELS + 1],
            step: 1.0,
            lexicon: CueLexicon::default(),
        }
    }

    /// Best labels under the current (not averaged) weights, with a cost
    /// added to every label that differs from `gold` (cost-augmented
    /// decoding: the update then also fires on sentences tagged right by
    /// too small a margin). The cost is `m.key` where the gold or the
    /// other label is a source or cue label, `m.other` elsewhere: a
    /// content boundary one token off matters less than a missed source.
    fn tag(&self, f: &SentenceFeatures, gold: &[u8], m: Margin) -> Vec<u8> {
        let n = f.len();
        let mut emit = vec![0f32; n * LABELS];
        let key = |x: u8| kind(x) == 1 || kind(x) == 2;
        for i in 0..n {
            for &b in f.token(i) {
                let row = &self.w[b as usize * STRIDE..b as usize * STRIDE + LABELS];
                for l in 0..LABELS {
                    emit[i * LABELS + l] += row[l];
                }
            }
            for l in 0..LABELS as u8 {
                if gold[i] != l {
                    emit[i * LABELS + l as usize] += if key(gold[i]) || key(l) {
                        m.key
                    } else {
                        m.other
                    };
                }
            }
        }
        viterbi(n, &emit, &masked(&self.tw))
    }

    fn update(&mut self, f: &SentenceFeatures, labels: &[u8], delta: f32) {
        let c = self.step * delta;
        let mut prev = START;
        for (i, &l) in labels.iter().enumerate() {
            for &b in f.token(i) {
                let k = b as usize * STRIDE + l as usize;
                self.w[k] += delta;
                self.u[k] += c;
            }
            self.tw[prev][l as usize] += delta;
            self.tu[prev][l as usize] += c;
            prev = l as usize;
        }
    }

    /// One perceptron pass over `examples` in the order given by `order`,
    /// with the training margin `margin`; returns the number of sentences
    /// tagged wrongly (under the margin).
    pub fn epoch(&mut self, examples: &[Example], order: &[usize], margin: Margin) -> usize {
        let mut errors = 0;
        for &k in order {
            let ex = &examples[k];
            let pred = self.tag(&ex.features, &ex.gold, margin);
            if pred != ex.gold {
                errors += 1;
                self.update(&ex.features, &ex.gold, 1.0);
                self.update(&ex.features, &pred, -1.0);
            }
            self.step += 1.0;
        }
        errors
    }

    /// The averaged weights, quantised to `i16`, as the bundled file format:
    /// magic, bits, scale, recall bias, transitions (f32), then the non-zero buckets as
    /// a varint gap from the previous bucket and seven `i16` weights, then
    /// the cue lexicon (a count, then sorted `u32` word keys each with a
    /// class byte).
    /// `recall_bias` is added to the score of every label but `O` when
    /// tagging.
    pub fn to_bytes(&self, recall_bias: f32) -> Vec<u8> {
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.step)
            .collect();
        let max = avg.iter().fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
        let scale = max / QMAX;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        out.extend_from_slice(&recall_bias.to_bits().to_le_bytes());
        for (rw, ru) in self.tw.iter().zip(&self.tu) {
            for (w, u) in rw.iter().zip(ru) {
                out.extend_from_slice(&(w - u / self.step).to_bits().to_le_bytes());
            }
        }
        let buckets: Vec<(usize, [i16; LABELS])> = avg
            .chunks(STRIDE)
            .enumerate()
            .filter_map(|(b, row)| {
                let mut q = [0i16; LABELS];
                for l in 0..LABELS {
                    q[l] = (row[l] / scale).round().clamp(-QMAX, QMAX) as i16;
                }
                q.iter().any(|&x| x != 0).then_some((b, q))
            })
            .collect();
        out.extend_from_slice(&(buckets.len() as u32).to_le_bytes());
        let mut prev = 0usize;
        for (k, (b, q)) in buckets.iter().enumerate() {
            let mut gap = if k == 0 { *b } else { b - prev } as u64;
            prev = *b;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        self.lexicon.write(&mut out);
        out
    }
}

/// Gold BIO labels of a sentence's tokens from span lists (byte ranges).
/// Where spans overlap, a cue wins over a source and a source over a
/// content (nested attributions inside a content).
pub fn gold_labels(
    toks: &[Token<'_>],
    source: &[(usize, usize)],
    cue: &[(usize, usize)],
    content: &[(usize, usize)],
) -> Vec<u8> {
    let mut out = vec![O; toks.len()];
    let mut prev: Option<(u8, usize)> = None;
    for (i, t) in toks.iter().enumerate() {
        let find =
            |spans: &[(usize, usize)]| spans.iter().position(|&(s, e)| t.start >= s && t.start < e);
        let hit = find(cue)
            .map(|k| (2u8, k))
            .or_else(|| find(source).map(|k| (1u8, k)))
            .or_else(|| find(content).map(|k| (3u8, k)));
        out[i] = match hit {
            None => O,
            Some((kind, k)) => {
                // A content span that began in an earlier sentence runs on.
                let cont =
                    prev == Some((kind, k)) || (i == 0 && kind == 3 && content[k].0 < t.start);
                let base = kind * 2 - 1;
                if cont {
                    base + 1
                } else {
                    base
                }
            }
        };
        prev = hit;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn viterbi_respects_bio() {
        let trans = [[0.0; LABELS]; LABELS + 1];
        // I-CUE is the best label alone at token 1, but may not follow O.
        let mut emit = vec![0f32; 2 * LABELS];
        emit[O as usize] = 1.0;
        emit[LABELS + I_CUE as usize] = 5.0;
        emit[LABELS + B_CUE as usize] = 4.0;
        assert_eq!(viterbi(2, &emit, &masked(&trans)), vec![O, B_CUE]);
    }

    /// Viterbi trying every move, as written before the forbidden ones
    /// were skipped.
    fn viterbi_every_move(n: usize, emit: &[f32], trans: &[[f32; LABELS]; LABELS + 1]) -> Vec<u8> {
        let mut back = vec![[0u8; LABELS]; n];
        let mut score: [f32; LABELS] = std::array::from_fn(|l| trans[START][l] + emit[l]);
        for i in 1..n {
            let mut next = [f32::NEG_INFINITY; LABELS];
            for (l, nx) in next.iter_mut().enumerate() {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
                for (p, &sp) in score.iter().enumerate() {
                    if sp + trans[p][l] > best {
                        best = sp + trans[p][l];
                        arg = p as u8;
                    }
                }
                *nx = best + emit[i * LABELS + l];
                back[i][l] = arg;
            }
            score = next;
        }
        let mut best = 0;
        for l in 1..LABELS {
            if score[l] > score[best] {
                best = l;
            }
        }
        let mut out = vec![best as u8; n];
        for i in (1..n).rev() {
            out[i - 1] = back[i][out[i] as usize];
        }
        out
    }

    #[test]
    fn skipping_forbidden_moves_changes_no_path() {
        // Small integer scores, so that ties are common.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 7) as f32 - 3.0
        };
        for n in 1..40 {
            let mut trans = [[0f32; LABELS]; LABELS + 1];
            for row in trans.iter_mut() {
                for t in row.iter_mut() {
                    *t = next();
                }
            }
            let trans = masked(&trans);
            let emit: Vec<f32> = (0..n * LABELS).map(|_| next()).collect();
            assert_eq!(
                viterbi(n, &emit, &trans),
                viterbi_every_move(n, &emit, &trans),
                "{n} tokens"
            );
        }
    }

    #[test]
    fn weights_round_trip() {
        let toks = tokenize("Officials said it rained.", 0);
        let mut open = false;
        let q = quote_states(&toks, &mut open);
        let f = sentence_features(
            &toks,
            &[0; 5],
            &q,
            false,
            false,
            12,
            &CueLexicon::default(),
            &[0; 5],
        );
        let gold = vec![B_SRC, B_CUE, B_CON, I_CON, O];
        let ex = vec![Example {
            features: f.clone(),
            gold: gold.clone(),
        }];
        let mut w = Weights::new(12);
        for _ in 0..5 {
            w.epoch(
                &ex,
                &[0],
                Margin {
                    key: 1.0,
                    other: 0.5,
                },
            );
        }
        let m = Model::from_bytes(&w.to_bytes(0.0)).expect("parses");
        assert_eq!(m.tag(&f), gold);
    }

    #[test]
    fn word_classes_round_trip_and_are_bundled() {
        let mut c = WordClasses::default();
        c.insert(word_key("said"), 7, 2);
        c.insert(word_key("told"), 7, 2);
        let back = WordClasses::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.get("Said"), (7, 2));
        assert_eq!(back.get("unknown"), (0, 0));
        let mut cut = c.to_bytes();
        cut.pop();
        assert!(WordClasses::from_bytes(&cut).is_none());
        // The bundled classes put common reporting verbs together.
        let b = word_classes();
        assert!(b.len() > 10_000);
        assert_ne!(b.get("said"), (0, 0));
        assert_eq!(b.get("said"), b.get("told"));
    }

    #[test]
    fn quiet_sentences_have_no_cue_quote_or_colon() {
        let lexicon = bundled().expect("bundled model").lexicon();
        let quiet = |t: &str| {
            let toks = tokenize(t, 0);
            TokenReading::new(&toks, lexicon).quiet(&toks)
        };
        assert!(quiet("The ferry left Tarvik at noon with 40 passengers."));
        assert!(!quiet(
            "The ferry left Tarvik at noon, the harbour office said."
        ));
        assert!(!quiet("Officials believe the ferry left at noon."));
        assert!(!quiet("“The ferry left at noon.”"));
        assert!(!quiet("Holm: ‘The ferry left at noon.’"));
    }

    #[test]
    fn the_word_memo_follows_the_lexicon() {
        let toks = tokenize("Ms. Holm said the ferry left.", 0);
        let learned = |lexicon: &CueLexicon| {
            let r = TokenReading::new(&toks, lexicon);
            r.tk[2..].iter().map(|k| k.learned).collect::<Vec<_>>()
        };
        let bundled = bundled().expect("bundled model").lexicon();
        let said = learned(bundled);
        assert!(said.iter().any(|&c| CueLexicon::likely(c)), "{said:?}");
        // Read again: from the memo, the same.
        assert_eq!(learned(bundled), said);
        // Another lexicon: nothing learned, whatever the memo holds.
        assert!(learned(&CueLexicon::default()).iter().all(|&c| c == 0));
        assert_eq!(learned(bundled), said);
    }

    #[test]
    fn crude_stems() {
        assert_eq!(crude_stem("mocked"), "mock");
        assert_eq!(crude_stem("Mocks"), "Mock");
        assert_eq!(crude_stem("mocking"), "mock");
        assert_eq!(crude_stem("criticize"), "criticiz");
        assert_eq!(crude_stem("criticizes"), "criticiz");
        assert_eq!(crude_stem("press"), "press");
        assert_eq!(crude_stem("says"), "says");
        assert_eq!(crude_stem("rulings"), "ruling");
        assert_eq!(crude_stem("dénoncé"), "dénoncé");
    }

    #[test]
    fn cue_lexicon_classes_and_round_trip() {
        let toks = tokenize(
            "Critics mocked it. Critics mocked it. Critics mocked it.",
            0,
        );
        // "mocked" is always in a cue, "it" never, "Critics" never.
        let in_cue: Vec<bool> = toks.iter().map(|t| t.text == "mocked").collect();
        let in_source: Vec<bool> = toks.iter().map(|t| t.text == "Critics").collect();
        let mut c = CueCounts::default();
        c.add(&toks, &in_cue, &in_source);
        let lex = c.lexicon();
        assert_eq!(lex.class("mocked"), 4 | 8);
        assert_eq!(lex.class("MOCKED"), 4 | 8);
        assert_eq!(lex.class("it"), 0);
        assert_eq!(lex.class("Critics"), 0);
        assert_eq!(
            lex.map.get(&(word_key("critics") ^ SOURCE_KEY)),
            Some(&(4 | 8))
        );
        assert!(CueLexicon::likely(lex.class("mocked")));
        // The stem is listed too: "mocks" was never seen, its stem was.
        assert_eq!(lex.map.get(&stem_key("mocks")), Some(&(4 | 8)));
        let mut w = Weights::new(10);
        w.lexicon = lex.clone();
        let m = Model::from_bytes(&w.to_bytes(0.0)).expect("parses");
        assert_eq!(m.lexicon(), &lex);
        // A file without the lexicon (the earlier format) still reads.
        let bytes = Weights::new(10).to_bytes(0.0);
        let cut = bytes.len() - 4;
        let m = Model::from_bytes(&bytes[..cut]).expect("parses");
        assert!(m.lexicon().is_empty());
        // A truncated lexicon does not.
        let mut bytes = w.to_bytes(0.0);
        bytes.pop();
        assert!(Model::from_bytes(&bytes).is_none());
    }

    #[test]
    fn gold_labels_nest() {
        let text = "He said she said no.";
        let toks = tokenize(text, 0);
        let l = gold_labels(&toks, &[(0, 2), (8, 11)], &[(3, 7), (12, 16)], &[(8, 19)]);
        assert_eq!(l, vec![B_SRC, B_CUE, B_SRC, B_CUE, B_CON, O]);
    }
}

#[cfg(test)]
mod bundled_tests {
    /// The bundled weights read, and tag a self-written sentence the way
    /// PolNeAR annotates: the quotation is the content, "told" the cue and
    /// "the minister" the source.
    #[test]
    fn bundled_model_tags_a_quotation() {
        assert!(super::bundled().is_some(), "bundled weights unreadable");
        let text = "\u{201c}We will not back down,\u{201d} the minister told reporters on Monday.";
        let st = crate::find_statements(text);
        assert_eq!(st.len(), 1, "{st:?}");
        let s = &st[0];
        let span = |sp: crosscheck_model::Span| &text[sp.start..sp.end];
        assert_eq!(s.speaker.map(span), Some("the minister"));
        assert_eq!(span(s.cue), "told");
        assert!(
            span(s.content).starts_with("We will not back down"),
            "{}",
            span(s.content)
        );
        assert!(s.direct);
    }

    /// A quotation closed by a question mark, which ends the sentence, and
    /// its speaker and cue alone in the next one: one statement.
    #[test]
    fn bundled_model_joins_a_quotation_to_the_next_sentence_cue() {
        let text = "He spoke to the crowd. \u{201c}I paid off her mortgage, big deal, right?\u{201d} Trump said. The crowd cheered.";
        let st = crate::find_statements(text);
        let span = |sp: crosscheck_model::Span| &text[sp.start..sp.end];
        let s = st
            .iter()
            .find(|s| span(s.cue) == "said")
            .unwrap_or_else(|| panic!("{st:?}"));
        assert_eq!(s.speaker.map(span), Some("Trump"));
        assert_eq!(span(s.content), "I paid off her mortgage, big deal, right?");
        assert!(s.direct);
    }

    /// "According to X, ...": the source ends at the comma.
    #[test]
    fn bundled_model_ends_an_according_to_source_at_the_comma() {
        let text = "According to the Associated Press, 571 of the 714 superdelegates now back her.";
        let st = crate::find_statements(text);
        let span = |sp: crosscheck_model::Span| &text[sp.start..sp.end];
        assert_eq!(st.len(), 1, "{st:?}");
        assert_eq!(st[0].speaker.map(span), Some("the Associated Press"));
        assert_eq!(span(st[0].cue), "According to");
    }

    /// An indirect statement with the speaker first.
    #[test]
    fn bundled_model_tags_reported_speech() {
        let text = "The mayor said that the bridge would reopen next week.";
        let st = crate::find_statements(text);
        assert_eq!(st.len(), 1, "{st:?}");
        let s = &st[0];
        let span = |sp: crosscheck_model::Span| &text[sp.start..sp.end];
        assert_eq!(s.speaker.map(span), Some("The mayor"));
        assert_eq!(span(s.cue), "said");
        assert!(span(s.content).contains("the bridge would reopen next week"));
        assert!(!s.direct);
    }
}
