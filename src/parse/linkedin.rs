//! LinkedIn's data export ("Get a copy of your data"): a ZIP of CSV files mapped straight into
//! the model, not through the document tree, because each column already says what it is.
//!
//! Files read (any may be missing; names compared without regard to case or folder):
//! `Profile.csv`, `Email Addresses.csv`, `PhoneNumbers.csv`, `Positions.csv`, `Education.csv`,
//! `Skills.csv`, `Languages.csv`, `Certifications.csv`, `Projects.csv`, `Honors.csv`,
//! `Volunteering.csv`, `Publications.csv`, `Recommendations_Received.csv`. Dates such as
//! "Jan 2020" or "2020" go through the shared date reader. Some exports put a "Notes:"
//! preamble above the header row; the header is found by its columns.

use crate::diag::Diagnostic;
use crate::model::{
    Award, Basics, Certificate, Education, Language, PartialDate, Profile, Project, Publication,
    Reference, Resume, Skill, Volunteer, Work,
};
use crate::parse::Parsed;
use crate::parse::dates::{HumanDate, parse_human_date};
use crate::parse::interpret::{contact, places};
use crate::parse::read::package::Package;

const WHAT: &str = "the LinkedIn export";
/// Rows beyond this in one file are not read: no profile has that many entries.
const MAX_ROWS: usize = 5_000;

/// Reads a LinkedIn data export.
pub fn read(bytes: &[u8]) -> Result<Parsed, Diagnostic> {
    let mut package = Package::open(bytes, WHAT, |n| n.to_ascii_lowercase().ends_with(".csv"))?;
    let mut export = Export { package: &mut package, warnings: Vec::new(), found: Vec::new() };
    let mut resume = Resume::default();
    let basics = export.basics()?;
    resume.work = export.rows("Positions.csv", &["Company Name", "Title"], work)?;
    resume.education = export.rows("Education.csv", &["School Name"], education)?;
    resume.skills = export.rows("Skills.csv", &["Name"], |r| {
        r.get("Name").map(|n| Skill { name: Some(n), ..Default::default() })
    })?;
    resume.languages = export.rows("Languages.csv", &["Name"], |r| {
        let language = r.get("Name")?;
        Some(Language {
            language: Some(language),
            fluency: r.get("Proficiency"),
            ..Default::default()
        })
    })?;
    resume.certificates = export.rows("Certifications.csv", &["Name", "Authority"], |r| {
        Some(Certificate {
            name: Some(r.get("Name")?),
            issuer: r.get("Authority"),
            url: r.get("Url"),
            date: r.date("Started On"),
            ..Default::default()
        })
    })?;
    resume.projects = export.rows("Projects.csv", &["Title"], |r| {
        Some(Project {
            name: Some(r.get("Title")?),
            description: r.get("Description"),
            url: r.get("Url"),
            start_date: r.date("Started On"),
            end_date: r.date("Finished On"),
            ..Default::default()
        })
    })?;
    resume.awards = export.rows("Honors.csv", &["Title"], |r| {
        Some(Award {
            title: Some(r.get("Title")?),
            summary: r.get("Description"),
            awarder: r.get("Issuer"),
            date: r.date("Issued On"),
            ..Default::default()
        })
    })?;
    resume.volunteer = export.rows("Volunteering.csv", &["Company Name", "Role"], volunteer)?;
    resume.publications = export.rows("Publications.csv", &["Name", "Publisher"], |r| {
        Some(Publication {
            name: Some(r.get("Name")?),
            publisher: r.get("Publisher"),
            release_date: r.date("Published On"),
            url: r.get("Url"),
            summary: r.get("Description"),
            ..Default::default()
        })
    })?;
    resume.references = export.rows("Recommendations_Received.csv", &["Text"], |r| {
        if r.get("Status").is_some_and(|s| !s.eq_ignore_ascii_case("VISIBLE")) {
            return None;
        }
        let name = [r.get("First Name"), r.get("Last Name")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        Some(Reference {
            name: Some(name).filter(|n| !n.is_empty()),
            reference: Some(r.get("Text")?),
            ..Default::default()
        })
    })?;
    if basics != Basics::default() {
        resume.basics = Some(basics);
    }

    let Export { mut warnings, found, .. } = export;
    if found.is_empty() {
        return Err(Diagnostic::error(format!(
            "{WHAT} holds none of the files vitae reads (Profile.csv, Positions.csv, Education.csv, Skills.csv, …)"
        ))
        .hint("download the full archive again (LinkedIn: Settings > Data privacy > Get a copy of your data) and import the ZIP as it comes"));
    }
    if let Some(damage) = package.damage.take() {
        warnings.insert(
            0,
            Diagnostic::warning(format!("{damage}; read what could be recovered"))
                .hint("check the result, or download the export again"),
        );
    }
    Ok(Parsed { resume, diagnostics: warnings })
}

/// The open export and what reading it found.
struct Export<'p, 'a> {
    package: &'p mut Package<'a>,
    warnings: Vec<Diagnostic>,
    /// The files that were present.
    found: Vec<String>,
}

/// One CSV row with its header.
struct Row<'r> {
    header: &'r [String],
    cells: &'r csv::StringRecord,
    file: &'r str,
    line: usize,
    warnings: &'r mut Vec<Diagnostic>,
}

impl Row<'_> {
    /// The trimmed, non-empty value of `column` (compared without regard to case).
    fn get(&self, column: &str) -> Option<String> {
        let k = self.header.iter().position(|h| h.eq_ignore_ascii_case(column))?;
        let v = self.cells.get(k)?.trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    /// A date column: "Jan 2020", "2020", "Jan 1, 2020"; anything else is reported.
    fn date(&mut self, column: &str) -> Option<PartialDate> {
        let raw = self.get(column)?;
        match parse_human_date(&raw) {
            Some(HumanDate::Date(d)) => Some(d),
            Some(HumanDate::Present) => None,
            None => {
                self.warnings.push(
                    Diagnostic::warning(format!(
                        "{} line {}: could not read the date `{raw}` in `{column}`; it was left out",
                        self.file, self.line
                    ))
                    .hint("add the date to the imported resume by hand (YYYY, YYYY-MM or YYYY-MM-DD)"),
                );
                None
            }
        }
    }
}

impl Export<'_, '_> {
    /// Maps every row of `file` with `f`; `columns` are those any header row of it has one of.
    fn rows<T>(
        &mut self,
        file: &str,
        columns: &[&str],
        mut f: impl FnMut(&mut Row) -> Option<T>,
    ) -> Result<Vec<T>, Diagnostic> {
        let Some((name, records)) = self.records(file)? else { return Ok(Vec::new()) };
        let Some(at) = records.iter().position(|r| {
            r.iter().any(|c| columns.iter().any(|col| c.trim().eq_ignore_ascii_case(col)))
        }) else {
            self.warnings.push(
                Diagnostic::warning(format!("{name}: no header row with {} found; the file was not read", columns.join(" or ")))
                    .hint("import the export as LinkedIn made it; a file edited in a spreadsheet may have lost its header"),
            );
            return Ok(Vec::new());
        };
        let header: Vec<String> = records[at].iter().map(|h| h.trim().to_string()).collect();
        let mut out = Vec::new();
        for (k, cells) in records[at + 1..].iter().enumerate() {
            if k >= MAX_ROWS {
                self.warnings.push(Diagnostic::warning(format!(
                    "{name}: only the first {MAX_ROWS} rows were read"
                )));
                break;
            }
            let mut row = Row {
                header: &header,
                cells,
                file: &name,
                line: at + k + 2,
                warnings: &mut self.warnings,
            };
            out.extend(f(&mut row));
        }
        Ok(out)
    }

    /// The records of `file`, found in any folder of the archive, with the name it has there.
    fn records(
        &mut self,
        file: &str,
    ) -> Result<Option<(String, Vec<csv::StringRecord>)>, Diagnostic> {
        let wanted = file.to_ascii_lowercase();
        let Some(name) = self.package.names().into_iter().find(|n| {
            let base = n.rsplit('/').next().unwrap_or(n).to_ascii_lowercase();
            base == wanted || base.replace(['_', ' '], "") == wanted.replace(['_', ' '], "")
        }) else {
            return Ok(None);
        };
        let Some(bytes) = self.package.read(&name)? else { return Ok(None) };
        self.found.push(name.clone());
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
            .into_owned();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = Vec::new();
        for r in reader.records() {
            match r {
                Ok(r) => records.push(r),
                Err(e) => {
                    self.warnings.push(
                        Diagnostic::warning(format!(
                            "{name}: the CSV breaks off ({e}); read the rows before it"
                        ))
                        .hint("download the export again"),
                    );
                    break;
                }
            }
            if records.len() > MAX_ROWS + 20 {
                break;
            }
        }
        Ok(Some((name, records)))
    }

    /// Name, headline, summary, place and sites from `Profile.csv`; e-mail and phone from
    /// their own files (the primary address first).
    fn basics(&mut self) -> Result<Basics, Diagnostic> {
        let mut b = Basics::default();
        let profiles = self.rows("Profile.csv", &["First Name", "Headline"], |r| {
            let name = [r.get("First Name"), r.get("Last Name")]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let sites = r.get("Websites").map(|w| urls(&w)).unwrap_or_default();
            let twitter = r.get("Twitter Handles").map(|t| list(&t)).unwrap_or_default();
            Some((name, r.get("Headline"), r.get("Summary"), r.get("Geo Location"), sites, twitter))
        })?;
        if let Some((name, headline, summary, geo, sites, twitter)) = profiles.into_iter().next() {
            b.name = Some(name).filter(|n| !n.is_empty());
            b.label = headline;
            b.summary = summary;
            b.location = geo.as_deref().and_then(places::location).or_else(|| {
                geo.map(|g| crate::model::Location { city: Some(g), ..Default::default() })
            });
            for url in sites {
                match contact::network_of(&url) {
                    Some(network) => b.profiles.push(Profile {
                        network: Some(network.to_string()),
                        url: Some(url),
                        ..Default::default()
                    }),
                    None if b.url.is_none() => b.url = Some(url),
                    None => {}
                }
            }
            for handle in twitter {
                let user = handle.trim_start_matches('@').to_string();
                b.profiles.push(Profile {
                    network: Some("Twitter".into()),
                    url: Some(format!("https://twitter.com/{user}")),
                    username: Some(user),
                    ..Default::default()
                });
            }
        }
        let emails = self.rows("Email Addresses.csv", &["Email Address"], |r| {
            Some((
                r.get("Email Address")?,
                r.get("Primary").is_some_and(|p| p.eq_ignore_ascii_case("yes")),
            ))
        })?;
        b.email =
            emails.iter().find(|(_, primary)| *primary).or(emails.first()).map(|(e, _)| e.clone());
        let phones = self.rows("PhoneNumbers.csv", &["Number"], |r| r.get("Number"))?;
        b.phone = phones.into_iter().next();
        Ok(b)
    }
}

fn work(r: &mut Row) -> Option<Work> {
    let name = r.get("Company Name");
    let position = r.get("Title");
    if name.is_none() && position.is_none() {
        return None;
    }
    let (summary, highlights) = split_description(r.get("Description"));
    Some(Work {
        name,
        position,
        location: r.get("Location"),
        start_date: r.date("Started On"),
        end_date: r.date("Finished On"),
        summary,
        highlights,
        ..Default::default()
    })
}

fn volunteer(r: &mut Row) -> Option<Volunteer> {
    let organization = r.get("Company Name");
    let position = r.get("Role");
    if organization.is_none() && position.is_none() {
        return None;
    }
    let (summary, highlights) = split_description(r.get("Description"));
    Some(Volunteer {
        organization,
        position,
        start_date: r.date("Started On"),
        end_date: r.date("Finished On"),
        summary,
        highlights,
        ..Default::default()
    })
}

fn education(r: &mut Row) -> Option<Education> {
    let institution = r.get("School Name")?;
    let notes = [r.get("Notes"), r.get("Activities")].into_iter().flatten().collect::<Vec<_>>();
    let mut e = Education {
        institution: Some(institution),
        study_type: r.get("Degree Name"),
        area: r.get("Field Of Study"),
        start_date: r.date("Start Date"),
        end_date: r.date("End Date"),
        ..Default::default()
    };
    if !notes.is_empty() {
        e.extra.insert("description".into(), notes.join("\n\n").into());
    }
    Some(e)
}

/// A description's bullet lines are highlights; the other lines, paragraph by paragraph, the
/// summary.
fn split_description(text: Option<String>) -> (Option<String>, Vec<String>) {
    let Some(text) = text else { return (None, Vec::new()) };
    let mut prose: Vec<String> = Vec::new();
    let mut highlights = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, prose: &mut Vec<String>| {
        if !paragraph.is_empty() {
            prose.push(paragraph.join(" "));
            paragraph.clear();
        }
    };
    for line in text.lines().map(str::trim) {
        if let Some(item) = line.strip_prefix(['•', '-', '*', '·', '–', '▪', '●']) {
            flush(&mut paragraph, &mut prose);
            let item = item.trim();
            if !item.is_empty() {
                highlights.push(item.to_string());
            }
        } else if line.is_empty() {
            flush(&mut paragraph, &mut prose);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut prose);
    let summary = (!prose.is_empty()).then(|| prose.join("\n\n"));
    (summary, highlights)
}

/// The URLs in a `Websites` cell, which LinkedIn writes as `[PERSONAL:https://…,COMPANY:…]`
/// or as plain URLs.
fn urls(cell: &str) -> Vec<String> {
    list(cell)
        .into_iter()
        .filter_map(|item| {
            let at = item.find("http://").or_else(|| item.find("https://")).or_else(|| {
                // `OTHER:example.org` without a scheme.
                item.split_once(':')
                    .map(|(_, rest)| item.len() - rest.len())
                    .filter(|_| item.contains('.'))
            })?;
            let url = item[at..].trim();
            Some(if url.contains("://") { url.to_string() } else { format!("https://{url}") })
        })
        .collect()
}

/// The items of a `[a,b]` or `a,b` cell.
fn list(cell: &str) -> Vec<String> {
    cell.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_split_into_prose_and_bullets() {
        let (summary, highlights) = split_description(Some(
            "Led the data team.\nWe shipped weekly.\n\n• Built the pipeline\n- Hired four".into(),
        ));
        assert_eq!(summary.as_deref(), Some("Led the data team. We shipped weekly."));
        assert_eq!(highlights, ["Built the pipeline", "Hired four"]);
    }

    #[test]
    fn website_cells_give_urls() {
        assert_eq!(
            urls("[PERSONAL:https://mara.example.org,OTHER:github.com/mara]"),
            ["https://mara.example.org", "https://github.com/mara"]
        );
        assert_eq!(urls("https://a.example"), ["https://a.example"]);
    }
}
