//! A folder of plain-text reports of one story used as a summarisation
//! task: the file whose name starts with `000` is the reference summary,
//! every other `.txt` file is an input article (`../shared/seeds`: 001 and
//! 004 are two outlets' reports, 000 a digest drawing on both).

use std::fs;
use std::io;
use std::path::Path;

use crosscheck::model::{Body, RawArticle};

/// The story's input articles (sorted by file name) and its reference.
#[derive(Debug, Clone)]
pub struct SeedStory {
    pub docs: Vec<RawArticle>,
    pub reference: String,
}

/// Whether `dir` looks like a seed folder: a `000…txt` reference and at
/// least one other `.txt` file.
pub fn is_seed_folder(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.iter().any(|n| n.starts_with("000")) && names.len() >= 2
}

/// Read the story. The input files go through the pipeline as raw text (its
/// cleaner removes their page junk); the reference is used as it is.
pub fn load(dir: &Path) -> io::Result<SeedStory> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    let mut reference = String::new();
    for n in names {
        let path = dir.join(&n);
        let text = String::from_utf8_lossy(&fs::read(&path)?).into_owned();
        if n.starts_with("000") {
            reference = text.trim().to_owned();
        } else {
            docs.push(RawArticle {
                id: n.trim_end_matches(".txt").to_owned(),
                origin: path.to_string_lossy().into_owned(),
                source: None,
                title: None,
                url: None,
                published: None,
                body: Body::Text(text),
            });
        }
    }
    if reference.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no reference file (000*.txt)",
        ));
    }
    Ok(SeedStory { docs, reference })
}
