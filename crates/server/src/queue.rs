//! The bounded ingest queue and its single writer thread (group commit).

use std::sync::Arc;

use crosscheck_ingest::Batch;
use crosscheck_store::{IngestSummary, Store};
use tokio::sync::{mpsc, oneshot};

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
                while let Some(first) = rx.blocking_recv() {
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
