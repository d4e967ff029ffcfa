//! Diagnostics: what vitae tells a person about their files. Every one names the file and, where
//! known, the line and column, says what is wrong and how to fix it.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Warning,
    Error,
}

/// One message about one place in one file. Serialisable so the import cache can keep a
/// file's warnings with its resume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Option<PathBuf>,
    /// 1-based line and column, when the reader knows them.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The JSON-style path of the field concerned (`work[0].startDate`), when there is one.
    pub field: Option<String>,
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// The offending source line, shown under the message.
    pub snippet: Option<String>,
    /// Characters cut from the start of a long snippet line.
    caret_shift: usize,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message)
    }

    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message)
    }

    fn new(severity: Severity, message: impl Into<String>) -> Self {
        Self {
            severity,
            file: None,
            line: None,
            column: None,
            field: None,
            message: message.into(),
            hint: None,
            snippet: None,
            caret_shift: 0,
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the source line the diagnostic points at, taken from `source`. A long line is
    /// cut to a window around the column, so the caret stays on screen.
    pub fn with_snippet_from(mut self, source: &str) -> Self {
        const WIDTH: usize = 80;
        let Some(line) = self.line else { return self };
        let Some(text) = source.lines().nth(line.saturating_sub(1)) else { return self };
        let chars: Vec<char> = text.chars().collect();
        if chars.len() <= WIDTH {
            self.snippet = Some(text.to_string());
            return self;
        }
        let col = self.column.unwrap_or(1).saturating_sub(1).min(chars.len());
        let start = col.saturating_sub(WIDTH / 2);
        let end = (start + WIDTH).min(chars.len());
        let mut window: String = chars[start..end].iter().collect();
        let mut shift = start;
        if start > 0 {
            window.insert(0, '…');
            shift = start.saturating_sub(1);
        }
        if end < chars.len() {
            window.push('…');
        }
        self.snippet = Some(window);
        // The caret is drawn under the snippet: move it with the window.
        self.caret_shift = shift;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `warning: content/ada.yaml:12:5: work[0].startDate: message` then the snippet, a caret
    /// and the hint on their own lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{label}: ")?;
        // Everything but our own words may come from the input: shown, never obeyed.
        if let Some(file) = &self.file {
            write!(f, "{}", visible(&file.display().to_string()))?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(col) = self.column {
                    write!(f, ":{col}")?;
                }
            }
            write!(f, ": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "{}: ", visible(field))?;
        }
        write!(f, "{}", visible(&self.message))?;
        if let (Some(snippet), Some(line)) = (&self.snippet, self.line) {
            let gutter = line.to_string();
            write!(f, "\n {gutter} | {}", visible(snippet))?;
            if let Some(col) = self.column {
                let pad: String = snippet
                    .chars()
                    .take(col.saturating_sub(1 + self.caret_shift))
                    .map(|c| match c {
                        '\t' => "\t".to_string(),
                        c => " ".repeat(visible(c.encode_utf8(&mut [0; 4])).chars().count()),
                    })
                    .collect();
                write!(f, "\n {} | {pad}^", " ".repeat(gutter.len()))?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {}", visible(hint))?;
        }
        Ok(())
    }
}

/// `text` with control characters made visible: C0 controls as their Unicode pictures (ESC is
/// `␛`), DEL as `␡`, C1 controls and bidirectional overrides as `\u{…}`; tabs and line breaks
/// stay. What a resume contains can never retitle, clear or recolour the terminal.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_hidden_control(c) => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The known name closest to `name`, when it is close enough to be what was meant.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (k, strsim::jaro_winkler(&name.to_lowercase(), &k.to_lowercase())))
        .filter(|(_, score)| *score > 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// A failure caused by the user's content or configuration (exit code 1), carrying every
/// diagnostic that explains it.
#[derive(Debug, thiserror::Error)]
#[error("{}", render_list(.0))]
pub struct ContentError(pub Vec<Diagnostic>);

impl ContentError {
    pub fn one(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

fn render_list(list: &[Diagnostic]) -> String {
    list.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_snippet_caret_and_hint() {
        let src = "basics:\n  name: [oops\n";
        let d = Diagnostic::error("unclosed sequence")
            .in_file("content/ada.yaml")
            .at(2, 9)
            .hint("close the bracket")
            .with_snippet_from(src);
        assert_eq!(
            d.to_string(),
            "error: content/ada.yaml:2:9: unclosed sequence\n 2 |   name: [oops\n   |         ^\n  help: close the bracket"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let src = format!("{}X{}", "a".repeat(300), "b".repeat(300));
        let d = Diagnostic::error("here").in_file("f.json").at(1, 301).with_snippet_from(&src);
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let snippet = lines[1].split(" | ").nth(1).unwrap();
        let caret = lines[2].split(" | ").nth(1).unwrap();
        assert!(snippet.chars().count() <= 82, "{snippet}");
        assert_eq!(snippet.chars().nth(caret.chars().count() - 1), Some('X'), "{shown}");
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}]0;pwned\u{7}b"), "a␛]0;pwned␇b");
        assert_eq!(visible("x\u{9b}2J\u{202e}y\u{7f}"), "x\\u{9b}2J\\u{202e}y␡");
        assert_eq!(visible("tab\tand\nline"), "tab\tand\nline");
    }

    #[test]
    fn no_part_of_a_diagnostic_carries_a_terminal_escape() {
        let src = "name: \"\u{1b}[2J\u{1b}]0;owned\u{7}\" x\n";
        let d = Diagnostic::error("bad value `\u{1b}[31m`")
            .in_file("content/\u{1b}[1mx.yaml")
            .field("basics.\u{9b}name")
            .at(1, 25)
            .hint("remove `\u{1b}[0m`")
            .with_snippet_from(src);
        let shown = d.to_string();
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
        assert_eq!(
            shown,
            "error: content/␛[1mx.yaml:1:25: basics.\\u{9b}name: bad value `␛[31m`\n 1 | name: \"␛[2J␛]0;owned␇\" x\n   |                         ^\n  help: remove `␛[0m`"
        );
    }

    #[test]
    fn a_warning_without_position_names_file_and_field() {
        let d = Diagnostic::warning("unknown field").in_file("a.json").field("basics.nmae");
        assert_eq!(d.to_string(), "warning: a.json: basics.nmae: unknown field");
    }
}
