//! Readers: every input format becomes one [`Resume`] plus the diagnostics of reading it.
//!
//! Structured files (JSON Resume as JSON or YAML) go through [`structured`], which is lenient
//! and says what it changed; Markdown and free-form text go through [`freeform`]. Nothing here
//! knows about templates or output.

pub mod dates;
pub mod freeform;
pub mod input;
pub mod structured;
mod tree;
pub mod yaml;

use std::path::Path;

use crate::diag::{ContentError, Diagnostic};
use crate::model::Resume;

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
            _ => None,
        }
    }
}

/// Reads one content file; `path` is used for messages and the format.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<Parsed, ContentError> {
    let format = Format::from_path(path).unwrap_or(Format::Text);
    let text = input::decode(bytes).map_err(|e| ContentError::one(e.in_file(path)))?;
    let mut parsed = match format {
        Format::Json | Format::Yaml => {
            structured::parse(&text.text, format).map_err(|e| with_file(e, path))?
        }
        Format::Markdown | Format::Text => freeform::parse(&text.text, Some(format)),
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
