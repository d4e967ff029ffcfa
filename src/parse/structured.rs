//! The lenient reader for JSON Resume documents written as JSON or YAML.
//!
//! Real files are messy (0.0.x field names, "Present" end dates, human dates, strings where
//! objects belong, empty strings, duplicate keys). This module repairs what it understands into
//! the v1 model, one warning per change with file, line and field, keeps fields it does not
//! know, and fails only on what it cannot read at all.

use serde_json::{Map, Value};

use super::dates::{HumanDate, parse_human_date};
use super::tree::Tree;
use super::yaml::{self, Positions};
use super::{Format, Parsed};
use crate::diag::{ContentError, Diagnostic};
use crate::model::schema::{Field, Kind, Schema, Shape};
use crate::model::{ACCEPTED_DATE_FORMS, DateError, PartialDate, Resume, conform};

/// Builds an object from the bare string written in its place.
type FromText = fn(&str) -> Map<String, Value>;

use Kind::*;

/// The fields come from the model ([`Schema::SHAPE`]); what the loader forgives beyond them
/// is here: the 0.0.x names that map onto a field, and how a bare string becomes the object.
fn legacy(shape: &Shape) -> &'static [(&'static str, &'static str)] {
    match shape.name {
        "Resume" => &[("volunteering", "volunteer"), ("certifications", "certificates")],
        "Basics" => &[("website", "url"), ("picture", "image"), ("title", "label")],
        "Location" => &[("state", "region"), ("zip", "postalCode"), ("postal_code", "postalCode")],
        "Profile" | "Certificate" | "Publication" | "Project" => &[("website", "url")],
        "Work" => &[("company", "name"), ("website", "url")],
        "Volunteer" => &[("website", "url"), ("name", "organization")],
        "Education" => &[("gpa", "score"), ("website", "url")],
        "Language" => &[("name", "language")],
        _ => &[],
    }
}

fn from_text(shape: &Shape) -> Option<FromText> {
    let read: FromText = match shape.name {
        "Location" => location_from_text,
        "Profile" => profile_from_text,
        "Award" => |s| named("title", s),
        "Certificate" | "Publication" | "Skill" | "Interest" | "Project" => |s| named("name", s),
        "Language" => |s| named("language", s),
        "Reference" => |s| named("reference", s),
        _ => return None,
    };
    Some(read)
}

fn field<'a>(shape: &'a Shape, name: &str) -> Option<&'a Field> {
    shape.fields.iter().find(|f| f.name == name)
}

fn named(key: &str, text: &str) -> Map<String, Value> {
    Map::from_iter([(key.to_string(), Value::String(text.to_string()))])
}

/// "Berlin, Germany" or "Portland, OR": the first part is the city, the rest the region.
fn location_from_text(text: &str) -> Map<String, Value> {
    match text.split_once(',') {
        Some((city, region)) => Map::from_iter([
            ("city".to_string(), Value::String(city.trim().to_string())),
            ("region".to_string(), Value::String(region.trim().to_string())),
        ]),
        None => named("city", text.trim()),
    }
}

/// A profile given as a bare URL.
fn profile_from_text(text: &str) -> Map<String, Value> {
    named("url", text.trim())
}

/// Reads a JSON Resume document. `source_name` names the file in diagnostics.
pub fn parse(src: &str, format: Format) -> Result<Parsed, ContentError> {
    let (value, duplicates) = match format {
        Format::Json => parse_json(src)?,
        _ => yaml::parse_noting_duplicates(src).map_err(|e| {
            ContentError::one(
                Diagnostic::error(e.message)
                    .at(e.line, e.column)
                    .hint(e.hint)
                    .with_snippet_from(src),
            )
        })?,
    };
    let mut repairs = Vec::new();
    let value = match value {
        Value::Object(map) => Value::Object(normalise_object(map, Resume::SHAPE, "", &mut repairs)),
        Value::Null => Value::Object(Map::new()),
        other => {
            return Err(ContentError::one(
                Diagnostic::error(format!(
                    "the document is a {}, but a resume is a mapping of sections",
                    type_name(&other)
                ))
                .at(1, 1)
                .hint("start the file with `basics:` (YAML) or `{\"basics\": ...}` (JSON)"),
            ));
        }
    };
    let resume: Resume = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let mut d = Diagnostic::error(e.inner().to_string())
            .field(path.clone())
            .hint("see https://jsonresume.org/schema for the expected shape");
        if let Some((line, col)) = Positions::index(src).find(&path) {
            d = d.at(line, col).with_snippet_from(src);
        }
        ContentError::one(d)
    })?;
    // Positions cost a second pass over the source: only when there is something to locate.
    let diagnostics =
        if repairs.is_empty() && !duplicates { Vec::new() } else { locate(src, repairs) };
    Ok(Parsed { resume, diagnostics })
}

fn parse_json(src: &str) -> Result<(Value, bool), ContentError> {
    if src.trim().is_empty() {
        return Ok((Value::Object(Map::new()), false));
    }
    Tree::read(|| serde_json::from_str::<Tree>(src)).map_err(|e| {
        ContentError::one(
            Diagnostic::error(format!("invalid JSON: {}", json_message(&e)))
                .at(e.line().max(1), e.column().max(1))
                .hint(syntax_hint(
                    &e.to_string(),
                    "look for a missing comma, quote or bracket at or just before this point",
                ))
                .with_snippet_from(src),
        )
    })
}

/// The fix for a syntax error: nesting limits get their own explanation.
fn syntax_hint(message: &str, usual: &str) -> String {
    if message.contains("recursion limit") || message.contains("depth") {
        "lists and mappings are nested too deeply (over 128 levels); a resume never needs that"
            .to_string()
    } else {
        usual.to_string()
    }
}

/// serde_json's message without the " at line X column Y" that the diagnostic shows anyway.
fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// Attaches line and column to each repair warning, and warns about duplicate keys.
fn locate(src: &str, repairs: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let positions = Positions::index(src);
    let mut out: Vec<Diagnostic> = positions
        .duplicates
        .iter()
        .map(|(path, line, col)| {
            Diagnostic::warning("this key appears more than once; the last value is used")
                .field(path.clone())
                .at(*line, *col)
                .hint("remove the duplicate")
        })
        .collect();
    for mut d in repairs {
        if let Some((line, col)) = d.field.as_deref().and_then(|f| positions.find(f)) {
            d = d.at(line, col);
        }
        out.push(d);
    }
    out.sort_by_key(|d| d.line);
    out
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "mapping",
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn normalise_object(
    map: Map<String, Value>,
    shape: &Shape,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Map<String, Value> {
    let mut result = Map::new();
    for (key, value) in map {
        let key = rename_legacy(key, shape, &map_has(&result), path, out);
        let here = child(path, &key);
        match field(shape, &key) {
            Some(f) => {
                if let Some(v) = normalise_value(value, f.kind, &here, out) {
                    result.insert(key, v);
                }
            }
            None => {
                suggest_known_field(&key, shape, &here, out);
                result.insert(key, value);
            }
        }
    }
    result
}

fn map_has(map: &Map<String, Value>) -> impl Fn(&str) -> bool + '_ {
    move |k| map.contains_key(k)
}

/// Maps a 0.0.x name onto its v1 field, unless the v1 field is already there.
fn rename_legacy(
    key: String,
    shape: &Shape,
    taken: &dyn Fn(&str) -> bool,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> String {
    match legacy(shape).iter().find(|(old, _)| *old == key) {
        Some((old, new)) if !taken(new) && field(shape, old).is_none() => {
            out.push(
                Diagnostic::warning(format!("renamed the old field `{old}` to `{new}`"))
                    .field(child(path, old))
                    .hint(format!("write `{new}` to follow JSON Resume v1")),
            );
            new.to_string()
        }
        _ => key,
    }
}

/// An unknown field is kept; when it looks like a typo of a known one, say so.
fn suggest_known_field(key: &str, shape: &Shape, here: &str, out: &mut Vec<Diagnostic>) {
    let folded = key.replace(['_', '-', ' '], "").to_ascii_lowercase();
    let best = shape
        .fields
        .iter()
        .map(|f| (f.name, strsim::jaro_winkler(&folded, &f.name.to_ascii_lowercase())))
        .filter(|(_, score)| *score >= 0.88)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((field, _)) = best {
        out.push(
            Diagnostic::warning(format!("unknown field `{key}` (kept as is)"))
                .field(here.to_string())
                .hint(format!("did you mean `{field}`?")),
        );
    }
}

fn normalise_value(
    value: Value,
    kind: Kind,
    here: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Value> {
    if is_blank(&value) {
        out.push(Diagnostic::warning("removed an empty value").field(here.to_string()));
        return None;
    }
    match kind {
        Text => text(value, here, out).map(Value::String),
        Url => text(value, here, out).and_then(|s| url(s, here, out)).map(Value::String),
        Email => text(value, here, out).and_then(|s| email(s, here, out)).map(Value::String),
        Date => date(value, here, out),
        Texts => Some(texts(value, false, here, out)),
        Words => Some(texts(value, true, here, out)),
        Object(shape) => object(value, shape, here, out).map(Value::Object),
        Objects(shape) => Some(objects(value, shape, here, out)),
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A scalar where text belongs becomes its text; a list of strings becomes one paragraph each.
fn text(value: Value, here: &str, out: &mut Vec<Diagnostic>) -> Option<String> {
    let (s, what) = match value {
        Value::String(s) => return Some(s),
        Value::Number(n) => (n.to_string(), "a number"),
        Value::Bool(b) => (b.to_string(), "a boolean"),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (parts.join("\n\n"), "a list")
        }
        other => {
            out.push(
                Diagnostic::warning(format!(
                    "expected text, found a {}; it was left out",
                    type_name(&other)
                ))
                .field(here.to_string())
                .hint("write this field as a single string"),
            );
            return None;
        }
    };
    out.push(
        Diagnostic::warning(format!("expected text, found {what}; using `{s}`"))
            .field(here.to_string()),
    );
    Some(s)
}

fn url(raw: String, here: &str, out: &mut Vec<Diagnostic>) -> Option<String> {
    match conform::fix_uri(&raw) {
        Some(fixed) if fixed == raw => Some(raw),
        Some(fixed) => {
            out.push(
                Diagnostic::warning(format!("read the URL `{raw}` as `{fixed}`"))
                    .field(here.to_string())
                    .hint("write links in full, starting with https://"),
            );
            Some(fixed)
        }
        None => {
            out.push(
                Diagnostic::warning(format!("`{raw}` is not a link; it was left out"))
                    .field(here.to_string())
                    .hint("write links in full, starting with https://"),
            );
            None
        }
    }
}

fn email(raw: String, here: &str, out: &mut Vec<Diagnostic>) -> Option<String> {
    let trimmed = raw.trim().trim_start_matches("mailto:");
    if conform::is_email(trimmed) {
        if trimmed != raw {
            out.push(
                Diagnostic::warning(format!("read the address `{raw}` as `{trimmed}`"))
                    .field(here.to_string()),
            );
        }
        return Some(trimmed.to_string());
    }
    out.push(
        Diagnostic::warning(format!("`{raw}` is not an e-mail address; it was left out"))
            .field(here.to_string())
            .hint("write it as name@example.com"),
    );
    None
}

fn date(value: Value, here: &str, out: &mut Vec<Diagnostic>) -> Option<Value> {
    let raw = match &value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    let hint =
        format!("write dates as {ACCEPTED_DATE_FORMS}; leave out endDate for a current position");
    match raw.parse::<PartialDate>() {
        Ok(d) if value.is_string() && raw == value.as_str().unwrap_or_default() => {
            return Some(Value::String(d.to_string()));
        }
        Ok(d) => {
            out.push(changed_date(here, &raw, &d.to_string(), &hint));
            return Some(Value::String(d.to_string()));
        }
        Err(DateError::Impossible(_)) | Err(DateError::Shape(_)) => {}
    }
    match parse_human_date(&raw) {
        Some(HumanDate::Date(d)) => {
            out.push(changed_date(here, &raw, &d.to_string(), &hint));
            Some(Value::String(d.to_string()))
        }
        Some(HumanDate::Present) => {
            out.push(
                Diagnostic::warning(format!(
                    "`{raw}` is not a date; the field was left out, which means \"present\""
                ))
                .field(here.to_string())
                .hint(hint),
            );
            None
        }
        None => {
            let what = match raw.parse::<PartialDate>() {
                Err(e @ DateError::Impossible(_)) => e.to_string(),
                _ => format!("cannot read the date `{raw}`"),
            };
            out.push(
                Diagnostic::warning(format!("{what}; it was left out"))
                    .field(here.to_string())
                    .hint(hint),
            );
            None
        }
    }
}

fn changed_date(here: &str, old: &str, new: &str, hint: &str) -> Diagnostic {
    Diagnostic::warning(format!("read the date `{old}` as `{new}`"))
        .field(here.to_string())
        .hint(hint.to_string())
}

fn texts(value: Value, split_commas: bool, here: &str, out: &mut Vec<Diagnostic>) -> Value {
    let items = match value {
        Value::Array(items) => items,
        Value::String(s) => {
            let items: Vec<Value> = if split_commas {
                s.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| Value::String(t.into()))
                    .collect()
            } else {
                vec![Value::String(s)]
            };
            out.push(
                Diagnostic::warning("expected a list, found text; made it a list")
                    .field(here.to_string()),
            );
            items
        }
        other => vec![other],
    };
    let list = items
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| normalise_value(v, Text, &format!("{here}[{i}]"), out))
        .collect();
    Value::Array(list)
}

fn object(
    value: Value,
    shape: &'static Shape,
    here: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Map<String, Value>> {
    match value {
        Value::Object(map) => Some(normalise_object(map, shape, here, out)),
        Value::String(s) if from_text(shape).is_some() => {
            let built = from_text(shape).map(|f| f(&s)).unwrap_or_default();
            out.push(
                Diagnostic::warning(format!(
                    "expected a mapping, found text; read `{s}` as {}",
                    Value::Object(built.clone())
                ))
                .field(here.to_string()),
            );
            Some(normalise_object(built, shape, here, out))
        }
        other => {
            out.push(
                Diagnostic::warning(format!(
                    "expected a mapping, found a {}; it was left out",
                    type_name(&other)
                ))
                .field(here.to_string())
                .hint("see https://jsonresume.org/schema for the expected shape"),
            );
            None
        }
    }
}

fn objects(value: Value, shape: &'static Shape, here: &str, out: &mut Vec<Diagnostic>) -> Value {
    let items = match value {
        Value::Array(items) => items,
        single => {
            out.push(
                Diagnostic::warning("expected a list, found a single item; made it a list")
                    .field(here.to_string()),
            );
            vec![single]
        }
    };
    let list = items
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| object(v, shape, &format!("{here}[{i}]"), out).map(Value::Object))
        .collect();
    Value::Array(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str, format: Format) -> Parsed {
        parse(src, format).unwrap()
    }

    fn messages(p: &Parsed) -> Vec<String> {
        p.diagnostics.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_valid_document_comes_out_unchanged_without_warnings() {
        let src = r#"{"basics":{"name":"Ada","location":{"city":"Paris"},"x":1},"work":[{"name":"Acme","startDate":"2019-04","highlights":["a"]}],"custom":{"k":[1]}}"#;
        let p = read(src, Format::Json);
        assert!(p.diagnostics.is_empty(), "{:?}", messages(&p));
        assert_eq!(serde_json::to_string(&p.resume).unwrap(), src);
    }

    #[test]
    fn repairs_legacy_and_human_values_with_one_located_warning_each() {
        let src = "work:\n  - company: Acme\n    startDate: May 2022\n    endDate: Present\n    highlights: Shipped it\neducation:\n  - institution: Uni\n    endDate: 2024-09-31\n    gpa: 3.9\n";
        let p = read(src, Format::Yaml);
        let w = &p.resume.work[0];
        assert_eq!(w.name.as_deref(), Some("Acme"));
        assert_eq!(w.start_date.map(|d| d.to_string()).as_deref(), Some("2022-05"));
        assert_eq!(w.end_date, None);
        assert_eq!(w.highlights, vec!["Shipped it"]);
        let e = &p.resume.education[0];
        assert_eq!(e.end_date.map(|d| d.to_string()).as_deref(), Some("2024-09"));
        assert_eq!(e.score.as_deref(), Some("3.9"));
        let m: Vec<String> =
            p.diagnostics.iter().map(|d| d.clone().in_file("a.yaml").to_string()).collect();
        assert_eq!(m.len(), 7, "{m:#?}");
        assert!(m.iter().any(|s| s.contains(":2:") && s.contains("`company` to `name`")), "{m:#?}");
        assert!(
            m.iter().any(|s| s.contains(":3:")
                && s.contains("`May 2022` as `2022-05`")
                && s.contains("YYYY-MM")),
            "{m:#?}"
        );
    }

    #[test]
    fn unknown_keys_are_kept_and_typos_get_a_suggestion() {
        let p = read("work:\n  - name: Acme\n    start_date: 2020\n    team: Core\n", Format::Yaml);
        assert_eq!(p.resume.work[0].extra["start_date"], 2020);
        assert_eq!(p.resume.work[0].extra["team"], "Core");
        let m = messages(&p);
        assert_eq!(m.len(), 1, "{m:#?}");
        assert!(
            m[0].contains("work[0].start_date") && m[0].contains("did you mean `startDate`?"),
            "{}",
            m[0]
        );
    }

    #[test]
    fn strings_where_objects_belong() {
        let p = read(
            r#"{"skills":["Rust","Go"],"basics":{"location":"Lyon, France","profiles":"https://github.com/ada"}}"#,
            Format::Json,
        );
        assert_eq!(p.resume.skills[1].name.as_deref(), Some("Go"));
        let b = p.resume.basics.unwrap();
        assert_eq!(b.location.unwrap().region.as_deref(), Some("France"));
        assert_eq!(b.profiles[0].url.as_deref(), Some("https://github.com/ada"));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e =
            parse("{\n  \"basics\": {\n    \"name\": \"Ada\",\n  }\n}", Format::Json).unwrap_err();
        let d = &e.0[0];
        assert_eq!(d.line, Some(4));
        assert!(d.to_string().contains("invalid JSON"), "{d}");
        let e = parse("basics:\n  name: \"Ada\n", Format::Yaml).unwrap_err();
        assert!(e.0[0].line.is_some());
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_an_error() {
        assert!(parse("- a\n- b\n", Format::Yaml).is_err());
    }
}
