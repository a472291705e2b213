//! RSS and Atom feeds: each item becomes an article.

use crosscheck_model::{Body, RawArticle, Skipped};

/// What one feed file produced.
pub(crate) struct FeedItems {
    pub articles: Vec<RawArticle>,
    pub skipped: Vec<Skipped>,
}

/// Parse a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) held in `bytes`.
///
/// Each item becomes a [`RawArticle`] with id `{file_id}/{n}` (n counts
/// items from 1), origin `{display}#item{n}`, the feed's title as source,
/// the item's title, first link and publication (else update) date, and its
/// full content (else its summary) as [`Body::Html`]. An item with neither
/// content nor summary is skipped with the reason. A file that is not a
/// feed is one error.
pub(crate) fn read(bytes: &[u8], file_id: &str, display: &str) -> Result<FeedItems, String> {
    let feed =
        feed_rs::parser::parse(bytes).map_err(|e| format!("not a readable RSS/Atom feed: {e}"))?;
    let source = feed
        .title
        .as_ref()
        .map(|t| fold(&t.content))
        .filter(|t| !t.is_empty());
    let mut out = FeedItems {
        articles: Vec::new(),
        skipped: Vec::new(),
    };
    if feed.entries.is_empty() {
        return Err("feed has no items".into());
    }
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let n = i + 1;
        let origin = format!("{display}#item{n}");
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| s.content.clone())
                    .filter(|b| !b.trim().is_empty())
            });
        let Some(body) = body else {
            out.skipped.push(Skipped::new(
                origin,
                format!("item {n}: no content or summary"),
            ));
            continue;
        };
        let published = entry
            .published
            .or(entry.updated)
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        out.articles.push(RawArticle {
            id: format!("{file_id}/{n}"),
            origin,
            source: source.clone(),
            title: entry
                .title
                .as_ref()
                .map(|t| fold(&t.content))
                .filter(|t| !t.is_empty()),
            url: entry.links.first().map(|l| l.href.clone()),
            published,
            body: Body::Html(body),
        });
    }
    Ok(out)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
