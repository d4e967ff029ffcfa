//! Words that make a phrase an organisation: legal forms, company and institution nouns, and
//! the unit nouns ("Institute", "Chair") that a "for" or "of" continues into a name.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{fold, key};

/// The organisation words of one language.
#[derive(Debug)]
pub struct OrgWords {
    pub lang: &'static str,
    /// Legal forms and nouns that name an organisation ("GmbH", "University", "Hospital").
    pub words: &'static [&'static str],
    /// Nouns naming an organisation or a unit of one that "for"/"of" continues
    /// ("Institute for Applied Physics"): not a title's employer after "for".
    pub units: &'static [&'static str],
    /// Nouns naming a school or university: what makes a phrase an institution of education.
    pub schools: &'static [&'static str],
}

pub static ORG_WORDS: &[OrgWords] = &[
    OrgWords {
        lang: "en",
        words: &[
            "inc",
            "inc.",
            "ltd",
            "ltd.",
            "llc",
            "llp",
            "plc",
            "corp",
            "corp.",
            "corporation",
            "company",
            "co.",
            "group",
            "holdings",
            "systems",
            "software",
            "technologies",
            "technology",
            "labs",
            "laboratory",
            "laboratories",
            "solutions",
            "services",
            "consulting",
            "university",
            "college",
            "institute",
            "school",
            "department",
            "dept",
            "bank",
            "agency",
            "foundation",
            "studio",
            "studios",
            "partners",
            "ventures",
            "networks",
            "media",
            "industries",
            "international",
            "associates",
            "hospital",
            "clinic",
            "ministry",
            "council",
            "government",
            "centre",
            "center",
            "lab",
            "games",
            "interactive",
            "digital",
            "society",
            "trust",
            "service",
            "association",
            "academy",
            "federation",
            "committee",
            "commission",
            "shipyard",
            "club",
            "team",
        ],
        units: &[
            "institute",
            "centre",
            "center",
            "chair",
            "laboratory",
            "laboratories",
            "lab",
            "school",
            "society",
            "association",
            "foundation",
            "council",
            "committee",
            "office",
            "ministry",
            "department",
            "agency",
            "academy",
            "fund",
            "alliance",
            "coalition",
            "commission",
            "bureau",
            "federation",
            "union",
            "league",
            "college",
            "museum",
            "programme",
            "program",
            "initiative",
            "network",
            "group",
            "organisation",
            "organization",
            "service",
            "services",
            "partnership",
            "trust",
        ],
        schools: &[
            "university",
            "college",
            "school",
            "institute",
            "academy",
            "polytechnic",
            "conservatory",
            "seminary",
            "campus",
            "faculty",
        ],
    },
    OrgWords {
        lang: "de",
        words: &[
            "gmbh",
            "ag",
            "kg",
            "ug",
            "e.v.",
            "universität",
            "hochschule",
            "fachhochschule",
            "gymnasium",
            "stiftung",
            "verein",
            "klinikum",
            "krankenhaus",
            "institut",
            "klubschule",
            "akademie",
        ],
        units: &[
            "institut",
            "lehrstuhl",
            "abteilung",
            "zentrum",
            "arbeitsgruppe",
            "forschungsgruppe",
        ],
        schools: &[
            "universität",
            "hochschule",
            "fachhochschule",
            "gymnasium",
            "akademie",
            "institut",
            "berufsschule",
            "schule",
            "klubschule",
            "fernakademie",
        ],
    },
    OrgWords {
        lang: "fr",
        words: &[
            "sa",
            "s.a.",
            "sarl",
            "sàrl",
            "sas",
            "s.a.s.",
            "université",
            "école",
            "ecole",
            "lycée",
            "systèmes",
            "groupe",
            "société",
            "mairie",
            "banque",
            "ministère",
            "hôpital",
        ],
        units: &["laboratoire", "centre", "département", "équipe", "groupe", "pôle"],
        schools: &[
            "université",
            "école",
            "ecole",
            "lycée",
            "lycee",
            "collège",
            "institut",
            "conservatoire",
            "séminaire",
            "seminaire",
        ],
    },
    OrgWords {
        lang: "es",
        words: &[
            "s.l.",
            "s.a.",
            "universidad",
            "escuela",
            "instituto",
            "sistemas",
            "grupo",
            "sociedad",
            "ayuntamiento",
            "banco",
            "ministerio",
            "colegio",
        ],
        units: &["departamento", "laboratorio", "centro", "grupo", "grup", "unidad"],
        schools: &["universidad", "escuela", "instituto", "colegio", "facultad", "academia"],
    },
    OrgWords {
        lang: "it",
        words: &[
            "s.r.l.",
            "srl",
            "s.p.a.",
            "spa",
            "università",
            "scuola",
            "politecnico",
            "istituto",
            "sistemi",
            "gruppo",
            "società",
            "comune",
            "banca",
            "ministero",
            "ospedale",
        ],
        units: &["dipartimento", "laboratorio", "centro", "gruppo"],
        schools: &["università", "scuola", "politecnico", "istituto", "liceo", "accademia"],
    },
    OrgWords {
        lang: "nl",
        words: &["bv", "b.v.", "n.v.", "nv", "universiteit", "hogeschool", "stichting", "gemeente"],
        units: &["afdeling"],
        schools: &["universiteit", "hogeschool"],
    },
    OrgWords {
        lang: "pt",
        words: &[
            "ltda",
            "lda",
            "s/a",
            "universidade",
            "escola",
            "faculdade",
            "instituto",
            "banco",
            "grupo",
            "sistemas",
            "indústria",
            "comércio",
            "academy",
        ],
        units: &["departamento", "laboratório", "centro", "grupo", "núcleo"],
        schools: &["universidade", "escola", "faculdade", "instituto", "colégio", "senai", "etec"],
    },
    OrgWords {
        lang: "nordic",
        words: &["oy", "a/s", "aps"],
        units: &[],
        schools: &["universitet", "högskola", "yliopisto"],
    },
    OrgWords {
        lang: "pl",
        words: &["sp.", "uniwersytet", "politechnika", "akademia", "szkoła"],
        units: &["wydział", "katedra"],
        schools: &["uniwersytet", "politechnika", "akademia", "szkoła"],
    },
    OrgWords {
        lang: "ru",
        words: &["ооо", "оао", "зао", "пао", "университет", "институт", "академия", "компания"],
        units: &["кафедра", "факультет", "лаборатория"],
        schools: &["университет", "институт", "академия", "училище", "колледж", "школа"],
    },
    OrgWords {
        lang: "tr",
        words: &["a.ş.", "ltd.", "şti.", "üniversitesi", "üniversite", "lisesi", "okulu"],
        units: &["bölümü", "fakültesi"],
        schools: &["üniversitesi", "üniversite", "lisesi", "okulu", "enstitüsü", "fakültesi"],
    },
    OrgWords {
        // Without accents and with medial sigma, as lookups fold them.
        lang: "el",
        words: &[
            "α.ε.",
            "αε",
            "ε.π.ε.",
            "επε",
            "ι.κ.ε.",
            "ικε",
            "ο.ε.",
            "πανεπιστημιο",
            "πολυτεχνειο",
            "ινστιτουτο",
            "εταιρεια",
            "ιδρυμα",
            "νοσοκομειο",
            "υπουργειο",
        ],
        units: &["τμημα", "εργαστηριο", "σχολη"],
        schools: &["πανεπιστημιο", "πολυτεχνειο", "σχολη", "λυκειο", "σχολειο", "ακαδημια"],
    },
    OrgWords {
        lang: "id",
        words: &["pt", "pt.", "cv", "tbk", "universitas", "sekolah", "politeknik"],
        units: &["fakultas", "jurusan"],
        schools: &["universitas", "sekolah", "politeknik", "institut", "smk", "sma", "smp"],
    },
];

struct Sets {
    words: HashSet<String>,
    units: HashSet<String>,
    schools: HashSet<String>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| {
    let mut s = Sets { words: HashSet::new(), units: HashSet::new(), schools: HashSet::new() };
    for o in ORG_WORDS {
        s.words.extend(o.words.iter().map(|w| fold(w)));
        s.units.extend(o.units.iter().map(|w| fold(w)));
        s.schools.extend(o.schools.iter().map(|w| fold(w)));
    }
    s
});

/// Whether a lower-case word names an organisation ("gmbh", "university", "inc.").
pub fn is_org_word(w: &str) -> bool {
    let w = &*key(w);
    SETS.words.contains(w)
        || SETS.words.contains(w.trim_end_matches('.'))
        || (w.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
            && CJK_ORG_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// How Chinese organisation names end, simplified and traditional: "…有限公司" (company),
/// "…大学" (university), "…基金會" (foundation), "…陆军" (army), "…补习班" (cram school).
/// A name is written without spaces, so it is one word.
const CJK_ORG_ENDINGS: &[&str] = &[
    "公司",
    "集团",
    "集團",
    "大学",
    "大學",
    "学院",
    "學院",
    "学校",
    "學校",
    "银行",
    "銀行",
    "基金会",
    "基金會",
    "协会",
    "協會",
    "研究所",
    "研究院",
    "实验室",
    "實驗室",
    "中心",
    "医院",
    "醫院",
    "补习班",
    "補習班",
    "陆军",
    "陸軍",
    "海军",
    "海軍",
    "空军",
    "空軍",
    "政府",
    "工作室",
    "事务所",
    "事務所",
];

/// Legal forms written after a company's name, often behind a comma ("Acme, Inc."): folded,
/// without their dots.
const LEGAL_FORMS: &[&str] = &[
    "inc", "ltd", "llc", "llp", "plc", "corp", "co", "gmbh", "ag", "kg", "sa", "sas", "sarl",
    "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "pvt", "ltda", "ek", "sl", "slu", "sau",
    "lda", "sro", "kft", "zrt", "aps", "asa", "oyj", "sprl", "ohg", "gbr", "ug", "kgaa", "pte",
    "bhd", "sdn", "kk", "sapi",
];

/// Other words a name shortens with a period ("Acme Jr.", "Dept. of Physics").
const NAME_ABBREVIATIONS: &[&str] = &["jr", "sr", "bros", "dept", "univ", "intl", "st"];

/// Whether a word written with a period is an abbreviation in a name (a legal form or a
/// "Jr."), so that its period ends no sentence.
pub fn is_name_abbreviation(word: &str) -> bool {
    let stem = fold(word.trim_end_matches('.'));
    LEGAL_FORMS.contains(&stem.as_str()) || NAME_ABBREVIATIONS.contains(&stem.as_str())
}

/// Whether a phrase is only a legal form ("Inc.", "LLC", "S.A.", "Pty Ltd"): the tail of a
/// company's name, never a name or a field of its own. Written with a capital ("as needed" is
/// no Norwegian company form).
pub fn is_legal_form(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(|w| fold(w).replace('.', "")).collect();
    (1..=2).contains(&words.len())
        && words.iter().all(|w| LEGAL_FORMS.contains(&w.as_str()))
        && phrase.trim_start().starts_with(char::is_uppercase)
}

/// Whether a lower-case word is a unit noun that "for"/"of" continues into a name.
pub fn is_unit_word(w: &str) -> bool {
    SETS.units.contains(&*key(w))
}

/// Whether a lower-case word names a school or university, or ends like one
/// ("fernakademie", "universitätsklinikum" start or end with a school noun).
pub fn is_school_word(w: &str) -> bool {
    let w = &*key(w.trim_end_matches('.'));
    SETS.schools.contains(w)
        || w.starts_with("universi")
        || w.starts_with("institut")
        || w.starts_with("istitut")
        || w.starts_with("polytechni")
        || w.starts_with("politécnic")
        || w.starts_with("politecnic")
        || w.ends_with("hochschule")
        || w.ends_with("akademie")
        || w.ends_with("schule")
        || w.ends_with("school")
        // Inflected forms: Nordic definite ("högskolan", "universitetet"), Russian cases
        // ("университета", "академии").
        || w.starts_with("högskol")
        || w.starts_with("høgskol")
        || w.starts_with("университет")
        || w.starts_with("институт")
        || w.starts_with("академи")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_words() {
        assert!(is_org_word("gmbh"));
        assert!(is_org_word("inc."));
        assert!(is_unit_word("chair"));
        assert!(is_school_word("universität"));
        assert!(is_school_word("fachhochschule"));
        assert!(!is_org_word("engineer"));
        assert!(is_org_word("北方科技有限公司"));
        assert!(is_org_word("南山基金會"));
        assert!(!is_org_word("软件工程师"));
    }

    #[test]
    fn legal_forms_alone() {
        for f in
            ["Inc", "Inc.", "LLC", "S.A.", "Pty Ltd", "GmbH", "S.L.", "Lda.", "Kft.", "Pte Ltd"]
        {
            assert!(is_legal_form(f), "{f}");
        }
        for f in
            ["Initech Inc.", "Engineer", "", "Shelbyville IL", "Boulder", "as needed", "Co-founder"]
        {
            assert!(!is_legal_form(f), "{f}");
        }
    }
}
