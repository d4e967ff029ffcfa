//! Section headings in many languages, the filler words headings carry around them
//! ("Professional", "beruflicher"), entry sub-headings ("Achievements") and document titles
//! ("Curriculum Vitae").

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::{WordSet, fold};

/// What a section of a resume holds: the JSON Resume section it fills, or what it is instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Summary,
    Work,
    Education,
    Skills,
    Projects,
    Publications,
    /// Talks, teaching, conferences: no JSON Resume home; kept as unsorted text.
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

use Section::*;

/// The heading phrases of one language and the section each names.
#[derive(Debug)]
pub struct Headings {
    pub lang: &'static str,
    pub phrases: &'static [(&'static str, Section)],
    /// Words a heading may carry around its phrase ("Professional Experience").
    pub fillers: &'static [&'static str],
    /// Sub-headings inside an entry whose bullets belong to the entry ("Achievements").
    pub entry_subheadings: &'static [&'static str],
}

/// Every language's headings.
pub static HEADINGS: &[Headings] = &[
    Headings {
        lang: "en",
        phrases: &[
            ("positions held", Work),
            ("professional history", Work),
            ("journal articles", Publications),
            ("journal papers", Publications),
            ("conference papers", Publications),
            ("conference proceedings", Publications),
            ("refereed publications", Publications),
            ("volunteer experience", Volunteer),
            ("volunteer", Volunteer),
            ("volunteering", Volunteer),
            ("teaching experience", Talks),
            ("programming languages", Skills),
            ("computer languages", Skills),
            ("technical skills", Skills),
            ("table of contents", Junk),
            ("last modified", Junk),
            ("last updated", Junk),
            ("work history", Work),
            ("employment history", Work),
            ("professional background", Work),
            ("career history", Work),
            ("employment record", Work),
            ("professional development", Certificates),
            ("training", Certificates),
            ("associations", Volunteer),
            ("personal details", Contact),
            ("personal information", Contact),
            ("personal data", Contact),
            ("contact information", Contact),
            ("contact details", Contact),
            ("open source", Projects),
            ("side projects", Projects),
            ("personal statement", Summary),
            ("academic background", Education),
            ("educational background", Education),
            ("academic positions", Work),
            ("about me", Summary),
            ("summary of qualifications", Summary),
            ("highlights of qualifications", Summary),
            ("qualifications summary", Summary),
            ("experience", Work),
            ("work", Work),
            ("jobs", Work),
            ("experiences", Work),
            ("employment", Work),
            ("career", Work),
            ("positions", Work),
            ("appointments", Work),
            ("internships", Work),
            ("education", Education),
            ("academic", Education),
            ("academics", Education),
            ("studies", Education),
            ("degrees", Education),
            ("qualifications", Education),
            ("qualification", Education),
            ("schooling", Education),
            ("skills", Skills),
            ("programming", Skills),
            ("skill", Skills),
            ("expertise", Skills),
            ("technologies", Skills),
            ("frameworks", Skills),
            ("competencies", Skills),
            ("competences", Skills),
            ("competency", Skills),
            ("competence", Skills),
            ("proficiencies", Skills),
            ("abilities", Skills),
            ("capabilities", Skills),
            ("strengths", Skills),
            ("attributes", Skills),
            ("toolbox", Skills),
            ("tools", Skills),
            ("summary", Summary),
            ("profile", Summary),
            ("about", Summary),
            ("objective", Summary),
            ("objectives", Summary),
            ("career objective", Summary),
            ("career objectives", Summary),
            ("career goal", Summary),
            ("career goals", Summary),
            ("career summary", Summary),
            ("career profile", Summary),
            ("overview", Summary),
            ("introduction", Summary),
            ("background", Summary),
            ("bio", Summary),
            ("projects", Projects),
            ("project", Projects),
            ("portfolio", Projects),
            ("publications", Publications),
            ("publication", Publications),
            ("scientific publications", Publications),
            ("scientific publication", Publications),
            ("papers", Publications),
            ("patents", Publications),
            ("articles", Publications),
            ("books", Publications),
            ("talks", Talks),
            ("speaking", Talks),
            ("presentations", Talks),
            ("conferences", Talks),
            ("conference", Talks),
            ("workshops", Talks),
            ("teaching", Talks),
            // Lecturing and supervising students have no section of their own in the model
            // either; their lines name degrees and universities, which the content would
            // otherwise read as education.
            ("lecturing", Talks),
            ("supervision", Talks),
            ("awards", Awards),
            ("award", Awards),
            ("honors", Awards),
            ("honours", Awards),
            ("achievements", Awards),
            ("accomplishments", Awards),
            ("distinctions", Awards),
            ("prizes", Awards),
            ("recognition", Awards),
            ("scholarships", Awards),
            ("grants", Awards),
            ("fellowships", Awards),
            ("certifications", Certificates),
            ("certification", Certificates),
            ("certificates", Certificates),
            ("licenses", Certificates),
            ("licences", Certificates),
            ("courses", Certificates),
            ("trainings", Certificates),
            ("languages", Languages),
            ("language", Languages),
            ("interests", Interests),
            ("hobbies", Interests),
            ("areas of interest", Interests),
            ("area of interest", Interests),
            ("field of interest", Interests),
            ("fields of interest", Interests),
            ("research areas", Interests),
            ("research topics", Interests),
            ("topics of research", Interests),
            ("topic of research", Interests),
            ("subfields", Interests),
            ("subfield", Interests),
            ("activities", Volunteer),
            ("memberships", Volunteer),
            ("affiliations", Volunteer),
            ("extracurricular", Volunteer),
            ("extracurriculars", Volunteer),
            ("community", Volunteer),
            ("leadership", Volunteer),
            // The academic "Service" (committees, reviewing, organising) is unpaid work.
            ("service", Volunteer),
            ("references", References),
            ("referees", References),
            ("contact", Contact),
            ("contacts", Contact),
            ("address", Contact),
            ("contact me", Contact),
            ("get in touch", Contact),
            ("author", Contact),
            ("name", Contact),
            ("contents", Junk),
            ("curriculum vitae", Junk),
            ("resume", Junk),
            ("résumé", Junk),
            ("cv", Junk),
            ("revision", Junk),
            ("version", Junk),
        ],
        fillers: &[
            "professional",
            "top",
            "held",
            "peer",
            "reviewed",
            "work",
            "relevant",
            "selected",
            "recent",
            "foreign",
            "spoken",
            "human",
            "natural",
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
            "previous",
            "employment",
            "history",
            "information",
            "details",
            "for",
            "activities",
            "further",
            "continuing",
            "complementary",
            "miscellaneous",
        ],
        entry_subheadings: &[
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
        ],
    },
    Headings {
        lang: "de",
        phrases: &[
            ("schlüsselkompetenzen", Skills),
            ("schlüsselqualifikationen", Skills),
            ("programmiersprachen", Skills),
            ("aus und weiterbildung", Education),
            ("aus und weiterbildungen", Education),
            ("persönliche daten", Contact),
            ("persönliche angaben", Contact),
            ("berufserfahrung", Work),
            ("berufliche laufbahn", Work),
            ("laufbahn", Work),
            ("werdegang", Work),
            ("erfahrung", Work),
            ("berufspraxis", Work),
            ("anstellung", Work),
            ("anstellungen", Work),
            ("beschäftigung", Work),
            ("selbstständigkeit", Work),
            ("selbständigkeit", Work),
            ("praxiserfahrung", Work),
            ("tätigkeiten", Work),
            ("praktika", Work),
            ("praktikum", Work),
            ("zivildienst", Work),
            ("wehrdienst", Work),
            ("grundwehrdienst", Work),
            ("militärdienst", Work),
            ("akademischer werdegang", Education),
            ("akademische laufbahn", Education),
            ("schulischer werdegang", Education),
            ("schulische laufbahn", Education),
            ("ehrenamtliche tätigkeiten", Volunteer),
            ("freiwilliges soziales jahr", Volunteer),
            ("führungsqualitäten", Volunteer),
            ("führungserfahrung", Volunteer),
            ("konferenzen", Talks),
            ("tagungen", Talks),
            ("präsentationen", Talks),
            ("lehrtätigkeit", Talks),
            ("projekt", Projects),
            ("ausbildung", Education),
            ("bildung", Education),
            ("bildungsweg", Education),
            ("schulbildung", Education),
            ("schulausbildung", Education),
            ("studium", Education),
            ("kenntnisse", Skills),
            ("fähigkeiten", Skills),
            ("kompetenzen", Skills),
            ("fachkenntnisse", Skills),
            ("edv kenntnisse", Skills),
            ("it kenntnisse", Skills),
            ("qualifikationen", Skills),
            ("sprachen", Languages),
            ("sprachkenntnisse", Languages),
            ("fremdsprachen", Languages),
            ("interessen", Interests),
            ("hobbys", Interests),
            ("hobbies", Interests),
            ("freizeit", Interests),
            ("auszeichnungen", Awards),
            ("preise", Awards),
            ("ehrungen", Awards),
            ("stipendien", Awards),
            ("zertifikate", Certificates),
            ("zertifizierungen", Certificates),
            ("weiterbildung", Certificates),
            ("weiterbildungen", Certificates),
            ("kurse", Certificates),
            ("schulungen", Certificates),
            ("lehrgänge", Certificates),
            ("projekte", Projects),
            ("veröffentlichungen", Publications),
            ("publikationen", Publications),
            ("ehrenamt", Volunteer),
            ("engagement", Volunteer),
            ("mitgliedschaften", Volunteer),
            ("referenzen", References),
            ("kontakt", Contact),
            ("kontaktdaten", Contact),
            ("adresse", Contact),
            ("anschrift", Contact),
            ("profil", Summary),
            ("kurzprofil", Summary),
            ("zusammenfassung", Summary),
            ("über mich", Summary),
            ("vorträge", Talks),
            ("lehre", Talks),
            ("lebenslauf", Junk),
            ("inhaltsverzeichnis", Junk),
        ],
        fillers: &[
            "beruflicher",
            "berufliche",
            "beruflich",
            "persönliche",
            "akademische",
            "und",
            "weitere",
            "sonstige",
            "besondere",
            "zusätzliche",
            "ehrenamtliches",
            "technische",
            "fachliche",
            "praktische",
            "soziale",
            "soziales",
            "methodische",
            "wissenschaftliche",
            "schulische",
            "ausgewählte",
            "relevante",
            "bisherige",
            "bisheriger",
            "meine",
            "eigene",
            "der",
            "die",
            "&",
        ],
        entry_subheadings: &[
            "aufgaben",
            "tätigkeiten",
            "erfolge",
            "verantwortlichkeiten",
            "schwerpunkte",
            "hauptaufgaben",
            "projekte",
        ],
    },
    Headings {
        lang: "fr",
        phrases: &[
            ("activités extra professionnelles", Volunteer),
            ("activités extra scolaires", Volunteer),
            ("langages de programmation", Skills),
            ("langages", Skills),
            ("informations personnelles", Contact),
            ("état civil", Contact),
            ("vie associative", Volunteer),
            ("centres d intérêt", Interests),
            ("centres d intérêts", Interests),
            ("centre d intérêt", Interests),
            ("centres d interet", Interests),
            ("expérience", Work),
            ("expériences", Work),
            ("experience", Work),
            ("parcours", Work),
            // The school path, not the career path.
            ("parcours scolaire", Education),
            ("parcours universitaire", Education),
            ("parcours académique", Education),
            ("emplois", Work),
            ("stages", Work),
            ("formation", Education),
            ("formations", Education),
            ("études", Education),
            ("diplômes", Education),
            ("cursus", Education),
            ("compétences", Skills),
            ("connaissances", Skills),
            ("savoir faire", Skills),
            ("outils", Skills),
            ("langues", Languages),
            ("intérêts", Interests),
            ("loisirs", Interests),
            ("passions", Interests),
            ("prix", Awards),
            ("distinctions", Awards),
            ("récompenses", Awards),
            ("bourses", Awards),
            ("certifications", Certificates),
            ("certificats", Certificates),
            ("formation continue", Certificates),
            ("associations", Volunteer),
            ("projets", Projects),
            ("projet", Projects),
            ("publications", Publications),
            ("bénévolat", Volunteer),
            ("engagements", Volunteer),
            ("références", References),
            ("referees", References),
            ("coordonnées", Contact),
            ("adresse", Contact),
            ("me contacter", Contact),
            ("profil", Summary),
            ("résumé professionnel", Summary),
            ("à propos", Summary),
            ("objectif", Summary),
            ("conférences", Talks),
            ("communications", Talks),
            ("enseignement", Talks),
            ("enseignements", Talks),
        ],
        fillers: &[
            "scientifiques",
            "scientifique",
            "clés",
            "clé",
            "professionnelle",
            "professionnelles",
            "professionnel",
            "professionnels",
            "académique",
            "académiques",
            "personnelle",
            "personnels",
            "techniques",
            "informatiques",
            "linguistiques",
            "et",
            "autres",
            "en",
            "de",
            "d",
            "la",
            "le",
            "les",
            "des",
            "du",
            "mes",
            "complémentaires",
            "complémentaire",
            "divers",
            "suivie",
            "suivies",
            "étrangères",
            "nationales",
            "parlées",
        ],
        entry_subheadings: &["missions", "réalisations", "responsabilités", "tâches", "activités"],
    },
    Headings {
        lang: "es",
        phrases: &[
            ("historial laboral", Work),
            ("lenguajes de programación", Skills),
            ("datos personales", Contact),
            ("información personal", Contact),
            ("sobre mí", Summary),
            ("experiencia", Work),
            ("experiencias", Work),
            ("trayectoria", Work),
            ("empleos", Work),
            ("situación profesional", Work),
            ("situación profesional actual", Work),
            ("educación", Education),
            ("formación", Education),
            ("formación complementaria", Certificates),
            ("estudios", Education),
            ("titulación", Education),
            ("habilidades", Skills),
            ("competencias", Skills),
            ("conocimientos", Skills),
            ("tecnologías", Skills),
            ("aptitudes", Skills),
            ("destrezas", Skills),
            ("idiomas", Languages),
            ("lenguas", Languages),
            ("intereses", Interests),
            ("aficiones", Interests),
            ("pasatiempos", Interests),
            ("pasatiempo", Interests),
            ("premios", Awards),
            ("reconocimientos", Awards),
            ("logros", Awards),
            ("becas", Awards),
            ("certificaciones", Certificates),
            ("certificados", Certificates),
            ("cursos", Certificates),
            ("curso", Certificates),
            ("proyectos", Projects),
            ("proyecto", Projects),
            ("publicaciones", Publications),
            ("voluntariado", Volunteer),
            ("liderazgo", Volunteer),
            ("experiencia docente", Talks),
            ("docencia", Talks),
            ("referencias", References),
            ("contacto", Contact),
            ("dirección", Contact),
            ("perfil", Summary),
            ("resumen", Summary),
            ("objetivo", Summary),
            ("currículum", Junk),
            ("curriculum", Junk),
        ],
        fillers: &[
            "clave",
            "profesional",
            "profesionales",
            "laboral",
            "académica",
            "académico",
            "y",
            "de",
            "otros",
            "otras",
            "otro",
            "técnicos",
            "técnicas",
            "personales",
            "complementaria",
            "vitae",
        ],
        entry_subheadings: &["funciones", "logros", "responsabilidades", "tareas"],
    },
    Headings {
        lang: "it",
        phrases: &[
            ("linguaggi di programmazione", Skills),
            ("dati personali", Contact),
            ("informazioni personali", Contact),
            ("titoli di studio", Education),
            ("tempo libero", Interests),
            ("chi sono", Summary),
            ("esperienza", Work),
            ("esperienze", Work),
            ("istruzione", Education),
            ("formazione", Education),
            ("studi", Education),
            ("competenze", Skills),
            ("capacità", Skills),
            ("conoscenze", Skills),
            ("lingue", Languages),
            ("interessi", Interests),
            ("hobby", Interests),
            ("passatempi", Interests),
            ("premi", Awards),
            ("riconoscimenti", Awards),
            ("certificazioni", Certificates),
            ("certificati", Certificates),
            ("corsi", Certificates),
            ("progetti", Projects),
            ("progetto", Projects),
            ("pubblicazioni", Publications),
            ("volontariato", Volunteer),
            ("referenze", References),
            ("contatti", Contact),
            ("indirizzo", Contact),
            ("profilo", Summary),
            ("sommario", Summary),
            ("obiettivo", Summary),
        ],
        fillers: &[
            "chiave",
            "professionale",
            "professionali",
            "lavorativa",
            "lavorative",
            "e",
            "di",
            "altre",
            "tecniche",
            "personali",
            "linguistiche",
        ],
        entry_subheadings: &["mansioni", "responsabilità", "risultati", "attività"],
    },
    Headings {
        lang: "nl",
        phrases: &[
            ("trainingen", Certificates),
            ("nevenfuncties", Volunteer),
            ("persoonlijke gegevens", Contact),
            ("vrije tijd", Interests),
            ("over mij", Summary),
            ("werkervaring", Work),
            ("ervaring", Work),
            ("loopbaan", Work),
            ("arbeidsverleden", Work),
            ("opleiding", Education),
            ("opleidingen", Education),
            ("onderwijs", Education),
            ("vaardigheden", Skills),
            ("competenties", Skills),
            ("kennis", Skills),
            ("talen", Languages),
            ("talenkennis", Languages),
            ("interesses", Interests),
            ("hobby s", Interests),
            ("hobbys", Interests),
            ("prijzen", Awards),
            ("onderscheidingen", Awards),
            ("certificaten", Certificates),
            ("certificeringen", Certificates),
            ("cursussen", Certificates),
            ("projecten", Projects),
            ("project", Projects),
            ("publicaties", Publications),
            ("vrijwilligerswerk", Volunteer),
            ("nevenactiviteiten", Volunteer),
            ("referenties", References),
            ("personalia", Contact),
            ("contactgegevens", Contact),
            ("adres", Contact),
            ("profiel", Summary),
            ("samenvatting", Summary),
        ],
        fillers: &["en", "persoonlijke", "overige", "professionele", "werk"],
        entry_subheadings: &["taken", "verantwoordelijkheden", "resultaten"],
    },
    Headings {
        lang: "pt",
        phrases: &[
            ("linguagens de programação", Skills),
            ("linguagens", Skills),
            ("dados pessoais", Contact),
            ("informações pessoais", Contact),
            ("sobre mim", Summary),
            ("histórico profissional", Work),
            ("experiência", Work),
            ("experiências", Work),
            ("experiência docente", Talks),
            ("docência", Talks),
            ("trajetória", Work),
            ("formação", Education),
            ("formação complementar", Certificates),
            ("educação", Education),
            ("escolaridade", Education),
            ("habilidades", Skills),
            ("competências", Skills),
            ("conhecimentos", Skills),
            ("tecnologias", Skills),
            ("qualificações", Skills),
            ("qualificações complementares", Certificates),
            ("idiomas", Languages),
            ("línguas", Languages),
            ("interesses", Interests),
            ("passatempos", Interests),
            ("prêmios", Awards),
            ("prémios", Awards),
            ("distinções", Awards),
            ("conquistas", Awards),
            ("certificações", Certificates),
            ("certificados", Certificates),
            ("cursos", Certificates),
            ("projetos", Projects),
            ("projeto", Projects),
            ("projectos", Projects),
            ("publicações", Publications),
            // The headings of the Lattes CV, the national academic CV of Brazil.
            ("atuação profissional", Work),
            ("áreas de atuação", Skills),
            ("produção bibliográfica", Publications),
            ("produção técnica", Projects),
            ("voluntariado", Volunteer),
            ("atividades", Volunteer),
            ("liderança", Volunteer),
            ("referências", References),
            ("contato", Contact),
            ("contatos", Contact),
            ("endereço", Contact),
            ("contacto", Contact),
            ("perfil", Summary),
            ("resumo", Summary),
            ("objetivo", Summary),
        ],
        fillers: &[
            "profissional",
            "profissionais",
            "acadêmica",
            "académica",
            "e",
            "de",
            "outros",
            "outras",
            "técnicas",
            "complementares",
            "extras",
            "extracurriculares",
            "principais",
            "em",
            "destaque",
        ],
        entry_subheadings: &[
            "principais realizações",
            "realizações",
            "responsabilidades",
            "atividades",
            "atribuições",
        ],
    },
    Headings {
        lang: "pl",
        phrases: &[
            ("dane osobowe", Contact),
            ("o mnie", Summary),
            ("cel zawodowy", Summary),
            ("przebieg pracy", Work),
            ("historia zatrudnienia", Work),
            ("znajomość języków", Languages),
            ("doświadczenie", Work),
            ("wykształcenie", Education),
            ("edukacja", Education),
            ("umiejętności", Skills),
            ("kompetencje", Skills),
            ("języki", Languages),
            ("zainteresowania", Interests),
            ("hobby", Interests),
            ("nagrody", Awards),
            ("wyróżnienia", Awards),
            ("osiągnięcia", Awards),
            ("certyfikaty", Certificates),
            ("kursy", Certificates),
            ("szkolenia", Certificates),
            ("projekty", Projects),
            ("projekt", Projects),
            ("publikacje", Publications),
            ("wolontariat", Volunteer),
            ("referencje", References),
            ("kontakt", Contact),
            ("adres", Contact),
            ("profil", Summary),
            ("podsumowanie", Summary),
            ("życiorys", Junk),
        ],
        fillers: &["zawodowe", "i", "obce", "dodatkowe", "techniczne", "osobiste"],
        entry_subheadings: &["obowiązki", "osiągnięcia"],
    },
    Headings {
        lang: "ru",
        phrases: &[
            ("места работы", Work),
            ("опыт работы", Work),
            ("языки программирования", Skills),
            ("трудовая деятельность", Work),
            ("личная информация", Contact),
            ("личные данные", Contact),
            ("о себе", Summary),
            ("обо мне", Summary),
            ("контактная информация", Contact),
            ("опыт вождения", Certificates),
            ("знание языков", Languages),
            ("повышение квалификации", Certificates),
            ("опыт", Work),
            ("карьера", Work),
            ("образование", Education),
            ("навыки", Skills),
            ("скиллы", Skills),
            ("технологии", Skills),
            ("компетенции", Skills),
            ("умения", Skills),
            ("языки", Languages),
            ("интересы", Interests),
            ("хобби", Interests),
            ("увлечения", Interests),
            ("награды", Awards),
            ("достижения", Awards),
            ("сертификаты", Certificates),
            ("курсы", Certificates),
            ("проекты", Projects),
            ("проект", Projects),
            ("публикации", Publications),
            ("волонтерство", Volunteer),
            ("волонтёрство", Volunteer),
            ("рекомендации", References),
            ("контакты", Contact),
            ("адрес", Contact),
            ("цель", Summary),
            ("профиль", Summary),
            ("резюме", Junk),
        ],
        fillers: &[
            "и",
            "профессиональные",
            "профессиональный",
            "ключевые",
            "иностранные",
            "дополнительное",
            "дополнительная",
            "личные",
        ],
        entry_subheadings: &["обязанности", "достижения"],
    },
    Headings {
        lang: "tr",
        phrases: &[
            ("yabancı dil", Languages),
            ("yabancı diller", Languages),
            ("iş deneyimi", Work),
            ("iş tecrübesi", Work),
            ("kişisel bilgiler", Contact),
            ("ilgi alanları", Interests),
            ("yabancı diller", Languages),
            ("dil bilgisi", Languages),
            ("bilgisayar bilgisi", Skills),
            ("gönüllü çalışmalar", Volunteer),
            ("kariyer hedefi", Summary),
            ("deneyim", Work),
            ("deneyimler", Work),
            ("tecrübe", Work),
            ("eğitim", Education),
            ("öğrenim", Education),
            ("yetenekler", Skills),
            ("beceriler", Skills),
            ("yetkinlikler", Skills),
            ("diller", Languages),
            ("hobiler", Interests),
            ("ödüller", Awards),
            ("başarılar", Awards),
            ("sertifikalar", Certificates),
            ("kurslar", Certificates),
            ("projeler", Projects),
            ("proje", Projects),
            ("yayınlar", Publications),
            ("gönüllülük", Volunteer),
            ("referanslar", References),
            ("iletişim", Contact),
            ("adres", Contact),
            ("hakkımda", Summary),
            ("özet", Summary),
            ("profil", Summary),
            ("özgeçmiş", Junk),
        ],
        fillers: &["ve", "bilgileri", "mesleki", "bilgiler"],
        entry_subheadings: &["görevler", "sorumluluklar"],
    },
    Headings {
        // Written without accents and with medial sigma: lookups fold both away.
        lang: "el",
        phrases: &[
            ("επαγγελματικη εμπειρια", Work),
            ("εργασιακη εμπειρια", Work),
            ("επαγγελματικη πορεια", Work),
            ("προυπηρεσια", Work),
            ("τιτλοι σπουδων", Education),
            ("γλωσσομαθεια", Languages),
            ("συνεδρια", Talks),
            ("παρουσιασεις", Talks),
            ("ομιλιες", Talks),
            ("διαλεξεις", Talks),
            ("διδακτικη εμπειρια", Talks),
            ("δραστηριοτητες", Volunteer),
            ("επιμορφωση", Certificates),
            ("προσωπικα στοιχεια", Contact),
            ("στοιχεια επικοινωνιας", Contact),
            ("ξενες γλωσσες", Languages),
            ("εθελοντικη δραση", Volunteer),
            ("εθελοντικη εργασια", Volunteer),
            ("βιογραφικο σημειωμα", Junk),
            ("σχετικα με εμενα", Summary),
            ("εμπειρια", Work),
            ("εκπαιδευση", Education),
            ("σπουδες", Education),
            ("δεξιοτητες", Skills),
            ("ικανοτητες", Skills),
            ("γνωσεις", Skills),
            ("γλωσσες", Languages),
            ("ενδιαφεροντα", Interests),
            ("χομπι", Interests),
            ("βραβεια", Awards),
            ("διακρισεις", Awards),
            ("υποτροφιες", Awards),
            ("πιστοποιησεις", Certificates),
            ("πιστοποιητικα", Certificates),
            ("σεμιναρια", Certificates),
            ("εργα", Projects),
            ("δημοσιευσεις", Publications),
            ("εθελοντισμος", Volunteer),
            ("συστασεις", References),
            ("επικοινωνια", Contact),
            ("προφιλ", Summary),
            ("περιληψη", Summary),
        ],
        fillers: &[
            "και",
            "επαγγελματικη",
            "ακαδημαικη",
            "τεχνικες",
            "προσωπικες",
            "ερευνητικη",
            "ερευνητικα",
            "λοιπες",
            "αλλες",
            "επιλεγμενες",
            "τιμητικες",
            "βασικες",
            "μεταπτυχιακες",
            "προπτυχιακες",
            "πανεπιστημιακες",
            "υπολογιστων",
            "υπολογιστη",
            "ηλεκτρονικων",
            "ηλεκτρονικου",
            // "Η/Υ", "Η.Υ.": computers, abbreviated.
            "η",
            "υ",
        ],
        entry_subheadings: &["αρμοδιοτητες", "καθηκοντα"],
    },
    Headings {
        lang: "id",
        phrases: &[
            ("riwayat pekerjaan", Work),
            ("riwayat pendidikan", Education),
            ("data pribadi", Contact),
            ("data diri", Contact),
            ("tentang saya", Summary),
            ("daftar riwayat hidup", Junk),
            ("riwayat hidup", Junk),
            ("pengalaman", Work),
            ("pendidikan", Education),
            ("keahlian", Skills),
            ("keterampilan", Skills),
            ("kemampuan", Skills),
            ("bahasa", Languages),
            ("minat", Interests),
            ("hobi", Interests),
            ("penghargaan", Awards),
            ("prestasi", Awards),
            ("sertifikat", Certificates),
            ("pelatihan", Certificates),
            ("kursus", Certificates),
            ("proyek", Projects),
            ("publikasi", Publications),
            ("organisasi", Volunteer),
            ("referensi", References),
            ("kontak", Contact),
            ("profil", Summary),
            ("ringkasan", Summary),
        ],
        fillers: &["dan", "kerja", "diri"],
        entry_subheadings: &["tugas", "tanggung jawab"],
    },
];

/// The parts Chinese and Japanese headings are made of, written without spaces between words,
/// in simplified form (headings are [`fold_cjk`]ed first). A heading names the section of the
/// part it starts with; the rest are more such parts or [`CJK_FILLERS`] ("工作经历",
/// "學歷", "社團/志工", "语言能力").
pub static CJK_HEADINGS: &[(&str, Section)] = &[
    ("简历", Junk),
    ("履历表", Junk),
    ("履历书", Junk),
    ("职务经历书", Junk),
    ("工作", Work),
    ("实习", Work),
    ("职务经历", Work),
    ("职务履历", Work),
    ("职历", Work),
    ("任职", Work),
    ("从业", Work),
    ("职业经历", Work),
    ("教育", Education),
    ("学历", Education),
    ("学业", Education),
    ("语言", Languages),
    ("外语", Languages),
    ("技能", Skills),
    ("技术", Skills),
    ("专长", Skills),
    ("获奖", Awards),
    ("奖项", Awards),
    ("荣誉", Awards),
    ("奖励", Awards),
    ("证书", Certificates),
    ("证照", Certificates),
    ("资格", Certificates),
    ("认证", Certificates),
    ("项目", Projects),
    ("专案", Projects),
    ("作品", Projects),
    ("论文", Publications),
    ("发表", Publications),
    ("著作", Publications),
    ("兴趣", Interests),
    ("爱好", Interests),
    ("志工", Volunteer),
    ("志愿", Volunteer),
    ("义工", Volunteer),
    ("社团", Volunteer),
    ("社区", Volunteer),
    ("个人信息", Contact),
    ("个人资料", Contact),
    ("基本信息", Contact),
    ("联系", Contact),
    ("自我评价", Summary),
    ("自我介绍", Summary),
    ("个人简介", Summary),
    ("个人总结", Summary),
    ("个人优势", Summary),
    ("自己pr", Summary),
    ("职务要约", Summary),
    ("求职意向", Summary),
    ("自传", Summary),
    // Japanese headings, in the simplified forms [`fold_cjk`] gives them.
    ("趣味", Interests),
    ("スキル", Skills),
    ("特技", Skills),
    ("免许", Certificates),
    ("受奖", Awards),
    ("言语", Languages),
    ("语学", Languages),
    ("プロジェクト", Projects),
    ("连络先", Contact),
];

/// Parts that qualify a CJK heading without naming a section ("经历" history, "背景"
/// background, "能力" ability, "其他" other) and the marks between parts.
const CJK_FILLERS: &[&str] = &[
    "经历", "历", "经验", "背景", "情况", "信息", "能力", "方式", "其他", "相关", "参与", "实践",
    "活动", "竞赛", "比赛", "专业", "主要", "个人", "及", "与", "和", "等", "など", "/", "・",
    "、", ",", "，", "&", " ",
];

/// Traditional and Japanese forms of the characters [`CJK_HEADINGS`] are made of, and their
/// simplified forms.
const CJK_VARIANTS: &[(char, char)] = &[
    ('經', '经'),
    ('経', '经'),
    ('歷', '历'),
    ('歴', '历'),
    ('學', '学'),
    ('驗', '验'),
    ('験', '验'),
    ('專', '专'),
    ('専', '专'),
    ('項', '项'),
    ('獎', '奖'),
    ('賞', '奖'),
    ('證', '证'),
    ('証', '证'),
    ('資', '资'),
    ('術', '术'),
    ('語', '语'),
    ('興', '兴'),
    ('愛', '爱'),
    ('務', '务'),
    ('職', '职'),
    ('習', '习'),
    ('實', '实'),
    ('実', '实'),
    ('團', '团'),
    ('団', '团'),
    ('願', '愿'),
    ('義', '义'),
    ('區', '区'),
    ('評', '评'),
    ('價', '价'),
    ('価', '价'),
    ('簡', '简'),
    ('發', '发'),
    ('発', '发'),
    ('論', '论'),
    ('獲', '获'),
    ('榮', '荣'),
    ('栄', '荣'),
    ('個', '个'),
    ('聯', '联'),
    ('絡', '络'),
    ('總', '总'),
    ('総', '总'),
    ('結', '结'),
    ('書', '书'),
    ('傳', '传'),
    ('伝', '传'),
    ('認', '认'),
    ('業', '业'),
    ('況', '况'),
    ('與', '与'),
    ('關', '关'),
    ('參', '参'),
    ('動', '动'),
    ('賽', '赛'),
    ('勵', '励'),
    ('優', '优'),
    ('勢', '势'),
    ('紹', '绍'),
    ('從', '从'),
    ('従', '从'),
    ('許', '许'),
    ('連', '连'),
];

/// A CJK heading in simplified characters and lower-case Latin letters ("自己PR" → "自己pr").
fn fold_cjk(text: &str) -> String {
    text.chars()
        .map(|c| CJK_VARIANTS.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s))
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The section a short Chinese or Japanese heading names: every part of it is a heading part
/// or a filler, and the part it starts with decides. A company name holding a heading part
/// ("…技术有限公司") has other parts, and is no heading.
fn cjk_section(text: &str) -> Option<Section> {
    if text.is_ascii() || !text.chars().any(is_cjk) || text.chars().count() > 12 {
        return None;
    }
    let folded = fold_cjk(text);
    let mut rest = folded.as_str();
    let mut first: Option<Section> = None;
    while !rest.is_empty() {
        // The longest part that starts here: "职务经历书" is a title, not "职务经历".
        let part = CJK_HEADINGS
            .iter()
            .filter(|(p, _)| rest.starts_with(p))
            .max_by_key(|(p, _)| p.len())
            .map(|(p, s)| (p.len(), Some(*s)));
        let filler = || CJK_FILLERS.iter().find(|f| rest.starts_with(**f)).map(|f| (f.len(), None));
        let (len, section) = part.or_else(filler)?;
        first = first.or(section);
        rest = &rest[len..];
    }
    first
}

struct Lexicon {
    /// Phrases as word lists, each with its section.
    phrases: Vec<(Vec<String>, Section)>,
    /// The phrases (indices into `phrases`, in table order) that start with each word: a
    /// heading is matched against the few phrases its words can start, not all of them.
    by_first: HashMap<String, Vec<usize>, std::hash::BuildHasherDefault<super::WordHasher>>,
    /// Every word a heading may be made of.
    words: WordSet<String>,
    /// Words that qualify a heading as well as name one ("academic", "work"): weaker.
    fillers: WordSet<String>,
    subheadings: WordSet<String>,
}

impl Lexicon {
    /// The phrases that may occur in `words` (those starting with one of its words), in
    /// table order, so that ties go to the phrase written first as when all are tried.
    fn candidates(&self, words: &[String]) -> Vec<usize> {
        let mut found: Vec<usize> =
            words.iter().filter_map(|w| self.by_first.get(w)).flatten().copied().collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut by_first = HashMap::default();
    let mut words = WordSet::default();
    let mut subheadings = WordSet::default();
    let mut fillers = WordSet::default();
    for h in HEADINGS {
        for (p, s) in h.phrases {
            let ws: Vec<String> = heading_words(p);
            words.extend(ws.iter().cloned());
            if let Some(first) = ws.first() {
                by_first.entry(first.clone()).or_insert_with(Vec::new).push(phrases.len());
            }
            phrases.push((ws, *s));
        }
        words.extend(h.fillers.iter().map(|w| hkey(w)));
        fillers.extend(h.fillers.iter().map(|w| hkey(w)));
        subheadings.extend(h.entry_subheadings.iter().map(|w| hkey(w)));
    }
    Lexicon { phrases, by_first, words, fillers, subheadings }
});

/// A word or phrase as the heading tables hold it: [`fold`]ed, and without the accents of
/// Latin letters, which headings in capitals often drop ("EXPERIENCE PROFESSIONNELLE",
/// "FORMACION", "YABANCI DILLER").
fn hkey(text: &str) -> String {
    fold(text).chars().map(latin_plain).collect()
}

/// Whether `word` (one word, split off a line) is a heading word.
fn is_lexicon_word(word: &str) -> bool {
    holds_key(&LEXICON.words, word)
}

/// Whether `set` holds `text`'s [`hkey`], as `set.contains(&hkey(text))` says but without
/// allocating for ASCII text, which most is: its key is the text in lower case (a backquote
/// as an apostrophe).
fn holds_key(set: &WordSet<String>, text: &str) -> bool {
    if !text.is_ascii() {
        return set.contains(&hkey(text));
    }
    thread_local! {
        static KEY: RefCell<String> = const { RefCell::new(String::new()) };
    }
    KEY.with(|key| {
        let mut key = key.borrow_mut();
        key.clear();
        key.extend(text.chars().map(|c| if c == '`' { '\'' } else { c.to_ascii_lowercase() }));
        set.contains(key.as_str())
    })
}

fn latin_plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ğ' => 'g',
        'ř' => 'r',
        c => c,
    }
}

/// A heading's words: lower case, punctuation (apostrophes and hyphens included) as spaces,
/// numbers dropped ("1.3 Work history" → work, history).
pub fn heading_words(text: &str) -> Vec<String> {
    hkey(text)
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '&' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .filter(|w| !w.chars().all(char::is_numeric))
        .map(str::to_string)
        .collect()
}

/// The words that name the skills as a whole, in any language ("Skills", "Kompetenzen",
/// "Compétences"), as opposed to one kind of skill ("Tools", "Programming languages").
static GENERIC_SKILLS: &[&str] = &[
    "skills",
    "skill",
    "competencies",
    "competences",
    "expertise",
    "abilities",
    "capabilities",
    "proficiencies",
    "kenntnisse",
    "fahigkeiten",
    "kompetenzen",
    "qualifikationen",
    "connaissances",
    "habilidades",
    "competencias",
    "conocimientos",
    "competenze",
    "capacita",
    "conoscenze",
    "vaardigheden",
    "competenties",
    "kennis",
    "conhecimentos",
    "umiejetnosci",
    "kompetencje",
    "навыки",
    "компетенции",
    "умения",
    "yetenekler",
    "beceriler",
    "yetkinlikler",
    "and",
    "und",
    "et",
    "y",
    "e",
    "&",
];

/// Whether a heading names the skills as a whole ("Skills", "Kenntnisse"), not one kind of
/// them: such a sub-heading among the skills names no group.
pub fn names_all_skills(text: &str) -> bool {
    static SET: LazyLock<WordSet<String>> =
        LazyLock::new(|| GENERIC_SKILLS.iter().map(|w| hkey(w)).collect());
    let words = heading_words(text);
    !words.is_empty() && words.iter().all(|w| SET.contains(w))
}

/// The section a heading's text names, if every word of it is a heading word and it holds a
/// known phrase. The phrase with the most words wins ("Volunteer Experience" is volunteering,
/// "Programming Languages" skills); then one with a word that is not also a qualifier
/// ("Academic Positions" is work: "academic" qualifies); then the one written first.
pub fn section(text: &str) -> Option<Section> {
    if text.len() > 80 || text.split_whitespace().nth(6).is_some() {
        return None;
    }
    let trimmed = text.trim().trim_end_matches([':', '：']).trim();
    if let Some(s) = cjk_section(trimmed) {
        return Some(s);
    }
    // Most lines are not headings: the first word that is no heading word says so early.
    let all_heading_words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty() && !w.chars().all(char::is_numeric))
        .all(is_lexicon_word);
    if !all_heading_words {
        return None;
    }
    let words = heading_words(text);
    if words.is_empty() || words.len() > 6 || !words.iter().all(|w| LEXICON.words.contains(w)) {
        return None;
    }
    section_of_words(&words)
}

/// The section a line already known to be a heading names, reading a long word one slip
/// away from a heading word as that word ("EXPERIANCE", "Educaton"). Only for headings by
/// markup or shape: on any line, a title one letter from a heading word would open a section.
pub fn section_with_slips(text: &str) -> Option<Section> {
    if let Some(s) = section(text) {
        return Some(s);
    }
    if text.len() > 80 || text.split_whitespace().nth(6).is_some() {
        return None;
    }
    let words: Vec<String> = heading_words(text)
        .into_iter()
        .map(|w| if LEXICON.words.contains(&w) { Some(w) } else { near_heading_word(&w) })
        .collect::<Option<_>>()?;
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    section_of_words(&words)
}

/// The section a list of heading words names (see [`section`]).
fn section_of_words(words: &[String]) -> Option<Section> {
    // Rank: words in the phrase, whether one is more than a qualifier, and (earlier is
    // better) where it starts.
    type Rank = (usize, bool, std::cmp::Reverse<usize>);
    let mut best: Option<(Rank, Section)> = None;
    for (p, s) in LEXICON.candidates(words).into_iter().map(|i| &LEXICON.phrases[i]) {
        if let Some(at) = words.windows(p.len()).position(|w| w == p.as_slice()) {
            let strong = p.iter().any(|w| !LEXICON.fillers.contains(w));
            let rank = (p.len(), strong, std::cmp::Reverse(at));
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, *s));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Words this long or longer may carry one slip ("Experiance", "Educaton"); shorter ones
/// are too close to other words to guess ("Skils" could be anything).
const TYPO_MIN_LETTERS: usize = 8;

/// The one heading word a long word is a single slip away from (a letter missing, added,
/// changed, or two swapped), when exactly one word is.
fn near_heading_word(word: &str) -> Option<String> {
    let n = word.chars().count();
    if n < TYPO_MIN_LETTERS || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut near = LEXICON
        .words
        .iter()
        .filter(|v| v.chars().count().abs_diff(n) <= 1 && v.chars().count() >= TYPO_MIN_LETTERS)
        .filter(|v| one_edit_apart(word, v));
    let first = near.next()?;
    near.next().is_none().then(|| first.clone())
}

/// Whether two different words are one insertion, deletion, substitution or swap of
/// neighbouring letters apart.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if head == short.len() {
        return long.len() == short.len() + 1;
    }
    let tail = |s: &[char], l: &[char]| s == l;
    if short.len() == long.len() {
        let swapped = head + 1 < short.len()
            && short[head] == long[head + 1]
            && short[head + 1] == long[head]
            && tail(&short[head + 2..], &long[head + 2..]);
        swapped || tail(&short[head + 1..], &long[head + 1..])
    } else {
        tail(&short[head..], &long[head + 1..])
    }
}

/// The section a heading names by its content words when it also holds words no heading
/// phrase has ("Some of my projects", "Where I have worked", "Selected papers from the last
/// ten years"): the words that name a section, a verb form read as its stem ("worked" →
/// work). Only for a line already known to be a heading by its markup or shape; a heading
/// whose content words name two different sections names neither. Words that only qualify
/// ("professional", "selected") name nothing alone.
pub fn section_by_content_words(text: &str) -> Option<Section> {
    if text.len() > 100 || text.split_whitespace().nth(10).is_some() {
        return None;
    }
    if let Some(s) = section(text) {
        return Some(s);
    }
    // A verb form names its section outright, even where the stem alone only qualifies
    // ("worked": "work" is also a qualifier, as in "work history").
    let (words, verbs): (Vec<String>, Vec<bool>) = heading_words(text)
        .into_iter()
        .map(|w| {
            if LEXICON.words.contains(&w) {
                return (w, false);
            }
            ["ed", "ing", "d"]
                .iter()
                .filter_map(|suffix| w.strip_suffix(suffix))
                .map(str::to_string)
                .find(|stem| LEXICON.words.contains(stem))
                .map_or((w, false), |stem| (stem, true))
        })
        .unzip();
    // Every strong phrase with where it stands; one inside a longer match is part of it
    // ("volunteer experience" holds "experience").
    let mut matches: Vec<(usize, usize, Section)> = Vec::new();
    for (p, s) in LEXICON.candidates(&words).into_iter().map(|i| &LEXICON.phrases[i]) {
        let strong = p.iter().any(|w| !LEXICON.fillers.contains(w));
        if matches!(s, Junk | Contact) {
            continue;
        }
        for (at, w) in words.windows(p.len()).enumerate() {
            if w == p.as_slice() && (strong || verbs[at..at + p.len()].contains(&true)) {
                matches.push((at, at + p.len(), *s));
            }
        }
    }
    let inside = |(a, b, _): &(usize, usize, Section)| {
        matches.iter().any(|(c, d, _)| c <= a && b <= d && d - c > b - a)
    };
    let mut kinds = matches.iter().filter(|m| !inside(m)).map(|(_, _, s)| *s);
    let first = kinds.next()?;
    kinds.all(|k| k == first).then_some(first)
}

/// Whether a heading word list could be a heading at all (every word a heading word).
pub fn is_heading_word(word: &str) -> bool {
    is_lexicon_word(word)
}

/// Sub-headings inside an entry whose bullets fold into the entry ("Achievements").
pub fn is_entry_subheading(text: &str) -> bool {
    holds_key(&LEXICON.subheadings, text.trim().trim_end_matches(':').trim())
}

/// Words that say a section has nothing in it ("None", "Néant", "Keine"), per language.
pub static NOTHING: &[(&str, &[&str])] = &[
    ("en", &["none", "n/a", "nil", "not applicable"]),
    ("de", &["keine", "keiner", "entfällt"]),
    ("fr", &["néant", "aucun", "aucune"]),
    ("es", &["ninguno", "ninguna", "no aplica"]),
    ("it", &["nessuno", "nessuna"]),
    ("pt", &["nenhum", "nenhuma"]),
    ("nl", &["geen"]),
    ("pl", &["brak"]),
    ("ru", &["нет"]),
    ("tr", &["yok"]),
    ("el", &["κανενα", "καμια"]),
];

/// Words that name an honour listed among a school's lines ("Dean's List", "Merit
/// Scholarship"), per language: an award, not a degree or a school.
pub static HONOURS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "dean's list",
            "deans list",
            "honor society",
            "honors society",
            "honour society",
            "honor roll",
            "scholarship",
            "scholar",
            "award",
            "prize",
            "fellowship",
            "grant",
            "grants",
            "medal",
            "valedictorian",
            "salutatorian",
        ],
    ),
    ("de", &["stipendium", "stipendiat", "stipendiatin", "preis", "auszeichnung"]),
    ("fr", &["bourse", "boursier", "boursière", "prix", "major de promotion"]),
    ("es", &["beca", "becario", "becaria", "premio", "matrícula de honor"]),
    ("it", &["borsa di studio", "borsista", "premio"]),
    ("pt", &["bolsa", "bolsista", "prêmio", "prémio"]),
    ("nl", &["beurs", "prijs"]),
    ("el", &["υποτροφος", "υποτροφια", "βραβειο", "αριστειο"]),
];

/// Whether a text names an honour: one of [`HONOURS`] as whole words.
pub fn names_honour(text: &str) -> bool {
    static WORDS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
        HONOURS.iter().flat_map(|(_, w)| w.iter()).map(|w| heading_words(w)).collect()
    });
    let words = heading_words(&text.replace(['’', '\''], ""));
    WORDS.iter().any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
}

/// Stems of the one word a heading about the person's private side is made of, as
/// [`hkey`] leaves them (lower case, no accents): personal data when fields follow, pastimes
/// when a list of short items does. A stem takes its inflections ("-e", "-es", "-le").
static PERSONAL_STEMS: &[&str] =
    &["personal", "personn", "personlich", "pessoa", "persoonlijk", "osobist", "личн", "kisisel"];

/// Whether a heading is one word about the person's private side, in any language of
/// [`PERSONAL_STEMS`].
pub fn names_personal_only(text: &str) -> bool {
    let words = heading_words(text);
    let [word] = words.as_slice() else { return false };
    let len = word.chars().count();
    PERSONAL_STEMS.iter().any(|stem| word.starts_with(stem) && len <= stem.chars().count() + 3)
}

/// Whether a line only says there is nothing here.
pub fn is_nothing(text: &str) -> bool {
    static KEYS: LazyLock<WordSet<String>> =
        LazyLock::new(|| NOTHING.iter().flat_map(|(_, w)| w.iter()).map(|w| hkey(w)).collect());
    let text = text.trim().trim_matches(|c: char| c.is_ascii_punctuation() && c != '/');
    // Folding keeps every character but the combining dot it drops (one or more characters
    // each, a byte or more): past 20 other characters the key is past 20 bytes, so no line
    // of content need be folded to know it is not "none".
    if text.chars().filter(|c| *c != '\u{307}').nth(20).is_some() {
        return false;
    }
    let t = hkey(text);
    t.len() <= 20 && KEYS.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_only_say_personal() {
        for t in ["OSOBISTE", "Kişisel:"] {
            assert!(names_personal_only(t), "{t}");
        }
        for t in ["Personal kiln notes", "Glazes", "Personalentwicklungen"] {
            assert!(!names_personal_only(t), "{t}");
        }
    }

    #[test]
    fn words_for_nothing() {
        for t in ["None", "Néant", "NEANT", "n/a", "Keine.", "Brak"] {
            assert!(is_nothing(t), "{t}");
        }
        for t in ["Nonesuch Ltd", "Acme", "Keine Angabe zur Person hier"] {
            assert!(!is_nothing(t), "{t}");
        }
    }

    #[test]
    fn headings_in_many_languages() {
        for (t, s) in [
            ("Professional Experience", Work),
            ("1.3 Professional experience", Work),
            ("supervision and lecturing", Talks),
            ("Lecturing", Talks),
            ("Experiencia docente", Talks),
            ("Experiência docente", Talks),
            ("ΕΚΠΑΙΔΕΥΣΗ", Education),
            ("SUMMARY OF QUALIFICATIONS", Summary),
            ("Langues", Languages),
            ("Foreign Languages", Languages),
            ("Обо мне", Summary),
            ("Скиллы", Skills),
            ("Технологии", Skills),
            ("Контактная информация", Contact),
            ("Επαγγελματική Εμπειρία", Work),
            ("ΞΕΝΕΣ ΓΛΩΣΣΕΣ", Languages),
            ("Δημοσιεύσεις", Publications),
            ("CENTRES D'INTÉRÊT", Interests),
            ("ETAT CIVIL", Contact),
            ("FORMATION SUIVIE", Education),
            ("LANGUES ETRANGERES", Languages),
            ("FORMACION ACADEMICA", Education),
            ("YABANCI DİLLER", Languages),
            ("Hobby's", Interests),
            ("WORK HISTORY:", Work),
            ("Honors and Awards", Awards),
            ("Programming Languages", Skills),
            ("Languages", Languages),
            ("Volunteer Experience", Volunteer),
            ("Beruflicher Werdegang / Professional Experience", Work),
            ("Expérience professionnelle", Work),
            ("Formación académica", Education),
            ("Competenze", Skills),
            ("Aus- und Weiterbildungen", Education),
            ("Weiterbildungen", Certificates),
            ("Doświadczenie zawodowe", Work),
            ("Опыт работы", Work),
            ("EĞİTİM", Education),
            ("İş Deneyimi", Work),
            ("Formação Acadêmica", Education),
            ("教育经历", Education),
            ("Kenntnisse & Fähigkeiten", Skills),
            ("Academic Positions", Work),
            ("Leadership Activities", Volunteer),
            ("Academic Background", Education),
            ("Technische Kenntnisse", Skills),
            ("Zivildienst", Work),
            ("Akademischer Werdegang", Education),
            ("Akademische Laufbahn", Education),
            ("ΔΕΞΙΟΤΗΤΕΣ Η.Υ.", Skills),
            ("Γνώσεις Η/Υ", Skills),
            ("ΣΥΝΕΔΡΙΑ & ΠΑΡΟΥΣΙΑΣΕΙΣ", Talks),
            ("Γλωσσομάθεια", Languages),
            ("Field of interest", Interests),
            ("Awards/Extracurriculars", Volunteer),
            ("Conference and workshops", Talks),
            ("Top Skills", Skills),
            ("Professional Development", Certificates),
            ("Career History", Work),
            ("Employment Record", Work),
            ("Academic Background", Education),
            ("Technical Proficiencies", Skills),
            ("Core Competencies", Skills),
            ("Key Skills", Skills),
            ("Honours and Awards", Awards),
            ("Extracurricular Activities", Volunteer),
            ("Leadership", Volunteer),
            ("Affiliations/Memberships", Volunteer),
            ("Professional Associations", Volunteer),
            ("Training", Certificates),
            ("Training and Education", Education),
            ("Formation continue", Certificates),
            ("Formación complementaria", Certificates),
            ("Formação complementar", Certificates),
            ("Schlüsselkompetenzen", Skills),
            ("Compétences clés", Skills),
            ("Activités extra-professionnelles", Volunteer),
            ("Historial laboral", Work),
            ("Competencias clave", Skills),
            ("Competenze chiave", Skills),
            ("Trainingen", Certificates),
            ("Nevenfuncties", Volunteer),
            ("Scientific Publication", Publications),
            ("Topic of Research", Interests),
            ("Technical Competence", Skills),
            ("CAREER OBJECTIVE", Summary),
            ("Career Summary", Summary),
            ("Atuação profissional", Work),
            ("Áreas de atuação", Skills),
            ("Produção bibliográfica", Publications),
            ("Produção técnica", Projects),
        ] {
            assert_eq!(section(t), Some(s), "{t}");
        }
        assert_eq!(section("Senior Software Engineer"), None);
        assert_eq!(section("I have experience in many things here"), None);
    }

    #[test]
    fn long_heading_words_with_one_slip() {
        for (t, s) in [
            ("EXPERIANCE", Work),
            ("Educaton", Education),
            ("Profesional Experince", Work),
            ("Certifcations", Certificates),
            ("Publicaitons", Publications),
            ("Volunter Experience", Volunteer),
        ] {
            assert_eq!(section_with_slips(t), Some(s), "{t}");
            assert_eq!(section(t), None, "{t}: only a known heading is read with slips");
        }
        // Short words are too close to others to guess; two slips are no slip.
        for t in ["Skils", "Awrds", "Eductn", "Expierance", "Educated"] {
            assert_eq!(section_with_slips(t), None, "{t}");
        }
        assert!(one_edit_apart("experiance", "experience"));
        assert!(one_edit_apart("eductaion", "education"));
        assert!(!one_edit_apart("education", "education"));
    }

    #[test]
    fn headings_by_their_content_words() {
        for (t, s) in [
            ("Where I have worked", Work),
            ("Some of my projects", Projects),
            ("Things I have volunteered for", Volunteer),
            ("Selected publications from the last ten years", Publications),
            ("My volunteer experience over the years", Volunteer),
        ] {
            assert_eq!(section_by_content_words(t), Some(s), "{t}");
        }
        // Two sections named, or none: no guess.
        assert_eq!(section_by_content_words("Education and experience in one place"), None);
        assert_eq!(section_by_content_words("Notes from the weather station"), None);
    }

    #[test]
    fn honours() {
        for t in ["Dean’s List, Fall 2019", "Golden Quill Honor Society", "Merit Scholarship"] {
            assert!(names_honour(t), "{t}");
        }
        assert!(names_honour("Υπότροφος Ιδρύματος"));
        for t in ["Bachelor of Science", "Northfield University", "Scholarly Press"] {
            assert!(!names_honour(t), "{t}");
        }
    }

    #[test]
    fn chinese_and_japanese_headings_by_their_parts() {
        for (t, s) in [
            ("工作经历", Some(Work)),
            ("工作經歷", Some(Work)),
            ("學歷", Some(Education)),
            ("教育背景：", Some(Education)),
            ("社團/志工", Some(Volunteer)),
            ("语言能力", Some(Languages)),
            ("技术能力", Some(Skills)),
            ("实习经历", Some(Work)),
            ("荣誉奖项/论文", Some(Awards)),
            ("個人資料", Some(Contact)),
            ("自己PR", Some(Summary)),
            ("職務経歴書", Some(Junk)),
            ("履歷表", Some(Junk)),
            ("職歴", Some(Work)),
            // An employer holding a heading part ("technology") and an entry's own sub-heading
            // ("job description") have parts no heading is made of.
            ("北方技术有限公司", None),
            ("工作描述", None),
            ("其他", None),
        ] {
            assert_eq!(section(t), s, "{t}");
        }
    }

    #[test]
    fn entry_sub_headings() {
        assert!(is_entry_subheading("Key Achievements:"));
        assert!(is_entry_subheading("Principais Realizações"));
    }
}
