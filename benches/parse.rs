//! Parser throughput: MB/s of resume text through `parse::read_text`, over a generated mix of
//! Markdown, plain-text and PDF-style resumes. Plain std timing; run with `cargo bench`.

use std::hint::black_box;
use std::time::Instant;

use vitae::parse::read_text;

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

fn main() {
    let docs: Vec<String> = (0..200).flat_map(|i| [markdown(i), plain(i)]).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    // Warm up, then time several passes.
    for d in docs.iter().take(20) {
        black_box(read_text(d, None));
    }
    let passes = 5;
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    for _ in 0..passes {
        for d in &docs {
            black_box(read_text(black_box(d), None));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_start.zip(cpu_seconds()).map(|(a, b)| b - a);
    let mb = (bytes * passes) as f64 / 1e6;
    println!(
        "parse: {:.1} MB in {:.2} s wall = {:.1} MB/s ({} documents)",
        mb,
        secs,
        mb / secs,
        docs.len()
    );
    if let Some(cpu) = cpu {
        println!("parse: {:.2} s on the CPU = {:.1} MB/s of CPU time", cpu, mb / cpu);
    }
}
