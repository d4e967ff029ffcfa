//! Runs the shared scorer over the seed resumes when `../shared/eval` exists (the project's
//! own workspace); a clone without it skips this test, saying so.

use std::path::Path;
use std::process::Command;

#[test]
fn seeds_score_above_the_bar() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval");
    if !eval.join("score").exists() {
        println!("skipped: ../shared/eval is absent");
        return;
    }
    let cmd = format!("{} import {{file}} --to json", env!("CARGO_BIN_EXE_vitae"));
    let out = Command::new(eval.join("score"))
        .arg("--expected")
        .arg(eval.join("seeds"))
        .args(["--cmd", &cmd, "--min-f1", "0.93", "--json"])
        .output()
        .expect("run the scorer");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "scorer failed or F1 below 0.93:\n{stdout}\n{}",
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
    assert!(low.is_empty(), "seeds below 0.85: {low:?}\n{stdout}");
}
