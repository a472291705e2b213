//! The few things the walker, the junk rules and the metadata reader ask of
//! a document tree, so that they run unchanged on the html5ever tree
//! (dom_query) and on the fast path's arena (`fast::tree`).

use crate::fast::tree::{Kind, Tree, NONE};
use dom_query::NodeRef;
use markup5ever::tendril::StrTendril;
use markup5ever::LocalName;
use std::borrow::Cow;
use std::ops::Deref;

/// A node of a parsed page.
pub(crate) trait Dom: Copy {
    /// An element name (lower-cased local name).
    type Name: Deref<Target = str>;
    /// Text or an attribute value.
    type Text: Deref<Target = str>;
    /// A text node.
    fn is_text(&self) -> bool;
    /// An element.
    fn is_element(&self) -> bool;
    /// The document or a fragment root.
    fn is_container(&self) -> bool;
    /// The element's local name, "" for other nodes.
    fn name(&self) -> Self::Name;
    /// An attribute's value.
    fn attr(&self, name: &str) -> Option<Self::Text>;
    /// Whether the attribute is present.
    fn has_attr(&self, name: &str) -> bool;
    /// All text below (or of) the node, concatenated.
    fn text(&self) -> Self::Text;
    /// The children, last first.
    fn children_rev(&self) -> impl Iterator<Item = Self>;
}

impl<'a> Dom for NodeRef<'a> {
    type Name = LocalName;
    type Text = StrTendril;
    fn is_text(&self) -> bool {
        NodeRef::is_text(self)
    }
    fn is_element(&self) -> bool {
        NodeRef::is_element(self)
    }
    fn is_container(&self) -> bool {
        self.is_document() || self.is_fragment()
    }
    fn name(&self) -> LocalName {
        self.qual_name_ref()
            .map(|q| q.local.clone())
            .unwrap_or_else(|| LocalName::from(""))
    }
    fn attr(&self, name: &str) -> Option<StrTendril> {
        NodeRef::attr(self, name)
    }
    fn has_attr(&self, name: &str) -> bool {
        NodeRef::has_attr(self, name)
    }
    fn text(&self) -> StrTendril {
        NodeRef::text(self)
    }
    fn children_rev(&self) -> impl Iterator<Item = Self> {
        self.children_it(true)
    }
}

/// A node of the fast path's arena.
#[derive(Clone, Copy)]
pub(crate) struct ANode<'a> {
    pub tree: &'a Tree,
    pub id: u32,
}

impl<'a> Dom for ANode<'a> {
    type Name = &'a str;
    type Text = Cow<'a, str>;
    fn is_text(&self) -> bool {
        self.tree.nodes[self.id as usize].kind == Kind::Text
    }
    fn is_element(&self) -> bool {
        self.tree.nodes[self.id as usize].kind == Kind::Element
    }
    fn is_container(&self) -> bool {
        self.tree.nodes[self.id as usize].kind == Kind::Document
    }
    fn name(&self) -> &'a str {
        self.tree.name(self.id)
    }
    fn attr(&self, name: &str) -> Option<Cow<'a, str>> {
        self.tree.attr(self.id, name).map(Cow::Borrowed)
    }
    fn has_attr(&self, name: &str) -> bool {
        self.tree.attr(self.id, name).is_some()
    }
    fn text(&self) -> Cow<'a, str> {
        if self.is_text() {
            Cow::Borrowed(self.tree.text_of(self.id))
        } else {
            Cow::Owned(self.tree.subtree_text(self.id))
        }
    }
    fn children_rev(&self) -> impl Iterator<Item = Self> {
        let tree = self.tree;
        let mut next = tree.nodes[self.id as usize].last;
        std::iter::from_fn(move || {
            if next == NONE {
                return None;
            }
            let id = next;
            next = tree.nodes[id as usize].prev;
            Some(ANode { tree, id })
        })
    }
}
