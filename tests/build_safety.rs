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
