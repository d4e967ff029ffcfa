//! The document tree: what every reader produces and all interpretation reads.
//!
//! Like pandoc's AST, one small typed tree serves every input format. A reader (Markdown, plain
//! text, reStructuredText, Org, AsciiDoc, LaTeX, HTML, PDF, DOCX) turns its input into a
//! [`Document`]; nothing after a reader knows which format it came from. The tree keeps the
//! structure a document carries (headings, wrapped paragraphs, nested lists, definition lists,
//! tables, key–value fields, emphasis and links) and where each block came from.
//!
//! Conventions every reader follows, so that interpretation can rely on them:
//! - Markup never reaches text: no `**`, `\textbf`, `<b>`, bullet glyphs or list numbers.
//! - Lines of one paragraph are joined with [`Inline::SoftBreak`] (a line break in the source
//!   that a renderer would reflow) or [`Inline::LineBreak`] (one it would keep). A reader does
//!   not guess whether a short line ends a paragraph: it keeps the break and interpretation
//!   decides between prose and a stack of header lines.
//! - Cells set apart on one line (whitespace-aligned columns, a right-aligned date, a Word tab
//!   stop, a LaTeX `&`) are [`BlockKind::Table`] cells, not text with gaps.
//! - Whitespace inside [`Inline::Text`] is collapsed to single spaces.

use std::fmt::Write as _;

/// A whole input document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Metadata the format carries outside the body, as `(key, value)` in source order, keys
    /// lower-case: Markdown front matter's plain scalars (`title`, `author`), Org `#+TITLE`,
    /// LaTeX `\name{..}{..}` / `\email{..}`, HTML `<title>`, PDF and DOCX document properties.
    pub meta: Vec<(String, String)>,
    /// A Markdown file's YAML front matter, verbatim: it may hold JSON Resume fields that
    /// override what interpretation finds.
    pub front_matter: Option<String>,
}

/// One block with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub pos: Pos,
}

/// Where a block starts in its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pos {
    /// 1-based line of the source text; for PDF the running line number of the extraction,
    /// for DOCX the paragraph number.
    pub line: u32,
    /// Page geometry and font, for readers of laid-out documents (PDF); `None` elsewhere.
    pub layout: Option<Box<Layout>>,
}

/// Geometry and font of a block on a laid-out page, in PDF points from the page's top left.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub page: u16,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    /// The dominant font size of the block, in points.
    pub font_size: f32,
    pub bold: bool,
    pub italic: bool,
    /// The page column the block was read from (0 = first in reading order).
    pub column: u8,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A heading; level 1 is the top (a document title or a name is often the only level 1).
    Heading { level: u8, content: Vec<Inline> },
    /// A paragraph; its source lines are joined with soft or hard breaks.
    Para(Vec<Inline>),
    /// A list; each item is a list of blocks (nested lists are blocks of an item).
    List { ordered: bool, items: Vec<Vec<Block>> },
    /// Terms with their descriptions (Markdown/Org/rst/AsciiDoc definition lists, HTML `<dl>`,
    /// `Term` followed by indented lines in plain text).
    Definitions(Vec<Definition>),
    /// Rows of cells; each cell is a list of blocks (usually one paragraph; nested tables and
    /// lists happen in HTML and DOCX).
    Table(Vec<Row>),
    /// Explicit key–value fields (rst field lists, Org properties, `\cvitem{key}{value}`).
    Fields(Vec<Field>),
    /// A container the source groups blocks with (HTML `<section>`/`<div>`, an AsciiDoc
    /// block, a LaTeX environment, a DOCX text box); `class` is its class or role name when
    /// the source gives one ("resume-item", "experience").
    Div { class: Option<String>, blocks: Vec<Block> },
    /// A block quote (or indented block that is not a list).
    Quote(Vec<Block>),
    /// A thematic break / horizontal rule.
    Rule,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    pub term: Vec<Inline>,
    pub body: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Vec<Block>>,
    /// A header row (`<th>`, the row above a Markdown `|---|`).
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: Vec<Inline>,
    pub value: Vec<Inline>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text, whitespace collapsed.
    Text(String),
    /// Bold, or anything a reader knows is set as a strong label (a heading font run).
    Strong(Vec<Inline>),
    /// Italic or otherwise emphasised.
    Emph(Vec<Inline>),
    /// A link; `target` as written (a `mailto:` target keeps its scheme).
    Link { target: String, content: Vec<Inline> },
    /// Inline code or verbatim text.
    Code(String),
    /// A line break the source would reflow (a wrapped line).
    SoftBreak,
    /// A line break the source keeps (Markdown two spaces or `\`, LaTeX `\\`, HTML `<br>`).
    LineBreak,
}

impl Block {
    pub fn new(kind: BlockKind, line: u32) -> Block {
        Block { kind, pos: Pos { line, layout: None } }
    }

    /// The block's inline content, for headings and paragraphs.
    pub fn inlines(&self) -> Option<&[Inline]> {
        match &self.kind {
            BlockKind::Heading { content, .. } | BlockKind::Para(content) => Some(content),
            _ => None,
        }
    }

    /// The block's text with breaks as spaces, every nested block included.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        push_block_text(self, &mut out);
        collapse(&out)
    }
}

fn push_block_text(block: &Block, out: &mut String) {
    let sep = |out: &mut String| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    match &block.kind {
        BlockKind::Heading { content, .. } | BlockKind::Para(content) => {
            sep(out);
            out.push_str(&plain(content));
        }
        BlockKind::List { items, .. } => {
            for b in items.iter().flatten() {
                push_block_text(b, out);
            }
        }
        BlockKind::Definitions(defs) => {
            for d in defs {
                sep(out);
                out.push_str(&plain(&d.term));
                for b in &d.body {
                    push_block_text(b, out);
                }
            }
        }
        BlockKind::Table(rows) => {
            for b in rows.iter().flat_map(|r| r.cells.iter()).flatten() {
                push_block_text(b, out);
            }
        }
        BlockKind::Fields(fields) => {
            for f in fields {
                sep(out);
                out.push_str(&plain(&f.key));
                out.push_str(": ");
                out.push_str(&plain(&f.value));
            }
        }
        BlockKind::Div { blocks, .. } | BlockKind::Quote(blocks) => {
            for b in blocks {
                push_block_text(b, out);
            }
        }
        BlockKind::Rule => {}
    }
}

/// The text of inlines with every break as a space, whitespace collapsed.
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(inlines, &mut out, " ");
    collapse(&out)
}

/// The text of inlines split at breaks (soft and hard): one string per source line, each
/// collapsed, empty ones dropped.
pub fn lines(inlines: &[Inline]) -> Vec<String> {
    let mut out = String::new();
    push_inline_text(inlines, &mut out, "\n");
    out.lines().map(collapse).filter(|l| !l.is_empty()).collect()
}

fn push_inline_text(inlines: &[Inline], out: &mut String, brk: &str) {
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { content: c, .. } => {
                push_inline_text(c, out, brk)
            }
            Inline::SoftBreak | Inline::LineBreak => out.push_str(brk),
        }
    }
}

/// Every link in the inlines as `(text, target)`, in order.
pub fn links(inlines: &[Inline]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit_inlines(inlines, &mut |i| {
        if let Inline::Link { target, content } = i {
            out.push((plain(content), target.clone()));
        }
    });
    out
}

/// The texts of the strong spans, in order (nested strong spans are part of their outer one).
pub fn strong_spans(inlines: &[Inline]) -> Vec<String> {
    let mut out = Vec::new();
    collect_strong(inlines, &mut out);
    out
}

fn collect_strong(inlines: &[Inline], out: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Strong(c) => {
                let t = plain(c);
                if !t.is_empty() {
                    out.push(t);
                }
            }
            Inline::Emph(c) | Inline::Link { content: c, .. } => collect_strong(c, out),
            _ => {}
        }
    }
}

/// Calls `f` on every inline, depth first.
pub fn visit_inlines(inlines: &[Inline], f: &mut impl FnMut(&Inline)) {
    for i in inlines {
        f(i);
        if let Inline::Strong(c) | Inline::Emph(c) | Inline::Link { content: c, .. } = i {
            visit_inlines(c, f);
        }
    }
}

/// Whitespace runs become one space; leading and trailing whitespace goes.
pub fn collapse(s: &str) -> String {
    // Most text is collapsed already: one check instead of a rebuild.
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Text whose only whitespace is single spaces between words, in one pass over the bytes:
/// other ASCII whitespace (tab, line breaks, vertical tab, form feed) sends the text through
/// the full collapse. Every non-ASCII space (U+0085, U+00A0, U+1680, U+2000–U+3000) opens
/// with the byte C2, E1, E2 or E3; only a text holding one of those is checked by character.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    // A space at the start counts as following a space.
    let mut after_space = true;
    let mut may_hold_wide_space = false;
    for &c in b {
        if !c.is_ascii() {
            may_hold_wide_space |= matches!(c, 0xc2 | 0xe1 | 0xe2 | 0xe3);
            after_space = false;
            continue;
        }
        if matches!(c, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            return false;
        }
        let space = c == b' ';
        if space && after_space {
            return false;
        }
        after_space = space;
    }
    (b.is_empty() || !after_space)
        && !(may_hold_wide_space && s.chars().any(|c| !c.is_ascii() && c.is_whitespace()))
}

/// Builds inline content, merging adjacent text and collapsing whitespace, so that readers
/// need not care how their input splits text.
#[derive(Debug, Default)]
pub struct InlineBuf {
    out: Vec<Inline>,
}

impl InlineBuf {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some(Inline::Text(prev)) = self.out.last_mut() {
            prev.push_str(t);
        } else {
            self.out.push(Inline::Text(t.to_string()));
        }
    }

    pub fn push(&mut self, inline: Inline) {
        match inline {
            Inline::Text(t) => self.text(&t),
            other => self.out.push(other),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.out.iter().all(|i| match i {
            Inline::Text(t) => t.trim().is_empty(),
            Inline::SoftBreak | Inline::LineBreak => true,
            _ => false,
        })
    }

    /// The finished inlines: text collapsed, breaks at either end and empty spans dropped.
    pub fn finish(self) -> Vec<Inline> {
        normalise_inlines(self.out)
    }
}

/// Collapses whitespace in text, drops empty text and spans, merges adjacent text, and trims
/// breaks and spaces at both ends (the invariants of [`Inline`] content).
pub fn normalise_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        let i = match i {
            Inline::Text(t) => {
                // Keep one space at a boundary so "a **b**" stays two words.
                let lead = t.starts_with(char::is_whitespace);
                let trail = t.ends_with(char::is_whitespace);
                let mid = collapse(&t);
                if mid.is_empty() {
                    if lead || trail { Inline::Text(" ".into()) } else { continue }
                } else {
                    let mut s = String::with_capacity(mid.len() + 2);
                    if lead {
                        s.push(' ');
                    }
                    s.push_str(&mid);
                    if trail {
                        s.push(' ');
                    }
                    Inline::Text(s)
                }
            }
            Inline::Strong(c) => {
                let c = normalise_inlines(c);
                if c.is_empty() {
                    continue;
                }
                Inline::Strong(c)
            }
            Inline::Emph(c) => {
                let c = normalise_inlines(c);
                if c.is_empty() {
                    continue;
                }
                Inline::Emph(c)
            }
            Inline::Link { target, content } => {
                Inline::Link { target, content: normalise_inlines(content) }
            }
            Inline::Code(t) if t.trim().is_empty() => continue,
            other => other,
        };
        match (out.last_mut(), i) {
            (Some(Inline::Text(prev)), Inline::Text(t)) => {
                if prev.ends_with(' ') && t.starts_with(' ') {
                    prev.push_str(&t[1..]);
                } else {
                    prev.push_str(&t);
                }
            }
            (Some(Inline::SoftBreak | Inline::LineBreak), Inline::SoftBreak) => {}
            (Some(last @ Inline::SoftBreak), Inline::LineBreak) => *last = Inline::LineBreak,
            (_, i) => out.push(i),
        }
    }
    trim_inline_ends(&mut out);
    out
}

fn trim_inline_ends(out: &mut Vec<Inline>) {
    while matches!(out.first(), Some(Inline::SoftBreak | Inline::LineBreak)) {
        out.remove(0);
    }
    while matches!(out.last(), Some(Inline::SoftBreak | Inline::LineBreak)) {
        out.pop();
    }
    if let Some(Inline::Text(t)) = out.first_mut() {
        let s = t.trim_start().to_string();
        *t = s;
    }
    if let Some(Inline::Text(t)) = out.last_mut() {
        let s = t.trim_end().to_string();
        *t = s;
    }
    // Spaces next to a break are not content.
    for k in 0..out.len() {
        let brk_before = k > 0 && matches!(out[k - 1], Inline::SoftBreak | Inline::LineBreak);
        let brk_after = matches!(out.get(k + 1), Some(Inline::SoftBreak | Inline::LineBreak));
        if let Inline::Text(t) = &mut out[k] {
            if brk_before {
                *t = t.trim_start().to_string();
            }
            if brk_after {
                *t = t.trim_end().to_string();
            }
        }
    }
    out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    // Dropping blank text can leave a break at an end ("a⏎ " → "a⏎").
    if matches!(out.first(), Some(Inline::SoftBreak | Inline::LineBreak))
        || matches!(out.last(), Some(Inline::SoftBreak | Inline::LineBreak))
    {
        trim_inline_ends(out);
    }
}

impl Document {
    /// Every block depth first (a list's items, a table's cells, a div's children after the
    /// block that holds them), with its depth of nesting.
    pub fn walk(&self) -> Vec<(usize, &Block)> {
        let mut out = Vec::new();
        for b in &self.blocks {
            walk_block(b, 0, &mut out);
        }
        out
    }

    /// A compact, stable text rendering of the tree for snapshot tests and `--debug-tree`:
    /// one block per line, indented by nesting, inlines in a pandoc-like notation
    /// (`*strong*`, `_emph_`, `[text](target)`, `` `code` ``, `⏎` soft break, `↵` hard break).
    pub fn outline(&self) -> String {
        let mut out = String::new();
        for (k, v) in &self.meta {
            let _ = writeln!(out, "meta {k}: {v:?}");
        }
        if let Some(fm) = &self.front_matter {
            let _ = writeln!(out, "front-matter {} lines", fm.lines().count());
        }
        for b in &self.blocks {
            outline_block(b, 0, &mut out);
        }
        out
    }
}

impl Document {
    /// The first way the tree breaks the conventions every reader follows (see the module
    /// doc), for readers' tests and fuzzers: inline content not normalised (whitespace not
    /// collapsed, breaks or blanks at an end, empty spans), an empty heading or paragraph, a
    /// heading level outside 1–6.
    pub fn broken_convention(&self) -> Option<String> {
        let check = |what: &str, line: u32, c: &[Inline]| -> Option<String> {
            if normalise_inlines(c.to_vec()) != c {
                return Some(format!("{what}@{line} is not normalised: {}", render_inlines(c)));
            }
            None
        };
        for (_, b) in self.walk() {
            let at = b.pos.line;
            let broken = match &b.kind {
                BlockKind::Heading { level, content } => {
                    if !(1..=6).contains(level) || content.is_empty() {
                        Some(format!("H{level}@{at} is empty or out of range"))
                    } else {
                        check("H", at, content)
                    }
                }
                BlockKind::Para(content) if content.is_empty() => Some(format!("P@{at} is empty")),
                BlockKind::Para(content) => check("P", at, content),
                BlockKind::Definitions(defs) => {
                    defs.iter().find_map(|d| check("term", at, &d.term))
                }
                BlockKind::Fields(fields) => fields.iter().find_map(|f| {
                    check("key", at, &f.key).or_else(|| check("value", at, &f.value))
                }),
                _ => None,
            };
            if broken.is_some() {
                return broken;
            }
        }
        None
    }
}

fn walk_block<'a>(b: &'a Block, depth: usize, out: &mut Vec<(usize, &'a Block)>) {
    out.push((depth, b));
    match &b.kind {
        BlockKind::List { items, .. } => {
            for c in items.iter().flatten() {
                walk_block(c, depth + 1, out);
            }
        }
        BlockKind::Definitions(defs) => {
            for c in defs.iter().flat_map(|d| d.body.iter()) {
                walk_block(c, depth + 1, out);
            }
        }
        BlockKind::Table(rows) => {
            for c in rows.iter().flat_map(|r| r.cells.iter()).flatten() {
                walk_block(c, depth + 1, out);
            }
        }
        BlockKind::Div { blocks, .. } | BlockKind::Quote(blocks) => {
            for c in blocks {
                walk_block(c, depth + 1, out);
            }
        }
        BlockKind::Heading { .. } | BlockKind::Para(_) | BlockKind::Fields(_) | BlockKind::Rule => {
        }
    }
}

fn outline_block(b: &Block, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    let at = b.pos.line;
    match &b.kind {
        BlockKind::Heading { level, content } => {
            let _ = writeln!(out, "{pad}H{level}@{at} {}", render_inlines(content));
        }
        BlockKind::Para(content) => {
            let _ = writeln!(out, "{pad}P@{at} {}", render_inlines(content));
        }
        BlockKind::List { ordered, items } => {
            let _ = writeln!(out, "{pad}{}@{at}", if *ordered { "OL" } else { "UL" });
            for item in items {
                let _ = writeln!(out, "{pad}  -");
                for c in item {
                    outline_block(c, depth + 2, out);
                }
            }
        }
        BlockKind::Definitions(defs) => {
            let _ = writeln!(out, "{pad}DL@{at}");
            for d in defs {
                let _ = writeln!(out, "{pad}  term {}", render_inlines(&d.term));
                for c in &d.body {
                    outline_block(c, depth + 2, out);
                }
            }
        }
        BlockKind::Table(rows) => {
            let _ = writeln!(out, "{pad}TABLE@{at}");
            for r in rows {
                let _ = writeln!(out, "{pad}  {}", if r.header { "header-row" } else { "row" });
                for cell in &r.cells {
                    let _ = writeln!(out, "{pad}    |");
                    for c in cell {
                        outline_block(c, depth + 3, out);
                    }
                }
            }
        }
        BlockKind::Fields(fields) => {
            let _ = writeln!(out, "{pad}FIELDS@{at}");
            for f in fields {
                let _ = writeln!(
                    out,
                    "{pad}  {} = {}",
                    render_inlines(&f.key),
                    render_inlines(&f.value)
                );
            }
        }
        BlockKind::Div { class, blocks } => {
            let _ = writeln!(out, "{pad}DIV@{at} {}", class.as_deref().unwrap_or(""));
            for c in blocks {
                outline_block(c, depth + 1, out);
            }
        }
        BlockKind::Quote(blocks) => {
            let _ = writeln!(out, "{pad}QUOTE@{at}");
            for c in blocks {
                outline_block(c, depth + 1, out);
            }
        }
        BlockKind::Rule => {
            let _ = writeln!(out, "{pad}RULE@{at}");
        }
    }
}

/// Inlines in the outline notation.
pub fn render_inlines(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(c) => {
                let _ = write!(out, "*{}*", render_inlines(c));
            }
            Inline::Emph(c) => {
                let _ = write!(out, "_{}_", render_inlines(c));
            }
            Inline::Link { target, content } => {
                let _ = write!(out, "[{}]({target})", render_inlines(content));
            }
            Inline::Code(t) => {
                let _ = write!(out, "`{t}`");
            }
            Inline::SoftBreak => out.push_str(" ⏎ "),
            Inline::LineBreak => out.push_str(" ↵ "),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn collapse_treats_every_unicode_space_as_whitespace() {
        // Clean text, ASCII or not, comes back as it is.
        assert_eq!(collapse("Zoë Roe – Acme"), "Zoë Roe – Acme");
        assert_eq!(collapse(""), "");
        // Runs, ends and non-ASCII spaces (no-break, em, ideographic) become single spaces.
        assert_eq!(collapse(" Zoë  Roe "), "Zoë Roe");
        assert_eq!(collapse("Zoë\u{a0}Roe\u{2003}–\u{3000}Acme\u{a0}"), "Zoë Roe – Acme");
        assert_eq!(collapse("Zoë\tRoe\nAcme"), "Zoë Roe Acme");
    }

    #[test]
    fn inline_buffers_merge_text_and_trim_breaks() {
        let mut b = InlineBuf::new();
        b.push(Inline::SoftBreak);
        b.text("  Senior ");
        b.text("  engineer ");
        b.push(Inline::Strong(vec![t("Acme")]));
        b.push(Inline::SoftBreak);
        b.text("  2019 –  2021  ");
        b.push(Inline::LineBreak);
        b.text("   ");
        assert_eq!(
            b.finish(),
            vec![
                t("Senior engineer "),
                Inline::Strong(vec![t("Acme")]),
                Inline::SoftBreak,
                t("2019 – 2021"),
            ]
        );
    }

    #[test]
    fn text_views_of_inlines() {
        let content = vec![
            Inline::Strong(vec![t("Lead")]),
            t(" at "),
            Inline::Link { target: "https://acme.example".into(), content: vec![t("Acme")] },
            Inline::SoftBreak,
            t("2019 - 2020"),
        ];
        assert_eq!(plain(&content), "Lead at Acme 2019 - 2020");
        assert_eq!(lines(&content), ["Lead at Acme", "2019 - 2020"]);
        assert_eq!(strong_spans(&content), ["Lead"]);
        assert_eq!(links(&content), [("Acme".to_string(), "https://acme.example".to_string())]);
    }

    #[test]
    fn outline_shows_structure() {
        let doc = Document {
            blocks: vec![
                Block::new(BlockKind::Heading { level: 2, content: vec![t("Skills")] }, 3),
                Block::new(
                    BlockKind::Definitions(vec![Definition {
                        term: vec![t("Languages")],
                        body: vec![Block::new(BlockKind::Para(vec![t("Rust, Go")]), 5)],
                    }]),
                    4,
                ),
            ],
            ..Default::default()
        };
        assert_eq!(doc.outline(), "H2@3 Skills\nDL@4\n  term Languages\n    P@5 Rust, Go\n");
        assert_eq!(doc.walk().len(), 3);
        assert_eq!(doc.blocks[1].plain(), "Languages Rust, Go");
    }
}
