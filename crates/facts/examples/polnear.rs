//! Score attribution on PolNeAR: `cargo run --release -p crosscheck-facts
//! --example polnear [DATASET_DIR] [SPLIT]` (default `../shared/data/polnear`, `dev`).

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/data/polnear".into()),
    );
    let split = args.next().unwrap_or_else(|| "dev".into());
    let t = std::time::Instant::now();
    match crosscheck_facts::eval::attribution_split(&dir, &split) {
        Some(s) => print!("{s}"),
        None => eprintln!("skipping: {} not found", dir.display()),
    }
    eprintln!("{:.2}s", t.elapsed().as_secs_f64());
}
