//! Page geometry: glyphs into words, words into line segments (cells set apart by wide gaps),
//! segments into columns, and the columns into reading order.
//!
//! A vertical gutter that no segment crosses splits a page only when the two sides are
//! independent flows (a sidebar beside a main column): if most segments on one side sit on the
//! baseline of a segment on the other (dates in a margin, labels beside values, a right-aligned
//! date) the sides are cells of the same rows and are read row by row.

use crate::parse::vocab::months;

use super::extract::{Dot, Font, Glyph, Link};

/// Glyphs that start a bullet item.
pub(super) const BULLETS: &[char] = &[
    '•', '●', '▪', '■', '◦', '○', '‣', '∙', '·', '*', '►', '▸', '▶', '➢', '➤', '✓', '✔', '❖', '◆',
    '◇', '□', '❑', '♦', '-', '–', '—', '⁃', '○', '➔', '→', '◼', '◾', '⬤',
];

/// Stands in the text for a glyph the font maps to nothing, until repair decides.
pub(super) const LOST_MARK: char = '\u{FFFC}';

/// A word: glyphs without a space or a word-sized gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    /// Index into the page's links when the word lies in a link area.
    pub link: Option<usize>,
    /// The word held a glyph with no Unicode (a lost ligature or an icon).
    pub missing: bool,
    /// Glyphs set with wide, even spacing ("E X P E R I E N C E" joined).
    pub spaced: bool,
    /// Set in a small-caps font.
    pub small_caps: bool,
    /// Set in a symbol or code font.
    pub symbol: bool,
}

/// Words on one baseline with no wide gap: one cell of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub words: Vec<Word>,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    /// The largest font size in the segment.
    pub size: f32,
}

/// Segments on one baseline within one column, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub cells: Vec<Segment>,
    pub page: u16,
    pub column: u8,
    /// Left and right edges of the column the line was read from.
    pub col_x0: f32,
    pub col_x1: f32,
}

impl Segment {
    pub fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }
}

impl Line {
    pub fn y(&self) -> f32 {
        self.cells.first().map(|c| c.y).unwrap_or(0.0)
    }
    pub fn x0(&self) -> f32 {
        self.cells.first().map(|c| c.x0).unwrap_or(0.0)
    }
    pub fn x1(&self) -> f32 {
        self.cells.last().map(|c| c.x1).unwrap_or(0.0)
    }
    pub fn size(&self) -> f32 {
        self.cells.iter().map(|c| c.size).fold(0.0, f32::max)
    }
    pub fn text(&self) -> String {
        let cells: Vec<String> = self.cells.iter().map(Segment::text).collect();
        cells.join(" ")
    }
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.cells.iter().flat_map(|c| c.words.iter())
    }
}

/// A gap wider than this many font sizes ends a segment (a cell or a column).
const CELL_GAP: f32 = 1.5;
/// Pages with more segments than this are not searched for columns, gutters or aligned gaps.
const MAX_SEARCH: usize = 3000;
/// A gap wider than this many font sizes between glyphs is a word space.
const WORD_GAP: f32 = 0.15;

/// The page's lines in reading order.
pub fn page_lines(
    glyphs: &[Glyph],
    fonts: &[Font],
    links: &[Link],
    dots: &[Dot],
    page: u16,
) -> Vec<Line> {
    page_lines_after(glyphs, fonts, links, dots, page, None).0
}

/// The page's lines in reading order, given the gutter that split the page before into two
/// columns; also returns the gutter that splits this page, if one does. A layout holds from
/// page to page: where no text crosses the previous page's gutter and both sides hold text,
/// the page is split there, however few lines one side has (the last lines of a sidebar).
pub fn page_lines_after(
    glyphs: &[Glyph],
    fonts: &[Font],
    links: &[Link],
    dots: &[Dot],
    page: u16,
    gutter: Option<f32>,
) -> (Vec<Line>, Option<f32>) {
    let mut segments = segments(glyphs, fonts, links);
    mark_drawn_bullets(&mut segments, dots);
    let mut lines = Vec::new();
    let mut column = 0u8;
    let held = gutter.filter(|&x| {
        let crossing = segments.iter().any(|s| s.x0 < x && s.x1 > x);
        let left = segments.iter().any(|s| s.x1 <= x);
        let right = segments.iter().any(|s| s.x0 >= x);
        !crossing && left && right
    });
    let mut split = None;
    match held {
        Some(x) => {
            let (left, right): (Vec<Segment>, Vec<Segment>) =
                segments.into_iter().partition(|s| s.x1 <= x);
            let (first, second) =
                if main_first(&left, &right) { (left, right) } else { (right, left) };
            read_region(first, &mut lines, page, &mut column, 1, &mut None);
            column = column.saturating_add(1);
            read_region(second, &mut lines, page, &mut column, 1, &mut None);
            split = Some(x);
        }
        None => read_region(segments, &mut lines, page, &mut column, 0, &mut split),
    }
    (lines, split)
}

/// Groups glyphs by baseline, then into words and segments.
fn segments(glyphs: &[Glyph], fonts: &[Font], links: &[Link]) -> Vec<Segment> {
    let mut upright: Vec<&Glyph> = glyphs.iter().filter(|g| g.upright && g.size > 0.5).collect();
    upright.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in upright {
        match rows.last_mut() {
            Some(row) if (g.y - row[0].y).abs() <= 0.3 * g.size.min(row[0].size).max(1.0) => {
                row.push(g)
            }
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for (mut row, baseline) in attach_scripts(rows) {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        dedupe_overprint(&mut row);
        let mut row = compose_accents(&row);
        if let Some(y) = baseline {
            row.iter_mut().for_each(|g| g.y = y);
        }
        let refs: Vec<&Glyph> = row.iter().collect();
        out.extend(row_segments(&refs, fonts, links));
    }
    let mut out = join_bullet_cells(drop_rule_cells(split_at_aligned_gaps(out)));
    out.extend(rotated_segments(glyphs, fonts));
    out
}

/// A row of at most this many glyphs may be a superscript or subscript of a neighbouring row.
const MAX_SCRIPT_GLYPHS: usize = 4;

/// Superscripts and subscripts ("1st", "I²C", the lowered E of the TeX logo) sit off the
/// baseline of the line they belong to, so grouping by baseline sets them apart as lines of
/// their own. A short run of glyphs no larger than its neighbour's, within about half a font
/// size of that row's baseline and touching one of its glyphs end to start, joins that row.
/// Returns the rows with, for a row that took a script, the baseline its glyphs are set to.
fn attach_scripts(rows: Vec<Vec<&Glyph>>) -> Vec<(Vec<&Glyph>, Option<f32>)> {
    let n = rows.len();
    let mut rows: Vec<Option<Vec<&Glyph>>> = rows.into_iter().map(Some).collect();
    let mut baselines: Vec<Option<f32>> = vec![None; n];
    for i in 0..n {
        let Some(script) = rows[i].as_ref().filter(|r| is_script_run(r)) else { continue };
        let host = [i.wrapping_sub(1), i + 1, i.wrapping_sub(2), i + 2].into_iter().find(|&j| {
            rows.get(j)
                .and_then(Option::as_ref)
                .is_some_and(|h| h.len() > script.len() && carries_script(h, baselines[j], script))
        });
        let Some(j) = host else { continue };
        let Some(script) = rows[i].take() else { continue };
        let Some(h) = rows[j].as_mut() else { continue };
        let y = baselines[j].unwrap_or_else(|| median(&h.iter().map(|g| g.y).collect::<Vec<_>>()));
        h.extend(script);
        baselines[j] = Some(y);
    }
    rows.into_iter().zip(baselines).filter_map(|(r, y)| r.map(|r| (r, y))).collect()
}

/// A few visible glyphs: what a superscript or subscript can be.
fn is_script_run(row: &[&Glyph]) -> bool {
    row.len() <= MAX_SCRIPT_GLYPHS && row.iter().all(|g| !g.text.trim().is_empty())
}

/// Whether `script` is a raised or lowered run belonging to `host`'s line.
fn carries_script(host: &[&Glyph], baseline: Option<f32>, script: &[&Glyph]) -> bool {
    let size = median(&host.iter().map(|g| g.size).collect::<Vec<_>>());
    let y = baseline.unwrap_or_else(|| median(&host.iter().map(|g| g.y).collect::<Vec<_>>()));
    let near = 0.3 * size.max(1.0);
    let x0 = script.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    let x1 = script.iter().map(|g| g.x + g.width).fold(f32::MIN, f32::max);
    let small = script.iter().all(|g| g.size <= size * 1.05);
    let off = script.iter().all(|g| (g.y - y).abs() <= 0.6 * size);
    let touches = host.iter().any(|g| {
        !g.text.trim().is_empty()
            && (((g.x + g.width) - x0).abs() <= near || (g.x - x1).abs() <= near)
    });
    small && off && touches
}

/// A bullet set apart from its text by a tab (Word's hanging indent) is a marker, not a cell:
/// it joins the segment just right of it on the same baseline. A lone "o" there is Word's
/// second-level bullet (a Courier "o") and becomes "◦".
fn join_bullet_cells(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    let mut pending: Option<Segment> = None;
    for s in segments {
        if let Some(mut bullet) = pending.take() {
            let near = (s.y - bullet.y).abs() <= 0.3 * s.size.max(1.0)
                && s.x0 > bullet.x1
                && s.x0 - bullet.x1 < 5.0 * s.size.max(1.0);
            if near {
                if bullet.words[0].text == "o" {
                    bullet.words[0].text = "◦".to_string();
                }
                let mut words = bullet.words;
                words.extend(s.words);
                out.push(Segment { words, x0: bullet.x0, x1: s.x1, y: s.y, size: s.size });
                continue;
            }
            out.push(bullet);
        }
        if is_lone_marker(&s) {
            pending = Some(s);
        } else {
            out.push(s);
        }
    }
    out.extend(pending);
    out
}

/// A segment that is one bullet glyph and nothing else.
fn is_lone_marker(s: &Segment) -> bool {
    let [w] = s.words.as_slice() else { return false };
    let mut chars = w.text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return false };
    // An icon font's private-use glyph or a glyph with no Unicode is a marker too.
    BULLETS.contains(&c)
        || c == 'o'
        || c == LOST_MARK
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
        || w.symbol && !c.is_alphanumeric()
}

/// Cells drawn only of rule characters ("______" after a heading, a lone "." at the margin)
/// are decoration, not text.
fn drop_rule_cells(mut segments: Vec<Segment>) -> Vec<Segment> {
    segments.retain(|s| {
        let text = s.text();
        !text.chars().all(|c| matches!(c, '_' | '.' | '‗' | '…' | '─' | '━' | ' ' | '\u{A0}'))
    });
    segments
}

/// Cells set apart by a gap narrower than [`CELL_GAP`] (a date in a margin column, a label
/// before its value): where three or more lines have a gap of 0.6 em or more over the
/// same strip of the page, that strip is a column boundary and splits those lines (a word
/// space is a third of an em, a loosely justified one rarely more than half). A gap no wider
/// than the line's other spaces is justification, however wide: a narrow justified column
/// stretches every space of a line alike, and by chance over the same strip as lines below.
fn split_at_aligned_gaps(segments: Vec<Segment>) -> Vec<Segment> {
    // Each wide inter-word gap as (from, to, segment index, word index after it).
    let mut gaps: Vec<(f32, f32, usize, usize)> = Vec::new();
    for (i, s) in segments.iter().enumerate() {
        let spaces: Vec<f32> = s.words.windows(2).map(|w| w[1].x0 - w[0].x1).collect();
        let typical = median(&spaces);
        for k in 1..s.words.len() {
            let (a, b) = (&s.words[k - 1], &s.words[k]);
            let gap = b.x0 - a.x1;
            if gap >= 0.6 * s.size.max(1.0) && (spaces.len() < 3 || gap >= 1.6 * typical) {
                gaps.push((a.x1, b.x0, i, k));
            }
        }
    }
    if gaps.len() > MAX_SEARCH {
        return segments;
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for &(from, to, i, k) in &gaps {
        // Lines whose gap overlaps this one by at least two points.
        let lines = gaps
            .iter()
            .filter(|(f, t, j, _)| *j != i && f.max(from) + 2.0 <= t.min(to))
            .map(|(_, _, j, _)| segments[*j].y.round() as i64)
            .collect::<std::collections::BTreeSet<_>>();
        if lines.len() >= 2 {
            cuts.push((i, k));
        }
    }
    if cuts.is_empty() {
        return segments;
    }
    let mut out = Vec::with_capacity(segments.len() + cuts.len());
    for (i, s) in segments.into_iter().enumerate() {
        let mut at: Vec<usize> = cuts.iter().filter(|(j, _)| *j == i).map(|(_, k)| *k).collect();
        at.sort_unstable();
        at.dedup();
        let mut words = s.words;
        let mut pieces = Vec::new();
        for k in at.into_iter().rev() {
            pieces.push(words.split_off(k));
        }
        pieces.push(words);
        pieces.reverse();
        for w in pieces.into_iter().filter(|w| !w.is_empty()) {
            let x0 = w.first().map_or(0.0, |w| w.x0);
            let x1 = w.last().map_or(0.0, |w| w.x1);
            let size = w.iter().map(|w| w.size).fold(0.0, f32::max);
            out.push(Segment { words: w, x0, x1, y: s.y, size });
        }
    }
    out
}

/// The middle value (the upper one of an even count); 0 for none.
fn median(values: &[f32]) -> f32 {
    let mut v = values.to_vec();
    v.sort_by(f32::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// TeX draws an accent as its own glyph over the letter ("Strat´egie"): the accent joins the
/// letter it sits on, composed (NFC) into one character.
fn compose_accents(row: &[&Glyph]) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = row.iter().map(|g| (*g).clone()).collect();
    let mut used = vec![false; out.len()];
    for k in 0..out.len() {
        let Some(mark) = combining_for(&out[k].text) else { continue };
        let centre = out[k].x + out[k].width / 2.0;
        let over = |g: &Glyph| {
            g.text.chars().count() == 1
                && g.text.chars().all(char::is_alphabetic)
                && centre > g.x
                && centre < g.x + g.width
        };
        let target = [k + 1, k.wrapping_sub(1)]
            .into_iter()
            .find(|&j| !used.get(j).copied().unwrap_or(true) && out.get(j).is_some_and(over));
        if let Some(j) = target {
            let joined = format!("{}{mark}", out[j].text);
            out[j].text = icu_normalizer::ComposingNormalizerBorrowed::new_nfc()
                .normalize(&joined)
                .into_owned();
            used[k] = true;
        }
    }
    let mut flags = used.into_iter();
    out.retain(|_| !flags.next().unwrap_or(false));
    out
}

/// The combining mark for a spacing accent glyph.
fn combining_for(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '\u{B4}' => '\u{301}',
        '`' => '\u{300}',
        '\u{A8}' => '\u{308}',
        '\u{2C6}' | '^' => '\u{302}',
        '\u{2DC}' | '~' => '\u{303}',
        '\u{B8}' => '\u{327}',
        '\u{2C7}' => '\u{30C}',
        '\u{2D8}' => '\u{306}',
        '\u{2D9}' => '\u{307}',
        '\u{2DA}' => '\u{30A}',
        '\u{AF}' => '\u{304}',
        '\u{2DD}' => '\u{30B}',
        '\u{2DB}' => '\u{328}',
        _ => return None,
    })
}

/// Bullets drawn as small filled shapes (how browsers print list markers): a dot just left of
/// a segment's first word, on its line and alone there, becomes a "•" word.
fn mark_drawn_bullets(segments: &mut [Segment], dots: &[Dot]) {
    if dots.len() > 2000 || segments.len() > MAX_SEARCH {
        return;
    }
    for dot in dots {
        let alone = !dots.iter().any(|d| {
            d != dot
                && (d.y - dot.y).abs() < dot.size
                && (d.x - dot.x).abs() < 4.0 * dot.size.max(3.0)
        });
        if !alone {
            continue;
        }
        let target = segments.iter_mut().find(|s| {
            let gap = s.x0 - dot.x;
            dot.y <= s.y + 0.2 * s.size
                && dot.y >= s.y - 0.8 * s.size
                && gap > 0.0
                && gap < 2.5 * s.size
        });
        if let Some(seg) = target
            && let Some(first) = seg.words.first().cloned()
        {
            let bullet = Word {
                text: "•".to_string(),
                x0: dot.x - dot.size / 2.0,
                x1: dot.x + dot.size / 2.0,
                bold: false,
                italic: false,
                link: None,
                missing: false,
                spaced: false,
                ..first
            };
            seg.x0 = bullet.x0;
            seg.words.insert(0, bullet);
        }
    }
}

/// Fake bold draws each glyph twice, a fraction of a point apart: keep one.
fn dedupe_overprint(row: &mut Vec<&Glyph>) {
    let mut kept: Vec<&Glyph> = Vec::with_capacity(row.len());
    for g in row.drain(..) {
        let twin = kept.last().is_some_and(|a: &&Glyph| {
            a.text == g.text
                && !a.text.trim().is_empty()
                && (g.x - a.x).abs() < 0.2 * a.size.max(1.0)
        });
        if !twin {
            kept.push(g);
        }
    }
    *row = kept;
}

fn row_segments(row: &[&Glyph], fonts: &[Font], links: &[Link]) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut word: Option<Word> = None;
    let mut gaps: Vec<f32> = Vec::new();
    let mut prev_end: Option<f32> = None;
    for g in row {
        let size = g.size.max(1.0);
        let gap = prev_end.map(|e| g.x - e);
        // U+2423 is the visible space some TeX fonts map their space glyph to.
        let blank =
            g.text.chars().all(|c| c.is_whitespace() || c == '\u{2423}') && !g.text.is_empty();
        let new_segment = gap.is_some_and(|d| d > CELL_GAP * size);
        if new_segment {
            finish_word(&mut word, &mut gaps, segments.last_mut(), true);
            segments.push(empty_segment());
        } else if blank || gap.is_some_and(|d| d > WORD_GAP * size) {
            finish_word(&mut word, &mut gaps, segments.last_mut(), false);
        }
        if segments.is_empty() {
            segments.push(empty_segment());
        }
        if blank {
            // Spaces do not close a gap: a tab drawn as one wide space still sets cells apart.
            continue;
        }
        let font = fonts.get(g.font as usize).cloned().unwrap_or_default();
        let link = link_at(links, g);
        match &mut word {
            Some(w) => {
                if let Some(d) = gap {
                    gaps.push(d / size);
                }
                push_glyph_text(&mut w.text, &g.text);
                w.x1 = g.x + g.width;
                w.size = w.size.max(g.size);
                w.bold &= font.bold;
                w.italic &= font.italic;
                w.missing |= g.text.is_empty();
                if w.link.is_none() {
                    w.link = link;
                }
            }
            None => {
                let mut text = String::new();
                push_glyph_text(&mut text, &g.text);
                word = Some(Word {
                    text,
                    x0: g.x,
                    x1: g.x + g.width,
                    y: g.y,
                    size: g.size,
                    bold: font.bold,
                    italic: font.italic,
                    link,
                    missing: g.text.is_empty(),
                    spaced: false,
                    small_caps: font.small_caps,
                    symbol: font.symbol,
                });
            }
        }
        prev_end = Some(g.x + g.width);
    }
    finish_word(&mut word, &mut gaps, segments.last_mut(), false);
    segments.retain(|s| !s.words.is_empty());
    for s in &mut segments {
        join_letter_spaced(&mut s.words);
        s.x0 = s.words.first().map(|w| w.x0).unwrap_or(0.0);
        s.x1 = s.words.last().map(|w| w.x1).unwrap_or(0.0);
        s.y = s.words.first().map(|w| w.y).unwrap_or(0.0);
        s.size = s.words.iter().map(|w| w.size).fold(0.0, f32::max);
    }
    segments
}

/// A glyph's text, or the mark of a glyph the font maps to nothing.
fn push_glyph_text(out: &mut String, text: &str) {
    if text.is_empty() {
        out.push(LOST_MARK);
    } else {
        out.push_str(text);
    }
}

fn empty_segment() -> Segment {
    Segment { words: Vec::new(), x0: 0.0, x1: 0.0, y: 0.0, size: 0.0 }
}

fn finish_word(
    word: &mut Option<Word>,
    gaps: &mut Vec<f32>,
    seg: Option<&mut Segment>,
    _cell: bool,
) {
    gaps.clear();
    if let (Some(w), Some(seg)) = (word.take(), seg)
        && !w.text.is_empty()
    {
        seg.words.push(w);
    }
}

/// The link whose area holds the glyph's middle.
fn link_at(links: &[Link], g: &Glyph) -> Option<usize> {
    let x = g.x + g.width / 2.0;
    let y = g.y - g.size * 0.3;
    links
        .iter()
        .position(|l| x >= l.x0 - 1.0 && x <= l.x1 + 1.0 && y >= l.y0 - 2.0 && y <= l.y1 + 2.0)
}

/// Letter-spaced text ("E X P E R I E N C E", or glyphs placed one by one with even gaps):
/// three or more one-letter words in a row with equal gaps become one word.
fn join_letter_spaced(words: &mut Vec<Word>) {
    let single =
        |w: &Word| w.text.chars().count() == 1 && w.text.chars().all(char::is_alphanumeric);
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let mut end = k;
        while end + 1 < words.len() && single(&words[end]) && single(&words[end + 1]) {
            let gap = words[end + 1].x0 - words[end].x1;
            let first_gap = if end > k { words[k + 1].x0 - words[k].x1 } else { gap };
            if (gap - first_gap).abs() > 0.15 * words[end].size.max(1.0) {
                break;
            }
            end += 1;
        }
        if end >= k + 2 {
            let mut w = words[k].clone();
            for other in &words[k + 1..=end] {
                w.text.push_str(&other.text);
                w.x1 = other.x1;
                w.bold &= other.bold;
            }
            w.spaced = true;
            out.push(w);
            k = end + 1;
        } else {
            out.push(words[k].clone());
            k += 1;
        }
    }
    *words = out;
}

/// Rotated or vertical text, kept as one segment per run at its starting point.
fn rotated_segments(glyphs: &[Glyph], fonts: &[Font]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut run: Vec<&Glyph> = Vec::new();
    let flush = |run: &mut Vec<&Glyph>, out: &mut Vec<Segment>| {
        let text: String = run.iter().map(|g| g.text.as_str()).collect();
        let text = text.trim().to_string();
        if let Some(first) = run.first().filter(|_| !text.is_empty()) {
            let font = fonts.get(first.font as usize).cloned().unwrap_or_default();
            let x0 = run.iter().map(|g| g.x).fold(f32::MAX, f32::min);
            let y0 = run.iter().map(|g| g.y).fold(f32::MAX, f32::min);
            let words = text
                .split_whitespace()
                .map(|t| Word {
                    text: t.to_string(),
                    x0,
                    x1: x0 + first.size,
                    y: y0,
                    size: first.size,
                    bold: font.bold,
                    italic: font.italic,
                    link: None,
                    missing: false,
                    spaced: false,
                    small_caps: font.small_caps,
                    symbol: font.symbol,
                })
                .collect();
            out.push(Segment { words, x0, x1: x0 + first.size, y: y0, size: first.size });
        }
        run.clear();
    };
    for g in glyphs.iter().filter(|g| !g.upright && g.size > 0.5) {
        if let Some(last) = run.last() {
            let near = (g.x - last.x).hypot(g.y - last.y) < 2.0 * last.size.max(g.width) + 2.0;
            if !near {
                flush(&mut run, &mut out);
            }
        }
        run.push(g);
    }
    flush(&mut run, &mut out);
    out
}

/// Reads a region: split at a column gutter when the sides are independent flows, else
/// line by line. A split of the whole page (depth 0) is noted in `gutter`.
fn read_region(
    segs: Vec<Segment>,
    out: &mut Vec<Line>,
    page: u16,
    column: &mut u8,
    depth: u8,
    gutter: &mut Option<f32>,
) {
    if segs.is_empty() {
        return;
    }
    // Column search is quadratic-ish; a page of more segments than any resume is read as rows.
    let searchable = segs.len() <= MAX_SEARCH;
    if depth < 4
        && searchable
        && let Some(split) = find_columns(&segs)
    {
        match split {
            Split::Columns { x, .. } => {
                if depth == 0 {
                    *gutter = Some(x);
                }
                let (left, right): (Vec<Segment>, Vec<Segment>) =
                    segs.into_iter().partition(|s| left_of(s, x));
                let (first, second) =
                    if main_first(&left, &right) { (left, right) } else { (right, left) };
                read_region(first, out, page, column, depth + 1, &mut None);
                *column = column.saturating_add(1);
                read_region(second, out, page, column, depth + 1, &mut None);
                return;
            }
            Split::Bands(bands) => {
                for band in bands {
                    read_region(band, out, page, column, depth + 1, &mut None);
                }
                return;
            }
        }
    }
    if depth < 4
        && searchable
        && let Some(bands) = bands_at_gaps(&segs)
    {
        for band in bands {
            read_region(band, out, page, column, depth + 1, &mut None);
        }
        return;
    }
    let x0 = segs.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let x1 = segs.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    for cells in rows(segs) {
        out.push(Line { cells, page, column: *column, col_x0: x0, col_x1: x1 });
    }
}

/// Segments grouped by baseline, top to bottom, each row left to right.
fn rows(mut segs: Vec<Segment>) -> Vec<Vec<Segment>> {
    segs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<Segment>> = Vec::new();
    for s in segs {
        // A big name beside small contact lines shares their baseline by chance: cells of
        // one row have alike sizes.
        let row = rows.iter_mut().rev().take(3).find(|row| same_row(&row[0], &s));
        match row {
            Some(row) => row.push(s),
            None => rows.push(vec![s]),
        }
    }
    rows.sort_by(|a, b| a[0].y.total_cmp(&b[0].y));
    for row in &mut rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    rows
}

/// Cuts the region at wide horizontal gaps (a header above a two-column body), when one of
/// the bands then splits into columns; otherwise the region stays whole.
fn bands_at_gaps(segs: &[Segment]) -> Option<Vec<Vec<Segment>>> {
    let mut sorted: Vec<Segment> = segs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut bands: Vec<Vec<Segment>> = Vec::new();
    let mut bottom = f32::MIN;
    for s in sorted {
        let top = s.y - s.size;
        if bands.is_empty() || top - bottom > 1.8 * s.size.max(6.0) {
            bands.push(Vec::new());
        }
        bottom = bottom.max(s.y + 0.3 * s.size);
        if let Some(b) = bands.last_mut() {
            b.push(s);
        }
    }
    let splits = bands.iter().any(|b| matches!(find_columns(b), Some(Split::Columns { .. })));
    (bands.len() > 1 && splits).then_some(bands)
}

/// Whether two segments are cells of one row: on one baseline, in alike sizes. A smaller cell
/// left of a larger one may be smaller still (a date in a margin beside an entry's title);
/// a big name beside small contact lines to its right is not a row.
fn same_row(a: &Segment, b: &Segment) -> bool {
    let (small, big) = if a.size <= b.size { (a, b) } else { (b, a) };
    let ratio = if small.x1 <= big.x0 { 1.5 } else { 1.3 };
    (a.y - b.y).abs() <= 0.3 * small.size.max(1.0) && big.size <= small.size * ratio
}

enum Split {
    Columns {
        x: f32,
    },
    /// The region cut above and below segments that span a gutter.
    Bands(Vec<Vec<Segment>>),
}

/// The main column is read first: the wider one, so that a narrow sidebar follows it.
fn main_first(left: &[Segment], right: &[Segment]) -> bool {
    let width = |s: &[Segment]| {
        let x0 = s.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
        let x1 = s.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
        x1 - x0
    };
    let chars = |s: &[Segment]| s.iter().map(|s| s.text().len()).sum::<usize>();
    // The name at the top of the page belongs to the column read first.
    let biggest = |s: &[Segment]| s.iter().map(|s| s.size).fold(0.0, f32::max);
    if (biggest(left) - biggest(right)).abs() > 2.0 {
        return biggest(left) > biggest(right);
    }
    width(left) >= width(right) * 0.8 || chars(left) >= chars(right)
}

/// Lines on the shorter side of a gutter from which two sides sharing only some baselines are
/// taken for columns on one line grid rather than a table.
const LONG_FLOW: usize = 12;

/// How many of the widest open strips are tried as gutters.
const GUTTER_TRIES: usize = 3;

/// Finds a gutter between independent flows, or else the bands that spanning segments cut.
/// The widest open strips are tried in turn: the gap between a margin of labels and its
/// text can be wider than the gutter between two columns that each have such a margin, and
/// a clean split into two flows there comes before cutting at the wider strip.
fn find_columns(segs: &[Segment]) -> Option<Split> {
    if segs.len() < 4 {
        return None;
    }
    let mut bands = None;
    for x in open_strips(segs).into_iter().take(GUTTER_TRIES) {
        match split_at(segs, x) {
            Some(columns @ Split::Columns { .. }) => return Some(columns),
            Some(cut) if bands.is_none() => bands = Some(cut),
            _ => {}
        }
    }
    bands
}

fn split_at(segs: &[Segment], x: f32) -> Option<Split> {
    let gutter = Gutter::at(segs, x);
    if segs.iter().any(|s| gutter.spans(s)) {
        return bands_at_spanners(segs, &gutter);
    }
    let (left, right): (Vec<&Segment>, Vec<&Segment>) = segs.iter().partition(|s| left_of(s, x));
    independent_flows(&left, &right).then_some(Split::Columns { x })
}

/// The side of a gutter at `x` a segment belongs to, by its middle: a line that overhangs
/// into the gutter stays in its column.
fn left_of(s: &Segment, x: f32) -> bool {
    s.x0 + s.x1 < 2.0 * x
}

/// A vertical gutter at `x` with the edges of the text on either side of it.
struct Gutter {
    x: f32,
    /// The right end of the text wholly left of the gutter.
    left_end: f32,
    /// The left end of the text wholly right of it.
    right_start: f32,
}

impl Gutter {
    fn at(segs: &[Segment], x: f32) -> Gutter {
        let left_end = segs.iter().filter(|s| s.x1 <= x).map(|s| s.x1).fold(f32::MIN, f32::max);
        let right_start = segs.iter().filter(|s| s.x0 >= x).map(|s| s.x0).fold(f32::MAX, f32::min);
        Gutter { x, left_end, right_start }
    }

    /// A segment spans the gutter when it reaches into the text on both sides by more than
    /// half an em; one that only overhangs into the gutter (a long line at a narrow column's
    /// edge) does not.
    fn spans(&self, s: &Segment) -> bool {
        let en = 0.5 * s.size;
        s.x0 < self.x && s.x1 > self.x && s.x0 < self.left_end - en && s.x1 > self.right_start + en
    }
}

/// The middles of the vertical strips that few segments cross and that have text on both
/// sides, widest first.
fn open_strips(segs: &[Segment]) -> Vec<f32> {
    let x0 = segs.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let x1 = segs.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    if x1 - x0 < 50.0 {
        return Vec::new();
    }
    let allowed = (segs.len() / 12).max(1);
    // Two-point steps across a page; never more than a thousand, whatever the coordinates.
    let step = ((x1 - x0) / 1000.0).max(2.0);
    let mut strips: Vec<(f32, f32)> = Vec::new(); // (width, middle)
    let mut run_start: Option<f32> = None;
    let mut x = x0 + step;
    while x < x1 {
        let crossing = segs.iter().filter(|s| s.x0 < x && s.x1 > x).count();
        let left = segs.iter().filter(|s| s.x1 <= x).count();
        let right = segs.iter().filter(|s| s.x0 >= x).count();
        let open = crossing <= allowed && left >= 2 && right >= 2;
        match (open, run_start) {
            (true, None) => run_start = Some(x),
            (false, Some(start)) => {
                strips.push((x - step - start, (start + x - step) / 2.0));
                run_start = None;
            }
            _ => {}
        }
        x += step;
    }
    if let Some(start) = run_start {
        strips.push((x1 - start, (start + x1) / 2.0));
    }
    // Widest first; of equal widths, the leftmost (the order they were found in).
    strips.sort_by(|a, b| b.0.total_cmp(&a.0));
    strips.into_iter().filter(|(width, _)| *width >= 8.0).map(|(_, middle)| middle).collect()
}

/// Cuts the region above and below each segment that crosses the gutter, when the part
/// between spanners is tall enough to hold columns.
fn bands_at_spanners(segs: &[Segment], gutter: &Gutter) -> Option<Split> {
    let mut sorted: Vec<Segment> = segs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut bands: Vec<Vec<Segment>> = Vec::new();
    let mut current: Vec<Segment> = Vec::new();
    let mut spanning: Vec<Segment> = Vec::new();
    for s in sorted {
        if gutter.spans(&s) {
            if !current.is_empty() {
                bands.push(std::mem::take(&mut current));
            }
            spanning.push(s);
        } else {
            if !spanning.is_empty() {
                bands.push(std::mem::take(&mut spanning));
            }
            current.push(s);
        }
    }
    if !current.is_empty() {
        bands.push(current);
    }
    if !spanning.is_empty() {
        bands.push(spanning);
    }
    // Worth cutting only if some band between spanners splits into columns.
    let useful = bands.len() > 1
        && bands
            .iter()
            .any(|b| b.len() >= 4 && matches!(find_columns(b), Some(Split::Columns { .. })));
    useful.then_some(Split::Bands(bands))
}

/// Two sides are independent flows when few of one side's segments share a baseline with
/// the other side, and neither is a sparse margin of labels. Sharing baselines is not enough
/// to make rows where both sides run on line after line (a sidebar beside a main column laid
/// out on the same line grid): a margin of dates or labels has gaps where the other side's
/// lines run on alone.
fn independent_flows(left: &[&Segment], right: &[&Segment]) -> bool {
    let aligned = |a: &[&Segment], b: &[&Segment]| {
        a.iter().filter(|s| b.iter().any(|t| same_row(s, t))).count()
    };
    let (small, big) = if left.len() <= right.len() { (left, right) } else { (right, left) };
    // A side made mostly of dates (a year, or a month on a line of its own when a date
    // wraps) is the date column of the other side's entries, however its dates wrap.
    let dated = small
        .iter()
        .filter(|s| {
            has_year(&s.text())
                || s.words
                    .iter()
                    .any(|w| w.text.split(['–', '-']).any(|p| months::month(p).is_some()))
        })
        .count();
    if dated * 2 > small.len() {
        return false;
    }
    let shared = aligned(small, big);
    if shared * 2 >= small.len() {
        let mut ys: Vec<(f32, f32)> = small.iter().map(|s| (s.y, s.size)).collect();
        ys.sort_by(|a, b| a.0.total_cmp(&b.0));
        let adjacent = ys.windows(2).filter(|w| w[1].0 - w[0].0 <= 2.0 * w[0].1.max(1.0)).count();
        let runs_on = small.len() >= 6 && adjacent * 10 >= (small.len() - 1) * 6;
        // Labels ending in colons beside ragged values: a key-value table, not a flow.
        let labels = small.iter().filter(|s| s.text().trim_end().ends_with(':')).count();
        let right_edge = big.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
        let left_edge = big.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
        let full =
            big.iter().filter(|s| s.x1 >= right_edge - 0.1 * (right_edge - left_edge)).count();
        // Ragged values make a table unless both sides are long flows of which only some
        // lines share a baseline: two columns set on one line grid meet by chance, while
        // nearly every label of a table has its value on its baseline. A few lines are too
        // few to tell chance from a table.
        let long_flows = small.len() >= LONG_FLOW && shared * 4 < small.len() * 3;
        let ragged = full * 10 < big.len() * 3 && !long_flows;
        let table = labels * 2 >= small.len() || ragged;
        return runs_on && !table;
    }
    // A few short labels beside a long column head its parts: read in order of height.
    let words: usize = small.iter().map(|s| s.words.len()).sum();
    let sparse = small.len() * 4 <= big.len() && words <= small.len() * 3;
    !sparse
}

/// Whether a text holds a four-digit year.
pub(super) fn has_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Glyphs for `text` starting at `x` on baseline `y`: letters half an em wide, spaces a
    /// third.
    pub(in crate::parse::read::pdf) fn run(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut at = x;
        text.chars()
            .map(|c| {
                let width = if c == ' ' { size / 3.0 } else { size * 0.5 };
                let g =
                    Glyph { text: c.to_string(), x: at, y, width, size, font: 0, upright: true };
                at += width;
                g
            })
            .collect()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn a_sidebar_on_the_same_line_grid_is_read_after_the_main_column() {
        let mut glyphs = Vec::new();
        let side = [
            "Contact",
            "ada@example.org",
            "Lisbon",
            "Skills",
            "Rust, Go",
            "SQL",
            "Languages",
            "Portuguese",
        ];
        for (i, t) in side.iter().enumerate() {
            glyphs.extend(run(t, 30.0, 100.0 + 14.0 * i as f32, 10.0));
        }
        for i in 0..12 {
            let t = format!("Main column line {i} with enough words to fill it");
            glyphs.extend(run(&t, 200.0, 100.0 + 14.0 * i as f32, 10.0));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let t = texts(&lines);
        assert!(t[0].starts_with("Main column line 0"), "{t:?}");
        assert_eq!(t[12], "Contact", "{t:?}");
        assert!(lines.iter().all(|l| l.cells.len() == 1), "{t:?}");
    }

    #[test]
    fn a_small_date_in_the_margin_is_a_cell_of_the_larger_title_beside_it() {
        // Dates set smaller than the entry titles beside them, with the entries' details
        // under the titles: one row per entry, not a margin column read after the text.
        let mut glyphs = Vec::new();
        let mut y = 100.0;
        for (date, title) in
            [("1991-1993", "Harbour pilot"), ("1988-1991", "Deckhand"), ("1986-1988", "Cook")]
        {
            glyphs.extend(run(date, 40.0, y, 9.0));
            glyphs.extend(run(title, 150.0, y, 12.0));
            glyphs.extend(run("Acme Shipping, Porto", 150.0, y + 14.0, 9.0));
            glyphs.extend(run("Steered the ferries of the line", 150.0, y + 26.0, 9.0));
            y += 60.0;
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let t = texts(&lines);
        assert_eq!(t[0], "1991-1993 Harbour pilot", "{t:?}");
        assert_eq!(lines[0].cells.len(), 2, "{t:?}");
        assert_eq!(t[3], "1988-1991 Deckhand", "{t:?}");
        // A big name with small contact lines to its right stays apart from them.
        let mut glyphs = run("Jane Roe", 40.0, 100.0, 16.0);
        glyphs.extend(run("jane@example.org", 300.0, 100.0, 10.0));
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        assert!(lines.iter().all(|l| l.cells.len() == 1), "{:?}", texts(&lines));
    }

    #[test]
    fn a_margin_of_dates_that_wrap_is_read_with_the_entries_beside_it() {
        // Each entry's dates wrap in the margin (the month on a line of its own), beside two
        // full lines of text: the margin runs on line after line like a sidebar, but it is
        // the entries' dates, read row by row.
        let mut glyphs = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 28.0 * i as f32;
            glyphs.extend(run("June", 40.0, y, 10.0));
            glyphs.extend(run(&format!("{} - {}", 2010 + i, 2011 + i), 40.0, y + 12.0, 10.0));
            let entry = format!("Entry {i} of the list, set in a justified column");
            glyphs.extend(run(&entry, 120.0, y, 10.0));
            glyphs.extend(run(
                "with a second line that runs to the right edge",
                120.0,
                y + 12.0,
                10.0,
            ));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let t = texts(&lines);
        assert_eq!(t[0], "June Entry 0 of the list, set in a justified column", "{t:?}");
        assert_eq!(lines[0].cells.len(), 2, "{t:?}");
        assert!(t[2].starts_with("June Entry 1"), "{t:?}");
    }

    #[test]
    fn two_ragged_columns_on_one_line_grid_are_read_one_after_the_other() {
        // A sidebar and a main column of short bullets, both set at 14pt leading: the main
        // column's paragraph spacing puts only some of its lines on the sidebar's baselines.
        let mut glyphs = Vec::new();
        for i in 0..14 {
            glyphs.extend(run(&format!("Sidebar item {i}"), 30.0, 100.0 + 14.0 * i as f32, 10.0));
        }
        for i in 0..14 {
            let t = if i % 4 == 0 {
                format!("Main line {i} runs on with many more words to the right edge")
            } else {
                format!("Main line {i} stops short")
            };
            let shift = 7.0 * ((i / 4) % 2) as f32;
            glyphs.extend(run(&t, 200.0, 100.0 + 14.0 * i as f32 + shift, 10.0));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let t = texts(&lines);
        assert!(lines.iter().all(|l| l.cells.len() == 1), "{t:?}");
        assert!(t[0].starts_with("Main line 0"), "{t:?}");
        assert_eq!(t[14], "Sidebar item 0", "{t:?}");
        assert_eq!(t[27], "Sidebar item 13", "{t:?}");
    }

    #[test]
    fn a_line_overhanging_into_the_gutter_stays_in_its_column() {
        // One sidebar line runs a little past the start of the main column's text (at
        // another height): it does not span the gutter, and the columns are read whole.
        let mut glyphs = Vec::new();
        for i in 0..12 {
            let t = if i == 6 {
                "Sidebar line running into gaps".to_string()
            } else {
                format!("Side {i}")
            };
            glyphs.extend(run(&t, 30.0, 107.0 + 14.0 * i as f32, 10.0));
        }
        for i in 0..14 {
            let t = format!("Primary text line {i} with enough words to fill it");
            glyphs.extend(run(&t, 170.0, 100.0 + 14.0 * i as f32, 10.0));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let t = texts(&lines);
        assert!(t[..14].iter().all(|l| l.starts_with("Primary text")), "{t:?}");
        assert_eq!(t[14], "Side 0", "{t:?}");
        assert_eq!(t[20], "Sidebar line running into gaps", "{t:?}");
    }

    #[test]
    fn dates_in_a_margin_are_cells_of_their_rows() {
        let mut glyphs = Vec::new();
        for (i, date) in ["2019 - 2021", "2016 - 2019", "2012 - 2016"].iter().enumerate() {
            let y = 100.0 + 60.0 * i as f32;
            glyphs.extend(run(date, 30.0, y, 10.0));
            glyphs.extend(run("Engineer, Example Works, Porto", 120.0, y, 10.0));
            glyphs.extend(run("Built things and kept them running", 120.0, y + 14.0, 10.0));
            glyphs.extend(run("for many people over several years", 120.0, y + 28.0, 10.0));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let first = &lines[0];
        assert_eq!(first.cells.len(), 2, "{:?}", texts(&lines));
        assert_eq!(first.cells[0].text(), "2019 - 2021");
        assert_eq!(texts(&lines)[1], "Built things and kept them running");
    }

    #[test]
    fn a_visible_space_glyph_is_a_space() {
        // Some TeX fonts map their space glyph to U+2423 ("○␣ Item").
        let glyphs = run("\u{25CB}\u{2423} Kept the archive", 50.0, 100.0, 10.0);
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        assert_eq!(texts(&lines), ["\u{25CB} Kept the archive"]);
    }

    #[test]
    fn accents_drawn_over_letters_compose() {
        let mut glyphs = run("Strat", 50.0, 100.0, 10.0);
        let e = run("egie", 75.0, 100.0, 10.0);
        glyphs.push(Glyph { text: "\u{B4}".into(), x: 75.5, width: 4.0, ..e[0].clone() });
        glyphs.extend(e);
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        assert_eq!(texts(&lines), ["Stratégie"]);
    }

    #[test]
    fn raised_and_lowered_glyphs_stay_in_their_line() {
        // "Ranked 3rd in I2C" with a small raised "rd" and a lowered "2", then a line below.
        let mut glyphs = run("Ranked 3", 50.0, 100.0, 10.0);
        glyphs.extend(run("rd", 88.4, 96.5, 7.0));
        glyphs.extend(run(" in I", 95.5, 100.0, 10.0));
        glyphs.extend(run("2", 117.2, 102.5, 7.0));
        glyphs.extend(run("C", 120.8, 100.0, 10.0));
        glyphs.extend(run("Kept the archive", 50.0, 113.0, 10.0));
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        assert_eq!(texts(&lines), ["Ranked 3rd in I2C", "Kept the archive"]);
        assert!(lines.iter().all(|l| l.y() == 100.0 || l.y() == 113.0), "{lines:?}");
    }

    #[test]
    fn a_short_line_near_but_apart_from_another_stays_a_line() {
        // A two-letter line just under a longer one, but not touching any of its glyphs.
        let mut glyphs = run("Northwind University", 50.0, 100.0, 10.0);
        glyphs.extend(run("BA", 200.0, 104.0, 8.0));
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        assert_eq!(lines.len(), 2, "{:?}", texts(&lines));
    }

    /// Glyphs for words placed one by one, each at its own `x`.
    fn placed(words: &[(&str, f32)], y: f32, size: f32) -> Vec<Glyph> {
        words.iter().flat_map(|(w, x)| run(w, *x, y, size)).collect()
    }

    #[test]
    fn evenly_stretched_spaces_of_justified_lines_do_not_make_cells() {
        // A narrow justified column without hyphenation: every space of a line is 0.8 em,
        // and by chance over the same strip of the page line after line.
        let mut glyphs = Vec::new();
        for i in 0..4 {
            let y = 100.0 + 12.0 * i as f32;
            let words = [("Wrote", 50.0), ("tools", 83.0), ("for", 116.0), ("the", 139.0)];
            glyphs.extend(placed(&words, y, 10.0));
            glyphs.extend(run("team", 162.0, y, 10.0));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        assert!(lines.iter().all(|l| l.cells.len() == 1), "{:?}", texts(&lines));
        assert_eq!(texts(&lines)[0], "Wrote tools for the team");
    }

    #[test]
    fn a_gutter_narrower_than_the_label_margins_of_its_columns_splits_them() {
        // Two columns, each a margin of short labels and a text 60 points to their right;
        // the gap between the columns is 12 points. The right column starts lower.
        let mut glyphs = Vec::new();
        for i in 0..8 {
            let y = 100.0 + 12.0 * i as f32;
            if i % 3 == 0 {
                glyphs.extend(run("Date", 40.0, y, 10.0));
            }
            glyphs.extend(run(&format!("left text {i} runs on"), 100.0, y, 10.0));
        }
        for i in 0..6 {
            let y = 136.0 + 12.0 * i as f32;
            if i % 3 == 0 {
                glyphs.extend(run("Rust", 212.0, y, 10.0));
            }
            glyphs.extend(run(&format!("right text {i} runs"), 272.0, y, 10.0));
        }
        let lines = page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let t = texts(&lines);
        let last_left = t.iter().rposition(|l| l.contains("left text")).unwrap();
        let first_right = t.iter().position(|l| l.contains("right text")).unwrap();
        assert!(last_left < first_right, "{t:?}");
        assert_eq!(lines[0].cells.len(), 2, "{t:?}");
    }
}
