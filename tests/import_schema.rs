//! Every import of a fixture (and of the seeds, when `../shared` is there) is valid against
//! the official JSON Resume schema. Skipped, saying so, when the schema is absent.

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
fn imports_are_valid_json_resume() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The official schema, vendored so this runs in every clone; formats (uri, email) checked.
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/schema/jsonresume.schema.json"))
            .expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let mut files = inputs(&root.join("tests/fixtures/import"));
    files.extend(inputs(&root.join("../shared/eval/seeds")));
    let mut failures = Vec::new();
    for f in &files {
        let out = Command::new(env!("CARGO_BIN_EXE_vitae"))
            .args(["import", f.to_str().expect("utf-8 path"), "--to", "json"])
            .output()
            .expect("run vitae");
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        for e in validator.iter_errors(&doc) {
            failures.push(format!("{}: {} at {}", f.display(), e, e.instance_path));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
