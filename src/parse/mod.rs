//! Readers: every input format becomes one [`Resume`] plus the diagnostics of reading it.
//!
//! Structured files (JSON Resume as JSON or YAML) go through [`structured`], which is lenient
//! and says what it changed. Everything else is read into one document tree ([`doc`]) by the
//! reader its content calls for ([`read`]), and the tree is interpreted ([`interpret`]) over
//! the vocabulary ([`vocab`]) and the date grammar ([`dates`]). Nothing here knows about
//! templates or output.

mod check;
pub mod dates;
pub mod doc;
pub mod input;
pub mod interpret;
pub mod linkedin;
mod pattern;
pub mod read;
pub mod structured;
mod tree;
pub mod vocab;
pub mod yaml;
mod yaml_errors;

use std::borrow::Cow;
use std::path::Path;

use crate::diag::{ContentError, Diagnostic};
use crate::model::{LIST_SECTIONS, Resume};

/// A large pattern that only ever searches short texts (a line, a phrase), built without the
/// lazy DFA: that engine is only faster on long texts, and building its reverse automaton is
/// most of compiling a large Unicode pattern, which in turn is a large part of importing a
/// short file. Matches are the same as `regex::Regex::new(pattern)`'s (leftmost-first, the
/// same syntax), found by the backtracker or the PikeVM.
pub(crate) fn short_text_regex(pattern: &str) -> regex_automata::meta::Regex {
    regex_automata::meta::Regex::builder()
        .configure(regex_automata::meta::Config::new().hybrid(false).dfa(false).onepass(false))
        .build(pattern)
        .expect("short text pattern")
}

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
    /// A laid-out or packaged document (PDF, DOCX, ODT): its content picks the reader.
    Document,
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
            "pdf" | "docx" | "odt" => Some(Format::Document),
            _ => None,
        }
    }

    /// The markup of a free-form format (`None` for JSON Resume files and binary documents).
    pub fn markup(self) -> Option<read::Markup> {
        use read::Markup;
        match self {
            Format::Json | Format::Yaml | Format::Document => None,
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
        let parsed = read_binary(kind, bytes).map_err(|d| ContentError::one(d.in_file(path)))?;
        return Ok(finish(parsed, path, None));
    }
    let text = input::decode(bytes).map_err(|e| ContentError::one(e.in_file(path)))?;
    let format = match Format::from_path(path) {
        Some(f @ (Format::Json | Format::Yaml)) => f,
        // Free-form files and stdin: the content decides.
        other => sniff_structured(&text.text).or(other).unwrap_or(Format::Text),
    };
    let mut parsed = match format {
        Format::Json | Format::Yaml => {
            structured::parse(&text.text, format).map_err(|e| with_file(e, path))?
        }
        // The markup is detected from the content; the file name only weighs in.
        _ => read_text(&with_latex_inputs(&text.text, path), Format::from_path(path)),
    };
    parsed.diagnostics.extend(text.diagnostics);
    Ok(finish(parsed, path, Some((&text.text, format))))
}

/// A binary document through its reader into the tree, and the tree interpreted.
fn read_binary(kind: read::Binary, bytes: &[u8]) -> Result<Parsed, Diagnostic> {
    let reading = match kind {
        read::Binary::Pdf => read::pdf::read(bytes)?,
        read::Binary::Docx => read::docx::read(bytes)?,
        read::Binary::Odt => read::odt::read(bytes)?,
        read::Binary::LinkedInExport => return linkedin::read(bytes),
        other => return Err(not_readable(other)),
    };
    let mut parsed = interpret::interpret(reading.doc);
    parsed.diagnostics.splice(0..0, reading.warnings);
    Ok(parsed)
}

/// What every reader's result goes through: the schema's shape, the content checks, and the
/// file on every diagnostic. `source` is the decoded text and its format for text inputs
/// (binary readers report an empty document themselves).
fn finish(mut parsed: Parsed, path: &Path, source: Option<(&str, Format)>) -> Parsed {
    // Whatever a reader found, what vitae writes must validate against the schema.
    for (field, change) in crate::model::conform::conform(&mut parsed.resume) {
        parsed.diagnostics.push(Diagnostic::warning(change).field(field));
    }
    let mut found = match source {
        Some((text, _)) if text.trim().is_empty() => vec![check::empty_file()],
        _ => check::content(&parsed.resume),
    };
    // One warning per field: a reader may have said it already.
    found.retain(|d| !parsed.diagnostics.iter().any(|p| p.field.is_some() && p.field == d.field));
    if let Some((text, Format::Json | Format::Yaml)) = source
        && !found.is_empty()
    {
        let positions = yaml::Positions::index(text);
        for d in &mut found {
            if let Some((line, col)) = d.field.as_deref().and_then(|f| positions.find(f)) {
                *d = d.clone().at(line, col).with_snippet_from(text);
            }
        }
    }
    parsed.diagnostics.extend(found);
    for d in &mut parsed.diagnostics {
        if d.file.is_none() {
            d.file = Some(path.to_path_buf());
        }
    }
    parsed
}

/// Reads free-form resume text (Markdown, plain text, or any markup its content shows):
/// reader, tree, interpretation. `hint` is the format the file name suggests.
pub fn read_text(text: &str, hint: Option<Format>) -> Parsed {
    interpret::interpret(read::document(text, hint.and_then(Format::markup)))
}

/// Recognises a JSON Resume document in text whatever its file name: a JSON object, or YAML
/// whose first key is a JSON Resume section.
pub fn sniff_structured(text: &str) -> Option<Format> {
    if has_front_matter_and_body(text) {
        return None;
    }
    // JSON has no comments: the object opens the text, and a key or its end comes next (an
    // Org or template macro such as `{{{header}}}` opens with a brace too).
    let json = text.trim_start().strip_prefix('{').map(str::trim_start);
    if json.is_some_and(|rest| rest.is_empty() || rest.starts_with(['"', '}'])) {
        return Some(Format::Json);
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")?;
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
        read::Binary::Encrypted => {
            "remove the password (in Word: File > Info > Protect Document), save it again and import that"
        }
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

/// The document tree a file is read into (`vitae import --to tree`); a JSON Resume file has
/// none and is refused.
pub fn document_tree(bytes: &[u8], path: &Path) -> Result<doc::Document, ContentError> {
    if let Some(kind) = read::sniff_binary(bytes) {
        return binary_tree(kind, bytes).map_err(|d| ContentError::one(d.in_file(path)));
    }
    let text = input::decode(bytes).map_err(|e| ContentError::one(e.in_file(path)))?;
    let format = Format::from_path(path);
    if matches!(format, Some(Format::Json | Format::Yaml)) || sniff_structured(&text.text).is_some()
    {
        return Err(ContentError::one(
            Diagnostic::error("this is a JSON Resume document: it is read as data, not as a tree")
                .in_file(path)
                .hint("use --to json or --to yaml"),
        ));
    }
    Ok(read::document(&with_latex_inputs(&text.text, path), format.and_then(Format::markup)))
}

/// Whether importing the file at `path` reads other files beside it: a LaTeX resume that
/// `\input`s or `\include`s section files. Its import depends on more than its own bytes.
pub fn reads_other_files(path: &Path, bytes: &[u8]) -> bool {
    let has = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
    (matches!(Format::from_path(path), Some(Format::Latex)) || has(b"\\documentclass"))
        && (has(b"\\input") || has(b"\\include"))
}

/// A LaTeX resume with the section files it `\input`s or `\include`s spliced in, read next to
/// it as TeX finds them (`name`, else `name.tex`); other text as it is.
fn with_latex_inputs<'a>(text: &'a str, path: &Path) -> Cow<'a, str> {
    if !reads_other_files(path, text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut load = |name: &str| -> Option<String> {
        if Path::new(name).is_absolute() {
            return None;
        }
        [dir.join(name), dir.join(format!("{name}.tex"))]
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "tex") && p.is_file())
            .find_map(|p| std::fs::read(p).ok())
            .and_then(|bytes| input::decode(&bytes).ok())
            .map(|t| t.text)
    };
    Cow::Owned(read::latex::include::splice(text, &mut load))
}

/// The tree a binary document's reader makes (a LinkedIn export is data and has none).
fn binary_tree(kind: read::Binary, bytes: &[u8]) -> Result<doc::Document, Diagnostic> {
    match kind {
        read::Binary::Pdf => Ok(read::pdf::read(bytes)?.doc),
        read::Binary::Docx => Ok(read::docx::read(bytes)?.doc),
        read::Binary::Odt => Ok(read::odt::read(bytes)?.doc),
        read::Binary::LinkedInExport => Err(Diagnostic::error(
            "this is a LinkedIn data export: it is read as data, not as a tree",
        )
        .hint("use --to json or --to yaml")),
        other => Err(not_readable(other)),
    }
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
        assert_eq!(sniff_structured("\n{\n}"), Some(Format::Json));
        for text in [
            "Ada Lovelace\nEngineer",
            "# Ada\n\n## Work\n",
            "Skills: Rust, Go",
            "Name: Ada",
            "#+TITLE: CV\n{{{header}}}\n* Skills\n",
        ] {
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
