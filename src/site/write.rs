//! Writing output safely: nothing the user sees changes until the whole build succeeded.
//! A first build (or one with PDFs) fills a staging directory beside the output and swaps it
//! in. A rebuild of vitae's own output updates it in place: changed files are written under
//! temporary names beside their targets and renamed over them at the end, unchanged files are
//! not touched, files no longer produced are removed. On a failure every temporary file goes.
//! vitae marks the directories it creates and never replaces a non-empty directory without
//! that mark unless forced.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use crate::diag::{ContentError, Diagnostic};
use crate::fsutil;

/// The file that marks a directory as vitae's output.
pub const MARKER: &str = ".vitae-output";
const MARKER_TEXT: &[u8] = b"This directory was written by vitae; `vitae build` may replace it.\n";

/// Where a build writes: a staging directory (removed on drop unless swapped in), or the
/// output itself updated in place (undone on drop unless committed).
pub struct Staging {
    dir: PathBuf,
    /// Set when `dir` is the output itself, updated in place.
    in_place: Option<InPlace>,
    done: bool,
}

/// What an in-place update has done so far, to finish it or to undo it.
#[derive(Default)]
struct InPlace {
    /// Every path written (changed or not), relative: what the output holds afterwards.
    written: Mutex<HashSet<String>>,
    /// Temporary files and the paths they replace on commit.
    pending: Mutex<Vec<(PathBuf, PathBuf)>>,
    /// Directories this build created, removed again if it fails.
    created: Mutex<Vec<PathBuf>>,
}

impl Staging {
    /// Where a build of `output` writes: the output itself when it is vitae's and `in_place`
    /// is allowed (a rebuild), else a staging directory beside it.
    pub fn for_output(output: &Path, in_place: bool) -> Result<Self> {
        if !(in_place && output.join(MARKER).is_file()) {
            return Self::beside(output);
        }
        let staging =
            Self { dir: output.to_path_buf(), in_place: Some(InPlace::default()), done: false };
        staging.write(MARKER, MARKER_TEXT)?;
        Ok(staging)
    }

    /// Creates an empty staging directory next to `output` (same file system, so the swap is a
    /// rename).
    pub fn beside(output: &Path) -> Result<Self> {
        let parent =
            output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fsutil::create_dir_all(parent)?;
        let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = parent.join(format!(".{name}.vitae-staging-{}", std::process::id()));
        if dir.exists() {
            fsutil::remove_dir_all(&dir)?;
        }
        fsutil::create_dir_all(&dir)?;
        let staging = Self { dir, in_place: None, done: false };
        staging.write(MARKER, MARKER_TEXT)?;
        Ok(staging)
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` at `rel` inside the staging directory.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        if rel.split('/').any(|part| part == ".." || part.is_empty()) {
            bail!("refusing to write outside the output directory: `{rel}`");
        }
        let path = self.dir.join(rel);
        match &self.in_place {
            Some(state) => state.write(rel, &path, bytes),
            None => fsutil::write(&path, bytes),
        }
    }

    /// Makes the build visible: commits an in-place update, or replaces `output` with the
    /// staged files (the old output is moved aside first, deleted once the new one is in place).
    pub fn swap_into(mut self, output: &Path) -> Result<()> {
        if let Some(state) = &self.in_place {
            state.commit(&self.dir)?;
            self.done = true;
            return Ok(());
        }
        let old = output.with_file_name(format!(
            ".{}.vitae-old-{}",
            output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            std::process::id()
        ));
        let had_old = output.exists();
        if had_old {
            fsutil::rename(output, &old)?;
        }
        if let Err(e) = fsutil::rename(&self.dir, output) {
            if had_old {
                let _ = std::fs::rename(&old, output);
            }
            return Err(e);
        }
        self.done = true;
        if had_old {
            fsutil::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl InPlace {
    /// Leaves `path` alone when it holds `bytes` already; otherwise writes a temporary file
    /// beside it, renamed over it on commit.
    fn write(&self, rel: &str, path: &Path, bytes: &[u8]) -> Result<()> {
        lock(&self.written).insert(rel.to_string());
        if holds(path, bytes) {
            return Ok(());
        }
        let parent = path.parent().unwrap_or(Path::new("."));
        if !parent.is_dir() {
            let mut top = parent;
            while let Some(up) = top.parent().filter(|p| !p.is_dir()) {
                top = up;
            }
            fsutil::create_dir_all(parent)?;
            lock(&self.created).push(top.to_path_buf());
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = parent.join(format!(".{name}.vitae-new-{}", std::process::id()));
        fsutil::write(&temp, bytes)?;
        lock(&self.pending).push((temp, path.to_path_buf()));
        Ok(())
    }

    /// Renames every changed file into place, then removes what the build no longer makes.
    fn commit(&self, output: &Path) -> Result<()> {
        for (temp, path) in lock(&self.pending).drain(..) {
            fsutil::rename(&temp, &path)?;
        }
        let written = lock(&self.written);
        let mut dirs = Vec::new();
        for entry in walkdir::WalkDir::new(output).min_depth(1).contents_first(true) {
            let entry = entry?;
            let rel = entry.path().strip_prefix(output).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                dirs.push(entry.path().to_path_buf());
            } else if !written.contains(&rel) {
                std::fs::remove_file(entry.path())
                    .with_context(|| format!("cannot remove `{}`", entry.path().display()))?;
            }
        }
        // Deepest first (contents_first): a directory left empty above goes too.
        for dir in dirs {
            let _ = std::fs::remove_dir(dir);
        }
        Ok(())
    }

    /// Removes every temporary file and created directory: the output is as it was.
    fn undo(&self) {
        for (temp, _) in lock(&self.pending).drain(..) {
            let _ = std::fs::remove_file(temp);
        }
        for dir in lock(&self.created).drain(..) {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The guarded value; a panic elsewhere while it was held does not make it unusable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether the file at `path` holds exactly `bytes` (length first, so most changes cost a stat).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).ok().as_deref() == Some(bytes)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        match &self.in_place {
            Some(state) => state.undo(),
            None => {
                let _ = std::fs::remove_dir_all(&self.dir);
            }
        }
    }
}

/// Refuses outputs that would destroy the site or someone else's files: the site root itself
/// or one of its parents (always), and a non-empty directory vitae did not create (unless
/// `force`).
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<(), ContentError> {
    let root_abs = absolute(root);
    let out_abs = absolute(output);
    if root_abs.starts_with(&out_abs) {
        return Err(ContentError::one(
            Diagnostic::error("the output directory contains the site itself; building there would delete your content")
                .in_file(output)
                .hint("choose an output directory inside the site, such as `public`"),
        ));
    }
    for source in ["content", "templates", "themes", "static"] {
        if out_abs.starts_with(root_abs.join(source)) {
            return Err(ContentError::one(
                Diagnostic::error(format!("the output directory is inside the site's `{source}/`"))
                    .in_file(output)
                    .hint("choose an output directory such as `public`"),
            ));
        }
    }
    if output.is_file() {
        return Err(ContentError::one(
            Diagnostic::error("the output path is a file, not a directory")
                .in_file(output)
                .hint("choose another --output"),
        ));
    }
    let foreign = output.is_dir()
        && !output.join(MARKER).is_file()
        && std::fs::read_dir(output).map(|mut d| d.next().is_some()).unwrap_or(true);
    if foreign && !force {
        return Err(ContentError::one(
            Diagnostic::error("the output directory is not empty and was not created by vitae; nothing was changed")
                .in_file(output)
                .hint("choose another --output, or pass --force to replace its contents"),
        ));
    }
    Ok(())
}

/// `path` made absolute and normalised lexically (`..` resolved), without touching the disk
/// for parts that do not exist yet.
fn absolute(path: &Path) -> PathBuf {
    use std::path::Component;
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolve `.` and `..` by text first: a path like `out/../..` names its grandparent even
    // when `out` does not exist.
    let mut lexical = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    // Then canonicalise the longest existing ancestor, so symlinks resolve.
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(p), Some(n)) => {
                rest.push(n.to_os_string());
                existing = p;
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_site_root_its_parents_and_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        for bad in
            [root.clone(), dir.path().to_path_buf(), root.join("content/out"), root.join("x/../..")]
        {
            assert!(check_output(&root, &bad, true).is_err(), "{}", bad.display());
        }
        assert!(check_output(&root, &root.join("public"), false).is_ok());
    }

    #[test]
    fn a_foreign_non_empty_directory_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        assert!(check_output(dir.path(), &out, false).is_ok(), "empty is fine");
        std::fs::write(out.join("keep.txt"), "mine").unwrap();
        assert!(check_output(dir.path(), &out, false).is_err());
        assert!(check_output(dir.path(), &out, true).is_ok());
        std::fs::write(out.join(MARKER), "").unwrap();
        assert!(check_output(dir.path(), &out, false).is_ok(), "ours");
    }

    #[test]
    fn staging_is_removed_when_dropped_and_swapped_in_when_done() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        {
            let s = Staging::beside(&out).unwrap();
            s.write("a/index.html", b"x").unwrap();
            assert!(s.write("../evil", b"x").is_err());
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let s = Staging::beside(&out).unwrap();
        s.write("a/index.html", b"new").unwrap();
        s.swap_into(&out).unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
