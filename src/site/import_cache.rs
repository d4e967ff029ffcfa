//! The import cache: a free-form resume (Markdown, text, LaTeX, HTML, PDF, Word …) is read by
//! the importer once and kept in `.vitae/import/`, so a rebuild re-reads only what changed.
//!
//! An entry holds the resume and the import's warnings (shown on every build, as if the file
//! had been read again) under a key: a hash of the importer (vitae's version and a
//! fingerprint of its sources, set by `build.rs`), the file's path and its bytes. A different
//! key, or an entry that cannot be read (missing, truncated, corrupt), is a miss: the file is
//! imported and its entry rewritten. Nothing here can fail a build; a cache that cannot be
//! written is simply not kept.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use siphasher::sip128::{Hasher128, SipHasher13};

use crate::diag::{ContentError, Diagnostic};
use crate::model::Resume;
use crate::parse::{self, Format, Parsed};

use super::write::{CACHE_DIR, fnv1a, make_cache};

/// What an import depends on besides the file: the importer itself.
const IMPORTER: &str =
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("VITAE_IMPORTER_FINGERPRINT"), "+entry-v1");

/// The cache of one site; `store` false only reads it (`vitae check` writes nothing).
pub struct ImportCache {
    dir: Option<PathBuf>,
    store: bool,
}

/// One cached import, as stored on disk.
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    resume: Resume,
    diagnostics: Vec<Diagnostic>,
}

impl ImportCache {
    /// The cache in `root`'s `.vitae/`; none when that is a symbolic link (vitae does not
    /// follow links out of the site).
    pub fn new(root: &Path, store: bool) -> Self {
        let cache = root.join(CACHE_DIR);
        let linked = std::fs::symlink_metadata(&cache).is_ok_and(|m| m.file_type().is_symlink());
        Self { dir: (!linked).then(|| cache.join("import")), store }
    }

    /// Parses the content file at `path` (its bytes already read): from the cache when it
    /// holds this import, else by the importer, keeping the result for next time. JSON Resume
    /// files are read directly (that is as fast as reading an entry); errors are never cached.
    pub fn parse(&self, path: &Path, format: Format, bytes: &[u8]) -> Result<Parsed, ContentError> {
        // A file whose import reads others depends on more than its own bytes: never cached.
        let direct =
            matches!(format, Format::Json | Format::Yaml) || parse::reads_other_files(path, bytes);
        let Some(dir) = self.dir.as_deref().filter(|_| !direct) else {
            return parse::parse_file(path, bytes);
        };
        let entry_path = entry_path(dir, path);
        let key = key(path, bytes);
        if let Some(parsed) = read_entry(&entry_path, &key) {
            return Ok(parsed);
        }
        let parsed = parse::parse_file(path, bytes)?;
        if self.store {
            // A cache that cannot be written costs the next build time, nothing else.
            let _ = write_entry(dir, &entry_path, key, &parsed);
        }
        Ok(parsed)
    }
}

/// The entry of the content file `path`: one per file, so editing a file replaces its entry
/// rather than adding one.
fn entry_path(dir: &Path, path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dir.join(format!("{name}-{:016x}.json", fnv1a(path.as_os_str().as_encoded_bytes())))
}

/// The key of one import: importer, path (its extension hints the format, and it is named in
/// the warnings) and content, each length-prefixed.
fn key(path: &Path, bytes: &[u8]) -> String {
    let mut h = SipHasher13::new();
    for part in [IMPORTER.as_bytes(), path.as_os_str().as_encoded_bytes(), bytes] {
        h.write_u64(part.len() as u64);
        h.write(part);
    }
    format!("{:032x}", h.finish128().as_u128())
}

/// The cached import, when the entry is readable and made for `key`.
fn read_entry(entry_path: &Path, key: &str) -> Option<Parsed> {
    let bytes = std::fs::read(entry_path).ok()?;
    let entry: Entry = serde_json::from_slice(&bytes).ok()?;
    (entry.key == key).then_some(Parsed { resume: entry.resume, diagnostics: entry.diagnostics })
}

/// Writes an entry whole or not at all: into a temporary file, then renamed over the old one,
/// so a killed build or a parallel one never leaves half an entry.
fn write_entry(dir: &Path, entry_path: &Path, key: String, parsed: &Parsed) -> anyhow::Result<()> {
    let entry =
        Entry { key, resume: parsed.resume.clone(), diagnostics: parsed.diagnostics.clone() };
    let bytes = serde_json::to_vec(&entry)?;
    make_cache(dir.parent().unwrap_or(dir), dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, &bytes)?;
    tmp.persist(entry_path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESUME: &str = "# Ada Example\n\nada@example.org\n\n## Experience\n\n### Engineer at Initrode (2019 - 2021)\n\n- Built the thing\n\n## Skills\n\nRust, Go\n";

    fn import(cache: &ImportCache, path: &Path, text: &str) -> Parsed {
        cache.parse(path, Format::Markdown, text.as_bytes()).unwrap()
    }

    #[test]
    fn an_entry_gives_back_what_the_importer_read() {
        let site = tempfile::tempdir().unwrap();
        let path = site.path().join("content/ada.md");
        let cache = ImportCache::new(site.path(), true);
        let fresh = import(&cache, &path, RESUME);
        let entry = entry_path(&site.path().join(".vitae/import"), &path);
        assert!(entry.is_file(), "the import is kept");
        let cached = import(&cache, &path, RESUME);
        assert_eq!(cached.resume, fresh.resume);
        assert_eq!(cached.diagnostics, fresh.diagnostics);
        assert!(site.path().join(".vitae/CACHEDIR.TAG").is_file());
    }

    #[test]
    fn an_entry_for_other_bytes_or_another_path_is_not_used() {
        let site = tempfile::tempdir().unwrap();
        let cache = ImportCache::new(site.path(), true);
        let path = site.path().join("content/ada.md");
        import(&cache, &path, RESUME);
        let edited = RESUME.replace("Ada Example", "Ada Edited");
        assert_eq!(import(&cache, &path, &edited).resume.name(), Some("Ada Edited"));
        assert_ne!(key(&path, b"x"), key(&site.path().join("content/ada.txt"), b"x"));
    }

    #[test]
    fn a_latex_file_that_inputs_others_is_read_anew_each_time() {
        let site = tempfile::tempdir().unwrap();
        let content = site.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let path = content.join("cv.tex");
        let main = "\\documentclass{article}\\begin{document}\\input{name}\n\\section{Skills}\nRust, Go\n\\end{document}\n";
        let cache = ImportCache::new(site.path(), true);
        let read = |who: &str| {
            std::fs::write(content.join("name.tex"), format!("\\section*{{{who}}}\n")).unwrap();
            let parsed = cache.parse(&path, Format::Latex, main.as_bytes()).unwrap();
            serde_json::to_string(&parsed.resume).unwrap()
        };
        assert!(read("Ada Example").contains("Ada Example"));
        assert!(read("Ada Edited").contains("Ada Edited"), "the included file's edit shows");
        assert!(!entry_path(&site.path().join(".vitae/import"), &path).exists());
    }

    #[test]
    fn a_corrupt_or_truncated_entry_is_read_again_and_rewritten() {
        let site = tempfile::tempdir().unwrap();
        let cache = ImportCache::new(site.path(), true);
        let path = site.path().join("content/ada.md");
        let fresh = import(&cache, &path, RESUME);
        let entry = entry_path(&site.path().join(".vitae/import"), &path);
        let whole = std::fs::read(&entry).unwrap();
        for bad in [&whole[..whole.len() / 2], b"\xff\x00 not json", b""] {
            std::fs::write(&entry, bad).unwrap();
            assert_eq!(import(&cache, &path, RESUME).resume, fresh.resume);
            assert_eq!(std::fs::read(&entry).unwrap(), whole, "the entry is rewritten");
        }
    }

    #[test]
    fn a_read_only_cache_writes_nothing() {
        let site = tempfile::tempdir().unwrap();
        let cache = ImportCache::new(site.path(), false);
        import(&cache, &site.path().join("content/ada.md"), RESUME);
        assert!(!site.path().join(CACHE_DIR).exists());
    }

    /// Every resume of the importer's fixtures survives the trip through an entry unchanged.
    #[test]
    fn entries_round_trip_every_fixture() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        let mut n = 0;
        for f in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
            if f.extension().is_some_and(|e| e == "json") {
                continue;
            }
            let parsed = parse::parse_file(&f, &std::fs::read(&f).unwrap()).unwrap();
            let entry = Entry {
                key: String::new(),
                resume: parsed.resume.clone(),
                diagnostics: parsed.diagnostics.clone(),
            };
            let back: Entry = serde_json::from_slice(&serde_json::to_vec(&entry).unwrap()).unwrap();
            assert_eq!(back.resume, parsed.resume, "{}", f.display());
            assert_eq!(back.diagnostics, parsed.diagnostics, "{}", f.display());
            n += 1;
        }
        assert!(n > 20, "{n} fixtures");
    }
}
