//! Snapshot tests of the importer on small fictional documents, one per grouping shape and
//! layout (`tests/fixtures/shapes/`): the document tree the reader makes (what
//! `vitae import FILE --to tree` prints) and the resume interpreted from it. A change to
//! either is a diff in `tests/snapshots/` to review (`cargo insta review`, or run with
//! `INSTA_UPDATE=always` and read the diff).

use std::path::{Path, PathBuf};

fn shapes() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the shapes fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

#[test]
fn every_shape_reads_into_its_tree_and_resume() {
    let shapes = shapes();
    assert!(shapes.len() >= 8, "expected the shape fixtures, found {}", shapes.len());
    for path in shapes {
        let name = path.file_name().and_then(|n| n.to_str()).expect("utf-8 name").replace('.', "_");
        let bytes = std::fs::read(&path).expect("read fixture");
        let tree = vitae::parse::document_tree(&bytes, &path).expect("a text document");
        insta::assert_snapshot!(format!("{name}_tree"), tree.outline());
        let parsed = vitae::parse::import(&bytes, &path).expect("imports");
        insta::assert_snapshot!(format!("{name}_resume"), parsed.resume.to_json_pretty());
    }
}
