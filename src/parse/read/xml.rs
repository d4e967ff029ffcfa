//! A small, bounded XML tree for the packaged formats (DOCX, ODT).
//!
//! Element and attribute names are resolved through their namespace declarations to the
//! conventional prefix of that namespace (`w:p`, `r:id`, `text:p`), so readers match names
//! whatever prefixes a producer chose. A part with a DTD is refused (the packaged formats never
//! have one) and no entity other than XML's five and character references is expanded, so
//! entity bombs expand to nothing. Depth and element count
//! are bounded; malformed or truncated XML yields the tree read so far and a note of the damage.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// Deeper nesting is refused: real documents stay far below it, and every walk of the tree is
/// recursive.
pub const MAX_DEPTH: usize = 100;
/// More elements are refused: a long resume has a few tens of thousands.
pub const MAX_ELEMENTS: usize = 400_000;

/// One element: its resolved name (`w:p`), attributes and children in order.
#[derive(Debug, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// Why a part could not be read as XML at all.
#[derive(Debug, PartialEq, Eq)]
pub enum XmlError {
    TooDeep,
    TooLarge,
    /// A document type declaration: the packaged formats never have one, and its entities are
    /// how XML bombs are built.
    Dtd,
}

/// A parsed part and, when it broke off, why.
#[derive(Debug)]
pub struct Parsed {
    pub root: Element,
    pub damage: Option<String>,
}

/// Namespace URIs and the prefix readers use for them.
const NAMESPACES: [(&str, &str); 24] = [
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"),
    ("http://purl.oclc.org/ooxml/wordprocessingml/main", "w"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"),
    ("http://purl.oclc.org/ooxml/officeDocument/relationships", "r"),
    ("http://schemas.openxmlformats.org/package/2006/relationships", "rel"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "wp"),
    ("http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", "wp"),
    ("http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "wps"),
    ("http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", "wpg"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "a"),
    ("http://purl.oclc.org/ooxml/drawingml/main", "a"),
    ("urn:schemas-microsoft-com:vml", "v"),
    ("http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    ("http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "cp"),
    ("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"),
    ("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"),
    ("urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"),
    ("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "draw"),
    ("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "style"),
    ("urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0", "fo"),
    ("http://www.w3.org/1999/xlink", "xlink"),
    ("urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "meta"),
    ("http://www.w3.org/XML/1998/namespace", "xml"),
];

impl Element {
    /// The attribute `name` (resolved, e.g. `w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element named `name` at any depth below this one (depth first).
    pub fn find(&self, name: &str) -> Option<&Element> {
        for e in self.elements() {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = e.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// Every text node below this element, concatenated.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.push_text(out),
            }
        }
    }
}

/// Parses a part. Bytes that are not UTF-8 are decoded lossily (UTF-16 with a byte-order mark
/// is decoded as such).
pub fn parse(bytes: &[u8]) -> Result<Parsed, XmlError> {
    let text = decode(bytes);
    let mut reader = Reader::from_str(&text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;

    // The open elements (the document root first) and the namespace scopes they opened.
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut scopes: Vec<Vec<(String, String)>> = vec![Vec::new()];
    let mut count = 0usize;
    let mut damage = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                damage = Some(format!("malformed XML at byte {}: {e}", reader.error_position()));
                break;
            }
        };
        match event {
            Event::Start(_) | Event::Empty(_) if stack.len() > MAX_DEPTH => {
                return Err(XmlError::TooDeep);
            }
            Event::Start(start) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(XmlError::TooLarge);
                }
                let (element, declared) = open(&start, &scopes);
                scopes.push(declared);
                stack.push(element);
            }
            Event::Empty(start) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(XmlError::TooLarge);
                }
                scopes.push(Vec::new());
                let (element, _) = open(&start, &scopes);
                scopes.pop();
                push_child(&mut stack, Node::Element(element));
            }
            Event::End(_) => close(&mut stack, &mut scopes),
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => predefined(&r).map(str::to_string).unwrap_or_default(),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::DocType(_) => return Err(XmlError::Dtd),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if stack.len() > 1 && damage.is_none() {
        damage = Some("the XML ends before its elements are closed".to_string());
    }
    while stack.len() > 1 {
        close(&mut stack, &mut scopes);
    }
    let root = stack.pop().unwrap_or_default();
    Ok(Parsed { root, damage })
}

/// The element for a start tag, with the namespace declarations it makes.
fn open(start: &BytesStart, scopes: &[Vec<(String, String)>]) -> (Element, Vec<(String, String)>) {
    let mut declared = Vec::new();
    let mut raw_attrs = Vec::new();
    for attr in start.attributes().with_checks(false).flatten() {
        let key = attr.key.as_ref().to_string();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| attr.value.clone().into_owned());
        if key == "xmlns" {
            declared.push((String::new(), value));
        } else if let Some(prefix) = key.strip_prefix("xmlns:") {
            declared.push((prefix.to_string(), value));
        } else {
            raw_attrs.push((key, value));
        }
    }
    let lookup = |prefix: &str| -> Option<&str> {
        declared
            .iter()
            .rev()
            .chain(scopes.iter().rev().flat_map(|s| s.iter().rev()))
            .find(|(p, _)| p == prefix)
            .map(|(_, uri)| uri.as_str())
    };
    let resolve = |qname: &str, is_attr: bool| -> String {
        let (prefix, local) = qname.split_once(':').unwrap_or(("", qname));
        // Unprefixed attributes belong to no namespace.
        if prefix.is_empty() && is_attr {
            return local.to_string();
        }
        if prefix == "xml" {
            return format!("xml:{local}");
        }
        match lookup(prefix).and_then(canonical_prefix) {
            Some(p) => format!("{p}:{local}"),
            None if prefix.is_empty() => local.to_string(),
            None => format!("{prefix}:{local}"),
        }
    };
    let name = resolve(start.name().as_ref(), false);
    let attrs = raw_attrs.into_iter().map(|(k, v)| (resolve(&k, true), v)).collect();
    (Element { name, attrs, children: Vec::new() }, declared)
}

fn canonical_prefix(uri: &str) -> Option<&'static str> {
    NAMESPACES.iter().find(|(u, _)| *u == uri).map(|(_, p)| *p)
}

fn close(stack: &mut Vec<Element>, scopes: &mut Vec<Vec<(String, String)>>) {
    if stack.len() <= 1 {
        return;
    }
    scopes.pop();
    if let Some(done) = stack.pop() {
        push_child(stack, Node::Element(done));
    }
}

fn push_child(stack: &mut [Element], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(top) = stack.last_mut() else { return };
    if let Some(Node::Text(prev)) = top.children.last_mut() {
        prev.push_str(text);
    } else if !text.is_empty() {
        top.children.push(Node::Text(text.to_string()));
    }
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

fn decode(bytes: &[u8]) -> String {
    let utf16 = |bytes: &[u8], le: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, false)
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        String::from_utf8_lossy(bytes).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_to_conventional_prefixes_whatever_the_document_uses() {
        let xml = br#"<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:q="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:p q:id="rId1" x:val="1">a &amp; b&#x41;&unknown;</x:p></x:document>"#;
        let parsed = parse(xml).unwrap();
        let doc = parsed.root.child("w:document").unwrap();
        let p = doc.child("w:p").unwrap();
        assert_eq!(p.attr("r:id"), Some("rId1"));
        assert_eq!(p.attr("w:val"), Some("1"));
        assert_eq!(p.text(), "a & bA");
        assert!(parsed.damage.is_none());
    }

    #[test]
    fn truncated_xml_keeps_what_was_read() {
        let parsed = parse(b"<a><b>one</b><b>tw").unwrap();
        assert_eq!(parsed.root.text(), "onetw");
        assert!(parsed.damage.is_some());
    }

    #[test]
    fn deep_nesting_and_entity_bombs_are_bounded() {
        let deep = "<a>".repeat(MAX_DEPTH + 5);
        assert_eq!(parse(deep.as_bytes()).unwrap_err(), XmlError::TooDeep);
        let bomb = br#"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;&b;&b;</x>"#;
        assert_eq!(parse(bomb).unwrap_err(), XmlError::Dtd);
        assert_eq!(parse(b"<x>&b;&b;</x>").unwrap().root.text(), "");
        let many = "<a/>".repeat(MAX_ELEMENTS + 1);
        assert_eq!(parse(many.as_bytes()).unwrap_err(), XmlError::TooLarge);
    }
}
