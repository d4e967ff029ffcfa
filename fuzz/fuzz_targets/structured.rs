//! The JSON/YAML loader never panics, and whatever it accepts serialises to JSON that reads back
//! to the same model.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use vitae::model::Resume;
use vitae::parse::parse_file;

fuzz_target!(|data: &[u8]| {
    for name in ["resume.json", "resume.yaml"] {
        if let Ok(parsed) = parse_file(Path::new(name), data) {
            let json = parsed.resume.to_json_pretty();
            let back: Resume = serde_json::from_str(&json).expect("our own output reads back");
            assert_eq!(back, parsed.resume);
        }
    }
});
