//! File-system calls that carry their path in every error ("failed to read `content/a.yaml`").
//! Use these instead of raw `std::fs`.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};

pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("failed to read `{}`", path.display()))
}

pub fn read_to_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("failed to read `{}`", path.display()))
}

/// Writes `bytes` to `path`, creating its parent directories.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).with_context(|| format!("failed to write `{}`", path.display()))
}

pub fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path)
        .with_context(|| format!("failed to create directory `{}`", path.display()))
}

pub fn remove_dir_all(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path)
        .with_context(|| format!("failed to remove directory `{}`", path.display()))
}

pub fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to)
        .with_context(|| format!("failed to move `{}` to `{}`", from.display(), to.display()))
}

pub fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        create_dir_all(parent)?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .with_context(|| format!("failed to copy `{}` to `{}`", from.display(), to.display()))
}

/// The outcome of a read with a size limit.
#[derive(Debug, PartialEq, Eq)]
pub enum Bounded {
    Bytes(Vec<u8>),
    /// Over the limit; the size when the file system knew it before reading.
    TooLarge(Option<u64>),
}

/// Reads `path` unless it holds more than `limit` bytes. The size is checked before reading (a
/// huge or sparse file costs one `stat`), and the read itself stops one byte past the limit, so
/// a device such as `/dev/zero`, a pipe or a file that grows while it is read cannot exhaust
/// memory either.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Bounded> {
    let context = || format!("failed to read `{}`", path.display());
    let file = std::fs::File::open(path).with_context(context)?;
    let meta = file.metadata().with_context(context)?;
    if meta.is_file() && meta.len() > limit {
        return Ok(Bounded::TooLarge(Some(meta.len())));
    }
    read_to_limit(file, limit).with_context(context)
}

/// Reads `reader` to its end unless it yields more than `limit` bytes (standard input, say).
pub fn read_to_limit(reader: impl std::io::Read, limit: u64) -> std::io::Result<Bounded> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Ok(Bounded::TooLarge(None));
    }
    Ok(Bounded::Bytes(bytes))
}

/// `path` made absolute with `.` and `..` resolved by text, symbolic links left as they are.
pub fn lexical(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// `path` made absolute and normalised, with symbolic links resolved in the part that exists
/// (a path like `out/../..` names its grandparent even when `out` does not exist).
pub fn absolute(path: &Path) -> PathBuf {
    let lexical = lexical(path);
    let mut existing = lexical.as_path();
    let mut rest = Vec::new();
    while std::fs::symlink_metadata(existing).is_err() {
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
    fn a_bounded_read_refuses_large_files_before_reading_and_endless_ones_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        let file = std::fs::File::create(&path).unwrap();
        // Sparse: 3 GB on paper, nothing on disk; refused from its size alone.
        file.set_len(3_000_000_000).unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap(), Bounded::TooLarge(Some(3_000_000_000)));
        assert_eq!(read_to_limit(std::io::repeat(b'x'), 10).unwrap(), Bounded::TooLarge(None));
        assert_eq!(
            read_to_limit(&b"0123456789"[..], 10).unwrap(),
            Bounded::Bytes(b"0123456789".to_vec())
        );
        let err = read_bounded(&dir.path().join("missing"), 10).unwrap_err();
        assert!(format!("{err:#}").contains("missing"), "{err:#}");
    }
}
