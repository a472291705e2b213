//! Serve the built-in demo corpus (plus, with `--hostile`, an article full of
//! script payloads) from a fresh database, for trying the page and for the
//! browser test.
//!
//! ```sh
//! cargo run --release -p crosscheck-server --example demo_server -- --addr 127.0.0.1:8080
//! ```
//!
//! Options: `--addr HOST:PORT` (default 127.0.0.1:8080), `--db PATH`
//! (default: a new file in a temporary directory, removed at exit),
//! `--hostile` (also store `crosscheck_server::xss::hostile_article`).

use std::sync::Arc;

use crosscheck_ingest::{Batch, Ingestor};
use crosscheck_server::{serve_on, ServerConfig};
use crosscheck_store::Store;

fn main() {
    let mut config = ServerConfig::default();
    let mut db: Option<std::path::PathBuf> = None;
    let mut hostile = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--addr" => {
                config.addr = args
                    .next()
                    .expect("--addr HOST:PORT")
                    .parse()
                    .expect("an address")
            }
            "--db" => db = Some(args.next().expect("--db PATH").into()),
            "--hostile" => hostile = true,
            other => {
                eprintln!("unknown argument {other:?}; see the example's doc comment");
                std::process::exit(2);
            }
        }
    }
    let tmp = tempfile::tempdir().expect("temporary directory");
    let path = db.unwrap_or_else(|| tmp.path().join("demo.db"));
    let store = Arc::new(Store::open(&path).expect("open the store"));
    let ing = Ingestor::new();
    let mut batch = Batch::default();
    for (name, bytes) in crosscheck::demo::files() {
        batch.articles.extend(ing.read_bytes(name, bytes).articles);
    }
    if hostile {
        let line = crosscheck_server::xss::hostile_article().to_string();
        batch
            .articles
            .extend(ing.read_bytes("hostile.jsonl", line.as_bytes()).articles);
    }
    let s = store.ingest(batch).expect("ingest the demo corpus");
    eprintln!(
        "stored {} articles in {} stories",
        s.stored.len() + s.unchanged.len(),
        store.stats().unwrap().stories
    );
    config.db = path;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .expect("bind");
        eprintln!("listening on http://{}/", listener.local_addr().unwrap());
        serve_on(listener, store, &config).await.expect("serve");
    });
}
