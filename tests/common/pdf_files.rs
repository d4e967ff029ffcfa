//! Small PDFs written byte by byte for the PDF reader's tests: fictional text on a page, and
//! the damaged and hostile files the reader must refuse quickly.

use std::io::Write;

/// A PDF file from its objects (numbered from 1; object 1 is the catalog), with a correct
/// cross-reference table and `trailer_extra` added to the trailer dictionary.
pub fn assemble(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object with its dictionary entries.
pub fn stream(data: &[u8], dict: &str) -> Vec<u8> {
    let mut s = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// One line of text: `(x, y from the bottom, size, font resource, text)`.
pub type TextLine<'a> = (f32, f32, f32, &'a str, &'a str);

/// A content stream drawing each line at its place (Helvetica as /F1, Helvetica-Bold as /F2);
/// text is written in WinAnsi (`\u{95}` is the bullet).
pub fn content(lines: &[TextLine<'_>]) -> Vec<u8> {
    let mut c = Vec::new();
    for (x, y, size, font, text) in lines {
        c.extend_from_slice(format!("BT /{font} {size} Tf 1 0 0 1 {x} {y} Tm (").as_bytes());
        for ch in text.chars() {
            if matches!(ch, '\\' | '(' | ')') {
                c.push(b'\\');
            }
            c.push(u8::try_from(u32::from(ch)).unwrap_or(b'?'));
        }
        c.extend_from_slice(b") Tj ET\n");
    }
    c
}

/// A one-page Letter PDF with the given text lines and extra page-dictionary entries.
pub fn page_pdf(lines: &[TextLine<'_>], page_extra: &str, extra_objects: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R {page_extra} >>"
        )
        .into_bytes(),
        stream(&content(lines), ""),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    objects.extend(extra_objects.iter().cloned());
    assemble(&objects, "")
}

/// A fictional one-column resume: name, contact, headings, a dated job with bullets, a
/// wrapped paragraph hyphenated at a line end, and a link.
pub fn fictional_resume() -> Vec<u8> {
    let lines: Vec<TextLine<'_>> = vec![
        (72.0, 720.0, 24.0, "F2", "Marta Quill"),
        (72.0, 700.0, 10.0, "F1", "marta.quill@example.org | Lisbon, Portugal"),
        (72.0, 684.0, 10.0, "F1", "github.com/mquill"),
        (72.0, 650.0, 13.0, "F2", "EXPERIENCE"),
        (72.0, 630.0, 10.0, "F2", "Harbour Logistics"),
        (480.0, 630.0, 10.0, "F1", "2019 - 2023"),
        (72.0, 616.0, 10.0, "F1", "Operations Analyst"),
        (
            80.0,
            600.0,
            10.0,
            "F1",
            "\u{95} Cut container dwell time by a fifth with a new yard plan",
        ),
        (80.0, 586.0, 10.0, "F1", "\u{95} Built the weekly capacity forecast"),
        (72.0, 560.0, 13.0, "F2", "SUMMARY"),
        (72.0, 540.0, 10.0, "F1", "Analyst who turns port data into plans that crews can fol-"),
        (72.0, 526.0, 10.0, "F1", "low, with a taste for simple tools."),
    ];
    let link = b"<< /Type /Annot /Subtype /Link /Rect [70 680 160 696] /A << /S /URI /URI (https://github.com/mquill) >> >>".to_vec();
    page_pdf(&lines, "/Annots [7 0 R]", &[link])
}

/// A Letter PDF with one page per entry of `pages`, each page's lines drawn as by
/// [`content`] (Helvetica as /F1, Helvetica-Bold as /F2).
pub fn pages_pdf(pages: &[Vec<TextLine<'_>>]) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 and 4 fonts, then a page and its content per page.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, lines) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(stream(&content(lines), ""));
    }
    assemble(&objects, "")
}
