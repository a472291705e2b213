//! Bytes of an HTML page → text: byte-order mark, declared charset, or a
//! Windows-1252 guess.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are searched for a `<meta charset>` declaration
/// (the HTML standard's prescan looks at 1024; pages often declare later).
const PRESCAN: usize = 4096;

/// Decode the bytes of an HTML page to text.
///
/// In order: a byte-order mark (UTF-8, UTF-16LE/BE) wins; else bytes that are
/// valid UTF-8 are UTF-8; else a charset declared in the first 4 KiB
/// (`<meta charset=...>` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">`) is used; else Windows-1252 (a superset of
/// Latin-1). Undecodable bytes become U+FFFD; this never fails.
///
/// ```
/// let latin1 = b"<p>caf\xe9</p>";
/// assert_eq!(crosscheck_extract::decode_html(latin1), "<p>café</p>");
/// ```
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    let enc = declared_charset(bytes)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        // A page that says UTF-8 but is not is most often Windows-1252.
        .filter(|e| *e != UTF_8)
        .unwrap_or(WINDOWS_1252);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset label a page declares in its first bytes, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        from = j;
        while j < lower.len() && lower[j].is_ascii_whitespace() {
            j += 1;
        }
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < lower.len() && matches!(lower[j], b' ' | b'"' | b'\'') {
            j += 1;
        }
        let start = j;
        while j < lower.len()
            && (lower[j].is_ascii_alphanumeric() || matches!(lower[j], b'-' | b'_' | b':' | b'.'))
        {
            j += 1;
        }
        if j > start {
            return Some(String::from_utf8_lossy(&lower[start..j]).into_owned());
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_declarations_and_guesses() {
        assert_eq!(decode_html(b"\xef\xbb\xbf<p>x</p>"), "<p>x</p>");
        assert_eq!(decode_html(b"\xff\xfe<\0p\0>\0"), "<p>");
        assert_eq!(decode_html("<p>é</p>".as_bytes()), "<p>é</p>");
        // Declared ISO-8859-7 (Greek).
        let greek = b"<meta charset=\"iso-8859-7\"><p>\xe1</p>";
        assert_eq!(decode_html(greek), "<meta charset=\"iso-8859-7\"><p>α</p>");
        let equiv =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>\xc0";
        assert!(decode_html(equiv).ends_with('А'));
        // Undeclared, not UTF-8: Windows-1252 (curly quotes at 0x93/0x94).
        assert_eq!(decode_html(b"\x93hi\x94"), "“hi”");
        // Declared UTF-8 but not: Windows-1252.
        assert_eq!(
            decode_html(b"<meta charset=utf-8>\xe9"),
            "<meta charset=utf-8>é"
        );
        assert_eq!(
            declared_charset(b"<meta charset = 'Shift_JIS'>").as_deref(),
            Some("shift_jis")
        );
        assert_eq!(declared_charset(b"<p>no charset here</p>"), None);
    }
}
