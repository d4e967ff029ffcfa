//! PDF export: prints rendered resume pages with a local headless Chromium or Chrome.
//!
//! The browser is found through `$VITAE_BROWSER`, else the usual names on `PATH`. Each page is
//! printed by its own browser process with a fresh profile directory and a timeout; a few run
//! at once. The page's print CSS decides everything about the layout, including the paper size
//! (`@page { size }`), so what `vitae build --pdf` writes matches what a person gets from the
//! browser's print dialog.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use rayon::prelude::*;

use crate::diag::{ContentError, Diagnostic};
use crate::fsutil;

/// The environment variable naming the browser to print with.
pub const BROWSER_ENV: &str = "VITAE_BROWSER";

/// Names looked up on `PATH` when `$VITAE_BROWSER` is unset.
pub const CANDIDATES: [&str; 4] =
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/// How long one page may take to print before its browser is killed.
const TIMEOUT: Duration = Duration::from_secs(90);

/// At most this many browsers run at once: each is a heavy process tree.
const MAX_PARALLEL: usize = 3;

/// One page to print: the HTML file and the PDF to write.
#[derive(Debug, Clone)]
pub struct PrintJob {
    pub html: PathBuf,
    pub pdf: PathBuf,
}

/// Finds a browser that can print, or explains what was tried and how to get one. A person
/// who sets `$VITAE_BROWSER` means that browser: when it is not one, the build stops rather
/// than print with another.
pub fn find_browser() -> Result<PathBuf, ContentError> {
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    let configured = std::env::var_os(BROWSER_ENV).filter(|v| !v.is_empty());
    find_browser_in(configured, &path_var)
}

/// [`find_browser`] with its environment passed in, so it can be tested without touching the
/// process environment.
pub fn find_browser_in(
    configured: Option<OsString>,
    path_var: &OsString,
) -> Result<PathBuf, ContentError> {
    if let Some(value) = configured {
        let value = PathBuf::from(value);
        return resolve(&value, path_var).ok_or_else(|| {
            ContentError::one(
                Diagnostic::error(format!(
                    "cannot make PDFs: ${BROWSER_ENV}={} {}",
                    value.display(),
                    why_not_executable(&value)
                ))
                .hint(format!(
                    "set {BROWSER_ENV} to the path of a Chromium or Chrome executable (or a name \
                     on PATH), or unset it to use `chromium` or `google-chrome` from PATH"
                )),
            )
        });
    }
    if let Some(found) = CANDIDATES.iter().find_map(|name| resolve(Path::new(name), path_var)) {
        return Ok(found);
    }
    let tried: Vec<String> = CANDIDATES.iter().map(|name| format!("`{name}` on PATH")).collect();
    Err(ContentError::one(
        Diagnostic::error(format!(
            "cannot make PDFs: no Chromium or Chrome browser found (tried {})",
            tried.join(", ")
        ))
        .hint(format!(
            "install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google \
             Chrome), or set {BROWSER_ENV} to the browser's executable; or build without --pdf \
             and `pdf = true`"
        )),
    ))
}

/// Why `path` (the value of `$VITAE_BROWSER`) cannot be run, in words.
fn why_not_executable(path: &Path) -> &'static str {
    let bare = path.components().count() == 1 && !path.is_absolute();
    match std::fs::metadata(path) {
        _ if bare => "is not an executable file on PATH",
        Err(_) => "does not exist",
        Ok(m) if m.is_dir() => "is a directory, not the browser's executable",
        Ok(_) => "is not executable (no execute permission)",
    }
}

/// `name` as an executable file: a path with a separator is taken as is, a bare name is looked
/// up in `path_var`.
fn resolve(name: &Path, path_var: &OsString) -> Option<PathBuf> {
    if name.components().count() > 1 || name.is_absolute() {
        return is_executable(name).then(|| name.to_path_buf());
    }
    std::env::split_paths(path_var).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else { return false };
    if !meta.is_file() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Prints every job with `browser`, a few at once. Every failure is reported, not only the
/// first.
pub fn print_all(browser: &Path, jobs: &[PrintJob]) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_PARALLEL);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .context("failed to start the PDF printing threads")?;
    let errors: Vec<String> = pool.install(|| {
        jobs.par_iter()
            .filter_map(|job| print_one(browser, job).err().map(|e| format!("{e:#}")))
            .collect()
    });
    if errors.is_empty() { Ok(()) } else { bail!("{}", errors.join("\n")) }
}

/// Prints one page: a browser process with its own throw-away profile, killed after
/// [`TIMEOUT`].
pub fn print_one(browser: &Path, job: &PrintJob) -> Result<()> {
    let html = std::fs::canonicalize(&job.html)
        .with_context(|| format!("failed to find the page `{}`", job.html.display()))?;
    // Absolute, so the browser writes where we look whatever directory it runs in.
    let pdf = std::path::absolute(&job.pdf)
        .with_context(|| format!("failed to resolve `{}`", job.pdf.display()))?;
    if let Some(parent) = pdf.parent() {
        fsutil::create_dir_all(parent)?;
    }
    let profile = TempDir::new()?;
    let log_path = profile.path().join("browser.log");
    let log = std::fs::File::create(&log_path)
        .with_context(|| format!("failed to create `{}`", log_path.display()))?;
    let mut child = Command::new(browser)
        .args(browser_args(profile.path(), &pdf))
        .arg(file_url(&html))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // Chromium is chatty on stderr; a file cannot fill up and block it like a pipe.
        .stderr(log)
        .spawn()
        .with_context(|| format!("failed to start the browser `{}`", browser.display()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().context("failed to wait for the browser")? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "printing `{}` to PDF took longer than {} s; the browser `{}` was stopped",
                job.html.display(),
                TIMEOUT.as_secs(),
                browser.display()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let written = std::fs::read(&pdf).map(|b| b.starts_with(b"%PDF")).unwrap_or(false);
    if status.success() && written {
        return Ok(());
    }
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    Err(anyhow!(
        "the browser `{}` did not print `{}` to PDF ({status}); its last messages:\n{}",
        browser.display(),
        job.html.display(),
        tail.join("\n")
    ))
}

/// Flags for a quiet headless Chromium: no first-run UI, no network chatter, no extensions.
pub const HEADLESS_FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
];

/// Command-line flags for one headless print: no page header or footer, the PDF written to
/// `pdf`.
fn browser_args(profile: &Path, pdf: &Path) -> Vec<OsString> {
    let mut args: Vec<OsString> =
        HEADLESS_FLAGS.iter().chain(&["--no-pdf-header-footer"]).map(OsString::from).collect();
    let mut print = OsString::from("--print-to-pdf=");
    print.push(pdf.as_os_str());
    args.push(print);
    let mut data = OsString::from("--user-data-dir=");
    data.push(profile.as_os_str());
    args.push(data);
    args
}

/// `file://` URL of an absolute path, percent-encoding everything but unreserved characters
/// and `/`.
pub fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// A directory removed on drop (a browser profile that must not outlive its print).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<Self> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("vitae-browser-{}-{n}", std::process::id()));
        if dir.exists() {
            fsutil::remove_dir_all(&dir)?;
        }
        fsutil::create_dir_all(&dir)?;
        Ok(Self(dir))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/my site/a#b.html")),
            "file:///tmp/my%20site/a%23b.html"
        );
    }

    #[test]
    fn a_missing_browser_names_every_candidate_and_how_to_install_one() {
        let empty = tempfile::tempdir().unwrap();
        let path = OsString::from(empty.path());
        let msg = find_browser_in(None, &path).unwrap_err().to_string();
        for name in CANDIDATES {
            assert!(msg.contains(&format!("`{name}`")), "{msg}");
        }
        assert!(msg.contains("apt-get install chromium") && msg.contains(BROWSER_ENV), "{msg}");
    }

    #[test]
    fn a_browser_variable_that_names_no_executable_is_an_error_saying_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = OsString::from(dir.path());
        let err =
            |value: &Path| find_browser_in(Some(value.into()), &path).unwrap_err().to_string();
        let missing = err(Path::new("/nonexistent/chrome"));
        assert!(missing.contains("$VITAE_BROWSER=/nonexistent/chrome does not exist"), "{missing}");
        assert!(err(dir.path()).contains("is a directory"));
        assert!(err(Path::new("no-such-browser")).contains("not an executable file on PATH"));
    }

    #[cfg(unix)]
    #[test]
    fn a_browser_is_found_on_path_and_through_the_variable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let exe = dir.path().join("chromium-browser");
        std::fs::write(&exe, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = OsString::from(dir.path());
        assert_eq!(find_browser_in(None, &path).unwrap(), exe);
        assert_eq!(find_browser_in(Some(exe.clone().into()), &OsString::new()).unwrap(), exe);
    }
}
