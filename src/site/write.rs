//! Writing output safely: everything goes into a staging directory beside the output, which is
//! swapped in only when the whole build succeeded. vitae marks the directories it creates and
//! never replaces a non-empty directory without that mark unless forced.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::diag::{ContentError, Diagnostic};
use crate::fsutil;

/// The file that marks a directory as vitae's output.
pub const MARKER: &str = ".vitae-output";

/// A directory being filled; removed on drop unless it was swapped in.
pub struct Staging {
    dir: PathBuf,
    /// The output being replaced, when it is vitae's: its unchanged files are linked, not
    /// rewritten.
    previous: Option<PathBuf>,
    done: bool,
}

impl Staging {
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
        let previous = output.join(MARKER).is_file().then(|| output.to_path_buf());
        let staging = Self { dir, previous, done: false };
        staging.write(
            MARKER,
            b"This directory was written by vitae; `vitae build` may replace it.\n",
        )?;
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
        if let Some(previous) = &self.previous
            && link_if_unchanged(&previous.join(rel), &path, bytes)
        {
            return Ok(());
        }
        fsutil::write(&path, bytes)
    }

    /// Replaces `output` with the staged files. The old output is moved aside first and deleted
    /// only after the new one is in place.
    pub fn swap_into(mut self, output: &Path) -> Result<()> {
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

/// Hard-links `old` to `new` when `old` holds exactly `bytes`. Rebuilding then allocates no new
/// inode for an unchanged file (on ext4 that, not writing, was most of a small build's system
/// time) and unchanged files keep their modification time. The swap never writes into a file,
/// so sharing one with the old output is safe.
fn link_if_unchanged(old: &Path, new: &Path, bytes: &[u8]) -> bool {
    let same_len =
        std::fs::metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    if !same_len || std::fs::read(old).ok().as_deref() != Some(bytes) {
        return false;
    }
    if let Some(parent) = new.parent()
        && std::fs::create_dir_all(parent).is_err()
    {
        return false;
    }
    std::fs::hard_link(old, new).is_ok()
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.dir);
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
