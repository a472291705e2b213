//! What the two SGML newswire scanners ([`crate::reuters`], [`crate::trec`])
//! share: reading an element's raw content, the shape of a refused record,
//! and cutting a prefix of text without splitting a character.

/// A record that could not become an article: its label (its number, or
/// `record K` when it has none) and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refused {
    pub label: String,
    pub reason: String,
}

/// The raw content of the first `<NAME>…</NAME>` element in `rec` (an
/// unclosed one runs to the end of the record).
pub(crate) fn element<'a>(rec: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = rec.find(&open)? + open.len();
    let len = rec[start..].find(&close).unwrap_or(rec.len() - start);
    Some(&rec[start..start + len])
}

/// The longest prefix of `s` of at most `max` bytes that ends on a
/// character boundary (the text may be any UTF-8).
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
