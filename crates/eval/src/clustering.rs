//! Story clustering measured on DUC 2003: all 615 distinct documents (624
//! files, 9 of them filed under two clusters) shuffled together (fixed
//! seed), the 60 cluster folders as gold labels.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use ahash::AHashMap;
use crosscheck::{Batch, NoProgress, Pipeline};

use crate::datasets::duc;
use crate::metrics::{bcubed_overlapping, pairwise_overlapping, Prf};

/// Scores of one clustering run.
#[derive(Debug, Clone)]
pub struct ClusteringScores {
    pub name: String,
    pub documents: usize,
    pub gold_clusters: usize,
    pub predicted_clusters: usize,
    pub bcubed: Prf,
    pub pairwise: Prf,
    pub seconds: f64,
}

/// Results for all 60 clusters and for the 30 TDT event clusters alone.
#[derive(Debug, Clone)]
pub struct ClusteringReport {
    pub runs: Vec<ClusteringScores>,
}

impl fmt::Display for ClusteringReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| set | docs | gold | predicted | B3 P | B3 R | B3 F1 | pair P | pair R | pair F1 | seconds |"
        )?;
        writeln!(f, "|---|---|---|---|---|---|---|---|---|---|---|")?;
        for r in &self.runs {
            writeln!(
                f,
                "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.2} |",
                r.name,
                r.documents,
                r.gold_clusters,
                r.predicted_clusters,
                r.bcubed.precision,
                r.bcubed.recall,
                r.bcubed.f1,
                r.pairwise.precision,
                r.pairwise.recall,
                r.pairwise.f1,
                r.seconds
            )?;
        }
        Ok(())
    }
}

/// A deterministic shuffle (xorshift64*, fixed seed): input order must not
/// hand the clusterer the answer.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut s = seed | 1;
    for i in (1..items.len()).rev() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        let r = s.wrapping_mul(0x2545_F491_4F6C_DD1D);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Cluster the documents of `clusters` together and score against their
/// folders.
///
/// DUC 2003 files a few documents under two clusters (9 documents, shared
/// by two pairs of event clusters). Such a document is one article: it is
/// clustered once and carries both gold labels, and the scores are the
/// overlapping-label forms of B-cubed and pairwise F1 (equal to the plain
/// ones where every document has one label).
pub fn run(name: &str, clusters: &[&duc::Cluster], pipeline: &Pipeline) -> ClusteringScores {
    let (docs, labels) = articles(clusters);
    let batch = Batch {
        articles: docs,
        skipped: Vec::new(),
    };
    let t = Instant::now();
    let grouping = pipeline.group(batch, &mut NoProgress);
    let seconds = t.elapsed().as_secs_f64();
    let mut predicted = Vec::new();
    let mut gold = Vec::new();
    for (k, story) in grouping.clusters.iter().enumerate() {
        for &i in story {
            predicted.push(k);
            gold.push(labels[&grouping.docs[i].article.id].clone());
        }
    }
    // Documents that could not be analysed count as singletons.
    let mut next = grouping.clusters.len();
    for s in &grouping.skipped {
        if let Some(g) = labels.get(&s.path) {
            predicted.push(next);
            gold.push(g.clone());
            next += 1;
        }
    }
    ClusteringScores {
        name: name.to_owned(),
        documents: predicted.len(),
        gold_clusters: clusters.len(),
        predicted_clusters: next,
        bcubed: bcubed_overlapping(&predicted, &gold),
        pairwise: pairwise_overlapping(&predicted, &gold),
        seconds,
    }
}

/// The distinct articles of `clusters`, shuffled (fixed seed), and the gold
/// labels (indices into `clusters`) of each article id. A document filed
/// under two clusters is one article with two labels; its id is its DOCNO.
pub fn articles(
    clusters: &[&duc::Cluster],
) -> (
    Vec<crosscheck::model::RawArticle>,
    AHashMap<String, Vec<usize>>,
) {
    let mut labels: AHashMap<String, Vec<usize>> = AHashMap::new();
    let mut docs: Vec<crosscheck::model::RawArticle> = Vec::new();
    for (g, c) in clusters.iter().enumerate() {
        for d in &c.docs {
            // Ids are `cluster/DOCNO`: the article is the DOCNO.
            let docno = d.id.rsplit('/').next().unwrap_or(&d.id);
            let l = labels.entry(docno.to_owned()).or_default();
            if l.is_empty() {
                let mut d = d.clone();
                d.id = docno.to_owned();
                docs.push(d);
            }
            l.push(g);
        }
    }
    shuffle(&mut docs, 0x5EED_2003);
    (docs, labels)
}

/// The DUC 2003 clustering evaluation: all 60 clusters, the 30 event
/// clusters, and the 30 TREC clusters.
pub fn evaluate(dataset: &Path, pipeline: &Pipeline) -> std::io::Result<ClusteringReport> {
    let clusters = duc::load(dataset)?;
    let all: Vec<&duc::Cluster> = clusters.iter().collect();
    let events: Vec<&duc::Cluster> = clusters.iter().filter(|c| c.is_event()).collect();
    let trec: Vec<&duc::Cluster> = clusters.iter().filter(|c| !c.is_event()).collect();
    Ok(ClusteringReport {
        runs: vec![
            run("all 60", &all, pipeline),
            run("30 event (TDT)", &events, pipeline),
            run("30 TREC", &trec, pipeline),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::shuffle;

    #[test]
    fn shuffle_is_a_deterministic_permutation() {
        let mut a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        shuffle(&mut a, 7);
        shuffle(&mut b, 7);
        assert_eq!(a, b);
        assert_ne!(a, (0..100).collect::<Vec<_>>());
        a.sort_unstable();
        assert_eq!(a, (0..100).collect::<Vec<_>>());
    }
}
