//! Readers: every input format becomes one [`Resume`] plus the diagnostics of reading it.
//!
//! Structured files (JSON Resume as JSON or YAML) go through [`structured`], which is lenient
//! and says what it changed; Markdown and free-form text go through [`freeform`]. Nothing here
//! knows about templates or output.

pub mod dates;
pub mod doc;
pub mod freeform;
pub mod input;
pub mod read;
pub mod structured;
mod tree;
pub mod yaml;

use std::path::Path;

use crate::diag::{ContentError, Diagnostic};
use crate::model::{LIST_SECTIONS, Resume};

/// What a reader produced: the resume and what the reader wants the person to know.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub resume: Resume,
    pub diagnostics: Vec<Diagnostic>,
}

/// The input formats vitae reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
    Markdown,
    Text,
    Rst,
    Org,
    AsciiDoc,
    Latex,
    Html,
}

impl Format {
    /// The format a content file's extension promises, or `None` for files vitae ignores.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "rst" => Some(Format::Rst),
            "org" => Some(Format::Org),
            "adoc" | "asciidoc" => Some(Format::AsciiDoc),
            "tex" => Some(Format::Latex),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The markup of a free-form format (`None` for JSON Resume files).
    pub fn markup(self) -> Option<read::Markup> {
        use read::Markup;
        match self {
            Format::Json | Format::Yaml => None,
            Format::Markdown => Some(Markup::Markdown),
            Format::Text => Some(Markup::Text),
            Format::Rst => Some(Markup::Rst),
            Format::Org => Some(Markup::Org),
            Format::AsciiDoc => Some(Markup::AsciiDoc),
            Format::Latex => Some(Markup::Latex),
            Format::Html => Some(Markup::Html),
        }
    }
}

/// Reads one content file; `path` is used for messages and the format.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<Parsed, ContentError> {
    if let Some(kind) = read::sniff_binary(bytes) {
        return Err(ContentError::one(not_readable(kind).in_file(path)));
    }
    let text = input::decode(bytes).map_err(|e| ContentError::one(e.in_file(path)))?;
    let named = Format::from_path(path);
    let format = match named {
        Some(f @ (Format::Json | Format::Yaml)) => Some(f),
        // Free-form files and stdin: the content decides.
        other => sniff_structured(&text.text).or(other),
    };
    let mut parsed = match format {
        Some(f @ (Format::Json | Format::Yaml)) => {
            structured::parse(&text.text, f).map_err(|e| with_file(e, path))?
        }
        _ => parse_free_form(&text.text, named),
    };
    parsed.diagnostics.extend(text.diagnostics);
    // Whatever a reader found, what vitae writes must validate against the schema.
    for (field, change) in crate::model::conform::conform(&mut parsed.resume) {
        parsed.diagnostics.push(Diagnostic::warning(change).field(field));
    }
    for d in &mut parsed.diagnostics {
        if d.file.is_none() {
            d.file = Some(path.to_path_buf());
        }
    }
    Ok(parsed)
}

/// Free-form text, its markup detected from the content (`named` is what the file name says).
/// Markdown and plain text go to the free-form reader as before; the other markups are read
/// into the document tree and, until interpretation reads the tree, written back as Markdown
/// (the metadata a format carries outside its body as the header) for the free-form reader.
fn parse_free_form(text: &str, named: Option<Format>) -> Parsed {
    let markup = read::detect(text, named.and_then(Format::markup));
    let Some(mut doc) = read::read(markup, text) else {
        let hint = if named == Some(Format::Markdown) { Format::Markdown } else { Format::Text };
        return freeform::parse(text, Some(hint));
    };
    let header = meta_header(&doc, markup);
    doc.blocks.splice(0..0, header);
    freeform::parse(&doc::to_markdown(&doc), Some(Format::Markdown))
}

/// The metadata as the lines a resume's header would have (part of the Markdown bridge): the
/// name as a title unless the document starts with it, the headline, the contact details.
fn meta_header(doc: &doc::Document, markup: read::Markup) -> Vec<doc::Block> {
    let values =
        |key: &'static str| doc.meta.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.clone());
    let line =
        |text: String| doc::Block::new(doc::BlockKind::Para(vec![doc::Inline::Text(text)]), 0);
    let name_keys: &[&str] = match markup {
        // A page's <title> is often not the person's name.
        read::Markup::Html => &["name", "author"],
        _ => &["name", "author", "title"],
    };
    let mut header = Vec::new();
    let first = doc.blocks.first().map(doc::Block::plain);
    let name = name_keys.iter().find_map(|k| values(k).next());
    if let Some(name) = name.filter(|n| first.as_ref() != Some(n)) {
        let content = vec![doc::Inline::Text(name)];
        header.push(doc::Block::new(doc::BlockKind::Heading { level: 1, content }, 0));
    }
    for key in ["label", "email", "phone", "mobile", "homepage", "url", "social", "address"] {
        header.extend(values(key).map(line));
    }
    header
}

/// Recognises a JSON Resume document in text whatever its file name: a JSON object, or YAML
/// whose first key is a JSON Resume section.
pub fn sniff_structured(text: &str) -> Option<Format> {
    if has_front_matter_and_body(text) {
        return None;
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")?;
    if first.starts_with('{') {
        return Some(Format::Json);
    }
    let key = first.split_once(':')?.0.trim().trim_matches(['"', '\'']);
    let section = ["basics", "meta", "$schema"].contains(&key) || LIST_SECTIONS.contains(&key);
    section.then_some(Format::Yaml)
}

/// `---`, YAML, `---`, then more text: a Markdown document with front matter, not YAML.
fn has_front_matter_and_body(text: &str) -> bool {
    let mut lines = text.trim_start().lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    let mut rest = lines.skip_while(|l| l.trim_end() != "---");
    rest.next().is_some() && rest.any(|l| !l.trim().is_empty())
}

/// The error for a binary file vitae cannot read (yet).
fn not_readable(kind: read::Binary) -> Diagnostic {
    let what = kind.describe();
    let hint = match kind {
        read::Binary::Pdf
        | read::Binary::Docx
        | read::Binary::Odt
        | read::Binary::LinkedInExport => "copy the text into a .txt or .md file and import that",
        read::Binary::Other { .. } => {
            "import the resume itself: JSON Resume (.json/.yaml), Markdown or plain text"
        }
    };
    Diagnostic::error(format!("this is {what}, not a resume vitae can read")).hint(hint)
}

/// Puts `path` on diagnostics that do not name a file yet.
fn with_file(mut e: ContentError, path: &Path) -> ContentError {
    for d in &mut e.0 {
        d.file.get_or_insert_with(|| path.to_path_buf());
    }
    e
}

/// Reads a resume of unknown format (`vitae import`): the content decides, `name` only hints.
pub fn import(bytes: &[u8], name: &Path) -> Result<Parsed, ContentError> {
    parse_file(name, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_documents_are_recognised_by_content() {
        assert_eq!(sniff_structured("  {\"basics\": {}}"), Some(Format::Json));
        assert_eq!(sniff_structured("# my resume\nbasics:\n  name: A\n"), Some(Format::Yaml));
        assert_eq!(sniff_structured("---\nwork:\n  - name: X\n"), Some(Format::Yaml));
        for text in
            ["Ada Lovelace\nEngineer", "# Ada\n\n## Work\n", "Skills: Rust, Go", "Name: Ada"]
        {
            assert_eq!(sniff_structured(text), None, "{text}");
        }
    }

    #[test]
    fn a_json_resume_in_a_txt_file_is_read_as_json() {
        let p = parse_file(Path::new("me.txt"), br#"{"basics":{"name":"Ada"}}"#).unwrap();
        assert_eq!(p.resume.name(), Some("Ada"));
    }

    #[test]
    fn json_and_yaml_with_a_byte_order_mark_are_read_as_structured_data() {
        let json = r#"{"basics":{"name":"Zoë Example"}}"#;
        let utf16: Vec<u8> = json.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let p = parse_file(Path::new("me.json"), &[&b"\xFF\xFE"[..], &utf16].concat()).unwrap();
        assert_eq!(p.resume.name(), Some("Zoë Example"));
        let yaml = "\u{feff}basics:\n  name: Zoë Example\n";
        let p = parse_file(Path::new("me.yaml"), yaml.as_bytes()).unwrap();
        assert_eq!(p.resume.name(), Some("Zoë Example"));
    }

    #[test]
    fn a_nul_inside_the_name_line_does_not_drop_the_name() {
        let text = b"Ada\0Lovelace\nSoftware Engineer\nada@example.com\n";
        let p = parse_file(Path::new("me.txt"), text).unwrap();
        assert_eq!(p.resume.name(), Some("Ada Lovelace"));
        assert!(p.diagnostics.iter().any(|d| d.message.contains("NUL")));
    }

    #[test]
    fn a_latin1_resume_keeps_its_accented_name() {
        let text = b"Jos\xe9 Mu\xf1oz\nIngeniero\njose@example.com\n";
        let p = parse_file(Path::new("cv.txt"), text).unwrap();
        assert_eq!(p.resume.name(), Some("José Muñoz"));
        assert!(p.diagnostics.iter().any(|d| d.message.contains("Windows-1252")));
    }
}
