//! PDF export with a real headless Chromium: every theme prints every position title in
//! selectable text, within the page budget, on the configured paper; a missing browser is a
//! clear error. Skipped with a note when chromium or poppler-utils is absent, unless `CI` is set.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::pdf::{info as pdf_info, is_a4, text as pdf_text, tools_available};
use common::{LINKS_YAML, THEMES, TestSite, collapse, positions};

/// Asserts that the PDF beside a built resume page holds every position title of its
/// resume.json, and returns its page count.
fn check_pdf(page_dir: &Path, what: &str) -> usize {
    let pdf = page_dir.join("resume.pdf");
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{what}: no PDF: {e}"));
    assert!(bytes.starts_with(b"%PDF"), "{what}: not a PDF");
    let text = pdf_text(&pdf);
    for title in positions(&page_dir.join("resume.json")) {
        assert!(text.contains(&collapse(&title)), "{what}: `{title}` not in the PDF text:\n{text}");
    }
    let (pages, w, h) = pdf_info(&pdf);
    assert!(is_a4(w, h), "{what}: page size {w} x {h} is not A4");
    pages
}

#[test]
fn every_theme_prints_every_position_within_its_page_budget() {
    if !tools_available() {
        return;
    }
    let site = TestSite::with_fixtures(&["medium.yaml", "short.yaml"]);
    for theme in THEMES {
        let out = site.build(theme, &["--pdf"]);
        let medium = check_pdf(&out.join("medium"), &format!("{theme}/medium"));
        assert!(medium <= 2, "{theme}: the medium resume prints on {medium} pages");
        let short = check_pdf(&out.join("short"), &format!("{theme}/short"));
        assert_eq!(short, 1, "{theme}: the short resume prints on {short} pages");
        let html = std::fs::read_to_string(out.join("medium/index.html")).unwrap();
        assert!(html.contains("href=\"resume.pdf\" download>Download PDF</a>"), "{theme}");
    }
}

#[test]
fn a_printed_link_shows_its_url_once() {
    if !tools_available() {
        return;
    }
    let site = TestSite::new();
    site.file("content/jonah.yaml", LINKS_YAML);
    for theme in THEMES {
        let out = site.build(theme, &["--pdf"]);
        let pdf = out.join("jonah/resume.pdf");
        let text = pdf_text(&pdf);
        for url in ["jonah.example.net/work", "github.com/jonahp", "lib.example.pt/data"] {
            assert_eq!(text.matches(url).count(), 1, "{theme}: `{url}` printed twice:\n{text}");
        }
        assert!(
            text.contains("the sales dashboard (https://dash.example.net/sales)"),
            "{theme}: a link with other text keeps its URL in print:\n{text}"
        );
        assert_eq!(pdf_info(&pdf).0, 1, "{theme}: one page");
    }
}

#[test]
fn pdf_in_vitae_toml_prints_on_letter_paper_when_configured() {
    if !tools_available() {
        return;
    }
    let site = TestSite::with_fixtures(&["short.yaml"]);
    site.file("vitae.toml", "pdf = true\npaper = \"letter\"\n");
    let o = site.run(&["build"]);
    o.success();
    let pdf = site.root().join("public/short/resume.pdf");
    let (pages, w, h) = pdf_info(&pdf);
    assert_eq!(pages, 1);
    assert!(
        (w - 612.0).abs() < 2.0 && (h - 792.0).abs() < 2.0,
        "letter is 612 x 792, got {w} x {h}"
    );
    assert!(pdf_text(&pdf).contains("Jonah Pereira"), "text is selectable");
    // A single resume is also the site's index: its PDF link points into its folder.
    let index = site.read("public/index.html");
    assert!(index.contains("href=\"short/resume.pdf\""), "{index}");
}

#[test]
fn a_missing_browser_is_a_clear_error_and_leaves_the_output_alone() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    let o = site.run(&["build"]);
    o.success();
    let empty = tempfile::tempdir().unwrap();
    let o = site.run_env(
        &["build", "--pdf"],
        &[("VITAE_BROWSER", "/nonexistent"), ("PATH", empty.path().to_str().unwrap())],
    );
    o.fails_with(1);
    let err = o.stderr();
    assert!(err.contains("$VITAE_BROWSER=/nonexistent does not exist"), "{err}");
    assert!(site.root().join("public/short/index.html").exists(), "previous output kept");
    assert!(!site.root().join("public/short/resume.pdf").exists());
}

/// `../shared/eval/seeds` beside the repository (tests that call it are ignored without it).
fn seeds_dir() -> PathBuf {
    common::shared_eval().join("seeds")
}

#[test]
#[cfg_attr(not(vitae_shared_eval), ignore = "needs ../shared/eval beside the clone")]
fn every_theme_renders_and_prints_the_evaluation_seeds() {
    let seeds = seeds_dir();
    if !tools_available() {
        return;
    }
    let site = TestSite::new();
    let mut slugs = Vec::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            site.file(&format!("content/{name}"), &std::fs::read_to_string(&path).unwrap());
            slugs.push(name.trim_end_matches(".txt").to_string());
        }
    }
    assert!(!slugs.is_empty());
    for theme in THEMES {
        let out = site.build(theme, &["--pdf"]);
        for slug in &slugs {
            let dir = out.join(slug);
            assert!(dir.join("index.html").is_file(), "{theme}/{slug}: no page");
            let pages = check_pdf(&dir, &format!("{theme}/seed {slug}"));
            // The page budget holds once the free-form reader finds the structure; while it
            // only keeps the text as a summary there is nothing to lay out.
            if slug == "001" && !positions(&dir.join("resume.json")).is_empty() {
                assert!(pages <= 2, "{theme}: seed 001 prints on {pages} pages");
            }
        }
    }
}

/// A stand-in browser: records its arguments and writes a tiny PDF where it is told to.
#[cfg(unix)]
#[test]
fn the_browser_prints_the_staged_page_headless_with_a_fresh_profile() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::with_fixtures(&["medium.yaml", "short.yaml"]);
    let log = site.root().join("args.log");
    let fake = site.root().join("fake-chrome");
    site.file(
        "fake-chrome",
        &format!(
            "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> '{}'; case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > \"${{a#--print-to-pdf=}}\";; esac; done\n",
            log.display()
        ),
    );
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = site.run_env(&["build", "--pdf"], &[("VITAE_BROWSER", fake.to_str().unwrap())]);
    o.success();
    for slug in ["medium", "short"] {
        let pdf = std::fs::read(site.root().join(format!("public/{slug}/resume.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{slug}");
    }
    let args = std::fs::read_to_string(&log).unwrap();
    for flag in
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer"]
    {
        assert_eq!(args.lines().filter(|l| *l == flag).count(), 2, "{flag} once per page:\n{args}");
    }
    let profiles: Vec<&str> = args.lines().filter(|l| l.starts_with("--user-data-dir=")).collect();
    assert_eq!(profiles.len(), 2);
    assert_ne!(profiles[0], profiles[1], "each print has its own profile");
    let urls: Vec<&str> = args.lines().filter(|l| l.starts_with("file://")).collect();
    assert_eq!(urls.len(), 2, "{args}");
    assert!(
        urls.iter().all(|u| u.contains("/.vitae/output/") && u.ends_with("/index.html")),
        "{urls:?}"
    );
}

/// A browser that runs but writes no PDF fails the build, naming the page, and keeps the
/// previous output.
#[cfg(unix)]
#[test]
fn a_browser_that_prints_nothing_fails_the_build() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::with_fixtures(&["short.yaml"]);
    let fake = site.root().join("broken-chrome");
    site.file("broken-chrome", "#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = site.run_env(&["build", "--pdf"], &[("VITAE_BROWSER", fake.to_str().unwrap())]);
    o.fails_with(1);
    let err = o.stderr();
    assert!(err.contains("did not print") && err.contains("index.html"), "{err}");
    assert!(err.contains("cannot open display"), "the browser's own message:\n{err}");
    assert!(!site.root().join("public").exists(), "nothing written");
}

#[test]
#[cfg_attr(not(vitae_shared_eval), ignore = "needs ../shared/eval beside the clone")]
fn seed_001s_expected_resume_prints_on_two_a4_pages_at_most() {
    let seeds = seeds_dir();
    if !tools_available() {
        return;
    }
    let site = TestSite::new();
    site.file(
        "content/seed-001.json",
        &std::fs::read_to_string(seeds.join("001.expected.json")).unwrap(),
    );
    for theme in THEMES {
        let out = site.build(theme, &["--pdf"]);
        let pages = check_pdf(&out.join("seed-001"), &format!("{theme}/seed 001 expected"));
        assert!(pages <= 2, "{theme}: seed 001 prints on {pages} pages");
    }
}

/// An entry much longer than a page third may break across pages rather than leave the first
/// page empty: the first page holds the start of the experience.
#[test]
fn a_very_long_entry_starts_on_the_first_page() {
    if !tools_available() {
        return;
    }
    let bullet = "Led a long programme of work across many teams and systems, with results \
                  that took a long sentence to describe properly in this resume";
    let highlights: String = (0..30).map(|i| format!("      - {bullet} ({i})\n")).collect();
    let site = TestSite::new();
    site.file(
        "content/long.yaml",
        &format!(
            "basics:\n  name: Long Entry\n  summary: {}\nwork:\n  - name: Acme\n    position: Principal Engineer\n    highlights:\n{highlights}",
            "A summary that fills a few lines. ".repeat(12)
        ),
    );
    for theme in THEMES {
        let out = site.build(theme, &["--pdf"]);
        let html = std::fs::read_to_string(out.join("long/index.html")).unwrap();
        assert!(html.contains("class=\"entry entry-long\""), "{theme}");
        let o = std::process::Command::new("pdftotext")
            .args(["-f", "1", "-l", "1"])
            .arg(out.join("long/resume.pdf"))
            .arg("-")
            .output()
            .unwrap();
        let first_page = collapse(&String::from_utf8_lossy(&o.stdout));
        assert!(first_page.contains("Principal Engineer"), "{theme}: page 1 is\n{first_page}");
    }
}
