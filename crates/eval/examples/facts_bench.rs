//! The facts and reconcile stages on one 50-article story, with each
//! stage's allocations counted (as `crosscheck bench facts`, which does not
//! count them):
//!
//! ```sh
//! cargo run --release -p crosscheck-eval --example facts_bench            # first 50 DUC 2003 articles
//! cargo run --release -p crosscheck-eval --example facts_bench -- demo    # the demo corpus cycled to 50
//! cargo run --release -p crosscheck-eval --example facts_bench -- PATH    # the first 50 articles under PATH
//! ```
//!
//! The DUC articles are 50 different texts, the case with the most distinct
//! sentences to compare; the demo corpus (11 articles) repeats sentences
//! word for word, as wire copy does.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting allocations (allocation is about a sixth
/// of the two stages' time).
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator, which
// upholds `GlobalAlloc`'s contract; the counter has no effect on memory.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on.
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from `System` through `alloc` above.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: `ptr` came from `System` through `alloc` above, and the
        // caller's contract for `realloc` is passed on.
        unsafe { std::alloc::System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo");

fn main() {
    let path = match std::env::args().nth(1) {
        Some(p) if p == "demo" => std::path::PathBuf::from(DEMO),
        Some(p) => p.into(),
        None => crosscheck_eval::default_dataset("duc2003").join("docs.without.headlines"),
    };
    let texts = crosscheck_eval::bench::texts(&path);
    if texts.is_empty() {
        eprintln!("no article text under {}", path.display());
        std::process::exit(1);
    }
    let docs = crosscheck_eval::bench::story(&texts, 50);
    let count = || ALLOCATIONS.load(Ordering::Relaxed);
    let result = crosscheck_eval::bench::facts(&docs, 10, Some(&count));
    println!("bench facts ({})\n{result}", path.display());
}
