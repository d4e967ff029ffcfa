//! What a job title and an employer look like: the words that make a line read as one or the
//! other. Used to score the slots of an entry's header lines.

/// Nouns and ranks that make a phrase a job title.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "programmer",
    "architect",
    "manager",
    "director",
    "lead",
    "leader",
    "head",
    "chief",
    "officer",
    "president",
    "vp",
    "svp",
    "evp",
    "cto",
    "ceo",
    "cio",
    "cfo",
    "coo",
    "ciso",
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "partner",
    "consultant",
    "contractor",
    "freelancer",
    "freelance",
    "analyst",
    "scientist",
    "researcher",
    "specialist",
    "administrator",
    "admin",
    "sysadmin",
    "designer",
    "intern",
    "internship",
    "trainee",
    "apprentice",
    "assistant",
    "associate",
    "coordinator",
    "technician",
    "staff",
    "professor",
    "lecturer",
    "instructor",
    "teacher",
    "tutor",
    "fellow",
    "postdoc",
    "postdoctoral",
    "student",
    "advisor",
    "adviser",
    "editor",
    "writer",
    "sre",
    "devops",
    "dba",
    "principal",
    "supervisor",
    "representative",
    "coach",
    "mentor",
    "maintainer",
    "evangelist",
    "strategist",
    "producer",
    "accountant",
    "auditor",
    "nurse",
    "physician",
    "attorney",
    "lawyer",
    "clerk",
    "agent",
    "operator",
    "planner",
    "buyer",
    "marketer",
    "recruiter",
    "volunteer",
    "member",
    "chair",
    "chairman",
    "secretary",
    "treasurer",
    "ingenieur",
    "entwickler",
    "leiter",
    "berater",
    "ingénieur",
    "développeur",
    "chef",
    "webmaster",
    "hacker",
    "tester",
    "qa",
    "sdet",
    "scrum",
    "product",
    "programme",
];

/// Words that make a phrase an organisation.
const ORG_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "s.a.",
    "sarl",
    "bv",
    "b.v.",
    "corp",
    "corp.",
    "corporation",
    "company",
    "co.",
    "group",
    "holdings",
    "systems",
    "software",
    "technologies",
    "technology",
    "labs",
    "laboratory",
    "laboratories",
    "solutions",
    "services",
    "consulting",
    "university",
    "universität",
    "université",
    "college",
    "institute",
    "institut",
    "school",
    "department",
    "dept",
    "bank",
    "agency",
    "foundation",
    "studio",
    "studios",
    "partners",
    "ventures",
    "networks",
    "media",
    "industries",
    "international",
    "associates",
    "hospital",
    "clinic",
    "ministry",
    "council",
    "government",
    "centre",
    "center",
    "lab",
    "games",
    "interactive",
    "digital",
];

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
        if ROLE_WORDS.contains(&w) {
            s += 2;
        }
        if matches!(
            w,
            "senior"
                | "junior"
                | "sr"
                | "jr"
                | "staff"
                | "lead"
                | "principal"
                | "chief"
                | "deputy"
                | "acting"
                | "interim"
        ) {
            s += 1;
        }
    });
    s
}

/// How much `text` reads as an organisation.
pub fn org_score(text: &str) -> i32 {
    let mut s = 0;
    for_words(text, |w| {
        if ORG_WORDS.contains(&w) || ORG_WORDS.contains(&w.trim_end_matches('.')) {
            s += 2;
        }
    });
    let t = text.trim();
    if [".com", ".io", ".org", ".net", ".ai", ".co", ".ru", ".de"]
        .iter()
        .any(|d| t.to_lowercase().ends_with(d))
    {
        s += 2;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_titles_and_organisations() {
        assert!(
            role_score("Senior Manager, Storage Engineering")
                > org_score("Senior Manager, Storage Engineering")
        );
        assert!(role_score("Summer Intern, Mac OS Performance Engineering") > 0);
        assert!(org_score("Apple, Inc.") > role_score("Apple, Inc."));
        assert!(org_score("Amazon.com") > 0);
        assert_eq!(role_score("Slack"), 0);
        assert!(org_score("ECE/CIS Department, University of Somewhere") > 0);
    }
}
