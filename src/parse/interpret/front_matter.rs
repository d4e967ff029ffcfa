//! YAML front matter merged over what interpretation found, field by field (objects merge,
//! anything else replaces). YAML itself is read only through [`crate::parse::yaml`].

use crate::diag::Diagnostic;
use crate::model::{LIST_SECTIONS, Resume};
use crate::parse::yaml;

/// Merges the front matter over `resume`; a front matter that does not read is reported.
pub fn apply(resume: &mut Resume, front: &str, diagnostics: &mut Vec<Diagnostic>) {
    // A site generator's front matter (layout, title, permalink) has nothing to merge: no
    // need to read its YAML.
    let keys = front.lines().filter(|l| !l.starts_with([' ', '\t', '#', '-']));
    if !keys
        .filter_map(|l| l.split_once(':'))
        .any(|(k, _)| known(k.trim().trim_matches(['"', '\''])))
    {
        return;
    }
    let value = match yaml::parse(front) {
        Ok(v) => v,
        Err(e) => {
            diagnostics.push(
                Diagnostic::warning(format!("front matter is not valid YAML: {}", e.message))
                    .at(e.line + 1, e.column)
                    .hint("fix the YAML between the two `---` lines"),
            );
            return;
        }
    };
    // Only JSON Resume's own keys: a site generator's (`layout`, `permalink`) are not resume
    // fields.
    let serde_json::Value::Object(map) = value else { return };
    let value = serde_json::Value::Object(map.into_iter().filter(|(k, _)| known(k)).collect());
    let mut base = serde_json::to_value(&*resume).unwrap_or_default();
    merge(&mut base, value);
    match serde_json::from_value::<Resume>(base) {
        Ok(r) => *resume = r,
        Err(e) => diagnostics.push(
            Diagnostic::warning(format!("front matter ignored: {e}"))
                .hint("front matter fields use JSON Resume names, e.g. `basics: {name: ...}`"),
        ),
    }
}

/// A JSON Resume top-level key.
fn known(k: &str) -> bool {
    matches!(k, "basics" | "meta" | "$schema") || LIST_SECTIONS.contains(&k)
}

fn merge(base: &mut serde_json::Value, over: serde_json::Value) {
    match (base, over) {
        (serde_json::Value::Object(b), serde_json::Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_overrides_fields() {
        let mut r = Resume {
            basics: Some(crate::model::Basics {
                name: Some("Ada".into()),
                label: Some("x".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let mut d = Vec::new();
        apply(&mut r, "basics:\n  name: Ada L.\n", &mut d);
        let b = r.basics.clone().unwrap();
        assert_eq!((b.name.as_deref(), b.label.as_deref()), (Some("Ada L."), Some("x")));
        assert!(d.is_empty());
        apply(&mut r, "layout: page\ntitle: Home\n", &mut d);
        assert!(r.extra.is_empty(), "{:?}", r.extra);
    }
}
