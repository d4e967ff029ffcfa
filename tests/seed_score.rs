//! Runs the shared scorer (`../shared/eval/score`) over two sets of resumes: the real seed
//! resumes in `../shared/eval/seeds`, and our own held-out fictional ones in
//! `tests/fixtures/unseen/` (scorer layout: `NNN.txt` + `NNN.expected.json`). In a clone without
//! `../shared` both are listed as ignored, with the reason (see `tests/common`).
//!
//! The unseen set was written with its expected JSON before the parser was tuned on it: it
//! scored 0.672 overall then (the two-column one 0.207), 0.99 after the multilingual and layout
//! work. Having been tuned against since, it guards against regressions rather than measuring
//! generality: the floors (0.93 overall, 0.85 each) leave room for a deliberate trade-off in
//! one field, while losing any one capability (the column split, a language's titles, dates or
//! degrees) fails.

mod common;

use std::path::Path;
use std::process::Command;

/// The project's CI has `../shared` beside the clone: there its absence is a failure, not a
/// quietly ignored test.
#[test]
fn ci_has_the_evaluation_data() {
    assert!(
        cfg!(vitae_shared_eval) || !common::full_ci(),
        "CI=true but ../shared/eval/score is not beside the clone (touch build.rs if it was added)"
    );
}

#[test]
#[cfg_attr(not(vitae_shared_eval), ignore = "needs ../shared/eval beside the clone")]
fn seeds_score_above_the_bar() {
    assert_scores(&common::shared_eval().join("seeds"), "seeds");
}

#[test]
#[cfg_attr(not(vitae_shared_eval), ignore = "needs ../shared/eval beside the clone")]
fn unseen_resumes_score_above_the_floor() {
    assert_scores(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen"), "unseen");
}

/// Scores every resume in `dir`: overall F1 at least 0.93, none below 0.85.
fn assert_scores(dir: &Path, set: &str) {
    let eval = common::shared_eval();
    let cmd = format!("{} import {{file}} --to json", env!("CARGO_BIN_EXE_vitae"));
    let out = Command::new(eval.join("score"))
        .arg("--expected")
        .arg(dir)
        .args(["--cmd", &cmd, "--min-f1", "0.93", "--json"])
        .output()
        .expect("run the scorer");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{set}: scorer failed or overall F1 below 0.93:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("scorer JSON");
    let resumes = report["resumes"].as_object().expect("per-resume results");
    let low: Vec<String> = resumes
        .iter()
        .filter_map(|(id, r)| {
            let f1 = r["total"]["f1"].as_f64().unwrap_or(0.0);
            (f1 < 0.85).then(|| format!("{id}: {f1}"))
        })
        .collect();
    assert!(low.is_empty(), "{set} below 0.85: {low:?}\n{stdout}");
}
