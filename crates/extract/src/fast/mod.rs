//! The fast path: our own compact tree ([`tree`]) and our own choice of
//! the content block ([`grab`]), then the same cleaning rules as the
//! html5ever path (`walk`, `junk`, run through the `dom::Dom` trait) and the
//! same metadata reader (`meta`).
//!
//! Where the time goes instead: the html5ever path spends about a third of
//! its time building a DOM of reference-counted nodes and atoms and another
//! third in a Readability that stores scores as attributes and copies the
//! document for every attempt. Here the tree is a flat arena with shared
//! strings (attributes no reader looks at are not stored), scores and
//! subtree sums live in vectors indexed by node, and the audit trail reads
//! the page's paragraphs from flags the parser left on each text node
//! instead of a second pass over the HTML.
//!
//! It gives up (returns `None`, and the caller runs the html5ever +
//! dom_smoothie path) where it is unsure:
//!
//! - the page has no body, or no block with text survives the cleaning
//!   rules;
//! - the page has markup our tree builder does not model (`<frameset>`,
//!   `<template>`, `<isindex>`, `<plaintext>`; see [`odd_markup`]).

pub(crate) mod grab;
pub(crate) mod tree;

use crate::dom::{ANode, Dom};
use crate::walk::{self, ArticleOpts};
use crate::{junk, meta, Extracted};
use tree::Tree;

/// What the fast path needs from the extractor's options.
pub(crate) struct Opts<'a> {
    pub article: ArticleOpts,
    pub url: Option<&'a str>,
    pub url_dates: bool,
    pub record_removed: bool,
}

/// Extract with the fast path, or `None` when it is unsure (see the module
/// documentation). `tree_html` is the lean copy of `html`.
pub(crate) fn extract(tree_html: &str, html: &str, o: &Opts<'_>) -> Option<Extracted> {
    if odd_markup(tree_html) {
        return None;
    }
    let t = Tree::parse(tree_html);
    let nodes = (0..t.nodes.len() as u32)
        .map(|id| ANode { tree: &t, id })
        .filter(|n| n.is_element() && meta::is_meta_node(n));
    let (meta, headline) = meta::read_nodes_with_headline(nodes, html, o.url, o.url_dates);
    let page_title = t
        .title
        .map(|id| readable_title(&walk::fold(&t.subtree_text(id))));
    // Readability's idea of the title: the JSON-LD headline, the metadata
    // title, else <title>.
    let title_for_match = headline
        .or_else(|| meta.title.clone())
        .or_else(|| page_title.clone())
        .unwrap_or_default();
    let (t, grabbed) =
        grab::grab_with_retries(t, tree_html, &title_for_match, !meta.authors.is_empty())?;
    let root = grabbed.root;
    let (paragraphs, mut removed) = walk::article(&ANode { tree: &t, id: root }, o.article);
    let mut paragraphs = junk::filter(paragraphs, o.article, &mut removed);
    if paragraphs.is_empty() {
        removed.clear();
        paragraphs = walk::paragraphs(&ANode { tree: &t, id: root }, walk::Mode::Article).0;
        if paragraphs.is_empty() {
            return None;
        }
    }
    let site_name = meta.site_name.clone();
    let title = meta
        .title
        .clone()
        .or(page_title.filter(|s| !s.is_empty()))
        .map(|t| crate::strip_site_suffix(&t, site_name.as_deref()));
    if o.record_removed {
        let (page, furniture) = page_paragraphs(&t);
        crate::record_dropped(
            page.iter().map(String::as_str),
            furniture,
            &paragraphs,
            title.as_deref(),
            &mut removed,
        );
    }
    let mut authors = meta.authors;
    if authors.is_empty() {
        if let Some(b) = grabbed.byline.as_deref() {
            meta::push_authors(&mut authors, b);
        }
    }
    Some(Extracted {
        text: paragraphs.join("\n\n"),
        title,
        site_name,
        canonical_url: meta.canonical_url,
        published: meta.published,
        authors,
        removed,
        empty_reason: None,
    })
}

/// The page's paragraphs and the text of its furniture (one entry per
/// kind, `nav`, `footer`, …), for the audit trail: read from the text
/// nodes in document order with the flags the parser gave them, so the
/// tree the content pass changed serves as well (it moves and drops nodes
/// but makes no text). Same reading as the tag stripper's (`strip`).
fn page_paragraphs(t: &Tree) -> (Vec<String>, Vec<crosscheck_model::Removed>) {
    use tree::{furniture_kind, FURNITURE, TEXT_BREAK, TEXT_SILENT};
    let mut page = Vec::new();
    let mut furniture: Vec<(usize, Vec<String>)> = Vec::new();
    let mut current = String::new();
    // Where `current` belongs: 0 the page, k furniture kind k.
    let mut owner = 0usize;
    let flush = |current: &mut String,
                 owner: usize,
                 page: &mut Vec<String>,
                 furniture: &mut Vec<(usize, Vec<String>)>| {
        if current.is_empty() {
            return;
        }
        let folded = walk::fold(current);
        current.clear();
        if folded.is_empty() {
            return;
        }
        if owner == 0 {
            page.push(folded);
        } else {
            match furniture.iter_mut().find(|(k, _)| *k == owner) {
                Some((_, texts)) => texts.push(folded),
                None => furniture.push((owner, vec![folded])),
            }
        }
    };
    for (id, n) in t.nodes.iter().enumerate() {
        if n.kind != tree::Kind::Text || n.flags & TEXT_SILENT != 0 {
            continue;
        }
        let kind = furniture_kind(n.flags);
        if n.flags & TEXT_BREAK != 0 || kind != owner {
            flush(&mut current, owner, &mut page, &mut furniture);
            owner = kind;
        }
        current.push_str(t.text_of(id as u32));
    }
    flush(&mut current, owner, &mut page, &mut furniture);
    let furniture = furniture
        .into_iter()
        .filter(|(k, _)| (1..=FURNITURE.len()).contains(k))
        .map(|(_, texts)| crosscheck_model::Removed {
            text: texts.join("\n"),
            reason: crosscheck_model::RemovalReason::Markup,
        })
        .collect();
    (page, furniture)
}

/// Separators of a page title's parts ("Headline | Site").
const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// The headline inside a `<title>`, as Readability cuts it: "Headline |
/// Site" → "Headline" (or the part after the first separator when the
/// first part is under three words), "Section: Headline" → "Headline"
/// (unless what precedes the colon is over five words); a result of four
/// words or fewer is only kept when it is the title minus one part.
pub(crate) fn readable_title(orig: &str) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let is_sep = |c: char| TITLE_SEPARATORS.contains(&c);
    // A separator with spaces around it: " | ", " - ", " » "...
    let sep_positions: Vec<usize> = orig
        .char_indices()
        .filter(|&(i, c)| {
            is_sep(c) && orig[..i].ends_with(' ') && orig[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect();
    let mut hierarchical = false;
    let mut cur = orig.to_owned();
    if let (Some(&first), Some(&last)) = (sep_positions.first(), sep_positions.last()) {
        hierarchical = sep_positions
            .iter()
            .any(|&i| orig[i..].starts_with(['\\', '/', '>', '»']));
        cur = orig[..last].trim().to_owned();
        if words(&cur) < 3 {
            let c = orig[first..].chars().next().map_or(1, char::len_utf8);
            cur = orig[first + c..].trim().to_owned();
        }
    } else if let Some(colon) = orig.find(": ") {
        let last = orig.rfind(':').unwrap_or(colon);
        cur = orig[last + 1..].trim().to_owned();
        if words(&cur) < 3 {
            cur = orig[colon + 1..].trim().to_owned();
        } else if words(&orig[..colon]) > 5 {
            cur = orig.to_owned();
        }
    }
    let cur = walk::fold(&cur);
    let n = words(&cur);
    let without_seps: String = orig.chars().filter(|&c| !is_sep(c)).collect();
    if n <= 4 && (!hierarchical || n + 1 != words(&without_seps)) {
        return orig.to_owned();
    }
    cur
}

/// Markup whose tree the fast builder does not model closely enough: frame
/// sets, templates, `<isindex>`, `<plaintext>`, `<select>` inside
/// paragraphs and the like are rare on article pages, and the html5ever
/// path handles them by the book.
fn odd_markup(html: &str) -> bool {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let at = i + k + 1;
        i = at;
        let Some(&c) = b.get(at) else { break };
        if !matches!(c | 0x20, b'f' | b't' | b'i' | b'p') {
            continue;
        }
        let end = (at + 9).min(b.len());
        let word = b[at..end].to_ascii_lowercase();
        for bad in [&b"frameset"[..], b"template", b"isindex", b"plaintext"] {
            if word.starts_with(bad)
                && word
                    .get(bad.len())
                    .is_none_or(|&c| !c.is_ascii_alphanumeric())
            {
                return true;
            }
        }
    }
    false
}

/// An outline of the block the fast path chooses (element names, classes
/// and the start of each text), for debugging; "" when it gives up.
pub(crate) fn outline(html: &str) -> String {
    let Some(lean) = crate::lean::prepare(html, crate::MAX_NESTING) else {
        return String::new();
    };
    let t = Tree::parse(&lean);
    let title = t
        .title
        .map(|id| walk::fold(&t.subtree_text(id)))
        .unwrap_or_default();
    let Some((t, grabbed)) = grab::grab_with_retries(t, &lean, &title, false) else {
        return String::new();
    };
    let root = grabbed.root;
    let mut out = String::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((id, depth)) = stack.pop() {
        let n = ANode { tree: &t, id };
        if n.is_text() {
            let s = walk::fold(&n.text());
            if !s.is_empty() {
                let cut: String = s.chars().take(60).collect();
                out.push_str(&format!("{}\"{}\"\n", "  ".repeat(depth), cut));
            }
            continue;
        }
        out.push_str(&format!(
            "{}<{} class={:?} id={:?}>\n",
            "  ".repeat(depth),
            n.name(),
            t.attr(id, "class").unwrap_or(""),
            t.attr(id, "id").unwrap_or("")
        ));
        let kids: Vec<u32> = t.children(id).collect();
        for k in kids.into_iter().rev() {
            stack.push((k, depth + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_the_site_part() {
        assert_eq!(
            readable_title("Lighthouse keeper retires after forty years | Coastal Courier"),
            "Lighthouse keeper retires after forty years"
        );
        // Too short a first part: the part after the separator.
        assert_eq!(
            readable_title("Courier | Lighthouse keeper retires after forty years"),
            "Lighthouse keeper retires after forty years"
        );
        // A colon: the part after it.
        assert_eq!(
            readable_title("Weather: Storm closes the harbour for a week"),
            "Storm closes the harbour for a week"
        );
        // Short titles and titles without separators stay.
        assert_eq!(readable_title("Storm - Courier"), "Storm - Courier");
        assert_eq!(readable_title("A plain headline"), "A plain headline");
    }

    #[test]
    fn odd_markup_goes_to_the_other_engine() {
        assert!(odd_markup("<frameset><frame src=a></frameset>"));
        assert!(odd_markup("<p>x</p><TEMPLATE>y</TEMPLATE>"));
        assert!(!odd_markup("<p>a <i>frame</i> of <table><tr><td>x</table>"));
    }

    #[test]
    fn audit_reads_furniture_and_paragraphs() {
        let t = Tree::parse(
            "<body><nav><a>Home</a><a>News</a></nav><p>One</p><p>Two <b>bold</b></p>\
             <script>x()</script><footer><p>Legal</p><p>Terms</p></footer></body>",
        );
        let (page, furniture) = page_paragraphs(&t);
        assert_eq!(page, ["One", "Two bold"]);
        let texts: Vec<&str> = furniture.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["HomeNews", "Legal\nTerms"]);
    }
}
