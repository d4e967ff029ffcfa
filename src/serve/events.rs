//! Live-reload events and the browsers listening to them over Server-Sent Events. No stream has
//! a thread of its own: an event is written to every stream by whoever has it to tell (the
//! serve loop), and one thread for all of them sends keep-alives and forgets the clients that
//! have gone. Sockets are non-blocking, so a client that stops reading is dropped instead of
//! holding anyone up, and at most [`MAX_STREAMS`] are open at once.

use std::io::{self, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::{Duration, Instant};

/// How many pages may listen at once: far more tabs than anyone previews in, few enough that
/// their connections (tiny_http keeps a thread for each) stay cheap.
pub const MAX_STREAMS: usize = 64;

/// How often an idle stream gets a comment, so proxies keep it open and dead clients are found.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How often the clients that have gone (their socket reads end-of-file) are forgotten.
const REAP_EVERY: Duration = Duration::from_secs(1);

/// The head of every stream: written raw, since a buffered response would never end.
const HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
                    Cache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\n\
                    retry: 500\n\n";

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

/// One listening page, as the hub sees it.
pub trait Client: Write + Send {
    /// The client has closed the connection (or it failed).
    fn gone(&self) -> bool;
}

/// A listening page's connection: the raw response writer and its socket, non-blocking.
pub struct Connection {
    out: Box<dyn Write + Send>,
    socket: Arc<TcpStream>,
}

impl Connection {
    pub fn new(out: Box<dyn Write + Send>, socket: Arc<TcpStream>) -> io::Result<Self> {
        socket.set_nonblocking(true)?;
        Ok(Self { out, socket })
    }

    /// Answers a page over the cap with 503 and a reason, and closes the connection (a browser's
    /// EventSource gives up on a 503 instead of retrying).
    pub fn refuse(mut self) {
        let text = format!(
            "vitae's preview already has {MAX_STREAMS} pages listening for live reload; close \
             some tabs or windows of the preview, then reload this page.\n"
        );
        let answer = format!(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
             Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
             Connection: close\r\n\r\n{text}",
            text.len()
        );
        let _ = send(&mut self, &answer);
    }
}

impl Write for Connection {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl Client for Connection {
    fn gone(&self) -> bool {
        match self.socket.peek(&mut [0]) {
            Ok(n) => n == 0,
            Err(e) => e.kind() != io::ErrorKind::WouldBlock,
        }
    }
}

impl Drop for Connection {
    /// The page learns at once that this stream is over (and reconnects if it is still open).
    fn drop(&mut self) {
        let _ = self.out.flush();
        let _ = self.socket.shutdown(Shutdown::Both);
    }
}

/// The listening pages, and the error they should see on connecting.
pub struct Hub {
    state: Mutex<State>,
    cap: usize,
}

struct State {
    clients: Vec<Box<dyn Client>>,
    /// The message of the failed rebuild, until a good one.
    error: Option<String>,
    last_keep_alive: Instant,
}

impl Hub {
    pub fn new() -> Arc<Self> {
        Self::with_cap(MAX_STREAMS)
    }

    pub fn with_cap(cap: usize) -> Arc<Self> {
        let state = State { clients: Vec::new(), error: None, last_keep_alive: Instant::now() };
        Arc::new(Self { state: Mutex::new(state), cap })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Writes cannot leave the list half-updated; carry on after a panic elsewhere.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts the one thread that keeps every stream alive and forgets the clients that have
    /// gone; it ends with the hub.
    pub fn keep_alive(hub: &Arc<Self>) {
        let hub: Weak<Self> = Arc::downgrade(hub);
        let spawned = std::thread::Builder::new().name("vitae-events".into()).spawn(move || {
            loop {
                std::thread::sleep(REAP_EVERY);
                let Some(hub) = hub.upgrade() else { return };
                hub.tick(Instant::now());
            }
        });
        if let Err(e) = spawned {
            eprintln!(
                "warning: cannot start the live-reload keep-alive ({e}); closed pages are forgotten only at the next rebuild"
            );
        }
    }

    /// Forgets the clients that have gone; sends a keep-alive comment when one is due.
    pub fn tick(&self, now: Instant) {
        let mut state = self.state();
        state.clients.retain(|c| !c.gone());
        if now.saturating_duration_since(state.last_keep_alive) >= KEEP_ALIVE {
            state.last_keep_alive = now;
            state.clients.retain_mut(|c| send(c, ": keep-alive\n\n").is_ok());
        }
    }

    /// Registers a client, which first gets the stream's head and the current error, if any.
    /// Over the cap (once the clients that have gone are forgotten) it is handed back, to be
    /// refused.
    pub fn subscribe<C: Client + 'static>(&self, mut client: C) -> Result<(), C> {
        let mut state = self.state();
        if state.clients.len() >= self.cap {
            state.clients.retain(|c| !c.gone());
        }
        if state.clients.len() >= self.cap {
            return Err(client);
        }
        let mut text = HEAD.to_string();
        if let Some(message) = &state.error {
            text.push_str(&Event::Error(message.clone()).to_sse());
        }
        if send(&mut client, &text).is_ok() {
            state.clients.push(Box::new(client));
        }
        Ok(())
    }

    /// Sends `event` to every client, forgetting those that cannot take it at once.
    pub fn broadcast(&self, event: Event) {
        let mut state = self.state();
        match &event {
            Event::Error(message) => state.error = Some(message.clone()),
            Event::Reload => state.error = None,
            Event::Css(_) => {}
        }
        let text = event.to_sse();
        state.clients.retain_mut(|client| send(client, &text).is_ok());
    }

    pub fn error(&self) -> Option<String> {
        self.state().error.clone()
    }

    pub fn clients(&self) -> usize {
        self.state().clients.len()
    }
}

/// Writes `text` whole; on a non-blocking socket a client whose buffers are full fails here.
fn send(out: &mut (impl Write + ?Sized), text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

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

    /// A page: what it was sent, whether it has gone, and how many writes it takes before its
    /// buffers are full.
    #[derive(Clone)]
    struct Page {
        written: Arc<Mutex<String>>,
        gone: Arc<AtomicBool>,
        writes_left: Arc<Mutex<usize>>,
    }

    impl Page {
        fn new() -> Self {
            Self {
                written: Arc::default(),
                gone: Arc::default(),
                writes_left: Arc::new(Mutex::new(usize::MAX)),
            }
        }

        fn text(&self) -> String {
            self.written.lock().unwrap().clone()
        }
    }

    impl Write for Page {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let mut left = self.writes_left.lock().unwrap();
            if *left == 0 || self.gone.load(Ordering::SeqCst) {
                return Err(io::ErrorKind::WouldBlock.into());
            }
            *left -= 1;
            self.written.lock().unwrap().push_str(&String::from_utf8_lossy(buf));
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Client for Page {
        fn gone(&self) -> bool {
            self.gone.load(Ordering::SeqCst)
        }
    }

    #[test]
    fn a_new_page_gets_the_head_and_the_current_error() {
        let hub = Hub::new();
        hub.broadcast(Event::Error("broken".into()));
        let page = Page::new();
        assert!(hub.subscribe(page.clone()).is_ok());
        let text = page.text();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n") && text.contains("text/event-stream"));
        assert!(text.ends_with("event: error\ndata: broken\n\n"), "{text}");
        hub.broadcast(Event::Reload);
        assert_eq!(hub.error(), None);
        assert!(page.text().ends_with("event: reload\ndata: reload\n\n"));
        let later = Page::new();
        assert!(hub.subscribe(later.clone()).is_ok());
        assert!(!later.text().contains("error"), "no error after a good build");
    }

    #[test]
    fn pages_over_the_cap_are_handed_back_until_one_has_gone() {
        let hub = Hub::with_cap(2);
        let (first, second) = (Page::new(), Page::new());
        assert!(hub.subscribe(first.clone()).is_ok() && hub.subscribe(second).is_ok());
        assert!(hub.subscribe(Page::new()).is_err());
        first.gone.store(true, Ordering::SeqCst);
        assert!(hub.subscribe(Page::new()).is_ok(), "the page that went makes room at once");
        assert_eq!(hub.clients(), 2);
    }

    #[test]
    fn gone_pages_are_forgotten_at_the_next_tick_and_idle_ones_kept_alive() {
        let hub = Hub::new();
        let (stays, goes) = (Page::new(), Page::new());
        assert!(hub.subscribe(stays.clone()).is_ok() && hub.subscribe(goes.clone()).is_ok());
        goes.gone.store(true, Ordering::SeqCst);
        let start = Instant::now();
        hub.tick(start);
        assert_eq!(hub.clients(), 1);
        assert!(!stays.text().contains(": keep-alive\n\n"), "none due yet");
        hub.tick(start + KEEP_ALIVE + KEEP_ALIVE);
        assert!(stays.text().ends_with(": keep-alive\n\n"));
    }

    #[test]
    fn a_page_that_cannot_take_an_event_at_once_is_dropped() {
        let hub = Hub::new();
        let (reads, stalls) = (Page::new(), Page::new());
        assert!(hub.subscribe(reads.clone()).is_ok() && hub.subscribe(stalls.clone()).is_ok());
        *stalls.writes_left.lock().unwrap() = 0;
        hub.broadcast(Event::Css("/a.css".into()));
        assert_eq!(hub.clients(), 1);
        assert!(reads.text().ends_with("event: css\ndata: /a.css\n\n"));
    }
}
