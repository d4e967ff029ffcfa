//! Writing the output so that it is, at every instant, the complete previous build or the
//! complete new one, even when the process is killed.
//!
//! A build fills a *spare* tree in the site's cache (`.vitae/output/`) and exchanges it with
//! the output in one atomic step (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)`
//! on macOS). The spare is then the previous output, kept for the next build, which brings it
//! up to date: a file whose bytes the output already holds becomes a hard link to the output's
//! file (nothing is written, and its inode and modification time carry over), a changed file is
//! written anew, and what the build no longer makes is removed before the exchange. A file is
//! never written into — its entry is replaced — so a hard link the spare shares with the output
//! is never changed through the spare. Nothing in the spare is trusted: a killed build leaves a
//! spare that the next build brings up to date like any other.
//!
//! Where no atomic exchange exists (Windows, other systems, file systems without it) the output
//! is replaced by two renames, and a build killed between them is completed by the next one
//! ([`recover`]). An output on another file system than the site has its spare beside it
//! (`.NAME.vitae-spare`), since a rename cannot cross file systems.
//!
//! vitae marks the directories it writes ([`MARKER`]); `guard` refuses to replace a directory
//! it did not create unless forced.

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

/// The next output, built in the spare tree and swapped in by [`Staging::swap_into`]. Until
/// then nothing the output holds changes.
pub struct Staging {
    spare: PathBuf,
    /// The output, absolute and with symbolic links resolved (the directory is swapped, not a
    /// link to it).
    output: PathBuf,
    /// What the spare held before this build (files and directories, relative), removed at
    /// the end unless written again.
    before: Vec<(String, PathBuf, bool)>,
    /// Every file this build wrote, relative.
    written: Mutex<HashSet<String>>,
    /// The output is a directory vitae did not create (replaced with `--force`).
    foreign: bool,
    /// Held for the whole build: two builds of one output would write the same spare.
    _lock: std::fs::File,
}

impl Staging {
    /// Prepares the spare tree for a build of `output` in the site at `root`.
    pub fn new(root: &Path, output: &Path) -> Result<Self> {
        let output = fsutil::absolute(output);
        let parent = output.parent().unwrap_or(Path::new("/"));
        fsutil::create_dir_all(parent)?;
        let spare = spare_for(root, &output)?;
        let lock = lock(&spare, &output)?;
        recover(&spare, &output)?;
        remove_old_leftovers(&output);
        let ours = spare.join(MARKER).is_file();
        match std::fs::symlink_metadata(&spare) {
            Ok(m) if m.is_dir() && ours => {}
            // Not vitae's tree (what a forced build swapped out, or anything else): start afresh.
            Ok(m) if m.is_dir() => fsutil::remove_dir_all(&spare)?,
            Ok(_) => remove_file(&spare)?,
            Err(_) => {}
        }
        fsutil::create_dir_all(&spare)?;
        let staging = Self {
            before: sweep(&spare)?,
            foreign: output.is_dir() && !output.join(MARKER).is_file(),
            spare,
            output,
            written: Mutex::new(HashSet::new()),
            _lock: lock,
        };
        staging.write(MARKER, MARKER_TEXT)?;
        Ok(staging)
    }

    /// The spare tree: where the next output is being built.
    pub fn path(&self) -> &Path {
        &self.spare
    }

    /// Puts `bytes` at `rel` in the next output: a hard link to the output's file when that
    /// holds these bytes already, else a new file.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let target = self.claim(rel)?;
        let current = self.output.join(rel);
        if let Some(held) = holding(&current, bytes) {
            if same_file(&target, &held) {
                return Ok(());
            }
            self.clear(&target)?;
            if std::fs::hard_link(&current, &target).is_ok() {
                return Ok(());
            }
            // No hard links on this file system: a copy of the bytes does as well.
        } else {
            self.clear(&target)?;
        }
        std::fs::write(&target, bytes)
            .with_context(|| format!("failed to write `{}`", target.display()))
    }

    /// A path at `rel` in the next output for another program to write (a printed PDF), with
    /// nothing there yet.
    pub fn reserve(&self, rel: &str) -> Result<PathBuf> {
        let target = self.claim(rel)?;
        self.clear(&target)?;
        Ok(target)
    }

    /// Makes the build visible in one step: removes what the build no longer makes, then
    /// swaps the spare with the output. The previous output becomes the next build's spare.
    pub fn swap_into(self) -> Result<()> {
        self.remove_stale()?;
        if std::fs::symlink_metadata(&self.output).is_err() {
            return fsutil::rename(&self.spare, &self.output);
        }
        match exchange(&self.spare, &self.output) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Unsupported => {
                swap_by_renames(&self.spare, &self.output)?
            }
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "failed to swap `{}` with the new output `{}`",
                        self.output.display(),
                        self.spare.display()
                    )
                });
            }
        }
        if self.foreign {
            // The replaced contents (`--force`); vitae does not keep them as its spare.
            fsutil::remove_dir_all(&self.spare)?;
        }
        Ok(())
    }

    /// Records `rel` as written and returns its path in the spare, with its directory made.
    fn claim(&self, rel: &str) -> Result<PathBuf> {
        if rel.split('/').any(|part| part == ".." || part == "." || part.is_empty()) {
            bail!("refusing to write outside the output directory: `{rel}`");
        }
        lock_set(&self.written).insert(rel.to_string());
        let target = self.spare.join(rel);
        if let Some(dir) = target.parent() {
            make_dirs(&self.spare, dir)?;
        }
        Ok(target)
    }

    /// Removes whatever is at `target` in the spare (a file of an earlier build, a
    /// directory where a file goes now), never writing into it.
    fn clear(&self, target: &Path) -> Result<()> {
        match std::fs::remove_file(target) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(_) if target.is_dir() => fsutil::remove_dir_all(target),
            Err(e) => Err(e).with_context(|| format!("failed to remove `{}`", target.display())),
        }
    }

    /// Removes from the spare what it held before and this build did not write, and the
    /// directories left empty.
    fn remove_stale(&self) -> Result<()> {
        let written = lock_set(&self.written);
        let mut dirs_needed: HashSet<&str> = HashSet::new();
        for rel in written.iter() {
            for (at, _) in rel.match_indices('/') {
                dirs_needed.insert(&rel[..at]);
            }
        }
        // Deepest first (the sweep lists contents before their directory).
        for (rel, path, is_dir) in &self.before {
            if *is_dir {
                if !dirs_needed.contains(rel.as_str()) {
                    let _ = std::fs::remove_dir(path);
                }
            } else if !written.contains(rel) {
                use std::io::ErrorKind::{NotADirectory, NotFound};
                match std::fs::remove_file(path) {
                    // Gone with a directory this build replaced by a file.
                    Err(e) if ![NotFound, NotADirectory].contains(&e.kind()) => {
                        return Err(e)
                            .with_context(|| format!("failed to remove `{}`", path.display()));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

/// The guarded value; a panic elsewhere while it was held does not make it unusable.
fn lock_set<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Where the spare of `output` lives: in the site's cache, or beside the output when that is
/// on another file system (or the cache cannot be made).
fn spare_for(root: &Path, output: &Path) -> Result<PathBuf> {
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = output.parent().unwrap_or(Path::new("/"));
    let cache = root.join(CACHE_DIR);
    if std::fs::symlink_metadata(&cache).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "`{}` is a symbolic link; vitae keeps its cache there and does not follow links out of the site (remove the link)",
            cache.display()
        );
    }
    let dir = cache.join("output");
    if make_cache(&cache, &dir).is_ok() && same_file_system(&dir, parent) {
        // Named by the output's path too: two outputs of one site have two spares.
        return Ok(
            dir.join(format!("{name}-{:016x}", fnv1a(output.as_os_str().as_encoded_bytes())))
        );
    }
    Ok(parent.join(format!(".{name}.vitae-spare")))
}

/// Creates the cache directory, telling git and backup tools to leave it alone.
pub(super) fn make_cache(cache: &Path, dir: &Path) -> Result<()> {
    fsutil::create_dir_all(dir)?;
    for (name, text) in [
        (".gitignore", "# vitae's cache: nothing here belongs in the repository.\n*\n"),
        (
            "CACHEDIR.TAG",
            "Signature: 8a477f597d28d172789f06886806bc55\n# vitae's cache; see https://bford.info/cachedir/\n",
        ),
    ] {
        let path = cache.join(name);
        if !path.exists() {
            fsutil::write(&path, text.as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file_system(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file_system(a: &Path, b: &Path) -> bool {
    // The same drive or share: the first component of absolute paths.
    let first = |p: &Path| {
        std::path::absolute(p)
            .ok()
            .and_then(|p| p.components().next().map(|c| c.as_os_str().to_os_string()))
    };
    first(a).is_some() && first(a) == first(b)
}

/// FNV-1a: a stable hash of the output's path for the spare's name.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Takes the spare's lock, or says that another build holds it.
fn lock(spare: &Path, output: &Path) -> Result<std::fs::File> {
    let mut name = spare.as_os_str().to_os_string();
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = std::fs::File::create(&path)
        .with_context(|| format!("failed to create the lock file `{}`", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another vitae build is writing `{}` (it holds `{}`); wait for it to finish",
            output.display(),
            path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("failed to lock `{}`", path.display()))
        }
    }
}

/// `spare` with `.old` appended: where a swap by two renames parks the previous output.
fn parked(spare: &Path) -> PathBuf {
    let mut name = spare.as_os_str().to_os_string();
    name.push(".old");
    PathBuf::from(name)
}

/// Completes a swap by two renames that a killed build left halfway: with no output, the
/// parked previous output goes back; with the new output in place, it becomes the spare.
fn recover(spare: &Path, output: &Path) -> Result<()> {
    let old = parked(spare);
    if std::fs::symlink_metadata(&old).is_err() {
        return Ok(());
    }
    if std::fs::symlink_metadata(output).is_err() {
        return fsutil::rename(&old, output);
    }
    if std::fs::symlink_metadata(spare).is_ok() {
        fsutil::remove_dir_all(spare)?;
    }
    fsutil::rename(&old, spare)
}

/// Removes what builds of vitae before the spare tree left beside a killed build's output:
/// `.NAME.vitae-staging-PID` and `.NAME.vitae-old-PID` directories, when they carry vitae's
/// mark (so nobody else's directory goes).
fn remove_old_leftovers(output: &Path) {
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else { return };
    let prefixes = ["staging", "old"].map(|k| format!(".{}.vitae-{k}-", name.to_string_lossy()));
    for entry in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) && path.join(MARKER).is_file()
        {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Swaps two directories where no atomic exchange exists: the output is parked, the spare
/// moved in, the parked one becomes the spare. Between the first two renames there is no
/// output; [`recover`] completes a swap killed there.
fn swap_by_renames(spare: &Path, output: &Path) -> Result<()> {
    let old = parked(spare);
    fsutil::rename(output, &old)?;
    if let Err(e) = fsutil::rename(spare, output) {
        let _ = std::fs::rename(&old, output);
        return Err(e);
    }
    fsutil::rename(&old, spare)
}

/// Exchanges two directory entries atomically; `Unsupported` where the system or file
/// system cannot.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "macos", target_os = "ios"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        Err(e) if [Errno::INVAL, Errno::NOSYS, Errno::NOTSUP, Errno::OPNOTSUPP].contains(&e) => {
            Err(std::io::ErrorKind::Unsupported.into())
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios"
)))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Lists what the spare holds (contents before their directory) and removes what a build
/// never makes: symbolic links and special files (a link left in the output must not lead a
/// later build's writes out of the spare).
fn sweep(spare: &Path) -> Result<Vec<(String, PathBuf, bool)>> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(spare).min_depth(1).contents_first(true) {
        let entry = entry.with_context(|| format!("failed to list `{}`", spare.display()))?;
        let kind = entry.file_type();
        if !kind.is_file() && !kind.is_dir() {
            remove_file(entry.path())?;
            continue;
        }
        let rel = entry.path().strip_prefix(spare).unwrap_or(entry.path());
        let rel: Vec<String> =
            rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        out.push((rel.join("/"), entry.into_path(), kind.is_dir()));
    }
    Ok(out)
}

fn remove_file(path: &Path) -> Result<()> {
    std::fs::remove_file(path).with_context(|| format!("failed to remove `{}`", path.display()))
}

/// Creates `dir` below `root`, removing a file of an earlier build that stands where a
/// directory goes now.
fn make_dirs(root: &Path, dir: &Path) -> Result<()> {
    if std::fs::create_dir_all(dir).is_ok() {
        return Ok(());
    }
    let mut at = root.to_path_buf();
    for part in dir.strip_prefix(root).unwrap_or(dir).components() {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| !m.is_dir()) {
            remove_file(&at)?;
        }
    }
    fsutil::create_dir_all(dir)
}

/// The metadata of the regular file at `path` when it holds exactly `bytes` (length first,
/// so most changes cost one `stat`).
fn holding(path: &Path, bytes: &[u8]) -> Option<std::fs::Metadata> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let same = meta.is_file()
        && meta.len() == bytes.len() as u64
        && std::fs::read(path).ok().as_deref() == Some(bytes);
    same.then_some(meta)
}

/// Whether `path` is the very file `meta` describes (a hard link to it).
#[cfg(unix)]
fn same_file(path: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &std::fs::Metadata) -> bool {
    // Without inode numbers in std, link again: one cheap call per unchanged file.
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_dropped_build_changes_nothing_and_a_swapped_one_everything_at_once() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        {
            let s = Staging::new(site.path(), &out).unwrap();
            s.write("a/index.html", b"x").unwrap();
            assert!(s.write("../evil", b"x").is_err());
        }
        assert!(!out.exists(), "nothing appears until the swap");
        let s = Staging::new(site.path(), &out).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.write("b.txt", b"b").unwrap();
        s.swap_into().unwrap();
        assert_eq!(tree(&out).len(), 3, "{:?}", tree(&out));
        // A rebuild: one file changes, one goes, a directory becomes a file.
        let s = Staging::new(site.path(), &out).unwrap();
        s.write("a/index.html", b"two").unwrap();
        s.write("c", b"c").unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
        s.swap_into().unwrap();
        let names: Vec<String> = tree(&out).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, [MARKER, "a/index.html", "c"]);
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"two");
        let s = Staging::new(site.path(), &out).unwrap();
        s.write("a", b"now a file").unwrap();
        s.swap_into().unwrap();
        assert_eq!(std::fs::read(out.join("a")).unwrap(), b"now a file");
        // Only the cache holds anything else, and leftovers of older versions go.
        let old = site.path().join(".public.vitae-staging-123");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join(MARKER), "").unwrap();
        Staging::new(site.path(), &out).unwrap();
        let mut top: Vec<String> = std::fs::read_dir(site.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        top.sort();
        assert_eq!(top, [CACHE_DIR, "public"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_left_in_the_output_never_leads_writes_out_of_the_spare() {
        let site = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("index.html"), "precious").unwrap();
        let out = site.path().join("public");
        for _ in 0..2 {
            let s = Staging::new(site.path(), &out).unwrap();
            s.write("a/index.html", b"page").unwrap();
            s.swap_into().unwrap();
        }
        // Someone replaces a page directory with a link; the next two builds swap it into the
        // spare and write there.
        std::fs::remove_dir_all(out.join("a")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), out.join("a")).unwrap();
        for _ in 0..2 {
            let s = Staging::new(site.path(), &out).unwrap();
            s.write("a/index.html", b"new page").unwrap();
            s.swap_into().unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(elsewhere.path().join("index.html")).unwrap(),
            "precious"
        );
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"new page");
    }

    #[test]
    fn a_swap_by_renames_killed_halfway_is_completed_by_the_next_build() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let s = Staging::new(site.path(), &out).unwrap();
        s.write("page", b"old").unwrap();
        s.swap_into().unwrap();
        let s = Staging::new(site.path(), &out).unwrap();
        s.write("page", b"new").unwrap();
        let spare = s.path().to_path_buf();
        drop(s);
        // Killed after parking the output: there is no output.
        std::fs::rename(&out, parked(&spare)).unwrap();
        let s = Staging::new(site.path(), &out).unwrap();
        assert_eq!(std::fs::read(out.join("page")).unwrap(), b"old", "the old output is back");
        s.write("page", b"new").unwrap();
        s.swap_into().unwrap();
        assert_eq!(std::fs::read(out.join("page")).unwrap(), b"new");
    }

    #[test]
    fn a_second_build_of_the_same_output_is_refused_while_the_first_runs() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        let first = Staging::new(site.path(), &out).unwrap();
        let err = Staging::new(site.path(), &out).err().unwrap();
        assert!(format!("{err:#}").contains("another vitae build is writing"), "{err:#}");
        drop(first);
        assert!(Staging::new(site.path(), &out).is_ok());
    }
}
