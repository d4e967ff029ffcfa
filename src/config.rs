//! `vitae.toml`: optional, every key defaulted. A key that looks like a misspelt one is an
//! error with a suggestion; any other unknown key is a warning. The theme it names and the
//! theme parameters under `[extra]` are checked against the themes there are, with the place in
//! the file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};
use toml::Spanned;

use crate::diag::{ContentError, Diagnostic, did_you_mean};
use crate::render::DEFAULT_THEME;
use crate::render::theme;

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
    /// Whether the footer says "Built with vitae".
    pub credit: bool,
    /// Replace an output directory vitae did not create.
    pub force: bool,
    /// Warnings fail the build (`--strict`).
    pub strict: bool,
    /// Where `vitae.toml` sets the theme and each `[extra]` parameter, for diagnostics.
    places: Places,
}

/// Positions of values in `vitae.toml`.
#[derive(Debug, Clone, Default)]
struct Places {
    file: PathBuf,
    text: String,
    /// The theme's value, as long as nothing overrode it.
    theme: Option<(String, (usize, usize))>,
    extra: HashMap<String, (usize, usize)>,
}

/// The file's shape: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FileConfig {
    title: Option<String>,
    base_url: Option<String>,
    theme: Option<Spanned<String>>,
    paper: Option<Paper>,
    output_dir: Option<PathBuf>,
    pdf: Option<bool>,
    language: Option<String>,
    credit: Option<bool>,
    extra: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

const KEYS: [&str; 9] =
    ["title", "base_url", "theme", "paper", "output_dir", "pdf", "language", "credit", "extra"];

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
            credit: true,
            force: false,
            strict: false,
            places: Places::default(),
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
        let keys: BTreeMap<Spanned<String>, toml::Value> =
            toml::from_str(&text).map_err(|e| toml_error(&e, &text, &path))?;
        let (misspelt, warnings) = unknown_keys(&keys, &text, &path);
        if !misspelt.is_empty() {
            return Err(ContentError(misspelt));
        }
        let file: FileConfig = toml::from_str(&text).map_err(|e| toml_error(&e, &text, &path))?;
        config.places = Places { file: path.clone(), text: text.clone(), ..Places::default() };
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
            let at = line_col(&self.places.text, v.span().start);
            self.places.theme = Some((v.get_ref().clone(), at));
            self.theme = v.into_inner();
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
        if let Some(v) = f.credit {
            self.credit = v;
        }
        for (key, value) in f.extra.unwrap_or_default() {
            let at = line_col(&self.places.text, value.span().start);
            self.places.extra.insert(key.get_ref().clone(), at);
            if let Ok(json) = serde_json::to_value(value.into_inner()) {
                self.extra.insert(key.into_inner(), json);
            }
        }
    }

    /// Sets the base URL: `/`, a path (`/cv/`) or an absolute http(s) URL with a host; a
    /// missing final slash is added. Characters a URL may not hold unencoded (quotes, angle
    /// brackets, spaces, control characters) are refused: the base URL is written into
    /// robots.txt, the sitemap and attributes of every page.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Diagnostic> {
        let url = url.trim();
        let host = ["http://", "https://"]
            .iter()
            .find_map(|scheme| url.strip_prefix(scheme))
            .map(|rest| rest.split('/').next().unwrap_or(""));
        let ok =
            (url.starts_with('/') && !url.starts_with("//")) || host.is_some_and(|h| !h.is_empty());
        let bad = url
            .chars()
            .find(|&c| c.is_whitespace() || c.is_control() || "\"'<>\\^`{|}".contains(c));
        if !ok || bad.is_some() {
            let why = match bad {
                Some(c) => format!(": {c:?} cannot appear in a URL"),
                None => String::new(),
            };
            return Err(Diagnostic::error(format!("`{url}` is not a usable base URL{why}"))
                .field("base_url")
                .hint(
                    "use an absolute URL such as https://USER.github.io/REPO/ or a path such as /; percent-encode other characters",
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

/// Unknown top-level keys: those close to a known key (errors: the value it was meant to set
/// would silently stay at its default) and the others (warnings).
fn unknown_keys(
    keys: &BTreeMap<Spanned<String>, toml::Value>,
    text: &str,
    path: &Path,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let (mut misspelt, mut unknown) = (Vec::new(), Vec::new());
    for key in keys.keys().filter(|k| !KEYS.contains(&k.get_ref().as_str())) {
        let (line, col) = line_col(text, key.span().start);
        let name = key.get_ref();
        match did_you_mean(name, KEYS) {
            Some(known) => misspelt.push(
                Diagnostic::error(format!("unknown key `{name}`"))
                    .in_file(path)
                    .at(line, col)
                    .with_snippet_from(text)
                    .hint(format!("did you mean `{known}`?")),
            ),
            None => unknown.push(
                Diagnostic::warning(format!("unknown key `{name}` (ignored)"))
                    .in_file(path)
                    .at(line, col)
                    .with_snippet_from(text)
                    .hint(format!("the keys vitae reads are {}", KEYS.join(", "))),
            ),
        }
    }
    (misspelt, unknown)
}

impl Config {
    /// Checks that the theme exists and that `[extra]` suits the parameters it declares: an
    /// unknown theme or a value of the wrong type (a colour that is not a CSS colour would reach
    /// the page's CSS) is an error; an `[extra]` key the theme does not know is a warning. Both
    /// point into vitae.toml when it set the value.
    pub fn check_theme(&self) -> Result<Vec<Diagnostic>, ContentError> {
        let themes = theme::list(&self.root).map_err(|e| {
            ContentError::one(Diagnostic::error(format!("cannot list the themes: {e:#}")))
        })?;
        let Some(info) = themes.iter().find(|t| t.name == self.theme) else {
            let names: Vec<&str> = themes.iter().map(|t| t.name.as_str()).collect();
            let mut d = self
                .place_of_theme()
                .unwrap_or_else(|| Diagnostic::error(String::new()).field("--theme"));
            d.message = format!("there is no theme named `{}`", self.theme);
            let suggestion = match did_you_mean(&self.theme, names.iter().copied()) {
                Some(best) => format!("did you mean `{best}`? "),
                None => String::new(),
            };
            return Err(ContentError::one(d.hint(format!(
                "{suggestion}the themes are {} (see `vitae themes`)",
                names.join(", ")
            ))));
        };
        let params = theme::params(&info.params);
        let (mut errors, mut warnings) = (Vec::new(), Vec::new());
        for (key, value) in &self.extra {
            let located = |d: Diagnostic| self.place_of_extra(key, d);
            match params.iter().find(|p| &p.name == key) {
                None => {
                    let names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
                    let hint = match did_you_mean(key, names.iter().copied()) {
                        Some(best) => format!("did you mean `{best}`?"),
                        None if names.is_empty() => format!("`{}` has no parameters", info.name),
                        None => format!("`{}` has {}", info.name, names.join(", ")),
                    };
                    warnings.push(located(
                        Diagnostic::warning(format!(
                            "the theme `{}` has no parameter `{key}` (ignored)",
                            info.name
                        ))
                        .hint(hint),
                    ));
                }
                Some(param) => {
                    if let Err(why) = param.kind.check(value) {
                        errors.push(located(
                            Diagnostic::error(format!("`{key}` {why}")).hint(param.kind.hint()),
                        ));
                    }
                }
            }
        }
        if errors.is_empty() { Ok(warnings) } else { Err(ContentError(errors)) }
    }

    /// A diagnostic at the theme's value in vitae.toml, when the theme came from there.
    fn place_of_theme(&self) -> Option<Diagnostic> {
        let (name, (line, col)) = self.places.theme.as_ref()?;
        (name == &self.theme).then(|| {
            Diagnostic::error(String::new())
                .in_file(&self.places.file)
                .at(*line, *col)
                .with_snippet_from(&self.places.text)
        })
    }

    /// `d` placed at the value of `[extra] key` in vitae.toml.
    fn place_of_extra(&self, key: &str, d: Diagnostic) -> Diagnostic {
        match self.places.extra.get(key) {
            Some((line, col)) => d
                .in_file(&self.places.file)
                .at(*line, *col)
                .with_snippet_from(&self.places.text)
                .field(format!("extra.{key}")),
            None => d.field(format!("extra.{key}")),
        }
    }
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
    fn base_urls_that_would_break_out_of_robots_txt_or_attributes_are_refused() {
        let mut c = Config::defaults(".");
        for bad in [
            "https://x.example/\"><script>",
            "https://x.example/'a",
            "https://x.example/<b>",
            "https://x.example/a b",
            "https://x.example/\u{7}",
            "https://",
            "//x.example/",
            "ftp://x.example/",
        ] {
            let err = c.set_base_url(bad).unwrap_err();
            assert!(err.message.contains("not a usable base URL"), "{bad}: {err}");
        }
        for good in ["/", "/cv", "https://octo.github.io/cv/", "http://localhost:8000/a%20b/"] {
            c.set_base_url(good).unwrap();
        }
        assert_eq!(c.base_url, "http://localhost:8000/a%20b/");
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
    fn a_misspelt_key_fails_where_it_is_and_an_unknown_one_warns() {
        let dir = site("title = \"x\"\n  titel = \"x\"\n");
        let e = Config::load(dir.path()).unwrap_err();
        assert_eq!(
            e.0[0].to_string(),
            format!(
                "error: {}:2:3: unknown key `titel`\n 2 |   titel = \"x\"\n   |   ^\n  help: did you mean `title`?",
                dir.path().join(CONFIG_FILE).display()
            )
        );
        let dir = site("[markup]\nx = 1\n");
        let (_, w) = Config::load(dir.path()).unwrap();
        assert_eq!((w[0].line, w[0].column), (Some(1), Some(2)), "{}", w[0]);
        assert!(w[0].to_string().contains("unknown key `markup` (ignored)"), "{}", w[0]);
        let dir = site("paper = \"a5\"\n");
        let e = Config::load(dir.path()).unwrap_err();
        assert_eq!(e.0[0].line, Some(1), "{e}");
    }

    #[test]
    fn an_unknown_theme_points_at_vitae_toml_with_a_suggestion() {
        let dir = site("title = \"x\"\ntheme = \"moden\"\n");
        let (c, _) = Config::load(dir.path()).unwrap();
        let e = c.check_theme().unwrap_err();
        assert_eq!(
            e.0[0].to_string(),
            format!(
                "error: {}:2:9: there is no theme named `moden`\n 2 | theme = \"moden\"\n   |         ^\n  help: did you mean `modern`? the themes are classic, compact, modern (see `vitae themes`)",
                dir.path().join(CONFIG_FILE).display()
            )
        );
        let mut c = c;
        c.theme = "nope".into();
        let e = c.check_theme().unwrap_err();
        assert_eq!(
            e.0[0].to_string(),
            "error: --theme: there is no theme named `nope`\n  help: the themes are classic, compact, modern (see `vitae themes`)"
        );
    }

    #[test]
    fn a_theme_parameter_that_is_not_a_colour_is_an_error_at_its_value() {
        let dir =
            site("[extra]\naccent = \"not a colour; } body{display:none\"\naccnt = \"#fff\"\n");
        let (c, _) = Config::load(dir.path()).unwrap();
        let e = c.check_theme().unwrap_err();
        assert_eq!(e.0.len(), 1, "{e}");
        let d = &e.0[0];
        assert_eq!((d.line, d.column), (Some(2), Some(10)), "{d}");
        assert_eq!(d.field.as_deref(), Some("extra.accent"));
        assert!(d.message.contains("is not a CSS colour"), "{d}");
        assert!(d.hint.as_deref().unwrap().contains("#1d4e89"), "{d}");

        let dir = site("[extra]\naccent = \"rgb(10 20 30 / 50%)\"\naccnt = \"#fff\"\n");
        let (c, _) = Config::load(dir.path()).unwrap();
        let w = c.check_theme().unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].line, w[0].hint.as_deref()), (Some(3), Some("did you mean `accent`?")));
    }
}
