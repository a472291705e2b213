//! A compact HTML tree for the fast path: one tokenizer pass over the
//! (already lean, see `lean`) page into an arena of nodes.
//!
//! The model: every node is a fixed-size record in one `Vec` (parent, first
//! and last child, previous and next sibling as `u32` indices), and every
//! string (tag names, attribute names and values, text) lives in one shared
//! `String`. Building it costs one allocation per growth of those two
//! vectors instead of one per node, attribute and text, which is where an
//! html5ever/dom_query tree spends most of its time.
//!
//! Tree construction follows the parts of the HTML5 algorithm that decide
//! which element a piece of text ends up in, and so which paragraph and
//! which content block it belongs to:
//!
//! - void elements (`br`, `img`, `meta`, …) take no children; `/>` closes an
//!   element only inside `svg`/`math`;
//! - `script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`,
//!   `noframes` hold raw text up to their end tag (`textarea` and `title`
//!   with entities decoded), `plaintext` everything after it;
//! - implied end tags: a block start closes an open `p`; `li`, `dd`/`dt`,
//!   `option`, `tr`, `td`/`th` and table sections close their open
//!   predecessor; a heading closes a heading; a new `a` closes an open `a`;
//! - an end tag closes the nearest open element of that name unless a
//!   scope boundary (a table, cell, `html`, `template`, …) lies between
//!   (then it is ignored, as a stray end tag is); `</body>` and `</html>`
//!   are ignored, so trailing content stays in the body; `</p>` and `</br>`
//!   without an open element are ignored;
//! - content after the head's elements closes the head.
//!
//! Not modelled (they move text between neighbouring blocks at most):
//! the adoption agency's re-opening of formatting elements across blocks,
//! foster parenting of text misplaced in tables, quirks-mode table rules.
//! The fast path compares its choice with page-level checks and leaves
//! pages it is unsure of to the html5ever path (`fast::extract`).
//!
//! Depth is bounded: `lean` refuses pages nested deeper than `MAX_NESTING`
//! explicitly closed elements, and past [`MAX_DEPTH`] open elements new ones
//! are added as leaves, so every walk over the tree stays shallow.

use crate::lean::{raw_end, script_end};
use markup5ever::data::NAMED_ENTITIES;

/// No node (end of a list, parent of the document).
pub(crate) const NONE: u32 = u32::MAX;

/// Open elements beyond this are added without being opened.
const MAX_DEPTH: usize = 1024;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The document (node 0).
    Document,
    /// An element; `name` is its lower-cased tag name.
    Element,
    /// Text; `text` is its content with entities decoded.
    Text,
}

/// One node of the arena.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub kind: Kind,
    pub parent: u32,
    pub first: u32,
    pub last: u32,
    pub prev: u32,
    pub next: u32,
    /// Element: tag name; text: the text (a range of [`Tree::strs`]).
    pub name: (u32, u32),
    /// Attributes: a range of [`Tree::attrs`].
    pub attrs: (u32, u32),
    /// Text nodes: where the text sits for the page-level audit (see
    /// [`TEXT_BREAK`], [`TEXT_SILENT`], [`furniture_kind`]).
    pub flags: u8,
}

/// A paragraph break (a block element opened or closed) comes before this
/// text.
pub(crate) const TEXT_BREAK: u8 = 1;
/// The text is no reader's: inside `script`, `style`, `title`, `textarea`,
/// `noscript`, `template`, `svg`, `select` or `button`.
pub(crate) const TEXT_SILENT: u8 = 2;
const FURNITURE_SHIFT: u8 = 2;
const FURNITURE_MASK: u8 = 0b111 << FURNITURE_SHIFT;
/// Page furniture whose text the audit trail records, by kind (1-based).
pub(crate) const FURNITURE: [&str; 5] = ["nav", "footer", "header", "aside", "form"];

/// The outermost page furniture (`FURNITURE[kind - 1]`) around a text, 0
/// for none.
pub(crate) fn furniture_kind(flags: u8) -> usize {
    usize::from((flags & FURNITURE_MASK) >> FURNITURE_SHIFT)
}

/// Elements that separate paragraphs in the audit (as in `strip`).
fn breaks_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "blockquote"
            | "pre"
            | "div"
            | "section"
            | "article"
            | "main"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "caption"
            | "figure"
            | "figcaption"
            | "address"
            | "br"
            | "hr"
            | "body"
            | "details"
            | "summary"
            | "center"
            | "nav"
            | "footer"
            | "header"
            | "aside"
            | "form"
    )
}

/// An attribute: name and value ranges of [`Tree::strs`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    name: (u32, u32),
    value: (u32, u32),
}

/// The arena.
#[derive(Debug, Default)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    attrs: Vec<Attr>,
    strs: String,
    /// The `<body>` element, when the page has one.
    pub body: Option<u32>,
    /// The `<title>` element, when the page has one.
    pub title: Option<u32>,
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "image"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

/// Elements whose start tag closes an open `p`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "listing"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
            | "plaintext"
            | "xmp"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Scope boundaries: an end tag does not close an element across these.
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "table"
            | "td"
            | "th"
            | "caption"
            | "template"
            | "applet"
            | "object"
            | "marquee"
            | "svg"
            | "math"
    )
}

/// Elements that end the search for an open `li`/`dd`/`dt` to close.
fn is_special(name: &str) -> bool {
    matches!(
        name,
        "ul" | "ol"
            | "dl"
            | "table"
            | "td"
            | "th"
            | "tr"
            | "body"
            | "html"
            | "section"
            | "article"
            | "aside"
            | "nav"
            | "blockquote"
            | "figure"
            | "form"
            | "main"
            | "header"
            | "footer"
            | "details"
            | "template"
            | "button"
            | "object"
            | "svg"
            | "math"
    )
}

fn in_head(name: &str) -> bool {
    matches!(
        name,
        "meta"
            | "link"
            | "title"
            | "script"
            | "style"
            | "base"
            | "noscript"
            | "template"
            | "basefont"
            | "bgsound"
    )
}

/// Attributes some reader of the tree looks at (the content pass, the
/// junk rules, the metadata); the parser stores no others (embeds keep all:
/// any of them may name a video site).
fn is_read_attr(name: &str) -> bool {
    let n = name.len();
    if !(2..=13).contains(&n) {
        return false;
    }
    [
        "class",
        "id",
        "style",
        "hidden",
        "aria-hidden",
        "aria-modal",
        "role",
        "rel",
        "itemprop",
        "href",
        "colspan",
        "summary",
        "datatable",
        "content",
        "name",
        "property",
        "datetime",
        "pubdate",
        "type",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(name))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where the tag starting at `b[from]` (just after `<` and the name) ends:
/// the index after `>`, honouring quoted attribute values. `None` when the
/// input ends first.
fn tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'>' {
            return Some(i + 1);
        } else if (c == b'"' || c == b'\'') && i > 0 && (b[i - 1] == b'=' || is_space(b[i - 1])) {
            // A quote opens a value only after `=` (with optional spaces).
            let mut j = i;
            while j > 0 && is_space(b[j - 1]) {
                j -= 1;
            }
            if j > 0 && b[j - 1] == b'=' {
                quote = c;
            }
        }
        i += 1;
    }
    None
}

impl Tree {
    /// Parse `html` into a tree. Never fails; malformed markup becomes
    /// text or is skipped the way a browser would, approximately.
    pub(crate) fn parse(html: &str) -> Tree {
        let mut t = Tree {
            nodes: Vec::with_capacity(html.len() / 40 + 16),
            attrs: Vec::with_capacity(html.len() / 80 + 16),
            strs: String::with_capacity(html.len() / 2 + 64),
            body: None,
            title: None,
        };
        t.nodes.push(Node {
            kind: Kind::Document,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            name: (0, 0),
            attrs: (0, 0),
            flags: 0,
        });
        Builder {
            t: &mut t,
            stack: vec![0],
            ctx: vec![0],
            pending_break: false,
            foreign: 0,
            head: None,
        }
        .run(html);
        t
    }

    /// A node's tag name ("" for text and the document).
    pub(crate) fn name(&self, id: u32) -> &str {
        let n = &self.nodes[id as usize];
        if n.kind != Kind::Element {
            return "";
        }
        &self.strs[n.name.0 as usize..n.name.1 as usize]
    }

    /// A text node's text ("" for others).
    pub(crate) fn text_of(&self, id: u32) -> &str {
        let n = &self.nodes[id as usize];
        if n.kind != Kind::Text {
            return "";
        }
        &self.strs[n.name.0 as usize..n.name.1 as usize]
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, id: u32, name: &str) -> Option<&str> {
        let n = &self.nodes[id as usize];
        self.attrs[n.attrs.0 as usize..n.attrs.1 as usize]
            .iter()
            .find(|a| &self.strs[a.name.0 as usize..a.name.1 as usize] == name)
            .map(|a| &self.strs[a.value.0 as usize..a.value.1 as usize])
    }

    /// All attributes of a node, as (name, value).
    pub(crate) fn attrs(&self, id: u32) -> impl Iterator<Item = (&str, &str)> {
        let n = &self.nodes[id as usize];
        self.attrs[n.attrs.0 as usize..n.attrs.1 as usize]
            .iter()
            .map(|a| {
                (
                    &self.strs[a.name.0 as usize..a.name.1 as usize],
                    &self.strs[a.value.0 as usize..a.value.1 as usize],
                )
            })
    }

    /// Give `to` the attributes of `from`, replacing its own of the same
    /// name (Readability's unwrapping of nested `div`s does this).
    pub(crate) fn copy_attrs(&mut self, from: u32, to: u32) {
        let (f0, f1) = self.nodes[from as usize].attrs;
        let (t0, t1) = self.nodes[to as usize].attrs;
        let start = self.attrs.len() as u32;
        for i in f0..f1 {
            let a = self.attrs[i as usize];
            self.attrs.push(a);
        }
        for i in t0..t1 {
            let a = self.attrs[i as usize];
            let name = &self.strs[a.name.0 as usize..a.name.1 as usize];
            let taken = (f0..f1).any(|j| {
                let b = self.attrs[j as usize];
                &self.strs[b.name.0 as usize..b.name.1 as usize] == name
            });
            if !taken {
                self.attrs.push(a);
            }
        }
        self.nodes[to as usize].attrs = (start, self.attrs.len() as u32);
    }

    /// Rename an element (the new name is stored once more).
    pub(crate) fn rename(&mut self, id: u32, name: &str) {
        let start = self.strs.len() as u32;
        self.strs.push_str(name);
        self.nodes[id as usize].name = (start, self.strs.len() as u32);
    }

    /// The element children and text of `id`, in order.
    pub(crate) fn children(&self, id: u32) -> Children<'_> {
        Children {
            t: self,
            next: self.nodes[id as usize].first,
        }
    }

    /// A new, detached element.
    pub(crate) fn new_element(&mut self, name: &str) -> u32 {
        let start = self.strs.len() as u32;
        self.strs.push_str(name);
        let a = self.attrs.len() as u32;
        self.nodes.push(Node {
            kind: Kind::Element,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            name: (start, self.strs.len() as u32),
            attrs: (a, a),
            flags: 0,
        });
        (self.nodes.len() - 1) as u32
    }

    /// Take `id` out of its parent's children.
    pub(crate) fn detach(&mut self, id: u32) {
        let Node {
            parent, prev, next, ..
        } = self.nodes[id as usize];
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.nodes[parent as usize].first = next;
        } else {
            self.nodes[prev as usize].next = next;
        }
        if next == NONE {
            self.nodes[parent as usize].last = prev;
        } else {
            self.nodes[next as usize].prev = prev;
        }
        let n = &mut self.nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// Append `child` (detached first) as the last child of `parent`.
    pub(crate) fn append(&mut self, parent: u32, child: u32) {
        self.detach(child);
        let last = self.nodes[parent as usize].last;
        {
            let c = &mut self.nodes[child as usize];
            c.parent = parent;
            c.prev = last;
            c.next = NONE;
        }
        if last == NONE {
            self.nodes[parent as usize].first = child;
        } else {
            self.nodes[last as usize].next = child;
        }
        self.nodes[parent as usize].last = child;
    }

    /// Put `new` (detached first) where `old` is, detaching `old`.
    pub(crate) fn replace(&mut self, old: u32, new: u32) {
        self.detach(new);
        let Node {
            parent, prev, next, ..
        } = self.nodes[old as usize];
        if parent == NONE {
            return;
        }
        {
            let n = &mut self.nodes[new as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = next;
        }
        if prev == NONE {
            self.nodes[parent as usize].first = new;
        } else {
            self.nodes[prev as usize].next = new;
        }
        if next == NONE {
            self.nodes[parent as usize].last = new;
        } else {
            self.nodes[next as usize].prev = new;
        }
        let o = &mut self.nodes[old as usize];
        o.parent = NONE;
        o.prev = NONE;
        o.next = NONE;
    }

    /// Insert `new` (detached) just before `before`.
    pub(crate) fn insert_before(&mut self, before: u32, new: u32) {
        let Node { parent, prev, .. } = self.nodes[before as usize];
        if parent == NONE {
            return;
        }
        {
            let n = &mut self.nodes[new as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = before;
        }
        if prev == NONE {
            self.nodes[parent as usize].first = new;
        } else {
            self.nodes[prev as usize].next = new;
        }
        self.nodes[before as usize].prev = new;
    }

    /// The concatenated text of the subtree at `id`.
    pub(crate) fn subtree_text(&self, id: u32) -> String {
        let mut out = String::new();
        if self.nodes[id as usize].kind == Kind::Text {
            out.push_str(self.text_of(id));
            return out;
        }
        self.for_each_text(id, |s| out.push_str(s));
        out
    }

    /// Call `f` on every text below `id`, in document order.
    pub(crate) fn for_each_text(&self, id: u32, mut f: impl FnMut(&str)) {
        // Depth first, in document order: a popped node pushes its next
        // sibling, then its first child (visited first).
        let mut stack = Vec::with_capacity(32);
        let first = self.nodes[id as usize].first;
        if first != NONE {
            stack.push(first);
        }
        while let Some(n) = stack.pop() {
            let node = &self.nodes[n as usize];
            if node.next != NONE {
                stack.push(node.next);
            }
            match node.kind {
                Kind::Text => f(self.text_of(n)),
                _ => {
                    if node.first != NONE {
                        stack.push(node.first);
                    }
                }
            }
        }
    }
}

/// Children of a node (see [`Tree::children`]).
pub(crate) struct Children<'a> {
    t: &'a Tree,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.t.nodes[id as usize].next;
        Some(id)
    }
}

struct Builder<'t> {
    t: &'t mut Tree,
    /// Open elements, the document at the bottom.
    stack: Vec<u32>,
    /// For each open element, the audit flags of text inside it.
    ctx: Vec<u8>,
    /// A paragraph break since the last text.
    pending_break: bool,
    /// Open `svg`/`math` elements.
    foreign: usize,
    head: Option<u32>,
}

impl Builder<'_> {
    fn run(&mut self, html: &str) {
        let b = html.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|k| i + k) else {
                self.text(&html[i..], true);
                break;
            };
            if lt > i {
                self.text(&html[i..lt], true);
            }
            let next = b.get(lt + 1).copied().unwrap_or(0);
            if next == b'!' {
                i = if b[lt..].starts_with(b"<!--") {
                    comment_end(b, lt)
                } else {
                    memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |k| lt + k + 1)
                };
            } else if next == b'?' {
                i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |k| lt + k + 1);
            } else if next == b'/' {
                let start = lt + 2;
                if b.get(start).is_some_and(|c| c.is_ascii_alphabetic()) {
                    let mut e = start;
                    while e < b.len() && !is_space(b[e]) && b[e] != b'/' && b[e] != b'>' {
                        e += 1;
                    }
                    let name = html[start..e].to_ascii_lowercase();
                    i = tag_end(b, e).unwrap_or(b.len());
                    self.end_tag(&name);
                } else if b.get(start) == Some(&b'>') {
                    i = start + 1;
                } else {
                    // `</` + junk: a bogus comment up to `>`.
                    i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |k| lt + k + 1);
                }
            } else if next.is_ascii_alphabetic() {
                i = self.start_tag(html, lt);
            } else {
                self.text("<", false);
                i = lt + 1;
            }
        }
    }

    /// Open `id` (its name decides the flags of the text inside).
    fn push(&mut self, id: u32) {
        let outer = *self.ctx.last().unwrap_or(&0);
        let name = self.t.name(id);
        let inner = if outer & (TEXT_SILENT | FURNITURE_MASK) != 0 {
            outer
        } else if let Some(k) = FURNITURE.iter().position(|f| *f == name) {
            ((k as u8 + 1) << FURNITURE_SHIFT) & FURNITURE_MASK
        } else if matches!(
            name,
            "svg" | "select" | "button" | "noscript" | "template" | "textarea" | "title"
        ) {
            TEXT_SILENT
        } else {
            0
        };
        self.stack.push(id);
        self.ctx.push(inner);
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            let k = self.stack.len() - 1;
            self.truncate(k);
        }
    }

    /// Close the open elements from index `k` up.
    fn truncate(&mut self, k: usize) {
        let k = k.max(1);
        for &id in &self.stack[k.min(self.stack.len())..] {
            if breaks_paragraph(self.t.name(id)) {
                self.pending_break = true;
            }
        }
        self.stack.truncate(k);
        self.ctx.truncate(k);
    }

    fn current(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn current_name(&self) -> &str {
        self.t.name(self.current())
    }

    /// Add text at the current position (merged with a preceding text).
    fn text(&mut self, raw: &str, decode: bool) {
        if raw.is_empty() {
            return;
        }
        let in_head = self.head.is_some() && self.current() == self.head.unwrap_or(NONE);
        if in_head {
            if raw.bytes().all(is_space) {
                return;
            }
            self.pop();
            self.ensure_body();
        } else if self.t.body.is_none() && !raw.bytes().all(is_space) && self.stack.len() <= 2 {
            self.ensure_body();
        }
        let parent = self.current();
        let last = self.t.nodes[parent as usize].last;
        let merge = last != NONE && {
            let n = &self.t.nodes[last as usize];
            n.kind == Kind::Text && n.name.1 as usize == self.t.strs.len()
        };
        let start = self.t.strs.len() as u32;
        if decode && raw.contains('&') {
            decode_into(&mut self.t.strs, raw, false);
        } else {
            self.t.strs.push_str(raw);
        }
        let end = self.t.strs.len() as u32;
        if merge {
            self.t.nodes[last as usize].name.1 = end;
            return;
        }
        let id = self.push_node(Kind::Text, (start, end), (0, 0));
        let mut flags = *self.ctx.last().unwrap_or(&0);
        if std::mem::take(&mut self.pending_break) {
            flags |= TEXT_BREAK;
        }
        self.t.nodes[id as usize].flags = flags;
        self.t.append(parent, id);
    }

    fn push_node(&mut self, kind: Kind, name: (u32, u32), attrs: (u32, u32)) -> u32 {
        self.t.nodes.push(Node {
            kind,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            name,
            attrs,
            flags: 0,
        });
        (self.t.nodes.len() - 1) as u32
    }

    /// Make sure a `<body>` is open (content arrived outside the head).
    fn ensure_body(&mut self) {
        if self.t.body.is_some() {
            return;
        }
        let body = self.t.new_element("body");
        let parent = self.current();
        self.t.append(parent, body);
        self.t.body = Some(body);
        self.push(body);
    }

    /// Pop open elements up to and including the topmost `name`, if one is
    /// open below no scope boundary.
    fn close(&mut self, name: &str, boundary: fn(&str) -> bool) -> bool {
        let mut k = self.stack.len();
        while k > 1 {
            k -= 1;
            let n = self.t.name(self.stack[k]);
            if n == name {
                self.truncate(k);
                return true;
            }
            if boundary(n) {
                return false;
            }
        }
        false
    }

    fn start_tag(&mut self, html: &str, lt: usize) -> usize {
        let b = html.as_bytes();
        let mut e = lt + 1;
        while e < b.len() && !is_space(b[e]) && b[e] != b'/' && b[e] != b'>' {
            e += 1;
        }
        let mut buf = [0u8; 16];
        let raw_name = &html[lt + 1..e];
        let owned;
        let name: &str = if raw_name.len() <= buf.len() {
            let b = &mut buf[..raw_name.len()];
            b.copy_from_slice(raw_name.as_bytes());
            b.make_ascii_lowercase();
            // Lower-casing ASCII bytes keeps UTF-8 valid.
            std::str::from_utf8(b).unwrap_or("")
        } else {
            owned = raw_name.to_ascii_lowercase();
            &owned
        };
        let keep_all = matches!(name, "object" | "embed" | "iframe");
        // Attributes.
        let a0 = self.t.attrs.len() as u32;
        let mut i = e;
        let mut self_closing = false;
        loop {
            while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let ns = i;
            i += 1;
            while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' && b[i] != b'=' {
                i += 1;
            }
            let aname = &html[ns..i];
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let mut value = "";
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let vs = i + 1;
                    let ve = memchr::memchr(q, &b[vs..]).map_or(b.len(), |k| vs + k);
                    value = &html[vs..ve];
                    i = (ve + 1).min(b.len());
                } else {
                    let vs = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = &html[vs..i];
                }
            }
            if keep_all || is_read_attr(aname) {
                self.push_attr(a0, aname, value);
            }
        }
        let a1 = self.t.attrs.len() as u32;
        let after = i;
        self.open(name, (a0, a1), self_closing);
        // Raw text.
        let raw = matches!(
            name,
            "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
        ) && self.foreign == 0;
        if name == "plaintext" {
            self.text(&html[after..], false);
            return b.len();
        }
        if !raw || (self_closing && self.foreign > 0) {
            return after;
        }
        let end = if name == "script" {
            script_end(b, after)
        } else {
            raw_end(b, after, name.as_bytes())
        };
        let decode = name == "textarea" || name == "title";
        let content = &html[after..end];
        if !content.is_empty() {
            // Raw text is one text node whatever it holds.
            let parent = self.current();
            let start = self.t.strs.len() as u32;
            if decode && content.contains('&') {
                decode_into(&mut self.t.strs, content, false);
            } else {
                self.t.strs.push_str(content);
            }
            let id = self.push_node(Kind::Text, (start, self.t.strs.len() as u32), (0, 0));
            self.t.nodes[id as usize].flags = TEXT_SILENT;
            self.t.append(parent, id);
        }
        // Close the element; skip its end tag.
        self.pop();
        if end >= b.len() {
            return b.len();
        }
        tag_end(b, end + 2 + name.len()).unwrap_or(b.len())
    }

    fn push_attr(&mut self, a0: u32, name: &str, value: &str) {
        let lower;
        let name = if name.bytes().any(|c| c.is_ascii_uppercase()) {
            lower = name.to_ascii_lowercase();
            lower.as_str()
        } else {
            name
        };
        // The first of duplicate attributes wins.
        let t = &*self.t;
        if t.attrs[a0 as usize..]
            .iter()
            .any(|a| &t.strs[a.name.0 as usize..a.name.1 as usize] == name)
        {
            return;
        }
        let ns = self.t.strs.len() as u32;
        self.t.strs.push_str(name);
        let vs = self.t.strs.len() as u32;
        if value.contains('&') {
            decode_into(&mut self.t.strs, value, true);
        } else {
            self.t.strs.push_str(value);
        }
        let ve = self.t.strs.len() as u32;
        self.t.attrs.push(Attr {
            name: (ns, vs),
            value: (vs, ve),
        });
    }

    /// Insert an element per the tree-construction rules above.
    fn open(&mut self, name: &str, attrs: (u32, u32), self_closing: bool) {
        match name {
            "html" => {
                if self.stack.len() == 1 {
                    self.element(name, attrs, false);
                }
                return;
            }
            "head" => {
                if self.head.is_none() && self.t.body.is_none() {
                    self.element(name, attrs, false);
                    self.head = Some(self.current());
                }
                return;
            }
            "body" => {
                if self.t.body.is_none() {
                    if self.head.is_some_and(|h| self.current() == h) {
                        self.pop();
                    }
                    self.element(name, attrs, false);
                    self.t.body = Some(self.current());
                }
                return;
            }
            _ => {}
        }
        if !in_head(name) {
            if self.head.is_some_and(|h| self.current() == h) {
                self.pop();
            }
            self.ensure_body();
        }
        if self.foreign == 0 {
            if closes_p(name) {
                self.close("p", |n| is_scope_boundary(n) || n == "button");
            }
            match name {
                "li" => {
                    self.close("li", |n| is_special(n) && n != "li");
                }
                "dd" | "dt" => {
                    let mut k = self.stack.len();
                    while k > 1 {
                        k -= 1;
                        let n = self.t.name(self.stack[k]);
                        if n == "dd" || n == "dt" {
                            self.truncate(k);
                            break;
                        }
                        if is_special(n) {
                            break;
                        }
                    }
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if is_heading(self.current_name()) => {
                    self.pop();
                }
                "option" if self.current_name() == "option" => {
                    self.pop();
                }
                "optgroup" => {
                    if self.current_name() == "option" {
                        self.pop();
                    }
                    if self.current_name() == "optgroup" {
                        self.pop();
                    }
                }
                "tr" => {
                    self.close_in_table(&["tr"]);
                }
                "td" | "th" => {
                    self.close_in_table(&["td", "th"]);
                }
                "thead" | "tbody" | "tfoot" => {
                    self.close_in_table(&["thead", "tbody", "tfoot"]);
                }
                "a" => {
                    self.close("a", is_scope_boundary);
                }
                "button" => {
                    self.close("button", is_scope_boundary);
                }
                _ => {}
            }
        }
        let void = is_void(name) || (self_closing && self.foreign > 0);
        self.element(name, attrs, void);
        if !void && (name == "svg" || name == "math") {
            self.foreign += 1;
        }
    }

    /// Close the innermost open element named in `names`, if one is open
    /// inside the current table.
    fn close_in_table(&mut self, names: &[&str]) {
        let mut k = self.stack.len();
        while k > 1 {
            k -= 1;
            let n = self.t.name(self.stack[k]);
            if names.contains(&n) {
                self.truncate(k);
                return;
            }
            if n == "table" || n == "html" {
                return;
            }
        }
    }

    fn element(&mut self, name: &str, attrs: (u32, u32), void: bool) {
        if breaks_paragraph(name) {
            self.pending_break = true;
        }
        let start = self.t.strs.len() as u32;
        self.t.strs.push_str(name);
        let id = self.push_node(Kind::Element, (start, self.t.strs.len() as u32), attrs);
        let parent = self.current();
        self.t.append(parent, id);
        if name == "title" && self.t.title.is_none() {
            self.t.title = Some(id);
        }
        if !void && self.stack.len() < MAX_DEPTH {
            self.push(id);
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "html" | "body" => {}
            "head" => {
                if self.head.is_some_and(|h| self.current() == h) {
                    self.pop();
                }
            }
            "br" => {
                self.ensure_body();
                self.element("br", (0, 0), true);
            }
            "svg" | "math" => {
                if self.close(name, |n| matches!(n, "html" | "table" | "td" | "th")) {
                    self.foreign = self.foreign.saturating_sub(1);
                }
            }
            "li" => {
                self.close("li", |n| is_scope_boundary(n) || n == "ul" || n == "ol");
            }
            "table" | "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" | "caption" => {
                let mut k = self.stack.len();
                while k > 1 {
                    k -= 1;
                    let n = self.t.name(self.stack[k]);
                    if n == name {
                        self.truncate(k);
                        break;
                    }
                    if n == "table" || n == "html" {
                        break;
                    }
                }
            }
            _ => {
                let before = self.stack.len();
                self.close(name, is_scope_boundary);
                // Foreign elements closed on the way.
                if self.foreign > 0 && self.stack.len() < before {
                    self.foreign = self
                        .stack
                        .iter()
                        .filter(|&&id| matches!(self.t.name(id), "svg" | "math"))
                        .count();
                }
            }
        }
    }
}

/// The end of a comment starting at `b[lt]` (`<!--`): the index after
/// `-->` (or `--!>`, or the short forms `<!-->`, `<!--->`), else the end.
fn comment_end(b: &[u8], lt: usize) -> usize {
    let s = lt + 4;
    if b.get(s) == Some(&b'>') {
        return s + 1;
    }
    if b.get(s..s + 2) == Some(b"->") {
        return s + 2;
    }
    let mut i = s;
    while let Some(k) = memchr::memchr(b'>', &b[i..]) {
        let gt = i + k;
        if gt >= s + 2 && &b[gt - 2..gt] == b"--" {
            return gt + 1;
        }
        if gt >= s + 3 && &b[gt - 3..gt] == b"--!" {
            return gt + 1;
        }
        i = gt + 1;
    }
    b.len()
}

/// Append `s` to `out` with character references decoded (`&amp;`,
/// `&#8217;`, `&#x2014;`, and every named reference HTML knows). In
/// attribute values a legacy reference without `;` followed by a letter,
/// digit or `=` stays literal, as in browsers.
pub(crate) fn decode_into(out: &mut String, s: &str, attribute: bool) {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'&', &b[i..]) {
        let amp = i + k;
        out.push_str(&s[i..amp]);
        i = amp + 1;
        if b.get(i) == Some(&b'#') {
            let (hex, start) = match b.get(i + 1) {
                Some(b'x' | b'X') => (true, i + 2),
                _ => (false, i + 1),
            };
            let mut e = start;
            while e < b.len()
                && e - start < 10
                && (if hex {
                    b[e].is_ascii_hexdigit()
                } else {
                    b[e].is_ascii_digit()
                })
            {
                e += 1;
            }
            if e == start {
                out.push('&');
                continue;
            }
            let v = u32::from_str_radix(&s[start..e], if hex { 16 } else { 10 }).unwrap_or(0);
            let c = match v {
                0x80..=0x9f => c1_replacement(v),
                0 => '\u{fffd}',
                _ => char::from_u32(v).unwrap_or('\u{fffd}'),
            };
            out.push(c);
            i = if b.get(e) == Some(&b';') { e + 1 } else { e };
            continue;
        }
        let mut e = i;
        while e < b.len() && e - i < 32 && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        if e == i {
            out.push('&');
            continue;
        }
        // The table also lists every prefix of a name, as (0, 0).
        if b.get(e) == Some(&b';') {
            if let Some(&(c1, c2)) = NAMED_ENTITIES.get(&s[i..=e]).filter(|v| v.0 != 0) {
                push_entity(out, c1, c2);
                i = e + 1;
                continue;
            }
        }
        // Legacy references without `;`: the longest known prefix.
        let mut found = None;
        let mut end = e;
        while end > i {
            if let Some(&(c1, c2)) = NAMED_ENTITIES.get(&s[i..end]).filter(|v| v.0 != 0) {
                found = Some((c1, c2));
                break;
            }
            end -= 1;
        }
        match found {
            Some((c1, c2))
                if !(attribute
                    && b.get(end)
                        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'=')) =>
            {
                push_entity(out, c1, c2);
                i = end;
            }
            _ => out.push('&'),
        }
    }
    out.push_str(&s[i..]);
}

fn push_entity(out: &mut String, c1: u32, c2: u32) {
    if let Some(c) = char::from_u32(c1) {
        out.push(c);
    }
    if c2 != 0 {
        if let Some(c) = char::from_u32(c2) {
            out.push(c);
        }
    }
}

/// Numeric references to C1 controls mean Windows-1252 characters.
fn c1_replacement(v: u32) -> char {
    markup5ever::data::C1_REPLACEMENTS
        .get((v - 0x80) as usize)
        .copied()
        .flatten()
        .unwrap_or_else(|| char::from_u32(v).unwrap_or('\u{fffd}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(t: &Tree, id: u32, out: &mut String) {
        for c in t.children(id) {
            match t.nodes[c as usize].kind {
                Kind::Text => out.push_str(t.text_of(c)),
                _ => {
                    out.push('<');
                    out.push_str(t.name(c));
                    out.push('>');
                    outline(t, c, out);
                    out.push_str("</");
                    out.push_str(t.name(c));
                    out.push('>');
                }
            }
        }
    }

    fn shape(html: &str) -> String {
        let t = Tree::parse(html);
        let mut s = String::new();
        outline(&t, t.body.unwrap_or(0), &mut s);
        s
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(
            shape("<p>a<p>b<div>c</div>"),
            "<p>a</p><p>b</p><div>c</div>"
        );
        assert_eq!(
            shape("<ul><li>a<li>b</ul>x"),
            "<ul><li>a</li><li>b</li></ul>x"
        );
        assert_eq!(
            shape("<table><tr><td>a<td>b<tr><td>c</table>"),
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        );
        assert_eq!(shape("<div>a</span>b</div>"), "<div>ab</div>");
        assert_eq!(shape("<b>x<br/>y</b>"), "<b>x<br></br>y</b>");
        assert_eq!(shape("<p>a</div>b</p>c"), "<p>ab</p>c");
    }

    #[test]
    fn head_body_and_raw_text() {
        let t = Tree::parse(
            "<html><head><title>A &amp; B</title><script>if (a<b) x='</p>'</script></head>\
             <body><p class=\"x\" id=y>one &mdash; two &copy 3 &#8217;</p></body></html>tail",
        );
        assert_eq!(t.text_of(t.nodes[t.title.unwrap() as usize].first), "A & B");
        let body = t.body.unwrap();
        let p = t.children(body).next().unwrap();
        assert_eq!(t.attr(p, "class"), Some("x"));
        assert_eq!(t.attr(p, "id"), Some("y"));
        assert_eq!(
            t.subtree_text(body),
            "one \u{2014} two \u{a9} 3 \u{2019}tail"
        );
        assert!(t.for_each_text_count(0) >= 2);
    }

    #[test]
    fn script_escapes() {
        let html = "<script><!-- document.write('<script>x</script>'); --></script><p>after</p>";
        let t = Tree::parse(html);
        let body = t.body.expect("a body");
        assert_eq!(t.subtree_text(body), "after");
        let t = Tree::parse("<script>a = '</p>'</script>b");
        assert_eq!(t.subtree_text(t.body.expect("a body")), "b");
        let t = Tree::parse("<script><!--></script>c");
        assert_eq!(t.subtree_text(t.body.expect("a body")), "c");
    }

    #[test]
    fn attributes_and_entities() {
        let t = Tree::parse("<a href=\"/x?a=1&amp;b=2&c=3\" CLASS='q' data-x=1>l</a>");
        let a = t.children(t.body.unwrap()).next().unwrap();
        assert_eq!(t.attr(a, "href"), Some("/x?a=1&b=2&c=3"));
        assert_eq!(t.attr(a, "class"), Some("q"));
        // Attributes no reader looks at are not kept.
        assert_eq!(t.attr(a, "data-x"), None);
        let mut s = String::new();
        decode_into(&mut s, "&notit; &amp &lt;&gt; &#x41;&#66 &bogus;", false);
        assert_eq!(s, "\u{ac}it; & <> AB &bogus;");
    }

    #[test]
    fn deep_and_broken_input_stays_bounded() {
        let deep = "<div>".repeat(5000) + "x";
        let t = Tree::parse(&deep);
        assert_eq!(t.subtree_text(0), "x");
        for bad in [
            "<",
            "<a",
            "<a href='",
            "</",
            "<!--",
            "<!",
            "&#",
            "&",
            "<p>a<svg><p>b",
        ] {
            let _ = Tree::parse(bad);
        }
    }

    impl Tree {
        fn for_each_text_count(&self, id: u32) -> usize {
            let mut n = 0;
            self.for_each_text(id, |_| n += 1);
            n
        }
    }
}
