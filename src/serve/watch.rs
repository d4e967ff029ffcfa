//! Watching the site's sources with notify and a debouncer. Whole directories are watched, so
//! editors that save by writing a temporary file and renaming it over the original are seen;
//! the output directory and `.git` are never watched, so a build cannot trigger itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::Message;
use super::change::{SOURCES, Touch, classify};

/// Quiet time after the last event of a save before rebuilding: long enough to merge the
/// handful of events one save makes, short enough that the page follows the save at once.
pub const DEBOUNCE: Duration = Duration::from_millis(15);

pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    /// The source directories watched, with the identity they had then.
    watched: BTreeMap<&'static str, DirId>,
    /// Source directories that were watched and went away.
    gone: BTreeSet<&'static str>,
}

impl Watcher {
    /// Starts watching the site at `root` (canonical): its source directories recursively, the
    /// root alone (for `vitae.toml`, and for source directories that come and go). Changes go
    /// to `tx` as they settle.
    pub fn start(root: &Path, tx: Sender<Message>) -> Result<Self> {
        let event_root = root.to_path_buf();
        let debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let message = match result {
                Ok(events) => {
                    let touches: Vec<Touch> = events
                        .iter()
                        .flat_map(|e| classify(&e.event.kind, &e.event.paths, &event_root))
                        .collect();
                    if touches.is_empty() {
                        return;
                    }
                    Message::Changes(touches)
                }
                Err(errors) => Message::Failed(
                    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
                ),
            };
            let _ = tx.send(message);
        })
        .context("cannot start watching files for changes")?;
        let mut watcher = Self {
            debouncer,
            root: root.to_path_buf(),
            watched: BTreeMap::new(),
            gone: BTreeSet::new(),
        };
        watcher
            .debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(e, root))?;
        for name in SOURCES {
            if let Some(Err(e)) = watcher.refresh_one(name, false) {
                return Err(e);
            }
        }
        Ok(watcher)
    }

    /// Brings the watches up to date with the source directories on disk: watches those that
    /// appeared, came back or were replaced, forgets those that went. `touched` names the ones
    /// an event was about; they are watched afresh even when they look the same, since a
    /// directory removed and made again may get the same inode. Returns what happened, for the
    /// terminal and the page.
    pub fn refresh(&mut self, touched: &[&'static str]) -> Vec<String> {
        SOURCES
            .iter()
            .filter_map(|name| self.refresh_one(name, touched.contains(name)))
            .map(|outcome| outcome.unwrap_or_else(|e| format!("warning: {e:#}")))
            .collect()
    }

    /// One source directory; `None` when nothing worth saying happened.
    fn refresh_one(&mut self, name: &'static str, touched: bool) -> Option<Result<String>> {
        let dir = self.root.join(name);
        let now = dir.is_dir().then(|| dir_id(&dir));
        let before = self.watched.get(name).copied();
        match (before, now) {
            (None, None) => None,
            (Some(_), None) => {
                // The watch went with the directory; this only forgets it.
                let _ = self.debouncer.unwatch(&dir);
                self.watched.remove(name);
                self.gone.insert(name);
                Some(Ok(format!(
                    "`{name}/` was removed from the site; the preview keeps its last good build \
                     and watches for `{name}/` to come back"
                )))
            }
            (Some(old), Some(new)) if old == new && !touched => None,
            (before, Some(new)) => {
                if before.is_some() {
                    let _ = self.debouncer.unwatch(&dir);
                }
                if let Err(e) = self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    self.watched.remove(name);
                    return Some(Err(watch_error(e, &dir)));
                }
                self.watched.insert(name, new);
                match (before, self.gone.remove(name)) {
                    (_, true) => Some(Ok(format!("`{name}/` is back: watching it again"))),
                    (Some(old), false) if old != new => Some(Ok(format!(
                        "`{name}/` was replaced by another directory: watching the new one"
                    ))),
                    _ => None,
                }
            }
        }
    }
}

/// What tells a directory from another made in its place: device and inode where there are
/// such (`None` elsewhere: only its coming and going are seen, through events).
type DirId = Option<(u64, u64)>;

#[cfg(unix)]
fn dir_id(dir: &Path) -> DirId {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_id(_dir: &Path) -> DirId {
    None
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
