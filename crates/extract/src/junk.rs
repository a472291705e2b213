//! Page junk inside extracted content: class and id hints on elements, and
//! the shapes of caption, time-stamp and promotion paragraphs.
//!
//! Every rule here is generic (words web pages use for their furniture),
//! never tied to one site.

use crate::dom::Dom;
use crate::walk::ArticleOpts;
use crosscheck_model::{RemovalReason, Removed};

/// What an element's class, id or attributes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    Caption,
    Promotion,
    LinkList,
    Advertisement,
    TagList,
    Byline,
    Boilerplate,
    Comments,
    Hidden,
    Markup,
}

impl Hint {
    pub(crate) fn reason(self) -> RemovalReason {
        match self {
            Hint::Caption => RemovalReason::Caption,
            Hint::Promotion => RemovalReason::Promotion,
            Hint::LinkList => RemovalReason::LinkList,
            Hint::Advertisement => RemovalReason::Advertisement,
            Hint::TagList => RemovalReason::TagList,
            Hint::Byline => RemovalReason::Byline,
            Hint::Boilerplate => RemovalReason::Boilerplate,
            Hint::Comments | Hint::Hidden | Hint::Markup => RemovalReason::Markup,
        }
    }

    /// Hints strong enough to apply even to a large part of the content.
    pub(crate) fn always(self) -> bool {
        matches!(self, Hint::Hidden)
    }
}

/// Class/id substrings (lower-cased) and what they mean. Substrings are
/// matched anywhere in the attribute, so they must be unambiguous.
const SUBSTRINGS: &[(&str, Hint)] = &[
    ("caption", Hint::Caption),
    ("newsletter", Hint::Promotion),
    ("subscri", Hint::Promotion),
    ("signup", Hint::Promotion),
    ("sharing", Hint::Promotion),
    ("share-", Hint::Promotion),
    ("-share", Hint::Promotion),
    ("social", Hint::Promotion),
    ("related", Hint::LinkList),
    ("recommend", Hint::LinkList),
    ("trending", Hint::LinkList),
    ("most-read", Hint::LinkList),
    ("mostread", Hint::LinkList),
    ("most-popular", Hint::LinkList),
    ("outbrain", Hint::LinkList),
    ("taboola", Hint::LinkList),
    ("read-more", Hint::LinkList),
    ("readmore", Hint::LinkList),
    ("more-stories", Hint::LinkList),
    ("advert", Hint::Advertisement),
    ("sponsor", Hint::Advertisement),
    ("byline", Hint::Byline),
    ("dateline", Hint::Byline),
    ("timestamp", Hint::Byline),
    ("author-bio", Hint::Byline),
    ("author-info", Hint::Byline),
    ("breadcrumb", Hint::Markup),
    ("copyright", Hint::Boilerplate),
    ("disclaimer", Hint::Boilerplate),
    ("comment", Hint::Comments),
];

/// Whole class/id parts (split on `-`, `_` and spaces) and what they mean.
const PARTS: &[(&str, Hint)] = &[
    ("credit", Hint::Caption),
    ("credits", Hint::Caption),
    ("share", Hint::Promotion),
    ("promo", Hint::Promotion),
    ("follow", Hint::Promotion),
    ("ad", Hint::Advertisement),
    ("ads", Hint::Advertisement),
    ("adslot", Hint::Advertisement),
    ("dfp", Hint::Advertisement),
    ("tags", Hint::TagList),
    ("tag", Hint::TagList),
    ("topics", Hint::TagList),
    ("keywords", Hint::TagList),
    ("author", Hint::Byline),
    ("published", Hint::Byline),
    ("updated", Hint::Byline),
    ("pagination", Hint::Markup),
    ("toolbar", Hint::Markup),
    ("hidden", Hint::Markup),
    ("sr", Hint::Markup),
];

/// What an element's attributes say it is, if it is junk.
pub(crate) fn hint<N: Dom>(node: &N, opts: ArticleOpts) -> Option<Hint> {
    if node.has_attr("hidden") {
        return Some(Hint::Hidden);
    }
    if let Some(style) = node.attr("style") {
        let s = style.to_ascii_lowercase().replace(' ', "");
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return Some(Hint::Hidden);
        }
    }
    let class = node.attr("class");
    let id = node.attr("id");
    let mut found = None;
    for attr in [class.as_deref(), id.as_deref()].into_iter().flatten() {
        if attr.is_empty() {
            continue;
        }
        let lower = attr.to_ascii_lowercase();
        found = found.or_else(|| {
            SUBSTRINGS
                .iter()
                .find(|(s, _)| lower.contains(s))
                .map(|(_, h)| *h)
        });
        found = found.or_else(|| {
            lower
                .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
                .find_map(|part| PARTS.iter().find(|(p, _)| *p == part).map(|(_, h)| *h))
        });
        if found.is_some() {
            break;
        }
    }
    match found {
        Some(Hint::Caption) if opts.keep_captions => None,
        Some(Hint::Comments) if opts.keep_comments => None,
        other => other,
    }
}

/// Prefixes (case-sensitive) of promotion and teaser paragraphs.
const PROMO_PREFIXES: &[&str] = &[
    "Sign up",
    "SIGN UP",
    "Subscribe ",
    "SUBSCRIBE",
    "Follow us",
    "Follow @",
    "Click here",
    "CLICK HERE",
    "Get breaking news",
    "Join our",
    "Want more",
    "Need more",
    "Read more",
    "READ MORE",
    "Related:",
    "RELATED:",
    "MORE:",
    "Also on ",
    "Have a tip",
    "Got a tip",
    "Let our news",
    "Download the",
    "Get access",
    "If you enjoyed",
    "Like us on",
    "Watch:",
    "WATCH:",
    "Share this",
    "Share on",
    "Like this story",
    "There was a problem",
    "This post may contain affiliate",
    "This article contains affiliate",
    "Citation:",
    "Listen to ",
    "Email ",
    "Reach the",
    "Contact the",
    "Send us",
];

/// Phrases of short credit lines ("… contributed to this report").
const CREDIT_PHRASES: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "Reporting by ",
    "reporting by ",
    "Editing by ",
    "editing by ",
    "Writing by ",
];

/// Phrases of legal boilerplate.
const BOILERPLATE_PHRASES: &[&str] = &[
    "All rights reserved",
    "all rights reserved",
    "subject to copyright",
    "may not be published, broadcast",
    "do not necessarily reflect",
];

/// Prefixes (lower-cased) of time stamps.
const STAMP_PREFIXES: &[&str] = &[
    "updated",
    "posted",
    "published",
    "last updated",
    "first published",
    "last modified",
];

/// Words that credit a photograph.
const CREDIT_WORDS: &[&str] = &[
    "Photo",
    "PHOTO",
    "photo",
    "Image",
    "Getty",
    "REUTERS",
    "Reuters",
    "AFP",
    "AP",
    "Credit",
    "Shutterstock",
    "EPA",
    "Courtesy",
];

/// The reason a paragraph of extracted text is junk, judged by its shape.
pub(crate) fn paragraph(p: &str, opts: ArticleOpts) -> Option<RemovalReason> {
    let len = p.len();
    if len < 300 && PROMO_PREFIXES.iter().any(|x| p.starts_with(x)) {
        return Some(RemovalReason::Promotion);
    }
    if len < 400 && CREDIT_PHRASES.iter().any(|x| p.contains(x)) {
        return Some(RemovalReason::Byline);
    }
    if len < 400 && BOILERPLATE_PHRASES.iter().any(|x| p.contains(x)) {
        return Some(RemovalReason::Boilerplate);
    }
    if len < 300 && is_contact(p) {
        return Some(RemovalReason::Promotion);
    }
    if len < 120 && p.bytes().any(|b| b.is_ascii_digit()) {
        let lower = p.to_lowercase();
        if STAMP_PREFIXES.iter().any(|x| lower.starts_with(x)) {
            return Some(RemovalReason::Byline);
        }
    }
    if !opts.keep_captions && len < 500 && is_caption(p) {
        return Some(RemovalReason::Caption);
    }
    None
}

/// "Follow him on Twitter @x", "email jo@example.org": a contact line.
fn is_contact(p: &str) -> bool {
    let handle = p.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
        w.len() > 1 && (w.starts_with('@') || (w.contains('@') && w.contains('.')))
    });
    let lower = p.to_lowercase();
    handle
        && ["follow", "email", "e-mail", "reach", "contact"]
            .iter()
            .any(|k| lower.contains(k))
}

/// A caption or photo credit: "… (AP Photo/Name)", "Image caption …",
/// "FILE PHOTO: …", "…Credit: Agency".
fn is_caption(p: &str) -> bool {
    if p.starts_with("Image caption")
        || p.starts_with("Image copyright")
        || p.starts_with("FILE PHOTO")
        || p.starts_with("Photo:")
        || p.starts_with("PHOTO:")
    {
        return true;
    }
    if let Some(i) = p.rfind("Credit:") {
        // A credit near the end of a short paragraph.
        return p.len() - i < 80;
    }
    // A trailing parenthesis or last sentence naming a photo credit.
    let tail = match p.strip_suffix(')') {
        Some(rest) => match rest.rfind('(') {
            Some(i) => &rest[i + 1..],
            None => return false,
        },
        None => return false,
    };
    tail.len() < 80 && CREDIT_WORDS.iter().any(|w| tail.contains(w)) && tail.contains(['/', ':'])
        || tail.starts_with("Photo")
        || tail.starts_with("Image")
}

/// Drop junk-shaped paragraphs and immediate repeats (a slideshow's
/// captions, a pull quote printed twice), recording them. Repeats further
/// apart are kept: interviews and recipes repeat lines on purpose.
pub(crate) fn filter(
    paragraphs: Vec<String>,
    opts: ArticleOpts,
    removed: &mut Vec<Removed>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if let Some(reason) = paragraph(&p, opts) {
            removed.push(Removed { text: p, reason });
            continue;
        }
        if out.last() == Some(&p) {
            removed.push(Removed {
                text: p,
                reason: RemovalReason::Repeated,
            });
            continue;
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_shapes() {
        let o = ArticleOpts::default();
        for (p, want) in [
            ("The mayor waves to the crowd. (AP Photo/Jane Doe)", Some(RemovalReason::Caption)),
            ("Image caption The new bridge at dusk", Some(RemovalReason::Caption)),
            ("The harbour at night.Credit: Coastal Agency", Some(RemovalReason::Caption)),
            ("Updated 9:14 am, March 3, 2024", Some(RemovalReason::Byline)),
            ("Sign up for our daily briefing.", Some(RemovalReason::Promotion)),
            ("Follow Ana on Twitter @ana_writes.", Some(RemovalReason::Promotion)),
            ("Bo Lin contributed to this report.", Some(RemovalReason::Byline)),
            ("The agency said it would email every resident by Friday.", None),
            ("The council met on Monday (its third meeting this year).", None),
            ("Updated figures show the river rose by 2 metres overnight, the agency said in a statement that was published at noon and widely shared.", None),
        ] {
            assert_eq!(paragraph(p, o), want, "{p}");
        }
        assert_eq!(
            paragraph(
                "A boat. (AP Photo/X)",
                ArticleOpts {
                    keep_captions: true,
                    keep_comments: false
                }
            ),
            None
        );
    }
}
