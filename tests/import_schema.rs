//! Every import of a fixture, and of the evaluation seeds in `../shared`, is valid against the
//! official JSON Resume schema.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            !n.ends_with(".json") && (n.ends_with(".txt") || n.ends_with(".md"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn imports_of_the_fixtures_are_valid_json_resume() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_imports_valid(&inputs(&root.join("tests/fixtures/import")));
}

#[test]
#[cfg_attr(not(vitae_shared_eval), ignore = "needs ../shared/eval beside the clone")]
fn imports_of_the_seeds_are_valid_json_resume() {
    assert_imports_valid(&inputs(&common::shared_eval().join("seeds")));
}

/// Imports each file to JSON and validates it against the vendored schema (formats checked).
fn assert_imports_valid(files: &[PathBuf]) {
    assert!(!files.is_empty(), "no inputs");
    let mut failures = Vec::new();
    for f in files {
        let out = Command::new(env!("CARGO_BIN_EXE_vitae"))
            .args(["import", f.to_str().expect("utf-8 path"), "--to", "json"])
            .output()
            .expect("run vitae");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        for e in common::schema_errors(&doc) {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
