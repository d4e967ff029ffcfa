//! From bytes to text: the size limit, the UTF-8 decision and the byte-order mark, shared by
//! every reader.
//!
//! Decision: invalid UTF-8 is decoded lossily (U+FFFD) with a warning naming the byte offset of
//! the first bad sequence. Resumes copied out of PDFs and old word processors often carry a
//! stray Latin-1 byte; refusing the whole file for it would lose everything else.

use std::io::Read;
use std::path::Path;

use crate::diag::Diagnostic;

/// Larger inputs are refused: no resume is this long, and it bounds time and memory.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Larger files of any format (a Word document with photos is well under it) are refused
/// before they are read.
pub const MAX_FILE_BYTES: u64 = crate::parse::read::package::MAX_PACKAGE_BYTES as u64;

/// Reads a resume file, refusing one over [`MAX_FILE_BYTES`] without reading it into memory.
#[allow(clippy::result_large_err)] // one diagnostic, returned once per file
pub fn read_file(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let cannot =
        |e: std::io::Error| Diagnostic::error(format!("cannot read the file: {e}")).in_file(path);
    let file = std::fs::File::open(path).map_err(cannot)?;
    read_bounded(file).map_err(|e| match e {
        Bounded::Io(e) => cannot(e),
        Bounded::TooLarge => too_large().in_file(path),
    })
}

/// Why [`read_bounded`] failed.
pub enum Bounded {
    Io(std::io::Error),
    TooLarge,
}

/// Reads at most [`MAX_FILE_BYTES`] from `r` (a file, standard input).
pub fn read_bounded(r: impl Read) -> Result<Vec<u8>, Bounded> {
    let mut bytes = Vec::new();
    r.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(Bounded::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Bounded::TooLarge);
    }
    Ok(bytes)
}

/// The error for a file over [`MAX_FILE_BYTES`].
pub fn too_large() -> Diagnostic {
    Diagnostic::error(format!(
        "the file is over the {} MiB limit for one resume",
        MAX_FILE_BYTES >> 20
    ))
    .hint("import the resume itself, without embedded videos or large images (save pictures compressed)")
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
        return Err(Diagnostic::error(format!(
            "the file is {} bytes, over the {} MiB limit for one resume",
            bytes.len(),
            MAX_INPUT_BYTES / (1024 * 1024)
        ))
        .hint("split it into one file per resume, or remove embedded data such as images"));
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
