//! The crosscheck server: a JSON HTTP API over a [`crosscheck_store::Store`]
//! and the web page that reads it, served by one binary.
//!
//! Articles arrive with `POST /api/articles` (one JSON object, an array, JSON
//! Lines, or a raw text/HTML body), are prepared (cleaned, analysed,
//! hashed) on the blocking pool, a few requests at a time, and go through a
//! **bounded ingest queue** to a single writer thread. The writer takes
//! every request waiting in the queue and stores them in one transaction
//! (group commit), so many small requests cost about as much as one large
//! one, and the next requests are prepared while it commits; a request is
//! answered only after its transaction committed, so "stored" in a response
//! means on disk. When the queue is full (in requests or in bytes) the
//! server answers `503` with `Retry-After` instead of buffering without
//! bound.
//!
//! A commit stores the articles and their story assignment; a background
//! thread at a lower scheduling priority rebuilds each touched story's
//! facts and brief afterwards, once for all the articles that joined it
//! meanwhile, without holding up commits. Until then
//! `GET /api/stories/{id}` serves the story as last built with the header
//! `X-Crosscheck-Stale: true` ([`STALE_HEADER`]).
//!
//! Memory stays flat under sustained load: the rebuild backlog is a mark
//! per story in the database, each rebuild round reads a bounded number of
//! stories, the queue is bounded, the store keeps the stories' clustering
//! state within a budget (`StoreOptions::max_index_bytes`, in
//! [`ServerConfig::store`]), reads run on a fixed set of threads and
//! connections, and freed heap memory is handed back to the system
//! ([`ServerConfig::release_memory`]).
//!
//! Reads (`GET /api/stories`, `/api/stories/{id}`, `/api/articles/{id}`,
//! `/api/search`) run on a fixed set of read threads
//! ([`ServerConfig::max_concurrent_reads`]) against pooled read
//! connections (SQLite in WAL mode: reads never wait for the writer).
//!
//! The web page (`/`) is three static files compiled into the binary
//! (`include_str!`), with no build step. It builds every element with DOM
//! calls and puts article text in with `textContent`, never as HTML; the
//! `Content-Security-Policy` header allows scripts only from the server's
//! own files, so even a successful injection could not run inline script.
//!
//! Safety defaults: loopback address; a request body limit
//! ([`ServerConfig::max_body_bytes`]); a per-request timeout; an optional
//! bearer token required for every write (and mandatory when binding to a
//! non-loopback address). The API is described by an OpenAPI 3.1 document at
//! `/api/openapi.json`; a test keeps it and the router in step ([`ROUTES`]).
//!
//! ```no_run
//! # async fn run() -> Result<(), crosscheck_server::ServerError> {
//! use crosscheck_server::{serve, ServerConfig};
//! serve(ServerConfig { token: Some("s3cret".into()), ..ServerConfig::default() }).await
//! # }
//! ```

mod api;
mod memory;
mod queue;
mod reads;
pub mod xss;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use crosscheck_store::{Store, StoreOptions};

pub use api::{ROUTES, STALE_HEADER};

/// Fix glibc's mmap threshold and cap its arenas at one per core (see the
/// `memory` module; nothing happens with other allocators). The server
/// does this when it starts; a program that creates threads before that
/// (a runtime, a thread pool, the store) should call it first thing, so
/// the cap covers those threads too. Calling it again changes nothing.
pub fn tune_allocator() {
    memory::tune_allocator();
}
pub use queue::{in_flight, IngestQueue, QueueConfig};

/// The page, its script and its style sheet, compiled in.
pub(crate) const INDEX_HTML: &str = include_str!("../static/index.html");
pub(crate) const APP_JS: &str = include_str!("../static/app.js");
pub(crate) const APP_CSS: &str = include_str!("../static/app.css");
/// The OpenAPI document served at `/api/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("../static/openapi.json");

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// Database file (default `crosscheck.db`), created when missing.
    pub db: PathBuf,
    /// Bearer token required by write endpoints (`Authorization: Bearer …`).
    /// Required when `addr` is not a loopback address.
    pub token: Option<String>,
    /// Largest request body accepted, in bytes (default 8 MiB).
    pub max_body_bytes: usize,
    /// Longest a request may take before it is answered `408` (default 30 s).
    pub request_timeout: Duration,
    /// Ingest requests that may wait for the writer (default 256).
    pub queue_capacity: usize,
    /// Most articles stored in one group-commit transaction (default 2,000).
    pub max_articles_per_commit: usize,
    /// Most bytes of request bodies waiting for the writer (default
    /// 64 MiB); past that, ingest requests are answered `503`.
    pub queue_max_bytes: usize,
    /// Threads that run reads (`GET` requests' database work), each with a
    /// pooled read connection (default: twice the available cores, between
    /// 2 and 8). Bounds the threads, connections and memory that reads use;
    /// further reads wait their turn.
    pub max_concurrent_reads: usize,
    /// Requests whose articles are prepared (cleaned, analysed, hashed)
    /// at once, on the blocking pool, ahead of the writer thread (default:
    /// the available cores, at least 2).
    pub prepare_threads: usize,
    /// Threads that rebuild dirty stories (default: the available cores);
    /// while articles keep arriving they run at a lower scheduling
    /// priority than ingest.
    pub rebuild_threads: usize,
    /// Hand freed heap memory back to the system when resident memory
    /// grows (glibc keeps freed memory in per-thread arenas; see
    /// `memory.rs`). Default true; a no-op off Linux/glibc.
    pub release_memory: bool,
    /// Options for the store.
    pub store: StoreOptions,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            db: PathBuf::from("crosscheck.db"),
            token: None,
            max_body_bytes: 8 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            queue_capacity: 256,
            max_articles_per_commit: 2_000,
            queue_max_bytes: 64 << 20,
            release_memory: true,
            prepare_threads: std::thread::available_parallelism().map_or(2, |n| n.get().max(2)),
            rebuild_threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            max_concurrent_reads: std::thread::available_parallelism()
                .map_or(4, |n| (2 * n.get()).clamp(2, 8)),
            store: StoreOptions::default(),
        }
    }
}

/// Why the server could not start or stopped.
#[derive(Debug)]
pub enum ServerError {
    /// The store could not be opened.
    Store(crosscheck_store::Error),
    /// Binding or serving failed.
    Io(std::io::Error),
    /// The configuration is refused (the message says why).
    Config(String),
}

impl std::fmt::Display for ServerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServerError::Store(e) => write!(f, "cannot open the store: {e}"),
            ServerError::Io(e) => write!(f, "server I/O error: {e}"),
            ServerError::Config(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ServerError {}

impl From<std::io::Error> for ServerError {
    fn from(e: std::io::Error) -> Self {
        ServerError::Io(e)
    }
}

/// The router for `store` with the limits and token of `config` (its
/// `addr` and `db` are not used). Starts the writer and rebuild threads;
/// they stop when the router and every clone of it are dropped. Call it
/// inside a tokio runtime.
pub fn app(store: Arc<Store>, config: &ServerConfig) -> Router {
    let queue = IngestQueue::start(
        store.clone(),
        &QueueConfig {
            capacity: config.queue_capacity,
            max_articles: config.max_articles_per_commit,
            max_bytes: config.queue_max_bytes,
            prepare_threads: config.prepare_threads,
            rebuild_threads: config.rebuild_threads,
            release_memory: config.release_memory,
        },
    );
    api::router(api::AppState {
        store,
        queue,
        token: config.token.clone().map(Arc::from),
        max_body_bytes: config.max_body_bytes,
        request_timeout: config.request_timeout,
        reads: reads::ReadPool::new(config.max_concurrent_reads),
    })
}

/// Check `config`: a non-loopback address needs a token.
pub fn validate(config: &ServerConfig) -> Result<(), ServerError> {
    if !config.addr.ip().is_loopback() && config.token.as_deref().is_none_or(str::is_empty) {
        return Err(ServerError::Config(format!(
            "refusing to listen on {} (not loopback) without a token: \
             anyone who can reach it could write to the store. \
             Set a bearer token or bind to 127.0.0.1.",
            config.addr
        )));
    }
    Ok(())
}

/// Open the store, bind `config.addr` and serve until Ctrl-C (async: call
/// it inside a tokio runtime; see [`serve_blocking`] otherwise). Prints the
/// address it listens on to standard error.
pub async fn serve(config: ServerConfig) -> Result<(), ServerError> {
    validate(&config)?;
    let db = config.db.clone();
    let options = config.store.clone();
    let store = tokio::task::spawn_blocking(move || Store::open_with(&db, options))
        .await
        .map_err(|e| ServerError::Config(format!("store open task failed: {e}")))?
        .map_err(ServerError::Store)?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    eprintln!(
        "crosscheck: serving {} on http://{}/",
        config.db.display(),
        listener.local_addr()?
    );
    serve_on(listener, Arc::new(store), &config).await
}

/// Serve `store` on an already bound listener until Ctrl-C.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    store: Arc<Store>,
    config: &ServerConfig,
) -> Result<(), ServerError> {
    let app = app(store, config);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// [`serve`] on a new multi-threaded tokio runtime, blocking the caller
/// (for a synchronous `main`, such as the CLI's).
pub fn serve_blocking(config: ServerConfig) -> Result<(), ServerError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(config))
}
