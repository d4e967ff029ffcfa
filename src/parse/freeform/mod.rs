//! The free-form reader: Markdown and plain text (also text extracted from PDFs) into the model.
//!
//! Placeholder until the real parser lands: keeps all text as the summary so nothing is lost.

use super::{Format, Parsed};
use crate::diag::Diagnostic;
use crate::model::{Basics, Resume};

/// Parses free-form resume text. `hint` is the format the file name suggests; the content
/// decides.
pub fn parse(text: &str, _hint: Option<Format>) -> Parsed {
    let summary = text.trim();
    let resume = Resume {
        basics: (!summary.is_empty())
            .then(|| Basics { summary: Some(summary.to_string()), ..Default::default() }),
        ..Default::default()
    };
    Parsed { resume, diagnostics: vec![Diagnostic::warning("no name found: set basics.name")] }
}
