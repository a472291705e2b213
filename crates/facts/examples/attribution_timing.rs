//! Time attribution on the bench story (the demo corpus cycled to 50
//! articles, as in the reconcile bench): the rules alone against the
//! tagger (which runs the rules as features), best of 20 runs each:
//! `cargo run --release -p crosscheck-facts --example attribution_timing [rules|tagger|unranked]`
//! (`unranked`: the tagger with each cue's nearest source chunk instead of
//! the source ranker).
fn main() {
    let mut texts = Vec::new();
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo");
    for d in std::fs::read_dir(demo).unwrap() {
        let d = d.unwrap().path();
        if d.is_dir() {
            for f in std::fs::read_dir(&d).unwrap() {
                let p = f.unwrap().path();
                if p.extension().is_some_and(|x| x == "txt") {
                    texts.push(std::fs::read_to_string(p).unwrap());
                }
            }
        }
    }
    texts.sort();
    let texts: Vec<&String> = (0..50).map(|i| &texts[i % texts.len()]).collect();
    let m = crosscheck_facts::tagger::bundled();
    let which = std::env::args().nth(1).unwrap_or_default();
    let modes = match which.as_str() {
        "rules" => vec![("rules", None)],
        "tagger" => vec![("tagger", m)],
        "unranked" => vec![("tagger without the source ranker", m)],
        _ => vec![
            ("rules", None),
            ("tagger", m),
            ("rules", None),
            ("tagger", m),
        ],
    };
    for (name, model) in modes {
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..20 {
            let t = std::time::Instant::now();
            let run = || {
                texts
                    .iter()
                    .map(|t| crosscheck_facts::find_statements_with(model, t).len())
                    .sum()
            };
            n = if name.contains("without") {
                crosscheck_facts::sources::with_ranker(None, run)
            } else {
                run()
            };
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("{name}: {:.2} ms, {n} statements", best * 1e3);
    }
}
