//! A scanner for the SGML newswire format of TREC, TIPSTER, TDT, DUC and
//! the LDC's Gigaword-era collections: `<DOC>` records holding a `<DOCNO>`,
//! a date (`<DATE_TIME>`, `<DATE>`), perhaps a headline (`<HEADLINE>`,
//! `<HL>`, `<HEAD>`) and the story in `<TEXT>`, often as `<P>` paragraphs
//! or as hard-wrapped lines with indented paragraph starts.
//!
//! These are the files researchers hold news in, one story per file (DUC's
//! `NYT19981018.0102`) or hundreds per file (TREC's `AP880212`), so the
//! scan keeps each record's DOCNO as its id: DOCNOs are unique across a
//! collection by design, and the outlet is read from the DOCNO's letters
//! (the LDC's source codes), which is what counting independent outlets
//! needs. Written by hand like the Reuters scanner: the format is regular
//! and an SGML parser would not know its entity and typesetting codes.

use crate::date::normalize_published;
use crate::sgml::{element, prefix, Refused};

/// One `<DOC>` record with a non-empty `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub docno: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    /// Paragraphs separated by a blank line.
    pub text: String,
}

/// Whether decoded text looks like a `<DOC>` collection: the first tag is
/// `<DOC>` and a `<DOCNO>` follows.
pub(crate) fn looks_like(text: &str) -> bool {
    let head = prefix(text, 4096);
    head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with("<DOC>")
        && head.contains("<DOCNO>")
}

/// Scan every `<DOC>…</DOC>` record of a decoded file, in order.
pub(crate) fn scan(text: &str) -> Vec<Result<Record, Refused>> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut ordinal = 0;
    while let Some(found) = text[pos..].find("<DOC>") {
        let start = pos + found + "<DOC>".len();
        let end = text[start..]
            .find("</DOC>")
            .map_or(text.len(), |e| start + e);
        ordinal += 1;
        out.push(record(&text[start..end], ordinal));
        pos = (end + "</DOC>".len()).min(text.len());
    }
    out
}

fn record(rec: &str, ordinal: usize) -> Result<Record, Refused> {
    let docno = element(rec, "DOCNO")
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    let label = docno.clone().unwrap_or_else(|| format!("record {ordinal}"));
    let Some(raw) = element(rec, "TEXT") else {
        return Err(Refused {
            label,
            reason: "no <TEXT> in <DOC> record".into(),
        });
    };
    let text = paragraphs(raw);
    if text.is_empty() {
        return Err(Refused {
            label,
            reason: "empty <TEXT> in <DOC> record".into(),
        });
    }
    let title = ["HEADLINE", "HL", "HEAD"]
        .iter()
        .find_map(|t| element(rec, t))
        .map(|t| sgml_text(&strip_tags(t)))
        .filter(|t| !t.is_empty());
    let published = ["DATE_TIME", "DATE"]
        .iter()
        .find_map(|t| element(rec, t).and_then(|d| parse_date(d.trim())))
        .or_else(|| docno.as_deref().and_then(date_from_docno));
    let source = docno.as_deref().and_then(source_of);
    Ok(Record {
        docno,
        title,
        published,
        source,
        text,
    })
}

/// The story's paragraphs: a paragraph starts at `<P>`, at an indented line
/// or after a blank line; wrapped lines are joined, entities decoded, the
/// wire's `` ``quotes'' `` made plain and its ` _ ` dash made a dash.
fn paragraphs(raw: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    // The wire's header lines (`&UR;`: an editor's note, "AP Photo", a
    // byline, "Associated Press Writer") are lines of their own, not a
    // wrapped paragraph: each is kept apart so that the cleaning stage can
    // tell them (and report them) one by one.
    let mut header_line = false;
    for line in raw.lines() {
        let header = line.trim_start().starts_with("&UR;");
        let starts = line.starts_with('\t')
            || line.starts_with("   ")
            || line.contains("<P>")
            || header
            || header_line;
        header_line = header;
        let clean = strip_tags(line);
        if (starts || clean.trim().is_empty()) && !current.trim().is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !clean.trim().is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(clean.trim());
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out.iter()
        .map(|p| {
            sgml_text(p)
                .replace("``", "\"")
                .replace("''", "\"")
                .replace(" _ ", " — ")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Drop `<…>` tags (paragraph marks, `<ANNOTATION>` and the like).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => {
                out.push(' ');
                rest = &rest[i + j + 1..];
            }
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decode the newswire's entities (`&AMP;`, `&amp;`, `&LT;`, `&GT;`, numeric
/// references), drop its typesetting codes (`&QL;`, `&UR;`, `&Cx1f;` …) and
/// fold whitespace.
fn sgml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_len = after
            .bytes()
            .take(10)
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        if name_len > 0 && after.as_bytes().get(name_len) == Some(&b';') {
            let name = &after[..name_len];
            match name.to_ascii_lowercase().as_str() {
                "amp" => out.push('&'),
                "lt" => out.push('<'),
                "gt" => out.push('>'),
                "quot" => out.push('"'),
                "apos" => out.push('\''),
                n => match n.strip_prefix('#').and_then(|d| d.parse::<u32>().ok()) {
                    Some(c) => match char::from_u32(c) {
                        Some(c) if !c.is_control() => out.push(c),
                        _ => out.push(' '),
                    },
                    // A typesetting code, not text.
                    None => out.push(' '),
                },
            }
            rest = &after[name_len + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `10/17/1998 05:50:00`, `1998-10-18 18:07`, `19981018`, `981018` (the
/// 1980s–90s collections), or any form [`normalize_published`] reads.
fn parse_date(s: &str) -> Option<String> {
    if let Some(iso) = normalize_published(s) {
        return Some(iso);
    }
    let (date, time) = s.split_once(char::is_whitespace).unwrap_or((s, ""));
    let (y, m, d) = if date.contains('/') {
        let mut p = date.split('/');
        let (m, d, y) = (p.next()?, p.next()?, p.next()?);
        (y.parse::<i32>().ok()?, m.parse().ok()?, d.parse().ok()?)
    } else if date.contains('-') {
        let mut p = date.split('-');
        (
            p.next()?.parse::<i32>().ok()?,
            p.next()?.parse().ok()?,
            p.next()?.parse().ok()?,
        )
    } else {
        digits_date(date)?
    };
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    let mut t = time.trim().split(':');
    let hm: Option<(u32, u32)> = (|| {
        let h = t.next()?.trim().parse().ok()?;
        let m = t.next().unwrap_or("0").trim().parse().ok()?;
        (h < 24 && m < 60).then_some((h, m))
    })();
    Some(match hm {
        Some((h, m)) => format!("{}T{h:02}:{m:02}:00", day.format("%Y-%m-%d")),
        None => day.format("%Y-%m-%d").to_string(),
    })
}

/// `YYYYMMDD` or `YYMMDD` (years 1950–2049).
fn digits_date(s: &str) -> Option<(i32, u32, u32)> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    match s.len() {
        8 => Some((n(0..4)? as i32, n(4..6)?, n(6..8)?)),
        6 => {
            let yy = n(0..2)? as i32;
            Some((
                if yy < 50 { 2000 + yy } else { 1900 + yy },
                n(2..4)?,
                n(4..6)?,
            ))
        }
        _ => None,
    }
}

/// The date in a DOCNO such as `NYT19981018.0102` or `AP880212-0001`.
fn date_from_docno(docno: &str) -> Option<String> {
    let digits: String = docno
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let (y, m, d) = digits_date(&digits)?;
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The outlet named by a DOCNO's leading letters: the LDC's source codes
/// for the common newswire collections, else the letters themselves.
fn source_of(docno: &str) -> Option<String> {
    let code: String = docno
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_uppercase();
    if code.is_empty() {
        return None;
    }
    let name = match code.as_str() {
        "AP" | "APW" | "APE" => "Associated Press",
        "NYT" => "New York Times",
        "XIE" | "XIN" => "Xinhua",
        "AFP" | "AFE" => "Agence France-Presse",
        "LTW" => "Los Angeles Times/Washington Post",
        "WPB" => "Washington Post/Bloomberg",
        "WSJ" => "Wall Street Journal",
        "SJMN" => "San Jose Mercury News",
        "FT" => "Financial Times",
        "LA" => "Los Angeles Times",
        "FBIS" => "Foreign Broadcast Information Service",
        "CNN" => "CNN",
        "ABC" => "ABC News",
        "NBC" => "NBC News",
        "MNB" => "MSNBC",
        "PRI" => "Public Radio International",
        "VOA" => "Voice of America",
        "CNA" => "Central News Agency",
        _ => return Some(code),
    };
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Invented records in the collections' layout.
    const ONE: &str = "<DOC>\n<DOCNO> XYZ19981017.0001 </DOCNO>\n<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>\n<BODY>\n<HEADLINE> Ferry back &AMP; running </HEADLINE>\n<TEXT>\n\t   LOWMARSH (AP) _ The ferry\nresumed service.\n\t   ``It is good,'' he said. &QL;\n</TEXT>\n</BODY>\n</DOC>\n";

    #[test]
    fn reads_one_record() {
        assert!(looks_like(ONE));
        let recs = scan(ONE);
        assert_eq!(recs.len(), 1);
        let r = recs[0].as_ref().unwrap();
        assert_eq!(r.docno.as_deref(), Some("XYZ19981017.0001"));
        assert_eq!(r.published.as_deref(), Some("1998-10-17T05:50:00"));
        assert_eq!(r.title.as_deref(), Some("Ferry back & running"));
        assert_eq!(r.source.as_deref(), Some("XYZ"));
        assert_eq!(
            r.text,
            "LOWMARSH (AP) — The ferry resumed service.\n\n\"It is good,\" he said."
        );
    }

    #[test]
    fn wire_header_lines_stand_alone() {
        let file = "<DOC>\n<DOCNO> XYZ19981017.0002 </DOCNO>\n<TEXT>\n\t    &UR; Eds: UPDATES with ferry times\n &UR; AP Photo\n &UR; By MIRA HOLM &QC; \n &UR; Associated Press Writer &QC; \n\t   LOWMARSH (AP) _ The ferry\nresumed service.\n &UR; MORE\n</TEXT>\n</DOC>\n";
        let r = scan(file).remove(0).unwrap();
        assert_eq!(
            r.text,
            "Eds: UPDATES with ferry times\n\nAP Photo\n\nBy MIRA HOLM\n\nAssociated Press Writer\n\n\
             LOWMARSH (AP) — The ferry resumed service.\n\nMORE"
        );
    }

    #[test]
    fn reads_many_records_and_refuses_empty_ones() {
        let file = "<DOC>\n<DOCNO> AP880212-0001 </DOCNO>\n<TEXT>\n<P>\nFirst story, first\nparagraph.\n</P>\n<P>\nSecond &amp; last.\n</P>\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO> AP880212-0002 </DOCNO>\n<TEXT>\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO> NYT19990101.0003 </DOCNO>\n<DATE> 1999-01-01 </DATE>\n</DOC>\n";
        let recs = scan(file);
        assert_eq!(recs.len(), 3);
        let first = recs[0].as_ref().unwrap();
        assert_eq!(
            first.text,
            "First story, first paragraph.\n\nSecond & last."
        );
        assert_eq!(first.published.as_deref(), Some("1988-02-12"));
        assert_eq!(first.source.as_deref(), Some("Associated Press"));
        assert_eq!(
            recs[1].as_ref().unwrap_err().reason,
            "empty <TEXT> in <DOC> record"
        );
        assert_eq!(recs[2].as_ref().unwrap_err().label, "NYT19990101.0003");
    }

    #[test]
    fn dates_in_the_collections_forms() {
        assert_eq!(
            parse_date("1998-10-18 18:07").as_deref(),
            Some("1998-10-18T18:07:00")
        );
        assert_eq!(parse_date("19981018").as_deref(), Some("1998-10-18"));
        assert_eq!(parse_date("880212").as_deref(), Some("1988-02-12"));
        assert_eq!(parse_date("13/45/1998"), None);
        assert_eq!(
            date_from_docno("APW19981016.0240").as_deref(),
            Some("1998-10-16")
        );
        assert_eq!(date_from_docno("FBIS3-1"), None);
    }

    #[test]
    fn not_a_doc_collection() {
        assert!(!looks_like("<html><body><DOC>"));
        assert!(!looks_like("Plain text about <DOC> tags."));
        assert!(!looks_like("<DOC>\n<TEXT>no number</TEXT>\n</DOC>"));
    }
}
