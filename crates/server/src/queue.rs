//! The bounded ingest queue and its single writer thread (group commit).
//!
//! A commit stores articles and their story assignment and marks the
//! stories dirty; the thread rebuilds dirty stories (facts, cross-check,
//! brief) when the queue is idle, and a little under sustained load, so a
//! story that receives many articles in a burst is rebuilt once, after the
//! burst. The backlog of dirty stories lives in the database (a mark per
//! story), never in memory, and each rebuild round reads a bounded number
//! of stories, so the writer's memory does not grow with the backlog.
//!
//! The queue is bounded twice: in requests (`capacity`) and in bytes of
//! request bodies waiting (`max_bytes`), so a burst of large requests
//! cannot hold more than `max_bytes` of articles in memory.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crosscheck_ingest::Batch;
use crosscheck_store::{IngestSummary, Store};
use tokio::sync::{mpsc, oneshot};

/// Dirty stories rebuilt per round (in parallel).
const REBUILD_ROUND: usize = 4;
/// How long the queue must stay empty before rebuilds start.
const IDLE: Duration = Duration::from_millis(50);
/// How often an empty queue is checked while waiting for `IDLE`.
const POLL: Duration = Duration::from_millis(5);
/// Under sustained load, one rebuild round per this many commits.
const COMMITS_PER_ROUND: usize = 8;

/// What the writer answers for one request.
pub(crate) type Reply = Result<IngestSummary, String>;

struct Job {
    batch: Batch,
    /// What the request was charged against the byte budget.
    bytes: usize,
    reply: oneshot::Sender<Reply>,
}

/// A handle to the writer thread: cheap to clone, bounded.
#[derive(Clone)]
pub struct IngestQueue {
    tx: mpsc::Sender<Job>,
    /// Bytes of the requests queued or being stored.
    queued: Arc<AtomicUsize>,
    max_bytes: usize,
}

/// The queue is full: the caller should retry later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

impl IngestQueue {
    /// Start the writer thread for `store`. At most `capacity` requests
    /// wait, holding at most about `max_bytes` of request bodies (a single
    /// request larger than that is accepted only when nothing else is
    /// queued); each transaction takes waiting requests until it holds
    /// about `max_articles` articles. With `release_memory`, a companion
    /// thread hands freed heap memory back to the system (see
    /// [`crate::memory`]). The threads end when every handle is gone.
    pub fn start(
        store: Arc<Store>,
        capacity: usize,
        max_articles: usize,
        max_bytes: usize,
        release_memory: bool,
    ) -> Self {
        let (tx, mut rx) = mpsc::channel::<Job>(capacity.max(1));
        let queued = Arc::new(AtomicUsize::new(0));
        let in_writer = queued.clone();
        let stop = Arc::new(AtomicBool::new(false));
        if release_memory {
            crate::memory::spawn_releaser(stop.clone());
        }
        std::thread::Builder::new()
            .name("crosscheck-writer".into())
            .spawn(move || {
                // Ingest has priority: dirty stories are rebuilt once the
                // queue has stayed empty for `IDLE` (polled every `POLL`),
                // a round at a time so a new request waits at most one
                // round; under sustained load, one round every
                // `COMMITS_PER_ROUND` commits keeps the oldest from
                // waiting forever.
                let mut idle_since: Option<Instant> = None;
                let mut commits = 0usize;
                loop {
                    let first = match rx.try_recv() {
                        Ok(job) => job,
                        Err(mpsc::error::TryRecvError::Disconnected) => break,
                        Err(mpsc::error::TryRecvError::Empty) => {
                            let since = *idle_since.get_or_insert_with(Instant::now);
                            if since.elapsed() < IDLE {
                                std::thread::sleep(POLL);
                                continue;
                            }
                            match store.rebuild_dirty(REBUILD_ROUND) {
                                Ok(n) if n > 0 => continue,
                                Ok(_) => {}
                                Err(e) => eprintln!("crosscheck: rebuilding stories failed: {e}"),
                            }
                            // Nothing left to rebuild: sleep until a request.
                            match rx.blocking_recv() {
                                Some(job) => job,
                                None => break,
                            }
                        }
                    };
                    idle_since = None;
                    commits += 1;
                    if commits % COMMITS_PER_ROUND == 0 {
                        if let Err(e) = store.rebuild_dirty(REBUILD_ROUND) {
                            eprintln!("crosscheck: rebuilding stories failed: {e}");
                        }
                    }
                    let mut total = first.batch.articles.len();
                    let mut jobs = vec![first];
                    while total < max_articles {
                        match rx.try_recv() {
                            Ok(job) => {
                                total += job.batch.articles.len();
                                jobs.push(job);
                            }
                            Err(_) => break,
                        }
                    }
                    let bytes: usize = jobs.iter().map(|j| j.bytes).sum();
                    let (batches, replies): (Vec<Batch>, Vec<_>) =
                        jobs.into_iter().map(|j| (j.batch, j.reply)).unzip();
                    let result = store.ingest_many(batches);
                    // The batches are consumed: their memory is free.
                    in_writer.fetch_sub(bytes, Ordering::AcqRel);
                    match result {
                        Ok(summaries) => {
                            for (reply, s) in replies.into_iter().zip(summaries) {
                                let _ = reply.send(Ok(s));
                            }
                        }
                        Err(e) => {
                            for reply in replies {
                                let _ = reply.send(Err(e.to_string()));
                            }
                        }
                    }
                }
                stop.store(true, Ordering::Relaxed);
            })
            .expect("spawn the writer thread");
        IngestQueue {
            tx,
            queued,
            max_bytes,
        }
    }

    /// Queue `batch`, charged `bytes` (its request body's size) against the
    /// byte budget; the receiver gets the outcome once it committed (or
    /// failed). Fails at once when the queue is full.
    pub(crate) fn submit(
        &self,
        batch: Batch,
        bytes: usize,
    ) -> Result<oneshot::Receiver<Reply>, QueueFull> {
        let before = self.queued.fetch_add(bytes, Ordering::AcqRel);
        if before > 0 && before + bytes > self.max_bytes {
            self.queued.fetch_sub(bytes, Ordering::AcqRel);
            return Err(QueueFull);
        }
        let (reply, rx) = oneshot::channel();
        if self
            .tx
            .try_send(Job {
                batch,
                bytes,
                reply,
            })
            .is_err()
        {
            self.queued.fetch_sub(bytes, Ordering::AcqRel);
            return Err(QueueFull);
        }
        Ok(rx)
    }

    /// Bytes of request bodies queued or being stored.
    pub fn queued_bytes(&self) -> usize {
        self.queued.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A queue with no writer behind it (the receiver is only held), so
    /// nothing is taken off while the test fills it.
    fn idle_queue(capacity: usize, max_bytes: usize) -> (IngestQueue, mpsc::Receiver<Job>) {
        let (tx, rx) = mpsc::channel(capacity);
        let q = IngestQueue {
            tx,
            queued: Arc::new(AtomicUsize::new(0)),
            max_bytes,
        };
        (q, rx)
    }

    #[test]
    fn the_byte_budget_bounds_what_waits() {
        let (q, mut rx) = idle_queue(16, 1_000);
        // A single request larger than the budget is taken when nothing waits.
        assert!(q.submit(Batch::default(), 1_500).is_ok());
        assert!(q.submit(Batch::default(), 10).is_err());
        assert_eq!(q.queued_bytes(), 1_500);
        // Once the writer has stored it, the budget is free again.
        let job = rx.try_recv().unwrap();
        q.queued.fetch_sub(job.bytes, Ordering::AcqRel);
        assert!(q.submit(Batch::default(), 600).is_ok());
        assert!(q.submit(Batch::default(), 300).is_ok());
        assert!(q.submit(Batch::default(), 200).is_err(), "1,100 > 1,000");
        assert_eq!(q.queued_bytes(), 900);
    }

    #[test]
    fn the_request_count_bounds_what_waits() {
        let (q, _rx) = idle_queue(2, usize::MAX);
        assert!(q.submit(Batch::default(), 1).is_ok());
        assert!(q.submit(Batch::default(), 1).is_ok());
        assert!(q.submit(Batch::default(), 1).is_err());
        // A refused request is not charged.
        assert_eq!(q.queued_bytes(), 2);
    }
}
