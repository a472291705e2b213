//! The same-claim decision: do two sentences say the same thing?
//!
//! Lexical evidence only (no downloaded model). Each sentence is read once
//! into normalised tokens (lower case, contractions split, "%" and "pct"
//! read as "percent", small number words as digits) with their stems; a pair
//! is then described by generic similarity measures in the spirit of the
//! machine-translation metrics used for paraphrase detection (Madnani et al.
//! 2012): overlap of content stems, words, word n-grams (BLEU-like clipped
//! precisions) and character n-grams, the longest common subsequence and the
//! word edit distance (TER-like), a fuzzy alignment of content words,
//! agreement of numbers, names and negation, and the unmatched material on
//! each side (a sentence that adds a clause says more than the other). They
//! are combined by a logistic model whose weights were fitted on the MSRP
//! *train* split by `cargo run --release -p crosscheck-reconcile --example
//! train_paraphrase` ([`crate::eval::train_paraphrase`]) and written in
//! below.
//!
//! Every set is kept as a sorted vector of 64-bit hashes, so that comparing
//! two sentences is a handful of linear merges: the reconcile stage compares
//! many pairs.

use std::cell::{OnceCell, RefCell};
use std::hash::{Hash, Hasher};

use ahash::AHashMap;
use crosscheck_text::Analyzer;

/// Names of the pair features, in the order of [`pair_features`] (the bias
/// first).
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "bias",
    "stem_dice",
    "stem_cover_lo",
    "stem_cover_hi",
    "word_dice",
    "word_cover_lo",
    "word_cover_hi",
    "stem_bigram_dice",
    "char4_dice",
    "lcs_max",
    "lcs_min",
    "numbers_differ",
    "only_one_numbered",
    "numbers_equal",
    "names_dice",
    "names_extra",
    "negation_mismatch",
    "len_ratio",
    "len_diff",
    "unmatched_lo",
    "unmatched_hi",
    "p1_short",
    "p1_long",
    "word_edit",
    "stem_edit",
    "fuzzy_cover_max",
    "fuzzy_cover_min",
    "unmatched_run_max",
    "unmatched_run_min",
    "bleu",
    "char3_dice",
    "function_dice",
    "quote_mismatch",
    "unmatched_names_long",
    "unmatched_numbers_max",
    "spec_dice",
    "spec_cover_max",
    "spec_cover_min",
    "spec_unmatched_min",
    "spec_unmatched_max",
    "spec_top_unmatched",
    "number_unmatched_max",
    "number_unmatched_min",
    "name_unmatched_max",
    "name_unmatched_min",
    "time_unmatched_max",
    "time_unmatched_min",
    "report_unmatched_max",
    "report_unmatched_min",
    "other_unmatched_max",
    "other_unmatched_min",
    "tail_max",
    "head_max",
    "edges_min",
    "log_stem_cover_hi",
    "log_spec_cover_min",
    "log_word_cover_hi",
    "gap_max",
    "gap_min",
    "direction_conflict",
];

/// Number of features of a pair, bias included.
pub const N_FEATURES: usize = 60;

/// A deterministic 64-bit hash (FNV-1a).
fn h64<T: Hash + ?Sized>(x: &T) -> u64 {
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    x.hash(&mut h);
    h.finish()
}

/// An odd constant with well-spread bits (2^64 / golden ratio).
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// A hash of a run of hashes (a word n-gram): cheaper than hashing their
/// bytes again, and as good, since the parts are hashes already.
fn mix(run: &[u64]) -> u64 {
    run.iter().fold(run.len() as u64, |h, &x| {
        (h.rotate_left(26) ^ x).wrapping_mul(MIX)
    })
}

/// Size of the intersection of two sorted vectors (multisets: an element
/// repeated in both counts as often as in the one holding it fewer times).
pub(crate) fn inter(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    // Without branches on the comparison: which side advances is
    // unpredictable, and this merge is the same-claim model's main loop.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    dice_of(inter(a, b), a.len(), b.len())
}

/// [`dice`] of two sets of `la` and `lb` elements sharing `shared`.
fn dice_of(shared: usize, la: usize, lb: usize) -> f64 {
    if la == 0 && lb == 0 {
        return 1.0;
    }
    2.0 * shared as f64 / (la + lb) as f64
}

/// Shares of the smaller and of the larger of two sets of `la` and `lb`
/// elements covered by the `shared` elements of their intersection.
fn covers_of(shared: usize, la: usize, lb: usize) -> (f64, f64) {
    let (lo, hi) = (la.min(lb), la.max(lb));
    if lo == 0 {
        return (1.0, if hi == 0 { 1.0 } else { 0.0 });
    }
    let n = shared as f64;
    (n / lo as f64, n / hi as f64)
}

/// Whether a sorted vector holds `x`.
fn holds(v: &[u64], x: u64) -> bool {
    v.binary_search(&x).is_ok()
}

/// Words that negate a statement.
fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "nor" | "none" | "nobody" | "nothing" | "neither" | "without"
    )
}

/// Whether a word says a figure rose (1) or fell (2): the common verbs of
/// market and statistics reports. Opposite directions on the two sides of
/// a pair are two different statements.
fn direction(w: &str) -> u8 {
    match w {
        "up" | "rose" | "rise" | "rises" | "rising" | "risen" | "gain" | "gained" | "gains"
        | "increase" | "increased" | "increases" | "higher" | "climbed" | "climb" | "jumped"
        | "advanced" | "advancing" | "grew" | "surged" | "rallied" => 1,
        "down" | "fell" | "fall" | "falls" | "falling" | "fallen" | "lost" | "loss" | "losses"
        | "decrease" | "decreased" | "decline" | "declined" | "declines" | "declining"
        | "lower" | "dropped" | "drop" | "slipped" | "slid" | "shed" | "sank" | "tumbled"
        | "retreated" => 2,
        _ => 0,
    }
}

/// Small number words as digits, so that "two" and "2" agree (news style
/// spells out one to nine).
fn number_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "one" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        _ => return None,
    })
}

/// Normalised lower-case tokens of one word: contractions split ("doesn't"
/// → "does", "not"), possessive "'s" dropped, "pct" read as "percent",
/// thousands separators removed, small number words as digits.
fn normalise(word: &str, out: &mut Vec<String>) {
    let w = word.to_lowercase().replace('\u{2019}', "'");
    if let Some(base) = w.strip_suffix("n't") {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            b => b,
        };
        if !base.is_empty() {
            out.push(base.to_string());
        }
        out.push("not".to_string());
        return;
    }
    if w == "cannot" {
        out.push("can".to_string());
        out.push("not".to_string());
        return;
    }
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(&w);
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        // "36.9bn" is "36.9 billion", "40gb" is "40 gb".
        let cut = w
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(w.len());
        let (num, unit) = w.split_at(cut);
        out.push(num.replace(',', "").trim_end_matches('.').to_string());
        match unit {
            "" => {}
            "bn" => out.push("billion".to_string()),
            "mln" => out.push("million".to_string()),
            u => out.push(u.trim_start_matches('-').to_string()),
        }
    } else if w == "pct" {
        out.push("percent".to_string());
    } else if let Some(d) = number_word(w) {
        out.push(d.to_string());
    } else if !w.is_empty() {
        out.push(w.to_string());
    }
}

/// Kinds of content words, whose mismatches weigh differently: a missing
/// figure or name is a different statement, a missing date or "said" rarely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Name,
    /// Dates and times of day ("Tuesday", "yesterday", "October").
    Time,
    /// Attribution ("said", "told", "spokesman").
    Report,
    Other,
}

/// Number of [`Kind`]s.
const KINDS: usize = 5;

/// The [`Kind`] of its `as u8` code.
fn kind_of_code(code: u8) -> Kind {
    match code {
        0 => Kind::Number,
        1 => Kind::Name,
        2 => Kind::Time,
        3 => Kind::Report,
        _ => Kind::Other,
    }
}

/// The kind of a normalised token. The word lists are generic English
/// (calendar words, verbs of saying), written here because no downloaded
/// resource is used.
fn word_kind(t: &str, capital: bool) -> Kind {
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return Kind::Number;
    }
    let time = matches!(
        t,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "earlier"
            | "later"
            | "recently"
            | "last"
            | "next"
            | "ago"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    );
    if time {
        return Kind::Time;
    }
    let report = matches!(
        t,
        "said"
            | "say"
            | "says"
            | "saying"
            | "told"
            | "tell"
            | "tells"
            | "added"
            | "add"
            | "adds"
            | "adding"
            | "stated"
            | "according"
            | "statement"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "announced"
            | "reported"
            | "noted"
    );
    if report {
        return Kind::Report;
    }
    if capital {
        Kind::Name
    } else {
        Kind::Other
    }
}

/// Unmatched content words of `a` (no equal stem in `b`: `matched`, see
/// [`matched_stems`]), by [`Kind`].
fn unmatched_by_kind(a: &SentenceFeatures, matched: &[bool]) -> [usize; KINDS] {
    let mut n = [0; KINDS];
    for (&m, k) in matched.iter().zip(a.kinds()) {
        if !m {
            n[k as usize] += 1;
        }
    }
    n
}

/// What the same-claim features need of one normalised token ("doesn't"
/// gives two: "does", "not"), worked out once per distinct token.
#[derive(Debug)]
struct TokenInfo {
    text: Box<str>,
    hash: u64,
    /// Its stem, or `None` for a function (stop) word.
    stem: Option<StemInfo>,
    /// The kind the word itself tells (a figure, a date word, a word of
    /// saying); else it is a name or not by its capital ([`word_kind`]).
    kind: Option<Kind>,
    negation: bool,
    direction: u8,
}

#[derive(Debug)]
struct StemInfo {
    hash: u64,
    /// Length in characters, for [`specificity`].
    chars: usize,
    /// Hash of the first five characters, when it has five ([`fuzzy_eq`]).
    prefix5: Option<u64>,
}

/// Tokens seen by this thread, and the tokens each word as written
/// normalises to. Reading a sentence (normalising, stemming and hashing
/// each word) was the main cost of [`SentenceFeatures::new`]; news repeats
/// its words, so each distinct word is read once. A lookup gives exactly
/// what reading the word again would.
#[derive(Debug, Default)]
struct TokenTable {
    tokens: Vec<TokenInfo>,
    ids: AHashMap<Box<str>, u32>,
    /// A word's tokens: a range of `pool`.
    words: AHashMap<Box<str>, (u32, u32)>,
    pool: Vec<u32>,
}

/// Largest number of distinct tokens a thread keeps before starting afresh
/// (and four times as many words as written; bounds memory to a few
/// megabytes).
const TOKEN_TABLE_LIMIT: usize = 50_000;

thread_local! {
    // Keyed by word only: the one analyzer there is is English (the stem
    // cache of `crosscheck_text` makes the same assumption).
    static TOKENS: RefCell<TokenTable> = RefCell::new(TokenTable::default());
}

impl TokenTable {
    /// The id of a normalised token.
    fn token(&mut self, t: &str, analyzer: &Analyzer) -> u32 {
        if let Some(&id) = self.ids.get(t) {
            return id;
        }
        let stem = analyzer.terms(t).into_iter().next().map(|stem| StemInfo {
            hash: h64(stem.as_str()),
            chars: stem.chars().count(),
            prefix5: prefix5(&stem),
        });
        let kind = match word_kind(t, false) {
            Kind::Other => None,
            k => Some(k),
        };
        let id = self.tokens.len() as u32;
        self.tokens.push(TokenInfo {
            text: t.into(),
            hash: h64(t),
            stem,
            kind,
            negation: is_negation(t),
            direction: direction(t),
        });
        self.ids.insert(t.into(), id);
        id
    }

    /// The normalised tokens of one word as written ([`normalise`]).
    fn word(&mut self, w: &str, analyzer: &Analyzer) -> &[u32] {
        let (start, end) = match self.words.get(w) {
            Some(&range) => range,
            None => {
                let mut buf = Vec::new();
                normalise(w, &mut buf);
                let start = self.pool.len() as u32;
                for t in &buf {
                    let id = self.token(t, analyzer);
                    self.pool.push(id);
                }
                let range = (start, self.pool.len() as u32);
                self.words.insert(w.into(), range);
                range
            }
        };
        &self.pool[start as usize..end as usize]
    }
}

/// Lists of hashes kept one after another in one allocation, the end of
/// list `k` at `ends[k]`. A story makes features for each of its
/// sentences: a dozen small vectors apiece cost more to allocate and free
/// than to fill (a tenth of the reconcile stage).
#[derive(Debug, Clone)]
struct Packed<const N: usize> {
    data: Vec<u64>,
    ends: [u32; N],
}

impl<const N: usize> Default for Packed<N> {
    fn default() -> Self {
        Packed {
            data: Vec::new(),
            ends: [0; N],
        }
    }
}

impl<const N: usize> Packed<N> {
    fn with_capacity(n: usize) -> Self {
        Packed {
            data: Vec::with_capacity(n),
            ends: [0; N],
        }
    }

    /// List `k`.
    fn part(&self, k: usize) -> &[u64] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.data[start..self.ends[k] as usize]
    }

    /// Ends list `k` with what was pushed since list `k - 1` ended.
    fn end_bag(&mut self, k: usize) {
        self.ends[k] = self.data.len() as u32;
    }

    /// Ends list `k` as [`Packed::end_bag`], sorted.
    fn end_sorted(&mut self, k: usize) {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        self.data[start..].sort_unstable();
        self.end_bag(k);
    }

    /// Ends list `k` as [`Packed::end_sorted`], without repeats.
    fn end_set(&mut self, k: usize) {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        self.data[start..].sort_unstable();
        let mut w = start;
        for r in start..self.data.len() {
            if w == start || self.data[r] != self.data[w - 1] {
                self.data[w] = self.data[r];
                w += 1;
            }
        }
        self.data.truncate(w);
        self.end_bag(k);
    }
}

/// The lists of [`SentenceFeatures`], in their order in its [`Packed`].
mod part {
    /// Stems of the content words (set).
    pub const STEMS: usize = 0;
    /// Content stems in order.
    pub const STEM_SEQ: usize = 1;
    /// Of each content word (same order as `STEM_SEQ`): its [`super::Kind`]
    /// (low byte), whether its stem has a five-character prefix (bit 8)
    /// and its stem's length in characters (from bit 16).
    pub const INFO: usize = 2;
    /// Hash of the first five characters of each content stem that has at
    /// least five, else 0 (same order as `STEM_SEQ`), for the fuzzy
    /// alignment.
    pub const PREFIX5: usize = 3;
    /// The same prefixes as a set.
    pub const PREFIXES: usize = 4;
    /// Normalised tokens in order.
    pub const SEQ: usize = 5;
    /// Function words (set).
    pub const FUNCTION: usize = 6;
    /// Figures (set).
    pub const NUMBERS: usize = 7;
    /// Capitalised words (set).
    pub const NAMES: usize = 8;
    pub const COUNT: usize = 9;
}

const INFO_PREFIX: u64 = 1 << 8;
const INFO_CHARS_SHIFT: u32 = 16;

/// Features of one sentence, computed once.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// The hashed words, see [`part`].
    lists: Packed<{ part::COUNT }>,
    /// The sentence, for the character n-grams.
    text: String,
    /// The features only a scored pair needs, made on first use: most
    /// sentences of a story share too few stems with any other to be
    /// scored at all ([`may_match`]).
    lazy: OnceCell<PairOnly>,
    chars: OnceCell<CharGrams>,
    /// Bit 0: a word of rising ("rose", "up"), bit 1: of falling.
    direction: u8,
    negated: bool,
    quoted: bool,
}

/// The part of [`SentenceFeatures`] made when a pair is first scored: all
/// normalised tokens (set, list 0), word n-grams of the sequence, n =
/// 1..4 (multisets, lists 1 to 4), pairs of consecutive content stems
/// (set, list 5).
#[derive(Debug, Clone, Default)]
struct PairOnly {
    lists: Packed<6>,
}

/// Character 4-grams (list 0) and 3-grams (list 1) of a sentence (sets),
/// made when a pair is first scored past the bound of [`same_claim`]: the
/// costliest features to make, and the ones that decide the fewest pairs.
#[derive(Debug, Clone, Default)]
struct CharGrams {
    lists: Packed<2>,
}

impl PairOnly {
    fn words(&self) -> &[u64] {
        self.lists.part(0)
    }
    fn ngrams(&self, n: usize) -> &[u64] {
        self.lists.part(1 + n)
    }
    fn bigrams(&self) -> &[u64] {
        self.lists.part(5)
    }
}

impl CharGrams {
    fn grams(&self) -> &[u64] {
        self.lists.part(0)
    }
    fn grams3(&self) -> &[u64] {
        self.lists.part(1)
    }
}

impl PairOnly {
    fn new(f: &SentenceFeatures) -> Self {
        let (seq, stem_seq) = (f.seq(), f.stem_seq());
        let mut lists = Packed::with_capacity(5 * seq.len() + stem_seq.len());
        lists.data.extend_from_slice(seq);
        lists.end_set(0);
        for n in 0..4 {
            lists.data.extend(seq.windows(n + 1).map(mix));
            lists.end_sorted(1 + n);
        }
        lists.data.extend(stem_seq.windows(2).map(mix));
        lists.end_set(5);
        PairOnly { lists }
    }
}

impl CharGrams {
    fn new(f: &SentenceFeatures) -> Self {
        // Character n-grams of the lower-cased text with runs of
        // non-alphanumerics folded to one space.
        let mut folded: Vec<char> = Vec::with_capacity(f.text.len() + 2);
        folded.push(' ');
        let mut push = |c: char| {
            if !(c == ' ' && folded.last() == Some(&' ')) {
                folded.push(c);
            }
        };
        if f.text.is_ascii() {
            // The same characters, without the general case mapping.
            for b in f.text.bytes() {
                push(if b.is_ascii_alphanumeric() {
                    char::from(b.to_ascii_lowercase())
                } else {
                    ' '
                });
            }
        } else {
            for c in f.text.chars().flat_map(char::to_lowercase) {
                push(if c.is_alphanumeric() { c } else { ' ' });
            }
        }
        // A character fits in 21 bits: three make an exact 63-bit key.
        let key3 = |w: &[char]| (w[0] as u64) << 42 | (w[1] as u64) << 21 | w[2] as u64;
        let mut lists = Packed::with_capacity(2 * folded.len());
        lists.data.extend(
            folded
                .windows(4)
                .map(|w| key3(&w[1..]) ^ (w[0] as u64).wrapping_mul(MIX)),
        );
        lists.end_set(0);
        lists.data.extend(folded.windows(3).map(key3));
        lists.end_set(1);
        CharGrams { lists }
    }
}

impl SentenceFeatures {
    fn pair_only(&self) -> &PairOnly {
        self.lazy.get_or_init(|| PairOnly::new(self))
    }

    fn char_grams(&self) -> &CharGrams {
        self.chars.get_or_init(|| CharGrams::new(self))
    }

    /// Analyse one sentence.
    pub fn new(analyzer: &Analyzer, text: &str) -> Self {
        TOKENS.with(|table| {
            let mut table = table.borrow_mut();
            if table.tokens.len() >= TOKEN_TABLE_LIMIT || table.pool.len() >= 4 * TOKEN_TABLE_LIMIT
            {
                *table = TokenTable::default();
            }
            Self::new_with(&mut table, analyzer, text)
        })
    }

    fn new_with(table: &mut TokenTable, analyzer: &Analyzer, text: &str) -> Self {
        let percent = table.token("percent", analyzer);
        // Normalised tokens, each with whether its word was capitalised
        // (not counting the sentence's first word).
        let mut tokens: Vec<(u32, bool)> = Vec::with_capacity(text.len() / 4 + 2);
        for (k, (off, w)) in crosscheck_text::words(text).into_iter().enumerate() {
            let capital = k > 0 && w.chars().next().is_some_and(char::is_uppercase);
            let ids = table.word(w, analyzer);
            // "per cent" is "percent".
            if let [id] = *ids {
                if &*table.tokens[id as usize].text == "cent"
                    && tokens
                        .last()
                        .is_some_and(|&(t, _)| &*table.tokens[t as usize].text == "per")
                {
                    tokens.pop();
                    tokens.push((percent, capital));
                } else {
                    tokens.push((id, capital));
                }
            } else {
                tokens.extend(ids.iter().map(|&t| (t, capital)));
            }
            if text[off + w.len()..].starts_with('%') {
                tokens.push((percent, false));
            }
        }
        let (mut negated, mut rise_fall) = (false, 0);
        // A content word's kind: the word's own, else a name by its capital.
        let kind_of = |t: &TokenInfo, capital: bool| {
            t.kind
                .unwrap_or(if capital { Kind::Name } else { Kind::Other })
        };
        let content = || {
            tokens.iter().filter_map(|&(id, capital)| {
                let t = &table.tokens[id as usize];
                t.stem.as_ref().map(|stem| (t, stem, kind_of(t, capital)))
            })
        };
        let mut lists = Packed::with_capacity(4 * tokens.len() + 8);
        lists.data.extend(content().map(|(_, stem, _)| stem.hash));
        lists.end_set(part::STEMS);
        lists.data.extend(content().map(|(_, stem, _)| stem.hash));
        lists.end_bag(part::STEM_SEQ);
        lists.data.extend(content().map(|(_, stem, kind)| {
            let prefix = if stem.prefix5.is_some() {
                INFO_PREFIX
            } else {
                0
            };
            kind as u64 | prefix | (stem.chars as u64) << INFO_CHARS_SHIFT
        }));
        lists.end_bag(part::INFO);
        lists
            .data
            .extend(content().map(|(_, stem, _)| stem.prefix5.unwrap_or(0)));
        lists.end_bag(part::PREFIX5);
        lists
            .data
            .extend(content().filter_map(|(_, stem, _)| stem.prefix5));
        lists.end_set(part::PREFIXES);
        for &(id, _) in &tokens {
            let t = &table.tokens[id as usize];
            lists.data.push(t.hash);
            negated |= t.negation;
            rise_fall |= t.direction;
        }
        lists.end_bag(part::SEQ);
        lists.data.extend(
            tokens
                .iter()
                .map(|&(id, _)| &table.tokens[id as usize])
                .filter(|t| t.stem.is_none())
                .map(|t| t.hash),
        );
        lists.end_set(part::FUNCTION);
        lists.data.extend(
            content()
                .filter(|(_, _, kind)| *kind == Kind::Number)
                .map(|(t, _, _)| t.hash),
        );
        lists.end_set(part::NUMBERS);
        lists.data.extend(
            content()
                .filter(|(_, _, kind)| *kind == Kind::Name)
                .map(|(t, _, _)| t.hash),
        );
        lists.end_set(part::NAMES);
        SentenceFeatures {
            negated,
            quoted: text.contains(['"', '\u{201C}', '\u{201D}']),
            lists,
            text: text.to_string(),
            lazy: OnceCell::new(),
            chars: OnceCell::new(),
            direction: rise_fall,
        }
    }

    /// The hashed stems of the content words, sorted.
    pub fn stems(&self) -> &[u64] {
        self.lists.part(part::STEMS)
    }

    fn stem_seq(&self) -> &[u64] {
        self.lists.part(part::STEM_SEQ)
    }

    fn seq(&self) -> &[u64] {
        self.lists.part(part::SEQ)
    }

    fn function(&self) -> &[u64] {
        self.lists.part(part::FUNCTION)
    }

    fn numbers(&self) -> &[u64] {
        self.lists.part(part::NUMBERS)
    }

    fn names(&self) -> &[u64] {
        self.lists.part(part::NAMES)
    }

    fn prefixes(&self) -> &[u64] {
        self.lists.part(part::PREFIXES)
    }

    /// Of each content word in order, the hash of its stem's first five
    /// characters, if it has five.
    fn prefix5(&self) -> impl Iterator<Item = Option<u64>> + '_ {
        let info = self.lists.part(part::INFO);
        let prefixes = self.lists.part(part::PREFIX5);
        info.iter()
            .zip(prefixes)
            .map(|(i, &p)| (i & INFO_PREFIX != 0).then_some(p))
    }

    /// Of each content word in order, its kind.
    fn kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        self.lists
            .part(part::INFO)
            .iter()
            .map(|&i| kind_of_code(i as u8))
    }

    /// Of each content word in order, its [`specificity`].
    fn spec(&self) -> impl Iterator<Item = f64> + '_ {
        self.lists
            .part(part::INFO)
            .iter()
            .map(|&i| specificity((i >> INFO_CHARS_SHIFT) as usize, kind_of_code(i as u8)))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.seq().len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.seq().is_empty()
    }
}

/// Length of a longest common subsequence of two word sequences, and the
/// longest run of words of each left out of it (a clause one side adds or
/// replaces).
fn lcs_gaps(a: &[u64], b: &[u64]) -> (usize, usize, usize) {
    if b.len() <= 64 {
        lcs_gaps_bits(a, b)
    } else {
        lcs_gaps_table(a, b)
    }
}

/// [`lcs_gaps`] by the textbook table of every pair of suffixes.
fn lcs_gaps_table(a: &[u64], b: &[u64]) -> (usize, usize, usize) {
    let (n, m) = (a.len(), b.len());
    // t[i][j]: length of a longest common subsequence of a[i..] and b[j..].
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if a[i] == b[j] {
                t[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
            };
        }
    }
    walk_gaps(a, b, |i, j| usize::from(t[i * (m + 1) + j]))
}

/// The walk [`lcs_gaps`] makes through a table `t` of common subsequence
/// lengths of suffixes (`t(i, j)` for `a[i..]` and `b[j..]`): matches are
/// taken, otherwise the side that keeps the longer subsequence (`a` on a
/// tie) advances, and the longest run of words each side leaves out is
/// counted. Shared by the table and the bit-vector versions, so the two
/// break ties alike.
fn walk_gaps(a: &[u64], b: &[u64], t: impl Fn(usize, usize) -> usize) -> (usize, usize, usize) {
    let (n, m) = (a.len(), b.len());
    let (mut i, mut j) = (0, 0);
    let (mut ga, mut gb, mut ra, mut rb) = (0, 0, 0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            (ra, rb) = (0, 0);
            i += 1;
            j += 1;
        } else if t(i + 1, j) >= t(i, j + 1) {
            ra += 1;
            ga = ga.max(ra);
            i += 1;
        } else {
            rb += 1;
            gb = gb.max(rb);
            j += 1;
        }
    }
    (t(0, 0), ga.max(ra + n - i), gb.max(rb + m - j))
}

/// A sequence of at most 64 words, to tell where a word stands in it as a
/// bit mask ([`WordMasks::of`]), held on the stack: two are made for most
/// pairs a story scores.
struct WordMasks {
    len: usize,
    words: [u64; 64],
}

impl WordMasks {
    /// Bit `i` set where the sequence's `i`-th word is `word`. A scan of
    /// every word, without branches: on these short sequences it took less
    /// time than a binary search of the words sorted, whose branches the
    /// processor cannot predict (and no sort is needed).
    fn of(&self, word: u64) -> u64 {
        self.words[..self.len]
            .iter()
            .enumerate()
            .fold(0, |m, (i, &w)| m | (u64::from(w == word) << i))
    }
}

/// The [`WordMasks`] of `words` (at most 64).
fn word_masks(words: impl Iterator<Item = u64>) -> WordMasks {
    let mut t = WordMasks {
        len: 0,
        words: [0; 64],
    };
    for (i, w) in words.enumerate() {
        t.words[i] = w;
        t.len = i + 1;
    }
    t
}

/// `n` slots for a pair's working values: on the stack (`stack`) when they
/// fit, else in `heap`. The per-pair buffers had been a tenth of the
/// allocations of the corroboration step.
fn slots<'a, T: Copy + Default, const N: usize>(
    n: usize,
    stack: &'a mut [T; N],
    heap: &'a mut Vec<T>,
) -> &'a mut [T] {
    if n <= N {
        &mut stack[..n]
    } else {
        heap.resize(n, T::default());
        heap
    }
}

/// [`lcs_gaps`] for `b` of at most 64 words, by bit vectors (Allison and
/// Dix 1986, Hyyrö 2004): each row of the table of common subsequence
/// lengths is a 64-bit word whose zero bits count them, so the table costs
/// a few operations a row, and the walk through it reads any entry with a
/// population count. The rows are those of the reversed sequences, whose
/// prefixes are the suffixes the walk ([`walk_gaps`]) needs. Written here
/// because it is the same-claim model's own alignment, over word hashes.
fn lcs_gaps_bits(a: &[u64], b: &[u64]) -> (usize, usize, usize) {
    let (n, m) = (a.len(), b.len());
    // Bit p stands for b[m - 1 - p].
    let masks = word_masks(b.iter().rev().copied());
    // rows[k]: after the last k words of `a`.
    let (mut stack, mut heap) = ([0u64; 128], Vec::new());
    let rows = slots(n + 1, &mut stack, &mut heap);
    let mut v = u64::MAX;
    rows[0] = v;
    for (k, &x) in a.iter().rev().enumerate() {
        let u = v & masks.of(x);
        v = v.wrapping_add(u) | v.wrapping_sub(u);
        rows[k + 1] = v;
    }
    let rows = &*rows;
    // t(i, j): length of a longest common subsequence of a[i..] and b[j..].
    let t = |i: usize, j: usize| {
        let width = m - j;
        let low = if width == 64 {
            u64::MAX
        } else {
            (1 << width) - 1
        };
        width - (rows[n - i] & low).count_ones() as usize
    };
    walk_gaps(a, b, t)
}

/// Levenshtein distance of two word sequences (insertions, deletions and
/// substitutions of whole words).
fn edit_distance(a: &[u64], b: &[u64]) -> usize {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.len() <= 64 {
        edit_distance_bits(a, b)
    } else {
        edit_distance_table(a, b)
    }
}

/// [`edit_distance`] by the textbook dynamic programme, one row at a time.
fn edit_distance_table(a: &[u64], b: &[u64]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let next = if x == y {
                diag
            } else {
                1 + diag.min(row[j]).min(row[j + 1])
            };
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// [`edit_distance`] for `a` of at most 64 words, a column of the table at
/// a time as bit vectors of its vertical differences (Myers 1999, in
/// Hyyrö's 2001 form for the distance of two whole sequences). Written
/// here because the distance is over word hashes, not characters, which
/// the string-distance crates do not take; a pair of sentences costs a few
/// dozen word operations instead of a table of every word pair.
fn edit_distance_bits(a: &[u64], b: &[u64]) -> usize {
    let m = a.len();
    if m == 0 {
        return b.len();
    }
    let peq = word_masks(a.iter().copied());
    let last = 1u64 << (m - 1);
    let (mut pv, mut mv, mut dist) = (u64::MAX, 0u64, m);
    for y in b {
        let eq = peq.of(*y);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & last != 0 {
            dist += 1;
        } else if mh & last != 0 {
            dist -= 1;
        }
        // The top row of the table counts up (the distance from nothing).
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    dist
}

/// Whether two stems are close spellings of one word: equal, or sharing a
/// prefix of at least five characters (inflections and derivations the
/// stemmer leaves apart: "acquisit" / "acquir" do not, "announc" /
/// "announcement" do). The definition; [`fuzzy_matched`] applies it
/// through [`prefix5`].
#[cfg(test)]
fn fuzzy_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 5
}

/// The hash of the first five characters of a stem that has five or more:
/// two stems are [`fuzzy_eq`] when they are equal or both have this and it
/// is the same.
fn prefix5(stem: &str) -> Option<u64> {
    let mut ends = stem.char_indices().map(|(i, c)| i + c.len_utf8());
    ends.nth(4).map(|cut| h64(&stem[..cut]))
}

/// Content words of `a` that have a fuzzy match in `b` ([`fuzzy_eq`]: an
/// equal stem, `matched`, or one with the same first five characters).
fn fuzzy_matched(a: &SentenceFeatures, b: &SentenceFeatures, matched: &[bool]) -> usize {
    matched
        .iter()
        .zip(a.prefix5())
        .filter(|(&m, p)| m || p.is_some_and(|p| holds(b.prefixes(), p)))
        .count()
}

/// For each content word of `a` in order, whether `b` has a word of the
/// same stem (written to `out`, of the length of `a`'s content words).
fn matched_stems<'a>(
    a: &SentenceFeatures,
    b: &SentenceFeatures,
    out: &'a mut [bool],
) -> &'a [bool] {
    for (m, h) in out.iter_mut().zip(a.stem_seq()) {
        *m = holds(b.stems(), *h);
    }
    out
}

/// Longest run of content words of `a` without an exact match in `b`
/// (function words neither break nor extend a run): an added clause.
fn unmatched_run(matched: &[bool]) -> usize {
    let (mut best, mut run) = (0, 0);
    for &m in matched {
        if m {
            run = 0;
        } else {
            run += 1;
            best = best.max(run);
        }
    }
    best
}

/// Content words of `a` before its first and after its last word with an
/// equal stem in `b`: material added at the start or the end (an
/// attribution, a trailing clause).
fn unmatched_edges(matched: &[bool]) -> (usize, usize) {
    match (
        matched.iter().position(|&m| m),
        matched.iter().rposition(|&m| m),
    ) {
        (Some(first), Some(last)) => (first, matched.len() - 1 - last),
        _ => (matched.len(), matched.len()),
    }
}

/// Clipped n-gram precision of `a` (of `len` n-grams) against another
/// multiset, given the size of their intersection.
fn precision_of(shared: usize, len: usize) -> f64 {
    if len == 0 {
        return 0.0;
    }
    shared as f64 / len as f64
}

/// Specificity of a content word, standing in for its inverse document
/// frequency without a corpus: names and figures weigh 1, other words by
/// their length (long words are rare ones, Zipf's law of abbreviation),
/// between 0.2 and 1. Measured on MSRP train this does as well as IDF
/// counted over the split, and it needs nothing but the pair.
fn specificity(stem_chars: usize, kind: Kind) -> f64 {
    if matches!(kind, Kind::Name | Kind::Number) {
        1.0
    } else {
        (0.1 * stem_chars as f64).clamp(0.2, 1.0)
    }
}

/// Specificity-weighted content of `a`: (total, unmatched in `b`, largest
/// unmatched word).
fn mass(a: &SentenceFeatures, matched: &[bool]) -> (f64, f64, f64) {
    let (mut total, mut unmatched, mut top) = (0.0, 0.0, 0.0f64);
    let stem_seq = a.stem_seq();
    for (i, ((&h, w), &m)) in stem_seq.iter().zip(a.spec()).zip(matched).enumerate() {
        if stem_seq[..i].contains(&h) {
            continue;
        }
        total += w;
        if !m {
            unmatched += w;
            top = top.max(w);
        }
    }
    (total, unmatched, top)
}

/// The feature vector of a pair (see [`FEATURE_NAMES`] and [`WEIGHTS`]).
/// Symmetric: swapping the sentences gives the same vector. Counts are
/// scaled and capped to keep every feature within a few units.
pub fn pair_features(a: &SentenceFeatures, b: &SentenceFeatures) -> [f64; N_FEATURES] {
    let mut f = features_but_chars_and_edits(a, b);
    add_edit_features(a, b, &mut f);
    add_char_features(a, b, &mut f);
    f
}

/// Indices in [`FEATURE_NAMES`] of the edit-distance features
/// ("word_edit", "stem_edit"), which [`features_but_chars_and_edits`]
/// leaves at 0.
const EDIT_FEATURES: [usize; 2] = [23, 24];

/// The sequences each edit-distance feature compares and the length it is
/// divided by, for `a` and `b`.
fn edit_operands<'s>(
    a: &'s SentenceFeatures,
    b: &'s SentenceFeatures,
) -> [(&'s [u64], &'s [u64], f64); 2] {
    let (la, lb) = (a.len().max(1) as f64, b.len().max(1) as f64);
    let (ca, cb) = (
        a.stem_seq().len().max(1) as f64,
        b.stem_seq().len().max(1) as f64,
    );
    [
        (a.seq(), b.seq(), la.max(lb)),
        (a.stem_seq(), b.stem_seq(), ca.max(cb)),
    ]
}

/// Fills in the edit-distance features of [`pair_features`].
fn add_edit_features(a: &SentenceFeatures, b: &SentenceFeatures, f: &mut [f64; N_FEATURES]) {
    for (&k, (x, y, unit)) in EDIT_FEATURES.iter().zip(edit_operands(a, b)) {
        f[k] = edit_distance(x, y) as f64 / unit;
    }
}

/// The most the edit-distance features can add to the score of `a` and
/// `b`: an edit distance is at most the longer sequence's length.
fn edit_features_bound(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    EDIT_FEATURES
        .iter()
        .zip(edit_operands(a, b))
        .map(|(&k, (x, y, unit))| (WEIGHTS[k] * x.len().max(y.len()) as f64 / unit).max(0.0))
        .sum()
}

/// Indices in [`FEATURE_NAMES`] of the character n-gram features
/// ("char4_dice", "char3_dice"), which [`features_but_chars_and_edits`]
/// leaves at 0.
const CHAR_FEATURES: [usize; 2] = [8, 30];

/// Fills in the character n-gram features of [`pair_features`].
fn add_char_features(a: &SentenceFeatures, b: &SentenceFeatures, f: &mut [f64; N_FEATURES]) {
    let (ca, cb) = (a.char_grams(), b.char_grams());
    f[CHAR_FEATURES[0]] = dice(ca.grams(), cb.grams());
    f[CHAR_FEATURES[1]] = dice(ca.grams3(), cb.grams3());
}

/// [`pair_features`] but for the character n-gram and edit-distance
/// features, left at 0.
fn features_but_chars_and_edits(a: &SentenceFeatures, b: &SentenceFeatures) -> [f64; N_FEATURES] {
    // Orient the pair: `s` is the shorter sentence, `l` the longer.
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Content words of each side that the other lacks.
    let shared = inter(a.stems(), b.stems());
    let (stem_lo, stem_hi) = covers_of(shared, a.stems().len(), b.stems().len());
    let (pa, pb) = (a.pair_only(), b.pair_only());
    let (ps, pl) = if a.len() <= b.len() {
        (pa, pb)
    } else {
        (pb, pa)
    };
    let shared_words = inter(pa.words(), pb.words());
    let (word_lo, word_hi) = covers_of(shared_words, pa.words().len(), pb.words().len());
    let (la, lb) = (a.len().max(1) as f64, b.len().max(1) as f64);
    let (ua, ub) = (
        (a.stems().len() - shared) as f64,
        (b.stems().len() - shared) as f64,
    );
    // Numbers: one side's figures missing from the other is strong evidence
    // of two different statements.
    let shared_n = inter(a.numbers(), b.numbers());
    let numbers_differ = if a.numbers().is_empty() && b.numbers().is_empty() {
        0.0
    } else {
        let extra = a.numbers().len() + b.numbers().len() - 2 * shared_n;
        extra as f64 / (a.numbers().len() + b.numbers().len()) as f64
    };
    let unmatched_numbers = (a.numbers().len() - shared_n).max(b.numbers().len() - shared_n) as f64;
    let shared_names = inter(a.names(), b.names());
    let names_extra = (a.names().len() + b.names().len() - 2 * shared_names) as f64;
    let unmatched_names = (l.names().len() - shared_names) as f64;
    // Clipped word n-gram precisions, n = 1..4, of the shorter sentence
    // against the longer and the other way round.
    let p: [(f64, f64); 4] = std::array::from_fn(|n| {
        let (sn, ln) = (ps.ngrams(n), pl.ngrams(n));
        let shared = inter(sn, ln);
        (
            precision_of(shared, sn.len()),
            precision_of(shared, ln.len()),
        )
    });
    // BLEU-like: geometric mean of the smoothed precisions of both
    // directions, with the brevity penalty of the shorter side.
    let bleu = {
        let g = |pick: fn((f64, f64)) -> f64| -> f64 {
            (p.iter().map(|&x| (pick(x) + 0.01).ln()).sum::<f64>() / 4.0).exp()
        };
        let bp = (1.0 - l.len() as f64 / s.len().max(1) as f64)
            .min(0.0)
            .exp();
        0.5 * (g(|x| x.0) * bp + g(|x| x.1))
    };
    let (lcs_len, ga, gb) = lcs_gaps(a.seq(), b.seq());
    let lcs_len = lcs_len as f64;
    let (ca, cb) = (
        a.stem_seq().len().max(1) as f64,
        b.stem_seq().len().max(1) as f64,
    );
    let (mut stack_a, mut heap_a, mut stack_b, mut heap_b) =
        ([false; 128], Vec::new(), [false; 128], Vec::new());
    let in_b = matched_stems(a, b, slots(a.stem_seq().len(), &mut stack_a, &mut heap_a));
    let in_a = matched_stems(b, a, slots(b.stem_seq().len(), &mut stack_b, &mut heap_b));
    let (fuzzy_a, fuzzy_b) = (
        fuzzy_matched(a, b, in_b) as f64 / ca,
        fuzzy_matched(b, a, in_a) as f64 / cb,
    );
    let (ra, rb) = (unmatched_run(in_b) as f64, unmatched_run(in_a) as f64);
    let (ta, wa, topa) = mass(a, in_b);
    let (tb, wb, topb) = mass(b, in_a);
    let (ma, mb) = (ta - wa, tb - wb);
    let (ia, ib) = (ma / ta.max(1e-9), mb / tb.max(1e-9));
    let (ka, kb) = (unmatched_by_kind(a, in_b), unmatched_by_kind(b, in_a));
    let kind = |k: Kind| -> [f64; 2] {
        let (x, y) = (ka[k as usize], kb[k as usize]);
        [
            (x.max(y) as f64 / 3.0).min(2.0),
            (x.min(y) as f64 / 3.0).min(2.0),
        ]
    };
    let (ea, eb) = (unmatched_edges(in_b), unmatched_edges(in_a));
    let cap = |x: f64, unit: f64, max: f64| (x / unit).min(max);
    [
        1.0,
        dice_of(shared, a.stems().len(), b.stems().len()),
        stem_lo,
        stem_hi,
        dice_of(shared_words, pa.words().len(), pb.words().len()),
        word_lo,
        word_hi,
        dice(pa.bigrams(), pb.bigrams()),
        0.0, // char4_dice: add_char_features
        lcs_len / la.max(lb),
        lcs_len / la.min(lb),
        numbers_differ,
        (a.numbers().is_empty() != b.numbers().is_empty()) as u8 as f64,
        (!a.numbers().is_empty() && a.numbers() == b.numbers()) as u8 as f64,
        dice(a.names(), b.names()),
        cap(names_extra, 4.0, 1.0),
        (a.negated != b.negated) as u8 as f64,
        la.min(lb) / la.max(lb),
        cap((la - lb).abs(), 10.0, 2.0),
        cap(ua.min(ub), 5.0, 2.0),
        cap(ua.max(ub), 5.0, 2.0),
        p[0].0,
        p[0].1,
        0.0, // word_edit: add_edit_features
        0.0, // stem_edit: add_edit_features
        fuzzy_a.max(fuzzy_b),
        fuzzy_a.min(fuzzy_b),
        cap(ra.max(rb), 5.0, 2.0),
        cap(ra.min(rb), 5.0, 2.0),
        bleu,
        0.0, // char3_dice: add_char_features
        dice(a.function(), b.function()),
        (a.quoted != b.quoted) as u8 as f64,
        cap(unmatched_names, 3.0, 1.0),
        cap(unmatched_numbers, 3.0, 1.0),
        (ma + mb) / (ta + tb).max(1e-9),
        ia.max(ib),
        ia.min(ib),
        wa.min(wb).min(5.0),
        wa.max(wb).min(5.0),
        topa.max(topb),
        kind(Kind::Number)[0],
        kind(Kind::Number)[1],
        kind(Kind::Name)[0],
        kind(Kind::Name)[1],
        kind(Kind::Time)[0],
        kind(Kind::Time)[1],
        kind(Kind::Report)[0],
        kind(Kind::Report)[1],
        kind(Kind::Other)[0],
        kind(Kind::Other)[1],
        cap(ea.1.max(eb.1) as f64, 3.0, 2.0),
        cap(ea.0.max(eb.0) as f64, 3.0, 2.0),
        cap((ea.0 + ea.1).min(eb.0 + eb.1) as f64, 3.0, 2.0),
        -(1.05 - stem_hi).ln(),
        -(1.05 - ia.min(ib)).ln(),
        -(1.05 - word_hi).ln(),
        cap(ga.max(gb) as f64, 5.0, 3.0),
        cap(ga.min(gb) as f64, 5.0, 3.0),
        (a.direction & !b.direction != 0 && b.direction & !a.direction != 0) as u8 as f64,
    ]
}

/// Logistic weights for [`pair_features`], fitted on MSRP train (ridge 10,
/// chosen by 3 x 10-fold cross-validated log-loss) by `cargo run --release
/// -p crosscheck-reconcile --example train_paraphrase`.
pub const WEIGHTS: [f64; N_FEATURES] = [
    2.124478,  // bias
    0.206911,  // stem_dice
    0.719364,  // stem_cover_lo
    0.197499,  // stem_cover_hi
    -1.513288, // word_dice
    -1.850962, // word_cover_lo
    -1.453535, // word_cover_hi
    -1.696298, // stem_bigram_dice
    1.280602,  // char4_dice
    1.617739,  // lcs_max
    -1.938899, // lcs_min
    0.202737,  // numbers_differ
    -0.052268, // only_one_numbered
    0.223611,  // numbers_equal
    0.331929,  // names_dice
    -0.004177, // names_extra
    -1.081891, // negation_mismatch
    -2.521139, // len_ratio
    -1.329316, // len_diff
    -0.567196, // unmatched_lo
    0.790795,  // unmatched_hi
    0.401498,  // p1_short
    4.221513,  // p1_long
    -1.845036, // word_edit
    0.412325,  // stem_edit
    1.519517,  // fuzzy_cover_max
    1.012018,  // fuzzy_cover_min
    -0.193494, // unmatched_run_max
    -0.574378, // unmatched_run_min
    -1.115844, // bleu
    2.938632,  // char3_dice
    0.130999,  // function_dice
    -0.255461, // quote_mismatch
    0.499924,  // unmatched_names_long
    -0.049686, // unmatched_numbers_max
    -2.124478, // spec_dice
    -0.477168, // spec_cover_max
    -1.299008, // spec_cover_min
    0.094233,  // spec_unmatched_min
    -0.086764, // spec_unmatched_max
    0.000621,  // spec_top_unmatched
    -0.704440, // number_unmatched_max
    -0.594097, // number_unmatched_min
    0.127488,  // name_unmatched_max
    -0.550431, // name_unmatched_min
    0.447380,  // time_unmatched_max
    1.196240,  // time_unmatched_min
    1.625298,  // report_unmatched_max
    2.156426,  // report_unmatched_min
    -0.302913, // other_unmatched_max
    0.755084,  // other_unmatched_min
    -0.497592, // tail_max
    -0.313129, // head_max
    0.011635,  // edges_min
    1.127254,  // log_stem_cover_hi
    0.328011,  // log_spec_cover_min
    0.876279,  // log_word_cover_hi
    -0.720480, // gap_max
    -0.243243, // gap_min
    -2.867112, // direction_conflict
];

/// Probability-like score that two sentences state the same claim.
pub fn score_with(weights: &[f64; N_FEATURES], a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    logistic(weights, &pair_features(a, b))
}

/// Score with the built-in weights.
pub fn score(a: &SentenceFeatures, b: &SentenceFeatures) -> f64 {
    score_with(&WEIGHTS, a, b)
}

/// Whether two sentences state the same claim: [`score`] `>= threshold`,
/// the same answer, found for most pairs without the character n-grams
/// and the edit distances. The character features are Dice coefficients,
/// between 0 and 1, and an edit distance is at most the longer sequence's
/// length; when the score could not reach the threshold even were they
/// all at their most favourable, the pair is rejected unread (nine in ten
/// of a story's candidate pairs on newswire). Otherwise the score is
/// computed as [`score`] does, term for term.
pub fn same_claim(a: &SentenceFeatures, b: &SentenceFeatures, threshold: f64) -> bool {
    let mut f = features_but_chars_and_edits(a, b);
    let later = |k: &usize| CHAR_FEATURES.contains(k) || EDIT_FEATURES.contains(k);
    let known: f64 = f
        .iter()
        .zip(&WEIGHTS)
        .enumerate()
        .filter(|(k, _)| !later(k))
        .map(|(_, (x, w))| x * w)
        .sum();
    let most_the_chars_add: f64 = CHAR_FEATURES.iter().map(|&k| WEIGHTS[k].max(0.0)).sum();
    // The margin covers rounding in a sum taken in another order.
    let needed = (threshold / (1.0 - threshold)).ln() - 1e-9;
    if known + most_the_chars_add + edit_features_bound(a, b) < needed {
        return false;
    }
    add_edit_features(a, b, &mut f);
    let edits: f64 = EDIT_FEATURES.iter().map(|&k| f[k] * WEIGHTS[k]).sum();
    if known + edits + most_the_chars_add < needed {
        return false;
    }
    add_char_features(a, b, &mut f);
    logistic(&WEIGHTS, &f) >= threshold
}

/// The logistic model's probability for a feature vector.
fn logistic(weights: &[f64; N_FEATURES], f: &[f64; N_FEATURES]) -> f64 {
    let z: f64 = f.iter().zip(weights).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Decision threshold on [`score`], the accuracy-maximising one on MSRP
/// train (same command).
pub const THRESHOLD: f64 = 0.58;

/// Share of the shorter sentence's content stems that a pair must have in
/// common before it is scored at all (the reconcile stage's pre-filter).
/// Scoring a pair is the reconcile stage's main cost (a 50-article story
/// has tens of thousands of sentence pairs), so the filter is set as high
/// as it can go while cutting almost no pair the decision accepts: of the
/// 2 743 MSRP train pairs it accepts, 4 fall below 0.4 (3 of the 1 160 on
/// test; 39 and 18 at 0.5); see `eval::prefilter_misses`.
pub const MIN_SHARED_STEMS: f64 = 0.4;

/// The pre-filter: whether a pair shares enough content stems to be worth
/// scoring ([`MIN_SHARED_STEMS`]).
pub fn may_match(a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    may_match_count(inter(a.stems(), b.stems()), a, b)
}

/// [`may_match`] given the number of shared stems.
pub fn may_match_count(shared: usize, a: &SentenceFeatures, b: &SentenceFeatures) -> bool {
    let smaller = a.stems().len().min(b.stems().len());
    shared >= 2 && shared as f64 >= MIN_SHARED_STEMS * smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(t: &str) -> SentenceFeatures {
        SentenceFeatures::new(&Analyzer::english(), t)
    }

    #[test]
    fn packed_lists_keep_their_own_order_and_repeats() {
        let mut p: Packed<3> = Packed::default();
        p.data.extend([5, 3, 5, 1]);
        p.end_set(0);
        p.data.extend([9, 2, 9]);
        p.end_sorted(1);
        p.data.extend([7, 7, 4]);
        p.end_bag(2);
        assert_eq!(p.part(0), [1, 3, 5]);
        assert_eq!(p.part(1), [2, 9, 9]);
        assert_eq!(p.part(2), [7, 7, 4]);
        for k in [
            Kind::Number,
            Kind::Name,
            Kind::Time,
            Kind::Report,
            Kind::Other,
        ] {
            assert_eq!(kind_of_code(k as u8), k);
        }
        let f = feats("On Monday, Varn's 40 ministers did not meet in Tarvik.");
        assert_eq!(f.kinds().count(), f.stem_seq().len());
        assert!(f.kinds().any(|k| k == Kind::Number));
        assert_eq!(f.names().len(), 2, "Varn and Tarvik");
        assert!(f.negated);
        for (p5, spec) in f.prefix5().zip(f.spec()) {
            assert!((0.2..=1.0).contains(&spec));
            assert!(p5.is_none_or(|h| f.prefixes().contains(&h)));
        }
    }

    #[test]
    fn normalisation_reads_variants_alike() {
        let a = feats("Shares fell 5% and the firm doesn't expect two deals.");
        let b = feats("Shares fell 5 per cent and the firm does not expect 2 deals.");
        assert_eq!(a.seq(), b.seq());
    }

    #[test]
    fn features_are_symmetric_and_bounded() {
        let a = feats("The company said revenue rose 12 percent to $4.1 billion on Tuesday.");
        let b = feats("Revenue climbed 12 percent to $4.1 billion, the company reported.");
        let (x, y) = (pair_features(&a, &b), pair_features(&b, &a));
        for (k, (u, v)) in x.iter().zip(y).enumerate() {
            assert!((u - v).abs() < 1e-12, "{} differs", FEATURE_NAMES[k]);
            assert!(
                u.is_finite() && (-1.0..=5.0).contains(u),
                "{} = {u}",
                FEATURE_NAMES[k]
            );
        }
    }

    #[test]
    fn decision_separates_restatement_from_different_claims() {
        let a = feats("The central bank raised its key interest rate to 4.5 percent on Thursday.");
        let same =
            feats("On Thursday the central bank raised its key interest rate to 4.5 percent.");
        let other =
            feats("The central bank cut its key interest rate to 3 percent, officials said.");
        let added = feats(
            "The central bank raised its key interest rate to 4.5 percent on Thursday, \
             and warned that inflation would stay high until the end of next year.",
        );
        assert!(score(&a, &same) >= THRESHOLD, "{}", score(&a, &same));
        // A lexical model, trained on MSRP (where reports of one market move
        // with different figures often count as paraphrases), ranks these
        // below the restatement without always rejecting them.
        assert!(score(&a, &other) < score(&a, &same));
        assert!(score(&a, &added) < score(&a, &same));
        let unrelated = feats("Rain is expected across the north of the country this weekend.");
        assert!(score(&a, &unrelated) < THRESHOLD);
    }

    #[test]
    fn opposite_directions_conflict() {
        let a = feats("Shares rose 3 percent in early trading.");
        let b = feats("Shares fell 3 percent in early trading.");
        let c = feats("Shares rose 3 percent in early trade.");
        assert_eq!(pair_features(&a, &b)[N_FEATURES - 1], 1.0);
        assert_eq!(pair_features(&a, &c)[N_FEATURES - 1], 0.0);
        assert!(score(&a, &b) < score(&a, &c));
    }

    #[test]
    fn same_claim_is_the_score_against_its_threshold() {
        let sentences = [
            "The central bank raised its key interest rate to 4.5 percent on Thursday.",
            "On Thursday the central bank raised its key interest rate to 4.5 percent.",
            "The central bank cut its key interest rate to 3 percent, officials said.",
            "The bank lifted its main rate to 4.5% on Thursday, its governor said.",
            "Rain is expected across the north of the country this weekend.",
            "At least 12 people were killed when the bridge collapsed on Monday.",
            "Twelve people died when the old bridge fell into the river on Monday night.",
            "The bridge collapsed on Monday, killing at least 17 people, police said.",
            "Police said the bridge had been inspected only last week.",
            "The mayor said the city would rebuild the bridge by spring.",
        ];
        let f: Vec<SentenceFeatures> = sentences.iter().map(|t| feats(t)).collect();
        for a in &f {
            for b in &f {
                // Thresholds close together, so that some fall between a
                // pair's score without its character and edit-distance
                // features and its score with them.
                for t in (1..100).map(|k| k as f64 / 100.0).chain([THRESHOLD]) {
                    assert_eq!(same_claim(a, b, t), score(a, b) >= t, "{t}");
                }
            }
        }
    }

    /// The bound [`same_claim`] rejects pairs by holds for every pair: the
    /// edit-distance features never add more than it says, and it is no
    /// mere zero.
    #[test]
    fn the_edit_distance_bound_holds() {
        assert_eq!(
            EDIT_FEATURES.map(|k| FEATURE_NAMES[k]),
            ["word_edit", "stem_edit"]
        );
        assert_eq!(
            CHAR_FEATURES.map(|k| FEATURE_NAMES[k]),
            ["char4_dice", "char3_dice"]
        );
        let sentences = [
            "The central bank raised its key interest rate to 4.5 percent on Thursday.",
            "On Thursday the central bank raised its key interest rate to 4.5 percent.",
            "Rates rose.",
            "Police said the bridge had been inspected only last week.",
            "The mayor said the city would rebuild the bridge by spring.",
        ];
        let f: Vec<SentenceFeatures> = sentences.iter().map(|t| feats(t)).collect();
        for a in &f {
            for b in &f {
                let mut x = [0.0; N_FEATURES];
                add_edit_features(a, b, &mut x);
                // What the features favouring the pair add, alone: the most
                // they could add were the others at their most favourable.
                let added: f64 = (EDIT_FEATURES.iter())
                    .map(|&k| (x[k] * WEIGHTS[k]).max(0.0))
                    .sum();
                let bound = edit_features_bound(a, b);
                assert!(added <= bound + 1e-12, "{added} > {bound}");
                assert!(bound > 0.0, "{bound}");
            }
        }
    }

    #[test]
    fn fuzzy_matching_by_prefix_is_fuzzy_eq() {
        let stems = [
            "announc",
            "announcement",
            "acquisit",
            "acquir",
            "presid",
            "preside",
            "bank",
            "banker",
            "zürich",
            "zürichs",
            "zürcher",
            "naïve",
            "naïvet",
            "über",
            "",
        ];
        for a in stems {
            for b in stems {
                let by_prefix = a == b || prefix5(a).is_some_and(|p| prefix5(b) == Some(p));
                assert_eq!(by_prefix, fuzzy_eq(a, b), "{a} / {b}");
            }
        }
    }

    #[test]
    fn lcs_gaps_find_an_added_clause() {
        let a = [1, 2, 3, 4];
        let b = [1, 2, 3, 4, 5, 6, 7];
        assert_eq!(lcs_gaps(&a, &b), (4, 0, 3));
        assert_eq!(edit_distance(&a, &b), 3);
    }

    /// Random word sequences over small vocabularies (many repeats and
    /// matches), deterministic (xorshift): `count` pairs of lengths below
    /// `la` and `lb`.
    fn random_pairs(seed: u64, count: usize, la: u64, lb: u64) -> Vec<(Vec<u64>, Vec<u64>)> {
        let mut x = seed;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        (0..count)
            .map(|_| {
                let vocab = 1 + next(12);
                let (na, nb) = (next(la), next(lb));
                let a = (0..na).map(|_| next(vocab)).collect();
                let b = (0..nb).map(|_| next(vocab)).collect();
                (a, b)
            })
            .collect()
    }

    #[test]
    fn lcs_gaps_by_bit_vectors_are_the_table_s() {
        // `b` up to the 64 words of one bit vector, `a` past it.
        for (a, b) in random_pairs(0x9e37_79b9_7f4a_7c15, 5000, 80, 65) {
            assert_eq!(
                lcs_gaps_bits(&a, &b),
                lcs_gaps_table(&a, &b),
                "{a:?} / {b:?}"
            );
        }
    }

    #[test]
    fn edit_distance_by_bit_vectors_is_the_table_s() {
        // Lengths 0 to 70, past the 64 words of one bit vector.
        for (a, b) in random_pairs(0x2545_f491_4f6c_dd1d, 3000, 71, 71) {
            let want = edit_distance_table(&a, &b);
            assert_eq!(edit_distance(&a, &b), want, "{a:?} / {b:?}");
            assert_eq!(edit_distance(&b, &a), want);
        }
    }
}
