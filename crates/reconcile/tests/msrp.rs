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
