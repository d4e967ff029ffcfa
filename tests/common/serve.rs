//! The harness for `vitae serve` tests and benchmarks: fixture sites in temp dirs, the real
//! binary started on a free port, raw HTTP over loopback and a Server-Sent Events reader.
//! Every wait is bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_vitae");

/// Long enough for a rebuild on a loaded CI machine; never waited out when things work.
pub const WAIT: Duration = Duration::from_secs(20);

/// A site in a temporary directory.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// The project's own example site: content/, templates/ and themes/ of this repository.
    pub fn example() -> Self {
        let site = Self { dir: tempfile::tempdir().unwrap() };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["content", "templates", "themes"] {
            copy_dir(&repo.join(dir), &site.path().join(dir));
        }
        site
    }

    /// The example's templates and theme with `n` generated resumes.
    pub fn generated(n: usize) -> Self {
        let site = Self { dir: tempfile::tempdir().unwrap() };
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["templates", "themes"] {
            copy_dir(&repo.join(dir), &site.path().join(dir));
        }
        for i in 0..n {
            site.write(&format!("content/person-{i:03}.yaml"), &generated_resume(i, "v0"));
        }
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file the way most editors do: in place.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Writes a file the way vim and many IDEs do: a temporary file renamed over it.
    pub fn write_atomically(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        let temp = path
            .with_file_name(format!(".{}.tmp-save", path.file_name().unwrap().to_string_lossy()));
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(&temp, &path).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Replaces `from` with `to` in a file; panics when `from` is not there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "`{from}` is not in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn serve(&self) -> Server {
        Server::start(self.path(), &[])
    }
}

/// A small but complete resume whose name carries `tag`.
pub fn generated_resume(i: usize, tag: &str) -> String {
    format!(
        "basics:\n  name: Person {i} {tag}\n  label: Engineer\n  email: p{i}@example.org\n  summary: Builds things.\n\
         work:\n  - name: Company {i}\n    position: Engineer\n    startDate: 2020-01\n    highlights:\n      - Shipped a thing\n      - Fixed another\n\
         education:\n  - institution: University {i}\n    area: Physics\n    studyType: BSc\n    startDate: 2014\n    endDate: 2018\n\
         skills:\n  - name: Rust\n    keywords: [ownership, traits]\n"
    )
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A running `vitae serve`.
pub struct Server {
    child: Option<Child>,
    /// `127.0.0.1:PORT`
    pub addr: String,
    pub url: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts the binary on any free port and waits until it prints its URL (it has built,
    /// watches and listens by then).
    pub fn start(root: &Path, extra: &[&str]) -> Self {
        Self::start_with(root, extra, &[])
    }

    /// [`Server::start`] with environment variables set for the server.
    pub fn start_with(root: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        let mut child = Command::new(BIN)
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let err_pipe = child.stderr.take().unwrap();
        let err_log = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(err_pipe).lines().map_while(Result::ok) {
                err_log.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let (tx, rx) = mpsc::channel();
        let out_pipe = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out_pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let line = rx.recv_timeout(WAIT).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("the server printed no URL; stderr:\n{}", stderr.lock().unwrap())
        });
        let url = line.split_whitespace().find(|w| w.starts_with("http://")).unwrap().to_string();
        let addr = url.trim_start_matches("http://").trim_end_matches('/').to_string();
        Server { child: Some(child), addr, url, stderr }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The server's process id (while it runs).
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("the server is running").id()
    }

    /// How many threads the server has now, from `/proc` (`None` where there is none).
    pub fn threads(&self) -> Option<usize> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status.lines().find_map(|l| l.strip_prefix("Threads:")?.trim().parse().ok())
    }

    /// The preview's temporary directory, from the server's log.
    pub fn output_dir(&self) -> PathBuf {
        let log = self.stderr();
        let line = log.lines().find(|l| l.starts_with("building the preview into ")).unwrap();
        PathBuf::from(line.trim_start_matches("building the preview into "))
    }

    pub fn get(&self, path: &str) -> Response {
        self.request(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ))
    }

    /// Sends `raw` as it is and reads the whole answer.
    pub fn request(&self, raw: &str) -> Response {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        Response::parse(&bytes)
    }

    /// Opens an event stream; returns once the server has registered it.
    pub fn events(&self) -> Events {
        Events::connect(&self.addr)
    }

    /// Stops the server as Ctrl-C would and waits for it to exit.
    pub fn interrupt(&mut self) -> Option<std::process::ExitStatus> {
        self.signal("INT")
    }

    /// Stops the server as `kill` (SIGTERM) would and waits for it to exit.
    pub fn terminate(&mut self) -> Option<std::process::ExitStatus> {
        self.signal("TERM")
    }

    /// Sends the signal `name` and waits (a bounded time) for the server to exit; `None` when
    /// it did not, and was killed.
    fn signal(&mut self, name: &str) -> Option<std::process::ExitStatus> {
        let mut child = self.child.take()?;
        let _ = Command::new("kill").args([&format!("-{name}"), &child.id().to_string()]).status();
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.interrupt();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Response {
    fn parse(bytes: &[u8]) -> Self {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        Response { status, head: head.to_string(), body: body.to_string() }
    }

    /// A header's value (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// One Server-Sent Event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub data: String,
}

/// A live event stream, read on its own thread; dropping it closes the connection, as closing
/// the page would.
pub struct Events {
    rx: Receiver<Event>,
    stream: TcpStream,
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

impl Events {
    pub fn connect(addr: &str) -> Self {
        let mut stream = TcpStream::connect(addr).unwrap();
        let request = format!(
            "GET /__vitae/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        while line.trim() != "" || !line.ends_with('\n') {
            line.clear();
            if reader.read_line(&mut line).unwrap() == 0 {
                panic!("the event stream ended in its head");
            }
        }
        reader.get_ref().set_read_timeout(None).unwrap();
        let stream = reader.get_ref().try_clone().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let (mut name, mut data) = (String::new(), Vec::new());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                let l = line.trim_end_matches(['\r', '\n']);
                if l.is_empty() {
                    if !name.is_empty()
                        && tx.send(Event { name: name.clone(), data: data.join("\n") }).is_err()
                    {
                        return;
                    }
                    name.clear();
                    data.clear();
                } else if let Some(v) = l.strip_prefix("event: ") {
                    name = v.to_string();
                } else if let Some(v) = l.strip_prefix("data: ") {
                    data.push(v.to_string());
                }
                line.clear();
            }
        });
        Events { rx, stream }
    }

    /// The next event within `timeout`.
    pub fn next(&self, timeout: Duration) -> Option<Event> {
        self.rx.recv_timeout(timeout).ok()
    }

    /// Skips events until one named `name`; panics after [`WAIT`].
    pub fn expect(&self, name: &str) -> Event {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.next(left) {
                Some(e) if e.name == name => return e,
                Some(e) => seen.push(e),
                None => break,
            }
        }
        panic!("no `{name}` event within {WAIT:?}; saw {seen:?}")
    }
}
