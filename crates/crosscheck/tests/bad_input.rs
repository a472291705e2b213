//! Bad input never stops the batch: each bad file gets a `skipped` entry
//! naming it and the reason, and everything else is analysed.
mod common;

use std::fs;
use std::io::Write;

use crosscheck::{NoProgress, Pipeline};

const GOOD: &str = "Harbour workers in Lowmarsh ended a four-day strike on Thursday after the port authority agreed to raise wages by six percent.\n\nThe union said 1,200 members voted to accept the offer at a meeting on Wednesday evening.\n";

#[test]
fn bad_files_are_skipped_and_the_rest_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("good.txt"), GOOD).unwrap();
    fs::write(p.join("empty.txt"), b"").unwrap();
    fs::write(
        p.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 255, 254, 0].repeat(100),
    )
    .unwrap();
    // Valid UTF-8 text with invalid bytes spliced in.
    let mut mixed = "Grüße from the café — ".as_bytes().to_vec();
    mixed.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    mixed.extend_from_slice(" more text here.".as_bytes());
    fs::write(p.join("invalid-utf8.txt"), mixed).unwrap();
    // A 50 MB file (sparse: the size limit must be checked before reading).
    let big = fs::File::create(p.join("huge.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    let mut jsonl = fs::File::create(p.join("feed.jsonl")).unwrap();
    writeln!(
        jsonl,
        "{}",
        serde_json::json!({"id": "j1", "text": GOOD, "source": "Lowmarsh Ledger"})
    )
    .unwrap();
    writeln!(jsonl, "{{\"id\": \"j2\", \"text\": \"unterminated").unwrap();
    writeln!(
        jsonl,
        "{}",
        serde_json::json!({"id": "j3", "title": "No body"})
    )
    .unwrap();
    drop(jsonl);

    let report = Pipeline::default().analyze_paths(&[p], &mut NoProgress);
    common::assert_contract(&report);
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"good"), "{ids:?}");
    assert!(ids.contains(&"j1"), "{ids:?}");
    let skipped = |name: &str| report.skipped.iter().find(|s| s.path.contains(name));
    for name in [
        "empty.txt",
        "binary.txt",
        "invalid-utf8.txt",
        "huge.txt",
        "feed.jsonl:2",
        "feed.jsonl:3",
    ] {
        let s =
            skipped(name).unwrap_or_else(|| panic!("{name} not skipped: {:#?}", report.skipped));
        assert!(!s.reason.is_empty());
    }
    assert!(skipped("huge.txt").unwrap().reason.contains("too large"));
    assert!(skipped("empty.txt").unwrap().reason.contains("empty"));
    // The good article and its JSON Lines twin are exact copies.
    assert!(
        report
            .duplicates
            .iter()
            .any(|d| d.articles == ["good", "j1"]),
        "{:?}",
        report.duplicates
    );
}

#[test]
fn missing_path_is_reported() {
    let report =
        Pipeline::default().analyze_paths(&["/nonexistent/crosscheck-input"], &mut NoProgress);
    assert!(report.articles.is_empty());
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].path.contains("crosscheck-input"));
}

#[test]
fn duplicate_ids_across_in_memory_files_are_skipped() {
    let a: &[u8] = GOOD.as_bytes();
    let report =
        Pipeline::default().analyze_files(&[("x/one.txt", a), ("x/one.TXT", a)], &mut NoProgress);
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    assert!(report.skipped[0].reason.contains("duplicate id x/one"));
}
