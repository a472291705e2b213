//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::PathBuf;

use crosscheck::model::Report;

/// `../shared/<rel>` beside the repository, if present.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!(
            "skipping: {} not found (needs ../shared beside the repository)",
            p.display()
        );
        None
    }
}

/// Validate the report's JSON against docs/report.schema.json and check
/// every citation; panics with all problems found.
pub fn assert_contract(report: &Report) {
    let schema_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/report.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let json: serde_json::Value =
        serde_json::from_str(&crosscheck::render::json(report)).expect("report is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "schema violations:\n{}",
        errors.join("\n")
    );
    let problems = crosscheck::verify::citations(report);
    assert!(
        problems.is_empty(),
        "citation problems:\n{}",
        problems.join("\n")
    );
}

/// Words in a story's brief.
pub fn brief_words(report: &Report, story: usize) -> usize {
    report.stories[story]
        .brief
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum()
}

/// Lines that must never reach a brief: page junk of the kinds the cleaner
/// removes (checked case-insensitively as whole sentences or prefixes).
pub fn junk_in(text: &str) -> Option<&'static str> {
    let lower = text.trim().to_lowercase();
    const EXACT: &[&str] = &["close", "read more", "advertisement", "share", "sign up"];
    const PREFIX: &[&str] = &[
        "read more:",
        "file photo",
        "related:",
        "advertisement",
        "photo:",
        "tags:",
        "by ",
    ];
    EXACT
        .iter()
        .find(|j| lower == **j)
        .or_else(|| PREFIX.iter().find(|p| lower.starts_with(**p)))
        .copied()
}
