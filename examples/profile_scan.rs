//! A plain loop over `scan_text` for profilers (callgrind, perf), which
//! criterion's harness would drown out:
//! `cargo build --release --example profile_scan &&
//!  valgrind --tool=callgrind target/release/examples/profile_scan 1`

use postvakt::eval::{parse_gold, GoldRecord};
use postvakt::generate::generate;
use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let src = include_str!("../corpus/labelled.jsonl");
    let pool: Vec<GoldRecord> = src
        .lines()
        .enumerate()
        .map(|(i, l)| parse_gold(i + 1, l.as_bytes()).expect("corpus is valid"))
        .collect();
    let posts: Vec<String> = generate(&pool, 5_000, 1).map(|r| r.text).collect();
    let bytes: usize = posts.iter().map(String::len).sum();
    let scanner = postvakt::Scanner::new();
    let t = Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        for p in &posts {
            findings += scanner.scan_text(p).len();
        }
    }
    let secs = t.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{} posts, {bytes} bytes, {} findings per round: {:.1} MB/s",
        posts.len(),
        findings / rounds.max(1),
        bytes as f64 / secs / 1e6
    );
}
