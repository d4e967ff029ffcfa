//! Word documents as a user meets them: the tree the reader makes of fictional DOCX files
//! (snapshots of the outline), `vitae import FILE.docx`, a `.docx` in `content/`, and every
//! class of bad file (damaged, truncated, encrypted, zip bombs, XML bombs, deep nesting, huge).
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::docx::{
    Docx, fictional_resume, numbered, p, run, styled, tabbed, table, text_box, zip_of,
};
use common::{Run, TestSite, vitae_bin};

fn outline(bytes: &[u8]) -> String {
    let reading = vitae::parse::read::docx::read(bytes).unwrap();
    let mut out = reading.doc.outline();
    for w in reading.warnings {
        out += &format!("warning: {}\n", w.message);
    }
    out
}

fn import_file(dir: &Path, name: &str, bytes: &[u8]) -> Run {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    Run(Command::new(vitae_bin())
        .args(["import", path.to_str().unwrap(), "--to", "json"])
        .output()
        .unwrap())
}

#[test]
fn a_full_resume_becomes_a_faithful_tree() {
    insta::assert_snapshot!(outline(&fictional_resume().bytes()));
}

#[test]
fn floating_text_boxes_are_read_once_in_reading_order() {
    // Drawn right column first, then the name, then the left column: read name, left, right.
    let boxes = [
        text_box(250, 200, 300, 80, &p("Built kelp survey tools at Tidewater Institute")),
        text_box(40, 40, 500, 50, &p("Mara Lindqvist")),
        text_box(40, 300, 180, 60, &p("Python, SQL")),
        text_box(40, 200, 180, 80, &styled("Heading1", &run("Skills", ""))),
        text_box(250, 300, 300, 60, &p("Fjordline Analytics, 2020 – now")),
    ]
    .concat();
    let doc = Docx::new(format!("<w:p>{boxes}</w:p><w:p/>"));
    insta::assert_snapshot!(outline(&doc.bytes()));
}

#[test]
fn typed_bullets_and_lists_without_numbering_definitions() {
    let body = [
        p("• Surveyed 12 kelp forests"),
        p("•\u{a0}Trained volunteers"),
        p("*2019 : Certificate in GIS"),
        p("*2021 : Diploma in Data Science"),
        p("Hobbies"),
        p("*nix systems, kept as written: a lone unspaced glyph is no bullet"),
        numbered(9, 0, "A list whose numbering definition is missing"),
        tabbed(&["Lead", "2019 – 2021"]),
        tabbed(&["Analyst", "2017 – 2019"]),
    ]
    .concat();
    insta::assert_snapshot!(outline(&Docx::new(body).bytes()));
}

/// A paragraph holding one run of `text` set by `props` (`w:rPr` content), with `ppr`
/// (`w:pPr` content).
fn set(text: &str, props: &str, ppr: &str) -> String {
    format!("<w:p><w:pPr>{ppr}</w:pPr>{}</w:p>", run(text, props))
}

#[test]
fn headings_shown_only_by_their_look_become_headings_by_prominence() {
    let body = [
        set("Noor Haddad", r#"<w:b/><w:sz w:val="40"/>"#, ""),
        p("noor@example.org | +47 555 0100"),
        set("EXPERIENCE", "<w:b/>", ""),
        set("Lighthouse Keeper", "<w:b/>", ""),
        p("Kept the lamp lit through three hundred storms and logged every passing ship."),
        p("Trained two apprentice keepers in lamp care, radio watch and weather reports."),
        set("EDUCATION", "", r#"<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>"#),
        set("Certificate in Navigation, 2017", "<w:b/>", ""),
        set("A whole sentence set in bold.", "<w:b/>", ""),
        set("SEAMANSHIP", "", ""),
        set("Email: noor@example.org", "<w:b/>", ""),
        set("Awards", "", r#"<w:pBdr><w:bottom w:val="single" w:sz="6"/></w:pBdr>"#),
        set("Volunteering", "<w:b/><w:smallCaps/>", ""),
    ]
    .concat();
    let tree = outline(&Docx::new(body).bytes());
    let headings: Vec<&str> = tree.lines().filter(|l| l.starts_with('H')).collect();
    assert_eq!(
        headings,
        [
            "H1@1 *Noor Haddad*",
            "H2@3 *EXPERIENCE*",
            "H3@4 *Lighthouse Keeper*",
            "H2@7 EDUCATION",
            "H3@12 Awards",
            "H2@13 *Volunteering*",
        ],
        "{tree}"
    );
}

#[test]
fn a_layout_table_is_read_cell_by_cell_and_a_data_table_stays_a_table() {
    let left =
        [set("SKILLS", "<w:b/>", ""), numbered(1, 0, "Knots"), numbered(1, 0, "Radio")].concat();
    let right = [
        set("EXPERIENCE", "<w:b/>", ""),
        p("Lighthouse Keeper, North Cape Light, 2018 – 2023"),
        p("Kept the lamp lit through three hundred storms and logged every passing ship."),
    ]
    .concat();
    let data = table(&[
        &[&set("Language", "<w:b/>", ""), &set("Level", "<w:b/>", "")],
        &[&p("Norwegian"), &p("native")],
    ]);
    let body = [table(&[&[&left, &right]]), data].concat();
    let tree = outline(&Docx::new(body).bytes());
    let expected = "DIV@1 table
  H1@1 *SKILLS*
  UL@2
    -
      P@2 Knots
    -
      P@3 Radio
  H1@4 *EXPERIENCE*
  P@5 Lighthouse Keeper, North Cape Light, 2018 – 2023
  P@6 Kept the lamp lit through three hundred storms and logged every passing ship.
TABLE@7
  row
    |
      P@7 *Language*
    |
      P@8 *Level*
  row
    |
      P@9 Norwegian
    |
      P@10 native
";
    assert_eq!(tree, expected);
}

#[test]
fn a_template_prompt_left_in_a_content_control_is_not_read() {
    let control = |props: &str, content: &str| {
        format!("<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>")
    };
    let body = [
        control("", &p("Noor Haddad")),
        control("<w:showingPlcHdr/>", &p("Type your objective here")),
        format!("<w:p>{}</w:p>", control("<w:showingPlcHdr/>", &run("Street address", ""))),
        p("Lighthouse Keeper"),
    ]
    .concat();
    assert_eq!(outline(&Docx::new(body).bytes()), "P@1 Noor Haddad\nP@3 Lighthouse Keeper\n");
}

#[test]
fn bold_lines_stay_text_in_a_document_with_heading_styles() {
    let body = [
        styled("Heading1", &run("Experience", "")),
        set("Lighthouse Keeper", "<w:b/>", ""),
        p("Kept the lamp lit."),
        styled("Heading1", &run("Education", "")),
        set("North Cape College", "<w:b/>", ""),
    ]
    .concat();
    let tree = outline(&Docx::new(body).bytes());
    let headings: Vec<&str> = tree.lines().filter(|l| l.starts_with('H')).collect();
    assert_eq!(headings, ["H1@1 *Experience*", "H1@4 *Education*"], "{tree}");
}

#[test]
fn import_to_tree_prints_the_tree_of_a_docx() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mara.docx");
    std::fs::write(&path, fictional_resume().bytes()).unwrap();
    let run = Run(Command::new(vitae_bin())
        .args(["import", path.to_str().unwrap(), "--to", "tree"])
        .output()
        .unwrap());
    run.success();
    let tree = run.stdout();
    assert!(tree.contains("Mara Lindqvist"), "{tree}");
    assert!(tree.lines().any(|l| l.starts_with("H2@") && l.contains("Experience")), "{tree}");
}

#[test]
fn import_reads_a_docx_into_a_resume() {
    let dir = tempfile::tempdir().unwrap();
    let run = import_file(dir.path(), "mara.docx", &fictional_resume().bytes());
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    common::assert_schema_valid(&json);
    assert_eq!(json["basics"]["name"], "Mara Lindqvist");
    assert_eq!(json["basics"]["email"], "mara@example.org");
    let text = run.stdout();
    for expected in ["Senior Data Engineer", "Built the sensor pipeline", "Cut nightly load time"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // The text box is stored twice in the file and read once.
    assert_eq!(text.matches("Open to relocation").count(), 1, "{text}");
}

#[test]
fn a_docx_in_content_builds_into_a_page() {
    let site = TestSite::new();
    std::fs::write(site.path("content/mara.docx"), fictional_resume().bytes()).unwrap();
    site.run(&["build"]).success();
    let html = site.read("public/mara/index.html");
    assert!(html.contains("Mara Lindqvist"), "{html}");
    assert!(html.contains("Senior Data Engineer"), "{html}");
}

#[test]
fn a_pdf_in_content_is_read_as_content_and_a_broken_one_names_the_file() {
    let site = TestSite::new();
    site.file("content/old.pdf", "%PDF-1.4\n%broken beyond repair\n");
    site.run(&["build"]).fails_with(1).stderr_has("old.pdf").stderr_has("help:");
}

// ---- bad files -------------------------------------------------------------------------

/// Exit 1, nothing on stdout, and the message names the file, what is wrong and what to do.
#[track_caller]
fn refused(run: &Run, name: &str, says: &str) {
    run.fails_with(1).stderr_has(name).stderr_has(says).stderr_has("help:");
    assert_eq!(run.stdout(), "", "nothing on stdout");
}

#[test]
fn a_truncated_docx_is_read_in_part_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // The package without its central directory, as a cut-off download leaves it.
    let bytes = fictional_resume().bytes();
    let cut = &bytes[..bytes.len() * 9 / 10];
    let run = import_file(dir.path(), "cut.docx", cut);
    run.success()
        .stderr_has("cut.docx")
        .stderr_has("damaged")
        .stderr_has("read what could be recovered");
    assert!(run.stdout().contains("Mara Lindqvist"), "{}", run.stdout());
}

#[test]
fn a_docx_cut_inside_the_document_part_keeps_the_text_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = fictional_resume().parts();
    let doc = parts.iter_mut().find(|(n, _)| n == "word/document.xml").unwrap();
    let at = doc.1.find("Mentored").unwrap();
    doc.1.truncate(at);
    let bytes = zip_of(parts.iter().map(|(n, d)| (n.as_str(), d.as_bytes())));
    let run = import_file(dir.path(), "half.docx", &bytes);
    run.success().stderr_has("half.docx").stderr_has("word/document.xml").stderr_has("damaged");
    assert!(run.stdout().contains("Cut nightly load time"), "{}", run.stdout());
}

#[test]
fn corrupt_packages_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend(b"word/document.xml but nothing a ZIP reader can use".repeat(4));
    refused(
        &import_file(dir.path(), "garbage.docx", &garbage),
        "garbage.docx",
        "not a readable ZIP package",
    );
    let no_document =
        zip_of([("word/styles.xml", &b"<w:styles/>"[..]), ("x/word/document.xml.bak", b"")]);
    refused(
        &import_file(dir.path(), "nodoc.docx", &no_document),
        "nodoc.docx",
        "without the document part",
    );
}

#[test]
fn a_zip_bomb_is_refused_by_what_it_unpacks_to() {
    let dir = tempfile::tempdir().unwrap();
    // 40 MiB of one repeated paragraph, a few hundred KB packed.
    let para = "<w:p><w:r><w:t>lorem ipsum</w:t></w:r></w:p>";
    let huge = format!(
        "<w:document><w:body>{}</w:body></w:document>",
        para.repeat((40 << 20) / para.len())
    );
    let bytes = zip_of([("word/document.xml", huge.as_bytes())]);
    assert!(bytes.len() < 1 << 20);
    refused(&import_file(dir.path(), "bomb.docx", &bytes), "bomb.docx", "zip bomb");
}

#[test]
fn an_archive_of_too_many_entries_is_refused_before_it_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..10_001).map(|i| format!("word/media/{i}.xml")).collect();
    let mut entries: Vec<(&str, &[u8])> = vec![("word/document.xml", b"<w:document/>")];
    entries.extend(names.iter().map(|n| (n.as_str(), &b""[..])));
    refused(&import_file(dir.path(), "many.docx", &zip_of(entries)), "many.docx", "10002 entries");
}

#[test]
fn encrypted_documents_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // Word keeps a password-protected DOCX in an OLE container with an EncryptedPackage stream.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(vec![0u8; 512]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    refused(&import_file(dir.path(), "locked.docx", &ole), "locked.docx", "password");
    // A ZIP whose entries carry the encryption flag.
    let mut bytes = fictional_resume().bytes();
    set_encryption_flags(&mut bytes);
    refused(&import_file(dir.path(), "zipcrypto.docx", &bytes), "zipcrypto.docx", "encrypted");
}

/// Sets bit 0 (encrypted) of the flags in every local and central header.
fn set_encryption_flags(bytes: &mut [u8]) {
    for k in 0..bytes.len().saturating_sub(10) {
        if bytes[k..].starts_with(b"PK\x03\x04") {
            bytes[k + 6] |= 1;
        } else if bytes[k..].starts_with(b"PK\x01\x02") {
            bytes[k + 8] |= 1;
        }
    }
}

#[test]
fn xml_bombs_and_deep_nesting_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let with_document = |xml: &str| {
        let mut parts = fictional_resume().parts();
        parts.iter_mut().find(|(n, _)| n == "word/document.xml").unwrap().1 = xml.to_string();
        zip_of(parts.iter().map(|(n, d)| (n.as_str(), d.as_bytes())))
    };
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>"#;
    refused(&import_file(dir.path(), "laughs.docx", &with_document(laughs)), "laughs.docx", "DTD");
    let deep = format!("<w:document><w:body>{}</w:body></w:document>", "<w:sdt>".repeat(100_000));
    refused(
        &import_file(dir.path(), "deep.docx", &with_document(&deep)),
        "deep.docx",
        "nests elements more than",
    );
}

#[test]
fn a_document_of_more_text_than_any_resume_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let para = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "word ".repeat(20_000));
    let body = para.repeat(60);
    refused(
        &import_file(dir.path(), "novel.docx", &Docx::new(body).bytes()),
        "novel.docx",
        "MiB of text",
    );
}

#[test]
fn a_document_without_text_says_it_may_be_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = Docx::new("<w:p/><w:p><w:r><w:drawing/></w:r></w:p>").bytes();
    refused(&import_file(dir.path(), "scan.docx", &bytes), "scan.docx", "no text");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 65 MiB on paper, nothing on disk; the import must not read it to know.
    let path = dir.path().join("huge.docx");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(65 << 20).unwrap();
    let run =
        Run(Command::new(vitae_bin()).args(["import", path.to_str().unwrap()]).output().unwrap());
    refused(&run, "huge.docx", "over the 64 MiB limit");
    let site = TestSite::new();
    std::fs::File::create(site.path("content/huge.docx")).unwrap().set_len(65 << 20).unwrap();
    site.run(&["build"]).fails_with(1).stderr_has("huge.docx").stderr_has("over the 64 MiB limit");
}

// ---- shapes of Word resumes ----------------------------------------------------------------

/// The JSON Resume `vitae import` makes of a document whose body is `body`.
fn resume_of(body: &[String]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let run = import_file(dir.path(), "shape.docx", &Docx::new(body.concat()).bytes());
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    common::assert_schema_valid(&json);
    json
}

/// The values of `field` in each entry of `section`, as one `a|b|c` line per entry.
fn entries(json: &serde_json::Value, section: &str, fields: &[&str]) -> Vec<String> {
    let list = json[section].as_array().cloned().unwrap_or_default();
    list.iter()
        .map(|e| fields.iter().map(|f| e[*f].as_str().unwrap_or("")).collect::<Vec<_>>().join("|"))
        .collect()
}

#[test]
fn an_entry_table_row_with_a_line_under_it_is_one_entry() {
    // A Word template's entry: "Degree (Abbr.) – Field | dates" in a borderless table, the
    // school in italics below; an award the same way, with a bullet that describes it.
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        styled("Heading1", &run("Education", "")),
        table(&[&[
            &set("Bachelor of Science (B.Sc.) – Marine Biology", "<w:b/>", ""),
            &p("Sep 2015 – Jun 2019"),
        ]]),
        set("Northwood University, Springfield, MA", "<w:i/>", ""),
        styled("Heading1", &run("Honors and Awards", "")),
        table(&[&[&set("Tidewater Prize", "<w:b/>", ""), &p("May 2018")]]),
        set("Northwood Marine Society", "<w:i/>", ""),
        numbered(1, 0, "Given each year to one student for fieldwork on the coast"),
        table(&[&[&set("Dean’s List", "<w:b/>", ""), &p("Spring 2017")]]),
        set("Northwood University, Springfield, MA", "<w:i/>", ""),
    ];
    let json = resume_of(&body);
    assert_eq!(
        entries(&json, "education", &["institution", "studyType", "area", "startDate", "endDate"]),
        ["Northwood University|Bachelor of Science (B.Sc.)|Marine Biology|2015-09|2019-06"],
        "{json:#}"
    );
    assert_eq!(
        entries(&json, "awards", &["title", "awarder", "date"]),
        [
            "Tidewater Prize|Northwood Marine Society|2018-05",
            "Dean’s List|Northwood University|2017"
        ],
        "{json:#}"
    );
}

#[test]
fn a_table_of_short_terms_under_an_unknown_heading_is_skills() {
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        styled("Heading1", &run("Experience", "")),
        tabbed(&["Lighthouse Keeper, North Cape Light", "2018 – 2023"]),
        styled("Heading1", &run("Toolbox", "")),
        table(&[
            &[&p("Python"), &p("PostgreSQL"), &p("Docker")],
            &[&p("Terraform"), &p("QGIS"), &p("Git")],
        ]),
    ];
    let json = resume_of(&body);
    let skills = json["skills"].to_string();
    for term in ["Python", "PostgreSQL", "Docker", "Terraform", "QGIS", "Git"] {
        assert!(skills.contains(term), "{term} missing: {json:#}");
    }
    assert!(json.get("unsortedSections").is_none(), "{json:#}");
}

#[test]
fn an_employer_table_whose_entries_span_two_rows() {
    // Employer and dates in one row, the title and town in the next; an employer written
    // with its abbreviations ("Pvt. Ltd.") ends in a full stop and is still a header.
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        styled("Heading1", &run("Work Experience", "")),
        table(&[
            &[&set("Example Pvt. Ltd.", "<w:b/>", ""), &p("Jan 2019 – Mar 2021")],
            &[&set("Software Engineer", "<w:i/>", ""), &p("Pune")],
            &[&set("Sample Tech Co.", "<w:b/>", ""), &p("Jun 2017 – Dec 2018")],
            &[&set("Data Intern", "<w:i/>", ""), &p("Mumbai")],
        ]),
    ];
    let json = resume_of(&body);
    assert_eq!(
        entries(&json, "work", &["name", "position", "startDate", "endDate"]),
        [
            "Example Pvt. Ltd.|Software Engineer|2019-01|2021-03",
            "Sample Tech Co.|Data Intern|2017-06|2018-12"
        ],
        "{json:#}"
    );
}

#[test]
fn an_entry_table_whose_date_ranges_break_over_two_rows() {
    // A date column too narrow for the range: "Mar 2031 –" over "Aug 2033", the employer's
    // name wrapping on beside the second half. Each range is one entry.
    let empty = "<w:p/>";
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        styled("Heading1", &run("Jobs", "")),
        table(&[
            &[&p("Mar 2031 –"), &set("Acme Widgets", "<w:b/>", ""), &p("Cog Whittler")],
            &[&p("Aug 2033:"), &set("North Branch", "<w:b/>", ""), empty],
            &[&p("Sep 2033 –"), &set("Globex", "<w:b/>", ""), &p("Kite Flyer")],
            &[&p("now:"), empty, empty],
        ]),
    ];
    let tree = outline(&Docx::new(body.concat()).bytes());
    assert_eq!(tree.matches("  row").count(), 2, "{tree}");
    let json = resume_of(&body);
    assert_eq!(
        entries(&json, "work", &["name", "startDate", "endDate"]),
        ["Acme Widgets North Branch|2031-03|2033-08", "Globex|2033-09|"],
        "{json:#}"
    );
}

#[test]
fn a_table_of_labels_beside_their_bullets_is_read_label_by_label() {
    // "Group | bullets" rows: a labelled table, not page layout; each label heads its group
    // and none of them is taken for a section heading, capitals and all.
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        styled("Heading1", &run("Experience", "")),
        tabbed(&["Lighthouse Keeper, North Cape Light", "2018 – 2023"]),
        styled("Heading1", &run("Technical Skills", "")),
        table(&[
            &[
                &set("FIELD TOOLS", "<w:b/>", ""),
                &[numbered(1, 0, "Tide gauges"), numbered(1, 0, "Sonar")].concat(),
            ],
            &[
                &set("SOFTWARE", "<w:b/>", ""),
                &[numbered(1, 0, "QGIS"), numbered(1, 0, "R")].concat(),
            ],
        ]),
    ];
    let tree = outline(&Docx::new(body.concat()).bytes());
    assert!(tree.contains("TABLE@"), "{tree}");
    let json = resume_of(&body);
    let groups: Vec<String> = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| format!("{}: {}", g["name"].as_str().unwrap_or(""), g["keywords"]))
        .collect();
    assert_eq!(
        groups,
        [r#"FIELD TOOLS: ["Tide gauges","Sonar"]"#, r#"SOFTWARE: ["QGIS","R"]"#],
        "{json:#}"
    );
    assert!(json.get("unsortedSections").is_none(), "{json:#}");
}

#[test]
fn tab_aligned_dates_beside_an_employer_with_the_title_in_italics_below() {
    // The most common Word template: "**Employer**<tab>dates", the title in italics under
    // it, Word-numbered bullets; the school the same way with the degree below.
    let tab_line = |name: &str, dates: &str| {
        format!("<w:p>{}<w:r><w:tab/></w:r>{}</w:p>", run(name, "<w:b/>"), run(dates, ""))
    };
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        styled("Heading1", &run("Experience", "")),
        tab_line("Harbour Works Ltd.", "Jan 2019 – Present"),
        set("Senior Rigger", "<w:i/>", ""),
        numbered(1, 0, "Rigged the new container cranes"),
        tab_line("Tidewater Co.", "2016 – 2018"),
        set("Rigger", "<w:i/>", ""),
        numbered(1, 0, "Spliced mooring lines"),
        styled("Heading1", &run("Education", "")),
        tab_line("Northwood College", "2012 – 2016"),
        set("B.Sc. in Marine Engineering", "<w:i/>", ""),
    ];
    let json = resume_of(&body);
    assert_eq!(
        entries(&json, "work", &["name", "position", "startDate", "endDate"]),
        ["Harbour Works Ltd.|Senior Rigger|2019-01|", "Tidewater Co.|Rigger|2016|2018"],
        "{json:#}"
    );
    assert_eq!(
        entries(&json, "education", &["institution", "studyType", "area", "startDate", "endDate"]),
        ["Northwood College|B.Sc.|Marine Engineering|2012|2016"],
        "{json:#}"
    );
}

#[test]
fn a_two_column_table_layout_reads_the_sidebar_and_the_main_column() {
    // A sidebar cell (contact, skills, languages) beside the main cell (profile, experience),
    // each inside content controls as resume builders write them.
    let control =
        |content: &str| format!("<w:sdt><w:sdtPr/><w:sdtContent>{content}</w:sdtContent></w:sdt>");
    let sidebar = [
        styled("Heading1", &run("Contact", "")),
        p("noor@example.org"),
        p("+47 555 01 234"),
        styled("Heading1", &run("Skills", "")),
        numbered(1, 0, "Knots"),
        numbered(1, 0, "Radio"),
        styled("Heading1", &run("Languages", "")),
        p("Norwegian (native)"),
        p("English (fluent)"),
    ]
    .concat();
    let main = [
        styled("Heading1", &run("Experience", "")),
        tabbed(&["Lighthouse Keeper, North Cape Light", "2018 – 2023"]),
        numbered(1, 0, "Kept the lamp lit through three hundred storms"),
    ]
    .concat();
    let body = [
        styled("Title", &run("Noor Haddad", "")),
        table(&[&[&control(&sidebar), &control(&main)]]),
    ];
    let json = resume_of(&body);
    assert_eq!(json["basics"]["email"], "noor@example.org", "{json:#}");
    assert_eq!(
        entries(&json, "work", &["name", "position", "startDate", "endDate"]),
        ["North Cape Light|Lighthouse Keeper|2018|2023"],
        "{json:#}"
    );
    let skills = json["skills"].to_string();
    assert!(skills.contains("Knots") && skills.contains("Radio"), "{json:#}");
    assert_eq!(
        entries(&json, "languages", &["language", "fluency"]),
        ["Norwegian|native", "English|fluent"]
    );
}

#[test]
fn entry_lines_set_in_a_heading_style_stay_the_entry_lines() {
    // An old Word resume: each job a borderless table whose lines all carry the "heading 2"
    // style (employer beside its dates, the title under them); a heading style on a date
    // outside any table as well. None of these opens a section.
    let job = |employer: &str, dates: &str, title: &str, did: &str| {
        table(&[
            &[&styled("Heading2", &run(employer, "<w:b/>")), &styled("Heading2", &run(dates, ""))],
            &[&styled("Heading2", &run(title, "<w:b/>")), &p("")],
            &[&p(&format!("- {did}")), &p("")],
        ])
    };
    let body = [
        styled("Title", &run("Jane Roe", "")),
        styled("Heading1", &run("Experience", "")),
        job("Globex Corporation", "6/2019 – 8/2021", "Data Engineer", "Built the nightly loads."),
        job("Initech", "1/2017 – 5/2019", "Analyst", "Wrote the quarterly reports."),
        styled("Heading1", &run("Education", "")),
        p("Northwind University, B.Sc. Statistics"),
        styled("Heading2", &run("2013 – 2016", "")),
    ];
    let tree = outline(&Docx::new(body.concat()).bytes());
    for line in ["Globex Corporation", "6/2019", "Data Engineer", "Initech", "Analyst", "2013 –"]
    {
        let found = tree.lines().find(|l| l.contains(line)).unwrap();
        assert!(found.trim_start().starts_with("P@"), "{line} is not a paragraph:\n{tree}");
    }
    let json = resume_of(&body);
    assert_eq!(
        entries(&json, "work", &["name", "position", "startDate", "endDate"]),
        ["Globex Corporation|Data Engineer|2019-06|2021-08", "Initech|Analyst|2017-01|2019-05"],
        "{json:#}"
    );
    assert_eq!(json["work"][1]["highlights"][0], "Wrote the quarterly reports.", "{json:#}");
}

#[test]
fn numbers_typed_before_a_tab_are_an_ordered_list_under_a_known_heading() {
    // Numbering done by hand ("1.⇥Topic"), under the Portuguese academic CV's headings, set
    // in bold like the rest of such a document's headings.
    let body = [
        set("Ana Souza", "<w:b/><w:sz w:val=\"32\"/>", ""),
        set("Áreas de atuação", "<w:b/>", ""),
        tabbed(&["1.", "Sistemas Distribuídos"]),
        tabbed(&["2.", "Compiladores"]),
        set("Produção bibliográfica", "<w:b/>", ""),
        p("1. Souza, A. Um estudo de caso, 2019"),
    ];
    let tree = outline(&Docx::new(body.concat()).bytes());
    assert!(tree.contains("OL@"), "{tree}");
    assert!(!tree.contains("1.\u{2003}") && !tree.contains("| Sistemas"), "{tree}");
    let json = resume_of(&body);
    let skills: Vec<&str> =
        json["skills"].as_array().unwrap().iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(skills, ["Sistemas Distribuídos", "Compiladores"], "{json:#}");
    assert_eq!(json["publications"].as_array().map(Vec::len), Some(1), "{json:#}");
}

#[test]
fn a_plain_line_over_a_comma_list_names_the_group() {
    // Skill groups written as plain lines, each over a line of its items, under a singular
    // "Competence" heading.
    let body = [
        styled("Title", &run("Jane Roe", "")),
        styled("Heading1", &run("Technical Competence", "")),
        p("Frameworks"),
        p("Spring, Hibernate, Django, Rails"),
        p("Databases"),
        p("Postgres, MySQL, Redis"),
    ];
    let json = resume_of(&body);
    let groups: Vec<String> = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            format!(
                "{}: {}",
                g["name"].as_str().unwrap(),
                g["keywords"].as_array().map_or(0, Vec::len)
            )
        })
        .collect();
    assert_eq!(groups, ["Frameworks: 4", "Databases: 3"], "{json:#}");
}

#[test]
fn a_career_objective_is_the_summary() {
    let body = [
        styled("Title", &run("Jane Roe", "")),
        styled("Heading1", &run("CAREER OBJECTIVE", "")),
        p("Analyst looking for a team that ships data products."),
        styled("Heading1", &run("Experience", "")),
        p("Analyst, Globex, 2019 – 2021"),
    ];
    let json = resume_of(&body);
    assert_eq!(
        json["basics"]["summary"], "Analyst looking for a team that ships data products.",
        "{json:#}"
    );
}

#[test]
fn a_table_of_labels_and_values_is_read_as_a_form() {
    // Personal details as a form: "Label:" cells beside their values, two label columns, an
    // address running on down its column.
    let body = [
        styled("Heading1", &run("Personal Details", "")),
        table(&[
            &[&p("Name:"), &p("Jane Roe"), &p(""), &p("Phone:"), &p("+44 20 7946 0000")],
            &[&p("Address:"), &p("1 Elm Street,"), &p(""), &p("Email:"), &p("jane@example.org")],
            &[&p(""), &p("Springfield"), &p(""), &p(""), &p("")],
        ]),
        styled("Heading1", &run("Experience", "")),
        p("Analyst, Globex, 2019 – 2021"),
    ];
    let tree = outline(&Docx::new(body.concat()).bytes());
    assert!(tree.contains("Address = 1 Elm Street, Springfield"), "{tree}");
    let json = resume_of(&body);
    assert_eq!(json["basics"]["name"], "Jane Roe", "{json:#}");
    assert_eq!(json["basics"]["email"], "jane@example.org", "{json:#}");
    assert_eq!(json["basics"]["phone"], "+44 20 7946 0000", "{json:#}");
}

#[test]
fn an_identity_number_is_no_phone_and_a_typed_rule_is_no_headline() {
    // Personal data as tab-aligned label and value, an identity card's number before the
    // telephone, sections set apart by a line of underscores.
    let rule = p(&"_".repeat(40));
    let body = [
        set("Jane Roe", "<w:b/><w:sz w:val=\"32\"/>", ""),
        rule.clone(),
        set("Dados pessoais", "<w:b/>", ""),
        tabbed(&["Identidade", "987654321 SSP - ZZ"]),
        tabbed(&["Telefone", "11 5555 0100"]),
        rule,
        set("Experiência", "<w:b/>", ""),
        p("Analyst, Globex, 2019 – 2021"),
    ];
    let tree = outline(&Docx::new(body.concat()).bytes());
    assert!(!tree.contains("____"), "{tree}");
    let json = resume_of(&body);
    assert_eq!(json["basics"]["phone"], "11 5555 0100", "{json:#}");
    assert!(json["basics"].get("label").is_none(), "{json:#}");
}

#[test]
fn the_town_beside_the_email_and_phone_is_the_location_not_a_headline() {
    let body = [
        set("JANE ROE", "<w:b/>", "<w:jc w:val=\"center\"/>"),
        set("jane@example.org | 0917 555 0100 | Eastbrook, Northwind", "<w:b/>", ""),
        styled("Heading1", &run("Experience", "")),
        p("Analyst, Globex, 2019 – 2021"),
    ];
    let json = resume_of(&body);
    assert_eq!(json["basics"]["location"]["city"], "Eastbrook", "{json:#}");
    assert_eq!(json["basics"]["location"]["region"], "Northwind", "{json:#}");
    assert!(json["basics"].get("label").is_none(), "{json:#}");
}
