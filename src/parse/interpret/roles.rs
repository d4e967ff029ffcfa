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

/// How much `text` reads as a job title.
pub fn role_score(text: &str) -> i32 {
    let mut s = 0;
    for_words(text, |w| {
        let w = w.trim_end_matches('.');
        if roles::is_title_word(w) {
            s += weights::TITLE_WORD;
        }
        if roles::is_rank_word(w) {
            s += weights::RANK_WORD;
        }
    });
    s
}

/// How much `text` reads as an organisation.
pub fn org_score(text: &str) -> i32 {
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
        ] {
            assert!(role_score(t) > 0, "{t}");
        }
        // Surnames and places that merely end like a title are not titles.
        for t in
            ["Anna Lehrer", "Kaufmann", "Berlin", "Acme GmbH", "Protest Group", "Instituto Técnico"]
        {
            assert_eq!(role_score(t), 0, "{t}");
        }
    }
}
