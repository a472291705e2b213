//! The bounded ingest queue, its single writer thread (group commit) and
//! the background thread that rebuilds dirty stories.
//!
//! A request's articles are *prepared* (cleaned, analysed, hashed: the
//! CPU-heavy part of ingest, [`Store::prepare`]) on the blocking pool, at
//! most `prepare_threads` requests at a time, before they reach the writer;
//! the writer thread only runs the transactions
//! ([`Store::ingest_prepared`]), so preparation of the next requests
//! overlaps the current commit and every core works.
//!
//! A commit stores articles and their story assignment and marks the
//! stories dirty; a separate thread rebuilds dirty stories (facts,
//! cross-check, brief) whenever there are any, reading them on a read
//! connection and taking the write lock only to write them, so ingest
//! never waits for a rebuild's CPU work. While articles keep arriving
//! (a commit in the last [`INGEST_BUSY`]) stories are built on threads of
//! lower scheduling priority, so ingest comes first and rebuilds get what
//! it leaves; otherwise on threads of normal priority, sharing the CPU with
//! reads. A story that receives many articles in a burst is rebuilt once
//! it is read after the burst. The backlog of dirty
//! stories lives in the database (a mark per story), never in memory, and
//! each rebuild round reads a bounded number of stories, so memory does not
//! grow with the backlog.
//!
//! Commits do not copy the write-ahead log back into the database
//! themselves (SQLite's automatic checkpoint, which ran inside the commit
//! that crossed its threshold): a checkpoint thread does it every
//! [`CHECKPOINT_PERIOD`], beside the writer (`Store::checkpoint`, which
//! also empties the log once it passes `StoreOptions::max_log_pages`:
//! under continuous commits and reads the log never restarts by itself,
//! and grew by ~70 MB/s, its mapped index by ~8 MiB a minute).
//!
//! The queue is bounded twice: in requests (`capacity`, counting those
//! being prepared) and in bytes (`max_bytes`): a request is charged its
//! body's size when it is accepted and its prepared articles' size once
//! prepared, until its transaction is done, so a burst of large requests
//! cannot hold more than about `max_bytes` of articles in memory.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crosscheck_ingest::Batch;
use crosscheck_store::{IngestSummary, PreparedBatch, Store};
use tokio::sync::{mpsc, oneshot, Semaphore};

/// Dirty stories rebuilt per round (in parallel, one transaction).
const REBUILD_ROUND: usize = 4;
/// How long the rebuild thread sleeps when nothing is dirty, unless a
/// commit wakes it first.
const REBUILD_NAP: Duration = Duration::from_secs(1);
/// Scheduling niceness of the threads that build stories while ingest is
/// busy (Linux): ingest runs first; rebuilds get what it leaves plus a
/// small share (CFS weight 110 against 1,024 for a normal thread), so they
/// keep going, just slower.
const REBUILD_NICE: i32 = 10;
/// Ingest counts as busy this long after a commit.
const INGEST_BUSY: Duration = Duration::from_millis(200);
/// How often the checkpoint thread copies the write-ahead log into the
/// database.
const CHECKPOINT_PERIOD: Duration = Duration::from_millis(250);

/// What the writer answers for one request.
pub(crate) type Reply = Result<IngestSummary, String>;

/// Requests charged (being prepared, queued or being stored), over every
/// queue of the process; see [`in_flight`].
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
/// Bytes those requests are charged.
static IN_FLIGHT_BYTES: AtomicUsize = AtomicUsize::new(0);

/// Ingest requests in flight in this process (being prepared, waiting for
/// the writer or being stored) and the bytes they are charged (request
/// bodies until prepared, then prepared articles), over every queue.
pub fn in_flight() -> (usize, usize) {
    (
        IN_FLIGHT.load(Ordering::Relaxed),
        IN_FLIGHT_BYTES.load(Ordering::Relaxed),
    )
}

/// Bytes charged against the queue's budget, given back when dropped.
struct Charge {
    queued: Arc<AtomicUsize>,
    bytes: usize,
}

impl Charge {
    /// Charge `bytes` unless that would pass `max` (a single charge larger
    /// than `max` is accepted when nothing else is charged).
    fn take(queued: &Arc<AtomicUsize>, bytes: usize, max: usize) -> Option<Charge> {
        let before = queued.fetch_add(bytes, Ordering::AcqRel);
        if before > 0 && before + bytes > max {
            queued.fetch_sub(bytes, Ordering::AcqRel);
            return None;
        }
        IN_FLIGHT.fetch_add(1, Ordering::Relaxed);
        IN_FLIGHT_BYTES.fetch_add(bytes, Ordering::Relaxed);
        Some(Charge {
            queued: queued.clone(),
            bytes,
        })
    }

    /// Change the charge to `bytes` (no limit check: what is charged is
    /// already in memory).
    fn set(&mut self, bytes: usize) {
        if bytes >= self.bytes {
            self.queued.fetch_add(bytes - self.bytes, Ordering::AcqRel);
            IN_FLIGHT_BYTES.fetch_add(bytes - self.bytes, Ordering::Relaxed);
        } else {
            self.queued.fetch_sub(self.bytes - bytes, Ordering::AcqRel);
            IN_FLIGHT_BYTES.fetch_sub(self.bytes - bytes, Ordering::Relaxed);
        }
        self.bytes = bytes;
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        self.queued.fetch_sub(self.bytes, Ordering::AcqRel);
        IN_FLIGHT.fetch_sub(1, Ordering::Relaxed);
        IN_FLIGHT_BYTES.fetch_sub(self.bytes, Ordering::Relaxed);
    }
}

struct Job {
    batch: PreparedBatch,
    /// Released once the batch's transaction is done.
    charge: Charge,
    reply: oneshot::Sender<Reply>,
}

/// A handle to the writer thread: cheap to clone, bounded.
#[derive(Clone)]
pub struct IngestQueue {
    tx: mpsc::Sender<Job>,
    /// Bytes of the requests being prepared, queued or being stored.
    queued: Arc<AtomicUsize>,
    max_bytes: usize,
    store: Arc<Store>,
    /// Bounds the requests being prepared at once.
    preparing: Arc<Semaphore>,
}

/// The queue is full: the caller should retry later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

/// How to run an [`IngestQueue`].
#[derive(Debug, Clone)]
pub struct QueueConfig {
    /// Requests that may be prepared or wait for the writer at once.
    pub capacity: usize,
    /// Articles after which the writer stops adding waiting requests to a
    /// transaction.
    pub max_articles: usize,
    /// Bytes of waiting requests past which new ones are refused.
    pub max_bytes: usize,
    /// Requests prepared at once (threads of the blocking pool).
    pub prepare_threads: usize,
    /// Threads that build dirty stories (at a lower priority).
    pub rebuild_threads: usize,
    /// Start the companion thread that hands freed heap memory back to the
    /// system (see [`crate::memory`]).
    pub release_memory: bool,
}

impl IngestQueue {
    /// Start the writer thread, the rebuild thread and (with
    /// `release_memory`) the memory release thread for `store`. Call it
    /// inside a tokio runtime (requests are prepared on its blocking pool).
    /// The threads end when every handle is gone.
    pub fn start(store: Arc<Store>, config: &QueueConfig) -> Self {
        let (tx, mut rx) = mpsc::channel::<Job>(config.capacity.max(1));
        let stop = Arc::new(AtomicBool::new(false));
        if config.release_memory {
            crate::memory::spawn_releaser(stop.clone());
        }
        let epoch = Instant::now();
        // Milliseconds after `epoch` of the latest commit.
        let last_commit = Arc::new(AtomicU64::new(0));
        let rebuilder = spawn_rebuilder(
            store.clone(),
            config.rebuild_threads,
            stop.clone(),
            epoch,
            last_commit.clone(),
        );
        spawn_checkpointer(store.clone(), stop.clone());
        let writer_store = store.clone();
        let max_articles = config.max_articles;
        std::thread::Builder::new()
            .name("crosscheck-writer".into())
            .spawn(move || {
                let store = writer_store;
                while let Some(first) = rx.blocking_recv() {
                    let mut total = first.batch.len();
                    let mut jobs = vec![first];
                    while total < max_articles {
                        match rx.try_recv() {
                            Ok(job) => {
                                total += job.batch.len();
                                jobs.push(job);
                            }
                            Err(_) => break,
                        }
                    }
                    let mut batches = Vec::with_capacity(jobs.len());
                    let mut charges = Vec::with_capacity(jobs.len());
                    let mut replies = Vec::with_capacity(jobs.len());
                    for j in jobs {
                        batches.push(j.batch);
                        charges.push(j.charge);
                        replies.push(j.reply);
                    }
                    let result = store.ingest_prepared(batches);
                    // The batches are consumed: their memory is free.
                    drop(charges);
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
                    last_commit.store(epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
                    if let Some(r) = &rebuilder {
                        r.unpark();
                    }
                }
                stop.store(true, Ordering::Relaxed);
                if let Some(r) = &rebuilder {
                    r.unpark();
                }
            })
            .expect("spawn the writer thread");
        IngestQueue {
            tx,
            queued: Arc::new(AtomicUsize::new(0)),
            max_bytes: config.max_bytes,
            store,
            preparing: Arc::new(Semaphore::new(config.prepare_threads.max(1))),
        }
    }

    /// Prepare `batch` (charged `bytes`, its request body's size, against
    /// the byte budget until prepared, then its prepared size) and queue it
    /// for the writer; the receiver gets the outcome once it committed (or
    /// failed). Fails at once when the queue is full. Cancel-safe: a
    /// request dropped while waiting gives its charge and slot back.
    pub(crate) async fn submit(
        &self,
        batch: Batch,
        bytes: usize,
    ) -> Result<oneshot::Receiver<Reply>, QueueFull> {
        let mut charge = Charge::take(&self.queued, bytes, self.max_bytes).ok_or(QueueFull)?;
        // A slot in the writer's channel, held while preparing, so a
        // prepared batch always has room.
        let slot = self.tx.clone().try_reserve_owned().map_err(|_| QueueFull)?;
        let (reply, rx) = oneshot::channel();
        let turn = self
            .preparing
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let store = self.store.clone();
        // The turn is held by the preparation itself, so it stays bounded
        // even when the request is dropped (a blocking task runs to its end).
        let prepared = tokio::task::spawn_blocking(move || {
            let _turn = turn;
            store.prepare(batch)
        })
        .await;
        match prepared {
            Ok(batch) => {
                charge.set(batch.heap_bytes());
                slot.send(Job {
                    batch,
                    charge,
                    reply,
                });
            }
            Err(e) => {
                let _ = reply.send(Err(format!("preparing the articles failed: {e}")));
            }
        }
        Ok(rx)
    }

    /// Bytes of request bodies and prepared articles waiting or being
    /// stored.
    pub fn queued_bytes(&self) -> usize {
        self.queued.load(Ordering::Acquire)
    }
}

/// Start the rebuild thread: it rebuilds dirty stories, a round at a time,
/// until none is dirty, then sleeps until a commit wakes it (or
/// [`REBUILD_NAP`] passes). Each round builds on one of two pools of
/// `threads` threads: low-priority ones while ingest is busy (a commit at
/// `last_commit`, in milliseconds after `epoch`, less than
/// [`INGEST_BUSY`] ago), normal ones otherwise. Returns the thread's handle
/// for waking it, or `None` if it could not start (then stories stay dirty,
/// served stale, until another process rebuilds them).
fn spawn_rebuilder(
    store: Arc<Store>,
    threads: usize,
    stop: Arc<AtomicBool>,
    epoch: Instant,
    last_commit: Arc<AtomicU64>,
) -> Option<std::thread::Thread> {
    let spawned = std::thread::Builder::new()
        .name("crosscheck-rebuild".into())
        .spawn(move || {
            let pools = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .thread_name(|i| format!("crosscheck-bg-{i}"))
                .start_handler(|_| lower_priority())
                .build()
                .and_then(|background| {
                    let foreground = rayon::ThreadPoolBuilder::new()
                        .num_threads(threads.max(1))
                        .thread_name(|i| format!("crosscheck-build-{i}"))
                        .build()?;
                    Ok((background, foreground))
                });
            let (background, foreground) = match pools {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("crosscheck: cannot start the rebuild threads: {e}");
                    return;
                }
            };
            while !stop.load(Ordering::Relaxed) {
                let since_commit = (epoch.elapsed().as_millis() as u64)
                    .saturating_sub(last_commit.load(Ordering::Relaxed));
                let busy = since_commit < INGEST_BUSY.as_millis() as u64;
                let pool = if busy { &background } else { &foreground };
                match pool.install(|| store.rebuild_dirty(REBUILD_ROUND)) {
                    Ok(n) if n > 0 => continue,
                    Ok(_) => {}
                    Err(e) => eprintln!("crosscheck: rebuilding stories failed: {e}"),
                }
                std::thread::park_timeout(REBUILD_NAP);
            }
        });
    match spawned {
        Ok(h) => Some(h.thread().clone()),
        Err(e) => {
            eprintln!("crosscheck: cannot start the rebuild thread: {e}");
            None
        }
    }
}

/// Start the thread that checkpoints the write-ahead log every
/// [`CHECKPOINT_PERIOD`] (see `Store::set_auto_checkpoint`): commits then
/// never copy the log themselves, so the writer thread only writes. When
/// `stop` is set it turns the store's automatic checkpoint back on and
/// ends. If the thread cannot start, commits keep checkpointing.
fn spawn_checkpointer(store: Arc<Store>, stop: Arc<AtomicBool>) {
    if let Err(e) = store.set_auto_checkpoint(false) {
        eprintln!("crosscheck: cannot turn off automatic checkpoints: {e}");
        return;
    }
    let thread_store = store.clone();
    let spawned = std::thread::Builder::new()
        .name("crosscheck-checkpoint".into())
        .spawn(move || {
            let store = thread_store;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(CHECKPOINT_PERIOD);
                if let Err(e) = store.checkpoint() {
                    eprintln!("crosscheck: checkpoint failed: {e}");
                }
            }
            if let Err(e) = store.set_auto_checkpoint(true) {
                eprintln!("crosscheck: cannot turn automatic checkpoints back on: {e}");
            }
            let _ = store.checkpoint();
        });
    if let Err(e) = spawned {
        eprintln!("crosscheck: cannot start the checkpoint thread: {e}");
        let _ = store.set_auto_checkpoint(true);
    }
}

/// Lower the calling thread's scheduling priority to [`REBUILD_NICE`]
/// (Linux: niceness is per thread); elsewhere, nothing.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `gettid` takes no argument and cannot fail;
        // `setpriority` only reads its integer arguments. Raising one's
        // own niceness needs no privilege; a failure leaves the priority
        // as it was, which is harmless.
        unsafe {
            let tid = libc::gettid();
            libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, REBUILD_NICE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::{Body, RawArticle};

    /// A queue with no writer behind it (the receiver is only held), so
    /// nothing is taken off while the test fills it.
    fn idle_queue(
        capacity: usize,
        max_bytes: usize,
        preparers: usize,
    ) -> (IngestQueue, mpsc::Receiver<Job>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open(dir.path().join("q.db")).unwrap());
        let (tx, rx) = mpsc::channel(capacity);
        let q = IngestQueue {
            tx,
            queued: Arc::new(AtomicUsize::new(0)),
            max_bytes,
            store,
            preparing: Arc::new(Semaphore::new(preparers)),
        };
        (q, rx, dir)
    }

    fn one_article(id: &str) -> Batch {
        Batch {
            articles: vec![RawArticle {
                id: id.into(),
                origin: format!("{id}.txt"),
                source: Some("Wire".into()),
                title: Some("Harbour strike ends".into()),
                url: None,
                published: Some("2024-03-01".into()),
                body: Body::Text(
                    "Dock workers ended a five-day strike on Friday after the port \
                     authority agreed to raise wages by 4 percent, a union spokesman said."
                        .into(),
                ),
            }],
            skipped: Vec::new(),
        }
    }

    #[test]
    fn the_byte_budget_bounds_what_is_charged() {
        let queued = Arc::new(AtomicUsize::new(0));
        // A single charge larger than the budget is taken when nothing is.
        let big = Charge::take(&queued, 1_500, 1_000).expect("alone");
        assert!(Charge::take(&queued, 10, 1_000).is_none());
        assert_eq!(queued.load(Ordering::Acquire), 1_500);
        // Once released, the budget is free again.
        drop(big);
        let a = Charge::take(&queued, 600, 1_000).unwrap();
        let mut b = Charge::take(&queued, 300, 1_000).unwrap();
        assert!(Charge::take(&queued, 200, 1_000).is_none(), "1,100 > 1,000");
        assert_eq!(queued.load(Ordering::Acquire), 900);
        b.set(50);
        assert_eq!(queued.load(Ordering::Acquire), 650);
        b.set(120);
        assert_eq!(queued.load(Ordering::Acquire), 720);
        drop((a, b));
        assert_eq!(queued.load(Ordering::Acquire), 0);
    }

    #[tokio::test]
    async fn the_request_count_bounds_what_waits() {
        let (q, _rx, _dir) = idle_queue(2, usize::MAX, 2);
        assert!(q.submit(Batch::default(), 1).await.is_ok());
        assert!(q.submit(Batch::default(), 1).await.is_ok());
        let before = q.queued_bytes();
        assert!(q.submit(Batch::default(), 1).await.is_err());
        // A refused request is not charged.
        assert_eq!(q.queued_bytes(), before);
    }

    #[tokio::test]
    async fn a_prepared_request_is_charged_its_prepared_size_until_stored() {
        let (q, mut rx, _dir) = idle_queue(4, usize::MAX, 1);
        let _reply = q.submit(one_article("a1"), 7).await.unwrap();
        let job = rx.try_recv().expect("queued once prepared");
        assert_eq!(job.batch.len(), 1);
        let size = job.batch.heap_bytes();
        assert!(size > 100, "{size}");
        assert_eq!(q.queued_bytes(), size);
        // What the writer does once the transaction is done.
        drop(job);
        assert_eq!(q.queued_bytes(), 0);
    }

    #[tokio::test]
    async fn a_request_dropped_while_waiting_to_be_prepared_gives_its_charge_back() {
        // No preparer is free: the request waits.
        let (q, mut rx, _dir) = idle_queue(1, usize::MAX, 0);
        let waiting = tokio::time::timeout(
            Duration::from_millis(50),
            q.submit(one_article("a2"), 1_000),
        )
        .await;
        assert!(waiting.is_err(), "it cannot have been prepared");
        assert_eq!(q.queued_bytes(), 0);
        assert!(rx.try_recv().is_err());
        // Its slot in the channel is free again.
        q.preparing.add_permits(1);
        assert!(q.submit(one_article("a3"), 1_000).await.is_ok());
        assert_eq!(rx.try_recv().unwrap().batch.len(), 1);
    }
}
