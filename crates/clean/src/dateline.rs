//! Publication times in the timestamp lines pages print near the byline
//! ("Published 09:14, 3 March 2026", "Updated 10:31 AM EST, Tue March 5,
//! 2024"). Plain-text input has no metadata, so this line is often the only
//! record of when an article appeared; the cleaner removes it as a byline and
//! keeps the time it states.
//!
//! Hand-written because general date parsers either fill missing parts from
//! the clock or guess day/month order; here only unambiguous forms with a
//! spelled-out month are accepted.

use regex::Regex;
use std::sync::LazyLock;

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b").unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m\.?)?(?:\b|$)").unwrap()
});
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(published|posted|first published|updated|last updated|date)\b").unwrap()
});

/// The ISO 8601 time stated by a "Published …"/"Updated …" line, if any.
pub fn published(line: &str) -> Option<String> {
    if !LEAD.is_match(line) {
        return None;
    }
    let (day, mon, year) = if let Some(c) = DAY_MONTH_YEAR
        .captures(line)
        .filter(|c| crosscheck_model::month_number(&c[2]).is_some())
    {
        (
            c[1].parse::<u32>().ok()?,
            crosscheck_model::month_number(&c[2])?,
            c[3].parse::<i32>().ok()?,
        )
    } else {
        let c = MONTH_DAY_YEAR.captures(line)?;
        (
            c[2].parse::<u32>().ok()?,
            crosscheck_model::month_number(&c[1])?,
            c[3].parse::<i32>().ok()?,
        )
    };
    let days_in_month = match mon {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days_in_month).contains(&day) || !(1900..=2200).contains(&year) {
        return None;
    }
    let date = format!("{year:04}-{mon:02}-{day:02}");
    let time = TIME.captures(line).and_then(|c| {
        let mut h: u32 = c[1].parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        if let Some(ap) = c.get(3) {
            if h == 0 || h > 12 {
                return None;
            }
            let pm = ap.as_str().eq_ignore_ascii_case("p");
            h = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
        }
        (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}:00"))
    });
    Some(match time {
        Some(t) => format!("{date}T{t}"),
        None => date,
    })
}

#[cfg(test)]
mod tests {
    use super::published;

    #[test]
    fn reads_common_timestamp_lines() {
        assert_eq!(
            published("Published 09:14, 3 March 2026").as_deref(),
            Some("2026-03-03T09:14:00")
        );
        assert_eq!(
            published("Updated 10:31 AM EST, Tue March 5, 2024").as_deref(),
            Some("2024-03-05T10:31:00")
        );
        assert_eq!(
            published("Published 4:05 p.m. 12 Sept 2025").as_deref(),
            Some("2025-09-12T16:05:00")
        );
        assert_eq!(
            published("Posted on 1st June 2024").as_deref(),
            Some("2024-06-01")
        );
    }

    #[test]
    fn rejects_other_lines_and_impossible_dates() {
        assert_eq!(published("By Jane Roe, 3 March 2026"), None);
        assert_eq!(published("Published 31 February 2026"), None);
        assert_eq!(published("Published by the Marching 5 2024 band"), None);
    }
}
