//! DUC 2003 multi-document summarisation data: 60 clusters of newswire
//! documents (SGML) with four human 100-word summaries each.
//!
//! Layout: `docs.without.headlines/<cluster>/<DOCNO>` and
//! `detagged.duc2003.abstracts/models/D<cluster>.M.100.<T|A..J>.<assessor>.html`.
//! Clusters named `d3…t` are the 30 TDT event clusters (DUC task 2); `d1…`
//! are the 30 TREC clusters (task 3).

use std::fs;
use std::io;
use std::path::Path;

use crosscheck::model::{Body, RawArticle};

/// One document cluster with its reference summaries.
#[derive(Debug, Clone)]
pub struct Cluster {
    /// Folder name, e.g. `d30003t`.
    pub id: String,
    pub docs: Vec<RawArticle>,
    /// The human 100-word summaries (plain text).
    pub references: Vec<String>,
}

impl Cluster {
    /// Whether this is one of the 30 TDT event clusters.
    pub fn is_event(&self) -> bool {
        self.id.starts_with("d3")
    }
}

/// Read every cluster, sorted by id, documents sorted by DOCNO.
pub fn load(dir: &Path) -> io::Result<Vec<Cluster>> {
    let docs_dir = dir.join("docs.without.headlines");
    let models = dir.join("detagged.duc2003.abstracts/models");
    let mut model_files: Vec<String> = fs::read_dir(&models)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".M.100."))
        .collect();
    model_files.sort();
    let mut names: Vec<String> = fs::read_dir(&docs_dir)?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut clusters = Vec::with_capacity(names.len());
    for name in names {
        let mut files: Vec<String> = fs::read_dir(docs_dir.join(&name))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut docs = Vec::with_capacity(files.len());
        for f in files {
            let path = docs_dir.join(&name).join(&f);
            let raw = String::from_utf8_lossy(&fs::read(&path)?).into_owned();
            docs.push(parse_doc(
                &format!("{name}/{f}"),
                &path.to_string_lossy(),
                &raw,
            ));
        }
        // "d30003t" → "D30003."; "d100a" → "D100."
        let number: String = name.chars().filter(char::is_ascii_digit).collect();
        let prefix = format!("D{number}.M.100.");
        let mut references = Vec::new();
        for m in model_files.iter().filter(|m| m.starts_with(&prefix)) {
            let bytes = fs::read(models.join(m))?;
            references.push(String::from_utf8_lossy(&bytes).trim().to_owned());
        }
        clusters.push(Cluster {
            id: name,
            docs,
            references,
        });
    }
    Ok(clusters)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

/// One SGML document as a raw article: paragraphs (tab-indented or `<P>`)
/// joined and separated by blank lines, `` and '' turned into quotes.
fn parse_doc(id: &str, origin: &str, raw: &str) -> RawArticle {
    let text = between(raw, "<TEXT>", "</TEXT>").unwrap_or("");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let starts_para = line.starts_with('\t') || line.starts_with("   ") || line.contains("<P>");
        let clean = line.replace("<P>", "").replace("</P>", "");
        if (starts_para || clean.trim().is_empty()) && !current.trim().is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        if !clean.trim().is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(clean.trim());
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(current);
    }
    let body = paragraphs
        .iter()
        .map(|p| {
            decode_entities(p)
                .replace("``", "\"")
                .replace("''", "\"")
                .replace(" _ ", " — ")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let published = between(raw, "<DATE_TIME>", "</DATE_TIME>").and_then(|d| parse_date(d.trim()));
    RawArticle {
        id: id.to_owned(),
        origin: origin.to_owned(),
        source: Some(id.split('/').nth(1).unwrap_or("").chars().take(3).collect()),
        title: None,
        url: None,
        published,
        body: Body::Text(body),
    }
}

/// SGML entities of the newswire files: `&AMP;` and friends decoded, the
/// typesetting codes (`&QL;`, `&UR;`, `&QC;`, `&LR;`, `&HT;`) dropped.
fn decode_entities(p: &str) -> String {
    let mut out = p
        .replace("&AMP;", "&")
        .replace("&amp;", "&")
        .replace("&LT;", "<")
        .replace("&GT;", ">");
    for code in [
        "&QL;", "&UR;", "&QC;", "&LR;", "&HT;", "&QR;", "&TS;", "&MD;",
    ] {
        out = out.replace(code, " ");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "10/17/1998 05:50:00" or "1998-10-17 16:00" → ISO 8601.
fn parse_date(s: &str) -> Option<String> {
    let (date, time) = s.split_once(' ').unwrap_or((s, "00:00"));
    let (y, m, d) = if date.contains('/') {
        let mut p = date.split('/');
        let (m, d, y) = (p.next()?, p.next()?, p.next()?);
        (y, m, d)
    } else {
        let mut p = date.split('-');
        (p.next()?, p.next()?, p.next()?)
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let mut t = time.split(':');
    let (hh, mm): (u32, u32) = (
        t.next()?.parse().ok()?,
        t.next().unwrap_or("0").parse().ok()?,
    );
    Some(format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:00"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_invented_sgml() {
        let raw = "<DOC>\n<DOCNO> XYZ1 </DOCNO>\n<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>\n<TEXT>\n\t   LOWMARSH (AP) _ The ferry\nresumed service.\n\t   ``It is good,'' he said.\n</TEXT>\n</DOC>";
        let a = parse_doc("d1/XYZ1", "x", raw);
        assert_eq!(a.published.as_deref(), Some("1998-10-17T05:50:00"));
        let Body::Text(t) = a.body else { panic!() };
        assert_eq!(
            t,
            "LOWMARSH (AP) — The ferry resumed service.\n\n\"It is good,\" he said."
        );
    }

    #[test]
    fn parses_iso_dates() {
        assert_eq!(
            parse_date("1998-10-17 16:00").as_deref(),
            Some("1998-10-17T16:00:00")
        );
    }
}
