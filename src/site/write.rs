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

use crate::fsutil;

/// vitae's cache at the site root: what it keeps between builds, never inside the output.
pub const CACHE_DIR: &str = ".vitae";

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

#[cfg(test)]
mod tests {
    use super::*;

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
