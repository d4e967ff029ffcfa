//! Publishing: `vitae new` (beside existing files, from an imported resume, updating the
//! workflow's pin), links that resolve under any base URL, sitemap and robots, byte-identical
//! rebuilds. The release archives and the workflows: tests/release.rs.
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
fn new_adds_a_site_beside_existing_files_and_extends_their_gitignore() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("README.md"), "# My CV\n").unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "/target\n/public").unwrap();
    new_site(tmp.path()).success();
    assert_eq!(std::fs::read_to_string(tmp.path().join("README.md")).unwrap(), "# My CV\n");
    let ignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    assert!(ignore.starts_with("/target\n/public\n\n# vitae\n/.vitae/\n"), "{ignore}");
    assert_eq!(ignore.matches("/public").count(), 1, "{ignore}");
    assert!(tmp.path().join("content/example.yaml").is_file());
    // Once more: everything exists, so nothing may be overwritten.
    std::fs::write(tmp.path().join("vitae.toml"), "title = \"mine\"\n").unwrap();
    let before = snapshot(tmp.path());
    let run = new_site(tmp.path());
    run.fails_with(1).stderr_has("vitae.toml: this file exists; vitae never overwrites it");
    run.stderr_has("content/example.yaml: this file exists");
    run.stderr_has(
        "help: to move its vitae version to this one, run `vitae new DIR --update-workflow`",
    );
    assert_eq!(snapshot(tmp.path()), before, "nothing changed");
}

#[test]
fn new_refuses_a_file_in_the_way() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("cv");
    std::fs::write(&file, "mine").unwrap();
    new_site(&file).fails_with(1).stderr_has("a file with this name exists");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn the_gitignore_covers_what_vitae_leaves_behind() {
    let tmp = tempfile::tempdir().unwrap();
    new_site(tmp.path()).success();
    let ignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    for pattern in ["/public", "/.vitae/", ".*.vitae-staging-*", ".*.vitae-new-*", ".*.vitae-old-*"]
    {
        assert!(ignore.lines().any(|l| l == pattern), "{pattern} missing:\n{ignore}");
    }
}

#[test]
fn a_fresh_scaffold_passes_check_strict_and_its_example_speaks_to_its_owner() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cv");
    new_site(&dir).success();
    let run = common::Run(
        Command::new(vitae_bin()).args(["check", "--strict", "--root"]).arg(&dir).output().unwrap(),
    );
    run.success().stderr_has("checked 1 resume: no errors, 0 warnings");
    let example = std::fs::read_to_string(dir.join("content/example.yaml")).unwrap();
    assert!(!example.contains("cargo"), "{example}");
    assert!(example.contains("vitae serve") && example.contains("vitae import"), "{example}");
}

#[test]
fn new_from_a_resume_scaffolds_it_with_the_imports_warnings_on_top() {
    let tmp = tempfile::tempdir().unwrap();
    let resume = tmp.path().join("Jane Roe CV.md");
    std::fs::write(
        &resume,
        "# Jane Roe\n\njane@example.org\n\n## Experience\n\n### Developer, Northwind Traders\nMarch 2021 - January 2019\n\n- Kept the billing service up\n\n## Hobbies\n\nSailing\n",
    )
    .unwrap();
    let dir = tmp.path().join("site");
    let run = common::Run(
        Command::new(vitae_bin()).arg("new").arg(&dir).arg("--from").arg(&resume).output().unwrap(),
    );
    run.success();
    assert!(run.stdout().contains("content/jane-roe-cv.yaml"), "{}", run.stdout());
    assert!(!dir.join("content/example.yaml").exists());
    let yaml = std::fs::read_to_string(dir.join("content/jane-roe-cv.yaml")).unwrap();
    let (comments, body): (Vec<&str>, Vec<&str>) = yaml.lines().partition(|l| l.starts_with('#'));
    assert!(comments[0].starts_with("# Imported from "), "{yaml}");
    assert!(
        comments.iter().any(|c| c.starts_with("# warning: ")
            && c.ends_with("work[0].endDate: ends (2019-01) before it starts (2021-03)")),
        "the warnings:\n{yaml}"
    );
    assert!(body.contains(&"  name: Jane Roe"), "{yaml}");
    assert!(run.stderr().contains("warning: "), "and on the terminal");
    let build = common::Run(
        Command::new(vitae_bin()).args(["build", "--root"]).arg(&dir).output().unwrap(),
    );
    build.success();
    assert!(std::fs::read_to_string(dir.join("public/index.html")).unwrap().contains("Jane Roe"));
}

#[test]
fn new_from_a_file_it_cannot_read_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("cv.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    let dir = tmp.path().join("site");
    let run = common::Run(
        Command::new(vitae_bin()).arg("new").arg(&dir).arg("--from").arg(&pdf).output().unwrap(),
    );
    run.fails_with(1).stderr_has("cv.pdf");
    assert!(!dir.exists(), "nothing written");
}

#[test]
fn update_workflow_rewrites_only_the_pinned_version() {
    let tmp = tempfile::tempdir().unwrap();
    new_site(tmp.path()).success();
    let path = tmp.path().join(".github/workflows/pages.yml");
    let current = std::fs::read_to_string(&path).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    let pin = format!("  VITAE_VERSION: \"{version}\"\n");
    assert!(current.contains(&pin), "{current}");
    let old = current.replace(&pin, "  VITAE_VERSION: \"0.0.9\"\n");
    std::fs::write(&path, &old).unwrap();
    let run = common::Run(
        Command::new(vitae_bin())
            .arg("new")
            .arg(tmp.path())
            .arg("--update-workflow")
            .output()
            .unwrap(),
    );
    run.success().stderr_has(&format!("vitae 0.0.9 → {version}"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), current);
}

#[test]
fn the_footer_credit_can_be_turned_off() {
    let site = TestSite::new();
    site.file("content/ada.yaml", "basics:\n  name: Ada Example\n");
    site.run(&["build"]).success();
    let credit = format!("Built with <a href=\"{}\">vitae</a>", env!("CARGO_PKG_REPOSITORY"));
    assert!(site.read("public/index.html").contains(&credit));
    site.file("vitae.toml", "credit = false\n");
    site.run(&["build"]).success();
    let page = site.read("public/index.html");
    assert!(!page.contains("Built with") && !page.contains("site-footer"), "{page}");
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
