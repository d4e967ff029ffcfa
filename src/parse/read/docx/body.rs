//! WordprocessingML content → the paragraph flow ([`flow`]): paragraphs (headings by style or
//! outline level, list items by Word numbering), runs (bold, italic, caps, hidden text, tabs,
//! breaks), hyperlinks and HYPERLINK fields, tables (nested ones too), and text boxes, read
//! once (the `mc:Choice` of an `mc:AlternateContent`, never also its VML `mc:Fallback`).

use std::collections::HashMap;

use super::looks::{self, Look, Looks};
use super::styles::{NumRef, Numbering, Role, RunProps, Styles, outline_level, shading};
use crate::parse::doc::{Block, BlockKind, Row};
use crate::parse::read::floats::{self, Page, Rect, Transform};
use crate::parse::read::flow::{self, Float, Item, ParaKind, Piece, PieceKind};
use crate::parse::read::xml::Element;
use crate::parse::vocab::sections;

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
    /// How the text is set, and the lines that may be headings by their look.
    pub looks: Looks,
    depth: usize,
    fields: Vec<Field>,
    /// How the paragraph being read is set so far.
    para_text: ParaText,
}

/// Characters of a paragraph's text by how they are set.
#[derive(Debug, Default)]
struct ParaText {
    chars: usize,
    bold: usize,
    underline: usize,
    shaded: usize,
    colored: usize,
    small_caps: usize,
    max_size: u16,
    /// Characters by size (half-points).
    sizes: Vec<(u16, usize)>,
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
            looks: Looks::default(),
            depth: 0,
            fields: Vec::new(),
            para_text: ParaText::default(),
        }
    }

    /// The blocks of a container: the body, a header or footer, a table cell, a text box.
    pub fn container(&mut self, el: &Element) -> Vec<Block> {
        let saved = std::mem::take(&mut self.fields);
        let mut items = Vec::new();
        self.block_items(el, &mut items);
        self.fields = saved;
        flow::assemble(items)
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
                    if let Some(c) = sdt_content(child) {
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
        let outer = std::mem::take(&mut self.para_text);
        self.inlines(p, &fmt, &mut pieces, &mut boxes);
        let set = std::mem::replace(&mut self.para_text, outer);

        let role = ppr.and_then(outline_level).map(Role::Heading).or(style.role);
        let num = ppr.and_then(|p| p.child("w:numPr")).and_then(NumRef::read).or(style.num);
        let level = num.as_ref().and_then(|n| self.numbering.level(n)).filter(|l| l.visible);
        let kind = match (role, level) {
            (Some(Role::Title), _) => ParaKind::Heading(0),
            (Some(Role::Heading(n)), _) => ParaKind::Heading(n.saturating_add(1)),
            (_, Some(l)) => {
                ParaKind::Item { level: num.as_ref().map_or(0, |n| n.level), ordered: l.ordered }
            }
            _ => ParaKind::Body,
        };
        let mut para = flow::paragraph(line, kind, pieces);
        // A heading style on a line no section heading could be (a date range, an e-mail
        // address, a sentence) formats an entry's line: it stays that line.
        let kind = match &mut para {
            Some(para) if matches!(kind, ParaKind::Heading(1..)) => {
                if looks::styled_heading_text(&para.text()) {
                    kind
                } else {
                    para.make_body();
                    ParaKind::Body
                }
            }
            _ => kind,
        };
        if let ParaKind::Heading(level @ 1..) = kind {
            self.looks.count_styled(level);
        }
        let candidate = para
            .as_ref()
            .and_then(flow::Para::heading_candidate)
            .filter(|t| set.chars > 0 && looks::heading_like_text(t));
        if candidate.is_none() {
            // The body text the candidates are measured against.
            self.looks.count_body(&set.sizes, set.bold);
        }
        if let Some(para) = &mut para
            && let Some(text) = candidate
        {
            let look = Look {
                size: set.max_size,
                bold: set.bold == set.chars,
                underline: set.underline == set.chars,
                boxed: set.shaded == set.chars
                    || ppr.and_then(shading).or(style.boxed).unwrap_or(false),
                caps: set.small_caps == set.chars || looks::all_caps(&text),
                colored: set.colored == set.chars,
            };
            if let Some(level) = self.looks.level_for(look) {
                para.make_heading(level);
            }
        }
        match para {
            // A line typed out of underscores or dashes draws a rule.
            Some(para) if looks::typed_rule(&para.text()) => {
                items.push(Item::Block(Block::new(BlockKind::Rule, line)));
            }
            para => items.extend(para.map(Item::Para)),
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
                    if let Some(c) = sdt_content(child) {
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
                self.count_set(t, props);
            }
            out.push(Piece {
                kind,
                bold: props.bold == Some(true),
                italic: props.italic == Some(true),
                link: self.field_link().or_else(|| fmt.link.clone()),
            });
        }
    }

    /// Counts the visible characters of `t` by how `props` set them.
    fn count_set(&mut self, t: &str, props: &RunProps) {
        let n = t.chars().filter(|c| !c.is_whitespace()).count();
        if n == 0 {
            return;
        }
        let size = props.size.unwrap_or(looks::DEFAULT_SIZE);
        let bold = props.bold == Some(true);
        let set = &mut self.para_text;
        match set.sizes.iter_mut().find(|(s, _)| *s == size) {
            Some((_, count)) => *count += n,
            None => set.sizes.push((size, n)),
        }
        set.chars += n;
        set.bold += if bold { n } else { 0 };
        set.underline += if props.underline == Some(true) { n } else { 0 };
        set.shaded += if props.shaded == Some(true) { n } else { 0 };
        set.colored += if props.colored == Some(true) { n } else { 0 };
        set.small_caps += if props.small_caps == Some(true) { n } else { 0 };
        set.max_size = set.max_size.max(size);
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
        if rows.iter().any(|r| beside_a_date(&r.cells)) {
            // A table that sets an entry ("Acme | 2019 – 2021" over "Engineer"): a heading
            // style on its lines formats them; only a line naming a section stays a heading.
            for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                flow::unhead(cell, |text| sections::section(text).is_none());
            }
        }
        flow::table_block(rows, line)
    }
}

/// Whether a row sets lines beside a cell that is a date ("Acme | 2019 – 2021"): such a row
/// is an entry's header, and a heading style on its lines formats them, it does not open a
/// section (no section heading carries dates).
fn beside_a_date(cells: &[Vec<Block>]) -> bool {
    let filled = cells.iter().filter(|c| !c.is_empty()).count();
    filled >= 2
        && cells.iter().any(|c| match c.as_slice() {
            [one] => {
                let text = one.plain();
                text.chars().count() <= MAX_DATE_CELL && looks::has_year(&text)
            }
            _ => false,
        })
}

/// A cell holding only a date or range is at most this long ("September 2019 – present").
const MAX_DATE_CELL: usize = 40;

/// What a content control shows, unless it shows its placeholder: a template's prompt
/// ("Type your address here") left unfilled is no content of the resume.
fn sdt_content(sdt: &Element) -> Option<&Element> {
    let placeholder = sdt
        .child("w:sdtPr")
        .and_then(|p| p.child("w:showingPlcHdr"))
        .is_some_and(|h| !matches!(h.attr("w:val"), Some("0" | "false" | "off")));
    if placeholder { None } else { sdt.child("w:sdtContent") }
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
}
