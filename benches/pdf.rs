//! PDF import against poppler: for every PDF in `../shared/eval/real-bin`, the whole
//! `vitae import FILE --to json` process (extract, lay out, interpret) and the whole
//! `pdftotext -layout FILE -` process (extract only) run in turn, ten times each after a
//! warm-up; the median of each and their ratio are printed per file and over all files.
//! The target: vitae within 3x of pdftotext on a typical 1-2 page resume. Plain std timing;
//! run with `cargo bench --bench pdf`. Skips with a note without pdftotext or the files.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 10;

fn time(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let status = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status();
    let took = start.elapsed();
    assert!(status.is_ok(), "could not run {cmd:?}");
    took
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/real-bin");
    let mut pdfs: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect(),
        Err(_) => Vec::new(),
    };
    pdfs.sort();
    let poppler = Command::new("pdftotext").arg("-v").output().is_ok();
    if pdfs.is_empty() || !poppler {
        println!("skipped: needs pdftotext (poppler-utils) and ../shared/eval/real-bin/*.pdf");
        return;
    }
    let vitae = env!("CARGO_BIN_EXE_vitae");
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    println!("{:<8} {:>12} {:>14} {:>7}", "file", "vitae ms", "pdftotext ms", "ratio");
    for pdf in &pdfs {
        let run_vitae = || time(Command::new(vitae).arg("import").arg(pdf).args(["--to", "json"]));
        let run_poppler = || time(Command::new("pdftotext").arg("-layout").arg(pdf).arg("-"));
        run_vitae();
        run_poppler();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            a.push(run_vitae());
            b.push(run_poppler());
        }
        let (ma, mb) = (median(a), median(b));
        let ratio = ma.as_secs_f64() / mb.as_secs_f64();
        let name = pdf.file_stem().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<8} {:>12.1} {:>14.1} {ratio:>7.2}",
            ma.as_secs_f64() * 1e3,
            mb.as_secs_f64() * 1e3
        );
        ours.push(ma);
        theirs.push(mb);
        ratios.push(ratio);
    }
    ratios.sort_by(f64::total_cmp);
    println!(
        "median over {} PDFs: vitae {:.1} ms, pdftotext -layout {:.1} ms, ratio {:.2} (target <= 3)",
        pdfs.len(),
        median(ours).as_secs_f64() * 1e3,
        median(theirs).as_secs_f64() * 1e3,
        ratios[ratios.len() / 2]
    );
}
