//! Files still being written are held back, so a page is never built from half a file. An
//! editor that writes a file in two steps (or a slow copy) leaves it truncated for a moment,
//! and a truncated resume often still parses; built then, it would replace a good page.
//!
//! Where the watcher reports a writer closing the file (inotify, on Linux), a change counts once
//! its file was closed after its last write, or after [`QUIET_MAX`] without any event while a
//! writer keeps it open. Elsewhere it counts once the file's size and modification time are
//! the same at two ticks a debounce apart. Pure: the caller supplies the clock and the stamps.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::change::{Change, Touch, Write};

/// How long a file may stay open for writing, untouched, before it is built as it is.
pub const QUIET_MAX: Duration = Duration::from_secs(5);

/// Whether the platform's watcher reports a writer closing a file.
pub const CLOSE_EVENTS: bool = cfg!(any(target_os = "linux", target_os = "android"));

/// A file's size and modification time.
pub type Stamp = (u64, SystemTime);

/// Changes held back until their files settle.
pub struct Settler {
    close_events: bool,
    held: BTreeMap<PathBuf, Held>,
}

struct Held {
    changes: Vec<Change>,
    last_event: Instant,
    /// The stamp at the last tick (platforms without close events).
    stamp: Option<Stamp>,
}

impl Settler {
    pub fn new(close_events: bool) -> Self {
        Self { close_events, held: BTreeMap::new() }
    }

    /// Whether some change waits for its file to settle.
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty()
    }

    /// Takes a batch of touches, in the order they happened; returns the changes whose files
    /// are done (with any held earlier for the same files).
    pub fn observe(&mut self, touches: Vec<Touch>, now: Instant) -> Vec<Change> {
        let mut ready = Vec::new();
        for Touch { path, change, write } in touches {
            match write {
                Write::Started => {
                    let held = self.held.entry(path).or_insert_with(|| Held {
                        changes: Vec::new(),
                        last_event: now,
                        stamp: None,
                    });
                    held.changes.push(change);
                    held.last_event = now;
                    held.stamp = None;
                }
                Write::Closed | Write::Other => {
                    if let Some(held) = self.held.remove(&path) {
                        ready.extend(held.changes);
                    }
                    ready.push(change);
                }
            }
        }
        ready
    }

    /// The held changes whose files have settled by `now`; `stamp` reads a file's stamp
    /// (`None`: it is gone, which settles it).
    pub fn settled(&mut self, now: Instant, stamp: impl Fn(&Path) -> Option<Stamp>) -> Settled {
        let mut out = Settled::default();
        let close_events = self.close_events;
        self.held.retain(|path, held| {
            let quiet = now.saturating_duration_since(held.last_event);
            let done = if close_events {
                let late = quiet >= QUIET_MAX;
                if late {
                    out.late.push(path.clone());
                }
                late
            } else {
                let current = stamp(path);
                let same = current.is_none() || (held.stamp.is_some() && held.stamp == current);
                held.stamp = current;
                same
            };
            if done {
                out.changes.append(&mut held.changes);
            }
            !done
        });
        out
    }
}

/// What [`Settler::settled`] releases.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Settled {
    pub changes: Vec<Change>,
    /// Files still open for writing but untouched for [`QUIET_MAX`]: built as they are.
    pub late: Vec<PathBuf>,
}

/// The stamp of the file at `path`, if it is there.
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(rel: &str, write: Write) -> Touch {
        let path = PathBuf::from("/site").join(rel);
        Touch { change: Change::Content(path.clone()), path, write }
    }

    fn content(rel: &str) -> Change {
        Change::Content(PathBuf::from("/site").join(rel))
    }

    #[test]
    fn a_file_written_and_closed_in_one_batch_is_ready_at_once() {
        let mut s = Settler::new(true);
        let now = Instant::now();
        let batch =
            vec![touch("content/a.yaml", Write::Started), touch("content/a.yaml", Write::Closed)];
        assert_eq!(s.observe(batch, now), [content("content/a.yaml"), content("content/a.yaml")]);
        assert!(!s.is_holding());
    }

    #[test]
    fn a_file_still_open_waits_for_its_close_or_for_quiet() {
        let mut s = Settler::new(true);
        let t0 = Instant::now();
        let other = touch("content/b.yaml", Write::Other);
        let ready = s.observe(vec![touch("content/a.yaml", Write::Started), other], t0);
        assert_eq!(ready, [content("content/b.yaml")], "other files are not held up");
        assert!(s.is_holding());
        // Written again a while later, then closed: one release, with both changes.
        let t1 = t0 + Duration::from_millis(250);
        assert_eq!(s.settled(t1, |_| None), Settled::default(), "no stamps with close events");
        assert!(s.observe(vec![touch("content/a.yaml", Write::Started)], t1).is_empty());
        let closed = s.observe(vec![touch("content/a.yaml", Write::Closed)], t1);
        assert_eq!(closed.len(), 3);
        // A writer that keeps a file open without writing: built after QUIET_MAX.
        assert!(s.observe(vec![touch("content/c.yaml", Write::Started)], t1).is_empty());
        assert_eq!(s.settled(t1 + QUIET_MAX / 2, |_| None), Settled::default());
        let late = s.settled(t1 + QUIET_MAX, |_| None);
        assert_eq!(late.changes, [content("content/c.yaml")]);
        assert_eq!(late.late, [PathBuf::from("/site/content/c.yaml")]);
        assert!(!s.is_holding());
    }

    #[test]
    fn a_close_then_a_new_write_is_held_again() {
        let mut s = Settler::new(true);
        let now = Instant::now();
        let batch =
            vec![touch("content/a.yaml", Write::Closed), touch("content/a.yaml", Write::Started)];
        assert_eq!(s.observe(batch, now).len(), 1);
        assert!(s.is_holding());
    }

    #[test]
    fn without_close_events_a_file_settles_when_its_stamp_holds_still() {
        let mut s = Settler::new(false);
        let t0 = Instant::now();
        assert!(s.observe(vec![touch("content/a.yaml", Write::Started)], t0).is_empty());
        let at = |secs: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        let tick = Duration::from_millis(15);
        assert!(s.settled(t0 + tick, |_| Some((10, at(1)))).changes.is_empty(), "first look");
        assert!(s.settled(t0 + tick * 2, |_| Some((20, at(2)))).changes.is_empty(), "growing");
        let done = s.settled(t0 + tick * 3, |_| Some((20, at(2))));
        assert_eq!(done.changes, [content("content/a.yaml")]);
        // A file that is gone has nothing left to wait for.
        assert!(s.observe(vec![touch("content/b.yaml", Write::Started)], t0).is_empty());
        assert_eq!(s.settled(t0 + tick, |_| None).changes, [content("content/b.yaml")]);
    }
}
