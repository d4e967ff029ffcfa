//! The foundation as a user meets it: `vitae build`, `check` and `themes` on fixture sites.
#![allow(clippy::unwrap_used)]

mod common;

use common::{TestSite, assert_schema_valid, snapshot};
use serde_json::Value;

const FULL: &str = include_str!("fixtures/full.json");

fn built_json(site: &TestSite, slug: &str) -> Value {
    serde_json::from_str(&site.read(&format!("public/{slug}/resume.json"))).unwrap()
}

#[test]
fn every_section_of_a_full_resume_appears_in_the_page() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build"]).success().stderr_has("built 1 resume");
    let html = site.read("public/mira/index.html");
    for text in [
        "Mira Okonkwo-Lind",
        "Principal Data Engineer",
        "mira@example.net",
        "Stockholm",
        "github.com/miraol",
        "Fjordline Data AB",
        "Cut pipeline latency",
        "Nordvik Bank",
        "Data for Good Stockholm",
        "KTH Royal Institute of Technology",
        "Database Systems",
        "Nordic Data Award",
        "Professional Data Engineer",
        "Streaming Joins Without Tears",
        "Data engineering",
        "Kafka",
        "Yoruba",
        "Conversational",
        "Sailing",
        "Lars Berg",
        "Mira made our data trustworthy.",
        "tidewater",
        "Adopted by three banks",
        "Feb 2020</time> – Present",
        "<time datetime=\"2020-02\">",
    ] {
        assert!(html.contains(text), "page lacks {text:?}");
    }
    assert!(html.contains("<strong>reliable</strong>"), "Markdown in the summary renders");
    // One resume: the index is that resume, with links that work from the root.
    let index = site.read("public/index.html");
    assert!(index.contains("Mira Okonkwo-Lind") && index.contains("href=\"mira/resume.json\""));
    assert!(index.contains("href=\"./assets/screen.css\""));
    assert!(site.path("public/assets/screen.css").is_file());
    assert!(site.path("public/.nojekyll").is_file());
}

#[test]
fn resume_json_is_schema_valid_and_equal_to_the_json_input() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build"]).success();
    let out = built_json(&site, "mira");
    assert_schema_valid(&out);
    assert_eq!(out, serde_json::from_str::<Value>(FULL).unwrap());
}

#[test]
fn resume_json_is_equal_to_the_yaml_input() {
    let input: Value = serde_json::from_str(FULL).unwrap();
    let yaml = vitae::parse::yaml::to_string(&input);
    let site = TestSite::new();
    site.file("content/mira.yaml", &yaml);
    let run = site.run(&["build"]);
    run.success();
    let stderr = run.stderr();
    let repairs: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning") && !l.contains("basics.image"))
        .collect();
    assert!(repairs.is_empty(), "a valid v1 document is not repaired: {repairs:?}");
    let out = built_json(&site, "mira");
    assert_schema_valid(&out);
    assert_eq!(out, input);
}

#[test]
fn messy_input_is_repaired_with_warnings_and_written_schema_valid() {
    let site = TestSite::new();
    site.file(
        "content/old.yaml",
        "basics:\n  name: Old Style\n  website: old.example.com\n  email: ''\nwork:\n  - company: Acme\n    startDate: May 2022\n    endDate: Present\n    highlights: One thing\n  - company: Globex\n    startDate: 2024-09-31\n    start_date: 2020\n",
    );
    let run = site.run(&["build"]);
    run.success()
        .stderr_has("old.yaml:3:3: basics.website: renamed the old field `website` to `url`")
        .stderr_has("work[0].startDate: read the date `May 2022` as `2022-05`")
        .stderr_has("YYYY-MM")
        .stderr_has("did you mean `startDate`?");
    let out = built_json(&site, "old");
    assert_eq!(out["work"][0]["startDate"], "2022-05");
    assert!(out["work"][0].get("endDate").is_none());
    assert_eq!(out["work"][1]["startDate"], "2024-09");
    assert_eq!(out["work"][1]["start_date"], 2020, "unknown fields are kept");
    // The schema's `uri` format wants a scheme: a bare domain gets https://, with a warning.
    assert_eq!(out["basics"]["url"], "https://old.example.com");
    assert!(
        run.stderr().contains("`old.example.com` as `https://old.example.com`"),
        "{}",
        run.stderr()
    );
    assert_schema_valid(&out);
}

#[test]
fn scripts_handlers_and_javascript_urls_never_reach_the_page() {
    let site = TestSite::new();
    let evil = r#"{
      "basics": {"name": "<script>alert('n')</script>Eve", "summary": "**bold** <script>alert(1)</script><img src=x onerror=alert(2)>",
                 "url": "javascript:alert(3)", "profiles": [{"network": "X", "url": "JaVaScRiPt:alert(4)"}]},
      "work": [{"name": "<img src=x onerror=alert(5)>", "position": "Dev", "url": "javascript:alert(6)",
                "highlights": ["[click](javascript:alert(7)) and **strong**", "<a href=\"javascript:alert(8)\" onclick=\"x()\">a</a>"]}],
      "projects": [{"name": "P", "url": "javascript:alert(9)", "description": "<iframe src=//evil.example></iframe>ok"}]
    }"#;
    site.file("content/eve.json", evil);
    site.run(&["build"]).success();
    let html = site.read("public/eve/index.html");
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("javascript:"), "javascript: URL leaked");
    let handlers = tags_with_event_handlers(&lower);
    assert!(handlers.is_empty(), "event handlers leaked: {handlers:?}");
    assert!(lower.contains("onerror=alert(5)&gt;"), "user text is shown, escaped");
    assert!(!lower.contains("<iframe"), "iframe leaked");
    // The only <script> elements are vitae's JSON-LD; user text is escaped.
    assert_eq!(
        lower.matches("<script").count(),
        lower.matches("<script type=\"application/ld+json\">").count()
    );
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;n&#x27;)&lt;/script&gt;Eve")
            || html.contains("&lt;script&gt;")
    );
    assert!(html.contains("<strong>bold</strong>") && html.contains("<strong>strong</strong>"));
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build"]).success();
    let before = snapshot(&site.path("public"));
    site.file("content/mira.json", "{ \"basics\": { \"name\": ");
    site.file("content/zed.yaml", "basics:\n  name: Zed\n");
    site.run(&["build"]).fails_with(1).stderr_has("mira.json:1:").stderr_has("invalid JSON");
    assert_eq!(snapshot(&site.path("public")), before);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("vitae-staging") || n.contains("vitae-old"))
        .collect();
    assert!(leftovers.is_empty(), "temporary directories left behind: {leftovers:?}");
}

#[test]
fn a_foreign_non_empty_output_dir_is_refused_without_force_and_nothing_is_deleted() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.file("mine/notes.txt", "precious");
    site.run(&["build", "--output", "mine"])
        .fails_with(1)
        .stderr_has("not created by vitae")
        .stderr_has("--force");
    assert_eq!(site.read("mine/notes.txt"), "precious");
    site.run(&["build", "--output", "mine", "--force"]).success();
    assert!(site.path("mine/mira/index.html").is_file());
    // Now it is vitae's: rebuilding needs no --force.
    site.run(&["build", "--output", "mine"]).success();
}

#[test]
fn the_site_root_is_never_an_output_even_with_force() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build", "--output", ".", "--force"])
        .fails_with(1)
        .stderr_has("contains the site itself");
    assert!(site.path("content/mira.json").is_file());
}

#[test]
fn several_resumes_get_a_gallery_linking_each() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.file("content/ada.yaml", "basics:\n  name: Ada Example\n  label: Analyst\n");
    site.file("vitae.toml", "title = \"Team pages\"\n");
    site.run(&["build"]).success().stderr_has("built 2 resumes");
    let index = site.read("public/index.html");
    assert!(index.contains("<h1>Team pages</h1>"));
    assert!(index.contains("href=\"ada/\"") && index.contains("href=\"mira/\""));
    assert!(index.contains("Ada Example") && index.contains("Analyst"));
    assert!(site.path("public/ada/resume.json").is_file());
}

#[test]
fn base_url_makes_canonical_urls_absolute_and_links_stay_relative() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build", "--base-url", "https://octo.github.io/cv"]).success();
    let page = site.read("public/mira/index.html");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://octo.github.io/cv/mira/\">"));
    assert!(page.contains("href=\"../assets/screen.css\""));
    site.run(&["build", "--base-url", "not a url"]).fails_with(1).stderr_has("base URL");
}

#[test]
fn check_reports_without_writing_and_fails_on_errors() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["check"]).success().stderr_has("checked 1 resume: no errors");
    assert!(!site.path("public").exists());
    site.file("content/bad.json", "[1,");
    site.run(&["check"]).fails_with(1).stderr_has("bad.json:");
}

#[test]
fn themes_lists_built_in_and_site_themes() {
    let site = TestSite::new();
    site.file("themes/mine/theme.toml", "description = \"My own look\"\n");
    let run = site.run(&["themes"]);
    run.success();
    let out = run.stdout();
    assert!(out.contains("classic (selected)") && out.contains("built-in"), "{out}");
    assert!(out.contains("mine") && out.contains("My own look"), "{out}");
}

#[test]
fn usage_errors_exit_2_and_missing_content_exits_1() {
    let site = TestSite::new();
    site.run(&["build", "--no-such-flag"]).fails_with(2);
    site.run(&["build"]).fails_with(1).stderr_has("no resumes found");
    let out = std::process::Command::new(common::vitae_bin()).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in ["build", "check", "themes", "import"] {
        assert!(help.contains(cmd), "--help lists {cmd}");
    }
}

#[test]
fn the_repository_example_site_builds() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("public");
    let run = std::process::Command::new(common::vitae_bin())
        .args(["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        String::from_utf8_lossy(&run.stderr).lines().all(|l| !l.starts_with("warning")),
        "the example has no warnings"
    );
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("avery-quinn/resume.json")).unwrap(),
    )
    .unwrap();
    assert_schema_valid(&json);
    let sections = ["basics", "meta"].into_iter().chain(vitae::model::LIST_SECTIONS);
    for section in sections {
        assert!(json.get(section).is_some(), "the example uses {section}");
    }
}

/// Real tags (not escaped text) that carry an `on…=` attribute.
fn tags_with_event_handlers(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .filter(|tag| {
            // Attribute values (between quotes) are text, not attributes.
            let outside_quotes: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
            outside_quotes
                .split(|c: char| c.is_whitespace() || c == '/')
                .skip(1)
                .any(|attr| attr.starts_with("on") && attr.contains('='))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn a_rebuild_keeps_unchanged_files_and_replaces_changed_ones_without_touching_the_old() {
    use std::os::unix::fs::MetadataExt;
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build"]).success();
    let inode = |rel: &str| std::fs::metadata(site.path(rel)).unwrap().ino();
    let (css, page) = (inode("public/assets/screen.css"), inode("public/mira/index.html"));
    let old_page = site.read("public/mira/index.html");
    // Keep a second name for the old page: a rebuild must never write into the old file.
    std::fs::hard_link(site.path("public/mira/index.html"), site.path("old-page.html")).unwrap();

    site.file("content/mira.json", &FULL.replace("Principal Data Engineer", "Staff Data Engineer"));
    site.run(&["build"]).success();
    assert_eq!(inode("public/assets/screen.css"), css, "an unchanged file is kept, not rewritten");
    assert_ne!(inode("public/mira/index.html"), page, "a changed file is a new file");
    assert!(site.read("public/mira/index.html").contains("Staff Data Engineer"));
    assert_eq!(site.read("old-page.html"), old_page, "the old file was not written into");
}

#[test]
fn a_rebuild_that_fails_while_rendering_leaves_the_output_byte_identical() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.run(&["build"]).success();
    let before = snapshot(&site.path("public"));
    // Mira's page renders (and is written under a temporary name); Zed's then fails.
    site.file("content/mira.json", &FULL.replace("Principal Data Engineer", "Staff Data Engineer"));
    site.file("content/zed.yaml", "basics:\n  name: Zed\n");
    site.file(
        "templates/partials/footer.html",
        "{% if basics.name == \"Zed\" %}{{ nothing.here }}{% endif %}",
    );
    site.run(&["build"]).fails_with(1);
    assert_eq!(snapshot(&site.path("public")), before, "no file changed, none left behind");
    assert!(!site.path("public/zed").exists(), "a directory made for the failed build is gone");
}

#[test]
fn a_rebuild_removes_what_the_build_no_longer_makes() {
    let site = TestSite::new();
    site.file("content/mira.json", FULL);
    site.file("content/zed.yaml", "basics:\n  name: Zed\n");
    site.run(&["build"]).success();
    assert!(site.path("public/zed/index.html").is_file());
    site.file("public/stray.txt", "not vitae's");
    std::fs::remove_file(site.path("content/zed.yaml")).unwrap();
    site.run(&["build"]).success();
    assert!(!site.path("public/zed").exists(), "a deleted resume's page goes");
    assert!(!site.path("public/stray.txt").exists(), "the output holds only what the build made");
    assert!(site.path("public/mira/index.html").is_file());
}

#[test]
fn a_base_url_with_characters_no_url_may_hold_is_refused_before_anything_is_written() {
    let site = TestSite::new();
    site.file("content/ada.yaml", "basics:\n  name: Ada Example\n");
    for bad in ["https://x.example/\"><script>", "https://x.example/a b", "https://x.example/<p>"] {
        site.run(&["build", "--base-url", bad])
            .fails_with(1)
            .stderr_has("is not a usable base URL")
            .stderr_has("cannot appear in a URL");
        assert!(!site.path("public").exists(), "{bad}: nothing is written");
    }
    site.run(&["build", "--base-url", "https://octo.github.io/cv"]).success();
    assert!(site.read("public/robots.txt").contains("https://octo.github.io/cv/sitemap.xml"));
}

/// A free-form resume with a line the importer cannot place, so its import warns.
const FREE_FORM: &str = "# Ada Example\n\nada@example.org\n\n## Experience\n\n### Engineer at Initrode (2019 - 2021)\n\n- Built the billing service\n\n## Skills\n\nRust, Go\n\n## Odds and ends\n\nA line that belongs to no section at all.\n";

/// The warnings of a run, without the line that times it.
fn warnings(run: &common::Run) -> Vec<String> {
    run.stderr().lines().filter(|l| !l.starts_with("built ")).map(String::from).collect()
}

/// The one entry the import cache holds for `content/ada.md`.
fn cache_entry(site: &TestSite) -> std::path::PathBuf {
    let entries: Vec<_> = std::fs::read_dir(site.path(".vitae/import"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries[0].clone()
}

#[test]
fn a_free_form_resume_is_imported_once_and_every_edit_shows() {
    let site = TestSite::new();
    site.file("content/ada.md", FREE_FORM);
    let first = site.run(&["build"]);
    first.success();
    let warned = warnings(&first);
    assert!(warned.iter().any(|l| l.contains("unsortedSections")), "{warned:?}");
    let built = snapshot(&site.path("public"));
    let entry = cache_entry(&site);

    // Built again from the cache: the same pages, and the import's warnings again.
    let again = site.run(&["build"]);
    assert_eq!(warnings(again.success()), warned);
    assert_eq!(snapshot(&site.path("public")), built);

    // An edit shows at once, and replaces the file's entry rather than adding one.
    site.file("content/ada.md", &FREE_FORM.replace("Ada Example", "Ada Edited"));
    site.run(&["build"]).success();
    let page = site.read("public/ada/index.html");
    assert!(page.contains("Ada Edited") && !page.contains("Ada Example"));
    assert_eq!(cache_entry(&site), entry);

    // A damaged entry (cut short, or garbage) is ignored and rewritten; the build is right.
    site.file("content/ada.md", FREE_FORM);
    site.run(&["build"]).success();
    let whole = std::fs::read(&entry).unwrap();
    for damaged in [&whole[..whole.len() / 2], b"{\"key\": 7, \x00\xff".as_slice()] {
        std::fs::write(&entry, damaged).unwrap();
        let run = site.run(&["build"]);
        assert_eq!(warnings(run.success()), warned);
        assert_eq!(snapshot(&site.path("public")), built);
        assert_eq!(std::fs::read(&entry).unwrap(), whole, "the entry is rewritten");
    }
}

#[test]
fn check_reads_free_form_resumes_without_writing_a_cache() {
    let site = TestSite::new();
    site.file("content/ada.md", FREE_FORM);
    site.run(&["check"]).success().stderr_has("unsortedSections");
    assert!(!site.path(".vitae").exists());
}
