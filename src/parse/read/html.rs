//! HTML reader: a resume page into the document tree, parsed by html5ever as a browser parses
//! it (unclosed tags, stray `<head>`s and misnested markup end up where a browser puts them).
//!
//! Only what a browser shows is read: `<head>`, scripts, styles, templates, forms' controls,
//! images and hidden elements (`hidden`, `display:none`, screen-reader-only classes, the
//! common stylesheets' hiding classes such as `d-none` on a print-only copy) are not.
//! `<h1>`–`<h6>` are headings, `<p>` paragraphs, `<ul>`/`<ol>` lists (nested), `<dl>`
//! definitions, `<table>` tables (`<th>` rows and `<thead>` are header rows), `<blockquote>`
//! quotes, `<pre>` verbatim lines, `<hr>` rules; `<section>`, `<article>`, `<div>` and the
//! other containers are [`BlockKind::Div`]s named by their class (or id), a container with
//! neither and a single block being that block. A title a page sets apart only by its class
//! (`<p class="section-title">`, one short line) is a heading one level below the last real
//! heading before it; brackets decorating a heading's whole text (`{Skills}`, `<Jane/>`) are
//! not text. Inline: `<b>`/`<strong>`, `<i>`/`<em>`,
//! `<a href>`, `<code>`, bold by inline style, `<br>` (a hard break); a line break in the source text is a soft
//! break. `<title>` and `<meta name="author">` go to [`Document::meta`]. Server-side template
//! code (`<?php … ?>`, `{% … %}`, `{{ … }}`) is not text and is removed before parsing.
//! Never panics; linear in the input (deep nesting is read flat).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns, parse_document};

use super::linewise::MAX_COLUMNS;
use crate::parse::doc::{
    Block, BlockKind, Definition, Document, Inline, InlineBuf, Row, normalise_inlines,
};

/// Elements nested deeper than this are read as plain text (pages nest divs deeply, but not
/// this deeply; it bounds recursion).
const MAX_NESTING: usize = 96;

/// Start tags deeper than this are dropped before parsing. The HTML parsing algorithm looks
/// through the stack of open elements for many tags, so unbounded nesting would make it
/// quadratic; browsers cap the depth the same way (Blink at 512).
const MAX_OPEN_ELEMENTS: usize = 256;

/// Reads an HTML page or fragment.
pub fn read(text: &str) -> Document {
    read_at(text, 1)
}

/// Reads HTML that starts on line `first_line` of its file (an HTML block in Markdown).
pub fn read_at(text: &str, first_line: u32) -> Document {
    let source = cap_nesting(&strip_template_code(text));
    let dom = Dom { line: Cell::new(u64::from(first_line)), ..Dom::default() };
    let dom = parse_document(dom, Default::default()).one(source.as_str());
    let nodes = dom.nodes.into_inner();
    let chrome = site_chrome(&nodes);
    let mut classes: HashMap<&str, usize> = HashMap::new();
    for node in &nodes {
        if let Data::Element { attrs, .. } = &node.data
            && let Some(class) = attrs.iter().find(|a| &*a.name.local == "class")
        {
            *classes.entry(class.value.trim()).or_default() += 1;
        }
    }
    let mut conv = Convert { nodes: &nodes, meta: Vec::new(), chrome, scope: 0, classes };
    conv.head(0, 0);
    let blocks = conv.flow(0, 0);
    Document { blocks, meta: conv.meta, ..Default::default() }
}

/// What a node's subtree holds, for telling a site's furniture from its content.
#[derive(Clone, Copy, Default)]
struct Holds {
    /// A link off the page or to a person (`https://`, `mailto:`, `tel:`).
    outside_link: bool,
    /// A copyright notice.
    copyright: bool,
    /// Characters of text inside.
    text: usize,
}

/// The site's own furniture, which is no part of the resume it shows: a `<nav>` whose links
/// all stay on the site (a menu of the page's sections), and a `<footer>` with a copyright
/// notice and no link out (profiles and contact links in a footer are the person's).
/// Computed once, bottom-up, so that the cost is linear in the page.
fn site_chrome(nodes: &[Node]) -> Vec<bool> {
    let mut holds = vec![Holds::default(); nodes.len()];
    let mut chrome = vec![false; nodes.len()];
    // Post-order: a node is finished once its children are.
    let mut stack: Vec<(usize, bool)> = vec![(0, false)];
    while let Some((n, done)) = stack.pop() {
        if n >= nodes.len() {
            continue;
        }
        if !done {
            stack.push((n, true));
            stack.extend(nodes[n].children.iter().map(|&c| (c, false)));
            continue;
        }
        let mut h = nodes[n].children.iter().fold(Holds::default(), |acc, &c| {
            let ch = holds.get(c).copied().unwrap_or_default();
            Holds {
                outside_link: acc.outside_link || ch.outside_link,
                copyright: acc.copyright || ch.copyright,
                text: acc.text + ch.text,
            }
        });
        match &nodes[n].data {
            Data::Text(t) => {
                h.text = t.trim().len();
                let t = t.trim_start();
                h.copyright = t.contains('©')
                    || t.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("copyright"));
            }
            Data::Element { name, attrs } => {
                let href = attrs.iter().find(|a| &*a.name.local == "href").map(|a| &*a.value);
                if &*name.local == "a" && href.is_some_and(leaves_site) {
                    h.outside_link = true;
                }
                let navigation = &*name.local == "nav"
                    || attrs.iter().any(|a| &*a.name.local == "role" && &*a.value == "navigation");
                chrome[n] = (navigation && !h.outside_link)
                    || (&*name.local == "footer" && h.copyright && !h.outside_link);
            }
            _ => {}
        }
        holds[n] = h;
    }
    // A copy the page's stylesheet hides on screen (a print-only duplicate, a collapsed
    // block), unless it holds most of the page: a page that hides everything until a script
    // reveals it is still its content.
    let total = holds.first().map_or(0, |h| h.text);
    for (n, node) in nodes.iter().enumerate() {
        if let Data::Element { attrs, .. } = &node.data
            && let Some(class) = attrs.iter().find(|a| &*a.name.local == "class")
            && hidden_class(&class.value)
            && holds[n].text * 2 < total
        {
            chrome[n] = true;
        }
    }
    chrome
}

/// A class the common stylesheets hide an element with on screen (`d-none`, `hidden`,
/// `is-hidden`, `invisible`, `print-only`), and no responsive class that shows it again on
/// some screen (`d-md-block`, `md:flex`, `visible-lg`).
fn hidden_class(class: &str) -> bool {
    const HIDE: [&str; 9] = [
        "d-none",
        "hidden",
        "hide",
        "is-hidden",
        "invisible",
        "print-only",
        "visible-print",
        "visible-print-block",
        "show-for-print",
    ];
    let tokens: Vec<String> = class.split_whitespace().map(str::to_ascii_lowercase).collect();
    let shown_again = |t: &String| {
        (t.contains(':') && !t.starts_with("print:") && !t.ends_with(":hidden"))
            || (t.starts_with("d-") && t != "d-none" && !t.starts_with("d-print"))
            || (t.starts_with("visible-") && !t.starts_with("visible-print"))
    };
    tokens.iter().any(|t| HIDE.contains(&t.as_str())) && !tokens.iter().any(shown_again)
}

/// A link to another site or to a person, not to a part of this one.
fn leaves_site(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    h.contains("://") || h.starts_with("//") || h.starts_with("mailto:") || h.starts_with("tel:")
}

/// Removes `<?php … ?>`, `<% … %>`, `{% … %}` and `{{ … }}`, keeping their line breaks so that
/// line numbers stay right. An unclosed one runs to the end of the text, as in PHP.
fn strip_template_code(text: &str) -> String {
    const PAIRS: [(&str, &str); 4] = [("<?", "?>"), ("<%", "%>"), ("{%", "%}"), ("{{", "}}")];
    let mut out = String::with_capacity(text.len());
    // The next position of each opener, searched again only once the text has passed it,
    // so that the text is scanned once per opener (linear).
    let mut next: Vec<Option<usize>> = PAIRS.iter().map(|(o, _)| text.find(o)).collect();
    let mut pos = 0;
    loop {
        for (k, (open, _)) in PAIRS.iter().enumerate() {
            if next[k].is_some_and(|n| n < pos) {
                next[k] = text[pos..].find(open).map(|n| n + pos);
            }
        }
        let Some((k, at)) =
            next.iter().enumerate().filter_map(|(k, n)| n.map(|n| (k, n))).min_by_key(|x| x.1)
        else {
            break;
        };
        let (open, close) = PAIRS[k];
        out.push_str(&text[pos..at]);
        let body = at + open.len();
        let end = text[body..].find(close).map_or(text.len(), |e| body + e + close.len());
        out.extend(text[body..end].chars().filter(|&c| c == '\n'));
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Drops start tags that would open an element deeper than [`MAX_OPEN_ELEMENTS`], by a quick
/// scan of the tags (comments skipped, void elements and `/>` not counted). Real pages are
/// far shallower and come back unchanged.
fn cap_nesting(text: &str) -> String {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut pos = 0;
    let b = text.as_bytes();
    while let Some(off) = text[pos..].find('<') {
        let at = pos + off;
        let rest = &text[at..];
        // The end of this markup: a comment ends at `-->`, a tag at `>`.
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(text.len(), |e| at + e + 3)
        } else {
            rest.find('>').map_or(text.len(), |e| at + e + 1)
        };
        let closing = b.get(at + 1) == Some(&b'/');
        let name: String = rest[1 + usize::from(closing)..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let mut keep = true;
        if !name.is_empty() && !rest.starts_with("<!") {
            if closing {
                depth = depth.saturating_sub(1);
            } else if !VOID.contains(&name.as_str()) && !text[at..end].ends_with("/>") {
                depth += 1;
                if depth > MAX_OPEN_ELEMENTS {
                    depth -= 1;
                    keep = false;
                }
            }
        }
        out.push_str(&text[pos..at]);
        if keep {
            out.push_str(&text[at..end]);
        } else {
            out.extend(text[at..end].chars().filter(|&c| c == '\n'));
        }
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

/// The parsed page: html5ever builds it through [`TreeSink`]; nodes live in one arena and
/// refer to each other by index, so a deep page cannot overflow the stack when dropped.
#[derive(Default)]
struct Dom {
    nodes: RefCell<Vec<Node>>,
    /// The source line html5ever is at, for the nodes it creates.
    line: Cell<u64>,
    templates: RefCell<HashMap<usize, usize>>,
}

struct Node {
    parent: Option<usize>,
    children: Vec<usize>,
    data: Data,
    line: u32,
}

enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(StrTendril),
    /// Comments, processing instructions, doctypes: nothing to read.
    Other,
}

#[derive(Debug)]
struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl Dom {
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        let line = u32::try_from(self.line.get()).unwrap_or(u32::MAX);
        nodes.push(Node { parent: None, children: Vec::new(), data, line });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: usize) {
        if let Some(p) = nodes[child].parent.take()
            && let Some(k) = nodes[p].children.iter().position(|&c| c == child)
        {
            nodes[p].children.remove(k);
        }
    }

    /// Appends text to `parent`, merged into its last child when that is text.
    fn append_text(&self, parent: usize, text: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(&last) = nodes[parent].children.last()
            && let Data::Text(t) = &mut nodes[last].data
        {
            t.push_tendril(&text);
            return;
        }
        drop(nodes);
        // html5ever reports the line where the text ends; it starts that many lines earlier.
        let newlines = text.matches('\n').count() as u32;
        let node = self.push(Data::Text(text));
        let mut nodes = self.nodes.borrow_mut();
        nodes[node].line = nodes[node].line.saturating_sub(newlines).max(1);
        nodes[node].parent = Some(parent);
        nodes[parent].children.push(node);
    }
}

impl TreeSink for Dom {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Name;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        if self.nodes.borrow().is_empty() {
            self.push(Data::Document);
        }
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Name {
        match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => Name(name.clone()),
            _ => Name(QualName::new(None, ns!(), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let node = self.push(Data::Element { name, attrs });
        if flags.template {
            let contents = self.push(Data::Document);
            self.templates.borrow_mut().insert(node, contents);
        }
        node
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        match child {
            NodeOrText::AppendText(text) => self.append_text(*parent, text),
            NodeOrText::AppendNode(node) => {
                let mut nodes = self.nodes.borrow_mut();
                Dom::detach(&mut nodes, node);
                nodes[node].parent = Some(*parent);
                nodes[*parent].children.push(node);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &usize, prev: &usize, child: NodeOrText<usize>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        self.templates.borrow().get(target).copied().unwrap_or(*target)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, child: NodeOrText<usize>) {
        let Some(parent) = self.nodes.borrow()[*sibling].parent else { return };
        let node = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                // Merged into the text just before the sibling, if there is some.
                let mut nodes = self.nodes.borrow_mut();
                let k = nodes[parent].children.iter().position(|c| c == sibling).unwrap_or(0);
                if k > 0 {
                    let prev = nodes[parent].children[k - 1];
                    if let Data::Text(t) = &mut nodes[prev].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                drop(nodes);
                self.push(Data::Text(text))
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        Dom::detach(&mut nodes, node);
        let k = nodes[parent].children.iter().position(|c| c == sibling).unwrap_or(0);
        nodes[parent].children.insert(k, node);
        nodes[node].parent = Some(parent);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element { attrs: have, .. } = &mut nodes[*target].data {
            for a in attrs {
                if !have.iter().any(|h| h.name == a.name) {
                    have.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Dom::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }
}

/// How an element is read.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// Not shown: skipped with everything inside.
    Hidden,
    Heading(u8),
    Para,
    List(bool),
    Item,
    Definitions,
    Term,
    Description,
    Table,
    Quote,
    Pre,
    Rule,
    /// A container of blocks (`<div>`, `<section>`, …).
    Container,
    Break,
    Strong,
    Emph,
    Link,
    Code,
    /// Any other inline element: its content as it is.
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        "head" | "script" | "style" | "template" | "noscript" | "iframe" | "object" | "embed"
        | "canvas" | "svg" | "img" | "picture" | "video" | "audio" | "map" | "input" | "select"
        | "textarea" | "button" | "meta" | "link" | "base" | "title" | "datalist" => Role::Hidden,
        "h1" => Role::Heading(1),
        "h2" => Role::Heading(2),
        "h3" => Role::Heading(3),
        "h4" => Role::Heading(4),
        "h5" => Role::Heading(5),
        "h6" => Role::Heading(6),
        "p" | "summary" | "figcaption" | "caption" | "legend" => Role::Para,
        "ul" | "menu" | "dir" => Role::List(false),
        "ol" => Role::List(true),
        "li" => Role::Item,
        "dl" => Role::Definitions,
        "dt" => Role::Term,
        "dd" => Role::Description,
        "table" => Role::Table,
        "blockquote" => Role::Quote,
        "pre" | "listing" | "xmp" | "plaintext" => Role::Pre,
        "hr" => Role::Rule,
        "html" | "body" | "div" | "section" | "article" | "aside" | "header" | "footer"
        | "main" | "nav" | "figure" | "address" | "fieldset" | "form" | "details" | "center"
        | "hgroup" | "search" | "dialog" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"
        | "frameset" | "noframes" => Role::Container,
        "br" => Role::Break,
        "b" | "strong" => Role::Strong,
        "i" | "em" | "cite" | "dfn" | "var" => Role::Emph,
        "a" => Role::Link,
        "code" | "kbd" | "samp" | "tt" => Role::Code,
        _ => Role::Inline,
    }
}

fn is_block(role: Role) -> bool {
    !matches!(
        role,
        Role::Break
            | Role::Strong
            | Role::Emph
            | Role::Link
            | Role::Code
            | Role::Inline
            | Role::Hidden
    )
}

/// DOM to document tree.
struct Convert<'a> {
    nodes: &'a [Node],
    meta: Vec<(String, String)>,
    /// The site's own furniture, by node: see [`site_chrome`].
    chrome: Vec<bool>,
    /// The level of the heading whose section is being read (0 above every heading): a title
    /// set only by its class stands one level below it.
    scope: u8,
    /// How many elements carry each class attribute (trimmed).
    classes: HashMap<&'a str, usize>,
}

impl<'a> Convert<'a> {
    fn children(&self, node: usize) -> &'a [usize] {
        let nodes: &'a [Node] = self.nodes;
        &nodes[node].children
    }

    fn element(&self, node: usize) -> Option<(&str, &[Attribute])> {
        match &self.nodes[node].data {
            Data::Element { name, attrs } => Some((&name.local, attrs)),
            _ => None,
        }
    }

    fn attr(&self, node: usize, key: &str) -> Option<&str> {
        let (_, attrs) = self.element(node)?;
        attrs.iter().find(|a| &*a.name.local == key).map(|a| &*a.value)
    }

    /// Not shown: `hidden`, `display:none`/`visibility:hidden`, screen-reader-only classes.
    fn hidden(&self, node: usize) -> bool {
        let Some((name, _)) = self.element(node) else { return false };
        if role(name) == Role::Hidden
            || self.attr(node, "hidden").is_some()
            || self.chrome.get(node).copied().unwrap_or(false)
        {
            return true;
        }
        let style = self.style(node);
        let class = self.attr(node, "class").unwrap_or("");
        style.contains("display:none")
            || style.contains("visibility:hidden")
            || class
                .split_whitespace()
                .any(|c| matches!(c, "sr-only" | "visually-hidden" | "screen-reader-text"))
    }

    /// `<title>` and `<meta name="author">` wherever they are (html5ever puts them in
    /// `<head>`).
    fn head(&mut self, node: usize, depth: usize) {
        if depth > MAX_NESTING {
            return;
        }
        for &c in self.children(node) {
            match self.element(c).map(|(n, _)| n) {
                Some("title") => {
                    let t = self.text_content(c);
                    if !t.is_empty() {
                        self.meta.push(("title".into(), t));
                    }
                }
                Some("meta") => {
                    let name = self.attr(c, "name").unwrap_or("").to_ascii_lowercase();
                    if let Some(content) = self.attr(c, "content").filter(|v| !v.trim().is_empty())
                        && name == "author"
                    {
                        self.meta.push(("author".into(), content.trim().to_string()));
                    }
                }
                Some("head") | Some("html") => self.head(c, depth + 1),
                _ => {}
            }
        }
    }

    /// The children of `node` as blocks: inline content between blocks becomes paragraphs.
    ///
    /// A real heading sets the level its later siblings (and what they hold) are read under;
    /// a title set only by its class ([`Convert::class_title`]) stands one level below the
    /// last real heading before it, so that sibling titles get one level.
    fn flow(&mut self, node: usize, depth: usize) -> Vec<Block> {
        let entry_scope = self.scope;
        let mut title_base = self.scope;
        let mut out = Vec::new();
        let mut buf = InlineBuf::new();
        let mut line = None;
        for &c in self.children(node) {
            let role = self.element(c).map(|(n, _)| role(n));
            match role {
                Some(r) if is_block(r) && !self.hidden(c) => {
                    flush_para(&mut buf, &mut line, &mut out);
                    if let Some(content) = self.class_title(c, r, depth + 1) {
                        let level = (title_base + 1).clamp(2, 6);
                        out.push(Block::new(
                            BlockKind::Heading { level, content },
                            self.nodes[c].line,
                        ));
                        self.scope = level;
                        continue;
                    }
                    let blocks = self.block(c, r, depth + 1);
                    if let Some(Block { kind: BlockKind::Heading { level, .. }, .. }) =
                        blocks.first()
                        && matches!(r, Role::Heading(_))
                    {
                        title_base = *level;
                        self.scope = *level;
                    }
                    out.extend(blocks);
                }
                _ => {
                    if line.is_none() && self.has_text(c) {
                        line = Some(self.nodes[c].line);
                    }
                    self.inline(c, &mut buf, depth + 1);
                }
            }
        }
        flush_para(&mut buf, &mut line, &mut out);
        self.scope = entry_scope;
        out
    }

    /// The content of a section title that a page sets apart only by its class
    /// (`<p class="title">`, `<div class="section-heading">`, a lone `<span class="heading">`
    /// in a block): one short line, no sentence, with a class word that names a title and none
    /// that names an entry's field ("job-title") or the site's furniture.
    fn class_title(&mut self, node: usize, r: Role, depth: usize) -> Option<Vec<Inline>> {
        if !matches!(r, Role::Para | Role::Container) || depth > MAX_NESTING {
            return None;
        }
        // A bare `title` class is also a job title under a name; it titles sections when the
        // page repeats it, as headings repeat.
        let titled = |conv: &Self, n: usize| {
            conv.attr(n, "class").is_some_and(|c| {
                title_class(c)
                    .is_some_and(|sure| sure || conv.classes.get(c.trim()).is_some_and(|&k| k > 1))
            })
        };
        if !titled(self, node) {
            // A block holding nothing but one titled inline element.
            let mut only = None;
            for &c in self.children(node) {
                match &self.nodes[c].data {
                    Data::Text(t) if t.trim().is_empty() => {}
                    Data::Element { name, .. }
                        if role(&name.local) == Role::Inline && only.is_none() =>
                    {
                        only = Some(c)
                    }
                    Data::Other => {}
                    _ => return None,
                }
            }
            if !only.is_some_and(|c| titled(self, c)) {
                return None;
            }
        }
        // Blocks inside (a heading wrapped in a titled div) are read as they are.
        if self.children(node).iter().any(|&c| {
            self.element(c).is_some_and(|(n, _)| is_block(role(n)) && role(n) != Role::Rule)
                && !self.hidden(c)
        }) {
            return None;
        }
        let content = undecorate(self.inline_content(node, depth));
        let text = crate::parse::doc::plain(&content);
        let one_line = !content.iter().any(|i| matches!(i, Inline::LineBreak));
        let short =
            (1..=8).contains(&text.split_whitespace().count()) && text.chars().count() <= 60;
        (one_line && short && !text.ends_with(['.', ',', ';'])).then_some(content)
    }

    fn has_text(&self, node: usize) -> bool {
        match &self.nodes[node].data {
            Data::Text(t) => !t.trim().is_empty(),
            _ => true,
        }
    }

    fn block(&mut self, node: usize, r: Role, depth: usize) -> Vec<Block> {
        let line = self.nodes[node].line;
        if depth > MAX_NESTING {
            let t = self.text_content(node);
            return if t.is_empty() {
                Vec::new()
            } else {
                vec![Block::new(BlockKind::Para(vec![Inline::Text(t)]), line)]
            };
        }
        let one = |kind| vec![Block::new(kind, line)];
        match r {
            Role::Heading(level) => {
                let content = undecorate(self.inline_content(node, depth));
                if content.is_empty() {
                    Vec::new()
                } else {
                    one(BlockKind::Heading { level, content })
                }
            }
            Role::Para => {
                let content = self.inline_content(node, depth);
                if content.is_empty() {
                    return Vec::new();
                }
                let content = if self.bold(node) { vec![Inline::Strong(content)] } else { content };
                // A paragraph's class says what it holds ("job-title", "dates"): kept as a
                // container around it, as for any other element with a class.
                let para = one(BlockKind::Para(content));
                match self.class_name(node) {
                    Some(class) => one(BlockKind::Div { class: Some(class), blocks: para }),
                    None => para,
                }
            }
            Role::List(ordered) => self.list(node, ordered, depth),
            Role::Definitions => self.definitions(node, depth),
            Role::Table => self.table(node, depth),
            Role::Quote => {
                let blocks = self.flow(node, depth);
                if blocks.is_empty() { Vec::new() } else { one(BlockKind::Quote(blocks)) }
            }
            Role::Pre => {
                let text = self.text_content_raw(node);
                let mut buf = InlineBuf::new();
                for l in text.lines().filter(|l| !l.trim().is_empty()) {
                    if !buf.is_empty() {
                        buf.push(Inline::LineBreak);
                    }
                    buf.push(Inline::Code(l.trim_end().to_string()));
                }
                let content = buf.finish();
                if content.is_empty() { Vec::new() } else { one(BlockKind::Para(content)) }
            }
            Role::Rule => one(BlockKind::Rule),
            Role::Container | Role::Item | Role::Term | Role::Description => {
                let blocks = self.flow(node, depth);
                let class = self.class_name(node);
                let name = self.element(node).map_or("", |(n, _)| n);
                match class {
                    _ if matches!(
                        name,
                        "html" | "body" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"
                    ) =>
                    {
                        blocks
                    }
                    None if blocks.len() <= 1 => blocks,
                    _ if blocks.is_empty() => blocks,
                    class => one(BlockKind::Div { class, blocks }),
                }
            }
            _ => Vec::new(),
        }
    }

    /// A container's class attribute (whitespace collapsed), else its id.
    fn class_name(&self, node: usize) -> Option<String> {
        let class =
            self.attr(node, "class").map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "));
        class.filter(|c| !c.is_empty()).or_else(|| {
            self.attr(node, "id").map(str::trim).filter(|i| !i.is_empty()).map(String::from)
        })
    }

    /// `<li>`s are items; anything else a list holds (a heading in an unclosed `<ul>`) stands
    /// between list parts as the block it is, as a browser shows it.
    fn list(&mut self, node: usize, ordered: bool, depth: usize) -> Vec<Block> {
        let line = self.nodes[node].line;
        let mut out = Vec::new();
        let mut items: Vec<Vec<Block>> = Vec::new();
        let mut item_line = line;
        for &c in self.children(node) {
            let r = self.element(c).map(|(n, _)| role(n));
            if self.hidden(c) {
                continue;
            }
            match r {
                Some(Role::Item) => {
                    if items.is_empty() {
                        item_line = self.nodes[c].line;
                    }
                    items.push(self.flow(c, depth + 1));
                }
                Some(r) if is_block(r) => {
                    if !items.is_empty() {
                        out.push(Block::new(
                            BlockKind::List { ordered, items: std::mem::take(&mut items) },
                            item_line,
                        ));
                    }
                    out.extend(self.block(c, r, depth + 1));
                }
                _ => {
                    // Stray text or inline markup in a list: its own paragraph.
                    let mut buf = InlineBuf::new();
                    self.inline(c, &mut buf, depth + 1);
                    let content = buf.finish();
                    if !content.is_empty() {
                        if !items.is_empty() {
                            out.push(Block::new(
                                BlockKind::List { ordered, items: std::mem::take(&mut items) },
                                item_line,
                            ));
                        }
                        out.push(Block::new(BlockKind::Para(content), self.nodes[c].line));
                    }
                }
            }
        }
        if !items.is_empty() {
            out.push(Block::new(BlockKind::List { ordered, items }, item_line));
        }
        out
    }

    /// `<dt>` opens a definition, `<dd>`s fill its body (`<div>` groups are looked into).
    fn definitions(&mut self, node: usize, depth: usize) -> Vec<Block> {
        let mut defs: Vec<Definition> = Vec::new();
        self.collect_definitions(node, depth, &mut defs);
        if defs.is_empty() {
            return Vec::new();
        }
        vec![Block::new(BlockKind::Definitions(defs), self.nodes[node].line)]
    }

    fn collect_definitions(&mut self, node: usize, depth: usize, defs: &mut Vec<Definition>) {
        for &c in self.children(node) {
            if self.hidden(c) || depth > MAX_NESTING {
                continue;
            }
            match self.element(c).map(|(n, _)| role(n)) {
                Some(Role::Term) => {
                    let term = self.inline_content(c, depth + 1);
                    defs.push(Definition { term, body: Vec::new() });
                }
                Some(Role::Description) => {
                    let body = self.flow(c, depth + 1);
                    match defs.last_mut() {
                        Some(d) => d.body.extend(body),
                        None => defs.push(Definition { term: Vec::new(), body }),
                    }
                }
                Some(Role::Container) => self.collect_definitions(c, depth + 1, defs),
                _ => {}
            }
        }
    }

    /// Rows of `<td>`/`<th>` cells, looked for through `<thead>`, `<tbody>` and `<tfoot>`;
    /// a `<caption>` is a paragraph before the table.
    fn table(&mut self, node: usize, depth: usize) -> Vec<Block> {
        let mut out = Vec::new();
        let mut rows = Vec::new();
        self.collect_rows(node, depth, false, &mut rows, &mut out);
        if !rows.is_empty() {
            out.push(Block::new(BlockKind::Table(rows), self.nodes[node].line));
        }
        out
    }

    fn collect_rows(
        &mut self,
        node: usize,
        depth: usize,
        head: bool,
        rows: &mut Vec<Row>,
        out: &mut Vec<Block>,
    ) {
        if depth > MAX_NESTING {
            return;
        }
        for &c in self.children(node) {
            if self.hidden(c) {
                continue;
            }
            match self.element(c).map(|(n, _)| n) {
                Some("thead") => self.collect_rows(c, depth + 1, true, rows, out),
                Some("tbody") | Some("tfoot") => self.collect_rows(c, depth + 1, head, rows, out),
                Some("caption") => out.extend(self.block(c, Role::Para, depth + 1)),
                Some("tr") => {
                    let mut cells = Vec::new();
                    let mut all_th = true;
                    for &cell in self.children(c) {
                        match self.element(cell).map(|(n, _)| n) {
                            Some(n @ ("td" | "th")) if cells.len() < MAX_COLUMNS => {
                                all_th &= n == "th";
                                cells.push(self.flow(cell, depth + 2));
                            }
                            _ => {}
                        }
                    }
                    if !cells.is_empty() {
                        rows.push(Row { cells, header: head || all_th });
                    }
                }
                _ => {}
            }
        }
    }

    /// The inline content of an element (blocks inside it are read as lines of it).
    fn inline_content(&mut self, node: usize, depth: usize) -> Vec<Inline> {
        let mut buf = InlineBuf::new();
        for &c in self.children(node) {
            self.inline(c, &mut buf, depth + 1);
        }
        buf.finish()
    }

    /// The element's inline style, lower case and without spaces ("font-weight:700").
    fn style(&self, node: usize) -> String {
        self.attr(node, "style").unwrap_or("").to_ascii_lowercase().replace(' ', "")
    }

    /// Set bold by its inline style (`font-weight: bold`, `600` and heavier).
    fn bold(&self, node: usize) -> bool {
        self.style(node).split(';').any(|d| {
            d.strip_prefix("font-weight:").is_some_and(|w| {
                matches!(
                    w.trim_end_matches("!important"),
                    "bold" | "bolder" | "600" | "700" | "800" | "900"
                )
            })
        })
    }

    fn inline(&mut self, node: usize, buf: &mut InlineBuf, depth: usize) {
        let role = match &self.nodes[node].data {
            Data::Text(t) => {
                push_text(t, buf);
                return;
            }
            Data::Element { name, .. } => role(&name.local),
            Data::Document | Data::Other => return,
        };
        if self.hidden(node) {
            return;
        }
        if depth > MAX_NESTING {
            buf.text(&format!(" {} ", self.text_content(node)));
            return;
        }
        match role {
            Role::Break => buf.push(Inline::LineBreak),
            Role::Strong => buf.push(Inline::Strong(self.inline_content(node, depth))),
            Role::Emph => buf.push(Inline::Emph(self.inline_content(node, depth))),
            Role::Code => buf.push(Inline::Code(self.text_content(node))),
            Role::Link => {
                let content = self.inline_content(node, depth);
                let href = self.attr(node, "href").map(str::trim).unwrap_or("");
                let useful = !href.is_empty()
                    && !href.starts_with('#')
                    && !href.to_ascii_lowercase().starts_with("javascript:");
                if useful {
                    buf.push(Inline::Link { target: href.to_string(), content });
                } else {
                    content.into_iter().for_each(|i| buf.push(i));
                }
            }
            Role::Rule => buf.push(Inline::LineBreak),
            r if is_block(r) => {
                // A block inside inline content (a heading in a link): its own line.
                buf.push(Inline::SoftBreak);
                for i in self.inline_content(node, depth) {
                    buf.push(i);
                }
                buf.push(Inline::SoftBreak);
            }
            _ if self.bold(node) => buf.push(Inline::Strong(self.inline_content(node, depth))),
            _ => {
                for &c in self.children(node) {
                    self.inline(c, buf, depth + 1);
                }
            }
        }
    }

    /// All text inside, whitespace collapsed; iterative, for any depth.
    fn text_content(&self, node: usize) -> String {
        crate::parse::doc::collapse(&self.text_content_raw(node))
    }

    fn text_content_raw(&self, node: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                Data::Text(t) => out.push_str(t),
                Data::Element { .. } if n != node && self.hidden(n) => {}
                Data::Element { name, .. } if &*name.local == "br" => out.push('\n'),
                _ => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        out
    }
}

/// Text as the browser lays it out: runs of whitespace are one space, and a line break in
/// the source is a soft break.
fn push_text(t: &str, buf: &mut InlineBuf) {
    let mut first = true;
    for part in t.split('\n') {
        if !first {
            buf.push(Inline::SoftBreak);
        }
        first = false;
        buf.text(part);
    }
}

fn flush_para(buf: &mut InlineBuf, line: &mut Option<u32>, out: &mut Vec<Block>) {
    let content = std::mem::take(buf).finish();
    if !content.is_empty() {
        out.push(Block::new(BlockKind::Para(content), line.unwrap_or(0)));
    }
    *line = None;
}

/// Class words that name a title: `title`, `heading`, a section's `header`; `Some(true)`
/// when they name a section's heading for sure (`heading`, `section-title`), `Some(false)`
/// for a bare `title`. Words that name an entry's field or the site's furniture disqualify
/// the class.
fn title_class(class: &str) -> Option<bool> {
    const TITLE: [&str; 5] =
        ["title", "heading", "sectiontitle", "sectionheading", "sectionheader"];
    const NOT: [&str; 28] = [
        "job",
        "position",
        "role",
        "company",
        "employer",
        "org",
        "organization",
        "organisation",
        "degree",
        "school",
        "institution",
        "project",
        "date",
        "dates",
        "period",
        "place",
        "location",
        "sub",
        "subtitle",
        "item",
        "entry",
        "post",
        "card",
        "name",
        "page",
        "site",
        "nav",
        "modal",
    ];
    let mut words = Vec::new();
    for token in class.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        // camelCase: "sectionTitle" is "section" "title".
        let mut word = String::new();
        for ch in token.chars() {
            if ch.is_uppercase() && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.extend(ch.to_lowercase());
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    let section = words.iter().any(|w| w == "section");
    let titled = words.iter().any(|w| {
        TITLE.contains(&w.as_str()) || (section && matches!(w.as_str(), "header" | "head"))
    });
    if !titled || words.iter().any(|w| NOT.contains(&w.as_str())) {
        return None;
    }
    Some(section || words.iter().any(|w| w != "title" && TITLE.contains(&w.as_str())))
}

/// A title without the brackets a page decorates it with: `{Skills}`, `[ Work ]`,
/// `<Jane Roe/>`. Only a pair around the whole text, with no other bracket of its kind inside.
fn undecorate(mut content: Vec<Inline>) -> Vec<Inline> {
    const PAIRS: [(char, &str); 3] = [('{', "}"), ('[', "]"), ('<', ">")];
    let (Some(Inline::Text(first)), Some(Inline::Text(last))) = (content.first(), content.last())
    else {
        return content;
    };
    let text = crate::parse::doc::plain(&content);
    let Some(&(open, close)) = PAIRS.iter().find(|(o, c)| {
        first.trim_start().starts_with(*o)
            && last.trim_end().ends_with(c)
            && text.matches(*o).count() == 1
            && text.matches(c).count() == 1
    }) else {
        return content;
    };
    if let Some(Inline::Text(t)) = content.first_mut() {
        *t = t.trim_start().trim_start_matches(open).to_string();
    }
    if let Some(Inline::Text(t)) = content.last_mut() {
        let s = t.trim_end().trim_end_matches(close);
        // `<Name/>` closes like an element.
        let s = if open == '<' { s.trim_end_matches('/') } else { s };
        *t = s.to_string();
    }
    normalise_inlines(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(src: &str) -> String {
        read(src).outline()
    }

    #[test]
    fn a_fictional_resume_reads_into_the_tree() {
        let src = include_str!("../../../tests/fixtures/readers/resume.html");
        insta::assert_snapshot!(outline(src));
    }

    #[test]
    fn broken_html_is_read_as_a_browser_shows_it() {
        let src =
            "<h2>Skills</h2>\n<ul><li>Welding<li>Drafting\n<p>unclosed\n<h3>Next</h3><p>x<b>y</p>z";
        assert_eq!(
            outline(src),
            "H2@1 Skills\nUL@2\n  -\n    P@2 Welding\n  -\n    P@2 Drafting\n    P@3 unclosed\n    H3@4 Next\n    P@4 x*y*\n    P@4 *z*\n"
        );
    }

    #[test]
    fn site_menus_and_copyright_footers_are_not_read() {
        let src = "<nav><a href=\"#work\">Work</a> <a href=\"/blog\">Blog</a></nav>\n\
                   <p>Content</p>\n\
                   <footer><p>&copy; 2024 Ada. Built with a generator.</p></footer>";
        assert_eq!(outline(src), "P@2 Content\n");
        // A menu or footer linking out holds the person's profiles: it is read.
        let src = "<nav><a href=\"https://github.com/ada\">GitHub</a></nav>\n\
                   <footer>Copyright Ada <a href=\"mailto:ada@example.org\">mail</a></footer>";
        let out = outline(src);
        assert!(out.contains("GitHub") && out.contains("mailto:ada@example.org"), "{out}");
    }

    #[test]
    fn template_code_and_hidden_text_are_not_read() {
        let src = "<?php include 'x.php'; $a->b(); ?>\n<p>{% if x %}Seen{% endif %}</p>\
                   <p style=\"display: none\">Hidden</p><span class=\"sr-only\">Hidden</span><script>var a;</script>";
        assert_eq!(outline(src), "P@2 Seen\n");
        assert_eq!(strip_template_code("a<?php\nx\n?>b{{ y }}c"), "a\n\nbc");
    }

    #[test]
    fn titles_set_by_their_class_are_headings() {
        let src = "<h1>Jane Roe</h1>\n\
                   <div class=\"cv-section\"><p class=\"section-title\">{<span>Work</span>}</p>\n\
                   <div class=\"job\"><div class=\"job-title\">Glazier</div><p>Acme, 2019</p></div></div>\n\
                   <div class=\"cv-section\"><div><span class=\"heading\">Education</span></div>\n\
                   <p class=\"title\">Studied glazing at Northwind University for three years.</p></div>";
        assert_eq!(
            outline(src),
            "H1@1 Jane Roe\nDIV@2 cv-section\n  H2@2 Work\n  DIV@3 job\n    DIV@3 job-title\n      P@3 Glazier\n    P@3 Acme, 2019\n\
             DIV@4 cv-section\n  H2@4 Education\n  DIV@5 title\n    P@5 Studied glazing at Northwind University for three years.\n"
        );
        // Under a real section heading, a class title is one level below it; a bare `title`
        // class titles something when the page repeats it.
        let src = "<h2>Work</h2><div class=\"title\">Acme</div><p>2019</p>\
                   <div class=\"title\">Globex</div><h2>Skills</h2>";
        assert_eq!(outline(src), "H2@1 Work\nH3@1 Acme\nP@1 2019\nH3@1 Globex\nH2@1 Skills\n");
        // Once, under the name, it is the person's label.
        let src = "<h1>Jane Roe</h1><p class=\"title\">Glazier</p>";
        assert_eq!(outline(src), "H1@1 Jane Roe\nDIV@1 title\n  P@1 Glazier\n");
    }

    #[test]
    fn decorated_headings_and_bold_styles_read_as_shown() {
        let src = "<h1>&lt;Jane Roe/&gt;</h1><h2>[ Skills ]</h2><h2>{a} and {b}</h2>\
                   <p><span style=\"font-weight: 700\">Kilns</span>: raku</p>";
        assert_eq!(
            outline(src),
            "H1@1 Jane Roe\nH2@1 Skills\nH2@1 {a} and {b}\nP@1 *Kilns*: raku\n"
        );
    }

    #[test]
    fn title_classes_name_a_title_not_a_field() {
        assert_eq!(title_class("section-title"), Some(true));
        assert_eq!(title_class("cv_heading big"), Some(true));
        assert_eq!(title_class("sectionHeader"), Some(true));
        assert_eq!(title_class("title"), Some(false));
        assert_eq!(title_class("job-title"), None);
        assert_eq!(title_class("subtitle"), None);
        assert_eq!(title_class("section"), None);
        assert_eq!(title_class("page-header"), None);
    }

    #[test]
    fn copies_hidden_on_screen_by_their_class_are_not_read() {
        let src = "<h1>Jane Roe</h1><p>Glazier at Acme since 2019, firing stoneware.</p>\
                   <div class=\"d-none d-print-block\"><p>Jane Roe, glazier</p></div>\
                   <p class=\"hidden md:block\">Shown on wide screens</p>\
                   <p class=\"hidden-xs\">Shown on desktops</p>";
        assert_eq!(
            outline(src),
            "H1@1 Jane Roe\nP@1 Glazier at Acme since 2019, firing stoneware.\n\
             DIV@1 hidden md:block\n  P@1 Shown on wide screens\nDIV@1 hidden-xs\n  P@1 Shown on desktops\n"
        );
        // A page that hides all of itself until a script shows it is read.
        assert_eq!(
            outline("<div class=\"invisible\"><p>Everything shown</p></div>"),
            "DIV@1 invisible\n  P@1 Everything shown\n"
        );
    }

    #[test]
    fn deep_nesting_is_read_flat() {
        let src = format!("{}deep text{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert_eq!(outline(&src).trim_end(), "P@1 deep text");
        let capped = cap_nesting(&format!("{}x", "<p><span>".repeat(200)));
        assert_eq!(capped.matches('<').count(), MAX_OPEN_ELEMENTS);
        let page = "<div><!-- <div> --><br><img src=a><p>x</p></div>";
        assert_eq!(cap_nesting(page), page);
    }
}
