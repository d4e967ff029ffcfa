//! Content mistakes that read without error but should not pass silently: an empty file, a
//! resume without a name, an entry that ends before it starts. Warnings, whatever the format
//! the resume came in; `--strict` makes them errors.

use crate::diag::Diagnostic;
use crate::model::{PartialDate, Resume};

/// The warning for a file with nothing in it (only whitespace).
pub fn empty_file() -> Diagnostic {
    Diagnostic::warning("the file is empty, so its page is empty too").hint(
        "write a resume here (a fresh `vitae new` site's content/example.yaml shows every section), or delete the file",
    )
}

/// What is wrong with a resume that read cleanly.
pub fn content(resume: &Resume) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if resume.name().is_none() {
        out.push(
            Diagnostic::warning("the resume has no name; its page has no heading or title")
                .field("basics.name")
                .hint("add your name: `basics:` then `  name: Your Name` (YAML)"),
        );
    }
    for (field, start, end) in date_ranges(resume) {
        if ends_before(start, end) {
            out.push(
                Diagnostic::warning(format!("ends ({end}) before it starts ({start})"))
                    .field(format!("{field}.endDate"))
                    .hint("check both dates: an end date comes after the start (swapped? a typo in the year?)"),
            );
        }
    }
    out
}

/// Every entry's path with its start and end date, where it has both.
fn date_ranges(r: &Resume) -> Vec<(String, PartialDate, PartialDate)> {
    fn each<'a, T>(
        section: &str,
        items: &'a [T],
        dates: impl Fn(&'a T) -> (Option<PartialDate>, Option<PartialDate>),
    ) -> Vec<(String, PartialDate, PartialDate)> {
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match dates(item) {
                (Some(s), Some(e)) => Some((format!("{section}[{i}]"), s, e)),
                _ => None,
            })
            .collect()
    }
    let mut out = each("work", &r.work, |w| (w.start_date, w.end_date));
    out.extend(each("volunteer", &r.volunteer, |v| (v.start_date, v.end_date)));
    out.extend(each("education", &r.education, |e| (e.start_date, e.end_date)));
    out.extend(each("projects", &r.projects, |p| (p.start_date, p.end_date)));
    out
}

/// Whether `end` is before `start` at the precision both have: 2020 does not end before
/// 2020-05, but 2020-03 does.
fn ends_before(start: PartialDate, end: PartialDate) -> bool {
    let month = start.month.is_some() && end.month.is_some();
    let day = month && start.day.is_some() && end.day.is_some();
    let cut = |d: PartialDate| (d.year, d.month.filter(|_| month), d.day.filter(|_| day));
    cut(end) < cut(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_end_is_before_a_start_only_at_the_precision_both_have() {
        assert!(ends_before(date("2020-05"), date("2019-12")));
        assert!(ends_before(date("2020-05"), date("2020-03")));
        assert!(ends_before(date("2020-05-10"), date("2020-05-09")));
        assert!(!ends_before(date("2020-05"), date("2020")));
        assert!(!ends_before(date("2020"), date("2020-01")));
        assert!(!ends_before(date("2020-05"), date("2020-05")));
    }
}
