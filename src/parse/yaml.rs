//! The only module that touches YAML (serde-saphyr), so the YAML library can be swapped in one
//! place. It parses to a generic tree, serialises the model for `vitae import`, and maps field
//! paths back to source positions for diagnostics. JSON is YAML's subset, so the position index
//! serves JSON files as well.

use std::collections::HashMap;

use serde::Serialize;

use super::tree::Tree;
pub use super::yaml_errors::SyntaxError;
use serde_saphyr::granit_parser::{Event, Parser};
use serde_saphyr::{DuplicateKeyPolicy, Options};

/// Parses one YAML document into a generic tree. Duplicate keys are read (the last wins);
/// [`Positions::duplicates`] lists them so the caller can warn.
pub fn parse(src: &str) -> Result<serde_json::Value, SyntaxError> {
    parse_noting_duplicates(src).map(|(v, _)| v)
}

/// Like [`parse`], and says whether any mapping repeated a key.
pub fn parse_noting_duplicates(src: &str) -> Result<(serde_json::Value, bool), SyntaxError> {
    if src.trim().is_empty() {
        return Ok((serde_json::Value::Object(Default::default()), false));
    }
    let mut options = Options::default();
    options.duplicate_keys = DuplicateKeyPolicy::LastWins;
    Tree::read(|| serde_saphyr::from_str_with_options::<Tree>(src, options)).map_err(|e| {
        let (line, column) =
            e.location().map(|l| (l.line() as usize, l.column() as usize)).unwrap_or((1, 1));
        let raw = SyntaxError {
            line: line.max(1),
            column: column.max(1),
            message: plain_message(&e),
            hint: String::new(),
        };
        super::yaml_errors::explain(src, raw)
    })
}

/// The error's own words, without the location and snippet that our diagnostics add.
fn plain_message(e: &serde_saphyr::Error) -> String {
    let full = e.to_string();
    strip_position(full.lines().next().unwrap_or(&full))
}

/// "error: line 1 column 259: recursion limit exceeded" → "recursion limit exceeded".
fn strip_position(msg: &str) -> String {
    let mut m = msg.trim();
    m = m.strip_prefix("error:").map_or(m, str::trim);
    if m.starts_with("line ")
        && let Some((_, rest)) = m.split_once(": ")
    {
        m = rest;
    }
    m.to_string()
}

/// Serialises a value as block-style YAML, meant for people to edit.
pub fn to_string<T: Serialize>(value: &T) -> String {
    serde_saphyr::to_string(value).unwrap_or_default()
}

/// Where each field path of a document starts in its source.
#[derive(Debug, Default)]
pub struct Positions {
    at: HashMap<String, (usize, usize)>,
    /// Paths of keys that appear more than once in one mapping, with the later position.
    pub duplicates: Vec<(String, usize, usize)>,
}

impl Positions {
    /// Indexes `src`; a document that does not parse yields what was read before the error.
    pub fn index(src: &str) -> Self {
        let mut index = Positions::default();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(src) {
            let Ok((event, span)) = item else { break };
            let pos = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(text, ..) => {
                    if let Some(Frame::Map { path, key, seen }) = stack.last_mut()
                        && key.is_none()
                    {
                        let child = join_key(path, &text);
                        if !seen.insert(text.to_string()) {
                            index.duplicates.push((child.clone(), pos.0, pos.1));
                        }
                        index.at.insert(child, pos);
                        *key = Some(text.to_string());
                        continue;
                    }
                    index.value_path(&mut stack, pos);
                }
                Event::MappingStart(..) => {
                    let path = index.value_path(&mut stack, pos);
                    stack.push(Frame::Map { path, key: None, seen: Default::default() });
                }
                Event::SequenceStart(..) => {
                    let path = index.value_path(&mut stack, pos);
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        index
    }

    /// Consumes the slot a value fills in its parent and returns the value's path.
    fn value_path(&mut self, stack: &mut [Frame], pos: (usize, usize)) -> String {
        match stack.last_mut() {
            None => String::new(),
            Some(Frame::Map { path, key, .. }) => {
                let k = key.take().unwrap_or_default();
                join_key(path, &k)
            }
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                self.at.entry(p.clone()).or_insert(pos);
                p
            }
        }
    }

    /// The position of `path` (`work[0].startDate`), or of its nearest indexed ancestor.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(pos) = self.at.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

enum Frame {
    Map { path: String, key: Option<String>, seen: std::collections::HashSet<String> },
    Seq { path: String, next: usize },
}

fn join_key(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_block_yaml_to_a_tree() {
        let v = parse("basics:\n  name: Ada\nwork:\n  - name: Acme\n").unwrap();
        assert_eq!(v["basics"]["name"], "Ada");
        assert_eq!(v["work"][0]["name"], "Acme");
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let e = parse("basics:\n  name: [Ada\n  label: x\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
        assert!(!e.message.is_empty());
    }

    #[test]
    fn indexes_paths_in_yaml_and_json() {
        let y = Positions::index(
            "basics:\n  name: Ada\nwork:\n  - name: Acme\n    startDate: May 2020\n",
        );
        assert_eq!(y.find("basics.name"), Some((2, 3)));
        assert_eq!(y.find("work[0].startDate"), Some((5, 5)));
        assert_eq!(y.find("work[0].nothing"), Some((4, 5)));
        let j = Positions::index("{\n  \"work\": [\n    {\"name\": \"Acme\"}\n  ]\n}");
        assert_eq!(j.find("work[0].name").map(|p| p.0), Some(3));
    }

    #[test]
    fn reports_duplicate_keys_and_keeps_the_last() {
        let src = "basics:\n  name: A\n  name: B\n";
        assert_eq!(parse(src).unwrap()["basics"]["name"], "B");
        assert_eq!(Positions::index(src).duplicates, vec![("basics.name".to_string(), 3, 3)]);
    }

    #[test]
    fn writes_block_yaml() {
        let v = serde_json::json!({"basics": {"name": "Ada"}});
        assert_eq!(to_string(&v).trim(), "basics:\n  name: Ada");
    }
}
