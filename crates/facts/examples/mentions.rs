//! Show the entity mentions the facts stage finds in an article, one per
//! line: the name, its kind (`~` marks a guess from context or shape), the
//! title written before it and the acronym it defines, if any. The reconcile
//! stage later votes across mentions for each entity's kind.
//!
//! ```sh
//! printf 'Mayor Corin Ashdown visited the Tarvik-based Harlow Vane Securities.\n' | \
//!     cargo run --release -p crosscheck-facts --example mentions
//! ```

use std::io::{Read, Write};

use crosscheck_model::Article;
use crosscheck_text::Analyzer;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("mentions: cannot read standard input: {e}");
        std::process::exit(2);
    }
    let doc = Analyzer::english().analyse(Article {
        id: "stdin".into(),
        source: None,
        title: None,
        url: None,
        published: None,
        text,
        removed: vec![],
    });
    let mut out = std::io::stdout().lock();
    for m in crosscheck_facts::Extractor::new().extract(&doc).mentions {
        let line = writeln!(
            out,
            "{}\t{}{}\t{}\t{}",
            m.text,
            if m.guessed { "~" } else { "" },
            m.kind.as_str(),
            m.title.as_deref().unwrap_or(""),
            m.defines.as_deref().unwrap_or("")
        );
        // A closed pipe ("| head") ends the listing quietly.
        if line.is_err() {
            return;
        }
    }
}
