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

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A set of words hashed by [`WordHasher`]: lookups of a line's words in the tables are
/// among the importer's hottest operations.
pub(crate) type WordSet<T> = HashSet<T, BuildHasherDefault<WordHasher>>;

/// FxHash's mixing step (the rustc hasher): a rotate, an xor and a multiply per word of
/// input. The words are the tables' and the resume's own, so a hash that resists crafted
/// collisions (std's SipHash, several times slower on short words) buys nothing here.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

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
