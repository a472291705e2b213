//! Clustering quality on DUC 2003 across thresholds (for tuning the default):
//! `cargo run --release -p crosscheck-eval --example cluster_sweep -- [PATH]`.
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
    if let Some(t) = std::env::var("CC_DEBUG").ok().and_then(|v| v.parse().ok()) {
        debug(&events, t);
        return;
    }
    for t in [0.04, 0.06, 0.08, 0.10, 0.12, 0.15, 0.18, 0.22, 0.26, 0.30] {
        let p = Pipeline::builder().cluster_threshold(t).build();
        let a = clustering::run("all", &all, &p);
        let e = clustering::run("events", &events, &p);
        println!(
            "t={t:.2}  all: B3 F1 {:.3} (P {:.3} R {:.3}) k={}   events: B3 F1 {:.3} (P {:.3} R {:.3}) k={}",
            a.bcubed.f1, a.bcubed.precision, a.bcubed.recall, a.predicted_clusters,
            e.bcubed.f1, e.bcubed.precision, e.bcubed.recall, e.predicted_clusters
        );
    }
}

/// Print predicted clusters as gold-label histograms (set CC_DEBUG=threshold).
#[allow(dead_code)]
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
    for c in &g.clusters {
        let mut h: std::collections::BTreeMap<String, usize> = Default::default();
        for &i in c {
            let labels: Vec<&str> = gold[&g.docs[i].article.id]
                .iter()
                .map(|&l| clusters[l].id.as_str())
                .collect();
            *h.entry(labels.join("+")).or_default() += 1;
        }
        println!("{h:?}");
    }
}
