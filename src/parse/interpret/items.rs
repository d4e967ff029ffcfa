//! The sections of items: awards, certificates, publications, projects and references. A
//! section is cut into items by its structure (a list item with its wrapped lines, a table
//! row, a heading or bold line with the body under it, a paragraph) and each item's fields
//! are read from its parts: dates, a strong lead, cells, separators, brackets.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::lines::{Line, heading_like};
use super::places;
use super::roles::org_score;
use crate::model::{Award, Certificate, Project, Publication, Reference};
use crate::parse::dates::{self, DateSpan};
use crate::parse::vocab::months;
use crate::parse::vocab::sections::names_honour;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("item pattern")
}

/// A value without the quotes around it.
pub(super) fn strip_quotes(s: &str) -> String {
    s.trim().trim_matches(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '\'')).trim().to_string()
}

/// One item of a section.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The item's own text (a row's cells joined with " | ").
    pub text: String,
    /// A table row's cells.
    pub cols: Vec<String>,
    /// The strong span the item starts with.
    pub lead: Option<String>,
    /// The item's emphasised spans (strong or emphasised), in order.
    pub spans: Vec<String>,
    /// The item is a heading or a bold line with a body under it.
    pub headed: bool,
    /// Prose under a headed item.
    pub body: Vec<String>,
    /// Bullets under the item (nested items, or a headed item's list).
    pub bullets: Vec<String>,
    pub source: u32,
}

/// Cuts a section into items. A heading, or a short bold line followed by more, heads the
/// lines under it; a list item takes its wrapped lines, and its nested items are its bullets;
/// a table row is an item; other lines are items one paragraph each.
pub fn items(lines: &[Line]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    // The headed item the following lines belong to, and the list item open for nesting.
    let mut head: Option<usize> = None;
    // The item a term of only dates opened (`\item[2021] Prize, Council`), and its definition:
    // the description's lines are that item's text and body.
    let mut dated: Option<(usize, Option<usize>)> = None;
    // The list item whose first line made the last item.
    let mut list_item: Option<usize> = None;
    // The paragraph (block) a dated item under a heading was opened by.
    let mut dated_block: Option<usize> = None;
    // Such items follow one another under their heading.
    let mut dated_group = false;
    for (i, l) in lines.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| &lines[p]);
        let same_para = prev.is_some_and(|p| p.para == l.para);
        if is_boilerplate(&l.text) {
            continue;
        }
        if l.term && dates::is_only_dates(&l.text) {
            out.push(Item { text: l.text.clone(), source: l.source, ..Default::default() });
            dated = Some((out.len() - 1, l.def));
            head = None;
            list_item = None;
            continue;
        }
        if let Some((k, def)) = dated {
            if l.def == def && l.def.is_some() && !l.bullet {
                let it = &mut out[k];
                if it.body.is_empty() && dates::is_only_dates(&it.text) {
                    push_text(&mut it.text, &l.text);
                    if it.lead.is_none() {
                        it.lead =
                            l.strong.first().filter(|s| l.text.starts_with(s.as_str())).cloned();
                    }
                } else {
                    it.body.push(l.text.clone());
                }
                continue;
            }
            if l.def != def {
                dated = None;
            }
        }
        // The next line of the list item the last item was made from (a reference's name,
        // then its contact line and employer): that item's body.
        if !l.bullet
            && !same_para
            && l.item.is_some()
            && l.item == list_item
            && l.cols.is_empty()
            && let Some(last) = out.last_mut()
        {
            last.body.push(l.text.clone());
            continue;
        }
        // The line set under a "Title | date" row (see below), even when emphasised.
        if let Some(h) = head
            && !out[h].cols.is_empty()
            && out[h].body.is_empty()
            && out[h].bullets.is_empty()
            && !l.bullet
            && l.item.is_none()
            && l.heading.is_none()
            && l.cols.is_empty()
        {
            out[h].body.push(l.text.clone());
            continue;
        }
        let headed = (l.heading.is_some() || l.term || l.whole_strong && !l.bullet)
            && heading_like(&l.text)
            && i + 1 < lines.len();
        if headed {
            out.push(Item {
                text: l.text.clone(),
                headed: true,
                source: l.source,
                ..Default::default()
            });
            head = Some(out.len() - 1);
            list_item = None;
            dated_group = false;
            continue;
        }
        if !l.cols.is_empty() {
            out.push(Item {
                text: l.text.clone(),
                cols: l.cols.clone(),
                spans: l.strong.clone(),
                source: l.source,
                ..Default::default()
            });
            // "Title | date" in a table row heads the line set under it (who gave it, where)
            // and the bullets that describe it, as a template lays an entry out.
            let row_dated = l.cols.iter().any(|c| dates::is_only_dates(c));
            head = (row_dated && l.cols.len() == 2).then_some(out.len() - 1);
            list_item = None;
            continue;
        }
        // After such a row, one plain line and bullets belong to it; more text does not.
        if let Some(h) = head
            && !out[h].cols.is_empty()
            && !l.bullet
            && (!out[h].body.is_empty() || !out[h].bullets.is_empty() || l.item.is_some())
        {
            head = None;
        }
        // A line that continues the item above it (wrapped, or the same list item).
        let continues = !l.bullet
            && same_para
            && prev.is_some_and(|p| p.item == l.item && p.cols.is_empty() && p.heading.is_none());
        if let (true, Some(last)) = (continues, out.last_mut()) {
            let headed = last.headed;
            match (headed, last.bullets.last_mut(), last.body.last_mut()) {
                (true, Some(b), _) => push_text(b, &l.text),
                (true, None, Some(b)) => push_text(b, &l.text),
                (true, None, None) => last.body.push(l.text.clone()),
                (false, Some(b), _) => push_text(b, &l.text),
                (false, None, Some(b)) => push_text(b, &l.text),
                (false, None, None) => push_text(&mut last.text, &l.text),
            }
            continue;
        }
        // A nested list item, or a headed item's body.
        let nested_in = l.parent_item.and_then(|p| {
            out.iter().rposition(|it| it.source <= l.source && item_of(it, lines, p))
        });
        if let Some(k) = nested_in.filter(|_| l.bullet) {
            out[k].bullets.push(l.text.clone());
            continue;
        }
        // "[2011] Title, Venue." paragraphs under a heading: each an item, the heading their
        // group's label (an academic list of publications or schools by year).
        if (head.is_some() || dated_group) && !l.bullet && !same_para && opens_with_date(&l.text) {
            let spans = l.strong.clone();
            out.push(Item { text: l.text.clone(), spans, source: l.source, ..Default::default() });
            head = None;
            list_item = None;
            dated_block = Some(l.block);
            dated_group = true;
            continue;
        }
        // The paragraph's next lines (authors, then the quoted title, then the venue).
        if dated_block == Some(l.block)
            && !l.bullet
            && let Some(last) = out.last_mut()
        {
            push_text(&mut last.text, &l.text);
            continue;
        }
        dated_block = None;
        if let Some(h) = head {
            if l.bullet {
                out[h].bullets.push(l.text.clone());
            } else {
                out[h].body.push(l.text.clone());
            }
            continue;
        }
        let lead = l.strong.first().filter(|s| l.text.starts_with(s.as_str())).cloned();
        let spans = l.strong.clone();
        out.push(Item {
            text: l.text.clone(),
            lead,
            spans,
            source: l.source,
            ..Default::default()
        });
        list_item = if l.bullet { l.item } else { None };
    }
    out
}

/// A text that opens with its date ("[2011] …", "2019: …", "(2009-2012) …").
fn opens_with_date(text: &str) -> bool {
    let t = text.trim_start_matches(['[', '(', ' ']);
    let lead = text.len() - t.len();
    t.starts_with(|c: char| c.is_ascii_digit())
        && dates::find(text).is_some_and(|d| d.at.start <= lead && d.at.end < text.len())
}

/// Whether an item was made from list item `id` (its first line, or the row of a table that
/// opens it: a template's entry heading set as a table).
fn item_of(it: &Item, lines: &[Line], id: usize) -> bool {
    lines
        .iter()
        .any(|l| l.source == it.source && l.item == Some(id) && (l.bullet || !l.cols.is_empty()))
}

fn push_text(to: &mut String, more: &str) {
    if !to.is_empty() {
        to.push(' ');
    }
    to.push_str(more);
}

/// "References available upon request" and its kin.
pub fn is_boilerplate(s: &str) -> bool {
    // Phrases start at a word ("million requests" holds no "on request").
    // One Aho-Corasick pass over the line finds every occurrence of every phrase (overlapping
    // ones too, as a search per phrase did); this runs on every line of every section.
    // An ASCII line is searched as it is, ignoring ASCII case (its lower case has the same
    // offsets, and it holds no phrase with other letters); any other line in lower case.
    static PHRASES: LazyLock<(AhoCorasick, AhoCorasick, usize)> = LazyLock::new(|| {
        let phrases = || on_request().iter().chain(consent_formulas());
        let ascii = AhoCorasick::builder().ascii_case_insensitive(true).build(phrases());
        (
            AhoCorasick::new(phrases()).expect("boilerplate phrases"),
            ascii.expect("boilerplate phrases"),
            on_request().len(),
        )
    });
    let (phrases, ascii, at_word) = &*PHRASES;
    let lower;
    let (automaton, l) = if s.is_ascii() {
        (ascii, s)
    } else {
        lower = s.to_lowercase();
        (phrases, lower.as_str())
    };
    automaton.find_overlapping_iter(l).any(|m| {
        // The consent formulas count anywhere.
        m.pattern().as_usize() >= *at_word || !l[..m.start()].ends_with(char::is_alphanumeric)
    })
}

/// Phrases that say something is given only when asked, or that a tool hid an address; in
/// lower case, each starting at a word.
fn on_request() -> &'static [&'static str] {
    &[
        "upon request",
        "on request",
        "auf anfrage",
        "sur demande",
        "a pedido",
        "bajo petición",
        "su richiesta",
        "op aanvraag",
        "email protected",
        "available on demand",
    ]
}

/// The consent and declaration formulas many CVs end with ("I hereby declare that the
/// above is true", the Italian and EU data-protection consent): no content of a resume.
fn consent_formulas() -> &'static [&'static str] {
    &[
        "hereby declare",
        "hereby certify",
        "hereby confirm",
        "trattamento dei dati",
        "trattamento dei miei dati",
        "ai sensi del d",
        "regolamento ue",
        "tratamiento de mis datos",
        "tratamiento de datos personales",
        "traitement de mes données",
        "verarbeitung meiner",
    ]
}

pub(super) fn date_and_rest(text: &str) -> (Option<DateSpan>, String) {
    match dates::find(text) {
        Some(s) => (Some(s.clone()), dates::remove(text, &s.at)),
        None => (None, text.trim().to_string()),
    }
}

/// An item's text without its dates and durations, and its first date span. In a table row
/// the cells that are only dates go.
fn undated(item: &Item) -> (Option<DateSpan>, String) {
    if item.cols.len() > 1 {
        let date = item.cols.iter().find_map(|c| dates::find(c));
        let rest: Vec<String> = item
            .cols
            .iter()
            .filter(|c| !dates::is_only_dates(c))
            .map(|c| dates::remove_durations(&date_and_rest(c).1))
            .filter(|c| !c.is_empty())
            .collect();
        return (date, rest.join(", "));
    }
    let (date, rest) = date_and_rest(&item.text);
    (date, dates::remove_durations(&rest))
}

/// Splits at the first separator that sets parts apart: a dash or bar between spaces.
static PARTS: LazyLock<Regex> = LazyLock::new(|| re(r"\s+[–—|-]\s+"));

/// Awards: the title without quotes (the first part of "Title, Awarder, Place" or
/// "Title – Awarder"), the awarder, the (first) year.
pub fn award(text: &str) -> Award {
    award_of(&Item { text: text.to_string(), ..Default::default() })
}

fn award_of(item: &Item) -> Award {
    let (date, rest) = undated(item);
    let mut a = Award { date: date.map(|d| d.start), ..Default::default() };
    let words = rest.split_whitespace().count();
    // "Best Thesis Prize 2011, Northwind University, Germany.": short parts that end at a
    // place are a record, whatever its final stop.
    let parts: Vec<&str> = rest.trim_end_matches('.').split(", ").collect();
    let record = parts.len() >= 3
        && parts.iter().all(|p| p.split_whitespace().count() <= 8)
        && parts
            .last()
            .is_some_and(|p| places::location(p).is_some() || places::country_code(p).is_some());
    if record && item.cols.is_empty() {
        a.title = Some(strip_quotes(parts[0]));
        a.awarder = Some(parts[1].trim().to_string());
        return a;
    }
    let sentence = words > 14 || rest.ends_with('.') && words > 6;
    if sentence {
        a.title = Some(strip_quotes(item.text.trim()));
        static BY: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?-u:\b)(?:by|from)\s+((?:[A-Z][\w.]*\s?){1,4})\s*\.?$"));
        a.awarder = BY.captures(item.text.trim()).map(|c| c[1].trim().to_string());
        return a;
    }
    // A table row's cells are its fields: the title, then who gave it (a place is neither).
    let cells: Vec<&String> = item
        .cols
        .iter()
        .filter(|c| !dates::is_only_dates(c) && places::location(c).is_none() && !c.is_empty())
        .collect();
    if let &[title, by, ..] = cells.as_slice() {
        let (title, by) = if honour_named_second(title, by) { (by, title) } else { (title, by) };
        a.title = Some(strip_quotes(title));
        a.awarder = Some(without_town(by).trim().to_string());
        return a;
    }
    let (rest, _place) = places::split_trailing(&rest);
    let (mut title, mut by) = match &item.lead {
        Some(lead) if rest.starts_with(lead.as_str()) && lead.len() < rest.len() => {
            (lead.clone(), rest[lead.len()..].trim_start_matches([',', ' ', '-', '–']).to_string())
        }
        _ => match PARTS.split(&rest).collect::<Vec<_>>().as_slice() {
            [t, b, ..] => (t.to_string(), b.to_string()),
            _ => match rest.split_once(", ") {
                Some((t, b)) if awarder_like(b) => (t.to_string(), b.to_string()),
                _ => (rest.clone(), String::new()),
            },
        },
    };
    if honour_named_second(&title, &by) {
        std::mem::swap(&mut title, &mut by);
    }
    a.title = Some(strip_quotes(title.trim_end_matches(',')));
    // A row's title with the line under it: who gave it, and where.
    let by = match (by.trim().is_empty(), item.cols.is_empty(), item.body.first()) {
        (true, false, Some(line)) if dates::find(line).is_none() => places::split_trailing(line).0,
        _ => by,
    };
    let by = by.trim().trim_matches(',').trim();
    a.awarder = (!by.is_empty()).then(|| without_town(by).to_string());
    if item.headed && item.cols.is_empty() {
        under_heading(&mut a, &item.body);
    }
    a
}

/// "Northwind University – Winter Fellowship": of an award's two parts, the one that names an
/// honour is the title and the other who gave it, whichever the writer put first. Whether the
/// honour came second, so that the parts change places.
fn honour_named_second(title: &str, by: &str) -> bool {
    !by.is_empty() && names_honour(by) && !names_honour(title)
}

/// "Regional Hackathon, Pune": the awarder without its town.
fn without_town(by: &str) -> &str {
    by.split(", ").next().unwrap_or(by)
}

/// "### Young Hydrologist Prize" over "Lowmere Water Society, 2020": the short line under an
/// award's heading says who gave it and when; longer text under it is what it was for.
fn under_heading(a: &mut Award, body: &[String]) {
    let mut rest = body;
    if let [first, others @ ..] = body {
        let (date, text) = date_and_rest(first);
        let text = text.trim().trim_matches([',', '-', '–', '|']).trim().to_string();
        let by = places::split_trailing(&text).0;
        let short = text.split_whitespace().count() <= 8 && !text.ends_with('.');
        if short && (text.is_empty() || awarder_like(&by)) && (date.is_some() || !by.is_empty()) {
            if a.awarder.is_none() && !by.is_empty() {
                a.awarder = Some(without_town(&by).to_string());
            }
            if a.date.is_none() {
                a.date = date.map(|d| d.start);
            }
            rest = others;
        }
    }
    if a.summary.is_none() && !rest.is_empty() {
        a.summary = Some(rest.join("\n\n"));
    }
}

/// What follows a title's comma names who gave it: capitalised, not a sentence.
fn awarder_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && (words <= 12 || org_score(s) > 0)
        && !s.contains(". ")
}

pub fn awards(lines: &[Line]) -> Vec<Award> {
    labelled_groups(items(lines)).iter().map(award_of).collect()
}

/// Items without a heading that names a group of them ("International" over a table of
/// honours): a heading with nothing under it, followed by an item that is not headed.
fn labelled_groups(items: Vec<Item>) -> Vec<Item> {
    let label = |k: usize| {
        let it = &items[k];
        it.headed
            && it.body.is_empty()
            && it.bullets.is_empty()
            && items.get(k + 1).is_some_and(|n| !n.headed)
    };
    let keep: Vec<bool> = (0..items.len()).map(|k| !label(k)).collect();
    items.into_iter().zip(keep).filter_map(|(it, k)| k.then_some(it)).collect()
}

/// A leading one-word label ("Empresa:", "Provider:"): not part of the name.
static LEAD_LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{L}+:\s+"));
/// A bracket at the end: an issuer, a status or a note.
static TRAILING_BRACKET: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\(([^()]*)\)\s*$"));

/// Certificates and courses: the name (without status notes, durations, the provider in
/// `Provider / Course`), the issuer where it is set apart, and the date it was completed.
fn certificate_of(item: &Item) -> Certificate {
    let date = item
        .cols
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(item.text.as_str()))
        .find_map(dates::find)
        .map(|d| d.last());
    // A cell that holds only the date is never the name ("2021 | Name | Issuer").
    let cells: Vec<&String> = item.cols.iter().filter(|c| !dates::is_only_dates(c)).collect();
    let first = match cells.first() {
        Some(c) => c.to_string(),
        None => item.text.clone(),
    };
    let text = dates::remove_durations(before_prose(&date_and_rest(&first).1));
    let text = LEAD_LABEL.replace(&text, "").to_string();
    let (mut name, mut issuer) = provider_and_course(&text);
    // A closing bracket: a status note ("In Progress") goes; a short name in it is the issuer.
    while let Some(c) = TRAILING_BRACKET.captures(&name.clone()) {
        let inner = c[1].trim();
        let at = c.get(0).map_or(name.len(), |m| m.start());
        if months::is_in_progress(inner) {
            name.truncate(at);
        } else if issuer.is_none()
            && !inner.contains(',')
            && inner.split_whitespace().count() <= 3
            && at > 0
            && !is_acronym_of(inner, &name[..at])
        {
            issuer = Some(inner.to_string());
            name.truncate(at);
        } else {
            break;
        }
    }
    if issuer.is_none()
        && let Some(second) = cells.get(1)
    {
        let part = second.split(", ").next().unwrap_or("").trim();
        if !part.is_empty() && part.split_whitespace().count() <= 3 && dates::find(part).is_none() {
            issuer = Some(part.to_string());
        }
    }
    Certificate {
        name: Some(dates::tidy(&name).trim_end_matches([' ', '.']).to_string()),
        issuer,
        date,
        ..Default::default()
    }
}

/// "Certified Supply Chain Professional (CSCP)": the bracket spells the name's initials.
fn is_acronym_of(inner: &str, name: &str) -> bool {
    let initials: String = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    inner.len() >= 2 && inner.chars().all(|c| c.is_uppercase()) && initials.contains(inner)
}

/// "Provider / Course" (or "Course / Provider"): the longer part is the course.
fn provider_and_course(text: &str) -> (String, Option<String>) {
    static ISSUED: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(.+?)\s+(?:[|—]|issued by|by|from)\s+(.+)$"));
    if let Some((a, b)) = text.split_once('/') {
        let (a, b) = (a.trim(), b.trim());
        let words = |s: &str| s.split_whitespace().count();
        let short_left = words(a) <= 4 && a.chars().next().is_some_and(char::is_uppercase);
        if short_left && words(b) >= 2 && !a.is_empty() {
            return if words(b) >= words(a) {
                (b.to_string(), Some(a.trim_end_matches('.').to_string()))
            } else {
                (a.to_string(), Some(b.to_string()))
            };
        }
    }
    match ISSUED.captures(text) {
        Some(c) => (c[1].to_string(), Some(c[2].to_string())),
        None => (text.to_string(), None),
    }
}

/// A certificate written on one line.
pub fn certificate(text: &str) -> Certificate {
    certificate_of(&Item { text: text.to_string(), ..Default::default() })
}

/// "Flood mapping course «We mapped …»": the name of a certificate followed by a
/// quoted paragraph about it ends where the quote starts.
fn before_prose(text: &str) -> &str {
    if text.split_whitespace().count() <= 20 {
        return text;
    }
    let cut = ['«', '“', '"'].iter().filter_map(|c| text.find(*c)).min();
    match cut {
        Some(at) if text[..at].split_whitespace().count() >= 2 => text[..at].trim(),
        _ => text,
    }
}

pub fn certificates(lines: &[Line]) -> Vec<Certificate> {
    labelled_groups(items(lines)).iter().map(certificate_of).collect()
}

/// Publications: the title (quoted, after the year of a citation, or the first sentence of a
/// `Title. Venue.` line), without a leading label ("Book chapter:"), and the date.
fn publication_of(item: &Item) -> Publication {
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| re(r#"["“]([^"”]{4,})["”]"#));
    static AFTER_YEAR: LazyLock<Regex> =
        LazyLock::new(|| re(r"\((?:19|20)\d{2}[a-z]?\)\.?\s*([^.?!]+[.?!]?)"));
    // A label of 2 to 25 letters and spaces; its length is counted apart, as `{2,25}` would
    // compile 25 copies of the Unicode class. The class holds no colon: the run ends at the first.
    static LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^[\p{L} ]{2,}:\s*"));
    static CITATION_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\[\d{1,3}\]\s*"));
    let t = &item.text;
    let (date, rest) = undated(item);
    // "[3] Authors. Title. Venue": the reference number is no part of it.
    let rest = CITATION_NUMBER.replace(&rest, "").into_owned();
    let name = if let Some(c) = QUOTED.captures(t) {
        c[1].trim().trim_end_matches([',', '.']).to_string()
    } else if let Some(c) = AFTER_YEAR.captures(t) {
        c[1].trim().trim_end_matches('.').to_string()
    } else if let Some(title) = after_authors(&rest) {
        title
    } else if let Some(lead) = &item.lead {
        lead.clone()
    } else if let Some(span) = item.spans.iter().find(|s| s.split_whitespace().count() >= 3) {
        // "Okafor N, et al. *Glaze flow at high fire.* Ceramics 4(2)": after the authors, the
        // emphasised span is the title.
        span.trim().trim_end_matches([',', '.']).to_string()
    } else {
        let label = LABEL
            .find(&rest)
            .filter(|m| rest[..m.end()].split(':').next().is_some_and(|l| l.chars().count() <= 25));
        let rest = match label {
            Some(m) => rest[m.end()..].to_string(),
            None => rest,
        };
        first_sentence(&rest).unwrap_or(rest)
    };
    // A citation of several parts (authors, the quoted title, the venue) is kept whole as the
    // summary, so the venue is not lost.
    let summary = QUOTED
        .is_match(t)
        .then(|| t.trim().to_string())
        .filter(|t| t.split_whitespace().count() > name.split_whitespace().count() + 3);
    Publication {
        name: Some(name),
        release_date: date.map(|d| d.start),
        summary,
        ..Default::default()
    }
}

/// "Ada Example, Alan Turing, and Jane Doe. Title of the paper. Venue, 2019": the sentence
/// after the list of authors (names of capitalised words and initials, set apart by commas
/// and "and"), when a venue sentence follows it.
fn after_authors(text: &str) -> Option<String> {
    let name_like = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("and ").or_else(|| s.strip_prefix("& ")).unwrap_or(s);
        let words: Vec<&str> = s.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().any(|w| w.trim_end_matches('.').chars().count() >= 2)
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    || matches!(*w, "de" | "da" | "van" | "von" | "der" | "del" | "di" | "le")
            })
    };
    let mut from = 0;
    for part in text.split(", ") {
        // The part that holds the end of the list: its first ". " after a name.
        let end = part.match_indices(". ").map(|(i, _)| i).find(|&i| name_like(&part[..i + 1]));
        match end {
            Some(i) if name_like(&part[..i + 1]) => {
                let rest = &text[from + i + 2..];
                let title = first_sentence(rest)?;
                let words = title.split_whitespace().count();
                return (words >= 2).then_some(title);
            }
            _ if name_like(part) && part.split_whitespace().count() >= 2 => {
                from += part.len() + 2;
            }
            _ => return None,
        }
    }
    None
}

/// The first sentence of a text of several (a title before its venue): text up to ". "
/// followed by a capital, when it is not an abbreviation.
fn first_sentence(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(p) = text[from..].find(". ") {
        let at = from + p;
        let before = text[..at].rsplit(' ').next().unwrap_or("");
        let next = text[at + 2..].chars().next();
        let short_capital = before.chars().count() <= 4 && before.starts_with(char::is_uppercase);
        let abbreviation = before.chars().count() <= 2 || before.contains('.') || short_capital;
        if !abbreviation
            && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
        {
            return Some(text[..at].to_string());
        }
        from = at + 2;
    }
    None
}

pub fn publications(lines: &[Line]) -> Vec<Publication> {
    labelled_groups(items(lines)).iter().map(publication_of).collect()
}

/// Projects: a headed item is a project with its prose as description and its bullets as
/// highlights; a line is a project, `Name - description` split at the dash; a paragraph of
/// prose is named by its first sentence.
pub fn projects(lines: &[Line]) -> Vec<Project> {
    static NAME_DESC: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(.{2,60}?)(?:\s+[-–—]\s+|:\s+)(.+)$"));
    let mut out = Vec::new();
    for item in items(lines) {
        let (date, rest) = undated(&item);
        // "Tidewatch ⏎ Personal project, 2022. Built …": a date stated in the first sentence
        // under the name dates the project.
        let date = date.or_else(|| {
            let first = item.body.first()?;
            let sentence = first_sentence(first).unwrap_or_else(|| first.clone());
            dates::find(&sentence)
        });
        let mut p = Project::default();
        if let Some(d) = &date {
            p.start_date = Some(d.start);
            p.end_date = if d.open { None } else { Some(d.end.unwrap_or(d.start)) };
        }
        let words = rest.split_whitespace().count();
        // A long paragraph is split only at a dash after a short name ("Tidewatch - Built a
        // sensor network that …"); a colon there more often ends a sentence's first clause.
        let named_by_dash = |c: &regex::Captures| {
            c[1].split_whitespace().count() <= 6
                && c[0][c[1].len()..].trim_start().starts_with(['-', '–', '—'])
        };
        if let Some(c) =
            NAME_DESC.captures(&rest).filter(|c| words <= 25 || item.headed || named_by_dash(c))
        {
            p.name = Some(c[1].trim().to_string());
            p.description = Some(c[2].trim().to_string());
        } else if words <= 12 || item.headed {
            p.name = Some(rest.clone());
        } else if let Some(first) = first_sentence(&rest) {
            let more = rest[first.len()..].trim_start_matches('.').trim();
            p.name = Some(first.clone());
            p.description = (!more.is_empty()).then(|| more.to_string());
        } else {
            p.name = Some(rest.trim_end_matches('.').to_string());
        }
        if let Some((name, keywords)) = p.name.as_deref().and_then(name_and_stack) {
            p.name = Some(name);
            p.keywords = keywords;
        }
        if !item.body.is_empty() {
            let body = item.body.join("\n\n");
            p.description = Some(match p.description.take() {
                Some(d) => format!("{d}\n\n{body}"),
                None => body,
            });
        }
        p.highlights = item.bullets.clone();
        out.push(p);
    }
    out
}

/// "Tidepool | Rust, WebAssembly": a project's name set beside the tools it was built with
/// (the `\resumeProjectHeading` templates' shape): the name, and the tools as keywords.
fn name_and_stack(text: &str) -> Option<(String, Vec<String>)> {
    let (name, stack) = text.split_once(" | ")?;
    let keywords: Vec<String> = stack
        .split([',', '|', ';'])
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect();
    let short = |t: &str| (1..=6).contains(&t.split_whitespace().count());
    (short(name) && keywords.iter().all(|k| short(k))).then(|| (name.trim().to_string(), keywords))
}

/// References: the name, and the position or relation beside it.
pub fn references(lines: &[Line]) -> Vec<Reference> {
    items(lines)
        .into_iter()
        .map(|item| {
            let (name, reference) = match item.cols.as_slice() {
                [name, rel, ..] => (name.clone(), Some(rel.clone())),
                _ => match PARTS.split(&item.text).collect::<Vec<_>>().as_slice() {
                    [name, rel, ..] => (name.to_string(), Some(rel.to_string())),
                    _ => (item.text.clone(), None),
                },
            };
            let reference =
                reference.or_else(|| (!item.body.is_empty()).then(|| item.body.join(" ")));
            Reference { name: Some(name), reference, ..Default::default() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::{from_markdown, from_plain};

    #[test]
    fn the_part_that_names_an_honour_is_the_title() {
        let a = award("2014 Northwind University Department of History – Winter Fellowship");
        assert_eq!(
            (a.title.as_deref(), a.awarder.as_deref()),
            (Some("Winter Fellowship"), Some("Northwind University Department of History"))
        );
        let a = award("Kiln Grant – Globex Foundation");
        assert_eq!(a.title.as_deref(), Some("Kiln Grant"));
    }

    #[test]
    fn awards_title_awarder_and_year() {
        let a = award("2015 Builder of the Year, Initech");
        assert_eq!(
            (a.title.as_deref(), a.awarder.as_deref()),
            (Some("Builder of the Year"), Some("Initech"))
        );
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2015"));
        let rows = awards(&from_plain(
            "2013\tRiver Prize, Society of Rivers, Springfield, IL\n2010\tGold Medal, Lakeside Fair, Geneva, Switzerland\n",
        ));
        let titles: Vec<&str> = rows.iter().filter_map(|a| a.title.as_deref()).collect();
        assert_eq!(titles, ["River Prize", "Gold Medal"]);
        assert_eq!(rows[0].awarder.as_deref(), Some("Society of Rivers"));
        // A record ending at a place and a full stop is no sentence.
        let a = award("Graduated with the highest honours 2011, Northwind University, Germany.");
        assert_eq!(
            (a.title.as_deref(), a.awarder.as_deref()),
            (Some("Graduated with the highest honours"), Some("Northwind University"))
        );
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2011"));
    }

    #[test]
    fn certificates_without_providers_durations_and_notes() {
        let c = certificates(&from_plain(
            "• Lakeside Academy / Safety Course for Cranes - 2 weeks.\n• Company: Riverworks/Pump Maintenance (40 hours).\n• Cloud Practitioner (In Progress)\n• Data Basics (Udemy), 03.07.2023\n",
        ));
        let names: Vec<&str> = c.iter().filter_map(|c| c.name.as_deref()).collect();
        assert_eq!(
            names,
            ["Safety Course for Cranes", "Pump Maintenance", "Cloud Practitioner", "Data Basics"]
        );
        assert_eq!(c[0].issuer.as_deref(), Some("Lakeside Academy"));
        assert_eq!(c[3].issuer.as_deref(), Some("Udemy"));
        assert_eq!(c[3].date.map(|d| d.to_string()).as_deref(), Some("2023-07-03"));
    }

    #[test]
    fn a_row_opening_with_its_date_names_the_certificate_after_it() {
        let c = certificates(&from_markdown(
            "| March 2022 | Kiln Safety Licence | Potters Guild |\n|---|---|---|\n| 2019 | Glaze Chemistry | Clay Institute |\n",
        ));
        let names: Vec<&str> = c.iter().filter_map(|c| c.name.as_deref()).collect();
        assert_eq!(names, ["Kiln Safety Licence", "Glaze Chemistry"]);
        assert_eq!(c[0].issuer.as_deref(), Some("Potters Guild"));
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2022-03"));
    }

    #[test]
    fn projects_headed_and_in_prose() {
        let p = projects(&from_markdown(
            "### Tidewatch – Start-up (Acme GmbH)\n- Built the sensor\n- Sold it\n",
        ));
        assert_eq!(p[0].name.as_deref(), Some("Tidewatch"));
        assert_eq!(p[0].description.as_deref(), Some("Start-up (Acme GmbH)"));
        assert_eq!(p[0].highlights, ["Built the sensor", "Sold it"]);
        let p = projects(&from_markdown(
            "Analysis of river levels across the valley for the planning office. Built in Rust.\n\nA tool.\n",
        ));
        assert_eq!(
            p[0].name.as_deref(),
            Some("Analysis of river levels across the valley for the planning office")
        );
        assert_eq!(p[1].name.as_deref(), Some("A tool."));
        // A long paragraph opened by a short name and a dash.
        let p = projects(&from_plain(
            "Tide Clock - Rebuilt the legacy ordering code of a small shop into a platform used by hundreds of shops. I focused on speed, including the background workers that send mail and build the nightly reports.\n",
        ));
        assert_eq!(p[0].name.as_deref(), Some("Tide Clock"));
        assert!(p[0].description.as_deref().is_some_and(|d| d.starts_with("Rebuilt the legacy")));
    }

    #[test]
    fn an_emphasised_title_after_the_authors_names_the_publication() {
        let p = publications(&from_plain(
            "\\documentclass{article}\n\\begin{document}\n\\begin{itemize}\n\\item Okafor N, Lind P, et al. \\emph{Glaze flow at high fire temperatures.} Ceramics Review. 2019 Mar;4(2):10-19.\n\\item Lind P. \\emph{Ash glazes in a wood kiln.} Kiln Journal. 2016.\n\\end{itemize}\n\\end{document}\n",
        ));
        let names: Vec<&str> = p.iter().filter_map(|p| p.name.as_deref()).collect();
        assert_eq!(names, ["Glaze flow at high fire temperatures", "Ash glazes in a wood kiln"]);
        // The same as table rows with an impact factor in the first cell.
        let p = publications(&from_plain(
            "\\documentclass{twentysecondcv}\n\\begin{document}\n\\begin{twentyshort}\n\\twentyitemshort{5.481}{Okafor N, et al. \\emph{Glaze flow at high fire.} Ceramics. 2018 Nov 15;34(22):39-59.}\n\\end{twentyshort}\n\\end{document}\n",
        ));
        assert_eq!(p[0].name.as_deref(), Some("Glaze flow at high fire"));
    }

    #[test]
    fn publication_titles() {
        let p = publications(&from_plain(
            "Example, A. (2019). Fast solvers for wave problems. Journal of Waves 3, 1-9.\nBook chapter: Rivers of the North. Lakeside Press. https://example.org/rivers\n",
        ));
        let names: Vec<&str> = p.iter().filter_map(|p| p.name.as_deref()).collect();
        assert_eq!(names, ["Fast solvers for wave problems", "Rivers of the North"]);
        // Numbered references with the authors first.
        let p = publications(&from_plain(
            "[1] Ada Example, B. C. Sample, and Jo Doe. Graph cuts for river maps: a study. In Proc. of Rivers, pages 1–9, 2016.\n\n[2] Ada Example. Wave solvers in practice. Dissertation, Northfield University, 2013.\n",
        ));
        let names: Vec<&str> = p.iter().filter_map(|p| p.name.as_deref()).collect();
        assert_eq!(names, ["Graph cuts for river maps: a study", "Wave solvers in practice"]);
    }

    #[test]
    fn boilerplate_phrases_start_at_a_word() {
        assert!(is_boilerplate("References available upon request."));
        assert!(is_boilerplate("I hereby declare that the above is true."));
        assert!(!is_boilerplate("Served 80 million requests a month"));
    }
}
