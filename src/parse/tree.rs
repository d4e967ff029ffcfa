//! A generic document tree that remembers whether any mapping repeated a key, so readers can
//! warn about duplicates without a second pass over the source.

use std::cell::Cell;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

thread_local! {
    static DUPLICATE_SEEN: Cell<bool> = const { Cell::new(false) };
}

/// A `serde_json::Value` read by a visitor that notes duplicate keys (the last one wins).
pub struct Tree(pub Value);

impl Tree {
    /// Deserialises with `read` and reports whether a duplicate key was seen.
    pub fn read<E>(read: impl FnOnce() -> Result<Tree, E>) -> Result<(Value, bool), E> {
        DUPLICATE_SEEN.with(|d| d.set(false));
        let tree = read()?;
        Ok((tree.0, DUPLICATE_SEEN.with(Cell::get)))
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor).map(Tree)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML or JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Tree::deserialize(d).map(|t| t.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(Tree(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((key, Tree(value))) = access.next_entry::<KeyText, Tree>()? {
            if map.insert(key.0, value).is_some() {
                DUPLICATE_SEEN.with(|d| d.set(true));
            }
        }
        Ok(Value::Object(map))
    }
}

/// A mapping key as text (YAML allows numbers and booleans as keys).
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Tree::deserialize(d)?.0;
        Ok(KeyText(match v {
            Value::String(s) => s,
            other => other.to_string(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_duplicates_and_keeps_the_last() {
        let (v, dup) =
            Tree::read(|| serde_json::from_str::<Tree>(r#"{"a":1,"b":{"c":1,"c":2}}"#)).unwrap();
        assert!(dup);
        assert_eq!(v["b"]["c"], 2);
        let (_, dup) =
            Tree::read(|| serde_json::from_str::<Tree>(r#"{"a":1,"b":{"c":1}}"#)).unwrap();
        assert!(!dup);
    }
}
