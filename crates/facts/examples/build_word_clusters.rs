//! Build the distributional word classes the attribution tagger reads
//! ([`crosscheck_facts::tagger::WordClasses`]) from unlabelled news text
//! and write them to `crates/facts/data/word_classes.bin`:
//!
//! ```sh
//! cargo run --release -p crosscheck-facts --example build_word_clusters -- \
//!     [--data ../shared/data] [--out FILE] [--fine K] [--coarse K]
//! ```
//!
//! Read: the PolNeAR **train** texts (never dev), Reuters-21578, the DUC
//! 2003 documents, the MultiLing 2011 English sources and the MSRP train
//! sentences. Each word that occurs at least `MIN_COUNT` times (at most
//! `MAX_WORDS` of them) is described by the words one and two places to
//! its left and right (positive pointwise mutual information over the
//! `CONTEXTS` most frequent tokens), projected to `DIMS` dimensions by a
//! fixed random sign matrix, and grouped by spherical k-means twice: into
//! `--fine` (default 400) and `--coarse` (default 50) classes. Words that
//! are used alike fall in one class ("demanding", "urging", "insisting"),
//! so the tagger's weights for a class reach words it never saw labelled.
//! The file holds 32-bit word hashes and class numbers only, no text; the
//! run is deterministic (same file every time).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crosscheck_facts::tagger::{word_key, WordClasses};
use crosscheck_facts::{tokenize, TokKind};

const MIN_COUNT: u32 = 5;
const MAX_WORDS: usize = 40_000;
const CONTEXTS: usize = 2_000;
const ITERATIONS: usize = 15;

/// Every text of the corpus, as strings.
fn corpus(data: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let files = |dir: PathBuf, f: &mut dyn FnMut(&Path)| {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for p in paths {
            f(&p);
        }
    };
    // PolNeAR train texts.
    files(data.join("polnear/data/train/text"), &mut |p| {
        out.push(read_text(p));
    });
    // Reuters-21578 (Latin-1 SGML): the bodies, tags dropped.
    files(data.join("reuters21578"), &mut |p| {
        if p.extension().is_some_and(|x| x == "sgm") {
            let bytes = read_bytes(p);
            let text: String = bytes.iter().map(|&b| b as char).collect();
            out.push(strip_tags(&text));
        }
    });
    // DUC 2003 documents (SGML), one folder per cluster.
    files(data.join("duc2003/docs.without.headlines"), &mut |dir| {
        if dir.is_dir() {
            let mut docs: Vec<PathBuf> = std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            docs.sort();
            for d in docs {
                let bytes = read_bytes(&d);
                out.push(strip_tags(&String::from_utf8_lossy(&bytes)));
            }
        }
    });
    // MultiLing 2011 English sources.
    files(data.join("multiling2011/SourceTexts"), &mut |p| {
        if p.extension().is_some_and(|x| x == "english") {
            let bytes = read_bytes(p);
            out.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    });
    // MSRP train sentences (tab-separated: label, ids, two sentences).
    let msrp = read_bytes(&data.join("msrp/msr_paraphrase_train.txt"));
    for line in String::from_utf8_lossy(&msrp).lines().skip(1) {
        for s in line.split('\t').skip(3) {
            out.push(s.to_string());
        }
    }
    out
}

/// A file's bytes; stops with the file's name and the reason if unreadable.
fn read_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A UTF-8 file's text; stops with the file's name and the reason if not.
fn read_text(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Text with `<...>` tags replaced by newlines.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                out.push('\n');
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// A token as the classes see it: words and punctuation lower-cased,
/// numbers as one symbol.
fn token_form(kind: TokKind, text: &str) -> String {
    match kind {
        TokKind::Number => "<num>".to_string(),
        _ => text.to_lowercase().replace('’', "'"),
    }
}

/// A word's description: sorted `(dimension, weight)` pairs, unit length.
type Sparse = Vec<(u32, f32)>;

/// Spherical k-means of the unit sparse vectors `v` into `k` classes,
/// seeded with evenly spaced rows (the rows are in order of frequency):
/// the class of each row.
fn kmeans(v: &[Sparse], dims: usize, k: usize) -> Vec<u16> {
    let n = v.len();
    let mut centres = vec![0f32; k * dims];
    for c in 0..k {
        for &(d, x) in &v[c * n / k] {
            centres[c * dims + d as usize] = x;
        }
    }
    let mut class = vec![u16::MAX; n];
    for it in 0..ITERATIONS {
        let mut moved = 0;
        for (i, row) in v.iter().enumerate() {
            let mut best = (f32::MIN, 0usize);
            for c in 0..k {
                let centre = &centres[c * dims..(c + 1) * dims];
                let dot: f32 = row.iter().map(|&(d, x)| x * centre[d as usize]).sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            if class[i] != best.1 as u16 {
                moved += 1;
                class[i] = best.1 as u16;
            }
        }
        centres.iter_mut().for_each(|x| *x = 0.0);
        for (i, row) in v.iter().enumerate() {
            let c = class[i] as usize;
            for &(d, x) in row {
                centres[c * dims + d as usize] += x;
            }
        }
        for c in 0..k {
            let s = &mut centres[c * dims..(c + 1) * dims];
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                s.iter_mut().for_each(|x| *x /= norm);
            }
        }
        eprintln!("k={k} iteration {it}: {moved} words moved");
        if moved == 0 {
            break;
        }
    }
    class
}

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut out = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/word_classes.bin"
    ));
    let (mut fine, mut coarse) = (400usize, 50usize);
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--data" => data = v.into(),
            "--out" => out = v.into(),
            "--fine" => fine = v.parse().expect("--fine K"),
            "--coarse" => coarse = v.parse().expect("--coarse K"),
            _ => panic!("unknown option {k}"),
        }
    }
    let texts = corpus(&data);
    // Token ids, with a sentinel between texts.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut forms: Vec<String> = Vec::new();
    let mut seq: Vec<u32> = Vec::new();
    const BREAK: u32 = u32::MAX;
    for t in &texts {
        for tok in tokenize(t, 0) {
            let f = token_form(tok.kind, tok.text);
            let id = *ids.entry(f.clone()).or_insert_with(|| {
                forms.push(f);
                (forms.len() - 1) as u32
            });
            seq.push(id);
        }
        seq.push(BREAK);
    }
    let mut count = vec![0u32; forms.len()];
    for &id in &seq {
        if id != BREAK {
            count[id as usize] += 1;
        }
    }
    // Ids by falling frequency, ties by form.
    let mut by_freq: Vec<u32> = (0..forms.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        count[b as usize]
            .cmp(&count[a as usize])
            .then_with(|| forms[a as usize].cmp(&forms[b as usize]))
    });
    let mut context_of = vec![u32::MAX; forms.len()];
    for (k, &id) in by_freq.iter().take(CONTEXTS).enumerate() {
        context_of[id as usize] = k as u32;
    }
    let words: Vec<u32> = by_freq
        .iter()
        .copied()
        .filter(|&id| {
            count[id as usize] >= MIN_COUNT && forms[id as usize].chars().any(char::is_alphabetic)
        })
        .take(MAX_WORDS)
        .collect();
    let mut row_of = vec![u32::MAX; forms.len()];
    for (r, &id) in words.iter().enumerate() {
        row_of[id as usize] = r as u32;
    }
    eprintln!(
        "{} texts, {} tokens, {} forms, {} words classed",
        texts.len(),
        seq.len(),
        forms.len(),
        words.len()
    );
    // Co-occurrence counts: word row x (position, context).
    let mut cooc: Vec<HashMap<u32, u32>> = vec![HashMap::new(); words.len()];
    let mut ctx_total = vec![0f64; 4 * CONTEXTS];
    for i in 0..seq.len() {
        let id = seq[i];
        if id == BREAK || row_of[id as usize] == u32::MAX {
            continue;
        }
        let r = row_of[id as usize] as usize;
        for (slot, off) in [(0usize, -2isize), (1, -1), (2, 1), (3, 2)] {
            let j = i as isize + off;
            if j < 0 || j as usize >= seq.len() {
                continue;
            }
            // Do not look across a text boundary.
            let (lo, hi) = if off < 0 {
                (j as usize, i)
            } else {
                (i, j as usize)
            };
            if seq[lo..=hi].contains(&BREAK) {
                continue;
            }
            let c = context_of[seq[j as usize] as usize];
            if c == u32::MAX {
                continue;
            }
            let dim = slot as u32 * CONTEXTS as u32 + c;
            *cooc[r].entry(dim).or_default() += 1;
            ctx_total[dim as usize] += 1.0;
        }
    }
    // PPMI with smoothed context probabilities (counts to the power 0.75),
    // each row normalised.
    let smoothed: Vec<f64> = ctx_total.iter().map(|&c| c.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let vecs: Vec<Sparse> = cooc
        .iter()
        .map(|m| {
            let row_total: f64 = m.values().map(|&x| x as f64).sum();
            let mut row: Sparse = m
                .iter()
                .filter_map(|(&dim, &c)| {
                    let p_wc = c as f64 / row_total;
                    let p_c = smoothed[dim as usize] / smoothed_total;
                    let pmi = (p_wc / p_c).ln();
                    (pmi > 0.0).then_some((dim, pmi as f32))
                })
                .collect();
            row.sort_by_key(|&(d, _)| d);
            let norm = row.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            row
        })
        .collect();
    let dims = 4 * CONTEXTS;
    let fine_class = kmeans(&vecs, dims, fine);
    let coarse_class = kmeans(&vecs, dims, coarse);
    let mut classes = WordClasses::default();
    for (r, &id) in words.iter().enumerate() {
        classes.insert(
            word_key(&forms[id as usize]),
            fine_class[r] + 1,
            coarse_class[r] as u8 + 1,
        );
    }
    // A sample of classes to eyeball.
    for probe in [
        "said",
        "demanding",
        "told",
        "criticized",
        "senator",
        "he",
        "according",
    ] {
        if let Some(&id) = ids.get(probe) {
            let r = row_of[id as usize];
            if r == u32::MAX {
                continue;
            }
            let c = fine_class[r as usize];
            let mates: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|&(k, _)| fine_class[k] == c)
                .take(15)
                .map(|(_, &w)| forms[w as usize].as_str())
                .collect();
            eprintln!("{probe}: class {c}: {}", mates.join(" "));
        }
    }
    std::fs::write(&out, classes.to_bytes()).expect("write classes");
    eprintln!("wrote {} ({} words)", out.display(), classes.len());
}
