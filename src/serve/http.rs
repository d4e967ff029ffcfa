//! The preview's HTTP side on tiny_http: one port for pages and live-reload events. Serves the
//! last good build from the output directory, nothing else, and only to loopback Host names.

use std::io::{self, Read};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use tiny_http::{ConnectionOptions, Header, Method, Request, Response, Server, StatusCode};

use super::events::{self, Hub};
use super::guard::{self, Resolved};
use super::pages::{self, EVENTS_PATH};

/// Workers kept waiting for requests. While all are busy (a client that stops reading holds
/// one until its send timeout) another is started, up to `MAX_WORKERS`; extra ones end when idle.
const IDLE_WORKERS: usize = 8;
const MAX_WORKERS: usize = 512;

/// How long a response may wait for a client that does not read.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a connection may stay silent, mid-request or between keep-alive requests, before it
/// is closed, so abandoned and half-sent requests do not keep their threads for ever.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// How many ports after the default are tried when it is taken.
const PORT_TRIES: u16 = 20;

/// Binds `addr:port`, or when `port` is `None` the first free port from `default` on.
pub fn bind(addr: IpAddr, port: Option<u16>, default: u16) -> Result<TcpListener> {
    let Some(port) = port else {
        let mut last = None;
        for p in default..default.saturating_add(PORT_TRIES) {
            match TcpListener::bind(SocketAddr::new(addr, p)) {
                Ok(listener) => return Ok(listener),
                Err(e) if e.kind() == io::ErrorKind::AddrInUse => last = Some(e),
                Err(e) => return Err(bind_error(e, addr, p)),
            }
        }
        let e = last.unwrap_or_else(|| io::Error::other("no port to try"));
        return Err(bind_error(e, addr, default)).with_context(|| {
            format!("ports {default} to {} are all taken; pass --port N", default + PORT_TRIES - 1)
        });
    };
    TcpListener::bind(SocketAddr::new(addr, port)).map_err(|e| bind_error(e, addr, port))
}

fn bind_error(e: io::Error, addr: IpAddr, port: u16) -> anyhow::Error {
    anyhow!(e).context(format!(
        "cannot listen on {}; choose another with --port N (or --port 0 for any free port)",
        SocketAddr::new(addr, port)
    ))
}

/// What every request handler shares.
pub struct Shared {
    /// The output directory, canonical.
    pub root: PathBuf,
    /// The address the server is bound to, for the Host check.
    pub bound: IpAddr,
    pub hub: Arc<Hub>,
}

/// Starts serving on `listener`; workers run until the process ends.
pub fn start(listener: TcpListener, shared: Arc<Shared>) -> Result<Arc<Server>> {
    let server = Arc::new(
        Server::from_listener_with(listener, None, connection_options())
            .map_err(|e| anyhow!("cannot start the preview server: {e}"))?,
    );
    let pool = Arc::new(Pool { waiting: AtomicUsize::new(0), running: AtomicUsize::new(0) });
    for _ in 0..IDLE_WORKERS {
        spawn_worker(&server, &shared, &pool);
    }
    Ok(server)
}

/// Set on every accepted connection, never on the listening socket: there a read timeout makes
/// `accept` itself time out, which once ended the accept loop half a minute after the start.
fn connection_options() -> ConnectionOptions {
    ConnectionOptions {
        read_timeout: Some(IDLE_TIMEOUT),
        write_timeout: Some(SEND_TIMEOUT),
        // tiny_http writes headers and body separately: with Nagle's algorithm on, every
        // keep-alive response waits ~40 ms for a delayed ACK.
        nodelay: true,
    }
}

/// Worker counts: `waiting` are blocked in `recv`, `running` is every live worker.
struct Pool {
    waiting: AtomicUsize,
    running: AtomicUsize,
}

fn spawn_worker(server: &Arc<Server>, shared: &Arc<Shared>, pool: &Arc<Pool>) {
    let (server, shared, pool) = (Arc::clone(server), Arc::clone(shared), Arc::clone(pool));
    pool.running.fetch_add(1, Ordering::SeqCst);
    pool.waiting.fetch_add(1, Ordering::SeqCst);
    let spawned = thread::Builder::new().name("vitae-http".into()).spawn({
        let pool = Arc::clone(&pool);
        move || work(&server, &shared, &pool)
    });
    if spawned.is_err() {
        // Out of threads: the workers already running carry on.
        pool.running.fetch_sub(1, Ordering::SeqCst);
        pool.waiting.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One worker: answers requests until the server is unblocked or enough others are waiting.
fn work(server: &Arc<Server>, shared: &Arc<Shared>, pool: &Arc<Pool>) {
    loop {
        let Ok(request) = server.recv() else {
            pool.waiting.fetch_sub(1, Ordering::SeqCst);
            break;
        };
        // The last waiting worker starts another before answering, so an answer that blocks on
        // a slow client never leaves the next request without a worker.
        let was_waiting = pool.waiting.fetch_sub(1, Ordering::SeqCst);
        if was_waiting == 1 && pool.running.load(Ordering::SeqCst) < MAX_WORKERS {
            spawn_worker(server, shared, pool);
        }
        handle(request, shared);
        if pool.waiting.load(Ordering::SeqCst) >= IDLE_WORKERS {
            break;
        }
        pool.waiting.fetch_add(1, Ordering::SeqCst);
    }
    pool.running.fetch_sub(1, Ordering::SeqCst);
}

/// Answers one request. Failures to answer (the client went away) are not errors of ours.
fn handle(request: Request, shared: &Shared) {
    let hosts = request.headers().iter().filter(|h| h.field.equiv("Host")).count();
    if hosts > 1 {
        // Which one would a proxy in front have checked? Refuse rather than guess.
        return respond_text(request, 400, "a request may carry only one Host header.\n");
    }
    let host = header_value(&request, "Host");
    if !guard::host_allowed(host.as_deref(), shared.bound) {
        let text = "vitae's preview answers only requests for localhost or 127.0.0.1 (this one \
                    named another host, which is how DNS rebinding attacks look).\n";
        return respond_text(request, 403, text);
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        return respond_text(request, 405, "vitae's preview only answers GET and HEAD.\n");
    }
    let url = request.url().to_string();
    let path = url.split('?').next().unwrap_or_default();
    if path == EVENTS_PATH {
        if !guard::origin_allowed(header_value(&request, "Origin").as_deref(), shared.bound) {
            return respond_text(request, 403, "only the preview's own pages may listen.\n");
        }
        return listen(request, &shared.hub);
    }
    if path.starts_with("/__vitae/") {
        return respond_not_found(request, shared, path);
    }
    match guard::resolve(&shared.root, &url) {
        Resolved::File(file) => respond_file(request, &file),
        Resolved::Redirect(to) => {
            let response = with_header(Response::empty(301), "Location", &to);
            let _ = request.respond(with_common(response));
        }
        Resolved::NotFound => respond_not_found(request, shared, path),
        Resolved::Refused(why) => respond_text(request, 403, &format!("refused: {why}\n")),
    }
}

/// Hands the connection to the hub, which writes the stream from then on; over the cap, the
/// page is told why and the connection closed.
fn listen(request: Request, hub: &Hub) {
    let Some(socket) = request.socket() else {
        return respond_text(request, 500, "live reload needs a plain TCP connection.\n");
    };
    let out = request.into_writer();
    match events::Connection::new(out, socket) {
        Ok(connection) => {
            if let Err(connection) = hub.subscribe(connection) {
                connection.refuse();
            }
        }
        Err(e) => eprintln!("warning: a page cannot listen for live reload: {e}"),
    }
}

fn header_value(request: &Request, name: &'static str) -> Option<String> {
    request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_string())
}

fn respond_file(request: Request, file: &Path) {
    let mime = content_type(file);
    if mime.starts_with("text/html") {
        match std::fs::read_to_string(file) {
            Ok(html) => respond_html(request, 200, &pages::inject(&html)),
            Err(e) => respond_text(request, 500, &format!("cannot read {}: {e}\n", file.display())),
        }
        return;
    }
    match std::fs::File::open(file) {
        Ok(f) => {
            let response = with_header(Response::from_file(f), "Content-Type", mime);
            let _ = request.respond(with_common(response));
        }
        Err(e) => respond_text(request, 404, &format!("cannot open {}: {e}\n", file.display())),
    }
}

fn respond_not_found(request: Request, shared: &Shared, path: &str) {
    let built = shared.root.join("index.html").is_file();
    let html = pages::not_found(path, &top_level_pages(&shared.root), built);
    respond_html(request, 404, &html);
}

/// The directories of the output that hold a page, as `slug/`.
fn top_level_pages(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root) else { return Vec::new() };
    let mut pages: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| format!("{}/", e.file_name().to_string_lossy()))
        .collect();
    pages.sort();
    pages
}

fn respond_html(request: Request, status: u16, html: &str) {
    let response = Response::from_string(html).with_status_code(StatusCode(status));
    let response = with_header(response, "Content-Type", "text/html; charset=utf-8");
    let _ = request.respond(with_common(response));
}

fn respond_text(request: Request, status: u16, text: &str) {
    let response = Response::from_string(text).with_status_code(StatusCode(status));
    let response = with_header(response, "Content-Type", "text/plain; charset=utf-8");
    let _ = request.respond(with_common(response));
}

/// Headers on every answer: nothing cached (every save must show), no content sniffing.
fn with_common<R: Read>(response: Response<R>) -> Response<R> {
    let response = with_header(response, "Cache-Control", "no-store");
    with_header(response, "X-Content-Type-Options", "nosniff")
}

/// `response` with a header added; a name or value tiny_http rejects (not ASCII) is left out.
fn with_header<R: Read>(response: Response<R>, name: &str, value: &str) -> Response<R> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

/// The Content-Type of a file, from its extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_by_extension() {
        let table = [
            ("a/index.html", "text/html; charset=utf-8"),
            ("assets/screen.CSS", "text/css; charset=utf-8"),
            ("resume.json", "application/json"),
            ("me.png", "image/png"),
            ("font.woff2", "font/woff2"),
            ("resume.pdf", "application/pdf"),
            (".nojekyll", "application/octet-stream"),
        ];
        for (path, want) in table {
            assert_eq!(content_type(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn a_taken_port_moves_on_unless_it_was_asked_for() {
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        let taken = TcpListener::bind((lo, 0)).unwrap();
        let port = taken.local_addr().unwrap().port();
        let next = bind(lo, None, port).unwrap();
        assert_ne!(next.local_addr().unwrap().port(), port);
        let err = bind(lo, Some(port), 8000).unwrap_err();
        assert!(format!("{err:#}").contains("--port"), "{err:#}");
    }
}
