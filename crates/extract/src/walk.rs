//! Turning a DOM subtree into plain-text paragraphs, without recursion.

use dom_query::NodeRef;

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

enum Step<'a> {
    Enter(NodeRef<'a>),
    /// End of a block: close the paragraph.
    Leave,
    /// End of a table cell: separate it from the next one.
    Space,
}

/// The paragraphs under `root` (whitespace folded, empty ones dropped), and
/// in [`Mode::Page`] the text of dropped furniture, one entry per element
/// name in first-seen order.
pub(crate) fn paragraphs(root: &NodeRef<'_>, mode: Mode) -> (Vec<String>, Vec<(String, String)>) {
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
            Step::Enter(node) => node,
        };
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        if node.is_element() {
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            let name = name.as_str();
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
        } else if !(node.is_document() || node.is_fragment()) {
            // Comments, doctypes, processing instructions.
            continue;
        }
        stack.extend(node.children_it(true).map(Step::Enter));
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
