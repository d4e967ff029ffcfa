//! Helpers the line-based markup readers (reStructuredText, Org, AsciiDoc) share: source lines with
//! their numbers, indentation, bare links, and flattening blocks into inline content.

use crate::parse::doc::{Block, BlockKind, Inline, InlineBuf};

/// Nesting deeper than this (lists in lists, quotes in quotes, macros in macros) is read flat:
/// it bounds recursion and keeps every reader linear in its input.
pub const MAX_DEPTH: usize = 24;

/// A table with more columns than this is not a resume's table: its borders are read as text
/// (every row would otherwise cost the width of the widest border).
pub const MAX_COLUMNS: usize = 64;

/// One source line: its 1-based number and its text without the line ending, tabs expanded to
/// stops of 8 columns and trailing whitespace removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub no: u32,
    pub text: String,
}

/// Splits text into [`Line`]s (`\n`, `\r\n` and a lone `\r` end a line; a final line ending
/// does not start another line).
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut no = 0u32;
    loop {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        no = no.saturating_add(1);
        out.push(Line { no, text: expand_tabs(&rest[..end]).trim_end().to_string() });
        if end == rest.len() {
            break;
        }
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[end + skip..];
        if rest.is_empty() {
            break;
        }
    }
    out
}

fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

/// Leading spaces (tabs are already expanded).
pub fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The lines with up to `n` leading spaces removed from each.
pub fn dedent(lines: &[Line], n: usize) -> Vec<Line> {
    lines
        .iter()
        .map(|l| {
            let cut = indent(&l.text).min(n);
            Line { no: l.no, text: l.text[cut..].to_string() }
        })
        .collect()
}

/// The smallest indentation of the non-blank lines.
pub fn min_indent(lines: &[Line]) -> usize {
    lines.iter().filter(|l| !is_blank(&l.text)).map(|l| indent(&l.text)).min().unwrap_or(0)
}

/// From `start`, the end of the run of lines that are blank or indented by at least `min`;
/// blank lines at its end are left out.
pub fn indented_end(lines: &[Line], start: usize, min: usize) -> usize {
    let mut end = start;
    let mut k = start;
    while k < lines.len() {
        let t = &lines[k].text;
        if is_blank(t) {
            k += 1;
            continue;
        }
        if indent(t) < min {
            break;
        }
        k += 1;
        end = k;
    }
    end
}

/// The length of a bare link starting at `s` (`https://…`, `http://…`, `ftp://…`, `www.…`,
/// `mailto:…`), without trailing punctuation; 0 when `s` does not start one.
pub fn bare_link_len(s: &str) -> usize {
    let lower = |p: &str| {
        s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
    };
    if !["https://", "http://", "ftp://", "mailto:", "www."].iter().any(|p| lower(p)) {
        return 0;
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '|' | '{' | '}'))
        .map_or(s.len(), |(i, _)| i);
    let mut url = &s[..end];
    // Trailing punctuation ends the sentence, not the link; a closing bracket belongs to the
    // link only when the link opened one. Counted once, so this stays linear.
    let mut parens = url.matches('(').count() as isize - url.matches(')').count() as isize;
    let mut brackets = url.matches('[').count() as isize - url.matches(']').count() as isize;
    while let Some(c) = url.chars().last() {
        let trim = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' => true,
            ')' if parens < 0 => {
                parens += 1;
                true
            }
            ']' if brackets < 0 => {
                brackets += 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        url = &url[..url.len() - c.len_utf8()];
    }
    if url.len() <= 8 { 0 } else { url.len() }
}

/// The link target for a bare link: `www.` gets a scheme.
pub fn bare_link_target(url: &str) -> String {
    if url.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) {
        format!("https://{url}")
    } else {
        url.to_string()
    }
}

/// Blocks as inline content (a field's value, a table cell read as one line): paragraphs and
/// items one after another, separated by hard line breaks.
pub fn flatten_inlines(blocks: &[Block]) -> Vec<Inline> {
    let mut buf = InlineBuf::new();
    for b in blocks {
        push_flat(b, &mut buf);
    }
    buf.finish()
}

fn push_flat(b: &Block, buf: &mut InlineBuf) {
    let line = |buf: &mut InlineBuf, inlines: &[Inline]| {
        if !buf.is_empty() {
            buf.push(Inline::LineBreak);
        }
        for i in inlines {
            buf.push(i.clone());
        }
    };
    match &b.kind {
        BlockKind::Heading { content, .. } | BlockKind::Para(content) => line(buf, content),
        BlockKind::List { items, .. } => {
            for c in items.iter().flatten() {
                push_flat(c, buf);
            }
        }
        BlockKind::Definitions(defs) => {
            for d in defs {
                line(buf, &d.term);
                for c in &d.body {
                    push_flat(c, buf);
                }
            }
        }
        BlockKind::Table(rows) => {
            for c in rows.iter().flat_map(|r| r.cells.iter()).flatten() {
                push_flat(c, buf);
            }
        }
        BlockKind::Fields(fields) => {
            for f in fields {
                let mut kv = f.key.clone();
                kv.push(Inline::Text(": ".into()));
                kv.extend(f.value.iter().cloned());
                line(buf, &kv);
            }
        }
        BlockKind::Div { blocks, .. } | BlockKind::Quote(blocks) => {
            for c in blocks {
                push_flat(c, buf);
            }
        }
        BlockKind::Rule => {}
    }
}

/// Blocks read from an indented run: a run that holds only lists is a nested list (as it
/// looks), anything else a block quote.
pub fn quote_or_lists(blocks: Vec<Block>, line: u32) -> Vec<Block> {
    if blocks.is_empty() {
        return blocks;
    }
    let lists_only =
        blocks.iter().all(|b| matches!(b.kind, BlockKind::List { .. } | BlockKind::Definitions(_)));
    if lists_only { blocks } else { vec![Block::new(BlockKind::Quote(blocks), line)] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_with_tabs_expanded_and_endings_removed() {
        let ls = lines("a\r\n\tb  \n\nc\rd\n");
        let texts: Vec<(u32, &str)> = ls.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(texts, [(1, "a"), (2, "        b"), (3, ""), (4, "c"), (5, "d")]);
        assert_eq!(lines("x").len(), 1);
        assert_eq!(lines("").len(), 1);
    }

    #[test]
    fn bare_links_end_before_sentence_punctuation() {
        let s = "https://example.org/a_(b)). Next";
        assert_eq!(&s[..bare_link_len(s)], "https://example.org/a_(b)");
        assert_eq!(bare_link_len("www.example.org, and"), "www.example.org".len());
        assert_eq!(bare_link_len("http://"), 0);
        assert_eq!(bare_link_len("plain"), 0);
        assert_eq!(bare_link_target("www.example.org"), "https://www.example.org");
    }

    #[test]
    fn indented_runs_end_at_the_first_line_indented_less() {
        let ls = lines("x\n  a\n\n  b\n\ny\n");
        assert_eq!(indented_end(&ls, 1, 1), 4);
        assert_eq!(min_indent(&ls[1..4]), 2);
        assert_eq!(dedent(&ls[1..2], 5)[0].text, "a");
    }
}
