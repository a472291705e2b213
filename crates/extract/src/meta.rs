//! Page metadata: title, site name, canonical URL, publication date and
//! authors, from `<meta>` tags, JSON-LD, `<link rel=canonical>`, `<time>`
//! elements, the URL and the byline.

use crate::dom::Dom;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use dom_query::Document;

/// Metadata found in a page (before extraction changes the tree).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Metadata {
    /// `og:title`, `twitter:title` or the JSON-LD headline.
    pub title: Option<String>,
    /// The outlet: `og:site_name`, JSON-LD publisher, `application-name`.
    pub site_name: Option<String>,
    /// `<link rel=canonical>`, `og:url` or the JSON-LD url.
    pub canonical_url: Option<String>,
    /// Publication time, normalised (see [`normalize_date`]).
    pub published: Option<String>,
    /// Author names, cleaned of "By", "Email the author" and the like.
    pub authors: Vec<String>,
}

/// `<meta>` names/properties holding the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
    "article:modified_time",
    "og:updated_time",
];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
];

/// Read the metadata of a parsed page. With `url_dates`, the page URL (or
/// else the canonical URL) is a last resort for the date (`/2024/03/05/`).
pub(crate) fn read(
    doc: &Document,
    html: &str,
    page_url: Option<&str>,
    url_dates: bool,
) -> Metadata {
    let sel = doc.select(
        "meta, link[rel=canonical], script[type='application/ld+json'], time[datetime], [itemprop=datePublished]",
    );
    read_nodes(sel.nodes().iter().copied(), html, page_url, url_dates)
}

/// Whether [`read_nodes`] reads this element (the selector of [`read`]).
pub(crate) fn is_meta_node<N: Dom>(node: &N) -> bool {
    let name = node.name();
    let by_name = match &*name {
        "meta" => true,
        "link" => node
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("canonical")),
        "script" => node
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")),
        "time" => node.has_attr("datetime"),
        _ => false,
    };
    by_name
        || node
            .attr("itemprop")
            .is_some_and(|p| &*p == "datePublished")
}

/// [`read`] over the elements it reads, in document order.
pub(crate) fn read_nodes<N: Dom>(
    nodes: impl Iterator<Item = N>,
    html: &str,
    page_url: Option<&str>,
    url_dates: bool,
) -> Metadata {
    read_nodes_with_headline(nodes, html, page_url, url_dates).0
}

/// [`read_nodes`], and the JSON-LD headline when there is one (the title
/// Readability prefers when it looks for a heading that repeats it).
pub(crate) fn read_nodes_with_headline<N: Dom>(
    nodes: impl Iterator<Item = N>,
    html: &str,
    page_url: Option<&str>,
    url_dates: bool,
) -> (Metadata, Option<String>) {
    let mut m = Metadata::default();
    let mut dates: Vec<(usize, String)> = Vec::new();
    let mut authors_meta: Vec<String> = Vec::new();
    let mut time_date: Option<String> = None;
    let mut og_url = None;
    let mut app_name = None;
    let mut ld_title = None;
    for node in nodes {
        let name = node.name().to_ascii_lowercase();
        match name.as_str() {
            "meta" => {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"))
                    .map(|k| k.trim().to_ascii_lowercase())
                    .unwrap_or_default();
                let Some(content) = node.attr("content") else {
                    continue;
                };
                let content = content.trim();
                if content.is_empty() {
                    continue;
                }
                if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
                    dates.push((rank, content.to_owned()));
                } else if AUTHOR_KEYS.contains(&key.as_str()) {
                    authors_meta.push(content.to_owned());
                } else {
                    match key.as_str() {
                        "og:site_name" => set(&mut m.site_name, content),
                        "application-name" => set(&mut app_name, content),
                        "og:url" => set(&mut og_url, content),
                        "og:title" | "twitter:title" => set(&mut m.title, content),
                        _ => {}
                    }
                }
            }
            "link" => {
                if let Some(href) = node.attr("href") {
                    set(&mut m.canonical_url, href.trim());
                }
            }
            "script" => {
                let text = node.text();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                    json_ld(&v, &mut m, &mut dates, &mut ld_title, 0);
                }
            }
            _ => {
                // <time datetime> or an element marked datePublished.
                let value = node
                    .attr("datetime")
                    .or_else(|| node.attr("content"))
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| node.text().to_string());
                let published_mark = node
                    .attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || node.has_attr("pubdate");
                if published_mark {
                    dates.push((DATE_KEYS.len() - 3, value));
                } else if time_date.is_none() {
                    time_date = normalize_date(&value);
                }
            }
        }
    }
    if m.title.is_none() {
        m.title = ld_title.clone();
    }
    if m.site_name.is_none() {
        m.site_name = app_name;
    }
    if m.canonical_url.is_none() {
        m.canonical_url = og_url;
    }
    dates.sort_by_key(|(rank, _)| *rank);
    m.published = dates
        .iter()
        .find_map(|(_, d)| normalize_date(d))
        .or(time_date)
        .or_else(|| stamp_date(html))
        .or_else(|| {
            if !url_dates {
                return None;
            }
            page_url
                .or(m.canonical_url.as_deref())
                .and_then(date_from_url)
        });
    if m.authors.is_empty() {
        for a in authors_meta {
            push_authors(&mut m.authors, &a);
        }
    }
    (m, ld_title)
}

fn set(slot: &mut Option<String>, value: &str) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(crate::walk::fold(value));
    }
}

/// A date in a visible time stamp: "Published 10:02 AM EST Nov 19, 2019",
/// "Posted: March 5, 2024". Looks at the first few such words only.
fn stamp_date(html: &str) -> Option<String> {
    for word in ["Published", "Posted", "PUBLISHED", "POSTED"] {
        for (i, _) in html.match_indices(word).take(8) {
            let start = i + word.len();
            let mut end = (start + 160).min(html.len());
            while !html.is_char_boundary(end) {
                end -= 1;
            }
            // Drop tags between the word and the date.
            let mut text = String::new();
            let mut in_tag = false;
            for c in html[start..end].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        text.push(' ');
                    }
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let near: String = text
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(d) = text_date(&near) {
                return Some(d.format("%Y-%m-%d").to_string());
            }
        }
    }
    None
}

/// Walk a JSON-LD value (object, array or `@graph`) for article metadata.
fn json_ld(
    v: &serde_json::Value,
    m: &mut Metadata,
    dates: &mut Vec<(usize, String)>,
    title: &mut Option<String>,
    depth: usize,
) {
    if depth > 6 {
        return;
    }
    match v {
        serde_json::Value::Array(items) => {
            for item in items {
                json_ld(item, m, dates, title, depth + 1);
            }
        }
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                json_ld(g, m, dates, title, depth + 1);
            }
            let ty = match o.get("@type") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => String::new(),
            };
            let article = ["Article", "Posting", "Report", "Blog", "WebPage"]
                .iter()
                .any(|k| ty.contains(k));
            if !article {
                return;
            }
            if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                dates.push((0, d.to_owned()));
            }
            if let Some(h) = o.get("headline").and_then(|h| h.as_str()) {
                set(title, h);
            }
            if let Some(p) = o.get("publisher") {
                if let Some(n) = p.get("name").and_then(|n| n.as_str()) {
                    set(&mut m.site_name, n);
                }
            }
            if let Some(u) = o.get("url").and_then(|u| u.as_str()) {
                if u.starts_with("http") && !ty.contains("WebPage") {
                    set(&mut m.canonical_url, u);
                }
            }
            if ty.contains("WebPage") {
                return;
            }
            let names: Vec<String> = match o.get("author") {
                Some(serde_json::Value::String(s)) => vec![s.clone()],
                Some(serde_json::Value::Object(a)) => a
                    .get("name")
                    .and_then(|n| n.as_str())
                    .map(|n| vec![n.to_owned()])
                    .unwrap_or_default(),
                Some(serde_json::Value::Array(list)) => list
                    .iter()
                    .filter_map(|a| {
                        a.as_str()
                            .or_else(|| a.get("name").and_then(|n| n.as_str()))
                    })
                    .map(str::to_owned)
                    .collect(),
                _ => Vec::new(),
            };
            if m.authors.is_empty() {
                for n in names {
                    push_authors(&mut m.authors, &n);
                }
            }
        }
        _ => {}
    }
}

/// Words that are not part of an author's name.
const BYLINE_JUNK: &[&str] = &[
    "email the author",
    "email",
    "follow",
    "twitter",
    "facebook",
    "contact",
    "reporter",
    "staff writer",
    "correspondent",
    "updated",
    "published",
    "posted",
];

/// Add the names in a byline or author field ("By Ana Diaz and Bo Lin |
/// Email the author") to `out`, without duplicates.
pub(crate) fn push_authors(out: &mut Vec<String>, raw: &str) {
    let s = crate::walk::fold(raw);
    if s.starts_with("http") || s.contains("://") {
        return;
    }
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s);
    for part in s
        .split(['|', ',', ';', '\n', '•', '·'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
    {
        let name = part.trim().trim_end_matches(['.', ':']);
        let lower = name.to_lowercase();
        if name.is_empty()
            || name.len() > 60
            || name.chars().any(|c| c.is_ascii_digit() || c == '@')
            || BYLINE_JUNK
                .iter()
                .any(|j| lower == *j || lower.starts_with(&format!("{j} ")))
            || !name.chars().next().is_some_and(char::is_alphabetic)
        {
            continue;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            out.push(name.to_owned());
        }
    }
}

/// A date in a URL path: `/2024/03/05/`, `/2024-03-05`, `/20240305/`.
pub fn date_from_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let b = path.as_bytes();
    let digits = |i: usize, n: usize| -> Option<u32> {
        let s = path.get(i..i + n)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    for i in 0..b.len() {
        if b[i] != b'/' && b[i] != b'-' && b[i] != b'_' {
            continue;
        }
        let y = i + 1;
        let Some(year) = digits(y, 4) else { continue };
        if !(1990..=2100).contains(&year) {
            continue;
        }
        let sep = b.get(y + 4).copied();
        let (month, day) = match sep {
            Some(s @ (b'/' | b'-' | b'_')) => {
                let Some(mo) = digits(y + 5, 2) else { continue };
                let day = if b.get(y + 7) == Some(&s) {
                    digits(y + 8, 2).filter(|_| b.get(y + 10).is_none_or(|c| !c.is_ascii_digit()))
                } else {
                    None
                };
                (mo, day)
            }
            Some(c) if c.is_ascii_digit() => {
                let (Some(mo), Some(d)) = (digits(y + 4, 2), digits(y + 6, 2)) else {
                    continue;
                };
                if b.get(y + 8).is_some_and(|c| c.is_ascii_digit()) {
                    continue;
                }
                (mo, Some(d))
            }
            _ => continue,
        };
        if let Some(d) = day.and_then(|d| NaiveDate::from_ymd_opt(year as i32, month, d)) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

/// Normalise a date to ISO 8601: RFC 3339 to the second (`Z` for UTC) when
/// a zone is known, `YYYY-MM-DDTHH:MM:SS` without one, `YYYY-MM-DD` for a
/// date alone. Accepts RFC 3339/ISO 8601 (also with a space, without
/// seconds, with `+0000` offsets), RFC 2822, and "March 5, 2024" /
/// "5 March 2024" / "Mar. 5, 2024" forms. `None` if unreadable.
pub fn normalize_date(s: &str) -> Option<String> {
    // Placeholders such as `0001-01-01` are not dates.
    normalize_any(s).filter(|d| {
        d.get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| (1900..=2200).contains(&y))
    })
}

fn normalize_any(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    let t = s.trim_end_matches('Z');
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(if t.len() < s.len() {
                dt.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
            } else {
                dt.format("%Y-%m-%dT%H:%M:%S").to_string()
            });
        }
    }
    if let Some(d) = s
        .get(..10)
        .and_then(|h| NaiveDate::parse_from_str(h, "%Y-%m-%d").ok())
    {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    if let Some(d) = s
        .get(..10)
        .and_then(|h| NaiveDate::parse_from_str(h, "%Y/%m/%d").ok())
    {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    text_date(s).map(|d| d.format("%Y-%m-%d").to_string())
}

/// "March 5, 2024", "5 March 2024", "Mar. 5 2024", anywhere in `s`.
pub(crate) fn text_date(s: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let month_of = crosscheck_model::month_number;
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r']);
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    for i in 0..words.len() {
        let Some(mo) = month_of(words[i]) else {
            continue;
        };
        // Month Day Year
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|w| num(w)),
            words.get(i + 2).and_then(|w| num(w)),
        ) {
            if (1990..=2100).contains(&y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d) {
                    return Some(date);
                }
            }
        }
        // Day Month Year
        if i > 0 {
            if let (Some(d), Some(y)) = (num(words[i - 1]), words.get(i + 1).and_then(|w| num(w))) {
                if (1990..=2100).contains(&y) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, mo, d) {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for (input, want) in [
            ("2024-04-12T08:15:00.000Z", "2024-04-12T08:15:00Z"),
            ("2024-04-12T09:15:00+01:00", "2024-04-12T09:15:00+01:00"),
            ("2024-04-12T09:15:00+0100", "2024-04-12T09:15:00+01:00"),
            ("Fri, 12 Apr 2024 08:15:00 GMT", "2024-04-12T08:15:00Z"),
            ("2024-04-12 09:15", "2024-04-12T09:15:00"),
            ("2024-04-12", "2024-04-12"),
            ("2024/04/12", "2024-04-12"),
            ("April 12, 2024", "2024-04-12"),
            ("Updated: Apr. 12, 2024 at 9:15 a.m.", "2024-04-12"),
            ("12 April 2024", "2024-04-12"),
        ] {
            assert_eq!(normalize_date(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(normalize_date("April 12"), None);
        assert_eq!(normalize_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(normalize_date("may be later"), None);
    }

    #[test]
    fn stamps() {
        assert_eq!(
            stamp_date("<span>Published 10:02 AM EST <b>Nov 19, 2031</b></span>").as_deref(),
            Some("2031-11-19")
        );
        assert_eq!(
            stamp_date("<p>Published by the council in March.</p>"),
            None
        );
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_from_url("https://news.example/2019/11/19/harbour-fire").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date_from_url("https://news.example/story-2019-11-19.html").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date_from_url("https://news.example/20191119/x").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(date_from_url("https://news.example/2019/11/x"), None);
        assert_eq!(date_from_url("https://news.example/id/12345678901"), None);
    }

    #[test]
    fn authors() {
        let mut v = Vec::new();
        push_authors(&mut v, "By Ana Díaz and Bo Lin | Email the author");
        push_authors(&mut v, "Ana Díaz");
        push_authors(&mut v, "https://example.org/staff/ana");
        assert_eq!(v, ["Ana Díaz", "Bo Lin"]);
    }
}
