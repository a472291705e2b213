//! One linear pass over a page before it is parsed into a tree: it measures
//! the nesting depth (the guard against hostile markup) and leaves out the
//! contents of `<script>` and `<style>` elements, which are about half the
//! bytes of a typical news page and which nothing downstream reads.
//!
//! Why this is safe: Readability (dom_smoothie) removes every `script`,
//! `noscript` and `style` element before it looks at the page, and our own
//! walkers skip them; the only script content read is JSON-LD metadata
//! (`<script type="application/ld+json">`), which is kept verbatim. The
//! tags themselves stay, so the tree keeps the same elements; only the text
//! inside those elements is gone, which the HTML tokenizer would otherwise
//! copy character by character into the tree.
//!
//! The one visible difference: an element's text includes the text of
//! scripts inside it, and a few metadata readers look at element text
//! before Readability removes scripts (the headline, a byline, a `<time>`).
//! A script inside such an element then no longer leaks its code into the
//! title or byline. On the 181 pages of the extraction benchmark every
//! field comes out the same (`tests.rs`).
//!
//! The tokenizer here follows the HTML5 tokenizer's rules where they decide
//! what is markup (tag names end at whitespace, `/` or `>`; quoted attribute
//! values hide `>`; comments end at `-->`, `--!>`, `<!-->` or `<!--->`; raw
//! text ends at `</name` followed by whitespace, `/` or `>`), so an element
//! it empties is one the tree builder also sees as script or style. Where
//! the two could disagree it does not empty anything from there on
//! (foreign content such as `<svg>`, `<!--` inside a script, CDATA,
//! `<plaintext>`), and for the depth it takes the reading that counts more
//! elements, so the guard is never weaker than the tree builder needs.

use std::borrow::Cow;

/// Elements that never have a closing tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements whose end tag may be omitted: not counted towards nesting depth.
const OPTIONAL_END: &[&[u8]] = &[
    b"p",
    b"li",
    b"td",
    b"th",
    b"tr",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tbody",
    b"thead",
    b"tfoot",
    b"colgroup",
    b"rb",
    b"rt",
    b"rp",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content the tokenizer reads as text up to `</name` (in
/// HTML content; dom_query parses with scripting off, so `noscript` is
/// ordinary markup).
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn one_of(name: &[u8], set: &[&[u8]]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// First `needle` byte at or after `from`.
fn find_byte(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, b.get(from..)?).map(|i| from + i)
}

/// First `needle` (ASCII) at or after `from`.
fn find_seq(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let i = find_byte(b, at, needle[0])?;
        if b[i..].starts_with(needle) {
            return Some(i);
        }
        at = i + 1;
    }
}

/// The end (index past `>`) of a tag whose name starts at `from`, the end
/// of the name, and whether the tag was self-closing (`/>`). Follows the
/// tokenizer's attribute states so a `>` inside a quoted value does not end
/// the tag. `None` at the end of the input.
fn tag_end(b: &[u8], from: usize) -> Option<(usize, usize, bool)> {
    let mut i = from;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name_end = i;
    let mut slash = false;
    while i < b.len() {
        match b[i] {
            b'>' => return Some((i + 1, name_end, slash)),
            b'/' => {
                slash = true;
                i += 1;
                continue;
            }
            c if is_space(c) => {
                i += 1;
                continue;
            }
            _ => {}
        }
        slash = false;
        // Attribute name (a leading `=` belongs to it).
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => i = find_byte(b, i + 1, q)? + 1,
                Some(b'>') | None => {}
                Some(_) => {
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
    }
    None
}

/// Whether `</name` (if `close`) or `<name` starts at `lt`, followed by
/// whitespace, `/` or `>` (or the end of the input).
fn tag_at(b: &[u8], lt: usize, name: &[u8], close: bool) -> bool {
    let start = lt + 1 + usize::from(close);
    (!close || b.get(lt + 1) == Some(&b'/'))
        && b.get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(start + name.len())
            .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the raw text of element `name` that starts at `from` ends: the
/// index of its `</name`, or the end of the input.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = find_byte(b, at, b'<') {
        if tag_at(b, i, name, true) {
            return i;
        }
        at = i + 1;
    }
    b.len()
}

/// Where the content of a `<script>` that starts at `from` ends, following
/// the tokenizer's script-data states: after `<!--` the data is "escaped",
/// and there a `<script>` makes the next `</script>` not the end; `-->`
/// returns to plain script data.
fn script_end(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut at = from;
    while let Some(i) = memchr::memchr2(b'<', b'-', b.get(at..).unwrap_or_default()).map(|i| at + i)
    {
        at = i + 1;
        if b[i] == b'-' {
            if state != State::Data && b[i..].starts_with(b"-->") {
                state = State::Data;
            }
            continue;
        }
        match state {
            State::Data if b[i..].starts_with(b"<!--") => {
                state = State::Escaped;
                // The dashes may be the start of `-->` (`<!-->`).
                at = i + 2;
            }
            State::Data | State::Escaped if tag_at(b, i, b"script", true) => return i,
            State::Escaped if tag_at(b, i, b"script", false) => state = State::DoubleEscaped,
            State::DoubleEscaped if tag_at(b, i, b"script", true) => state = State::Escaped,
            _ => {}
        }
    }
    b.len()
}

/// End of a comment whose `<!--` is at `start` (index past it).
fn comment_end(b: &[u8], start: usize) -> usize {
    let body = start + 4;
    if b[body..].starts_with(b">") {
        return body + 1;
    }
    if b[body..].starts_with(b"->") {
        return body + 2;
    }
    let mut at = body;
    while let Some(i) = find_seq(b, at, b"--") {
        match b.get(i + 2) {
            Some(b'>') => return i + 3,
            Some(b'!') if b.get(i + 3) == Some(&b'>') => return i + 4,
            _ => at = i + 1,
        }
    }
    b.len()
}

/// The page with script and style contents left out, or `None` when its
/// elements nest deeper than `max_depth` (counting only elements that must
/// be closed explicitly).
pub(crate) fn prepare(html: &str, max_depth: usize) -> Option<Cow<'_, str>> {
    let b = html.as_bytes();
    let mut out = String::new();
    // Start of the input not yet copied to `out`.
    let mut copied = 0;
    let mut depth = 0usize;
    // Open `svg`/`math` elements: script and style inside them are markup.
    let mut foreign = 0usize;
    let mut elide = true;
    let mut i = 0;
    while let Some(lt) = find_byte(b, i, b'<') {
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' {
            if b[lt..].starts_with(b"<!--") {
                i = comment_end(b, lt);
            } else {
                // Doctype, CDATA or a bogus comment: ends at the first `>`
                // (CDATA in foreign content ends later: stop emptying).
                if b[lt..].starts_with(b"<![CDATA[") {
                    elide = false;
                }
                i = find_byte(b, lt, b'>').map_or(b.len(), |j| j + 1);
            }
            continue;
        }
        if next == b'?' {
            i = find_byte(b, lt, b'>').map_or(b.len(), |j| j + 1);
            continue;
        }
        let close = next == b'/';
        let name_start = lt + 1 + usize::from(close);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `</>` is dropped, `</9` is a bogus comment, `<9` is text.
            i = if close {
                find_byte(b, lt, b'>').map_or(b.len(), |j| j + 1)
            } else {
                lt + 1
            };
            continue;
        }
        let Some((end, name_end, self_closing)) = tag_end(b, name_start) else {
            break;
        };
        let name = &b[name_start..name_end];
        i = end;
        let is_foreign_root =
            name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math");
        if close {
            if is_foreign_root {
                foreign = foreign.saturating_sub(1);
            }
            // Raw-text elements are not counted (except as markup inside
            // foreign content).
            let counted = foreign > 0 || !one_of(name, RAW_TEXT);
            if counted && !one_of(name, VOID) && !one_of(name, OPTIONAL_END) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if foreign == 0 && name.eq_ignore_ascii_case(b"plaintext") {
            // Everything after is text.
            break;
        }
        if foreign == 0 && one_of(name, RAW_TEXT) {
            let is_script = name.eq_ignore_ascii_case(b"script");
            let raw = if is_script {
                script_end(b, end)
            } else {
                raw_end(b, end, name)
            };
            let json_ld = is_script
                && b[lt..end]
                    .windows(7)
                    .any(|w| w.eq_ignore_ascii_case(b"ld+json"));
            let is_style = name.eq_ignore_ascii_case(b"style");
            if elide && (is_style || (is_script && !json_ld)) && raw > end {
                if out.is_empty() {
                    out.reserve(html.len());
                }
                out.push_str(&html[copied..end]);
                copied = raw;
            }
            i = raw;
            continue;
        }
        if is_foreign_root && !self_closing {
            foreign += 1;
        }
        if foreign > 0
            && (name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style"))
        {
            elide = false;
        }
        if !one_of(name, VOID) && !one_of(name, OPTIONAL_END) {
            depth += 1;
            if depth > max_depth {
                return None;
            }
        }
    }
    if copied == 0 {
        return Some(Cow::Borrowed(html));
    }
    out.push_str(&html[copied..]);
    Some(Cow::Owned(out))
}

/// The deepest nesting of explicitly closed elements, for tests: the depth
/// at which [`prepare`] first refuses.
#[cfg(test)]
pub(crate) fn depth(html: &str) -> usize {
    (0..).find(|&d| prepare(html, d).is_some()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lean(html: &str) -> String {
        prepare(html, 1000).unwrap().into_owned()
    }

    #[test]
    fn empties_scripts_and_styles_only() {
        assert_eq!(
            lean("<p>a</p><script>var x = '<p>';</script><style>p{}</style><p>b"),
            "<p>a</p><script></script><style></style><p>b"
        );
        // JSON-LD is read for metadata: kept.
        let ld = r#"<script type="application/ld+json">{"a":1}</script>"#;
        assert_eq!(lean(ld), ld);
        // Upper case, attributes with `>` in quotes, end tags with spaces.
        assert_eq!(
            lean("<SCRIPT data-x='a>b'>1<2</SCRIPT ><i>x</i>"),
            "<SCRIPT data-x='a>b'></SCRIPT ><i>x</i>"
        );
        // Not an end tag: `</scripts`.
        assert_eq!(lean("<script>a</scripts>b</script>c"), "<script></script>c");
        // Unchanged pages are not copied.
        assert!(matches!(prepare("<p>x</p>", 10), Some(Cow::Borrowed(_))));
        // Unterminated: emptied to the end, like the tokenizer.
        assert_eq!(lean("<p>x<style>abc"), "<p>x<style>");
    }

    #[test]
    fn ambiguous_markup_is_left_alone() {
        // Escaped script data: `<!--<script>` hides the next end tag.
        assert_eq!(
            lean("<script><!--<script>x</script>--></script><p>a</p>"),
            "<script></script><p>a</p>"
        );
        assert_eq!(
            lean("<script><!--<script>x</script>y</script><p>a"),
            "<script></script><p>a"
        );
        assert_eq!(lean("<script><!-->a</script>b"), "<script></script>b");
        assert_eq!(lean("<script>a<!--b--></script>c"), "<script></script>c");
        // In foreign content script and style are markup.
        let s = "<svg><style><p>text</p></style></svg>";
        assert_eq!(lean(s), s);
        // Comments, CDATA, raw text and attribute values are not tags.
        let s = "<!-- <script> --><textarea><style></textarea><div title=\"<style>\">x</div>";
        assert_eq!(lean(s), s);
        assert_eq!(lean("<!--><style>a</style>"), "<!--><style></style>");
        let s = "<![CDATA[<style>a</style>]]>";
        assert_eq!(lean(s), s);
        // A tag name ends only at space, `/` or `>`.
        let s = "<script<x>a</script>";
        assert_eq!(lean(s), s);
        let s = "<plaintext><style>a</style>";
        assert_eq!(lean(s), s);
    }

    #[test]
    fn depth_counts_explicitly_closed_elements() {
        assert_eq!(depth("<div><div><p>a<p>b</div></div>"), 2);
        assert_eq!(depth("<ul><li>a<li>b<li>c</ul><br><img src=x>"), 1);
        assert_eq!(depth("<script>if (a<b) { '<div>' }</script>"), 0);
        assert_eq!(depth("<a title='x > y'><b>t</b></a>"), 2);
        // noscript is markup for our parser (scripting off).
        assert_eq!(depth("<noscript><div><div>x</div></div></noscript>"), 3);
        assert!(prepare(&"<section>".repeat(1000), 400).is_none());
        // An unclosed quote or tag ends the scan, not the guard's reach.
        assert!(prepare(&format!("{}<a title='", "<b>".repeat(500)), 400).is_none());
    }
}
