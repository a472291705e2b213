//! Word shingles and MinHash signatures.

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;

/// Number of hash functions (values) in a MinHash [`Signature`].
pub const SIGNATURE_LEN: usize = 128;

/// A MinHash signature: for each of [`SIGNATURE_LEN`] hash functions, the
/// smallest value it takes over a document's shingles.
pub type Signature = [u64; SIGNATURE_LEN];

/// The text used for exact comparison and shingling: lower-cased
/// alphanumeric runs joined by single spaces.
///
/// Apostrophes (straight, curly and backtick) are dropped without splitting
/// the word ("don't" becomes "dont"); every other non-alphanumeric character
/// separates words. Two texts that differ only in case, punctuation or
/// whitespace normalise to the same string.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if !is_apostrophe(c) {
            in_word = false;
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`')
}

/// Sorted, de-duplicated hashes of the word 5-shingles of a
/// [`normalize`]d text.
///
/// Each word is hashed with xxh3, and each run of [`SHINGLE_WORDS`]
/// consecutive word hashes is hashed again into one `u64`. A text with fewer
/// than five words has a single shingle made of all its words; an empty text
/// has none.
pub fn shingles(normalized: &str) -> Vec<u64> {
    let words: Vec<u64> = normalized
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| word_hash(w.as_bytes(), if w.is_ascii() { 0x20 } else { 0 }))
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE_WORDS {
        return vec![hash_words(&words)];
    }
    let mut out: Vec<u64> = words.windows(SHINGLE_WORDS).map(hash_words).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One hash for a run of word hashes: the XOR of each word hash rotated by
/// its distance from the end of the run (a cyclic polynomial, "buzhash"), so
/// the streaming path can roll it forward one word at a time with two
/// rotations and three XORs. The bin choice mixes it fully afterwards
/// ([`MinHasher`]), and exact verification compares these values as set
/// members, which only needs them to be well spread.
#[inline]
fn hash_words(words: &[u64]) -> u64 {
    let n = words.len() as u32;
    words
        .iter()
        .enumerate()
        .fold(0u64, |h, (j, &w)| h ^ w.rotate_left(n - 1 - j as u32))
}

/// Computes MinHash signatures from shingle hashes by one-permutation
/// hashing with densification (Li, Owen & Zhang 2012; Shrivastava 2017).
///
/// Classic MinHash evaluates 128 hash functions on every shingle. One
/// permutation hashing evaluates one: a seeded mix of the shingle's hash
/// picks one of the 128 bins (its top seven bits) and the bin keeps the
/// smallest value it sees. Two sets agree on a bin with probability equal to
/// their Jaccard similarity, as with classic MinHash, at 1/128 of the cost.
/// A bin no shingle fell into (short texts) borrows the value of a non-empty
/// bin chosen by a fixed hash sequence of its index: the densification that
/// keeps the agreement probability equal to the Jaccard similarity.
#[derive(Debug, Clone)]
pub struct MinHasher {
    seed: u64,
}

impl Default for MinHasher {
    fn default() -> Self {
        MinHasher::new(DEFAULT_SEED)
    }
}

const DEFAULT_SEED: u64 = 0x6372_6f73_7363_6865; // "crossche"

/// The splitmix64 finaliser: a fast bijective 64-bit mixer.
#[inline]
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Bits that select a bin (2^7 = 128 bins).
const BIN_BITS: u32 = SIGNATURE_LEN.trailing_zeros();

impl MinHasher {
    /// A hasher whose permutation is drawn from `seed`.
    pub const fn new(seed: u64) -> Self {
        MinHasher { seed }
    }

    /// Fold one shingle hash into a signature under construction.
    #[inline]
    fn update(&self, sig: &mut Signature, shingle: u64) {
        let h = mix(shingle ^ self.seed);
        // The bin is the top seven bits; `min` compiles to a compare and a
        // conditional move, so a new minimum (frequent early in a text,
        // rare later) costs no mispredicted branch.
        let slot = &mut sig[(h >> (64 - BIN_BITS)) as usize];
        *slot = (*slot).min(h);
    }

    /// Fill empty bins from non-empty ones (an empty set stays all
    /// `u64::MAX`): each empty bin takes the value of the nearest non-empty
    /// bin to its right (circularly) plus a constant times the distance
    /// (rotation densification, Shrivastava & Li 2014). Two sets whose
    /// non-empty bins agree get the same filled values, so agreement still
    /// estimates Jaccard similarity; one linear pass, no per-bin search.
    fn densify(&self, sig: &mut Signature) {
        const STEP: u64 = 0x9e37_79b9_7f4a_7c15;
        let Some(last) = (0..SIGNATURE_LEN).rev().find(|&i| sig[i] != u64::MAX) else {
            return;
        };
        // Walk leftwards from the last filled bin around the circle:
        // `last - 1` down to 0, then the top bins down to `last + 1`. A short
        // text leaves about half its bins empty in no predictable pattern,
        // so every step is written with selects instead of branches, and
        // `offset` (distance * STEP, wrapping) is kept as a running sum.
        let (mut value, mut offset) = (sig[last], 0u64);
        let mut step = |slot: &mut u64| {
            let empty = *slot == u64::MAX;
            offset = if empty { offset.wrapping_add(STEP) } else { 0 };
            value = if empty { value } else { *slot };
            *slot = value.wrapping_add(offset);
        };
        for i in (0..last).rev() {
            step(&mut sig[i]);
        }
        for i in (last + 1..SIGNATURE_LEN).rev() {
            step(&mut sig[i]);
        }
    }

    /// The signature of a set of shingle hashes (all `u64::MAX` when empty).
    /// Repeated hashes in `shingles` do not change it.
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut sig = [u64::MAX; SIGNATURE_LEN];
        for &x in shingles {
            self.update(&mut sig, x);
        }
        self.densify(&mut sig);
        sig
    }

    /// The signature of `text`: equal to [`MinHasher::signature`] of
    /// [`shingles`] of [`normalize`]d text, computed in one streaming pass
    /// without building, sorting or de-duplicating a shingle list.
    pub fn signature_of_text(&self, text: &str) -> Signature {
        let mut sig = [u64::MAX; SIGNATURE_LEN];
        for_each_shingle(text, |shingle| self.update(&mut sig, shingle));
        self.densify(&mut sig);
        sig
    }
}

/// [`shingles`] of [`normalize`]d `text` (sorted, de-duplicated), computed
/// straight from `text` by the signature scanner without building the
/// normalised string.
pub fn text_shingles(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    for_each_shingle(text, |shingle| out.push(shingle));
    out.sort_unstable();
    out.dedup();
    out
}

/// Call `f` with the hash of every word 5-shingle of `text` in text order
/// (repeats included): the values [`shingles`] gives for the normalised
/// text, including its single shingle for a text of one to four words.
#[inline(always)]
fn for_each_shingle(text: &str, mut f: impl FnMut(u64)) {
    // The last words' hashes in a ring of eight (a power of two, so the
    // slot is a mask of the word count) and the rolling hash of the last
    // SHINGLE_WORDS of them (see `hash_words`). The ring starts zeroed, so
    // the first words roll nothing out.
    const RING: usize = 8;
    let mut ring = [0u64; RING];
    let mut rolling = 0u64;
    let mut seen = 0usize;
    for_each_word(text, |word| {
        let leaving = ring[(seen + RING - SHINGLE_WORDS) % RING];
        rolling = rolling.rotate_left(1) ^ leaving.rotate_left(SHINGLE_WORDS as u32) ^ word;
        ring[seen % RING] = word;
        seen += 1;
        if seen >= SHINGLE_WORDS {
            f(rolling);
        }
    });
    if (1..SHINGLE_WORDS).contains(&seen) {
        f(hash_words(&ring[..seen]));
    }
}

const WORD_K: u64 = 0x9e37_79b9_7f4a_7c15;

/// One step of [`word_hash`]: fold eight bytes (little-endian) into `h`.
#[inline(always)]
fn word_step(h: u64, lane: u64) -> u64 {
    (h ^ lane).wrapping_mul(WORD_K).rotate_left(31)
}

/// The last step of [`word_hash`]: fold in the length and spread the bits.
#[inline(always)]
fn word_finish(h: u64, len: usize) -> u64 {
    let h = (h ^ (len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd)).wrapping_mul(WORD_K);
    h ^ (h >> 32)
}

/// The hash of one normalised word. Words are short, so a general-purpose
/// hash spends most of its time on setup; this one reads the word eight
/// bytes at a time (one multiply each). `mask` is OR-ed into every byte:
/// `0x20` lower-cases ASCII letters and leaves digits alone, so the
/// streaming path can hash a word straight from the original text; for
/// bytes that are already normalised it is a no-op on ASCII letters and
/// digits, and 0 is passed for non-ASCII words.
#[inline]
fn word_hash(bytes: &[u8], mask: u8) -> u64 {
    let mut h = 0u64;
    let mut lane = 0u64;
    for (k, &b) in bytes.iter().enumerate() {
        lane |= u64::from(b | mask) << (8 * (k % 8));
        if k % 8 == 7 {
            h = word_step(h, lane);
            lane = 0;
        }
    }
    if bytes.len() % 8 != 0 {
        h = word_step(h, lane);
    }
    word_finish(h, bytes.len())
}

/// Eight bytes of `bytes` from `pos` as a little-endian `u64`, zero-padded
/// past the end.
#[inline(always)]
fn load8(bytes: &[u8], pos: usize) -> u64 {
    match bytes.get(pos..pos + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")),
        None => {
            let mut buf = [0u8; 8];
            let tail = &bytes[pos.min(bytes.len())..];
            buf[..tail.len()].copy_from_slice(tail);
            u64::from_le_bytes(buf)
        }
    }
}

/// The low `len` bytes of a lane set (`1 <= len <= 8`).
#[inline(always)]
fn keep_bytes(len: usize) -> u64 {
    u64::MAX >> (64 - 8 * len)
}

/// [`word_hash`]`(&bytes[start..start + len], 0x20)` for a run of ASCII
/// letters and digits (`len >= 1`), read as whole eight-byte loads instead
/// of byte by byte, each lane masked to the word's bytes.
#[inline(always)]
fn ascii_word_hash(bytes: &[u8], start: usize, len: usize) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    if len <= 8 {
        let lane = (load8(bytes, start) | CASE) & keep_bytes(len);
        word_finish(word_step(0, lane), len)
    } else if len <= 16 {
        let first = word_step(0, load8(bytes, start) | CASE);
        let lane = (load8(bytes, start + 8) | CASE) & keep_bytes(len - 8);
        word_finish(word_step(first, lane), len)
    } else {
        ascii_long_word_hash(bytes, start, len)
    }
}

/// [`ascii_word_hash`] for words longer than sixteen bytes (rare).
#[inline(never)]
fn ascii_long_word_hash(bytes: &[u8], start: usize, len: usize) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    let (mut h, mut pos, mut left) = (0u64, start, len);
    while left > 8 {
        h = word_step(h, load8(bytes, pos) | CASE);
        pos += 8;
        left -= 8;
    }
    word_finish(
        word_step(h, (load8(bytes, pos) | CASE) & keep_bytes(left)),
        len,
    )
}

/// [`word_hash`] fed one byte at a time, for the words the careful path
/// builds. It takes normalised bytes (no mask): lower-case ASCII letters
/// and digits already have the `0x20` bit the mask would set, so the value
/// equals `word_hash` with either mask.
#[derive(Default)]
struct WordHasher {
    h: u64,
    lane: u64,
    len: usize,
}

impl WordHasher {
    fn push(&mut self, b: u8) {
        self.lane |= u64::from(b) << (8 * (self.len % 8));
        self.len += 1;
        if self.len % 8 == 0 {
            self.h = word_step(self.h, self.lane);
            self.lane = 0;
        }
    }

    /// The hash of the word pushed so far (`None` if empty); starts over.
    fn take(&mut self) -> Option<u64> {
        let WordHasher { h, lane, len } = std::mem::take(self);
        if len == 0 {
            return None;
        }
        let h = if len % 8 != 0 { word_step(h, lane) } else { h };
        Some(word_finish(h, len))
    }
}

/// Byte masks of a 64-byte block: bit `i` of `run` is set when byte `i`
/// can be part of a word (ASCII letter or digit, apostrophe, backtick or
/// any non-ASCII byte); bit `i` of `special` when it needs the careful path
/// (apostrophe, backtick, non-ASCII). Every other byte is an ASCII
/// separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BlockMasks {
    run: u64,
    special: u64,
}

/// [`BlockMasks`] with SSE2: sixteen bytes are classified with a few
/// compares and one `movemask` per mask.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn classify(block: &[u8; 64]) -> BlockMasks {
    // Every x86-64 target has SSE2 in its baseline features; this fails to
    // compile if a build ever disabled it.
    const _: () = assert!(cfg!(target_feature = "sse2"));
    // SAFETY: `classify_sse2` is safe apart from requiring SSE2, which the
    // assertion above shows is enabled for the whole build (so the CPU the
    // program runs on has it). It reads memory only through the safe
    // reference `block`.
    unsafe { classify_sse2(block) }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn classify_sse2(block: &[u8; 64]) -> BlockMasks {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_set_epi64x,
    };
    let splat = |b: u8| _mm_set1_epi8(b as i8);
    // Signed byte compares: bytes >= 0x80 are negative, so they fail every
    // `> lower bound` test and are picked up by `movemask` instead.
    let within = |v: __m128i, lo: u8, hi: u8| {
        _mm_and_si128(
            _mm_cmpgt_epi8(v, splat(lo - 1)),
            _mm_cmpgt_epi8(splat(hi + 1), v),
        )
    };
    let (mut run, mut special) = (0u64, 0u64);
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let lo = u64::from_le_bytes(chunk[..8].try_into().expect("eight bytes"));
        let hi = u64::from_le_bytes(chunk[8..].try_into().expect("eight bytes"));
        let v = _mm_set_epi64x(hi as i64, lo as i64);
        let letter = within(_mm_or_si128(v, splat(0x20)), b'a', b'z');
        let digit = within(v, b'0', b'9');
        let apostrophe = _mm_or_si128(
            _mm_cmpeq_epi8(v, splat(b'\'')),
            _mm_cmpeq_epi8(v, splat(b'`')),
        );
        let high = _mm_movemask_epi8(v) as u32 as u64;
        let quote = _mm_movemask_epi8(apostrophe) as u32 as u64;
        let alnum = _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32 as u64;
        run |= (alnum | quote | high) << (16 * k);
        special |= (quote | high) << (16 * k);
    }
    BlockMasks { run, special }
}

/// [`BlockMasks`] eight bytes at a time in ordinary integer registers
/// ("SWAR"), for targets without the SSE2 version. Each test leaves its
/// answer in the top bit of every byte; the ranges are checked on the low
/// seven bits, where the subtractions cannot borrow across bytes.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn classify_swar(block: &[u8; 64]) -> BlockMasks {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // y >= c and y <= c for bytes y < 0x80 and c < 0x80.
    let ge = |y: u64, c: u8| (y | HIGH).wrapping_sub(ONES * u64::from(c)) & HIGH;
    let le = |y: u64, c: u8| ((ONES * u64::from(c)) | HIGH).wrapping_sub(y) & HIGH;
    let eq = |y: u64, c: u8| !((y ^ (ONES * u64::from(c))) | HIGH).wrapping_sub(ONES) & HIGH;
    // The top bit of each byte, gathered into eight consecutive bits.
    let gather = |m: u64| (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let (mut run, mut special) = (0u64, 0u64);
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let high = x & HIGH;
        let y = x & !HIGH;
        let lower = y | (ONES * 0x20);
        let alnum = (ge(lower, b'a') & le(lower, b'z')) | (ge(y, b'0') & le(y, b'9'));
        let quote = eq(y, b'\'') | eq(y, b'`');
        run |= gather(alnum | quote | high) << (8 * k);
        special |= gather(quote | high) << (8 * k);
    }
    BlockMasks { run, special }
}

#[cfg(not(target_arch = "x86_64"))]
use classify_swar as classify;

/// Call `f` with the [`word_hash`] of each word of `text` as [`normalize`]
/// splits it (lower-cased alphanumeric runs, apostrophes dropped), without
/// allocating the normalised text.
///
/// The text is classified 64 bytes at a time into bit masks
/// ([`BlockMasks`]); the changes between run and separator bytes give the
/// start and end of every run with a few bit operations, with no per-byte
/// branch. ASCII separators always split words in `normalize`, so a run
/// without special bytes is exactly one word (plain ASCII, hashed with
/// whole-word loads); a run with special bytes is split and hashed by
/// [`careful_words`].
#[inline(always)]
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // State carried across blocks: whether the last byte of the previous
    // block was in a run, and in a run with special bytes up to it; whether
    // a run is open and where it started.
    let (mut prev_run, mut prev_special) = (0u64, 0u64);
    let (mut in_run, mut run_start) = (false, 0usize);
    let mut base = 0;
    while base < n {
        let masks = match bytes.get(base..base + 64) {
            Some(block) => classify(block.try_into().expect("64 bytes")),
            None => {
                // The last block, padded with NUL bytes (separators).
                let mut block = [0u8; 64];
                block[..n - base].copy_from_slice(&bytes[base..]);
                classify(&block)
            }
        };
        let run = masks.run;
        // Bit i set: byte i differs from byte i - 1 in run membership.
        let mut edges = run ^ ((run << 1) | prev_run);
        // Bit i set: byte i is in a run that has a special byte at or
        // before i. A prefix OR inside runs, doubling its reach each step:
        // `whole` marks bytes whose last `shift` bytes are all in the run.
        let mut special = masks.special | (prev_special & run & 1);
        let mut whole = run;
        for shift in [1, 2, 4, 8, 16, 32] {
            special |= (special << shift) & whole;
            whole &= whole << shift;
        }
        // Bit i set: the byte before byte i is in such a run; at the end of
        // a run (an edge at i) this says whether the run needs the careful
        // path.
        let special_before = (special << 1) | prev_special;
        prev_run = run >> 63;
        prev_special = special >> 63;
        // Edges alternate between run starts and run ends. The run left
        // open by the previous block ends at the first edge, if any.
        if in_run && edges != 0 {
            let end = edges.trailing_zeros();
            edges &= edges - 1;
            let careful = (special_before >> end) & 1 != 0;
            emit_run(text, run_start, base + end as usize, careful, &mut f);
            in_run = false;
        }
        if !in_run {
            while edges != 0 {
                let start = edges.trailing_zeros();
                edges &= edges - 1;
                if edges == 0 {
                    // The run goes on into the next block.
                    run_start = base + start as usize;
                    in_run = true;
                    break;
                }
                let end = edges.trailing_zeros();
                edges &= edges - 1;
                let careful = (special_before >> end) & 1 != 0;
                emit_run(
                    text,
                    base + start as usize,
                    base + end as usize,
                    careful,
                    &mut f,
                );
            }
        }
        base += 64;
    }
    if in_run {
        emit_run(text, run_start, n, prev_special != 0, &mut f);
    }
}

/// The words of the run `text[start..end]`: one plain ASCII word, or
/// (`special`) whatever [`careful_words`] finds in it.
#[inline(always)]
fn emit_run(text: &str, start: usize, end: usize, special: bool, f: &mut impl FnMut(u64)) {
    if special {
        // Runs start and end next to ASCII bytes (or at the ends of the
        // text), so they are on character boundaries.
        careful_words(&text[start..end], f);
    } else {
        f(ascii_word_hash(text.as_bytes(), start, end - start));
    }
}

/// The words of one run of non-separator bytes that has apostrophes or
/// non-ASCII characters, exactly as [`normalize`] writes them: apostrophes
/// are dropped, non-alphanumeric characters split, letters are lower-cased.
#[cold]
#[inline(never)]
fn careful_words(run: &str, f: &mut impl FnMut(u64)) {
    let mut word = WordHasher::default();
    for c in run.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase() as u8);
            } else {
                let mut buf = [0u8; 4];
                for lc in c.to_lowercase() {
                    lc.encode_utf8(&mut buf).bytes().for_each(|b| word.push(b));
                }
            }
        } else if !is_apostrophe(c) {
            if let Some(h) = word.take() {
                f(h);
            }
        }
    }
    if let Some(h) = word.take() {
        f(h);
    }
}

/// The MinHash signature of `text` with the default hash functions (the
/// ones [`crate::Deduplicator`] uses).
pub fn signature(text: &str) -> Signature {
    DEFAULT_HASHER.signature_of_text(text)
}

pub(crate) static DEFAULT_HASHER: MinHasher = MinHasher::new(DEFAULT_SEED);

/// The estimated Jaccard similarity of the sets behind two signatures: the
/// share of hash functions on which they agree.
pub fn estimate_jaccard(a: &Signature, b: &Signature) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE_LEN as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_punctuation_and_apostrophes() {
        assert_eq!(
            normalize("  The Mayor’s office -- \"didn't\" say!\n\nNew line."),
            "the mayors office didnt say new line"
        );
        assert_eq!(normalize("...!"), "");
    }

    #[test]
    fn short_texts_have_one_shingle() {
        assert_eq!(shingles("a b c").len(), 1);
        assert_eq!(shingles("").len(), 0);
        assert_eq!(shingles("a b c d e f").len(), 2);
    }

    #[test]
    fn signatures_estimate_jaccard() {
        let base: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let a = base.join(" ");
        let b = base[..300].join(" ");
        let (sa, sb) = (signature(&a), signature(&b));
        let est = estimate_jaccard(&sa, &sb);
        // true Jaccard = 296 / 396
        assert!((est - 296.0 / 396.0).abs() < 0.15, "estimate {est}");
        assert_eq!(signature(&a), sa);
    }
}

#[cfg(test)]
mod oph_tests {
    use super::*;

    #[test]
    fn streaming_signature_equals_the_shingle_signature() {
        let texts = [
            "The Lowmarsh ferry resumed service on Monday after its hull was repaired.",
            "Café owners in Port Aldery say the strike’s end came “just in time”.",
            "Too short",
            "",
            "Don't stop: l'État a dit «non» — ÉCOLE and école, naïve O'Brien's 3.25% rise",
            "'quoted' words, end'",
        ];
        for t in texts {
            assert_eq!(
                DEFAULT_HASHER.signature_of_text(t),
                DEFAULT_HASHER.signature(&shingles(&normalize(t))),
                "{t}"
            );
        }
    }

    /// A small deterministic generator for the tests below.
    fn lcg(state: &mut u64) -> u64 {
        *state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *state >> 33
    }

    #[test]
    fn signature_values_are_stable() {
        // Signatures are stored (crosscheck-store) and compared with new
        // ones, so the hash functions must not change between versions.
        // These values were produced by the byte-at-a-time implementation
        // this one replaced.
        let t = "The Lowmarsh ferry resumed service on Monday after its hull was \
                 repaired, officials said; O'Brien's café reopened too.";
        let s = signature(t);
        let fold = s.iter().fold(0u64, |a, &x| a.rotate_left(7) ^ x);
        assert_eq!(
            (s[0], s[127], fold),
            (
                0x64c5_3550_862a_cf86,
                0xff7d_d6c9_ad42_2adc,
                0xb935_8711_5810_f3f0
            )
        );
        let s = signature("one two");
        let fold = s.iter().fold(0u64, |a, &x| a.rotate_left(7) ^ x);
        assert_eq!(fold, 0x17ac_257e_5703_8dd0);
        assert_eq!(signature(""), [u64::MAX; SIGNATURE_LEN]);
    }

    #[test]
    fn whole_lane_word_hash_equals_byte_at_a_time() {
        // Every length at every position, including words that end at the
        // very end of the text (the loads there are zero-padded).
        let text: Vec<u8> = (0..80u8).map(|i| b"aZ09kQ"[usize::from(i) % 6]).collect();
        for len in 1..=40 {
            for start in 0..=text.len() - len {
                let word = &text[start..start + len];
                assert_eq!(
                    ascii_word_hash(&text[..start + len], start, len),
                    word_hash(word, 0x20),
                    "{start} {len}"
                );
                assert_eq!(ascii_word_hash(&text, start, len), word_hash(word, 0x20));
            }
        }
    }

    #[test]
    fn simd_and_portable_classifiers_agree() {
        let reference = |block: &[u8; 64]| {
            let (mut run, mut special) = (0u64, 0u64);
            for (i, &b) in block.iter().enumerate() {
                let quote = b == b'\'' || b == b'`' || b >= 0x80;
                run |= u64::from(b.is_ascii_alphanumeric() || quote) << i;
                special |= u64::from(quote) << i;
            }
            BlockMasks { run, special }
        };
        let mut state = 3u64;
        let mut blocks: Vec<[u8; 64]> = (0..=255u8)
            .collect::<Vec<_>>()
            .chunks_exact(64)
            .map(|c| c.try_into().unwrap())
            .collect();
        for _ in 0..2000 {
            blocks.push(std::array::from_fn(|_| lcg(&mut state) as u8));
        }
        for block in &blocks {
            assert_eq!(classify(block), reference(block), "{block:?}");
            assert_eq!(classify_swar(block), reference(block), "{block:?}");
        }
    }

    #[test]
    fn streaming_signature_matches_on_generated_texts() {
        // Pieces chosen to put word ends, apostrophes, non-ASCII letters and
        // non-ASCII separators on and across the 64-byte block boundaries
        // of the scanner, and words longer than one or two lanes.
        let pieces = [
            "a",
            "Bc",
            "7",
            " ",
            "  ",
            "'",
            "`",
            ".",
            "\n",
            "-",
            "é",
            "É",
            "—",
            "’",
            "“",
            "ß",
            "İ",
            "ǅ",
            "Ⅻ",
            "x1y2z3",
            "abcdefgh",
            "ABCDEFGHI",
            "telecommunications",
            "supercalifragilisticexpialidocious",
            "don't",
            "O'Brien",
            "3.25%",
        ];
        let mut state = 11u64;
        for round in 0..3000 {
            let mut t = String::new();
            let n = (lcg(&mut state) % 120) as usize + round % 3;
            for _ in 0..n {
                t.push_str(pieces[lcg(&mut state) as usize % pieces.len()]);
            }
            assert_eq!(
                DEFAULT_HASHER.signature_of_text(&t),
                DEFAULT_HASHER.signature(&shingles(&normalize(&t))),
                "{t:?}"
            );
            assert_eq!(text_shingles(&t), shingles(&normalize(&t)), "{t:?}");
        }
        // The shingle list straight from the text, too.
        for t in [
            "",
            "Too short",
            "Don't stop: l'État a dit «non» — ÉCOLE and école, naïve",
        ] {
            assert_eq!(text_shingles(t), shingles(&normalize(t)), "{t:?}");
        }
        // One run longer than several blocks, with a special byte early on
        // (the careful path must see the whole run) or none at all.
        for head in ["é", "x", "'"] {
            for tail in 0..70 {
                let t = format!("{head}{} two three four five six", "k".repeat(150 + tail));
                assert_eq!(
                    DEFAULT_HASHER.signature_of_text(&t),
                    DEFAULT_HASHER.signature(&shingles(&normalize(&t))),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn agreement_tracks_jaccard() {
        // Two sets of 2,000 shingles sharing 1,000: Jaccard 1/3.
        let a: Vec<u64> = (0..2000u64).map(mix).collect();
        let b: Vec<u64> = (1000..3000u64).map(mix).collect();
        let est = estimate_jaccard(&DEFAULT_HASHER.signature(&a), &DEFAULT_HASHER.signature(&b));
        assert!((est - 1.0 / 3.0).abs() < 0.12, "{est}");
        // Small sets leave bins empty; densified signatures still agree
        // exactly for equal sets and rarely for disjoint ones.
        let c: Vec<u64> = (0..20u64).map(|i| mix(i + 77)).collect();
        let d: Vec<u64> = (0..20u64).map(|i| mix(i + 5000)).collect();
        let sc = DEFAULT_HASHER.signature(&c);
        assert_eq!(estimate_jaccard(&sc, &sc), 1.0);
        assert!(estimate_jaccard(&sc, &DEFAULT_HASHER.signature(&d)) < 0.2);
    }
}
