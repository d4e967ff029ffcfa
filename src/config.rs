//! `vitae.toml`: optional, every key defaulted. Unknown keys are warnings with a suggestion.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::diag::{ContentError, Diagnostic};
use crate::render::DEFAULT_THEME;

pub const CONFIG_FILE: &str = "vitae.toml";

/// Paper size for print CSS and PDFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
}

/// Everything a build needs to know, after `vitae.toml` and command-line flags.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site directory (content/, themes/, templates/, static/ live here).
    pub root: PathBuf,
    /// Title of the gallery page and fallback page title.
    pub title: String,
    /// `/` or an absolute URL ending in `/`.
    pub base_url: String,
    pub theme: String,
    pub paper: Paper,
    /// Output directory, relative to `root` unless absolute.
    pub output_dir: PathBuf,
    pub pdf: bool,
    /// The pages' `lang`.
    pub language: String,
    /// Theme parameters (`[extra]`), overriding the theme's defaults.
    pub extra: Map<String, Value>,
    /// Replace an output directory vitae did not create.
    pub force: bool,
}

/// The file's shape: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FileConfig {
    title: Option<String>,
    base_url: Option<String>,
    theme: Option<String>,
    paper: Option<Paper>,
    output_dir: Option<PathBuf>,
    pdf: Option<bool>,
    language: Option<String>,
    extra: Option<toml::Table>,
}

const KEYS: [&str; 8] =
    ["title", "base_url", "theme", "paper", "output_dir", "pdf", "language", "extra"];

impl Config {
    /// Defaults for a site at `root`, with no `vitae.toml`.
    pub fn defaults(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            title: "Resumes".to_string(),
            base_url: "/".to_string(),
            theme: DEFAULT_THEME.to_string(),
            paper: Paper::A4,
            output_dir: PathBuf::from("public"),
            pdf: false,
            language: "en".to_string(),
            extra: Map::new(),
            force: false,
        }
    }

    /// Reads `root/vitae.toml` if there is one; returns the warnings it caused.
    pub fn load(root: &Path) -> Result<(Config, Vec<Diagnostic>), ContentError> {
        let mut config = Config::defaults(root);
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Ok((config, Vec::new()));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            ContentError::one(
                Diagnostic::error(format!("cannot read the file: {e}")).in_file(&path),
            )
        })?;
        let table: toml::Table = toml::from_str(&text).map_err(|e| toml_error(&e, &text, &path))?;
        let warnings = unknown_keys(&table, &text, &path);
        let file: FileConfig = toml::from_str(&text).map_err(|e| toml_error(&e, &text, &path))?;
        config.apply(file);
        let base = config.base_url.clone();
        config.set_base_url(&base).map_err(|d| ContentError::one(d.in_file(&path)))?;
        Ok((config, warnings))
    }

    fn apply(&mut self, f: FileConfig) {
        if let Some(v) = f.title {
            self.title = v;
        }
        if let Some(v) = f.base_url {
            self.base_url = v;
        }
        if let Some(v) = f.theme {
            self.theme = v;
        }
        if let Some(v) = f.paper {
            self.paper = v;
        }
        if let Some(v) = f.output_dir {
            self.output_dir = v;
        }
        if let Some(v) = f.pdf {
            self.pdf = v;
        }
        if let Some(v) = f.language {
            self.language = v;
        }
        if let Some(extra) = f.extra {
            self.extra = serde_json::to_value(extra)
                .ok()
                .and_then(|v| v.as_object().cloned())
                .unwrap_or_default();
        }
    }

    /// Sets the base URL: `/`, a path (`/cv/`) or an absolute http(s) URL; a missing final
    /// slash is added.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        let url = url.trim();
        let ok = url.starts_with('/') || url.starts_with("http://") || url.starts_with("https://");
        if !ok || url.contains(char::is_whitespace) {
            return Err(Diagnostic::error(format!("`{url}` is not a usable base URL"))
                .field("base_url")
                .hint(
                    "use an absolute URL such as https://USER.github.io/REPO/ or a path such as /",
                ));
        }
        self.base_url = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
        Ok(())
    }

    /// The output directory as a path.
    pub fn output_path(&self) -> PathBuf {
        if self.output_dir.is_absolute() {
            self.output_dir.clone()
        } else {
            self.root.join(&self.output_dir)
        }
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

fn toml_error(e: &toml::de::Error, text: &str, path: &Path) -> ContentError {
    let mut d = Diagnostic::error(format!("invalid configuration: {}", e.message()))
        .in_file(path)
        .hint("see the comments in a fresh `vitae new` site's vitae.toml for every key");
    if let Some(span) = e.span() {
        let (line, col) = line_col(text, span.start);
        d = d.at(line, col).with_snippet_from(text);
    }
    ContentError::one(d)
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, col)
}

fn unknown_keys(table: &toml::Table, text: &str, path: &Path) -> Vec<Diagnostic> {
    table
        .keys()
        .filter(|k| !KEYS.contains(&k.as_str()))
        .map(|k| {
            let mut d = Diagnostic::warning(format!("unknown key `{k}` (ignored)")).in_file(path);
            if let Some(best) = KEYS
                .iter()
                .map(|known| (known, strsim::jaro_winkler(k, known)))
                .filter(|(_, s)| *s > 0.8)
                .max_by(|a, b| a.1.total_cmp(&b.1))
            {
                d = d.hint(format!("did you mean `{}`?", best.0));
            }
            if let Some(line) = text.lines().position(|l| l.trim_start().starts_with(k.as_str())) {
                d = d.at(line + 1, 1).with_snippet_from(text);
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(toml: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), toml).unwrap();
        dir
    }

    #[test]
    fn every_key_has_a_default() {
        let dir = tempfile::tempdir().unwrap();
        let (c, w) = Config::load(dir.path()).unwrap();
        assert!(w.is_empty());
        assert_eq!((c.base_url.as_str(), c.theme.as_str(), c.paper), ("/", "classic", Paper::A4));
    }

    #[test]
    fn reads_keys_and_fixes_the_base_url_slash() {
        let dir = site(
            "title = \"Team\"\nbase_url = \"https://octo.github.io/cv\"\npaper = \"letter\"\n[extra]\naccent = \"#c00\"\n",
        );
        let (c, _) = Config::load(dir.path()).unwrap();
        assert_eq!(c.base_url, "https://octo.github.io/cv/");
        assert_eq!(c.paper, Paper::Letter);
        assert_eq!(c.extra["accent"], "#c00");
    }

    #[test]
    fn unknown_keys_warn_with_a_suggestion_and_bad_values_fail_with_a_position() {
        let dir = site("titel = \"x\"\n");
        let (_, w) = Config::load(dir.path()).unwrap();
        assert!(w[0].to_string().contains("did you mean `title`?"), "{}", w[0]);
        let dir = site("paper = \"a5\"\n");
        let e = Config::load(dir.path()).unwrap_err();
        assert_eq!(e.0[0].line, Some(1), "{e}");
    }
}
