//! The raw HTML a Markdown file carries (`<br>`, `<strong>`, `<p class="…">`, whole pages of
//! `<div>`s), into the tree: tags are structure, never text. Block tags start blocks, classed
//! containers become [`BlockKind::Div`]s with their class, lists, tables and headings keep
//! their shape, inline tags become spans, and entities are decoded. Comments, scripts, styles
//! and the document head are skipped. A forgiving reader for fragments, not a validator:
//! unclosed and stray tags are tolerated.

use crate::parse::doc::{Block, BlockKind, Inline, InlineBuf, Row};

/// One piece of HTML: a tag or the text between tags.
#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    Open { name: String, attrs: &'a str, self_closing: bool },
    Close(String),
    Text(&'a str),
}

/// Splits HTML into tags and text, in one pass. Comments and `<!…>`/`<?…>` declarations are
/// dropped; a `<` that starts no tag is text.
pub fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        let tag = &rest[lt..];
        if let Some(after) = tag.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if tag.starts_with("<!") || tag.starts_with("<?") {
            rest = tag.find('>').map_or("", |e| &tag[e + 1..]);
            continue;
        }
        let closing = tag.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_len = tag[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(tag.len() - name_start);
        let Some(end) = tag.find('>').filter(|_| name_len > 0) else {
            // Not a tag: the "<" is text.
            out.push(Token::Text(&tag[..1]));
            rest = &tag[1..];
            continue;
        };
        let name = tag[name_start..name_start + name_len].to_ascii_lowercase();
        if closing {
            out.push(Token::Close(name));
        } else {
            let attrs = &tag[name_start + name_len..end];
            let self_closing = attrs.trim_end().ends_with('/');
            out.push(Token::Open { name, attrs, self_closing });
        }
        rest = &tag[end + 1..];
    }
    out
}

/// An attribute's value (`class="a b"`, `href='x'`, `alt=y`), entities decoded.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = rest[1..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        return Some(decode_entities(value));
    }
    None
}

/// Decodes character references: the common named ones, decimal and hexadecimal; a missing
/// semicolon (`&nbsp`) is tolerated. Unknown references stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    const NAMED: &[(&str, &str)] = &[
        ("nbsp", " "),
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("ndash", "–"),
        ("mdash", "—"),
        ("hellip", "…"),
        ("bull", "•"),
        ("middot", "·"),
        ("copy", "©"),
        ("reg", "®"),
        ("trade", "™"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("eacute", "é"),
        ("egrave", "è"),
        ("agrave", "à"),
        ("aacute", "á"),
        ("ccedil", "ç"),
        ("ouml", "ö"),
        ("uuml", "ü"),
        ("auml", "ä"),
        ("szlig", "ß"),
        ("ntilde", "ñ"),
        ("iacute", "í"),
        ("oacute", "ó"),
        ("uacute", "ú"),
        ("atilde", "ã"),
        ("otilde", "õ"),
        ("ecirc", "ê"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let name_len =
            after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(after.len());
        let name = &after[..name_len];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            code.and_then(char::from_u32).map(String::from)
        } else {
            NAMED.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        match decoded {
            Some(v) if name_len > 0 => {
                out.push_str(&v);
                rest = after[name_len..].strip_prefix(';').unwrap_or(&after[name_len..]);
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tags whose content is never visible text.
const HIDDEN: &[&str] = &["script", "style", "head", "title", "noscript", "template", "svg"];
/// Tags that end the paragraph before them and start a new one.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "pre",
    "form",
    "fieldset",
    "center",
    "body",
    "html",
];

/// A container being built.
#[derive(Debug)]
enum Frame {
    /// A block container (`<div>`, `<section>`, a classed `<p>`), by tag name; one without
    /// a class passes its blocks to its parent when it closes.
    Div {
        tag: String,
        class: Option<String>,
        blocks: Vec<Block>,
        line: u32,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
        line: u32,
    },
    Item(Vec<Block>),
    Table {
        rows: Vec<Row>,
        line: u32,
    },
    Row {
        cells: Vec<Vec<Block>>,
        header: bool,
    },
    Cell(Vec<Block>),
}

/// An open inline span.
#[derive(Debug)]
enum Span {
    Strong,
    Emph,
    Link(String),
}

/// Builds blocks from tokens; one instance reads one fragment.
struct Builder {
    frames: Vec<Frame>,
    root: Vec<Block>,
    para: InlineBuf,
    spans: Vec<(Span, InlineBuf)>,
    heading: Option<u8>,
    hidden: u32,
    line: u32,
}

impl Builder {
    fn container(&mut self) -> &mut Vec<Block> {
        match self.frames.last_mut() {
            Some(Frame::Div { blocks, .. } | Frame::Item(blocks) | Frame::Cell(blocks)) => blocks,
            _ => &mut self.root,
        }
    }

    fn buf(&mut self) -> &mut InlineBuf {
        match self.spans.last_mut() {
            Some((_, b)) => b,
            None => &mut self.para,
        }
    }

    /// Ends the current paragraph (or heading), closing any open spans.
    fn flush(&mut self) {
        while let Some((span, inner)) = self.spans.pop() {
            let done = wrap(span, inner.finish());
            self.buf().push(done);
        }
        let content = std::mem::take(&mut self.para).finish();
        let heading = self.heading.take();
        if content.is_empty() {
            return;
        }
        let kind = match heading {
            Some(level) => BlockKind::Heading { level, content },
            None => BlockKind::Para(content),
        };
        let line = self.line;
        // Text directly inside a list or a table row belongs to an item or cell of its own.
        match self.frames.last_mut() {
            Some(Frame::List { items, .. }) => items.push(vec![Block::new(kind, line)]),
            Some(Frame::Row { cells, .. }) => cells.push(vec![Block::new(kind, line)]),
            Some(Frame::Table { rows, .. }) => {
                rows.push(Row { cells: vec![vec![Block::new(kind, line)]], header: false })
            }
            _ => self.container().push(Block::new(kind, line)),
        }
    }

    fn open(&mut self, name: &str, attrs: &str) {
        if HIDDEN.contains(&name) {
            self.hidden += 1;
            return;
        }
        if self.hidden > 0 {
            return;
        }
        let line = self.line;
        match name {
            "br" => self.buf().push(Inline::LineBreak),
            "strong" | "b" => self.spans.push((Span::Strong, InlineBuf::new())),
            "em" | "i" | "cite" => self.spans.push((Span::Emph, InlineBuf::new())),
            "a" => {
                let href = attr(attrs, "href").unwrap_or_default();
                self.spans.push((Span::Link(href), InlineBuf::new()));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = name[1..].parse().ok();
            }
            "ul" | "ol" => {
                self.flush();
                self.frames.push(Frame::List { ordered: name == "ol", items: Vec::new(), line });
            }
            "li" => {
                self.flush();
                self.close_to(|f| matches!(f, Frame::List { .. }));
                self.frames.push(Frame::Item(Vec::new()));
            }
            "table" => {
                self.flush();
                self.frames.push(Frame::Table { rows: Vec::new(), line });
            }
            "tr" => {
                self.flush();
                self.close_to(|f| matches!(f, Frame::Table { .. }));
                self.frames.push(Frame::Row { cells: Vec::new(), header: false });
            }
            "td" | "th" => {
                self.flush();
                self.close_to(|f| matches!(f, Frame::Row { .. }));
                if let Some(Frame::Row { header, .. }) = self.frames.last_mut() {
                    *header |= name == "th";
                }
                self.frames.push(Frame::Cell(Vec::new()));
            }
            "hr" => {
                self.flush();
                self.container().push(Block::new(BlockKind::Rule, line));
            }
            n if BLOCK.contains(&n) => {
                self.flush();
                if n == "p" {
                    // Paragraphs do not nest: a new one closes an open one.
                    self.close_div("p");
                }
                let class = attr(attrs, "class").filter(|c| !c.trim().is_empty());
                let class = class.or_else(|| {
                    matches!(n, "section" | "article" | "aside" | "header").then(|| n.to_string())
                });
                if n != "p" || class.is_some() {
                    let tag = n.to_string();
                    self.frames.push(Frame::Div { tag, class, blocks: Vec::new(), line });
                }
            }
            "img" => {}
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if HIDDEN.contains(&name) {
            self.hidden = self.hidden.saturating_sub(1);
            return;
        }
        if self.hidden > 0 {
            return;
        }
        match name {
            "strong" | "b" | "em" | "i" | "cite" | "a" => {
                let matches = |s: &Span| match s {
                    Span::Strong => matches!(name, "strong" | "b"),
                    Span::Emph => matches!(name, "em" | "i" | "cite"),
                    Span::Link(_) => name == "a",
                };
                if let Some(at) = self.spans.iter().rposition(|(s, _)| matches(s)) {
                    while self.spans.len() > at {
                        if let Some((span, inner)) = self.spans.pop() {
                            let done = wrap(span, inner.finish());
                            self.buf().push(done);
                        }
                    }
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.flush(),
            "ul" | "ol" => {
                self.flush();
                self.close_to(|f| matches!(f, Frame::List { .. }));
                self.pop_frame();
            }
            "li" => {
                self.flush();
                if matches!(self.frames.last(), Some(Frame::Item(_))) {
                    self.pop_frame();
                }
            }
            "table" => {
                self.flush();
                self.close_to(|f| matches!(f, Frame::Table { .. }));
                self.pop_frame();
            }
            "tr" => {
                self.flush();
                self.close_to(|f| matches!(f, Frame::Row { .. }));
                self.pop_frame();
            }
            "td" | "th" => {
                self.flush();
                if matches!(self.frames.last(), Some(Frame::Cell(_))) {
                    self.pop_frame();
                }
            }
            n if BLOCK.contains(&n) => {
                self.flush();
                self.close_div(n);
            }
            _ => {}
        }
    }

    /// Closes the innermost open container made by tag `name` (and what is open inside it);
    /// a stray closing tag closes nothing.
    fn close_div(&mut self, name: &str) {
        let open = |f: &Frame| matches!(f, Frame::Div { tag, .. } if tag == name);
        if let Some(at) = self.frames.iter().rposition(open) {
            while self.frames.len() > at {
                self.pop_frame();
            }
        }
    }

    /// Pops frames (closing them into their parents) until the top one satisfies `keep`, if
    /// such a frame is open; a tag never closes containers outside its own kind's frame.
    fn close_to(&mut self, keep: impl Fn(&Frame) -> bool) {
        if let Some(at) = self.frames.iter().rposition(&keep) {
            while self.frames.len() > at + 1 {
                self.pop_frame();
            }
        }
    }

    fn pop_frame(&mut self) {
        let Some(frame) = self.frames.pop() else { return };
        match frame {
            Frame::Div { class: None, blocks, .. } => self.container().extend(blocks),
            Frame::Div { class, blocks, line, .. } => {
                if !blocks.is_empty() {
                    self.container().push(Block::new(BlockKind::Div { class, blocks }, line));
                }
            }
            Frame::List { ordered, items, line } => {
                if !items.is_empty() {
                    self.container().push(Block::new(BlockKind::List { ordered, items }, line));
                }
            }
            Frame::Item(blocks) => match self.frames.last_mut() {
                Some(Frame::List { items, .. }) => items.push(blocks),
                _ => self.container().extend(blocks),
            },
            Frame::Table { rows, line } => {
                if !rows.is_empty() {
                    self.container().push(Block::new(BlockKind::Table(rows), line));
                }
            }
            Frame::Row { cells, header } => match self.frames.last_mut() {
                Some(Frame::Table { rows, .. }) => rows.push(Row { cells, header }),
                _ => {
                    let blocks: Vec<Block> = cells.into_iter().flatten().collect();
                    self.container().extend(blocks);
                }
            },
            Frame::Cell(blocks) => match self.frames.last_mut() {
                Some(Frame::Row { cells, .. }) => cells.push(blocks),
                _ => self.container().extend(blocks),
            },
        }
    }
}

fn wrap(span: Span, content: Vec<Inline>) -> Inline {
    match span {
        Span::Strong => Inline::Strong(content),
        Span::Emph => Inline::Emph(content),
        Span::Link(target) => Inline::Link { target, content },
    }
}

/// Reads an HTML fragment into blocks; `first_line` is the source line it starts on.
pub fn blocks(html: &str, first_line: u32) -> Vec<Block> {
    let mut b = Builder {
        frames: Vec::new(),
        root: Vec::new(),
        para: InlineBuf::new(),
        spans: Vec::new(),
        heading: None,
        hidden: 0,
        line: first_line,
    };
    let base = html.as_ptr() as usize;
    for t in tokens(html) {
        match t {
            Token::Text(text) => {
                if b.hidden == 0 {
                    if b.para.is_empty() && b.spans.is_empty() {
                        let offset = text.as_ptr() as usize - base;
                        let skipped = text.len() - text.trim_start().len();
                        b.line = first_line + html[..offset + skipped].matches('\n').count() as u32;
                    }
                    let decoded = decode_entities(text);
                    b.buf().text(&decoded);
                }
            }
            Token::Open { name, attrs, self_closing } => {
                b.open(&name, attrs);
                if self_closing && name != "br" {
                    b.close(&name);
                }
            }
            Token::Close(name) => b.close(&name),
        }
    }
    b.flush();
    while !b.frames.is_empty() {
        b.pop_frame();
    }
    b.root
}

/// Inline HTML inside Markdown text: what one tag does to the current inline content.
#[derive(Debug, PartialEq)]
pub enum InlineTag {
    Break,
    OpenStrong,
    CloseStrong,
    OpenEmph,
    CloseEmph,
    OpenLink(String),
    CloseLink,
    /// A tag with no meaning for the text (`<span>`, `<img>`).
    Nothing,
}

/// Reads one inline tag.
pub fn inline_tag(html: &str) -> InlineTag {
    match tokens(html).into_iter().next() {
        Some(Token::Open { name, attrs, .. }) => match name.as_str() {
            "br" => InlineTag::Break,
            "strong" | "b" => InlineTag::OpenStrong,
            "em" | "i" | "cite" => InlineTag::OpenEmph,
            "a" => InlineTag::OpenLink(attr(attrs, "href").unwrap_or_default()),
            _ => InlineTag::Nothing,
        },
        Some(Token::Close(name)) => match name.as_str() {
            "strong" | "b" => InlineTag::CloseStrong,
            "em" | "i" | "cite" => InlineTag::CloseEmph,
            "a" => InlineTag::CloseLink,
            _ => InlineTag::Nothing,
        },
        _ => InlineTag::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::doc::Document;

    fn outline(html: &str) -> String {
        Document { blocks: blocks(html, 1), ..Default::default() }.outline()
    }

    #[test]
    fn tags_are_structure() {
        assert_eq!(
            outline(
                "<section class=\"edu\">\n<h2>Education</h2>\n<p class=\"degree\">B.Sc. <b>Physics</b><br>Uni&nbsp;X</p>\n</section>"
            ),
            "DIV@1 edu\n  H2@2 Education\n  DIV@3 degree\n    P@3 B.Sc. *Physics* ↵ Uni X\n"
        );
        assert_eq!(
            outline(
                "<ul><li>Rust</li><li><a href=\"https://go.dev\">Go</a></li></ul><!-- x --><script>no</script>"
            ),
            "UL@1\n  -\n    P@1 Rust\n  -\n    P@1 [Go](https://go.dev)\n"
        );
        assert_eq!(
            outline("<table><tr><th>Year</th><td>Prize</td></tr></table>"),
            "TABLE@1\n  header-row\n    |\n      P@1 Year\n    |\n      P@1 Prize\n"
        );
    }

    #[test]
    fn entities_and_attributes() {
        assert_eq!(decode_entities("a&amp;b &nbsp &#233;&#x41; &bogus;"), "a&b   éA &bogus;");
        assert_eq!(attr(" class='x y' href=z", "href").as_deref(), Some("z"));
        assert_eq!(inline_tag("<br/>"), InlineTag::Break);
        assert_eq!(inline_tag("<a href=\"u\">"), InlineTag::OpenLink("u".into()));
    }
}
