//! Entry segmentation and field extraction for dated, titled entries (work, volunteering):
//! lines become header lines, prose paragraphs and bullets; runs of header lines start an
//! entry; each header line is cut into slots that are scored as title, employer, place or
//! dates. Several titles under one employer give several entries; deeper headings inherit the
//! employer of the shallower heading above them. A section without header lines is read as
//! prose: sentences that introduce an employer start entries.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Line, heading_like};
use super::places;
use super::roles::{org_score, role_score};
use super::sections::{Kind, is_entry_subheading};
use super::weights;
use crate::model::PartialDate;
use crate::parse::dates::{self, DateSpan};
use crate::parse::vocab::fields::Hint;
use crate::parse::vocab::orgs;

/// One position, before it becomes a `Work` or `Volunteer`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub name: Option<String>,
    pub position: Option<String>,
    pub location: Option<String>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub summary: Vec<String>,
    pub highlights: Vec<String>,
}

/// What a section's lines are, once wrapped lines are joined.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    Head(Head),
    Prose(String),
    Bullet(String),
}

/// A header line: title, employer, place or dates, in some mix.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Head {
    pub text: String,
    pub level: Option<u8>,
    pub strong: Vec<String>,
    pub whole_strong: bool,
    pub cols: Vec<String>,
    /// A definition term: the label of what is described under it.
    pub term: bool,
    /// What the page's class name says the line is.
    pub hint: Option<Hint>,
    /// The record (one of several alike containers) the line is in.
    pub record: Option<usize>,
}

impl Head {
    fn from(l: &Line) -> Self {
        Head {
            text: l.text.clone(),
            level: l.heading,
            strong: l.strong.clone(),
            whole_strong: l.whole_strong,
            cols: l.cols.clone(),
            term: l.term,
            hint: l.hint(),
            record: l.record,
        }
    }
}

/// Could this line be (part of) an entry header?
fn header_shaped(text: &str) -> bool {
    let short_dates = || text.len() <= 60 && dates::is_only_dates(text);
    // A dated line is judged by what is left once its dates are gone: a long "2017 – 2021
    // Research Scientist, Institute for ... of the University of ..." is still a header, and
    // so is one whose dates close it ("Engineer, Agency, Shipyard, 09/2014 - Present").
    // Dates that open the line may be set off by a colon ("Feb 2019-present: Lead, Unit,
    // Agency"), and what follows them may run longer than a heading.
    let date_led = || {
        dates::find(text).filter(|s| s.at.start == 0).is_some_and(|s| {
            let rest = text[s.at.end..].trim_start_matches([':', ' ', '|', '-', '–', '—']);
            let words = rest.split_whitespace().count();
            (1..=20).contains(&words)
                && !rest.contains(": ")
                && !sentence_break(rest)
                && (!rest.ends_with(['.', ':', ';']) || abbreviation_end(rest))
        })
    };
    let dated_heading = || {
        dates::find(text).is_some_and(|s| {
            let rest = dates::remove(text, &s.at);
            let closes = text[s.at.end..].trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
            (s.at.start == 0 || closes) && heading_like(&rest) && !sentence_break(&rest)
        })
    };
    text.chars().count() <= 160
        && !bare_list(text)
        && (date_led()
            || (heading_like(text)
                || short_dates()
                || abbreviation_end(text)
                || dated_heading()
                || slotted(text))
                && !text.ends_with(':')
                && !text.contains(": "))
}

/// "Forth, Ada, Lisp, Cobol | Trac": four or more short items in a row, set apart by commas or
/// bars, none of them a title, an organisation or a date: a list (the tools of a job), never
/// an entry's header.
fn bare_list(text: &str) -> bool {
    let parts: Vec<&str> = comma_parts(text)
        .into_iter()
        .flat_map(|p| p.split(" | "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 4
        && parts.iter().all(|p| p.split_whitespace().count() <= 3)
        && dates::find(text).is_none()
        && role_score(text) == 0
        && org_score(text) == 0
}

/// "Title (note) | Employer, Place": parts set apart by bars or dashes, each of them short,
/// none a sentence.
fn slotted(text: &str) -> bool {
    let parts: Vec<&str> =
        SEPARATORS.split(text).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 2
        && text.split_whitespace().count() <= 24
        && parts.iter().all(|p| {
            p.split_whitespace().count() <= 10 && (!p.ends_with('.') || abbreviation_end(p))
        })
}

/// A line right above a dated title line, opening its paragraph: the employer line of a
/// header, however long ("Acme Ltda. – maker of pumps and valves").
fn above_dated_title(lines: &[Line], i: usize) -> bool {
    let (l, Some(next)) = (&lines[i], lines.get(i + 1)) else { return false };
    let opens = i == 0 || lines[i - 1].block != l.block || lines[i - 1].para != l.para;
    let words = l.text.split_whitespace().count();
    let next_text = dates::without_dates(&next.text);
    opens
        && !l.bullet
        && !next.bullet
        && next.block == l.block
        && words <= 20
        && !l.text.ends_with(['.', ':', ';'])
        && dates::find(&next.text).is_some()
        && role_score(&next_text) > 0
        && header_shaped(&next.text)
}

/// The lines that are each a whole entry on one line, by index: their header (employer,
/// title and bracketed dates) and their description. Only a run of two or more such lines
/// counts (an "earlier positions" list): one dated line inside a job is a highlight.
fn one_liner_runs(lines: &[Line]) -> std::collections::HashMap<usize, (String, String)> {
    // Only lines that open a bullet or a paragraph count, and a wrapped one-liner's neighbour
    // in the run is the next line that opens one (its own wrapped lines go on with it).
    let opens: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let l = &lines[i];
            i == 0 || l.bullet || lines[i - 1].para != l.para
        })
        .collect();
    // A description wrapped after its first word or two goes on in the next lines.
    let wraps = |i: usize| {
        lines
            .get(i + 1)
            .is_some_and(|n| !n.bullet && n.para == lines[i].para && n.item == lines[i].item)
    };
    let found: Vec<Option<(String, String)>> =
        opens.iter().map(|&i| dated_one_liner(&lines[i].text, wraps(i))).collect();
    let mut out = std::collections::HashMap::new();
    for (n, f) in found.iter().enumerate() {
        let neighbour =
            |m: Option<usize>| m.and_then(|m| found.get(m)).is_some_and(Option::is_some);
        if let Some(pair) = f
            && (neighbour(n.checked_sub(1)) || neighbour(Some(n + 1)))
        {
            out.insert(opens[n], pair.clone());
        }
    }
    out
}

/// "Acme | Potter (2015 – 2018): Fired the kilns ..." or "Acme – Potter – Fired the kilns ...
/// (2015).": employer and title set apart by a bar or dash, the dates in brackets, and a
/// description after the dates or after a dash or colon that follows the title. Returns the
/// header (employer, title, dates) and the description. `wraps` says the description goes
/// on in the lines below, so the few words on this line suffice.
fn dated_one_liner(text: &str, wraps: bool) -> Option<(String, String)> {
    let text = text.trim();
    if text.chars().count() > 400 {
        return None;
    }
    let span = dates::find(text)?;
    let open = text[..span.at.start].trim_end().strip_suffix('(')?.len();
    let close = span.at.end + text[span.at.end..].find(')')?;
    if !text[span.at.end..close].trim().is_empty() {
        return None;
    }
    let dates_text = &text[open..=close];
    let before = text[..open].trim();
    let after = text[close + 1..].trim();
    let (employer, rest) = [" | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| before.split_once(sep))
        .min_by_key(|(a, _)| a.len())?;
    let (title, description) = if after.trim_end_matches('.').is_empty() {
        // The dates close the line: the description follows the title after a dash or colon.
        let (t, d) = [" – ", " — ", " - ", ": "]
            .iter()
            .filter_map(|sep| rest.split_once(sep))
            .min_by_key(|(t, _)| t.len())?;
        (t.trim(), d.trim().to_string())
    } else {
        let d = after.strip_prefix([':', '–', '—', '-'])?.trim();
        (rest.trim(), d.to_string())
    };
    let words = |s: &str| s.split_whitespace().count();
    let short = (1..=8).contains(&words(employer)) && (1..=10).contains(&words(title));
    let titled = role_score(title) > 0 || org_score(employer) > 0;
    let employer_ends = !employer.ends_with('.') || abbreviation_end(employer);
    let described = words(&description) >= 3 || wraps && words(&description) >= 1;
    (short && titled && employer_ends && described)
        .then(|| (format!("{employer} | {title} {dates_text}"), description))
}

/// "Apple, Inc." ends with a period that is not a sentence end.
fn abbreviation_end(text: &str) -> bool {
    text.split_whitespace().count() <= 8
        && text.ends_with('.')
        && text.split_whitespace().last().is_some_and(abbreviation)
}

/// A word whose period abbreviates it ("Jr.", "Ltd.", "U.S.", an initial "J."), so the period
/// ends no sentence.
fn abbreviation(word: &str) -> bool {
    let stem = word.trim_end_matches('.');
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
    initial || stem.contains('.') || orgs::is_name_abbreviation(stem)
}

/// A ". " that ends a sentence: "Acme Jr. | Lisbon" has none, "Led a team. Cut costs" has one.
fn sentence_break(text: &str) -> bool {
    text.match_indices(". ")
        .any(|(i, _)| !text[..=i].split_whitespace().last().is_some_and(abbreviation))
}

/// A bullet that heads an entry: dated and short, or emphasised and followed by a date line.
fn header_bullet(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    // A bracketed remark ("(promoted to Fellow in 2011)") does not make the line long.
    if without_brackets(&l.text).len() > 160 {
        return false;
    }
    // A one-liner wrapped before its dates ("Fellow, Unit, Org,\n  March 2008 – May 2010.")
    // is read as the whole first paragraph of its item.
    let text = dates::remove_durations(&wrapped_header(lines, i));
    // The line's dates: the first span outside a bracketed remark.
    if let Some(span) = own_dates(&text).filter(|s| !in_remark(&text, &s.at)) {
        let rest = dates::remove(&text, &span.at);
        let starts_strong = l.strong.first().is_some_and(|s| rest.starts_with(s.as_str()));
        let words = without_brackets(&rest).split_whitespace().count();
        // "Org, Title, Unit (dates)" and "Title, Unit, Org, dates": short comma parts, one a
        // title, one an organisation; such a line may close with a full stop.
        let body = rest.trim_end().trim_end_matches('.');
        let one_liner = words <= 14 && org_comma_title(body, false).is_some()
            || words <= 20 && title_comma_institution(body).is_some();
        return (words <= 12 || one_liner)
            && (starts_strong || l.whole_strong || words <= 8 || one_liner)
            && (!rest.ends_with('.') || one_liner);
    }
    if l.whole_strong && heading_like(&l.text) {
        let next = lines[i + 1..].iter().find(|n| n.item != l.item || !n.bullet);
        return next.is_some_and(|n| !n.bullet && dates::is_only_dates(&n.text));
    }
    // "- Acme" with "2019 – 2021" as the item's own next paragraph: a list of jobs whose
    // items hold employer, dates and title as paragraphs of their own.
    heading_like(&l.text)
        && lines.get(i + 1).is_some_and(|n| {
            n.item == l.item && !n.bullet && n.para != l.para && dates::is_only_dates(&n.text)
        })
}

/// A bullet's text, with the wrapped lines of its first paragraph when the bullet's own
/// line has no dates and a wrapped line does (up to a header line's length).
fn wrapped_header(lines: &[Line], i: usize) -> String {
    let l = &lines[i];
    if dates::find(&l.text).is_some() {
        return l.text.clone();
    }
    let mut text = l.text.clone();
    for n in wrapped_lines(lines, i) {
        text.push(' ');
        text.push_str(&n.text);
    }
    if without_brackets(&text).len() > 160 || dates::find(&text).is_none() {
        l.text.clone()
    } else {
        text
    }
}

/// The lines a bullet's first paragraph wraps onto.
fn wrapped_lines(lines: &[Line], i: usize) -> impl Iterator<Item = &Line> {
    let l = &lines[i];
    lines[i + 1..].iter().take_while(move |n| !n.bullet && n.item == l.item && n.para == l.para)
}

/// The text with its bracketed remarks taken out.
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// "site.example (design for the 2011 edition, CMS)": a date inside a bracketed remark that
/// goes on after it dates the remark, not the line.
fn in_remark(text: &str, at: &std::ops::Range<usize>) -> bool {
    let before = &text[..at.start];
    let open = before.rfind('(').is_some_and(|o| before.rfind(')').is_none_or(|c| c < o));
    let after = &text[at.end..];
    let inside = after.split(')').next().unwrap_or("");
    open && after.contains(')') && inside.chars().any(char::is_alphabetic)
}

/// A header line's dates: its first span outside a bracketed remark ("Chemist (lead from
/// 2021), Globex Labs, 2018 – 2023" is dated 2018 – 2023), else its first.
fn own_dates(text: &str) -> Option<DateSpan> {
    let all = dates::find_all(text);
    let remark = |s: &&DateSpan| {
        let before = &text[..s.at.start];
        let words_before = before.rfind('(').is_some_and(|o| {
            before.rfind(')').is_none_or(|c| c < o) && before[o..].chars().any(char::is_alphabetic)
        });
        in_remark(text, &s.at) || words_before && text[s.at.end..].contains(')')
    };
    all.iter().find(|s| !remark(s)).or(all.first()).cloned()
}

/// "- Tooling and Upkeep:" over nested bullets: a short bullet closed by a colon that
/// only names the group of bullets nested in it is a sub-heading, not a highlight.
fn bullet_subheading(lines: &[Line], i: usize) -> bool {
    let l = &lines[i];
    let text = l.text.trim();
    text.ends_with(':')
        && (1..=4).contains(&text.split_whitespace().count())
        && dates::find(text).is_none()
        && lines.get(i + 1).is_some_and(|n| n.bullet && l.item.is_some() && n.parent_item == l.item)
}

/// Turns lines into units: header lines, prose paragraphs (wrapped lines joined) and bullets
/// (continuation lines and paragraphs joined). Sub-headings such as "Achievements" vanish.
pub fn units(lines: &[Line]) -> Vec<Unit> {
    units_with(lines, false)
}

/// [`units`], optionally keeping sub-headings as header units (in lists they name groups).
pub fn units_with(lines: &[Line], keep_subheadings: bool) -> Vec<Unit> {
    // Inside a section, a line that is only heading words ("Summary", "Engineering
    // Experience"), or a short one that ends in "Experience", and no date names a part of
    // an entry, never an employer or a title.
    // The cheap tests first: this runs on most lines of every section.
    let sub = |t: &str| {
        let short_work = || {
            t.split_whitespace().nth(3).is_none()
                && t.split_whitespace().last().and_then(super::sections::lexicon)
                    == Some(Kind::Work)
        };
        !keep_subheadings
            && (is_entry_subheading(t)
                || dates::find(t).is_none()
                    && (super::sections::lexicon(t).is_some() || short_work()))
    };
    let long_para = long_paragraphs(lines);
    let one_liners = one_liner_runs(lines);
    let mut out: Vec<Unit> = Vec::new();
    let mut head_item: Option<usize> = None;
    // The lines of a wrapped header bullet read with it.
    let mut wrapped_until = 0;
    for (i, l) in lines.iter().enumerate() {
        if i < wrapped_until {
            continue;
        }
        let prev = i.checked_sub(1).map(|p| &lines[p]);
        let same_para = prev.is_some_and(|p| p.para == l.para);
        if let Some((head, description)) = one_liners.get(&i) {
            // An undated label over the run ("Earlier positions") names the list, not the
            // first entry's employer.
            if let Some(Unit::Head(h)) = out.last()
                && dates::find(&h.text).is_none()
                && !one_liners.contains_key(&(i - 1))
            {
                out.pop();
            }
            out.push(Unit::Head(Head { text: head.clone(), ..Head::from(l) }));
            out.push(Unit::Prose(description.clone()));
            head_item = None;
            continue;
        }
        if l.heading.is_some() || (l.whole_strong && sub(&l.text)) {
            if !sub(&l.text) {
                out.push(Unit::Head(Head::from(l)));
            }
            head_item = None;
            continue;
        }
        if !l.bullet && !same_para && sub(&l.text) {
            continue;
        }
        if !l.bullet && !same_para && group_label_under_heading(lines, i, &out) {
            continue;
        }
        // A page's class names say what a line is.
        match l.hint() {
            // A list item's later lines go on with its bullet (below), description or not.
            Some(Hint::Description) if !l.bullet && l.item.is_none() => {
                out.push(Unit::Prose(l.text.clone()));
                continue;
            }
            Some(Hint::Title | Hint::Employer | Hint::Place | Hint::Dates) if !l.bullet => {
                out.push(Unit::Head(Head::from(l)));
                continue;
            }
            _ => {}
        }
        if l.bullet {
            if bullet_subheading(lines, i) {
                head_item = None;
                continue;
            }
            if header_bullet(lines, i) {
                // A header wrapped before its dates is one header line, wrapped lines and all.
                let text = wrapped_header(lines, i);
                if text.len() > l.text.len() {
                    wrapped_until = i + 1 + wrapped_lines(lines, i).count();
                }
                out.push(Unit::Head(Head { text, ..Head::from(l) }));
                head_item = l.item;
            } else {
                out.push(Unit::Bullet(l.text.clone()));
                head_item = None;
            }
            continue;
        }
        if l.item.is_some() && l.item == head_item && header_shaped(&l.text) {
            out.push(Unit::Head(Head::from(l)));
            continue;
        }
        // A table row with a cell of dates is a header, whatever its other cells end with.
        let dated_row = l.cols.len() >= 2
            && l.cols.iter().any(|c| dates::is_only_dates(c))
            && l.cols.iter().all(|c| c.split_whitespace().count() <= 16);
        // A line of an item that follows a bullet goes on with it, unless it is an entry's
        // dated header row (a template's item opening with a table: the next entry).
        if l.item.is_some()
            && l.item != head_item
            && !dated_row
            && let Some(Unit::Bullet(b)) = out.last_mut()
        {
            b.push_str(if same_para { " " } else { "\n\n" });
            b.push_str(&l.text);
            continue;
        }
        let continues =
            same_para && matches!(out.last(), Some(Unit::Prose(_))) && !labelled(&l.text);
        if let (true, Some(Unit::Prose(p))) = (continues, out.last_mut()) {
            p.push(' ');
            p.push_str(&l.text);
            continue;
        }
        // The first line of a wrapped paragraph of prose is prose, however short it is.
        let opens_prose = !same_para && !l.whole_strong && long_para.contains(&l.para);
        let header =
            !opens_prose && (dated_row || header_shaped(&l.text) || above_dated_title(lines, i));
        if header && !(same_para && matches!(out.last(), Some(Unit::Prose(_)))) {
            out.push(Unit::Head(Head::from(l)));
        } else {
            out.push(Unit::Prose(l.text.clone()));
        }
    }
    out
}

/// "**Delivery & Tooling**" over bullets of an entry opened by a heading: an undated bold
/// line that names no role, once the heading's entry already has text, labels the group of
/// that entry's bullets under it. A sibling entry would be a heading like the first one, or
/// carry its dates or a title.
fn group_label_under_heading(lines: &[Line], i: usize, out: &[Unit]) -> bool {
    let l = &lines[i];
    let Some(heading) = out.iter().rposition(|u| matches!(u, Unit::Head(h) if h.level.is_some()))
    else {
        return false;
    };
    // The heading's header lines (its dates, its place) come first, then its text.
    let body = &out[heading + 1..];
    let Some(text) = body.iter().position(|u| !matches!(u, Unit::Head(_))) else {
        return false;
    };
    l.whole_strong
        && l.cols.is_empty()
        && l.item.is_none()
        && !body[text..].iter().any(|u| matches!(u, Unit::Head(_)))
        && dates::find(&l.text).is_none()
        && role_score(&l.text) <= 0
        && l.text.split_whitespace().count() <= 8
        && lines.get(i + 1).is_some_and(|n| n.bullet)
}

/// The paragraphs (by `para`) of wrapped lines that are prose, not a header: more than 16
/// words, or 24 when they hold a date (a header line and its dates may wrap together), or
/// ten words without any date or emphasis whose lines go on in lower case (a sentence
/// wrapped mid-way; header lines stacked in one paragraph each start with a capital).
fn long_paragraphs(lines: &[Line]) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    let mut i = 0;
    while i < lines.len() {
        let para = lines[i].para;
        let end = lines[i..].iter().position(|l| l.para != para).map_or(lines.len(), |n| i + n);
        if end - i >= 2 {
            let words: usize = lines[i..end].iter().map(Line::words).sum();
            let dated = lines[i..end].iter().any(|l| dates::find(&l.text).is_some());
            let sentence_goes_on = lines[i + 1..end]
                .iter()
                .all(|l| l.text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
            let plain =
                !dated && sentence_goes_on && lines[i..end].iter().all(|l| l.strong.is_empty());
            if words > if dated { 24 } else { 16 } || plain && words >= 10 {
                out.insert(para);
            }
        }
        i = end;
    }
    out
}

/// A run of header lines and the body under it.
#[derive(Debug, Default)]
struct Cluster {
    heads: Vec<Head>,
    body: Vec<Unit>,
    /// Whether some head line gives a title, an employer and dates by itself.
    has_complete: bool,
}

fn clusters(units: Vec<Unit>) -> (Vec<Unit>, Vec<Cluster>) {
    let mut intro = Vec::new();
    let mut out: Vec<Cluster> = Vec::new();
    for u in units {
        match u {
            Unit::Head(h) => {
                let whole = complete(&h);
                // A heading opens an entry: short lines standing between the previous
                // sibling heading's text and this one ("_CentOS, Java_") end that entry.
                if let Some(level) = h.level
                    && out.len() >= 2
                    && out.last().is_some_and(|c| {
                        c.body.is_empty() && c.heads.iter().all(|x| x.level.is_none())
                    })
                    && out[out.len() - 2].heads.iter().any(|x| x.level == Some(level))
                    && !out[out.len() - 2].body.is_empty()
                    && !out.last().is_some_and(|c| opens_like(c, &out[0]))
                {
                    let orphan = out.pop().map(|c| c.heads).unwrap_or_default();
                    if let Some(prev) = out.last_mut() {
                        prev.body.extend(orphan.into_iter().map(|x| Unit::Prose(x.text)));
                    }
                }
                match out.last_mut() {
                    // A table row is a whole entry, and so is a line that names a title, an
                    // employer and dates once the run already has such a line.
                    Some(c)
                        if c.body.is_empty()
                            && (h.cols.len() < 2 || completes_row(&c.heads, &h))
                            && !(whole && c.has_complete && !same_employer(&c.heads, &h))
                            && !sibling_heading(&h, c)
                            && !other_record(&h, c) =>
                    {
                        c.has_complete |= whole;
                        c.heads.push(h)
                    }
                    _ => {
                        out.push(Cluster { heads: vec![h], body: Vec::new(), has_complete: whole })
                    }
                }
            }
            other => match out.last_mut() {
                Some(c) => c.body.push(other),
                None => intro.push(other),
            },
        }
    }
    // The same after the last heading's entry: short lines closing the section end it.
    if out.len() >= 2
        && out
            .last()
            .is_some_and(|c| c.body.is_empty() && c.heads.iter().all(|x| x.level.is_none()))
        && out[out.len() - 2].heads.iter().any(|x| x.level.is_some())
        && !out[out.len() - 2].body.is_empty()
    {
        let orphan = out.pop().map(|c| c.heads).unwrap_or_default();
        if let Some(prev) = out.last_mut() {
            prev.body.extend(orphan.into_iter().map(|x| Unit::Prose(x.text)));
        }
    }
    (intro, out)
}

/// "2019 – 2021" over "### Acme": lines with dates that stand before the heading of the
/// section's first entry open each entry, as a template's date column does. Such lines
/// before a later heading are that entry's dates, not the end of the entry above.
fn opens_like(run: &Cluster, first: &Cluster) -> bool {
    let dated = |x: &Head| own_dates(&dates::remove_durations(&x.text)).is_some();
    let lead = first.heads.iter().position(|x| x.level.is_some()).unwrap_or(0);
    first.heads[..lead].iter().any(dated) && run.heads.iter().any(dated)
}

/// "| Acme | 2019 – 2021 |" over "| Engineer | Paris |": a row without dates right under a
/// dated row (or the other way round) completes that row's header, as resume templates set
/// employer and dates above title and place.
///
/// Under an undated employer row, dated rows that each name a title are the roles held there
/// ("| Acme | Bergen |" over "| Chief Engineer | 2018 – 2023 |" and "| Engineer | 2014 – 2018
/// |"), as a plain-text CV indents several roles under one employer.
fn completes_row(heads: &[Head], h: &Head) -> bool {
    let dated = |x: &Head| x.cols.iter().any(|c| dates::find(c).is_some());
    let titled = |x: &Head| {
        x.cols.first().is_some_and(|c| role_score(c) > 0 && role_score(c) >= org_score(c))
    };
    match heads {
        [first] => first.cols.len() >= 2 && dated(first) != dated(h),
        [first, roles @ ..] => {
            first.cols.len() >= 2
                && !dated(first)
                && !titled(first)
                && roles.len() < 8
                && roles.iter().chain([h]).all(|r| r.cols.len() >= 2 && dated(r) && titled(r))
        }
        [] => false,
    }
}

/// Whether a header line names the same employer as the run above it, with another title.
fn same_employer(heads: &[Head], h: &Head) -> bool {
    // A handful of titles at one employer; a longer run is a list, and checking it again on
    // every line would be quadratic.
    if heads.len() > 8 {
        return false;
    }
    let mut all = heads.to_vec();
    all.push(h.clone());
    shared_employer(&all).is_some()
}

/// A line of another record (the next of several alike containers) starts a new entry.
fn other_record(h: &Head, c: &Cluster) -> bool {
    let first = c.heads.first().and_then(|x| x.record);
    h.record.is_some() && first.is_some() && h.record != first
}

/// A heading at the level of one already in the run (or above it) starts a new entry.
fn sibling_heading(h: &Head, c: &Cluster) -> bool {
    h.level.is_some_and(|l| c.heads.iter().any(|x| x.level.is_some_and(|m| m >= l)))
}

/// Whether one header line gives a title, an employer and dates by itself.
fn complete(h: &Head) -> bool {
    let text = dates::remove_durations(&h.text);
    let Some(span) = own_dates(&text) else { return false };
    let rest = dates::remove(&text, &span.at);
    let slots = split_slots(h, &rest);
    let titled = slots.iter().any(|(s, _)| role_score(s) > 0);
    let several = slots.len() >= 2 || rest.contains(", ") || title_at(&rest).is_some();
    titled && several
}

/// What one header line mainly is, for splitting runs of header lines.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Skip,
    Date,
    Title,
    DatedTitle,
    Org,
    Place,
}

fn part(h: &Head) -> Part {
    let text = dates::remove_durations(&h.text);
    if text.is_empty() {
        return Part::Skip;
    }
    let span = own_dates(&text);
    let rest = span.as_ref().map_or_else(|| text.clone(), |s| dates::remove(&text, &s.at));
    if rest.is_empty() {
        return Part::Date;
    }
    if places::location(&rest).is_some() || places::is_remote(&rest) {
        return Part::Place;
    }
    let (role, org) = (role_score(&rest), org_score(&rest));
    match (role > 0 && role >= org, span.is_some()) {
        (true, true) => Part::DatedTitle,
        (true, false) => Part::Title,
        _ => Part::Org,
    }
}

/// Splits a run of plain header lines that holds several entries, as text exported from
/// profiles does ("Org / Title / dates / Org / Title / dates / Title / dates"): once a run
/// has a title and dates, another title starts a new position at the same employer, and
/// once it has an employer and dates, another employer starts a new entry.
fn split_cluster(c: Cluster) -> Vec<Cluster> {
    if c.heads.len() < 4 || c.heads.iter().any(|h| h.level.is_some() || h.cols.len() > 1) {
        return vec![c];
    }
    let mut out: Vec<Cluster> = Vec::new();
    let mut cur: Vec<Head> = Vec::new();
    let (mut title, mut date, mut org) = (false, false, false);
    let mut org_heads: Vec<Head> = Vec::new();
    for h in c.heads {
        let p = part(&h);
        let new_title = p == Part::Title && title && date;
        let new_org = p == Part::Org && org && date;
        if new_title || new_org {
            out.push(Cluster {
                heads: std::mem::take(&mut cur),
                body: Vec::new(),
                has_complete: false,
            });
            if new_title {
                cur.extend(org_heads.iter().cloned());
            } else {
                org_heads.clear();
                org = false;
            }
            title = false;
            date = false;
        }
        match p {
            Part::Title | Part::DatedTitle => title = true,
            Part::Date => date = true,
            Part::Org | Part::Place => {
                org |= p == Part::Org;
                org_heads.push(h.clone());
            }
            Part::Skip => {}
        }
        date |= p == Part::DatedTitle;
        cur.push(h);
    }
    out.push(Cluster { heads: cur, body: c.body, has_complete: false });
    out
}

/// A slot of a header line, scored.
#[derive(Debug, Clone)]
struct Slot {
    text: String,
    role: i32,
    org: i32,
    strong: bool,
    line: usize,
    /// A place followed it on its line ("Acme, Dover, DE — Clerk"): a place goes with the
    /// employer.
    placed: bool,
}

/// A line that opens with its own short label ("Tools: Git, Make") starts a new unit.
fn labelled(text: &str) -> bool {
    // The label's length is counted apart: `[\w/&+ -]{0,30}` compiles thirty copies of the
    // Unicode class, slowly. The class holds no colon, so the run it matches ends at the first.
    static LABELLED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Z][\w/&+ -]*:\s+\S").expect("labelled line"));
    LABELLED.is_match(text)
        && text[1..].split(':').next().is_some_and(|label| label.chars().count() <= 30)
}
/// "Title at Employer" (also French "chez", German "bei", Dutch "bij", Italian "presso").
static AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.+?)\s+(at|@|for|chez|bei|bij|presso)\s+(?:the\s+)?(\S.*)$").expect("at pattern")
});

/// A title and its employer joined by "at", "for" and the like; `None` when the "for" belongs
/// to an organisation's own name ("Scientist, Institute for Applied Physics").
fn title_at(text: &str) -> Option<(String, String)> {
    let c = AT.captures(text)?;
    let before = c[1].trim_end();
    if c[2].eq_ignore_ascii_case("for") {
        let last = before.rsplit([' ', ',']).next().unwrap_or("").to_lowercase();
        // "Institute for Applied Physics": a unit word before "for" names the organisation.
        if crate::parse::vocab::orgs::is_unit_word(&last) {
            return None;
        }
    }
    // "(2 years) as Lead Engineer at Acme": the word that introduces the title is no part of it.
    let before = ["as ", "als ", "comme ", "como ", "en tant que "]
        .iter()
        .find_map(|w| before.strip_prefix(w))
        .unwrap_or(before);
    Some((before.trim().to_string(), c[3].to_string()))
}
static SEPARATORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[|–—·→]\s+|\s+-\s+|\s+->\s+|\s*\|\s*").expect("separators"));

/// The title, employer, place and dates a cluster of header lines gives.
#[derive(Debug, Default, Clone)]
struct Header {
    name: Option<String>,
    location: Option<String>,
    dates: Option<DateSpan>,
    /// Titles, each with the dates its own line gave.
    titles: Vec<(String, Option<DateSpan>)>,
    level: Option<u8>,
    /// What the header says about the employer ("Acme – maker of pumps").
    description: Option<String>,
}

/// The span from the earlier start to the later end of two spans (open if either is).
fn widest(a: DateSpan, b: DateSpan) -> DateSpan {
    let start = a.start.min(b.start);
    let open = a.open || b.open;
    let end = if open { None } else { Some(a.last().max(b.last())) };
    DateSpan { start, end, open, at: a.at }
}

/// The parts of a line between ", ", never inside brackets ("Centre for Clay (North, East),
/// Potter" has two parts), a legal form kept with the name it follows ("Initech, Inc.,
/// Springfield" has two).
fn comma_parts(text: &str) -> Vec<&str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let push = |spans: &mut Vec<(usize, usize)>, a: usize, b: usize| match spans.last_mut() {
        Some(prev) if crate::parse::vocab::orgs::is_legal_form(&text[a..b]) => prev.1 = b,
        _ => spans.push((a, b)),
    };
    let (mut depth, mut start) = (0i32, 0);
    let bytes = text.as_bytes();
    for (k, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth <= 0 && bytes.get(k + 1) == Some(&b' ') => {
                push(&mut spans, start, k);
                start = k + 2;
            }
            _ => {}
        }
    }
    push(&mut spans, start, text.len());
    spans.into_iter().map(|(a, b)| &text[a..b]).collect()
}

/// The first comma part and the rest, as `split_once(", ")` outside brackets.
fn comma_split_once(text: &str) -> Option<(&str, &str)> {
    let first = comma_parts(text).into_iter().next()?;
    text.get(first.len() + 2..).map(|rest| (first, rest))
}

/// The comma parts before the last and the last, as `rsplit_once(", ")` outside brackets.
fn comma_rsplit_once(text: &str) -> Option<(&str, &str)> {
    let last = *comma_parts(text).last()?;
    let head = text.len().checked_sub(last.len() + 2)?;
    (head > 0 || text.starts_with(", ")).then(|| (&text[..head], last))
}

/// "[Ward Nurse], [Acme Clinic], [2025]": a line whose parts are all bracketed (template
/// placeholders filled in) reads without the brackets.
fn unbracket(text: &str) -> String {
    let parts: Vec<&str> = text.split(", ").map(str::trim).collect();
    let all = parts.len() > 1 && parts.iter().all(|p| p.starts_with('[') && p.ends_with(']'));
    if !all {
        return text.to_string();
    }
    parts.iter().map(|p| &p[1..p.len() - 1]).collect::<Vec<_>>().join(", ")
}

/// "Acme Ltd (mostly working in Rust)": a bracketed remark of a few words in lower case after
/// an employer is a note about the job, not part of the name.
fn without_note(name: &str) -> String {
    if let Some((head, note)) = name.strip_suffix(')').and_then(|n| n.rsplit_once(" ("))
        && note.starts_with(|c: char| c.is_lowercase())
        && note.split_whitespace().count() >= 3
        && !head.trim().is_empty()
    {
        return head.trim().to_string();
    }
    name.to_string()
}

/// A header line that names both the job and the employer ("Welder at Forge Works", "**Acme**
/// — *Welder*"): a line of dates under it has nothing left to name but the place.
fn names_title_and_employer(head: &Head) -> bool {
    let text = dates::without_dates(&head.text);
    title_at(&text).is_some() || split_slots(head, &text).len() >= 2
}

/// Whether a header line other than line `n` names the employer: "Title at Org", "Title, Org",
/// "Org | Title", or an organisation's line of its own. A lone title ("Water Engineer" over
/// "Polder Works, 2019 – 2024") names none.
fn employer_named_elsewhere(heads: &[Head], n: usize) -> bool {
    heads.iter().enumerate().any(|(m, x)| {
        let text = dates::without_dates(&x.text);
        m != n
            && (names_title_and_employer(x)
                || comma_parts(&text).iter().any(|p| {
                    let p = p.trim_matches(|c: char| !c.is_alphanumeric());
                    !p.is_empty() && role_score(p) == 0
                }))
    })
}

/// A slot that names a place by its shape: one or two capitalised words, no digits, no
/// title or organisation words ("Valencia", "Lyon").
fn place_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // Three capitalised words are as often a unit's name ("Regional Signal Planning")
    // as a town; a town of three words is one the place vocabulary knows.
    (1..=2).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words.iter().any(|w| mixed_acronym(w))
        && !s.chars().any(|c| c.is_ascii_digit() || "()[]&@".contains(c))
        && role_score(s) == 0
        && org_score(s) == 0
}

/// "UBbC", "KiTS": a word mostly of capitals with some lower case is a short name, not a
/// town ("McAllen" is one).
fn mixed_acronym(w: &str) -> bool {
    let capitals = w.chars().filter(|c| c.is_uppercase()).count();
    w.chars().any(char::is_lowercase) && capitals >= 2 && 2 * capitals >= w.chars().count()
}

fn read_header(heads: &[Head]) -> Header {
    let mut h = Header { level: heads.iter().filter_map(|x| x.level).min(), ..Default::default() };
    let mut slots: Vec<Slot> = Vec::new();
    let mut line_dates: Vec<Option<DateSpan>> = Vec::new();
    // Whether some header line names a title: then another line's parts are the employer's.
    let titled_line = |n: usize| {
        heads.iter().enumerate().any(|(m, x)| {
            m != n && {
                let t = dates::without_dates(&x.text);
                role_score(&t) > 0 && role_score(&t) >= org_score(&t)
            }
        })
    };
    if let Some((titles, employer)) = shared_employer(heads) {
        let (org, place) = places::split_trailing(&employer);
        let (org, place) = with_place(org, place);
        // The departments of a university named beside it are not the employer.
        let org = if super::education::is_school(&org) { institution_only(&org) } else { org };
        h.location = place;
        for (n, (title, span)) in titles.into_iter().enumerate() {
            line_dates.push(Some(span));
            slots.push(Slot {
                text: title,
                role: 10,
                org: 0,
                strong: false,
                line: n,
                placed: false,
            });
        }
        // The employer has a line of its own: it is written as it stands, units and all.
        line_dates.push(None);
        slots.push(Slot {
            text: org,
            role: 0,
            org: 10,
            strong: false,
            line: line_dates.len() - 1,
            placed: false,
        });
        assign(&mut h, slots, &line_dates, heads);
        return h;
    }
    for (n, head) in heads.iter().enumerate() {
        let text = glue_legal_forms(&dates::remove_durations(&unbracket(&head.text)));
        let mut span = own_dates(&text);
        let mut rest = match &span {
            Some(s) => dates::remove(&text, &s.at),
            None => text.clone(),
        };
        // "Nov 2012 - Jun 2013, Aug 2015 - Present": periods listed on one line span from the
        // first start to the last end.
        while let Some(first) = span.clone()
            && let Some(more) = dates::find(&rest)
            && dates::is_only_dates(
                rest.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace()),
            )
        {
            rest = dates::remove(&rest, &more.at);
            rest =
                rest.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace()).to_string();
            span = Some(widest(first, more));
        }
        // A header line closed by a period ("Intern, Acme, Lyon."), unless it is an
        // abbreviation's ("Acme Inc.").
        let rest = match rest.strip_suffix('.') {
            Some(r) if !abbreviation_end(&rest) && !r.ends_with('.') => r.trim_end().to_string(),
            _ => rest,
        };
        line_dates.push(span.clone());
        if rest.is_empty() {
            // Several date lines (one job over several summers) span from the first to the last.
            h.dates = match (h.dates.take(), span) {
                (Some(a), Some(b)) => Some(widest(a, b)),
                (a, b) => a.or(b),
            };
            continue;
        }
        match head.hint {
            Some(Hint::Place) => {
                h.location.get_or_insert(rest);
                continue;
            }
            Some(hint @ (Hint::Title | Hint::Employer)) => {
                let title = hint == Hint::Title;
                slots.push(Slot {
                    role: role_score(&rest) + if title { weights::CLASS_HINT } else { 0 },
                    org: org_score(&rest) + if title { 0 } else { weights::CLASS_HINT },
                    text: rest,
                    strong: head.whole_strong,
                    line: n,
                    placed: false,
                });
                continue;
            }
            _ => {}
        }
        let glued = Head {
            strong: head.strong.iter().map(|s| glue_legal_forms(s)).collect(),
            ..head.clone()
        };
        let mut parts = split_slots(&glued, &rest);
        // "Acme (Lisboa)", "(Porto / Lisboa)": a bracket holding a known place is the place,
        // before any guess at which part a place is.
        parts = parts
            .into_iter()
            .filter_map(|(p, strong)| {
                // "Acme, Sevilla (España)": a place the part ends with is read whole below.
                if places::split_trailing(&p).1.is_some() {
                    return Some((p, strong));
                }
                let (rest, place) = bracketed_place(&p);
                if let Some(place) = place {
                    h.location.get_or_insert(place);
                }
                (!rest.is_empty()).then_some((rest, strong))
            })
            .collect();
        // "*2019 – 2021* (Remote)", "*2019 – 2021* | Lyon": what stands beside the dates on a
        // line of its own, under a line that names the job, is where the job was.
        if let [(only, _)] = parts.as_slice()
            && span.is_some()
            && n > 0
            && employer_named_elsewhere(heads, n)
        {
            let bare = only.strip_prefix('(').and_then(|o| o.strip_suffix(')')).unwrap_or(only);
            // Not an acronym ("ANRQ" is an employer), nor where another line is the place.
            let acronym = !bare.chars().any(char::is_lowercase);
            let placed_elsewhere = heads
                .iter()
                .enumerate()
                .any(|(m, x)| m != n && places::location(&dates::without_dates(&x.text)).is_some());
            let one_place = places::location(bare).is_some() || !bare.contains(',');
            // Set apart as a slot of its own ("| Bergen", "(Bergen)"), or a place vitae knows.
            let t = &head.text;
            let set_apart = ["| ", "|", "– ", "— ", "· ", "("]
                .iter()
                .any(|sep| t.contains(&format!("{sep}{bare}")))
                || places::location(bare).is_some()
                // "Lisbon, 2020 – present": the place first, the dates after its comma.
                || t.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(&format!("{bare},"));
            if places::is_remote(bare)
                || (place_like(bare) && one_place && set_apart && !acronym && !placed_elsewhere)
            {
                h.location.get_or_insert(bare.to_string());
                continue;
            }
        }
        if parts.len() >= 2 && titled_line(n) && parts.iter().all(|(p, _)| role_score(p) == 0) {
            let last = parts.last().map(|(p, _)| p.clone()).unwrap_or_default();
            let words = last.split_whitespace().count();
            if parts.len() == 2 && words >= 4 && places::location(&last).is_none() {
                // "Acme – maker of pumps for the food industry": the employer and what it does.
                h.description.get_or_insert(last);
                parts.pop();
            } else if place_like(&last) || places::country_code(&last).is_some() {
                h.location.get_or_insert(last);
                parts.pop();
            } else {
                // "Chess Society - North Chapter": one organisation, unit included.
                let sep = SEPARATORS.find(&rest).map_or(" - ", |m| m.as_str());
                let whole = parts.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>().join(sep);
                let strong = parts.iter().any(|(_, s)| *s);
                parts = vec![(whole, strong)];
            }
        }
        // "Acme - 2022 - Valencia": a place-like last part after the employer.
        if parts.len() >= 2
            && let Some((last, _)) = parts.last()
            && (place_like(last) || places::country_code(last).is_some())
            && parts[..parts.len() - 1].iter().any(|(p, _)| role_score(p) == 0)
            && span.is_some()
            // A part that is a place for sure ("Irbid, Jordan") leaves a last word that is
            // only capitalised ("Hydrogeologist") to be the title.
            && !parts.iter().any(|(p, _)| places::location(p).is_some())
        {
            h.location.get_or_insert(last.clone());
            parts.pop();
        }
        let place_next: Vec<bool> = (0..parts.len())
            .map(|i| parts.get(i + 1).is_some_and(|(t, _)| places::location(t).is_some()))
            .collect();
        for (i, (text, strong)) in parts.into_iter().enumerate() {
            let (head_text, place) = places::split_trailing(&text);
            // "Manchester, UK" is a place; "Initech, Remote" and "Globex, Vancouver, Canada"
            // are an employer and a place, unless another line already names the title and
            // the employer: then "Graz, Styria, Austria" is a place as a whole.
            let both_named =
                heads.iter().enumerate().any(|(m, x)| m != n && names_title_and_employer(x));
            let whole_place = place
                .as_deref()
                .is_some_and(|p| (both_named || !p.contains(',')) && !places::is_remote(p))
                && head_text.split_whitespace().count() <= 2
                && org_score(&head_text) == 0
                && role_score(&head_text) == 0
                && places::location(&text).is_some();
            if whole_place {
                h.location.get_or_insert(text);
                continue;
            }
            let (text, place) = with_place(head_text, place);
            let placed = place.is_some() || place_next[i];
            if let Some(p) = place {
                h.location.get_or_insert(p);
            }
            if text.is_empty() {
                continue;
            }
            if places::location(&text).is_some() || places::is_remote(&text) {
                h.location.get_or_insert(text);
                continue;
            }
            if let Some((title, employer)) = title_at(&text) {
                let org_like = employer.chars().next().is_some_and(|ch| !ch.is_lowercase())
                    || !employer.contains(' ');
                // "Title @ Employer" says which is which, title word or not.
                let at_sign = text.contains(" @ ");
                if (role_score(&title) > 0 || at_sign) && org_like {
                    let (org, place) = places::split_trailing(&employer);
                    let (org, place) = with_place(org, place);
                    h.location = h.location.take().or(place);
                    slots.extend(title_and_employer(title, org, strong, n));
                    continue;
                }
            }
            // The rules that need no title word apply only where no other line names the title.
            let untitled = !titled_line(n);
            if let Some((title, org)) = title_comma_institution(&text)
                .or_else(|| org_comma_title(&text, untitled))
                .or_else(|| untitled.then(|| org_and_other(&text)).flatten())
            {
                let (org, place) = employer_city(&org);
                h.location = h.location.take().or(place);
                slots.extend(title_and_employer(title, org, strong, n));
                continue;
            }
            slots.push(Slot {
                role: role_score(&text),
                org: org_score(&text),
                text,
                strong,
                line: n,
                placed,
            });
        }
    }
    assign(&mut h, slots, &line_dates, heads);
    unglue(&mut h);
    h
}

/// A part's closing bracket that holds a place vitae knows ("Acme (Lisboa)", "(Porto /
/// Lisboa)", "( Porto )"): the part without it, and the place.
fn bracketed_place(text: &str) -> (String, Option<String>) {
    let Some((before, inner)) = text
        .trim()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .filter(|(_, inner)| !inner.contains(['(', ')']))
    else {
        return (text.to_string(), None);
    };
    let inner = inner.trim();
    let known = !inner.is_empty()
        && inner.split(['/', ',']).all(|p| {
            let p = p.trim();
            places::location(p).is_some() || places::country_code(p).is_some()
        });
    match known {
        true => (before.trim().to_string(), Some(inner.to_string())),
        false => (text.to_string(), None),
    }
}

/// Stands for the comma before a legal form while a header line is cut at its commas.
const GLUE: char = '\u{E000}';

/// "Pendant Kitchens, Inc, Seattle": the comma before a legal form does not separate parts; it
/// is held by [`GLUE`] until the parts are read.
fn glue_legal_forms(text: &str) -> String {
    if !text.contains(", ") {
        return text.to_string();
    }
    let parts: Vec<&str> = text.split(", ").collect();
    let mut out = String::with_capacity(text.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            let form = p.split([',', ';', '(']).next().unwrap_or("").trim_end();
            // "Inc." closing the part, or "Inc" before the dates or a place.
            let legal = crate::parse::vocab::orgs::is_legal_form(form)
                || p.split_whitespace().next().is_some_and(|w| {
                    crate::parse::vocab::orgs::is_legal_form(w) && w.ends_with('.')
                });
            out.push(if legal { GLUE } else { ',' });
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// Gives back the commas [`glue_legal_forms`] held.
fn unglue(h: &mut Header) {
    let back = |s: &mut String| {
        if s.contains(GLUE) {
            *s = s.replace(GLUE, ",");
        }
    };
    for s in h.name.iter_mut().chain(h.location.iter_mut()).chain(h.description.iter_mut()) {
        back(s);
    }
    for (t, _) in &mut h.titles {
        back(t);
    }
}

/// Several dated header lines that differ only in their first comma part ("Engineer,
/// Acme, Lyon, 2019 - now" above "Intern, Acme, Lyon, 2017 - 2019"): the first parts are the
/// titles, each with its line's dates, and the part they share is the employer (and place).
/// A reader sees the repetition; no title word is needed.
fn shared_employer(heads: &[Head]) -> Option<(Vec<(String, DateSpan)>, String)> {
    if heads.len() < 2 || heads.iter().any(|h| h.cols.len() > 1) {
        return None;
    }
    let mut titles = Vec::new();
    let mut shared: Option<String> = None;
    for h in heads {
        let text = dates::remove_durations(&unbracket(&h.text));
        let span = own_dates(&text)?;
        let rest = dates::remove(&text, &span.at);
        let (title, employer) = comma_split_once(&rest)?;
        let employer = employer.trim();
        if title.trim().is_empty() || employer.is_empty() {
            return None;
        }
        match &shared {
            Some(e) if e != employer => return None,
            Some(_) => {}
            None => shared = Some(employer.to_string()),
        }
        titles.push((title.trim().to_string(), span));
    }
    let distinct = titles.iter().skip(1).any(|(t, _)| *t != titles[0].0);
    distinct.then_some((titles, shared?))
}

/// "Research Scientist, Institute for Applied Physics of the University of X": leading comma
/// parts that are all title (title words, no organisation words) and then an organisation
/// (with the departments named beside it dropped, see [`institution_only`]).
fn title_comma_institution(text: &str) -> Option<(String, String)> {
    let parts = comma_parts(text);
    let titled = parts
        .iter()
        .take_while(|p| role_score(p) > 0 && role_score(p) >= org_score(p) && !names_unit(p))
        .count();
    if titled == 0 || titled == parts.len() {
        return None;
    }
    let rest = parts[titled..].join(", ");
    let starts_upper = capitalised_name(&rest);
    if !starts_upper || org_score(&rest) == 0 || org_score(&rest) < role_score(&rest) {
        return None;
    }
    Some((parts[..titled].join(", "), institution_only(&rest)))
}

/// A name written as names are: a capital first letter, or a brand's capital inside its first
/// word ("eBay", "eXamplo AG").
fn capitalised_name(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_uppercase)
        || first.starts_with(char::is_lowercase) && first.chars().skip(1).any(char::is_uppercase)
}

/// "Northern University, Associate Professor, Department of Biology": the academic one-liner,
/// an organisation first, then one title part (title words, no organisation words), then
/// the units it sits in. The organisation is the first part that names one and is not a unit.
fn org_comma_title(text: &str, untitled: bool) -> Option<(String, String)> {
    let parts: Vec<&str> = comma_parts(text).into_iter().map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    let is_title = |p: &&str| role_score(p) > 0 && org_score(p) == 0 && !names_unit(p);
    let t = parts.iter().position(is_title)?;
    if t == 0 || parts.iter().filter(|p| is_title(p)).count() > 1 {
        return None;
    }
    let org = parts[..t]
        .iter()
        .find(|p| org_score(p) > 0 && !names_unit(p) && p.starts_with(|c: char| c.is_uppercase()))
        .or_else(|| (untitled && t == 1).then_some(&parts[0]).filter(|p| named_not_placed(p)))?;
    Some((parts[t].to_string(), org.to_string()))
}

/// "Coastal Survey Trust" before a title ("…, Field Biologist, 2020 - 2024"): a name written
/// in capitals that is no title and no place the vocabulary knows reads as the employer,
/// whether or not it has an organisation word.
fn named_not_placed(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words
            .iter()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.starts_with(char::is_uppercase))
        && words[0].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && role_score(part) == 0
        && org_score(part) == 0
        && places::location(part).is_none()
        && places::country_code(part).is_none()
        && !places::is_remote(part)
}

/// "Biological Aide, Forest Research Service": of two comma parts, one an organisation (an
/// organisation word, no title word) and the other a name with no organisation word, the
/// other is the title, whichever comes first.
fn org_and_other(text: &str) -> Option<(String, String)> {
    let [a, b] = comma_parts(text)[..] else { return None };
    let is_org = |p: &str| org_score(p) > role_score(p);
    // "Centro de Lógica, Universidad de Northwind": a unit of the organisation is no title.
    let unit = |p: &str| {
        p.split_whitespace()
            .next()
            .is_some_and(|w| crate::parse::vocab::orgs::is_unit_word(&w.to_lowercase()))
    };
    let other = |p: &str| {
        org_score(p) == 0
            && (role_score(p) > 0 || !unit(p))
            && p.starts_with(char::is_uppercase)
            && places::location(p).is_none()
            && places::country_code(p).is_none()
            && !places::is_remote(p)
    };
    match (is_org(a), is_org(b)) {
        (true, false) if other(b) => Some((b.to_string(), a.to_string())),
        (false, true) if other(a) => Some((a.to_string(), b.to_string())),
        _ => None,
    }
}

/// "Acme Ltd (contract)": a note in brackets after an employer's name that starts in lower
/// case says how the person worked there; it is no part of the name.
fn employer_note(name: &str) -> Option<(String, String)> {
    let (org, note) = name.strip_suffix(')')?.rsplit_once(" (")?;
    let lower = note.starts_with(char::is_lowercase) && !note.contains(['(', ')']);
    (lower && !org.trim().is_empty()).then(|| (org.trim().to_string(), note.to_string()))
}

/// "Chair for Technical Acoustics", "Centre of Excellence": an organisational unit, though
/// its first noun can also be a title word.
fn names_unit(part: &str) -> bool {
    let mut words = part.split_whitespace().map(str::to_lowercase);
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    crate::parse::vocab::orgs::is_unit_word(&first)
        && matches!(second.as_str(), "for" | "of" | "für" | "de" | "des" | "di" | "del" | "van")
}

/// A line's text and the place found after it; when none was, a city after an employer.
fn with_place(text: String, place: Option<String>) -> (String, Option<String>) {
    match place {
        Some(p) => (text, Some(p)),
        None => employer_city(&text),
    }
}

/// The two slots of a line that names both: certainly a title, certainly an employer.
fn title_and_employer(title: String, org: String, strong: bool, line: usize) -> [Slot; 2] {
    [
        Slot { text: title, role: 10, org: 0, strong, line, placed: false },
        Slot { text: org, role: 0, org: 10, strong: false, line, placed: false },
    ]
}

/// "Acme GmbH, Munich": an employer (it has a company word) followed by a bare city.
fn employer_city(text: &str) -> (String, Option<String>) {
    // "Acme AG, Baar (plant engineering)": a note in brackets after the city goes.
    let without_note = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((before, note)) if before.contains(", ") && !is_city(note) => before,
        _ => text,
    };
    // "Acme S.L. (Valencia)" as well as "Acme S.L., Valencia".
    let bracketed = without_note
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .filter(|(_, city)| !city.contains(['(', ')']));
    let split = bracketed.or_else(|| comma_rsplit_once(without_note));
    if let Some((org, city)) = split {
        // "Zug / Baar": two places.
        let bare_city = city.split(" / ").all(is_city);
        if bare_city && org_score(org) > 0 && role_score(org) == 0 {
            return (org.to_string(), Some(city.to_string()));
        }
    }
    // "Northfield municipality in Springfield", "Excavation Project in Somewhere (site)": an
    // employer and the town it is in (a bracketed note after the town stays with it).
    for word in crate::parse::vocab::places::IN_TOWN {
        let sep = format!(" {word} ");
        let Some((org, city)) = text.rsplit_once(sep.as_str()) else { continue };
        let town = city.split_once(" (").map_or(city, |(t, _)| t);
        let named = org_score(org) > 0
            || org.split_whitespace().count() >= 2 && org.starts_with(char::is_uppercase);
        if named && is_city(town) && role_score(org) == 0 && !org.contains(sep.as_str()) {
            return (org.to_string(), Some(city.to_string()));
        }
    }
    // "Globex (Vila Serena)", "Initech (Campo de Lume)": a town of several words written
    // as towns are (capitals, lower-case joining words) is a place even after a bare name.
    if let Some((org, city)) = bracketed
        && town_shaped(city)
        && !org.trim().is_empty()
        && role_score(org) == 0
    {
        return (org.trim().to_string(), Some(city.to_string()));
    }
    (text.to_string(), None)
}

/// A town's name of two to four words, each capitalised and otherwise in lower case apart
/// from the joining words towns have ("Vila Serena", "Campo de Lume", "Saint-Aubin-de-Lume
/// Sud"): not an acronym ("CBbC"), not a unit or a title ("Applied Logic Group").
fn town_shaped(text: &str) -> bool {
    const JOINS: &[&str] = &[
        "de", "do", "da", "dos", "das", "del", "di", "la", "le", "les", "am", "an", "im", "sur",
        "upon", "on", "y",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let proper = |w: &str| {
        w.split(['-', '\'']).filter(|p| !p.is_empty()).all(|p| {
            let mut cs = p.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
        })
    };
    let capitalised = words.iter().filter(|w| proper(w)).count();
    (2..=4).contains(&words.len())
        && capitalised >= 2
        && words.iter().all(|w| proper(w) || JOINS.contains(w))
        && role_score(text) == 0
        && org_score(text) == 0
}

/// A bare city (or city and region code): one or two capitalised words, letters only, not an
/// acronym ("XyZz"), no title or organisation words; or a place the vocabulary knows.
fn is_city(city: &str) -> bool {
    let city = city.trim();
    let words: Vec<&str> = city.split_whitespace().collect();
    let proper = |w: &&str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && (w.chars().count() <= 2 || cs.any(char::is_lowercase))
            && !mixed_acronym(w)
    };
    let shaped = (1..=3).contains(&words.len())
        && words.iter().all(proper)
        && city.chars().all(|c| c.is_alphabetic() || " -'.".contains(c))
        && role_score(city) == 0
        && org_score(city) == 0;
    shaped || places::country_code(city).is_some() || places::location(city).is_some()
}

/// "Central Analytical Unit", "Glaze Analysis Team": a part of an organisation, named so.
fn names_a_unit(text: &str) -> bool {
    const UNITS: &[&str] = &[
        "unit",
        "team",
        "department",
        "dept",
        "division",
        "faculty",
        "lab",
        "laboratory",
        "centre",
        "center",
        "office",
    ];
    text.split_whitespace().any(|w| {
        UNITS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
    })
}

/// The institution of an employer slot that shares its line with the title ("Lecturer,
/// Physics Department, Univ. of X"): departments and centres named beside it are dropped.
fn institution_only(text: &str) -> String {
    let parts: Vec<&str> = comma_parts(text);
    if parts.len() < 2 {
        return text.to_string();
    }
    let lower = |p: &str| p.to_lowercase();
    if let Some(u) = parts.iter().rev().find(|p| {
        let l = lower(p);
        l.contains("university")
            || l.contains("college")
            || l.starts_with("univ")
            || l.contains("universit")
    }) {
        return u.to_string();
    }
    const UNIT: &[&str] = &[
        "department",
        "dept",
        "faculty",
        "school of",
        "division",
        "centre",
        "center",
        "lab",
        "group",
        "team",
        "institute for",
        "institute of",
        "programme",
        "program",
        "unit",
    ];
    let kept: Vec<&str> =
        parts.iter().copied().filter(|p| !UNIT.iter().any(|u| lower(p).contains(u))).collect();
    // "Logistics Group, Wels": with only a town left, the "unit" was the organisation.
    let only_places = kept.iter().all(|p| place_like(p) || places::location(p).is_some());
    if kept.is_empty() || only_places { text.to_string() } else { kept.join(", ") }
}

/// Cuts a header line (without its dates) into slots: table cells or columns, emphasised
/// spans, or pieces between separators.
fn split_slots(head: &Head, rest: &str) -> Vec<(String, bool)> {
    if head.cols.len() > 1 {
        return head
            .cols
            .iter()
            .map(|c| dates::tidy(&dates::remove_durations(c)))
            .map(|c| match c.strip_suffix('.') {
                Some(r) if !abbreviation_end(&c) && !r.ends_with('.') => r.trim_end().to_string(),
                _ => c,
            })
            .filter(|c| !c.is_empty() && !dates::is_only_dates(c))
            .map(|c| match dates::find(&c) {
                Some(s) => (dates::remove(&c, &s.at), false),
                None => (c, false),
            })
            .flat_map(|(c, _)| strong_lead(head, c))
            .collect();
    }
    if !head.whole_strong
        && head.strong.len() >= 2
        && let Some(v) = emphasised_slots(&head.strong, rest)
    {
        return v;
    }
    if !head.whole_strong
        && let Some(s) =
            head.strong.first().filter(|s| rest.contains(s.as_str()) && s.len() < rest.len())
    {
        // "Internship at **Globex**, Lyon": a span after "at" inside the line is the employer;
        // the words before it and after it are slots of their own.
        if let Some((before, after)) = rest.split_once(s.as_str())
            && let Some(c) = AT.captures(&format!("{} _", before.trim_end()))
            && c[3].trim() == "_"
            && !dates::tidy(after).is_empty()
        {
            return [
                (dates::tidy(&c[1]), false),
                (dates::tidy(s), true),
                (dates::tidy(after), false),
            ]
            .into_iter()
            .filter(|(p, _)| !p.is_empty())
            .collect();
        }
        let other = dates::tidy(&rest.replacen(s.as_str(), " ", 1));
        // "**Director of Outreach – Acme** | Lyon": where the text beside the span is only a place,
        // a separator inside the span parts its slots as it does outside it (beside an
        // employer, the span is one title: "**Fitter – Deputy Head** | Acme").
        let beside = other.trim_matches(|c: char| "|–—-·,()".contains(c) || c.is_whitespace());
        let only_place = beside.is_empty()
            || places::location(beside).is_some()
            || places::is_remote(beside)
            || place_like(beside);
        let mut v: Vec<(String, bool)> = if only_place {
            SEPARATORS
                .split(s)
                .map(dates::tidy)
                .filter(|p| !p.is_empty())
                .map(|p| (p, true))
                .collect()
        } else {
            vec![(dates::tidy(s), true)]
        };
        if !other.is_empty() {
            v.push((other, false));
        }
        return v;
    }
    SEPARATORS
        .split(rest)
        .map(dates::tidy)
        .filter(|s| !s.is_empty())
        .map(|s| (s, head.whole_strong))
        .collect()
}

/// A cell that opens with an emphasised span followed by a comma or a separator
/// ("**Oasis Engineering**, Field Advisor", "**Oasis Engineering** – Field Advisor"): the
/// span and the rest are slots of their own, as they are in a line outside a table.
fn strong_lead(head: &Head, cell: String) -> Vec<(String, bool)> {
    let split = head.strong.iter().find_map(|s| {
        let after = cell.strip_prefix(s.as_str())?;
        let rest = match after.trim_start().strip_prefix(',') {
            Some(r) => r.trim(),
            None => &after[SEPARATORS.find(after).filter(|m| m.start() == 0)?.end()..],
        };
        (!rest.is_empty() && !s.trim().is_empty()).then(|| (s.trim().to_string(), rest.to_string()))
    });
    match split {
        Some((lead, rest)) => vec![(lead, true), (rest, false)],
        None => vec![(cell, false)],
    }
}

/// "**Acme,** Springfield, IL — *Cashier*": several emphasised spans are slots of their own,
/// and so is the plain text between them (a place, most often). `None` when a span is not
/// found in order.
fn emphasised_slots(spans: &[String], rest: &str) -> Option<Vec<(String, bool)>> {
    let mut out = Vec::new();
    let mut at = 0;
    let plain = |t: &str, out: &mut Vec<(String, bool)>| {
        let t = dates::tidy(t.trim_matches(|c: char| c == ',' || c.is_whitespace()));
        let t = t.trim_matches(|c: char| "—–-|·,".contains(c) || c.is_whitespace());
        if !t.is_empty() {
            out.push((t.to_string(), false));
        }
    };
    for s in spans {
        let s = s.trim().trim_end_matches(',').trim();
        if s.is_empty() {
            continue;
        }
        let found = at + rest.get(at..)?.find(s)?;
        plain(&rest[at..found], &mut out);
        out.push((dates::tidy(s), true));
        at = found + s.len();
    }
    plain(&rest[at..], &mut out);
    (out.len() >= 2).then_some(out)
}

fn assign(h: &mut Header, slots: Vec<Slot>, line_dates: &[Option<DateSpan>], heads: &[Head]) {
    let is_title = |s: &Slot| s.role > 0 && s.role >= s.org;
    let (mut titles, mut orgs): (Vec<Slot>, Vec<Slot>) = slots.iter().cloned().partition(is_title);
    if titles.is_empty() && orgs.len() >= 2 {
        // No title word anywhere: an emphasised slot is the title; else the first slot when
        // it alone names no organisation ("Pilot Project, Northwind Universitat"); else the
        // second one.
        let names_org = |s: &Slot| {
            s.org > 0
                || s.text.split_whitespace().any(|w| {
                    crate::parse::vocab::orgs::is_school_word(
                        &w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase(),
                    )
                })
        };
        let plain: Vec<usize> = (0..orgs.len()).filter(|&i| !names_org(&orgs[i])).collect();
        let pick = orgs
            .iter()
            .position(|s| s.strong && s.org == 0)
            .or_else(|| (plain == [0]).then_some(0))
            .unwrap_or(1);
        titles.push(orgs.remove(pick));
    }
    // Where a slot stands on its header line: the layouts below write the employer first.
    let order = |s: &Slot| slots.iter().position(|x| x.line == s.line && x.text == s.text);
    // Two title-like slots on one line ("Independent Tutor, Dover, DE — Maths Tutor"): the
    // one the place follows, written first, is the employer.
    if orgs.is_empty()
        && let [a, b] = titles.as_slice()
        && a.line == b.line
        && a.placed != b.placed
        && order(if a.placed { a } else { b }) < order(if a.placed { b } else { a })
    {
        let at = usize::from(b.placed);
        orgs.push(titles.remove(at));
    }
    // The same with a title vitae does not know: "Freelance Designer, Lyon, France —
    // Illustrator" (no organisation word in the other slot). Not when the placed title
    // comes second ("Acme Robotics | 2021 | Backend Engineer | Santiago"): a place after
    // the title ends the line, as a template's row sets it.
    if let ([t], [o]) = (titles.as_slice(), orgs.as_slice())
        && t.line == o.line
        && t.placed
        && !o.placed
        && o.org == 0
        && order(t) < order(o)
    {
        std::mem::swap(&mut titles, &mut orgs);
    }
    if titles.len() > 1 {
        let dated =
            titles.iter().filter(|t| line_dates[t.line].is_some() && heads.len() > 1).count();
        if dated < 2 {
            // One title; the other title-like slots are more likely the employer.
            titles.sort_by_key(|t| -(t.role - t.org));
            let extra: Vec<Slot> = titles.drain(1..).collect();
            if orgs.is_empty() {
                orgs.extend(extra);
            }
        } else {
            titles.retain(|t| line_dates[t.line].is_some());
        }
    }
    orgs.sort_by_key(|o| -o.org);
    h.name = orgs.first().map(|o| {
        let with_title = titles.iter().any(|t| t.line == o.line);
        if with_title { institution_only(&o.text) } else { o.text.clone() }
    });
    if h.name.is_none()
        && let Some(t) = titles.first_mut()
        && let Some((org, place)) = split_title_employer(&mut t.text)
    {
        h.name = Some(org);
        if h.location.is_none() {
            h.location = place;
        }
    }
    if let Some((org, note)) = h.name.as_deref().and_then(employer_note) {
        h.name = Some(org);
        h.description = Some(match h.description.take() {
            Some(d) => format!("{note}; {d}"),
            None => note,
        });
    }
    let multi = titles.len() > 1;
    for t in &titles {
        let own = if multi || h.dates.is_none() { line_dates[t.line].clone() } else { None };
        h.titles.push((t.text.clone(), own.or_else(|| line_dates[t.line].clone())));
    }
    if h.dates.is_none() {
        // Dates written on the employer line date the block.
        h.dates = slots
            .iter()
            .filter(|s| !is_title(s))
            .find_map(|s| line_dates[s.line].clone())
            .or_else(|| line_dates.iter().flatten().next().cloned());
    }
}

/// "Lead Engineer, Initech, Bratislava": with no employer elsewhere, the comma parts after the
/// title's own (those with title words) are the employer and then its place. Leaves the title
/// in `text`; returns the employer and the place.
fn split_title_employer(text: &mut String) -> Option<(String, Option<String>)> {
    let parts = comma_parts(text);
    let titled = parts.iter().take_while(|p| role_score(p) > 0).count().max(1);
    let org = *parts.get(titled)?;
    let org_like = org.chars().next().is_some_and(char::is_uppercase) && role_score(org) == 0;
    if !org_like
        || role_score(parts[0]) == 0
        || places::location(org).is_some()
        || places::is_remote(org)
    {
        return None;
    }
    let rest = &parts[titled + 1..];
    // "Analyst, Central Analytical Unit, Pottery Board": after a unit comes the organisation
    // it belongs to, not a place, unless the place is one the vocabulary knows.
    if names_a_unit(org)
        && let Some(parent) = rest.first()
        && places::location(parent).is_none()
        && places::country_code(parent).is_none()
        && !places::is_remote(parent)
    {
        let place = (rest.len() > 1 && rest.len() <= 3).then(|| rest[1..].join(", "));
        let parent = parent.to_string();
        *text = parts[..titled].join(", ");
        return Some((parent, place));
    }
    let place = (!rest.is_empty() && rest.len() <= 3).then(|| rest.join(", "));
    let org = org.to_string();
    *text = parts[..titled].join(", ");
    Some((org, place))
}

/// Reads a section of dated, titled entries.
pub fn read(lines: &[Line]) -> (Vec<String>, Vec<Entry>) {
    let units = units(lines);
    let (intro, clusters) = clusters(units);
    // Nothing but bullets: what was done, in a job the section does not name.
    if clusters.is_empty()
        && !intro.is_empty()
        && intro.iter().all(|u| matches!(u, Unit::Bullet(_)))
    {
        let highlights = intro.into_iter().map(unit_text).collect();
        return (Vec::new(), vec![Entry { highlights, ..Default::default() }]);
    }
    if clusters.is_empty() {
        return prose_entries(intro);
    }
    let intro_text: Vec<String> = intro.into_iter().map(unit_text).collect();
    let mut out = Vec::new();
    let mut parents: Vec<Header> = Vec::new();
    // An employer written on a line of its own above its dated roles, for the roles that
    // follow the first one's bullets.
    let mut employer_above: Option<Header> = None;
    let clusters: Vec<Cluster> = clusters.into_iter().flat_map(split_cluster).collect();
    let mut records = Records::of(&clusters);
    for c in clusters {
        let mut h = read_header(&c.heads);
        if records.folds(&c, &h)
            && let Some(prev) = out.last_mut()
        {
            fold_into(prev, c.body);
            continue;
        }
        if let Some(level) = h.level {
            parents.retain(|p| p.level.is_some_and(|l| l < level));
            if h.name.is_none()
                && let Some(p) = parents.last()
            {
                h.name = p.name.clone();
                h.location = h.location.or_else(|| p.location.clone());
                h.dates = h.dates.or_else(|| p.dates.clone());
            }
            if h.titles.is_empty() && h.name.is_some() && c.body.is_empty() {
                parents.push(h);
                continue;
            }
            if !h.titles.is_empty() || h.name.is_some() {
                let mut parent = h.clone();
                parent.level = c.heads.iter().filter_map(|x| x.level).min();
                if c.heads.len() > 1 && c.heads[0].level < c.heads.last().and_then(|x| x.level) {
                    parent.level = c.heads[0].level;
                }
                parents.push(parent);
            }
        } else if h.name.is_none() && !h.titles.is_empty() {
            // A title line under an employer heading ("### Acme" then "**Lead** (2019)"), or
            // the next dated role under an employer line ("Acme" / "Lead, 2020" / bullets /
            // "Engineer, 2017").
            let above = parents.last().or(employer_above.as_ref().filter(|_| roles_only(&c.heads)));
            if let Some(p) = above {
                h.name = p.name.clone();
                h.location = h.location.or_else(|| p.location.clone());
            }
        } else if h.name.is_some() {
            employer_above = employer_own_line(&c.heads).then(|| h.clone());
        }
        out.extend(entries_of(h, c.body));
    }
    // Header lines that named nothing (a stray short line) fold into the entry above.
    let mut merged: Vec<Entry> = Vec::new();
    for e in out {
        let empty = e.name.is_none() && e.position.is_none() && e.start.is_none();
        match (empty, merged.last_mut()) {
            (true, Some(prev)) => {
                prev.summary.extend(e.summary);
                prev.highlights.extend(e.highlights);
            }
            _ => merged.push(e),
        }
    }
    (intro_text, merged)
}

/// The shape of a header line, as a reader sees it: a heading of some level, a bold line, a
/// table row, a definition term or a plain line.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shape {
    level: Option<u8>,
    strong: bool,
    row: bool,
    term: bool,
}

impl Shape {
    fn of(h: &Head) -> Self {
        Shape {
            level: h.level,
            strong: h.level.is_none() && h.whole_strong,
            row: h.cols.len() >= 2,
            term: h.term,
        }
    }
}

/// What the section's entries so far say about where the next one starts: the shape of the
/// line that opened its first dated entry, and the last entry kept.
#[derive(Debug, Default)]
struct Records {
    /// The shape of the line that opens the section's dated entries.
    pattern: Option<Shape>,
    /// Whether the last entry kept is dated, and the record (page container) it is in.
    last_dated: bool,
    last_record: Option<usize>,
    /// Whether the entries sit in page containers of their own (two or more differ): one
    /// container around the whole section says nothing about where an entry ends.
    contained: bool,
}

impl Records {
    fn of(clusters: &[Cluster]) -> Self {
        let mut seen = clusters.iter().filter_map(|c| c.heads.first().and_then(|h| h.record));
        let first = seen.next();
        let contained = first.is_some() && seen.any(|r| Some(r) != first);
        Records { contained, ..Default::default() }
    }

    /// Whether a run of header lines is a label inside the entry above rather than an entry
    /// of its own ("Key projects", a client's name, a bold line over some bullets). A new
    /// entry starts at a dated head, or at one shaped like the heads that opened the
    /// section's dated entries; an undated head of another shape, or one in the same page
    /// container as the dated entry above, groups that entry's text. A head that names a
    /// title is a role of its own (several roles under one employer).
    fn folds(&mut self, c: &Cluster, h: &Header) -> bool {
        let dated = h.dates.is_some() || h.titles.iter().any(|(_, d)| d.is_some());
        let first = c.heads.first();
        let record = first.and_then(|x| x.record);
        // A head with nothing under it opens what follows (an employer over its roles).
        // What one container holds is one entry unless it holds several dated heads.
        let same_record = self.contained && record.is_some() && record == self.last_record;
        let fold = !dated
            && !c.body.is_empty()
            && (same_record
                || self.last_dated
                    && first.is_some_and(|x| self.label(x))
                    && !c.heads.iter().any(|x| names_role(&x.text)));
        if !fold {
            if dated && self.pattern.is_none() {
                self.pattern = first.map(Shape::of);
            }
            self.last_dated = dated;
            self.last_record = record;
        }
        fold
    }

    /// An undated head that does not look like the heads opening the dated entries, or
    /// one that announces what follows with a colon.
    fn label(&self, first: &Head) -> bool {
        self.pattern.is_some_and(|p| p != Shape::of(first)) || first.text.trim_end().ends_with(':')
    }
}

/// Whether a line reads as a job title more than as an organisation.
fn names_role(text: &str) -> bool {
    let t = dates::without_dates(text);
    role_score(&t) > 0 && role_score(&t) >= org_score(&t)
}

/// A label's body goes to the entry above; the label itself only names the group.
fn fold_into(prev: &mut Entry, body: Vec<Unit>) {
    for u in body {
        match u {
            Unit::Bullet(b) => prev.highlights.push(b),
            other => prev.summary.push(unit_text(other)),
        }
    }
}

/// A list of one-line roles with nothing above them ("Activities": "Coach at Northwood
/// Rowing Club, running weekly sessions", "Treasurer, Eastfield Union, 2015 - 2016"): each
/// item is a role of its own. `None` unless every item reads as one.
pub fn one_line_roles(items: &[String]) -> Option<Vec<Entry>> {
    let roles: Vec<Entry> = items.iter().map_while(|t| one_line_role(t)).collect();
    (roles.len() == items.len() && !roles.is_empty()).then_some(roles)
}

/// One item read as a header line: its dates, then the title and organisation named before
/// the first sentence end or descriptive clause; what follows is its summary. `None` when
/// the item names neither.
fn one_line_role(text: &str) -> Option<Entry> {
    let mut e = Entry::default();
    let span = dates::find(text);
    let rest = match &span {
        Some(s) => dates::remove(text, &s.at),
        None => text.to_string(),
    };
    set_dates(&mut e, span.as_ref());
    let rest = rest.trim().trim_end_matches([',', ';']);
    let cut = clause_end(rest);
    let (head, tail) = (rest[..cut].trim().trim_end_matches([',', '.']), rest[cut..].trim());
    if head.is_empty() || head.split_whitespace().count() > 12 {
        return None;
    }
    if let Some((title, org)) = title_at(head).or_else(|| title_then_body(head)) {
        e.position = Some(title);
        e.name = Some(org);
        return Some(with_summary(e, tail));
    }
    let h = read_header(&[Head { text: head.to_string(), ..Default::default() }]);
    e.name = h.name;
    e.position = h.titles.into_iter().next().map(|(t, _)| t);
    e.location = h.location;
    // A lone phrase of title words, or in sentence case ("Competitive rowing cox"), is the
    // role; a body's name is capitalised.
    if e.position.is_none()
        && let Some(name) =
            e.name.take_if(|n| org_score(n) == 0 && (role_score(n) > 0 || sentence_case(n)))
    {
        e.position = Some(name);
    }
    if e.name.is_none() && e.position.is_none() {
        return None;
    }
    Some(with_summary(e, tail))
}

/// Whether a phrase is written in sentence case: a capital first word, then mostly
/// lower-case longer words ("Competitive rowing cox", not "Northwood Rowing Club").
fn sentence_case(text: &str) -> bool {
    let (lower, counted) = super::lines::lower_case_words(text.split_whitespace().skip(1));
    counted > 0 && lower * 2 > counted
}

/// The entry with the rest of its line, if any, as its summary.
fn with_summary(mut e: Entry, tail: &str) -> Entry {
    let tail = tail.trim_start_matches([',', '.', ';', ' ']);
    if !tail.is_empty() {
        e.summary.push(tail.to_string());
    }
    e
}

/// "Treasurer, Eastfield Union" or "Member of the Kiln Group": a short title, then a
/// capitalised name after a comma or "of (the)" that is no title itself (a title ends with
/// its role word: "Student Union" is a body, "Senior Student" is not).
fn title_then_body(text: &str) -> Option<(String, String)> {
    let (title, body) = comma_split_once(text)
        .or_else(|| text.split_once(" of the ").or_else(|| text.split_once(" of ")))?;
    let (title, body) = (title.trim(), body.trim());
    (role_score(title) > 0
        && title.split_whitespace().count() <= 4
        && capitalised_name(body)
        && (org_score(body) > 0 || role_score(body.rsplit(' ').next().unwrap_or(body)) == 0))
        .then(|| (title.to_string(), body.to_string()))
}

/// Where a role's naming part ends: at the first sentence end, or at a comma opening a
/// clause in lower case ("…, responsible for …", "…, running …").
fn clause_end(text: &str) -> usize {
    let sentence = text
        .match_indices(". ")
        .map(|(i, _)| i)
        .find(|&i| !abbreviation_end(&text[..=i]))
        .unwrap_or(text.len());
    let clause = text
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| text[i + 2..].starts_with(char::is_lowercase))
        .unwrap_or(text.len());
    sentence.min(clause)
}

/// A run that opens with an undated employer line and goes on with roles ("Acme, Bergen" /
/// "Lead Surveyor, 2020 – 2023"): the employer stands above whatever roles follow it.
fn employer_own_line(heads: &[Head]) -> bool {
    matches!(heads, [first, rest @ ..]
        if part(first) == Part::Org
            && rest.iter().any(|x| matches!(part(x), Part::Title | Part::DatedTitle)))
}

/// A run that is one dated role and nothing else: no employer, place or heading of its own.
fn roles_only(heads: &[Head]) -> bool {
    let parts: Vec<Part> = heads.iter().map(part).collect();
    heads.iter().all(|x| x.level.is_none())
        && parts
            .iter()
            .all(|p| matches!(p, Part::Title | Part::DatedTitle | Part::Date | Part::Skip))
        && parts.iter().any(|p| matches!(p, Part::DatedTitle | Part::Date))
}

/// The section's text as paragraphs, in order: wrapped lines joined, one per bullet.
pub fn paragraphs(lines: &[Line]) -> Vec<String> {
    // Prose keeps every line: a short line of section words ("my talks.") is text here, not
    // a sub-heading to leave out.
    units_with(lines, true).into_iter().map(unit_text).collect()
}

fn unit_text(u: Unit) -> String {
    match u {
        Unit::Head(h) => h.text,
        Unit::Prose(p) | Unit::Bullet(p) => p,
    }
}

/// One entry per title; prose is shared out between several titles in order.
fn entries_of(h: Header, body: Vec<Unit>) -> Vec<Entry> {
    let base = Entry {
        name: h.name.as_deref().map(without_note),
        location: h.location.clone(),
        summary: h.description.iter().cloned().collect(),
        ..Default::default()
    };
    let titles: Vec<(Option<String>, Option<DateSpan>)> = if h.titles.is_empty() {
        vec![(None, h.dates.clone())]
    } else {
        h.titles
            .iter()
            .map(|(t, d)| (Some(t.clone()), d.clone().or_else(|| h.dates.clone())))
            .collect()
    };
    let mut entries: Vec<Entry> = titles
        .iter()
        .map(|(t, d)| {
            let mut e = Entry { position: t.clone(), ..base.clone() };
            set_dates(&mut e, d.as_ref());
            e
        })
        .collect();
    let mut k = 0;
    for u in body {
        match u {
            Unit::Prose(p) => {
                if k + 1 < entries.len()
                    && starts_next(
                        &p,
                        entries[k + 1].position.as_deref(),
                        !entries[k].summary.is_empty(),
                    )
                {
                    k += 1;
                }
                entries[k].summary.push(p);
            }
            Unit::Bullet(b) => entries[k].highlights.push(b),
            Unit::Head(h) => entries[k].summary.push(h.text),
        }
    }
    for e in &mut entries {
        if e.position.is_none() {
            e.position = position_from_prose(&mut e.summary);
        }
    }
    entries
}

/// Whether a paragraph moves on to the next of several titles: it names that title, or says
/// it is about an earlier time.
fn starts_next(p: &str, next_title: Option<&str>, current_has_text: bool) -> bool {
    if !current_has_text {
        return false;
    }
    let lower = p.to_lowercase();
    let earlier = ["prior to", "before that", "before this", "previously", "earlier", "initially"]
        .iter()
        .any(|w| lower.starts_with(w));
    let names = next_title.is_some_and(|t| {
        t.split_whitespace()
            .next()
            .is_some_and(|w| w.len() >= 4 && lower.contains(&w.to_lowercase()))
    });
    earlier || names
}

/// A single date on a job means it began and ended then; an open range has no end.
pub fn set_dates(e: &mut Entry, d: Option<&DateSpan>) {
    if let Some(d) = d {
        e.start = Some(d.start);
        e.end = if d.open { None } else { Some(d.end.unwrap_or(d.start)) };
    }
}

static ROLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][\w/&.-]*(?:\s+[\w/&.-]+){0,5}):\s+(\S.*)$").expect("role prefix")
});
static TITLE_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[^.:;,()]{1,60}?)\.\s+(\p{Lu}.*)$").expect("title sentence")
});
static AS_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:As|as)\s+(?:an?\s+|the\s+)?([A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,6}?),?\s+(?:I|we)\s",
    )
    .expect("as role")
});
static I_AM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)I\s+(?:am|was|served as|worked as)\s+(?:the\s+|a\s+|an\s+)?((?:[\w/&-]+\s+){0,3}?[\w/&-]+)\s+(?:of|for|at|in|on|within)\s").expect("i am")
});

/// A position the entry's own prose states: "Project Manager: Led ...", "As Technical lead
/// for X I ...", "I am quality lead of ...".
fn position_from_prose(summary: &mut [String]) -> Option<String> {
    let first = summary.first_mut()?;
    // "Front-end - HTML, Sass, Rails": a short title, a dash, and the tools of the job.
    if let Some((title, tools)) = [" - ", " – ", " — "].iter().find_map(|d| first.split_once(d))
        && (1..=4).contains(&title.split_whitespace().count())
        && title.starts_with(char::is_uppercase)
        && !title.contains([',', '.', ':'])
        && tools.split(',').count() >= 3
        && tools.split(',').all(|t| t.split_whitespace().count() <= 3)
    {
        let role = title.trim().to_string();
        *first = tools.trim().to_string();
        return Some(role);
    }
    if let Some(c) = ROLE_PREFIX.captures(first)
        && role_score(&c[1]) > 0
    {
        let role = c[1].to_string();
        *first = c[2].to_string();
        return Some(role);
    }
    // "Glaze Chemist. Mixed the glazes ...": a title as the prose's first, verbless
    // sentence, led or closed by a title word.
    if let Some(c) = TITLE_SENTENCE.captures(first) {
        let words: Vec<&str> = c[1].split_whitespace().collect();
        let (lead, last) = (words[0], words[words.len() - 1]);
        if words.len() <= 7 && (role_score(lead) > 0 || role_score(last) > 0) {
            let role = c[1].to_string();
            *first = c[2].to_string();
            return Some(role);
        }
    }
    for p in summary.iter() {
        for re in [&*AS_ROLE, &*I_AM] {
            if let Some(c) = re.captures(p) {
                let role = c[1].trim().to_string();
                let last = role.split_whitespace().last().unwrap_or("");
                if role_score(&role) > 0
                    && (role_score(last) > 0 || re.as_str() == AS_ROLE.as_str())
                {
                    return Some(role);
                }
            }
        }
    }
    None
}

static ORG_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|and|&)){0,4})\s+(?:is|was|are|were)\s+(?:a|an|the|one)(?-u:\b)")
        .expect("org intro")
});
static ROLE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\w\s/-]{2,}?)\s+(?:at|with|for)\s+((?:[A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*){0,3})(?:\s+as\s+(?:an?\s+|the\s+)?([^.,;]+))?\.?$")
        .expect("role at")
});
const NOT_ORGS: &[&str] = &[
    "I", "It", "This", "That", "These", "Those", "My", "Our", "We", "He", "She", "They", "There",
    "Here", "What", "Which", "Its", "One", "Each", "Both", "The", "A", "An", "Upon", "During",
];

/// In prose without header lines: the employer a paragraph introduces, and a title if it
/// gives one ("Acme is a ...", "Contractor at Acme as an SRE.").
fn entry_start(p: &str) -> Option<(String, Option<String>)> {
    if p.split_whitespace().count() <= 14
        && let Some(c) = ROLE_AT.captures(p)
        // At most 60 characters before "at": counted here, as `{2,60}?` in the pattern would
        // compile sixty copies of the Unicode class. The shortest run is taken, so a longer
        // one means no run of 60 or fewer fits.
        && c[1].chars().count() <= 60
    {
        let prefix = c[1].to_lowercase();
        if role_score(&c[1]) > 0 || prefix.contains("employee") || prefix.contains("worked") {
            let title = c
                .get(3)
                .map(|m| m.as_str().trim().to_string())
                .or_else(|| (role_score(&c[1]) > 0).then(|| c[1].trim().to_string()));
            return Some((c[2].trim_end_matches('.').to_string(), title));
        }
    }
    let c = ORG_INTRO.captures(p)?;
    let org = c[1].to_string();
    let first = org.split_whitespace().next().unwrap_or("");
    (!NOT_ORGS.contains(&first)).then_some((org, None))
}

/// Reads a section (or a whole headingless resume) of prose: paragraphs before the first
/// entry are returned as the introduction.
fn prose_entries(units: Vec<Unit>) -> (Vec<String>, Vec<Entry>) {
    let mut intro = Vec::new();
    let mut out: Vec<Entry> = Vec::new();
    for u in units {
        match u {
            Unit::Prose(p) | Unit::Head(Head { text: p, .. }) => {
                let same =
                    |org: &str, e: Option<&Entry>| e.and_then(|e| e.name.as_deref()) == Some(org);
                let start =
                    entry_start(&p).filter(|(org, t)| t.is_some() || !same(org, out.last()));
                if let Some((org, title)) = start {
                    out.push(Entry {
                        name: Some(org),
                        position: title,
                        summary: vec![p],
                        ..Default::default()
                    });
                } else if let Some(e) = out.last_mut() {
                    e.summary.push(p);
                } else {
                    intro.push(p);
                }
            }
            Unit::Bullet(b) => match out.last_mut() {
                Some(e) => e.highlights.push(b),
                None => intro.push(b),
            },
        }
    }
    for e in &mut out {
        if e.position.is_none() {
            e.position = position_from_prose(&mut e.summary[1..]);
        }
    }
    (intro, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::{from_markdown, from_plain};

    fn brief(e: &Entry) -> String {
        let d = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        format!(
            "{}|{}|{}|{}..{}",
            e.name.as_deref().unwrap_or(""),
            e.position.as_deref().unwrap_or(""),
            e.location.as_deref().unwrap_or(""),
            d(e.start),
            d(e.end)
        )
    }

    #[test]
    fn an_undated_label_of_another_shape_groups_the_dated_entrys_bullets() {
        // Entries open at bold dated lines; a heading without dates names a group of the
        // first job's bullets, and the next bold dated line is the next job.
        let md = "**Engineer, Acme Corp, 2019 – 2021**\n\nRan the kilns.\n\n#### Northwind Rail contract\n\n- Laid the glaze line.\n- Tuned the firing robot.\n\n**Chemist, Globex, 2016 – 2019**\n\n- Mixed glazes.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Acme Corp|Engineer||2019..2021", "Globex|Chemist||2016..2019"]);
        assert_eq!(e[0].highlights, ["Laid the glaze line.", "Tuned the firing robot."]);
        assert_eq!(e[0].summary, ["Ran the kilns."]);
    }

    #[test]
    fn an_undated_heading_in_a_dated_jobs_container_is_part_of_that_job() {
        // The project heading has the employer's level, but it sits in the employer's
        // container and carries no dates: it groups that job's bullets.
        let html = "<html><body><h2>Experience</h2>\n<div class=\"job\"><h3>Acme Corp</h3><p>Kiln Engineer</p><p>2019 – 2021</p><h3>Glaze line</h3><ul><li>Laid the glaze line.</li></ul></div>\n<div class=\"job\"><h3>Globex</h3><p>Glaze Chemist</p><p>2016 – 2019</p><h3>Colour lab</h3><ul><li>Mixed glazes.</li></ul></div>\n</body></html>\n";
        let lines: Vec<Line> =
            from_plain(html).into_iter().filter(|l| l.heading != Some(2)).collect();
        let (_, e) = read(&lines);
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            ["Acme Corp|Kiln Engineer||2019..2021", "Globex|Glaze Chemist||2016..2019"]
        );
        assert_eq!(e[0].highlights, ["Laid the glaze line."]);
        assert_eq!(e[1].highlights, ["Mixed glazes."]);
    }

    #[test]
    fn what_one_of_several_containers_holds_is_one_entry_dated_or_not() {
        let job = |org: &str, title: &str, project: &str, done: &str| {
            format!(
                "<div class=\"job\"><h3>{org}</h3><p>{title}</p><h3>{project}</h3><ul><li>{done}</li></ul></div>\n"
            )
        };
        let html = format!(
            "<html><body>\n{}{}</body></html>\n",
            job("Acme Corp", "Kiln Engineer", "Glaze line", "Laid the glaze line."),
            job("Globex", "Glaze Chemist", "Colour lab", "Mixed glazes.")
        );
        let (_, e) = read(&from_plain(&html));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Acme Corp|Kiln Engineer||..", "Globex|Glaze Chemist||.."]);
        assert_eq!(e[1].highlights, ["Mixed glazes."]);
        // One container around the whole list says nothing about where an entry ends.
        let one = "<html><body><div class=\"box\"><h3>Acme Corp</h3><p>Kiln Engineer</p><ul><li>Fired kilns.</li></ul><h3>Globex</h3><p>Glaze Chemist</p><ul><li>Mixed glazes.</li></ul></div><div class=\"box\"><p>Tea</p><p>Chess</p></div></body></html>\n";
        let (_, e) = read(&from_plain(one));
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn dates_set_before_each_heading_open_that_entry_not_end_the_one_above() {
        let md = "2019 – 2021\n\n### Acme Corp\n\nKiln Engineer\n\n- Fired kilns.\n\n2016 – 2019\n\n### Globex\n\nGlaze Chemist\n\n- Mixed glazes.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            ["Acme Corp|Kiln Engineer||2019..2021", "Globex|Glaze Chemist||2016..2019"]
        );
        assert!(e[0].summary.is_empty(), "{:?}", e[0].summary);
        // Where entries open at their heading, a short line before the next heading still
        // ends the entry above.
        let md = "### Acme Corp\n\nKiln Engineer, 2019 – 2021\n\n- Fired kilns.\n\n_Forth, Ada_\n\n### Globex\n\nGlaze Chemist, 2016 – 2019\n";
        let (_, e) = read(&from_markdown(md));
        assert_eq!(e[0].summary, ["Forth, Ada"]);
    }

    #[test]
    fn an_undated_entry_shaped_like_the_dated_ones_stays_an_entry() {
        // A job without dates opened like the others is a job, and a title under a dated
        // job is a role of its own, however it is set.
        let md = "### Engineer, Acme Corp (2019 – 2021)\n\n- Built kilns.\n\n### Plant Manager, Globex\n\n- Mixed glazes.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Acme Corp|Engineer||2019..2021", "Globex|Plant Manager||.."]);
    }

    #[test]
    fn a_line_of_tools_under_an_entry_is_its_text_not_a_new_entry() {
        let md = "**Kiln Engineer at Acme** in Springfield (2 years)\n\nRan the kilns of the east plant.\n\nForth, Ada, Lisp | Trac\n\n- Cut firing time.\n\n**Glaze Chemist at Globex** in Shelbyville (1 year)\n\nMixed glazes.\n\nCobol, Algol, Simula | Trac\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Acme|Kiln Engineer||..", "Globex|Glaze Chemist||.."]);
        assert!(bare_list("Forth, Ada, Lisp | Trac"));
        assert!(!bare_list("Kiln Engineer, Acme, Springfield, Ohio"));
        assert!(!bare_list("Acme, Springfield, Ohio, 2019 - 2021"));
    }

    #[test]
    fn academic_one_liners_are_entries_however_long_their_remark_or_wrapped_before_dates() {
        // Each item names title, unit, institution and dates; a bracketed remark makes one
        // long, another wraps before its dates: both are entries of their own, not highlights.
        let md = "- Head Kiln Curator (Chief Potter), Hall of Glazes, Northwind University, May 2019 (tenured post).\n- Glaze Studio Lecturer (made Senior Lecturer of the Studio and Head of the Evening School in 2016), Hall of Experimental Glazes, University of Northwind, June 2014–April 2019.\n- Junior Kiln Researcher, Hall of Glazes, Northwind University,\n  January 2010–May 2014.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwind University|Head Kiln Curator (Chief Potter)||2019-05..2019-05",
                "University of Northwind|Glaze Studio Lecturer (made Senior Lecturer of the Studio and Head of the Evening School in 2016)||2014-06..2019-04",
                "Northwind University|Junior Kiln Researcher||2010-01..2014-05",
            ]
        );
        assert!(e.iter().all(|x| x.highlights.is_empty()));
    }

    #[test]
    fn a_dated_one_liner_wrapped_right_after_its_dates_is_still_one() {
        // "Employer – Title (dates): description" items whose description wraps after a word:
        // each item is an entry, the wrapped words its summary.
        let plain = "- Initech Ltda. – Kiln Engineer (2011–2017): Fired\n  the glazes of the east plant.\n- Globex – Studio Manager (2009–2011): Opened the\n  second workshop in Shelbyville.\n";
        let (_, e) = read(&from_plain(plain));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            ["Initech Ltda.|Kiln Engineer||2011..2017", "Globex|Studio Manager||2009..2011"]
        );
        assert_eq!(e[0].summary.join(" "), "Fired the glazes of the east plant.");
    }

    #[test]
    fn periods_listed_on_one_line_span_from_first_to_last() {
        let (_, e) = read(&from_plain(
            "Initech\n\nContract Developer\n\nMarch 2012 - May 2013 , June 2015 - Present\n\n- Built the thing.\n",
        ));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Initech|Contract Developer||2012-03.."]);
    }

    #[test]
    fn list_items_holding_employer_dates_and_title_paragraphs_are_entries() {
        // A list of jobs, each item with its employer, its dates and its title as paragraphs,
        // and a bullet that only names the group of bullets nested in it.
        let md = "- Vandelay Industries - Latex Import Division\n\n  2015 - present\n\n  **Senior Buyer**\n\n  * Led the latex account.\n\n  * Tooling:\n\n    * Wrote the order tracker.\n    * Kept the ledgers.\n\n- Pendant Publishing\n\n  2011 - 2014\n\n  **Editor**\n\n  * Edited the coffee-table book.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Vandelay Industries - Latex Import Division|Senior Buyer||2015..",
                "Pendant Publishing|Editor||2011..2014"
            ]
        );
        assert_eq!(
            e[0].highlights,
            ["Led the latex account.", "Wrote the order tracker.", "Kept the ledgers."]
        );
    }

    #[test]
    fn dated_one_line_bullets_closed_by_a_full_stop_are_entries() {
        // Posts one per bullet: title (with a remark that holds a year), unit, institution,
        // dates, and a full stop.
        let md = "## Employment\n\n- Lead Chemist (team lead from 2021), Assay Unit, Northwind University, March 2017--present.\n- Chemist, Assay Unit, Northwind University, October 2013--February 2017.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwind University|Lead Chemist (team lead from 2021)||2017-03..",
                "Northwind University|Chemist||2013-10..2017-02"
            ]
        );
    }

    #[test]
    fn a_year_inside_a_bracketed_remark_leaves_the_bullet_a_highlight() {
        let md = "### Web Developer, Pendant Publishing (2011 - 2013)\n\n- site.example (design for the 2011 edition, CMS)\n- shop.example (theme)\n";
        let (_, e) = read(&from_markdown(md));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].highlights,
            ["site.example (design for the 2011 edition, CMS)", "shop.example (theme)"]
        );
    }

    #[test]
    fn a_town_in_brackets_after_the_employer_is_the_place() {
        let org = "* Experience\n** Acme Widgets (Jan/2015 - Mar/2016) (Vila Serena)\nKiln Engineer\n** Globex (2011 - 2013) (Campo de Lume)\nKiln Engineer\n** Umbrella Beach Club (UBbC) (2009 - 2010)\nKiln Engineer\n";
        let doc = crate::parse::read::document(org, Some(crate::parse::read::Markup::Org));
        let (_, e) = read(&super::super::lines::lines(&doc));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Acme Widgets|Kiln Engineer|Vila Serena|2015-01..2016-03",
                "Globex|Kiln Engineer|Campo de Lume|2011..2013",
                "Umbrella Beach Club (UBbC)|Kiln Engineer||2009..2010",
            ]
        );
    }

    #[test]
    fn a_spanish_legal_form_after_a_comma_stays_with_the_employer() {
        let md = "## Experience\n\n2006 - 2007\n:   ACME, S.L.\n\n    Research Consultant\n";
        let (_, e) = read(&from_markdown(md));
        assert_eq!(e.first().and_then(|e| e.name.as_deref()), Some("ACME, S.L."), "{e:?}");
    }

    #[test]
    fn a_hyphenated_title_is_the_title_beside_the_employer() {
        let (_, e) = read(&from_plain(
            "ML-engineer — Northwind University | November 2023 – September 2024\n- Trained models.\n",
        ));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Northwind University|ML-engineer||2023-11..2024-09"]);
    }

    #[test]
    fn a_title_as_the_first_sentence_of_the_prose_is_the_position() {
        let md = "## Experience\n\n2002 - 2006\n:   Universidad de Northwind, Centro de Lógica Aplicada\n\n_Investigador asociado_. Planned the thesis and its experiments.\n\n2007 - 2008\n:   Globex\n\nMaintained servers. Wrote the backup scripts.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Universidad de Northwind, Centro de Lógica Aplicada|Investigador asociado||2002..2006",
                "Globex|||2007..2008",
            ]
        );
        assert_eq!(e[0].summary, ["Planned the thesis and its experiments."]);
    }

    #[test]
    fn a_wrapped_item_in_a_description_argument_stays_one_highlight() {
        let tex = "\\documentclass{moderncv}\n\\name{Jane}{Roe}\n\\begin{document}\n\\section{Experience}\n\\cventry{2017--2018}{Kiln Engineer}{Acme}{Springfield}{}{\\begin{itemize}\n\\item Built a tool that reads the kiln meters\n  by radio and stores them.\n\\item Kept the plant running.\n\\end{itemize}}\n\\end{document}\n";
        let doc = crate::parse::read::document(tex, Some(crate::parse::read::Markup::Latex));
        let (_, e) = read(&super::super::lines::lines(&doc));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].summary.is_empty(), "{e:?}");
        let joined: Vec<String> = e[0]
            .highlights
            .iter()
            .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            joined,
            [
                "Built a tool that reads the kiln meters by radio and stores them.",
                "Kept the plant running."
            ]
        );
    }

    #[test]
    fn of_two_untitled_slots_the_one_naming_no_organisation_is_the_title() {
        let (_, e) = read(&from_plain(
            "Pilot Survey | Northwind Universitat | Springfield | 2020 - 2021\n- Calibrated the sensors.\n",
        ));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].name.as_deref(), Some("Northwind Universitat"), "{e:?}");
        assert_eq!(e[0].position.as_deref(), Some("Pilot Survey"), "{e:?}");
    }

    #[test]
    fn a_legal_form_after_a_comma_stays_with_the_employer() {
        let md = "## Experience\n\n*Night Operator* -- Kramerica, Inc, Springfield OR 2/2006-7/2007\n\n- Kept the lights on.\n\n*Buyer* -- Vandelay, Ltd., Shelbyville 6/1999-Pres\n\n- Bought latex.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Kramerica, Inc|Night Operator|Springfield OR|2006-02..2007-07",
                "Vandelay, Ltd.|Buyer|Shelbyville|1999-06..",
            ]
        );
    }

    #[test]
    fn an_arrow_separates_the_parts_of_a_header() {
        let md = "## Experience\n\n### Vandelay -> Mar 2002 - Present; Shelbyville, IT\n\n*Latex Buyer*\n\n- Bought latex.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Vandelay|Latex Buyer|Shelbyville, IT|2002-03.."]);
    }

    #[test]
    fn the_word_that_introduces_a_title_is_no_part_of_it() {
        let (_, e) = read(&from_plain(
            "* 2 years as Platform Captain at Initech from 2014 to 2016\n\n* 3 years as Developer at Globex from 2011 to 2014\n",
        ));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Initech|Platform Captain||2014..2016", "Globex|Developer||2011..2014"]);
    }

    #[test]
    fn a_legal_form_stays_with_its_name() {
        assert_eq!(comma_parts("Initech, Inc., Springfield"), ["Initech, Inc.", "Springfield"]);
        assert_eq!(comma_parts("Engineer, Globex, LLC"), ["Engineer", "Globex, LLC"]);
        assert_eq!(comma_parts("Acme"), ["Acme"]);
    }

    #[test]
    fn company_date_title_lines() {
        let t = "Initech\n2016-Present\nSenior Manager, Billing Platforms\nI lead a team that is responsible for billing platforms and other things at Initech.\nGlobex\n2008-2011\nHead of Support & IT (2010-2011)\nMobile App Engineer (2008-2010)\nAs the head of support I kept the site online and did many other things for the company.\nPrior to this, I was a mobile engineer building features for the product.\nAcme, Inc.\nSummer Intern, Release Engineering\n";
        let (_, e) = read(&from_plain(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Initech|Senior Manager, Billing Platforms||2016..",
                "Globex|Head of Support & IT||2010..2011",
                "Globex|Mobile App Engineer||2008..2010",
                "Acme, Inc.|Summer Intern, Release Engineering||..",
            ]
        );
        assert_eq!(e[2].summary.len(), 1);
    }

    #[test]
    fn the_title_like_slot_a_place_follows_is_the_employer() {
        let md = "**Independent Tutor,** Dover, DE — *Maths Tutor*\n\nJune 2021 - May 2022\n\nHelped students.\n\n**Freelance Designer,** Lyon, France — *Illustrator*\n\n2019 - 2020\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Independent Tutor|Maths Tutor|Dover, DE|2021-06..2022-05",
                "Freelance Designer|Illustrator|Lyon, France|2019..2020",
            ]
        );
    }

    #[test]
    fn markdown_title_at_company_and_bold_title_lines() {
        let md = "### Team Lead at Umbrella (1.5 years)\n\nLed things.\n\n#### Achievements\n* Did a thing\n\n- **VP, Chief Scientist** October 2019 - Present\nHooli Systems Springfield, IL\n - Managed people\n\n- **Staff Engineer**\n\nMarch 2016 - October 2019\n\nHooli Systems\n\nSpringfield, IL\n\n- Built stuff\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Umbrella|Team Lead||..",
                "Hooli Systems|VP, Chief Scientist|Springfield, IL|2019-10..",
                "Hooli Systems|Staff Engineer|Springfield, IL|2016-03..2019-10",
            ]
        );
        assert_eq!(e[0].highlights, ["Did a thing"]);
        assert_eq!(e[1].highlights, ["Managed people"]);
    }

    #[test]
    fn a_separator_inside_a_bold_span_beside_a_place_parts_title_and_employer() {
        let md = "**Head of Sales – Brightwater Ltd** | Leeds, UK (2015–2019)\n\n* Grew sales.\n\n**Baker – Deputy Head** | Crumb & Co (2010–2015)\n\n* Baked.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Brightwater Ltd|Head of Sales|Leeds, UK|2015..2019",
                "Crumb & Co|Baker – Deputy Head||2010..2015",
            ]
        );
    }

    #[test]
    fn a_short_title_and_the_tools_of_the_job_under_an_employer_heading() {
        let md = "### Acme (2019 - 2021)\n\nGlazer - Kilns, Glaze mills, Pug mills, Wheels\n\n### Globex (2016 - 2019)\n\nFired the big kiln every week - with care, patience, luck and skill.\n";
        let (_, e) = read(&from_markdown(md));
        assert_eq!(e[0].position.as_deref(), Some("Glazer"));
        assert_eq!(e[0].summary, ["Kilns, Glaze mills, Pug mills, Wheels"]);
        // A sentence before the dash is no title.
        assert_eq!(e[1].position, None);
    }

    #[test]
    fn an_emphasised_employer_after_at_inside_the_line() {
        let md = "Internship at **Globex**, Oslo. 2015 - 2019\n\n- Glazed pots.\n\nKiln Engineer at **Acme**, Bergen. 2013 - 2015\n\n- Fired pots.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            ["Globex|Internship|Oslo|2015..2019", "Acme|Kiln Engineer|Bergen|2013..2015"]
        );
    }

    #[test]
    fn a_bracket_holding_a_known_place_is_the_place() {
        let md = "### Acme (2011 - 2012) (Kraków)\n\n* Fired pots.\n\n### Globex (2008 - 2011) - (Oslo / Bergen)\n\n* Glazed.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<(Option<&str>, Option<&str>)> =
            e.iter().map(|e| (e.name.as_deref(), e.location.as_deref())).collect();
        assert_eq!(got, [(Some("Acme"), Some("Kraków")), (Some("Globex"), Some("Oslo / Bergen")),]);
    }

    #[test]
    fn an_abbreviation_in_a_barred_header_ends_no_sentence() {
        let md = "Web Developer | April 2022 – December 2024 | Acme Jr. | Lisbon\n\n* Built sites.\n\nAnalyst | January 2020 – March 2022 | Globex Inc. | Porto\n\n* Read data.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Acme Jr.|Web Developer|Lisbon|2022-04..2024-12",
                "Globex Inc.|Analyst|Porto|2020-01..2022-03",
            ]
        );
        assert!(sentence_break("Led the team. Cut costs"));
        assert!(!sentence_break("Acme Jr. | Lisbon"));
        assert!(!sentence_break("J. Roe Consulting | Lisbon"));
    }

    #[test]
    fn the_place_beside_the_dates_under_the_job_line_is_the_location() {
        let md = "### Welder at Forge Works\n\n*03.2018 - present* | Remote job\n\n* Welded.\n\n### Engineer at Anvil Ltd\n\n*05.2015 - 02.2018* | Bergen\n\n* Fitted.\n\n**Smelt Co** — *Technician*  \n *Jan 2012 – Apr 2015* (Remote & Onsite)\n\n* Cast.\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Forge Works|Welder|Remote job|2018-03..",
                "Anvil Ltd|Engineer|Bergen|2015-05..2018-02",
                "Smelt Co|Technician|Remote & Onsite|2012-01..2015-04",
            ]
        );
    }

    #[test]
    fn a_short_line_before_the_next_heading_ends_the_entry_above() {
        let md = "### 2019 - 2022: Head Gardener, Green Acres Ltd\n\nKept the lawns.\n\n_Mowers, Shears_\n\n### 2015 - 2019: Sales Assistant, bLoom GmbH\n\nTied bouquets.\n\n_Ribbons, Wire_\n";
        let (_, e) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            ["Green Acres Ltd|Head Gardener||2019..2022", "bLoom GmbH|Sales Assistant||2015..2019"]
        );
        assert_eq!(e[0].summary, ["Kept the lawns.", "Mowers, Shears"]);
        assert_eq!(e[1].summary, ["Tied bouquets.", "Ribbons, Wire"]);
    }

    #[test]
    fn a_city_region_country_line_under_a_titled_heading_is_the_whole_location() {
        let t = "### Engineer — Acme\n**Graz, Styria, Austria**  \n_Jan 2020 – Present_  \nBuilt things.\n\n### Analyst — Globex\n**Lyon, Rhône, France**  \n_Jan 2018 – Dec 2019_  \nCounted things.\n";
        let (_, e) = read(&from_markdown(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Acme|Engineer|Graz, Styria, Austria|2020-01..",
                "Globex|Analyst|Lyon, Rhône, France|2018-01..2019-12",
            ]
        );
    }

    #[test]
    fn bold_group_labels_under_a_heading_entry_keep_its_bullets() {
        let t = "### Acme | Kiln Engineer\n\n2019 - 2022 | Springfield\n\n**Context:** Ran the build farm.\n\n**1. Build & Release**\n- Cut release time in half\n- Wrote the deploy scripts\n\n**2. Mentoring**\n- Coached two interns\n\n### Globex | Support Agent\n\n2017 - 2019 | Shelbyville\n\nAnswered the phones.\n";
        let (_, e) = read(&from_markdown(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Acme|Kiln Engineer|Springfield|2019..2022",
                "Globex|Support Agent|Shelbyville|2017..2019"
            ]
        );
        assert_eq!(
            e[0].highlights,
            ["Cut release time in half", "Wrote the deploy scripts", "Coached two interns"]
        );
    }

    #[test]
    fn numbered_employer_headings_with_positions_below() {
        let t = "1.3.1 Vandelay, Remote\n\n1.3.1.1 Platform Specialist (2014-present)\n\nI did platform things for a long time at this place.\n\n1.3.1.2 Director of Exports (2011-2014)\n\nI directed imports for the company.\n\n1.3.2 Kramerica, Seattle, USA (2002-2006)\n\nSenior Tools Engineer\n\nI engineered.\n";
        let (_, e) = read(&from_markdown(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Vandelay|Platform Specialist|Remote|2014..",
                "Vandelay|Director of Exports|Remote|2011..2014",
                "Kramerica|Senior Tools Engineer|Seattle, USA|2002..2006",
            ]
        );
    }

    #[test]
    fn institutes_for_and_of_are_one_employer() {
        let t = "2021 – present   Senior Research Scientist, Institute for Applied Physics of the University of Northwick\n2017 – 2021      Research Assistant, Chair for Technical Acoustics, Technical University of Southby\n2015 - 2017 Software Engineer for Initech\n";
        let (_, e) = read(&from_plain(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            e[0].name.as_deref(),
            Some("Institute for Applied Physics of the University of Northwick")
        );
        assert_eq!(e[0].position.as_deref(), Some("Senior Research Scientist"));
        assert_eq!(e[1].name.as_deref(), Some("Technical University of Southby"));
        assert_eq!(e[1].position.as_deref(), Some("Research Assistant"));
        assert_eq!(e[2].name.as_deref(), Some("Initech"));
        assert_eq!(e[2].position.as_deref(), Some("Software Engineer"));
    }

    #[test]
    fn a_comma_inside_brackets_does_not_split_an_employer() {
        let t = "2019 – 2021   Kiln Technician, Centre for Ceramics (North Campus, East Wing)\n2015 – 2019   Glaze Chemist, Institute for Clay Studies (ICS, Northfield)\n";
        let (_, e) = read(&from_plain(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(e[0].name.as_deref(), Some("Centre for Ceramics (North Campus, East Wing)"));
        assert_eq!(e[0].position.as_deref(), Some("Kiln Technician"));
        assert_eq!(e[1].name.as_deref(), Some("Institute for Clay Studies (ICS, Northfield)"));
        assert_eq!(e[1].position.as_deref(), Some("Glaze Chemist"));
    }

    #[test]
    fn employers_in_their_towns() {
        let t = "### Northfield Municipality in Springfield\n2017 - 2020\n\nBiology Teacher\n\n### Bridge Survey Project in Lakeside (North Site)\n2011\n\nSurveyor\n";
        let (_, e) = read(&from_markdown(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(e[0].name.as_deref(), Some("Northfield Municipality"), "{got:?}");
        assert_eq!(e[0].location.as_deref(), Some("Springfield"));
        assert_eq!(e[1].name.as_deref(), Some("Bridge Survey Project"));
        assert_eq!(e[1].location.as_deref(), Some("Lakeside (North Site)"));
        assert_eq!(e[1].position.as_deref(), Some("Surveyor"));
    }

    #[test]
    fn a_run_of_one_line_entries_is_one_entry_each() {
        let t = "Acme Kilns | Lead Potter | 2019 - 2021\n- Fired the big kiln\n\nEarlier positions\nGlobex Ltd. | Potter (Glaze line) – Mixed glazes, kept the logs and trained two apprentices (2015 – 2018).\nInitech – Clerk (2013–2015): Filed orders and answered the phone.\n\nMore\n- Hooli Ltda. – Potter (2010–2012): Threw pots for the\n  Northwind University shop.\n- Vandelay SpA. – Clerk (2009): Kept the books\n  and the keys.\n";
        let (_, e) = read(&from_plain(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(e[0].highlights, ["Fired the big kiln"]);
        assert_eq!(e[1].name.as_deref(), Some("Globex Ltd."), "{got:?}");
        assert_eq!(e[1].position.as_deref(), Some("Potter (Glaze line)"), "{got:?}");
        assert_eq!(e[1].start.map(|d| d.to_string()).as_deref(), Some("2015"));
        assert_eq!(e[1].end.map(|d| d.to_string()).as_deref(), Some("2018"));
        assert_eq!(e[1].summary, ["Mixed glazes, kept the logs and trained two apprentices"]);
        assert_eq!(e[2].name.as_deref(), Some("Initech"), "{got:?}");
        assert_eq!(e[2].position.as_deref(), Some("Clerk"));
        assert_eq!(e[2].summary, ["Filed orders and answered the phone."]);
        // Bulleted one-liners that wrap, after employers with a legal form that ends in a
        // period.
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(e[3].name.as_deref(), Some("Hooli Ltda."), "{got:?}");
        assert_eq!(e[3].summary, ["Threw pots for the Northwind University shop."]);
        assert_eq!(e[4].name.as_deref(), Some("Vandelay SpA."), "{got:?}");
        assert_eq!(e[4].start.map(|d| d.to_string()).as_deref(), Some("2009"));
    }

    #[test]
    fn titles_in_other_languages_split_from_employers() {
        let t = "Sviluppatrice full stack presso Appennino Tech S.r.l., Bologna\nDa maggio 2021 a oggi\n- Sviluppo\n\nIngénieure logiciel — Rhône Avionique SAS, Villeurbanne\nSeptembre 2020 – aujourd'hui\n- Vol\n\nProjectleider ICT | Gemeente Vleuten | 2019 - heden\n";
        let (_, e) = read(&from_plain(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(e[0].name.as_deref(), Some("Appennino Tech S.r.l."), "{got:?}");
        assert_eq!(e[0].position.as_deref(), Some("Sviluppatrice full stack"));
        assert_eq!(e[0].location.as_deref(), Some("Bologna"));
        assert_eq!(e[0].start.map(|d| d.to_string()).as_deref(), Some("2021-05"));
        assert_eq!(e[0].end, None);
        assert_eq!(e[1].position.as_deref(), Some("Ingénieure logiciel"));
        assert_eq!(e[1].name.as_deref(), Some("Rhône Avionique SAS"));
        assert_eq!(e[2].position.as_deref(), Some("Projectleider ICT"));
        assert_eq!(e[2].name.as_deref(), Some("Gemeente Vleuten"));
    }

    #[test]
    fn prose_sentences_introduce_employers() {
        let t = "I am an engineer with many years of experience in many things.\nConsultant at Hooli as an SRE.\nGlobex is a regional freight carrier.\nI am quality lead of a platform team doing many things.\n";
        let (intro, e) = read(&from_plain(t));
        assert_eq!(intro.len(), 1);
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Hooli|SRE||..", "Globex|quality lead||.."]);
    }
    #[test]
    fn a_note_in_brackets_after_the_employer_is_no_part_of_its_name() {
        let t = "Feb 2019-present: Analyst, Data Unit, Northwind (mostly working in SQL and R)\n- Built the weekly report.\nMar 2015-Jan 2019: Clerk, Southwind (Holdings) Ltd\n- Filed things.\n";
        let (_, e) = read(&from_markdown(t));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            ["Northwind|Analyst||2019-02..", "Southwind (Holdings) Ltd|Clerk||2015-03..2019-01"]
        );
    }
    #[test]
    fn a_section_of_bullets_alone_is_one_unnamed_entry() {
        let (intro, e) = read(&from_markdown("- Kept the lamp lit.\n- Logged every ship.\n"));
        assert!(intro.is_empty(), "{intro:?}");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].highlights, ["Kept the lamp lit.", "Logged every ship."]);
        assert!(e[0].name.is_none() && e[0].position.is_none());
    }

    #[test]
    fn one_line_roles_name_title_and_body() {
        let items: Vec<String> = [
            "Youth coach at Northwood Rowing Club, running weekly sessions for children.",
            "Treasurer, Eastfield Student Union, 2015 - 2016. Kept the books for two years.",
            "Member of the Kiln Users Group since 2010",
            "Competitive rowing cox",
        ]
        .map(String::from)
        .to_vec();
        let got: Vec<String> =
            one_line_roles(&items).unwrap_or_default().iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood Rowing Club|Youth coach||..",
                "Eastfield Student Union|Treasurer||2015..2016",
                "Kiln Users Group|Member||2010..",
                "|Competitive rowing cox||..",
            ]
        );
    }
}
