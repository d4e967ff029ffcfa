//! The DOCX reader: a Word document (WordprocessingML in a ZIP package) → the document tree.
//!
//! Reads the main document part the package's relationships name, with its styles (headings),
//! numbering (Word's list bullets), hyperlink targets, the headers and footers of its sections
//! (where contact details often live: first in the tree and last, as `Div`s classed "header"
//! and "footer") and the title and author of `docProps/core.xml` as metadata.

mod body;
mod looks;
mod styles;

use std::collections::HashMap;

use super::package::{Package, resave_hint};
use super::xml::{self, Element};
use super::{Reading, floats, flow};
use crate::diag::Diagnostic;
use crate::parse::doc::{Block, BlockKind, Document};
use crate::parse::input::MAX_INPUT_BYTES;

const WHAT: &str = "the Word document";

/// Reads a DOCX file.
pub fn read(bytes: &[u8]) -> Result<Reading, Diagnostic> {
    let mut package = Package::open(bytes, WHAT, is_xml_part)?;
    let mut warnings = Vec::new();

    let main = main_part(&mut package)?;
    let Some(main_bytes) = package.read(&main)? else {
        return Err(Diagnostic::error(format!(
            "the file is a ZIP package without the document part `{main}`, so not a Word document vitae can read"
        ))
        .hint(resave_hint(WHAT)));
    };
    let document = parse_part(&main, &main_bytes, &mut warnings)?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let rels = relationships(&mut package, &rels_path(&main), dir, &mut warnings)?;
    let styles = match optional_part(&mut package, &format!("{dir}/styles.xml"), &mut warnings)? {
        Some(root) => styles::Styles::read(&root),
        None => styles::Styles::default(),
    };
    let numbering =
        match optional_part(&mut package, &format!("{dir}/numbering.xml"), &mut warnings)? {
            Some(root) => styles::Numbering::read(&root),
            None => styles::Numbering::default(),
        };
    let links: HashMap<String, String> =
        rels.iter().map(|r| (r.id.clone(), r.target.clone())).collect();

    let Some(body) = document.child("w:document").and_then(|d| d.child("w:body")) else {
        return Err(Diagnostic::error(format!("the document part `{main}` has no body"))
            .hint(resave_hint(WHAT)));
    };
    let sections = section_properties(body);
    let page = sections.last().map_or(floats::DEFAULT_PAGE, |s| floats::Page::read(s));
    let mut ctx = body::Ctx::new(&styles, &numbering, &links, page);
    let mut blocks = ctx.container(body);

    // Headers and footers, each distinct one once.
    let mut header = Vec::new();
    let mut footer = Vec::new();
    for (kind, part) in header_footer_parts(&sections, &rels) {
        let Some(root) = optional_part(&mut package, &part, &mut warnings)? else { continue };
        let Some(el) = root.child(if kind == "header" { "w:hdr" } else { "w:ftr" }) else {
            continue;
        };
        // Each part has its own relationships and numbers its paragraphs from 1.
        let part_dir = part.rsplit_once('/').map_or("", |(d, _)| d);
        let part_links: HashMap<String, String> =
            relationships(&mut package, &rels_path(&part), part_dir, &mut warnings)?
                .into_iter()
                .map(|r| (r.id, r.target))
                .collect();
        let mut part_ctx = body::Ctx::new(&styles, &numbering, &part_links, page);
        let mut part_blocks = part_ctx.container(el);
        looks::renumber(&mut part_blocks, &ctx.looks.absorb(std::mem::take(&mut part_ctx.looks)));
        ctx.text_len += part_ctx.text_len;
        ctx.truncated |= part_ctx.truncated;
        let target = if kind == "header" { &mut header } else { &mut footer };
        if !part_blocks.is_empty() && !target.iter().any(|b: &Block| same_text(b, &part_blocks)) {
            target.push(Block::new(
                BlockKind::Div { class: Some(kind.to_string()), blocks: part_blocks },
                1,
            ));
        }
    }
    if ctx.text_len > MAX_INPUT_BYTES {
        return Err(Diagnostic::error(format!(
            "the document holds {} MiB of text, over the {} MiB limit for one resume",
            ctx.text_len >> 20,
            MAX_INPUT_BYTES >> 20
        ))
        .hint("split it into one file per resume"));
    }
    if ctx.truncated {
        warnings.push(
            Diagnostic::warning("tables or text boxes nested more than 12 deep were not read")
                .hint("check that the imported resume has everything; flatten the nesting in Word if it does not"),
        );
    }
    if blocks.iter().chain(&header).chain(&footer).all(|b| b.plain().is_empty()) {
        return Err(Diagnostic::error(
            "the Word document has no text: it may hold only pictures (a scanned resume, or text turned into an image)",
        )
        .hint("vitae cannot read text in images: import a version with real text, or type the resume into a .txt or .md file"));
    }
    let mut all = header;
    all.append(&mut blocks);
    all.append(&mut footer);
    ctx.looks.settle(&mut all);
    flow::settle_heading_levels(&mut all);

    let meta = core_properties(&mut package, &mut warnings)?;
    if let Some(damage) = package.damage.take() {
        warnings.insert(0, damaged(&damage));
    }
    Ok(Reading { doc: Document { blocks: all, meta, front_matter: None }, warnings })
}

/// Entries worth recovering from a damaged package.
fn is_xml_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels")
}

fn damaged(what: &str) -> Diagnostic {
    flow::damaged(what, "Word")
}

/// The main document part, from the package relationships (`word/document.xml` usually).
fn main_part(package: &mut Package) -> Result<String, Diagnostic> {
    let mut ignored = Vec::new();
    let rels = relationships(package, "_rels/.rels", "", &mut ignored)?;
    Ok(rels
        .into_iter()
        .find(|r| r.kind.ends_with("/officeDocument"))
        .map(|r| r.target)
        .unwrap_or_else(|| "word/document.xml".to_string()))
}

/// Parses a part, turning a refusal into an error naming it and damage into a warning.
fn parse_part(
    name: &str,
    bytes: &[u8],
    warnings: &mut Vec<Diagnostic>,
) -> Result<Element, Diagnostic> {
    match xml::parse(bytes) {
        Ok(parsed) => {
            if let Some(d) = parsed.damage {
                warnings.push(damaged(&format!("the part `{name}` is damaged ({d})")));
            }
            Ok(parsed.root)
        }
        Err(e) => Err(flow::refused_part(name, e, WHAT)),
    }
}

fn optional_part(
    package: &mut Package,
    name: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Option<Element>, Diagnostic> {
    match package.read(name)? {
        Some(bytes) => parse_part(name, &bytes, warnings).map(Some),
        None => Ok(None),
    }
}

/// One package relationship.
#[derive(Debug, Clone)]
struct Rel {
    id: String,
    /// The relationship type URI.
    kind: String,
    /// An external URL as written, or a part name resolved against the source part's folder.
    target: String,
}

/// `dir/_rels/name.rels` for the part `dir/name`.
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/_rels/{name}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

fn relationships(
    package: &mut Package,
    path: &str,
    dir: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Rel>, Diagnostic> {
    let Some(root) = optional_part(package, path, warnings)? else { return Ok(Vec::new()) };
    let Some(list) = root.child("rel:Relationships").or_else(|| root.child("Relationships")) else {
        return Ok(Vec::new());
    };
    Ok(list
        .elements()
        .filter(|e| e.name.ends_with("Relationship"))
        .filter_map(|e| {
            let target = e.attr("Target")?;
            let external = e.attr("TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
            Some(Rel {
                id: e.attr("Id")?.to_string(),
                kind: e.attr("Type").unwrap_or("").to_string(),
                target: if external { target.to_string() } else { join_part(dir, target) },
            })
        })
        .collect())
}

/// A relative part name resolved against a folder (`word` + `../customXml/a.xml`).
fn join_part(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Every section's properties, in order: those ending sections inside paragraphs, then the
/// body's own (the last section).
fn section_properties(body: &Element) -> Vec<&Element> {
    let mut out: Vec<&Element> = body
        .elements()
        .filter(|e| e.name == "w:p")
        .filter_map(|p| p.child("w:pPr")?.child("w:sectPr"))
        .collect();
    out.extend(body.child("w:sectPr"));
    out
}

/// The header and footer parts the sections use, first-page ones first, each once.
fn header_footer_parts(sections: &[&Element], rels: &[Rel]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for (kind, element) in [("header", "w:headerReference"), ("footer", "w:footerReference")] {
        for wanted in ["first", "default", "even"] {
            for s in sections {
                for r in s.elements().filter(|e| e.name == element) {
                    if r.attr("w:type").unwrap_or("default") != wanted {
                        continue;
                    }
                    let Some(rel) = r.attr("r:id").and_then(|id| rels.iter().find(|x| x.id == id))
                    else {
                        continue;
                    };
                    if !out.iter().any(|(_, p)| *p == rel.target) {
                        out.push((kind, rel.target.clone()));
                    }
                }
            }
        }
    }
    out
}

fn same_text(div: &Block, blocks: &[Block]) -> bool {
    let BlockKind::Div { blocks: existing, .. } = &div.kind else { return false };
    let text = |bs: &[Block]| bs.iter().map(Block::plain).collect::<Vec<_>>().join(" ");
    text(existing) == text(blocks)
}

/// `docProps/core.xml`: the title and author as metadata.
fn core_properties(
    package: &mut Package,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<(String, String)>, Diagnostic> {
    let Some(root) = optional_part(package, "docProps/core.xml", warnings)? else {
        return Ok(Vec::new());
    };
    let Some(props) = root.child("cp:coreProperties") else { return Ok(Vec::new()) };
    let mut meta = Vec::new();
    for (name, key) in [("dc:title", "title"), ("dc:creator", "author"), ("dc:subject", "subject")]
    {
        let value =
            props.child(name).map(|e| crate::parse::doc::collapse(&e.text())).unwrap_or_default();
        if !value.is_empty() {
            meta.push((key.to_string(), value));
        }
    }
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_resolve_against_their_folder() {
        assert_eq!(join_part("word", "media/a.png"), "word/media/a.png");
        assert_eq!(join_part("word", "../customXml/item1.xml"), "customXml/item1.xml");
        assert_eq!(join_part("word", "/word/header1.xml"), "word/header1.xml");
        assert_eq!(rels_path("word/document.xml"), "word/_rels/document.xml.rels");
    }
}
