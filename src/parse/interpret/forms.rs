//! Entries written as forms: one labelled line per field ("Company: Acme", "Position:
//! Analyst", "Period: 2019 – 2021", "职位：工程师"), a record of such lines per entry. The labels
//! ([`fields::entry_label`]) say which field each value is; a label that comes again starts
//! the next record.

use super::lines::Line;
use crate::parse::vocab::fields::{self, Hint};

/// Record ids of form entries, far above the ids of a page's containers.
const FORM_RECORDS: usize = 1 << 40;

/// The section's lines with every form label taken off its value and kept as the line's
/// hint, and each record's lines marked as one record; `None` when the section is no form
/// (fewer than two labelled lines naming an entry's head, or only one kind of field).
pub fn read(lines: &[Line]) -> Option<Vec<Line>> {
    let labelled: Vec<Option<(Hint, String)>> = lines
        .iter()
        .map(|l| if l.label_hint.is_none() { labelled(&l.text) } else { None })
        .collect();
    let heads: Vec<Hint> = labelled
        .iter()
        .flatten()
        .map(|(h, _)| *h)
        .filter(|h| {
            matches!(
                h,
                Hint::Employer | Hint::Title | Hint::Dates | Hint::Institution | Hint::Degree
            )
        })
        .collect();
    // Two or more head labels, of at least two kinds.
    if heads.len() < 2 || heads.iter().all(|h| *h == heads[0]) {
        return None;
    }
    let mut out = lines.to_vec();
    let mut seen: Vec<Hint> = Vec::new();
    let mut record = FORM_RECORDS;
    for (l, label) in out.iter_mut().zip(labelled) {
        if let Some((hint, value)) = label {
            if seen.contains(&hint) {
                record += 1;
                seen.clear();
            }
            seen.push(hint);
            l.text = value;
            l.label_hint = Some(hint);
        }
        // Lines after a record's first label (a description's further lines) are the record's.
        if !seen.is_empty() && l.record.is_none() {
            l.record = Some(record);
        }
    }
    Some(out)
}

/// "Company: Acme" as the field its label names and the value.
fn labelled(text: &str) -> Option<(Hint, String)> {
    let (label, value) = text.split_once([':', '：'])?;
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Some((fields::entry_label(label.trim())?, value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::from_markdown;

    #[test]
    fn labels_say_the_fields_and_a_label_again_starts_the_next_record() {
        let md = "Company: Acme  \nPosition: Kiln Technician  \nPeriod: 2019 – 2021\n\nCompany: Globex  \nPosition: Glazer\n";
        let got = read(&from_markdown(md)).expect("a form");
        let shown: Vec<(String, Option<Hint>)> =
            got.iter().map(|l| (l.text.clone(), l.label_hint)).collect();
        assert_eq!(
            shown,
            [
                ("Acme".to_string(), Some(Hint::Employer)),
                ("Kiln Technician".to_string(), Some(Hint::Title)),
                ("2019 – 2021".to_string(), Some(Hint::Dates)),
                ("Globex".to_string(), Some(Hint::Employer)),
                ("Glazer".to_string(), Some(Hint::Title)),
            ]
        );
        assert_eq!(got[0].record, got[2].record);
        assert_ne!(got[2].record, got[3].record);
    }

    #[test]
    fn one_labelled_line_among_entries_is_no_form() {
        let md = "### Acme, 2019 – 2021\n\nRole: Kiln Technician\n\n- Fired pots.\n";
        assert!(read(&from_markdown(md)).is_none());
    }
}
