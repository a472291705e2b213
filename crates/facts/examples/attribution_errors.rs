//! Error analysis of the attribution tagger on PolNeAR documents: which
//! gold attributions lose their source, and why.
//!
//! ```sh
//! cargo run --release -p crosscheck-facts --example attribution_errors -- \
//!     --dataset ../shared/data/polnear [--split train] [--held] [--weights FILE] [--show N]
//! ```
//!
//! `--held` keeps the last tenth of the split's documents (the trainer's
//! held-out part; pair it with a model written by the trainer's
//! `--fit-out`). Each gold attribution (a brat event linking Source, Cue
//! and Content) of the first annotation file is put in one class: source
//! found exactly; found with other boundaries; missed with its cue found
//! (the wrong source, or none, went with the cue); missed with no cue
//! predicted over the gold cue. Counts per class, the most frequent missed
//! cues and source shapes, then `--show` examples of each class.
//! `CC_ALL=1` in the environment lists every missed cue, not only the 40
//! most frequent.

use std::collections::HashMap;
use std::path::PathBuf;

type Range = (usize, usize);

use crosscheck_facts::eval::GoldAttribution as Attribution;

fn attributions(text: &str, ann: &str) -> Vec<Attribution> {
    crosscheck_facts::eval::gold_attributions(text, ann)
}

fn trim(text: &str, r: Range) -> Range {
    crosscheck_facts::eval::trimmed(text, r)
}

fn overlaps(a: Range, b: Range) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Shape of a source phrase: pronoun, capitalised name, "the/a ..." noun
/// phrase, or other.
fn shape(s: &str) -> &'static str {
    let low = s.to_lowercase();
    let words: Vec<&str> = low.split_whitespace().collect();
    if words.len() == 1
        && [
            "he", "she", "they", "i", "we", "you", "it", "who", "his", "her", "their",
        ]
        .contains(&words[0])
    {
        return "pronoun";
    }
    if words
        .first()
        .is_some_and(|w| ["the", "a", "an", "some", "many", "other", "most"].contains(w))
    {
        return "determiner phrase";
    }
    if s.chars().next().is_some_and(char::is_uppercase) {
        return if words.len() > 4 {
            "capitalised, long"
        } else {
            "capitalised"
        };
    }
    if words.len() == 1 {
        return "one lower-case word";
    }
    "other"
}

fn main() {
    let mut dataset = PathBuf::from("../shared/data/polnear");
    let mut split = "train".to_string();
    let mut held = false;
    let mut weights: Option<PathBuf> = None;
    let mut show = 10usize;
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        match k.as_str() {
            "--held" => held = true,
            "--dataset" => dataset = it.next().expect("value").into(),
            "--split" => split = it.next().expect("value"),
            "--weights" => weights = Some(it.next().expect("value").into()),
            "--show" => show = it.next().expect("value").parse().expect("N"),
            _ => panic!("unknown option {k}"),
        }
    }
    let owned;
    let model = match &weights {
        Some(p) => {
            owned =
                crosscheck_facts::tagger::Model::from_bytes(&std::fs::read(p).expect("weights"))
                    .expect("model");
            Some(&owned)
        }
        None => crosscheck_facts::tagger::bundled(),
    };
    let mut files = crosscheck_facts::eval::split_files(&dataset, &split).expect("split");
    if held {
        let cut = files.len() - files.len() / 10;
        files.drain(..cut);
    }
    print!(
        "{}",
        crosscheck_facts::eval::score_files(&split, &files, model)
    );
    let mut classes: HashMap<&str, Vec<String>> = HashMap::new();
    let mut missed_cues: HashMap<String, usize> = HashMap::new();
    let mut missed_shapes: HashMap<&str, usize> = HashMap::new();
    let mut all_shapes: HashMap<&str, usize> = HashMap::new();
    // Per cue text: gold attributions, and those whose source was found exactly.
    let mut per_cue: HashMap<String, (usize, usize)> = HashMap::new();
    let mut false_sources: Vec<String> = Vec::new();
    for (path, anns) in &files {
        let text = std::fs::read_to_string(path).expect("text");
        let ann = std::fs::read_to_string(&anns[0]).expect("ann");
        let gold = attributions(&text, &ann);
        let sentences: Vec<crosscheck_model::Span> = crosscheck_text::sentences(&text)
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        let st = crosscheck_facts::eval::merged_statements_with(model, &text);
        let ps: Vec<Range> = st
            .iter()
            .filter_map(|s| s.speaker.map(|sp| trim(&text, (sp.start, sp.end))))
            .collect();
        let pc: Vec<Range> = st
            .iter()
            .filter(|s| !s.cue.is_empty())
            .map(|s| (s.cue.start, s.cue.end))
            .collect();
        for a in &gold {
            let (Some(src), Some(cue)) = (a.source, a.cue) else {
                continue;
            };
            let src = trim(&text, src);
            let stext = text[src.0..src.1].replace('\n', " ");
            let ctext = text[cue.0..cue.1].to_lowercase().replace('\n', " ");
            let sh = shape(&stext);
            *all_shapes.entry(sh).or_default() += 1;
            let ctx_s = text[..src.0.min(cue.0)]
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(b, _)| b);
            let end = src.1.max(cue.1);
            let ctx_e = text[end..]
                .char_indices()
                .nth(60)
                .map_or(text.len(), |(b, _)| end + b);
            let ctx = text[ctx_s..ctx_e].replace('\n', " ");
            let line = format!("[{stext}] <{ctext}> … {ctx}");
            let pc_entry = per_cue.entry(ctext.clone()).or_default();
            pc_entry.0 += 1;
            pc_entry.1 += ps.contains(&src) as usize;
            let class = if ps.contains(&src) {
                "exact"
            } else if let Some(p) = ps.iter().find(|&&p| overlaps(p, src)) {
                classes
                    .entry("boundary")
                    .or_default()
                    .push(format!("pred [{}] gold {line}", &text[p.0..p.1]));
                *missed_shapes.entry(sh).or_default() += 1;
                continue;
            } else if pc.iter().any(|&c| overlaps(c, cue)) {
                let with: Vec<&str> = st
                    .iter()
                    .filter(|s| overlaps((s.cue.start, s.cue.end), cue))
                    .map(|s| s.speaker.map_or("-", |sp| &text[sp.start..sp.end]))
                    .collect();
                classes
                    .entry("cue found, source wrong")
                    .or_default()
                    .push(format!("pred {with:?} gold {line}"));
                *missed_shapes.entry(sh).or_default() += 1;
                continue;
            } else {
                *missed_cues.entry(ctext.clone()).or_default() += 1;
                *missed_shapes.entry(sh).or_default() += 1;
                // Whether the content lies outside the cue's sentence.
                let sent = sentences
                    .iter()
                    .find(|s| s.start <= cue.0 && cue.0 < s.end)
                    .map(|s| (s.start, s.end));
                let content_elsewhere = match (sent, a.content) {
                    (Some(s), Some(c)) => !overlaps(s, c),
                    _ => false,
                };
                if content_elsewhere {
                    "cue missed, content in another sentence"
                } else {
                    "cue missed"
                }
            };
            classes.entry(class).or_default().push(line);
        }
        let gs: Vec<Range> = gold
            .iter()
            .filter_map(|a| a.source.map(|s| trim(&text, s)))
            .collect();
        for s in &st {
            let Some(sp) = s.speaker else { continue };
            let p = trim(&text, (sp.start, sp.end));
            if !gs.iter().any(|&g| overlaps(g, p)) {
                false_sources.push(format!(
                    "[{}] <{}> {}",
                    &text[p.0..p.1],
                    &text[s.cue.start..s.cue.end],
                    text[s.content.start..s.content.end]
                        .chars()
                        .take(80)
                        .collect::<String>()
                        .replace('\n', " ")
                ));
            }
        }
    }
    let mut names: Vec<_> = classes.keys().copied().collect();
    names.sort();
    for n in &names {
        println!("{n}: {}", classes[n].len());
    }
    println!(
        "false sources (overlapping no gold source): {}",
        false_sources.len()
    );
    let mut sh: Vec<_> = all_shapes.iter().collect();
    sh.sort_by_key(|(_, &c)| std::cmp::Reverse(c));
    println!("\nsource shapes: gold / missed (not exact)");
    for (k, c) in sh {
        println!("  {k}: {c} / {}", missed_shapes.get(k).unwrap_or(&0));
    }
    let mut pcv: Vec<_> = per_cue.into_iter().collect();
    pcv.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    let top: usize = pcv.iter().take(15).map(|x| x.1 .0).sum();
    let top_hit: usize = pcv.iter().take(15).map(|x| x.1 .1).sum();
    let all: usize = pcv.iter().map(|x| x.1 .0).sum();
    let all_hit: usize = pcv.iter().map(|x| x.1 .1).sum();
    println!(
        "\nsource found exactly: {top_hit} of {top} with the 15 most frequent cues, {} of {} with the others",
        all_hit - top_hit,
        all - top
    );
    for (k, (n, h)) in pcv.iter().take(15) {
        println!("  {k}: {h} of {n}");
    }
    let mut mc: Vec<_> = missed_cues.into_iter().collect();
    mc.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("\nmost frequent cues of attributions whose cue was missed:");
    for (k, c) in mc
        .iter()
        .take(std::env::var("CC_ALL").map_or(40, |_| usize::MAX))
    {
        println!("  {c} {k}");
    }
    for n in &names {
        if *n == "exact" {
            continue;
        }
        println!("\n## {n}");
        for l in classes[n].iter().take(show) {
            println!("  {l}");
        }
    }
    println!("\n## false sources");
    for l in false_sources.iter().take(show) {
        println!("  {l}");
    }
}
