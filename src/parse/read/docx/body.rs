//! WordprocessingML content → blocks: paragraphs (headings by style or outline level, list
//! items by Word numbering or a typed bullet, tab stops as cells), runs (bold, italic, caps,
//! hidden text, breaks), hyperlinks and HYPERLINK fields, tables (nested ones too), and text
//! boxes, read once (the `mc:Choice` of an `mc:AlternateContent`, never also its VML
//! `mc:Fallback`), a cluster of floating ones in reading order.

use std::collections::HashMap;

use super::floats::{self, Page, Rect, Transform};
use super::styles::{NumRef, Numbering, Role, RunProps, Styles, outline_level};
use crate::parse::doc::{Block, BlockKind, Inline, Row, normalise_inlines};
use crate::parse::read::xml::Element;

/// Tables and text boxes nested deeper than this are read as far as this level only.
const MAX_NESTING: usize = 12;
/// Fields left open (a `begin` with no `end`) stop being tracked beyond this.
const MAX_FIELDS: usize = 32;

/// What the walk needs from the rest of the package.
pub struct Ctx<'a> {
    pub styles: &'a Styles,
    pub numbering: &'a Numbering,
    /// Relationship id → target (hyperlinks).
    pub rels: &'a HashMap<String, String>,
    pub page: Page,
    /// Running paragraph number, the blocks' `pos.line`.
    pub line: u32,
    /// Characters of text read so far.
    pub text_len: usize,
    /// Text boxes or tables were nested too deep to read in full.
    pub truncated: bool,
    depth: usize,
    fields: Vec<Field>,
}

/// An open complex field (`w:fldChar begin … separate … end`).
#[derive(Debug, Default)]
struct Field {
    instr: String,
    in_result: bool,
}

/// Formatting inherited by the runs of a paragraph or hyperlink.
#[derive(Debug, Clone, Default)]
struct Fmt {
    props: RunProps,
    link: Option<String>,
}

/// A piece of a paragraph's content before it is grouped into inlines.
#[derive(Debug, Clone)]
struct Piece {
    kind: PieceKind,
    bold: bool,
    italic: bool,
    link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum PieceKind {
    Text(String),
    Tab,
    Break,
    /// A `w:sym` glyph from a symbol font (Wingdings bullets, icons): no text of its own.
    Symbol,
}

impl Piece {
    fn is_blank(&self) -> bool {
        match &self.kind {
            PieceKind::Text(t) => t.trim().is_empty(),
            PieceKind::Tab | PieceKind::Break => true,
            PieceKind::Symbol => false,
        }
    }
}

/// A container's content before lists, tab rows and floating boxes are grouped.
enum Item {
    Block(Block),
    Para(Para),
    Float(Float),
}

struct Para {
    line: u32,
    kind: ParaKind,
    /// The paragraph split at tab stops.
    cells: Vec<Vec<Inline>>,
    /// The bullet typed in front of it, if any.
    typed: Option<Typed>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ParaKind {
    /// Level as in the tree; 0 marks a Title until the levels are settled.
    Heading(u8),
    Body,
    Item {
        level: u8,
        ordered: bool,
    },
}

/// A text box.
struct Float {
    rect: Option<Rect>,
    floating: bool,
    blocks: Vec<Block>,
    line: u32,
}

impl<'a> Ctx<'a> {
    pub fn new(
        styles: &'a Styles,
        numbering: &'a Numbering,
        rels: &'a HashMap<String, String>,
        page: Page,
    ) -> Self {
        Ctx {
            styles,
            numbering,
            rels,
            page,
            line: 0,
            text_len: 0,
            truncated: false,
            depth: 0,
            fields: Vec::new(),
        }
    }

    /// The blocks of a container: the body, a header or footer, a table cell, a text box.
    pub fn container(&mut self, el: &Element) -> Vec<Block> {
        let saved = std::mem::take(&mut self.fields);
        let mut items = Vec::new();
        self.block_items(el, &mut items);
        self.fields = saved;
        assemble(items)
    }

    fn block_items(&mut self, el: &Element, items: &mut Vec<Item>) {
        for child in el.elements() {
            match child.name.as_str() {
                "w:p" => self.paragraph(child, items),
                "w:tbl" => {
                    if let Some(b) = self.table(child) {
                        items.push(Item::Block(b));
                    }
                }
                "w:sdt" => {
                    if let Some(c) = child.child("w:sdtContent") {
                        self.block_items(c, items);
                    }
                }
                "w:customXml" | "w:ins" | "w:moveTo" | "w:smartTag" => {
                    self.block_items(child, items)
                }
                "mc:AlternateContent" => {
                    if let Some(c) = choose(child) {
                        self.block_items(c, items);
                    }
                }
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element, items: &mut Vec<Item>) {
        self.line += 1;
        let line = self.line;
        let ppr = p.child("w:pPr");
        let style_id = ppr.and_then(|p| p.child("w:pStyle")).and_then(|s| s.attr("w:val"));
        let style = self.styles.paragraph(style_id);
        let fmt = Fmt { props: style.run.over(self.styles.defaults()), link: None };
        let mut pieces = Vec::new();
        let mut boxes = Vec::new();
        self.inlines(p, &fmt, &mut pieces, &mut boxes);

        let role = ppr.and_then(outline_level).map(Role::Heading).or(style.role);
        let num = ppr.and_then(|p| p.child("w:numPr")).and_then(NumRef::read).or(style.num);
        let level = num.as_ref().and_then(|n| self.numbering.level(n)).filter(|l| l.visible);
        let mut kind = match (role, level) {
            (Some(Role::Title), _) => ParaKind::Heading(0),
            (Some(Role::Heading(n)), _) => ParaKind::Heading(n.saturating_add(1)),
            (_, Some(l)) => {
                ParaKind::Item { level: num.as_ref().map_or(0, |n| n.level), ordered: l.ordered }
            }
            _ => ParaKind::Body,
        };
        let typed = if kind == ParaKind::Body { strip_typed_bullet(&mut pieces) } else { None };
        if typed.is_some() {
            kind = ParaKind::Item { level: 0, ordered: false };
        }
        let mut cells = split_cells(pieces);
        if matches!(kind, ParaKind::Heading(_)) && cells.len() > 1 {
            cells = vec![join_cells(cells)];
        }
        if !cells.is_empty() {
            items.push(Item::Para(Para { line, kind, cells, typed }));
        }
        items.extend(boxes.into_iter().map(Item::Float));
    }

    /// The content of a paragraph, hyperlink or other inline container.
    fn inlines(&mut self, el: &Element, fmt: &Fmt, out: &mut Vec<Piece>, boxes: &mut Vec<Float>) {
        for child in el.elements() {
            match child.name.as_str() {
                "w:r" => self.run(child, fmt, out, boxes),
                "w:hyperlink" => {
                    let target = child.attr("r:id").and_then(|id| self.rels.get(id)).cloned();
                    let inner = Fmt { link: target.or_else(|| fmt.link.clone()), ..fmt.clone() };
                    self.inlines(child, &inner, out, boxes);
                }
                "w:fldSimple" => {
                    let instr = child.attr("w:instr").unwrap_or("");
                    if !is_page_field(instr) {
                        let link = hyperlink_target(instr).or_else(|| fmt.link.clone());
                        let inner = Fmt { link, ..fmt.clone() };
                        self.inlines(child, &inner, out, boxes);
                    }
                }
                "w:ins" | "w:moveTo" | "w:smartTag" | "w:customXml" | "w:bdo" | "w:dir" => {
                    self.inlines(child, fmt, out, boxes)
                }
                "w:sdt" => {
                    if let Some(c) = child.child("w:sdtContent") {
                        self.inlines(c, fmt, out, boxes);
                    }
                }
                "mc:AlternateContent" => {
                    if let Some(c) = choose(child) {
                        self.inlines(c, fmt, out, boxes);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, fmt: &Fmt, out: &mut Vec<Piece>, boxes: &mut Vec<Float>) {
        let rpr = r.child("w:rPr");
        let mut props = rpr.map(RunProps::read).unwrap_or_default();
        if let Some(id) = rpr.and_then(|p| p.child("w:rStyle")).and_then(|s| s.attr("w:val")) {
            props = props.over(self.styles.character(id));
        }
        let props = props.over(fmt.props);
        let hidden = props.hidden == Some(true);
        self.run_content(r, &props, hidden, fmt, out, boxes);
    }

    fn run_content(
        &mut self,
        r: &Element,
        props: &RunProps,
        hidden: bool,
        fmt: &Fmt,
        out: &mut Vec<Piece>,
        boxes: &mut Vec<Float>,
    ) {
        for c in r.elements() {
            let kind = match c.name.as_str() {
                "w:t" => {
                    let t = c.text();
                    let t = if props.caps == Some(true) { t.to_uppercase() } else { t };
                    PieceKind::Text(t)
                }
                "w:tab" | "w:ptab" => PieceKind::Tab,
                "w:br" | "w:cr" => PieceKind::Break,
                "w:noBreakHyphen" => PieceKind::Text("-".into()),
                "w:sym" => PieceKind::Symbol,
                "w:fldChar" => {
                    self.field_char(c.attr("w:fldCharType").unwrap_or(""));
                    continue;
                }
                "w:instrText" => {
                    if let Some(f) =
                        self.fields.last_mut().filter(|f| !f.in_result && f.instr.len() < 2048)
                    {
                        f.instr.push_str(&c.text());
                    }
                    continue;
                }
                "w:drawing" if !hidden => {
                    self.drawing(c, boxes);
                    continue;
                }
                "w:pict" if !hidden => {
                    self.pict(c, boxes);
                    continue;
                }
                "mc:AlternateContent" => {
                    if let Some(chosen) = choose(c) {
                        self.run_content(chosen, props, hidden, fmt, out, boxes);
                    }
                    continue;
                }
                _ => continue,
            };
            if hidden || self.in_page_field() {
                continue;
            }
            if let PieceKind::Text(t) = &kind {
                self.text_len += t.len();
            }
            out.push(Piece {
                kind,
                bold: props.bold == Some(true),
                italic: props.italic == Some(true),
                link: self.field_link().or_else(|| fmt.link.clone()),
            });
        }
    }

    fn field_char(&mut self, kind: &str) {
        match kind {
            "begin" if self.fields.len() < MAX_FIELDS => self.fields.push(Field::default()),
            "separate" => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_result = true;
                }
            }
            "end" => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    /// The target of the innermost HYPERLINK field whose result is being read.
    fn field_link(&self) -> Option<String> {
        self.fields.iter().rev().filter(|f| f.in_result).find_map(|f| hyperlink_target(&f.instr))
    }

    /// Page numbers in headers and footers are not content.
    fn in_page_field(&self) -> bool {
        self.fields.iter().any(|f| f.in_result && is_page_field(&f.instr))
    }

    /// DrawingML: text boxes in shapes and groups, inline or anchored.
    fn drawing(&mut self, d: &Element, boxes: &mut Vec<Float>) {
        for holder in d.elements() {
            let floating = holder.name == "wp:anchor";
            let rect =
                if floating { floats::anchor_rect(holder, &self.page, self.line) } else { None };
            let Some(data) = holder.child("a:graphic").and_then(|g| g.child("a:graphicData"))
            else {
                continue;
            };
            for shape in data.elements() {
                match shape.name.as_str() {
                    "wps:wsp" => self.shape(shape, rect, floating, boxes),
                    "wpg:wgp" => {
                        let at = rect.unwrap_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 });
                        let t = floats::group_transform(shape, at, Transform::IDENTITY);
                        self.group(shape, rect, t, floating, boxes);
                    }
                    _ => {}
                }
            }
        }
    }

    fn group(
        &mut self,
        g: &Element,
        anchor: Option<Rect>,
        t: Transform,
        floating: bool,
        boxes: &mut Vec<Float>,
    ) {
        for c in g.elements() {
            match c.name.as_str() {
                "wps:wsp" => {
                    let rect = anchor.and(floats::shape_rect(c, t)).or(anchor);
                    self.shape(c, rect, floating, boxes);
                }
                "wpg:grpSp" => {
                    let inner = floats::group_transform(
                        c,
                        anchor.unwrap_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }),
                        t,
                    );
                    self.group(c, anchor, inner, floating, boxes);
                }
                _ => {}
            }
        }
    }

    fn shape(&mut self, wsp: &Element, rect: Option<Rect>, floating: bool, boxes: &mut Vec<Float>) {
        if let Some(content) = wsp.child("wps:txbx").and_then(|t| t.child("w:txbxContent")) {
            self.text_box(content, rect, floating, boxes);
        }
    }

    /// VML (`w:pict`, and what an `mc:Fallback` holds when there is no `mc:Choice`).
    fn pict(&mut self, pict: &Element, boxes: &mut Vec<Float>) {
        for shape in pict.elements() {
            if shape.name == "v:group" {
                self.pict(shape, boxes);
                continue;
            }
            let Some(content) = shape.child("v:textbox").and_then(|t| t.child("w:txbxContent"))
            else {
                continue;
            };
            let floating = shape.attr("style").is_some_and(|s| s.contains("position:absolute"));
            let rect = if floating { floats::vml_rect(shape, &self.page) } else { None };
            self.text_box(content, rect, floating, boxes);
        }
    }

    fn text_box(
        &mut self,
        content: &Element,
        rect: Option<Rect>,
        floating: bool,
        boxes: &mut Vec<Float>,
    ) {
        if self.depth >= MAX_NESTING {
            self.truncated = true;
            return;
        }
        self.depth += 1;
        let line = self.line + 1;
        let blocks = self.container(content);
        self.depth -= 1;
        if !blocks.is_empty() {
            boxes.push(Float { rect, floating, blocks, line });
        }
    }

    fn table(&mut self, tbl: &Element) -> Option<Block> {
        if self.depth >= MAX_NESTING {
            self.truncated = true;
            return None;
        }
        self.depth += 1;
        let line = self.line + 1;
        let mut rows = Vec::new();
        for tr in unwrap_all(tbl, "w:tr") {
            let header = tr
                .child("w:trPr")
                .and_then(|p| p.child("w:tblHeader"))
                .is_some_and(|h| !matches!(h.attr("w:val"), Some("0" | "false" | "off")));
            let cells: Vec<Vec<Block>> =
                unwrap_all(tr, "w:tc").into_iter().map(|tc| self.container(tc)).collect();
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(Row { cells, header });
            }
        }
        self.depth -= 1;
        if rows.is_empty() {
            return None;
        }
        // A table with one cell of content per row is a frame around blocks, read in order.
        if rows.iter().all(|r| r.cells.iter().filter(|c| !c.is_empty()).count() <= 1) {
            let blocks = rows.into_iter().flat_map(|r| r.cells.into_iter().flatten()).collect();
            return Some(Block::new(BlockKind::Div { class: Some("table".into()), blocks }, line));
        }
        Some(Block::new(BlockKind::Table(rows), line))
    }
}

/// The children named `name`, looking through content controls and custom XML around them.
fn unwrap_all<'e>(el: &'e Element, name: &str) -> Vec<&'e Element> {
    let mut out = Vec::new();
    for c in el.elements() {
        if c.name == name {
            out.push(c);
        } else if matches!(c.name.as_str(), "w:sdt" | "w:customXml") {
            let inner = c.child("w:sdtContent").unwrap_or(c);
            out.extend(inner.elements().filter(|e| e.name == name));
        }
    }
    out
}

/// The branch of an `mc:AlternateContent` to read: the first `mc:Choice`, else the fallback.
fn choose(alt: &Element) -> Option<&Element> {
    alt.child("mc:Choice").or_else(|| alt.child("mc:Fallback"))
}

/// The URL of a `HYPERLINK "url" \o "tip"` field; `\l` (a place in the document) is no link.
fn hyperlink_target(instr: &str) -> Option<String> {
    let mut rest = instr.trim_start().strip_prefix("HYPERLINK")?;
    let mut target = None;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (token, after) = if let Some(q) = rest.strip_prefix('"') {
            let end = q.find('"').unwrap_or(q.len());
            (&q[..end], q.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        if token == "\\l" {
            return None;
        }
        if token.starts_with('\\') {
            // Switches with an argument: skip it too.
            if matches!(token, "\\o" | "\\t" | "\\m") {
                let a = after.trim_start();
                rest = match a.strip_prefix('"') {
                    Some(q) => q.find('"').map_or("", |e| &q[e + 1..]),
                    None => a.find(char::is_whitespace).map_or("", |e| &a[e..]),
                };
                continue;
            }
        } else if target.is_none() && !token.is_empty() {
            target = Some(token.replace("\\\\", "\\"));
        }
        rest = after;
    }
    target
}

fn is_page_field(instr: &str) -> bool {
    let word = instr.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
    matches!(word.as_str(), "PAGE" | "NUMPAGES" | "SECTIONPAGES")
}

/// Bullets people type instead of using Word's numbering.
const TYPED_BULLETS: [char; 24] = [
    '•', '·', '●', '○', '◦', '▪', '▫', '■', '□', '►', '▸', '▹', '➢', '➤', '➣', '✓', '✔', '❖', '◆',
    '◇', '-', '–', '*', '⁃',
];

/// A bullet typed at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Typed {
    glyph: char,
    /// Followed by a space or tab; an unspaced one ("*2019 …") counts only in a run of two.
    spaced: bool,
}

/// Removes a bullet typed at the start of a paragraph (a bullet character or a symbol-font
/// glyph), and says which it was.
fn strip_typed_bullet(pieces: &mut Vec<Piece>) -> Option<Typed> {
    let k = pieces.iter().position(|p| !p.is_blank())?;
    let spaced_after = |rest: &str, after: &[Piece]| {
        if rest.is_empty() {
            after.first().is_some_and(|p| {
                p.is_blank()
                    || matches!(&p.kind, PieceKind::Text(t) if t.starts_with(char::is_whitespace))
            })
        } else {
            rest.starts_with(char::is_whitespace)
        }
    };
    let (typed, rest) = match &pieces[k].kind {
        PieceKind::Symbol => {
            (Typed { glyph: '\u{F0B7}', spaced: spaced_after("", &pieces[k + 1..]) }, None)
        }
        PieceKind::Text(t) => {
            let t = t.trim_start();
            let mut chars = t.chars();
            let glyph = chars.next()?;
            let is_bullet =
                TYPED_BULLETS.contains(&glyph) || ('\u{F000}'..='\u{F0FF}').contains(&glyph);
            let rest = chars.as_str();
            if !is_bullet || !has_text_after(rest, &pieces[k + 1..]) {
                return None;
            }
            (Typed { glyph, spaced: spaced_after(rest, &pieces[k + 1..]) }, Some(rest.to_string()))
        }
        _ => return None,
    };
    match rest {
        Some(rest) if !rest.trim().is_empty() => {
            pieces[k].kind = PieceKind::Text(rest.trim_start().to_string());
            pieces.drain(..k);
        }
        _ => {
            pieces.drain(..=k);
        }
    }
    // The space or tab after the bullet is not a cell boundary.
    while pieces.first().is_some_and(Piece::is_blank) {
        pieces.remove(0);
    }
    Some(typed)
}

fn has_text_after(rest: &str, after: &[Piece]) -> bool {
    !rest.trim().is_empty()
        || after.iter().any(|p| matches!(&p.kind, PieceKind::Text(t) if !t.trim().is_empty()))
}

/// The paragraph's pieces split at tab stops into cells of inlines; a leading or repeated tab
/// opens no empty cell.
fn split_cells(pieces: Vec<Piece>) -> Vec<Vec<Inline>> {
    let mut cells: Vec<Vec<Piece>> = vec![Vec::new()];
    for p in pieces {
        if p.kind == PieceKind::Tab {
            if cells.last().is_some_and(|c| c.iter().any(|p| !p.is_blank())) {
                cells.push(Vec::new());
            }
        } else if let Some(cell) = cells.last_mut() {
            cell.push(p);
        }
    }
    cells.into_iter().map(group_inlines).filter(|c| !c.is_empty()).collect()
}

fn join_cells(cells: Vec<Vec<Inline>>) -> Vec<Inline> {
    let mut out = Vec::new();
    for (k, c) in cells.into_iter().enumerate() {
        if k > 0 {
            out.push(Inline::Text(" ".into()));
        }
        out.extend(c);
    }
    normalise_inlines(out)
}

/// Groups pieces into inlines: runs of one link target become a link, runs of bold a strong
/// span, runs of italic an emphasis. Spaces between two runs of the same formatting take it.
fn group_inlines(mut pieces: Vec<Piece>) -> Vec<Inline> {
    for k in 1..pieces.len().saturating_sub(1) {
        if pieces[k].is_blank() && pieces[k].kind != PieceKind::Break {
            let (b, i) = (
                pieces[k - 1].bold && pieces[k + 1].bold,
                pieces[k - 1].italic && pieces[k + 1].italic,
            );
            pieces[k].bold = b;
            pieces[k].italic = i;
        }
    }
    let mut out = Vec::new();
    for group in split_by(&pieces, |a, b| a.link == b.link) {
        let content = bold_groups(group);
        match &group[0].link {
            Some(target) => out.push(Inline::Link { target: target.clone(), content }),
            None => out.extend(content),
        }
    }
    normalise_inlines(out)
}

fn bold_groups(pieces: &[Piece]) -> Vec<Inline> {
    let mut out = Vec::new();
    for group in split_by(pieces, |a, b| a.bold == b.bold) {
        let content = italic_groups(group);
        if group[0].bold { out.push(Inline::Strong(content)) } else { out.extend(content) }
    }
    out
}

fn italic_groups(pieces: &[Piece]) -> Vec<Inline> {
    let mut out = Vec::new();
    for group in split_by(pieces, |a, b| a.italic == b.italic) {
        let content: Vec<Inline> = group.iter().filter_map(piece_inline).collect();
        if group[0].italic { out.push(Inline::Emph(content)) } else { out.extend(content) }
    }
    out
}

fn piece_inline(p: &Piece) -> Option<Inline> {
    match &p.kind {
        PieceKind::Text(t) => Some(Inline::Text(t.clone())),
        PieceKind::Break => Some(Inline::LineBreak),
        PieceKind::Tab => Some(Inline::Text(" ".into())),
        PieceKind::Symbol => None,
    }
}

/// Consecutive runs of `items` for which `same` holds pairwise.
fn split_by<T>(items: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<&[T]> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=items.len() {
        if k == items.len() || !same(&items[k - 1], &items[k]) {
            if start < k {
                out.push(&items[start..k]);
            }
            start = k;
        }
    }
    out
}

/// Groups a container's items: list items into (nested) lists, consecutive tabbed paragraphs
/// into one table, a run of floating text boxes into reading order.
fn assemble(mut items: Vec<Item>) -> Vec<Block> {
    keep_unspaced_bullets_in_runs(&mut items);
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while let Some(item) = items.next() {
        match item {
            Item::Block(b) => out.push(b),
            Item::Float(f) if !f.floating => out.push(text_box_block(f)),
            Item::Float(f) => {
                let mut cluster = vec![f];
                while let Some(Item::Float(g)) = items.peek() {
                    if !g.floating {
                        break;
                    }
                    if let Some(Item::Float(g)) = items.next() {
                        cluster.push(g);
                    }
                }
                out.extend(order_floats(cluster).into_iter().map(text_box_block));
            }
            Item::Para(p) => match p.kind {
                ParaKind::Heading(level) => out.push(Block::new(
                    BlockKind::Heading { level, content: p.cells.into_iter().flatten().collect() },
                    p.line,
                )),
                ParaKind::Item { .. } => {
                    let mut entries = vec![p];
                    while let Some(Item::Para(Para { kind: ParaKind::Item { .. }, .. })) =
                        items.peek()
                    {
                        if let Some(Item::Para(q)) = items.next() {
                            entries.push(q);
                        }
                    }
                    out.extend(lists(entries));
                }
                ParaKind::Body if p.cells.len() > 1 => {
                    let line = p.line;
                    let mut rows = vec![cells_row(p.cells, line)];
                    while let Some(Item::Para(q)) = items.peek() {
                        if q.kind != ParaKind::Body || q.cells.len() < 2 {
                            break;
                        }
                        if let Some(Item::Para(q)) = items.next() {
                            rows.push(cells_row(q.cells, q.line));
                        }
                    }
                    out.push(Block::new(BlockKind::Table(rows), line));
                }
                ParaKind::Body => {
                    let content = p.cells.into_iter().flatten().collect();
                    out.push(Block::new(BlockKind::Para(content), p.line));
                }
            },
        }
    }
    out
}

/// A lone paragraph starting with an unspaced glyph ("*nix", "-20%") is text, not a list item:
/// such a glyph is a bullet only when the paragraph before or after starts with it too.
fn keep_unspaced_bullets_in_runs(items: &mut [Item]) {
    let glyph = |i: Option<&Item>| match i {
        Some(Item::Para(p)) => p.typed.map(|t| t.glyph),
        _ => None,
    };
    for k in 0..items.len() {
        let Item::Para(p) = &items[k] else { continue };
        let Some(t) = p.typed.filter(|t| !t.spaced) else { continue };
        let before = k.checked_sub(1).and_then(|j| glyph(items.get(j)));
        if before == Some(t.glyph) || glyph(items.get(k + 1)) == Some(t.glyph) {
            continue;
        }
        if let Item::Para(p) = &mut items[k] {
            p.kind = ParaKind::Body;
            p.typed = None;
            if let Some(first) = p.cells.first_mut() {
                first.insert(0, Inline::Text(t.glyph.to_string()));
                *first = normalise_inlines(std::mem::take(first));
            }
        }
    }
}

fn cells_row(cells: Vec<Vec<Inline>>, line: u32) -> Row {
    Row {
        cells: cells.into_iter().map(|c| vec![Block::new(BlockKind::Para(c), line)]).collect(),
        header: false,
    }
}

fn text_box_block(f: Float) -> Block {
    Block::new(BlockKind::Div { class: Some("text-box".into()), blocks: f.blocks }, f.line)
}

/// A cluster of floating boxes in reading order; document order when any has no position.
fn order_floats(mut cluster: Vec<Float>) -> Vec<Float> {
    let Some(rects) = cluster.iter().map(|f| f.rect).collect::<Option<Vec<Rect>>>() else {
        return cluster;
    };
    let order = floats::reading_order(&rects);
    let mut slots: Vec<Option<Float>> = cluster.drain(..).map(Some).collect();
    order.into_iter().filter_map(|k| slots.get_mut(k).and_then(Option::take)).collect()
}

/// List paragraphs → lists nested by level.
fn lists(entries: Vec<Para>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < entries.len() {
        let level = item_level(&entries[k]);
        out.push(nest(&entries, &mut k, level));
    }
    out
}

fn item_level(p: &Para) -> u8 {
    match p.kind {
        ParaKind::Item { level, .. } => level,
        _ => 0,
    }
}

fn nest(entries: &[Para], k: &mut usize, level: u8) -> Block {
    let first = &entries[*k];
    let ordered = matches!(first.kind, ParaKind::Item { ordered: true, .. });
    let line = first.line;
    let mut items = Vec::new();
    while *k < entries.len() && item_level(&entries[*k]) >= level {
        let e = &entries[*k];
        let mut item = vec![item_content(e)];
        *k += 1;
        while *k < entries.len() && item_level(&entries[*k]) > level {
            let deeper = item_level(&entries[*k]);
            item.push(nest(entries, k, deeper));
        }
        items.push(item);
    }
    Block::new(BlockKind::List { ordered, items }, line)
}

fn item_content(p: &Para) -> Block {
    if p.cells.len() > 1 {
        Block::new(BlockKind::Table(vec![cells_row(p.cells.clone(), p.line)]), p.line)
    } else {
        Block::new(BlockKind::Para(p.cells.iter().flatten().cloned().collect()), p.line)
    }
}

/// Title paragraphs were marked level 0: when a document has one, the title is level 1 and
/// every heading moves down one level; otherwise headings keep their levels.
pub fn settle_heading_levels(blocks: &mut [Block]) {
    let mut has_title = false;
    visit(blocks, &mut |b| has_title |= matches!(b.kind, BlockKind::Heading { level: 0, .. }));
    let shift = u8::from(has_title);
    visit(blocks, &mut |b| {
        if let BlockKind::Heading { level, .. } = &mut b.kind {
            *level = level.saturating_add(shift).clamp(1, 6);
        }
    });
}

fn visit(blocks: &mut [Block], f: &mut impl FnMut(&mut Block)) {
    for b in blocks {
        f(b);
        match &mut b.kind {
            BlockKind::List { items, .. } => items.iter_mut().for_each(|i| visit(i, f)),
            BlockKind::Table(rows) => {
                rows.iter_mut().flat_map(|r| r.cells.iter_mut()).for_each(|c| visit(c, f))
            }
            BlockKind::Div { blocks, .. } | BlockKind::Quote(blocks) => visit(blocks, f),
            BlockKind::Definitions(defs) => defs.iter_mut().for_each(|d| visit(&mut d.body, f)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_fields_give_their_url() {
        assert_eq!(
            hyperlink_target(r#" HYPERLINK "https://example.org/a" \o "tip" "#).as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(
            hyperlink_target(r#"HYPERLINK \o "tip" "mailto:a@example.org""#).as_deref(),
            Some("mailto:a@example.org")
        );
        assert_eq!(hyperlink_target(r#"HYPERLINK \l "_Toc1""#), None);
        assert_eq!(hyperlink_target("PAGE"), None);
    }

    fn text(t: &str) -> Piece {
        Piece { kind: PieceKind::Text(t.into()), bold: false, italic: false, link: None }
    }

    #[test]
    fn typed_bullets_are_stripped_with_the_space_after_them() {
        let mut p = vec![text("• Led the team")];
        assert_eq!(strip_typed_bullet(&mut p), Some(Typed { glyph: '•', spaced: true }));
        assert_eq!(p[0].kind, PieceKind::Text("Led the team".into()));
        let mut p = vec![text("·"), Piece { kind: PieceKind::Tab, ..text("") }, text("Wrote")];
        assert_eq!(strip_typed_bullet(&mut p), Some(Typed { glyph: '·', spaced: true }));
        assert_eq!(p.len(), 1);
        let mut p = vec![text("*nix admin")];
        assert_eq!(strip_typed_bullet(&mut p), Some(Typed { glyph: '*', spaced: false }));
        for t in ["Led", "• ", "2019 – 2020"] {
            assert_eq!(strip_typed_bullet(&mut vec![text(t)]), None, "{t}");
        }
    }
}
