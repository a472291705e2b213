//! Turning a DOM subtree into plain-text paragraphs, without recursion.

use crate::dom::Dom;

/// What to leave out while walking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Already-extracted article content: drop only non-text elements.
    Content,
    /// Readability's output: also drop navigation, sidebars, forms and
    /// footers it kept (it keeps everything on short pages).
    Article,
    /// A whole page: also drop page furniture (navigation, header, footer,
    /// sidebars, forms), reporting its text.
    Page,
}

/// Elements whose content is never article text.
const SILENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "button", "select", "textarea", "head", "title", "meta", "link",
];

/// Page furniture dropped in [`Mode::Page`].
const FURNITURE: &[&str] = &["nav", "footer", "header", "aside", "form"];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "fieldset",
    "legend",
    "center",
    "body",
    "html",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
    "hgroup",
    "menu",
];

enum Step<N> {
    Enter(N),
    /// End of a link (article walk: stop counting link text).
    LeaveLink,
    /// End of a block: close the paragraph.
    Leave,
    /// End of a table cell: separate it from the next one.
    Space,
}

/// The paragraphs under `root` (whitespace folded, empty ones dropped), and
/// in [`Mode::Page`] the text of dropped furniture, one entry per element
/// name in first-seen order.
pub(crate) fn paragraphs<N: Dom>(root: &N, mode: Mode) -> (Vec<String>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut dropped: Vec<(String, Vec<String>)> = Vec::new();
    let mut current = String::new();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                flush(&mut current, &mut out);
                continue;
            }
            Step::Space => {
                current.push(' ');
                continue;
            }
            Step::LeaveLink => continue,
            Step::Enter(node) => node,
        };
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        if node.is_element() {
            // The parser lower-cases HTML element names; foreign ones
            // (`clipPath`) are in none of the lists below either way.
            let local = node.name();
            let name: &str = &local;
            if SILENT.contains(&name) {
                continue;
            }
            if mode == Mode::Article && name != "header" && FURNITURE.contains(&name) {
                continue;
            }
            if mode == Mode::Page && FURNITURE.contains(&name) {
                flush(&mut current, &mut out);
                let (inner, _) = paragraphs(&node, Mode::Content);
                if !inner.is_empty() {
                    match dropped.iter_mut().find(|(n, _)| n == name) {
                        Some((_, texts)) => texts.extend(inner),
                        None => dropped.push((name.to_owned(), inner)),
                    }
                }
                continue;
            }
            if name == "br" || name == "hr" {
                flush(&mut current, &mut out);
                continue;
            }
            if BLOCKS.contains(&name) {
                flush(&mut current, &mut out);
                stack.push(Step::Leave);
            } else if name == "td" || name == "th" {
                stack.push(Step::Space);
            } else if name == "img" {
                continue;
            }
        } else if !node.is_container() {
            // Comments, doctypes, processing instructions.
            continue;
        }
        stack.extend(node.children_rev().map(Step::Enter));
    }
    flush(&mut current, &mut out);
    let dropped = dropped
        .into_iter()
        .map(|(name, texts)| (name, texts.join("\n")))
        .collect();
    (out, dropped)
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if current.is_empty() {
        return;
    }
    let folded = fold(current);
    current.clear();
    if !folded.is_empty() {
        out.push(folded);
    }
}

/// Fold every run of whitespace (including no-break spaces) to one space
/// and trim the ends.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Options of the article walk.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ArticleOpts {
    pub keep_captions: bool,
    pub keep_comments: bool,
}

/// The paragraphs of extracted article content under `root`, leaving out
/// (and reporting) captions, class-hinted page junk and furniture that
/// Readability kept.
pub(crate) fn article<N: Dom>(
    root: &N,
    opts: ArticleOpts,
) -> (Vec<String>, Vec<crosscheck_model::Removed>) {
    use crate::junk::{self, Hint};
    let mut out = Vec::new();
    let mut removed = Vec::new();
    let mut current = String::new();
    // Text of the whole content, for the guard against dropping most of it.
    let total = root.text().len().max(1);
    let mut stack = vec![Step::Enter(*root)];
    let mut first = true;
    let mut link_depth = 0usize;
    let mut link_len = 0usize;
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                flush_counted(&mut current, &mut link_len, &mut out, &mut removed);
                continue;
            }
            Step::LeaveLink => {
                link_depth = link_depth.saturating_sub(1);
                continue;
            }
            Step::Space => {
                current.push(' ');
                continue;
            }
            Step::Enter(node) => node,
        };
        let is_root = std::mem::take(&mut first);
        if node.is_text() {
            let t = node.text();
            if link_depth > 0 {
                link_len += t.chars().filter(|c| !c.is_whitespace()).count();
            }
            current.push_str(&t);
            continue;
        }
        if node.is_element() {
            // The parser lower-cases HTML element names; foreign ones
            // (`clipPath`) are in none of the lists below either way.
            let local = node.name();
            let name: &str = &local;
            if SILENT.contains(&name) {
                continue;
            }
            if !is_root {
                let hint = if matches!(name, "nav" | "aside" | "form" | "footer") {
                    Some(Hint::Markup)
                } else if name == "figcaption" && !opts.keep_captions {
                    Some(Hint::Caption)
                } else {
                    junk::hint(&node, opts)
                };
                if let Some(h) = hint {
                    let text = fold(&node.text());
                    // A hint never removes most of the article.
                    if text.len() * 2 < total || h.always() {
                        flush_counted(&mut current, &mut link_len, &mut out, &mut removed);
                        if !text.is_empty() {
                            removed.push(crosscheck_model::Removed {
                                text,
                                reason: h.reason(),
                            });
                        }
                        continue;
                    }
                }
            }
            if name == "br" || name == "hr" {
                flush_counted(&mut current, &mut link_len, &mut out, &mut removed);
                continue;
            }
            if name == "a" {
                link_depth += 1;
                stack.push(Step::LeaveLink);
            }
            if BLOCKS.contains(&name) {
                flush_counted(&mut current, &mut link_len, &mut out, &mut removed);
                stack.push(Step::Leave);
            } else if name == "td" || name == "th" {
                stack.push(Step::Space);
            } else if name == "img" {
                continue;
            }
        } else if !node.is_container() {
            continue;
        }
        stack.extend(node.children_rev().map(Step::Enter));
    }
    flush_counted(&mut current, &mut link_len, &mut out, &mut removed);
    (out, removed)
}

/// A paragraph that is all link text and at most this many words is a
/// link to elsewhere (a related-story headline, a "read more" line).
const MAX_LINK_PARAGRAPH_WORDS: usize = 20;

/// Like [`flush`], but a paragraph that is (nearly) all link text and short
/// goes to `removed` as a [`RemovalReason::LinkList`] entry.
fn flush_counted(
    current: &mut String,
    link_len: &mut usize,
    out: &mut Vec<String>,
    removed: &mut Vec<crosscheck_model::Removed>,
) {
    let links = std::mem::take(link_len);
    if current.is_empty() {
        return;
    }
    let folded = fold(current);
    current.clear();
    if folded.is_empty() {
        return;
    }
    let letters = folded.chars().filter(|c| !c.is_whitespace()).count();
    let words = folded.split(' ').count();
    // Bare URLs and lines with figures (prices, scores) are content more
    // often than navigation.
    let plain = !folded.starts_with("http")
        && !folded.starts_with("www.")
        && !folded.bytes().any(|b| b.is_ascii_digit());
    if plain && links > 0 && links * 10 >= letters * 9 && words <= MAX_LINK_PARAGRAPH_WORDS {
        removed.push(crosscheck_model::Removed {
            text: folded,
            reason: crosscheck_model::RemovalReason::LinkList,
        });
    } else {
        out.push(folded);
    }
}
