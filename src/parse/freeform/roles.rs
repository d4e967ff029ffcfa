//! What a job title and an employer look like: the words that make a line read as one or the
//! other. Used to score the slots of an entry's header lines.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Nouns and ranks that make a phrase a job title.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "programmer",
    "architect",
    "manager",
    "director",
    "lead",
    "leader",
    "head",
    "chief",
    "officer",
    "president",
    "vp",
    "svp",
    "evp",
    "cto",
    "ceo",
    "cio",
    "cfo",
    "coo",
    "ciso",
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "partner",
    "consultant",
    "contractor",
    "freelancer",
    "freelance",
    "analyst",
    "scientist",
    "researcher",
    "specialist",
    "administrator",
    "admin",
    "sysadmin",
    "designer",
    "intern",
    "internship",
    "trainee",
    "apprentice",
    "assistant",
    "associate",
    "coordinator",
    "technician",
    "staff",
    "professor",
    "lecturer",
    "instructor",
    "teacher",
    "tutor",
    "fellow",
    "postdoc",
    "postdoctoral",
    "student",
    "advisor",
    "adviser",
    "editor",
    "writer",
    "sre",
    "devops",
    "dba",
    "principal",
    "supervisor",
    "representative",
    "coach",
    "mentor",
    "maintainer",
    "evangelist",
    "strategist",
    "producer",
    "accountant",
    "auditor",
    "nurse",
    "physician",
    "attorney",
    "lawyer",
    "clerk",
    "agent",
    "operator",
    "planner",
    "buyer",
    "marketer",
    "recruiter",
    "volunteer",
    "member",
    "chair",
    "chairman",
    "secretary",
    "treasurer",
    "ingenieur",
    "entwickler",
    "leiter",
    "berater",
    "ingénieur",
    "développeur",
    "chef",
    "webmaster",
    "hacker",
    "tester",
    "qa",
    "sdet",
    "scrum",
    "product",
    "programme",
];

/// Job titles in other languages, written as whole words (both genders where they differ):
/// French, Spanish, Italian, Portuguese and Dutch nouns that do not compound.
const ROLE_WORDS_INTL: &[&str] = &[
    // French
    "ingénieure",
    "ingenieure",
    "développeuse",
    "developpeur",
    "developpeuse",
    "directeur",
    "directrice",
    "responsable",
    "consultante",
    "stagiaire",
    "alternant",
    "alternante",
    "apprenti",
    "apprentie",
    "chargé",
    "chargée",
    "technicien",
    "technicienne",
    "analyste",
    "architecte",
    "administrateur",
    "administratrice",
    "gestionnaire",
    "chercheur",
    "chercheuse",
    "enseignant",
    "enseignante",
    "enseignant-chercheur",
    "professeure",
    "concepteur",
    "conceptrice",
    "programmeur",
    "programmeuse",
    "coordinateur",
    "coordinatrice",
    "rédacteur",
    "rédactrice",
    "doctorant",
    "doctorante",
    "fondateur",
    "fondatrice",
    "cofondateur",
    "cofondatrice",
    "co-fondateur",
    "co-fondatrice",
    "gérant",
    "gérante",
    "président",
    "présidente",
    "assistante",
    "maître",
    // Spanish
    "ingeniero",
    "ingeniera",
    "desarrollador",
    "desarrolladora",
    "jefe",
    "jefa",
    "directora",
    "gerente",
    "consultor",
    "consultora",
    "analista",
    "programador",
    "programadora",
    "arquitecto",
    "arquitecta",
    "administrador",
    "administradora",
    "becario",
    "becaria",
    "practicante",
    "investigador",
    "investigadora",
    "profesora",
    "coordinador",
    "coordinadora",
    "diseñador",
    "diseñadora",
    "asistente",
    "encargado",
    "encargada",
    "fundador",
    "fundadora",
    "cofundador",
    "cofundadora",
    "responsables",
    // Italian
    "ingegnere",
    "sviluppatore",
    "sviluppatrice",
    "programmatore",
    "programmatrice",
    "responsabile",
    "direttore",
    "direttrice",
    "consulente",
    "stagista",
    "tirocinante",
    "ricercatore",
    "ricercatrice",
    "docente",
    "professore",
    "professoressa",
    "progettista",
    "coordinatore",
    "coordinatrice",
    "amministratore",
    "amministratrice",
    "dirigente",
    "impiegato",
    "impiegata",
    "sistemista",
    "assegnista",
    "dottorando",
    "dottoranda",
    "fondatore",
    "fondatrice",
    // Portuguese
    "engenheiro",
    "engenheira",
    "desenvolvedor",
    "desenvolvedora",
    "diretor",
    "diretora",
    "coordenador",
    "coordenadora",
    "estagiário",
    "estagiária",
    "estagiario",
    "estagiaria",
    "pesquisador",
    "pesquisadora",
    "arquiteto",
    "arquiteta",
    "chefe",
    "líder",
    // Dutch
    "stagiair",
    "stagiaire",
    "medewerker",
    "medewerkster",
    "eigenaar",
    "docent",
    "promovendus",
    "directeur-eigenaar",
    "zzp'er",
    "zzp-er",
];

/// Endings of compound job titles (German and Dutch write them as one word:
/// "Softwareentwicklerin", "Projektleiter", "Softwareontwikkelaar"). German feminine forms
/// ("-in", "-innen") are matched too.
const ROLE_STEMS: &[&str] = &[
    // German
    "entwickler",
    "leiter",
    "ingenieur",
    "berater",
    "mitarbeiter",
    "referent",
    "informatiker",
    "wissenschaftler",
    "techniker",
    "praktikant",
    "werkstudent",
    "sachbearbeiter",
    "programmierer",
    "architekt",
    "administrator",
    "analyst",
    "assistent",
    "spezialist",
    "koordinator",
    "direktor",
    "geschäftsführer",
    "gründer",
    "inhaber",
    "dozent",
    "doktorand",
    "lehrer",
    "professor",
    "kaufmann",
    "kauffrau",
    "manager",
    "designer",
    "tester",
    "consultant",
    "beauftragter",
    "beauftragte",
    "verantwortlicher",
    "verantwortliche",
    "vorstand",
    "trainee",
    // Dutch
    "ontwikkelaar",
    "leider",
    "beheerder",
    "adviseur",
    "onderzoeker",
    "programmeur",
    "ontwerper",
    "analist",
    "coördinator",
    "coordinator",
    "specialist",
    "directeur",
    "medewerker",
];

/// Every whole job-title word, English and other languages: looked up for each word of each
/// candidate line, so a set rather than a scan of several hundred entries.
static ROLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLE_WORDS.iter().chain(ROLE_WORDS_INTL).copied().collect());

static ORG_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ORG_WORDS.iter().copied().collect());

/// Whether one lowercased word is a job title by its ending, outside English: a compound ending
/// in a title noun ("Softwareentwicklerin", "Projectleider"). Whole words are in [`ROLE_SET`].
fn intl_role_word(w: &str) -> bool {
    // Stems are compound endings: no title word is shorter than the shortest stem.
    if w.len() < 4 {
        return false;
    }
    // Alone, these are also common surnames ("Anna Lehrer"); as compounds or feminine forms
    // ("Gruppenleiter", "Lehrerin") they are titles.
    const NOT_ALONE: &[&str] = &["leiter", "lehrer", "kaufmann", "kauffrau", "gründer", "leider"];
    let base = w.strip_suffix("innen").or_else(|| w.strip_suffix("in")).unwrap_or(w);
    ROLE_STEMS.iter().any(|stem| {
        [w, base].iter().any(|x| x.ends_with(stem)) && !(w == *stem && NOT_ALONE.contains(stem))
    })
}

/// Words that make a phrase an organisation.
const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "s.a.",
    "sarl",
    "bv",
    "b.v.",
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
    "universität",
    "université",
    "college",
    "institute",
    "institut",
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
    "association",
    "academy",
    "federation",
    "committee",
    "commission",
    // Legal forms and institutions in other languages
    "s.r.l.",
    "srl",
    "s.p.a.",
    "spa",
    "s.l.",
    "sas",
    "s.a.s.",
    "sàrl",
    "kg",
    "ug",
    "e.v.",
    "n.v.",
    "nv",
    "oy",
    "a/s",
    "aps",
    "ltda",
    "lda",
    "systèmes",
    "sistemas",
    "sistemi",
    "groupe",
    "grupo",
    "gruppo",
    "société",
    "sociedad",
    "società",
    "stichting",
    "stiftung",
    "verein",
    "gemeente",
    "ayuntamiento",
    "comune",
    "mairie",
    "banque",
    "banca",
    "banco",
    "universidad",
    "università",
    "universiteit",
    "universidade",
    "hochschule",
    "fachhochschule",
    "hogeschool",
    "école",
    "ecole",
    "escuela",
    "escola",
    "scuola",
    "lycée",
    "gymnasium",
    "politecnico",
    "istituto",
    "instituto",
    "ministerio",
    "ministère",
    "ministero",
    "klinikum",
    "krankenhaus",
    "hôpital",
    "ospedale",
];

/// The words of `text`, lowercased once, trimmed of surrounding punctuation.
fn for_words(text: &str, mut f: impl FnMut(&str)) {
    let lower = text.to_lowercase();
    for w in lower.split(|c: char| c.is_whitespace() || ",/()&|".contains(c)) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        if !w.is_empty() {
            f(w);
        }
    }
}

/// Whether any word of `text` is a job-title word.
pub fn has_role_word(text: &str) -> bool {
    role_score(text) > 0
}

/// How much `text` reads as a job title.
pub fn role_score(text: &str) -> i32 {
    let mut s = 0;
    for_words(text, |w| {
        let w = w.trim_end_matches('.');
        if ROLE_SET.contains(w) || intl_role_word(w) {
            s += 2;
        }
        if matches!(
            w,
            "senior"
                | "junior"
                | "sr"
                | "jr"
                | "staff"
                | "lead"
                | "principal"
                | "chief"
                | "deputy"
                | "acting"
                | "interim"
        ) {
            s += 1;
        }
    });
    s
}

/// How much `text` reads as an organisation.
pub fn org_score(text: &str) -> i32 {
    let mut s = 0;
    for_words(text, |w| {
        if ORG_SET.contains(w) || ORG_SET.contains(w.trim_end_matches('.')) {
            s += 2;
        }
    });
    let t = text.trim();
    if [".com", ".io", ".org", ".net", ".ai", ".co", ".ru", ".de"]
        .iter()
        .any(|d| t.to_lowercase().ends_with(d))
    {
        s += 2;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_titles_and_organisations() {
        assert!(
            role_score("Senior Manager, Storage Engineering")
                > org_score("Senior Manager, Storage Engineering")
        );
        assert!(role_score("Summer Intern, Mac OS Performance Engineering") > 0);
        assert!(org_score("Apple, Inc.") > role_score("Apple, Inc."));
        assert!(org_score("Amazon.com") > 0);
        assert_eq!(role_score("Slack"), 0);
        assert!(org_score("ECE/CIS Department, University of Somewhere") > 0);
    }

    #[test]
    fn titles_in_other_languages() {
        for t in [
            "Softwareentwicklerin",
            "Projektleiter",
            "Wissenschaftlicher Mitarbeiter",
            "Werkstudentin Softwareentwicklung",
            "Ingénieur logiciel",
            "Chef de projet",
            "Développeuse",
            "Ingeniero de software",
            "Jefa de proyecto",
            "Desarrolladora web",
            "Projectleider ICT",
            "Softwareontwikkelaar",
            "Sviluppatrice full stack",
            "Analista programmatore",
            "Engenheira de dados",
        ] {
            assert!(role_score(t) > 0, "{t}");
        }
        // Surnames and places that merely end like a title are not titles.
        for t in
            ["Anna Lehrer", "Kaufmann", "Berlin", "Acme GmbH", "Protest Group", "Instituto Técnico"]
        {
            assert_eq!(role_score(t), 0, "{t}");
        }
    }
}
