//! Section detection: which lines are section headings, and what each section holds.
//!
//! A line is scored on its shape (markup heading, underline, ALL CAPS, numbering, trailing
//! colon, short, no final period, standing alone) and on a heading lexicon with synonyms.
//! Headings that share the style of recognised ones open sections of their own ("other"), so
//! unknown sections are kept rather than swallowed by the section above them.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::lines::Line;

/// What a section holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Summary,
    Work,
    Education,
    Skills,
    Projects,
    Publications,
    Talks,
    Awards,
    Certificates,
    Languages,
    Interests,
    Volunteer,
    References,
    Contact,
    /// Tables of contents, revision stamps, "last modified": never content.
    Junk,
    /// A heading vitae does not know; its text is kept.
    Other,
}

/// A heading and the lines under it.
#[derive(Debug, Clone)]
pub struct Section {
    pub kind: Kind,
    pub title: String,
    pub lines: Vec<Line>,
}

/// Lexicon: phrases (lowercase, compared word by word) and the section they name. Longer,
/// more specific phrases come first.
const LEXICON: &[(&str, Kind)] = &[
    // Words that qualify "experience" come first: "Volunteer Experience" is volunteering.
    ("volunteer", Kind::Volunteer),
    ("volunteering", Kind::Volunteer),
    ("teaching experience", Kind::Talks),
    ("programming languages", Kind::Skills),
    ("computer languages", Kind::Skills),
    ("technical skills", Kind::Skills),
    ("table of contents", Kind::Junk),
    ("last modified", Kind::Junk),
    ("last updated", Kind::Junk),
    ("work history", Kind::Work),
    ("employment history", Kind::Work),
    ("professional background", Kind::Work),
    ("career history", Kind::Work),
    ("personal details", Kind::Contact),
    ("personal information", Kind::Contact),
    ("personal data", Kind::Contact),
    ("contact information", Kind::Contact),
    ("contact details", Kind::Contact),
    ("open source", Kind::Projects),
    ("side projects", Kind::Projects),
    ("personal statement", Kind::Summary),
    ("about me", Kind::Summary),
    ("experience", Kind::Work),
    ("work", Kind::Work),
    ("jobs", Kind::Work),
    ("experiences", Kind::Work),
    ("employment", Kind::Work),
    ("career", Kind::Work),
    ("positions", Kind::Work),
    ("appointments", Kind::Work),
    ("berufserfahrung", Kind::Work),
    ("education", Kind::Education),
    ("academic", Kind::Education),
    ("academics", Kind::Education),
    ("studies", Kind::Education),
    ("degrees", Kind::Education),
    ("qualifications", Kind::Education),
    ("ausbildung", Kind::Education),
    ("formation", Kind::Education),
    ("skills", Kind::Skills),
    ("skill", Kind::Skills),
    ("expertise", Kind::Skills),
    ("technologies", Kind::Skills),
    ("competencies", Kind::Skills),
    ("competences", Kind::Skills),
    ("proficiencies", Kind::Skills),
    ("toolbox", Kind::Skills),
    ("tools", Kind::Skills),
    ("kenntnisse", Kind::Skills),
    ("summary", Kind::Summary),
    ("profile", Kind::Summary),
    ("about", Kind::Summary),
    ("objective", Kind::Summary),
    ("overview", Kind::Summary),
    ("introduction", Kind::Summary),
    ("background", Kind::Summary),
    ("bio", Kind::Summary),
    ("projects", Kind::Projects),
    ("project", Kind::Projects),
    ("portfolio", Kind::Projects),
    ("publications", Kind::Publications),
    ("papers", Kind::Publications),
    ("patents", Kind::Publications),
    ("articles", Kind::Publications),
    ("books", Kind::Publications),
    ("talks", Kind::Talks),
    ("speaking", Kind::Talks),
    ("presentations", Kind::Talks),
    ("conferences", Kind::Talks),
    ("teaching", Kind::Talks),
    ("awards", Kind::Awards),
    ("award", Kind::Awards),
    ("honors", Kind::Awards),
    ("honours", Kind::Awards),
    ("achievements", Kind::Awards),
    ("accomplishments", Kind::Awards),
    ("distinctions", Kind::Awards),
    ("prizes", Kind::Awards),
    ("recognition", Kind::Awards),
    ("scholarships", Kind::Awards),
    ("certifications", Kind::Certificates),
    ("certification", Kind::Certificates),
    ("certificates", Kind::Certificates),
    ("licenses", Kind::Certificates),
    ("licences", Kind::Certificates),
    ("languages", Kind::Languages),
    ("language", Kind::Languages),
    ("sprachen", Kind::Languages),
    ("langues", Kind::Languages),
    ("interests", Kind::Interests),
    ("hobbies", Kind::Interests),
    ("activities", Kind::Volunteer),
    ("memberships", Kind::Volunteer),
    ("affiliations", Kind::Volunteer),
    ("extracurricular", Kind::Volunteer),
    ("community", Kind::Volunteer),
    ("references", Kind::References),
    ("referees", Kind::References),
    ("contact", Kind::Contact),
    ("contacts", Kind::Contact),
    ("author", Kind::Contact),
    ("name", Kind::Contact),
    // The same sections in other European languages.
    ("werdegang", Kind::Work),
    ("erfahrung", Kind::Work),
    ("berufspraxis", Kind::Work),
    ("expérience", Kind::Work),
    ("expériences", Kind::Work),
    ("parcours", Kind::Work),
    ("experiencia", Kind::Work),
    ("experiencias", Kind::Work),
    ("esperienza", Kind::Work),
    ("esperienze", Kind::Work),
    ("werkervaring", Kind::Work),
    ("ervaring", Kind::Work),
    ("experiência", Kind::Work),
    ("experiências", Kind::Work),
    ("bildungsweg", Kind::Education),
    ("studium", Kind::Education),
    ("schulbildung", Kind::Education),
    ("études", Kind::Education),
    ("educación", Kind::Education),
    ("formación", Kind::Education),
    ("istruzione", Kind::Education),
    ("formazione", Kind::Education),
    ("opleiding", Kind::Education),
    ("opleidingen", Kind::Education),
    ("formação", Kind::Education),
    ("educação", Kind::Education),
    ("fähigkeiten", Kind::Skills),
    ("kompetenzen", Kind::Skills),
    ("compétences", Kind::Skills),
    ("habilidades", Kind::Skills),
    ("competencias", Kind::Skills),
    ("competenze", Kind::Skills),
    ("vaardigheden", Kind::Skills),
    ("competências", Kind::Skills),
    ("veröffentlichungen", Kind::Publications),
    ("publikationen", Kind::Publications),
    ("publicaciones", Kind::Publications),
    ("pubblicazioni", Kind::Publications),
    ("publicaties", Kind::Publications),
    ("publicações", Kind::Publications),
    ("auszeichnungen", Kind::Awards),
    ("preise", Kind::Awards),
    ("prix", Kind::Awards),
    ("premios", Kind::Awards),
    ("premi", Kind::Awards),
    ("prijzen", Kind::Awards),
    ("prémios", Kind::Awards),
    ("prêmios", Kind::Awards),
    ("sprachkenntnisse", Kind::Languages),
    ("idiomas", Kind::Languages),
    ("lingue", Kind::Languages),
    ("talen", Kind::Languages),
    ("línguas", Kind::Languages),
    ("interessen", Kind::Interests),
    ("centres d intérêt", Kind::Interests),
    ("centres d intérêts", Kind::Interests),
    ("centre d intérêt", Kind::Interests),
    ("centres d interet", Kind::Interests),
    ("freizeit", Kind::Interests),
    ("aficiones", Kind::Interests),
    ("passatempi", Kind::Interests),
    ("tempo libero", Kind::Interests),
    ("hobby s", Kind::Interests),
    ("vrije tijd", Kind::Interests),
    ("hobbys", Kind::Interests),
    ("intérêts", Kind::Interests),
    ("loisirs", Kind::Interests),
    ("intereses", Kind::Interests),
    ("interessi", Kind::Interests),
    ("interesses", Kind::Interests),
    ("projekte", Kind::Projects),
    ("projets", Kind::Projects),
    ("proyectos", Kind::Projects),
    ("progetti", Kind::Projects),
    ("projecten", Kind::Projects),
    ("projetos", Kind::Projects),
    ("ehrenamt", Kind::Volunteer),
    ("bénévolat", Kind::Volunteer),
    ("voluntariado", Kind::Volunteer),
    ("volontariato", Kind::Volunteer),
    ("vrijwilligerswerk", Kind::Volunteer),
    ("zertifikate", Kind::Certificates),
    ("zertifizierungen", Kind::Certificates),
    ("certificats", Kind::Certificates),
    ("certificados", Kind::Certificates),
    ("certificazioni", Kind::Certificates),
    ("certificaten", Kind::Certificates),
    ("profil", Kind::Summary),
    ("zusammenfassung", Kind::Summary),
    ("résumé professionnel", Kind::Summary),
    ("perfil", Kind::Summary),
    ("profilo", Kind::Summary),
    ("profiel", Kind::Summary),
    ("sobre mí", Kind::Summary),
    ("contents", Kind::Junk),
    ("curriculum vitae", Kind::Junk),
    ("resume", Kind::Junk),
    ("résumé", Kind::Junk),
    ("cv", Kind::Junk),
    ("lebenslauf", Kind::Junk),
    ("revision", Kind::Junk),
    ("version", Kind::Junk),
];

/// Words a heading may carry around its key phrase ("Professional Experience", "Key Skills").
const FILLER: &[&str] = &[
    "professional",
    "work",
    "relevant",
    "selected",
    "recent",
    "other",
    "additional",
    "key",
    "core",
    "technical",
    "and",
    "&",
    "my",
    "of",
    "the",
    "industry",
    "research",
    "academic",
    "teaching",
    "personal",
    "honors",
    "awards",
    "list",
    "areas",
    "main",
    "general",
    "software",
    "engineering",
    "leadership",
    "volunteer",
    "community",
    "open",
    "source",
    "side",
    "certifications",
    "courses",
    "training",
    "spoken",
    "human",
    "in",
    "it",
    "summary",
    "professional",
    "previous",
    "employment",
    "history",
    "information",
    "details",
    "for",
    // Qualifiers in other European languages ("Beruflicher Werdegang", "Expérience professionnelle").
    "beruflicher",
    "berufliche",
    "beruflich",
    "persönliche",
    "akademische",
    "und",
    "professionnelle",
    "professionnelles",
    "professionnel",
    "académique",
    "académiques",
    "personnelle",
    "et",
    "profesional",
    "laboral",
    "académica",
    "y",
    "professionale",
    "lavorativa",
    "lavorative",
    "e",
    "profissional",
    "werk",
    "en",
    "de",
    "d",
    "la",
    "le",
    "des",
    "der",
    "die",
];

/// The lexicon's phrases split into words, and every word a heading may be made of.
static PHRASES: LazyLock<Vec<(Vec<&'static str>, Kind)>> =
    LazyLock::new(|| LEXICON.iter().map(|(p, k)| (p.split(' ').collect(), k.clone())).collect());
static HEADING_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    LEXICON.iter().flat_map(|(p, _)| p.split(' ')).chain(FILLER.iter().copied()).collect()
});

/// The section a heading's text names, if the lexicon knows it.
pub fn lexicon(text: &str) -> Option<Kind> {
    if text.len() > 80 || text.split_whitespace().count() > 7 {
        return None;
    }
    let norm: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '&' { c } else { ' ' })
        .collect();
    let words: Vec<&str> =
        norm.split_whitespace().filter(|w| !w.chars().all(char::is_numeric)).collect();
    // Every word must be one a heading is made of ("Professional Experience", "Key Skills").
    if words.is_empty() || words.len() > 6 || !words.iter().all(|w| HEADING_WORDS.contains(w)) {
        return None;
    }
    PHRASES
        .iter()
        .find(|(p, _)| words.windows(p.len()).any(|w| w == p.as_slice()))
        .map(|(_, k)| k.clone())
}

/// Sub-headings inside an entry whose bullets fold into the entry.
pub fn is_entry_subheading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    const SUB: &[&str] = &[
        "responsibilities",
        "achievements",
        "accomplishments",
        "duties",
        "tasks",
        "highlights",
        "key achievements",
        "core responsibilities",
        "key responsibilities",
        "main tasks",
        "selected achievements",
        "key accomplishments",
        "technologies",
        "technologies used",
        "tech stack",
        "environment",
        "tools",
        "results",
        "impact",
        "role",
        "projects",
        "key projects",
        "main responsibilities",
        "notable achievements",
        "activities",
    ];
    SUB.contains(&t.as_str())
}

/// How strongly a line's shape says "heading", whatever its words.
fn shape_score(line: &Line, standalone: bool) -> i32 {
    let text = line.text.trim();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let mut s = 0;
    if line.heading.is_some() {
        s += 3;
    }
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
        s += 2;
    }
    if standalone {
        s += 1;
    }
    if line.whole_strong {
        s += 1;
    }
    if text.ends_with(':') {
        s += 1;
    }
    if line.bullet {
        s -= 3;
    }
    if text.ends_with(['.', ',', ';']) {
        s -= 3;
    }
    if text.contains('@') || text.contains("://") {
        s -= 3;
    }
    s
}

/// Splits the document: the lines before the first heading (the header) and the sections.
pub fn split(lines: Vec<Line>) -> (Vec<Line>, Vec<Section>) {
    let standalone: Vec<bool> = (0..lines.len())
        .map(|i| {
            let p = lines[i].para;
            (i == 0 || lines[i - 1].para != p) && (i + 1 >= lines.len() || lines[i + 1].para != p)
        })
        .collect();
    let known: Vec<Option<Kind>> = lines
        .iter()
        .zip(&standalone)
        .map(|(l, alone)| {
            let kind = lexicon(&l.text)?;
            (shape_score(l, *alone) >= 1 && l.words() <= 6).then_some(kind)
        })
        .collect();
    // When the document marks its headings up, a lexicon word on a plain line is content
    // ("Languages" as a skill group label), unless its shape alone says heading.
    let marked =
        known.iter().zip(&lines).filter(|(k, l)| k.is_some() && l.heading.is_some()).count();
    let known: Vec<Option<Kind>> = known
        .into_iter()
        .zip(lines.iter().zip(&standalone))
        .map(|(k, (l, alone))| {
            k.filter(|_| marked < 2 || l.heading.is_some() || shape_score(l, *alone) >= 3)
        })
        .collect();
    // The style the document gives its known headings, to recognise unknown ones.
    let levels: Vec<u8> = known
        .iter()
        .zip(&lines)
        .filter(|(k, _)| k.is_some())
        .filter_map(|(_, l)| l.heading)
        .collect();
    let section_level = levels.iter().copied().min();
    let caps_style = known
        .iter()
        .zip(&lines)
        .filter(|(k, _)| k.is_some())
        .filter(|(_, l)| l.text.chars().any(char::is_alphabetic))
        .all(|(_, l)| !l.text.chars().any(char::is_lowercase))
        && known.iter().any(Option::is_some);

    let mut head: Vec<Line> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut first_seen = false;
    for (i, line) in lines.into_iter().enumerate() {
        let kind = match &known[i] {
            // A lexicon word at a deeper level than the document's sections is an entry
            // sub-heading ("#### Achievements"), not a section.
            Some(k) if !deeper(line.heading, section_level) => Some(k.clone()),
            _ if first_seen
                && is_unknown_heading(&line, standalone[i], section_level, caps_style) =>
            {
                Some(Kind::Other)
            }
            _ => None,
        };
        // A title such as "Curriculum Vitae" above everything names the document; the name
        // and contact lines under it are still the header.
        if sections.is_empty() && is_document_title(&line.text) {
            continue;
        }
        match kind {
            Some(kind) => {
                first_seen = true;
                let title = line.text.trim().trim_end_matches(':').trim().to_string();
                sections.push(Section { kind, title, lines: Vec::new() });
            }
            None => match sections.last_mut() {
                Some(s) => s.lines.push(line),
                None => head.push(line),
            },
        }
    }
    (head, sections)
}

fn is_document_title(text: &str) -> bool {
    let t: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphabetic() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    ["curriculum vitae", "resume", "résumé", "cv", "lebenslauf", "curriculum"].contains(&t.as_str())
}

fn deeper(level: Option<u8>, section_level: Option<u8>) -> bool {
    matches!((level, section_level), (Some(l), Some(s)) if l > s)
}

fn is_unknown_heading(line: &Line, standalone: bool, level: Option<u8>, caps: bool) -> bool {
    if line.bullet || line.words() > 5 || line.text.ends_with(['.', ',']) {
        return false;
    }
    match (line.heading, level) {
        (Some(h), Some(l)) => h == l,
        _ => {
            caps && standalone
                && line.text.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !line.text.chars().any(char::is_lowercase)
                && !line.text.chars().any(|c| c.is_ascii_digit())
                && super::dates::find(&line.text).is_none()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_title_above_everything_does_not_swallow_the_header() {
        let lines = super::super::lines::from_plain(
            "CURRICULUM VITAE\n\nDr. Ada Example\nada@example.com\n\nEducation\n\n2011 PhD, Example University\n",
        );
        let (head, sections) = split(lines);
        assert!(head.iter().any(|l| l.text == "Dr. Ada Example"), "{head:?}");
        assert_eq!(sections.len(), 1);
    }

    #[test]
    fn lexicon_knows_synonyms_and_fillers() {
        assert_eq!(lexicon("Professional Experience"), Some(Kind::Work));
        assert_eq!(lexicon("1.3 Professional experience"), Some(Kind::Work));
        assert_eq!(lexicon("CENTRES D'INTÉRÊT"), Some(Kind::Interests));
        assert_eq!(lexicon("Hobby's"), Some(Kind::Interests));
        assert_eq!(lexicon("WORK HISTORY:"), Some(Kind::Work));
        assert_eq!(lexicon("Honors and Awards"), Some(Kind::Awards));
        assert_eq!(lexicon("Programming Languages"), Some(Kind::Skills));
        assert_eq!(lexicon("Languages"), Some(Kind::Languages));
        assert_eq!(lexicon("Background"), Some(Kind::Summary));
        assert_eq!(lexicon("Beruflicher Werdegang / Professional Experience"), Some(Kind::Work));
        assert_eq!(lexicon("Expérience professionnelle"), Some(Kind::Work));
        assert_eq!(lexicon("Formación académica"), Some(Kind::Education));
        assert_eq!(lexicon("Competenze"), Some(Kind::Skills));
        assert_eq!(lexicon("Senior Software Engineer"), None);
        assert_eq!(lexicon("I have experience in many things here"), None);
    }

    #[test]
    fn splits_header_and_sections() {
        let lines = super::super::lines::from_plain(
            "Ada Lovelace\nada@example.com\n\nEXPERIENCE\nAcme\n\nHOBBIES\nChess\n\nODDITIES\nStuff\n",
        );
        let (head, sections) = split(lines);
        assert_eq!(head.len(), 2);
        let kinds: Vec<Kind> = sections.iter().map(|s| s.kind.clone()).collect();
        assert_eq!(kinds, [Kind::Work, Kind::Interests, Kind::Other]);
    }
}
