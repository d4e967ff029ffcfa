//! Interpretation: the document tree ([`Document`]) into the model, whatever format the tree
//! was read from.
//!
//! Stages, one module each: [`lines`] (the tree as lines with their place in it) →
//! [`sections`] → [`contact`] (header) → [`entries`] and [`lists`] (entries and fields, with
//! [`roles`] and [`places`] over the [vocabulary](crate::parse::vocab) and the
//! [date grammar](crate::parse::dates), weighted by [`weights`]) → [`leftovers`] (text not
//! placed anywhere is kept). A Markdown file's YAML front matter ([`front_matter`]) overrides
//! what was found.

pub mod classify;
pub mod contact;
pub mod education;
pub mod entries;
pub mod forms;
pub mod front_matter;
pub mod groups;
pub mod items;
pub mod leftovers;
pub mod lines;
pub mod lists;
pub mod places;
pub mod roles;
pub mod sections;
#[cfg(test)]
pub(crate) mod testing;
pub mod weights;

use std::collections::HashSet;

use super::Parsed;
use super::doc::Document;
use crate::diag::Diagnostic;
use crate::model::{Basics, Resume, Volunteer, Work};
use entries::Entry;
use lines::Line;
use sections::{Kind, Section};

/// Interprets a document tree. Never panics; every input gives a schema-shaped resume.
pub fn interpret(doc: Document) -> Parsed {
    let lines = lines::lines(&doc);
    // The blocks are read into lines; only the metadata is needed from here on.
    let Document { meta, front_matter, .. } = doc;
    let mut diagnostics = Vec::new();
    let texts: Vec<(u32, String)> = lines.iter().map(|l| (l.source, l.text.clone())).collect();
    let meta_name = meta
        .iter()
        .find(|(k, _)| matches!(k.as_str(), "name" | "title" | "author"))
        .map(|(_, v)| v.as_str());
    let mut kept = HashSet::new();
    let mut resume = read(lines, meta_name, &mut kept, &mut diagnostics);
    leftovers::keep_unplaced(&texts, &kept, &mut resume, &mut diagnostics);
    if let Some((_, rest)) = meta.iter().find(|(k, _)| k == crate::parse::read::UNREAD) {
        let first = crate::parse::read::MAX_LINES + 1;
        diagnostics.push(
            Diagnostic::warning(format!(
                "the file has more lines than any resume; the text from line {first} on was not read and is kept under `unsortedSections`"
            ))
            .at(first, 1)
            .hint("import the resume itself, without the data around it"),
        );
        leftovers::add_unsorted(&mut resume, "Unread text", rest);
    }
    if let Some(front) = &front_matter {
        front_matter::apply(&mut resume, front, &mut diagnostics);
    }
    guesses(&resume, &mut diagnostics);
    if resume.name().is_none() {
        diagnostics.push(
            Diagnostic::warning("no name found: set basics.name")
                .field("basics.name")
                .hint("add the name as the first line of the resume, or set it in the YAML"),
        );
    }
    Parsed { resume, diagnostics }
}

/// Warnings for what was only guessed or not found, so the person knows what to check.
fn guesses(resume: &Resume, diagnostics: &mut Vec<Diagnostic>) {
    for (i, w) in resume.work.iter().enumerate() {
        let what = w.position.as_deref().or(w.name.as_deref()).unwrap_or("an entry");
        if w.name.is_none() {
            diagnostics.push(
                Diagnostic::warning(format!("no employer found for \"{what}\""))
                    .field(format!("work[{i}].name"))
                    .hint("set the employer's name, or remove the entry if it is not a job"),
            );
        }
        if w.position.is_none() {
            diagnostics.push(
                Diagnostic::warning(format!("no job title found for \"{what}\""))
                    .field(format!("work[{i}].position")),
            );
        }
    }
    if resume.work.is_empty() && resume.education.is_empty() {
        diagnostics.push(
            Diagnostic::warning("no work or education entries found")
                .hint("headings such as \"Experience\" and \"Education\" help the importer"),
        );
    }
}

/// Everything after the lines are read: sections, header, entries. `meta_name` is a name the
/// document's metadata gives.
/// `kept` collects the source lines accounted for: text that went to `unsortedSections` whole,
/// and headings that named their section.
fn read(
    all: Vec<Line>,
    meta_name: Option<&str>,
    kept: &mut HashSet<u32>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Resume {
    let mut on_source: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for l in &all {
        *on_source.entry(l.source).or_default() += 1;
    }
    // Links of every line, headings included: a page's "Contact me" heading may be the
    // `mailto:` link itself.
    let every: Vec<&Line> = all.iter().collect();
    let (linked_email, linked_phone) =
        (contact::linked(&every, "mailto:"), contact::linked(&every, "tel:"));
    let (head, sections) = sections::split(all);
    let mut sections = classify::split_by_container(sections);
    // A heading that named its section is read, whatever its words ("Where I have worked");
    // only a source line holding nothing else.
    kept.extend(
        sections
            .iter()
            .filter(|s| s.kind != Kind::Other && on_source.get(&s.source) == Some(&1))
            .map(|s| s.source),
    );
    // "Experience: None": a line saying there is nothing is no entry; the person is told
    // where it was, as for any text not carried into the resume.
    for s in &mut sections {
        s.lines.retain(|l| {
            if !crate::parse::vocab::sections::is_nothing(&l.text) {
                return true;
            }
            diagnostics.push(
                Diagnostic::warning(format!(
                    "\"{}\" under \"{}\" says there is nothing there; no entry was made of it",
                    l.text.trim(),
                    s.title
                ))
                .at(l.source as usize, 1)
                .hint("delete the line, or write the entries it stands for"),
            );
            false
        });
    }
    // "My GitHub profile page: https://github.com/jane" at the end of some section is the
    // person's contact detail, not that section's content (a referee's are the referee's).
    let mut found_contacts: Vec<Line> = Vec::new();
    for s in sections.iter_mut().filter(|s| !matches!(s.kind, Kind::Contact | Kind::References)) {
        let (contact_lines, rest): (Vec<Line>, Vec<Line>) = std::mem::take(&mut s.lines)
            .into_iter()
            .partition(|l| l.heading.is_none() && contact::introduces_contact(&l.text));
        s.lines = rest;
        found_contacts.extend(contact_lines);
    }
    for s in sections.iter_mut().filter(|s| s.kind == Kind::Other) {
        if let Some(kind) = classify::by_heading_and_content(&s.title, &s.lines) {
            s.kind = kind;
        }
    }
    for s in sections.iter_mut().filter(|s| s.kind == Kind::Work) {
        if let Some(kind) = classify::instead_of_work(&s.lines) {
            s.kind = kind;
        }
    }
    let mut contacts = contact::Contacts::default();
    let mut resume = Resume::default();
    let mut summary: Vec<String> = Vec::new();
    let mut unsorted: Vec<Kept> = Vec::new();

    let header_lines: Vec<Line>;
    let mut basics;
    if sections.is_empty() {
        // No headings at all: the header is what precedes the prose, the rest is read as
        // entries introduced by their sentences.
        let cut = head.iter().position(|l| l.words() > 14 || l.bullet).unwrap_or(head.len());
        header_lines = head[..cut].to_vec();
        basics = contact::header(&header_lines, &mut contacts, meta_name);
        let body: Vec<Line> = head[cut..].to_vec();
        headingless(&body, &mut resume, &mut summary, &mut contacts);
        if !resume.work.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "no section headings found: entries were guessed from the prose",
                )
                .hint("check the work entries, or add headings such as \"Experience\""),
            );
        }
    } else {
        basics = contact::header(&head, &mut contacts, meta_name);
        let used = contacts.used.clone();
        for (i, l) in head.iter().enumerate() {
            // Fields and table rows before the sections are personal data, not a summary.
            let taken = used.contains(&i)
                || l.field.is_some()
                || !l.cols.is_empty()
                || Some(&l.text) == basics.name.as_ref()
                || Some(&l.text) == basics.label.as_ref()
                || l.text.trim_start_matches('#').trim() == basics.name.as_deref().unwrap_or("")
                || crate::parse::vocab::titles::titled_name(&l.text).is_some()
                || basics.name.as_ref().zip(basics.label.as_ref()).is_some_and(|(n, b)| {
                    l.text.contains(n.as_str()) && l.text.contains(b.as_str())
                });
            // "Objective: …" before the sections is the summary, without its label.
            let labelled = l
                .text
                .split_once(':')
                .filter(|(label, _)| sections::lexicon(label) == Some(Kind::Summary))
                .map(|(_, v)| v.trim().to_string());
            if let (false, Some(v)) = (taken, labelled) {
                summary.push(v);
            } else if !taken && l.words() > 3 {
                summary.push(l.text.clone());
            }
        }
        for s in &sections {
            section(s, &mut resume, &mut summary, &mut contacts, &mut unsorted, diagnostics);
        }
    }
    contact::scan(&found_contacts, &mut contacts);
    let all: Vec<&Line> = head.iter().chain(sections.iter().flat_map(|s| s.lines.iter())).collect();
    contact::profiles_elsewhere(&all, &mut contacts);
    if contacts.email.is_none() {
        contacts.email = all.iter().find_map(|l| contact::email_in(&l.text)).or(linked_email);
    }
    if contacts.phone.is_none() {
        contacts.phone = linked_phone;
    }
    if contacts.url.is_none()
        && let Some(email) = &contacts.email
    {
        contacts.url = contact::own_site(&all, email);
    }
    if basics.name.is_none() {
        basics.name = contacts.name.take().or_else(|| contact::labelled_name(&head));
    }
    if basics.name.is_none() {
        // Profile exports put the name after a sidebar: a name-like line near the top
        // followed by a headline with a job title.
        if let Some((name, headline)) = contact::name_with_headline(&all) {
            basics.name = Some(name);
            basics.label = basics.label.or(Some(headline));
        }
    }
    // "Languages: …" among the personal details, unless a languages section names them too.
    for l in contacts.languages {
        if !resume.languages.iter().any(|k| k.language == l.language) {
            resume.languages.push(l);
        }
    }
    basics.email = contacts.email;
    basics.phone = contacts.phone;
    basics.url = contacts.url;
    basics.profiles = contacts.profiles;
    basics.location = contacts.location;
    if !summary.is_empty() {
        basics.summary = Some(summary.join("\n\n"));
    }
    if basics != Basics::default() {
        resume.basics = Some(basics);
    }
    drop_bare_ratings(&mut resume);
    for k in unsorted {
        kept.extend(k.sources.iter().copied());
        leftovers::add_unsorted(&mut resume, &k.title, &k.text);
        diagnostics.push(
            Diagnostic::warning(format!(
                "the text under \"{}\" has no place in a JSON Resume section; kept under `unsortedSections`",
                k.title
            ))
            .at(k.source as usize, 1)
            .hint("move what belongs to a section there, or delete it"),
        );
    }
    resume
}

/// A rating standing in a cell or item of its own ("■■■□", "80 %", "4/5") names no skill:
/// ratings are dropped, as they are beside a name.
fn drop_bare_ratings(resume: &mut Resume) {
    for s in &mut resume.skills {
        s.keywords.retain(|k| !groups::is_rating(k));
        if s.name.as_deref().is_some_and(groups::is_rating) {
            s.name = None;
        }
    }
    resume.skills.retain(|s| s.name.is_some() || !s.keywords.is_empty());
}

/// The lines without the paragraphs that hold a boilerplate formula; `None` when there are
/// none (the lines stand as they are).
fn without_boilerplate(lines: &[Line]) -> Option<Vec<Line>> {
    let paras: HashSet<usize> = lines
        .iter()
        .filter(|l| l.heading.is_none() && items::is_boilerplate(&l.text))
        .map(|l| l.para)
        .collect();
    if paras.is_empty() {
        return None;
    }
    let mut out: Vec<Line> = Vec::new();
    let mut dropped: Option<&Line> = None;
    for l in lines {
        // A line of the same block that goes on in lower case or with a number continues the
        // formula ("… ai sensi del D. Lgs." / "196/2003.").
        let continues = dropped.is_some_and(|d| {
            d.block == l.block && l.text.starts_with(|c: char| c.is_lowercase() || c.is_numeric())
        });
        if paras.contains(&l.para) || continues {
            dropped = Some(l);
        } else {
            dropped = None;
            out.push(l.clone());
        }
    }
    Some(out)
}

/// The source lines of `lines` whose text is part of `texts` (paragraphs made of them), so
/// that text kept whole is not kept a second time as unplaced lines.
fn sources_of(lines: &[Line], texts: &[String]) -> Vec<u32> {
    lines
        .iter()
        .filter(|l| !l.text.is_empty() && texts.iter().any(|t| t.contains(&l.text)))
        .map(|l| l.source)
        .collect()
}

/// Text of a section that has no place in the model, kept with where it came from.
struct Kept {
    title: String,
    text: String,
    source: u32,
    /// The source lines the text holds, when known.
    sources: Vec<u32>,
}

/// Files one section's content into the resume.
fn section(
    s: &Section,
    resume: &mut Resume,
    summary: &mut Vec<String>,
    contacts: &mut contact::Contacts,
    unsorted: &mut Vec<Kept>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let keep = |unsorted: &mut Vec<Kept>, title: &str, text: Vec<String>, sources: Vec<u32>| {
        if !text.is_empty() {
            let source = sources
                .first()
                .copied()
                .unwrap_or_else(|| s.lines.first().map_or(s.source, |l| l.source));
            let text = text.join("\n\n");
            unsorted.push(Kept { title: title.to_string(), text, source, sources });
        }
    };
    // A consent or "upon request" formula, with the lines its paragraph wraps onto, is no
    // item of any section.
    if let Some(clean) = without_boilerplate(&s.lines) {
        let part = Section { lines: clean, ..s.clone() };
        return section(&part, resume, summary, contacts, unsorted, diagnostics);
    }
    // Entries written as forms: their labels say which field each line is.
    if matches!(s.kind, Kind::Work | Kind::Volunteer | Kind::Education)
        && let Some(lines) = forms::read(&s.lines)
    {
        let part = Section { lines, ..s.clone() };
        return section(&part, resume, summary, contacts, unsorted, diagnostics);
    }
    match &s.kind {
        Kind::Summary => summary.extend(entries::paragraphs(&s.lines)),
        Kind::Work => {
            let (intro, entries) = entries::read(&s.lines);
            // An "Experience" section that lists projects, not jobs, is read as projects.
            if classify::entries_are_projects(&entries) {
                resume.projects.extend(items::projects(&s.lines));
                return;
            }
            let sources = sources_of(&s.lines, &intro);
            keep(unsorted, &s.title, intro, sources);
            resume.work.extend(entries.into_iter().map(to_work));
        }
        Kind::Volunteer => {
            // "Activities" mixes roles with other things: a one-line certificate, languages
            // line, list of tools or honour among them goes where it belongs.
            let (elsewhere, roles) = classify::not_roles(&s.lines);
            for (kind, lines) in elsewhere {
                let part = Section { kind, lines, ..s.clone() };
                section(&part, resume, summary, contacts, unsorted, diagnostics);
            }
            // A flat list and nothing else: in an activities list each item is a role.
            if let Some(items) = lists::flat_items(&roles)
                && let Some(entries) = entries::one_line_roles(&items)
            {
                resume.volunteer.extend(entries.into_iter().map(to_volunteer));
                return;
            }
            let (intro, entries) = entries::read(&roles);
            let sources = sources_of(&s.lines, &intro);
            keep(unsorted, &s.title, intro, sources);
            resume.volunteer.extend(entries.into_iter().map(to_volunteer));
        }
        Kind::Education => {
            let (education, certificates, awards) = education::read(&s.lines);
            resume.education.extend(education);
            resume.certificates.extend(certificates);
            resume.awards.extend(awards);
        }
        // "Systems languages" listing C and Java names no spoken language: a skills group.
        Kind::Languages
            if !lists::names_spoken_language(&s.lines)
                && let Some(skills) = lists::heading_group(&s.title, &s.lines) =>
        {
            resume.skills.extend(skills)
        }
        Kind::Skills | Kind::Languages | Kind::Interests => {
            let l = lists::lists(&s.lines, s.kind);
            resume.skills.extend(l.skills);
            resume.languages.extend(l.languages);
            resume.interests.extend(l.interests);
            resume.certificates.extend(l.certificates);
            if let Some(n) = l.oversized {
                diagnostics.push(
                    Diagnostic::warning(format!(
                        "the list under \"{}\" has {n} items, more than a resume lists; it was not read",
                        s.title
                    ))
                    .at(s.source as usize, 1)
                    .hint("check that this is the resume's text; the list is kept under `unsortedSections`"),
                );
            }
            let (sources, text): (Vec<u32>, Vec<String>) = l.prose.into_iter().unzip();
            keep(unsorted, &s.title, text, sources);
        }
        Kind::Awards => resume.awards.extend(items::awards(&s.lines)),
        Kind::Certificates => resume.certificates.extend(items::certificates(&s.lines)),
        Kind::Publications => resume.publications.extend(items::publications(&s.lines)),
        Kind::Projects => resume.projects.extend(items::projects(&s.lines)),
        Kind::References => resume.references.extend(items::references(&s.lines)),
        Kind::Contact => {
            contact::scan(&s.lines, contacts);
            let named = s.title.eq_ignore_ascii_case("name");
            let first = s.lines.first().filter(|_| named).map(|l| l.text.clone());
            contacts.name =
                contacts.name.take().or_else(|| contact::labelled_name(&s.lines)).or(first);
        }
        Kind::Junk => {}
        Kind::Other => {
            // A catch-all section: each item goes where it belongs; the rest is kept as text.
            let by_item = classify::items_by_content(&s.lines);
            // Under a heading that names no section, a list of tools and nothing else is a
            // skills group the heading names.
            let tools = by_item.iter().any(|(k, _)| *k == Some(Kind::Skills))
                && by_item.iter().all(|(k, _)| matches!(k, Some(Kind::Skills) | None));
            if tools && let Some(skills) = lists::heading_group(&s.title, &s.lines) {
                resume.skills.extend(skills);
                return;
            }
            for (kind, lines) in by_item {
                match kind {
                    Some(kind) => {
                        let part = Section { kind, lines, ..s.clone() };
                        section(&part, resume, summary, contacts, unsorted, diagnostics);
                    }
                    None => {
                        let text = lines.iter().map(|l| l.text.clone()).collect();
                        keep(unsorted, &s.title, text, lines.iter().map(|l| l.source).collect());
                    }
                }
            }
        }
        Kind::Talks => {
            let text: Vec<String> = s.lines.iter().map(|l| l.text.clone()).collect();
            let sources = s.lines.iter().map(|l| l.source).collect();
            keep(unsorted, &s.title, text, sources);
        }
    }
}

/// A resume without headings: leading prose is the summary, sentences that introduce an
/// employer start work entries, and a closing list that mixes contact details with other
/// items is the document's footer (contacts and achievements), not an entry's highlights.
fn headingless(
    body: &[Line],
    resume: &mut Resume,
    summary: &mut Vec<String>,
    contacts: &mut contact::Contacts,
) {
    let tail_start = trailing_list(body);
    let (intro, entries) = entries::read(&body[..tail_start]);
    // Only the paragraphs before the first entry are the summary.
    summary.extend(intro);
    for l in &body[tail_start..] {
        let t = l.text.trim();
        if items::is_boilerplate(t) {
            continue;
        }
        let before = contacts.profiles.len() + contacts.used.len();
        contact::scan(std::slice::from_ref(l), contacts);
        if contacts.profiles.len() + contacts.used.len() > before || contact::is_contact_line(t) {
            continue;
        }
        resume.awards.push(items::award(t));
    }
    resume.work.extend(entries.into_iter().map(to_work));
}

/// Where a closing bullet list that holds contact details begins (or the end).
fn trailing_list(body: &[Line]) -> usize {
    let mut start = body.len();
    while start > 0 && body[start - 1].item.is_some() {
        start -= 1;
    }
    let tail = &body[start..];
    let contactish =
        tail.iter().any(|l| contact::is_contact_line(&l.text) || items::is_boilerplate(&l.text));
    if contactish { start } else { body.len() }
}

fn joined(parts: Vec<String>) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.trim().is_empty()).collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

fn to_work(e: Entry) -> Work {
    Work {
        name: e.name,
        position: e.position,
        location: e.location,
        start_date: e.start,
        end_date: e.end,
        summary: joined(e.summary),
        highlights: e.highlights,
        ..Default::default()
    }
}

fn to_volunteer(e: Entry) -> Volunteer {
    Volunteer {
        organization: e.name,
        position: e.position,
        start_date: e.start,
        end_date: e.end,
        summary: joined(e.summary),
        highlights: e.highlights,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::read;

    fn parse(text: &str, markdown: bool) -> Parsed {
        interpret(read::document(text, markdown.then_some(read::Markup::Markdown)))
    }

    #[test]
    fn a_summary_keeps_a_short_line_of_section_words() {
        let text = "# Ann Example\n\n## Summary\n\nI build things; see [Portfolio](https://a.example/work) and\n[my talks](https://talks.example.org).\n\n## Experience\n\n- Engineer, Acme, 2019 - 2021\n";
        let basics = parse(text, true).resume.basics.unwrap_or_default();
        let summary = basics.summary.unwrap_or_default();
        assert!(summary.contains("Portfolio and") && summary.contains("my talks"), "{summary}");
    }

    #[test]
    fn a_page_gives_its_address_and_number_in_links_and_links_to_its_own_pages_are_no_site() {
        let page = "<html><body><h1>Ann Example</h1><p><a href=\"./index.html\">Home</a></p><h2>Experience</h2><p>Potter, Clayworks, 2019 - 2021</p><h2><a href=\"mailto:ann@example.org\">Write to me</a></h2><p><a href=\"tel:+15550104477\">Call me</a></p></body></html>";
        let r = interpret(read::document(page, Some(read::Markup::Html))).resume;
        let b = r.basics.unwrap_or_default();
        assert_eq!(b.email.as_deref(), Some("ann@example.org"));
        assert_eq!(b.phone.as_deref(), Some("+15550104477"));
        assert_eq!(b.url, None);
    }

    #[test]
    fn icon_links_with_no_text_give_the_address_and_profiles() {
        // A header of icons (an envelope, a logo) and a footer of image links: the links have no
        // text of their own, so their paragraphs have none either.
        let page = "<html><body><h1>Jane Roe</h1><p><a href=\"mailto:jane@example.org\"><i class=\"icon-mail\"></i></a> <a href=\"https://github.com/janeroe\"><i class=\"icon-gh\"></i></a></p><h2>Experience</h2><p>Potter, Clayworks, 2019 - 2021</p><p><a href=\"https://www.linkedin.com/in/janeroe\"><img src=\"in.png\"></a></p></body></html>";
        let r = interpret(read::document(page, Some(read::Markup::Html))).resume;
        let b = r.basics.unwrap_or_default();
        assert_eq!(b.email.as_deref(), Some("jane@example.org"));
        let networks: Vec<_> = b.profiles.iter().filter_map(|p| p.network.clone()).collect();
        assert_eq!(networks, ["GitHub", "LinkedIn"]);
        assert_eq!(r.work.len(), 1);
    }

    #[test]
    fn empty_and_junk_inputs_give_a_resume() {
        for t in ["", "\u{0}\u{feff}", "####", "- \n- \n", "1.\n1.1\n", "**", "| a |\n|---|\n"] {
            let p = parse(t, false);
            assert!(serde_json::to_value(&p.resume).is_ok());
        }
    }

    /// Each profile's network and username, in order.
    fn networks_and_users(r: Resume) -> Vec<(String, String)> {
        r.basics
            .unwrap()
            .profiles
            .iter()
            .map(|p| {
                (p.network.clone().unwrap_or_default(), p.username.clone().unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn profile_links_named_by_their_network_count_wherever_they_stand() {
        let md = "# Ada Lovelace\n\nada@example.org\n\n## Projects\n\n- [Engine](https://github.com/adal/engine)\n\n## Hobbies\n\n- Music ([SoundCloud](https://soundcloud.com/adal))\n\n---\n[LinkedIn](https://www.linkedin.com/in/adal) • [GitHub](https://github.com/adal)\n";
        let r = parse(md, true).resume;
        let profiles = networks_and_users(r);
        let expected = [("SoundCloud", "adal"), ("LinkedIn", "adal"), ("GitHub", "adal")]
            .map(|(n, u)| (n.to_string(), u.to_string()));
        assert_eq!(profiles, expected);
    }

    #[test]
    fn profile_addresses_written_out_in_plain_text_count_too() {
        let text = "Ada Roe\nada@example.org\n\nLinks\n\n- Kaggle: https://www.kaggle.com/adaroe (competitions)\n- LeetCode: https://leetcode.com/u/adaroe/ (Rust)\n";
        let r = parse(text, false).resume;
        let profiles = networks_and_users(r);
        let expected = [("Kaggle", "adaroe"), ("LeetCode", "adaroe")]
            .map(|(n, u)| (n.to_string(), u.to_string()));
        assert_eq!(profiles, expected);
    }

    #[test]
    fn reads_a_small_markdown_resume() {
        let md = "# Ada Lovelace\n\nAnalyst of engines\n\nada@example.org · London, UK\n\n## Experience\n\n### Lead Engineer at Difference Co (2019 - present)\n\n- Built the engine\n\n## Education\n\n- B.Sc. Mathematics, University of Nowhere, 2018\n\n## Skills\n\n- Languages: Rust, Go\n";
        let r = parse(md, true).resume;
        let b = r.basics.as_ref().unwrap();
        assert_eq!(b.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(b.label.as_deref(), Some("Analyst of engines"));
        assert_eq!(b.location.as_ref().and_then(|l| l.country_code.as_deref()), Some("GB"));
        assert_eq!(r.work[0].name.as_deref(), Some("Difference Co"));
        assert_eq!(r.work[0].start_date.map(|d| d.to_string()).as_deref(), Some("2019"));
        assert_eq!(r.education[0].institution.as_deref(), Some("University of Nowhere"));
        assert_eq!(r.skills[0].keywords, ["Rust", "Go"]);
    }

    #[test]
    fn sections_without_a_home_are_kept_with_a_warning_naming_their_line() {
        let p = parse(
            "# Ada Example\n\n## Talks\n\nA talk given at a conference somewhere far away\n",
            true,
        );
        let kept = &p.resume.extra["unsortedSections"][0];
        assert_eq!(kept["title"], "Talks");
        let w = p.diagnostics.iter().find(|d| d.message.contains("Talks")).expect("a warning");
        assert_eq!(w.line, Some(5));
    }

    #[test]
    fn an_experience_intro_is_kept_once_with_its_line() {
        let p = parse(
            "# Ada Example\n\n## Experience\n\nI have spent ten years building kilns for potters.\n\n### Potter, Clayworks, 2019 - 2021\n\n- Fired a kiln\n",
            true,
        );
        let kept = p.resume.extra["unsortedSections"].as_array().expect("kept text");
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(kept[0]["title"], "Experience");
        let w = p.diagnostics.iter().find(|d| d.message.contains("Experience")).expect("a warning");
        assert_eq!(w.line, Some(5));
    }

    #[test]
    fn decoration_and_consent_formulas_are_no_items() {
        let p = parse(
            "# Ada Example\n\n## Certificates\n\n- 🔗 Kiln Safety Level 2\n- ✅ Glaze Chemistry Basics\n\nAutorizzo il trattamento dei miei dati personali ai sensi del D. Lgs.\n196/2003.\n",
            true,
        );
        let names: Vec<&str> =
            p.resume.certificates.iter().filter_map(|c| c.name.as_deref()).collect();
        assert_eq!(names, ["Kiln Safety Level 2", "Glaze Chemistry Basics"]);
    }

    #[test]
    fn ratings_in_cells_of_their_own_are_no_skills() {
        let p = parse(
            "# Ada Example\n\n## Skills\n\n| Glazing | Throwing | Firing |\n|---|---|---|\n| ■■■■ | ■■■□ | 80 % |\n",
            true,
        );
        let all: Vec<&str> = p
            .resume
            .skills
            .iter()
            .flat_map(|s| s.name.iter().chain(s.keywords.iter()))
            .map(String::as_str)
            .collect();
        assert!(all.contains(&"Glazing") && all.contains(&"Firing"), "{all:?}");
        assert!(!all.iter().any(|s| s.contains('■') || s.contains('%')), "{all:?}");
    }

    #[test]
    fn a_line_saying_none_warns_with_its_line() {
        let p = parse(
            "# Ada Example\n\n## Experience\n\n- Potter, Clayworks, 2019 - 2021\n\n## Awards\n\nNone\n",
            true,
        );
        assert!(p.resume.awards.is_empty());
        let w = p.diagnostics.iter().find(|d| d.message.contains("\"None\"")).expect("a warning");
        assert!(w.message.contains("Awards"), "{}", w.message);
        assert_eq!(w.line, Some(9));
    }
}
