//! Readers for the public evaluation data sets (never copied into the
//! repository: read from where they live).

pub mod duc;
pub mod multiling;
pub mod seeds;
