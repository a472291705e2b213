//! Fit the same-claim model on MSRP train and score the built-in one on
//! test: `cargo run --release -p crosscheck-reconcile --example msrp [DATASET_DIR]`.

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data/msrp".into()),
    );
    match crosscheck_reconcile::eval::fit_paraphrase(&dir) {
        Some((w, s)) => {
            println!("fitted on train: weights {w:?}");
            print!("{s}");
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
