//! The last stage: text the parser could not place is kept, never dropped.
//!
//! Whatever the layout, every input line whose words do not appear in the result is filed under
//! `unsortedSections` (kept in `resume.json`, where the person can move it), one entry per run
//! of consecutive unplaced lines, each with a warning naming its source line. This is an
//! invariant over the whole parser, not a rule for one layout.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::items;
use super::sections;
use crate::diag::Diagnostic;
use crate::model::Resume;
use crate::parse::vocab::WordSet;

/// A line counts as placed when at least this share of its words is in the result.
const PLACED_SHARE: f64 = 0.5;

/// Lines this short are headings, titles or stray labels, not content.
const MIN_WORDS: usize = 3;

/// Files `lines` (source line and text, in order) that the result does not contain. Lines in
/// `kept` are under `unsortedSections` already.
pub fn keep_unplaced(
    lines: &[(u32, String)],
    kept: &HashSet<u32>,
    resume: &mut Resume,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines: Vec<&(u32, String)> = lines.iter().filter(|(n, _)| !kept.contains(n)).collect();
    if lines.is_empty() {
        return;
    }
    let result_text = text_of_result(resume);
    let placed = Placed(words_of(&result_text).collect());
    // Cheap word checks first; the boilerplate patterns only for the rare unplaced line.
    let unplaced: Vec<(u32, &str)> = lines
        .iter()
        .map(|(n, l)| (*n, l.trim()))
        .filter(|(_, l)| is_unplaced(l, &placed) && !dates_read(l, &placed))
        .filter(|(_, l)| !is_stamp_or_toc(l) && !items::is_boilerplate(l))
        // A heading names a section; it is not content to keep.
        .filter(|(_, l)| sections::lexicon(l).is_none())
        // Nor is the document's title ("One-page CV").
        .filter(|(_, l)| !crate::parse::vocab::titles::is_document_title(l))
        .collect();
    // Runs of lines that follow each other in the source are one block.
    let mut runs: Vec<(u32, u32, Vec<&str>)> = Vec::new();
    for (n, l) in unplaced {
        match runs.last_mut() {
            Some((_, last, texts)) if n <= *last + 1 => {
                *last = n;
                texts.push(l);
            }
            _ => runs.push((n, n, vec![l])),
        }
    }
    for (first, _, texts) in runs {
        diagnostics.push(
            Diagnostic::warning(format!(
                "{} line{} could not be placed in a section; kept under `unsortedSections`",
                texts.len(),
                if texts.len() == 1 { "" } else { "s" }
            ))
            .at(first as usize, 1)
            .hint(format!("move it where it belongs: \"{}\"", clip(texts[0]))),
        );
        add_unsorted(resume, "Unplaced text", &texts.join("\n"));
    }
}

/// Adds a block of text under `unsortedSections`.
pub fn add_unsorted(resume: &mut Resume, title: &str, text: &str) {
    let entry = json!({ "title": title, "text": text });
    match resume.extra.get_mut("unsortedSections") {
        Some(Value::Array(list)) => list.push(entry),
        _ => {
            resume.extra.insert("unsortedSections".into(), Value::Array(vec![entry]));
        }
    }
}

/// Version-control stamps (`$Id: … $`, `$Date: … $`) and a "Table of Contents" label: document
/// furniture, not resume content.
fn is_stamp_or_toc(line: &str) -> bool {
    let stamp = line.starts_with('$') && line.ends_with('$') && line.contains(':');
    let toc = line.trim_end_matches(':').eq_ignore_ascii_case("table of contents");
    stamp || toc
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// The words of the result, in a set hashed by a plain multiplicative hash: the words are
/// the resume's own, so a hash that resists crafted collisions buys nothing here.
struct Placed<'a>(WordSet<&'a str>);

impl Placed<'_> {
    fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// Words of two or more letters or digits (of text already in lower case).
fn words_of(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().nth(1).is_some())
}

/// Long enough to be content, and mostly absent from the result. Words in brackets are notes
/// and ratings ("Python (expert)") that the result may leave out.
fn is_unplaced(line: &str, placed: &Placed) -> bool {
    // "Phone: 5550100": the label of a contact detail is no content of its own; the line is
    // placed when every word of its value is.
    use crate::parse::vocab::fields::Label;
    if let Some((Label::Email | Label::Phone | Label::Web, value)) = super::contact::labelled(line)
    {
        let value = value.to_lowercase();
        let mut words = words_of(&value).peekable();
        if words.peek().is_some() && words.all(|w| placed.contains(w)) {
            return false;
        }
    }
    let words = line.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().nth(1).is_some());
    if words.take(MIN_WORDS).count() < MIN_WORDS {
        return false;
    }
    let mut depth = 0i32;
    let mut lower = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth > 0 || c == ')' {
            lower.push(' ');
        } else if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
    let (mut total, mut found) = (0usize, 0usize);
    for w in words_of(&lower) {
        total += 1;
        found += usize::from(placed.contains(w));
    }
    total >= MIN_WORDS && (found as f64) < PLACED_SHARE * total as f64
}

/// A line of dates only ("Septembre 2020 – aujourd'hui") whose years are all in the result:
/// it was read as an entry's dates, though its month names and "today" were not kept as words.
fn dates_read(line: &str, placed: &Placed) -> bool {
    // "Period: 2019 – 2021": a form's label before the dates is no content of its own.
    let line = line
        .split_once([':', '：'])
        .filter(|(label, _)| crate::parse::vocab::fields::entry_label(label.trim()).is_some())
        .map_or(line, |(_, dates)| dates.trim());
    crate::parse::dates::is_only_dates(line)
        && crate::parse::dates::find_all(line).iter().all(|s| {
            [Some(s.start), s.end]
                .iter()
                .flatten()
                .all(|d| placed.contains(d.year.to_string().as_str()))
        })
}

/// Every word of every string in the result, extra fields included (but not what is kept
/// whole under `unsortedSections`, which is matched by source line): the string values (not
/// the keys), lower case, each followed by a space. The result is walked once by the JSON
/// serialiser, which hands its string values straight to [`Words`]: no JSON text is built.
fn text_of_result(resume: &mut Resume) -> String {
    let unsorted = resume.extra.shift_remove("unsortedSections");
    let mut out = String::new();
    let words = Words { out: &mut out, in_key: false };
    let mut ser = serde_json::Serializer::with_formatter(std::io::sink(), words);
    // Writing to a sink cannot fail, and the model serialises without errors; a partial
    // result would only keep more lines, never lose any.
    let _ = serde::Serialize::serialize(&*resume, &mut ser);
    if let Some(u) = unsorted {
        resume.extra.insert("unsortedSections".into(), u);
    }
    out
}

/// A JSON formatter that writes nothing and collects the string values it is given, in lower
/// case; an escape is no part of a word ("a\nb" is "a" and "b"), as in the JSON text, where
/// `\u00XX` leaves its hex digits.
struct Words<'a> {
    out: &'a mut String,
    in_key: bool,
}

impl serde_json::ser::Formatter for Words<'_> {
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        _: &mut W,
        _: bool,
    ) -> std::io::Result<()> {
        self.in_key = true;
        Ok(())
    }

    fn end_object_key<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn end_string<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        if !self.in_key {
            self.out.push(' ');
        }
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        _: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        if self.in_key {
            return Ok(());
        }
        if fragment.is_ascii() {
            self.out.extend(fragment.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in fragment.chars() {
                self.out.extend(c.to_lowercase());
            }
        }
        Ok(())
    }

    fn write_char_escape<W: ?Sized + std::io::Write>(
        &mut self,
        _: &mut W,
        escape: serde_json::ser::CharEscape,
    ) -> std::io::Result<()> {
        if self.in_key {
            return Ok(());
        }
        self.out.push(' ');
        if let serde_json::ser::CharEscape::AsciiControl(b) = escape {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            self.out.push_str("00");
            self.out.push(char::from(HEX[usize::from(b >> 4)]));
            self.out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Basics;

    fn resume_named(name: &str) -> Resume {
        Resume {
            basics: Some(Basics { name: Some(name.into()), ..Default::default() }),
            ..Default::default()
        }
    }

    #[test]
    fn the_result_s_words_are_its_string_values_in_lower_case() {
        let mut r = resume_named("Ada \"Ace\" ÉXAMPLE");
        r.extra.insert("Globex Keyword".into(), json!(["Line\nBreak", "Bell\u{7}Tone", 2019]));
        r.extra.insert("unsortedSections".into(), json!([{ "text": "Initech memo" }]));
        let text = text_of_result(&mut r);
        assert_eq!(text, "ada  ace  éxample line break bell 0007tone ");
        assert!(r.extra.contains_key("unsortedSections"), "put back after the walk");
    }

    #[test]
    fn lines_already_in_the_result_are_not_repeated() {
        let mut r = resume_named("Ada Example Lovelace");
        let mut d = Vec::new();
        keep_unplaced(
            &[(1, "Ada Example Lovelace".into()), (2, "EXPERIENCE".into())],
            &HashSet::new(),
            &mut r,
            &mut d,
        );
        assert!(r.extra.is_empty() && d.is_empty());
    }

    #[test]
    fn date_lines_read_as_dates_are_placed() {
        let mut r = resume_named("Ada Example");
        r.extra.insert("startDate".into(), json!("2020-09"));
        let mut d = Vec::new();
        let lines = [(1, "Septembre 2020 – aujourd'hui".to_string())];
        keep_unplaced(&lines, &HashSet::new(), &mut r, &mut d);
        assert!(d.is_empty(), "{d:?}");
        keep_unplaced(&[(3, "Mars 2011 – juin 2013".to_string())], &HashSet::new(), &mut r, &mut d);
        assert_eq!(d.len(), 1, "dates nowhere in the result are kept");
    }

    #[test]
    fn lines_nowhere_in_the_result_are_kept_with_a_warning() {
        let mut r = resume_named("Ada Example");
        let mut d = Vec::new();
        let lines = [
            (1, "Ada Example".to_string()),
            (7, "2019 – heute  Professorin, Universität Kassel".into()),
            (8, "Lehrstuhl für Beispielkunde und Musterwesen".into()),
            (12, "Ein weiterer Absatz ohne Platz im Lebenslauf".into()),
        ];
        keep_unplaced(&lines, &HashSet::new(), &mut r, &mut d);
        let kept = r.extra["unsortedSections"][0]["text"].as_str().unwrap();
        assert!(kept.contains("Professorin, Universität Kassel"), "{kept}");
        assert_eq!(d.len(), 2, "two runs of lines, two warnings: {d:?}");
        assert!(d[0].message.contains("2 lines could not be placed"), "{}", d[0]);
        assert_eq!((d[0].line, d[1].line), (Some(7), Some(12)));
    }
}
