//! Partial ISO-8601 dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as JSON Resume stores them.
//!
//! The type keeps exactly the precision it was given, so a date read from a file is written back
//! byte for byte. Human forms ("Sep 2018", "Present") are not accepted here: the lenient readers
//! turn them into this type and say so.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The forms every date field accepts, for error messages.
pub const ACCEPTED_DATE_FORMS: &str =
    "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2018, 2018-09, 2018-09-15)";

/// Why a string is not a partial date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date in the form {ACCEPTED_DATE_FORMS}")]
    Shape(String),
    #[error("`{0}` names a month or day that does not exist")]
    Impossible(String),
}

impl PartialDate {
    pub fn year(year: u16) -> Self {
        Self { year, month: None, day: None }
    }

    pub fn month(year: u16, month: u8) -> Self {
        Self { year, month: Some(month), day: None }
    }

    /// Builds a full date, or `None` when the day does not exist in that month.
    pub fn day(year: u16, month: u8, day: u8) -> Option<Self> {
        (is_valid_year(year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month: Some(month), day: Some(day) })
    }

    /// The same date with the day dropped: what an impossible day is repaired to.
    pub fn without_day(self) -> Self {
        Self { day: None, ..self }
    }
}

/// The schema's pattern only admits years 1000–2999.
pub fn is_valid_year(year: u16) -> bool {
    (1000..=2999).contains(&year)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

fn digits<T: FromStr>(part: &str, len: usize) -> Option<T> {
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape = || DateError::Shape(s.to_string());
        let mut parts = s.split('-');
        let year: u16 = parts.next().and_then(|p| digits(p, 4)).ok_or_else(shape)?;
        if !is_valid_year(year) {
            return Err(shape());
        }
        let month: Option<u8> = match parts.next() {
            None => None,
            Some(p) => match digits(p, 2).ok_or_else(shape)? {
                m @ 1..=12 => Some(m),
                _ => return Err(DateError::Impossible(s.to_string())),
            },
        };
        let day: Option<u8> = match parts.next() {
            None => None,
            Some(p) => Some(digits(p, 2).ok_or_else(shape)?),
        };
        if parts.next().is_some() {
            return Err(shape());
        }
        match (month, day) {
            (Some(m), Some(d)) => {
                PartialDate::day(year, m, d).ok_or_else(|| DateError::Impossible(s.to_string()))
            }
            _ => Ok(Self { year, month, day: None }),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_precision() {
        for s in ["2018", "2018-09", "2018-09-15", "2000-02-29"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_other_shapes_and_impossible_days() {
        for s in ["Sep 2018", "2018-9", "18", "2018-09-1", "3018", "2018-09-15-01", ""] {
            assert!(matches!(s.parse::<PartialDate>(), Err(DateError::Shape(_))), "{s}");
        }
        for s in ["2024-09-31", "2023-02-29", "2018-13", "2018-00", "2018-13-01"] {
            assert!(matches!(s.parse::<PartialDate>(), Err(DateError::Impossible(_))), "{s}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a: PartialDate = "2018".parse().unwrap();
        let b: PartialDate = "2018-01".parse().unwrap();
        let c: PartialDate = "2019".parse().unwrap();
        assert!(a < b && b < c);
    }
}
