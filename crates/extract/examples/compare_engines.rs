//! Pages where the fast engine and the Readability engine extract different
//! text, with each one's F1 (the benchmark's metric) and the sum of the
//! precision/recall differences, to see where the fast path gains or loses.
//!
//! ```text
//! cargo run --release -p crosscheck-extract --example compare_engines [-- --dataset DIR]
//! ```

use crosscheck_extract::{eval, Engine, Extractor};
use std::path::PathBuf;

fn main() {
    let mut dataset = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/article-extraction-benchmark"
    ));
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--dataset" {
            dataset = args.next().expect("--dataset DIR").into();
        }
    }
    let (pages, _) = match eval::load_dataset(&dataset) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("skipping: {e}");
            return;
        }
    };
    let fast = Extractor::new().record_removed(false);
    let slow = Extractor::new()
        .record_removed(false)
        .engine(Engine::Readability);
    let (mut dp, mut dr, mut n) = (0.0, 0.0, 0);
    let (mut all_a, mut all_b) = (Vec::new(), Vec::new());
    let mut meta_diffs = [0usize; 5];
    for p in &pages {
        let ea = fast.extract(&p.html);
        let eb = slow.extract(&p.html);
        for (i, (x, y)) in [
            (format!("{:?}", ea.title), format!("{:?}", eb.title)),
            (format!("{:?}", ea.published), format!("{:?}", eb.published)),
            (format!("{:?}", ea.authors), format!("{:?}", eb.authors)),
            (format!("{:?}", ea.site_name), format!("{:?}", eb.site_name)),
            (
                format!("{:?}", ea.canonical_url),
                format!("{:?}", eb.canonical_url),
            ),
        ]
        .into_iter()
        .enumerate()
        {
            if x != y {
                meta_diffs[i] += 1;
                if std::env::var_os("SHOW_META").is_some() {
                    println!("{} field {i}: fast {x} / readability {y}", &p.key[..12]);
                }
            }
        }
        let (a, b) = (ea.text, eb.text);
        all_a.push(eval::shingle_matching(&p.truth, &a));
        all_b.push(eval::shingle_matching(&p.truth, &b));
        if a == b {
            continue;
        }
        n += 1;
        let ma = eval::shingle_matching(&p.truth, &a);
        let mb = eval::shingle_matching(&p.truth, &b);
        dp += ma.precision() - mb.precision();
        dr += ma.recall() - mb.recall();
        println!(
            "{}  fast F1 {:.3} (P {:.3} R {:.3})  readability F1 {:.3} (P {:.3} R {:.3})  {}",
            &p.key[..12],
            ma.f1(),
            ma.precision(),
            ma.recall(),
            mb.f1(),
            mb.precision(),
            mb.recall(),
            p.url
        );
    }
    println!(
        "metadata differing (pages): title {}, published {}, authors {}, site name {}, canonical URL {}",
        meta_diffs[0], meta_diffs[1], meta_diffs[2], meta_diffs[3], meta_diffs[4]
    );
    let (sa, sb) = (eval::summarize(&all_a), eval::summarize(&all_b));
    println!(
        "fast F1 {:.5} (P {:.5} R {:.5}); readability F1 {:.5} (P {:.5} R {:.5})",
        sa.f1, sa.precision, sa.recall, sb.f1, sb.precision, sb.recall
    );
    let k = pages.len() as f64;
    println!(
        "{n} of {} pages differ; mean precision change {:+.4}, recall {:+.4}",
        pages.len(),
        dp / k,
        dr / k
    );
}
