//! Live-reload events and the browsers listening to them over Server-Sent Events. Each client
//! gets its own thread writing to its connection; a client whose connection is gone is dropped
//! at the next event or keep-alive.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// How often an idle stream gets a comment, so proxies keep it open and dead clients are found.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// What the page is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Pages changed: reload.
    Reload,
    /// Only this stylesheet (its URL path) changed: swap it in place.
    Css(String),
    /// The last rebuild failed: show the message; the last good build is still served.
    Error(String),
}

impl Event {
    /// The event in the SSE wire format; a multi-line message becomes several `data:` lines.
    pub fn to_sse(&self) -> String {
        let (name, data) = match self {
            // A non-empty data field: browsers skip events without data.
            Event::Reload => ("reload", "reload"),
            Event::Css(path) => ("css", path.as_str()),
            Event::Error(message) => ("error", message.as_str()),
        };
        let mut out = format!("event: {name}\n");
        for line in data.split('\n') {
            out.push_str("data: ");
            out.push_str(line.strip_suffix('\r').unwrap_or(line));
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

/// The connected browsers, and the error they should see on connecting.
#[derive(Default)]
pub struct Hub {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    clients: Vec<Sender<Event>>,
    /// The message of the failed rebuild, until a good one.
    error: Option<String>,
}

impl Hub {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panicking client thread cannot leave the list half-updated; carry on.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sends `event` to every client, forgetting those that have gone.
    pub fn broadcast(&self, event: Event) {
        let mut state = self.state();
        match &event {
            Event::Error(message) => state.error = Some(message.clone()),
            Event::Reload => state.error = None,
            Event::Css(_) => {}
        }
        state.clients.retain(|client| client.send(event.clone()).is_ok());
    }

    pub fn error(&self) -> Option<String> {
        self.state().error.clone()
    }

    pub fn clients(&self) -> usize {
        self.state().clients.len()
    }

    /// Registers a client; it first hears the current error, if there is one.
    pub fn subscribe(&self) -> Receiver<Event> {
        let (tx, rx) = mpsc::channel();
        let mut state = self.state();
        if let Some(message) = &state.error {
            let _ = tx.send(Event::Error(message.clone()));
        }
        state.clients.push(tx);
        rx
    }
}

/// Streams events to one client until its connection fails. `out` is the raw connection: the
/// status line and headers are written here, since a buffered response would never end.
pub fn stream(out: impl Write, events: Receiver<Event>) {
    stream_with(out, events, KEEP_ALIVE);
}

fn stream_with(mut out: impl Write, events: Receiver<Event>, keep_alive: Duration) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\n\
                retry: 500\n\n";
    if send(&mut out, head).is_err() {
        return;
    }
    loop {
        let text = match events.recv_timeout(keep_alive) {
            Ok(event) => event.to_sse(),
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut out, &text).is_err() {
            // Dropping `events` here lets the hub forget this client at its next broadcast.
            return;
        }
    }
}

fn send(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_in_wire_format() {
        assert_eq!(Event::Reload.to_sse(), "event: reload\ndata: reload\n\n");
        assert_eq!(
            Event::Css("/assets/a.css".into()).to_sse(),
            "event: css\ndata: /assets/a.css\n\n"
        );
        assert_eq!(
            Event::Error("bad\r\n  caused by: x".into()).to_sse(),
            "event: error\ndata: bad\ndata:   caused by: x\n\n"
        );
    }

    #[test]
    fn new_clients_hear_the_current_error_and_dead_ones_are_dropped() {
        let hub = Hub::new();
        hub.broadcast(Event::Error("broken".into()));
        let rx = hub.subscribe();
        assert_eq!(rx.try_recv(), Ok(Event::Error("broken".into())));
        drop(hub.subscribe());
        assert_eq!(hub.clients(), 2);
        hub.broadcast(Event::Reload);
        assert_eq!(hub.clients(), 1);
        assert_eq!(rx.try_recv(), Ok(Event::Reload));
        assert_eq!(hub.error(), None);
        assert!(hub.subscribe().try_recv().is_err(), "no error after a good build");
    }

    /// A connection that accepts `left` writes, then fails like a closed socket.
    struct Closing {
        written: Vec<u8>,
        left: usize,
    }

    impl Write for Closing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.left == 0 {
                return Err(std::io::ErrorKind::BrokenPipe.into());
            }
            self.left -= 1;
            self.written.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn idle_streams_get_keep_alives_and_a_dead_one_is_forgotten() {
        let hub = Hub::new();
        let mut out = Closing { written: Vec::new(), left: 2 };
        stream_with(&mut out, hub.subscribe(), Duration::from_millis(1));
        assert!(String::from_utf8_lossy(&out.written).ends_with(": keep-alive\n\n"));
        assert_eq!(hub.clients(), 1);
        hub.broadcast(Event::Reload);
        assert_eq!(hub.clients(), 0);
    }

    #[test]
    fn a_stream_writes_head_then_events_and_ends_with_the_hub() {
        let (tx, rx) = mpsc::channel();
        tx.send(Event::Reload).unwrap();
        drop(tx);
        let mut out = Vec::new();
        stream(&mut out, rx);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(
            text.contains("text/event-stream") && text.ends_with("event: reload\ndata: reload\n\n")
        );
    }
}
