//! Lists of named things — skills, spoken languages, interests — read from every shape a
//! resume groups them in: definition lists (a term and its description), nested lists (an
//! item with items under it), table rows and fields (a label and its values), `Label: a, b`
//! lines, ALL-CAPS, bold or heading labels above their items, a bold vendor before its products
//! (`**Adobe** Photoshop, Illustrator`), brace lists and plain comma lists. A label that names
//! another section ("Languages:" inside the skills) sends its group there. Ratings are read
//! apart from the names ("Python (expert)", "Rust 5/5", "★★★★☆").

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use super::sections::{Kind, lexicon};
use crate::parse::vocab::levels;

/// A named group of items, or loose items (no label).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The section the group belongs to (a "Languages:" group inside the skills is Languages).
    pub kind: Kind,
    pub label: Option<String>,
    pub items: Vec<String>,
    pub source: u32,
}

/// What a section of groups holds: the groups, and the prose that is not a list.
#[derive(Debug, Default)]
pub struct Read {
    pub groups: Vec<Group>,
    pub prose: Vec<(u32, String)>,
}

/// One logical piece of a list section: a heading, a term, a table row, a field, a list item
/// (with its wrapped lines) or a paragraph.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    source: u32,
    kind: PieceKind,
    /// The block (paragraph, list item) the piece is in.
    block: usize,
    item: Option<usize>,
    parent_item: Option<usize>,
    /// The definition the piece is the term of, or in the description of.
    def: Option<usize>,
    cols: Vec<String>,
    field: Option<String>,
    /// A strong span the text starts with ("**Adobe** Photoshop, Illustrator").
    strong_lead: Option<String>,
    whole_strong: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum PieceKind {
    Heading,
    Term,
    Row,
    Field,
    Bullet,
    Text,
}

fn pieces(lines: &[Line]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let kind = if l.heading.is_some() {
            PieceKind::Heading
        } else if l.term {
            PieceKind::Term
        } else if !l.cols.is_empty() {
            PieceKind::Row
        } else if l.field.is_some() {
            PieceKind::Field
        } else if l.bullet {
            PieceKind::Bullet
        } else {
            PieceKind::Text
        };
        // A wrapped line continues the piece above it, unless it opens with its own label.
        let continues = i > 0
            && matches!(kind, PieceKind::Text)
            && lines[i - 1].para == l.para
            && out.last().is_some_and(|p| matches!(p.kind, PieceKind::Bullet | PieceKind::Text))
            && label_value(&l.text).is_none();
        if let (true, Some(p)) = (continues, out.last_mut()) {
            p.text.push(' ');
            p.text.push_str(&l.text);
            p.whole_strong = false;
            continue;
        }
        let strong_lead = l.strong.first().filter(|s| {
            l.text.starts_with(s.as_str()) && s.len() < l.text.len() && !l.whole_strong
        });
        out.push(Piece {
            text: match &l.field {
                Some(_) => l.text.split_once(": ").map_or(l.text.clone(), |(_, v)| v.to_string()),
                None => l.text.clone(),
            },
            source: l.source,
            kind,
            block: l.block,
            item: l.item,
            parent_item: l.parent_item,
            def: l.def,
            cols: l.cols.clone(),
            field: l.field.clone(),
            strong_lead: strong_lead.cloned(),
            whole_strong: l.whole_strong,
        });
    }
    out
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("groups pattern")
}

/// `Label: values` (a label of a few words before a colon).
static LABEL: LazyLock<Regex> = LazyLock::new(|| re(r"^([^:]{1,60}?)\s*:\s*(\S.*)$"));

/// A piece's text as `label: values`, when it reads as one: a short label (six words at
/// most, not itself a sentence) and values that are not a sentence of prose.
fn label_value(text: &str) -> Option<(String, String)> {
    let c = LABEL.captures(text)?;
    let label = c[1].trim();
    let rest = c[2].trim();
    let words = label.split_whitespace().count();
    // "http://…", "10:30": a colon that starts no values.
    if words == 0
        || words > 6
        || rest.starts_with("//")
        || label.ends_with(|c: char| c.is_ascii_digit())
            && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if sentence(rest) && !rest.contains(',') {
        return None;
    }
    Some((label.to_string(), rest.to_string()))
}

/// A sentence, then `Label: a, b, c` in the same paragraph: the sentence, the label and the
/// list (three items or more).
fn label_after_sentence(text: &str) -> Option<(String, String, String)> {
    let colon = text.find(':')?;
    let stop = text[..colon].rfind(". ")?;
    let (label, rest) = label_value(&text[stop + 2..])?;
    (split_items(&rest).len() >= 3).then(|| (text[..=stop].trim().to_string(), label, rest))
}

/// `Name - what`: a short name (three words at most, no list, no date) before a spaced dash.
fn dash_label(text: &str) -> Option<(String, String)> {
    let (label, rest) = [" - ", " – ", " — "].iter().find_map(|d| text.split_once(d))?;
    let (label, rest) = (label.trim(), rest.trim());
    let words = label.split_whitespace().count();
    ((1..=3).contains(&words)
        && !rest.is_empty()
        && !label.contains([',', ';', ':'])
        && crate::parse::dates::find(text).is_none())
    .then(|| (label.to_string(), rest.trim_end_matches('.').to_string()))
}

/// Prose rather than a list: many words, or a sentence that ends with a period.
fn sentence(text: &str) -> bool {
    let words = text.split_whitespace().count();
    // Middle dots, bullets and bars separate list items as commas do ("C · Rust · Go").
    let commas = text.matches([',', ';', '·', '•', '|']).count();
    (words > 12 && commas * 3 < words / 2) || (text.ends_with('.') && words > 6 && commas == 0)
}

/// A label above the items that follow it: short, no list in it, emphasised, in capitals or
/// ending with a colon.
fn label_line(p: &Piece) -> bool {
    let t = p.text.trim();
    let words = t.split_whitespace().count();
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    (1..=5).contains(&words)
        && !t.contains([',', ';'])
        && (p.whole_strong || caps || t.ends_with(':'))
        && p.kind == PieceKind::Text
}

/// A short plain line standing alone right above a list labels the list's items, as a
/// heading would ("Frameworks" over "- Spring, Hibernate", or over a line "Spring, Hibernate,
/// JPA" of three items or more): a line of a few words, not a sentence, rated or a list
/// itself, outside any list.
fn above_list(pieces: &[Piece], i: usize) -> bool {
    let p = &pieces[i];
    let t = p.text.trim();
    p.kind == PieceKind::Text
        && p.item.is_none()
        && p.def.is_none()
        && (1..=5).contains(&t.split_whitespace().count())
        && !t.contains([',', ';'])
        && !t.ends_with('.')
        && unrate(t).1.is_none()
        && pieces.get(i + 1).is_some_and(|n| {
            (n.kind == PieceKind::Bullet && n.item.is_some())
                || (n.kind == PieceKind::Text
                    && n.item.is_none()
                    && n.def.is_none()
                    && !sentence(&n.text)
                    && label_value(&n.text).is_none()
                    && split_items(&n.text).len() >= 3)
        })
}

/// Reads a list section into groups. `kind` is the section's own kind (skills, languages,
/// interests); labels that name another kind make groups of that kind.
pub fn read(lines: &[Line], kind: Kind) -> Read {
    let pieces = pieces(lines);
    let mut out = Read::default();
    // The group each list item heads (for its nested items), and each term's group.
    let mut item_groups: HashMap<usize, usize> = HashMap::new();
    let mut def_groups: HashMap<usize, usize> = HashMap::new();
    // The group a label line or heading opened, which the following items fill.
    let mut open: Option<usize> = None;
    // The kind the current sub-heading gives ("### Sprachen" inside the skills).
    let mut current = kind;
    let has_children = |i: usize| {
        let item = pieces[i].item;
        item.is_some() && pieces[i + 1..].iter().any(|q| q.parent_item == item)
    };
    // The group a short line right above a table opened, which the table's rows fill.
    let mut rows_open: Option<usize> = None;
    // The groups sub-headings opened.
    let mut heading_groups: Vec<usize> = Vec::new();
    // The block of the label line that opened `open`.
    let mut open_block: Option<usize> = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.kind != PieceKind::Row {
            rows_open = None;
        }
        let new_group = |out: &mut Read, kind: Kind, label: Option<String>, items: Vec<String>| {
            out.groups.push(Group { kind, label, items, source: p.source });
            out.groups.len() - 1
        };
        match p.kind {
            PieceKind::Heading | PieceKind::Term => {
                let label = clean_label(&p.text);
                // A sub-heading is a heading by markup: a long word one slip from a heading
                // word reads as that word ("Sprachkenntnise").
                let named = match p.kind {
                    PieceKind::Heading => lexicon(&label)
                        .or_else(|| crate::parse::vocab::sections::section_with_slips(&label)),
                    _ => lexicon(&label),
                };
                match named {
                    // A sub-heading naming another list section ("Sprachen" inside the
                    // skills) is a section of that kind, not a label; one naming a kind of
                    // skill ("Tools", "Programming languages") names its group, as any other
                    // sub-heading among the skills does.
                    Some(k)
                        if p.kind == PieceKind::Heading
                            && !(k == Kind::Skills
                                && kind == Kind::Skills
                                && !crate::parse::vocab::sections::names_all_skills(&label)) =>
                    {
                        current = list_kind(k, kind);
                        open = None;
                    }
                    k => {
                        if p.kind == PieceKind::Heading && k == Some(Kind::Skills) {
                            current = Kind::Skills;
                        }
                        let k = match k {
                            _ if levels::language_in_label(&label).is_some() => Kind::Languages,
                            Some(k) => list_kind(k, current),
                            None => current,
                        };
                        let g = new_group(&mut out, k, Some(label), Vec::new());
                        open = Some(g);
                        open_block = None;
                        if p.kind == PieceKind::Heading {
                            heading_groups.push(g);
                        }
                        if let (PieceKind::Term, Some(d)) = (p.kind, p.def) {
                            def_groups.insert(d, g);
                        }
                    }
                }
                continue;
            }
            PieceKind::Field => {
                let label = p.field.clone().unwrap_or_default();
                if let Some(name) = levels::spoken_language(&label)
                    && levels::starts_with_level(&p.text)
                {
                    // "Deutsch = Muttersprache": a language and its level, as "English: Fluent".
                    let item = vec![format!("{name} ({})", p.text)];
                    push_items(&mut out, open, Kind::Languages, item, p.source);
                } else if levels::is_level(&p.text) {
                    // "Julia = Experte": one rated item, as "Python: advanced".
                    push_items(&mut out, open, current, vec![label], p.source);
                } else {
                    let k = group_kind(&label, current);
                    new_group(&mut out, k, Some(label), split_items(&p.text));
                }
                continue;
            }
            PieceKind::Row => {
                // "Python, SQL | very good": items rated in the last cell are items (of the
                // label above, if any); the rating is dropped, as in "Python: advanced".
                if let [items @ .., rating] = p.cols.as_slice()
                    && !items.is_empty()
                    && current != Kind::Languages
                    && levels::is_level(rating)
                    && !items.iter().any(|c| levels::is_level(c) || levels::is_language(c))
                {
                    let items = items.iter().flat_map(|c| split_items(c)).collect();
                    push_items(&mut out, rows_open, current, items, p.source);
                    continue;
                }
                if let [label, rest @ ..] = p.cols.as_slice()
                    && !rest.is_empty()
                    && label.split_whitespace().count() <= 6
                {
                    let k = group_kind(label, current);
                    let items = rest.iter().flat_map(|c| split_items(c)).collect();
                    new_group(&mut out, k, Some(clean_label(label)), items);
                } else {
                    out.groups.push(loose(current, split_items(&p.text), p.source));
                }
                continue;
            }
            PieceKind::Bullet | PieceKind::Text => {}
        }
        // A label's group takes the rest of its own paragraph ("**Languages**" and a line
        // a language), or the list or paragraph right under it, not a later paragraph. A
        // sub-heading's group takes everything up to the next heading.
        if p.kind == PieceKind::Text
            && let Some(g) = open
            && !out.groups[g].items.is_empty()
            && open_block != Some(p.block)
            && heading_groups.last() != Some(&g)
        {
            open = None;
        }
        // Where this piece's items go: the group its parent item or term heads, else the one
        // a label above opened.
        let parent_group = p
            .parent_item
            .and_then(|it| item_groups.get(&it).copied())
            .or_else(|| p.def.and_then(|d| def_groups.get(&d).copied()));
        let target = parent_group.or(open);
        // "I came to code from engineering. Main stack: Python, Flask, Docker": the sentence
        // is prose, the labelled list after it a group.
        if p.kind == PieceKind::Text
            && label_value(&p.text).is_none()
            && let Some((prose, label, rest)) = label_after_sentence(&p.text)
        {
            out.prose.push((p.source, prose));
            let k = group_kind(&label, current);
            new_group(&mut out, k, Some(label), split_items(&rest));
            continue;
        }
        if let Some((label, rest)) = label_value(&p.text) {
            let k = group_kind(&label, out_kind(&out, target, current));
            if let Some(name) = levels::spoken_language(&label)
                && levels::starts_with_level(&rest)
            {
                // "English: Fluent", "Welsh Ability: fluent": a language and its level.
                let item = vec![format!("{name} ({rest})")];
                push_items(&mut out, target, Kind::Languages, item, p.source);
            } else if levels::is_level(&rest) {
                // "Python: advanced": one rated item.
                push_items(&mut out, target, current, vec![label], p.source);
            } else {
                let g = new_group(&mut out, k, Some(label), split_items(&rest));
                if has_children(i)
                    && let Some(it) = p.item
                {
                    item_groups.insert(it, g);
                }
            }
            continue;
        }
        // "Python 3 - data analysis, web (Django)": a skill and what it is used for.
        if kind == Kind::Skills
            && p.kind == PieceKind::Bullet
            && !has_children(i)
            && let Some((label, rest)) = dash_label(&p.text)
        {
            if levels::is_level(&rest) {
                push_items(&mut out, target, current, vec![label], p.source);
            } else {
                new_group(&mut out, Kind::Skills, Some(label), split_items(&rest));
            }
            continue;
        }
        if p.kind == PieceKind::Bullet && has_children(i) {
            let label = clean_label(&p.text);
            let k = group_kind(&label, out_kind(&out, target, current));
            let g = new_group(&mut out, k, Some(label), Vec::new());
            if let Some(it) = p.item {
                item_groups.insert(it, g);
            }
            continue;
        }
        if let Some(lead) = &p.strong_lead {
            let rest = p.text[lead.len()..].trim().trim_start_matches([':', '-', '–']).trim();
            if !rest.is_empty() && !sentence(rest) {
                let k = group_kind(lead, current);
                new_group(&mut out, k, Some(clean_label(lead)), split_items(rest));
                continue;
            }
        }
        // A short line right above table rows labels them, emphasised or not; a line that
        // carries its own rating ("English (fluent)") or is a definition's description is an
        // item, not a label.
        let above_rows = p.kind == PieceKind::Text
            && p.def.is_none()
            && p.item.is_none()
            && p.text.split_whitespace().count() <= 4
            && !p.text.contains([',', ';'])
            && unrate(&p.text).1.is_none()
            && pieces.get(i + 1).is_some_and(|n| n.kind == PieceKind::Row);
        if (label_line(p) || above_rows || names_list(p) || above_list(&pieces, i))
            && pieces.get(i + 1).is_some()
        {
            let label = clean_label(&p.text);
            // "Skills" over the skills' own list only repeats the section's name: the list
            // under it is the section's flat list, one skill an item.
            if lexicon(&label) == Some(kind)
                && (kind != Kind::Skills || crate::parse::vocab::sections::names_all_skills(&label))
            {
                open = None;
                continue;
            }
            let k = group_kind(&label, current);
            open = Some(new_group(&mut out, k, Some(label), Vec::new()));
            open_block = Some(p.block);
            if above_rows {
                rows_open = open;
            }
            continue;
        }
        if let Some(items) = leveled_languages(&p.text) {
            new_group(&mut out, Kind::Languages, None, items);
            continue;
        }
        // A bullet of a flat list is one skill, kept whole, even when it is a sentence.
        let flat_bullet = p.kind == PieceKind::Bullet && target.is_none();
        if sentence(&p.text) && !flat_bullet {
            if let Some(items) = prose_list(&p.text) {
                push_items(&mut out, target, current, items, p.source);
            } else {
                out.prose.push((p.source, p.text.clone()));
            }
            continue;
        }
        let items = if p.kind == PieceKind::Bullet && target.is_none() {
            semicolon_list(&p.text).unwrap_or_else(|| vec![p.text.clone()])
        } else {
            slash_list(&p.text).unwrap_or_else(|| split_items(&p.text))
        };
        push_items(&mut out, target, current, items, p.source);
    }
    // A sub-heading whose lines are all `Label: a, b` groups of their own only frames them:
    // it names no group.
    // So does a label line naming a section ("**Languages**") over terms that each label
    // their own group.
    let names_section = |g: &Group| g.label.as_deref().and_then(lexicon).is_some();
    let framing: Vec<usize> = (0..out.groups.len())
        .filter(|&g| heading_groups.contains(&g) || names_section(&out.groups[g]))
        .filter(|&g| {
            out.groups[g].items.is_empty()
                && out.groups.get(g + 1).is_some_and(|n| n.label.is_some() && !n.items.is_empty())
        })
        .collect();
    let mut index = 0;
    out.groups.retain(|g| {
        index += 1;
        !framing.contains(&(index - 1)) && (g.label.is_some() || !g.items.is_empty())
    });
    for g in &mut out.groups {
        // "Languages: Rust, Go" among skills lists programming languages: a group is spoken
        // languages only when its items are.
        let named = g.label.as_deref().is_some_and(|l| levels::spoken_language(l).is_some());
        if g.kind == Kind::Languages
            && kind != Kind::Languages
            && !named
            && !mostly_languages(&g.items)
        {
            g.kind = kind;
        }
    }
    out
}

/// "Books; Cycling; Trekking;": a bullet of three or more short items set apart by
/// semicolons is a list of items, not one item (commas may belong to an item's own words).
fn semicolon_list(text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = text.split(';').map(str::trim).filter(|p| !p.is_empty()).collect();
    (parts.len() >= 3
        && parts.iter().all(|p| p.split_whitespace().count() <= 3 && !p.contains(',')))
    .then(|| parts.iter().map(|p| p.trim_end_matches('.').to_string()).collect())
}

/// Whether at least half the items name spoken languages ("Deutsch", "Anglais scientifique").
fn mostly_languages(items: &[String]) -> bool {
    let known = items.iter().filter(|i| language_first(&unrate(i).0).is_some()).count();
    !items.is_empty() && known * 2 >= items.len()
}

/// The kind of a group inside a list section of kind `section`: a spoken-languages label
/// makes languages, an interests label interests; anything else stays in the section's kind.
fn list_kind(k: Kind, section: Kind) -> Kind {
    match k {
        Kind::Languages | Kind::Interests | Kind::Skills | Kind::Certificates => k,
        _ => section,
    }
}

fn group_kind(label: &str, section: Kind) -> Kind {
    // "Welsh Ability: fluent", "Lingua Tedesco: B2": a language named beside a word that
    // says so labels its level, in whatever section.
    if levels::language_in_label(label).is_some() {
        return Kind::Languages;
    }
    lexicon(label).map_or(section, |k| list_kind(k, section))
}

fn out_kind(out: &Read, target: Option<usize>, current: Kind) -> Kind {
    target.and_then(|g| out.groups.get(g)).map_or(current, |g| g.kind)
}

fn loose(kind: Kind, items: Vec<String>, source: u32) -> Group {
    Group { kind, label: None, items, source }
}

fn push_items(out: &mut Read, target: Option<usize>, kind: Kind, items: Vec<String>, source: u32) {
    match target.and_then(|g| out.groups.get_mut(g)) {
        Some(g) => g.items.extend(items),
        None => out.groups.push(loose(kind, items, source)),
    }
}

/// A label without its trailing colon and surrounding brackets or emphasis marks.
fn clean_label(text: &str) -> String {
    text.trim().trim_end_matches([':', '：']).trim().to_string()
}

/// A prose line that lists things after a stated level ("Gute Kenntnisse in Rhino, Maya,
/// Blender und Unity"): the items, when there are at least three, separated by commas.
fn prose_list(text: &str) -> Option<Vec<String>> {
    let t = text.trim_end_matches('.');
    let (_, list) = t.split_once(" in ").or_else(|| t.split_once(" of "))?;
    (list.matches(',').count() >= 2 && !list.contains(". ")).then(|| split_items(list))
}

/// "Fluent in Welsh, Greek and Dutch": spoken languages after the level they share, as
/// items that carry it ("Welsh (Fluent)"); `None` unless every item names a language.
fn leveled_languages(text: &str) -> Option<Vec<String>> {
    let t = text.trim().trim_end_matches('.');
    let (level, list) = t.split_once(" in ")?;
    if !levels::is_level(level) {
        return None;
    }
    let items: Vec<String> = split_items(list)
        .iter()
        .flat_map(|i| split_conjoined_languages(i))
        .map(|i| i.trim().to_string())
        .collect();
    (!items.is_empty() && items.iter().all(|i| levels::is_language(i)))
        .then(|| items.iter().map(|i| format!("{i} ({})", level.trim())).collect())
}

/// "Anglais scientifique", "English": a spoken language named first, and the lower-case note on
/// its use or level after it ("scientifique"), if any.
pub fn language_first(item: &str) -> Option<(String, Option<String>)> {
    let item = item.trim();
    if levels::is_language(item) {
        return Some((item.to_string(), None));
    }
    // "Welsh: written and read".
    if let Some((first, note)) = item.split_once(':')
        && levels::is_language(first.trim())
        && !note.trim().is_empty()
    {
        return Some((first.trim().to_string(), Some(note.trim().to_string())));
    }
    let (first, rest) = item.split_once(' ')?;
    let rest = rest.trim();
    (levels::is_language(first) && rest.starts_with(char::is_lowercase))
        .then(|| (first.to_string(), Some(rest.to_string())))
}

/// "Teamwork / Patience / Planning": three or more short items set apart by spaced slashes
/// and no comma make a list.
fn slash_list(text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = text.split(" / ").map(str::trim).collect();
    (parts.len() >= 3
        && !text.contains([',', ';'])
        && parts.iter().all(|p| (1..=5).contains(&p.split_whitespace().count())))
    .then(|| parts.iter().map(|p| p.to_string()).collect())
}

/// A short line that names a list section ("Langues étrangères", "Hobbies") standing over
/// its items inside another list section: the label of their group.
fn names_list(p: &Piece) -> bool {
    let t = clean_label(&p.text);
    p.kind == PieceKind::Text
        && p.item.is_none()
        && (1..=4).contains(&t.split_whitespace().count())
        && !t.contains([',', ';'])
        && lexicon(&t).is_some_and(|k| {
            matches!(k, Kind::Languages | Kind::Interests | Kind::Certificates | Kind::Skills)
        })
}

/// Splits at top-level commas and semicolons (never inside brackets); an enclosing pair of
/// braces or brackets goes, so do a final period, "etc." and empty items; a final "and"
/// ("und", "et", "e", "y") separates the last two items of a list of three or more.
pub fn split_items(text: &str) -> Vec<String> {
    let text = text.trim().trim_end_matches(['.', ',', ';']).trim();
    let text =
        text.strip_prefix(['{', '[']).and_then(|t| t.strip_suffix(['}', ']'])).unwrap_or(text);
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if matches!(c, ',' | ';' | '•' | '·' | '|') && depth <= 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    let mut out: Vec<String> = out
        .into_iter()
        .map(|s| s.trim().trim_end_matches(['.', ':']).trim().to_string())
        .filter(|s| !s.is_empty() && !is_etc(s))
        .collect();
    if out.len() >= 3
        && let Some(last) = out.pop()
    {
        out.extend(split_final_conjunction(&last));
    }
    // "a, b, and c": the conjunction after the last comma joins the list; it is no part of
    // the last item.
    if out.len() >= 2
        && let Some(last) = out.last_mut()
        && let Some(rest) = strip_conjunction(last)
    {
        *last = rest;
    }
    out
}

/// "and Greek" → "Greek": an item that opens with a list's final conjunction.
fn strip_conjunction(item: &str) -> Option<String> {
    ["and ", "und ", "et ", "y ", "e ", "en ", "i ", "ve ", "& "]
        .iter()
        .find_map(|c| item.strip_prefix(c))
        .map(|rest| rest.trim().to_string())
        .filter(|rest| !rest.is_empty())
}

fn is_etc(s: &str) -> bool {
    matches!(s.to_lowercase().trim_end_matches('.'), "etc" | "usw" | "u.a" | "...")
}

/// "rowing and map making" → the two items, when both are short.
fn split_final_conjunction(last: &str) -> Vec<String> {
    // Words outside brackets: "go (the board game)" is one word long.
    let words = |s: &str| {
        let mut depth = 0i32;
        let outside: String = s
            .chars()
            .filter(|c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0 && *c != ')'
            })
            .collect();
        outside.split_whitespace().count()
    };
    for conj in [" and ", " und ", " et ", " e ", " y ", " en ", " i ", " ve "] {
        if let Some((a, b)) = last.split_once(conj)
            && !b.contains('(')
            && (1..=3).contains(&words(a))
            && (1..=3).contains(&words(b))
        {
            return vec![a.trim().to_string(), b.trim().to_string()];
        }
    }
    vec![last.to_string()]
}

/// "Languages: English (fluent) & Norwegian (native)", "Sprachen – Deutsch (C1), Englisch
/// (B2)": a line outside a languages section that names the spoken languages after a label.
/// Each language with its level, when every item names a language ("Languages: Rust, Go" in a
/// header lists programming languages, not spoken ones).
pub fn language_line(text: &str) -> Option<Vec<(String, Option<String>)>> {
    if text.len() > 300 {
        return None;
    }
    let t = text.trim().trim_start_matches(crate::parse::read::normalise::is_bullet_glyph).trim();
    let (_, rest) = [":", "：", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| t.split_once(sep))
        .filter(|(label, _)| lexicon(label.trim()) == Some(Kind::Languages))?;
    let mut out = Vec::new();
    for item in split_items(rest) {
        for part in split_conjoined_languages(&item) {
            let (name, level) = unrate(&part);
            if !levels::is_language(&name) {
                return None;
            }
            out.push((name, level));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// "English (fluent) & Norwegian (native)" → both, when each side names a language.
fn split_conjoined_languages(item: &str) -> Vec<String> {
    for conj in
        [" & ", " and ", " und ", " et ", " y ", " e ", " og ", " och ", " en ", " i ", " ve "]
    {
        if let Some((a, b)) = item.split_once(conj)
            && levels::is_language(&unrate(a).0)
            && levels::is_language(&unrate(b).0)
        {
            return vec![a.trim().to_string(), b.trim().to_string()];
        }
    }
    vec![item.to_string()]
}

static BRACKET: LazyLock<Regex> = LazyLock::new(|| re(r"\s*\(([^()]*)\)\s*$"));
static DASH_LEVEL: LazyLock<Regex> = LazyLock::new(|| re(r"^(.+?)\s+[-–—:]\s+(.+)$"));
static COMMA_LEVEL: LazyLock<Regex> = LazyLock::new(|| re(r"^([^,]+),\s*([^,]+)$"));

/// Whether the text is a rating and nothing else: glyphs drawn as a bar ("■■■□", "★ ★ ☆"),
/// a share ("80 %") or a mark ("4/5").
pub fn is_rating(text: &str) -> bool {
    levels::is_rating_mark(text)
}

/// An item and its rating or level, apart: "Python (expert)" → ("Python", "expert"),
/// "Rust 5/5" → ("Rust", "5/5"), "German – B2" → ("German", "B2"). Brackets that hold no
/// level stay ("E-Commerce (Shopify)").
pub fn unrate(item: &str) -> (String, Option<String>) {
    let t = item.trim();
    if let Some(m) = levels::RATING.find(t).filter(|m| m.start() > 0) {
        let level = t[m.start()..]
            .trim()
            .trim_start_matches(['-', '–', ':', '('])
            .trim_end_matches(')')
            .trim();
        return (t[..m.start()].trim().to_string(), Some(level.to_string()));
    }
    if let Some(c) = BRACKET.captures(t)
        && levels::starts_with_level(&c[1])
    {
        let name = t[..c.get(0).map_or(t.len(), |m| m.start())].trim();
        if !name.is_empty() {
            return (name.to_string(), Some(c[1].trim().to_string()));
        }
    }
    for pattern in [&*DASH_LEVEL, &*COMMA_LEVEL] {
        if let Some(c) = pattern.captures(t)
            && levels::starts_with_level(&c[2])
            && c[1].split_whitespace().count() <= 4
        {
            return (c[1].trim().to_string(), Some(c[2].trim().to_string()));
        }
    }
    (t.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::{from_markdown, from_plain};

    fn show(r: &Read) -> Vec<String> {
        r.groups
            .iter()
            .map(|g| {
                format!(
                    "{:?} {}: {}",
                    g.kind,
                    g.label.as_deref().unwrap_or("-"),
                    g.items.join(" | ")
                )
            })
            .collect()
    }

    #[test]
    fn every_grouping_shape() {
        let md = "Languages\n: Rust, Go\n\n- Cloud:\n  - AWS\n  - GCP, Azure\n- Data: SQL, Spark\n\n| **Tools** | Git, Make |\n|---|---|\n| Editors | Vim |\n\n**Adobe** Photoshop, Illustrator\n\nBACKEND\n\n- Rust 5/5\n- Python (expert)\n\n{Kotlin, Swift}\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            [
                "Skills Languages: Rust | Go",
                "Skills Cloud: AWS | GCP | Azure",
                "Skills Data: SQL | Spark",
                "Skills Editors: Vim",
                "Skills Adobe: Photoshop | Illustrator",
                "Skills BACKEND: Rust 5/5 | Python (expert)",
                "Skills -: Kotlin | Swift",
            ]
        );
    }

    #[test]
    fn a_sub_heading_naming_a_kind_of_skill_names_its_group() {
        // "Tools" and "Programming languages" are skills words, but among the skills they
        // name a group; "Skills" itself names none, and a heading over labelled lines only
        // frames them.
        let md = "### Tools\n\n- Git\n- Make\n\n### Programming languages\n\n- Rust\n\n### Skills\n\n- Team work\n\n### Software\n\n- **Editors:** Vim, Emacs\n- **Build:** Bazel\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            [
                "Skills Tools: Git | Make",
                "Skills Programming languages: Rust",
                "Skills -: Team work",
                "Skills Editors: Vim | Emacs",
                "Skills Build: Bazel",
            ]
        );
    }

    #[test]
    fn a_label_line_takes_the_rest_of_its_paragraph() {
        // A bold label and one item a line, all in one paragraph (hard breaks): every line
        // is the label's, not only the first.
        let md = "**Tools**  \nGit, Make\n\n**Languages**  \nWelsh (native)  \nEnglish (fluent)\n\nRust, Go\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            [
                "Skills Tools: Git | Make",
                "Languages Languages: Welsh (native) | English (fluent)",
                "Skills -: Rust | Go",
            ]
        );
    }

    #[test]
    fn a_sub_heading_takes_every_line_up_to_the_next_heading() {
        // One item a line under each sub-heading (hard breaks, as a LaTeX macro per item
        // gives): all of them are the sub-heading's keywords.
        let md =
            "### Operating systems\n\nPlan 9  \nHaiku\n\n### Editors\n\nVim  \nEmacs  \nKakoune\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            ["Skills Operating systems: Plan 9 | Haiku", "Skills Editors: Vim | Emacs | Kakoune"]
        );
    }

    #[test]
    fn language_ability_terms_among_skills_and_a_semicolon_bullet_list() {
        // "Welsh Ability" names a spoken language though its level is prose; a bullet of
        // short items set apart by semicolons lists them.
        let md = "**Languages**\n\nWelsh Ability\n: native\n\nGerman Ability\n: basic spoken\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            ["Languages Welsh Ability: native", "Languages German Ability: basic spoken"]
        );
        let md = "- Pottery; Cycling; Trekking;\n- Chess club member since 2000\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Interests)),
            [
                "Interests -: Pottery | Cycling | Trekking",
                "Interests -: Chess club member since 2000"
            ]
        );
    }

    #[test]
    fn a_long_list_set_apart_by_middle_dots_is_no_sentence() {
        // Thirteen words and no comma, but every item set apart by a dot: a list.
        let md = "### Kiln gear\n\nGit · Make · Bazel · Docker · Vim · Emacs · Grafana · Jenkins · Terraform · Ansible · Helm · Kubernetes · Nix\n";
        let r = read(&from_markdown(md), Kind::Skills);
        assert!(r.prose.is_empty(), "{:?}", r.prose);
        assert_eq!(r.groups[0].items.len(), 13, "{:?}", r.groups);
        assert_eq!(r.groups[0].label.as_deref(), Some("Kiln gear"));
    }

    #[test]
    fn a_labelled_list_after_a_sentence_is_a_group() {
        let md = "Chemist turned programmer, mostly on the backend. Main stack: Rust, Go,\nAcmeDB, Docker\n";
        let r = read(&from_markdown(md), Kind::Skills);
        assert_eq!(show(&r), ["Skills Main stack: Rust | Go | AcmeDB | Docker"]);
        assert_eq!(r.prose[0].1, "Chemist turned programmer, mostly on the backend.");
    }

    #[test]
    fn a_label_repeating_the_section_name_opens_no_group() {
        // Its bullets are the section's flat list: each one skill, kept whole, sentences too.
        let md = "**Skills**\n\n- Deep knowledge of glazes, with celadon, shino, tenmoku.\n- Ten summers firing wood kilns for a small pottery in the hills.\n- Kiln firing\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            [
                "Skills -: Deep knowledge of glazes, with celadon, shino, tenmoku.",
                "Skills -: Ten summers firing wood kilns for a small pottery in the hills.",
                "Skills -: Kiln firing"
            ]
        );
    }

    #[test]
    fn a_list_wrapped_after_its_separators_stays_one_list() {
        // One item a line, each line ending on the separator: the list goes on below.
        let md =
            "- ### Glazes\n  Celadon ·\n  Tenmoku ·\n  Shino\n\n- ### Kilns\n  Anagama,\n  Raku\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            ["Skills Glazes: Celadon | Tenmoku | Shino", "Skills Kilns: Anagama | Raku"]
        );
    }

    #[test]
    fn a_plain_line_above_a_list_labels_it() {
        // Neither bold, capitals nor a colon: standing alone over the list is enough.
        let md = "Glazes\n\n- Celadon, Tenmoku, Shino.\n\nKilns\n\n- Anagama\n- Raku\n\nI also teach wheel throwing to adults in the evenings.\n\n- Wedging\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            [
                "Skills Glazes: Celadon | Tenmoku | Shino",
                "Skills Kilns: Anagama | Raku",
                "Skills -: Wedging",
            ]
        );
    }

    #[test]
    fn fields_of_a_rated_item_or_a_language_and_its_level() {
        // moderncv's `\cvline{Glazing}{Expert}`: the rating is dropped; a language keyed to
        // its level is a language, as "English: Fluent" is.
        let tex = "\\documentclass{moderncv}\n\\begin{document}\n\\cvline{Glazing}{Expert}\n\\cvline{Throwing}{Advanced}\n\\cvline{Norwegian}{Native}\n\\cvline{Kilns}{Anagama, Raku}\n\\end{document}\n";
        assert_eq!(
            show(&read(&from_plain(tex), Kind::Skills)),
            [
                "Skills -: Glazing",
                "Skills -: Throwing",
                "Languages -: Norwegian (Native)",
                "Skills Kilns: Anagama | Raku",
            ]
        );
    }

    #[test]
    fn a_misspelt_sub_heading_still_names_its_section() {
        let md = "- Wedging\n\n### Sprachkenntnise\n\n- Deutsch\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            ["Skills -: Wedging", "Languages -: Deutsch"]
        );
    }

    #[test]
    fn rows_of_items_rated_in_their_last_cell() {
        let md = "Editors\n\n| Tool | Level |\n|---|---|\n| Vim, Emacs | very good |\n| Nano | basic |\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            ["Skills Editors: Vim | Emacs | Nano"]
        );
    }

    #[test]
    fn a_skill_and_what_it_is_used_for() {
        let md = "- Python 3 - scripting, data analysis (pandas)\n- Kiln Control – firing schedules\n- Glazing - advanced\n- Wheel throwing\n";
        assert_eq!(
            show(&read(&from_markdown(md), Kind::Skills)),
            [
                "Skills Python 3: scripting | data analysis (pandas)",
                "Skills Kiln Control: firing schedules",
                "Skills -: Glazing",
                "Skills -: Wheel throwing",
            ]
        );
    }

    #[test]
    fn plain_text_fields_tables_and_definitions() {
        let t = "Programming:\t\tPython (expert), C (good)\nTools:\t\tGit\n\nFrontend\n    React, Vue\n";
        assert_eq!(
            show(&read(&from_plain(t), Kind::Skills)),
            [
                "Skills Programming: Python (expert) | C (good)",
                "Skills Tools: Git",
                "Skills Frontend: React | Vue"
            ]
        );
    }

    #[test]
    fn labels_that_name_other_sections() {
        let md = "- Idiomas: Inglés (avanzado), Alemán (básico).\n- Interests: chess, hiking, rowing and map making.\n- English: Fluent\n";
        let r = read(&from_markdown(md), Kind::Skills);
        assert_eq!(
            show(&r),
            [
                "Languages Idiomas: Inglés (avanzado) | Alemán (básico)",
                "Interests Interests: chess | hiking | rowing | map making",
                "Languages -: English (Fluent)",
            ]
        );
    }

    #[test]
    fn prose_and_ratings() {
        let r = read(
            &from_plain("I have used many tools for a long time and I like them all very much.\n"),
            Kind::Skills,
        );
        assert_eq!(r.prose.len(), 1);
        assert_eq!(unrate("Python (expert)"), ("Python".into(), Some("expert".into())));
        assert_eq!(unrate("Rust 5/5"), ("Rust".into(), Some("5/5".into())));
        assert_eq!(unrate("German – B2"), ("German".into(), Some("B2".into())));
        assert_eq!(unrate("E-Commerce (Shopify)"), ("E-Commerce (Shopify)".into(), None));
        assert_eq!(split_items("Go, Rust,, Zig C, etc."), ["Go", "Rust", "Zig C"]);
        assert_eq!(
            prose_list("Gute Kenntnisse in Rhino, Maya, Blender und Unity"),
            Some(vec!["Rhino".into(), "Maya".into(), "Blender".into(), "Unity".into()])
        );
    }

    #[test]
    fn a_languages_line_outside_a_languages_section() {
        let lang = |n: &str, l: &str| (n.to_string(), Some(l.to_string()));
        assert_eq!(
            language_line("Languages: English (fluent) & Norwegian (native)"),
            Some(vec![lang("English", "fluent"), lang("Norwegian", "native")])
        );
        assert_eq!(
            language_line("Languages – German (C1), French (B2)"),
            Some(vec![lang("German", "C1"), lang("French", "B2")])
        );
        assert_eq!(
            language_line("Sprachen: Deutsch (Muttersprache), Englisch"),
            Some(vec![lang("Deutsch", "Muttersprache"), ("Englisch".into(), None)])
        );
        // Programming languages, another label, or no label: not spoken languages.
        assert_eq!(language_line("Languages: Rust, Go, English"), None);
        assert_eq!(language_line("Programming Languages: Rust, Go"), None);
        assert_eq!(language_line("English (fluent), Norwegian (native)"), None);
    }
}
