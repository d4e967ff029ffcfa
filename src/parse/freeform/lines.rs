//! Reads a document into [`Line`]s with the features later stages score: heading level,
//! bullet and list item, paragraph, emphasis, links and table or column cells. Markdown goes
//! through pulldown-cmark's events; plain text through a line reader that knows soft-wrapped
//! paragraphs, glyph bullets and numbered headings. Markup never reaches a line's text.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::markup::is_adornment;

/// One visible line of the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// The text, markup removed, whitespace collapsed.
    pub text: String,
    /// Heading level (1 = top), from markup, underlines or numbering ("1.3" is level 2).
    pub heading: Option<u8>,
    /// This line starts a list item.
    pub bullet: bool,
    /// The list item the line belongs to (its continuation lines and paragraphs share it).
    pub item: Option<usize>,
    /// List nesting, 0 outside lists.
    pub depth: u8,
    /// Lines of one paragraph share this id.
    pub para: usize,
    /// Text of the strongly emphasised spans.
    pub strong: Vec<String>,
    /// The whole line is emphasised.
    pub whole_strong: bool,
    pub links: Vec<Link>,
    /// Cells of a table row or of fixed-width columns; empty for ordinary lines.
    pub cols: Vec<String>,
    /// Ends in a page number set apart by a gap or dot leaders, as a table of contents does.
    pub toc_like: bool,
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
}

/// Reads Markdown through pulldown-cmark.
pub fn from_markdown(text: &str) -> Vec<Line> {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_TASKLISTS;
    let mut b = Builder::default();
    for event in Parser::new_ext(text, opts) {
        b.event(event);
    }
    b.flush();
    refine(b.lines)
}

#[derive(Default)]
struct Builder {
    lines: Vec<Line>,
    cur: Option<Line>,
    para: usize,
    next_item: usize,
    /// Open list items: id and whether a paragraph of it was seen.
    items: Vec<(usize, bool)>,
    lists: u8,
    pending_bullet: bool,
    heading: Option<u8>,
    strong: u32,
    strong_buf: String,
    links: Vec<(String, usize)>,
    image: u32,
    code: Option<String>,
    cells: Option<Vec<String>>,
    head_row: bool,
}

impl Builder {
    fn event(&mut self, event: Event) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let code = self.code.take().unwrap_or_default();
                    self.flush();
                    for line in from_plain(&code) {
                        self.para += 1;
                        let para = self.para + line.para;
                        self.lines.push(Line { para, ..line });
                    }
                    self.para += code.lines().count() + 1;
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            Event::SoftBreak | Event::HardBreak => self.soft_break(),
            Event::Rule => {
                self.flush();
                self.para += 1;
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::DefinitionListDefinition => {
                self.flush();
                self.para += 1;
            }
            Tag::DefinitionListTitle => {
                self.flush();
                self.para += 1;
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.para += 1;
                self.heading = Some(heading_level(level));
            }
            Tag::List(_) => {
                self.flush();
                self.lists = self.lists.saturating_add(1);
            }
            Tag::Item => {
                self.flush();
                self.next_item += 1;
                self.items.push((self.next_item, false));
                self.pending_bullet = true;
                self.para += 1;
            }
            Tag::Strong | Tag::Emphasis => {
                self.strong += 1;
            }
            Tag::Link { dest_url, .. } => {
                let at = self.cur.as_ref().map_or(0, |l| l.text.len());
                self.links.push((dest_url.to_string(), at));
            }
            Tag::Image { .. } => self.image += 1,
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::TableHead => {
                self.head_row = true;
                self.cells = Some(Vec::new());
            }
            Tag::TableRow => self.cells = Some(Vec::new()),
            Tag::TableCell => {
                self.flush();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::DefinitionListTitle => {
                if let Some(l) = &mut self.cur {
                    let t = collapse(&l.text);
                    l.strong = vec![t];
                }
                self.flush();
            }
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::DefinitionListDefinition => {
                self.flush();
                self.heading = None;
            }
            TagEnd::Item => {
                self.flush();
                self.items.pop();
                self.pending_bullet = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists = self.lists.saturating_sub(1);
            }
            TagEnd::Strong | TagEnd::Emphasis => {
                self.strong = self.strong.saturating_sub(1);
                if self.strong == 0 {
                    let s = collapse(&self.strong_buf);
                    if !s.is_empty() {
                        self.line().strong.push(s);
                    }
                    self.strong_buf.clear();
                }
            }
            TagEnd::Link => {
                if let Some((url, at)) = self.links.pop() {
                    let line = self.line();
                    let text = line.text.get(at..).map(collapse).unwrap_or_default();
                    let text = if text.is_empty() { url.clone() } else { text };
                    line.links.push(Link { text, url });
                }
            }
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            TagEnd::TableCell => {
                let cell = self.cur.take().map(|l| collapse(&l.text)).unwrap_or_default();
                if let Some(cells) = &mut self.cells {
                    cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let cells = self.cells.take().unwrap_or_default();
                let head = std::mem::take(&mut self.head_row);
                // A header row of column names ("Company | Role") is not content.
                let labels = cells.iter().all(|c| c.split_whitespace().count() <= 3)
                    && !cells.iter().any(|c| c.chars().any(|ch| ch.is_ascii_digit()));
                let cells: Vec<String> = cells.into_iter().filter(|c| !c.is_empty()).collect();
                if !(cells.is_empty() || head && labels) {
                    self.para += 1;
                    self.lines.push(Line {
                        text: cells.join(" | "),
                        para: self.para,
                        cols: cells,
                        ..Default::default()
                    });
                }
            }
            _ => {}
        }
    }

    fn line(&mut self) -> &mut Line {
        if self.cur.is_none() {
            let item = self.items.last().map(|(id, _)| *id);
            let bullet = std::mem::take(&mut self.pending_bullet);
            if let Some(last) = self.items.last_mut() {
                last.1 = true;
            }
            self.cur = Some(Line {
                heading: self.heading,
                bullet,
                item,
                depth: self.lists,
                para: self.para,
                ..Default::default()
            });
        }
        self.cur.get_or_insert_with(Line::default)
    }

    fn text(&mut self, t: &str) {
        if self.image > 0 {
            return;
        }
        if self.strong > 0 {
            self.strong_buf.push_str(t);
        }
        self.line().text.push_str(t);
    }

    fn html(&mut self, h: &str) {
        let lower = h.to_ascii_lowercase();
        if lower.starts_with("<br") {
            self.soft_break();
            return;
        }
        if lower.trim_start().starts_with("<!--") {
            return;
        }
        let text = TAG.replace_all(h, " ");
        if !text.trim().is_empty() && !h.trim_start().starts_with('<') {
            self.text(&text);
        }
    }

    fn soft_break(&mut self) {
        if let Some(mut line) = self.cur.take() {
            // A strong span may continue over the break: close it on this line.
            if self.strong > 0 && !self.strong_buf.trim().is_empty() {
                line.strong.push(collapse(&self.strong_buf));
                self.strong_buf.clear();
            }
            let item = line.item;
            let para = line.para;
            let depth = line.depth;
            let heading = line.heading;
            self.push(line);
            self.cur = Some(Line { item, para, depth, heading, ..Default::default() });
        }
    }

    fn flush(&mut self) {
        if let Some(line) = self.cur.take() {
            self.push(line);
        }
    }

    fn push(&mut self, mut line: Line) {
        line.toc_like = TOC_LINE.is_match(line.text.trim_end());
        line.text = collapse(&line.text);
        if line.text.is_empty() {
            return;
        }
        finish(&mut line);
        self.lines.push(line);
    }
}

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("tag pattern"));

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whitespace runs become one space.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn finish(line: &mut Line) {
    let strong: String = line.strong.join(" ");
    line.whole_strong = !strong.is_empty()
        && collapse(&strong) == line.text.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
}

/// Reads plain text: blank lines and short lines end paragraphs, long lines wrap into the next.
pub fn from_plain(text: &str) -> Vec<Line> {
    let raw: Vec<&str> = text.lines().collect();
    let width = typical_width(&raw);
    let mut lines: Vec<Line> = Vec::new();
    let mut para = 0;
    let mut wraps = false;
    for (i, l) in raw.iter().enumerate() {
        if l.trim().is_empty() {
            para += 1;
            wraps = false;
            continue;
        }
        if is_adornment(l) {
            // An underline makes the line above a heading; any other rule ends a paragraph.
            let c = l.trim().chars().next().unwrap_or('-');
            let above = i > 0 && !raw[i - 1].trim().is_empty() && !is_adornment(raw[i - 1]);
            if let (true, Some(prev)) = (above, lines.last_mut())
                && prev.para == para
                && !prev.bullet
            {
                prev.heading = Some(if c == '=' { 1 } else { 2 });
            }
            para += 1;
            wraps = false;
            continue;
        }
        let indent = l.len() - l.trim_start().len();
        let cols: Vec<String> = if l.trim().contains("   ") {
            COLUMNS.split(l.trim()).map(collapse).filter(|c| !c.is_empty()).collect()
        } else {
            Vec::new()
        };
        let text = collapse(l);
        // A section heading never continues a wrapped line.
        if !wraps
            || (text.split_whitespace().count() <= 4 && super::sections::lexicon(&text).is_some())
        {
            para += 1;
        }
        let chars = text.chars().count();
        wraps = chars * 10 >= width * 6 && chars >= 40 && !text.ends_with(['.', '!', '?']);
        lines.push(Line {
            toc_like: TOC_LINE.is_match(l.trim_end()),
            text,
            para,
            depth: (indent / 2).min(8) as u8,
            cols: if cols.len() > 1 { cols } else { Vec::new() },
            ..Default::default()
        });
    }
    refine(lines)
}

static COLUMNS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {3,}").expect("columns"));

/// The length of a full line: what a wrapped line reaches.
fn typical_width(lines: &[&str]) -> usize {
    let mut lens: Vec<usize> =
        lines.iter().map(|l| l.trim().chars().count()).filter(|n| *n > 0).collect();
    lens.sort_unstable();
    lens.get(lens.len() * 9 / 10).copied().unwrap_or(80).max(40)
}

static GLYPH_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[•\-*+–—>o]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(\S.*)$").expect("bullet")
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(\.?)\s+(\S.*)$").expect("numbered heading")
});
static TOC_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s{2,}|\.{3,}\s*|\s\|\s)\d{1,3}$").expect("toc line"));
static POD_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*=item\s+(?:\*\s*)?").expect("pod item"));

/// The passes every reader shares: glyph and dash bullets, POD items flattened into one line,
/// numbered headings, and table-of-contents lines (dropped).
fn refine(lines: Vec<Line>) -> Vec<Line> {
    let toc = lines.iter().filter(|l| l.toc_like).count() >= 3;
    let numbered_multi = lines
        .iter()
        .filter(|l| NUMBERED.captures(&l.text).is_some_and(|c| c[1].contains('.')))
        .count()
        >= 2;
    let mut next_item = lines.iter().filter_map(|l| l.item).max().unwrap_or(0) + 1;
    let mut out = Vec::with_capacity(lines.len());
    let mut prev_para = usize::MAX;
    for line in lines {
        if toc && line.toc_like && NUMBERED.is_match(&line.text) {
            continue;
        }
        let first_of_para = line.para != prev_para;
        prev_para = line.para;
        for mut l in split_pod_items(line, &mut next_item) {
            if l.heading.is_none()
                && first_of_para
                && !l.bullet
                && let Some(c) = NUMBERED.captures(&l.text)
            {
                let parts = c[1].split('.').count() as u8;
                let rest = c[3].to_string();
                let multi = parts > 1 || (numbered_multi && c[2].is_empty());
                if multi && heading_like(&rest) {
                    l.heading = Some(parts);
                    l.whole_strong = l.whole_strong || l.strong.join(" ") == rest;
                    l.text = rest;
                    out.push(l);
                    continue;
                }
            }
            if l.heading.is_none()
                && !l.bullet
                && let Some(c) = GLYPH_BULLET.captures(&l.text)
            {
                let marker = l.text.chars().next().unwrap_or(' ');
                // "o" and letters are bullets only when what follows looks like an item.
                let rest = c[1].to_string();
                let plausible = marker != 'o' || rest.starts_with(char::is_uppercase);
                if plausible && !rest.starts_with(['-', '*']) {
                    l.text = rest;
                    l.bullet = true;
                    l.item = Some(next_item);
                    next_item += 1;
                    finish(&mut l);
                }
            }
            out.push(l);
        }
    }
    // Continuation lines of a plain-text bullet belong to its item.
    let mut current: Option<(usize, usize)> = None;
    for l in &mut out {
        if l.bullet {
            current = l.item.map(|i| (i, l.para));
        } else if let Some((item, para)) = current {
            if l.para == para && l.item.is_none() {
                l.item = Some(item);
            } else if l.para != para {
                current = None;
            }
        }
    }
    out
}

/// A POD list flattened into one line ("A =item * B =item * C") becomes one bullet per item.
fn split_pod_items(line: Line, next_item: &mut usize) -> Vec<Line> {
    if !line.text.contains("=item") {
        return vec![line];
    }
    let parts: Vec<String> =
        POD_ITEM.split(&line.text).map(collapse).filter(|p| !p.is_empty()).collect();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let mut l = Line { text, strong: Vec::new(), ..line.clone() };
            if i > 0 {
                l.bullet = true;
                l.item = Some(*next_item);
                *next_item += 1;
                l.para = line.para;
            }
            l.whole_strong = line.whole_strong;
            l
        })
        .collect()
}

/// Short, no sentence end: could be a heading or a title line.
pub fn heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=12).contains(&words) && !text.ends_with(['.', ';', ',']) && text.chars().count() <= 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_gives_headings_items_emphasis_and_links() {
        let md = "Ada Lovelace\n==\n\n## Work\n\n* [Acme](https://acme.example)\n\n  More about it.\n* **Lead** 2019 - 2020\n  Acme Corp\n";
        let lines = from_markdown(md);
        assert_eq!(lines[0].heading, Some(1));
        assert_eq!(lines[1].text, "Work");
        assert!(lines[2].bullet);
        assert_eq!(lines[2].links[0].url, "https://acme.example");
        assert_eq!(lines[3].item, lines[2].item);
        assert!(!lines[3].bullet);
        assert_eq!(lines[4].strong, vec!["Lead".to_string()]);
        assert_eq!(lines[5].text, "Acme Corp");
        assert_eq!(lines[5].item, lines[4].item);
    }

    #[test]
    fn plain_text_joins_wrapped_lines_and_finds_bullets() {
        let t = "EXPERIENCE\nAcme\nI built a thing that was quite large and took a very long time to\nfinish in the end.\n• Shipped it\n1.3 Work history\n";
        let lines = from_plain(t);
        assert_eq!(lines[2].para, lines[3].para);
        assert_ne!(lines[1].para, lines[2].para);
        assert!(lines[4].bullet);
        assert_eq!(lines[4].text, "Shipped it");
        assert_eq!(lines[5].heading, Some(2));
        assert_eq!(lines[5].text, "Work history");
    }

    #[test]
    fn splits_flattened_pod_items() {
        let lines = from_markdown("- **A =item * B =item * C**\n");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["A", "B", "C"]);
        assert!(lines.iter().all(|l| l.bullet));
    }
}
