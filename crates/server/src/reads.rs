//! A fixed set of threads for the store's reads.
//!
//! Reads (`GET` requests' database work) block, so they cannot run on the
//! async workers. They used to go to tokio's blocking pool, which starts a
//! new thread whenever a task finds none idle; a thread that just finished
//! is not yet idle when the next task arrives, so under load on busy cores
//! the pool grew to ~60–70 threads (seen with the load generator), each
//! with its stack, its allocator arena (glibc gives threads separate
//! arenas, which keep freed memory) and its read connection, and resident
//! memory grew with them. A fixed number of threads bounds all three.
//! SQLite reads are CPU-bound, so a few per core is all that helps.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

/// A handle to the read threads: cheap to clone; the threads end when the
/// last handle is dropped.
#[derive(Clone)]
pub(crate) struct ReadPool {
    tx: mpsc::Sender<Job>,
}

/// The read threads have stopped (a job panicked its thread away or the
/// pool is shutting down).
#[derive(Debug)]
pub(crate) struct Stopped;

impl ReadPool {
    /// Start `threads` (at least 1) read threads.
    pub(crate) fn new(threads: usize) -> Self {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads.max(1) {
            let rx = rx.clone();
            std::thread::Builder::new()
                .name(format!("crosscheck-read-{i}"))
                .spawn(move || loop {
                    // The lock is held only while waiting for a job, so
                    // one idle thread waits on the channel and the rest on
                    // the lock; the job runs without it.
                    let job = match rx.lock().unwrap_or_else(|p| p.into_inner()).recv() {
                        Ok(job) => job,
                        Err(_) => return,
                    };
                    // A panicking read must not take the thread with it.
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                })
                .expect("spawn a read thread");
        }
        ReadPool { tx }
    }

    /// Run `f` on a read thread and wait (asynchronously) for its result.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Stopped> {
        let (reply, rx) = tokio::sync::oneshot::channel();
        self.tx
            .send(Box::new(move || {
                let _ = reply.send(f());
            }))
            .map_err(|_| Stopped)?;
        rx.await.map_err(|_| Stopped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_on_a_bounded_set_of_threads() {
        let pool = ReadPool::new(2);
        let mut names = std::collections::BTreeSet::new();
        for _ in 0..50 {
            let name = pool
                .run(|| std::thread::current().name().map(str::to_owned))
                .await
                .unwrap();
            names.insert(name.unwrap());
        }
        assert!(!names.is_empty() && names.len() <= 2, "{names:?}");
        assert!(names.iter().all(|n| n.starts_with("crosscheck-read-")));
        // A panicking job reports an error and leaves the pool working.
        assert!(pool.run(|| -> u8 { panic!("boom") }).await.is_err());
        assert_eq!(pool.run(|| 7).await.unwrap(), 7);
    }
}
