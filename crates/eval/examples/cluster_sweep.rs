//! Clustering quality on DUC 2003 across thresholds (for tuning the default):
//! `cargo run --release -p crosscheck-eval --example cluster_sweep -- [PATH]`.
//!
//! Each line scores all 60 clusters, the 30 event (TDT) clusters and the 30
//! TREC clusters at one threshold. `CC_DEBUG=THRESHOLD` instead prints the
//! predicted stories that mix gold clusters (as gold-label histograms) for
//! the event clusters, or for the TREC clusters with `CC_SET=trec`, or all
//! 60 with `CC_SET=all`, then the gold clusters split over several stories
//! (as story-number histograms); `CC_SHOW=1` also prints each mixed story's
//! articles (id, date, title, opening).
use crosscheck::Pipeline;
use crosscheck_eval::{clustering, datasets::duc, default_dataset};

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(Into::into)
        .unwrap_or_else(|| default_dataset("duc2003"));
    let clusters = duc::load(&path).expect("DUC 2003");
    let all: Vec<&duc::Cluster> = clusters.iter().collect();
    let events: Vec<&duc::Cluster> = clusters.iter().filter(|c| c.is_event()).collect();
    let trec: Vec<&duc::Cluster> = clusters.iter().filter(|c| !c.is_event()).collect();
    if std::env::var("CC_STREAM").is_ok() {
        for (name, set) in [("all", &all), ("events", &events), ("TREC", &trec)] {
            stream(name, set);
        }
        return;
    }
    if let Some(t) = std::env::var("CC_DEBUG").ok().and_then(|v| v.parse().ok()) {
        let set = match std::env::var("CC_SET").as_deref() {
            Ok("trec") => &trec,
            Ok("all") => &all,
            _ => &events,
        };
        debug(set, t);
        return;
    }
    for t in [
        0.06, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.14, 0.16, 0.20, 0.25,
    ] {
        let p = Pipeline::builder().cluster_threshold(t).build();
        let mut line = format!("t={t:.2}");
        for (name, set) in [("all", &all), ("events", &events), ("TREC", &trec)] {
            let r = clustering::run(name, set, &p);
            line += &format!(
                "  {name}: B3 F1 {:.3} (P {:.3} R {:.3}) k={}",
                r.bcubed.f1, r.bcubed.precision, r.bcubed.recall, r.predicted_clusters
            );
        }
        println!("{line}");
    }
}

/// Print the predicted stories that mix gold clusters, as gold-label
/// histograms (set CC_DEBUG=threshold).
fn debug(clusters: &[&duc::Cluster], t: f64) {
    use crosscheck::{Batch, NoProgress};
    let (docs, gold) = clustering::articles(clusters);
    let batch = Batch {
        articles: docs,
        skipped: vec![],
    };
    let g = Pipeline::builder()
        .cluster_threshold(t)
        .build()
        .group(batch, &mut NoProgress);
    let mut mixed = 0;
    for c in &g.clusters {
        let mut h: std::collections::BTreeMap<String, usize> = Default::default();
        for &i in c {
            let labels: Vec<&str> = gold[&g.docs[i].article.id]
                .iter()
                .map(|&l| clusters[l].id.as_str())
                .collect();
            *h.entry(labels.join("+")).or_default() += 1;
        }
        if h.len() > 1 {
            println!("{h:?}");
            if std::env::var("CC_SHOW").is_ok() {
                for &i in c {
                    let d = &g.docs[i];
                    let t: String = d.article.text.chars().take(400).collect();
                    println!(
                        "  {} {:?} {:?}\n    {}",
                        d.article.id, d.article.published, d.article.title, t
                    );
                }
            }
            mixed += 1;
        }
    }
    let mut spread: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (k, c) in g.clusters.iter().enumerate() {
        for &i in c {
            for &l in &gold[&g.docs[i].article.id] {
                spread.entry(clusters[l].id.clone()).or_default().push(k);
            }
        }
    }
    for (label, ks) in &spread {
        let mut h: std::collections::BTreeMap<usize, usize> = Default::default();
        for &k in ks {
            *h.entry(k).or_default() += 1;
        }
        if h.len() > 1 {
            println!("split {label}: {h:?}");
        }
    }
    println!(
        "{} stories, {mixed} mixing gold clusters; singletons: {}",
        g.clusters.len(),
        g.clusters.iter().filter(|c| c.len() == 1).count()
    );
}

/// The incremental path (`StreamGrouper`, articles in order of publication)
/// scored against gold and against the batch partition (set CC_STREAM=1).
fn stream(name: &str, clusters: &[&duc::Cluster]) {
    use crosscheck::stream::StreamGrouper;
    use crosscheck::{Batch, NoProgress};
    use crosscheck_eval::metrics::bcubed_overlapping;
    let (mut docs, gold) = clustering::articles(clusters);
    docs.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
    let pipeline = Pipeline::default();
    let mut g = StreamGrouper::new(&pipeline);
    let placed: Vec<_> = g
        .push(docs.clone())
        .into_iter()
        .map(|p| p.expect("analysed"))
        .collect();
    let grouping = pipeline.group(
        Batch {
            articles: docs,
            skipped: vec![],
        },
        &mut NoProgress,
    );
    let mut batch_story: std::collections::HashMap<&str, usize> = Default::default();
    for (k, c) in grouping.clusters.iter().enumerate() {
        for &i in c {
            batch_story.insert(grouping.docs[i].article.id.as_str(), k);
        }
    }
    let predicted: Vec<usize> = placed.iter().map(|p| p.story).collect();
    let labels: Vec<Vec<usize>> = placed.iter().map(|p| gold[&p.id].clone()).collect();
    let as_batch: Vec<Vec<usize>> = placed
        .iter()
        .map(|p| vec![batch_story[p.id.as_str()]])
        .collect();
    let vs_gold = bcubed_overlapping(&predicted, &labels);
    let vs_batch = bcubed_overlapping(&predicted, &as_batch);
    println!(
        "{name}: stream {} stories, B3 F1 vs gold {:.3} (P {:.3} R {:.3}); vs batch ({} stories) {:.3}",
        g.stories(),
        vs_gold.f1,
        vs_gold.precision,
        vs_gold.recall,
        grouping.clusters.len(),
        vs_batch.f1
    );
}
