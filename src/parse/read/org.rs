//! Org reader: Org mode documents into the document tree.
//!
//! Written here rather than with orgize, the one Org parser in Rust: its last stable release
//! is from 2021 and the current line has been in alpha since, with a different API each
//! release; a resume needs only a small part of Org, read to the conventions of the tree.
//! Read: `*` headings (TODO keywords, priorities, tags and statistics cookies removed; a
//! `COMMENT` or `:noexport:` subtree is not exported, so not read), paragraphs, plain and
//! ordered lists nested by indentation, description lists (`- term :: description`), tables,
//! quote/verse/centre/example/source blocks, fixed-width lines, rules, `[[url][text]]` and
//! bare links, emphasis (`*bold*`, `/italic/`, `_underline_`, `=verbatim=`, `~code~`,
//! `+strike+`) and `#+MACRO` macros. `#+TITLE`, `#+AUTHOR`, `#+EMAIL`, `#+SUBTITLE`, `#+DATE`
//! and the contact keywords of Org's CV exporters (`#+MOBILE`, `#+HOMEPAGE`, `#+ADDRESS`,
//! `#+GITHUB`, …; also from the file's property drawer) go to [`Document::meta`]. A headline
//! whose property drawer gives an entry's dates or organisation (org-cv's `:FROM:`, `:TO:`,
//! `:EMPLOYER:`, `:LOCATION:`) becomes the entry header row those exporters print. Other `#+`
//! lines, comments, drawers, planning lines, export blocks and source blocks whose code is not
//! exported are dropped. Never panics; linear in the input (nesting is bounded).

use std::collections::HashMap;

use super::linewise::{
    Line, MAX_COLUMNS, MAX_DEPTH, bare_link_len, bare_link_target, dedent, indent, is_blank, lines,
};
use crate::parse::doc::{Block, BlockKind, Definition, Document, Inline, InlineBuf, Row};

/// Reads an Org document.
pub fn read(text: &str) -> Document {
    let lines = lines(text);
    let mut reader = Reader::new(&lines);
    let blocks = reader.body(&lines, 0);
    Document { blocks, meta: reader.meta, ..Default::default() }
}

struct Reader {
    meta: Vec<(String, String)>,
    /// Whether a headline was read: a property drawer before the first one is the file's.
    seen_heading: bool,
    /// TODO keywords (`TODO`, `DONE` and those a `#+TODO:` line declares).
    todo: Vec<String>,
    /// `#+MACRO:` definitions: name → replacement with `$1`… placeholders.
    macros: HashMap<String, String>,
}

impl Reader {
    /// The settings that apply to the whole document, wherever they are written.
    fn new(lines: &[Line]) -> Reader {
        let mut todo = vec!["TODO".to_string(), "DONE".to_string()];
        let mut macros = HashMap::new();
        for l in lines {
            let Some((key, value)) = keyword(&l.text) else { continue };
            match key.as_str() {
                "todo" | "seq_todo" | "typ_todo" => todo.extend(
                    value
                        .split_whitespace()
                        .filter(|w| *w != "|")
                        .map(|w| w.split('(').next().unwrap_or(w).to_string()),
                ),
                "macro" => {
                    if let Some((name, body)) = value.trim().split_once(char::is_whitespace) {
                        macros.insert(name.to_lowercase(), body.trim().to_string());
                    }
                }
                _ => {}
            }
        }
        Reader { meta: Vec::new(), seen_heading: false, todo, macros }
    }

    fn body(&mut self, lines: &[Line], depth: usize) -> Vec<Block> {
        let index = Ends::new(lines, depth);
        let mut out = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if is_blank(&lines[i].text) {
                i += 1;
                continue;
            }
            let next = self.block(lines, &index, i, depth, &mut out);
            i = next.max(i + 1);
        }
        out
    }

    fn block(
        &mut self,
        lines: &[Line],
        ends: &Ends,
        i: usize,
        depth: usize,
        out: &mut Vec<Block>,
    ) -> usize {
        let t = lines[i].text.as_str();
        let trimmed = t.trim_start();
        if depth == 0
            && let Some(stars) = heading_stars(t)
        {
            return self.heading(lines, i, stars, out);
        }
        if depth >= MAX_DEPTH {
            return self.paragraph(lines, i, depth, out);
        }
        if let Some(name) = block_start(trimmed) {
            return match ends.block_end(&name, i) {
                Some(end) => self.greater_block(lines, i, end, &name, depth, out),
                // Never closed: an ordinary paragraph line.
                None => self.paragraph(lines, i, depth, out),
            };
        }
        if let Some((key, value)) = keyword(t) {
            self.contact_meta(&key, value, depth);
            return i + 1;
        }
        // Comments, and stray `#+` lines (an unopened `#+END_…`).
        if trimmed == "#" || trimmed.starts_with("# ") || trimmed.starts_with("#+") {
            return i + 1;
        }
        if is_drawer_start(t)
            && let Some(end) = ends.drawer[i]
        {
            // The file's own properties (a drawer above the first headline) may hold the
            // contact details, under the keywords' names.
            if depth == 0 && !self.seen_heading && t.trim().eq_ignore_ascii_case(":properties:") {
                for (key, value) in properties(&lines[i + 1..end]) {
                    self.contact_meta(&key, value, depth);
                }
            }
            return end + 1;
        }
        if trimmed.starts_with('|') {
            return self.table(lines, i, depth, out);
        }
        if trimmed.len() >= 5 && trimmed.chars().all(|c| c == '-') {
            out.push(Block::new(BlockKind::Rule, lines[i].no));
            return i + 1;
        }
        if trimmed == ":" || trimmed.starts_with(": ") {
            let mut end = i;
            while end < lines.len() {
                let x = lines[end].text.trim_start();
                if x != ":" && !x.starts_with(": ") {
                    break;
                }
                end += 1;
            }
            let texts: Vec<&str> = lines[i..end].iter().map(|l| fixed_width(&l.text)).collect();
            push_literal(&texts, lines[i].no, out);
            return end;
        }
        if item_marker(t, depth > 0).is_some() {
            return self.list(lines, i, depth, out);
        }
        self.paragraph(lines, i, depth, out)
    }

    /// A headline; a `COMMENT` or `:noexport:` subtree is skipped whole.
    fn heading(&mut self, lines: &[Line], i: usize, stars: usize, out: &mut Vec<Block>) -> usize {
        let (title, tags) = split_tags(lines[i].text[stars..].trim());
        let mut words: Vec<&str> = title.split_whitespace().collect();
        if words.first().is_some_and(|w| self.todo.iter().any(|k| k == w)) {
            words.remove(0);
        }
        if words.first().is_some_and(|w| is_priority(w)) {
            words.remove(0);
        }
        let hidden = words.first() == Some(&"COMMENT") || tags.contains(&"noexport");
        if hidden {
            let mut end = i + 1;
            while end < lines.len() && heading_stars(&lines[end].text).is_none_or(|s| s > stars) {
                end += 1;
            }
            return end;
        }
        self.seen_heading = true;
        let words: Vec<&str> = words.into_iter().filter(|w| !is_cookie(w)).collect();
        let content = self.inlines(&words.join(" "), 0);
        // Planning lines and a property drawer right below the headline are not text.
        let mut end = i + 1;
        while end < lines.len() && is_planning(&lines[end].text) {
            end += 1;
        }
        let no = lines[i].no;
        if let Some((props, after)) = property_drawer(lines, end) {
            if let Some(entry) = self.entry_header(&content, &props, no) {
                out.push(entry);
                return after;
            }
            end = after;
        }
        if !content.is_empty() {
            let level = stars.min(6) as u8;
            out.push(Block::new(BlockKind::Heading { level, content }, no));
        }
        end
    }

    /// A headline whose properties give an entry's dates or organisation (org-cv's `:FROM:`,
    /// `:TO:`, `:EMPLOYER:`, `:LOCATION:`) is printed by Org's CV exporters as the entry's
    /// header: read as that row, dates | title | organisation | place, as LaTeX's `\cventry`.
    fn entry_header(&self, title: &[Inline], props: &[(String, &str)], no: u32) -> Option<Block> {
        let get = |keys: &[&str]| {
            props
                .iter()
                .find(|(k, _)| keys.contains(&k.as_str()))
                .map(|(_, v)| self.inlines(unquote(v.trim()), 1))
                .filter(|c| !c.is_empty())
        };
        let from = get(&["from", "start", "start_date", "begin", "since"]);
        let to = get(&["to", "end", "end_date", "until"]);
        let date = get(&["date", "dates", "period", "years"]);
        let org = get(&[
            "employer",
            "company",
            "organization",
            "organisation",
            "institution",
            "school",
            "university",
        ]);
        let place = get(&["location", "city", "place"]);
        if from.is_none() && to.is_none() && date.is_none() && org.is_none() {
            return None;
        }
        let dates = match (from, to) {
            (Some(mut f), Some(t)) => {
                f.push(Inline::Text(" – ".into()));
                f.extend(t);
                Some(f)
            }
            (Some(mut f), None) => {
                f.push(Inline::Text(" –".into()));
                Some(f)
            }
            (None, t) => t.or(date),
        };
        let cells: Vec<Vec<Block>> = [
            dates,
            (!title.is_empty()).then(|| vec![Inline::Strong(title.to_vec())]),
            org.map(|o| vec![Inline::Emph(o)]),
            place,
        ]
        .into_iter()
        .flatten()
        .map(|c| vec![Block::new(BlockKind::Para(c), no)])
        .collect();
        let row = Row { cells, header: false };
        let table = Block::new(BlockKind::Table(vec![row]), no);
        Some(Block::new(BlockKind::Div { class: Some("entry".into()), blocks: vec![table] }, no))
    }

    /// A `#+KEY:` line (or a file property) the exporters print in the document's header:
    /// Org's own (`#+TITLE`, `#+EMAIL`, `#+SUBTITLE`) and the contact keywords of its CV
    /// exporters (org-cv: `#+MOBILE`, `#+HOMEPAGE`, `#+ADDRESS`, `#+GITHUB`, …).
    fn contact_meta(&mut self, key: &str, value: &str, depth: usize) {
        let Some(meta_key) = contact_key(key) else { return };
        let inlines = self.inlines(unquote(value.trim()), depth);
        let text = plain_value(&inlines);
        if text.is_empty() {
            return;
        }
        let target = match inlines.as_slice() {
            [Inline::Link { target, .. }] => Some(target.clone()),
            _ => None,
        };
        let value = match meta_key {
            "social" => super::social_url(key, &text, target),
            "homepage" => target.unwrap_or(text),
            _ => text,
        };
        // Several `#+ADDRESS:` lines are the lines of one address.
        if meta_key == "address"
            && let Some((_, prev)) = self.meta.iter_mut().find(|(k, _)| k == "address")
        {
            prev.push_str(", ");
            prev.push_str(&value);
            return;
        }
        self.meta.push((meta_key.to_string(), value));
    }

    /// `#+BEGIN_NAME` at `i` … `#+END_NAME` at `end`.
    fn greater_block(
        &mut self,
        lines: &[Line],
        i: usize,
        end: usize,
        name: &str,
        depth: usize,
        out: &mut Vec<Block>,
    ) -> usize {
        let inner = &lines[i + 1..end];
        let no = lines[i].no;
        match name {
            "src" if !exports_code(&lines[i].text) => {}
            "src" | "example" => {
                let base = inner.iter().filter(|l| !is_blank(&l.text)).map(|l| indent(&l.text));
                let cut = base.min().unwrap_or(0);
                let dedented = dedent(inner, cut);
                let texts: Vec<&str> = dedented.iter().map(|l| l.text.as_str()).collect();
                push_literal(&texts, no, out);
            }
            "verse" => {
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
            "quote" => {
                let blocks = self.body(&unindent(inner), depth + 1);
                if !blocks.is_empty() {
                    out.push(Block::new(BlockKind::Quote(blocks), no));
                }
            }
            "center" => out.extend(self.body(&unindent(inner), depth + 1)),
            "comment" | "export" => {}
            other => {
                let blocks = self.body(&unindent(inner), depth + 1);
                if !blocks.is_empty() {
                    let class = Some(other.to_string());
                    out.push(Block::new(BlockKind::Div { class, blocks }, no));
                }
            }
        }
        end + 1
    }

    /// Lines up to a blank line or the start of another element.
    fn paragraph(&mut self, lines: &[Line], i: usize, depth: usize, out: &mut Vec<Block>) -> usize {
        let mut end = i + 1;
        while end < lines.len() && !ends_paragraph(&lines[end].text, depth) {
            end += 1;
        }
        let text = lines[i..end].iter().map(|l| l.text.trim()).collect::<Vec<_>>().join("\n");
        let content = self.inlines(&text, depth);
        if !content.is_empty() {
            out.push(Block::new(BlockKind::Para(content), lines[i].no));
        }
        end
    }

    /// Items at one indentation; an item holds the lines indented deeper than its marker.
    /// Two blank lines end a list. The first item decides whether it is a description list.
    fn list(&mut self, lines: &[Line], i: usize, depth: usize, out: &mut Vec<Block>) -> usize {
        let nested = depth > 0;
        let col = indent(&lines[i].text);
        let first = item_marker(&lines[i].text, nested).map(|m| m.kind);
        let mut items: Vec<Vec<Block>> = Vec::new();
        let mut defs: Vec<Definition> = Vec::new();
        let mut k = i;
        loop {
            let t = &lines[k].text;
            let Some(marker) = item_marker(t, nested) else { break };
            let end = item_end(lines, k, col);
            let content_col = col + marker.width;
            let mut rest = t[content_col.min(t.len())..].trim_start().to_string();
            rest = strip_checkbox(&rest);
            let term = if first == Some(Kind::Description) { split_term(&mut rest) } else { None };
            let mut body = vec![Line { no: lines[k].no, text: rest }];
            body.extend(dedent(&lines[k + 1..end], content_col.max(col + 1)));
            let blocks = self.body(&body, depth + 1);
            match first {
                Some(Kind::Description) => {
                    let term = term.map(|t| self.inlines(&t, depth)).unwrap_or_default();
                    defs.push(Definition { term, body: blocks });
                }
                _ => items.push(blocks),
            }
            let mut n = end;
            let mut blanks = 0;
            while n < lines.len() && is_blank(&lines[n].text) {
                n += 1;
                blanks += 1;
            }
            let same_list = n < lines.len()
                && blanks < 2
                && indent(&lines[n].text) == col
                && item_marker(&lines[n].text, nested).is_some();
            if !same_list {
                break;
            }
            k = n;
        }
        let no = lines[i].no;
        let kind = match first {
            Some(Kind::Description) => BlockKind::Definitions(defs),
            Some(Kind::Ordered) => BlockKind::List { ordered: true, items },
            _ => BlockKind::List { ordered: false, items },
        };
        out.push(Block::new(kind, no));
        item_end(lines, k, col)
    }

    /// `| a | b |` rows; a `|---+---|` rule after the first rows makes them the header.
    fn table(&mut self, lines: &[Line], i: usize, depth: usize, out: &mut Vec<Block>) -> usize {
        let mut end = i;
        while end < lines.len() && lines[end].text.trim_start().starts_with('|') {
            end += 1;
        }
        let mut rows: Vec<Row> = Vec::new();
        let mut header_done = false;
        for l in &lines[i..end] {
            let t = l.text.trim();
            if t.starts_with("|-") {
                if !header_done && !rows.is_empty() {
                    rows.iter_mut().for_each(|r| r.header = true);
                }
                header_done |= !rows.is_empty();
                continue;
            }
            let inner = t.strip_prefix('|').unwrap_or(t);
            let inner = inner.strip_suffix('|').unwrap_or(inner);
            let cells: Vec<Vec<Block>> = inner
                .split('|')
                .take(MAX_COLUMNS)
                .map(|c| {
                    let content = self.inlines(c.trim(), depth);
                    if content.is_empty() {
                        Vec::new()
                    } else {
                        vec![Block::new(BlockKind::Para(content), l.no)]
                    }
                })
                .collect();
            // A row of column-width cookies (`<10>`) is not content.
            if inner.split('|').all(|c| is_width_cookie(c.trim())) {
                continue;
            }
            rows.push(Row { cells, header: false });
        }
        // A table without rule has no header.
        if rows.iter().all(|r| r.header) {
            rows.iter_mut().for_each(|r| r.header = false);
        }
        if !rows.is_empty() {
            out.push(Block::new(BlockKind::Table(rows), lines[i].no));
        }
        // `#+TBLFM:` formulas below a table are dropped with the other keywords.
        end
    }

    fn inlines(&self, text: &str, depth: usize) -> Vec<Inline> {
        let mut buf = InlineBuf::new();
        Inlines::new(self, text).run(text, depth, &mut buf);
        buf.finish()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unordered,
    Ordered,
    Description,
}

struct Marker {
    kind: Kind,
    /// The marker and the spaces after it.
    width: usize,
}

/// A list item marker at the start of the (indented) line: `-`, `+`, `*` (indented, or in a
/// nested body whose indentation was removed), `1.`, `1)`, `a.`, `a)`, followed by a space or
/// the end of the line.
fn item_marker(t: &str, nested: bool) -> Option<Marker> {
    let col = indent(t);
    let s = &t[col..];
    let first = s.chars().next()?;
    let width = if matches!(first, '-' | '+') || (first == '*' && (col > 0 || nested)) {
        1
    } else {
        let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
        let label = if digits > 0 {
            digits.min(10)
        } else if first.is_ascii_alphabetic() && s[1..].starts_with(['.', ')']) {
            1
        } else {
            return None;
        };
        if digits > 10 || !s[label..].starts_with(['.', ')']) {
            return None;
        }
        label + 1
    };
    let after = &s[width..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let spaces = after.len() - after.trim_start().len();
    let ordered = !matches!(first, '-' | '+' | '*');
    let kind = if ordered {
        Kind::Ordered
    } else if after.contains(" :: ") || after.trim_end().ends_with(" ::") {
        Kind::Description
    } else {
        Kind::Unordered
    };
    Some(Marker { kind, width: width + spaces.max(1) })
}

/// The end of the item starting at `k`: lines indented deeper than its marker, or blank
/// (but not two blank lines in a row).
fn item_end(lines: &[Line], k: usize, col: usize) -> usize {
    let mut end = k + 1;
    let mut n = k + 1;
    let mut blanks = 0;
    while n < lines.len() {
        let t = &lines[n].text;
        if is_blank(t) {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
        } else if indent(t) > col && heading_stars(t).is_none() {
            blanks = 0;
            end = n + 1;
        } else {
            break;
        }
        n += 1;
    }
    end
}

/// `- term :: description`: takes the term off `rest`.
fn split_term(rest: &mut String) -> Option<String> {
    let (term, desc) = match rest.split_once(" :: ") {
        Some((t, d)) => (t.to_string(), d.to_string()),
        None => (rest.strip_suffix(" ::")?.to_string(), String::new()),
    };
    *rest = desc;
    Some(term)
}

fn strip_checkbox(rest: &str) -> String {
    let mut r = rest;
    if r.starts_with("[@") {
        r = r.find(']').map_or(r, |k| r[k + 1..].trim_start());
    }
    for b in ["[ ] ", "[X] ", "[x] ", "[-] "] {
        if let Some(x) = r.strip_prefix(b) {
            r = x;
        }
    }
    r.to_string()
}

fn heading_stars(t: &str) -> Option<usize> {
    let stars = t.chars().take_while(|&c| c == '*').count();
    (stars > 0 && (t.len() == stars || t[stars..].starts_with(' '))).then_some(stars)
}

/// `#+key: value` (the key lower-cased).
fn keyword(t: &str) -> Option<(String, &str)> {
    let r = t.trim_start().strip_prefix("#+")?;
    let (key, value) = r.split_once(':')?;
    let ok = !key.is_empty() && !key.contains(char::is_whitespace);
    ok.then(|| (key.to_ascii_lowercase(), value))
}

/// The metadata key a header keyword fills (see [`Reader::contact_meta`]).
fn contact_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "title",
        "author" => "author",
        "subtitle" => "subtitle",
        "date" => "date",
        "email" | "mail" => "email",
        "phone" | "mobile" | "telephone" | "tel" => "phone",
        "homepage" | "website" | "web" => "homepage",
        "address" => "address",
        "jobtitle" | "headline" | "tagline" => "label",
        k if super::is_social_network(k) => "social",
        _ => return None,
    })
}

/// The `:KEY: value` lines of a property drawer, keys lower-cased (`:KEY+:` appends, read
/// as the key).
fn properties(lines: &[Line]) -> Vec<(String, &str)> {
    lines
        .iter()
        .filter_map(|l| {
            let r = l.text.trim().strip_prefix(':')?;
            let (key, value) = r.split_once(':')?;
            let key = key.strip_suffix('+').unwrap_or(key);
            let ok = !key.is_empty() && !key.contains(char::is_whitespace);
            ok.then(|| (key.to_ascii_lowercase(), value.trim()))
        })
        .collect()
}

/// The property drawer opening at `k` (below a headline and its planning lines): its
/// properties and the line after its `:END:`. Unclosed before the next headline: none.
fn property_drawer(lines: &[Line], k: usize) -> Option<(Vec<(String, &str)>, usize)> {
    if !lines.get(k)?.text.trim().eq_ignore_ascii_case(":properties:") {
        return None;
    }
    let end = (k + 1..lines.len())
        .take_while(|&n| heading_stars(&lines[n].text).is_none())
        .find(|&n| lines[n].text.trim().eq_ignore_ascii_case(":end:"))?;
    Some((properties(&lines[k + 1..end]), end + 1))
}

/// A property value written in double quotes (`"YYYY-MM-DD"`) means the text inside.
fn unquote(v: &str) -> &str {
    v.strip_prefix('"').and_then(|r| r.strip_suffix('"')).unwrap_or(v)
}

/// Whether a source block's code is exported: not with `:exports none` or `:exports results`
/// in its header.
fn exports_code(begin: &str) -> bool {
    let mut words = begin.split_whitespace();
    while let Some(w) = words.next() {
        if w.eq_ignore_ascii_case(":exports") {
            return !words.next().is_some_and(|v| v == "none" || v == "results");
        }
    }
    true
}

/// `https:host/path` (the slashes forgotten) is the address a browser opens for it,
/// `https://host/path`.
fn slashed(target: &str) -> String {
    for scheme in ["https:", "http:"] {
        if let Some(rest) = target.strip_prefix(scheme)
            && !rest.starts_with('/')
            && !rest.is_empty()
        {
            return format!("{scheme}//{rest}");
        }
    }
    target.to_string()
}

/// `#+BEGIN_NAME`: the name, lower-cased.
fn block_start(t: &str) -> Option<String> {
    let lower = t.get(..8)?.to_ascii_lowercase();
    if lower != "#+begin_" {
        return None;
    }
    let name: String = t[8..].chars().take_while(|c| !c.is_whitespace()).collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// `:NAME:` opening a drawer.
fn is_drawer_start(t: &str) -> bool {
    let t = t.trim();
    let Some(name) = t.strip_prefix(':').and_then(|r| r.strip_suffix(':')) else {
        return false;
    };
    !name.is_empty()
        && !name.eq_ignore_ascii_case("end")
        && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Where drawers and blocks of one body end, found in one pass so that an unclosed opener
/// costs no rescanning.
struct Ends {
    /// Per line, the next `:END:` line before any headline.
    drawer: Vec<Option<usize>>,
    /// Per block name, the lines of its `#+END_NAME`, ascending.
    blocks: HashMap<String, Vec<usize>>,
}

impl Ends {
    fn new(lines: &[Line], depth: usize) -> Ends {
        let mut drawer = vec![None; lines.len()];
        let mut next = None;
        for k in (0..lines.len()).rev() {
            drawer[k] = next;
            let t = lines[k].text.trim();
            if depth == 0 && heading_stars(&lines[k].text).is_some() {
                next = None;
            } else if t.eq_ignore_ascii_case(":end:") {
                next = Some(k);
            }
        }
        let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, l) in lines.iter().enumerate() {
            let t = l.text.trim();
            if let Some(rest) =
                t.get(..6).filter(|p| p.eq_ignore_ascii_case("#+end_")).map(|_| &t[6..])
            {
                let name: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
                blocks.entry(name.to_ascii_lowercase()).or_default().push(k);
            }
        }
        Ends { drawer, blocks }
    }

    /// The `#+END_NAME` closing a block opened at `i`.
    fn block_end(&self, name: &str, i: usize) -> Option<usize> {
        let ends = self.blocks.get(name)?;
        let k = ends.partition_point(|&e| e <= i);
        ends.get(k).copied()
    }
}

fn is_planning(t: &str) -> bool {
    let t = t.trim_start();
    ["SCHEDULED:", "DEADLINE:", "CLOSED:"].iter().any(|k| t.starts_with(k))
}

fn fixed_width(t: &str) -> &str {
    let x = t.trim_start();
    x.strip_prefix(": ").unwrap_or(x.strip_prefix(':').unwrap_or(x))
}

/// A line that starts another element ends a paragraph.
fn ends_paragraph(t: &str, depth: usize) -> bool {
    let x = t.trim_start();
    is_blank(t)
        || (depth == 0 && heading_stars(t).is_some())
        || item_marker(t, depth > 0).is_some()
        || x.starts_with('|')
        || x.starts_with("#+")
        || x == "#"
        || x.starts_with("# ")
        || x == ":"
        || x.starts_with(": ")
        || (x.len() >= 5 && x.chars().all(|c| c == '-'))
}

/// The headline's trailing `:tag:tag:` group and the title before it.
fn split_tags(title: &str) -> (&str, Vec<&str>) {
    if let Some((head, last)) = title.rsplit_once(char::is_whitespace)
        && last.len() > 2
        && last.starts_with(':')
        && last.ends_with(':')
        && last[1..last.len() - 1]
            .split(':')
            .all(|t| !t.is_empty() && t.chars().all(|c| c.is_alphanumeric() || "_@#%".contains(c)))
    {
        return (head.trim_end(), last[1..last.len() - 1].split(':').collect());
    }
    (title, Vec::new())
}

fn is_priority(w: &str) -> bool {
    w.len() == 4 && w.starts_with("[#") && w.ends_with(']')
}

/// A statistics cookie: `[2/5]` or `[40%]`.
fn is_cookie(w: &str) -> bool {
    let Some(inner) = w.strip_prefix('[').and_then(|r| r.strip_suffix(']')) else {
        return false;
    };
    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit() || c == '/' || c == '%')
}

fn is_width_cookie(c: &str) -> bool {
    c.is_empty()
        || c.starts_with('<')
            && c.ends_with('>')
            && c[1..c.len() - 1].chars().all(|x| x.is_ascii_alphanumeric())
}

/// Removes the common indentation of a block's lines.
fn unindent(lines: &[Line]) -> Vec<Line> {
    let cut = lines.iter().filter(|l| !is_blank(&l.text)).map(|l| indent(&l.text)).min();
    dedent(lines, cut.unwrap_or(0))
}

fn push_literal(texts: &[&str], no: u32, out: &mut Vec<Block>) {
    let mut buf = InlineBuf::new();
    for t in texts.iter().filter(|t| !is_blank(t)) {
        if !buf.is_empty() {
            buf.push(Inline::LineBreak);
        }
        buf.push(Inline::Code(t.trim_end().to_string()));
    }
    let content = buf.finish();
    if !content.is_empty() {
        out.push(Block::new(BlockKind::Para(content), no));
    }
}

/// Metadata values are plain text.
fn plain_value(inlines: &[Inline]) -> String {
    crate::parse::doc::plain(inlines)
}

/// Characters that may precede an emphasis marker, and follow its closing one.
fn pre_ok(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "-('\"{".contains(c))
}

fn post_ok(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "-.,;:!?')}[\"\\".contains(c))
}

const MARKERS: [char; 6] = ['*', '/', '_', '=', '~', '+'];

/// Inline markup of one paragraph. Valid closing markers are found once, up front, so every
/// opener finds its closer without rescanning (linear time).
struct Inlines<'r> {
    reader: &'r Reader,
    /// Per marker, the positions where it could close an emphasis, ascending, and a cursor.
    closers: [(Vec<usize>, usize); 6],
    /// The positions from which a search for `]]` or `}}}` already failed.
    no_link_close: usize,
    no_macro_close: usize,
}

impl<'r> Inlines<'r> {
    fn new(reader: &'r Reader, s: &str) -> Self {
        let mut closers: [(Vec<usize>, usize); 6] = Default::default();
        let mut prev: Option<char> = None;
        let mut it = s.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            let next = it.peek().map(|&(_, n)| n);
            if let Some(m) = MARKERS.iter().position(|&x| x == c)
                && prev.is_some_and(|p| !p.is_whitespace())
                && post_ok(next)
            {
                closers[m].0.push(k);
            }
            prev = Some(c);
        }
        Inlines { reader, closers, no_link_close: usize::MAX, no_macro_close: usize::MAX }
    }

    fn run(&mut self, s: &str, depth: usize, buf: &mut InlineBuf) {
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            let c = rest.chars().next().unwrap_or(' ');
            let prev = s[..i].chars().next_back();
            if let Some(n) = self.special(s, i, depth, buf) {
                i = n;
                continue;
            }
            if pre_ok(prev) {
                let n = bare_link_len(rest);
                if n > 0 {
                    let url = &rest[..n];
                    let target = bare_link_target(url);
                    buf.push(Inline::Link { target, content: vec![Inline::Text(url.into())] });
                    i += n;
                    continue;
                }
                if let Some(n) = self.emphasis(s, i, depth, buf) {
                    i = n;
                    continue;
                }
            }
            if c == '\n' {
                buf.push(Inline::SoftBreak);
            } else if rest.starts_with("---") {
                // Org exports these "special strings" as dashes.
                buf.text("\u{2014}");
                i += 3;
                continue;
            } else if rest.starts_with("--") {
                buf.text("\u{2013}");
                i += 2;
                continue;
            } else {
                buf.text(&rest[..c.len_utf8()]);
            }
            i += c.len_utf8();
        }
    }

    /// Links, macros, footnote references, targets and line breaks.
    fn special(&mut self, s: &str, i: usize, depth: usize, buf: &mut InlineBuf) -> Option<usize> {
        let rest = &s[i..];
        if rest.starts_with("[[") {
            if i >= self.no_link_close {
                return None;
            }
            let Some(close) = rest.find("]]") else {
                self.no_link_close = i;
                return None;
            };
            let inner = &rest[2..close];
            let (target, desc) = match inner.split_once("][") {
                Some((t, d)) => (t, Some(d)),
                None => (inner, None),
            };
            buf.push(self.link(target, desc, depth));
            return Some(i + close + 2);
        }
        if rest.starts_with("{{{") {
            if i >= self.no_macro_close {
                return None;
            }
            let Some(close) = rest.find("}}}") else {
                self.no_macro_close = i;
                return None;
            };
            let call = &rest[3..close];
            buf.text(&self.expand_macro(call));
            return Some(i + close + 3);
        }
        if rest.starts_with("[fn:") {
            // A footnote reference (or inline definition) is dropped; bounded look-ahead.
            let close = rest.char_indices().take(400).find(|&(_, c)| c == ']')?.0;
            return Some(i + close + 1);
        }
        if rest.starts_with("<<") {
            let close = rest.char_indices().take(200).find(|&(_, c)| c == '>')?.0;
            let inner = rest[..close].trim_start_matches('<');
            let end = close + rest[close..].chars().take_while(|&c| c == '>').count();
            buf.text(if rest.starts_with("<<<") { inner } else { "" });
            return Some(i + end);
        }
        if let Some((date, len)) = timestamp(rest) {
            // "<2020-01-01 Wed>--<2023-06-30 Fri>": an Org timestamp is its date; the range's
            // "--" between two is a dash.
            buf.text(date);
            let after = &rest[len..];
            let dash = after.starts_with("--") && timestamp(&after[2..]).is_some();
            if dash {
                buf.text(" – ");
            }
            return Some(i + len + if dash { 2 } else { 0 });
        }
        if let Some(inner) = rest.strip_prefix('<') {
            let n = bare_link_len(inner);
            if n > 0 && inner[n..].starts_with('>') {
                let url = &inner[..n];
                let target = bare_link_target(url);
                buf.push(Inline::Link { target, content: vec![Inline::Text(url.into())] });
                return Some(i + n + 2);
            }
        }
        if let Some(after) = rest.strip_prefix("\\\\") {
            // `\\` at the end of a line.
            let spaces = after.len() - after.trim_start_matches(' ').len();
            let tail = &after[spaces..];
            if tail.is_empty() || tail.starts_with('\n') {
                buf.push(Inline::LineBreak);
                return Some((i + 2 + spaces + 1).min(s.len()));
            }
        }
        None
    }

    fn link(&self, target: &str, desc: Option<&str>, depth: usize) -> Inline {
        let target = slashed(target.trim());
        let target = target.as_str();
        let web = target.contains("://") || target.starts_with("mailto:");
        let content = match desc {
            Some(d) if depth < 4 => self.reader.inlines(d, depth + 1),
            Some(d) => vec![Inline::Text(d.to_string())],
            None => {
                // An internal link shows its target without the `*`/`#` prefix.
                let shown = target.strip_prefix("file:").unwrap_or(target);
                vec![Inline::Text(shown.trim_start_matches(['*', '#']).to_string())]
            }
        };
        if web {
            Inline::Link { target: target.to_string(), content }
        } else {
            match content.len() {
                1 => content.into_iter().next().unwrap_or(Inline::Text(String::new())),
                _ => Inline::Emph(content),
            }
        }
    }

    /// `{{{name(args)}}}`: a `#+MACRO` replacement, the document's title/author/email, or
    /// nothing (its value is not in this file).
    fn expand_macro(&self, call: &str) -> String {
        let (name, args) = match call.split_once('(') {
            Some((n, a)) => (n.trim(), a.trim_end_matches(')')),
            None => (call.trim(), ""),
        };
        let name = name.to_lowercase();
        if let Some(body) = self.reader.macros.get(&name) {
            let args: Vec<&str> =
                if args.is_empty() { Vec::new() } else { args.split(',').collect() };
            let mut out = body.clone();
            for (k, a) in args.iter().enumerate().take(9).rev() {
                out = out.replace(&format!("${}", k + 1), a.trim());
            }
            return out;
        }
        self.reader
            .meta
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// `*bold*`, `/italic/`, `_underline_`, `+strike+`, `=verbatim=`, `~code~` at `i`.
    fn emphasis(&mut self, s: &str, i: usize, depth: usize, buf: &mut InlineBuf) -> Option<usize> {
        let rest = &s[i..];
        let c = rest.chars().next()?;
        let m = MARKERS.iter().position(|&x| x == c)?;
        let after = rest[1..].chars().next();
        if after.is_none_or(char::is_whitespace) {
            return None;
        }
        // The first valid closer after the opener's first character.
        let (positions, cursor) = &mut self.closers[m];
        while *cursor < positions.len() && positions[*cursor] <= i + 1 {
            *cursor += 1;
        }
        let close = *positions.get(*cursor)?;
        let inner = &s[i + 1..close];
        // Emphasis spans at most two lines.
        if inner.matches('\n').count() > 1 {
            return None;
        }
        let inline = match c {
            '=' | '~' => Inline::Code(inner.replace('\n', " ")),
            _ => {
                let content = if depth < 4 {
                    self.reader.inlines(inner, depth + 1)
                } else {
                    vec![Inline::Text(inner.to_string())]
                };
                match c {
                    '*' => Inline::Strong(content),
                    '/' | '_' => Inline::Emph(content),
                    _ => {
                        for x in content {
                            buf.push(x);
                        }
                        return Some(close + 1);
                    }
                }
            }
        };
        buf.push(inline);
        Some(close + 1)
    }
}

/// An Org timestamp at the start of `s` ("<2020-01-01 Wed>", "[2021-03-05 Fri 10:00]"): its
/// date and the timestamp's length in bytes.
fn timestamp(s: &str) -> Option<(&str, usize)> {
    let close = match s.as_bytes().first()? {
        b'<' => '>',
        b'[' => ']',
        _ => return None,
    };
    let end = s.char_indices().take(40).find(|&(_, c)| c == close)?.0;
    let inner = &s[1..end];
    let date = inner.split_whitespace().next()?;
    let b = date.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shaped.then_some((date, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(src: &str) -> String {
        read(src).outline()
    }

    #[test]
    fn a_fictional_resume_reads_into_the_tree() {
        let src = include_str!("../../../tests/fixtures/readers/resume.org");
        insta::assert_snapshot!(outline(src));
    }

    #[test]
    fn keywords_go_to_meta_and_other_settings_are_dropped() {
        let src = "#+TITLE: Curriculum Vitae\n#+AUTHOR: Tomas /Reyes/\n#+EMAIL: t@example.org\n\
                   #+OPTIONS: toc:nil\n#+LATEX_HEADER: \\usepackage{x}\nText.\n";
        assert_eq!(
            outline(src),
            "meta title: \"Curriculum Vitae\"\nmeta author: \"Tomas Reyes\"\n\
             meta email: \"t@example.org\"\nP@6 Text.\n"
        );
    }

    #[test]
    fn cv_exporter_keywords_and_file_properties_go_to_meta() {
        let src = "#+TITLE: Jane Roe\n#+SUBTITLE: Welder\n#+MOBILE: +1 555 0100\n\
                   #+HOMEPAGE: [[https:www.example.org][example.org]]\n#+ADDRESS: Springfield\n\
                   #+ADDRESS: Oregon\n#+GITHUB: janeroe\n#+LATEX_CLASS: article\n";
        assert_eq!(
            outline(src),
            "meta title: \"Jane Roe\"\nmeta subtitle: \"Welder\"\nmeta phone: \"+1 555 0100\"\n\
             meta homepage: \"https://www.example.org\"\nmeta address: \"Springfield, Oregon\"\n\
             meta social: \"https://github.com/janeroe\"\n"
        );
        // The file's drawer above the first headline; a headline's own drawer is not the file's.
        let src = ":PROPERTIES:\n:mail: jane@example.org\n\
                   :linkedin: [[https://www.linkedin.com/in/jroe][jroe]]\n:END:\n\
                   * Work\n:PROPERTIES:\n:phone: 1\n:END:\n";
        assert_eq!(
            outline(src),
            "meta email: \"jane@example.org\"\nmeta social: \"https://www.linkedin.com/in/jroe\"\n\
             H1@5 Work\n"
        );
    }

    #[test]
    fn a_headline_with_entry_properties_is_an_entry_row() {
        let src = "* Work\n** Kiln Engineer\n:PROPERTIES:\n:CV_ENV: cventry\n:FROM: <2017-03-01>\n\
                   :TO: Present\n:EMPLOYER: Acme\n:LOCATION: Springfield\n:END:\nFired pots.\n\
                   ** Potter\n:PROPERTIES:\n:start: \"2015\"\n:company: Globex\n:END:\n\
                   ** Notes\n:PROPERTIES:\n:CUSTOM_ID: notes\n:END:\n";
        assert_eq!(
            outline(src),
            "H1@1 Work\nDIV@2 entry\n  TABLE@2\n    row\n      |\n        P@2 2017-03-01 – Present\n\
             \x20     |\n        P@2 *Kiln Engineer*\n      |\n        P@2 _Acme_\n      |\n\
             \x20       P@2 Springfield\nP@10 Fired pots.\nDIV@11 entry\n  TABLE@11\n    row\n\
             \x20     |\n        P@11 2015 –\n      |\n        P@11 *Potter*\n      |\n\
             \x20       P@11 _Globex_\nH2@16 Notes\n"
        );
    }

    #[test]
    fn source_code_that_is_not_exported_is_dropped() {
        let src = "#+BEGIN_SRC emacs-lisp :exports none\n(setq x 1)\n#+END_SRC\n\
                   #+begin_src sh :exports results\nls\n#+end_src\n#+begin_src sh\npwd\n#+end_src\n";
        assert_eq!(outline(src), "P@7 `pwd`\n");
    }

    #[test]
    fn links_with_the_slashes_forgotten_open_the_web_address() {
        assert_eq!(
            outline("[[https:www.example.org/x][site]]\n"),
            "P@1 [site](https://www.example.org/x)\n"
        );
    }

    #[test]
    fn timestamps_read_as_their_dates() {
        assert_eq!(
            outline("Translator\n<2020-01-01 Wed>--<2023-06-30>, [2019-05-02 Thu 10:00]\n"),
            "P@1 Translator ⏎ 2020-01-01 – 2023-06-30, 2019-05-02\n"
        );
        // Not a timestamp: kept as written.
        assert_eq!(outline("<not a date> [x]\n"), "P@1 <not a date> [x]\n");
    }

    #[test]
    fn headline_decorations_and_hidden_subtrees() {
        let src = "* TODO [#A] Work [1/2] :cv:\n:PROPERTIES:\n:ID: x\n:END:\nAcme\n\
                   * COMMENT Notes\nhidden\n** deeper hidden\n* Drafts :noexport:\nhidden\n* Skills\n";
        assert_eq!(outline(src), "H1@1 Work\nP@5 Acme\nH1@11 Skills\n");
    }

    #[test]
    fn odd_input_found_by_fuzzing_is_read() {
        // A block end with a multi-byte character right after `#+END`.
        let _ = read("#+END\u{fffd}\u{fffd}BEGIN_EXPORT html\n#+BEGIN_X\n");
    }

    #[test]
    fn emphasis_needs_word_boundaries() {
        assert_eq!(
            outline("a snake_case_name, 2*3*4, path/to/x and /it/ *b* =v=\n"),
            "P@1 a snake_case_name, 2*3*4, path/to/x and _it_ *b* `v`\n"
        );
        assert_eq!(outline("* unclosed *star and /slash\n"), "H1@1 unclosed *star and /slash\n");
    }
}
