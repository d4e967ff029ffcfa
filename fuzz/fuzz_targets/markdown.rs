//! The Markdown filter never panics, never lets a script element, an image or an event handler
//! through, and every link it writes points to http(s), mailto or tel, whatever the input.
//! (Such words as escaped text are harmless: only tags and their attributes are checked.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitae::render::filters::{markdown_to_html, plain_text};

fuzz_target!(|text: &str| {
    for inline in [false, true] {
        let html = markdown_to_html(text, inline).to_ascii_lowercase();
        for tag in html.split('<').skip(1) {
            let inside = tag.split('>').next().unwrap_or("");
            assert!(!inside.starts_with("script"), "script element in {html}");
            assert!(!inside.starts_with("img"), "image (loads from elsewhere) in {html}");
            for attr in [" href=\"", " src=\""] {
                for value in inside.split(attr).skip(1) {
                    let ok = ["http:", "https:", "mailto:", "tel:"].iter().any(|s| value.starts_with(s));
                    assert!(ok, "unsafe link in <{inside}>");
                }
            }
            let outside_quotes: String = inside.split('"').step_by(2).collect();
            assert!(
                !outside_quotes.split_whitespace().skip(1).any(|a| a.starts_with("on")),
                "event handler in <{inside}>"
            );
        }
    }
    let _ = plain_text(text);
});
