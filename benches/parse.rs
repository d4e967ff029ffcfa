//! Importer throughput: MB/s of resume text through `parse::parse_file` (reader, tree,
//! interpretation), over the evaluation seeds and the real corpus (`../shared/eval`, skipped
//! with a note when absent), over a generated mix of Markdown, plain-text and PDF-style
//! resumes, and on adversarial input: a 5 MiB skills line of 2.7 million comma-separated
//! items, and 5 MiB of one-word lines. Plain std timing; run with `cargo bench --bench parse`
//! (`VITAE_BENCH_FILE=path` times one file alone).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use vitae::parse::parse_file;

/// A paragraph of resume prose, as long as real ones are.
const PROSE: &str = "Designed, built and operated the services behind the product, working with \
product managers and designers to ship features every week, mentoring engineers, reviewing \
designs and code, and keeping the platform fast, reliable and affordable as traffic grew.";

const BULLET: &str = "Migrated the billing pipeline to an event-driven design, cutting month-end \
processing from two days to four hours and removing a class of reconciliation errors";

fn markdown(i: usize) -> String {
    let mut s = format!(
        "# Person Number{i}\n\nStaff engineer\n\nperson{i}@example.org · +1 555 010 {i:04}\n\n## Summary\n\n{PROSE}\n\n## Experience\n\n"
    );
    for j in 0..6 {
        s.push_str(&format!(
            "### Senior Engineer at Company{j} Labs (20{:02} - 20{:02})\n\n{PROSE}\n\n#### Achievements\n- Cut latency by {j}0% across the fleet of services\n- {BULLET}\n- {BULLET}\n\n",
            j + 5,
            j + 7
        ));
    }
    s.push_str("## Education\n\n- B.Sc. Computer Science, University of Somewhere, 2008\n\n## Skills\n\n- Languages: Rust, Go, Python\n- Tools: Git, Docker\n");
    s
}

fn plain(i: usize) -> String {
    let mut s = format!("PERSON NUMBER{i}\nperson{i}@example.org\n\nEX PE R IEN C E\n");
    for j in 0..6 {
        s.push_str(&format!(
            "Company{j}, Inc.\n09/20{:02} - Present\nPrincipal Software Engineer\nI designed and operated the storage layer for a large product used by many customers, and I\nmentored engineers across several teams while shipping features every week of the year.\n{PROSE}\n• Reduced cost per request by {j}5%\n• {BULLET}\n",
            j + 10
        ));
    }
    s.push_str("\nEDUCATION\nM.Sc., Physics\nLakeside Place University\n\nSKILLS\nRust, Go, SQL, Kubernetes\n");
    s
}

/// CPU time this thread has run, in seconds (Linux); the machine may be shared, so wall time
/// alone understates the parser's speed.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Times `passes` imports of every document and prints MB/s (wall and CPU).
fn measure(label: &str, docs: &[(PathBuf, Vec<u8>)], passes: usize) {
    let bytes: usize = docs.iter().map(|(_, d)| d.len()).sum();
    for (p, d) in docs.iter().take(20) {
        let _ = black_box(parse_file(p, d));
    }
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    for _ in 0..passes {
        for (p, d) in docs {
            let _ = black_box(parse_file(black_box(p), black_box(d)));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_start.zip(cpu_seconds()).map(|(a, b)| b - a);
    let mb = (bytes * passes) as f64 / 1e6;
    print!("{label}: {mb:.1} MB in {secs:.2} s wall = {:.1} MB/s", mb / secs);
    if let Some(cpu) = cpu {
        print!(", {:.1} MB/s of CPU time", mb / cpu);
    }
    println!(" ({} documents)", docs.len());
}

/// The resume inputs of an evaluation set (every file but the expected JSON and sources).
fn eval_set(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<(PathBuf, Vec<u8>)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            p.is_file() && !n.ends_with(".json") && !n.ends_with(".source") && !n.ends_with(".md")
                || n.ends_with(".md") && n != "README.md"
        })
        .filter_map(|p| std::fs::read(&p).ok().map(|d| (p, d)))
        .collect();
    out.sort();
    out
}

fn main() {
    // One file many times (`VITAE_BENCH_FILE=path`), to time or profile it alone.
    if let Ok(f) = std::env::var("VITAE_BENCH_FILE") {
        let d = std::fs::read(&f).expect("VITAE_BENCH_FILE names a readable file");
        measure(&f, &[(PathBuf::from(&f), d)], 2000);
        return;
    }
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let seeds = eval_set(&eval.join("seeds"));
    let real = eval_set(&eval.join("real"));
    if seeds.is_empty() || real.is_empty() {
        println!("seeds and real corpus: skipped (../shared/eval is absent)");
    } else {
        measure("seeds", &seeds, 20);
        measure("real corpus", &real, 20);
    }
    let generated: Vec<(PathBuf, Vec<u8>)> = (0..200)
        .flat_map(|i| {
            [
                (PathBuf::from(format!("g{i}.md")), markdown(i).into_bytes()),
                (PathBuf::from(format!("g{i}.txt")), plain(i).into_bytes()),
            ]
        })
        .collect();
    measure("generated", &generated, 5);

    // Adversarial: one 5 MiB skills line of 2.7 million one-letter items, and 5 MiB of
    // two-letter lines; parsing must stay linear in time with memory a small multiple.
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    let mut line = b"# Ada Example\n\n## Skills\n\n".to_vec();
    for i in 0..2_700_000 {
        if line.len() + 2 > 5 * 1024 * 1024 {
            break;
        }
        line.push(letters[i % 26]);
        line.push(b',');
    }
    measure("adversarial skills line", &[(PathBuf::from("long.md"), line)], 3);
    let mut lines = b"Ada Example\n\nSKILLS\n\n".to_vec();
    while lines.len() + 3 <= 5 * 1024 * 1024 {
        lines.extend_from_slice(b"ab\n");
    }
    measure("adversarial one-word lines", &[(PathBuf::from("lines.txt"), lines)], 1);
}
