//! Print rouge tokens (stemmed) of each stdin line, space-separated (a
//! debugging aid for scripts/rouge-check.sh).
use std::io::BufRead;
fn main() {
    let rouge = crosscheck_eval::rouge::Rouge::default();
    for line in std::io::stdin().lock().lines() {
        println!("{}", rouge.tokenize(&line.unwrap()).join(" "));
    }
}
