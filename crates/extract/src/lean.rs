//! One linear pass over a page before it is parsed into a tree: it measures
//! the nesting depth (the guard against hostile markup) and leaves out what
//! nothing downstream reads, so the HTML tokenizer and tree builder (about
//! 40% of the cost of extraction, Readability's scoring most of the rest)
//! see fewer bytes and build fewer nodes and attributes:
//!
//! - `<script>` and `<style>` elements, about half the bytes of a typical
//!   news page; JSON-LD (`<script type="application/ld+json">`), read for
//!   metadata, is kept verbatim;
//! - comments (`<!-- … -->`);
//! - the drawing inside an `<svg>` icon or chart that holds no text (only
//!   SVG elements and whitespace): only its shapes (`path`, `g`, `use`…,
//!   long `d` attributes) go, the `svg` element itself stays;
//! - `<link>` elements that only fetch resources (`rel=stylesheet`,
//!   `preload`, …); `rel=canonical` and the rest stay;
//! - `data-*` attributes (a tenth of what is left), except on images and
//!   other media, where Readability finds lazy-loaded image sources;
//! - link targets (`<a href>`) past their first 16 bytes: readers only ask
//!   whether one starts with `#` or `javascript:`.
//!
//! Why this is safe: Readability (dom_smoothie) removes every `script`,
//! `noscript` and `style` element and every comment before it looks at the
//! page, and skips `svg` elements when it scores; our walkers skip scripts,
//! styles, drawings and comments, and no reader (ours or Readability's)
//! looks at `data-*` attributes outside media, at resource links, or past
//! the start of a link target. The pass is measured to change nothing: on
//! the 181 pages of the extraction benchmark every field, the removed-blocks
//! audit trail included, comes out the same with and without it, and so
//! does the text of every page the mutation tests make (`tests.rs`). The
//! one visible difference: a few metadata readers look at element text
//! before Readability removes scripts (the headline, a byline, a `<time>`),
//! and a script inside such an element no longer leaks its code into them.
//!
//! What is not left out, and why: whitespace, although every text we output
//! is folded, because Readability measures some text before folding it (a
//! byline candidate must be under 100 characters), so shorter indentation
//! changed its choices on two benchmark pages; `noscript` contents, where
//! Readability finds images.
//!
//! The tokenizer here follows the HTML5 tokenizer's rules where they decide
//! what is markup (tag names end at whitespace, `/` or `>`; quoted attribute
//! values hide `>`; comments end at `-->`, `--!>`, `<!-->` or `<!--->`; raw
//! text ends at `</name` followed by whitespace, `/` or `>`), so an element
//! it leaves out is one the tree builder also sees as script or style. Where
//! the two could disagree it leaves nothing out from there on
//! (foreign content such as `<svg>`, `<!--` inside a script, CDATA,
//! `<plaintext>`), and for the depth it takes the reading that counts more
//! elements, so the guard is never weaker than the tree builder needs. An
//! `<svg>` is emptied only when every tag up to its matching `</svg>` is an
//! SVG drawing element (an HTML tag such as `<p>` would break out of foreign
//! content and become page text), with no text, comment or CDATA between.

use std::borrow::Cow;

/// Elements that never have a closing tag (names lower-cased, as by
/// [`lowered`]).
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Elements whose end tag may be omitted: not counted towards nesting depth.
fn is_optional_end(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"td"
            | b"th"
            | b"tr"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// Elements whose content the tokenizer reads as text up to `</name` (in
/// HTML content; dom_query parses with scripting off, so `noscript` is
/// ordinary markup).
fn is_raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
    )
}

/// Elements whose `data-*` attributes are read downstream: Readability looks
/// for lazy-loaded image sources in any attribute of these.
fn is_media(name: &[u8]) -> bool {
    matches!(
        name,
        b"img"
            | b"picture"
            | b"figure"
            | b"source"
            | b"video"
            | b"audio"
            | b"iframe"
            | b"embed"
            | b"object"
            | b"noscript"
    )
}

/// Longest tag name [`lowered`] keeps; longer names are none of the
/// elements this pass treats specially.
const MAX_NAME: usize = 16;

/// `name` in ASCII lower case, in a buffer of [`MAX_NAME`] bytes and the
/// length used (0, which matches no element, for longer names).
fn lowered(name: &[u8]) -> ([u8; MAX_NAME], usize) {
    let mut buf = [0u8; MAX_NAME];
    if name.len() > MAX_NAME {
        return (buf, 0);
    }
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    (buf, name.len())
}

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

/// Bytes of a link target (`<a href>`) kept: readers only look at how it
/// starts (`#…` for in-page links, `javascript:`).
const HREF_KEPT: usize = 16;

/// `<link rel>` values that only fetch resources for the browser.
const RESOURCE_LINKS: &[&[u8]] = &[
    b"stylesheet",
    b"preload",
    b"prefetch",
    b"dns-prefetch",
    b"preconnect",
    b"modulepreload",
    b"manifest",
];

/// One attribute of a tag, as byte ranges: the whole attribute (name to
/// end of value), and its value without quotes.
struct Attr {
    start: usize,
    end: usize,
    name_end: usize,
    value: (usize, usize),
}

/// The attributes of a tag whose name ends at `from` and which ends at
/// `end`, read like [`tag_end`] reads them.
fn attrs(b: &[u8], from: usize, end: usize) -> Vec<Attr> {
    let mut found = Vec::new();
    let mut i = from;
    while i < end {
        let c = b[i];
        if c == b'>' || c == b'/' || is_space(c) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < end && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end = i;
        let mut value = (i, i);
        let mut j = i;
        while j < end && is_space(b[j]) {
            j += 1;
        }
        if j < end && b[j] == b'=' {
            j += 1;
            while j < end && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => match find_byte(b, j + 1, q) {
                    Some(k) if k < end => {
                        value = (j + 1, k);
                        j = k + 1;
                    }
                    _ => return found,
                },
                Some(b'>') | None => {}
                Some(_) => {
                    let v = j;
                    while j < end && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    value = (v, j);
                }
            }
            i = j;
        }
        found.push(Attr {
            start,
            end: i,
            name_end,
            value,
        });
    }
    found
}

/// What to leave out of a start tag (name ending at `from`, tag ending at
/// `end`) as byte ranges: every `data-*` attribute (only one preceded by
/// whitespace, so leaving it out never joins its neighbours or turns a `/`
/// into `/>`), and with `link`, the `href` value past its first
/// [`HREF_KEPT`] bytes.
fn attr_cuts(html: &str, from: usize, end: usize, link: bool) -> Vec<(usize, usize)> {
    let b = html.as_bytes();
    let mut found = Vec::new();
    for a in attrs(b, from, end) {
        let name = &b[a.start..a.name_end];
        let (v0, v1) = a.value;
        if name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-") && is_space(b[a.start - 1]) {
            found.push((a.start, a.end));
        } else if link && name.eq_ignore_ascii_case(b"href") && v1 - v0 > HREF_KEPT {
            let mut keep = v0 + HREF_KEPT;
            while !html.is_char_boundary(keep) {
                keep += 1;
            }
            if keep < v1 {
                found.push((keep, v1));
            }
        }
    }
    found
}

/// Whether a `<link>` tag (name ending at `from`, tag ending at `end`) only
/// fetches resources (`rel=stylesheet`, `preload`, ...): every `rel` word is
/// one of [`RESOURCE_LINKS`].
fn resource_link(b: &[u8], from: usize, end: usize) -> bool {
    attrs(b, from, end)
        .iter()
        .find(|a| b[a.start..a.name_end].eq_ignore_ascii_case(b"rel"))
        .is_some_and(|a| {
            let mut words = b[a.value.0..a.value.1]
                .split(|&c| is_space(c))
                .filter(|w| !w.is_empty())
                .peekable();
            words.peek().is_some() && words.all(|w| one_of(w, RESOURCE_LINKS))
        })
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
pub(crate) fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
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
pub(crate) fn script_end(b: &[u8], from: usize) -> usize {
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

/// SVG elements that only draw (no text of their own), lower-case. Filter
/// primitives (`fe…`) are matched by prefix.
const SVG_DRAWING: &[&[u8]] = &[
    b"svg",
    b"g",
    b"path",
    b"use",
    b"defs",
    b"symbol",
    b"circle",
    b"ellipse",
    b"line",
    b"polyline",
    b"polygon",
    b"rect",
    b"lineargradient",
    b"radialgradient",
    b"stop",
    b"clippath",
    b"mask",
    b"pattern",
    b"marker",
    b"filter",
    b"image",
];

fn is_svg_drawing(name: &[u8]) -> bool {
    one_of(name, SVG_DRAWING)
        || (name.len() > 2 && name[..2].eq_ignore_ascii_case(b"fe"))
            && name.iter().all(u8::is_ascii_alphabetic)
}

/// Where the content of an `<svg>` whose start tag ends at `from` can be
/// emptied up to: the index of its matching `</svg`, when everything in
/// between is whitespace and drawing elements ([`SVG_DRAWING`]); otherwise
/// `Err` with the index where the scan gave up (callers do not scan that
/// stretch again, which keeps the pass linear).
fn svg_drawing_end(b: &[u8], from: usize) -> Result<usize, usize> {
    let mut open = 1usize;
    let mut at = from;
    loop {
        let Some(lt) = find_byte(b, at, b'<') else {
            return Err(b.len());
        };
        if !b[at..lt].iter().all(|&c| is_space(c)) {
            return Err(lt);
        }
        let close = b.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(close);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // Comment, CDATA, `<?`, stray `<`: leave the drawing alone.
            return Err(lt);
        }
        let Some((end, name_end, self_closing)) = tag_end(b, name_start) else {
            return Err(b.len());
        };
        let name = &b[name_start..name_end];
        if !is_svg_drawing(name) {
            return Err(lt);
        }
        if name.eq_ignore_ascii_case(b"svg") {
            if close {
                open -= 1;
                if open == 0 {
                    return Ok(lt);
                }
            } else if !self_closing {
                open += 1;
            }
        }
        at = end;
    }
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
    // `<svg>` drawings are not checked again before this index.
    let mut svg_checked = 0;
    let mut i = 0;
    // Leave `html[from..to]` out of the copy.
    let cut = |out: &mut String, copied: &mut usize, from: usize, to: usize| {
        if out.is_empty() {
            out.reserve(html.len());
        }
        out.push_str(&html[*copied..from]);
        *copied = to;
    };
    while let Some(lt) = find_byte(b, i, b'<') {
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' {
            if b[lt..].starts_with(b"<!--") {
                i = comment_end(b, lt);
                if elide {
                    cut(&mut out, &mut copied, lt, i);
                }
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
        let (buf, len) = lowered(&b[name_start..name_end]);
        let name = &buf[..len];
        i = end;
        let is_foreign_root = name == b"svg" || name == b"math";
        if close {
            if is_foreign_root {
                foreign = foreign.saturating_sub(1);
            }
            // Raw-text elements are not counted (except as markup inside
            // foreign content).
            let counted = foreign > 0 || !is_raw_text(name);
            if counted && !is_void(name) && !is_optional_end(name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if foreign == 0 && name == b"plaintext" {
            // Everything after is text.
            break;
        }
        if foreign == 0 && is_raw_text(name) {
            let is_script = name == b"script";
            let raw = if is_script {
                script_end(b, end)
            } else {
                raw_end(b, end, name)
            };
            let json_ld = is_script
                && b[lt..end]
                    .windows(7)
                    .any(|w| w.eq_ignore_ascii_case(b"ld+json"));
            let is_style = name == b"style";
            i = raw;
            if elide && (is_style || (is_script && !json_ld)) {
                // The whole element, end tag included.
                i = tag_end(b, raw + 2).map_or(b.len(), |(e, _, _)| e);
                cut(&mut out, &mut copied, lt, i);
            }
            continue;
        }
        if elide && foreign == 0 && name == b"link" {
            if resource_link(b, name_end, end) {
                cut(&mut out, &mut copied, lt, end);
            }
            continue;
        }
        let link = name == b"a";
        if elide
            && foreign == 0
            && (link || memchr::memmem::find(&b[name_end..end], b"data-").is_some())
            && !is_media(name)
        {
            for (from, to) in attr_cuts(html, name_end, end, link) {
                cut(&mut out, &mut copied, from, to);
            }
        }
        if is_foreign_root && !self_closing {
            if elide && foreign == 0 && end >= svg_checked && name == b"svg" {
                match svg_drawing_end(b, end) {
                    Ok(close) => {
                        if close > end {
                            cut(&mut out, &mut copied, end, close);
                        }
                        i = close;
                    }
                    Err(gave_up) => svg_checked = gave_up,
                }
            }
            foreign += 1;
        }
        if foreign > 0 && (name == b"script" || name == b"style") {
            elide = false;
        }
        if !is_void(name) && !is_optional_end(name) {
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
    fn leaves_out_scripts_and_styles() {
        assert_eq!(
            lean("<p>a</p><script>var x = '<p>';</script><style>p{}</style><p>b"),
            "<p>a</p><p>b"
        );
        // JSON-LD is read for metadata: kept.
        let ld = r#"<script type="application/ld+json">{"a":1}</script>"#;
        assert_eq!(lean(ld), ld);
        // Upper case, attributes with `>` in quotes, end tags with spaces.
        assert_eq!(
            lean("<SCRIPT data-x='a>b'>1<2</SCRIPT id='>'><i>x</i>"),
            "<i>x</i>"
        );
        // Not an end tag: `</scripts`.
        assert_eq!(lean("<script>a</scripts>b</script>c"), "c");
        // Unchanged pages are not copied.
        assert!(matches!(prepare("<p>x</p>", 10), Some(Cow::Borrowed(_))));
        // Unterminated: left out to the end, like the tokenizer reads it.
        assert_eq!(lean("<p>x<style>abc"), "<p>x");
        assert_eq!(lean("<p>x<script></script"), "<p>x");
    }

    #[test]
    fn resource_links_are_left_out() {
        assert_eq!(
            lean(
                "<link rel=stylesheet href=a.css><link rel='dns-prefetch preconnect' href=//x><p>t"
            ),
            "<p>t"
        );
        // Read for metadata, or unknown: kept.
        for s in [
            "<link rel=canonical href=https://example.org/a>",
            "<link rel='icon stylesheet' href=a>",
            "<link href=a.css>",
            "<link rel=\"\" href=a.css>",
            "<svg><link rel=stylesheet></svg>",
        ] {
            assert_eq!(lean(s), s);
        }
    }

    #[test]
    fn ambiguous_markup_is_left_alone() {
        // Escaped script data: `<!--<script>` hides the next end tag.
        assert_eq!(
            lean("<script><!--<script>x</script>--></script><p>a</p>"),
            "<p>a</p>"
        );
        assert_eq!(lean("<script><!--<script>x</script>y</script><p>a"), "<p>a");
        assert_eq!(lean("<script><!-->a</script>b"), "b");
        assert_eq!(lean("<script>a<!--b--></script>c"), "c");
        // In foreign content script and style are markup.
        let s = "<svg><style><p>text</p></style></svg>";
        assert_eq!(lean(s), s);
        // Comments, CDATA, raw text and attribute values are not tags
        // (comments themselves are left out).
        let s = "<textarea><style></textarea><div title=\"<style>\">x</div>";
        assert_eq!(lean(&format!("<!-- <script> -->{s}")), s);
        assert_eq!(lean("<!--><style>a</style>x"), "x");
        let s = "<![CDATA[<style>a</style>]]>";
        assert_eq!(lean(s), s);
        // A tag name ends only at space, `/` or `>`.
        let s = "<script<x>a</script>";
        assert_eq!(lean(s), s);
        let s = "<plaintext><style>a</style>";
        assert_eq!(lean(s), s);
    }

    #[test]
    fn comments_and_text_free_drawings_are_left_out() {
        assert_eq!(lean("<p>a<!-- x -->b<!---->c<!--->d</p>"), "<p>abcd</p>");
        let icon = "<svg viewBox='0 0 9 9'><g><path d='M0 0h9'/></g>\n<use href='#i'></use></svg>";
        assert_eq!(
            lean(&format!("<a>{icon} Share</a>")),
            "<a><svg viewBox='0 0 9 9'></svg> Share</a>"
        );
        // Nested drawings: emptied up to the matching end tag.
        assert_eq!(
            lean("<svg><svg><rect/></svg><feBlend/></svg><p>x"),
            "<svg></svg><p>x"
        );
        // Text, HTML tags (which break out of foreign content), comments
        // and CDATA keep the drawing as it is.
        for s in [
            "<svg><title>Share</title><path/></svg>",
            "<svg><path/>text</svg>",
            "<svg><p>para</p></svg>",
            "<svg><path/><![CDATA[x]]></svg>",
            "<svg><path/><b>x</b></svg>",
            "<svg><path/>",
        ] {
            assert_eq!(lean(s), s);
        }
        assert_eq!(lean("<svg><path/><!--c--></svg>"), "<svg><path/></svg>");
        // A quoted `>` does not end a tag inside the drawing.
        assert_eq!(lean("<svg><path d='a>b'/></svg>"), "<svg></svg>");
    }

    #[test]
    fn data_attributes_and_link_targets_are_shortened() {
        // Whitespace is not touched: Readability measures some text (a
        // byline's) before folding it.
        let s = "<ul>\n    <li>a</li>\n\t<li>b c</li>  </ul> x  y";
        assert_eq!(lean(s), s);
        assert_eq!(
            lean("<div class=a data-x='1>2' data-y=3 id=b data-z>t</div>"),
            "<div class=a   id=b >t</div>"
        );
        assert_eq!(
            lean("<a href='https://example.org/a/long/path' class=x>t</a><a href=#top>u</a>"),
            "<a href='https://example.' class=x>t</a><a href=#top>u</a>"
        );
        assert_eq!(
            lean("<A HREF=javascript:void(0);/x/y/z>t</A><link href=https://example.org/a/long>"),
            "<A HREF=javascript:void(>t</A><link href=https://example.org/a/long>"
        );
        // Never inside a character.
        assert_eq!(
            lean("<a href=\"/ééééééééé\">t</a>"),
            "<a href=\"/éééééééé\">t</a>"
        );
        // Kept: media elements (lazy image sources), attributes not
        // preceded by whitespace, and foreign content.
        for s in [
            "<img data-src=a.jpg src=b.gif>",
            "<div/data-x=1>t</div>",
            "<div id=a\"b\"data-x=1>t</div>",
            "<svg><text data-x=1>t</text></svg>",
        ] {
            assert_eq!(lean(s), s);
        }
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
