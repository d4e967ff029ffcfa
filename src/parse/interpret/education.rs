//! Education: degree and school lines read by filling slots (degree, area, institution,
//! dates, grade, courses); certificates and licences listed with the degrees are returned
//! apart.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use super::places;
use crate::model::{Award, Certificate, Education};
use crate::parse::dates::{self, DateSpan};
use crate::parse::pattern::Pattern;
use crate::parse::vocab::fields::Hint;
use crate::parse::vocab::{degrees, orgs};

fn re(p: &str) -> Regex {
    Regex::new(p).expect("list pattern")
}

static DEGREE: LazyLock<Pattern> = LazyLock::new(|| {
    // A degree starts at a word boundary. Word boundaries are ASCII ones: Unicode ones would
    // keep the fast matching engine from running on text with accents (a name written in
    // Cyrillic or Chinese has no boundary to find, so those fragments go without).
    let fragments: Vec<String> = degrees::DEGREE_WORDS
        .iter()
        .flat_map(|d| d.degrees.iter())
        .map(|f| {
            if f.starts_with(|c: char| c.is_ascii_alphabetic()) {
                format!(r"(?-u:\b)(?:{f})")
            } else {
                format!("(?:{f})")
            }
        })
        .collect();
    Pattern::new(&format!(
        r"(?:{})(?:\s+\((?:Hons|Honours|Honors)\.?\))?(?:\s|$|,|\))",
        fragments.join("|")
    ))
});

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*[1-9](?:\s|$|,)"));

/// Whether a phrase names a degree or a school level.
/// Words that are also job titles ("Ingeniero") count only inside an education section.
pub(super) fn names_degree(text: &str) -> bool {
    degree_at(text).is_some_and(|m| !degrees::is_title_degree(&text[m])) || level(text).is_some()
}

/// Where a degree is named: as written, or in capitals ("LICENCE 1", "BACHELOR OF ARTS"),
/// which the degree words match once such words are read with only their first letter
/// capital. Short capitals stay: they are abbreviations ("MBA", "BTS").
fn degree_at(text: &str) -> Option<std::ops::Range<usize>> {
    if let Some(m) = DEGREE.find(text) {
        return Some(m.range());
    }
    let titled = title_capitals(text)?;
    DEGREE.find(&titled).map(|m| m.range())
}

/// The text with every word of four or more capital letters title-cased, and the little
/// words between them ("OF", "EN", "DE") in lower case, when that changes something and keeps
/// every byte offset.
fn title_capitals(text: &str) -> Option<String> {
    const LITTLE: &[&str] =
        &["OF", "IN", "AND", "EN", "DE", "DU", "DES", "ET", "DI", "DA", "DO", "DER", "UND", "Y"];
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, changed: &mut bool| {
        let letters = word.chars().count();
        if LITTLE.contains(&word.as_str()) {
            out.push_str(&word.to_lowercase());
        } else if letters >= 4 && word.chars().all(char::is_uppercase) {
            let mut chars = word.chars();
            out.extend(chars.next());
            for c in chars {
                out.extend(c.to_lowercase());
            }
            *changed = true;
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, &mut changed);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, &mut changed);
    (changed && out.len() == text.len()).then_some(out)
}

/// Whether a phrase names a school or university (one of its words does).
pub(super) fn is_school(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '.')
        .any(|w| !w.is_empty() && orgs::is_school_word(&crate::parse::vocab::fold(w)))
}

static SCORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\(?(?-u:\b)(?:cumulative\s+|cum\.\s*|overall\s+|final\s+|major\s+)?(?:c?gpa|grade|(?:abschluss|gesamt|end)?note|notendurchschnitt|durchschnittsnote|score|average|mark|promedio(?:\s+general)?|nota(?:\s+media|\s+final)?|voto(?:\s+di\s+laurea)?|cijfer|moyenne)s?(?-u:\b)\s*(?:of\s+)?:?\s*([0-9]+(?:[.,][0-9]+)?(?:\s*/\s*[0-9.]+)?)\)?",
    )
});
/// A mark out of a scale ("5.0/5.0", "3,7 / 4") standing alone between cell separators.
static GRADE_CELL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?:^|\|)\s*([0-9]{1,3}(?:[.,][0-9]+)?\s*/\s*[0-9]{1,3}(?:[.,][0-9]+)?)\s*(?:\||$)",
    )
});
/// Honours written as the grade ("cum laude", "with distinction", "Mention très bien").
static HONOURS: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = degrees::honours().iter().map(|h| regex::escape(h)).collect();
    re(&format!(r"(?i)\b(?:{})\b", words.join("|")))
});

/// The honours a text names, found by the slower pattern only when a plain search says one
/// is there.
fn honours(text: &str) -> Option<regex::Match<'_>> {
    let lower = crate::parse::vocab::fold(text);
    degrees::honours().iter().any(|h| lower.contains(h)).then(|| HONOURS.find(text)).flatten()
}
static COURSES: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:relevant\s+)?(?:course\s*work|courses|modules|classes|subjects)\s*:\s*(.+)$",
    )
});
static MINOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:minor|major|specialization|focus)\s*:"));

/// What one education line is.
#[derive(Debug, Default)]
struct EduLine {
    degree: Option<(String, Option<String>)>,
    school: Option<String>,
    dates: Option<DateSpan>,
    score: Option<String>,
    courses: Vec<String>,
    /// A field of study with no degree named beside it.
    area: Option<String>,
    /// The school is only a guess: the line named no school, degree or level.
    guessed: bool,
}

fn strip_the(s: &str) -> String {
    // A separator left behind by a place cut off the end ("College • Dover, DE") goes too.
    let t = s.trim().trim_end_matches(|c: char| c.is_whitespace() || "•·|".contains(c));
    // A lowercase "the" is the sentence's article; "The X University" is the name itself.
    // So is a French elided one after "à" ("à l’université de …").
    ["the ", "l’", "l'"].iter().find_map(|a| t.strip_prefix(a)).unwrap_or(t).trim().to_string()
}

fn is_abbreviation(p: &str) -> bool {
    p.len() <= 6 && p.chars().all(|c| c.is_uppercase() || c == '.')
}

/// What a degree's short name in brackets looks like: "M.S.", "BSc", "MMath" (one word, a
/// capital first, no digits).
fn is_bracketed_abbreviation(p: &str) -> bool {
    let p = p.trim();
    (2..=10).contains(&p.chars().count())
        && p.chars().next().is_some_and(char::is_uppercase)
        && p.chars().all(|c| c.is_alphabetic() || c == '.')
        && p.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A degree phrase: the study type and the area it is in ("B.Sc. in Physics, minor in X":
/// the area runs to the first part that is a school, a place or a date).
fn degree(text: &str) -> Option<(String, Option<String>)> {
    let m = degree_at(text)?;
    let mut kind = text[m.start..m.end].trim_end_matches([' ', ',']).to_string();
    if kind.ends_with(')') && kind.matches('(').count() < kind.matches(')').count() {
        kind.pop();
    }
    let mut kind = kind.trim().to_string();
    let mut end = m.end.min(text.len());
    // "Licence 2", "Master 1": a year of the degree written after it.
    if let Some(n) = NUMBERED.find(&text[end..]) {
        kind = format!("{kind} {}", n.as_str().trim());
        end += n.end();
    }
    let before = text[..m.start].trim();
    // "Undergraduate B.A", "Executive MBA": words before the degree that belong to it.
    let (mut kind, before) = if degrees::qualifies_degree(before) {
        (format!("{before} {kind}"), "")
    } else {
        (kind, before)
    };
    if !before.is_empty() && before.split_whitespace().count() > 3 {
        return None;
    }
    let mut after = text[end..].trim();
    // "Master of Science (M.S.)": the bracketed abbreviation is part of the degree's name.
    if let Some((abbr, rest)) = after.strip_prefix('(').and_then(|a| a.split_once(')'))
        && is_bracketed_abbreviation(abbr)
        && !kind.ends_with(')')
    {
        kind = format!("{kind} ({abbr})");
        after = rest.trim();
    }
    // "BSc (hons) Physics", "MSc (Tech), Physics", "Hochschulreife (Abitur)": a one-word
    // bracket right after the degree qualifies it when more follows or it names a degree
    // itself; alone at the end it may be the field ("Bachelor (Physics)").
    if let Some((note, rest)) = after.strip_prefix('(').and_then(|a| a.split_once(')'))
        && !kind.ends_with(')')
        && is_degree_note(note)
        && (!rest.trim().is_empty() || DEGREE.is_match(note))
    {
        kind = format!("{kind} ({note})");
        after = rest.trim();
    }
    // "Master of Science - MS, Computer Science": the abbreviation repeats the degree.
    let after = match after.strip_prefix("- ").and_then(|a| a.split_once(", ")) {
        Some((abbr, rest)) if is_abbreviation(abbr) => rest,
        _ => after,
    };
    let after = after.trim_start_matches([',', ':', '-', '–', '—']).trim_start();
    // "Diplôme d'ingénieur technologue en X", "Diplôme de technicien supérieur en X": lower-case
    // words between the degree and the word that opens its field qualify the degree.
    let after = match qualified_degree(after) {
        Some((qualifier, field)) => {
            kind = format!("{kind} {qualifier}");
            field
        }
        None => after,
    };
    // "Ingeniero Civil Industrial", "Engenheiro Químico": a title-degree's adjectives
    // belong to it; only a connector or a separator opens its field.
    let after = if degrees::is_title_degree(&kind) && connector(after).is_none() {
        let cut = after.find([',', '|', '—', '–', '(']).unwrap_or(after.len());
        let cut = after[..cut].find(" - ").unwrap_or(cut);
        let own = after[..cut].trim();
        if !own.is_empty()
            && !is_school(own)
            && dates::find(own).is_none()
            && places::location(own).is_none()
        {
            kind = format!("{kind} {own}");
            after[cut..].trim_start_matches([',', '|', '—', '–', '-', ' '])
        } else {
            after
        }
    } else {
        after
    };
    let after = connector(after).map_or(after, |c| &after[c..]);
    let parts: Vec<&str> = after
        .split([',', '|', '—', '–'])
        .map(str::trim)
        .skip_while(|p| is_abbreviation(p))
        .take_while(|p| {
            !p.is_empty()
                && !is_school(p)
                && places::location(p).is_none()
                && places::country_code(p).is_none()
                && dates::find(p).is_none()
        })
        .collect();
    let mut area = parts.join(", ");
    // "Mathematics (MMath)": the degree's short name written after its area is no part of it.
    let initial = |s: &str| s.chars().next().map(|c| c.to_lowercase().collect::<String>());
    if let Some((field, abbr)) = area.strip_suffix(')').and_then(|a| a.rsplit_once(" ("))
        && is_bracketed_abbreviation(abbr)
        && initial(abbr) == initial(&text[m.start..])
    {
        area = field.trim().to_string();
    }
    // "Mechanical Engineering - Bachelor": the field written before the degree.
    if area.is_empty() && !before.is_empty() && after.is_empty() {
        let field = before.trim_end_matches(['-', '–', '—', ',', ':']).trim();
        return Some((kind, (!field.is_empty()).then(|| field.to_string())));
    }
    Some((kind, (!area.is_empty()).then_some(area)))
}

/// The length of the connector ("in ", "of ", "en ", "em ", "de ", ...) that opens a degree's
/// field, in any case.
fn connector(after: &str) -> Option<usize> {
    const CONNECTORS: [&str; 9] = ["in ", "of ", "en ", "em ", "de ", "del ", "da ", "do ", "di "];
    CONNECTORS
        .iter()
        .find(|c| after.get(..c.len()).is_some_and(|h| h.eq_ignore_ascii_case(c)))
        .map(|c| c.len())
}

/// A word in brackets that can qualify a degree: one word of letters, not a place or a date.
fn is_degree_note(note: &str) -> bool {
    let n = note.trim();
    (2..=12).contains(&n.chars().count())
        && n.chars().all(|c| c.is_alphabetic() || c == '.')
        && places::location(n).is_none()
        && places::country_code(n).is_none()
}

/// The lower-case words that qualify a degree before the word opening its field ("de
/// technicien supérieur" in "… en téléinformatique"), and the field; `None` when the text
/// after the degree opens with its field or has no such word.
fn qualified_degree(after: &str) -> Option<(&str, &str)> {
    let (qualifier, field) = [" en ", " in ", " em "].iter().find_map(|c| after.split_once(c))?;
    // "professionnel (DESS)": a short name in brackets may stand among the qualifying words.
    let words: Vec<&str> = qualifier
        .split_whitespace()
        .filter(|w| {
            !w.strip_prefix('(')
                .and_then(|w| w.strip_suffix(')'))
                .is_some_and(is_bracketed_abbreviation)
        })
        .collect();
    let bracket_free = qualifier.split_whitespace().filter(|w| w.contains(['(', ')'])).count()
        == qualifier.split_whitespace().count() - words.len();
    let qualifies = (1..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_lowercase))
        && bracket_free
        && !qualifier.contains([',', '|']);
    (qualifies && !field.trim().is_empty()).then_some((qualifier.trim(), field.trim()))
}

/// "Technischer Zeichner (Fernstudium, 1.5 Jahre)": the qualification and how it was
/// studied, when its bracket names a mode of study.
fn with_mode(text: &str) -> Option<(String, String)> {
    let (before, inner) = text.strip_suffix(')')?.rsplit_once(" (")?;
    let first = inner.split(',').next()?.trim();
    degrees::mode(first)?;
    Some((first.to_string(), before.trim().to_string()))
}

/// "Secondary education (Bilingual)", "Oberstufe, Springfield": a school level, alone or
/// with a note or a place after it.
fn level(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = crate::parse::vocab::fold(t);
    degrees::levels()
        .filter(|l| lower.starts_with(l) && !l.is_empty())
        .max_by_key(|l| l.len())
        .filter(|l| {
            let rest = t[l.len().min(t.len())..].trim();
            rest.is_empty()
                || rest.starts_with('(')
                || rest.strip_prefix(',').is_some_and(|r| !is_school(r) && degree(r).is_none())
        })
        .map(|l| t[..l.len().min(t.len())].to_string())
}

fn edu_line(l: &Line) -> EduLine {
    let mut e = EduLine::default();
    let hint = l.hint();
    // Table cells are slots, like separators; a cell that is only a place is the school's
    // town, which has no field.
    let cols: Vec<&String> =
        l.cols.iter().filter(|c| places::location(c).is_none() || is_school(c)).collect();
    let text = match cols.as_slice() {
        [] => l.text.clone(),
        [one] if l.cols.len() > 1 => one.to_string(),
        _ => cols.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(" | "),
    };
    let mut t = text.to_string();
    if let Some(c) = COURSES.captures(&t) {
        e.courses = super::groups::split_items(&c[1]);
        return e;
    }
    if MINOR.is_match(&t) {
        e.courses.push(t.clone());
        return e;
    }
    if let Some(c) = SCORE.captures(&t) {
        e.score = Some(c[1].trim().to_string());
        let whole = c.get(0).map(|m| m.range()).unwrap_or(0..0);
        t.replace_range(whole, " ");
        t = dates::tidy(&t);
    } else if let Some(c) = GRADE_CELL.captures(&t) {
        // "… | Kraków | 5.0/5.0": a cell holding only a mark out of a scale is the grade.
        e.score = Some(c[1].trim().to_string());
        let whole = c.get(0).map(|m| m.range()).unwrap_or(0..0);
        t.replace_range(whole, " | ");
        t = dates::tidy(t.trim().trim_matches('|'));
    } else if let Some(m) = honours(&t) {
        // "(cum laude)", "with distinction": the grade, as written.
        e.score = Some(m.as_str().to_string());
        let (mut a, mut b) = (m.start(), m.end());
        if t[..a].ends_with('(') && t[b..].starts_with(')') {
            a -= 1;
            b += 1;
        }
        t.replace_range(a..b, " ");
        t = dates::tidy(&t);
    }
    if let Some(s) = dates::find(&t) {
        t = match dated_sentence(&t, s.at.start) {
            Some(cut) => dates::tidy(&t[..cut]),
            None => dates::remove(&t, &s.at),
        };
        e.dates = Some(s);
        // "Dec 2019 | Pune, India": the dates and the place of the degree above.
        let rest =
            t.trim_matches(|c: char| matches!(c, '|' | ',' | '-' | '–' | '·') || c.is_whitespace());
        if places::location(rest).is_some() && !is_school(rest) {
            return e;
        }
    }
    if t.is_empty() {
        return e;
    }
    match hint {
        Some(Hint::Institution) => {
            e.school = Some(strip_the(&t));
            return e;
        }
        Some(Hint::Degree) => {
            e.degree = Some(degree(&t).unwrap_or((t.clone(), None)));
            return e;
        }
        _ => {}
    }
    if let Some((label, rest)) = labelled(&t) {
        // "Primaria: Escuela Norte": the school level, then the school.
        if level(label).is_some_and(|l| l.len() == label.len())
            && degree_at(rest).is_none()
            && level(rest).is_none()
        {
            e.degree = Some((label.to_string(), None));
            e.school = Some(strip_the(&places::split_trailing(rest).0));
            return e;
        }
        // "Undergraduate: B.Sc. in Physics, …": a label before the degree only groups it.
        if degree_at(rest).is_some_and(|m| m.start == 0) {
            t = rest.to_string();
        }
    }
    if let Some(level) = level(&t) {
        e.degree = Some((level, None));
        return e;
    }
    // "Degree - Area / School - Year": the qualification, then the school.
    if l.cols.is_empty()
        && let Some((left, right)) = t.split_once(" / ").or_else(|| t.split_once("/ "))
        && !left.contains(" | ")
    {
        let (qual, school) =
            if is_school(left) && !is_school(right) { (right, left) } else { (left, right) };
        let school = dates::tidy(school.trim_end_matches('.'));
        e.school = Some(strip_the(&school));
        e.degree = Some(degree(qual).unwrap_or_else(|| match qual.split_once(" - ") {
            Some((kind, area)) => (kind.trim().to_string(), Some(area.trim().to_string())),
            None => (qual.trim().to_string(), None),
        }));
        return e;
    }
    // "Licence 2 à Ecole X", "B.A. at Y College": the degree, then the school after the word.
    // "Grado en Diseño en Escuela X": after the field's "en", a second one names the school.
    if let Some(c) = AT_SCHOOL.captures(&t)
        && let (Some(qual), Some(at)) = (c.get(1).or(c.get(3)), c.get(2).or(c.get(4)))
        && let Some(d) = degree(qual.as_str())
    {
        let mut rest = at.as_str().split([',', ';', '|']).map(str::trim);
        let school = rest.next().unwrap_or("");
        // "Licence 2 à Ecole X Filière ; Gestion": a field label ends the school's name and
        // the part after it is the area.
        let (school, area) = match school.rsplit_once(' ') {
            Some((name, label)) if degrees::is_field_label(label) => (name, rest.next()),
            _ => (school, None),
        };
        if !school.is_empty() && dates::find(school).is_none() {
            e.school = Some(strip_the(school));
            let (kind, own) = d;
            e.degree = Some((kind, own.or(area.filter(|a| !a.is_empty()).map(str::to_string))));
            return e;
        }
    }
    // "University of Example, Springfield, MA": the place after a school is no degree ("MA").
    if l.cols.is_empty()
        && let (head, Some(_)) = places::split_trailing(&t)
        && head.split(',').next().is_some_and(is_school)
    {
        t = head;
    }
    let parts: Vec<String> = re_split(&t);
    let mut degree_part = None;
    for (i, p) in parts.iter().enumerate() {
        // "BSCS University of Example (continuing)": the degree, then its school.
        if e.school.is_none()
            && e.degree.is_none()
            && let Some(m) = degree_at(p).filter(|m| m.start == 0)
            && let Some(rest) = p.get(m.end..).map(str::trim)
            && is_school(rest)
            && !is_school(&p[..m.end])
        {
            let school = match rest.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
                Some((name, note)) if note.starts_with(char::is_lowercase) => name,
                _ => rest,
            };
            e.school = Some(strip_the(school));
            e.degree = Some((p[..m.end].trim().to_string(), None));
            degree_part = Some(i);
            continue;
        }
        if e.school.is_none() && (is_school(p) || p.starts_with(['"', '“'])) {
            e.school = Some(strip_the(&super::items::strip_quotes(p)));
            continue;
        }
        if e.degree.is_none()
            && let Some((kind, area)) =
                degree(p).or_else(|| with_mode(p).map(|(k, a)| (k, Some(a))))
        {
            // In a table row a part in the degree's cell may be its area; the next cell's is
            // the school.
            let cell_of = |part: &str| l.cols.iter().position(|c| c.contains(part));
            let same_cell = |n: &str| l.cols.len() < 2 || cell_of(n) == cell_of(p);
            // Skip an abbreviation repeating the degree ("Master of Science - MS, ...").
            let area = area.or_else(|| {
                parts[i + 1..]
                    .iter()
                    .find(|n| !is_abbreviation(n))
                    .filter(|n| {
                        same_cell(n)
                            && !is_school(n)
                            && places::location(n).is_none()
                            && degree(n).is_none()
                    })
                    .cloned()
            });
            let later_cell = parts[i + 1..].iter().find(|n| !same_cell(n));
            let next_part = parts.get(i + 1).filter(|n| area.as_ref() != Some(*n));
            // A school named in a later part is the school, whatever the cells.
            if e.school.is_none()
                && l.cols.len() > 1
                && !parts[i + 1..].iter().any(|n| is_school(n))
                && let Some(next) =
                    later_cell.or(next_part).filter(|n| places::location(n).is_none())
            {
                e.school = Some(strip_the(next));
            }
            e.degree = Some((kind, area));
            degree_part = Some(i);
        }
    }
    // "PGDip in Data Analytics; Example College": after a semicolon, the degree's school.
    if e.school.is_none()
        && l.cols.is_empty()
        && let (Some(k), Some((_, Some(_)))) = (degree_part, &e.degree)
        && let Some(next) = parts.get(k + 1)
        && t.contains(&format!("; {next}"))
        && next.starts_with(char::is_uppercase)
        && places::location(next).is_none()
        && degree(next).is_none()
    {
        e.school = Some(strip_the(next));
    }
    // "2014–2019 | Double degree in Physics | Northwind University | Springfield": a row whose
    // school is known names its qualification in a cell before the school's, degree word or
    // not, as the CV templates set it.
    if e.degree.is_none()
        && l.cols.len() > 1
        && let Some(school) = e.school.clone()
        && let Some(q) =
            parts.iter().take_while(|p| strip_the(p) != school).find(|p| qualification_shaped(p))
    {
        match unnamed_degree(q) {
            (Some(kind), area) => e.degree = Some((kind, area)),
            (None, area) => e.area = area,
        }
    }
    // "2006 – 2009 | Apprentice Developer | Acme Training Centre": a row of two or three
    // cells that name no known degree or school reads as the CV templates set it, the
    // qualification first and where it was studied last.
    let cells: Vec<&str> = t.split(" | ").map(str::trim).filter(|c| !c.is_empty()).collect();
    if e.school.is_none()
        && e.degree.is_none()
        && l.cols.len() > 1
        && (2..=3).contains(&cells.len())
        && cells.iter().all(|c| c.split_whitespace().count() <= 10)
    {
        let school = places::split_trailing(cells[cells.len() - 1]).0;
        if reads_as_name(&school) && reads_as_name(cells[0]) {
            e.degree = Some((cells[0].to_string(), None));
            e.school = Some(strip_the(&school));
            return e;
        }
    }
    if e.school.is_none() && e.degree.is_none() {
        // A line of its own with no degree word: the school ("Lycée du Parc", "Northwood").
        let (head, _) = places::split_trailing(&t);
        let first = head.split(',').next().unwrap_or(&head);
        e.school = Some(strip_the(&super::items::strip_quotes(first)));
        e.guessed = true;
    }
    e
}

/// A cell that can name a qualification: a short capitalised phrase that is no section
/// name, school, place, date or honour.
fn qualification_shaped(p: &str) -> bool {
    (1..=14).contains(&p.split_whitespace().count())
        // A layout table's first cell may name the section ("Education | 2019 | School").
        && super::sections::lexicon(p).is_none()
        && p.starts_with(|c: char| c.is_uppercase() || c == '[' || c == '(')
        && !is_school(p)
        && places::location(p).is_none()
        && places::country_code(p).is_none()
        && dates::find(p).is_none()
        && honours(p).is_none()
}

/// A qualification no degree pattern knows, as written: "Double degree in Physics" is the
/// kind and its field at the first connector after a few words; a phrase that names a kind of
/// qualification ("Matriculation exam") is the kind; anything else ("Applied Physics") is the
/// field studied.
fn unnamed_degree(q: &str) -> (Option<String>, Option<String>) {
    for c in [" in ", " en ", " em "] {
        if let Some((kind, field)) = q.split_once(c)
            && (1..=4).contains(&kind.split_whitespace().count())
            && degrees::names_qualification(kind)
            && !field.trim().is_empty()
        {
            return (Some(kind.trim().to_string()), Some(field.trim().to_string()));
        }
    }
    match degrees::names_qualification(q) {
        true => (Some(q.trim().to_string()), None),
        false => (None, Some(q.trim().to_string())),
    }
}

/// A line opened by a short label ("Secondary:", "Postgraduate:"): the label and what
/// follows it, when the label is one or two words that name no degree.
fn labelled(t: &str) -> Option<(&str, &str)> {
    let (label, rest) = t.split_once(": ")?;
    let (label, rest) = (label.trim(), rest.trim());
    let words = label.split_whitespace().count();
    ((1..=2).contains(&words)
        && !rest.is_empty()
        && label.starts_with(char::is_uppercase)
        && degree_at(label).is_none())
    .then_some((label, rest))
}

static AT_SCHOOL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(.+?)\s+(?:at|from|à|au|aux|presso)\s+(\S.*)$|^(.+?\s+(?:en|em)\s+.+)\s+(?:en|em|na|no)\s+(\p{Lu}.*)$",
    )
});

fn re_split(t: &str) -> Vec<String> {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| re(r"\s+[|–—•·-]\s+|\s*;\s*|,\s+(?:at\s+)?|\s+(?:at|à|au|aux|presso)\s+"));
    let mut out: Vec<String> = Vec::new();
    for p in SEP.split(t).map(str::trim).filter(|p| !p.is_empty()) {
        out.push(p.to_string());
    }
    // Re-join "B.S." with its area when a comma cut them apart, and a bracket cut at a comma.
    let mut joined: Vec<String> = Vec::new();
    for p in out {
        match joined.last_mut() {
            Some(last) if last.matches('(').count() > last.matches(')').count() => {
                last.push_str(", ");
                last.push_str(&p);
            }
            // "City University of Northfield, Eastbrook College": one school named with the
            // one it belongs to.
            Some(last)
                if is_school(last)
                    && is_school(&p)
                    && degree(last).is_none()
                    && degree(&p).is_none()
                    && t.contains(&format!("{last}, {p}")) =>
            {
                last.push_str(", ");
                last.push_str(&p);
            }
            Some(last)
                if degree_at(last).is_some_and(|m| m.end + 1 >= last.len())
                    && degree(last).is_some_and(|d| d.1.is_none())
                    && !is_school(&p)
                    && places::location(&p).is_none() =>
            {
                last.push_str(", ");
                last.push_str(&p);
            }
            _ => joined.push(p),
        }
    }
    joined
}

static CERT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)(?-u:\b)(?:certif\w*|zertifi\w*|certyfik\w*|sertifi\w*|licen[cs]\w*|chartered|accredit\w*)",
    )
});

/// "Certified", "Zertifiziert": the words that open a certificate's own name.
static CERTIFIED: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?-u:\b)(?:Certified|CERTIFIED|Zertifizierte[rn]?)(?-u:\b)"));

/// Whether a line names a certificate, licence or course rather than a degree.
pub(super) fn names_certificate(l: &Line) -> bool {
    certificate_line(l).is_some()
}

/// A certificate, licence or course listed with the degrees: a certificate word (near the
/// start of a long line), a course word or a length in hours, with no degree, level or
/// school beside it.
fn certificate_line(l: &Line) -> Option<Certificate> {
    let text = if l.cols.len() > 1 { l.cols.join(" | ") } else { l.text.clone() };
    // "Cisco Certified Network Associate": a degree word after a certificate word is part of
    // the certificate's name.
    let cert_first = CERTIFIED.find(&text).map(|m| m.start());
    let degree = degree_at(&text).filter(|d| cert_first.is_none_or(|c| d.start < c));
    let degree_like = degree.is_some() || level(&text).is_some() || with_mode_any(&l.cols);
    // Certificate words are matched with the dotless ı read as i ("Certıfıcate").
    let opening: String = text.split_whitespace().take(12).collect::<Vec<_>>().join(" ");
    let loose = crate::parse::vocab::fold(&opening).replace('ı', "i");
    let course = (degrees::names_course(&opening) || degrees::hours(&opening).is_some())
        && !is_school(&text);
    if degree_like || !(CERT.is_match(&loose) || course) {
        return None;
    }
    if !l.cols.is_empty() {
        let cells: Vec<&String> = l.cols.iter().filter(|c| !dates::is_only_dates(c)).collect();
        let date = l.cols.iter().find_map(|c| dates::find(c)).map(|d| d.last());
        return Some(Certificate {
            name: cells.first().map(|c| c.to_string()),
            issuer: cells.get(1).map(|c| c.to_string()),
            date,
            ..Default::default()
        });
    }
    let mut c = super::items::certificate(&text);
    // "ACA, Institute of Chartered Accountants": the name, then who issued it.
    if c.issuer.is_none()
        && let Some((name, issuer)) = c.name.as_deref().and_then(|n| n.split_once(", "))
    {
        (c.name, c.issuer) = (Some(name.to_string()), Some(issuer.to_string()));
    }
    Some(c)
}

fn with_mode_any(cols: &[String]) -> bool {
    cols.iter().any(|c| with_mode(c).is_some())
}

/// Reads an education section by filling slots: a line whose slot is already filled starts a
/// new entry, and so does a new record (a table row, another of a page's alike containers);
/// degrees listed under one school share its name and dates. A school's place is dropped.
/// Certificates and courses listed there are returned apart.
pub fn read(lines: &[Line]) -> (Vec<Education>, Vec<Certificate>, Vec<Award>) {
    let mut out = Vec::new();
    let mut certificates = Vec::new();
    let mut awards = Vec::new();
    for run in lines.chunk_by(|a, b| a.record == b.record) {
        match run[0].record.and_then(|_| record(run)) {
            Some(Ok(e)) => out.push(e),
            Some(Err(c)) => certificates.push(c),
            None => {
                let (e, c, a) = read_lines(run);
                out.extend(e);
                certificates.extend(c);
                awards.extend(a);
            }
        }
    }
    (out, certificates, awards)
}

/// One record of a page (a `resume-item` container) as one entry, its lines filling slots
/// whatever their order: the school, the degree, the dates and, when a school is named, a
/// line that names nothing else is the field of study. A record headed by a certificate is
/// a certificate, issued by the school named in it. `None` when the record holds more than
/// one degree or school (read line by line instead).
fn record(lines: &[Line]) -> Option<Result<Education, Certificate>> {
    let read: Vec<(&Line, EduLine)> = lines
        .iter()
        .filter(|l| l.words() <= 25 && !is_place_line(l))
        .map(|l| (l, edu_line(l)))
        .collect();
    let degrees = read.iter().filter(|(_, e)| e.degree.is_some()).count();
    let schools: Vec<&String> =
        read.iter().filter(|(_, e)| !e.guessed).filter_map(|(_, e)| e.school.as_ref()).collect();
    let guessed: Vec<&String> =
        read.iter().filter(|(_, e)| e.guessed).filter_map(|(_, e)| e.school.as_ref()).collect();
    if degrees > 1 || schools.len() > 1 || read.is_empty() {
        return None;
    }
    let dates = read.iter().find_map(|(_, e)| e.dates.clone());
    let first = read.iter().find(|(l, _)| !dates::is_only_dates(&l.text)).map(|(l, _)| *l)?;
    if let Some(mut c) = certificate_line(first) {
        c.issuer = c.issuer.or_else(|| schools.first().map(|s| s.to_string()));
        c.date = c.date.or_else(|| dates.as_ref().map(DateSpan::last));
        return Some(Err(c));
    }
    let mut e = Education::default();
    let mut guessed = guessed.into_iter();
    e.institution = schools.first().map(|s| s.to_string());
    if let Some((kind, area)) = read.iter().find_map(|(_, x)| x.degree.clone()) {
        e.study_type = Some(kind);
        e.area = area;
    }
    if e.institution.is_none() {
        e.institution = guessed.next().cloned();
    }
    if e.area.is_none() {
        e.area = read.iter().find_map(|(_, x)| x.area.clone()).or_else(|| guessed.next().cloned());
    }
    set_edu_dates(&mut e, dates.as_ref());
    e.score = read.iter().find_map(|(_, x)| x.score.clone());
    e.courses = read.into_iter().flat_map(|(_, x)| x.courses).collect();
    Some(Ok(e))
}

/// A school's place has no field of its own.
fn is_place_line(l: &Line) -> bool {
    l.hint() == Some(Hint::Place)
        || l.cols.is_empty() && places::location(&l.text).is_some() && !is_school(&l.text)
}

/// Reads lines that are not one record each, line by line.
fn read_lines(lines: &[Line]) -> (Vec<Education>, Vec<Certificate>, Vec<Award>) {
    let mut certificates = Vec::new();
    let mut awards = Vec::new();
    // Entries started by a line that only guessed its school, with that line.
    let mut guessed: Vec<(usize, String)> = Vec::new();
    let mut out: Vec<Education> = Vec::new();
    let mut school_first: Option<bool> = None;
    let mut school_ctx: Option<(String, Option<DateSpan>)> = None;
    let mut prev: Option<&Line> = None;
    for l in lines {
        let boundary = prev.is_some_and(|p| {
            p.record.is_some() && l.record.is_some() && p.record != l.record || !l.cols.is_empty()
        });
        // Sibling list items are items of their own: the second is not the first's field.
        let sibling = prev.is_some_and(|p| {
            l.bullet && p.item.is_some() && p.item != l.item && p.depth == l.depth
        });
        let after_school = prev.is_some() && !boundary && !sibling;
        let prev_row = prev.is_some_and(|p| !p.cols.is_empty());
        let prev_label = prev.is_some_and(|p| p.term || p.heading.is_some());
        prev = Some(l);
        if is_place_line(l) {
            continue;
        }
        if let Some(c) = certificate_line(l) {
            certificates.push(c);
            continue;
        }
        // "Dean's List", "Merit Scholarship" under a degree: an honour, not another school.
        if !out.is_empty() && is_honour_line(l) {
            awards.extend(super::items::awards(std::slice::from_ref(l)));
            continue;
        }
        if l.words() > 25 {
            continue;
        }
        let hint = l.hint();
        let mut e = edu_line(l);
        // An entry set as two table rows ("School | 2020" over "Degree | Town"): a row that
        // fills only the slots the row above left empty continues its entry.
        let (boundary, after_school) = if boundary
            && prev_row
            && !l.cols.is_empty()
            && out.last().is_some_and(|c| fills_empty_slots(c, &e))
        {
            (false, true)
        } else {
            (boundary, after_school)
        };
        // A line under a school's line that names no school or degree is the field of study.
        if after_school
            && e.degree.is_none()
            && e.dates.is_none()
            && hint.is_none()
            && let Some(school) = e.school.as_ref().filter(|s| !is_school(s))
            && out.last().is_some_and(|c| {
                c.institution.is_some() && c.study_type.is_none() && c.area.is_none()
            })
        {
            e.area = Some(school.clone());
            e.school = None;
        }
        // "Degree, Field · (2016 - 2020)" under an undated school line that names no known
        // degree word (LinkedIn's layout): the qualification and its field, with the dates.
        if after_school
            && !prev_label
            && e.degree.is_none()
            && e.guessed
            && hint.is_none()
            && e.dates.is_some()
            && out.last().is_some_and(|c| {
                c.institution.is_some()
                    && c.study_type.is_none()
                    && c.area.is_none()
                    && c.start_date.is_none()
                    && c.end_date.is_none()
            })
        {
            let rest = dates::without_dates(&l.text);
            let rest = rest.trim_matches(|c: char| " ·•|-–—,;()".contains(c));
            match rest.split_once(", ") {
                Some((kind, area)) => {
                    e.degree = Some((kind.trim().to_string(), Some(area.trim().to_string())))
                }
                None => e.area = Some(rest.to_string()),
            }
            e.school = None;
            e.guessed = false;
        }
        // A line that names neither school nor degree is a school only when it reads as a
        // name; a note under the entry (a thesis, an advisor, a sentence, a wrapped fragment)
        // starts no entry of its own.
        if e.guessed && !out.is_empty() && !e.school.as_deref().is_some_and(reads_as_name) {
            e.school = None;
            e.guessed = false;
            // Nor do its dates replace the entry's own.
            if out.last().is_some_and(|c| c.start_date.is_some() || c.end_date.is_some()) {
                e.dates = None;
            }
        }
        if school_first.is_none() && (e.school.is_some() || e.degree.is_some()) {
            school_first = Some(e.school.is_some() && e.degree.is_none());
        }
        let cur = out.last_mut();
        let fits = !boundary
            && cur.as_ref().is_some_and(|c| {
                (e.school.is_none() || c.institution.is_none())
                    && (e.degree.is_none() || (c.study_type.is_none() && c.area.is_none()))
                    && (e.dates.is_none() || c.end_date.is_none())
            });
        let starts = e.school.is_some() || e.degree.is_some() || boundary && e.dates.is_some();
        if e.guessed && starts && !fits {
            guessed.push((out.len(), l.text.clone()));
        }
        let target = if fits || !starts {
            match out.last_mut() {
                Some(c) => c,
                None => {
                    out.push(Education::default());
                    out.last_mut().expect("pushed")
                }
            }
        } else {
            let mut n = Education::default();
            // A second degree under the same school line.
            if school_first == Some(true)
                && e.school.is_none()
                && !boundary
                && let Some((s, d)) = &school_ctx
            {
                n.institution = Some(s.clone());
                set_edu_dates(&mut n, d.as_ref());
                n.score = None;
            }
            out.push(n);
            out.last_mut().expect("pushed")
        };
        if let Some(s) = e.school {
            target.institution = Some(s.clone());
            school_ctx = Some((s, e.dates.clone()));
        } else if let (Some(d), Some(ctx)) = (&e.dates, school_ctx.as_mut())
            && ctx.1.is_none()
            && school_first == Some(true)
            && target.study_type.is_none()
        {
            ctx.1 = Some(d.clone());
        }
        if let Some((kind, area)) = e.degree {
            target.study_type = Some(kind);
            target.area = area;
        }
        if let Some(area) = e.area {
            target.area = Some(area);
        }
        if e.dates.is_some() {
            set_edu_dates(target, e.dates.as_ref());
        }
        if e.score.is_some() {
            target.score = e.score;
        }
        target.courses.extend(e.courses);
    }
    // Among mostly certificates and courses, a line that names no school or degree is one too.
    let named = out.iter().filter(|e| e.study_type.is_some() || e.area.is_some()).count();
    if certificates.len() >= 2 && certificates.len() > named {
        for (at, text) in guessed.into_iter().rev() {
            let e = &out[at];
            if e.study_type.is_none() && e.area.is_none() && e.start_date.is_none() {
                out.remove(at);
                certificates.push(super::items::certificate(&text));
            }
        }
    }
    out.retain(|e| e.institution.is_some() || e.study_type.is_some() || e.area.is_some());
    (out, certificates, awards)
}

/// Whether a line reads as an institution's name: it starts with a capital (in scripts that
/// have them), most of its longer words are capitalised, it is no sentence, and it carries no
/// "Label: value" note ("Thesis: ...", "Advisor: ...").
fn reads_as_name(text: &str) -> bool {
    let text = text.trim();
    let Some(first) = text.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    if first.is_lowercase() || first.is_numeric() {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 12 || text.ends_with(':') || super::sections::ends_sentence(text) {
        return false;
    }
    if let Some((label, _)) = text.split_once(": ")
        && label.split_whitespace().count() <= 3
    {
        return false;
    }
    let (lower, counted) = super::lines::lower_case_words(words.iter().copied());
    lower * 2 <= counted
}

/// A short line naming an honour and no degree (a school named in it is where it was won).
fn is_honour_line(l: &Line) -> bool {
    l.words() <= 14
        && l.cols.is_empty()
        && crate::parse::vocab::sections::names_honour(&l.text)
        && degree(&l.text).is_none()
        && level(&l.text).is_none()
}

/// Whether a line names only what an entry still lacks: no school when it has one, no degree
/// when it has one, no dates when it has them, and something besides dates.
fn fills_empty_slots(c: &Education, e: &EduLine) -> bool {
    let no_degree = c.study_type.is_none() && c.area.is_none();
    // A line that names nothing known is the field of study of a school that has none yet.
    let school_fits = match (&e.school, e.guessed) {
        (None, _) => true,
        (Some(_), true) => c.institution.is_some() && no_degree,
        (Some(_), false) => c.institution.is_none(),
    };
    school_fits
        && (e.degree.is_none() || no_degree)
        && (e.dates.is_none() || c.start_date.is_none() && c.end_date.is_none())
        && (e.school.is_some() || e.degree.is_some())
        && (c.institution.is_some() || c.study_type.is_some())
}

/// A single date on a degree is when it ended.
fn set_edu_dates(e: &mut Education, d: Option<&DateSpan>) {
    if let Some(d) = d {
        match (d.end, d.open) {
            (Some(end), _) => {
                e.start_date = Some(d.start);
                e.end_date = Some(end);
            }
            (None, true) => e.start_date = Some(d.start),
            (None, false) => e.end_date = Some(d.start),
        }
    }
}

/// Where the sentence that holds a date starts, when the date sits in prose after the fields
/// ("University of Eastvale. Expected to graduate in 2026."): a sentence break before the
/// date, then words in lower case and no field separator up to it. What the sentence says is
/// the date; it is no part of the school's name.
fn dated_sentence(text: &str, date_at: usize) -> Option<usize> {
    let before = &text[..date_at];
    let (cut, sentence) = before
        .rmatch_indices(". ")
        .map(|(i, _)| (i, &before[i + 2..]))
        .find(|(_, rest)| rest.starts_with(char::is_uppercase))?;
    let lower_words = sentence
        .split_whitespace()
        .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_lowercase))
        .count();
    let fields_before = text[..cut].split_whitespace().count() >= 2;
    (fields_before && lower_words >= 2 && !sentence.contains([',', '|', ';'])).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::{from_markdown, from_plain};

    fn brief(e: &Education) -> String {
        let d = |d: Option<crate::model::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        format!(
            "{}|{}|{}|{}..{}|{}",
            e.institution.as_deref().unwrap_or(""),
            e.study_type.as_deref().unwrap_or(""),
            e.area.as_deref().unwrap_or(""),
            d(e.start_date),
            d(e.end_date),
            e.score.as_deref().unwrap_or("")
        )
    }

    #[test]
    fn a_degree_from_its_school_and_qualified_degrees() {
        let (a, _, _) = read(&from_plain(
            "May 2011: M.E. Applied Physics from the University of Northfield\n\nGrado en Bellas Artes en Escuela Eastvale\n\nMáster de Gestión Cultural\n\nDiplôme de technicien supérieur en électronique, Université de Westbourg · 2009\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "University of Northfield|M.E.|Applied Physics|..2011-05|",
                "Escuela Eastvale|Grado|Bellas Artes|..|",
                "|Máster|Gestión Cultural|..|",
                "Université de Westbourg|Diplôme de technicien supérieur|électronique|..2009|",
            ]
        );
    }

    #[test]
    fn degree_first_and_school_first_layouts() {
        let (a, _, _) = read(&from_plain(
            "M.S., Computer Science\nNorthwood University\nB.B.A., Operations Research\nthe Eastfield College\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood University|M.S.|Computer Science|..|",
                "Eastfield College|B.B.A.|Operations Research|..|"
            ]
        );
        let (b, _, _) = read(&from_markdown(
            "- **Northwood University, Dover, DE** June 2009\nCumulative GPA 3.7/4.0\n - B.A., Classical Studies (GPA 3.8)\n - B.S., Applied Physics with Honors (GPA 3.95)\n - Minor: Music\n",
        ));
        let got: Vec<String> = b.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood University|B.A.|Classical Studies|..2009-06|3.8",
                "Northwood University|B.S.|Applied Physics with Honors|..2009-06|3.95"
            ]
        );
        assert_eq!(b[1].courses, ["Minor: Music"]);
    }

    #[test]
    fn an_entry_set_as_two_table_rows() {
        let md = "| School | Year |\n|---|---|\n| Northwood University | 2019 |\n| PhD in Glaciology | Dover, DE |\n| Eastfield College | 2014 |\n| Bachelor of Arts in History | Lyon, France |\n| Westbrook Preparatory School | 2010 |\n| Two years of evening classes in drawing | Oslo, Norway |\n";
        let (e, _, _) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood University|PhD|Glaciology|..2019|",
                "Eastfield College|Bachelor of Arts|History|..2014|",
                "Westbrook Preparatory School||Two years of evening classes in drawing|..2010|"
            ]
        );
    }

    #[test]
    fn a_row_with_a_known_school_names_its_qualification_before_it() {
        let md = "| | | | |\n|---|---|---|---|\n| 2011 – 2013 | Technical baccalaureate studies | Northwind Institute | Springfield |\n| 2014 – 2019 | Double degree in Pottery and Glassblowing | Eastfield University | Springfield |\n| 2019 | Master in Ceramics | Westbrook University | Online |\n| 2009 – 2010 | Folk pottery | Southfield College | Springfield |\n";
        let (e, _, _) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwind Institute|Technical baccalaureate studies||2011..2013|",
                "Eastfield University|Double degree|Pottery and Glassblowing|2014..2019|",
                "Westbrook University|Master|Ceramics|..2019|",
                "Southfield College||Folk pottery|2009..2010|",
            ]
        );
    }

    #[test]
    fn a_row_of_unknown_cells_is_the_qualification_then_where() {
        let md = "| | | | |\n|---|---|---|---|\n| 2006 – 2009 | Apprentice Glazer | Lyon, France | Acme Kiln Works |\n| 2010 – 2012 | Kiln Technician | | Globex Studio |\n| 2013 | Taught evening glazing classes to adults | | Initech |\n";
        let (e, _, _) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got[..got.len().min(2)],
            [
                "Acme Kiln Works|Apprentice Glazer||2006..2009|",
                "Globex Studio|Kiln Technician||2010..2012|"
            ]
        );
        // A sentence in the first cell is no qualification.
        assert!(
            e.iter().all(
                |e| e.study_type.as_deref() != Some("Taught evening glazing classes to adults")
            )
        );
    }

    #[test]
    fn a_qualification_and_its_field_dated_under_an_undated_school_line() {
        let md = "Brightpath Labs\nData Storytelling, Applied Statistics · (March 2021 - June 2021)\n\nQuillmoor\nGraphic Design · (2015 - 2019)\n";
        let (e, _, _) = read(&from_markdown(md));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Brightpath Labs|Data Storytelling|Applied Statistics|2021-03..2021-06|",
                "Quillmoor||Graphic Design|2015..2019|"
            ]
        );
    }

    #[test]
    fn a_school_named_with_the_school_it_belongs_to() {
        let (e, _, _) = read(&from_markdown(
            "### Bachelor of Arts in History\n\nCity University of Northfield, Eastbrook College • Dover, DE\n05/2008\n",
        ));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "City University of Northfield, Eastbrook College|Bachelor of Arts|History|..2008-05|"
            ]
        );
    }

    #[test]
    fn honours_under_a_degree_are_awards() {
        let (e, _, a) = read(&from_plain(
            "Bachelor of Science in Nursing\nEastbrook College, 2012\nDean's List at Eastbrook College\nQuill Honor Society\n",
        ));
        let got: Vec<String> = e.iter().map(brief).collect();
        assert_eq!(got, ["Eastbrook College|Bachelor of Science|Nursing|..2012|"]);
        let titles: Vec<&str> = a.iter().filter_map(|a| a.title.as_deref()).collect();
        assert_eq!(titles, ["Dean's List at Eastbrook College", "Quill Honor Society"]);
    }

    #[test]
    fn records_of_a_page_fill_slots_in_any_order() {
        let html = "<div class=\"item\"><h4>Hydrology (double major)</h4><h5>2007-2011</h5><p>Northfield University</p><p><em>Undergraduate B.A</em></p></div>\n<div class=\"item\"><h4>Certificate in Tutoring</h4><h5>2010-2011</h5><p>Northfield University</p></div>\n<div class=\"item\"><h4>Geology</h4><p>Southbank Technical University</p><p>Graduate M.S</p><p>2014 - 2016</p></div>\n";
        let (a, c, _) = read(&from_markdown(html));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northfield University|Undergraduate B.A|Hydrology (double major)|2007..2011|",
                "Southbank Technical University|Graduate M.S|Geology|2014..2016|"
            ]
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name.as_deref(), Some("Certificate in Tutoring"));
        assert_eq!(c[0].issuer.as_deref(), Some("Northfield University"));
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2011"));
    }

    #[test]
    fn courses_by_their_hours_and_the_company_they_keep() {
        let (a, c, _) = read(&from_plain(
            "- Using spreadsheets (160 hours)\n- Photography (96 hours)\n- Erste Hilfe (16 Stunden)\n- Mapping Data with Open Tools from GeoOrg\n",
        ));
        assert!(a.is_empty(), "{a:?}");
        let names: Vec<&str> = c.iter().filter_map(|c| c.name.as_deref()).collect();
        assert_eq!(
            names,
            ["Using spreadsheets", "Photography", "Erste Hilfe", "Mapping Data with Open Tools"]
        );
        assert_eq!(c[3].issuer.as_deref(), Some("GeoOrg"));
    }

    #[test]
    fn a_certified_associate_is_a_certificate_not_a_degree() {
        let (a, c, _) = read(&from_markdown(
            "- Kiln Certified Firing Associate (2004)\n- Associate of Applied Science in Glazing, Westbrook College, 2006\n",
        ));
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(c[0].name.as_deref(), Some("Kiln Certified Firing Associate"));
    }

    #[test]
    fn associate_degrees_named_in_full() {
        let (a, _, _) = read(&from_markdown(
            "- Associates in Applied Science in Kiln Technology, Westbrook College, 2004\n- Associate of Applied Science in Glazing, Westbrook College, 2006\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Westbrook College|Associates in Applied Science|Kiln Technology|..2004|",
                "Westbrook College|Associate of Applied Science|Glazing|..2006|"
            ]
        );
    }

    #[test]
    fn one_line_degrees() {
        let (a, _, _) = read(&from_plain(
            "Bachelor of Science in Physics, Westbrook University, 2010 - 2014\n1995-1998 University\n\"Lycée Imaginaire\", Lyon, France\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Westbrook University|Bachelor of Science|Physics|2010..2014|",
                "Lycée Imaginaire|University||1995..1998|"
            ]
        );
    }

    #[test]
    fn degrees_in_capitals_and_at_their_school() {
        let (a, _, _) = read(&from_plain(
            "- 2017 : LICENCE 1 à Ecole Exemple\n- BSCS UNIVERSITY OF EXAMPLE (continue)\n- 2012 : BEPC au Lycée Modèle\n- 2018 : LICENCE 2 à Institut Exemple Filière ; GESTION\n- MASTER OF ARTS at Kiln College, 2021\n- B.A. in Pottery at Glaze Institute, 2019\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Ecole Exemple|LICENCE 1||..2017|",
                "UNIVERSITY OF EXAMPLE|BSCS||..|",
                "Lycée Modèle|BEPC||..2012|",
                "Institut Exemple|LICENCE 2|GESTION|..2018|",
                "Kiln College|MASTER OF ARTS||..2021|",
                "Glaze Institute|B.A.|Pottery|..2019|"
            ]
        );
    }

    #[test]
    fn degrees_in_other_languages() {
        let (a, _, _) = read(&from_plain(
            "Máster en Ingeniería Informática, Universidad de Ejemplo, 2013\n2016 – 2018 Laurea magistrale in Informatica, Università di Esempio\n2015 – 2018  Diplôme d'ingénieur, Informatique — École d'Exemple\n2017   Dr.-Ing., Technische Universität Beispiel\nBachelor Informatica, Hogeschool van Voorbeeld, 2010 - 2014\nAbschlussnote: 1,3\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Universidad de Ejemplo|Máster|Ingeniería Informática|..2013|",
                "Università di Esempio|Laurea magistrale|Informatica|2016..2018|",
                "École d'Exemple|Diplôme d'ingénieur|Informatique|2015..2018|",
                "Technische Universität Beispiel|Dr.-Ing.||..2017|",
                "Hogeschool van Voorbeeld|Bachelor|Informatica|2010..2014|1,3",
            ]
        );
    }
    #[test]
    fn short_names_in_brackets_table_cells_and_a_school_after_a_semicolon() {
        let (a, _, _) = read(&from_markdown(
            "| Master of Science (M.S.) – Marine Biology | May 2020 – Present |\n|---|---|\n\n*Northwood University, Springfield, MA*\n\nSep 2007-Jul 2011: Integrated master’s degree in Geology (MGeol); Eastfield University\n\nSep 2019-present: Part-time PGDip in Tidal Studies; Kiln College\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood University|Master of Science (M.S.)|Marine Biology|2020-05..|",
                "Eastfield University|Integrated master’s degree|Geology|2007-09..2011-07|",
                "Kiln College|PGDip|Tidal Studies|2019-09..|"
            ]
        );
    }

    #[test]
    fn notes_under_a_degree_start_no_entry() {
        let (a, _, _) = read(&from_plain(
            "2014 – 2018 PhD in Glaciology, Northwood University
Thesis: a study of ice cores from the northern shelf
supervised by the department's chair
Focus on sediment transport and modelling
Committee: Jane Roe, Rick Moe
Expected to be published in 2019.
Reading notes:
2010 – 2014 BSc in Geology, Eastfield College
Kiln Hills Gymnasium
",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood University|PhD|Glaciology|2014..2018|",
                "Eastfield College|BSc|Geology|2010..2014|",
                "Kiln Hills Gymnasium|||..|",
            ]
        );
    }

    #[test]
    fn inflected_school_words() {
        for name in ["Kungliga Högskolan", "Северный университета", "Westbrook Highschool"]
        {
            assert!(is_school(name), "{name}");
        }
    }

    #[test]
    fn degree_notes_in_brackets_and_title_degrees() {
        let (a, _, _) = read(&from_plain(
            "BSc (hons) Marine Biology, Northwood University, 2012
MSc (Tech) Tidal Engineering, Eastfield University, 2014
Fachhochschulreife (Abitur), Kiln Gymnasium, 2008
Master 2 professionnel (DESS) en glaciologie – Université de Westbourg – 2006
Ingeniero Civil Industrial, Universidad de Ejemplo, 2001
Engenheiro Mecânico - Automação, Faculdade de Exemplo, 1995
магистр прикладной математики, Северный университет, 2011
",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Northwood University|BSc (hons)|Marine Biology|..2012|",
                "Eastfield University|MSc (Tech)|Tidal Engineering|..2014|",
                "Kiln Gymnasium|Fachhochschulreife (Abitur)||..2008|",
                "Université de Westbourg|Master 2 professionnel (DESS)|glaciologie|..2006|",
                "Universidad de Ejemplo|Ingeniero Civil Industrial||..2001|",
                "Faculdade de Exemplo|Engenheiro Mecânico|Automação|..1995|",
                "Северный университет|магистр|прикладной математики|..2011|",
            ]
        );
        // A job title outside an education section is no sign of a degree.
        assert!(!names_degree("Ingeniera de Datos"));
        assert!(names_degree("Master of Science"));
    }

    #[test]
    fn a_level_or_a_label_opening_the_line() {
        let (a, _, _) = read(&from_plain(
            "- Primaria: Escuela Benito Norte\n- Universidad: UNE\n- Secondary: Kiln Academy, Lyon, France\n- Postgraduate: MSc in Glaze Chemistry, Northwind University, 2015\n- Undergraduate: (2009 - 2013) Licenciatura en Física, Universidad de Ejemplo, promedio general 9,12\n",
        ));
        let got: Vec<String> = a.iter().map(brief).collect();
        assert_eq!(
            got,
            [
                "Escuela Benito Norte|Primaria||..|",
                "UNE|Universidad||..|",
                "Kiln Academy|Secondary||..|",
                "Northwind University|MSc|Glaze Chemistry|..2015|",
                "Universidad de Ejemplo|Licenciatura|Física|2009..2013|9,12",
            ]
        );
    }
}
