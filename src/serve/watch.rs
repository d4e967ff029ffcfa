//! Watching the site's sources with notify and a debouncer. Whole directories are watched, so
//! editors that save by writing a temporary file and renaming it over the original are seen;
//! the output directory and `.git` are never watched, so a build cannot trigger itself.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::Message;
use super::change::{Change, SOURCES, classify};

/// Quiet time after the last event of a save before rebuilding: long enough to merge the
/// handful of events one save makes, short enough that the page follows the save at once.
pub const DEBOUNCE: Duration = Duration::from_millis(15);

pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching the site at `root` (canonical): its source directories recursively, the
    /// root alone (for `vitae.toml`). Changes go to `tx` as they settle.
    pub fn start(root: &Path, tx: Sender<Message>) -> Result<Self> {
        let event_root = root.to_path_buf();
        let debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let message = match result {
                Ok(events) => {
                    let changes: Vec<Change> = events
                        .iter()
                        .flat_map(|e| classify(&e.event.kind, &e.event.paths, &event_root))
                        .collect();
                    if changes.is_empty() {
                        return;
                    }
                    Message::Changes(changes)
                }
                Err(errors) => Message::Failed(
                    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
                ),
            };
            let _ = tx.send(message);
        })
        .context("cannot start watching files for changes")?;
        let mut watcher = Self { debouncer, root: root.to_path_buf(), watched: Vec::new() };
        watcher
            .debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(e, root))?;
        watcher.watch_new_sources()?;
        Ok(watcher)
    }

    /// Watches the source directories that exist now and were not watched yet (a site may
    /// create `templates/` while being previewed).
    pub fn watch_new_sources(&mut self) -> Result<()> {
        for name in SOURCES {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.debouncer
                    .watch(&dir, RecursiveMode::Recursive)
                    .map_err(|e| watch_error(e, &dir))?;
                self.watched.push(dir);
            }
        }
        Ok(())
    }
}

/// What went wrong watching `dir`, and for the common case what to do about it.
fn watch_error(e: notify::Error, dir: &Path) -> anyhow::Error {
    let hint = match e.kind {
        notify::ErrorKind::MaxFilesWatch => {
            "; the system's limit of watched directories is reached: raise it (on Linux: \
             `sudo sysctl fs.inotify.max_user_watches=524288`) or close other watchers"
        }
        _ => "",
    };
    anyhow::Error::new(e).context(format!("cannot watch `{}` for changes{hint}", dir.display()))
}
