//! `vitae import` as a user runs it: files and stdin, YAML and JSON out, never overwriting.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{Run, vitae_bin};

fn import(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(vitae_bin())
        .arg("import")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // vitae may refuse before reading stdin (e.g. an existing --output): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    Run(child.wait_with_output().unwrap())
}

#[test]
fn a_json_resume_on_stdin_is_read_as_structured_data() {
    let run = import(
        &["-", "--to", "json"],
        r#"{"basics": {"name": "Ada Example"}, "work": [{"company": "Acme"}]}"#,
    );
    run.success().stderr_has("renamed the old field `company` to `name`");
    let out: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(out["work"][0]["name"], "Acme");
    common::assert_schema_valid(&out);
}

#[test]
fn yaml_is_the_default_output_and_reads_back() {
    let run = import(&["-"], "basics:\n  name: Ada Example\nskills:\n  - name: Rust\n");
    run.success();
    let back = vitae::parse::yaml::parse(&run.stdout()).unwrap();
    assert_eq!(back["basics"]["name"], "Ada Example");
    assert_eq!(back["skills"][0]["name"], "Rust");
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("me.yaml");
    std::fs::write(&out, "mine").unwrap();
    let out_s = out.to_str().unwrap();
    import(&["-", "--output", out_s], "basics:\n  name: A\n").fails_with(1).stderr_has("--force");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    import(&["-", "--output", out_s, "--force"], "basics:\n  name: A\n").success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("name: A"));
}

#[test]
fn duplicate_keys_in_json_are_read_with_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dup.json");
    std::fs::write(
        &file,
        "{\n  \"basics\": {\n    \"name\": \"A\",\n    \"name\": \"B\"\n  }\n}\n",
    )
    .unwrap();
    let run = Run(Command::new(vitae_bin())
        .args(["import", "--to", "json"])
        .arg(&file)
        .output()
        .unwrap());
    run.success().stderr_has("dup.json:4:").stderr_has("appears more than once");
    assert!(run.stdout().contains("\"name\": \"B\""));
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let run = Run(Command::new(vitae_bin())
        .args(["import", "/nonexistent/resume.txt"])
        .output()
        .unwrap());
    run.fails_with(1).stderr_has("/nonexistent/resume.txt");
}

#[test]
fn files_that_are_not_resume_text_are_refused_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "this is a PNG image"),
        ("tool.md", b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", "this is an executable (ELF)"),
        ("noise.txt", &[0u8; 300], "this is binary data"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let run = import(&[path.to_str().unwrap(), "--to", "json"], "");
        run.fails_with(1).stderr_has(name).stderr_has(says).stderr_has("help:");
        assert_eq!(run.stdout(), "", "{name}: nothing on stdout");
    }
}

/// `vitae import ARGS` in a shell whose address space is capped at 1 GB: reading a huge input
/// into memory would fail there.
#[cfg(unix)]
fn import_in_1gb(args: &str) -> Run {
    let script = format!("ulimit -v 1000000; exec '{}' import {args}", vitae_bin());
    Run(Command::new("sh").arg("-c").arg(script).output().unwrap())
}

#[cfg(unix)]
#[test]
fn oversized_input_is_refused_before_it_is_read_from_files_devices_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let sparse = dir.path().join("huge.txt");
    // 3 GB on paper, nothing on disk: the size alone refuses it.
    std::fs::File::create(&sparse).unwrap().set_len(3_000_000_000).unwrap();
    import_in_1gb(&format!("'{}'", sparse.display()))
        .fails_with(1)
        .stderr_has("huge.txt")
        .stderr_has("3000000000 bytes, over the 5 MiB limit");
    // Endless inputs are read no further than the limit.
    import_in_1gb("/dev/zero")
        .fails_with(1)
        .stderr_has("/dev/zero")
        .stderr_has("larger than the 5 MiB limit");
    // Standard input may be a PDF or Word document, which may be larger than a text resume.
    import_in_1gb("- < /dev/zero").fails_with(1).stderr_has("<stdin>").stderr_has("64 MiB limit");
}

#[test]
fn a_latin1_file_is_decoded_and_the_encoding_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cv.txt");
    // Fictional; "Zoë Müller" and "Educação" written in ISO-8859-1.
    std::fs::write(&file, b"Zo\xeb M\xfcller\nzoe@example.com\n\nEduca\xe7\xe3o\n\nBSc, 2015\n")
        .unwrap();
    let run = import(&[file.to_str().unwrap(), "--to", "json"], "");
    run.success().stderr_has("cv.txt").stderr_has("read it as Windows-1252");
    let out: serde_json::Value = serde_json::from_str(&run.stdout()).unwrap();
    assert_eq!(out["basics"]["name"], "Zoë Müller");
    assert!(!run.stdout().contains('\u{fffd}'));
}

/// The name read from a file written in `bytes` (imported as JSON Resume output).
fn imported_name(file_name: &str, bytes: &[u8]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(file_name);
    std::fs::write(&file, bytes).unwrap();
    let run = import(&[file.to_str().unwrap(), "--to", "json"], "");
    let out: serde_json::Value = serde_json::from_str(&run.success().stdout()).unwrap();
    out["basics"]["name"].clone()
}

#[test]
fn byte_order_marks_and_utf16_keep_the_name_in_every_format() {
    let json = r#"{"basics": {"name": "Zoë Example", "label": "Surveyor"}}"#;
    let utf16le: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(json.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(imported_name("me.json", &utf16le), "Zoë Example");
    let utf16be: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain(json.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(imported_name("me.json", &utf16be), "Zoë Example");
    let yaml = "\u{feff}basics:\n  name: Zoë Example\n";
    assert_eq!(imported_name("me.yaml", yaml.as_bytes()), "Zoë Example");
    let text =
        "\u{feff}Zoë Example\nzoe@example.com\n\nExperience\n\nSurveyor, Acme, 2019 - 2021\n";
    assert_eq!(imported_name("me.txt", text.as_bytes()), "Zoë Example");
    // A NUL inside the name line (a damaged save) is a space, not the end of the name.
    assert_eq!(imported_name("nul.txt", b"Zoe\x00Example\nzoe@example.com\n"), "Zoe Example");
}

#[test]
fn the_tree_of_a_pdf_shows_what_its_reader_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marta.pdf");
    std::fs::write(&path, common::pdf_files::fictional_resume()).unwrap();
    let run = import(&[path.to_str().unwrap(), "--to", "tree"], "");
    run.success();
    let tree = run.stdout();
    assert!(tree.contains("Marta Quill"), "{tree}");
    assert!(tree.contains("Harbour Logistics"), "{tree}");
}

#[test]
fn entries_written_as_forms_are_read_by_their_labels() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("formulario.txt");
    let text = "Jana Roe\njana@example.com\n\nExperiencia\n\nEmpresa: Acme\nCargo: Ceramista\nPeríodo: marzo 2019 – junio 2021\nFunciones: Esmalté jarrones.\n\nEmpresa: Globex\nCargo: Aprendiz\nPeríodo: 2016 – 2019\n";
    std::fs::write(&file, text).unwrap();
    let run = import(&[file.to_str().unwrap(), "--to", "json"], "");
    let out: serde_json::Value = serde_json::from_str(&run.success().stdout()).unwrap();
    let work = out["work"].as_array().unwrap();
    assert_eq!(work.len(), 2, "{out:#}");
    assert_eq!(work[0]["name"], "Acme");
    assert_eq!(work[0]["position"], "Ceramista");
    assert_eq!(work[0]["startDate"], "2019-03");
    assert_eq!(work[0]["summary"], "Esmalté jarrones.");
    assert_eq!(work[1]["name"], "Globex");
    assert_eq!(work[1]["endDate"], "2019");
    // Every line found its field: nothing is left unsorted.
    assert!(out.get("unsortedSections").is_none(), "{out:#}");
}
