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
        let bin = (h >> (64 - BIN_BITS)) as usize;
        if h < sig[bin] {
            sig[bin] = h;
        }
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
        // Walk leftwards from the last filled bin, twice around the circle.
        let (mut value, mut distance) = (sig[last], 0u64);
        for k in 1..SIGNATURE_LEN {
            let i = (last + SIGNATURE_LEN - k) % SIGNATURE_LEN;
            if sig[i] == u64::MAX {
                distance += 1;
                sig[i] = value.wrapping_add(distance.wrapping_mul(STEP));
            } else {
                value = sig[i];
                distance = 0;
            }
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
        // Ring of the last SHINGLE_WORDS word hashes and the rolling hash of
        // the words in it (see `hash_words`).
        let mut ring = [0u64; SHINGLE_WORDS];
        let mut rolling = 0u64;
        let mut seen = 0usize;
        for_each_word(text, |w| {
            let slot = seen % SHINGLE_WORDS;
            let leaving = if seen >= SHINGLE_WORDS { ring[slot] } else { 0 };
            rolling = rolling.rotate_left(1) ^ leaving.rotate_left(SHINGLE_WORDS as u32) ^ w;
            ring[slot] = w;
            seen += 1;
            if seen >= SHINGLE_WORDS {
                self.update(&mut sig, rolling);
            }
        });
        if (1..SHINGLE_WORDS).contains(&seen) {
            self.update(&mut sig, hash_words(&ring[..seen]));
        }
        self.densify(&mut sig);
        sig
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

/// Byte classes for the word scanner: 1 = ASCII letter or digit, 2 = a byte
/// that needs the careful path (apostrophe, backtick, non-ASCII), 0 = a
/// separator.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if c == b'\'' || c == b'`' || c >= 0x80 {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Call `f` with the [`word_hash`] of each word of `text` as [`normalize`]
/// splits it (lower-cased alphanumeric runs, apostrophes dropped), without
/// allocating the normalised text. Plain ASCII words (the common case) are
/// hashed in place; words with apostrophes or non-ASCII letters go through
/// a small buffer exactly as `normalize` would write them.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut word: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if CLASS[b as usize] == 0 {
            i += 1;
            continue;
        }
        // Fast path: scan and hash a plain ASCII word in one pass (the same
        // value `word_hash(word, 0x20)` gives).
        let start = i;
        let (mut h, mut lane, mut k) = (0u64, 0u64, 0u32);
        while i < n && CLASS[bytes[i] as usize] == 1 {
            lane |= u64::from(bytes[i] | 0x20) << (8 * k);
            k += 1;
            i += 1;
            if k == 8 {
                h = word_step(h, lane);
                lane = 0;
                k = 0;
            }
        }
        if i > start && (i == n || CLASS[bytes[i] as usize] == 0) {
            if k > 0 {
                h = word_step(h, lane);
            }
            f(word_finish(h, i - start));
            continue;
        }
        // Slow path: build the word as `normalize` does until a separator.
        word.clear();
        let mut j = start;
        while j < n {
            let b = bytes[j];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    word.push(b.to_ascii_lowercase());
                } else if b != b'\'' && b != b'`' {
                    break;
                }
                j += 1;
            } else {
                let c = text[j..].chars().next().expect("on a char boundary");
                if c.is_alphanumeric() {
                    let mut buf = [0u8; 4];
                    for lc in c.to_lowercase() {
                        word.extend_from_slice(lc.encode_utf8(&mut buf).as_bytes());
                    }
                } else if !is_apostrophe(c) {
                    break;
                }
                j += c.len_utf8();
            }
        }
        // A non-ASCII separator at the start: step over the whole character.
        i = if j > start {
            j
        } else {
            start + text[start..].chars().next().map_or(1, char::len_utf8)
        };
        if !word.is_empty() {
            f(word_hash(&word, if word.is_ascii() { 0x20 } else { 0 }));
        }
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
