//! Reading dates: the contract's `published` timestamps, and month names
//! as every stage that reads dates from text (datelines, page metadata,
//! article sentences) writes them.

/// Seconds since the Unix epoch of an ISO 8601 date or date-time
/// (`YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` and `Z` or `±HH[:MM]`).
/// `None` when it cannot be read.
pub fn parse_iso8601(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y0 = if m <= 2 { y - 1 } else { y };
    let era = y0.div_euclid(400);
    let yoe = y0 - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let mut secs = days * 86_400;
    if b.len() > 10 && (b[10] == b'T' || b[10] == b' ') {
        secs += num(11..13)? * 3600 + num(14..16)? * 60;
        let mut pos = 16;
        if b.get(16) == Some(&b':') {
            secs += num(17..19)?;
            pos = 19;
            if b.get(19) == Some(&b'.') {
                pos = 20;
                while b.get(pos).is_some_and(|c| c.is_ascii_digit()) {
                    pos += 1;
                }
            }
        }
        if let Some(&sign @ (b'+' | b'-')) = b.get(pos) {
            let oh = num(pos + 1..pos + 3)?;
            let om = if b.get(pos + 3) == Some(&b':') {
                num(pos + 4..pos + 6)?
            } else {
                num(pos + 3..pos + 5).unwrap_or(0)
            };
            let offset = oh * 3600 + om * 60;
            secs += if sign == b'+' { -offset } else { offset };
        }
    }
    Some(secs)
}

/// English weekday names, lower case, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// English month names, in calendar order.
pub const MONTH_NAMES: [&str; 12] = [
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
];

/// The month (1–12) a word names: a full English month name or its usual
/// abbreviation (three letters, or "Sept"), in any case, with or without a
/// closing full stop ("March", "mar.", "SEPT"). `None` for anything else,
/// including words that only start like a month ("marching", "augment").
/// Whether "May" or "Mar" is a month in running text is the caller's call.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    // Compared without allocating: this runs on every word of every text.
    if !(3..=9).contains(&w.len()) || !w.is_ascii() {
        return None;
    }
    let first = w.as_bytes()[0].to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .position(|full| {
            full.as_bytes()[0] == first
                && (full.eq_ignore_ascii_case(w)
                    || (w.len() == 3 && full[..3].eq_ignore_ascii_case(w))
                    || (w.eq_ignore_ascii_case("sept") && *full == "september"))
        })
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("mar."), Some(3));
        assert_eq!(month_number("SEPT"), Some(9));
        assert_eq!(month_number("Sep"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("December."), Some(12));
        for not in ["marching", "augment", "ma", "junes", "", "decem", "Märch"] {
            assert_eq!(month_number(not), None, "{not}");
        }
    }
}
