//! Load generator: GET story latency and POST ingest throughput on loopback.
//!
//! Fills a store with synthetic articles (generated words only, see
//! `crosscheck_store::synth`), starts the server on 127.0.0.1 (an ephemeral
//! port) in this process, then runs two timed phases with a hyper client:
//!
//! 1. `POST /api/articles`: `--concurrency` clients each sending batches of
//!    `--batch` new articles, for `--seconds`;
//! 2. `GET /api/stories/{id}`: `--concurrency` clients fetching random
//!    stories, for `--seconds` (while the server rebuilds the stories phase
//!    1 left dirty; responses with `X-Crosscheck-Stale: true` are counted);
//!
//! then waits (at most 300 s) until no story is dirty.
//!
//! It prints throughput, latency percentiles and the process's resident
//! memory (`VmRSS`, sampled every second through all three phases): for
//! each phase its min, max and final value and a series of one sample
//! every 10 s, then the same for the whole run. Latencies go into a
//! fixed-size histogram, so the load generator's own memory does not grow
//! with the number of requests (it shares the process with the server).
//!
//! ```sh
//! cargo run --release -p crosscheck-server --example loadgen -- \
//!     --articles 100000 --seconds 60 --concurrency 8 --batch 50 --db /tmp/load.db
//! ```
//!
//! A `--db` that already holds `--articles` articles is reused (no refill).
//! `--release-memory false` turns off the server's return of freed heap
//! memory to the system (`ServerConfig::release_memory`), for comparison.
//! `--index-mib N` sets the store's memory budget for stories' clustering
//! state (`StoreOptions::max_index_bytes`). The store's in-memory index
//! sizes (`Store::index_stats`) are printed at the start and end of each
//! phase, and their estimated bytes sampled with the memory every 10 s.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use crosscheck_ingest::Batch;
use crosscheck_server::{serve_on, ServerConfig};
use crosscheck_store::{synth, Store, StoreOptions};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

const SEED: u64 = 2031;
/// Topics of the synthetic corpus: about five articles per story.
fn topics(n: usize) -> usize {
    (n / 5).max(1)
}

struct Args {
    articles: usize,
    seconds: u64,
    concurrency: usize,
    batch: usize,
    db: Option<std::path::PathBuf>,
    release_memory: bool,
    index_mib: Option<usize>,
    get_seconds: Option<u64>,
    drain_seconds: u64,
    cache_kib: Option<usize>,
}

fn args() -> Args {
    let mut a = Args {
        articles: 100_000,
        seconds: 60,
        concurrency: 8,
        batch: 50,
        db: None,
        release_memory: true,
        index_mib: None,
        get_seconds: None,
        drain_seconds: 300,
        cache_kib: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--articles" => a.articles = v.parse().expect("a number"),
            "--seconds" => a.seconds = v.parse::<u64>().expect("a number").clamp(1, 600),
            "--concurrency" => a.concurrency = v.parse::<usize>().expect("a number").max(1),
            "--batch" => a.batch = v.parse::<usize>().expect("a number").max(1),
            "--db" => a.db = Some(v.into()),
            "--release-memory" => a.release_memory = v.parse().expect("true or false"),
            "--index-mib" => a.index_mib = Some(v.parse().expect("a number")),
            "--get-seconds" => {
                a.get_seconds = Some(v.parse::<u64>().expect("a number").clamp(1, 600))
            }
            "--drain-seconds" => a.drain_seconds = v.parse().expect("a number"),
            "--cache-kib" => a.cache_kib = Some(v.parse().expect("a number")),
            _ => panic!("unknown option {k}"),
        }
    }
    a
}

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Latency histogram in constant memory: log-spaced buckets 1 % wide from
/// 1 µs to ~100 s. Hand-written (a few lines) rather than a dependency;
/// keeping every sample would make the client's memory grow by 8 bytes a
/// request, ~30 MiB over a three-minute GET phase, inside the very process
/// whose memory is measured.
#[derive(Clone)]
struct Hist {
    counts: Vec<u64>,
    n: u64,
    max: f64,
}

impl Hist {
    const MIN_MS: f64 = 1e-3;
    const GROWTH: f64 = 1.01;
    const BUCKETS: usize = 1900;

    fn new() -> Self {
        Hist {
            counts: vec![0; Self::BUCKETS],
            n: 0,
            max: 0.0,
        }
    }

    fn record(&mut self, ms: f64) {
        let i = if ms <= Self::MIN_MS {
            0
        } else {
            ((ms / Self::MIN_MS).ln() / Self::GROWTH.ln()).ceil() as usize
        };
        self.counts[i.min(Self::BUCKETS - 1)] += 1;
        self.n += 1;
        self.max = self.max.max(ms);
    }

    fn merge(&mut self, o: &Hist) {
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
        self.n += o.n;
        self.max = self.max.max(o.max);
    }

    /// The `p` quantile, as its bucket's upper bound (at most 1 % high).
    fn percentile(&self, p: f64) -> f64 {
        if self.n == 0 {
            return f64::NAN;
        }
        let rank = ((self.n as f64 - 1.0) * p).round() as u64;
        let mut seen = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen > rank {
                return (Self::MIN_MS * Self::GROWTH.powi(i as i32)).min(self.max);
            }
        }
        self.max
    }
}

/// One memory sample: phase, RSS, heap in use, SQLite's memory in use
/// (`sqlite3_memory_used`), and (every 10 s) the store's index bytes and
/// the ingest requests in flight (count, MiB charged) and the split of
/// resident memory (see [`Detail`]), sizes in MiB.
type Sample = (usize, f64, Option<f64>, Option<f64>, f64, Option<Detail>);

/// Sampled every 10 s: ingest requests in flight and MiB they are charged;
/// resident anonymous and file-backed memory (`RssAnon`, `RssFile` of
/// `/proc/self/status`); what the allocator holds from the system for its
/// heaps (`arena + hblkhd` of mallinfo2: in use plus free), in MiB.
type Detail = (usize, f64, f64, f64, Option<f64>);

fn status_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn sqlite_mib() -> f64 {
    crosscheck_store::sqlite_memory().used as f64 / 1048576.0
}

fn in_flight() -> Detail {
    let (n, bytes) = crosscheck_server::in_flight();
    (
        n,
        bytes as f64 / 1048576.0,
        status_mib("RssAnon:"),
        status_mib("RssFile:"),
        heap_held_mib(),
    )
}

/// Resident memory sampled every second, tagged with the phase running.
struct Memory {
    phase: Arc<AtomicUsize>,
    running: Arc<AtomicBool>,
    handle: std::thread::JoinHandle<Vec<Sample>>,
}

/// The store's in-memory index in MiB (its estimated bytes).
fn index_mib(store: &Store) -> f64 {
    let s = store.index_stats();
    (s.vocab_bytes + s.story_bytes + s.posting_bytes + s.scratch_bytes + s.common_bytes) as f64
        / 1048576.0
}

fn print_index(when: &str, store: &Store) {
    let s = store.index_stats();
    println!(
        "index {when}: {} terms, {} resident + {} cold stories, {} centroid entries, {} postings in {} lists, {} evictions, {} reloads, {} common terms ({} of {} lookups pruned); MiB: vocabulary {:.1}, stories {:.1}, postings {:.1}, scratch {:.1}, common {:.1}",
        s.terms,
        s.resident_stories,
        s.cold_stories,
        s.centroid_entries,
        s.postings,
        s.posting_lists,
        s.evictions,
        s.reloads,
        s.common_terms,
        s.pruned_lookups,
        s.common_lookups,
        s.vocab_bytes as f64 / 1048576.0,
        s.story_bytes as f64 / 1048576.0,
        s.posting_bytes as f64 / 1048576.0,
        s.scratch_bytes as f64 / 1048576.0,
        s.common_bytes as f64 / 1048576.0,
    );
}

const PHASES: [&str; 3] = ["POST", "GET + rebuild", "drain"];

impl Memory {
    fn start(store: Arc<Store>) -> Self {
        let phase = Arc::new(AtomicUsize::new(0));
        let running = Arc::new(AtomicBool::new(true));
        let (p, r) = (phase.clone(), running.clone());
        let handle = std::thread::spawn(move || {
            let mut v = Vec::with_capacity(1024);
            while r.load(Ordering::Relaxed) {
                let tenth = v.len() % 10 == 0;
                v.push((
                    p.load(Ordering::Relaxed),
                    rss_mib(),
                    heap_in_use_mib(),
                    tenth.then(|| index_mib(&store)),
                    sqlite_mib(),
                    tenth.then(in_flight),
                ));
                std::thread::sleep(Duration::from_secs(1));
            }
            v.push((
                p.load(Ordering::Relaxed),
                rss_mib(),
                heap_in_use_mib(),
                Some(index_mib(&store)),
                sqlite_mib(),
                Some(in_flight()),
            ));
            v
        });
        Memory {
            phase,
            running,
            handle,
        }
    }

    fn report(self) {
        self.running.store(false, Ordering::Relaxed);
        let v = self.handle.join().unwrap();
        let line = |name: &str, s: &[f64]| {
            if s.is_empty() {
                return;
            }
            let min = s.iter().copied().fold(f64::INFINITY, f64::min);
            let max = s.iter().copied().fold(0.0, f64::max);
            let series: Vec<String> = s.iter().step_by(10).map(|m| format!("{m:.0}")).collect();
            println!(
                "{name}: min {min:.0} MiB, max {max:.0} MiB, final {:.0} MiB ({} samples); every 10 s: {}",
                s[s.len() - 1],
                s.len(),
                series.join(" ")
            );
        };
        for (i, name) in PHASES.iter().enumerate() {
            let s: Vec<f64> = v.iter().filter(|x| x.0 == i).map(|x| x.1).collect();
            line(&format!("RSS {name}"), &s);
        }
        let all: Vec<f64> = v.iter().map(|x| x.1).collect();
        line("RSS whole run", &all);
        for (i, name) in PHASES.iter().enumerate() {
            let s: Vec<f64> = v.iter().filter(|x| x.0 == i).filter_map(|x| x.2).collect();
            line(&format!("heap in use (mallinfo2) {name}"), &s);
        }
        let heap: Vec<f64> = v.iter().filter_map(|x| x.2).collect();
        line("heap in use (mallinfo2), whole run", &heap);
        for (i, name) in PHASES.iter().enumerate() {
            let s: Vec<f64> = v.iter().filter(|x| x.0 == i).map(|x| x.4).collect();
            line(&format!("SQLite memory used {name}"), &s);
        }
        let m = crosscheck_store::sqlite_memory();
        println!(
            "SQLite memory: {:.1} MiB in use at the end, high-water {:.1} MiB",
            m.used as f64 / 1048576.0,
            m.highwater as f64 / 1048576.0
        );
        let flight: Vec<String> = v
            .iter()
            .filter_map(|x| x.5)
            .map(|(n, m, ..)| format!("{n}/{m:.1}"))
            .collect();
        println!(
            "ingest requests in flight / MiB charged, every 10 s: {}",
            flight.join(" ")
        );
        let split: Vec<String> = v
            .iter()
            .filter_map(|x| x.5)
            .map(|(_, _, anon, file, held)| {
                format!("{anon:.0}/{file:.0}/{:.0}", held.unwrap_or(f64::NAN))
            })
            .collect();
        println!(
            "RssAnon / RssFile / heap held (mallinfo2 arena+hblkhd) MiB, every 10 s: {}",
            split.join(" ")
        );
        // Sampled every 10 s already: print them all.
        let index: Vec<String> = v
            .iter()
            .filter_map(|x| x.3)
            .map(|m| format!("{m:.1}"))
            .collect();
        println!(
            "store index (estimated MiB) every 10 s: {}",
            index.join(" ")
        );
    }
}

/// Bytes the allocator has handed out and not got back (glibc only): what
/// the process really uses, as opposed to what it holds.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_in_use_mib() -> Option<f64> {
    // SAFETY: `mallinfo2` takes no argument and returns a plain struct;
    // it is thread-safe (it locks each arena while reading it).
    let m = unsafe { libc::mallinfo2() };
    Some((m.uordblks + m.hblkhd) as f64 / 1048576.0)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn heap_in_use_mib() -> Option<f64> {
    None
}

/// Bytes the allocator holds from the system (in use and free).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_held_mib() -> Option<f64> {
    // SAFETY: as in `heap_in_use_mib`.
    let m = unsafe { libc::mallinfo2() };
    Some((m.arena + m.hblkhd) as f64 / 1048576.0)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn heap_held_mib() -> Option<f64> {
    None
}

fn main() {
    crosscheck_server::tune_allocator();
    let a = args();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let path = a.db.clone().unwrap_or_else(|| tmp.path().join("load.db"));
    let t = Instant::now();
    let mut options = StoreOptions::default();
    if let Some(n) = a.index_mib {
        options.max_index_bytes = n << 20;
    }
    if let Some(n) = a.cache_kib {
        options.writer_cache_kib = n;
    }
    let store = Arc::new(Store::open_with(&path, options).expect("open the store"));
    eprintln!(
        "opened {} in {:.1} s",
        path.display(),
        t.elapsed().as_secs_f64()
    );
    let have = store.stats().unwrap().articles;
    if have < a.articles {
        let t = Instant::now();
        let mut next = have;
        while next < a.articles {
            let end = (next + 2_000).min(a.articles);
            let articles = (next..end)
                .map(|i| synth::article(SEED, topics(a.articles), i))
                .collect();
            store
                .ingest(Batch {
                    articles,
                    skipped: vec![],
                })
                .expect("prefill");
            next = end;
            if next % 10_000 == 0 {
                eprintln!(
                    "prefill: {next} articles, {:.0} articles/s",
                    (next - have) as f64 / t.elapsed().as_secs_f64()
                );
            }
        }
        eprintln!(
            "prefill: {} articles in {:.1} s ({:.0} articles/s, direct store API)",
            a.articles - have,
            t.elapsed().as_secs_f64(),
            (a.articles - have) as f64 / t.elapsed().as_secs_f64()
        );
    }
    let stats = store.stats().unwrap();
    println!(
        "store: {} articles, {} stories, {} copies; database {:.0} MiB",
        stats.articles,
        stats.stories,
        stats.copies,
        std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1048576.0)
    );

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = ServerConfig {
            addr,
            release_memory: a.release_memory,
            ..ServerConfig::default()
        };
        let server_store = store.clone();
        tokio::spawn(async move { serve_on(listener, server_store, &config).await });
        let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
        let base = format!("http://{addr}");

        // Phase 1: POST ingest.
        let deadline = Instant::now() + Duration::from_secs(a.seconds);
        let next_id = Arc::new(AtomicU64::new(stats.articles as u64 + 10_000_000));
        let stored = Arc::new(AtomicU64::new(0));
        print_index("at the start of POST", &store);
        let mem = Memory::start(store.clone());
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..a.concurrency {
            let (client, base, next_id, stored) =
                (client.clone(), base.clone(), next_id.clone(), stored.clone());
            let (batch, n_topics) = (a.batch, topics(a.articles));
            tasks.push(tokio::spawn(async move {
                let mut lat = Hist::new();
                while Instant::now() < deadline {
                    let first = next_id.fetch_add(batch as u64, Ordering::Relaxed) as usize;
                    let body: Vec<serde_json::Value> = (first..first + batch)
                        .map(|i| {
                            let r = synth::article(SEED, n_topics, i);
                            let crosscheck_model::Body::Text(text) = r.body else {
                                unreachable!()
                            };
                            serde_json::json!({"id": r.id, "text": text, "title": r.title,
                                "source": r.source, "published": r.published})
                        })
                        .collect();
                    let req = hyper::Request::post(format!("{base}/api/articles"))
                        .header("content-type", "application/json")
                        .body(Full::new(Bytes::from(serde_json::to_vec(&body).unwrap())))
                        .unwrap();
                    let t = Instant::now();
                    let res = client.request(req).await.expect("POST");
                    let status = res.status();
                    let bytes = res.into_body().collect().await.unwrap().to_bytes();
                    lat.record(t.elapsed().as_secs_f64() * 1e3);
                    if status.is_success() {
                        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                        stored.fetch_add(v["stored"].as_array().map_or(0, |s| s.len()) as u64, Ordering::Relaxed);
                    } else if status.as_u16() != 503 {
                        panic!("POST failed: {status} {}", String::from_utf8_lossy(&bytes));
                    }
                }
                lat
            }));
        }
        let mut l = Hist::new();
        for t in tasks {
            l.merge(&t.await.unwrap());
        }
        let secs = start.elapsed().as_secs_f64();
        let n = stored.load(Ordering::Relaxed);
        println!(
            "POST /api/articles: {n} articles in {secs:.1} s = {:.0} articles/s ({} requests of {}, concurrency {}); request p50 {:.1} ms, p99 {:.1} ms",
            n as f64 / secs,
            l.n,
            a.batch,
            a.concurrency,
            l.percentile(0.5),
            l.percentile(0.99),
        );

        print_index("at the end of POST", &store);
        let dirty = store.dirty_stories().unwrap();
        println!("stories waiting for a rebuild after the POST phase: {dirty}");

        // Phase 2: GET story (while the server rebuilds those stories).
        let stories = store.stats().unwrap().stories as u64;
        let stale = Arc::new(AtomicU64::new(0));
        let deadline = Instant::now() + Duration::from_secs(a.get_seconds.unwrap_or(a.seconds));
        mem.phase.store(1, Ordering::Relaxed);
        let start = Instant::now();
        let mut tasks = Vec::new();
        for w in 0..a.concurrency {
            let (client, base, stale) = (client.clone(), base.clone(), stale.clone());
            tasks.push(tokio::spawn(async move {
                let mut rng = synth::Rng::new(w as u64 + 1);
                let mut lat = Hist::new();
                while Instant::now() < deadline {
                    let id = 1 + rng.next_u64() % stories.max(1);
                    let req = hyper::Request::get(format!("{base}/api/stories/story-{id}"))
                        .body(Full::new(Bytes::new()))
                        .unwrap();
                    let t = Instant::now();
                    let res = client.request(req).await.expect("GET");
                    let status = res.status();
                    if res.headers().get("x-crosscheck-stale").is_some_and(|v| v == "true") {
                        stale.fetch_add(1, Ordering::Relaxed);
                    }
                    let _ = res.into_body().collect().await.unwrap();
                    lat.record(t.elapsed().as_secs_f64() * 1e3);
                    assert!(status.is_success(), "GET story-{id}: {status}");
                }
                lat
            }));
        }
        let mut l = Hist::new();
        for t in tasks {
            l.merge(&t.await.unwrap());
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "GET /api/stories/{{id}}: {} requests in {secs:.1} s = {:.0} requests/s (concurrency {}); p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms; {} stale",
            l.n,
            l.n as f64 / secs,
            a.concurrency,
            l.percentile(0.5),
            l.percentile(0.99),
            l.max,
            stale.load(Ordering::Relaxed),
        );

        // Phase 3: let the server rebuild what is still dirty (bounded).
        mem.phase.store(2, Ordering::Relaxed);
        let t = Instant::now();
        let left = store.dirty_stories().unwrap();
        while store.dirty_stories().unwrap() > 0 && t.elapsed() < Duration::from_secs(a.drain_seconds) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        println!(
            "rebuild: {left} dirty stories after the GET phase, {} after {:.1} s",
            store.dirty_stories().unwrap(),
            t.elapsed().as_secs_f64()
        );
        print_index("at the end", &store);
        mem.report();
    });
}
