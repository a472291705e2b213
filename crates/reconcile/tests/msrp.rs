//! MSRP test scores stay at the measured level (skipped without the data).

use std::path::Path;

#[test]
fn msrp_test_floor() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/msrp"
    ));
    let Some(s) = crosscheck_reconcile::eval::paraphrase(dir) else {
        println!("skipping: {} not found", dir.display());
        return;
    };
    print!("{s}");
    println!("{s:?}");
    assert_eq!(s.pairs, 1725);
    assert!(s.accuracy > 0.77, "{s}");
    assert!(s.f1 > 0.83, "{s}");
}

/// The same-claim decision skips the character n-grams of pairs that could
/// not pass anyway: on every MSRP test pair, both ways round, at the
/// thresholds the reconcile stage uses, it decides as the full score does.
#[test]
fn same_claim_decides_as_the_score() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/msrp"
    ));
    for threshold in [0.3, crosscheck_reconcile::paraphrase::THRESHOLD, 0.8, 0.95] {
        let Some((n, differ)) =
            crosscheck_reconcile::eval::same_claim_agrees(dir, "test", threshold)
        else {
            println!("skipping: {} not found", dir.display());
            return;
        };
        assert_eq!(n, 3450);
        assert_eq!(differ, 0, "threshold {threshold}");
    }
}
