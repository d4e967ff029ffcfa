//! Whole-process build time and peak memory of the real `vitae` binary on generated sites
//! (a mix of JSON, YAML, Markdown and plain text), and, when `VITAE_PEERS` names a
//! `node_modules/.bin` with JSON Resume's `resume` (resume-cli) and `resumed`, the same one
//! resume rendered by each, side by side.
//!
//! Run: `cargo bench --bench build` (1, 100, 1,000 resumes) or `cargo bench --bench build --
//! 1 100 1000 10000`; `scripts/bench.sh` installs the peers and runs everything.

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
        "{:>8} {:>5} {:>11} {:>11} {:>11} {:>12} {:>10}",
        "resumes", "runs", "clean", "rebuild", "fastest", "per resume", "peak RSS"
    );
    println!("{:>14} {:>11} {:>11}", "", "median", "median");
    let mut one_resume = None;
    for n in sizes {
        let site = tempfile::tempdir().expect("temp dir");
        generate_site(site.path(), n);
        let runs = match n {
            0..=10 => 30,
            11..=100 => 15,
            101..=1000 => 7,
            _ => 3,
        };
        // Clean: no previous output (removed and flushed untimed). Rebuild: the previous output is there,
        // as when someone runs `vitae build` again after an edit.
        let clean = measure_builds(site.path(), runs, true);
        let rebuild = measure_builds(site.path(), runs, false);
        let peak = clean.iter().chain(&rebuild).map(|r| r.1).max().unwrap_or(0);
        let fastest = clean[0].0.min(rebuild[0].0);
        let (clean, rebuild) = (clean[clean.len() / 2].0, rebuild[rebuild.len() / 2].0);
        if n == 1 {
            one_resume = Some(clean);
        }
        println!(
            "{n:>8} {runs:>5} {:>9.1}ms {:>9.1}ms {:>9.1}ms {:>10.3}ms {:>8.1}MB",
            ms(clean),
            ms(rebuild),
            ms(fastest),
            ms(clean) / n as f64,
            peak as f64 / 1024.0
        );
    }
    if let (Some(peers), Some(vitae)) = (std::env::var_os("VITAE_PEERS"), one_resume) {
        compare_with_peers(Path::new(&peers), vitae);
    }
}

/// `runs` builds of the site at `root`, sorted by time, each with its peak memory.
fn measure_builds(root: &Path, runs: usize, clean: bool) -> Vec<(Duration, u64)> {
    let mut results: Vec<(Duration, u64)> = (0..runs)
        .map(|_| {
            if clean {
                let _ = std::fs::remove_dir_all(root.join("public"));
                // Flushed, so the timed build does not pay for the deletion's write-back.
                let _ = Command::new("sync").status();
            }
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitae"));
            cmd.args(["build", "--root"]).arg(root);
            run_measured(cmd)
        })
        .collect();
    results.sort();
    results
}

/// One resume through resume-cli and resumed (theme "even"), against vitae's time for one.
fn compare_with_peers(bin: &Path, vitae: Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    let resume = dir.path().join("resume.json");
    std::fs::write(&resume, json_resume(0)).expect("write resume");
    // resume-cli 3.1 loads themes with require(): it needs its own CommonJS copy of "even".
    let cli_theme = bin.join("../resume-cli/node_modules/jsonresume-theme-even");
    let mut cli = Command::new(bin.join("resume"));
    cli.args(["export", "out.html", "--format", "html", "--theme"])
        .arg(&cli_theme)
        .arg("--resume")
        .arg(&resume);
    let mut resumed = Command::new(bin.join("resumed"));
    resumed.arg("render").arg(&resume).args([
        "--theme",
        "jsonresume-theme-even",
        "-o",
        "out2.html",
    ]);
    println!("\none resume, whole process, median of 7:");
    println!("{:<24} {:>9.1}ms", "vitae build", ms(vitae));
    for (name, mut cmd) in [("resume-cli 3.1 (even)", cli), ("resumed (even)", resumed)] {
        cmd.current_dir(dir.path());
        let mut times: Vec<Duration> = (0..7).map(|_| run_checked(&mut cmd)).collect();
        times.sort();
        let median = times[3];
        println!(
            "{name:<24} {:>9.1}ms   vitae is {:.0}x faster",
            ms(median),
            median.as_secs_f64() / vitae.as_secs_f64()
        );
    }
}

fn run_checked(cmd: &mut Command) -> Duration {
    let start = Instant::now();
    let out = cmd.output().expect("run peer");
    let elapsed = start.elapsed();
    assert!(out.status.success(), "peer failed: {}", String::from_utf8_lossy(&out.stderr));
    elapsed
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `cmd` to completion; returns wall time and the child's peak resident set in KiB.
#[allow(unsafe_code, clippy::zombie_processes)] // reaped by wait4, which std cannot do
fn run_measured(mut cmd: Command) -> (Duration, u64) {
    // Nothing is read from the child: a full pipe would stall it.
    cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    let start = Instant::now();
    let child = cmd.spawn().expect("run vitae");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, and wait4 writes only into the two
    // out-pointers we own, for a child we spawned and have not reaped.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert!(
        reaped == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "build failed"
    );
    (elapsed, usage.ru_maxrss as u64)
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
