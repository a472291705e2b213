//! Print what the extractor makes of pages: metadata, text, removed blocks.
//!
//! ```text
//! cargo run --release -p crosscheck-extract --example extract_page -- PAGE.html[.gz]...
//! ```

use std::io::Read;

fn main() {
    for path in std::env::args().skip(1) {
        let mut bytes = std::fs::read(&path).expect("read page");
        if path.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .expect("gunzip");
            bytes = out;
        }
        let html = crosscheck_extract::decode_html(&bytes);
        let e = crosscheck_extract::html_to_text(&html);
        println!("== {path}");
        println!("title: {:?}", e.title);
        println!("site: {:?}", e.site_name);
        println!("url: {:?}", e.canonical_url);
        println!("published: {:?}", e.published);
        println!("authors: {:?}", e.authors);
        println!("empty: {:?}", e.empty_reason);
        println!("--- text\n{}", e.text);
        println!("--- removed");
        for r in &e.removed {
            let t: String = r.text.chars().take(160).collect();
            println!("[{}] {}", r.reason.as_str(), t.replace('\n', " / "));
        }
    }
}
