//! End-to-end: "who said it" and "where" conflicts through the whole
//! pipeline (ingest, clean, facts, reconcile, brief), in the JSON contract
//! and the Markdown report. The story is invented for this test: a train
//! derailment placed near Osterby by two outlets and near Kalmstad by a
//! third, and one quotation given to two different people.

mod common;

use crosscheck::{NoProgress, Pipeline};

const STORY: &str = concat!(
    r#"{"id": "k1", "source": "Rail Journal", "published": "2026-09-02T08:00:00Z", "text": "A passenger train derailed near Osterby on Tuesday morning, killing at least 3 people. The train was carrying about 200 passengers.\n\n“The track had been inspected only last week,” said Mira Holm, chief executive of Nordbahn."}"#,
    "\n",
    r#"{"id": "k2", "source": "Coast Herald", "published": "2026-09-03T08:00:00Z", "text": "The passenger train derailed near Osterby on Tuesday morning. The death toll rose to 5, police said on Wednesday.\n\n“The track had been inspected only last week,” Holm told the Coast Herald."}"#,
    "\n",
    r#"{"id": "k3", "source": "Inland Times", "published": "2026-09-02T12:00:00Z", "text": "The passenger train derailed near Kalmstad on Tuesday morning, rescuers said.\n\n“The track had been inspected only last week,” said Nordbahn safety director Jonas Ekvall."}"#,
    "\n",
);

#[test]
fn speaker_and_place_conflicts_reach_the_report() {
    let report = Pipeline::builder()
        .single_story(true)
        .build()
        .analyze_files(&[("derailment.jsonl", STORY.as_bytes())], &mut NoProgress);
    common::assert_contract(&report);
    assert_eq!(report.stories.len(), 1);
    let story = &report.stories[0];
    let side_articles = |attribute: &str, value: &str| -> Vec<String> {
        let k = story
            .conflicts
            .iter()
            .find(|k| k.attribute == attribute)
            .unwrap_or_else(|| panic!("no {attribute} conflict: {:#?}", story.conflicts));
        let side = k
            .sides
            .iter()
            .find(|s| s.value == value)
            .unwrap_or_else(|| panic!("no side {value}: {k:#?}"));
        let mut a: Vec<String> = side.citations.iter().map(|c| c.article.clone()).collect();
        a.dedup();
        a
    };
    assert_eq!(story.conflicts.len(), 2, "{:#?}", story.conflicts);
    assert_eq!(side_articles("speaker", "Mira Holm"), ["k1", "k2"]);
    assert_eq!(side_articles("speaker", "Jonas Ekvall"), ["k3"]);
    assert_eq!(side_articles("place", "Osterby"), ["k1", "k2"]);
    assert_eq!(side_articles("place", "Kalmstad"), ["k3"]);

    let md = crosscheck::render::markdown(&report);
    let line = |prefix: &str| {
        md.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line {prefix:?} in\n{md}"))
            .to_string()
    };
    let speaker = line("- “The track had been inspected only last week” (speaker): ");
    assert!(
        speaker.contains("**Mira Holm**") && speaker.contains("**Jonas Ekvall**"),
        "{speaker}"
    );
    let place = line("- crash (place): ");
    assert!(
        place.contains("**Osterby**") && place.contains("**Kalmstad**"),
        "{place}"
    );
}
