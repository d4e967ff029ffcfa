//! The words resumes are read by, as data: section headings, month names and the words around
//! dates, job titles, organisations, degrees and schools, places. Nothing here decides anything;
//! interpretation and the date grammar look words up through the functions each table offers.
//!
//! Every table is a list of per-language rows (`lang` is a BCP 47 code), so that a locale pack
//! or CLDR data can add rows without touching the code that reads them: lookups go through one
//! function per kind of word and are built once, lazily, from all rows.

pub mod countries_iso;
pub mod degrees;
pub mod fields;
pub mod levels;
pub mod months;
pub mod orgs;
pub mod places;
pub mod roles;
pub mod sections;
pub mod titles;

/// Lower-cases a word or phrase for lookup: Unicode lower case without the combining dot that
/// Turkish `İ` leaves behind, curly apostrophes made straight, Greek without its accents and
/// final sigma (Greek headings are often in capitals, which carry no accents).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        let mut out = text.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase().filter(|l| *l != '\u{307}').map(greek_plain)),
        }
    }
    out
}

/// A lower-case word as the tables hold it: ASCII as it is, anything else [`fold`]ed (callers
/// lower-case, but Greek keeps its accents and final sigma until folded).
pub(crate) fn key(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() { std::borrow::Cow::Borrowed(w) } else { std::borrow::Cow::Owned(fold(w)) }
}

/// A lower-case Greek letter without its tonos or dialytika, and final sigma as medial sigma.
fn greek_plain(c: char) -> char {
    match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        c => c,
    }
}
