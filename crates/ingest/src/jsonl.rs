//! JSON Lines: one article per line, streamed so that large files need not
//! fit in memory.

use crate::date::{from_unix_seconds, normalize_published};
use crosscheck_model::{Body, RawArticle};
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// The outcome of one non-blank line.
pub(crate) enum Line {
    Article(RawArticle),
    /// A reason, already prefixed with `line N: `.
    Bad(String),
}

/// Read the next line into `buf` (without its newline), keeping at most
/// `limit + 1` bytes. Returns `None` at end of input, else the line's full
/// length in bytes (which may exceed what was kept).
pub(crate) fn next_line(
    r: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (chunk, used, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        let room = (limit + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total += chunk.len();
        r.consume(used);
        if done {
            return Ok(Some(total));
        }
    }
}

/// Turn one trimmed, non-empty line into an article or a reason.
pub(crate) fn parse_line(line: &[u8], n: usize, origin: String) -> Line {
    let bad = |why: String| Line::Bad(format!("line {n}: {why}"));
    let value: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return bad(format!("invalid JSON ({})", json_error(&e))),
    };
    let Value::Object(obj) = value else {
        return bad(format!("not a JSON object (found {})", kind(&value)));
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => return bad("no \"id\" field".into()),
        Some(Value::String(s)) if s.trim().is_empty() => return bad("empty \"id\"".into()),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return bad(format!(
                "\"id\" must be a string or number, found {}",
                kind(other)
            ))
        }
    };
    let text = match string_field(&obj, "text") {
        Ok(t) => t,
        Err(why) => return bad(why),
    };
    let html = match string_field(&obj, "html") {
        Ok(h) => h,
        Err(why) => return bad(why),
    };
    let body = match (text, html) {
        (Some(t), _) if !t.trim().is_empty() => Body::Text(t.to_owned()),
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(h.to_owned()),
        (Some(_), _) => return bad(format!("empty \"text\" (id {id})")),
        (None, Some(_)) => return bad(format!("empty \"html\" (id {id})")),
        (None, None) => return bad(format!("no \"text\" or \"html\" field (id {id})")),
    };
    let published = match obj.get("published") {
        Some(Value::String(s)) => normalize_published(s),
        Some(Value::Number(n)) => n.as_i64().and_then(|secs| {
            // Values this large are milliseconds.
            from_unix_seconds(if secs.abs() > 100_000_000_000 {
                secs / 1000
            } else {
                secs
            })
        }),
        _ => None,
    };
    Line::Article(RawArticle {
        id,
        origin,
        source: optional(&obj, "source"),
        title: optional(&obj, "title"),
        url: optional(&obj, "url"),
        published,
        body,
    })
}

fn string_field<'a>(obj: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, String> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "\"{name}\" must be a string, found {}",
            kind(other)
        )),
    }
}

/// A metadata string, trimmed; absent, empty or non-string values are `None`.
fn optional(obj: &Map<String, Value>, name: &str) -> Option<String> {
    match obj.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column C" (the record is
/// one line), with the column kept.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    };
    if e.column() > 0 {
        format!("{msg} at column {}", e.column())
    } else {
        msg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<RawArticle, String> {
        match parse_line(s.as_bytes(), 7, "f.jsonl:7".into()) {
            Line::Article(a) => Ok(a),
            Line::Bad(r) => Err(r),
        }
    }

    #[test]
    fn good_record() {
        let a = parse(
            r#"{"id": 12, "text": "The ferry resumed service.", "title": " Ferry back ", "source": "Harbour Post", "url": "https://example.org/f", "published": "2024-06-01 08:00", "extra": [1]}"#,
        )
        .unwrap();
        assert_eq!(a.id, "12");
        assert_eq!(a.title.as_deref(), Some("Ferry back"));
        assert_eq!(a.source.as_deref(), Some("Harbour Post"));
        assert_eq!(a.published.as_deref(), Some("2024-06-01T08:00:00"));
        assert_eq!(a.body, Body::Text("The ferry resumed service.".into()));
    }

    #[test]
    fn html_record_and_bad_dates() {
        let a = parse(r#"{"id": "x", "html": "<p>Hi</p>", "published": "soon"}"#).unwrap();
        assert_eq!(a.body, Body::Html("<p>Hi</p>".into()));
        assert_eq!(a.published, None);
        let a = parse(r#"{"id": "x", "text": "t", "published": 1717228800}"#).unwrap();
        assert_eq!(a.published.as_deref(), Some("2024-06-01T08:00:00Z"));
    }

    #[test]
    fn bad_records() {
        assert!(parse("{nope")
            .unwrap_err()
            .starts_with("line 7: invalid JSON (key must be a string at column 2"));
        assert_eq!(
            parse("[1]").unwrap_err(),
            "line 7: not a JSON object (found an array)"
        );
        assert_eq!(
            parse(r#"{"text": "a"}"#).unwrap_err(),
            "line 7: no \"id\" field"
        );
        assert_eq!(
            parse(r#"{"id": true, "text": "a"}"#).unwrap_err(),
            "line 7: \"id\" must be a string or number, found a boolean"
        );
        assert_eq!(
            parse(r#"{"id": "a"}"#).unwrap_err(),
            "line 7: no \"text\" or \"html\" field (id a)"
        );
        assert_eq!(
            parse(r#"{"id": "a", "text": "  "}"#).unwrap_err(),
            "line 7: empty \"text\" (id a)"
        );
        assert_eq!(
            parse(r#"{"id": "a", "text": 5}"#).unwrap_err(),
            "line 7: \"text\" must be a string, found a number"
        );
    }

    #[test]
    fn long_lines_are_capped() {
        let data = b"abcdefghij\nxy\nlast";
        let mut r: &[u8] = data;
        let mut buf = Vec::new();
        assert_eq!(next_line(&mut r, &mut buf, 4).unwrap(), Some(10));
        assert_eq!(buf, b"abcde");
        assert_eq!(next_line(&mut r, &mut buf, 4).unwrap(), Some(2));
        assert_eq!(buf, b"xy");
        assert_eq!(next_line(&mut r, &mut buf, 4).unwrap(), Some(4));
        assert_eq!(next_line(&mut r, &mut buf, 4).unwrap(), None);
    }
}
