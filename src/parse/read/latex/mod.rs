//! LaTeX reader: article-class CVs and the common CV classes and templates into the document
//! tree, by a small TeX-like interpreter.
//!
//! Written here: the LaTeX crates for Rust typeset or highlight; none reads a document's
//! structure. The source is lexed into TeX tokens ([`lexer`]); macros the document defines
//! (`\newcommand`, `\renewcommand`, `\def`, `\let`, `\newenvironment`) are expanded within a
//! budget (a multiple of the input), so a template's own `\resumeSubheading` reads as what it
//! prints; then the tokens drive a stack of open containers (lists, tables, quotes), so that
//! a macro may open an environment another closes. Known without a definition: sectioning
//! (`\section`, awesome-cv's `\cvsection`), lists (`itemize`, `enumerate`, `description`,
//! currvita's `cvlist`), `tabular` and its kin (`&` cells, `\\` rows), quotes, text styles
//! (`\textbf`, `\emph`, `{\bf …}`), links (`\href`, `\url`), accents and symbols
//! ([`symbols`]), `--`/`---`/`~`, `\hfill` (a cell boundary: what it pushes right is a cell);
//! the CV macros of moderncv (`\cventry`, `\cvitem`, `\cvitemwithcomment`, `\cvlistitem`, …),
//! awesome-cv (`\cventry`, `\cvhonor`, `\cvskill`), the `\resumeSubheading`/`\resumeItem`
//! family, twenty-seconds (`\twentyitem`), friggeri (`\entry`) and AltaCV (`\cvevent`), each
//! entry a [`BlockKind::Div`] named after its macro holding a row of its slots and its
//! description; and the header commands (`\name`, `\email`, `\phone`, `\homepage`,
//! `\social`, …) into [`Document::meta`]. The preamble prints nothing; settings, floats'
//! pictures, citations and icons are dropped. Never panics; linear in the input.

pub mod include;
mod lexer;
mod symbols;

use std::collections::{HashMap, HashSet};

use lexer::{T, Tok, lex};

use super::linewise::{MAX_COLUMNS, MAX_DEPTH, flatten_inlines};
use super::{is_social_network, social_url};
use crate::parse::doc::{
    Block, BlockKind, Definition, Document, Field, Inline, InlineBuf, Row, plain,
};

/// Reads a LaTeX document or fragment.
pub fn read(text: &str) -> Document {
    let toks = lex(text);
    let class = document_class(&toks);
    // With a `\begin{document}`, what comes before it is the preamble.
    let has_body = begins_document(&toks);
    // Expansion may add twice the document's tokens (templates add far less), bounding time
    // and memory whatever the macros do.
    let budget = toks.len() * 2 + 64 * 1024;
    let mut reader = Reader {
        class,
        macros: HashMap::new(),
        envs: HashMap::new(),
        meta: Vec::new(),
        names: (None, None),
        budget,
        preamble: has_body,
        done: false,
        math: false,
        depth: 0,
        sections: false,
        registers: HashSet::new(),
    };
    let mut ctx = Ctx::new();
    reader.run(&mut Stream::new(toks), &mut ctx);
    let blocks = ctx.finish();
    reader.finish_names();
    Document { blocks, meta: reader.meta, ..Default::default() }
}

/// `\begin{document}` somewhere in the tokens.
fn begins_document(toks: &[T]) -> bool {
    let word: Vec<char> = "document".chars().collect();
    toks.windows(word.len() + 3).any(|w| {
        matches!(&w[0].tok, Tok::Cs(b) if &**b == "begin")
            && w[1].tok == Tok::Open
            && w[2..2 + word.len()].iter().zip(&word).all(|(t, c)| t.tok == Tok::Char(*c))
            && w[2 + word.len()].tok == Tok::Close
    })
}

/// The document class's name (`moderncv`, `awesome-cv`, `article`, …), lower-cased.
fn document_class(toks: &[T]) -> String {
    let Some(k) = toks.iter().position(|t| matches!(&t.tok, Tok::Cs(n) if &**n == "documentclass"))
    else {
        return String::new();
    };
    let mut s = Stream::new(toks[k + 1..toks.len().min(k + 200)].to_vec());
    let _ = s.read_opt();
    raw_text(&s.read_arg()).trim().to_ascii_lowercase()
}

/// A macro the document defines.
#[derive(Clone)]
struct Macro {
    nargs: usize,
    /// The default of an optional first argument.
    default: Option<Vec<T>>,
    body: Vec<T>,
}

#[derive(Clone)]
struct EnvDef {
    nargs: usize,
    default: Option<Vec<T>>,
    begin: Vec<T>,
    end: Vec<T>,
}

/// Tokens with a pushback stack for macro expansions.
struct Stream {
    toks: std::vec::IntoIter<T>,
    pending: Vec<T>,
}

impl Stream {
    fn new(toks: Vec<T>) -> Stream {
        Stream { toks: toks.into_iter(), pending: Vec::new() }
    }

    fn next(&mut self) -> Option<T> {
        self.pending.pop().or_else(|| self.toks.next())
    }

    fn peek(&mut self) -> Option<&Tok> {
        if self.pending.is_empty() {
            let t = self.toks.next()?;
            self.pending.push(t);
        }
        self.pending.last().map(|t| &t.tok)
    }

    fn push_front(&mut self, toks: Vec<T>) {
        self.pending.extend(toks.into_iter().rev());
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(Tok::Space { .. })) {
            self.next();
        }
    }

    /// The tokens of a `{…}` group (the opening brace already read), up to its match.
    fn group_body(&mut self) -> Vec<T> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(t) = self.next() {
            match t.tok {
                Tok::Open => depth += 1,
                Tok::Close if depth == 0 => break,
                Tok::Close => depth -= 1,
                _ => {}
            }
            out.push(t);
        }
        out
    }

    /// A macro argument: a group's contents, or one token.
    fn read_arg(&mut self) -> Vec<T> {
        self.skip_spaces();
        match self.peek() {
            Some(Tok::Open) => {
                self.next();
                self.group_body()
            }
            Some(Tok::Close | Tok::Par) | None => Vec::new(),
            Some(_) => self.next().into_iter().collect(),
        }
    }

    /// An optional `[…]` argument (brackets inside braces do not end it).
    fn read_opt(&mut self) -> Option<Vec<T>> {
        self.skip_spaces();
        if self.peek() != Some(&Tok::Char('[')) {
            return None;
        }
        self.next();
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(t) = self.next() {
            match t.tok {
                Tok::Open => depth += 1,
                Tok::Close => depth = depth.saturating_sub(1),
                Tok::Char(']') if depth == 0 => return Some(out),
                Tok::Par => {
                    // An unclosed bracket: what was read goes back.
                    out.push(t);
                    break;
                }
                _ => {}
            }
            out.push(t);
        }
        Some(out)
    }

    /// The braced arguments that follow, up to `max`: how many a macro was given.
    /// Up to `max` arguments written next to each other: one on the next line is the body's
    /// text (`\begin{rSection}{Education}` then `{\bf University}` on its own line).
    fn read_adjacent_args(&mut self, max: usize) -> Vec<Vec<T>> {
        let mut out = Vec::new();
        while out.len() < max {
            let mut spaces = Vec::new();
            while let Some(Tok::Space { newline }) = self.peek() {
                let newline = *newline;
                spaces.extend(self.next());
                if newline {
                    break;
                }
            }
            let newline = spaces.iter().any(|t| matches!(t.tok, Tok::Space { newline: true }));
            if newline || self.peek() != Some(&Tok::Open) {
                self.push_front(spaces);
                break;
            }
            self.next();
            out.push(self.group_body());
        }
        out
    }

    fn read_args_up_to(&mut self, max: usize) -> Vec<Vec<T>> {
        let mut out = Vec::new();
        while out.len() < max {
            let mut spaces = Vec::new();
            while let Some(Tok::Space { .. }) = self.peek() {
                spaces.extend(self.next());
            }
            if self.peek() != Some(&Tok::Open) {
                self.push_front(spaces);
                break;
            }
            self.next();
            out.push(self.group_body());
        }
        out
    }

    /// The group that starts here, if it closes within `max` tokens that could spell a
    /// length (digits, units, `\textwidth`); else the tokens read, to be put back. It stops at
    /// the first token no length has, so the look-ahead costs little.
    fn take_length_group(&mut self, max: usize) -> Ahead {
        let mut toks: Vec<T> = self.next().into_iter().collect();
        while toks.len() < max {
            let Some(t) = self.next() else { break };
            let fits = match &t.tok {
                Tok::Close => {
                    toks.push(t);
                    return Ahead { toks, closed: true };
                }
                Tok::Char(c) => c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | '+'),
                Tok::Space { .. } => true,
                Tok::Cs(n) => n.chars().all(|c| c.is_ascii_alphabetic()),
                _ => false,
            };
            toks.push(t);
            if !fits {
                break;
            }
        }
        Ahead { toks, closed: false }
    }

    /// `*` right after a command (`\section*`).
    fn star(&mut self) -> bool {
        if self.peek() == Some(&Tok::Char('*')) {
            self.next();
            return true;
        }
        false
    }
}

/// Tokens read ahead.
struct Ahead {
    toks: Vec<T>,
    closed: bool,
}

/// The text of tokens as written (for URLs, names, environment names).
fn raw_text(toks: &[T]) -> String {
    let mut s = String::new();
    for t in toks {
        match &t.tok {
            Tok::Char(c) => s.push(*c),
            Tok::Verb(v) => s.push_str(v),
            Tok::Space { .. } | Tok::Par => s.push(' '),
            Tok::Tilde => s.push('~'),
            Tok::Sub => s.push('_'),
            Tok::Sup => s.push('^'),
            Tok::Amp => s.push('&'),
            Tok::Math => s.push('$'),
            Tok::Param(_) => s.push('#'),
            Tok::Cs(n) if n.len() == 1 && !n.chars().all(char::is_alphanumeric) => s.push_str(n),
            Tok::Cs(n) => {
                s.push('\\');
                s.push_str(n);
            }
            Tok::Open | Tok::Close => {}
        }
    }
    s
}

/// A length (`2pt`, `-1.5em`, `0.5\textwidth`, `\fill`): an argument that is not text.
fn is_dimension(toks: &[T]) -> bool {
    let text = raw_text(toks);
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    let t = t.trim_start_matches(['-', '+']);
    let num = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').count();
    let unit = t[num..].trim();
    const UNITS: [&str; 12] =
        ["pt", "cm", "mm", "in", "em", "ex", "bp", "pc", "sp", "dd", "cc", "mu"];
    UNITS.contains(&unit)
        || unit.starts_with('\\')
            && ["width", "height", "skip", "fill", "sep", "hsize", "vsize", "indent", "size"]
                .iter()
                .any(|w| unit.ends_with(w))
}

/// Text style from `\textbf`, `{\it …}` and the like.
#[derive(Clone, Copy, Default, PartialEq)]
struct Style {
    strong: bool,
    emph: bool,
    code: bool,
}

/// A paragraph being read: lines (`\\`), each with its source line, of cells (`\hfill`) of
/// runs of styled inline content.
#[derive(Default)]
struct Para {
    lines: Vec<ParaLine>,
}

/// Runs of inline content in one style each.
type Cell = Vec<(Style, Inline)>;

/// A line of a paragraph: where it starts (once it holds text) and its cells.
type ParaLine = (Option<u32>, Vec<Cell>);

impl Para {
    fn started(&self) -> bool {
        self.lines.first().is_some_and(|(no, _)| no.is_some())
    }

    fn last_line(&mut self) -> &mut ParaLine {
        if self.lines.is_empty() {
            self.lines.push((None, vec![Vec::new()]));
        }
        self.lines.last_mut().expect("a line was just ensured")
    }

    fn push(&mut self, style: Style, inline: Inline, line: u32) {
        let blank = matches!(&inline, Inline::Text(t) if t.trim().is_empty())
            || matches!(inline, Inline::SoftBreak);
        let (no, cells) = self.last_line();
        if no.is_none() {
            if blank {
                return; // no leading blanks
            }
            *no = Some(line);
        }
        if cells.is_empty() {
            cells.push(Vec::new());
        }
        if let Some(cell) = cells.last_mut() {
            // Text of one style is one run.
            if let (Some((st, Inline::Text(prev))), Inline::Text(t)) = (cell.last_mut(), &inline)
                && *st == style
            {
                prev.push_str(t);
                return;
            }
            cell.push((style, inline));
        }
    }

    fn line_break(&mut self) {
        if self.started() {
            self.lines.push((None, vec![Vec::new()]));
        }
    }

    fn cell_break(&mut self) {
        if self.started() {
            self.last_line().1.push(Vec::new());
        }
    }

    /// The finished paragraph: a table when a line holds several cells, else one paragraph
    /// with hard breaks between lines.
    fn finish(self) -> Option<Block> {
        let lines: Vec<(u32, Vec<Vec<Inline>>)> = self
            .lines
            .into_iter()
            .filter_map(|(no, cells)| {
                let cells: Vec<Vec<Inline>> =
                    cells.into_iter().map(styled).filter(|c| !c.is_empty()).collect();
                Some((no?, cells)).filter(|(_, c)| !c.is_empty())
            })
            .collect();
        let no = lines.first()?.0;
        if lines.iter().any(|(_, l)| l.len() > 1) {
            let mut rows: Vec<Row> = lines
                .into_iter()
                .map(|(no, cells)| Row {
                    cells: cells
                        .into_iter()
                        .map(|c| vec![Block::new(BlockKind::Para(c), no)])
                        .collect(),
                    header: false,
                })
                .collect();
            merge_header_rows(&mut rows);
            return Some(Block::new(BlockKind::Table(rows), no));
        }
        let mut buf = InlineBuf::new();
        for (k, (_, cells)) in lines.into_iter().enumerate() {
            if k > 0 {
                buf.push(Inline::LineBreak);
            }
            for i in cells.into_iter().flatten() {
                buf.push(i);
            }
        }
        let content = buf.finish();
        (!content.is_empty()).then(|| Block::new(BlockKind::Para(content), no))
    }
}

/// Runs grouped by style into strong, emphasised and code spans; spaces at a span's edges
/// stay outside it, so words keep apart.
fn styled(runs: Vec<(Style, Inline)>) -> Vec<Inline> {
    let mut out = InlineBuf::new();
    let mut k = 0;
    while k < runs.len() {
        let style = runs[k].0;
        let start = k;
        while k < runs.len() && runs[k].0 == style {
            k += 1;
        }
        let group: Vec<Inline> = runs[start..k].iter().map(|(_, i)| i.clone()).collect();
        let text = plain(&group);
        if style == Style::default() || text.is_empty() {
            group.into_iter().for_each(|i| out.push(i));
            continue;
        }
        let edge = |i: Option<&Inline>, lead: bool| match i {
            Some(Inline::Text(t)) => {
                if lead {
                    t.starts_with(char::is_whitespace)
                } else {
                    t.ends_with(char::is_whitespace)
                }
            }
            Some(Inline::SoftBreak | Inline::LineBreak) => true,
            _ => false,
        };
        let (lead, trail) = (edge(group.first(), true), edge(group.last(), false));
        let inner = crate::parse::doc::normalise_inlines(group);
        let span = if style.code {
            Inline::Code(text)
        } else if style.strong && style.emph {
            Inline::Strong(vec![Inline::Emph(inner)])
        } else if style.strong {
            Inline::Strong(inner)
        } else {
            Inline::Emph(inner)
        };
        if lead {
            out.text(" ");
        }
        out.push(span);
        if trail {
            out.text(" ");
        }
    }
    out.finish()
}

/// Where blocks go: finished blocks and the paragraph being read.
#[derive(Default)]
struct Sink {
    blocks: Vec<Block>,
    para: Para,
}

impl Sink {
    fn flush(&mut self) {
        if let Some(b) = std::mem::take(&mut self.para).finish() {
            self.blocks.push(b);
        }
    }

    fn push_block(&mut self, b: Block) {
        self.flush();
        self.blocks.push(b);
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

enum ListKind {
    Bullets,
    Numbers,
    Definitions,
}

/// An open container.
enum Frame {
    /// The document, or an environment whose blocks stand as they are.
    Plain {
        env: String,
        sink: Sink,
    },
    /// A list: what precedes its first `\item`, its items (label and blocks), the current one.
    List {
        env: String,
        kind: ListKind,
        pre: Sink,
        items: Vec<(Option<Vec<Inline>>, Vec<Block>)>,
        cur: Option<(Option<Vec<Inline>>, Sink)>,
        line: u32,
    },
    Table {
        env: String,
        depth: usize,
        rows: Vec<Row>,
        row: Vec<Vec<Block>>,
        cell: Sink,
        line: u32,
    },
    Quote {
        env: String,
        sink: Sink,
        line: u32,
    },
    Div {
        env: String,
        class: String,
        sink: Sink,
        line: u32,
    },
}

impl Frame {
    fn env(&self) -> &str {
        match self {
            Frame::Plain { env, .. }
            | Frame::List { env, .. }
            | Frame::Table { env, .. }
            | Frame::Quote { env, .. }
            | Frame::Div { env, .. } => env,
        }
    }

    fn sink(&mut self) -> &mut Sink {
        match self {
            Frame::Plain { sink, .. } | Frame::Quote { sink, .. } | Frame::Div { sink, .. } => sink,
            Frame::Table { cell, .. } => cell,
            Frame::List { cur: Some((_, sink)), .. } => sink,
            Frame::List { pre, .. } => pre,
        }
    }

    /// The blocks this container makes when it closes.
    fn close(self) -> Vec<Block> {
        match self {
            Frame::Plain { sink, .. } => sink.finish(),
            Frame::Quote { sink, line, .. } => {
                let blocks = sink.finish();
                if blocks.is_empty() {
                    blocks
                } else {
                    vec![Block::new(BlockKind::Quote(blocks), line)]
                }
            }
            Frame::Div { class, sink, line, .. } => {
                let blocks = sink.finish();
                if blocks.is_empty() {
                    blocks
                } else {
                    vec![Block::new(BlockKind::Div { class: Some(class), blocks }, line)]
                }
            }
            Frame::List { kind, pre, mut items, cur, line, .. } => {
                // Text before the first \item stands before the list.
                let mut before = pre.finish();
                if let Some((label, sink)) = cur {
                    items.push((label, sink.finish()));
                }
                if items.is_empty() {
                    return before;
                }
                // A description list none of whose items has a label (currvita's `cvlist` of
                // references) is a list of items.
                let unlabelled = items
                    .iter()
                    .all(|(l, _)| l.as_ref().is_none_or(|l| plain(l).trim().is_empty()));
                let kind = match kind {
                    ListKind::Definitions if unlabelled => ListKind::Bullets,
                    k => k,
                };
                if let ListKind::Definitions = kind {
                    before.extend(definitions(items, line));
                    return before;
                }
                let kind = BlockKind::List {
                    ordered: matches!(kind, ListKind::Numbers),
                    items: items
                        .into_iter()
                        .map(|(label, mut body)| {
                            // A visible label (`\item[2019]`) leads the item's text.
                            if let Some(l) =
                                label.filter(|l| plain(l).chars().any(char::is_alphanumeric))
                            {
                                prepend_label(&mut body, l);
                            }
                            header_table_as_row(&mut body);
                            body
                        })
                        .collect(),
                };
                before.push(Block::new(kind, line));
                before
            }
            Frame::Table { mut rows, mut row, cell, line, .. } => {
                let cell = cell.finish();
                if !cell.is_empty() || !row.is_empty() {
                    row.push(cell);
                }
                if row.iter().any(|c| !c.is_empty()) {
                    rows.push(Row { cells: row, header: false });
                }
                rows.retain(|r| r.cells.iter().any(|c| !c.is_empty()));
                table_block(rows, line)
            }
        }
    }
}

/// A description list's items: runs of definitions, except that a label described by several
/// paragraphs (`\item[Summer schools]` over a paragraph per school) titles them, as a
/// sub-heading would. A label of dates stays a definition: it dates its entry.
fn definitions(items: Vec<(Option<Vec<Inline>>, Vec<Block>)>, line: u32) -> Vec<Block> {
    let mut out = Vec::new();
    let mut run: Vec<Definition> = Vec::new();
    let flush = |run: &mut Vec<Definition>, out: &mut Vec<Block>| {
        if !run.is_empty() {
            let at = out.last().map_or(line, |b: &Block| b.pos.line.max(line));
            out.push(Block::new(BlockKind::Definitions(std::mem::take(run)), at));
        }
    };
    for (term, body) in items {
        let term = term.unwrap_or_default();
        let label = plain(&term);
        let titles = body.len() >= 2
            && body.iter().all(|b| matches!(b.kind, BlockKind::Para(_)))
            && !label.trim().is_empty()
            && !crate::parse::dates::is_only_dates(&label);
        if titles {
            flush(&mut run, &mut out);
            let at = body.first().map_or(line, |b| b.pos.line);
            out.push(Block::new(BlockKind::Heading { level: 3, content: term }, at));
            out.extend(body);
        } else {
            run.push(Definition { term, body });
        }
    }
    flush(&mut run, &mut out);
    out
}

/// A small table opening a list item lays out the item's header ("Employer | Place" over
/// "Title | Dates", as the `\resumeSubheading` templates set it).
fn header_table_as_row(body: &mut [Block]) {
    if let Some(Block { kind: BlockKind::Table(rows), .. }) = body.first_mut() {
        merge_header_rows(rows);
    }
}

/// Two or three short rows of which exactly one holds dates are the stacked lines of one
/// entry's header (title and dates over employer and place, split by `\hfill` or `&`): they
/// become one row of cells, the shape a header line has everywhere else, so the entry is not
/// cut in two. Rows that each hold dates (a list of awards by year) stay rows.
fn merge_header_rows(rows: &mut Vec<Row>) {
    let short = |c: &Vec<Block>| {
        matches!(c.as_slice(), [] | [Block { kind: BlockKind::Para(_), .. }])
            && c.iter().map(|b| b.plain().split_whitespace().count()).sum::<usize>() <= 16
    };
    let dated =
        |r: &Row| r.cells.iter().flatten().any(|b| crate::parse::dates::find(&b.plain()).is_some());
    // A line of one sentence under the header ("Advised on well siting.") describes the entry.
    let sentence = |r: &Row| {
        let text = r.cells.iter().flatten().map(Block::plain).collect::<Vec<_>>().join(" ");
        r.cells.len() == 1 && text.ends_with('.') && text.split_whitespace().count() >= 5
    };
    let layout = (2..=3).contains(&rows.len())
        && rows.iter().all(|r| r.cells.len() <= 3 && r.cells.iter().all(short) && !sentence(r))
        && rows.iter().filter(|r| dated(r)).count() == 1;
    if !layout {
        return;
    }
    let cells: Vec<Vec<Block>> =
        rows.drain(..).flat_map(|r| r.cells).filter(|c| !c.is_empty()).collect();
    rows.push(Row { cells, header: false });
}

/// `\\` or `\newline` at the top of an argument.
fn is_line_break(t: &T) -> bool {
    matches!(&t.tok, Tok::Cs(n) if matches!(&**n, "\\" | "newline"))
}

fn prepend_label(body: &mut Vec<Block>, label: Vec<Inline>) {
    match body.first_mut() {
        Some(Block { kind: BlockKind::Para(c), .. }) => {
            let mut buf = InlineBuf::new();
            for i in label {
                buf.push(i);
            }
            buf.text(" ");
            for i in c.drain(..) {
                buf.push(i);
            }
            *c = buf.finish();
        }
        _ => body.insert(0, Block::new(BlockKind::Para(label), 0)),
    }
}

/// A table; one that has a single column only stacks lines, and is a paragraph of them.
fn table_block(rows: Vec<Row>, line: u32) -> Vec<Block> {
    if rows.is_empty() {
        return Vec::new();
    }
    let single = rows.iter().all(|r| r.cells.len() <= 1)
        && rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .all(|c| c.len() <= 1 && c.iter().all(|b| matches!(b.kind, BlockKind::Para(_))));
    if single {
        let blocks: Vec<Block> = rows.into_iter().flat_map(|r| r.cells).flatten().collect();
        let content = flatten_inlines(&blocks);
        return if content.is_empty() {
            Vec::new()
        } else {
            vec![Block::new(BlockKind::Para(content), line)]
        };
    }
    vec![Block::new(BlockKind::Table(rows), line)]
}

/// Open environments beyond this many are read as if they were not there (each `\end`
/// looks through the open ones).
const MAX_FRAMES: usize = 256;

/// The name of the list a bare `\item` inside a brace group opens.
const ITEM_GROUP: &str = "item group";

/// The state of one reading context: its open containers, groups and style.
struct Ctx {
    frames: Vec<Frame>,
    style: Style,
    /// Styles saved at each open group.
    groups: Vec<Style>,
    /// The group depths at which a bare `\item` opened a list (see [`Reader::item`]).
    item_groups: Vec<usize>,
}

impl Ctx {
    fn new() -> Ctx {
        Ctx {
            frames: vec![Frame::Plain { env: String::new(), sink: Sink::default() }],
            style: Style::default(),
            groups: Vec::new(),
            item_groups: Vec::new(),
        }
    }

    /// Opens a container; beyond the nesting bound, one whose blocks stand in its parent (so
    /// the tree stays shallow whatever the input).
    fn open(&mut self, frame: Frame) {
        self.sink().flush();
        if self.frames.len() >= MAX_FRAMES {
            // Far too deep to be a document: the environment just prints its content.
            return;
        }
        if self.frames.len() >= MAX_DEPTH {
            self.frames.push(Frame::Plain { env: frame.env().to_string(), sink: Sink::default() });
        } else {
            self.frames.push(frame);
        }
    }

    fn top(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::Plain { env: String::new(), sink: Sink::default() });
        }
        self.frames.last_mut().expect("a frame was just ensured")
    }

    fn sink(&mut self) -> &mut Sink {
        self.top().sink()
    }

    /// Closes the innermost frame into the one around it.
    fn close_top(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        if let Some(f) = self.frames.pop() {
            let blocks = f.close();
            let sink = self.sink();
            sink.flush();
            sink.blocks.extend(blocks);
        }
    }

    /// Everything read in this context.
    fn finish(mut self) -> Vec<Block> {
        while self.frames.len() > 1 {
            self.close_top();
        }
        self.frames.pop().map(Frame::close).unwrap_or_default()
    }
}

struct Reader {
    class: String,
    macros: HashMap<String, Macro>,
    envs: HashMap<String, EnvDef>,
    meta: Vec<(String, String)>,
    /// `\firstname` and `\familyname`, joined into the name at the end.
    names: (Option<String>, Option<String>),
    /// Tokens macro expansion may still produce.
    budget: usize,
    /// Before `\begin{document}`: nothing prints.
    preamble: bool,
    /// After `\end{document}`.
    done: bool,
    math: bool,
    /// Nesting of contexts read for arguments.
    depth: usize,
    /// A section heading has been read: the header is over.
    sections: bool,
    /// Registers made with `\newcount` and its kin: an assignment to one prints nothing.
    registers: HashSet<String>,
}

impl Reader {
    fn run(&mut self, s: &mut Stream, ctx: &mut Ctx) {
        while let Some(t) = s.next() {
            if self.done {
                break;
            }
            let line = t.line;
            match t.tok {
                Tok::Char(c) => self.text(ctx, &c.to_string(), line),
                Tok::Space { newline } => {
                    if !self.math {
                        let i = if newline { Inline::SoftBreak } else { Inline::Text(" ".into()) };
                        self.inline(ctx, i, line);
                    }
                }
                Tok::Par => ctx.sink().flush(),
                Tok::Open => {
                    ctx.groups.push(ctx.style);
                }
                Tok::Close => {
                    if ctx.item_groups.last() == Some(&ctx.groups.len()) {
                        ctx.item_groups.pop();
                        if ctx.top().env() == ITEM_GROUP {
                            ctx.close_top();
                        }
                    }
                    if let Some(style) = ctx.groups.pop() {
                        ctx.style = style;
                    }
                }
                Tok::Math => self.math = !self.math,
                Tok::Amp => {
                    if !self.table_cell_break(ctx) {
                        self.text(ctx, " ", line);
                    }
                }
                Tok::Tilde => self.text(ctx, " ", line),
                Tok::Sup | Tok::Sub => {
                    if !self.math {
                        self.text(ctx, if t.tok == Tok::Sub { "_" } else { "^" }, line);
                    }
                }
                Tok::Param(_) => {}
                Tok::Verb(v) => self.inline(ctx, Inline::Code(v), line),
                Tok::Cs(name) => self.command(&name, line, s, ctx),
            }
        }
    }

    /// Reads tokens in a context of their own: the blocks they make.
    fn blocks_of(&mut self, toks: Vec<T>) -> Vec<Block> {
        if self.depth >= MAX_DEPTH {
            let text = crate::parse::doc::collapse(&raw_text(&toks));
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![Block::new(
                    BlockKind::Para(vec![Inline::Text(text)]),
                    toks.first().map_or(0, |t| t.line),
                )]
            };
        }
        self.depth += 1;
        let (preamble, math) = (self.preamble, self.math);
        self.preamble = false;
        let mut ctx = Ctx::new();
        self.run(&mut Stream::new(toks), &mut ctx);
        let blocks = ctx.finish();
        self.preamble = preamble;
        self.math = math;
        self.depth -= 1;
        blocks
    }

    /// Reads tokens in a context of their own, as inline content (lines as hard breaks).
    fn inlines_of(&mut self, toks: Vec<T>) -> Vec<Inline> {
        flatten_inlines(&self.blocks_of(toks))
    }

    /// Plain text of an argument (for metadata).
    fn text_of(&mut self, toks: Vec<T>) -> String {
        plain(&self.inlines_of(toks))
    }

    fn text(&mut self, ctx: &mut Ctx, t: &str, line: u32) {
        self.inline(ctx, Inline::Text(t.to_string()), line);
    }

    fn inline(&mut self, ctx: &mut Ctx, i: Inline, line: u32) {
        if self.preamble {
            return;
        }
        let style = ctx.style;
        ctx.sink().para.push(style, i, line);
    }

    fn block(&mut self, ctx: &mut Ctx, b: Block) {
        if !self.preamble {
            ctx.sink().push_block(b);
        }
    }

    /// `&` in a table at its own group level: the next cell.
    fn table_cell_break(&mut self, ctx: &mut Ctx) -> bool {
        let groups = ctx.groups.len();
        match ctx.top() {
            Frame::Table { depth, row, cell, .. } if *depth == groups => {
                row.push(std::mem::take(cell).finish());
                true
            }
            _ => false,
        }
    }

    /// `\\` in a table at its own group level: the next row.
    fn table_row_break(&mut self, ctx: &mut Ctx) -> bool {
        let groups = ctx.groups.len();
        match ctx.top() {
            Frame::Table { depth, rows, row, cell, .. } if *depth == groups => {
                let c = std::mem::take(cell).finish();
                if !c.is_empty() || !row.is_empty() {
                    row.push(c);
                }
                let r = std::mem::take(row);
                if r.iter().any(|c| !c.is_empty()) && r.len() <= MAX_COLUMNS {
                    rows.push(Row { cells: r, header: false });
                }
                true
            }
            _ => false,
        }
    }

    fn command(&mut self, name: &str, line: u32, s: &mut Stream, ctx: &mut Ctx) {
        if let Some(m) = self.macros.get(name).cloned() {
            self.expand(name, &m, line, s, ctx);
            return;
        }
        if self.registers.contains(name) || matches!(name, "count" | "dimen" | "skip") {
            // `\rating=3`: TeX arithmetic, not text.
            if matches!(name, "count" | "dimen" | "skip") {
                skip_quantity(s);
            }
            skip_quantity(s);
            return;
        }
        match name {
            "begin" => {
                let env = raw_text(&s.read_arg()).trim().to_string();
                self.begin(&env, line, s, ctx);
            }
            "end" => {
                let env = raw_text(&s.read_arg()).trim().to_string();
                self.end(&env, line, s, ctx);
            }
            "newcommand"
            | "renewcommand"
            | "providecommand"
            | "DeclareRobustCommand"
            | "NewDocumentCommand"
            | "RenewDocumentCommand"
            | "ProvideDocumentCommand"
            | "DeclareDocumentCommand" => self.define(name, s),
            "def" | "gdef" | "edef" | "xdef" | "long" => self.def(name, s),
            "let" | "global" => self.let_(name, s),
            "newenvironment" | "renewenvironment" | "NewDocumentEnvironment" => {
                self.define_env(name, s)
            }
            "part" | "chapter" | "section" | "subsection" | "subsubsection" | "paragraph"
            | "subparagraph" | "cvsection" | "cvsubsection" | "sectionTitle" | "ecvsection" => {
                s.star();
                let _ = s.read_opt();
                let title = s.read_arg();
                let level = match name {
                    "part" | "chapter" => 1,
                    "section" | "cvsection" | "sectionTitle" | "ecvsection" => 2,
                    "subsection" | "cvsubsection" => 3,
                    "subsubsection" => 4,
                    "paragraph" => 5,
                    _ => 6,
                };
                self.heading(ctx, title, level, line);
                // A class's entry macro under a sectioning name (`\cvsubsection{Org}{Title}
                // {Dates}`): the groups right after the title are its other fields.
                separate_args(s, true);
            }
            "item" | "bibitem" => {
                let label = s.read_opt();
                if name == "bibitem" {
                    let _ = s.read_arg();
                }
                let label = label.map(|l| self.inlines_of(l));
                self.item(ctx, label, line);
            }
            "\\" | "newline" | "linebreak" | "cr" | "tabularnewline" => {
                s.star();
                let _ = s.read_opt();
                if !self.table_row_break(ctx) && !self.preamble {
                    ctx.sink().para.line_break();
                }
            }
            // A wide gap sets items apart on a line ("City \quad email \quad phone") as a
            // right-pushed date is: a cell boundary.
            "hfill" | "dotfill" | "hrulefill" | "hfilll" | "quad" | "qquad" => {
                if !self.preamble {
                    ctx.sink().para.cell_break();
                }
            }
            "hspace" => {
                s.star();
                let arg = s.read_arg();
                if raw_text(&arg).contains("fill") {
                    ctx.sink().para.cell_break();
                } else {
                    self.text(ctx, " ", line);
                }
            }
            "vskip" | "hskip" | "kern" | "vspace" | "addvspace" => {
                s.star();
                if s.peek() == Some(&Tok::Open) {
                    let _ = s.read_arg();
                } else {
                    skip_dimension(s);
                }
            }
            "par" => ctx.sink().flush(),
            // `\centerline{Name}` sets a line of its own.
            "centerline" | "leftline" | "rightline" => {
                let arg = s.read_arg();
                if !self.preamble {
                    ctx.sink().para.line_break();
                    for i in self.inlines_of(arg) {
                        self.inline(ctx, i, line);
                    }
                    ctx.sink().para.line_break();
                }
            }
            "textbf" | "textit" | "emph" | "textsl" | "texttt" | "textsc" | "textrm" | "textsf"
            | "textup" | "textnormal" | "textmd" | "underline" | "uline" | "mbox" | "hbox"
            | "fbox" | "text" | "textsuperscript" | "textsubscript" | "MakeUppercase"
            | "MakeLowercase" | "MakeTextUppercase" | "textls" | "textlf" | "ensuremath"
            | "mathrm" | "mathbf" | "mathit" | "mathsf" | "mathtt" | "operatorname" | "hl"
            | "sout" | "st" | "xspace" | "phantom" => {
                if name == "phantom" {
                    let _ = s.read_arg();
                    return;
                }
                // `\textbf{x}` reads as `{\bfseries x}`: in place, without recursion.
                let switch = match name {
                    "textbf" | "mathbf" => Some("bfseries"),
                    "textit" | "emph" | "textsl" | "mathit" => Some("itshape"),
                    "texttt" | "mathtt" => Some("ttfamily"),
                    "textnormal" | "textrm" | "textup" | "textmd" => Some("normalfont"),
                    _ => None,
                };
                in_place(s, switch, line);
            }
            "bf" | "bfseries" | "bm" => ctx.style.strong = true,
            "it" | "itshape" | "em" | "sl" | "slshape" => ctx.style.emph = true,
            "tt" | "ttfamily" => ctx.style.code = true,
            "normalfont" | "rm" | "rmfamily" | "upshape" | "mdseries" => {
                ctx.style = Style::default()
            }
            "textcolor" | "colorbox" | "highlight" => {
                let _ = s.read_opt();
                let _ = s.read_arg();
                in_place(s, None, line);
            }
            "raisebox" => {
                let _ = s.read_arg();
                let _ = s.read_opt();
                let _ = s.read_opt();
                in_place(s, None, line);
            }
            "makebox" | "framebox" => {
                let _ = s.read_opt();
                let _ = s.read_opt();
                in_place(s, None, line);
            }
            "parbox" => {
                for _ in 0..3 {
                    let _ = s.read_opt();
                }
                let _ = s.read_arg();
                in_place(s, None, line);
            }
            "resizebox" => {
                let _ = s.read_arg();
                let _ = s.read_arg();
                in_place(s, None, line);
            }
            "scalebox" | "foreignlanguage" | "otherlanguage" | "rotatebox" => {
                let _ = s.read_opt();
                let _ = s.read_arg();
                in_place(s, None, line);
            }
            "hyperref" | "hyperlink" | "hypertarget" => {
                let _ = s.read_opt();
                if name != "hyperref" {
                    let _ = s.read_arg();
                }
                in_place(s, None, line);
            }
            "href" | "link" | "httplink" | "emaillink" => {
                // \href{url}{text}; moderncv's \link[text]{url} and friends.
                let (url, text) = if name == "href" {
                    let url = s.read_arg();
                    (url, s.read_arg())
                } else {
                    let text = s.read_opt();
                    let url = s.read_arg();
                    let text = text.unwrap_or_else(|| url.clone());
                    (url, text)
                };
                let mut target = link_target(&url);
                if name == "emaillink" && !target.starts_with("mailto:") {
                    target = format!("mailto:{target}");
                }
                let content = self.inlines_of(text);
                let content =
                    if content.is_empty() { vec![Inline::Text(target.clone())] } else { content };
                self.inline(ctx, Inline::Link { target, content }, line);
            }
            "url" | "nolinkurl" | "path" => {
                let url = s.read_arg();
                let target = link_target(&url);
                let content = vec![Inline::Text(target.clone())];
                self.inline(ctx, Inline::Link { target, content }, line);
            }
            "verb" => {}
            "footnote" | "footnotetext" | "marginpar" | "thanks" => {
                let _ = s.read_opt();
                let _ = s.read_arg();
            }
            "hrule" => self.block(ctx, Block::new(BlockKind::Rule, line)),
            "rule" => {
                let _ = s.read_opt();
                let width = raw_text(&s.read_arg());
                let _ = s.read_arg();
                if ["linewidth", "textwidth", "columnwidth"].iter().any(|w| width.contains(w)) {
                    self.block(ctx, Block::new(BlockKind::Rule, line));
                }
            }
            "iffalse" => skip_conditional(s),
            "newcount" | "newdimen" | "newskip" | "newtoks" | "newbox" | "countdef"
            | "dimendef" => {
                s.skip_spaces();
                if let Some(T { tok: Tok::Cs(register), .. }) = s.next() {
                    self.registers.insert(register.to_string());
                }
            }
            "advance" | "multiply" | "divide" => {
                s.skip_spaces();
                let _ = s.next(); // the register
                s.skip_spaces();
                if matches!(s.peek(), Some(Tok::Char('b'))) {
                    let _ = s.next();
                    if matches!(s.peek(), Some(Tok::Char('y'))) {
                        let _ = s.next();
                    }
                }
                skip_quantity(s);
            }
            // A plain TeX loop draws (rating dots, bars) or counts: it prints no words.
            "loop" => skip_loop(s),
            "csname" => while s.next().is_some_and(|t| t.tok != Tok::Cs("endcsname".into())) {},
            "multicolumn" => {
                let _ = s.read_arg();
                let _ = s.read_arg();
                in_place(s, None, line);
            }
            "multirow" => {
                let _ = s.read_opt();
                let _ = s.read_arg();
                let _ = s.read_opt();
                let _ = s.read_arg();
                let _ = s.read_opt();
                in_place(s, None, line);
            }
            "cline" | "cmidrule" => {
                let _ = s.read_opt();
                let _ = s.read_arg();
            }
            _ if symbols::is_accent(name) => {
                let arg = s.read_arg();
                let base = self.text_of(arg);
                let t = symbols::accent(name, &base);
                self.text(ctx, &t, line);
            }
            _ if self.header(name, line, s, ctx) => {}
            _ if self.cv_macro(name, line, s, ctx) => {}
            _ => {
                if let Some(t) = symbols::symbol(name) {
                    if !t.is_empty() {
                        self.text(ctx, t, line);
                    }
                    return;
                }
                if let Some(&(_, opts, args)) =
                    symbols::SETTINGS.iter().find(|(n, _, _)| *n == name)
                {
                    s.star();
                    for _ in 0..opts {
                        let _ = s.read_opt();
                    }
                    for _ in 0..args {
                        let _ = s.read_arg();
                    }
                    return;
                }
                self.unknown(name, s);
            }
        }
    }

    /// A command nobody defined: its name is dropped, its options too, a length argument
    /// after it as well; other arguments print as the text they hold.
    fn unknown(&mut self, name: &str, s: &mut Stream) {
        let awesome =
            name.starts_with("fa") && name[2..].starts_with(|c: char| c.is_ascii_uppercase());
        if awesome || matches!(name, "faicon" | "faIcon" | "icon" | "ifont") {
            // Font Awesome and other icons: a picture, not text.
            if s.peek() == Some(&Tok::Open) {
                let _ = s.read_arg();
            }
            return;
        }
        if s.peek() == Some(&Tok::Char('[')) {
            let _ = s.read_opt();
        }
        if s.peek() == Some(&Tok::Open) {
            // A short group that holds a length is a setting; anything else reads as text.
            let ahead = s.take_length_group(24);
            if !ahead.closed || !is_dimension(&ahead.toks[1..ahead.toks.len() - 1]) {
                s.push_front(ahead.toks);
                separate_args(s, false);
            }
        }
    }

    fn heading(&mut self, ctx: &mut Ctx, title: Vec<T>, level: u8, line: u32) {
        if level >= 2 && !self.preamble {
            self.sections = true;
        }
        let content = self.inlines_of(title);
        if !content.is_empty() {
            self.block(ctx, Block::new(BlockKind::Heading { level, content }, line));
        }
    }

    /// `\item`: the next item of the innermost list (outside a list, a new paragraph).
    fn item(&mut self, ctx: &mut Ctx, label: Option<Vec<Inline>>, line: u32) {
        if self.preamble {
            return;
        }
        let in_group = !ctx.groups.is_empty();
        match ctx.top() {
            Frame::List { items, cur, .. } => {
                if let Some((l, sink)) = cur.take() {
                    items.push((l, sink.finish()));
                }
                *cur = Some((label, Sink::default()));
            }
            // An `\item` right in an environment is an error in LaTeX unless the environment
            // is a list (resume.cls's rSubsection): it is one, closed with it.
            Frame::Plain { env, .. } if !env.is_empty() => {
                ctx.sink().flush();
                ctx.open(implicit_list("item", label, line));
            }
            // A class macro of unknown definition whose argument holds bare `\item`s
            // (`\cvsubsection{Acme}{Engineer}{2020}{\item …}`) wraps them in a list: the
            // items are one, closed with the argument's group.
            Frame::Plain { .. } if in_group => {
                ctx.sink().flush();
                ctx.item_groups.push(ctx.groups.len());
                ctx.open(implicit_list(ITEM_GROUP, label, line));
            }
            _ => ctx.sink().flush(),
        }
    }

    fn begin(&mut self, env: &str, line: u32, s: &mut Stream, ctx: &mut Ctx) {
        if let Some(def) = self.envs.get(env).cloned() {
            let args = self.read_macro_args(def.nargs, def.default.as_ref(), s);
            if let Some(body) = self.substitute(&def.begin, &args, line) {
                s.push_front(body);
            }
            return;
        }
        let plain = |env: &str| Frame::Plain { env: env.to_string(), sink: Sink::default() };
        match env {
            "document" => {
                self.preamble = false;
            }
            "itemize" | "enumerate" | "description" | "compactitem" | "compactenum"
            | "compactdesc" | "itemize*" | "enumerate*" | "description*" | "cvitems"
            | "etaremune" | "inparaenum" | "asparaenum" | "asparaitem" | "thebibliography"
            | "list" | "cvlist" | "tightemize" | "outline" => {
                let _ = s.read_opt();
                if env == "list" {
                    let _ = s.read_arg();
                    let _ = s.read_arg();
                }
                if env == "thebibliography" {
                    let _ = s.read_arg();
                }
                if env == "cvlist" {
                    let title = s.read_arg();
                    self.heading(ctx, title, 2, line);
                }
                let kind = match env {
                    "enumerate" | "compactenum" | "enumerate*" | "etaremune" | "inparaenum"
                    | "asparaenum" => ListKind::Numbers,
                    "description" | "compactdesc" | "description*" | "cvlist" => {
                        ListKind::Definitions
                    }
                    _ => ListKind::Bullets,
                };
                ctx.sink().flush();
                let pre = Sink::default();
                let (items, cur) = (Vec::new(), None);
                ctx.open(Frame::List { env: env.to_string(), kind, pre, items, cur, line });
            }
            "tabular" | "tabular*" | "tabularx" | "tabulary" | "longtable" | "longtable*"
            | "supertabular" | "xtabular" | "tabu" | "array" | "tblr" | "longtblr"
            | "NiceTabular" => {
                if matches!(env, "tabular*" | "tabularx" | "tabulary") {
                    let _ = s.read_arg();
                }
                if env == "tabu" {
                    // `tabu to \linewidth {spec}`: up to the column specification.
                    while !matches!(s.peek(), Some(Tok::Open) | None) {
                        s.next();
                    }
                }
                let _ = s.read_opt();
                let _ = s.read_arg();
                let depth = ctx.groups.len();
                ctx.open(Frame::Table {
                    env: env.to_string(),
                    depth,
                    rows: Vec::new(),
                    row: Vec::new(),
                    cell: Sink::default(),
                    line,
                });
            }
            "quote" | "quotation" | "verse" => {
                ctx.open(Frame::Quote { env: env.to_string(), sink: Sink::default(), line });
            }
            "abstract" | "aside" | "sidebar" => {
                ctx.open(Frame::Div {
                    env: env.to_string(),
                    class: env.to_string(),
                    sink: Sink::default(),
                    line,
                });
            }
            "cv" => {
                // currvita: the argument is the CV's title.
                let title = s.read_arg();
                self.heading(ctx, title, 1, line);
                ctx.open(plain(env));
            }
            "tikzpicture" | "pgfpicture" | "picture" | "pspicture" | "filecontents"
            | "filecontents*" => {
                skip_env(env, s);
            }
            "minipage" => {
                for _ in 0..3 {
                    let _ = s.read_opt();
                }
                let _ = s.read_arg();
                ctx.open(plain(env));
            }
            "multicols" | "multicols*" | "spacing" | "paracol" | "wrapfigure" | "adjustwidth"
            | "adjustwidth*" | "changemargin" | "addmargin" => {
                let _ = s.read_opt();
                let _ = s.read_arg();
                if matches!(env, "wrapfigure" | "adjustwidth" | "adjustwidth*" | "changemargin") {
                    let _ = s.read_arg();
                }
                ctx.open(plain(env));
            }
            "center" | "flushleft" | "flushright" | "figure" | "figure*" | "table" | "table*"
            | "singlespace" | "samepage" | "cventries" | "cvhonors" | "cvskills"
            | "cvparagraph" | "twenty" | "twentyshort" | "entrylist" | "leftcolumn"
            | "rightcolumn" | "small" | "footnotesize" | "scriptsize" | "large" | "Large"
            | "normalsize" | "tcolorbox" | "onehalfspace" | "doublespace" | "raggedright"
            | "raggedleft" | "RaggedRight" | "columns" | "column" | "letter" | "cvletter"
            | "otherlanguage" | "otherlanguage*" => {
                let _ = s.read_opt();
                if matches!(env, "column" | "letter" | "otherlanguage" | "otherlanguage*") {
                    let _ = s.read_arg();
                }
                ctx.open(plain(env));
            }
            _ => {
                // An environment nobody defined (a class's own): options and lengths are
                // settings; one text argument is its title (`\begin{rSection}{Education}`),
                // several are the fields of an entry's header (`\begin{rSubsection}{Org}
                // {Dates}{Title}{Place}`), one row of cells as a header line is elsewhere.
                let _ = s.read_opt();
                ctx.sink().flush();
                let args: Vec<Vec<T>> = s
                    .read_adjacent_args(6)
                    .into_iter()
                    .filter(|a| !is_dimension(a) && !raw_text(a).trim().is_empty())
                    .collect();
                if args.len() >= 3 {
                    let row = self.row(args.into_iter().map(|a| (a, None)).collect());
                    self.entry(ctx, env, vec![row], Vec::new(), line);
                } else if let Some(title) = args.into_iter().next() {
                    self.heading(ctx, title, 2, line);
                }
                ctx.open(plain(env));
            }
        }
    }

    fn end(&mut self, env: &str, line: u32, s: &mut Stream, ctx: &mut Ctx) {
        if let Some(def) = self.envs.get(env).cloned() {
            if let Some(body) = self.substitute(&def.end, &[], line) {
                s.push_front(body);
            }
            return;
        }
        if env == "document" {
            self.done = true;
            return;
        }
        // Closes the environment and whatever was left open inside it.
        if let Some(k) = ctx.frames.iter().rposition(|f| f.env() == env) {
            if k == 0 {
                return;
            }
            while ctx.frames.len() > k {
                ctx.close_top();
            }
        }
    }

    // ---- definitions -------------------------------------------------------------------

    /// `\newcommand{\name}[n][default]{body}` and its kin.
    fn define(&mut self, cmd: &str, s: &mut Stream) {
        s.star();
        let name = self.defined_name(s);
        let xparse = cmd.contains("DocumentCommand");
        let (nargs, default) = if xparse {
            let spec = raw_text(&s.read_arg());
            (spec.chars().filter(|c| *c == 'm').count(), None)
        } else {
            let n = s
                .read_opt()
                .map(|t| raw_text(&t).trim().parse::<usize>().unwrap_or(0))
                .unwrap_or(0);
            (n.min(9), s.read_opt())
        };
        let body = s.read_arg();
        let Some(name) = name else { return };
        if cmd == "providecommand" && self.macros.contains_key(&name) {
            return;
        }
        self.macros.insert(name, Macro { nargs, default, body });
    }

    /// The `\name` a definition names, braced or not.
    fn defined_name(&mut self, s: &mut Stream) -> Option<String> {
        s.skip_spaces();
        let toks = match s.peek() {
            Some(Tok::Open) => s.read_arg(),
            _ => s.next().into_iter().collect(),
        };
        toks.into_iter().find_map(|t| match t.tok {
            Tok::Cs(n) => Some(n.to_string()),
            _ => None,
        })
    }

    /// `\def\name#1#2{body}` (delimited parameters are read as undelimited ones).
    fn def(&mut self, cmd: &str, s: &mut Stream) {
        if cmd == "long" {
            return; // the \def after it does the work
        }
        s.skip_spaces();
        let Some(T { tok: Tok::Cs(name), .. }) = s.next() else { return };
        let mut nargs = 0;
        while let Some(tok) = s.peek() {
            match tok {
                Tok::Open => break,
                Tok::Param(n) => nargs = nargs.max(*n as usize),
                _ => {}
            }
            s.next();
        }
        let body = s.read_arg();
        self.macros.insert(name.to_string(), Macro { nargs: nargs.min(9), default: None, body });
    }

    /// `\let\a\b` (or `\let\a=\b`): `\a` does what `\b` does.
    fn let_(&mut self, cmd: &str, s: &mut Stream) {
        if cmd == "global" {
            return;
        }
        s.skip_spaces();
        let Some(T { tok: Tok::Cs(name), line }) = s.next() else { return };
        s.skip_spaces();
        if s.peek() == Some(&Tok::Char('=')) {
            s.next();
            s.skip_spaces();
        }
        let Some(target) = s.next() else { return };
        let m = match &target.tok {
            Tok::Cs(t) => match self.macros.get(&**t) {
                Some(m) => m.clone(),
                None => Macro {
                    nargs: 0,
                    default: None,
                    body: vec![T { tok: Tok::Cs(t.clone()), line }],
                },
            },
            _ => Macro { nargs: 0, default: None, body: vec![target] },
        };
        self.macros.insert(name.to_string(), m);
    }

    /// `\newenvironment{name}[n][default]{begin}{end}`.
    fn define_env(&mut self, cmd: &str, s: &mut Stream) {
        s.star();
        let name = raw_text(&s.read_arg()).trim().to_string();
        let (nargs, default) = if cmd == "NewDocumentEnvironment" {
            let spec = raw_text(&s.read_arg());
            (spec.chars().filter(|c| *c == 'm').count(), None)
        } else {
            let n = s
                .read_opt()
                .map(|t| raw_text(&t).trim().parse::<usize>().unwrap_or(0))
                .unwrap_or(0);
            (n.min(9), s.read_opt())
        };
        let begin = s.read_arg();
        let end = s.read_arg();
        if !name.is_empty() {
            self.envs.insert(name, EnvDef { nargs, default, begin, end });
        }
    }

    fn read_macro_args(
        &mut self,
        nargs: usize,
        default: Option<&Vec<T>>,
        s: &mut Stream,
    ) -> Vec<Vec<T>> {
        let mut args = Vec::with_capacity(nargs);
        let mut rest = nargs;
        if let Some(d) = default {
            args.push(s.read_opt().unwrap_or_else(|| d.clone()));
            rest = rest.saturating_sub(1);
        }
        for _ in 0..rest {
            args.push(s.read_arg());
        }
        args
    }

    /// Replaces `#n` in `body` by the arguments, within the expansion budget (`None` when the
    /// budget cannot pay for it: the macro is then not expanded).
    fn substitute(&mut self, body: &[T], args: &[Vec<T>], line: u32) -> Option<Vec<T>> {
        let cost = body.len()
            + body
                .iter()
                .map(|t| match t.tok {
                    Tok::Param(n) if n >= 1 => args.get(n as usize - 1).map_or(0, Vec::len),
                    _ => 0,
                })
                .sum::<usize>()
            + 1;
        if cost > self.budget {
            self.budget = 0;
            return None;
        }
        self.budget -= cost;
        let mut out = Vec::with_capacity(cost);
        for t in body {
            match t.tok {
                Tok::Param(0) => out.push(T { tok: Tok::Char('#'), line }),
                Tok::Param(n) => {
                    if let Some(a) = args.get(n as usize - 1) {
                        out.extend(a.iter().cloned());
                    }
                }
                // What the body prints comes from where the macro is used.
                _ => out.push(T { tok: t.tok.clone(), line }),
            }
        }
        Some(out)
    }

    fn expand(&mut self, name: &str, m: &Macro, line: u32, s: &mut Stream, ctx: &mut Ctx) {
        if self.budget == 0 {
            // Out of budget: the macro is read as if nobody had defined it.
            self.macros.remove(name);
            self.command(name, line, s, ctx);
            return;
        }
        let args = self.read_macro_args(m.nargs, m.default.as_ref(), s);
        match self.substitute(&m.body, &args, line) {
            Some(body) => s.push_front(body),
            None => {
                self.macros.remove(name);
                for a in args.into_iter().rev() {
                    let mut g = vec![T { tok: Tok::Open, line }];
                    g.extend(a);
                    g.push(T { tok: Tok::Close, line });
                    s.push_front(g);
                }
            }
        }
    }

    // ---- header and CV macros ------------------------------------------------------------

    /// Header commands of the CV classes: their values go to the metadata.
    fn header(&mut self, name: &str, line: u32, s: &mut Stream, ctx: &mut Ctx) -> bool {
        if self.sections && self.depth == 0 && !matches!(name, "title" | "author") {
            return self.header_in_body(name, line, s, ctx);
        }
        let key = match name {
            "name" | "cvname" | "ecvname" => "name",
            "firstname" | "givenname" => "firstname",
            "familyname" | "lastname" | "surname" => "lastname",
            "author" => "author",
            "title" => "title",
            "email" | "mail" | "cvmail" | "emailaddress" | "ecvemail" => "email",
            "phone" | "mobile" | "cvnumberphone" | "telephone" | "cellphone" | "ecvtelephone"
            | "ecvmobile" => "phone",
            "homepage" | "website" | "cvsite" | "webpage" | "site" | "ecvhomepage" => "homepage",
            "address" | "cvaddress" | "location" | "ecvaddress" => "address",
            "position" | "tagline" | "cvjobtitle" | "jobtitle" | "headline" | "subtitle" => "label",
            "quote" | "extrainfo" => name,
            n if n == "social" || is_social_network(n) => "social",
            // europasscv: `\ecvim{Skype}{handle}`, the network named in the first argument.
            "ecvim" => {
                let [network, user] = take_array(s.read_args_up_to(2));
                let (network, user) = (self.text_of(network), self.text_of(user));
                if !user.is_empty() {
                    let value = social_url(&network.to_ascii_lowercase(), &user, None);
                    self.meta.push(("social".into(), value));
                }
                return true;
            }
            "namesection" => {
                // Deedy: {first}{last}{contact lines}; the contact lines print below.
                let [first, last, rest] = take_array(s.read_args_up_to(3));
                let name = format!("{} {}", self.text_of(first), self.text_of(last));
                self.meta.push(("name".into(), crate::parse::doc::collapse(&name)));
                let mut g = vec![T { tok: Tok::Open, line }];
                g.extend(rest);
                g.push(T { tok: Tok::Close, line });
                s.push_front(g);
                return true;
            }
            "personalinfo" => {
                // AltaCV: a group of header commands.
                let arg = s.read_arg();
                let _ = self.blocks_of(arg);
                return true;
            }
            "header" if self.class.contains("friggeri") => {
                let args = s.read_args_up_to(3);
                let mut it = args.into_iter();
                let first = it.next().map(|a| self.text_of(a)).unwrap_or_default();
                let last = it.next().map(|a| self.text_of(a)).unwrap_or_default();
                self.meta.push(("name".into(), format!("{first} {last}").trim().to_string()));
                if let Some(sub) = it.next().map(|a| self.text_of(a)).filter(|t| !t.is_empty()) {
                    self.meta.push(("label".into(), sub));
                }
                return true;
            }
            _ => return false,
        };
        let opts: Vec<Vec<T>> = std::iter::from_fn(|| s.read_opt()).take(2).collect();
        let max = match key {
            "name" | "address" => 3,
            _ if name == "stackoverflow" => 2,
            _ => 1,
        };
        let args = s.read_args_up_to(max);
        // resume.cls's `\address{(555) 010 \\ me@example.org}`: lines set under each other
        // are header lines of their own (a phone, an email), not one run of text.
        if key == "address" && args.iter().any(|a| a.iter().any(is_line_break)) {
            for part in args.iter().flat_map(|a| a.split(is_line_break)) {
                let text = self.text_of(part.to_vec());
                if !text.is_empty() {
                    self.meta.push((key.to_string(), text));
                }
            }
            return true;
        }
        let mut values: Vec<String> =
            args.into_iter().map(|a| self.text_of(a)).filter(|v| !v.is_empty()).collect();
        // europasscv's `\ecvtelephone[mobile]{}`: the number may be the option alone.
        if values.is_empty() && key == "phone" {
            values.extend(opts.first().map(|o| self.text_of(o.clone())).filter(|v| !v.is_empty()));
        }
        if values.is_empty() {
            return true;
        }
        let value = match key {
            "name" => values.join(" "),
            "address" => values.join(", "),
            "social" => {
                let network = if name == "social" {
                    opts.first()
                        .map(|o| raw_text(o).trim().to_ascii_lowercase())
                        .unwrap_or_default()
                } else {
                    name.to_string()
                };
                let given = opts.get(1).map(|o| raw_text(o).trim().to_string());
                social_url(&network, &values[0], given)
            }
            _ => values.join(" "),
        };
        match key {
            "firstname" => self.names.0 = Some(value),
            "lastname" => self.names.1 = Some(value),
            _ => self.meta.push((key.to_string(), value)),
        }
        true
    }

    /// A header command after the first section (Deedy's `\location{Dec 2019 | Pune}`, an
    /// `\email` in a reference) is a line of text where it stands, not the person's details.
    fn header_in_body(&mut self, name: &str, line: u32, s: &mut Stream, ctx: &mut Ctx) -> bool {
        const TEXT_LINES: [&str; 9] = [
            "location", "address", "email", "phone", "mobile", "homepage", "position", "tagline",
            "subtitle",
        ];
        if !TEXT_LINES.contains(&name) || self.preamble {
            return false;
        }
        let _ = s.read_opt();
        let args = s.read_args_up_to(1);
        ctx.sink().para.line_break();
        for a in args {
            let inl = self.inlines_of(a);
            for i in inl {
                self.inline(ctx, i, line);
            }
        }
        ctx.sink().para.line_break();
        true
    }

    fn finish_names(&mut self) {
        let (first, last) = std::mem::take(&mut self.names);
        let name = [first, last].into_iter().flatten().collect::<Vec<_>>().join(" ");
        if !name.is_empty() && !self.meta.iter().any(|(k, _)| k == "name") {
            self.meta.insert(0, ("name".into(), name));
        }
        // With the name given by `\name`, moderncv's `\title{Structural Engineer}` is the
        // headline; a title naming the document ("Curriculum Vitae") stays a title.
        let named = self.meta.iter().any(|(k, _)| k == "name");
        let labelled = self.meta.iter().any(|(k, _)| k == "label");
        if named && !labelled {
            for (k, v) in &mut self.meta {
                if k == "title" && !crate::parse::vocab::titles::is_title(v) {
                    *k = "label".to_string();
                    break;
                }
            }
        }
    }

    /// The entry macros of the CV classes and templates.
    fn cv_macro(&mut self, name: &str, line: u32, s: &mut Stream, ctx: &mut Ctx) -> bool {
        let strong = Some(Style { strong: true, ..Style::default() });
        let emph = Some(Style { emph: true, ..Style::default() });
        match name {
            "cventry" => {
                let _ = s.read_opt();
                let max = if self.class.contains("awesome") { 5 } else { 7 };
                let args = s.read_args_up_to(max);
                if args.len() == 5 && !self.class.contains("moderncv") {
                    // awesome-cv: {position}{organisation}{location}{date}{description}. The
                    // class sets them on two lines, but they are one entry's header: one row,
                    // as interpretation reads a header line of cells.
                    let [pos, org, place, date, desc] = take_array(args);
                    let rows = vec![self.row(vec![
                        (org, strong),
                        (place, None),
                        (pos, emph),
                        (date, None),
                    ])];
                    self.entry(ctx, "cventry", rows, desc, line);
                } else {
                    // moderncv: {years}{degree}{institution}{city}{grade}{description}.
                    let mut it = args.into_iter();
                    let mut slot = || it.next().unwrap_or_default();
                    let (years, title, org, city, grade, desc) =
                        (slot(), slot(), slot(), slot(), slot(), slot());
                    let rows = vec![self.row(vec![
                        (years, None),
                        (title, strong),
                        (org, emph),
                        (city, None),
                        (grade, None),
                    ])];
                    self.entry(ctx, "cventry", rows, desc, line);
                }
            }
            "cvitem" | "cvline" | "cvitemwithcomment" | "cvlanguage" | "cvskill" => {
                let _ = s.read_opt();
                let n = if matches!(name, "cvitemwithcomment" | "cvlanguage") { 3 } else { 2 };
                let args = s.read_args_up_to(n);
                let mut it = args.into_iter();
                let key = it.next().unwrap_or_default();
                let value = it.next().unwrap_or_default();
                let comment = it.next();
                // moderncv's `\cvitem{2019--2021}{Analyst, Acme}`: dates are no field name
                // but an entry's dates, in their own cell of its header row.
                // `\cvline` is moderncv's older name for `\cvitem`.
                if matches!(name, "cvitem" | "cvline")
                    && crate::parse::dates::is_only_dates(&self.text_of(key.clone()))
                {
                    // `\cvline{2019}{Acme \begin{itemize}…}`: the text before a list is the
                    // row's cell, the list the entry's description.
                    let blocks = self.blocks_of(value.clone());
                    if let [Block { kind: BlockKind::Para(first), pos }, rest @ ..] =
                        blocks.as_slice()
                        && !rest.is_empty()
                        && comment.is_none()
                    {
                        let mut row = self.row(vec![(key, None)]);
                        row.push(vec![Block::new(BlockKind::Para(first.clone()), pos.line)]);
                        self.entry_blocks(ctx, "cvitem", vec![row], rest.to_vec(), line);
                        return true;
                    }
                    let row = self.row(vec![(key, None), (value, None)]);
                    self.entry(ctx, "cvitem", vec![row], comment.unwrap_or_default(), line);
                    return true;
                }
                let key = self.inlines_of(key);
                let mut value = self.inlines_of(value);
                // AltaCV's \cvskill{name}{level}: the level is drawn, not written.
                if name == "cvskill" && plain(&value).trim().parse::<f32>().is_ok() {
                    self.list_item(ctx, key, line);
                    return true;
                }
                if let Some(c) = comment.map(|c| self.inlines_of(c)).filter(|c| !c.is_empty()) {
                    let mut buf = InlineBuf::new();
                    value.into_iter().for_each(|i| buf.push(i));
                    buf.text(" ");
                    buf.push(Inline::Emph(c));
                    value = buf.finish();
                }
                self.field(ctx, key, value, line);
            }
            "cvdoubleitem" | "cvcomputer" => {
                let args = s.read_args_up_to(4);
                let mut it = args.into_iter();
                for _ in 0..2 {
                    let key = it.next().unwrap_or_default();
                    let value = it.next().unwrap_or_default();
                    let (key, value) = (self.inlines_of(key), self.inlines_of(value));
                    self.field(ctx, key, value, line);
                }
            }
            "cvlistitem" | "cvlistdoubleitem" | "cvtag" => {
                let _ = s.read_opt();
                let n = if name == "cvlistdoubleitem" { 2 } else { 1 };
                for a in s.read_args_up_to(n) {
                    let item = self.inlines_of(a);
                    self.list_item(ctx, item, line);
                }
            }
            "cvhonor" => {
                // awesome-cv: {position}{title}{location}{date}, shown date first.
                let [pos, title, place, date] = take_array(s.read_args_up_to(4));
                let rows =
                    vec![self.row(vec![(date, None), (pos, strong), (title, None), (place, None)])];
                self.entry(ctx, "cvhonor", rows, Vec::new(), line);
            }
            "resumeSubheading" | "resumeSubHeading" | "resumeEntry" => {
                // {organisation}{place}{title}{dates}, set on two lines: one header row.
                let [org, place, title, dates] = take_array(s.read_args_up_to(4));
                let rows = vec![self.row(vec![
                    (org, strong),
                    (place, None),
                    (title, emph),
                    (dates, emph),
                ])];
                self.entry(ctx, "resumeSubheading", rows, Vec::new(), line);
            }
            "resumeSubSubheading" | "resumeProjectHeading" | "resumePOR" => {
                let [a, b] = take_array(s.read_args_up_to(2));
                let rows = vec![self.row(vec![(a, emph), (b, emph)])];
                self.entry(ctx, name, rows, Vec::new(), line);
            }
            "resumeItem" | "resumeSubItem" | "resumeItemWithTitle" => {
                // {text}, or {title}{text} shown as "title: text".
                let args = s.read_args_up_to(2);
                let mut buf = InlineBuf::new();
                let n = args.len();
                for (k, a) in args.into_iter().enumerate() {
                    let inl = self.inlines_of(a);
                    if n == 2 && k == 0 {
                        buf.push(Inline::Strong(inl));
                        buf.text(": ");
                    } else {
                        inl.into_iter().for_each(|i| buf.push(i));
                    }
                }
                self.list_item(ctx, buf.finish(), line);
            }
            "resumeItemListStart" | "resumeSubItemListStart" => {
                self.begin("itemize", line, s, ctx);
            }
            "resumeItemListEnd" | "resumeSubItemListEnd" => self.end("itemize", line, s, ctx),
            "twentyitem" | "entry" | "cvevent" | "datedsubsection" | "datedline" => {
                if name == "entry"
                    && !self.class.contains("friggeri")
                    && s.peek() != Some(&Tok::Open)
                {
                    return false;
                }
                let args = s.read_args_up_to(4);
                let rows = match (name, args.len()) {
                    // AltaCV: {title}{organisation}{dates}{location}.
                    ("cvevent", _) => {
                        let [title, org, dates, place] = take_array(args);
                        vec![self.row(vec![
                            (title, strong),
                            (org, None),
                            (dates, None),
                            (place, None),
                        ])]
                    }
                    (_, 4) => {
                        // twenty-seconds, friggeri: {date}{title}{location}{description}.
                        let [date, title, place, desc] = take_array(args);
                        let rows =
                            vec![self.row(vec![(date, None), (title, strong), (place, None)])];
                        self.entry(ctx, name, rows, desc, line);
                        return true;
                    }
                    _ => vec![self.row(args.into_iter().map(|a| (a, None)).collect())],
                };
                self.entry(ctx, name, rows, Vec::new(), line);
            }
            "ecvtitle" | "ecvtitlelevel" => {
                // europasscv: {dates}{position or qualification}, and a level not written as
                // words (`ISCED 7`); the `\ecvitem`s after it fill the entry.
                let n = if name == "ecvtitle" { 2 } else { 3 };
                let [dates, title] = take_array(s.read_args_up_to(n).into_iter().take(2).collect());
                let rows = vec![self.row(vec![(dates, None), (title, strong)])];
                self.entry(ctx, "ecvtitle", rows, Vec::new(), line);
            }
            "ecvitem" => {
                let _ = s.read_opt();
                let [label, text] = take_array(s.read_args_up_to(2));
                self.ecv_item(ctx, label, text, line);
            }
            "ecvblueitem" | "ecvbigitem" => {
                let _ = s.read_opt();
                let [label, text] = take_array(s.read_args_up_to(2));
                self.labelled_blocks(ctx, label, text, line);
            }
            "ecvmothertongue" => {
                let _ = s.read_opt();
                let lang = s.read_arg();
                let (key, value) =
                    (self.inlines_of(lang), vec![Inline::Text("Mother tongue".into())]);
                self.field(ctx, key, value, line);
            }
            "ecvlanguage" | "ecvlastlanguage" => {
                // {language}{listening}{reading}{interaction}{production}{writing}: the levels
                // of the European grid, read as the language's level.
                let args = s.read_args_up_to(6);
                let mut it = args.into_iter();
                let key = self.inlines_of(it.next().unwrap_or_default());
                let levels: Vec<String> =
                    it.map(|a| self.text_of(a)).filter(|t| !t.is_empty()).collect();
                self.field(ctx, key, vec![Inline::Text(levels.join(" "))], line);
            }
            "twentyitemshort" => {
                let [date, title] = take_array(s.read_args_up_to(2));
                let rows = vec![self.row(vec![(date, None), (title, None)])];
                self.entry(ctx, name, rows, Vec::new(), line);
            }
            "cvachievement" => {
                let [_icon, title, desc] = take_array(s.read_args_up_to(3));
                let rows = vec![self.row(vec![(title, strong)])];
                self.entry(ctx, name, rows, desc, line);
            }
            "about" | "aboutme" => {
                let arg = s.read_arg();
                let blocks = self.blocks_of(arg);
                for b in blocks {
                    self.block(ctx, b);
                }
            }
            "skills" | "skillstext" if self.class.contains("twenty") => {
                // {{Python/5},{C/4}}: the names; the levels are drawn.
                let list = raw_text(&s.read_arg());
                for part in list.split(',') {
                    let item =
                        part.trim().trim_matches(['{', '}']).split('/').next().unwrap_or("").trim();
                    if !item.is_empty() {
                        self.list_item(ctx, vec![Inline::Text(item.to_string())], line);
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// europasscv's `\ecvitem{label}{text}` under an `\ecvtitle`: the first one names the
    /// employer or school (a cell of the entry's header row), the later ones are its
    /// description. Elsewhere it is a labelled line, or text.
    fn ecv_item(&mut self, ctx: &mut Ctx, label: Vec<T>, text: Vec<T>, line: u32) {
        if self.preamble {
            return;
        }
        if !self.text_of(label.clone()).is_empty() {
            self.labelled_blocks(ctx, label, text, line);
            return;
        }
        let blocks = self.blocks_of(text);
        let sink = ctx.sink();
        sink.flush();
        if let Some(Block { kind: BlockKind::Div { class: Some(c), blocks: entry }, .. }) =
            sink.blocks.last_mut()
            && c == "ecvtitle"
        {
            let described = entry.iter().any(|b| matches!(b.kind, BlockKind::Div { .. }));
            if let ([Block { kind: BlockKind::Para(p), .. }], false) =
                (blocks.as_slice(), described)
                && let Some(Block { kind: BlockKind::Table(rows), .. }) = entry.first_mut()
                && let Some(row) = rows.last_mut()
                && row.cells.len() <= 2
            {
                row.cells.push(vec![Block::new(BlockKind::Para(p.clone()), line)]);
                return;
            }
            match entry.last_mut() {
                Some(Block { kind: BlockKind::Div { blocks: desc, .. }, .. }) => {
                    desc.extend(blocks)
                }
                _ => entry.push(Block::new(
                    BlockKind::Div { class: Some("description".to_string()), blocks },
                    line,
                )),
            }
            return;
        }
        sink.blocks.extend(blocks);
    }

    /// A label and its text (europasscv's `\ecvblueitem{Computer skills}{…}`): a field when
    /// the text is a short line, else the label as a line of its own above the text's blocks.
    fn labelled_blocks(&mut self, ctx: &mut Ctx, label: Vec<T>, text: Vec<T>, line: u32) {
        if self.preamble {
            return;
        }
        let key = self.inlines_of(label);
        let blocks = self.blocks_of(text);
        if let [Block { kind: BlockKind::Para(value), .. }] = blocks.as_slice()
            && plain(value).split_whitespace().count() <= 6
        {
            self.field(ctx, key, value.clone(), line);
            return;
        }
        let sink = ctx.sink();
        sink.flush();
        if !key.is_empty() {
            sink.blocks.push(Block::new(BlockKind::Para(vec![Inline::Strong(key)]), line));
        }
        sink.blocks.extend(blocks);
    }

    /// A row of an entry's non-empty slots, each in its style.
    fn row(&mut self, slots: Vec<(Vec<T>, Option<Style>)>) -> Vec<Vec<Block>> {
        let line = slots.iter().find_map(|(t, _)| t.first()).map_or(0, |t| t.line);
        let mut cells = Vec::new();
        for (toks, style) in slots {
            let inl = self.inlines_of(toks);
            if inl.is_empty() {
                continue;
            }
            let inl = match style {
                Some(st) if st.strong => vec![Inline::Strong(inl)],
                Some(st) if st.emph => vec![Inline::Emph(inl)],
                _ => inl,
            };
            cells.push(vec![Block::new(BlockKind::Para(inl), line)]);
        }
        cells
    }

    /// An entry: its rows of slots and its description, as one Div named after the macro.
    /// Entries without a description that follow one another share one table.
    fn entry(
        &mut self,
        ctx: &mut Ctx,
        class: &str,
        rows: Vec<Vec<Vec<Block>>>,
        desc: Vec<T>,
        line: u32,
    ) {
        if self.preamble {
            return;
        }
        let desc = self.blocks_of(desc);
        self.entry_blocks(ctx, class, rows, desc, line);
    }

    /// [`Reader::entry`] with its description already read.
    fn entry_blocks(
        &mut self,
        ctx: &mut Ctx,
        class: &str,
        rows: Vec<Vec<Vec<Block>>>,
        desc: Vec<Block>,
        line: u32,
    ) {
        if self.preamble {
            return;
        }
        let rows: Vec<Row> = rows
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|cells| Row { cells, header: false })
            .collect();
        let sink = ctx.sink();
        sink.flush();
        // An `\ecvtitle` takes the items after it, so it is never merged.
        if desc.is_empty()
            && class != "ecvtitle"
            && let Some(Block { kind: BlockKind::Div { class: Some(c), blocks }, .. }) =
                sink.blocks.last_mut()
            && c == class
            && let [Block { kind: BlockKind::Table(prev), .. }] = blocks.as_mut_slice()
        {
            prev.extend(rows);
            return;
        }
        let mut blocks = Vec::new();
        if !rows.is_empty() {
            blocks.push(Block::new(BlockKind::Table(rows), line));
        }
        // The description slot is the entry's text: an emphasised first line in it ("Propulsion
        // team") is not one of the header's fields.
        if !desc.is_empty() {
            let at = desc.first().map_or(line, |b| b.pos.line);
            blocks.push(Block::new(
                BlockKind::Div { class: Some("description".to_string()), blocks: desc },
                at,
            ));
        }
        if !blocks.is_empty() {
            sink.blocks
                .push(Block::new(BlockKind::Div { class: Some(class.to_string()), blocks }, line));
        }
    }

    /// A key–value field, joining the fields just before it.
    fn field(&mut self, ctx: &mut Ctx, key: Vec<Inline>, value: Vec<Inline>, line: u32) {
        if self.preamble || key.is_empty() && value.is_empty() {
            return;
        }
        let sink = ctx.sink();
        sink.flush();
        let f = Field { key, value };
        match sink.blocks.last_mut() {
            Some(Block { kind: BlockKind::Fields(fields), .. }) => fields.push(f),
            _ => sink.blocks.push(Block::new(BlockKind::Fields(vec![f]), line)),
        }
    }

    /// A list item from a macro (`\cvlistitem`), joining the list just before it; inside an
    /// open list, the list's next item.
    fn list_item(&mut self, ctx: &mut Ctx, content: Vec<Inline>, line: u32) {
        if self.preamble || content.is_empty() {
            return;
        }
        if matches!(ctx.top(), Frame::List { .. }) {
            self.item(ctx, None, line);
            let style = ctx.style;
            for i in content {
                ctx.sink().para.push(style, i, line);
            }
            return;
        }
        let sink = ctx.sink();
        sink.flush();
        let item = vec![Block::new(BlockKind::Para(content), line)];
        match sink.blocks.last_mut() {
            Some(Block { kind: BlockKind::List { ordered: false, items }, .. }) => items.push(item),
            _ => sink
                .blocks
                .push(Block::new(BlockKind::List { ordered: false, items: vec![item] }, line)),
        }
    }
}

/// Reads the next argument in place, as a group with a style switch first: `\textbf{x}` is
/// read as `{\bfseries x}`. The argument is not read ahead (nested arguments would be read
/// again at every level), only the switch goes in after its opening brace.
fn in_place(s: &mut Stream, switch: Option<&str>, line: u32) {
    s.skip_spaces();
    let switch = switch.map(|sw| T { tok: Tok::Cs(sw.into()), line });
    match s.peek() {
        Some(Tok::Open) => {
            let open = s.next();
            s.push_front(open.into_iter().chain(switch).collect());
        }
        Some(Tok::Close | Tok::Par) | None => {}
        Some(_) => {
            let one = s.next();
            let mut g = vec![T { tok: Tok::Open, line }];
            g.extend(switch);
            g.extend(one);
            g.push(T { tok: Tok::Close, line });
            s.push_front(g);
        }
    }
}

/// Exactly `N` arguments (missing ones empty).
fn take_array<const N: usize>(args: Vec<Vec<T>>) -> [Vec<T>; N] {
    let mut it = args.into_iter();
    std::array::from_fn(|_| it.next().unwrap_or_default())
}

/// A URL argument as written, with TeX's escapes undone.
fn link_target(toks: &[T]) -> String {
    let raw = raw_text(toks);
    raw.trim()
        .replace("\\#", "#")
        .replace("\\%", "%")
        .replace("\\_", "_")
        .replace("\\&", "&")
        .replace("\\~", "~")
}

/// A bullet list that an `\item` opens by itself, outside any list environment, holding
/// that first item.
fn implicit_list(env: &str, label: Option<Vec<Inline>>, line: u32) -> Frame {
    Frame::List {
        env: env.to_string(),
        kind: ListKind::Bullets,
        pre: Sink::default(),
        items: Vec::new(),
        cur: Some((label, Sink::default())),
        line,
    }
}

/// After `\vskip` and the like: a length written without braces (`2mm plus 1fil`).
fn skip_dimension(s: &mut Stream) {
    s.skip_spaces();
    let mut n = 0;
    while let Some(Tok::Char(c)) = s.peek() {
        if !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | ',')) || n > 24 {
            break;
        }
        s.next();
        n += 1;
    }
    if let Some(Tok::Cs(_)) = s.peek()
        && n > 0
    {
        s.next(); // `0.5\baselineskip`
    }
}

/// `\iffalse … \fi`: skipped, nested conditionals included.
fn skip_conditional(s: &mut Stream) {
    let mut depth = 1usize;
    while let Some(t) = s.next() {
        if let Tok::Cs(n) = &t.tok {
            if n.starts_with("if") {
                depth += 1;
            } else if &**n == "fi" {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
        }
    }
}

/// The brace groups that follow a command nobody defined are its arguments, each a field of
/// its own (`\contact{phone}{email}{site}`): they print with a cell boundary between them
/// rather than run together. `immediate`: only groups with no space before the first count.
fn separate_args(s: &mut Stream, immediate: bool) {
    let mut groups: Vec<(T, Vec<T>)> = Vec::new();
    loop {
        let mut spaces = Vec::new();
        while matches!(s.peek(), Some(Tok::Space { .. })) && !(immediate && groups.is_empty()) {
            spaces.extend(s.next());
        }
        if s.peek() != Some(&Tok::Open) {
            s.push_front(spaces);
            break;
        }
        let open = s.next().expect("peeked");
        let body = s.group_body();
        groups.push((open, body));
    }
    let several = groups.iter().filter(|(_, body)| !body.is_empty()).count() > 1;
    let mut out = Vec::new();
    for (open, body) in groups {
        if body.is_empty() {
            continue;
        }
        let line = open.line;
        if several && !out.is_empty() {
            out.push(T { tok: Tok::Cs("quad".into()), line });
        }
        out.push(open);
        out.extend(body);
        out.push(T { tok: Tok::Close, line });
    }
    s.push_front(out);
}

/// The value of a TeX assignment or `\advance`: an optional `=`, then a number, a length or
/// a register.
fn skip_quantity(s: &mut Stream) {
    s.skip_spaces();
    if matches!(s.peek(), Some(Tok::Char('='))) {
        s.next();
        s.skip_spaces();
    }
    if matches!(s.peek(), Some(Tok::Cs(_))) {
        s.next();
    } else {
        skip_dimension(s);
    }
}

/// `\loop … \repeat`: skipped, nested loops included.
fn skip_loop(s: &mut Stream) {
    let mut depth = 1usize;
    while let Some(t) = s.next() {
        if let Tok::Cs(n) = &t.tok {
            match &**n {
                "loop" => depth += 1,
                "repeat" => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

/// Skips an environment's body up to its `\end` (nested ones of the same name included).
fn skip_env(env: &str, s: &mut Stream) {
    let mut depth = 1usize;
    while let Some(t) = s.next() {
        if let Tok::Cs(n) = &t.tok
            && (&**n == "begin" || &**n == "end")
        {
            let name = raw_text(&s.read_arg());
            if name.trim() == env {
                if &**n == "begin" {
                    depth += 1;
                } else {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
