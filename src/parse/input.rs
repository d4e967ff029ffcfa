//! From bytes to text: the size limit, the UTF-8 decision and the byte-order mark, shared by
//! every reader.
//!
//! Decision: invalid UTF-8 is decoded lossily (U+FFFD) with a warning naming the byte offset of
//! the first bad sequence. Resumes copied out of PDFs and old word processors often carry a
//! stray Latin-1 byte; refusing the whole file for it would lose everything else.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::fsutil::{self, Bounded};

/// Larger inputs are refused: no resume is this long, and it bounds time and memory.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Larger documents (PDF, Word, a data export) are refused before they are read; a Word
/// document with photos is well under it.
pub const MAX_FILE_BYTES: u64 = crate::parse::read::package::MAX_PACKAGE_BYTES as u64;

/// The most vitae reads of a file at `path`: laid-out and packaged documents carry images and
/// fonts besides their text, so they may be larger than a text resume.
fn limit_for(path: &Path) -> u64 {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "pdf" | "docx" | "odt" | "zip" => MAX_FILE_BYTES,
        _ => MAX_INPUT_BYTES as u64,
    }
}

/// Decoded text and what decoding had to say about it.
#[derive(Debug)]
pub struct Text {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `bytes`, refusing inputs over [`MAX_INPUT_BYTES`].
#[allow(clippy::result_large_err)] // one diagnostic, returned once per file
pub fn decode(bytes: &[u8]) -> Result<Text, Diagnostic> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(Some(bytes.len() as u64), MAX_INPUT_BYTES as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Text { text: s.to_string(), diagnostics: Vec::new() }),
        Err(e) => {
            let offset = e.valid_up_to();
            let warning = Diagnostic::warning(format!(
                "the file is not valid UTF-8 (first bad byte at offset {offset}); \
                 bad bytes were replaced with U+FFFD"
            ))
            .hint("save the file as UTF-8 in your editor");
            Ok(Text {
                text: String::from_utf8_lossy(bytes).into_owned(),
                diagnostics: vec![warning],
            })
        }
    }
}

/// Reads the resume at `path`, refusing it before reading when it is over the limit.
#[allow(clippy::result_large_err)] // one diagnostic, returned once per file
pub fn read_file(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let limit = limit_for(path);
    match fsutil::read_bounded(path, limit) {
        Ok(bounded) => within_limit(bounded, limit).map_err(|d| d.in_file(path)),
        Err(e) => {
            Err(Diagnostic::error(format!("cannot read the file: {}", e.root_cause()))
                .in_file(path))
        }
    }
}

/// Reads standard input up to the limit (of a document: what it holds is known only once read).
#[allow(clippy::result_large_err)] // one diagnostic, returned once
pub fn read_stdin() -> Result<Vec<u8>, Diagnostic> {
    match fsutil::read_to_limit(std::io::stdin().lock(), MAX_FILE_BYTES) {
        Ok(bounded) => within_limit(bounded, MAX_FILE_BYTES).map_err(|d| d.in_file("<stdin>")),
        Err(e) => Err(Diagnostic::error(format!("cannot read standard input: {e}"))),
    }
}

#[allow(clippy::result_large_err)]
fn within_limit(bounded: Bounded, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    match bounded {
        Bounded::Bytes(bytes) => Ok(bytes),
        Bounded::TooLarge(size) => Err(too_large(size, limit)),
    }
}

/// The error for an input over `limit` bytes; `size` when it is known.
fn too_large(size: Option<u64>, limit: u64) -> Diagnostic {
    let mib = limit >> 20;
    let what = match size {
        Some(n) => format!("the file is {n} bytes, over the {mib} MiB limit for one resume"),
        None => format!("the input is larger than the {mib} MiB limit for one resume"),
    };
    Diagnostic::error(what)
        .hint("split it into one file per resume, or remove embedded data such as images")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_keeps_valid_text() {
        let t = decode("\u{feff}Ada".as_bytes()).unwrap();
        assert_eq!(t.text, "Ada");
        assert!(t.diagnostics.is_empty());
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning_naming_the_offset() {
        let t = decode(b"Caf\xe9 owner").unwrap();
        assert_eq!(t.text, "Caf\u{fffd} owner");
        assert!(t.diagnostics[0].message.contains("offset 3"), "{}", t.diagnostics[0]);
    }

    #[test]
    fn refuses_oversized_input() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(decode(&big).unwrap_err().message.contains("limit"));
    }
}
