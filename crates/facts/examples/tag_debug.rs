use std::io::Read;
fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let model = crosscheck_facts::tagger::bundled().unwrap();
    for (toks, f) in crosscheck_facts::tagger_inputs(&text, model.bits(), model.lexicon()) {
        let labels = model.tag(&f);
        let names = ["O", "S", "s", "C", "c", "N", "n"];
        let line: Vec<String> = toks
            .iter()
            .zip(&labels)
            .map(|(t, &l)| format!("{}/{}", t.text, names[l as usize]))
            .collect();
        println!("{}", line.join(" "));
    }
    for s in crosscheck_facts::find_statements(&text) {
        println!(
            "src={:?} cue={:?} content={:?}",
            s.speaker.map(|sp| &text[sp.start..sp.end]),
            &text[s.cue.start..s.cue.end],
            &text[s.content.start..s.content.end]
        );
    }
}
