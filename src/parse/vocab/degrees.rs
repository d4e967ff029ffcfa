//! Degrees, school levels and grades, per language, as pattern fragments: a degree is often an
//! abbreviation with optional dots ("B.Sc.", "BSc", "B. Sc."), which a fragment says once.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The degree words of one language.
#[derive(Debug)]
pub struct DegreeWords {
    pub lang: &'static str,
    /// Degree names and abbreviations, as regular-expression fragments (no captures).
    pub degrees: &'static [&'static str],
    /// School levels that stand for a study type on their own ("High School", "Gymnasium").
    pub levels: &'static [&'static str],
    /// Grade words that introduce a score ("GPA", "Note", "moyenne").
    pub grade_labels: &'static [&'static str],
    /// Honours written as the grade itself ("cum laude", "with distinction").
    pub honours: &'static [&'static str],
    /// Labels of a course list ("Coursework", "Modules").
    pub course_labels: &'static [&'static str],
    /// How a qualification was studied, written in brackets beside it ("(apprenticeship)",
    /// "(Fernstudium)"): the study type when no degree is named.
    pub modes: &'static [&'static str],
    /// Words that make a listed item a course or training rather than a degree.
    pub courses: &'static [&'static str],
}

pub static DEGREE_WORDS: &[DegreeWords] = &[
    DegreeWords {
        lang: "en",
        degrees: &[
            r"(?:[Bb]achelor|[Mm]aster|[Dd]octor|[Aa]ssociate)['’]?s?\s+[Dd]egree|PG\s?Dip|PG\s?Cert|PGCE",
            r"(?:Bachelor|Master|Doctor)(?:'?s)?(?:\s+of\s+(?:Applied\s+)?(?:Science|Arts|Engineering|Business\s+Administration|Fine\s+Arts|Laws|Philosophy|Education|Technology|Music|Commerce))?",
            r"Ph\.?\s?D\.?|D\.?Phil\.?|M\.?B\.?A\.?|B\.?B\.?A\.?",
            r"B\.?\s?Sc\.?|M\.?\s?Sc\.?|B\.?\s?Eng\.?|M\.?\s?Eng\.?|B\.?\s?Tech\.?|M\.?\s?Tech\.?",
            r"B\.?E\.?E\.?|B\.?S\.?E\.?E?\.?|B\.S\.?|M\.S\.?|B\.A\.?|M\.A\.?|B\.E\.|M\.E\.|BS|MS|BA|MA|BE|ME|BEng|MEng",
            r"B\.?F\.?A\.?|M\.?F\.?A\.?|B\.?\s?Arch\.?|M\.?\s?Arch\.?|B\.?\s?Com\.?|M\.?\s?Com\.?|B\.?\s?Ed\.?|M\.?\s?Ed\.?|B\.?S\.?N\.?|M\.?P\.?H\.?|M\.?\s?Res\.?",
            r"A\.?A\.?S\.?|A\.S\.|Associate(?:'?s)?(?:\s+(?:of|in)\s+Applied\s+(?:Science|Arts)|\s+of\s+\w+)?|M\.?Phil\.?|LL\.?[BM]\.?|J\.?D\.?|M\.?D\.?|MBChB|MBBS",
            r"High\s+School(?:\s+Diploma)?|GCSEs?|A-?Levels?|HND|BTEC|Postgraduate\s+Diploma",
            r"Engineer['’]s\s+[Dd]egree",
            // Degrees named with their subject, as South Asian universities write them.
            r"BSCS|MSCS|BSIT|MSIT|BSSE|BCA|MCA|BBS|MBS",
        ],
        levels: &[
            "university",
            "college",
            "high school",
            "secondary school",
            "school",
            "secondary education",
            "higher secondary",
            "senior secondary",
            "secondary",
            "primary school",
            "middle school",
        ],
        grade_labels: &["gpa", "cgpa", "grade", "score", "average", "mark"],
        honours: &[
            "summa cum laude",
            "magna cum laude",
            "cum laude",
            "with distinction",
            "with honors",
            "with honours",
            "first class honours",
        ],
        course_labels: &["coursework", "course work", "courses", "modules", "classes", "subjects"],
        modes: &[
            "apprenticeship",
            "distance learning",
            "part-time",
            "full-time",
            "online",
            "evening classes",
        ],
        courses: &["course", "training", "workshop", "bootcamp", "mooc", "certificate"],
    },
    DegreeWords {
        lang: "de",
        degrees: &[
            r"Dr\.\s?rer\.\s?nat\.|Dr\.\s?-?\s?Ing\.|Dr\.\s?(?:phil|med|jur|oec|sc|techn)\.(?:\s?nat\.)?",
            r"Dipl\.-Ing\.|Dipl\.-\p{L}+\.|Eidg\.\s+Dipl\.|Dipl\.|Ing\.|Magister|Diplom(?:a)?(?:-\w+)?|Abitur|Matura|Staatsexamen",
            r"(?:Allgemeine\s+)?Hochschulreife|Fachhochschulreife|Mittlere\s+Reife",
            r"Promotion",
        ],
        levels: &[
            "gymnasium",
            "oberstufe",
            "unterstufe",
            "realschule",
            "hauptschule",
            "grundschule",
        ],
        grade_labels: &["note", "abschlussnote", "gesamtnote", "endnote"],
        honours: &["mit auszeichnung"],
        course_labels: &["module", "schwerpunkte"],
        modes: &[
            "lehre",
            "berufslehre",
            "fernstudium",
            "studium",
            "ausbildung",
            "berufsausbildung",
            "abendschule",
        ],
        courses: &["kurs", "weiterbildung", "schulung", "lehrgang", "seminar", "zertifikat"],
    },
    DegreeWords {
        lang: "fr",
        degrees: &[
            r"Dipl[ôo]me(?:\s+d['’]\p{L}+)?|Ma[îi]trise|Doctorat|Licen[cs]e|Baccalaur\w+|DUT|BTS",
            // School certificates of the French-speaking systems (primary, lower secondary).
            r"CEPE|CFEE|BEPC|BFEM|DEF|Brevet(?:\s+des\s+coll[èe]ges)?",
            // Graduate diplomas of the French and Québec systems, and the engineer's title.
            r"DEA|DESS|DEUG|DEC|AEC|Mast[èe]re",
            r"Ing[ée]nieur",
            r"Classes?\s+pr[ée]paratoires?(?:\s+[A-Z]{2,4}\*?)?",
        ],
        levels: &["lycée"],
        grade_labels: &["moyenne", "mention"],
        honours: &["mention très bien", "mention bien", "mention assez bien"],
        course_labels: &["cours", "matières"],
        modes: &["alternance", "apprentissage", "à distance", "formation continue"],
        courses: &["cours", "stage de formation", "certificat"],
    },
    DegreeWords {
        lang: "es",
        degrees: &[
            r"Licenciad[oa]|Licenciatura|Doctorado|Grado|M[áa]ster|Maestr[íi]a|Bachiller(?:ato)?",
            r"Ingenier[oa]|T[ée]cnico\s+Superior|Tecnicatura|Diplomado",
        ],
        levels: &["primaria", "secundaria", "preparatoria", "bachillerato", "universidad"],
        grade_labels: &["nota media", "nota final", "nota"],
        honours: &["matrícula de honor", "sobresaliente"],
        course_labels: &["asignaturas"],
        modes: &["a distancia", "formación profesional"],
        courses: &["curso", "taller", "certificado"],
    },
    DegreeWords {
        lang: "it",
        degrees: &[
            r"Laurea(?:\s+(?i:magistrale|triennale|specialistica|breve))?|Dottorato(?:\s+di\s+ricerca)?",
        ],
        levels: &["liceo"],
        grade_labels: &["voto di laurea", "voto"],
        honours: &["con lode", "110 e lode"],
        course_labels: &["esami"],
        modes: &["a distanza", "apprendistato"],
        courses: &["corso", "certificato"],
    },
    DegreeWords {
        lang: "nl",
        degrees: &[r"VWO|HAVO|MBO|HBO|WO"],
        levels: &[],
        grade_labels: &["cijfer"],
        honours: &["cum laude"],
        course_labels: &["vakken"],
        modes: &["deeltijd", "voltijd"],
        courses: &["cursus", "training", "certificaat"],
    },
    DegreeWords {
        lang: "pt",
        degrees: &[
            r"Doutorado|Doutoramento|Mestrado|Bacharelado|Bacharel|Gradua(?:ndo|ção)|Licenciatura|P[óo]s-?Gradua[çc][ãa]o|MBA",
            r"Tecn[óo]log[oa]|Engenheir[oa]|Especializa[çc][ãa]o",
        ],
        levels: &["ensino médio", "ensino fundamental"],
        grade_labels: &["nota"],
        honours: &[],
        course_labels: &["disciplinas"],
        modes: &["a distância", "ead", "técnico"],
        courses: &["curso", "treinamento", "certificado"],
    },
    DegreeWords {
        lang: "pl",
        degrees: &[r"Licencjat|Magister|Doktor|In[żz]ynier"],
        levels: &["liceum", "technikum"],
        grade_labels: &["ocena"],
        honours: &[],
        course_labels: &["przedmioty"],
        modes: &["zaocznie"],
        courses: &["kurs", "szkolenie", "certyfikat"],
    },
    DegreeWords {
        lang: "ru",
        degrees: &[
            r"[Бб]акалавр|[Мм]агистр|[Сс]пециалист|[Аа]спирантура|[Ии]нженер|Кандидат\s+\p{L}+\s+наук|Доктор\s+\p{L}+\s+наук",
        ],
        levels: &[],
        grade_labels: &["средний балл"],
        honours: &["красный диплом", "с отличием"],
        course_labels: &[],
        modes: &["заочно"],
        courses: &["курс", "курсы", "сертификат"],
    },
    DegreeWords {
        lang: "tr",
        degrees: &[r"Y[üu]ksek\s+Lisans|[ÖO]n\s+Lisans|Lisans|Doktora"],
        levels: &["lise"],
        grade_labels: &["not ortalaması", "gano"],
        honours: &["onur", "yüksek onur"],
        course_labels: &["dersler"],
        modes: &["uzaktan"],
        courses: &["kurs", "eğitim programı", "sertifika"],
    },
    DegreeWords {
        lang: "id",
        degrees: &[r"S\.\s?Kom|S\.\s?T|S\.\s?E|S\.\s?Pd|S[123]|D[1234]"],
        levels: &["sma", "smk", "smp"],
        grade_labels: &["ipk"],
        honours: &["cum laude"],
        course_labels: &[],
        modes: &["jarak jauh"],
        courses: &["kursus", "pelatihan", "sertifikat"],
    },
    DegreeWords {
        lang: "zh",
        degrees: &[r"博士后|博士|硕士|学士|本科"],
        levels: &[],
        grade_labels: &[],
        honours: &[],
        course_labels: &[],
        modes: &[],
        courses: &["培训", "证书"],
    },
];

/// Degree words that are also job titles or work words ("Ingeniero", "Engenheiro",
/// "Promotion"): a degree in an education section, but no sign of one elsewhere.
const TITLE_DEGREES: &[&str] = &[
    "ingenier",
    "ingénieur",
    "ingenieur",
    "engenheir",
    "инженер",
    "tecnólog",
    "tecnolog",
    "promotion",
];

/// Whether a matched degree phrase is one of the words that also name a job.
pub fn is_title_degree(phrase: &str) -> bool {
    let lower = crate::parse::vocab::fold(phrase.trim());
    TITLE_DEGREES.iter().any(|t| lower.starts_with(t))
}

/// Every language's school levels, lower case.
pub fn levels() -> impl Iterator<Item = &'static str> {
    DEGREE_WORDS.iter().flat_map(|d| d.levels.iter().copied())
}

/// Every language's grade labels, longest first.
pub fn grade_labels() -> Vec<&'static str> {
    let mut v: Vec<&str> =
        DEGREE_WORDS.iter().flat_map(|d| d.grade_labels.iter().copied()).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// Every language's honours, longest first.
pub fn honours() -> Vec<&'static str> {
    let mut v: Vec<&str> = DEGREE_WORDS.iter().flat_map(|d| d.honours.iter().copied()).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// Every language's course-list labels, longest first.
pub fn course_labels() -> Vec<&'static str> {
    let mut v: Vec<&str> =
        DEGREE_WORDS.iter().flat_map(|d| d.course_labels.iter().copied()).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// Words written before a degree that are part of it ("Undergraduate B.A", "Executive MBA"),
/// per language.
pub static QUALIFIERS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "undergraduate",
            "graduate",
            "postgraduate",
            "post-graduate",
            "executive",
            "integrated",
            "dual",
            "joint",
            "double",
            "honours",
            "honors",
            "professional",
        ],
    ),
    ("de", &["dualer", "dualer studiengang", "berufsbegleitender", "konsekutiver"]),
    ("fr", &["double"]),
    ("es", &["doble"]),
    ("it", &["doppia"]),
];

/// Whether every word of a phrase qualifies the degree after it.
/// Words that label the field of study after a school's name ("Filière : Gestion").
const FIELD_LABELS: &[&str] = &[
    "filière",
    "option",
    "spécialité",
    "major",
    "field",
    "specialization",
    "specialisation",
    "fachrichtung",
    "especialidad",
    "indirizzo",
    "richting",
];

/// Whether a word labels the field of study.
pub fn is_field_label(word: &str) -> bool {
    let w = super::fold(word.trim().trim_end_matches(':'));
    FIELD_LABELS.contains(&w.as_str())
}

pub fn qualifies_degree(before: &str) -> bool {
    let b = super::fold(before.trim());
    !b.is_empty() && b.split_whitespace().all(|w| QUALIFIERS.iter().any(|(_, ws)| ws.contains(&w)))
}

/// Words for the hours a course took ("(160 hours)", "40 Stunden"), per language: a length in
/// hours makes an item a course.
pub static HOURS: &[(&str, &[&str])] = &[
    ("en", &["hours", "hrs", "h"]),
    ("de", &["stunden", "std", "unterrichtsstunden", "ue"]),
    ("fr", &["heures"]),
    ("es", &["horas"]),
    ("it", &["ore"]),
    ("nl", &["uur", "uren"]),
    ("pt", &["horas", "h/a"]),
    ("pl", &["godzin", "godz", "godziny"]),
    ("ru", &["часов", "часа", "ч"]),
    ("tr", &["saat"]),
    ("id", &["jam"]),
];

/// "(160 hours)", "40 Stunden": a number followed by an hours word, and where it is.
pub fn hours(text: &str) -> Option<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b',') {
                i += 1;
            }
            let rest = &text[i..];
            let trimmed = rest.trim_start();
            let word: String = trimmed
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '/')
                .collect::<String>()
                .to_lowercase();
            if !word.is_empty() && HOURS.iter().any(|(_, ws)| ws.contains(&word.as_str())) {
                let end = i + (rest.len() - trimmed.len()) + word.len();
                return Some(start..end);
            }
            continue;
        }
        i += 1;
    }
    None
}

/// Whether a bracketed note names how a qualification was studied ("Lehre", "part-time").
pub fn mode(note: &str) -> Option<&'static str> {
    let n = super::fold(note.trim());
    DEGREE_WORDS.iter().flat_map(|d| d.modes.iter()).find(|m| n == **m).copied()
}

/// Nouns that name a kind of qualification rather than a field of study ("Matriculation
/// exam", "Double degree", "Estudios de bachillerato"), in many languages, folded.
const QUALIFICATION_NOUNS: &[&str] = &[
    "degree",
    "diploma",
    "studies",
    "exam",
    "examination",
    "certificate",
    "baccalaureate",
    "programme",
    "program",
    "apprenticeship",
    "qualification",
    "grado",
    "titulo",
    "estudios",
    "bachillerato",
    "diplomado",
    "certificado",
    "tecnico",
    "graduacao",
    "licenciatura",
    "bacharelado",
    "diplome",
    "licence",
    "etudes",
    "baccalaureat",
    "brevet",
    "abschluss",
    "studium",
    "diplom",
    "ausbildung",
    "prufung",
    "abitur",
    "laurea",
    "maturita",
    "esame",
    "opleiding",
    "examen",
    "studia",
    "dyplom",
    "matura",
    "диплом",
    "степень",
    "lisans",
];

/// Whether a phrase names a kind of qualification (a qualification noun, a course or a
/// school level), not only a field of study ("Applied Physics").
pub fn names_qualification(text: &str) -> bool {
    let t = super::fold(text);
    t.split(|c: char| !c.is_alphanumeric()).any(|w| QUALIFICATION_NOUNS.contains(&w))
        || names_course(text)
}

/// Whether a phrase names a course or training (one of its words is a course word, or starts
/// or ends with a long one: "Weiterbildungen", "Online-Kurs").
pub fn names_course(text: &str) -> bool {
    static WORDS: LazyLock<(HashSet<String>, Vec<String>)> = LazyLock::new(|| {
        let all: Vec<String> =
            DEGREE_WORDS.iter().flat_map(|d| d.courses.iter()).map(|c| super::fold(c)).collect();
        let long = all.iter().filter(|c| c.len() >= 5).cloned().collect();
        (all.into_iter().collect(), long)
    });
    let (set, long) = &*WORDS;
    let t = super::fold(text);
    t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).any(|w| {
        set.contains(w)
            || long
                .iter()
                .any(|c| w.starts_with(c.as_str()) && c.len() >= 6 || w.ends_with(c.as_str()))
    })
}
