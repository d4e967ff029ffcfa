//! Names pages give their fields: the words in class names (`resume-job-title`,
//! `educationInstitution`) and in field labels (`Vorname`, `E-Mail`, `Geburtsdatum`) that say which field
//! a piece of text is.

/// Which field a class name or label says a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Title,
    Employer,
    Place,
    Dates,
    Degree,
    Institution,
    Description,
}

/// Words of class names, per field.
const CLASS_WORDS: &[(Hint, &[&str])] = &[
    (Hint::Title, &["title", "position", "role", "job", "jobtitle", "designation", "occupation"]),
    (Hint::Employer, &["company", "employer", "organization", "organisation", "org", "firm"]),
    (Hint::Place, &["location", "place", "city", "address", "loc", "region"]),
    (Hint::Dates, &["date", "dates", "year", "years", "period", "time", "duration", "when"]),
    (Hint::Degree, &["degree", "qualification", "diploma", "study", "studytype", "major"]),
    (Hint::Institution, &["institution", "school", "university", "college", "uni"]),
    (
        Hint::Description,
        &["description", "desc", "summary", "details", "detail", "content", "body", "text"],
    ),
];

/// What a form label ("E-Mail:", "Geburtsdatum:", "| Nachname | … |") says its value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Name,
    GivenName,
    FamilyName,
    Email,
    Phone,
    Web,
    /// A postal address; its town is the location.
    Address,
    /// A town or region.
    City,
    /// Personal data with no JSON Resume home (birth, gender, nationality, height, ...): never
    /// a summary, never a headline.
    Personal,
}

/// Labels of contact and personal-data fields, per field, in many languages; written as
/// [`label_key`] leaves them (lower case, words separated by single spaces).
const LABELS: &[(Label, &[&str])] = &[
    (
        Label::Name,
        &[
            "name",
            "full name",
            "name and surname",
            "first and last name",
            "vollständiger name",
            "nom complet",
            "nom et prénom",
            "prénom et nom",
            "nombre completo",
            "nombre y apellidos",
            "nome completo",
            "nome e cognome",
            "volledige naam",
            "naam",
            "imię i nazwisko",
            "фио",
            "ф и о",
            "имя и фамилия",
            "ad soyad",
            "adı soyadı",
            "isim",
            "nama",
            "nama lengkap",
        ],
    ),
    (
        Label::GivenName,
        &[
            "first name",
            "given name",
            "forename",
            "vorname",
            "prénom",
            "prenom",
            "nombre",
            "nome",
            "voornaam",
            "imię",
            "imie",
            "имя",
            "ad",
            "adı",
            "nama depan",
        ],
    ),
    (
        Label::FamilyName,
        &[
            "last name",
            "surname",
            "family name",
            "nachname",
            "familienname",
            "nom",
            "nom de famille",
            "apellido",
            "apellidos",
            "cognome",
            "sobrenome",
            "achternaam",
            "nazwisko",
            "фамилия",
            "soyad",
            "soyadı",
            "nama belakang",
        ],
    ),
    (
        Label::Email,
        &[
            "e mail",
            "email",
            "mail",
            "email address",
            "e mail address",
            "e mail adresse",
            "courriel",
            "adresse e mail",
            "adresse électronique",
            "correo",
            "correo electrónico",
            "posta elettronica",
            "e mail adres",
            "adres e mail",
            "электронная почта",
            "почта",
            "e posta",
            "surel",
            "alamat email",
        ],
    ),
    (
        Label::Phone,
        &[
            "phone",
            "phone number",
            "telephone",
            "tel",
            "mobile",
            "mobile phone",
            "mobile no",
            "mobile number",
            "cell",
            "cellphone",
            "cell phone",
            "contact number",
            "contact no",
            "whatsapp",
            "telefon",
            "telefonnummer",
            "handy",
            "mobil",
            "téléphone",
            "telephone portable",
            "portable",
            "teléfono",
            "telefono",
            "móvil",
            "celular",
            "cellulare",
            "telefone",
            "telefoon",
            "mobiel",
            "gsm",
            "телефон",
            "cep",
            "cep telefonu",
            "telepon",
            "handphone",
            "hp",
            "no hp",
            "nomor hp",
            "no telepon",
        ],
    ),
    (
        Label::Web,
        &[
            "web",
            "website",
            "web site",
            "webpage",
            "web page",
            "homepage",
            "home page",
            "url",
            "site",
            "blog",
            "portfolio",
            "webseite",
            "sito",
            "sito web",
            "página",
            "página web",
            "sitio web",
            "site web",
            "site internet",
            "веб сайт",
            "сайт",
            "situs",
        ],
    ),
    (
        Label::Address,
        &[
            "address",
            "postal address",
            "home address",
            "adresse",
            "anschrift",
            "dirección",
            "direccion",
            "domicilio",
            "indirizzo",
            "endereço",
            "adres",
            "адрес",
            "alamat",
        ],
    ),
    (
        Label::City,
        &[
            "location",
            "city",
            "based in",
            "residence",
            "wohnort",
            "ort",
            "ville",
            "ciudad",
            "città",
            "cidade",
            "woonplaats",
            "miejscowość",
            "город",
            "şehir",
            "kota",
        ],
    ),
    (
        Label::Personal,
        &[
            "date of birth",
            "birth date",
            "birthdate",
            "born",
            "place of birth",
            "birthplace",
            "dob",
            "d o b",
            "age",
            "gender",
            "sex",
            "nationality",
            "citizenship",
            "marital status",
            "civil status",
            "religion",
            "height",
            "weight",
            "driving licence",
            "driving license",
            "driver s license",
            "visa status",
            "father s name",
            "mother s name",
            "geburtsdatum",
            "geboren",
            "geburtsort",
            "geburtstag",
            "staatsangehörigkeit",
            "nationalität",
            "familienstand",
            "alter",
            "führerschein",
            "konfession",
            "date de naissance",
            "né le",
            "née le",
            "lieu de naissance",
            "nationalité",
            "situation familiale",
            "âge",
            "permis",
            "permis de conduire",
            "fecha de nacimiento",
            "lugar de nacimiento",
            "nacionalidad",
            "estado civil",
            "edad",
            "sexo",
            "data di nascita",
            "luogo di nascita",
            "nazionalità",
            "stato civile",
            "età",
            "patente",
            "data de nascimento",
            "naturalidade",
            "nacionalidade",
            "idade",
            "geboortedatum",
            "geboorteplaats",
            "nationaliteit",
            "burgerlijke staat",
            "leeftijd",
            "rijbewijs",
            "data urodzenia",
            "miejsce urodzenia",
            "obywatelstwo",
            "narodowość",
            "stan cywilny",
            "wiek",
            "prawo jazdy",
            "дата рождения",
            "место рождения",
            "гражданство",
            "семейное положение",
            "возраст",
            "doğum tarihi",
            "doğum yeri",
            "uyruk",
            "uyruğu",
            "medeni hal",
            "medeni durum",
            "askerlik durumu",
            "ehliyet",
            "yaş",
            "cinsiyet",
            "tempat tgl lahir",
            "tempat tanggal lahir",
            "tanggal lahir",
            "tgl lahir",
            "jenis kelamin",
            "agama",
            "kewarganegaraan",
            "status perkawinan",
            "tinggi badan",
            "berat badan",
            // Identity documents: their numbers are no phone numbers.
            "id",
            "id no",
            "id number",
            "id card",
            "identity card",
            "national id",
            "passport",
            "passport no",
            "passport number",
            "social security number",
            "ssn",
            "cnic",
            "aadhaar",
            "aadhar",
            "dni",
            "nie",
            "cpf",
            "rg",
            "identidade",
            "passaporte",
            "nascimento",
            "personalausweis",
            "reisepass",
            "carte d identité",
            "cédula",
            "cedula",
            "pesel",
        ],
    ),
];

/// A label as [`LABELS`] writes it: folded to lower case, punctuation ("E -Mail", "Tempat,tgl
/// lahir", "D.O.B.") turned into single spaces.
pub fn label_key(label: &str) -> String {
    let lower = label.to_lowercase();
    let mut key = String::with_capacity(lower.len());
    for w in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    key
}

/// The field a form label names ("Vorname" → given name, "E-mail" → e-mail).
pub fn label(label: &str) -> Option<Label> {
    if label.len() > 40 {
        return None;
    }
    let key = label_key(label);
    // Written joined too: "e mail" is also "email".
    let joined = key.replace(' ', "");
    LABELS
        .iter()
        .find(|(_, ws)| ws.iter().any(|w| *w == key || (w.len() > 3 && *w == joined)))
        .map(|(l, _)| *l)
}

/// The words of a class name: split at punctuation and at lower-to-upper case changes.
fn class_words(class: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in class.chars() {
        if !c.is_alphanumeric() {
            words.push(std::mem::take(&mut cur));
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    words.push(cur);
    words.retain(|w| !w.is_empty());
    words
}

/// Labels of an entry's fields in resumes written as forms ("Company: Acme", "Cargo:
/// Analista", "Zeitraum: 2019 – 2021", "职位：工程师"), per field, in many languages; written as
/// [`label_key`] leaves them.
const ENTRY_LABELS: &[(Hint, &[&str])] = &[
    (
        Hint::Employer,
        &[
            "company",
            "employer",
            "organisation",
            "organization",
            "firm",
            "company name",
            "empresa",
            "compañía",
            "companhia",
            "entreprise",
            "société",
            "employeur",
            "unternehmen",
            "firma",
            "arbeitgeber",
            "azienda",
            "datore di lavoro",
            "bedrijf",
            "werkgever",
            "pracodawca",
            "компания",
            "организация",
            "работодатель",
            "şirket",
            "kurum",
            "公司",
            "单位",
            "工作单位",
            "公司名称",
            "会社",
        ],
    ),
    (
        Hint::Title,
        &[
            "position",
            "title",
            "job title",
            "role",
            "designation",
            "cargo",
            "puesto",
            "posición",
            "poste",
            "fonction",
            "titre",
            "stelle",
            "funktion",
            "rolle",
            "ruolo",
            "posizione",
            "mansione",
            "functie",
            "rol",
            "stanowisko",
            "должность",
            "позиция",
            "pozisyon",
            "unvan",
            "görev",
            "职位",
            "职务",
            "岗位",
            "役職",
        ],
    ),
    (
        Hint::Dates,
        &[
            "period",
            "dates",
            "date",
            "duration",
            "years",
            "time",
            "período",
            "periodo",
            "fecha",
            "fechas",
            "duración",
            "période",
            "durée",
            "zeitraum",
            "dauer",
            "datum",
            "durata",
            "periode",
            "duur",
            "okres",
            "период",
            "даты",
            "срок",
            "tarih",
            "dönem",
            "süre",
            "时间",
            "期间",
            "工作时间",
            "在校时间",
            "期間",
        ],
    ),
    (
        Hint::Place,
        &[
            "location",
            "place",
            "city",
            "lugar",
            "ubicación",
            "localidad",
            "cidade",
            "local",
            "lieu",
            "ville",
            "ort",
            "standort",
            "luogo",
            "sede",
            "città",
            "plaats",
            "locatie",
            "miejsce",
            "miejscowość",
            "город",
            "место",
            "şehir",
            "yer",
            "地点",
            "城市",
        ],
    ),
    (
        Hint::Description,
        &[
            "description",
            "details",
            "responsibilities",
            "duties",
            "tasks",
            "achievements",
            "descripción",
            "funciones",
            "responsabilidades",
            "tareas",
            "logros",
            "atividades",
            "atribuições",
            "descrição",
            "missions",
            "tâches",
            "responsabilités",
            "réalisations",
            "beschreibung",
            "aufgaben",
            "tätigkeiten",
            "descrizione",
            "mansioni",
            "attività",
            "responsabilità",
            "omschrijving",
            "taken",
            "werkzaamheden",
            "opis",
            "obowiązki",
            "zadania",
            "описание",
            "обязанности",
            "задачи",
            "достижения",
            "açıklama",
            "görevler",
            "sorumluluklar",
            "工作内容",
            "职责",
            "描述",
            "主要工作",
        ],
    ),
    (
        Hint::Institution,
        &[
            "school",
            "institution",
            "university",
            "college",
            "institute",
            "escuela",
            "universidad",
            "institución",
            "escola",
            "universidade",
            "instituição",
            "école",
            "université",
            "établissement",
            "schule",
            "hochschule",
            "universität",
            "scuola",
            "università",
            "istituto",
            "universiteit",
            "hogeschool",
            "instelling",
            "szkoła",
            "uczelnia",
            "uniwersytet",
            "учебное заведение",
            "вуз",
            "университет",
            "okul",
            "üniversite",
            "学校",
            "院校",
            "毕业院校",
        ],
    ),
    (
        Hint::Degree,
        &[
            "degree",
            "qualification",
            "diploma",
            "study type",
            "título",
            "titulación",
            "grado",
            "grau",
            "diplôme",
            "abschluss",
            "titolo",
            "laurea",
            "opleiding",
            "graad",
            "stopień",
            "степень",
            "квалификация",
            "derece",
            "学历",
            "学位",
        ],
    ),
];

/// The field an entry's form label names ("Company" → employer, "Zeitraum" → dates).
pub fn entry_label(label: &str) -> Option<Hint> {
    if label.len() > 40 {
        return None;
    }
    let key = label_key(label);
    ENTRY_LABELS.iter().find(|(_, ws)| ws.contains(&key.as_str())).map(|(h, _)| *h)
}

/// The field a class name says its text is; the last word that says one decides
/// (`resume-job-title` is a title, `education-institution` an institution).
pub fn class_hint(class: &str) -> Option<Hint> {
    class_words(class)
        .iter()
        .rev()
        .find_map(|w| CLASS_WORDS.iter().find(|(_, ws)| ws.contains(&w.as_str())).map(|(h, _)| *h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names_and_labels() {
        assert_eq!(class_hint("resume-job-title"), Some(Hint::Title));
        assert_eq!(class_hint("educationInstitution"), Some(Hint::Institution));
        assert_eq!(class_hint("resume-dates"), Some(Hint::Dates));
        assert_eq!(class_hint("resume-item"), None);
        assert_eq!(label("Vorname"), Some(Label::GivenName));
        assert_eq!(label("Last name:"), Some(Label::FamilyName));
        assert_eq!(label("E -mail"), Some(Label::Email));
        assert_eq!(label("E-Mail"), Some(Label::Email));
        assert_eq!(label("Tempat,tgl lahir"), Some(Label::Personal));
        assert_eq!(label("D.O.B."), Some(Label::Personal));
        assert_eq!(label("Skills"), None);
        assert_eq!(entry_label("Company"), Some(Hint::Employer));
        assert_eq!(entry_label("Zeitraum"), Some(Hint::Dates));
        assert_eq!(entry_label("职位"), Some(Hint::Title));
        assert_eq!(entry_label("Skills"), None);
    }
}
