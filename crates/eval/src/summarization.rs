//! Briefs measured against DUC 2003's human summaries with ROUGE: each
//! cluster briefed as one story, the brief cut at 100 words, scored against
//! the four references (mean over references), rouge-score conventions.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use crosscheck::{Batch, NoProgress, Pipeline};

use crate::datasets::duc;
use crate::rouge::{truncate_words, Rouge, Scores};

/// Mean scores of one system over a set of clusters.
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
    pub words: usize,
    pub rows: Vec<SystemScores>,
    pub seconds: f64,
}

impl fmt::Display for SummarizationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "ROUGE x100 at {} words, stemmed, mean over references (recall / F1)\n",
            self.words
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

/// crosscheck's brief of one cluster, as lines of text.
pub fn brief(cluster: &duc::Cluster, pipeline: &Pipeline) -> String {
    let batch = Batch {
        articles: cluster.docs.clone(),
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

/// The lead baseline: the opening of the earliest document.
pub fn lead(cluster: &duc::Cluster) -> String {
    let first = cluster.docs.iter().min_by(|a, b| a.id.cmp(&b.id));
    match first.map(|d| &d.body) {
        Some(crosscheck::model::Body::Text(t)) => t.split("\n\n").collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

/// Evaluate crosscheck and the lead baseline at `words` words on the event
/// and TREC clusters.
pub fn evaluate(
    dataset: &Path,
    pipeline: &Pipeline,
    words: usize,
) -> std::io::Result<SummarizationReport> {
    let t = Instant::now();
    let clusters = duc::load(dataset)?;
    let rouge = Rouge::default();
    let mut rows = Vec::new();
    for (set, event) in [("30 event (TDT)", true), ("30 TREC", false)] {
        let chosen: Vec<&duc::Cluster> =
            clusters.iter().filter(|c| c.is_event() == event).collect();
        type System<'a> = (&'a str, Box<dyn Fn(&duc::Cluster) -> String + 'a>);
        let systems: Vec<System> = vec![
            ("crosscheck", Box::new(|c| brief(c, pipeline))),
            ("lead", Box::new(lead)),
        ];
        for (name, system) in &systems {
            let all: Vec<Scores> = chosen
                .iter()
                .map(|c| rouge.score_mean(&c.references, &truncate_words(&system(c), words)))
                .collect();
            rows.push(SystemScores {
                system: (*name).to_owned(),
                set: set.to_owned(),
                clusters: chosen.len(),
                scores: Scores::mean(&all),
            });
        }
    }
    Ok(SummarizationReport {
        words,
        rows,
        seconds: t.elapsed().as_secs_f64(),
    })
}
