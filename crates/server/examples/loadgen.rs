//! Load generator: GET story latency and POST ingest throughput on loopback.
//!
//! Fills a store with synthetic articles (generated words only, see
//! `crosscheck_store::synth`), starts the server on 127.0.0.1 (an ephemeral
//! port) in this process, then runs two timed phases with a hyper client:
//!
//! 1. `POST /api/articles`: `--concurrency` clients each sending batches of
//!    `--batch` new articles, for `--seconds`;
//! 2. `GET /api/stories/{id}`: `--concurrency` clients fetching random
//!    stories, for `--seconds` (while the writer rebuilds the stories phase
//!    1 left dirty; responses with `X-Crosscheck-Stale: true` are counted);
//!
//! then waits (at most 300 s) until no story is dirty.
//!
//! It prints throughput, latency percentiles and the process's resident
//! memory (sampled every second) for each phase.
//!
//! ```sh
//! cargo run --release -p crosscheck-server --example loadgen -- \
//!     --articles 100000 --seconds 60 --concurrency 8 --batch 50 --db /tmp/load.db
//! ```
//!
//! A `--db` that already holds `--articles` articles is reused (no refill).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use crosscheck_ingest::Batch;
use crosscheck_server::{serve_on, ServerConfig};
use crosscheck_store::{synth, Store};
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
}

fn args() -> Args {
    let mut a = Args {
        articles: 100_000,
        seconds: 60,
        concurrency: 8,
        batch: 50,
        db: None,
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

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Sample RSS every second while `running`; returns (min, max, last).
fn sample_memory(running: Arc<AtomicBool>) -> std::thread::JoinHandle<(f64, f64, Vec<f64>)> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        while running.load(Ordering::Relaxed) {
            v.push(rss_mib());
            std::thread::sleep(Duration::from_secs(1));
        }
        v.push(rss_mib());
        let min = v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = v.iter().copied().fold(0.0, f64::max);
        (min, max, v)
    })
}

fn main() {
    let a = args();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let path = a.db.clone().unwrap_or_else(|| tmp.path().join("load.db"));
    let t = Instant::now();
    let store = Arc::new(Store::open(&path).expect("open the store"));
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
        let lat = Arc::new(Mutex::new(Vec::new()));
        let running = Arc::new(AtomicBool::new(true));
        let mem = sample_memory(running.clone());
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..a.concurrency {
            let (client, base, next_id, stored, lat) =
                (client.clone(), base.clone(), next_id.clone(), stored.clone(), lat.clone());
            let (batch, n_topics) = (a.batch, topics(a.articles));
            tasks.push(tokio::spawn(async move {
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
                    lat.lock().unwrap().push(t.elapsed().as_secs_f64() * 1e3);
                    if status.is_success() {
                        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                        stored.fetch_add(v["stored"].as_array().map_or(0, |s| s.len()) as u64, Ordering::Relaxed);
                    } else if status.as_u16() != 503 {
                        panic!("POST failed: {status} {}", String::from_utf8_lossy(&bytes));
                    }
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let secs = start.elapsed().as_secs_f64();
        running.store(false, Ordering::Relaxed);
        let (mmin, mmax, _) = mem.join().unwrap();
        let mut l = std::mem::take(&mut *lat.lock().unwrap());
        l.sort_by(f64::total_cmp);
        let n = stored.load(Ordering::Relaxed);
        println!(
            "POST /api/articles: {n} articles in {secs:.1} s = {:.0} articles/s ({} requests of {}, concurrency {}); request p50 {:.1} ms, p99 {:.1} ms; RSS {mmin:.0}–{mmax:.0} MiB",
            n as f64 / secs,
            l.len(),
            a.batch,
            a.concurrency,
            percentile(&l, 0.5),
            percentile(&l, 0.99),
        );

        let dirty = store.dirty_stories().unwrap();
        println!("stories waiting for a rebuild after the POST phase: {dirty}");

        // Phase 2: GET story (while the writer rebuilds those stories).
        let stories = store.stats().unwrap().stories as u64;
        let stale = Arc::new(AtomicU64::new(0));
        let deadline = Instant::now() + Duration::from_secs(a.seconds);
        let running = Arc::new(AtomicBool::new(true));
        let mem = sample_memory(running.clone());
        let start = Instant::now();
        let mut tasks = Vec::new();
        for w in 0..a.concurrency {
            let (client, base, stale) = (client.clone(), base.clone(), stale.clone());
            tasks.push(tokio::spawn(async move {
                let mut rng = synth::Rng::new(w as u64 + 1);
                let mut lat = Vec::new();
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
                    lat.push(t.elapsed().as_secs_f64() * 1e3);
                    assert!(status.is_success(), "GET story-{id}: {status}");
                }
                lat
            }));
        }
        let mut l = Vec::new();
        for t in tasks {
            l.extend(t.await.unwrap());
        }
        let secs = start.elapsed().as_secs_f64();
        running.store(false, Ordering::Relaxed);
        let (mmin, mmax, _) = mem.join().unwrap();
        l.sort_by(f64::total_cmp);
        println!(
            "GET /api/stories/{{id}}: {} requests in {secs:.1} s = {:.0} requests/s (concurrency {}); p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms; {} stale; RSS {mmin:.0}–{mmax:.0} MiB",
            l.len(),
            l.len() as f64 / secs,
            a.concurrency,
            percentile(&l, 0.5),
            percentile(&l, 0.99),
            l.last().copied().unwrap_or(f64::NAN),
            stale.load(Ordering::Relaxed),
        );

        // Phase 3: let the writer rebuild what is still dirty (bounded).
        let t = Instant::now();
        let left = store.dirty_stories().unwrap();
        while store.dirty_stories().unwrap() > 0 && t.elapsed() < Duration::from_secs(300) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        println!(
            "rebuild: {left} dirty stories after the GET phase, {} after {:.1} s",
            store.dirty_stories().unwrap(),
            t.elapsed().as_secs_f64()
        );
    });
}
