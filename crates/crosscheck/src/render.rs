//! Renderers for a [`Report`]: JSON (the contract) and Markdown (for people).

use std::fmt::Write;

use crosscheck_model::{DuplicateKind, Report};

/// The report as pretty JSON, the versioned contract of `docs/json-contract.md`.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("report serialises");
    s.push('\n');
    s
}

/// The report as Markdown: each story's brief with numbered citations, then
/// the duplicate groups and the skipped inputs.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck report\n");
    let _ = writeln!(
        out,
        "{} article(s) in {} stor{} · {} duplicate group(s) · {} input(s) skipped\n",
        report.articles.len(),
        report.stories.len(),
        if report.stories.len() == 1 {
            "y"
        } else {
            "ies"
        },
        report.duplicates.len(),
        report.skipped.len()
    );
    for (n, story) in report.stories.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", n + 1, story.title);
        let outlets: Vec<String> = story
            .articles
            .iter()
            .map(
                |id| match report.article(id).and_then(|a| a.source.as_deref()) {
                    Some(src) => format!("`{id}` ({src})"),
                    None => format!("`{id}`"),
                },
            )
            .collect();
        let _ = writeln!(
            out,
            "*{} article(s): {}*\n",
            story.articles.len(),
            outlets.join(", ")
        );
        let mut notes: Vec<String> = Vec::new();
        for sentence in &story.brief {
            let marks: Vec<String> = sentence
                .citations
                .iter()
                .map(|c| {
                    notes.push(format!("`{}` bytes {}–{}", c.article, c.start, c.end));
                    format!("[{}]", notes.len())
                })
                .collect();
            let _ = writeln!(out, "- {} {}", sentence.text, marks.join(""));
        }
        if story.brief.is_empty() {
            let _ = writeln!(out, "*(no sentence fit for a brief)*");
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "\n<details><summary>Citations</summary>\n");
            for (i, note) in notes.iter().enumerate() {
                let _ = writeln!(out, "{}. {note}", i + 1);
            }
            let _ = writeln!(out, "\n</details>");
        }
        let _ = writeln!(out);
    }
    if !report.duplicates.is_empty() {
        let _ = writeln!(out, "## Duplicates and syndicated copies\n");
        for d in &report.duplicates {
            let kind = match d.kind {
                DuplicateKind::Exact => "exact copies",
                DuplicateKind::Near => "near copies",
                DuplicateKind::Contained => "contained copy",
            };
            let ids: Vec<String> = d.articles.iter().map(|a| format!("`{a}`")).collect();
            let original = d
                .original
                .as_ref()
                .map(|o| format!("; original `{o}`"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- {kind} (similarity {:.2}{original}): {}",
                d.similarity,
                ids.join(", ")
            );
        }
        let _ = writeln!(out);
    }
    if !report.skipped.is_empty() {
        let _ = writeln!(out, "## Skipped inputs\n");
        for s in &report.skipped {
            let _ = writeln!(out, "- `{}`: {}", s.path, s.reason);
        }
        let _ = writeln!(out);
    }
    out
}
