//! How much a phrase reads as a job title or as an organisation: the words it is made of,
//! looked up in the vocabulary ([`vocab::roles`], [`vocab::orgs`]) and weighted by
//! [`weights`]. Used to score the slots of an entry's header lines.

use super::weights;
use crate::parse::vocab::{orgs, roles};

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

/// Scores asked about the same slot again and again are remembered for a while, per thread.
fn remembered(kind: u8, text: &str, score: impl FnOnce() -> i32) -> i32 {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static SEEN: RefCell<HashMap<(u8, String), i32>> = RefCell::new(HashMap::new());
    }
    if text.len() > 200 {
        return score();
    }
    if let Some(s) = SEEN.with(|m| m.borrow().get(&(kind, text.to_string())).copied()) {
        return s;
    }
    let s = score();
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 8192 {
            m.clear();
        }
        m.insert((kind, text.to_string()), s);
    });
    s
}

/// How much `text` reads as a job title.
pub fn role_score(text: &str) -> i32 {
    remembered(0, text, || role_score_of(text))
}

/// How much `text` reads as an organisation.
pub fn org_score(text: &str) -> i32 {
    remembered(1, text, || org_score_of(text))
}

fn role_score_of(text: &str) -> i32 {
    let (mut titles, mut ranks, mut words) = (0, 0, 0);
    let mut last = String::new();
    for_words(text, |w| {
        let w = w.trim_end_matches('.');
        words += 1;
        titles += i32::from(roles::is_title_word(w));
        ranks += i32::from(roles::is_rank_word(w));
        last.clear();
        last.push_str(w);
    });
    // "Acme Jr.": a name closed by a rank abbreviation, with no title word, names no job.
    if titles == 0 && ranks == 1 && words >= 2 && roles::is_name_suffix(&last) {
        return 0;
    }
    titles * weights::TITLE_WORD + ranks * weights::RANK_WORD
}

fn org_score_of(text: &str) -> i32 {
    let mut s = 0;
    for_words(text, |w| {
        if orgs::is_org_word(w) {
            s += weights::ORG_WORD;
        }
    });
    let t = text.trim();
    if [".com", ".io", ".org", ".net", ".ai", ".co", ".ru", ".de"]
        .iter()
        .any(|d| t.to_lowercase().ends_with(d))
    {
        s += weights::ORG_DOMAIN;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_titles_and_organisations() {
        assert!(
            role_score("Senior Manager, Billing Platforms")
                > org_score("Senior Manager, Billing Platforms")
        );
        assert!(role_score("Summer Intern, Release Engineering") > 0);
        assert!(org_score("Apple, Inc.") > role_score("Apple, Inc."));
        assert!(org_score("Amazon.com") > 0);
        assert_eq!(role_score("Slack"), 0);
        assert!(org_score("Physics Department, University of Somewhere") > 0);
    }

    #[test]
    fn a_rank_abbreviation_closing_a_name_is_the_name() {
        assert_eq!(role_score("Acme Jr."), 0);
        assert!(role_score("Desenvolvedor Jr.") > 0);
        assert!(role_score("Jr. Analyst") > 0);
        assert!(role_score("Tech Lead") > 0);
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
            "Kiln-инженер",
            "Release-Engineer",
            "SAP-Berater",
        ] {
            assert!(role_score(t) > 0, "{t}");
        }
        // Surnames and places that merely end like a title are not titles.
        for t in [
            "Anna Lehrer",
            "Kaufmann",
            "Berlin",
            "Acme GmbH",
            "Protest Group",
            "Instituto Técnico",
            "Self-employed",
            "Front-end",
            "Full-time",
        ] {
            assert_eq!(role_score(t), 0, "{t}");
        }
    }
}
