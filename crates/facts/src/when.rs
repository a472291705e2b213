//! Date expressions, absolute and relative, resolved against the article's
//! publication day.

use crosscheck_model::Span;

use crate::date::Day;
use crate::lexicon::{is_hedge, WEEKDAYS};
use crate::token::{TokKind, Token};
use crate::{span_text, DateMention, DateValue};

/// Words that put a weekday or month in the future when they precede it in
/// the sentence ("are expected to sign ... on Thursday", "is due to ...").
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "expected",
    "due",
    "scheduled",
    "shall",
    "going",
    "'ll",
    "next",
    "upcoming",
    "would",
    "intends",
    "tomorrow",
    "prepare",
    "prepares",
    "preparing",
];

use crosscheck_model::month_number as month_of;

fn weekday_of(w: &str) -> Option<u32> {
    let w = crate::fold::strip_possessive(w);
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w))
        .map(|p| p as u32)
}

fn small_int(t: &Token<'_>, max: u32) -> Option<u32> {
    if t.kind != TokKind::Number {
        return None;
    }
    let digits = t
        .text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .trim_end_matches('.');
    let v: u32 = digits.parse().ok()?;
    (1..=max).contains(&v).then_some(v)
}

fn year_of(t: &Token<'_>) -> Option<i32> {
    if t.kind != TokKind::Number || t.text.len() != 4 {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// The year a month without a year most likely belongs to: the one that puts
/// it at most eight months before or four months after publication.
fn infer_year(month: u32, reference: Day) -> i32 {
    let diff = month as i32 - reference.month as i32;
    if diff > 4 {
        reference.year - 1
    } else if diff < -8 {
        reference.year + 1
    } else {
        reference.year
    }
}

/// The first absolute day ("3 March 2026", "March 3, 2026") in `toks`, with
/// its token range; for reading "Published 09:14, 3 March 2026" bylines.
pub fn absolute_in(toks: &[Token<'_>]) -> Option<(DateValue, (usize, usize))> {
    for i in 0..toks.len() {
        if let Some((DateValue::Day(d), end)) = day_month(toks, i, None) {
            return Some((DateValue::Day(d), (i, end)));
        }
    }
    None
}

/// "22 January [2026]" or "January 22[, 2026]" at `i`: the value and the
/// index after the expression.
fn day_month(toks: &[Token<'_>], i: usize, reference: Option<Day>) -> Option<(DateValue, usize)> {
    // Asked at every token: the cheap tests (a number, a capital) come
    // first and the month name is looked up only after them. A number is
    // never capitalised, so the two readings exclude each other.
    let first = &toks[i];
    let after = |k: usize| toks.get(i + k);
    let found = if let Some(d) = small_int(first, 31) {
        // "22 January".
        after(1)
            .and_then(|t| month_of(t.text))
            .map(|m| (d, m, i + 2))
    } else if first.is_capitalised() {
        // "January 22", "Jan. 22".
        month_of(first.text).and_then(|m| {
            if let Some(d) = after(1).and_then(|t| small_int(t, 31)) {
                Some((d, m, i + 2))
            } else if after(1).is_some_and(|t| t.is_punct('.')) {
                after(2)
                    .and_then(|t| small_int(t, 31))
                    .map(|d| (d, m, i + 3))
            } else {
                None
            }
        })
    } else {
        None
    };
    let (day, month, mut end) = found?;
    let mut year = None;
    let mut k = end;
    if toks.get(k).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    }
    if let Some(y) = toks.get(k).and_then(year_of) {
        year = Some(y);
        end = k + 1;
    }
    let year = year.or_else(|| reference.map(|r| infer_year(month, r)));
    let value = match year.and_then(|y| Day::new(y, month, day)) {
        Some(d) => DateValue::Day(d),
        None => DateValue::Relative(format!("{day} {}", month_name(month))),
    };
    Some((value, end))
}

fn month_name(m: u32) -> &'static str {
    crosscheck_model::MONTH_NAMES[(m as usize).saturating_sub(1).min(11)]
}

/// Date expressions of one sentence (`lows`: its tokens lower-cased) and
/// the tokens they (and clock times) cover.
pub fn find(
    text: &str,
    toks: &[Token<'_>],
    lows: &[&str],
    sentence: usize,
    reference: Option<Day>,
) -> (Vec<DateMention>, Vec<bool>) {
    let mut used = vec![false; toks.len()];
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let found = read_at(toks, lows, i, reference);
        let Some((mut value, mut relative, start, mut end)) = found else {
            // Clock times: "6:40 a.m.", "9 a.m.", "3pm", "6:40".
            if toks[i].kind == TokKind::Number {
                if let Some((_, end)) = meridiem(toks, lows, i) {
                    for u in &mut used[i..end] {
                        *u = true;
                    }
                    i = end;
                    continue;
                }
                if toks[i].text.contains(':') {
                    used[i] = true;
                    i += 1;
                    continue;
                }
            }
            i += 1;
            continue;
        };
        // "in May 2004, and … in August that year": the year is the one
        // the sentence named before, not one guessed from the publication
        // date; with none named, the date is left out.
        let at = |k: usize| lows.get(k).copied().unwrap_or("");
        let that_year = match (at(end), at(end + 1), at(end + 2), at(end + 3)) {
            ("that", "year", ..) => 2,
            ("of" | "the", "that" | "same", "year", _) => 3,
            ("of", "the", "same", "year") => 4,
            _ => 0,
        };
        end += that_year;
        for u in used.iter_mut().take(end).skip(start) {
            *u = true;
        }
        if that_year > 0 {
            let named = out.iter().rev().find_map(|d: &DateMention| match d.value {
                _ if d.relative => None,
                DateValue::Year(y) | DateValue::Month { year: y, .. } => Some(y),
                DateValue::Day(day) => Some(day.year),
                _ => None,
            });
            let redated = named.and_then(|year| match value {
                DateValue::Month { month, .. } => Some(DateValue::Month { year, month }),
                DateValue::Day(d) => Day::new(year, d.month, d.day).map(DateValue::Day),
                _ => None,
            });
            let Some(redated) = redated else {
                i = end;
                continue;
            };
            value = redated;
            relative = false;
        }
        let span = Span::new(toks[start].start, toks[end - 1].end);
        let hedged = lows[..start].iter().any(|w| is_hedge(w) && *w != "may");
        out.push(DateMention {
            span,
            text: span_text(text, span),
            value,
            relative,
            sentence,
            hedged,
        });
        i = end;
    }
    (out, used)
}

/// The "a.m." or "p.m." of a clock time whose number is token `i` ("6:40
/// a.m.", "9 pm", "3pm"; `lows` the tokens in lower case): whether it is
/// p.m., and the index of the token after it.
pub(crate) fn meridiem(toks: &[Token<'_>], lows: &[&str], i: usize) -> Option<(bool, usize)> {
    let t = toks.get(i).filter(|t| t.kind == TokKind::Number)?;
    let at = |k: usize| lows.get(k).copied().unwrap_or("");
    if matches!(at(i + 1), "a" | "p") && at(i + 2) == "." && at(i + 3) == "m" {
        Some((at(i + 1) == "p", i + 4 + usize::from(at(i + 4) == ".")))
    } else if matches!(at(i + 1), "am" | "pm") {
        Some((at(i + 1) == "pm", i + 2))
    } else if t.text.ends_with("am") || t.text.ends_with("pm") {
        Some((t.text.ends_with("pm"), i + 1))
    } else {
        None
    }
}

/// A date expression starting at `i` (or at a modifier before it): value,
/// relative?, token start and end.
fn read_at(
    toks: &[Token<'_>],
    lows: &[&str],
    i: usize,
    reference: Option<Day>,
) -> Option<(DateValue, bool, usize, usize)> {
    let at = |k: usize| lows.get(k).copied().unwrap_or("");
    let w = at(i);
    // Whether the sentence speaks of the future before `i` (asked only
    // where a date needs it: scanning for it at every token was quadratic).
    let future = || lows[..i].iter().any(|w| FUTURE_MARKERS.contains(w));
    let said_on = || {
        let before = |k: usize| i.checked_sub(k).map_or("", at);
        let at_verb = if before(1) == "on" { 2 } else { 1 };
        // (Not a saying still to come: "will be announced on Monday".)
        matches!(
            before(at_verb),
            "said" | "told" | "announced" | "reported" | "added" | "confirmed" | "stated"
        ) && !matches!(
            before(at_verb + 1),
            "be" | "been" | "being" | "will" | "would" | "to" | "shall"
        )
    };
    let unresolved = |s: &str| DateValue::Relative(s.to_string());

    if let Some((v, end)) = day_month(toks, i, reference) {
        return Some((v, false, i, end));
    }
    // Weekdays: "on Monday", "Monday's decision", "last Tuesday".
    if toks[i].is_capitalised() {
        if let Some(wd) = weekday_of(toks[i].text) {
            let modifier = if i > 0 { at(i - 1) } else { "" };
            let start = if matches!(modifier, "last" | "next" | "this" | "coming") {
                i - 1
            } else {
                i
            };
            let mut end = i + 1;
            if matches!(at(end), "morning" | "afternoon" | "evening" | "night") {
                end += 1;
            }
            let phrase = lows[start..=i].join(" ");
            let value = match reference {
                None => unresolved(crate::fold::strip_possessive(&phrase)),
                Some(r) => {
                    let today = r.weekday() as i64;
                    let target = wd as i64;
                    let back = (today - target).rem_euclid(7);
                    let ahead = (target - today).rem_euclid(7);
                    let offset = match modifier {
                        "last" => -(if back == 0 { 7 } else { back }),
                        "next" | "coming" => {
                            if ahead == 0 {
                                7
                            } else {
                                ahead
                            }
                        }
                        _ if back == 0 => 0,
                        // "… will cut 1,800 jobs, the carmaker said on
                        // Wednesday": the day of the saying, which is past.
                        _ if said_on() => -back,
                        _ if future() => ahead,
                        _ => -back,
                    };
                    DateValue::Day(r.add_days(offset))
                }
            };
            return Some((value, true, start, end));
        }
    }
    // Month names alone: "in April", "late January", "April 2027".
    if toks[i].is_capitalised() && toks[i].text != "May" && toks[i].text != "March"
        || (toks[i].text == "March" || toks[i].text == "May")
            && (i > 0
                && matches!(
                    at(i - 1),
                    "in" | "since"
                        | "by"
                        | "until"
                        | "early"
                        | "late"
                        | "mid"
                        | "of"
                        | "last"
                        | "next"
                        | "this"
                        | "from"
                        | "before"
                        | "after"
                        | "during"
                        | "end"
                ))
    {
        // "May" alone may be the verb; before a year it is the month.
        let month_with_year = |_: &u32| {
            toks[i].text.len() > 3
                || (toks[i].is_capitalised() && toks.get(i + 1).and_then(year_of).is_some())
        };
        if let Some(m) = month_of(toks[i].text).filter(month_with_year) {
            let start = if i > 0 && matches!(at(i - 1), "early" | "late" | "mid" | "last" | "next")
            {
                i - 1
            } else {
                i
            };
            if let Some(y) = toks.get(i + 1).and_then(year_of) {
                return Some((DateValue::Month { year: y, month: m }, false, start, i + 2));
            }
            // "October of 1992".
            if at(i + 1) == "of" {
                if let Some(y) = toks.get(i + 2).and_then(year_of) {
                    return Some((DateValue::Month { year: y, month: m }, false, start, i + 3));
                }
            }
            let value = match reference {
                Some(r) => DateValue::Month {
                    year: infer_year(m, r),
                    month: m,
                },
                None => unresolved(month_name(m)),
            };
            return Some((value, true, start, i + 1));
        }
    }
    // Single words.
    let single = match w {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        "overnight" => None,
        _ => None,
    };
    if let Some(off) = single {
        let value = reference.map_or_else(|| unresolved(w), |r| DateValue::Day(r.add_days(off)));
        return Some((value, true, i, i + 1));
    }
    if w == "last" && at(i + 1) == "night" {
        let value = reference.map_or_else(
            || unresolved("last night"),
            |r| DateValue::Day(r.add_days(-1)),
        );
        return Some((value, true, i, i + 2));
    }
    // "last week", "next month", "this year", "earlier this week", "later this month".
    if matches!(w, "last" | "next" | "this" | "earlier" | "later") {
        let (shift, unit_at, start) = match (w, at(i + 1)) {
            ("earlier" | "later", "this") => (0, i + 2, i),
            ("last", _) => (-1, i + 1, i),
            ("next", _) => (1, i + 1, i),
            ("this", _) => (0, i + 1, i),
            _ => return None,
        };
        let unit = at(unit_at);
        if !matches!(
            unit,
            "week" | "month" | "year" | "autumn" | "spring" | "summer" | "winter"
        ) {
            return None;
        }
        let phrase = lows[start..=unit_at].join(" ");
        let value = match reference {
            None => unresolved(&phrase),
            Some(r) => match unit {
                "week" => {
                    let monday = r.add_days(-(r.weekday() as i64));
                    DateValue::Week(monday.add_days(7 * shift))
                }
                "month" => {
                    let m0 = r.year * 12 + r.month as i32 - 1 + shift as i32;
                    DateValue::Month {
                        year: m0.div_euclid(12),
                        month: (m0.rem_euclid(12) + 1) as u32,
                    }
                }
                "year" => DateValue::Year(r.year + shift as i32),
                // Seasons: resolved only to their year.
                _ => DateValue::Year(r.year + shift.min(0) as i32),
            },
        };
        return Some((value, true, start, unit_at + 1));
    }
    // "in six weeks", "in 10 days", "three days ago".
    let count = |k: usize| -> Option<f64> {
        let t = toks.get(k)?;
        if t.kind == TokKind::Number {
            t.text.parse().ok()
        } else {
            crate::numbers::number_value(lows[k])
        }
    };
    let unit_days = |u: &str| -> Option<i64> {
        match u {
            "day" | "days" => Some(1),
            "week" | "weeks" => Some(7),
            "month" | "months" => Some(30),
            "year" | "years" => Some(365),
            _ => None,
        }
    };
    // "in six weeks" looks ahead only in a sentence about the future: "its
    // first increase in 18 months" is a duration.
    if w == "in" && future() {
        // The unit first: it is the cheaper test, and rarely passes.
        if let Some((u, n)) = unit_days(at(i + 2)).and_then(|u| Some((u, count(i + 1)?))) {
            if at(i + 3) != "of" && at(i + 3) != "than" {
                let value = match reference {
                    None => unresolved(&lows[i..i + 3].join(" ")),
                    Some(r) => shift_by(r, n as i64, u),
                };
                return Some((value, true, i, i + 3));
            }
        }
    }
    if let Some((u, n)) = unit_days(at(i + 1)).and_then(|u| Some((u, count(i)?))) {
        if at(i + 2) == "ago" {
            let value = match reference {
                None => unresolved(&lows[i..i + 3].join(" ")),
                Some(r) => shift_by(r, -(n as i64), u),
            };
            return Some((value, true, i, i + 3));
        }
    }
    // A year: "in 1998", "since 1911", "the 2029–30 season".
    if let Some(y) = year_of(&toks[i]) {
        let prev = if i > 0 { at(i - 1) } else { "" };
        let next = at(i + 1);
        if !matches!(next, "people" | "percent" | "%" | "households" | "members")
            && (matches!(
                prev,
                "in" | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "of"
                    | "before"
                    | "after"
                    | "the"
                    | "early"
                    | "late"
                    | "mid"
                    | "during"
                    | "end"
                    | "to"
                    | "and"
                    | ","
            ) || i == 0
                || next == "–"
                || next == "-"
                // "Strom's 1996 landslide", "the party's 2019 election"
                // (but "the company's 2000 employees" counts).
                || ((prev.ends_with("'s") || prev.ends_with("’s"))
                    && !next.ends_with('s')
                    && next.chars().all(char::is_alphabetic)
                    && !next.is_empty()))
        {
            let mut end = i + 1;
            if matches!(next, "–" | "-")
                && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Number)
            {
                end = i + 3;
            }
            return Some((DateValue::Year(y), false, i, end));
        }
    }
    None
}

/// `reference` shifted by `n` units of `unit_days` days: days and weeks to a
/// day, months to a month, years to a year.
fn shift_by(reference: Day, n: i64, unit_days: i64) -> DateValue {
    match unit_days {
        1 | 7 => DateValue::Day(reference.add_days(n * unit_days)),
        30 => {
            let m0 = reference.year as i64 * 12 + reference.month as i64 - 1 + n;
            DateValue::Month {
                year: m0.div_euclid(12) as i32,
                month: (m0.rem_euclid(12) + 1) as u32,
            }
        }
        _ => DateValue::Year(reference.year + n as i32),
    }
}
