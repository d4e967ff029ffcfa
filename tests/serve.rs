//! `vitae serve` against the real binary over loopback: live-reload events, errors that keep
//! the last good build, and what the server refuses.

#![allow(clippy::unwrap_used)]

mod common;

use common::serve::{Server, Site};

const RESUME: &str = "content/avery-quinn.yaml";

#[test]
fn editing_a_resume_sends_reload_and_serves_the_new_content() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    assert!(server.get("/").body.contains("Avery Quinn"));
    site.edit(RESUME, "name: Avery Quinn", "name: Avery Q. Renamed");
    events.expect("reload");
    let page = server.get("/avery-quinn/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Avery Q. Renamed"), "{}", server.stderr());
}

#[test]
fn an_atomic_save_by_rename_is_seen() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    let text = site.read(RESUME).replacen("name: Avery Quinn", "name: Saved By Rename", 1);
    site.write_atomically(RESUME, &text);
    events.expect("reload");
    assert!(server.get("/").body.contains("Saved By Rename"));
}

#[test]
fn editing_a_stylesheet_swaps_it_without_a_reload() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    let css = "themes/classic/static/screen.css";
    site.write(css, &format!("{}\n.vitae-test {{ color: red; }}\n", site.read(css)));
    let event = events.expect("css");
    assert_eq!(event.data, "/assets/screen.css");
    let served = server.get("/assets/screen.css");
    assert!(served.body.contains(".vitae-test"));
    assert!(served.header("Content-Type").unwrap().starts_with("text/css"));
}

#[test]
fn editing_a_template_reloads_every_page() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    site.write("templates/partials/footer.html", "<footer>Template was edited</footer>\n");
    events.expect("reload");
    assert!(server.get("/avery-quinn/").body.contains("Template was edited"));
}

#[test]
fn a_broken_resume_shows_the_error_over_the_last_good_page_until_fixed() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    let good = site.read(RESUME);
    site.write(RESUME, "basics: [\n");
    let error = events.expect("error");
    assert!(error.data.contains("avery-quinn.yaml") && error.data.contains("1:9"), "{error:?}");
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Avery Quinn"), "the last good build is still served");
    // A browser that connects now hears the error at once.
    assert_eq!(server.events().expect("error"), error);
    site.write(RESUME, &good.replacen("name: Avery Quinn", "name: Fixed Again", 1));
    events.expect("reload");
    assert!(server.get("/").body.contains("Fixed Again"));
}

#[test]
fn a_first_build_that_fails_still_serves_and_shows_the_error() {
    let site = Site::example();
    site.write(RESUME, "basics: [\n");
    let server = site.serve();
    let page = server.get("/");
    assert_eq!(page.status, 404);
    assert!(page.body.contains("not been built yet") && page.body.contains("/__vitae/events"));
    let events = server.events();
    assert!(events.expect("error").data.contains("unclosed"));
    site.write(RESUME, "basics:\n  name: First Success\n");
    events.expect("reload");
    assert!(server.get("/").body.contains("First Success"));
}

#[test]
fn served_pages_carry_the_script_but_built_files_do_not() {
    let site = Site::example();
    let server = site.serve();
    let page = server.get("/avery-quinn/");
    assert!(page.body.contains("new EventSource(\"/__vitae/events\")"));
    assert!(
        page.body.find("<script>// vitae serve").unwrap() < page.body.rfind("</body>").unwrap()
    );
    assert_eq!(page.header("Cache-Control").as_deref(), Some("no-store"));
    assert_eq!(page.header("Access-Control-Allow-Origin"), None);
    let built =
        std::fs::read_to_string(server.output_dir().join("avery-quinn/index.html")).unwrap();
    assert!(!built.contains("__vitae"));
    let json = server.get("/avery-quinn/resume.json");
    assert_eq!(json.header("Content-Type").as_deref(), Some("application/json"));
    assert!(!site.path().join("public").exists(), "serve never writes into the site");
}

#[test]
fn missing_pages_get_a_helpful_404_and_directories_a_redirect() {
    let site = Site::example();
    let server = site.serve();
    let missing = server.get("/avery-quin/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("href=\"/avery-quinn/\""), "{}", missing.body);
    let dir = server.get("/avery-quinn");
    assert_eq!(dir.status, 301);
    assert_eq!(dir.header("Location").as_deref(), Some("/avery-quinn/"));
}

#[test]
fn traversal_attempts_are_refused() {
    let site = Site::example();
    let server = site.serve();
    for path in [
        "/../../../../etc/passwd",
        "/assets/../../secret",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/..%255c..%255cetc",
        "/index.html%00.css",
        "/..\\..\\etc\\passwd",
    ] {
        let answer = server.get(path);
        assert!(matches!(answer.status, 400 | 403 | 404), "{path}: {}", answer.status);
        assert!(!answer.body.contains("root:"), "{path}");
    }
    assert_eq!(server.get("/%2e%2e/%2e%2e/etc/passwd").status, 403);
}

#[test]
fn a_foreign_host_is_refused() {
    let site = Site::example();
    let server = site.serve();
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    for host in [
        "evil.example",
        "evil.example:80",
        "localhost.evil.example",
        "192.168.0.7",
        "[::1]evil.example",
        "127.0.0.1:80@evil.example",
    ] {
        let answer =
            server.request(&format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        assert_eq!(answer.status, 403, "{host}");
    }
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let answer =
            server.request(&format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        assert_eq!(answer.status, 200, "{host}");
    }
    // Two Host headers, whichever comes first: a proxy might have checked the other one.
    for (first, second) in [("localhost", "evil.example"), ("evil.example", "localhost")] {
        let answer = server.request(&format!(
            "GET / HTTP/1.1\r\nHost: {first}:{port}\r\nHost: {second}:{port}\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(answer.status, 400, "{first}, then {second}");
        assert!(answer.body.contains("only one Host"), "{}", answer.body);
    }
    let events = server
        .request("GET /__vitae/events HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assert_eq!(events.status, 403);
    let foreign_page = server.request(&format!(
        "GET /__vitae/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: https://evil.example\r\n\
         Connection: close\r\n\r\n"
    ));
    assert_eq!(foreign_page.status, 403, "another site's page may not listen");
}

#[test]
fn two_hundred_concurrent_requests_all_succeed() {
    let site = Site::example();
    let server = site.serve();
    let statuses: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..200)
            .map(|i| {
                let server = &server;
                s.spawn(move || {
                    let path =
                        ["/", "/avery-quinn/", "/assets/screen.css", "/avery-quinn/resume.json"]
                            [i % 4];
                    server.get(path).status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}

#[test]
fn interrupting_the_server_removes_its_temporary_directory() {
    let site = Site::example();
    let mut server = site.serve();
    let out = server.output_dir();
    assert!(out.join("index.html").is_file());
    let status = server.interrupt().expect("the server stops on Ctrl-C");
    assert!(status.success(), "{status:?}");
    assert!(!out.exists(), "{} is left behind", out.display());
}

#[test]
fn a_taken_port_that_was_asked_for_is_an_error_naming_it() {
    let site = Site::example();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = std::process::Command::new(common::serve::BIN)
        .args(["serve", "--port", &port, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&port) && stderr.contains("--port"), "{stderr}");
}

#[test]
fn serve_help_explains_the_flags() {
    let out =
        std::process::Command::new(common::serve::BIN).args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--root", "--bind", "--port", "--open", "--theme", "temporary directory"] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
}

#[test]
fn open_without_a_browser_is_only_a_warning() {
    let site = Site::example();
    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().to_str().unwrap();
    let server = Server::start_with(site.path(), &["--open"], &[("PATH", path)]);
    assert_eq!(server.get("/").status, 200);
    let deadline = std::time::Instant::now() + common::serve::WAIT;
    while !server.stderr().contains("cannot open a browser") {
        assert!(std::time::Instant::now() < deadline, "no warning in:\n{}", server.stderr());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn every_open_page_hears_the_reload() {
    let site = Site::example();
    let server = site.serve();
    let (first, second) = (server.events(), server.events());
    site.edit(RESUME, "name: Avery Quinn", "name: Heard Twice");
    first.expect("reload");
    second.expect("reload");
}

#[test]
fn editing_vitae_toml_rebuilds_everything() {
    let site = Site::example();
    site.write("content/second.yaml", "basics:\n  name: Second Person\n");
    let server = site.serve();
    let events = server.events();
    site.write("vitae.toml", "title = \"Our Team Page\"\n");
    events.expect("reload");
    assert!(server.get("/").body.contains("Our Team Page"));
}

#[test]
fn a_new_resume_appears_and_a_deleted_one_goes() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    site.write("content/lin.yaml", "basics:\n  name: Lin Newcomer\n");
    events.expect("reload");
    assert!(server.get("/").body.contains("Lin Newcomer"), "the index is now a gallery");
    assert_eq!(server.get("/lin/").status, 200);
    std::fs::remove_file(site.path().join("content/lin.yaml")).unwrap();
    events.expect("reload");
    assert_eq!(server.get("/lin/").status, 404);
}

#[test]
fn writes_outside_the_sources_and_editor_temp_files_do_not_rebuild() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    site.write("public/index.html", "a previous build");
    site.write(".git/index", "git");
    site.write("README.md", "notes");
    site.write("content/.avery-quinn.yaml.swp", "vim");
    site.write("content/avery-quinn.yaml~", "backup");
    site.write("content/4913", "");
    site.write("content/.#avery-quinn.yaml", "emacs lock");
    // A bounded wait for something that must not come.
    let quiet = std::time::Duration::from_millis(400);
    assert_eq!(events.next(quiet), None, "{}", server.stderr());
    assert!(!server.stderr().contains("rebuilt avery"), "{}", server.stderr());
}

#[test]
fn the_theme_flag_picks_a_site_theme_whose_files_are_watched() {
    let site = Site::example();
    // Without the site's own templates/, which would win over the theme's.
    std::fs::remove_dir_all(site.path().join("templates")).unwrap();
    site.write("themes/mine/theme.toml", "description = \"Mine\"\n");
    site.write("themes/mine/static/screen.css", "/* mine */\n");
    let server = Server::start(site.path(), &["--theme", "mine"]);
    assert!(server.get("/assets/screen.css").body.contains("/* mine */"));
    let events = server.events();
    site.write("themes/mine/static/screen.css", "/* mine, edited */\n");
    assert_eq!(events.expect("css").data, "/assets/screen.css");
    assert!(server.get("/assets/screen.css").body.contains("edited"));
    site.write("themes/classic/static/screen.css", "/* not the theme in use */\n");
    site.write("themes/mine/templates/partials/footer.html", "<footer>Mine footer</footer>\n");
    // The new templates/ directories can be seen (and rebuilt, and reloaded) before the file in
    // them is, so wait for the reload that brings the footer; `expect` fails if none comes.
    events.expect("reload");
    while !server.get("/avery-quinn/").body.contains("Mine footer") {
        events.expect("reload");
    }
}

/// Sends `bytes` on a fresh connection and reads until the server closes it. A write or read the
/// server cut short by closing is not an error here: what the server answered (if anything) is.
fn exchange(addr: &str, bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(common::serve::WAIT)).unwrap();
    let _ = stream.write_all(bytes);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    answer
}

#[test]
fn malformed_requests_get_an_error_or_a_closed_connection_and_the_server_carries_on() {
    let site = Site::example();
    let server = site.serve();
    let host = format!("Host: {}\r\n", server.addr);
    let cases: Vec<(Vec<u8>, &[&str])> = vec![
        (b"\x00\x01\x02 garbage\r\n\r\n".to_vec(), &["400", ""]),
        (b"GET\r\n\r\n".to_vec(), &["400", ""]),
        (format!("GET / HTTP/9.9\r\n{host}\r\n").into_bytes(), &["400", "505"]),
        (format!("GET / HTTP/1.1\r\n{host}No colon here\r\n\r\n").into_bytes(), &["400"]),
        (format!("GET / HTTP/1.1\r\n{host}X-Name: caf\u{e9}\r\n\r\n").into_bytes(), &["400", ""]),
        (format!("DELETE / HTTP/1.1\r\n{host}Connection: close\r\n\r\n").into_bytes(), &["405"]),
        (
            format!("GET /{} HTTP/1.1\r\n{host}Connection: close\r\n\r\n", "a".repeat(20_000))
                .into_bytes(),
            &["404"],
        ),
        (
            format!("GET / HTTP/1.1\r\n{host}Content-Length: 5\r\nConnection: close\r\n\r\nhello")
                .into_bytes(),
            &["200"],
        ),
    ];
    for (bytes, allowed) in cases {
        let answer = String::from_utf8_lossy(&exchange(&server.addr, &bytes)).into_owned();
        let status = answer.split_whitespace().nth(1).unwrap_or_default();
        let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(60)]).into_owned();
        assert!(allowed.contains(&status), "{shown:?} got {status:?}, expected one of {allowed:?}");
    }
    assert_eq!(server.get("/").status, 200, "the server still answers after malformed requests");
}

#[test]
fn an_endless_request_head_is_cut_off() {
    use std::io::{ErrorKind, Read, Write};
    let site = Site::example();
    let server = site.serve();
    let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
    stream.set_write_timeout(Some(common::serve::WAIT)).unwrap();
    stream.set_read_timeout(Some(common::serve::WAIT)).unwrap();
    let head = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Long: ", server.addr);
    stream.write_all(head.as_bytes()).unwrap();
    // Up to 4 MiB of one header line; the writes may all fit in the socket buffers before the
    // server's answer arrives, so what tells is the read below, not a failed write.
    let chunk = [b'a'; 16 * 1024];
    let _ = (0..256).take_while(|_| stream.write_all(&chunk).is_ok()).count();
    // A server that kept reading would wait for the rest of the line, and this read would time
    // out; this one answers 431 and hangs up (the answer may be lost to the reset).
    let mut answer = Vec::new();
    let hung_up = match stream.read_to_end(&mut answer) {
        Ok(_) => true,
        Err(e) => !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
    };
    assert!(hung_up, "the server kept reading a 4 MiB header line");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 431"), "{answer}");
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn stalled_clients_never_hold_up_others() {
    use std::io::Write;
    use std::time::{Duration, Instant};
    let site = Site::example();
    let server = site.serve();
    let mut stalled = Vec::new();
    // Clients that stop half-way through a request's head or body ...
    let half_body =
        format!("GET / HTTP/1.1\r\nHost: {}\r\nContent-Length: 99\r\n\r\nab", server.addr);
    for i in 0..32 {
        let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
        let half = if i % 2 == 0 { "GET / HTTP/1.1\r\nHost: local" } else { half_body.as_str() };
        stream.write_all(half.as_bytes()).unwrap();
        stalled.push(stream);
    }
    // ... and clients that pipeline hundreds of requests and never read an answer, so that the
    // server's writes to them block once the socket buffers are full.
    let burst = format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).repeat(1000);
    for _ in 0..32 {
        let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
        stream.set_write_timeout(Some(Duration::from_secs(2))).unwrap();
        let _ = stream.write_all(burst.as_bytes());
        stalled.push(stream);
    }
    std::thread::sleep(Duration::from_millis(300));
    // Everyone else is answered at once: not after a stalled client's send timeout (5 s).
    for path in ["/", "/avery-quinn/", "/assets/screen.css", "/avery-quinn/resume.json"] {
        let started = Instant::now();
        let answer = server.get(path);
        let took = started.elapsed();
        assert_eq!(answer.status, 200, "{path}");
        assert!(took < Duration::from_secs(3), "{path} waited {took:?} behind stalled clients");
    }
    drop(stalled);
}

/// The one test that waits (two minutes): the server once stopped accepting connections 30 s
/// after it started, and no shorter test can show that it no longer does.
#[test]
fn the_server_answers_after_a_minute_idle_and_after_a_minute_of_an_open_stream() {
    use std::time::Duration;
    let site = Site::example();
    let server = site.serve();
    std::thread::sleep(Duration::from_secs(61));
    assert_eq!(server.get("/").status, 200, "after a minute idle");
    let events = server.events();
    std::thread::sleep(Duration::from_secs(61));
    assert_eq!(server.get("/").status, 200, "after a minute with an open event stream");
    site.edit(RESUME, "name: Avery Quinn", "name: Still Listening");
    events.expect("reload");
    assert!(server.get("/").body.contains("Still Listening"));
}

#[test]
fn a_huge_announced_body_is_never_read_and_the_server_carries_on() {
    let site = Site::example();
    let server = site.serve();
    let host = format!("Host: {}\r\n", server.addr);
    let huge = "Content-Length: 99999999999\r\n";
    let cases = [
        (format!("GET / HTTP/1.1\r\n{host}{huge}\r\n"), "200"),
        (format!("POST / HTTP/1.1\r\n{host}{huge}\r\nsome of the body"), "405"),
        (format!("GET / HTTP/1.1\r\n{host}Content-Length: 4096\r\n\r\n{}", "x".repeat(100)), "200"),
        (format!("GET / HTTP/1.1\r\n{host}Content-Length: 12abc\r\n\r\n"), "200"),
        (
            format!("GET / HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n\r\nffffffffff\r\n"),
            "200",
        ),
    ];
    for (request, want) in cases {
        // The answer comes, and the connection ends after it: what follows the head is not
        // read, so nothing on this connection can be trusted to be a next request.
        let answer =
            String::from_utf8_lossy(&exchange(&server.addr, request.as_bytes())).into_owned();
        let status = answer.split_whitespace().nth(1).unwrap_or_default();
        assert_eq!(status, want, "{request:?}:\n{answer}\n{}", server.stderr());
    }
    assert_eq!(server.get("/").status, 200, "{}", server.stderr());
}

/// Opens an event stream with a raw connection: the connection and the status line.
fn listen(addr: &str) -> (std::net::TcpStream, String) {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(common::serve::WAIT)).unwrap();
    let request = format!("GET /__vitae/events HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    if !status.starts_with("HTTP/1.1 200") {
        let mut rest = String::new();
        let _ = reader.read_to_string(&mut rest);
        status.push_str(&rest);
    }
    (stream, status)
}

#[test]
fn event_streams_are_capped_and_closed_ones_are_forgotten_at_once() {
    use vitae::serve::events::MAX_STREAMS;
    let site = Site::example();
    let server = site.serve();
    let Some(before) = server.threads() else {
        eprintln!("skipped: no /proc/PID/status to count the server's threads");
        return;
    };
    let (mut open, mut refused) = (Vec::new(), Vec::new());
    for _ in 0..3 * MAX_STREAMS {
        match listen(&server.addr) {
            (stream, status) if status.starts_with("HTTP/1.1 200") => open.push(stream),
            (_, answer) => refused.push(answer),
        }
    }
    assert_eq!(open.len(), MAX_STREAMS, "{:?}", refused.first());
    assert_eq!(refused.len(), 2 * MAX_STREAMS);
    assert!(refused[0].starts_with("HTTP/1.1 503"), "{}", refused[0]);
    assert!(refused[0].contains("close some tabs"), "{}", refused[0]);
    // One thread per open connection at most (tiny_http's), none per stream on top.
    let during = server.threads().unwrap();
    assert!(during <= before + MAX_STREAMS + 16, "{before} threads, then {during}");
    assert_eq!(server.get("/").status, 200, "pages are still served");
    // Pages that close make room at once, and their connections' threads end.
    drop(open);
    let events = server.events();
    site.edit(RESUME, "name: Avery Quinn", "name: Heard After The Crowd");
    events.expect("reload");
    let deadline = std::time::Instant::now() + common::serve::WAIT;
    while server.threads().unwrap() > before + 8 {
        assert!(std::time::Instant::now() < deadline, "threads: {:?}", server.threads());
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// A footer that renders nothing, for ever (ten billion turns of an empty loop).
const ENDLESS_FOOTER: &str = "<footer>{% for i in range(end=100000) %}{% for j in range(end=100000) %}\
                              {% endfor %}{% endfor %}</footer>\n";

#[test]
fn a_template_that_never_ends_wedges_neither_the_server_nor_its_exit() {
    let site = Site::example();
    let mut server = site.serve();
    let events = server.events();
    let footer = "templates/partials/footer.html";
    site.write(footer, ENDLESS_FOOTER);
    // The page hears what is going on and the last good build is still served: either the
    // server's notice that the build is stuck, or the render budget's error naming the template
    // (which comes first depends on how long builds took so far on a loaded machine).
    let stuck = events.expect("error");
    let notice = stuck.data.contains("all pages") || stuck.data.contains("partials/footer.html");
    assert!(stuck.data.contains("loop") && notice, "{stuck:?}");
    assert!(server.get("/avery-quinn/").body.contains("Avery Quinn"));
    // A fix saved while the build is stuck is applied: the stuck build is left behind.
    site.write(footer, "<footer>Fixed footer</footer>\n");
    events.expect("reload");
    assert!(server.get("/avery-quinn/").body.contains("Fixed footer"), "{}", server.stderr());
    // Stuck again: SIGTERM still stops the server at once, and its directory goes with it.
    site.write(footer, ENDLESS_FOOTER);
    events.expect("error");
    let out = server.output_dir();
    let status = server.terminate().expect("the server stops on SIGTERM while a build is stuck");
    assert!(status.success(), "{status:?}");
    assert!(!out.exists(), "{} is left behind", out.display());
}

/// Copies the files of `from` (one level) into `to`, which is created.
fn copy_files(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn content_removed_and_put_back_is_watched_again() {
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    let content = site.path().join("content");
    let kept = tempfile::tempdir().unwrap();
    copy_files(&content, kept.path());
    std::fs::remove_dir_all(&content).unwrap();
    // The page says what happened; the terminal too.
    let error = events.expect("error");
    assert!(error.data.contains("`content/` was removed"), "{error:?}");
    assert!(server.get("/").body.contains("Avery Quinn"), "the last good build is served");
    // Put back (a checkout, a sync tool): built again, and watched again.
    copy_files(kept.path(), &content);
    events.expect("reload");
    assert!(server.stderr().contains("`content/` is back"), "{}", server.stderr());
    site.edit(RESUME, "name: Avery Quinn", "name: Seen Again");
    events.expect("reload");
    assert!(server.get("/").body.contains("Seen Again"), "{}", server.stderr());
    // Swapped for another directory by renames: the new one is watched, not the old one.
    let next = site.path().join("content.next");
    copy_files(&content, &next);
    std::fs::write(next.join("lin.yaml"), "basics:\n  name: Lin Swapped In\n").unwrap();
    std::fs::rename(&content, site.path().join("content.old")).unwrap();
    std::fs::rename(&next, &content).unwrap();
    while !server.get("/").body.contains("Lin Swapped In") {
        events.expect("reload");
    }
    site.write("content/lin.yaml", "basics:\n  name: Lin Edited After\n");
    while !server.get("/lin/").body.contains("Lin Edited After") {
        events.expect("reload");
    }
}

#[test]
fn a_file_written_in_two_steps_is_built_only_once_it_is_complete() {
    use std::io::Write;
    use std::time::Duration;
    let site = Site::example();
    let server = site.serve();
    let events = server.events();
    let full = site.read(RESUME).replacen("name: Avery Quinn", "name: Written In Two Steps", 1);
    // The first step ends before `work:`: a shorter resume, but one that parses.
    let cut = full.find("\nwork:").unwrap() + 1;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(site.path().join(RESUME))
        .unwrap();
    file.write_all(&full.as_bytes()[..cut]).unwrap();
    file.flush().unwrap();
    // The editor pauses, the file still open: longer than the debounce, and nothing is built.
    assert_eq!(events.next(Duration::from_millis(400)), None, "{}", server.stderr());
    let page = server.get("/avery-quinn/").body;
    assert!(page.contains("Avery Quinn") && page.contains("Larkspur Systems"));
    file.write_all(&full.as_bytes()[cut..]).unwrap();
    drop(file);
    events.expect("reload");
    let page = server.get("/avery-quinn/").body;
    assert!(page.contains("Written In Two Steps"), "{}", server.stderr());
    assert!(page.contains("Larkspur Systems"), "built from the whole file");
}

#[test]
fn a_request_for_a_newer_http_version_is_answered_and_costs_no_thread() {
    let site = Site::example();
    let server = site.serve();
    let host = format!("Host: {}\r\n", server.addr);
    let newer = format!("GET / HTTP/2.0\r\n{host}\r\n");
    let before = server.threads();
    for _ in 0..20 {
        // Answered at once and closed: an exchange that hung would wait out WAIT and fail.
        let answer =
            String::from_utf8_lossy(&exchange(&server.addr, newer.as_bytes())).into_owned();
        assert!(answer.starts_with("HTTP/1.1 505"), "{answer}");
    }
    if let (Some(before), Some(after)) = (before, server.threads()) {
        assert!(
            after <= before + 8,
            "{before} threads, then {after}: connections were left hanging"
        );
    }
    assert_eq!(server.get("/").status, 200);
}
