//! End to end in headless Chromium, driven over the DevTools protocol: a served page follows
//! saves by itself (new text after a resume edit, a stylesheet swapped without reload, the
//! error overlay and its removal). Skipped with a note when no Chromium is installed, except
//! in CI (`CI` set), where it must run.

#![allow(clippy::unwrap_used)]

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::serve::{Site, WAIT};
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

type Socket = WebSocket<MaybeTlsStream<TcpStream>>;

const RESUME: &str = "content/avery-quinn.yaml";

#[test]
fn a_served_page_follows_saves_without_any_action_in_the_browser() {
    let Some(chromium) = chromium_or_skip() else { return };
    let site = Site::example();
    let server = site.serve();
    let browser = Browser::launch(&chromium, &format!("{}avery-quinn/", server.url));
    let mut page = browser.page();

    page.wait_for("window.__vitaeLive === true && document.body.innerText.includes('Avery Quinn')");
    page.eval("window.__notReloaded = true");

    // A resume edit: the page reloads itself and shows the new text.
    site.edit(RESUME, "name: Avery Quinn", "name: Seen In Chromium");
    page.wait_for("document.body.innerText.includes('Seen In Chromium')");

    // A stylesheet edit: swapped in place, the page is not reloaded.
    page.wait_for("window.__vitaeLive === true");
    page.eval("window.__notReloaded = true");
    let css = "themes/classic/static/screen.css";
    site.write(css, &format!("{}\nbody {{ outline: 7px solid rgb(1, 2, 3); }}\n", site.read(css)));
    page.wait_for("getComputedStyle(document.body).outlineWidth === '7px'");
    assert_eq!(page.eval("window.__notReloaded === true"), json!(true), "the page was reloaded");

    // A broken save: an overlay with the error over the last good page; a fix removes it.
    let good = site.read(RESUME);
    site.write(RESUME, "basics: [\n  <b>not bold</b>\n");
    page.wait_for(
        "(document.getElementById('vitae-error') || {}).innerText?.includes('avery-quinn.yaml')",
    );
    assert_eq!(page.eval("document.querySelector('#vitae-error b') === null"), json!(true));
    assert_eq!(page.eval("document.body.innerText.includes('Seen In Chromium')"), json!(true));
    site.write(RESUME, &good.replacen("Seen In Chromium", "Fixed In Chromium", 1));
    page.wait_for(
        "document.body.innerText.includes('Fixed In Chromium') && !document.getElementById('vitae-error')",
    );
}

/// modern on a phone reads name, title, contact, summary and experience first, the rest of its
/// sidebar (skills, languages, interests) after the main column; on a wide screen both asides
/// stand in the left column beside it. The document order is the phone's reading order.
#[test]
fn modern_puts_the_summary_and_experience_first_on_a_phone_and_the_sidebar_left_on_a_desktop() {
    let Some(chromium) = chromium_or_skip() else { return };
    let site = Site::example();
    let out = site.path().join("public");
    let built = Command::new(common::serve::BIN)
        .args(["build", "--theme", "modern", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let page_url = format!("file://{}", out.join("avery-quinn/index.html").display());
    let browser = Browser::launch(&chromium, &page_url);
    let mut page = browser.page();
    page.wait_for(
        "document.readyState === 'complete' && !!document.querySelector('.sidebar-more')",
    );

    // Top and left edges, in CSS pixels, of the parts that matter.
    let boxes = "JSON.stringify(Object.fromEntries([['h1', 'h1'], ['contact', '.sidebar-contact'], \
        ['summary', '#h-summary'], ['work', '#h-work'], ['more', '.sidebar-more'], \
        ['main', 'main'], ['footer', '.site-footer']].map(([k, sel]) => { \
          const r = document.querySelector(sel).getBoundingClientRect(); \
          return [k, {top: r.top + scrollY, left: r.left, bottom: r.bottom + scrollY}]; })))";
    let measure = |page: &mut Page, width: u32| -> Value {
        page.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        page.wait_for(&format!("window.innerWidth === {width}"));
        serde_json::from_str(page.eval(boxes).as_str().unwrap()).unwrap()
    };

    let phone = measure(&mut page, 390);
    let top = |b: &Value, k: &str| b[k]["top"].as_f64().unwrap();
    let order = ["h1", "contact", "summary", "work", "more", "footer"];
    for pair in order.windows(2) {
        assert!(
            top(&phone, pair[0]) < top(&phone, pair[1]),
            "on a phone `{}` should come before `{}`: {phone}",
            pair[0],
            pair[1]
        );
    }
    assert!(top(&phone, "more") >= phone["main"]["bottom"].as_f64().unwrap(), "{phone}");
    // The contact is a compact band, not a long list above the summary.
    assert!(top(&phone, "summary") - top(&phone, "contact") < 250.0, "{phone}");

    let desktop = measure(&mut page, 1280);
    let left = |b: &Value, k: &str| b[k]["left"].as_f64().unwrap();
    assert!(left(&desktop, "contact") < left(&desktop, "main"), "{desktop}");
    assert_eq!(left(&desktop, "contact"), left(&desktop, "more"), "one left column: {desktop}");
    assert!(top(&desktop, "contact") < top(&desktop, "more"), "{desktop}");
    let main_bottom = desktop["main"]["bottom"].as_f64().unwrap();
    assert!(top(&desktop, "more") < main_bottom, "beside the main column, not below: {desktop}");
}

/// Chromium, or `None` with a note (outside CI, where a missing Chromium fails the test).
fn chromium_or_skip() -> Option<PathBuf> {
    let found = find_chromium();
    common::skip_unless(
        found.is_some(),
        "Chromium (apt-get install chromium, or set VITAE_BROWSER)",
    );
    found
}

/// `$VITAE_BROWSER`, else Chromium or Chrome on PATH.
fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("VITAE_BROWSER") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
                .map(|name| dir.join(name))
        })
        .find(|p| p.is_file())
}

/// A headless Chromium with its own profile, closed on drop.
struct Browser {
    child: Child,
    port: u16,
    browser_ws: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch(program: &Path, url: &str) -> Self {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(program)
            .args(vitae::pdf::HEADLESS_FLAGS)
            .args(["--remote-debugging-port=0"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Chromium writes its port and browser endpoint here once it listens.
        let file = profile.path().join("DevToolsActivePort");
        let text = poll(|| std::fs::read_to_string(&file).ok().filter(|t| t.lines().count() >= 2));
        let mut lines = text.lines();
        let port = lines.next().unwrap().trim().parse().unwrap();
        let browser_ws = lines.next().unwrap().trim().to_string();
        Browser { child, port, browser_ws, _profile: profile }
    }

    /// The first page target, connected.
    fn page(&self) -> Page {
        let ws_url = poll(|| {
            let list = http_get(self.port, "/json/list")?;
            let targets: Vec<Value> = serde_json::from_str(&list).ok()?;
            targets
                .iter()
                .find(|t| t["type"] == "page")
                .and_then(|t| t["webSocketDebuggerUrl"].as_str())
                .map(str::to_string)
        });
        Page { ws: connect(&ws_url), next_id: 1 }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let url = format!("ws://127.0.0.1:{}{}", self.port, self.browser_ws);
        if let Ok((mut ws, _)) = tungstenite::connect(url.as_str()) {
            let close = json!({"id": 1, "method": "Browser.close"}).to_string();
            let _ = ws.send(Message::text(close));
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One page target over the DevTools protocol.
struct Page {
    ws: Socket,
    next_id: u64,
}

impl Page {
    /// Evaluates `expression` in the page and returns its value (`null` when the page is between
    /// documents, e.g. while reloading).
    fn eval(&mut self, expression: &str) -> Value {
        let params = json!({"expression": expression, "returnByValue": true});
        self.call("Runtime.evaluate", params)["result"]["value"].clone()
    }

    /// Calls a DevTools method and returns its `result`.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let call = json!({"id": id, "method": method, "params": params});
        self.ws.send(Message::text(call.to_string())).unwrap();
        loop {
            let message = self.ws.read().unwrap();
            let Ok(text) = message.to_text() else { continue };
            let Ok(reply) = serde_json::from_str::<Value>(text) else { continue };
            if reply["id"] == json!(id) {
                return reply["result"].clone();
            }
        }
    }

    /// Waits until `condition` is true in the page; panics after [`WAIT`].
    fn wait_for(&mut self, condition: &str) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if self.eval(condition) == json!(true) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let text = self.eval("document.body && document.body.innerText");
        panic!("the page never satisfied `{condition}` within {WAIT:?}; it shows:\n{text}");
    }
}

/// A DevTools websocket whose reads give up after [`WAIT`].
fn connect(url: &str) -> Socket {
    let (ws, _) = tungstenite::connect(url).unwrap();
    if let MaybeTlsStream::Plain(stream) = ws.get_ref() {
        stream.set_read_timeout(Some(WAIT)).unwrap();
    }
    ws
}

/// A GET to Chromium's DevTools HTTP endpoint. It may keep the connection open, so the body is
/// read by its Content-Length.
fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(WAIT)).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    String::from_utf8(body).ok()
}

/// Calls `f` until it returns something; panics after [`WAIT`].
fn poll<T>(mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if let Some(v) = f() {
            return v;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("Chromium did not answer within {WAIT:?}")
}
