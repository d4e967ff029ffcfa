//! Rebuilds the crate when a built-in theme or template changes (`include_dir!` embeds them but
//! cannot tell cargo to watch them), and sets the `vitae_shared_eval` cfg when the evaluation
//! data is beside the clone (`../shared/eval/score`): tests that need it are ignored, with that
//! reason, where it is not. Sets `VITAE_IMPORTER_FINGERPRINT`, a hash of the sources and the
//! lock file, so the import cache (`site::import_cache`) never serves what an older build read.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo::rustc-check-cfg=cfg(vitae_shared_eval)");
    let scorer = Path::new("../shared/eval/score");
    if scorer.exists() {
        // Watched only while it exists: cargo would rerun this script on every build for a
        // missing path. A clone that gains ../shared later: `touch build.rs`.
        println!("cargo:rerun-if-changed={}", scorer.display());
        println!("cargo::rustc-cfg=vitae_shared_eval");
    }
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.push(Path::new("Cargo.lock").to_path_buf());
    files.sort();
    for f in &files {
        hash.add(f.to_string_lossy().as_bytes());
        hash.add(&std::fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=VITAE_IMPORTER_FINGERPRINT={:016x}", hash.0);
}

/// Every file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// FNV-1a over length-prefixed chunks (no two file lists hash alike by shifting bytes).
struct Fnv(u64);

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
