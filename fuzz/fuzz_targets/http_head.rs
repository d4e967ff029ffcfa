//! The preview server, running in this process as `vitae serve` runs it (tiny_http's accept
//! loop, vitae's workers, guards and live-reload hub), fed any bytes as a request: it never
//! panics, aborts or sizes an allocation from a header, answers with an HTTP status line or
//! closes the connection, never leaves a connection hanging once the request side is closed
//! (an event stream aside), and answers the next client.
#![no_main]

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, SocketAddr, TcpStream};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use vitae::serve::events::Hub;
use vitae::serve::http::{self, Shared};

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// Starts the server once, on a free port, over a small built site.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("vitae-fuzz-http-{}", std::process::id()));
        for (rel, text) in [
            ("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>"),
            ("ada/index.html", "<!DOCTYPE html><html><body><p>Ada</p></body></html>"),
            ("ada/resume.json", "{}"),
            ("assets/screen.css", "body{}"),
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let listener = http::bind(LOOPBACK, Some(0), 0).unwrap();
        let addr = listener.local_addr().unwrap();
        let hub = Hub::new();
        Hub::keep_alive(&hub);
        let shared = Shared { root: root.canonicalize().unwrap(), bound: LOOPBACK, hub };
        // Runs until the process ends.
        std::mem::forget(http::start(listener, Arc::new(shared)).unwrap());
        addr
    })
}

/// Sends `bytes`, ends the request side, and reads what comes back until the server closes,
/// fails, or has started an event stream (which stays open).
fn exchange(addr: SocketAddr, bytes: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).expect("the server takes connections");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = stream.write_all(bytes);
    let _ = stream.shutdown(Shutdown::Write);
    let mut answer = Vec::new();
    let mut buf = [0; 16 * 1024];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            // The request side is closed: the server has nothing to wait for.
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => panic!(
                "the server neither finished its answer nor closed the connection in 10 s: {:?}",
                String::from_utf8_lossy(&answer[..answer.len().min(200)])
            ),
            // Reset: the server closed with the rest of the request unread.
            Err(_) => break,
        }
        let head_end = answer.windows(4).position(|w| w == b"\r\n\r\n");
        if head_end.is_some_and(|end| contains(&answer[..end], b"text/event-stream")) {
            break;
        }
    }
    // No TIME_WAIT left behind: a fuzzer makes connections faster than they time out.
    let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
    answer
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `HTTP/x.y NNN` at the start.
fn is_status_line(answer: &[u8]) -> bool {
    let line = answer.split(|b| *b == b'\r').next().unwrap_or_default();
    let mut parts = line.split(|b| *b == b' ');
    let version = parts.next().unwrap_or_default();
    let status = parts.next().unwrap_or_default();
    version.starts_with(b"HTTP/") && status.len() == 3 && status.iter().all(u8::is_ascii_digit)
}

fuzz_target!(|bytes: &[u8]| {
    let addr = server();
    let answer = exchange(addr, bytes);
    assert!(
        answer.is_empty() || is_status_line(&answer),
        "not an HTTP answer: {:?}",
        String::from_utf8_lossy(&answer[..answer.len().min(200)])
    );
    let next = exchange(addr, b"GET /ada/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assert!(
        next.starts_with(b"HTTP/1.1 200") && contains(&next, b"<p>Ada</p>"),
        "the next client is not served: {:?}",
        String::from_utf8_lossy(&next[..next.len().min(200)])
    );
});
