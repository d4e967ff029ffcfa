//! Fuzz target: the free-form parser must never panic or hang on any byte sequence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = vitae::parse::read_text(&text, None);
    let _ = parsed.resume.to_json_pretty();
});
