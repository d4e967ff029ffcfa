//! Fuzz target: the HTML reader never panics on any input, markup detection neither, and
//! the tree it makes keeps the document tree's conventions and interprets without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitae::parse::read;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = read::detect(&text, None);
    {
        let tree = read::read(read::Markup::Html, &text);
        if let Some(broken) = tree.broken_convention() {
            panic!("{broken}");
        }
        let _ = vitae::parse::interpret::interpret(tree.clone());
        let _ = tree.outline();
    }
});
