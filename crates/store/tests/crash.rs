//! Crash consistency: a process killed with SIGKILL in the middle of an
//! ingest leaves a consistent database holding everything it reported as
//! stored.
//!
//! The test binary runs itself as the child (`crash_child`, active only when
//! `CROSSCHECK_CRASH_DB` is set): the child ingests synthetic articles in
//! small transactions and prints the ids of each chunk right after it
//! committed; the parent kills it mid-stream and checks the database.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crosscheck_ingest::Batch;
use crosscheck_store::{synth, Store, StoreOptions};

const ENV: &str = "CROSSCHECK_CRASH_DB";

#[test]
fn crash_child() {
    let Ok(path) = std::env::var(ENV) else {
        return; // only meaningful as the child of `kill_mid_ingest_loses_nothing_reported`
    };
    let store = Store::open_with(
        &path,
        StoreOptions {
            chunk_size: 25,
            // A budget of a story or two: stories are checkpointed and
            // read back all the time, so the kill lands among those writes
            // too (`Store::check` compares the checkpoints with the
            // articles).
            max_index_bytes: 4_000,
            ..Default::default()
        },
    )
    .unwrap();
    let articles = (0..100_000).map(|i| synth::article(7, 40, i)).collect();
    store
        .ingest_with(
            Batch {
                articles,
                skipped: vec![],
            },
            &mut |s| {
                // One line per committed chunk, flushed before going on.
                println!("STORED {}", s.stored.join(" "));
            },
        )
        .unwrap();
}

#[test]
fn kill_mid_ingest_loses_nothing_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let mut reported: Vec<String> = Vec::new();
    for round in 0..3 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash_child",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let start = Instant::now();
        let mut chunks = 0;
        // Let it commit a few chunks (more each round), then kill it while
        // it is in the middle of the next one.
        while chunks < 3 + round * 2 && start.elapsed() < Duration::from_secs(120) {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(ids) = line.strip_prefix("STORED ") {
                        reported.extend(ids.split(' ').filter(|s| !s.is_empty()).map(String::from));
                        chunks += 1;
                    }
                }
                _ => break,
            }
        }
        assert!(chunks > 0, "the child committed nothing");
        std::thread::sleep(Duration::from_millis(37 * (round as u64 + 1)));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        // Lines printed between our last read and the kill were also
        // reported as stored.
        for line in lines.map_while(Result::ok) {
            if let Some(ids) = line.strip_prefix("STORED ") {
                reported.extend(ids.split(' ').filter(|s| !s.is_empty()).map(String::from));
            }
        }

        let store = Store::open(&db).unwrap();
        assert_eq!(
            store.check().unwrap(),
            Vec::<String>::new(),
            "round {round}"
        );
        for id in &reported {
            assert!(
                store.article(id).unwrap().is_some(),
                "{id} was reported stored but is missing"
            );
        }
        let stats = store.stats().unwrap();
        assert!(stats.articles >= reported.len());
        // A transaction is all or nothing: whole chunks only.
        assert_eq!(stats.articles % 25, 0, "{stats:?}");
        // Stories left dirty by the kill are rebuilt on the next ingest (or
        // by the server's writer); the result is consistent and clean.
        if round == 2 {
            // The kills landed in a stream of checkpoint writes.
            let index = store.index_stats();
            assert!(index.cold_stories > 0, "{index:?}");
            store.rebuild_all().unwrap();
            assert_eq!(store.dirty_stories().unwrap(), 0);
            assert_eq!(store.check().unwrap(), Vec::<String>::new());
        }
    }
}
