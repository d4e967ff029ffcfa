//! Names pages give their fields: the words in class names (`resume-job-title`,
//! `educationInstitution`) and in field labels (`Vorname`, `Nachname`) that say which field a
//! piece of text is.

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
    GivenName,
    FamilyName,
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

/// Labels of name fields in forms ("Vorname: Ada", "| Nachname | Lovelace |"), per language.
const NAME_LABELS: &[(Hint, &[&str])] = &[
    (
        Hint::GivenName,
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
        ],
    ),
    (
        Hint::FamilyName,
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
        ],
    ),
];

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

/// The field a class name says its text is; the last word that says one decides
/// (`resume-job-title` is a title, `education-institution` an institution).
pub fn class_hint(class: &str) -> Option<Hint> {
    class_words(class)
        .iter()
        .rev()
        .find_map(|w| CLASS_WORDS.iter().find(|(_, ws)| ws.contains(&w.as_str())).map(|(h, _)| *h))
}

/// The name field a form label names ("Vorname" → given name).
pub fn name_label(label: &str) -> Option<Hint> {
    let l = super::fold(label.trim().trim_end_matches(':').trim());
    NAME_LABELS.iter().find(|(_, ws)| ws.contains(&l.as_str())).map(|(h, _)| *h)
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
        assert_eq!(name_label("Vorname"), Some(Hint::GivenName));
        assert_eq!(name_label("Last name:"), Some(Hint::FamilyName));
    }
}
