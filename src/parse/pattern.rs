//! Large patterns built in two steps: a cheap engine first, the fast one only once enough
//! text has been searched to repay building it.
//!
//! Importing one short file (a one-page PDF) searches a few kilobytes in all, and building
//! the interpreter's large Unicode patterns is most of its time; importing many files in one
//! process searches megabytes, and there matching speed is what counts. A [`Pattern`] starts
//! as a [`short_text_regex`](crate::parse::short_text_regex) (the backtracker or the PikeVM,
//! no reverse automaton to build) and builds the full `regex` engine (with the lazy DFA)
//! once it has searched [`BUDGET`] bytes. Both engines take the same syntax and report the
//! same leftmost-first matches, so which one answers never changes a result.

use std::ops::{Index, Range};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Input, Span};

/// Bytes searched with the cheap engine before the fast one is built: about what the
/// backtracker searches in the time the lazy DFA's reverse automaton takes to build for the
/// interpreter's largest pattern.
const BUDGET: usize = 32 * 1024;

/// A pattern whose fast engine is built on demand (see the module doc).
pub(crate) struct Pattern {
    source: String,
    cheap: Regex,
    fast: OnceLock<Regex>,
    searched: AtomicUsize,
}

impl Pattern {
    /// Builds the cheap engine; the pattern is the program's own, so an invalid one is a bug.
    pub(crate) fn new(source: &str) -> Pattern {
        let cheap = crate::parse::short_text_regex(source);
        Pattern {
            source: source.to_string(),
            cheap,
            fast: OnceLock::new(),
            searched: AtomicUsize::new(0),
        }
    }

    /// The engine for a search of `len` bytes.
    fn engine(&self, len: usize) -> &Regex {
        if let Some(fast) = self.fast.get() {
            return fast;
        }
        if self.searched.fetch_add(len, Ordering::Relaxed) + len <= BUDGET {
            return &self.cheap;
        }
        self.fast.get_or_init(|| Regex::new(&self.source).expect("pattern built before"))
    }

    /// Whether the pattern matches anywhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.engine(text.len()).is_match(Input::new(text).earliest(true))
    }

    /// The first match in `text`.
    pub(crate) fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        self.find_at(text, 0)
    }

    /// The first match that starts at or after `pos`, with `text` before `pos` still seen
    /// by anchors and word boundaries (as `regex::Regex::find_at`).
    pub(crate) fn find_at<'t>(&self, text: &'t str, pos: usize) -> Option<Found<'t>> {
        let m = self.engine(text.len() - pos).search(&Input::new(text).range(pos..))?;
        Some(Found { text, span: m.span() })
    }

    /// The first match in `text` with its groups.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<Caps<'t>> {
        self.captures_at(text, 0)
    }

    /// The first match at or after `pos` with its groups (as `regex::Regex::captures_at`).
    pub(crate) fn captures_at<'t>(&self, text: &'t str, pos: usize) -> Option<Caps<'t>> {
        let re = self.engine(text.len() - pos);
        let mut caps = re.create_captures();
        re.search_captures(&Input::new(text).range(pos..), &mut caps);
        caps.is_match().then_some(Caps { text, caps })
    }
}

/// A match: its text and where it stands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'t> {
    text: &'t str,
    span: Span,
}

impl<'t> Found<'t> {
    pub(crate) fn start(&self) -> usize {
        self.span.start
    }

    pub(crate) fn end(&self) -> usize {
        self.span.end
    }

    pub(crate) fn range(&self) -> Range<usize> {
        self.span.range()
    }

    pub(crate) fn as_str(&self) -> &'t str {
        &self.text[self.span.range()]
    }
}

/// A match with its groups, read by name or index as `regex::Captures` is.
pub(crate) struct Caps<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Caps<'t> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<Found<'t>> {
        self.caps.get_group(i).map(|span| Found { text: self.text, span })
    }

    /// The named group, if it took part in the match.
    pub(crate) fn name(&self, name: &str) -> Option<Found<'t>> {
        self.caps.get_group_by_name(name).map(|span| Found { text: self.text, span })
    }

    /// Every group in order, the whole match first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Option<Found<'t>>> + '_ {
        self.caps.iter().map(|s| s.map(|span| Found { text: self.text, span }))
    }
}

impl Index<usize> for Caps<'_> {
    type Output = str;

    /// Group `i`'s text; panics when it did not take part, as `regex::Captures` does.
    fn index(&self, i: usize) -> &str {
        self.get(i).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group {i}"))
    }
}

impl Index<&str> for Caps<'_> {
    type Output = str;

    /// The named group's text; panics when it did not take part, as `regex::Captures` does.
    fn index(&self, name: &str) -> &str {
        self.name(name).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group named {name}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every search, before and after the fast engine is built, answers as `regex` does.
    #[test]
    fn both_engines_match_as_regex_does() {
        let source = r"(?i)(?:^|[^\p{L}])(?P<m>\p{L}{3,})\.?\s+(?P<y>(?:19|20)\d{2})(?-u:\b)";
        let reference = regex::Regex::new(source).expect("test pattern");
        let pattern = Pattern::new(source);
        let texts = ["Acme, März 2019 – Juni 2021", "x 2019", "Initech (Sept. 2001)", "no date"];
        for built in [false, true] {
            if built {
                // One long search crosses the budget.
                assert!(!pattern.is_match(&"x".repeat(BUDGET)));
            }
            for text in texts {
                for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                    let want = reference.captures_at(text, pos);
                    let got = pattern.captures_at(text, pos);
                    let group = |n: &str| want.as_ref().and_then(|c| c.name(n)).map(|m| m.range());
                    assert_eq!(
                        group("m"),
                        got.as_ref().and_then(|c| c.name("m")).map(|m| m.range())
                    );
                    assert_eq!(group("y"), got.as_ref().and_then(|c| c.get(2)).map(|m| m.range()));
                    let find = |t: &str, p: usize| reference.find_at(t, p).map(|m| m.range());
                    assert_eq!(find(text, pos), pattern.find_at(text, pos).map(|m| m.range()));
                }
                assert_eq!(reference.is_match(text), pattern.is_match(text));
            }
            assert_eq!(pattern.fast.get().is_some(), built);
        }
    }
}
