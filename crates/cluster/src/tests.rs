//! Tests on invented articles about invented events.

use super::*;
use crosscheck_model::{Article, DuplicateKind, Sentence, Span};

const STOP: &[&str] = &[
    "the", "a", "an", "of", "at", "on", "in", "to", "and", "or", "for", "by", "with", "from", "as",
    "is", "was", "were", "be", "been", "has", "had", "have", "that", "this", "it", "its", "their",
    "his", "her", "he", "she", "they", "who", "which", "will", "after", "over", "about", "more",
    "than", "if", "not", "did", "are", "into", "up", "out", "off", "under", "there", "but",
];

/// Tiny test analyser: words (numbers keep inner '.' and ','), lower-cased,
/// stop words dropped, a final plural 's' removed.
fn terms(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let inner_num = (c == '.' || c == ',')
            && k > 0
            && chars[k - 1].is_ascii_digit()
            && chars.get(k + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || inner_num {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
        .into_iter()
        .filter(|w| w.chars().count() > 1 && !STOP.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect()
}

/// A document with sentences split at ". " (one paragraph).
fn doc(id: &str, title: &str, published: Option<&str>, text: &str) -> Document {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (k, _) in text.match_indices(". ") {
        sentences.push(k + 1);
    }
    sentences.push(text.len());
    let sentences = sentences
        .into_iter()
        .map(|end| {
            let piece = &text[start..end];
            let lead = piece.len() - piece.trim_start().len();
            let span = Span::new(start + lead, end);
            start = end;
            Sentence {
                span,
                paragraph: 0,
                terms: terms(span.slice(text)),
            }
        })
        .filter(|s| !s.span.is_empty())
        .collect();
    Document {
        article: Article {
            id: id.into(),
            source: None,
            title: Some(title.into()),
            url: None,
            published: published.map(str::to_string),
            text: text.into(),
            removed: Vec::new(),
        },
        sentences,
    }
}

const C1_TEXT: &str = "A wildfire in the Pinecrest valley of Alder County has burned 3,400 hectares and forced about 600 residents to leave their homes, fire officials said on Saturday. Fire chief Maren Holt said strong winds were pushing the flames towards the village of Elmsford. More than 200 firefighters and four water bombers were fighting the blaze. An evacuation centre has opened at the Elmsford community hall.";

/// Nine invented reports: a port strike (0, 5), a rate decision (1, 4, 7),
/// a wildfire (2, 8, and 6 a near copy of 2) and an unrelated rail strike (3).
fn fixtures(dated: bool) -> Vec<Document> {
    let d = |day: u32| dated.then(|| format!("2031-03-{day:02}T08:00:00Z"));
    let items: Vec<(&str, &str, Option<String>, String)> = vec![
        (
            "port-1",
            "Dockworkers walk out at Karsvik port",
            d(3),
            "Dockworkers at the port of Karsvik began a 48-hour strike on Monday, halting the loading of container ships at the Nordbay Terminals quay. The Harbour Workers Federation said about 1,200 members had joined the walkout over pay and night shifts. Federation leader Odile Marchetti told reporters that Nordbay had refused to discuss a 9 percent raise. Nordbay Terminals said six vessels were waiting offshore and warned that perishable cargo could spoil. Talks are expected to resume on Wednesday.".into(),
        ),
        (
            "bank-1",
            "Bank of Ostravia raises rates to 4.75 percent",
            d(6),
            "The Bank of Ostravia raised its main interest rate by a quarter point to 4.75 percent on Thursday, its third increase this year. Governor Lukas Verhoeven said inflation of 6.1 percent was still far above the bank's target. The decision was backed by five of the seven members of the monetary council. Economists had expected the move, and the ostra currency rose slightly against the euro.".into(),
        ),
        ("fire-1", "Wildfire forces evacuations in Alder County", d(8), C1_TEXT.into()),
        (
            "rail-1",
            "Rail workers strike in Dunmore",
            d(4),
            "Train drivers in Dunmore walked out on Tuesday in a dispute over staffing, cancelling most commuter services into the city. The Rail Crew Union said its 800 members wanted more drivers hired before new timetables take effect. The Dunmore Transit Authority called the strike unnecessary and said replacement buses would run on main routes.".into(),
        ),
        (
            "bank-2",
            "Ostravian central bank lifts borrowing costs again",
            d(6),
            "Ostravia's central bank increased borrowing costs for the third time this year, taking its benchmark rate to 4.75 percent. Lukas Verhoeven, the governor, warned that prices were rising too quickly, with inflation at 6.1 percent in the latest figures. Two council members voted to keep rates unchanged. Mortgage lenders said monthly repayments would go up for thousands of households.".into(),
        ),
        (
            "port-2",
            "Karsvik container terminal shut as 1,200 dockers strike",
            d(3),
            "Container traffic at Karsvik ground to a halt after 1,200 dockers stopped work in a two-day stoppage called by the Harbour Workers Federation. Odile Marchetti, who heads the federation, accused Nordbay Terminals of ignoring a demand for a 9 percent pay rise and better rules for night work. The terminal operator said half a dozen ships were anchored outside the harbour. Fruit importers fear that chilled produce will rot if the dispute drags on.".into(),
        ),
        (
            "fire-1-copy",
            "Hundreds flee Pinecrest blaze",
            d(8),
            C1_TEXT
                .replace("about 600 residents", "roughly 600 people")
                .replace("strong winds", "powerful winds"),
        ),
        (
            "bank-3",
            "Verhoeven signals more increases after rate rise",
            d(7),
            "Governor Lukas Verhoeven said the Bank of Ostravia was prepared to raise rates further if inflation did not slow from 6.1 percent. Speaking after the council lifted the benchmark rate to 4.75 percent, Verhoeven said wage growth and energy prices remained a concern. Business groups criticised the increase, saying higher borrowing costs would hurt small firms.".into(),
        ),
        (
            "fire-2",
            "Elmsford under threat as Pinecrest fire spreads",
            d(8),
            "Residents of Elmsford were told to pack their cars on Saturday as a fast-moving fire in the Pinecrest valley spread across 3,400 hectares of forest and farmland. Maren Holt, the Alder County fire chief, said gusts were driving the fire east. Around 600 people have already been evacuated, and helicopters dropped water on the hillsides overnight. The cause of the fire is under investigation.".into(),
        ),
    ];
    items
        .into_iter()
        .map(|(id, title, date, text)| doc(id, title, date.as_deref(), &text))
        .collect()
}

fn fire_copy() -> Vec<Duplicate> {
    vec![Duplicate {
        articles: vec!["fire-1".into(), "fire-1-copy".into()],
        kind: DuplicateKind::Near,
        similarity: 0.85,
        original: None,
    }]
}

fn expected() -> Vec<Vec<usize>> {
    vec![vec![0, 5], vec![1, 4, 7], vec![2, 6, 8], vec![3]]
}

#[test]
fn three_events_and_a_distractor() {
    let docs = fixtures(false);
    assert_eq!(Clusterer::new().cluster(&docs, &fire_copy()), expected());
    // The copy is found by similarity alone too.
    assert_eq!(Clusterer::new().cluster(&docs, &[]), expected());
}

#[test]
fn dated_input_gives_the_same_partition() {
    let docs = fixtures(true);
    assert_eq!(Clusterer::new().cluster(&docs, &fire_copy()), expected());
}

#[test]
fn thresholds_around_the_default_are_stable() {
    let docs = fixtures(false);
    for t in [0.14, 0.18, 0.22] {
        assert_eq!(
            Clusterer::new().threshold(t).cluster(&docs, &fire_copy()),
            expected(),
            "threshold {t}"
        );
    }
}

#[test]
fn duplicate_groups_are_never_split() {
    let docs = vec![
        doc(
            "a",
            "Ferry halted",
            None,
            "The ferry to Quarro was halted after a crack was found in its hull.",
        ),
        doc(
            "b",
            "Orchestra tour",
            None,
            "The Velmora orchestra announced a tour of nine cities in the autumn.",
        ),
        doc(
            "c",
            "Ferry inspection",
            None,
            "Inspectors examined the cracked hull of the Quarro ferry in dry dock.",
        ),
    ];
    let dups = vec![Duplicate {
        articles: vec!["a".into(), "b".into()],
        kind: DuplicateKind::Contained,
        similarity: 0.9,
        original: Some("a".into()),
    }];
    let stories = Clusterer::new().threshold(0.99).cluster(&docs, &dups);
    assert_eq!(stories, vec![vec![0, 1], vec![2]]);
}

#[test]
fn generic_words_do_not_join_stories() {
    let docs = vec![
        doc(
            "hospital",
            "New hospital for Trelby",
            None,
            "The government said on Monday that a new hospital would open in Trelby next spring. It will have 300 beds and a maternity ward, officials said.",
        ),
        doc(
            "steel",
            "Corvane steel stake to be sold",
            None,
            "The government said on Monday it would sell its stake in the Corvane steel works to a private investor. Unions said they feared job losses.",
        ),
    ];
    assert_eq!(Clusterer::new().cluster(&docs, &[]), vec![vec![0], vec![1]]);
}

#[test]
fn long_time_gap_halves_similarity() {
    let text = "Fire chief Maren Holt said the Pinecrest valley fire had burned 3,400 hectares near Elmsford.";
    let near = vec![
        doc("a", "Pinecrest fire", Some("2031-03-01"), text),
        doc(
            "b",
            "Pinecrest fire",
            Some("2031-03-02"),
            &text.replace("burned", "scorched"),
        ),
    ];
    let far = vec![
        doc("a", "Pinecrest fire", Some("2031-03-01"), text),
        doc(
            "b",
            "Pinecrest fire",
            Some("2031-05-02"),
            &text.replace("burned", "scorched"),
        ),
    ];
    let vz = Vectorizer::fit(&near);
    let sim = vz.vector(&near[0]).cosine(&vz.vector(&near[1]));
    let t = sim * 0.75; // joins when close in time, not across two months
    assert_eq!(
        Clusterer::new().threshold(t).cluster(&near, &[]),
        vec![vec![0, 1]]
    );
    assert_eq!(
        Clusterer::new().threshold(t).cluster(&far, &[]),
        vec![vec![0], vec![1]]
    );
}

#[test]
fn output_is_deterministic_and_well_formed() {
    let docs = fixtures(false);
    let c = Clusterer::new();
    let a = c.cluster(&docs, &fire_copy());
    let b = c.cluster(&docs, &fire_copy());
    assert_eq!(a, b);
    let mut all: Vec<usize> = a.iter().flatten().copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..docs.len()).collect::<Vec<_>>());
    assert!(Clusterer::new().cluster(&[], &[]).is_empty());
}

#[test]
fn story_index_reports_story_ids() {
    let docs = fixtures(false);
    let vz = Vectorizer::fit(&docs);
    let mut index = StoryIndex::new(DEFAULT_THRESHOLD);
    let ids: Vec<usize> = docs
        .iter()
        .map(|d| index.add(&vz.vector(d), None))
        .collect();
    assert_eq!(ids[0], 0);
    assert_eq!(ids[1], 1);
    assert_eq!(index.story_of(ids[5]), index.story_of(ids[0]));
    index.merge_similar();
    assert_eq!(index.len(), 4);
    assert_eq!(index.story_size(ids[1]), 3);
}

#[test]
fn iso_dates_parse() {
    assert_eq!(parse_iso8601("1970-01-02"), Some(86_400));
    assert_eq!(parse_iso8601("1970-01-01T03:00:00+01:00"), Some(7200));
    assert_eq!(parse_iso8601("soon"), None);
}

/// Prints pairwise cosine similarities of the fixtures (for tuning):
/// `cargo test -p crosscheck-cluster -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_similarities() {
    let docs = fixtures(false);
    let vz = Vectorizer::fit(&docs);
    let vs: Vec<TermVector> = docs.iter().map(|d| vz.vector(d)).collect();
    for (i, a) in vs.iter().enumerate() {
        let row: Vec<String> = vs.iter().map(|b| format!("{:.2}", a.cosine(b))).collect();
        println!("{:>12} {}", docs[i].article.id, row.join(" "));
    }
}

/// Scale check on synthetic documents (20,000 articles, 2,000 events):
/// `cargo test --release -p crosscheck-cluster -- --ignored --nocapture`.
#[test]
#[ignore]
fn scale_20k() {
    let mut state = 42u64;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let n_events = 2000;
    let docs: Vec<Document> = (0..20_000)
        .map(|i| {
            let event = next(n_events);
            let mut ws: Vec<String> = Vec::new();
            for _ in 0..120 {
                if next(3) == 0 {
                    ws.push(format!("ev{event}x{}", next(25)));
                } else {
                    // Generic vocabulary, skewed towards common words.
                    let r = next(5000);
                    ws.push(format!("gen{}", r * r / 5000));
                }
            }
            let text = ws.join(" ");
            doc(&format!("d{i}"), "Title", None, &text)
        })
        .collect();
    let t = std::time::Instant::now();
    let (_, vs) = Vectorizer::fit_transform(&docs);
    println!("vectors: {:.3}s", t.elapsed().as_secs_f64());
    let mut index = StoryIndex::new(DEFAULT_THRESHOLD);
    for v in &vs {
        index.add(v, None);
    }
    println!(
        "single pass: {:.3}s, {} stories",
        t.elapsed().as_secs_f64(),
        index.len()
    );
    index.merge_similar();
    println!(
        "merge: {:.3}s, {} stories",
        t.elapsed().as_secs_f64(),
        index.len()
    );
    let t = std::time::Instant::now();
    let stories = Clusterer::new().cluster(&docs, &[]);
    println!(
        "20k docs: {} stories in {:.3}s",
        stories.len(),
        t.elapsed().as_secs_f64()
    );
}

#[test]
fn online_vectorizer_matches_the_batch_once_it_has_seen_the_batch() {
    let docs = fixtures(false);
    let (batch, vectors) = Vectorizer::fit_transform(&docs);
    let mut online = Vectorizer::default();
    let streamed: Vec<TermVector> = docs.iter().map(|d| online.add(d)).collect();
    assert_eq!(online.documents(), docs.len());
    assert_eq!(online.vocabulary_len(), batch.vocabulary_len());
    // The last document is weighed with the whole batch's statistics.
    assert_eq!(streamed.last(), vectors.last());
    // Earlier ones saw fewer documents, so their IDF differs.
    assert_ne!(streamed[0], vectors[0]);
    // A streamed, truncated vector keeps its heaviest terms, unit length.
    let cut = streamed[0].truncated(5);
    assert_eq!(cut.entries().len(), 5.min(streamed[0].entries().len()));
    assert!((cut.norm_sq() - 1.0).abs() < 1e-6);
}

#[test]
fn capped_postings_scan_sees_only_the_newest_stories() {
    let v = |terms: &[(u32, f32)]| TermVector::from_weights(terms.to_vec());
    let old = v(&[(1, 1.0), (2, 1.0)]);
    let new = v(&[(1, 1.0), (3, 1.0)]);
    // Equally close to both stories through term 1 alone: the tie goes to
    // the older story, unless the cap hides it.
    let only1 = v(&[(1, 1.0)]);
    // Close to the old story through term 2, which lists only the old one.
    let probe = v(&[(1, 0.2), (2, 1.0)]);
    for (cap, expect) in [(usize::MAX, 0), (1, 1)] {
        let mut index = StoryIndex::new(0.5).max_postings_scan(cap);
        assert_eq!((index.add(&old, None), index.add(&new, None)), (0, 1));
        assert_eq!(
            index.best(&only1, None).map(|x| x.0),
            Some(expect),
            "cap {cap}"
        );
        assert_eq!(index.best(&probe, None).map(|x| x.0), Some(0), "cap {cap}");
    }
}

/// A unit vector with `core` weights plus `unique` terms of weight 1 of its
/// own (ids from `first_unique`).
fn member(core: &[(u32, f32)], first_unique: u32, unique: u32) -> TermVector {
    let mut w = core.to_vec();
    w.extend((0..unique).map(|k| (first_unique + k, 1.0)));
    TermVector::from_weights(w)
}

/// Two tight events sharing a setting term, and a loose topic in two
/// halves, twelve articles each, seeded into four stories.
fn events_and_topic() -> (StoryIndex, Vec<Vec<TermVector>>) {
    let event = |core: u32, g: u32| -> Vec<TermVector> {
        (0..12)
            .map(|i| {
                let c = [(core, 1.0), (core + 1, 1.0), (core + 2, 1.0), (1, 1.4)];
                member(&c, 10_000 + 1_000 * g + 10 * i, 2)
            })
            .collect()
    };
    let half = |sub: u32, g: u32| -> Vec<TermVector> {
        (0..12)
            .map(|i| member(&[(300, 1.0), (sub, 0.8)], 10_000 + 1_000 * g + 10 * i, 3))
            .collect()
    };
    let groups = vec![event(100, 0), event(200, 1), half(301, 2), half(302, 3)];
    let mut index = StoryIndex::new(0.3);
    for (g, group) in groups.iter().enumerate() {
        for v in group {
            assert_eq!(index.add(v, None), g, "seeded into its own story");
        }
    }
    (index, groups)
}

#[test]
fn cohesion_is_the_shrunk_mean_cosine_between_members() {
    let (index, groups) = events_and_topic();
    for (g, group) in groups.iter().enumerate() {
        let mut sum = 0.0;
        let mut pairs = 0.0;
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                sum += a.cosine(b);
                pairs += 1.0;
            }
        }
        let want = (sum + COHESION_PRIOR_PAIRS * COHESION_PRIOR) / (pairs + COHESION_PRIOR_PAIRS);
        let got = index.stories[g].cohesion().expect("twelve members");
        assert!((got - want).abs() < 1e-4, "story {g}: {got} vs {want}");
    }
    let mut single = StoryIndex::new(0.5);
    single.add(&groups[0][0], None);
    assert_eq!(single.stories[0].cohesion(), None);
}

#[test]
fn coherent_merging_keeps_tight_related_events_apart() {
    let (_, groups) = events_and_topic();
    let link = |a: &[TermVector], b: &[TermVector]| {
        let mut s = 0.0;
        for x in a {
            for y in b {
                s += x.cosine(y);
            }
        }
        s / (a.len() * b.len()) as f64
    };
    // The two events are closer to each other than the topic's halves, so
    // any bar that joins the halves joins the events too...
    let events_link = link(&groups[0], &groups[1]);
    let halves_link = link(&groups[2], &groups[3]);
    assert!(
        events_link > halves_link && halves_link > 0.2,
        "{events_link} {halves_link}"
    );
    // ... average link alone merges both pairs,
    let (mut plain, _) = events_and_topic();
    assert_eq!(plain.merge_coherent(0.1, 0.0), 2);
    assert_eq!(plain.story_of(1), 0);
    assert_eq!(plain.story_of(3), 2);
    // while the cohesion guard keeps the two tight events apart and still
    // joins the loose topic's halves.
    let (mut guarded, _) = events_and_topic();
    assert_eq!(guarded.merge_coherent(0.1, COHESION_RATIO), 1);
    assert_eq!(guarded.len(), 3);
    assert_ne!(guarded.story_of(1), guarded.story_of(0));
    assert_eq!(guarded.story_of(3), 2);
}

#[test]
fn merging_leaves_postings_on_live_stories_only() {
    let (mut index, groups) = events_and_topic();
    index.merge_coherent(0.1, 0.0);
    for (term, list) in &index.postings {
        let mut seen = AHashSet::new();
        for &s in list {
            assert_eq!(index.parent[s], s, "term {term}: merged story {s} listed");
            assert!(seen.insert(s), "term {term}: story {s} listed twice");
        }
    }
    // Lookups still find the merged stories.
    assert_eq!(index.best(&groups[1][0], None).map(|b| b.0), Some(0));
    assert_eq!(index.best(&groups[3][0], None).map(|b| b.0), Some(2));
}

#[test]
fn batch_clustering_seeds_strictly_and_merges_down() {
    // Two articles whose cosine is between the merge bar and the seed bar
    // end in one story; below the merge bar they stay apart.
    let text = "Fire chief Maren Holt said the Pinecrest valley fire had burned 3,400 hectares near Elmsford.";
    let docs = vec![
        doc("a", "Pinecrest fire", None, text),
        doc(
            "b",
            "Pinecrest fire",
            None,
            &text.replace("burned", "scorched"),
        ),
    ];
    let vz = Vectorizer::fit(&docs);
    let sim = vz.vector(&docs[0]).cosine(&vz.vector(&docs[1]));
    let seed_only = sim / JOIN_FACTOR * 1.01; // seed bar just above the cosine
    assert!(seed_only * MERGE_FACTOR < sim);
    assert_eq!(
        Clusterer::new().threshold(seed_only).cluster(&docs, &[]),
        vec![vec![0, 1]]
    );
    let too_high = sim / MERGE_FACTOR * 1.01;
    assert_eq!(
        Clusterer::new().threshold(too_high).cluster(&docs, &[]),
        vec![vec![0], vec![1]]
    );
}

/// Daily instalments of an invented outlet's forecast column, and what the
/// column rule must leave alone.
fn forecasts() -> Vec<Document> {
    let text = |day: &str, extra: &str| {
        format!(
            "Low pressure over the Harrow Lakes will bring snow to the northern \
             valleys on {day}. Cold moist air behind the front will keep \
             temperatures below freezing across the Tamsin plateau. {extra}"
        )
    };
    let mut docs = vec![
        doc(
            "f1",
            "NATIONAL FORECAST",
            Some("2031-01-05T18:00:00Z"),
            &text("Monday", "Winds will ease by evening."),
        ),
        doc(
            "f2",
            "National forecast",
            Some("2031-01-06T18:30:00Z"),
            &text("Tuesday", "Fog will linger in the valleys."),
        ),
        // Filed again three hours later under the same heading: the same
        // instalment, updated.
        doc(
            "f3",
            "NATIONAL FORECAST:",
            Some("2031-01-06T21:30:00Z"),
            &text("Tuesday", "Fog will linger in low ground."),
        ),
        doc(
            "f4",
            "NATIONAL FORECAST",
            Some("2031-01-20T18:00:00Z"),
            &text("Wednesday", "Sleet will mix with the snow."),
        ),
    ];
    for d in &mut docs {
        d.article.source = Some("Harrow Daily Courier".into());
    }
    docs
}

#[test]
fn instalments_of_a_column_are_separate_stories() {
    let docs = forecasts();
    let vz = Vectorizer::fit(&docs);
    let sim = vz.vector(&docs[0]).cosine(&vz.vector(&docs[1]));
    assert!(sim > 0.5, "the instalments read alike: {sim}");
    let c = Clusterer::new();
    assert_eq!(c.cluster(&docs, &[]), vec![vec![0], vec![1, 2], vec![3]]);

    // The same texts under different outlets, or without a title, are
    // not a column: they group by their words.
    let mut outlets = forecasts();
    for (k, d) in outlets.iter_mut().enumerate() {
        d.article.source = Some(format!("Outlet {k}"));
    }
    assert_eq!(c.cluster(&outlets, &[]), vec![vec![0, 1, 2, 3]]);
    let mut untitled = forecasts();
    for d in &mut untitled {
        d.article.title = None;
    }
    assert_eq!(c.cluster(&untitled, &[]), vec![vec![0, 1, 2, 3]]);

    // Copies are one unit, whatever their dates.
    let copy = Duplicate {
        articles: vec!["f1".into(), "f4".into()],
        ..fire_copy().remove(0)
    };
    assert_eq!(c.cluster(&docs, &[copy]), vec![vec![0, 3], vec![1, 2]]);
}

#[test]
fn column_headings_ignore_case_punctuation_and_spacing() {
    let docs = forecasts();
    let column = |d: &Document| Column::of(&d.article);
    assert!(column(&docs[0]).is_some());
    assert_eq!(column(&docs[0]), column(&docs[2]));
    assert_eq!(
        Column::heading(Some("Harrow  Daily-Courier"), Some("National Forecast!")).as_deref(),
        Some("harrow daily courier\tnational forecast")
    );
    assert_eq!(Column::heading(Some("Courier"), Some(" -- ")), None);
    assert_eq!(Column::heading(None, Some("National forecast")), None);
}

#[test]
fn the_incremental_index_and_the_merge_stage_keep_instalments_apart() {
    let docs = forecasts();
    let vz = Vectorizer::fit(&docs);
    let time = |d: &Document| d.article.published.as_deref().and_then(parse_iso8601);
    let mut index = StoryIndex::new(DEFAULT_THRESHOLD);
    let ids: Vec<usize> = docs
        .iter()
        .map(|d| index.add_in_column(&vz.vector(d), time(d), Column::of(&d.article)))
        .collect();
    assert_eq!(ids, vec![0, 1, 1, 2]);
    // Without the columns the same index puts all four together.
    let mut plain = StoryIndex::new(DEFAULT_THRESHOLD);
    let plain_ids: Vec<usize> = docs
        .iter()
        .map(|d| plain.add(&vz.vector(d), time(d)))
        .collect();
    assert_eq!(plain_ids, vec![0, 0, 0, 0]);

    // Seeded apart (a bar no pair reaches), then merged at a bar every
    // pair reaches: only the two reports of one instalment merge.
    let mut strict = StoryIndex::new(2.0);
    for d in &docs {
        strict.add_in_column(&vz.vector(d), time(d), Column::of(&d.article));
    }
    assert_eq!(strict.len(), 4);
    strict.merge_coherent(0.01, 0.0);
    assert_eq!(strict.len(), 3);
    assert_eq!(strict.story_of(2), strict.story_of(1));
}

#[test]
fn merging_starts_from_the_stories_opened_since_the_last_merge() {
    // Two pairs of alike vectors (cosine 0.5 within a pair), each seeded
    // apart by a bar no pair reaches.
    let a = |k: u32| member(&[(1, 1.0)], 100 + 10 * k, 1);
    let b = |k: u32| member(&[(2, 1.0)], 200 + 10 * k, 1);
    let mut index = StoryIndex::new(0.9);
    let (a0, a1) = (index.add(&a(0), None), index.add(&a(1), None));
    assert_ne!(a0, a1);
    // A merge at a bar nothing reaches: no merge, and no story is new.
    assert_eq!(index.merge_coherent(0.99, 0.0), 0);
    assert_eq!(
        index.merge_coherent(0.3, 0.0),
        0,
        "unchanged stories are not paired again"
    );
    assert_eq!(index.len(), 2);
    // The next chunk: its stories are merged with their neighbours, old or
    // new; a story that absorbed another has changed, so it is paired with
    // its old neighbours again (a2 joins a0, then a1 joins them); story ids
    // follow the merges.
    let (b0, b1) = (index.add(&b(0), None), index.add(&b(1), None));
    let a2 = index.add(&a(2), None);
    assert_eq!(index.merge_coherent(0.3, 0.0), 3);
    assert_eq!(index.len(), 2);
    assert_eq!(index.story_of(b1), index.story_of(b0));
    assert_eq!(index.story_of(a2), a0);
    assert_eq!(index.story_of(a1), a0);
}
