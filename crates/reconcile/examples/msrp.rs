//! Fit the same-claim model on MSRP train (cross-validated), then score the
//! built-in one on test and check the reconcile stage's pre-filter:
//! `cargo run --release -p crosscheck-reconcile --example msrp [DATASET_DIR]`.
//! To regenerate the built-in weights use the `train_paraphrase` example.

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data/msrp".into()),
    );
    match crosscheck_reconcile::eval::train_paraphrase(&dir) {
        Some(t) => {
            println!("fitted on train: ridge {}", t.ridge);
            print!("{}", t.cross_validation.scores);
            println!("CV log-loss {:.4}", t.cross_validation.log_loss);
            print!("{}", t.train);
        }
        None => {
            eprintln!("skipping: {} not found", dir.display());
            return;
        }
    }
    if let Some(s) = crosscheck_reconcile::eval::paraphrase(&dir) {
        print!("{s}");
    }
    for split in ["train", "test"] {
        if let Some((accepted, missed)) = crosscheck_reconcile::eval::prefilter_misses(&dir, split)
        {
            println!("{split}: {accepted} pairs accepted, {missed} of them cut by the pre-filter");
        }
    }
}
