//! From bytes to text: the size limit, the encoding and the byte-order mark, shared by every
//! reader.
//!
//! Decisions: a byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16 without one is recognised
//! by its NUL bytes; otherwise valid UTF-8 is UTF-8. Anything else is a legacy 8-bit or CJK
//! encoding (real resumes are often Windows-1252 / Latin-1): chardetng guesses which, encoding_rs
//! decodes it, and a warning names the encoding assumed, so nothing becomes U+FFFD silently.
//! NUL bytes left in text (padding from old word processors) are read as spaces, with a warning:
//! a NUL between two words must not join them.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

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
    let mut diagnostics = Vec::new();
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => decode_as(encoding, &bytes[bom..], &mut diagnostics),
        None => match utf16_without_bom(bytes) {
            Some(encoding) => decode_as(encoding, bytes, &mut diagnostics),
            None => match std::str::from_utf8(bytes) {
                Ok(s) => s.to_string(),
                Err(_) => decode_legacy(bytes, &mut diagnostics),
            },
        },
    };
    Ok(Text { text: nuls_as_spaces(text, &mut diagnostics), diagnostics })
}

/// Decodes with a known encoding; malformed sequences become U+FFFD with a warning.
fn decode_as(encoding: &'static Encoding, bytes: &[u8], out: &mut Vec<Diagnostic>) -> String {
    let (text, malformed) = encoding.decode_without_bom_handling(bytes);
    if malformed {
        let offset = match std::str::from_utf8(bytes) {
            Err(e) if encoding == UTF_8 => {
                format!(" (first bad byte at offset {})", e.valid_up_to())
            }
            _ => String::new(),
        };
        out.push(
            Diagnostic::warning(format!(
                "the file is not valid {}{offset}; bad bytes were replaced with U+FFFD",
                encoding.name()
            ))
            .hint("save the file as UTF-8 in your editor"),
        );
    }
    text.into_owned()
}

/// Not UTF-8 and no byte-order mark: guess the legacy encoding from the bytes.
fn decode_legacy(bytes: &[u8], out: &mut Vec<Diagnostic>) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let first_bad = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
    out.push(
        Diagnostic::warning(format!(
            "the file is not UTF-8 (first non-UTF-8 byte at offset {first_bad}); \
             read it as {}",
            describe(encoding)
        ))
        .hint("check names and accented letters; save the file as UTF-8 to avoid the guess"),
    );
    decode_as(encoding, bytes, &mut Vec::new())
}

/// The encoding's name for people: WHATWG decodes "ISO-8859-1" as windows-1252, a superset.
fn describe(encoding: &'static Encoding) -> String {
    match encoding.name() {
        "windows-1252" => "Windows-1252 (Latin-1, Western European)".to_string(),
        "windows-1250" => "Windows-1250 (Central European)".to_string(),
        "windows-1251" => "Windows-1251 (Cyrillic)".to_string(),
        "ISO-8859-2" => "ISO-8859-2 (Latin-2, Central European)".to_string(),
        name => name.to_string(),
    }
}

/// UTF-16 saved without a byte-order mark: in the first kilobyte, NUL bytes sit on one parity
/// only (the high byte of ASCII letters) and make up most of it.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let rare = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rare(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rare(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A NUL is never text: read it as a space so that the words around it stay apart.
fn nuls_as_spaces(text: String, out: &mut Vec<Diagnostic>) -> String {
    let Some(first) = text.find('\0') else {
        return text;
    };
    let line = text[..first].matches('\n').count() + 1;
    let count = text.matches('\0').count();
    out.push(
        Diagnostic::warning(format!(
            "the file contains {count} NUL byte(s), the first on line {line}; \
             they were read as spaces"
        ))
        .hint("save the file again as plain UTF-8 text"),
    );
    text.replace('\0', " ")
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

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    #[test]
    fn strips_bom_and_keeps_valid_text() {
        let t = decode("\u{feff}Ada".as_bytes()).unwrap();
        assert_eq!(t.text, "Ada");
        assert!(t.diagnostics.is_empty());
    }

    #[test]
    fn latin1_is_detected_and_decoded_with_a_warning_naming_the_encoding() {
        // "Café owner in São Paulo, Zürich" in ISO-8859-1.
        let t = decode(b"Caf\xe9 owner in S\xe3o Paulo, Z\xfcrich\nEDUCA\xc7\xc3O\n").unwrap();
        assert_eq!(t.text, "Café owner in São Paulo, Zürich\nEDUCAÇÃO\n");
        assert_eq!(t.diagnostics.len(), 1);
        let msg = &t.diagnostics[0].message;
        assert!(msg.contains("Windows-1252") && msg.contains("offset 3"), "{msg}");
    }

    #[test]
    fn windows_1252_punctuation_is_decoded() {
        // Curly quotes and an en dash, as Word writes them.
        let t = decode(b"\x93Lead\x94 engineer \x96 2019").unwrap();
        assert_eq!(t.text, "\u{201c}Lead\u{201d} engineer \u{2013} 2019");
    }

    #[test]
    fn utf16_with_either_bom_is_decoded_without_warning() {
        for big_endian in [false, true] {
            let bom: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
            let bytes = [bom, &utf16("Zoë Müller\nEngineer\n", big_endian)].concat();
            let t = decode(&bytes).unwrap();
            assert_eq!(t.text, "Zoë Müller\nEngineer\n", "big endian: {big_endian}");
            assert!(t.diagnostics.is_empty());
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let t = decode(&utf16("Ada Lovelace\nAnalyst\n", false)).unwrap();
        assert_eq!(t.text, "Ada Lovelace\nAnalyst\n");
        let t = decode(&utf16("Ada Lovelace\nAnalyst\n", true)).unwrap();
        assert_eq!(t.text, "Ada Lovelace\nAnalyst\n");
        assert_eq!(utf16_without_bom(b"Ada\0Lovelace"), None);
    }

    #[test]
    fn a_nul_between_words_is_read_as_a_space_with_a_warning() {
        let t = decode(b"Ada\0Lovelace\nEngineer\0\n").unwrap();
        assert_eq!(t.text, "Ada Lovelace\nEngineer \n");
        assert!(t.diagnostics[0].message.contains("2 NUL byte(s), the first on line 1"));
    }

    #[test]
    fn invalid_utf8_after_a_utf8_bom_is_decoded_with_a_warning_naming_the_offset() {
        let t = decode(b"\xEF\xBB\xBFCaf\xe9 owner").unwrap();
        assert_eq!(t.text, "Caf\u{fffd} owner");
        assert!(t.diagnostics[0].message.contains("offset 3"), "{}", t.diagnostics[0]);
    }

    #[test]
    fn refuses_oversized_input() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(decode(&big).unwrap_err().message.contains("limit"));
    }
}
