//! The words a document's title is made of ("Curriculum Vitae", "One-page CV", "Lebenslauf",
//! "Resume 2024"), per language: a title names the document, never the person.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::fold;
use super::sections::{Section, heading_words, section};

/// The title words of one language.
#[derive(Debug)]
pub struct TitleWords {
    pub lang: &'static str,
    /// Phrases that name a resume ("curriculum vitae", "lebenslauf").
    pub titles: &'static [&'static str],
    /// Words a title may carry around its name ("one-page", "short", "my"), never a title alone.
    pub qualifiers: &'static [&'static str],
}

pub static TITLE_WORDS: &[TitleWords] = &[
    TitleWords {
        lang: "en",
        titles: &["curriculum vitae", "curriculum vitæ", "resume", "résumé", "cv", "vita", "vitae"],
        qualifiers: &[
            "one",
            "two",
            "page",
            "pager",
            "short",
            "full",
            "long",
            "brief",
            "my",
            "personal",
            "professional",
            "academic",
            "updated",
            "current",
            "latest",
            "the",
            "of",
        ],
    },
    TitleWords {
        lang: "de",
        titles: &["lebenslauf", "curriculum vitae", "cv"],
        qualifiers: &["tabellarischer", "tabellarisch", "kurzer", "mein", "ausführlicher"],
    },
    TitleWords { lang: "fr", titles: &["curriculum vitae", "cv"], qualifiers: &["mon", "le"] },
    TitleWords {
        lang: "es",
        titles: &["currículum vitae", "currículum", "curriculum", "hoja de vida", "cv"],
        qualifiers: &["mi", "el"],
    },
    TitleWords {
        lang: "pt",
        titles: &["currículo", "curriculo", "curriculum vitae", "cv"],
        qualifiers: &["meu", "o"],
    },
    TitleWords {
        lang: "it",
        titles: &["curriculum vitae", "curriculum", "cv"],
        qualifiers: &["il"],
    },
    TitleWords { lang: "nl", titles: &["curriculum vitae", "cv"], qualifiers: &["mijn"] },
    TitleWords { lang: "pl", titles: &["życiorys", "cv"], qualifiers: &["mój"] },
    TitleWords { lang: "ru", titles: &["резюме"], qualifiers: &["моё", "мое"] },
    TitleWords { lang: "tr", titles: &["özgeçmiş", "cv"], qualifiers: &[] },
];

struct Sets {
    /// Title phrases as word lists, longest first.
    titles: Vec<Vec<String>>,
    qualifiers: HashSet<String>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| {
    let mut titles: Vec<Vec<String>> =
        TITLE_WORDS.iter().flat_map(|t| t.titles.iter().map(|p| heading_words(p))).collect();
    titles.sort_by_key(|p| std::cmp::Reverse(p.len()));
    titles.dedup();
    let qualifiers =
        TITLE_WORDS.iter().flat_map(|t| t.qualifiers.iter().map(|w| fold(w))).collect();
    Sets { titles, qualifiers }
});

/// Whether a line is a document title: every word a title word of some language, at least one
/// of them naming the document; numbers (a year) may stand beside them.
pub fn is_title(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let words = heading_words(text);
    if words.len() > 6 {
        return false;
    }
    let mut named = false;
    let mut i = 0;
    while i < words.len() {
        if let Some(p) = SETS.titles.iter().find(|p| words[i..].starts_with(p)) {
            named = true;
            i += p.len();
        } else if SETS.qualifiers.contains(&words[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    named
}

/// "Resume of Ann Example", "Curriculum Vitae - Ann Example", "Ann Example | CV": a title
/// that names the document and the person; the person's part.
pub fn titled_name(text: &str) -> Option<&str> {
    for sep in [" - ", " – ", " — ", ": ", " | ", " of "] {
        let Some((a, b)) = text.split_once(sep) else { continue };
        let (a, b) = (a.trim(), b.trim());
        if is_title(a) && !b.is_empty() {
            return Some(b);
        }
        if sep != " of " && is_title(b) && !a.is_empty() {
            return Some(a);
        }
    }
    None
}

/// "Curriculum Vitae", "One-page CV", "Lebenslauf": a title naming the document, or a short
/// line naming no content ("Table of Contents").
pub fn is_document_title(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    if is_title(text) {
        return true;
    }
    section(text) == Some(Section::Junk) && (1..=3).contains(&heading_words(text).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_name_the_person() {
        assert_eq!(titled_name("Resume of Ann Example"), Some("Ann Example"));
        assert_eq!(titled_name("Curriculum Vitae - Ann Example"), Some("Ann Example"));
        assert_eq!(titled_name("Ann Example | CV"), Some("Ann Example"));
        assert_eq!(titled_name("Head of Sales"), None);
        assert_eq!(titled_name("Ann Example - Potter"), None);
    }

    #[test]
    fn titles_in_many_languages() {
        for t in [
            "Curriculum Vitae",
            "RESUME",
            "Résumé",
            "CV",
            "One-page CV",
            "Lebenslauf",
            "Tabellarischer Lebenslauf",
            "Currículum",
            "Hoja de vida",
            "Resume 2024",
            "CV (2023)",
            "Życiorys",
            "Резюме",
        ] {
            assert!(is_title(t), "{t}");
        }
        for t in ["Jane Example", "Jane Example CV", "Experience", "Page One", "Curriculum Design"]
        {
            assert!(!is_title(t), "{t}");
        }
    }

    #[test]
    fn document_titles_and_content_free_lines() {
        assert!(is_document_title("Curriculum Vitae"));
        assert!(is_document_title("RÉSUMÉ"));
        assert!(is_document_title("One-page CV"));
        assert!(is_document_title("Resume 2024"));
        assert!(!is_document_title("Experience"));
    }
}
