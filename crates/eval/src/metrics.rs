//! Clustering metrics: B-cubed and pairwise precision, recall and F1.
//!
//! Both compare a predicted partition with a gold one over the same items,
//! given as one label per item.

use ahash::AHashMap;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// B-cubed (Bagga & Baldwin 1998): for each item, the share of its predicted
/// cluster that shares its gold label (precision) and the share of its gold
/// cluster that shares its predicted cluster (recall), averaged over items.
pub fn bcubed(predicted: &[usize], gold: &[usize]) -> Prf {
    assert_eq!(predicted.len(), gold.len());
    let n = predicted.len();
    if n == 0 {
        return Prf::default();
    }
    let mut joint: AHashMap<(usize, usize), f64> = AHashMap::new();
    let mut pred_size: AHashMap<usize, f64> = AHashMap::new();
    let mut gold_size: AHashMap<usize, f64> = AHashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1.0;
        *pred_size.entry(p).or_default() += 1.0;
        *gold_size.entry(g).or_default() += 1.0;
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (&p, &g) in predicted.iter().zip(gold) {
        let both = joint[&(p, g)];
        p_sum += both / pred_size[&p];
        r_sum += both / gold_size[&g];
    }
    Prf::new(p_sum / n as f64, r_sum / n as f64)
}

/// Pairwise: over all unordered item pairs, precision and recall of the
/// "same cluster" decision.
pub fn pairwise(predicted: &[usize], gold: &[usize]) -> Prf {
    assert_eq!(predicted.len(), gold.len());
    let mut joint: AHashMap<(usize, usize), f64> = AHashMap::new();
    let mut pred_size: AHashMap<usize, f64> = AHashMap::new();
    let mut gold_size: AHashMap<usize, f64> = AHashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *joint.entry((p, g)).or_default() += 1.0;
        *pred_size.entry(p).or_default() += 1.0;
        *gold_size.entry(g).or_default() += 1.0;
    }
    let pairs =
        |sizes: &mut dyn Iterator<Item = &f64>| sizes.map(|&c| c * (c - 1.0) / 2.0).sum::<f64>();
    let (tp, pp, gp) = (
        pairs(&mut joint.values()),
        pairs(&mut pred_size.values()),
        pairs(&mut gold_size.values()),
    );
    Prf::new(
        if pp > 0.0 { tp / pp } else { 1.0 },
        if gp > 0.0 { tp / gp } else { 1.0 },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_degenerate_partitions() {
        let gold = [0, 0, 1, 1, 1];
        assert_eq!(bcubed(&gold, &gold).f1, 1.0);
        assert_eq!(pairwise(&gold, &gold).f1, 1.0);
        // Everything in one cluster: full recall, low precision.
        let one = bcubed(&[7; 5], &gold);
        assert_eq!(one.recall, 1.0);
        assert!((one.precision - (2.0 * 0.4 + 3.0 * 0.6) / 5.0).abs() < 1e-12);
        // All singletons: full precision.
        let single = bcubed(&[0, 1, 2, 3, 4], &gold);
        assert_eq!(single.precision, 1.0);
        assert!((single.recall - (2.0 * 0.5 + 3.0 / 3.0) / 5.0).abs() < 1e-12);
    }

    #[test]
    fn pairwise_counts_pairs() {
        // Gold pairs: (0,1), (2,3), (2,4), (3,4). Predicted pairs: (0,1), (1,2)… as one cluster {0,1,2}.
        let p = pairwise(&[0, 0, 0, 1, 2], &[0, 0, 1, 1, 1]);
        assert!((p.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((p.recall - 1.0 / 4.0).abs() < 1e-12);
    }
}
