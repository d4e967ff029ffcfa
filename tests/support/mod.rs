//! Test harness for the theme and PDF tests: fixture sites in temp dirs, the real `vitae`
//! binary, and the external tools (chromium, poppler) found or skipped.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const THEMES: [&str; 3] = ["classic", "modern", "compact"];

/// A site in a temp dir, removed on drop.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    /// A site whose content/ holds the named fixtures of `tests/fixtures/themes/`.
    pub fn with_fixtures(names: &[&str]) -> Self {
        let site = Self::new();
        for name in names {
            let src = fixture_dir().join(name);
            site.file(&format!("content/{name}"), &std::fs::read_to_string(src).unwrap());
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file in the site, creating its directories.
    pub fn file(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Runs `vitae ARGS --root SITE`.
    pub fn vitae(&self, args: &[&str]) -> Output {
        self.vitae_env(args, &[])
    }

    pub fn vitae_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitae"));
        cmd.args(args).arg("--root").arg(self.root());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    /// Builds into `public-THEME/` and asserts success.
    pub fn build(&self, theme: &str, extra: &[&str]) -> PathBuf {
        let out = self.root().join(format!("public-{theme}"));
        let mut args = vec!["build", "--theme", theme, "--output", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = self.vitae(&args);
        assert!(o.status.success(), "build with {theme} failed:\n{}", stderr(&o));
        out
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap()
    }
}

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/themes")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every `work[].position` in a built `resume.json`.
pub fn positions(resume_json: &Path) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(resume_json).unwrap()).unwrap();
    v["work"]
        .as_array()
        .map(|w| w.iter().filter_map(|j| j["position"].as_str()).map(str::to_string).collect())
        .unwrap_or_default()
}

/// True when the tools a PDF test needs are here. Outside CI a missing tool skips the test with
/// a note; in CI (`CI` set) it fails it, because CI installs them.
pub fn pdf_tools_available() -> bool {
    let browser = vitae::pdf::find_browser().is_ok();
    let poppler =
        ["pdfinfo", "pdftotext"].iter().all(|t| Command::new(t).arg("-v").output().is_ok());
    if browser && poppler {
        return true;
    }
    let missing = format!(
        "{}{}",
        if browser { "" } else { "chromium " },
        if poppler { "" } else { "poppler-utils (pdfinfo, pdftotext)" }
    );
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have {missing}: apt-get install chromium poppler-utils"
    );
    eprintln!("note: skipping, {missing}not installed (apt-get install chromium poppler-utils)");
    false
}

/// The text of a PDF, whitespace collapsed.
pub fn pdf_text(pdf: &Path) -> String {
    let o = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    collapse(&String::from_utf8_lossy(&o.stdout))
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (pages, width pt, height pt) of a PDF's first page.
pub fn pdf_info(pdf: &Path) -> (usize, f64, f64) {
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

/// A one-page resume whose Markdown has links that show their own URL (an autolink, a link
/// written as its bare domain) and one that does not, for the print rules on link URLs.
pub const LINKS_YAML: &str = r#"basics:
  name: Jonah Pereira
  label: Junior Data Analyst
  summary: "Portfolio: <https://jonah.example.net/work>, code at [github.com/jonahp](https://github.com/jonahp/), see [the sales dashboard](https://dash.example.net/sales)."
work:
  - name: Brightwater Retail
    position: Junior Data Analyst
    startDate: 2024-02
    highlights:
      - "Lending data: <http://lib.example.pt/data>"
"#;
