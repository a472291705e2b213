//! Side-by-side extraction benchmark on Zyte's article-extraction-benchmark.
//!
//! ```text
//! cargo run --release -p crosscheck-extract --example bench_extraction -- \
//!     [--dataset DIR] [--engines crosscheck,rs-trafilatura,dom_smoothie] \
//!     [--score NAME=predictions.json[:SECONDS]]... [--dump DIR] [--repeat N]
//! ```
//!
//! Engines: `crosscheck` (the default extractor: fast path, audit trail
//! on), `crosscheck-text-only` (audit trail off), `crosscheck-readability`
//! and `crosscheck-readability-text-only` (the html5ever + dom_smoothie
//! path, `Engine::Readability`), and the peers `rs-trafilatura` and
//! `dom_smoothie`.
//!
//! `--repeat N` times each engine N times and keeps the fastest run (the
//! scores are the same every run): on a shared machine the fastest run is
//! the one least disturbed by other jobs. The median run is printed too,
//! and on Linux the thread's CPU time for the same extraction calls (from
//! `/proc/thread-self/schedstat`), which time slices lost to other jobs do
//! not inflate.
//!
//! Every engine runs on the same decoded pages, one thread, timed around the
//! extractor call only. `--score` scores predictions made by another tool
//! (a JSON object `{key: {"articleBody": text}}` or `{key: text}`) with the
//! same metric; SECONDS, when given, is that tool's extraction time.

use crosscheck_extract::eval::{self, BenchPage, ExtractionScores};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

fn crosscheck(html: &str) -> String {
    crosscheck_extract::html_to_text(html).text
}

fn crosscheck_text_only(html: &str) -> String {
    crosscheck_extract::Extractor::new()
        .record_removed(false)
        .extract(html)
        .text
}

fn crosscheck_readability(html: &str) -> String {
    crosscheck_extract::Extractor::new()
        .engine(crosscheck_extract::Engine::Readability)
        .extract(html)
        .text
}

fn crosscheck_readability_text_only(html: &str) -> String {
    crosscheck_extract::Extractor::new()
        .engine(crosscheck_extract::Engine::Readability)
        .record_removed(false)
        .extract(html)
        .text
}

fn rs_trafilatura(html: &str) -> String {
    rs_trafilatura::extract(html)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn dom_smoothie(html: &str) -> String {
    let Ok(mut r) = dom_smoothie::Readability::new(html, None, None) else {
        return String::new();
    };
    r.parse()
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn engine(name: &str) -> Option<fn(&str) -> String> {
    Some(match name {
        "crosscheck" => crosscheck,
        "crosscheck-text-only" => crosscheck_text_only,
        "crosscheck-readability" => crosscheck_readability,
        "crosscheck-readability-text-only" => crosscheck_readability_text_only,
        "rs-trafilatura" => rs_trafilatura,
        "dom_smoothie" => dom_smoothie,
        _ => return None,
    })
}

fn main() {
    let mut dataset = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/article-extraction-benchmark"
    ));
    let mut engines = vec![
        "crosscheck".to_owned(),
        "rs-trafilatura".to_owned(),
        "dom_smoothie".to_owned(),
    ];
    let mut external: Vec<String> = Vec::new();
    let mut dump: Option<PathBuf> = None;
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dataset" => dataset = args.next().expect("--dataset DIR").into(),
            "--engines" => {
                engines = args
                    .next()
                    .expect("--engines LIST")
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            }
            "--score" => external.push(args.next().expect("--score NAME=FILE[:SECONDS]")),
            "--dump" => dump = Some(args.next().expect("--dump DIR").into()),
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .expect("--repeat N (N >= 1)")
            }
            "-h" | "--help" => {
                println!("usage: bench_extraction [--dataset DIR] [--engines a,b] [--score NAME=FILE[:SECONDS]] [--dump DIR] [--repeat N]");
                return;
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let (pages, missing) = match eval::load_dataset(&dataset) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("skipping: {e}");
            return;
        }
    };
    for (k, why) in &missing {
        eprintln!("missing {k}: {why}");
    }
    date_accuracy(&pages);
    let mut table: Vec<(String, ExtractionScores)> = Vec::new();
    for name in &engines {
        let Some(f) = engine(name) else {
            eprintln!("unknown engine {name} (crosscheck, crosscheck-text-only, crosscheck-readability, crosscheck-readability-text-only, rs-trafilatura, dom_smoothie)");
            std::process::exit(2);
        };
        // Warm up (page faults, lazy statics) on a few pages, untimed.
        for p in pages.iter().take(3) {
            let _ = f(&p.html);
        }
        let mut s = eval::evaluate_pages(&pages, &f);
        let mut runs = vec![s.elapsed];
        for _ in 1..repeat {
            runs.push(eval::evaluate_pages(&pages, &f).elapsed);
        }
        runs.sort();
        s.elapsed = runs[0];
        println!("== {name}\n{s}");
        let cpu: Vec<f64> = (0..repeat)
            .map_while(|_| {
                let start = thread_cpu_secs()?;
                for p in &pages {
                    std::hint::black_box(f(&p.html));
                }
                Some(thread_cpu_secs()? - start)
            })
            .collect();
        if !cpu.is_empty() {
            let mut cpu = cpu;
            cpu.sort_by(f64::total_cmp);
            let mbs = |secs: f64| s.html_bytes as f64 / 1e6 / secs;
            println!(
                "CPU time of {} runs: best {:.2} MB/s ({:.1} pages/s), median {:.2} MB/s",
                cpu.len(),
                mbs(cpu[0]),
                pages.len() as f64 / cpu[0],
                mbs(cpu[cpu.len() / 2])
            );
        }
        if repeat > 1 {
            let median = runs[runs.len() / 2].as_secs_f64();
            println!(
                "median of {repeat} runs: {:.1} pages/s  {:.2} MB/s",
                pages.len() as f64 / median,
                s.html_bytes as f64 / 1e6 / median
            );
        }
        if let Some(dir) = &dump {
            dump_outputs(dir, name, &pages, &f);
        }
        table.push((name.clone(), s));
    }
    for spec in &external {
        let (name, rest) = spec.split_once('=').expect("--score NAME=FILE[:SECONDS]");
        let (file, secs) = match rest.rsplit_once(':') {
            Some((f, s)) if s.parse::<f64>().is_ok() => (f, s.parse::<f64>().ok()),
            _ => (rest, None),
        };
        let raw = std::fs::read_to_string(file).expect("read predictions");
        let v: serde_json::Value = serde_json::from_str(&raw).expect("predictions JSON");
        let predicted: HashMap<String, String> = v
            .as_object()
            .expect("JSON object")
            .iter()
            .map(|(k, v)| {
                let text = v
                    .as_str()
                    .or_else(|| v["articleBody"].as_str())
                    .unwrap_or("");
                (k.clone(), text.to_owned())
            })
            .collect();
        let mut s = eval::score_predictions(&pages, &predicted);
        if let Some(secs) = secs {
            s.elapsed = Duration::from_secs_f64(secs);
        }
        println!("== {name} (external predictions)\n{s}");
        table.push((name.to_owned(), s));
    }
    println!("| engine | F1 | precision | recall | pages/s | MB/s |");
    println!("|---|---|---|---|---|---|");
    for (name, s) in &table {
        let speed = if s.elapsed.is_zero() {
            ("-".to_owned(), "-".to_owned())
        } else {
            (
                format!("{:.1}", s.pages_per_sec()),
                format!("{:.2}", s.mb_per_sec()),
            )
        };
        println!(
            "| {name} | {:.4} | {:.4} | {:.4} | {} | {} |",
            s.summary.f1, s.summary.precision, s.summary.recall, speed.0, speed.1
        );
    }
    if let Some((_, base)) = table.iter().find(|(n, _)| n == "crosscheck") {
        for (name, s) in &table {
            if name != "crosscheck" && !s.elapsed.is_zero() {
                println!(
                    "crosscheck / {name} speed ratio: {:.1}x",
                    base.mb_per_sec() / s.mb_per_sec()
                );
            }
        }
    }
}

/// CPU time of the calling thread so far, in seconds (Linux), `None`
/// where `/proc/thread-self/schedstat` cannot be read.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Publication dates against the date in the page's URL (the benchmark has
/// no date labels; a URL date is the best independent reference it offers).
/// The URL fallback is turned off, so every date counted comes from markup.
fn date_accuracy(pages: &[BenchPage]) {
    let ex = crosscheck_extract::Extractor::new()
        .record_removed(false)
        .dates_from_url(false);
    let (mut with_url_date, mut found, mut right, mut any) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for p in pages {
        let e = ex.extract(&p.html);
        if e.published.is_some() {
            any += 1;
        }
        let Some(want) = crosscheck_extract::date_from_url(&p.url) else {
            continue;
        };
        with_url_date += 1;
        let Some(got) = e.published else { continue };
        found += 1;
        let close = match (
            chrono::NaiveDate::parse_from_str(&want, "%Y-%m-%d"),
            chrono::NaiveDate::parse_from_str(&got[..got.len().min(10)], "%Y-%m-%d"),
        ) {
            // A day either way: time zones and overnight publication.
            (Ok(a), Ok(b)) => (a - b).num_days().abs() <= 1,
            _ => false,
        };
        if close {
            right += 1;
        } else {
            wrong.push(format!("{got} vs URL {want}  {}", p.url));
        }
    }
    println!(
        "dates: {any}/{} pages have a publication date in their markup; on the {with_url_date} pages with a date in the URL, {found} found, {right} within a day of it ({:.1}%)",
        pages.len(),
        100.0 * right as f64 / with_url_date.max(1) as f64
    );
    for w in wrong {
        println!("  date mismatch: {w}");
    }
}

fn dump_outputs(
    dir: &std::path::Path,
    name: &str,
    pages: &[BenchPage],
    f: &dyn Fn(&str) -> String,
) {
    let dir = dir.join(name);
    std::fs::create_dir_all(&dir).expect("create dump dir");
    for p in pages {
        let _ = std::fs::write(dir.join(format!("{}.txt", p.key)), f(&p.html));
        let _ = std::fs::write(dir.join(format!("{}.truth.txt", p.key)), &p.truth);
    }
}
