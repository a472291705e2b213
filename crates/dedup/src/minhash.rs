//! Word shingles and MinHash signatures.

use xxhash_rust::xxh3::xxh3_64;

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
        .map(|w| xxh3_64(w.as_bytes()))
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

fn hash_words(words: &[u64]) -> u64 {
    let mut buf = [0u8; 8 * SHINGLE_WORDS];
    for (chunk, w) in buf.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&buf[..8 * words.len()])
}

/// Computes MinHash signatures from shingle hashes.
///
/// Hash function `i` maps a shingle hash `x` to `a_i * x + b_i` (wrapping
/// `u64` arithmetic) with fixed odd multipliers `a_i` and offsets `b_i`
/// drawn from a seeded generator, so signatures are the same in every run.
/// Only one real hash (xxh3) is computed per shingle; the 128 derived values
/// cost a multiply, an add and a min each, a loop the compiler vectorises.
#[derive(Debug, Clone)]
pub struct MinHasher {
    mul: [u64; SIGNATURE_LEN],
    add: [u64; SIGNATURE_LEN],
}

impl Default for MinHasher {
    fn default() -> Self {
        MinHasher::new(DEFAULT_SEED)
    }
}

const DEFAULT_SEED: u64 = 0x6372_6f73_7363_6865; // "crossche"

const fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl MinHasher {
    /// A hasher whose hash functions are drawn from `seed`.
    pub const fn new(seed: u64) -> Self {
        let mut state = seed;
        let mut mul = [0u64; SIGNATURE_LEN];
        let mut add = [0u64; SIGNATURE_LEN];
        let mut i = 0;
        while i < SIGNATURE_LEN {
            mul[i] = splitmix64(&mut state) | 1;
            add[i] = splitmix64(&mut state);
            i += 1;
        }
        MinHasher { mul, add }
    }

    /// The signature of a set of shingle hashes (all `u64::MAX` when empty).
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut sig = [u64::MAX; SIGNATURE_LEN];
        for &x in shingles {
            for ((s, &a), &b) in sig.iter_mut().zip(&self.mul).zip(&self.add) {
                *s = (*s).min(a.wrapping_mul(x).wrapping_add(b));
            }
        }
        sig
    }

    /// The signature of `text`: [`normalize`], [`shingles`], then
    /// [`MinHasher::signature`].
    pub fn signature_of_text(&self, text: &str) -> Signature {
        self.signature(&shingles(&normalize(text)))
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
