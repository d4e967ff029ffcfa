//! A LinkedIn data export ("Get a copy of your data") as a user imports it: a fictional export
//! written here with the columns LinkedIn documents, mapped straight into JSON Resume.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Command;

use common::docx::zip_of;
use common::{Run, vitae_bin};
use serde_json::{Value, json};

/// A fictional export: every file vitae reads, one with LinkedIn's "Notes:" preamble, one in a
/// folder, quoted multi-line descriptions, and the date forms LinkedIn writes.
fn fictional_export() -> Vec<u8> {
    let files: [(&str, &str); 13] = [
        (
            "Profile.csv",
            "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n\
             Mara,Lindqvist,,,,Data engineer for coastal science,\"I build data pipelines for ocean sensors.\",Environmental Services,,\"Bergen, Vestland, Norway\",[maralq],\"[PERSONAL:https://mara.example.org,OTHER:https://github.com/mara-lq]\",\n",
        ),
        (
            "Email Addresses.csv",
            "Email Address,Confirmed,Primary,Updated On\nold@example.org,Yes,No,1/2/19\nmara@example.org,Yes,Yes,3/4/21\n",
        ),
        ("PhoneNumbers.csv", "Extension,Number,Type\n,+47 555 01 234,Mobile\n"),
        (
            "Positions.csv",
            "Company Name,Title,Description,Location,Started On,Finished On\n\
             Fjordline Analytics,Senior Data Engineer,\"Sensor data platform team.\n• Built the pipeline for 40 stations\n• Cut nightly load time to 20 min\",\"Bergen, Norway\",Mar 2020,\n\
             Tidewater Institute,Research Assistant,,,2016,Feb 2020\n",
        ),
        (
            "Education.csv",
            "School Name,Start Date,End Date,Notes,Degree Name,Activities\nUniversity of Tromsø,2011,2016,,Master of Science,Rowing club\n",
        ),
        ("Skills.csv", "Name\nPython\nApache Airflow\n"),
        (
            "Languages.csv",
            "Name,Proficiency\nNorwegian,Native or bilingual proficiency\nEnglish,Full professional proficiency\n",
        ),
        (
            "Certifications.csv",
            "Name,Url,Authority,Started On,Finished On,License Number\nCloud Data Engineer,https://cert.example.org/1,Example Cloud,Jun 2021,,ABC123\n",
        ),
        (
            "Projects.csv",
            "Title,Description,Url,Started On,Finished On\nKelp Counter,Counts kelp in drone photos,https://kelp.example.org,Jan 2019,Dec 2019\n",
        ),
        (
            "Honors.csv",
            "Title,Description,Issued On\nBest Poster Award,Ocean Data Conference,Oct 2018\n",
        ),
        (
            "Volunteering.csv",
            "Company Name,Role,Cause,Started On,Finished On,Description\nCoastal Cleanup Bergen,Coordinator,Environment,Apr 2017,someday,Organised beach cleanups\n",
        ),
        (
            "data/Publications.csv",
            "Name,Published On,Description,Publisher,Url\nCounting Kelp at Scale,Sep 2019,,Journal of Coastal Data,https://doi.example.org/10.1/kelp\n",
        ),
        (
            "Recommendations_Received.csv",
            "Notes:\n\"This file lists the recommendations you received.\"\n\nFirst Name,Last Name,Company,Job Title,Text,Creation Date,Status\nIda,Berg,Fjordline Analytics,Lead,\"Mara is a careful engineer.\",05/06/21,VISIBLE\nOle,Dahl,,,Hidden text,05/06/21,HIDDEN\n",
        ),
    ];
    zip_of(files.iter().map(|(n, d)| (*n, d.as_bytes())))
}

fn import(name: &str, bytes: &[u8]) -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let run = Run(Command::new(vitae_bin())
        .args(["import", path.to_str().unwrap(), "--to", "json"])
        .output()
        .unwrap());
    (dir, run)
}

#[test]
fn an_export_maps_into_every_section() {
    let (_dir, run) = import("Basic_LinkedInDataExport.zip", &fictional_export());
    run.success();
    let r: Value = serde_json::from_str(&run.stdout()).unwrap();
    common::assert_schema_valid(&r);
    let b = &r["basics"];
    assert_eq!(b["name"], "Mara Lindqvist");
    assert_eq!(b["label"], "Data engineer for coastal science");
    assert_eq!(b["email"], "mara@example.org", "the primary address");
    assert_eq!(b["phone"], "+47 555 01 234");
    assert_eq!(b["url"], "https://mara.example.org");
    assert_eq!(b["location"]["city"], "Bergen");
    assert_eq!(b["location"]["countryCode"], "NO");
    assert_eq!(b["profiles"][0], json!({"network": "GitHub", "url": "https://github.com/mara-lq"}));
    assert_eq!(b["profiles"][1]["username"], "maralq");
    assert_eq!(
        r["work"][0],
        json!({
            "name": "Fjordline Analytics",
            "location": "Bergen, Norway",
            "position": "Senior Data Engineer",
            "startDate": "2020-03",
            "summary": "Sensor data platform team.",
            "highlights": ["Built the pipeline for 40 stations", "Cut nightly load time to 20 min"]
        })
    );
    assert_eq!(r["work"][1]["startDate"], "2016");
    assert_eq!(r["work"][1]["endDate"], "2020-02");
    assert_eq!(r["education"][0]["institution"], "University of Tromsø");
    assert_eq!(r["education"][0]["studyType"], "Master of Science");
    assert_eq!(r["education"][0]["endDate"], "2016");
    assert_eq!(r["skills"][1]["name"], "Apache Airflow");
    assert_eq!(
        r["languages"][0],
        json!({"language": "Norwegian", "fluency": "Native or bilingual proficiency"})
    );
    assert_eq!(r["certificates"][0]["issuer"], "Example Cloud");
    assert_eq!(r["certificates"][0]["date"], "2021-06");
    assert_eq!(r["projects"][0]["endDate"], "2019-12");
    assert_eq!(r["awards"][0]["date"], "2018-10");
    assert_eq!(r["volunteer"][0]["organization"], "Coastal Cleanup Bergen");
    assert_eq!(r["publications"][0]["releaseDate"], "2019-09", "found inside a folder");
    assert_eq!(
        r["references"],
        json!([{"name": "Ida Berg", "reference": "Mara is a careful engineer."}])
    );
    // The one date LinkedIn would never write is reported, naming the file and line.
    run.stderr_has("Volunteering.csv line 2").stderr_has("someday");
}

#[test]
fn missing_files_are_fine() {
    let only =
        zip_of([("Positions.csv", &b"Company Name,Title,Started On\nAcme,Welder,2019\n"[..])]);
    let (_dir, run) = import("export.zip", &only);
    run.success();
    let r: Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(r, json!({"work": [{"name": "Acme", "position": "Welder", "startDate": "2019"}]}));
}

#[test]
fn a_truncated_export_is_read_in_part_and_a_broken_one_refused() {
    let bytes = fictional_export();
    let (_dir, run) = import("cut.zip", &bytes[..bytes.len() / 2]);
    run.success().stderr_has("cut.zip").stderr_has("read what could be recovered");
    assert!(run.stdout().contains("Mara Lindqvist"), "{}", run.stdout());

    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend(b"Profile.csv".repeat(8));
    let (_dir, run) = import("garbage.zip", &garbage);
    run.fails_with(1)
        .stderr_has("garbage.zip")
        .stderr_has("not a readable ZIP")
        .stderr_has("help:");
}
