//! WARC web archives: each HTML response record becomes an article.

use crate::decode;
use crosscheck_model::{Body, RawArticle, Skipped};
use std::io::{self, BufRead, Read};

/// What one WARC file produced.
pub(crate) struct WarcItems {
    pub articles: Vec<RawArticle>,
    pub skipped: Vec<Skipped>,
    /// Records seen (of any type).
    pub records: usize,
}

// The record reader is our own (it replaced the `warc` 0.4 crate, which
// panics on a header value that is not UTF-8 and needs a `catch_unwind` that
// fuzzing, rightly, still reports). WARC framing is simple (ISO 28500): a
// `WARC/x.y` line, `Name: value` header lines, a blank line, exactly
// `Content-Length` bytes of block, then CRLF CRLF. Header lines are bounded
// so that a file without line breaks cannot make us buffer it whole.

/// Longest header line accepted (bytes, with its line break).
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// Most header lines accepted in one record.
const MAX_HEADER_LINES: usize = 1024;

/// The header block of one record: (lower-cased name, raw value) pairs.
struct Head(Vec<(String, Vec<u8>)>);

impl Head {
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_slice())
    }
}

/// Why a record header could not be read.
enum HeadError {
    /// The data ended inside the header.
    Truncated,
    /// Anything else (not a WARC line, overlong lines, read errors).
    Malformed(String),
}

/// One line (at most [`MAX_HEADER_LINE`] bytes) into `buf`; its length, 0 at
/// the end of the data.
fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> Result<usize, HeadError> {
    buf.clear();
    let n = r
        .take(MAX_HEADER_LINE)
        .read_until(b'\n', buf)
        .map_err(|e| HeadError::Malformed(format!("unreadable data: {e}")))?;
    if n as u64 == MAX_HEADER_LINE && buf.last() != Some(&b'\n') {
        return Err(HeadError::Malformed(format!(
            "header line longer than {MAX_HEADER_LINE} bytes"
        )));
    }
    Ok(n)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The next record's header, `None` at a clean end of the data. Blank lines
/// before the version line (record separators) are passed over.
fn read_head<R: BufRead>(r: &mut R) -> Result<Option<Head>, HeadError> {
    let mut line = Vec::new();
    loop {
        if read_line(r, &mut line)? == 0 {
            return Ok(None);
        }
        if !trim_eol(&line).iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    let complete = line.ends_with(b"\n");
    if !complete && (line.starts_with(b"WARC/") || b"WARC/".starts_with(&line)) {
        return Err(HeadError::Truncated);
    }
    if !line.starts_with(b"WARC/") {
        let shown: String = String::from_utf8_lossy(trim_eol(&line))
            .chars()
            .take(40)
            .collect();
        return Err(HeadError::Malformed(format!(
            "expected a WARC/ version line, found {shown:?}"
        )));
    }
    let mut fields: Vec<(String, Vec<u8>)> = Vec::new();
    loop {
        // The data ends before the blank line that ends the header (or
        // inside a line): truncated.
        if read_line(r, &mut line)? == 0 || !line.ends_with(b"\n") {
            return Err(HeadError::Truncated);
        }
        let l = trim_eol(&line);
        if l.is_empty() {
            return Ok(Some(Head(fields)));
        }
        if fields.len() >= MAX_HEADER_LINES {
            return Err(HeadError::Malformed(format!(
                "more than {MAX_HEADER_LINES} header lines"
            )));
        }
        if matches!(l[0], b' ' | b'\t') {
            // A continuation of the previous field's value.
            match fields.last_mut() {
                Some((_, v)) => {
                    v.push(b' ');
                    v.extend_from_slice(l.trim_ascii());
                    continue;
                }
                None => {
                    return Err(HeadError::Malformed(
                        "header starts with a continuation line".into(),
                    ))
                }
            }
        }
        let Some(colon) = l.iter().position(|&b| b == b':') else {
            let shown: String = String::from_utf8_lossy(l).chars().take(40).collect();
            return Err(HeadError::Malformed(format!(
                "header line without a colon: {shown:?}"
            )));
        };
        let name = String::from_utf8_lossy(l[..colon].trim_ascii()).to_ascii_lowercase();
        fields.push((name, l[colon + 1..].trim_ascii().to_vec()));
    }
}

/// Read and drop up to `len` bytes; how many there were.
fn drain<R: Read>(r: R, len: u64) -> io::Result<u64> {
    io::copy(&mut r.take(len), &mut io::sink())
}

/// After a record's block: pass over its CRLF CRLF end marker (or as much of
/// it as there is); `false` if the data ends before the marker is complete.
fn end_marker<R: BufRead>(r: &mut R) -> io::Result<bool> {
    let mut seen = 0;
    while seen < 4 {
        let buf = r.fill_buf()?;
        match buf.first() {
            None => return Ok(false),
            Some(b'\r' | b'\n') => {
                r.consume(1);
                seen += 1;
            }
            // Something else: a lenient writer's shorter separator; the next
            // header read decides whether it is a record.
            Some(_) => return Ok(true),
        }
    }
    Ok(true)
}

/// Read WARC records from `reader`: `response` records whose HTTP payload is
/// HTML become articles (id: the target URI without its scheme; url: the
/// target URI); other record types are passed over silently; a response
/// that is not HTML, too large (`limit` bytes), undecodable or empty is
/// skipped with the reason. A malformed or truncated record ends the file
/// with an error entry (records after it cannot be found reliably).
pub(crate) fn read<R: BufRead>(mut reader: R, display: &str, limit: u64) -> WarcItems {
    let mut out = WarcItems {
        articles: Vec::new(),
        skipped: Vec::new(),
        records: 0,
    };
    loop {
        let n = out.records + 1;
        let origin = format!("{display}#record{n}");
        let head = match read_head(&mut reader) {
            Ok(None) => break,
            Ok(Some(h)) => h,
            Err(HeadError::Truncated) => {
                out.skipped.push(Skipped::new(
                    origin,
                    "truncated WARC data at the end (a record header without its end)",
                ));
                break;
            }
            Err(HeadError::Malformed(e)) => {
                out.records = n;
                out.skipped.push(Skipped::new(
                    origin,
                    format!("malformed WARC record {n}: {e}; rest of file not read"),
                ));
                break;
            }
        };
        out.records = n;
        let len = head
            .get("content-length")
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(|v| v.parse::<u64>().ok());
        let Some(len) = len else {
            out.skipped.push(Skipped::new(
                origin,
                format!("malformed WARC record {n}: missing or invalid Content-Length; rest of file not read"),
            ));
            break;
        };
        let is_response = head
            .get("warc-type")
            .is_some_and(|t| t.eq_ignore_ascii_case(b"response"));
        // The target URI of a response, else why the record is dropped
        // (`None`: silently, it is not a response).
        let target = if !is_response {
            Err(None)
        } else {
            match head.get("warc-target-uri").map(std::str::from_utf8) {
                None => Err(Some("response record without WARC-Target-URI")),
                Some(Err(_)) => Err(Some("WARC-Target-URI is not UTF-8")),
                Some(Ok(u)) => Ok(u.trim().to_owned()),
            }
        };
        let (uri, origin) = match target {
            Ok(uri) => {
                let origin = format!("{display}#{uri}");
                (uri, origin)
            }
            Err(why) => {
                if !skip_block(&mut reader, len, &origin, &mut out) {
                    break;
                }
                if let Some(why) = why {
                    out.skipped.push(Skipped::new(origin.clone(), why));
                }
                if !finish(&mut reader, &origin, &mut out) {
                    break;
                }
                continue;
            }
        };
        if len > limit {
            if !skip_block(&mut reader, len, &origin, &mut out) {
                break;
            }
            out.skipped.push(Skipped::new(
                origin.clone(),
                format!("record too large: {len} bytes (limit {limit}); raise --max-file-size"),
            ));
            if !finish(&mut reader, &origin, &mut out) {
                break;
            }
            continue;
        }
        // `len <= limit`, and the reservation is capped: the data may be
        // shorter than it claims.
        let mut payload = Vec::with_capacity(len.min(1 << 20) as usize);
        if let Err(e) = (&mut reader).take(len).read_to_end(&mut payload) {
            out.skipped.push(Skipped::new(
                origin,
                format!("truncated WARC record: {e}; rest of file not read"),
            ));
            break;
        }
        if (payload.len() as u64) < len {
            out.skipped.push(Skipped::new(
                origin,
                format!(
                    "truncated WARC record: {} of {len} bytes; rest of file not read",
                    payload.len()
                ),
            ));
            break;
        }
        match http_html(&payload, limit) {
            Ok(html) => out.articles.push(RawArticle {
                id: id_of(&uri),
                origin: origin.clone(),
                source: None,
                title: None,
                url: Some(uri),
                published: None,
                body: Body::Html(html),
            }),
            Err(reason) => out.skipped.push(Skipped::new(origin.clone(), reason)),
        }
        if !finish(&mut reader, &origin, &mut out) {
            break;
        }
    }
    out
}

/// Pass over the end marker after a record's block; `false` (with the
/// reason recorded) if the data ended before it or could not be read.
/// Read past a record's `len`-byte block without keeping it; `false` (with
/// the reason recorded) if the data ends first.
fn skip_block<R: BufRead>(reader: &mut R, len: u64, origin: &str, out: &mut WarcItems) -> bool {
    let why = match drain(&mut *reader, len) {
        Ok(got) if got == len => return true,
        Ok(got) => format!("truncated WARC record: {got} of {len} bytes"),
        Err(e) => format!("truncated WARC record: {e}"),
    };
    out.skipped.push(Skipped::new(origin, why));
    false
}

fn finish<R: BufRead>(reader: &mut R, origin: &str, out: &mut WarcItems) -> bool {
    match end_marker(reader) {
        Ok(true) => true,
        Ok(false) => {
            out.skipped.push(Skipped::new(
                origin,
                "truncated WARC record: the data ends before the record's CRLF CRLF end marker",
            ));
            false
        }
        Err(e) => {
            out.skipped.push(Skipped::new(
                origin,
                format!("unreadable WARC data after the record: {e}"),
            ));
            false
        }
    }
}

/// An article id from a URI: without scheme and `www.`, query and fragment
/// kept out, trailing `/` removed.
fn id_of(uri: &str) -> String {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['#']).next().unwrap_or(rest);
    let id = rest.trim_end_matches('/');
    if id.is_empty() {
        uri.to_owned()
    } else {
        id.to_owned()
    }
}

/// The HTML document in an HTTP response (status line, headers, body).
fn http_html(payload: &[u8], limit: u64) -> Result<String, String> {
    let split = find(payload, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(payload, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("response record without HTTP headers")?;
    let head = String::from_utf8_lossy(&payload[..split.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", truncate(status, 40)));
    }
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if !code.starts_with('2') {
        return Err(format!("HTTP status {code}, not a page"));
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = v,
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" => encoding = v,
            _ => {}
        }
    }
    let mut body = payload[split.1..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("broken chunked transfer encoding")?;
    }
    match encoding.as_str() {
        "" | "identity" => {}
        "gzip" | "x-gzip" => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(limit.saturating_add(1))
                .read_to_end(&mut out)
                .map_err(|e| format!("invalid gzip body: {e}"))?;
            if out.len() as u64 > limit {
                return Err(format!(
                    "record too large after decompression (limit {limit})"
                ));
            }
            body = out;
        }
        "deflate" => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(limit.saturating_add(1))
                .read_to_end(&mut out)
                .map_err(|e| format!("invalid deflate body: {e}"))?;
            if out.len() as u64 > limit {
                return Err(format!(
                    "record too large after decompression (limit {limit})"
                ));
            }
            body = out;
        }
        other => return Err(format!("unsupported Content-Encoding {other}")),
    }
    let is_html = content_type.contains("html")
        || (content_type.is_empty() && {
            let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        });
    if !is_html {
        let shown = if content_type.is_empty() {
            "unknown"
        } else {
            &content_type
        };
        return Err(format!("not HTML (Content-Type {shown})"));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("empty HTML body".into());
    }
    let declared = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_owned())
        .or_else(|| decode::html_declared_charset(&body));
    let text = decode::decode_text(&body, declared.as_deref())?;
    Ok(decode::normalise_newlines(text))
}

/// Undo HTTP chunked transfer encoding; `None` if malformed.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = find(b, b"\r\n")?;
        let size_str = std::str::from_utf8(&b[..eol]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_chunks() {
        assert_eq!(
            id_of("https://www.example.org/news/a/"),
            "example.org/news/a"
        );
        assert_eq!(id_of("http://x.test/p?q=1#top"), "x.test/p?q=1");
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"10\r\nshort"), None);
    }

    fn rec(headers: &[u8], block: &[u8]) -> Vec<u8> {
        let mut r = b"WARC/1.0\r\n".to_vec();
        r.extend_from_slice(headers);
        r.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    const PAGE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello</p>";

    fn run(data: &[u8]) -> WarcItems {
        read(data, "t.warc", 1 << 20)
    }

    /// Found by the `warc` fuzz target: a header value that is not UTF-8
    /// made the former `warc` crate panic (caught, but still a panic). Now
    /// header values are bytes: such a record is skipped or read, and the
    /// records after it are read.
    #[test]
    fn non_utf8_header_values_do_not_panic() {
        let mut w = rec(
            b"WARC-Type: response\r\nWARC-Target-URI: https:\xa3//example.test/d\r\n",
            PAGE,
        );
        w.extend(rec(
            b"WARC-Type: resp\xffonse\r\nWARC-Target-URI: https://example.test/e\r\n",
            PAGE,
        ));
        w.extend(rec(
            b"WARC-Type: response\r\nX-\xfe\xff: \x80\r\nWARC-Date: \xc3\r\nWARC-Target-URI: https://example.test/f\r\n",
            PAGE,
        ));
        let out = run(&w);
        assert_eq!(out.records, 3);
        assert_eq!(out.articles.len(), 1);
        assert_eq!(out.articles[0].id, "example.test/f");
        assert_eq!(out.skipped.len(), 1, "{:?}", out.skipped);
        assert!(out.skipped[0].reason.contains("not UTF-8"));
    }

    #[test]
    fn header_framing() {
        // Folded (continued) header lines, lower-case names, blank lines
        // between records, LF-only line ends.
        let mut w = b"\r\n\nWARC/1.1\nwarc-type: response\nWARC-Target-URI: https://example.test/\n a\ncontent-length: ".to_vec();
        w.extend_from_slice(format!("{}\n\n", PAGE.len()).as_bytes());
        w.extend_from_slice(PAGE);
        w.extend_from_slice(b"\r\n\r\n");
        let out = run(&w);
        assert_eq!(out.articles.len(), 1, "{:?}", out.skipped);
        assert_eq!(
            out.articles[0].url.as_deref(),
            Some("https://example.test/ a")
        );
        assert!(out.skipped.is_empty());
    }

    #[test]
    fn bad_framing_is_reported_not_buffered() {
        // A "header line" with no line break at all: refused after the
        // line limit, not read whole.
        let long = [b"WARC/1.0\r\nX: ".to_vec(), vec![b'a'; 200_000]].concat();
        let out = run(&long);
        assert!(
            out.skipped[0].reason.contains("longer than"),
            "{:?}",
            out.skipped
        );
        // Too many header lines.
        let many = [b"WARC/1.0\r\n".to_vec(), b"X: y\r\n".repeat(5000)].concat();
        assert!(run(&many).skipped[0].reason.contains("header lines"));
        // Cut inside a header line, or before the end marker.
        let w = rec(
            b"WARC-Type: response\r\nWARC-Target-URI: https://example.test/g\r\n",
            PAGE,
        );
        let out = run(&w[..20]);
        assert!(
            out.skipped[0].reason.contains("truncated"),
            "{:?}",
            out.skipped
        );
        let out = run(&w[..w.len() - 4]);
        assert_eq!(out.articles.len(), 1);
        assert!(
            out.skipped[0].reason.contains("end marker"),
            "{:?}",
            out.skipped
        );
        // Missing or absurd Content-Length; not a WARC file.
        let out = run(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nabc");
        assert!(out.skipped[0].reason.contains("Content-Length"));
        let out = run(b"WARC/1.0\r\nContent-Length: -1\r\n\r\n");
        assert!(out.skipped[0].reason.contains("Content-Length"));
        let out = run(b"GET / HTTP/1.1\r\n\r\n");
        assert!(out.skipped[0].reason.contains("version line"));
        // A Content-Length larger than the data: truncated, no huge buffer.
        let out = run(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: x\r\nContent-Length: 99999\r\n\r\nabc");
        assert!(out.skipped[0].reason.contains("truncated"));
    }

    #[test]
    fn deflate_bomb_is_limited() {
        use flate2::{write::ZlibEncoder, Compression};
        use std::io::Write;
        let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
        z.write_all(&vec![b' '; 100_000]).unwrap();
        let mut payload =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n"
                .to_vec();
        payload.extend(z.finish().unwrap());
        assert!(http_html(&payload, 1000).unwrap_err().contains("too large"));
    }
}
