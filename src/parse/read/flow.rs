//! The paragraph flow shared by the readers of word-processor formats (DOCX, ODT): a
//! paragraph's pieces (text runs with their formatting, tab stops, breaks) become inlines split
//! into cells at tab stops, a typed bullet makes a list item, and a container's paragraphs are
//! grouped into nested lists, tab-aligned tables and floating boxes in reading order.

use crate::diag::Diagnostic;
use crate::parse::doc::{Block, BlockKind, Field, Inline, Row, normalise_inlines};
use crate::parse::read::floats::{self, Rect};
use crate::parse::read::package::resave_hint;
use crate::parse::read::xml::{self, XmlError};

/// A piece of a paragraph's content before it is grouped into inlines.
#[derive(Debug, Clone)]
pub struct Piece {
    pub kind: PieceKind,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// What a piece is: text, or a mark that shapes the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum PieceKind {
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
pub enum Item {
    Block(Block),
    Para(Para),
    Float(Float),
}

/// A paragraph waiting to be grouped with its neighbours.
pub struct Para {
    line: u32,
    kind: ParaKind,
    /// The paragraph split at tab stops.
    cells: Vec<Vec<Inline>>,
    /// The bullet typed in front of it, if any.
    typed: Option<Typed>,
}

/// What a paragraph is to a reader.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ParaKind {
    /// Level as in the tree; 0 marks a Title until the levels are settled.
    Heading(u8),
    Body,
    Item {
        level: u8,
        ordered: bool,
    },
}

/// A text box.
pub struct Float {
    pub rect: Option<Rect>,
    pub floating: bool,
    pub blocks: Vec<Block>,
    pub line: u32,
}

/// A paragraph of `kind` from its pieces: a typed bullet makes a body paragraph a list item,
/// tab stops split it into cells (a heading's are joined). `None` when nothing is visible.
pub fn paragraph(line: u32, mut kind: ParaKind, mut pieces: Vec<Piece>) -> Option<Para> {
    let typed = if kind == ParaKind::Body { strip_typed_bullet(&mut pieces) } else { None };
    if typed.is_some() {
        kind = ParaKind::Item { level: 0, ordered: false };
    } else if kind == ParaKind::Body && strip_typed_number(&mut pieces) {
        kind = ParaKind::Item { level: 0, ordered: true };
    }
    let mut cells = split_cells(pieces);
    if matches!(kind, ParaKind::Heading(_)) && cells.len() > 1 {
        cells = vec![join_cells(cells)];
    }
    (!cells.is_empty()).then_some(Para { line, kind, cells, typed })
}

impl Para {
    /// The text of a body paragraph that could be a heading by its look: one cell, one line,
    /// no bullet typed in front.
    pub fn heading_candidate(&self) -> Option<String> {
        if self.kind != ParaKind::Body || self.typed.is_some() || self.cells.len() != 1 {
            return None;
        }
        let cell = &self.cells[0];
        if cell.iter().any(|i| matches!(i, Inline::LineBreak | Inline::SoftBreak)) {
            return None;
        }
        Some(crate::parse::doc::plain(cell))
    }

    /// Makes the paragraph a heading of `level`.
    pub fn make_heading(&mut self, level: u8) {
        self.kind = ParaKind::Heading(level);
    }

    /// Makes a heading a body paragraph again, its text one cell as a heading has it.
    pub fn make_body(&mut self) {
        if matches!(self.kind, ParaKind::Heading(_)) {
            self.kind = ParaKind::Body;
        }
    }

    /// The paragraph's text, its cells joined by a space.
    pub fn text(&self) -> String {
        let cells: Vec<String> = self.cells.iter().map(|c| crate::parse::doc::plain(c)).collect();
        cells.join(" ")
    }
}

/// Heading levels from here on are provisional: a line that may be a heading by its look,
/// settled once the whole document is read (see the DOCX reader's `looks`).
pub const LOOK_BASE: u8 = 100;

/// A table from its rows. A table whose cells hold more than one block each, or lists and
/// headings, lays out the page (a two-column resume, a date column beside each entry): its
/// cells are read in order as the blocks they hold (a `Div`), as is one with one cell of
/// content per row (a frame). Otherwise it is a table of data, whose cells hold no headings.
pub fn table_block(mut rows: Vec<Row>, line: u32) -> Option<Block> {
    if rows.is_empty() {
        return None;
    }
    join_wrapped_entry_rows(&mut rows);
    let framed = rows.iter().all(|r| r.cells.iter().filter(|c| !c.is_empty()).count() <= 1);
    let laid_out = rows.iter().flat_map(|r| &r.cells).any(|c| holds_layout(c))
        && !rows.iter().all(labels_content);
    if framed || laid_out {
        let blocks = rows.into_iter().flat_map(|r| r.cells.into_iter().flatten()).collect();
        return Some(Block::new(BlockKind::Div { class: Some("table".into()), blocks }, line));
    }
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        visit(cell, &mut |b| {
            if let BlockKind::Heading { level, content } = &mut b.kind
                && *level >= LOOK_BASE
            {
                b.kind = BlockKind::Para(std::mem::take(content));
            }
        });
    }
    if let Some(fields) = form_fields(&rows) {
        return Some(Block::new(BlockKind::Fields(fields), line));
    }
    Some(Block::new(BlockKind::Table(rows), line))
}

/// Rows that wrap one entry over several: a row whose first cell finishes the date range the
/// row above left open ("Mar 2031 –" over "Aug 2033") continues that row, and so do the rows
/// right under it whose first cell is empty (its name or place wrapping on). Their cells join
/// the cells above, column by column, as a reader sees one entry beside one date range.
fn join_wrapped_entry_rows(rows: &mut Vec<Row>) {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut joining = false;
    for row in rows.drain(..) {
        let continues = match out.last() {
            Some(above) if above.cells.len() == row.cells.len() && row.cells.len() >= 2 => {
                let first = |r: &Row| r.cells[0].iter().map(Block::plain).collect::<String>();
                let plain_cells =
                    row.cells.iter().flatten().all(|b| matches!(b.kind, BlockKind::Para(_)));
                let any_text = row.cells.iter().skip(1).any(|c| !c.is_empty());
                let own_first = first(&row);
                plain_cells
                    && (finishes_range(&first(above), &own_first)
                        || own_first.is_empty()
                            && any_text
                            && (joining || sentence_wraps_on(above, &row)))
            }
            _ => false,
        };
        joining = continues;
        match out.last_mut() {
            Some(above) if continues => {
                for (cell, more) in above.cells.iter_mut().zip(row.cells) {
                    join_cell(cell, more);
                }
            }
            _ => out.push(row),
        }
    }
    *rows = out;
}

/// Whether every filled cell of `below` carries on a sentence the cell above it left
/// unfinished: the text above ends in a comma or a joining word, or the text below starts in
/// lower case ("Kept the line running," over "fixed the presses").
fn sentence_wraps_on(above: &Row, below: &Row) -> bool {
    let text = |c: &[Block]| c.iter().map(Block::plain).collect::<Vec<_>>().join(" ");
    above.cells.iter().zip(&below.cells).filter(|(_, b)| !b.is_empty()).all(|(a, b)| {
        let (a, b) = (text(a), text(b));
        let open_end = a.ends_with([',', ';', '&'])
            || a.rsplit(' ').next().is_some_and(|w| matches!(w, "and" | "or" | "of" | "with"));
        let lower_start = b.chars().next().is_some_and(char::is_lowercase);
        !a.is_empty() && (open_end || lower_start)
    })
}

/// Whether `below` finishes the range `above` opens: "Mar 2031 –" and "Aug 2033" (or
/// "now") read together as one range of dates and nothing else.
fn finishes_range(above: &str, below: &str) -> bool {
    let above = above.trim_end_matches([' ', ':']);
    if !above.ends_with(['-', '–', '—']) || below.is_empty() {
        return false;
    }
    let joined = format!("{above} {below}");
    let spans = crate::parse::dates::find_all(&joined);
    matches!(spans.as_slice(), [one] if !one.is_single())
        && crate::parse::dates::is_only_dates(&joined)
}

/// Appends a cell's blocks to the cell above: a paragraph wrapped on goes on after a soft
/// break.
fn join_cell(cell: &mut Vec<Block>, more: Vec<Block>) {
    let mut more = more.into_iter().peekable();
    if let (
        Some(Block { kind: BlockKind::Para(above), .. }),
        Some(Block { kind: BlockKind::Para(_), .. }),
    ) = (cell.last_mut(), more.peek())
        && let Some(Block { kind: BlockKind::Para(content), .. }) = more.next()
    {
        above.push(Inline::SoftBreak);
        above.extend(content);
    }
    cell.extend(more);
}

/// Makes the headings among `blocks` (a table cell's) whose text `demote` accepts
/// paragraphs: lines whose heading style formats something else.
pub fn unhead(blocks: &mut [Block], demote: impl Fn(&str) -> bool) {
    for b in blocks {
        if let BlockKind::Heading { content, .. } = &mut b.kind
            && demote(&crate::parse::doc::plain(content))
        {
            b.kind = BlockKind::Para(std::mem::take(content));
        }
    }
}

/// A form: cells "Name:" beside their values ("Name: | Jane Roe | | Phone: | +1 555"), a value
/// running on down its column in rows with no label ("Address: | 1 Elm St" over "| Springfield").
/// The fields, column by column as a form is read, or `None` when any cell fits no field.
fn form_fields(rows: &[Row]) -> Option<Vec<Field>> {
    // Each field with the column of its label, and the row it starts on.
    let mut fields: Vec<(usize, usize, Field)> = Vec::new();
    // The field a value column continues.
    let mut by_column: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        let mut label: Option<(usize, Vec<Inline>)> = None;
        for (c, cell) in row.cells.iter().enumerate() {
            let content = match cell.as_slice() {
                [] => continue,
                [one] => match &one.kind {
                    BlockKind::Para(content) => content,
                    _ => return None,
                },
                _ => return None,
            };
            let text = crate::parse::doc::plain(content);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if form_label(text) {
                if label.is_some() {
                    return None;
                }
                let key = text.trim_end_matches(':').trim_end();
                label = Some((c, vec![Inline::Text(key.to_string())]));
            } else if let Some((lc, key)) = label.take() {
                by_column.insert(c, fields.len());
                fields.push((lc, r, Field { key, value: content.clone() }));
            } else {
                let &k = by_column.get(&c)?;
                let value = &mut fields[k].2.value;
                value.push(Inline::Text(" ".into()));
                value.extend(content.iter().cloned());
            }
        }
        if label.is_some() {
            return None;
        }
    }
    if fields.len() < 2 {
        return None;
    }
    fields.sort_by_key(|(c, r, _)| (*c, *r));
    Some(fields.into_iter().map(|(_, _, f)| f).collect())
}

/// A form's label: a few words ending with a colon ("Date of birth:").
fn form_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    text.ends_with(':')
        && (1..=4).contains(&words)
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// "Label | bullets": a row whose first cell is a short label (a skill group, an employer)
/// and whose second holds its content (a list, several paragraphs). A table of such rows is
/// labelled content, read as a table (each label with what it labels), not page layout.
fn labels_content(row: &Row) -> bool {
    let [label, body] = row.cells.as_slice() else { return false };
    let label_text = match label.as_slice() {
        [one] => match &one.kind {
            BlockKind::Para(c) => crate::parse::doc::plain(c),
            BlockKind::Heading { level, content } if *level >= LOOK_BASE => {
                crate::parse::doc::plain(content)
            }
            _ => return false,
        },
        _ => return false,
    };
    let words = label_text.split_whitespace().count();
    let plain_body = body.iter().all(|b| match &b.kind {
        BlockKind::Para(_) | BlockKind::List { .. } => true,
        BlockKind::Heading { level, .. } => *level >= LOOK_BASE,
        _ => false,
    });
    (1..=6).contains(&words)
        && !label_text.chars().any(|c| c.is_ascii_digit())
        && plain_body
        && (body.len() >= 2 || body.iter().any(|b| matches!(b.kind, BlockKind::List { .. })))
}

/// A cell's content is more than one value: several blocks, or one that is neither a
/// paragraph nor a table of data (a line that is a heading only by its look counts as a
/// paragraph here).
fn holds_layout(cell: &[Block]) -> bool {
    match cell {
        [] => false,
        [one] => match &one.kind {
            BlockKind::Para(_) | BlockKind::Table(_) => false,
            BlockKind::Heading { level, .. } => *level < LOOK_BASE,
            _ => true,
        },
        _ => true,
    }
}

/// The warning for a package or part read only in part; `app` is what repairs it.
pub fn damaged(what: &str, app: &str) -> Diagnostic {
    Diagnostic::warning(format!("{what}; read what could be recovered")).hint(format!(
        "check the imported resume against the document; saving it again from {app} repairs the file"
    ))
}

/// The error for a part the XML reader refused.
pub fn refused_part(name: &str, e: XmlError, what: &str) -> Diagnostic {
    let why = match e {
        XmlError::TooDeep => format!("nests elements more than {} deep", xml::MAX_DEPTH),
        XmlError::TooLarge => format!("holds more than {} elements", xml::MAX_ELEMENTS),
        XmlError::Dtd => {
            "declares a DTD with entities, which word processors never write".to_string()
        }
    };
    Diagnostic::error(format!(
        "the part `{name}` {why}: no resume is built like that (the file is damaged or made to exhaust readers)"
    ))
    .hint(resave_hint(what))
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

/// Removes a number typed with a tab after it at the start of a paragraph ("1.⇥Acme",
/// "2)⇥Rust"): Word's numbering done by hand, a list item and not a first cell. A number
/// followed by a space stays text ("1. Roe, J. (2019) ...", "2019 Acme").
fn strip_typed_number(pieces: &mut Vec<Piece>) -> bool {
    let Some(k) = pieces.iter().position(|p| !p.is_blank()) else { return false };
    let PieceKind::Text(t) = &pieces[k].kind else { return false };
    let t = t.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let numbered = (1..=2).contains(&digits)
        && t.len() == digits + 1
        && t.ends_with(['.', ')'])
        && matches!(pieces.get(k + 1).map(|p| &p.kind), Some(PieceKind::Tab))
        && pieces[k + 2..].iter().any(|p| !p.is_blank());
    if numbered {
        pieces.drain(..k + 2);
        while pieces.first().is_some_and(Piece::is_blank) {
            pieces.remove(0);
        }
    }
    numbered
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
        if group[0].bold {
            push_span(&mut out, content, Inline::Strong)
        } else {
            out.extend(content)
        }
    }
    out
}

fn italic_groups(pieces: &[Piece]) -> Vec<Inline> {
    let mut out = Vec::new();
    for group in split_by(pieces, |a, b| a.italic == b.italic) {
        let content: Vec<Inline> = group.iter().filter_map(piece_inline).collect();
        if group[0].italic {
            push_span(&mut out, content, Inline::Emph)
        } else {
            out.extend(content)
        }
    }
    out
}

/// Pushes a bold or italic span. Spaces at its edges (a label set bold with the spaces
/// that part it from the plain value) stay outside it, so the words on either side stay
/// apart when the span's content is trimmed.
fn push_span(out: &mut Vec<Inline>, content: Vec<Inline>, span: fn(Vec<Inline>) -> Inline) {
    let edge = |i: Option<&Inline>, at_end: bool| {
        matches!(i, Some(Inline::Text(t)) if if at_end {
            t.ends_with(char::is_whitespace)
        } else {
            t.starts_with(char::is_whitespace)
        })
    };
    let (lead, trail) = (edge(content.first(), false), edge(content.last(), true));
    if lead {
        out.push(Inline::Text(" ".into()));
    }
    out.push(span(content));
    if trail {
        out.push(Inline::Text(" ".into()));
    }
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
pub fn assemble(mut items: Vec<Item>) -> Vec<Block> {
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

/// Calls `f` on every block of the tree, outer ones first.
pub fn visit(blocks: &mut [Block], f: &mut impl FnMut(&mut Block)) {
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

    fn text(t: &str) -> Piece {
        Piece { kind: PieceKind::Text(t.into()), bold: false, italic: false, link: None }
    }

    fn row(cells: &[&str]) -> Row {
        let cell = |t: &&str| {
            if t.is_empty() {
                Vec::new()
            } else {
                vec![Block::new(BlockKind::Para(vec![Inline::Text(t.to_string())]), 1)]
            }
        };
        Row { cells: cells.iter().map(cell).collect(), header: false }
    }

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                let cells: Vec<String> =
                    r.cells.iter().map(|c| c.iter().map(Block::plain).collect()).collect();
                cells.join(" | ")
            })
            .collect()
    }

    #[test]
    fn an_entry_wrapped_over_rows_beside_a_split_date_range_is_one_row() {
        let mut rows = vec![
            row(&["Mar 2031 –", "Acme Widgets", "Cog Whittler"]),
            row(&["Aug 2033:", "Springfield", ""]),
            row(&["", "North Branch", ""]),
            row(&["Duties:", "Kept the line running,", ""]),
            row(&["", "fixed the presses", ""]),
            row(&["Sep 2033 – now", "Globex", "Lead"]),
            row(&["", "Shelbyville", ""]),
            row(&["Sep 2035 –", "Initech", "Kite Flyer"]),
            row(&["now", "Ogdenville", ""]),
        ];
        join_wrapped_entry_rows(&mut rows);
        assert_eq!(
            texts(&rows),
            [
                "Mar 2031 – Aug 2033: | Acme Widgets Springfield North Branch | Cog Whittler",
                "Duties: | Kept the line running, fixed the presses | ",
                "Sep 2033 – now | Globex | Lead",
                " | Shelbyville | ",
                "Sep 2035 – now | Initech Ogdenville | Kite Flyer",
            ]
        );
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

    #[test]
    fn spaces_at_the_edge_of_a_bold_run_keep_the_words_apart() {
        let bold = |t: &str| Piece { bold: true, ..text(t) };
        let para = paragraph(1, ParaKind::Body, vec![bold("Quuxer      "), text("Acme")]);
        let para = para.unwrap();
        assert_eq!(para.text(), "Quuxer Acme");
        let para = paragraph(1, ParaKind::Body, vec![text("Lives in"), bold(" Porto")]).unwrap();
        assert_eq!(para.text(), "Lives in Porto");
    }

    #[test]
    fn a_number_typed_before_a_tab_makes_an_ordered_item() {
        let tab = || Piece { kind: PieceKind::Tab, ..text("") };
        let item = paragraph(1, ParaKind::Body, vec![text("2."), tab(), text("Globex – GBX")]);
        let item = item.unwrap();
        assert_eq!(item.kind, ParaKind::Item { level: 0, ordered: true });
        assert_eq!(item.text(), "Globex – GBX");
        // A number before a space, a year before a tab, a number with nothing after: text.
        for pieces in [
            vec![text("1. Roe, J. Reactive parsing, 2019")],
            vec![text("2019"), tab(), text("Acme")],
            vec![text("3)"), tab()],
        ] {
            let para = paragraph(1, ParaKind::Body, pieces).unwrap();
            assert_eq!(para.kind, ParaKind::Body, "{}", para.text());
        }
    }
}
