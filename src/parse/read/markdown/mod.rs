//! The Markdown reader: CommonMark and GitHub's extensions (tables, definition lists, task
//! lists, strikethrough) through pulldown-cmark's events, into the document tree.
//!
//! Raw HTML is read for what it means: inline tags become breaks and spans ([`html`]), HTML
//! blocks are read by the HTML reader ([`super::html`]), and a page that is HTML throughout (a `.md` holding a site's resume
//! markup) is read as HTML, keeping its class names. A fenced or indented code block holds
//! text laid out by hand, so it is read by the plain-text reader. Every block keeps the
//! source line it starts on.

pub mod html;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::text;
use crate::parse::doc::{Block, BlockKind, Definition, Document, Inline, InlineBuf, Row};

/// Reads Markdown; `first_line` is the source line number of the text's first line.
pub fn read(markdown: &str, first_line: u32) -> Document {
    if mostly_html(markdown) {
        return Document {
            blocks: super::html::read_at(markdown, first_line).blocks,
            ..Default::default()
        };
    }
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_TASKLISTS;
    let lines = LineIndex::new(markdown, first_line);
    let mut b = Builder::new();
    for (event, range) in Parser::new_ext(markdown, opts).into_offset_iter() {
        b.line = lines.line_of(range.start);
        b.event(event, &markdown[range.clone()], &lines, range.start);
    }
    let blocks = b.finish();
    Document { blocks: super::split_pod_blocks(blocks), ..Default::default() }
}

/// A page whose lines are mostly HTML tags: read as HTML throughout, so that containers
/// opened and closed in different HTML blocks keep their nesting and class names.
pub fn mostly_html(markdown: &str) -> bool {
    let mut tagged = 0usize;
    let mut content = 0usize;
    for l in markdown.lines().map(str::trim).filter(|l| !l.is_empty()) {
        content += 1;
        if l.starts_with('<') {
            tagged += 1;
        }
    }
    content >= 5 && tagged * 10 >= content * 7
}

/// Byte offsets to 1-based line numbers.
struct LineIndex {
    starts: Vec<usize>,
    first_line: u32,
}

impl LineIndex {
    fn new(text: &str, first_line: u32) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, first_line }
    }

    fn line_of(&self, offset: usize) -> u32 {
        let i = self.starts.partition_point(|s| *s <= offset);
        i.saturating_sub(1) as u32 + self.first_line
    }
}

/// A container being built.
#[derive(Debug)]
enum Frame {
    Quote {
        blocks: Vec<Block>,
        line: u32,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
        line: u32,
    },
    Item(Vec<Block>),
    DefList {
        defs: Vec<Definition>,
        line: u32,
    },
    DefBody(Vec<Block>),
    Table {
        rows: Vec<Row>,
        line: u32,
    },
    Row {
        cells: Vec<Vec<Block>>,
        header: bool,
    },
    Cell(Vec<Block>),
    /// A footnote definition: its blocks go to the parent.
    Passthrough(Vec<Block>),
}

/// An open inline span.
#[derive(Debug)]
enum Span {
    Strong,
    Emph,
    Link(String),
    /// Strikethrough and other spans with no meaning here: their content is kept.
    Plain,
    /// An image: its alternative text is not resume text.
    Image,
}

/// What the current inline content will become.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Leaf {
    Para,
    Heading(u8),
    Term,
}

struct Builder {
    root: Vec<Block>,
    frames: Vec<Frame>,
    /// The open leaf: its kind, first line and content.
    leaf: Option<(Leaf, u32)>,
    buf: InlineBuf,
    spans: Vec<(Span, InlineBuf)>,
    /// The text of an open code block or HTML block, and its first line.
    verbatim: Option<(String, u32, bool)>,
    line: u32,
}

impl Builder {
    fn new() -> Self {
        Builder {
            root: Vec::new(),
            frames: Vec::new(),
            leaf: None,
            buf: InlineBuf::new(),
            spans: Vec::new(),
            verbatim: None,
            line: 1,
        }
    }

    fn event(&mut self, event: Event, source: &str, lines: &LineIndex, offset: usize) {
        if let Some((text, _, _)) = &mut self.verbatim {
            match event {
                Event::Text(t) | Event::Html(t) => {
                    text.push_str(&t);
                    return;
                }
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) => {}
                _ => return,
            }
        }
        match event {
            Event::Start(tag) => self.start(tag, source, lines, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text(&t)
            }
            Event::Html(h) | Event::InlineHtml(h) => self.inline_html(&h),
            Event::SoftBreak => self.push_inline(Inline::SoftBreak),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => {
                self.close_leaf();
                let line = self.line;
                self.container().push(Block::new(BlockKind::Rule, line));
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag, source: &str, lines: &LineIndex, offset: usize) {
        let line = self.line;
        match tag {
            Tag::Paragraph => self.open_leaf(Leaf::Para),
            Tag::Heading { level, .. } => self.open_leaf(Leaf::Heading(heading_level(level))),
            Tag::DefinitionListTitle => self.open_leaf(Leaf::Term),
            Tag::BlockQuote(_) => self.push_frame(Frame::Quote { blocks: Vec::new(), line }),
            Tag::List(first) => {
                self.push_frame(Frame::List { ordered: first.is_some(), items: Vec::new(), line })
            }
            Tag::Item => self.push_frame(Frame::Item(Vec::new())),
            Tag::DefinitionList => self.push_frame(Frame::DefList { defs: Vec::new(), line }),
            Tag::DefinitionListDefinition => self.push_frame(Frame::DefBody(Vec::new())),
            Tag::Table(_) => self.push_frame(Frame::Table { rows: Vec::new(), line }),
            Tag::TableHead => self.push_frame(Frame::Row { cells: Vec::new(), header: true }),
            Tag::TableRow => self.push_frame(Frame::Row { cells: Vec::new(), header: false }),
            Tag::TableCell => self.push_frame(Frame::Cell(Vec::new())),
            Tag::FootnoteDefinition(_) => self.push_frame(Frame::Passthrough(Vec::new())),
            Tag::CodeBlock(_) => {
                self.close_leaf();
                // The code starts on the line after a fence.
                let fenced = source.trim_start().starts_with(['`', '~']);
                let first = if fenced { lines.line_of(offset) + 1 } else { line };
                self.verbatim = Some((String::new(), first, false));
            }
            Tag::HtmlBlock => {
                self.close_leaf();
                self.verbatim = Some((String::new(), line, true));
            }
            Tag::Strong => self.spans.push((Span::Strong, InlineBuf::new())),
            Tag::Emphasis => self.spans.push((Span::Emph, InlineBuf::new())),
            Tag::Link { dest_url, .. } => {
                self.spans.push((Span::Link(dest_url.to_string()), InlineBuf::new()))
            }
            Tag::Image { .. } => self.spans.push((Span::Image, InlineBuf::new())),
            _ => self.spans.push((Span::Plain, InlineBuf::new())),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close_leaf(),
            TagEnd::DefinitionListTitle => {
                let content = self.take_inlines();
                self.leaf = None;
                if let Some(Frame::DefList { defs, .. }) = self.frames.last_mut() {
                    defs.push(Definition { term: content, body: Vec::new() });
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                if let Some((text, line, is_html)) = self.verbatim.take() {
                    let blocks = if is_html {
                        super::html::read_at(&text, line).blocks
                    } else {
                        let clean = super::normalise::normalise(&text);
                        text::read(&clean, line).blocks
                    };
                    self.container().extend(blocks);
                }
            }
            TagEnd::Strong
            | TagEnd::Emphasis
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => self.close_span(),
            TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition => {
                self.close_leaf();
                self.pop_frame();
            }
            _ => {}
        }
    }

    fn heading_or_para(&self) -> Leaf {
        self.leaf.map_or(Leaf::Para, |(l, _)| l)
    }

    fn open_leaf(&mut self, leaf: Leaf) {
        self.close_leaf();
        self.leaf = Some((leaf, self.line));
    }

    /// Inline content outside a paragraph (a tight list item, a table cell) opens an
    /// implicit paragraph.
    fn ensure_leaf(&mut self) {
        if self.leaf.is_none() {
            self.leaf = Some((Leaf::Para, self.line));
        }
    }

    fn text(&mut self, t: &str) {
        if matches!(self.spans.last(), Some((Span::Image, _))) {
            return;
        }
        self.ensure_leaf();
        self.buf_mut().text(t);
    }

    fn push_inline(&mut self, i: Inline) {
        self.ensure_leaf();
        self.buf_mut().push(i);
    }

    fn buf_mut(&mut self) -> &mut InlineBuf {
        match self.spans.last_mut() {
            Some((_, b)) => b,
            None => &mut self.buf,
        }
    }

    fn close_span(&mut self) {
        let Some((span, inner)) = self.spans.pop() else { return };
        let content = inner.finish();
        let done = match span {
            Span::Strong => Some(Inline::Strong(content)),
            Span::Emph => Some(Inline::Emph(content)),
            Span::Link(target) => {
                let content =
                    if content.is_empty() { vec![Inline::Text(target.clone())] } else { content };
                Some(Inline::Link { target, content })
            }
            Span::Plain => {
                for i in content {
                    self.buf_mut().push(i);
                }
                None
            }
            Span::Image => None,
        };
        if let Some(i) = done {
            self.ensure_leaf();
            self.buf_mut().push(i);
        }
    }

    fn inline_html(&mut self, h: &str) {
        if self.leaf.is_none() && h.trim_start().starts_with("<!--") {
            return;
        }
        match html::inline_tag(h) {
            html::InlineTag::Break => self.push_inline(Inline::LineBreak),
            html::InlineTag::OpenStrong => self.spans.push((Span::Strong, InlineBuf::new())),
            html::InlineTag::OpenEmph => self.spans.push((Span::Emph, InlineBuf::new())),
            html::InlineTag::OpenLink(target) => {
                self.spans.push((Span::Link(target), InlineBuf::new()))
            }
            html::InlineTag::CloseStrong
            | html::InlineTag::CloseEmph
            | html::InlineTag::CloseLink => {
                if !self.spans.is_empty() {
                    self.close_span();
                }
            }
            html::InlineTag::Nothing => {
                // Text inside a tag-like run that is not a tag ("a < b") is text.
                if !h.trim_start().starts_with('<') {
                    self.text(h);
                }
            }
        }
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        while !self.spans.is_empty() {
            self.close_span();
        }
        std::mem::take(&mut self.buf).finish()
    }

    fn close_leaf(&mut self) {
        if self.leaf.is_none() {
            return;
        }
        let leaf = self.heading_or_para();
        let line = self.leaf.map_or(self.line, |(_, l)| l);
        let mut content = self.take_inlines();
        without_attributes(&mut content);
        self.leaf = None;
        if content.is_empty() {
            return;
        }
        let kind = match leaf {
            Leaf::Heading(level) => BlockKind::Heading { level, content },
            Leaf::Para | Leaf::Term => BlockKind::Para(content),
        };
        self.container().push(Block::new(kind, line));
    }

    fn container(&mut self) -> &mut Vec<Block> {
        match self.frames.last_mut() {
            Some(
                Frame::Quote { blocks, .. }
                | Frame::Item(blocks)
                | Frame::DefBody(blocks)
                | Frame::Cell(blocks)
                | Frame::Passthrough(blocks),
            ) => blocks,
            _ => &mut self.root,
        }
    }

    fn push_frame(&mut self, f: Frame) {
        self.close_leaf();
        self.frames.push(f);
    }

    fn pop_frame(&mut self) {
        let Some(frame) = self.frames.pop() else { return };
        match frame {
            Frame::Quote { blocks, line } => {
                self.container().push(Block::new(BlockKind::Quote(blocks), line))
            }
            Frame::List { ordered, items, line } => {
                self.container().push(Block::new(BlockKind::List { ordered, items }, line))
            }
            Frame::Item(blocks) => {
                if let Some(Frame::List { items, .. }) = self.frames.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::DefList { defs, line } => {
                self.container().push(Block::new(BlockKind::Definitions(defs), line))
            }
            Frame::DefBody(blocks) => {
                if let Some(Frame::DefList { defs, .. }) = self.frames.last_mut() {
                    match defs.last_mut() {
                        Some(d) => d.body.extend(blocks),
                        None => defs.push(Definition { term: Vec::new(), body: blocks }),
                    }
                }
            }
            Frame::Table { rows, line } => {
                self.container().push(Block::new(BlockKind::Table(rows), line))
            }
            Frame::Row { cells, header } => {
                if let Some(Frame::Table { rows, .. }) = self.frames.last_mut() {
                    rows.push(Row { cells, header });
                }
            }
            Frame::Cell(blocks) => {
                if let Some(Frame::Row { cells, .. }) = self.frames.last_mut() {
                    cells.push(blocks);
                }
            }
            Frame::Passthrough(blocks) => self.container().extend(blocks),
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close_leaf();
        while !self.frames.is_empty() {
            self.pop_frame();
        }
        self.root
    }
}

/// A Pandoc or kramdown attribute block at the end of a line (`Qt {.breakable}`,
/// `{: #intro}`): styling markup, not text.
static ATTRIBUTES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\s*\{:?\s*[.#][A-Za-z][\w-]*(?:\s+[.#]?[A-Za-z][\w-]*(?:=[^\s{}]*)?)*\s*\}\s*$",
    )
    .expect("attribute pattern")
});

/// Drops the attribute blocks that end a paragraph's lines.
fn without_attributes(content: &mut Vec<Inline>) {
    for i in content.iter_mut() {
        if let Inline::Text(t) = i
            && let Some(m) = ATTRIBUTES.find(t)
        {
            t.truncate(m.start());
        }
    }
    content.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(md: &str) -> String {
        read(md, 1).outline()
    }

    #[test]
    fn headings_lists_and_emphasis() {
        assert_eq!(
            outline(
                "Ada Lovelace\n==\n\n## Work\n\n* [Acme](https://acme.example)\n\n  More about it.\n* **Lead** 2019 - 2020\n  Acme Corp\n"
            ),
            "H1@1 Ada Lovelace\nH2@4 Work\nUL@6\n  -\n    P@6 [Acme](https://acme.example)\n    P@8 More about it.\n  -\n    P@9 *Lead* 2019 - 2020 ⏎ Acme Corp\n"
        );
    }

    #[test]
    fn attribute_blocks_at_line_ends_are_markup() {
        assert_eq!(
            outline(
                "Git ·\nMake {.breakable}\n\n[Site](https://acme.example) {: #home .wide}\n\nSets {a, b}\n"
            ),
            "P@1 Git · ⏎ Make\nP@4 [Site](https://acme.example)\nP@6 Sets {a, b}\n"
        );
    }

    #[test]
    fn nested_lists_definition_lists_and_tables() {
        assert_eq!(
            outline(
                "- Coding:\n  - Python:\n    - NumPy\n\nTools\n: Git, Make\n\n| Year | Prize |\n|---|---|\n| 2019 | Best |\n"
            ),
            "UL@1\n  -\n    P@1 Coding:\n    UL@2\n      -\n        P@2 Python:\n        UL@3\n          -\n            P@3 NumPy\nDL@5\n  term Tools\n    P@6 Git, Make\nTABLE@8\n  header-row\n    |\n      P@8 Year\n    |\n      P@8 Prize\n  row\n    |\n      P@10 2019\n    |\n      P@10 Best\n"
        );
    }

    #[test]
    fn raw_html_and_code_blocks() {
        assert_eq!(
            outline(
                "**Acme** - 2019<br>\n_Intern_<br>\n• Did things<br>\n<p>&nbsp;</p>\n\n```\nSKILLS\n\nRust    Go\n```\n"
            ),
            "P@1 *Acme* - 2019 ↵ _Intern_ ↵ • Did things\nH2@7 SKILLS\nTABLE@9\n  row\n    |\n      P@9 Rust\n    |\n      P@9 Go\n"
        );
    }

    #[test]
    fn flattened_pod_items_are_split() {
        assert_eq!(
            outline("- **A =item * B =item * C**\n"),
            "UL@1\n  -\n    P@1 *A*\n  -\n    P@1 *B*\n  -\n    P@1 *C*\n"
        );
    }
}
