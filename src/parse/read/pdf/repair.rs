//! Text-layer repairs: ligature glyphs spelled out, glyphs the font maps to nothing restored
//! from their width and the document's own words, invisible formatting characters dropped,
//! and words hyphenated at a line end joined.

use std::collections::HashMap;

use super::layout::{LOST_MARK, Line, Word};

/// Ligature characters and what they stand for.
const LIGATURES: [(char, &str); 7] = [
    ('\u{FB00}', "ff"),
    ('\u{FB01}', "fi"),
    ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"),
    ('\u{FB04}', "ffl"),
    ('\u{FB05}', "ft"),
    ('\u{FB06}', "st"),
];

/// What a glyph with no Unicode most often is inside a word, most likely first.
const LOST: [&str; 7] = ["fi", "ff", "fl", "ffi", "ffl", "ft", "tt"];

/// Spells out ligatures and drops bidirectional controls and other invisible marks a
/// writer put around words.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some((_, s)) = LIGATURES.iter().find(|(l, _)| *l == c) {
            out.push_str(s);
        } else if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
        {
        } else if matches!(c, '\u{00A0}' | '\u{2423}') {
            // A no-break space, and TeX's visible space glyph drawn after a bullet.
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Repairs every word of the document: cleans its text and restores lost glyphs. Words that
/// are only a lost glyph (an icon or a bullet) keep an empty text.
pub fn repair_words(lines: &mut [Line]) {
    for w in lines.iter_mut().flat_map(|l| l.cells.iter_mut()).flat_map(|c| c.words.iter_mut()) {
        w.text = clean_text(&w.text);
    }
    let known = known_words(lines);
    for w in lines.iter_mut().flat_map(|l| l.cells.iter_mut()).flat_map(|c| c.words.iter_mut()) {
        if w.text.contains(LOST_MARK) {
            restore_lost(w, &known);
        }
    }
}

/// How often each word occurs whole, lower-cased.
fn known_words(lines: &[Line]) -> HashMap<String, usize> {
    let mut known = HashMap::new();
    for w in lines.iter().flat_map(Line::words).filter(|w| !w.missing) {
        for part in w.text.split(|c: char| !c.is_alphanumeric()) {
            if part.chars().count() > 2 {
                *known.entry(part.to_lowercase()).or_insert(0) += 1;
            }
        }
    }
    known
}

/// A word with a glyph the font maps to nothing ("O cer", where the gap held "ffi"): the
/// letters are inside the word, so the gap is a ligature. The candidate found elsewhere in
/// the document wins; otherwise the most common ligature.
fn restore_lost(w: &mut Word, known: &HashMap<String, usize>) {
    // Only lost glyphs: an icon or a bullet, not a word.
    if w.text.chars().all(|c| c == LOST_MARK) {
        w.text.clear();
        return;
    }
    // A lost glyph beside a letter stands for letters; elsewhere it is an icon.
    let letters_around = w.text.chars().collect::<Vec<_>>().windows(2).any(|p| {
        (p[0] == LOST_MARK && p[1].is_alphabetic()) || (p[1] == LOST_MARK && p[0].is_alphabetic())
    });
    if !letters_around {
        w.text = w.text.replace(LOST_MARK, "");
        return;
    }
    let best = LOST
        .iter()
        .map(|cand| {
            let text = w.text.replacen(LOST_MARK, cand, 1);
            let score = text
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|p| known.get(&p.to_lowercase()))
                .sum::<usize>();
            (score, text)
        })
        .enumerate()
        .max_by_key(|(rank, (score, _))| (*score, usize::MAX - rank))
        .map(|(_, (_, text))| text);
    if let Some(text) = best {
        w.text = text.replace(LOST_MARK, "");
    }
}

/// Whether a line ending in `prev` and continued by `next` was hyphenated by the layout:
/// a letter and a hyphen at the end, a lower-case letter next. A spaced " -" is a dash.
pub fn joins_hyphenated(prev: &str, next: &str) -> Option<Join> {
    let trimmed = prev.trim_end();
    let soft = trimmed.ends_with('\u{00AD}');
    let hard = trimmed.ends_with('-') || trimmed.ends_with('\u{2010}');
    if !soft && !hard {
        return None;
    }
    let before = trimmed[..trimmed.len() - trimmed.chars().last().map_or(0, char::len_utf8)]
        .chars()
        .last()?;
    if !before.is_alphanumeric() {
        return None;
    }
    let first = next.trim_start().chars().next()?;
    let last_word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let url_like = ["/", "@", "www.", "://"].iter().any(|m| last_word.contains(m));
    if soft {
        return Some(Join::DropHyphen);
    }
    if url_like || first.is_uppercase() || first.is_ascii_digit() {
        // A compound or an address wrapped at its own hyphen: the hyphen stays.
        return (first.is_alphanumeric()).then_some(Join::KeepHyphen);
    }
    first.is_lowercase().then_some(Join::DropHyphen)
}

/// How a hyphenated line end joins the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    DropHyphen,
    KeepHyphen,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_are_spelled_out_and_bidi_marks_dropped() {
        assert_eq!(clean_text("e\u{FB03}cient \u{202D}Isabella\u{202C}"), "efficient Isabella");
    }

    #[test]
    fn hyphenation_is_joined_but_real_hyphens_and_dashes_stay() {
        assert_eq!(joins_hyphenated("an arith-", "metic test"), Some(Join::DropHyphen));
        assert_eq!(joins_hyphenated("Zweipunkt-", "Grenzwert"), Some(Join::KeepHyphen));
        assert_eq!(joins_hyphenated("linkedin.com/in/ada-", "lovelace"), Some(Join::KeepHyphen));
        assert_eq!(joins_hyphenated("ADMINISTRATOR -", "DEVELOPER"), None);
        assert_eq!(joins_hyphenated("2019 –", "2021"), None);
    }
}
