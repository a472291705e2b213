//! Normalising publication dates to ISO 8601.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};

/// Normalise a publication date to ISO 8601, or `None` when it cannot be read.
///
/// Accepted: RFC 3339 (`2024-03-05T14:30:00+01:00`), RFC 2822
/// (`Tue, 5 Mar 2024 14:30:00 +0100`), `YYYY-MM-DD`, and
/// `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]` without a zone.
///
/// Output: RFC 3339 to the second when a zone is known (`Z` for UTC, else
/// the offset), `YYYY-MM-DDTHH:MM:SS` for a local time without a zone, and
/// `YYYY-MM-DD` for a date alone.
///
/// ```
/// use crosscheck_ingest::normalize_published;
/// assert_eq!(normalize_published("2024-03-05").as_deref(), Some("2024-03-05"));
/// assert_eq!(
///     normalize_published("Tue, 5 Mar 2024 14:30:00 GMT").as_deref(),
///     Some("2024-03-05T14:30:00Z")
/// );
/// assert_eq!(normalize_published("last Tuesday"), None);
/// ```
pub fn normalize_published(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    // RFC 3339 with a space instead of `T`.
    if s.len() > 10 && s.as_bytes()[10] == b' ' {
        let t = format!("{}T{}", &s[..10], &s[11..]);
        if let Ok(dt) = DateTime::parse_from_rfc3339(&t) {
            return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(naive_iso(dt));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    None
}

/// A zone-less date and time as `YYYY-MM-DDTHH:MM:SS`.
pub(crate) fn naive_iso(dt: NaiveDateTime) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A Unix timestamp in seconds as RFC 3339 UTC, if in range.
pub(crate) fn from_unix_seconds(secs: i64) -> Option<String> {
    DateTime::from_timestamp(secs, 0).map(|dt| dt.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// A Reuters-21578 `<DATE>` such as `26-FEB-1987 15:01:01.79` (sometimes
/// with extra spaces or trailing junk) as `1987-02-26T15:01:01`.
pub(crate) fn reuters_date(s: &str) -> Option<String> {
    let mut parts = s.split_whitespace();
    let day = parts.next()?;
    let time = parts.next()?;
    let time_end = time
        .find(|c: char| !(c.is_ascii_digit() || c == ':'))
        .unwrap_or(time.len());
    let joined = format!("{day} {}", &time[..time_end]);
    NaiveDateTime::parse_from_str(&joined, "%d-%b-%Y %H:%M:%S")
        .ok()
        .map(naive_iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let n = |s: &str| normalize_published(s);
        assert_eq!(
            n("2024-03-05T14:30:00Z").as_deref(),
            Some("2024-03-05T14:30:00Z")
        );
        assert_eq!(
            n("2024-03-05T14:30:00.123+01:00").as_deref(),
            Some("2024-03-05T14:30:00+01:00")
        );
        assert_eq!(
            n("2024-03-05 14:30:00+00:00").as_deref(),
            Some("2024-03-05T14:30:00Z")
        );
        assert_eq!(
            n("2024-03-05 14:30").as_deref(),
            Some("2024-03-05T14:30:00")
        );
        assert_eq!(
            n("2024-03-05 14:30:09").as_deref(),
            Some("2024-03-05T14:30:09")
        );
        assert_eq!(
            n("2024-03-05T14:30").as_deref(),
            Some("2024-03-05T14:30:00")
        );
        assert_eq!(n(" 2024-03-05 ").as_deref(), Some("2024-03-05"));
        assert_eq!(
            n("Tue, 05 Mar 2024 14:30:00 +0100").as_deref(),
            Some("2024-03-05T14:30:00+01:00")
        );
        assert_eq!(n("2024-13-45"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n(""), None);
    }

    #[test]
    fn reuters_dates() {
        assert_eq!(
            reuters_date("26-FEB-1987 15:01:01.79").as_deref(),
            Some("1987-02-26T15:01:01")
        );
        assert_eq!(
            reuters_date("  3-MAR-1987  09:15:05.40").as_deref(),
            Some("1987-03-03T09:15:05")
        );
        assert_eq!(
            reuters_date("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM").as_deref(),
            Some("1987-03-27T00:02:59")
        );
        assert_eq!(reuters_date("garbage"), None);
    }

    #[test]
    fn unix_seconds() {
        assert_eq!(
            from_unix_seconds(0).as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
    }
}
