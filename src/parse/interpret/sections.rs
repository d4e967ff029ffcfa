//! Section detection: which lines are section headings, and what each section holds.
//!
//! A line is scored on its shape (markup heading, underline, ALL CAPS, numbering, trailing
//! colon, short, no final period, standing alone) and on a heading lexicon with synonyms.
//! Headings that share the style of recognised ones open sections of their own ("other"), so
//! unknown sections are kept rather than swallowed by the section above them.

use super::lines::Line;
use super::roles::{org_score, role_score};
use super::weights;

use crate::parse::vocab::sections as vocab;
pub use crate::parse::vocab::sections::Section as Kind;
use crate::parse::vocab::titles::is_document_title;

/// A heading and the lines under it.
#[derive(Debug, Clone)]
pub struct Section {
    pub kind: Kind,
    pub title: String,
    /// The source line of the heading (0 for the text before any heading).
    pub source: u32,
    /// The containers the heading stands in (see [`Line::divs`]); empty for the text before
    /// any heading.
    pub divs: Vec<usize>,
    pub lines: Vec<Line>,
}

/// The section a heading's text names, if the vocabulary knows it.
pub fn lexicon(text: &str) -> Option<Kind> {
    // More than eight words, found without counting a long line's every word.
    if text.split_whitespace().nth(8).is_some() {
        return None;
    }
    vocab::section(text).or_else(|| first_named(text)).or_else(|| {
        // "Selected publications (first author)": a bracketed note after a heading's words
        // does not change the section they name.
        let (head, _) = text.trim().strip_suffix(')')?.rsplit_once(" (")?;
        (!head.trim().is_empty()).then(|| lexicon(head)).flatten()
    })
}

/// "ACADEMIC QUALIFICATIONS, TRAININGS AND CERTIFICATIONS", "Areas of Expertise and Hands-on
/// Experience": a heading that joins several names (in capitals or title case) is the
/// section its first name is.
fn first_named(text: &str) -> Option<Kind> {
    let titled = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.starts_with(char::is_uppercase));
    if !titled {
        return None;
    }
    const JOINS: [&str; 4] = [",", " & ", " and ", " / "];
    let cut = if text.is_ascii() {
        // Lower case keeps an ASCII text's offsets: the joins are found in place, no copy, in
        // one pass that stops at the first (every join starts with a comma or a space).
        let b = text.as_bytes();
        let at = |i: usize| {
            let rest = &b[i..];
            JOINS
                .iter()
                .any(|j| rest.get(..j.len()).is_some_and(|w| w.eq_ignore_ascii_case(j.as_bytes())))
        };
        (0..b.len()).filter(|&i| matches!(b[i], b',' | b' ')).find(|&i| at(i))?
    } else {
        let lower = text.to_lowercase();
        JOINS.iter().filter_map(|j| lower.find(j)).min()?
    };
    // Lower-casing can move byte offsets; cut the original only where it is a boundary.
    let first = text.get(..cut)?.trim();
    (first.split_whitespace().count() >= 1).then(|| vocab::section(first)).flatten()
}

/// Sub-headings inside an entry whose bullets fold into the entry.
pub fn is_entry_subheading(text: &str) -> bool {
    vocab::is_entry_subheading(text)
}

/// How strongly a line's shape says "heading", whatever its words: the sum of the weights
/// ([`weights`]) of the features it has.
fn shape_score(line: &Line, standalone: bool) -> i32 {
    let text = line.text.trim();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let features = [
        (line.heading.is_some(), weights::HEADING_MARKUP),
        (letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()), weights::HEADING_CAPS),
        (standalone, weights::HEADING_ALONE),
        (line.whole_strong, weights::HEADING_STRONG),
        (text.ends_with(':'), weights::HEADING_COLON),
        (line.bullet, weights::HEADING_IN_LIST),
        (ends_sentence(text), weights::HEADING_SENTENCE_END),
        (text.contains('@') || text.contains("://"), weights::HEADING_CONTACT),
    ];
    features.iter().filter(|(has, _)| *has).map(|(_, w)| w).sum()
}

/// Whether a line ends like a sentence or a list item: a period (not an abbreviation's, as in
/// "Skills H.Y." or "Misc."), comma or semicolon.
pub(super) fn ends_sentence(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    let stem = last.strip_suffix('.').unwrap_or("");
    let short_capital = stem.chars().next().is_some_and(char::is_uppercase)
        && stem.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    let abbreviation = !stem.is_empty() && (stem.contains('.') || short_capital);
    text.ends_with([',', ';']) || text.ends_with('.') && !abbreviation
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
        .map(|(l, alone)| match lexicon(&l.text) {
            Some(kind) => {
                // A heading marked up as one may join several names and run longer.
                let max_words = if l.heading.is_some() { 8 } else { 6 };
                (shape_score(l, *alone) >= weights::HEADING_MIN && l.words() <= max_words)
                    .then_some(kind)
            }
            None => by_content_words(l, *alone),
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
            k.filter(|_| {
                marked < 2 || l.heading.is_some() || shape_score(l, *alone) >= weights::HEADING_SURE
            })
        })
        .collect();
    let known = capitals_rule(known, &lines);
    // A definition term labels what is under it ("Key Abilities | …" in a table); it is a
    // section heading only in a document whose headings are all written that way.
    let plain_headings = known.iter().zip(&lines).filter(|(k, l)| k.is_some() && !l.term).count();
    let known: Vec<Option<Kind>> = known
        .into_iter()
        .zip(&lines)
        .map(|(k, l)| k.filter(|_| !l.term || plain_headings < 2))
        .collect();
    // The style the document gives its known headings, to recognise unknown ones.
    // A document title ("Lebenslauf") above everything does not set the sections' level.
    let levels: Vec<u8> = known
        .iter()
        .zip(&lines)
        .filter(|(k, _)| k.is_some_and(|k| k != Kind::Junk))
        .filter_map(|(_, l)| l.heading)
        .collect();
    let section_level = section_level(&levels);
    let caps_style = known
        .iter()
        .zip(&lines)
        .filter(|(k, _)| k.is_some())
        .filter(|(_, l)| l.text.chars().any(char::is_alphabetic))
        .all(|(_, l)| in_capitals(&l.text))
        && known.iter().any(Option::is_some);

    // Lines right above a line of dates only: entry headings, whatever words they hold.
    let dated_next: Vec<bool> = (0..lines.len())
        .map(|i| {
            lines.get(i + 1).is_some_and(|n| crate::parse::dates::is_only_dates(n.text.trim()))
        })
        .collect();
    // Lines with a date in the three lines below them: the head of dated entries. Each line
    // is searched for a date once.
    let has_date: Vec<bool> =
        lines.iter().map(|l| crate::parse::dates::find(&l.text).is_some()).collect();
    let dated_below: Vec<bool> =
        (0..lines.len()).map(|i| has_date.iter().skip(i + 1).take(3).any(|d| *d)).collect();
    let mut head: Vec<Line> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut first_seen = false;
    // The kind of the last section opened at the document's section level.
    let mut parent: Option<Kind> = None;
    // Containers that hold a section heading are page layout (columns), not entries.
    let mut layout: Vec<usize> = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        // A page's container says what its heading opens (`<section id="work">`).
        let by_class = line.heading.and(line.div.as_deref()).and_then(class_section);
        let kind = match &known[i] {
            // A lexicon word at a deeper level than the document's sections is an entry
            // sub-heading ("#### Achievements"), not a section.
            Some(k) if !deeper(line.heading, section_level) => Some(*k),
            Some(k)
                if opens_other_section(&line, *k, parent, sections.last().map(|s| s.kind))
                    && line.heading.zip(section_level).is_some_and(|(h, s)| h == s + 1)
                    && !dated_next[i] =>
            {
                Some(*k)
            }
            _ if (first_seen || by_class.is_some())
                && is_unknown_heading(&line, standalone[i], section_level, caps_style) =>
            {
                Some(by_class.unwrap_or(Kind::Other))
            }
            // "Positions Held" above dated entries in a profile: dated
            // entries have no place there, so the short title line over them heads a
            // section of its own, which its content names (`classify`).
            _ if sections.last().is_some_and(|s| holds_no_entries(s.kind))
                && dated_below[i]
                && standalone[i]
                && is_bare_title(&line) =>
            {
                Some(Kind::Other)
            }
            _ => None,
        };
        // A bold label naming the kind of the section it stands in ("**Frameworks**:" under
        // "Technical Skills") labels a group there; it opens no section.
        let kind = kind
            .filter(|k| line.heading.is_some() || !sections.last().is_some_and(|s| s.kind == *k));
        // A title such as "Curriculum Vitae" above everything names the document; the name
        // and contact lines under it are still the header.
        if sections.is_empty() && is_document_title(&line.text) {
            continue;
        }
        match kind {
            Some(kind) => {
                first_seen = true;
                if !deeper(line.heading, section_level) {
                    parent = Some(kind);
                }
                layout.extend(line.record);
                let title = line.text.trim().trim_end_matches(':').trim().to_string();
                sections.push(Section {
                    kind,
                    title,
                    source: line.source,
                    divs: line.divs.clone(),
                    lines: Vec::new(),
                });
            }
            None => match sections.last_mut() {
                Some(s) => s.lines.push(line),
                None => head.push(line),
            },
        }
    }
    if !layout.is_empty() {
        for l in head.iter_mut().chain(sections.iter_mut().flat_map(|s| s.lines.iter_mut())) {
            if l.record.is_some_and(|r| layout.contains(&r)) {
                l.record = None;
            }
        }
    }
    (head, sections)
}

/// A line that is a heading by its markup or shape (heading markup, or a bold or capitals
/// line standing alone) and whose content words name a section among words no heading phrase
/// has ("Some of my projects", "Where I have worked"). A line that names a job, an
/// organisation or a date is an entry's heading, not a section's ("Project Manager").
fn by_content_words(line: &Line, standalone: bool) -> Option<Kind> {
    let text = line.text.trim();
    // A short paragraph of its own ending in a colon ("Job history:") announces what
    // follows as surely as bold or capitals do.
    let labelled = text.ends_with(':') && line.words() <= 4;
    let shaped = line.heading.is_some()
        || (standalone
            && (line.whole_strong || in_capitals(text) || labelled)
            && shape_score(line, true) >= weights::HEADING_SURE - i32::from(labelled));
    if !shaped
        || line.bullet
        || text.ends_with(['.', ',', ';'])
        || text.contains('@')
        || crate::parse::dates::find(text).is_some()
        || role_score(text) > 0
        || org_score(text) > 0
    {
        return None;
    }
    // A misspelt document title ("Curriculm Vitae") stays the title above the header.
    vocab::section_with_slips(text)
        .filter(|k| *k != Kind::Junk)
        .or_else(|| vocab::section_by_content_words(text))
}

/// Written in capitals: every word of four letters or more is upper case ("SKILLS and
/// ATTRIBUTES"), and there is one.
fn in_capitals(text: &str) -> bool {
    let mut long =
        text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 4).peekable();
    long.peek().is_some() && long.all(|w| !w.chars().any(char::is_lowercase))
}

/// When the document writes its section headings in capitals, a heading word in mixed case
/// without heading markup is a sub-heading inside an entry ("PROFESSIONAL EXPERIENCE" above
/// "Engineering Experience"), as a reader sees from the style. It takes three headings in
/// capitals, outnumbering the others, to call that a style.
fn capitals_rule(known: Vec<Option<Kind>>, lines: &[Line]) -> Vec<Option<Kind>> {
    let heading = |(k, _): &(&Option<Kind>, &Line)| k.is_some_and(|k| k != Kind::Junk);
    let (caps, mixed): (Vec<_>, Vec<_>) =
        known.iter().zip(lines).filter(heading).partition(|(_, l)| in_capitals(&l.text));
    if caps.len() < 3 || caps.len() <= mixed.len() {
        return known;
    }
    known
        .into_iter()
        .zip(lines)
        .map(|(k, l)| k.filter(|_| l.heading.is_some() || in_capitals(&l.text)))
        .collect()
}

/// The section a container's class or id names ("work", "work-experience", "education").
fn class_section(class: &str) -> Option<Kind> {
    let words = class.replace(['-', '_'], " ");
    vocab::section(&words).filter(|k| !matches!(k, Kind::Junk | Kind::Other))
}

/// "## Academic" over "### Scholarships" and "### Publications": a heading one level deeper
/// than the sections (deeper still, it is an entry's own sub-heading) that names
/// another section than the profile, work or education it stands in (by heading words alone)
/// opens that section, as a reader turning to the
/// publications would. Not an entry's own sub-heading ("#### Achievements", "#### Projects");
/// not a kind of talk ("### Conferences" under publications lists conference papers); and
/// among skills, languages and interests the sub-headings label groups, which the list
/// reader sorts by kind.
fn opens_other_section(
    line: &Line,
    kind: Kind,
    parent: Option<Kind>,
    current: Option<Kind>,
) -> bool {
    let lists = [Kind::Skills, Kind::Languages, Kind::Interests];
    let among_lists =
        |k: Option<Kind>| k.is_some_and(|k| lists.contains(&k)) && lists.contains(&kind);
    line.heading.is_some()
        && parent
            .is_some_and(|p| p != kind && matches!(p, Kind::Summary | Kind::Work | Kind::Education))
        && vocab::section(&line.text) == Some(kind)
        && current != Some(kind)
        && !among_lists(parent)
        && !among_lists(current)
        && (matches!(
            kind,
            Kind::Awards
                | Kind::Publications
                | Kind::Projects
                | Kind::Certificates
                | Kind::Volunteer
        ) || parent == Some(Kind::Education) && lists.contains(&kind))
        && !is_entry_subheading(&line.text)
}

/// The heading level a document gives its sections: the shallowest level at which it names
/// two known sections. One known word on a shallower heading ("## Programming languages" as
/// a group above `###` sections, a closing "# Contact" under a "# Name") does not set the
/// level for all the others; a document with one known heading per level keeps the level of
/// its first.
fn section_level(levels: &[u8]) -> Option<u8> {
    let count = |level: u8| levels.iter().filter(|l| **l == level).count();
    let shared = levels.iter().copied().filter(|l| count(*l) >= 2).min();
    shared.or_else(|| levels.first().copied())
}

fn deeper(level: Option<u8>, section_level: Option<u8>) -> bool {
    matches!((level, section_level), (Some(l), Some(s)) if l > s)
}

/// Sections whose content is never a dated entry: a profile. (Languages and skills lists
/// carry dated course and fluency lines under short labels.)
fn holds_no_entries(kind: Kind) -> bool {
    kind == Kind::Summary
}

/// A short title-like line that names no job, organisation, date or contact: what an
/// unknown heading looks like in a document without heading markup.
fn is_bare_title(line: &Line) -> bool {
    let text = line.text.trim();
    !line.bullet
        && !line.term
        && (1..=4).contains(&line.words())
        && text.starts_with(char::is_uppercase)
        && !text.chars().any(|c| c.is_ascii_digit())
        && !text.contains('@')
        && !text.contains("://")
        && !ends_sentence(text)
        && role_score(text) == 0
        && org_score(text) == 0
        && !is_entry_subheading(text)
}

/// An e-mail address, a web address, a phone number or a contact label's line ("Email: …"),
/// told by its shape alone (the contact stage reads it; this stage only must not take it for
/// a heading).
fn contact_shaped(text: &str) -> bool {
    let t = text.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let phone_chars = t.chars().filter(|c| c.is_ascii_digit() || " +-().".contains(*c)).count();
    let labelled = t
        .split_once([':', '：'])
        .is_some_and(|(label, _)| crate::parse::vocab::fields::label(label.trim()).is_some());
    (t.contains('@') && t.contains('.'))
        || t.contains("://")
        || t.starts_with("www.")
        || digits >= 7 && phone_chars * 10 >= t.chars().count() * 8
        || labelled
}

fn is_unknown_heading(line: &Line, standalone: bool, level: Option<u8>, caps: bool) -> bool {
    // A definition term labels what is under it ("MICROSOFT | bullets" in a table).
    if line.bullet || line.term || line.words() > 5 || line.text.ends_with(['.', ',']) {
        return false;
    }
    // "## Email: ada@example.org", "## 12 Kiln Road, Springfield" set like the headings are
    // contact details.
    let address = line.text.contains(',') && line.text.chars().any(|c| c.is_ascii_digit());
    if address || contact_shaped(&line.text) {
        return false;
    }
    match (line.heading, level) {
        (Some(h), Some(l)) => h == l,
        _ => {
            // A heading in capitals is made of words, not of acronyms ("GIS (QGIS)").
            caps && standalone
                && line
                    .text
                    .split_whitespace()
                    .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
                && !line.text.contains(['(', ')', '/'])
                && !line.text.chars().any(char::is_lowercase)
                && !line.text.chars().any(|c| c.is_ascii_digit())
                && crate::parse::dates::find(&line.text).is_none()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Line> {
        super::super::lines::lines(&crate::parse::read::document(text, None))
    }

    #[test]
    fn a_bracketed_note_after_a_heading_keeps_its_section() {
        assert_eq!(lexicon("Selected publications (as lead author)"), Some(Kind::Publications));
        assert_eq!(lexicon("Awards (since 2015)"), Some(Kind::Awards));
        assert_eq!(lexicon("Kiln Street (north)"), None);
    }

    #[test]
    fn a_heading_ending_in_an_abbreviation_is_no_sentence() {
        assert!(!ends_sentence("ΔΕΞΙΟΤΗΤΕΣ Η.Υ."));
        assert!(!ends_sentence("Skills & Misc."));
        assert!(ends_sentence("Worked with the team."));
        assert!(ends_sentence("Python, Go,"));
        let md = "# Ada Quill\n\n## Education\n\nNorthfield University, 2014\n\n## Experience\n\nClerk, Acme, 2015\n\n**ΔΕΞΙΟΤΗΤΕΣ Η.Υ.**\n\nPython, MATLAB\n";
        let lines = super::super::testing::from_markdown(md);
        let (_, sections) = split(lines);
        let kinds: Vec<Kind> = sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Education, Kind::Work, Kind::Skills]);
    }

    #[test]
    fn a_document_title_above_everything_does_not_swallow_the_header() {
        let lines = plain(
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
        assert_eq!(lexicon("PARCOURS SCOLAIRE"), Some(Kind::Education));
        assert_eq!(lexicon("Programming"), Some(Kind::Skills));
        // Japanese "… and so on" after a heading word; the Japanese form of a character.
        assert_eq!(lexicon("職歴など"), Some(Kind::Work));
        // Japanese headings, written with their Japanese character forms.
        assert_eq!(lexicon("職務経歴"), Some(Kind::Work));
        assert_eq!(lexicon("趣味"), Some(Kind::Interests));
        assert_eq!(lexicon("資格"), Some(Kind::Certificates));
        assert_eq!(lexicon("語学"), Some(Kind::Languages));
        assert_eq!(lexicon("受賞歴"), Some(Kind::Awards));
        assert_eq!(lexicon("連絡先"), Some(Kind::Contact));
        assert_eq!(lexicon("スキル"), Some(Kind::Skills));
        assert_eq!(lexicon("資格など"), Some(Kind::Certificates));
        assert_eq!(lexicon("論文,発表"), Some(Kind::Publications));
        assert_eq!(lexicon("Parcours professionnel"), Some(Kind::Work));
        assert_eq!(lexicon("Competenze"), Some(Kind::Skills));
        assert_eq!(lexicon("Tecnologías"), Some(Kind::Skills));
        assert_eq!(lexicon("Tecnologias em destaque"), Some(Kind::Skills));
        assert_eq!(lexicon("Qualificações complementares"), Some(Kind::Certificates));
        assert_eq!(lexicon("Situación Profesional Actual"), Some(Kind::Work));
        assert_eq!(lexicon("Обо мне"), Some(Kind::Summary));
        assert_eq!(lexicon("Языки программирования:"), Some(Kind::Skills));
        assert_eq!(lexicon("Anstellung"), Some(Kind::Work));
        assert_eq!(lexicon("Selbstständigkeit"), Some(Kind::Work));
        assert_eq!(lexicon("Опыт вождения"), Some(Kind::Certificates));
        assert_eq!(lexicon("Frameworks"), Some(Kind::Skills));
        assert_eq!(lexicon("Positions held"), Some(Kind::Work));
        assert_eq!(lexicon("Peer-reviewed journal articles"), Some(Kind::Publications));
        assert_eq!(lexicon("Conference papers"), Some(Kind::Publications));
        assert_eq!(lexicon("Места работы"), Some(Kind::Work));
        assert_eq!(lexicon("Yabancı Dil"), Some(Kind::Languages));
        // Headings joining several names are their first.
        assert_eq!(
            lexicon("ACADEMIC QUALIFICATION, TRAININGS AND PROFESSIONAL CERTIFICATIONS"),
            Some(Kind::Education)
        );
        assert_eq!(lexicon("Areas of Expertise and Hands On Experience"), Some(Kind::Skills));
        assert_eq!(lexicon("skills and a love of long walks"), None);
        assert_eq!(lexicon("Senior Software Engineer"), None);
        assert_eq!(lexicon("I have experience in many things here"), None);
    }

    #[test]
    fn a_bold_label_of_the_section_s_own_kind_is_a_group_label() {
        let lines = crate::parse::interpret::testing::from_markdown(
            "# Ada Example\n\n## Technical Skills\n\n**Databases**:\n\n    Postgres | Redis\n\n**Frameworks**:\n\n    Axum | Gin\n\n## Education\n\nArt School, 2018\n",
        );
        let (_, sections) = split(lines);
        let kinds: Vec<(Kind, &str)> =
            sections.iter().map(|s| (s.kind, s.title.as_str())).collect();
        assert_eq!(kinds, [(Kind::Skills, "Technical Skills"), (Kind::Education, "Education")]);
    }

    #[test]
    fn mixed_case_heading_words_under_capital_headings_are_sub_headings() {
        let lines = plain(
            "Ada Example\n\nPROFILE\n\nPotter.\n\nEXPERIENCE\n\nPotter, Clayworks, 2019 - 2021\n\nSummary\n\n- Fired pots.\n\nTeaching Experience\n\n- Taught glazing.\n\nEDUCATION\n\nArt School, 2018\n\nSKILLS and ATTRIBUTES\n\n- Patience\n",
        );
        let (_, sections) = split(lines);
        let kinds: Vec<(Kind, &str)> =
            sections.iter().map(|s| (s.kind, s.title.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Summary, "PROFILE"),
                (Kind::Work, "EXPERIENCE"),
                (Kind::Education, "EDUCATION"),
                (Kind::Skills, "SKILLS and ATTRIBUTES"),
            ]
        );
    }

    #[test]
    fn a_short_paragraph_ending_in_a_colon_is_read_by_its_content_words() {
        let lines = plain(
            "Ada Example\n\nA potter who fires her own kilns.\n\nMy job experience:\n\nPotter, Clayworks, 2019 - 2021\n\nWhat I did at the kiln every day was this:\n\nEducation\n\nBA Ceramics, Art School, 2018\n",
        );
        let (_, sections) = split(lines);
        let kinds: Vec<(Kind, &str)> =
            sections.iter().map(|s| (s.kind, s.title.as_str())).collect();
        assert_eq!(kinds, [(Kind::Work, "My job experience"), (Kind::Education, "Education")]);
    }

    #[test]
    fn an_unknown_title_over_dated_entries_in_a_profile_heads_a_section() {
        let lines = plain(
            "Ada Example\n\nProfile\n\nA potter who fires her own kilns.\n\nPlaces Served\n\nPotter, Clayworks, Springfield\n2019 - 2021\n\nEducation\n\nBA Ceramics, Art School, 2018\n",
        );
        let (_, sections) = split(lines);
        let kinds: Vec<(Kind, &str)> =
            sections.iter().map(|s| (s.kind, s.title.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Summary, "Profile"),
                (Kind::Other, "Places Served"),
                (Kind::Education, "Education")
            ]
        );
    }

    #[test]
    fn headings_with_filler_words_are_read_by_their_content_words() {
        let lines = plain(
            "# Ada Example\n\n## Where I have worked\n\n### Potter @ Clayworks\n\n2019 - 2021\n\n## Some of my projects\n\n### Kiln Log\n\nA firing logger.\n\n## Education\n\nBA Ceramics, Art School, 2018\n\n## Project Manager, Kiln Co\n",
        );
        let (_, sections) = split(lines);
        let kinds: Vec<(Kind, &str)> =
            sections.iter().map(|s| (s.kind, s.title.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Work, "Where I have worked"),
                (Kind::Projects, "Some of my projects"),
                (Kind::Education, "Education"),
                (Kind::Other, "Project Manager, Kiln Co"),
            ]
        );
    }

    #[test]
    fn a_sub_heading_naming_another_section_opens_it() {
        let md = "# Jane Roe\n\n## Academic\n\n### Education\n\n- B.S., Northwind University, 2004\n\n### Scholarships\n\n- 2000 - 2004: Acme Scholarship\n\n### Publications\n\n- 2009: On Widgets\n\n## Experience\n\n### Engineer at Globex\n\n#### Other projects\n\n- A kiln controller\n";
        let lines = crate::parse::interpret::testing::from_markdown(md);
        let (_, sections) = split(lines);
        let kinds: Vec<Kind> = sections.iter().map(|s| s.kind).collect();
        // Under the work entry's heading, "Other projects" is the entry's own sub-heading.
        assert_eq!(kinds, [Kind::Education, Kind::Awards, Kind::Publications, Kind::Work]);
    }

    #[test]
    fn one_known_word_on_a_shallower_heading_does_not_set_the_section_level() {
        // Sections at `###`, skill groups at `##`: the group named like a section
        // ("Programming languages") is not the level every section is measured by.
        let lines = plain(
            "Ada Example\n\n### Experience:\nAcme Corp, Springfield\n## 1 Potter (2 years)\n- Fired pots\n\n### Education:\nNorthfield University (2015 - 2019)\n\n### Skills:\n## Programming languages:\n- Rust\n## Kilns:\n- Gas\n\n### Contacts:\n- ada@example.com\n",
        );
        let (_, sections) = split(lines);
        let kinds: Vec<(Kind, &str)> =
            sections.iter().map(|s| (s.kind, s.title.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Work, "Experience"),
                (Kind::Education, "Education"),
                (Kind::Skills, "Skills"),
                (Kind::Skills, "Programming languages"),
                (Kind::Contact, "Contacts"),
            ]
        );
        assert_eq!(section_level(&[2, 3, 3, 3]), Some(3));
        assert_eq!(section_level(&[2, 3]), Some(2));
        assert_eq!(section_level(&[2, 1]), Some(2));
    }

    #[test]
    fn a_closing_contact_heading_and_a_skills_heading_under_education_open_their_sections() {
        let md = "# Jane Roe\n\n## Experience\n\nGlobex | Potter | 2020 – 2022\n\n## Education\n\n### BSc Ceramics\n\n2016 – 2019\n\n### Skills\n\n- Glazing\n\n# Contact\n\n## 12 Kiln Road, Springfield\n\n## Email: jane@example.com\n";
        let (_, sections) = split(crate::parse::interpret::testing::from_markdown(md));
        let kinds: Vec<Kind> = sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Work, Kind::Education, Kind::Skills, Kind::Contact]);
    }

    #[test]
    fn splits_header_and_sections() {
        let lines = plain(
            "Ada Lovelace\nada@example.com\n\nEXPERIENCE\nAcme\n\nHOBBIES\nChess\n\nODDITIES\nStuff\n",
        );
        let (head, sections) = split(lines);
        assert_eq!(head.len(), 2);
        let kinds: Vec<Kind> = sections.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Work, Kind::Interests, Kind::Other]);
    }
}
