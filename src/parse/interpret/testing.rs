//! Test helpers: text read through the real readers into interpretation's lines.

use super::lines::{Line, lines};
use crate::parse::read;

/// Markdown through the Markdown reader.
pub fn from_markdown(text: &str) -> Vec<Line> {
    lines(&read::document(text, Some(read::Markup::Markdown)))
}

/// Text through whichever reader its content calls for (plain text for plain text).
pub fn from_plain(text: &str) -> Vec<Line> {
    lines(&read::document(text, None))
}
