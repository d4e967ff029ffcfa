//! `vitae new`: a ready site with every key of vitae.toml commented, a fictional example resume
//! that uses every section, a .gitignore and a GitHub Pages workflow.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::diag::{ContentError, Diagnostic};
use crate::fsutil;

const CONFIG: &str = include_str!("vitae.toml");
const GITIGNORE: &str = include_str!("gitignore");
const WORKFLOW: &str = include_str!("pages.yml");
/// The repository's own example resume, so the scaffold and the example site never drift.
const EXAMPLE: &str = include_str!("../../content/avery-quinn.yaml");

/// The files of a new site, relative to its directory.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("vitae.toml", CONFIG.to_string()),
        ("content/example.yaml", EXAMPLE.to_string()),
        (".gitignore", GITIGNORE.to_string()),
        (
            ".github/workflows/pages.yml",
            WORKFLOW.replace("__VITAE_VERSION__", env!("CARGO_PKG_VERSION")),
        ),
    ]
}

/// Creates a site in `dir`, which must be missing or empty. Returns the files written.
pub fn new_site(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Err(ContentError::one(
            Diagnostic::error("a file with this name exists")
                .in_file(dir)
                .hint("choose a new directory name"),
        )
        .into());
    }
    if dir.is_dir() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        return Err(ContentError::one(
            Diagnostic::error("the directory is not empty; nothing was changed")
                .in_file(dir)
                .hint("choose a new or empty directory"),
        )
        .into());
    }
    let mut written = Vec::new();
    for (rel, text) in files() {
        let path = dir.join(rel);
        fsutil::write(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
