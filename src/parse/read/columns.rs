//! Two-column page layouts that a PDF extraction (`pdftotext -layout`) printed side by side:
//! a sidebar ("SKILLS", "CONTACT", "LANGUAGES") and the main column ("EXPERIENCE",
//! "EDUCATION") share each line, separated by a wide gap at the same column. Read line by line
//! they interleave ("Kubernetes   Senior Engineer"); read column by column they are a resume.
//!
//! Only a layout whose two columns both carry section headings is split, so a tabular
//! resume ("03/2019 – heute      Senior Developer", with the details indented under the
//! title) keeps its rows.

use crate::parse::vocab::sections::section as lexicon;

/// The least gap (in spaces) between two columns.
const GAP: usize = 3;
/// How far (in characters) a column's start may wander between lines.
const SLACK: usize = 2;
/// The rightmost column a second column may start at (a page is at most this wide).
const MAX_COLUMN: usize = 160;

/// Where each line's second cell starts (in characters), when the line has one: content from
/// the first column, a gap of at least [`GAP`] spaces, then more content.
fn second_cell(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let mut i = first;
    while i < chars.len() {
        if chars[i] == ' ' {
            let start = i;
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            if i - start >= GAP && i < chars.len() {
                return Some(i);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// The text read column by column, when it is laid out in two columns; `None` otherwise.
/// Each line keeps the 1-based number of the source line it was cut from.
pub fn split(text: &str) -> Option<Vec<(u32, String)>> {
    let lines: Vec<&str> = text.lines().collect();
    // The column where second cells start most often, counting indented lines that start there.
    let mut starts: Vec<usize> = Vec::new();
    for l in &lines {
        let indent = l.chars().take_while(|c| *c == ' ').count();
        if indent >= 8 && indent < l.chars().count() {
            starts.push(indent);
        } else if let Some(c) = second_cell(l) {
            starts.push(c);
        }
    }
    // A histogram over the widths a page has, so any input costs linear time.
    let mut counts = [0usize; MAX_COLUMN + SLACK + 1];
    for s in starts.into_iter().filter(|s| *s <= MAX_COLUMN + SLACK) {
        counts[s] += 1;
    }
    let near = |c: usize| counts[c - SLACK..=c + SLACK].iter().sum::<usize>();
    let column = (12..=MAX_COLUMN).max_by_key(|c| (near(*c), std::cmp::Reverse(*c)))?;
    if near(column) < 4 {
        return None;
    }
    let cut = |l: &str| -> (String, String) {
        let chars: Vec<char> = l.chars().collect();
        // Cut in the gap nearest the column, so a cell that starts a little early stays whole.
        let at = (column.saturating_sub(SLACK)..=column + SLACK)
            .filter(|&i| i <= chars.len())
            .find(|&i| i == chars.len() || (i > 0 && chars[i - 1] == ' ' && chars[i] != ' '))
            .filter(|&i| {
                i == chars.len()
                    || chars[..i].iter().rev().take(GAP).all(|c| *c == ' ')
                    || chars[..i].iter().all(|c| *c == ' ')
            });
        match at {
            Some(i) => {
                let left: String = chars[..i].iter().collect();
                let right: String = chars[i..].iter().collect();
                (left.trim().to_string(), right.trim().to_string())
            }
            None => (l.trim().to_string(), String::new()),
        }
    };
    let cells: Vec<(String, String)> = lines.iter().map(|l| cut(l)).collect();
    let headed = |f: fn(&(String, String)) -> &String| {
        cells.iter().map(f).filter(|t| !t.is_empty() && lexicon(t).is_some()).count()
    };
    if headed(|c| &c.0) == 0 || headed(|c| &c.1) == 0 {
        return None;
    }
    let mut out = Vec::with_capacity(cells.len() * 2 + 2);
    for side in [0, 1] {
        for (n, (l, r)) in cells.iter().enumerate() {
            let t = if side == 0 { l } else { r };
            out.push((n as u32 + 1, t.clone()));
        }
        out.push((cells.len() as u32, String::new()));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_sidebar_from_the_main_column() {
        let t = "ANA EXAMPLE\n\nSKILLS            EXPERIENCE\nRust              Lead Engineer\nGo                Initech, Springfield\n                  2019 - 2021\nLANGUAGES         • Built things\nEnglish           EDUCATION\n                  BSc Physics\n";
        let lines = split(t).expect("two columns");
        let at = |s: &str| lines.iter().position(|(_, l)| l == s).expect(s);
        assert!(at("Rust") < at("Lead Engineer"));
        assert!(at("English") < at("Lead Engineer"));
        assert!(at("EDUCATION") > at("• Built things"));
        assert_eq!(lines[at("Lead Engineer")].0, 4);
    }

    #[test]
    fn keeps_rows_of_a_dated_table() {
        let t = "Experience\n\n03/2019 – heute      Senior Developer\n                     Acme GmbH, Berlin\n                     • Built things\n10/2016 – 02/2019    Developer\n                     Globex AG, Hamburg\n\nEducation\n\n2010 – 2016          MSc Informatik\n";
        assert!(split(t).is_none());
        assert!(split("").is_none());
        assert!(split("   \n\u{0}   x\n").is_none());
    }
}
