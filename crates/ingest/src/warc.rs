//! WARC web archives: each HTML response record becomes an article.

use crate::decode;
use crosscheck_model::{Body, RawArticle, Skipped};
use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::rc::Rc;
use warc::{RecordType, WarcHeader, WarcReader};

/// What one WARC file produced.
pub(crate) struct WarcItems {
    pub articles: Vec<RawArticle>,
    pub skipped: Vec<Skipped>,
    /// Records seen (of any type).
    pub records: usize,
}

/// Read WARC records from `reader`: `response` records whose HTTP payload is
/// HTML become articles (id: the target URI without its scheme; url: the
/// target URI); other record types are passed over silently; a response
/// that is not HTML, too large (`limit` bytes), undecodable or empty is
/// skipped with the reason. A malformed record ends the file with an error
/// entry (records after it cannot be found reliably).
pub(crate) fn read<R: BufRead>(reader: R, display: &str, limit: u64) -> WarcItems {
    let mut out = WarcItems {
        articles: Vec::new(),
        skipped: Vec::new(),
        records: 0,
    };
    let consumed = Rc::new(Cell::new(0u64));
    let mut warc = WarcReader::new(Counting {
        inner: reader,
        consumed: Rc::clone(&consumed),
    });
    let mut iter = warc.stream_records();
    loop {
        let before = consumed.get();
        let Some(next) = iter.next_item() else {
            // Every record's body is drained below, so a clean end reads at
            // most the 4-byte CRLF CRLF trailer of the last record.
            let extra = consumed.get() - before;
            if extra > 4 {
                out.skipped.push(Skipped::new(
                    format!("{display}#record{}", out.records + 1),
                    format!("truncated or malformed WARC data at the end ({extra} bytes without a complete record header)"),
                ));
            }
            break;
        };
        out.records += 1;
        let n = out.records;
        let origin = format!("{display}#record{n}");
        let mut record = match next {
            Ok(r) => r,
            Err(e) => {
                out.skipped.push(Skipped::new(
                    origin,
                    format!("malformed WARC record {n}: {e}; rest of file not read"),
                ));
                break;
            }
        };
        if *record.warc_type() != RecordType::Response {
            if let Err(e) = io::copy(&mut record, &mut io::sink()) {
                out.skipped
                    .push(Skipped::new(origin, format!("truncated WARC record: {e}")));
                break;
            }
            continue;
        }
        // warc 0.4 panics on a header value that is not UTF-8: contain it to
        // this record.
        let uri = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            record
                .header(WarcHeader::TargetURI)
                .map(|u| u.trim().to_owned())
        }));
        let uri = match uri {
            Ok(Some(uri)) => uri,
            other => {
                let why = if other.is_err() {
                    "WARC-Target-URI is not UTF-8"
                } else {
                    "response record without WARC-Target-URI"
                };
                if let Err(e) = io::copy(&mut record, &mut io::sink()) {
                    out.skipped
                        .push(Skipped::new(origin, format!("truncated WARC record: {e}")));
                    break;
                }
                out.skipped.push(Skipped::new(origin, why));
                continue;
            }
        };
        let origin = format!("{display}#{uri}");
        let len = record.content_length();
        if len > limit {
            if let Err(e) = io::copy(&mut record, &mut io::sink()) {
                out.skipped
                    .push(Skipped::new(origin, format!("truncated WARC record: {e}")));
                break;
            }
            out.skipped.push(Skipped::new(
                origin,
                format!("record too large: {len} bytes (limit {limit}); raise --max-file-size"),
            ));
            continue;
        }
        let mut payload = Vec::with_capacity(len.min(1 << 20) as usize);
        if let Err(e) = record.read_to_end(&mut payload) {
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
                origin,
                source: None,
                title: None,
                url: Some(uri),
                published: None,
                body: Body::Html(html),
            }),
            Err(reason) => out.skipped.push(Skipped::new(origin, reason)),
        }
    }
    out
}

/// A reader that counts the bytes its user consumed.
struct Counting<R> {
    inner: R,
    consumed: Rc<Cell<u64>>,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.set(self.consumed.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.consumed.set(self.consumed.get() + amt as u64);
        self.inner.consume(amt);
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
}
