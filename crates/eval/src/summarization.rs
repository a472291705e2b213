//! Briefs measured against human summaries with ROUGE (rouge-score
//! conventions: stemmed, mean over references, summaries cut at a word
//! count).
//!
//! Three kinds of data set, told apart by their layout:
//!
//! - **DUC 2003** (`docs.without.headlines/`): each of the 60 clusters
//!   briefed as one story, cut at 100 words, scored against its four
//!   references; the 30 TDT event clusters and the 30 TREC clusters
//!   separately.
//! - **MultiLing 2011** (`SourceTexts/`): each topic briefed per language,
//!   cut at 250 words, three references. English uses rouge-score's
//!   tokenizer and Porter stemmer; the other languages use Unicode words,
//!   lower-cased, unstemmed (rouge-score's tokenizer keeps only `a-z0-9`
//!   and would score Arabic, Greek, Hebrew or Hindi text as empty).
//! - **A seed folder** (`000*.txt` + other `.txt`): the other files briefed
//!   as one story, scored against `000` at the reference's own length.
//!
//! Every brief is made by the whole pipeline in single-story mode with the
//! cut-off as its word budget; the brief's last sentence may run past it
//! (`brief_overflow`) and is cut, as in DUC's own evaluations. The lead baseline is the opening of
//! the first document.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crosscheck::model::{Body, RawArticle};
use crosscheck::{Batch, NoProgress, Pipeline};
use rayon::prelude::*;

use crate::datasets::{duc, multiling, seeds};
use crate::rouge::{truncate_words, Rouge, Scores};

/// Mean scores of one system over a set of tasks.
#[derive(Debug, Clone)]
pub struct SystemScores {
    pub system: String,
    pub set: String,
    pub clusters: usize,
    pub scores: Scores,
}

/// The summarisation evaluation's results.
#[derive(Debug, Clone)]
pub struct SummarizationReport {
    /// What was evaluated, e.g. "DUC 2003".
    pub name: String,
    /// The word cut-off (for a seed folder: the reference's length).
    pub words: usize,
    pub rows: Vec<SystemScores>,
    pub seconds: f64,
}

impl fmt::Display for SummarizationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: ROUGE x100 at {} words, mean over references (recall / F1)\n",
            self.name, self.words
        )?;
        writeln!(f, "| set | system | clusters | R-1 R | R-2 R | R-L R | R-1 F | R-2 F | R-L F | R-Lsum F |")?;
        writeln!(f, "|---|---|---|---|---|---|---|---|---|---|")?;
        for r in &self.rows {
            let s = &r.scores;
            writeln!(
                f,
                "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
                r.set,
                r.system,
                r.clusters,
                100.0 * s.rouge1.recall,
                100.0 * s.rouge2.recall,
                100.0 * s.rouge_l.recall,
                100.0 * s.rouge1.fmeasure,
                100.0 * s.rouge2.fmeasure,
                100.0 * s.rouge_l.fmeasure,
                100.0 * s.rouge_lsum.fmeasure,
            )?;
        }
        writeln!(f, "\n{:.2} s end to end", self.seconds)
    }
}

/// What to evaluate and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Word cut-off; default: 100 for DUC, 250 for MultiLing, the
    /// reference's length for a seed folder.
    pub words: Option<usize>,
    /// MultiLing languages (file suffixes, e.g. `english`); empty: all seven.
    pub languages: Vec<String>,
    /// Write every task's input, references, summaries and this crate's
    /// ROUGE scores as JSON Lines here (for `scripts/rouge-check.sh` and
    /// `scripts/bench-summarizers.sh`).
    pub dump: Option<PathBuf>,
}

/// One summarisation task: documents to brief and the human summaries.
#[derive(Debug, Clone)]
pub struct Task {
    /// The set it is reported in ("30 event (TDT)", "english", ...).
    pub set: String,
    pub id: String,
    pub docs: Vec<RawArticle>,
    pub references: Vec<String>,
    /// The word cut-off for this task.
    pub words: usize,
    /// Score with rouge-score's English conventions (else Unicode words,
    /// unstemmed).
    pub english: bool,
}

/// The pipeline that writes evaluation briefs cut at `words`: one story,
/// no sentence limit, a budget of `words` that the last sentence may run
/// past (the cut falls inside it, as in DUC's own evaluations).
pub fn pipeline(words: usize) -> Pipeline {
    Pipeline::builder()
        .single_story(true)
        .brief_words(words)
        .brief_overflow(true)
        .brief_sentences(usize::MAX)
        .build()
}

/// crosscheck's brief of some documents, as lines of text.
pub fn brief(docs: &[RawArticle], pipeline: &Pipeline) -> String {
    let batch = Batch {
        articles: docs.to_vec(),
        skipped: Vec::new(),
    };
    let report = pipeline.analyze_batch(batch, &mut NoProgress);
    report
        .stories
        .first()
        .map(|s| {
            s.brief
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// The lead baseline: the opening of the first document (by id), one
/// paragraph a line.
pub fn lead(docs: &[RawArticle]) -> String {
    let first = docs.iter().min_by(|a, b| a.id.cmp(&b.id));
    match first.map(|d| &d.body) {
        Some(Body::Text(t)) => t
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// Which data set a folder holds, and its tasks.
pub fn load(dataset: &Path, options: &Options) -> std::io::Result<(String, Vec<Task>)> {
    if dataset.join("docs.without.headlines").is_dir() {
        let words = options.words.unwrap_or(100);
        let mut tasks: Vec<Task> = duc::load(dataset)?
            .into_iter()
            .map(|c| Task {
                set: if c.is_event() {
                    "30 event (TDT)"
                } else {
                    "30 TREC"
                }
                .to_owned(),
                id: c.id,
                docs: c.docs,
                references: c.references,
                words,
                english: true,
            })
            .collect();
        // The event clusters (DUC task 2) first, as in published tables.
        tasks.sort_by_key(|t| !t.set.starts_with("30 event"));
        return Ok(("DUC 2003".to_owned(), tasks));
    }
    if dataset.join("SourceTexts").is_dir() {
        let words = options.words.unwrap_or(250);
        let languages: Vec<String> = if options.languages.is_empty() {
            multiling::LANGUAGES.iter().map(|s| s.to_string()).collect()
        } else {
            options.languages.clone()
        };
        let mut tasks = Vec::new();
        for lang in &languages {
            for t in multiling::load(dataset, lang)? {
                tasks.push(Task {
                    set: t.language.clone(),
                    id: t.id,
                    docs: t.docs,
                    references: t.references,
                    words,
                    english: t.language == "english",
                });
            }
        }
        return Ok(("MultiLing 2011".to_owned(), tasks));
    }
    if seeds::is_seed_folder(dataset) {
        let story = seeds::load(dataset)?;
        let words = options
            .words
            .unwrap_or_else(|| story.reference.split_whitespace().count());
        let task = Task {
            set: "seed story".to_owned(),
            id: "seeds".to_owned(),
            docs: story.docs,
            references: vec![story.reference],
            words,
            english: true,
        };
        return Ok(("Seed story (000 = reference)".to_owned(), vec![task]));
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::NotFound,
        "not a DUC 2003, MultiLing 2011 or seed folder",
    ))
}

/// One task's summaries and scores.
struct Done {
    task: usize,
    summaries: Vec<(&'static str, String)>,
    /// Per system: the mean over references, and each reference's scores.
    scores: Vec<(Scores, Vec<Scores>)>,
}

/// Evaluate crosscheck and the lead baseline on every task of `dataset`.
pub fn evaluate(dataset: &Path, options: &Options) -> std::io::Result<SummarizationReport> {
    let t = Instant::now();
    let (name, tasks) = load(dataset, options)?;
    let mut pipelines: Vec<(usize, Pipeline)> = Vec::new();
    for task in &tasks {
        if !pipelines.iter().any(|(w, _)| *w == task.words) {
            pipelines.push((task.words, pipeline(task.words)));
        }
    }
    let done: Vec<Done> = tasks
        .par_iter()
        .enumerate()
        .map(|(i, task)| {
            let pipeline = &pipelines.iter().find(|(w, _)| *w == task.words).unwrap().1;
            let rouge = if task.english {
                Rouge::default()
            } else {
                Rouge::unicode()
            };
            let summaries: Vec<(&'static str, String)> = vec![
                (
                    "crosscheck",
                    truncate_words(&brief(&task.docs, pipeline), task.words),
                ),
                ("lead", truncate_words(&lead(&task.docs), task.words)),
            ];
            let scores = summaries
                .iter()
                .map(|(_, s)| {
                    let each: Vec<Scores> =
                        task.references.iter().map(|r| rouge.score(r, s)).collect();
                    (Scores::mean(&each), each)
                })
                .collect();
            Done {
                task: i,
                summaries,
                scores,
            }
        })
        .collect();

    let mut rows = Vec::new();
    let mut sets: Vec<&str> = Vec::new();
    for task in &tasks {
        if !sets.contains(&task.set.as_str()) {
            sets.push(&task.set);
        }
    }
    let systems: Vec<&str> = done
        .first()
        .map(|d| d.summaries.iter().map(|(n, _)| *n).collect())
        .unwrap_or_default();
    for set in &sets {
        let members: Vec<&Done> = done.iter().filter(|d| tasks[d.task].set == *set).collect();
        for (k, system) in systems.iter().enumerate() {
            let all: Vec<Scores> = members.iter().map(|d| d.scores[k].0).collect();
            rows.push(SystemScores {
                system: (*system).to_owned(),
                set: (*set).to_owned(),
                clusters: members.len(),
                scores: Scores::mean(&all),
            });
        }
    }
    if let Some(path) = &options.dump {
        dump(path, &tasks, &done)?;
    }
    let words = tasks.first().map_or(0, |t| t.words);
    Ok(SummarizationReport {
        name,
        words,
        rows,
        seconds: t.elapsed().as_secs_f64(),
    })
}

/// One JSON line per task: `set`, `id`, `words`, `english`, `docs` (the
/// input texts), `references`, `summaries` ({system: text}) and `rouge`
/// ({system: [per reference {rouge1, rouge2, rougeL, rougeLsum: [p, r, f]}]}).
fn dump(path: &Path, tasks: &[Task], done: &[Done]) -> std::io::Result<()> {
    use serde_json::{json, Map, Value};
    let triple = |s: &crate::rouge::Score| json!([s.precision, s.recall, s.fmeasure]);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for d in done {
        let task = &tasks[d.task];
        let docs: Vec<Value> = task
            .docs
            .iter()
            .map(|a| match &a.body {
                Body::Text(t) | Body::Html(t) => json!({"id": a.id, "text": t}),
            })
            .collect();
        let mut summaries = Map::new();
        let mut rouge = Map::new();
        for ((name, text), (_, each)) in d.summaries.iter().zip(&d.scores) {
            summaries.insert((*name).to_owned(), json!(text));
            let per: Vec<Value> = each
                .iter()
                .map(|s| {
                    json!({
                        "rouge1": triple(&s.rouge1),
                        "rouge2": triple(&s.rouge2),
                        "rougeL": triple(&s.rouge_l),
                        "rougeLsum": triple(&s.rouge_lsum),
                    })
                })
                .collect();
            rouge.insert((*name).to_owned(), Value::Array(per));
        }
        let line = json!({
            "set": task.set,
            "id": task.id,
            "words": task.words,
            "english": task.english,
            "docs": docs,
            "references": task.references,
            "summaries": summaries,
            "rouge": rouge,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()
}
