//! Tests on invented articles.

use super::*;
use crosscheck_model::{Article, Sentence, Span};

/// Tiny test tokenizer: sentences end at '.', terms are lower-cased words.
fn doc(id: &str, published: Option<&str>, text: &str) -> Document {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (pi, para) in text.split("\n\n").enumerate() {
        let base = text[start..].find(para).map_or(start, |o| start + o);
        let mut s = 0;
        for (k, c) in para.char_indices() {
            if c == '.' {
                let piece = &para[s..=k];
                let lead = piece.len() - piece.trim_start().len();
                let span = Span::new(base + s + lead, base + k + 1);
                let terms = span
                    .slice(text)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 3)
                    .map(str::to_lowercase)
                    .collect();
                sentences.push(Sentence {
                    span,
                    paragraph: pi,
                    terms,
                });
                s = k + 1;
            }
        }
        start = base + para.len();
    }
    Document {
        article: Article {
            id: id.into(),
            source: None,
            title: None,
            url: None,
            published: published.map(str::to_string),
            text: text.into(),
            removed: Vec::new(),
        },
        sentences,
    }
}

const FERRY: [&str; 10] = [
    "The ferry operator Tessaline Lines suspended all crossings between Velmora and the island of Quarro on Tuesday after a crack was found in the hull of its largest vessel during a routine inspection.",
    "Engineers from the regional maritime authority said the fault was discovered below the waterline of the Marit Sol, a twenty year old ship that carries up to nine hundred passengers and two hundred cars on each trip.",
    "About four thousand travellers who had booked crossings this week were told to wait for refunds or seek places on a smaller boat run by a rival company from the northern pier.",
    "The harbour master, Ilse Brandvik, told reporters at the terminal that nobody had been hurt and that the ship had never been at risk of sinking, but she added that repairs could take at least a fortnight.",
    "Shop owners on Quarro, where most food and fuel arrive by sea, warned that shelves could start to empty by the weekend if supplies were not moved onto cargo barges quickly.",
    "The island council called an emergency meeting for Wednesday evening and asked the national transport ministry to send a navy landing craft to carry essential goods across the strait.",
    "Tessaline Lines has faced criticism before over the age of its fleet, and a parliamentary committee last spring urged the company to replace two of its four ships within five years.",
    "A spokesman for the company said a replacement vessel had been ordered from a shipyard in the south and was due to enter service in the autumn of next year, earlier than first planned.",
    "Passenger groups said the suspension showed how fragile the link to the island had become and called for a second operator to be given a licence on the route as soon as possible.",
    "Inspectors will return to the dry dock on Friday to decide whether the damaged plates can be welded in place or whether a whole section of the hull must be rebuilt before sailing resumes.",
];

const EXTRA: [&str; 3] = [
    "Local radio in Velmora reported long queues at the ticket office on Tuesday morning as drivers tried to change their bookings before the phone lines were overwhelmed by callers.",
    "One lorry driver, who had been waiting since dawn with a load of frozen fish, said he would lose his whole cargo if he could not cross by Thursday at the latest.",
    "The town's tourist office said hotels on the island had already begun to receive cancellations for the coming holiday weekend, traditionally one of the busiest of the year.",
];

fn join(paras: &[&str]) -> String {
    paras.join("\n\n")
}

#[test]
fn edited_copy_is_near() {
    let original = join(&FERRY);
    let mut paras = FERRY.to_vec();
    paras[0] = "Crossings to Quarro were halted by Tessaline Lines on Tuesday after inspectors found a crack in the hull of its largest vessel.";
    let p3 = FERRY[3].replace("at least a fortnight", "at least two weeks");
    paras[3] = &p3;
    let p6 = FERRY[6].replace("last spring", "last year");
    paras[6] = &p6;
    let edited = join(&paras);
    let docs = vec![doc("a", None, &original), doc("b", None, &edited)];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].articles, vec!["a", "b"]);
    assert_eq!(found[0].kind, DuplicateKind::Near);
    assert!(found[0].similarity >= 0.8 && found[0].similarity < 1.0);
    assert_eq!(found[0].original, None);
}

#[test]
fn trimmed_copy_is_contained_in_the_long_one() {
    let long = join(&FERRY);
    let short = join(&FERRY[..6]);
    let docs = vec![doc("short", None, &short), doc("long", None, &long)];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].articles, vec!["long", "short"]);
    assert_eq!(found[0].kind, DuplicateKind::Contained);
    assert_eq!(found[0].original.as_deref(), Some("long"));
    assert!((found[0].similarity - 1.0).abs() < 1e-9);
}

#[test]
fn short_excerpt_of_long_article_is_found() {
    // Jaccard about 0.2: found through the sampled-shingle index or LSH.
    let mut all: Vec<&str> = FERRY.to_vec();
    all.extend(EXTRA);
    let long = join(&all);
    let excerpt = join(&FERRY[1..4]);
    let docs = vec![doc("x", None, &excerpt), doc("y", None, &long)];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, DuplicateKind::Contained);
    assert_eq!(found[0].original.as_deref(), Some("y"));
}

#[test]
fn padded_wire_story_original_is_the_earlier_one() {
    let wire = join(&FERRY);
    let mut paras = FERRY.to_vec();
    paras.insert(4, EXTRA[0]);
    paras.insert(7, EXTRA[1]);
    paras.push(EXTRA[2]);
    let padded = join(&paras);
    let docs = vec![
        doc("outlet", Some("2031-05-06T14:00:00+02:00"), &padded),
        doc("wire", Some("2031-05-06T09:30:00Z"), &wire),
    ];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, DuplicateKind::Contained);
    assert_eq!(found[0].original.as_deref(), Some("wire"));

    // Without dates the longer article is the original.
    let docs = vec![doc("outlet", None, &padded), doc("wire", None, &wire)];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found[0].original.as_deref(), Some("outlet"));
}

#[test]
fn case_and_whitespace_changes_are_exact() {
    let text = join(&FERRY[..3]);
    let shouty = text.to_uppercase().replace(' ', "  \n ");
    let docs = vec![
        doc("c", None, &shouty),
        doc("a", None, &text),
        doc("b", None, &format!("{text}!!")),
    ];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].articles, vec!["a", "b", "c"]);
    assert_eq!(found[0].kind, DuplicateKind::Exact);
    assert_eq!(found[0].similarity, 1.0);
}

#[test]
fn exact_and_near_copies_form_one_near_group() {
    let original = join(&FERRY);
    let edited = original.replace("nine hundred passengers", "950 passengers");
    let docs = vec![
        doc("a", None, &original),
        doc("b", None, &original.to_lowercase()),
        doc("c", None, &edited),
    ];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].articles, vec!["a", "b", "c"]);
    assert_eq!(found[0].kind, DuplicateKind::Near);
    assert!(found[0].similarity < 1.0);
}

const BRIDGE: [&str; 5] = [
    "A road bridge over the Senn river near the town of Orvik was closed to traffic on Tuesday after divers found that one of its concrete piers had been scoured by the spring floods.",
    "The regional roads agency said lorries would be sent on a sixty kilometre detour through the hills while engineers decided whether the structure could be saved.",
    "Commuters complained that the only bus service between Orvik and the provincial capital now takes almost two hours, and schools said some pupils had been unable to reach their classes.",
    "Officials said the bridge, built in the nineteen seventies, had passed its last full inspection three years ago, although a report had flagged cracks in the deck that were never repaired.",
    "The transport minister promised to visit the site on Thursday and said money for a temporary steel crossing could be found within weeks if the engineers recommended one.",
];

#[test]
fn unrelated_articles_on_the_same_topic_are_not_copies() {
    let docs = vec![
        doc("ferry", None, &join(&FERRY)),
        doc("bridge", None, &join(&BRIDGE)),
        doc("ferry-short", None, &join(&FERRY[..2])),
    ];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].articles, vec!["ferry", "ferry-short"]);
}

#[test]
fn tiny_and_empty_documents() {
    let docs = vec![
        doc("a", None, "Ferry halted."),
        doc("b", None, "FERRY halted!"),
        doc("c", None, "Ferry resumed."),
        doc("d", None, ""),
        doc("e", None, "  ...  "),
    ];
    let found = Deduplicator::new().find(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].articles, vec!["a", "b"]);
    assert_eq!(found[0].kind, DuplicateKind::Exact);
}

#[test]
fn output_is_deterministic() {
    let mut docs = Vec::new();
    for k in 0..6 {
        let mut paras = FERRY.to_vec();
        paras.truncate(4 + k);
        docs.push(doc(&format!("f{k}"), None, &join(&paras)));
        docs.push(doc(&format!("b{k}"), None, &join(&BRIDGE[..1 + k % 5])));
    }
    let d = Deduplicator::new();
    let first = d.find(&docs);
    let second = d.find(&docs);
    assert_eq!(first, second);
    assert!(!first.is_empty());
    for w in first.windows(2) {
        assert!(w[0].articles[0] < w[1].articles[0]);
    }
}

#[test]
fn iso_dates_parse() {
    assert_eq!(parse_iso8601("1970-01-01"), Some(0));
    assert_eq!(parse_iso8601("1970-01-02T01:00:00Z"), Some(86_400 + 3600));
    assert_eq!(parse_iso8601("1970-01-01T02:00:00+02:00"), Some(0));
    assert!(parse_iso8601("2031-05-06T09:30:00.123Z").is_some());
    assert_eq!(parse_iso8601("yesterday"), None);
}

/// Throughput check: `cargo test --release -p crosscheck-dedup -- --ignored --nocapture`.
#[test]
#[ignore]
fn signature_throughput() {
    // Distinct words so every shingle is new: the worst case for MinHash.
    let mut state = 7u64;
    let words: Vec<String> = (0..200_000)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            format!("w{}", (state >> 40) % 50_000)
        })
        .collect();
    let text = words.join(" ");
    let t = std::time::Instant::now();
    let norm = normalize(&text);
    let t_norm = t.elapsed().as_secs_f64();
    let sh = shingles(&norm);
    let t_sh = t.elapsed().as_secs_f64() - t_norm;
    let sig = MinHasher::default().signature(&sh);
    let t_sig = t.elapsed().as_secs_f64() - t_norm - t_sh;
    let mb = text.len() as f64 / 1e6;
    println!(
        "normalize {:.0} MB/s, shingles {:.0} MB/s, minhash {:.0} MB/s, total {:.0} MB/s ({})",
        mb / t_norm,
        mb / t_sh,
        mb / t_sig,
        mb / (t_norm + t_sh + t_sig),
        sig[0] & 1
    );
}

/// Scale check: 20,000 synthetic articles of 300 words, one in ten a
/// trimmed or edited copy of another:
/// `cargo test --release -p crosscheck-dedup -- --ignored --nocapture`.
#[test]
#[ignore]
fn scale_20k() {
    let mut state = 9u64;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let mut texts: Vec<String> = Vec::new();
    let mut copies: Vec<(usize, usize)> = Vec::new();
    for i in 0..20_000 {
        if i % 10 == 9 {
            let from = next(i as u64) as usize;
            copies.push((from, i));
            let src = texts[from].clone();
            let words: Vec<&str> = src.split(' ').collect();
            let keep = if next(2) == 0 {
                words.len() * 3 / 5
            } else {
                words.len()
            };
            let mut w: Vec<String> = words[..keep].iter().map(|s| s.to_string()).collect();
            w[next(keep as u64) as usize] = "changed".into();
            texts.push(w.join(" "));
        } else {
            let w: Vec<String> = (0..300).map(|_| format!("w{}", next(20_000))).collect();
            texts.push(w.join(" "));
        }
    }
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&format!("d{i:05}"), None, t))
        .collect();
    let t = std::time::Instant::now();
    let found = Deduplicator::new().find(&docs);
    let bytes: usize = texts.iter().map(String::len).sum();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "dedup 20k docs ({:.1} MB): {} groups in {:.3}s",
        bytes as f64 / 1e6,
        found.len(),
        secs
    );
    let mut group_of = vec![usize::MAX; docs.len()];
    for (g, d) in found.iter().enumerate() {
        for id in &d.articles {
            group_of[id[1..].parse::<usize>().unwrap()] = g;
        }
    }
    let missed = copies
        .iter()
        .filter(|&&(a, b)| group_of[a] == usize::MAX || group_of[a] != group_of[b])
        .count();
    println!("missed copies: {missed} of {}", copies.len());
    assert_eq!(missed, 0);
}
