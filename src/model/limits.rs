//! Caps on what one resume may hold: no list longer than [`MAX_LIST_ITEMS`], no more than
//! [`MAX_ITEMS`] list items in all. No real resume comes near either, and they bound the page,
//! the render time and the memory a site keeps, whatever a file holds (a 5 MiB skills line
//! of millions of comma-separated words is a few thousand items of no use to anyone).

use serde_json::Value;

use super::{Extra, Resume};

/// The most items one list may hold: a section's entries, an entry's highlights or keywords,
/// an unknown field's array or object.
pub const MAX_LIST_ITEMS: usize = 1_000;

/// The most list items one resume may hold in all, counted in document order.
pub const MAX_ITEMS: usize = 10_000;

/// Drops what is over the caps, from the end of each list. Returns one message per list cut
/// (`field: what`).
pub fn cap(resume: &mut Resume) -> Vec<(String, String)> {
    let mut budget = Budget { left: MAX_ITEMS, changes: Vec::new() };
    if let Some(b) = resume.basics.as_mut() {
        budget.list(|| "basics.profiles".into(), &mut b.profiles);
        budget.extra("basics", &mut b.extra);
    }
    macro_rules! section {
        ($name:ident $(, $inner:ident)*) => {
            budget.list(|| stringify!($name).into(), &mut resume.$name);
            for (i, entry) in resume.$name.iter_mut().enumerate() {
                $(budget.list(|| format!("{}[{i}].{}", stringify!($name), stringify!($inner)), &mut entry.$inner);)*
                budget.extra(&format!("{}[{i}]", stringify!($name)), &mut entry.extra);
            }
        };
    }
    section!(work, highlights);
    section!(volunteer, highlights);
    section!(education, courses);
    section!(awards);
    section!(certificates);
    section!(publications);
    section!(skills, keywords);
    section!(languages);
    section!(interests, keywords);
    section!(references);
    section!(projects, highlights, keywords, roles);
    budget.extra("", &mut resume.extra);
    budget.changes
}

/// What is left of [`MAX_ITEMS`], and the cuts made so far.
struct Budget {
    left: usize,
    changes: Vec<(String, String)>,
}

impl Budget {
    /// Keeps what fits of `list`; `field` names it, made only when something is cut.
    fn list<T>(&mut self, field: impl FnOnce() -> String, list: &mut Vec<T>) {
        let keep = self.keep(field, list.len());
        if keep < list.len() {
            list.truncate(keep);
            list.shrink_to_fit();
        }
    }

    /// How many of `len` items fit, recording a cut.
    fn keep(&mut self, field: impl FnOnce() -> String, len: usize) -> usize {
        let list_cap_binds = MAX_LIST_ITEMS <= self.left;
        let keep = len.min(MAX_LIST_ITEMS).min(self.left);
        self.left -= keep;
        if keep < len {
            let why = if list_cap_binds {
                format!("a list holds at most {MAX_LIST_ITEMS} items")
            } else {
                format!("a resume holds at most {MAX_ITEMS} list items in all")
            };
            self.changes.push((
                field(),
                format!(
                    "holds {len} items; kept the first {keep} and dropped {} ({why})",
                    len - keep
                ),
            ));
        }
        keep
    }

    /// Caps the arrays and objects among fields the schema does not define, at any depth.
    fn extra(&mut self, at: &str, extra: &mut Extra) {
        for (key, value) in extra.iter_mut() {
            self.value(&join(at, key), value);
        }
    }

    fn value(&mut self, path: &str, value: &mut Value) {
        match value {
            Value::Array(items) => {
                self.list(|| path.to_string(), items);
                for (i, item) in items.iter_mut().enumerate() {
                    self.value(&format!("{path}[{i}]"), item);
                }
            }
            Value::Object(map) => {
                let keep = self.keep(|| path.to_string(), map.len());
                let mut seen = 0;
                map.retain(|_, _| {
                    seen += 1;
                    seen <= keep
                });
                for (key, item) in map.iter_mut() {
                    self.value(&join(path, key), item);
                }
            }
            _ => {}
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_with_a_message_naming_the_field_and_the_count() {
        let keywords: Vec<String> = (0..2_500).map(|i| format!("k{i}")).collect();
        let mut r: Resume = serde_json::from_value(serde_json::json!({
            "skills": [{"name": "All", "keywords": keywords}],
            "custom": {"tags": (0..1_200).collect::<Vec<u32>>()},
        }))
        .unwrap();
        let changes = cap(&mut r);
        assert_eq!(r.skills[0].keywords.len(), MAX_LIST_ITEMS);
        assert_eq!(r.skills[0].keywords[999], "k999");
        assert_eq!(r.extra["custom"]["tags"].as_array().unwrap().len(), MAX_LIST_ITEMS);
        assert_eq!(
            changes,
            [
                (
                    "skills[0].keywords".to_string(),
                    "holds 2500 items; kept the first 1000 and dropped 1500 (a list holds at most 1000 items)".to_string()
                ),
                (
                    "custom.tags".to_string(),
                    "holds 1200 items; kept the first 1000 and dropped 200 (a list holds at most 1000 items)".to_string()
                ),
            ]
        );
    }

    #[test]
    fn the_whole_resume_has_a_budget_counted_in_document_order() {
        let highlights: Vec<String> = (0..900).map(|i| format!("h{i}")).collect();
        let work: Vec<Value> =
            (0..12).map(|_| serde_json::json!({"highlights": highlights})).collect();
        let mut r: Resume = serde_json::from_value(serde_json::json!({
            "work": work,
            "skills": [{"name": "Rust"}],
        }))
        .unwrap();
        let changes = cap(&mut r);
        // 12 entries, then 11 × 900 highlights: 9,912 items; the 12th entry gets 88.
        assert_eq!(r.work[10].highlights.len(), 900);
        assert_eq!(r.work[11].highlights.len(), 88);
        assert!(r.skills.is_empty(), "nothing is left for later sections");
        assert_eq!(changes[0].0, "work[11].highlights");
        assert!(changes[0].1.contains("at most 10000 list items in all"), "{changes:?}");
        assert_eq!(changes[1].0, "skills");
    }

    #[test]
    fn a_resume_within_the_caps_is_unchanged() {
        let mut r: Resume = serde_json::from_value(serde_json::json!({
            "work": [{"name": "Acme", "highlights": ["a", "b"]}],
            "x-custom": {"a": [1, 2]},
        }))
        .unwrap();
        let before = r.clone();
        assert!(cap(&mut r).is_empty());
        assert_eq!(r, before);
    }
}
