//! Byte-level checks and text decoding for single-article files.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes the binary-content check looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// The two bytes every gzip stream starts with.
pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether `bytes` starts like a gzip stream.
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Whether the first 64 KiB look like binary data rather than text: any NUL
/// byte, or more than 10% control characters other than tab, CR, LF and FF.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    controls * 10 > head.len()
}

/// Decode the bytes of a text file (plain text, HTML or SGML) to a `String`.
///
/// * a UTF-8 byte-order mark is stripped;
/// * UTF-16 (LE or BE) with a byte-order mark is decoded;
/// * valid UTF-8 is taken as is;
/// * bytes with no valid multi-byte UTF-8 sequence at all are legacy 8-bit
///   text: decoded as Windows-1252 (a superset of Latin-1) unless chardetng
///   is confident of another single-byte encoding, or `declared` (an HTML
///   `charset` label) names one;
/// * valid multi-byte UTF-8 mixed with invalid bytes is refused.
///
/// Errors are human-readable reasons for a [`crosscheck_model::Skipped`].
pub(crate) fn decode_text(bytes: &[u8], declared: Option<&str>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if is_gzip(bytes) {
        return Err("gzip-compressed; decompress first (or name the file .gz)".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, UTF_16LE);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, UTF_16BE);
    }
    let (bytes, had_bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if looks_binary(bytes) {
        return Err("binary content, not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            if had_bom || has_multibyte_utf8(bytes) {
                return Err(format!(
                    "invalid UTF-8 at byte {} (mixed encodings)",
                    e.valid_up_to() + if had_bom { 3 } else { 0 }
                ));
            }
            Ok(decode_legacy(bytes, declared))
        }
    }
}

fn decode_utf16(rest: &[u8], enc: &'static Encoding) -> Result<String, String> {
    let (text, had_errors) = enc.decode_without_bom_handling(rest);
    if had_errors {
        return Err(format!("invalid {} text", enc.name()));
    }
    if text.contains('\0') {
        return Err("binary content, not text".into());
    }
    Ok(text.into_owned())
}

/// Whether `bytes` contains at least one well-formed multi-byte UTF-8 sequence.
fn has_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let width = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some(seq) = bytes.get(i..i + width) {
            if std::str::from_utf8(seq).is_ok() {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Decode 8-bit legacy text. Windows-1252 unless a declared label or
/// chardetng's guess names another single-byte encoding.
fn decode_legacy(bytes: &[u8], declared: Option<&str>) -> String {
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|e| is_single_byte(e));
    let enc = declared.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new();
        // A sample is plenty to tell scripts apart, and keeps big files fast.
        let sample = &bytes[..bytes.len().min(256 * 1024)];
        det.feed(sample, true);
        let guess = det.guess(None, true);
        // chardetng tells Latin scripts apart poorly on short texts; trust it
        // only for non-Latin single-byte scripts (Cyrillic, Greek, ...).
        if is_single_byte(guess) && !is_latin(guess) {
            guess
        } else {
            WINDOWS_1252
        }
    });
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

fn is_single_byte(enc: &'static Encoding) -> bool {
    enc.is_single_byte()
}

fn is_latin(enc: &'static Encoding) -> bool {
    matches!(
        enc.name(),
        "windows-1250"
            | "windows-1252"
            | "windows-1254"
            | "windows-1257"
            | "windows-1258"
            | "ISO-8859-2"
            | "ISO-8859-3"
            | "ISO-8859-4"
            | "ISO-8859-10"
            | "ISO-8859-13"
            | "ISO-8859-14"
            | "ISO-8859-15"
            | "ISO-8859-16"
            | "macintosh"
    )
}

/// The `charset` an HTML document declares in its first 1024 bytes, if any.
pub(crate) fn html_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = find(&lower, b"charset=")?;
    let rest = &head[pos + b"charset=".len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?;
    (!label.is_empty()).then(|| label.to_owned())
}

/// Position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Convert CRLF and lone CR line endings to LF.
pub(crate) fn normalise_newlines(s: String) -> String {
    if !s.contains('\r') {
        return s;
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode_text("naïve ✓".as_bytes(), None).unwrap(), "naïve ✓");
    }

    #[test]
    fn bom_is_stripped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Hello".as_bytes());
        assert_eq!(decode_text(&b, None).unwrap(), "Hello");
    }

    #[test]
    fn utf16_both_orders() {
        let s = "Grève à Lyon";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_text(&le, None).unwrap(), s);
        assert_eq!(decode_text(&be, None).unwrap(), s);
    }

    #[test]
    fn latin1_is_windows_1252() {
        let b = b"Le caf\xe9 de la gare a rouvert. M\xfcller \xe9tait l\xe0.";
        assert_eq!(
            decode_text(b, None).unwrap(),
            "Le café de la gare a rouvert. Müller était là."
        );
        assert_eq!(decode_text(b"caf\xe9", None).unwrap(), "café");
    }

    #[test]
    fn cyrillic_single_byte_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Городской совет утвердил новый бюджет на следующий год.");
        assert_eq!(
            decode_text(&bytes, None).unwrap(),
            "Городской совет утвердил новый бюджет на следующий год."
        );
    }

    #[test]
    fn mixed_encodings_are_refused() {
        let mut b = "café ".as_bytes().to_vec();
        b.extend_from_slice(b"caf\xe9");
        let err = decode_text(&b, None).unwrap_err();
        assert_eq!(err, "invalid UTF-8 at byte 9 (mixed encodings)");
    }

    #[test]
    fn binary_and_gzip() {
        assert_eq!(
            decode_text(b"ab\0cd", None).unwrap_err(),
            "binary content, not text"
        );
        let ctl: Vec<u8> = (0..100)
            .map(|i| if i % 5 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(
            decode_text(&ctl, None).unwrap_err(),
            "binary content, not text"
        );
        assert!(decode_text(&[0x1f, 0x8b, 8, 0], None)
            .unwrap_err()
            .starts_with("gzip-compressed"));
        assert!(!looks_binary(b"a\tb\r\nc\x0cd"));
    }

    #[test]
    fn declared_charset_is_found() {
        let html = b"<html><head><meta charset=\"iso-8859-7\"></head>";
        assert_eq!(html_declared_charset(html).as_deref(), Some("iso-8859-7"));
        let html = b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>";
        assert_eq!(html_declared_charset(html).as_deref(), Some("windows-1251"));
        assert_eq!(html_declared_charset(b"<p>none</p>"), None);
    }

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
    }
}
