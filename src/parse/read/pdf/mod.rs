//! The PDF reader: the text layer with positions and fonts into the document tree.
//!
//! Stages, one module each: [`guard`] (decompression bombs) and [`extract`] (glyphs with
//! positions, fonts and link areas, within a budget) → [`layout`] (words, cells, columns,
//! reading order) → [`repair`] (ligatures, lost glyphs, hyphenation) → [`blocks`] (headings,
//! lists, table rows, paragraphs, each with its [`Layout`](crate::parse::doc::Layout)).
//! Running headers and footers repeated on every page are read once; page numbers are dropped.
//! A file without a text layer (a scan) is refused: there is no OCR.

mod blocks;
mod cid;
mod extract;
mod guard;
mod layout;
mod repair;
mod tex_fonts;

use std::time::{Duration, Instant};

use super::Reading;
use crate::diag::Diagnostic;
use crate::parse::doc::Document;
use extract::{Extraction, Failure, Limits};
use layout::Line;

/// Larger files are refused before parsing (images make resumes large, so this is well above
/// the limit for text).
pub const MAX_PDF_BYTES: usize = 32 * 1024 * 1024;
/// No resume has more pages.
pub const MAX_PAGES: usize = 100;
/// Reading stops after this long, keeping what was read.
const TIME_BUDGET: Duration = Duration::from_secs(8);

/// Reads a PDF into the document tree; `Err` says what is wrong and what to do.
pub fn read(bytes: &[u8]) -> Result<Reading, Diagnostic> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(Diagnostic::error(format!(
            "the PDF is {} MiB, over the {} MiB limit for one resume",
            bytes.len() >> 20,
            MAX_PDF_BYTES >> 20
        ))
        .hint("export the resume again without large images, or save it with smaller pictures"));
    }
    let limits = Limits {
        max_pages: MAX_PAGES,
        max_ops: 5_000_000,
        max_glyphs: 400_000,
        max_form_depth: 12,
        deadline: Instant::now() + TIME_BUDGET,
    };
    // The parser is third-party code: a panic inside it is a damaged file, not a crash.
    let extracted = std::panic::catch_unwind(|| extract::extract(bytes, &limits))
        .unwrap_or(Err(Failure::Unreadable))
        .map_err(failure)?;
    let truncated = !ends_with_eof(bytes);
    from_extraction(extracted, truncated)
}

fn from_extraction(ex: Extraction, truncated: bool) -> Result<Reading, Diagnostic> {
    let mut warnings: Vec<Diagnostic> = ex
        .problems
        .iter()
        .map(|p| Diagnostic::warning(format!("the PDF was read in part: {p}")))
        .collect();
    let glyphs: usize = ex.pages.iter().map(|p| p.glyphs.len()).sum();
    let letters: usize = ex
        .pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| g.text.chars().any(char::is_alphanumeric))
        .count();
    if letters == 0 {
        return Err(no_text(truncated, ex.pages.len(), glyphs));
    }
    if truncated {
        warnings.push(
            Diagnostic::warning(
                "the PDF seems cut off (it does not end with %%EOF); what could be read was read",
            )
            .hint("check the result against the original, or export the PDF again"),
        );
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut gutters: Vec<Option<f32>> = Vec::new();
    for (n, page) in ex.pages.iter().enumerate() {
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        let before = gutters.last().copied().flatten();
        let (page_lines, gutter) =
            layout::page_lines_after(&page.glyphs, &ex.fonts, &page.links, &page.dots, n, before);
        lines.extend(page_lines);
        gutters.push(gutter);
    }
    let heights: Vec<f32> = ex.pages.iter().map(|p| p.height).collect();
    let furniture = drop_running_lines(&mut lines, &heights);
    let (mut lines, furniture) = columns_across_pages(lines, furniture, &gutters);
    repair::repair_words(&mut lines);
    let typography = blocks::Typography::of(&lines);
    let links: Vec<Vec<extract::Link>> = ex.pages.into_iter().map(|p| p.links).collect();
    let blocks = blocks::build(&lines, &furniture, &links, &typography, 1);
    Ok(Reading { doc: Document { blocks, meta: ex.meta, front_matter: None }, warnings })
}

/// Pages in a row split at the same gutter into two columns hold two flows that run on from
/// page to page (a section that starts at the foot of the main column goes on at the top of
/// the next page's main column): the first column of all those pages is read, then the
/// second. Each line keeps its furniture flag.
fn columns_across_pages(
    lines: Vec<Line>,
    furniture: Vec<bool>,
    gutters: &[Option<f32>],
) -> (Vec<Line>, Vec<bool>) {
    let two_columns = |p: usize| {
        gutters.get(p).copied().flatten().is_some()
            && lines.iter().filter(|l| l.page as usize == p).all(|l| l.column <= 1)
    };
    // The first page of the run each page belongs to.
    let mut run_of: Vec<usize> = (0..gutters.len()).collect();
    for p in 1..gutters.len() {
        let same = match (gutters[p - 1], gutters[p]) {
            (Some(a), Some(b)) => (a - b).abs() < 1.0,
            _ => false,
        };
        if same && two_columns(p) && two_columns(p - 1) {
            run_of[p] = run_of[p - 1];
        }
    }
    let key = |l: &Line| {
        let page = l.page as usize;
        (run_of.get(page).copied().unwrap_or(page), l.column, l.page)
    };
    let mut order: Vec<usize> = (0..lines.len()).collect();
    // Stable: within one page and column the lines keep their order.
    order.sort_by_key(|&i| key(&lines[i]));
    let mut slots: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    let lines = order.iter().filter_map(|&i| slots[i].take()).collect();
    let furniture = order.iter().map(|&i| furniture.get(i).copied().unwrap_or(false)).collect();
    (lines, furniture)
}

/// The lines in reading order with their geometry and fonts, one per line of text, for
/// looking at what the layout stage sees (`examples/pdf_tree.rs --lines`).
#[doc(hidden)]
pub fn debug_lines(bytes: &[u8]) -> String {
    let limits = Limits {
        max_pages: MAX_PAGES,
        max_ops: 5_000_000,
        max_glyphs: 400_000,
        max_form_depth: 12,
        deadline: Instant::now() + TIME_BUDGET,
    };
    let Ok(ex) = extract::extract(bytes, &limits) else { return String::new() };
    let mut out = String::new();
    for (n, page) in ex.pages.iter().enumerate() {
        for l in layout::page_lines(&page.glyphs, &ex.fonts, &page.links, &page.dots, n as u16) {
            let cells: Vec<String> = l
                .cells
                .iter()
                .map(|c| {
                    let w = c.words.first();
                    format!(
                        "[x{:.0}-{:.0} s{:.1}{}{}] {}",
                        c.x0,
                        c.x1,
                        c.size,
                        if w.is_some_and(|w| w.bold) { " B" } else { "" },
                        if w.is_some_and(|w| w.italic) { " I" } else { "" },
                        c.text()
                    )
                })
                .collect();
            out.push_str(&format!(
                "p{} c{} y{:.1} | {}\n",
                l.page,
                l.column,
                l.y(),
                cells.join(" | ")
            ));
        }
    }
    out
}

/// A file that parsed but holds no text.
fn no_text(truncated: bool, pages: usize, glyphs: usize) -> Diagnostic {
    if truncated && pages == 0 {
        return Diagnostic::error("the PDF is damaged: it is cut off and no page could be read")
            .hint("download or export the PDF again; the file is incomplete");
    }
    if glyphs > 0 {
        return Diagnostic::error(
            "the PDF's fonts do not say which letters they draw, so no text can be read from it",
        )
        .hint(
            "export the PDF again from the program that made it, or import the original document",
        );
    }
    Diagnostic::error("the PDF has no text layer: its pages are images (a scan or a photo), and vitae does not read text from images")
        .hint("import the original document (Word, text, Markdown), or run the PDF through OCR software first")
}

fn failure(f: Failure) -> Diagnostic {
    match f {
        Failure::Encrypted => Diagnostic::error("the PDF is encrypted with a password")
            .hint("open it in a PDF viewer and save or print an unprotected copy, then import that"),
        Failure::Unreadable => Diagnostic::error(
            "the PDF is damaged or not a PDF: its structure could not be read",
        )
        .hint("open it in a PDF viewer to check it, then export or print it to a new PDF"),
        Failure::TooManyPages(n) => Diagnostic::error(format!(
            "the PDF has {n} pages; a resume has a few (at most {MAX_PAGES} are read)"
        ))
        .hint("save the pages of the resume as their own PDF and import that"),
        Failure::Bomb(e) => Diagnostic::error(format!(
            "a compressed part of the PDF (object {}) expands to more than {} MiB, far more than a resume holds",
            e.object,
            e.limit >> 20
        ))
        .hint("the file is damaged or malicious; export the resume to a new PDF"),
    }
}

/// `%%EOF` near the end: a complete file (writers may add a few bytes after it).
fn ends_with_eof(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// Running headers and footers: a line in the top or bottom tenth of a page that repeats on
/// another page at the same height is kept only where it first appears; page numbers
/// ("3", "Page 2 of 3", "- 2 -") in those margins are dropped everywhere. Returns, for each
/// kept line, whether it is page furniture to be read with the document's header: a running
/// line, or a footer on the first page with an address to write to (an email or a link),
/// where contact details often sit.
fn drop_running_lines(lines: &mut Vec<Line>, heights: &[f32]) -> Vec<bool> {
    let in_margin = |l: &Line| {
        let h = heights.get(l.page as usize).copied().unwrap_or(842.0);
        l.y() < h * 0.1 || l.y() > h * 0.9
    };
    let key = |l: &Line| -> String {
        l.text()
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    let pages = heights.len();
    let mut keep = vec![true; lines.len()];
    let mut furniture = vec![false; lines.len()];
    let margin: Vec<usize> =
        (0..lines.len()).filter(|&i| in_margin(&lines[i])).take(2000).collect();
    for &i in &margin {
        let l = &lines[i];
        if is_page_number(&l.text()) {
            keep[i] = false;
            continue;
        }
        if pages < 2 {
            continue;
        }
        let k = key(l);
        let first = margin.iter().take_while(|&&j| j < i).copied().find(|&j| {
            let o = &lines[j];
            o.page < l.page && (o.y() - l.y()).abs() < 3.0 && key(o) == k
        });
        if let Some(first) = first
            && !k.is_empty()
        {
            keep[i] = false;
            furniture[first] = true;
        }
    }
    for &i in &margin {
        let l = &lines[i];
        let h = heights.get(l.page as usize).copied().unwrap_or(842.0);
        let addressed = l.text().contains('@') || l.words().any(|w| w.link.is_some());
        if l.page == 0 && l.y() > h * 0.9 && addressed && set_apart_below(lines, i, h * 0.9) {
            furniture[i] = true;
        }
    }
    let mut it = keep.iter();
    lines.retain(|_| it.next().copied().unwrap_or(true));
    furniture.into_iter().zip(keep).filter(|(_, k)| *k).map(|(f, _)| f).collect()
}

/// Whether the block of lines in the bottom margin that line `i` belongs to (lines under one
/// another with no more than a blank line between them, over the same stretch of the page)
/// stands apart from the text above it: a footer does; the last lines of the body that run
/// into the margin (a reference's address, a link under a publication) do not.
fn set_apart_below(lines: &[Line], i: usize, margin_top: f32) -> bool {
    let line = &lines[i];
    let overlaps = |o: &Line| o.x0() < line.x1() && line.x0() < o.x1();
    let mut above: Vec<&Line> = lines
        .iter()
        .filter(|o| o.page == line.page && o.y() < line.y() - 1.0 && overlaps(o))
        .collect();
    above.sort_by(|a, b| b.y().total_cmp(&a.y()));
    let mut y = line.y();
    for o in above {
        if y - o.y() > 2.2 * o.size().max(line.size()).max(1.0) {
            return true;
        }
        if o.y() <= margin_top {
            return false;
        }
        y = o.y();
    }
    true
}

fn is_page_number(text: &str) -> bool {
    let t =
        text.trim().trim_matches(|c: char| c == '-' || c == '–' || c == '|' || c.is_whitespace());
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let numeric = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
    match words.as_slice() {
        [n] => numeric(n) && n.len() <= 3 || n.split('/').all(numeric) && n.contains('/'),
        [p, n] => ["page", "seite", "página", "pagina", "p."].contains(p) && numeric(n),
        [p, n, of, m] => {
            ["page", "seite", "página", "pagina"].contains(p)
                && numeric(n)
                && ["of", "von", "de", "di", "sur", "/"].contains(of)
                && numeric(m)
        }
        [n, of, m] => numeric(n) && ["of", "/", "von", "de"].contains(of) && numeric(m),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use extract::{Font, Glyph};
    use layout::tests::run;

    #[test]
    fn a_date_wrapped_in_its_margin_stays_with_its_row() {
        // "May–Aug" over "2024" in a narrow margin, beside a title and the line under it;
        // then a second entry.
        let mut glyphs = run("May–Aug", 40.0, 100.0, 10.0);
        glyphs.extend(run("Intern, Acme Ltd, Porto", 120.0, 100.0, 10.0));
        glyphs.extend(run("2024", 40.0, 112.0, 10.0));
        glyphs.extend(run("Tested the new pumps.", 120.0, 112.0, 10.0));
        glyphs.extend(run("2019–2021", 40.0, 140.0, 10.0));
        glyphs.extend(run("Engineer, Beta Works, Braga", 120.0, 140.0, 10.0));
        let lines = layout::page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let text = format!("{built:?}");
        assert_eq!(text.matches("header: false").count(), 2, "{text}");
        let (wrapped, next) = (text.find("2024").unwrap(), text.find("2019").unwrap());
        assert!(text.find("Tested").unwrap() < next && wrapped < next, "{text}");
    }

    #[test]
    fn a_long_column_without_headings_is_not_read_as_the_pages_header() {
        // A main column under a heading on the left; on the right, starting lower, a column
        // of entries with no heading of its own. It follows the main column.
        let mut glyphs = run("Experience", 40.0, 100.0, 13.0);
        for i in 0..10 {
            glyphs.extend(run(
                &format!("main line {i} of the left column"),
                40.0,
                120.0 + 12.0 * i as f32,
                10.0,
            ));
        }
        for i in 0..8 {
            glyphs.extend(run(
                &format!("side line {i} here"),
                320.0,
                160.0 + 12.0 * i as f32,
                10.0,
            ));
        }
        let lines = layout::page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let text = format!("{built:?}");
        let (heading, side) = (text.find("Experience").unwrap(), text.find("side line 0").unwrap());
        assert!(heading < side, "{text}");
    }

    #[test]
    fn a_smaller_heading_under_a_larger_one_is_nested_under_it() {
        // Section headings at 16pt, a school and a skills group at 12pt under them.
        let mut glyphs = run("Jane Roe", 40.0, 60.0, 24.0);
        let mut y = 130.0;
        for (text, size) in [
            ("Schooling", 16.0),
            ("Northwind University", 12.0),
            ("BSc in Physics, 2015", 10.0),
            ("Craft", 16.0),
            ("Tongues", 12.0),
            ("Rust and Go and plenty of other words", 10.0),
        ] {
            glyphs.extend(run(text, 40.0, y, size));
            y += 2.2 * size;
        }
        for i in 0..6 {
            glyphs.extend(run(&format!("body line {i} of plain text"), 40.0, y, 10.0));
            y += 12.0;
        }
        let lines = layout::page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let levels: Vec<(String, u8)> = built
            .iter()
            .filter_map(|b| match &b.kind {
                crate::parse::doc::BlockKind::Heading { level, content } => {
                    Some((format!("{content:?}"), *level))
                }
                _ => None,
            })
            .collect();
        let level_of = |word: &str| levels.iter().find(|(t, _)| t.contains(word)).map(|l| l.1);
        assert_eq!(level_of("Schooling"), Some(2), "{levels:?}");
        assert_eq!(level_of("Northwind"), Some(3), "{levels:?}");
        assert_eq!(level_of("Craft"), Some(2), "{levels:?}");
        assert_eq!(level_of("Tongues"), Some(3), "{levels:?}");
    }

    #[test]
    fn an_italic_phrase_wrapped_at_the_column_edge_stays_one_span() {
        // An entry line whose italic role wraps at the right edge of the column, then two
        // short italic lines that end well before it (a stack of lines, not a wrap).
        let italic = |mut glyphs: Vec<Glyph>| {
            glyphs.iter_mut().for_each(|g| g.font = 1);
            glyphs
        };
        let mut glyphs = run("Acme, Porto - ", 40.0, 100.0, 10.0);
        glyphs.extend(italic(run("Frobnicated the quuxers and", 102.0, 100.0, 10.0)));
        glyphs.extend(italic(run("zorblaxes", 40.0, 112.0, 10.0)));
        glyphs.extend(italic(run("Quuxer", 40.0, 150.0, 10.0)));
        glyphs.extend(italic(run("Zorblaxer", 40.0, 162.0, 10.0)));
        let fonts = [Font::default(), Font { italic: true, ..Font::default() }];
        let lines = layout::page_lines(&glyphs, &fonts, &[], &[], 0);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let doc = crate::parse::doc::Document { blocks: built, ..Default::default() };
        let outline = doc.outline();
        assert!(outline.contains("_Frobnicated the quuxers and ⏎ zorblaxes_"), "{outline}");
        assert!(outline.contains("_Quuxer_ ⏎ _Zorblaxer_"), "{outline}");
    }

    #[test]
    fn an_icon_between_contact_items_sets_them_apart() {
        // "Porto, Portugal (icon) +351 210 000 000": the icon glyph maps to no text.
        let mut glyphs = run("Porto, Portugal ", 40.0, 100.0, 10.0);
        let icon = Glyph { text: String::new(), x: 120.0, width: 8.0, ..glyphs[0].clone() };
        glyphs.push(icon);
        glyphs.extend(run(" +351 210 000 000", 128.0, 100.0, 10.0));
        let mut lines = layout::page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        repair::repair_words(&mut lines);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let doc = crate::parse::doc::Document { blocks: built, ..Default::default() };
        assert_eq!(doc.outline().trim(), "P@1 Porto, Portugal ↵ +351 210 000 000");
    }

    #[test]
    fn a_line_set_at_exactly_six_fifths_of_the_body_size_is_a_heading() {
        // TeX's 12pt section titles over 10pt body text, in PDF points.
        let mut glyphs = Vec::new();
        let mut y = 100.0;
        for title in ["Schooling", "Craft"] {
            glyphs.extend(run(title, 40.0, y, 11.955));
            y += 22.0;
            for i in 0..3 {
                glyphs.extend(run(&format!("body line {i} under {title}"), 40.0, y, 9.963));
                y += 12.0;
            }
            y += 10.0;
        }
        let lines = layout::page_lines(&glyphs, &[Font::default()], &[], &[], 0);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let doc = crate::parse::doc::Document { blocks: built, ..Default::default() };
        let outline = doc.outline();
        assert!(outline.contains("H2@1 Schooling") && outline.contains("Craft\n"), "{outline}");
        assert!(outline.lines().filter(|l| l.starts_with('H')).count() == 2, "{outline}");
    }

    /// The document tree of glyphs set on consecutive pages, as an outline.
    fn outline_of_pages(pages: &[Vec<Glyph>]) -> String {
        let mut lines = Vec::new();
        for (n, glyphs) in pages.iter().enumerate() {
            lines.extend(layout::page_lines(glyphs, &[Font::default()], &[], &[], n as u16));
        }
        let typography = blocks::Typography::of(&lines);
        let links = vec![Vec::new(); pages.len()];
        let built = blocks::build(&lines, &vec![false; lines.len()], &links, &typography, 1);
        crate::parse::doc::Document { blocks: built, ..Default::default() }.outline()
    }

    #[test]
    fn a_sentence_broken_by_a_page_turn_runs_on_at_the_top_of_the_next_page() {
        // An item and a paragraph that the foot of a page cuts mid-sentence, each carried on
        // at the top of the next page; a paragraph that ends with the page stays whole.
        let body = |text: &str, x: f32, y: f32| run(text, x, y, 10.0);
        let mut first = run("Quuxings", 40.0, 640.0, 14.0);
        first.extend(body("• Built the pump controller of the", 40.0, 670.0));
        first.extend(body("harbour crane for Acme and", 52.0, 682.0));
        let mut second = body("Globex in two weeks.", 52.0, 60.0);
        second.extend(body("Wrote the manual for the Initech sorting", 40.0, 90.0));
        second.extend(body("robots over one summer and then the", 40.0, 102.0));
        let mut third = body("tests that check it.", 40.0, 60.0);
        third.extend(body("Ran the Northwind ferry timetable.", 40.0, 90.0));
        let mut fourth = body("Sailed to Porto.", 40.0, 60.0);
        fourth.extend(body("Tended the lighthouse.", 40.0, 72.0));
        let outline = outline_of_pages(&[first, second, third, fourth]);
        assert!(outline.contains("harbour crane for Acme and ⏎ Globex in two weeks."), "{outline}");
        assert!(outline.contains("then the ⏎ tests that check it."), "{outline}");
        assert!(!outline.contains("timetable. ⏎ Sailed"), "{outline}");
    }

    #[test]
    fn a_label_wrapped_in_its_margin_stays_in_its_cell() {
        // Labels in a margin column beside the text of a column; one label wraps onto a
        // second line with nothing beside it. Below, an entry title with its dates on the
        // right and a line under the title: that line is not part of the title.
        let mut glyphs = Vec::new();
        let mut y = 100.0;
        for (label, text) in [("Zorblax", "Key 1234 from Acme"), ("Blorf", "Key 5678 from Globex")]
        {
            glyphs.extend(run(label, 40.0, y, 10.0));
            glyphs.extend(run(text, 120.0, y, 10.0));
            glyphs.extend(run("Quuxer", 40.0, y + 12.0, 10.0));
            y += 40.0;
        }
        for i in 0..6 {
            let line = format!("body line {i} of the text column, long enough to count");
            glyphs.extend(run(&line, 120.0, y, 10.0));
            y += 12.0;
        }
        let outline = outline_of_pages(&[glyphs]);
        assert!(outline.contains("P@1 Zorblax ⏎ Quuxer"), "{outline}");
        assert!(outline.contains("P@3 Blorf ⏎ Quuxer"), "{outline}");

        let mut glyphs = run("Acme Corp", 40.0, 100.0, 10.0);
        glyphs.extend(run("1991-1993", 400.0, 100.0, 10.0));
        glyphs.extend(run("Welder", 40.0, 112.0, 10.0));
        for i in 0..6 {
            let line = format!("body line {i} of the text column, long enough to count");
            glyphs.extend(run(&line, 40.0, 136.0 + 12.0 * i as f32, 10.0));
        }
        let outline = outline_of_pages(&[glyphs]);
        assert!(!outline.contains("Acme Corp ⏎ Welder"), "{outline}");
    }

    #[test]
    fn a_numbered_section_heading_is_a_heading_without_its_number() {
        // "1  Schooling" in bold 14pt over body text, as an article-class CV sets it; a
        // numbered line in body type stays as it is.
        let mut glyphs = run("Jane Roe", 40.0, 60.0, 20.0);
        let mut y = 100.0;
        for (n, title) in [("1", "Schooling"), ("2", "Frobbing")] {
            glyphs.extend(run(n, 40.0, y, 14.0));
            glyphs.extend(run(title, 70.0, y, 14.0));
            y += 24.0;
            for i in 0..3 {
                glyphs.extend(run(&format!("body line {i} under {title}"), 40.0, y, 10.0));
                y += 12.0;
            }
        }
        glyphs.extend(run("3", 40.0, y, 10.0));
        glyphs.extend(run("copies of the report", 70.0, y, 10.0));
        let fonts = [Font { bold: true, ..Font::default() }];
        let lines = layout::page_lines(&glyphs, &fonts, &[], &[], 0);
        let typography = blocks::Typography::of(&lines);
        let built = blocks::build(&lines, &vec![false; lines.len()], &[Vec::new()], &typography, 1);
        let doc = crate::parse::doc::Document { blocks: built, ..Default::default() };
        let outline = doc.outline();
        assert!(outline.contains("H2@2 Schooling\n"), "{outline}");
        assert!(outline.contains("Frobbing\n") && !outline.contains("2 Frobbing"), "{outline}");
        assert!(outline.contains("3") && outline.contains("copies"), "{outline}");
    }

    #[test]
    fn only_a_footer_set_apart_from_the_body_is_read_with_the_header() {
        // A first page whose last lines (a reference and her address) run into the bottom
        // margin, and one whose address sits in a footer well below the body.
        let page = |last_y: f32| {
            let mut glyphs = Vec::new();
            for i in 0..6 {
                let y = last_y - 12.0 * (6 - i) as f32;
                glyphs.extend(run(&format!("reference line {i} of the body"), 40.0, y, 10.0));
            }
            glyphs.extend(run("Jane Roe, jane.roe@example.org", 40.0, last_y, 10.0));
            glyphs
        };
        for (body_end, footer, expected) in [(790.0, 790.0, false), (700.0, 800.0, true)] {
            let mut glyphs = page(body_end);
            if footer != body_end {
                glyphs.extend(run("Acme Street 1, ada@example.org", 40.0, footer, 10.0));
            }
            let mut lines = layout::page_lines(&glyphs, &[Font::default()], &[], &[], 0);
            let furniture = drop_running_lines(&mut lines, &[842.0]);
            let moved: Vec<String> =
                lines.iter().zip(&furniture).filter(|(_, f)| **f).map(|(l, _)| l.text()).collect();
            assert_eq!(!moved.is_empty(), expected, "{moved:?}");
        }
    }

    #[test]
    fn page_numbers_are_recognised() {
        for t in ["3", "- 2 -", "Page 1 of 2", "Seite 2 von 3", "2 / 3", "Página 1 de 1"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2019", "Page design", "12 years of experience"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
