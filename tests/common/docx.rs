//! Fictional Word documents for tests, written as minimal WordprocessingML packages: the parts
//! Word writes (content types, relationships, document, styles, numbering, header, footer,
//! core properties), each small enough to read in a test.

use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="wps""#;

const STYLES: &str = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>"#;

const NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;

/// A Word document under construction.
pub struct Docx {
    body: String,
    header: Option<String>,
    footer: Option<String>,
    links: Vec<(String, String)>,
    core: Option<(String, String)>,
}

impl Docx {
    /// A document whose `w:body` holds `body` (paragraphs and tables).
    pub fn new(body: impl Into<String>) -> Self {
        Docx { body: body.into(), header: None, footer: None, links: Vec::new(), core: None }
    }

    /// The default header's content (paragraphs).
    pub fn header(mut self, xml: impl Into<String>) -> Self {
        self.header = Some(xml.into());
        self
    }

    pub fn footer(mut self, xml: impl Into<String>) -> Self {
        self.footer = Some(xml.into());
        self
    }

    /// An external hyperlink relationship `id` → `url`.
    pub fn link(mut self, id: &str, url: &str) -> Self {
        self.links.push((id.into(), url.into()));
        self
    }

    /// Title and author in `docProps/core.xml`.
    pub fn core(mut self, title: &str, creator: &str) -> Self {
        self.core = Some((title.into(), creator.into()));
        self
    }

    /// The parts of the package, name and contents.
    pub fn parts(&self) -> Vec<(String, String)> {
        // Every part gets every link: a header's links live in the header's own rels.
        let mut links = String::new();
        for (id, url) in &self.links {
            links += &format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{url}" TargetMode="External"/>"#
            );
        }
        let rels_part = |rels: &str| {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
            )
        };
        let mut rels = links.clone();
        let mut sect = String::new();
        if self.header.is_some() {
            rels += r#"<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#;
            sect += r#"<w:headerReference w:type="default" r:id="rIdH"/>"#;
        }
        if self.footer.is_some() {
            rels += r#"<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#;
            sect += r#"<w:footerReference w:type="default" r:id="rIdF"/>"#;
        }
        let mut parts = vec![
            ("[Content_Types].xml".to_string(), r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string()),
            ("_rels/.rels".to_string(), r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#.to_string()),
            ("word/document.xml".to_string(), format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{}<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:left="1134"/></w:sectPr></w:body></w:document>"#, self.body)),
            ("word/_rels/document.xml.rels".to_string(), rels_part(&rels)),
            ("word/styles.xml".to_string(), format!(r#"<?xml version="1.0"?><w:styles {NS}>{STYLES}</w:styles>"#)),
            ("word/numbering.xml".to_string(), format!(r#"<?xml version="1.0"?><w:numbering {NS}>{NUMBERING}</w:numbering>"#)),
        ];
        if let Some(h) = &self.header {
            parts.push(("word/header1.xml".into(), format!(r#"<w:hdr {NS}>{h}</w:hdr>"#)));
            parts.push(("word/_rels/header1.xml.rels".into(), rels_part(&links)));
        }
        if let Some(f) = &self.footer {
            parts.push(("word/footer1.xml".into(), format!(r#"<w:ftr {NS}>{f}</w:ftr>"#)));
            parts.push(("word/_rels/footer1.xml.rels".into(), rels_part(&links)));
        }
        if let Some((title, creator)) = &self.core {
            parts.push(("docProps/core.xml".into(), format!(r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator></cp:coreProperties>"#)));
        }
        parts
    }

    /// The `.docx` file.
    pub fn bytes(&self) -> Vec<u8> {
        let parts = self.parts();
        zip_of(parts.iter().map(|(n, d)| (n.as_str(), d.as_bytes())))
    }
}

/// A ZIP archive of `entries`, deflated.
pub fn zip_of<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(name, SimpleFileOptions::default()).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Escapes text for XML.
fn esc(t: &str) -> String {
    t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A run of text; `props` is `w:rPr` content such as `<w:b/>`.
pub fn run(text: &str, props: &str) -> String {
    format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#, esc(text))
}

/// A paragraph of plain text.
pub fn p(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text, ""))
}

/// A paragraph of the style `style` holding `runs`.
pub fn styled(style: &str, runs: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>"#)
}

/// A paragraph numbered by list `num` at level `level`.
pub fn numbered(num: u32, level: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}</w:p>"#,
        run(text, "")
    )
}

/// A paragraph whose parts are separated by tab stops.
pub fn tabbed(parts: &[&str]) -> String {
    let runs: Vec<String> = parts.iter().map(|t| run(t, "")).collect();
    format!("<w:p>{}</w:p>", runs.join("<w:r><w:tab/></w:r>"))
}

/// A table of rows of cells, each cell's content given as XML (paragraphs or tables).
pub fn table(rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|cells| {
            let cells: String = cells.iter().map(|c| format!("<w:tc>{c}</w:tc>")).collect();
            format!("<w:tr>{cells}</w:tr>")
        })
        .collect();
    format!("<w:tbl><w:tblPr/>{rows}</w:tbl>")
}

/// A floating text box at (`x`, `y`) points from the page's top left, written as Word writes
/// it: the DrawingML shape in `mc:Choice` and the same text again as VML in `mc:Fallback`.
pub fn text_box(x: u32, y: u32, w: u32, h: u32, content: &str) -> String {
    let emu = |pt: u32| pt * 12_700;
    format!(
        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0" relativeHeight="1"><wp:positionH relativeFrom="page"><wp:posOffset>{}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>{}</wp:posOffset></wp:positionV><wp:extent cx="{}" cy="{}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="position:absolute;margin-left:{x}pt;margin-top:{y}pt;width:{w}pt;height:{h}pt;mso-position-horizontal-relative:page;mso-position-vertical-relative:page"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
        emu(x),
        emu(y),
        emu(w),
        emu(h)
    )
}

/// A fictional one-page resume using every construct the reader knows: a Title, headings,
/// a tab-aligned date, Word-numbered bullets with a nested level, bold and italic runs, a
/// hyperlink and a HYPERLINK field, a two-column table with a nested table, a text box
/// (stored twice, read once), a header with contact details and a footer with a page number.
pub fn fictional_resume() -> Docx {
    let body = [
        styled("Title", &run("Mara Lindqvist", "")),
        p("Field ecologist turned data engineer"),
        styled("Heading1", &run("Experience", "")),
        tabbed(&["Senior Data Engineer, Fjordline Analytics", "Mar 2020 – Present"]),
        format!("<w:p>{}{}</w:p>", run("Bergen, Norway", "<w:i/>"), run(" (remote)", "")),
        numbered(1, 0, "Built the sensor pipeline for 40 coastal stations"),
        numbered(1, 1, "Cut nightly load time from 3 h to 20 min"),
        numbered(1, 0, "Mentored four analysts"),
        tabbed(&["Research Assistant, Tidewater Institute", "2016 – 2020"]),
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>{}<w:hyperlink r:id="rIdPaper">{}</w:hyperlink></w:p>"#,
            run("Published the kelp survey dataset: ", ""),
            run("dataset", "")
        ),
        styled("Heading1", &run("Skills", "")),
        table(&[
            &[&p("Languages"), &p("Python, SQL, Rust")],
            &[&p("Tools"), &table(&[&[&p("Airflow"), &p("dbt")]])],
        ]),
        styled("Heading2", &run("Talks", "")),
        format!(
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://talks.example.org/kelp" \o "slides" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            run("Counting kelp with Python", "<w:b/>")
        ),
        format!("<w:p>{}</w:p>", text_box(400, 60, 150, 40, &p("Open to relocation"))),
    ]
    .concat();
    Docx::new(body)
        .link("rIdPaper", "https://data.example.org/kelp")
        .link("rIdMail", "mailto:mara@example.org")
        .header(format!(
            r#"<w:p>{}<w:r><w:t xml:space="preserve"> | </w:t></w:r><w:hyperlink r:id="rIdMail">{}</w:hyperlink></w:p>"#,
            run("+47 555 01 234", ""),
            run("mara@example.org", "")
        ))
        .footer(format!(
            r#"<w:p>{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            run("Page ", "")
        ))
        .core("Resume", "Mara Lindqvist")
}
