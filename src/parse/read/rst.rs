//! reStructuredText reader: the body elements of docutils' grammar into the document tree.
//!
//! Written here because no Rust crate parses reStructuredText (the few on crates.io render
//! small subsets to HTML and are unmaintained). What a resume uses is read: section titles
//! (underline, or over- and underline; levels in order of first use), paragraphs, bullet and
//! enumerated lists, definition lists, field lists ([`BlockKind::Fields`]), simple and grid
//! tables, `list-table` and `csv-table`, block quotes, line blocks, literal blocks, the body
//! directives (admonitions, `container`, `topic`, `sidebar`, `rubric`) and inline markup with
//! `` `text <url>`_ `` and named references resolved through their targets. Comments,
//! targets, substitution definitions and other directives (images, raw output, includes,
//! tables of contents) are dropped. Never panics; linear in the input (nesting is bounded).

use std::collections::HashMap;

use super::linewise::{
    Line, MAX_COLUMNS, MAX_DEPTH, bare_link_len, bare_link_target, dedent, flatten_inlines, indent,
    indented_end, is_blank, lines, min_indent, quote_or_lists,
};
use crate::parse::doc::{Block, BlockKind, Definition, Document, Field, Inline, InlineBuf, Row};

/// Reads reStructuredText.
pub fn read(text: &str) -> Document {
    let lines = lines(text);
    let refs = Refs::collect(&lines);
    let mut reader = Reader { refs, styles: Vec::new(), anon: 0 };
    let blocks = reader.body(&lines, 0);
    Document { blocks, ..Default::default() }
}

/// Link targets and substitutions, collected before the body is read (a reference may come
/// before its target).
#[derive(Default)]
struct Refs {
    named: HashMap<String, String>,
    anonymous: Vec<String>,
    substitutions: HashMap<String, String>,
}

impl Refs {
    fn collect(lines: &[Line]) -> Refs {
        let mut refs = Refs::default();
        for (k, l) in lines.iter().enumerate() {
            let t = l.text.trim_start();
            let Some(rest) = t.strip_prefix(".. ").or_else(|| t.strip_prefix("__ ")) else {
                continue;
            };
            let t_is_anon = t.starts_with("__ ");
            // A target's URL may continue on indented lines (up to the next explicit markup, so
            // that nested targets are not scanned twice).
            let cont_lines: Vec<&str> = lines[k + 1..]
                .iter()
                .take_while(|n| {
                    let nt = n.text.trim_start();
                    !nt.is_empty()
                        && indent(&n.text) > indent(&l.text)
                        && !nt.starts_with("..")
                        && !nt.starts_with("__")
                })
                .map(|n| n.text.trim())
                .collect();
            let cont = cont_lines.concat();
            if t_is_anon {
                refs.anonymous.push(format!("{}{cont}", rest.trim()));
            } else if let Some(r) = rest.strip_prefix("__:") {
                refs.anonymous.push(format!("{}{cont}", r.trim()));
            } else if let Some(r) = rest.strip_prefix('_') {
                if let Some((name, url)) = split_target(r) {
                    refs.named.insert(normalise_name(&name), format!("{url}{cont}"));
                }
            } else if let Some(r) = rest.strip_prefix('|')
                && let Some((name, def)) = r.split_once('|')
            {
                let def = def.trim_start();
                // The text runs on over the indented lines; option lines (`:trim:`) are not text.
                let text = |first: &str| {
                    let rest = cont_lines.iter().filter(|t| field_marker(t).is_none());
                    std::iter::once(first.trim()).chain(rest.copied()).collect::<Vec<_>>().join(" ")
                };
                let value = if let Some(v) = def.strip_prefix("replace::") {
                    Some(text(v))
                } else {
                    def.strip_prefix("unicode::").map(|v| unicode_text(&text(v)))
                };
                if let Some(v) = value {
                    refs.substitutions.insert(name.to_string(), v.trim().to_string());
                }
            }
        }
        refs
    }

    /// The target of a named reference, following aliases (`.. _a: b_`) a few steps.
    fn resolve(&self, name: &str) -> Option<String> {
        let mut key = normalise_name(name);
        for _ in 0..4 {
            let t = self.named.get(&key)?;
            match t.strip_suffix('_') {
                Some(alias) if !alias.contains("://") => {
                    key = normalise_name(alias.trim_matches('`'))
                }
                _ => return (!t.is_empty()).then(|| t.replace(char::is_whitespace, "")),
            }
        }
        None
    }
}

/// The text of a `unicode::` substitution: each word a character code (`0xA0`, `U+2013`,
/// `\u2014`, `x20AC`, `&#x2122;`, decimal `169`) becomes its character, other words stay
/// text, and `..` starts a comment, as docutils reads it.
fn unicode_text(body: &str) -> String {
    let mut out = String::new();
    for word in body.split_whitespace() {
        if word == ".." {
            break;
        }
        let hex = ["0x", "0X", "\\x", "\\u", "U+", "u+", "x", "u", "&#x"]
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .map(|h| h.trim_end_matches(';'));
        let code = match hex {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => word.trim_start_matches("&#").trim_end_matches(';').parse::<u32>().ok(),
        };
        match code.and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out
}

/// `name: url` of a target line (after `.. _`); the name may be back-quoted.
fn split_target(r: &str) -> Option<(String, String)> {
    if let Some(q) = r.strip_prefix('`') {
        let (name, rest) = q.split_once('`')?;
        let url = rest.strip_prefix(':')?;
        return Some((name.to_string(), url.trim().to_string()));
    }
    // The name ends at the first colon not escaped and followed by whitespace or the end.
    let b = r.as_bytes();
    let mut k = 0;
    while k < b.len() {
        if b[k] == b'\\' {
            k += 2;
            continue;
        }
        if b[k] == b':' && (k + 1 == b.len() || b[k + 1] == b' ') {
            return Some((r[..k].replace('\\', ""), r[k + 1..].trim().to_string()));
        }
        k += 1;
    }
    None
}

fn normalise_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

struct Reader {
    refs: Refs,
    /// Section title styles (adornment character, overlined) in order of first use: the
    /// index is the level.
    styles: Vec<(char, bool)>,
    /// Anonymous references seen so far (they take the anonymous targets in order).
    anon: usize,
}

const BULLETS: [char; 10] = ['-', '*', '+', '•', '‣', '⁃', '◦', '▪', '●', '○'];

impl Reader {
    /// The blocks of a body whose left edge is column 0.
    fn body(&mut self, lines: &[Line], depth: usize) -> Vec<Block> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if is_blank(&lines[i].text) {
                i += 1;
                continue;
            }
            let next = if depth >= MAX_DEPTH {
                self.paragraph(lines, i, &mut out)
            } else {
                self.block(lines, i, depth, &mut out)
            };
            // Every construct consumes at least its first line.
            i = next.max(i + 1);
        }
        out
    }

    /// Reads the block starting at `i` into `out`; returns the index after it.
    fn block(&mut self, lines: &[Line], i: usize, depth: usize, out: &mut Vec<Block>) -> usize {
        let line = &lines[i];
        let t = line.text.as_str();
        if indent(t) > 0 {
            let end = indented_end(lines, i, 1);
            let inner = dedent(&lines[i..end], min_indent(&lines[i..end]));
            let blocks = self.body(&inner, depth + 1);
            out.extend(quote_or_lists(blocks, line.no));
            return end;
        }
        if let Some(end) = self.title(lines, i, out) {
            return end;
        }
        if is_grid_border(t) {
            return self.grid_table(lines, i, depth, out);
        }
        if simple_table_columns(t).len() >= 2 {
            return self.simple_table(lines, i, out);
        }
        if adornment(t).is_some_and(|(_, n)| n >= 4) {
            out.push(Block::new(BlockKind::Rule, line.no));
            return i + 1;
        }
        if t == ".." || t.starts_with(".. ") {
            return self.explicit(lines, i, depth, out);
        }
        if t.starts_with("__ ") {
            // An anonymous target (`__ url`), collected with the others.
            return indented_end(lines, i + 1, 1);
        }
        if field_marker(t).is_some() {
            return self.fields(lines, i, depth, out);
        }
        if let Some(c) = bullet(t) {
            return self.list(lines, i, depth, out, |t| bullet(t) == Some(c), false);
        }
        if enumerator(t).is_some() && item_follows(lines, i) {
            return self.list(lines, i, depth, out, |t| enumerator(t).is_some(), true);
        }
        if t == "|" || t.starts_with("| ") {
            return self.line_block(lines, i, out);
        }
        if lines.get(i + 1).is_some_and(|n| !is_blank(&n.text) && indent(&n.text) > 0) {
            return self.definitions(lines, i, depth, out);
        }
        self.paragraph(lines, i, out)
    }

    /// A section title at `i` (overlined or underlined); `None` when there is none.
    fn title(&mut self, lines: &[Line], i: usize, out: &mut Vec<Block>) -> Option<usize> {
        let t = &lines[i].text;
        let at = |k: usize| lines.get(k).map(|l| l.text.as_str());
        // Over- and underline around one line of text.
        if let Some((c, _)) = adornment(t)
            && let (Some(text), Some(under)) = (at(i + 1), at(i + 2))
            && !is_blank(text)
            && adornment(text).is_none()
            && adornment(under).is_some_and(|(u, _)| u == c)
        {
            self.heading(text.trim(), (c, true), lines[i + 1].no, out);
            return Some(i + 3);
        }
        // Text underlined; the text starts a paragraph and is not a list item.
        let under = at(i + 1)?;
        let (c, n) = adornment(under)?;
        let starts_para = i == 0 || is_blank(&lines[i - 1].text);
        if n < 3 || !starts_para || adornment(t).is_some() || indent(under) > 0 {
            return None;
        }
        self.heading(t.trim(), (c, false), lines[i].no, out);
        Some(i + 2)
    }

    fn heading(&mut self, text: &str, style: (char, bool), no: u32, out: &mut Vec<Block>) {
        let level = match self.styles.iter().position(|s| *s == style) {
            Some(k) => k + 1,
            None => {
                self.styles.push(style);
                self.styles.len()
            }
        };
        let content = self.inlines(text);
        if !content.is_empty() {
            let level = level.min(6) as u8;
            out.push(Block::new(BlockKind::Heading { level, content }, no));
        }
    }

    /// A paragraph: lines up to a blank line or a change of indentation. A paragraph ending
    /// in `::` introduces a literal block.
    fn paragraph(&mut self, lines: &[Line], i: usize, out: &mut Vec<Block>) -> usize {
        let mut end = i + 1;
        while end < lines.len() && !is_blank(&lines[end].text) && indent(&lines[end].text) == 0 {
            end += 1;
        }
        let mut text = lines[i..end].iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        let literal = text.ends_with("::");
        if literal {
            // "Text::" shows as "Text:"; a lone "::" or "text ::" shows nothing for it.
            text.truncate(text.len() - 2);
            if text.ends_with(char::is_whitespace) || text.is_empty() {
                text = text.trim_end().to_string();
            } else {
                text.push(':');
            }
        }
        let content = self.inlines(&text);
        if !content.is_empty() {
            out.push(Block::new(BlockKind::Para(content), lines[i].no));
        }
        if literal {
            let mut k = end;
            while k < lines.len() && is_blank(&lines[k].text) {
                k += 1;
            }
            if k < lines.len() && indent(&lines[k].text) > 0 {
                let lend = indented_end(lines, k, 1);
                out.push(literal_block(&dedent(&lines[k..lend], usize::MAX), lines[k].no));
                return lend;
            }
        }
        end
    }

    /// Items introduced by markers `is_item` accepts, with their indented bodies.
    fn list(
        &mut self,
        lines: &[Line],
        i: usize,
        depth: usize,
        out: &mut Vec<Block>,
        is_item: impl Fn(&str) -> bool,
        ordered: bool,
    ) -> usize {
        let mut items = Vec::new();
        let mut k = i;
        loop {
            let t = &lines[k].text;
            let width = if ordered {
                enumerator(t).unwrap_or(1)
            } else {
                t.chars().next().map_or(1, char::len_utf8)
            };
            let body_col = width + indent(&t[width..]);
            let end = indented_end(lines, k + 1, 1);
            let mut body =
                vec![Line { no: lines[k].no, text: t[body_col.min(t.len())..].to_string() }];
            body.extend(dedent(&lines[k + 1..end], body_col.max(1)));
            items.push(self.body(&body, depth + 1));
            // The list goes on after blank lines with another item of the same kind.
            let mut n = end;
            while n < lines.len() && is_blank(&lines[n].text) {
                n += 1;
            }
            if n < lines.len() && indent(&lines[n].text) == 0 && is_item(&lines[n].text) {
                k = n;
            } else {
                out.push(Block::new(BlockKind::List { ordered, items }, lines[i].no));
                return end;
            }
        }
    }

    /// Terms each followed at once by an indented definition.
    fn definitions(
        &mut self,
        lines: &[Line],
        i: usize,
        depth: usize,
        out: &mut Vec<Block>,
    ) -> usize {
        let mut defs = Vec::new();
        let mut k = i;
        loop {
            let end = indented_end(lines, k + 1, 1);
            let inner = dedent(&lines[k + 1..end], min_indent(&lines[k + 1..end]));
            defs.push(Definition {
                term: self.inlines(&lines[k].text),
                body: self.body(&inner, depth + 1),
            });
            let mut n = end;
            while n < lines.len() && is_blank(&lines[n].text) {
                n += 1;
            }
            let more = n < lines.len()
                && indent(&lines[n].text) == 0
                && lines.get(n + 1).is_some_and(|x| !is_blank(&x.text) && indent(&x.text) > 0)
                && !is_construct(&lines[n].text);
            if !more {
                out.push(Block::new(BlockKind::Definitions(defs), lines[i].no));
                return end;
            }
            k = n;
        }
    }

    /// `:name: value` fields, each value running on over indented lines.
    fn fields(&mut self, lines: &[Line], i: usize, depth: usize, out: &mut Vec<Block>) -> usize {
        let mut fields = Vec::new();
        let mut k = i;
        let mut end;
        loop {
            let t = &lines[k].text;
            let Some((name, rest)) = field_marker(t) else { break };
            end = indented_end(lines, k + 1, 1);
            let mut body = vec![Line { no: lines[k].no, text: rest.trim().to_string() }];
            body.extend(dedent(&lines[k + 1..end], min_indent(&lines[k + 1..end])));
            let blocks = self.body(&body, depth + 1);
            fields.push(Field { key: self.inlines(name), value: flatten_inlines(&blocks) });
            k = end;
            while k < lines.len() && is_blank(&lines[k].text) {
                k += 1;
            }
            if k >= lines.len()
                || indent(&lines[k].text) > 0
                || field_marker(&lines[k].text).is_none()
            {
                out.push(Block::new(BlockKind::Fields(fields), lines[i].no));
                return end;
            }
        }
        out.push(Block::new(BlockKind::Fields(fields), lines[i].no));
        k.max(i + 1)
    }

    /// `| line` blocks: one paragraph with every line break kept.
    fn line_block(&mut self, lines: &[Line], i: usize, out: &mut Vec<Block>) -> usize {
        let mut buf = InlineBuf::new();
        let mut k = i;
        while k < lines.len() {
            let t = &lines[k].text;
            let text = if t == "|" {
                ""
            } else if let Some(r) = t.strip_prefix("| ") {
                r
            } else if !is_blank(t) && indent(t) > 0 && k > i {
                t.trim_start() // a continuation of the line above
            } else {
                break;
            };
            if k > i {
                buf.push(if t.starts_with('|') { Inline::LineBreak } else { Inline::SoftBreak });
            }
            for x in self.inlines(text) {
                buf.push(x);
            }
            k += 1;
        }
        let content = buf.finish();
        if !content.is_empty() {
            out.push(Block::new(BlockKind::Para(content), lines[i].no));
        }
        k
    }

    /// `..` markup: directives, comments, targets, substitution definitions, footnotes.
    fn explicit(&mut self, lines: &[Line], i: usize, depth: usize, out: &mut Vec<Block>) -> usize {
        let end = indented_end(lines, i + 1, 1);
        let rest = lines[i].text.get(3..).unwrap_or("").trim();
        let body = dedent(&lines[i + 1..end], min_indent(&lines[i + 1..end]));
        if let Some((name, args)) = directive(rest) {
            self.directive(&name, args, &body, lines[i].no, depth, out);
        } else if let Some(label_end) = rest.strip_prefix('[').and_then(|r| r.find(']')) {
            // A footnote or citation: its text shows at the end of the page.
            let mut inner =
                vec![Line { no: lines[i].no, text: rest[label_end + 2..].trim().to_string() }];
            inner.extend(body);
            out.extend(self.body(&inner, depth + 1));
        }
        end
    }

    fn directive(
        &mut self,
        name: &str,
        args: &str,
        body: &[Line],
        no: u32,
        depth: usize,
        out: &mut Vec<Block>,
    ) {
        let (options, content) = split_options(body);
        match name {
            "note" | "tip" | "hint" | "important" | "attention" | "caution" | "warning"
            | "danger" | "error" | "admonition" | "topic" | "sidebar" | "container"
            | "epigraph" | "highlights" | "pull-quote" | "compound" | "class" => {
                let mut blocks = Vec::new();
                let titled = matches!(name, "admonition" | "topic" | "sidebar");
                if titled && !args.trim().is_empty() {
                    let content = self.inlines(args.trim());
                    blocks.push(Block::new(BlockKind::Para(vec![Inline::Strong(content)]), no));
                } else if !titled
                    && name != "container"
                    && name != "class"
                    && !args.trim().is_empty()
                {
                    // An admonition's text may start on the directive line.
                    let first = Line { no, text: args.trim().to_string() };
                    blocks.extend(self.body(&[first], depth + 1));
                }
                blocks.extend(self.body(content, depth + 1));
                let class = if name == "container" || name == "class" {
                    args.split_whitespace().next().unwrap_or(name)
                } else {
                    name
                };
                if !blocks.is_empty() {
                    let div = BlockKind::Div { class: Some(class.to_string()), blocks };
                    out.push(Block::new(div, no));
                }
            }
            "rubric" => {
                let content = self.inlines(args.trim());
                if !content.is_empty() {
                    out.push(Block::new(BlockKind::Para(vec![Inline::Strong(content)]), no));
                }
            }
            "line-block" => {
                let as_lines: Vec<Line> = content
                    .iter()
                    .map(|l| Line { no: l.no, text: format!("| {}", l.text) })
                    .collect();
                self.line_block(&as_lines, 0, out);
            }
            "code" | "code-block" | "sourcecode" | "parsed-literal" if !content.is_empty() => {
                out.push(literal_block(content, no));
            }
            "list-table" => self.list_table(&options, content, no, depth, out),
            "csv-table" => self.csv_table(args, &options, content, no, out),
            "table" => {
                let mut blocks = Vec::new();
                if !args.trim().is_empty() {
                    let caption = self.inlines(args.trim());
                    blocks.push(Block::new(BlockKind::Para(caption), no));
                }
                blocks.extend(self.body(content, depth + 1));
                out.extend(blocks);
            }
            // Images, figures, raw output, includes, tables of contents, metadata, roles.
            _ => {}
        }
    }

    /// `.. list-table::`: a bullet list of rows, each a bullet list of cells.
    fn list_table(
        &mut self,
        options: &[(String, String)],
        content: &[Line],
        no: u32,
        depth: usize,
        out: &mut Vec<Block>,
    ) {
        let header_rows = option_number(options, "header-rows");
        let blocks = self.body(content, depth + 1);
        let mut rows = Vec::new();
        for b in blocks {
            let BlockKind::List { items, .. } = b.kind else { continue };
            for item in items {
                let cells: Vec<Vec<Block>> = match item.as_slice() {
                    [Block { kind: BlockKind::List { items: cells, .. }, .. }] => cells.clone(),
                    _ => vec![item],
                };
                rows.push(Row { cells, header: rows.len() < header_rows });
            }
        }
        if !rows.is_empty() {
            out.push(Block::new(BlockKind::Table(rows), no));
        }
    }

    /// `.. csv-table::` with its rows inline (a `:file:` is not read).
    fn csv_table(
        &mut self,
        title: &str,
        options: &[(String, String)],
        content: &[Line],
        no: u32,
        out: &mut Vec<Block>,
    ) {
        let mut rows = Vec::new();
        if let Some((_, header)) = options.iter().find(|(k, _)| k == "header") {
            rows.push(self.csv_row(header, no, true));
        }
        let header_rows = option_number(options, "header-rows");
        for l in content.iter().filter(|l| !is_blank(&l.text)) {
            let header = rows.len() < header_rows;
            rows.push(self.csv_row(&l.text, l.no, header));
        }
        if !title.trim().is_empty() {
            out.push(Block::new(BlockKind::Para(self.inlines(title.trim())), no));
        }
        if !rows.is_empty() {
            out.push(Block::new(BlockKind::Table(rows), no));
        }
    }

    fn csv_row(&mut self, text: &str, no: u32, header: bool) -> Row {
        let cells = split_csv(text)
            .into_iter()
            .map(|c| vec![Block::new(BlockKind::Para(self.inlines(c.trim())), no)])
            .collect();
        Row { cells, header }
    }

    /// A grid table (`+---+---+` borders, `|` between cells).
    fn grid_table(
        &mut self,
        lines: &[Line],
        i: usize,
        depth: usize,
        out: &mut Vec<Block>,
    ) -> usize {
        let mut end = i;
        while end < lines.len()
            && (lines[end].text.starts_with('+') || lines[end].text.starts_with('|'))
        {
            end += 1;
        }
        let border: Vec<char> = lines[i].text.chars().collect();
        let cols: Vec<usize> =
            border.iter().enumerate().filter(|(_, c)| **c == '+').map(|(k, _)| k).collect();
        if cols.len() > MAX_COLUMNS + 1 {
            return self.paragraph(lines, i, out);
        }
        let mut rows = Vec::new();
        let mut cells: Vec<(u32, Vec<Line>)> = Vec::new();
        let mut seen_header_sep = false;
        for l in &lines[i + 1..end] {
            if is_grid_border(&l.text) {
                let header = l.text.contains('=');
                if !cells.is_empty() {
                    let row = self.grid_row(std::mem::take(&mut cells), depth);
                    rows.push(Row { cells: row, header: header && !seen_header_sep });
                }
                seen_header_sep |= header;
                continue;
            }
            let chars: Vec<char> = l.text.chars().collect();
            // Cell edges: the column positions where this line has a `|`.
            let edges: Vec<usize> =
                cols.iter().copied().filter(|&c| chars.get(c) == Some(&'|')).collect();
            for (k, pair) in edges.windows(2).enumerate() {
                let seg: String = chars[pair[0] + 1..pair[1].min(chars.len())].iter().collect();
                // A partial border inside a row (a row-spanning cell beside it) is not text.
                let seg = if seg.trim().chars().all(|c| matches!(c, '-' | '=' | '+'))
                    && !seg.trim().is_empty()
                {
                    String::new()
                } else {
                    seg
                };
                if cells.len() <= k {
                    cells.push((l.no, Vec::new()));
                }
                cells[k].1.push(Line { no: l.no, text: seg.trim_end().to_string() });
            }
        }
        if !cells.is_empty() {
            let row = self.grid_row(cells, depth);
            rows.push(Row { cells: row, header: false });
        }
        if !rows.is_empty() {
            out.push(Block::new(BlockKind::Table(rows), lines[i].no));
        }
        end
    }

    fn grid_row(&mut self, cells: Vec<(u32, Vec<Line>)>, depth: usize) -> Vec<Vec<Block>> {
        cells
            .into_iter()
            .map(|(_, ls)| {
                let inner = dedent(&ls, min_indent(&ls));
                self.body(&inner, depth + 1)
            })
            .collect()
    }

    /// A simple table: `=====  =====` borders; a line blank in the first column continues the
    /// row above; the border followed by a blank line (or the end) closes the table.
    fn simple_table(&mut self, lines: &[Line], i: usize, out: &mut Vec<Block>) -> usize {
        let cols = simple_table_columns(&lines[i].text);
        let mut rows: Vec<(u32, Vec<String>, bool)> = Vec::new();
        let mut k = i + 1;
        let mut end = lines.len();
        while k < lines.len() {
            let t = &lines[k].text;
            if simple_table_columns(t).len() == cols.len() && t.trim_start().starts_with('=') {
                let closes = lines.get(k + 1).is_none_or(|n| is_blank(&n.text));
                if closes {
                    end = k + 1;
                    break;
                }
                // A header separator: the rows above are the header.
                for r in &mut rows {
                    r.2 = true;
                }
                k += 1;
                continue;
            }
            if is_blank(t) || t.trim().chars().all(|c| c == '-' || c == ' ') {
                k += 1;
                continue;
            }
            let chars: Vec<char> = t.chars().collect();
            let cells: Vec<String> = cols
                .iter()
                .enumerate()
                .map(|(n, &(start, _))| {
                    let stop = cols.get(n + 1).map_or(chars.len(), |c| c.0).min(chars.len());
                    chars
                        .get(start.min(stop)..stop)
                        .map(|s| s.iter().collect::<String>())
                        .unwrap_or_default()
                })
                .collect();
            let continues = cells[0].trim().is_empty() && !rows.is_empty();
            if continues {
                if let Some(row) = rows.last_mut() {
                    for (c, add) in row.1.iter_mut().zip(&cells) {
                        if !add.trim().is_empty() {
                            c.push('\n');
                            c.push_str(add.trim());
                        }
                    }
                }
            } else {
                rows.push((
                    lines[k].no,
                    cells.iter().map(|c| c.trim().to_string()).collect(),
                    false,
                ));
            }
            k += 1;
        }
        let rows: Vec<Row> = rows
            .into_iter()
            .map(|(no, cells, header)| Row {
                cells: cells
                    .iter()
                    .map(|c| {
                        let content = self.inlines(c);
                        if content.is_empty() {
                            Vec::new()
                        } else {
                            vec![Block::new(BlockKind::Para(content), no)]
                        }
                    })
                    .collect(),
                header,
            })
            .collect();
        if !rows.is_empty() {
            out.push(Block::new(BlockKind::Table(rows), lines[i].no));
        }
        end.max(k.min(lines.len()))
    }

    fn inlines(&mut self, text: &str) -> Vec<Inline> {
        let mut p = Inlines { reader: self, failed: [usize::MAX; 6], word_end: 0 };
        let mut buf = InlineBuf::new();
        p.run(text, &mut buf);
        buf.finish()
    }
}

/// A literal block: its lines kept as they are, as verbatim text with hard breaks.
fn literal_block(lines: &[Line], no: u32) -> Block {
    let mut buf = InlineBuf::new();
    for l in lines.iter().filter(|l| !is_blank(&l.text)) {
        if !buf.is_empty() {
            buf.push(Inline::LineBreak);
        }
        buf.push(Inline::Code(l.text.trim().to_string()));
    }
    Block::new(BlockKind::Para(buf.finish()), no)
}

/// A line of one repeated punctuation character: `(char, count)`.
fn adornment(t: &str) -> Option<(char, usize)> {
    let t = t.trim_end();
    let c = t.chars().next()?;
    let punct = c.is_ascii_punctuation() && !matches!(c, '\\');
    let n = t.chars().count();
    (punct && n >= 2 && t.chars().all(|x| x == c)).then_some((c, n))
}

fn is_grid_border(t: &str) -> bool {
    let t = t.trim_end();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.contains(['-', '='])
        && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

/// The `(start, end)` columns of a simple-table border (`===  ====`), empty if it is not one.
fn simple_table_columns(t: &str) -> Vec<(usize, usize)> {
    let mut cols = Vec::new();
    let mut start = None;
    for (k, c) in t.chars().enumerate() {
        match (c, start) {
            ('=', None) => start = Some(k),
            ('=', Some(_)) => {}
            (' ', Some(s)) => {
                cols.push((s, k));
                start = None;
            }
            (' ', None) => {}
            _ => return Vec::new(),
        }
    }
    if let Some(s) = start {
        cols.push((s, t.chars().count()));
    }
    if cols.len() > MAX_COLUMNS {
        return Vec::new();
    }
    cols
}

/// A bullet character followed by a space (or ending the line).
fn bullet(t: &str) -> Option<char> {
    let mut cs = t.chars();
    let c = cs.next()?;
    let after = cs.next();
    (BULLETS.contains(&c) && after.is_none_or(|a| a == ' ')).then_some(c)
}

/// The width of an enumerator (`1.`, `a)`, `(iv)`, `#.`) followed by a space.
fn enumerator(t: &str) -> Option<usize> {
    let (inner, open) = match t.strip_prefix('(') {
        Some(r) => (r, 1),
        None => (t, 0),
    };
    let label = inner.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
    if label == 0 || label > 6 {
        return None;
    }
    let l = &inner[..label];
    let valid = l == "#"
        || l.chars().all(|c| c.is_ascii_digit())
        || (label == 1 && l.chars().all(|c| c.is_ascii_alphabetic()))
        || l.chars().all(|c| "ivxlcdm".contains(c))
        || l.chars().all(|c| "IVXLCDM".contains(c));
    let close = inner[label..].chars().next()?;
    let closes = if open == 1 { close == ')' } else { close == '.' || close == ')' };
    if !(valid && closes) {
        return None;
    }
    let width = open + label + 1;
    t[width..].chars().next().is_none_or(|a| a == ' ').then_some(width)
}

/// An enumerated item needs its next line blank, indented, another item or the end, so that
/// "A. Smith wrote…" stays a paragraph.
fn item_follows(lines: &[Line], i: usize) -> bool {
    match lines.get(i + 1) {
        None => true,
        Some(n) => is_blank(&n.text) || indent(&n.text) > 0 || enumerator(&n.text).is_some(),
    }
}

/// `:name: rest` at the start of a line.
fn field_marker(t: &str) -> Option<(&str, &str)> {
    let r = t.strip_prefix(':')?;
    let b = r.as_bytes();
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b'\\' => k += 2,
            b':' => {
                let name = &r[..k];
                let rest = &r[k + 1..];
                let ok = !name.is_empty()
                    && !name.starts_with(' ')
                    && !name.ends_with(' ')
                    && (rest.is_empty() || rest.starts_with(' '));
                return ok.then_some((name, rest));
            }
            b'`' => return None,
            _ => k += 1,
        }
    }
    None
}

/// `name:: args` of a directive.
fn directive(rest: &str) -> Option<(String, &str)> {
    let (name, args) = rest.split_once("::")?;
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '+' | '.'));
    ok.then(|| (name.to_ascii_lowercase(), args))
}

/// A line that starts some construct other than a definition term.
fn is_construct(t: &str) -> bool {
    t.starts_with("..")
        || field_marker(t).is_some()
        || bullet(t).is_some()
        || adornment(t).is_some()
}

/// A directive's leading `:option: value` lines, and the content after them.
fn split_options(body: &[Line]) -> (Vec<(String, String)>, &[Line]) {
    let mut options = Vec::new();
    let mut k = 0;
    while k < body.len() {
        match field_marker(&body[k].text) {
            Some((name, value)) => {
                options.push((name.to_ascii_lowercase(), value.trim().to_string()))
            }
            None => break,
        }
        k += 1;
    }
    (options, &body[k..])
}

fn option_number(options: &[(String, String)], name: &str) -> usize {
    options.iter().find(|(k, _)| k == name).and_then(|(_, v)| v.parse().ok()).unwrap_or(0)
}

/// Splits a CSV line at commas outside double quotes; quotes are removed.
fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(s) = cells.last_mut() {
                    s.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            c => {
                if let Some(s) = cells.last_mut() {
                    s.push(c)
                }
            }
        }
    }
    cells
}

/// Inline markup of one paragraph.
struct Inlines<'r> {
    reader: &'r mut Reader,
    /// Per kind of closing delimiter, the position from which a search already failed: every
    /// later search fails too, so unmatched openers cost nothing more (linear time).
    failed: [usize; 6],
    /// The end of the last word looked at as a simple reference.
    word_end: usize,
}

const END_PUNCT: &str = "-.,:;!?\\/'\")]}>";
const START_PUNCT: &str = "-:/'\"<([{";

/// Which closing delimiters are memoised.
#[derive(Clone, Copy)]
enum Close {
    Literal = 0,
    Strong = 1,
    Emph = 2,
    Interpreted = 3,
    Substitution = 4,
}

impl Inlines<'_> {
    fn run(&mut self, s: &str, buf: &mut InlineBuf) {
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let prev = s[..i].chars().next_back();
            let c = rest.chars().next().unwrap_or(' ');
            if c == '\\' {
                let next = rest[1..].chars().next();
                match next {
                    Some(n) if !n.is_whitespace() => {
                        buf.text(&n.to_string());
                        i += 1 + n.len_utf8();
                    }
                    Some(n) => i += 1 + n.len_utf8(), // escaped whitespace disappears
                    None => i += 1,
                }
                continue;
            }
            if c == '\n' {
                buf.push(Inline::SoftBreak);
                i += 1;
                continue;
            }
            let can_start = prev
                .is_none_or(|p| p.is_whitespace() || START_PUNCT.contains(p) || is_open_punct(p));
            if can_start && let Some(n) = self.markup(s, i, buf) {
                i = n;
                continue;
            }
            if can_start {
                let n = bare_link_len(rest);
                if n > 0 {
                    let url = &rest[..n];
                    buf.push(Inline::Link {
                        target: bare_link_target(url),
                        content: vec![Inline::Text(url.to_string())],
                    });
                    i += n;
                    continue;
                }
                if i >= self.word_end
                    && let Some(n) = self.simple_reference(s, i, buf)
                {
                    i += n;
                    continue;
                }
            }
            buf.text(&rest[..c.len_utf8()]);
            i += c.len_utf8();
        }
    }

    /// Inline markup starting at `i`; returns the index after it.
    fn markup(&mut self, s: &str, i: usize, buf: &mut InlineBuf) -> Option<usize> {
        let rest = &s[i..];
        let starts = |d: &str| {
            rest.starts_with(d)
                && rest[d.len()..].chars().next().is_some_and(|c| !c.is_whitespace())
        };
        if starts("``") {
            let end = self.close(s, i + 2, "``", Close::Literal)?;
            buf.push(Inline::Code(collapse_lines(&s[i + 2..end])));
            return Some(end + 2);
        }
        if starts("**") {
            let end = self.close(s, i + 2, "**", Close::Strong)?;
            buf.push(Inline::Strong(self.plain_text(&s[i + 2..end])));
            return Some(end + 2);
        }
        if starts("*") {
            let end = self.close(s, i + 1, "*", Close::Emph)?;
            buf.push(Inline::Emph(self.plain_text(&s[i + 1..end])));
            return Some(end + 1);
        }
        if starts("|") {
            let end = self.close(s, i + 1, "|", Close::Substitution)?;
            let name = &s[i + 1..end];
            let mut after = end + 1;
            after += s[after..].chars().take_while(|&c| c == '_').count().min(2);
            let text = self
                .reader
                .refs
                .substitutions
                .get(name)
                .cloned()
                .unwrap_or_else(|| name.to_string());
            buf.text(&text);
            return Some(after);
        }
        if rest.starts_with("_`") {
            let end = self.close(s, i + 2, "`", Close::Interpreted)?;
            buf.text(&collapse_lines(&s[i + 2..end]));
            return Some(end + 1);
        }
        if rest.starts_with('[') {
            // A footnote or citation reference (`[1]_`, `[#]_`, `[CIT2002]_`) is dropped.
            // Labels are short: look no further than that for the bracket.
            let close = rest.char_indices().take(42).find(|&(_, c)| c == ']')?.0;
            let label = &rest[1..close];
            let ok = !label.is_empty() && label.len() <= 40 && !label.contains(char::is_whitespace);
            if ok && rest[close + 1..].starts_with('_') && end_ok(rest[close + 2..].chars().next())
            {
                return Some(i + close + 2);
            }
            return None;
        }
        // A role before the text: `:strong:`text``.
        let (role, start) = match role_prefix(rest) {
            Some((role, n)) => (Some(role), i + n),
            None => (None, i),
        };
        if s[start..].starts_with('`') && !s[start..].starts_with("``") {
            let end = self.close(s, start + 1, "`", Close::Interpreted)?;
            let inner = &s[start + 1..end];
            let after = &s[end + 1..];
            if role.is_none() && after.starts_with('_') {
                let anonymous = after.starts_with("__");
                let n = if anonymous { 2 } else { 1 };
                buf.push(self.reference(inner, anonymous));
                return Some(end + 1 + n);
            }
            let (role, n) = match (role, role_prefix(after)) {
                (Some(r), _) => (Some(r), 0),
                (None, Some((r, n))) => (Some(r), n),
                (None, None) => (None, 0),
            };
            buf.push(apply_role(role.as_deref(), inner));
            return Some(end + 1 + n);
        }
        None
    }

    /// The position of a closing delimiter after `from`: preceded by non-space, followed by
    /// the end, space or closing punctuation.
    fn close(&mut self, s: &str, from: usize, delim: &str, kind: Close) -> Option<usize> {
        let k = kind as usize;
        if from >= self.failed[k] {
            return None;
        }
        let mut at = from;
        while let Some(off) = s[at..].find(delim) {
            let p = at + off;
            let before = s[..p].chars().next_back();
            let after = s[p + delim.len()..].chars().next();
            let after_ok = match kind {
                // `text`_ and `text`:role: close too.
                Close::Interpreted => end_ok(after) || after == Some('_') || after == Some(':'),
                Close::Substitution => end_ok(after) || after == Some('_'),
                _ => end_ok(after),
            };
            let before_ok = before.is_some_and(|b| !b.is_whitespace()) && p > from;
            // `**` is not a closing `*`.
            let doubled = matches!(kind, Close::Emph) && after == Some('*');
            if before_ok && after_ok && !doubled {
                return Some(p);
            }
            at = p + delim.len().max(1);
        }
        self.failed[k] = from;
        None
    }

    /// Text inside `*…*` or `**…**`: no nested markup in reStructuredText, escapes removed.
    fn plain_text(&mut self, s: &str) -> Vec<Inline> {
        let mut out = String::new();
        let mut cs = s.chars();
        while let Some(c) = cs.next() {
            match c {
                '\\' => {
                    if let Some(n) = cs.next().filter(|n| !n.is_whitespace()) {
                        out.push(n);
                    }
                }
                '\n' => out.push(' '),
                c => out.push(c),
            }
        }
        vec![Inline::Text(out)]
    }

    /// `` `text <url>`_ ``, `` `text`_ `` or `` `text`__ ``.
    fn reference(&mut self, inner: &str, anonymous: bool) -> Inline {
        let inner = collapse_lines(inner);
        if let Some(open) = inner.rfind('<')
            && inner.ends_with('>')
        {
            let text = inner[..open].trim();
            let target = inner[open + 1..inner.len() - 1].replace(char::is_whitespace, "");
            let target = match target.strip_suffix('_') {
                Some(alias) if !alias.contains("://") => {
                    self.reader.refs.resolve(alias.trim_matches('`')).unwrap_or_default()
                }
                _ => target,
            };
            let content =
                vec![Inline::Text(if text.is_empty() { target.clone() } else { unescape(text) })];
            return if target.is_empty() {
                Inline::Text(text.to_string())
            } else {
                Inline::Link { target, content }
            };
        }
        let target = if anonymous {
            let t = self.reader.refs.anonymous.get(self.reader.anon).cloned();
            self.reader.anon += 1;
            t
        } else {
            self.reader.refs.resolve(&inner)
        };
        let content = vec![Inline::Text(unescape(&inner))];
        match target {
            Some(target) if !target.is_empty() => Inline::Link { target, content },
            _ => Inline::Text(unescape(&inner)),
        }
    }

    /// `word_` or `word__`: a link when its target is known, else the word.
    /// A failed look at a word is remembered (`word_end`): every later start inside the same
    /// word would fail the same way.
    fn simple_reference(&mut self, s: &str, i: usize, buf: &mut InlineBuf) -> Option<usize> {
        let rest = &s[i..];
        let word = rest
            .char_indices()
            .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '.' | '+' | ':' | '_'))
            .last()
            .map(|(k, c)| k + c.len_utf8())?;
        self.word_end = i + word;
        let w = &rest[..word];
        let (name, n) =
            if let Some(n) = w.strip_suffix("__") { (n, 2) } else { (w.strip_suffix('_')?, 1) };
        if name.is_empty() || name.ends_with('_') || !end_ok(rest[word..].chars().next()) {
            return None;
        }
        let name = name.trim_end_matches(['.', ':', '+', '-']);
        if name.len() + n != word {
            return None;
        }
        buf.push(self.reference(name, n == 2));
        Some(word)
    }
}

fn end_ok(after: Option<char>) -> bool {
    after.is_none_or(|a| a.is_whitespace() || END_PUNCT.contains(a) || is_close_punct(a))
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '«' | '‘' | '“' | '‹' | '(' | '[' | '{' | '¿' | '¡')
}

fn is_close_punct(c: char) -> bool {
    matches!(c, '»' | '’' | '”' | '›' | '…' | '–' | '—')
}

/// `:name:` immediately before a back-quote: `(role, length)`.
fn role_prefix(s: &str) -> Option<(String, usize)> {
    let r = s.strip_prefix(':')?;
    let n = r.char_indices().take(34).find(|&(_, c)| c == ':')?.0;
    let name = &r[..n];
    let ok = !name.is_empty()
        && name.len() <= 32
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+'));
    (ok && (r[n + 1..].starts_with('`')
        || r[n + 1..].chars().next().is_none_or(|c| !c.is_alphanumeric())))
    .then(|| (name.to_ascii_lowercase(), n + 2))
}

fn apply_role(role: Option<&str>, inner: &str) -> Inline {
    let text = collapse_lines(inner);
    match role {
        Some("strong") => Inline::Strong(vec![Inline::Text(unescape(&text))]),
        Some("literal" | "code" | "math" | "kbd" | "file" | "command") => Inline::Code(text),
        Some("emphasis" | "title-reference" | "title" | "t") | None => {
            Inline::Emph(vec![Inline::Text(unescape(&text))])
        }
        // Cross-references and other roles show their text (`title <target>` shows the title).
        Some(_) => {
            let shown = match text.rfind('<') {
                Some(k) if text.ends_with('>') && k > 0 => text[..k].trim().to_string(),
                _ => text,
            };
            Inline::Text(unescape(&shown))
        }
    }
}

fn collapse_lines(s: &str) -> String {
    s.replace('\n', " ")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut cs = s.chars();
    while let Some(c) = cs.next() {
        if c == '\\' {
            if let Some(n) = cs.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(src: &str) -> String {
        read(src).outline()
    }

    #[test]
    fn unicode_substitutions_are_their_characters_without_their_options() {
        let src = ".. |nbsp| unicode:: 0xA0\n   :trim:\n.. |copy| unicode:: U+00A9 .. the sign\n\
                   .. |team| replace:: Acme\n   Tools\n\nJane |nbsp| Roe |copy| |team|\n";
        assert_eq!(outline(src), "P@7 Jane Roe © Acme Tools\n");
    }

    #[test]
    fn titles_take_levels_in_order_of_first_use() {
        let src = "=========\nAda Quill\n=========\n\nExperience\n----------\n\nText.\n\nTools\n~~~~~\n\nMore\n----\n";
        assert_eq!(
            outline(src),
            "H1@2 Ada Quill\nH2@5 Experience\nP@8 Text.\nH3@10 Tools\nH2@13 More\n"
        );
    }

    #[test]
    fn inline_markup_and_links_leave_no_markup_in_text() {
        let src = "Site: `Ada Quill <https://ada.example>`_ / **Bold** and *it*, ``code``,\n\
                   `Docs`_, :strong:`role`, https://x.example/a. \\*not\\*\n\n.. _Docs: https://docs.example\n";
        assert_eq!(
            outline(src),
            "P@1 Site: [Ada Quill](https://ada.example) / *Bold* and _it_, `code`, ⏎ \
             [Docs](https://docs.example), *role*, [https://x.example/a](https://x.example/a). *not*\n"
        );
    }

    #[test]
    fn a_fictional_resume_reads_into_the_tree() {
        let src = include_str!("../../../tests/fixtures/readers/resume.rst");
        insta::assert_snapshot!(outline(src));
    }

    #[test]
    fn unmatched_openers_stay_text() {
        assert_eq!(outline("a * b ** c `d and 2*3*4\n"), "P@1 a * b ** c `d and 2*3*4\n");
    }
}
