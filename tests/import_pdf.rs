//! `vitae import FILE.pdf` on small generated PDFs: a fictional resume is read into the
//! model, and every kind of bad file (encrypted, truncated, corrupt, image-only, too many
//! pages, deeply nested, a decompression bomb, a form that draws itself) ends within
//! seconds: exit 1 with a message naming the file, what is wrong and what to do, or, for a
//! file that can be read in part, exit 0 with a warning.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use common::pdf_files::{assemble, deflate, fictional_resume, page_pdf, pages_pdf, stream};
use common::{Run, vitae_bin};

/// Writes `bytes` as `name` in a temporary directory and imports it as JSON, timing it.
fn import_pdf(name: &str, bytes: &[u8]) -> (Run, Duration, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let run = Run(Command::new(vitae_bin())
        .args(["import", path.to_str().unwrap(), "--to", "json"])
        .output()
        .unwrap());
    (run, start.elapsed(), dir, path)
}

/// Asserts a refusal: exit 1, nothing on stdout, the file named, `says` and a hint, quickly.
#[track_caller]
fn refused(name: &str, bytes: &[u8], says: &str) {
    let (run, took, _dir, _) = import_pdf(name, bytes);
    run.fails_with(1).stderr_has(name).stderr_has(says).stderr_has("help:");
    assert_eq!(run.stdout(), "", "{name}: nothing on stdout");
    assert!(took < Duration::from_secs(10), "{name}: took {took:?}");
}

#[test]
fn a_fictional_pdf_resume_is_imported() {
    let (run, _, _dir, _) = import_pdf("marta.pdf", &fictional_resume());
    run.success();
    let out: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(out["basics"]["name"], "Marta Quill", "{out:#}");
    assert_eq!(out["basics"]["email"], "marta.quill@example.org");
    let text = out.to_string();
    assert!(text.contains("Harbour Logistics"), "{out:#}");
    assert!(text.contains("Built the weekly capacity forecast"), "{out:#}");
    // The line-end hyphen of "fol-/low" is joined, the bullet glyph is not text.
    assert!(text.contains("can follow, with a taste"), "{out:#}");
    assert!(!text.contains('\u{2022}'), "{out:#}");
    common::assert_schema_valid(&out);
}

#[test]
fn an_encrypted_pdf_is_refused() {
    // A standard security handler whose empty user password does not open it.
    let encrypt = "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 \
        /O <0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF> \
        /U <FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210> >> \
        /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]";
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
    ];
    refused("locked.pdf", &assemble(&objects, encrypt), "encrypted with a password");
}

#[test]
fn a_truncated_pdf_is_read_in_part_with_a_warning() {
    let whole = fictional_resume();
    // Cut after the page's content stream: the cross-reference table and trailer are lost.
    let at = whole.windows(9).position(|w| w == b"endstream").unwrap() + 9;
    let (run, _, _dir, _) = import_pdf("cut.pdf", &whole[..at]);
    run.success().stderr_has("cut.pdf").stderr_has("cut off");
    let out: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(out["basics"]["name"], "Marta Quill");
}

#[test]
fn a_pdf_cut_before_its_pages_is_refused_as_damaged() {
    let whole = fictional_resume();
    refused("stub.pdf", &whole[..40], "damaged");
}

#[test]
fn a_corrupt_pdf_is_refused() {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    let mut x: u32 = 12345;
    for _ in 0..5000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        bytes.push((x >> 16) as u8);
    }
    refused("noise.pdf", &bytes, "damaged or not a PDF");
}

#[test]
fn an_image_only_pdf_is_refused_as_a_scan() {
    let image = stream(
        &deflate(&[0x80; 100 * 100]),
        "/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray \
         /BitsPerComponent 8 /Filter /FlateDecode",
    );
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q", ""),
        image,
    ];
    refused("scan.pdf", &assemble(&objects, ""), "no text layer");
}

#[test]
fn a_pdf_with_thousands_of_pages_is_refused() {
    let n = 3000;
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 5)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
        stream(b"BT /F1 12 Tf 72 700 Td (Page) Tj ET", ""),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for _ in 0..n {
        objects.push(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>".to_vec(),
        );
    }
    refused("book.pdf", &assemble(&objects, ""), "3000 pages");
}

#[test]
fn deeply_nested_objects_are_refused_quickly() {
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let objects = vec![
        format!("<< /Type /Catalog /Pages 2 0 R /Deep {deep} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        stream(format!("BT {deep} TJ ET").as_bytes(), ""),
    ];
    refused("deep.pdf", &assemble(&objects, ""), "PDF");
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 80 MiB of zeros packed into about 80 KiB, as a page's content stream.
    let packed = deflate(&vec![0u8; 80 << 20]);
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        stream(&packed, "/Filter /FlateDecode"),
    ];
    refused("bomb.pdf", &assemble(&objects, ""), "expands to more than");
}

#[test]
fn a_font_program_that_is_a_decompression_bomb_is_refused_when_the_font_is_read() {
    // The page's only font is embedded: its program (80 MiB of zeros packed into about
    // 80 KiB) is checked when the font is loaded, not up front.
    let packed = deflate(&vec![0u8; 80 << 20]);
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream(b"BT /F1 12 Tf 72 700 Td (Nadia Ferreira) Tj ET", ""),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Acme /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>".to_vec(),
        b"<< /Type /FontDescriptor /FontName /Acme /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>".to_vec(),
        stream(&packed, "/Filter /FlateDecode"),
    ];
    refused("font-bomb.pdf", &assemble(&objects, ""), "expands to more than");
}

#[test]
fn a_form_that_draws_itself_is_read_once_per_level_and_ends() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream(b"/X1 Do", ""),
        stream(
            b"BT /F1 12 Tf 72 700 Td (Nadia Ferreira) Tj ET /X1 Do /X1 Do",
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> /Font << /F1 6 0 R >> >>",
        ),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let (run, took, _dir, _) = import_pdf("loop.pdf", &assemble(&objects, ""));
    run.success();
    assert!(run.stdout().contains("Nadia Ferreira"), "{}", run.stdout());
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
fn page_text_without_the_pdf_header_in_place_is_still_a_pdf() {
    // Junk before the header (some mail gateways add it) is accepted, as by PDF viewers.
    let mut bytes = b"\r\n\r\n".to_vec();
    bytes.extend(page_pdf(&[(72.0, 700.0, 20.0, "F2", "Ines Duarte")], "", &[]));
    let (run, _, _dir, _) = import_pdf("junk.pdf", &bytes);
    run.success();
    assert!(run.stdout().contains("Ines Duarte"), "{}", run.stdout());
}

#[test]
fn text_at_absurd_coordinates_does_not_stall_the_layout() {
    // Found by fuzzing: a glyph placed near 1e30 made the column search sweep for minutes.
    let lines = [
        (72.0, 700.0, 20.0, "F2", "Rui Salgado"),
        (1.0e30, 600.0, 10.0, "F1", "far away"),
        (-3.0e29, 500.0, 10.0, "F1", "and back"),
        (72.0, 650.0, 10.0, "F1", "rui.salgado@example.org"),
    ];
    let (run, took, _dir, _) = import_pdf("far.pdf", &page_pdf(&lines, "", &[]));
    run.success();
    assert!(run.stdout().contains("Rui Salgado"), "{}", run.stdout());
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

/// The document tree the PDF reader makes of `bytes`, as its outline.
fn tree(bytes: &[u8]) -> String {
    vitae::parse::read::pdf::read(bytes).unwrap().doc.outline()
}

#[test]
fn bullets_set_apart_by_a_tab_are_list_items_not_table_cells() {
    // Word sets a bullet, then a tab to the hanging indent; its second level is a Courier "o".
    let pdf = page_pdf(
        &[
            (72.0, 700.0, 13.0, "F2", "EXPERIENCE"),
            (72.0, 680.0, 10.0, "F2", "Orchard Cooperative"),
            (90.0, 664.0, 10.0, "F1", "\u{95}"),
            (118.0, 664.0, 10.0, "F1", "Planned the spring harvest rota for forty pickers"),
            (118.0, 650.0, 10.0, "F1", "o"),
            (146.0, 650.0, 10.0, "F1", "Drew up shift swaps by text message"),
            (90.0, 636.0, 10.0, "F1", "\u{95}"),
            (118.0, 636.0, 10.0, "F1", "Kept the cold store under four degrees"),
        ],
        "",
        &[],
    );
    let outline = tree(&pdf);
    assert!(!outline.contains("TABLE"), "{outline}");
    assert!(!outline.contains('\u{2022}') && !outline.contains(" o "), "{outline}");
    let expected = "UL@3\n  -\n    P@3 Planned the spring harvest rota for forty pickers\n    UL@4\n      -\n        P@4 Drew up shift swaps by text message\n  -\n    P@5 Kept the cold store under four degrees\n";
    assert!(outline.ends_with(expected), "{outline}");
}

#[test]
fn a_rule_drawn_with_underscores_beside_a_heading_leaves_a_heading() {
    let pdf = page_pdf(
        &[
            (72.0, 700.0, 10.0, "F1", "Licensed surveyor, chartered 2021"),
            (480.0, 700.0, 10.0, "F1", "2021"),
            (72.0, 680.0, 13.0, "F2", "EXPERIENCE"),
            (200.0, 680.0, 13.0, "F1", "__________"),
            (72.0, 664.0, 10.0, "F1", "Field surveys for a regional water board"),
        ],
        "",
        &[],
    );
    let outline = tree(&pdf);
    assert!(outline.contains("H2@2 EXPERIENCE\n"), "{outline}");
    assert!(!outline.contains('_'), "{outline}");
}

#[test]
fn a_contact_footer_repeated_on_every_page_is_read_once_with_the_header() {
    let footer = (150.0, 40.0, 9.0, "F1", "Rua das Flores 9, Braga | ines.moura@example.org");
    let pdf = pages_pdf(&[
        vec![
            (72.0, 720.0, 22.0, "F2", "Ines Moura"),
            (72.0, 680.0, 13.0, "F2", "EXPERIENCE"),
            (72.0, 660.0, 10.0, "F1", "Ceramics studio assistant, Braga"),
            footer,
        ],
        vec![
            (72.0, 720.0, 13.0, "F2", "EDUCATION"),
            (72.0, 700.0, 10.0, "F1", "Fine arts, Porto"),
            footer,
        ],
    ]);
    let outline = tree(&pdf);
    assert_eq!(outline.matches("ines.moura@example.org").count(), 1, "{outline}");
    let footer_at = outline.find("Rua das Flores").unwrap();
    assert!(footer_at < outline.find("EXPERIENCE").unwrap(), "{outline}");
    assert!(outline.starts_with("H1@1 Ines Moura\n"), "{outline}");
}

#[test]
fn lines_at_a_generous_line_pitch_are_one_paragraph() {
    // Some exports set 10-point text 18 points apart: that is the line pitch, not a gap.
    let text = [
        "Grew a neighbourhood bakery's orders by taking",
        "them online, and trained four staff to run the",
        "new till and the weekly stock count on their own.",
    ];
    let mut lines: Vec<(f32, f32, f32, &str, &str)> = vec![(72.0, 720.0, 13.0, "F2", "SUMMARY")];
    for (i, t) in text.iter().enumerate() {
        lines.push((72.0, 696.0 - 18.0 * i as f32, 10.0, "F1", t));
    }
    lines.push((72.0, 620.0, 10.0, "F1", "A paragraph of its own, well below the last one."));
    let outline = tree(&page_pdf(&lines, "", &[]));
    assert!(outline.contains("P@2 Grew a neighbourhood bakery's orders by taking ⏎ them online, and trained four staff to run the ⏎ new till and the weekly stock count on their own.\nP@5 A paragraph of its own"), "{outline}");
}

#[test]
fn a_heading_in_a_sidebar_of_smaller_type_is_a_heading() {
    // A main column in 12-point type; a sidebar in 10.5 with its headings in 13.
    let mut lines: Vec<(f32, f32, f32, &str, &str)> =
        vec![(230.0, 720.0, 24.0, "F1", "Rui Tavares"), (230.0, 680.0, 15.0, "F1", "Summary")];
    for i in 0..10 {
        lines.push((
            230.0,
            660.0 - 16.0 * i as f32,
            12.0,
            "F1",
            "Keeps small fleets of delivery vans on the road",
        ));
    }
    lines.extend([
        (24.0, 730.0, 13.0, "F1", "Contact"),
        (24.0, 712.0, 10.5, "F1", "rui.tavares@example.org"),
        (24.0, 680.0, 13.0, "F1", "Top skills"),
        (24.0, 662.0, 10.5, "F1", "Route planning"),
        (24.0, 646.0, 10.5, "F1", "Fleet maintenance schedules"),
        (24.0, 630.0, 10.5, "F1", "Driver rotas"),
    ]);
    let outline = tree(&page_pdf(&lines, "", &[]));
    for heading in [" Contact", " Top skills"] {
        let found = outline.lines().any(|l| l.starts_with("H2@") && l.ends_with(heading));
        assert!(found, "{heading}: {outline}");
    }
}

#[test]
fn two_columns_run_on_from_page_to_page_main_column_first() {
    // Page 1: a main column ending with a heading whose entries start on page 2, and a
    // sidebar; page 2: the same gutter, the sidebar's last line beside a main-column line.
    let mut page1: Vec<(f32, f32, f32, &str, &str)> =
        vec![(50.0, 740.0, 24.0, "F2", "Tomas Lindqvist"), (50.0, 700.0, 12.0, "F2", "EXPERIENCE")];
    for i in 0..8 {
        page1.push((
            50.0,
            680.0 - 14.0 * i as f32,
            9.0,
            "F1",
            "Drove the night tram route and kept its log",
        ));
    }
    page1.push((50.0, 540.0, 12.0, "F2", "EDUCATION"));
    page1.extend([
        (400.0, 705.0, 12.0, "F2", "AWARDS"),
        (400.0, 687.0, 9.0, "F1", "Safe driving prize, 2019"),
        (400.0, 645.0, 12.0, "F2", "CERTIFICATIONS"),
        (400.0, 627.0, 9.0, "F1", "Heavy vehicle licence"),
    ]);
    let page2 = vec![
        (50.0, 740.0, 11.0, "F2", "Nordvik Technical College, transport studies"),
        (400.0, 740.0, 9.0, "F1", "First aid certificate"),
        (50.0, 726.0, 9.0, "F1", "August 2012 - May 2014"),
        (50.0, 690.0, 12.0, "F2", "SKILLS"),
        (50.0, 670.0, 9.0, "F1", "Route planning, passenger care, winter driving"),
    ];
    let outline = tree(&pages_pdf(&[page1, page2]));
    let at = |t: &str| outline.find(t).unwrap_or_else(|| panic!("{t}: {outline}"));
    assert!(at("EDUCATION") < at("Nordvik Technical College"), "{outline}");
    assert!(at("Nordvik Technical College") < at("SKILLS"), "{outline}");
    assert!(at("SKILLS") < at("AWARDS"), "{outline}");
    assert!(at("Heavy vehicle licence") < at("First aid certificate"), "{outline}");
    assert!(!outline.contains("TABLE"), "{outline}");
}

#[test]
fn entry_titles_under_margin_labels_are_a_level_below_them() {
    // Section labels in a left margin; each entry's title in larger type in the text column.
    let mut lines: Vec<(f32, f32, f32, &str, &str)> = vec![(150.0, 740.0, 22.0, "F1", "Lena Hart")];
    let mut y = 660.0;
    for (label, title, body) in [
        ("Experience", "Museum guide", "Led tours in three languages for school groups"),
        ("Education", "Diploma in art history", "Studied the restoration of painted panels"),
    ] {
        lines.push((34.0, y, 9.0, "F1", label));
        lines.push((150.0, y - 3.0, 12.6, "F1", title));
        for i in 1..4 {
            lines.push((150.0, y - 3.0 - 13.0 * i as f32, 9.0, "F1", body));
        }
        y -= 90.0;
    }
    let outline = tree(&page_pdf(&lines, "", &[]));
    for heading in
        ["H2@2 Experience", "H3@3 Museum guide", "H2@7 Education", "H3@8 Diploma in art history"]
    {
        assert!(outline.contains(&format!("{heading}\n")), "{heading}: {outline}");
    }
}

#[test]
fn bullets_under_an_entry_beside_its_dates_are_a_list_in_the_cell() {
    let mut lines: Vec<(f32, f32, f32, &str, &str)> = vec![(72.0, 740.0, 13.0, "F2", "EXPERIENCE")];
    for (i, (date, title)) in
        [("2019 - 2022", "Baker, Mill Street Bakery"), ("2016 - 2019", "Kitchen hand, Quay Cafe")]
            .into_iter()
            .enumerate()
    {
        let y = 720.0 - 70.0 * i as f32;
        lines.push((40.0, y, 10.0, "F1", date));
        lines.push((150.0, y, 10.0, "F1", title));
        lines.push((150.0, y - 14.0, 10.0, "F1", "\u{95} Baked the morning bread"));
        lines.push((150.0, y - 28.0, 10.0, "F1", "\u{95} Trained two apprentices"));
    }
    let outline = tree(&page_pdf(&lines, "", &[]));
    let cell = "      P@2 Baker, Mill Street Bakery\n      UL@2\n        -\n          P@2 Baked the morning bread\n        -\n          P@2 Trained two apprentices\n";
    assert!(outline.contains(cell), "{outline}");
}

/// A composite font as Word and Chrome embed them: Identity-H codes, a ToUnicode map and a
/// `/W` width array. Its text is read from those maps alone (the font program is never
/// needed); its `/W` ends in a range over every CID, which is read in bounded time and memory.
fn composite_font_pdf(lines: &[(f32, &str)]) -> Vec<u8> {
    let hex =
        |text: &str| -> String { text.chars().map(|c| format!("{:04X}", u32::from(c))).collect() };
    let mut content = String::new();
    for (y, text) in lines {
        content.push_str(&format!("BT /F1 11 Tf 72 {y} Td <{}> Tj ET\n", hex(text)));
    }
    let to_unicode = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CMapName /Fictional-UCS def /CMapType 2 def\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        1 beginbfrange <0020> <007E> <0020> endbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream(content.as_bytes(), ""),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+FictionalSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+FictionalSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 /W [32 [260] 33 4294967295 540] >>".to_vec(),
        b"<< /Type /FontDescriptor /FontName /ABCDEF+FictionalSans /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>".to_vec(),
        stream(to_unicode.as_bytes(), ""),
    ];
    assemble(&objects, "")
}

#[test]
fn a_composite_font_is_read_from_its_unicode_map_and_widths() {
    let pdf = composite_font_pdf(&[
        (720.0, "Ines Varga"),
        (704.0, "ines.varga@example.org"),
        (670.0, "EXPERIENCE"),
        (654.0, "Ferry Timetables Office, Planner, 2018 - 2022"),
    ]);
    let (run, took, _dir, _) = import_pdf("ines.pdf", &pdf);
    run.success();
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let out: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(out["basics"]["name"], "Ines Varga", "{out:#}");
    assert_eq!(out["basics"]["email"], "ines.varga@example.org", "{out:#}");
    // The words are apart by the widths the font gives (a space 260, letters 540).
    assert!(out.to_string().contains("Ferry Timetables Office"), "{out:#}");
}
