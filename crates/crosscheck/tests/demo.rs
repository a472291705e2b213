//! End-to-end on the built-in demo corpus; expectations come from
//! demo/MANIFEST.md (the corpus's ground truth).
mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use crosscheck::model::{DuplicateKind, Report};
use crosscheck::{NoProgress, Pipeline};

const STORIES: &[&[&str]] = &[
    &[
        "meridian/plant-blast",
        "harbour-herald/plant-blast-reprint",
        "aldery-courier/brimstead-toll-rises",
        "coastline-20260303-aldery-blast",
        "northgate-ledger/port-aldery-investigation",
    ],
    &[
        "meridian/varesia-rate-decision",
        "ledgerline/cbv-rate-hike",
        "evening-lantern/mortgage-rates-rise",
        "varesia-today-0310-rates",
    ],
    &[
        "capital-observer/foreign-minister-visit",
        "harbour-herald/hanmor-minister-staromir",
        "eastward-20260312-amber-strait",
    ],
    &[
        "northgate-ledger/brackwater-stadium-vote",
        "evening-lantern/athletic-stadium-ballot",
    ],
];

fn partition(report: &Report) -> BTreeSet<BTreeSet<String>> {
    report
        .stories
        .iter()
        .map(|s| s.articles.iter().cloned().collect())
        .collect()
}

fn expected(extra: &[&[&str]]) -> BTreeSet<BTreeSet<String>> {
    STORIES
        .iter()
        .chain(extra)
        .map(|s| s.iter().map(|a| a.to_string()).collect())
        .collect()
}

fn demo() -> Report {
    Pipeline::default().analyze_files(&crosscheck::demo::files(), &mut NoProgress)
}

#[test]
fn demo_corpus_gives_the_manifest_stories() {
    let report = demo();
    common::assert_contract(&report);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.articles.len(), 14);
    assert_eq!(partition(&report), expected(&[]));
}

#[test]
fn demo_wire_copy_is_the_only_duplicate() {
    let report = demo();
    assert_eq!(report.duplicates.len(), 1, "{:#?}", report.duplicates);
    let d = &report.duplicates[0];
    assert_eq!(
        d.articles,
        ["harbour-herald/plant-blast-reprint", "meridian/plant-blast"]
    );
    assert_ne!(d.kind, DuplicateKind::Exact);
    assert!(d.similarity >= 0.8);
}

#[test]
fn demo_briefs_are_short_clean_and_cited() {
    let report = demo();
    for (i, story) in report.stories.iter().enumerate() {
        assert!(!story.brief.is_empty(), "{} has no brief", story.id);
        assert!(story.brief.len() <= 12);
        assert!(common::brief_words(&report, i) <= 300);
        for s in &story.brief {
            assert!(
                common::junk_in(&s.text).is_none(),
                "junk in brief: {:?}",
                s.text
            );
        }
    }
    // The reprint's verbatim sentences are cited alongside the wire's.
    let a = report
        .stories
        .iter()
        .find(|s| s.articles.contains(&"meridian/plant-blast".to_string()))
        .unwrap();
    assert!(
        a.brief.iter().any(|s| s.citations.len() >= 2),
        "no brief sentence cites both the wire and its reprint"
    );
}

#[test]
fn demo_cleaning_reports_the_planted_junk() {
    let report = demo();
    let reprint = report
        .article("harbour-herald/plant-blast-reprint")
        .unwrap();
    let reasons: BTreeSet<&str> = reprint.removed.iter().map(|r| r.reason.as_str()).collect();
    for want in [
        "button_label",
        "advertisement",
        "teaser",
        "caption",
        "byline",
        "promotion",
        "tag_list",
        "headline",
    ] {
        assert!(reasons.contains(want), "{want} missing from {reasons:?}");
    }
    assert!(reprint.title.is_some());
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
fn demo_folder_plus_seeds_gives_five_stories() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let demo_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../demo");
    let report = Pipeline::default().analyze_paths(&[demo_dir, seeds.clone()], &mut NoProgress);
    common::assert_contract(&report);
    let seed_ids: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let seed_ids: Vec<&str> = seed_ids.iter().map(String::as_str).collect();
    assert_eq!(partition(&report), expected(&[&seed_ids]));
}

#[test]
fn no_demo_brief_says_one_thing_twice() {
    use crosscheck::brief::SameStatement;
    let report = demo();
    for story in &report.stories {
        let judge = crosscheck::incremental::ParaphraseJudge::default();
        for (i, a) in story.brief.iter().enumerate() {
            for b in &story.brief[i + 1..] {
                assert!(
                    !judge.same(&a.text, &b.text),
                    "{}: the brief says one thing twice:\n  {}\n  {}",
                    story.id,
                    a.text,
                    b.text
                );
            }
        }
    }
}

#[test]
fn demo_says_who_said_what() {
    let report = demo();
    let blast = &report.stories[0];
    // The fire chief's words, quoted by the wire story and its reprint: one
    // statement, one independent source, both articles cited.
    let crews = blast
        .statements
        .iter()
        .find(|s| s.content.contains("still searching the eastern end"))
        .unwrap_or_else(|| panic!("{:#?}", blast.statements));
    assert_eq!(crews.speaker, "Tomasz Wrześniewski");
    assert!(crews.direct);
    assert_eq!(crews.independent_sources, 1);
    assert_eq!(crews.citations.len(), 2, "{crews:#?}");
    // Every speaker is named or described, never a bare pronoun.
    for story in &report.stories {
        for s in &story.statements {
            let lower = s.speaker.to_lowercase();
            assert!(
                !["he", "she", "they", "it", "who"].contains(&lower.as_str()),
                "{s:#?}"
            );
        }
    }
    let md = crosscheck::render::markdown(&report);
    assert!(md.contains("### Who said what"), "{md}");
    assert!(
        md.contains(
            "**Tomasz Wrześniewski**: “We are still searching the eastern end of the building”"
        ),
        "{md}"
    );
}

/// A brief sentence stating one side of a conflict warns of the other
/// values, unless more independent sources give its side: the club vote's
/// date (14 June in one report, 14 July in another) is flagged both ways;
/// the injured count 43 (three outlets) is not flagged for the one
/// outlet's 430.
#[test]
fn demo_brief_flags_disputed_figures() {
    let report = demo();
    let md = crosscheck::render::markdown(&report);
    let brief_lines: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
    let flagged = |needle: &str, note: &str| {
        brief_lines
            .iter()
            .any(|l| l.contains(needle) && l.ends_with(note))
    };
    assert!(
        flagged("will be held on 14 June", "*(other reports: vote 14 July)*"),
        "{md}"
    );
    assert!(
        flagged("will vote on 14 July", "*(other reports: vote 14 June)*"),
        "{md}"
    );
    assert!(
        md.lines()
            .any(|l| l.contains("injuring 43") && !l.contains("other reports")),
        "{md}"
    );
    assert!(!md.contains("people injured 430)"), "{md}");
}
