//! `vitae new`: a ready site with every key of vitae.toml commented, a resume (a fictional
//! example that uses every section, or the person's own resume imported), a .gitignore and a
//! GitHub Pages workflow that installs the release this vitae was built as. Like `cargo init`,
//! it adds beside files that are there and refuses only to overwrite one; an existing
//! `.gitignore` gains the lines it lacks.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::diag::{ContentError, Diagnostic};
use crate::{fsutil, parse};

const CONFIG: &str = include_str!("vitae.toml");
const GITIGNORE: &str = include_str!("gitignore");
const WORKFLOW: &str = include_str!("pages.yml");
/// The repository's own example resume, so the scaffold and the example site never drift.
const EXAMPLE: &str = include_str!("../../content/avery-quinn.yaml");
/// What a new site's example says about itself, in place of the repository's header comment.
const EXAMPLE_HEADER: &str = "\
# A fictional example resume that uses every JSON Resume section. Replace it with yours: edit
# this file, or import the resume you have (`vitae import old-resume.md > content/me.yaml`) and
# delete this one. `vitae serve` shows the site and updates it on every save.
";

/// Where the workflow lives in a site.
pub const WORKFLOW_PATH: &str = ".github/workflows/pages.yml";
/// The workflow line that pins the release (`VITAE_VERSION: "0.1.0"`).
const VERSION_KEY: &str = "VITAE_VERSION:";

/// What the new site's content/ holds.
pub enum Content {
    /// The fictional example resume.
    Example,
    /// A resume imported from `from`: its YAML, headed by the import's warnings.
    Imported { from: PathBuf, slug: String, yaml: String },
}

impl Content {
    /// Imports `file` (any format `vitae import` reads). Its warnings become comments at the
    /// top of the YAML and are returned to be printed; an unreadable file is an error and
    /// nothing is written.
    pub fn import(file: &Path) -> Result<(Content, Vec<Diagnostic>)> {
        let bytes = fsutil::read(file)?;
        let parsed = parse::import(&bytes, file)?;
        let mut yaml = String::new();
        if !parsed.diagnostics.is_empty() {
            yaml.push_str(&format!(
                "# Imported from {} by vitae {}. Check what it says below, fix the\n# resume, then delete these comments.\n#\n",
                file.display(),
                env!("CARGO_PKG_VERSION")
            ));
            for d in &parsed.diagnostics {
                for line in d.to_string().lines() {
                    yaml.push_str(&format!("# {line}\n"));
                }
            }
        }
        yaml.push_str(&parse::yaml::to_string(&parsed.resume));
        let slug = slug_of(file);
        Ok((Content::Imported { from: file.to_path_buf(), slug, yaml }, parsed.diagnostics))
    }
}

/// A page slug from a file name: `Jane Doe CV.pdf` → `jane-doe-cv`.
fn slug_of(file: &Path) -> String {
    let stem = file.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
    let slug: String = stem
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() { "resume".to_string() } else { slug }
}

/// The files of a new site, relative to its directory.
pub fn files(content: &Content) -> Vec<(String, String)> {
    let resume = match content {
        Content::Example => ("content/example.yaml".to_string(), example()),
        Content::Imported { slug, yaml, .. } => (format!("content/{slug}.yaml"), yaml.clone()),
    };
    vec![
        ("vitae.toml".to_string(), CONFIG.to_string()),
        resume,
        (".gitignore".to_string(), GITIGNORE.to_string()),
        (WORKFLOW_PATH.to_string(), workflow()),
    ]
}

/// The example resume with a header that speaks to the site's owner.
fn example() -> String {
    let body: Vec<&str> = EXAMPLE.lines().skip_while(|l| l.starts_with('#')).collect();
    format!("{EXAMPLE_HEADER}{}\n", body.join("\n"))
}

/// The Pages workflow, pinned to this version and pointing at the project's home.
pub fn workflow() -> String {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let slug = repository.trim_start_matches("https://github.com/");
    WORKFLOW
        .replace("__VITAE_VERSION__", env!("CARGO_PKG_VERSION"))
        .replace("__VITAE_REPOSITORY__", repository)
        .replace("__VITAE_REPO_SLUG__", slug)
}

/// Creates a site in `dir` (made if missing), beside whatever is there. Refuses, writing
/// nothing, when one of its files exists; an existing `.gitignore` gains the lines it lacks.
/// Returns the files written or extended.
pub fn new_site(dir: &Path, content: &Content) -> Result<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        return Err(ContentError::one(
            Diagnostic::error("a file with this name exists")
                .in_file(dir)
                .hint("choose a new directory name, or an existing directory"),
        )
        .into());
    }
    let files = files(content);
    let clashes: Vec<Diagnostic> = files
        .iter()
        .filter(|(rel, _)| rel != ".gitignore" && dir.join(rel).exists())
        .map(|(rel, _)| {
            Diagnostic::error("this file exists; vitae never overwrites it, so nothing was changed")
                .in_file(dir.join(rel))
                .hint(clash_hint(rel, content))
        })
        .collect();
    if !clashes.is_empty() {
        return Err(ContentError(clashes).into());
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(&rel);
        if rel == ".gitignore" && path.exists() {
            if extend_gitignore(&path, &text)? {
                written.push(path);
            }
            continue;
        }
        fsutil::write(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

fn clash_hint(rel: &str, content: &Content) -> String {
    match (rel, content) {
        (WORKFLOW_PATH, _) => {
            "to move its vitae version to this one, run `vitae new DIR --update-workflow`".into()
        }
        (_, Content::Imported { from, .. }) if rel.starts_with("content/") => format!(
            "this site has that resume already: `vitae import {} > {rel}` replaces it",
            from.display()
        ),
        _ => "move it aside, or create the site in another directory".into(),
    }
}

/// Appends the lines of `ours` that `path` lacks; returns whether it changed.
fn extend_gitignore(path: &Path, ours: &str) -> Result<bool> {
    let theirs = fsutil::read_to_string(path)?;
    let present: Vec<&str> = theirs.lines().map(str::trim).collect();
    let missing: Vec<&str> = ours
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !present.contains(&l.trim()))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = theirs;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("\n# vitae\n{}\n", missing.join("\n")));
    fsutil::write(path, text.as_bytes())?;
    Ok(true)
}

/// Sets the release the site's Pages workflow installs to this vitae's version (writing the
/// workflow when the site has none). Returns the version it replaced, if any.
pub fn update_workflow(dir: &Path) -> Result<Option<String>> {
    let path = dir.join(WORKFLOW_PATH);
    if !path.exists() {
        fsutil::write(&path, workflow().as_bytes())?;
        return Ok(None);
    }
    let text = fsutil::read_to_string(&path)?;
    let Some((line_no, old)) = pinned_version(&text) else {
        return Err(ContentError::one(
            Diagnostic::error(format!("no `{VERSION_KEY} \"…\"` line to update"))
                .in_file(&path)
                .hint(format!(
                    "this workflow was not made by `vitae new`: delete it and run `vitae new {}` to write the current one",
                    dir.display()
                )),
        )
        .into());
    };
    let version = env!("CARGO_PKG_VERSION");
    let updated: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == line_no {
                let indent = &l[..l.len() - l.trim_start().len()];
                format!("{indent}{VERSION_KEY} \"{version}\"")
            } else {
                l.to_string()
            }
        })
        .collect();
    let mut out = updated.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    fsutil::write(&path, out.as_bytes())?;
    Ok(Some(old))
}

/// The line index and value of the workflow's `VITAE_VERSION: "x.y.z"`.
fn pinned_version(text: &str) -> Option<(usize, String)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let value = l.trim_start().strip_prefix(VERSION_KEY)?;
        Some((i, value.trim().trim_matches(['"', '\'']).to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_the_file_name() {
        assert_eq!(slug_of(Path::new("/x/Jane Doe CV.pdf")), "jane-doe-cv");
        assert_eq!(slug_of(Path::new("résumé_2024.md")), "résumé-2024");
        assert_eq!(slug_of(Path::new("---.txt")), "resume");
    }

    #[test]
    fn the_workflow_pins_this_version_from_the_projects_home() {
        let w = workflow();
        assert!(!w.contains("__"), "a placeholder is left:\n{w}");
        assert_eq!(pinned_version(&w).map(|(_, v)| v).as_deref(), Some(env!("CARGO_PKG_VERSION")));
        assert!(w.contains(&format!("{}/releases/download", env!("CARGO_PKG_REPOSITORY"))));
        assert!(w.contains("depName=vitae-cv/vitae "), "{w}");
    }

    #[test]
    fn the_example_speaks_to_the_sites_owner() {
        let e = example();
        assert!(e.starts_with(EXAMPLE_HEADER) && !e.contains("cargo run"), "{e}");
        assert!(e.contains("basics:\n  name: Avery Quinn"));
    }
}
