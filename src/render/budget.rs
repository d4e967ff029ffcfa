//! A budget for every page render: [`TIME`] and [`OUTPUT`]. Tera 2 has no fuel setting, and a
//! template can loop for ever (nested `range` loops in an override), so each render runs on a
//! render thread (taken from a pool, one per render running at once), and the caller stops
//! waiting at the deadline: `vitae build` fails with an error naming the template, and
//! `vitae serve` keeps serving, its watcher and signal handling never blocked by a render.
//!
//! The render itself stops at the budget wherever it can: its writer refuses output past the
//! size limit or the deadline, and `range` (vitae's own, see `filters::Range`) refuses to start
//! a loop after the deadline. A loop that neither writes nor calls `range` cannot be stopped
//! from outside; its thread is left to finish on its own, and the next render gets a new one.

use std::cell::Cell;
use std::io::Write;
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

/// Renders the template `name` with `ctx`, within the budget.
pub fn render(tera: &Arc<Tera>, name: &str, ctx: Context) -> Result<String, Failure> {
    let deadline = Instant::now() + TIME;
    let job = Job { tera: Arc::clone(tera), name: name.to_string(), ctx, deadline };
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

/// Whether the render running on this thread is past its deadline. Always false outside a
/// render thread.
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
    fn a_page_renders_and_its_render_thread_is_reused() {
        let t = tera("{% for i in range(end=3) %}{{ i }}{% endfor %}");
        assert_eq!(render(&t, "t.html", Context::new()).unwrap(), "012");
        assert_eq!(render(&t, "t.html", Context::new()).unwrap(), "012");
        assert!(matches!(render(&t, "missing.html", Context::new()), Err(Failure::Template(_))));
    }

    #[test]
    fn output_past_the_limit_stops_the_render() {
        let kilobyte = "x".repeat(1024);
        let t = tera(&format!(
            "{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{kilobyte}{{% endfor %}}{{% endfor %}}"
        ));
        assert!(matches!(render(&t, "t.html", Context::new()), Err(Failure::Output)));
    }
}
