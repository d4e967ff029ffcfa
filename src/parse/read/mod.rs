//! Readers: one module per input format, each turning its input into the one document tree
//! ([`super::doc::Document`]); nothing after a reader knows which format it came from.
//!
//! What a file is comes from its content, never only its name: [`sniff_binary`] recognises
//! laid-out and packaged documents (PDF, DOCX, a LinkedIn data export) and data that is not a
//! resume at all (images, executables, archives), before anything is decoded as text; then
//! [`detect`] decides which markup the text is written in.

pub mod asciidoc;
mod detect;
pub mod html;
pub mod latex;
pub mod org;
pub mod rst;
mod text;

pub use detect::detect;

use super::doc::{Block, BlockKind, Document, normalise_inlines};

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

/// Reads `text` written in `markup` into the document tree, with a leading YAML front matter
/// block (`---` … `---`, as static-site generators write it) kept apart. `None` for Markdown
/// and plain text, which are read by the free-form reader for now.
pub fn read(markup: Markup, text: &str) -> Option<Document> {
    let (front_matter, body) = split_front_matter(text);
    // Blank lines in place of the front matter keep every block's line number in the file.
    let skipped = text[..text.len() - body.len()].matches('\n').count();
    let body = &format!("{}{body}", "\n".repeat(skipped));
    let mut doc = match markup {
        Markup::Rst => rst::read(body),
        Markup::Org => org::read(body),
        Markup::AsciiDoc => asciidoc::read(body),
        Markup::Html => html::read(body),
        Markup::Latex => latex::read(body),
        Markup::Markdown | Markup::Text => {
            return None;
        }
    };
    doc.front_matter = front_matter.map(str::to_string);
    tidy(&mut doc.blocks);
    Some(doc)
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
}

/// `---` on the first line, YAML (`key: value` lines), then `---` or `...`: the front matter
/// and the rest. (A reStructuredText title overlined with `---` has no `key:` in it.)
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (None, text);
    };
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            let yaml = &rest[..at];
            let keyed = yaml.lines().any(|l| {
                l.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty() && !k.contains(char::is_whitespace) && !k.starts_with(['-', '#'])
                })
            });
            return if keyed { (Some(yaml), &rest[at + line.len()..]) } else { (None, text) };
        }
        at += line.len();
    }
    (None, text)
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
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(Binary::Other { what });
    }
    if looks_binary(head) {
        return Some(Binary::Other { what: "binary data" });
    }
    None
}

/// Which kind of ZIP package: decided by the names in its local file headers, which a
/// well-formed package lists near its start (`[Content_Types].xml`, `word/…`, `mimetype`).
fn sniff_zip(bytes: &[u8]) -> Binary {
    let scan = &bytes[..bytes.len().min(1 << 20)];
    if find(scan, b"word/document.xml").is_some() {
        Binary::Docx
    } else if find(scan, b"application/vnd.oasis.opendocument.text").is_some() {
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
        ] {
            let text = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
            assert_eq!(detect(&text, None), markup, "{file}");
            let doc = read(markup, &text).unwrap_or_default();
            assert!(doc.blocks.len() > 3, "{file}");
            assert_eq!(doc.broken_convention(), None, "{file}");
        }
    }

    #[test]
    fn front_matter_is_kept_apart_from_the_body() {
        let (fm, body) = split_front_matter("---\ntitle: CV\n---\n<p>x</p>\n");
        assert_eq!((fm, body), (Some("title: CV\n"), "<p>x</p>\n"));
        assert_eq!(split_front_matter("---\nno end\n"), (None, "---\nno end\n"));
        assert_eq!(split_front_matter("text"), (None, "text"));
        let overlined = "---\nAda\n---\n\nText\n";
        assert_eq!(split_front_matter(overlined), (None, overlined));
        let doc = read(Markup::Rst, "---\ntitle: CV\n---\nAda\n").unwrap();
        assert_eq!(doc.front_matter.as_deref(), Some("title: CV\n"));
        assert_eq!(doc.outline(), "front-matter 1 lines\nP@4 Ada\n");
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
