//! Choosing the content block on the fast path's tree.
//!
//! The model is Readability's (Mozilla's Readability.js, as dom_smoothie
//! 0.19 ports it): the html5ever path uses dom_smoothie, and the two paths
//! should agree on a page (on the benchmark they give the same text on 177
//! of 181 pages; `examples/compare_engines.rs`). What it believes about
//! pages:
//!
//! 0. **Prepare.** Scripts, styles and `noscript` carry no article text;
//!    `font` is `span`; two or more `<br>` in a row end a paragraph (the
//!    inline content after them becomes a `p`). When the metadata names no
//!    author, the first short element marked as a byline goes (its text is
//!    the author).
//! 1. **Prune.** Hidden elements (`hidden`, `aria-hidden`, `display:none`),
//!    dialogs, the first `h1`/`h2` that repeats the headline, and elements
//!    whose class or id names page furniture (`sidebar`, `comment`,
//!    `footer`, `related`, … unless it also says `article`, `content`,
//!    `main`, …) or whose ARIA role is navigation, menu, complementary or
//!    dialog are dropped, as are empty `div`/`section`/headings.
//! 2. **Paragraphs.** `p`, `td`, `pre`, `section` and `h2`–`h6` are text
//!    units; so is a `div` without block children, and each run of inline
//!    content inside a `div` that has block children.
//! 3. **Score.** A unit with at least 25 characters is worth
//!    `2 + commas + min(chars / 100, 3)`: long, clause-rich text is prose,
//!    short lines are navigation. The worth goes to its parent in full, its
//!    grandparent in half, and further ancestors (up to five levels) in
//!    `1 / (3 × level)`. Each ancestor starts from a prior by element (`div`
//!    +5; `pre`, `td`, `blockquote` +3; lists, forms −3; headings, `th` −5)
//!    and by class/id words (±25 for `article`, `content`, `story`, … vs.
//!    `comment`, `share`, `sidebar`, `widget`, …).
//! 4. **Link density.** A candidate's score is scaled by `1 − link text /
//!    text` (links to `#anchors` count 0.3): navigation is mostly links.
//! 5. **Choose.** The best candidate, moved up to a common ancestor when
//!    more than three near-best candidates (≥ 75% of its score) exist and
//!    three of them share one, up while its parent scores higher (and not
//!    below a third), and up past wrappers that hold only it. Its siblings
//!    join when they score at least a fifth of it (more easily with the
//!    same class), or when they are paragraphs of prose (over 80 characters
//!    with few links, or a shorter linkless sentence).
//! 6. **Clean.** Inside the block: small share boxes go; forms, tables,
//!    lists and `div`s go when their class is negative or their shape is
//!    not prose (more images than paragraphs, more list items or inputs
//!    than paragraphs, mostly links, embeds, no text-bearing children…),
//!    innermost first, data tables kept; `h1`/`h2` with a negative class go;
//!    a `div` holding only another `div` is unwrapped (the inner one takes
//!    the outer one's class).
//! 7. **Retry.** A block under 500 characters is chosen again on a fresh
//!    tree with the furniture words ignored, then with class words ignored,
//!    then without the cleaning; the longest result wins.
//!
//! Text lengths and link lengths of every element are computed once,
//! bottom-up (they are sums over the subtree), and kept up to date as
//! the cleaning removes elements; the scoring itself is linear in the page.
//! Class and id words are matched with one Aho-Corasick pass per attribute.

use super::tree::{Kind, Tree, NONE};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// A case-insensitive matcher for any of `words` inside a class or id.
fn matcher(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a handful of short literal words always builds")
}

static UNLIKELY_AC: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(UNLIKELY));
static MAYBE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(MAYBE));
static NEGATIVE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(NEGATIVE));
static POSITIVE_AC: LazyLock<AhoCorasick> = LazyLock::new(|| matcher(POSITIVE));
static BYLINE_AC: LazyLock<AhoCorasick> =
    LazyLock::new(|| matcher(&["byline", "author", "dateline", "writtenby", "p-author"]));

/// Below this many characters of content the rules are relaxed and the
/// block chosen again (see [`grab_with_retries`]).
pub(crate) const CHAR_THRESHOLD: u32 = 500;

/// Class/id words of page furniture (Readability's "unlikely candidates").
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Words that rescue an element from [`UNLIKELY`].
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "layout", "main", "mathjax", "shadow",
];

/// Class/id words that lower an element's prior by 25.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Class/id words that raise an element's prior by 25.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

const VIDEO_DOMAINS: &[&str] = &[
    "dailymotion.com",
    "youtube.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "v.qq.com",
    "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
    "bilibili.com",
    "live.bilibili.com",
];

const COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

fn is_phrasing_tag(name: &str) -> bool {
    matches!(
        name,
        "abbr"
            | "audio"
            | "b"
            | "bdo"
            | "br"
            | "button"
            | "cite"
            | "code"
            | "data"
            | "datalist"
            | "dfn"
            | "em"
            | "embed"
            | "i"
            | "img"
            | "input"
            | "kbd"
            | "label"
            | "mark"
            | "math"
            | "meter"
            | "noscript"
            | "object"
            | "output"
            | "progress"
            | "q"
            | "ruby"
            | "samp"
            | "script"
            | "select"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "var"
            | "wbr"
    )
}

/// Block elements that keep a `div` from being a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}

fn is_textish(name: &str) -> bool {
    is_block(name) || matches!(name, "span" | "li" | "td")
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Sums over a subtree, kept per element.
#[derive(Debug, Clone, Copy, Default)]
struct Agg {
    /// Characters of the text, whitespace runs counted once, trimmed.
    chars: u32,
    /// Characters inside links below (anchors to `#…` weigh 0.3).
    link: f32,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    /// Embeds (`object`, `embed`, `iframe`) not of a known video site.
    embed: u32,
    /// Embeds of a video site.
    video: u32,
    pre: u32,
    /// Data tables below.
    dtable: u32,
    /// Summed text of headings, "textish" elements and lists below.
    h_chars: u32,
    textish_chars: u32,
    list_chars: u32,
}

/// Text with whitespace collapsed: length and whether it starts/ends with
/// whitespace (a monoid, so subtrees combine left to right).
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    n: u32,
    lead: bool,
    trail: bool,
    any: bool,
}

impl Span {
    fn of(s: &str) -> Span {
        Span::with_commas(s).0
    }

    /// The span of `s` and the number of commas in it, in one pass.
    fn with_commas(s: &str) -> (Span, u32) {
        let mut n = 0u32;
        let mut in_ws = false;
        let mut lead = false;
        let mut commas = 0u32;
        if s.is_ascii() {
            for (i, &b) in s.as_bytes().iter().enumerate() {
                if b.is_ascii_whitespace() || b == 0x0b {
                    if !in_ws {
                        n += 1;
                        lead |= i == 0;
                    }
                    in_ws = true;
                } else {
                    n += 1;
                    in_ws = false;
                    commas += u32::from(b == b',');
                }
            }
        } else {
            for (i, c) in s.chars().enumerate() {
                if c.is_whitespace() {
                    if !in_ws {
                        n += 1;
                        lead |= i == 0;
                    }
                    in_ws = true;
                } else {
                    n += 1;
                    in_ws = false;
                    commas += u32::from(COMMAS.contains(&c));
                }
            }
        }
        let span = Span {
            n,
            lead,
            trail: in_ws,
            any: n > 0,
        };
        (span, commas)
    }

    fn then(self, b: Span) -> Span {
        if !self.any {
            return b;
        }
        if !b.any {
            return self;
        }
        Span {
            n: self.n + b.n - u32::from(self.trail && b.lead),
            lead: self.lead,
            trail: b.trail,
            any: true,
        }
    }

    fn trimmed(self) -> u32 {
        self.n
            .saturating_sub(u32::from(self.lead) + u32::from(self.trail))
    }
}

struct Grab<'t> {
    t: &'t mut Tree,
    flags: Flags,
    agg: Vec<Agg>,
    /// Readability scores; NaN for none.
    score: Vec<f32>,
    data_table: Vec<bool>,
}

/// Which of Readability's rules are on; each retry turns one more off.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Flags {
    /// Drop elements whose class/id names furniture (step 1).
    pub strip_unlikely: bool,
    /// Class/id words count in priors and cleaning (steps 3 and 6).
    pub weigh_classes: bool,
    /// Remove non-prose forms, tables, lists and `div`s (step 6).
    pub clean_conditionally: bool,
}

impl Flags {
    /// All rules on.
    pub(crate) const ALL: Flags = Flags {
        strip_unlikely: true,
        weigh_classes: true,
        clean_conditionally: true,
    };

    /// The next, more permissive attempt, if any.
    pub(crate) fn relaxed(self) -> Option<Flags> {
        if self.strip_unlikely {
            Some(Flags {
                strip_unlikely: false,
                ..self
            })
        } else if self.weigh_classes {
            Some(Flags {
                weigh_classes: false,
                ..self
            })
        } else if self.clean_conditionally {
            Some(Flags {
                clean_conditionally: false,
                ..self
            })
        } else {
            None
        }
    }
}

/// What [`grab`] found.
pub(crate) struct Grabbed {
    /// An element holding the content block.
    pub root: u32,
    /// Characters in it (whitespace runs counted once).
    pub chars: u32,
    /// The byline element's text, when one was taken out of the page.
    pub byline: Option<String>,
}

/// Choose and clean the content block of `t` with the rules in `flags`, or
/// `None` when the page has no body. `title` is the headline (to drop a
/// heading that repeats it); without `has_byline` (no author in the
/// metadata) the first byline element is taken out and returned.
pub(crate) fn grab(t: &mut Tree, title: &str, has_byline: bool, flags: Flags) -> Option<Grabbed> {
    let body = t.body?;
    let mut g = Grab {
        t,
        agg: Vec::new(),
        score: Vec::new(),
        data_table: Vec::new(),
        flags,
    };
    let byline = if has_byline {
        None
    } else {
        g.remove_byline(body)
    };
    g.prepare();
    let to_score = g.prune_and_collect(body, title);
    g.aggregate(body);
    let (top, created) = g.choose(body, &to_score);
    let article = g.assemble(top, created);
    g.prep(article);
    // `prep` keeps the sums current as it removes elements.
    let chars = g.agg[article as usize].chars;
    g.simplify_nested(article);
    Some(Grabbed {
        root: article,
        chars,
        byline,
    })
}

/// [`grab`] as Readability runs it: all rules on (on `first`, the tree of
/// `html`), and while the block is shorter than [`CHAR_THRESHOLD`], again
/// on a fresh parse of `html` with one rule less; the longest attempt wins.
/// Returns the tree the block is in and what [`grab`] found.
pub(crate) fn grab_with_retries(
    first: Tree,
    html: &str,
    title: &str,
    has_byline: bool,
) -> Option<(Tree, Grabbed)> {
    let mut flags = Flags::ALL;
    let mut best: Option<(Tree, Grabbed)> = None;
    let mut tree = first;
    loop {
        let g = grab(&mut tree, title, has_byline, flags)?;
        if g.chars >= CHAR_THRESHOLD {
            return Some((tree, g));
        }
        if best.as_ref().is_none_or(|b| g.chars > b.1.chars) {
            best = Some((tree, g));
        }
        match flags.relaxed() {
            Some(f) => flags = f,
            None => return best,
        }
        tree = Tree::parse(html);
    }
}

impl Grab<'_> {
    fn name(&self, id: u32) -> &str {
        self.t.name(id)
    }

    fn is_element(&self, id: u32) -> bool {
        self.t.nodes[id as usize].kind == Kind::Element
    }

    fn parent(&self, id: u32) -> u32 {
        self.t.nodes[id as usize].parent
    }

    fn element_children(&self, id: u32) -> Vec<u32> {
        self.t
            .children(id)
            .filter(|&c| self.is_element(c))
            .collect()
    }

    /// The node after `n` in document order below `root` (skipping `n`'s
    /// children with `skip`).
    fn next(&self, root: u32, n: u32, skip: bool) -> Option<u32> {
        if !skip {
            let f = self.t.nodes[n as usize].first;
            if f != NONE {
                return Some(f);
            }
        }
        let mut n = n;
        while n != root && n != NONE {
            let nx = self.t.nodes[n as usize].next;
            if nx != NONE {
                return Some(nx);
            }
            n = self.parent(n);
        }
        None
    }

    /// Whether the class or the id holds one of the matcher's words
    /// (Readability matches on "class id"; no word holds a space, so the
    /// two can be searched apart).
    fn class_or_id_has(&self, id: u32, words: &AhoCorasick) -> bool {
        ["class", "id"]
            .iter()
            .any(|a| self.t.attr(id, a).is_some_and(|v| words.is_match(v)))
    }

    fn class_weight(&self, id: u32) -> f32 {
        let mut w = 0.0;
        if !self.flags.weigh_classes {
            return w;
        }
        for a in ["class", "id"] {
            if let Some(v) = self.t.attr(id, a) {
                if NEGATIVE_AC.is_match(v)
                    || v.split_whitespace().any(|p| p.eq_ignore_ascii_case("hid"))
                {
                    w -= 25.0;
                }
                if POSITIVE_AC.is_match(v) {
                    w += 25.0;
                }
            }
        }
        w
    }

    fn prior(&self, id: u32) -> f32 {
        let base = match self.name(id) {
            "div" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        base + self.class_weight(id)
    }

    fn has_ancestor(&self, id: u32, max: usize, f: impl Fn(&str) -> bool) -> bool {
        let mut p = self.parent(id);
        let mut depth = 0;
        while p != NONE && (max == 0 || depth < max) {
            if f(self.name(p)) {
                return true;
            }
            p = self.parent(p);
            depth += 1;
        }
        false
    }

    fn hidden(&self, id: u32) -> bool {
        if self.t.attr(id, "hidden").is_some() {
            return true;
        }
        if let Some(style) = self.t.attr(id, "style") {
            let style = style.to_ascii_lowercase();
            if style_has(&style, "display", "none") || style_has(&style, "visibility", "hidden") {
                return true;
            }
        }
        self.t.attr(id, "aria-hidden") == Some("true")
            && !self
                .t
                .attr(id, "class")
                .is_some_and(|c| c.contains("fallback-image"))
    }

    /// Whether the subtree holds non-whitespace text.
    fn has_text(&self, id: u32) -> bool {
        let mut n = self.next(id, id, false);
        while let Some(x) = n {
            if self.t.nodes[x as usize].kind == Kind::Text && !self.t.text_of(x).trim().is_empty() {
                return true;
            }
            n = self.next(id, x, false);
        }
        false
    }

    fn without_content(&self, id: u32) -> bool {
        if self.has_text(id) {
            return false;
        }
        let kids = self.element_children(id);
        if kids.is_empty() {
            return true;
        }
        let mut breaks = 0;
        let mut n = Some(id);
        while let Some(x) = n {
            if x != id && matches!(self.name(x), "br" | "hr") {
                breaks += 1;
            }
            n = self.next(id, x, false);
        }
        kids.len() == breaks
    }

    fn is_phrasing(&self, id: u32) -> bool {
        match self.t.nodes[id as usize].kind {
            Kind::Text => true,
            Kind::Document => false,
            Kind::Element => {
                let name = self.name(id);
                if is_phrasing_tag(name) {
                    return true;
                }
                if matches!(name, "a" | "del" | "ins") {
                    let mut kids = self.t.children(id).peekable();
                    return kids.peek().is_some() && kids.all(|c| self.is_phrasing(c));
                }
                false
            }
        }
    }

    fn is_whitespace(&self, id: u32) -> bool {
        let n = &self.t.nodes[id as usize];
        match n.kind {
            Kind::Text => self.t.text_of(id).trim().is_empty(),
            Kind::Element => self.name(id) == "br",
            Kind::Document => false,
        }
    }

    /// Wrap each run of inline content of a `div` in a `p`.
    /// Drop a new paragraph's trailing whitespace children (Readability
    /// drops them; they hold no text).
    fn drop_trailing_whitespace(&mut self, p: u32) {
        loop {
            let last = self.t.nodes[p as usize].last;
            if last == NONE || !self.is_whitespace(last) {
                return;
            }
            self.t.detach(last);
        }
    }

    fn div_into_p(&mut self, div: u32) {
        let mut child = self.t.nodes[div as usize].first;
        while child != NONE {
            if self.is_phrasing(child) && !self.is_whitespace(child) {
                let p = self.t.new_element("p");
                self.t.insert_before(child, p);
                let mut c = child;
                while c != NONE && self.is_phrasing(c) {
                    let nx = self.t.nodes[c as usize].next;
                    self.t.append(p, c);
                    c = nx;
                }
                self.drop_trailing_whitespace(p);
                child = c;
            } else {
                child = self.t.nodes[child as usize].next;
            }
        }
    }

    /// Characters (whitespace collapsed, trimmed) and weighted link
    /// characters of a subtree, computed on the spot.
    fn chars_and_links(&self, id: u32) -> (u32, f32) {
        let mut span = Span::default();
        let mut link = 0.0f32;
        let mut n = self.next(id, id, false);
        while let Some(x) = n {
            match self.t.nodes[x as usize].kind {
                Kind::Text => span = span.then(Span::of(self.t.text_of(x))),
                Kind::Element if self.name(x) == "a" => {
                    let (c, _) = self.chars_and_links(x);
                    link += c as f32 * self.link_weight(x);
                }
                _ => {}
            }
            n = self.next(id, x, false);
        }
        (span.trimmed(), link)
    }

    fn link_weight(&self, a: u32) -> f32 {
        match self.t.attr(a, "href") {
            Some(h) if h.len() > 1 && h.starts_with('#') => 0.3,
            _ => 1.0,
        }
    }

    /// Step 0, as Readability prepares a page: when the metadata names no
    /// author, the first short element marked as a byline (`rel=author`,
    /// `itemprop=author`, a class or id with "byline", "author",
    /// "dateline") leaves the page.
    fn remove_byline(&mut self, body: u32) -> Option<String> {
        let mut n = self.next(body, body, false);
        while let Some(x) = n {
            if self.is_element(x) {
                let marked = self.t.attr(x, "rel") == Some("author")
                    || self
                        .t
                        .attr(x, "itemprop")
                        .is_some_and(|p| p.contains("author"))
                    || self.class_or_id_has(x, &BYLINE_AC);
                if marked {
                    let text = self.t.subtree_text(x);
                    let len = text.trim().chars().count();
                    if len > 0 && len < 100 {
                        // The name inside, when marked (`itemprop=name`).
                        let name = self
                            .select(x, |_| true)
                            .into_iter()
                            .find(|&d| self.t.attr(d, "itemprop") == Some("name"))
                            .map(|d| self.t.subtree_text(d));
                        self.t.detach(x);
                        return Some(crate::walk::fold(&name.unwrap_or(text)));
                    }
                }
            }
            n = self.next(body, x, false);
        }
        None
    }

    /// Step 0: scripts, styles and `noscript` go, `font` becomes `span`,
    /// and a run of two or more `<br>` starts a paragraph holding the
    /// inline content after it.
    fn prepare(&mut self) {
        let mut brs = Vec::new();
        let mut n = self.next(0, 0, false);
        while let Some(x) = n {
            if !self.is_element(x) {
                n = self.next(0, x, true);
                continue;
            }
            match self.name(x) {
                "script" | "noscript" | "style" => {
                    n = self.next(0, x, true);
                    self.t.detach(x);
                    continue;
                }
                "font" => self.t.rename(x, "span"),
                "br" => brs.push(x),
                _ => {}
            }
            n = self.next(0, x, false);
        }
        for br in brs {
            if self.parent(br) == NONE {
                continue;
            }
            let mut replaced = false;
            let mut next = self.significant(self.t.nodes[br as usize].next);
            while let Some(x) = next {
                if self.name(x) != "br" {
                    break;
                }
                replaced = true;
                let after = self.t.nodes[x as usize].next;
                self.t.detach(x);
                next = self.significant(after);
            }
            if !replaced {
                continue;
            }
            let p = self.t.new_element("p");
            self.t.replace(br, p);
            let mut next = self.t.nodes[p as usize].next;
            while next != NONE {
                if self.name(next) == "br" {
                    let after = self.significant(self.t.nodes[next as usize].next);
                    if after.is_some_and(|a| self.name(a) == "br") {
                        break;
                    }
                }
                if !self.is_phrasing(next) {
                    break;
                }
                let after = self.t.nodes[next as usize].next;
                self.t.append(p, next);
                next = after;
            }
            self.drop_trailing_whitespace(p);
            let parent = self.parent(p);
            if parent != NONE && self.name(parent) == "p" {
                self.t.rename(parent, "div");
            }
        }
    }

    /// `n` or the first sibling after it that is not whitespace text.
    fn significant(&self, mut n: u32) -> Option<u32> {
        while n != NONE {
            let node = &self.t.nodes[n as usize];
            if node.kind == Kind::Element || !self.t.text_of(n).trim().is_empty() {
                return Some(n);
            }
            n = node.next;
        }
        None
    }

    /// Steps 1 and 2: prune the body, return the text units to score.
    fn prune_and_collect(&mut self, body: u32, title: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut drop_title = !title.is_empty();
        let mut next = self.next(body, body, false);
        while let Some(mut n) = next {
            if !self.is_element(n) {
                next = self.next(body, n, true);
                continue;
            }
            let name = self.name(n).to_owned();
            let remove = self.hidden(n)
                || name == "dialog"
                || (self.t.attr(n, "aria-modal") == Some("true")
                    && self.t.attr(n, "role") == Some("dialog"))
                || (drop_title && matches!(name.as_str(), "h1" | "h2") && {
                    let similar = text_similarity(title, &self.t.subtree_text(n)) > 0.75;
                    if similar {
                        drop_title = false;
                    }
                    similar
                })
                || (self.flags.strip_unlikely
                    && name != "a"
                    && name != "body"
                    && self.class_or_id_has(n, &UNLIKELY_AC)
                    && !self.class_or_id_has(n, &MAYBE_AC)
                    && !self.has_ancestor(n, 3, |a| matches!(a, "table" | "code")))
                || (self.flags.strip_unlikely
                    && self
                        .t
                        .attr(n, "role")
                        .is_some_and(|r| UNLIKELY_ROLES.contains(&r)))
                || (matches!(
                    name.as_str(),
                    "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) && self.without_content(n));
            if name == "svg" {
                next = self.next(body, n, true);
                continue;
            }
            if remove {
                next = self.next(body, n, true);
                self.t.detach(n);
                continue;
            }
            if matches!(
                name.as_str(),
                "section" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "td" | "pre"
            ) {
                out.push(n);
            }
            if name == "div" {
                self.div_into_p(n);
                let kids = self.element_children(n);
                let single_p = kids.len() == 1
                    && self.name(kids[0]) == "p"
                    && !self
                        .t
                        .children(n)
                        .any(|c| !self.is_element(c) && !self.t.text_of(c).trim().is_empty())
                    && {
                        let (c, l) = self.chars_and_links(n);
                        c == 0 || l / (c as f32) < 0.25
                    };
                if single_p {
                    let p = kids[0];
                    self.t.replace(n, p);
                    out.push(p);
                    n = p;
                } else if !self.has_block_below(n) {
                    self.t.rename(n, "p");
                    out.push(n);
                }
            }
            next = self.next(body, n, false);
        }
        out
    }

    fn has_block_below(&self, id: u32) -> bool {
        let mut n = self.next(id, id, false);
        while let Some(x) = n {
            if self.is_element(x) && is_block(self.name(x)) {
                return true;
            }
            n = self.next(id, x, false);
        }
        false
    }

    /// Compute [`Agg`] for every node below `root` (post-order).
    fn aggregate(&mut self, root: u32) {
        let len = self.t.nodes.len();
        self.agg.resize(len, Agg::default());
        self.data_table.resize(len, false);
        let mut spans: Vec<Span> = vec![Span::default(); len];
        // (node, children done)
        let mut stack = vec![(root, false)];
        while let Some((n, done)) = stack.pop() {
            if !done {
                stack.push((n, true));
                let mut c = self.t.nodes[n as usize].last;
                while c != NONE {
                    stack.push((c, false));
                    c = self.t.nodes[c as usize].prev;
                }
                continue;
            }
            let node = self.t.nodes[n as usize];
            if node.kind == Kind::Text {
                let (span, commas) = Span::with_commas(self.t.text_of(n));
                spans[n as usize] = span;
                self.agg[n as usize] = Agg {
                    chars: span.trimmed(),
                    commas,
                    ..Agg::default()
                };
                continue;
            }
            let mut a = Agg::default();
            let mut span = Span::default();
            let mut c = node.first;
            while c != NONE {
                let ca = self.agg[c as usize];
                span = span.then(spans[c as usize]);
                a.link += ca.link;
                a.commas += ca.commas;
                a.p += ca.p;
                a.img += ca.img;
                a.li += ca.li;
                a.input += ca.input;
                a.embed += ca.embed;
                a.video += ca.video;
                a.pre += ca.pre;
                a.dtable += ca.dtable;
                a.h_chars += ca.h_chars;
                a.textish_chars += ca.textish_chars;
                a.list_chars += ca.list_chars;
                if self.t.nodes[c as usize].kind == Kind::Element {
                    let name = self.name(c);
                    match name {
                        "a" => a.link += ca.chars as f32 * self.link_weight(c),
                        "p" => a.p += 1,
                        "img" => a.img += 1,
                        "li" => a.li += 1,
                        "input" => a.input += 1,
                        "pre" => a.pre += 1,
                        "object" | "embed" | "iframe" => {
                            if self.is_video(c) {
                                a.video += 1;
                            } else {
                                a.embed += 1;
                            }
                        }
                        _ => {}
                    }
                    if is_heading(name) {
                        a.h_chars += ca.chars;
                    }
                    if is_textish(name) {
                        a.textish_chars += ca.chars;
                    }
                    if matches!(name, "ul" | "ol") {
                        a.list_chars += ca.chars;
                    }
                    if self.data_table[c as usize] {
                        a.dtable += 1;
                    }
                }
                c = self.t.nodes[c as usize].next;
            }
            spans[n as usize] = span;
            a.chars = span.trimmed();
            self.agg[n as usize] = a;
        }
    }

    fn is_video(&self, id: u32) -> bool {
        self.t.attrs(id).any(|(_, v)| is_video_url(v))
    }

    fn link_density(&self, id: u32) -> f32 {
        let a = self.agg[id as usize];
        if a.link == 0.0 || a.chars == 0 {
            0.0
        } else {
            a.link / a.chars as f32
        }
    }

    fn has_score(&self, id: u32) -> bool {
        self.score.get(id as usize).is_some_and(|s| !s.is_nan())
    }

    fn get_score(&self, id: u32) -> f32 {
        match self.score.get(id as usize) {
            Some(s) if !s.is_nan() => *s,
            _ => 0.0,
        }
    }

    fn set_score(&mut self, id: u32, s: f32) {
        if self.score.len() < self.t.nodes.len() {
            self.score.resize(self.t.nodes.len(), f32::NAN);
        }
        self.score[id as usize] = s;
    }

    fn init_score(&mut self, id: u32) {
        let p = self.prior(id);
        self.set_score(id, p);
    }

    /// Steps 3 to 5: the top candidate, and whether it was made up (the
    /// whole body).
    fn choose(&mut self, body: u32, units: &[u32]) -> (u32, bool) {
        self.score = vec![f32::NAN; self.t.nodes.len()];
        let mut raw: Vec<f32> = vec![f32::NAN; self.t.nodes.len()];
        let mut order: Vec<u32> = Vec::new();
        for &u in units {
            if self.parent(u) == NONE {
                continue; // removed with an ancestor
            }
            let a = self.agg[u as usize];
            if a.chars < 25 {
                continue;
            }
            let worth = (2 + a.commas + (a.chars / 100).min(3)) as f32;
            let mut anc = self.parent(u);
            let mut level = 0usize;
            while anc != NONE && level < 5 {
                let is_el = self.is_element(anc);
                if is_el && self.parent(anc) != NONE {
                    let div = match level {
                        0 => 1.0,
                        1 => 2.0,
                        _ => (level * 3) as f32,
                    };
                    let slot = &mut raw[anc as usize];
                    if slot.is_nan() {
                        order.push(anc);
                        *slot = worth / div + self.prior(anc);
                    } else {
                        *slot += worth / div;
                    }
                    if self.name(anc) == "body" {
                        break;
                    }
                }
                anc = self.parent(anc);
                level += 1;
            }
        }
        let mut scored: Vec<(u32, f32)> = Vec::new();
        for &c in &order {
            let base = raw[c as usize];
            if base <= 0.0 {
                continue;
            }
            let s = if base > 5.0 {
                base * (1.0 - self.link_density(c))
            } else {
                base
            };
            self.score[c as usize] = s;
            scored.push((c, s));
        }
        scored.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
        scored.truncate(5);
        let top = scored.first().map(|&(c, _)| c);
        let mut tc = match top {
            Some(c) if self.name(c) != "body" => c,
            _ => {
                let div = self.t.new_element("div");
                let kids: Vec<u32> = self.t.children(body).collect();
                for k in kids {
                    self.t.append(div, k);
                }
                self.t.append(body, div);
                self.init_score(div);
                return (div, true);
            }
        };
        // A common ancestor of near-best candidates.
        let tc_score = self.get_score(tc);
        let alt: Vec<Vec<u32>> = scored[1..]
            .iter()
            .filter(|&&(_, s)| s / tc_score >= 0.75)
            .map(|&(c, _)| {
                let mut v = Vec::new();
                let mut p = self.parent(c);
                while p != NONE {
                    v.push(p);
                    p = self.parent(p);
                }
                v
            })
            .collect();
        // dom_smoothie asks for more than three such candidates (Readability.js
        // for three); we follow the path we fall back to.
        if alt.len() > 3 {
            let mut p = self.parent(tc);
            while p != NONE && self.name(p) != "body" {
                if alt.iter().filter(|l| l.contains(&p)).count() >= 3 {
                    tc = p;
                    break;
                }
                p = self.parent(p);
            }
        }
        // Up while the parent scores higher.
        if !self.has_score(tc) {
            self.init_score(tc);
        }
        let mut last = self.get_score(tc);
        let threshold = last / 3.0;
        let mut p = self.parent(tc);
        while p != NONE && self.name(p) != "body" {
            if !self.has_score(p) {
                p = self.parent(p);
                continue;
            }
            let ps = self.get_score(p);
            if ps < threshold {
                break;
            }
            if ps > last {
                tc = p;
                break;
            }
            last = ps;
            p = self.parent(p);
        }
        // Up past wrappers holding only the candidate.
        let mut p = self.parent(tc);
        while p != NONE && self.name(p) != "body" && self.element_children(p).len() == 1 {
            tc = p;
            p = self.parent(tc);
        }
        if !self.has_score(tc) {
            self.init_score(tc);
        }
        (tc, false)
    }

    /// Step 5, siblings: a new `div` holding the candidate and the siblings
    /// that belong with it, in place of the candidate.
    fn assemble(&mut self, tc: u32, created: bool) -> u32 {
        if created {
            return tc;
        }
        let article = self.t.new_element("div");
        let tc_score = self.get_score(tc);
        let threshold = (tc_score * 0.2).max(10.0);
        let parent = self.parent(tc);
        if parent == NONE {
            self.t.append(article, tc);
            return article;
        }
        let tc_class = self.t.attr(tc, "class").unwrap_or("").to_owned();
        for s in self.element_children(parent) {
            let append = if s == tc {
                true
            } else {
                let mut bonus = 0.0;
                if !tc_class.is_empty() && self.t.attr(s, "class").unwrap_or("") == tc_class {
                    bonus += tc_score * 0.2;
                }
                let ss = self.get_score(s);
                if ss > 0.0 {
                    ss + bonus >= threshold
                } else if self.name(s) == "p" {
                    let text = crate::walk::fold(&self.t.subtree_text(s));
                    let len = text.chars().count();
                    let (_, link) = self.chars_and_links(s);
                    let ld = if link == 0.0 || len == 0 {
                        0.0
                    } else {
                        link / len as f32
                    };
                    (len > 80 && ld < 0.25)
                        || (len < 80
                            && len > 0
                            && ld == 0.0
                            && (text.ends_with('.') || text.contains(". ")))
                } else {
                    false
                }
            };
            if append {
                if !matches!(self.name(s), "article" | "section" | "p" | "ol" | "ul") {
                    self.t.rename(s, "div");
                }
                self.t.append(article, s);
            }
        }
        self.t.append(parent, article);
        article
    }

    /// Remove `id` and keep the sums of its ancestors (up to `root`)
    /// current.
    fn remove(&mut self, root: u32, id: u32) {
        let mut d = self.agg[id as usize];
        let name = self.name(id).to_owned();
        match name.as_str() {
            "a" => d.link += d.chars as f32 * self.link_weight(id),
            "p" => d.p += 1,
            "img" => d.img += 1,
            "li" => d.li += 1,
            "input" => d.input += 1,
            "pre" => d.pre += 1,
            _ => {}
        }
        if self.data_table[id as usize] {
            d.dtable += 1;
        }
        if is_heading(&name) {
            d.h_chars += d.chars;
        }
        if is_textish(&name) {
            d.textish_chars += d.chars;
        }
        if matches!(name.as_str(), "ul" | "ol") {
            d.list_chars += d.chars;
        }
        let mut p = self.parent(id);
        self.t.detach(id);
        while p != NONE {
            let a = &mut self.agg[p as usize];
            a.chars = a.chars.saturating_sub(d.chars);
            a.link = (a.link - d.link).max(0.0);
            a.commas = a.commas.saturating_sub(d.commas);
            a.p = a.p.saturating_sub(d.p);
            a.img = a.img.saturating_sub(d.img);
            a.li = a.li.saturating_sub(d.li);
            a.input = a.input.saturating_sub(d.input);
            a.embed = a.embed.saturating_sub(d.embed);
            a.video = a.video.saturating_sub(d.video);
            a.pre = a.pre.saturating_sub(d.pre);
            a.dtable = a.dtable.saturating_sub(d.dtable);
            a.h_chars = a.h_chars.saturating_sub(d.h_chars);
            a.textish_chars = a.textish_chars.saturating_sub(d.textish_chars);
            a.list_chars = a.list_chars.saturating_sub(d.list_chars);
            if p == root {
                break;
            }
            let pn = self.name(p);
            if is_heading(pn) {
                d.h_chars += d.chars;
            }
            if is_textish(pn) {
                d.textish_chars += d.chars;
            }
            if matches!(pn, "ul" | "ol") {
                d.list_chars += d.chars;
            }
            if pn == "a" {
                d.link += d.chars as f32 * self.link_weight(p);
            }
            p = self.parent(p);
        }
    }

    /// Elements below `root` whose name passes `f`, in document order.
    fn select(&self, root: u32, f: impl Fn(&str) -> bool) -> Vec<u32> {
        let mut out = Vec::new();
        let mut n = self.next(root, root, false);
        while let Some(x) = n {
            if self.is_element(x) && f(self.name(x)) {
                out.push(x);
            }
            n = self.next(root, x, false);
        }
        out
    }

    /// Step 6: clean the assembled block.
    fn prep(&mut self, article: u32) {
        self.aggregate(article);
        // Small share boxes.
        for id in self.select(article, |_| true) {
            if self.parent(id) == NONE || !self.attached_below(article, id) {
                continue;
            }
            let share = ["class", "id"].iter().any(|a| {
                self.t.attr(id, a).is_some_and(|v| {
                    v.split([' ', '_']).any(|p| {
                        p.eq_ignore_ascii_case("share") || p.eq_ignore_ascii_case("sharedaddy")
                    })
                })
            });
            if share && self.agg[id as usize].chars < CHAR_THRESHOLD {
                self.remove(article, id);
            }
        }
        self.mark_data_tables(article);
        self.aggregate(article);
        self.clean_conditionally(article, |n| matches!(n, "form" | "fieldset"));
        for id in self.select(article, |n| {
            matches!(
                n,
                "object"
                    | "embed"
                    | "footer"
                    | "link"
                    | "aside"
                    | "iframe"
                    | "input"
                    | "textarea"
                    | "select"
                    | "button"
            )
        }) {
            if !self.attached_below(article, id) {
                continue;
            }
            let embed = matches!(self.name(id), "object" | "embed" | "iframe");
            if !embed || !self.is_video(id) {
                self.remove(article, id);
            }
        }
        for id in self.select(article, |n| matches!(n, "h1" | "h2")) {
            if self.attached_below(article, id) && self.class_weight(id) < 0.0 {
                self.remove(article, id);
            }
        }
        self.clean_conditionally(article, |n| matches!(n, "table" | "ul" | "div"));
    }

    /// Readability's last step: a `div` or `section` whose only element
    /// child is another `div`/`section` is replaced by that child, which
    /// takes over the outer element's attributes (so an inner "caption"
    /// class gives way to the wrapper's); text beside the child goes.
    fn simplify_nested(&mut self, article: u32) {
        let nodes = self.select(article, |n| matches!(n, "div" | "section"));
        for &outer in nodes.iter().rev() {
            let mut kids = self.t.children(outer).filter(|&c| self.is_element(c));
            let (Some(only), None) = (kids.next(), kids.next()) else {
                continue;
            };
            if !matches!(self.name(only), "div" | "section") {
                continue;
            }
            self.t.copy_attrs(outer, only);
            self.t.replace(outer, only);
        }
    }

    /// Whether `id` is still in the tree below `root`.
    fn attached_below(&self, root: u32, id: u32) -> bool {
        let mut p = self.parent(id);
        while p != NONE {
            if p == root {
                return true;
            }
            p = self.parent(p);
        }
        false
    }

    fn mark_data_tables(&mut self, article: u32) {
        for table in self.select(article, |n| n == "table") {
            let data = self.is_data_table(table);
            self.data_table[table as usize] = data;
        }
    }

    fn is_data_table(&self, table: u32) -> bool {
        if self.t.attr(table, "role") == Some("presentation")
            || self.t.attr(table, "datatable") == Some("0")
        {
            return false;
        }
        if self.t.attr(table, "summary").is_some() {
            return true;
        }
        let inner = self.select(table, |n| {
            matches!(
                n,
                "caption" | "col" | "colgroup" | "tfoot" | "thead" | "th" | "table"
            )
        });
        if inner.iter().any(|&x| self.name(x) != "table") {
            return true;
        }
        if !inner.is_empty() {
            return false;
        }
        let mut rows = 0usize;
        let mut cols = 0usize;
        for tr in self.select(table, |n| n == "tr") {
            rows += 1;
            let mut c = 0usize;
            for td in self.select(tr, |n| n == "td") {
                let span = self
                    .t
                    .attr(td, "colspan")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                c += span;
            }
            cols = cols.max(c);
        }
        if rows == 1 || cols == 1 {
            return false;
        }
        if rows >= 10 || cols > 4 {
            return true;
        }
        rows * cols > 10
    }

    fn clean_conditionally(&mut self, article: u32, f: impl Fn(&str) -> bool) {
        if !self.flags.clean_conditionally {
            return;
        }
        let nodes = self.select(article, f);
        for &id in nodes.iter().rev() {
            if !self.attached_below(article, id) {
                continue;
            }
            if self.should_clean(id) {
                self.remove(article, id);
            }
        }
    }

    fn should_clean(&self, id: u32) -> bool {
        let a = self.agg[id as usize];
        if a.dtable > 0 || self.data_table[id as usize] {
            return false;
        }
        let mut p = self.parent(id);
        while p != NONE {
            if self.data_table.get(p as usize).copied().unwrap_or(false) {
                return false;
            }
            p = self.parent(p);
        }
        let weight = self.class_weight(id);
        if weight < 0.0 {
            return a.pre == 0;
        }
        if a.commas >= 10 {
            return false;
        }
        if a.video > 0 {
            return false;
        }
        if a.chars <= 20 {
            let text = self.t.subtree_text(id).trim().to_lowercase();
            let loading = text.trim_end_matches(['…', '.']);
            if matches!(
                text.as_str(),
                "ad" | "advertising"
                    | "advertisement"
                    | "pub"
                    | "publicité"
                    | "werb"
                    | "werbung"
                    | "广告"
                    | "реклама"
                    | "anuncio"
            ) || matches!(
                loading,
                "loading" | "正在加载" | "загрузка" | "chargement" | "cargando"
            ) {
                return true;
            }
        }
        let chars = a.chars;
        let name = self.name(id);
        let is_list =
            matches!(name, "ul" | "ol") || (chars > 0 && a.list_chars as f32 / chars as f32 > 0.9);
        let img = a.img as f32;
        let remove = {
            let figure_child = self.has_ancestor(id, 0, |n| n == "figure");
            let p = a.p as f32;
            let li = a.li as f32 - 100.0;
            let ld = self.link_density(id);
            (!figure_child && img > 1.0 && p / img < 0.5)
                || (!is_list && li > p)
                || (a.input as f32 > (p / 3.0).floor())
                || (!is_list
                    && !figure_child
                    && chars < 25
                    && (a.img == 0 || a.img > 2)
                    && ld > 0.0
                    && (chars == 0 || (a.h_chars as f32 / chars as f32) < 0.9))
                || (!is_list && weight < 25.0 && ld > 0.2)
                || (weight >= 25.0 && ld > 0.5)
                || ((a.embed == 1 && chars < 75) || a.embed > 1)
                || (a.img == 0 && a.textish_chars == 0)
        };
        if is_list && remove {
            for c in self.t.children(id) {
                if self.is_element(c) && self.element_children(c).len() > 1 {
                    return true;
                }
            }
            return a.img != a.li;
        }
        remove
    }
}

/// Readability's `style` test: `key: value` with the value's first word.
fn style_has(style: &str, key: &str, val: &str) -> bool {
    let Some(pos) = style.find(key) else {
        return false;
    };
    let rest = &style[pos..];
    let Some(colon) = rest.find(':') else {
        return false;
    };
    let mut rest = &rest[colon + 1..];
    if let Some(semi) = rest.find(';') {
        rest = &rest[..semi];
    }
    let rest = rest.trim_start();
    let word = rest.split(char::is_whitespace).next().unwrap_or("");
    word.trim_end() == val
}

fn is_video_url(s: &str) -> bool {
    VIDEO_DOMAINS.iter().any(|d| {
        s.find(d).is_some_and(|pos| {
            (pos > 1 && &s[pos - 2..pos] == "//") || (pos > 5 && s[..pos].ends_with("//www."))
        })
    })
}

/// Share of `b`'s words (by characters) that also occur in `a`, 1.0 when
/// `a` contains `b` (Readability's test for a heading that repeats the
/// title).
fn text_similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let a = a.to_lowercase();
    let b = b.to_lowercase();
    if a.contains(&b) {
        return 1.0;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(str::to_owned)
            .collect()
    };
    let ta: std::collections::HashSet<String> = words(&a).into_iter().collect();
    let tb = words(&b);
    let total: usize = tb.iter().map(|w| w.chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let unique: usize = tb
        .iter()
        .filter(|w| !ta.contains(*w))
        .map(|w| w.chars().count())
        .sum();
    1.0 - unique as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_counts_collapsed_trimmed_text() {
        let s = Span::of("  a  b ")
            .then(Span::of(" c"))
            .then(Span::of("\n"));
        assert_eq!(s.trimmed(), 5); // "a b c"
        assert_eq!(Span::of("   ").trimmed(), 0);
        assert_eq!(Span::of("ab").then(Span::of("cd")).trimmed(), 4);
    }

    #[test]
    fn similarity_and_styles() {
        assert_eq!(
            text_similarity("Big fire in town - Daily", "Big fire in town"),
            1.0
        );
        assert!(text_similarity("Big fire in town", "Small flood elsewhere") < 0.2);
        assert!(style_has("display: none !important", "display", "none"));
        assert!(!style_has("display:block", "display", "none"));
        assert!(is_video_url("https://www.youtube.com/embed/x"));
        assert!(!is_video_url("http://example.org/youtube.com"));
    }

    #[test]
    fn picks_the_prose_block_over_navigation() {
        let para = "<p>The council voted on Tuesday, after a long debate, to rebuild the old \
                    bridge, which has been closed since the spring floods, at a cost of four \
                    million.</p>";
        let html = format!(
            "<html><head><title>Bridge</title></head><body>\
             <div class=\"menu\"><ul><li><a href=\"/a\">Home</a></li><li><a href=\"/b\">News</a></li></ul></div>\
             <div id=\"story\">{}</div>\
             <div class=\"sidebar\"><p>Other stories, many of them, listed here with some words.</p></div>\
             </body></html>",
            para.repeat(5)
        );
        let (t, g) = grab_with_retries(Tree::parse(&html), &html, "Bridge", true).expect("a body");
        let root = g.root;
        let text = t.subtree_text(root);
        assert!(text.contains("rebuild the old bridge"));
        assert!(!text.contains("Home"));
        assert!(!text.contains("Other stories"));
        // Short: the rules are relaxed until something is found.
        let html = "<div class=\"sidebar\"><p>One short line, with a comma.</p></div>";
        let (t, g) = grab_with_retries(Tree::parse(html), html, "", true).expect("a body");
        let root = g.root;
        assert!(t.subtree_text(root).contains("One short line"));
        // One relaxed attempt on its own.
        let mut t =
            Tree::parse("<div class=\"sidebar\"><p>One short line, with a comma.</p></div>");
        let relaxed = Flags {
            strip_unlikely: false,
            ..Flags::ALL
        };
        let root = grab(&mut t, "", true, relaxed).expect("a body").root;
        assert!(t.subtree_text(root).contains("One short line"));
    }
}
