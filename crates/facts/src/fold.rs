//! Name folding: the keys under which spelling variants of one name meet.

use unicode_normalization::UnicodeNormalization;

/// Letters whose diacritic-free form is not reached by stripping combining
/// marks after NFD (they are letters of their own in Unicode).
fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'Ø' => "O",
        'đ' => "d",
        'Đ' => "D",
        'ß' => "ss",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ı' => "i",
        'þ' => "th",
        _ => return None,
    })
}

/// `text` without diacritics: "Wrześniewski" → "Wrzesniewski", "Łódź" → "Lodz".
pub fn fold_diacritics(text: &str) -> String {
    // ASCII has no diacritics, and decomposing it is the costly part.
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if let Some(s) = special_fold(c) {
            out.push_str(s);
        } else if !is_combining_mark(c) {
            out.push(c);
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The exact key of a name: diacritics folded, lower case, letters and
/// digits only. "Choe Son-hui", "Choe Son Hui" and "CHOE SON HUI" share it.
pub fn exact_key(name: &str) -> String {
    fold_diacritics(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// Lower-case name particles that open a surname written alone ("bin
/// Varsi", "de Holm"): not "la", "le" or "der", which open other words'
/// names more often than a person's, nor "van", an English word ("the van
/// Mira drove").
pub const SURNAME_PARTICLES: &[&str] =
    &["von", "de", "del", "della", "di", "da", "du", "bin", "ibn"];

/// A name opened by a surname's particle ("bin Varsi", "de Holm", and "De
/// Holm" opening a sentence) without it ("Varsi", "Holm"): the short form
/// it is of a longer name ("Osama bin Varsi") by its last word. `None` for
/// any other name.
pub fn without_surname_particle(name: &str) -> Option<&str> {
    let (first, rest) = name.split_once(' ')?;
    let particle = SURNAME_PARTICLES
        .iter()
        .any(|p| p.eq_ignore_ascii_case(first));
    (particle && rest.starts_with(char::is_uppercase)).then_some(rest)
}

/// Articles joined by a hyphen to the capitalised rest of an Arabic name
/// ("al-", "el-", and the assimilated "ash-", "ad-", …), in lower case.
const NAME_ARTICLES: &[&str] = &[
    "al-", "el-", "ad-", "ed-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ul-",
];

/// The length of the article opening `word` ("al-Varsi", "El-Nadir": 3),
/// or 0: an article of [`NAME_ARTICLES`] in either case followed by an
/// upper-case letter.
pub fn name_article_len(word: &str) -> usize {
    let b = word.as_bytes();
    // Asked of every lower-case word: most have no hyphen where an article
    // would end.
    if b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-') {
        return 0;
    }
    NAME_ARTICLES
        .iter()
        .find(|a| {
            b.len() > a.len()
                && b[..a.len()].eq_ignore_ascii_case(a.as_bytes())
                && word[a.len()..].starts_with(char::is_uppercase)
        })
        .map_or(0, |a| a.len())
}

/// `name` without the Arabic articles of its words ("Hafez al-Varsi" →
/// "Hafez Varsi"): news writes the same name with and without them.
fn without_name_articles(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains('-') || !name.split_whitespace().any(|w| name_article_len(w) > 0) {
        return std::borrow::Cow::Borrowed(name);
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| &w[name_article_len(w)..])
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// A looser key that also joins common romanisation and transliteration
/// variants: `y` reads as `i` ("Oleksiy"/"Oleksii", "Hordiyenko"/"Hordiienko"),
/// voiced stops as unvoiced (`b`→`p`, `d`→`t`, `g`→`k`: Korean "Byeon"/"Pyon"),
/// `eo` as `o`, doubled letters as one ("Haletskiy" → "haletski"),
/// German umlauts written out as the plain vowel ("Juergen Voess", and
/// "Jürgen Vöss" whose diacritics fold to "Jurgen Voss", see
/// [`without_written_out_umlauts`]), and without Arabic articles
/// ("al-Varsi" → "varsi").
pub fn variant_key(name: &str) -> String {
    let name = &*without_name_articles(name);
    let name = &*without_written_out_umlauts(name);
    if name.is_ascii() {
        ascii_variant_key(name.as_bytes())
    } else {
        any_variant_key(name)
    }
}

/// `name` with the "e" of "ue" and "oe" dropped inside a word ("Mueller",
/// "Goeran", "Voess" → "Muller", "Goran", "Voss"): German writes "ü" and
/// "ö" out so in plain text, and news then has three spellings of one
/// name, which meet at the vowel alone. Only before another letter: a
/// word-final "oe" or "ue" is a vowel of its own ("Choe", "Chloe", "Joe").
/// ("ae" for "ä" is left alone: "Israel", "Michael", Korean "Jae" have it
/// as a vowel pair far more often.)
fn without_written_out_umlauts(name: &str) -> std::borrow::Cow<'_, str> {
    let b = name.as_bytes();
    let drops = |k: usize| {
        k > 0
            && b[k].eq_ignore_ascii_case(&b'e')
            && matches!(b[k - 1].to_ascii_lowercase(), b'o' | b'u')
            && b.get(k + 1).is_some_and(|c| c.is_ascii_alphabetic())
    };
    if !(1..b.len()).any(drops) {
        return std::borrow::Cow::Borrowed(name);
    }
    // Only ASCII bytes are dropped, so the rest stays valid UTF-8.
    let kept: Vec<u8> = (0..b.len()).filter(|&k| !drops(k)).map(|k| b[k]).collect();
    std::borrow::Cow::Owned(String::from_utf8(kept).expect("ASCII bytes dropped only"))
}

/// [`variant_key`] of any name, by its definition.
fn any_variant_key(name: &str) -> String {
    let key = exact_key(name);
    let mapped: String = key
        .chars()
        .map(|c| match c {
            'y' => 'i',
            'b' => 'p',
            'd' => 't',
            'g' => 'k',
            'w' => 'v',
            c => c,
        })
        .collect();
    let mapped = mapped.replace("eo", "o").replace("ie", "i");
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// [`variant_key`] of an ASCII name in one pass (names are mostly ASCII,
/// and the key is made for every mention of a story): the same letters
/// mapped, the same pairs read as one letter, the same doubles dropped.
fn ascii_variant_key(name: &[u8]) -> String {
    let mapped =
        name.iter()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| match c.to_ascii_lowercase() {
                b'y' => b'i',
                b'b' => b'p',
                b'd' => b't',
                b'g' => b'k',
                b'w' => b'v',
                c => c,
            });
    // "eo" → "o" and then "ie" → "i", left to right as `str::replace`
    // does, then runs of one letter as one. Both passes write into one
    // buffer: the second reads at or ahead of where it writes.
    let mut eo: Vec<u8> = Vec::with_capacity(name.len());
    for c in mapped {
        if c == b'o' && eo.last() == Some(&b'e') {
            eo.pop();
        }
        eo.push(c);
    }
    let (mut k, mut len) = (0, 0);
    let mut last = None;
    while k < eo.len() {
        let c = eo[k];
        k += 1;
        if c == b'i' && k < eo.len() && eo[k] == b'e' {
            k += 1;
        }
        if last != Some(c) {
            eo[len] = c;
            len += 1;
            last = Some(c);
        }
    }
    eo.truncate(len);
    // ASCII letters and digits only.
    String::from_utf8(eo).unwrap_or_default()
}

/// Levenshtein distance over characters (small strings only).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether `a` becomes `b` by at most one edit (a letter changed, added or
/// dropped): [`edit_distance`]` <= 1` in one pass, with no table.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (Some(c), Some(d)) if c == d => continue,
            // The first difference: the rest must match after a change,
            // or after skipping the letter on one side.
            (Some(c), Some(d)) => {
                let (rx, ry) = (x.as_str(), y.as_str());
                return rx == ry
                    || ry.strip_prefix(c) == Some(rx)
                    || rx.strip_prefix(d) == Some(ry);
            }
            (None, None) => return true,
            // One side ran out: the other may have one letter more.
            (Some(_), None) => return x.next().is_none(),
            (None, Some(_)) => return y.next().is_none(),
        }
    }
}

/// Whether two names are spelling variants of each other: equal variant keys,
/// or keys of at least eight letters within one edit (a dropped or added
/// vowel in a long transliterated name).
pub fn same_name(a: &str, b: &str) -> bool {
    same_name_key(&variant_key(a), &variant_key(b))
}

/// [`same_name`] on variant keys already made.
pub fn same_name_key(ka: &str, kb: &str) -> bool {
    if ka == kb {
        return true;
    }
    let shorter = ka.chars().count().min(kb.chars().count());
    shorter >= 8 && ka.chars().next() == kb.chars().next() && within_one_edit(ka, kb)
}

/// A word without a trailing possessive: "Haletsky’s" → "Haletsky".
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_variant_keys_follow_the_definition() {
        let names = [
            "Choe Son-hui",
            "Byeon Sol-hwa",
            "Pyon Sol Hwa",
            "Oleksiy Hordiyenko",
            "Haletskiy",
            "Geoffrey",
            "Leonie Weeo",
            "Kieeo",
            "Eeoo Iie",
            "Iee",
            "eoeo",
            "ieie",
            "O'Brien",
            "McDonald's",
            "Dieter W. Bradley",
            "U.S.",
            "Xie Yie 3",
            "",
            "--",
        ];
        for n in names {
            assert_eq!(ascii_variant_key(n.as_bytes()), any_variant_key(n), "{n}");
        }
        // Every short string over the letters the rules touch.
        let letters = b"eoiyBdgw-a";
        for len in 0..=5u32 {
            for code in 0..letters.len().pow(len) {
                let (mut c, mut s) = (code, String::new());
                for _ in 0..len {
                    s.push(char::from(letters[c % letters.len()]));
                    c /= letters.len();
                }
                assert_eq!(ascii_variant_key(s.as_bytes()), any_variant_key(&s), "{s}");
            }
        }
    }

    #[test]
    fn one_edit_agrees_with_the_edit_distance() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "abd",
            "acb",
            "abcd",
            "xabc",
            "abxc",
            "pyonsolhwa",
            "pyonsolhw",
            "pyonsolhwaa",
            "byeonsolhwa",
            "pyonsol",
            "sølvik",
            "solvik",
            "sølvikk",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    within_one_edit(a, b),
                    edit_distance(a, b) <= 1,
                    "{a:?} vs {b:?}"
                );
            }
        }
    }

    #[test]
    fn folds_diacritics_and_hyphens() {
        assert_eq!(fold_diacritics("Wrześniewski Łódź"), "Wrzesniewski Lodz");
        assert_eq!(exact_key("Choe Son-hui"), exact_key("Choe Son Hui"));
    }

    #[test]
    fn joins_romanisation_variants() {
        assert!(same_name("Oleksii Hordiienko", "Oleksiy Hordiyenko"));
        assert!(same_name("Pyon Sol-hwa", "Byeon Sol-hwa"));
        assert!(same_name("Radomir Haletsky", "Radomir Haletskiy"));
        assert!(same_name("Tomasz Wrześniewski", "Tomasz Wrzesniewski"));
        assert!(same_name("Jürgen Vöss", "Juergen Voess"));
        assert!(same_name("Jurgen Voss", "Juergen Voess"));
        assert!(same_name("Jörg Mueller", "Joerg Müller"));
        assert!(!same_name("Choe", "Cho"));
        assert!(!same_name("Joe Varn", "Jo Varn"));
        assert!(!same_name("Haletsky", "Moravec"));
        assert!(!same_name("Pyon", "Pan"));
    }

    #[test]
    fn strips_possessives() {
        assert_eq!(strip_possessive("Haletsky’s"), "Haletsky");
        assert_eq!(strip_possessive("Jones'"), "Jones");
    }
}
