//! What the preview server refuses: paths that leave the output directory (in any encoding) and
//! requests for a Host that is not this machine's loopback (DNS rebinding).

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use percent_encoding::percent_decode;

/// Where a request path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A regular file inside the output directory (canonical path).
    File(PathBuf),
    /// A directory asked for without its final slash: relative links need it.
    Redirect(String),
    NotFound,
    /// A path that tries to leave the output directory or is malformed.
    Refused(&'static str),
}

/// How many layers of percent-encoding are looked through for a disguised `..`.
const DECODE_ROUNDS: usize = 4;

/// Resolves the request target `target` (`/a/b.css?x`) to a file under `root`, which must be
/// canonical. Order matters: decode, reject `..`, backslashes and NUL, canonicalise, and only
/// then check that the result is inside the root.
pub fn resolve(root: &Path, target: &str) -> Resolved {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return Resolved::Refused("the request path must start with `/`");
    }
    let Ok(decoded) = percent_decode(path.as_bytes()).decode_utf8() else {
        return Resolved::Refused("the request path is not UTF-8");
    };
    if is_hostile(path.as_bytes()) {
        return Resolved::Refused("the request path tries to leave the site");
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
    let mut file = root.to_path_buf();
    file.extend(&segments);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            // Rebuilt from the segments: `//host` must not become a redirect to another site.
            let raw: Vec<&str> = path.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
            return Resolved::Redirect(format!("/{}/", raw.join("/")));
        }
        file.push("index.html");
    }
    let Ok(canonical) = file.canonicalize() else { return Resolved::NotFound };
    if !canonical.starts_with(root) {
        return Resolved::Refused("the request path leads outside the site");
    }
    if canonical.is_file() { Resolved::File(canonical) } else { Resolved::NotFound }
}

/// A `..` segment, a backslash or a NUL in the path after any number of decodings (`%2e%2e`,
/// `%252e%252e`, `..%5c`, `%00`).
fn is_hostile(raw: &[u8]) -> bool {
    let mut bytes = raw.to_vec();
    for _ in 0..=DECODE_ROUNDS {
        if bytes.contains(&b'\\')
            || bytes.contains(&0)
            || bytes.split(|b| *b == b'/').any(|s| s == b"..")
        {
            return true;
        }
        let next: Vec<u8> = percent_decode(&bytes).collect();
        if next == bytes {
            return false;
        }
        bytes = next;
    }
    // Still encoded after that many rounds: nobody's real link looks like this.
    true
}

/// Whether a request with this `Host` header may be answered. Loopback names and addresses
/// always; the bound address; and, when bound to all interfaces, any IP address (a DNS
/// rebinding attack needs a host *name*, so literal addresses are safe). Anything that is not
/// exactly a name or an address and an optional port (`[::1]evil.example`, `a b`, `x:y`) is
/// refused, whatever it starts with.
pub fn host_allowed(host: Option<&str>, bound: IpAddr) -> bool {
    match host.map(str::trim).and_then(parse_host) {
        Some(Host::Name(name)) => name == "localhost" || name.ends_with(".localhost"),
        Some(Host::Ip(ip)) => ip.is_loopback() || ip == bound || bound.is_unspecified(),
        None => false,
    }
}

/// What a `Host` header names.
#[derive(Debug, PartialEq, Eq)]
enum Host {
    /// A DNS name, lower-cased, without a trailing dot.
    Name(String),
    Ip(IpAddr),
}

/// Reads `name[:port]` or `[IPv6][:port]`, strictly: a port is 1 to 5 digits below 65536, a
/// name is dot-separated labels of letters, digits and hyphens (one trailing dot allowed).
fn parse_host(host: &str) -> Option<Host> {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
            return port_ok(port).then_some(Host::Ip(IpAddr::V6(inside.parse().ok()?)));
        }
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    if !port_ok(port) {
        return None;
    }
    if let Ok(ip) = name.parse::<std::net::Ipv4Addr>() {
        return Some(Host::Ip(IpAddr::V4(ip)));
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let label_ok = |l: &str| {
        !l.is_empty() && l.len() <= 63 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    (name.len() <= 253 && name.split('.').all(label_ok)).then_some(Host::Name(name))
}

/// No port, or a valid one.
fn port_ok(port: Option<&str>) -> bool {
    port.is_none_or(|p| {
        (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u16>().is_ok()
    })
}

/// Whether a request with this `Origin` header may subscribe to events: none (not a cross-origin
/// request), or a page of a loopback origin. Stops other sites' pages from holding connections
/// open to the preview.
pub fn origin_allowed(origin: Option<&str>, bound: IpAddr) -> bool {
    let Some(origin) = origin else { return true };
    let Some(host) = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    host_allowed(Some(host.trim_end_matches('/')), bound)
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::*;

    #[test]
    fn traversal_in_every_encoding_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        for target in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/%252e%252e/x",
            "/%25252e%25252e/x",
            "/..%5cx",
            "/..\\x",
            "/%255c",
            "/a%00.html",
            "/a%2500.html",
            "*",
            "http://evil/",
            "/%ff",
        ] {
            assert!(matches!(resolve(&root, target), Resolved::Refused(_)), "{target}");
        }
    }

    #[test]
    fn files_directories_and_misses() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("ada")).unwrap();
        std::fs::write(root.join("ada/index.html"), "x").unwrap();
        std::fs::write(root.join("a b.css"), "x").unwrap();
        let file = |rel: &str| Resolved::File(root.join(rel));
        assert_eq!(resolve(&root, "/ada/"), file("ada/index.html"));
        assert_eq!(resolve(&root, "/ada/index.html?v=1"), file("ada/index.html"));
        assert_eq!(resolve(&root, "/./ada//index.html"), file("ada/index.html"));
        assert_eq!(resolve(&root, "/a%20b.css"), file("a b.css"));
        assert_eq!(resolve(&root, "/ada"), Resolved::Redirect("/ada/".into()));
        assert_eq!(resolve(&root, "//ada"), Resolved::Redirect("/ada/".into()), "not off-site");
        assert_eq!(resolve(&root, "/nope.html"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/"), Resolved::NotFound, "no index yet");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_the_root_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), root.join("link")).unwrap();
        let root = root.canonicalize().unwrap();
        assert!(matches!(resolve(&root, "/link"), Resolved::Refused(_)));
    }

    #[test]
    fn only_loopback_origins_may_listen() {
        let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
        assert!(origin_allowed(None, lo));
        assert!(origin_allowed(Some("http://127.0.0.1:8000"), lo));
        assert!(origin_allowed(Some("http://localhost:8000"), lo));
        assert!(!origin_allowed(Some("https://evil.example"), lo));
        assert!(!origin_allowed(Some("null"), lo));
        assert!(!origin_allowed(Some("http://[::1]evil.example"), lo));
        assert!(!origin_allowed(Some("http://localhost/evil"), lo));
    }

    #[test]
    fn only_loopback_hosts_are_answered() {
        let lo = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let table = [
            (Some("localhost:8000"), lo, true),
            (Some("LOCALHOST."), lo, true),
            (Some("app.localhost:1"), lo, true),
            (Some("127.0.0.1:8000"), lo, true),
            (Some("127.1.2.3"), lo, true),
            (Some("[::1]:8000"), lo, true),
            (Some("evil.example:8000"), lo, false),
            (Some("localhost.evil.example"), lo, false),
            (Some("192.168.1.5:8000"), lo, false),
            (None, lo, false),
            (Some(""), lo, false),
            (Some("192.168.1.5:8000"), "192.168.1.5".parse().unwrap(), true),
            (Some("10.0.0.2:8000"), IpAddr::V6(Ipv6Addr::UNSPECIFIED), true),
            (Some("evil.example"), IpAddr::V4(Ipv4Addr::UNSPECIFIED), false),
            // Only exactly a name or an address, and a port.
            (Some("[::1]evil.example"), lo, false),
            (Some("[::1]:8000x"), lo, false),
            (Some("[::1]:"), lo, false),
            (Some("[::1"), lo, false),
            (Some("[127.0.0.1]"), lo, false),
            (Some("::1"), lo, false),
            (Some("localhost:80:80"), lo, false),
            (Some("localhost:"), lo, false),
            (Some("localhost:99999"), lo, false),
            (Some("localhost:+80"), lo, false),
            (Some("local host"), lo, false),
            (Some("localhost@evil.example"), lo, false),
            (Some("evil.example/.localhost"), lo, false),
            (Some("127.0.0.1.evil.example"), lo, false),
            (Some("a..localhost"), lo, false),
            (Some(".localhost"), lo, false),
            (Some("localhost,evil.example"), lo, false),
            (Some("127.0.0.1\t"), lo, true),
            (Some("[::1]"), lo, true),
            (Some("[0:0:0:0:0:0:0:1]:65535"), lo, true),
            (Some("Vitae.LocalHost:1"), lo, true),
        ];
        for (host, bound, want) in table {
            assert_eq!(host_allowed(host, bound), want, "{host:?} on {bound}");
        }
    }
}
