//! What vitae says about mistakes, through the real binary: the common YAML mistakes at the
//! place of the mistake, vitae.toml's unknown theme and misspelt keys, content that reads but
//! is wrong, theme parameters of the wrong type, `--strict`, and input that tries to drive the
//! terminal. Each asserts file, line, column and the help text exactly as printed.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestSite;

/// `vitae check` on a site whose only resume is `content/me.yaml` = `yaml`: its stderr.
fn check_yaml(yaml: &str, code: i32) -> String {
    let site = TestSite::new();
    site.file("content/me.yaml", yaml);
    let run = site.run(&["check"]);
    run.fails_with(code);
    run.stderr()
}

#[test]
fn yaml_mistakes_are_reported_where_they_are_with_what_to_write() {
    let cases = [
        (
            "basics:\n  name: Ada\n\tlabel: Engineer\n",
            "error: content/me.yaml:3:1: a tab in the indentation: YAML indents with spaces only\n 3 | \tlabel: Engineer\n   | ^\n  help: replace the tab with spaces, as many as the lines around it use\n",
        ),
        (
            "basics:\n  name: Ada\n  label: [unclosed\nwork: []\n",
            "error: content/me.yaml:3:10: unclosed `[`: the list it starts is never closed\n 3 |   label: [unclosed\n   |          ^\n  help: close it with `]` at the end of the list; if the `[` is part of the text, put the value in quotes: `label: \"[unclosed\"`\n",
        ),
        (
            "basics:\n  name: \"Ada\n  label: Engineer\n",
            "error: content/me.yaml:2:9: the quote `\"` that starts this value is never closed\n 2 |   name: \"Ada\n   |         ^\n  help: end the value with `\"` on this line; a `\"` inside the value is written `\\\"`\n",
        ),
        (
            "basics:\n  name: Ada\n    label: Engineer\n",
            "error: content/me.yaml:3:5: `label` is indented more than `name` above it, which has a value already\n 3 |     label: Engineer\n   |     ^\n  help: indent `label` by 2 spaces like `name`, or move it under the key it belongs to\n",
        ),
        (
            "basics:\n  name:Ada\n  label: Engineer\n",
            "error: content/me.yaml:2:8: no space after `name:`, so YAML reads `name:Ada` as one piece of text\n 2 |   name:Ada\n   |        ^\n  help: write a space after the colon: `name: Ada`\n",
        ),
    ];
    for (yaml, expected) in cases {
        assert_eq!(check_yaml(yaml, 1), expected, "for:\n{yaml}");
    }
}

#[test]
fn an_unknown_theme_in_vitae_toml_points_at_it_with_a_suggestion() {
    let site = TestSite::new();
    site.file("content/me.yaml", "basics:\n  name: Ada\n");
    site.file("vitae.toml", "title = \"CV\"\ntheme = \"modrn\"\n");
    for cmd in ["build", "check"] {
        let run = site.run(&[cmd]);
        run.fails_with(1);
        assert_eq!(
            run.stderr(),
            "error: vitae.toml:2:9: there is no theme named `modrn`\n 2 | theme = \"modrn\"\n   |         ^\n  help: did you mean `modern`? the themes are classic, compact, modern (see `vitae themes`)\n"
        );
    }
    assert!(!site.path("public").exists());
}

#[test]
fn a_misspelt_key_in_vitae_toml_is_an_error_not_a_silent_default() {
    let site = TestSite::new();
    site.file("content/me.yaml", "basics:\n  name: Ada\n");
    site.file("vitae.toml", "title = \"CV\"\nbase_ulr = \"https://octo.github.io/cv/\"\n");
    let run = site.run(&["build"]);
    run.fails_with(1);
    assert_eq!(
        run.stderr(),
        "error: vitae.toml:2:1: unknown key `base_ulr`\n 2 | base_ulr = \"https://octo.github.io/cv/\"\n   | ^\n  help: did you mean `base_url`?\n"
    );
}

#[test]
fn a_theme_parameter_that_would_break_the_css_is_an_error() {
    let site = TestSite::new();
    site.file("content/me.yaml", "basics:\n  name: Ada\n");
    site.file("vitae.toml", "[extra]\naccent = \"not a colour; } body{display:none\"\n");
    let run = site.run(&["build"]);
    run.fails_with(1);
    assert_eq!(
        run.stderr(),
        "error: vitae.toml:2:10: extra.accent: `accent` is not a CSS colour: `not a colour; } body{display:none`\n 2 | accent = \"not a colour; } body{display:none\"\n   |          ^\n  help: write a CSS colour: a hex colour such as \"#1d4e89\", a name such as \"teal\", or rgb(…)/hsl(…)/oklch(…)\n"
    );
    assert!(!site.path("public").exists(), "nothing reaches a page");
}

#[test]
fn content_mistakes_are_warnings_and_strict_makes_them_errors() {
    let site = TestSite::new();
    site.file(
        "content/me.yaml",
        "basics:\n  name: Ada\nwork:\n  - name: Acme\n    startDate: 2021-03\n    endDate: 2019-01\n  - name: Initech\n    startDate: 2018-13\n",
    );
    site.file("content/empty.yaml", "");
    site.file("content/anon.yaml", "work:\n  - name: Globex\n");
    let run = site.run(&["check"]);
    run.success();
    let err = run.stderr();
    for expected in [
        "warning: content/anon.yaml: basics.name: the resume has no name; its page has no heading or title\n  help: add your name: `basics:` then `  name: Your Name` (YAML)\n",
        "warning: content/empty.yaml: the file is empty, so its page is empty too\n  help: write a resume here (a fresh `vitae new` site's content/example.yaml shows every section), or delete the file\n",
        "warning: content/me.yaml:6:5: work[0].endDate: ends (2019-01) before it starts (2021-03)\n 6 |     endDate: 2019-01\n   |     ^\n  help: check both dates: an end date comes after the start (swapped? a typo in the year?)\n",
        "warning: content/me.yaml:8:5: work[1].startDate: `2018-13` names a month or day that does not exist; it was left out\n",
    ] {
        assert!(err.contains(expected), "lacks\n{expected}\nin\n{err}");
    }
    assert!(err.ends_with("checked 3 resumes: no errors, 4 warnings\n"), "{err}");

    for cmd in ["check", "build"] {
        let run = site.run(&[cmd, "--strict"]);
        run.fails_with(1).stderr_has(
            "error: content/me.yaml:6:5: work[0].endDate: ends (2019-01) before it starts (2021-03) (a warning; --strict makes it an error)",
        );
        assert!(!run.stderr().contains("warning:"), "{}", run.stderr());
    }
    assert!(!site.path("public").exists(), "a strict build that fails writes nothing");
}

#[test]
fn escapes_in_the_input_never_reach_the_terminal() {
    let site = TestSite::new();
    site.file("content/me.yaml", "basics:\n  name: \"\u{1b}]0;owned\u{7}\u{1b}[2J\n  label: x\n");
    let run = site.run(&["check"]);
    run.fails_with(1);
    let err = run.stderr();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains(" 2 |   name: \"␛]0;owned␇␛[2J"), "shown, not obeyed:\n{err}");
}

#[test]
fn paths_are_shown_relative_to_the_site_however_root_is_written() {
    let site = TestSite::new();
    site.file("content/me.yaml", "work:\n  - name: Globex\n");
    let expected = "warning: content/me.yaml: basics.name: the resume has no name";
    let absolute = site.run(&["check"]);
    assert!(absolute.stderr().starts_with(expected), "{}", absolute.stderr());
    let dotted = common::Run(
        std::process::Command::new(common::vitae_bin())
            .args(["check", "--root", "."])
            .current_dir(site.root())
            .output()
            .unwrap(),
    );
    assert!(dotted.stderr().starts_with(expected), "{}", dotted.stderr());
    let build = site.run(&["build"]);
    build.success().stderr_has(expected).stderr_has("built 1 resume into public in ");
}

/// `serve` resolves the site's path; its messages still show paths as `build` does.
#[test]
fn serve_shows_paths_as_build_does() {
    let site = TestSite::new();
    site.file("content/me.yaml", "work:\n  - name: Globex\n");
    let server = common::serve::Server::start(site.root(), &[]);
    let expected = "warning: content/me.yaml: basics.name: the resume has no name";
    let deadline = std::time::Instant::now() + common::serve::WAIT;
    while !server.stderr().contains(expected) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(server.stderr().contains(expected), "{}", server.stderr());
}

/// The README shows an error message: it is one vitae prints, word for word.
#[test]
fn the_readmes_example_error_is_what_vitae_prints() {
    let readme = include_str!("../README.md");
    let start = readme.find("error: content/me.yaml:3:10:").expect("the README's example");
    let shown: Vec<&str> = readme[start..].lines().take(4).collect();
    let printed = check_yaml("basics:\n  name: Ada\n  label: [unclosed\nwork: []\n", 1);
    assert_eq!(printed, format!("{}\n", shown.join("\n")));
}
