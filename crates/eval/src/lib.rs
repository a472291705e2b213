//! Evaluation: crosscheck measured on real, public data sets.
//!
//! Each capability has an evaluation here that reads a data set from a path
//! (by default under `../shared/data/`; the data are never copied into the
//! repository) and prints the data set's own metric:
//!
//! - [`clustering`]: story clustering on DUC 2003 (gold = the 60 document
//!   clusters), B-cubed and pairwise precision/recall/F1;
//! - [`summarization`]: briefs against DUC 2003's human summaries, ROUGE.
//!
//! Data-set readers live in [`datasets`], metrics in [`metrics`] and
//! [`rouge`] (with the Porter stemmer rouge-score uses, [`porter`]).

pub mod bench;
pub mod clustering;
pub mod datasets;
pub mod metrics;
pub mod porter;
pub mod rouge;
pub mod summarization;

use std::path::{Path, PathBuf};

/// Where a data set lives by default: `../shared/data/NAME` relative to the
/// current directory (the repository root), falling back to the path next to
/// the workspace this binary was built from.
pub fn default_dataset(name: &str) -> PathBuf {
    let here = Path::new("../shared/data").join(name);
    if here.exists() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name)
}
