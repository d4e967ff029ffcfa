//! Readers: one module per input format, each turning its input into the one document tree
//! ([`super::doc::Document`]); nothing after a reader knows which format it came from.
//!
//! What a file is comes from its content, never only its name: [`sniff_binary`] recognises
//! laid-out and packaged documents (PDF, DOCX, a LinkedIn data export) and data that is not a
//! resume at all (images, executables, archives), before anything is decoded as text; for
//! text, [`document`] decides the markup from the content ([`detect`], scored features) and
//! runs its reader.

pub mod asciidoc;
pub mod columns;
mod detect;
pub mod docx;
mod floats;
mod flow;
pub mod front_matter;
pub mod html;
pub mod latex;
mod legacy;
mod linewise;
pub mod markdown;
pub mod normalise;
pub mod odt;
pub mod org;
pub mod package;
pub mod pdf;
pub mod rst;
pub mod text;
pub mod xml;

use std::sync::LazyLock;

use regex::Regex;

pub use detect::detect;

use super::doc::{Block, BlockKind, Document, Inline, normalise_inlines};

/// The text markups vitae reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    /// Plain text, no markup.
    Text,
    Rst,
    Org,
    AsciiDoc,
    Latex,
    Html,
}

/// More lines than this are more than any resume has: the lines after it are not read into
/// blocks but kept whole as the metadata entry [`UNREAD`], which bounds the time and memory a
/// document takes by its size in bytes rather than in lines.
pub const MAX_LINES: usize = 20_000;

/// The metadata key holding the text after [`MAX_LINES`] lines, unread.
pub const UNREAD: &str = "unread";

/// Reads decoded text of any markup into the tree. `named` is the markup the file name
/// promises; the content decides. A YAML front matter is split off first and kept.
pub fn document(text: &str, named: Option<Markup>) -> Document {
    let (text, unread) = match text.match_indices('\n').nth(MAX_LINES - 1) {
        Some((at, _)) => (&text[..at + 1], Some(&text[at + 1..])),
        None => (text, None),
    };
    let mut doc = read_lines(text, named);
    if let Some(rest) = unread.filter(|r| !r.trim().is_empty()) {
        doc.meta.push((UNREAD.to_string(), rest.to_string()));
    }
    doc
}

fn read_lines(text: &str, named: Option<Markup>) -> Document {
    let clean = text::blank_table_of_contents(&normalise::normalise(text));
    let (front, body) = front_matter::split(&clean);
    let first_line = match front {
        Some(f) => f.lines().count() as u32 + 3,
        None => 1,
    };
    let markup = if markdown::mostly_html(body) {
        // A page of HTML markup (a site's resume page kept as `.md`) is read as HTML.
        Markup::Html
    } else {
        detect(body, named.or(front.is_some().then_some(Markup::Markdown)))
    };
    let mut doc = match markup {
        Markup::Markdown | Markup::Text => read_light(body, first_line, named, front.is_some()),
        other => read_markup(other, body, first_line),
    };
    doc.blocks = numbered_headings(glyph_lists(doc.blocks));
    if let Some(f) = front {
        doc.meta.splice(0..0, front_matter::meta(f));
        doc.front_matter = Some(f.to_string());
    }
    doc
}

/// Reads `text` with the reader of `markup`, whatever its content looks like (benchmarks,
/// fuzzing, tests); a resume goes through [`document`], which detects the markup.
pub fn read(markup: Markup, text: &str) -> Document {
    let mut doc = match markup {
        Markup::Markdown => markdown::read(text, 1),
        Markup::Text => text::read(text, 1),
        other => read_markup(other, text, 1),
    };
    doc.blocks = numbered_headings(glyph_lists(doc.blocks));
    doc
}

/// Markdown and plain text, and what looks like either to [`detect`]: the lightweight markups'
/// own test still tells POD (and a markup too faint for `detect`) from plain text.
fn read_light(body: &str, first_line: u32, named: Option<Markup>, front: bool) -> Document {
    match legacy::detect(body, named == Some(Markup::Markdown) || front) {
        legacy::Markup::Plain => text::read(body, first_line),
        legacy::Markup::Markdown => markdown::read(body, first_line),
        other => markdown::read(&legacy::to_markdown(body, other), first_line),
    }
}

/// A markup with a reader of its own (reStructuredText, Org, AsciiDoc, LaTeX, HTML). The
/// metadata a format keeps outside its body (a LaTeX `\name`, an Org `#+AUTHOR`) is put in
/// front as the header lines a resume would have.
fn read_markup(markup: Markup, body: &str, first_line: u32) -> Document {
    // Blank lines in place of the front matter keep every block's line number in the file.
    let padded = format!("{}{body}", "\n".repeat(first_line as usize - 1));
    let mut doc = match markup {
        Markup::Rst => rst::read(&padded),
        Markup::Org => org::read(&padded),
        Markup::AsciiDoc => asciidoc::read(&padded),
        Markup::Latex => latex::read(&padded),
        Markup::Html | Markup::Markdown | Markup::Text => html::read(&padded),
    };
    tidy(&mut doc.blocks);
    let header = meta_header(&doc, markup);
    doc.blocks.splice(0..0, header);
    // A page's <title> is often not the person's name: only an explicit name counts.
    if markup == Markup::Html {
        doc.meta.retain(|(k, _)| k != "title");
    }
    doc
}

/// The metadata as the lines a resume's header would have: the name as a title unless the
/// document starts with it, the headline, the contact details.
fn meta_header(doc: &Document, markup: Markup) -> Vec<Block> {
    let values =
        |key: &'static str| doc.meta.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.clone());
    // Metadata is text as the file has it (an HTML attribute keeps its runs of spaces and
    // control characters): normalised like any inline content.
    let inlines = |text: String| normalise_inlines(vec![Inline::Text(text)]);
    let line = |text: String| Block::new(BlockKind::Para(inlines(text)), 0);
    let name_keys: &[&str] = match markup {
        Markup::Html => &["name", "author"],
        _ => &["name", "author", "title"],
    };
    let mut header = Vec::new();
    let first = doc.blocks.first().map(Block::plain);
    let name = name_keys.iter().find_map(|k| values(k).next());
    if let Some(name) = name.filter(|n| first.as_ref() != Some(n)) {
        let content = inlines(name);
        header.push(Block::new(BlockKind::Heading { level: 1, content }, 0));
    }
    for key in
        ["label", "subtitle", "email", "phone", "mobile", "homepage", "url", "social", "address"]
    {
        header.extend(values(key).map(line));
    }
    header.retain(|b| b.inlines().is_some_and(|c| !c.is_empty()));
    header
}

/// A network a CV format names a profile by (LaTeX `\github{..}`, Org `#+LINKEDIN:`).
pub(crate) fn is_social_network(name: &str) -> bool {
    matches!(
        name,
        "github"
            | "gitlab"
            | "linkedin"
            | "twitter"
            | "stackoverflow"
            | "orcid"
            | "researchgate"
            | "googlescholar"
            | "medium"
            | "xing"
            | "instagram"
            | "skype"
            | "kaggle"
            | "bitbucket"
            | "mastodon"
    )
}

/// The profile URL a CV format links a network's user name to (LaTeX `\github{jane}`, Org
/// `#+GITHUB: jane`).
pub(crate) fn social_url(network: &str, user: &str, given: Option<String>) -> String {
    if let Some(url) = given.filter(|u| !u.is_empty()) {
        return url;
    }
    if user.contains("://") {
        return user.to_string();
    }
    // "linkedin.com/in/jane-roe": the address written without its scheme.
    if user.split('/').next().is_some_and(|host| host.contains('.')) && user.contains('/') {
        return format!("https://{user}");
    }
    // "@jane_roe": the handle as the network writes it; the address holds the name alone.
    let user = user.trim_start_matches('@');
    let base = match network {
        "linkedin" => "https://www.linkedin.com/in/",
        "github" => "https://github.com/",
        "gitlab" => "https://gitlab.com/",
        "twitter" | "x" => "https://twitter.com/",
        "stackoverflow" => "https://stackoverflow.com/users/",
        "orcid" => "https://orcid.org/",
        "researchgate" => "https://www.researchgate.net/profile/",
        "googlescholar" => "https://scholar.google.com/citations?user=",
        "medium" => "https://medium.com/@",
        "instagram" => "https://www.instagram.com/",
        "xing" => "https://www.xing.com/profile/",
        "kaggle" => "https://www.kaggle.com/",
        "bitbucket" => "https://bitbucket.org/",
        _ => return format!("{network}: {user}").trim_start_matches(": ").to_string(),
    };
    format!("{base}{user}")
}

/// Paragraphs that open with a numbered heading ("1.3 Experience", "2 Summary" in a document
/// that numbers with dots): the number is the heading's markup, as in the text reader.
pub fn numbered_headings(blocks: Vec<Block>) -> Vec<Block> {
    let first_lines: Vec<String> = collect_first_lines(&blocks);
    let multi = first_lines
        .iter()
        .filter(|t| text::numbered(t).is_some_and(|(n, _)| n.contains('.')))
        .count()
        >= 2;
    blocks
        .into_iter()
        .flat_map(|b| {
            let BlockKind::Para(content) = &b.kind else { return vec![b] };
            // Most paragraphs open with no number: look at the first line before copying.
            if opens_with_number(content) != Some(true) {
                return vec![b];
            }
            let end = content
                .iter()
                .position(|i| matches!(i, Inline::SoftBreak | Inline::LineBreak))
                .unwrap_or(content.len());
            let text = super::doc::plain(&content[..end]);
            let Some((level, rest_len)) = text::numbered_heading_parts(&text, multi) else {
                return vec![b];
            };
            let lines = split_lines(content);
            let Some((_, first)) = lines.first() else { return vec![b] };
            let mut head: Vec<Inline> = first.clone();
            strip_to(&mut head, rest_len);
            let mut out = vec![Block::new(
                BlockKind::Heading { level, content: super::doc::normalise_inlines(head) },
                b.pos.line,
            )];
            let mut rest: Vec<Inline> = Vec::new();
            for (brk, l) in lines.into_iter().skip(1) {
                if !rest.is_empty()
                    && let Some(brk) = brk
                {
                    rest.push(brk);
                }
                rest.extend(l);
            }
            if !rest.is_empty() {
                out.push(Block::new(BlockKind::Para(rest), b.pos.line + 1));
            }
            out
        })
        .collect()
}

/// Whether inline content's first text opens with a number (`None` when it has no text): a
/// numbered heading's number is digits, so a paragraph whose first line opens otherwise needs
/// no plain text made to rule it out. A break reads as a space, as in [`plain`](super::doc::plain): when the
/// first line has no text at all, the answer is only a maybe, which is safe.
fn opens_with_number(inlines: &[Inline]) -> Option<bool> {
    for i in inlines {
        let found = match i {
            Inline::Text(t) | Inline::Code(t) => {
                t.trim_start().chars().next().map(char::is_numeric)
            }
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { content: c, .. } => {
                opens_with_number(c)
            }
            Inline::SoftBreak | Inline::LineBreak => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The first line of every top-level paragraph that opens with a number (no other can be a
/// numbered heading).
fn collect_first_lines(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Para(c) if opens_with_number(c) == Some(true) => {
                let end = c
                    .iter()
                    .position(|i| matches!(i, Inline::SoftBreak | Inline::LineBreak))
                    .unwrap_or(c.len());
                Some(super::doc::plain(&c[..end]))
            }
            _ => None,
        })
        .collect()
}

/// POD's list items flattened into one line ("A =item * B =item * C"): the parts.
pub fn split_pod_items(text: &str) -> Vec<String> {
    static POD_ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*=item\s+(?:\*\s*)?").expect("pod item"));
    if !text.contains("=item") {
        return vec![text.to_string()];
    }
    let parts: Vec<String> =
        POD_ITEM.split(text).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { vec![text.to_string()] } else { parts }
}

/// List items whose text is a flattened POD list become one item per part (an item that is
/// all strong keeps its parts strong).
pub fn split_pod_blocks(blocks: Vec<Block>) -> Vec<Block> {
    map_blocks(blocks, &mut |b| {
        let BlockKind::List { ordered, items } = b.kind else { return vec![b] };
        let mut out_items = Vec::with_capacity(items.len());
        for item in items {
            let first = item.first().and_then(Block::inlines).map(super::doc::plain);
            let Some(text) = first.filter(|t| t.contains("=item")) else {
                out_items.push(item);
                continue;
            };
            let strong = matches!(item[0].inlines(), Some([Inline::Strong(_)]));
            let line = item[0].pos.line;
            let parts = split_pod_items(&text);
            let n = parts.len();
            for (k, part) in parts.into_iter().enumerate() {
                let t = Inline::Text(part);
                let content = if strong { vec![Inline::Strong(vec![t])] } else { vec![t] };
                let mut blocks = vec![Block::new(BlockKind::Para(content), line)];
                if k + 1 == n {
                    blocks.extend(item[1..].iter().cloned());
                }
                out_items.push(blocks);
            }
        }
        vec![Block { kind: BlockKind::List { ordered, items: out_items }, pos: b.pos }]
    })
}

/// Applies `f` to every block, depth first: children are mapped before their container, and
/// `f` may replace a block by any number of blocks.
pub fn map_blocks(blocks: Vec<Block>, f: &mut impl FnMut(Block) -> Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for mut b in blocks {
        b.kind = match b.kind {
            BlockKind::List { ordered, items } => BlockKind::List {
                ordered,
                items: items.into_iter().map(|i| map_blocks(i, f)).collect(),
            },
            BlockKind::Definitions(defs) => BlockKind::Definitions(
                defs.into_iter()
                    .map(|mut d| {
                        d.body = map_blocks(d.body, f);
                        d
                    })
                    .collect(),
            ),
            BlockKind::Table(rows) => BlockKind::Table(
                rows.into_iter()
                    .map(|mut r| {
                        r.cells = r.cells.into_iter().map(|c| map_blocks(c, f)).collect();
                        r
                    })
                    .collect(),
            ),
            BlockKind::Div { class, blocks } => {
                BlockKind::Div { class, blocks: map_blocks(blocks, f) }
            }
            BlockKind::Quote(blocks) => BlockKind::Quote(map_blocks(blocks, f)),
            other => other,
        };
        out.extend(f(b));
    }
    out
}

/// The bullet a line of a paragraph starts with, and the text after it: a bullet glyph, an
/// en or em dash, or an `o` before a capital (how word processors' lists look once pasted).
fn glyph_bullet(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    let rest = &text[first.len_utf8()..];
    let glyph = normalise::is_bullet_glyph(first) || matches!(first, '–' | '—');
    if glyph && (rest.starts_with(char::is_whitespace) || normalise::is_bullet_glyph(first)) {
        let r = rest.trim_start();
        return (!r.is_empty()).then_some(r);
    }
    if first == 'o' && rest.starts_with(char::is_whitespace) {
        let r = rest.trim_start();
        return r.starts_with(char::is_uppercase).then_some(r);
    }
    None
}

/// Paragraph lines that start with a bullet glyph (text typed in a word processor, pasted
/// into Markdown or HTML) become list items: no glyph reaches the text.
pub fn glyph_lists(blocks: Vec<Block>) -> Vec<Block> {
    map_blocks(blocks, &mut |b| {
        let BlockKind::Para(content) = &b.kind else { return vec![b] };
        // Most paragraphs have no glyph: look before copying anything.
        let starts = std::iter::once(0).chain(
            content
                .iter()
                .enumerate()
                .filter(|(_, i)| matches!(i, Inline::SoftBreak | Inline::LineBreak))
                .map(|(k, _)| k + 1),
        );
        let any = starts
            .filter_map(|k| content.get(k..))
            .any(|rest| first_text(rest).is_some_and(|t| glyph_bullet(t).is_some()));
        if !any {
            return vec![b];
        }
        let lines = split_lines(content);
        let mut out: Vec<Block> = Vec::new();
        let mut para: Vec<Inline> = Vec::new();
        let mut items: Vec<Vec<Block>> = Vec::new();
        let mut list_line = b.pos.line;
        let flush_para = |para: &mut Vec<Inline>, out: &mut Vec<Block>, line: u32| {
            let content = super::doc::normalise_inlines(std::mem::take(para));
            if !content.is_empty() {
                out.push(Block::new(BlockKind::Para(content), line));
            }
        };
        let flush_items = |items: &mut Vec<Vec<Block>>, out: &mut Vec<Block>, line: u32| {
            if !items.is_empty() {
                let items = std::mem::take(items);
                out.push(Block::new(BlockKind::List { ordered: false, items }, line));
            }
        };
        let mut para_line = b.pos.line;
        for (k, (brk, mut line)) in lines.into_iter().enumerate() {
            let at = b.pos.line + k as u32;
            // The glyph and the space after it: the start of the first text up to the rest.
            let bullet = first_text(&line).and_then(|t| glyph_bullet(t).map(|r| t.len() - r.len()));
            if let Some(marker_len) = bullet {
                drop_prefix(&mut line, marker_len);
                line = super::doc::normalise_inlines(line);
                flush_para(&mut para, &mut out, para_line);
                if items.is_empty() {
                    list_line = at;
                }
                items.push(vec![Block::new(BlockKind::Para(line), at)]);
                continue;
            }
            // A wrapped line of the bullet above continues it.
            let continues = brk == Some(Inline::SoftBreak)
                && first_text(&line).is_some_and(|t| t.starts_with(char::is_lowercase));
            if let (true, Some(item)) = (continues, items.last_mut())
                && let Some(BlockKind::Para(c)) = item.last_mut().map(|p| &mut p.kind)
            {
                c.push(Inline::SoftBreak);
                c.extend(line);
                continue;
            }
            flush_items(&mut items, &mut out, list_line);
            if para.is_empty() {
                para_line = at;
            } else if let Some(brk) = brk {
                para.push(brk);
            }
            para.extend(line);
        }
        flush_para(&mut para, &mut out, para_line);
        flush_items(&mut items, &mut out, list_line);
        out
    })
}

/// Inline content split at breaks: each line with the break before it.
fn split_lines(content: &[Inline]) -> Vec<(Option<Inline>, Vec<Inline>)> {
    let mut out = vec![(None, Vec::new())];
    for i in content {
        match i {
            Inline::SoftBreak | Inline::LineBreak => out.push((Some(i.clone()), Vec::new())),
            other => {
                if let Some((_, line)) = out.last_mut() {
                    line.push(other.clone());
                }
            }
        }
    }
    out.retain(|(_, l)| !l.is_empty());
    out
}

/// The text a line of inlines starts with (looking into spans).
fn first_text(line: &[Inline]) -> Option<&str> {
    match line.first()? {
        Inline::Text(t) => Some(t.trim_start()),
        Inline::Strong(c) | Inline::Emph(c) | Inline::Link { content: c, .. } => first_text(c),
        _ => None,
    }
}

/// Removes the start of a line so that the last `rest_len` bytes of its text remain (the
/// text after a bullet glyph or a heading number), across spans.
fn strip_to(line: &mut Vec<Inline>, rest_len: usize) {
    let total = super::doc::plain(line).len();
    drop_prefix(line, total.saturating_sub(rest_len));
    *line = super::doc::normalise_inlines(std::mem::take(line));
}

/// Drops the first `n` bytes of text from inlines; returns how many are still to drop.
fn drop_prefix(inlines: &mut [Inline], mut n: usize) -> usize {
    for i in inlines.iter_mut() {
        if n == 0 {
            break;
        }
        match i {
            Inline::Text(t) | Inline::Code(t) => {
                let t2 = t.trim_start();
                if t2.len() <= n {
                    n -= t2.len();
                    t.clear();
                } else {
                    let mut cut = n;
                    while !t2.is_char_boundary(cut) {
                        cut += 1;
                    }
                    *t = t2[cut..].to_string();
                    n = 0;
                }
            }
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { content: c, .. } => {
                n = drop_prefix(c, n)
            }
            Inline::SoftBreak | Inline::LineBreak => {}
        }
    }
    n
}

/// Holds every reader to the tree's conventions, whatever odd input it met: inline content
/// normalised, no empty paragraph or heading, heading levels 1–6.
fn tidy(blocks: &mut Vec<Block>) {
    use std::mem::take;
    for b in blocks.iter_mut() {
        match &mut b.kind {
            BlockKind::Heading { level, content } => {
                *level = (*level).clamp(1, 6);
                *content = normalise_inlines(take(content));
            }
            BlockKind::Para(content) => *content = normalise_inlines(take(content)),
            BlockKind::List { items, .. } => items.iter_mut().for_each(tidy),
            BlockKind::Definitions(defs) => {
                for d in defs {
                    d.term = normalise_inlines(take(&mut d.term));
                    tidy(&mut d.body);
                }
            }
            BlockKind::Table(rows) => {
                rows.iter_mut().flat_map(|r| r.cells.iter_mut()).for_each(tidy)
            }
            BlockKind::Fields(fields) => {
                for f in fields {
                    f.key = normalise_inlines(take(&mut f.key));
                    f.value = normalise_inlines(take(&mut f.value));
                }
            }
            BlockKind::Div { blocks, .. } | BlockKind::Quote(blocks) => tidy(blocks),
            BlockKind::Rule => {}
        }
    }
    blocks.retain(|b| !matches!(&b.kind, BlockKind::Para(c) | BlockKind::Heading { content: c, .. } if c.is_empty()));
    if blocks.iter().any(|b| matches!(&b.kind, BlockKind::Heading { content, .. } if content.contains(&Inline::LineBreak))) {
        *blocks = take(blocks).into_iter().flat_map(heading_first_line).collect();
    }
}

/// A heading set on several lines (LaTeX `{\huge Name}\\ email` as a title, HTML
/// `<h1>Name<br>Engineer</h1>`) is its first line; the lines under it are a paragraph under
/// the heading, as they would be in any other markup.
fn heading_first_line(b: Block) -> Vec<Block> {
    let BlockKind::Heading { level, content } = b.kind else { return vec![b] };
    let Some(at) = content.iter().position(|i| *i == Inline::LineBreak) else {
        return vec![Block { kind: BlockKind::Heading { level, content }, pos: b.pos }];
    };
    let mut head = content;
    let rest = normalise_inlines(head.split_off(at).into_iter().skip(1).collect());
    let head = normalise_inlines(head);
    let line = b.pos.line;
    let mut out = Vec::new();
    let heading = !head.is_empty();
    if heading {
        out.push(Block { kind: BlockKind::Heading { level, content: head }, pos: b.pos });
    }
    if !rest.is_empty() {
        // With nothing before the break, the text is the heading.
        let kind = if heading {
            BlockKind::Para(rest)
        } else {
            BlockKind::Heading { level, content: rest }
        };
        out.extend(heading_first_line(Block::new(kind, line)));
    }
    out
}

use crate::diag::Diagnostic;

/// What a reader of a binary format produced: the tree and what the person should know about
/// how it was read (a damaged file read in part, content that could not be read).
#[derive(Debug)]
pub struct Reading {
    pub doc: Document,
    pub warnings: Vec<Diagnostic>,
}

/// A file that is not text, recognised from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    Pdf,
    /// A Word document (a ZIP holding `word/document.xml`).
    Docx,
    /// An OpenDocument text (a ZIP holding `content.xml`, mimetype `…opendocument.text`).
    Odt,
    /// LinkedIn's "Download your data" archive (a ZIP holding `Profile.csv` or `Positions.csv`).
    LinkedInExport,
    /// A password-protected Office document (an OLE container holding `EncryptedPackage`).
    Encrypted,
    /// Anything else that is not text: `what` names it for the error message.
    Other {
        what: &'static str,
    },
}

/// Recognises binary input from its content; `None` means "decode it as text".
pub fn sniff_binary(bytes: &[u8]) -> Option<Binary> {
    let head = &bytes[..bytes.len().min(1024)];
    // PDF allows junk before the header; readers accept it within the first kilobyte.
    if find(head, b"%PDF-").is_some() {
        return Some(Binary::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Some(sniff_zip(bytes));
    }
    const MAGIC: [(&[u8], &str); 11] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
        (b"\x7FELF", "an executable (ELF)"),
        (b"MZ", "a Windows executable"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xD0\xCF\x11\xE0", "an old Word (.doc) or Office document"),
        (b"{\\rtf", "a Rich Text Format document"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
    ];
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") && find(bytes, ENCRYPTED_PACKAGE).is_some() {
        return Some(Binary::Encrypted);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(Binary::Other { what });
    }
    if looks_binary(head) {
        return Some(Binary::Other { what: "binary data" });
    }
    None
}

/// The stream name `EncryptedPackage` in UTF-16: Office keeps an encrypted DOCX in it.
const ENCRYPTED_PACKAGE: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

/// Which kind of ZIP package: decided by the names in its local file headers, which a
/// well-formed package lists near its start (`[Content_Types].xml`, `word/…`, `mimetype`).
fn sniff_zip(bytes: &[u8]) -> Binary {
    let scan = &bytes[..bytes.len().min(1 << 20)];
    if find(scan, b"word/document.xml").is_some() {
        Binary::Docx
    } else if find(scan, b"application/vnd.oasis.opendocument.text").is_some()
        || (find(scan, b"mimetype").is_some() && find(scan, b"content.xml").is_some())
    {
        // The mimetype entry is normally stored uncompressed; some tools deflate it.
        Binary::Odt
    } else if find(scan, b"Profile.csv").is_some() || find(scan, b"Positions.csv").is_some() {
        Binary::LinkedInExport
    } else {
        Binary::Other { what: "a ZIP archive" }
    }
}

/// NUL bytes or many control characters: not text in any 8-bit encoding. UTF-16 text (NULs
/// between ASCII letters, with or without a byte-order mark) is left to the text decoder.
fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE")
        || head.starts_with(b"\xFE\xFF")
        || super::input::utf16_without_bom(head).is_some()
    {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    head.contains(&0) && controls * 20 > head.len() || controls * 10 > head.len()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Binary {
    /// What the file is, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Binary::Pdf => "a PDF document",
            Binary::Docx => "a Word (.docx) document",
            Binary::Odt => "an OpenDocument text (.odt)",
            Binary::LinkedInExport => "a LinkedIn data export",
            Binary::Encrypted => "a password-protected (encrypted) Office document",
            Binary::Other { what } => what,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reader_keeps_the_tree_conventions_on_its_fictional_resume() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers");
        for (file, markup) in [
            ("resume.rst", Markup::Rst),
            ("resume.org", Markup::Org),
            ("resume.adoc", Markup::AsciiDoc),
            ("resume.html", Markup::Html),
            ("resume-moderncv.tex", Markup::Latex),
            ("resume-awesome.tex", Markup::Latex),
            ("resume-template.tex", Markup::Latex),
            ("resume-article.tex", Markup::Latex),
            ("resume-academic.tex", Markup::Latex),
            ("resume-rsection.tex", Markup::Latex),
            ("resume-page.html", Markup::Html),
        ] {
            let text = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
            assert_eq!(detect(&text, None), markup, "{file}");
            let doc = read(markup, &text);
            assert!(doc.outline().lines().count() > 10, "{file}");
            assert_eq!(doc.broken_convention(), None, "{file}");
        }
    }

    #[test]
    fn a_heading_set_on_several_lines_is_its_first_line_over_a_paragraph() {
        let doc = read(Markup::Html, "<h1>Ada Byron<br>ada@example.org<br>Analyst</h1>");
        assert_eq!(doc.outline(), "H1@1 Ada Byron\nP@1 ada@example.org ↵ Analyst\n");
        let doc = read(Markup::Html, "<section><h2><br>Work</h2></section>");
        assert_eq!(doc.outline(), "H2@1 Work\n");
    }

    #[test]
    fn metadata_in_front_keeps_the_tree_conventions() {
        let page = "<meta name=\"author\" content=\"Ada \u{0}\u{0}  Byron \">\
                    <meta name=\"email\" content=\" \"><p>Text</p>";
        let doc = read(Markup::Html, page);
        assert_eq!(doc.broken_convention(), None, "{}", doc.outline());
        assert!(doc.outline().starts_with("meta author"), "{}", doc.outline());
    }

    #[test]
    fn front_matter_is_kept_apart_from_the_body() {
        let split = front_matter::split;
        let (fm, body) = split("---\ntitle: CV\n---\n<p>x</p>\n");
        assert_eq!((fm, body), (Some("title: CV\n"), "<p>x</p>\n"));
        assert_eq!(split("---\nno end\n"), (None, "---\nno end\n"));
        assert_eq!(split("text"), (None, "text"));
        let overlined = "---\nAda\n---\n\nText\n";
        assert_eq!(split(overlined), (None, overlined));
        let titled = "---\nAda Lovelace: a CV\n---\n\nText\n";
        assert_eq!(split(titled), (None, titled));
        let doc = document("---\ntitle: CV\n---\nAda\n=====\n\nText\n", Some(Markup::Rst));
        assert_eq!(doc.front_matter.as_deref(), Some("title: CV\n"));
        assert!(doc.outline().contains("H1@4 Ada"), "{}", doc.outline());
    }

    #[test]
    fn recognises_documents_and_non_resumes_by_content() {
        assert_eq!(sniff_binary(b"%PDF-1.7\n%\xE2\xE3"), Some(Binary::Pdf));
        assert_eq!(
            sniff_binary(b"\x89PNG\r\n\x1a\n...."),
            Some(Binary::Other { what: "a PNG image" })
        );
        let docx = [&b"PK\x03\x04"[..], &[0; 26], b"word/document.xml"].concat();
        assert_eq!(sniff_binary(&docx), Some(Binary::Docx));
        let linkedin = [&b"PK\x03\x04"[..], &[0; 26], b"Positions.csv"].concat();
        assert_eq!(sniff_binary(&linkedin), Some(Binary::LinkedInExport));
        assert_eq!(sniff_binary(&[0u8; 64]), Some(Binary::Other { what: "binary data" }));
    }

    #[test]
    fn glyph_lines_in_paragraphs_become_lists() {
        let doc = document(
            "**Acme** - 2019<br>\n_Intern_<br>\n• Did things<br>\n•\tMore things\n",
            Some(Markup::Markdown),
        );
        assert_eq!(
            doc.outline(),
            "P@1 *Acme* - 2019 ↵ _Intern_\nUL@3\n  -\n    P@3 Did things\n  -\n    P@4 More things\n"
        );
    }

    #[test]
    fn the_content_decides_the_reader() {
        let md = document("# Ada\n\n## Work\n\n- **Lead** at [Acme](https://a.example)\n", None);
        assert!(md.outline().starts_with("H1@1 Ada\nH2@3 Work\n"), "{}", md.outline());
        let txt = document("ADA EXAMPLE\n\nEXPERIENCE\n\nAcme   2019\n", Some(Markup::Markdown));
        assert!(txt.outline().contains("TABLE@5"), "{}", txt.outline());
        let fm = document("---\ntitle: Ada\n---\n# Work\n", None);
        assert_eq!(fm.meta, [("title".to_string(), "Ada".to_string())]);
        assert_eq!(fm.outline(), "meta title: \"Ada\"\nfront-matter 1 lines\nH1@4 Work\n");
    }

    #[test]
    fn text_in_any_encoding_is_not_binary() {
        for text in [
            &b"Ada Lovelace\nEngineer\n"[..],
            b"Caf\xe9 owner\r\n",
            b"\xFF\xFEA\0d\0a\0",
            b"A\0d\0a\0 \0L\0o\0v\0e\0l\0a\0c\0e\0",
            b"\x1b[31m red",
        ] {
            assert_eq!(sniff_binary(text), None, "{text:?}");
        }
    }
}
