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
