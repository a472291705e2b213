//! Show how attribution reads a text: each sentence's tokens with the
//! tagger's labels (`S`/`s` source, `C`/`c` cue, `N`/`n` content, upper
//! case opening a span, `O` outside), then the statements found.
//!
//! ```sh
//! printf 'Mayor Corin Ashdown said the bridge would reopen.\n' | \
//!     cargo run --release -p crosscheck-facts --example tag_debug
//! ```

use std::io::Read;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("tag_debug: cannot read standard input: {e}");
        std::process::exit(2);
    }
    let Some(model) = crosscheck_facts::tagger::bundled() else {
        eprintln!("tag_debug: the bundled tagger weights cannot be read");
        std::process::exit(1);
    };
    const NAMES: [&str; 7] = ["O", "S", "s", "C", "c", "N", "n"];
    for (toks, features) in crosscheck_facts::tagger_inputs(&text, model.bits(), model.lexicon()) {
        let labels = model.tag(&features);
        let line: Vec<String> = toks
            .iter()
            .zip(&labels)
            .map(|(t, &l)| format!("{}/{}", t.text, NAMES[l as usize]))
            .collect();
        println!("{}", line.join(" "));
    }
    for s in crosscheck_facts::find_statements(&text) {
        println!(
            "source={:?} cue={:?} content={:?}",
            s.speaker.map(|sp| &text[sp.start..sp.end]),
            &text[s.cue.start..s.cue.end],
            &text[s.content.start..s.content.end]
        );
    }
}
