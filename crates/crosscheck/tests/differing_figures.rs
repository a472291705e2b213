//! A figure given four different ways in one story (a long storm story's
//! tolls, all unplaced) is listed under "Differing figures" in the Markdown
//! report, not as one two-sided dispute; the JSON keeps it as a conflict.
//! Invented articles.

mod common;

use crosscheck::{render, NoProgress, Pipeline};

const STORY: &str = concat!(
    r#"{"id": "t1", "source": "Valden Post", "published": "2026-09-02T08:00:00Z", "text": "Typhoon Tessel killed 14 people on Tuesday, officials said. Ferries stayed in port."}"#,
    "\n",
    r#"{"id": "t2", "source": "Lakeside Wire", "published": "2026-09-02T09:00:00Z", "text": "Typhoon Tessel killed 9 people on Tuesday, the coast guard said. Schools closed."}"#,
    "\n",
    r#"{"id": "t3", "source": "Inland Times", "published": "2026-09-02T10:00:00Z", "text": "Typhoon Tessel killed 31 people on Tuesday, a relief agency said. Roads were cut."}"#,
    "\n",
    r#"{"id": "t4", "source": "Coast Herald", "published": "2026-09-02T11:00:00Z", "text": "Typhoon Tessel killed 6 people on Tuesday, the governor said. Power failed."}"#,
    "\n",
    r#"{"id": "t5", "source": "Harbour News", "published": "2026-09-02T12:00:00Z", "text": "Typhoon Tessel injured 20 people on Tuesday, doctors said. Typhoon Tessel injured 200 people, a hospital said on Tuesday."}"#,
    "\n",
);

#[test]
fn many_valued_figures_are_listed_apart() {
    let report = Pipeline::builder()
        .single_story(true)
        .build()
        .analyze_files(&[("storm.jsonl", STORY.as_bytes())], &mut NoProgress);
    common::assert_contract(&report);
    let story = &report.stories[0];
    let killed = story
        .conflicts
        .iter()
        .find(|c| c.sides.len() == 4)
        .unwrap_or_else(|| panic!("{:#?}", story.conflicts));
    assert!(killed.subject.contains("killed"), "{killed:?}");
    let md = render::markdown(&report);
    let differing = md.find("### Differing figures").expect("section");
    let line = md[differing..]
        .lines()
        .find(|l| l.contains("killed"))
        .expect("the toll line");
    for v in ["**14**", "**9**", "**31**", "**6**"] {
        assert!(line.contains(v), "{line}");
    }
    // A two-sided disagreement stays under "Conflicts".
    let conflicts = md.find("### Conflicts").expect("conflicts section");
    assert!(conflicts < differing);
    assert!(md[conflicts..differing].contains("injured"), "{md}");
}

/// Two figures of one sentence that both show as the sentence are one fact
/// line, citing it once.
#[test]
fn a_sentence_is_one_fact_line() {
    let story = r#"{"id": "p1", "source": "Valden Post", "published": "2026-09-02T08:00:00Z", "text": "Ferry fares in Ormand rose 4.5 percent in August, after falling 1.2 percent in July. The port said traffic was steady."}"#;
    let report = Pipeline::builder()
        .single_story(true)
        .build()
        .analyze_files(&[("fares.jsonl", story.as_bytes())], &mut NoProgress);
    let md = render::markdown(&report);
    let sentence =
        "Ferry fares in Ormand rose 4.5 percent in August, after falling 1.2 percent in July.";
    let facts = &md[md.find("facts\n").expect("a facts section")..];
    let facts = &facts[..facts.find("### Timeline").unwrap_or(facts.len())];
    assert!(facts.matches(sentence).count() <= 1, "{facts}");
}
