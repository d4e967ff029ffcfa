//! Save-to-reload latency of `vitae serve`: the time from writing a resume to the `reload`
//! event reaching a connected client, debounce included. Runs the real (release) binary on the
//! example site and on a generated site of 100 resumes, one resume edited each time.
//!
//! `cargo bench --bench reload` (`VITAE_BENCH_EDITS=N` for more or fewer edits per site).

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::serve::{Site, generated_resume};

/// Pause between edits, so each save is its own debounce window.
const GAP: Duration = Duration::from_millis(60);

fn main() {
    let edits: usize =
        std::env::var("VITAE_BENCH_EDITS").ok().and_then(|n| n.parse().ok()).unwrap_or(40);
    let example = Site::example();
    let original = example.read("content/avery-quinn.yaml");
    report(
        "example site (1 resume)",
        &measure(&example, edits, |i| {
            let text = original.replacen("name: Avery Quinn", &format!("name: Avery Quinn {i}"), 1);
            ("content/avery-quinn.yaml".to_string(), text)
        }),
    );
    let many = Site::generated(100);
    report(
        "generated site (100 resumes, 1 edited)",
        &measure(&many, edits, |i| {
            ("content/person-042.yaml".to_string(), generated_resume(42, &format!("v{i}")))
        }),
    );
}

/// Edits a file `edits` times (after a warm-up) and returns each save-to-reload latency.
fn measure(site: &Site, edits: usize, edit: impl Fn(usize) -> (String, String)) -> Vec<Duration> {
    let server = site.serve();
    let events = server.events();
    let mut samples = Vec::with_capacity(edits);
    let mut extra = 0;
    for i in 0..edits + 3 {
        let (rel, text) = edit(i);
        std::thread::sleep(GAP);
        // A save seen as two (rare) must not time the next one.
        while events.next(Duration::ZERO).is_some() {
            extra += 1;
        }
        let started = Instant::now();
        site.write(&rel, &text);
        events.expect("reload");
        if i >= 3 {
            samples.push(started.elapsed());
        }
    }
    if extra > 0 {
        println!("({extra} extra events: saves seen twice)");
    }
    samples
}

fn report(name: &str, samples: &[Duration]) {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: {} edits, save-to-reload median {:.1} ms, p95 {:.1} ms, min {:.1} ms, max {:.1} ms",
        sorted.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1])
    );
}
