//! The plain-text reader: text typed, exported or pasted from a PDF or a word processor, into
//! the document tree.
//!
//! What the text itself marks up is read as structure: headings underlined or overlined with
//! `=`, `-`, `~`, `.` and the like, numbered ("1.3 Experience"), ALL-CAPS lines set apart, and
//! letter-spaced ones ("E X P E R I E N C E", joined by [`normalise`](super::normalise)); list
//! items behind any bullet glyph or number, nested by indentation or by a change of glyph (the
//! Word convention: `•` then `o`); a short line with indented lines under it as a definition;
//! lines whose parts are set apart by wide gaps or tabs (aligned columns, a right-aligned
//! date) as table rows, and `Label:<gap>value` rows as fields. Lines of a paragraph stay
//! separate, joined by soft breaks: whether a short line ends a paragraph is decided by
//! interpretation. A two-column page ([`columns`](super::columns)) is read column by column,
//! a table of contents is dropped, and a line a PDF repeated across a page break is read once.

use std::sync::LazyLock;

use regex::Regex;

use super::columns;
use super::normalise::is_bullet_glyph;
use crate::parse::doc::{Block, BlockKind, Definition, Document, Field, Inline, Row};
use crate::parse::vocab::sections;

/// Reads clean text (see [`normalise`](super::normalise)); `first_line` is the source line
/// number of the text's first line.
pub fn read(text: &str, first_line: u32) -> Document {
    let numbered: Vec<(u32, String)> = match columns::split(text) {
        Some(by_column) => by_column,
        None => text.lines().enumerate().map(|(i, l)| (i as u32 + 1, l.to_string())).collect(),
    };
    let lines = classify(drop_repeats(numbered), first_line);
    let width = typical_width(&lines);
    let numbered_multi = lines
        .iter()
        .filter(|l| l.kind == Kind::Text)
        .filter(|l| NUMBERED.captures(&l.text).is_some_and(|c| c[1].contains('.')))
        .count()
        >= 2;
    let ctx = Ctx { width, numbered_multi };
    Document { blocks: blocks(&lines, &ctx), ..Default::default() }
}

/// One source line, classified.
#[derive(Debug, Clone)]
struct Raw {
    no: u32,
    indent: usize,
    /// The line without its indentation (and without its marker, for items).
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    /// A line of one repeated punctuation character.
    Adornment(char),
    /// A list item: its marker and the column its text starts at.
    Item {
        marker: Marker,
        text_col: usize,
    },
    Text,
}

/// What starts a list item: a glyph, or a number or letter (ordered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Glyph(char),
    Ordered,
}

struct Ctx {
    /// The length of a full line: what a wrapped line reaches.
    width: usize,
    /// The document numbers its headings with dotted numbers ("1.3"), so single numbers
    /// ("2 Summary") are headings too.
    numbered_multi: bool,
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("text reader pattern")
}

/// A numbered heading: "1.3 Work history", "2 Summary".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.?)\s+(\S.*)$"));
/// A table-of-contents line: ends in a page number set apart by a gap or dot leaders.
static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:\s{2,}|\.{3,}\s*|\s\|\s)\d{1,3}$"));
/// An ordered marker: "1.", "1)", "(1)", "1.)", "a)", "(a)".
static ORDERED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\(?\d{1,2}(?:\.\)|[.)])|\(?[a-z][.)]|\(\d{1,2}\))\s*"));
/// A gap between cells: three spaces or more (tabs were turned into spaces).
static GAP: LazyLock<Regex> = LazyLock::new(|| re(r" {3,}"));
/// A leader filling the gap between cells: four dashes, dots or underscores or more set apart
/// by spaces ("Acme ------ Boston"), or four dots or more ("Acme........2019"). "2019---2021",
/// a typed dash ("a --- b") and an ellipsis are no leaders.
static LEADER: LazyLock<Regex> = LazyLock::new(|| re(r"\s+[-–—_.·]{4,}\s+|\s*\.{4,}\s*"));

/// A table of contents (three or more numbered lines ending in a page number set apart) is
/// document furniture, in any markup: its lines become blank, so line numbers stay.
pub fn blank_table_of_contents(text: &str) -> String {
    let toc = |l: &str| TOC_LINE.is_match(l.trim_end()) && NUMBERED.is_match(l.trim());
    if text.lines().filter(|l| toc(l)).take(3).count() < 3 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for l in text.lines() {
        if !toc(l) {
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

/// Lines a PDF extraction repeated across a page break are read once.
fn drop_repeats(lines: Vec<(u32, String)>) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::with_capacity(lines.len());
    for (no, l) in lines {
        let t = l.trim();
        if t.len() > 30 && out.last().is_some_and(|(_, p)| p.trim() == t) {
            continue;
        }
        out.push((no, l));
    }
    out
}

fn classify(lines: Vec<(u32, String)>, first_line: u32) -> Vec<Raw> {
    let mut out = Vec::with_capacity(lines.len());
    for (no, l) in lines {
        let no = no + first_line - 1;
        let indent = l.chars().take_while(|c| *c == ' ').count();
        let t = l.trim();
        if t.is_empty() {
            out.push(Raw { no, indent, text: String::new(), kind: Kind::Blank });
            continue;
        }
        if let Some(c) = adornment(t) {
            out.push(Raw { no, indent, text: t.to_string(), kind: Kind::Adornment(c) });
            continue;
        }
        // A flattened POD list ("A =item * B =item * C") is one item per part, and so are
        // bullets set side by side with tabs ("● Phone … ● E-mail …").
        let parts: Vec<String> =
            super::split_pod_items(t).iter().flat_map(|p| side_by_side(p)).collect();
        for (k, part) in parts.iter().enumerate() {
            let raw = match item(part, indent) {
                Some(r) => Raw { no, ..r },
                None if k > 0 => Raw {
                    no,
                    indent,
                    text: part.clone(),
                    kind: Kind::Item { marker: Marker::Glyph('•'), text_col: indent + 2 },
                },
                None => Raw { no, indent, text: part.clone(), kind: Kind::Text },
            };
            out.push(raw);
        }
    }
    out
}

/// Parts of a line that each start with a bullet glyph after a wide gap.
fn side_by_side(text: &str) -> Vec<String> {
    let starts_bullet = |p: &str| p.trim_start().starts_with(is_bullet_glyph);
    if !starts_bullet(text) || !text.contains("   ") {
        return vec![text.to_string()];
    }
    let parts: Vec<&str> = GAP.split(text).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && parts.iter().all(|p| starts_bullet(p)) {
        parts.iter().map(|p| p.to_string()).collect()
    } else {
        vec![text.to_string()]
    }
}

/// A line made of one repeated punctuation character (a title adornment or a rule).
pub fn adornment(t: &str) -> Option<char> {
    let mut chars = t.chars();
    let c = chars.next()?;
    ("=-~^*+#`'_:.\"".contains(c) && t.chars().count() >= 3 && chars.all(|d| d == c)).then_some(c)
}

/// A list item: a bullet glyph, a dash or star, an `o` before a capital or a tab, or an
/// ordered marker, followed by text.
fn item(t: &str, indent: usize) -> Option<Raw> {
    let first = t.chars().next()?;
    let after = &t[first.len_utf8()..];
    let glyph = is_bullet_glyph(first) || matches!(first, '-' | '*' | '+' | '–' | '—' | '>');
    if glyph {
        let rest = after.trim_start();
        // "--" and "**" open no item; a glyph needs a space after it unless it is a real
        // bullet glyph ("•Item").
        let spaced = after.starts_with(' ');
        if rest.is_empty() || rest.starts_with(['-', '*']) || !(spaced || is_bullet_glyph(first)) {
            return None;
        }
        let marker = if is_bullet_glyph(first) { '•' } else { first };
        let text_col = indent + t.chars().count() - rest.chars().count();
        return Some(Raw {
            no: 0,
            indent,
            text: rest.to_string(),
            kind: Kind::Item { marker: Marker::Glyph(marker), text_col },
        });
    }
    // "o" as a sub-bullet (Word's second level): before a capital, or set apart by a wide gap.
    if first == 'o' && (after.starts_with("   ") || after.starts_with(' ')) {
        let rest = after.trim_start();
        if rest.starts_with(char::is_uppercase) || after.starts_with("   ") {
            let text_col = indent + t.chars().count() - rest.chars().count();
            return Some(Raw {
                no: 0,
                indent,
                text: rest.to_string(),
                kind: Kind::Item { marker: Marker::Glyph('o'), text_col },
            });
        }
    }
    let m = ORDERED.find(t)?;
    let rest = &t[m.end()..];
    // "2019. Joined", "3.5 years": an ordered marker is a small number followed by a word.
    let numbered_heading = NUMBERED.is_match(t) && !t[..m.end()].trim_end().ends_with(['.', ')']);
    if rest.is_empty() || numbered_heading || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // A letter marker ("a)") only before text that starts like a sentence.
    let letter = t.starts_with(|c: char| c.is_ascii_lowercase())
        || t.starts_with('(') && t[1..].starts_with(|c: char| c.is_ascii_lowercase());
    if letter && !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let text_col = indent + t[..m.end()].chars().count();
    Some(Raw {
        no: 0,
        indent,
        text: rest.to_string(),
        kind: Kind::Item { marker: Marker::Ordered, text_col },
    })
}

/// The length of a full line (the 90th percentile of line lengths): what a wrapped line
/// reaches.
fn typical_width(lines: &[Raw]) -> usize {
    let mut lens: Vec<usize> =
        lines.iter().filter(|l| l.kind != Kind::Blank).map(|l| l.text.chars().count()).collect();
    lens.sort_unstable();
    lens.get(lens.len() * 9 / 10).copied().unwrap_or(80).max(40)
}

/// Whether a line reaches the right margin without ending a sentence: its text continues on
/// the next line.
fn wraps(text: &str, ctx: &Ctx) -> bool {
    let chars = text.chars().count();
    chars * 10 >= ctx.width * 6 && chars >= 40 && !text.ends_with(['.', '!', '?', ';', ':'])
}

fn blocks(lines: &[Raw], ctx: &Ctx) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        match &l.kind {
            Kind::Blank => i += 1,
            Kind::Adornment(c) => {
                // An overline, a title and its underline.
                if i + 2 < lines.len()
                    && lines[i + 1].kind == Kind::Text
                    && lines[i + 2].kind == Kind::Adornment(*c)
                {
                    out.push(heading(&lines[i + 1], level_of(*c)));
                    i += 3;
                } else {
                    out.push(Block::new(BlockKind::Rule, l.no));
                    i += 1;
                }
            }
            Kind::Item { .. } => {
                let (list, next) = list(lines, i, ctx);
                out.push(list);
                i = next;
            }
            Kind::Text => i = text_block(lines, i, ctx, &mut out),
        }
    }
    merge_adjacent(out)
}

fn level_of(c: char) -> u8 {
    match c {
        '=' | '#' => 1,
        '-' | '*' => 2,
        _ => 3,
    }
}

fn heading(l: &Raw, level: u8) -> Block {
    Block::new(BlockKind::Heading { level, content: text_inlines(&l.text) }, l.no)
}

fn text_inlines(text: &str) -> Vec<Inline> {
    let t = crate::parse::doc::collapse(text);
    if t.is_empty() { Vec::new() } else { vec![Inline::Text(t)] }
}

/// The line under `i` underlines it, as long as a heading would be.
fn underlined(lines: &[Raw], i: usize) -> Option<u8> {
    // A bracketed remark is no title: it belongs to the heading above it.
    if remark(&lines[i].text) {
        return None;
    }
    let next = lines.get(i + 1)?;
    let Kind::Adornment(c) = next.kind else { return None };
    let title = lines[i].text.chars().count();
    let rule = next.text.chars().count();
    let heading_like = title <= 80 && !lines[i].text.ends_with(['.', ',', ';']);
    (heading_like && (rule + 2 >= title || title <= 40)).then(|| level_of(c))
}

/// "(see below for details)": a line that is one bracketed remark.
fn remark(text: &str) -> bool {
    text.starts_with('(') && text.ends_with(')') && text.matches('(').count() == 1
}

/// "SKILLS ⏎ (see below) ⏎ ------": a heading with a bracketed remark between it and its
/// underline; the remark goes with the heading.
fn remarked_heading(lines: &[Raw], i: usize) -> Option<u8> {
    let l = lines.get(i + 1)?;
    if l.kind != Kind::Text || !remark(&l.text) || !heading_like(&lines[i].text) {
        return None;
    }
    let Kind::Adornment(c) = lines.get(i + 2)?.kind else { return None };
    (lines[i + 2].text.chars().count() + 2 >= lines[i].text.chars().count()).then(|| level_of(c))
}

/// A numbered heading's level and text ("1.3.1 Acme" → 3, "Acme").
fn numbered_heading(text: &str, ctx: &Ctx) -> Option<(u8, String)> {
    let (level, rest_len) = numbered_heading_parts(text, ctx.numbered_multi)?;
    Some((level, text[text.len() - rest_len..].to_string()))
}

/// A line's leading number ("1.3") and the text after it, when it has one.
pub fn numbered(text: &str) -> Option<(&str, &str)> {
    let c = NUMBERED.captures(text)?;
    Some((c.get(1)?.as_str(), c.get(3)?.as_str()))
}

/// A numbered heading: its level (the parts of its number) and the length in bytes of its
/// text after the number. A single number ("2 Summary") counts only in a document that also
/// numbers with dots (`multi`); "2." opens a list item, not a heading.
pub fn numbered_heading_parts(text: &str, multi: bool) -> Option<(u8, usize)> {
    let c = NUMBERED.captures(text)?;
    let parts = c[1].split('.').count() as u8;
    let rest = c.get(3)?;
    let numbered = parts > 1 || (multi && c[2].is_empty());
    // A heading's first word is not all lower case ("eXtropia.com" is a name); "1.5 years"
    // is a number.
    let first = rest.as_str().split_whitespace().next().unwrap_or("");
    let capital = first.chars().any(|c| !c.is_lowercase());
    (numbered && capital && heading_like(rest.as_str()))
        .then_some((parts, text.len() - rest.start()))
}

/// Short, no sentence end: could be a heading or a title line.
fn heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=12).contains(&words) && !text.ends_with(['.', ';', ',']) && text.chars().count() <= 100
}

/// An ALL-CAPS line set apart as a heading: standing alone (a blank line or an underline
/// after it) or naming a section, at the start of a group.
fn caps_heading(lines: &[Raw], i: usize) -> bool {
    let t = &lines[i].text;
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let caps = letters >= 3
        && in_capitals(t)
        && t.split_whitespace().count() <= 6
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', ',', ';'])
        && !t.contains('@');
    if !caps {
        return false;
    }
    let starts_group = i == 0 || lines[i - 1].kind == Kind::Blank;
    let alone = lines.get(i + 1).is_none_or(|n| n.kind == Kind::Blank);
    starts_group && (alone || sections::section(t).is_some())
}

/// Written in capitals: no lower-case letter, or only in short joining words between words
/// in capitals ("TOOLS and KILNS", "POTS OF CLAY").
fn in_capitals(text: &str) -> bool {
    let words: Vec<&str> =
        text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let joining = |w: &&str| w.chars().count() <= 3 && w.chars().all(char::is_lowercase);
    let capital = |w: &&str| !w.chars().any(char::is_lowercase);
    words.iter().all(|w| capital(w) || joining(w))
        && (words.iter().all(capital) || words.iter().any(|w| capital(w) && w.chars().count() >= 4))
}

/// Cells of a line set apart by wide gaps or leaders; one cell for an ordinary line.
fn cells(text: &str) -> Vec<String> {
    let led;
    let text = if LEADER.is_match(text) {
        led = LEADER.replace_all(text, "   ");
        led.as_ref()
    } else {
        text
    };
    if !text.contains("   ") {
        return vec![text.to_string()];
    }
    GAP.split(text).map(str::trim).filter(|c| !c.is_empty()).map(str::to_string).collect()
}

/// Reads the text block starting at `i` (a heading, a definition, table rows or a paragraph);
/// returns where the next block starts.
fn text_block(lines: &[Raw], i: usize, ctx: &Ctx, out: &mut Vec<Block>) -> usize {
    let l = &lines[i];
    if let Some(level) = underlined(lines, i) {
        out.push(heading(l, level));
        return i + 2;
    }
    if let Some(level) = remarked_heading(lines, i) {
        out.push(heading(l, level));
        return i + 3;
    }
    let starts_group = i == 0 || !matches!(lines[i - 1].kind, Kind::Text);
    if let Some((level, rest)) = numbered_heading(&l.text, ctx)
        && (starts_group || !wraps(&lines[i - 1].text, ctx))
    {
        out.push(Block::new(BlockKind::Heading { level, content: text_inlines(&rest) }, l.no));
        return i + 1;
    }
    if caps_heading(lines, i) {
        out.push(heading(l, 2));
        return i + 1;
    }
    if let Some(next) = definition(lines, i, ctx, out) {
        return next;
    }
    if cells(&l.text).len() > 1 {
        return table(lines, i, out);
    }
    paragraph(lines, i, ctx, out)
}

/// A short line with lines indented under it: a term and its description.
fn definition(lines: &[Raw], i: usize, ctx: &Ctx, out: &mut Vec<Block>) -> Option<usize> {
    let l = &lines[i];
    if !starts_definition(lines, i) || matches!(lines[i + 1].kind, Kind::Adornment(_)) {
        return None;
    }
    let mut end = i + 1;
    while end < lines.len() {
        let n = &lines[end];
        if n.kind == Kind::Blank {
            // A blank line inside the description when more indented lines follow.
            let more = lines[end..].iter().find(|x| x.kind != Kind::Blank);
            if more.is_some_and(|m| m.indent >= l.indent + 2) {
                end += 1;
                continue;
            }
            break;
        }
        if n.indent < l.indent + 2 {
            break;
        }
        end += 1;
    }
    let body = dedent(&lines[i + 1..end]);
    out.push(Block::new(
        BlockKind::Definitions(vec![Definition {
            term: text_inlines(&l.text),
            body: blocks(&body, ctx),
        }]),
        l.no,
    ));
    Some(end)
}

/// Whether line `i` is a term with an indented description under it.
fn starts_definition(lines: &[Raw], i: usize) -> bool {
    let (l, next) = (&lines[i], lines.get(i + 1));
    next.is_some_and(|n| n.kind != Kind::Blank && n.indent >= l.indent + 2)
        && heading_like(&l.text)
        && cells(&l.text).len() == 1
}

/// Lines with their common indentation removed (items keep their text column relative).
fn dedent(lines: &[Raw]) -> Vec<Raw> {
    let min = lines.iter().filter(|l| l.kind != Kind::Blank).map(|l| l.indent).min().unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            let mut l = l.clone();
            l.indent = l.indent.saturating_sub(min);
            if let Kind::Item { marker, text_col } = l.kind {
                l.kind = Kind::Item { marker, text_col: text_col.saturating_sub(min) };
            }
            l
        })
        .collect()
}

/// Consecutive lines with cells: table rows, or fields when every row is `Label:<gap>value`.
fn table(lines: &[Raw], i: usize, out: &mut Vec<Block>) -> usize {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut end = i;
    while end < lines.len() && lines[end].kind == Kind::Text {
        let c = cells(&lines[end].text);
        if c.len() < 2 {
            break;
        }
        rows.push(c);
        end += 1;
    }
    let field = |r: &Vec<String>| r.len() == 2 && (r[0].ends_with(':') || r[1].starts_with(':'));
    if rows.iter().all(field) {
        let fields = rows
            .iter()
            .map(|r| Field {
                key: text_inlines(r[0].trim_end_matches(':').trim()),
                value: text_inlines(r[1].trim_start_matches(':').trim()),
            })
            .collect();
        out.push(Block::new(BlockKind::Fields(fields), lines[i].no));
    } else {
        let rows = rows
            .into_iter()
            .zip(&lines[i..end])
            .map(|(r, l)| Row {
                cells: r
                    .iter()
                    .map(|c| vec![Block::new(BlockKind::Para(text_inlines(c)), l.no)])
                    .collect(),
                header: false,
            })
            .collect();
        out.push(Block::new(BlockKind::Table(rows), lines[i].no));
    }
    end
}

/// Consecutive text lines up to a blank line, an item, a heading, a row of cells or an
/// indented block: one paragraph, its lines joined by soft breaks.
fn paragraph(lines: &[Raw], i: usize, ctx: &Ctx, out: &mut Vec<Block>) -> usize {
    let mut content: Vec<Inline> = text_inlines(&lines[i].text);
    let mut end = i + 1;
    while end < lines.len() {
        let n = &lines[end];
        let stops = n.kind != Kind::Text
            || underlined(lines, end).is_some()
            || numbered_heading(&n.text, ctx).is_some() && !wraps(&lines[end - 1].text, ctx)
            || cells(&n.text).len() > 1
            || n.indent >= lines[i].indent + 2
            || starts_definition(lines, end);
        if stops {
            break;
        }
        content.push(Inline::SoftBreak);
        content.extend(text_inlines(&n.text));
        end += 1;
    }
    out.push(Block::new(BlockKind::Para(content), lines[i].no));
    end
}

/// Reads a list starting at item `i`: items with the same marker at the same indentation;
/// deeper lines and items with another glyph right under an item nest in it.
fn list(lines: &[Raw], i: usize, ctx: &Ctx) -> (Block, usize) {
    let Kind::Item { marker, .. } = lines[i].kind else {
        return (Block::new(BlockKind::Rule, lines[i].no), i + 1);
    };
    let indent = lines[i].indent;
    let same = |l: &Raw| {
        matches!(l.kind, Kind::Item { marker: m, .. } if m == marker)
            && l.indent + 1 >= indent
            && l.indent <= indent + 1
    };
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut j = i;
    while j < lines.len() && same(&lines[j]) {
        let Kind::Item { text_col, .. } = lines[j].kind else { break };
        let start = j;
        // The item's own text, with its wrapped lines.
        let mut content = text_inlines(&lines[j].text);
        j += 1;
        while j < lines.len() && lines[j].kind == Kind::Text {
            let n = &lines[j];
            let prev = &lines[j - 1].text;
            let continues = n.indent + 1 >= text_col && n.indent > indent
                || n.text.starts_with(char::is_lowercase)
                || wraps(prev, ctx);
            if !continues || underlined(lines, j).is_some() {
                break;
            }
            content.push(Inline::SoftBreak);
            content.extend(text_inlines(&n.text));
            j += 1;
        }
        let mut item = vec![Block::new(BlockKind::Para(content), lines[start].no)];
        // What nests under it: deeper lines, and items of another glyph right below.
        let mut k = j;
        let mut in_run = false;
        while let Some(n) = lines.get(k) {
            let deeper = n.kind != Kind::Blank && n.indent > indent + 1;
            let other_glyph = matches!(n.kind, Kind::Item { marker: m, .. } if m != marker)
                && n.indent + 1 >= indent;
            let run_text = in_run && n.kind == Kind::Text && n.indent > indent && !same(n);
            if deeper || run_text || other_glyph && (k == j || in_run) {
                in_run = true;
                k += 1;
                continue;
            }
            // A blank line inside the nested lines, when more of them follow.
            let more = lines[k..].iter().find(|x| x.kind != Kind::Blank);
            if n.kind == Kind::Blank && more.is_some_and(|m| m.indent > indent + 1) {
                in_run = false;
                k += 1;
                continue;
            }
            break;
        }
        if k > j {
            item.extend(blocks(&dedent(&lines[j..k]), ctx));
        }
        items.push(item);
        j = k;
        // A blank line between items keeps the list going (a loose list).
        let mut b = j;
        while b < lines.len() && lines[b].kind == Kind::Blank {
            b += 1;
        }
        if b > j && b < lines.len() && same(&lines[b]) {
            j = b;
        }
    }
    let ordered = marker == Marker::Ordered;
    (Block::new(BlockKind::List { ordered, items }, lines[i].no), j.max(i + 1))
}

/// Consecutive definitions, fields and tables are one block each.
fn merge_adjacent(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        match (out.last_mut().map(|l| &mut l.kind), b.kind) {
            (Some(BlockKind::Definitions(prev)), BlockKind::Definitions(more)) => prev.extend(more),
            (Some(BlockKind::Fields(prev)), BlockKind::Fields(more)) => prev.extend(more),
            (_, kind) => out.push(Block { kind, pos: b.pos }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> String {
        read(&super::super::normalise::normalise(text), 1).outline()
    }

    #[test]
    fn headings_from_underlines_numbers_and_capitals() {
        assert_eq!(
            outline("Ada Example\n===========\n\nEXPERIENCE\n\n1.2 Work history\nAcme\n"),
            "H1@1 Ada Example\nH2@4 EXPERIENCE\nH2@6 Work history\nP@7 Acme\n"
        );
        assert_eq!(outline("SKILLS\n------\nRust\n"), "H2@1 SKILLS\nP@3 Rust\n");
        // Short joining words in lower case do not take a heading out of capitals.
        assert_eq!(
            outline("TOOLS and KILNS\n\nPatience\n\nIT and HR\n\nArt and Craft\n"),
            "H2@1 TOOLS and KILNS\nP@3 Patience\nP@5 IT and HR\nP@7 Art and Craft\n"
        );
        // A bracketed remark between a heading and its underline goes with the heading.
        assert_eq!(
            outline("TOOLS WE USE\n(see below)\n............\nRust\n"),
            "H3@1 TOOLS WE USE\nP@4 Rust\n"
        );
    }

    #[test]
    fn paragraphs_keep_their_line_breaks() {
        assert_eq!(
            outline("Acme\n2019 - 2020\nLead Engineer\n\nA long line of prose.\n"),
            "P@1 Acme ⏎ 2019 - 2020 ⏎ Lead Engineer\nP@5 A long line of prose.\n"
        );
    }

    #[test]
    fn lists_nest_by_indentation_and_by_glyph() {
        assert_eq!(
            outline(
                "• One\n  continued here\n• Two\n    - Two a\n• Three, including:\no\tSub one\no\tSub two\n• Four\n"
            ),
            "UL@1\n  -\n    P@1 One ⏎ continued here\n  -\n    P@3 Two\n    UL@4\n      -\n        P@4 Two a\n  -\n    P@5 Three, including:\n    UL@6\n      -\n        P@6 Sub one\n      -\n        P@7 Sub two\n  -\n    P@8 Four\n"
        );
        assert_eq!(
            outline("1.) First\n2) Second\n"),
            "OL@1\n  -\n    P@1 First\n  -\n    P@2 Second\n"
        );
    }

    #[test]
    fn gaps_make_cells_and_fields() {
        assert_eq!(
            outline("Acme Corp            Jan 2019 - Present\nSenior SRE\n"),
            "TABLE@1\n  row\n    |\n      P@1 Acme Corp\n    |\n      P@1 Jan 2019 - Present\nP@2 Senior SRE\n"
        );
        // Leaders of dashes or dots fill a gap like spaces do; "2019---2021" is one date.
        assert_eq!(
            outline("2019---2021    Initech, Inc. ------- Springfield, IL\nTitle........2018\n"),
            "TABLE@1\n  row\n    |\n      P@1 2019---2021\n    |\n      P@1 Initech, Inc.\n    |\n      P@1 Springfield, IL\n  row\n    |\n      P@2 Title\n    |\n      P@2 2018\n"
        );
        assert_eq!(
            outline("Phone:\t\t+1 555 0100\nEmail:\t\tada@example.org\n"),
            "FIELDS@1\n  Phone = +1 555 0100\n  Email = ada@example.org\n"
        );
    }

    #[test]
    fn indented_lines_under_a_term_are_its_description() {
        assert_eq!(
            outline("Languages\n    Rust, Go\nTools\n    Git\n"),
            "DL@1\n  term Languages\n    P@2 Rust, Go\n  term Tools\n    P@4 Git\n"
        );
    }

    #[test]
    fn tables_of_contents_and_page_repeats_go() {
        let t = "1 Ada   1\n2 Summary   1\n3 Work   2\n\nA line long enough to be repeated on the next page.\nA line long enough to be repeated on the next page.\n";
        let t = blank_table_of_contents(&super::super::normalise::normalise(t));
        assert_eq!(
            read(&t, 1).outline(),
            "P@5 A line long enough to be repeated on the next page.\n"
        );
    }
}
