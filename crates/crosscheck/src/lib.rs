//! crosscheck: many overlapping news reports in, one cited account out.
//!
//! This crate is the library face of the project. It wires the stage crates
//! into one [`Pipeline`]:
//!
//! ```text
//! ingest ─▶ extract/clean ─▶ analyse ─▶ dedup ─▶ cluster ─▶ brief ─▶ Report
//! ```
//!
//! For streams too long to hold in memory, [`stream::StreamGrouper`] runs
//! the stages up to clustering chunk by chunk with compact per-article
//! state.
//!
//! Each stage is its own crate with a narrow API (`crosscheck_ingest`,
//! `crosscheck_extract`, `crosscheck_clean`, `crosscheck_text`,
//! `crosscheck_dedup`, `crosscheck_cluster`, `crosscheck_brief`); the types
//! they exchange live in [`model`]. The CLI is a thin shell over this crate.
//!
//! ```no_run
//! use crosscheck::{Pipeline, NoProgress};
//! let report = Pipeline::builder().brief_words(200).build()
//!     .analyze_paths(&["articles/"], &mut NoProgress);
//! println!("{}", crosscheck::render::markdown(&report));
//! ```

pub mod demo;
pub mod incremental;
mod pipeline;
pub mod render;
pub mod stream;
pub mod verify;

pub use crosscheck_brief as brief;
pub use crosscheck_dedup as dedup;
pub use crosscheck_extract as extract;
pub use crosscheck_facts as facts;
pub use crosscheck_ingest as ingest;
pub use crosscheck_ingest::Batch;
pub use crosscheck_model as model;
pub use crosscheck_reconcile as reconcile;
pub use pipeline::{Grouping, NoProgress, Pipeline, PipelineBuilder, Progress};
