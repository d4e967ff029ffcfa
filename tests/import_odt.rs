//! OpenDocument text (LibreOffice, Google Docs' ODT download) as a user meets it: a fictional
//! `.odt` written here, read through the same paragraph flow as DOCX.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::docx::zip_of;
use common::{Run, vitae_bin};

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0""#;

/// A fictional resume as LibreOffice writes it: automatic styles for bold, a Title, headings
/// by outline level, a nested list, a tab-aligned date, a table, a link and a page footer.
fn fictional_odt() -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>
<office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
  <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
  <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
  <text:p text:style-name="P1">Jonas Weber</text:p>
  <text:p>Mobile: +49 555 0100<text:s/>·<text:s/><text:a xlink:href="mailto:jonas@example.org">jonas@example.org</text:a></text:p>
  <text:h text:outline-level="1">Experience</text:h>
  <text:p><text:span text:style-name="T1">Carpenter</text:span>, Holzwerk Nord<text:tab/>2018 – 2023</text:p>
  <text:list text:style-name="L1">
    <text:list-item><text:p>Built timber frames for 30 houses</text:p>
      <text:list><text:list-item><text:p>Trained two apprentices</text:p></text:list-item></text:list>
    </text:list-item>
    <text:list-item><text:p>Ran the workshop</text:p></text:list-item>
  </text:list>
  <text:h text:outline-level="1">Certificates</text:h>
  <text:list text:style-name="L2"><text:list-item><text:p>Master carpenter, 2020</text:p></text:list-item></text:list>
  <table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Tool</text:p></table:table-cell><table:table-cell><text:p>Level</text:p></table:table-cell></table:table-row></table:table-header-rows>
    <table:table-row><table:table-cell><text:p>CNC</text:p></table:table-cell><table:table-cell><text:p>Expert</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"#
    );
    let styles = format!(
        r#"<office:document-styles {NS}><office:styles><style:style style:name="Title" style:family="paragraph"/></office:styles>
<office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>Jonas Weber · Bremen<text:s/>– page <text:page-number>1</text:page-number></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>"#
    );
    let meta = format!(
        r#"<office:document-meta {NS}><office:meta><dc:title>Lebenslauf</dc:title><meta:initial-creator>Jonas Weber</meta:initial-creator></office:meta></office:document-meta>"#
    );
    zip_of([
        ("mimetype", &b"application/vnd.oasis.opendocument.text"[..]),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta.as_bytes()),
    ])
}

#[test]
fn an_odt_becomes_a_faithful_tree() {
    let reading = vitae::parse::read::odt::read(&fictional_odt()).unwrap();
    assert!(reading.warnings.is_empty(), "{:?}", reading.warnings);
    insta::assert_snapshot!(reading.doc.outline());
}

#[test]
fn import_reads_an_odt_into_a_resume() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jonas.odt");
    std::fs::write(&path, fictional_odt()).unwrap();
    let run = Run(Command::new(vitae_bin())
        .args(["import", path.to_str().unwrap(), "--to", "json"])
        .output()
        .unwrap());
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    common::assert_schema_valid(&json);
    assert_eq!(json["basics"]["name"], "Jonas Weber");
    assert_eq!(json["basics"]["email"], "jonas@example.org");
    assert!(run.stdout().contains("Built timber frames for 30 houses"), "{}", run.stdout());
}
