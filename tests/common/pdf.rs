//! PDF inspection for the print tests: whether Chromium and poppler-utils are here, a PDF's
//! text and page geometry.

use std::path::Path;
use std::process::Command;

use super::{collapse, skip_unless};

/// True when the tools a PDF test needs are here; otherwise the test skips with a note (fails
/// under `CI=true`, which installs them).
#[track_caller]
pub fn tools_available() -> bool {
    let browser = vitae::pdf::find_browser().is_ok();
    let poppler =
        ["pdfinfo", "pdftotext"].iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    let missing = format!(
        "{}{}",
        if browser { "" } else { "chromium " },
        if poppler { "" } else { "poppler-utils (pdfinfo, pdftotext) " }
    );
    skip_unless(browser && poppler, &format!("{missing}(apt-get install chromium poppler-utils)"))
}

/// The text of a PDF, whitespace collapsed.
pub fn text(pdf: &Path) -> String {
    let o = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    collapse(&String::from_utf8_lossy(&o.stdout))
}

/// (pages, width pt, height pt) of a PDF's first page.
pub fn info(pdf: &Path) -> (usize, f64, f64) {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {name} in pdfinfo output:\n{text}"))
            .to_string()
    };
    let pages = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    let mut nums = size.split_whitespace().filter_map(|w| w.parse::<f64>().ok());
    (pages, nums.next().unwrap(), nums.next().unwrap())
}

/// A4 is 595 × 842 pt.
pub fn is_a4(w: f64, h: f64) -> bool {
    (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0
}
