//! `vitae import` on the fictional resume of each markup with a reader of its own
//! (`tests/fixtures/readers/resume.*`): the markup is detected, the header reaches the resume,
//! and no markup reaches any value.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use common::vitae_bin;

fn import(file: &Path) -> Value {
    let out =
        Command::new(vitae_bin()).arg("import").arg(file).args(["--to", "json"]).output().unwrap();
    assert!(out.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers").join(name)
}

/// Every string in the output, with its path.
fn strings(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(k, x)| strings(x, &format!("{path}[{k}]"), out))
        }
        Value::Object(o) => o.iter().for_each(|(k, x)| strings(x, &format!("{path}.{k}"), out)),
        _ => {}
    }
}

fn assert_no_markup(file: &str, resume: &Value) {
    let mut all = Vec::new();
    strings(resume, "", &mut all);
    for (path, s) in all.iter().filter(|(p, _)| !p.ends_with(".url")) {
        for sign in
            ["**", "`", "\\textbf", "\\item", "<p", "</", "[[", "]]", "#+", ":: ", "|===", "{{{"]
        {
            assert!(!s.contains(sign), "{file}: {path} holds markup {sign:?}: {s:?}");
        }
    }
}

#[test]
fn restructured_text_is_read_through_its_reader() {
    let r = import(&fixture("resume.rst"));
    assert_eq!(r["basics"]["name"], "Mira Okonkwo");
    assert_eq!(r["basics"]["email"], "mira@example.org");
    assert_no_markup("resume.rst", &r);
}

#[test]
fn org_is_read_through_its_reader_with_its_keywords_as_the_header() {
    let r = import(&fixture("resume.org"));
    assert_eq!(r["basics"]["name"], "Ines Valdés");
    assert_eq!(r["basics"]["email"], "ines@example.net");
    assert_no_markup("resume.org", &r);
}

#[test]
fn an_rst_resume_saved_as_txt_is_read_as_rst() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("cv.txt");
    std::fs::copy(fixture("resume.rst"), &txt).unwrap();
    let r = import(&txt);
    assert_eq!(r["basics"]["name"], "Mira Okonkwo");
    assert_no_markup("cv.txt", &r);
}

#[test]
fn asciidoc_is_read_through_its_reader_with_its_author_line_as_the_header() {
    let r = import(&fixture("resume.adoc"));
    assert_eq!(r["basics"]["name"], "Tomasz Wierzba");
    assert_eq!(r["basics"]["email"], "tomasz@example.com");
    assert_no_markup("resume.adoc", &r);
}

#[test]
fn an_html_page_is_read_through_its_reader() {
    let r = import(&fixture("resume.html"));
    assert_eq!(r["basics"]["name"], "Keanu Albrecht");
    assert_eq!(r["basics"]["email"], "keanu@example.com");
    assert_no_markup("resume.html", &r);
}

#[test]
fn a_php_page_of_html_is_read_as_html() {
    let dir = tempfile::tempdir().unwrap();
    let php = dir.path().join("resume.php");
    let page = std::fs::read_to_string(fixture("resume.html")).unwrap();
    std::fs::write(
        &php,
        format!("<?php include 'header.php'; if ($a->b) {{ ?>\n{page}<?php }} ?>\n"),
    )
    .unwrap();
    let r = import(&php);
    assert_eq!(r["basics"]["name"], "Keanu Albrecht");
    assert_no_markup("resume.php", &r);
    assert!(!serde_json::to_string(&r).unwrap().contains("php"));
}

#[test]
fn latex_cv_classes_are_read_through_the_latex_reader() {
    for (file, name, email) in [
        ("resume-moderncv.tex", "Renée Dupré-Koç", "renee@example.fr"),
        ("resume-awesome.tex", "Priya Raman", "priya@example.in"),
    ] {
        let r = import(&fixture(file));
        assert_eq!(r["basics"]["name"], name, "{file}");
        assert_eq!(r["basics"]["email"], email, "{file}");
        assert_no_markup(file, &r);
    }
    // A template's own macros (\resumeSubheading) are expanded: the name in its header
    // and the rows it prints are read.
    let r = import(&fixture("resume-template.tex"));
    assert_eq!(r["basics"]["name"], "Jonah Whitfield");
    assert_eq!(r["work"][0]["position"], "Backend Intern");
    assert_no_markup("resume-template.tex", &r);
}

#[test]
fn a_site_builds_from_resumes_in_the_new_markups() {
    let site = common::TestSite::new();
    for (file, slug) in
        [("resume.adoc", "tomasz"), ("resume-moderncv.tex", "renee"), ("resume.org", "ines")]
    {
        site.file(
            &format!("content/{slug}.{}", file.rsplit('.').next().unwrap()),
            &std::fs::read_to_string(fixture(file)).unwrap(),
        );
    }
    site.run(&["build"]).success();
    assert!(site.read("public/renee/index.html").contains("Renée Dupré-Koç"));
    assert!(site.read("public/tomasz/index.html").contains("Tomasz Wierzba"));
    assert!(site.read("public/ines/index.html").contains("Ines Valdés"));
}

/// Every fictional resume in `tests/fixtures/readers/`: the tree its reader makes and the
/// resume interpreted from it, as snapshots to review when either changes.
#[test]
fn every_markup_fixture_reads_into_its_tree_and_resume() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    assert!(files.len() >= 8, "expected the reader fixtures, found {}", files.len());
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap().replace(['.', '-'], "_");
        let bytes = std::fs::read(&path).unwrap();
        let tree = vitae::parse::document_tree(&bytes, &path).unwrap();
        insta::assert_snapshot!(format!("{name}_tree"), tree.outline());
        let parsed = vitae::parse::import(&bytes, &path).unwrap();
        insta::assert_snapshot!(format!("{name}_resume"), parsed.resume.to_json_pretty());
    }
}

#[test]
fn entries_set_on_two_lines_are_one_entry_each() {
    // awesome-cv's \cventry, the \resumeSubheading template's two-row tabular and an
    // article's `\hfill`-split lines all print an entry's header on two lines.
    let r = import(&fixture("resume-awesome.tex"));
    let tidewater = r["work"].as_array().unwrap().iter().find(|w| w["name"] == "Tidewater Telecom");
    assert_eq!(tidewater.unwrap()["position"], "Systems Engineer");
    let r = import(&fixture("resume-template.tex"));
    assert_eq!(r["work"][0]["name"], "Northwind Freight");
    assert_eq!(r["education"][0]["institution"], "Lakeshore State University");
    assert_eq!(r["education"][0]["startDate"], "2018-08");
    let r = import(&fixture("resume-article.tex"));
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{work:?}");
    assert_eq!(work[0]["position"], "Data Engineer");
    assert_eq!(work[0]["name"], "Fjordline Analytics");
    assert_eq!(work[1]["name"], "Kystnett AS");
    assert_eq!(r["education"][0]["institution"], "University of Bergen");
    assert_eq!(r["basics"]["location"]["city"], "Bergen");
}

#[test]
fn an_academic_cv_with_dated_table_rows_reads_its_entries() {
    let r = import(&fixture("resume-academic.tex"));
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 3, "{work:?}");
    assert_eq!(work[0]["position"], "Lecturer in Marine Biology");
    assert_eq!(work[2]["name"], "Seastate Analytics");
    assert_eq!(r["education"].as_array().unwrap().len(), 2);
    assert_eq!(r["awards"][0]["date"], "2022");
    assert_no_markup("resume-academic.tex", &r);
}

#[test]
fn a_resume_page_leaves_out_the_site_menu_and_copyright_footer() {
    let r = import(&fixture("resume-page.html"));
    assert_eq!(r["basics"]["name"], "Sunniva Aas");
    let all = serde_json::to_string(&r).unwrap();
    assert!(!all.contains('©') && !all.contains("Built with"), "{all}");
    assert_eq!(r["education"].as_array().unwrap().len(), 1, "{all}");
    assert_eq!(r["languages"][1]["fluency"], "fluent");
    assert_no_markup("resume-page.html", &r);
}

#[test]
fn a_resume_cls_resume_reads_its_sections_entries_and_header_lines() {
    let r = import(&fixture("resume-rsection.tex"));
    assert_eq!(r["basics"]["email"], "tomas@example.cl");
    assert_eq!(r["basics"]["location"]["city"], "Valparaíso");
    assert_eq!(r["education"][0]["institution"], "Universidad del Pacífico");
    assert_eq!(r["education"][0]["startDate"], "2014-03");
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{work:?}");
    assert_eq!(work[0]["name"], "Andes Robotics");
    assert_eq!(work[0]["position"], "Backend Engineer");
    assert_eq!(work[0]["highlights"].as_array().unwrap().len(), 2);
    assert_no_markup("resume-rsection.tex", &r);
}

#[test]
fn a_moderncv_item_keyed_by_dates_is_an_entry() {
    let r = import(&fixture("resume-moderncv.tex"));
    let intern = r["work"].as_array().unwrap().iter().find(|w| w["position"] == "Stagiaire");
    let intern = intern.unwrap_or_else(|| panic!("{}", r["work"]));
    assert_eq!((&intern["name"], &intern["startDate"]), (&"Studio Rhône".into(), &"2015".into()));
    // A \cvitem keyed by a word stays a field: the skills are still read as groups.
    assert_eq!(r["skills"][0]["name"], "Langages");
}

#[test]
fn jakes_resume_template_reads_every_entry_and_its_projects() {
    // Each `\resumeSubheading` opens an item with a table; the second entry's row is not the
    // first entry's last bullet, and `\resumeProjectHeading{Name | tools}{dates}` is a project.
    let r = import(&fixture("resume-jake.tex"));
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{work:?}");
    assert_eq!(work[1]["position"], "Teaching Assistant");
    assert_eq!(work[1]["startDate"], "2020-01");
    assert_eq!(work[0]["highlights"].as_array().unwrap().len(), 2);
    let projects = r["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 2, "{projects:?}");
    assert_eq!(projects[0]["name"], "Tidepool");
    assert_eq!(projects[0]["keywords"][1], "WebAssembly");
    assert_eq!(projects[0]["highlights"].as_array().unwrap().len(), 1);
    assert_no_markup("resume-jake.tex", &r);
}

#[test]
fn deedys_header_commands_in_the_body_are_entry_lines() {
    // Deedy's `\location{dates | place}` after the first section is a line of the entry,
    // not the person's address; `\namesection{first}{last}{contacts}` names the person.
    let r = import(&fixture("resume-deedy.tex"));
    assert_eq!(r["basics"]["name"], "Arjun Mehra");
    assert!(r["basics"].get("location").is_none(), "{}", r["basics"]);
    assert!(r["basics"].get("summary").is_none(), "{}", r["basics"]);
    assert_eq!(r["work"][0]["name"], "Corvid Networks");
    assert_eq!(r["work"][0]["startDate"], "2020-01");
    assert_eq!(r["work"][1]["location"], "Mumbai, India");
    let edu = r["education"].as_array().unwrap();
    assert_eq!(edu.len(), 2, "{edu:?}");
    assert_eq!(edu[1]["endDate"], "2017-05");
    assert_eq!(edu[1]["score"], "3.71 / 4.0");
}

#[test]
fn moderncv_title_address_and_grade_slots_are_read() {
    // `\title` beside `\name` is the headline; `\address{street}{postcode city}{country}` the
    // location; the fifth `\cventry` slot alone is the grade.
    let r = import(&fixture("resume-moderncv-classic.tex"));
    assert_eq!(r["basics"]["label"], "Structural Engineer");
    assert_eq!(r["basics"]["location"]["city"], "Kraków");
    assert_eq!(r["basics"]["location"]["countryCode"], "PL");
    assert!(r["basics"].get("summary").is_none(), "{}", r["basics"]);
    assert_eq!(r["education"][0]["score"], "5.0/5.0");
    assert_eq!(r["work"][0]["highlights"].as_array().unwrap().len(), 2);
    assert_eq!(r["languages"][1]["fluency"], "C1 IELTS 7.5");
    assert_eq!(r["interests"].as_array().unwrap().len(), 4);
}

#[test]
fn an_article_cv_with_its_own_entry_macro_dated_terms_and_a_dated_table() {
    // `\newcommand{\job}[4]` setting "Org \hfill Place \\ Title \hfill Dates", a bold lead
    // before a comma, `\item[2021]` awards and a tabularx of dated degrees.
    let r = import(&fixture("resume-article-shapes.tex"));
    assert_eq!(r["basics"]["location"]["countryCode"], "JO");
    assert!(r["basics"].get("label").is_none(), "{}", r["basics"]);
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 3, "{work:?}");
    assert_eq!(
        (&work[1]["position"], &work[1]["location"]),
        (&"Hydrogeologist".into(), &"Irbid, Jordan".into())
    );
    assert_eq!(
        (&work[2]["name"], &work[2]["position"]),
        (&"Oasis Engineering".into(), &"Field Advisor".into())
    );
    assert_eq!(work[2]["summary"], "Advised on well siting for rural cooperatives.");
    assert_eq!(r["awards"][0]["title"], "Young Hydrologist Prize");
    assert_eq!(r["awards"][1]["date"], "2016");
    assert_eq!(r["education"][1]["institution"], "Yarmouk Valley University");
    assert_eq!(r["skills"].as_array().unwrap().len(), 4);
    assert_no_markup("resume-article-shapes.tex", &r);
}

#[test]
fn awesome_cv_honours_under_a_subsection_keep_their_awarder() {
    let r = import(&fixture("resume-awesome-full.tex"));
    assert_eq!(r["basics"]["phone"], "(+351) 912-345-678");
    assert_eq!(r["basics"]["location"]["city"], "Porto");
    let awards = r["awards"].as_array().unwrap();
    assert_eq!(awards.len(), 2, "{awards:?}");
    assert_eq!(awards[0]["awarder"], "European Cyber Security Challenge");
    assert_eq!(r["certificates"][0]["name"], "OSCP");
    assert_eq!(r["work"][1]["highlights"].as_array().unwrap().len(), 1);
}

#[test]
fn currvita_lists_read_dated_entries_and_references() {
    // `\begin{cvlist}{…}` with `\item[dates]` entries, and references as unlabelled items of
    // several lines: one reference each, the name first.
    let r = import(&fixture("resume-currvita.tex"));
    assert_eq!(r["basics"]["name"], "Mira Tolvanen");
    assert_eq!(r["work"][1]["name"], "Kallio Systems");
    assert_eq!(r["work"][1]["startDate"], "2016-03");
    let refs = r["references"].as_array().unwrap();
    assert_eq!(refs.len(), 2, "{refs:?}");
    assert_eq!(refs[1]["name"], "Prof. Jussi Mäki");
    assert!(refs[0]["reference"].as_str().unwrap().contains("Tampere University"));
}

#[test]
fn publications_by_year_under_description_labels_are_one_each() {
    // `\item[Journals]` over a paragraph per paper, each opening with its year: the label
    // titles a group, every paragraph is a publication named by its quoted title.
    let r = import(&fixture("resume-currvita.tex"));
    let pubs = r["publications"].as_array().unwrap();
    let names: Vec<&str> = pubs.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "Learning gaits on uneven ice",
            "A budget controller for small quadrupeds",
            "Sensor fusion on a shoestring"
        ]
    );
    assert_eq!(pubs[1]["releaseDate"], "2019");
}

#[test]
fn a_cv_of_dated_tabular_rows_and_centred_header_lines() {
    // `\centerline` lines are lines of their own; a tabular of "dates | entry" rows with a
    // description row under each reads one entry per dated row.
    let r = import(&fixture("resume-tabular.tex"));
    assert_eq!(r["basics"]["name"], "Sigrid Halvorsen");
    assert_eq!(r["basics"]["location"]["city"], "Tromsø");
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{work:?}");
    assert_eq!(
        (&work[0]["name"], &work[0]["position"]),
        (&"Polar Ice Institute".into(), &"Research Scientist".into())
    );
    assert_eq!(work[1]["summary"], "Thesis on melt-pond albedo.");
    assert_eq!(r["education"][1]["institution"], "University of Bergen");
}

#[test]
fn a_friggeri_entry_description_is_text_not_a_header_field() {
    // `\entry{dates}{title}{employer}{description}`: an emphasised first line of the
    // description ("Propulsion team") does not take the employer's place.
    let r = import(&fixture("resume-friggeri.tex"));
    assert_eq!(r["basics"]["name"], "paulo ferreira");
    assert_eq!(r["basics"]["label"], "marine engineer");
    let job = &r["work"][0];
    assert_eq!(job["position"], "Marine Engineer");
    assert!(job["name"].as_str().unwrap().starts_with("Tagus Shipyards"), "{job}");
    assert!(job["summary"].as_str().unwrap().contains("shaft lines"), "{job}");
    assert_eq!(r["education"][0]["institution"], "Atlantic Technical University");
}

#[test]
fn a_europass_cv_gives_employers_titles_and_languages() {
    let r = import(&fixture("resume-europass.tex"));
    assert_eq!(r["basics"]["name"], "Ilse Marttila");
    assert_eq!(r["basics"]["phone"], "+358 40 555 0101");
    assert_eq!(r["basics"]["profiles"][0]["network"], "Skype");
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{work:?}");
    assert_eq!(
        (&work[0]["name"], &work[0]["position"]),
        (&"Saaristo Pottery Works".into(), &"Ceramics technician".into())
    );
    assert_eq!(work[0]["highlights"].as_array().unwrap().len(), 2);
    assert_eq!(work[1]["name"], "Harbour Clay Studio");
    assert_eq!(r["education"][0]["institution"], "Coastal University of Applied Arts");
    let langs: Vec<&str> =
        r["languages"].as_array().unwrap().iter().filter_map(|l| l["language"].as_str()).collect();
    assert_eq!(langs, ["Finnish", "English", "Swedish"]);
    assert_no_markup("resume-europass.tex", &r);
}

#[test]
fn a_bold_employer_and_a_title_after_a_dash_in_a_table_cell_are_two_slots() {
    // "| **Org** - Title | dates |": read as a line outside a table would be.
    let r = import(&fixture("table-bold-employer-dash.md"));
    let work = r["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{work:?}");
    assert_eq!(
        (&work[0]["name"], &work[0]["position"]),
        (&"Globex".into(), &"Senior Engineer".into())
    );
    assert_eq!((&work[1]["name"], &work[1]["position"]), (&"Initech".into(), &"Analyst".into()));
    assert_eq!(work[1]["endDate"], "2015");
}

#[test]
fn a_latex_resume_reads_the_section_files_it_inputs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sections")).unwrap();
    std::fs::write(
        dir.path().join("cv.tex"),
        "\\documentclass{article}\n\\begin{document}\n{\\LARGE Jane Roe}\n\n\
         % \\input{sections/draft}\n\\input{sections/work}\n\\include{sections/education.tex}\n\
         \\end{document}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sections/work.tex"),
        "\\section*{Experience}\n\\textbf{Acme Corp} \\hfill 2019 -- 2023\\\\\nSenior Engineer\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("sections/education.tex"),
        "\\section*{Education}\nB.Sc. Physics, Northwind University \\hfill 2018\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("sections/draft.tex"), "\\section*{Awards}\nDraft Prize\n")
        .unwrap();
    let r = import(&dir.path().join("cv.tex"));
    assert_eq!(r["work"][0]["name"], "Acme Corp", "{r:#}");
    assert_eq!(r["work"][0]["position"], "Senior Engineer", "{r:#}");
    assert_eq!(r["education"][0]["institution"], "Northwind University", "{r:#}");
    // A commented-out `\input` stays out, as in TeX.
    assert!(r.get("awards").is_none(), "{r:#}");
}

#[test]
fn an_org_cv_resume_reads_its_contact_keywords_and_entry_properties() {
    // org-cv's `#+MOBILE`/`#+GITHUB`/`#+ADDRESS` keywords are the header; a headline's
    // `:FROM:`/`:TO:`/`:EMPLOYER:`/`:LOCATION:` properties are its entry's dates and places.
    let r = import(&fixture("resume-orgcv.org"));
    let b = &r["basics"];
    assert_eq!(b["name"], "Rosa Quintero");
    assert_eq!(b["phone"], "+56 9 5550 1234");
    assert_eq!(b["location"]["city"], "Northport");
    assert_eq!(b["profiles"][0]["url"], "https://github.com/rquintero");
    assert_eq!(b["profiles"][1]["url"], "https://www.linkedin.com/in/rosa-quintero");
    let pilot = &r["work"][0];
    assert_eq!(pilot["name"], "Northwind Port Authority");
    assert_eq!(pilot["position"], "Harbour Pilot");
    assert_eq!(pilot["location"], "Northport, Chile");
    assert_eq!(pilot["startDate"], "2018-09-03");
    assert!(pilot.get("endDate").is_none(), "{pilot}");
    assert_eq!(pilot["highlights"].as_array().unwrap().len(), 2);
    assert_eq!(r["work"][1]["name"], "Globex Shipping");
    assert_eq!(r["work"][1]["endDate"], "2019-03-31");
    assert_eq!(r["education"][0]["institution"], "Northwind Nautical School");
    assert_eq!(r["education"][0]["endDate"], "2013-12-20");
    assert_no_markup("resume-orgcv.org", &r);
    // The source block whose code is not exported is not text.
    assert!(!r.to_string().contains("require"), "{r}");
}
