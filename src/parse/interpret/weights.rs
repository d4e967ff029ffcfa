//! The named weights of the features interpretation scores, in one place: how much each piece
//! of evidence counts when a phrase is judged a job title or an organisation.

/// A word that is (or heads) a job title: "engineer", "Softwareentwicklerin".
pub const TITLE_WORD: i32 = 2;
/// A rank or qualifier of a title: "senior", "interim".
pub const RANK_WORD: i32 = 1;
/// A word that names an organisation: "GmbH", "University".
pub const ORG_WORD: i32 = 2;
/// A phrase ending in a web domain: "Amazon.com".
pub const ORG_DOMAIN: i32 = 2;
/// A class name that says what the text is (`resume-job-title`, `company`).
pub const CLASS_HINT: i32 = 6;
