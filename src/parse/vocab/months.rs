//! Month names and the words written around dates ("present", "since", "to"), per language.
//!
//! One [`Calendar`] row per language: the shape CLDR's `months/format/{wide,abbreviated}` and
//! relative-time data have, so a locale pack can supply rows instead of these hand-written
//! ones. Lookups ([`month`], [`present_words`], ...) read every row.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fold;

/// The date words of one language.
#[derive(Debug)]
pub struct Calendar {
    /// BCP 47 language code.
    pub lang: &'static str,
    /// For each month, January first: its names, inflected forms and abbreviations.
    pub months: [&'static [&'static str]; 12],
    /// An open end of a range ("present", "heute", "aujourd'hui").
    pub present: &'static [&'static str],
    /// Words joining the two ends of a range ("to", "bis", "au").
    pub joiners: &'static [&'static str],
    /// Words before a start that has no end ("since", "seit").
    pub since: &'static [&'static str],
    /// Words before a range that they open ("from", "von").
    pub from: &'static [&'static str],
    /// Seasons; a season gives its year only.
    pub seasons: &'static [&'static str],
}

/// Every language's date words.
pub static CALENDARS: &[Calendar] = &[
    Calendar {
        lang: "en",
        months: [
            &["jan", "january"],
            &["feb", "february"],
            &["mar", "march"],
            &["apr", "april"],
            &["may"],
            &["jun", "june"],
            &["jul", "july"],
            &["aug", "august"],
            &["sep", "sept", "september"],
            &["oct", "october"],
            &["nov", "november"],
            &["dec", "december"],
        ],
        present: &[
            "present",
            "pres",
            "now",
            "current",
            "currently",
            "today",
            "ongoing",
            "date",
            "till date",
            "to date",
            "the present",
        ],
        joiners: &["to", "until", "till", "through", "thru"],
        since: &["since"],
        from: &["from"],
        seasons: &["spring", "summer", "fall", "autumn", "winter"],
    },
    Calendar {
        lang: "de",
        months: [
            &["januar", "jänner", "jan"],
            &["februar", "feber", "feb"],
            &["märz", "maerz", "mär", "mrz"],
            &["april", "apr"],
            &["mai"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["august", "aug"],
            &["september", "sep", "sept"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["dezember", "dez"],
        ],
        present: &["heute", "jetzt", "aktuell", "laufend", "offen", "dato"],
        joiners: &["bis"],
        since: &["seit", "ab"],
        from: &["von", "vom"],
        seasons: &["frühling", "frühjahr", "sommer", "herbst", "winter"],
    },
    Calendar {
        lang: "fr",
        months: [
            &["janvier", "janv"],
            &["février", "fevrier", "fév", "fev", "févr", "fevr"],
            &["mars"],
            &["avril", "avr"],
            &["mai"],
            &["juin"],
            &["juillet", "juil"],
            &["août", "aout"],
            &["septembre", "sept"],
            &["octobre", "oct"],
            &["novembre", "nov"],
            &["décembre", "decembre", "déc", "dec"],
        ],
        present: &[
            "aujourd'hui",
            "présent",
            "present",
            "actuel",
            "actuellement",
            "ce jour",
            "en cours",
            "maintenant",
        ],
        joiners: &["au", "à", "a", "jusqu'à", "jusqu'en"],
        since: &["depuis"],
        from: &["de", "du", "dès", "des"],
        seasons: &["printemps", "été", "automne", "hiver"],
    },
    Calendar {
        lang: "es",
        months: [
            &["enero", "ene"],
            &["febrero", "feb"],
            &["marzo", "mar"],
            &["abril", "abr"],
            &["mayo", "may"],
            &["junio", "jun"],
            &["julio", "jul"],
            &["agosto", "ago"],
            &["septiembre", "setiembre", "sep", "sept", "set"],
            &["octubre", "oct"],
            &["noviembre", "nov"],
            &["diciembre", "dic"],
        ],
        present: &["actualidad", "actualmente", "presente", "hoy", "la fecha", "fecha"],
        joiners: &["a", "al", "hasta"],
        since: &["desde"],
        from: &["de", "desde"],
        seasons: &["primavera", "verano", "otoño", "invierno"],
    },
    Calendar {
        lang: "it",
        months: [
            &["gennaio", "gen"],
            &["febbraio", "feb"],
            &["marzo", "mar"],
            &["aprile", "apr"],
            &["maggio", "mag"],
            &["giugno", "giu"],
            &["luglio", "lug"],
            &["agosto", "ago"],
            &["settembre", "set", "sett"],
            &["ottobre", "ott"],
            &["novembre", "nov"],
            &["dicembre", "dic"],
        ],
        present: &["oggi", "attuale", "in corso", "presente"],
        joiners: &["a", "ad", "al", "fino a"],
        since: &["dal", "da"],
        from: &["da", "dal", "dalla"],
        seasons: &["primavera", "estate", "autunno", "inverno"],
    },
    Calendar {
        lang: "nl",
        months: [
            &["januari", "jan"],
            &["februari", "feb"],
            &["maart", "mrt"],
            &["april", "apr"],
            &["mei"],
            &["juni", "jun"],
            &["juli", "jul"],
            &["augustus", "aug"],
            &["september", "sep", "sept"],
            &["oktober", "okt"],
            &["november", "nov"],
            &["december", "dec"],
        ],
        present: &["heden", "nu", "huidig"],
        joiners: &["tot", "t/m", "tot en met"],
        since: &["sinds", "vanaf"],
        from: &["van", "vanaf"],
        seasons: &["lente", "voorjaar", "zomer", "herfst", "najaar", "winter"],
    },
    Calendar {
        lang: "pt",
        months: [
            &["janeiro", "jan"],
            &["fevereiro", "fev"],
            &["março", "marco", "mar"],
            &["abril", "abr"],
            &["maio", "mai"],
            &["junho", "jun"],
            &["julho", "jul"],
            &["agosto", "ago"],
            &["setembro", "set"],
            &["outubro", "out"],
            &["novembro", "nov"],
            &["dezembro", "dez"],
        ],
        present: &["atual", "atualmente", "actual", "hoje", "presente", "o momento"],
        joiners: &["a", "até"],
        since: &["desde"],
        from: &["de", "desde"],
        seasons: &["primavera", "verão", "outono", "inverno"],
    },
    Calendar {
        lang: "pl",
        months: [
            &["styczeń", "stycznia", "sty"],
            &["luty", "lutego", "lut"],
            &["marzec", "marca"],
            &["kwiecień", "kwietnia", "kwi"],
            &["maj", "maja"],
            &["czerwiec", "czerwca", "cze"],
            &["lipiec", "lipca", "lip"],
            &["sierpień", "sierpnia", "sie"],
            &["wrzesień", "września", "wrz"],
            &["październik", "października", "paź"],
            &["listopad", "listopada", "lis"],
            &["grudzień", "grudnia", "gru"],
        ],
        present: &["obecnie", "teraz", "nadal", "dziś"],
        joiners: &["do"],
        since: &["od"],
        from: &["od"],
        seasons: &["wiosna", "lato", "jesień", "zima"],
    },
    Calendar {
        lang: "ru",
        months: [
            &["январь", "января", "янв"],
            &["февраль", "февраля", "фев"],
            &["март", "марта", "мар"],
            &["апрель", "апреля", "апр"],
            &["май", "мая"],
            &["июнь", "июня", "июн"],
            &["июль", "июля", "июл"],
            &["август", "августа", "авг"],
            &["сентябрь", "сентября", "сен", "сент"],
            &["октябрь", "октября", "окт"],
            &["ноябрь", "ноября", "ноя"],
            &["декабрь", "декабря", "дек"],
        ],
        present: &["настоящее время", "наст. время", "н.в", "сейчас", "текущее время"],
        joiners: &["по", "до"],
        since: &["с"],
        from: &["с"],
        seasons: &["весна", "лето", "осень", "зима"],
    },
    Calendar {
        lang: "tr",
        months: [
            &["ocak", "oca"],
            &["şubat", "şub", "subat"],
            &["mart", "mar"],
            &["nisan", "nis"],
            &["mayıs", "may", "mayis"],
            &["haziran", "haz"],
            &["temmuz", "tem"],
            &["ağustos", "ağu", "agustos"],
            &["eylül", "eyl", "eylul"],
            &["ekim", "eki"],
            &["kasım", "kas", "kasim"],
            &["aralık", "ara", "aralik"],
        ],
        present: &["günümüz", "halen", "devam ediyor", "şu an", "hâlâ", "hala"],
        joiners: &[],
        since: &[],
        from: &[],
        seasons: &["ilkbahar", "yaz", "sonbahar", "kış"],
    },
    Calendar {
        lang: "sv",
        months: [
            &["januari"],
            &["februari"],
            &["mars"],
            &["april"],
            &["maj"],
            &["juni"],
            &["juli"],
            &["augusti"],
            &["september"],
            &["oktober", "okt"],
            &["november"],
            &["december"],
        ],
        present: &["nu", "pågående", "idag"],
        joiners: &["till"],
        since: &["sedan"],
        from: &["från"],
        seasons: &["vår", "sommar", "höst", "vinter"],
    },
    Calendar {
        lang: "el",
        // Nominative, genitive ("1 Μαρτίου 2020") and the spoken forms ("Μάης"); lookups fold
        // the accents away, the regex alternations below need both spellings.
        months: [
            &["ιανουάριος", "ιανουαρίου", "ιαν"],
            &["φεβρουάριος", "φεβρουαρίου", "φεβ"],
            &["μάρτιος", "μαρτίου", "μάρτης", "μαρ"],
            &["απρίλιος", "απριλίου", "απρίλης", "απρ"],
            &["μάιος", "μαΐου", "μάης", "μαΐ"],
            &["ιούνιος", "ιουνίου", "ιούνης", "ιουν"],
            &["ιούλιος", "ιουλίου", "ιούλης", "ιουλ"],
            &["αύγουστος", "αυγούστου", "αυγ"],
            &["σεπτέμβριος", "σεπτεμβρίου", "σεπ", "σεπτ"],
            &["οκτώβριος", "οκτωβρίου", "οκτ"],
            &["νοέμβριος", "νοεμβρίου", "νοε"],
            &["δεκέμβριος", "δεκεμβρίου", "δεκ"],
        ],
        present: &[
            "σήμερα",
            "σημερα",
            "παρόν",
            "παρον",
            "τώρα",
            "τωρα",
            "μέχρι σήμερα",
            "έως σήμερα",
        ],
        joiners: &["έως", "εως", "μέχρι", "μεχρι"],
        since: &["από", "απο"],
        from: &["από", "απο"],
        seasons: &["άνοιξη", "καλοκαίρι", "φθινόπωρο", "χειμώνας"],
    },
    Calendar {
        lang: "zh",
        months: [
            &["一月"],
            &["二月"],
            &["三月"],
            &["四月"],
            &["五月"],
            &["六月"],
            &["七月"],
            &["八月"],
            &["九月"],
            &["十月"],
            &["十一月"],
            &["十二月"],
        ],
        // Simplified and traditional (and Japanese) forms: "至今" (to date), "現在" (now).
        present: &["至今", "迄今", "现在", "現在", "目前", "今日"],
        joiners: &["至", "到"],
        since: &[],
        from: &[],
        seasons: &[],
    },
    Calendar {
        lang: "id",
        months: [
            &["januari"],
            &["februari", "pebruari"],
            &["maret"],
            &["april"],
            &["mei"],
            &["juni"],
            &["juli"],
            &["agustus", "agt"],
            &["september"],
            &["oktober", "okt"],
            &["november", "nopember"],
            &["desember", "des"],
        ],
        present: &["sekarang", "saat ini", "kini"],
        joiners: &["sampai", "hingga", "s/d", "sd"],
        since: &["sejak"],
        from: &["dari"],
        seasons: &[],
    },
    // Chinese dates are numeric ("2019.3 - 至今", "2019年3月"); only the words around them.
    Calendar {
        lang: "zh",
        months: [&[], &[], &[], &[], &[], &[], &[], &[], &[], &[], &[], &[]],
        present: &["至今", "今", "现在", "目前"],
        joiners: &["至", "到"],
        since: &["自"],
        from: &["从"],
        seasons: &[],
    },
];

static MONTHS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for cal in CALENDARS {
        for (i, names) in cal.months.iter().enumerate() {
            for n in *names {
                map.entry(fold(n)).or_insert(i as u8 + 1);
            }
        }
    }
    map
});

/// The month (1–12) a word names in any language, full, inflected or abbreviated; a trailing
/// period is ignored ("Sept.").
pub fn month(word: &str) -> Option<u8> {
    let w = fold(word.trim_end_matches('.'));
    MONTHS.get(&w).copied()
}

/// The month a word names allowing one wrong, missing or extra letter in a long name
/// ("Setmbro", "Febuary"): names of six letters or more only, so no short word is taken.
pub fn month_tolerant(word: &str) -> Option<u8> {
    month(word).or_else(|| {
        let w = fold(word.trim_end_matches('.'));
        if w.chars().count() < 5 {
            return None;
        }
        MONTHS
            .iter()
            .filter(|(name, _)| name.chars().count() >= 6)
            .find(|(name, _)| within_one_edit(&w, name))
            .map(|(_, m)| *m)
    })
}

/// Whether `a` becomes `b` by at most one inserted, deleted or replaced character.
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        prefix == short.len() || short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

fn all(pick: fn(&Calendar) -> &'static [&'static str]) -> Vec<&'static str> {
    let mut words: Vec<&'static str> =
        CALENDARS.iter().flat_map(|c| pick(c).iter().copied()).collect();
    // Longest first, so an alternation built from them prefers "till date" over "date".
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
}

/// Every language's words for an open end, longest first.
pub fn present_words() -> Vec<&'static str> {
    all(|c| c.present)
}

/// Every language's range joiners, longest first.
pub fn joiner_words() -> Vec<&'static str> {
    all(|c| c.joiners)
}

/// Every language's "since" words, longest first.
pub fn since_words() -> Vec<&'static str> {
    all(|c| c.since)
}

/// Every language's "from" words, longest first.
pub fn from_words() -> Vec<&'static str> {
    all(|c| c.from)
}

/// Every language's season names, longest first.
pub fn season_words() -> Vec<&'static str> {
    all(|c| c.seasons)
}

/// Notes that something is not finished yet ("In Progress", "en cours").
pub static IN_PROGRESS: &[&str] = &[
    "in progress",
    "ongoing",
    "expected",
    "pending",
    "en cours",
    "in bearbeitung",
    "laufend",
    "em andamento",
    "en curso",
    "in corso",
    "lopend",
    "w trakcie",
    "devam ediyor",
];

/// Whether a note says something is not finished yet.
pub fn is_in_progress(text: &str) -> bool {
    let t = fold(text.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    IN_PROGRESS.contains(&t.as_str())
}

/// Whether a whole text is a word for "present" in some language.
pub fn is_present(text: &str) -> bool {
    static SET: LazyLock<Vec<String>> =
        LazyLock::new(|| present_words().iter().map(|w| fold(w)).collect());
    let t = fold(text.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
    SET.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_many_languages() {
        for (w, m) in [
            ("Sept.", 9),
            ("März", 3),
            ("décembre", 12),
            ("Outubro", 10),
            ("października", 10),
            ("Сентября", 9),
            ("Ağustos", 8),
            ("AĞUSTOS", 8),
            ("Maret", 3),
            ("Μαρτίου", 3),
            ("ΣΕΠΤΕΜΒΡΙΟΣ", 9),
            ("Δεκ.", 12),
        ] {
            assert_eq!(month(w), Some(m), "{w}");
        }
        assert_eq!(month("Acme"), None);
        assert_eq!(month("Mo"), None);
    }

    #[test]
    fn long_month_names_tolerate_one_typo() {
        assert_eq!(month_tolerant("Setmbro"), Some(9));
        assert_eq!(month_tolerant("Febuary"), Some(2));
        assert_eq!(month_tolerant("Septembre"), Some(9));
        assert_eq!(month_tolerant("Maybe"), None);
        assert_eq!(month_tolerant("Junior"), None);
        assert!(within_one_edit("abc", "abd"));
        assert!(!within_one_edit("abc", "bca"));
    }

    #[test]
    fn present_words() {
        assert!(is_present("Present"));
        assert!(is_present("aujourd’hui"));
        assert!(is_present("in corso"));
        assert!(is_present("至今"));
        assert!(is_present("Pres"));
        assert!(!is_present("Acme"));
    }
}
