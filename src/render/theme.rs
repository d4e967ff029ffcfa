//! Themes and the layered template lookup.
//!
//! A template is looked up in three layers, the first that has it wins:
//! 1. the site's `templates/` (one file overrides one template, e.g. `partials/footer.html`);
//! 2. the theme's `templates/` (`themes/NAME/` in the site, else the built-in theme NAME; a
//!    site theme named like a built-in replaces it entirely);
//! 3. vitae's built-in `templates/`, compiled into the binary. Each is also reachable as
//!    `vitae/NAME`, so an override can extend the template it replaces.
//!
//! A theme's `static/` files are copied to `assets/` in the output.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use include_dir::{Dir, include_dir};
use serde::Deserialize;
use walkdir::WalkDir;

use crate::fsutil;

static BUILTIN_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static BUILTIN_THEMES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes");

/// The theme used when neither `--theme` nor `vitae.toml` names one.
pub const DEFAULT_THEME: &str = "classic";

/// Where a theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    Site(PathBuf),
}

/// `theme.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeManifest {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: String,
    /// Parameters with their defaults; `[extra]` in vitae.toml overrides them.
    #[serde(default)]
    pub params: toml::Table,
}

/// One file of a theme or template layer: its name and text, and where it came from (for
/// error messages).
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
    pub origin: String,
}

/// A loaded theme: its manifest, templates and static assets.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub origin: Origin,
    pub manifest: ThemeManifest,
    pub templates: Vec<Source>,
    /// Paths relative to `assets/` and their bytes.
    pub assets: Vec<(String, Vec<u8>)>,
}

/// A theme as `vitae themes` lists it.
#[derive(Debug, Clone)]
pub struct ThemeInfo {
    pub name: String,
    pub description: String,
    pub origin: Origin,
    /// Parameters and their defaults.
    pub params: toml::Table,
}

/// Every theme the site can use: its own first, then built-ins it does not replace.
pub fn list(root: &Path) -> Result<Vec<ThemeInfo>> {
    let mut out = Vec::new();
    let site_dir = root.join("themes");
    if site_dir.is_dir() {
        for entry in std::fs::read_dir(&site_dir)
            .with_context(|| format!("failed to list `{}`", site_dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                let name = file_name(&path);
                let manifest = read_site_manifest(&path)?;
                out.push(ThemeInfo {
                    name,
                    description: manifest.description,
                    origin: Origin::Site(path),
                    params: manifest.params,
                });
            }
        }
    }
    for dir in BUILTIN_THEMES.dirs() {
        let name = file_name(dir.path());
        if out.iter().any(|t| t.name == name) {
            continue;
        }
        let manifest = builtin_manifest(dir)?;
        out.push(ThemeInfo {
            name,
            description: manifest.description,
            origin: Origin::BuiltIn,
            params: manifest.params,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Loads theme `name` for the site at `root`.
pub fn load(root: &Path, name: &str) -> Result<Theme> {
    let site_dir = root.join("themes").join(name);
    if site_dir.is_dir() {
        return load_site_theme(&site_dir, name);
    }
    match BUILTIN_THEMES.get_dir(name) {
        Some(dir) => load_builtin_theme(dir, name),
        None => {
            let known: Vec<String> = list(root)?.into_iter().map(|t| t.name).collect();
            bail!(
                "there is no theme named `{name}`; available: {} (see `vitae themes`)",
                known.join(", ")
            )
        }
    }
}

fn builtin_manifest(dir: &'static Dir<'static>) -> Result<ThemeManifest> {
    let text = dir
        .get_file(dir.path().join("theme.toml"))
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default();
    parse_manifest(text, &format!("built-in theme {}/theme.toml", dir.path().display()))
}

fn read_site_manifest(dir: &Path) -> Result<ThemeManifest> {
    let path = dir.join("theme.toml");
    if !path.is_file() {
        return Ok(ThemeManifest::default());
    }
    parse_manifest(&fsutil::read_to_string(&path)?, &path.display().to_string())
}

fn parse_manifest(text: &str, origin: &str) -> Result<ThemeManifest> {
    toml::from_str(text).with_context(|| format!("invalid theme manifest `{origin}`"))
}

fn load_builtin_theme(dir: &'static Dir<'static>, name: &str) -> Result<Theme> {
    let mut templates = Vec::new();
    let mut assets = Vec::new();
    let prefix = dir.path().to_path_buf();
    for file in all_files(dir) {
        let rel = file.path().strip_prefix(&prefix).unwrap_or(file.path());
        let rel_str = slash_path(rel);
        if let Some(t) = rel_str.strip_prefix("templates/") {
            templates.push(Source {
                name: t.to_string(),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
                origin: format!("built-in theme `{name}`"),
            });
        } else if let Some(a) = rel_str.strip_prefix("static/") {
            assets.push((a.to_string(), file.contents().to_vec()));
        }
    }
    Ok(Theme {
        name: name.to_string(),
        origin: Origin::BuiltIn,
        manifest: builtin_manifest(dir)?,
        templates,
        assets,
    })
}

fn load_site_theme(dir: &Path, name: &str) -> Result<Theme> {
    let templates = read_tree(&dir.join("templates"))?;
    let mut assets = Vec::new();
    let static_dir = dir.join("static");
    for (rel, path) in files_under(&static_dir)? {
        assets.push((rel, fsutil::read(&path)?));
    }
    Ok(Theme {
        name: name.to_string(),
        origin: Origin::Site(dir.to_path_buf()),
        manifest: read_site_manifest(dir)?,
        templates,
        assets,
    })
}

/// Prefix under which every built-in template stays reachable even when a theme or site
/// overrides it, so a theme's `resume.html` can `{% extends "vitae/resume.html" %}` and
/// replace only some blocks.
pub const BUILTIN_PREFIX: &str = "vitae/";

/// The built-in template layer: each file under its own name and under [`BUILTIN_PREFIX`].
pub fn builtin_templates() -> Vec<Source> {
    all_files(&BUILTIN_TEMPLATES)
        .flat_map(|f| {
            let name = slash_path(f.path());
            let text = String::from_utf8_lossy(f.contents()).into_owned();
            let origin = "built-in templates".to_string();
            [
                Source {
                    name: format!("{BUILTIN_PREFIX}{name}"),
                    text: text.clone(),
                    origin: origin.clone(),
                },
                Source { name, text, origin },
            ]
        })
        .collect()
}

/// Every template file under `dir` (a site's `templates/` or a theme's), named by its
/// relative path. A missing directory is an empty layer.
pub fn read_tree(dir: &Path) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for (rel, path) in files_under(dir)? {
        out.push(Source {
            name: rel,
            text: fsutil::read_to_string(&path)?,
            origin: path.display().to_string(),
        });
    }
    Ok(out)
}

/// Regular files below `dir` (following no links out of it), sorted, skipping hidden ones.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("failed to walk `{}`", dir.display()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            out.push((slash_path(rel), entry.path().to_path_buf()));
        }
    }
    Ok(out)
}

fn all_files(
    dir: &'static Dir<'static>,
) -> impl Iterator<Item = &'static include_dir::File<'static>> {
    let mut stack = vec![dir];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        files.extend(d.files());
        stack.extend(d.dirs());
    }
    files.sort_by_key(|f| f.path());
    files.into_iter()
}

/// Template names use `/` on every platform.
fn slash_path(p: &Path) -> String {
    p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
