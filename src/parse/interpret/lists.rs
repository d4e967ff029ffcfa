//! Skills, spoken languages and interests: the groups [`groups`] reads, sorted into the
//! model's lists.

use super::groups;
use super::lines::Line;
use super::sections::{Kind, lexicon};
use crate::model::{Certificate, Interest, Language, Skill};
use crate::parse::vocab::levels;

pub use super::groups::split_items;

/// What a list section (skills, languages, interests) holds, sorted into the model's lists:
/// a skills section may hold spoken languages and interests under their own labels.
#[derive(Debug, Default)]
pub struct Lists {
    pub skills: Vec<Skill>,
    pub languages: Vec<Language>,
    pub interests: Vec<Interest>,
    pub certificates: Vec<Certificate>,
    /// Prose that is not a list, with its source line.
    pub prose: Vec<(u32, String)>,
    /// The section holds more items than any resume lists (this many): it was kept as text.
    pub oversized: Option<usize>,
}

/// More items than this in one list section is not a resume's list (a data dump, a word
/// list): it is kept as text rather than read item by item, which bounds time and memory.
pub const MAX_LIST_ITEMS: usize = 2000;

/// Reads a list section of kind `kind` (skills, languages or interests).
pub fn lists(lines: &[Line], kind: Kind) -> Lists {
    let items: usize =
        lines.iter().map(|l| 1 + l.text.bytes().filter(|b| matches!(b, b',' | b';')).count()).sum();
    if items > MAX_LIST_ITEMS {
        let prose = lines.iter().map(|l| (l.source, l.text.clone())).collect();
        return Lists { prose, oversized: Some(items), ..Default::default() };
    }
    let read = groups::read(lines, kind);
    let mut out = Lists { prose: read.prose, ..Default::default() };
    for g in read.groups {
        // A label that only names the section ("Interests: a, b") is no group of its own.
        let names_kind = g.label.as_deref().is_some_and(|l| lexicon(l) == Some(g.kind));
        match g.kind {
            // "Welsh Ability: native" names Welsh.
            Kind::Languages => match g.label.as_deref().and_then(levels::spoken_language) {
                Some(l) => out.languages.push(Language {
                    language: Some(l.to_string()),
                    fluency: (!g.items.is_empty()).then(|| g.items.join(", ")),
                    ..Default::default()
                }),
                None => out.languages.extend(
                    g.items.iter().flat_map(|i| languages_in(i)).filter_map(|i| language(&i)),
                ),
            },
            Kind::Interests => match g.label.filter(|_| !names_kind) {
                Some(l) => out.interests.push(Interest {
                    name: Some(l),
                    keywords: g.items.iter().map(|i| groups::unrate(i).0).collect(),
                    ..Default::default()
                }),
                None => out.interests.extend(
                    g.items
                        .iter()
                        .map(|i| Interest { name: Some(i.clone()), ..Default::default() }),
                ),
            },
            Kind::Certificates => out.certificates.extend(
                g.items.iter().map(|i| Certificate { name: Some(i.clone()), ..Default::default() }),
            ),
            _ => match g.label {
                Some(l) => out.skills.push(Skill {
                    name: Some(l),
                    keywords: g.items.iter().map(|i| groups::unrate(i).0).collect(),
                    ..Default::default()
                }),
                None => out.skills.extend(g.items.iter().map(|i| {
                    let (name, level) = groups::unrate(i);
                    Skill { name: Some(name), level, ..Default::default() }
                })),
            },
        }
    }
    if kind == Kind::Languages {
        // "I speak Welsh natively and some Greek": the languages a sentence names are read;
        // the sentence itself stays as text, since what it says of them is no one level.
        for (_, text) in &out.prose {
            for name in levels::languages_named(text) {
                out.languages
                    .push(Language { language: Some(name.to_string()), ..Default::default() });
            }
        }
    }
    out.languages = with_levels_below(std::mem::take(&mut out.languages));
    out
}

/// "English" over "Native", "Japanese" over "Advanced": a level alone on the line under a
/// language is that language's fluency, not a language of its own.
fn with_levels_below(languages: Vec<Language>) -> Vec<Language> {
    let mut out: Vec<Language> = Vec::with_capacity(languages.len());
    for l in languages {
        let level_only = l.fluency.is_none()
            && l.language
                .as_deref()
                .is_some_and(|t| levels::is_level(t) && !levels::is_language(t));
        match out.last_mut() {
            Some(prev) if level_only && prev.fluency.is_none() => prev.fluency = l.language,
            _ => out.push(l),
        }
    }
    out
}

/// The items under a heading that names no section ("Change tracking", "Compiled
/// languages") read as one skills group named by the heading: its items split at top-level
/// commas are the keywords, and a `Label: a, b` item is a group of its own. `None` unless
/// every item is a few terms (no sentence) and some item lists terms.
pub fn heading_group(title: &str, lines: &[Line]) -> Option<Vec<Skill>> {
    let title = title.trim().trim_end_matches(':').trim();
    if title.is_empty() {
        return None;
    }
    let items = item_texts(lines);
    let terms_only = items.iter().all(|t| {
        // "tilemaps...": an ellipsis ends a list, not a sentence.
        let t = t.strip_suffix("...").or_else(|| t.strip_suffix('…')).unwrap_or(t);
        let words = t.split_whitespace().count();
        words <= 16 && !t.ends_with(['.', '!', '?']) && !t.contains(". ")
    });
    let listing = items.iter().any(|t| split_items(labelled(t).map_or(t, |(_, r)| r)).len() >= 2);
    if items.is_empty() || !terms_only || !listing {
        return None;
    }
    let mut own = Skill { name: Some(title.to_string()), ..Default::default() };
    let mut labelled_groups = Vec::new();
    for t in &items {
        match labelled(t) {
            Some((label, rest)) => labelled_groups.push(Skill {
                name: Some(label.to_string()),
                keywords: split_items(rest),
                ..Default::default()
            }),
            None => own.keywords.extend(split_items(t)),
        }
    }
    let mut out = Vec::new();
    if !own.keywords.is_empty() {
        out.push(own);
    }
    out.extend(labelled_groups);
    Some(out)
}

/// Whether any item of a languages list names a spoken language.
pub fn names_spoken_language(lines: &[Line]) -> bool {
    item_texts(lines).iter().flat_map(|t| split_items(t)).any(|i| {
        let (name, _) = groups::unrate(&i);
        name.split(|c: char| !c.is_alphabetic()).any(levels::is_language)
    })
}

/// The items of one flat list that is all the lines hold (each item's lines joined); `None`
/// when there is anything else (a heading, a table row, prose, a nested item).
pub fn flat_items(lines: &[Line]) -> Option<Vec<String>> {
    let flat = !lines.is_empty()
        && lines.iter().all(|l| {
            l.item.is_some()
                && l.depth == lines[0].depth
                && l.heading.is_none()
                && l.cols.is_empty()
                && !l.term
        });
    flat.then(|| item_texts(lines))
}

/// The text of each list item (its lines joined), or of each line outside lists.
fn item_texts(lines: &[Line]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        let continues = k > 0 && l.item.is_some() && l.item == lines[k - 1].item;
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(&l.text);
            }
            _ => out.push(l.text.clone()),
        }
    }
    out
}

/// "Build helper: Grunt, Gulp": a short label and the items after it.
fn labelled(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.split_once(": ")?;
    let words = label.split_whitespace().count();
    ((1..=4).contains(&words) && !rest.trim().is_empty()).then(|| (label.trim(), rest.trim()))
}

/// "Welsh, Greek (B1)": one item naming several spoken languages, each with its own
/// level, is one item per language; any other item stays whole.
fn languages_in(item: &str) -> Vec<String> {
    let parts = split_items(item);
    let all_languages = parts.iter().all(|p| {
        let (name, _) = groups::unrate(p);
        levels::is_language(&name) || groups::language_first(&name).is_some()
    });
    if parts.len() >= 2 && all_languages { parts } else { vec![item.to_string()] }
}

/// A spoken language and its level: "French (native)", "German – B2", "Deutsch".
fn language(item: &str) -> Option<Language> {
    // "Welsh: written and read", "Welsh Ability: native": the language, then what is said
    // of it.
    if let Some((label, note)) = item.split_once(':')
        && let Some(name) = levels::spoken_language(label)
        && !note.trim().is_empty()
    {
        let fluency = Some(note.trim().trim_end_matches('.').to_string());
        return Some(Language { language: Some(name.to_string()), fluency, ..Default::default() });
    }
    let (name, level) = groups::unrate(item);
    let name = name.trim_end_matches([':', '.']).trim().to_string();
    // "Anglais scientifique": the language, then what is said of it.
    if level.is_none()
        && let Some((language, note)) = groups::language_first(&name)
    {
        return Some(Language { language: Some(language), fluency: note, ..Default::default() });
    }
    if name.is_empty() || name.split_whitespace().count() > 4 {
        return None;
    }
    Some(Language { language: Some(name), fluency: level, ..Default::default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::{from_markdown, from_plain};

    #[test]
    fn languages_named_in_a_sentence_or_beside_a_label_word() {
        let l = lists(
            &from_markdown(
                "I speak Welsh at home and my Greek is good enough for work and travel.\n\n- Danish Ability: written and read\n",
            ),
            Kind::Languages,
        );
        let langs: Vec<(Option<&str>, Option<&str>)> =
            l.languages.iter().map(|g| (g.language.as_deref(), g.fluency.as_deref())).collect();
        assert_eq!(
            langs,
            [
                (Some("Danish"), Some("written and read")),
                (Some("Welsh"), None),
                (Some("Greek"), None)
            ]
        );
        assert_eq!(l.prose.len(), 1, "the sentence is kept as text");
        // Among the skills, a term naming a language beside "Ability" is a language.
        let l =
            lists(&from_markdown("- Tools: Kiln, Wheel\n- Welsh Ability: native\n"), Kind::Skills);
        let langs: Vec<(Option<&str>, Option<&str>)> =
            l.languages.iter().map(|g| (g.language.as_deref(), g.fluency.as_deref())).collect();
        assert_eq!(langs, [(Some("Welsh"), Some("native"))]);
        assert_eq!(l.skills.len(), 1);
    }

    #[test]
    fn languages_of_people_not_of_machines() {
        for t in ["Natural languages", "Spoken Languages"] {
            assert_eq!(lexicon(t), Some(Kind::Languages), "{t}");
        }
    }

    #[test]
    fn skills_lists_and_groups() {
        let l = lists(
            &from_markdown(
                "* C++/C\n* Alerting (icinga and friends)\n\nLanguages: Rust, Go (mostly); Python.\n\nI have used many tools for a long time and I like them all very much.\n",
            ),
            Kind::Skills,
        );
        let (s, prose) = (l.skills, l.prose);
        let names: Vec<&str> = s.iter().filter_map(|s| s.name.as_deref()).collect();
        assert_eq!(names, ["C++/C", "Alerting (icinga and friends)", "Languages"]);
        assert_eq!(s[2].keywords, ["Rust", "Go (mostly)", "Python"]);
        assert_eq!(prose.len(), 1);
    }

    #[test]
    fn spoken_languages_among_the_skills_and_slashed_lists() {
        let l = lists(
            &from_markdown(
                "Foreign languages\n\nEsperanto, Deutsch, Español\n\nTeamwork / Patience / Kiln safety\n\nLangues: Anglais scientifique\n\nTools: Wheel, Kiln\n",
            ),
            Kind::Skills,
        );
        let langs: Vec<(Option<&str>, Option<&str>)> =
            l.languages.iter().map(|g| (g.language.as_deref(), g.fluency.as_deref())).collect();
        assert_eq!(
            langs,
            [
                (Some("Esperanto"), None),
                (Some("Deutsch"), None),
                (Some("Español"), None),
                (Some("Anglais"), Some("scientifique")),
            ]
        );
        let names: Vec<&str> = l.skills.iter().filter_map(|s| s.name.as_deref()).collect();
        assert_eq!(names, ["Teamwork", "Patience", "Kiln safety", "Tools"]);
    }

    #[test]
    fn a_heading_that_names_no_section_names_its_group() {
        let lines = from_plain("* Make, Ninja\n* Bazel\n* Linters: ruff, clippy...\n");
        let s = heading_group("BUILD TOOLS", &lines).expect("a group");
        let got: Vec<(Option<&str>, Vec<&str>)> = s
            .iter()
            .map(|s| (s.name.as_deref(), s.keywords.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("BUILD TOOLS"), vec!["Make", "Ninja", "Bazel"]),
                (Some("Linters"), vec!["ruff", "clippy"]),
            ]
        );
        assert!(
            heading_group("WHAT I DID", &from_plain("* Shipped the new build system.\n")).is_none()
        );
        assert!(!names_spoken_language(&from_plain("* C, C++, Java\n")));
        assert!(names_spoken_language(&from_plain("* English (native), Welsh\n")));
    }

    #[test]
    fn languages_each_with_a_note_after_a_colon() {
        // A line of the skills listing languages as "Language: what is said of it".
        let l = lists(
            &from_markdown(
                "Languages: Welsh: fluent in speech and print; Basque: talks a little\n\nTools: Git, Make\n",
            ),
            Kind::Skills,
        );
        assert_eq!(
            pairs(&l.languages),
            [("Welsh", Some("fluent in speech and print")), ("Basque", Some("talks a little"))]
        );
    }

    #[test]
    fn a_level_on_the_line_under_its_language_is_its_fluency() {
        let l = lists(&from_plain("Welsh\nNative\nBreton\nAdvanced\n"), Kind::Languages).languages;
        let got: Vec<(Option<String>, Option<String>)> =
            l.into_iter().map(|l| (l.language, l.fluency)).collect();
        assert_eq!(
            got,
            [
                (Some("Welsh".into()), Some("Native".into())),
                (Some("Breton".into()), Some("Advanced".into())),
            ]
        );
    }

    #[test]
    fn languages_with_their_levels() {
        let l = lists(&from_plain("English (native), German – B2\n"), Kind::Languages).languages;
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].fluency.as_deref(), Some("B2"));
    }

    fn pairs(l: &[Language]) -> Vec<(&str, Option<&str>)> {
        l.iter().map(|g| (g.language.as_deref().unwrap_or(""), g.fluency.as_deref())).collect()
    }

    #[test]
    fn one_bulleted_line_of_several_languages_is_one_entry_each() {
        let l = lists(&from_plain("- Italiano, inglese (B1)\n"), Kind::Languages).languages;
        assert_eq!(pairs(&l), [("Italiano", None), ("inglese", Some("B1"))]);
        // A bullet that is one language with a note stays whole.
        let l = lists(&from_plain("- Welsh (native, since 1990)\n"), Kind::Languages);
        assert_eq!(l.languages.len(), 1);
    }

    #[test]
    fn languages_after_their_shared_level_and_a_labelled_languages_line_among_skills() {
        let l = lists(
            &from_plain(
                "Fluent in Welsh, Italian, Dutch, and Greek.\nTools: Wheel, Kiln, and Glaze\n",
            ),
            Kind::Skills,
        );
        assert_eq!(
            pairs(&l.languages),
            [
                ("Welsh", Some("Fluent")),
                ("Italian", Some("Fluent")),
                ("Dutch", Some("Fluent")),
                ("Greek", Some("Fluent")),
            ]
        );
        // A final "and" after the last comma is no part of the last item.
        assert_eq!(l.skills[0].keywords, ["Wheel", "Kiln", "Glaze"]);
        let l = lists(
            &from_plain(
                "Outils : Tour, Four\nLangues : Allemand (natif), Italien (professionnel)\n",
            ),
            Kind::Skills,
        );
        assert_eq!(
            pairs(&l.languages),
            [("Allemand", Some("natif")), ("Italien", Some("professionnel"))]
        );
    }
}
