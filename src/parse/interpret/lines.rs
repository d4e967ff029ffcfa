//! The tree read as lines: every visible line of the document, in order, with its place in
//! the tree (heading level, list item and nesting, definition term, table row and cells,
//! field key, enclosing containers) and its inline features (strong spans, links). Later
//! stages read lines, but every structural fact the tree holds stays on them.
//!
//! Whether the lines of one paragraph are one wrapped sentence or a stack of short header
//! lines is decided here, from their lengths: a line that reaches the document's typical width
//! without ending a sentence wraps into the next (they share a `para`); any other line ends
//! its paragraph.

use crate::parse::doc::{self, Block, BlockKind, Document, Inline};
use crate::parse::vocab::fields::{self, Hint};
use crate::parse::vocab::sections;

/// One visible line of the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// The text, markup removed, whitespace collapsed.
    pub text: String,
    /// The source line it starts on (1-based).
    pub source: u32,
    /// Heading level (1 = top).
    pub heading: Option<u8>,
    /// This line starts a list item.
    pub bullet: bool,
    /// The list item the line belongs to (innermost; its continuation lines and paragraphs
    /// share it).
    pub item: Option<usize>,
    /// The item the line's item is nested in.
    pub parent_item: Option<usize>,
    /// List nesting, 0 outside lists.
    pub depth: u8,
    /// Lines of one paragraph (wrapped lines) share this id.
    pub para: usize,
    /// Lines of one block of the tree share this id.
    pub block: usize,
    /// A definition term; its description's lines follow with `def` set to the same id.
    pub term: bool,
    pub def: Option<usize>,
    /// Cells of a table row; empty for ordinary lines.
    pub cols: Vec<String>,
    /// A table's header row.
    pub header_row: bool,
    /// The key of a key–value field line.
    pub field: Option<String>,
    /// The class of the innermost enclosing container that has one.
    pub div: Option<String>,
    /// The containers the line stands in (every `<div>`, `<section>`, text box), outermost
    /// first, by id: where a page's groups begin and end when no heading says so.
    pub divs: Vec<usize>,
    /// The innermost enclosing container that is one of several alike (siblings with the same
    /// class: an HTML page's `resume-item`s): lines of one record share it, and a new record
    /// starts a new entry.
    pub record: Option<usize>,
    /// Text of the emphasised spans (strong or emphasis).
    pub strong: Vec<String>,
    /// The whole line is emphasised.
    pub whole_strong: bool,
    pub links: Vec<Link>,
    /// Links with no text of their own (an icon, a logo) in a paragraph with no text: the page
    /// shows them as pictures beside this line. Kept for the contact details they hold (an
    /// envelope icon's `mailto:`, a GitHub logo's profile), never read as the line's text.
    pub icon_links: Vec<Link>,
    /// The field a form label said the line is ("Company: Acme" leaves "Acme", an employer);
    /// set by the forms stage.
    pub label_hint: Option<Hint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub text: String,
    pub url: String,
}

impl Line {
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// The field the line is said to be, by a form label or by its container's class name.
    pub fn hint(&self) -> Option<Hint> {
        self.label_hint.or_else(|| self.div.as_deref().and_then(fields::class_hint))
    }
}

/// A cell holding only a list marker: `•`, `◦`, `▪`, `-`, `*`, `o`, `➢`, `✓` and the like.
fn is_bullet_glyph(cell: &str) -> bool {
    let mut chars = cell.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c == 'o' || !(c.is_alphanumeric() || "([{\"'$€£%#&@".contains(c)),
        _ => false,
    }
}

/// Short, no sentence end: could be a heading or a title line.
pub fn heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=12).contains(&words) && !text.ends_with(['.', ';', ',']) && text.chars().count() <= 100
}

/// "| Python | Java |" over "| ■■■■□ | ■■■□□ |": a table of names in its header rows and
/// only rating glyphs (bars, stars, dots) in the rows under them, as pages draw skill and
/// language levels.
fn rated_table(rows: &[doc::Row]) -> bool {
    let rating = |c: &Vec<Block>| {
        let t: String = c.iter().map(Block::plain).collect();
        crate::parse::vocab::levels::is_rating_mark(&t)
    };
    rows.iter().any(|r| r.header)
        && rows.iter().any(|r| !r.header)
        && rows
            .iter()
            .filter(|r| !r.header)
            .all(|r| r.cells.iter().all(|c| c.is_empty() || rating(c)))
}

/// Glyphs that mark a list item, never a heading, when one opens a heading's text.
const HEADING_BULLETS: &[char] = &['●', '•', '◦', '▪', '■', '◆', '►', '▶', '➤', '➢', '✓', '✔', '❖'];

/// Flattens the document into lines.
pub fn lines(doc: &Document) -> Vec<Line> {
    let mut f = Flattener::default();
    let ctx = Ctx::default();
    f.children(&doc.blocks, &ctx);
    if let Some(last) = f.out.last_mut() {
        last.icon_links.append(&mut f.icons);
    }
    numbered_runs(&mut f.out, &mut f.next_id);
    assign_paragraphs(&mut f.out);
    f.out
}

/// "3.disiplin", "12) Rust", "01 Webshop": a number opening a line (a zero-padded one needs no
/// stop after it), and where the text after it starts.
fn leading_number(text: &str) -> Option<(u32, usize)> {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let padded = digits == 2 && b[0] == b'0' && b.get(2) == Some(&b' ');
    if !(1..=2).contains(&digits) || !(padded || matches!(b.get(digits), Some(b'.' | b')'))) {
        return None;
    }
    let rest = &text[digits + 1..];
    let body = rest.trim_start();
    // "1.5 years" is a number, not a numbering.
    if body.is_empty() || body.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    Some((text[..digits].parse().ok()?, text.len() - body.len()))
}

/// Lines numbered 1, 2, 3 … in a row that no list markup made items ("1.text" paragraphs of
/// a page, a numbered list inside one paragraph) become list items without their numbers.
/// Only a run of two or more in sequence counts; lines between belong to the one before.
fn numbered_runs(lines: &mut [Line], next_id: &mut usize) {
    let numbered: Vec<(usize, u32, usize)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.heading.is_none())
        .filter_map(|(i, l)| leading_number(&l.text).map(|(n, at)| (i, n, at)))
        .collect();
    let mut k = 0;
    while k < numbered.len() {
        let mut end = k + 1;
        while end < numbered.len() {
            let (prev, n, _) = numbered[end - 1];
            let (next, m, _) = numbered[end];
            let between_same = lines[prev + 1..next].iter().all(|l| l.block == lines[prev].block);
            if m != n + 1 || !between_same {
                break;
            }
            end += 1;
        }
        if end - k >= 2 {
            for r in k..end {
                let (i, _, at) = numbered[r];
                let stop = numbered.get(r + 1).map_or(i + 1, |x| x.0).min(lines.len());
                *next_id += 1;
                let id = *next_id;
                let in_list = lines[i].bullet;
                if !in_list {
                    for l in &mut lines[i..stop] {
                        l.item = Some(id);
                        l.depth = l.depth.max(1);
                    }
                }
                let l = &mut lines[i];
                l.text = l.text[at..].to_string();
                l.bullet = true;
                if l.para == SOFT {
                    l.para = 0;
                }
            }
        }
        k = end;
    }
}

/// Where in the tree the blocks being flattened are.
#[derive(Debug, Clone, Default)]
struct Ctx {
    item: Option<usize>,
    parent_item: Option<usize>,
    depth: u8,
    def: Option<usize>,
    div: Option<String>,
    divs: Vec<usize>,
    record: Option<usize>,
    /// The class of the record container itself: it names the record (`<div class="job">`),
    /// not a field of it, so lines directly in it carry no class.
    record_class: Option<String>,
}

#[derive(Default)]
struct Flattener {
    out: Vec<Line>,
    next_id: usize,
    block: usize,
    /// Icon links met before any line: they go with the next line.
    icons: Vec<Link>,
}

/// `<div class="school"><h3>MSc</h3><p>Lowmere University, 2019</p></div>`: a classed
/// container that is a heading and the paragraphs (and bullets) under it, and no more, is one
/// entry even when no sibling shares its class. A container whose class names a section
/// (`<div class="education">`) is the section, not an entry of it.
fn entry_container(b: &Block) -> bool {
    let BlockKind::Div { class: Some(class), blocks } = &b.kind else { return false };
    let [first, rest @ ..] = blocks.as_slice() else { return false };
    matches!(first.kind, BlockKind::Heading { .. })
        && (1..=4).contains(&rest.len())
        && rest.iter().any(|x| matches!(x.kind, BlockKind::Para(_)))
        && rest.iter().all(|x| matches!(x.kind, BlockKind::Para(_) | BlockKind::List { .. }))
        && crate::parse::vocab::sections::section(&class.replace(['-', '_'], " ")).is_none()
}

/// A line of a block before paragraphs are assigned: whether it follows a soft break.
const SOFT: usize = usize::MAX;

impl Flattener {
    fn id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    /// Sibling blocks: a container of several blocks whose class a sibling shares is a
    /// record (a classed paragraph repeated is not: it is one field written twice).
    fn children(&mut self, blocks: &[Block], ctx: &Ctx) {
        let class_of = |b: &Block| match &b.kind {
            BlockKind::Div { class: Some(c), blocks } if blocks.len() > 1 => Some(c.clone()),
            _ => None,
        };
        for b in blocks {
            let repeated = class_of(b).is_some_and(|c| {
                blocks.iter().filter(|o| class_of(o).as_deref() == Some(c.as_str())).count() > 1
            });
            if repeated || entry_container(b) {
                let id = self.id();
                self.block(b, &Ctx { record: Some(id), record_class: class_of(b), ..ctx.clone() });
            } else {
                self.block(b, ctx);
            }
        }
    }

    fn block(&mut self, b: &Block, ctx: &Ctx) {
        let line = b.pos.line;
        match &b.kind {
            BlockKind::Heading { level, content } => {
                self.block += 1;
                let text = doc::plain(content);
                // "<h4>● Social media</h4><p>Ran the pages…</p>": a list item set in a
                // heading's type; the paragraphs after it in its item go on with it.
                if let Some(rest) = text.strip_prefix(HEADING_BULLETS) {
                    let item = ctx.item.unwrap_or_else(|| self.id());
                    let l = line_of(content, rest.trim_start());
                    self.push(l, line, ctx, |l| {
                        l.bullet = true;
                        l.item = Some(item);
                    });
                    return;
                }
                self.push(line_of(content, &text), line, ctx, |l| l.heading = Some(*level));
            }
            BlockKind::Para(content) => self.para(content, line, ctx, false),
            BlockKind::List { items, .. } => {
                for item in items {
                    let id = self.id();
                    let inner = Ctx {
                        item: Some(id),
                        parent_item: ctx.item,
                        depth: ctx.depth.saturating_add(1),
                        ..ctx.clone()
                    };
                    let mut first = true;
                    for c in item {
                        match (&c.kind, first) {
                            (BlockKind::Para(content), true) => {
                                self.para(content, c.pos.line, &inner, true)
                            }
                            // A table row that opens a list item is the item's line ("- |
                            // Welder | Acme | 2019 |" above the duties), as a paragraph is.
                            (BlockKind::Table(_), true) => {
                                let at = self.out.len();
                                self.block(c, &inner);
                                if let Some(l) = self.out.get_mut(at) {
                                    l.bullet = true;
                                }
                            }
                            _ => self.block(c, &inner),
                        }
                        first = false;
                    }
                }
            }
            BlockKind::Definitions(defs) => {
                for d in defs {
                    let id = self.id();
                    let inner = Ctx { def: Some(id), ..ctx.clone() };
                    self.block += 1;
                    let text = doc::plain(&d.term);
                    // "Email:: ada@example.org": a form label described by one paragraph is
                    // a key–value field, as a field list would be.
                    if let ([c], Some(_)) =
                        (d.body.as_slice(), crate::parse::vocab::fields::label(&text))
                        && let BlockKind::Para(value) = &c.kind
                    {
                        let v = doc::plain(value);
                        let mut l = line_of(value, &format!("{text}: {v}"));
                        l.field = Some(text);
                        self.push(l, c.pos.line, &inner, |_| {});
                        continue;
                    }
                    if !text.is_empty() {
                        self.push(line_of(&d.term, &text), line, &inner, |l| l.term = true);
                    }
                    for c in &d.body {
                        self.block(c, &inner);
                    }
                }
            }
            BlockKind::Table(rows) if rated_table(rows) => {
                // The names sit in the header rows, their ratings (dropped) in the rows
                // under them: the names are the content.
                // Each name is an item of its own, as in a list.
                for cell in rows.iter().filter(|r| r.header).flat_map(|r| &r.cells) {
                    let inlines: Vec<Inline> =
                        cell.iter().filter_map(Block::inlines).flatten().cloned().collect();
                    let text = doc::collapse(&doc::plain(&inlines));
                    if text.is_empty() {
                        continue;
                    }
                    self.block += 1;
                    let item = self.id();
                    let at = cell.first().map_or(line, |b| b.pos.line);
                    let inner = Ctx { item: Some(item), parent_item: ctx.item, ..ctx.clone() };
                    self.push(line_of(&inlines, &text), at, &inner, |l| l.bullet = true);
                }
            }
            BlockKind::Table(rows) => {
                for r in rows {
                    self.row(r, line, ctx);
                }
            }
            BlockKind::Fields(fields) => {
                for f in fields {
                    self.block += 1;
                    let key = doc::plain(&f.key);
                    let value = doc::plain(&f.value);
                    let text =
                        if key.is_empty() { value.clone() } else { format!("{key}: {value}") };
                    let mut l = line_of(&f.value, &text);
                    l.field = Some(key);
                    self.push(l, line, ctx, |_| {});
                }
            }
            BlockKind::Div { class, blocks } => {
                let mut divs = ctx.divs.clone();
                divs.push(self.id());
                let inner =
                    Ctx { div: class.clone().or_else(|| ctx.div.clone()), divs, ..ctx.clone() };
                self.children(blocks, &inner);
            }
            BlockKind::Quote(blocks) => self.children(blocks, ctx),
            BlockKind::Rule => self.block += 1,
        }
    }

    /// One table row: a line holding its non-empty cells. A header row of column names
    /// ("Company | Role") is not content.
    fn row(&mut self, r: &doc::Row, line: u32, ctx: &Ctx) {
        if self.dated_entry_row(r, ctx) {
            return;
        }
        // "Label | several paragraphs or a list": a label beside its content, read as a
        // definition (a skill group, an employer and its duties).
        if let [label, body] = r.cells.as_slice()
            && let [Block { kind: BlockKind::Para(term), .. }] = label.as_slice()
            && (body.len() >= 2 || body.iter().any(|b| matches!(b.kind, BlockKind::List { .. })))
            && doc::plain(term).split_whitespace().count() <= 6
        {
            let id = self.id();
            let inner = Ctx { def: Some(id), ..ctx.clone() };
            self.block += 1;
            let text = doc::plain(term);
            let at = label.first().map_or(line, |b| b.pos.line);
            self.push(line_of(term, &text), at, &inner, |l| l.term = true);
            self.children(body, &inner);
            return;
        }
        // A cell holding lists, definitions or headings is page layout (a photo beside the
        // contact details): its blocks are read as they stand.
        let layout = r.cells.iter().flatten().any(|b| !matches!(b.kind, BlockKind::Para(_)));
        if layout {
            for c in &r.cells {
                self.children(c, ctx);
            }
            return;
        }
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| doc::collapse(&c.iter().map(Block::plain).collect::<Vec<_>>().join(" ")))
            .collect();
        // A header row of column labels says nothing; one that is a form field ("| Vorname |
        // Ada |") is data.
        let field = cells.len() == 2 && crate::parse::vocab::fields::label(&cells[0]).is_some();
        let labels = cells.iter().all(|c| c.split_whitespace().count() <= 3)
            && !cells.iter().any(|c| c.chars().any(|ch| ch.is_ascii_digit()))
            && !field;
        let mut cells: Vec<String> = cells.into_iter().filter(|c| !c.is_empty()).collect();
        if cells.is_empty() || r.header && labels {
            return;
        }
        // A bullet glyph in a cell of its own (a page laid out as a grid) marks a list item.
        let bullet = cells.len() >= 2 && is_bullet_glyph(&cells[0]);
        if bullet {
            cells.remove(0);
        }
        let item = bullet.then(|| self.id());
        self.block += 1;
        let inlines: Vec<Inline> = r
            .cells
            .iter()
            .flatten()
            .filter_map(Block::inlines)
            .flat_map(|i| i.iter().cloned())
            .collect();
        let text = cells.join(" | ");
        let mut l = line_of(&inlines, &text);
        l.whole_strong = false;
        let at = r.cells.iter().flatten().next().map_or(line, |b| b.pos.line);
        let ctx = match item {
            Some(id) => &Ctx {
                item: Some(id),
                parent_item: ctx.item,
                depth: ctx.depth.saturating_add(1),
                ..ctx.clone()
            },
            None => ctx,
        };
        self.push(l, at, ctx, |l| {
            l.bullet = bullet;
            l.cols = if cells.len() > 1 { cells } else { Vec::new() };
            l.header_row = r.header;
        });
    }

    /// "dates | Title, Employer, Town. ⏎ What the work was": a row of a dates cell and a cell
    /// of several lines is an entry whose first line is the header (a row of two cells) and
    /// whose other lines are its body, as a CV template sets them.
    fn dated_entry_row(&mut self, r: &doc::Row, ctx: &Ctx) -> bool {
        let [a, b] = r.cells.as_slice() else { return false };
        let only_dates = |c: &[Block]| {
            c.len() == 1 && crate::parse::dates::is_only_dates(&doc::collapse(&c[0].plain()))
        };
        let (dates_cell, body, dates_first) = match (only_dates(a), only_dates(b)) {
            (true, false) => (a, b, true),
            (false, true) => (b, a, false),
            _ => return false,
        };
        let [Block { kind: BlockKind::Para(content), pos }] = body.as_slice() else {
            return false;
        };
        let parts = split_at_breaks(content);
        if parts.len() < 2 {
            return false;
        }
        let dates = doc::collapse(&dates_cell[0].plain());
        let first = doc::plain(parts[0].1);
        if first.is_empty() {
            return false;
        }
        self.block += 1;
        let cols = if dates_first { vec![dates, first] } else { vec![first, dates] };
        let mut l = line_of(parts[0].1, &cols.join(" | "));
        l.whole_strong = false;
        self.push(l, pos.line, ctx, |l| l.cols = cols);
        // The first line starts the content; the break after it is skipped. The lines after
        // it are the entry's description, as a container classed so would say.
        let rest = &content[parts[0].1.len() + 1..];
        let body = Ctx { div: Some("description".into()), ..ctx.clone() };
        self.para(rest, pos.line + 1, &body, false);
        true
    }

    /// A paragraph: one line per source line, the first a bullet when it opens a list item.
    fn para(&mut self, content: &[Inline], line: u32, ctx: &Ctx, bullet: bool) {
        self.block += 1;
        let mut k = 0;
        for (brk, part) in split_at_breaks(content) {
            let text = doc::plain(part);
            if text.is_empty() {
                self.keep_icons(part);
                continue;
            }
            let first = k == 0;
            k += 1;
            let mut l = line_of(part, &text);
            // Soft breaks may join wrapped lines; a hard break always ends a paragraph.
            l.para = if !first && brk == Some(&Inline::SoftBreak) { SOFT } else { 0 };
            self.push(l, line + k as u32 - 1, ctx, |l| l.bullet = bullet && first);
        }
    }

    /// The links of a text-less stretch of a paragraph (a row of icons), kept with the line
    /// before it, or the next one when none came before.
    fn keep_icons(&mut self, part: &[Inline]) {
        let links = doc::links(part).into_iter().map(|(_, url)| Link { text: url.clone(), url });
        match self.out.last_mut() {
            Some(last) => last.icon_links.extend(links),
            None => self.icons.extend(links),
        }
    }

    fn push(&mut self, mut l: Line, source: u32, ctx: &Ctx, set: impl FnOnce(&mut Line)) {
        l.icon_links.append(&mut self.icons);
        l.source = source;
        l.block = self.block;
        l.item = ctx.item;
        l.parent_item = ctx.parent_item;
        l.depth = ctx.depth;
        l.def = ctx.def;
        l.div = ctx.div.clone().filter(|d| ctx.record_class.as_ref() != Some(d));
        l.divs = ctx.divs.clone();
        l.record = ctx.record;
        set(&mut l);
        self.out.push(l);
    }
}

/// Of the longer words (four letters or more, in a script with capitals), how many start in
/// lower case, and how many there are: names are capitalised, sentences are not.
pub fn lower_case_words<'a>(words: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let cased = words.filter(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && w.chars().next().is_some_and(|c| c.is_lowercase() || c.is_uppercase())
    });
    cased.fold((0, 0), |(lower, n), w| {
        (lower + usize::from(w.starts_with(char::is_lowercase)), n + 1)
    })
}

/// A line's text and inline features.
fn line_of(inlines: &[Inline], text: &str) -> Line {
    let mut strong = Vec::new();
    emphasised(inlines, &mut strong);
    let links = doc::links(inlines)
        .into_iter()
        .map(|(t, url)| Link { text: if t.is_empty() { url.clone() } else { t }, url })
        .collect();
    let joined = doc::collapse(&strong.join(" "));
    let whole_strong = !joined.is_empty()
        && joined == text.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let text = crate::parse::read::normalise::strip_decoration(text.trim_start());
    Line { text: text.to_string(), strong, whole_strong, links, ..Default::default() }
}

/// Texts of strong and emphasised spans (outermost), in order.
fn emphasised(inlines: &[Inline], out: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Strong(c) | Inline::Emph(c) => {
                let t = doc::plain(c);
                if !t.is_empty() {
                    out.push(t);
                }
            }
            Inline::Link { content, .. } => emphasised(content, out),
            _ => {}
        }
    }
}

/// Inline content split at breaks, each part with the break before it (borrowed, not
/// copied: a paragraph may hold a whole document's lines). A soft break inside brackets
/// ("Analyst · (May ⏎ 2020 - June 2021)") or after a joining word ("Studies and ⏎ Planning")
/// wraps one line: the parts are one.
fn split_at_breaks(content: &[Inline]) -> Vec<(Option<&Inline>, &[Inline])> {
    let mut out: Vec<(Option<&Inline>, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    let mut brk = None;
    for (k, i) in content.iter().enumerate() {
        if matches!(i, Inline::SoftBreak | Inline::LineBreak) {
            out.push((brk, start..k));
            brk = Some(i);
            start = k + 1;
        }
    }
    out.push((brk, start..content.len()));
    let mut merged: Vec<(Option<&Inline>, std::ops::Range<usize>)> = Vec::new();
    for (brk, range) in out {
        if let Some((_, last)) = merged.last_mut()
            && brk == Some(&Inline::SoftBreak)
            && closes_open_bracket(
                &doc::plain(&content[last.clone()]),
                &doc::plain(&content[range.clone()]),
            )
        {
            last.end = range.end;
            continue;
        }
        merged.push((brk, range));
    }
    merged.into_iter().map(|(b, r)| (b, &content[r])).collect()
}

/// Whether a line ends inside a bracket that the next line closes before it opens another,
/// or on a word that cannot end a line of its own ("Academy of Water Studies and").
fn closes_open_bracket(line: &str, next: &str) -> bool {
    const JOINING: [&str; 16] = [
        "and", "of", "for", "the", "&", "und", "für", "der", "et", "de", "des", "du", "y", "del",
        "van", "voor",
    ];
    let open = line.matches('(').count() > line.matches(')').count();
    let close = next.find(')');
    let bracket = open && close.is_some_and(|c| next.find('(').is_none_or(|o| o > c));
    let last = line.split_whitespace().last().unwrap_or("");
    let joining = line.split_whitespace().nth(2).is_some()
        && JOINING.contains(&last.to_lowercase().as_str())
        && next.chars().next().is_some_and(char::is_alphanumeric);
    line.len() < 200 && (bracket || joining)
}

/// Paragraph ids: a new paragraph at every block and after every line that does not wrap
/// into the next.
fn assign_paragraphs(lines: &mut [Line]) {
    let width = typical_width(lines);
    let mut para = 0;
    for i in 0..lines.len() {
        let continues = lines[i].para == SOFT
            && i > 0
            && lines[i - 1].block == lines[i].block
            && (wraps(&lines[i - 1].text, width) || ends_mid_list(&lines[i - 1].text))
            // A section heading never continues a wrapped line.
            && !(lines[i].words() <= 4 && sections::section(&lines[i].text).is_some())
            // Lines that each open with a year are a list, not one sentence.
            && !(opens_with_year(&lines[i - 1].text) && opens_with_year(&lines[i].text));
        if !continues {
            para += 1;
        }
        lines[i].para = para;
    }
}

/// "C# · Rust ·", "Python, Go,": a line that ends on a list separator goes on with the list
/// on the next line, however short it is.
fn ends_mid_list(text: &str) -> bool {
    text.trim_end().ends_with([',', ';', '·', '•', '|'])
}

/// "2013 Travel grant…", "1998-2002: …": a line that starts with a year.
fn opens_with_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() > 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(&text[..2], "19" | "20")
        && !b[4].is_ascii_digit()
}

/// The length of a full line (the 90th percentile): what a wrapped line reaches.
fn typical_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    lens.sort_unstable();
    lens.get(lens.len() * 9 / 10).copied().unwrap_or(80).max(40)
}

/// A line that reaches the margin without ending a sentence continues on the next.
fn wraps(text: &str, width: usize) -> bool {
    let chars = text.chars().count();
    chars * 10 >= width * 6 && chars >= 40 && !text.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::read;

    fn html(text: &str) -> Vec<Line> {
        lines(&read::document(text, Some(read::Markup::Html)))
    }

    #[test]
    fn a_table_of_names_over_rating_bars_is_a_list_of_the_names() {
        let ls = html(
            "<table><tr><th>Throwing</th><th>Glazing</th></tr><tr><td>&#9632;&#9632;&#9633;</td><td>&#9733;&#9734;&#9734;</td></tr><tr><th>Firing</th></tr><tr><td>&#9632;&#9633;&#9633;</td></tr></table>",
        );
        let t: Vec<(&str, bool)> = ls.iter().map(|l| (l.text.as_str(), l.bullet)).collect();
        assert_eq!(t, [("Throwing", true), ("Glazing", true), ("Firing", true)]);
        // A table with words under its header row is data, read row by row.
        let ls = html(
            "<table><tr><th>Tool</th><th>Level</th></tr><tr><td>Wheel</td><td>&#9632;&#9632;</td></tr></table>",
        );
        assert!(ls.iter().any(|l| l.text.contains("Wheel")));
    }

    #[test]
    fn a_heading_opened_by_a_bullet_glyph_is_a_list_item() {
        let ls = html(
            "<ul><li><h4>Potter | Clayworks</h4><p>2019 - 2021</p><h4>● Kilns:</h4><p>Tuned the kilns.</p></li><li><h4>● Glazes:</h4><p>Mixed the glazes.</p></li></ul>",
        );
        let t: Vec<(&str, bool, bool)> =
            ls.iter().map(|l| (l.text.as_str(), l.heading.is_some(), l.bullet)).collect();
        assert_eq!(
            t,
            [
                ("Potter | Clayworks", true, false),
                ("2019 - 2021", false, false),
                ("Kilns:", false, true),
                ("Tuned the kilns.", false, false),
                ("Glazes:", false, true),
                ("Mixed the glazes.", false, false),
            ]
        );
        assert_eq!(ls[2].item, ls[3].item);
        assert_eq!(ls[4].item, ls[5].item);
    }

    #[test]
    fn a_bullet_glyph_in_its_own_cell_makes_a_list_item() {
        let ls = html(
            "<table><tr><td>•</td><td>Tuned the kilns</td></tr><tr><td>o</td><td>Fired the pots</td></tr><tr><td>2019</td><td>Potter</td></tr></table>",
        );
        let t: Vec<(&str, bool, usize)> =
            ls.iter().map(|l| (l.text.as_str(), l.bullet, l.cols.len())).collect();
        assert_eq!(
            t,
            [
                ("Tuned the kilns", true, 0),
                ("Fired the pots", true, 0),
                ("2019 | Potter", false, 2)
            ]
        );
        assert_ne!(ls[0].item, ls[1].item);
    }

    #[test]
    fn a_label_cell_beside_a_list_is_a_definition() {
        let ls = html(
            "<table><tr><td>Glazes</td><td><ul><li>Celadon</li><li>Tenmoku</li></ul></td></tr></table>",
        );
        let t: Vec<(&str, bool, bool)> =
            ls.iter().map(|l| (l.text.as_str(), l.term, l.bullet)).collect();
        assert_eq!(
            t,
            [("Glazes", true, false), ("Celadon", false, true), ("Tenmoku", false, true)]
        );
        assert!(ls[1].def.is_some() && ls[1].def == ls[0].def);
    }

    #[test]
    fn a_layout_table_is_read_cell_by_cell_and_a_labelled_definition_is_a_field() {
        let ls = html(
            "<table><tr><td><img alt=\"me\"></td><td><dl><dt>Email</dt><dd>ada@example.org</dd><dt>Kilns</dt><dd>Two</dd></dl></td></tr></table>",
        );
        let t: Vec<(&str, Option<&str>)> =
            ls.iter().map(|l| (l.text.as_str(), l.field.as_deref())).collect();
        assert_eq!(
            t,
            [("Email: ada@example.org", Some("Email")), ("Kilns", None), ("Two", None)],
            "{ls:?}"
        );
    }

    #[test]
    fn numbered_lines_in_a_row_are_items() {
        let doc = read::document(
            "Skills\n\n1.teamwork\n\n2.discipline and care\n\n3) leading\n\n1.5 years abroad\n",
            Some(read::Markup::Markdown),
        );
        let ls = lines(&doc);
        let t: Vec<(&str, bool)> = ls.iter().map(|l| (l.text.as_str(), l.bullet)).collect();
        assert_eq!(
            t,
            [
                ("Skills", false),
                ("teamwork", true),
                ("discipline and care", true),
                ("leading", true),
                ("1.5 years abroad", false),
            ]
        );
        // Zero-padded numbers need no stop; a lone "05 km" is no numbering.
        let doc = read::document(
            "Projects\n01 Webshop – Rust\n02 Blog – Go\n\n05 km walked\n",
            Some(read::Markup::Text),
        );
        let t: Vec<(String, bool)> = lines(&doc).into_iter().map(|l| (l.text, l.bullet)).collect();
        let t: Vec<(&str, bool)> = t.iter().map(|(s, b)| (s.as_str(), *b)).collect();
        assert_eq!(
            t,
            [
                ("Projects", false),
                ("Webshop – Rust", true),
                ("Blog – Go", true),
                ("05 km walked", false)
            ]
        );
    }

    #[test]
    fn lines_keep_their_place_in_the_tree() {
        let doc = read::document(
            "# Ada\n\n* [Acme](https://acme.example)\n\n  More about it.\n* **Lead** 2019 - 2020\n  Acme Corp\n  - Built it\n\nTools\n: Git\n\n| a | b |\n|---|---|\n| 2019 | x |\n",
            Some(read::Markup::Markdown),
        );
        let ls = lines(&doc);
        let t: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "Ada",
                "Acme",
                "More about it.",
                "Lead 2019 - 2020",
                "Acme Corp",
                "Built it",
                "Tools",
                "Git",
                "2019 | x"
            ]
        );
        assert_eq!(ls[0].heading, Some(1));
        assert!(ls[1].bullet && !ls[2].bullet && ls[2].item == ls[1].item);
        assert_eq!(ls[1].links[0].url, "https://acme.example");
        assert_eq!(ls[3].strong, ["Lead"]);
        assert_eq!(ls[4].item, ls[3].item);
        assert_ne!(ls[4].para, ls[3].para, "short lines end their paragraph");
        assert_eq!(ls[5].parent_item, ls[3].item);
        assert!(ls[6].term && ls[7].def == ls[6].def && ls[7].def.is_some());
        assert_eq!(ls[8].cols, ["2019", "x"]);
        assert_eq!(ls[8].source, 15);
    }

    #[test]
    fn a_bracket_wrapped_onto_the_next_line_is_one_line() {
        let got = crate::parse::interpret::testing::from_markdown(
            "Quillmoor\nGraphic Design · (March\n2015 - May 2019)\nLyon (France)\n",
        );
        let texts: Vec<&str> = got.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Quillmoor", "Graphic Design · (March 2015 - May 2019)", "Lyon (France)"]
        );
    }

    #[test]
    fn wrapped_lines_share_a_paragraph() {
        let doc = read::document(
            "Initech\nI lead a team that is responsible for billing platforms and many other things\nat Initech, with many people.\nShort\n",
            None,
        );
        let ls = lines(&doc);
        assert_ne!(ls[0].para, ls[1].para);
        assert_eq!(ls[1].para, ls[2].para);
        assert_ne!(ls[2].para, ls[3].para);
    }
}
