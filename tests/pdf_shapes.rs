//! Fictional resumes in the layouts real PDFs come in (a word-processor template, a profile
//! site's "Save to PDF" page), kept as HTML in `tests/fixtures/pdf_shapes/`, printed to PDF
//! with Chromium and imported: the fields a reader sees must come out. Skipped with a note when
//! no browser is installed, unless `CI=true`.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use common::Run;

/// Prints a fixture page to PDF and imports it as JSON; `None` when no browser is there.
fn import_printed(name: &str) -> Option<serde_json::Value> {
    let Ok(browser) = vitae::pdf::find_browser() else {
        common::skip_unless(false, "a Chromium browser (VITAE_BROWSER or chromium on PATH)");
        return None;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf_shapes");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join(format!("{name}.pdf"));
    let job = vitae::pdf::PrintJob { html: root.join(format!("{name}.html")), pdf: pdf.clone() };
    vitae::pdf::print_one(&browser, &job).unwrap();
    let run = Run(Command::new(common::vitae_bin())
        .args(["import", pdf.to_str().unwrap(), "--to", "json"])
        .output()
        .unwrap());
    run.success();
    let out: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    common::assert_schema_valid(&out);
    Some(out)
}

fn field<'a>(v: &'a serde_json::Value, path: &[&str]) -> &'a str {
    path.iter().fold(v, |v, k| &v[k]).as_str().unwrap_or("")
}

#[test]
fn a_word_processor_template_reads_employer_title_two_row_schools_and_rated_skills() {
    let Some(out) = import_printed("docs_template") else { return };
    let work = out["work"].as_array().unwrap();
    // "Employer, Place — Title": the slot the place follows is the employer.
    assert_eq!(field(&work[0], &["name"]), "Independent Tutor", "{out:#}");
    assert_eq!(field(&work[0], &["position"]), "Maths Tutor", "{out:#}");
    assert_eq!(field(&work[0], &["location"]), "Dover, DE", "{out:#}");
    assert_eq!(field(&work[1], &["name"]), "Harbourside Books", "{out:#}");
    // Each school is two table rows: one entry each, the town dropped.
    let edu = out["education"].as_array().unwrap();
    assert_eq!(edu.len(), 2, "{out:#}");
    assert_eq!(field(&edu[0], &["institution"]), "Northfield University");
    assert_eq!(field(&edu[0], &["studyType"]), "Master of Arts");
    assert_eq!(field(&edu[0], &["area"]), "Medieval History");
    assert_eq!(field(&edu[1], &["endDate"]), "2019");
    // An honour under a degree is an award; ratings in a skills table are dropped.
    assert_eq!(field(&out["awards"][0], &["title"]), "Dean’s List at Eastbrook College");
    assert_eq!(field(&out["skills"][0], &["name"]), "Software", "{out:#}");
    assert_eq!(out["skills"][0]["keywords"], serde_json::json!(["Zotero", "LaTeX", "Python"]));
}

#[test]
fn a_profile_sites_pdf_reads_its_sidebar_and_wrapped_education_lines() {
    let Some(out) = import_printed("profile_export") else { return };
    assert_eq!(field(&out, &["basics", "name"]), "Tomas Ekberg", "{out:#}");
    assert_eq!(field(&out, &["basics", "email"]), "tomas.ekberg@example.org");
    assert_eq!(field(&out["work"][0], &["name"]), "Fjordline Water Board", "{out:#}");
    assert_eq!(field(&out["work"][0], &["position"]), "Hydrologist");
    // A school name wrapped after "and" is one name; "Degree, Field · (dates)" under it is
    // the qualification, its field and its dates.
    let edu = out["education"].as_array().unwrap();
    assert_eq!(edu.len(), 2, "{out:#}");
    assert_eq!(
        field(&edu[0], &["institution"]),
        "Birchwood Field Academy of Water Studies and Coastal Landscape Planning"
    );
    assert_eq!(field(&edu[0], &["studyType"]), "Flood Risk Studies");
    assert_eq!(field(&edu[0], &["startDate"]), "2016-09");
    assert_eq!(field(&edu[1], &["area"]), "Environmental Hydrology");
    assert_eq!(field(&edu[1], &["endDate"]), "2016");
    let langs: Vec<&str> =
        out["languages"].as_array().unwrap().iter().map(|l| field(l, &["language"])).collect();
    assert_eq!(langs, ["Swedish", "English"], "{out:#}");
    let skills = out["skills"].to_string();
    assert!(skills.contains("GIS Mapping"), "{out:#}");
}

#[test]
fn a_section_heading_on_a_later_page_ranks_with_the_first_pages_sections() {
    // An unstyled page: the sections are `h1`s as large as the name, the employers `h2`s,
    // and "Experience" opens the second page.
    let Some(out) = import_printed("unstyled_sections") else { return };
    let work = out["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{out:#}");
    assert_eq!(field(&work[0], &["name"]), "Moorland Trust");
    assert_eq!(field(&work[0], &["position"]), "Survey Lead");
    assert_eq!(field(&work[1], &["endDate"]), "2019-02");
    let skills: Vec<&str> =
        out["skills"].as_array().unwrap().iter().map(|s| field(s, &["name"])).collect();
    assert_eq!(skills, ["Fieldwork", "Analysis"], "{out:#}");
}
