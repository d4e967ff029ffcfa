//! Discovery: which files in `content/` are resumes, and the slug of each.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{ContentError, Diagnostic};
use crate::parse::Format;

/// Slugs that would collide with what a build writes at the output root.
const RESERVED: [&str; 2] = ["assets", "__vitae"];

/// One resume file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFile {
    pub path: PathBuf,
    pub slug: String,
    pub format: Format,
}

/// Lists the resumes directly in `content_dir`, sorted by slug. Files of other types are
/// skipped with a warning; two files with the same slug are an error. A symbolic link to a
/// regular file is read like the file (`content/me.yaml -> ~/cv.yaml`); one that points
/// nowhere, to something else, or into `output` (vitae's own output, which a build replaces)
/// is skipped with a warning saying why.
pub fn discover(
    content_dir: &Path,
    output: &Path,
) -> Result<(Vec<ContentFile>, Vec<Diagnostic>), ContentError> {
    if !content_dir.is_dir() {
        return Err(ContentError::one(
            Diagnostic::error("there is no content directory")
                .in_file(content_dir)
                .hint("create it and put your resume in it (e.g. content/me.yaml), or run `vitae new DIR` for a ready site"),
        ));
    }
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let walker = WalkDir::new(content_dir).min_depth(1).max_depth(1).sort_by_file_name();
    for entry in walker {
        let entry = entry.map_err(|e| {
            ContentError::one(
                Diagnostic::error(format!("cannot list the directory: {e}")).in_file(content_dir),
            )
        })?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || is_editor_temp(&name) {
            continue;
        }
        if entry.path_is_symlink() {
            if let Some(why) = unreadable_link(path, output) {
                warnings.push(
                    Diagnostic::warning(format!("skipped: this symbolic link {why}"))
                        .in_file(path)
                        .hint("point the link at a resume file outside the output directory, or replace it with the file"),
                );
                continue;
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        match Format::from_path(path) {
            Some(format) => {
                files.push(ContentFile { path: path.to_path_buf(), slug: slug_of(path), format })
            }
            None => warnings.push(
                Diagnostic::warning("skipped: not a resume format vitae reads")
                    .in_file(path)
                    .hint("resumes are .yaml, .yml, .json, .md, .txt, .rst, .org, .adoc, .tex, .html, .pdf, .docx or .odt files"),
            ),
        }
    }
    check_slugs(&files)?;
    files.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok((files, warnings))
}

/// Why the symbolic link at `path` cannot be read as a resume, or `None` when it points to a
/// regular file outside `output`.
fn unreadable_link(path: &Path, output: &Path) -> Option<String> {
    let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
    let Ok(meta) = std::fs::metadata(path) else {
        return Some(format!("points to `{target}`, which does not exist"));
    };
    if !meta.is_file() {
        let what = if meta.is_dir() { "a directory" } else { "no regular file" };
        return Some(format!("points to `{target}`, {what}"));
    }
    let real = std::fs::canonicalize(path).ok()?;
    let output = std::fs::canonicalize(output).ok()?;
    real.starts_with(output)
        .then(|| format!("points into the output directory (`{target}`), which a build replaces"))
}

fn is_editor_temp(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
}

/// The URL-safe form of a file stem: lower case, runs of other characters as one `-`.
pub fn slug_of(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut slug = String::with_capacity(stem.len());
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() { "resume".to_string() } else { slug }
}

fn check_slugs(files: &[ContentFile]) -> Result<(), ContentError> {
    let mut errors = Vec::new();
    for (i, f) in files.iter().enumerate() {
        if RESERVED.contains(&f.slug.as_str()) {
            errors.push(
                Diagnostic::error(format!(
                    "the name `{}` is reserved for vitae's own files",
                    f.slug
                ))
                .in_file(&f.path)
                .hint("rename the file"),
            );
        }
        if let Some(other) = files[..i].iter().find(|o| o.slug == f.slug) {
            errors.push(
                Diagnostic::error(format!(
                    "this resume and `{}` would both be published at `{}/`",
                    other.path.display(),
                    f.slug
                ))
                .in_file(&f.path)
                .hint("rename one of the two files"),
            );
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(ContentError(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug_of(Path::new("content/Ada Lovelace.yaml")), "ada-lovelace");
        assert_eq!(slug_of(Path::new("Zoë_Ng!.md")), "zoë_ng");
        assert_eq!(slug_of(Path::new("---.txt")), "resume");
    }

    #[test]
    fn finds_resumes_skips_others_and_refuses_duplicate_slugs() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.yaml", "a.md", "notes.zip", ".hidden.json", "c.json~", "cv.docx", "d.pdf"] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        let (files, warnings) = discover(dir.path(), &dir.path().join("public")).unwrap();
        let slugs: Vec<&str> = files.iter().map(|f| f.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b", "cv", "d"]);
        assert_eq!(warnings.len(), 1);
        std::fs::write(dir.path().join("A.json"), "{}").unwrap();
        let err = discover(dir.path(), &dir.path().join("public")).unwrap_err();
        assert!(err.to_string().contains("both be published at `a/`"), "{err}");
    }
}
