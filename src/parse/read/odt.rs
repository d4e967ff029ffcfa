//! The ODT reader: an OpenDocument text (LibreOffice, Google Docs "Download as ODT") → the
//! document tree, through the same paragraph flow as DOCX.
//!
//! Reads `content.xml` (headings by outline level, lists nested as written, tables, tab stops
//! as cells, links, bold and italic from automatic and named styles, text frames), the page
//! headers and footers of `styles.xml`, and the title and author of `meta.xml`.

use std::collections::HashMap;

use super::Reading;
use super::flow::{self, Float, Item, ParaKind, Piece, PieceKind};
use super::package::{Package, resave_hint};
use super::xml::{self, Element, Node};
use crate::diag::Diagnostic;
use crate::parse::doc::{Block, BlockKind, Document, Row, collapse};
use crate::parse::input::MAX_INPUT_BYTES;

const WHAT: &str = "the OpenDocument text";
/// Lists, tables and frames nested deeper than this are not read further.
const MAX_NESTING: usize = 12;

/// Reads an ODT file.
pub fn read(bytes: &[u8]) -> Result<Reading, Diagnostic> {
    let mut package = Package::open(bytes, WHAT, |n| n.to_ascii_lowercase().ends_with(".xml"))?;
    let mut warnings = Vec::new();
    let Some(content) = part(&mut package, "content.xml", &mut warnings)? else {
        return Err(Diagnostic::error(
            "the file is a ZIP package without `content.xml`, so not an OpenDocument text vitae can read",
        )
        .hint(resave_hint(WHAT)));
    };
    let styles_part = part(&mut package, "styles.xml", &mut warnings)?;
    let mut styles = Styles::default();
    if let Some(root) = &styles_part {
        styles.read(root.child("office:document-styles"));
    }
    let doc_content = content.child("office:document-content");
    styles.read(doc_content);

    let Some(text) =
        doc_content.and_then(|c| c.child("office:body")).and_then(|b| b.child("office:text"))
    else {
        return Err(Diagnostic::error("the document has no text body (office:text)")
            .hint(resave_hint(WHAT)));
    };
    let mut ctx = Ctx { styles: &styles, line: 0, text_len: 0, depth: 0, truncated: false };
    let mut blocks = ctx.container(text);

    let mut header = Vec::new();
    let mut footer = Vec::new();
    if let Some(pages) = styles_part
        .as_ref()
        .and_then(|r| r.child("office:document-styles"))
        .and_then(|s| s.child("office:master-styles"))
    {
        for page in pages.elements().filter(|e| e.name == "style:master-page") {
            for (name, class) in [
                ("style:header-first", "header"),
                ("style:header", "header"),
                ("style:footer-first", "footer"),
                ("style:footer", "footer"),
            ] {
                let Some(el) = page.child(name) else { continue };
                let out = if class == "header" { &mut header } else { &mut footer };
                let mut part_ctx =
                    Ctx { styles: &styles, line: 0, text_len: 0, depth: 0, truncated: false };
                let part_blocks = part_ctx.container(el);
                ctx.text_len += part_ctx.text_len;
                let text = |bs: &[Block]| bs.iter().map(Block::plain).collect::<Vec<_>>().join(" ");
                let seen = out.iter().any(|b: &Block| match &b.kind {
                    BlockKind::Div { blocks, .. } => text(blocks) == text(&part_blocks),
                    _ => false,
                });
                if !part_blocks.is_empty() && !seen {
                    out.push(Block::new(
                        BlockKind::Div { class: Some(class.to_string()), blocks: part_blocks },
                        1,
                    ));
                }
            }
        }
    }
    if ctx.text_len > MAX_INPUT_BYTES {
        return Err(Diagnostic::error(format!(
            "the document holds {} MiB of text, over the {} MiB limit for one resume",
            ctx.text_len >> 20,
            MAX_INPUT_BYTES >> 20
        ))
        .hint("split it into one file per resume"));
    }
    if blocks.iter().chain(&header).chain(&footer).all(|b| b.plain().is_empty()) {
        return Err(Diagnostic::error(
            "the document has no text: it may hold only pictures (a scanned resume, or text turned into an image)",
        )
        .hint("vitae cannot read text in images: import a version with real text, or type the resume into a .txt or .md file"));
    }
    if ctx.truncated {
        warnings.push(
            Diagnostic::warning("lists, tables or frames nested more than 12 deep were not read")
                .hint("check that the imported resume has everything"),
        );
    }
    let mut all = header;
    all.append(&mut blocks);
    all.append(&mut footer);
    flow::settle_heading_levels(&mut all);

    let meta = match part(&mut package, "meta.xml", &mut warnings)? {
        Some(root) => meta(&root),
        None => Vec::new(),
    };
    if let Some(damage) = package.damage.take() {
        warnings.insert(0, flow::damaged(&damage, "LibreOffice"));
    }
    Ok(Reading { doc: Document { blocks: all, meta, front_matter: None }, warnings })
}

fn part(
    package: &mut Package,
    name: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Option<Element>, Diagnostic> {
    let Some(bytes) = package.read(name)? else { return Ok(None) };
    match xml::parse(&bytes) {
        Ok(parsed) => {
            if let Some(d) = parsed.damage {
                warnings.push(flow::damaged(
                    &format!("the part `{name}` is damaged ({d})"),
                    "LibreOffice",
                ));
            }
            Ok(Some(parsed.root))
        }
        Err(e) => Err(flow::refused_part(name, e, WHAT)),
    }
}

fn meta(root: &Element) -> Vec<(String, String)> {
    let Some(m) = root.child("office:document-meta").and_then(|d| d.child("office:meta")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, key) in
        [("dc:title", "title"), ("meta:initial-creator", "author"), ("dc:subject", "subject")]
    {
        let v = m.child(name).map(|e| collapse(&e.text())).unwrap_or_default();
        if !v.is_empty() {
            out.push((key.to_string(), v));
        }
    }
    let creator = m.child("dc:creator").map(|e| collapse(&e.text())).filter(|v| !v.is_empty());
    if let (Some(v), false) = (creator, out.iter().any(|(k, _)| k == "author")) {
        out.push(("author".into(), v));
    }
    out
}

/// Text and paragraph styles (named and automatic), resolved through their parents.
#[derive(Debug, Default)]
struct Styles {
    raw: HashMap<String, RawStyle>,
    /// List style name → whether its first level is numbered.
    lists: HashMap<String, bool>,
}

#[derive(Debug, Default, Clone)]
struct RawStyle {
    parent: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    caps: Option<bool>,
    /// "Title", or an outline level from `style:default-outline-level`.
    title: bool,
    outline: Option<u8>,
    list: Option<String>,
}

impl Styles {
    fn read(&mut self, root: Option<&Element>) {
        let Some(root) = root else { return };
        for group in root
            .elements()
            .filter(|e| matches!(e.name.as_str(), "office:styles" | "office:automatic-styles"))
        {
            for s in group.elements() {
                match s.name.as_str() {
                    "style:style" => {
                        let Some(name) = s.attr("style:name") else { continue };
                        let tp = s.child("style:text-properties");
                        let weight = tp.and_then(|t| t.attr("fo:font-weight"));
                        let display = s.attr("style:display-name").unwrap_or(name);
                        self.raw.insert(
                            name.to_string(),
                            RawStyle {
                                parent: s.attr("style:parent-style-name").map(str::to_string),
                                bold: weight.map(|w| {
                                    w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600)
                                }),
                                italic: tp
                                    .and_then(|t| t.attr("fo:font-style"))
                                    .map(|v| v == "italic" || v == "oblique"),
                                caps: tp
                                    .and_then(|t| t.attr("fo:text-transform"))
                                    .map(|v| v == "uppercase"),
                                title: display.eq_ignore_ascii_case("title"),
                                outline: s
                                    .attr("style:default-outline-level")
                                    .and_then(|v| v.parse::<u8>().ok())
                                    .filter(|n| (1..=10).contains(n)),
                                list: s.attr("style:list-style-name").map(str::to_string),
                            },
                        );
                    }
                    "text:list-style" => {
                        let Some(name) = s.attr("style:name") else { continue };
                        let numbered = s
                            .elements()
                            .find(|l| l.attr("text:level") == Some("1"))
                            .is_some_and(|l| {
                                l.name == "text:list-level-style-number"
                                    && l.attr("style:num-format").is_some_and(|f| !f.is_empty())
                            });
                        self.lists.insert(name.to_string(), numbered);
                    }
                    _ => {}
                }
            }
        }
    }

    /// The style `name` with what its parents set filled in.
    fn resolved(&self, name: Option<&str>) -> RawStyle {
        let mut out = RawStyle::default();
        let mut next = name;
        for _ in 0..16 {
            let Some(s) = next.and_then(|n| self.raw.get(n)) else { break };
            out.bold = out.bold.or(s.bold);
            out.italic = out.italic.or(s.italic);
            out.caps = out.caps.or(s.caps);
            out.title |= s.title;
            out.outline = out.outline.or(s.outline);
            out.list = out.list.clone().or(s.list.clone());
            next = s.parent.as_deref();
        }
        out
    }
}

struct Ctx<'a> {
    styles: &'a Styles,
    line: u32,
    text_len: usize,
    depth: usize,
    truncated: bool,
}

/// Formatting inherited from spans and links.
#[derive(Debug, Clone, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    caps: bool,
    link: Option<String>,
}

impl Ctx<'_> {
    fn container(&mut self, el: &Element) -> Vec<Block> {
        let mut items = Vec::new();
        self.block_items(el, None, &mut items);
        flow::assemble(items)
    }

    /// `list` is the list level and numbering a paragraph inside a list gets.
    fn block_items(&mut self, el: &Element, list: Option<(u8, bool)>, items: &mut Vec<Item>) {
        for child in el.elements() {
            match child.name.as_str() {
                "text:p" | "text:h" => self.paragraph(child, list, items),
                "text:list" => {
                    if self.depth >= MAX_NESTING {
                        self.truncated = true;
                        continue;
                    }
                    let ordered = child
                        .attr("text:style-name")
                        .and_then(|s| self.styles.lists.get(s))
                        .copied()
                        .unwrap_or(list.is_some_and(|(_, o)| o));
                    let level = list.map_or(0, |(l, _)| l.saturating_add(1));
                    self.depth += 1;
                    for item in child.elements() {
                        match item.name.as_str() {
                            "text:list-item" => {
                                self.block_items(item, Some((level, ordered)), items)
                            }
                            // A header of a list carries no bullet.
                            "text:list-header" => self.block_items(item, None, items),
                            _ => {}
                        }
                    }
                    self.depth -= 1;
                }
                "table:table" => {
                    if let Some(b) = self.table(child) {
                        items.push(Item::Block(b));
                    }
                }
                "text:section" | "text:index-body" => self.block_items(child, list, items),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &Element, list: Option<(u8, bool)>, items: &mut Vec<Item>) {
        self.line += 1;
        let style = self.styles.resolved(p.attr("text:style-name"));
        let fmt = Fmt {
            bold: style.bold == Some(true),
            italic: style.italic == Some(true),
            caps: style.caps == Some(true),
            link: None,
        };
        let mut pieces = Vec::new();
        let mut boxes = Vec::new();
        self.inlines(p, &fmt, &mut pieces, &mut boxes);
        let outline = if p.name == "text:h" {
            Some(p.attr("text:outline-level").and_then(|v| v.parse::<u8>().ok()).unwrap_or(1))
        } else {
            style.outline
        };
        let kind = if style.title {
            ParaKind::Heading(0)
        } else if let Some(level) = outline {
            ParaKind::Heading(level.clamp(1, 9))
        } else if let Some((level, ordered)) = list {
            ParaKind::Item { level, ordered }
        } else {
            ParaKind::Body
        };
        let line = self.line;
        items.extend(flow::paragraph(line, kind, pieces).map(Item::Para));
        items.extend(boxes.into_iter().map(Item::Float));
    }

    fn inlines(&mut self, el: &Element, fmt: &Fmt, out: &mut Vec<Piece>, boxes: &mut Vec<Float>) {
        for node in &el.children {
            let child = match node {
                Node::Text(t) => {
                    self.push(
                        out,
                        fmt,
                        PieceKind::Text(if fmt.caps { t.to_uppercase() } else { t.clone() }),
                    );
                    continue;
                }
                Node::Element(e) => e,
            };
            match child.name.as_str() {
                "text:s" => {
                    let n = child.attr("text:c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1);
                    self.push(out, fmt, PieceKind::Text(" ".repeat(n.min(8))));
                }
                "text:tab" => self.push(out, fmt, PieceKind::Tab),
                "text:line-break" => self.push(out, fmt, PieceKind::Break),
                "text:span" => {
                    let s = self.styles.resolved(child.attr("text:style-name"));
                    let inner = Fmt {
                        bold: s.bold.unwrap_or(fmt.bold),
                        italic: s.italic.unwrap_or(fmt.italic),
                        caps: s.caps.unwrap_or(fmt.caps),
                        link: fmt.link.clone(),
                    };
                    self.inlines(child, &inner, out, boxes);
                }
                "text:a" => {
                    let inner =
                        Fmt { link: child.attr("xlink:href").map(str::to_string), ..fmt.clone() };
                    self.inlines(child, &inner, out, boxes);
                }
                "draw:frame" => self.frame(child, boxes),
                // Notes, annotations, page numbers and change marks are not body text.
                "text:note"
                | "office:annotation"
                | "office:annotation-end"
                | "text:page-number"
                | "text:page-count"
                | "text:bookmark"
                | "text:bookmark-start"
                | "text:bookmark-end"
                | "text:soft-page-break"
                | "text:change"
                | "text:change-start"
                | "text:change-end" => {}
                // Fields and other inline containers show their text.
                _ => self.inlines(child, fmt, out, boxes),
            }
        }
    }

    fn push(&mut self, out: &mut Vec<Piece>, fmt: &Fmt, kind: PieceKind) {
        if let PieceKind::Text(t) = &kind {
            self.text_len += t.len();
        }
        out.push(Piece { kind, bold: fmt.bold, italic: fmt.italic, link: fmt.link.clone() });
    }

    /// A text frame: its text box's blocks, placed by `svg:x`/`svg:y` when it floats.
    fn frame(&mut self, frame: &Element, boxes: &mut Vec<Float>) {
        let Some(text_box) = frame.child("draw:text-box") else { return };
        if self.depth >= MAX_NESTING {
            self.truncated = true;
            return;
        }
        self.depth += 1;
        let line = self.line + 1;
        let blocks = self.container(text_box);
        self.depth -= 1;
        if blocks.is_empty() {
            return;
        }
        let floating = !matches!(frame.attr("text:anchor-type"), Some("as-char"));
        let length = |a: &str| frame.attr(a).and_then(super::floats::css_length);
        let rect = match (length("svg:x"), length("svg:y")) {
            (Some(x), Some(y)) => Some(super::floats::Rect {
                x,
                y: y + if frame.attr("text:anchor-type") == Some("page") {
                    0.0
                } else {
                    f64::from(line) * 14.0 * 12_700.0
                },
                w: length("svg:width").unwrap_or(0.0),
                h: length("svg:height").unwrap_or(0.0),
            }),
            _ => None,
        };
        boxes.push(Float { rect, floating, blocks, line });
    }

    fn table(&mut self, table: &Element) -> Option<Block> {
        if self.depth >= MAX_NESTING {
            self.truncated = true;
            return None;
        }
        self.depth += 1;
        let line = self.line + 1;
        let mut rows = Vec::new();
        self.rows(table, false, &mut rows);
        self.depth -= 1;
        flow::table_block(rows, line)
    }

    /// The rows of a table in order, looking into header-row and row groups.
    fn rows(&mut self, el: &Element, header: bool, rows: &mut Vec<Row>) {
        for child in el.elements() {
            match child.name.as_str() {
                "table:table-row" => {
                    let cells: Vec<Vec<Block>> = child
                        .elements()
                        .filter(|c| {
                            matches!(
                                c.name.as_str(),
                                "table:table-cell" | "table:covered-table-cell"
                            )
                        })
                        .map(|c| self.container(c))
                        .collect();
                    if cells.iter().any(|c| !c.is_empty()) {
                        rows.push(Row { cells, header });
                    }
                }
                "table:table-header-rows" => self.rows(child, true, rows),
                "table:table-rows" | "table:table-row-group" => self.rows(child, header, rows),
                _ => {}
            }
        }
    }
}
