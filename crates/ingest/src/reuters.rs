//! A scanner for Reuters-21578 SGML files: `<REUTERS NEWID="n">` records
//! holding `<DATE>`, `<TITLE>` and `<BODY>` elements.
//!
//! The collection is regular enough that a linear `find`-based scan is exact
//! and far faster than a general SGML parser or per-record regexes.

use crate::date::reuters_date;
use crate::sgml::{element, prefix, Refused};

/// One `<REUTERS>` record that had a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub newid: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Body paragraphs separated by a blank line.
    pub text: String,
}

/// Scan every `<REUTERS ...>...</REUTERS>` record of a decoded file, in order.
pub(crate) fn scan(text: &str) -> Vec<Result<Record, Refused>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut ordinal = 0usize;
    while let Some(found) = text[pos..].find("<REUTERS") {
        let start = pos + found;
        let after_name = start + "<REUTERS".len();
        // `<REUTERSX` is not a record tag.
        if !text[after_name..].starts_with([' ', '>', '\n', '\t', '\r']) {
            pos = after_name;
            continue;
        }
        ordinal += 1;
        let end = text[after_name..]
            .find("</REUTERS>")
            .map(|e| after_name + e + "</REUTERS>".len())
            .unwrap_or(text.len());
        let rec = &text[start..end];
        pos = end;
        out.push(record(rec, ordinal));
    }
    out
}

fn record(rec: &str, ordinal: usize) -> Result<Record, Refused> {
    let open_end = rec.find('>').unwrap_or(rec.len());
    let open = &rec[..open_end];
    let Some(newid) = attribute(open, "NEWID").filter(|v| !v.is_empty()) else {
        return Err(Refused {
            label: format!("record {ordinal}"),
            reason: "Reuters record without NEWID".into(),
        });
    };
    let newid = newid.to_owned();
    let refuse = |reason: &str| Refused {
        label: newid.clone(),
        reason: reason.into(),
    };
    let Some(body) = element(rec, "BODY") else {
        return Err(refuse("no <BODY> in Reuters record"));
    };
    let text = reflow(&decode_entities(strip_signature(body)));
    if text.is_empty() {
        return Err(refuse("empty <BODY> in Reuters record"));
    }
    let title = element(rec, "TITLE")
        .map(|t| fold_whitespace(&decode_entities(t)))
        .filter(|t| !t.is_empty());
    let published = element(rec, "DATE").and_then(reuters_date);
    Ok(Record {
        newid,
        title,
        published,
        text,
    })
}

/// The value of `name="value"` in an opening tag.
fn attribute<'a>(open: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = open[from..].find(name) {
        let at = from + i;
        let before_ok = at == 0 || open.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &open[at + name.len()..];
        if before_ok {
            if let Some(v) = rest.strip_prefix("=\"") {
                return v.find('"').map(|e| &v[..e]);
            }
        }
        from = at + name.len();
    }
    None
}

/// Drop the wire signature that ends every body: `" Reuter\n&#3;"`.
fn strip_signature(body: &str) -> &str {
    let mut s = body.trim_end();
    if let Some(rest) = s.strip_suffix("&#3;") {
        s = rest.trim_end();
    }
    for sig in ["Reuter", "REUTER"] {
        if let Some(rest) = s.strip_suffix(sig) {
            if rest.is_empty() || rest.ends_with(char::is_whitespace) {
                s = rest.trim_end();
                break;
            }
        }
    }
    s
}

/// Decode `&lt; &gt; &amp; &quot; &apos; &#N; &#xN;`, dropping control
/// characters other than newline and tab. Unknown entities stay as written.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // An entity name is short ASCII: its `;` is within 12 bytes.
        let semi = prefix(rest, 12).find(';');
        let decoded = semi.and_then(|semi| entity(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                if !c.is_control() || c == '\n' || c == '\t' {
                    out.push(c);
                }
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
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Join the wire's hard-wrapped lines into paragraphs. A paragraph starts
/// at an indented line or after a blank line; paragraphs are separated by
/// one blank line and whitespace inside them is folded.
fn reflow(body: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.lines() {
        let trimmed = line.trim();
        let starts_new = trimmed.is_empty() || line.starts_with(char::is_whitespace);
        if starts_new && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        for word in trimmed.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<DATA>\n\
<REUTERS TOPICS=\"YES\" OLDID=\"17\" NEWID=\"41\">\n\
<DATE> 2-MAR-1987 09:10:11.12</DATE>\n\
<UNKNOWN>&#5;&#5;F f0001&#31;reute</UNKNOWN>\n\
<TEXT>&#2;\n\
<TITLE>GLASSWORKS &lt;GWX> RAISES OUTPUT</TITLE>\n\
<DATELINE>    TOLEDO, March 2 - </DATELINE><BODY>Glassworks Inc said it raised\n\
output by 12 pct at its lakeside &amp; river plants.\n\
\x20   The company said demand for bottles\n\
was strong.\n\
 Reuter\n\
&#3;</BODY></TEXT>\n\
</REUTERS>\n\
<REUTERS TOPICS=\"NO\" OLDID=\"18\" NEWID=\"42\">\n\
<DATE> 2-MAR-1987 09:12:00.00</DATE>\n\
<TEXT TYPE=\"BRIEF\">&#2;\n\
<TITLE>GLASSWORKS SEES STRONGER YEAR</TITLE>\n\
&#3;</TEXT>\n\
</REUTERS>\n\
<REUTERS TOPICS=\"NO\">\n\
<TEXT><BODY>No id here.</BODY></TEXT>\n\
</REUTERS>\n\
</DATA>\n";

    #[test]
    fn entities_next_to_multibyte_text() {
        // Found by fuzzing: a multi-byte character within 12 bytes of '&'.
        assert_eq!(
            decode_entities("MI&L OUTPUT U\u{2c6}P"),
            "MI&L OUTPUT U\u{2c6}P"
        );
        assert_eq!(
            decode_entities("&amp;\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
            "&\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"
        );
    }

    #[test]
    fn scans_records() {
        let recs = scan(SAMPLE);
        assert_eq!(recs.len(), 3);
        let r = recs[0].as_ref().unwrap();
        assert_eq!(r.newid, "41");
        assert_eq!(r.title.as_deref(), Some("GLASSWORKS <GWX> RAISES OUTPUT"));
        assert_eq!(r.published.as_deref(), Some("1987-03-02T09:10:11"));
        assert_eq!(
            r.text,
            "Glassworks Inc said it raised output by 12 pct at its lakeside & river plants.\n\n\
             The company said demand for bottles was strong."
        );
        assert_eq!(
            recs[1],
            Err(Refused {
                label: "42".into(),
                reason: "no <BODY> in Reuters record".into()
            })
        );
        assert_eq!(recs[2].as_ref().unwrap_err().label, "record 3");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &amp; &#65;&#x42; &#3;&zz; &"),
            "a <b> & AB &zz; &"
        );
    }

    #[test]
    fn attributes() {
        assert_eq!(
            attribute("<REUTERS OLDID=\"5\" NEWID=\"9\"", "NEWID"),
            Some("9")
        );
        assert_eq!(attribute("<REUTERS XNEWID=\"5\"", "NEWID"), None);
    }
}
