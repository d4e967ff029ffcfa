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

// How a line's shape says "section heading" (see `sections`): each feature adds its weight.

/// The document marks the line up as a heading.
pub const HEADING_MARKUP: i32 = 3;
/// Written in capitals ("EXPERIENCE").
pub const HEADING_CAPS: i32 = 2;
/// A paragraph of its own.
pub const HEADING_ALONE: i32 = 1;
/// Bold or emphasised as a whole.
pub const HEADING_STRONG: i32 = 1;
/// Ends in a colon ("Skills:").
pub const HEADING_COLON: i32 = 1;
/// A list item: content, not a heading.
pub const HEADING_IN_LIST: i32 = -3;
/// Ends like a sentence or a list (".", ",", ";").
pub const HEADING_SENTENCE_END: i32 = -3;
/// Holds an e-mail address or a link.
pub const HEADING_CONTACT: i32 = -3;
/// The shape score a lexicon word needs to open a section.
pub const HEADING_MIN: i32 = 1;
/// The shape score that makes a plain line a heading in a document that marks its headings up.
pub const HEADING_SURE: i32 = 3;

// What a section holds, when its heading names nothing vitae knows (see `classify`): each
// line with the feature adds its weight to the section it points to.

/// A line naming a degree or a school level: education.
pub const CONTENT_DEGREE: i32 = 3;
/// A line naming a school or university: education.
pub const CONTENT_SCHOOL: i32 = 3;
/// A short line with a job-title word: work.
pub const CONTENT_TITLE: i32 = 2;
/// A short line naming an organisation: work.
pub const CONTENT_ORG: i32 = 1;
/// A line naming an unpaid role (member, volunteer, founder of a club): volunteering.
pub const CONTENT_VOLUNTEER: i32 = 3;
/// A line naming a certificate or a course (a certificate word, a length in hours):
/// certificates.
pub const CONTENT_CERTIFICATE: i32 = 3;
/// A line with dates: work or education, whichever else the section points to.
pub const CONTENT_DATED: i32 = 1;
/// Short terms (table cells, comma-separated items) a section of nothing else needs to be
/// read as skills.
pub const CONTENT_SKILL_TERMS: usize = 4;
/// The score a section needs to be read as the section its content points to.
pub const CONTENT_MIN: i32 = 6;
/// The share (in percent) of a list's items that must name a spoken language for the list to
/// be languages.
pub const CONTENT_LANGUAGES_PERCENT: usize = 80;
