//! Story clustering measured on DUC 2003: all 624 documents shuffled
//! together (fixed seed), the 60 cluster folders as gold labels.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use ahash::AHashMap;
use crosscheck::{Batch, NoProgress, Pipeline};

use crate::datasets::duc;
use crate::metrics::{bcubed, pairwise, Prf};

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
pub fn run(name: &str, clusters: &[&duc::Cluster], pipeline: &Pipeline) -> ClusteringScores {
    let mut docs: Vec<(usize, crosscheck::model::RawArticle)> = clusters
        .iter()
        .enumerate()
        .flat_map(|(g, c)| c.docs.iter().cloned().map(move |d| (g, d)))
        .collect();
    shuffle(&mut docs, 0x5EED_2003);
    let gold_of: AHashMap<String, usize> = docs.iter().map(|(g, d)| (d.id.clone(), *g)).collect();
    let batch = Batch {
        articles: docs.into_iter().map(|(_, d)| d).collect(),
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
            gold.push(gold_of[&grouping.docs[i].article.id]);
        }
    }
    // Documents that could not be analysed count as singletons.
    let mut next = grouping.clusters.len();
    for s in &grouping.skipped {
        if let Some(g) = gold_of.get(&s.path) {
            predicted.push(next);
            gold.push(*g);
            next += 1;
        }
    }
    ClusteringScores {
        name: name.to_owned(),
        documents: predicted.len(),
        gold_clusters: clusters.len(),
        predicted_clusters: next,
        bcubed: bcubed(&predicted, &gold),
        pairwise: pairwise(&predicted, &gold),
        seconds,
    }
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
