//! Fuzz target: the PDF reader never panics, hangs or runs away with memory, whatever the
//! bytes. Input that starts like a PDF is read whole; anything else becomes the content
//! stream of a small valid page (Helvetica and a TrueType-less Type 0 font in its resources),
//! so that the text interpreter, layout and tree building see arbitrary operators.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn page_with_content(content: &[u8]) -> Vec<u8> {
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >> /Contents 4 0 R /Annots [8 0 R] >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding << /Differences [65 /fi /fl /ffi] >> >>".to_vec(),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Length 31 >>\nstream\nBT /F1 9 Tf 72 72 Td (form) Tj ET\nendstream".to_vec(),
        b"<< /Type /Annot /Subtype /Link /Rect [70 690 200 720] /A << /S /URI /URI (https://example.org) >> >>".to_vec(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"%PDF") { data.to_vec() } else { page_with_content(data) };
    if let Ok(read) = vitae::parse::read::pdf::read(&bytes) {
        let _ = read.doc.outline();
        let parsed = vitae::parse::interpret::interpret(read.doc);
        let _ = parsed.resume.to_json_pretty();
    }
});
