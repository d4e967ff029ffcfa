//! What a section holds when its heading names nothing vitae knows ("Where I have been",
//! a heading lost to broken markup): its lines are scored on content features (degrees,
//! schools, certificates and courses, job titles, organisations, unpaid roles, dates,
//! language names) by the weights in
//! [`weights`], and the section is read as the one its content points to when the evidence
//! is strong enough. Otherwise it stays unknown and is kept as text.

use super::education::{is_school, names_certificate, names_degree};
use super::entries::Entry;
use super::lines::Line;
use super::roles::{org_score, role_score};
use super::sections::{Kind, Section};
use super::weights;
use crate::parse::dates;
use crate::parse::vocab::{levels, roles};

/// The section an unknown section's content points to, if it points clearly.
pub fn by_content(lines: &[Line]) -> Option<Kind> {
    content_kind(lines, false)
}

/// [`by_content`]; with `workplaces`, schools in a list that names job titles and not one
/// degree are where the person worked (a dance school, a research institute), not studied.
/// A box with no heading at all is read so; under a heading, schools stay places of study.
fn content_kind(lines: &[Line], workplaces: bool) -> Option<Kind> {
    if lines.is_empty() {
        return None;
    }
    if languages(lines) {
        return Some(Kind::Languages);
    }
    let (mut education, mut work, mut volunteer, mut certificates) = (0, 0, 0, 0);
    let (mut degrees, mut titles, mut dated) = (0, 0, 0);
    let schools_teach = !workplaces || {
        let short = || lines.iter().filter(|l| l.words() <= 14 && !names_certificate(l));
        let any_degree = short().any(|l| names_degree(&dates::without_dates(&l.text)));
        let any_title = short().any(|l| {
            let t = dates::without_dates(&l.text);
            role_score(&t) > 0 && role_score(&t) >= org_score(&t)
        });
        any_degree || !any_title
    };
    for l in lines.iter().filter(|l| l.words() <= 14) {
        let text = dates::without_dates(&l.text);
        if dates::find(&l.text).is_some() {
            dated += 1;
        }
        if names_certificate(l) {
            certificates += weights::CONTENT_CERTIFICATE;
            continue;
        }
        let degree = names_degree(&text);
        if degree {
            degrees += 1;
            education += weights::CONTENT_DEGREE;
        }
        let role = role_score(&text);
        let title = role > 0 && role >= org_score(&text);
        // "Kiln Technician, Northwind University": a job title at a school, with no degree
        // named, is a post held there; the school is the employer, not a place of study.
        let school = is_school(&text);
        if school && schools_teach && (!title || degree) {
            degrees += 1;
            education += weights::CONTENT_SCHOOL;
        } else if school || org_score(&text) > 0 {
            work += weights::CONTENT_ORG;
        }
        if title {
            titles += 1;
            work += weights::CONTENT_TITLE;
        }
        let lower = crate::parse::vocab::fold(&text);
        if lower.split(|c: char| !c.is_alphanumeric() && c != '-').any(roles::is_volunteer_word) {
            volunteer += weights::CONTENT_VOLUNTEER;
        }
    }
    if certificates >= weights::CONTENT_MIN && certificates > education.max(work) {
        return Some(Kind::Certificates);
    }
    // Dates count for whichever the section otherwise points to.
    let dates = dated * weights::CONTENT_DATED;
    if degrees > 0 && dated > 0 && education + dates >= weights::CONTENT_MIN && education > work {
        return Some(Kind::Education);
    }
    if volunteer > 0 && dated > 0 && volunteer + dates >= weights::CONTENT_MIN && volunteer >= work
    {
        return Some(Kind::Volunteer);
    }
    if titles > 0 && dated > 0 && work + dates >= weights::CONTENT_MIN && work > education {
        return Some(Kind::Work);
    }
    if dated == 0 && degrees == 0 && titles == 0 && skill_terms(lines) {
        return Some(Kind::Skills);
    }
    None
}

/// A page's sections without headings: a heading's section is the container it shares with
/// the lines under it (`<div id="side">` holding the heading and the address); lines that
/// stand outside it, in containers a heading never names (`<div id="jobs">`), are groups of
/// their own, as a reader sees boxes on a page. Each such group whose content points plainly
/// to another section than the one above ([`by_content`]) becomes that section; any other
/// stays where it was.
pub fn split_by_container(sections: Vec<Section>) -> Vec<Section> {
    let mut out = Vec::with_capacity(sections.len());
    for s in sections {
        let Some(first) = s.lines.first() else {
            out.push(s);
            continue;
        };
        // The heading's container is the one it shares with its first line.
        let home_len = s.divs.iter().zip(&first.divs).take_while(|(a, b)| a == b).count();
        let home = s.divs[..home_len].to_vec();
        // The box a line stands in outside the heading's container (the two containers below
        // where its path leaves the heading's); `None` inside it.
        let group_of = |l: &Line| {
            let common = l.divs.iter().zip(&home).take_while(|(a, b)| a == b).count();
            (common < home.len())
                .then(|| (l.divs.get(common).copied(), l.divs.get(common + 1).copied()))
        };
        let Section { kind, title, source, divs, lines } = s;
        let mut current = Section { kind, title: title.clone(), source, divs, lines: Vec::new() };
        for group in lines.chunk_by(|a, b| group_of(a) == group_of(b)) {
            let moved = group_of(&group[0])
                .and_then(|_| content_kind(group, true))
                .filter(|k| *k != kind && splits_off(*k));
            // After a box that went elsewhere, the heading's section goes on.
            let k = moved.unwrap_or(kind);
            if k != current.kind || moved.is_some() {
                let next = Section {
                    kind: k,
                    title: if moved.is_some() {
                        group[0].div.clone().unwrap_or_else(|| title.clone())
                    } else {
                        title.clone()
                    },
                    // The heading's line: the box has none of its own.
                    source,
                    divs: current.divs.clone(),
                    lines: Vec::new(),
                };
                out.push(std::mem::replace(&mut current, next));
            }
            current.lines.extend(group.iter().cloned());
        }
        out.push(current);
    }
    out
}

/// The sections a box of entries is plainly made of.
fn splits_off(kind: Kind) -> bool {
    matches!(kind, Kind::Work | Kind::Education | Kind::Volunteer | Kind::Certificates)
}

/// What a section headed as work holds instead, when its content clearly says so.
/// The work heading word is the most overloaded one (a field of tools named with it, a
/// heading the reader misread over a list of schools): as a reader goes by what is under it,
/// degrees and schools with dates and no job title are study ([`by_content`]), and lists of
/// terms under labels that name no job or date are skills.
pub fn instead_of_work(lines: &[Line]) -> Option<Kind> {
    // Against the heading's words, the content must be plain: two degrees named and not
    // one job title (a post at a university is work, and reads like study to the scores).
    let titled = lines.iter().any(|l| {
        let t = dates::without_dates(&l.text);
        role_score(&t) > 0 && role_score(&t) >= org_score(&t)
    });
    let degrees = lines.iter().filter(|l| names_degree(&dates::without_dates(&l.text))).count();
    if !titled && degrees >= 2 && by_content(lines) == Some(Kind::Education) {
        return Some(Kind::Education);
    }
    labelled_term_lists(lines).then_some(Kind::Skills)
}

/// Labels (a heading, a bold line, a term, a short line ending in a colon) each over a list
/// of at least three comma-separated terms ("Kilns" / "gas, wood, electric"); no label
/// names a job or a date, and no line is a job title.
fn labelled_term_lists(lines: &[Line]) -> bool {
    let is_label = |l: &Line| {
        let t = l.text.trim();
        (l.heading.is_some() || l.whole_strong || l.term || t.ends_with(':'))
            && (1..=5).contains(&l.words())
            && !super::sections::ends_sentence(t)
    };
    let (labels, lists): (Vec<&Line>, Vec<&Line>) = lines.iter().partition(|l| is_label(l));
    // A label may hold an organisation word ("Kiln Systems"): the lines under an
    // employer would name a job or a date.
    let plain = |l: &&Line| dates::find(&l.text).is_none() && role_score(&l.text) == 0;
    let no_title = |l: &&Line| {
        let t = dates::without_dates(&l.text);
        role_score(&t) == 0 || role_score(&t) < org_score(&t)
    };
    labels.len() >= 2
        && !lists.is_empty()
        && labels.iter().all(plain)
        && lists.iter().all(no_title)
        && lists.iter().all(|l| top_level_parts(&l.text) >= 3)
}

/// How many parts a line's commas and semicolons make outside brackets ("Java (Swing, AWT),
/// PHP, Perl" has three).
fn top_level_parts(text: &str) -> usize {
    let mut depth = 0usize;
    let mut parts = 1;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' | ';' if depth == 0 => parts += 1,
            _ => {}
        }
    }
    parts
}

/// The section an unknown heading and its content point to together. A one-word heading
/// about the person's private side (the vocabulary's table of such words) over a list of
/// short items, with no contact, field or date among them, lists pastimes, as a reader sees;
/// under any other unknown heading the content alone decides ([`by_content`]).
pub fn by_heading_and_content(title: &str, lines: &[Line]) -> Option<Kind> {
    if crate::parse::vocab::sections::names_personal_only(title) && pastimes(lines) {
        return Some(Kind::Interests);
    }
    by_content(lines)
}

/// Short items (a list of terms, or bullets of a few words before any colon), none of them a
/// contact detail, a personal-data field or a date.
fn pastimes(lines: &[Line]) -> bool {
    let plain = |l: &Line| {
        let t = l.text.trim();
        // "Montagne: ski, escalade" labels a pastime; "Nationality: …" is personal data.
        let label = l.field.as_deref().or_else(|| t.split_once(':').map(|(k, _)| k));
        label.is_none_or(|k| crate::parse::vocab::fields::label(k).is_none())
            && !t.contains('@')
            && !t.contains("://")
            && !t.chars().any(|c| c.is_ascii_digit())
            && dates::find(t).is_none()
    };
    let short = |l: &Line| {
        let head = l.text.split_once(':').map_or(l.text.as_str(), |(h, _)| h);
        let words = head.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic));
        words.count() <= 4 && !super::sections::ends_sentence(head)
    };
    !lines.is_empty()
        && lines.iter().all(plain)
        && (skill_terms_in(lines, 3) || lines.iter().all(|l| l.bullet && short(l)))
}

/// An unknown or catch-all section ("Additional information", "Other") read item by item, as
/// a reader files each line of it: a course or certificate, an unpaid role, a project, a
/// languages line, a list of tools, an honour. Consecutive items of one kind stay together,
/// in source order; items that point nowhere come back as `None`, to be kept as text.
pub fn items_by_content(lines: &[Line]) -> Vec<(Option<Kind>, Vec<Line>)> {
    let mut out: Vec<(Option<Kind>, Vec<Line>)> = Vec::new();
    let same_item = |a: &Line, b: &Line| match (a.item, b.item) {
        (Some(x), Some(y)) => x == y || b.parent_item == Some(x),
        (None, None) => a.para == b.para,
        _ => false,
    };
    for item in lines.chunk_by(same_item) {
        let kind = item_kind(item);
        match out.last_mut() {
            Some((k, ls)) if *k == kind => ls.extend(item.iter().cloned()),
            _ => out.push((kind, item.to_vec())),
        }
    }
    out
}

/// The items of an activities list that are no role: one-line items that are a
/// certificate, a languages line, a list of tools or an honour, grouped by kind; and the
/// lines left for the roles, in order.
pub fn not_roles(lines: &[Line]) -> (Vec<(Kind, Vec<Line>)>, Vec<Line>) {
    // Only in a list of one-liners: under an entry's header line, a bullet is what was done
    // there ("took part in seminars on …"), whatever it names.
    if lines.iter().any(|l| l.item.is_none()) {
        return (Vec::new(), lines.to_vec());
    }
    let mut elsewhere: Vec<(Kind, Vec<Line>)> = Vec::new();
    let mut roles = Vec::new();
    for (kind, group) in items_by_content(lines) {
        let single = |l: &Line| l.item.is_some() && !group.iter().any(|o| o.parent_item == l.item);
        match kind {
            Some(k @ (Kind::Certificates | Kind::Languages | Kind::Skills | Kind::Awards))
                if group.iter().all(single) =>
            {
                elsewhere.push((k, group))
            }
            _ => roles.extend(group),
        }
    }
    (elsewhere, roles)
}

/// What one item of a mixed section is, by its first line.
fn item_kind(item: &[Line]) -> Option<Kind> {
    let first = item.first()?;
    let text = first.text.trim();
    if first.words() > 30 {
        return None;
    }
    // "Languages: English (native), Welsh (B2)", "Tools: Git, Make": a label naming a list.
    if let Some((label, _)) = text.split_once([':', '：'])
        && let Some(kind @ (Kind::Skills | Kind::Languages | Kind::Interests)) =
            super::sections::lexicon(label.trim())
    {
        return Some(kind);
    }
    if languages(item) {
        return Some(Kind::Languages);
    }
    if names_certificate(first) {
        return Some(Kind::Certificates);
    }
    let plain = dates::without_dates(text);
    let lower = crate::parse::vocab::fold(&plain);
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
    if words.iter().any(|w| roles::is_volunteer_word(w)) {
        return Some(Kind::Volunteer);
    }
    if crate::parse::vocab::sections::names_honour(&plain) {
        return Some(Kind::Awards);
    }
    if role_score(&plain) == 0 && words.iter().any(|w| project_word(w)) {
        return Some(Kind::Projects);
    }
    // A dated row ("2019 | Entrant, Kiln Hackathon | Northwind University") is an entry,
    // not a list of tools, however short its cells.
    if dates::find(text).is_none() && skill_terms_in(item, 3) {
        return Some(Kind::Skills);
    }
    None
}

/// Whether the entries read from a work section are projects, not jobs, as a reader sees
/// from the entries whatever the heading says. Either none is dated and each names itself a
/// project in its title line ("Inventory App – Group Project", a line that is no job title),
/// or no entry names a job title or an organisation and most call themselves projects
/// ("Personal project, 2022", "an open-source logger").
pub fn entries_are_projects(entries: &[Entry]) -> bool {
    !entries.is_empty()
        && (undated_and_named_projects(entries) || jobless_and_mostly_projects(entries))
}

/// A word that calls its item a project ("project", "Projekt", "open-source").
fn project_word(w: &str) -> bool {
    w == "open-source" || (!w.is_empty() && super::sections::lexicon(w) == Some(Kind::Projects))
}

fn undated_and_named_projects(entries: &[Entry]) -> bool {
    // "Project Manager" is a job title, not a project.
    let names_project =
        |t: &str| role_score(t) == 0 && t.split(|c: char| !c.is_alphanumeric()).any(project_word);
    entries.iter().all(|e| {
        e.start.is_none()
            && e.end.is_none()
            && [&e.name, &e.position].into_iter().flatten().any(|t| names_project(t))
    })
}

fn jobless_and_mostly_projects(entries: &[Entry]) -> bool {
    let jobless = |e: &Entry| {
        e.position.as_deref().is_none_or(|p| role_score(p) == 0)
            && e.name.as_deref().is_none_or(|n| org_score(n) == 0)
    };
    let says_project = |e: &&Entry| {
        let first = e.summary.first().map_or("", String::as_str);
        [e.name.as_deref().unwrap_or(""), e.position.as_deref().unwrap_or(""), first]
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'))
            .any(|w| project_word(&w.to_lowercase()))
    };
    entries.iter().all(jobless) && entries.iter().filter(says_project).count() * 2 >= entries.len()
}

/// Nothing but short terms set apart: table cells or comma-separated lists ("Python | SQL |
/// Docker", "Languages: Rust, Go, C++"), no sentence among them, enough of them to be a
/// repertoire rather than a line of text.
fn skill_terms(lines: &[Line]) -> bool {
    skill_terms_in(lines, weights::CONTENT_SKILL_TERMS)
}

/// [`skill_terms`] with at least `min` terms in all.
fn skill_terms_in(lines: &[Line], min: usize) -> bool {
    let term = |t: &str| {
        let t = t.trim();
        let words = t.split_whitespace().count();
        (1..=4).contains(&words) && !t.ends_with(['.', '!', '?']) && !t.contains(". ")
    };
    let mut terms = 0;
    for l in lines {
        let cells: Vec<&str> = if l.cols.is_empty() {
            let text = l.field.as_ref().map_or(l.text.as_str(), |_| {
                l.text.split_once(": ").map_or(l.text.as_str(), |(_, v)| v)
            });
            let text = match text.split_once(": ") {
                Some((label, rest)) if term(label) => rest,
                _ => text,
            };
            let parts: Vec<&str> = text.split([',', ';', '|', '•', '·']).collect();
            if parts.len() < 3 {
                return false;
            }
            parts
        } else {
            l.cols.iter().flat_map(|c| c.split([',', ';'])).collect()
        };
        if !cells.iter().all(|c| term(c)) {
            return false;
        }
        terms += cells.len();
    }
    terms >= min
}

/// A list whose items nearly all start with a spoken language's name.
fn languages(lines: &[Line]) -> bool {
    let items: Vec<&Line> = lines.iter().filter(|l| l.words() <= 8).collect();
    let named = items
        .iter()
        .filter(|l| {
            let first = l.text.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            levels::is_language(first)
        })
        .count();
    items.len() >= 2
        && items.len() * 10 >= lines.len() * 8
        && named * 100 >= items.len() * weights::CONTENT_LANGUAGES_PERCENT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::from_markdown;

    #[test]
    fn unknown_sections_by_content() {
        let edu = "- BSc Physics, Northfield University, 2010-2014\n- MSc Optics, Southbank University, 2014-2016\n";
        assert_eq!(by_content(&from_markdown(edu)), Some(Kind::Education));
        let work = "**Senior Engineer**, Initech GmbH, 2019-2022\n\n**Software Developer**, Globex Ltd, 2015-2019\n";
        assert_eq!(by_content(&from_markdown(work)), Some(Kind::Work));
        let langs = "- English (native)\n- German (B2)\n- French: basic\n";
        assert_eq!(by_content(&from_markdown(langs)), Some(Kind::Languages));
        let clubs =
            "- 2014-2015 - Member of the robotics club\n- 2014 - Co-founder of the chess society\n";
        assert_eq!(by_content(&from_markdown(clubs)), Some(Kind::Volunteer));
        let courses = "- First aid (16 hours)\n- Certified Scrum Master\n- Welding course\n";
        assert_eq!(by_content(&from_markdown(courses)), Some(Kind::Certificates));
        let other = "- Glaciology\n- Urban Ecology\n- Soil Science\n";
        assert_eq!(by_content(&from_markdown(other)), None);
        let tools = "| Languages | Tools |\n|---|---|\n| Python, SQL | Docker, Git |\n| Kotlin | Terraform |\n";
        assert_eq!(by_content(&from_markdown(tools)), Some(Kind::Skills));
        let listed = "Rust, Go, PostgreSQL, Redis\n\nCloud: AWS, GCP, Azure\n";
        assert_eq!(by_content(&from_markdown(listed)), Some(Kind::Skills));
        let prose = "I enjoy hiking, reading, and long walks on the beach.\n";
        assert_eq!(by_content(&from_markdown(prose)), None);
    }

    #[test]
    fn boxes_outside_a_heading_s_container_are_read_by_their_content() {
        let html = r#"<html><body>
<div id="side"><h2>Personal details</h2><div class="adr"><p>Jane Roe</p><p>jane@example.com</p></div></div>
<div id="main">
<div id="jb"><h3>2019 - 2021 Acme GmbH in Springfield</h3><p>Senior Engineer: built the kilns</p>
<h3>2015 - 2019 Northwind Institute in Springfield</h3><p>Glaze Assistant: fired the pots</p></div>
<div id="st"><h3>2010 - 2014 Northwind University</h3><p>BSc Ceramics</p>
<h3>2008 - 2010 Eastfield College</h3><p>MSc Glazes</p></div>
<div id="ft"><p>Made with care</p></div>
</div></body></html>"#;
        let doc = crate::parse::read::document(html, Some(crate::parse::read::Markup::Html));
        let (_, sections) = super::super::sections::split(super::super::lines::lines(&doc));
        let sections = split_by_container(sections);
        let kinds: Vec<(Kind, usize)> = sections.iter().map(|s| (s.kind, s.lines.len())).collect();
        // The footer box points nowhere: it stays with the heading's section, as before.
        assert_eq!(
            kinds,
            [(Kind::Contact, 2), (Kind::Work, 4), (Kind::Education, 4), (Kind::Contact, 1)]
        );
        // Without containers nothing moves.
        let md = "## Contact\n\njane@example.com\n\n- BSc Ceramics, Northwind University, 2010-2014\n- MSc Glazes, Eastfield College, 2014-2016\n";
        let (_, sections) = super::super::sections::split(from_markdown(md));
        assert_eq!(split_by_container(sections).len(), 1);
    }

    #[test]
    fn a_work_heading_over_labelled_term_lists_is_skills() {
        let md = "### Kiln Systems\n\nFamiliar with Gasfire (Model A, Model B), Woodburn, Electra and Rakumatic.\n\n\
                  ### Glazes\n\nExperience using Celadon, Tenmoku, Shino and ash glazes.\n";
        assert_eq!(instead_of_work(&from_markdown(md)), Some(Kind::Skills));
        // Jobs under labels stay work: the labels name employers, the lines job titles.
        let jobs = "### Acme Corp\n\nSenior Engineer, 2019 - 2021\n\n### Globex Ltd\n\nAnalyst, 2015 - 2019\n";
        assert_eq!(instead_of_work(&from_markdown(jobs)), None);
        let duties = "### Kilns\n\nFired, glazed, and packed the pots.\n\n### Shop\n\nSold mugs.\n";
        assert_eq!(instead_of_work(&from_markdown(duties)), None);
        // Degrees at schools with dates, no job title: study, whatever the heading said.
        let study = "- BSc Physics, Northfield University, 2010-2014\n- MSc Optics, Southbank University, 2014-2016\n";
        assert_eq!(instead_of_work(&from_markdown(study)), Some(Kind::Education));
        // Posts at universities are work, however many schools they name.
        let posts = "- Glaze Assistant, Northfield University, 2016-2018\n- PhD, Southbank University, 2012-2016\n- MSc, Southbank University, 2010-2012\n";
        assert_eq!(instead_of_work(&from_markdown(posts)), None);
        assert_eq!(top_level_parts("Java (Swing, AWT), PHP, Perl"), 3);
    }

    #[test]
    fn a_heading_that_only_says_personal_over_short_items_lists_pastimes() {
        let title = |t: &str, md: &str| by_heading_and_content(t, &from_markdown(md));
        let hobbies = "- Hiking: fells, ridges\n- Cinema\n- Board games (chess & go)\n";
        assert_eq!(title("Kişisel", hobbies), Some(Kind::Interests));
        assert_eq!(title("Osobiste", "Rowing · Chess · Baking · Friends\n"), Some(Kind::Interests));
        // Personal data under the same word is not a pastime; nor is the same list under
        // another unknown heading.
        let data = "- Nationality: Freedonian\n- Marital status: single\n";
        assert_ne!(title("Kişisel", data), Some(Kind::Interests));
        assert_ne!(title("Odds and ends", hobbies), Some(Kind::Interests));
    }

    #[test]
    fn posts_held_at_universities_are_work_not_study() {
        let visits = "- Glaze Chemist, Northwind University, 2018
                      - Kiln Technician, Southbank University, 2015-2016
                      - Visiting Lecturer, Eastfield College, 2012
";
        assert_eq!(by_content(&from_markdown(visits)), Some(Kind::Work));
        // A degree named with the school is still study.
        let degrees = "- MSc Optics, Northwind University, 2014-2016
                       - BSc Physics, Southbank University, 2010-2014
";
        assert_eq!(by_content(&from_markdown(degrees)), Some(Kind::Education));
    }

    #[test]
    fn a_catch_all_section_item_by_item() {
        let md = "- Certified Welding Inspector, 2021\n- Volunteer coach at the Eastfield swim club\n\
                  - Spoken: English, Tamil\n- Git, Make, Bash, Vim\n- Grew up on a farm near the coast\n";
        let kinds: Vec<Option<Kind>> =
            items_by_content(&from_markdown(md)).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            [Some(Kind::Certificates), Some(Kind::Volunteer), None, Some(Kind::Skills), None]
        );
        // A dated table row is an entry, however short its cells; an undated row of short
        // terms is a list of tools.
        let rows = "| 2019 | Entrant, Kiln Hackathon | Northwind University |\n|---|---|---|\n\
                    | 2021 | Juror, Glaze Cup | Eastfield College |\n";
        let kinds: Vec<Option<Kind>> =
            items_by_content(&from_markdown(rows)).into_iter().map(|(k, _)| k).collect();
        assert!(!kinds.contains(&Some(Kind::Skills)), "{kinds:?}");
        let tools = "| Git | Make | Vim |\n|---|---|---|\n| Bash | Rust | Go |\n";
        let kinds: Vec<Option<Kind>> =
            items_by_content(&from_markdown(tools)).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [Some(Kind::Skills)]);
        // Alike items in a row stay one group, in source order.
        let two = "- Welding course (40 hours)\n- First aid course\n";
        let groups = items_by_content(&from_markdown(two));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].1.len(), 2);
    }

    #[test]
    fn undated_entries_that_name_themselves_projects() {
        let read = |md: &str| super::super::entries::read(&from_markdown(md)).1;
        let projects = "**Tide Tables App – Group Project**\n\n- Built the tide charts\n\n**Recipe Finder — Solo Project**\n\n- Wrote the search\n";
        assert!(entries_are_projects(&read(projects)));
        let jobs = "**Project Manager**, Initech GmbH, 2019-2022\n\n- Ran the projects\n\n**Analyst**, Globex, 2015-2019\n";
        assert!(!entries_are_projects(&read(jobs)));
        let undated = "**Project Manager**, Initech GmbH\n\n**Barista**, Globex Coffee\n";
        assert!(!entries_are_projects(&read(undated)));
    }
}
