//! The one test harness: fixture sites in temp dirs, the real `vitae` binary, assertions on
//! what a user sees (exit code, stderr, files written), and the rules for what a test may skip.
//!
//! A test that needs `../shared/eval` beside the clone carries
//! `#[cfg_attr(not(vitae_shared_eval), ignore = "needs ../shared/eval beside the clone")]`:
//! `build.rs` sets that cfg when the scorer is there, so a clone without it lists the test as
//! ignored with its reason instead of passing it silently. A test that needs a tool (a browser,
//! poppler, actionlint) skips with a note through [`skip_unless`], and fails instead under
//! [`full_ci`].
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn vitae_bin() -> &'static str {
    env!("CARGO_BIN_EXE_vitae")
}

/// The built-in themes.
pub const THEMES: [&str; 3] = ["classic", "modern", "compact"];

/// True in the project's own CI (`.ci/run` sets `CI=true`), which installs every tool and has
/// `../shared` beside the clone: there a missing tool fails a test instead of skipping it.
/// GitHub's runners in the release workflow set `CI=false` for that reason.
pub fn full_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// `true` when `available`; otherwise prints why the test skips (`missing`, and how to get it)
/// and returns `false`, or fails the test under [`full_ci`].
#[track_caller]
pub fn skip_unless(available: bool, missing: &str) -> bool {
    if !available {
        assert!(!full_ci(), "CI must have {missing}");
        eprintln!("note: skipped, {missing} is not available");
    }
    available
}

/// `../shared/eval` beside the clone. Only tests marked with the `vitae_shared_eval` cfg (see the
/// module doc) call this, so it is there.
pub fn shared_eval() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    assert!(dir.join("score").exists(), "{} vanished since the build", dir.display());
    dir
}

/// The fictional resumes of `tests/fixtures/themes/`.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/themes")
}

/// A site in a temporary directory.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        Self { dir }
    }

    /// A site whose content/ holds the named fixtures of `tests/fixtures/themes/`.
    pub fn with_fixtures(names: &[&str]) -> Self {
        let site = Self::new();
        for name in names {
            let text = std::fs::read_to_string(fixture_dir().join(name)).unwrap();
            site.file(&format!("content/{name}"), &text);
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating directories); chainable.
    pub fn file(&self, rel: &str, text: &str) -> &Self {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    /// Runs `vitae ARGS --root <site>` for site commands.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// [`TestSite::run`] with environment variables set.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(vitae_bin());
        cmd.args(args).arg("--root").arg(self.root()).current_dir(self.root());
        cmd.envs(env.iter().copied());
        Run(cmd.output().unwrap())
    }

    /// Builds with `theme` into `public-THEME/`, asserts success and returns that directory.
    #[track_caller]
    pub fn build(&self, theme: &str, extra: &[&str]) -> PathBuf {
        let out = self.path(&format!("public-{theme}"));
        let mut args = vec!["build", "--theme", theme, "--output", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run(&args).success();
        out
    }
}

/// The outcome of one run of the binary.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.code(),
            0,
            "expected success.\nstdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    #[track_caller]
    pub fn fails_with(&self, code: i32) -> &Self {
        assert_eq!(
            self.code(),
            code,
            "expected exit {code}.\nstdout:\n{}\nstderr:\n{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        let err = self.stderr();
        assert!(err.contains(needle), "stderr lacks {needle:?}:\n{err}");
        self
    }
}

/// Every file below `dir` with its bytes, for byte-identical comparisons.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// Validates a JSON document against the official JSON Resume schema (formats checked).
#[track_caller]
pub fn assert_schema_valid(doc: &serde_json::Value) {
    let errors = schema_errors(doc);
    assert!(errors.is_empty(), "resume.json is not schema-valid:\n{}", errors.join("\n"));
}

/// Where a JSON document breaks the official JSON Resume schema (vendored, formats checked).
pub fn schema_errors(doc: &serde_json::Value) -> Vec<String> {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/schema/jsonresume.schema.json")).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path)).collect()
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

/// Whitespace collapsed to single spaces.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Fictional DOCX packages written for the DOCX reader's tests.
pub mod docx;
/// PDF inspection with poppler-utils.
pub mod pdf;
/// Small generated PDFs (fictional text, damaged and hostile files).
pub mod pdf_files;
/// The harness of `vitae serve` tests and benchmarks.
pub mod serve;
