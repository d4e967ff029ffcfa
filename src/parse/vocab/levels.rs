//! How well someone knows a skill or speaks a language ("fluent", "Muttersprache", "B2",
//! "expert"), and the names of spoken languages, per language.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::fold;
use crate::parse::pattern::Pattern;

/// The level words and language names of one language.
#[derive(Debug)]
pub struct LevelWords {
    pub lang: &'static str,
    /// Levels of a skill or a language, from native to beginner ("fluent", "expert").
    pub levels: &'static [&'static str],
    /// Names of spoken languages written in this language ("German", "Deutsch", "Alemão").
    pub languages: &'static [&'static str],
}

pub static LEVEL_WORDS: &[LevelWords] = &[
    LevelWords {
        lang: "en",
        levels: &[
            "native",
            "native speaker",
            "mother tongue",
            "first language",
            "fluent",
            "bilingual",
            "proficient",
            "professional",
            // A profile site's PDF writes its levels short: "English (Full Professional)".
            "native or bilingual",
            "full professional",
            "professional working",
            "limited working",
            "full professional proficiency",
            "professional working proficiency",
            "limited working proficiency",
            "elementary proficiency",
            "working knowledge",
            "advanced",
            "upper intermediate",
            "intermediate",
            "lower intermediate",
            "conversational",
            "basic",
            "basics",
            "beginner",
            "elementary",
            "expert",
            "good",
            "very good",
            "excellent",
            "familiar",
            "prior experience",
            "some experience",
            "learning",
            "reading",
            "a1",
            "a2",
            "b1",
            "b2",
            "c1",
            "c2",
        ],
        languages: &[
            "English",
            "German",
            "French",
            "Spanish",
            "Italian",
            "Portuguese",
            "Dutch",
            "Polish",
            "Russian",
            "Turkish",
            "Chinese",
            "Mandarin",
            "Cantonese",
            "Japanese",
            "Korean",
            "Arabic",
            "Hebrew",
            "Hindi",
            "Urdu",
            "Bengali",
            "Persian",
            "Farsi",
            "Greek",
            "Swedish",
            "Norwegian",
            "Danish",
            "Finnish",
            "Icelandic",
            "Czech",
            "Slovak",
            "Hungarian",
            "Romanian",
            "Bulgarian",
            "Serbian",
            "Croatian",
            "Slovenian",
            "Ukrainian",
            "Lithuanian",
            "Latvian",
            "Estonian",
            "Catalan",
            "Basque",
            "Galician",
            "Indonesian",
            "Malay",
            "Vietnamese",
            "Thai",
            "Tagalog",
            "Swahili",
            "Tamil",
            "Telugu",
            "Malayalam",
            "Marathi",
            "Punjabi",
            "Gujarati",
            "Kannada",
            "Latin",
            "Esperanto",
            "Afrikaans",
            "Irish",
            "Welsh",
            "Albanian",
            "Armenian",
            "Georgian",
            "Azerbaijani",
            "Kazakh",
            "Uzbek",
            "Amharic",
            "Yoruba",
            "Hausa",
            "Igbo",
            "Zulu",
            "Sign Language",
        ],
    },
    LevelWords {
        lang: "de",
        levels: &[
            "muttersprache",
            "muttersprachler",
            "muttersprachlich",
            "fließend",
            "verhandlungssicher",
            "sehr gut",
            "gut",
            "grundkenntnisse",
            "basiskenntnisse",
            "fortgeschritten",
            "anfänger",
            "experte",
            "kenntnisse",
            "gute kenntnisse",
            "sehr gute kenntnisse",
            "erweiterte kenntnisse",
            "fundierte kenntnisse",
            "schulkenntnisse",
        ],
        languages: &[
            "Deutsch",
            "Englisch",
            "Französisch",
            "Spanisch",
            "Italienisch",
            "Portugiesisch",
            "Niederländisch",
            "Polnisch",
            "Russisch",
            "Türkisch",
            "Chinesisch",
            "Japanisch",
            "Arabisch",
            "Schwedisch",
            "Tschechisch",
            "Ungarisch",
            "Griechisch",
            "Vietnamesisch",
            "Schweizerdeutsch",
        ],
    },
    LevelWords {
        lang: "fr",
        levels: &[
            "langue maternelle",
            "maternelle",
            "natif",
            "native",
            "courant",
            "professionnel",
            "bilingue",
            "avancé",
            "intermédiaire",
            "notions",
            "débutant",
            "bon niveau",
            "scolaire",
            "lu, écrit, parlé",
            "opérationnel",
        ],
        languages: &[
            "Français",
            "Anglais",
            "Allemand",
            "Espagnol",
            "Italien",
            "Portugais",
            "Néerlandais",
            "Polonais",
            "Russe",
            "Turc",
            "Chinois",
            "Japonais",
            "Arabe",
        ],
    },
    LevelWords {
        lang: "es",
        levels: &[
            "nativo",
            "nativa",
            "lengua materna",
            "fluido",
            "profesional",
            "avanzado",
            "intermedio",
            "básico",
            "bilingüe",
            "alto",
            "medio",
        ],
        languages: &[
            "Español",
            "Castellano",
            "Inglés",
            "Alemán",
            "Francés",
            "Italiano",
            "Portugués",
            "Catalán",
            "Ruso",
            "Chino",
            "Japonés",
            "Árabe",
        ],
    },
    LevelWords {
        lang: "it",
        levels: &["madrelingua", "fluente", "avanzato", "intermedio", "base", "buono", "ottimo"],
        languages: &["Italiano", "Inglese", "Tedesco", "Francese", "Spagnolo", "Portoghese"],
    },
    LevelWords {
        lang: "pt",
        levels: &[
            "nativo",
            "língua materna",
            "fluente",
            "avançado",
            "intermediário",
            "intermédio",
            "básico",
        ],
        languages: &["Português", "Inglês", "Alemão", "Francês", "Espanhol", "Italiano", "Japonês"],
    },
    LevelWords {
        lang: "nl",
        levels: &["moedertaal", "vloeiend", "goed", "redelijk", "basis", "gevorderd"],
        languages: &["Nederlands", "Engels", "Duits", "Frans", "Spaans"],
    },
    LevelWords {
        lang: "pl",
        levels: &[
            "ojczysty",
            "biegły",
            "biegle",
            "zaawansowany",
            "średniozaawansowany",
            "podstawowy",
            "komunikatywny",
        ],
        languages: &["Polski", "Angielski", "Niemiecki", "Francuski", "Hiszpański", "Rosyjski"],
    },
    LevelWords {
        lang: "ru",
        levels: &[
            "родной",
            "свободно",
            "свободный",
            "продвинутый",
            "средний",
            "базовый",
            "немного",
        ],
        languages: &["Русский", "Английский", "Немецкий", "Французский", "Испанский"],
    },
    LevelWords {
        lang: "tr",
        levels: &[
            "ana dil",
            "anadil",
            "ileri",
            "ileri seviye",
            "orta",
            "orta seviye",
            "başlangıç",
            "temel",
            "iyi",
        ],
        languages: &["Türkçe", "İngilizce", "Almanca", "Fransızca", "İspanyolca", "Arapça"],
    },
    LevelWords {
        lang: "id",
        levels: &["lancar", "aktif", "pasif", "dasar", "menengah", "mahir"],
        languages: &["Bahasa Indonesia", "Indonesia", "Inggris", "Jawa", "Sunda"],
    },
];

struct Sets {
    levels: HashSet<String>,
    languages: HashSet<String>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| {
    let mut s = Sets { levels: HashSet::new(), languages: HashSet::new() };
    for l in LEVEL_WORDS {
        s.levels.extend(l.levels.iter().map(|w| fold(w)));
        s.languages.extend(l.languages.iter().map(|w| fold(w)));
    }
    s
});

/// Words that stand beside a language's name in a label without changing what it names
/// ("Welsh Ability", "Lingua Tedesco"), per language.
const LANGUAGE_LABEL_WORDS: &[&str] = &[
    "ability",
    "language",
    "skills",
    "proficiency",
    "lingua",
    "langue",
    "sprache",
    "idioma",
    "lengua",
    "língua",
    "język",
    "taal",
    "dil",
    "язык",
];

/// The spoken language a short label names beside words such as "Ability" or "Lingua"
/// ("Welsh Ability" → "Welsh", "Lingua Tedesco" → "Tedesco").
pub fn language_in_label(label: &str) -> Option<&str> {
    let words: Vec<&str> = label.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let mut names = words.iter().filter(|w| is_language(w));
    let name = names.next()?;
    let rest_fills = words
        .iter()
        .filter(|w| *w != name)
        .all(|w| LANGUAGE_LABEL_WORDS.contains(&fold(w).as_str()));
    (names.next().is_none() && rest_fills).then_some(*name)
}

/// The spoken language a label names, alone ("Welsh") or beside a word such as "Ability"
/// ("Welsh Ability").
pub fn spoken_language(label: &str) -> Option<&str> {
    let label = label.trim();
    if is_language(label) { Some(label) } else { language_in_label(label) }
}

/// The spoken languages a sentence names, as written and once each ("I speak Welsh and some
/// Greek" → Welsh, Greek; "l'anglais" → anglais).
pub fn languages_named(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if !word.is_empty() && is_language(word) && !out.iter().any(|w| fold(w) == fold(word)) {
            out.push(word);
        }
    }
    out
}

/// Whether a whole phrase is a level ("fluent", "Grundkenntnisse", "B2", "5/5").
pub fn is_level(text: &str) -> bool {
    let t = fold(text.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    SETS.levels.contains(&t) || is_rating(text.trim().trim_matches(['(', ')']))
}

/// A rating written after a name or alone: glyphs ("★★★★☆", "■■■□□"), a percentage, a
/// mark out of 5 or 10.
pub(crate) static RATING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\s*(?:[★☆●○◉◯■□▪▫◼◻⬤◆◇✦✧][★☆●○◉◯■□▪▫◼◻⬤◆◇✦✧\s]*|\(?\d{1,3}\s*%\)?|\(?\d{1,2}\s*/\s*(?:5|10)\)?|[-–:]\s*\d{1,2}\s*/\s*(?:5|10))\s*$",
    )
});

/// Whether a whole text is a rating mark ("★★★★☆", "80%", "4/5").
pub fn is_rating_mark(text: &str) -> bool {
    RATING.find(text.trim()).is_some_and(|m| m.start() == 0)
}

/// Whether a phrase starts with a level word ("Upper Intermediate, mostly written").
pub fn starts_with_level(text: &str) -> bool {
    // Only the first words matter: a level is at most three words long.
    let head: String = text.trim().chars().take(80).collect();
    let t = fold(&head);
    let first_words: Vec<&str> =
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(3).collect();
    (1..=3.min(first_words.len())).any(|n| SETS.levels.contains(&first_words[..n].join(" ")))
}

/// "5/5", "8/10", "80%", "★★★★☆": a rating, not a word.
fn is_rating(t: &str) -> bool {
    let t = t.trim();
    let stars = !t.is_empty() && t.chars().all(|c| "★☆●○◉◯■□▪▫".contains(c) || c == ' ');
    let slash = t.split_once('/').is_some_and(|(a, b)| {
        a.trim().chars().all(|c| c.is_ascii_digit()) && matches!(b.trim(), "5" | "10" | "100")
    });
    let percent = t.strip_suffix('%').is_some_and(|n| n.trim().parse::<u8>().is_ok());
    stars || slash || percent
}

/// Whether a word or phrase names a spoken language.
pub fn is_language(text: &str) -> bool {
    SETS.languages.contains(&fold(text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_languages() {
        for l in ["Fluent", "Muttersprache", "B2", "avançado", "5/5", "80%", "★★★☆☆", "(expert)"]
        {
            assert!(is_level(l), "{l}");
        }
        assert!(!is_level("Rust"));
        assert!(starts_with_level("Upper Intermediate, mostly written"));
        assert!(is_language("Deutsch") && is_language("Inglês") && is_language("english"));
        assert!(!is_language("Python"));
    }

    #[test]
    fn language_names_beside_other_words() {
        assert_eq!(language_in_label("Welsh Ability"), Some("Welsh"));
        assert_eq!(language_in_label("Lingua Tedesco"), Some("Tedesco"));
        assert_eq!(language_in_label("English Literature"), None);
        assert_eq!(language_in_label("English"), None);
        assert_eq!(
            languages_named("Je parle couramment le français et l'anglais, et un peu d'Anglais."),
            ["français", "anglais"]
        );
        assert!(languages_named("I like Python and Rust.").is_empty());
    }
}
