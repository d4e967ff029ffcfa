//! Property tests: the free-form importer never panics, whatever the input, and always yields
//! a schema-shaped resume (it serialises, and every date it writes is a valid partial date).

use proptest::prelude::*;
use vitae::parse::{Format, read_text};

/// Pieces resumes are made of, so random documents reach deep into the parser.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Ada Lovelace\n".to_string()),
        Just("## Experience\n".to_string()),
        Just("EDUCATION\n".to_string()),
        Just(" EX PE R IEN C E\n".to_string()),
        Just("1.3.1 Acme, Remote\n".to_string()),
        Just("- **Lead Engineer** September 2018 - Present\n".to_string()),
        Just("Initech Hartford, CT\n".to_string()),
        Just("2014-present\n".to_string()),
        Just("09/2015 – 06/2018\n".to_string()),
        Just("* B.S., Computer Science (GPA 3.9)\n".to_string()),
        Just("| a | b |\n|---|---|\n| 2019 | x |\n".to_string()),
        Just("=item * x =item * y\n".to_string()),
        Just("\u{f0b7} bullet\n".to_string()),
        Just("Languages: Rust, Go (mostly)\n".to_string()),
        Just("---\nbasics:\n  name: X\n---\n".to_string()),
        Just("<https://github.com/x> a@b.co +1 555 010 0000\n".to_string()),
        "[ -~]{0,40}\n",
        "\\PC{0,20}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..30).prop_map(|v| v.concat())
}

fn check(text: &str) {
    for hint in [None, Some(Format::Markdown), Some(Format::Text)] {
        let parsed = read_text(text, hint);
        let value = serde_json::to_value(&parsed.resume).expect("serialises");
        assert!(value.is_object());
        // Dates round-trip through the strict partial-date type.
        let back: vitae::model::Resume = serde_json::from_value(value).expect("reads back");
        assert_eq!(back, parsed.resume);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_strings(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn never_panics_on_resume_shaped_documents(text in document()) {
        check(&text);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }
}
