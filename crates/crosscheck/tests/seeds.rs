//! End-to-end on the three real seed reports in ../shared/seeds (read from
//! there, never copied): one story, a short clean cited brief.
mod common;

use crosscheck::{NoProgress, Pipeline};

#[test]
fn seeds_make_one_clean_cited_story() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let report = Pipeline::default().analyze_paths(&[seeds], &mut NoProgress);
    common::assert_contract(&report);
    assert_eq!(report.articles.len(), 3, "skipped: {:?}", report.skipped);
    assert!(report.skipped.is_empty());
    assert_eq!(
        report.stories.len(),
        1,
        "stories: {:#?}",
        report
            .stories
            .iter()
            .map(|s| &s.articles)
            .collect::<Vec<_>>()
    );
    let story = &report.stories[0];
    assert_eq!(story.articles.len(), 3);
    assert!(!story.brief.is_empty());
    assert!(story.brief.len() <= 12, "{} sentences", story.brief.len());
    assert!(common::brief_words(&report, 0) <= 300);
    for s in &story.brief {
        assert!(
            common::junk_in(&s.text).is_none(),
            "junk in brief: {:?}",
            s.text
        );
    }
    // Not redundant: no two brief sentences share most of their words.
    for (i, a) in story.brief.iter().enumerate() {
        for b in &story.brief[i + 1..] {
            let wa: std::collections::HashSet<String> =
                a.text.split_whitespace().map(str::to_lowercase).collect();
            let wb: std::collections::HashSet<String> =
                b.text.split_whitespace().map(str::to_lowercase).collect();
            let overlap = wa.intersection(&wb).count() as f64 / wa.len().min(wb.len()) as f64;
            assert!(overlap < 0.7, "redundant:\n{}\n{}", a.text, b.text);
        }
    }
    // The junk the seeds carry was removed and reported.
    let removed: usize = report.articles.iter().map(|a| a.removed.len()).sum();
    assert!(removed >= 5, "only {removed} junk lines removed");
    for a in &report.articles {
        for line in a.text.lines() {
            assert!(
                common::junk_in(line).is_none(),
                "junk kept in {}: {line:?}",
                a.id
            );
        }
    }
}

#[test]
fn output_is_deterministic() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let a =
        crosscheck::render::json(&Pipeline::default().analyze_paths(&[&seeds], &mut NoProgress));
    let b =
        crosscheck::render::json(&Pipeline::default().analyze_paths(&[&seeds], &mut NoProgress));
    assert_eq!(a, b);
}

/// One seed report dates a summit of two countries' leaders in one month
/// (in a quoted statement) and, paragraphs later, a state visit of one
/// leader to the other country in the next: the report contradicts itself.
/// It is the story's one conflict, each side cited where it stands.
#[test]
fn seeds_summit_month_is_the_one_conflict() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let report = Pipeline::default().analyze_paths(&[seeds], &mut NoProgress);
    let story = &report.stories[0];
    assert_eq!(story.conflicts.len(), 1, "{:#?}", story.conflicts);
    let k = &story.conflicts[0];
    assert_eq!(k.subject, "summit of North Korea and Russia");
    assert_eq!(k.attribute, "date");
    let mut values: Vec<&str> = k.sides.iter().map(|x| x.value.as_str()).collect();
    values.sort_unstable();
    assert_eq!(values, ["July", "June 2024"]);
    for side in &k.sides {
        for c in &side.citations {
            let a = report.articles.iter().find(|a| a.id == c.article).unwrap();
            let cited = &a.text[c.start..c.end];
            assert!(
                cited.contains(&side.value),
                "{cited:?} lacks {}",
                side.value
            );
        }
    }
}

/// Who said what in the seed story: the two capitals that "have not
/// directly admitted" the deployment speak together, the intelligence
/// service's belief holds the whole clause it believes, and the body one
/// report calls "Security Council" is the one another calls "U.N.
/// Security Council".
#[test]
fn seeds_speakers_and_bodies() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let report = Pipeline::default().analyze_paths(&[seeds], &mut NoProgress);
    let story = &report.stories[0];
    let speakers: Vec<&str> = story
        .statements
        .iter()
        .map(|s| s.speaker.as_str())
        .collect();
    assert!(
        speakers
            .iter()
            .filter(|s| **s == "Pyongyang and Moscow")
            .count()
            >= 2,
        "{speakers:?}"
    );
    assert!(!speakers.contains(&"Moscow"), "{speakers:?}");
    let believes = story
        .statements
        .iter()
        .find(|s| s.cue == "believes")
        .expect("the intelligence service's belief");
    // The belief holds the statement inside it (its source, its cue and
    // what it says), not only what the inner statement says: 19 words, not
    // the inner statement's 14.
    let words = believes.content.split_whitespace().count();
    assert!(words >= 18, "{:?}", believes.content);
    let council = story
        .entities
        .iter()
        .find(|e| e.variants.iter().any(|v| v == "Security Council"))
        .expect("the Security Council");
    assert_eq!(council.name, "U.N. Security Council", "{council:?}");
}
