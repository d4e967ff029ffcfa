//! Rebuilds the crate when a built-in theme or template changes (`include_dir!` embeds them but
//! cannot tell cargo to watch them), and sets the `vitae_shared_eval` cfg when the evaluation
//! data is beside the clone (`../shared/eval/score`): tests that need it are ignored, with that
//! reason, where it is not.

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
}
