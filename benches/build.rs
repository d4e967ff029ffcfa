//! Whole-process build time of the real `vitae` binary on generated sites of 1, 100 and 1,000
//! resumes (a mix of JSON, YAML, Markdown and plain text). Run: `cargo bench --bench build`.
//! Prints the median and fastest of several runs, and the time per resume.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1, 100, 1000] } else { sizes };
    println!(
        "vitae build, whole process ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "{:>8} {:>6} {:>12} {:>12} {:>14}",
        "resumes", "runs", "median", "fastest", "per resume"
    );
    for n in sizes {
        let site = tempfile::tempdir().expect("temp dir");
        generate_site(site.path(), n);
        let runs = if n <= 10 {
            30
        } else if n <= 100 {
            15
        } else {
            7
        };
        let mut times: Vec<Duration> = (0..runs).map(|_| build_once(site.path())).collect();
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{n:>8} {runs:>6} {:>10.1}ms {:>10.1}ms {:>12.3}ms",
            ms(median),
            ms(times[0]),
            ms(median) / n as f64
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn build_once(root: &Path) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_vitae"))
        .args(["build", "--root"])
        .arg(root)
        .output()
        .expect("run vitae");
    let elapsed = start.elapsed();
    assert!(out.status.success(), "build failed: {}", String::from_utf8_lossy(&out.stderr));
    elapsed
}

/// Writes `n` fictional resumes in rotating formats.
pub fn generate_site(root: &Path, n: usize) {
    let content = root.join("content");
    std::fs::create_dir_all(&content).expect("content dir");
    for i in 0..n {
        let (ext, text) = match i % 4 {
            0 => ("json", json_resume(i)),
            1 => ("yaml", yaml_resume(i)),
            2 => ("md", markdown_resume(i)),
            _ => ("txt", text_resume(i)),
        };
        std::fs::write(content.join(format!("person-{i:05}.{ext}")), text).expect("write resume");
    }
}

const FIRST: [&str; 8] = ["Ada", "Bo", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana"];
const LAST: [&str; 8] = ["Lind", "Okafor", "Moreau", "Tanaka", "Silva", "Novak", "Reyes", "Berg"];
const ORGS: [&str; 6] =
    ["Acme Corp", "Globex", "Initech", "Umbrella Labs", "Hooli", "Vandelay Industries"];

fn name(i: usize) -> String {
    format!("{} {} {i}", FIRST[i % 8], LAST[(i / 8) % 8])
}

fn json_resume(i: usize) -> String {
    let work: Vec<String> = (0..4)
        .map(|k| {
            format!(
                r#"{{"name":"{}","position":"Engineer {k}","startDate":"{}-0{}","endDate":"{}-12","summary":"Worked on **systems** number {k}.","highlights":["Shipped feature {k}a","Cut costs by {k}0%","Mentored {k} people"]}}"#,
                ORGS[(i + k) % 6],
                2010 + k,
                k + 1,
                2011 + k
            )
        })
        .collect();
    format!(
        r#"{{"basics":{{"name":"{}","label":"Software Engineer","email":"p{i}@example.com","summary":"Engineer {i} who builds things.","location":{{"city":"Berlin","countryCode":"DE"}},"profiles":[{{"network":"GitHub","username":"p{i}","url":"https://github.com/p{i}"}}]}},"work":[{}],"education":[{{"institution":"University {i}","area":"Computer Science","studyType":"BSc","startDate":"2005","endDate":"2009"}}],"skills":[{{"name":"Languages","keywords":["Rust","Go","Python"]}}],"languages":[{{"language":"English","fluency":"Native"}}]}}"#,
        name(i),
        work.join(",")
    )
}

fn yaml_resume(i: usize) -> String {
    let mut s = format!(
        "basics:\n  name: {}\n  label: Data Scientist\n  email: y{i}@example.com\n  summary: Analyst number {i}.\nwork:\n",
        name(i)
    );
    for k in 0..4 {
        s.push_str(&format!(
            "  - name: {}\n    position: Analyst {k}\n    startDate: {}-03\n    endDate: {}-02\n    highlights:\n      - Built model {k}\n      - Reported to the board\n",
            ORGS[(i + k) % 6],
            2012 + k,
            2013 + k
        ));
    }
    s.push_str("education:\n  - institution: Example University\n    studyType: MSc\n    area: Statistics\n    endDate: '2011'\nskills:\n  - name: Tools\n    keywords: [R, SQL, Python]\n");
    s
}

fn markdown_resume(i: usize) -> String {
    let mut s =
        format!("# {}\n\nProduct designer · m{i}@example.com\n\n## Experience\n\n", name(i));
    for k in 0..4 {
        s.push_str(&format!(
            "### Designer at {} ({} – {})\n\n- Designed flow {k}\n- Ran {k} user studies\n\n",
            ORGS[(i + k) % 6],
            2014 + k,
            2015 + k
        ));
    }
    s.push_str("## Education\n\nBA Design, Example Art School, 2013\n\n## Skills\n\nFigma, Research, Prototyping\n");
    s
}

fn text_resume(i: usize) -> String {
    let mut s = format!(
        "{}\nt{i}@example.com | +1 555 010 {i:04}\n\nEXPERIENCE\n\n",
        name(i).to_uppercase()
    );
    for k in 0..4 {
        s.push_str(&format!(
            "Operations Manager, {}\nJan {} - Dec {}\n* Ran team {k}\n* Improved process {k}\n\n",
            ORGS[(i + k) % 6],
            2010 + k,
            2011 + k
        ));
    }
    s.push_str("EDUCATION\n\nBSc Business, Example College, 2009\n\nSKILLS\n\nExcel, Negotiation, Planning\n");
    s
}
