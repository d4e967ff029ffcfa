//! Fuzzes the DOCX reader and everything after it (`vitae import FILE.docx`).
//!
//! The first byte picks what the rest is: even, a whole file (mostly broken ZIPs); odd, the
//! `word/document.xml` of an otherwise valid package, so that the XML and WordprocessingML
//! code is reached by almost every input.
#![no_main]

use std::io::{Cursor, Write as _};
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let name = Path::new("fuzz.docx");
    if mode % 2 == 0 {
        let _ = vitae::parse::import(rest, name);
    } else if let Some(package) = package_around(rest) {
        let _ = vitae::parse::import(&package, name);
    }
});

/// A minimal Word package whose document part is `document`.
fn package_around(document: &[u8]) -> Option<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/><Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="document.xml"/></Relationships>"#;
    let numbering = br#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    for (part, bytes) in [
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", &rels[..]),
        ("word/numbering.xml", &numbering[..]),
    ] {
        w.start_file(part, stored).ok()?;
        w.write_all(bytes).ok()?;
    }
    Some(w.finish().ok()?.into_inner())
}
