//! Renderers for a [`Report`]: JSON (the contract) and Markdown (for people).

use std::fmt::Write;

use crosscheck_model::{
    AttributedStatement, Citation, Claim, Conflict, ConflictSide, DuplicateKind, Report, Story,
};

/// Facts listed per section before the rest is summarised as a count.
const MAX_FACTS: usize = 10;
/// Sides of a conflict shown as a disagreement; more go under "Differing
/// figures".
const MAX_CONFLICT_SIDES: usize = 3;

/// A claim as one line: its subject and value when it has them (several
/// claims can come from one sentence), else its text.
fn claim_line(c: &Claim) -> String {
    match (&c.subject, &c.value) {
        (Some(subject), Some(value)) => format!("{subject}: **{value}**"),
        _ => c.text.clone(),
    }
}

/// Facts as Markdown lines, in order: claims that read the same (two
/// figures of one sentence without a named subject are both shown as the
/// sentence) are one line with the citations of both.
fn fact_lines<'a>(claims: impl Iterator<Item = &'a Claim>) -> Vec<(String, usize, Vec<Citation>)> {
    let mut out: Vec<(String, usize, Vec<Citation>)> = Vec::new();
    for c in claims {
        let line = claim_line(c);
        match out.iter_mut().find(|(l, _, _)| *l == line) {
            Some((_, sources, citations)) => {
                *sources = (*sources).max(c.independent_sources);
                for cite in &c.citations {
                    if !citations.contains(cite) {
                        citations.push(cite.clone());
                    }
                }
            }
            None => out.push((line, c.independent_sources, c.citations.clone())),
        }
    }
    out
}

/// One conflict as a Markdown list item, its sides joined by `sep`, each
/// with its citation marks.
fn conflict_line(c: &Conflict, sep: &str, cite: &mut impl FnMut(&[Citation]) -> String) -> String {
    let sides: Vec<String> = c
        .sides
        .iter()
        .map(|s| format!("**{}**{} {}", s.value, given_by(s), cite(&s.citations)))
        .collect();
    format!("- {} ({}): {}", c.subject, c.attribute, sides.join(sep))
}

/// Who gives a side's value, as " (according to police)", or nothing.
fn given_by(side: &ConflictSide) -> String {
    match side.speakers.as_slice() {
        [] => String::new(),
        names => format!(" (according to {})", names.join(", ")),
    }
}

/// What a brief sentence should warn of: the other values of each conflict
/// (of up to [`MAX_CONFLICT_SIDES`] values) one of whose sides the sentence
/// states, unless that side is the one most independent sources give
/// (read off the story's claims), as " *(other reports: people injured
/// 41)*"; empty if none. A reader of the brief alone learns that its
/// figure is disputed, and not of every outlier against a figure three
/// outlets agree on.
fn disputed_note(citations: &[Citation], story: &Story) -> String {
    let overlaps =
        |a: &Citation, b: &Citation| a.article == b.article && a.start < b.end && b.start < a.end;
    let meets =
        |xs: &[Citation], ys: &[Citation]| xs.iter().any(|x| ys.iter().any(|y| overlaps(x, y)));
    // Independent sources of a side: those of the claims stating it (of
    // the conflict's subject: not another figure of the same sentence).
    let support = |subject: &str, side: &ConflictSide| {
        story
            .claims
            .iter()
            .filter(|c| {
                c.subject.as_deref() == Some(subject) && meets(&c.citations, &side.citations)
            })
            .map(|c| c.independent_sources)
            .max()
            .unwrap_or(1)
    };
    let mut others: Vec<String> = Vec::new();
    for c in story
        .conflicts
        .iter()
        .filter(|c| c.sides.len() <= MAX_CONFLICT_SIDES)
    {
        let Some(mine) = c
            .sides
            .iter()
            .find(|side| meets(&side.citations, citations))
        else {
            continue;
        };
        let n = support(&c.subject, mine);
        let rest: Vec<&ConflictSide> = c
            .sides
            .iter()
            .filter(|side| !meets(&side.citations, citations))
            .collect();
        if rest.is_empty() || rest.iter().all(|side| support(&c.subject, side) < n) {
            continue;
        }
        let values: Vec<&str> = rest.iter().map(|side| side.value.as_str()).collect();
        others.push(format!("{} {}", c.subject, values.join(" or ")));
    }
    if others.is_empty() {
        String::new()
    } else {
        format!(" *(other reports: {})*", others.join("; "))
    }
}

/// A statement as a line: a quotation after its speaker's name
/// ("**Haldis Brennock**: “We just ran”"), reported speech after the
/// speaker and cue ("**Mira Holm** said: the barriers …", "According to
/// **the agency**: …"), the content as written.
///
/// A statement reported second hand names whom it came through after the
/// speaker ("**the agency** said (according to Lena Holm): …").
fn statement_line(s: &AttributedStatement) -> String {
    let quoted = s.content.starts_with(['“', '"', '‘']);
    let via = s
        .via
        .as_ref()
        .map(|v| format!(" (according to {v})"))
        .unwrap_or_default();
    if s.direct || s.cue.is_empty() {
        if quoted {
            format!("**{}**{via}: {}", s.speaker, s.content)
        } else {
            format!("**{}**{via}: “{}”", s.speaker, s.content)
        }
    } else if s.cue.to_lowercase().starts_with("according to") {
        format!("According to **{}**{via}: {}", s.speaker, s.content)
    } else {
        format!("**{}** {}{via}: {}", s.speaker, s.cue, s.content)
    }
}

fn more(out: &mut String, total: usize) {
    if total > MAX_FACTS {
        let _ = writeln!(out, "- … and {} more in the JSON report", total - MAX_FACTS);
    }
}

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
        out.push_str(&story_markdown(n + 1, story, |id| {
            report.article(id).and_then(|a| a.source.clone())
        }));
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

/// One story as Markdown (numbered `number` in its list): the brief with
/// numbered citations, then facts, conflicts, changes, who said what,
/// entities and the timeline. `source_of` names an article's outlet when known.
pub fn story_markdown(
    number: usize,
    story: &Story,
    source_of: impl Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}. {}\n", number, story.title);
    let outlets: Vec<String> = story
        .articles
        .iter()
        .map(|id| match source_of(id) {
            Some(src) => format!("`{id}` ({src})"),
            None => format!("`{id}`"),
        })
        .collect();
    let _ = writeln!(
        out,
        "*{} article(s): {}*\n",
        story.articles.len(),
        outlets.join(", ")
    );
    let mut notes: Vec<String> = Vec::new();
    let mut cite = |citations: &[Citation]| -> String {
        citations
            .iter()
            .map(|c| {
                notes.push(format!("`{}` bytes {}–{}", c.article, c.start, c.end));
                format!("[{}]", notes.len())
            })
            .collect()
    };
    for sentence in &story.brief {
        let cited = cite(&sentence.citations);
        let _ = writeln!(
            out,
            "- {} {cited}{}",
            sentence.text,
            disputed_note(&sentence.citations, story)
        );
    }
    if story.brief.is_empty() {
        let _ = writeln!(out, "*(no sentence fit for a brief)*");
    }
    let corroborated = fact_lines(story.claims.iter().filter(|c| c.independent_sources >= 2));
    let single = fact_lines(story.claims.iter().filter(|c| c.independent_sources < 2));
    if !corroborated.is_empty() {
        let _ = writeln!(out, "\n### Corroborated facts\n");
        for (line, sources, citations) in corroborated.iter().take(MAX_FACTS) {
            let _ = writeln!(
                out,
                "- {line} — {sources} independent sources {}",
                cite(citations)
            );
        }
        more(&mut out, corroborated.len());
    }
    if !single.is_empty() {
        let _ = writeln!(out, "\n### Single-source facts\n");
        for (line, _, citations) in single.iter().take(MAX_FACTS) {
            let _ = writeln!(out, "- {line} {}", cite(citations));
        }
        more(&mut out, single.len());
    }
    // Two or three values for one thing are a disagreement; many more are
    // usually different counts under one name (tolls of several places or
    // incidents in a long story), shown apart so they do not read as one
    // dispute. The JSON lists them all as conflicts.
    let (crisp, mixed): (Vec<&Conflict>, Vec<&Conflict>) = story
        .conflicts
        .iter()
        .partition(|c| c.sides.len() <= MAX_CONFLICT_SIDES);
    if !crisp.is_empty() {
        let _ = writeln!(out, "\n### Conflicts\n");
        for c in crisp {
            let line = conflict_line(c, " vs ", &mut cite);
            let _ = writeln!(out, "{line}");
        }
    }
    if !mixed.is_empty() {
        let _ = writeln!(
            out,
            "\n### Differing figures\n\n*More than {MAX_CONFLICT_SIDES} values for one thing: they may count different places or incidents; check each source.*\n"
        );
        for c in mixed {
            let line = conflict_line(c, ", ", &mut cite);
            let _ = writeln!(out, "{line}");
        }
    }
    if !story.updates.is_empty() {
        let _ = writeln!(out, "\n### Figures that changed\n");
        for u in &story.updates {
            let values: Vec<String> = u
                .values
                .iter()
                .map(|v| format!("{}{} {}", v.value, given_by(v), cite(&v.citations)))
                .collect();
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                u.subject,
                u.attribute,
                values.join(" → ")
            );
        }
    }
    if !story.statements.is_empty() {
        let _ = writeln!(out, "\n### Who said what\n");
        // The most widely reported first, then named speakers (people and
        // organisations of the entity list) before descriptions ("a
        // spokesman"), in reading order.
        let named = |s: &AttributedStatement| story.entities.iter().any(|e| e.name == s.speaker);
        let mut shown: Vec<(usize, &AttributedStatement)> =
            story.statements.iter().enumerate().collect();
        shown
            .sort_by_cached_key(|(i, s)| (std::cmp::Reverse(s.independent_sources), !named(s), *i));
        for (_, s) in shown.iter().take(MAX_FACTS) {
            let line = statement_line(s);
            let sources = if s.independent_sources >= 2 {
                format!(" — {} independent sources", s.independent_sources)
            } else {
                String::new()
            };
            let _ = writeln!(out, "- {line}{sources} {}", cite(&s.citations));
        }
        more(&mut out, story.statements.len());
    }
    if !story.entities.is_empty() {
        let _ = writeln!(out, "\n### Entities\n");
        for e in story.entities.iter().take(MAX_FACTS * 2) {
            let others: Vec<&str> = e
                .variants
                .iter()
                .map(String::as_str)
                .filter(|v| *v != e.name)
                .collect();
            let variants = if others.is_empty() {
                String::new()
            } else {
                format!(" — also {}", others.join(", "))
            };
            let _ = writeln!(
                out,
                "- {} ({}, {} mention(s) in {} article(s)){variants}",
                e.name,
                e.kind,
                e.mentions,
                e.articles.len()
            );
        }
        more(&mut out, story.entities.len().saturating_sub(MAX_FACTS));
    }
    if !story.timeline.is_empty() {
        let _ = writeln!(out, "\n### Timeline\n");
        let resolved = |d: &str| d.starts_with(|c: char| c.is_ascii_digit());
        if story.timeline.iter().any(|t| !resolved(&t.date)) {
            let _ = writeln!(
                out,
                "*Dates in italics are as written (\"Monday\", \"last week\"): \
                 their article has no publication date to resolve them against. \
                 They follow the dated events, in reading order.*\n"
            );
        }
        for t in &story.timeline {
            if resolved(&t.date) {
                let _ = writeln!(out, "- **{}** {} {}", t.date, t.text, cite(&t.citations));
            } else {
                let _ = writeln!(
                    out,
                    "- *{}* {} {}",
                    crosscheck_facts::calendar_case(&t.date),
                    t.text,
                    cite(&t.citations)
                );
            }
        }
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n<details><summary>Citations</summary>\n");
        for (i, note) in notes.iter().enumerate() {
            let _ = writeln!(out, "{}. {note}", i + 1);
        }
        let _ = writeln!(out, "\n</details>");
    }
    let _ = writeln!(out);
    out
}
