//! A budget for every page render: [`TIME`] and [`OUTPUT`]. Tera 2 has no fuel setting, and a
//! template can loop for ever (nested `range` loops in an override). Under `vitae serve`
//! ([`isolate_renders`]) each render runs on a render thread (taken from a pool, one per render
//! running at once) and the caller stops waiting at the deadline, so the server keeps serving,
//! its watcher and signal handling never blocked by a render. Elsewhere (`build`, `check`) a
//! render runs on the calling thread, which spares a thread hand-off per page (a fifth of a
//! 1,000-resume rebuild); a render that overruns its budget without noticing is ended by a
//! watchdog that names the template and exits 1, so `vitae build` always returns.
//!
//! The render itself stops at the budget wherever it can: its writer refuses output past the
//! size limit or the deadline, and `range` (vitae's own, see `filters::Range`) refuses to start
//! a loop after the deadline. A loop that neither writes nor calls `range` cannot be stopped
//! from outside; its thread is left to finish on its own, and the next render gets a new one.

use std::cell::Cell;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tera::{Context, Tera};

/// The longest one page may take to render.
pub const TIME: Duration = Duration::from_secs(5);

/// The most one page may write: far beyond any resume (lists are capped in the model).
pub const OUTPUT: usize = 32 * 1024 * 1024;

/// Why a render failed.
#[derive(Debug)]
pub enum Failure {
    /// The template reported an error.
    Template(tera::Error),
    /// It did not finish within [`TIME`].
    Time,
    /// It wrote more than [`OUTPUT`] bytes.
    Output,
    /// The render thread died (a panic in the template engine) or could not be started.
    Crashed(String),
}

/// Renders the template `name` with `ctx`, within the budget. `own_templates` completes the
/// help of the watchdog's message (the site's templates, which a stuck loop is likely in).
pub fn render(
    tera: &Arc<Tera>,
    name: &str,
    ctx: Context,
    own_templates: &Arc<str>,
) -> Result<String, Failure> {
    let deadline = Instant::now() + TIME;
    let job = Job { tera: Arc::clone(tera), name: name.to_string(), ctx, deadline };
    if !ISOLATED.load(Ordering::Relaxed) {
        let watched = watchdog::watch(name, own_templates, deadline);
        let outcome = run(job);
        watchdog::done(watched);
        return outcome;
    }
    let idle = IDLE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
    let worker = match idle {
        Some(worker) => worker,
        None => Worker::spawn()?,
    };
    if worker.jobs.send(job).is_err() {
        return Err(Failure::Crashed("the render thread has stopped".into()));
    }
    // A little past the deadline: a render that checks its budget reports it first.
    let wait = deadline.saturating_duration_since(Instant::now()) + Duration::from_millis(200);
    match worker.results.recv_timeout(wait) {
        Ok(outcome) => {
            IDLE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(worker);
            outcome
        }
        // Dropping the worker detaches its thread, which ends once the render returns.
        Err(RecvTimeoutError::Timeout) => Err(Failure::Time),
        Err(RecvTimeoutError::Disconnected) => {
            Err(Failure::Crashed("the template engine stopped unexpectedly (a panic)".into()))
        }
    }
}

/// Renders from now on run on render threads of their own (`vitae serve`, which must outlive
/// a render that never ends).
pub fn isolate_renders() {
    ISOLATED.store(true, Ordering::Relaxed);
}

static ISOLATED: AtomicBool = AtomicBool::new(false);

/// Ends the process when a render on a calling thread runs far past its deadline: a loop
/// that neither writes nor calls `range` cannot be stopped from inside, and `vitae build`
/// must return. Nothing in the output has changed by then (the build swaps it in at the end).
mod watchdog {
    use super::*;

    /// Renders running on calling threads: an id, the template, the deadline.
    static RUNNING: Mutex<Vec<Running>> = Mutex::new(Vec::new());

    struct Running {
        id: u64,
        name: String,
        own_templates: Arc<str>,
        deadline: Instant,
    }
    static NEXT: AtomicU64 = AtomicU64::new(0);
    static STARTED: std::sync::Once = std::sync::Once::new();

    /// How long past its deadline a render may run before the process ends: a render that
    /// checks its budget stops itself well within it.
    const GRACE: Duration = Duration::from_secs(2);

    pub fn watch(name: &str, own_templates: &Arc<str>, deadline: Instant) -> u64 {
        STARTED.call_once(|| {
            let _ = std::thread::Builder::new().name("vitae-watchdog".into()).spawn(patrol);
        });
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        let own_templates = Arc::clone(own_templates);
        lock().push(Running { id, name: name.to_string(), own_templates, deadline });
        id
    }

    pub fn done(id: u64) {
        lock().retain(|r| r.id != id);
    }

    fn lock() -> std::sync::MutexGuard<'static, Vec<Running>> {
        RUNNING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn patrol() {
        loop {
            std::thread::sleep(Duration::from_millis(250));
            let now = Instant::now();
            let stuck = lock()
                .iter()
                .find(|r| now > r.deadline + GRACE)
                .map(|r| (r.name.clone(), Arc::clone(&r.own_templates)));
            if let Some((name, own)) = stuck {
                eprintln!(
                    "error: template error in `{name}`: rendering one page took longer than {} s and it could not be stopped\n  help: look for a loop that never ends in this template or one it includes or extends{own}; nothing in the output was changed",
                    TIME.as_secs()
                );
                std::process::exit(1);
            }
        }
    }
}

/// Whether the render running on this thread is past its deadline. Always false outside a
/// render.
pub fn past_deadline() -> bool {
    DEADLINE.with(|d| d.get().is_some_and(|d| Instant::now() > d))
}

/// Render threads waiting for work, kept between renders.
static IDLE: Mutex<Vec<Worker>> = Mutex::new(Vec::new());

thread_local! {
    /// On a render thread, the deadline of the render it is running.
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

struct Job {
    tera: Arc<Tera>,
    name: String,
    ctx: Context,
    deadline: Instant,
}

/// A render thread and the channels to it.
struct Worker {
    jobs: mpsc::Sender<Job>,
    results: mpsc::Receiver<Result<String, Failure>>,
}

impl Worker {
    fn spawn() -> Result<Self, Failure> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (result_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("vitae-render".into())
            .spawn(move || {
                // Ends when the sender is dropped: at exit, or when a caller gave up on it.
                for job in job_rx {
                    if result_tx.send(run(job)).is_err() {
                        return;
                    }
                }
            })
            .map_err(|e| Failure::Crashed(format!("cannot start a render thread: {e}")))?;
        Ok(Self { jobs, results })
    }
}

/// One render, on the render thread.
fn run(job: Job) -> Result<String, Failure> {
    DEADLINE.with(|d| d.set(Some(job.deadline)));
    let mut out = Limited {
        bytes: Vec::with_capacity(16 * 1024),
        deadline: job.deadline,
        writes: 0,
        over: None,
    };
    let result = job.tera.render_to(&job.name, &job.ctx, &mut out);
    DEADLINE.with(|d| d.set(None));
    match (result, out.over) {
        (_, Some(over)) => Err(over),
        (Err(_), None) if Instant::now() > job.deadline => Err(Failure::Time),
        (Err(e), None) => Err(Failure::Template(e)),
        (Ok(()), None) => String::from_utf8(out.bytes)
            .map_err(|_| Failure::Crashed("the template wrote invalid UTF-8".into())),
    }
}

/// A writer that refuses to go past [`OUTPUT`] bytes or the deadline.
struct Limited {
    bytes: Vec<u8>,
    deadline: Instant,
    writes: u32,
    /// Which limit stopped the render.
    over: Option<Failure>,
}

impl Write for Limited {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // The clock is read every 256 writes: a page makes thousands of small ones.
        self.writes = self.writes.wrapping_add(1);
        if self.over.is_none() {
            if self.bytes.len() + buf.len() > OUTPUT {
                self.over = Some(Failure::Output);
            } else if self.writes.is_multiple_of(256) && Instant::now() > self.deadline {
                self.over = Some(Failure::Time);
            }
        }
        if self.over.is_some() {
            return Err(std::io::Error::other("over the render budget"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(template: &str) -> Arc<Tera> {
        let mut tera = Tera::new();
        crate::render::filters::register(&mut tera);
        tera.add_raw_template("t.html", template).unwrap();
        Arc::new(tera)
    }

    #[test]
    fn a_page_renders_on_the_calling_thread_and_a_missing_template_is_an_error() {
        let t = tera("{% for i in range(end=3) %}{{ i }}{% endfor %}");
        assert_eq!(render(&t, "t.html", Context::new(), &"".into()).unwrap(), "012");
        assert_eq!(render(&t, "t.html", Context::new(), &"".into()).unwrap(), "012");
        assert!(matches!(
            render(&t, "missing.html", Context::new(), &"".into()),
            Err(Failure::Template(_))
        ));
    }

    #[test]
    fn output_past_the_limit_stops_the_render() {
        let kilobyte = "x".repeat(1024);
        let t = tera(&format!(
            "{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{kilobyte}{{% endfor %}}{{% endfor %}}"
        ));
        assert!(matches!(render(&t, "t.html", Context::new(), &"".into()), Err(Failure::Output)));
    }
}
