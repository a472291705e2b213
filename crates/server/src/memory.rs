//! Giving freed heap memory back to the system.
//!
//! Measured with the load generator (`examples/loadgen.rs`, glibc's
//! `mallinfo2`, 100,000 stored articles): while the writer rebuilds dirty
//! stories and readers serve `GET /api/stories/{id}`, the memory the
//! process *uses* stays flat (55–75 MiB), but glibc's allocator keeps what
//! was freed in its per-thread arenas (the blocking pool's reader threads,
//! the rebuild's rayon threads and SQLite's page caches each allocate from
//! their own), so resident memory rose to 2–3 times that and, over a
//! three-minute run, kept rising. glibc trims an arena only from its top;
//! `malloc_trim(0)` also returns the free pages inside each arena.
//!
//! A background thread reads the process's resident memory once a second
//! and trims when it has grown by [`GROWTH`] since the last trim, so an
//! idle or steady server is not trimmed at all and a trim (a walk over the
//! free lists, a few milliseconds) happens at most once a second. On
//! systems other than Linux with glibc this does nothing (other allocators
//! return memory themselves).
//!
//! The thread also fixes glibc's mmap threshold at [`MMAP_THRESHOLD`].
//! By default glibc raises that threshold to the size of every large block
//! freed (up to 32 MiB), so after a few rebuilds of a large story (its
//! member list, its JSON: megabytes each, growing with the story) such
//! blocks come from the arenas instead of their own mappings, and the
//! holes they leave behind stay resident. Measured over 180 s of POST with
//! the load generator (the synthetic stream's largest story grows from
//! ~60,000 to ~105,000 articles): resident memory 60 → 163–172 MiB with
//! the default, 60 → 136–145 MiB with the threshold fixed, at the same
//! heap in use (85–98 MiB) and ingest rate; free but resident memory in
//! the arenas went from ~75 to ~45 MiB.
//!
//! And it limits glibc to one arena per core ([`arena_limit`]; glibc's
//! default is eight per core). Every thread that allocates (tokio's
//! workers, the reader pool, the preparation pool, the rebuild threads)
//! otherwise ends up with an arena of its own, and each keeps what its
//! thread freed. Measured with the load generator (90 s of POST at
//! 100,000+ articles, resident memory every 10 s, MiB): 97 103 106 109 110
//! 111 113 113 with glibc's default; 95 98 102 104 105 105 106 107 with the
//! cap set here (1,540 articles/s); 89 95 96 100 100 101 101 101 with
//! `MALLOC_ARENA_MAX=2` in the environment, which also caps the arenas
//! made before the server starts. Heap in use was the same (72–79 MiB).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How often resident memory is read.
const PERIOD: Duration = Duration::from_secs(1);
/// Growth of resident memory since the last trim that triggers a trim.
const GROWTH: u64 = 8 << 20;
/// Blocks at least this large get their own mapping, returned to the
/// system when freed (glibc's initial default, kept fixed).
const MMAP_THRESHOLD: i32 = 256 << 10;

/// Start the thread; it ends within [`PERIOD`] of `stop` becoming true.
pub(crate) fn spawn_releaser(stop: Arc<AtomicBool>) {
    if !supported() {
        return;
    }
    tune_allocator();
    let spawned = std::thread::Builder::new()
        .name("crosscheck-release".into())
        .spawn(move || {
            let mut floor = resident_bytes().unwrap_or(0);
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(PERIOD);
                let Some(now) = resident_bytes() else {
                    return;
                };
                if now > floor + GROWTH {
                    release();
                    floor = resident_bytes().unwrap_or(now);
                } else {
                    // Memory given back by other means lowers the mark.
                    floor = floor.min(now);
                }
            }
        });
    if let Err(e) = spawned {
        // Not fatal: the server works, its memory is only less tidy.
        eprintln!("crosscheck: cannot start the memory release thread: {e}");
    }
}

/// Whether [`release`] does anything here.
fn supported() -> bool {
    cfg!(all(target_os = "linux", target_env = "gnu"))
}

#[cfg_attr(not(all(target_os = "linux", target_env = "gnu")), allow(dead_code))]
/// How many arenas glibc may make: one per core the process may run on
/// (at least 2), instead of glibc's eight per core.
fn arena_limit() -> i32 {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 64) as i32
}

/// Fix glibc's mmap threshold and arena limit (see the module's
/// documentation).
pub(crate) fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: as for `M_MMAP_THRESHOLD` below: two plain integers, no memory
    // of ours touched, thread-safe. `M_ARENA_MAX` only caps how many arenas
    // glibc creates from now on (threads beyond the cap share existing
    // arenas, each guarded by its own lock); arenas and blocks that already
    // exist are untouched. glibc reads the cap when it next needs an arena.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arena_limit());
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` takes two plain integers and touches no memory of
    // ours; it is thread-safe (it takes the main arena's lock) and
    // `M_MMAP_THRESHOLD` only changes where later large blocks are
    // allocated, never a block already handed out. glibc is the allocator
    // this process links on this target. It returns 0 on a rejected value
    // (ours is within glibc's bounds), which would only leave the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// Hand the allocator's free pages back to the system.
pub(crate) fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` takes a plain integer (the bytes to keep at the
    // top of the main heap), touches no memory of ours and is thread-safe
    // (it locks each arena while trimming it); glibc is the allocator this
    // process links on this target.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The process's resident memory (`VmRSS` of `/proc/self/status`).
pub(crate) fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_memory_is_read_and_release_returns_freed_pages() {
        if !supported() {
            return;
        }
        let before = resident_bytes().expect("VmRSS readable on Linux");
        assert!(before > 0);
        // Many mid-sized blocks (below glibc's mmap threshold, so they live
        // in the heap), every other one kept: the freed half cannot be
        // trimmed from the top of the heap, only from its interior.
        let mut blocks: Vec<Vec<u8>> = (0..4096).map(|i| vec![i as u8; 32 * 1024]).collect();
        let mut kept = Vec::new();
        for (i, b) in blocks.drain(..).enumerate() {
            if i % 2 == 0 {
                kept.push(b);
            }
        }
        let held = resident_bytes().unwrap();
        release();
        let after = resident_bytes().unwrap();
        // About 64 MiB are still kept and 64 MiB were freed. Tests run in
        // parallel in this process, so either reading may move with them:
        // another test's release thread may already have trimmed this heap
        // before `held` was read (then `after` is near `before` plus the
        // kept half), or other tests may have grown the process meanwhile
        // (then `after` is well below `held`). If release returned nothing,
        // neither holds.
        let returned = held.saturating_sub(after) >= 16 << 20;
        assert!(
            returned || after < before + (96 << 20),
            "release should return most of the ~64 MiB freed: {before} -> {held} -> {after}"
        );
        drop(kept);
    }
}
