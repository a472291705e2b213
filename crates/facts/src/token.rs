//! A small tokeniser with byte offsets, tuned for the patterns the facts
//! stage reads: numbers stay whole ("10,000", "3.25", "6:40"), hyphenated
//! words stay whole ("Sol-hwa", "32,000-seat", "half-point") and a possessive
//! or inner apostrophe stays in its word ("Haletsky’s", "can't").

use crate::fold::strip_possessive;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, inner hyphens or apostrophes).
    Word,
    /// Starts with a digit: "43", "3.25", "10,000", "32,000-seat", "6:40".
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token: a byte range of the text it was cut from (absolute offsets
/// when the tokeniser was given a base offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: TokKind,
}

impl Token<'_> {
    /// Whether the token is a word starting with an upper-case letter, or
    /// a name written with an Arabic article ("al-Varsi", "el-Nadir"),
    /// which is a name word wherever it stands.
    #[inline]
    pub fn is_capitalised(&self) -> bool {
        if self.kind != TokKind::Word {
            return false;
        }
        // Asked of every token many times: ASCII letters are answered
        // from the first byte, and only a hyphen where an article would
        // end sends a lower-case word to the article list.
        let b = self.text.as_bytes();
        match b.first() {
            Some(c) if c.is_ascii_uppercase() => true,
            Some(c) if c.is_ascii() => {
                (b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-')) && has_name_article(self.text)
            }
            Some(_) => self.text.chars().next().is_some_and(char::is_uppercase),
            None => false,
        }
    }
    /// Whether the token is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
}

/// Whether `word` is a name written with an Arabic article ("al-Varsi",
/// not "al-" alone nor "as-yet"): see [`crate::fold::name_article_len`].
fn has_name_article(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase()) && crate::fold::name_article_len(word) > 0
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Tokens of `text`; offsets are `base + ` the byte offset in `text`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    if text.is_ascii() {
        // Most newswire sentences are ASCII: there a byte is a character
        // at its own offset, and the scan reads the bytes in place instead
        // of first collecting (offset, character) pairs. Of the ASCII
        // characters, Unicode counts as letters and digits exactly those
        // the ASCII test does, so the cheaper test answers the same.
        let b = text.as_bytes();
        scan(
            text,
            base,
            b.len(),
            |i| (i, char::from(b[i])),
            |c| c.is_ascii_alphanumeric(),
        )
    } else {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        scan(text, base, chars.len(), |i| chars[i], char::is_alphanumeric)
    }
}

/// [`tokenize`] over the `n` characters of `text`, `at(i)` giving the
/// byte offset and the character of the `i`-th; `alnum` is
/// `char::is_alphanumeric` (or an equivalent for the text's characters).
fn scan(
    text: &str,
    base: usize,
    n: usize,
    at: impl Fn(usize) -> (usize, char),
    alnum: impl Fn(char) -> bool,
) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let get = |i: usize| (i < n).then(|| at(i));
    let mut i = 0;
    while i < n {
        let (s, c) = at(i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // Dotted initialisms ("U.S.", "U.N.", "E.U."): one word with its
        // dots, so that they are not read as single letters and sentence
        // ends.
        if c.is_ascii_uppercase() {
            let mut j = i;
            while j + 1 < n && at(j).1.is_ascii_uppercase() && at(j + 1).1 == '.' {
                j += 2;
            }
            if j - i >= 4 && !get(j).is_some_and(|x| alnum(x.1)) {
                let e = get(j).map_or(text.len(), |x| x.0);
                out.push(Token {
                    start: base + s,
                    end: base + e,
                    text: &text[s..e],
                    kind: TokKind::Word,
                });
                i = j;
                continue;
            }
        }
        if alnum(c) {
            let numeric = c.is_ascii_digit();
            let mut j = i + 1;
            while j < n {
                let cj = at(j).1;
                if alnum(cj) {
                    j += 1;
                    continue;
                }
                let next = get(j + 1).map(|x| x.1);
                let next_alnum = next.is_some_and(&alnum);
                let prev_digit = at(j - 1).1.is_ascii_digit();
                let next_digit = next.is_some_and(|x| x.is_ascii_digit());
                // Inner joiners: hyphens and apostrophes between letters, and
                // the decimal point, thousands comma or clock colon of a number.
                let joins = (is_hyphen(cj) && next_alnum)
                    || (is_apostrophe(cj) && next_alnum && !numeric)
                    || ((cj == '.' || cj == ',' || cj == ':') && prev_digit && next_digit);
                if joins {
                    j += 2;
                } else {
                    break;
                }
            }
            let e = get(j).map_or(text.len(), |x| x.0);
            out.push(Token {
                start: base + s,
                end: base + e,
                text: &text[s..e],
                kind: if numeric {
                    TokKind::Number
                } else {
                    TokKind::Word
                },
            });
            i = j;
        } else {
            // Typewriter double quotes written as two marks ('' and ``)
            // stay one token, as in newswire text.
            let pair = (c == '\'' || c == '`') && get(i + 1).is_some_and(|x| x.1 == c);
            let width = if pair { 2 } else { 1 };
            let e = get(i + width).map_or(text.len(), |x| x.0);
            out.push(Token {
                start: base + s,
                end: base + e,
                text: &text[s..e],
                kind: TokKind::Punct,
            });
            i += width;
        }
    }
    out
}

/// The tokens of a sentence in lower case, made once per sentence and read
/// by every stage (each used to lower-case every token again, one string
/// per token).
pub struct Lower<'a> {
    /// Each token's text lower-cased, as `str::to_lowercase` gives it.
    pub words: Vec<&'a str>,
    /// Each token's text without a possessive ending, lower-cased:
    /// `strip_possessive(text).to_lowercase()`.
    pub bare: Vec<&'a str>,
}

impl<'a> Lower<'a> {
    /// The lower-case forms of `toks`. Forms that differ from the text are
    /// written to `buf` (cleared first); the others borrow the tokens.
    pub fn new(toks: &[Token<'a>], buf: &'a mut String) -> Lower<'a> {
        buf.clear();
        // Room for all the tokens' text at once (ASCII keeps its length
        // in lower case), rather than growing the buffer word by word.
        if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
            buf.reserve(last.end.saturating_sub(first.start));
        }
        // Per token: where its lower-case form lies in `buf` (start `TEXT`:
        // the token's own text), and where its bare form lies (start
        // `PREFIX`: the first `end` bytes of the lower-case form).
        const TEXT: u32 = u32::MAX;
        const PREFIX: u32 = u32::MAX;
        let mut places: Vec<[u32; 4]> = Vec::with_capacity(toks.len());
        for t in toks {
            let b = t.text.as_bytes();
            if b.is_ascii() {
                // ASCII: lower-casing keeps every byte in place, so the
                // bare form is a prefix of the lower-case one; and only a
                // word ending in "s" or an apostrophe can be possessive.
                let stem = if matches!(b.last(), Some(b's' | b'\'')) {
                    strip_possessive(t.text).len()
                } else {
                    b.len()
                } as u32;
                if b.iter().any(u8::is_ascii_uppercase) {
                    let s = buf.len();
                    buf.push_str(t.text);
                    buf[s..].make_ascii_lowercase();
                    places.push([s as u32, buf.len() as u32, PREFIX, stem]);
                } else {
                    places.push([TEXT, 0, PREFIX, stem]);
                }
                continue;
            }
            // Other text keeps the standard library's rules (a final sigma
            // depends on what follows it, lengths may change): lower-case
            // the whole word, and the bare word on its own.
            let stem = strip_possessive(t.text);
            let s = buf.len();
            buf.push_str(&t.text.to_lowercase());
            let low = [s as u32, buf.len() as u32];
            if stem.len() == t.text.len() {
                places.push([low[0], low[1], PREFIX, low[1] - low[0]]);
            } else {
                let s = buf.len();
                buf.push_str(&stem.to_lowercase());
                places.push([low[0], low[1], s as u32, buf.len() as u32]);
            }
        }
        let buf: &'a str = buf;
        let mut words = Vec::with_capacity(toks.len());
        let mut bare = Vec::with_capacity(toks.len());
        for (t, [ls, le, bs, be]) in toks.iter().zip(places) {
            let w = if ls == TEXT {
                t.text
            } else {
                &buf[ls as usize..le as usize]
            };
            words.push(w);
            bare.push(if bs == PREFIX {
                &w[..be as usize]
            } else {
                &buf[bs as usize..be as usize]
            });
        }
        Lower { words, bare }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_numbers_hyphens_and_possessives_whole() {
        let toks: Vec<&str> = tokenize("Haletsky’s 32,000-seat plan: 3.25% at 6:40 a.m.", 0)
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            [
                "Haletsky’s",
                "32,000-seat",
                "plan",
                ":",
                "3.25",
                "%",
                "at",
                "6:40",
                "a",
                ".",
                "m",
                "."
            ]
        );
    }

    #[test]
    fn lower_case_forms_match_the_standard_library() {
        let text = "Haletsky’s JONES's ΟΔΟΣ’s Łódź said U.S. it's Ĳssel'";
        let toks = tokenize(text, 0);
        let mut buf = String::new();
        let low = Lower::new(&toks, &mut buf);
        for (k, t) in toks.iter().enumerate() {
            assert_eq!(low.words[k], t.text.to_lowercase());
            assert_eq!(low.bare[k], strip_possessive(t.text).to_lowercase());
        }
    }

    #[test]
    fn offsets_are_absolute() {
        let t = tokenize("ab cd", 10);
        assert_eq!((t[1].start, t[1].end), (13, 15));
    }
}
