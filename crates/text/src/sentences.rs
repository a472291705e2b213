//! Sentence splitting: a sentence is a run of text that ends at terminal
//! punctuation (or at the end of a paragraph or of a heading-like line), as a
//! trimmed byte span into the text.
//!
//! The heavy lifting inside a paragraph is done by `sentencex`, which knows
//! English abbreviations, initials, decimals and quotes. This module adds what
//! `sentencex` does not do for news text:
//!
//! * paragraphs (blank-line separated) and short unpunctuated lines (headings,
//!   labels) as hard boundaries;
//! * re-joining splits after titles and other abbreviations that precede a
//!   name or a number ("Ms. Khan", "approx. 5", "10 a.m. Tuesday");
//! * splitting after a Unicode ellipsis or a parenthesis closed after terminal
//!   punctuation when a capitalised sentence follows.

use crosscheck_model::Span;

/// Abbreviations that precede a name or a title and so never end a sentence
/// when a capitalised word follows (lower-case, without the period).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon", "insp",
    "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt", "rep", "rev", "sen",
    "sgt", "st", "supt",
];

/// Abbreviations that precede a number ("No. 2", "approx. 5", "Jan. 5").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "approx", "vs", "fig", "vol", "art", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that follow "a.m." / "p.m." inside a sentence: weekdays, months and
/// time-zone abbreviations ("at 10 a.m. Tuesday", "5 p.m. EST").
const AFTER_CLOCK: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "ct",
    "pt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "ist",
    "jst",
    "kst",
    "aest",
];

/// A line of this many words or fewer without terminal punctuation is its
/// own sentence (a heading or label) unless the next line continues it.
const MAX_STANDALONE_LINE_WORDS: usize = 12;

/// Words that cannot end a heading: a line ending in one continues on the
/// next line (hard-wrapped text).
const CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "than", "that", "the", "to", "with",
];

/// Sentences of `text` as trimmed byte spans with their paragraph index.
pub fn sentences(text: &str) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    for (paragraph, lines) in paragraphs(text).into_iter().enumerate() {
        for (start, end) in line_chunks(text, &lines) {
            split_chunk(text, start, end, paragraph, &mut out);
        }
    }
    out
}

/// Paragraphs as lists of trimmed, non-empty line ranges. A paragraph ends
/// at one or more lines that are empty or all whitespace.
fn paragraphs(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    // `split_inclusive` keeps every byte so offsets stay exact; a lone '\r'
    // line ending is rare in cleaned text and is treated as whitespace.
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        match trim_range(text, start, offset) {
            Some(range) => current.push(range),
            None => {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// The range `[start, end)` of `text` without surrounding whitespace, or
/// `None` when it is all whitespace.
fn trim_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let trimmed_start = slice.trim_start();
    if trimmed_start.is_empty() {
        return None;
    }
    let s = start + (slice.len() - trimmed_start.len());
    let e = s + trimmed_start.trim_end().len();
    Some((s, e))
}

/// Group the lines of one paragraph into chunks that `sentencex` splits:
/// a single newline reads as a space, except after a short line without
/// terminal punctuation (a heading or label), which is a chunk of its own.
fn line_chunks(text: &str, lines: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &(start, end)) in lines.iter().enumerate() {
        let line = &text[start..end];
        let next = lines.get(i + 1).map(|&(s, e)| &text[s..e]);
        let standalone = next.is_some_and(|next| is_standalone_line(line, next));
        if standalone {
            if let Some(chunk) = open.take() {
                chunks.push(chunk);
            }
            chunks.push((start, end));
        } else {
            open = Some(match open {
                Some((s, _)) => (s, end),
                None => (start, end),
            });
        }
    }
    if let Some(chunk) = open {
        chunks.push(chunk);
    }
    chunks
}

/// Whether `line`, followed by `next` in the same paragraph, is a sentence on
/// its own although it lacks terminal punctuation.
fn is_standalone_line(line: &str, next: &str) -> bool {
    if ends_with_terminal(line) {
        return false;
    }
    if line.ends_with([',', ';', ':', '-', '–', '—', '(', '&']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > MAX_STANDALONE_LINE_WORDS {
        return false;
    }
    if let Some(last) = words.last() {
        if CONTINUATION_WORDS.contains(&last.to_ascii_lowercase().as_str()) {
            return false;
        }
    }
    // A next line starting in lower case continues this one.
    !next.chars().next().is_some_and(char::is_lowercase)
}

/// Whether `s` ends with terminal punctuation, possibly followed by closing
/// quotes or brackets.
pub(crate) fn ends_with_terminal(s: &str) -> bool {
    let core = s.trim_end_matches(is_closing);
    core.ends_with(['.', '!', '?', '…'])
}

/// Closing quotes and brackets that may follow terminal punctuation.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Split `text[start..end]` with `sentencex`, fix up the result and push the
/// sentences to `out`.
fn split_chunk(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<(Span, usize)>,
) {
    let chunk = &text[start..end];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", chunk) {
        // sentencex returns byte offsets into `chunk`; guard against any
        // range that would not slice cleanly rather than panic.
        if b.start_byte >= b.end_byte
            || b.end_byte > chunk.len()
            || !chunk.is_char_boundary(b.start_byte)
            || !chunk.is_char_boundary(b.end_byte)
        {
            continue;
        }
        if let Some(range) = trim_range(text, start + b.start_byte, start + b.end_byte) {
            spans.push(range);
        }
    }
    if spans.is_empty() {
        if let Some(range) = trim_range(text, start, end) {
            spans.push(range);
        }
    }
    let spans = merge_abbreviation_splits(text, spans);
    let spans = opening_quotes_to_their_sentence(text, spans);
    for (s, e) in spans {
        split_extra(text, s, e, &mut |s, e| {
            out.push((Span::new(s, e), paragraph))
        });
    }
}

/// Give a quotation mark left at the end of a sentence after its final
/// punctuation ("… Holm said. \"") to the next sentence, which it opens.
/// The splitter pairs quotation marks within a paragraph, and a quotation
/// running on into the next paragraph (newswire leaves it open there) makes
/// it read the opening mark as a closing one.
fn opening_quotes_to_their_sentence(
    text: &str,
    mut spans: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    for k in 1..spans.len() {
        let (s, e) = spans[k - 1];
        let sentence = &text[s..e];
        let Some(mark) = sentence.chars().next_back() else {
            continue;
        };
        if !matches!(mark, '"' | '“' | '‘' | '`') {
            continue;
        }
        let before = sentence[..sentence.len() - mark.len_utf8()].trim_end_matches('`');
        let body = before.trim_end();
        // Only a mark after a space that follows the final punctuation.
        if body.len() == before.len() || !body.ends_with(['.', '!', '?']) {
            continue;
        }
        let mark_at = s + before.len();
        // The next sentence must follow right after (the mark and spaces).
        if !text[e..spans[k].0].trim().is_empty() {
            continue;
        }
        spans[k - 1].1 = s + body.len();
        spans[k].0 = mark_at;
    }
    spans
}

/// Re-join neighbouring sentences split after an abbreviation that cannot end
/// a sentence in that position.
fn merge_abbreviation_splits(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        if let Some(last) = merged.last_mut() {
            if should_merge(&text[last.0..last.1], &text[s..e]) {
                last.1 = e;
                continue;
            }
        }
        merged.push((s, e));
    }
    merged
}

/// Whether the sentence `prev` ends with an abbreviation that `next`
/// continues.
fn should_merge(prev: &str, next: &str) -> bool {
    let Some(before_dot) = prev.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let last = last_word.to_ascii_lowercase();
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let next_starts_digit = next.starts_with(|c: char| c.is_ascii_digit());
    if TITLE_ABBREVIATIONS.contains(&last.as_str()) {
        return next.starts_with(|c: char| c.is_uppercase());
    }
    if NUMBER_ABBREVIATIONS.contains(&last.as_str()) {
        return next_starts_digit;
    }
    if last == "a.m" || last == "p.m" {
        return AFTER_CLOCK.contains(&next_word.as_str());
    }
    // A dotted abbreviation split between its letters: "R-N." + "Y.,
    // noted …" (a party-and-state tag), "D." + "C. police said".
    let single_cap = |w: &str| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase());
    let next_letter_dot =
        next.len() >= 2 && next.as_bytes()[0].is_ascii_uppercase() && next.as_bytes()[1] == b'.';
    if next_letter_dot && single_cap(last_word.rsplit(['-', '.']).next().unwrap_or("")) {
        return true;
    }
    if is_dotted_acronym(last_word) {
        // "U.N. Security Council", "U.S. Treasury": a name goes on; a new
        // sentence after "… in the U.S." starts with a function word.
        return next.starts_with(|c: char| c.is_uppercase())
            && !crate::stopwords::ENGLISH.contains(&next_word.as_str());
    }
    false
}

/// "U.N", "U.S", "E.U" (the final period already stripped): single capital
/// letters joined by periods.
fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
}

/// Whether `before` (the text before a full stop) ends with an American
/// legislator's party-and-state tag ([`is_party_tag`]: "…, said Rep. Mira
/// Holm, R-N.Y"): the tag closes a sentence when a capitalised word
/// follows ("R-N.Y. Sen. Jonas Ekvall said …"), since no name comes right
/// after one.
fn ends_party_tag(before: &str) -> bool {
    is_party_tag(
        before
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == ',')
            .next()
            .unwrap_or(""),
    )
}

/// Whether `word` is, or opens, an American legislator's party-and-state
/// tag: "R", "D" or "I", a hyphen and a capitalised state, abbreviated or
/// not ("R-N.Y", "D-Calif", "I-Vt", and "R-N" of a tokeniser that splits at
/// full stops); not "D-Day".
pub fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    word != "D-Day"
        && b.len() >= 3
        && matches!(b[0], b'R' | b'D' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(|&c| c.is_ascii_alphabetic() || c == b'.')
}

/// Split a sentence further after "…", after terminal punctuation closed by
/// a parenthesis ("(see above.)") or after a party-and-state tag
/// ([`ends_party_tag`]), when a capitalised word follows.
/// Whether `before` (the text before a full stop) ends with a unit
/// written with a slash after a figure ("150 km/h", "12 m/s"): the
/// splitter reads its last letter as an initial and runs on into the next
/// sentence, but no name follows a unit.
fn ends_slashed_unit(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let Some((num, den)) = word.split_once('/') else {
        return false;
    };
    let letters =
        |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_alphabetic());
    let figure_before = before[..before.len() - word.len()]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit());
    letters(num) && den.len() == 1 && letters(den) && figure_before
}

fn split_extra(text: &str, start: usize, end: usize, emit: &mut dyn FnMut(usize, usize)) {
    let sentence = &text[start..end];
    let mut from = 0;
    let mut iter = sentence.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let after = i + c.len_utf8();
        let is_cut = match c {
            '…' => true,
            ')' => sentence[..i].ends_with(['.', '!', '?']),
            '.' => ends_party_tag(&sentence[..i]) || ends_slashed_unit(&sentence[..i]),
            _ => false,
        };
        if !is_cut {
            continue;
        }
        let rest = &sentence[after..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            continue; // no whitespace after the mark
        }
        let mut rest_chars = trimmed.chars();
        let first = rest_chars.next();
        let starts_sentence = match first {
            Some('“' | '"' | '‘') => rest_chars.next().is_some_and(char::is_uppercase),
            Some(ch) => ch.is_uppercase(),
            None => false,
        };
        // "… I think" reads as a pause, not a new sentence.
        let pronoun_i =
            trimmed.starts_with("I ") || trimmed.starts_with("I'") || trimmed.starts_with("I’");
        if starts_sentence && !pronoun_i {
            emit(start + from, start + after);
            from = sentence.len() - trimmed.len();
            while iter.peek().is_some_and(|&(j, _)| j < from) {
                iter.next();
            }
        }
    }
    emit(start + from, end);
}
