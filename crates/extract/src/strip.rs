//! A linear, allocation-light tag stripper for documents too deeply nested
//! for tree-based extraction (the depth check that picks it is in `lean`).

use crate::walk::fold;
use crate::Extracted;
use crosscheck_model::{RemovalReason, Removed};

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "noscript", "template", "xmp", "iframe",
];

/// Elements whose content is dropped.
const FURNITURE: &[&str] = &[
    "nav", "footer", "header", "aside", "form", "svg", "select", "button",
];

/// Furniture whose text is reported in `removed`.
const RECORDED: &[&str] = &["nav", "footer", "header", "aside", "form"];

/// Elements that separate paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "address",
    "br",
    "hr",
    "body",
    "details",
    "summary",
    "center",
];

/// One piece of markup.
enum Tok<'a> {
    Text(&'a str),
    Open(&'a str),
    Close(&'a str),
    /// Content of a raw-text element (the element's name, its text).
    Raw(&'a str, &'a str),
}

struct Scanner<'a> {
    src: &'a str,
    /// `src` with ASCII letters lower-cased (same byte offsets).
    lower: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, lower: &'a str) -> Self {
        debug_assert_eq!(src.len(), lower.len());
        Scanner { src, lower, pos: 0 }
    }

    fn find_from(&self, from: usize, needle: &[u8]) -> Option<usize> {
        memchr::memmem::find(self.lower.as_bytes().get(from..)?, needle).map(|i| from + i)
    }

    /// Index just past the `>` closing the tag whose name ends at `from`,
    /// skipping quoted attribute values.
    fn tag_end(&self, from: usize) -> usize {
        let b = self.lower.as_bytes();
        let mut i = from;
        while i < b.len() {
            match b[i] {
                b'>' => return i + 1,
                q @ (b'"' | b'\'') => {
                    if let Some(j) = memchr::memchr(q, &b[i + 1..]) {
                        // Only trust the quote if no `<` hides inside it.
                        if !b[i + 1..i + 1 + j].contains(&b'<') {
                            i += j + 2;
                            continue;
                        }
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        b.len()
    }

    fn name_at(&self, from: usize) -> (&'a str, usize) {
        let b = self.lower.as_bytes();
        let mut end = from;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-' || b[end] == b':')
        {
            end += 1;
        }
        // ASCII only, so both ends are character boundaries.
        (&self.lower[from..end], end)
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        let b = self.lower.as_bytes();
        let len = b.len();
        while self.pos < len {
            let start = self.pos;
            if b[start] != b'<' {
                let end = memchr::memchr(b'<', &b[start..]).map_or(len, |i| start + i);
                self.pos = end;
                return Some(Tok::Text(&self.src[start..end]));
            }
            let next = b.get(start + 1).copied().unwrap_or(0);
            if b[start..].starts_with(b"<!--") {
                self.pos = self.find_from(start + 4, b"-->").map_or(len, |i| i + 3);
                continue;
            }
            if next == b'!' || next == b'?' {
                self.pos = self.find_from(start, b">").map_or(len, |i| i + 1);
                continue;
            }
            if next == b'/' && b.get(start + 2).is_some_and(u8::is_ascii_alphabetic) {
                let (name, end) = self.name_at(start + 2);
                self.pos = self.tag_end(end);
                return Some(Tok::Close(name));
            }
            if next.is_ascii_alphabetic() {
                let (name, end) = self.name_at(start + 1);
                self.pos = self.tag_end(end);
                if RAW_TEXT.contains(&name) && !self.lower[..self.pos].ends_with("/>") {
                    let close = format!("</{name}");
                    let content_start = self.pos;
                    let content_end = self
                        .find_from(content_start, close.as_bytes())
                        .unwrap_or(len);
                    self.pos = if content_end < len {
                        self.tag_end(content_end + close.len())
                    } else {
                        len
                    };
                    return Some(Tok::Raw(name, &self.src[content_start..content_end]));
                }
                return Some(Tok::Open(name));
            }
            // A lone `<` is text.
            self.pos = start + 1;
            return Some(Tok::Text(&self.src[start..start + 1]));
        }
        None
    }
}

/// Extract paragraphs by stripping tags: blocks separate paragraphs,
/// raw-text elements are dropped, and furniture (`nav`, `footer`, ...) is
/// dropped with its text recorded once per element name.
pub(crate) fn extract(html: &str) -> Extracted {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut title = None;
    // Open furniture elements, outermost first; their text is kept apart.
    let mut furniture: Vec<&str> = Vec::new();
    let mut furniture_text = String::new();
    let mut furniture_paragraphs = Vec::new();
    let mut dropped: Vec<(&str, Vec<String>)> = Vec::new();
    let lower = html.to_ascii_lowercase();
    for tok in Scanner::new(html, &lower) {
        let inside = !furniture.is_empty();
        match tok {
            Tok::Text(t) if inside => furniture_text.push_str(t),
            Tok::Text(t) => current.push_str(t),
            Tok::Raw(name, content) => {
                if name == "title" && title.is_none() {
                    let t = fold(&decode_entities(content));
                    if !t.is_empty() {
                        title = Some(t);
                    }
                }
            }
            Tok::Open(name) if FURNITURE.contains(&name) => {
                if !inside {
                    flush(&mut current, &mut paragraphs);
                }
                furniture.push(name);
            }
            Tok::Close(name) if inside && furniture.contains(&name) => {
                let outermost = furniture[0];
                let at = furniture.iter().rposition(|n| *n == name).unwrap_or(0);
                furniture.truncate(at);
                if furniture.is_empty() {
                    flush(&mut furniture_text, &mut furniture_paragraphs);
                    let texts = std::mem::take(&mut furniture_paragraphs);
                    if RECORDED.contains(&outermost) && !texts.is_empty() {
                        match dropped.iter_mut().find(|(n, _)| *n == outermost) {
                            Some((_, all)) => all.extend(texts),
                            None => dropped.push((outermost, texts)),
                        }
                    }
                }
            }
            Tok::Open(name) | Tok::Close(name) => {
                if BLOCKS.contains(&name) {
                    if inside {
                        flush(&mut furniture_text, &mut furniture_paragraphs);
                    } else {
                        flush(&mut current, &mut paragraphs);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    Extracted {
        text: paragraphs.join("\n\n"),
        title,
        removed: dropped
            .into_iter()
            .map(|(_, texts)| Removed {
                text: texts.join("\n"),
                reason: RemovalReason::Markup,
            })
            .collect(),
        ..Extracted::default()
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if current.is_empty() {
        return;
    }
    let folded = fold(&decode_entities(current));
    current.clear();
    if !folded.is_empty() {
        out.push(folded);
    }
}

/// Decode numeric character references and the common named entities.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // `;` is ASCII, so a byte search never splits a character.
        let semi = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';');
        match semi.and_then(|semi| entity(&rest[1..semi]).map(|c| (c, semi))) {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "euro" => '€',
        "pound" => '£',
        "deg" => '°',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        _ => return None,
    })
}
