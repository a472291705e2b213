//! Readers for the evaluation data sets' own formats.

pub mod duc;
