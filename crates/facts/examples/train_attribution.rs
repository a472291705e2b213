//! Train the attribution tagger ([`crosscheck_facts::tagger`]) on the
//! PolNeAR **train** split and write its weights:
//!
//! ```sh
//! cargo run --release -p crosscheck-facts --example train_attribution -- \
//!     --dataset ../shared/data/polnear [--epochs N] [--bits B] [--out FILE] \
//!     [--fit-out FILE] [--margin KEY,OTHER] [--cv K]
//! ```
//!
//! The number of epochs is chosen by 5-fold cross-validation on the train
//! split (the mean of the six span F1 figures of [`crosscheck_facts::eval`]
//! on the held-out fold, printed per epoch, up to `--epochs`); the last
//! tenth of the train documents (by name) is held out to choose the recall
//! bias and to print the per-epoch curve; then the model is trained on the
//! whole train split for that many epochs and written to `--out` (default
//! `crates/facts/data/attribution.weights`, which the crate bundles). The
//! dev and test splits are never read. `--cv K` instead cross-validates
//! over K folds of the train split with `--epochs` passes (for comparing
//! features: the held-out tenth alone is small and noisy). `--fit-out`
//! also writes the model trained on the fit part alone (for
//! `attribution_errors --held`). `--margin` sets the training margin
//! ([`tagger::Margin`]; default 10 for source and cue labels, 2 for the
//! others, chosen by 5-fold cross-validation on train).
//!
//! `--sources FILE` trains the source ranker
//! ([`crosscheck_facts::sources`]) instead: each train document is tagged
//! by the tagger trained on the other four folds, every choice of a source
//! is recorded and labelled from the annotation, the ranker is
//! cross-validated over the same folds against the nearest tagger chunk
//! (which also picks its bias against choosing no source), then trained on
//! all choices and written to FILE (the bundled one is
//! `crates/facts/data/source_ranker.weights`). Retrain it after the tagger.
//!
//! Every annotation file of a document is a training example (some
//! documents are annotated twice); the cue lexicon is cross-fitted (see
//! [`examples`]). The order of sentences is shuffled by a fixed-seed
//! generator: the output is the same on every run. The agreement of the
//! second annotator with the first on the doubly annotated train documents
//! is printed first, as the human ceiling of the scores.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_facts::sources::{self, Choice, Ranker, RankerWeights};
use crosscheck_facts::tagger::{self, CueCounts, CueLexicon, Example, Margin, Weights};

struct Args {
    dataset: PathBuf,
    epochs: usize,
    bits: u32,
    out: PathBuf,
    /// Where to write the model trained on the fit part alone (for error
    /// analysis on the held-out documents), if anywhere.
    fit_out: Option<PathBuf>,
    /// Cross-validate over this many folds of the train split (fixed
    /// epoch count, no recall bias) instead of training, if set.
    cv: Option<usize>,
    margin: Margin,
    /// Train the source ranker ([`sources`]) instead of the tagger,
    /// writing it here.
    sources_out: Option<PathBuf>,
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
        fit_out: None,
        cv: None,
        sources_out: None,
        margin: Margin {
            key: 10.0,
            other: 2.0,
        },
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let v = it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--dataset" => a.dataset = v.into(),
            "--epochs" => a.epochs = v.parse().expect("--epochs N"),
            "--bits" => a.bits = v.parse().expect("--bits B"),
            "--out" => a.out = v.into(),
            "--fit-out" => a.fit_out = Some(v.into()),
            "--cv" => a.cv = Some(v.parse().expect("--cv K")),
            "--sources" => a.sources_out = Some(v.into()),
            "--margin" => {
                let (k, o) = v.split_once(',').expect("--margin KEY,OTHER");
                a.margin = Margin {
                    key: k.parse().expect("--margin KEY,OTHER"),
                    other: o.parse().expect("--margin KEY,OTHER"),
                };
            }
            _ => panic!("unknown option {k}"),
        }
    }
    a
}

/// Folds of the cross-fitted cue lexicon.
const FOLDS: usize = 5;

/// Cue counts of each document (over all its annotation files).
fn doc_counts(files: &[(PathBuf, Vec<PathBuf>)]) -> Vec<CueCounts> {
    files
        .iter()
        .map(|(text_path, anns)| {
            let text = std::fs::read_to_string(text_path).expect("text");
            let toks = crosscheck_facts::tokenize(&text, 0);
            let mut c = CueCounts::default();
            for ann_path in anns {
                let ann = std::fs::read_to_string(ann_path).expect("ann");
                let (src, cue, _) = crosscheck_facts::eval::gold_spans(&text, &ann);
                let inside = |spans: &[(usize, usize)]| -> Vec<bool> {
                    toks.iter()
                        .map(|t| spans.iter().any(|&(s, e)| t.start >= s && t.start < e))
                        .collect()
                };
                c.add(&toks, &inside(&cue), &inside(&src));
            }
            c
        })
        .collect()
}

/// The cue lexicon of all the given documents' counts but those of fold
/// `skip` (document `i` is in fold `i % FOLDS`).
fn lexicon_without(counts: &[CueCounts], skip: Option<usize>) -> CueLexicon {
    let mut all = CueCounts::default();
    for (i, c) in counts.iter().enumerate() {
        if Some(i % FOLDS) != skip {
            all.merge(c);
        }
    }
    all.lexicon()
}

/// Examples of a list of documents (each annotation file once), and the
/// lexicon of all of them. The features of a document are computed with
/// the lexicon of the other folds (cross-fitting): a lexicon that has seen
/// the document's own cues would make its features look more reliable in
/// training than they are on new text.
fn examples(files: &[(PathBuf, Vec<PathBuf>)], bits: u32) -> (Vec<Example>, CueLexicon) {
    let counts = doc_counts(files);
    let folds: Vec<CueLexicon> = (0..FOLDS)
        .map(|k| lexicon_without(&counts, Some(k)))
        .collect();
    let mut out = Vec::new();
    for (d, (text_path, anns)) in files.iter().enumerate() {
        let text = std::fs::read_to_string(text_path).expect("text");
        let inputs = crosscheck_facts::tagger_inputs(&text, bits, &folds[d % FOLDS]);
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
    (out, lexicon_without(&counts, None))
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

/// Train for `epochs` passes with margin `margin`; with held-out
/// documents, return the weights of the best epoch on them, its number
/// and the held-out mean F1 after each epoch.
fn train(
    examples: &[Example],
    lexicon: &CueLexicon,
    epochs: usize,
    bits: u32,
    margin: Margin,
    held: &[(PathBuf, Vec<PathBuf>)],
) -> (Weights, usize, Vec<f64>) {
    let mut w = Weights::new(bits);
    w.lexicon = lexicon.clone();
    let mut seed = 0x5eed_a771_b0b5_u64;
    let (mut best, mut best_epoch) = (f64::MIN, epochs);
    let mut best_w: Option<Weights> = None;
    let mut means = Vec::new();
    for e in 1..=epochs {
        let t = Instant::now();
        let order = shuffled(examples.len(), &mut seed);
        let errors = w.epoch(examples, &order, margin);
        let mut line = format!(
            "epoch {e}: {errors} of {} sentences wrong, {:.1}s",
            examples.len(),
            t.elapsed().as_secs_f64()
        );
        if !held.is_empty() {
            let m = tagger::Model::from_bytes(&w.to_bytes(0.0)).expect("own format");
            let s = crosscheck_facts::eval::score_files("held-out", held, Some(&m));
            let mean = mean_f1(&s);
            means.push(mean);
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
    (best_w.unwrap_or(w), best_epoch, means)
}

/// The epoch count with the best mean held-out F1 over `k` folds of the
/// train split (document `i` held out in fold `i % k`), up to `max`: the
/// last tenth alone is too small to choose it (its best count swung
/// between 4 and 14 with no change in cross-validated scores).
fn cv_epochs(files: &[(PathBuf, Vec<PathBuf>)], k: usize, max: usize, a: &Args) -> usize {
    let mut sum = vec![0f64; max];
    for f in 0..k {
        let (fit, held) = fold(files, k, f);
        let (ex, lex) = examples(&fit, a.bits);
        let (_, _, means) = train(&ex, &lex, max, a.bits, a.margin, &held);
        for (x, y) in sum.iter_mut().zip(means) {
            *x += y / k as f64;
        }
    }
    for (e, m) in sum.iter().enumerate() {
        eprintln!("{} epochs: mean held-out F1 over {k} folds {m:.4}", e + 1);
    }
    sum.iter()
        .enumerate()
        .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(&x.0)))
        .map_or(max, |(e, _)| e + 1)
}

/// The fit and held-out documents of fold `f` of `k`.
#[allow(clippy::type_complexity)]
fn fold(
    files: &[(PathBuf, Vec<PathBuf>)],
    k: usize,
    f: usize,
) -> (Vec<(PathBuf, Vec<PathBuf>)>, Vec<(PathBuf, Vec<PathBuf>)>) {
    let (fit, held): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % k != f);
    (
        fit.into_iter().map(|(_, x)| x).collect(),
        held.into_iter().map(|(_, x)| x).collect(),
    )
}

/// K-fold cross-validation on the train split: document `i` is held out
/// in fold `i % k`; prints each fold's six F1 figures and their means.
fn cross_validate(files: &[(PathBuf, Vec<PathBuf>)], k: usize, a: &Args) {
    assert!(k >= 2, "--cv needs at least two folds");
    let mut sum = [0f64; 6];
    for f in 0..k {
        let t = Instant::now();
        let (fit, held) = fold(files, k, f);
        let (ex, lex) = examples(&fit, a.bits);
        let (w, _, _) = train(&ex, &lex, a.epochs, a.bits, a.margin, &[]);
        let m = tagger::Model::from_bytes(&w.to_bytes(0.0)).expect("own format");
        let s = crosscheck_facts::eval::score_files("fold", &held, Some(&m));
        let v = [
            s.source.exact.f1,
            s.source.overlap.f1,
            s.cue.exact.f1,
            s.cue.overlap.f1,
            s.content.exact.f1,
            s.content.overlap.f1,
        ];
        for (x, y) in sum.iter_mut().zip(v) {
            *x += y;
        }
        eprintln!(
            "fold {f}: source {:.3}/{:.3} cue {:.3}/{:.3} content {:.3}/{:.3}, {:.1}s",
            v[0],
            v[1],
            v[2],
            v[3],
            v[4],
            v[5],
            t.elapsed().as_secs_f64()
        );
    }
    let m: Vec<f64> = sum.iter().map(|x| x / k as f64).collect();
    println!(
        "cv {k} folds, {} epochs: source {:.4}/{:.4} cue {:.4}/{:.4} content {:.4}/{:.4}",
        a.epochs, m[0], m[1], m[2], m[3], m[4], m[5]
    );
}

fn main() {
    let a = args();
    let t = Instant::now();
    let files = crosscheck_facts::eval::split_files(&a.dataset, "train")
        .unwrap_or_else(|| panic!("no train split under {}", a.dataset.display()));
    eprintln!(
        "{}",
        crosscheck_facts::eval::score_agreement(
            "train, second annotator against the first",
            &files
        )
    );
    if let Some(out) = &a.sources_out {
        train_sources(&files, &a, out);
        return;
    }
    // The tagger is chosen and scored on its own labels: sources are the
    // nearest source chunks, as without a ranker.
    sources::with_ranker(None, || train_tagger(&files, &a, t));
}

fn train_tagger(files: &[(PathBuf, Vec<PathBuf>)], a: &Args, t: Instant) {
    let files = files.to_vec();
    if let Some(k) = a.cv {
        cross_validate(&files, k, a);
        return;
    }
    let cut = files.len() - files.len() / 10;
    let (fit, held) = files.split_at(cut);
    let (fit_ex, fit_lex) = examples(fit, a.bits);
    eprintln!(
        "{} + {} documents, {} sentences to fit, {} cue words learned, features {:.1}s",
        fit.len(),
        held.len(),
        fit_ex.len(),
        fit_lex.len(),
        t.elapsed().as_secs_f64()
    );
    let rules = crosscheck_facts::eval::score_files("held-out, rules alone", held, None);
    eprintln!("{rules}");
    let ceiling = crosscheck_facts::eval::score_gold_labels("held-out, gold labels decoded", held);
    eprintln!("{ceiling}");
    let (held_w, held_epochs, _) = train(&fit_ex, &fit_lex, a.epochs, a.bits, a.margin, held);
    eprintln!("best held-out epoch count on the last tenth: {held_epochs}");
    let epochs = cv_epochs(&files, FOLDS, a.epochs, a);
    eprintln!("epoch count chosen by {FOLDS}-fold cross-validation: {epochs}");
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
    if let Some(p) = &a.fit_out {
        std::fs::write(p, held_w.to_bytes(bias)).expect("write fit weights");
        eprintln!("wrote the fit-part model to {}", p.display());
    }
    eprintln!("recall bias {bias}; training on all train documents");
    drop(fit_ex);
    let (all, all_lex) = examples(&files, a.bits);
    let (w, _, _) = train(&all, &all_lex, epochs, a.bits, a.margin, &[]);
    let bytes = w.to_bytes(bias);
    std::fs::write(&a.out, &bytes).expect("write weights");
    eprintln!(
        "wrote {} ({} bytes), {:.1}s in all",
        a.out.display(),
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
}

/// Training examples of the source ranker from one document's recorded
/// choices: each choice with the index of its right candidate, matched on
/// the first annotation: the gold source of the attribution whose cue
/// overlaps the chosen cue most, or no source (index 0) where that
/// attribution has none or no gold cue overlaps. Choices whose gold source
/// is not among the candidates are left out.
fn label_choices(text: &str, ann: &str, choices: Vec<Choice>) -> Vec<(Choice, usize)> {
    let gold = crosscheck_facts::eval::gold_attributions(text, ann);
    let trim = |r| crosscheck_facts::eval::trimmed(text, r);
    choices
        .into_iter()
        .filter_map(|ch| {
            let overlap = |g: (usize, usize)| ch.cue.1.min(g.1).saturating_sub(ch.cue.0.max(g.0));
            let best = gold
                .iter()
                .filter_map(|g| g.cue.map(|c| (overlap(c), g)))
                .filter(|&(o, _)| o > 0)
                .max_by_key(|&(o, g)| (o, std::cmp::Reverse(g.cue)))
                .map(|(_, g)| g);
            let target = match best.and_then(|g| g.source) {
                None => Some(0),
                Some(src) => {
                    let src = trim(src);
                    ch.candidates
                        .iter()
                        .position(|c| c.is_some_and(|c| trim(c) == src))
                }
            }?;
            Some((ch, target))
        })
        .collect()
}

/// Each train document's labelled choices, recorded while tagging it with
/// the tagger trained on the other folds (cross-fitting, as the ranker
/// will meet the tagger's labels on new text), and those fold taggers.
#[allow(clippy::type_complexity)]
fn cross_fitted_choices(
    files: &[(PathBuf, Vec<PathBuf>)],
    a: &Args,
    epochs: usize,
) -> (Vec<Vec<(Choice, usize)>>, Vec<tagger::Model>) {
    let mut per_doc: Vec<Vec<(Choice, usize)>> = vec![Vec::new(); files.len()];
    let mut models = Vec::new();
    let (mut skipped, mut total, mut none) = (0, 0, 0);
    for f in 0..FOLDS {
        let (fit, _) = fold(files, FOLDS, f);
        let (ex, lex) = examples(&fit, a.bits);
        let (w, _, _) = train(&ex, &lex, epochs, a.bits, a.margin, &[]);
        let m = tagger::Model::from_bytes(&w.to_bytes(0.0)).expect("own format");
        for (d, (text_path, anns)) in files.iter().enumerate() {
            if d % FOLDS != f {
                continue;
            }
            let text = std::fs::read_to_string(text_path).expect("text");
            let ann = std::fs::read_to_string(&anns[0]).expect("ann");
            let (_, choices) = sources::with_ranker(None, || {
                sources::recording(|| crosscheck_facts::find_statements_with(Some(&m), &text))
            });
            let n = choices.len();
            per_doc[d] = label_choices(&text, &ann, choices);
            skipped += n - per_doc[d].len();
            total += n;
            none += per_doc[d].iter().filter(|x| x.1 == 0).count();
        }
        eprintln!("fold {f}: tagger trained and its held-out choices recorded");
        models.push(m);
    }
    eprintln!(
        "{total} choices: {none} with no source, {skipped} left out (gold source not a candidate)"
    );
    (per_doc, models)
}

/// An averaged perceptron ranker over the given examples.
fn train_ranker(examples: &[(&Choice, usize)], epochs: usize) -> RankerWeights {
    // The choices were recorded without a ranker, hashed to RECORD_BITS.
    let mut w = RankerWeights::new(sources::RECORD_BITS);
    let mut seed = 0x5eed_50c3_u64;
    for _ in 0..epochs {
        let order = shuffled(examples.len(), &mut seed);
        w.epoch(examples, &order);
    }
    w
}

/// Epochs of the fold taggers: the count the tagger's own
/// cross-validation chose for the bundled weights.
const TAGGER_EPOCHS: usize = 9;

/// Ranker passes: few, as more fit the sparse span features to the train
/// folds (5-fold cross-validation: 2–4 passes 0.709, 10 passes 0.705, 20
/// passes 0.706 source F1).
const RANKER_EPOCHS: usize = 3;

/// Biases against choosing no source tried by cross-validation.
const NONE_BIASES: [f32; 7] = [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0];

/// Train the source ranker: cross-validated against the nearest-chunk
/// choice (which also chooses the bias against no source), then on all
/// train documents, written to `out`.
fn train_sources(files: &[(PathBuf, Vec<PathBuf>)], a: &Args, out: &std::path::Path) {
    let (per_doc, models) = cross_fitted_choices(files, a, TAGGER_EPOCHS);
    let mut base = (0f64, 0f64);
    let mut ranked = [(0f64, 0f64); NONE_BIASES.len()];
    let k = FOLDS as f64;
    for (f, m) in models.iter().enumerate() {
        let fit: Vec<(&Choice, usize)> = per_doc
            .iter()
            .enumerate()
            .filter(|(d, _)| d % FOLDS != f)
            .flat_map(|(_, v)| v.iter().map(|(c, t)| (c, *t)))
            .collect();
        let w = train_ranker(&fit, RANKER_EPOCHS);
        let (_, held) = fold(files, FOLDS, f);
        let b = sources::with_ranker(None, || {
            crosscheck_facts::eval::score_files("fold", &held, Some(m))
        });
        base.0 += b.source.exact.f1 / k;
        base.1 += b.source.overlap.f1 / k;
        for (i, &bias) in NONE_BIASES.iter().enumerate() {
            let r = std::sync::Arc::new(Ranker::from_bytes(&w.to_bytes(bias)).expect("own format"));
            let s = sources::with_ranker(Some(r), || {
                crosscheck_facts::eval::score_files("fold", &held, Some(m))
            });
            ranked[i].0 += s.source.exact.f1 / k;
            ranked[i].1 += s.source.overlap.f1 / k;
        }
        eprintln!("fold {f}: {} choices to fit", fit.len());
    }
    eprintln!(
        "cv {FOLDS} folds, source F1 exact/overlap: nearest chunk {:.4}/{:.4}",
        base.0, base.1
    );
    let mut best = (f64::MIN, 0f32);
    for (i, &bias) in NONE_BIASES.iter().enumerate() {
        let (e, o) = ranked[i];
        eprintln!("  ranked, bias {bias} against no source: {e:.4}/{o:.4}");
        if e + o > best.0 {
            best = (e + o, bias);
        }
    }
    let all: Vec<(&Choice, usize)> = per_doc
        .iter()
        .flat_map(|v| v.iter().map(|(c, t)| (c, *t)))
        .collect();
    let w = train_ranker(&all, RANKER_EPOCHS);
    let bytes = w.to_bytes(best.1);
    std::fs::write(out, &bytes).expect("write ranker");
    eprintln!(
        "wrote {} ({} bytes), bias {} against no source",
        out.display(),
        bytes.len(),
        best.1
    );
}
