//! Checks a [`Report`] keeps the promises of the JSON contract that a schema
//! cannot express: every citation points inside its article, on character
//! boundaries, at text that is the cited sentence (for the brief) or the
//! statement's content (for who said what).

use crosscheck_model::Report;
use crosscheck_text::fold_whitespace;

/// Every broken promise in `report`, as readable messages (empty when sound).
pub fn citations(report: &Report) -> Vec<String> {
    let mut problems = Vec::new();
    for story in &report.stories {
        for (i, sentence) in story.brief.iter().enumerate() {
            let at = format!("{} brief[{i}]", story.id);
            if sentence.citations.is_empty() {
                problems.push(format!("{at}: no citation"));
            }
            for c in &sentence.citations {
                let Some(article) = report.article(&c.article) else {
                    problems.push(format!("{at}: cites unknown article {:?}", c.article));
                    continue;
                };
                if !story.articles.contains(&c.article) {
                    problems.push(format!("{at}: cites {:?} outside the story", c.article));
                }
                let Some(span) = article.text.get(c.start..c.end) else {
                    problems.push(format!(
                        "{at}: span {}..{} is not inside {:?} ({} bytes) on char boundaries",
                        c.start,
                        c.end,
                        c.article,
                        article.text.len()
                    ));
                    continue;
                };
                if fold_whitespace(span) != fold_whitespace(&sentence.text) {
                    problems.push(format!(
                        "{at}: span {}..{} of {:?} is {:?}, not the sentence",
                        c.start, c.end, c.article, span
                    ));
                }
            }
        }
        for (i, st) in story.statements.iter().enumerate() {
            let at = format!("{} statements[{i}]", story.id);
            let mut quoted = false;
            for c in &st.citations {
                let span = report
                    .article(&c.article)
                    .filter(|_| story.articles.contains(&c.article))
                    .and_then(|a| a.text.get(c.start..c.end));
                match span {
                    Some(span) => quoted |= fold_whitespace(span) == st.content,
                    None => problems.push(format!(
                        "{at}: {:?} {}..{} is not a span of a story article",
                        c.article, c.start, c.end
                    )),
                }
            }
            if !quoted {
                problems.push(format!("{at}: no citation is the content {:?}", st.content));
            }
        }
    }
    problems
}
