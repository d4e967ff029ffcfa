//! Themes as a product: every built-in theme builds an accessible page, `vitae themes` lists
//! them, a site's own theme replaces a built-in, a site template overrides one partial, and a
//! broken template is reported with its name, line and cause.

#![allow(clippy::unwrap_used)]

mod common;

use common::{LINKS_YAML, THEMES, TestSite, positions};

#[test]
fn every_theme_builds_a_self_contained_accessible_page() {
    let site = TestSite::with_fixtures(&["medium.yaml", "short.yaml"]);
    for theme in THEMES {
        let out = site.build(theme, &[]);
        let html = std::fs::read_to_string(out.join("medium/index.html")).unwrap();
        assert!(html.contains("<html lang=\"en\">"), "{theme}: lang");
        assert_eq!(html.matches("<h1").count(), 1, "{theme}: one h1");
        assert!(html.contains("<main id=\"content\">"), "{theme}: main landmark");
        assert!(html.contains("<time datetime=\"2022-05\">"), "{theme}: <time datetime>");
        assert!(html.contains("\"@type\":\"Person\""), "{theme}: JSON-LD");
        assert!(html.contains("property=\"og:title\""), "{theme}: Open Graph");
        assert!(html.contains("href=\"resume.json\""), "{theme}: JSON link");
        assert!(!html.contains("Download PDF"), "{theme}: no PDF link without PDFs");
        assert!(html.contains(&format!("class=\"theme-{theme}\"")), "{theme}: body class");
        for title in positions(&out.join("medium/resume.json")) {
            assert!(html.contains(&title), "{theme}: position `{title}` missing");
        }
        // Nothing is loaded from other hosts: no remote stylesheets, scripts, images or fonts.
        for remote in ["src=\"http", "<link rel=\"stylesheet\" href=\"http", "@import", "url(http"]
        {
            assert!(!html.contains(remote), "{theme}: loads `{remote}`");
        }
        for css in ["screen.css", "print.css"] {
            let text = std::fs::read_to_string(out.join("assets").join(css)).unwrap();
            assert!(!text.contains("url(") && !text.contains("@import"), "{theme}/{css}");
        }
        let print = std::fs::read_to_string(out.join("assets/print.css")).unwrap();
        assert!(print.contains("@page") && print.contains("break-inside: avoid"), "{theme}");
        let gallery = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(gallery.contains("href=\"medium/\""), "{theme}: gallery");
    }
}

#[test]
fn headings_are_in_order() {
    let site = TestSite::with_fixtures(&["medium.yaml"]);
    for theme in THEMES {
        let out = site.build(theme, &[]);
        let html = std::fs::read_to_string(out.join("medium/index.html")).unwrap();
        let mut last = 0;
        for (i, _) in html.match_indices("<h") {
            let Some(level) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(level <= last + 1, "{theme}: h{level} after h{last}");
            last = level;
        }
    }
}

/// modern's sidebar is two asides around <main>: contact before it, skills, languages and
/// interests after it, so a phone's single column, screen readers and text extraction read the
/// summary and experience before them (the grid puts both asides beside <main> when wide).
#[test]
fn modern_reads_summary_and_experience_before_skills() {
    let site = TestSite::with_fixtures(&["medium.yaml"]);
    let out = site.build("modern", &[]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("no `{needle}`:\n{html}"));
    let order = [
        "<h1",
        "class=\"sidebar sidebar-contact\"",
        "id=\"h-contact\"",
        "<main id=\"content\">",
        "id=\"h-summary\"",
        "id=\"h-work\"",
        "</main>",
        "class=\"sidebar sidebar-more\"",
        "id=\"h-skills\"",
        "id=\"h-languages\"",
        "class=\"site-footer\"",
    ];
    for pair in order.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "`{}` should come before `{}`", pair[0], pair[1]);
    }
    assert_eq!(html.matches("id=\"h-skills\"").count(), 1, "skills once, in the sidebar");
    let css = std::fs::read_to_string(out.join("assets/screen.css")).unwrap();
    assert!(css.contains("grid-template-areas: \"contact main\" \"side main\""), "desktop");
    assert!(css.contains("grid-template-areas: \"contact\" \"main\" \"side\""), "phone");
}

/// Print stylesheets write a link's URL after its text; a link whose text is its URL already
/// carries `shows-url`, and every print stylesheet leaves such links alone.
#[test]
fn a_link_showing_its_own_url_is_marked_and_print_css_does_not_repeat_it() {
    let site = TestSite::new();
    site.file("content/jonah.yaml", LINKS_YAML);
    for theme in THEMES {
        let out = site.build(theme, &[]);
        let html = std::fs::read_to_string(out.join("index.html")).unwrap();
        for marked in [
            "<a href=\"https://jonah.example.net/work\" class=\"shows-url\">",
            "<a href=\"https://github.com/jonahp/\" class=\"shows-url\">github.com/jonahp</a>",
            "<a href=\"http://lib.example.pt/data\" class=\"shows-url\">",
        ] {
            assert!(html.contains(marked), "{theme}: `{marked}` missing:\n{html}");
        }
        assert!(
            html.contains("<a href=\"https://dash.example.net/sales\">the sales dashboard</a>")
        );
        let print = std::fs::read_to_string(out.join("assets/print.css")).unwrap();
        let rules: Vec<&str> = print.lines().filter(|l| l.contains("attr(href)")).collect();
        assert!(!rules.is_empty(), "{theme}: print.css writes no link URLs");
        for rule in rules {
            let selectors = rule.split('{').next().unwrap();
            for selector in selectors.split(',') {
                assert!(
                    selector.contains(":not(.shows-url)"),
                    "{theme}: `{selector}` repeats URLs that are the link text"
                );
            }
        }
    }
}

#[test]
fn the_paper_size_reaches_the_print_css() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    site.file("vitae.toml", "paper = \"letter\"\n");
    let out = site.build("classic", &[]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("@page { size: letter; }"), "{html}");
}

#[test]
fn vitae_themes_lists_built_in_and_site_themes_with_descriptions() {
    let site = TestSite::new();
    site.file("themes/midnight/theme.toml", "description = \"A dark theme of my own.\"\n");
    site.file("vitae.toml", "theme = \"modern\"\n");
    let o = site.run(&["themes"]);
    o.success();
    let out = o.stdout();
    for theme in THEMES {
        assert!(out.contains(theme), "{theme} missing:\n{out}");
    }
    assert!(out.contains("modern (selected)"), "{out}");
    assert!(out.contains("A dark theme of my own.") && out.contains("[site: "), "{out}");
    assert!(out.contains("Two columns"), "modern's description:\n{out}");
    assert!(out.contains("accent = \"#0f766e\""), "modern's parameters:\n{out}");
}

#[test]
fn vitae_toml_selects_the_theme_and_its_parameters() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    site.file("vitae.toml", "theme = \"compact\"\n[extra]\naccent = \"#123456\"\n");
    let o = site.run(&["build"]);
    o.success();
    let html = site.read("public/index.html");
    assert!(html.contains("class=\"theme-compact\""), "{html}");
    assert!(html.contains("--accent: #123456;"), "{html}");
}

#[test]
fn an_unknown_theme_fails_with_the_list_of_themes() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    let o = site.run(&["build", "--theme", "nope"]);
    o.fails_with(1);
    let err = o.stderr();
    assert!(err.contains("no theme named `nope`") && err.contains("compact"), "{err}");
}

#[test]
fn a_site_theme_replaces_the_built_in_theme_of_that_name() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    site.file(
        "themes/modern/theme.toml",
        "description = \"My modern.\"\n[params]\naccent = \"red\"\n",
    );
    site.file(
        "themes/modern/templates/partials/footer.html",
        "<footer class=\"site-footer\"><p>MY-MODERN-FOOTER</p></footer>\n",
    );
    site.file("themes/modern/static/screen.css", "body { color: purple; }\n");
    let out = site.build("modern", &[]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("MY-MODERN-FOOTER"), "{html}");
    // The built-in modern's sidebar template is gone with it: the site theme has only a footer.
    assert!(!html.contains("class=\"sidebar"), "{html}");
    assert!(html.contains("--accent: red;"), "{html}");
    let css = std::fs::read_to_string(out.join("assets/screen.css")).unwrap();
    assert_eq!(css, "body { color: purple; }\n");
    assert!(!out.join("assets/print.css").exists(), "no built-in assets leak in");
}

#[test]
fn a_site_template_overrides_one_partial_in_every_theme() {
    let site = TestSite::with_fixtures(&["medium.yaml"]);
    site.file(
        "templates/partials/sections/summary.html",
        "<section class=\"section\" aria-labelledby=\"h-about\"><h2 id=\"h-about\">About me</h2><p>{{ basics.name }} SITE-SUMMARY</p></section>\n",
    );
    for theme in THEMES {
        let out = site.build(theme, &[]);
        let html = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(html.contains("Mira Okonkwo-Lindqvist SITE-SUMMARY"), "{theme}");
        assert!(!html.contains("h-summary"), "{theme}: the built-in summary is replaced");
        assert!(html.contains("DevOps Team Lead"), "{theme}: the other partials stay");
    }
}

#[test]
fn a_site_template_can_extend_the_built_in_it_replaces() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    site.file(
        "templates/resume.html",
        "{% extends \"vitae/resume.html\" %}{% block footer %}<footer>EXTENDED</footer>{% endblock footer %}\n",
    );
    let out = site.build("classic", &[]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<footer>EXTENDED</footer>") && html.contains("Junior Data Analyst"));
}

#[test]
fn a_template_error_names_the_template_the_line_and_the_cause() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    site.file(
        "templates/partials/footer.html",
        "<footer>\n  {{ site.title | shout }}\n</footer>\n",
    );
    let o = site.run(&["build"]);
    o.fails_with(1);
    let err = o.stderr();
    assert!(err.contains("partials/footer.html"), "template name:\n{err}");
    assert!(err.contains("from templates/partials/footer.html:"), "file, in the site:\n{err}");
    assert!(err.contains(":2:"), "line:\n{err}");
    assert!(err.contains("Unknown filter `shout`"), "cause:\n{err}");
    assert!(!site.root().join("public").exists(), "nothing written");

    site.file(
        "templates/partials/footer.html",
        "<footer>{{ resume.basics.nickname.first }}</footer>\n",
    );
    let o = site.run(&["build"]);
    o.fails_with(1);
    let err = o.stderr();
    assert!(err.contains("partials/footer.html") && err.contains("nickname"), "{err}");
}

/// vitae's own repository is a site whose templates/ are the built-ins: such copies must not
/// hide a theme's templates.
#[test]
fn copies_of_the_built_in_templates_do_not_override_a_theme() {
    let site = TestSite::with_fixtures(&["short.yaml"]);
    let builtin = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in walk(&builtin) {
        let rel = entry.strip_prefix(&builtin).unwrap().to_str().unwrap().replace('\\', "/");
        site.file(&format!("templates/{rel}"), &std::fs::read_to_string(&entry).unwrap());
    }
    let out = site.build("modern", &[]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("class=\"sidebar "), "modern's own resume.html is used");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

/// vitae's own repository is a site whose themes/ are copies of the built-ins: `vitae themes`
/// says so rather than calling them the site's own; a changed copy replaces the built-in.
#[test]
fn vitae_themes_tells_built_ins_from_copies_and_replacements() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = common::Run(
        std::process::Command::new(common::vitae_bin())
            .args(["themes", "--root"])
            .arg(repo)
            .output()
            .unwrap(),
    );
    run.success();
    for theme in THEMES {
        let line = format!("    [built-in; themes/{theme} is an unchanged copy of it]\n");
        assert!(run.stdout().contains(&line), "{line}:\n{}", run.stdout());
    }
    let site = TestSite::new();
    site.file("themes/modern/theme.toml", "description = \"Mine.\"\n");
    site.file("themes/midnight/theme.toml", "description = \"Dark.\"\n");
    let out = site.run(&["themes"]).success().stdout().to_string();
    assert!(
        out.contains(
            "modern\n    Mine.\n    [site: themes/modern, replaces the built-in `modern`]\n"
        ),
        "{out}"
    );
    assert!(out.contains("midnight\n    Dark.\n    [site: themes/midnight]\n"), "{out}");
    assert!(out.contains("classic (selected)\n") && out.contains("    [built-in]\n"), "{out}");
}
