//! The grouping stages on one corpus, each timed (same as `crosscheck bench
//! group`, without the CLI): `cargo run --release -p crosscheck-eval
//! --example group_bench -- [PATH]`.
fn main() {
    let path = std::env::args_os()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crosscheck_eval::default_dataset("reuters21578"));
    let result = crosscheck_eval::bench::group(&path, &crosscheck::Pipeline::default());
    println!("bench group ({})\n{result}", path.display());
}
