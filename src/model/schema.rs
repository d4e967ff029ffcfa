//! The schema as data: every object of the model with its fields' names on the wire and what
//! they hold, made by `schema_object!` from the struct definitions themselves. The lenient
//! loader walks these, so the schema is stated once.

/// What a field holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    /// A link: must carry a scheme for the schema's `uri` format.
    Url,
    Email,
    Date,
    /// A list of texts (highlights).
    Texts,
    /// A list of short items, which people also write as one comma-separated string.
    Words,
    Object(&'static Shape),
    Objects(&'static Shape),
}

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// The name in JSON Resume (`startDate`, `$schema`).
    pub name: &'static str,
    pub kind: Kind,
}

/// One object of the schema.
#[derive(Debug)]
pub struct Shape {
    /// The model's type name (`Work`).
    pub name: &'static str,
    pub fields: &'static [Field],
}

/// A model type that is a schema object.
pub trait Schema {
    const SHAPE: &'static Shape;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Resume;
    use serde_json::{Map, Value, json};

    /// A document with every field of `shape` set to a value of its kind.
    fn sample(shape: &Shape) -> Value {
        let fields: Map<String, Value> = shape
            .fields
            .iter()
            .map(|f| {
                let v = match f.kind {
                    Kind::Text => json!("text"),
                    Kind::Url => json!("https://example.org/"),
                    Kind::Email => json!("a@example.org"),
                    Kind::Date => json!("2020-05"),
                    Kind::Texts | Kind::Words => json!(["one", "two"]),
                    Kind::Object(inner) => sample(inner),
                    Kind::Objects(inner) => json!([sample(inner)]),
                };
                (f.name.to_string(), v)
            })
            .collect();
        Value::Object(fields)
    }

    /// The shape tables and the structs are one statement: every field of the tables lands in
    /// a typed field of the model (nothing in `extra`) and comes back unchanged.
    #[test]
    fn every_field_of_the_shapes_is_a_typed_field_of_the_model() {
        let doc = sample(<Resume as Schema>::SHAPE);
        let resume: Resume = serde_json::from_value(doc.clone()).unwrap();
        assert!(!serde_json::to_string(&resume).unwrap().is_empty());
        assert_eq!(serde_json::to_value(&resume).unwrap(), doc);
        assert!(resume.extra.is_empty() && resume.basics.unwrap().extra.is_empty());
        assert!(resume.work[0].extra.is_empty() && resume.projects[0].extra.is_empty());
        assert_eq!(<Resume as Schema>::SHAPE.fields[0].name, "$schema");
    }
}
