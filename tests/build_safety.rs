//! `vitae build` against hostile input and hostile moments (issue 11): oversized files,
//! protected directories, symlinks, endless templates, remote images, kills mid-build.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::{Run, TestSite, vitae_bin};

const ADA: &str = "basics:\n  name: Ada Example\n  label: Analyst\n";

/// `vitae build ARGS --root SITE` in a shell whose address space is capped at 1 GB.
#[cfg(unix)]
fn build_in_1gb(site: &TestSite) -> Run {
    let script = format!(
        "ulimit -v 1000000; exec '{}' build --root '{}'",
        vitae_bin(),
        site.root().display()
    );
    Run(Command::new("sh").arg("-c").arg(script).output().unwrap())
}

#[cfg(unix)]
#[test]
fn an_oversized_content_file_is_refused_from_its_size_before_it_is_read() {
    let site = TestSite::new();
    site.file("content/ada.yaml", ADA);
    let big = std::fs::File::create(site.path("content/big.txt")).unwrap();
    big.set_len(3_000_000_000).unwrap();
    build_in_1gb(&site)
        .fails_with(1)
        .stderr_has("big.txt")
        .stderr_has("3000000000 bytes, over the 5 MiB limit");
    assert!(!site.path("public").exists());
}

/// `vitae build --pdf` with `PATH` holding only `path_dir` and `$VITAE_BROWSER` as given.
#[cfg(unix)]
fn build_pdf_with(site: &TestSite, path_dir: &std::path::Path, browser: Option<&str>) -> Run {
    let mut cmd = Command::new(vitae_bin());
    cmd.args(["build", "--pdf", "--root"]).arg(site.root()).env("PATH", path_dir);
    match browser {
        Some(b) => cmd.env("VITAE_BROWSER", b),
        None => cmd.env_remove("VITAE_BROWSER"),
    };
    Run(cmd.output().unwrap())
}

#[cfg(unix)]
#[test]
fn an_explicit_browser_that_points_nowhere_fails_even_with_another_browser_on_path() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::new();
    site.file("content/ada.yaml", ADA);
    // A stand-in `chromium` on PATH that prints a tiny PDF where it is told to.
    site.file(
        "bin/chromium",
        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > \"${a#--print-to-pdf=}\";; esac; done\n",
    );
    std::fs::set_permissions(site.path("bin/chromium"), std::fs::Permissions::from_mode(0o755))
        .unwrap();
    build_pdf_with(&site, &site.path("bin"), Some("/nonexistent/chrome"))
        .fails_with(1)
        .stderr_has("$VITAE_BROWSER=/nonexistent/chrome does not exist");
    assert!(!site.path("public").exists(), "nothing was printed with another browser");
    build_pdf_with(&site, &site.path("bin"), Some(site.path("bin").to_str().unwrap()))
        .fails_with(1)
        .stderr_has("is a directory");
    // Unset, the browser on PATH prints.
    build_pdf_with(&site, &site.path("bin"), None).success();
    assert!(std::fs::read(site.path("public/ada/resume.pdf")).unwrap().starts_with(b"%PDF"));
    // No browser anywhere: every name tried is listed.
    build_pdf_with(&site, &site.path("content"), None)
        .fails_with(1)
        .stderr_has("`chromium` on PATH")
        .stderr_has("`google-chrome-stable` on PATH");
}

#[test]
fn images_from_other_hosts_in_text_are_dropped_with_a_warning_in_every_theme() {
    let site = TestSite::new();
    site.file(
        "content/ada.yaml",
        "basics:\n  name: Ada Example\n  summary: 'Hello ![the chart](https://tracker.example/p.png) and <img src=\"https://tracker.example/q.gif\">'\nwork:\n  - name: Acme\n    highlights:\n      - '![pixel](//tracker.example/r.png) shipped'\n",
    );
    for theme in ["classic", "modern", "compact"] {
        let run = site.run(&["build", "--theme", theme]);
        run.success()
            .stderr_has("basics.summary: the image `https://tracker.example/p.png` in this text is not shown: pages load nothing from other hosts")
            .stderr_has("basics.summary: the image `https://tracker.example/q.gif`")
            .stderr_has("work[0].highlights[0]: the image `//tracker.example/r.png`");
        for page in ["public/ada/index.html", "public/index.html"] {
            let html = site.read(page);
            assert!(!html.contains("tracker.example"), "{theme} {page} loads from another host");
            assert!(html.contains("Hello the chart and"), "{theme}: the alt text stays");
            assert!(html.contains("pixel shipped"), "{theme}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_resume_is_read_and_links_that_cannot_be_are_named_with_the_reason() {
    use std::os::unix::fs::symlink;
    let site = TestSite::new();
    site.file("content/ada.yaml", ADA);
    site.file("elsewhere/cv.yaml", "basics:\n  name: Linked Person\n");
    symlink(site.path("elsewhere/cv.yaml"), site.path("content/linked.yaml")).unwrap();
    symlink(site.path("elsewhere/gone.yaml"), site.path("content/dangling.yaml")).unwrap();
    symlink(site.path("elsewhere"), site.path("content/folder.yaml")).unwrap();
    site.run(&["build"]).success();
    assert!(site.read("public/linked/index.html").contains("Linked Person"));
    // A link into the output would read what the build itself replaces.
    symlink(site.path("public/ada/resume.json"), site.path("content/copy.json")).unwrap();
    let run = site.run(&["build"]);
    run.success()
        .stderr_has("dangling.yaml: skipped: this symbolic link points to")
        .stderr_has("gone.yaml`, which does not exist")
        .stderr_has("folder.yaml: skipped: this symbolic link points to")
        .stderr_has("a directory")
        .stderr_has("copy.json: skipped: this symbolic link points into the output directory");
    assert!(!site.path("public/copy").exists());
    assert!(site.path("public/linked/index.html").is_file());
}

#[test]
fn a_list_of_100_000_items_is_cut_to_the_cap_with_a_warning_and_a_small_page() {
    let site = TestSite::new();
    let keywords: Vec<String> = (0..100_000).map(|i| format!("k{i}")).collect();
    let doc = serde_json::json!({
        "basics": {"name": "Ada Example"},
        "skills": [{"name": "Everything", "keywords": keywords}],
    });
    site.file("content/ada.json", &doc.to_string());
    site.run(&["build"]).success().stderr_has(
        "skills[0].keywords: holds 100000 items; kept the first 1000 and dropped 99000 (a list holds at most 1000 items)",
    );
    let page = std::fs::metadata(site.path("public/ada/index.html")).unwrap().len();
    assert!(page < 500_000, "the page is {page} bytes");
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/ada/resume.json")).unwrap();
    assert_eq!(json["skills"][0]["keywords"].as_array().unwrap().len(), 1000);
    // The importer applies the same cap.
    let mut cmd = Command::new(vitae_bin());
    cmd.args(["import", "--to", "json"]).arg(site.path("content/ada.json"));
    let run = Run(cmd.output().unwrap());
    run.success().stderr_has("skills[0].keywords: holds 100000 items");
    assert!(run.stdout().len() < 100_000, "{} bytes", run.stdout().len());
}

#[cfg(unix)]
#[test]
fn force_never_builds_into_content_reached_through_a_symlink() {
    use std::os::unix::fs::symlink;
    let site = TestSite::new();
    std::fs::remove_dir(site.path("content")).unwrap();
    site.file("real/content/ada.yaml", ADA);
    site.file("real/content/notes.txt", "my notes");
    symlink(site.path("real/content"), site.path("content")).unwrap();
    site.run(&["build"]).success();
    for out in ["real/content", "content", "real"] {
        site.run(&["build", "--output", out, "--force"])
            .fails_with(1)
            .stderr_has("the site's `content`")
            .stderr_has("nothing was changed");
    }
    assert_eq!(site.read("real/content/ada.yaml"), ADA);
    assert_eq!(site.read("real/content/notes.txt"), "my notes");
}

#[test]
fn force_never_builds_into_the_repository_or_the_sites_own_inputs() {
    let site = TestSite::new();
    site.file("content/ada.yaml", ADA);
    site.file(".git/HEAD", "ref: refs/heads/main\n");
    site.file(".github/workflows/pages.yml", "on: push\n");
    site.file("templates/partials/footer.html", "<footer>mine</footer>");
    site.file("themes/mine/theme.toml", "description = \"mine\"\n");
    site.file("static/me.txt", "me");
    site.file("vitae.toml", "title = \"Mine\"\n");
    let refusals = [
        (".git", "`.git`"),
        (".git/objects", "`.git`"),
        (".github", "`.github`"),
        (".github/pages", "`.github`"),
        ("templates", "the site's `templates`"),
        ("themes/mine", "the site's `themes`"),
        ("static", "the site's `static`"),
        (".vitae", "the site's `.vitae`"),
        (".", "contains the site itself"),
        ("..", "contains the site itself"),
    ];
    for (out, why) in refusals {
        site.run(&["build", "--output", out, "--force"]).fails_with(1).stderr_has(why);
    }
    assert_eq!(site.read(".git/HEAD"), "ref: refs/heads/main\n");
    assert_eq!(site.read(".github/workflows/pages.yml"), "on: push\n");
    assert_eq!(site.read("templates/partials/footer.html"), "<footer>mine</footer>");
    assert_eq!(site.read("static/me.txt"), "me");
    assert!(!site.path("public").exists() && !site.path(".github/pages").exists());
}

/// Runs `vitae build` on `site`, killing it (and failing) if it has not ended within a minute.
fn build_or_kill(site: &TestSite) -> Run {
    let mut child = Command::new(vitae_bin())
        .args(["build", "--root"])
        .arg(site.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("vitae build was still running after a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Run(child.wait_with_output().unwrap())
}

#[test]
fn a_template_that_never_ends_fails_the_build_naming_the_template() {
    let site = TestSite::new();
    site.file("content/ada.yaml", ADA);
    site.run(&["build"]).success();
    let before = common::snapshot(&site.path("public"));
    let writes = format!(
        "{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{{{{ i }}}}{}{{% endfor %}}{{% endfor %}}",
        "x".repeat(1024)
    );
    let endless = [
        // Nested loops that write: stopped by the output budget.
        (writes.as_str(), "grew past 32 MiB"),
        // Nested loops that write nothing: stopped by the time budget at the next `range`.
        (
            "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
            "took longer than 5 s",
        ),
        // Loops that neither write nor call anything: given up on at the deadline.
        (
            "{% set r = range(end=100000) %}{% for a in r %}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}{% endfor %}",
            "took longer than 5 s",
        ),
    ];
    for (template, why) in endless {
        site.file("templates/partials/footer.html", template);
        build_or_kill(&site)
            .fails_with(1)
            .stderr_has("template error in `resume.html`")
            .stderr_has(why)
            .stderr_has("templates/partials/footer.html");
        assert_eq!(common::snapshot(&site.path("public")), before, "the output is untouched");
    }
}

/// A small pseudo-random generator (xorshift64*), seeded from the clock; the seed is printed so
/// a failure can be replayed.
#[cfg(unix)]
struct Rng(u64);

#[cfg(unix)]
impl Rng {
    fn from_clock() -> Self {
        let seed = std::env::var("VITAE_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("random kill times from VITAE_TEST_SEED={seed}");
        Self(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

#[cfg(unix)]
#[test]
fn a_rebuild_killed_at_random_moments_leaves_the_old_or_the_new_output_byte_for_byte() {
    use std::time::{Duration, Instant};
    let site = TestSite::new();
    for i in 0..300 {
        site.file(
            &format!("content/person-{i:03}.yaml"),
            &format!("basics:\n  name: Person {i}\n  label: Engineer\nwork:\n  - name: Acme {i}\n    highlights: [Built things, Ran things]\n"),
        );
    }
    // Two versions of the site that differ in every page.
    let footers = ["<footer>version A</footer>", "<footer>version B</footer>"];
    let footer = "templates/partials/footer.html";
    let mut trees = Vec::new();
    let mut slowest = Duration::ZERO;
    for text in footers {
        site.file(footer, text);
        let started = Instant::now();
        build_or_kill(&site).success();
        slowest = slowest.max(started.elapsed());
        trees.push(common::snapshot(&site.path("public")));
    }
    assert_ne!(trees[0], trees[1]);
    let mut rng = Rng::from_clock();
    let mut shown = 1;
    for kill in 0..12 {
        let next = 1 - shown;
        site.file(footer, footers[next]);
        let mut child = Command::new(vitae_bin())
            .args(["build", "--root"])
            .arg(site.root())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let at = Duration::from_millis(rng.below(slowest.as_millis() as u64 + 50));
        std::thread::sleep(at);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = common::snapshot(&site.path("public"));
        let old = now.iter().filter(|f| trees[shown].contains(f)).count();
        let new = now.iter().filter(|f| trees[next].contains(f)).count();
        assert!(
            now == trees[shown] || now == trees[next],
            "kill {kill} at {at:?}: the output is torn ({} files: {old} of the old build, {new} of the new, of {} each)",
            now.len(),
            trees[0].len()
        );
        let outcome = if now == trees[next] { "the new output" } else { "the old output" };
        eprintln!("kill {kill} at {at:?}: {outcome}");
        if now == trees[next] {
            shown = next;
        }
    }
    // The next build completes whatever the kills left, and nothing stays beside the output.
    build_or_kill(&site).success();
    let wanted = footers.iter().position(|f| site.read(footer) == *f).unwrap();
    assert_eq!(common::snapshot(&site.path("public")), trees[wanted]);
    let mut top: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, [".vitae", "content", "public", "templates"]);
}

#[test]
fn what_vitae_keeps_between_builds_lives_in_dot_vitae_which_git_ignores() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("cv");
    Run(Command::new(vitae_bin()).arg("new").arg(&dir).output().unwrap()).success();
    assert!(std::fs::read_to_string(dir.join(".gitignore")).unwrap().contains("/.vitae/"));
    let build =
        || Run(Command::new(vitae_bin()).args(["build", "--root"]).arg(&dir).output().unwrap());
    build().success();
    build().success();
    assert!(dir.join(".vitae/output").is_dir(), "the previous output is kept in the cache");
    let mut top: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, [".github", ".gitignore", ".vitae", "content", "public", "vitae.toml"]);
    let inside: Vec<_> = common::snapshot(&dir.join("public"))
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.to_string_lossy().contains("vitae-") && !p.ends_with(".vitae-output"))
        .collect();
    assert!(inside.is_empty(), "leftovers inside the output: {inside:?}");
    // The cache ignores itself, so a site made before the scaffold listed it is covered too.
    std::fs::write(dir.join(".gitignore"), "/public\n").unwrap();
    let git = Command::new("git").args(["init", "-q"]).current_dir(&dir).status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("note: git is not installed; skipped checking that git ignores .vitae/");
        return;
    }
    let status = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=all"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let status = String::from_utf8_lossy(&status.stdout);
    assert!(!status.contains(".vitae"), "git sees the cache:\n{status}");
}
