//! Show the statements, claims, figures and dates the facts stage finds in
//! an article, one per line, for reading its decisions on a text of your
//! own:
//!
//! ```sh
//! printf 'The ferry capsized on Sunday, killing 14.\n' | \
//!     cargo run --release -p crosscheck-facts --example claims -- 2026-05-12
//! ```
//!
//! The optional argument is the article's publication time (ISO 8601), which
//! relative dates are resolved against.

use std::io::{Read, Write};

use crosscheck_model::Article;
use crosscheck_text::Analyzer;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("claims: cannot read standard input: {e}");
        std::process::exit(2);
    }
    let doc = Analyzer::english().analyse(Article {
        id: "stdin".into(),
        source: None,
        title: None,
        url: None,
        published: std::env::args().nth(1),
        text,
        removed: vec![],
    });
    let facts = crosscheck_facts::Extractor::new().extract(&doc);
    let mut lines = Vec::new();
    let text = &doc.article.text;
    for st in &facts.statements {
        lines.push(format!(
            "statement\t{} [{}]\t{}\t{}{}",
            st.speaker_name.as_deref().unwrap_or("-"),
            st.speaker.map_or("-", |s| s.slice(text)),
            st.cue.slice(text),
            st.content.slice(text),
            if st.direct { "\t(direct)" } else { "" }
        ));
    }
    for q in &facts.quantities {
        lines.push(format!(
            "figure\t{}\t{} {} ({:?})\tnoun {}",
            q.text,
            q.value,
            q.unit,
            q.approx,
            q.noun.as_deref().unwrap_or("-")
        ));
    }
    for d in &facts.dates {
        lines.push(format!(
            "date\t{}\t{:?}{}",
            d.text,
            d.value,
            if d.relative { " (relative)" } else { "" }
        ));
    }
    for c in &facts.claims {
        lines.push(format!(
            "claim\t{}\t{}\t{}\tspeaker {}",
            c.subject.as_deref().unwrap_or("-"),
            c.attribute,
            c.value_text,
            c.speaker.as_deref().unwrap_or("-")
        ));
    }
    let mut out = std::io::stdout().lock();
    for l in lines {
        // A closed pipe ("| head") ends the listing quietly.
        if writeln!(out, "{l}").is_err() {
            return;
        }
    }
}
