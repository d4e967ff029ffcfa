//! Markup readers' throughput: MB/s of each reader (reStructuredText, Org, AsciiDoc, LaTeX,
//! HTML) on its fictional resume repeated to about a megabyte, and on adversarial input of
//! about 5 MiB (unclosed markup, deep nesting, runaway macros) that must stay linear. Plain std
//! timing on CPU time; run with `cargo bench --bench read`.

use std::hint::black_box;
use std::time::Instant;

use vitae::parse::read::{self, Markup};

/// CPU time this thread has run, in seconds (Linux); the machine may be shared.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn fixture(name: &str) -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `unit` repeated to about `bytes`.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Times one reader on one text: MB/s of CPU time (wall time if CPU time is unavailable).
fn measure(label: &str, markup: Markup, text: &str) {
    let wall = Instant::now();
    let cpu = cpu_seconds();
    let doc = black_box(read::read(markup, black_box(text)));
    let seconds = match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => wall.elapsed().as_secs_f64(),
    };
    let blocks = doc.walk().len();
    let mb = text.len() as f64 / 1e6;
    println!(
        "{label:<44} {mb:>6.2} MB {seconds:>8.3} s {:>8.1} MB/s {blocks:>9} blocks",
        mb / seconds
    );
}

fn main() {
    const MB: usize = 1 << 20;
    let typical = [
        ("rst: fictional resume", Markup::Rst, "resume.rst"),
        ("org: fictional resume", Markup::Org, "resume.org"),
        ("asciidoc: fictional resume", Markup::AsciiDoc, "resume.adoc"),
        ("latex: moderncv resume", Markup::Latex, "resume-moderncv.tex"),
        ("latex: template with its own macros", Markup::Latex, "resume-template.tex"),
        ("html: resume page", Markup::Html, "resume.html"),
    ];
    for (label, markup, file) in typical {
        // One document of that size, the resume repeated (LaTeX's \end{document} only at the
        // end, or the rest would not be read).
        let text = fixture(file).replace("\\end{document}", "");
        measure(label, markup, &repeat(&format!("{text}\n\n"), MB));
    }
    let adversarial: [(&str, Markup, String); 12] = [
        ("rst: unmatched inline markup", Markup::Rst, repeat("*a **b `c |d [e ``f _g ", 5 * MB)),
        (
            "rst: indentation staircase",
            Markup::Rst,
            (0..5000)
                .map(|k| format!("{}- x\n", " ".repeat(k % 400)))
                .collect::<String>()
                .repeat(5),
        ),
        ("org: unmatched emphasis and links", Markup::Org, repeat("*a /b _c =d [[e {{{f ", 5 * MB)),
        (
            "org: unclosed blocks and drawers",
            Markup::Org,
            repeat("#+BEGIN_QUOTE\n:DRAWER:\n- x\n", 5 * MB),
        ),
        (
            "asciidoc: unmatched markup and macros",
            Markup::AsciiDoc,
            repeat("*a _b `c link:x[ https://y[ {z} ", 5 * MB),
        ),
        (
            "asciidoc: attribute references",
            Markup::AsciiDoc,
            format!(":a: {}\n\n{}", "x".repeat(10_000), repeat("{a}", 5 * MB)),
        ),
        ("latex: nested styles, unclosed", Markup::Latex, repeat("\\textbf{", 5 * MB)),
        ("latex: unknown commands, unclosed", Markup::Latex, repeat("\\foo{", 5 * MB)),
        (
            "latex: a doubling macro",
            Markup::Latex,
            format!("\\def\\m#1{{#1#1}}{}", repeat("\\m{", 5 * MB)),
        ),
        (
            "latex: table rows",
            Markup::Latex,
            format!("\\begin{{tabular}}{{ll}}{}", repeat("a & b \\\\ ", 5 * MB)),
        ),
        ("html: nested divs, unclosed", Markup::Html, repeat("<div>", 5 * MB)),
        (
            "html: inline tags and comments",
            Markup::Html,
            repeat("<b><i>x</b></i><!-- y --> ", 5 * MB),
        ),
    ];
    for (label, markup, text) in &adversarial {
        measure(label, *markup, text);
    }
}
