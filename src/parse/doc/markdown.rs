//! The tree written back as Markdown (see [`to_markdown`]).

use std::fmt::Write as _;

use super::{Block, BlockKind, Document, Inline, plain};

/// Writes the tree as Markdown. A bridge: readers of new formats are scored end to end through
/// the Markdown interpretation until interpretation reads the tree itself.
pub fn to_markdown(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(fm) = &doc.front_matter {
        let _ = write!(out, "---\n{}\n---\n\n", fm.trim_end());
    }
    for b in &doc.blocks {
        md_block(b, "", &mut out);
    }
    out
}

fn md_block(b: &Block, indent: &str, out: &mut String) {
    match &b.kind {
        BlockKind::Heading { level, content } => {
            // Markdown headings are one line: lines after a hard break follow as a paragraph.
            let split = content.iter().position(|i| matches!(i, Inline::LineBreak));
            let (head, rest) = content.split_at(split.unwrap_or(content.len()));
            let hashes = "#".repeat((*level).clamp(1, 6) as usize);
            let _ = write!(out, "{indent}{hashes} {}\n\n", md_inlines(head, indent, true));
            if let Some(rest) = rest.get(1..).filter(|r| !r.is_empty()) {
                let _ = write!(out, "{indent}{}\n\n", md_inlines(rest, indent, false));
            }
        }
        BlockKind::Para(content) => {
            let _ = write!(out, "{indent}{}\n\n", md_inlines(content, indent, false));
        }
        BlockKind::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered { format!("{}. ", n + 1) } else { "- ".to_string() };
                let inner = format!("{indent}{}", " ".repeat(marker.len()));
                let mut body = String::new();
                for c in item {
                    md_block(c, &inner, &mut body);
                }
                let body = body.trim_start().trim_end_matches('\n');
                let _ = write!(out, "{indent}{marker}{body}\n\n");
            }
        }
        BlockKind::Definitions(defs) => {
            for d in defs {
                let _ = writeln!(out, "{indent}{}", md_inlines(&d.term, indent, true));
                let inner = format!("{indent}  ");
                let mut body = String::new();
                for c in &d.body {
                    md_block(c, &inner, &mut body);
                }
                let body = body.trim_start().trim_end_matches('\n');
                let _ = write!(out, "{indent}: {body}\n\n");
            }
        }
        BlockKind::Table(rows) => {
            let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
            for (k, r) in rows.iter().enumerate() {
                let cells: Vec<String> = (0..width)
                    .map(|i| {
                        let cell = r.cells.get(i).map(|c| c.iter().map(Block::plain).collect());
                        let text: Vec<String> = cell.unwrap_or_default();
                        text.join(" ").replace('|', "\\|")
                    })
                    .collect();
                let _ = writeln!(out, "{indent}| {} |", cells.join(" | "));
                if k == 0 {
                    let _ = writeln!(out, "{indent}|{}", " --- |".repeat(width.max(1)));
                }
            }
            out.push('\n');
        }
        BlockKind::Fields(fields) => {
            for f in fields {
                let _ = writeln!(
                    out,
                    "{indent}{}: {}  ",
                    plain(&f.key),
                    md_inlines(&f.value, indent, false)
                );
            }
            out.push('\n');
        }
        BlockKind::Div { blocks, .. } => {
            for c in blocks {
                md_block(c, indent, out);
            }
        }
        BlockKind::Quote(blocks) => {
            for c in blocks {
                md_block(c, indent, out);
            }
        }
        BlockKind::Rule => {
            let _ = write!(out, "{indent}---\n\n");
        }
    }
}

fn md_inlines(inlines: &[Inline], indent: &str, one_line: bool) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(&md_escape(t)),
            Inline::Strong(c) => {
                let _ = write!(out, "**{}**", md_inlines(c, indent, one_line).trim());
            }
            Inline::Emph(c) => {
                let _ = write!(out, "*{}*", md_inlines(c, indent, one_line).trim());
            }
            Inline::Link { target, content } => {
                let _ = write!(out, "[{}](<{target}>)", md_inlines(content, indent, true));
            }
            Inline::Code(t) => out.push_str(&md_escape(t)),
            Inline::SoftBreak if one_line => out.push(' '),
            Inline::SoftBreak => {
                out.push('\n');
                out.push_str(indent);
            }
            Inline::LineBreak if one_line => out.push(' '),
            Inline::LineBreak => {
                out.push_str("  \n");
                out.push_str(indent);
            }
        }
    }
    out
}

/// Escapes what Markdown would read as markup at any position.
fn md_escape(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    for c in t.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::{Definition, Row};

    fn para(s: &str, line: u32) -> Block {
        Block::new(BlockKind::Para(vec![Inline::Text(s.into())]), line)
    }

    #[test]
    fn a_heading_with_a_hard_break_continues_as_a_paragraph() {
        let content = vec![
            Inline::Text("Ada".into()),
            Inline::LineBreak,
            Inline::Text("ada@example.org".into()),
        ];
        let doc = Document {
            blocks: vec![Block::new(BlockKind::Heading { level: 1, content }, 1)],
            ..Default::default()
        };
        assert_eq!(to_markdown(&doc), "# Ada\n\nada@example.org\n\n");
    }

    #[test]
    fn writes_headings_lists_definitions_and_tables() {
        let doc = Document {
            blocks: vec![
                Block::new(
                    BlockKind::Heading { level: 2, content: vec![Inline::Text("Work".into())] },
                    1,
                ),
                Block::new(
                    BlockKind::List {
                        ordered: false,
                        items: vec![vec![para("a*b", 2)], vec![para("c", 3)]],
                    },
                    2,
                ),
                Block::new(
                    BlockKind::Definitions(vec![Definition {
                        term: vec![Inline::Strong(vec![Inline::Text("Tools".into())])],
                        body: vec![para("Rust, Go", 5)],
                    }]),
                    4,
                ),
                Block::new(
                    BlockKind::Table(vec![Row {
                        cells: vec![vec![para("Acme", 6)], vec![para("2019", 6)]],
                        header: false,
                    }]),
                    6,
                ),
            ],
            ..Default::default()
        };
        assert_eq!(
            to_markdown(&doc),
            "## Work\n\n- a\\*b\n\n- c\n\n**Tools**\n: Rust, Go\n\n| Acme | 2019 |\n| --- | --- |\n\n"
        );
    }
}
