//! MultiLing 2011 pilot (TAC 2011): 10 WikiNews topics × 10 documents in
//! seven languages, three human ~250-word summaries per topic and language.
//!
//! Layout: `SourceTexts/M00<topic><doc>.<language>` (plain UTF-8; the first
//! line is the headline, in English preceded by a `YYYY/MM/DD` date) and
//! `Model Summaries/<Language>/M00<topic>.<A|B|C>.250`.

use std::fs;
use std::io;
use std::path::Path;

use crosscheck::model::{Body, RawArticle};

/// The seven languages, as file suffixes.
pub const LANGUAGES: [&str; 7] = [
    "english", "arabic", "czech", "french", "greek", "hebrew", "hindi",
];

/// One topic in one language with its reference summaries.
#[derive(Debug, Clone)]
pub struct Topic {
    /// `M000` … `M009`.
    pub id: String,
    pub language: String,
    pub docs: Vec<RawArticle>,
    pub references: Vec<String>,
}

/// Read the topics of `language` (a suffix from [`LANGUAGES`]; the files'
/// suffixes are matched case-insensitively, as some are capitalised),
/// sorted by id.
pub fn load(dir: &Path, language: &str) -> io::Result<Vec<Topic>> {
    let sources = dir.join("SourceTexts");
    let mut files: Vec<String> = fs::read_dir(&sources)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.to_lowercase().ends_with(&format!(".{language}")) && n.len() > 5)
        .collect();
    files.sort();
    let folder = capitalised(language);
    let models = dir.join("Model Summaries").join(&folder);
    let mut model_files: Vec<String> = fs::read_dir(&models)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    model_files.sort();
    let mut topics: Vec<Topic> = Vec::new();
    for f in files {
        let topic = f[..4].to_owned();
        let raw = fs::read(sources.join(&f))?;
        let text = String::from_utf8_lossy(&raw).replace("\r\n", "\n");
        let doc = parse_doc(
            &format!("{topic}/{f}"),
            &sources.join(&f).to_string_lossy(),
            &text,
        );
        match topics.last_mut() {
            Some(t) if t.id == topic => t.docs.push(doc),
            _ => topics.push(Topic {
                id: topic,
                language: language.to_owned(),
                docs: vec![doc],
                references: Vec::new(),
            }),
        }
    }
    for t in topics.iter_mut() {
        let prefix = format!("{}.", t.id);
        for m in model_files.iter().filter(|m| m.starts_with(&prefix)) {
            let bytes = fs::read(models.join(m))?;
            t.references
                .push(String::from_utf8_lossy(&bytes).trim().to_owned());
        }
    }
    Ok(topics)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The first line is the headline (after an optional `YYYY/MM/DD` date);
/// the rest is the body.
fn parse_doc(id: &str, origin: &str, text: &str) -> RawArticle {
    let text = text.trim_start_matches('\u{feff}');
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut title = first.trim();
    let mut published = None;
    if let Some((date, headline)) = title.split_once(' ') {
        let parts: Vec<&str> = date.split('/').collect();
        if parts.len() == 3 && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
            published = Some(format!("{}-{}-{}", parts[0], parts[1], parts[2]));
            title = headline.trim();
        }
    }
    RawArticle {
        id: id.to_owned(),
        origin: origin.to_owned(),
        source: None,
        title: Some(title.to_owned()).filter(|t| !t.is_empty()),
        url: None,
        published,
        body: Body::Text(rest.trim().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_date_are_split_off() {
        let a = parse_doc(
            "M000/M0000.english",
            "x",
            "2005/01/08 Ferry service resumes in Lowmarsh\n\nSaturday, January 8, 2005\n\nThe ferry ran again.",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Ferry service resumes in Lowmarsh")
        );
        assert_eq!(a.published.as_deref(), Some("2005-01-08"));
        let Body::Text(t) = a.body else { panic!() };
        assert!(t.starts_with("Saturday"));
        let b = parse_doc(
            "M000/M0000.french",
            "x",
            "Le bac reprend\n\nLe bac a repris.",
        );
        assert_eq!(b.title.as_deref(), Some("Le bac reprend"));
        assert!(b.published.is_none());
    }
}
