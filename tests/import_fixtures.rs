//! Runs `vitae import FILE --to json` (the real binary) on every fictional fixture resume in
//! `tests/fixtures/import/` and checks the key fields against `NAME.expected.json`.
//!
//! An expected file is a subset of the output: every key it has must be in the output with
//! the same value (objects compared key by key, lists element by element and of equal length).
//! Fields it leaves out (summaries, highlights, usernames, ...) are not checked.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixture dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else { continue };
        let input = std::fs::read_dir(&dir)
            .expect("fixture dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| {
                let n = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                n.starts_with(&format!("{stem}.")) && !n.ends_with(".expected.json")
            })
            .unwrap_or_else(|| panic!("no input file for {name}"));
        out.push((input, path));
    }
    out.sort();
    out
}

/// Every difference between `expected` and the part of `actual` it describes.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(av) => diff(&format!("{path}.{k}"), v, av, out),
                    None => out.push(format!("{path}.{k}: missing, expected {v}")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{path}: {} items, expected {}: {}",
                    a.len(),
                    e.len(),
                    brief(actual)
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(&format!("{path}[{i}]"), ev, av, out);
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: got {a}, expected {e}")),
    }
}

fn brief(v: &Value) -> String {
    let s = v.to_string();
    s.chars().take(300).collect()
}

#[test]
fn every_fixture_imports_with_its_key_fields() {
    let fixtures = fixtures();
    let mut failures = Vec::new();
    for (input, expected) in &fixtures {
        let out = Command::new(env!("CARGO_BIN_EXE_vitae"))
            .args(["import", input.to_str().expect("utf-8 path"), "--to", "json"])
            .output()
            .expect("run vitae");
        let name = input.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if !out.status.success() {
            failures.push(format!(
                "{name}: exit {:?}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let actual: Value = match serde_json::from_slice(&out.stdout) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: output is not JSON: {e}"));
                continue;
            }
        };
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(expected).expect("read expected"))
                .expect("expected file is JSON");
        let mut diffs = Vec::new();
        diff("", &want, &actual, &mut diffs);
        failures.extend(diffs.into_iter().map(|d| format!("{name}: {d}")));
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
    assert!(fixtures.len() >= 15, "expected at least 15 fixtures, found {}", fixtures.len());
}
