//! Lines in reading order into document blocks: headings from size, weight, capitals,
//! small caps and letter-spacing; bullets into lists; lines with cells into table rows (with
//! the lines that hang under a cell); wrapped lines into paragraphs joined by soft breaks.

use crate::parse::doc::{Block, BlockKind, Inline, InlineBuf, Layout, Pos, Row};

use super::extract::Link;
use super::layout::{BULLETS, Line, Word, has_year};
use super::repair::{Join, joins_hyphenated};

/// What the whole document says about its text, for judging one line.
pub struct Typography {
    /// The most common font size, weighted by characters.
    pub body: f32,
    /// The largest font size on the first page.
    pub biggest: f32,
    /// The most common distance between the baselines of consecutive body-size lines, in
    /// points: the document's line pitch (generous in some exports, 1.7 sizes or more).
    pub pitch: f32,
}

impl Typography {
    pub fn of(lines: &[Line]) -> Typography {
        let mut sizes: Vec<(i32, usize)> = Vec::new();
        for w in lines.iter().flat_map(Line::words) {
            let key = (w.size * 2.0).round() as i32;
            match sizes.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += w.text.chars().count(),
                None => sizes.push((key, w.text.chars().count())),
            }
        }
        let body =
            sizes.iter().max_by_key(|(_, n)| *n).map(|(k, _)| *k as f32 / 2.0).unwrap_or(10.0);
        let biggest = lines.iter().filter(|l| l.page == 0).map(Line::size).fold(0.0, f32::max);
        let pitches = lines.windows(2).filter_map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let d = b.y() - a.y();
            let alike = same_flow(a, b) && (a.size() - b.size()).abs() < 0.6;
            (alike && d > 0.9 * a.size() && d < 2.5 * a.size()).then_some((d, 1))
        });
        Typography { body, biggest, pitch: mode(pitches) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Heading(u8),
    Bullet,
    Row,
    Text,
}

/// Builds the blocks of a document from its lines; `furniture` marks running header and
/// footer lines (read with the document's header), `links` are each page's link areas.
pub fn build(
    lines: &[Line],
    furniture: &[bool],
    links: &[Vec<Link>],
    t: &Typography,
    first_line: u32,
) -> Vec<Block> {
    let lines: Vec<Line> = lines.iter().map(|l| without_section_number(l, t)).collect();
    let lines = lines.as_slice();
    let columns = column_styles(lines, t);
    let kinds: Vec<Kind> = lines
        .iter()
        .map(|l| {
            let style = columns.iter().find(|c| c.page == l.page && c.column == l.column);
            classify(l, t, style)
        })
        .collect();
    let kinds = demote_glued_headings(lines, kinds);
    let kinds = top_level_on_every_page(lines, kinds);
    let kinds = smaller_headings_nested(lines, kinds);
    let kinds = subordinate_to_margin_labels(lines, &columns, kinds);
    let order = reading_order(lines, &kinds, furniture);
    let lines: Vec<Line> = order.iter().map(|&i| lines[i].clone()).collect();
    let kinds: Vec<Kind> = order.iter().map(|&i| kinds[i]).collect();
    let lines = lines.as_slice();
    let mut out: Vec<Block> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let line = &lines[k];
        let number = first_line + k as u32;
        let page_links = links.get(line.page as usize).map(Vec::as_slice).unwrap_or(&[]);
        match kinds[k] {
            Kind::Heading(level) => {
                // A heading wrapped over lines (a name on two lines) is one heading.
                let mut end = k + 1;
                while end < lines.len()
                    && kinds[end] == Kind::Heading(level)
                    && same_flow(line, &lines[end])
                    && gap(&lines[end - 1], &lines[end]) < 1.7
                    && (lines[end].size() - line.size()).abs() < 0.5
                {
                    end += 1;
                }
                let group: Vec<&Line> = lines[k..end].iter().collect();
                let content = inlines(&group, page_links, true);
                // Icons alone on a line leave no text: no heading.
                if !content.is_empty() {
                    out.push(block(BlockKind::Heading { level, content }, &group, number));
                }
                k = end;
            }
            Kind::Bullet => {
                let mut items = Vec::new();
                let start = k;
                while k < lines.len()
                    && kinds[k] == Kind::Bullet
                    && same_flow(&lines[start], &lines[k])
                {
                    if lines[k].cells.len() > 1 {
                        for cell in &lines[k].cells {
                            let own = Line { cells: vec![cell.clone()], ..lines[k].clone() };
                            let content = inlines(&[&own], page_links, false);
                            items.push(vec![block(
                                BlockKind::Para(content),
                                &[&own],
                                first_line + k as u32,
                            )]);
                        }
                        k += 1;
                        continue;
                    }
                    let end = continuation_end(lines, &kinds, k, t);
                    let item_lines: Vec<&Line> = lines[k..end].iter().collect();
                    let content = inlines(&item_lines, page_links, false);
                    let para = block(BlockKind::Para(content), &item_lines, first_line + k as u32);
                    // An item indented past the list's first is nested in the item before it.
                    let nested = lines[k].x0() > lines[start].x0() + 0.8 * lines[k].size();
                    match items.last_mut() {
                        Some(prev) if nested => push_nested(prev, para),
                        _ => items.push(vec![para]),
                    }
                    k = end;
                }
                let group: Vec<&Line> = lines[start..k].iter().collect();
                out.push(block(BlockKind::List { ordered: false, items }, &group, number));
            }
            Kind::Row => {
                let start = k;
                let left = columns
                    .iter()
                    .find(|c| c.page == line.page && c.column == line.column)
                    .map(|c| c.left);
                let mut rows = Vec::new();
                while k < lines.len()
                    && kinds[k] == Kind::Row
                    && same_flow(&lines[start], &lines[k])
                {
                    let (row, end) = table_row(lines, &kinds, t, k, page_links, first_line, left);
                    rows.push(row);
                    k = end;
                }
                let group: Vec<&Line> = lines[start..k].iter().collect();
                out.push(block(BlockKind::Table(rows), &group, number));
            }
            Kind::Text => {
                let end = paragraph_end(lines, &kinds, k, t);
                let para: Vec<&Line> = lines[k..end].iter().collect();
                let content = inlines(&para, page_links, false);
                if !content.is_empty() {
                    out.push(block(BlockKind::Para(content), &para, number));
                }
                k = end;
            }
        }
    }
    out
}

/// A numbered section heading ("2" or "2.1", then the title a quad further on, in the same
/// type) without its number: the number sets the two apart as cells, and it is the
/// typesetter's counter, not words of the title.
fn without_section_number(line: &Line, t: &Typography) -> Line {
    if let [number, title] = line.cells.as_slice() {
        let digits = number.text();
        let is_number = digits.len() <= 6
            && digits
                .trim_end_matches('.')
                .split('.')
                .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
        let same_type = (number.size - title.size).abs() < 0.5
            && number.words.iter().all(|w| w.bold) == title.words.iter().all(|w| w.bold);
        if is_number && same_type {
            let titled = Line { cells: vec![title.clone()], ..line.clone() };
            if heading_level(&titled, t, t.body).is_some() {
                return titled;
            }
        }
    }
    line.clone()
}

/// Headings of two sizes are two levels: where the largest heading size heads two parts of
/// the document or more, and a column opens with one of them, a heading clearly smaller than
/// that size further down the column (a school under the studies heading, a group under the
/// skills heading) is
/// nested under the one above it, at level 3. A column that opens with small headings (labels
/// in a margin beside larger entry titles, a sidebar's sections) keeps them as sections.
fn smaller_headings_nested(lines: &[Line], mut kinds: Vec<Kind>) -> Vec<Kind> {
    let sizes: Vec<f32> = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == Kind::Heading(2))
        .map(|(l, _)| l.size())
        .collect();
    let top = sizes.iter().copied().fold(0.0, f32::max);
    if sizes.iter().filter(|&&s| s >= top * 0.95).count() < 2 {
        return kinds;
    }
    // The name signed under the last section repeats the title: a sign-off, not a sub-heading.
    let titles: Vec<String> = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == Kind::Heading(1))
        .map(|(l, _)| l.text().to_lowercase())
        .collect();
    // Each column (by its number on the page) that has a heading: whether its first is large.
    let mut opened: Vec<(u8, bool)> = Vec::new();
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        if *kind != Kind::Heading(2) || titles.contains(&line.text().to_lowercase()) {
            continue;
        }
        match opened.iter().find(|(c, _)| *c == line.column) {
            None => opened.push((line.column, line.size() >= top * 0.95)),
            Some((_, true)) if line.size() * 1.15 < top => *kind = Kind::Heading(3),
            Some(_) => {}
        }
    }
    kinds
}

/// A line that reads on from the line just above it (same flow, same size, normal line
/// spacing) is not a heading, however large its type: a wrapped title, or the headline
/// under a name.
fn demote_glued_headings(lines: &[Line], mut kinds: Vec<Kind>) -> Vec<Kind> {
    for k in 1..lines.len() {
        let (prev, line) = (&lines[k - 1], &lines[k]);
        if !matches!(kinds[k], Kind::Heading(2)) || !same_flow(prev, line) {
            continue;
        }
        let caps_or_bold = line.words().all(|w| w.bold || w.spaced || w.small_caps)
            || !line.text().chars().any(char::is_lowercase);
        let glued = gap(prev, line) < 1.6
            && (prev.size() - line.size()).abs() < 0.6
            && !matches!(kinds[k - 1], Kind::Heading(_));
        let under_name = matches!(kinds[k - 1], Kind::Heading(1)) && gap(prev, line) < 2.6;
        if glued || under_name && !caps_or_bold {
            kinds[k] = Kind::Text;
        }
    }
    kinds
}

/// A heading set like a top-level heading of the first page (a section heading as large as
/// the name) is top-level wherever it stands: the page it is on does not change its rank.
/// The first page's first top-level heading, the name, does not count: a later page's large
/// line beside nothing else of its size is still a section heading.
fn top_level_on_every_page(lines: &[Line], mut kinds: Vec<Kind>) -> Vec<Kind> {
    let first_page: Vec<f32> = lines
        .iter()
        .zip(&kinds)
        .filter(|(l, k)| l.page == 0 && **k == Kind::Heading(1))
        .skip(1)
        .map(|(l, _)| l.size())
        .collect();
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        let alike = first_page.iter().any(|&s| (line.size() - s).abs() <= 0.03 * s);
        if line.page > 0 && *kind == Kind::Heading(2) && alike {
            *kind = Kind::Heading(1);
        }
    }
    kinds
}

/// On a first page, what each column holds above its first heading (a name and headline on
/// the left, contact lines on the right) is the page's header: read all of it first, column
/// by column, then the running headers and footers (page furniture, often the contact
/// details), then the rest in order.
fn reading_order(lines: &[Line], kinds: &[Kind], furniture: &[bool]) -> Vec<usize> {
    let is_furniture = |i: usize| furniture.get(i).copied().unwrap_or(false);
    let first_page: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].page == 0).collect();
    let columns: std::collections::BTreeSet<u8> =
        first_page.iter().map(|&i| lines[i].column).collect();
    // A column without a heading of its own is header only beside the top of the page: above
    // the first heading of the columns that have one (a long sidebar of entries is not).
    let top = first_page
        .iter()
        .filter(|&&i| matches!(kinds[i], Kind::Heading(2)))
        .map(|&i| lines[i].y())
        .fold(f32::MAX, f32::min);
    let mut head = Vec::new();
    for c in &columns {
        let in_column: Vec<usize> =
            first_page.iter().copied().filter(|&i| lines[i].column == *c).collect();
        let headed = in_column.iter().any(|&i| matches!(kinds[i], Kind::Heading(2)));
        for &i in &in_column {
            if matches!(kinds[i], Kind::Heading(2)) || !headed && lines[i].y() >= top {
                break;
            }
            if !is_furniture(i) {
                head.push(i);
            }
        }
    }
    let mut in_head = vec![false; lines.len()];
    for &i in &head {
        in_head[i] = true;
    }
    let moved = (0..lines.len()).filter(|&i| is_furniture(i));
    let rest = (0..lines.len()).filter(|&i| !in_head[i] && !is_furniture(i));
    head.iter().copied().chain(moved).chain(rest).collect()
}

/// The body size and main left edge of one column run.
struct ColumnStyle {
    page: u16,
    column: u8,
    body: f32,
    left: f32,
}

fn column_styles(lines: &[Line], t: &Typography) -> Vec<ColumnStyle> {
    let mut out: Vec<ColumnStyle> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let end =
            lines[k..].iter().position(|l| !same_flow(&lines[k], l)).map_or(lines.len(), |n| k + n);
        let run = &lines[k..end];
        let words: Vec<&Word> = run.iter().flat_map(Line::words).collect();
        let body = if words.len() >= 8 {
            mode(words.iter().map(|w| (w.size, w.text.len())))
        } else {
            t.body
        };
        let left = mode(run.iter().map(|l| (l.x0(), l.text().len())));
        out.push(ColumnStyle { page: lines[k].page, column: lines[k].column, body, left });
        k = end;
    }
    out
}

/// The value with the most weight, values within half a point counted together.
fn mode(items: impl Iterator<Item = (f32, usize)>) -> f32 {
    let mut buckets: Vec<(i32, usize)> = Vec::new();
    for (v, n) in items {
        let key = (v * 2.0).round() as i32;
        match buckets.iter_mut().find(|(k, _)| *k == key) {
            Some((_, m)) => *m += n,
            None => buckets.push((key, n)),
        }
    }
    buckets.iter().max_by_key(|(_, n)| *n).map_or(0.0, |(k, _)| *k as f32 / 2.0)
}

/// Adds an item to the nested list at the end of `item`, starting one if needed.
fn push_nested(item: &mut Vec<Block>, para: Block) {
    if let Some(Block { kind: BlockKind::List { items, .. }, .. }) = item.last_mut() {
        items.push(vec![para]);
        return;
    }
    let pos = para.pos.clone();
    item.push(Block { kind: BlockKind::List { ordered: false, items: vec![vec![para]] }, pos });
}

fn classify(line: &Line, t: &Typography, style: Option<&ColumnStyle>) -> Kind {
    if line.cells.len() > 1 {
        // Bulleted items set in a grid are list items, row by row.
        let all_bullets = line
            .cells
            .iter()
            .all(|c| bullet_start(&Line { cells: vec![c.clone()], ..line.clone() }).is_some());
        return if all_bullets { Kind::Bullet } else { Kind::Row };
    }
    if bullet_start(line).is_some() {
        return Kind::Bullet;
    }
    let body = style.map_or(t.body, |s| s.body.min(t.body));
    if let Some(level) = heading_level(line, t, body) {
        return Kind::Heading(level);
    }
    if style.is_some_and(|s| margin_label(line, s)) {
        return Kind::Heading(2);
    }
    Kind::Text
}

/// A short label alone in the margin left of where the column's text starts: it heads the
/// part beside and below it. An icon alone there is no label.
fn margin_label(line: &Line, s: &ColumnStyle) -> bool {
    let text = line.text();
    line.x1() < s.left - line.size()
        && line.words().count() <= 4
        && !text.chars().any(|c| c.is_ascii_digit())
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Where the sections of a column are headed by labels in its margin, a heading set in the
/// column's text (an entry's title in larger type) is one level below them.
fn subordinate_to_margin_labels(
    lines: &[Line],
    styles: &[ColumnStyle],
    mut kinds: Vec<Kind>,
) -> Vec<Kind> {
    let style_of = |l: &Line| styles.iter().find(|c| c.page == l.page && c.column == l.column);
    let labelled: Vec<(u16, u8)> = lines
        .iter()
        .zip(&kinds)
        .filter(|(l, k)| **k == Kind::Heading(2) && style_of(l).is_some_and(|s| margin_label(l, s)))
        .map(|(l, _)| (l.page, l.column))
        .collect();
    // One label is not a pattern (a signature below the text, a stray caption).
    let runs: Vec<(u16, u8)> = labelled
        .iter()
        .filter(|r| labelled.iter().filter(|o| o == r).count() >= 2)
        .copied()
        .collect();
    for (l, k) in lines.iter().zip(kinds.iter_mut()) {
        let in_text =
            style_of(l).is_some_and(|s| !margin_label(l, s) && l.x0() >= s.left - l.size());
        if *k == Kind::Heading(2) && in_text && runs.contains(&(l.page, l.column)) {
            *k = Kind::Heading(3);
        }
    }
    kinds
}

/// The bullet glyph a line starts with, set apart from the text after it: returns how many
/// characters of the first word it takes.
fn bullet_start(line: &Line) -> Option<usize> {
    let first = line.cells.first()?.words.first()?;
    let mut chars = first.text.chars();
    let c = chars.next()?;
    let more_words = line.words().count() > 1;
    if first.missing && first.text.is_empty() && more_words {
        return Some(0);
    }
    // A letter in a symbol font set apart from the text: Word's "o" and Wingdings bullets.
    let symbol_letter = first.symbol && first.text.chars().count() == 1 && more_words;
    if !BULLETS.contains(&c) && !symbol_letter {
        return None;
    }
    let rest: String = chars.collect();
    if rest.trim().is_empty() && more_words {
        return Some(first.text.chars().count());
    }
    // "•Item" glued to its bullet; a dash glued to a word is a hyphenated word, not a bullet.
    (!matches!(c, '-' | '–' | '—' | '*') && rest.chars().next().is_some_and(char::is_alphanumeric))
        .then_some(1)
}

fn heading_level(line: &Line, t: &Typography, body: f32) -> Option<u8> {
    let words: Vec<&Word> = line.words().collect();
    let text = line.text();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if words.is_empty() || words.len() > 8 || letters.len() < 2 {
        return None;
    }
    if text.ends_with([',', ';'])
        || text.contains('@')
        || text.chars().any(|c| c.is_ascii_digit()) && words.len() > 3
    {
        return None;
    }
    let size = line.size();
    if size >= t.biggest * 0.97 && size >= t.body * 1.4 && line.page == 0 {
        return Some(1);
    }
    // A little under the ratio: the body size is rounded to half points, and TeX's 12pt over
    // 10pt is 11.955 over 9.963 PDF points.
    let big = size >= body * 1.2 - 0.05;
    let caps = letters.iter().all(|c| !c.is_lowercase());
    let bold = words.iter().all(|w| w.bold);
    let spaced = words.iter().any(|w| w.spaced);
    let small_caps = words.iter().all(|w| w.small_caps);
    let short = words.len() <= 5 && !text.ends_with('.');
    let heading = short && (big || spaced || small_caps || caps && (bold || size >= body * 1.05));
    heading.then_some(2)
}

/// Whether two lines belong to the same column run (a list or table does not continue
/// across columns or pages).
fn same_flow(a: &Line, b: &Line) -> bool {
    a.page == b.page && a.column == b.column
}

/// The vertical distance from one line's baseline to the next, in the first line's size.
fn gap(a: &Line, b: &Line) -> f32 {
    (b.y() - a.y()) / a.size().max(1.0)
}

/// Whether `line` is the next line of the same text block as `prev`: below it by less than
/// 1.7 sizes, or by no more than the document's line pitch.
fn runs_on(prev: &Line, line: &Line, t: &Typography) -> bool {
    let d = line.y() - prev.y();
    let size = prev.size().max(1.0);
    d > 0.0 && (d < 1.7 * size || d <= t.pitch * 1.05 && d < 2.2 * size)
}

/// Whether `line`, the first line of the next page in the same column, carries on the
/// sentence `prev` left unfinished at the foot of its page: a paragraph or an item broken by
/// the page turn, set at the same indent and in the same size and weight.
fn turns_page(prev: &Line, line: &Line) -> bool {
    let text = prev.text();
    let unfinished = !text.trim_end().ends_with(['.', '!', '?', ':', ';']);
    line.page == prev.page + 1
        && line.column == prev.column
        && line.cells.len() == 1
        && unfinished
        && (line.x0() - prev.x0()).abs() < line.size().max(1.0)
        && (line.size() - prev.size()).abs() < 0.6
        && bold_alike(prev, line)
}

/// Lines after a bullet that continue its item: in the same flow, close below, indented at
/// least as far as the item's text (or at the top of the next page, where the page turn
/// broke the item).
fn continuation_end(lines: &[Line], kinds: &[Kind], start: usize, t: &Typography) -> usize {
    let head = &lines[start];
    let text_x = head
        .words()
        .nth(usize::from(
            bullet_start(head) == Some(1)
                && head.words().next().is_some_and(|w| w.text.chars().count() == 1),
        ))
        .map_or(head.x0(), |w| w.x0);
    let mut k = start + 1;
    while k < lines.len() {
        let (prev, line) = (&lines[k - 1], &lines[k]);
        let joins = kinds[k] == Kind::Text
            && (same_flow(head, line) && runs_on(prev, line, t) || turns_page(prev, line))
            && line.x0() >= text_x - line.size() * 0.6;
        if !joins {
            break;
        }
        k += 1;
    }
    k
}

/// Where a paragraph ends: its lines share a flow (or are carried over a page turn), close
/// spacing, a similar size and one indent level.
fn paragraph_end(lines: &[Line], kinds: &[Kind], start: usize, t: &Typography) -> usize {
    let mut k = start + 1;
    while k < lines.len() {
        let (prev, line) = (&lines[k - 1], &lines[k]);
        let size_ratio = line.size() / prev.size().max(1.0);
        let joins = kinds[k] == Kind::Text
            && (same_flow(prev, line) && runs_on(prev, line, t) || turns_page(prev, line))
            && (0.85..=1.18).contains(&size_ratio)
            && (line.x0() - prev.x0()).abs() < 3.0 * prev.size().max(1.0)
            && bold_alike(prev, line);
        if !joins {
            break;
        }
        k += 1;
    }
    k
}

/// A line set all in bold does not continue a line in regular weight, nor the reverse.
fn bold_alike(a: &Line, b: &Line) -> bool {
    let all_bold = |l: &Line| l.words().all(|w| w.bold);
    all_bold(a) == all_bold(b)
}

/// One table row: the line's cells, and the text lines hanging under a cell after it. `left`
/// is where the column's text starts (cells left of it sit in a margin).
fn table_row(
    lines: &[Line],
    kinds: &[Kind],
    t: &Typography,
    start: usize,
    links: &[Link],
    first_line: u32,
    left: Option<f32>,
) -> (Row, usize) {
    let head = &lines[start];
    let mut cells: Vec<Vec<Line>> = vec![Vec::new(); head.cells.len()];
    let mut k = start + 1;
    while k < lines.len() {
        let (prev, line) = (&lines[k - 1], &lines[k]);
        if !same_flow(head, line) || !runs_on(prev, line, t) {
            break;
        }
        if kinds[k] == Kind::Row {
            // A margin cell wrapped onto the next line ("May–Aug" over "2024") takes the
            // next row's cells as its own continuation.
            if !wrapped_margin_row(head, &cells[0], line) {
                break;
            }
            for (i, seg) in line.cells.iter().enumerate() {
                cells[i].push(Line { cells: vec![seg.clone()], ..line.clone() });
            }
            k += 1;
            continue;
        }
        if kinds[k] == Kind::Text && wrapped_margin_label(head, line, left) {
            cells[0].push(line.clone());
            k += 1;
            continue;
        }
        if kinds[k] != Kind::Text && kinds[k] != Kind::Bullet {
            break;
        }
        // The cell whose left edge the line starts under. Only a cell after the first holds
        // lines (a date in the margin and its entry beside it); lines under the first cell
        // are the body of an entry whose dates sit on the right.
        let Some(cell) = head.cells.iter().rposition(|c| c.x0 <= line.x0() + line.size()) else {
            break;
        };
        if cell == 0 {
            break;
        }
        cells[cell].push(line.clone());
        k += 1;
    }
    let row_cells = head
        .cells
        .iter()
        .enumerate()
        .map(|(i, seg)| {
            let own = Line { cells: vec![seg.clone()], ..head.clone() };
            let mut cell_lines: Vec<&Line> = vec![&own];
            cell_lines.extend(cells[i].iter());
            cell_blocks(&cell_lines, links, first_line + start as u32)
        })
        .collect();
    (Row { cells: row_cells, header: false }, k)
}

/// Whether a row of as many cells, right below, continues the row `head` opens: its margin
/// cell finishes a date the head's margin cell left unfinished (a range without its year,
/// or ending in a dash), and each of its cells starts under the head's cell.
fn wrapped_margin_row(head: &Line, so_far: &[Line], line: &Line) -> bool {
    if line.cells.len() != head.cells.len() || !so_far.is_empty() || head.cells.len() < 2 {
        return false;
    }
    let (above, below) = (head.cells[0].text(), line.cells[0].text());
    let unfinished = !has_year(&above) && has_year(&below)
        || above.trim_end().ends_with(['-', '–', '—']) && has_year(&below);
    let aligned =
        head.cells.iter().zip(&line.cells).skip(1).all(|(a, b)| (a.x0 - b.x0).abs() <= line.size());
    let under_margin = line.cells[0].x1 <= head.cells[1].x0;
    unfinished && aligned && under_margin
}

/// Whether `line`, alone under the margin cell of the row `head` opens, finishes that cell: a
/// label or date too long for its narrow margin column ("Zorblax" over "Quuxer"). It
/// lies wholly in the margin, lined up with the cell (left or right), in the cell's size, and
/// the row's next cell starts where the column's text does, so the first cell is a margin
/// and not the title of an entry whose dates sit on the right.
fn wrapped_margin_label(head: &Line, line: &Line, left: Option<f32>) -> bool {
    let (Some(left), [margin, text, ..]) = (left, head.cells.as_slice()) else { return false };
    let size = line.size().max(1.0);
    let is_margin = (text.x0 - left).abs() < size && margin.x1 < left;
    let in_margin = line.x1() <= text.x0 - 0.5 * size;
    let lined_up = (line.x0() - margin.x0).abs() < size || (line.x1() - margin.x1).abs() < size;
    is_margin && in_margin && lined_up && (line.size() - margin.size).abs() < 0.6
}

/// The blocks of a table cell's lines: paragraphs, and the bulleted lines under them as a
/// list (an entry's duties under its title, beside its dates).
fn cell_blocks(lines: &[&Line], links: &[Link], number: u32) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut list_start = 0;
    let mut k = 0;
    while k < lines.len() {
        let bullet = k > 0 && bullet_start(lines[k]).is_some();
        // A bullet's wrapped lines start right of its glyph; a paragraph's lines are not
        // bullets.
        let text_x = lines[k].words().nth(1).map_or(lines[k].x0(), |w| w.x0);
        let mut end = k + 1;
        while end < lines.len()
            && bullet_start(lines[end]).is_none()
            && (!bullet || lines[end].x0() >= text_x - lines[end].size() * 0.6)
        {
            end += 1;
        }
        let group = &lines[k..end];
        let para = block(BlockKind::Para(inlines(group, links, false)), group, number);
        if bullet {
            if items.is_empty() {
                list_start = k;
            }
            items.push(vec![para]);
        } else {
            if !items.is_empty() {
                let list = BlockKind::List { ordered: false, items: std::mem::take(&mut items) };
                out.push(block(list, &lines[list_start..k], number));
            }
            out.push(para);
        }
        k = end;
    }
    if !items.is_empty() {
        out.push(block(BlockKind::List { ordered: false, items }, &lines[list_start..], number));
    }
    out
}

/// What comes before a word: a space, a line break, a line break the column's width forced
/// (the word would not have fitted on the line above), or nothing (a word joined over a line
/// end).
#[derive(Clone, Copy, PartialEq)]
enum Sep {
    Space,
    Break,
    Wrap,
    /// An icon between two words of one line: a hard break.
    Icon,
    Join,
}

/// Whether the line above ended because `first`, the next line's first word, did not fit
/// before the column's right edge: the break is a wrap, and a bold or italic run goes on
/// across it.
fn forced_wrap(above: &Line, first: &Word) -> bool {
    let room = above.col_x1 - above.x1();
    room < (first.x1 - first.x0) + 0.3 * first.size.max(1.0)
}

/// A line's words without the empty ones (icons, bullets the font maps to nothing), each
/// marked when an icon stood between it and the word before: an icon between two items of a
/// line ("City (pin) phone (envelope) address") sets them apart like a line break.
fn drop_icons(words: Vec<Word>) -> Vec<(bool, Word)> {
    let (mut seen, mut icon) = (false, false);
    words
        .into_iter()
        .filter_map(|w| {
            if w.text.is_empty() {
                icon |= seen && w.missing;
                return None;
            }
            seen = true;
            Some((std::mem::take(&mut icon), w))
        })
        .collect()
}

/// The inline content of lines: words with bold and italic runs, links, soft breaks between
/// lines, hyphenated line ends joined, and a link split over two lines (an address wrapped at
/// the column edge) joined into one word.
fn inlines(lines: &[&Line], links: &[Link], heading: bool) -> Vec<Inline> {
    let mut words: Vec<(Sep, Word)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let skip = if n == 0 || !heading { bullet_start(line).unwrap_or(0) } else { 0 };
        let mut line_words: Vec<Word> = line.words().cloned().collect();
        if let Some(first) = line_words.first_mut() {
            first.text = first.text.chars().skip(skip).collect::<String>().trim_start().to_string();
        }
        for (i, (after_icon, w)) in drop_icons(line_words).into_iter().enumerate() {
            let sep = if i > 0 {
                if after_icon { Sep::Icon } else { Sep::Space }
            } else if let Some((_, prev)) = words.last_mut() {
                let target = |l: Option<usize>| l.and_then(|i| links.get(i)).map(|l| &l.target);
                let same_link = target(prev.link).is_some() && target(prev.link) == target(w.link);
                match joins_hyphenated(&prev.text, &w.text) {
                    _ if same_link => Sep::Join,
                    Some(Join::DropHyphen) => {
                        let t = prev.text.trim_end_matches(['-', '\u{2010}', '\u{00AD}']);
                        prev.text = t.to_string();
                        Sep::Join
                    }
                    Some(Join::KeepHyphen) => Sep::Join,
                    None if forced_wrap(lines[n - 1], &w) => Sep::Wrap,
                    None => Sep::Break,
                }
            } else {
                Sep::Space
            };
            words.push((sep, w));
        }
    }
    let mut buf = InlineBuf::new();
    push_words(&mut buf, &words, links, heading);
    buf.finish()
}

/// Words as inlines: runs of bold words in `Strong`, italic in `Emph`, linked words in one
/// `Link` with their target.
fn push_words(buf: &mut InlineBuf, words: &[(Sep, Word)], links: &[Link], heading: bool) {
    let mut k = 0;
    while k < words.len() {
        let (sep, w) = &words[k];
        match sep {
            Sep::Space if k > 0 => buf.text(" "),
            Sep::Break | Sep::Wrap => buf.push(Inline::SoftBreak),
            Sep::Icon => buf.push(Inline::LineBreak),
            _ => {}
        }
        // A run of words sharing link, weight and slant, not crossing a line break (a wrap
        // the column's width forced is crossed: the run is one phrase set over two lines).
        let mut end = k + 1;
        let target = |l: Option<usize>| l.and_then(|i| links.get(i)).map(|l| &l.target);
        while end < words.len()
            && !matches!(words[end].0, Sep::Break | Sep::Icon)
            && target(words[end].1.link) == target(w.link)
            && words[end].1.bold == w.bold
            && words[end].1.italic == w.italic
        {
            end += 1;
        }
        let mut content = Vec::new();
        let mut text = String::new();
        for (i, (sep, w)) in words[k..end].iter().enumerate() {
            match sep {
                Sep::Space if i > 0 => text.push(' '),
                Sep::Wrap if i > 0 => {
                    content.push(Inline::Text(std::mem::take(&mut text)));
                    content.push(Inline::SoftBreak);
                }
                _ => {}
            }
            text.push_str(&w.text);
        }
        content.push(Inline::Text(text));
        if w.italic && !heading {
            content = vec![Inline::Emph(content)];
        }
        if w.bold && !heading {
            content = vec![Inline::Strong(content)];
        }
        if let Some(link) = w.link.and_then(|i| links.get(i)) {
            content = vec![Inline::Link { target: link.target.clone(), content }];
        }
        content.into_iter().for_each(|inline| buf.push(inline));
        k = end;
    }
}

/// A block with the layout of its lines.
fn block(kind: BlockKind, lines: &[&Line], number: u32) -> Block {
    let layout = lines.first().map(|first| {
        let x0 = lines.iter().map(|l| l.x0()).fold(f32::MAX, f32::min);
        let x1 = lines.iter().map(|l| l.x1()).fold(f32::MIN, f32::max);
        let words: Vec<&Word> = lines.iter().flat_map(|l| l.words()).collect();
        Box::new(Layout {
            page: first.page + 1,
            x: x0,
            y: first.y() - first.size(),
            width: x1 - x0,
            font_size: dominant_size(&words),
            bold: !words.is_empty() && words.iter().all(|w| w.bold),
            italic: !words.is_empty() && words.iter().all(|w| w.italic),
            column: first.column,
        })
    });
    Block { kind, pos: Pos { line: number, layout } }
}

fn dominant_size(words: &[&Word]) -> f32 {
    mode(words.iter().map(|w| (w.size, w.text.len())))
}
