//! Language tools shared by every stage: sentence splitting, word
//! tokenisation, stemming and stop words.
//!
//! One concept: turning cleaned text into units the other stages compare.
//! Sentences are byte spans into the text (so citations can point at them),
//! words are byte-offset slices, and *terms* are lower-cased Porter stems with
//! stop words removed.

#![warn(missing_docs)]

mod sentences;
mod stopwords;

pub use sentences::is_party_tag;

use std::cell::RefCell;

use ahash::{AHashMap, AHashSet};
use crosscheck_model::{Article, Document, Sentence, Span};
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Sentences of `text` as trimmed byte spans with their paragraph index.
/// Paragraphs are separated by one or more blank lines; a sentence never
/// crosses a paragraph boundary.
///
/// Inside a paragraph a single newline reads as a space, except after a
/// short line without terminal punctuation (a heading or label), which is a
/// sentence of its own.
pub fn sentences(text: &str) -> Vec<(Span, usize)> {
    sentences::sentences(text)
}

/// Words of `text` (letters/digits, with inner apostrophes, hyphens, periods
/// and commas in numbers kept) with their byte offsets.
///
/// These are Unicode word boundaries (UAX #29): "U.S." gives "U.S", "3.25"
/// and "10,000" stay whole, "can't" and "Korea’s" are one word, and
/// "e-mail" is two.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    if text.is_ascii() {
        // Most news text is ASCII, where the word rules come down to a few
        // character classes: a direct scan is several times faster than
        // the general segmenter, and gives the same words (tested against
        // it).
        ascii_words(text)
    } else {
        text.unicode_word_indices().collect()
    }
}

/// How [`ascii_words`] reads a byte.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const UNDERSCORE: u8 = 4;
/// Joins two letters: ":", ".", "'".
const MID_LETTER: u8 = 8;
/// Joins two digits: ",", ";", ".", "'".
const MID_NUMBER: u8 = 16;

const fn ascii_classes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b == b'_' {
            UNDERSCORE
        } else if b == b':' {
            MID_LETTER
        } else if b == b',' || b == b';' {
            MID_NUMBER
        } else if b == b'.' || b == b'\'' {
            MID_LETTER | MID_NUMBER
        } else {
            0
        };
        c += 1;
    }
    t
}

/// UAX #29 words of ASCII text: runs of letters, digits and underscores,
/// joined across a single ":", "." or "'" between two letters and a single
/// ",", ";", "." or "'" between two digits (rules WB5–WB13b; the others
/// concern characters outside ASCII), keeping only runs that hold a letter
/// or digit, as `unicode_word_indices` does.
fn ascii_words(text: &str) -> Vec<(usize, &str)> {
    const CLASS: [u8; 128] = ascii_classes();
    const WORD: u8 = LETTER | DIGIT | UNDERSCORE;
    let b = text.as_bytes();
    let class = |i: usize| b.get(i).map_or(0, |&c| CLASS[usize::from(c & 0x7f)]);
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut at = 0;
    while at < b.len() {
        if class(at) & WORD == 0 {
            at += 1;
            continue;
        }
        let (start, mut last) = (at, at);
        let mut alnum = class(at) & (LETTER | DIGIT) != 0;
        loop {
            let next = class(last + 1);
            if next & WORD != 0 {
                alnum |= next & (LETTER | DIGIT) != 0;
                last += 1;
                continue;
            }
            let (left, right) = (class(last), class(last + 2));
            let across = (left & right & LETTER != 0 && next & MID_LETTER != 0)
                || (left & right & DIGIT != 0 && next & MID_NUMBER != 0);
            if !across {
                break;
            }
            last += 2;
        }
        at = last + 1;
        if alnum {
            out.push((start, &text[start..at]));
        }
    }
    out
}

/// Whether `word` (lower case) is one of the English function words of the
/// built-in stop-word list (articles, pronouns, auxiliaries, prepositions,
/// conjunctions).
pub fn is_function_word(word: &str) -> bool {
    // The list is sorted (a test checks it).
    stopwords::ENGLISH.binary_search(&word).is_ok()
}

/// Collapse every run of whitespace to one space and trim.
pub fn fold_whitespace(text: &str) -> String {
    // Most texts are already folded: ASCII, no whitespace but single
    // spaces between words. They are copied after one scan of their bytes
    // (the reconcile stage folds thousands of spans per story).
    let b = text.as_bytes();
    let folded = b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && b.iter().all(|&c| c > b' ' && c < 0x80 || c == b' ')
        && !b.windows(2).any(|w| w == b"  ");
    if folded {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text reduced to what two exact copies of an article share: Unicode NFKC,
/// lower case, curly quotes made straight, punctuation and symbols removed,
/// and whitespace folded to single spaces. Used to hash articles for exact
/// duplicate detection.
pub fn normalize_for_hash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        let c = straighten_quote(c);
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push(' ');
        }
        // Everything else is punctuation or a symbol: dropped.
    }
    fold_whitespace(&out)
}

/// Curly quotes and apostrophes as their straight ASCII forms.
fn straighten_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        c => c,
    }
}

/// Largest number of words kept in a thread's stem cache.
const STEM_CACHE_LIMIT: usize = 50_000;

thread_local! {
    /// Lower-cased word → stem, for [`Analyzer::stem_cached`]. Only one
    /// stemmer (English) exists, so the cache needs no per-analyzer key.
    static STEM_CACHE: RefCell<AHashMap<Box<str>, Box<str>>> = RefCell::new(AHashMap::new());
}

/// Stemmer and stop-word list for one language (English for now).
pub struct Analyzer {
    stemmer: Stemmer,
    // ahash rather than std's SipHash: two lookups per word dominate `terms`.
    stop_words: AHashSet<&'static str>,
}

impl Analyzer {
    /// The English analyzer (Porter2 stemmer, built-in stop-word list).
    pub fn english() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
            stop_words: stopwords::ENGLISH.iter().copied().collect(),
        }
    }

    /// Whether `word` (any case) is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        let mut buf = String::with_capacity(word.len());
        lower_into(word, &mut buf);
        self.stop_words.contains(buf.as_str())
    }

    /// Lower-cased stems of the non-stop words of `text`, in order.
    ///
    /// Numbers are terms as written without thousands separators ("10,000"
    /// gives "10000", "3.25" stays); dotted acronyms lose their dots ("U.S."
    /// gives "us", as does the capitalised "US", while the pronoun "us" is a
    /// stop word); curly apostrophes count as straight ones.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for (_, word) in words(text) {
            if let Some(term) = self.term(word, &mut buf) {
                out.push(term);
            }
        }
        out
    }

    /// The term for one word, or `None` for a stop word. `buf` is scratch
    /// space reused across words to avoid an allocation per word.
    fn term(&self, word: &str, buf: &mut String) -> Option<String> {
        lower_into(word, buf);
        let first = buf.chars().next()?;
        if first.is_ascii_digit()
            && buf
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            let number: String = buf.chars().filter(|&c| c != ',').collect();
            return Some(number.trim_end_matches('.').to_string());
        }
        if buf.contains('.') {
            // "u.s", "j.r.r": an acronym; "example.com": kept whole.
            let is_acronym = buf.split('.').all(|part| part.chars().count() <= 1);
            return Some(if is_acronym {
                buf.replace('.', "")
            } else {
                buf.clone()
            });
        }
        if word == "US" {
            return Some("us".to_string());
        }
        if self.stop_words.contains(buf.as_str()) {
            return None;
        }
        Some(self.stem_cached(buf))
    }

    /// The Porter2 stem of the lower-cased word `lower`, memoised per thread.
    ///
    /// Stemming is the costliest step of [`Analyzer::terms`] and news text
    /// repeats its words, so a small per-thread cache roughly doubles the
    /// throughput of `analyse`. The cache is cleared when it grows past
    /// [`STEM_CACHE_LIMIT`] entries to bound memory.
    fn stem_cached(&self, lower: &str) -> String {
        STEM_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(lower) {
                return stem.to_string();
            }
            let stem = self.stemmer.stem(lower).into_owned();
            if cache.len() >= STEM_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(lower.into(), stem.as_str().into());
            stem
        })
    }

    /// Split an article into sentences and analyse each.
    pub fn analyse(&self, article: Article) -> Document {
        let sentences = sentences(&article.text)
            .into_iter()
            .map(|(span, paragraph)| Sentence {
                span,
                paragraph,
                terms: self.terms(span.slice(&article.text)),
            })
            .collect();
        Document { article, sentences }
    }
}

/// Lower-case `word` into `buf` (cleared first), with curly apostrophes made
/// straight so "Korea’s" and "Korea's" give the same term.
fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        let c = straighten_quote(c);
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests;
