//! Rebuilds the crate when a built-in theme or template changes: `include_dir!` embeds them
//! but cannot tell cargo to watch them.

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=templates");
}
