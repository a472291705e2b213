//! Train the attribution tagger ([`crosscheck_facts::tagger`]) on the
//! PolNeAR **train** split and write its weights:
//!
//! ```sh
//! cargo run --release -p crosscheck-facts --example train_attribution -- \
//!     --dataset ../shared/data/polnear [--epochs N] [--bits B] [--out FILE]
//! ```
//!
//! The last tenth of the train documents (by name) is first held out to
//! choose the number of epochs (the mean of the six span F1 figures of
//! [`crosscheck_facts::eval`] on the held-out documents, printed per epoch,
//! up to `--epochs`); then the model is trained on the
//! whole train split for that many epochs and written to `--out` (default
//! `crates/facts/data/attribution.weights`, which the crate bundles). The
//! dev and test splits are never read. Every annotation file of a document
//! is a training example (some documents are annotated twice). The order
//! of sentences is shuffled by a fixed-seed generator: the output is the
//! same on every run.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_facts::tagger::{self, Example, Weights};

struct Args {
    dataset: PathBuf,
    epochs: usize,
    bits: u32,
    out: PathBuf,
}

fn args() -> Args {
    let mut a = Args {
        dataset: PathBuf::from("../shared/data/polnear"),
        epochs: 15,
        bits: 16,
        out: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/attribution.weights"
        )),
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--dataset" => a.dataset = v.into(),
            "--epochs" => a.epochs = v.parse().expect("--epochs N"),
            "--bits" => a.bits = v.parse().expect("--bits B"),
            "--out" => a.out = v.into(),
            _ => panic!("unknown option {k}"),
        }
    }
    a
}

/// Examples of a list of documents (each annotation file once).
fn examples(files: &[(PathBuf, Vec<PathBuf>)], bits: u32) -> Vec<Example> {
    let mut out = Vec::new();
    for (text_path, anns) in files {
        let text = std::fs::read_to_string(text_path).expect("text");
        let inputs = crosscheck_facts::tagger_inputs(&text, bits);
        for ann_path in anns {
            let ann = std::fs::read_to_string(ann_path).expect("ann");
            let (src, cue, con) = crosscheck_facts::eval::gold_spans(&text, &ann);
            for (toks, features) in &inputs {
                if toks.is_empty() {
                    continue;
                }
                out.push(Example {
                    features: features.clone(),
                    gold: tagger::gold_labels(toks, &src, &cue, &con),
                });
            }
        }
    }
    out
}

/// A fixed-seed permutation (xorshift64*, Fisher–Yates).
fn shuffled(n: usize, seed: &mut u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        *seed ^= *seed >> 12;
        *seed ^= *seed << 25;
        *seed ^= *seed >> 27;
        let r = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
    v
}

/// Mean of the six span F1 figures (exact and overlap; source, cue, content).
fn mean_f1(s: &crosscheck_facts::eval::AttributionScores) -> f64 {
    [&s.source, &s.cue, &s.content]
        .iter()
        .map(|x| x.exact.f1 + x.overlap.f1)
        .sum::<f64>()
        / 6.0
}

/// Train for `epochs` passes; with held-out documents, return the weights
/// of the best epoch on them and its number.
fn train(
    examples: &[Example],
    epochs: usize,
    bits: u32,
    held: &[(PathBuf, Vec<PathBuf>)],
) -> (Weights, usize) {
    let mut w = Weights::new(bits);
    let mut seed = 0x5eed_a771_b0b5_u64;
    let (mut best, mut best_epoch) = (f64::MIN, epochs);
    let mut best_w: Option<Weights> = None;
    for e in 1..=epochs {
        let t = Instant::now();
        let order = shuffled(examples.len(), &mut seed);
        let errors = w.epoch(examples, &order);
        let mut line = format!(
            "epoch {e}: {errors} of {} sentences wrong, {:.1}s",
            examples.len(),
            t.elapsed().as_secs_f64()
        );
        if !held.is_empty() {
            let m = tagger::Model::from_bytes(&w.to_bytes(0.0)).expect("own format");
            let s = crosscheck_facts::eval::score_files("held-out", held, Some(&m));
            let mean = mean_f1(&s);
            line += &format!(
                "; held-out F1 exact/overlap source {:.3}/{:.3} cue {:.3}/{:.3} content {:.3}/{:.3} (mean {mean:.4})",
                s.source.exact.f1, s.source.overlap.f1, s.cue.exact.f1, s.cue.overlap.f1,
                s.content.exact.f1, s.content.overlap.f1
            );
            if mean > best {
                best = mean;
                best_epoch = e;
                best_w = Some(w.clone());
            }
        }
        eprintln!("{line}");
    }
    (best_w.unwrap_or(w), best_epoch)
}

fn main() {
    let a = args();
    let t = Instant::now();
    let files = crosscheck_facts::eval::split_files(&a.dataset, "train")
        .unwrap_or_else(|| panic!("no train split under {}", a.dataset.display()));
    let cut = files.len() - files.len() / 10;
    let (fit, held) = files.split_at(cut);
    let fit_ex = examples(fit, a.bits);
    let held_ex = examples(held, a.bits);
    eprintln!(
        "{} + {} documents, {} + {} sentences, features {:.1}s",
        fit.len(),
        held.len(),
        fit_ex.len(),
        held_ex.len(),
        t.elapsed().as_secs_f64()
    );
    let rules = crosscheck_facts::eval::score_files("held-out, rules alone", held, None);
    eprintln!("{rules}");
    let ceiling = crosscheck_facts::eval::score_gold_labels("held-out, gold labels decoded", held);
    eprintln!("{ceiling}");
    let (held_w, epochs) = train(&fit_ex, a.epochs, a.bits, held);
    eprintln!("best held-out epoch count: {epochs}");
    // The recall bias, on the held-out documents, with the model of the
    // best epoch.
    let (mut best, mut bias) = (f64::MIN, 0.0f32);
    for b in [0.0f32, 5.0, 10.0, 20.0, 40.0, 80.0] {
        let m = tagger::Model::from_bytes(&held_w.to_bytes(b)).expect("own format");
        let s = crosscheck_facts::eval::score_files("held-out", held, Some(&m));
        let mean = mean_f1(&s);
        eprintln!(
            "recall bias {b}: source {:.3}/{:.3} cue {:.3}/{:.3} content {:.3}/{:.3} (mean {mean:.4})",
            s.source.exact.f1, s.source.overlap.f1, s.cue.exact.f1, s.cue.overlap.f1,
            s.content.exact.f1, s.content.overlap.f1
        );
        if mean > best {
            best = mean;
            bias = b;
        }
    }
    eprintln!("recall bias {bias}; training on all train documents");
    let mut all = fit_ex;
    all.extend(held_ex);
    let (w, _) = train(&all, epochs, a.bits, &[]);
    let bytes = w.to_bytes(bias);
    std::fs::write(&a.out, &bytes).expect("write weights");
    eprintln!(
        "wrote {} ({} bytes), {:.1}s in all",
        a.out.display(),
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
}
