//! ZIP packages (DOCX, ODT, a LinkedIn export): read-only access to their parts within fixed
//! bounds, so that no archive (a zip bomb, a damaged or hostile file) takes more than seconds
//! or a bounded amount of memory to read.
//!
//! A package whose central directory is missing or broken (a truncated download) is read from
//! its local headers instead, as far as they go; [`Package::damage`] then says what was wrong.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::diag::Diagnostic;

/// Larger packages are refused: a resume with a photo is well under this.
pub const MAX_PACKAGE_BYTES: usize = 64 << 20;
/// More entries than any document has; bounds the central directory in memory.
pub const MAX_ENTRIES: u64 = 10_000;
/// What one part may unpack to.
pub const MAX_PART_BYTES: u64 = 32 << 20;
/// What all parts read from one package may unpack to together.
pub const MAX_TOTAL_BYTES: u64 = 96 << 20;

/// An opened package.
pub struct Package<'a> {
    source: Source<'a>,
    /// What the file is, for messages ("a Word document").
    what: &'static str,
    /// Bytes unpacked so far, against [`MAX_TOTAL_BYTES`].
    unpacked: u64,
    /// Why the package could be read only in part, if it could.
    pub damage: Option<String>,
}

enum Source<'a> {
    Archive(ZipArchive<Cursor<&'a [u8]>>),
    /// Entries recovered from the local headers: name and contents.
    Salvaged(Vec<(String, Vec<u8>)>),
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a ZIP package; `what` names the kind of document for messages.
    /// `wanted` says which entries to recover from a damaged archive (the central directory
    /// of an intact one is read in full).
    pub fn open(
        bytes: &'a [u8],
        what: &'static str,
        wanted: fn(&str) -> bool,
    ) -> Result<Self, Diagnostic> {
        if bytes.len() > MAX_PACKAGE_BYTES {
            return Err(Diagnostic::error(format!(
                "the file is {} MiB, over the {} MiB limit for {what}",
                bytes.len() >> 20,
                MAX_PACKAGE_BYTES >> 20
            ))
            .hint(resave_hint(what)));
        }
        if let Some(n) = declared_entries(bytes).filter(|&n| n > MAX_ENTRIES) {
            return Err(too_many_entries(n, what));
        }
        match ZipArchive::new(Cursor::new(bytes)) {
            Ok(archive) if archive.len() as u64 > MAX_ENTRIES => {
                Err(too_many_entries(archive.len() as u64, what))
            }
            Ok(archive) => {
                Ok(Package { source: Source::Archive(archive), what, unpacked: 0, damage: None })
            }
            Err(e) => Self::salvage(bytes, what, wanted, &e),
        }
    }

    /// Reads entries one after the other from their local headers, as far as they go.
    fn salvage(
        bytes: &'a [u8],
        what: &'static str,
        wanted: fn(&str) -> bool,
        why: &ZipError,
    ) -> Result<Self, Diagnostic> {
        let mut cursor = Cursor::new(bytes);
        let mut entries = Vec::new();
        let mut unpacked = 0;
        let mut stopped = None;
        for _ in 0..MAX_ENTRIES {
            let mut file = match zip::read::read_zipfile_from_stream(&mut cursor) {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => {
                    stopped = Some(e.to_string());
                    break;
                }
            };
            let name = String::from_utf8_lossy(file.name_raw()).into_owned();
            if file.encrypted() {
                return Err(encrypted(what));
            }
            if !wanted(&name) {
                // Dropping the entry skips its data.
                continue;
            }
            let mut data = Vec::new();
            let result = read_capped(&mut file, &mut data, &name, what, &mut unpacked);
            entries.push((name, data));
            match result {
                Ok(()) => {}
                Err(Cut::Limit(d)) => return Err(d),
                Err(Cut::Broken(e)) => {
                    stopped = Some(e);
                    break;
                }
            }
        }
        if entries.is_empty() {
            return Err(Diagnostic::error(format!(
                "the file is not a readable ZIP package, so not {what} vitae can read ({why})"
            ))
            .hint(resave_hint(what)));
        }
        let damage = match stopped {
            Some(e) => format!("the file is damaged or cut short ({why}; then: {e})"),
            None => format!("the file's table of contents is damaged ({why})"),
        };
        Ok(Package { source: Source::Salvaged(entries), what, unpacked, damage: Some(damage) })
    }

    /// Every entry name, in archive order.
    pub fn names(&self) -> Vec<String> {
        match &self.source {
            Source::Archive(a) => a.file_names().filter_map(Result::ok).map(String::from).collect(),
            Source::Salvaged(entries) => entries.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// The entry named `name`, compared without regard to case, as it is spelled in the archive.
    pub fn find(&self, name: &str) -> Option<String> {
        self.names().into_iter().find(|n| n.eq_ignore_ascii_case(name))
    }

    /// The unpacked contents of the entry `name` (case-insensitive), `None` when there is no
    /// such entry. A part that breaks off is returned as far as it could be read, and
    /// [`Package::damage`] says so.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Diagnostic> {
        let Some(name) = self.find(name) else { return Ok(None) };
        let what = self.what;
        match &mut self.source {
            Source::Salvaged(entries) => {
                Ok(entries.iter().find(|(n, _)| *n == name).map(|(_, d)| d.clone()))
            }
            Source::Archive(archive) => {
                let Some(index) = archive.index_for_name(&name) else { return Ok(None) };
                if let Ok(entry) = archive.by_index_data(index) {
                    if entry.encrypted() {
                        return Err(encrypted(what));
                    }
                    if entry.size() > MAX_PART_BYTES {
                        return Err(too_large(&name, what));
                    }
                }
                let mut data = Vec::new();
                let outcome = match archive.by_index(index) {
                    Ok(mut file) => {
                        read_capped(&mut file, &mut data, &name, what, &mut self.unpacked)
                    }
                    Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
                        return Err(encrypted(what));
                    }
                    Err(ZipError::CompressionMethodNotSupported(m)) => {
                        return Err(Diagnostic::error(format!(
                            "the part `{name}` is packed with compression method {m}, which vitae does not read"
                        ))
                        .hint(resave_hint(what)));
                    }
                    Err(e) => Err(Cut::Broken(e.to_string())),
                };
                match outcome {
                    Ok(()) => Ok(Some(data)),
                    Err(Cut::Limit(d)) => Err(d),
                    Err(Cut::Broken(e)) => {
                        let note = format!("the part `{name}` is damaged ({e})");
                        self.damage.get_or_insert(note);
                        Ok(Some(data))
                    }
                }
            }
        }
    }
}

/// Why reading a part stopped early.
enum Cut {
    /// A size limit: the whole file is refused.
    Limit(Diagnostic),
    /// The data is damaged: what was read so far is kept.
    Broken(String),
}

/// Unpacks `file` into `out`, refusing more than [`MAX_PART_BYTES`] for one part and more than
/// [`MAX_TOTAL_BYTES`] for the package whatever the entry's header claims.
fn read_capped(
    file: &mut impl Read,
    out: &mut Vec<u8>,
    name: &str,
    what: &'static str,
    unpacked: &mut u64,
) -> Result<(), Cut> {
    let budget = MAX_PART_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(*unpacked));
    let result = file.take(budget + 1).read_to_end(out);
    *unpacked += out.len() as u64;
    if out.len() as u64 > budget {
        return Err(Cut::Limit(too_large(name, what)));
    }
    result.map(|_| ()).map_err(|e| Cut::Broken(e.to_string()))
}

/// The entry count the end-of-central-directory record declares (ZIP64 included), read before
/// the archive is opened so that a huge directory is refused without being loaded.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let tail_start = bytes.len().saturating_sub(22 + 0xFFFF);
    let at = tail_start + bytes[tail_start..].windows(4).rposition(|w| w == EOCD)?;
    let count = u16::from_le_bytes(bytes.get(at + 10..at + 12)?.try_into().ok()?);
    if count != 0xFFFF {
        return Some(count.into());
    }
    // ZIP64: a locator just before the record points at the ZIP64 end record.
    let locator = bytes.get(at.checked_sub(20)?..at)?;
    if !locator.starts_with(b"PK\x06\x07") {
        return Some(count.into());
    }
    let offset = usize::try_from(u64::from_le_bytes(locator[8..16].try_into().ok()?)).ok()?;
    let record = bytes.get(offset..offset.checked_add(40)?)?;
    if !record.starts_with(b"PK\x06\x06") {
        return None;
    }
    Some(u64::from_le_bytes(record[32..40].try_into().ok()?))
}

fn too_many_entries(n: u64, what: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "the file is a ZIP archive of {n} entries, far more than {what} holds (a few dozen)"
    ))
    .hint(resave_hint(what))
}

fn too_large(name: &str, what: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "the part `{name}` unpacks to more than {} MiB: no resume is that large (the file is \
         damaged or a zip bomb)",
        MAX_PART_BYTES >> 20
    ))
    .hint(resave_hint(what))
}

fn encrypted(what: &str) -> Diagnostic {
    Diagnostic::error(format!("{what} is encrypted (password-protected)"))
        .hint("remove the password (in Word: File > Info > Protect Document) and save it again, or export it as PDF and import that")
}

/// What to do about a package vitae cannot read.
pub fn resave_hint(what: &str) -> String {
    format!(
        "open {what} in Word or LibreOffice and save it again (or export it as PDF), then import that file"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;
    use zip::write::SimpleFileOptions;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn any(_: &str) -> bool {
        true
    }

    #[test]
    fn reads_parts_by_name_without_regard_to_case() {
        let bytes = zip_of(&[("Profile.csv", b"a,b\n"), ("x/y.xml", b"<x/>")]);
        let mut p = Package::open(&bytes, "a test package", any).unwrap();
        assert_eq!(p.read("profile.CSV").unwrap().unwrap(), b"a,b\n");
        assert_eq!(p.read("missing.xml").unwrap(), None);
        assert!(p.damage.is_none());
    }

    #[test]
    fn a_truncated_archive_is_read_as_far_as_it_goes() {
        let bytes = zip_of(&[("a.xml", &[b'a'; 3000]), ("b.xml", &[b'b'; 3000])]);
        let cut = &bytes[..bytes.len() - 60];
        let mut p = Package::open(cut, "a test package", any).unwrap();
        assert!(p.damage.as_deref().unwrap().contains("damaged"), "{:?}", p.damage);
        assert_eq!(p.read("a.xml").unwrap().unwrap().len(), 3000);
    }

    #[test]
    fn a_bomb_is_refused_by_what_it_unpacks_to() {
        let big = vec![0u8; (MAX_PART_BYTES + 10) as usize];
        let bytes = zip_of(&[("word/document.xml", &big)]);
        let mut p = Package::open(&bytes, "a Word document", any).unwrap();
        let e = p.read("word/document.xml").unwrap_err();
        assert!(e.message.contains("zip bomb"), "{e}");
    }

    #[test]
    fn garbage_is_not_a_package() {
        let e = Package::open(b"PK\x03\x04garbage", "a Word document", any).err().unwrap();
        assert!(e.message.contains("not a readable ZIP package"), "{e}");
    }
}
