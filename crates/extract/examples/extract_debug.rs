//! Debugging aid: the fast path's chosen block and dom_smoothie's, for one
//! page (`.html` or `.html.gz`).
//!
//! ```text
//! cargo run --release -p crosscheck-extract --example extract_debug -- PAGE [fast|readability]
//! ```

use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("PAGE");
    let which = args.next().unwrap_or_else(|| "fast".into());
    let bytes = std::fs::read(&path).expect("read page");
    let bytes = if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .expect("gunzip");
        out
    } else {
        bytes
    };
    let html = crosscheck_extract::decode_html(&bytes);
    if which == "fast" {
        print!("{}", crosscheck_extract::debug_fast_outline(&html));
    } else {
        let cfg = dom_smoothie::Config {
            keep_classes: true,
            ..Default::default()
        };
        let mut r = dom_smoothie::Readability::new(html.as_str(), None, Some(cfg)).expect("parse");
        let a = r.parse().expect("readability");
        println!("{}", a.content);
    }
}
