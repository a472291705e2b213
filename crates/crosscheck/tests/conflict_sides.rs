//! End-to-end: a conflict's sides say who gives each value, and one figure
//! written two ways is one side, in the JSON contract and the Markdown
//! report. The story is invented: organisers and police count a march in
//! Brellow differently, and the police figure is reported twice.

mod common;

use crosscheck::{NoProgress, Pipeline};

const STORY: &str = concat!(
    r#"{"id": "m1", "source": "Meridian Press", "published": "2026-05-10T08:00:00Z", "text": "Organisers said 100,000 people took part in the march through Brellow on Saturday, while police estimated the crowd at 20,000."}"#,
    "\n",
    r#"{"id": "m2", "source": "Evening Lantern", "published": "2026-05-10T09:00:00Z", "text": "About 20,000 people marched through Brellow on Saturday, police said."}"#,
    "\n",
    r#"{"id": "m3", "source": "Capital Observer", "published": "2026-05-10T10:00:00Z", "text": "Opposition leader Ana Lind told the marchers in Brellow on Saturday that the mining law would be repealed."}"#,
    "\n",
);

#[test]
fn sides_name_who_gives_them_and_agreeing_values_are_one_side() {
    let report = Pipeline::builder()
        .single_story(true)
        .build()
        .analyze_files(&[("march.jsonl", STORY.as_bytes())], &mut NoProgress);
    common::assert_contract(&report);
    let story = &report.stories[0];
    let crowd = story
        .conflicts
        .iter()
        .find(|c| c.subject == "crowd")
        .unwrap_or_else(|| panic!("no crowd conflict: {:#?}", story.conflicts));
    assert_eq!(crowd.sides.len(), 2, "{crowd:#?}");
    let police = crowd
        .sides
        .iter()
        .find(|s| s.speakers == ["police"])
        .unwrap_or_else(|| panic!("no police side: {crowd:#?}"));
    assert_eq!(police.value, "20,000 / About 20,000");
    let articles: Vec<&str> = police
        .citations
        .iter()
        .map(|c| c.article.as_str())
        .collect();
    assert_eq!(articles, ["m1", "m2"]);

    let json = crosscheck::render::json(&report);
    assert!(json.contains(r#""speakers": ["#), "{json}");
    let md = crosscheck::render::markdown(&report);
    let line = md
        .lines()
        .find(|l| l.starts_with("- crowd (size): "))
        .unwrap_or_else(|| panic!("no crowd line in\n{md}"));
    assert!(
        line.contains("**100,000** (according to Organisers) [")
            && line.contains("**20,000 / About 20,000** (according to police) ["),
        "{line}"
    );
}
