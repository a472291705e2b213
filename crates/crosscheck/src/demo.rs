//! The built-in demo corpus: invented articles compiled into the binary
//! (the files under `demo/` at the repository root; see `demo/MANIFEST.md`).

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

/// The demo files as `(relative path, bytes)` pairs, ready for
/// [`Pipeline::analyze_files`](crate::Pipeline::analyze_files).
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    FILES.to_vec()
}
