//! A plain loop over `scan_text` for profilers (callgrind, perf), which
//! criterion's harness would drown out, and a per-detector breakdown:
//! `cargo run --release --example profile_scan [rounds] [detector… | all | -detector | none]`
//! (`-name`: all detectors but `name`; `none`: no detectors). `JOIN=n`:
//! every `n` posts joined into one text, to see what a scan costs per text
//! rather than per byte. For callgrind, count only the measured rounds:
//! `valgrind --tool=callgrind --toggle-collect=profile_scan::measured …`.

use postvakt::eval::parse_gold_lines;
use postvakt::generate::generate;
use std::time::Instant;

const DETECTORS: &[&str] = &[
    "personnummer",
    "phone",
    "email",
    "address",
    "bank_account",
    "license_plate",
    "id_document",
    "terms",
    "name",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let only: Vec<String> = args.collect();
    let mut pool =
        parse_gold_lines(include_str!("../corpus/labelled.jsonl")).expect("corpus is valid");
    // `CLEAN=1`: only the records with nothing to find (the decoys), as most
    // posts are.
    if std::env::var_os("CLEAN").is_some() {
        pool.retain(|r| r.entities.is_empty());
    }
    let mut posts: Vec<String> = generate(&pool, 5_000, 1).map(|r| r.text).collect();
    if let Some(n) = std::env::var("JOIN")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        posts = posts.chunks(n).map(|c| c.join("\n\n")).collect();
    }
    let bytes: usize = posts.iter().map(String::len).sum();
    println!(
        "{} posts, {bytes} bytes, {:.0} bytes a post",
        posts.len(),
        bytes as f64 / posts.len() as f64
    );
    let ids: Vec<&str> = if only.is_empty() {
        DETECTORS.iter().copied().chain(["all"]).collect()
    } else {
        only.iter().map(String::as_str).collect()
    };
    let sets: Vec<(String, postvakt::Scanner)> = ids
        .iter()
        .map(|id| {
            let s = match *id {
                "all" => postvakt::Scanner::new(),
                // `none`: no detectors, what a scan costs around them.
                "none" => postvakt::Scanner::builder().only(&[]).build().unwrap(),
                // `-name`: every detector but one, to see what it adds.
                id if id.starts_with('-') => {
                    let rest: Vec<&str> = DETECTORS
                        .iter()
                        .copied()
                        .filter(|d| *d != &id[1..])
                        .collect();
                    postvakt::Scanner::builder().only(&rest).build().unwrap()
                }
                id => postvakt::Scanner::builder().only(&[id]).build().unwrap(),
            };
            (id.to_string(), s)
        })
        .collect();
    for (name, scanner) in &sets {
        // One warm-up pass: lazily loaded data (foreign phone metadata) and
        // regex caches are not what is measured.
        for p in &posts {
            scanner.scan_text(p);
        }
        let t = Instant::now();
        let findings = measured(scanner, &posts, rounds);
        let secs = t.elapsed().as_secs_f64() / rounds as f64;
        println!(
            "{name:>14}: {:.1} MB/s ({} findings per round)",
            bytes as f64 / secs / 1e6,
            findings / rounds.max(1)
        );
    }
}

/// The measured rounds, apart from the warm-up pass, so that callgrind can
/// count only them: `--toggle-collect=profile_scan::measured` leaves out
/// the lazy set-up the first pass pays (foreign phone metadata, regexes).
#[inline(never)]
fn measured(scanner: &postvakt::Scanner, posts: &[String], rounds: usize) -> usize {
    let mut findings = 0;
    for _ in 0..rounds {
        for p in posts {
            findings += scanner.scan_text(p).len();
        }
    }
    findings
}
