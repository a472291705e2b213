//! Extract: the main text of an HTML document, as plain paragraphs.
//!
//! Extraction is the step between an HTML page (a `.html` file, or the `html`
//! field of a JSON Lines record) and the text cleaner: it finds the article
//! inside the page, drops the page furniture around it (navigation, footers,
//! scripts, share bars), and writes what is left as plain-text paragraphs
//! separated by a blank line, with whitespace folded and entities decoded.
//!
//! How, in order of preference:
//!
//! 1. [`dom_smoothie`] (a port of Mozilla's Readability.js) picks the main
//!    content, the title and the publication date; its cleaned content is
//!    turned into one paragraph per block element (`p`, `h1`–`h6`, `li`,
//!    `blockquote`, `pre`, a `div` holding text, ...).
//! 2. If Readability finds nothing (a short fragment such as
//!    `<p>One.</p><p>Two.</p>`), every block of the document is kept except
//!    those inside `script`, `style`, `nav`, `footer`, `header`, `aside` and
//!    `form`; the text of each dropped kind of block is recorded once as a
//!    [`RemovalReason::Markup`] entry.
//! 3. Documents nested too deeply for a tree-based parse (hostile or broken
//!    markup, e.g. 100,000 nested `div`s) are read by a linear tag stripper.
//!
//! [`html_to_text`] never panics and never fails: at worst it returns empty
//! text.

mod strip;
mod walk;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use crosscheck_model::{RemovalReason, Removed};
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};

/// What extraction produced from one HTML document.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// The page's headline, when one was found (without site-name suffixes).
    pub title: Option<String>,
    /// Publication time as ISO 8601 (RFC 3339, or `YYYY-MM-DD`), when the
    /// page states one in its metadata.
    pub published: Option<String>,
    /// Text of the page that is not in `text`, and why.
    pub removed: Vec<Removed>,
}

/// Documents nested deeper than this (counting only elements that must be
/// closed explicitly) skip the tree-based extractors.
pub const MAX_NESTING: usize = 400;

/// Extract the article text from an HTML document or fragment.
///
/// ```
/// let e = crosscheck_extract::html_to_text("<p>One.</p><p>Two.</p>");
/// assert_eq!(e.text, "One.\n\nTwo.");
/// ```
pub fn html_to_text(html: &str) -> Extracted {
    if html.trim().is_empty() {
        return Extracted::default();
    }
    if strip::nesting_depth(html) > MAX_NESTING {
        return strip::extract(html);
    }
    // dom_smoothie and dom_query are trusted not to panic, but a panic in a
    // third-party heuristic must not take the whole batch down.
    let readable = panic::catch_unwind(AssertUnwindSafe(|| readability(html)))
        .ok()
        .flatten();
    if let Some(found) = readable {
        return found;
    }
    panic::catch_unwind(AssertUnwindSafe(|| fallback(html)))
        .unwrap_or_else(|_| strip::extract(html))
}

/// Main path: Readability's content, title and date. `None` when it finds
/// no content.
fn readability(html: &str) -> Option<Extracted> {
    let mut r = Readability::new(html, None, Some(Config::default())).ok()?;
    let article = r.parse().ok()?;
    let content = r.doc.select("#readability-page-1");
    let paragraphs = match content.nodes().first() {
        Some(root) => walk::paragraphs(root, walk::Mode::Article).0,
        None => {
            let doc = Document::fragment(article.content.clone());
            walk::paragraphs(&doc.root(), walk::Mode::Article).0
        }
    };
    if paragraphs.is_empty() {
        return None;
    }
    let title = non_empty(&article.title);
    let removed = dropped_paragraphs(html, &paragraphs, title.as_deref());
    Some(Extracted {
        text: paragraphs.join("\n\n"),
        title,
        published: article
            .published_time
            .as_deref()
            .and_then(normalize_published),
        removed,
    })
}

/// Paragraphs of the page that Readability left out, for the audit trail:
/// the title as [`RemovalReason::Headline`], everything else as
/// [`RemovalReason::Markup`].
fn dropped_paragraphs(html: &str, kept: &[String], title: Option<&str>) -> Vec<Removed> {
    let doc = Document::from(html);
    let Some(body) = doc.body() else {
        return Vec::new();
    };
    let (all, _) = walk::paragraphs(&body, walk::Mode::Content);
    let kept: HashSet<&str> = kept.iter().map(String::as_str).collect();
    let mut seen = HashSet::new();
    all.into_iter()
        .filter(|p| !kept.contains(p.as_str()) && seen.insert(p.clone()))
        .map(|text| {
            let reason = if Some(text.as_str()) == title {
                RemovalReason::Headline
            } else {
                RemovalReason::Markup
            };
            Removed { text, reason }
        })
        .collect()
}

/// Fallback: every block of the document outside page furniture.
fn fallback(html: &str) -> Extracted {
    let doc = Document::from(html);
    let (paragraphs, dropped) = match doc.body() {
        Some(body) => walk::paragraphs(&body, walk::Mode::Page),
        None => walk::paragraphs(&doc.root(), walk::Mode::Page),
    };
    let removed = dropped
        .into_iter()
        .map(|(_, text)| Removed {
            text,
            reason: RemovalReason::Markup,
        })
        .collect();
    // Metadata may still be there even if Readability found no content.
    let meta = Readability::new(html, None, None)
        .ok()
        .map(|r| r.get_article_metadata(r.parse_json_ld()));
    let title = meta.as_ref().and_then(|m| non_empty(&m.title)).or_else(|| {
        let t = doc.select("title").text();
        non_empty(&t)
    });
    let published = meta
        .as_ref()
        .and_then(|m| m.published_time.as_deref())
        .and_then(normalize_published);
    Extracted {
        text: paragraphs.join("\n\n"),
        title,
        published,
        removed,
    }
}

fn non_empty(s: &str) -> Option<String> {
    let folded = walk::fold(s);
    (!folded.is_empty()).then_some(folded)
}

/// Normalise a metadata date to ISO 8601: RFC 3339 (to the second, `Z` for
/// UTC), RFC 2822, `YYYY-MM-DD[ HH:MM[:SS]]`; `None` if unreadable.
fn normalize_published(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests;
