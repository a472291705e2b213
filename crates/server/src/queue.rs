//! The bounded ingest queue and its single writer thread (group commit).
//!
//! A commit stores articles and their story assignment and marks the
//! stories dirty; the thread rebuilds dirty stories (facts, cross-check,
//! brief) when the queue is idle, and a little under sustained load, so a
//! story that receives many articles in a burst is rebuilt once, after the
//! burst.

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
    reply: oneshot::Sender<Reply>,
}

/// A handle to the writer thread: cheap to clone, bounded.
#[derive(Clone)]
pub struct IngestQueue {
    tx: mpsc::Sender<Job>,
}

/// The queue is full: the caller should retry later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

impl IngestQueue {
    /// Start the writer thread for `store`. At most `capacity` requests
    /// wait; each transaction takes waiting requests until it holds about
    /// `max_articles` articles. The thread ends when every handle is gone.
    pub fn start(store: Arc<Store>, capacity: usize, max_articles: usize) -> Self {
        let (tx, mut rx) = mpsc::channel::<Job>(capacity.max(1));
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
                    let (batches, replies): (Vec<Batch>, Vec<_>) =
                        jobs.into_iter().map(|j| (j.batch, j.reply)).unzip();
                    match store.ingest_many(batches) {
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
            })
            .expect("spawn the writer thread");
        IngestQueue { tx }
    }

    /// Queue `batch`; the receiver gets the outcome once it committed (or
    /// failed). Fails at once when the queue is full.
    pub(crate) fn submit(&self, batch: Batch) -> Result<oneshot::Receiver<Reply>, QueueFull> {
        let (reply, rx) = oneshot::channel();
        self.tx
            .try_send(Job { batch, reply })
            .map_err(|_| QueueFull)?;
        Ok(rx)
    }
}
