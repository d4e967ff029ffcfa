//! Rebuilds run off the serve loop, on a thread pool of their own, so the loop never waits for
//! one: Ctrl-C, the watcher and new saves are handled while a build runs, and changes that
//! arrive meanwhile are merged into the next build. A build that runs far longer than this
//! site's builds take (a template that loops) is reported, and abandoned as soon as a newer
//! save comes: a fresh pool starts over from scratch with every change, and the stuck build,
//! whenever it ends, writes nothing (see [`Fence`]).

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rayon::{ThreadPool, ThreadPoolBuilder};

use super::Message;
use super::change::Plan;
use super::events::Event;
use super::rebuild::{Fence, LoadConfig, Output, Rebuilder};

/// A build is called stuck after this long, or after several times the slowest build of this
/// site so far, whichever is longer: a big site's first build is not mistaken for a loop.
const STUCK_AFTER: Duration = Duration::from_secs(5);
const STUCK_FACTOR: u32 = 4;

/// Abandoned builds keep their threads busy until they end (the render budget ends a loop);
/// past this many still running, a stuck build is waited for instead of abandoned.
const MAX_ABANDONED: usize = 3;

/// What [`Builds::check`] found about the build in progress.
#[derive(Debug, PartialEq, Eq)]
pub enum Check {
    /// It runs far longer than it should: for the terminal and the page.
    Stuck(String),
    /// It was left to run out; a fresh build started: for the terminal.
    Abandoned(String),
}

/// What a finished build sends back to the serve loop.
pub struct Done {
    generation: u64,
    rebuilder: Rebuilder,
    events: Vec<Event>,
    took: Duration,
    notes: Vec<String>,
}

/// The build in progress.
struct Running {
    started: Instant,
    /// What it rebuilds, for the messages.
    what: String,
    reported: bool,
    /// Alive while the build runs; watched once the build is abandoned.
    alive: Weak<()>,
    /// Its notes, for the build that replaces it should it be abandoned.
    notes: Vec<String>,
}

pub struct Builds {
    load_config: LoadConfig,
    dir: PathBuf,
    fence: Arc<Fence>,
    generation: u64,
    tx: Sender<Message>,
    pool: ThreadPool,
    /// The rebuilder, while no build runs (a build has it).
    idle: Option<Rebuilder>,
    running: Option<Running>,
    /// Changes that came while a build ran: the next build.
    queued: Plan,
    /// What the page should read above the next build's error (a source directory went).
    notes: Vec<String>,
    slowest: Duration,
    /// Abandoned builds, until they end.
    abandoned: Vec<Weak<()>>,
}

impl Builds {
    /// Ready to build the site `load_config` describes into `dir`; finished builds are sent to
    /// the serve loop on `tx`.
    pub fn new(load_config: LoadConfig, dir: PathBuf, tx: Sender<Message>) -> Result<Self> {
        let fence = Arc::new(Fence::default());
        let output = Output { dir: dir.clone(), fence: Arc::clone(&fence), generation: 0 };
        let idle = Some(Rebuilder::new(Arc::clone(&load_config), output));
        Ok(Self {
            load_config,
            dir,
            fence,
            generation: 0,
            tx,
            pool: new_pool()?,
            idle,
            running: None,
            queued: Plan::default(),
            notes: Vec::new(),
            slowest: Duration::ZERO,
            abandoned: Vec::new(),
        })
    }

    /// A note for the page, shown above the error should the next build fail.
    pub fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// Builds `plan` now, or after the build in progress (merged with other changes).
    pub fn request(&mut self, plan: Plan) {
        self.queued.merge(plan);
        self.start_if_idle();
    }

    fn start_if_idle(&mut self) {
        if self.running.is_some() || self.queued.is_empty() {
            return;
        }
        let Some(mut rebuilder) = self.idle.take() else { return };
        let plan = std::mem::take(&mut self.queued);
        let notes = std::mem::take(&mut self.notes);
        let alive = Arc::new(());
        self.running = Some(Running {
            started: Instant::now(),
            what: plan.describe(),
            reported: false,
            alive: Arc::downgrade(&alive),
            notes: notes.clone(),
        });
        let (tx, generation) = (self.tx.clone(), self.generation);
        self.pool.spawn(move || {
            let _alive = alive;
            let started = Instant::now();
            let events = rebuilder.apply(plan);
            let done = Done { generation, rebuilder, events, took: started.elapsed(), notes };
            let _ = tx.send(Message::Built(Box::new(done)));
        });
    }

    /// Takes a finished build back: its events for the pages, or `None` when it was abandoned
    /// (what it made is not wanted any more). Starts the next build if changes are waiting.
    pub fn finished(&mut self, done: Box<Done>) -> Option<Vec<Event>> {
        let done = *done;
        if done.generation != self.generation {
            return None;
        }
        self.running = None;
        self.idle = Some(done.rebuilder);
        self.slowest = self.slowest.max(done.took);
        self.start_if_idle();
        let with_notes = |event| match event {
            Event::Error(message) if !done.notes.is_empty() => {
                Event::Error(format!("{}\n\n{message}", done.notes.join("\n")))
            }
            event => event,
        };
        Some(done.events.into_iter().map(with_notes).collect())
    }

    /// Looks at the build in progress: the first time it has run longer than a build of this
    /// site should, returns a message for the terminal and the page; when it is that late and
    /// newer changes wait, abandons it and starts over with them.
    pub fn check(&mut self, now: Instant) -> Option<Check> {
        let limit = STUCK_AFTER.max(self.slowest * STUCK_FACTOR);
        let running = self.running.as_mut()?;
        let age = now.saturating_duration_since(running.started);
        if age < limit {
            return None;
        }
        if !self.queued.is_empty() {
            self.abandoned.retain(|b| b.strong_count() > 0);
            if self.abandoned.len() < MAX_ABANDONED {
                return Some(self.abandon(age));
            }
        }
        if running.reported {
            return None;
        }
        running.reported = true;
        Some(Check::Stuck(format!(
            "warning: rebuilding {} has taken {} s and has not finished: a template may loop \
             without end (a `for` over a huge range, loops inside loops, a macro that calls \
             itself). The preview shows the last good build; save a fix and the preview starts \
             over with it.",
            running.what,
            age.as_secs()
        )))
    }

    /// Leaves the build in progress to run out on its own pool, which it alone keeps busy, and
    /// starts a fresh build of everything, with every change since, on a new pool.
    fn abandon(&mut self, age: Duration) -> Check {
        let Some(running) = self.running.take() else { return Check::Abandoned(String::new()) };
        let pool = match new_pool() {
            Ok(pool) => pool,
            Err(e) => {
                self.running = Some(running);
                return Check::Abandoned(format!(
                    "warning: cannot start over from a stuck rebuild: {e:#}"
                ));
            }
        };
        self.abandoned.push(running.alive);
        self.notes.splice(0..0, running.notes);
        self.pool = pool;
        self.generation = self.fence.advance();
        let output = Output {
            dir: self.dir.clone(),
            fence: Arc::clone(&self.fence),
            generation: self.generation,
        };
        self.idle = Some(Rebuilder::new(Arc::clone(&self.load_config), output));
        self.queued.merge(Plan::everything());
        self.start_if_idle();
        Check::Abandoned(format!(
            "abandoned rebuilding {} after {} s; rebuilding everything with the newer changes",
            running.what,
            age.as_secs()
        ))
    }

    /// No build writes into the preview any more (one writing now finishes first).
    pub fn stop(&self) {
        self.fence.close();
    }
}

fn new_pool() -> Result<ThreadPool> {
    ThreadPoolBuilder::new()
        .thread_name(|i| format!("vitae-build-{i}"))
        .build()
        .context("cannot start threads for rebuilding the preview")
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;
    use crate::config::Config;
    use crate::serve::change::Change;

    #[test]
    fn a_late_build_is_reported_once_then_abandoned_for_newer_changes() {
        let site = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let resume = site.path().join("content/ada.yaml");
        std::fs::create_dir_all(resume.parent().unwrap()).unwrap();
        std::fs::write(&resume, "basics:\n  name: Ada\n").unwrap();
        let root = site.path().to_path_buf();
        let load: LoadConfig = Arc::new(move || Ok(Config::load(&root)?.0));
        let (tx, rx) = mpsc::channel();
        let mut builds = Builds::new(load, out.path().to_path_buf(), tx).unwrap();
        builds.request(Plan::everything());
        // A build counts as running until the loop takes it back, and is judged by its age:
        // seen from ten seconds on, this one is late.
        let late = Instant::now() + Duration::from_secs(10);
        assert!(
            matches!(builds.check(late), Some(Check::Stuck(m)) if m.contains("rebuilding everything"))
        );
        assert_eq!(builds.check(late), None, "reported once");
        std::fs::write(&resume, "basics:\n  name: Ada King\n").unwrap();
        builds.request(Plan::from_changes([Change::Content(resume)]));
        assert!(matches!(builds.check(late), Some(Check::Abandoned(_))));
        let mut heard = Vec::new();
        while builds.running.is_some() {
            let Ok(Message::Built(done)) = rx.recv_timeout(Duration::from_secs(60)) else {
                panic!("no build came back")
            };
            heard.extend(builds.finished(done).unwrap_or_default());
        }
        assert_eq!(heard, [Event::Reload], "only the newer build is heard");
        let page = std::fs::read_to_string(out.path().join("ada/index.html")).unwrap();
        assert!(page.contains("Ada King"), "{page}");
    }
}
