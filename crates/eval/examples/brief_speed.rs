//! How long one brief takes: a 10-article story (DUC 2003 cluster d30003t,
//! read from ../shared/data, never copied) analysed once, then briefed
//! repeatedly on one thread with what the facts and reconcile stages found.
//!
//! ```sh
//! cargo run --release -p crosscheck-eval --example brief_speed
//! cargo run --release -p crosscheck-eval --example brief_speed -- --no-judge   # without the paraphrase judge
//! ```

use std::time::Instant;

use crosscheck::model::Document;
use crosscheck::Pipeline;
use crosscheck_brief::{Briefer, Evidence, SameStatement};
use crosscheck_eval::datasets::duc;
use crosscheck_text::Analyzer;

fn main() {
    let no_judge = std::env::args().any(|a| a == "--no-judge");
    let path = crosscheck_eval::default_dataset("duc2003");
    let Ok(clusters) = duc::load(&path) else {
        eprintln!("brief_speed: no DUC 2003 data under {}", path.display());
        return;
    };
    let cluster = clusters
        .iter()
        .find(|c| c.id == "d30003t")
        .unwrap_or(&clusters[0]);
    let pipeline = Pipeline::default();
    let analyzer = Analyzer::english();
    let mut docs: Vec<Document> = cluster
        .docs
        .iter()
        .cloned()
        .filter_map(|r| pipeline.prepare(r).ok())
        .map(|a| analyzer.analyse(a))
        .collect();
    docs.sort_by(|a, b| a.article.published.cmp(&b.article.published));
    let duplicates = crosscheck_dedup::Deduplicator::new().find(&docs);
    let refs: Vec<&Document> = docs.iter().collect();
    let facts: Vec<_> = refs
        .iter()
        .map(|d| crosscheck::facts::Extractor::new().extract(d))
        .collect();
    let checked = crosscheck::reconcile::Reconciler::new().reconcile(&refs, &facts, &duplicates);
    // The pipeline's paraphrase judge, as `StoryBuilder::build` wires it.
    let judge = crosscheck::incremental::ParaphraseJudge::default();
    let evidence = Evidence {
        claims: &checked.claims,
        conflicts: &checked.conflicts,
        entities: &checked.entities,
        same_statement: Some(&judge),
    };
    let words: usize = docs
        .iter()
        .map(|d| d.article.text.split_whitespace().count())
        .sum();
    let briefer = Briefer::new();
    // Warm up (the stemmer's per-thread cache), then time.
    let brief = briefer.brief_with(&refs, &duplicates, evidence);
    let runs = 200;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            // A fresh judge each run: its sentence features are part of the cost.
            let judge = crosscheck::incremental::ParaphraseJudge::default();
            let evidence = Evidence {
                same_statement: (!no_judge).then_some(&judge as &dyn SameStatement),
                ..evidence
            };
            std::hint::black_box(briefer.brief_with(&refs, &duplicates, evidence));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{} articles, {} words, {} sentences: brief of {} sentences in {:.2} ms median, {:.2} ms p95 (one thread, {} runs)",
        docs.len(),
        words,
        docs.iter().map(|d| d.sentences.len()).sum::<usize>(),
        brief.sentences.len(),
        times[runs / 2],
        times[runs * 95 / 100],
        runs
    );
}
