//! `vitae serve`: a live preview. Builds the site into a private temporary directory, serves it
//! on one port with live-reload events, watches the sources and rebuilds on every save.
//!
//! The preview never writes to the site's own output directory: it owns a temporary directory
//! (removed on exit, Ctrl-C included), so a preview can neither clobber a real build nor, being
//! outside the watched sources, trigger itself. Nothing below this module knows it exists.
//!
//! The serve loop only dispatches: builds run on threads of their own (`builds`), files still
//! being written wait in `settle`, live-reload streams never block (`events`), so Ctrl-C, saves
//! and pages are handled at once, however long a build takes.

pub mod builds;
pub mod change;
pub mod events;
pub mod guard;
pub mod http;
pub mod pages;
pub mod rebuild;
pub mod settle;
pub mod watch;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::config::Config;
use builds::{Builds, Check, Done};
use change::{Change, Plan, Touch};
use events::{Event, Hub};
use rebuild::LoadConfig;
use settle::Settler;
use watch::Watcher;

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 8000;

/// How often the serve loop looks at a build in progress when nothing else happens.
const TICK: Duration = Duration::from_millis(100);

/// What `vitae serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Overrides the theme of `vitae.toml`.
    pub theme: Option<String>,
    pub bind: IpAddr,
    /// `None`: the default port, or the next free one.
    pub port: Option<u16>,
    /// Open the preview in the default browser.
    pub open: bool,
}

/// What the serve loop hears: the watcher, finished builds and the Ctrl-C handler.
pub enum Message {
    Changes(Vec<Touch>),
    Failed(String),
    Built(Box<Done>),
    Stop,
}

/// Runs the preview until Ctrl-C. The first build may fail: the server starts anyway and shows
/// the error in the browser until a save fixes it.
pub fn run(options: &Options) -> Result<()> {
    // A template that never ends must not take the server with it.
    crate::render::budget::isolate_renders();
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("cannot open the site directory `{}`", options.root.display()))?;
    // Bound first: a port that cannot be had fails before any work.
    let listener = http::bind(options.bind, options.port, DEFAULT_PORT)?;
    let addr = listener.local_addr().context("cannot read the preview server's address")?;
    let output = tempfile::Builder::new().prefix("vitae-serve-").tempdir().with_context(|| {
        format!(
            "cannot create a temporary directory for the preview in `{}`; set TMPDIR to a \
                 writable directory",
            std::env::temp_dir().display()
        )
    })?;
    let out_dir = output.path().canonicalize().context("cannot resolve the preview directory")?;
    eprintln!("building the preview into {}", out_dir.display());

    // Ctrl-C is caught from here on, so the temporary directory is always removed.
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    }) {
        eprintln!("warning: cannot catch Ctrl-C ({e}); the preview directory may be left behind");
    }
    // Watching starts before the first build, so a save during it is not lost.
    let watcher = Watcher::start(&root, tx.clone())?;
    let hub = Hub::new();
    Hub::keep_alive(&hub);
    let loader = config_loader(root.clone(), options.theme.clone());
    let mut builds = Builds::new(loader, out_dir.clone(), tx)?;
    builds.request(Plan::everything());

    let shared = http::Shared { root: out_dir, bound: options.bind, hub: Arc::clone(&hub) };
    let server = http::start(listener, Arc::new(shared))?;
    let mut preview = Preview {
        builds,
        watcher,
        settler: Settler::new(settle::CLOSE_EVENTS),
        hub,
        announce: Some((addr, root, options)),
    };
    preview.serve(&rx);

    // A build still running (stuck in a template) is not waited for; it can no longer write.
    preview.builds.stop();
    server.unblock();
    let shown = output.path().display().to_string();
    output.close().with_context(|| format!("cannot remove the preview directory `{shown}`"))?;
    eprintln!("stopped");
    Ok(())
}

/// The serve loop's state: it never blocks on a build, a client or the file system for long.
struct Preview<'a> {
    builds: Builds,
    watcher: Watcher,
    /// Changes to files still being written, until they settle.
    settler: Settler,
    hub: Arc<Hub>,
    /// Until the URL is printed: after the first build, or once it is known to be slow.
    announce: Option<(SocketAddr, PathBuf, &'a Options)>,
}

impl Preview<'_> {
    /// Handles messages until told to stop.
    fn serve(&mut self, rx: &Receiver<Message>) {
        loop {
            let tick = if self.settler.is_holding() { watch::DEBOUNCE } else { TICK };
            match rx.recv_timeout(tick) {
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Message::Changes(touches)) => {
                    let ready = self.settler.observe(touches, Instant::now());
                    self.changed(ready);
                }
                Ok(Message::Failed(why)) => eprintln!("warning: watching for changes: {why}"),
                Ok(Message::Built(done)) => {
                    if let Some(events) = self.builds.finished(done) {
                        events.into_iter().for_each(|e| self.hub.broadcast(e));
                        self.announce();
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
            if self.settler.is_holding() {
                self.settle();
            }
            match self.builds.check(Instant::now()) {
                Some(Check::Stuck(message)) => {
                    eprintln!("{message}");
                    self.hub.broadcast(Event::Error(message));
                    self.announce();
                }
                Some(Check::Abandoned(message)) => eprintln!("{message}"),
                None => {}
            }
        }
    }

    /// Changes from the watcher: built now, or after the build in progress. Source directories
    /// that came or went are watched again first, and what happened to them is said in the
    /// terminal and, should the build fail, over the page.
    fn changed(&mut self, changes: Vec<Change>) {
        let touched: Vec<&'static str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::SourceDir(name) => Some(*name),
                _ => None,
            })
            .collect();
        let plan = Plan::from_changes(changes);
        if plan.is_empty() {
            return;
        }
        for notice in self.watcher.refresh(&touched) {
            eprintln!("{notice}");
            self.builds.note(notice);
        }
        self.builds.request(plan);
    }

    /// Builds the changes whose files have settled since.
    fn settle(&mut self) {
        let settled = self.settler.settled(Instant::now(), settle::stamp_of);
        for path in &settled.late {
            eprintln!(
                "note: `{}` is still open for writing but unchanged for {} s; building it as it is",
                path.display(),
                settle::QUIET_MAX.as_secs()
            );
        }
        self.changed(settled.changes);
    }

    fn announce(&mut self) {
        if let Some((addr, root, options)) = self.announce.take() {
            announce(addr, &root, options);
        }
    }
}

/// Prints where the preview is (the URL on stdout, for scripts) and opens it when asked.
fn announce(addr: SocketAddr, root: &Path, options: &Options) {
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {addr}: other machines on your network can see the preview \
             (use --bind 127.0.0.1 to keep it to this computer)"
        );
    }
    let url = url_of(addr);
    println!("Serving {} at {url}", root.display());
    let _ = std::io::stdout().flush();
    eprintln!("watching for changes; press Ctrl-C to stop");
    if options.open {
        open_browser(&url);
    }
}

/// `vitae.toml` and the command line's overrides, read again after every change to it. Pages
/// are served from the preview's root whatever the configured base URL.
fn config_loader(root: PathBuf, theme: Option<String>) -> LoadConfig {
    Arc::new(move || {
        let (mut config, warnings) = Config::load(&root)?;
        crate::messages::print_diagnostics(&warnings);
        if let Some(theme) = &theme {
            config.theme.clone_from(theme);
        }
        crate::messages::print_diagnostics(&config.check_theme()?);
        config.base_url = "/".to_string();
        config.pdf = false;
        Ok(config)
    })
}

/// The URL to print and open: a wildcard address is reached through loopback.
fn url_of(addr: SocketAddr) -> String {
    let host = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    format!("http://{host}:{}/", addr.port())
}

/// Opens `url` in the default browser; failing is only worth a warning.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    match std::process::Command::new(program)
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        // Reaped in the background so no zombie is left.
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => eprintln!("warning: cannot open a browser with `{program}` ({e}); open {url}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_for_addresses() {
        let url = |s: &str| url_of(s.parse().unwrap());
        assert_eq!(url("127.0.0.1:8000"), "http://127.0.0.1:8000/");
        assert_eq!(url("0.0.0.0:8000"), "http://127.0.0.1:8000/");
        assert_eq!(url("[::1]:8001"), "http://[::1]:8001/");
        assert_eq!(url("[::]:8001"), "http://[::1]:8001/");
    }
}
