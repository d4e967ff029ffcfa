//! AsciiDoc reader: AsciiDoc (as Asciidoctor reads it) into the document tree.
//!
//! Written here because no Rust crate parses AsciiDoc into a tree usable for this (the few on
//! crates.io are early and render straight to HTML). Read: the document title and author line
//! (name and e-mail to [`Document::meta`], as `:author:`/`:email:` attributes), section titles
//! (`==`, `#`), paragraphs with ` +` hard breaks, unordered (`*`, `**`, `-`), ordered (`.`,
//! `1.`) and description (`term::`, `term;;`, `[horizontal]`) lists nested by marker kind, `+`
//! list continuations, `|===` tables (cell specifiers, `a` cells read as AsciiDoc, header
//! rows, `cols`), `.Block titles` (a strong line before their block), delimited blocks
//! (listing, literal, quote, sidebar, example, open), admonitions, attribute references, links
//! (`https://x[text]`, `link:`, `mailto:`, `<<xref,text>>`), constrained and unconstrained
//! emphasis and the typographic replacements (`--`, `...`, `(C)`). Comments, attribute
//! entries, block attributes, anchors, images, includes, conditionals and passthrough blocks
//! are dropped. Never panics; linear in the input (nesting and attribute expansion are
//! bounded).

use std::collections::HashMap;

use super::linewise::{
    Line, MAX_COLUMNS, MAX_DEPTH, bare_link_len, bare_link_target, indent, is_blank, lines,
};
use crate::parse::doc::{Block, BlockKind, Definition, Document, Inline, InlineBuf, Row};

/// Reads an AsciiDoc document.
pub fn read(text: &str) -> Document {
    let lines = lines(text);
    let budget = text.len() * 2 + 64 * 1024;
    let mut reader = Reader { attrs: HashMap::new(), meta: Vec::new(), budget };
    let start = reader.header(&lines);
    let mut blocks = reader.header_title(&lines);
    blocks.extend(reader.body(&lines[start..], 0));
    Document { blocks, meta: reader.meta, ..Default::default() }
}

struct Reader {
    /// Attribute values (`:name: value`), for `{name}` references.
    attrs: HashMap<String, String>,
    meta: Vec<(String, String)>,
    /// Bytes attribute references may still add: bounds expansion to a multiple of the input.
    budget: usize,
}

/// Block attributes (`[style,…]`, `.Title`) waiting for the block they belong to.
#[derive(Default)]
struct Pending {
    style: Option<String>,
    role: Option<String>,
    attrs: Vec<(String, String)>,
    title: Option<(u32, String)>,
}

impl Pending {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// `[style,key=value,%option,.role,#id]`.
    fn parse(&mut self, inner: &str) {
        for (k, part) in split_attrs(inner).into_iter().enumerate() {
            let part = part.trim();
            if let Some((key, value)) = part.split_once('=') {
                let value = value.trim().trim_matches('"').to_string();
                self.attrs.push((key.trim().to_string(), value));
            } else if let Some(opt) = part.strip_prefix('%') {
                self.attrs.push(("options".into(), opt.to_string()));
            } else if k == 0 && !part.is_empty() {
                // The first positional attribute is the style, with `.role`/`#id`/`%opt` on it.
                let style = part.split(['.', '#', '%']).next().unwrap_or("");
                if !style.is_empty() {
                    self.style = Some(style.to_ascii_lowercase());
                }
                for (n, piece) in part.split('.').enumerate().skip(1) {
                    let role = piece.split(['#', '%']).next().unwrap_or("");
                    if n == 1 && !role.is_empty() {
                        self.role = Some(role.to_string());
                    }
                }
                if part.contains("%header") {
                    self.attrs.push(("options".into(), "header".into()));
                }
            }
        }
    }
}

/// Splits block attributes at commas outside double quotes.
fn split_attrs(inner: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in inner.chars() {
        match c {
            ',' if !quoted => out.push(String::new()),
            c => {
                if c == '"' {
                    quoted = !quoted;
                }
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out
}

impl Reader {
    /// Reads the header (title, author and revision lines, attribute entries); returns the
    /// index of the first body line.
    fn header(&mut self, lines: &[Line]) -> usize {
        let mut k = 0;
        while k < lines.len() && (is_blank(&lines[k].text) || is_comment(&lines[k].text)) {
            k += 1;
        }
        if !lines.get(k).is_some_and(|l| l.text.starts_with("= ")) {
            return 0;
        }
        k += 1;
        // The author line right under the title: `Name <email>; Name <email>`.
        if let Some(l) = lines.get(k)
            && !is_blank(&l.text)
            && !l.text.starts_with(':')
            && !is_comment(&l.text)
        {
            for author in l.text.split(';') {
                let (name, email) = match author.split_once('<') {
                    Some((n, e)) => (n.trim(), Some(e.trim_end_matches('>').trim())),
                    None => (author.trim(), None),
                };
                if !name.is_empty() {
                    self.meta.push(("author".into(), name.to_string()));
                }
                if let Some(e) = email.filter(|e| !e.is_empty()) {
                    self.meta.push(("email".into(), e.to_string()));
                }
            }
            k += 1;
            // A revision line: `v1.2, 2020-01-01: remark`.
            if let Some(r) = lines.get(k)
                && (r.text.starts_with('v')
                    && r.text[1..].starts_with(|c: char| c.is_ascii_digit())
                    || r.text.starts_with(|c: char| c.is_ascii_digit()) && r.text.contains(','))
            {
                k += 1;
            }
        }
        // Attribute entries and comments up to the first blank line belong to the header.
        while k < lines.len() && !is_blank(&lines[k].text) {
            let t = &lines[k].text;
            if let Some((name, value)) = attribute_entry(t) {
                self.set_attr(name, value);
            } else if !is_comment(t) {
                break;
            }
            k += 1;
        }
        k
    }

    /// The document title as the level-1 heading.
    fn header_title(&mut self, lines: &[Line]) -> Vec<Block> {
        let Some(l) = lines.iter().find(|l| !is_blank(&l.text) && !is_comment(&l.text)) else {
            return Vec::new();
        };
        let Some(title) = l.text.strip_prefix("= ") else { return Vec::new() };
        let content = self.inlines(title.trim(), 0);
        if content.is_empty() {
            return Vec::new();
        }
        vec![Block::new(BlockKind::Heading { level: 1, content }, l.no)]
    }

    fn set_attr(&mut self, name: &str, value: &str) {
        let name = name.to_ascii_lowercase();
        if let Some(unset) = name.strip_suffix('!').or_else(|| name.strip_prefix('!')) {
            self.attrs.remove(unset);
            return;
        }
        let value = self.expand(value.trim());
        if matches!(name.as_str(), "author" | "email" | "name" | "phone" | "homepage")
            && !value.is_empty()
        {
            let key = if name == "homepage" { "url" } else { name.as_str() };
            self.meta.push((key.to_string(), value.clone()));
        }
        self.attrs.insert(name, value);
    }

    fn body(&mut self, lines: &[Line], depth: usize) -> Vec<Block> {
        let index = Delimiters::new(lines);
        let mut out = Vec::new();
        let mut pending = Pending::default();
        let mut i = 0;
        while i < lines.len() {
            if is_blank(&lines[i].text) {
                i += 1;
                continue;
            }
            let next = self.block(lines, &index, i, depth, &mut pending, &mut out);
            i = next.max(i + 1);
        }
        self.flush_title(&mut pending, &mut out);
        out
    }

    /// A block title with no block after it still shows.
    fn flush_title(&mut self, pending: &mut Pending, out: &mut Vec<Block>) {
        if let Some((no, title)) = pending.title.take() {
            out.push(self.title_block(&title, no));
        }
    }

    fn title_block(&mut self, title: &str, no: u32) -> Block {
        let content = self.inlines(title, 0);
        // A title written bold is not made bolder.
        let content = match content.as_slice() {
            [Inline::Strong(_)] => content,
            _ => vec![Inline::Strong(content)],
        };
        Block::new(BlockKind::Para(content), no)
    }

    /// Reads the block at `i`; returns the index after it.
    fn block(
        &mut self,
        lines: &[Line],
        index: &Delimiters,
        i: usize,
        depth: usize,
        pending: &mut Pending,
        out: &mut Vec<Block>,
    ) -> usize {
        let t = lines[i].text.as_str();
        let no = lines[i].no;
        if is_comment(t) {
            return if t.starts_with("////") {
                index.close(i).map_or(i + 1, |e| e + 1)
            } else {
                i + 1
            };
        }
        if let Some((name, value)) = attribute_entry(t) {
            self.set_attr(name, value);
            return i + 1;
        }
        if depth >= MAX_DEPTH {
            return self.paragraph(lines, i, depth, pending, out);
        }
        if let Some(inner) = block_attribute(t) {
            if !inner.starts_with('[') && !inner.starts_with('#') {
                pending.parse(inner);
            }
            return i + 1;
        }
        if let Some(title) = block_title(t) {
            self.flush_title(pending, out);
            pending.title = Some((no, title.to_string()));
            return i + 1;
        }
        if let Some((level, title)) = section_title(t) {
            *pending = Pending::default();
            let content = self.inlines(title, depth);
            if !content.is_empty() {
                out.push(Block::new(BlockKind::Heading { level, content }, no));
            }
            return i + 1;
        }
        if is_directive(t) {
            return i + 1;
        }
        if matches!(t, "'''" | "---" | "***" | "- - -" | "* * *") {
            out.push(Block::new(BlockKind::Rule, no));
            return i + 1;
        }
        if t == "<<<" {
            return i + 1;
        }
        if let Some(kind) = delimiter(t) {
            let Some(end) = index.close(i) else {
                return self.paragraph(lines, i, depth, pending, out);
            };
            self.flush_title(pending, out);
            let p = std::mem::take(pending);
            self.delimited(kind, &lines[i + 1..end], &p, no, depth, out);
            return end + 1;
        }
        if list_marker(t).is_some() {
            self.flush_title(pending, out);
            *pending = Pending::default();
            return self.list(lines, index, i, depth, out);
        }
        self.flush_title(pending, out);
        self.paragraph(lines, i, depth, pending, out)
    }

    fn delimited(
        &mut self,
        kind: Delim,
        inner: &[Line],
        pending: &Pending,
        no: u32,
        depth: usize,
        out: &mut Vec<Block>,
    ) {
        match kind {
            Delim::Comment | Delim::Pass => {}
            Delim::Listing | Delim::Literal => push_literal(inner, no, out),
            Delim::Table(sep) => {
                if let Some(table) = self.table(inner, sep, pending, no, depth) {
                    out.push(table);
                }
            }
            Delim::Quote if pending.style.as_deref() == Some("verse") => {
                let mut buf = InlineBuf::new();
                for l in inner.iter().filter(|l| !is_blank(&l.text)) {
                    if !buf.is_empty() {
                        buf.push(Inline::LineBreak);
                    }
                    for x in self.inlines(l.text.trim(), depth) {
                        buf.push(x);
                    }
                }
                let content = buf.finish();
                if !content.is_empty() {
                    out.push(Block::new(BlockKind::Para(content), no));
                }
            }
            Delim::Quote => {
                let blocks = self.body(inner, depth + 1);
                if !blocks.is_empty() {
                    out.push(Block::new(BlockKind::Quote(blocks), no));
                }
            }
            Delim::Sidebar | Delim::Example | Delim::Open => {
                let blocks = self.body(inner, depth + 1);
                if blocks.is_empty() {
                    return;
                }
                let class = pending.role.clone().or_else(|| pending.style.clone()).or(match kind {
                    Delim::Sidebar => Some("sidebar".to_string()),
                    Delim::Example => Some("example".to_string()),
                    _ => None,
                });
                match (kind, &class) {
                    // A plain open block only groups; its blocks stand as they are.
                    (Delim::Open, None) => out.extend(blocks),
                    _ => out.push(Block::new(BlockKind::Div { class, blocks }, no)),
                }
            }
        }
    }

    /// A paragraph: lines up to a blank line or a line that starts another block.
    fn paragraph(
        &mut self,
        lines: &[Line],
        i: usize,
        depth: usize,
        pending: &mut Pending,
        out: &mut Vec<Block>,
    ) -> usize {
        let p = std::mem::take(pending);
        let no = lines[i].no;
        let literal = indent(&lines[i].text) > 0 || p.style.as_deref() == Some("literal");
        let mut end = i + 1;
        while end < lines.len() && !ends_paragraph(&lines[end].text) {
            end += 1;
        }
        if literal {
            push_literal(&lines[i..end], no, out);
            return end;
        }
        let text = lines[i..end].iter().map(|l| l.text.trim()).collect::<Vec<_>>().join("\n");
        // `NOTE: text` and `[NOTE]` paragraphs are admonitions.
        let (admonition, text) = match admonition_label(&text) {
            Some((label, rest)) => (Some(label.to_ascii_lowercase()), rest.to_string()),
            None => (p.style.clone().filter(|s| is_admonition(s)), text),
        };
        let content = self.inlines(&text, depth);
        if content.is_empty() {
            return end;
        }
        let para = Block::new(BlockKind::Para(content), no);
        match admonition.or(p.role) {
            Some(class) => {
                out.push(Block::new(BlockKind::Div { class: Some(class), blocks: vec![para] }, no))
            }
            None => out.push(para),
        }
        end
    }

    /// A list: items of several marker kinds, each kind a level of nesting in the order the
    /// kinds first appear; `+` attaches the next block to the current item.
    fn list(
        &mut self,
        lines: &[Line],
        index: &Delimiters,
        i: usize,
        depth: usize,
        out: &mut Vec<Block>,
    ) -> usize {
        let mut stack: Vec<Level> = Vec::new();
        let mut k = i;
        let mut end = i + 1;
        while k < lines.len() {
            let Some(marker) = list_marker(&lines[k].text) else { break };
            // A kind already open closes the deeper levels; a new kind nests under the item.
            if let Some(p) = stack.iter().position(|l| l.marker == marker.kind) {
                while stack.len() > p + 1 {
                    close_level(&mut stack);
                }
            } else if stack.len() >= MAX_DEPTH.min(8) {
                while stack.len() > 1 {
                    close_level(&mut stack);
                }
            } else {
                stack.push(Level {
                    marker: marker.kind.clone(),
                    no: lines[k].no,
                    items: Vec::new(),
                });
            }
            let (item, next) = self.item(lines, index, k, &marker, depth);
            if let Some(level) = stack.last_mut() {
                level.items.push(item);
            }
            end = next;
            // Blank lines may separate items of one list.
            let mut n = next;
            while n < lines.len() && is_blank(&lines[n].text) {
                n += 1;
            }
            if n < lines.len() && list_marker(&lines[n].text).is_some() {
                k = n;
            } else {
                break;
            }
        }
        while stack.len() > 1 {
            close_level(&mut stack);
        }
        if let Some(level) = stack.pop() {
            out.push(level.block());
        }
        end
    }

    /// One item: the text after its marker and the lines that continue it, then the blocks
    /// `+` attaches.
    fn item(
        &mut self,
        lines: &[Line],
        index: &Delimiters,
        k: usize,
        marker: &ListMarker,
        depth: usize,
    ) -> (Item, usize) {
        let no = lines[k].no;
        let mut text = vec![marker.text.trim().to_string()];
        let mut n = k + 1;
        while n < lines.len() {
            let t = &lines[n].text;
            if is_blank(t) || list_marker(t).is_some() || t == "+" || starts_block(t) {
                break;
            }
            text.push(t.trim().to_string());
            n += 1;
        }
        let joined = text.join("\n");
        let mut blocks = Vec::new();
        let first = self.inlines(strip_checkbox(joined.trim()), depth);
        if !first.is_empty() {
            blocks.push(Block::new(BlockKind::Para(first), no));
        }
        // `+` on its own line attaches the next block to this item.
        while n < lines.len() && lines[n].text == "+" {
            let mut pending = Pending::default();
            let mut attached = Vec::new();
            let mut s = n + 1;
            // Block attributes and a title belong to the attached block.
            while s < lines.len() && attached.is_empty() && !is_blank(&lines[s].text) {
                let next = self.block(lines, index, s, depth + 1, &mut pending, &mut attached);
                s = next.max(s + 1);
            }
            self.flush_title(&mut pending, &mut attached);
            blocks.extend(attached);
            n = s;
        }
        let item = match &marker.kind {
            Kind::Description(_) => {
                let term = self.inlines(marker.term.as_deref().unwrap_or(""), depth);
                Item::Definition(Definition { term, body: blocks })
            }
            _ => Item::Plain(blocks),
        };
        (item, n)
    }

    /// A `|===` table (or `,===` / `:===` for CSV and DSV data).
    fn table(
        &mut self,
        inner: &[Line],
        sep: char,
        p: &Pending,
        no: u32,
        depth: usize,
    ) -> Option<Block> {
        let col_styles = p.attr("cols").map(column_styles).unwrap_or_default();
        let cols = Some(col_styles.len()).filter(|&n| n > 0);
        let header_opt = p.attr("options").is_some_and(|o| o.contains("header"));
        let first_content = inner.iter().position(|l| !is_blank(&l.text));
        let cells = if sep == '|' { psv_cells(inner) } else { dsv_cells(inner, sep) };
        if cells.is_empty() {
            return None;
        }
        // Without `cols`, the first line's cells give the width.
        let width = cols.unwrap_or_else(|| {
            let first = first_content.map(|k| inner[k].no);
            cells.iter().filter(|c| Some(c.no) == first).map(|c| c.span).sum::<usize>().max(1)
        });
        let width = width.min(MAX_COLUMNS);
        // The first line followed by a blank line is an implicit header row.
        let implicit_header = first_content.is_some_and(|k| {
            inner.get(k + 1).is_some_and(|n| is_blank(&n.text))
                && cells.iter().filter(|c| c.no == inner[k].no).map(|c| c.span).sum::<usize>()
                    == width
        }) && p.attr("options").is_none_or(|o| !o.contains("noheader"));
        let mut rows = Vec::new();
        let mut row: Vec<Vec<Block>> = Vec::new();
        let mut used = 0;
        for cell in cells {
            let column_style = col_styles.get(used).copied().flatten();
            let blocks = if cell.style.or(column_style) == Some('a') {
                let ls: Vec<Line> = cell.lines;
                let base = ls
                    .iter()
                    .filter(|l| !is_blank(&l.text))
                    .map(|l| indent(&l.text))
                    .min()
                    .unwrap_or(0);
                let ls = super::linewise::dedent(&ls, base);
                self.body(&ls, depth + 1)
            } else {
                self.cell_paragraphs(&cell.lines, depth)
            };
            row.push(blocks);
            used += cell.span.min(width);
            if used >= width {
                let header = rows.is_empty() && (header_opt || implicit_header);
                rows.push(Row { cells: std::mem::take(&mut row), header });
                used = 0;
            }
        }
        if !row.is_empty() {
            let header = rows.is_empty() && header_opt;
            rows.push(Row { cells: row, header });
        }
        Some(Block::new(BlockKind::Table(rows), no))
    }

    /// A normal cell: paragraphs separated by blank lines.
    fn cell_paragraphs(&mut self, lines: &[Line], depth: usize) -> Vec<Block> {
        let mut out = Vec::new();
        let mut para: Vec<&Line> = Vec::new();
        for l in lines.iter().chain(std::iter::once(&Line { no: 0, text: String::new() })) {
            if is_blank(&l.text) {
                if let Some(first) = para.first() {
                    let text = para.iter().map(|l| l.text.trim()).collect::<Vec<_>>().join("\n");
                    let content = self.inlines(&text, depth);
                    if !content.is_empty() {
                        out.push(Block::new(BlockKind::Para(content), first.no));
                    }
                }
                para.clear();
            } else {
                para.push(l);
            }
        }
        out
    }

    /// Expands `{name}` attribute references, once (values are not expanded again), within
    /// the budget.
    fn expand(&mut self, s: &str) -> String {
        if !s.contains('{') {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close =
                after.char_indices().take(64).find(|&(_, c)| c == '}' || c == '{' || c == ' ');
            match close {
                Some((k, '}')) if k > 0 && !rest[..open].ends_with('\\') => {
                    let name = after[..k].to_ascii_lowercase();
                    match self.attr_value(&name) {
                        Some(v) if v.len() <= self.budget => {
                            self.budget -= v.len();
                            out.push_str(&v);
                        }
                        _ => out.push_str(&rest[open..open + k + 2]),
                    }
                    rest = &after[k + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn attr_value(&self, name: &str) -> Option<String> {
        let builtin = match name {
            "nbsp" => "\u{a0}",
            "sp" | "space" => " ",
            "empty" | "zwsp" => "",
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "startsb" => "[",
            "endsb" => "]",
            "vbar" => "|",
            "caret" => "^",
            "tilde" => "~",
            "apos" => "'",
            "quot" => "\"",
            "backslash" => "\\",
            "plus" => "+",
            "two-colons" => "::",
            "two-semicolons" => ";;",
            "deg" => "°",
            "ldquo" => "\u{201c}",
            "rdquo" => "\u{201d}",
            "lsquo" => "\u{2018}",
            "rsquo" => "\u{2019}",
            _ => return self.attrs.get(name).cloned(),
        };
        Some(builtin.to_string())
    }

    fn inlines(&mut self, text: &str, depth: usize) -> Vec<Inline> {
        let text = self.expand(text);
        let mut buf = InlineBuf::new();
        Inlines::new(&text).run(&text, depth, &mut buf);
        buf.finish()
    }
}

/// One level of an open list.
struct Level {
    marker: Kind,
    no: u32,
    items: Vec<Item>,
}

enum Item {
    Plain(Vec<Block>),
    Definition(Definition),
}

impl Level {
    fn block(self) -> Block {
        let kind = match self.marker {
            Kind::Description(_) => BlockKind::Definitions(
                self.items
                    .into_iter()
                    .map(|i| match i {
                        Item::Definition(d) => d,
                        Item::Plain(body) => Definition { term: Vec::new(), body },
                    })
                    .collect(),
            ),
            ref k => BlockKind::List {
                ordered: matches!(k, Kind::Ordered(_)),
                items: self
                    .items
                    .into_iter()
                    .map(|i| match i {
                        Item::Plain(b) => b,
                        Item::Definition(d) => {
                            let mut b = vec![Block::new(BlockKind::Para(d.term), 0)];
                            b.extend(d.body);
                            b
                        }
                    })
                    .collect(),
            },
        };
        Block::new(kind, self.no)
    }
}

/// Closes the innermost level into the last item of the level above.
fn close_level(stack: &mut Vec<Level>) {
    let Some(level) = stack.pop() else { return };
    let block = level.block();
    match stack.last_mut().and_then(|l| l.items.last_mut()) {
        Some(Item::Plain(b)) => b.push(block),
        Some(Item::Definition(d)) => d.body.push(block),
        None => {}
    }
}

/// The kind of a list marker: items of one kind are siblings.
#[derive(Clone, PartialEq, Debug)]
enum Kind {
    /// `*`, `**`, … or `-`: the marker string.
    Unordered(String),
    /// `.`, `..`, … or `1.`/`a.`/`i)` (marker class).
    Ordered(String),
    /// `::`, `:::`, `::::` or `;;`.
    Description(String),
}

struct ListMarker {
    kind: Kind,
    /// The text after the marker (the description's own text for a term).
    text: String,
    term: Option<String>,
}

fn list_marker(t: &str) -> Option<ListMarker> {
    let s = t.trim_start();
    let run = |c: char| s.chars().take_while(|&x| x == c).count();
    for c in ['*', '.', '-'] {
        let n = run(c);
        if n == 0 || (c == '-' && n > 1) || n > 5 {
            continue;
        }
        if s[n..].starts_with(' ') && !s[n..].trim().is_empty() {
            let kind = match c {
                '.' => Kind::Ordered(".".repeat(n)),
                _ => Kind::Unordered(c.to_string().repeat(n)),
            };
            return Some(ListMarker { kind, text: s[n..].trim().to_string(), term: None });
        }
    }
    // `1.`, `a.`, `iv)`.
    let label = s.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
    if (1..=5).contains(&label)
        && s[label..].starts_with(['.', ')'])
        && s[label + 1..].starts_with(' ')
        && (s[..label].chars().all(|c| c.is_ascii_digit()) || label == 1)
    {
        let class = if s[..label].chars().all(|c| c.is_ascii_digit()) { "1" } else { "a" };
        return Some(ListMarker {
            kind: Kind::Ordered(class.into()),
            text: s[label + 1..].trim().to_string(),
            term: None,
        });
    }
    description_marker(s)
}

/// `term:: text`, `term::: text`, `term:::: text` or `term;; text` (the text may be empty).
fn description_marker(s: &str) -> Option<ListMarker> {
    if s.starts_with("//") || s.starts_with(':') {
        return None;
    }
    for delim in ["::::", ":::", "::", ";;"] {
        let mut from = 0;
        while let Some(k) = s[from..].find(delim).map(|k| k + from) {
            let after = &s[k + delim.len()..];
            // Longer runs of the same character belong to a longer delimiter.
            let longer = after.starts_with(&delim[..1]) || s[..k].ends_with(&delim[..1]);
            let ends = after.is_empty() || after.starts_with(' ');
            // A URL (`https://`) or an inline macro (`image::`) is not a term.
            let url =
                s[..k].ends_with("http") || s[..k].ends_with("https") || after.starts_with('/');
            if k > 0 && ends && !longer && !url {
                return Some(ListMarker {
                    kind: Kind::Description(delim.to_string()),
                    text: after.trim().to_string(),
                    term: Some(s[..k].trim().to_string()),
                });
            }
            from = k + delim.len();
            if from >= s.len() {
                break;
            }
        }
    }
    None
}

fn strip_checkbox(s: &str) -> &str {
    for b in ["[ ] ", "[x] ", "[*] "] {
        if let Some(r) = s.strip_prefix(b) {
            return r;
        }
    }
    s
}

fn is_comment(t: &str) -> bool {
    t.starts_with("//") && !t.starts_with("///") || t.starts_with("////")
}

/// `:name: value` (or `:name!:` to unset).
fn attribute_entry(t: &str) -> Option<(&str, &str)> {
    let r = t.strip_prefix(':')?;
    let k = r.find(':')?;
    let name = &r[..k];
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '!'))
        && (r[k + 1..].is_empty() || r[k + 1..].starts_with(' '));
    ok.then(|| (name, &r[k + 1..]))
}

/// `[…]` on a line of its own: a block attribute list (or an anchor `[[id]]`).
fn block_attribute(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    let ok = !inner.contains('\n') && !inner.starts_with(' ') && !inner.is_empty();
    ok.then_some(inner)
}

/// `.Title` (not `..` nor `. item`).
fn block_title(t: &str) -> Option<&str> {
    let r = t.strip_prefix('.')?;
    let c = r.chars().next()?;
    (!c.is_whitespace() && c != '.').then_some(r)
}

/// `== Title` (or Markdown-style `## Title`): level 2 for `==`.
fn section_title(t: &str) -> Option<(u8, &str)> {
    for c in ['=', '#'] {
        let n = t.chars().take_while(|&x| x == c).count();
        if (1..=6).contains(&n) && t[n..].starts_with(' ') && !t[n..].trim().is_empty() {
            return Some((n as u8, t[n..].trim()));
        }
    }
    None
}

/// `image::…[]`, `include::…[]`, `toc::[]`, `ifdef::…[]`: block macros with no text.
fn is_directive(t: &str) -> bool {
    let Some((name, rest)) = t.split_once("::") else { return false };
    let ok =
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok && rest.ends_with(']') && !rest.starts_with(' ')
}

fn is_admonition(s: &str) -> bool {
    matches!(s.to_ascii_uppercase().as_str(), "NOTE" | "TIP" | "IMPORTANT" | "WARNING" | "CAUTION")
}

fn admonition_label(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.split_once(": ")?;
    is_admonition(label).then_some((label, rest))
}

/// A line that starts another block ends a paragraph.
/// (A list item ends it too, as the author meant, although Asciidoctor wants a blank line.)
fn ends_paragraph(t: &str) -> bool {
    is_blank(t)
        || starts_block(t)
        || list_marker(t).is_some_and(|m| !matches!(m.kind, Kind::Description(_)))
}

/// Lines that interrupt a paragraph or a list item's text.
fn starts_block(t: &str) -> bool {
    delimiter(t).is_some()
        || block_attribute(t).is_some()
        || attribute_entry(t).is_some()
        || is_comment(t)
        || section_title(t).is_some()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Delim {
    Comment,
    Listing,
    Literal,
    Quote,
    Sidebar,
    Example,
    Open,
    Pass,
    /// A table with its cell separator.
    Table(char),
}

/// A delimiter line: four or more of one character (`--` exactly for an open block).
fn delimiter(t: &str) -> Option<Delim> {
    if t == "--" {
        return Some(Delim::Open);
    }
    if let Some(rest) = t.strip_suffix("===")
        && let Some(sep) = rest.chars().next()
        && rest.len() == 1
        && matches!(sep, '|' | ',' | ':' | '!')
    {
        return Some(Delim::Table(if sep == '!' { '|' } else { sep }));
    }
    if t.len() > 4
        && (t.starts_with("|===") || t.starts_with("!==="))
        && t[1..].chars().all(|c| c == '=')
    {
        return Some(Delim::Table('|'));
    }
    let c = t.chars().next()?;
    if t.len() < 4 || !t.chars().all(|x| x == c) {
        return None;
    }
    Some(match c {
        '/' => Delim::Comment,
        '-' => Delim::Listing,
        '.' => Delim::Literal,
        '_' => Delim::Quote,
        '*' => Delim::Sidebar,
        '=' => Delim::Example,
        '+' => Delim::Pass,
        _ => return None,
    })
}

/// Where each delimited block of a body closes: the next line equal to its opening line
/// (nested blocks of one kind use different lengths). Found in one pass.
struct Delimiters {
    close: Vec<Option<usize>>,
}

impl Delimiters {
    fn new(lines: &[Line]) -> Delimiters {
        let mut close = vec![None; lines.len()];
        let mut next: HashMap<&str, usize> = HashMap::new();
        for k in (0..lines.len()).rev() {
            let t = lines[k].text.as_str();
            if delimiter(t).is_some() {
                close[k] = next.get(t).copied();
                next.insert(t, k);
            }
        }
        Delimiters { close }
    }

    fn close(&self, i: usize) -> Option<usize> {
        self.close.get(i).copied().flatten()
    }
}

fn push_literal(lines: &[Line], no: u32, out: &mut Vec<Block>) {
    let base =
        lines.iter().filter(|l| !is_blank(&l.text)).map(|l| indent(&l.text)).min().unwrap_or(0);
    let mut buf = InlineBuf::new();
    for l in lines.iter().filter(|l| !is_blank(&l.text)) {
        if !buf.is_empty() {
            buf.push(Inline::LineBreak);
        }
        buf.push(Inline::Code(l.text[base.min(l.text.len())..].to_string()));
    }
    let content = buf.finish();
    if !content.is_empty() {
        out.push(Block::new(BlockKind::Para(content), no));
    }
}

/// `cols="1,5a"`, `cols="3*"`, `cols=3`: per column, its style letter (`a` = AsciiDoc).
fn column_styles(spec: &str) -> Vec<Option<char>> {
    let spec = spec.trim().trim_matches('"');
    if let Ok(n) = spec.parse::<usize>() {
        return vec![None; n.min(MAX_COLUMNS)];
    }
    let mut out = Vec::new();
    for c in spec.split([',', ';']) {
        let (repeat, col) = match c.split_once('*') {
            Some((n, col)) => (n.trim().parse().unwrap_or(1), col),
            None => (1, c),
        };
        let style = col.trim().chars().last().filter(|c| "adehlmsv".contains(*c));
        for _ in 0..repeat {
            if out.len() < MAX_COLUMNS {
                out.push(style);
            }
        }
    }
    out
}

/// One table cell: its lines, how many columns it spans and its style letter.
struct Cell {
    no: u32,
    span: usize,
    style: Option<char>,
    lines: Vec<Line>,
}

/// Cells of a `|` table: each `|` starts a cell, a specifier just before it (`2+`, `a`,
/// `.2+^.^`) shapes it.
fn psv_cells(inner: &[Line]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    for l in inner {
        let t = l.text.as_str();
        if !t.contains('|') {
            if let Some(c) = cells.last_mut() {
                c.lines.push(Line { no: l.no, text: t.to_string() });
            }
            continue;
        }
        let mut rest = t;
        let mut first = true;
        while let Some(k) = find_unescaped(rest, '|') {
            let before = &rest[..k];
            let (text, spec) = split_spec(before);
            if first {
                if !text.trim().is_empty()
                    && let Some(c) = cells.last_mut()
                {
                    c.lines.push(Line { no: l.no, text: text.to_string() });
                }
            } else if let Some(c) = cells.last_mut() {
                c.lines.push(Line { no: l.no, text: text.to_string() });
            }
            let (span, repeat, style) = read_spec(spec);
            for _ in 0..repeat {
                cells.push(Cell { no: l.no, span, style, lines: Vec::new() });
            }
            first = false;
            rest = &rest[k + 1..];
        }
        if let Some(c) = cells.last_mut() {
            c.lines.push(Line { no: l.no, text: rest.replace("\\|", "|") });
        }
        if cells.len() > 100_000 {
            break;
        }
    }
    // Leading and trailing blank lines of a cell are not content.
    for c in &mut cells {
        while c.lines.last().is_some_and(|l| is_blank(&l.text)) {
            c.lines.pop();
        }
        while c.lines.first().is_some_and(|l| is_blank(&l.text)) {
            c.lines.remove(0);
        }
    }
    cells
}

fn find_unescaped(s: &str, c: char) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = s[from..].find(c).map(|k| k + from) {
        if !s[..k].ends_with('\\') {
            return Some(k);
        }
        from = k + 1;
    }
    None
}

/// Splits `text spec` where `spec` is a cell specifier ending the text before a `|`.
fn split_spec(before: &str) -> (&str, &str) {
    let start = before.rfind(char::is_whitespace).map_or(0, |k| k + 1);
    let token = &before[start..];
    if is_spec(token) { (&before[..start], token) } else { (before, "") }
}

fn is_spec(t: &str) -> bool {
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || ".+*<^>adehlmsv".contains(c)) {
        return false;
    }
    // A bare number is text; a specifier has a span, a repeat, an alignment or a style.
    let style = t.chars().last().is_some_and(|c| "adehlmsv".contains(c));
    let letters = t.chars().filter(|c| c.is_ascii_alphabetic()).count();
    letters <= 1 && (style || t.contains(['+', '*', '<', '^', '>', '.']))
}

/// `(column span, repeat count, style letter)` of a specifier.
fn read_spec(spec: &str) -> (usize, usize, Option<char>) {
    let style = spec.chars().last().filter(|c| c.is_ascii_alphabetic());
    let num = |s: &str| {
        s.chars().take_while(|c| c.is_ascii_digit()).collect::<String>().parse::<usize>().ok()
    };
    let repeat = spec.split_once('*').and_then(|(n, _)| num(n)).unwrap_or(1).clamp(1, MAX_COLUMNS);
    let span = match spec.split_once('+') {
        Some((n, _)) if !n.contains('.') => num(n).unwrap_or(1),
        _ => 1,
    };
    (span.clamp(1, MAX_COLUMNS), repeat, style)
}

/// Cells of CSV (`,===`) or DSV (`:===`) data: one row per line.
fn dsv_cells(inner: &[Line], sep: char) -> Vec<Cell> {
    let mut cells = Vec::new();
    for l in inner.iter().filter(|l| !is_blank(&l.text)) {
        for part in l.text.split(sep) {
            let text = part.trim().trim_matches('"').to_string();
            cells.push(Cell {
                no: l.no,
                span: 1,
                style: None,
                lines: vec![Line { no: l.no, text }],
            });
        }
    }
    cells
}

/// Inline markup of one paragraph. Closing delimiters are found once, up front, so that an
/// opener finds its closer without rescanning (linear time).
struct Inlines {
    /// Per pair kind (see [`PAIRS`]), the positions where it may close, and a cursor.
    closers: Vec<(Vec<usize>, usize)>,
    /// The position from which a search for a macro's `]` already failed.
    no_bracket: usize,
}

/// Formatting pairs: unconstrained (doubled, anywhere) before constrained (single, at word
/// boundaries).
const PAIRS: [(&str, bool); 9] = [
    ("**", false),
    ("__", false),
    ("``", false),
    ("##", false),
    ("*", true),
    ("_", true),
    ("`", true),
    ("#", true),
    ("+", true),
];

fn word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

impl Inlines {
    fn new(s: &str) -> Self {
        let mut closers: Vec<(Vec<usize>, usize)> = vec![(Vec::new(), 0); PAIRS.len()];
        for (k, _) in s.char_indices() {
            let before = s[..k].chars().next_back();
            for (n, (d, constrained)) in PAIRS.iter().enumerate() {
                if !s[k..].starts_with(d) || before.is_none_or(char::is_whitespace) {
                    continue;
                }
                let after = s[k + d.len()..].chars().next();
                if *constrained && (word(after) || after == Some(d.chars().next().unwrap_or(' '))) {
                    continue;
                }
                closers[n].0.push(k);
            }
        }
        Inlines { closers, no_bracket: usize::MAX }
    }

    fn run(&mut self, s: &str, depth: usize, buf: &mut InlineBuf) {
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let c = rest.chars().next().unwrap_or(' ');
            let prev = s[..i].chars().next_back();
            if c == '\\'
                && let Some(n) = rest[1..].chars().next().filter(|n| !n.is_alphanumeric())
            {
                buf.text(&n.to_string());
                i += 1 + n.len_utf8();
                continue;
            }
            if c == '\n' {
                buf.push(Inline::SoftBreak);
                i += 1;
                continue;
            }
            if rest.starts_with(" +\n") || rest == " +" {
                buf.push(Inline::LineBreak);
                i += 3.min(rest.len());
                continue;
            }
            if let Some(n) = self.macro_or_link(s, i, depth, buf) {
                i = n;
                continue;
            }
            if let Some(n) = self.pair(s, i, depth, buf) {
                i = n;
                continue;
            }
            if let Some((text, n)) = replacement(rest, prev) {
                buf.text(text);
                i += n;
                continue;
            }
            buf.text(&rest[..c.len_utf8()]);
            i += c.len_utf8();
        }
    }

    /// Links, cross references, inline macros and anchors at `i`.
    fn macro_or_link(
        &mut self,
        s: &str,
        i: usize,
        depth: usize,
        buf: &mut InlineBuf,
    ) -> Option<usize> {
        let rest = &s[i..];
        let prev = s[..i].chars().next_back();
        if rest.starts_with("<<") {
            let close = rest.char_indices().take(300).find(|&(_, c)| c == '>')?.0;
            if !rest[close..].starts_with(">>") {
                return None;
            }
            let inner = &rest[2..close];
            let shown = inner.split_once(',').map_or(inner, |(_, t)| t).trim();
            buf.text(shown);
            return Some(i + close + 2);
        }
        if rest.starts_with("[[") {
            let close = rest.char_indices().take(200).find(|&(_, c)| c == ']')?.0;
            if rest[close..].starts_with("]]") {
                return Some(i + close + 2);
            }
        }
        if rest.starts_with('[') && (rest[1..].starts_with('.') || rest[1..].starts_with('#')) {
            // `[.role]#text#`: the role is dropped, the text read as usual.
            let close = rest.char_indices().take(100).find(|&(_, c)| c == ']')?.0;
            let after = &rest[close + 1..];
            if after.starts_with(['#', '*', '_', '`']) {
                return Some(i + close + 1);
            }
        }
        if word(prev) && !rest.starts_with("mailto:") {
            return None;
        }
        let angle = rest.starts_with('<');
        let at = if angle { 1 } else { 0 };
        let body = &rest[at..];
        // `link:target[text]`, `mailto:addr[text]`, `https://url[text]`, bare URLs.
        let (scheme_len, is_link_macro) =
            if body.starts_with("link:") { (5, true) } else { (0, false) };
        let target_start = &body[scheme_len..];
        // Targets are short: look no further than that for their end.
        let target_end = |s: &str| {
            s.char_indices()
                .take(2048)
                .find(|&(_, c)| c == '[' || c.is_whitespace())
                .map_or(s.len().min(2048), |(k, _)| k)
        };
        let n = if is_link_macro || target_start.starts_with("mailto:") {
            target_end(target_start)
        } else {
            // A URL's text follows in brackets: `https://x[text]`.
            let n = bare_link_len(target_start);
            target_start[..n].find('[').unwrap_or(n)
        };
        if n > 0 {
            let target = &target_start[..n];
            let after = &target_start[n..];
            let consumed = at + scheme_len + n;
            if after.starts_with('[') {
                if i + consumed >= self.no_bracket {
                    return None;
                }
                let Some(close) = find_unescaped(after, ']') else {
                    self.no_bracket = i + consumed;
                    return None;
                };
                let text = after[1..close].trim();
                // `text^` opens a new window; `text,window=_blank` sets attributes.
                let text = text.split(",window=").next().unwrap_or(text).trim_end_matches('^');
                let text = text.trim_matches('"');
                let content = if text.is_empty() {
                    vec![Inline::Text(target.trim_start_matches("mailto:").to_string())]
                } else if depth < 4 {
                    let mut inner = InlineBuf::new();
                    Inlines::new(text).run(text, depth + 1, &mut inner);
                    inner.finish()
                } else {
                    vec![Inline::Text(text.to_string())]
                };
                let end = consumed
                    + close
                    + 1
                    + usize::from(angle && after[close + 1..].starts_with('>'));
                buf.push(Inline::Link { target: bare_link_target(target), content });
                return Some(i + end);
            }
            if !is_link_macro && !target.starts_with("mailto:") {
                let end = consumed + usize::from(angle && after.starts_with('>'));
                let content = vec![Inline::Text(target.to_string())];
                buf.push(Inline::Link { target: bare_link_target(target), content });
                return Some(i + end);
            }
        }
        // Other inline macros: `name:target[text]`.
        let name_len = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 || name_len > 12 || !rest[name_len..].starts_with(':') {
            return None;
        }
        let name = &rest[..name_len];
        let after = &rest[name_len + 1..];
        let target_len =
            after.char_indices().take(200).find(|&(_, c)| c == '[' || c.is_whitespace());
        let (tlen, '[') = target_len? else { return None };
        let from = i + name_len + 1 + tlen;
        if from >= self.no_bracket {
            return None;
        }
        let Some(close) = find_unescaped(&after[tlen..], ']') else {
            self.no_bracket = from;
            return None;
        };
        let text = &after[tlen + 1..tlen + close];
        let end = i + name_len + 1 + tlen + close + 1;
        match name {
            "image" | "icon" | "footnote" | "footnoteref" | "indexterm" | "anchor" => {}
            "pass" | "stem" | "latexmath" | "asciimath" | "kbd" | "btn" => buf.text(text),
            "menu" => {
                buf.text(&after[..tlen]);
                if !text.is_empty() {
                    buf.text(" > ");
                    buf.text(text);
                }
            }
            "xref" => buf.text(if text.is_empty() { &after[..tlen] } else { text }),
            "indexterm2" => buf.text(text),
            _ => return None,
        }
        Some(end)
    }

    /// A formatting pair opening at `i`.
    fn pair(&mut self, s: &str, i: usize, depth: usize, buf: &mut InlineBuf) -> Option<usize> {
        let rest = &s[i..];
        let prev = s[..i].chars().next_back();
        for (n, (d, constrained)) in PAIRS.iter().enumerate() {
            if !rest.starts_with(d) {
                continue;
            }
            let inner_start = i + d.len();
            let first = s[inner_start..].chars().next();
            if first.is_none_or(char::is_whitespace) {
                continue;
            }
            if *constrained && (word(prev) || first == d.chars().next()) {
                continue;
            }
            let (positions, cursor) = &mut self.closers[n];
            while *cursor < positions.len() && positions[*cursor] < inner_start + 1 {
                *cursor += 1;
            }
            let Some(&close) = positions.get(*cursor) else { continue };
            let inner = &s[inner_start..close];
            let end = close + d.len();
            let inline = match d.chars().next() {
                Some('`') => Inline::Code(inner.replace('\n', " ")),
                // `+text+` passes its text through as it is.
                Some('+') => Inline::Text(inner.to_string()),
                _ if depth >= 4 => Inline::Text(inner.to_string()),
                Some(c) => {
                    let mut ib = InlineBuf::new();
                    Inlines::new(inner).run(inner, depth + 1, &mut ib);
                    let content = ib.finish();
                    match c {
                        '*' => Inline::Strong(content),
                        '_' => Inline::Emph(content),
                        _ => {
                            // `#mark#` highlights: the text as it is.
                            for x in content {
                                buf.push(x);
                            }
                            return Some(end);
                        }
                    }
                }
                None => continue,
            };
            buf.push(inline);
            return Some(end);
        }
        None
    }
}

/// Asciidoctor's typographic replacements: `(C)`, `(R)`, `(TM)`, `...`, and `--` between
/// words or spaces.
fn replacement(rest: &str, prev: Option<char>) -> Option<(&'static str, usize)> {
    if rest.starts_with("(C)") {
        return Some(("©", 3));
    }
    if rest.starts_with("(R)") {
        return Some(("®", 3));
    }
    if rest.starts_with("(TM)") {
        return Some(("™", 4));
    }
    if rest.starts_with("...") {
        return Some(("…", 3));
    }
    if rest.starts_with("--") && !rest.starts_with("---") {
        let after = rest[2..].chars().next();
        let both_words = word(prev) && word(after);
        let spaced = prev.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace);
        if both_words || spaced {
            return Some(("\u{2014}", 2));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(src: &str) -> String {
        read(src).outline()
    }

    #[test]
    fn a_fictional_resume_reads_into_the_tree() {
        let src = include_str!("../../../tests/fixtures/readers/resume.adoc");
        insta::assert_snapshot!(outline(src));
    }

    #[test]
    fn lists_nest_by_marker_kind_and_continuations_attach() {
        let src = "* a\n** b\n*** c\n** d\n* e\n+\nmore of e\n- f\n";
        assert_eq!(
            outline(src),
            "UL@1\n  -\n    P@1 a\n    UL@2\n      -\n        P@2 b\n        UL@3\n          -\n            P@3 c\n      \
             -\n        P@4 d\n  -\n    P@5 e\n    P@7 more of e\n    UL@8\n      -\n        P@8 f\n"
        );
    }

    #[test]
    fn attributes_expand_once_within_a_budget() {
        let src = ":a: {b}{b}\n:b: x\n\n{a} and {b} and {missing} and {nbsp}!\n";
        // A no-break space is whitespace in the tree.
        assert_eq!(outline(src), "P@4 {b}{b} and x and {missing} and !\n");
    }

    #[test]
    fn unmatched_markup_stays_text() {
        assert_eq!(outline("a * b _c link:x[ <<y\n"), "P@1 a * b _c link:x[ <<y\n");
    }
}
