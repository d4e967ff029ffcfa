//! Headings a document shows only by their look: a short line standing alone, set apart by
//! bold, underline, a shaded or bordered box or a larger size than the body text ("EXPERIENCE"
//! in bold capitals in the Normal style). Many resumes are written that way, without Word's
//! heading styles. Candidates are recorded while the document is read and settled once its
//! body text is known: a look that stands out from the body makes headings, levelled by how
//! prominent it is (larger first, then more marks), and anything else stays a paragraph.

use std::collections::HashMap;

use crate::parse::doc::{Block, BlockKind};
use crate::parse::read::flow::LOOK_BASE;

/// Distinct looks recorded at most; further ones share the last slot's fate (stay text).
const MAX_LOOKS: usize = 150;
/// Word's size when nothing sets one, in half-points.
pub const DEFAULT_SIZE: u16 = 20;
/// A look is larger than the body when at least this much larger (half-points: 1pt).
const LARGER_BY: u16 = 2;
/// A heading-like line holds at most this many characters and words.
const MAX_CHARS: usize = 72;
const MAX_WORDS: usize = 7;
/// With more styled headings than this the document marks its headings up; bold lines in it
/// are entry titles and labels, not headings.
const STYLED_ENOUGH: usize = 2;

/// How a whole paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Look {
    /// The largest size in its text, half-points.
    pub size: u16,
    pub bold: bool,
    pub underline: bool,
    /// A shaded or bordered paragraph, or every run shaded or bordered.
    pub boxed: bool,
    /// Its letters are all capitals.
    pub caps: bool,
    /// Set in a colour (not black).
    pub colored: bool,
}

impl Look {
    fn marks(&self, bold_counts: bool) -> u8 {
        u8::from(self.bold && bold_counts)
            + u8::from(self.underline)
            + u8::from(self.boxed)
            + u8::from(self.caps)
            + u8::from(self.colored)
    }
}

/// The body text of a document by how it is set (every paragraph that is no candidate), and
/// the looks of the heading-like lines found in it.
#[derive(Debug, Default)]
pub struct Looks {
    looks: Vec<Look>,
    /// Characters of text by size (half-points).
    sizes: HashMap<u16, usize>,
    chars: usize,
    bold_chars: usize,
    /// Paragraphs with a heading style or outline level (not the title).
    styled_headings: usize,
    /// The top level of those, as in the tree.
    top_styled: Option<u8>,
}

impl Looks {
    /// Counts a paragraph with a heading style of `level` (as in the tree).
    pub fn count_styled(&mut self, level: u8) {
        self.styled_headings += 1;
        self.top_styled = Some(self.top_styled.map_or(level, |t| t.min(level)));
    }

    /// Counts a body paragraph's characters: by size (half-points), and how many are bold.
    pub fn count_body(&mut self, sizes: &[(u16, usize)], bold: usize) {
        for (size, n) in sizes {
            *self.sizes.entry(*size).or_default() += n;
            self.chars += n;
        }
        self.bold_chars += bold;
    }

    /// The provisional level that names `look` (`LOOK_BASE` + its index), or `None` when no
    /// slot is left.
    pub fn level_for(&mut self, look: Look) -> Option<u8> {
        let k = match self.looks.iter().position(|l| *l == look) {
            Some(k) => k,
            None if self.looks.len() < MAX_LOOKS => {
                self.looks.push(look);
                self.looks.len() - 1
            }
            None => return None,
        };
        Some(LOOK_BASE + k as u8)
    }

    /// Adds what another part (a header, a footer) counted.
    pub fn absorb(&mut self, other: Looks) -> HashMap<u8, u8> {
        for (size, n) in other.sizes {
            *self.sizes.entry(size).or_default() += n;
        }
        self.chars += other.chars;
        self.bold_chars += other.bold_chars;
        self.styled_headings += other.styled_headings;
        if let Some(level) = other.top_styled {
            self.styled_headings -= 1;
            self.count_styled(level);
        }
        // The other part's provisional levels in this table.
        other
            .looks
            .iter()
            .enumerate()
            .filter_map(|(k, l)| Some((LOOK_BASE + k as u8, self.level_for(*l)?)))
            .collect()
    }

    /// The size most of the text is set in.
    fn body_size(&self) -> u16 {
        self.sizes
            .iter()
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
            .map_or(DEFAULT_SIZE, |(s, _)| *s)
    }

    /// Final levels for the provisional ones: `None` for a look that does not stand out. The
    /// most prominent look takes the level of the document's one styled heading, if it has
    /// one (a "Heading 2" among bold lines is one of them), else level 1.
    fn levels(&self) -> Vec<Option<u8>> {
        if self.styled_headings >= STYLED_ENOUGH {
            return vec![None; self.looks.len()];
        }
        let body = self.body_size();
        // When most text is bold, bold sets nothing apart.
        let bold_counts = self.bold_chars * 2 < self.chars;
        let prominence = |l: &Look| {
            let larger = l.size >= body + LARGER_BY;
            let stands_out =
                larger || (l.bold && bold_counts) || l.underline || l.boxed || l.colored;
            stands_out.then_some((l.size.max(body), l.marks(bold_counts)))
        };
        let mut ranks: Vec<(u16, u8)> = self.looks.iter().filter_map(prominence).collect();
        ranks.sort_unstable_by(|a, b| b.cmp(a));
        ranks.dedup();
        self.looks
            .iter()
            .map(|l| {
                let p = prominence(l)?;
                let rank = ranks.iter().position(|r| *r == p)?;
                Some((rank as u8 + self.top_styled.unwrap_or(1)).min(6))
            })
            .collect()
    }

    /// Settles the provisional headings in `blocks`: a heading at its look's level, or the
    /// paragraph it was.
    pub fn settle(&self, blocks: &mut [Block]) {
        let levels = self.levels();
        super::super::flow::visit(blocks, &mut |b| {
            let BlockKind::Heading { level, content } = &mut b.kind else { return };
            let Some(k) = level.checked_sub(LOOK_BASE) else { return };
            match levels.get(usize::from(k)).copied().flatten() {
                Some(l) => *level = l,
                None => b.kind = BlockKind::Para(std::mem::take(content)),
            }
        });
    }
}

/// Renames provisional levels of a part read with its own table (see [`Looks::absorb`]).
pub fn renumber(blocks: &mut [Block], map: &HashMap<u8, u8>) {
    super::super::flow::visit(blocks, &mut |b| {
        if let BlockKind::Heading { level, .. } = &mut b.kind
            && *level >= LOOK_BASE
        {
            // A look the table had no slot for stays text: a level no look has.
            *level = map.get(level).copied().unwrap_or(u8::MAX);
        }
    });
}

/// Whether a paragraph's text could be a heading by its words: short, one line, no sentence,
/// no date, no contact detail, no "key: value".
pub fn heading_like_text(text: &str) -> bool {
    let text = text.trim();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let colon_inside = text.trim_end_matches(':').contains(':');
    letters >= 2
        && text.chars().count() <= MAX_CHARS
        && text.split_whitespace().count() <= MAX_WORDS
        && !text.ends_with(['.', ',', ';'])
        && !colon_inside
        && !text.contains('@')
        && !text.contains("://")
        && !has_year(text)
}

/// Whether a line set in a heading style can be a heading by its words: no date, no contact
/// detail, no sentence. Looser than [`heading_like_text`]: a style says "heading", so length
/// and a colon do not count against it.
pub fn styled_heading_text(text: &str) -> bool {
    let text = text.trim();
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.ends_with(['.', ',', ';'])
        && !text.contains('@')
        && !text.contains("://")
        && !has_year(text)
}

/// A line typed to draw a rule: five or more of one of `_ - = * ~ ─ ━`, nothing else but
/// spaces.
pub fn typed_rule(text: &str) -> bool {
    let t: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 5 && ['_', '-', '=', '*', '~', '─', '━'].iter().any(|r| t.iter().all(|c| c == r))
}

/// A four-digit year (19xx, 20xx) in the text: a dated line is an entry, not a heading.
pub fn has_year(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).enumerate().any(|(k, w)| {
        (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
            && !b.get(k + 4).is_some_and(u8::is_ascii_digit)
            && !(k > 0 && b[k - 1].is_ascii_digit())
    })
}

/// Letters all capitals (at least three of them).
pub fn all_caps(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_like_text_is_short_undated_and_no_sentence() {
        for t in ["EXPERIENCE", "Work history", "Skills:", "Key Projects & Talks"] {
            assert!(heading_like_text(t), "{t}");
        }
        for t in [
            "Led the team.",
            "Engineer, Example Ltd 2019",
            "Email: ada@example.org",
            "ada@example.org",
            "A line with far more words than any heading would ever have",
            "7",
        ] {
            assert!(!heading_like_text(t), "{t}");
        }
    }

    fn look(size: u16, bold: bool, caps: bool) -> Look {
        Look { size, bold, underline: false, boxed: false, caps, colored: false }
    }

    #[test]
    fn looks_are_levelled_by_prominence_and_plain_ones_stay_text() {
        let mut looks = Looks::default();
        looks.count_body(&[(22, 5000)], 0);
        let name = looks.level_for(look(36, true, false)).unwrap();
        let section = looks.level_for(look(22, true, true)).unwrap();
        let sub = looks.level_for(look(22, true, false)).unwrap();
        let plain = looks.level_for(look(22, false, true)).unwrap();
        let levels = looks.levels();
        let at = |l: u8| levels[usize::from(l - LOOK_BASE)];
        assert_eq!((at(name), at(section), at(sub), at(plain)), (Some(1), Some(2), Some(3), None));
    }

    #[test]
    fn a_document_with_styled_headings_or_all_bold_text_keeps_its_lines() {
        let mut looks = Looks::default();
        looks.count_body(&[(22, 100)], 0);
        let l = looks.level_for(look(22, true, false)).unwrap();
        looks.count_styled(1);
        looks.count_styled(2);
        assert_eq!(looks.levels()[usize::from(l - LOOK_BASE)], None);
        let mut looks = Looks::default();
        looks.count_body(&[(22, 100)], 100);
        let l = looks.level_for(look(22, true, false)).unwrap();
        assert_eq!(looks.levels()[usize::from(l - LOOK_BASE)], None);
    }
}
