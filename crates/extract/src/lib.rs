//! Extract: the article inside a web page, as plain paragraphs, with its
//! metadata and an account of everything left out.
//!
//! Extraction is the step between an HTML page (a `.html` file, a feed item,
//! a WARC response, the `html` field of a JSON Lines record) and the text
//! cleaner: it finds the article, drops the page furniture around and inside
//! it, and writes what is left as plain-text paragraphs (paragraphs,
//! headings, list items, block quotes, in order) separated by a blank line,
//! with whitespace folded and entities decoded.
//!
//! How, in order of preference:
//!
//! 1. The content block is chosen on our own compact tree (the `fast`
//!    module: one tokenizer pass into an arena, then Readability's scoring
//!    model — text length, commas, link density, class/id words — written
//!    for that arena, see `fast::grab`). Pages it does not model (frame
//!    sets, templates, …) or that leave it with no block take the next way;
//!    [`Engine::Readability`] selects that way for every page.
//! 2. Otherwise [`dom_smoothie`] (a port of Mozilla's Readability.js) picks
//!    it on an html5ever tree. Measured side by side with rs-trafilatura
//!    and trafilatura on the 181-page article-extraction benchmark it was
//!    the fastest and close in quality (`docs/benchmarks.md`); the fast way
//!    gives the same text on 177 of the 181 pages, at several times the
//!    speed.
//! 3. Our own pass over that block turns it into paragraphs and removes, with
//!    a [`RemovalReason`] each: captions and photo credits (kept with
//!    [`Extractor::keep_captions`]), share/newsletter/follow boxes, related
//!    and recommended lists, short all-link paragraphs, ad slots, tag lists,
//!    bylines and time stamps, comments (kept with
//!    [`Extractor::keep_comments`]), hidden elements, reporting credits,
//!    contact lines, legal boilerplate and immediate repeats. The rules are
//!    generic: class and id words, element names, and line shapes. The same
//!    code runs on either tree.
//! 4. Metadata comes from the page itself ([`Metadata`]): title, site name,
//!    canonical URL, publication date (meta tags, JSON-LD, `<time>`, a
//!    visible "Published …" stamp, else the URL) and authors.
//! 5. If Readability finds nothing (a short fragment such as
//!    `<p>One.</p><p>Two.</p>`), every block of the document is kept except
//!    page furniture (`nav`, `header`, `footer`, `aside`, `form`, scripts).
//! 6. Documents nested too deeply for a tree (hostile or broken markup, e.g.
//!    100,000 nested `div`s) or larger than [`MAX_TREE_BYTES`] are read by a
//!    linear tag stripper, so time and memory stay proportional to the input.
//!
//! [`html_to_text`] never panics and never fails: at worst it returns empty
//! text and says why in [`Extracted::empty_reason`]. [`decode_html`] turns a
//! page's bytes into text (BOM, declared charset, else Windows-1252), and
//! [`eval`] scores any extractor with the benchmark's own metric.

#![warn(missing_docs)]

mod charset;
mod dom;
pub mod eval;
mod fast;
mod junk;
mod lean;
mod meta;
mod strip;
mod walk;

pub use charset::{declared_charset, decode_html};
pub use meta::{date_from_url, normalize_date, Metadata};

use crosscheck_model::{RemovalReason, Removed};
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};

/// What extraction produced from one HTML document (serialisable, for
/// `crosscheck extract --json`).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Extracted {
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// The page's headline, when one was found (without site-name suffixes).
    pub title: Option<String>,
    /// The outlet's name (`og:site_name`, JSON-LD publisher, ...).
    pub site_name: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD).
    pub canonical_url: Option<String>,
    /// Publication time as ISO 8601 (RFC 3339, `YYYY-MM-DDTHH:MM:SS` or
    /// `YYYY-MM-DD`), from meta tags, JSON-LD, `<time>`, the byline or the URL.
    pub published: Option<String>,
    /// Author names, without "By" and "Email the author" junk.
    pub authors: Vec<String>,
    /// Text of the page that is not in `text`, and why.
    pub removed: Vec<Removed>,
    /// Why `text` is empty, when it is.
    pub empty_reason: Option<String>,
}

/// Documents nested deeper than this (counting only elements that must be
/// closed explicitly) skip the tree-based extractors.
pub const MAX_NESTING: usize = 400;

/// Documents larger than this (bytes) skip the tree-based extractors and
/// are read by the linear tag stripper, so that memory stays proportional
/// to the input (a DOM costs several times the page size).
pub const MAX_TREE_BYTES: usize = 8 * 1024 * 1024;

/// How the content block is found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    /// Our own compact tree and content scoring (`fast`), handing pages it
    /// is unsure of (short content, markup it does not model) to
    /// [`Engine::Readability`]. The default.
    #[default]
    Fast,
    /// An html5ever tree (dom_query) and dom_smoothie's Readability port.
    Readability,
}

/// The HTML extractor; [`html_to_text`] uses the defaults.
///
/// ```
/// use crosscheck_extract::Extractor;
/// let e = Extractor::new().keep_captions(true).extract("<p>One.</p>");
/// assert_eq!(e.text, "One.");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    opts: walk::ArticleOpts,
    engine: Engine,
    record_removed: bool,
    url_dates: bool,
    url: Option<String>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            opts: walk::ArticleOpts::default(),
            engine: Engine::default(),
            record_removed: true,
            url_dates: true,
            url: None,
        }
    }
}

impl Extractor {
    /// An extractor with the defaults: captions and comments dropped,
    /// removed blocks recorded.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keep photo captions and credits in the text (default: drop them).
    pub fn keep_captions(mut self, yes: bool) -> Self {
        self.opts.keep_captions = yes;
        self
    }

    /// Keep reader comments that sit inside the content (default: drop).
    pub fn keep_comments(mut self, yes: bool) -> Self {
        self.opts.keep_comments = yes;
        self
    }

    /// Which way to find the content block (default: [`Engine::Fast`]).
    pub fn engine(mut self, engine: Engine) -> Self {
        self.engine = engine;
        self
    }

    /// Record the page text left out, with reasons (default: yes). Turning
    /// it off saves a linear pass over the page.
    pub fn record_removed(mut self, yes: bool) -> Self {
        self.record_removed = yes;
        self
    }

    /// Take the publication date from the URL (`/2024/03/05/`) when the
    /// markup states none (default: yes).
    pub fn dates_from_url(mut self, yes: bool) -> Self {
        self.url_dates = yes;
        self
    }

    /// The page's URL, when known: resolves relative links and is a last
    /// resort for the publication date.
    pub fn url(mut self, url: Option<&str>) -> Self {
        self.url = url.map(str::to_owned);
        self
    }

    /// Extract the article from an HTML document or fragment. Never panics
    /// and never fails: at worst the text is empty and `empty_reason` says why.
    pub fn extract(&self, html: &str) -> Extracted {
        self.extract_impl(html, true)
    }

    /// [`Extractor::extract`]; `lean: false` builds the tree from the whole
    /// page (tests check that leaving out what `lean` leaves out changes
    /// nothing).
    fn extract_impl(&self, html: &str, lean: bool) -> Extracted {
        if html.trim().is_empty() {
            return Extracted {
                empty_reason: Some("empty document".into()),
                ..Extracted::default()
            };
        }
        // The tree is built from a copy without scripts, styles, comments,
        // drawings and other bytes no reader looks at (see `lean`); metadata
        // also reads the page itself.
        let tree_html = if html.len() > MAX_TREE_BYTES {
            None
        } else if lean {
            lean::prepare(html, MAX_NESTING)
        } else {
            lean::prepare(html, MAX_NESTING).map(|_| std::borrow::Cow::Borrowed(html))
        };
        let mut e = match tree_html {
            None => strip::extract(html),
            // dom_smoothie and dom_query are trusted not to panic, but a
            // panic in a third-party heuristic must not take the batch down.
            Some(tree_html) => {
                let fast = (self.engine == Engine::Fast)
                    .then(|| {
                        let o = fast::Opts {
                            article: self.opts,
                            url: self.url.as_deref(),
                            url_dates: self.url_dates,
                            record_removed: self.record_removed,
                        };
                        panic::catch_unwind(AssertUnwindSafe(|| {
                            fast::extract(&tree_html, html, &o)
                        }))
                        .ok()
                        .flatten()
                    })
                    .flatten();
                fast.or_else(|| {
                    panic::catch_unwind(AssertUnwindSafe(|| self.readability(&tree_html, html)))
                        .ok()
                        .flatten()
                })
                .or_else(|| {
                    panic::catch_unwind(AssertUnwindSafe(|| fallback(&tree_html, html))).ok()
                })
                .unwrap_or_else(|| strip::extract(html))
            }
        };
        if e.site_name.is_none() {
            if let Some((site, headline)) = site_from_page_title(html, &e) {
                e.site_name = Some(site);
                e.title = Some(headline);
            }
        }
        if e.text.is_empty() && e.empty_reason.is_none() {
            e.empty_reason = Some(if html.contains('<') {
                "no text outside scripts, styles and page furniture".into()
            } else {
                "no text".into()
            });
        }
        e
    }

    /// Main path: Readability's content, cleaned of junk, and our metadata.
    /// `None` when Readability finds no content. The tree is parsed from
    /// `tree_html`, `html` (the whole page) is read for metadata.
    fn readability(&self, tree_html: &str, html: &str) -> Option<Extracted> {
        let cfg = Config {
            keep_classes: true,
            ..Config::default()
        };
        let mut r = Readability::new(tree_html, self.url.as_deref(), Some(cfg)).ok()?;
        let meta = meta::read(&r.doc, html, self.url.as_deref(), self.url_dates);
        // `parse` retries with relaxed flags when the content is short (13
        // of the 181 benchmark pages). One strict attempt first, re-parsing
        // only those pages, measured no faster: the tree copy it saves is
        // cheap next to parsing and scoring.
        let article = r.parse().ok()?;
        let content = r.doc.select("#readability-page-1");
        let (paragraphs, mut removed) = match content.nodes().first() {
            Some(root) => walk::article(root, self.opts),
            None => {
                let doc = Document::fragment(article.content.clone());
                walk::article(&doc.root(), self.opts)
            }
        };
        let mut paragraphs = junk::filter(paragraphs, self.opts, &mut removed);
        if paragraphs.is_empty() {
            // The junk rules took everything: trust Readability's choice.
            removed.clear();
            paragraphs = match content.nodes().first() {
                Some(root) => walk::paragraphs(root, walk::Mode::Article).0,
                None => Vec::new(),
            };
            if paragraphs.is_empty() {
                return None;
            }
        }
        let site_name = meta.site_name.clone().or(article.site_name.clone());
        let title = meta
            .title
            .clone()
            .or_else(|| non_empty(&article.title))
            .map(|t| strip_site_suffix(&t, site_name.as_deref()));
        let mut authors = meta.authors;
        if authors.is_empty() {
            if let Some(b) = article.byline.as_deref() {
                meta::push_authors(&mut authors, b);
            }
        }
        let published = meta.published.or_else(|| {
            article
                .published_time
                .as_deref()
                .and_then(meta::normalize_date)
        });
        if self.record_removed {
            // The tag stripper skips scripts, styles, comments and drawings
            // anyway, so the lean copy gives the same paragraphs (checked on
            // the benchmark's 181 pages) in under half the bytes.
            dropped_paragraphs(tree_html, &paragraphs, title.as_deref(), &mut removed);
        }
        Some(Extracted {
            text: paragraphs.join("\n\n"),
            title,
            site_name,
            canonical_url: meta.canonical_url,
            published,
            authors,
            removed,
            empty_reason: None,
        })
    }
}

/// An outline of the block the fast path chooses, for debugging (not a
/// stable interface).
#[doc(hidden)]
pub fn debug_fast_outline(html: &str) -> String {
    fast::outline(html)
}

/// Extract the article text from an HTML document or fragment, with the
/// default [`Extractor`].
///
/// ```
/// let e = crosscheck_extract::html_to_text("<p>One.</p><p>Two.</p>");
/// assert_eq!(e.text, "One.\n\nTwo.");
/// ```
pub fn html_to_text(html: &str) -> Extracted {
    Extractor::default().extract(html)
}

/// Paragraphs of the page that extraction left out and that are not yet
/// recorded, for the audit trail: the title as [`RemovalReason::Headline`],
/// the rest as [`RemovalReason::Markup`]. Uses the linear tag stripper, so it
/// costs one cheap pass over the page.
fn dropped_paragraphs(
    html: &str,
    kept: &[String],
    title: Option<&str>,
    removed: &mut Vec<Removed>,
) {
    let page = strip::extract(html);
    record_dropped(page.text.split("\n\n"), page.removed, kept, title, removed);
}

/// [`dropped_paragraphs`] given the page's paragraphs and the text of its
/// furniture (`nav`, `footer`, … as [`RemovalReason::Markup`] entries).
fn record_dropped<'a>(
    page: impl Iterator<Item = &'a str>,
    furniture: Vec<Removed>,
    kept: &[String],
    title: Option<&str>,
    removed: &mut Vec<Removed>,
) {
    let mut seen: HashSet<&str> = kept.iter().map(String::as_str).collect();
    for r in removed.iter() {
        seen.insert(r.text.as_str());
    }
    let mut extra = Vec::new();
    for para in page {
        // Text removed by a rule inside the content is already recorded.
        if para.is_empty() || seen.contains(para) || removed.iter().any(|r| r.text.contains(para)) {
            continue;
        }
        seen.insert(para);
        let reason = if Some(para) == title {
            RemovalReason::Headline
        } else {
            RemovalReason::Markup
        };
        extra.push(Removed {
            text: para.to_owned(),
            reason,
        });
    }
    for r in furniture {
        if !seen.contains(r.text.as_str()) {
            extra.push(r);
        }
    }
    removed.extend(extra);
}

/// Fallback: every block of the document outside page furniture (the tree
/// parsed from `tree_html`, metadata also from `html`).
fn fallback(tree_html: &str, html: &str) -> Extracted {
    let doc = Document::from(tree_html);
    let meta = meta::read(&doc, html, None, true);
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
    let title = meta.title.or_else(|| {
        let t = doc.select("title").text();
        non_empty(&t)
    });
    Extracted {
        text: paragraphs.join("\n\n"),
        title,
        site_name: meta.site_name,
        canonical_url: meta.canonical_url,
        published: meta.published,
        authors: meta.authors,
        removed,
        empty_reason: None,
    }
}

/// The outlet a page's `<title>` names after its headline ("Jobless rate
/// jumps - Evening Lantern") when no metadata names it, and the headline:
/// the parts after and before a separator, when the part before it is the
/// article's title, or the title is the whole `<title>` and the part
/// before is a heading the page dropped from the text; and the part after
/// is a short name (one to five words). News sites put their name there
/// by convention.
fn site_from_page_title(html: &str, e: &Extracted) -> Option<(String, String)> {
    let title = walk::fold(e.title.as_deref()?);
    if title.is_empty() {
        return None;
    }
    // The first <title> of the page's first 64 KiB (the head), cut at a
    // character boundary.
    let mut n = html.len().min(64 * 1024);
    while !html.is_char_boundary(n) {
        n -= 1;
    }
    let head = &html[..n];
    let tag_at = |from: usize, tag: &str| {
        head[from..]
            .match_indices('<')
            .map(|(i, _)| from + i)
            .find(|&i| {
                head.as_bytes()
                    .get(i + 1..i + 1 + tag.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(tag.as_bytes()))
            })
    };
    let open = tag_at(0, "title")?;
    let start = open + head[open..].find('>')? + 1;
    let end = tag_at(start, "/title")?;
    let page_title = walk::fold(&strip::decode_entities(head.get(start..end)?));
    for sep in [" - ", " | ", " – ", " — ", " :: ", " · "] {
        let Some((before, after)) = page_title.rsplit_once(sep) else {
            continue;
        };
        let words = after.split_whitespace().count();
        let headline = before.eq_ignore_ascii_case(&title)
            || (title == page_title
                && e.removed
                    .iter()
                    .any(|r| walk::fold(&r.text).eq_ignore_ascii_case(before.trim())));
        if headline && (1..=5).contains(&words) {
            return Some((after.trim().to_owned(), before.trim().to_owned()));
        }
    }
    None
}

/// "Headline - Site", "Headline | Site" → "Headline" when Site is the
/// known site name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" - ", " | ", " – ", " — ", " :: ", " · "] {
            if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                if !head.trim().is_empty() {
                    return head.trim().to_owned();
                }
            }
        }
    }
    title.to_owned()
}

fn non_empty(s: &str) -> Option<String> {
    let folded = walk::fold(s);
    (!folded.is_empty()).then_some(folded)
}

#[cfg(test)]
mod tests;
