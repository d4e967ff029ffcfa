//! The date grammar: finds dates and date ranges inside a line of resume text.
//!
//! Accepts month names and abbreviations (English, German, French, Spanish, Italian, Dutch,
//! Portuguese), seasons, `09/2015`,
//! `2015.09`, ISO dates, `'07`, and ranges joined by dashes, "to", "until" and friends, with
//! "Present"/"now"/"current"/"today" (or nothing: `2018-`) as an open end. Durations such as
//! "(1.5 years)" are recognised so callers can drop them: they are not dates.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::PartialDate;

/// A date or a range of dates found in a text, with where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    pub start: PartialDate,
    /// `None` for a single date or an open range.
    pub end: Option<PartialDate>,
    /// A range ending in "Present" (or nothing): the item is ongoing.
    pub open: bool,
    /// Byte range of the whole span in the searched text.
    pub at: Range<usize>,
}

impl DateSpan {
    /// Whether the text gave one date only (no range).
    pub fn is_single(&self) -> bool {
        self.end.is_none() && !self.open
    }
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries keep the pattern within what the fast DFA engines run.
    let pattern = r"(?xi)
        \b(?P<season>spring|summer|fall|autumn|winter)\s+(?P<sy>(?:19|20)\d{2})\b
      | \b(?P<mon>\p{L}{3,10})\.?,?\s+(?:(?:of|de|del)\s+)?(?P<my>(?:19|20)\d{2}\b|'\d{2}\b)
      | \b(?P<yy>(?:19|20)\d{2}),\s*(?P<ym>\p{L}{3,10})\b
      | \b(?P<iy>(?:19|20)\d{2})[-/.](?P<im>\d{1,2})(?:[-/.](?P<id>\d{1,2}))?\b
      | \b(?P<dd>\d{1,2})[./](?P<dm>\d{1,2})[./](?P<dy>(?:19|20)\d{2})\b
      | \b(?P<nm>\d{1,2})[/.-](?P<ny>(?:19|20)\d{2})\b
      | (?:^|[^\w'’])(?P<q>['’]\d{2})\b
      | \b(?P<y>(?:19|20)\d{2})\b";
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("date pattern")
});

/// What may stand between the two ends of a range.
static JOINER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:[-‐‑‒–—―−~]+|>|→|to|until|till|through|thru|bis|au|à|a|ad|al|hasta|tot|até|t/m)\s*$")
        .expect("joiner pattern")
});

/// An ongoing end, right after a joiner.
static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:[-‐‑‒–—―−~]+|to|until|till|through|bis|à|au|a|ad|al|hasta|tot|até)\s*(?:the\s+)?(?:la\s+|el\s+)?(present|now|current(?:ly)?|today|ongoing|date|heute|aujourd['’]hui|actuel(?:lement)?|jetzt|actualidad|actualmente|presente|hoy|fecha|oggi|attuale|in\s+corso|heden|nu|huidig|atual|atualmente|hoje)(?:\b|$)",
    )
    .expect("present pattern")
});

/// An open range written as a trailing dash: `2018-` or `2018 –`.
static OPEN_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-–—]\s*(?:$|[),;|])").expect("open dash pattern"));

/// "since 2018", "from 2018": a start without an end.
static SINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:since|seit|depuis|desde|dal|sinds|vanaf)\s*$").expect("since pattern")
});

/// "from", right before a range that it opens.
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(?:from|von|vom|de|du|da|dal|desde|van|vanaf|dès|des)\s+$")
        .expect("from pattern")
});

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\(?\s*\d+(?:[.,]\d+)?\+?\s*(?:years?|yrs?|months?|mos?|weeks?)(?:\s*(?:and\s*)?\d+\s*(?:months?|mos?))?\s*\)?",
    )
    .expect("duration pattern")
});

/// The month a word names, in English, German, French, Spanish, Italian, Dutch or Portuguese,
/// full or abbreviated.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    const MONTHS: [&[&str]; 12] = [
        &[
            "jan", "january", "januar", "janvier", "jänner", "enero", "ene", "gennaio", "gen",
            "januari", "janeiro",
        ],
        &[
            "feb",
            "february",
            "februar",
            "février",
            "fevrier",
            "fév",
            "fev",
            "febrero",
            "febbraio",
            "februari",
            "fevereiro",
        ],
        &[
            "mar", "march", "märz", "maerz", "mars", "mär", "marzo", "maart", "mrt", "março",
            "marco",
        ],
        &["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
        &["may", "mai", "mayo", "maggio", "mag", "mei", "maio"],
        &["jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho"],
        &["jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
        &["aug", "august", "août", "aout", "agosto", "ago", "augustus"],
        &[
            "sep",
            "sept",
            "september",
            "septembre",
            "septiembre",
            "setiembre",
            "settembre",
            "set",
            "setembro",
        ],
        &["oct", "october", "okt", "oktober", "octobre", "octubre", "ottobre", "ott", "outubro"],
        &["nov", "november", "novembre", "noviembre", "novembro"],
        &[
            "dec",
            "december",
            "dez",
            "dezember",
            "décembre",
            "decembre",
            "déc",
            "diciembre",
            "dicembre",
            "dic",
            "dezembro",
        ],
    ];
    MONTHS.iter().position(|names| names.contains(&w.as_str())).map(|i| i as u8 + 1)
}

/// One date token: the date and its byte range.
fn next_date(text: &str, from: usize) -> Option<(PartialDate, Range<usize>)> {
    // Every date form has digits; most lines have none.
    if !text.as_bytes().get(from..)?.iter().any(u8::is_ascii_digit) {
        return None;
    }
    let mut pos = from;
    // Each retry starts one character later; a word is at most 10 letters, so this is bounded
    // by the text length and every step is a linear regex search.
    while pos <= text.len() {
        let found = DATE.find_at(text, pos)?;
        let caps = DATE.captures_at(text, found.start())?;
        let whole = caps.get(0)?;
        if let Some(d) = date_from(&caps) {
            let start = caps.name("q").map_or(whole.start(), |q| q.start());
            return Some((d, start..whole.end()));
        }
        // Not a date after all ("Since 2013", "University, 2013.09"): search again from the
        // year, which may start a date of another form.
        pos = match caps.name("my") {
            Some(y) if y.start() > whole.start() => y.start(),
            _ => next_char(text, whole.start()),
        };
    }
    None
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(text.len() + 1, |c| at + c.len_utf8())
}

fn year(s: &str) -> Option<PartialDate> {
    let s = s.trim_start_matches(['\'', '’']);
    let y: u16 = s.parse().ok()?;
    let y = if s.len() == 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y };
    crate::model::is_valid_year(y).then(|| PartialDate::year(y))
}

fn with_month(y: PartialDate, month: u8) -> Option<PartialDate> {
    (1..=12).contains(&month).then(|| PartialDate::month(y.year, month))
}

fn date_from(c: &regex::Captures) -> Option<PartialDate> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u8>().ok());
    if let Some(y) = c.name("sy") {
        return year(y.as_str());
    }
    if let (Some(m), Some(y)) = (c.name("mon"), c.name("my")) {
        // "Universidad del Mar, 2011", "Cape May, 2009": an abbreviation cut off from the year
        // by a comma ends a name; a month written that way is spelled out ("March, 2011").
        let whole = c.get(0)?;
        let between = &whole.as_str()[m.end() - whole.start()..y.start() - whole.start()];
        if between.contains(',') && m.as_str().chars().count() <= 3 {
            return None;
        }
        return with_month(year(y.as_str())?, month_number(m.as_str())?);
    }
    if let (Some(y), Some(m)) = (c.name("yy"), c.name("ym")) {
        return with_month(year(y.as_str())?, month_number(m.as_str())?);
    }
    if let Some(y) = c.name("iy") {
        let y = year(y.as_str())?;
        let m = num("im")?;
        // "2010-11" is more often an academic year than November.
        if c.name("id").is_none() && u16::from(m) == (y.year % 100 + 1) % 100 {
            return Some(y);
        }
        return match num("id") {
            Some(d) => PartialDate::day(y.year, m, d).or_else(|| with_month(y, m)),
            None => with_month(y, m),
        };
    }
    if let Some(y) = c.name("dy") {
        let y = year(y.as_str())?;
        let (a, b) = (num("dd")?, num("dm")?);
        // Day first unless that is impossible (European order is the common one with dots).
        return PartialDate::day(y.year, b, a).or_else(|| PartialDate::day(y.year, a, b));
    }
    if let Some(y) = c.name("ny") {
        return with_month(year(y.as_str())?, num("nm")?);
    }
    if let Some(q) = c.name("q") {
        return year(q.as_str());
    }
    c.name("y").and_then(|y| year(y.as_str()))
}

/// Every date and range in `text`, in order.
pub fn find_all(text: &str) -> Vec<DateSpan> {
    let mut out: Vec<DateSpan> = Vec::new();
    let mut pos = 0;
    while let Some((start, at)) = next_date(text, pos) {
        let mut span = DateSpan { start, end: None, open: false, at: at.clone() };
        let rest = &text[at.end..];
        if let Some(p) = PRESENT.captures(rest) {
            span.open = true;
            span.at.end = at.end + p.get(0).map_or(0, |m| m.end());
        } else if let Some((end, end_at)) = next_date(text, at.end)
            && JOINER.is_match(&text[at.end..end_at.start])
        {
            span.end = Some(end);
            span.at.end = end_at.end;
        }
        if span.end.is_none() && !span.open {
            if let Some(m) = OPEN_DASH.find(rest) {
                span.open = true;
                span.at.end = at.end + m.end();
                // Keep a closing bracket or separator in the text.
                while span.at.end > at.end && !text.is_char_boundary(span.at.end) {
                    span.at.end -= 1;
                }
                let tail = text[at.end..span.at.end].trim_end_matches([')', ',', ';', '|']);
                span.at.end = at.end + tail.len();
            } else if SINCE.is_match(&text[..at.start]) {
                span.open = true;
            }
        }
        if (span.end.is_some() || span.open)
            && let Some(m) = FROM.find(&text[..span.at.start])
        {
            // "from May 2021 to today", "Da maggio 2021 a oggi": the word belongs to the range.
            span.at.start = m.start();
        }
        pos = span.at.end;
        out.push(span);
    }
    out
}

/// The first date or range in `text`.
pub fn find(text: &str) -> Option<DateSpan> {
    find_all(text).into_iter().next()
}

/// `text` without the byte range `at`, with the brackets and separators left around it tidied.
pub fn remove(text: &str, at: &Range<usize>) -> String {
    let mut s = String::with_capacity(text.len());
    s.push_str(&text[..at.start]);
    s.push(' ');
    s.push_str(&text[at.end..]);
    tidy(&s)
}

/// Drops durations such as "(1.5 years)"; they carry no dates.
pub fn remove_durations(text: &str) -> String {
    let unit = || {
        let l = text.to_ascii_lowercase();
        ["year", "yr", "month", "mo", "week"].iter().any(|u| l.contains(u))
    };
    if !text.bytes().any(|b| b.is_ascii_digit()) || !unit() {
        return tidy(text);
    }
    tidy(&DURATION.replace_all(text, " "))
}

/// Collapses spaces and removes empty brackets and dangling separators.
pub fn tidy(s: &str) -> String {
    let mut t = super::lines::collapse(s);
    if t.contains(['(', '[', '{']) {
        for empty in ["()", "( )", "[]", "[ ]", "{}"] {
            t = t.replace(empty, "");
        }
        t = super::lines::collapse(&t);
    }
    t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '|' | '-' | '–' | '—' | ':' | '·' | '/')
    })
    .trim()
    .to_string()
}

/// Whether `text` is nothing but dates (and separators).
pub fn is_only_dates(text: &str) -> bool {
    let spans = find_all(text);
    if spans.is_empty() {
        return false;
    }
    let mut rest = text.to_string();
    for s in spans.iter().rev() {
        rest.replace_range(s.at.clone(), " ");
    }
    tidy(&rest).chars().all(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        let s = find(text).expect("a date");
        let end = match (s.end, s.open) {
            (Some(e), _) => e.to_string(),
            (None, true) => "open".into(),
            (None, false) => "-".into(),
        };
        format!("{}..{}", s.start, end)
    }

    #[test]
    fn reads_ranges_in_many_forms() {
        assert_eq!(show("September 2018 - Present"), "2018-09..open");
        assert_eq!(show("2014-present"), "2014..open");
        assert_eq!(show("(2009-2011)"), "2009..2011");
        assert_eq!(show("09/2015 – 06/2018"), "2015-09..2018-06");
        assert_eq!(show("2015.09 to 2016.01"), "2015-09..2016-01");
        assert_eq!(show("Jan. 2001 until Mar 2003"), "2001-01..2003-03");
        assert_eq!(show("2019-03-04 — 2020-01-31"), "2019-03-04..2020-01-31");
        assert_eq!(show("Summer 2007"), "2007..-");
        assert_eq!(show("'07 - '09"), "2007..2009");
        assert_eq!(show("since 2018"), "2018..open");
        assert_eq!(show("2018 -"), "2018..open");
        assert_eq!(show("März 2019 bis heute"), "2019-03..open");
        assert_eq!(show("2012, October"), "2012-10..-");
        assert_eq!(show("in January of 2021"), "2021-01..-");
        assert_eq!(show("2010-11"), "2010..-");
        assert_eq!(show("01.03.2020"), "2020-03-01..-");
        assert_eq!(show("Enero 2020 – actualidad"), "2020-01..open");
        assert_eq!(show("marzo de 2015 - diciembre de 2019"), "2015-03..2019-12");
        assert_eq!(show("Da settembre 2018 ad aprile 2021"), "2018-09..2021-04");
        assert_eq!(show("feb 2013 - jul 2013"), "2013-02..2013-07");
        assert_eq!(show("mrt 2016 - heden"), "2016-03..open");
        assert_eq!(show("Septembre 2020 – aujourd’hui"), "2020-09..open");
        assert!(is_only_dates("Da maggio 2021 a oggi"));
        assert!(is_only_dates("von 03/2019 bis heute"));
    }

    #[test]
    fn skips_words_that_are_not_months() {
        assert_eq!(show("Since 2013"), "2013..open");
        assert_eq!(show("2015 Charles Snyder award"), "2015..-");
        assert_eq!(show("Universidad del Mar, 2011"), "2011..-");
        assert_eq!(show("March, 2011"), "2011-03..-");
        assert!(find("Managed 20 people").is_none());
    }

    #[test]
    fn removes_dates_and_durations() {
        let t = "Cloud Specialist (2014-present)";
        let s = find(t).unwrap();
        assert_eq!(remove(t, &s.at), "Cloud Specialist");
        assert_eq!(remove_durations("Lead at Acme (1.5 years)"), "Lead at Acme");
        assert!(is_only_dates("May 2005 - May 2008"));
        assert!(!is_only_dates("Acme 2005"));
    }
}
