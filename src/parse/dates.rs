//! Human dates ("Sep 2018", "2012, October", "07/2025", "2022-6-01", "Present") to partial ISO
//! dates. Used by the lenient structured reader to repair date fields.

use crate::model::PartialDate;

/// What a date-like string means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HumanDate {
    Date(PartialDate),
    /// "Present", "now", "current", "today", "ongoing": an open end.
    Present,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const PRESENT: [&str; 7] = ["present", "now", "current", "currently", "today", "ongoing", "date"];

const SEASONS: [&str; 6] = ["spring", "summer", "autumn", "fall", "winter", "early"];

/// A month from its name or an abbreviation of at least three letters ("Sep", "Sept").
pub fn month_from_name(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&w)).map(|i| i as u8 + 1)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Num(&'a str),
    Word(&'a str),
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .flat_map(split_alnum)
        .collect()
}

/// "15th" → "15", "th"; "Sep2018" → "Sep", "2018".
fn split_alnum(t: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut digit = None;
    for (i, c) in t.char_indices() {
        let d = c.is_ascii_digit();
        if digit.is_some_and(|prev| prev != d) {
            out.push(token(&t[start..i], digit == Some(true)));
            start = i;
        }
        digit = Some(d);
    }
    out.push(token(&t[start..], digit == Some(true)));
    out
}

fn token(s: &str, digit: bool) -> Token<'_> {
    if digit { Token::Num(s) } else { Token::Word(s) }
}

/// Reads one human date. Datetimes ("2018-09-15T10:00:00Z") keep their date part.
pub fn parse_human_date(input: &str) -> Option<HumanDate> {
    let s = input.trim();
    let s = s.split_once('T').filter(|(d, _)| d.len() == 10).map_or(s, |(d, _)| d);
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if PRESENT.iter().any(|p| lower.trim_matches(|c: char| !c.is_alphabetic()) == *p)
        || lower == "till date"
        || lower == "to date"
    {
        return Some(HumanDate::Present);
    }
    let toks = tokens(s);
    let mut month_word = None;
    let mut nums: Vec<&str> = Vec::new();
    for t in &toks {
        match *t {
            Token::Num(n) => nums.push(n),
            Token::Word(w) => {
                if let Some(m) = month_from_name(w) {
                    if month_word.replace(m).is_some() {
                        return None;
                    }
                } else if !is_filler(w) {
                    return None;
                }
            }
        }
    }
    let apostrophe_year = s.starts_with('\'') || s.starts_with('’');
    let date = match month_word {
        Some(m) => with_month_name(&nums, m, apostrophe_year)?,
        None => numeric(&nums, s, apostrophe_year)?,
    };
    Some(HumanDate::Date(date))
}

fn is_filler(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    SEASONS.contains(&w.as_str())
        || ["of", "the", "st", "nd", "rd", "th", "late", "mid"].contains(&w.as_str())
}

fn year_of(n: &str, apostrophe: bool) -> Option<u16> {
    match n.len() {
        4 => n.parse().ok().filter(|y| crate::model::is_valid_year(*y)),
        2 if apostrophe => n.parse::<u16>().ok().map(|y| if y <= 50 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

fn small(n: &str) -> Option<u8> {
    (n.len() <= 2).then(|| n.parse().ok()).flatten()
}

/// "Sep 2018", "2012, October", "15 Sep 2018", "Sep 15, 2018".
fn with_month_name(nums: &[&str], month: u8, apos: bool) -> Option<PartialDate> {
    let year_at = nums.iter().position(|n| year_of(n, apos).is_some())?;
    let year = year_of(nums[year_at], apos)?;
    let rest: Vec<&str> =
        nums.iter().enumerate().filter(|(i, _)| *i != year_at).map(|(_, n)| *n).collect();
    match rest.as_slice() {
        [] => Some(PartialDate::month(year, month)),
        [d] => Some(
            PartialDate::day(year, month, small(d)?).unwrap_or(PartialDate::month(year, month)),
        ),
        _ => None,
    }
}

/// "2018", "2018-9", "2022-6-01", "07/2025", "2018.09", "15.09.2018", "09/15/2018".
fn numeric(nums: &[&str], s: &str, apos: bool) -> Option<PartialDate> {
    match *nums {
        [y] => Some(PartialDate::year(year_of(y, apos)?)),
        [a, b] => {
            if let Some(y) = year_of(a, false) {
                month_date(y, small(b)?)
            } else {
                month_date(year_of(b, apos)?, small(a)?)
            }
        }
        [a, b, c] => {
            if let Some(y) = year_of(a, false) {
                full_date(y, small(b)?, small(c)?)
            } else {
                let y = year_of(c, apos)?;
                let (x, z) = (small(a)?, small(b)?);
                // Day first when it must be, or when written European-style with dots.
                let day_first = x > 12 || (z <= 12 && s.contains('.'));
                if day_first { full_date(y, z, x) } else { full_date(y, x, z) }
            }
        }
        _ => None,
    }
}

fn month_date(year: u16, month: u8) -> Option<PartialDate> {
    (1..=12).contains(&month).then(|| PartialDate::month(year, month))
}

/// A full date; an impossible day ("2024-09-31") falls back to the month.
fn full_date(year: u16, month: u8, day: u8) -> Option<PartialDate> {
    month_date(year, month)?;
    Some(PartialDate::day(year, month, day).unwrap_or(PartialDate::month(year, month)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        match parse_human_date(s) {
            Some(HumanDate::Date(d)) => d.to_string(),
            Some(HumanDate::Present) => "present".into(),
            None => "none".into(),
        }
    }

    #[test]
    fn reads_the_forms_people_write() {
        let cases = [
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
            ("'07", "2007"),
            ("2018-09-15T08:00:00Z", "2018-09-15"),
            ("2018", "2018"),
            ("Present", "present"),
            ("current", "present"),
            ("Now", "present"),
        ];
        for (input, want) in cases {
            assert_eq!(d(input), want, "{input}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for s in ["", "soon", "2018-13", "13/2018", "Acme 2018", "12", "May", "1.5 years"] {
            assert_eq!(d(s), "none", "{s}");
        }
    }
}
