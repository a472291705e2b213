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

use crosscheck::ingest::Ingestor;
use crosscheck::model::RawArticle;

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
        // The documents are TDT/TREC `<DOC>` files named by DOCNO, read by
        // the product's own ingest (one article per file, id = DOCNO).
        let batch = Ingestor::new().read_paths(&[docs_dir.join(&name)]);
        if let Some(bad) = batch.skipped.first() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {}", bad.path, bad.reason),
            ));
        }
        let mut docs: Vec<RawArticle> = batch
            .articles
            .into_iter()
            .map(|mut a| {
                a.id = format!("{name}/{}", a.id);
                a
            })
            .collect();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
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
