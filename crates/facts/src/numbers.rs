//! Quantities: figures with their unit, scale and hedge.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crosscheck_model::Span;

use crate::lexicon::{
    is_hedge, APPROX_PREFIXES, CURRENCY_SYMBOLS, CURRENCY_WORDS, MEASURE_UNITS, NUMBER_WORDS,
    SCALES, TRAILING_HEDGES,
};
use crate::tagger::PreHashed;
use crate::token::{TokKind, Token};
use crate::{span_text, Approx, Quantity, Unit};

/// The value of a word of [`NUMBER_WORDS`] (the first entry, if listed
/// twice). A hashed table: this is asked of nearly every word of a text.
pub(crate) fn number_value(w: &str) -> Option<f64> {
    type Table = HashMap<&'static str, f64, BuildHasherDefault<PreHashed>>;
    // The table, and which bytes open a word of it: most words are turned
    // away by their first letter, without hashing.
    static VALUES: OnceLock<(Table, [bool; 256])> = OnceLock::new();
    let (table, opens) = VALUES.get_or_init(|| {
        let mut m = Table::default();
        let mut opens = [false; 256];
        for &(n, v) in NUMBER_WORDS {
            m.entry(n).or_insert(v);
            if let Some(&b) = n.as_bytes().first() {
                opens[b as usize] = true;
            }
        }
        (m, opens)
    });
    match w.as_bytes().first() {
        Some(&b) if opens[b as usize] => table.get(w).copied(),
        _ => None,
    }
}

/// `w.split_once('-')`, by a plain scan of the bytes: the words are short,
/// and this is asked of nearly every one ('-' is ASCII, so the byte found
/// is a character of its own).
fn split_hyphen(w: &str) -> Option<(&str, &str)> {
    let at = w.bytes().position(|b| b == b'-')?;
    Some((&w[..at], &w[at + 1..]))
}

fn number_word(w: &str) -> Option<f64> {
    // "forty-two": tens and units joined by a hyphen.
    if let Some((a, b)) = split_hyphen(w) {
        let a = number_value(a)?;
        let b = number_value(b)?;
        return ((20.0..=90.0).contains(&a) && b < 10.0).then_some(a + b);
    }
    number_value(w)
        // "one" is nearly always a pronoun or determiner ("one of the ..."),
        // "dozen" needs a count before it; neither is read alone.
        .filter(|&v| v != 1.0 && w != "dozen" && w != "hundred")
}

/// Whether a number token is two or three plain digits (an age).
fn suffix_free(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

/// Parse "10,000", "3.25", "5" (digits with separators).
fn parse_digits(s: &str) -> Option<(f64, f64)> {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let plain: String = s.chars().filter(|&c| c != ',').collect();
    let v: f64 = plain.parse().ok()?;
    // The rounding a decimal implies: "5.3" is 5.25..5.35.
    let precision = match plain.split_once('.') {
        Some((_, frac)) => 0.5 * 10f64.powi(-(frac.len() as i32)),
        None => 0.0,
    };
    Some((v, precision))
}

/// The unit an area is written in after "square" ("square kilometres",
/// "sq miles"), if `w` and `next` name one.
fn area_unit(w: &str, next: &str) -> Option<&'static str> {
    if !matches!(w, "square" | "sq") {
        return None;
    }
    match next {
        "kilometres" | "kilometers" | "km" | "kilometre" | "kilometer" => Some("square km"),
        "miles" | "mile" => Some("square mile"),
        _ => None,
    }
}

/// The unit a measure is compared in, and the factor that converts to it,
/// for units news reports write one figure in two ways (metric and
/// imperial); `None` for a unit that is its own base.
fn in_base_unit(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "mile" => ("km", 1.609_344),
        "mph" => ("km/h", 1.609_344),
        "acre" => ("hectare", 0.404_686),
        "kg" => ("tonne", 0.001),
        "square km" => ("hectare", 100.0),
        "square mile" => ("hectare", 258.998_8),
        _ => return None,
    })
}

/// The temperature unit of "degrees" and the word after it, and how many
/// words it takes: "degrees Celsius" (°C, 2), "degrees F" (°F, 2); "degrees"
/// alone is an angle or a temperature, read as neither.
fn temperature_unit(w: &str, next: &str) -> Option<(&'static str, usize)> {
    if !matches!(w, "degrees" | "degree") {
        return None;
    }
    match next {
        "celsius" | "centigrade" | "c" => Some(("°C", 2)),
        "fahrenheit" | "f" => Some(("°F", 2)),
        _ => None,
    }
}

/// Verbs whose particle "over" comes before a figure without hedging it
/// ("to hand over two suspects", "turned over 40 files").
const HANDED_OVER: &[&str] = &[
    "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes",
    "took", "taken", "taking", "give", "gives", "gave", "given", "giving",
];

/// Words between a figure and the noun it counts ("78 other people", "two
/// more ships").
const COUNT_MODIFIERS: &[&str] = &[
    "other",
    "more",
    "new",
    "additional",
    "further",
    "extra",
    "senior",
    "former",
    "junior",
    "young",
    "old",
    "small",
    "large",
    "big",
    "major",
    "leading",
    "key",
    "separate",
    "local",
    "foreign",
];

/// Words that can follow a figure but are not what it counts: time words
/// ("turns 83 next month"), prepositions ("flight 204 over Varn"),
/// conjunctions and other function words.
const NOT_COUNTED: &[&str] = &[
    "next", "last", "this", "that", "and", "or", "but", "to", "of", "in", "on", "at", "for",
    "from", "by", "with", "as", "than", "is", "are", "was", "were", "be", "been", "had", "has",
    "have", "will", "would", "could", "may", "might", "a", "an", "the", "over", "under", "above",
    "below", "after", "before", "into", "onto", "near", "off", "out", "up", "down", "about",
    "across", "around", "through", "since", "until", "per", "against", "between", "during", "who",
    "which", "when", "where", "while", "if", "so", "yet", "ago", "do", "does", "did", "can",
    "should", "must", "shall", "remain", "remained", "remains", "still", "it", "they", "he", "she",
    "we", "you", "i", "its", "their", "his", "her", "says", "seems", "means", "looks", "makes",
    "takes", "comes", "goes", "gets", "shows", "needs", "wants",
];

/// Nouns of people counted as plurals without an "s" ("1,200 cabin
/// crew").
const COLLECTIVE_NOUNS: &[&str] = &["crew", "staff", "personnel", "police"];

/// Figures of one sentence (`lows`: its tokens lower-cased). `used` marks
/// tokens already read as parts of dates or times.
pub fn find(
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    sentence: usize,
    used: &[bool],
) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        if let Some((q, next)) = read_at(text, toks, lows, i, sentence) {
            out.push(q);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// "half a percentage point", "a quarter of a point", "half-point",
/// "quarter-point": fractions of a point. Returns (value, tokens used).
fn fraction_of_point(lows: &[&str], i: usize) -> Option<(f64, usize)> {
    let w = lows[i];
    let base = match w {
        "half" | "half-point" | "half-percentage-point" => 0.5,
        "quarter" | "quarter-point" | "quarter-percentage-point" => 0.25,
        _ => return None,
    };
    if w.ends_with("point") {
        return Some((base, 1));
    }
    let mut j = i + 1;
    // "half a", "quarter of a"
    if lows.get(j).copied() == Some("of") {
        j += 1;
    }
    if matches!(lows.get(j).copied(), Some("a" | "an")) {
        j += 1;
    }
    if lows.get(j).copied() == Some("percentage") {
        j += 1;
    }
    if matches!(lows.get(j).copied(), Some("point" | "points")) {
        return Some((base, j + 1 - i));
    }
    None
}

/// The plural noun after a name of one to three capitalised words at
/// `start` ("Kestrel Telecom customers", "Aster and Corso vehicles"): its
/// index, if the words after the figure read so: a lower-case plural of
/// four letters or more, and no currency ("20 Ostrian crowns" is a sum).
/// ("5 June deadlines" never comes here: it is read as a date first.)
fn noun_after_a_name(toks: &[Token<'_>], lows: &[&str], start: usize) -> Option<usize> {
    let mut k = start;
    while k < start + 3
        && toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Word && t.is_capitalised())
    {
        k += 1;
        // Two names of one noun: "48,000 Aster and Corso vehicles".
        if lows.get(k) == Some(&"and") && toks.get(k + 1).is_some_and(|t| t.is_capitalised()) {
            k += 1;
        }
    }
    let t = toks.get(k)?;
    (k > start
        && t.kind == TokKind::Word
        && !t.is_capitalised()
        && t.text.len() > 3
        && lows[k].ends_with('s')
        && !lows[k].ends_with("ss")
        && !NOT_COUNTED.contains(&lows[k])
        // "20 Ostrian crowns" is a sum, not a count.
        && !CURRENCY_WORDS.iter().any(|(u, _)| *u == lows[k]))
    .then_some(k)
}

/// A vote's tally ("voted 5-2", "a 4–3 vote", "split seven-to-two", "voted
/// 9 to 4"): the votes in favour (the first figure), the votes against
/// and the index after the tally. Only where a vote is named right before
/// or after, so that "1973-90" or "rose 5 to 7" stay what they are.
fn vote_tally(toks: &[Token<'_>], lows: &[&str], i: usize) -> Option<(f64, f64, usize)> {
    let at = |k: usize| lows.get(k).copied().unwrap_or("");
    let vote_noun = |w: &str| matches!(w, "vote" | "votes" | "decision" | "ruling" | "verdict");
    let before = i.checked_sub(1).map_or("", at);
    let voted_before = matches!(before, "voted" | "vote" | "split");
    // Asked of every word: the words around decide first.
    if !voted_before && !vote_noun(at(i + 1)) && !vote_noun(at(i + 3)) {
        return None;
    }
    let whole = |w: &str| {
        parse_digits(w)
            .filter(|&(v, p)| p == 0.0 && !w.contains([',', '.']) && v < 10_000.0)
            .map(|(v, _)| v)
            .or_else(|| number_value(w).filter(|&v| v < 100.0))
    };
    // One token ("5-2", "7-to-2", "seven-to-two"), or three ("4 – 3",
    // "nine to four").
    let (first, second, end) = match split_hyphen(lows[i]) {
        Some((a, b)) => {
            // "seven-to-two", not "forty-two".
            let b = match b.strip_prefix("to-") {
                Some(b) => b,
                None if a.bytes().all(|c| c.is_ascii_digit()) => b,
                None => return None,
            };
            (a, b, i + 1)
        }
        None => {
            let sep = lows.get(i + 1).copied()?;
            let second = lows.get(i + 2).copied()?;
            if !matches!(sep, "–" | "-" | "—" | "to") || toks[i + 2].kind == TokKind::Punct {
                return None;
            }
            (lows[i], second, i + 3)
        }
    };
    let (value, against) = (whole(first)?, whole(second)?);
    // "voted 9 to 4 against the plan": nine against, four for.
    let (value, against) = if at(end) == "against" {
        (against, value)
    } else {
        (value, against)
    };
    (voted_before || vote_noun(at(end))).then_some((value, against, end))
}

fn read_at(
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    i: usize,
    sentence: usize,
) -> Option<(Quantity, usize)> {
    let t = &toks[i];
    let mut unit = Unit::Count;
    let mut noun: Option<String> = None;
    let mut end_tok; // index after the last token of the expression
    let value;
    let mut precision;
    let mut against = None;
    if let Some((v, no, end)) = vote_tally(toks, lows, i) {
        against = Some(no);
        value = v;
        precision = 0.0;
        end_tok = end;
        noun = Some("votes".to_string());
    } else if let Some((v, n)) = fraction_of_point(lows, i) {
        value = v;
        precision = 0.0;
        unit = Unit::PercentagePoints;
        end_tok = i + n;
    } else if t.kind == TokKind::Number {
        if t.text.contains(':') {
            return None; // a clock time
        }
        let (num, suffix) = match t.text.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (t.text, None),
        };
        // An age after a name: "Haldis Brennock, 58, who lives ...".
        if i >= 2
            && toks[i - 1].is_punct(',')
            && toks[i - 2].is_capitalised()
            && suffix_free(t.text)
            && toks.get(i + 1).is_none_or(|n| n.kind == TokKind::Punct)
        {
            return None;
        }
        // A clock time in wire style: "(0630 gmt)".
        if toks
            .get(i + 1)
            .is_some_and(|t| crate::entities::is_time_zone(t.text))
        {
            return None;
        }
        // An age: "turns 83", "aged 58", "at the age of 40"; a rank: "No.
        // 1 enemy"; a union's branch: "local 417".
        let before = |k: usize| i.checked_sub(k).map_or("", |j| lows[j]);
        if matches!(
            before(1),
            "turns" | "turned" | "turning" | "aged" | "no." | "local"
        ) || (before(1) == "of" && before(2) == "age")
            || (before(1) == "." && before(2) == "no")
        {
            return None;
        }
        // A number naming a thing after a capitalised word ("Korvel 95",
        // "Flight 370", "Chapter 11") is part of the name, not a figure. Not
        // after a month ("June 5") or a day; figures after a name are
        // written with their unit ("Kursk 10,000 troops" is not English).
        // A capitalised word opening the sentence is an ordinary word
        // ("Nearly 300 people …"); after a word or a figure it is not ("a
        // 30-year-old Korvel 640").
        if i >= 2
            && suffix.is_none()
            && !num.contains([',', '.'])
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].is_capitalised()
            && matches!(toks[i - 2].kind, TokKind::Word | TokKind::Number)
            && crosscheck_model::month_number(toks[i - 1].text).is_none()
            && !crate::lexicon::WEEKDAYS.contains(&lows[i - 1])
        {
            return None;
        }
        // "41C", "105F": a temperature written onto the figure.
        let degrees = match num.as_bytes().last() {
            Some(b'C') => Some("°C"),
            Some(b'F') => Some("°F"),
            _ => None,
        }
        .filter(|_| suffix.is_none() && num.len() > 1);
        let num = if degrees.is_some() {
            &num[..num.len() - 1]
        } else {
            num
        };
        // "€2.4bn", "$300m": a scale written onto the figure.
        let (num, joined_scale) = match num
            .strip_suffix("bn")
            .map(|n| (n, 1e9))
            .or_else(|| num.strip_suffix("mn").map(|n| (n, 1e6)))
            .or_else(|| num.strip_suffix("m").map(|n| (n, 1e6)))
        {
            Some((n, scale)) if suffix.is_none() && !n.is_empty() => (n, scale),
            _ => (num, 1.0),
        };
        let (v, p) = parse_digits(num.trim_end_matches('.'))?;
        let mut v = v * joined_scale;
        precision = p * joined_scale;
        end_tok = i + 1;
        if let Some(d) = degrees {
            unit = Unit::Measure(d.to_string());
        }
        // A bare year ("in 1998", "since 2019") is a date, not a figure.
        if suffix.is_none()
            && !num.contains(',')
            && !num.contains('.')
            && (1800.0..=2100.0).contains(&v)
            && num.len() == 4
        {
            let next = lows.get(i + 1).copied().unwrap_or("");
            if !matches!(next, "people" | "percent" | "%" | "households" | "members")
                && SCALES.iter().all(|(s, _)| *s != next)
            {
                return None;
            }
        }
        if let Some(suffix) = suffix {
            let suffix = suffix.to_lowercase();
            match suffix.as_str() {
                "basis-point" | "basis-points" | "bp" => {
                    unit = Unit::PercentagePoints;
                    v /= 100.0;
                    precision /= 100.0;
                }
                "percentage-point" | "point" => unit = Unit::PercentagePoints,
                "percent" | "per-cent" => unit = Unit::Percent,
                // "1973-90", "10-12": a range of years or figures.
                s if s.bytes().all(|b| b.is_ascii_digit()) => return None,
                s if s.starts_with("to-") || s.contains("-to-") => return None, // "7-to-2"
                s => {
                    if let Some((_, m)) = MEASURE_UNITS.iter().find(|(u, _)| *u == s) {
                        unit = Unit::Measure((*m).to_string());
                    } else if s == "strong" {
                        // "a 30-strong delegation": the noun follows.
                        noun = lows.get(i + 1).map(|w| w.to_string());
                    } else {
                        noun = Some(s.to_string());
                    }
                }
            }
        }
        value = v;
    } else if let Some(v) = number_word(lows[i]) {
        value = v;
        precision = 0.0;
        end_tok = i + 1;
        if let Some((_, suffix)) = split_hyphen(lows[i]) {
            // "nine-member", "seven-to-two": only a hyphenated number word.
            if NUMBER_WORDS.iter().all(|(n, _)| *n != suffix) {
                if suffix.starts_with("to-") {
                    return None;
                }
                noun = Some(suffix.to_string());
            }
        } else if lows[i].contains('-') {
            return None;
        }
    } else if let Some((w, rest)) = split_hyphen(lows[i]) {
        // "seven-to-two", "nine-strong", "nine-member", "two-thirds"
        let v = number_word(w)?;
        if rest.starts_with("to-") || rest.ends_with("thirds") || rest.ends_with("quarters") {
            return None;
        }
        value = v;
        precision = 0.0;
        end_tok = i + 1;
        noun = if rest == "strong" {
            lows.get(i + 1).map(|w| w.to_string())
        } else {
            Some(rest.to_string())
        };
    } else {
        return None;
    }
    let mut value = value;

    // Scale word: "5.3 million", "two hundred".
    if let Some((_, s)) = lows
        .get(end_tok)
        .and_then(|w| SCALES.iter().find(|(s, _)| s == w))
    {
        // "m"/"k" only right after digits, to keep "m" of "a.m." out; and
        // "m" before a word of size is metres ("a wall 3 m high").
        let word = &lows[end_tok];
        let size = matches!(
            lows.get(end_tok + 1).copied().unwrap_or(""),
            "high" | "tall" | "long" | "deep" | "wide" | "away" | "above" | "below" | "thick"
        );
        if *word == "m" && size {
            unit = Unit::Measure("m".to_string());
            end_tok += 1;
        } else if word.len() > 1 || t.kind == TokKind::Number {
            value *= s;
            precision *= s;
            end_tok += 1;
        }
    }
    if lows.get(end_tok).copied() == Some("hundred") {
        value *= 100.0;
        end_tok += 1;
    }
    // "two dozen members": 24.
    if unit == Unit::Count && noun.is_none() && lows.get(end_tok).copied() == Some("dozen") {
        value *= 12.0;
        end_tok += 1;
    }

    // Unit after the figure.
    let at = |k: usize| lows.get(k).copied().unwrap_or("");
    if unit == Unit::Count && noun.is_none() {
        match at(end_tok) {
            "percent" | "%" => {
                unit = Unit::Percent;
                end_tok += 1;
            }
            "per" if at(end_tok + 1) == "cent" => {
                unit = Unit::Percent;
                end_tok += 2;
            }
            "percentage" if matches!(at(end_tok + 1), "point" | "points") => {
                unit = Unit::PercentagePoints;
                end_tok += 2;
            }
            "basis" if matches!(at(end_tok + 1), "point" | "points") => {
                unit = Unit::PercentagePoints;
                value /= 100.0;
                precision /= 100.0;
                end_tok += 2;
            }
            "bps" | "bp" => {
                unit = Unit::PercentagePoints;
                value /= 100.0;
                precision /= 100.0;
                end_tok += 1;
            }
            "point" | "points" if value <= 5.0 => {
                unit = Unit::PercentagePoints;
                end_tok += 1;
            }
            w => {
                if let Some((_, c)) = CURRENCY_WORDS.iter().find(|(u, _)| *u == w) {
                    unit = Unit::Money((*c).to_string());
                    end_tok += 1;
                } else if let Some((m, n)) = temperature_unit(w, at(end_tok + 1)) {
                    // "41 degrees Celsius", "105 degrees F".
                    unit = Unit::Measure(m.to_string());
                    end_tok += n;
                } else if let Some(m) = area_unit(w, at(end_tok + 1)) {
                    // "1,200 square kilometres".
                    unit = Unit::Measure(m.to_string());
                    end_tok += 2;
                } else if let Some((_, m)) = MEASURE_UNITS.iter().find(|(u, _)| *u == w) {
                    unit = Unit::Measure((*m).to_string());
                    end_tok += 1;
                    // "150 km/h", "90 kilometres per hour", "56 miles an
                    // hour": a speed.
                    let per_hour = match (at(end_tok), at(end_tok + 1)) {
                        ("/", "h" | "hr") => 2,
                        ("per" | "an", "hour") => 2,
                        _ => 0,
                    };
                    if per_hour > 0 && matches!(*m, "km" | "mile") {
                        unit = Unit::Measure(if *m == "km" { "km/h" } else { "mph" }.to_string());
                        end_tok += per_hour;
                    }
                } else if toks
                    .get(end_tok)
                    .is_some_and(|t| t.kind == TokKind::Word && !t.is_capitalised())
                {
                    // "78 other people": the counted noun after a
                    // modifier; "turns 83 next month", "110 former and
                    // active officers": none that can be read.
                    let mut k = end_tok;
                    while COUNT_MODIFIERS.contains(&at(k)) {
                        k += 1;
                    }
                    // "two political analysts", "three gold medals": a
                    // singular word before a plural one describes it.
                    let plural_word = |k: usize| {
                        toks.get(k).is_some_and(|t| {
                            t.kind == TokKind::Word && !t.is_capitalised() && t.text.len() > 3
                        }) && (at(k).ends_with('s') && !at(k).ends_with("ss")
                            // (Not after the wire's "pct": "a 12 pct staff
                            // cut" counts no staff.)
                            || COLLECTIVE_NOUNS.contains(&at(k)) && at(k - 1) != "pct")
                            && !NOT_COUNTED.contains(&at(k))
                    };
                    // Not past a superlative: "its two largest housebuilders"
                    // picks out known things and counts nothing.
                    let superlative = at(k).ends_with("est") || matches!(at(k), "most" | "least");
                    // ("three glass panels", "four business parks").
                    let singular = !at(k).ends_with('s') || at(k).ends_with("ss");
                    if singular
                        && !superlative
                        && !NOT_COUNTED.contains(&at(k))
                        && plural_word(k + 1)
                    {
                        k += 1;
                    }
                    let counted = toks
                        .get(k)
                        .filter(|t| t.kind == TokKind::Word && !t.is_capitalised())
                        .map(|_| at(k))
                        .filter(|w| !NOT_COUNTED.contains(w));
                    noun = counted.map(str::to_string);
                } else if let Some(k) = noun_after_a_name(toks, lows, end_tok) {
                    // "3.2 million Kestrel Telecom customers", "40 Ostrian
                    // soldiers": a name describing the counted noun.
                    noun = Some(lows[k].to_string());
                }
            }
        }
    }
    let mut start_tok = i;
    // Currency symbol before: "$5 million".
    if i > 0 {
        if let Some((_, c)) = CURRENCY_SYMBOLS
            .iter()
            .find(|(s, _)| *s == toks[i - 1].text)
        {
            unit = Unit::Money((*c).to_string());
            start_tok = i - 1;
        }
    }
    // Hedge before: "at least", "more than", "about". "an estimated" may
    // follow a hedge-free article ("would cost an estimated 185 million").
    let mut approx = Approx::Exact;
    for (words, a) in APPROX_PREFIXES {
        let n = words.len();
        // "hand over two suspects": a verb's particle, no hedge.
        let particle =
            words == &["over"] && start_tok >= 2 && HANDED_OVER.contains(&lows[start_tok - 2]);
        if !particle && start_tok >= n && (0..n).all(|k| lows[start_tok - n + k] == words[k]) {
            approx = *a;
            start_tok -= n;
            break;
        }
    }
    // "half a percentage point" after "by": already exact.
    // A part of a total, not the total: "12 of them", and the items of a
    // breakdown ("the dead included six drownings and two
    // people hit by debris").
    let before_start = |k: usize| start_tok.checked_sub(k).map_or("", |j| lows[j]);
    let breakdown = (1..=2).any(|k| {
        matches!(
            before_start(k),
            "included" | "including" | "includes" | "include" | "among"
        )
    });
    // "2,100 of its members walked out": a part of a body of people,
    // which no figure of the story counts, is a count of those people.
    let of_a_body = at(end_tok) == "of"
        && matches!(at(end_tok + 1), "its" | "their")
        && matches!(
            at(end_tok + 2),
            "members" | "workers" | "employees" | "staff" | "crew"
        );
    if of_a_body && noun.is_none() {
        noun = Some(at(end_tok + 2).to_string());
    }
    let partitive = breakdown
        || !of_a_body
            && matches!(at(end_tok), "of")
            && matches!(
                at(end_tok + 1),
                "the" | "them" | "those" | "its" | "their" | "his" | "her" | "these" | "whom"
            );
    // Counted on top of another figure: "two more ships", "Seventeen
    // others died", "another 102 people were injured", "a further 310",
    // "freeing the remaining eight hostages".
    // But "Two workers were killed and 14 others injured": others than
    // the dead, and all of the injured.
    let injured = |w: &str| matches!(w, "injured" | "wounded" | "hurt");
    let others_hurt = at(end_tok) == "others"
        && injured(at(end_tok + 1))
        && !lows[..start_tok].iter().any(|w| injured(w))
        && lows[..start_tok]
            .iter()
            .any(|w| matches!(*w, "killed" | "dead" | "died"));
    if others_hurt {
        noun = None;
    }
    let increment = !others_hurt
        && matches!(
            at(end_tok),
            "more" | "additional" | "extra" | "further" | "other" | "others"
        )
        || matches!(
            before_start(1),
            "another" | "other" | "additional" | "further" | "extra" | "remaining"
        );
    if increment && noun.is_none() {
        noun = Some(at(end_tok + 1).to_string());
    }
    if partitive {
        noun = None;
    }
    // Verbs and participles are not counted nouns ("eight expected ...",
    // "of whom 812 said they would strike").
    if noun.as_deref().is_some_and(|n| {
        n.ends_with("ed")
            || n.ends_with("ing")
            || n.ends_with("ly")
            || matches!(n, "said" | "says" | "told" | "say")
    }) {
        noun = None;
    }
    if let Some(n) = &noun {
        // Function words are not counted nouns ("430 were injured").
        if matches!(
            n.as_str(),
            "were"
                | "was"
                | "had"
                | "have"
                | "has"
                | "and"
                | "or"
                | "to"
                | "in"
                | "on"
                | "who"
                | "that"
                | "which"
                | "are"
                | "is"
                | "a"
                | "the"
                | "of"
                | "for"
                | "at"
                | "by"
                | "with"
                | "from"
                | "than"
                | "as"
                | "more"
        ) && !increment
        {
            noun = None;
        }
    }
    let hedged = lows[..start_tok]
        .iter()
        .zip(&toks[..start_tok])
        // (A tally is what the vote gave: "voted 5-2" hedges nothing.)
        .any(|(w, t)| is_hedge(w) && t.text != "May" && !(against.is_some() && *w == "voted"))
        // "estimated that 15 million people will vote": a projection (an
        // estimated count, "an estimated 5,000 people", is a report).
        || lows[..start_tok]
            .windows(2)
            .any(|w| matches!(w[0], "estimated" | "estimates" | "estimate") && w[1] == "that")
        // ("7.2% in May": the month, not the modal.)
        || lows
            .iter()
            .zip(toks)
            .skip(end_tok)
            .take(4)
            .any(|(w, t)| TRAILING_HEDGES.contains(w) && t.text != "May");
    // One unit for each measure written in several: "30,000 acres" is
    // about 12,000 hectares, "115 mph" 185 km/h. A converted figure was
    // most likely rounded from the other unit's ("12,000 hectares" is
    // 29,652 acres, written 30,000), so it keeps at least 3% of play.
    // A temperature in Fahrenheit is kept in Celsius, with a degree of
    // play (105F is 40.6C, written "about 41C").
    if unit == Unit::Measure("°F".to_string()) {
        value = (value - 32.0) * 5.0 / 9.0;
        precision = precision.max(0.6);
        unit = Unit::Measure("°C".to_string());
    }
    if let Unit::Measure(m) = &unit {
        if let Some((base, factor)) = in_base_unit(m) {
            precision = precision.max(0.03 * value.abs()) * factor;
            value *= factor;
            unit = Unit::Measure(base.to_string());
        }
    }
    let span = Span::new(toks[start_tok].start, toks[end_tok - 1].end);
    Some((
        Quantity {
            span,
            text: span_text(text, span),
            value,
            precision,
            unit,
            approx,
            noun,
            sentence,
            partitive,
            increment,
            hedged,
            against,
        },
        end_tok,
    ))
}
