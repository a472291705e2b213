//! crosscheck: many overlapping news reports in, one cited account out.
pub use crosscheck_model as model;
