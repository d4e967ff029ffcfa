//! The one date grammar: finds dates and date ranges inside a line of resume text
//! ([`find_all`]) and reads a whole field as one date ([`parse_human_date`], used by the
//! lenient structured reader). Month names, "present" words, range joiners and seasons come
//! from [`vocab::months`](super::vocab::months), in every language it holds.
//!
//! Forms: month names and abbreviations (`Sep 2018`, `März 2019`, `Agosto/2017`), day-month
//! dates (`15 Sep 2018`, `September 15, 2018`, `01.03.2020`), seasons, `09/2015`, `2015.09`, ISO
//! dates, `'07`; ranges joined by dashes, slashes or words ("to", "bis", "au"), with a present
//! word or nothing (`2018-`) as an open end; `2010-11` and `1995-98` as year ranges; `Feb - Jul
//! 2010` and `14.–18.03.2022` sharing the later end's year or month. Durations such as
//! "(1.5 years)" are recognised so callers can drop them: they are not dates.
//!
//! Every pattern here is a linear-time regular expression and every search moves forward, so
//! finding all dates in a text is linear in its length.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::pattern::{Caps, Pattern};
use super::vocab::months;
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

    /// The last date the span names: its end, else its start.
    pub fn last(&self) -> PartialDate {
        self.end.unwrap_or(self.start)
    }
}

/// What a whole date field means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanDate {
    Date(PartialDate),
    /// "Present", "now", "heute": an open end.
    Present,
}

/// Words as an alternation, longest first, escaped; an apostrophe matches a curly one too,
/// and a space any run of whitespace.
fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w).replace('\'', "['’]").replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

const YEAR: &str = r"(?:19|20)\d{2}";
/// A month-name candidate: checked against the vocabulary after matching.
const WORD: &str = r"\p{L}{3,14}";
/// [`WORD`] without its upper bound, for the patterns compiled first (see [`Pair`]).
const WORD_UNBOUNDED: &str = r"\p{L}{3,}";
/// The most letters a [`WORD`] holds.
const WORD_MAX: usize = 14;
const DASHES: &str = r"[-‐‑‒–—―−~]+";

/// A pattern whose letter runs are bounded (`\p{L}{3,14}`), as a cheap superset and the
/// exact pattern. Each copy of a Unicode class in a counted repetition is compiled anew, so
/// the bounded form takes milliseconds to compile (most of an import's start-up); the
/// unbounded form takes a tenth of that. Where the unbounded pattern's match keeps every
/// bounded run within the bound, it is the exact pattern's match too (its paths are a
/// superset, tried in the same order); only otherwise, rarely, is the exact one compiled and
/// asked.
struct Pair {
    fast: LazyLock<Pattern>,
    exact: LazyLock<Pattern>,
}

impl Pair {
    /// The first match at or after `pos` whose `runs` groups are each at most [`WORD_MAX`]
    /// letters long, with its groups (searched again on its own bytes only: the engine that
    /// reports groups is slower than the one that finds a match).
    fn captures_at<'t>(&self, text: &'t str, pos: usize, runs: &[&str]) -> Option<Caps<'t>> {
        let search = |re: &Pattern| {
            let found = re.find_at(text, pos)?;
            re.captures_at(&text[..found.end()], found.start())
        };
        let caps = search(&self.fast)?;
        let bounded = runs
            .iter()
            .filter_map(|n| caps.name(n))
            .all(|m| m.as_str().chars().count() <= WORD_MAX);
        if bounded { Some(caps) } else { search(&self.exact) }
    }
}

fn date_pattern(word: &str) -> Pattern {
    let seasons = alternation(&months::season_words());
    // Each alternative starts right after a character that is not a letter or digit, which is
    // consumed: the span's start is where its first group starts.
    let pattern = format!(
        r"(?xi)(?:^|[^\p{{L}}\p{{N}}_'’])(?:
        (?P<season>{seasons})\s+(?:of\s+)?(?P<sy>{YEAR})(?-u:\b)
      | (?P<dd1>\d{{1,2}})\.?\s+(?P<dmon>{word})\.?,?\s+(?P<dy1>{YEAR})(?-u:\b)
      | (?P<mon2>{word})\.?\s+(?P<dd2>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<dy2>{YEAR})(?-u:\b)
      | (?P<mon>{word})(?:\.?,?(?:\s+|\s*/\s*|-)(?:(?:of|de|del|di)\s+)?|\.)(?P<my>{YEAR}(?-u:\b)|['’]\d{{2}}(?-u:\b))
      | (?P<yy>{YEAR}),\s*(?P<ym>{word})(?:$|[^\p{{L}}])
      | (?P<iy>{YEAR})[-/.](?P<im>\d{{1,2}})(?:[-/.](?P<id>\d{{1,2}}))?(?-u:\b)
      | (?P<dd>\d{{1,2}})[./](?P<dm>\d{{1,2}})[./](?P<dy>{YEAR})(?-u:\b)
      | (?P<nm>\d{{1,2}})[/.-](?P<ny>{YEAR})(?-u:\b)
      | (?P<q>['’]\d{{2}})(?-u:\b)
      | (?P<y>{YEAR})(?-u:\b)
      )"
    );
    Pattern::new(&pattern)
}

static DATE: Pair = Pair {
    fast: LazyLock::new(|| date_pattern(WORD_UNBOUNDED)),
    exact: LazyLock::new(|| date_pattern(WORD)),
};

/// The groups of [`DATE`] that hold a [`WORD`].
const DATE_WORDS: [&str; 4] = ["dmon", "mon2", "mon", "ym"];

/// The groups that start a date, in the order of the alternatives.
const STARTS: [&str; 10] = ["season", "dd1", "mon2", "mon", "yy", "iy", "dd", "nm", "q", "y"];

/// What may stand between the two ends of a range.
static JOINER: LazyLock<Pattern> = LazyLock::new(|| {
    let words = alternation(&months::joiner_words());
    Pattern::new(&format!(r"(?i)^\s*(?:[-‐‑‒–—―−~/]+|>|→|{words})\s*$"))
});

/// An ongoing end, right after a joiner.
/// Anchored at the start of what follows a date, so built as a
/// [`short_text_regex`](crate::parse::short_text_regex).
static PRESENT: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let joiners = alternation(&months::joiner_words());
    let present = alternation(&months::present_words());
    crate::parse::short_text_regex(&format!(
        r"(?i)^\s*(?:{DASHES}|{joiners})\s*(?:the\s+|la\s+|el\s+|o\s+)?(?P<p>{present})\.?(?:$|[^\p{{L}}\p{{N}}])"
    ))
});

/// Where the ongoing end that a text starts with ends ([`PRESENT`]'s word), if it starts
/// with one.
fn present_word(rest: &str) -> Option<usize> {
    let mut caps = PRESENT.create_captures();
    PRESENT.captures(rest, &mut caps);
    caps.is_match().then(|| caps.get_group_by_name("p").map_or(0, |m| m.end))
}

/// An open range written as a trailing dash: `2018-` or `2018 –`.
static OPEN_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[-–—]\s*(?:$|[),;|])").expect("open dash pattern"));

/// "since 2018", "seit 2018": a start without an end.
static SINCE: LazyLock<Pattern> = LazyLock::new(|| {
    let since = alternation(&months::since_words());
    Pattern::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?:{since})\s*$"))
});

/// "from", right before a range that it opens.
static FROM: LazyLock<Pattern> = LazyLock::new(|| {
    let from = alternation(&months::from_words());
    Pattern::new(&format!(r"(?i)(?:^|\s)(?:{from})\s+$"))
});

/// A month name and a joiner right before a dated month: "Feb – Jul 2010" shares the year.
static MONTH_BEFORE: Pair = Pair {
    fast: LazyLock::new(|| month_before_pattern(WORD_UNBOUNDED)),
    exact: LazyLock::new(|| month_before_pattern(WORD)),
};

fn month_before_pattern(word: &str) -> Pattern {
    let joiners = alternation(&months::joiner_words());
    Pattern::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?P<m>{word})\.?\s*(?:{DASHES}|/|{joiners})\s*$"))
}

/// A day and a dash right before a full date: "14.–18.03.2022" shares month and year.
static DAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[^\d.])(?P<d>\d{{1,2}})\.?\s*{DASHES}\s*$")).expect("day before")
});

/// "1995-98": a second year written with two digits.
static SHORT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[-–—/]\s*(?P<y>\d{2})(?:$|[^\d/.:])").expect("short end pattern")
});

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\s[-–—]\s*)?\(?\s*\d+(?:[.,]\d+)?\+?\s*(?:years?|yrs?|months?|mos?|weeks?|days?|hours?|hrs?|h|std\.?|stunden|wochen|tage|jahre?|monate?|ans?|mois|semaines?|jours|heures|años|meses|semanas?|días|dias|horas?(?:\s+aulas?)?|anni|mesi|settimane|giorni|ore|jaar|maanden|weken|dagen|uur|anos)(?-u:\b)\.?(?:\s*(?:and\s*)?\d+\s*(?:months?|mos?))?\s*\)?",
    )
    .expect("duration pattern")
});

/// One date token: its start, a second date when the token is itself a range ("2010-11"), and
/// its byte range.
type Token = (PartialDate, Option<PartialDate>, Range<usize>);

/// Whether a text can hold a date at all: every form has a four-digit year from 1900 to 2099
/// or an apostrophe year ('07). A plain scan rules most lines out before any pattern runs.
/// SIMD searches for a `1`, a `2` or an apostrophe (and the first byte of ’), looking further
/// only there.
fn may_hold_date(text: &[u8]) -> bool {
    let digits = |from: usize, n: usize| {
        text.get(from..from + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let year_at = |i: usize| match text[i] {
        b'1' => text.get(i + 1) == Some(&b'9') && digits(i + 2, 2),
        b'2' => text.get(i + 1) == Some(&b'0') && digits(i + 2, 2),
        b'\'' => digits(i + 1, 2),
        // A right single quotation mark (’) is the bytes E2 80 99.
        0xe2 => text.get(i + 1..i + 3) == Some(&[0x80, 0x99][..]) && digits(i + 3, 2),
        _ => false,
    };
    memchr::memchr3_iter(b'1', b'2', b'\'', text).any(year_at)
        || memchr::memchr_iter(0xe2, text).any(year_at)
}

fn next_date(text: &str, from: usize) -> Option<Token> {
    // Every date form has a year; most lines have none.
    if !may_hold_date(text.as_bytes().get(from..)?) {
        return None;
    }
    let mut pos = from;
    while pos <= text.len() {
        let caps = DATE.captures_at(text, pos, &DATE_WORDS)?;
        let whole = caps.get(0)?;
        let start = STARTS
            .iter()
            .filter_map(|n| caps.name(n))
            .map(|m| m.start())
            .min()
            .unwrap_or(whole.start());
        // "ISO 9001:2015", "10:2019": a number glued to another by a colon is no date.
        let glued = text[..start].ends_with(':')
            && text[..start.saturating_sub(1)].ends_with(|c: char| c.is_ascii_digit());
        if glued {
            pos = next_char(text, start);
            continue;
        }
        if let Some((d, end)) = date_from(&caps) {
            // The last group's end: a form may consume the character after it.
            let stop = caps.iter().skip(1).flatten().map(|m| m.end()).max().unwrap_or(whole.end());
            return Some((d, end, start..stop));
        }
        // "1995-98", "2018-13": not a year and a month, but a year followed by something else.
        if let Some(y) = caps.name("iy")
            && let Some(d) = year(y.as_str())
        {
            return Some((d, None, start..y.end()));
        }
        // "2011-2012, Globex": a year, then a comma and a word that is no month.
        if let Some(y) = caps.name("yy")
            && let Some(d) = year(y.as_str())
        {
            return Some((d, None, start..y.end()));
        }
        // Not a date after all ("Since 2013", "University, 2013.09"): search again from the
        // character before the year, which may start a date of another form.
        pos = match caps.name("my") {
            Some(y) if y.start() > start => prev_char(text, y.start()),
            _ => next_char(text, start),
        };
    }
    None
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(text.len() + 1, |c| at + c.len_utf8())
}

fn prev_char(text: &str, at: usize) -> usize {
    text[..at].chars().next_back().map_or(0, |c| at - c.len_utf8())
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

fn with_day(y: PartialDate, month: u8, day: u8) -> Option<PartialDate> {
    PartialDate::day(y.year, month, day)
}

fn date_from(c: &Caps) -> Option<(PartialDate, Option<PartialDate>)> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u8>().ok());
    let single = |d: Option<PartialDate>| d.map(|d| (d, None));
    if let Some(y) = c.name("sy") {
        return single(year(y.as_str()));
    }
    if let (Some(m), Some(y)) = (c.name("dmon"), c.name("dy1")) {
        let month = months::month(m.as_str())?;
        let y = year(y.as_str())?;
        return single(with_day(y, month, num("dd1")?).or_else(|| with_month(y, month)));
    }
    if let (Some(m), Some(y)) = (c.name("mon2"), c.name("dy2")) {
        let month = months::month(m.as_str())?;
        let y = year(y.as_str())?;
        return single(with_day(y, month, num("dd2")?).or_else(|| with_month(y, month)));
    }
    if let (Some(m), Some(y)) = (c.name("mon"), c.name("my")) {
        // "Universidad del Mar, 2011", "Cape May, 2009": an abbreviation cut off from the year
        // by a comma ends a name; a month written that way is spelled out ("March, 2011").
        let between =
            &c.get(0)?.as_str()[m.end() - c.get(0)?.start()..y.start() - c.get(0)?.start()];
        if between.contains(',') && m.as_str().chars().count() <= 3 {
            return None;
        }
        let month = months::month(m.as_str())
            .or_else(|| months::month_tolerant(m.as_str()).filter(|_| !between.contains(',')))?;
        return single(with_month(year(y.as_str())?, month));
    }
    if let (Some(y), Some(m)) = (c.name("yy"), c.name("ym")) {
        return single(with_month(year(y.as_str())?, months::month(m.as_str())?));
    }
    if let Some(y) = c.name("iy") {
        let y = year(y.as_str())?;
        let m = num("im")?;
        // "2010-11", "(2009-12)": with a dash, a second number after the year's own two
        // digits is more often a later year than a month.
        let dash = c.get(0).is_some_and(|w| w.as_str().contains('-'));
        let later = u16::from(m) > y.year % 100 && u16::from(m) - y.year % 100 <= 10;
        if c.name("id").is_none() && (u16::from(m) == (y.year % 100 + 1) % 100 || dash && later) {
            return Some((y, Some(PartialDate::year(y.year / 100 * 100 + u16::from(m)))));
        }
        return single(match num("id") {
            Some(d) => with_day(y, m, d).or_else(|| with_month(y, m)),
            None => with_month(y, m),
        });
    }
    if let Some(y) = c.name("dy") {
        let y = year(y.as_str())?;
        let (a, b) = (num("dd")?, num("dm")?);
        // Day first unless that is impossible (European order is the common one with dots).
        return single(with_day(y, b, a).or_else(|| with_day(y, a, b)));
    }
    if let Some(y) = c.name("ny") {
        return single(with_month(year(y.as_str())?, num("nm")?));
    }
    if let Some(q) = c.name("q") {
        return single(year(q.as_str()));
    }
    single(c.name("y").and_then(|y| year(y.as_str())))
}

/// Every date and range in `text`, in order. Interpretation asks about the same lines again
/// and again (is it a header? only dates? which part is dated?), so answers are remembered
/// for a while, per thread.
pub fn find_all(text: &str) -> Vec<DateSpan> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    // The lines are the resume's own: SipHash's resistance to crafted keys buys nothing here.
    type Fx = std::hash::BuildHasherDefault<crate::parse::vocab::WordHasher>;
    thread_local! {
        static SEEN: RefCell<HashMap<String, Vec<DateSpan>, Fx>> = RefCell::new(HashMap::default());
    }
    // Lines without a year have no dates and need no memory; long texts are not kept.
    if !may_hold_date(text.as_bytes()) {
        return Vec::new();
    }
    if text.len() > 400 {
        return find_all_uncached(text);
    }
    if let Some(spans) = SEEN.with(|s| s.borrow().get(text).cloned()) {
        return spans;
    }
    let spans = find_all_uncached(text);
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() >= 4096 {
            s.clear();
        }
        s.insert(text.to_string(), spans.clone());
    });
    spans
}

fn find_all_uncached(text: &str) -> Vec<DateSpan> {
    let mut out: Vec<DateSpan> = Vec::new();
    let mut pos = 0;
    while let Some((start, token_end, at)) = next_date(text, pos) {
        let mut span = DateSpan { start, end: token_end, open: false, at: at.clone() };
        let rest = &text[at.end..];
        if span.end.is_some() {
            // A token that is a range by itself ("2010-11").
        } else if let Some(p) = present_word(rest) {
            span.open = true;
            span.at.end = at.end + p;
            if text[span.at.end..].starts_with('.') {
                span.at.end += 1;
            }
        } else if let Some((end, _, end_at)) = next_date(text, at.end)
            && JOINER.is_match(&text[at.end..end_at.start])
        {
            span.end = Some(end);
            span.at.end = end_at.end;
        } else if let Some(c) = SHORT_END.captures(rest)
            && let Some(end) = short_end(start, &c["y"])
        {
            span.end = Some(end);
            span.at.end = at.end + c.name("y").map_or(0, |m| m.end());
        }
        if span.end.is_none() && !span.open {
            if let Some(m) = OPEN_DASH.find(rest) {
                span.open = true;
                let tail = rest[..m.end()].trim_end_matches([')', ',', ';', '|']);
                span.at.end = at.end + tail.len();
            } else if let Some(m) = SINCE.find(window(text, 0, at.start)) {
                // "since 2018", "seit März 2020": the word belongs to the span.
                span.open = true;
                let before = window(text, 0, at.start);
                let word = before[m.start()..].trim_start_matches(|c: char| !c.is_alphabetic());
                span.at.start = at.start - word.len();
            }
        }
        let before_from = out.last().map_or(0, |s| s.at.end);
        share_year_or_month(text, before_from, &mut span);
        let before = window(text, before_from, span.at.start);
        if (span.end.is_some() || span.open)
            && let Some(m) = FROM.find(before)
        {
            // "from May 2021 to today", "Da maggio 2021 a oggi": the word belongs to the range.
            span.at.start = span.at.start - before.len() + m.start();
        }
        pos = span.at.end;
        out.push(span);
    }
    out
}

/// The text from `from` to `to`, but at most the last 48 bytes of it: what a date's
/// neighbourhood check reads, so that checks stay constant-time on long lines.
fn window(text: &str, from: usize, to: usize) -> &str {
    let mut start = from.max(to.saturating_sub(48));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start.min(to)..to]
}

/// "1995-98" → 1998, when the two digits come after the first year in the same or the next
/// century and not too far from it.
fn short_end(start: PartialDate, yy: &str) -> Option<PartialDate> {
    let yy: u16 = yy.parse().ok()?;
    let century = start.year / 100 * 100;
    let end = if yy > start.year % 100 { century + yy } else { century + 100 + yy };
    (end > start.year && end - start.year <= 20).then(|| PartialDate::year(end))
}

/// A start written only as a month ("Feb – Jul 2010") or a day ("14.–18.03.2022") before a
/// full date takes that date's year (and month): the span becomes a range.
fn share_year_or_month(text: &str, from: usize, span: &mut DateSpan) {
    if !span.is_single() && span.end.is_some() {
        return;
    }
    let before = window(text, from, span.at.start);
    let from = span.at.start - before.len();
    let date = span.start;
    let Some(month) = date.month else { return };
    if let Some(c) = MONTH_BEFORE.captures_at(before, 0, &["m"])
        && let Some(m) = months::month(&c["m"])
        && m <= month
    {
        let start = PartialDate::month(date.year, m);
        let open = span.open;
        span.end = if open { None } else { Some(date) };
        span.start = start;
        span.at.start = from + c.name("m").map_or(0, |g| g.start());
        return;
    }
    if date.day.is_some()
        && let Some(c) = DAY_BEFORE.captures(before)
        && let Some(d) = c["d"].parse::<u8>().ok().and_then(|d| with_day(date, month, d))
        && d < date
    {
        span.end = Some(date);
        span.start = d;
        span.at.start = from + c.name("d").map_or(0, |g| g.start());
    }
}

/// The first date or range in `text`.
pub fn find(text: &str) -> Option<DateSpan> {
    find_all(text).into_iter().next()
}

/// `text` without the byte range `at`, with the brackets and separators left around it tidied.
pub fn remove(text: &str, at: &Range<usize>) -> String {
    const SEPARATORS: &[char] = &['|', ',', ';', '·', '•', '–', '—'];
    let before = text[..at.start].trim_end();
    let after = text[at.end..].trim_start();
    let mut s = String::with_capacity(text.len());
    // "BSc | 2018 – 2022 | Northwind", "Globex, May 2019, Lyon": the dates leave two
    // separators side by side; one of them stands between the fields that are left.
    match (before.strip_suffix(SEPARATORS), after.starts_with(SEPARATORS)) {
        (Some(kept), true) => {
            s.push_str(kept.trim_end());
            if !after.starts_with([',', ';']) {
                s.push(' ');
            }
            s.push_str(after);
        }
        (None, true) if before.ends_with(['>', ':', '-']) => {
            s.push_str(before);
            s.push(' ');
            s.push_str(after.trim_start_matches(SEPARATORS));
        }
        _ => {
            s.push_str(before);
            s.push(' ');
            s.push_str(after);
        }
    }
    tidy(&s)
}

/// Drops durations such as "(1.5 years)"; they carry no dates.
pub fn remove_durations(text: &str) -> String {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return tidy(text);
    }
    tidy(&DURATION.replace_all(text, " "))
}

fn collapse(s: &str) -> String {
    let b = s.as_bytes();
    let clean = b.first().is_none_or(|c| *c != b' ')
        && b.last().is_none_or(|c| *c != b' ')
        && !s.contains("  ")
        && !b.iter().any(|c| matches!(c, b'\t' | b'\n' | b'\r'))
        && s.is_ascii();
    if clean {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Collapses spaces and removes empty brackets and dangling separators.
pub fn tidy(s: &str) -> String {
    let mut t = collapse(s);
    if t.contains(['(', '[', '{']) {
        t = without_empty_brackets(&t);
    }
    t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '|' | '-' | '–' | '—' | ':' | '·' | '/')
    })
    .trim()
    .to_string()
}

/// Removes "()", "( )", "[]", "[ ]" and "{}" in one pass, collapsing the spaces left.
fn without_empty_brackets(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let close = match c {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            _ => {
                out.push(c);
                continue;
            }
        };
        let rest = &t[i + 1..];
        let skip = if rest.starts_with(close) {
            1
        } else if rest.starts_with(' ') && rest[1..].starts_with(close) {
            2
        } else {
            0
        };
        if skip == 0 {
            out.push(c);
        } else {
            for _ in 0..skip {
                chars.next();
            }
        }
    }
    collapse(&out)
}

/// `text` with every date span replaced by a space.
pub fn without_dates(text: &str) -> String {
    let mut rest = text.to_string();
    for s in find_all(text).iter().rev() {
        rest.replace_range(s.at.clone(), " ");
    }
    rest
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

/// Words a whole date field may carry besides its date ("early 2019", "the 15th of May").
const FIELD_FILLERS: [&str; 9] = ["early", "late", "mid", "of", "the", "st", "nd", "rd", "th"];

/// Reads one whole field as a date ("Sep 2018", "2012, October", "07/2025", "März 2019",
/// "Present"): the structured reader's repair of human dates. Datetimes keep their date part.
pub fn parse_human_date(input: &str) -> Option<HumanDate> {
    let s = input.trim();
    let s = s.split_once('T').filter(|(d, _)| d.len() == 10).map_or(s, |(d, _)| d);
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    if months::is_present(s) {
        return Some(HumanDate::Present);
    }
    let spans = find_all(s);
    let [span] = spans.as_slice() else { return None };
    if !span.is_single() {
        return None;
    }
    let rest = remove(s, &span.at).to_lowercase();
    let leftover = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| !FIELD_FILLERS.contains(&w));
    (!leftover).then_some(HumanDate::Date(span.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        let s = find(text).unwrap_or_else(|| panic!("no date in {text}"));
        let end = match (s.end, s.open) {
            (Some(e), _) => e.to_string(),
            (None, true) => "open".into(),
            (None, false) => "-".into(),
        };
        format!("{}..{}", s.start, end)
    }

    #[test]
    fn reads_ranges_in_many_forms() {
        for (text, want) in [
            ("September 2018 - Present", "2018-09..open"),
            ("Σεπτέμβριος 2019 - Σήμερα", "2019-09..open"),
            ("ΜΑΡΤΙΟΣ 2015 ΕΩΣ ΙΟΥΝΙΟΣ 2017", "2015-03..2017-06"),
            ("2014-present", "2014..open"),
            ("4/2009-Pres", "2009-04..open"),
            ("déc.2019 - fév.2020", "2019-12..2020-02"),
            ("oct.2014 - juin 2015", "2014-10..2015-06"),
            ("(2009-2011)", "2009..2011"),
            ("09/2015 – 06/2018", "2015-09..2018-06"),
            ("2015.09 to 2016.01", "2015-09..2016-01"),
            ("Jan. 2001 until Mar 2003", "2001-01..2003-03"),
            ("2019-03-04 — 2020-01-31", "2019-03-04..2020-01-31"),
            ("Summer 2007", "2007..-"),
            ("Summer of 2016", "2016..-"),
            ("'07 - '09", "2007..2009"),
            ("Apr ’18 – Sep. ’19", "2018-04..2019-09"),
            ("2019.3 - 至今", "2019-03..open"),
            ("since 2018", "2018..open"),
            ("2018 -", "2018..open"),
            ("März 2019 bis heute", "2019-03..open"),
            ("März 2023 – offen", "2023-03..open"),
            ("2012, October", "2012-10..-"),
            ("in March of 2017", "2017-03..-"),
            ("2010-11", "2010..2011"),
            ("(2009-12)", "2009..2012"),
            ("2019-03", "2019-03..-"),
            ("seit März 2020", "2020-03..open"),
            ("1991-94", "1991..1994"),
            ("01.03.2020", "2020-03-01..-"),
            ("Enero 2020 – actualidad", "2020-01..open"),
            ("marzo de 2015 - diciembre de 2019", "2015-03..2019-12"),
            ("Da settembre 2018 ad aprile 2021", "2018-09..2021-04"),
            ("feb 2013 - jul 2013", "2013-02..2013-07"),
            ("mrt 2016 - heden", "2016-03..open"),
            ("Septembre 2020 – aujourd’hui", "2020-09..open"),
            ("Agosto/2017 – Maio/2021", "2017-08..2021-05"),
            ("Setmbro/2016 – Janeiro/2018", "2016-09..2018-01"),
            ("Fev/1994 – Out/1998", "1994-02..1998-10"),
            ("2014/2017", "2014..2017"),
            ("Mars - Juin 2011", "2011-03..2011-06"),
            ("14.–18.03.2022", "2022-03-14..2022-03-18"),
            ("3-7 May 2012", "2012-05-03..2012-05-07"),
            ("15 Sep 2018", "2018-09-15..-"),
            ("wrzesień 2019 – obecnie", "2019-09..open"),
            ("сентябрь 2019 — настоящее время", "2019-09..open"),
            ("Ağustos 2015 - Halen", "2015-08..open"),
            ("2016~現在", "2016..open"),
            ("2011/03 -- 至今", "2011-03..open"),
        ] {
            assert_eq!(show(text), want, "{text}");
        }
        assert!(is_only_dates("Da maggio 2021 a oggi"));
        assert!(is_only_dates("von 03/2019 bis heute"));
    }

    #[test]
    fn skips_words_that_are_not_months() {
        assert_eq!(show("Since 2013"), "2013..open");
        assert_eq!(show("2015 Charles Snyder award"), "2015..-");
        assert_eq!(show("Universidad del Mar, 2011"), "2011..-");
        assert_eq!(show("March, 2011"), "2011-03..-");
        // A year closing a range and followed by a comma and a name is still the range's end.
        assert_eq!(show("2011-2012, Globex, developer"), "2011..2012");
        assert_eq!(show("2006 - 2007, Initech"), "2006..2007");
        assert!(find("Managed 20 people").is_none());
        assert!(find("Quality manager, ISO 9001:2015").is_none());
    }

    #[test]
    fn removes_dates_and_durations() {
        let t = "Platform Specialist (2014-present)";
        let s = find(t).unwrap();
        assert_eq!(remove(t, &s.at), "Platform Specialist");
        assert_eq!(remove_durations("Lead at Acme (1.5 years)"), "Lead at Acme");
        // The separators on both sides of the dates become one.
        let t = "BSc Computing | 2018 – 2022 | Northwind University";
        assert_eq!(remove(t, &find(t).unwrap().at), "BSc Computing | Northwind University");
        let t = "Globex, May 2019, Lyon";
        assert_eq!(remove(t, &find(t).unwrap().at), "Globex, Lyon");
        assert!(is_only_dates("May 2005 - May 2008"));
        assert!(!is_only_dates("Acme 2005"));
    }

    fn d(s: &str) -> String {
        match parse_human_date(s) {
            Some(HumanDate::Date(d)) => d.to_string(),
            Some(HumanDate::Present) => "present".into(),
            None => "none".into(),
        }
    }

    #[test]
    fn whole_fields_in_the_forms_people_write() {
        for (input, want) in [
            ("May 2022", "2022-05"),
            ("2012, October", "2012-10"),
            ("07/2025", "2025-07"),
            ("2022-6-01", "2022-06-01"),
            ("2024-09-31", "2024-09"),
            ("Sept. 2018", "2018-09"),
            ("September 15, 2018", "2018-09-15"),
            ("15 Sep 2018", "2018-09-15"),
            ("2015.09", "2015-09"),
            ("15.09.2018", "2018-09-15"),
            ("09/15/2018", "2018-09-15"),
            ("Summer 2019", "2019"),
            ("early 2019", "2019"),
            ("'07", "2007"),
            ("2018-09-15T08:00:00Z", "2018-09-15"),
            ("2018", "2018"),
            ("März 2019", "2019-03"),
            ("octobre 2015", "2015-10"),
            ("Present", "present"),
            ("current", "present"),
            ("Now", "present"),
            ("heute", "present"),
        ] {
            assert_eq!(d(input), want, "{input}");
        }
    }

    #[test]
    fn whole_fields_that_are_not_dates() {
        for s in
            ["", "soon", "2018-13", "13/2018", "Acme 2018", "12", "May", "1.5 years", "2018-2020"]
        {
            assert_eq!(d(s), "none", "{s}");
        }
    }
}
