//! Clustering metrics: B-cubed and pairwise precision, recall and F1.
//!
//! Both compare a predicted partition with a gold one over the same items,
//! given as one label per item. Gold sets where an item may carry several
//! labels (DUC 2003 files some documents under two clusters) are scored by
//! the extended forms, [`bcubed_overlapping`] and [`pairwise_overlapping`],
//! which equal the plain ones when every item has exactly one label.

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

/// Extended B-cubed for gold labels that overlap (Amigó, Gonzalo, Artiles
/// and Verdejo 2009, "multiplicity" B-cubed), with one predicted cluster per
/// item. For items `e` and `e'`, with `k` gold labels in common:
///
/// * precision, over the `e'` in `e`'s predicted cluster: 1 when `k > 0`,
///   else 0;
/// * recall, over the `e'` sharing a gold label with `e`: `min(1, k) / k`
///   when they share the predicted cluster, else 0 (two items filed
///   together under two gold clusters are expected together twice, and one
///   predicted cluster counts once);
///
/// each averaged over `e'` (including `e` itself), then over items. Items
/// without any gold label are not allowed.
pub fn bcubed_overlapping(predicted: &[usize], gold: &[Vec<usize>]) -> Prf {
    assert_eq!(predicted.len(), gold.len());
    let n = predicted.len();
    if n == 0 {
        return Prf::default();
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for i in 0..n {
        assert!(!gold[i].is_empty(), "item {i} has no gold label");
        let (mut p_num, mut p_den, mut r_num, mut r_den) = (0.0, 0.0, 0.0, 0.0);
        for j in 0..n {
            let k = shared_labels(&gold[i], &gold[j]);
            let same = predicted[i] == predicted[j];
            if same {
                p_den += 1.0;
                if k > 0 {
                    p_num += 1.0;
                }
            }
            if k > 0 {
                r_den += 1.0;
                if same {
                    r_num += 1.0 / k as f64;
                }
            }
        }
        p_sum += p_num / p_den;
        r_sum += r_num / r_den;
    }
    Prf::new(p_sum / n as f64, r_sum / n as f64)
}

/// Pairwise precision and recall when gold labels overlap: a gold pair is
/// two items sharing at least one gold label.
pub fn pairwise_overlapping(predicted: &[usize], gold: &[Vec<usize>]) -> Prf {
    assert_eq!(predicted.len(), gold.len());
    let (mut tp, mut pp, mut gp) = (0.0, 0.0, 0.0);
    for i in 0..predicted.len() {
        for j in i + 1..predicted.len() {
            let same = predicted[i] == predicted[j];
            let together = shared_labels(&gold[i], &gold[j]) > 0;
            if same {
                pp += 1.0;
            }
            if together {
                gp += 1.0;
            }
            if same && together {
                tp += 1.0;
            }
        }
    }
    Prf::new(
        if pp > 0.0 { tp / pp } else { 1.0 },
        if gp > 0.0 { tp / gp } else { 1.0 },
    )
}

/// Labels two (short) label lists have in common.
fn shared_labels(a: &[usize], b: &[usize]) -> usize {
    a.iter().filter(|x| b.contains(x)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_forms_equal_the_plain_ones_on_single_labels() {
        let pred = [0, 0, 0, 1, 2, 2, 3];
        let gold = [0, 0, 1, 1, 1, 2, 2];
        let sets: Vec<Vec<usize>> = gold.iter().map(|&g| vec![g]).collect();
        let (a, b) = (bcubed(&pred, &gold), bcubed_overlapping(&pred, &sets));
        assert!((a.precision - b.precision).abs() < 1e-12);
        assert!((a.recall - b.recall).abs() < 1e-12);
        let (a, b) = (pairwise(&pred, &gold), pairwise_overlapping(&pred, &sets));
        assert!((a.precision - b.precision).abs() < 1e-12);
        assert!((a.recall - b.recall).abs() < 1e-12);
    }

    #[test]
    fn an_item_filed_under_two_clusters() {
        // Items 0,1 in gold A; 3,4 in gold B; item 2 in both.
        let gold = vec![vec![0], vec![0], vec![0, 1], vec![1], vec![1]];
        // Predicted {0,1,2} {3,4}: every predicted pair shares a label.
        let p = bcubed_overlapping(&[0, 0, 0, 1, 1], &gold);
        assert_eq!(p.precision, 1.0);
        // Item 2 is expected with 0,1,3,4 (and itself, twice): recall
        // (1/2 + 1 + 1) / 5 for it; items 3 and 4 miss item 2.
        let r2 = (0.5 + 1.0 + 1.0) / 5.0;
        let r34 = 2.0 / 3.0;
        let want = (1.0 + 1.0 + r2 + r34 + r34) / 5.0;
        assert!((p.recall - want).abs() < 1e-12, "{} vs {want}", p.recall);
        // Everything together: precision drops for pairs 0-3, 0-4, 1-3, 1-4.
        let all = bcubed_overlapping(&[0; 5], &gold);
        assert!((all.precision - (3.0 + 3.0 + 5.0 + 3.0 + 3.0) / 25.0).abs() < 1e-12);
        let pw = pairwise_overlapping(&[0, 0, 0, 1, 1], &gold);
        // Gold pairs: 01 02 12 23 24 34 (6); predicted 01 02 12 34 (4), all right.
        assert_eq!(pw.precision, 1.0);
        assert!((pw.recall - 4.0 / 6.0).abs() < 1e-12);
    }

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
